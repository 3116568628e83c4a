"""Claims: a number phrase plus what it counts, who says so and when.

``extract_claims(text, published)`` splits the text into paragraphs and sentences, finds the
number phrases (:mod:`.numbers`), and for each one decides:

- ``metric``: the nearest lexicon trigger that governs the number (:mod:`.lexicon`). A trigger
  counts when it stands on its allowed side of the number, a few words away, without another number
  or much punctuation in between; event words ("killed") beat counted nouns ("hostages"). A number
  with no trigger of its own borrows one from a number it is tied to ("100 people, including 20
  children, ...", "1.9 million people - about 85% ...", "97 trucks ..., down from 120", "32 killed in
  the city and 25 in Zamzam").
- ``period`` / ``as_of`` / ``since``: from the nearest date or period phrase (:mod:`.dates`); a
  phrase fronted before the sentence's first comma or attached to the reporting verb ("said on
  Friday") covers the whole sentence. Without a cue, a present-perfect clause ("have been killed")
  means a running total. ``as_of`` defaults to the publication date.
- ``speaker`` / ``attribution``: quotation, then the reporting cue of the sentence
  (:mod:`.attribution`), with pronouns and descriptions resolved to earlier speakers.
- ``subject``: the noun after the number; ``location``: the nearest place of the sentence (a locative
  governing it counts), else the paragraph's latest, else the document's (lede, dateline, opening)
  (:mod:`.places`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import islice

from .anchored import release
from .attribution import (
    ISSUED_RE_PART,
    SPEAKER_WORDS,
    AbbreviationMask,
    SpeakerMemory,
    find_attributions,
    find_quotes,
    is_pronoun,
    name_ahead,
    resolve_speaker,
)
from .dates import MONTH_DAY_RE_PART, TimePhrase, find_named_days, find_time_phrases
from .events import GROUPS as EVENT_GROUPS
from .events import event_nouns, event_words
from .layout import document_issuer, read_layout
from .lexicon import Lexicon, Trigger, load_lexicon
from .numbers import ALL_WORDS, NumberSpan, has_digit
from .places import (  # (lazy)
    dateline_place,
    demonym_country,
    find_place_anaphors,
    find_places,
    gazetteer,
    territory_of,
)
from .sentences import Sentence, iter_sentences, split_paragraphs
from .stretches import NumberStream

__all__ = ["EXTRACTOR", "ExtractedClaim", "extract_claims", "iter_claims"]

_POPULATION_OF_BEFORE_RE = re.compile(r"\bpopulation\s+of\s+$", re.I)
_APPOSITION_OPEN_RE = re.compile(r"[,—–(]\s*$")
_AND_OR_COMMA_RE = re.compile(r"(?:\band\b|,|;)")
_COORDINATION_GAP_RE = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}(?:(?:of|from)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?)?"
                                  r"(?:and|or)\s+")
_TIME_GAP_PUNCT_RE = re.compile(r"[,;:—–]")
_CONTRAST_RE = re.compile(r"\b(?:but|while|whereas|although)\b")
_VERB_DATE_GAP_RE = re.compile(r"\s*(?:in\s+a\s+\w+(?:\s+\w+)?\s+(?:" + ISSUED_RE_PART + r"\s+)?|to\s+\w+\s+|in\s+(?:its|their|his|her|the|a)\s+"
                  r"|(?:reporters\s+|journalists\s+)?in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+|\w+\s+"
                  r"|(?:a|the)\s+(?:news|press)\s+(?:conference|briefing)\s+|(?:a|the)\s+(?:briefing|meeting)\s+"
                  # "said on state television on Saturday", "wrote on Telegram on Friday"
                  r"|on\s+(?:state\s+|national\s+|local\s+)?(?:television|TV|radio|media|social\s+media|Telegram|X|Facebook"
                  r"|its\s+website)\s+)?")
_COMMA_AFTER_RE = re.compile(r"\s*,")
_TOLL_OF_STOP_RE = re.compile(r"[\d,;:]")
_SUBJECT_WORDS_RE = re.compile(r" *([A-Za-z][\w'’-]*)(?:\s*([A-Za-z][\w'’-]*))?(?:\s*([A-Za-z][\w'’-]*))?")
# (a comma between digits separates digit groups, not clauses: "killed and 1,343 injured")
_COMMA_OR_SEMICOLON_RE = re.compile(r";|(?<!\d),|,(?!\d)")
_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d)")
# a comma inside a list of single words ("killed, injured or kidnapped in Haiti between April and June")
_LIST_COMMA_RE = re.compile(r"(?<=[a-z]),\s+[a-z]+(?:,\s+[a-z]+)*,?\s+(?:and|or)\s+[a-z]+\b")


def _clause_comma(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a semicolon or a comma that is neither a digit group's nor a word list's."""
    for m in _COMMA_OR_SEMICOLON_RE.finditer(text, a, b):
        if m.group() == ";" or not _LIST_COMMA_RE.match(text, m.start(), b):
            return True
    return False


_STATE_VERB_AFTER_RE = re.compile(r"\s+(?:are|is|remain|remains|still)\b")
_CLAUSE_START_RE = re.compile(r"[;]|,\s+(?:but|while|and)\b")
_CLAUSE_END_RE = re.compile(r"[;,]")
_STEP_GAP_RE = re.compile(r"\s+to\s+(?:a\s+(?:total|toll|tally)\s+of\s+)?", re.I)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.I)
_STEP_BEFORE_RE = re.compile(r"\b(?:rose|risen|rises|rising|increased|increases|climbed|climbs|jumped|grew|grown"
                             r"|went\s+up|gone\s+up|fell|fallen|dropped|decreased|declined)\s+(?:by\s+)?(?:another\s+)?$",
                             re.I)
_TOLL_NOUNS = ("toll", "tally", "count", "figure", "figures")
_SUM_CUE_RE = re.compile(r"(?:a\s+total\s+of|in\s+total|in\s+all|altogether|overall|total(?:ling|ing)?)", re.I)
# (one aside, or two in a row: "At least seven people, five siblings among them, three of whom were deaf, were killed")
_GAP_ASIDE_RE = re.compile(r"([^,;\n]{0,40}),(?:[^,;\n]|(?<=\d),(?=\d)){1,120}(?:,(?:[^,;\n]|(?<=\d),(?=\d)){1,80})?,"
                           r"([^,;\n]{0,20})"
                           r"|([^,;\n—]{0,40})\s—\s[^;\n—]{1,120}\s—\s([^,;\n—]{0,20})")
# what may stand between a figure and the relative pronoun of a clause about it: "30 of whom", "34 whom"
_RELATIVE_HEAD_GAP_RE = re.compile(r"(?:\s+(?:of|among)|\s+(?:\w+\s+){0,2}?\w+,?)?\s+", re.I)
_PERSON_NOUN_AFTER_RE = re.compile(r"\s+(?:men|women|people|children|civilians|soldiers|fighters|persons|residents"
                                   r"|families|households"
                                   r"|patients|prisoners|hostages|migrants|refugees|workers|journalists)\b")
# "16 of the 33 have been freed": the 33 is the whole the part is taken from, not a claim about the event
# (a clause about the victims tells what they were doing when hit, that day: "on residents who were waiting for aid
# at the roundabout on Saturday"; one of another event may run longer: "the flooding that followed Russia's
# destruction of the dam on the river on June 6")
_RELATIVE_DAY_RE = re.compile(r"\b(?:(that|which)\s+(?:[\w'’.-]+\s+){0,12}|(who|where)\s+(?:[\w'’.-]+\s+){0,8})$", re.I)
_REPORTED_THAT_RE = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|announced|added|stated|warned"
                               r"|estimated|confirmed|claimed)\b[^,.;]{0,30}$", re.I)
# what may stand between a whole and the word that says what it counts: "of the 5,000 people injured", "of the
# 12 reported deaths" (words, but no verb of a clause of its own: "of the 25 people aboard were killed")
_WHOLE_VERB_START_RE = re.compile(r"(?:were|was|are|is|had|has|have|been|be|who|that|which|will)\b")
_WHOLE_NOUN_GAP_RE = re.compile(r"\s*|\s+(?:(?!" + _WHOLE_VERB_START_RE.pattern + r")[a-z][\w'’-]*\s+){1,2}")
_PART_OF_GAP_RE = re.compile(r"\s+of\s+(?:the|its|their|these|those|our)\s+")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_EVENT_BREAK_RE = re.compile(
    r"[;]|\b(?=[abcfhrstuw])(?:but|while|whereas|although|though|compared|than|since|after|before|until|from|which|who|whose"
    r"|said|says|say|told"
    r"|according|have|has|had|remain|remains|total|toll)\b", re.I)
# a figure held now, before it: "is holding more than 240 hostages", "remain"
_STATE_BEFORE_RE = re.compile(
    r"\b(?:(?:is|are)\s+(?:still\s+)?(?:holding|keeping|sheltering|housing|hosting)|holds|hold|remain|remains)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|roughly)\s+)?$", re.I)
# a dated event noun and the start of its relative clause: "the Oct. 7 raid on southern Israel, in which"
_DATED_EVENT_CLAUSE_RE = re.compile(
    r"(?:\s*['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:" + event_nouns("incidents", "disasters") + r"|assaults?|incursions?|offensives?)"
    r"\b(?:\s+(?:on|in|at|near|against|across)\s+[^,;.]{1,40}?)?"
    r",?\s+(?:in\s+)?(?:which|that)\b", re.I)
# what may stand between the day of the subject's relative clause and the figure its main verb tells
_MAIN_EVENT_VERB_RE = re.compile(
    r"(?:\s+[\w'’.-]+){0,6}?\s+(?:killed|wounded|injured|left)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|roughly)\s+)?", re.I)
_ACCORDING_ASIDE_RE = re.compile(r"according\s+to\s+[^,;.]{1,60},\s+(?:and|while)\b", re.I)
# counts of people in a lasting state, and that state said in the present after the count: "60,000 Israelis
# remain displaced", "3.7 million are internally displaced", "800 people are listed as missing"
_STOCK_METRICS = frozenset({"displaced", "missing", "hostages", "sheltering", "detained", "food_insecure"})
_STOCK_STATE_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:remain|remains|are|is|still)\b", re.I)
# a state, not an event: "2 million people remain displaced", "30,000 have been killed"
_STATE_WORDS = r"remain|remains|remained|are|is|still|now|have|has"
_STATE_AFTER_RE = re.compile(rf"[^,;.]{{0,40}}?\b(?:{_STATE_WORDS}|had)\b", re.I)
# (in reported speech "had" is the past shifted back, not a state)
_STATE_AFTER_REPORTED_RE = re.compile(rf"[^,;.]{{0,40}}?\b(?:{_STATE_WORDS})\b", re.I)
_BUILDINGS = frozenset({"homes", "houses", "buildings", "structures", "flats", "apartments", "shops", "schools",
                        "shelters", "tents", "huts", "dwellings"})
_PEOPLE_METRICS = frozenset({"killed", "injured", "displaced", "hostages", "released", "detained", "missing"})
_THINGS = frozenset({
    "outposts", "bases", "positions", "crossings", "checkpoints", "towns", "villages", "cities", "districts", "areas",
    "buildings", "homes", "houses", "vehicles", "tanks", "drones", "missiles", "rockets", "weapons", "boats", "ships",
    "aircraft", "planes", "helicopters", "bridges", "roads", "kilometres", "kilometers", "miles", "acres", "hectares",
    "tonnes", "tons", "dollars", "euros", "cases", "infections", "tests", "doses", "votes", "seats", "projectiles",
    "shells", "rounds", "munitions", "bombs", "mines"})
_RECORD_VERB_RE = re.compile(r"recorded|records|registered|counted|documented|tracked|tracks|reported|reports"
                             r"|confirmed|confirms|showed|shows|found|finds")
# "10 million Ukrainians, almost a quarter of the population, have fled": the verb after an aside
# (a digit group separator inside the aside is no comma: "residents, among them 1,500 children, have")
_ASIDE_RE = re.compile(r"[^,;.]{0,40},(?:[^,;.]|(?<=\d)[,.](?=\d)){1,70},\s*(?=(?:have|has|had)\b)")
# "42 drones ..., and air defences shot down 36 of them": a clause about the same things
_SAME_THINGS_CLAUSE_RE = re.compile(r"^\s*[^;.]{0,120},\s+(?:and|but)\s+[^\d;.,]{0,60}$")

EXTRACTOR = "factdb-rules/0.1"

FIELDS = ("start", "end", "text", "sentence", "sentence_index", "value", "low", "high", "qualifier", "unit",
          "metric", "subject", "location", "period", "speaker", "attribution", "as_of", "since", "confidence",
          "extractor")


@dataclass(slots=True)
class ExtractedClaim:
    """One quantitative claim found in a text. Offsets are into the text given to extract_claims."""

    start: int
    end: int
    text: str
    sentence: str
    sentence_index: int
    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: str
    unit: str
    metric: str
    subject: str | None
    location: str | None
    period: str
    speaker: str | None
    attribution: str
    as_of: dt.date | None
    since: dt.date | None
    confidence: float
    extractor: str = EXTRACTOR

    def to_record(self) -> dict:
        """JSON-ready dict: dates as ISO strings, integral numbers as int."""
        rec = asdict(self)
        for k in ("as_of", "since"):
            rec[k] = rec[k].isoformat() if rec[k] else None
        for k in ("value", "low", "high"):
            v = rec[k]
            if isinstance(v, float) and v.is_integer():
                rec[k] = int(v)
        return {k: rec[k] for k in FIELDS}


# --------------------------------------------------------------------------------------------

_MARKER_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")
_CLAUSE_PUNCT_RE = re.compile(r"[,;:()\"“”—–]|\s-\s")
_CONJ_RE = re.compile(r"\b(?=[abitw])(?:but|while|whereas|although|though|because|when|after|before|which|where|as|that|if)\b",
                      re.I)
_AND_RE = re.compile(r"\band\b", re.I)
# a word as the distances between a figure and its cues count it (letters only: "3,000" or "'s" is no word)
_WORD_RE = re.compile(r"[A-Za-z]+")
_PERFECT_RE = re.compile(
    r"\b(?=[h'’])(?:has|have|had|'ve|’ve)\s+(?:(?:already|now|so\s+far|reportedly|also|since|been\s+confirmed|not)\s+)*"
    r"(?:been\s+)?(?:\w+(?:ed|en|wn|ft|ung|ught|ost|led|eld)|been|fled|left|lost|seen|died|sought)\b", re.I)
_ANAPHOR_RE = re.compile(r"\b(?=t)(?:that|this|the\s+same|those|these|the\s+new|the\s+updated|the\s+revised)\s+(?:death\s+)?"
                         r"(?:toll|figures?|number|tally|count|total)\b", re.I)
_FIGURE_OPENING_RE = re.compile(r"\s*(?:The|That|This)\s+(?:new|latest|updated|revised|same)\s+(?:death\s+)?"
                                r"(?:toll|figure|number|tally|count|total)\b")
_ANAPHOR_METRIC_RE = re.compile(
    r"\b(?:the|that|this|its|their|the\s+same)\s+(?:[A-Z][\w.'’-]*\s+|\w+(?:'s|’s)\s+)?(?:figure|number|tally|total"
    r"|count)\b[^.;,\d]{0,50}$", re.I)
_ANAPHOR_NOUNS = ("toll", "figure", "number", "tally", "count", "total")  # one ends every _ANAPHOR_RE match


def _holds_anaphor_noun(low: str) -> bool:
    """Whether ``low`` holds one of _ANAPHOR_NOUNS (written out: cheaper than any() over them)."""
    return "toll" in low or "figure" in low or "number" in low or "tally" in low or "count" in low or "total" in low


_SUBJECT_SKIP_RE = re.compile(
    r"^\s*(?:-\s*)?(?:more\s+|other\s+|others\s+|additional\s+|further\s+|another\s+)?(?:of\s+)?"
    r"(?:the\s+|our\s+|their\s+|its\s+|his\s+|her\s+|them\s+|whom\s+|those\s+|these\s+|all\s+|[A-Z][\w-]*(?:'s|’s)\s+)?")
_SUBJECT_STOP = {
    "were", "was", "are", "is", "have", "has", "had", "in", "on", "at", "from", "to", "who", "that", "and", "or",
    "with", "for", "by", "including", "remain", "remained", "remains", "across", "since", "during", "after",
    "before", "of", "as", "than", "into", "over", "under", "per", "a", "an", "the", "be", "been", "being", "will",
    "would", "could", "may", "might", "also", "still", "now", "more", "so", "which", "where", "when", "it", "they",
    "he", "she", "we", "not", "this", "these", "those", "there", "while", "among", "down", "up", "out", "off",
    "about", "around", "respectively", "towards", "toward", "without", "because", "earlier", "later", "said", "says", "told", "according", "compared",
}

# (... and the part before its whole: "six of its staff were among the 18 people reported killed")
# ("21 bodies, those of 11 men and 10 women", "30 bodies, among them those of seven children": the parts)
_LINK_INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|among\s+those|incl\.?"
                                r"|(?:were|was|are|is)\s+among\s+the|,\s+(?:among\s+them\s+)?those\s+of)\s*$", re.I)
_LINK_APPOS_RE = re.compile(r"^[^.;]{0,60}?(?:,|—|–|\(|\s-\s)\s*(?:or|and|i\.e\.|that\s+is)?\s*$", re.I)
_LINK_COMPARE_RE = re.compile(r"\b(?:down|up)\s+from\s*$|\bfrom\s+(?:an?|the|its|their)\s+(?:earlier|previous|prior|initial|last)"
                              r"\s+(?:[\w-]+\s+)?(?:toll|count|figure|tally|estimate|total)\s+of\s+(?:more\s+than\s+|about\s+)?$|\bcompared\s+(?:with|to)\s*$|\bfrom\s+(?:the\s+)?$|\bversus\s*$"
                              r"|\bvs\.?\s*$|\bagainst\s*$|\bthan\s*$|\bafter\s+(?:a\s+revised\s+)?$"
                              r"|\b(?:well\s+|far\s+)?(?:below|above|short\s+of)\s+(?:the\s+)?$", re.I)
# what a match ends with, before its final whitespace
_EARLIER_FIGURE_GAP_RE = re.compile(r"\b(?:up|down|rise|increase|jump)\s+from\b|\bfrom\s+(?:an?|the|its|their)\s+"
                                    r"(?:earlier|previous|prior|initial|last)\b", re.I)
_COMPARE_ENDS = ("from", "with", "to", "versus", "vs", "vs.", "against", "than", "after", "revised", "below", "above",
                 "of", "the")
# (an item's noun may take a word before it: "9,700 homes, 367 commercial buildings and 2,528 other structures")
# a figure's own clause, then a comma ("7 people have been killed, ..."), and the parts listed to the sentence's end
_CLAUSE_THEN_COMMA_RE = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:have|has|had|were|was|are|is)\s+(?:been\s+)?"
                                   r"[a-z]+(?:ed|en|ing)?(?:\s+[\w'’-]+){0,3}?,\s+")
_PARTS_TO_END_RE = re.compile(r"(?:\s+[a-z][\w'’-]*){1,2}(?:(?:\s*,\s*|\s+and\s+)(?:\d[\d,]*|[a-z]+)(?:\s+[a-z][\w'’-]*){1,2})+"
                              r"\s*[.;]")
# (an item may name its place: "evacuated 118 persons at Ranipur, 25 persons at Mirzapur, 640 at Varanasi")
_AT_PLACE = r"\s+(?:at|in)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?"
_LIST_GAP_RE = re.compile(r"(?:\s+(?:[A-Za-z][\w'’-]*\s+)?[A-Za-z][\w'’-]*(?:" + _AT_PLACE + r")?|" + _AT_PLACE
                          + r")\s*,\s*")
# (... and an "of" phrase after it: "eight medics, six members of the civil defence agency and one employee")
_LIST_ITEM_AFTER_RE = re.compile(r"(?:\s+(?:[A-Za-z][\w'’-]*\s+)?[A-Za-z][\w'’-]*(?:\s+(?:of|from)\s+(?:the\s+|a\s+)?"
                                 r"(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)?(?:" + _AT_PLACE + r")?|" + _AT_PLACE
                                 + r")(?:\s*,|\s+(?:and|or)\b)")
_LABEL_BEFORE_RE = re.compile(r"\s*[A-Za-z][A-Za-z ,'’-]{2,60}:\s*")
_PREDICATE_METRICS = {"killed": "killed", "injured": "injured", "wounded": "injured", "missing": "missing",
                      "rescued": "released", "released": "released", "freed": "released", "detained": "detained",
                      "arrested": "detained", "displaced": "displaced", "died": "killed", "drowned": "killed"}
_ADJECTIVE_THEN_PREDICATE_RE = re.compile(
    r"\s+(?:people\s+|others\s+)?(?:displaced|injured|wounded|detained|missing|abducted|kidnapped|evacuated)\s+"
    r"(?:[A-Za-z][\w'’-]*\s+){1,4}?"
    r"(?:were|was|have\s+been|had\s+been|are\s+now|had|have)\s+(?:\w+ly\s+)?(" + "|".join(_PREDICATE_METRICS) + r")\b",
    re.I)
# what befell people counted by their standing: "18 hostages and more than 550 prisoners had been freed", "700
# refugees and migrants had now died" (the fate, not the standing, is the figure)
_STANDING_NOUNS = r"(?:hostages|captives|prisoners|detainees|refugees|migrants|asylum\s+seekers|evacuees)"
_STANDING_THEN_PREDICATE_RE = re.compile(
    r"\s+(?:[A-Za-z][\w'’-]*\s+){0,2}?" + _STANDING_NOUNS + r"(?:\s+(?:and|or)\s+(?:(?:more\s+than|about|some|at\s+least"
    r"|over|nearly)\s+)?(?:[\d,]+\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}?" + _STANDING_NOUNS + r")?"
    r"\s+(?:were|was|have|has|had|are|is)\s+(?:(?:now|since|also|already|still)\s+)?(?:been\s+)?(freed|released|killed"
    r"|died|drowned|wounded|injured|rescued|missing)\b", re.I)
_STANDING_METRICS = frozenset({"hostages", "detained"})
_FATE_METRICS = frozenset({"released", "killed", "injured"})
_FATE_VERB_BEFORE_RE = re.compile(r"\b(?:freed|released|killed|wounded|injured|rescued)\s+(?:(?:at\s+least|about|some"
                                  r"|more\s+than|another|a\s+further)\s+)?$", re.I)
_WHERE_AFTER_RE = re.compile(r"\s+(?:near|at|in|on|along|around|outside|inside|across)\s+(?:the\s+)?[\w-]+", re.I)
_DISPLACED_AFTER_RE = re.compile(r"\s+(?:of\s+the\s+)?(?:internally\s+)?displaced\b", re.I)
_DISPLACED_SHELTERING_AFTER_RE = re.compile(
    r"\s+(?:of\s+the\s+)?(?:internally\s+)?displaced\s+(?:[A-Za-z][\w'’-]*\s+){0,2}?(?:(?:are|were|is|was|now)\s+)?"
    r"(?:sheltering|staying|living|housed|taking\s+refuge|crammed|crowded)\b", re.I)
_SHELTER_GIVEN_BEFORE_RE = re.compile(
    r"\b(?:(?:refuge|shelter)\s+(?:[\w'’-]+\s+){0,4}?to|home\s+to|sheltering|housing|hosting)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|almost|roughly)\s+)?$", re.I)
_DASH_PARTS_GAP_RE = re.compile(r"\s+[A-Za-z][\w'’-]*\s*[–—]\s*(?:an?\s+[A-Za-z]+\s*,\s*)?")
# (a reporting clause may stand before the colon: "The toll had reached 30, the police chief told AFP: 17 women, ...")
_COLON_PARTS_GAP_RE = re.compile(r"(?:\s+[a-z][\w-]*)?(?:,\s+(?:[\w'’.-]+\s+){1,8}?(?:said|says|added|told(?:\s+[\w.]+)?))?"
                                 r"\s*:\s*")
_COLON_ITEM_AFTER_RE = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){1,4}(?:\s*[,;.]|\s+(?:and|or)\b)")
_COLON_ITEM_GAP_RE = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){1,4}\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_BRACKET_PARTS_GAP_RE = re.compile(r"\s+[A-Za-z][\w'’-]*\s*\(")
_BRACKET_PART_AFTER_RE = re.compile(r"\s+[a-z][\w-]*\s*(?:,|and\b|\))")
_BRACKET_ITEM_GAP_RE = re.compile(r"\)?[^.;()\d]{1,80}\(")
_BRACKET_ITEM_AFTER_RE = re.compile(r"(?:\s+each)?\)")
_LINK_WITH_RE = re.compile(r"\bwith\s+(?:another\s+|a\s+further\s+|an\s+additional\s+|some\s+)?$", re.I)
# (also the first of parts listed before it: "climbed to 31, seven women and three children among them")
_AMONG_THEM_AFTER_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}(?:(?:and|,)\s+(?:[\w'’-]+\s+){1,3})?among\s+them\b")
def _a_part_named(text: str, end: int) -> bool:
    """The number ending at ``end`` is named a part of the one before: "96 of them", "four children among them"."""
    return bool(_OF_THEM_RE.match(text, end, end + 40) or _AMONG_THEM_AFTER_RE.match(text, end, end + 40))


_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|whom|which|those|these|the\s+(?:dead|deaths|victims|injured|wounded|total))\b",
                         re.I)
# the counted people after the second figure of an apposition: "half of the population, some 5.4 million people,"
_APPOS_AFTER_RE = re.compile(r"\s+(?:people|persons|residents|civilians|children|[A-Z][a-z]+(?:ans|ians|is|ese|s))\b")
_ELLIPSIS_AFTER_RE = re.compile(
    r"^\s*(?:[,.;:)]|$|in\b|at\b|on\b|were\b|was\b|are\b|is\b|had\b|have\b|a\s+day\b|the\s+previous\b|more\b"
    r"|others?\b|from\b|and\b|during\b|overnight\b|yesterday\b|since\b"
    # ("had been killed ..., and 1,463 injured": the verb left out)
    r"|(?:injured|wounded|hurt|missing|dead|killed|displaced|detained|arrested)\s*(?:[,.;]|$"
    # ... or a headline's list: "14 Palestinians killed, 25 injured in attacks over the past 24 hours"
    r"|(?:in|over|on|during|since|after|as)\b))", re.I)


def _parse_published(published) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


@dataclass
class _Ctx:
    text: str
    published: dt.date | None
    lexicon: Lexicon
    memory: SpeakerMemory
    doc_places: _DocPlaces


class _Spans:
    """The (sorted, disjoint) number spans of a sentence: how many lie inside a stretch of text,
    by bisection."""

    def __init__(self, nums: list[NumberSpan]) -> None:
        self.starts = [o.start for o in nums]
        self.ends = [o.end for o in nums]

    def inside(self, a: int, b: int) -> int:
        return max(0, bisect.bisect_right(self.ends, b) - bisect.bisect_left(self.starts, a))


_COMPARED_FIGURE_RE = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increase|decrease|drop|rise)\s+from\s+"
                                 r"(?:(?:about|around|some|roughly|nearly|almost|more\s+than|just|only)\s+)?$"
                                 r"|\b(?:compared\s+(?:with|to)|against|versus|than)\s+"
                                 r"(?:(?:about|around|some|roughly|nearly|almost|more\s+than|just|only)\s+)?$", re.I)
_RATE_CUE_RE = re.compile(r"(?:a|per|each|every)\s+(?:day|week|month)|daily|weekly|monthly", re.I)
# "where 500,000 people are sheltering, and 25.6 million face hunger": a verb does not reach into the next clause
_EVENT_PARTICIPLE_BEFORE_RE = re.compile(
    r"(?=[,a])(?:,|\band)\s+(?:killing|injuring|wounding|leaving)\s+(?:(?:at\s+least|more\s+than|about|some|around|nearly"
    r"|up\s+to|over|another|a\s+further)\s+)?$")
_COMMA_CONJ_RE = re.compile(r",\s+(?:and|but|while|whereas)\b")
_PUBLISHED_BEFORE_RE = re.compile(r"\b(?:data|figures|report|reports|statistics|numbers|statement|video|footage"
                                  r"|images|list|survey|study|documents?|results|findings|details)\s+$", re.I)
_NAMES_RE = re.compile(r"[A-Z][\w'’.-]*(?:(?: |, |,? and )[A-Z][\w'’.-]*)+")
_MANY_WORDS_11_RE = re.compile(r"(?:[^\w'’]*+[\w'’]++){11}")


def _punct_count(rx: re.Pattern, gap: str) -> int:
    """Clause punctuation in ``gap``, not counting the commas of digit groups ("1,343")."""
    n = len(rx.findall(gap))
    if n and "," in gap and not gap.isalpha():
        n -= len(_DIGIT_COMMA_RE.findall(gap))
    return n


_ACRONYM_IN_BRACKETS_RE = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,9}\)")


def _trigger_cost(text: str, t: Trigger, n: NumberSpan) -> float | None:
    """The caller has dropped the triggers with another (non-population) number between them and ``n``."""
    if t.start < n.end and n.start < t.end:
        # a trigger may end inside the qualifier: "the toll has now passed 1,000"
        return 0 if t.side == "before" and t.start < n.start and t.end <= n.core_start else None
    if t.start >= n.end:
        if t.side != "after":
            return None
        a, b = n.end, t.start
    else:
        if t.side != "before":
            return None
        a, b = t.end, n.start
    gap = None
    if t.side == "after" and b - a < 200 and (text.count(",", a, b) >= 2 or text.count("—", a, b) >= 2):
        ma = _GAP_ASIDE_RE.fullmatch(text, a, b)
        if ma:
            # "42 people, most of them women and children, were killed", "4.4 million people — nearly a
            # quarter of the population — are expected to face ...": the aside costs one comma
            gap = (ma.group(1) if ma.group(1) is not None else ma.group(3)) + " , " + (
                ma.group(2) if ma.group(2) is not None else ma.group(4))
    if gap is None:
        if b - a > 20 and _MANY_WORDS_11_RE.match(text, a, b):  # 11 words need 21+ chars
            return None
        gap = text[a:b]
    if "\n" in gap:
        return None
    if "(" in gap:
        gap = _ACRONYM_IN_BRACKETS_RE.sub("", gap)  # "soldiers of the Israel Defense Forces (IDF) were killed"
    if t.side == "before" and ((_PASSIVE_BEFORE_RE.search(text, max(0, t.start - 24), t.start)
                                and not any(w.endswith("ing") for w in text[t.start:t.end].split()))
                               or _CONJ_RE.search(gap) or _COMMA_CONJ_RE.search(gap)):
        # a verb does not reach across a clause to its object ("wounded and that dozens ..."), and a
        # passive has none ("one woman was killed and 22 other people ... were shot")
        return None
    # (integer terms, each >= 0: stop as soon as the sum is over the limit)
    limit = 10 if t.start >= n.end else 8
    if not gap.islower() and len(gap) > 12:
        # a name is one word however many it is written in, and a list of names one too: "in Jajarkot and
        # West Rukum districts", "in Borno, Adamawa and Yobe states"
        gap = _NAMES_RE.sub("X", gap)
    cost = len(_WORD_RE.findall(gap))
    if cost > limit:
        return None
    cost += 3 * _punct_count(_CLAUSE_PUNCT_RE, gap)
    if cost > limit:
        return None
    cost += 3 * len(_CONJ_RE.findall(gap)) + len(_AND_RE.findall(gap))
    return cost if cost <= limit else None


# a clause of its own, with its own subject, that rises to a figure: "... 38,000 and confirmed infections passed"
_NEW_SUBJECT_RISE_GAP_RE = re.compile(
    r"(?:\band|[,;])\s+(?!(?:then|later|also|has|had|have|was|is|it|and)\b)(?:[\w'’-]+\s+){1,4}?"
    r"(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|surged|reached|reaches|passed|passes|topped|tops"
    r"|exceeded|exceeds|hit|hits|stood|stands|soared|soars)\b(?:\s+(?:to|at|past|above|beyond|over)\b)?\s*$", re.I)


def _bind_metrics(text: str, nums: list[NumberSpan], triggers: list[Trigger]) -> list[tuple[str | None, float, int]]:
    # a verb immediately followed by its object number belongs to that number only
    # (only the first number after the verb can be: any later one has that number in between)
    starts = [n.start for n in nums]
    claimed = set()
    for t in triggers:
        if t.side == "before":
            i = bisect.bisect_left(starts, t.end)
            if i < len(nums) and not text[t.end:nums[i].start].strip():
                claimed.add((t.start, t.end))  # (the span: another phrase may start at the same word)
    out = []
    others = _Spans([o for o in nums if not o.population])
    o_starts, o_ends = others.starts, others.ends
    for n in nums:
        # a trigger with another number between it and n cannot bind: only triggers that start before
        # the end of the next other number and end after the start of the previous one are tried
        j = bisect.bisect_left(o_starts, n.end)
        hi = o_ends[j] if j < len(o_ends) else len(text) + 1
        i = bisect.bisect_right(o_ends, n.start) - 1
        lo = o_starts[i] if i >= 0 else -1
        best = None
        for t in triggers:
            if t.end <= lo or t.start >= hi and not (t.side == "after" and _past_asides(text, n, t)):
                continue
            if t.side == "after" and t.start >= n.end and (t.start, t.end) in claimed:
                continue
            if t.side == "before" and t.start < lo and _NEW_SUBJECT_RISE_GAP_RE.search(text, o_ends[i], t.end):
                # a phrase across the figure before and into a clause of its own is that figure's: "the death toll
                # soared past 38,000 and confirmed infections passed 800,000"
                continue
            if t.metric == "released" and _PUBLISHED_BEFORE_RE.search(text, max(0, t.start - 16), t.start):
                continue  # "data released on Tuesday": published, not set free
            c = _trigger_cost(text, t, n)
            if c is None:
                continue
            prio = t.priority
            if t.side == "after" and t.start >= n.end and _PERSON_NOUN_AFTER_RE.match(text, t.end):
                # "two wounded men died": an adjective of the counted people yields to what happened to
                # them, but is their metric when nothing else is said ("190 wounded people were brought in")
                prio = 1
            key = (-prio, c, 0 if t.start >= n.end else 1)
            if best is None or key < best[0]:
                best = (key, t.metric, c, prio)
        out.append((best[1], best[2], best[3]) if best else (None, 99.0, 0))
    return out


def _past_asides(text: str, n: NumberSpan, t: Trigger) -> bool:
    """The trigger after ``n`` is its verb past asides that hold numbers of their own: "At least seven people,
    five siblings among them, three of whom were deaf, were killed"."""
    if t.start - n.end > 200 or text.count(",", n.end, t.start) < 2:
        return False
    ma = _GAP_ASIDE_RE.fullmatch(text, n.end, t.start)
    return ma is not None and ma.group(1) is not None and not has_digit(ma.group(1) + ma.group(2))


_POPULATION_RE = re.compile(r"^\s+(?:people|residents|inhabitants|citizens|population|people's"
                            r"|[A-Z][a-z]+(?:ans|is|ese))\b")  # (or a demonym's plural)


_VICTIMS_BEFORE_RE = re.compile(r"\b(?:the|those|these)\s+(?:[\w-]+\s+)?victims\b[^.;]{0,40}$", re.I)
_VICTIMS_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+)?victims\b", re.I)
_TOPIC_FRONTED_RE = re.compile(r"\s*(?:As\s+for|As\s+to|As\s+regards|Regarding|In\s+terms\s+of)\s+(?P<np>[^,;.\d]{2,40}),")
_PLACE_COUNT_BEFORE_RE = re.compile(r"\b(?:in|across|from)\s+(?:(?:at\s+least|more\s+than|some|about|over|nearly)\s+)?$",
                                    re.I)
_PLACE_COUNT_AFTER_RE = re.compile(r"\s+(?:other\s+|different\s+|more\s+)?(?:countries|states|provinces|districts|territories"
                                   r"|regions|governorates|counties|cities|towns|villages|communities|locations"
                                   r"|municipalities|departments)\b", re.I)


def _is_population(text: str, n: NumberSpan) -> bool:
    """"Gaza's 2.2 million people", "a population of 2.3 million": a denominator, not a claim about
    the event in the sentence."""
    before = text[max(0, n.start - 20):n.start]
    # "'s" and whitespace at the end (a regex "(?:'s|’s)\s+$" would be tried from every position)
    if before[-1:].isspace() and before.rstrip().endswith(("'s", "’s")) and _POPULATION_RE.match(text[n.end:n.end + 20]):
        return True
    if _PLACE_COUNT_AFTER_RE.match(text, n.end) and _PLACE_COUNT_BEFORE_RE.search(before):
        return True  # "705,000 people in five countries": where the people are, not a count of them
    # (re.I folds a few non-ASCII letters onto ASCII ones: no substring shortcut for non-ASCII text)
    return (not before.isascii() or "population" in before.lower()) and bool(_POPULATION_OF_BEFORE_RE.search(before))


def _links(text: str, nums: list[NumberSpan]) -> list[str | None]:
    """How each number is tied to the previous one in its sentence (None = not tied)."""
    out: list[str | None] = [None]
    colon_list = False  # the numbers read are the parts listed after a figure and a colon
    for i in range(1, len(nums)):
        prev, cur = nums[i - 1], nums[i]
        gap = text[prev.end:cur.start]
        after = text[cur.end:cur.end + 40]
        kind = None
        low = gap.lower()
        exotic = not low.isascii()  # re.I folds "ı", "ſ", "K" onto ASCII letters: no substring shortcut
        if (exotic or "incl" in low or "among" in low or "whom" in low or "which" in low or "those of" in low) \
                and _LINK_INCLUDING_RE.search(gap):
            kind = "including"
        elif _OF_THEM_RE.match(after) and (_APPOSITION_OPEN_RE.search(gap) or _SAME_THINGS_CLAUSE_RE.search(gap)):
            kind = "including"
        elif "among" in after and _AMONG_THEM_AFTER_RE.match(after) and _APPOSITION_OPEN_RE.search(gap):
            kind = "including"  # "killing at least 30 people, five children among them"
        elif ":" in gap and _COLON_PARTS_GAP_RE.fullmatch(gap) and _COLON_ITEM_AFTER_RE.match(after):
            kind = "including"  # "the toll had risen to 126: 69 in Wajima, 38 in Suzu": the parts after a colon
        elif out[-1] in ("including", "and") and colon_list and _COLON_ITEM_GAP_RE.fullmatch(gap):
            kind = "and"  # (the next part of that list: "..., 38 in the city, nine in the hills")
        elif gap.endswith("(") and _BRACKET_PARTS_GAP_RE.fullmatch(gap) and _BRACKET_PART_AFTER_RE.match(after):
            kind = "including"  # "35 deaths (25 confirmed and 10 probable)": the parts of the figure before
        elif ((cur.unit in ("percent", "fraction") and prev.unit == "count")
              or (prev.unit in ("percent", "fraction") and cur.unit == "count" and _APPOS_AFTER_RE.match(after))) \
                and _LINK_APPOS_RE.match(gap) \
                and not text[max(0, prev.start - 7):prev.start].lower().endswith(("of the ", "among the ")):
            # (not a share of a whole named first: "Of the 111 hostages still in Gaza, roughly one in three ...")
            # "1.9 million people - about 85% -", "nearly half of the population, some 5.4 million people,"
            kind = "apposition"
        elif (exotic or low.rstrip().endswith(_COMPARE_ENDS)) and _LINK_COMPARE_RE.search(gap):
            kind = "compare"
        elif (exotic or "with" in low) and _LINK_WITH_RE.search(gap):
            kind = "with"
        elif len(gap) < 120 and _ELLIPSIS_AFTER_RE.match(after) and _AND_OR_COMMA_RE.search(gap):
            kind = "ellipsis"
        elif gap[-1:].isspace() and gap.rstrip().endswith(("and", "or")) and _COORDINATION_GAP_RE.fullmatch(gap):
            kind = "and"
        elif "," in gap and _LIST_GAP_RE.fullmatch(gap) and _LIST_ITEM_AFTER_RE.match(after):
            kind = "and"  # a list of counts: "killed more than 43 children, 13 women and 9 men"
        elif ("–" in gap or "—" in gap) and _DASH_PARTS_GAP_RE.fullmatch(gap):
            kind = "including"  # "killed 12 civilians – a child, three women and eight men –"
        elif gap.endswith(", ") and _CLAUSE_THEN_COMMA_RE.fullmatch(gap) and _PARTS_TO_END_RE.match(text, cur.end):
            kind = "including"  # "7 people have been killed, 6 soldiers and 1 civilian.": its parts, closing the sentence
        elif gap.endswith("(") and _BRACKET_ITEM_AFTER_RE.match(after) and _BRACKET_ITEM_GAP_RE.fullmatch(gap):
            kind = "and"  # a table in prose: "with 35 deaths, followed by Delhi (21) and Bihar (17 each)"
        colon_list = (colon_list and kind == "and") or (kind == "including" and ":" in gap)
        out.append(kind)
    return out


_STATE_THEN_AFTER_GAP_RE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:remain|remains|still)\b[^,;.]{0,40}?\bafter\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.I)


# between a figure and "the previous day" after it: what it counts and the past verb of the event
_EVENT_VERB_GAP_RE = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?"
                                r"(?:[a-z]+ed|killed|died|hurt|taken)\s+(?:in\s+(?:[\w'’-]+\s+){1,3}?)?")


def _time_cost(text: str, p: TimePhrase, n: NumberSpan, blocked: int) -> float | None:
    """``blocked``: how many of the sentence's numbers lie between ``p`` and ``n`` (see _time_costs)."""
    if p.start < n.end and n.start < p.end:
        return 0.0
    a, b = (n.end, p.start) if p.start >= n.end else (p.end, n.start)
    if blocked > 4 or (b - a > 80 and next(islice(_WORD_RE.finditer(text, a, b), 40, None), None)):
        return None  # 41 words (81+ characters) cost over the limit: seen without counting the whole gap
    gap = text[a:b]
    if p.kind == "back":
        if p.end <= n.start and "after" in p.text.lower():
            # "a day after reporting a total death toll of 9,770": the object of the earlier report
            return None if blocked or len(_WORD_RE.findall(gap)) > 8 or _COMMA_OR_SEMICOLON_RE.search(gap) else 0.0
        if p.start < n.end or blocked:
            return None
        # "1,644 a day earlier"; "40 people were killed the previous day": the event the figure counts
        return 0.0 if len(_WORD_RE.findall(gap)) <= 2 or _EVENT_VERB_GAP_RE.fullmatch(gap) else None
    if p.start >= n.end and "after" in gap and _STATE_THEN_AFTER_GAP_RE.match(gap):
        # "17 people are still unaccounted for after Friday's building collapse": a state now, after the event
        return None
    punct = _punct_count(_TIME_GAP_PUNCT_RE, gap)
    if 3 * punct + 2 * blocked > 8:
        return None  # over the limit before the words are counted
    cost = 0.2 * len(_WORD_RE.findall(gap)) + 3 * punct + 2 * blocked
    if "but" in gap or "while" in gap or "whereas" in gap or "although" in gap:  # the words _CONTRAST_RE finds
        cost += 3 * len(_CONTRAST_RE.findall(gap))
    return cost if cost <= 8 else None


def _time_costs(text: str, phrases: list[TimePhrase], nums: list[NumberSpan]) -> list[list[float | None]]:
    """``_time_cost`` of every (phrase, number) pair, ``[j][k]``. The numbers are sorted and disjoint, so
    the numbers between a phrase and ``nums[k]`` are counted by index; pairs with more than 4 numbers
    between cannot bind and are not computed. On each side of the phrase the cost only grows with the
    distance (a farther number's gap holds the nearer one's gap, its number and one more number between;
    number spans end and start at word boundaries), so the first pair over the limit ends that side."""
    starts = [n.start for n in nums]
    ends = [n.end for n in nums]
    out = []
    for p in phrases:
        r = bisect.bisect_right(ends, p.start)  # nums[:r] end before the phrase
        lo = bisect.bisect_left(starts, p.end)  # nums[lo:] start after it
        row: list[float | None] = [None] * len(nums)
        for k in range(r, lo):  # overlapping the phrase
            row[k] = _time_cost(text, p, nums[k], 0)
        for k in range(r - 1, max(0, r - 5) - 1, -1):  # before it, nearest first
            row[k] = c = _time_cost(text, p, nums[k], r - 1 - k)
            if c is None:
                break
        for k in range(lo, min(len(nums), lo + 5)):  # after it, nearest first
            row[k] = c = _time_cost(text, p, nums[k], k - lo)
            if c is None:
                break
        out.append(row)
    return out


def _relative_clause_before(text: str, lo: int, hi: int) -> re.Match | None:
    """The relative pronoun that opens the clause ``text[lo:hi]`` ends in, if any; not the "that" of
    reported speech ("said on Friday that strikes on Wednesday had killed 12")."""
    m = _RELATIVE_DAY_RE.search(text, lo, hi)
    while m is not None:  # (the nearest pronoun's clause: "which holds the remains of 30 others who were killed on")
        nearer = _RELATIVE_DAY_RE.search(text, m.start() + 1, hi)
        if nearer is None:
            break
        m = nearer
    if m and (m.group(1) or "").lower() == "that" and _REPORTED_THAT_RE.search(text, max(0, m.start() - 40), m.start()):
        return None
    return m


def _attached_to_verb(text: str, p: TimePhrase, atts) -> bool:
    for a in atts:
        if a.kind == "quote":
            continue
        if 0 <= p.start - a.end <= 40 and _VERB_DATE_GAP_RE.fullmatch(text[a.end:p.start]):
            return True
        if a.kind == "according_to" and a.start <= p.start and p.end <= a.speaker_start:
            return True  # "a report published on Monday by the committee": the day of its author's statement
    return False


_THAT_BEFORE_RE = re.compile(r"\bthat\s*,?\s*$")
_PREPOSITION_TAIL_RE = re.compile(r"\b(?:as\s+of|by|until|on|in|since)\s+$", re.I)
_PREPOSITION_TAIL_WORDS = ("of", "by", "until", "on", "in", "since")


def _cut_preposition_tail(head: str) -> str:
    """``head`` less a final "on", "by", "as of" ...: the regex only where ``head`` ends in one of those words
    and a space (a sub searches the whole head, a sentence's length; non-ASCII letters may fold to ASCII)."""
    if not head[-1:].isspace():
        return head
    tail = head.rstrip()[-5:]
    if tail.isascii() and not tail.lower().endswith(_PREPOSITION_TAIL_WORDS):
        return head
    return _PREPOSITION_TAIL_RE.sub("", head)


def _fronted(text: str, s: Sentence, p: TimePhrase) -> bool:
    """A time phrase set off at the head of the sentence, or of what it reports ("recorded that, as of
    yesterday, 96 clinics had closed, while 77 health workers had been killed"): it covers the clause."""
    head = _cut_preposition_tail(text[s.start:p.start])
    if head.strip(" \"“'") and not (head.endswith((", ", "that ")) and _THAT_BEFORE_RE.search(head)):
        return False
    return bool(_COMMA_AFTER_RE.match(text[p.end:p.end + 3]))


def _closing_as_of(text: str, s: Sentence, p: TimePhrase) -> bool:
    """A day set off at the end of the sentence by "as of" ("... 1,490 cases in 36 municipalities so far this
    year, as of May 21."): like a day at its head, it dates the whole clause."""
    return p.kind == "point" and bool(_AS_OF_CUE_RE.match(p.text)) and text[s.start:p.start].rstrip().endswith(",") \
        and not text[p.end:s.end].strip(" .\"”'’")


# words that name what happened to the counted, not who was counted: "119 deaths", "28,340 killed"
_METRIC_WORDS = {"dead", "deaths", "death", "killed", "fatalities", "fatality", "casualties", "injured", "wounded",
                 "injuries", "hurt", "missing", "displaced", "detained", "arrested", "arrests", "died", "toll",
                 "total", "tally", "number", "figure", "count"}
_SHARE_OF_RE = re.compile(
    r"(?P<x>(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)\s+(?:(?:now|still|also|alone|together|reportedly)\s+)?"
    r"(?:accounts?\s+for|accounted\s+for|make\s+up|makes\s+up|made\s+up|represents?|represented|comprised?|comprises"
    r"|constitutes?|constituted)\s+$", re.I)
# how a _SHARE_OF_RE match can end (before its trailing whitespace)
_SHARE_TAIL_WORDS = ("for", "up", "sent", "sents", "sented", "prise", "prised", "prises", "tute", "tutes", "tuted")


def _share_from(before: str) -> int:
    """Where a _SHARE_OF_RE match in ``before`` can start: in its last seven runs of non-space characters
    (four words, an adverb, a verb of two words) and its last 80 characters. Searched from there, the
    pattern's nested word loops are not tried at every position before."""
    base = max(0, len(before) - 80)
    runs = before[base:].rsplit(None, 6)  # the last six runs split off: the seventh-last ends the first part
    if len(runs) < 7:
        return base
    head = runs[0]
    return base + len(head) - len(head.rsplit(None, 1)[-1])


_GROUP_AT_RE = re.compile(r"(?:^|[\s,(])(?:of|among|for|and)\s+(?:the\s+)?(?P<x>[A-Za-z][\w'’-]*)\s+at\s+$", re.I)
_TOLL_OF_RE = re.compile(r"\b(?:toll|number|tally|count|total)\s+(?:of|among)\s+(?:the\s+)?(?P<x>[A-Za-z][\w'’-]*)", re.I)


_VERBISH_RE = re.compile(r"(?:ed|ing|ly)$|^(?:stood|stands|stand|put|puts|set|sets|is|are|was|were|rose|fell|hit|held)$",
                         re.I)


def _group_word(w: str) -> bool:
    """Whether ``w`` can name a counted group (not a function word, metric word or verb)."""
    low = w.lower()
    return low not in _SUBJECT_STOP and low not in _METRIC_WORDS and not _VERBISH_RE.search(low)


def _subject(text: str, n: NumberSpan, lo: int) -> str | None:
    """Who or what is counted: "12,000 children"; "Children account for 11,500 of the dead"; "the toll
    of women at 8,190"; "the death toll among Palestinians rose to 28,340". Words that name the metric
    ("119 deaths", "28,340 killed") are no subject. ``lo``: start of the sentence."""
    before = text[max(lo, n.start - 120):n.start]
    tail = before[-16:].lower()
    # cheap tests on the last characters first: the regexes below are anchored at the end
    # one of those words, then whitespace to the end (cheaper than a "\s+$" regex search)
    share = tail[-1:].isspace() and tail.rstrip().endswith(_SHARE_TAIL_WORDS)
    m = _SHARE_OF_RE.search(before, _share_from(before)) if share else None
    if m:
        words = m.group("x").split()
        keep = []
        for w in reversed(words):
            if not _group_word(w) and w.lower() != "and":
                break
            keep.insert(0, w)
        while keep and keep[0].lower() == "and":
            keep.pop(0)
        if keep:
            return " ".join(keep)
    subj = _subject_after(text, n)
    if subj and _METRIC_WORDS.issuperset(map(str.lower, subj.split())):
        subj = None
    if subj:
        return subj
    m = _GROUP_AT_RE.search(before, max(0, len(before) - 60)) if tail.endswith(" at ") else None
    if m and _group_word(m.group("x")):
        return m.group("x")
    low = before.lower()
    if not any(w in low for w in ("toll", "number", "tally", "count", "total")):
        return None
    for m in reversed(list(_TOLL_OF_RE.finditer(before))):
        if _group_word(m.group("x")) and not _TOLL_OF_STOP_RE.search(before[m.end():]):
            return m.group("x")
        break
    return None


def _subject_after(text: str, n: NumberSpan) -> str | None:
    after = text[n.end:n.end + 80]
    k = after.find("\n\n")
    if k >= 0:
        after = after[:k]  # (a headline's last figure takes no words of the paragraph under it)
    m = _SUBJECT_SKIP_RE.match(after)
    # up to three words: the first after spaces only, the others after whitespace only
    mw = _SUBJECT_WORDS_RE.match(after, m.end() if m else 0)
    if not mw:
        return None
    words = []
    for token in mw.groups():
        if token is None or token.lower() in _SUBJECT_STOP or (
                words and token.endswith("ed") and token.islower()):
            break
        words.append(token)
    if not words:
        return None
    subject = " ".join(words)
    # a final possessive "'s" goes (what a "(?:'s|’s)$" substitution did: the words hold no newline)
    return subject[:-2] if subject.endswith(("'s", "’s")) else subject


def _confidence(n: NumberSpan, metric: str, speaker: str | None, bind_cost: float) -> float:
    c = 0.55
    if metric != "other":
        c += 0.2 - min(bind_cost, 10) * 0.01
    if speaker:
        c += 0.1
    if n.kind in ("number", "percent", "currency", "range"):
        c += 0.1
    if n.qualifier == "vague":
        c -= 0.15
    return round(max(0.05, min(0.99, c)), 2)


# a place the figure happened in is usually governed by a locative preposition
# (one modifier may come between: "in southern Israel", "in the occupied West Bank")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|into|inside|across|throughout|near|at|through|around|on|from|of|to)\s+(?:the\s+)?"
    r"(?:[a-z][a-z-]+\s+|[A-Z][\w-]*['’]s\s+)?$")
# a place that owns the next one is wider than it: "in Sudan's Gezira state" is in Gezira
_OWNS_PLACE_AFTER = re.compile(r"['’]s\s+[A-Z]")
_NOT_THERE = 100_000
# a place that is the one speaking ("Israel says 136 hostages ...") is not where the figure is
_SPEAKS_AFTER = re.compile(
    r"(?:['’]s\s+[\w-]+\s+)?(?:says|said|told|reported|announced|claimed|estimated|has said|had said)\b")


def _place_penalty(text: str, p) -> int:
    """What is added to the distance of the place ``p`` from a number (the same for every number)."""
    owner = p[1] - 2 if text[p[1] - 2:p[1]] in ("'s", "’s") else p[1]  # (a place's span holds its "'s")
    if _SPEAKS_AFTER.match(text, p[1] + 1 if text[p[1]:p[1] + 1] == " " else p[1]):
        return _NOT_THERE
    if not _LOCATIVE_BEFORE.search(text, max(0, p[0] - 32), p[0]):
        return 200
    return 20 if _OWNS_PLACE_AFTER.match(text, owner) else 0


def _place_for(text: str, n: NumberSpan, sent_places, para_places: _Places, doc_places: _DocPlaces,
               penalties: list[int] | None = None) -> str | None:
    """The place governing the number: the cheapest of the sentence's places (distance plus
    ``_place_penalty``), else the paragraph's latest before it (or first), else the document's.
    ``penalties``: ``_place_penalty`` of each of ``sent_places``, when the caller has them.
    "Across the country" (a place named "") stands for the territory the document names most."""
    if penalties is None:
        penalties = [_place_penalty(text, p) for p in sent_places]
    costs = [min(abs(p[0] - n.end), abs(n.start - p[1])) + pen for p, pen in zip(sent_places, penalties, strict=True)]
    if costs and min(costs) < _NOT_THERE:
        place = sent_places[costs.index(min(costs))][2]  # the first of the cheapest
    else:  # the sentence names no place where the figure could be
        k = bisect.bisect_right(para_places.ends, n.start) - 1
        if k >= 0:
            # the latest place a locative governs ("In Kharkiv, Ukraine's second-largest city, ..."), else the latest
            place = next((p[2] for p in reversed(para_places.items[:k + 1]) if para_places.penalty(text, p) < 200),
                         para_places.items[k][2])
        elif para_places.items:
            place = para_places.items[0][2]
        else:
            return doc_places.first()
    if place == "":
        return doc_places.territory()
    return place


class _DocPlaces:
    """The place a document is about (found when first asked for): the first that a locative governs
    in its headline or lede, else its dateline's country or territory ("GAZA, March 5 --",
    "ISLAMABAD (Reuters) -"), else the first named in its opening, else the country of the first
    demonym there. (A report filed from elsewhere names its subject in the lede: "GENEVA (Reuters) -
    ... in Sudan".)"""

    def __init__(self, text: str, find_places, dateline: str | None = None, lede_end: int = 0) -> None:
        self.text = text
        self.find_places = find_places
        self.dateline = dateline
        self.lede_end = lede_end
        self.done = False
        self.name = None
        self.main: str | None = None

    def first(self) -> str | None:
        if not self.done:
            found = [p for p in self.find_places(self.text, 0, self.lede_end)
                     if _place_penalty(self.text, p) < 200] if self.dateline else []
            if not found and self.dateline:
                found = [(0, 0, territory_of(self.dateline))]
            found = found or self.find_places(self.text, 0, min(len(self.text), 2000))
            self.name = found[0][2] if found else demonym_country(self.text, 0, 2000)
            self.done = True
        return self.name

    def territory(self) -> str | None:
        """The territory the document names most, counting its place's once more (that wins a tie)."""
        if self.main is None:
            first = self.first()  # (it counts once more, and first: it wins a tie)
            counts = Counter([territory_of(first)] if first else [])
            counts.update(territory_of(p[2]) for p in self.find_places(self.text))
            self.main = max(counts, key=counts.__getitem__) if counts else ""  # (max: the first of the most)
        return self.main or None


class _Places:
    """Places of one paragraph in text order, with their starts and ends for bisecting."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.starts = [p[0] for p in items]
        self.ends = [p[1] for p in items]
        self._penalties: dict = {}

    def penalty(self, text: str, p) -> int:
        """``_place_penalty`` of the place ``p`` of this paragraph, computed once."""
        pen = self._penalties.get(p)
        if pen is None:
            pen = self._penalties[p] = _place_penalty(text, p)
        return pen

    def within(self, lo: int, hi: int) -> list:
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


class _Quotes:
    """Direct quotations of a document (sorted, not overlapping) indexed by position and by where
    their attribution stands."""

    def __init__(self, quotes: list) -> None:
        self.items = quotes
        self.starts = [q[0] for q in quotes]
        # (attribution start, quotation number, attribution), in attribution order
        self._atts = sorted((qa.start, n, qa) for n, (_qs, _qe, qa) in enumerate(quotes) if qa is not None)
        self._att_starts = [a[0] for a in self._atts]

    def at(self, pos: int):
        """The quotation ``(start, end, attribution)`` that ``pos`` stands in, or None."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.items[k][0] <= pos < self.items[k][1]:
            return self.items[k]
        return None

    def attributions_in(self, lo: int, hi: int) -> list:
        """The attributions of quotations that start in ``[lo, hi)``, in quotation order."""
        found = self._atts[bisect.bisect_left(self._att_starts, lo):bisect.bisect_left(self._att_starts, hi)]
        return [qa for _, _, qa in sorted(found, key=lambda a: a[1])] if found else []


def _is_place(name: str) -> bool:
    return name in gazetteer()[0]


_PLACE_NOUNS = frozenset({"country", "nation", "region", "province", "state", "city", "district", "territory",
                          "world", "continent", "island", "county", "area", "republic", "division", "governorate",
                          "prefecture", "municipality"})
_TALLY_VERBS = frozenset({"recorded", "records", "registered", "registers", "logged", "counted"})


def _place_tallies(text: str, a) -> bool:
    """A place that "recorded" figures is where they happened, not who states them: "the country recorded
    66,063 suspected cases", "Afghanistan alone has registered more than 140,000", "Islamabad has reported 2,714
    dengue cases"; and an event states nothing: "That outbreak, declared on Feb. 7, recorded 12 cases"."""
    head = a.speaker.split()
    if 0 < len(head) <= 3 and head[-1] in _EVENT_WORDS and all(w.islower() for w in head[1:]):
        return True  # (a short phrase headed by the event: not "Cal Fire", not "a committee investigating the attack")
    verb = (text[a.start:a.end].split() or [""])[-1].lower()
    if verb not in _TALLY_VERBS and not (verb in ("reported", "reports") and _CASES_AFTER_RE.match(text, a.end)):
        return False
    words = [w for w in a.speaker.split() if w.lower() not in ("alone", "itself", "as", "a", "whole", "former")]
    if not words:
        return False
    # (also a place named with its kind: "the Chattogram division logged 96 dengue hospitalisations")
    return (len(words) <= 2 and words[-1].lower() in _PLACE_NOUNS) or _is_place(" ".join(words))


# a count of cases right after "reported": a tally of the place, not a statement ("reported 21,016 dengue cases")
_CASES_AFTER_RE = re.compile(r"\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:cases|infections|deaths)\b", re.I)
_EVENT_WORDS = event_words(*EVENT_GROUPS)


def extract_claims(text: str, published: dt.date | None = None, lexicon: Lexicon | None = None
                   ) -> list[ExtractedClaim]:
    """All quantitative claims in ``text`` (an article; paragraphs separated by blank lines).

    ``published`` is the publication date that relative dates ("on Tuesday", "yesterday") are
    resolved against and the default ``as_of``; without it ``as_of`` is only set from explicit
    dates. ``lexicon`` defaults to :func:`load_lexicon()`.
    """
    return list(iter_claims(text, published, lexicon))


# a text at most this long is not released at its end: its index and candidates are a few KB, soon displaced
# by the next texts', and a release walks every scanner (a few per cent of the time of short articles)
_RELEASE_ABOVE = 100_000


def iter_claims(text: str, published: dt.date | None = None, lexicon: Lexicon | None = None,
                headline: list[ExtractedClaim] | None = None) -> Iterator[ExtractedClaim]:
    """The claims of :func:`extract_claims`, in the same order, yielded sentence by sentence.

    Nothing of the document is kept per sentence or per claim once it is read, so a caller that
    stores the claims as they come holds a bounded number of them, however long the text.  One
    exception: the headline's claims take the meaning of the body figures they restate (see
    :class:`_Headline`), which may stand anywhere in the body, so they are yielded as read
    in the headline and changed in place when the iteration ends.  ``headline``: a list that
    receives those claims as they are yielded, for a caller that must look at them again then.
    """
    if not isinstance(text, str) or not text.strip():
        return
    try:
        yield from _iter_claims(text, published, lexicon, headline)
    finally:
        if len(text) > _RELEASE_ABOVE:
            release()  # (the scanners' index of this text: a large one would outlive it)


def _iter_claims(text: str, published, lexicon: Lexicon | None, headline: list[ExtractedClaim] | None
                 ) -> Iterator[ExtractedClaim]:
    pub = _parse_published(published)
    mk = _MARKER_RE.match(text)
    if mk and pub is None:
        try:
            pub = dt.date(int(mk.group(1)), int(mk.group(2)), int(mk.group(3)))
        except ValueError:
            pub = None
    lex = lexicon or load_lexicon()
    paragraphs = split_paragraphs(text)
    # datelines, bylines, credits and stamps are blanked (offsets kept): they are not prose
    layout = read_layout(text, pub, paragraphs)
    original, text = text, layout.mask(text)
    numbers = NumberStream(text)  # (found a stretch of the text at a time, taken as the sentences go)
    if numbers.done:
        return
    sentences = iter_sentences(text, paragraphs, source=original)
    s = next(sentences, None)
    if s is None:
        return
    numbers.take_before(s.start)  # (numbers before the first sentence are not read)

    masks = AbbreviationMask(text)
    quotes, quotes_paragraph = _Quotes([]), -1  # (the quotations of the paragraph being read)

    memory = SpeakerMemory()
    dl = layout.dateline
    doc_places = _DocPlaces(text, find_places, dateline_place(original[dl[0]:dl[1]]) if dl else None,
                            paragraphs[layout.dateline_paragraph][1] if dl else 0)
    para_places_cache: dict[int, list] = {}  # (the paragraph being read only: a memo)
    head = _Headline(layout.headline_end, headline)
    # a live page's entries and a story's cross-heads have titles of their own: "Gaza death toll reaches
    # 21,822" above "On Sunday, the ministry said that 21,822 people have now been killed"
    title_ends = {te for _, te in layout.titles}
    # (a stamp right under a title is that entry's own: "Toll reaches 21,822" then "31 December 2023 09:58 GMT")
    titles = _Titles(layout.titles, headline, [pos for pos, _ in layout.stamps
                                               if pos - _trailing_space(original, pos) not in title_ends])
    # an organisation's own report speaks for it throughout (see layout.document_issuer)
    issuer = document_issuer(original)
    # a story whose headline names one incident ("Air strike on village kills 10"): not a live page
    # a live page has entries under stamps; one date line under a story's headline does not make one
    live = layout.stamp_lines > 1
    single = bool(layout.headline_end) and not live \
        and (_ONE_INCIDENT_RE.search(original, 0, layout.headline_end) is not None
             or _ACTORS_KILL_RE.search(original, 0, layout.headline_end) is not None
             and _INCIDENTS_OR_DISASTERS_RE.search(original, 0, layout.headline_end) is None)
    # its sentences count the incident's dead, hurt and missing; so do those of a story of incidents of one kind
    # that counts them ("Air strikes kill 30 across the region"), whose days, though, may differ
    one_incident = single or bool(layout.headline_end) and not live \
        and _INCIDENTS_RE.search(original, 0, layout.headline_end) is not None \
        and _A_COUNT_RE.search(original, 0, layout.headline_end) is not None
    named: dict[tuple[str, int], str | None] = {}
    # a story of one incident is held to its end: the incident's day may be told after its first figures
    held: list[ExtractedClaim] | None = [] if single and len(text) <= _HELD_STORY_MAX else None
    undated: set[int] = set()  # ids of held claims dated by default
    occurred: dt.date | None = None  # the first day a sentence of a held story says its incident happened on
    last: ExtractedClaim | None = None  # the latest claim
    metric_names = lex.metric_names
    prev_speakers: list[str] = []
    last_metric = None  # the metric of the document's last claim that has one
    prev_paragraph = -1
    statement: _Statement | None = None  # the latest dated statement, whose day its continuation keeps
    colon_voice: str | None = None  # who introduced the list being read with a colon
    # (period, last day) of the latest window or start named ("in the past 24 hours", "since ...")
    window_period = None
    event_day = None  # the day of the latest event a sentence dated its figures by
    scene_day = None  # the day a sentence of this paragraph set its scene on ("In the first shipwreck, on June 12,")
    # (day, sentence index) of a scene set more loosely ("Also, on May 23 the occupiers attacked ..."): it
    # serves the next sentence only
    brief_scene: tuple[dt.date, int] | None = None
    heading_day = None  # the day a heading line gave the figures listed under it ("The situation as of June 18:")
    last_paragraph = -1  # the paragraph of the last claim
    recent: list[ExtractedClaim] = []  # the latest counts, for "Of the 60 dead, ..."
    # (speaker, day, paragraph) of the latest source that dated an incident's count by the incident's day
    incident_voice: tuple[str, dt.date, int] | None = None
    named_day: dt.date | None = None  # the last past day a sentence with figures named, for "that day"
    prev_found: list[ExtractedClaim] = []  # the claims of the sentence before, if it had figures
    source_voice: str | None = None  # who a "Source: X, head of ..." line names
    quote_voice: tuple[str, int] | None = None  # (speaker, paragraph) of a "Quote from X:" paragraph

    while s is not None:
        if numbers.done and not (prev_found and _reported_this(text, s)):
            # nothing after the sentence of the last number matters (but who "reported this"), nor the day a held
            # story's incident happened
            while held is not None and occurred is None and s is not None:
                occurred, s = _occurrence_day(text, s, pub), next(sentences, None)
            break
        nxt = next(sentences, None)
        next_start = nxt.start if nxt is not None else len(text) + 1
        nums = numbers.take_before(next_start)  # the numbers from this sentence's start to the next one's
        if s.paragraph != prev_paragraph:
            para_places_cache.clear()
            scene_day = None
        if s.paragraph != quotes_paragraph:
            ps, pe = paragraphs[s.paragraph]
            quotes, quotes_paragraph = _Quotes(find_quotes(text, ps, pe, *masks.at(ps, pe))), s.paragraph
        head.sentence(s.start)
        titles.sentence(s.start)
        atts = find_attributions(text, s.start, s.end, *masks.at(s.start, s.end))
        memory.add_mentions(text, s.start, s.end, s.paragraph, _is_place)
        resolved_atts = []
        spoken = []
        atts = [a for a in atts if not _place_tallies(text, a)]
        for a in atts:
            # a trailing pronoun (", it said") points back past what the sentence reports: "That takes the
            # toll to 23,084 since the conflict between X and Y erupted, it said" is the earlier speaker's
            sp = resolve_speaker(a.speaker, s.paragraph, memory, a.definite,
                                 s.start if a.direction == "left" and is_pronoun(a.speaker) else a.speaker_start)
            resolved_atts.append((a, sp))
            if not (is_pronoun(sp) and sp.lower() != "officials"):
                # remembered at once: "The director said 27 patients had died, and he warned that 39 ..."
                memory.add(sp, s.paragraph, a.speaker_start)
                spoken.append(sp)
        carried = _continued(statement, spoken, resolved_atts, s, layout)
        if text.startswith(("Source:", "Quote"), s.start):
            source_voice, quote_voice = _source_and_quote(text, s, memory, source_voice, quote_voice)
        in_list = colon_voice is not None and _is_list_item(original, s.start)  # (a line of the list introduced)
        said_day = None
        # a live blog's entry is of its stamp's day ("10:40 GMT 20 January"), not of the page's date
        day = (layout.day_at(s.start) or pub) if layout.stamps else pub
        found: list[ExtractedClaim] = []
        if nums:
            # the metric "the figure" may point back to: the last claim's (in an earlier paragraph, only
            # for "the figure"/"the count", not for "half of them")
            if last is not None and prev_paragraph == s.paragraph:
                prev_metric = (last.metric, True)
            else:
                prev_metric = (last_metric, False) if last_metric else None
            brief = brief_scene[0] if scene_day is None and brief_scene and brief_scene[1] == s.index - 1 else None
            found, said_day, sentence_window, event_day, scene_day, loose, named_day = _sentence_claims(
                text, s, nums, resolved_atts, quotes, day, lex, memory,
                                     prev_speakers if prev_paragraph == s.paragraph else [],
                                     para_places_cache, paragraphs, doc_places, find_places, metric_names,
                                     prev_metric, carried.day if carried else heading_day, window_period, event_day,
                                     scene_day or brief, one_incident,
                                     named_day if s.paragraph <= prev_paragraph + 1 else None)
            if brief is not None and scene_day == brief:
                scene_day = None
            window_period = sentence_window or window_period
            if in_list:
                for c in found:
                    if c.speaker is None and c.attribution == "outlet":
                        # "He said the agency had recorded:" then "- 136,400 cases of diarrhoea": the list it
                        # introduced is what it said
                        c.speaker, c.attribution = colon_voice, "said"
            if quote_voice is not None and quote_voice[1] == s.paragraph:
                for c in found:
                    if c.speaker is None and c.attribution == "outlet":
                        c.speaker, c.attribution = quote_voice[0], "said"  # (the quote's words are the speaker's)
            if carried and carried.speaker:
                for c in found:
                    if c.speaker is None and c.attribution == "outlet":
                        # "The ministry said 283 were killed ... A further 814 were wounded ...": the
                        # statement goes on in the sentences after it
                        c.speaker, c.attribution = carried.speaker, "said"
            whole = _named_whole(text, s, found, recent) if found and last is not None else None
            if found and last is not None and last_paragraph >= s.paragraph - 1 \
                    and (whole is not None or _BREAKDOWN_OPENING_RE.match(text, s.start)
                         or _PART_OF_THEM_RE.match(text, found[0].end)
                         or _BY_PLACE_COLON_RE.search(text, s.start, found[0].start)
                         or _AMONG_THE_DEAD_AFTER_RE.match(text, found[0].end, s.end)):
                # "... had killed at least 61 media workers, the committee said. Of those killed, 54 were ...": a
                # breakdown of a figure is of whoever gave the figure ("Of the 60 dead", "Of the 51 cases" name it
                # among the last counts), counts what it counts, and is of its day
                last = whole or last
                for c in found:
                    if c.speaker is None and c.attribution == "outlet" and last.speaker:
                        c.speaker, c.attribution = last.speaker, "said"
                    if c.metric == "other" and c.unit == last.unit == "count":
                        c.metric = last.metric
                    # (a state now is not of an event's day: "Of those, 70 remain held"; a running total's
                    # parts, told by the same source, are all of its day: "Of the 51 cases, 28 have been confirmed")
                    if c.as_of in (day, pub) and last.as_of is not None \
                            and (last.period == "cumulative" and c.speaker in (None, last.speaker)
                                 or not _STATE_AFTER_RE.match(text, c.end, s.end)):
                        c.as_of = last.as_of
                    if c.period == "unknown":
                        c.period = last.period  # (a part of a day's deaths is of that day, of a toll cumulative)
            if found and last is not None and last_paragraph >= s.paragraph - 1 \
                    and _TAKES_TOTAL_OPENING_RE.match(text, s.start):
                _continue_the_total(found, last, loose)
            incident_voice = _date_by_incident_voice(incident_voice, found, spoken, loose, s, day)
            if found:
                last, last_paragraph = found[-1], s.paragraph
                recent = (recent + [c for c in found if c.unit == "count"])[-_RECENT_COUNTS:]
            last_metric = next((c.metric for c in reversed(found) if c.metric != "other"), last_metric)
        for qa in quotes.attributions_in(s.start, next_start):
            if s.start <= qa.start < s.end:
                sp = resolve_speaker(qa.speaker, s.paragraph, memory, qa.definite, qa.speaker_start)
                if not is_pronoun(sp):
                    memory.add(sp, s.paragraph, qa.speaker_start)
        prev_speakers = spoken or ([last.speaker] if last is not None and last.sentence_index == s.index
                                   and last.speaker else [])
        prev_paragraph = s.paragraph
        if not nums and spoken:
            said_day = _said_day(text, s, day, resolved_atts)
            if prev_found and _reported_this(text, s):
                # "The death toll ... has risen to 14." then "Andriy Kurtev, secretary of the council, reported this."
                for c in prev_found:
                    if c.speaker is None and c.attribution == "outlet":
                        c.speaker, c.attribution = spoken[0], "said"
        prev_found = found if nums else []
        if not nums:
            # "... after its 7 October attack." dates what is told of "that attack" next
            event_day = _dated_event_named(text, s, day) or event_day
            # "On October 7, 2023, the movement launched an attack on ..." then "Over 1,200 people were killed and
            # some 240 others were abducted": a sentence without figures may set its paragraph's scene too
            if day is not None and text.startswith(("On ", "In ", "Early on ", "Late on "), s.start):
                scene_day = _opening_day(text, s, day) or scene_day
            if day is not None and scene_day is None:
                brief = _loose_opening_day(text, s, day)
                brief_scene = (brief, s.index) if brief is not None else brief_scene
            if text[s.start:s.end].rstrip().endswith(":"):
                heading_day = _heading_day(text, s, day) or heading_day
        statement = _next_statement(statement, carried, spoken, said_day, s)
        if spoken and text[s.start:s.end].rstrip().endswith(":"):
            colon_voice = spoken[0]  # (a speaker introducing a list: its items are its words)
        elif not in_list:
            colon_voice = None
        if held is not None and occurred is None:
            occurred = _occurrence_day(text, s, day)
        for c in found:
            if issuer and c.speaker is None and c.attribution == "outlet":
                c.speaker, c.attribution = issuer, "said"
            elif c.speaker and c.speaker[:1].islower():
                # "the regional governor said" and the governor is named in the next sentence
                key = (c.speaker, c.sentence_index)
                if key not in named:
                    named.clear()  # (a memo for this sentence only)
                    named[key] = name_ahead(original, c.speaker, c.start)
                c.speaker = named[key] or c.speaker
            head.add(c)
            titles.add(c)
            if held is None:
                _settle_period(c)
                yield c
            else:
                held.append(c)
                if c.start in loose:
                    undated.add(id(c))
        s = nxt
    head.finish()
    titles.finish()
    if held:
        _date_the_incident(held, undated, pub, occurred)
        for c in held:
            _settle_period(c)
        yield from held


# what happens to people or things in events: counted without a cue, the events' own count
_SETTLED_AS_EVENTS = frozenset({"killed", "injured", "missing", "hostages", "detained", "released", "destroyed", "aid"})


def _settle_period(c: ExtractedClaim) -> None:
    """The period of a figure no cue and no later sentence gave one: a count of what befell people or things
    told without a running total's cue ("Among the dead were eight medics", "the bodies of 25 were recovered",
    "40 pupils were abducted", "100 aid trucks entered") is of the events told, not a running total; a stock
    (the displaced, the sheltered) and any other figure keep it unknown."""
    if c.period == "unknown" and c.metric in _SETTLED_AS_EVENTS and c.unit == "count":
        # (not a state held now: "Four people remain missing", "are still in hospital")
        at = c.sentence.find(c.text)
        if at < 0 or not (_STATE_AFTER_REPORTED_RE.match(c.sentence, at + len(c.text))
                          or _state_before(c.sentence, max(0, at - 50), at)):
            c.period = "interval"


def _is_list_item(original: str, at: int) -> bool:
    """The sentence at ``at`` opens a line with a list marker ("- 55,400 cases of scabies")."""
    ls = original.rfind("\n", 0, at) + 1
    return at - ls <= 6 and original[ls:at].strip() in _LIST_MARKERS


_LIST_MARKERS = frozenset("-•*▪◦–")
_RECENT_COUNTS = 40  # (a breakdown by place may list a dozen counts between the whole and its parts)
# a breakdown announced by its places: "The news agency gave the casualties by region: in the south, 8 people ..."
_BY_PLACE_COLON_RE = re.compile(r"\bby\s+(?:region|province|governorate|district|state|county|area|city|town|country"
                                r"|department|municipality|prefecture)\s*:", re.I)


def _date_by_incident_voice(voice: tuple[str, dt.date, int] | None, found: list[ExtractedClaim], spoken: list[str],
                            loose: set[int], s: Sentence, day: dt.date | None) -> tuple[str, dt.date, int] | None:
    """A source that dated an incident's count by its day ("strikes killed 60 people on Monday, the ministry
    said") goes on about that incident when it next speaks: "At least 58 other people were wounded, the
    ministry added" counts Monday's wounded. Returns the voice in force after this sentence."""
    if voice is not None and spoken and s.paragraph <= voice[2] + 1 and all(_same_body(sp, voice[0]) for sp in spoken):
        for c in found:
            if c.start in loose and c.period == "interval" and c.metric in _INCIDENT_FATES and c.as_of == day:
                c.as_of = voice[1]
        return voice[0], voice[1], s.paragraph
    if not spoken:
        return voice
    dated = next((c for c in found if c.period == "interval" and c.metric in _INCIDENT_FATES and c.start not in loose
                  and c.since is None and c.as_of is not None and day is not None and c.as_of < day
                  and c.speaker and _same_body(c.speaker, spoken[0])), None)
    return (spoken[0], dated.as_of, s.paragraph) if dated is not None else None


# a sentence that adds the last figure to a total: "That takes the number of deaths during the war to 289"
# ("The new figures raise the total ... to at least 59,029": a plural subject takes the verb's plain form)
_TAKES_TOTAL_OPENING_RE = re.compile(r"\s*(?:That|This|These|It|They|The\s+(?:(?:new|latest)\s+)?(?:deaths?|figures?|toll"
                                     r"|casualties))\s+(?:takes?|took|brings?|brought|raises?|raised|push(?:es)?|pushed"
                                     r"|lifts?|lifted)\b")


# a sentence that only names who reported what the sentence before it told: "X reported this.", "This was
# reported by X."
_REPORTED_THIS_END_RE = re.compile(r"\b(?:reported|said|announced|stated|wrote|confirmed)\s+(?:this|so)\s*[.!]?\s*$")
_THIS_WAS_REPORTED_RE = re.compile(r"\s*(?:This|That|It)\s+was\s+(?:reported|announced|stated|said|confirmed)\s+by\b")


def _reported_this(text: str, s: Sentence) -> bool:
    return bool(_THIS_WAS_REPORTED_RE.match(text, s.start) or _REPORTED_THIS_END_RE.search(text, s.start, s.end))


# a line crediting who a report's figures come from, and a paragraph quoting them: "Source: Ivan Fedorov, Head of
# the Oblast Military Administration; State Emergency Service" then "Quote: ..." or "Quote from Fedorov: ..."
_SOURCE_LINE_RE = re.compile(r"Source:\s*(?P<np>[A-Z][^,;:|\n]{2,60}?)(?:\s+on\s+(?:Telegram|Facebook|X|Twitter))?\s*(?:[,;|\n]|$)")
_QUOTE_LINE_RE = re.compile(r"Quote(?:\s+from\s+(?P<np>[A-Z][^:\n]{1,60}?))?\s*:\s")


def _source_and_quote(text: str, s: Sentence, memory, source_voice: str | None,
                      quote_voice: tuple[str, int] | None) -> tuple[str | None, tuple[str, int] | None]:
    """The voice a "Source:" line names, and the speaker of a "Quote:" paragraph (its own name, else the source)."""
    m = _SOURCE_LINE_RE.match(text, s.start, s.end)
    if m:
        return m.group("np").strip(), quote_voice
    m = _QUOTE_LINE_RE.match(text, s.start, s.end)
    if m is None:
        return source_voice, quote_voice
    name = m.group("np")
    voice = resolve_speaker(name.strip(), s.paragraph, memory) if name else source_voice
    if name and source_voice and voice == name.strip() and source_voice.split()[-1:] == name.split()[-1:]:
        voice = source_voice  # ("Quote from Malashko" after "Source: Yurii Malashko, Head of ...")
    return source_voice, ((voice, s.paragraph) if voice else quote_voice)


def _continue_the_total(found: list[ExtractedClaim], last: ExtractedClaim, loose: set[int]) -> None:
    """The total a figure is added to is told by whoever told the figure, as of the figure's day, and is a
    running total."""
    for c in found:
        if c.speaker is None and c.attribution == "outlet" and last.speaker:
            c.speaker, c.attribution = last.speaker, "said"
        if c.start in loose and last.as_of is not None and c.as_of is not None and last.as_of < c.as_of:
            c.as_of = last.as_of
        if c.period in (None, "unknown") and c.unit == "count":
            c.period = "cumulative"


_NAMED_WHOLE_RE = re.compile(r"\s*(?:Of|Among)\s+(?:the|those|these)\s+(?=\d)")


def _named_whole(text: str, s: Sentence, found: list[ExtractedClaim], recent: list[ExtractedClaim]
                 ) -> ExtractedClaim | None:
    """The earlier count a breakdown names by its figure: "Of the 60 dead, at least 16 were ..." -> the 60."""
    m = _NAMED_WHOLE_RE.match(text, s.start, s.end)
    if m is None:
        return None
    named = next((c for c in found if c.start <= m.end() < c.end), None)  # (the figure as the parser read it)
    if named is None or named.value is None:
        return None
    return next((c for c in reversed(recent) if c.value == named.value), None)


# a heading that dates the list under it: "The epidemiological situation as of June 18, 2019:", "Figures up to 3 March:"
_AS_OF_HEADING_RE = re.compile(r"\b(?:as\s+(?:of|at)|up\s+to|until)\s+[^:\n]{3,40}:\s*$", re.I)


def _heading_day(text: str, s: Sentence, day: dt.date | None) -> dt.date | None:
    """The day a heading line ending in a colon gives the figures listed under it, if it names one by then."""
    if day is None or not _AS_OF_HEADING_RE.search(text, s.start, s.end):
        return None
    when = next((p.as_of for p in find_time_phrases(text, s.start, s.end, day) if p.kind == "point"
                 and p.as_of is not None), None)
    return when if when is not None and when <= day else None


_NAME_WORD_RE = re.compile(r"[a-z0-9]+")
_NAME_STOP = frozenset({"the", "a", "an", "of", "in", "for", "and", "s", "its", "on"})
# a sentence without a reporting cue goes on with the statement before it only when it says so: "A
# further 814 were wounded in the same period", "Of the total killed, 13,230 were children", "bringing
# the number of injured to ..."
_GOES_ON_RE = re.compile(
    # (an additive connective opening the sentence: "In addition, 1,550 people are reported missing")
    r"^\W*(?:In\s+addition|Additionally|Moreover|Furthermore|It\s+also)\b"
    r"|\b(?:a\s+further|another|(?:in|over|during)\s+the\s+same\s+(?:period|time|day|hours?)|of\s+(?:the|that)\s+total"
    r"|of\s+(?:the|those)\s+(?:dead|killed|wounded|injured)|(?:bringing|taking|raising|pushing)\s+the"
    r"|(?:that|this|the\s+same)\s+(?:death\s+)?(?:toll|figures?|number|tally|count|total))\b", re.I)
_SAME_WINDOW_RE = re.compile(r"\b(?:the\s+same\s+(?:period|time\s*frame|(?:\d+|twenty-four)[\s-]hours?|hours|days?|week)"
                             r"|(?:the|that)\s+(?:same\s+)?month)\b"
                             r"(?!\s+(?:(?:a|last|the\s+previous)\s+year|in\s+\d{4}))", re.I)
_LEDE_SENTENCES = 4  # a headline restates a figure of the first few body sentences
# a simple past event verb governing the figure (a perfect, "have been killed", is a running total)
_PAST_EVENT_BEFORE_RE = re.compile(r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\b(?:killed|wounded|injured)\s+"
                                   r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|another|up\s+to)\s+)?$",
                                   re.I)
# (an aside may stand before the verb: "At least 274 people, dozens of children among them, were killed")
_PAST_EVENT_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?(?:,[^,;.]{1,60},)?\s+(?:(?:was|were)\s+(?:\w+ly\s+)?"
                                  r"(?:killed|wounded|injured|hurt|shot|stabbed|abducted|kidnapped|rescued)"
                                  r"|(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\salso\s)(?:died|drowned))\b", re.I)
def _state_before(text: str, lo: int, hi: int) -> bool:
    # (each match holds one of these words: a substring test first, the regex only then; non-ASCII text
    # folds under re.I, so no shortcut for it)
    w = text[lo:hi].lower()
    return (not w.isascii() or "hold" in w or "remain" in w or "keep" in w or "shelter" in w or "hous" in w
            or "host" in w) and _STATE_BEFORE_RE.search(text, lo, hi) is not None


def _toll_noun_before(text: str, lo: int, hi: int) -> bool:
    w = text[lo:hi].lower()
    return (not w.isascii() or "figure" in w or "toll" in w or "tally" in w or "count" in w) and \
        _TOLL_NOUN_BEFORE_RE.search(text, lo, hi) is not None


def _past_event(text: str, n: NumberSpan, s: Sentence) -> bool:
    """A simple past event verb governs ``n`` ("strikes killed 12", "12 people were killed")."""
    lo, hi = max(s.start, n.start - 25), min(s.end, n.end + 110)
    w = text[lo:hi].lower()
    if w.isascii() and not any(map(w.__contains__, _PAST_EVENT_WORDS)):  # (no Python loop)
        return False
    return bool(_PAST_EVENT_BEFORE_RE.search(text, lo, n.start) or _PAST_EVENT_AFTER_RE.match(text, n.end, hi))


_PAST_EVENT_WORDS = ("killed", "wounded", "injured", "hurt", "shot", "stabbed", "abducted", "kidnapped", "rescued",
                     "died", "drowned")
_PERFECT_BEFORE_RE = re.compile(r"\b(?:have|has)\b[^.;]*$", re.I)
# one incident as the subject of the verb that counts the figure: "an attack by the militia on the camp has
# left at least", "the incident had killed" (a disaster's toll may still be counting, so only incidents)
def _incident_subject_re(determiners: str) -> re.Pattern:
    return re.compile(
        r"(?<!\bof\s)\b(?:" + determiners + r")\s+(?:[\w'’-]+\s+){0,3}?(?:"
        + event_nouns("incidents", plural=False) + r")\b(?:,?\s+(?:by|on|in|at|near|of|against)\b[^.;:\d]{1,120}?,?)?"
        r"\s+(?:has|have|had)\s+(?:now\s+|also\s+)?(?:left|killed|wounded|injured|claimed)\s+"
        r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|up\s+to)\s+)?$", re.I)


_INCIDENT_SUBJECT_RE = _incident_subject_re(r"an?|the|this|that|its|their")
_HEADLINE_TOLL_RE = re.compile(r"\b(?:toll|tally)\b", re.I)
_TOLL_NOUN_BEFORE_RE = re.compile(r"\b(?:the|its|their)\s+(?:new|latest|updated|revised|overall|official|total)\s+"
                                  r"(?:death\s+)?(?:figure|toll|tally|count)\s+(?:of|at|to|was|is|stood\s+at)\s+$", re.I)
# "the ministry confirmed that 39 had been rescued, according to the news agency": a verb of record that
# reports a clause (or closes one: ", an official confirmed, according to ...") is its subject's statement
_THAT_AFTER_VERB_RE = re.compile(r"\s+(?:on\s+(?:\w+\s+){1,3})?that\b")
_SPEECH_VERB_RE = re.compile(r"said|says|told|tells|announced|announces|stated|states|added|adds", re.I)
_CLAUSE_BREAK_RE = re.compile(
    r"[;:]|,\s*(?:and|as)\b|\b(?:while|but|whereas|though|although|after|before|when|where|which|who)\b", re.I)


def _figure(c: ExtractedClaim):
    return c.value if c.value is not None else (c.low if c.low is not None else c.high)


class _Headline:
    """Give headline figures the meaning of the body figures they restate.

    A headline is written after the story and cut short: "Death toll in Gaza rises to 5,087:
    ministry", "38 dead as floods sweep southern Malawi, says agency". Its figure is the body's
    figure with the same value (else the lede's figure of the same metric, "tops 600" for "has risen
    to 612"), so it takes that figure's speaker, dates and period; a bare "ministry" or "agency" cue
    is resolved to the body's speaker it names.

    Fed the claims in document order (:meth:`add`, with :meth:`sentence` at each sentence's start), it
    keeps of the body only what the headline's claims can take: per headline claim, the first body
    claim of the same figure (of the same metric, and of any) and the first of the same speaker,
    and the lede's claims; :meth:`finish` then changes the headline's claims in place.
    """

    def __init__(self, end: int, heads: list[ExtractedClaim] | None = None) -> None:
        self.end = end  # the headline is text[:end]; 0: none
        self.heads: list[ExtractedClaim] = []
        self.shared = heads  # the caller's list of every claim changed at the end (titles' too)
        self.same: list[list] = []  # per headline claim: [same figure and metric, same figure]
        self.speaker: list[str | None] = []  # per headline claim: the first body speaker it names
        self.lede: list[ExtractedClaim] = []
        self.lede_last: int | None = None  # the lede's last sentence index
        self.body = 0
        self.waiting: list[ExtractedClaim] | None = []  # body claims met before every headline claim is

    def sentence(self, start: int) -> None:
        if self.waiting is not None and start >= self.end:  # no headline claim after this
            waiting, self.waiting = self.waiting, None
            for b in waiting:
                self._feed(b)

    def add(self, c: ExtractedClaim) -> None:
        if not self.end:
            return
        if c.start < self.end:
            self.heads.append(c)
            if self.shared is not None:
                self.shared.append(c)
            self.same.append([None, None])
            self.speaker.append(None)
        elif self.waiting is not None:
            self.waiting.append(c)
        else:
            self._feed(c)

    def _feed(self, b: ExtractedClaim) -> None:
        self.body += 1
        if self.lede_last is None:
            self.lede_last = b.sentence_index + _LEDE_SENTENCES
        if b.sentence_index <= self.lede_last:
            self.lede.append(b)
        fb = _figure(b)
        for i, (h, same) in enumerate(zip(self.heads, self.same, strict=True)):
            v = _figure(h)
            if b.unit == h.unit and v is not None and fb == v:
                slot = 0 if b.metric == h.metric else 1
                if same[slot] is None or b.start < same[slot].start:
                    same[slot] = b
            if self.speaker[i] is None and h.speaker and b.speaker and _same_body(h.speaker, b.speaker):
                self.speaker[i] = b.speaker

    def finish(self) -> None:
        self.sentence(self.end)
        heads = self.heads
        if not heads or not self.body:
            return
        lede = self.lede
        for h, (same_metric, same_figure), speaker in zip(heads, self.same, self.speaker, strict=True):
            v = _figure(h)
            same = same_metric is not None or same_figure is not None
            src = same_metric if same_metric is not None else same_figure
            own_window = False
            if src is None and h.metric != "other":
                kin = [b for b in lede if b.metric == h.metric and b.unit == h.unit]
                # ("tops 34,000" stands for the lede's 34,012, not for its 42 deaths in 24 hours)
                within = [b for b in kin if v is not None and _figure(b) is not None and v <= _figure(b) <= 1.2 * v]
                src = (within or kin or [None])[0]
                # a headline figure with a window of its own ("118 deaths in the past 24 hours") keeps it: it is
                # not a rounding of the lede's figure it takes its source and day from
                own_window = h.period != "unknown" and not within
            if src is None:
                if h.speaker:
                    h.speaker = speaker or h.speaker
                continue
            if src.speaker and (same or h.speaker is None or _same_body(h.speaker, src.speaker)):
                h.speaker, h.attribution = src.speaker, src.attribution
            h.as_of, h.since = src.as_of, src.since
            if h.metric == "other":
                h.metric = src.metric
            if own_window:
                pass
            elif _HEADLINE_TOLL_RE.search(h.sentence) and h.unit == "count" and not same:
                h.period = "cumulative"  # "war death toll tops 34,000", whichever lede figure stood for it
            elif src.period != "unknown":
                h.period = src.period  # (the body's clause says more than the cut-short headline: "tops 600")
            h.location = h.location or src.location


def _trailing_space(text: str, pos: int) -> int:
    """How many whitespace characters stand right before ``pos``."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return pos - k


class _Titles:
    """The titles inside a body, each restating the figures of the body under it (up to the next
    title) as the headline does: one :class:`_Headline` per title, fed the claims that follow it."""

    def __init__(self, spans: list[tuple[int, int]], heads: list[ExtractedClaim] | None,
                 breaks: list[int] = ()) -> None:
        self.spans = spans
        self.heads = heads
        self.breaks = list(breaks)  # where a new entry begins (a live page's stamps): a title's body ends there
        self.k = 0  # the next title
        self.current: _Headline | None = None

    def sentence(self, start: int) -> None:
        if self.current is not None:
            self.current.sentence(start)

    def add(self, c: ExtractedClaim) -> None:
        while self.k < len(self.spans) and self.spans[self.k][1] <= c.start:
            self.k += 1  # (titles passed without a figure in them)
            if self.current is not None and self.spans[self.k - 1][1] > self.current.end:
                self.finish()  # a later title, even one without figures, ends the body of the one before
        if self.current is not None and self.breaks:
            i = bisect.bisect_right(self.breaks, self.current.end)
            if i < len(self.breaks) and self.breaks[i] <= c.start:
                self.finish()  # a new entry began after the title's
        if self.k < len(self.spans) and self.spans[self.k][0] <= c.start:
            ts, te = self.spans[self.k]
            if self.current is None or self.current.end != te:
                self.finish()
                self.current = _Headline(te, self.heads)
        if self.current is not None:
            self.current.add(c)

    def finish(self) -> None:
        if self.current is not None:
            self.current.finish()
            self.current = None


@dataclass
class _Statement:
    speaker: str | None
    day: dt.date
    paragraph: int
    # the other names the statement has gone on under: "ministry spokesman Ashraf al-Qedra", then "He"
    voices: tuple[str, ...] = ()


def _same_body(a: str, b: str) -> bool:
    """Whether two speaker names name the same body: equal, or one's words within the other's
    ("the ministry" / "Health Ministry in Gaza")."""
    # (words of two letters or less, "U.N.", name nobody on their own)
    wa = {w for w in _NAME_WORD_RE.findall(a.lower()) if len(w) > 2 and w not in _NAME_STOP}
    wb = {w for w in _NAME_WORD_RE.findall(b.lower()) if len(w) > 2 and w not in _NAME_STOP}
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# people who speak for a body: "ministry spokesman Ashraf al-Qedra" speaks for the Health Ministry
_VOICE_ROLES = SPEAKER_WORDS["voice_roles"]


_BODY_HEADS = SPEAKER_WORDS["body_heads"]


def _speaks_for(sp: str, statement: _Statement) -> bool:
    """Whether ``sp`` goes on with ``statement``: the same body, a name it went on under, or someone in
    a speaking role of that body ("ministry spokesman X" for "the Health Ministry")."""
    if any(_same_body(sp, v) for v in (statement.speaker, *statement.voices)):
        return True
    words = set(_NAME_WORD_RE.findall(sp.lower()))
    body = set(_NAME_WORD_RE.findall(statement.speaker.lower()))
    # ("the office's director general" for "the government media office in Gaza": a role and the body's head)
    return bool(words & _VOICE_ROLES) and bool(words & body & _BODY_HEADS)


def _continued(statement: _Statement | None, spoken: list[str], resolved_atts, s: Sentence,
               layout) -> _Statement | None:
    """The dated statement ``s`` continues, if any: a sentence whose reporting cues all name the
    statement's speaker ("It added that ...", "the ministry said in a statement") or someone speaking
    for it, or one without a cue in the statement's paragraph; the lede of a dated dateline is that
    day's report."""
    if statement is not None:
        # (a name in apposition carries its description: "the office's director general, Ismail Thawabta, said")
        described = {sp: s.text[max(0, a.speaker_start - s.start - 60):max(0, a.speaker_start - s.start)] + " " + sp
                     for a, sp in resolved_atts if sp in spoken}
        if spoken and statement.speaker and all(
                _speaks_for(sp, statement) or _speaks_for(described.get(sp, sp), statement) for sp in spoken):
            voices = tuple(sp for sp in spoken if sp not in statement.voices)
            return replace(statement, voices=statement.voices + voices) if voices else statement
        if spoken and not statement.speaker:
            return _Statement(spoken[0], statement.day, s.paragraph)
        if not resolved_atts and s.paragraph == statement.paragraph and _GOES_ON_RE.search(s.text):
            return statement
        if not resolved_atts and s.paragraph == statement.paragraph + 1 and _FIGURE_OPENING_RE.match(s.text):
            # "... had risen to more than 1,600, the military said on Saturday." then "The new figure of 1,644
            # was a steep increase ...": a paragraph opening on the figure just given goes on with its statement
            return statement
        return None
    if layout.dateline_date is not None and s.paragraph == layout.dateline_paragraph:
        return _Statement(spoken[0] if spoken else None, layout.dateline_date, s.paragraph)
    return None


def _verb_dates(text: str, phrases: list[TimePhrase], atts) -> list[TimePhrase]:
    """The days a reporting verb is dated with ("said on Friday"); not a toll's day ("raised the day's
    death toll to 12": a toll's day, not the day of the statement)."""
    return [p for p in phrases if p.as_of and p.kind == "point" and not p.text.lower().endswith(_TOLL_NOUNS)
            and _attached_to_verb(text, p, atts)]


def _said_day(text: str, s: Sentence, pub, resolved_atts) -> dt.date | None:
    """The day a reporting verb of ``s`` is dated with ("said on Monday"), if any."""
    days = _verb_dates(text, find_time_phrases(text, s.start, s.end, pub), [a for a, _ in resolved_atts])
    return days[0].as_of if days else None


def _next_statement(statement, carried, spoken, said_day, s: Sentence) -> _Statement | None:
    """The statement in force after ``s``: a new one when ``s`` dates its own reporting verb ("the
    ministry said on Monday"), the continued one moved to this paragraph, else the one before."""
    if said_day is not None and spoken:
        return _Statement(spoken[0], said_day, s.paragraph)
    if carried is not None:
        return _Statement(carried.speaker or (spoken[0] if spoken else None), carried.day, s.paragraph,
                          carried.voices)
    return statement


@dataclass
class _Reading:
    """One sentence as its passes read it: the sentence and its numbers, and, per number (same index),
    what the passes have decided so far. Each pass reads what earlier passes wrote and fills in more (a
    pass's fields exist once it has run: nothing is built empty for every sentence)."""

    text: str
    s: Sentence
    nums: list[NumberSpan]
    pub: dt.date | None
    # metrics pass
    bound: list = field(init=False)  # (metric, cost, priority) of each number's trigger
    metrics: list[str | None] = field(init=False)
    prios: list[int] = field(init=False)
    links: list[str | None] = field(init=False)  # how each number is tied to the one before
    steps: list[int] = field(init=False)  # "rose by 12 to 240": index of the new total
    subjects: list[str | None] = field(init=False)
    # time phrases pass
    phrases: list[TimePhrase] = field(init=False)
    anchor: dt.date | None = None  # the day figures without their own are of
    verb_dates: list[TimePhrase] = field(init=False)  # days of the reporting verb ("said on Friday")
    verb_ids: set[int] = field(init=False)
    scoped_ids: set[int] = field(init=False)  # phrases covering the whole sentence
    rel_starts: dict[int, int] = field(init=False)  # phrase -> start of its relative clause
    aside_ids: set[int] = field(init=False)
    # dates pass
    periods: list[str | None] = field(init=False)
    cue_after: list[bool] = field(init=False)  # the period cue stands after the number
    as_ofs: list[dt.date | None] = field(init=False)
    sinces: list[dt.date | None] = field(init=False)
    by_statement: list[bool] = field(init=False)  # the date is the statement's, not the figure's
    rises: list = field(init=False)  # each number's _rise_before match (the rise pass reads it again)
    undated: set[int] = field(default_factory=set)  # starts of the numbers dated by default (no phrase)
    # events pass
    event_day: dt.date | None = None  # the day of the event the sentence dates its figures by, if any


def _sentence_claims(text, s: Sentence, nums, resolved_atts, quotes, pub, lex: Lexicon, memory, prev_speakers,
                     para_places_cache, paragraphs, doc_places, find_places, metric_names,
                     prev_metric=None, carried_day: dt.date | None = None, prev_window: tuple | None = None,
                     event_day: dt.date | None = None, scene_day: dt.date | None = None, one_incident: bool = False,
                     named_day: dt.date | None = None
                     ) -> tuple[list[ExtractedClaim], dt.date | None, str | None, dt.date | None, dt.date | None,
                                set[int], dt.date | None]:
    """The claims of sentence ``s``, the day its reporting verb is dated with, if any, the period of
    the last window or start it names ("over the past 24 hours", "since Oct. 7"), if any, and the day of
    the latest dated event.
    ``carried_day``: the day of the statement the sentence continues, for figures without a date;
    ``event_day``: the day of the latest event dated before, for "wounded in the operation";
    ``scene_day``: the day an earlier sentence of the paragraph opened on, for its figures without a day.

    The sentence is read in named passes, in this order: what each number counts, the time phrases,
    each number's dates and period, what ties pass on, the days of events, periods from the verb,
    and last the speakers (which build the claims)."""
    x = _Reading(text, s, nums, pub)
    _read_metrics(x, lex, prev_metric)
    _read_time_phrases(x, resolved_atts, carried_day)
    _read_dates(x)
    _metric_of_toll(x)
    _metric_of_rise(x)
    _share_across_ties(x)
    _date_events(x)
    _date_by_event_named_before(x, event_day)
    _date_by_when_clause(x)
    _date_by_days_after(x)
    _date_by_that_day(x, named_day)
    scene_day = _date_by_scene(x, scene_day)
    _periods_from_verbs(x)
    if one_incident:
        _counts_of_the_incident(x)
    claims = _attribute(x, resolved_atts, quotes, memory, prev_speakers, para_places_cache, paragraphs, doc_places,
                        find_places, metric_names)
    if any(p.kind == "range" for p in x.phrases):
        # a day of a stretch is no figure: "between June 18 and 20"
        claims = [c for c in claims if not any(p.kind == "range" and p.start <= c.start and c.end <= p.end
                                               for p in x.phrases)]
    window = _same_window(x, claims, prev_window)
    if x.event_day is None and x.anchor is not None:
        # (or a day read off the sentence's own phrases: "killed 274 people on Saturday, the ministry said on Sunday")
        x.event_day = next((d for d, p, st in zip(x.as_ofs, x.periods, x.by_statement, strict=True)
                            if p == "interval" and d is not None and not st and d < x.anchor), None)
    # (the claims dated by default, no phrase of their own: a story's incident day may date them later)
    loose = {c.start for c in claims if c.start in x.undated}
    # (the last past day the sentence dates a figure by, or names, for a "that day" after it)
    last_day = next((c.as_of for c in reversed(claims) if c.as_of and x.anchor and c.as_of < x.anchor), None) \
        or next((p.as_of or p.since for p in reversed(x.phrases) if (p.as_of or p.since) and x.anchor
                 and (p.as_of or p.since) < x.anchor), None)
    return (claims, (x.verb_dates[0].as_of if x.verb_dates else None), window, x.event_day or event_day, scene_day,
            loose, last_day or named_day)


# a figure of "the operation", "the raid", "the quake" told of before: that event's day
_THE_EVENT_AFTER_RE = re.compile(
    # (not "in the latest raid": the story's own event, not one dated before)
    r"[^.;]{0,60}?\b(?:in|during|by|from)\s+(?:the|that|this)\s+(?!(?:latest|newest|new|fresh|recent|most\s+recent)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:" + event_nouns("incidents", "disasters")
    + r"|assaults?|operations?|incursions?|offensives?)\b", re.I)


_OPENING_PHRASE_RE = re.compile(r"\s*(?:(?:[A-Z][\w'’-]*|[a-z][\w'’-]*)(?:\s+[\w'’-]+){0,5},\s+)?")


def _opens_sentence(text: str, s: Sentence, p: TimePhrase) -> bool:
    """A day set at the head of a sentence, alone or after a short opening phrase: "On June 12, ...",
    "In the first shipwreck, on June 12, ..."."""
    head = _cut_preposition_tail(text[s.start:p.start])
    return bool(_OPENING_PHRASE_RE.fullmatch(head)) and not has_digit(head) \
        and bool(_COMMA_AFTER_RE.match(text[p.end:p.end + 3]))


# a sentence opening on the group a figure before counted: "Of those killed, ...", "Among the dead were ...",
# "The victims include ..."
# "... that two children were among the dead": a part of the figure given before
# ("11 civilians and 59 fighters are among them": the parts of the figure the sentence before counted)
_AMONG_THE_DEAD_AFTER_RE = re.compile(r"(?:\s+[\w'’,-]+){0,6}?\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:(?:the|those)\s+"
                                      r"(?:dead|killed|victims|injured|wounded)\b|them\s*[.;]|those\s*[.;])", re.I)
# a sentence's first figure that is a part of those counted before: "He added that nine of them were children"
_PART_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|those|these|whom)\s+(?:were|are|was|is)\b", re.I)
_BREAKDOWN_OPENING_RE = re.compile(
    # ("Among the civilian dead", "Of the 26 foreign victims", "Among the bodies retrieved")
    r"\s*(?:(?:Of|Among)\s+(?:them|those(?:\s+\w+)?|these|the\s+(?:\d[\d,.]*\s+)?(?:[\w-]+\s+){0,2}?(?:dead|killed|victims"
    r"|injured|wounded|missing|survivors|casualties|hostages|detainees|deaths|fatalities|bodies)\b"
    # ("Of the 2,189 people known to have died so far, 1,832 were in the South": the figure just given, in parts)
    r"|the\s+\d[\d,.]*\s+(?:[\w'’-]+\s+){0,5}?(?:dead|killed|died|deaths|victims|injured|wounded|casualties)\b)"
    r"|The\s+(?:dead|victims|casualties|survivors|injured|wounded|fatalities)\s+(?:include|included|were|are)\b"
    # ("Of that total, 1,232 patients have recovered": the figure just given, named by what it is)
    r"|Of\s+(?:that|this|the)\s+(?:total|figure|number|toll|tally)\s*,)")


def _opening_day(text: str, s: Sentence, day: dt.date) -> dt.date | None:
    """The earlier day a sentence opens on ("On October 7, 2023, ..."), if any."""
    return next((p.as_of for p in find_time_phrases(text, s.start, min(s.end, s.start + 60), day)
                 if p.kind == "point" and p.as_of is not None and p.as_of < day and _opens_sentence(text, s, p)), None)


def _loose_opening_day(text: str, s: Sentence, day: dt.date) -> dt.date | None:
    """The earlier day a sentence without figures opens on after a connective or without a comma: "Also, on
    May 23 the occupiers attacked the printing house", "On Sunday the river rose"."""
    m = _OPENER_THEN_DAY_RE.match(text, s.start)
    lo = m.end() if m else s.start
    if not m and not text.startswith(("On ", "In "), s.start):
        return None
    return next((p.as_of for p in find_time_phrases(text, lo, min(s.end, lo + 40), day)
                 if p.kind == "point" and p.as_of is not None and p.as_of < day and p.start - lo <= 4
                 and (_COMMA_AFTER_RE.match(text, p.end) or _SUBJECT_AFTER_DAY_RE.match(text, p.end))), None)


# a sentence opening on a connective before its day: "Also, on May 23 ...", "Earlier, on Sunday ..."
_OPENER_THEN_DAY_RE = re.compile(r"[A-Z][a-z]+,\s+(?=(?:on|in|early\s+on|late\s+on)\s)")
# a day heading its clause without a comma, the clause's subject after it: "On May 23 the occupiers attacked"
_SUBJECT_AFTER_DAY_RE = re.compile(r"\s+(?:the|a|an|its|their)\s+[a-z]", re.I)


def _date_by_scene(x: _Reading, scene_day: dt.date | None) -> dt.date | None:
    """A paragraph that opens a sentence on an earlier day tells of that day ("In the first shipwreck, on
    June 12, 21 people were reported missing ... The dead include six Eritreans"): its later figures without a
    day of their own are of it, but not a running total, a state now or a figure of the statement's day.
    Returns the scene day for the sentences after this one."""
    opened = next((p.as_of for p in x.phrases if p.kind == "point" and p.as_of is not None
                   and id(p) not in x.verb_ids and x.anchor is not None and p.as_of < x.anchor
                   and id(p) not in x.aside_ids and _opens_sentence(x.text, x.s, p)), None)
    if opened is not None:
        return opened
    if scene_day is None or x.anchor is None or scene_day >= x.anchor:
        return scene_day
    text, s = x.text, x.s
    for i, n in enumerate(x.nums):
        if x.as_ofs[i] in (None, x.anchor) and not x.by_statement[i] and x.periods[i] in (None, "interval") \
                and not n.population and not _STATE_AFTER_RE.match(text, n.end, s.end) \
                and not _state_before(text, max(s.start, n.start - 50), n.start):
            x.as_ofs[i] = scene_day
    return scene_day


# a day naming an event in a sentence without figures: "its 7 October attack", "the Oct. 7 raid"
_DATED_EVENT_NOUN_RE = re.compile(
    r"(?P<day>" + MONTH_DAY_RE_PART + r")\s+(?:[\w-]+\s+)?(?:"
    + event_nouns("incidents", "disasters") + r"|assaults?|incursions?|offensives?)\b")


def _dated_event_named(text: str, s: Sentence, day: dt.date | None) -> dt.date | None:
    """The day of an event a sentence without figures names by its date, if any and past."""
    if day is None or not has_digit(text[s.start:s.end]):
        return None
    m = _DATED_EVENT_NOUN_RE.search(text, s.start, s.end)
    return _past_day_in(text, m.start(), m.end(), day) if m is not None else None


def _past_day_in(text: str, lo: int, hi: int, day: dt.date | None) -> dt.date | None:
    """The day the first day phrase of ``text[lo:hi]`` names, if it is before ``day``."""
    if day is None:
        return None
    found = find_time_phrases(text, lo, hi, day)
    when = next((p.as_of for p in found if p.kind == "point" and p.as_of is not None), None)
    return when if when is not None and when < day else None


_ALSO_BEFELL_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:were|was)\s+also\s+(?:taken|killed|wounded|injured"
                                   r"|abducted|kidnapped|seized|captured|held)\b", re.I)


def _date_by_event_named_before(x: _Reading, event_day: dt.date | None) -> None:
    """Figures without a day of their own, told "in the operation" after an earlier sentence dated that
    event ("An Israeli raid ... on Saturday killed 274 ... It added that nearly 700 people were wounded
    in the operation"), are of the event's day."""
    if event_day is None or x.event_day is not None:
        return
    text, s, nums, as_ofs, periods = x.text, x.s, x.nums, x.as_ofs, x.periods
    for i, n in enumerate(nums):
        if as_ofs[i] in (None, x.anchor) and periods[i] in (None, "interval") and event_day < (x.anchor or event_day) \
                and ("th" in text[n.end:s.end] and _THE_EVENT_AFTER_RE.match(text, n.end, s.end)
                     # ... and what it did besides: "had killed 22 people and wounded six"
                     or i and as_ofs[i - 1] == event_day and x.links[i] in ("and", "ellipsis")
                     # ... or what befell others in it: "Around 240 people were also taken hostage"
                     or "also" in text[n.end:s.end] and _ALSO_BEFELL_AFTER_RE.match(text, n.end, s.end)):
            as_ofs[i] = event_day
            periods[i] = periods[i] or "interval"  # (that one event's count)


def _part_in_own_clause(text: str, nums: list[NumberSpan], i: int) -> bool:
    """Number ``i`` is a part of number ``i - 1`` told in a clause of its own, with its own verb: "Six people
    were brought ashore, but rescuers could not revive five of them" (what befell the part, not the whole)."""
    return bool(_OF_THEM_RE.match(text, nums[i].end)) \
        and bool(_SAME_THINGS_CLAUSE_RE.match(text[nums[i - 1].end:nums[i].start]))


_CAUSE_OF_DEATH_BEFORE_RE = re.compile(r"\b(?:died|die|dies|dying|deaths?|perished)\s+(?:of|from|due\s+to|as\s+a\s+result\s+of)"
                                       r"\s+(?:[\w'’-]+\s+){0,2}$", re.I)


# a breakdown opening on the whole it splits ("Of the 41 dead, 36 came from Atsuma"), and parts said to be among a
# whole ("Five children ... were among the bodies pulled from the water"): the whole's noun says what they count
_OF_THE_WHOLE_OPENING_RE = re.compile(r"\s*(?:Of|Among)\s+(?:the|those|these)\s+(?:[\d,.]+\s+)?(?:[\w'’-]+\s+){0,2}?"
                                      r"(?P<noun>[\w'’-]+)\s*,")
_AMONG_THE_WHOLE_AFTER_RE = re.compile(r"(?:\s+[\w'’,-]+){0,12}?\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the|those)\s+"
                                       r"(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,2})", re.I)


def _metric_of_named_whole(x: _Reading, metrics: list[str | None]) -> None:
    """Parts of a whole named by its noun count what the noun counts (tolls.json's words)."""
    text, s, nums = x.text, x.s, x.nums
    words = _toll_words()
    m = _OF_THE_WHOLE_OPENING_RE.match(text, s.start, s.end) if text.startswith(("Of ", "Among "), s.start) else None
    whole = words.get(m.group("noun").lower()) if m else None
    for i, n in enumerate(nums):
        if metrics[i] not in (None, "other") or n.population or n.unit != "count":
            continue
        if whole and n.start >= m.end():
            metrics[i] = whole
        elif "among" in text[n.end:s.end]:
            ma = _AMONG_THE_WHOLE_AFTER_RE.match(text, n.end, s.end)
            noun = next((w for w in ma.group("np").lower().split() if w in words), None) if ma else None
            if noun:
                metrics[i] = words[noun]  # ("among the other confirmed victims": the first word that counts)


def _read_metrics(x: _Reading, lex: Lexicon, prev_metric) -> None:
    """What each number counts: its trigger, then what ties, steps, anaphors and counted things say."""
    text, s, nums = x.text, x.s, x.nums
    triggers = lex.triggers(text, s.start, s.end)
    sentence = text[s.start:s.end]
    if "of " in sentence or "from " in sentence or "due to" in sentence:
        # the cause of a death counts nothing: "59 have died of malnutrition", "deaths from hunger"
        triggers = [t for t in triggers if t.metric == "killed"
                    or not _CAUSE_OF_DEATH_BEFORE_RE.search(text, max(s.start, t.start - 40), t.start)]
    # wholes: "35 of the 128 hostages"
    wholes = [k > 0 and _PART_OF_GAP_RE.fullmatch(text, nums[k - 1].end, n.start) is not None
              for k, n in enumerate(nums)]
    for k, n in enumerate(nums):
        n.population = wholes[k] or _is_population(text, n)
    bound = _bind_metrics(text, nums, triggers)
    metrics = [None if n.population else m for n, (m, _, _) in zip(nums, bound, strict=True)]
    for k, n in enumerate(nums):
        if k == 0 and metrics[0] is None and ":" in text[s.start:n.start] \
                and _LABEL_BEFORE_RE.fullmatch(text, s.start, n.start):
            # a factbox label: "DEATHS: 42.", "Homes destroyed: 7,700"
            label = [t for t in triggers if s.start <= t.start < n.start]
            if label:
                metrics[0] = label[-1].metric
        elif metrics[k] is not None:
            mp = _ADJECTIVE_THEN_PREDICATE_RE.match(text, n.end, s.end) or _STANDING_THEN_PREDICATE_RE.match(text, n.end, s.end)
            if mp:
                # "twenty-one displaced Libyans were killed": what befell them, not what described them
                metrics[k] = _PREDICATE_METRICS[mp.group(1).lower()]
            elif metrics[k] in ("displaced", "aid") and (_DISPLACED_SHELTERING_AFTER_RE.match(text, n.end, s.end) or (
                    _DISPLACED_AFTER_RE.match(text, n.end, s.end)
                    and _SHELTER_GIVEN_BEFORE_RE.search(text, max(s.start, n.start - 80), n.start))):
                # "175,000 of the displaced are sheltering in its schools", "giving refuge to 725,000 displaced
                # people", "home to 22,000 displaced people": where the displaced are now
                metrics[k] = "sheltering"
    for k in range(1, len(nums)):
        if wholes[k]:
            # a whole ("35 of the 128 hostages") is no claim about the event, but still a count of what its
            # noun names
            end = nums[k].end
            first = min((t for t in triggers if t.side == "after" and end <= t.start <= end + 30),
                        key=lambda t: t.start, default=None)
            metrics[k] = first.metric if first is not None and _WHOLE_NOUN_GAP_RE.fullmatch(text, end, first.start) \
                and not _WHOLE_VERB_START_RE.match(text, first.start) else None
    prios = [p for _, _, p in bound]
    links = _links(text, nums)
    # "1,550 people are missing under the rubble of destroyed buildings, 870 of them children": a part of
    # the group counts what the group counts, unless a word after it says otherwise ("30 of whom are dead")
    for i in range(1, len(nums)):
        if links[i] in ("apposition", "including") and metrics[i - 1] and not nums[i - 1].population:
            mo = _OF_THEM_RE.match(text, nums[i].end)
            if mo:
                me = _CLAUSE_END_RE.search(text, mo.end(), s.end)
                end = me.start() if me else s.end
                # (a place after it is no predicate: "798 killings, 615 of them near aid sites")
                if _WHERE_AFTER_RE.match(text, mo.end()) or not any(mo.end() <= t.start < end for t in triggers):
                    metrics[i] = metrics[i - 1]
    # borrow metrics across ties: an apposition's or a part's own metric is its head's too ("22 other people,
    # half of them children, were shot"); then forward; then backward for inclusion, apposition, coordination
    for i in range(len(nums) - 1, 0, -1):
        if links[i] in ("apposition", "including") and metrics[i] and not nums[i - 1].population and (
                metrics[i - 1] is None or (prios[i - 1] < 2 <= prios[i] and bound[i][1] > 0
                                           and not _OF_THEM_RE.match(text, nums[i].end))) \
                and not _part_in_own_clause(text, nums, i):
            # (but "134 hostages, about 30 of whom are dead": that verb is the part's alone)
            # ("24 hostages, including 10 Thais, were released": the verb after both beats the noun)
            metrics[i - 1], prios[i - 1] = metrics[i], prios[i]
    for i in range(1, len(nums)):
        if nums[i].population or not links[i] or not metrics[i - 1]:
            continue
        if metrics[i] is None and links[i] == "ellipsis" \
                and _NEW_SUBJECT_RISE_GAP_RE.search(text, nums[i - 1].end, nums[i].core_start):
            continue  # "the death toll soared past 38,000 and confirmed infections passed 800,000": its own subject
        if metrics[i] is None or (links[i] in ("including", "with") and prios[i] < 2):
            metrics[i] = metrics[i - 1]
        elif links[i] == "and" and metrics[i] in _STANDING_METRICS and metrics[i - 1] in _FATE_METRICS \
                and _FATE_VERB_BEFORE_RE.search(text, max(s.start, nums[i - 1].start - 40), nums[i - 1].start):
            # "Hamas freed three Israeli and five Thai hostages": the verb's fate befell both counts
            metrics[i] = metrics[i - 1]
    # "the toll rose by 12 to 240": an increase and the new total; "the number of injured had climbed from
    # 15 to 29": the old and the new figure -- either way two figures of the same thing
    steps = []
    for i in range(1, len(nums)):
        if not _STEP_GAP_RE.fullmatch(text, nums[i - 1].end, nums[i].start):
            continue
        head = max(s.start, nums[i - 1].start - 40)
        by = _STEP_BEFORE_RE.search(text, head, nums[i - 1].start)
        if by or _FROM_BEFORE_RE.search(text, head, nums[i - 1].start):
            metrics[i] = metrics[i] or metrics[i - 1]
            metrics[i - 1] = metrics[i - 1] or metrics[i]
            if by:
                steps.append(i)
    subjects = [_subject(text, n, s.start) for n in nums]
    for i in range(len(nums) - 1, 0, -1):
        if metrics[i - 1] is None and links[i] in ("including", "apposition", "and") and metrics[i] \
                and not nums[i - 1].population and not (links[i] == "and" and subjects[i - 1] and bound[i][1] == 0) \
                and not _part_in_own_clause(text, nums, i):
            # "1,972 cholera cases and 41 deaths": a metric word right after the later number is its own,
            # and the earlier number names its own things (unlike "23 journalists and 12 medics were killed")
            metrics[i - 1] = metrics[i]
    # "17.4 million do not have enough to eat, and the figure could climb to 19 million": the figure of
    # the number before (in the sentence, else the document's last); "Almost half of them are children":
    # a share of the group counted before (in the sentence or the paragraph)
    for i, n in enumerate(nums):
        if metrics[i] is not None or n.population:
            continue
        lo = max(s.start, n.start - 70)
        window = text[lo:n.start].lower()
        # (each match ends with one of the nouns: a substring test first; non-ASCII text folds under re.I)
        named = (not window.isascii() or _holds_anaphor_noun(window)) and \
            _ANAPHOR_METRIC_RE.search(text, lo, n.start)
        if named or (_OF_THEM_RE.match(text, n.end) and (i == 0 or n.unit in ("percent", "fraction"))):
            # (a paragraph opening on "Nine of them are ..." breaks down the figure the paragraph before ended on)
            opens = i == 0 and not text[s.start:n.start].strip()
            back = prev_metric[0] if prev_metric and (prev_metric[1] or named or opens) else None
            earlier = next((m for m in reversed(metrics[:i]) if m), back)
            if earlier and earlier != "other":
                metrics[i] = earlier
    mt = _TOPIC_FRONTED_RE.match(text, s.start, s.end) if None in metrics else None
    if mt is not None:
        # "As for deaths, 561 have been confirmed": the topic named up front is what the clause's figures count
        topic = next((t.metric for t in triggers if mt.start("np") <= t.start and t.end <= mt.end("np")), None)
        for i, n in enumerate(nums):
            if metrics[i] is None and not n.population and n.start >= mt.end() and topic:
                metrics[i] = topic
    if prev_metric and prev_metric[0] == "killed" and None in metrics and "victim" in text[s.start:s.end].lower():
        # "The victims – 121 male and 47 female – included 25 children", after the toll was given: the victims
        # of the deaths just counted are the dead
        for i, n in enumerate(nums):
            if metrics[i] is None and not n.population and n.unit == "count" \
                    and (_VICTIMS_BEFORE_RE.search(text, max(s.start, n.start - 60), n.start)
                         or _VICTIMS_AFTER_RE.match(text, n.end, s.end)):
                metrics[i] = "killed"
    for i in range(1, len(nums)):
        # (again for a figure an anaphor named: "That figure includes 147 children and nine women")
        if metrics[i] is None and links[i] in ("and", "including") and metrics[i - 1] and not nums[i].population:
            metrics[i] = metrics[i - 1]
    # people's fates are not counts of things: "captured 100 military outposts"; buried or lost buildings are
    # destroyed ones: "a landslide buried dozens of homes"
    for i, subj in enumerate(subjects):
        if metrics[i] in _PEOPLE_METRICS and subj:
            head = subj.split()[-1].lower()
            if head in _BUILDINGS and metrics[i] in ("killed", "missing"):
                metrics[i] = "destroyed"
            elif head in _THINGS and not (prios[i] == 1 and bound[i][1] == 0):
                metrics[i] = None  # (unless the things are the counted noun itself: "860 cases of arbitrary arrest")
    _metric_of_named_whole(x, metrics)
    x.bound, x.metrics, x.prios, x.links, x.steps, x.subjects = bound, metrics, prios, links, steps, subjects


def _read_time_phrases(x: _Reading, resolved_atts, carried_day) -> None:
    """The sentence's time phrases, the reporting verb's day and the phrases that cover the sentence."""
    text, s, pub = x.text, x.s, x.pub
    phrases = find_time_phrases(text, s.start, s.end, pub)
    anchor = carried_day or pub
    verb_dates = _verb_dates(text, phrases, [a for a, _ in resolved_atts])
    if verb_dates:
        anchor = verb_dates[0].as_of
    verb_ids = {id(p) for p in verb_dates}  # identity sets: TimePhrase compares by value, slowly
    scoped_ids = {id(p) for p in phrases if id(p) in verb_ids or _fronted(text, s, p) or _closing_as_of(text, s, p)}
    # "the earthquake that struck on Friday ... rose to 2,946, state TV reported on Tuesday": a day inside a
    # relative clause dates that clause's event, not the sentence's figures, when the statement has a day
    rel_starts = {}
    for p in phrases:
        if p.kind == "point" and id(p) not in verb_ids:
            mr = _relative_clause_before(text, max(s.start, p.start - 90), p.start)
            if mr:
                rel_starts[id(p)] = mr.start()
    aside_ids = {i for i in rel_starts if verb_dates}
    # ("16 captives, 12 of them Israelis, as mediators pushed to extend a truce that has now held": the "now"
    # of a relative clause is the clause's, not a running total of the figures before it)
    for p in phrases:
        if p.kind == "now" and p.period:
            mr = _relative_clause_before(text, max(s.start, p.start - 60), p.start)
            if mr:
                rel_starts[id(p)] = mr.start()
    x.phrases, x.anchor, x.verb_dates, x.verb_ids = phrases, anchor, verb_dates, verb_ids
    x.scoped_ids, x.rel_starts, x.aside_ids = scoped_ids, rel_starts, aside_ids


_DAYS_JOINED_RE = re.compile(r"\s*(?:and|to|through|-|–)\s*(?:on\s+)?")


def _stretch_end(text: str, phrases: list[TimePhrase], p: TimePhrase) -> dt.date | None:
    """A day's date, or the last day of the stretch it opens: "killed in fighting on Friday and Saturday"."""
    if p.as_of is not None:
        for q in phrases:
            if q.start >= p.end and q.kind == "point" and q.as_of is not None and p.as_of < q.as_of \
                    and _DAYS_JOINED_RE.fullmatch(text, p.end, q.start):
                return q.as_of
    return p.as_of


_ALONE_AFTER_RE = re.compile(r"\s+alone\b")
_STILL_THEN_AFTER_RE = re.compile(r"\b(?:still|remain|remains|remained)\b[^,;.]{0,60}?\bafter\b", re.I)
# the perfect of the sentence right after a relative clause that ends in a day: "... on Oct. 7, 2023 has killed"
_PERFECT_AFTER_CLAUSE_RE = re.compile(r"\s*,?\s*(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+)?\w+\s+"
                                      r"(?:(?:more\s+than|at\s+least|over|nearly|almost|about|some)\s+)?$")
# a "since" clause whose own day closes it: "since armed conflict broke out in the capital ... on April 15"
_SINCE_CLAUSE_DAY_RE = re.compile(r"\bsince\s+(?:[\w'’()-]+\s+){1,4}?(?:began|broke\s+out|erupted|started|struck|hit)\b"
                                  r"[^,;.]{0,120}$")
# a second report of the same source opens a clause of its own: "put the death toll at 70 and said 280 people were
# injured" (the toll's cue is not the injured's; a day may still date both)
_NEW_REPORT_GAP_RE = re.compile(r"\band\s+(?:also\s+)?(?:said|says|added|adds|reported|reports|told|announced)\b")
_AS_OF_CUE_RE = re.compile(r"(?:as\s+(?:of|at)|up\s+to|until|through)\b", re.I)
# a relative clause in the present perfect between a day and a figure: the figure is a running count, not of the day
_PERFECT_CLAUSE_BETWEEN_RE = re.compile(r"\b(?:that|which|who)\s+(?:has|have)\s+(?:(?:so\s+far|now|already)\s+)?\w+",
                                        re.I)


_ASIDE_OPEN_RE = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s*,\s+")
_ASIDE_CLOSE_RE = re.compile(r"\s+(?:of\s+them|among\s+them)(?:\s+[\w'’-]+){0,3}?\s*,")


# a perfect's toll of an event the day after it names: "had been killed in Kyiv by the strikes of July 8"
_EVENT_OF_GAP_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?,?\s+(?:had|have|has)\s+been\s+(?:killed|injured|wounded|hurt)"
                              r"(?:\s*,?\s+[\w'’-]+){0,8}?\s+(?:" + event_nouns("incidents", "disasters")
                              + r")\s+(?:of|on)\s+")


def _read_dates(x: _Reading) -> None:
    """Each number's period, as_of and since from the phrases that can serve it, nearest first."""
    text, s, nums, phrases, anchor = x.text, x.s, x.nums, x.phrases, x.anchor
    verb_ids, scoped_ids, rel_starts, aside_ids = x.verb_ids, x.scoped_ids, x.rel_starts, x.aside_ids
    # "On Thursday, the ministry confirmed four more deaths in the past 24 hours": a day heading the sentence
    # ends the windows it goes on to name
    front = next((p.as_of for p in phrases if p.kind == "point" and p.as_of is not None and id(p) not in verb_ids
                  and p.start - s.start <= 3 and _fronted(text, s, p)), None)

    def as_of_of(p: TimePhrase):
        if id(p) in verb_ids:
            return p.as_of  # ("announced yesterday": the day of the statement itself, counted once)
        if p.days_before_statement is not None and anchor is not None:
            return anchor - dt.timedelta(days=p.days_before_statement)
        if p.kind == "point":
            return _stretch_end(text, phrases, p)
        if p.kind == "range":
            return p.as_of
        if p.kind == "month":
            return p.as_of or anchor
        if p.kind == "back":
            return None
        if p.kind == "window" and front is not None and p.start > s.start + 3 and (anchor is None or front < anchor):
            return front
        return anchor

    periods: list[str | None] = []
    cue_after: list[bool] = []  # the period cue stands after the number
    as_ofs: list[dt.date | None] = []
    sinces: list[dt.date | None] = []
    by_statement: list[bool] = []  # the date is the statement's ("said on Friday"), not the figure's own
    # a phrase serves its nearest number; others only when no comma stands between
    nearest: dict[int, NumberSpan] = {}
    tcost = _time_costs(text, phrases, nums)
    for j, p in enumerate(phrases):
        row = tcost[j]
        costs = [(c, k) for k, c in enumerate(row) if c is not None]
        if costs:
            nearest[id(p)] = nums[min(costs)[1]]
    # what a bare day adds to its cost when ranked for the period, for each phrase that may give one
    # an explicit cue ("toll rose to", "since", "in the past 24 hours") outranks a bare day, and a bare day
    # outranks a mere sum ("a total of 212 trucks entered on Friday" is that day's count)
    # ... and a rate ("350,000 people a month") is the count's own window, ahead of a "now" nearby
    cue_bonus = {id(p): (2 if p.kind == "point" and not p.text.lower().endswith(("toll", "tally", "count"))
                         else 5 if p.kind == "cumulative" and _SUM_CUE_RE.fullmatch(p.text)
                         else -1 if p.kind == "interval" and _RATE_CUE_RE.fullmatch(p.text)
                         # ... and so is a stretch the count is kept to: "has already left 2,200 dead in July alone"
                         or p.kind == "month" and _ALONE_AFTER_RE.match(text, p.end) else 0)
                 for p in phrases if p.period and id(p) not in verb_ids}
    has_since = any(p.kind == "since" for p in phrases)
    # a number followed by a part set off in commas ("32,939 people, 18,109 of them children, caught measles between
    # ..."): the phrases after the aside reach the number as they reach the aside's own
    aside_next = [k + 1 < len(nums) and x.links[k + 1] == "including"
                  and _ASIDE_OPEN_RE.fullmatch(text, nums[k].end, nums[k + 1].start) is not None
                  and _ASIDE_CLOSE_RE.match(text, nums[k + 1].end) is not None for k in range(len(nums))]
    x.rises = []
    for k, n in enumerate(nums):
        cands = []
        # "is holding more than 240 hostages seized during the Oct. 7 raid": a state now; a day after the
        # figure tells when its things came to be, not the figure's date
        state = _state_before(text, max(s.start, n.start - 50), n.start)
        x.rises.append(mr := _rise_before(text, s, n))
        rises = mr is not None
        # (a count a simple past verb governs has no start of its own: a "since" before it modifies a noun)
        past_verb = has_since and _PAST_EVENT_BEFORE_RE.search(text, max(s.start, n.start - 25), n.start) is not None
        for j, p in enumerate(phrases):
            c = tcost[j][k]
            past_aside = c is None and aside_next[k] and p.start >= nums[k + 1].end
            if past_aside:
                c = tcost[j][k + 1]  # (an aside is no distance: "32,939 people, 18,109 of them children, caught ...")
            if c is None and id(p) not in scoped_ids:
                continue  # (too far from n and not covering the sentence: no candidate whatever follows)
            if (id(p) in aside_ids and not rel_starts[id(p)] <= n.start < p.start) or (
                    id(p) in rel_starts and n.end <= rel_starts[id(p)]):
                # ("thousands are sheltering in the hospital, which troops raided on Thursday"; but "a raid that
                # rescued four hostages on Saturday": a figure inside the clause is of the clause's day)
                continue
            if p.kind == "since" and p.end <= n.start and past_verb and "," not in text[p.end:n.start]:
                # "the first strikes since he took office killed 31": the start is the strikes', not the count's
                # ("Since the war began, strikes killed 40,000" is set off by its comma and counts from it)
                continue
            if state and p.kind == "point" and p.start >= n.end:
                continue
            if p.kind == "point" and p.start >= n.end and "after" in text[n.end:p.start] \
                    and _STILL_THEN_AFTER_RE.search(text, n.end, p.start):
                continue  # "25 passengers were still unaccounted for after the ship struck rocks on Friday": now
            if rises and p.kind == "point" and p.end <= n.start and _EVENT_AFTER_DAY_RE.match(text, p.end):
                continue  # "the number of dead from the Jan. 1 earthquake had risen to 126": the day names the event
            if p.kind == "point" and p.end <= n.start and _PERFECT_CLAUSE_BETWEEN_RE.search(text, p.end, n.start):
                continue  # "collapsed on Sunday, unleashing floods that have killed at least 60": a toll as of now
            if p.kind == "point" and id(p) in rel_starts and p.end <= n.start \
                    and _PERFECT_AFTER_CLAUSE_RE.match(text, p.end, n.start):
                continue  # "the onslaught that began after an attack on Oct. 7, 2023 has killed 44,400": as of now
            if p.kind == "point" and p.start >= n.end and _EVENT_OF_GAP_RE.fullmatch(
                    text, nums[k + 1].end if past_aside else n.end, p.start):
                continue  # "31 people had been killed by the strikes of July 8": the day names the event, the toll is now
            if p.kind == "point" and p.start >= n.end and "since" in text[n.end:p.start] \
                    and _SINCE_CLAUSE_DAY_RE.search(text, n.end, p.start):
                # "have been killed since armed conflict broke out in the capital ... on April 15": the day the
                # count starts from, not its date
                continue
            if c is not None and nearest.get(id(p)) is not n and not past_aside:
                a, b = (n.end, p.start) if p.start >= n.end else (p.end, n.start)
                if _clause_comma(text, a, b) or p.kind != "point" and _NEW_REPORT_GAP_RE.search(text, a, b):
                    c = None
            if id(p) in scoped_ids:
                c = min(c if c is not None else 99, 3.0 if id(p) not in verb_ids else 7.0)
            if c is not None and c < 99:
                cands.append((c, p))
        cands.sort(key=lambda cp: cp[0])
        if verb_ids and len(cands) > 1 and any(p.kind == "range" and p.as_of or p.kind == "month" and p.until
                                               and anchor and p.until < anchor for _, p in cands):
            # the figure's own stretch ("in the first three months of the year", "killed in the blasts in
            # October") dates it, not the day it was stated ("said on Tuesday that ...")
            cands.sort(key=lambda cp: id(cp[1]) in verb_ids)
        period = None
        after = False
        # a month ("rose 0.4 percent in August") makes a count an interval, not a rate
        ranked = [(c + cue_bonus[id(p)], p) for c, p in cands
                  if id(p) in cue_bonus and (p.kind != "month" or n.unit == "count")]
        if ranked:
            cue = min(ranked, key=lambda cp: cp[0])[1]
            period, after = cue.period, cue.start >= n.end
            if rises and period == "interval" and cue.kind == "point" and after:
                period = "cumulative"  # "the toll ... rose to 72 on Sunday": the day dates a running total
            elif rises and period == "interval" and cue.kind == "window" and after and nearest.get(id(cue)) is not n:
                # "deaths have risen to 10 after four deaths were recorded in the last five days": the window is
                # the four's; what rose is a running total
                period = "cumulative"
        as_of = since = None
        got = stated = False
        if len(cands) > 1 and any(p.kind == "point" and p.as_of and _AS_OF_CUE_RE.match(p.text) for _, p in cands):
            # "1,490 cases so far in 2025, as of May 21": "so far" and the year run up to the day the count names,
            # and the day it was stated is not the count's ("said today that ... as at October 18")
            cands.sort(key=lambda cp: cp[1].kind == "now" or cp[1].kind == "month" and cp[1].as_of is None
                       or id(cp[1]) in verb_ids and cp[1].as_of is not None and not _AS_OF_CUE_RE.match(cp[1].text))
        for _c, p in cands:
            if p.kind == "back":
                # "120 a day earlier": relative to the sentence's other date
                others = [q for q in phrases if q.kind == "point" and q.as_of and q.end <= p.start]
                base = others[-1].as_of if others else anchor
                as_of = base - dt.timedelta(days=p.days_back) if base and p.days_back is not None and p.days_back < 365 else None
                got = as_of is not None
                if got and period is None and p.start >= n.end and _EVENT_VERB_GAP_RE.fullmatch(text, n.end, p.start):
                    period = "interval"  # "40 had been killed the day before": that day's count
                if got:
                    break
                continue
            if p.kind in ("cumulative", "interval"):
                continue
            if p.kind == "since" and since is None:
                # "as of Sunday, 1,214 had arrived since mid-November": the start of the count; a day
                # stated as well is still the figure's date
                since = p.since
                continue
            v = as_of_of(p)
            if p.kind == "month" and p.until is not None and _COMPARED_FIGURE_RE.search(
                    text, max(s.start, n.start - 30), n.start):
                # "up from 45 percent in January", "compared with 900 in 2023": the earlier figure is of
                # that month or year, not of the day the new one was stated
                v = p.until
            elif p.kind == "month" and p.until is not None and anchor is not None and p.start >= n.end \
                    and (anchor - p.until).days > 366 and _own_past(text, n.end, p.start, p.end):
                # a month or year long past in the figure's own clause is background, no statistic just
                # released: "Typhoon Haiyan, which killed 6,300 people in 2013" (in a 2021 story) is of 2013
                v = p.until
            elif p.kind == "month" and p.until is not None and anchor is not None and p.until < anchor \
                    and n.unit == "count" and p.period == "interval" and since is None and (
                        (_own_past(text, n.end, p.start, p.end) or _subject_count_past(text, s, n, p))
                        if p.start >= n.end else not text[s.start:p.start].strip(" \"“'‘") or _opens_sentence(text, s, p)
                        or _MONTH_EVENT_GAP_RE.fullmatch(text, p.end, n.start)):
                # a count of a month or year over before the statement, in the figure's own clause, at the
                # sentence's head or told by the event the month dates: "In November 2017, 435 cases were
                # reported", "killed 164 civilians in February", "an attack in July left 38 dead", "was in
                # February, when 23 were killed" are as of that month's last day (since its first), not of the
                # day they were told
                v = p.until
            if v is not None:
                as_of = v
                stated = id(p) in verb_ids
                if p.kind == "range":
                    since = p.since
                elif p.kind == "window" and p.days_back and v:
                    since = v - dt.timedelta(days=p.days_back)
                got = True
                break
        if not got and since is not None:
            as_of, got = anchor, anchor is not None
        if not got:
            as_of = anchor
        start = next((p for p in phrases if p.kind == "since" and p.end <= n.start
                      and _EVENT_COUNT_GAP_RE.fullmatch(text, p.end, n.start)), None)
        if start is not None:
            # "since the attacks of Oct. 7 that killed 1,200 people": the toll of the event the count starts
            # from, of that event's day, not a running total
            period, after, since = "interval", False, None
            as_of, got, stated = start.since or as_of, True, False
        periods.append(period)
        cue_after.append(after)
        as_ofs.append(as_of if got else None)
        by_statement.append(stated)
        sinces.append(since)
    x.periods, x.cue_after, x.as_ofs, x.sinces, x.by_statement = periods, cue_after, as_ofs, sinces, by_statement


_WORD_THEN_PARTICIPLE_RE = re.compile(r"(\w+)\s+(\w+ed)\b")
_PARTICIPLE_FIRST_RE = re.compile(r"\s*\w+ed\b")
_AUXILIARIES = frozenset({"was", "were", "been", "be", "being", "had", "have", "has", "is", "are", "got"})


# between a month and the count of the event it dates: "an attack on a church in July left 38 dead"
_MONTH_EVENT_GAP_RE = re.compile(r"\s*,?\s+when\s+(?:[^.;]{0,90}?\s(?:left|killed|claimed)\s+)?"
                                 r"|\s+(?:left|killed|claimed(?:\s+the\s+lives\s+of)?)\s+"
                                 r"|\s*,\s+(?:killing|leaving|injuring|wounding|displacing)\s+", re.I)


# a count heading its sentence, then its own past verb and what follows it up to the month or year: "More than
# 2,300 refugees arrived in 2023", "An estimated 22 million children missed their first dose in 2022"
_SUBJECT_HEAD_RE = re.compile(r"\s*(?:(?:an\s+estimated|another|some|about|around|nearly|almost|roughly)\s*)?$", re.I)
# (nothing after the month or year but its clause's end: not "detained in 2021 and 2023 remain in custody")
_CLAUSE_ENDS_AFTER_RE = re.compile(r"(?:\s+alone)?(?:\s*(?:[,.;:—–]|$)|\s+(?:after|before|when)\b)")
_SUBJECT_PAST_GAP_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:(?:were|was)\s+)?(?:[a-z]+ed|fled|died|fell|went|came)"
                                  r"(?:\s+[\w'’-]+){0,4}?\s+")


def _subject_count_past(text: str, s: Sentence, n: NumberSpan, p: TimePhrase) -> bool:
    """A month or year after a count that heads its sentence, its verb past between them, dates the count."""
    return bool(_SUBJECT_HEAD_RE.match(text[s.start:n.start])) and "," not in text[n.end:p.start] \
        and bool(_SUBJECT_PAST_GAP_RE.fullmatch(text, n.end, p.start)) and bool(_CLAUSE_ENDS_AFTER_RE.match(text, p.end))


def _own_past(text: str, a: int, b: int, end: int) -> bool:
    """Whether a time phrase at ``text[b:end]`` after a figure ending at ``a`` dates the figure's own event:
    no clause break between them, no participle of something else ("33 of the people seized in the attack
    in October 2023", "staff members detained in 2021 and 2023") and no state after it ("... remain held")."""
    gap = text[a:b]
    if _COMMA_OR_SEMICOLON_RE.search(gap) or _STATE_VERB_AFTER_RE.match(text, end):
        return False
    for m in _WORD_THEN_PARTICIPLE_RE.finditer(" " + gap):
        if m.group(1).lower() not in _AUXILIARIES:
            return False
    return not _PARTICIPLE_FIRST_RE.match(gap)


# between a "since" phrase and a figure: the relative clause of the event it names ("since the attacks of
# Oct. 7 that killed", "since the quake, which left")
_EVENT_COUNT_GAP_RE = re.compile(
    r"[^;.]{0,60}?\b(?:which|that)\s+(?:[a-z]+\s+){0,2}?(?:killed|left|claimed|wounded|injured|displaced|kidnapped"
    r"|took|abducted)\s+(?:(?:at\s+least|about|some|nearly|more\s+than|over|around|roughly|almost)\s+)?", re.I)


_WHEN_RE = re.compile(r"\bwhen\b", re.I)
_STILL_RE = re.compile(r"[^,;.]{0,40}?\b(?:remain|remains|remained|still)\b", re.I)
# a clause naming the one event the figures before it count: "140 missing after boat capsizes", "died when a
# building collapsed"
_EVENT_CLAUSE_RE = re.compile(
    r"\b(?:when|after)\s+(?:(?:an?|the|their|its)\s+)?(?:[\w-]+\s+){0,4}?(?:" + event_nouns("incidents", "disasters")
    + r"|capsiz\w*|sank|sinks|overturn\w*|collaps\w*|crash\w*|explod\w*"
    # what falls on or hits a place is one event too: "wounded when a missile struck a car park"
    + r"|struck|hit|slammed|fell|landed|tore"
    # and an armed attack told by its verb: "when gunmen stormed across the border"
    + r"|stormed|attacked|raided|invaded|overran)\b", re.I)


_DAY_WHEN_GAP_RE = re.compile(r",?\s*")
_CLAUSE_VERB_RE = re.compile(r"\b(?:\w+ed|took|struck|hit|left|fell|tore|swept|began|broke|died)\b", re.I)
# (", which killed": the event's own count)
_WHEN_OR_IN_WHICH_RE = re.compile(r"\b(?:when|(?:in|during)\s+which|which(?=\s+(?:killed|left|claimed|took)\b))\b", re.I)
# one event named with its day: "the attack of October 7", "the attacks of October 7", "their rampage through
# southern Israel on Oct. 7"
_EVENT_OF_DAY_BEFORE_RE = re.compile(r"\b(?:" + event_nouns("incidents", "disasters")
                                     + r"|assaults?|incursions?|offensives?)(?:\s+[\w'’-]+){0,4}?\s+(?:of|on)\s+(?:[^,;.]|\.(?=\s*\d))"
                                     r"{3,30},?\s*$",
                                     re.I)
_DAY_THEN_EVENT_BEFORE_RE = re.compile(
    r"(?P<day>" + MONTH_DAY_RE_PART + r")\s+(?:[\w-]+\s+)?(?:" + event_nouns("incidents", "disasters")
    + r"|assaults?|incursions?)(?:\s+[\w'’-]+){0,4}?\s*,?\s*$", re.I)
# (the clause ends where the sentence's own verb comes back: "..., when an attack killed 1,200, has killed 67,000")
_WHEN_CLAUSE_END_RE = re.compile(r"[;:]|\.(?:\s|$)|,\s+(?:(?:has|have|had|is|are|was|were|will|would)\b"
                                 r"|(?:[\w'’-]+\s+){0,3}?(?:said|says|added|adds)\b)")


# a sentence that tells a state now ("Among the victims are nine", "60 are feared to have drowned") is of its day
_TOLD_AS_NOW_RE = re.compile(r"\b(?:are|is|remain|remains|feared|believed|confirmed\s+dead)\b", re.I)
_HELD_STORY_MAX = 200_000  # characters: a story of one incident is an article, not an archive
_INCIDENT_DAYS_BACK = 3  # an incident a story reports happened within days of its publication


# an incident said to have happened on a day: "The attack happened in the early hours of Saturday", "The attack,
# which took place on Thursday, ...", "the blaze broke out shortly before 10 p.m. Monday"
_OCCURRED_RE = re.compile(
    r"\b(?:the|this|that|an?)\s+(?:[\w'’-]+\s+){0,3}?(?:" + event_nouns("incidents", "disasters", plural=False)
    + r")(?:\s*,\s*which|\s+(?:which|that))?\s+(?:(?:reportedly|apparently|first)\s+)?"
    r"(?:happened|occurred|took\s+place|broke\s+out|struck|erupted|unfolded)\b", re.I)
_OCCURRED_CLAUSE_END_RE = re.compile(r"[;:]|(?<![ap]\.m)\.(?:\s|$)")  # (not "10 p.m. Monday")


def _occurrence_day(text: str, s: Sentence, day: dt.date | None) -> dt.date | None:
    """The past day on which a sentence says an incident happened, if it says so."""
    if day is None:
        return None
    m = _OCCURRED_RE.search(text, s.start, s.end)
    if m is None:
        return None
    me = _OCCURRED_CLAUSE_END_RE.search(text, m.end(), s.end)
    return _past_day_in(text, m.end(), me.start() if me else s.end, day)


def _date_the_incident(claims: list[ExtractedClaim], undated: set[int], pub: dt.date | None,
                       occurred: dt.date | None = None) -> None:
    """In a story of one incident, the incident's dead, hurt and missing counted without a day of their own
    (dated the publication day) are of the day the story first gives a count of the incident, anywhere in it:
    "yesterday's massacre had left 45" dates the lede's "At least 45 people have been killed"; else of the day
    a sentence says it happened (``occurred``: "The attack happened in the early hours of Saturday")."""
    if pub is None:
        return
    # (the first day the story gives a count of the incident: "a strike on Sunday killed at least 7" is of the
    # publication day, and "On Saturday, a strike on another school had killed 21" is another incident)
    # (a count over a window is of several days, no one incident's: "have killed 32 over the past week")
    day = next((c.as_of for c in claims if c.period == "interval" and c.metric in _INCIDENT_FATES and id(c) not in undated
                and c.as_of is not None and c.since is None), None) or occurred
    if day is None or not pub - dt.timedelta(days=_INCIDENT_DAYS_BACK) <= day < pub:
        return
    for c in claims:
        if c.period == "interval" and c.metric in _INCIDENT_FATES and id(c) in undated and c.as_of == pub \
                and not _TOLD_AS_NOW_RE.search(c.sentence):
            c.as_of = day


def _day_before(text: str, phrases, at: int) -> dt.date | None:
    """The day or start a phrase right before ``at`` names, if any."""
    return next(((p.as_of or p.since) for p in phrases if p.kind in ("point", "since") and (p.as_of or p.since)
                 and p.end <= at and _DAY_WHEN_GAP_RE.fullmatch(text, p.end, at)), None)


def _date_of_day_when(x: _Reading) -> None:
    """A day followed by a "when" clause naming one event dates the figures of that clause, which count the
    event: "the war, which began on October 7, 2023, when an attack killed around 1,200 people and took more
    than 250 hostages"."""
    text, s = x.text, x.s
    named = None
    for m in _WHEN_OR_IN_WHICH_RE.finditer(text, s.start, s.end):
        m_event = False
        # (a day or the start of something: "began on October 7, 2023, when"; also one that governs no figure of
        # the sentence: "the largest rescue since October 7, when gunmen stormed ..., killing about 1,200")
        day = _day_before(text, x.phrases, m.start())
        if day is None:
            if named is None:
                named = find_named_days(text, s.start, s.end, x.pub)
            day = _day_before(text, named, m.start())
        if day is None:
            # the day before the event's noun: "Hamas's October 7, 2023 attack on Israel, in which 1,221 were killed",
            # "the group's Oct 7 rampage, when, Israel says, gunmen killed 1,200 people"
            md = _DAY_THEN_EVENT_BEFORE_RE.search(text, max(s.start, m.start() - 90), m.start())
            if md is not None:
                day = _past_day_in(text, md.start("day"), md.end("day"), x.pub)
                if day is not None:
                    m_event = True
        if day is None:
            continue
        if m.group(0).lower() == "when":
            if not m_event and not _EVENT_CLAUSE_RE.match(text, m.start()):
                continue
        elif not m_event and not _EVENT_OF_DAY_BEFORE_RE.search(text, max(s.start, m.start() - 90), m.start()):
            continue  # "in which" of one event named with its day: "since the attack of October 7, in which"
        end = s.end
        for me in _WHEN_CLAUSE_END_RE.finditer(text, m.end(), s.end):
            # a comma then a verb ends the clause once the clause has had its own verb ("when an attack killed
            # 1,200, has killed 67,000"), not after an aside ("in which 1,200 people, most of them civilians, were")
            if me.group(0)[:1] != "," or _CLAUSE_VERB_RE.search(text, m.end(), me.start()):
                end = me.start()
                break
        for i, n in enumerate(x.nums):
            if m.end() <= n.start < end and n.unit == "count" \
                    and (x.as_ofs[i] is None or x.by_statement[i] or x.as_ofs[i] == x.anchor):
                x.as_ofs[i], x.by_statement[i], x.periods[i] = day, False, "interval"


# "Ten days after gangs attacked ...", "FIVE days after the plane crash": an event dated back from the statement
_DAYS_AFTER_RE = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                            r"(?P<u>days?|weeks?)\s+after\s+(?!(?:reporting|announcing|giving|publishing|putting|releasing)\b)",
                            re.I)
_PARTICIPLE_CLAUSE_RE = re.compile(r",\s+(?:[a-z]+ing)\b")


def _date_by_days_after(x: _Reading) -> None:
    """The figures of an event told as "N days after" it, inside that adverbial ("Ten days after gangs attacked the
    communities, killing 50 and displacing 3,000, survivors remain ...", "FIVE days after the plane crash that
    killed 270 people, officials said"), are of the day N days before the statement's."""
    text, s = x.text, x.s
    low = text[s.start:s.end].lower()
    # (every match holds these words: most sentences have them not both)
    if x.anchor is None or " after " not in low or ("day" not in low and "week" not in low):
        return
    m = _DAYS_AFTER_RE.search(text, s.start, s.end)
    if m is None:
        return
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else ALL_WORDS.get(n, 1)  # ("a day after")
    day = x.anchor - dt.timedelta(days=count * (7 if m.group("u").lower().startswith("week") else 1))
    # the adverbial ends at the first comma that does not open a participle of its event ("..., killing 50")
    end = s.end
    for k in range(m.end(), s.end):
        if text[k] == "," and not _PARTICIPLE_CLAUSE_RE.match(text, k) and not text[k + 1:k + 2].isdigit() \
                and not text[k - 1:k].isdigit():
            end = k
            break
    for i, n_ in enumerate(x.nums):
        if m.end() <= n_.start < end and n_.unit == "count" and (x.as_ofs[i] in (None, x.anchor)) \
                and not n_.population:
            x.as_ofs[i], x.by_statement[i] = day, False
            if x.periods[i] in (None, "unknown"):
                x.periods[i] = "interval"


_AS_OF_CLOCK_RE = re.compile(r"\b(?:as\s+of|as\s+at|by|until|till)\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.m\.", re.I)
# ("the same day" is rather the window or report day just given: "one child died over the same day")
_THAT_DAY_RE = re.compile(r"\b(?:on\s+)?that\s+day\b", re.I)


def _date_by_that_day(x: _Reading, named_day: dt.date | None) -> None:
    """The day named last before "that day" is its day: "... since October 7, 2023. An estimated 1,139 people were killed
    in Israel in the attacks that day, and more than 200 were taken captive." The figures of its clause are of
    that day, one day's counts."""
    text, s = x.text, x.s
    seg = text[s.start:s.end]
    m = _THAT_DAY_RE.search(text, s.start, s.end) if "day" in seg else None
    if m is None and named_day is not None and "m." in seg:
        # "... 1,294 people were missing as of 9 p.m. Sunday. Another 117 had been injured as of 9:25 p.m.": a clock
        # time alone is of the day named last
        m = _AS_OF_CLOCK_RE.search(text, s.start, s.end)
        if m is not None and any(p.start <= m.end() + 1 and p.end >= m.start() and p.as_of for p in x.phrases):
            m = None  # (the clock time has its own day: "as of 9 p.m. Sunday")
    if m is None:
        return
    # (a day named earlier in this sentence is the nearer one)
    own = [p for p in x.phrases if p.end <= m.start() and (p.as_of or p.since)]
    day = (own[-1].as_of or own[-1].since) if own else named_day
    if day is None or x.anchor is None or day >= x.anchor:
        return
    lo = max([s.start] + [k.end() for k in _SENTENCE_CLAUSE_BREAK_RE.finditer(text, s.start, m.start())])
    me = _SENTENCE_CLAUSE_BREAK_RE.search(text, m.end(), s.end)
    hi = me.start() if me else s.end
    clock = m.group(0)[-1] == "."  # ("as of 9:25 p.m.": a count as it stood then)
    for i, n in enumerate(x.nums):
        if lo <= n.start < hi and n.unit == "count" and x.as_ofs[i] in (None, x.anchor) and not n.population:
            x.as_ofs[i], x.by_statement[i] = day, False
            if clock:
                x.periods[i] = "cumulative"
            elif x.periods[i] in (None, "unknown"):
                x.periods[i] = "interval"


_SENTENCE_CLAUSE_BREAK_RE = re.compile(r";|\.\s")


def _date_by_when_clause(x: _Reading) -> None:
    """A "when" clause after the figures tells the day of what they count: "49 migrants died and 140 went
    missing when a boat capsized the day before" (the day before the statement's day); a clause naming one
    event ("after boat capsizes") makes them that event's count."""
    text, s = x.text, x.s
    seg = text[s.start:s.end]
    if "when" in seg or "which" in seg:
        _date_of_day_when(x)
    if "when" not in seg and "after" not in seg:
        return
    me = _EVENT_CLAUSE_RE.search(text, s.start, s.end)
    if me is not None:
        for i, n in enumerate(x.nums):
            if n.end <= me.start() and me.start() - n.end < 80 and x.periods[i] is None and not (
                    x.metrics[i] in _STOCK_METRICS and _STILL_RE.match(text, n.end, me.start())):
                # one event's count ("60 are missing after a boat capsized"), not a stock held since ("remain
                # displaced after the quake")
                x.periods[i] = "interval"
    m = _WHEN_RE.search(text, s.start, s.end)
    if m is None:
        return
    day = None
    for p in x.phrases:
        if p.start < m.end() or id(p) in x.verb_ids or _CLAUSE_END_RE.search(text, m.end(), p.start):
            continue
        if p.kind == "point" and p.as_of is not None:
            day = p.as_of
        elif p.kind == "back" and p.days_back is not None and p.days_back < 365 and x.anchor is not None:
            day = x.anchor - dt.timedelta(days=p.days_back)
        if day is not None:
            period = p.period if p.kind == "point" else None
            break
    if day is None:
        return
    for i, n in enumerate(x.nums):
        if n.end <= m.start() and m.start() - n.end < 120 and x.periods[i] != "cumulative" \
                and (x.as_ofs[i] is None or x.by_statement[i] or x.as_ofs[i] == x.anchor):
            x.as_ofs[i], x.by_statement[i] = day, False
            x.periods[i] = x.periods[i] or period


# ("the death toll", "given the death toll as": what it gives is a toll)
_TOLL_CUE_RE = re.compile(r"(?:(?:gave|given|giving|gives)\s+(?:the|its|their)\s+)?(?:death\s+)?toll\b", re.I)
_TOLL_VALUE_GAP_RE = re.compile(r"\s*(?:(?:to|at)\s+)?(?:(?:at\s+least|about|some|nearly|more\s+than|over|around|almost|roughly)\s+)?")


def _metric_of_toll(x: _Reading) -> None:
    """The value a toll rises to is a death toll's, however long the phrase naming the toll: "The toll from the
    huge earthquake that struck almost a week ago has climbed to 3,145"."""
    for i, n in enumerate(x.nums):
        if x.metrics[i] not in (None, "other") or n.unit != "count":
            continue
        for p in x.phrases:
            if p.kind == "cumulative" and p.end <= n.start and _TOLL_CUE_RE.match(p.text) \
                    and _TOLL_VALUE_GAP_RE.fullmatch(x.text, p.end, n.start):
                x.metrics[i] = "killed"
                break


@lru_cache(maxsize=1)
def _toll_words() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("data/tolls.json").read_text(encoding="utf-8"))
    return {w: metric for metric, words in data.items() if not metric.startswith("_") for w in words}


_RISE_BEFORE_RE = re.compile(
    r"\b(?:rose|risen|rises|rise|climbed|climbs|climb|jumped|jumps|increased|increases|grew|grown|grows|surged|surges"
    r"|reached|reaches|reach|passed|passes|pass|topped|tops|top|exceeded|exceeds|exceed|hit|hits|stood|stands|stand"
    # ("the dead could number as many as 60")
    r"|number|numbers|numbered"
    # (a running figure revised either way: "Missing toll lowered to 34")
    r"|(?:raised|revised|lowered|reduced)(?:\s+(?:sharply|further|again|upward|up|down|downward))?(?=\s+to\b))\s+"
    r"(?:(?:to|at|past|above|beyond|over)\s+)?(?:the\s+)?(?:(?:at\s+least|about|some|nearly|more\s+than|over|around|almost|roughly"
    r"|as\s+many\s+as|up\s+to)\s+)?$",
    re.I)
_RISE_STEMS = ("ros", "rise", "clim", "jump", "increas", "grew", "grow", "surg", "reach", "pass", "top", "exceed", "hit",
               "stood", "stand", "raised", "revised", "lowered", "reduced", "number")
# (one search for any of the stems in the lower-cased text: the same test as a substring test per stem)
_RISE_STEMS_RE = re.compile("|".join(_RISE_STEMS))
# where the subject of a rise begins: the sentence, a clause ("as the count of the dead ... rose to"), a colon
_RISE_SUBJECT_START_RE = re.compile(r"[,;:]|\b(?:that|as|while|and|but|when)\b", re.I)


# a day that names an event ("the Jan. 1 earthquake", "the Oct. 7 attacks")
_EVENT_AFTER_DAY_RE = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:" + event_nouns("incidents", "disasters")
                                 + r"|assaults?|incursions?|offensives?)\b", re.I)


_AUXILIARIES_ONLY_RE = re.compile(r"\s*(?:(?:has|have|had|been|was|were|is|are|now|also|since|then)\s+)*", re.I)


def _rise_before(text: str, s: Sentence, n: NumberSpan) -> re.Match | None:
    """The verb ``n`` is what something rose or climbed to ("had risen to 126", "passed 15,200"), if any."""
    lo = max(s.start, n.start - 40)
    # (one of the verbs' stems first: the pattern is searched only where one stands)
    if not _RISE_STEMS_RE.search(text[lo:n.start].lower()):
        return None
    return _RISE_BEFORE_RE.search(text, lo, n.start)


def _metric_of_rise(x: _Reading) -> None:
    """What a running figure counts is named by the subject it rises as: "the count of the dead across the strip
    rose to 29,313" (killed), "arrests of civilians in the region have climbed to 8,165" (detained), "Missing toll
    climbs past 1,000" (missing, not the toll's deaths), "the number of children who have died of hunger has risen
    to six" (killed); the first word naming a count in the subject decides (data/tolls.json)."""
    text, s = x.text, x.s
    for i, n in enumerate(x.nums):
        if n.unit != "count":
            continue
        mr = x.rises[i]  # (_rise_before, read by the dates pass)
        if mr is None:
            continue
        a0 = max(s.start, mr.start() - 160)
        starts = [a0] + [m.end() for m in _RISE_SUBJECT_START_RE.finditer(text, a0, mr.start())]
        a = starts[-1]
        if len(starts) > 2 and _AUXILIARIES_ONLY_RE.fullmatch(text, a, mr.start()) and text[a - 1] == ",":
            # "the death toll from the attack, at a mosque in the north, had been raised to 305": past the aside
            a = starts[-3]
        words = _toll_words()
        metric = next((words[w.lower()] for w in _WORD_RE.findall(text, a, mr.start()) if w.lower() in words), None)
        if metric is not None and metric != x.metrics[i]:
            x.metrics[i] = metric
            # ... and so does a part given with it: "had been raised to 305, including 27 children"
            for k in range(i + 1, len(x.nums)):
                if x.links[k] != "including" or x.metrics[k] not in (None, "other") or x.nums[k].population:
                    break
                x.metrics[k] = metric


def _share_across_ties(x: _Reading) -> None:
    """Ties pass periods and dates on to numbers without their own; steps are a change and a total."""
    text, nums, links, steps = x.text, x.nums, x.links, x.steps
    periods, as_ofs, sinces, by_statement, cue_after = x.periods, x.as_ofs, x.sinces, x.by_statement, x.cue_after

    def n_end(i: int) -> int:
        return nums[i].end

    # ties pass period and dates on to numbers without their own ("14 more", "with 67,459 wounded")
    for i in range(1, len(nums)):
        if links[i] == "including" and periods[i - 1] is not None and periods[i] != periods[i - 1] \
                and not cue_after[i] and _a_part_named(text, nums[i].end):
            # a part of a figure ("raising the total to 197, 96 of them children") is of the figure's kind, whatever
            # window the sentence named before the figure
            periods[i] = periods[i - 1]
        elif links[i] == "compare" and periods[i - 1] is not None and periods[i] != periods[i - 1] \
                and _EARLIER_FIGURE_GAP_RE.search(text, nums[i - 1].end, nums[i].start):
            # the figure a toll is up from is the same kind of figure: "risen to 193, up from 157 on Saturday
            # night" (a running total then, not Saturday night's count)
            periods[i] = periods[i - 1]
        if links[i] in ("with", "ellipsis", "including", "compare", "apposition", "and"):
            if periods[i] is None:
                periods[i] = periods[i - 1]
            if as_ofs[i] is None and as_ofs[i - 1] is not None and not (
                    links[i] == "ellipsis" and _STATE_VERB_AFTER_RE.match(text[n_end(i):])):
                as_ofs[i] = as_ofs[i - 1]
                sinces[i] = sinces[i] or sinces[i - 1]
    # and back across an apposition: "1.7 million people, three-quarters of the population, were now displaced"
    for i in range(len(nums) - 1, 0, -1):
        if links[i] == "apposition" and periods[i - 1] is None and periods[i] is not None:
            periods[i - 1] = periods[i]
        # ... and across "and" (or a headline's comma) from a cue after both: "21 people had died and 2,882 had
        # been admitted in the 24 hours to 8 a.m. on Sunday", "14 killed, 25 injured over the past 24 hours"
        elif (links[i] == "and" or links[i] == "ellipsis" and nums[i].start - nums[i - 1].end < 40) \
                and periods[i - 1] is None and (as_ofs[i - 1] is None or by_statement[i - 1]) \
                and periods[i] is not None and cue_after[i]:
            periods[i - 1], as_ofs[i - 1], sinces[i - 1] = periods[i], as_ofs[i], sinces[i]
    for i in steps:
        if nums[i - 1].unit == nums[i].unit == "count":
            periods[i - 1], periods[i] = "interval", "cumulative"


def _date_events(x: _Reading) -> None:
    """A day stated once dates every figure of its event."""
    text, s, nums, phrases = x.text, x.s, x.nums, x.phrases
    verb_ids, aside_ids, periods, as_ofs, by_statement = x.verb_ids, x.aside_ids, x.periods, x.as_ofs, x.by_statement
    # a day stated once dates the whole event, however long the phrases between: "killed 18 and wounded 13
    # others at a bowling alley and a bar in Harbor Falls, Maine, on Wednesday night"; "on Tuesday,
    # killing 12 people, two of them children, and wounding nearly 2,800" -- but not a figure across
    # a contrast, a comparison or another statement, nor a state ("2 million remain displaced")
    days = [p for p in phrases if p.kind == "point" and p.as_of is not None and id(p) not in verb_ids
            and id(p) not in aside_ids]
    # ... and a day in the subject's relative clause dates the event its main verb tells: "An Israeli raid that
    # rescued four hostages on Saturday killed 274 people, the ministry said on Sunday"
    subject_days = [p for p in phrases if id(p) in aside_ids and p.kind == "point" and p.as_of is not None]
    breaks: list[int] | None = None  # starts of the sentence's event breaks, found once when needed
    dated: list[int] = []  # the numbers an event's day dates
    for i, n in enumerate(nums):
        # (an event's own count, "in an attack", still takes the day the event is given)
        if not (days or subject_days) or (as_ofs[i] is not None and not by_statement[i]) \
                or periods[i] not in (None, "interval") or n.population:
            continue
        if _state_before(text, max(s.start, n.start - 50), n.start):
            continue  # "Hamas is holding more than 240 hostages seized during the Oct. 7 raid": a state now
        if breaks is None:
            breaks, reported = [], []
            for m in _EVENT_BREAK_RE.finditer(text, s.start, s.end):
                w = m.group(0).lower()
                if w == "according" and _ACCORDING_ASIDE_RE.match(text, m.start()):
                    continue  # ", according to officials, and carrying 200 hostages": an aside, same event
                if w == "than" and any(q.start <= m.start() < q.end for q in nums):
                    continue  # a bound's "than" ("killing more than 80 people and wounding dozens") is no comparison
                breaks.append(m.start())
                if w != "had":
                    reported.append(m.start())
        # in reported speech "had" is the past shifted back ("said on Tuesday that 21 soldiers had been
        # killed on Monday"), not a state
        brk = reported if by_statement[i] else breaks
        best = None
        for p in days:
            a, b = (n.end, p.start) if p.start >= n.end else (p.end, n.start)
            if p.end <= n.start:
                # "the Oct. 7 raid on southern Israel, in which fighters killed some 1,200 people": the clause
                # of the dated event noun is that event's
                m = _DATED_EVENT_CLAUSE_RE.match(text, p.end)
                if m and m.end() <= n.start:
                    a = m.end()
            k = bisect.bisect_left(brk, a)
            if b - a > 200 or (k < len(brk) and brk[k] < b):
                continue
            if best is None or b - a < best[0]:
                best = (b - a, p)
        for p in subject_days:
            if p.end <= n.start and _MAIN_EVENT_VERB_RE.fullmatch(text, p.end, n.start):
                best = (n.start - p.end, p)
        if best and not (_STATE_AFTER_REPORTED_RE if by_statement[i] else _STATE_AFTER_RE).match(text, n.end, s.end):
            as_ofs[i], periods[i] = _stretch_end(text, phrases, best[1]), best[1].period
            dated.append(i)
    # a part of an event's toll is of the event's day too: "killed 274 Palestinians, among them 64 children"
    for i in range(1, len(nums)):
        if i - 1 in dated and i not in dated and x.links[i] in ("including", "apposition") \
                and (as_ofs[i] is None or by_statement[i] or as_ofs[i] == x.anchor):
            as_ofs[i] = as_ofs[i - 1]
            periods[i] = periods[i] or periods[i - 1]
            dated.append(i)
    if dated:
        x.event_day = as_ofs[dated[0]]


# an increment to a total the sentence then gives: "24 more people were killed ..., bringing the overall toll
# to ..."; without that total "more" may be another group ("2.3 million more have crossed")
_INCREMENT_AFTER_RE = re.compile(r"\s+(?:more|additional|new)\s+(?!than\b)[a-z]", re.I)
_INCREMENT_BEFORE_RE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+(?:(?:at\s+least|about|some|nearly|over)\s+)?$", re.I)
_BRINGING_TOTAL_RE = re.compile(r"\b(?:bringing|raising|taking|pushing|lifting)\s+(?:the\s+|its\s+)?[\w\s-]{0,40}?"
                                r"\b(?:toll|total|tally|number|count)\b", re.I)


# a total as it stood on a day: "Last week's totals had been", "Saturday's toll was"
_DAYS_TOTAL_BEFORE_RE = re.compile(
    r"\b(?:(?:last|previous|the\s+previous)\s+(?:week|month|year)|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s"
    r"\s+(?:[\w-]+\s+)?(?:totals?|tolls?|tally|tallies|counts?)\s+(?:had\s+been|has\s+been|was|were|stood\s+at|of)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|almost)\s+)?$", re.I)


_PERFECT_COUNT_TAIL_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+|also\s+)?(?:left|killed|wounded|injured|claimed)\s+"
    r"(?:(?:at\s+least|more\s+than|about|some|nearly|around|over|up\s+to)\s+)?$", re.I)


def _incident_subject_before(text: str, s: Sentence, n: NumberSpan) -> bool:
    """One incident is the subject of the perfect that counts ``n`` (see _INCIDENT_SUBJECT_RE); the verb right
    before the number is looked for first, the subject only there."""
    # (every match holds "has", "have" or "had": a cheap test first)
    return bool("ha" in text[max(s.start, n.start - 50):n.start].lower()
                and _PERFECT_COUNT_TAIL_RE.search(text, max(s.start, n.start - 50), n.start)
                and _INCIDENT_SUBJECT_RE.search(text, max(s.start, n.start - 240), n.start))


# a headline naming one incident: by its noun ("Air strike on village kills 10"), by what one thing did ("78 drown
# as boat capsizes", "bus crashes") or by the participle of what it did ("Bomber attacks church, killing 22")
_ONE_INCIDENT_RE = re.compile(r"\b(?:" + event_nouns("incidents", plural=False) + r")\b(?!s)"
                              r"|\b(?:capsizes|sinks|crashes|collapses|explodes|derails|overturns)\b|,\s+killing\b", re.I)
# ... or by what its actors did, counted, with no incidents named ("Bandits kill 35 villagers in the north")
_ACTORS_KILL_RE = re.compile(r"^[^\n\d]{0,60}?\b(?:kill|kills|slay|slays|massacre|massacres)\s+"
                             r"(?:at\s+least\s+|over\s+|more\s+than\s+)?"
                             r"(?:\d|(?:" + "|".join(ALL_WORDS) + r"|dozens|scores|hundreds)\b)", re.I)
# (a disaster's toll grows over days: "Floods in three countries kill over 100")
_INCIDENTS_OR_DISASTERS_RE = re.compile(r"\b(?:" + event_nouns("incidents", "disasters") + r")\b", re.I)
# ... or the headline of incidents of one kind that counts or names what they did ("Air strikes on villages kill
# 30", "'Children killed' in air strikes"; not "Strikes go on across the territory")
_INCIDENTS_RE = re.compile(r"\b(?:" + event_nouns("incidents") + r")\b", re.I)
_A_COUNT_RE = re.compile(r"\d|\b(?:" + "|".join(ALL_WORDS) + r"|dozens|hundreds|thousands|kill(?:s|ed|ing)?|dead|deadly|died"
                         r"|wound(?:s|ed|ing)?|injur(?:es|ed|ing))\b", re.I)
# the fates an incident's own count is of (its survivors, damage or the displaced it leaves are not told as one count)
_INCIDENT_FATES = frozenset({"killed", "injured", "missing"})
# a running total's cue: the perfect of a sentence that has one stays a running total ("the 140-year-old
# funicular": no word of a compound)
# ("have now been killed": the count as it stands now)
_RUNNING_CUE_RE = re.compile(r"(?<!-)\b(?:since|so\s+far|total|toll|tally|in\s+all|overall|to\s+date|cumulative|rose"
                             r"|risen|rises|reached|climbed|climbs|jumped|soared|increased|war|conflict|campaign|year"
                             r"|month|week|now)\b(?!-)", re.I)
# (past an aside: "Ten civilians, four security auxiliaries among them, have been killed")
_PERFECT_AUX_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,4}?,?(?:\s*[^,.;]{1,60},)?\s+(?:had|have|has)\s+(?:been\s+)?\w+",
                                   re.I)
_PERFECT_AUX_BEFORE_RE = re.compile(r"\b(?:had|have|has)\s+(?:[\w-]+\s+){0,3}?$", re.I)


def _counts_of_the_incident(x: _Reading) -> None:
    """In a story of one incident (its headline names one: "Air strike on village kills 10"), a sentence
    without a running total's cue counts that incident's dead, hurt and missing, and a perfect without such a
    cue reports that incident ("He said ten people had been killed and eight wounded", "floods that have killed
    at least 60"), not a running total."""
    text, s = x.text, x.s
    if _RUNNING_CUE_RE.search(text, s.start, s.end):
        return
    # ("As of the morning of June 28, 10 people are known to have died": the incident's dead counted by a time)
    by_a_time = any(p.kind == "point" and p.period == "cumulative" for p in x.phrases)
    for i, n in enumerate(x.nums):
        if by_a_time and x.periods[i] == "cumulative" and n.unit == "count" and x.metrics[i] in ("killed", "injured"):
            x.periods[i] = "interval"
            continue
        # "Thirty-one people were in hospital", "took at least 34 people to hospital": the incident's dead,
        # hurt or missing without a verb of one event; not a state ("remain missing", "are still in hospital")
        if x.periods[i] is None and n.unit == "count" and x.metrics[i] in _INCIDENT_FATES \
                and not n.population and not _STATE_AFTER_REPORTED_RE.match(text, n.end, s.end) \
                and not _state_before(text, max(s.start, n.start - 50), n.start):
            x.periods[i] = "interval"
    if "ha" not in text[s.start:s.end]:
        return  # (no "had", "has" or "have")
    for i, n in enumerate(x.nums):
        # (also a present perfect: "floods that have killed at least 60", "At least 45 people have been killed")
        if x.periods[i] == "cumulative" and n.unit == "count" and (
                _PERFECT_AUX_BEFORE_RE.search(text, max(s.start, n.start - 40), n.start)
                or _PERFECT_AUX_AFTER_RE.match(text, n.end, min(s.end, n.end + 60))):
            x.periods[i] = "interval"


# one incident, or incidents counted ("Two suicide bombings hit mosques"; not "Strikes go on across the territory")
_NAMED_INCIDENTS_RE = re.compile(r"\b(?:" + event_nouns("incidents", plural=False) + r")\b(?!s)|\b(?:two|three|four|five|twin"
                                 r"|\d+)\s+(?:[\w-]+\s+)?(?:" + event_nouns("incidents") + r")\b", re.I)
_ONGOING_RE = re.compile(r"\b(?:continuing|ongoing|assault|offensive|bombardment|siege|fighting)\b", re.I)
_NOUN_AND_GAP_RE = re.compile(r"\s+(?:[\w'’-]+\s+){1,3}?and\s+")


# the count's own verb, then the one incident it happened in: "have been killed and 56 wounded in a strike on"
_IN_ONE_INCIDENT_RE = re.compile(
    r"[^.;:]{0,80}?\b(?:killed|wounded|injured|died|dead|hurt)\b[^.;:]{0,40}?\b(?:in|by|during)\s+(?:an?|the|this|that"
    r"|one|a\s+single)\s+(?:[\w'’-]+\s+){0,3}?(?:" + event_nouns("incidents", plural=False) + r")\b(?!s)", re.I)


def _periods_from_verbs(x: _Reading) -> None:
    """Periods without a phrase: an increment, one event's participle, a present perfect's running total;
    the anchor day for figures still without a date."""
    text, s, nums, links, anchor, periods, as_ofs = x.text, x.s, x.nums, x.links, x.anchor, x.periods, x.as_ofs
    for i, n in enumerate(nums):
        # (cheap tests first: a match holds an apostrophe ("yesterday's"), or "ing" ("killing"))
        if periods[i] == "interval" and (text.find("'", max(s.start, n.start - 80), n.start) >= 0
                                         or text.find("’", max(s.start, n.start - 80), n.start) >= 0) \
                and _DAYS_TOTAL_BEFORE_RE.search(text, max(s.start, n.start - 80), n.start):
            periods[i] = "cumulative"  # "Last week's totals had been 2,076 cases": the total as it stood then
        elif periods[i] != "interval" and n.unit == "count" and (
                _INCREMENT_AFTER_RE.match(text, n.end, s.end)
                or _INCREMENT_BEFORE_RE.search(text, max(s.start, n.start - 30), n.start)) \
                and "ing" in text[n.end:s.end] and _BRINGING_TOTAL_RE.search(text, n.end, s.end):
            # the sentence's running total is another figure; this one is what was added to it
            periods[i] = "interval"
        elif periods[i] is None and text.find("ing", max(s.start, n.start - 30), n.start) >= 0 \
                and _EVENT_PARTICIPLE_BEFORE_RE.search(text, max(s.start, n.start - 30), n.start):
            periods[i] = "interval"  # "rammed a checkpoint ..., killing 11 people": one event's count
        elif periods[i] is None and _toll_noun_before(text, max(s.start, n.start - 40), n.start):
            periods[i] = "cumulative"  # "the new figure of 1,644", "the overall toll at 10,022"
        elif periods[i] is None and (_incident_subject_before(text, s, n) or (
                i and links[i] in ("and", "ellipsis") and periods[i - 1] == "interval" and _PERFECT_BEFORE_RE.search(
                    text, max(s.start, n.start - 240), n.start) and _incident_subject_before(text, s, nums[i - 1]))):
            # "an attack on the camp has left 31 dead and 13 wounded": a perfect, but of one incident
            periods[i] = "interval"
        elif periods[i] is None and _past_event(text, n, s) \
                and not _PERFECT_BEFORE_RE.search(text, max(s.start, n.start - 80), n.start):
            # (not under a perfect's auxiliary: "floods have submerged a third of the country and killed 1,702")
            periods[i] = "interval"  # "strikes killed 12 people", "12 people were killed": what happened, once
    for i, n in enumerate(nums):
        if periods[i] is None:
            lo = max(s.start, n.start - 100)
            seg_start = max([lo] + [m.end() for m in _CLAUSE_START_RE.finditer(text, lo, n.start)])
            hi = min(s.end, n.end + 60)
            seg_end = min([hi] + [m.start() for m in _CLAUSE_END_RE.finditer(text, n.end, hi)])
            # (an aside is set off by two commas: most numbers have fewer after them)
            ma = _ASIDE_RE.match(text, n.end, min(s.end, n.end + 140)) \
                if text.count(",", n.end, min(s.end, n.end + 140)) >= 2 else None
            if ma:
                seg_end = max(seg_end, min([s.end] + [m.start() for m in _CLAUSE_END_RE.finditer(text, ma.end(), hi)]))
            seg = text[seg_start:seg_end].lower()
            # a present perfect needs "has"/"have"/"had" or "'ve": skip the regex without one
            mp = ("ha" in seg or "ve" in seg) and _PERFECT_RE.search(text, seg_start, seg_end)
            if mp:
                # a past perfect in reported speech without a running total's cue tells what happened ("CNN quoted
                # two officials as saying 120 people had been killed"), not a total kept
                # (and a perfect of the fate of one incident's victims, "29 people, 13 of them children, have been
                # killed in a strike on a camp", is that incident's count)
                periods[i] = "interval" if (mp.group(0)[:3].lower() == "had" and x.metrics[i] in ("killed", "injured")
                                            and _NAMED_INCIDENTS_RE.search(text, max(0, s.start - 300), s.end)
                                            or x.metrics[i] in _INCIDENT_FATES
                                            and _IN_ONE_INCIDENT_RE.match(text, n.end, s.end)) \
                    and not _RUNNING_CUE_RE.search(text, s.start, s.end) \
                    and not _ONGOING_RE.search(text, s.start, s.end) else "cumulative"
        if periods[i] is None and x.metrics[i] in _STOCK_METRICS and n.unit == "count" and (
                _STOCK_STATE_AFTER_RE.match(text, n.end, s.end)
                or _STATE_BEFORE_RE.search(text, max(s.start, n.start - 40), n.start)):
            # "2 million people remain displaced", "hosts more than 1 million refugees": a stock held now is
            # the running total of those still in that state
            periods[i] = "cumulative"
        if as_ofs[i] is None:
            as_ofs[i] = anchor
            x.undated.add(n.start)
    for i in range(1, len(nums)):
        if periods[i - 1] is not None and (
                periods[i] is None and links[i] in ("including", "apposition")
                or links[i] == "including" and not x.cue_after[i]
                and _a_part_named(text, nums[i].end)):
            periods[i] = periods[i - 1]  # a part shares the running total's period found from the verb
        elif periods[i] is None and periods[i - 1] == "interval" and links[i] in ("and", "ellipsis") \
                and x.metrics[i] in _INCIDENT_FATES and x.metrics[i - 1] in _INCIDENT_FATES:
            # "18 people were killed and 13 injured in shootings": the count the verb's ellipsis leaves bare is
            # of the incident that the count before it is of
            periods[i] = "interval"
    for i in range(len(nums) - 1, 0, -1):
        if periods[i - 1] is None and periods[i] == "interval" and links[i] == "and" \
                and x.metrics[i - 1] == x.metrics[i] and nums[i - 1].unit == nums[i].unit == "count" \
                and _NOUN_AND_GAP_RE.fullmatch(text, nums[i - 1].end, nums[i].start):
            # "At least 23 children and four adults were killed when ...": the verb after both counts both
            periods[i - 1] = "interval"


def _attribute(x: _Reading, resolved_atts, quotes, memory, prev_speakers, para_places_cache, paragraphs, doc_places,
               find_places, metric_names) -> list[ExtractedClaim]:
    """Speakers (quotation, then the sentence's reporting cues, then an anaphor's earlier speaker) and
    places; the claims themselves."""
    text, s, nums, metrics, subjects, bound = x.text, x.s, x.nums, x.metrics, x.subjects, x.bound
    periods, as_ofs, sinces = x.periods, x.as_ofs, x.sinces
    # speakers
    low = text[s.start:s.end].lower()
    # (non-ASCII text may hold letters that re.I folds onto ASCII ones, e.g. "ı" onto "i": no shortcut)
    anaphor = (not low.isascii() or _holds_anaphor_noun(low)) and bool(
        _ANAPHOR_RE.search(text, s.start, s.end))
    para = s.paragraph
    if para not in para_places_cache:
        ps, pe = paragraphs[para] if para < len(paragraphs) else (s.start, s.end)
        anaphors = find_place_anaphors(text, ps, pe)
        found = find_places(text, ps, pe)
        para_places_cache[para] = _Places(sorted(found + anaphors) if anaphors else found)
    para_places = para_places_cache[para]
    sent_places = para_places.within(s.start, s.end)
    place_penalties = [para_places.penalty(text, p) for p in sent_places]

    claims = []
    for i, n in enumerate(nums):
        speaker = None
        attribution = "outlet"
        in_quote = quotes.at(n.start)
        if in_quote is not None and in_quote[2] is not None:
            qa = in_quote[2]
            speaker = resolve_speaker(qa.speaker, para, memory, qa.definite, qa.speaker_start)
            attribution = "quote"
        if speaker is None and resolved_atts:
            pool = [(a, sp) for a, sp in resolved_atts
                    if a.direction == "both"
                    or (a.direction == "right" and min(a.start, a.speaker_start) <= n.start)
                    or (a.head_end >= 0 and n.end <= a.head_end and _RELATIVE_HEAD_GAP_RE.fullmatch(
                        text, n.end, a.head_end))
                    or (a.direction == "left" and a.start >= n.end)]
            # the subject of a reporting verb does not report a figure inside itself when another cue
            # does: "a quarter of the firms surveyed said ..., the chamber reported"
            pool = [(a, sp) for a, sp in pool
                    if not (a.direction != "left" and a.speaker_start <= n.start and n.end <= a.start)] or pool
            # ", the Red Cross said, and the other three ...": a trailing cue also covers what follows
            pool = pool or [(a, sp) for a, sp in resolved_atts if a.direction == "left"]
            if pool:
                a, sp = min(pool, key=lambda asp: min(abs(asp[0].start - n.end), abs(n.start - asp[0].end)))
                if a.direction != "left" and _RECORD_VERB_RE.fullmatch(text, a.start, a.end) \
                        and not _THAT_AFTER_VERB_RE.match(text, a.end) \
                        and not (a.direction == "both" and a.start > n.end):
                    # "Haiti has recorded 41 deaths, the health ministry said": who keeps the count
                    # is not who says so; the sentence's closing cue names the source
                    closing = [(b, bsp) for b, bsp in pool if b.direction in ("left", "both") and b.start >= n.end]
                    # ... or its opening one: "According to the WHO, as of 21 September the health zone had
                    # reported a total of 57 cases"
                    opening = [(b, bsp) for b, bsp in resolved_atts if b.kind == "according_to"
                               and b.direction == "right" and b.end <= a.speaker_start]
                    if closing:
                        a, sp = closing[-1]
                    elif opening:
                        a, sp = opening[0]
                outer = next((b, bsp) for b, bsp in resolved_atts + [(a, sp)]
                             if b is a or (b.kind == "said" and b.direction in ("right", "both")
                                           and b.end <= a.speaker_start and b.end <= n.start
                                           and _SPEECH_VERB_RE.fullmatch(text, b.start, b.end)
                                           and not _CLAUSE_BREAK_RE.search(text, b.end, n.start)))
                # "The United Nations said on Monday that figures from local sources showed more than 300 ...":
                # whoever says so reports the source they cite
                a, sp = outer
                speaker = sp
                attribution = "according_to" if a.kind == "according_to" else "said"
                if in_quote is not None and a.kind != "according_to":
                    attribution = "quote"
        if speaker is None and anaphor and prev_speakers:
            speaker = prev_speakers[-1]
            attribution = "said"
        if speaker is not None and is_pronoun(speaker) and speaker.lower() != "officials":
            # an unresolved pronoun names nobody
            speaker, attribution = None, "outlet"
        metric = metrics[i] or "other"
        if metric not in metric_names:
            metric = "other"
        elif n.unit not in ("count", "percent", "fraction") and metric in _PEOPLE_METRICS:
            # a sum of money is no count of people: "releasing $5 million from its emergency fund"
            metric = "aid" if metric == "released" else "other"
        claims.append(ExtractedClaim(
            start=n.start, end=n.end, text=text[n.start:n.end], sentence=s.text, sentence_index=s.index,
            value=n.value, low=n.low, high=n.high, qualifier=n.qualifier, unit=n.unit, metric=metric,
            subject=subjects[i], location=_place_for(text, n, sent_places, para_places, doc_places,
                                                     place_penalties),
            period=periods[i] or "unknown", speaker=speaker, attribution=attribution, as_of=as_ofs[i],
            since=sinces[i], confidence=_confidence(n, metric, speaker, bound[i][1])))
    return claims


def _same_window(x: _Reading, claims: list[ExtractedClaim], prev_window: tuple | None) -> tuple | None:
    """"In the same period" is the window named before it; returns (period, last day) of the last window or
    start this sentence names, for the sentences after it."""
    phrases = x.phrases
    # (a window beats a start in the same sentence: "over the previous 24 hours, taking the toll since the
    # start of the war to 37,084")
    # (a month named is a window too: "in September 2024" ... "during the month")
    named = [p for p in phrases if (p.kind in ("window", "since", "range") or p.kind == "month" and p.until)
             and not _SAME_WINDOW_RE.search(p.text)]
    same = next((p for p in phrases if _SAME_WINDOW_RE.search(p.text)), None)
    if same is not None:
        # "wounded in the same period": the window named before it, whichever it was ("over the past 24 hours",
        # "since Oct. 7", "between March 1 and June 20"), in this sentence or an earlier one
        earlier = [p for p in named if p.end <= same.start]
        earlier.sort(key=lambda p: p.kind == "since")
        ref = (earlier[0].period, _window_end(earlier[0])) if earlier else prev_window
        if ref and ref[0]:
            for c in claims:
                if c.period == "interval":
                    c.period = ref[0]
                    if ref[1] is not None and c.as_of == x.anchor and c.start >= same.start - 120 \
                            and (c.unit == "count" or "month" not in same.text.lower()):
                        # ... and the day that window ended on (a month's rate stays of the day it was
                        # reported: "earnings rose 0.3 percent in the month")
                        c.as_of = ref[1]
    named.sort(key=lambda p: p.kind == "since")
    return (named[0].period, _window_end(named[0])) if named else None


def _window_end(p: TimePhrase) -> dt.date | None:
    """The last day of a stretch named ("between March 1 and June 20", "in September 2024"), if it names one."""
    return p.as_of if p.kind == "range" else p.until if p.kind == "month" else None
