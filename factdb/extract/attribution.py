"""Who a figure is attributed to.

``find_attributions(text, lo, hi)`` finds reporting cues in one sentence: "X said", ", said X",
"X told reporters", "according to X", "X estimated/warned/reported/announced/claimed/asserted",
"figures compiled by X", "X put the toll at". ``find_quotes(text, lo, hi)`` finds direct quotations
in a paragraph (they may span sentences) with the speaker named right after or before them.

Speakers are returned as written, without a leading article ("the Health Ministry in Gaza" ->
"Health Ministry in Gaza"). Pronouns ("he", "it", "they") and descriptions ("the ministry", "the
Britain-based monitor") are resolved later against earlier speakers of the document, see
:func:`resolve_speaker`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .anchored import Anchored, AnchoredSet, index_like
from .events import event_nouns, event_words
from .numbers import TEEN_WORDS, TENS_WORDS, UNIT_WORDS, has_digit

# the vocabulary of who speaks (data/speakers.json): one word set per use
SPEAKER_WORDS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in json.loads(resources.files(__package__).joinpath("data/speakers.json")
                                           .read_text(encoding="utf-8")).items() if not k.startswith("_")}


__all__ = ["Attribution", "find_attributions", "find_quotes", "resolve_speaker", "clean_speaker",
           "is_pronoun", "SpeakerMemory"]

_SPACES_RE = re.compile(r"\s+")
_LEADING_DETERMINER_RE = re.compile(r"\s*[\"“”,]*\s*(?:the|this|that|these|those)\s", re.I)
_LOWER_PHRASE_RE = re.compile(r"[a-z][\w'’ -]*")
_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:(—–\"“”]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bafter\b|\bwhen\b|\bwhere\b|\bbecause\b")
_LAST_CLAUSE_BOUNDARY_RE = re.compile(r"(?s:.*)(?:" + _CLAUSE_BOUNDARY_RE.pattern + ")")  # backtracks from the end to the last _CLAUSE_BOUNDARY_RE
_SHARE_OF_NP_RE = re.compile(r"^(?:(?:over|more\s+than|about|nearly|almost|some|around|roughly|just)\s+)?(?:half|a\s+third"
                      r"|a\s+quarter|two[-\s]thirds|three[-\s]quarters|most|many|some|all|\d[\d.,]*\s*(?:%|percent|per\s+cent)?)"
                      r"\s+of\s+(?:the\s+)?(?P<np>[a-z][\w\s'’-]*)$", re.I)
_NP_RESTART_RE = re.compile(r"\b(?:the|a|an)\s+|(?<![\w'’-])[A-Z]")
# a point inside a capitalised name: after a capitalised word and a joining word ("Office for the", "Committee
# to", "Office on Drugs and"), or after a capitalised word when the name ends in a body's or an office's head
# ("the Los Angeles County Medical Examiner"; but "in the West Bank Hamas said": Hamas speaks)
_JOINED_IN_A_NAME_RE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’.-]*\s+(?:of|for|on|to|and|de|del|des|du|la)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)*$")
_CAPITAL_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*\s+$")
_NAME_HEADS = SPEAKER_WORDS["body_heads"] | SPEAKER_WORDS["name_heads"]
# weekdays and months: capitalised, yet no name ("Marib on Tuesday")
_CALENDAR_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                             "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"})
# a document's publishing and its day after its name: "The civil defence bulletin published on Monday morning"
# (not before its agent: "A report issued on Thursday by the UN office estimated": the office speaks)
_PUBLISHED_TAIL_RE = re.compile(r"\s+(?:published|released|issued|posted|dated|updated)\s+(?:on|late|early|this|last)\b"
                                r"(?:(?!\bby\b).)*$", re.S)
_PASSIVE_BEFORE_VERB_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|it|has\s+been|have\s+been|had\s+been)\s+$")
_QUOTE_IT_BEFORE_RE = re.compile(r"[,\"”]\s*(?:it)\s+$")
# (also "of": "the number of confirmed deaths", never a reporting verb)
# a noun, not a verb, after these: "the reports", "between states" (not "the group states")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:an|the|a|this|that|its|their|of|between|among|across|in|to)\s+$", re.I)
# a participle glued to a word before it is an adjective ("laboratory-confirmed cases"), but a name before the hyphen
# is the agent: "on UN-verified figures"
_AGENT_BEFORE_HYPHEN_RE = re.compile(r"\b[A-Z][\w'’.]*-$")
# a participle used as an adjective: after a quantifier or a degree adverb ("of all confirmed cases", "the four
# most recently reported cases", "newly registered patients")
_MODIFIER_BEFORE_RE = re.compile(r"\b(?:all|most|more|new|newly|further|additional|those|these)(?:\s+recently)?\s+$", re.I)
# the last words of the three patterns above, for _ends_with_word
_PASSIVE_BEFORE_WORDS = ("is", "are", "was", "were", "be", "been", "being", "it")
_DETERMINER_BEFORE_WORDS = ("an", "the", "a", "this", "that", "its", "their", "of", "between", "among", "across", "in",
                            "to")
_MODIFIER_BEFORE_WORDS = ("all", "most", "more", "new", "newly", "further", "additional", "those", "these", "recently")


def _ends_with_word(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before`` may end in one of ``words`` (lower-case) and a space: a cheap first test for the
    ``...\\s+$`` patterns above, which a search tries at every word (non-ASCII letters may fold to ASCII
    under re.I: True for them)."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()[-12:]
    return not tail.isascii() or tail.lower().endswith(words)


# a participle before a count that is the subject of its own verb, or lowered or raised to a figure, is an adjective
_PARTICIPLE_ADJECTIVES = frozenset({"confirmed", "reported", "recorded", "registered", "documented", "verified"})
_COUNT_NOUN_THEN_VERB_RE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:tolls?|cases|infections|deaths|dead|fatalities|casualties|victims)\b"
    r"(?:\s+(?:in|from|of|among|across)\s+[^,;.]{1,40}?)?\s+(?:pass\w*|rose|rises?|risen|reach\w*|stand\w*|stood|is|are"
    r"|was|were|has|have|had|top\w*|climb\w*|soar\w*|exceed\w*|jump\w*|surpass\w*|to\s+\d)", re.I)
# ("..., the ministry added Monday.": a day may close the trailing cue)
# ("added", "added on Wednesday", "added on Wednesday that ...": a report, not a sum)
_ADDED_THAT_RE = re.compile(r"^\s*(?:that\b|[,.;:\"”]|$|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                            r"|Sunday|yesterday|today|later|earlier)\s*(?:[,.;]?\s*$|that\b|,))")
_NOUN_USE_BEFORE_RE = re.compile(r"\b(?:the|a|an|by|of|these|those|such|no|its|their|his|her|keeping|keep|kept|amid|amidst"
                                 r"|despite|over|with|without"
                                 # (a headline's verb before its object: "UN mission publishes report on war")
                                 r"|publishes|published|releases|released|issues|issued|unveils|unveiled|presents"
                                 # ("The investigators further received reports that ...": what they received)
                                 r"|received|receives|receiving|cited|citing|cites)\s+"
                                 r"(?:(?:earlier|latest|new|previous"
                   r"|initial|first|official|own|preliminary|revised|updated)\s+)?$", re.I)
_NOUN_USE_AFTER_RE = re.compile(r"^\s+(?:\w+ed|are|were|is|was|have|had|has|will|would|could|may|might|remain\w*|rose|fell|grew|rise|fall"
                r"|jumped|came|went|show\w*|suggest\w*|of|from|by|and|or)\b", re.I)
_COMMA_OR_QUOTE_END_RE = re.compile(r"[,\"”]\s*$")
_INVERTED_SPEAKER_RE = re.compile(r"\s+(?P<np>[^,;:.!?\"“”()]{1,70}?)(?=\s*(?:[,;:.!?\"“”()]|$|\s+(?:on|in\s+a|who|adding|as|at|after)\b))")
# an inverted "speaker" that is a clause: "said the toll stood at 18"
# (or "said the strike came on the town's market day": a past of what happened)
_CLAUSE_NP_RE = re.compile(r"\b(?:stood|stands|rose|rises|reached|reaches|climbed|was|were|is|are|had|has|have|came|went"
                           r"|hit|struck|began|took|fell|happened|occurred|killed|wounded|left)\b", re.I)
# the name a "who" clause is of, right before it: "Mahmoud Bassal, who had earlier reported"
_WHO_ANTECEDENT_RE = re.compile(r"(?P<np>(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s*,\s*$")
_PRONOUN_SPEAKER_AFTER_RE = re.compile(r"\s+(?:he|she|it|they)\s*[,.]")
# how a statement's document is said to have come out: "in a press release issued on Monday"
ISSUED_RE_PART = r"(?:issued|published|released|posted|sent)"
_TRAILING_CUE_REST_RE = re.compile(r"^(?:\s+(?:on\s+\w+|in\s+a\s+\w+(?:\s+\w+)?(?:\s+" + ISSUED_RE_PART + r")?|late\s+\w+|by\s+(?:mid-?)?[a-z]+|yesterday|today|last\s+\w+|this\s+\w+|earlier|later|also|too))*\s*(?:[.!?\"”]*\s*$|,\s*(?:adding|citing|warning|noting|saying|as|and|but|while|after|although|without|in|the(?![^,.;]{0,80}\b(?:said|says|told|tells|added|adds|reported|reports|announced)(?:\s+(?:on\s+)?\w+day)?\s*[.,;]))\b)")
_QUOTE_ATTRIBUTION_AFTER_RE = re.compile(r"^\s*,?\s*(?P<a>(?:(?:[A-Z][\w'’.-]*|the|a|an|[a-z]+'s|[a-z]+’s|[a-z-]+)\s+){0,8}?)(?P<v>said|says|added|adds|told|wrote|writes|stated|explained|warned|noted|insisted|claimed|asserted|declared|tweeted)\b(?P<b>\s+[^,;.!?\"“”]{1,70})?")
# '"...," Jane Doe, the governor of the region, wrote on ...': a name with an appositive between it and the verb
_QUOTE_ATTRIBUTION_APPOSITIVE_RE = re.compile(
    r"\s*,?\s*(?P<a>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}),\s+(?:the|a|an|[a-z]+)\s[^,;.!?\"“”]{1,90},\s+"
    r"(?P<v>said|says|added|adds|told|wrote|writes|stated|explained|warned|noted|declared|tweeted|posted)\b")
_SPEAKER_TAIL_CUT_RE = re.compile(r"\s+(?:on|in|who|adding|as|at|after)\b")
# ... also "The ministry issued a statement declaring, '...'" (a lower-case head after "the")
_QUOTE_ATTRIBUTION_BEFORE_RE = re.compile(
    r"(?P<a>(?:[A-Z][\w'’.-]*\s+|the\s+|[a-z]+'s\s+|(?<=[Tt]he\s)[a-z]+\s+){1,6}?)(?:said|says|told\s+\w+|added|wrote"
    r"|declared|warned|(?:issued|released|published|posted|put\s+out)\s+an?\s+(?:\w+\s+)?(?:statement|message|post"
    r"|update)\s+(?:declaring|saying|stating|reading|that\s+read))\s*[:,]?\s*$")
_NON_WORD_RE = re.compile(r"[^\w]")
_ACRONYM_RE = re.compile(r"[A-Z]{3,6}")

_VERBS = (r"said|says|say|told|tells|tell|estimated|estimates|estimate|warned|warns|warn|reported|reports|report"
          r"|announced|announces|announce|reporting|announcing|claimed|claims|claim|asserted|asserts|stated|states"
          r"|added|adds"
          r"|noted|notes|confirmed|confirms|tracked|tracks|recorded|records|registered|counted|documented"
          r"|believes|believe|acknowledged|acknowledges|explained|wrote|writes|tweeted|posted|declared"
          r"|insisted|predicted|predicts|projected|projects|forecast|forecasts|revealed|disclosed|alleged|alleges"
          r"|indicated|showed|shows|show|found|finds|calculated|estimating|cautioned|cautions|argued|argues"
          r"|testified|briefed|informed|notified|notifies|stressed|emphasized|emphasised|mentioned|observed|pointed\s+out"
          r"|told\s+reporters|updated|tallied|verified|logged|saying|lists|listed|counts|raised|revised|lowered"
          r"|speculated|suggested|suggests|feared|fears|predict|expect|expects"
          r"|increased|pointing\s+out|noting|accused|accuses|accusing")
_AUX = (r"(?:\s+(?:has|have|had|also|separately|previously|earlier|later|again|further|had\s+also|has\s+also"
        r"|would|will|could|did|does|officially|initially|recently|now|then|just|already|since|repeatedly"
        r"|publicly|privately|last\s+week|on\s+\w+|in\s+a\s+statement|however|by\s+now))*")
_AUX_TAIL_RE = re.compile(_AUX + r"\s*$")  # auxiliaries and adverbs that end a subject: "X has also"
_PUT = (r"(?:put(?:s|ting)?\s+(?:the\s+|its\s+|their\s+|\w+'s\s+|\w+’s\s+)?(?:\w+\s+)?(?:death\s+)?(?:toll|number|figure|tally"
        r"|count|total)"
        # ("had earlier given the death toll as seven")
        r"|(?:gave|given|giving|gives)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:death\s+)?(?:toll|number|figure|tally|count"
        r"|total)(?=\s+as\b))")

# participles whose speaker is the sentence's subject: "X renewed his call, saying ...", "..., pointing out that"
_PARTICIPLES = frozenset({"saying", "pointing out", "noting", "reporting", "announcing"})
# participles that report only after "with X" or "and X": "with Hezbollah announcing the death of one fighter and
# official media reporting that two children had been killed" (not "reporting by the agency")
_WITH_ONLY_PARTICIPLES = frozenset({"reporting", "announcing"})
_THAT_AFTER_RE = re.compile(r"\s+that\b")
VERB_RE = re.compile(r"\b(?P<v>" + _VERBS + r"|" + _PUT + r")\b", re.I)
ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<np>[^,;.!?\"“”()]{1,90}?)(?=\s*(?:[,;.!?\"“”()]|$|\s+(?:on|who|which|that|as|in\s+a|in\s+its|released|published|seen|based|compiled|cited|issued|posted)\b))", re.I)
BY_RE = re.compile(
    r"\b(?:laid\s+out|proposed|put\s+forward|demanded|set\s+out|compiled|published|issued|provided|cited"
    r"|estimated|announced|confirmed|tallied|documented|verified|collected|gathered|calculated|reported"
    r"|outlined|offered|drawn\s+up|presented|submitted)(?:\s+(?:on|last|this)\s+\w+|\s+(?:yesterday|today|earlier))?\s+by\s+(?P<np>[^,;.!?\"“”()]{1,70}?)(?=\s*(?:[,;.!?\"“”()]|$|\s+(?:on|who|which|that|as|in|to|for|and|have|has|had|were|was|is|are|show|showed)\b))",
    re.I)
# the three cue patterns, each tried only at the words it can start with, run together (one candidate list per
# text and one pass per sentence): scanner 0 "according to", 1 "compiled by", 2 the reporting verbs
_ACCORDING, _BY, _VERB = 0, 1, 2
# who put out the document "according to" names, which speaks for no one itself: "the latest figures released by
# the WHO on Friday"
_RELEASED_BY_RE = re.compile(r"\s+(?:released|published|posted|issued|compiled)(?:\s+(?:on|late|early)\s+\w+)?\s+by\s+"
                             r"(?P<np>[^,;.!?\"“”()]{1,70}?)(?=\s*(?:[,;.!?\"“”()]|$|\s+(?:on|in|which|that|and)\b))", re.I)
# "By an AFP tally, ...", "by a Reuters count": whose count it is (a name in it: "by one count" names no one)
BY_COUNT_RE = re.compile(r"\bby\s+(?P<np>(?:an?|the)\s+(?:[\w'’.-]+\s+){0,3}?(?-i:[A-Z][\w'’.-]*)(?:['’]s)?"
                         r"\s+(?:own\s+)?(?:tally|count|reckoning|calculations?))\b", re.I)
_CUE_SCAN = AnchoredSet([
    {"according": ACCORDING_RE, "by": BY_COUNT_RE},
    dict.fromkeys(("laid", "proposed", "put", "demanded", "set", "compiled", "published", "issued", "provided", "cited",
                   "estimated", "announced", "confirmed", "tallied", "documented", "verified", "collected", "gathered",
                   "calculated", "reported", "outlined", "offered", "drawn", "presented", "submitted"), BY_RE),
    dict.fromkeys({re.findall(r"[a-z]+", alt)[0] for alt in (_VERBS + "|put|puts|putting|gave|given|giving|gives").split("|")},
                  VERB_RE),
])
_RELAYED_BY_TAIL_RE = re.compile(r"\s+(?:quoted|cited)\s+by\s+.*$", re.S)
CITING_RE = re.compile(r"^\s*(?:citing|quoting)\s+", re.I)

_DET_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_SOURCE_NOUNS_RE = re.compile(
    r"^(?:(?:(?:the|an?)\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+|initial\s+|separate\s+)?(?:figures|data"
    r"|estimates?|statistics|numbers|tally|count|report|reports|assessment|survey|analysis|study|records|count|statement"
    r"|release|bulletin|update|imagery|investigations?)\s+(?:from|by|of|compiled\s+by|released\s+by|published\s+(?:by|in)"
    r"|issued\s+by|analy[sz]ed\s+by|posted\s+by)\s+)", re.I)
# "an IOM count released", "an AFP count based", "an update posted", "CPJ investigations up to this week":
# the source named before its document
_SOURCE_NOUN_TAIL_RE = re.compile(
    r"\s*\b(?:(?:count|tally|update|figures|data|investigations?|estimates?)"
    r"(?:\s+(?:released|posted|published|based|compiled|issued)|\s+up\s+to\s+[\w\s]{1,20})|count|tally)$", re.I)
_PRELIMINARY_RE = re.compile(r"^(?:(?:the|an?)\s+)?(?:latest|new|official|preliminary|initial|separate)\s+(?=[A-Z])", re.I)
_NAMED_RE = re.compile(r"\b[A-Z]")
# what is left of a dateline's agency: "IANS) Houthi-controlled health authorities"
_CLOSE_BRACKET_START_RE = re.compile(r"^[A-Z]{2,8}\)\s+(?=\S)")
_OWNER_SOURCE_RE = re.compile(
    # (its words before the noun say which of its documents: "latest", "daily", "weekly situation", "most recent")
    r"(?<=[\w.])(?:'s|’s)\s+(?:(?-i:[a-z][\w-]*)\s+){0,3}?(?:figures|data"
    r"|count|tally|estimates?|statistics|records|numbers|database|tracker|report|assessment|survey|update|bulletin)$", re.I)
_LEADING_NON_SPEAKER_RE = re.compile(r"^(?:(?:(?:so|thus)\s+)?far|meanwhile|separately|said|says)\s+", re.I)
_CONJ_START_RE = re.compile(r"^(?:though|although|while|whereas|but|and|yet)\s+", re.I)
_TRAIL_RE = re.compile(
    r"(?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in\s+a\s+(?:statement|report|post|briefing"
    r"|tweet|press\s+release|televised\s+address|news\s+conference)|in\s+its\s+\w+\s*\w*|last\s+week|on\s+\w+"
    r"|yesterday|today|late\s+\w+|earlier|later|also|however|too|alone|likewise|meanwhile|itself|published|released"
    r"|issued|(?-i:[a-z]+ly)))+$",
    re.I)
PRONOUNS = {"he", "she", "it", "they", "we", "i", "this", "officials", "who", "them"}
_BAD_NP_RE = re.compile(
    r"(?<!\w)\d|\b(?:which|whom|whose|there|what|when|where|why|how|if|whether|reports?\s+that|but|because|although|as"
    r"|brings|raises|takes|pushes)\b"
    r"|^(?:in|on|at|from|by|for|with|to|of|after|before|during|since|between|according|while|and|or|so|yet)\b",
    re.I)
_ADVERB_SEG_RE = re.compile(
    r"^(?:however|meanwhile|moreover|though|too|also|in\s+a\s+statement|on\s+\w+|in\s+turn|separately|for\s+its\s+part"
    r"|for\s+their\s+part|in\s+response|in\s+addition|by\s+contrast|instead|in\s+\w+)$", re.I)
# a capitalised word, with the lower-case particles of Arabic, Dutch, German, Spanish ... names: "al-Ansari"
_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu|van|von|der|den|de|da|di|du|la|le|dos|das|del)[-\s]+)*[A-Z][\w'’.-]+"
_NAME_TAIL_RE = re.compile(r"(?:^|\s)((?:" + _NAME_WORD + r"\s+){1,4}" + _NAME_WORD + r")$")


_RELATIVE_SPEAKER_RE = re.compile(
    # (or a clause without its pronoun after a counted noun: "Of the 111 hostages Israel says are still in Gaza")
    r"(?:\b(?:who|whom|which|that)|\d[\d,.]*\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s(?=\s+[A-Z]))"
    r"\s+(?P<np>(?:the\s+)?(?:[A-Z][\w.'’·-]*\s+){1,4}(?:officials\s+|authorities\s+|sources\s+)?"
    r"|the\s+(?:military|army|ministry|government|police|authorities|agency|group|U\.N\.\s+|UN\s+)\s*)"
    r"(?:has\s+|have\s+)?$")
_LEADING_CONJ_RE = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|However|Now|Later|Earlier|Separately|Previously|Also|Then),?\s+"
    r"|(?:Later|Earlier|Last|This|On|By)\s+(?:on\s+|in\s+the\s+)?(?:\w+day|year|month|week|morning|afternoon|evening|night"
    r"|weekend)(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    # an opening stretch of time: "Over the year the country ...", "Between January and March the agency ..."
    r"|(?:Over|During|In|Between|Since|Throughout)\s+(?:the\s+)?(?:(?:past|last|first|same|whole)\s+)?"
    r"(?:\w+day|year|month|week|period|quarter|\w+\s+and\s+\w+|\w+\s+\d{4}|\d{4}),?\s+)+")
# capitalised words running into "the": the end of an opening phrase, no name ("Between January and March
# the agency recorded", cut at "and")
_WORDS_BEFORE_THE_RE = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,2}(?=the\s+[a-z])")
_REPORTING_START_RE = re.compile(r"(?:said|says|told|added|reported|announced|stated)\s+(?:it|he|she|they|that)\b")
# ... also after its own subject and a day: "The group said on Tuesday it had found"
_REPORTING_INSIDE_RE = re.compile(
    r"\b(?:said|says|told|added|reported|announced|stated)\s+(?:(?:on|late|early|in\s+a)\s+)?(?:\w+\s+)?"
    r"(?:it|he|she|they|that)$"
    # ... or a name: "The World Health Organization said Yemen recorded 249,900 cases": the outer cue speaks
    r"|\b(?:said|says)\s+(?:that\s+)?(?:[A-Z][\w'’.-]*\s*){1,3}$")
_EXPECT_FIGURE_RE = re.compile(r"\s+(?:that\s+|the\s+\w+\s+to\s+\w+\s+)?(?:about|around|some|at\s+least|more\s+than|up\s+to"
                               r"|nearly|almost|roughly|as\s+many\s+as|\d)", re.I)
# what counted things start with ("Dozens of homes, said the mayor, were destroyed"): no speaker
_QUANTITY_START_RE = re.compile(r"(?:dozens|hundreds|thousands|millions|tens|scores|some|many|most|several|all|half|one|two"
                                r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\b", re.I)
_FEARED_FATE_RE = re.compile(r"\s+(?:to\s+be\s+|to\s+have\s+)?(?:dead|killed|drowned|missing|trapped|lost|died|been)\b",
                             re.I)
# ("X accused the force of killing 38 civilians" reports; "the force accused of killing" is the accused: no object)
_ACCUSED_OF_HARM_RE = re.compile(r"\s+(?:[^,;.]{1,80}?)\s+of\s+(?:\w+ing\s+and\s+)?(?:killing|executing|wounding|injuring"
                                 r"|abducting|kidnapping|detaining|arresting|shelling|firing|attacking|bombing|targeting"
                                 r"|massacring|murdering|shooting|torturing|raping)\b", re.I)
_CLAIMED_ACT_AFTER_RE = re.compile(r"\s*(?:[,;)]|responsibility\b|credit\b)", re.I)
_LIVES_AFTER_RE = re.compile(r"\s+(?:[\w,.'’-]+\s+){0,4}?lives\b", re.I)
_DECLARED_OBJECT_RE = re.compile(r"\s+(?:(?:a|an|the)\s+(?!\w+\s+(?:of\s+)?(?:toll|figure|number)\b)|war\b)", re.I)
# "Reduction and Management Council": "and" between two capitalised words of one name
_CAPITAL_AND_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*\s+and$")
_NAME_HEAD_END_RE = re.compile(r"\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*?\s+([A-Z][\w'’.-]*)(?:\s+\u2039[^\u203a]*\u203a)?"
                               + _AUX + r"?\s*$")
_BRACKET_ASIDE_END_RE = re.compile(r"\s*\([^()]{1,200}\)(" + _AUX + r"?\s*)$")
_BRACKETED_ACRONYM_RE = re.compile(r"\s\([A-Z][A-Za-z.]{1,9}\)(?=\s)")
_APPOSITION_SUBJECT_RE = re.compile(r"(?:^|[.;:]\s+|\s)(?P<a>[A-Z][^,;:.\"“”]{2,80}?),\s+(?P<b>[^,;:\"“”]{3,100}?),\s*$")
_PERSON_NAME_RE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+(?:[A-Z][a-z'’-]+|al-\w+|de|van|bin))"
                             r"{1,3}")
# ... ending a text: "Andriy Yermak, " before a role in apposition
_PERSON_NAME_END_RE = re.compile(r"(?:^|[.;:]\s+|\s)(" + _PERSON_NAME_RE.pattern + r")\s*$")
# a name in apposition closing the sentence: ", DSP Kiran Jung Kunwar." (a rank or title may head it)
_APPOSED_NAME_END_RE = re.compile(r"\s*,\s*(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]*)\s*[.!?\"”]*\s*$")
_ROLE_IN_RE = re.compile(r"\b(?:director|spokes(?:man|woman|person)|minister|governor|mayor|chief|head|officer|official"
                         r"|commander|president|secretary|representative|coordinator|envoy|chairman|chairwoman"
                         r"|commissioner|manager|leader)\b", re.I)
_REVISED_FIGURE_RE = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:toll|figure|number|tally|count"
                                r"|estimate|total)\b", re.I)
_AND_BEFORE_RE = re.compile(r"\S,?\s+and\s+(?:also\s+|later\s+)?$")
# a sentence's subject: capitalised words (an apposition may follow) before a verb in -ed or -s
_SENTENCE_SUBJECT_RE = re.compile(
    r"\s*[\"“]?(?:(?:The|In|On|At|Over|During|After)\s+[^,;.]{1,40},\s+)?(?P<np>(?:The\s+)?(?:" + _NAME_WORD
    + r"\s+(?:(?:of|for|the)\s+)*){0,4}?" + _NAME_WORD + r"(?:\s+\([A-Z]{2,10}\))?"
    # ("Israeli police called it a terror attack and said ...": a capitalised adjective and a noun)
    + r"|(?:The|An?|[A-Z][\w-]*['’]s|(?![A-Z][a-z]*(?:ed|ing)\b)[A-Z][\w-]*)\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)"
    r"(?:,[^,;.]{1,120},)?,?\s+(?:(?:later|also|then|again)\s+)?(?:[a-z]+(?:ed|s)|gave|put|took|made|saw|found|brought"
    r"|sent|held|set|told|said|struck|hit|left|won|lost|kept|began|went|came|ran|spoke|wrote)\b")
_WITH_SPEAKER_RE = re.compile(r"\b(?:with|and)\s+(?P<np>(?:the\s+)?(?:[\w.'’·-]+\s+){1,4})$")


_ABBR_DOT_RE = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Sgt|Capt|Cpt|Prof|Rev|Sen|Rep|Gov|St|Adm|Cmdr|Jr|Sr|No|Mt|Ft)\.(?=\s)"
    r"|\b[A-Z]\.(?=[A-Z]\.|\s[A-Z][a-z])|(?<=\b[A-Z]\.[A-Z])\."
    r"|(?<=\w)\.(?=(?:com|org|net|gov|int|edu|io|us|uk|info)\b)")  # a domain name: "PowerOutage.us"

# tried only at the abbreviations, single letters and periods of the text (same matches as the regex)
# (a single letter starts a match only as a capital before "." ("U.N."), and "." only after a capital or
# before a domain ending: the guards drop the article "a", the "s" of "'s" and most periods at once)
_ABBR_LETTER_GUARD = re.compile(r"[A-Z]\.")
_ABBR_SCAN = Anchored(_ABBR_DOT_RE, {"dr", "mr", "mrs", "ms", "gen", "lt", "col", "maj", "sgt", "capt", "cpt", "prof",
                                     "rev", "sen", "rep", "gov", "st", "adm", "cmdr", "jr", "sr", "no", "mt", "ft"}
                      | set("abcdefghijklmnopqrstuvwxyz"), chars=".",
                      guards={**dict.fromkeys("abcdefghijklmnopqrstuvwxyz", _ABBR_LETTER_GUARD),
                              ".": re.compile(r"(?<=[A-Z])\.|\.(?=com|org|net|gov|int|edu|io|us|uk|info)")})


def mask_abbreviations(s: str) -> str:
    """Same-length copy of ``s`` with the periods of "Dr." or "U.N." replaced, so noun phrases
    can be matched up to real sentence punctuation (``s`` itself when there are none)."""
    parts = []
    last = 0
    dots = []
    for m in _ABBR_SCAN.finditer(s):
        parts.append(s[last:m.end() - 1])
        parts.append("\u00b7")
        last = m.end()
        dots.append(m.end() - 1)
    if not parts:
        return s
    parts.append(s[last:])
    masked = "".join(parts)
    index_like(masked, s, dots)  # the scanners' token index of ``masked``, from that of ``s``
    return masked


class AbbreviationMask:
    """:func:`mask_abbreviations` of a long text a piece at a time, so no second copy of a large
    document is held: :meth:`at` gives a masked piece holding ``text[lo:hi]`` and where it starts.

    A piece reaches ``margin`` characters beyond both ends of what it is asked for (or the text's ends),
    so inside that the masking and every match read with ``pos``/``endpos`` (whose look-behinds and word
    boundaries see a few dozen characters before ``pos`` at most) are those of the whole masked text.
    A text no longer than one piece is masked whole.
    """

    def __init__(self, text: str, stretch: int = 65_536, margin: int = 512) -> None:
        self.text, self.stretch, self.margin = text, stretch, margin
        self.piece, self.base = (mask_abbreviations(text), 0) if len(text) <= stretch + 2 * margin else ("", 0)

    def at(self, lo: int, hi: int) -> tuple[str, int]:
        """(masked piece, its offset in the text) for reading ``text[lo:hi]``."""
        base, end, n = self.base, self.base + len(self.piece), len(self.text)
        if not self.piece or (base and lo - base < self.margin) or (end < n and end - hi < self.margin) or lo < base:
            a = max(0, lo - self.margin)
            b = min(n, max(hi, lo + self.stretch) + self.margin)
            self.piece, self.base = mask_abbreviations(self.text[a:b]), a
        return self.piece, self.base


@dataclass(slots=True)
class Attribution:
    start: int  # cue span (verb or "according to ...")
    end: int
    speaker: str
    speaker_start: int
    kind: str  # said | according_to | quote
    direction: str  # right: "X said (that) ..." covers what follows; left: ", X said" covers what precedes
    definite: bool = False  # written with "the"/"this": a description that may point back
    # a relative clause's speaker ("30 of whom Israel says are dead"): where its relative pronoun starts,
    # so that the figure it hangs on is covered too; -1 otherwise
    head_end: int = -1

    @property
    def raw(self) -> str:
        return ("the " if self.definite else "") + self.speaker


# "Its Report No. 11 said": the document's number is no part of who speaks
_DOCUMENT_NUMBER_RE = re.compile(r"\s+(?:No[.\u00b7]?|Number|#)\s*\d+$")


_ROLE_IN_PLACE_RE = re.compile(r"\b(officials?|spokes(?:man|woman|person)|envoy|representative|commander)\s+in\s+"
                               r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*$")


# what is said, not who says it: "the count announced hours earlier", "a message posted on Telegram",
# "according to preliminary data"
_FIGURE_NOUNS = frozenset({"count", "tally", "figure", "figures", "toll", "death toll", "number", "total", "numbers",
                           "data", "information", "estimates", "statistics", "message", "post", "video", "tweet",
                           "letter"})
_COUNT_NOUNS = frozenset({"count", "tally", "toll", "number", "total"})
_FIGURE_HEAD_RE = re.compile(r"(?:[\w'’-]+\s+){0,3}?([\w'’-]+)\s+(?:for|of|on)\b.*$", re.S)
_FIGURE_ADJECTIVE_RE = re.compile(r"^(?:preliminary|initial|latest|early|new|updated)\s+", re.I)
_ISSUED_BY_HEAD_RE = re.compile(r"\b(ministry|agency|army|military|government|office|police|council|committee"
                                r"|authority|department|mission|organisation|organization)\s+(?:statement|release"
                                r"|bulletin|update|report)$", re.I)
_SAID_INSIDE_RE = re.compile(r"\s+(?:said|says)\b")


# a dateline or a page's section before who speaks: "Jerusalem.- The Israeli army", "Miami, Jan 27 (EFE).- The US
# Coast Guard", "Italy - IOM estimates"
_DATELINE_BEFORE_RE = re.compile(r"^[^\n]{0,60}?(?:\.-|\s(?:--?|[–—])\s)\s*(?=(?:the\s+)?[A-Z])")
# an aside after a dash is no part of who speaks: "UN estimates – faced catastrophic conditions"
_DASH_ASIDE_RE = re.compile(r"\s(?:--?|[–—])\s.*$", re.S)
_NO_ONE = frozenset({"nobody", "no one", "none", "neither"})


def _group_1(m: re.Match) -> str:
    """A ``sub`` replacement: the match's first group (as the template r"\\1" would give, but re runs a template
    through Python code on every call, even one that replaces nothing)."""
    return m.group(1)


def clean_speaker(np: str) -> str:
    np = np.strip(" \t\n,;:—–-\"'“”‘’")
    if "- " in np or "— " in np or "– " in np:
        np = _DASH_ASIDE_RE.sub("", _DATELINE_BEFORE_RE.sub("", np))
    if np.lower() in _NO_ONE:
        return ""
    if "\u2039" in np or "\u203a" in np:
        # a bracketed acronym kept in a subject (or its end, the subject cut inside it: "IOM›")
        np = np.replace("\u2039", "(").replace("\u203a", ")")
    if " sa" in np:
        # "the United Nations said its own count": who speaks ends at their verb
        np = _SAID_INSIDE_RE.split(np, 1)[0]
    if "o" in np or "#" in np:
        np = _DOCUMENT_NUMBER_RE.sub("", np)
    np = _SOURCE_NOUNS_RE.sub("", np)
    np = _CLOSE_BRACKET_START_RE.sub("", np).lstrip(" -—–")
    if np.count("(") != np.count(")"):
        np = np.replace("(", "").replace(")", "").strip()  # the rest of a bracket cut off: "ACLED)"
    if len(np.split()) > 1:
        cut = _SOURCE_NOUN_TAIL_RE.sub("", np)
        if cut != np and _NAMED_RE.search(cut):
            np = _PRELIMINARY_RE.sub("", cut)
    mo = _OWNER_SOURCE_RE.search(np)
    if mo:
        # "the agency's latest situation report" is the agency's; "Italy's interior ministry figures" are the
        # ministry's, not Italy's
        words = mo.group().split()
        body = any(w.lower() in _COUNTING_HEADS for w in words[1:-1])
        np = np[:mo.end() - len(words[-1])].rstrip() if body else np[:mo.start()]
    if len(np.split()) > 1:
        # "a ministry statement said": the body that issued it
        np = _ISSUED_BY_HEAD_RE.sub(_group_1, np)  # "the CPJ's figures" speak for the CPJ
    np = _CONJ_START_RE.sub("", np)  # ", though the interior ministry put the figure at 62"
    # "So far volunteers have found ...", "The Red Cross said its desk had recorded ...": an adverb or the verb
    # before is no part of who
    np = _LEADING_NON_SPEAKER_RE.sub("", np)
    np = _TRAIL_RE.sub("", np).strip(" ,")
    if " in " in np:
        # "a senior official in the Democratic Republic of Congo": where the person serves is no part of who
        np = _ROLE_IN_PLACE_RE.sub(_group_1, np)
    np = _DET_RE.sub("", np)
    np = _SPACES_RE.sub(" ", np).strip(" ,")
    if np.lower() in ("a", "an", "the", "its", "their", "his", "her"):
        return ""  # ("a tally", its source noun taken away, names no one)
    # a figure is no speaker: "the count announced hours earlier" is a participle, not a statement
    bare = _FIGURE_ADJECTIVE_RE.sub("", np).lower()
    if bare in _FIGURE_NOUNS:
        return ""
    mh = _FIGURE_HEAD_RE.match(np)
    # "surveillance data for the week show ...": a figure, not who speaks (a name would be capitalised)
    if mh is None or mh.group(1).lower() not in _FIGURE_NOUNS:
        return np
    # "an AFP tally of official figures" is AFP's: a name before the figure owns it; else "the number of Syrian
    # refugees in Lebanon", a count, names no one whatever names it holds, and other figures no one unless a
    # name follows ("figures of the Health Ministry")
    # (the first word may be capitalised as the sentence's first: "Surveillance data for the week show")
    owner = np[:mh.start(1)].split()
    if any(w[:1].isupper() and (k or w.isupper() and len(w) > 1 or w.endswith(("'s", "’s", "'", "’")))
           for k, w in enumerate(owner)):
        return np
    return "" if mh.group(1).lower() in _COUNT_NOUNS or not any(w[:1].isupper() for w in np.split()[1:]) else np


def _definite(np: str) -> bool:
    # ("a statement from the ministry" speaks for "the ministry", which points back)
    return bool(_LEADING_DETERMINER_RE.match(_SOURCE_NOUNS_RE.sub("", np.strip(" \t\n,;:—–-\"'“”‘’"))))


def is_pronoun(s: str) -> bool:
    # ("WHO", the World Health Organization, is no "who")
    return s.lower() in PRONOUNS and not (len(s) > 1 and s.isupper())


_VERBISH_RE = re.compile(r"\b(?:is|are|was|were|be|been|have|has|had|will|would|can|could|should|may|might|must"
                         r"|do|does|did|not|no|also|still|now|then|only|just)\b|\b\w+(?:ed|ing|ly)\b", re.I)


# people and bodies that speak, heading a lower-case description
_ROLE_WORDS = SPEAKER_WORDS["role_words"]


def _looks_like_np(np: str) -> bool:
    if not np or len(np.split()) > 10 or _BAD_NP_RE.search(np):
        return False
    first = np.split()[0]
    if first.lower() in ("he", "she", "it", "they", "we", "i"):
        return len(np.split()) == 1
    lower_words = " ".join(w for w in np.split() if w[:1].islower()).replace("-based", "")
    if not _VERBISH_RE.search(lower_words) and (
            first.lower() in _ROLE_WORDS  # "spokesman for the interior ministry in the east"
            or (len(np.split()) <= 8 and _NAME_TAIL_RE.search(np))):  # "Libya's health minister Othman Abduljaleel"
        return True
    if first[:1].islower() and len(np.split()) <= 5 and _LOWER_PHRASE_RE.fullmatch(np) and \
            not _VERBISH_RE.search(np.replace("-based", "")) and first.lower() not in ("more", "many", "most", "some"):
        return True  # "civil defence workers", "state media", "satellite analysis"
    return first[:1].isupper() or first.lower() in ("the", "a", "an", "officials", "witnesses", "residents",
                                                    "police", "authorities", "medics", "doctors", "rescuers",
                                                    "sources", "analysts", "experts", "economists",
                                                    "relatives", "survivors", "activists", "organisers",
                                                    "organizers", "local", "state", "government", "military",
                                                    "health", "hospital", "aid", "security")


def _is_name(seg: str) -> bool:
    m = _NAME_TAIL_RE.search(seg)
    if not m:
        return False
    before = seg[:m.start(1)].strip().split()
    return not (before and before[-1].lower() in ("in", "of", "for", "from", "at", "to"))


_BEFORE = 120
_TOLD_OBJECT_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|local\s+|state\s+)?(?:[A-Z][\w'’.-]*|reporters|journalists|lawmakers|parliament"
    r"|news\s+conference|press\s+conference|briefing|television|radio|broadcaster)(?:\s+(?:[A-Z][\w'’.-]*|news"
    r"|conference|briefing|in\s+[A-Z][\w'’.-]*|on\s+\w+|TV))*(?=\s*(?:[.!?\"”]|,|$))")
_SUBJECT_WINDOW = 300


# the anonymous source's formula: "An official who asked not to be named because of the sensitivity of the
# matter said": the speaker is the noun before "who"
_ANONYMOUS_SOURCE_RE = re.compile(
    r"(?P<np>\b(?:an?|the|one|two|three|several)\s+(?:[\w.'’-]+\s+){0,4}?[\w'’-]+)\s*,?\s+who\s+"
    r"(?:asked|spoke|requested|declined|did\s+not\s+want|was\s+not\s+authori[sz]ed|were\s+not\s+authori[sz]ed"
    r"|is\s+not\s+authori[sz]ed|are\s+not\s+authori[sz]ed)\b[^.;\"“”]*?,?\s*$", re.I)


_CAP = r"[A-Z][\w'’-]*"
_LISTED_NAME_RE = re.compile(
    rf"(?<![\w'’-])(?P<np>(?:the\s+)?(?:{_CAP}\s+){{0,4}}(?:of|for|on)\s+{_CAP}(?:\s+{_CAP})*"
    rf"(?:,\s+{_CAP}(?:\s+{_CAP})*)*,?\s+and\s+{_CAP}(?:\s+{_CAP})*)\s*$")
# a long name of capitalised words and the words that join them: "The Office of the United Nations High
# Commissioner for Human Rights"
_LONG_NAME_RE = re.compile(r"(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|on|to|and)\s+)?(?:the\s+)?[A-Z][\w'’.-]*)+")


_ROLE_THEN_PLACES_RE = re.compile(
    r"(?P<np>(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
    + r")\b(?:\s+(?:for|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?)"
    r"(?:\s+in\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|north|south|east|west)\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)+", re.I)


def _subject_before(text: str, lo: int, v: int) -> tuple[str, int] | None:
    """The noun phrase that is the subject of a reporting verb at ``v`` (looked for in the last
    ``_SUBJECT_WINDOW`` characters before it)."""
    lo = max(lo, v - _SUBJECT_WINDOW)
    region = text[lo:v]
    if "who" in region:
        ma = _ANONYMOUS_SOURCE_RE.search(region)
        if ma and _looks_like_np(ma.group("np")):
            return ma.group("np"), lo + ma.start("np")
    if ") " in region:
        # "The World Health Organization (WHO) estimates", "the IPC (IPC) partnership estimated": the acronym
        # in brackets is no clause boundary
        region = _BRACKETED_ACRONYM_RE.sub(lambda m: " \u2039" + m.group(0)[2:-1] + "\u203a", region)
    if ")" in region[-220:]:
        # a longer aside in brackets closes the subject: "the Ministry of Health (Ministère de la Santé Publique,
        # MSPP by its French acronym) has reported" (its name speaks, not the aside)
        region = _BRACKET_ASIDE_END_RE.sub(_group_1, region)
    if region.rstrip().endswith(","):
        # "Beth Bechdol, deputy director general of the FAO, told ...", "the county's chief medical officer,
        # Dr Jane Roe, said": of a name and its description in apposition, the name speaks
        ma = _APPOSITION_SUBJECT_RE.search(region)
        if ma:
            first, second = ma.group("a"), ma.group("b")
            # "Andriy Yermak, chief of staff to Ukraine's president, Volodymyr Zelenskiy, said": the name after a
            # role's title is the title's holder; the name before the role speaks
            comma = region.rfind(",", 0, ma.start("a"))
            mp = _PERSON_NAME_END_RE.search(region, 0, comma) if comma > 0 else None
            if mp and _PERSON_NAME_RE.fullmatch(second.strip()) and _ROLE_IN_RE.search(region, comma, ma.end("a")) \
                    and not _PERSON_NAME_RE.fullmatch(first.strip()):
                return mp.group(1), lo + mp.start(1)
            name = next((x for x in (first, second) if _PERSON_NAME_RE.fullmatch(x.strip())), None)
            if name and (_ROLE_IN_RE.search(first) or _ROLE_IN_RE.search(second)):
                return name.strip(), lo + (ma.start("a") if name is first else ma.start("b"))
    if " and " in region:
        # "the Ministry of Public Health, Hygiene and Social Welfare said": a name's list of capitalised
        # words is no clause boundary
        ml = _LISTED_NAME_RE.search(region)
        if ml and _looks_like_np(ml.group("np")):
            return ml.group("np"), lo + ml.start("np")
    # clause boundary: punctuation, quotes, "that", conjunctions
    mc = _LAST_CLAUSE_BOUNDARY_RE.match(region)  # the last boundary (they never overlap, so it ends last)
    cut = mc.end() if mc else 0
    while cut >= 4 and region[cut - 3:cut] == "and" and _CAPITAL_AND_RE.search(region, 0, cut) \
            and (mh := _NAME_HEAD_END_RE.match(region, cut)) is not None and mh.group(1).lower() in _NAME_HEADS:
        # "the National Disaster Risk Reduction and Management Council (NDRRMC) said": "and" inside a name
        mc = _LAST_CLAUSE_BOUNDARY_RE.match(region, 0, cut - 3)
        cut = mc.end() if mc else 0
    np_text = region[cut:]
    np_clean = _DOCUMENT_NUMBER_RE.sub("", _AUX_TAIL_RE.sub("", " " + np_text).strip())
    if "ted by" in np_clean:
        # "A state health official quoted by the Reuters news agency said": the official speaks, relayed
        np_clean = _RELAYED_BY_TAIL_RE.sub("", np_clean)
    if "ed " in np_clean:
        # "The civil defence bulletin published on Monday morning lists": the bulletin, not its day
        np_clean = _PUBLISHED_TAIL_RE.sub("", np_clean)
    if _REPORTING_START_RE.match(np_clean) or _REPORTING_INSIDE_RE.search(np_clean):
        return None  # "OCHA said it had recorded": the subject of "recorded" is "it", after a cue already found
    ml = _LEADING_CONJ_RE.match(np_clean) or _WORDS_BEFORE_THE_RE.match(np_clean)
    if ml:  # "But aid agencies warn that ...", "Later on Tuesday the ministry said"; (cut at "and") "March the agency"
        np_clean = np_clean[ml.end():]
        np_text = np_text[np_text.index(ml.group(0)) + len(ml.group(0)):]
    if np_clean:
        start = lo + cut + (len(region) - cut - len(np_text)) + (len(np_text) - len(np_text.lstrip()))
        # "Over half of respondents said": the speaker is what the share is of
        mq = _SHARE_OF_NP_RE.match(np_clean)
        if mq and _looks_like_np(mq.group("np")):
            return mq.group("np"), start
        if _looks_like_np(np_clean):
            if CITING_RE.match(np_clean):
                return None
            first = _first_of_a_pair(region, cut)
            if first is not None and not is_pronoun(np_clean) and _names_a_source(np_clean):
                return first[0] + " and " + np_clean, lo + first[1]  # both speak
            return np_clean, start
        if len(np_clean.split()) > 10 and len(np_clean) < 120 and _LONG_NAME_RE.fullmatch(np_clean):
            return np_clean, start
        mr = _ROLE_THEN_PLACES_RE.fullmatch(np_clean) if len(np_clean.split()) > 10 else None
        if mr and _looks_like_np(mr.group("np")):
            # "a spokesman for the rescue headquarters in the Yushu Tibetan Autonomous Prefecture in southern
            # Qinghai": a role whose places make it long; the role speaks
            return mr.group("np"), start
        # "in an operation the Gaza Health Ministry said": retry from the last article / capital
        for m in reversed(list(_NP_RESTART_RE.finditer(np_clean))):
            tail = np_clean[m.start():]
            if _JOINED_IN_A_NAME_RE.search(np_clean, 0, m.start()) or (
                    np_clean.rsplit(None, 1)[-1].lower() in _NAME_HEADS and np_clean[m.start()].isupper()
                    and _CAPITAL_WORD_BEFORE_RE.search(np_clean, 0, m.start())):
                continue  # one name
            if m.start() > 0 and _looks_like_np(tail):
                return tail, start + m.start()
        return None
    # empty subject right before the verb: an appositive chain "NP1, NP2, said"
    if cut == 0 or region[cut - 1] != ",":
        return None
    segs = []
    pos = cut - 1
    head = region[:pos]
    while True:
        j = max(head.rfind(","), head.rfind(";"), head.rfind("("), head.rfind("\""), head.rfind("“"),
                head.rfind("”"), head.rfind("—"))
        seg = head[j + 1:].strip()
        segs.append((seg, lo + j + 1 + (len(head[j + 1:]) - len(head[j + 1:].lstrip()))))
        if j < 0 or head[j] != "," or len(segs) >= 3:
            break
        head = head[:j]
    segs.reverse()
    for seg, st in segs:
        mc = CITING_RE.match(seg)
        if mc and mc.group(0).strip().lower() == "quoting" and _looks_like_np(seg[mc.end():]):
            # "The Associated Press, quoting the government, says ...": the one quoted gives the figure (but
            # "the ministry, citing military doctors, said" is the ministry's own statement)
            return seg[mc.end():], st + mc.end()
    segs = [(s, st) for s, st in segs if s and not _ADVERB_SEG_RE.match(s)]
    if not segs:
        return None
    if len(segs) > 1:
        # "The U.N. humanitarian office, OCHA, said": the name (or acronym) over the description
        names = [(s, st) for s, st in segs if (_is_name(s) or _ACRONYM_RE.fullmatch(s)) and _looks_like_np(s)]
        if names:
            return names[0]
    s, st = segs[0]
    if _looks_like_np(s):
        return s, st
    return None


_PAIR_MAX_WORDS = 6


def _first_of_a_pair(region: str, cut: int) -> tuple[str, int] | None:
    """The first of two sources a reporting verb has as its subject ("the Lebanese Health Ministry and state
    media said"), when the clause boundary at ``cut`` is that "and": a short phrase naming a source, else None
    ("Israel struck the building and the ministry said": a clause of its own)."""
    if cut < 5 or region[cut - 3:cut] != "and" or not region[cut - 4].isspace():
        return None
    mp = _LAST_CLAUSE_BOUNDARY_RE.match(region, 0, cut - 3)
    pcut = mp.end() if mp else 0
    left = region[pcut:cut - 3]
    words = left.split()
    if not words or len(words) > _PAIR_MAX_WORDS or not _looks_like_np(left.strip()) or not _names_a_source(left):
        return None
    # (a bare plural of those who speak may open the pair too: "officials and a resident said")
    if words[0].lower() not in ("the", "a", "an") and not words[0][:1].isupper() \
            and not (len(words) <= 2 and _headed_by_a_body(words)):
        return None
    return left.strip(), pcut + len(left) - len(left.lstrip())


def find_attributions(text: str, lo: int, hi: int, masked: str | None = None, base: int = 0) -> list[Attribution]:
    """Reporting cues in the sentence ``text[lo:hi]`` (offsets into ``text``).

    ``masked`` is ``mask_abbreviations`` of the text from ``base`` on when the caller has it already
    (the whole document, or a piece of it from :class:`AbbreviationMask`).
    """
    if masked is None:
        sent = mask_abbreviations(text[lo:hi])
        found = _find_attributions(sent, 0, len(sent))
        shift = lo
    else:
        found = _find_attributions(masked, lo - base, hi - base)
        shift = base
    for a in found:
        _shift(a, shift)
    # a picture shows a scene, it states no figure: "The photos showed the bodies of more than 30 people" (but
    # "Satellite images analysed by the group show" is the group's reading)
    return [a for a in found if not (_VISUAL_SUBJECT_RE.match(a.speaker) and " by " not in a.speaker)]


_VISUAL_SUBJECT_RE = re.compile(r"(?:(?:the|these|those|some)\s+)?(?:[\w'’-]+\s+)?(?:photos?|photographs?|pictures?|images?"
                                r"|footage|videos?)\b(?!\s*(?:agency|service|desk|editor))", re.I)


def _shift(a: Attribution, shift: int) -> None:
    """Move a cue read in a masked piece to its place in the text, its speaker's masked periods restored."""
    a.start += shift
    a.end += shift
    a.speaker_start += shift
    if a.head_end >= 0:
        a.head_end += shift
    a.speaker = a.speaker.replace("\u00b7", ".")


# "published by the Press Safety Committee marked a grim milestone": the name ends where lower-case words
# that are no part of a name begin
_NAMED_NP_RE = re.compile(r"(?:the\s+)?[A-Z]")
_NAME_THEN_VERB_RE = re.compile(r"(?<=[A-Za-z)])\s+(?!(?:of|for|to|and|the|on|de|al|du|la|van|von)\b)[a-z]\w*\b.*$",
                                re.S)


_EVER_BEFORE_RE = re.compile(r"\b(?:ever|never|previously|first|yet)\s+$", re.I)
# a title's source after a colon: "Four killed in raid on the camp: health ministry"
# (or after a dash: "Missile strike kills three in the centre - governor")
_TITLE_SPEAKER_RE = re.compile(r"(?::|\s[-–—])\s+(?P<np>[A-Za-z][\w'’.-]*(?:\s+[\w'’.-]+){0,5})\s*$")
_PAGE_FURNITURE = frozenset(SPEAKER_WORDS["page_furniture"])
_SPEAKER_HEADS = SPEAKER_WORDS["speaker_heads"]


def _names_a_source(np: str) -> bool:
    """Whether a title's words after a colon name who speaks: a name ("Reuters", "Gaza ministry") or a
    phrase headed by an office or a body ("health ministry", "officials"), not page furniture ("See photos
    of destruction", "Top updates")."""
    words = np.split()
    last = words[-1].strip(".,'’()")
    if last.lower() in _PAGE_FURNITURE:
        return False
    if _headed_by_a_body(words):
        return True
    # a name: its words capitalised, not a capitalised first word alone ("See photos of destruction")
    return last[:1].isupper() and (len(words) == 1 or any(w[:1].isupper() for w in words[1:]))


_BRACKET_SOURCE_END_RE = re.compile(r"(?<=[\w%])\s+\((?P<np>[A-Z][A-Za-z]{1,7}(?:[-/][A-Z][A-Za-z]{1,7})?)\)\s*[.;]?\s*$")
def _acronym_of_words_before(text: str, lo: int, end: int, acronym: str) -> bool:
    """Whether ``acronym`` spells the capitalised words just before ``end``: "Democratic Republic of Congo
    (DRC)" names a place, "back in their villages (IOM)" cites a source."""
    words = text[max(lo, end - 80):end].split()[-6:]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    letters = [c for c in acronym if c.isupper()]
    it = iter(initials)
    return bool(initials) and all(c in it for c in letters)


_PARTICIPLE_IN_RE = re.compile(r"\s+(?:in|among|as|under)\s+(?:the|a|an|its|their)\b", re.I)
_TOLD_TO_RE = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){1,5}?to\s+(?!(?:the|a|an|be)\b)[a-z]+\b")
_QUOTED_AS_SAYING_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<np>(?:[\w'’.-]+\s+){1,6}?)(?P<v>as\s+saying)\b")


_CAPS_SOURCE_LABEL_RE = re.compile(r"(?P<np>[A-Z][A-Z.'’&-]+(?:\s+[A-Z][A-Z.'’&-]*){0,3}):\s+(?=[A-Z])")
# capitals before a colon that label a figure or a page, not a source: "DEATHS: 42", "UPDATE: ..."
_NOT_A_SOURCE_LABEL = frozenset({"deaths", "dead", "killed", "injured", "wounded", "missing", "displaced", "toll",
                                 "cases", "total", "breaking", "update", "updates", "live", "watch", "read", "note",
                                 "editor's", "correction", "photo", "video", "key", "figures", "facts"})
_SOURCE_LABEL_RE = re.compile(r"(?P<np>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}):\s+(?=[A-Z0-9])")


def _headed_by_a_body(words: list[str]) -> bool:
    """Whether words end in a body's or an office's head ("Gaza civil defence", "US officials")."""
    return words[-1].strip(".,'’()").lower() in _SPEAKER_HEADS or " ".join(words[-2:]).lower() in _SPEAKER_HEADS


def _names_a_body(label: str) -> bool:
    """Whether a headline's label before a colon is a body or an office, not a clause."""
    return _headed_by_a_body(label.split()) and not _VERBISH_RE.search(label)


def _source_label(label: str) -> bool:
    """Capitals before a colon that name who speaks ("PALESTINIAN MEDIA", "AL-JAZEERA", "BRITISH FM CAMERON"), not a
    factbox's or a page's label ("DEATHS", "EVACUATIONS", "HOMES AND OTHER STRUCTURES DESTROYED", "UPDATE"): two
    words or a hyphenated name, none a participle or a label word."""
    words = label.lower().split()
    return (len(words) >= 2 or "-" in label) and not (set(words) & _NOT_A_SOURCE_LABEL) \
        and not any(w.endswith(("ed", "ing", "ions")) for w in words)


_FIGURE_WORDS = frozenset(UNIT_WORDS) - {"one", "zero", "nought", "naught"} | frozenset(TEEN_WORDS) \
    | frozenset(TENS_WORDS) | {"dozens", "hundreds", "thousands", "dozen", "hundred", "thousand", "million"}


def _holds_a_figure(np: str) -> bool:
    """A figure in what stands before ", says X" makes it a clause, not a subject in apposition: a headline's
    "Air strike on village kills ten, says resident"."""
    return has_digit(np) or not _FIGURE_WORDS.isdisjoint(map(str.lower, np.split()))


_FINITE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|remain|remains|remained)\b", re.I)
# a possessive count ("the ministry's count"), found from its "'s" (the owner's words are read back from there:
# a pattern starting at the owner would be tried at every word)
_POSSESSIVE_COUNT_RE = re.compile(
    r"(?<=[A-Za-z0-9.-])['’]s\s+(?:(?:latest|own|daily|official|new|updated|revised|running|overall)\s+)?(?:death\s+)?"
    r"(?:count|tally|toll|figures|data|records|estimate)\b")
_OWNER_WORD_RE = re.compile(r"[A-Za-z][\w.-]*")
_NP_OPENERS = frozenset({"as", "and", "that", "while", "but", "when", "after", "with", "by", "on", "in", "at", "to",
                         "from", "since", "said", "says", "under", "per", "whereas", "although"})


def _owner_words(text: str, lo: int, end: int) -> list[str]:
    """The up to six words, single-spaced, that end at ``end`` (the owner of a possessive)."""
    words: list[str] = []
    pos = end
    while len(words) < 6:
        a = pos
        while a > lo and not text[a - 1].isspace():
            a -= 1
        w = text[a:pos]
        if not _OWNER_WORD_RE.fullmatch(w):
            break
        words.insert(0, w)
        if a == lo or text[a - 1] != " " or (a - 1 > lo and text[a - 2].isspace()):
            break  # (a line break or a run of spaces ends the phrase)
        pos = a - 1
    return words


# reporting verbs that are also nouns, and the verb such a noun is the subject of: "the daily report showed"
_NOUN_FORMS = frozenset({"report", "reports", "records", "estimate", "estimates", "claim", "claims", "count", "counts",
                         "update"})
_VERB_NEXT_RE = re.compile(r"\s+(?:said|says|showed|shows|found|finds|stated|states|noted|notes|indicated|indicates"
                           r"|added|adds|put|puts|estimated|recorded|listed)\b")


_METHOD_NOUNS = frozenset(SPEAKER_WORDS["method_nouns"])


def _a_method(np: str) -> bool:
    """How a figure was confirmed, not who confirmed it: "cases confirmed by bacterial culture", "by cultures
    taken at the clinic" (a noun of a method among the first words of the phrase)."""
    return any(w in _METHOD_NOUNS for w in np.lower().split()[:3])


_ACRONYM_IN_BRACKETS_RE = re.compile(r"\([A-Z]{2,8}\)")
_COUNTED_PARTICIPLES = frozenset({"reported", "recorded", "registered", "confirmed", "documented", "counted"})
_PLACE_OR_TIME_AFTER_RE = re.compile(r"\s+(?:from|in|at|across|among|since|during|over|between|with)\b")
# an event named in lower case, its words no participle: "a methane gas explosion" (not "Cal Fire", nor "the committee
# investigating the attack")
# an event, then who claimed it: "in an attack the Islamic State group claimed"
_EVENT_THEN_CLAIMANT_RE = re.compile(r"\b(?:" + event_nouns("incidents") + r")\s+(?:that\s+|which\s+)?(?:the\s+)?"
                                     r"(?:[\w'’-]+\s+){1,4}(?:has\s+|had\s+)?$", re.I)
_PARTICIPLE_FORMS = frozenset({"found", "reported", "recorded", "registered", "counted", "confirmed", "documented",
                               "listed", "logged", "tallied", "verified"})
_COPULA_AFTER_RE = re.compile(r"\s+(?:were|was|are|is)\b")
_EVENT_NP_RE = re.compile(r"(?:(?:an?|the|this|that|its|their)\s+)?(?:(?![a-z-]+ing\b)[a-z-]+\s+){0,3}?(?:"
                          + event_nouns("incidents", "disasters") + r")")
# (the words such a phrase can end in, for a cheap test first)
_EVENT_LAST_WORDS = frozenset(w.split()[-1] for w in event_words("incidents", "disasters"))


def _find_attributions(text: str, lo: int, hi: int) -> list[Attribution]:
    out: list[Attribution] = []
    found = _CUE_SCAN.matches(text, lo, hi)
    for m in found.get(_ACCORDING, ()):
        sp = clean_speaker(m.group("np"))
        mr = _RELEASED_BY_RE.match(text, m.end(), hi) if not sp else None
        if mr:
            # "according to the latest figures released by the World Health Organization": the releaser's figures
            sp = clean_speaker(mr.group("np"))
        if sp:
            before = text[lo:m.start()]
            # it opens its clause (the sentence, or after a colon, semicolon or dash): it covers what follows
            opens = not before.strip() or before.rstrip()[-1] in ":;—–"
            direction = "right" if opens else "left"
            out.append(Attribution(m.start(), m.end(), sp, m.start("np"), "according_to", direction,
                                   _definite(m.group("np"))))
    if (":" in text[lo:hi] or " -" in text[lo:hi] or " –" in text[lo:hi] or " —" in text[lo:hi]) \
            and text[lo:hi].rstrip()[-1:] not in ".!?\"”'’)":
        mt = _TITLE_SPEAKER_RE.search(text, lo, hi)
        if mt and not _BAD_NP_RE.search(mt.group("np")) and not _VERBISH_RE.search(mt.group("np")):
            sp = clean_speaker(mt.group("np"))
            if sp and (_looks_like_np(sp) or sp[:1].isupper()) and _names_a_source(sp):
                sep = mt.start() + (text[mt.start()] != ":")  # (the colon or the dash)
                out.append(Attribution(sep, sep + 1, sp, mt.start("np"), "said", "left", _definite(mt.group("np"))))
    if ")" in text[lo:hi]:
        # a source in brackets closing the sentence, as situation reports cite: "... returned to their villages
        # (IOM)." (not a name's acronym: "in the Democratic Republic of Congo (DRC).")
        # (every match ends the sentence with the bracket, then perhaps "." or ";": a search only then)
        end = text[lo:hi].rstrip()
        mb = _BRACKET_SOURCE_END_RE.search(text, lo, hi) \
            if end[-1:] == ")" or end[-1:] in (".", ";") and end[:-1].rstrip()[-1:] == ")" else None
        if mb and len(_ACRONYM_IN_BRACKETS_RE.findall(text, lo, hi)) > 1:
            mb = None  # one gloss among several: "... contacts of contacts (CC) and front-line providers (PPL)."
        if mb and not _acronym_of_words_before(text, lo, mb.start(), mb.group("np")) \
                and mb.group("np").lower() not in _PAGE_FURNITURE \
                and not (text[mb.start() - 1].isdigit() and sum(c.isupper() for c in mb.group("np")) < 2):
            # ("... leave 67 dead (UPDATES)"; "13 million in IPC Phase 3 (Crisis)." glosses the number's label)
            out.append(Attribution(mb.start("np"), mb.end("np"), mb.group("np"), mb.start("np"), "according_to",
                                   "left"))
    seg = text[lo:hi]
    # (every match holds "'s" or "’s": most sentences have neither)
    if "s " in seg and ("'s" in seg or "’s" in seg):
        # "as the health ministry's count of the dead across the strip rose to 29,313": whose count it is
        for m in _POSSESSIVE_COUNT_RE.finditer(text, lo, hi):
            owner = words = _owner_words(text, lo, m.start())
            np_start = m.start() - len(" ".join(words))
            # the noun phrase only: from its last article ("United Nations has described the ministry's figures")
            k = max((i for i, w in enumerate(words) if w.lower() in ("the", "a", "an")), default=0)
            words = words[k:]
            while words and (words[0].lower() in _NP_OPENERS or _VERBISH_RE.fullmatch(words[0])):
                words = words[1:]
            if words and (words[-1].lower() in _COUNTING_HEADS or (len(words[-1]) > 1 and words[-1].isupper())):
                sp = clean_speaker(" ".join(words))
                if sp:
                    out.append(Attribution(np_start, m.end(), sp, m.start() - len(" ".join(words)), "according_to",
                                           "right", _definite(" ".join(owner))))
    if text[lo:lo + 1].isupper() and ":" in text[lo:lo + 60]:
        # a live page's entry headed by its source in capitals: "AL-JAZEERA: An Israeli bombing ... killed two"
        mc = _CAPS_SOURCE_LABEL_RE.match(text, lo, hi)
        if mc and _source_label(mc.group("np")):
            sp = mc.group("np")
            out.append(Attribution(mc.end("np"), mc.end("np") + 1, sp, lo, "said", "right", False))
        else:
            # a headline's source before a colon: "Ministry: At least 8,525 killed in strikes", "US officials: 11
            # Marines killed" (a body or an office, not a place or a topic: "Gaza: ...", "Israel-Hamas war: ...")
            ml = _SOURCE_LABEL_RE.match(text, lo, hi)
            if ml and _names_a_body(ml.group("np")):
                sp = ml.group("np")
                out.append(Attribution(ml.end("np"), ml.end("np") + 1, sp, lo, "said", "right", False))
    if "quot" in text[lo:hi]:
        # "ABC News quoted President Rafael Correa as saying the toll had risen to 272": the one quoted says so
        for m in _QUOTED_AS_SAYING_RE.finditer(text, lo, hi):
            sp = clean_speaker(m.group("np"))
            if sp and _looks_like_np(sp):
                out.append(Attribution(m.start("v"), m.end(), sp, m.start("np"), "said", "right",
                                       _definite(m.group("np"))))
    for m in found.get(_BY, ()):
        np = m.group("np")
        if _NAMED_NP_RE.match(np):
            np = _NAME_THEN_VERB_RE.sub("", np)
        sp = clean_speaker(np)
        if sp and _looks_like_np(sp) and not is_pronoun(sp) and not _a_method(np):
            out.append(Attribution(m.start(), m.end(), sp, m.start("np"), "according_to", "both",
                                   _definite(m.group("np"))))
    for m in found.get(_VERB, ()):
        v, ve = m.start(), m.end()
        verb = m.group("v").lower()
        if text[v].isupper() and text[max(lo, v - 2):v].strip(" \"“") and text[max(lo, v - 2):v].rstrip()[-1:].isalpha():
            continue  # a capitalised word inside a name is no verb: "the United States", "Reports Committee"
        if verb in ("counted", "recorded", "registered", "listed", "logged") and _PARTICIPLE_IN_RE.match(text, ve, hi):
            continue  # "the dead counted in the overall toll": a participle of what is counted, no statement
        if verb in ("told", "tells", "tell") and _TOLD_TO_RE.match(text, ve, hi):
            continue  # "told more neighbourhoods to evacuate": an order, not a statement
        if verb in ("feared", "fears") and _FEARED_FATE_RE.match(text, ve, hi):
            continue  # "Dozens feared dead": a fate, not a statement
        if verb in ("expect", "expects") and not _EXPECT_FIGURE_RE.match(text, ve, hi):
            continue  # "a figure officials expect to rise": no statement of a figure
        if verb.startswith("accus") and not _ACCUSED_OF_HARM_RE.match(text, ve, hi):
            # "Sudan's RSF accused of executing 38": the accused, in a headline's passive; "accused the army of
            # failing to protect them": no toll told
            continue
        if verb in ("declared", "declares") and _DECLARED_OBJECT_RE.match(text, ve, hi):
            continue  # "declared a state of emergency": an act, not a statement of figures
        if verb in ("claim", "claims", "claimed") and (_LIVES_AFTER_RE.match(text, ve, hi)
                                                        or _CLAIMED_ACT_AFTER_RE.match(text, ve, hi)
                                                        or _EVENT_THEN_CLAIMANT_RE.search(text, max(lo, v - 60), v)):
            # "Rains claim 73 lives": a toll; "twin bombings, which the group has claimed, ...", "in an attack the
            # group claimed": an act claimed
            continue
        if verb in _PARTICIPLE_FORMS and _COPULA_AFTER_RE.match(text, ve, hi):
            continue  # "Two of the nine victims found were members of ...": what was found, no statement
        # the tests below look at the last words before the verb only (bounded work per verb)
        before = text[max(lo, v - _BEFORE):v]
        # passive or non-reporting uses: "is said to", "were reported", "reports that" as a noun
        if _ends_with_word(before, _PASSIVE_BEFORE_WORDS) and _PASSIVE_BEFORE_VERB_RE.search(before) and \
                not _QUOTE_IT_BEFORE_RE.search(before):
            continue
        if _ends_with_word(before, _DETERMINER_BEFORE_WORDS) and _DETERMINER_BEFORE_RE.search(before):
            continue  # "an estimated 27k", "the reported figure"
        if (before.endswith("-") and not _AGENT_BEFORE_HYPHEN_RE.search(before)) \
                or _ends_with_word(before, _MODIFIER_BEFORE_WORDS) and _MODIFIER_BEFORE_RE.search(before):
            continue  # adjectives: "laboratory-confirmed cases", "all confirmed cases", "the most recently reported"
        if verb in _PARTICIPLE_ADJECTIVES and _COUNT_NOUN_THEN_VERB_RE.match(text, ve, hi):
            continue  # "confirmed infections pass 800,000", "lowers confirmed death toll to 38": an adjective
        if verb in ("recorded", "reported", "registered", "documented") and _EVER_BEFORE_RE.search(before):
            continue  # "the strongest storm ever recorded": a superlative, not a statement
        if verb in ("added", "adds") and not _ADDED_THAT_RE.match(text[ve:hi]):
            continue  # "employers added 303,000 jobs"
        if verb in ("report", "reports", "records", "show", "shows", "claim", "claims", "estimate", "estimates",
                    "say", "tell", "warn", "believe", "announce", "fears") and _NOUN_USE_BEFORE_RE.search(before):
            continue  # nouns: "the reports", "a claim", "by estimates", "amid fears that the toll could climb"
        if verb in _NOUN_FORMS and _VERB_NEXT_RE.match(text, ve, hi):
            continue  # a noun with the sentence's verb after it: "the agency's situation report showed"
        if verb.endswith("s") and _NOUN_USE_AFTER_RE.match(text[ve:hi]) and not _RELATIVE_SPEAKER_RE.search(before):
            continue  # "jobless claims jumped", "reports from the region"
        # inverted: '..., said the spokesman' / '"...," said X'
        # ("told" is never inverted: in '"...," X told reporters' the words after it are its object)
        if verb in ("said", "says", "added", "adds", "wrote", "writes", "stated", "noted", "explained",
                    "warned", "reported") and _COMMA_OR_QUOTE_END_RE.search(before):
            mi = _INVERTED_SPEAKER_RE.match(text[ve:hi])
            if mi and not _PRONOUN_SPEAKER_AFTER_RE.match(text[ve:hi]):
                subj = _subject_before(text, lo, v)
                if subj is not None and not _QUANTITY_START_RE.match(subj[0]) \
                        and not _VERBISH_RE.search(" ".join(w for w in subj[0].split() if w[:1].islower())) \
                        and not _FINITE_VERB_RE.search(text, subj[1] + len(subj[0]), v) \
                        and not _holds_a_figure(subj[0]):
                    # (not when the subject has its own verb first: "Malnutrition levels were worrying, said X:")
                    mi = None  # "The Observatory, a war monitor, said air strikes had killed 14": subject, apposition
            if mi and (_CLAUSE_NP_RE.search(mi.group("np"))
                       or _EVENT_NP_RE.fullmatch(mi.group("np").strip())):
                # "..., said the toll stood at 18", "..., said the airstrike on the village killed 12": what was
                # said, not who said it
                mi = None
            if mi:
                np = mi.group("np")
                sp = clean_speaker(np)
                if sp and (_looks_like_np(sp) or is_pronoun(sp)):
                    st = ve + mi.start("np")
                    mn = _APPOSED_NAME_END_RE.match(text, ve + mi.end("np"), hi) if _ROLE_IN_RE.search(np) else None
                    if mn and (_PERSON_NAME_RE.fullmatch(mn.group("name"))
                               or _PERSON_NAME_RE.fullmatch(mn.group("name").split(" ", 1)[-1])):
                        # "..., said Myagdi's police chief, DSP Kiran Jung Kunwar.": the role's holder, named after
                        # it, speaks
                        sp, st = mn.group("name"), mn.start("name")
                    out.append(Attribution(v, ve, sp, st, "said", "left", _definite(np)))
                    continue
        if verb in ("raised", "revised", "lowered", "increased", "updated") and not _REVISED_FIGURE_RE.match(text, ve, hi):
            continue  # these report only when what they change is a figure: "raised the toll to 12"
        mr = _RELATIVE_SPEAKER_RE.search(before)
        if verb in ("pointing out", "noting") and not _THAT_AFTER_RE.match(text, ve, hi):
            continue  # "noting the damage": a participle reports only with "that" after it
        if mr and verb not in _PARTICIPLES:
            # "the rebels, who the UN says are backed by 4,000 troops": the speaker inside the clause
            sp = clean_speaker(mr.group("np"))
            if sp:
                out.append(Attribution(v, ve, sp, v - len(before) + mr.start("np"), "said", "right",
                                       _definite(mr.group("np")), head_end=v - len(before) + mr.start("np")))
                continue
        if verb in _PARTICIPLES or _AND_BEFORE_RE.search(before):
            # "with X saying"; "X renewed his call, saying ..." and "X called for calm and said ...": the
            # speaker is the subject of the sentence
            mw = _WITH_SPEAKER_RE.search(before) if verb == "saying" or verb in _WITH_ONLY_PARTICIPLES else None
            if verb in _WITH_ONLY_PARTICIPLES and not (mw and clean_speaker(mw.group("np"))):
                continue
            if mw and clean_speaker(mw.group("np")):
                np, st = mw.group("np"), v - len(before) + mw.start("np")
            else:
                ms = _SENTENCE_SUBJECT_RE.match(text, lo, v)
                if not ms or not clean_speaker(ms.group("np")) or not _looks_like_np(ms.group("np").strip()):
                    continue
                np, st = ms.group("np"), ms.start("np")
            out.append(Attribution(v, ve, clean_speaker(np), st, "said", "right", _definite(np)))
            continue
        subj = _subject_before(text, lo, v)
        if subj is None:
            continue
        np, st = subj
        if _COMMA_OR_QUOTE_END_RE.search(before) and _holds_a_figure(np) and not text[st + len(np):v].strip(" ,\"“”"):
            # "Forty people died, said in a statement": the clause right before is what was said, not who said
            # it (but "Three residents, who spoke on condition of anonymity, told AFP ...": they speak)
            continue
        if _holds_a_figure(np) and _FINITE_VERB_RE.search(np):
            continue  # a clause, not who speaks: "Fifteen of the dead were army personnel posted to guard the yard"
        if np.rpartition(" ")[2] in _EVENT_LAST_WORDS and _EVENT_NP_RE.fullmatch(np.strip()):
            # an event speaks for no one: "Rescuers combing a mine wrecked by a methane gas explosion found the
            # bodies of ..." (the noun phrase right before the verb is the participle's object, not the subject)
            continue
        if verb in _COUNTED_PARTICIPLES and _PLACE_OR_TIME_AFTER_RE.match(text, ve, hi) \
                and _holds_a_figure(np):
            # "notified WHO of two cholera cases reported from the north": a participle of what was counted
            continue
        if np == "who":  # (not "WHO", the organisation)
            # "Civil defence spokesman Mahmoud Bassal, who had earlier reported 14 deaths": the one the clause is of
            ma = _WHO_ANTECEDENT_RE.search(text, max(lo, st - 120), st)
            if ma is None:
                continue
            np, st = ma.group("np"), ma.start("np")
        sp = clean_speaker(np)
        if not sp:
            continue
        # trailing ", X said." covers what precedes; "X said (that) ..." covers what follows
        rest = text[ve:hi]
        if verb in ("told", "tells", "tell", "briefed", "informed"):
            mo = _TOLD_OBJECT_RE.match(rest)
            if mo:
                rest = rest[mo.end():]
        if _TRAILING_CUE_REST_RE.match(rest):
            direction = "left"
        elif text[max(lo, st - _BEFORE):st].strip(" \"“”") and _COMMA_OR_QUOTE_END_RE.search(text[max(lo, st - _BEFORE):st]):
            direction = "both"
        else:
            direction = "right"
        out.append(Attribution(v, ve, sp, st, "said", direction, _definite(np)))
    out.sort(key=lambda a: a.start)
    return out


# a quotation is at most a few thousand characters: an unmatched quote mark costs bounded work
_QUOTE_RE = re.compile(r"“[^“”]{3,3000}?”|\"[^\"]{3,3000}?\"")


def find_quotes(text: str, lo: int, hi: int, masked: str | None = None, base: int = 0
                ) -> list[tuple[int, int, Attribution | None]]:
    """Direct quotations in ``text[lo:hi]`` with their attribution (found after or before); ``masked``
    and ``base`` as for :func:`find_attributions`."""
    if masked is None:
        para, shift, a, b = mask_abbreviations(text[lo:hi]), lo, 0, hi - lo
    else:
        para, shift, a, b = masked, base, lo - base, hi - base
    out = []
    moved = set()
    for qs, qe, att in _find_quotes(para, a, b):
        if att is not None and id(att) not in moved:  # (quotations one cue introduces share it)
            moved.add(id(att))
            _shift(att, shift)
        out.append((qs + shift, qe + shift, att))
    return out


def _find_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int, Attribution | None]]:
    out = []
    for m in _QUOTE_RE.finditer(text, lo, hi):
        body = m.group(0)[1:-1]
        if len(body.split()) < 3:
            continue  # scare quotes
        qs, qe = m.start(), m.end()
        att = None
        after = text[qe:min(hi, qe + 120)]
        ma = _QUOTE_ATTRIBUTION_AFTER_RE.match(after)
        if ma:
            np = ma.group("a").strip()
            if not np and ma.group("b"):
                np = _SPEAKER_TAIL_CUT_RE.split(ma.group("b"))[0]
            sp = clean_speaker(np)
            if sp:
                att = Attribution(qe + ma.start("v"), qe + ma.end("v"), sp, qe + ma.start(), "quote", "left",
                                  _definite(np))
        if att is None:
            ma = _QUOTE_ATTRIBUTION_APPOSITIVE_RE.match(text, qe, min(hi, qe + 160))
            sp = clean_speaker(ma.group("a")) if ma else None
            if sp:
                att = Attribution(ma.start("v"), ma.end("v"), sp, ma.start(), "quote", "left", False)
        if att is None:
            before = text[max(lo, qs - 120):qs]
            mb = _QUOTE_ATTRIBUTION_BEFORE_RE.search(before)
            if mb:
                sp = clean_speaker(mb.group("a"))
                if sp:
                    st = qs - (len(before) - mb.start("a"))
                    att = Attribution(st, qs, sp, st, "quote", "right", _definite(mb.group("a")))
        if att is None and out and out[-1][2] is not None:
            # a quotation that continues an attributed one: '"...," said X, a spokesman. "..."'
            att = out[-1][2]
        out.append((qs, qe, att))
    return out


_GENERIC_HEADS = SPEAKER_WORDS["generic_heads"]
# the heads of a body or person whose count a figure can be ("the ministry's tally"), not a place's ("the country's")
_COUNTING_HEADS = frozenset(SPEAKER_WORDS["speaker_heads"]) | frozenset(SPEAKER_WORDS["body_heads"]) | frozenset(_GENERIC_HEADS)
# heads that point back only when bare: "the fund said" is the IMF named before, but "the electoral
# commission" names itself
_BARE_GENERIC_HEADS = SPEAKER_WORDS["bare_generic_heads"]
_MENTIONS_BACK = 200  # how many recent names a description is matched against
# words that qualify a description without naming its body: "the UN health agency"
_QUALIFIER_WORDS = SPEAKER_WORDS["qualifier_words"]
# one person's office, pointing back when bare: "the representative added"
_PERSON_ROLES = SPEAKER_WORDS["person_roles"]
# heads no body is named by, whatever describes them: "the Britain-based war monitor"
_NEVER_SELF_NAMING = SPEAKER_WORDS["never_self_naming"]
# a document speaks for whoever issued it: "the analysis warns" after the IPC was named, "the latest report"
_DOCUMENT_HEADS = SPEAKER_WORDS["document_heads"]
# words that mark a speaker as an organisation (data: common nouns heading a body's name, and names)
_ORG_VOCAB = json.loads(resources.files(__package__).joinpath("data/organisations.json").read_text(encoding="utf-8"))
_ORG_WORDS_RE = re.compile(r"\b(?:" + "|".join(_ORG_VOCAB["organisation_words"] + _ORG_VOCAB["organisation_names"])
                           + r")\b")


# "\b[A-Z]{3,6}\b|\b[A-Z][\w'’-]+(?:...)+" with the capital first (the lookbehind is that "\b"), so the
# regex engine skips ahead to capitals instead of trying every position
_MENTION_RE = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:[A-Z]{2,5}\b|[\w'’-]+(?:\s+(?:(?:of|for|the|and|al|el|de|on)\s+)*[A-Z][\w'’-]+)+)")
_NOT_NAME_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", *_CALENDAR_WORDS, "He", "She", "It", "They", "We",
                   # time zones ("by 10 a.m. (0400 GMT), the company said": no company named GMT)
                   "GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "EET", "EEST", "IST"}


# a person named by office: "Yemen's health minister", "the agency's director"
_ROLE_MENTION_RE = re.compile(
    r"\b[A-Z][\w-]+(?:'s|’s)\s+(?:[a-z-]+\s+){0,2}?(?:minister|spokesman|spokeswoman|spokesperson|president"
    r"|prime\s+minister|governor|mayor|director|chief|commander|secretary|envoy|ambassador|head|leader)\b")
_JOINING_WORDS = {"of", "for", "the", "and", "al", "el", "de", "on"}


@dataclass(slots=True)
class _Known:
    speaker: str
    paragraph: int
    named: bool
    org: bool
    pos: int = -1  # where the speaker was named (-1: unknown)


@dataclass(slots=True)
class _Mention:
    pos: int
    paragraph: int
    text: str
    person: bool
    org: bool


@lru_cache(maxsize=4096)
def _mention_info(phrase: str, is_place=None) -> tuple[str, bool, bool] | None:
    """(name, is a person, is an organisation) for a capitalised phrase, None if it names nobody."""
    words = phrase.split()
    while words and words[0] in _NOT_NAME_WORDS:
        words.pop(0)
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]  # "The IMF's board": the IMF
    # "Marib on Tuesday": a place and a day, not a name; drop the day and the joining word
    while words and (words[-1] in _NOT_NAME_WORDS or words[-1] in _JOINING_WORDS):
        words.pop()
    if not words or all(w in _NOT_NAME_WORDS for w in words):
        return None
    name = " ".join(words)
    if is_place is not None and is_place(name):
        return None
    acronym = bool(_ACRONYM_RE.fullmatch(name))
    org = acronym or bool(_ORG_WORDS_RE.search(name)) or len(words) >= 3
    person = not acronym and not _ORG_WORDS_RE.search(name) and len(words) >= 2
    return name, person, org


class SpeakerMemory:
    """Speakers and names met so far in a document, for resolving pronouns and descriptions.

    Every lookup is indexed (latest speaker per kind, per paragraph, per word; mentions per paragraph
    in document order), so resolving a speaker costs the same at the end of a 50 MB text as at its
    start.  Paragraphs are read in order and looked up in the paragraph being read only, so what is
    kept per paragraph is dropped when the next one begins, and speakers no index points to any more
    are dropped now and then: the memory stays bounded however long the document.
    """

    def __init__(self) -> None:
        self.known: dict[int, _Known] = {}  # serial number -> speaker (the ones still pointed to)
        self._serial = 0
        self._kept = 0  # how many were still pointed to at the last clean-up
        self._para = -1  # the paragraph being read
        self.mentions: list[_Mention] = []  # the latest ones (see by_words)
        # (named_only, org_only) -> index of the latest matching speaker, document-wide and per paragraph
        self._last: dict[tuple[bool, bool], int] = {}
        self._last_para: dict[tuple[int, bool, bool], int] = {}
        self._by_surname: dict[str, int] = {}  # last word of a multi-word speaker -> latest index
        self._by_org_word: dict[str, int] = {}  # any word of a multi-word organisation -> latest index
        self._by_named_word: dict[str, int] = {}  # normalised word of a named speaker -> latest index
        self._last_person = -1  # the latest speaker named as a person ("Dr. Amina Njoya")
        # paragraph -> (positions, mentions) of person / organisation mentions, in document order
        self._persons: dict[int, tuple[list[int], list[_Mention]]] = {}
        self._orgs: dict[int, tuple[list[int], list[_Mention]]] = {}
        # "the report" -> whoever issued the report first met: one article's "the report" is one document
        self.issuers: dict[str, str] = {}

    def add(self, speaker: str, paragraph: int, pos: int = -1) -> None:
        named = any(w[:1].isupper() for w in speaker.split() if not w.endswith("-based")) and not is_pronoun(speaker)
        org = bool(_ORG_WORDS_RE.search(speaker)) or not _is_name(speaker)
        self._enter(paragraph)
        if len(self.known) > 2 * self._kept + 1000:
            self._drop_unreferenced()
        i = self._serial
        self._serial += 1
        self.known[i] = _Known(speaker, paragraph, named, org, pos)
        for named_only in (False, True):
            for org_only in (False, True):
                if (named or not named_only) and (org or not org_only):
                    self._last[(named_only, org_only)] = i
                    self._last_para[(paragraph, named_only, org_only)] = i
        ws = speaker.split()
        if len(ws) > 1:
            self._by_surname[ws[-1]] = i
            if org:
                for w in ws:
                    self._by_org_word[w] = i
        if named:
            for w in ws:
                self._by_named_word[_NON_WORD_RE.sub("", w.lower())] = i
            if not org and len(ws) > 1:
                self._last_person = i

    def add_mentions(self, text: str, lo: int, hi: int, paragraph: int, is_place=None) -> None:
        """Remember capitalised names in ``text[lo:hi]`` ("Mayor Ihor Terekhov", "UNRWA") and people
        named by their office ("Yemen's health minister")."""
        found = []
        for m in _MENTION_RE.finditer(text, lo, hi):
            info = _mention_info(m.group(0), is_place)
            if info is not None:
                found.append((m.start(), info))
        seg = text[lo:hi]
        if "'s " in seg or "’s " in seg:
            for m in _ROLE_MENTION_RE.finditer(text, lo, hi):
                found.append((m.start(), (_SPACES_RE.sub(" ", m.group(0)), True, False)))
            found.sort(key=lambda f: f[0])
        self._enter(paragraph)
        for pos, (name, person, org) in found:
            mm = _Mention(pos, paragraph, name, person, org)
            self.mentions.append(mm)
            for flag, table in ((person, self._persons), (org, self._orgs)):
                if flag:
                    pos, lst = table.setdefault(paragraph, ([], []))
                    pos.append(mm.pos)
                    lst.append(mm)
        if len(self.mentions) > 2 * _MENTIONS_BACK:
            del self.mentions[:-_MENTIONS_BACK]

    def _enter(self, paragraph: int) -> None:
        """Drop the per-paragraph tables of the paragraphs before ``paragraph`` once it is read."""
        if paragraph > self._para:
            self._para = paragraph
            for table in (self._persons, self._orgs):
                for p in [p for p in table if p < paragraph]:
                    del table[p]
            for k in [k for k in self._last_para if k[0] < paragraph]:
                del self._last_para[k]

    def _drop_unreferenced(self) -> None:
        used = {*self._last.values(), *self._last_para.values(), *self._by_surname.values(),
                *self._by_org_word.values(), *self._by_named_word.values(), self._last_person}
        self.known = {i: k for i, k in self.known.items() if i in used}
        self._kept = len(self.known)

    def last(self, paragraph: int | None = None, named_only: bool = True, org_only: bool = False):
        if paragraph is None:
            i = self._last.get((named_only, org_only))
        else:
            i = self._last_para.get((paragraph, named_only, org_only))
        return None if i is None else self.known[i].speaker

    def last_mention(self, paragraph: int, before: int, person: bool = False, org: bool = False):
        """The latest mention (of a person / an organisation) in ``paragraph`` before ``before``."""
        best = None
        for flag, table in ((person, self._persons), (org, self._orgs)):
            if not flag or paragraph not in table:
                continue
            pos, lst = table[paragraph]
            k = bisect_left(pos, before) - 1
            if k >= 0 and (best is None or lst[k].pos > best.pos):
                best = lst[k]
        return best.text if best is not None else None

    def by_surname(self, word: str) -> str | None:
        """The latest multi-word speaker ending in ``word`` (or an organisation containing it)."""
        i = max(self._by_surname.get(word, -1), self._by_org_word.get(word, -1))
        return self.known[i].speaker if i >= 0 else None

    def by_words(self, words: list[str]) -> str | None:
        """The latest named organisation whose name holds every one of ``words`` (a few generic
        qualifiers such as "UN" or "international" aside)."""
        want = {_NON_WORD_RE.sub("", w.lower()) for w in words} - _QUALIFIER_WORDS - {""}
        if not want:
            return None
        ids = [self._by_named_word.get(w) for w in want]
        if all(i is not None for i in ids):
            known = self.known[min(ids)]  # every word's latest speaker must be the same one
            if known.org and want <= {_NON_WORD_RE.sub("", w.lower()) for w in known.speaker.split()}:
                return known.speaker
        # ... or a body only mentioned so far ("The World Health Organization welcomed the ceasefire")
        for mm in reversed(self.mentions[-_MENTIONS_BACK:]):
            if mm.org and want <= {_NON_WORD_RE.sub("", w.lower()) for w in mm.text.split()}:
                return mm.text
        return None

    def last_person(self) -> str | None:
        """The latest speaker named as a person."""
        return self.known[self._last_person].speaker if self._last_person >= 0 else None

    def by_head(self, head: str) -> str | None:
        """The latest named speaker with the (normalised) word ``head``."""
        i = self._by_named_word.get(head)
        return None if i is None else self.known[i].speaker


# "its breakdown", "their latest figures": a document of an earlier speaker (but "its coastguard" is
# someone else)
_POSSESSIVE_SOURCE_RE = re.compile(
    r"(its|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:figures?|data|breakdown|reports?|tally|tallies|count|statement"
    r"|estimates?|numbers?|records?|statistics|update|bulletin|survey|analysis|assessment|findings|list|database"
    r"|website|account|post|tweet|release|calculations?|tracker|dashboard"
    # ... or its voice: "its spokesman said", "their director"
    r"|spokes(?:man|woman|person)|director|head|chief|leader|commander)$", re.I)
_POSSESSIVE_PRONOUN = {"its": "it", "their": "they", "his": "he", "her": "she"}


_HONORIFIC_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?")


def resolve_speaker(speaker: str, paragraph: int, memory: SpeakerMemory, definite: bool = True,
                    pos: int | None = None) -> str:
    """Resolve pronouns, surnames and definite descriptions against earlier speakers and names."""
    low = speaker.lower()
    before = pos if pos is not None else 1 << 60
    mp = _POSSESSIVE_SOURCE_RE.match(speaker)
    if mp:
        # "its breakdown", "their latest figures": the document of an earlier speaker
        speaker = _POSSESSIVE_PRONOUN[mp.group(1).lower()]
        low = speaker
        noun = _NON_WORD_RE.sub("", mp.group(0).split()[-1].lower())
        if noun in _DOCUMENT_HEADS and noun not in memory.issuers:
            # "Its Report No. 11 said ..." and later "the report added": the same document, the same issuer
            found = resolve_speaker(speaker, paragraph, memory, definite, pos)
            if is_pronoun(found) and low == "it":
                # (a body's name can look like a person's: "its report" is still of the last speaker)
                found = memory.last(paragraph, named_only=True) or memory.last(named_only=True) or found
            if not is_pronoun(found):
                memory.issuers[noun] = found
            return found
    if is_pronoun(speaker) and low not in ("officials",):
        if low in ("i", "we"):
            return memory.last(paragraph, named_only=False) or memory.last() or speaker
        # (then the last speaker before this paragraph, named or not: "..., the ministry said." and, in the next
        # paragraph, "More than 92,401 others have been wounded, it added.")
        if low == "it":
            return (memory.last(paragraph, named_only=False, org_only=True)
                    or memory.last_mention(paragraph, before, org=True)
                    or memory.last(named_only=False, org_only=True) or speaker)
        return (memory.last(paragraph, named_only=False) or memory.last_mention(paragraph, before, person=True)
                or memory.last() or memory.last(named_only=False) or speaker)
    words = speaker.split()
    if len(words) == 2 and _HONORIFIC_RE.fullmatch(words[0]) and words[1][:1].isupper():
        # "Mr Abiad" -> "Health Minister Firass Abiad" named before
        return memory.by_surname(words[1]) or speaker
    # a surname alone: "Hagari" -> "Rear Admiral Daniel Hagari"
    if len(words) == 1 and words[0][:1].isupper():
        return memory.by_surname(words[0]) or speaker
    # ("the UN health agency" is a description: a qualifier such as "UN" names no body)
    named = any(w[:1].isupper() and not w.endswith("-based") and w.lower().replace(".", "") not in _QUALIFIER_WORDS
                for w in words)
    if named or not definite:
        return speaker
    head = _NON_WORD_RE.sub("", words[-1].lower())
    if len(words) == 1 and head in _PERSON_ROLES:
        # "The representative added ...": the person named as speaking before ("said Dr. Amina Njoya, who
        # leads the emergency team")
        found = memory.last_person()
        if found:
            return found
    if len(words) >= 4 and head not in _DOCUMENT_HEADS and head not in _NEVER_SELF_NAMING:
        return speaker  # a long description names its own body: "the government's disaster risk management commission"
    # "the ministry" -> the earlier speaker that contains "ministry"
    found = memory.by_head(head)
    if found:
        return found
    if head in _GENERIC_HEADS and len(words) >= 2:
        # "the UN health agency" -> the World Health Organization named before: the body whose name holds
        # every word that describes it
        found = memory.by_words(words[:-1])
        if found:
            return found
    # "the group", "the U.N. agency", "the fund": the organisation that spoke last, else the one named
    # last; not a description that names itself ("the statistics service", "the civil aviation authority")
    if (head in _GENERIC_HEADS and all(w[:1].isupper() for w in words[:-1])) or (
            head in _BARE_GENERIC_HEADS and len(words) == 1) or head in _DOCUMENT_HEADS or head in _NEVER_SELF_NAMING:
        if head in _DOCUMENT_HEADS and len(words) == 1 and head in memory.issuers:
            return memory.issuers[head]
        found = memory.last(org_only=True) or memory.last_mention(paragraph, before, org=True)
        if found:
            if head in _DOCUMENT_HEADS and len(words) == 1:
                memory.issuers[head] = found
            return found
    return speaker


# how far ahead a person described by role may be named: "..., the regional governor said." then "Governor
# Jane Doe said in a television appearance" or "Jane Doe, the governor of the region, wrote"
_NAMED_AHEAD = 1200
_NAME_WORDS = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}"


def name_ahead(text: str, description: str, after: int) -> str | None:
    """The person a role description ("the regional governor") names, when the text names them just after
    ``after`` as "Governor Jane Doe" or "Jane Doe, the governor of ..."; None when the description is no
    bare role or no such name follows."""
    words = description.split()
    if not words or len(words) > 3 or any(w[:1].isupper() for w in words):
        return None
    head = _NON_WORD_RE.sub("", words[-1].lower())
    if head not in _PERSON_ROLES or head == "official":
        return None
    window = text[after:after + _NAMED_AHEAD]
    titled = re.search(rf"\b{head.capitalize()}\s+({_NAME_WORDS})", window)
    appos = re.search(rf"({_NAME_WORDS}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}{head}\b", window)
    found = [m for m in (titled, appos) if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    return m.group(0) if m is titled else m.group(1)
