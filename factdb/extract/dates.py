"""Date and period phrases: what day a figure refers to and whether it is a running total.

``find_time_phrases(text, lo, hi, published)`` returns :class:`TimePhrase` objects for the date
phrases ("on Tuesday", "yesterday", "since Oct. 7", "in the past 24 hours", "between Jan 1 and
Aug 17", "a day earlier") and period cues ("so far", "death toll rose to", "overnight") found in
``text[lo:hi]``. This module finds the phrases and decides what period they set; the day a phrase
names is resolved by dateparser against the publication date, never the clock, past preferred
(:mod:`.days`, which also holds the few day rules dateparser lacks). What stays here are periods,
not days: windows ("the past 24 hours"), day and weekday ranges, parts of a year or month ("the first
half of August", "the third quarter"), the weekend, "overnight", "a day earlier".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from . import days
from .anchored import Anchored, split_by_start
from .events import event_nouns

__all__ = ["TimePhrase", "find_time_phrases", "resolve_date"]

_EVENT_NOUN_AFTER_RE = re.compile(
    r"(?:\s*['’]s)?\s+(?:[\w-]+\s+)?(?:" + event_nouns("incidents", "disasters") + r"|assaults?|incursions?|invasions?)\b", re.I)
# a day told as past in its own clause looks back, whatever month it is now: "the attacks of October 7, which
# killed", "the hostages seized on October 7", "On 7 October, an attack killed" (but "talks resume on Feb. 10",
# "is expected by Feb. 10")
_PAST_EVENT_WORDS = (r"was|were|had|began|took|stormed|seized|killed|captured|abducted|kidnapped|launched|struck"
                     r"|attacked|died|erupted|happened|occurred|started|broke\s+out")
_PAST_BEFORE_DAY_RE = re.compile(
    r"(?:\b(?:" + _PAST_EVENT_WORDS + r"|" + event_nouns("incidents", "disasters") + r"|assaults?|incursions?|invasions?"
    r"|rampage)\b[^,;:.!?]{0,50}?\s(?:of|on))\s+$", re.I)
_PAST_AFTER_DAY_RE = re.compile(
    r",?\s+(?:(?:in\s+)?which|when)?[^;:.!?]{0,80}?\b(?:" + _PAST_EVENT_WORDS + r")\b", re.I)
_FUTURE_WORDS_RE = re.compile(r"\b(?:will|would|shall|expected|due|scheduled|set\s+to|plans?|planned|deadline"
                              r"|next|resumes?|is\s+to|are\s+to)\b|\b(?:by|until)\s+$", re.I)


def _told_as_past(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """A year-less day that a past tense of its own clause tells of (see _PAST_BEFORE_DAY_RE)."""
    before = text[max(lo, start - 70):start]
    # the past tense first, the future words only when it is found (mostly it is not); and _PAST_BEFORE_DAY_RE,
    # slow to search, only where "before" ends in " of " or " on " as each of its matches does
    tail = before.rstrip()
    past = (len(tail) < len(before) and tail[-2:].lower() in ("of", "on") and tail[-3:-2].isspace()
            and _PAST_BEFORE_DAY_RE.search(before) is not None) \
        or _PAST_AFTER_DAY_RE.match(text, end, min(hi, end + 90)) is not None
    return past and not (_FUTURE_WORDS_RE.search(before) or _FUTURE_WORDS_RE.search(text, end, min(hi, end + 80)))


_SPACES_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")
_YEAR_START_RE = re.compile(r"(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?year", re.I)
_YEAR_RE = re.compile(r"\d{4}")
_FIRST_WORD_RE = re.compile(r"\s*(\w+)")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|(?-i:May)|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_FULL_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MD = (r"(?:" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
       r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b\.?(?:,?\s+\d{4}\b)?"
       r"|\b\d{4}-\d{2}-\d{2}\b)")
MONTH_DAY_RE_PART = _MD  # a day and month, with or without its year ("Oct. 7", "7 October 2023")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = (r"(?:\d+|twenty-four|forty-eight|seventy-two|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
         r"|fourteen|fifteen|twenty"
         r"|thirty|a|an|few|several|couple\s+of|24|48|72)")
_UNITS = {"hour": 1 / 24, "day": 1, "night": 1, "morning": 1, "afternoon": 1, "evening": 1, "week": 7, "month": 30,
          "quarter": 91, "year": 365}
_WORDNUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
            "twenty": 20, "thirty": 30}

# a cut-off at an hour of a day: "as of 8 a.m. Monday", "up to 8 p.m. on 24th October"
# ("by 9 a.m. on Saturday" may end a day's additions: only "as of" and "up to" make it a standing total)
_CLOCK_CUE = (r"(?:as\s+(?:of|at)|up\s+to)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|(?:am|pm|hrs)\b)"
              r"(?:\s+(?-i:[A-Z]{2,5})\b|\s+\(\w+(?:\s+\w+)?\))?(?:\s+on)?")
TIME_RE = re.compile(
    r"(?P<range>\b(?:between|from)\s+(?P<r1>" + _MD + r")\s+(?:and|to|until|through|up\s+to|-|–)\s+(?P<r2>" + _MD + r"))"
    r"|(?P<dayrange>\b(?:(?:between|from|on|during|over)\s+)?(?:the\s+(?:afternoons?|mornings?|evenings?|nights?)\s+of\s+)?"
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|and|to|until|through)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<dm1>" + _MONTH + r")\b\.?(?:,?\s+(?P<dy1>\d{4})\b)?"
    r"|\b(?:(?:between|from|on|during|over)\s+)?(?P<dm2>" + _MONTH + r")\.?\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s*[-–]\s*"
    r"(?P<d4>\d{1,2})\b(?![,.]\d)(?:,?\s+(?P<dy2>\d{4})\b)?"
    # "between June 18 and 20" (not "on June 18 and 20 people ...": no word follows the second day)
    r"|\b(?:between|from)\s+(?P<dm3>" + _MONTH + r")\.?\s+(?P<d5>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|through|until)\s+"
    r"(?P<d6>\d{1,2})\b(?![,.]?\d)(?!\s+[a-z])(?:,?\s+(?P<dy3>\d{4})\b)?)"
    r"|(?P<wdrange>\b(?:between|from)\s+(?P<wr1>" + _WD + r")\s+(?:and|to|until|through)\s+(?P<wr2>" + _WD + r")\b)"
    r"|(?P<since>\bsince\s+(?P<sx>(?:the\s+)?" + _MD + r"(?:\s+attacks?)?|" + _WD + r"|" + _MONTH + r"(?:\s+\d{4})?"
    r"|\d{4}\b|the\s+(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:this\s+)?\w+(?:\s+\w+)?"
    r"|(?:the|its|their)\s+(?:[\w'’.-]+\s+){0,3}?(?:war|conflict|fighting|invasion|offensive|attack|attacks|crisis"
    r"|pandemic|outbreak|quake|earthquake|storm|floods?|hostilities|siege|incursion|operation|uprising|revolution"
    r"|protests|coup|truce|ceasefire|cease-fire|occupation|exchanges|clashes|violence|unrest|bombardment|shelling"
    r"|campaign|assault|blockade|epidemic|rebellion|insurgency|season|monsoon|rains|drought|famine|cyclone|hurricane"
    r"|typhoon|wildfires?|fires?|eruption|disaster|emergency|crackdown|strikes)(?:\s+(?:of\s+fire\s+)?(?:began|started"
    r"|erupted|broke\s+out|struck|hit|was\s+launched|began\s+on|set\s+in))?"
    # ... any thing said to have begun: "since the rainy season began"
    r"|(?:the|its|their)\s+(?:[\w'’.-]+\s+){0,3}?[\w'’-]+\s+(?:began|started|erupted|broke\s+out|set\s+in)\b"
    r"|then|that date|that day|last\s+\w+|early\s+\w+|mid-\w+|the\s+" + _MONTH + r"\s+\d{1,2}\s+attacks?"
    r"|the\s+(?:October|Oct\.?)\s+7(?:th)?\s*(?:attacks?)?|records\s+began))"
    r"|(?P<window>\b(?:in|over|during|within|for|across)\s+(?:just\s+|only\s+)?the\s+(?:past|last|previous|preceding|prior"
    r"|latest)\s+"
    r"(?:(?P<wn>" + _NUMW + r")[\s-]+)?(?P<wu>hours?|days?|nights?|weeks?|months?|quarters?|years?)\b"
    r"|\b(?:in|over|within|from|after)\s+(?P<wn2>\d+|twenty-four|twelve|one|two|three|four|five|six|seven|ten)\s+"
    r"(?P<wu2>hours?|days?|weeks?|months?)\b"
    # ("killed in 21 months of war": since the war began, a running total, not a window; but "in two days of
    # fighting" is one)
    # ("In 380 days of aggression": the days of a war are its whole length so far; "two days of fighting" are two)
    r"(?!(?:(?<=months)|(?<=weeks))\s+of\s+(?:the\s+)?(?:war|fighting|conflict|hostilities|aggression)"
    r"|(?<=days)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:war|conflict|aggression)\b)"
    # ("a rise of 367 cases in the space of a single day")
    r"|\bin\s+the\s+space\s+of\s+(?:a\s+(?:single\s+)?|(?P<wn3>\d+|two|three|four|five|six|seven|ten)\s+)"
    r"(?P<wu3>hours?|days?|weeks?|months?)\b"
    r")"
    r"|(?P<back>\b(?:a|one|two|three|\d+)\s+(?P<bu>day|week|month|year)s?\s+(?:earlier|before|previously"
    # "said on Monday, a day after reporting a total toll of 9,770": that figure is the day before's
    r"|after\s+(?:reporting|announcing|giving|publishing|putting|releasing))\b"
    r"|\bthe\s+(?:previous|prior|preceding)\s+(?P<bu2>day|week|month|year|morning|afternoon|evening|night)\b"
    r"|\bthe\s+(?:day|night|evening|morning)\s+before\b(?!\s+(?:the|a|an|its|their|his|her|last|yesterday)\b)"
    r"|\b(?:on|for)\s+the\s+same\s+day\b"
    r"|\b(?:the\s+same\s+period\s+)?last\s+year\b)"
    r"|(?P<ago>\b(?P<an>" + _NUMW + r")\s+(?P<au>days?|weeks?|months?)\s+ago\b)"
    r"|(?P<wdtoll>\b(?P<wdp>" + _WD + r"|yesterday|today|(?<=the\s)day)(?:'s|’s)\s+(?:\w+\s+)?(?:death\s+)?(?:toll|tally|count|figures?"
    r"|attacks?|strikes?|raids?|bombardment|shelling|violence|fighting|clashes|massacre|assault|bombing|blast"
    r"|explosion|shooting|storm|quake|earthquake|flood|floods|fire))"
    r"|(?P<weekday>\b(?:(?P<wmod>last|this|on|by|late|early|until|till|through|next|as\s+of|up\s+to|" + _CLOCK_CUE
    + r")\s+)?(?P<wd>" + _WD + r")\b"
    r"(?:\s+(?:night|morning|afternoon|evening))?)"
    r"|(?P<md>\b(?:(?P<mmod>" + _CLOCK_CUE + r"|on|by|until|till|through|up\s+to|as\s+of|as\s+at|at\s+the\s+end\s+of"
    r"|during|in|next"
    # ("as at the evening of October 18th": the cue still governs the day; "by the evening of June 20" may end a
    # day's count)
    r"|as\s+(?:of|at)\s+the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?(?:the\s+)?(?P<mdx>" + _MD + r"))"
    r"|(?P<month>\b(?P<mpre>in|during|throughout|by|until|through|before|last|as\s+(?:of|at)|(?:by|at|until|before|in|to|as\s+of|as\s+at)\s+the\s+end\s+of"
    r"|(?:in|at)\s+the\s+(?:start|beginning|middle)\s+of|in\s+(?:early|mid|late)[\s-]?|(?:in|during|throughout)\s+the\s+month\s+of)\s*(?-i:(?P<mname>" + _FULL_MONTH
    + r"))(?:,?\s+(?P<my>\d{4})|\s+(?:of\s+)?(?P<mlast>last\s+year))?\b(?!\s+\d))"
    r"|(?P<yearend>\b(?:by|at|until|to|as\s+of|as\s+at)\s+the\s+end\s+of\s+(?:19|20)\d{2}\b)"
    r"|(?P<year>\b(?:in|during|throughout|over)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:the\s+)?(?:whole|entire|all)\s+(?:of\s+)?)?"
    r"(?:19|20)\d{2}\b(?!\s*[-–/]\s*\d))"
    r"|(?P<weekend>\b(?:over|during|at|this|last)\s+(?:the\s+)?weekend\b)"
    # days of a fixed date everywhere: "killed 13 people on Christmas day"
    r"|(?P<holiday>\b(?:on\s+)?(?P<hol>Christmas\s+(?:day|eve)|New\s+Year['’]s\s+(?:day|eve)|Boxing\s+day)\b)"
    r"|(?P<deictic>\b(?:yesterday|today|tonight|overnight|(?:during|in|through)\s+the\s+night|last\s+night"
    r"|this\s+morning|this\s+week"
    r"|earlier\s+this\s+week|last\s+week|last\s+month|this\s+month|earlier\s+this\s+month|now|currently"
    r"|as\s+of\s+now|at\s+present|so\s+far|to\s+date|thus\s+far|as\s+yet)\b)"
    r"|(?P<cum>\b(?:in\s+total|in\s+all|overall|altogether|a\s+total\s+of|the\s+total|total(?:ling|ing)?|cumulative"
    # "wounded in more than 14 months of war": since the war began (but "in two days of fighting" is a window)
    r"|(?:in|during|over|after)\s+(?:the\s+(?:first\s+|past\s+|last\s+)?)?(?:(?:more\s+than|nearly|almost|about|over|some|roughly)\s+)?(?:\d+|[a-z]+)\s+"
    r"(?:weeks|months|years)\s+of\s+(?:the\s+)?(?:war|fighting|conflict|hostilities|bombardment|siege|offensive)"
    r"|already|running\s+total|(?:bringing|taking|pushing|raising)\s+(?:the|its|their)\s+(?:[\w'’]+\s+){0,5}?"
    r"(?:number|total|toll|tally|count)"
    r"|(?:put|puts|putting|placed|places|placing|estimated)\s+(?:the|its|their)\s+(?!(?:weekly|daily|monthly)\s)"
    r"(?:[\w'’-]+\s+){0,3}?"
    r"(?:toll|figure|number|tally|count|total)\b(?:[^.;]{0,60}?\bat\b)?"
    r"|(?:gave|given|giving|gives)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:toll|tally|count|total)\s+as\b"
    r"|(?:death\s+)?toll\b(?:[^.;,]|\.\d){0,100}?\b(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|jumped"
    r"|gone\s+(?:past|over|above)|went\s+(?:past|over|above)|crossed|exceeded|exceeds|tops|passes"
    r"|increased|passed|surpassed|topped|hit|hits|nears|neared|surpasses|soars|soared|took|takes|at(?!\s+(?:least|most))|to)"
    r"|(?:number|tally|count|total)\s+of\s+(?:\w+\s+){0,3}?(?:killed|dead|deaths|wounded|injured|displaced|detained"
    r"|arrested|missing|people|fatalities)\b(?:[^.;]{0,40}?|[^.;,]{41,120}?)\b(?:rose|risen|climbed|reached|stood|stands|jumped"
    r"|increased|to|at)"
    r"|(?:number|tally|total)\s+(?:killed|dead|arrested|detained|displaced|wounded))\b)"
    r"|(?P<intv>\b(?:(?:in|during|over)\s+the\s+(?:first|second|last)\s+half\s+of\s+(?-i:" + _FULL_MONTH + r")(?:\s+\d{4})?"
    r"|(?:in|during|over)\s+the\s+(?:first|second|third|fourth|final|last|latest)\s+(?:quarter|half"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+months)(?:\s+of\s+(?:the\s+|this\s+|last\s+)?"
    r"(?:year|\d{4}))?|(?:last|this)\s+(?:summer|winter|spring|autumn)"
    r"|on\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|last|final)\s+day\s+of"
    r"|(?:put|puts|putting|placed)\s+(?:the|its|their)\s+(?:weekly|daily|monthly)\s+(?:toll|figure|number|tally|count|total)"
    r"|(?:in|during|over|within)\s+the\s+first\s+(?:\w+\s+)?(?:days?|hours?|nights?|weeks?|months?)"
    r"|during\s+an?\s+(?:\w+[\s-])?(?:day|week|month|hour|night)(?:-long)?\s+(?:raid|operation|offensive|siege"
    r"|campaign|assault|battle|crackdown|truce|ceasefire|pause)"
    r"|in\s+the\s+(?:\d+|twenty-four|forty-eight|seventy-two)\s+hours\s+(?:after|since|to|before|following|until)"
    r"|in\s+(?:a|one)\s+single\s+(?:morning|night|hour|afternoon|evening|week|weekend|attack|strike)"
    r"|(?:between|from)\s+(?-i:" + _FULL_MONTH + r")(?:\s+\d{4})?\s+(?:and|to|through|until)\s+(?:the\s+end\s+of\s+)?(?-i:" + _FULL_MONTH
    + r")(?:\s+\d{4}|\s+(?:of\s+)?last\s+year)?"
    r"|daily|per\s+day|a\s+day(?!\s+(?:after|before|later|earlier|ago))|each\s+day|every\s+day|in\s+a\s+single\s+day|on\s+a\s+single\s+day"
    r"|(?:a|per|each|every)\s+month(?!['’]s|-long|\s+(?:ago|after|before|later|earlier|since|into|of|long))|monthly"
    r"|(?:during|over|throughout)\s+the\s+day"
    # a window named before: "354 were wounded in the same period", "17 deaths during the week"
    r"|(?:in|over|during|within)\s+the\s+same\s+(?:period|time\s*frame|(?:\d+|twenty-four|24)[\s-]hours?|hours|days?|week)"
    r"(?!\s+(?:(?:a|last|the\s+previous)\s+year|in\s+\d{4}))"
    r"|during\s+the\s+(?:week|weekend|night)"
    # the month named before: "583 deaths were notified from 14 countries during the month"
    r"|(?:in|during|over|throughout)\s+(?:the|that)\s+(?:same\s+)?month\b(?!['’]s|-|\s+(?:of|before|after|ago|earlier|since))"
    # a bulletin's own week: "In the week under review, 15 states reported 1,825 suspected cases"
    r"|(?:in|during|for|over)\s+the\s+(?:(?:reporting|epidemiological|epi)\s+week|week\s+under\s+review)"
    # "recorded in recent hours", "surveillance data for the week"
    r"|in\s+(?:recent|the\s+last\s+few|the\s+past\s+few)\s+(?:hours|days)|for\s+the\s+(?:week|day)\b"
    # one event's count: "killed 150 people in an attack near Dassa", "released 205 prisoners in an exchange"
    # (not an ongoing one: "in the clashes, which began on Oct. 7", "in the fighting")
    # (a headline leaves the article out: "Four killed in Israeli raid on Jenin")
    r"|(?:in|during)\s+(?:(?:an?|the|one|a\s+single)\s+)?(?:[\w-]+\s+){0,2}?(?:" + event_nouns("incidents", "exchanges", plural=False)
    # (one: "killed in Israeli attacks" is the war's count, not one event's)
    + r")\b(?!,?\s+(?:which|that)\s+(?:began|started))"
    r"|in\s+one\s+day|a\s+week|per\s+week|each\s+week|in\s+the\s+latest\s+\w+|latest\s+wave)\b)",
    re.I)
_DISASTER_END_RE = re.compile(r"\b(?:" + event_nouns("disasters") + r")$", re.I)
_TIME_STARTS = (
    set(WEEKDAYS) | set(MONTHS) | set(_WORDNUM)
    | {"between", "from", "since", "in", "over", "during", "within", "for", "across", "the", "last", "few", "several",
       "couple", "yesterday", "today", "this", "on", "by", "late", "early", "until", "till", "through", "next", "as",
       "tonight", "overnight", "earlier", "now", "currently", "at", "so", "to", "thus", "overall", "altogether",
       "total", "totalling", "totaling", "cumulative", "already", "running", "bringing", "death", "toll", "number",
       "tally", "count", "daily", "monthly", "per", "each", "every", "latest", "twenty", "thirty", "throughout", "before",
       "weekend", "day", "taking", "pushing", "raising", "put", "puts", "putting", "placed", "places", "placing",
       "estimated", "up", "christmas", "new", "boxing", "gave", "given", "giving", "gives"})
# necessary conditions for a match at the most frequent start words (read off TIME_RE's alternatives
# that can start there): most candidate starts fail these at once, before the big pattern is tried
_MON3 = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# (possessive "\d++": no digit follows the digits, so giving some back cannot help)
_TIME_GUARDS = {
    "digits": r"\d++(?:-|–|(?:st|nd|rd|th)?\s*(?:and|to|until|through)\s+\d|(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MON3
              + r"|day|week|month|year))",
    "the": r"the\s+(?:\d|" + _MON3 + r"|previous|prior|preceding|day|night|evening|morning|same|total)",
    "in": r"in\s+(?:the\s|just\s|only\s|\d|twe|two|thr|fou|fiv|six|sev|ten|total|all|a\s|an\s|one|early|mid|late|more|nearly|almost|about|over|some|roughly|recent|" + _MON3
          # (a headline's event without its article: "killed in Israeli raid")
          + r"|(?:[\w-]+\s+){0,2}?(?:" + event_nouns("incidents", "exchanges", plural=False) + r")\b)",
    "to": r"to\s+date",
    "up": r"up\s+to\s+(?:the\s+)?(?:\d|" + _MON3 + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    "a": r"a\s+(?:day|week|month|year|total)",
    "from": r"from\s+(?:\d|" + _MON3 + r"|mon|tue|wed|thu|fri|sat|sun|one|two|three|four|five|six|seven|ten|twe)",
    "for": r"for\s+(?:the|just|only)\s",
    "as": r"as\s+(?:of|at|yet)",
    "at": r"at\s+(?:present|the\s+(?:end|start|beginning|middle|weekend))",
    "by": r"by\s+(?:the\s|\d|mon|tue|wed|thu|fri|sat|sun|" + _MON3 + r")",
    "count": r"count\s+of",
    "day": r"day(?:'s|’s)\s",
}
# each start is tried with the alternatives of TIME_RE that can start there only (lastgroup is kept)
TIME_SCAN = Anchored(TIME_RE, _TIME_STARTS, digits=True,
                     guards={k: re.compile(g, re.I) for k, g in _TIME_GUARDS.items()},
                     by_word=split_by_start(TIME_RE, _TIME_STARTS | {"digits"}))


@dataclass(slots=True)
class TimePhrase:
    start: int
    end: int
    kind: str  # point | since | window | range | back | now | month | cumulative | interval
    as_of: dt.date | None = None
    since: dt.date | None = None
    period: str | None = None  # interval | cumulative | None
    days_back: float | None = None  # for "back" phrases: days before the anchor date
    # "overnight", "yesterday": days before the day the statement was made (when that is not the
    # publication date: "struck 200 targets overnight, the army said on Thursday")
    days_before_statement: int | None = None
    text: str = ""
    until: dt.date | None = None  # for "month" phrases: the last day of the month or year named (so far)


def _count(word: str | None) -> float | None:
    if not word:
        return 1
    w = _SPACES_RE.sub(" ", word.lower())
    if w.isdigit():
        # (no window or distance of a news figure spans more than a few thousand of anything: "in the past
        # 99999999999999999999 hours" is no date to compute)
        return int(w) if len(w) <= 4 else None
    if w in ("few", "several", "couple of"):
        return None
    if w == "twenty-four":
        return 24
    return _WORDNUM.get(w)


def _md(s: str, published: dt.date | None, ahead: bool = True) -> tuple[dt.date | None, bool]:
    """Resolve a month-day phrase ("Oct. 7", "7 October 2023"). Returns (date, is_future)."""
    return days.month_day(s, published, ahead=ahead)


_MONTH_RANGE_RE = re.compile(r"(?:between|from)\s+(?P<m1>[A-Za-z]+)(?:\s+(?P<y1>\d{4}))?\s+(?:and|to|through|until)\s+"
                             r"(?:the\s+end\s+of\s+)?(?P<m2>[A-Za-z]+)"
                             r"(?:\s+(?P<y2>\d{4})|\s+(?:of\s+)?(?P<last>last\s+year))?$", re.I)
_YEAR_PART_RE = re.compile(r"(?:in|during|over)\s+the\s+(?P<ord>first|second|third|fourth)\s+(?P<part>quarter|half"
                           r"|(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)\s+months)\s+of\s+"
                           r"(?:(?P<this>the\s+year|this\s+year)|(?P<y>\d{4}))$", re.I)
_MONTH_HALF_RE = re.compile(r"(?:in|during|over)\s+the\s+(?P<ord>first|second|last)\s+half\s+of\s+(?P<mon>[A-Za-z]+)"
                            r"(?:\s+(?P<y>\d{4}))?$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11}


def _stretch_of_year(phrase: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of "between January and June" or "the first half of the year/2024" when that
    stretch has ended by ``published``; None otherwise (a stretch still running or to come has no last day
    to date a figure on)."""
    try:
        return _stretch(_SPACES_RE.sub(" ", phrase.strip()), published)
    except ValueError:
        return None  # a year no date can hold ("the first half of 0000")


def _stretch(phrase: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    m = _MONTH_RANGE_RE.match(phrase)
    if m:
        a, b = MONTHS.get(m.group("m1").lower()), MONTHS.get(m.group("m2").lower())
        if a is None or b is None:
            return None
        if m.group("y2"):
            y2 = int(m.group("y2"))
        elif published is None:
            return None
        elif m.group("last"):
            y2 = published.year - 1  # "between July and October last year"
        else:
            y2 = published.year if b <= published.month else published.year - 1
        y1 = int(m.group("y1")) if m.group("y1") else (y2 if a <= b else y2 - 1)
        first, last = dt.date(y1, a, 1), dt.date(y2, b, calendar.monthrange(y2, b)[1])
    elif _MONTH_HALF_RE.match(phrase):
        # "in the first half of August": the 1st to the 15th
        m = _MONTH_HALF_RE.match(phrase)
        mon = MONTHS.get(m.group("mon").lower())
        if mon is None or (published is None and not m.group("y")):
            return None
        y = int(m.group("y")) if m.group("y") else (published.year if mon <= published.month else published.year - 1)
        last_day = calendar.monthrange(y, mon)[1]
        first, last = ((dt.date(y, mon, 1), dt.date(y, mon, 15)) if m.group("ord").lower() == "first"
                       else (dt.date(y, mon, 16), dt.date(y, mon, last_day)))
    else:
        m = _YEAR_PART_RE.match(phrase)
        if not m or (m.group("this") and published is None):
            return None
        y = int(m.group("y")) if m.group("y") else published.year
        k = _ORDINALS[m.group("ord").lower()]
        part = m.group("part").lower()
        if part == "half":
            if k > 2:
                return None
            a, b = (1, 6) if k == 1 else (7, 12)
        elif part == "quarter":
            a, b = 3 * k - 2, 3 * k
        else:
            n = m.group("n").lower()
            months = int(n) if n.isdigit() else _COUNTS[n]
            if k != 1 or not 1 <= months <= 12:
                return None
            a, b = 1, months
        first, last = dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1])
    if published is not None and last > published or first > last:
        return None
    return first, last


def _month_end(name: str, year: str | None, pre: str, published: dt.date | None, by: bool
               ) -> tuple[dt.date | None, bool]:
    """The day a named month ends ("in June": its last day; "in early June": the 10th; the current
    month: the publication date). Returns (date, is_future); ``by``: "by June", a deadline, is in
    the future when June is later in the year than the publication."""
    last, fut = days.month(f"{name} {year}" if year else name, published, deadline=by, ahead=pre != "last")
    if last is None:
        return None, fut
    if pre == "last" and published is not None and not year and (last.year, last.month) == (published.year,
                                                                                              published.month):
        # "last June" in June: the June of the year before
        last = last.replace(year=last.year - 1, day=calendar.monthrange(last.year - 1, last.month)[1])
    day = days.day_within_month(pre)
    return days.current_month_so_far(last if day is None else last.replace(day=day), published), False


def _dateparser(phrase: str, published: dt.date | None) -> dt.date | None:
    """A whole phrase as dateparser reads it, if it names a day on or before ``published``."""
    if days.is_day_of_month_alone(phrase):
        return days.day_of_month_alone(phrase, published)  # (dateparser reads "the 4th" as April)
    got = days.parse_day(days.day_number_in_words(phrase), published)
    if got is None or published is None or got[0] > published:
        return None
    return got[0]


_EDGE = " \t\n,.;:!?\"'()"


def resolve_date(phrase: str, published: dt.date | None) -> dt.date | None:
    """Resolve one date phrase ("on Tuesday", "Oct. 7", "yesterday") against ``published``.

    A date phrase found over the whole of ``phrase`` is resolved as in a text (with the rules of
    :mod:`.days`); otherwise dateparser reads the whole ("the day before yesterday", "Dec. 31, 1994"
    with its year), and a date phrase found inside it is the last resort."""
    found = [p for p in find_time_phrases(phrase, 0, len(phrase), published)
             if p.as_of is not None or p.since is not None]
    lo, hi = len(phrase) - len(phrase.lstrip(_EDGE)), len(phrase.rstrip(_EDGE))
    for p in found:
        if p.start <= lo and p.end >= hi:
            return p.as_of or p.since
    whole = _dateparser(phrase, published)
    if whole is not None or not found:
        return whole
    return found[0].as_of or found[0].since


# "the lowest since 2001", "the first time since", "its worst drought since": a comparison, not a
# counting period
_COMPARISON_BEFORE_RE = re.compile(
    r"(?:\b(?:the|its|their|his|her|a|an|this|that)\s+(?:[\w'’-]+\s+)?(?:\w{2,}est|most|least|first|worst|best|only"
    r"|record)\b|\bany\s+(?:time|point|year|month)|\b(?:not|never)\s+(?:been\s+)?seen|\bunseen|\bunprecedented)"
    r"\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_TOLL_OF_WINDOW_RE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:past|last|first)\s+)?(?:\d+|one|two|three|four|five|six|seven"
                                r"|several|a\s+few)\s+(?:days?|hours?|nights?|weeks?)\s+of\b", re.I)
_SUBSET_BEFORE_RE = re.compile(r"\b(?:most|many|some|half|much|the\s+majority)\s+of\s+(?:them|those|which|whom|it)\s+$",
                               re.I)
# a superlative a "since" compares with: "the deadliest attack since 2018", "its worst flooding in years since"
_SUPERLATIVE_BEFORE_RE = re.compile(r"\b(?:deadliest|worst|largest|biggest|highest|lowest|heaviest|strongest|bloodiest"
                                    r"|greatest)\b[^.;,]{0,50}$", re.I)
_EVENT_CLAUSE_AFTER_RE = re.compile(r"\s*,?\s*(?:when|which|that|in\s+which)\b", re.I)
# (not a bound's "than": "killing more than 800 people last year" counts that year)
_COMPARED_BEFORE_RE = re.compile(r"\b(?:compared|than(?!\s+(?:about\s+|some\s+)?\d)|from|versus|vs)\b[^.;]*$", re.I)
# "in the clashes, which began on Oct. 27": the day a process began starts the period too (but not in
# "The war began on Oct. 7, when gunmen killed 1,200", where the day dates the figure)
_BEGAN_RE = re.compile(r"\b(?:which|that)\s+(?:\w+\s+)?(?:began|begun|started|erupted|broke\s+out)\s+$", re.I)
_SPAN_AFTER_BEFORE_RE = re.compile(r"\b(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?|years?)"
                                   r"\s+(?:after|since|before)\s+(?:the\s+)?$"
                                   # "launched after the Hamas attack of Oct. 7": the day of an earlier event
                                   r"|\b(?:launched|begun|began|started|came|comes|triggered|sparked)\s+(?:after|following)"
                                   r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:of|on)\s+$", re.I)
# "in 14 months of war between Israel and Hamas, triggered by the group's October 7 attack": the day the war
# began, not the figures' (but "floods triggered by the storm last weekend" is the floods' own day)
_WAR_TRIGGERED_BEFORE_RE = re.compile(
    r"\b(?:war|conflict|crisis|offensive|fighting|hostilities|campaign)\b[^.;]{0,50}?\s+(?:triggered|sparked|started"
    r"|prompted|set\s+off)\s+by\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_TOLL_OF_BEFORE_RE = re.compile(r"\b(?:toll|tally)\s+(?:from|in|of|for)\s+(?:the\s+)?$", re.I)
_AFTER_THE_BEFORE_RE = re.compile(r"\b(?:after|since|following)\s+(?:the\s+)?$", re.I)
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "boxing day": (12, 26)}
_RISE_BY_AFTER_RE = re.compile(r"\s+by\s+(?!the\b|a\b|an\b)", re.I)
_INCLUDES_AFTER_RE = re.compile(r"\s+(?:also\s+)?(?:includes?|included)\b", re.I)
_AS_OF_BEFORE_RE = re.compile(r"\bas\s+of\s+$", re.I)
_BY_BEFORE_RE = re.compile(r"\b(?:by|until|through)\s+$", re.I)
# a date inside a "since ..." clause starts the period: "since the invasion began on Feb. 24"
_SINCE_CLAUSE_RE = re.compile(r"\bsince\b[^,;.!?()\"“”]{0,100}$", re.I)


# a capitalised word just before, in mid-sentence: "the channel Al-Quds Today" (not "... said. Today, ...")
_NAME_WORD_BEFORE_RE = re.compile(r"(?<![.!?:]\s)(?<![.!?:])\b[A-Z][\w'’-]*\s+$")


def _since_clause(text: str, a: int, b: int) -> bool:
    window = text[a:b]
    # (re.I folds a few non-ASCII letters onto ASCII ones: no substring shortcut for non-ASCII text)
    return (not window.isascii() or "since" in window.lower()) and bool(_SINCE_CLAUSE_RE.search(text, a, b))


def find_named_days(text: str, lo: int, hi: int, published: dt.date | None) -> list[TimePhrase]:
    """Every day and start named in ``text[lo:hi]``, also those :func:`find_time_phrases` drops as governing no
    figure ("the largest rescue since October 7", "the war, set off by the attacks of October 7"): the day of
    a "when" or "which" clause that follows them is still that clause's event's."""
    return [p for p in _find_time_phrases(text, lo, hi, published) if p.kind in ("point", "since")]


def find_time_phrases(text: str, lo: int, hi: int, published: dt.date | None) -> list[TimePhrase]:
    out = _find_time_phrases(text, lo, hi, published)
    for i, p in enumerate(out):
        if p.kind == "since" and _COMPARISON_BEFORE_RE.search(text, max(lo, p.start - 60), p.start):
            out[i] = None
        elif p.kind == "point" and (_SPAN_AFTER_BEFORE_RE.search(text, max(lo, p.start - 40), p.start) or (
                "by" in text[max(lo, p.start - 40):p.start]
                and _WAR_TRIGGERED_BEFORE_RE.search(text, max(lo, p.start - 110), p.start))):
            out[i] = None  # "a year after the Oct. 7 attack": a day to count from, not the figures' date
        elif p.kind == "cumulative" and _RISE_BY_AFTER_RE.match(text, p.end):
            # "the death toll rose by at least three dozen overnight": the rise, not the toll
            out[i] = TimePhrase(p.start, p.end, "interval", period="interval", text=p.text)
        elif p.kind == "cumulative" and _INCLUDES_AFTER_RE.match(text, p.end) and any(
                q is not None and q.kind in ("window", "point") and q.period == "interval" for q in out[i + 1:]):
            # "the total includes 156 deaths in the past 24 hours": a part of the total of a window of its own
            out[i] = None
        elif p.kind == "cumulative" and "from" in p.text and _TOLL_OF_WINDOW_RE.search(p.text):
            # "the death toll from two days of strikes had reached 558": the toll of that window
            out[i] = TimePhrase(p.start, p.end, "interval", period="interval", text=p.text)
        elif p.kind in ("window", "point") and _SUBSET_BEFORE_RE.search(text, max(lo, p.start - 30), p.start):
            # "..., most of them in the past three weeks", "most of them on 7 October": a part's, not the total's
            out[i] = None
        elif (p.kind == "point" and p.as_of is not None or p.kind == "month" and p.since is not None) \
                and (_since_clause(text, max(lo, p.start - 100), p.start)
                     or _BEGAN_RE.search(text, max(lo, p.start - 40), p.start)
                     # "the death toll from Saturday's bombing rose to 27": the day the count starts
                     or _TOLL_OF_BEFORE_RE.search(text, max(lo, p.start - 30), p.start)):
            start = p.as_of if p.kind == "point" else p.since
            out[i] = TimePhrase(p.start, p.end, "since", since=start, period="cumulative", text=p.text)
            # the event phrase the date belongs to ("since the invasion") carries no date of its own
            for j in range(i):
                q = out[j]
                if q is not None and q.kind == "since" and q.since is None and q.end <= p.start:
                    out[j] = None
    # "on June 12 and June 13 last week": the week only places the days named before it
    for i in range(1, len(out)):
        p, q = out[i], out[i - 1]
        if p is not None and q is not None and p.kind == "point" and q.kind == "point" and q.as_of is not None \
                and p.text.lower() in ("last week", "this week", "last month", "this month") \
                and not text[q.end:p.start].strip(" ,"):
            out[i] = None
    return [p for p in out if p is not None]


def _find_time_phrases(text: str, lo: int, hi: int, published: dt.date | None) -> list[TimePhrase]:
    out: list[TimePhrase] = []
    for m in TIME_SCAN.finditer(text, lo, hi):
        kind = m.lastgroup
        p = TimePhrase(m.start(), m.end(), "point", text=m.group(0))
        g = m.group
        # every alternative is a named group that matches text: the one that matched is lastgroup
        if kind == "range":
            b, fut = _md(g("r2"), published)
            # (the first day is the last one before the second: "from Dec. 20 to Jan. 3, 2024")
            a, _ = _md(g("r1"), b or published, ahead=False)
            p.kind, p.since, p.as_of, p.period = "range", a, (None if fut else b), "interval"
        elif kind == "dayrange":
            # "between 20 and 27 August", "Aug. 20-27": the last day dates the figures, the first starts them
            mon, y = (g("dm1"), g("dy1")) if g("dm1") else (g("dm2"), g("dy2")) if g("dm2") else (g("dm3"), g("dy3"))
            d1, d2 = (g("d1"), g("d2")) if g("dm1") else (g("d3"), g("d4")) if g("dm2") else (g("d5"), g("d6"))
            b, fut = _md(f"{mon} {d2}" + (f", {y}" if y else ""), published)
            a, _ = _md(f"{mon} {d1}" + (f", {y}" if y else ""), published)
            if not (a and b) or fut or a > b:
                continue
            p.kind, p.since, p.as_of, p.period = "range", a, b, "interval"
        elif kind == "wdrange":
            # "between Sunday and Tuesday": the last such Tuesday, counted from the Sunday before it
            p.kind, p.period = "range", "interval"
            if published:
                b = days.weekday(g("wr2"), published)
                p.as_of = b
                p.since = days.weekday(g("wr1"), b)
        elif kind == "since":
            if "est " in text[max(lo, m.start() - 60):m.start()] \
                    and _SUPERLATIVE_BEFORE_RE.search(text, max(lo, m.start() - 60), m.start()) \
                    and not _EVENT_CLAUSE_AFTER_RE.match(text, m.end(), hi):
                # "Pakistan's deadliest attack since 2018": a comparison, not the window of the figure (but "the
                # largest rescue since October 7, when gunmen stormed ...": that day dates its clause's event)
                continue
            p.kind, p.period = "since", "cumulative"
            sx = g("sx")
            mdm = re.search(_MD, sx) if _DIGIT_RE.search(sx) else None
            if mdm:
                p.since = _md(mdm.group(0), published, ahead=False)[0]
            elif published and _YEAR_START_RE.search(sx):
                p.since = dt.date(published.year, 1, 1)
            elif published and re.fullmatch(_WD, sx):
                p.since = days.weekday(sx, published, before=True)
            elif published and re.fullmatch(_MONTH + r"(?:\s+\d{4})?", sx):
                p.since = days.month(sx, published, first=True, ahead=False)[0]
            elif _YEAR_RE.fullmatch(sx):
                p.since = dt.date(int(sx), 1, 1) if 1 <= int(sx) <= 9999 else None
        elif kind == "window":
            n = _count(g("wn") or g("wn2") or g("wn3"))
            unit = (g("wu") or g("wu2") or g("wu3")).lower().rstrip("s")
            p.kind, p.period = "window", "interval"
            p.days_back = None if n is None else max(1, round(n * _UNITS[unit]))
        elif kind == "back":
            unit = (g("bu") or g("bu2") or "day").lower()
            txt = m.group(0).lower()
            if "last year" in txt:
                # "died last year" is a count over that year; "compared with 900 last year" only dates
                # a figure compared with another
                compared = _COMPARED_BEFORE_RE.search(text, max(lo, m.start() - 40), m.start())
                if compared or "same period" in txt:
                    p.kind, p.period = "back", None
                    p.days_back = 365
                else:
                    # a window of its own, like "in 2023": "Last year the IOM recorded 2,406 deaths"
                    p.kind, p.period = "month", "interval"
                    p.since = dt.date(published.year - 1, 1, 1) if published else None
                    p.until = dt.date(published.year - 1, 12, 31) if published else None
            elif "same day" in txt:
                p.kind, p.period = "back", None
                p.days_back = 0  # "counted only 223 for the same day": the day of the figure before
            else:
                n = _count(_FIRST_WORD_RE.match(txt).group(1)) if g("bu") else 1
                # "1,644 a day earlier" only dates a figure; whether it is a total comes from the
                # figure it is compared with
                p.kind, p.period = "back", None
                p.days_back = (n or 1) * _UNITS[unit]
        elif kind == "ago":
            n = _count(g("an"))
            unit = g("au").lower().rstrip("s")
            p.kind, p.period = "point", "interval"
            if published and n:
                p.as_of = days.relative_day(m.group(0), published)
        elif kind == "wdtoll":
            w = g("wdp")
            p.kind, p.period = "point", "interval"
            if published and w.lower() not in ("day", "today") and _DISASTER_END_RE.search(m.group(0)):
                # "480 people died in Saturday's earthquake": a disaster's toll keeps being counted from its day
                p.kind, p.period, p.since = "since", "cumulative", (
                    days.relative_day(w, published) if w.lower() == "yesterday" else days.weekday(w, published))
            elif published:
                if w.lower() == "day":
                    p.as_of = published  # ("the day's death toll": the day of the report)
                elif w.lower() in ("yesterday", "today"):
                    p.as_of = days.relative_day(w, published)
                else:
                    p.as_of = days.weekday(w, published)
        elif kind == "weekday":
            mod = (g("wmod") or "").lower()
            if mod == "next":
                continue
            mod = _SPACES_RE.sub(" ", mod)
            # (a modifier with digits is a cut-off at an hour: "as of 8 a.m. Monday")
            by = mod in ("by", "until", "till", "through", "as of", "up to") or any(ch.isdigit() for ch in mod) or (
                mod in ("late", "early") and _BY_BEFORE_RE.search(text, max(lo, m.start() - 8), m.start()))
            p.kind, p.period = "point", ("cumulative" if by else "interval")
            p.as_of = days.weekday(g("wd"), published, before=mod == "last")
        elif kind == "md":
            if (g("mmod") or "").lower() == "next":
                continue
            # "the Oct. 7 raid", "Friday's attack": a day naming an event that happened looks back, whatever
            # month it is now; and "by" there is the passive's agent ("set off by the Oct. 7 raid"), no deadline
            event = _EVENT_NOUN_AFTER_RE.match(text, m.end()) is not None
            d, fut = _md(g("mdx"), published, ahead=not (event or _told_as_past(text, lo, hi, m.start(), m.end())))
            if fut:
                continue
            # ("as at 15 September", "at the end of 14 September": a total as it stood that day)
            by = not event and (g("mmod") or "").lower().split()[0:1] in (["by"], ["until"], ["till"], ["through"], ["as"], ["up"],
                                                                        ["at"])
            p.kind, p.period, p.as_of = "point", ("cumulative" if by else "interval"), d
        elif kind == "month":
            # "killed 52 people in June": a count over that month (since, until); the claims pass dates a
            # count of a month over by then at its last day, while a rate for August reported on Sept. 11
            # stays as of Sept. 11; "by the end of January" names the day itself.
            pre = _SPACES_RE.sub(" ", g("mpre").lower())
            by = pre.split()[0] in ("by", "until", "through", "before", "to", "as")
            year = g("my") or (str(published.year - 1) if g("mlast") and published else None)  # "in May last year"
            d, fut = _month_end(g("mname"), year, pre, published, by)
            if fut:
                continue  # "by December" in February: a projection, not a date the figure refers to
            p.kind, p.period = "month", ("cumulative" if by else "interval")
            # ("as of May 2024": a stock as it stood when the month closed)
            p.as_of = d if "end of" in pre or pre.startswith("as") else None
            p.since = d.replace(day=1) if d else None  # the period, should a "since" clause hold it
            p.until = d
        elif kind == "yearend":
            # "At the end of 2023, the UN estimated ...": a stock as of the year's last day
            y = int(_YEAR_RE.search(m.group(0)).group(0))
            if published is not None and y >= published.year:
                continue
            p.kind, p.period, p.as_of = "point", "cumulative", dt.date(y, 12, 31)
        elif kind == "year":
            # "killed 25,000 people in 2023": a count over that year, stated on the day it was stated
            p.kind, p.period = "month", "interval"
            y = int(_YEAR_RE.search(m.group(0)).group(0))
            if published is not None and y > published.year:
                continue
            p.since = dt.date(y, 1, 1)
            p.until = dt.date(y, 12, 31) if published is None or y < published.year else published
        elif kind == "holiday":
            if _AFTER_THE_BEFORE_RE.search(text, max(lo, m.start() - 12), m.start()):
                continue  # "after the New Year's Day earthquake": a day to count from, not the figures'
            month, day = _HOLIDAYS[_SPACES_RE.sub(" ", g("hol").lower()).replace("’", "'")]
            p.kind, p.period = "point", "interval"
            if published:
                d = dt.date(published.year, month, day)
                p.as_of = d if d <= published else dt.date(published.year - 1, month, day)
        elif kind == "weekend":
            p.kind, p.period = "point", "interval"
            if published:
                # the weekend just past (the day itself when published on a Saturday or Sunday)
                last = m.group(0).lower().startswith("last")
                p.as_of = published if published.weekday() >= 5 and not last else days.weekday(
                    "sunday", published, before=last and published.weekday() >= 5)
        elif kind == "deictic":
            if m.group(0)[:1].isupper() and _NAME_WORD_BEFORE_RE.search(text, max(lo, m.start() - 30), m.start()):
                continue  # a word of a name, not a day: "the channel Al-Quds Today", "USA Today"
            w = _SPACES_RE.sub(" ", m.group(0).lower())
            if w.endswith(" the night"):
                w = "overnight"
            p.kind = "now"
            if w in ("yesterday", "last night"):
                # ("as of yesterday": the standing total of that day)
                p.kind, p.period = "point", "cumulative" if _AS_OF_BEFORE_RE.search(text, max(lo, m.start() - 8),
                                                                                   m.start()) else "interval"
                p.as_of = days.relative_day(w, published)
                p.days_before_statement = 1
            elif w in ("overnight", "today", "tonight", "this morning"):
                p.kind, p.period, p.as_of = "point", "interval", published
                p.days_before_statement = 0
            elif w == "last week":
                p.kind, p.period = "point", "interval"
                p.as_of = days.relative_day(w, published)
            elif w in ("last month",):
                # the calendar month before: "Last month a raid killed 12", like "in August"
                p.kind, p.period = "month", "interval"
                if published is not None:
                    p.until = published.replace(day=1) - dt.timedelta(days=1)
                    p.since = p.until.replace(day=1)
            elif w in ("this week", "earlier this week", "this month", "earlier this month"):
                p.kind, p.period, p.as_of = "point", "interval", published
            elif w in ("so far", "to date", "thus far", "as yet"):
                p.kind, p.period, p.as_of = "now", "cumulative", published
            else:
                # "1.7 million people are now displaced": the figure standing today, a running total
                p.period, p.as_of = "cumulative", published
        elif kind == "cum":
            p.kind, p.period = "cumulative", "cumulative"
        elif kind == "intv":
            p.kind, p.period = "interval", "interval"
            span = _stretch_of_year(m.group(0), published)
            if span is not None:
                # "between January and June", "in the first half of the year": a stretch that has ended
                # dates its figures on its last day, like "between Jan. 1 and Aug. 17"
                p.kind, (p.since, p.as_of) = "range", span
        else:  # pragma: no cover - every alternative is named
            continue
        if kind:
            out.append(p)
    return out
