"""Number phrases: find them in running text and turn them into value / low / high.

Two entry points:

- ``parse_number(phrase)`` turns one phrase ("over 27,000", "a quarter", "25,000 to 30,000",
  "tens of thousands", "$2.1bn", "85%") into a :class:`NumberSpan` or ``None``.
- ``find_numbers(text)`` scans a text and returns every number phrase with offsets; phrases
  that are not claims (years, dates, clock times, ages, ordinals, durations, identifiers such as
  "Resolution 2334" or "F-16", measurements, numbers inside URLs) carry a ``skip`` reason.

Units (``NumberSpan.unit``):

- ``count``: a counted quantity ("27,000 Palestinians", "dozens", "a dozen").
- ``percent``: "85%", "8 per cent" (value as written: 85, not 0.85).
- ``percentage_point``: "0.2 percentage points".
- ``fraction``: a proportion in 0..1 ("a quarter" = 0.25, "one in three", "the vast majority").
- an ISO 4217 code for money ("$2.1bn" -> ``USD``, "£5m" -> ``GBP``, "€10M" -> ``EUR``).

Qualifiers: ``exact``, ``more_than``, ``at_least``, ``at_most``, ``less_than``,
``approximately``, ``range``, ``vague``. Bounds: ``more_than``/``at_least`` set ``low``,
``at_most``/``less_than`` set ``high``, ``range`` and ``vague`` set both with ``value`` None.

Offsets always refer to the caller's text: non-ASCII digits (Arabic-Indic, Persian, Devanagari,
full-width, ...) are translated one character for one character before matching.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .anchored import Anchored

__all__ = ["NumberSpan", "find_numbers", "parse_number", "normalize_digits", "to_number"]

_WORD_SEP_RE = re.compile(r"[\s-]+")
_SPACES_RE = re.compile(r"\s+")
_SCALE_WORD_AFTER_RE = re.compile(r"^\s+(?:million|billion|thousand)\b", re.I)
_FRACTION_SCALE_AFTER_RE = re.compile(r"^\s+(?:a\s+)?(?P<s>dozen|hundred|thousand|million|billion)\b", re.I)
_FRACTION_CONTEXT_AFTER_RE = re.compile(r"^\s+(?:of\b|the\b|a\b|an\b|their\b|its\b|his\b|her\b|our\b|all\b|them\b)", re.I)
_HALF_QUALIFIER_BEFORE_RE = re.compile(r"(?:than|over|nearly|almost|about|around|roughly|some|under|just|least)\s+$", re.I)
_HALF_ORDINAL_BEFORE_RE = re.compile(r"\b(?:first|second|the|latter|other|in)\s+$", re.I)
_OF_AFTER_RE = re.compile(r"^\s+of\b", re.I)
_ORDINAL_WORD_BEFORE_RE = re.compile(r"\b(?:first|second|third|fourth|last|final|previous|next|the)\s+$", re.I)
_WHOLE_BEFORE_FRACTION_RE = re.compile(r"(?<![\d.,])(\d{1,3})\s+$")
_SCALE_SUFFIX_AFTER_RE = re.compile(r"^\s+(?:dozens|(?-i:bn|mn|mln|bln|tln|tn))\b", re.I)
_PERCENT_OF_BEFORE_RE = re.compile(r"\b(?:percents?|per\s?cent|percentage)\s+of\s+$", re.I)
_NUMBER_END_RE = re.compile(r"[\d%)]\s*$")
_SYMBOL_OPERAND_RE = re.compile(r"[\w)]\s*$")
_BOUNDS_JOIN_RE = re.compile(r"\s*(?:and|but|,)\s*")
_SCALE_WORD_END_RE = re.compile(r"(hundred|thousand|million|billion|trillion)\s*$", re.I)
_SCALE_SUFFIX_END_RE = re.compile(r"\d(bn|mn|mln|bln|tln|tn|mil|MM|[kKmMbBT])$")
_MAGNITUDE_BEFORE_RE = re.compile(r"\b(?:magnitude|Magnitude|scale of|Richter|measuring)\s*$")
_LETTER_START_RE = re.compile(r"^[A-Za-z]")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
_LEADING_ZERO_RE = re.compile(r"0\d+")
_AGE_UNDER_BEFORE_RE = re.compile(r"\b(?:children|kids|aged|those|people|adults|age|ages|youths?|were|are|was|is)\s+"
                                  r"(?:under|below)\s+$", re.I)
_AGE_THAN_BEFORE_RE = re.compile(r"\b(?:younger|older)\s+than\s+$", re.I)
_FRACTION_COMPOUND_AFTER_RE = re.compile(r"^[\s-]+(?:point|mile|inch|hour|century|final|time)", re.I)
_LETTER_BEFORE_RE = re.compile(r"[A-Za-z]-?$")
_PREFIX_HYPHEN_BEFORE_RE = re.compile(r"(?:mid|over|under|about|than|some|around)-$", re.I)
_LETTERS_RE = re.compile(r"(?<![A-Za-z])(?!(?:and|to|of|st|nd|rd|th)\b)[A-Za-z]+")  # the month of a date (not "and", "of")


# --------------------------------------------------------------------------------------------
# Digit normalisation (one character in, one character out, so offsets are preserved)

def _digit_map() -> dict[int, str]:
    zeros = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
             0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10)
    table = {}
    for z in zeros:
        for i in range(10):
            table[z + i] = str(i)
    table.update({
        0x066B: ".", 0x066C: ",", 0x060C: ",", 0x066A: "%", 0xFF05: "%", 0xFF0C: ",", 0xFF0E: ".",
        0x00A0: " ", 0x202F: " ", 0x2009: " ", 0x2007: " ", 0x2212: "-", 0x2010: "-", 0x2011: "-",
    })
    return table


_DIGITS = _digit_map()
_DIGITS_ANY = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DIGITS)) + "]")  # a character to map


_ASCII_DIGIT_RE = re.compile("[0-9]")


def has_digit(s: str) -> bool:
    """Whether ``s`` holds a character ``str.isdigit`` accepts (for ASCII text one regex search, not a Python
    loop over its characters)."""
    if s.isascii():
        return _ASCII_DIGIT_RE.search(s) is not None
    return any(ch.isdigit() for ch in s)


def normalize_digits(text: str) -> str:
    """Same-length copy of ``text`` with non-ASCII digits/separators mapped to ASCII (``text`` itself
    when there is nothing to map, so scanners can share its token index)."""
    if text.isascii() or not _DIGITS_ANY.search(text):
        return text
    return text.translate(_DIGITS)


def to_number(d: Decimal | None):
    """Decimal -> int when integral, else float; None stays None."""
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# --------------------------------------------------------------------------------------------
# Vocabulary

UNIT_WORDS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "crore": 10**7,
}
SUFFIX_SCALES = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6,
    "MM": 10**6, "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "tn": 10**12, "tln": 10**12,
    "T": 10**12,
}
ALL_WORDS = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS, **SCALE_WORDS, "hundred": 100, "dozen": 12}

DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "twentieth": 20, "twentieths": 20, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}

CURRENCY_SYMBOLS = {
    "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "$": "USD", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₪": "ILS", "₽": "RUB", "Rs.": "INR", "Rs": "INR",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "INR": "INR", "ILS": "ILS", "NIS": "ILS",
}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
    "pound": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "shekel": "ILS", "shekels": "ILS", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "€": "EUR", "£": "GBP", "$": "USD",
}

# qualifier phrases written before the number, longest first
_PRE_QUALIFIERS = [
    ("more than", "more_than"), ("greater than", "more_than"), ("higher than", "more_than"),
    ("in excess of", "more_than"), ("upwards of", "more_than"), ("upward of", "more_than"),
    ("well over", "more_than"), ("just over", "more_than"), ("well above", "more_than"),
    ("just above", "more_than"), ("north of", "more_than"), ("exceeding", "more_than"),
    ("surpassing", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("exceed", "more_than"), ("surpass", "more_than"), ("larger than", "more_than"),
    ("bigger than", "more_than"), ("more then", "more_than"), ("past", "more_than"), ("passed", "more_than"),
    ("surpassed", "more_than"), ("topped", "more_than"), ("exceeded", "more_than"), ("beyond", "more_than"),
    # headlines are written in the present: "Death toll tops 600", "passes 10,000", "crosses 40,000"
    ("tops", "more_than"), ("passes", "more_than"), ("surpasses", "more_than"), ("exceeds", "more_than"),
    ("crosses", "more_than"), ("crossed", "more_than"),
    # ... and approach it from below: "Death toll nears 500", "Deaths near 3,000", "close to 1,900 injured"
    ("nears", "at_most"), ("near", "at_most"), ("neared", "at_most"), ("nearing", "at_most"),
    ("close to", "at_most"),
    ("as high as", "at_most"), ("as much as", "at_most"), ("as low as", "at_least"),
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("not less than", "at_least"), ("not fewer than", "at_least"), ("a minimum of", "at_least"),
    ("at least or equal to", "at_least"), ("equal to or more than", "at_least"),
    ("greater than or equal to", "at_least"), ("bigger or equal than", "at_least"),
    ("nearly", "at_most"), ("almost", "at_most"), ("up to", "at_most"), ("as many as", "at_most"),
    ("at most", "at_most"), ("no more than", "at_most"), ("not more than", "at_most"),
    ("a maximum of", "at_most"), ("less than or equal to", "at_most"),
    ("equal to or less than", "at_most"), ("smaller or equal than", "at_most"),
    ("fewer than", "less_than"), ("less than", "less_than"), ("just under", "less_than"),
    ("under", "less_than"), ("below", "less_than"), ("lower than", "less_than"),
    ("smaller than", "less_than"), ("less or equal than", "at_most"), ("lower or equal than", "at_most"),
    ("higher or equal than", "at_least"), ("larger or equal than", "at_least"), ("greater or equal than", "at_least"),
    ("an estimated", "approximately"), ("approximately", "approximately"),
    ("roughly", "approximately"), ("around", "approximately"), ("about", "approximately"),
    ("some", "approximately"), ("circa", "approximately"), ("approx.", "approximately"),
    ("approx", "approximately"), ("estimated", "approximately"),
    ("an approximate", "approximately"), ("nearly all", "at_most"),
]
_PRE_QUALIFIERS.sort(key=lambda p: -len(p[0]))
# one-word qualifiers that are a verb's particle after these verbs: "handed over 4", "came under 3 attacks"
_PARTICLES = {
    "over": {"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took",
             "taken", "taking", "sign", "signs", "signed", "signing", "give", "gives", "gave", "given", "giving"},
    "under": {"come", "comes", "came", "coming", "bring", "brings", "brought", "bringing", "go", "goes", "went",
              "gone", "going"},
}
_PRE_QUALIFIER_MAP = {p: q for p, q in _PRE_QUALIFIERS}
_TAIL_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z.]*")
# id(table) -> (table, last words of its phrases, most words in a phrase)
_TAIL_ENDS: dict[int, tuple[object, tuple[str, ...], int]] = {}


def _tail_phrase(before: str, table, max_words: int = 6) -> tuple[str, int] | None:
    """The longest phrase of ``table`` that ``before`` ends with (ignoring a final "of"), with its
    start offset in ``before``. Much cheaper than a ``$``-anchored regex search."""
    ends = _TAIL_ENDS.get(id(table))
    if ends is None:
        ends = _TAIL_ENDS[id(table)] = (table, tuple({p.split()[-1] for p in table} | {"of"}),
                                        max(len(p.split()) for p in table))
    if not before.rstrip().lower().endswith(ends[1]):
        return None  # cheap test: a phrase of the table (or "of") must end the text
    base = max(0, len(before) - 60)
    window = before[base:]
    words = list(_TAIL_WORDS_RE.finditer(window))
    if not words or window[words[-1].end():].strip():
        return None
    run = [words[-1]]  # trailing words separated by whitespace only
    while len(run) < max_words and len(words) > len(run):
        prev = words[-len(run) - 1]
        if window[prev.end():run[0].start()].strip():
            break
        run.insert(0, prev)
    ends = [run]
    if run[-1].group().lower() == "of" and len(run) > 1:
        ends.append(run[:-1])  # "some of 20" -> "some"
    longest = _TAIL_ENDS[id(table)][2]
    for r in ends:
        low = [w.group().lower() for w in r]
        for j in range(min(len(r), longest), 0, -1):  # (no phrase of the table is longer)
            phrase = " ".join(low[-j:])
            if phrase in table:
                first = r[-j]
                if first.start() > 0 and window[first.start() - 1].isalnum():
                    continue
                return phrase, base + first.start()
    return None


SYMBOL_QUALIFIER_RE = re.compile(r"(?P<q>>=|<=|>|<|~)\s*$")
_SYMBOL_QUALIFIERS = {">": "more_than", ">=": "at_least", "<": "less_than", "<=": "at_most", "~": "approximately"}

POST_QUALIFIER_RE = re.compile(
    r"^(?:\s*(?P<more>\+(?![\d])|-plus\b|\s+plus\b(?!\s*\d))"
    r"|\s+(?P<least>or more|and more|or above|and above|or greater|or higher|and over)\b"
    r"|\s+(?P<most>or less|or fewer|and below|or under|or lower)\b"
    r"|\s+(?P<approx>or so)\b)", re.I)
SIGN_RE = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|(?<=[\s(<>=~]))-\s?)$", re.I)

# --------------------------------------------------------------------------------------------
# Regexes

_NUMWORD = "|".join(sorted(ALL_WORDS, key=len, reverse=True))
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_SMALLWORD = "|".join(sorted([*UNIT_WORDS, *TEEN_WORDS, *TENS_WORDS], key=len, reverse=True))
# an age in words, up to ninety-nine ("aged twenty-two")
_AGE_WORD = r"(?:" + _SMALLWORD + r")(?:-(?:" + _SMALLWORD + r"))?"

TOKEN_RE = re.compile(
    r"(?P<num>(?<![\w.])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d])|\d+)(?:\.\d+)?"
    r"|(?<![\w.,])\.\d+)"
    r"(?P<suf>(?-i:bn|mn|mln|bln|tln|tn|mil|MM|[kKmMbBT]))?(?![\w]|\.\d)"
    r"|(?P<word>\b(?:" + _NUMWORD + r")\b)"
    r"|(?P<a>\ban?\b(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b))",
    re.I)

FRACTION_RE = re.compile(
    r"(?P<num>\b(?:an?|one|" + _SMALLWORD + r")|(?<![\w.,])\d+)?(?:\s*-\s*|\s+)?(?P<den>\b(?:" + _DEN + r"))\b"
    r"(?!-)",
    re.I)
RATIO_RE = re.compile(
    r"\b(?P<a>" + _SMALLWORD + r"|\d+)(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?:every\s+)?(?P<b>(?:" + _SMALLWORD
    + r")(?:[\s-]+(?:" + _SMALLWORD + r"))?|hundred|\d[\d,]*)\b(?!\s*(?:days?|weeks?|months?|years?))",
    re.I)
SLASH_RE = re.compile(r"(?<![\w./])(?<!\d-)(?P<a>\d{1,4})/(?P<b>\d{1,5})(?![\w/.]|\.\d)")
VULGAR_RE = re.compile(r"(?:(?P<int>\d+)\s*)?(?P<v>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")

VAGUE_BOUNDS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
    "millions": (2000000, None), "tens of millions": (20000000, 99999999),
    "hundreds of millions": (200000000, 999999999), "billions": (2000000000, None),
    "several dozen": (24, 99), "a few dozen": (24, 99), "several hundred": (200, 999),
    "a few hundred": (200, 999), "several thousand": (2000, 9999), "a few thousand": (2000, 9999),
    "several million": (2000000, 9999999), "a few million": (2000000, 9999999),
    "several tens of thousands": (20000, 99999), "many thousands": (2000, 9999),
    "many hundreds": (200, 999),
}
VAGUE_RE = re.compile(
    r"\b(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions"
    r"|(?:several|a few)\s+(?:dozen|hundred|thousand|million|tens of thousands)"
    r"|many (?:thousands|hundreds)|dozens|hundreds|thousands|millions|billions|scores(?=\s+of\b))\b",
    re.I)
MAJORITY_RE = re.compile(
    r"\b(?:the|a)\s+(?:(?:vast|overwhelming|large|great|slim|narrow|simple|absolute|clear)\s+)?majority\b",
    re.I)

# a majority as a goal, not a share: "32 short of a majority", "won a majority", "needs a majority"
_MAJORITY_GOAL_RE = re.compile(
    r"\b(?:short\s+of|for|needs?|needed|win|wins|won|winning|secure[sd]?|securing|lacks?|lacked|without|retain(?:s|ed)?"
    r"|lost|lose|losing|hold|holds|held|form|command(?:s|ed)?|obtain(?:s|ed)?|reach(?:es|ed)?)\s+$", re.I)
PERCENT_RE = re.compile(
    r"^(?:\s*(?P<pct>%)|\s*(?P<pp>percentage[\s-]points?|pct\.?\s+points?|points?\s+percentage)\b"
    r"|\s*(?P<pct2>per\s?cent(?:age)?s?|percent(?:age)?s?|pct)\b|(?P<pc>pc)\b)",
    re.I)
CURRENCY_BEFORE_RE = re.compile(r"(?P<c>US\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|₹|₪|₽|Rs\.?|USD|EUR|GBP|INR|NIS)\s?-?$")
_CURRENCY_BEFORE_ENDS = frozenset("$€£¥₹₪₽s.DRPS")  # the last characters of its symbols and codes
CURRENCY_AFTER_RE = re.compile(
    r"^\s*(?P<c>€|£|\$|pounds sterling|dollars?|euros?|pounds?(?!\s+of\b)|yen|yuan|renminbi|rupees?|shekels?"
    r"|roubles?|rubles?|USD|EUR|GBP)(?![\w])", re.I)
# PERCENT_RE, else CURRENCY_AFTER_RE, in one match (an alternation takes its first alternative that matches)
_UNIT_AFTER_RE = re.compile(f"(?P<pctx>{PERCENT_RE.pattern[1:]})|(?P<curx>{CURRENCY_AFTER_RE.pattern[1:]})", re.I)
# the first three letters (lower-cased, after spaces) of its word alternatives ("%", "$" and "pc" aside)
_UNIT_AFTER_STARTS = frozenset(("per", "pct", "poi", "pou", "dol", "eur", "yen", "yua", "ren", "rup", "she", "rou", "rub",
                                "usd", "gbp"))
SCALE_AFTER_RE = re.compile(r"^\s*(?:-\s*)?(?P<s>hundred|thousand|million|billion|trillion|lakh|crore)\b", re.I)
AND_A_HALF_RE = re.compile(
    r"^\s+and\s+(?:a|one)\s+(?P<f>half|quarter|third)\b(?:\s+(?P<s>thousand|million|billion|trillion))?", re.I)

# things that are not claims
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|[@.](?:[\w-]+\.)*(?:com|org|net|gov|int|edu|io|uk)\b(?:/\S*)?", re.I)
# the same on lower-cased ASCII text, case-sensitive and with every alternative starting with a literal
# character, so that re skips ahead to "h", "w", "@" or "." instead of trying each position
_URL_LOWER_RE = re.compile(r"https?://\S+|www\.\S+|@(?:[\w-]+\.)*(?:com|org|net|gov|int|edu|io|uk)\b(?:/\S*)?"
                           r"|\.(?:[\w-]+\.)*(?:com|org|net|gov|int|edu|io|uk)\b(?:/\S*)?")
# every _URL_LOWER_RE match holds one of these (an address's scheme or "www.", or a domain ending after "."
# or "@")
_URL_MARKS = ("http", "www.", "@", ".com", ".org", ".net", ".gov", ".int", ".edu", ".io", ".uk")
_ZONE_RE = re.compile(
    r"(?P<date>\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    # ("Aug. 20-27"; not "to": "its losses since Oct. 8 to 54")
    r"|\b" + MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{1,2}\b(?![,.]\d))?(?:,?\s+\d{4}\b)?"
    # (a range of days: "between 20 and 27 August", "Aug. 20-27")
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTHS
    + r"\b\.?(?:,?\s+\d{4}\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTHS + r"\b\.?(?:,?\s+\d{4}\b)?"
    r"|\b" + MONTHS + r"\.?,?\s+\d{4}\b)"
    r"|(?P<time>\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|GMT|UTC|local time)\b\.?)?"
    r"|\b\d{1,2}(?:\.\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b)|\b\d{3,4}\s*(?:GMT|UTC|hrs|hours GMT)\b)"
    r"|(?P<phone>\+?\b\d{1,4}(?:[-. ]\d{2,4}){2,}(?:/\d+)?\b(?![,.]\d)|\+\d{1,4}(?:[-. ]\d{1,4}){2,}\b(?![,.]\d))"
    r"|(?P<version>\b\d+\.\d+\.\d+(?:\.\d+)*\b)"
    r"|(?P<age>\b\d{1,3}(?:\s*|-)(?:years?|yrs?)[\s-]*old\b"
    r"|\baged?\s+(?:of\s+|between\s+|from\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3}\b)*\b"
    # (spelled out too, "children aged one to three", but no list: in "aged one to three, six men" six are men)
    r"|\baged?\s+(?:of\s+|between\s+|from\s+)?" + _AGE_WORD + r"(?:\s+(?:and|or|to)\s+" + _AGE_WORD + r")?\b"
    r"|\b(?:" + _SMALLWORD + r")(?:[\s-](?:" + _SMALLWORD + r"))?-years?-old\b)",
    re.I)
# a zone starting at a digit run has one of these right after the run's first digits (most numbers
# in news, "27,585 people", have none: they are dropped before the full pattern is tried)
# (possessive "\d++": what follows the digits never starts with a digit, so giving some back cannot help)
_ZONE_DIGIT_GUARD = re.compile(
    r"\d++(?:[-/.:]\d|[ -]\d|\s*(?:and|to|–)\s*\d|(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\s*(?:[ap]\.?m|o'clock|gmt|utc|hrs|hours|years?|yrs?))", re.I)
# a month name starts only a date ("May 5", "Oct. 2023"), a number word only an age ("twenty-year-old")
_ZONE_MONTH_GUARD = re.compile(r"[a-z]+\.?,?\s+\d", re.I)
_ZONE_WORD_GUARD = re.compile(r"[a-z]+(?:[\s-][a-z]+)?-year", re.I)
_ZONE_AGE_GUARD = re.compile(r"aged?\s+(?:of\s+|between\s+|from\s+)?(?:\d|(?:" + _SMALLWORD + r")\b)", re.I)
_ZONE_SCAN = Anchored(_ZONE_RE, set(MONTHS.strip("(?:)").split("|")) | {"aged", "age"} | set(_SMALLWORD.split("|")),
                      digits=True, chars="+",
                      guards={"digits": _ZONE_DIGIT_GUARD, "age": _ZONE_AGE_GUARD, "aged": _ZONE_AGE_GUARD,
                              **dict.fromkeys(MONTHS.strip("(?:)").split("|"), _ZONE_MONTH_GUARD),
                              **dict.fromkeys(_SMALLWORD.split("|"), _ZONE_WORD_GUARD)})
# month names are case-sensitive to keep "may" the verb out
_MONTH_CASE_RE = re.compile(MONTHS)

DURATION_AFTER_RE = re.compile(
    r"^(?:\s+|\s*-\s*)(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?"
    r"|days?|nights?|weeks?|weekends?|months?|years?|yrs?|decades?|centuries|century|semesters?|terms?)\b",
    re.I)
# "two to three weeks": the first end of a range of durations
RANGE_DURATION_AFTER_RE = re.compile(
    r"\s*(?:to|-|–|or)\s*[\w.,]+\s+(?:more\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?"
    r"|decades?)\b", re.I)
MEASURE_AFTER_RE = re.compile(
    r"^(?:\s*-\s*|\s*)(?:km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s?|cm|mm|nm|nanomet(?:er|re)s?"
    r"|kg|kgs|kilograms?|g|grams?|mg|lbs?|oz|ounces?|°[CF]?|degrees?|[CF](?![\w])|mph|km/h|kph|knots?"
    r"|millimet(?:er|re)s?|centimet(?:er|re)s?"
    # (an area of land is no measure here but a claim of damage: "scorched about 5,000 hectares")
    r"|ft|feet|foot|inch(?:es)?|yards?|sq|square|cubic|ml|cl|[kMGT]?W|[kMGT]Wh|Wh|[kMGT]?eV|[kMGT]?Hz|[kMGT]?B|tpd"
    r"|magnitude|-magnitude|on the Richter|storey|story|stories|floors?|calories|kcal|volts?|amps?"
    r"|mb|millibars?|ppm|inches)(?![\w])",
    re.I)
COMPOUND_AFTER_RE = re.compile(r"^-(?!plus\b|to\b|odd\b)[A-Za-z]")
IDENT_BEFORE_RE = re.compile(
    r"(?:\b(?:Resolution|resolution|Flight|flight|Page|page|pages|pp?\.|Route|route|No\.|no\.|Nos\.|nos\.|nr\.|Nr\."
    r"|Number|number|Article|article|Section|section|Chapter|chapter|Highway|highway|Room|room|Gate|gate"
    r"|Platform|platform|Bus|bus|Line|Phase|phase|Level|level|Category|category|Grade|grade|Stage|stage"
    r"|Class|class|Apollo|Version|version|Law|Act|Bill|Decree|decree|Item|item|Unit|Brigade|Division"
    r"|Battalion|Regiment|Squadron|Paragraph|paragraph|Clause|clause|Amendment|Episode|episode|Season|season"
    r"|Volume|volume|Vol\.|vol\.|Issue|issue|Terminal|Block|Sector|Zone|Ward|Precinct|Interstate|Channel"
    r"|channel|Track|track|Lane|Exit|exit|Pier|Berth|Building|Tower|Floor|floor|Apartment|Apt\.|Suite|Box"
    r"|Case|Form|Model|Batch|Lot|Code|code|Annex|Appendix|Figure|Fig\.|Table|table|Row|row|Seat|seat"
    r"|Train|Camp|Hall|Street|Avenue|Road|Ave\.|Rd\.|St\.|PO|Box|Gen|Generation|Mark|Mk\.?|Type|type"
    r"|Series|series|Windows|iPhone|Galaxy|Boeing|Airbus|Su|Tu|Mi|Il|An|MiG|Patriot|Iron Dome|Iskander"
    r"|Kinzhal|Shahed|Fajr|Qassam|Kassam|Grad|Uragan|Tochka|Scud|Hwasong|Fateh|Zelzal|Kh|Apache|Black Hawk"
    r"|Chinook|Typhoon|Tornado|Rafale|Mirage|Leopard|Challenger|Abrams|Merkava|Bradley|Stryker|Himars"
    r"|HIMARS|Hellfire|Javelin|Stinger|Harpoon|Tomahawk|kilometre|kilometer|Kilometre|Kilometer|km|milepost"
    r"|marker|S&P|FTSE|Nikkei|DAX|CAC|Stoxx|STOXX|Sensex|Nifty|Russell|Week|WEEK|Day|DAY|Round)\s*[#-]?\s*"
    r"|#\s*"
    r"|\b[A-Z]{1,5}-\s?"
    r"|\b[A-Z][A-Za-z]*\d+[A-Za-z]*-)$")


def _ident_endings() -> tuple[str, ...]:
    """What a text must end with (after trailing spaces) for ``IDENT_BEFORE_RE`` to match: one of its
    keywords, or "#" / "-" (a cheap test before the regex search)."""
    src = IDENT_BEFORE_RE.pattern
    body = src[src.index(r"\b(?:") + 5:src.index(r")\s*[#-]?\s*")]
    out = {"#", "-"}
    for alt in body.split("|"):
        alt = alt.replace("\\.", ".")
        if "?" in alt:  # "pp?." -> "p.", "pp."; "Mk.?" -> "Mk", "Mk."
            k = alt.index("?")
            out |= {alt[:k - 1] + alt[k + 1:], alt[:k] + alt[k + 1:]}
        else:
            out.add(alt)
    assert not any(c in w for w in out for c in "\\()[]*+?"), "IDENT_BEFORE_RE: keyword list not plain"
    return tuple(sorted(out))


_IDENT_ENDINGS = _ident_endings()
_MAGNITUDE_ENDS = ("magnitude", "Magnitude", "scale of", "Richter", "measuring")  # what _MAGNITUDE_BEFORE_RE ends with

YEAR_PREP_RE = re.compile(
    r"(?:\b(?:in|since|of|from|by|until|till|before|after|during|year|early|late|mid|spring|summer|autumn"
    r"|fall|winter|the|between|and|to|through|around|circa|c\.|ca\.|fiscal|FY|election|elections|census)"
    r"|" + MONTHS + r"\.?|[-–(,])\s*$")
COUNT_NOUN_AFTER_RE = re.compile(
    r"^\s+(?:(?:[a-z]+\s+){0,2}(?:people|persons|residents|civilians|children|men|women|soldiers|troops|fighters"
    r"|militants|journalists|workers|staff|patients|prisoners|hostages|detainees|refugees|migrants|families"
    r"|households|homes|houses|buildings|trucks|lorries|cases|deaths|victims|bodies|students|doctors|nurses"
    r"|police|officers|personnel|members|employees|jobs|votes|voters|ballots|units|tonnes|tons|children)"
    r"|[a-z]+s)\b")
ONE_OK_AFTER_RE = re.compile(
    r"^[\s-]+(?:(?:more|other|further|additional)\s+)?(?:person|man|woman|child|boy|girl|baby|infant|soldier|civilian"
    r"|journalist|worker|hostage|prisoner|detainee|officer|policeman|militant|fighter|student|patient|doctor|nurse"
    r"|paramedic|teenager|resident|body|death|truck|home|house"
    r"|building|victim|employee|member|refugee|migrant|citizen"
    # a people named by its demonym, by the shape of the word: "one Sudanese", "one Palestinian", "one Thai"
    r"|(?-i:[A-Z][a-z]+(?:an|ese|i|ish|ch)))\b"
    r"|^\s+(?:of|in)\s+(?:the|its|their|every|each)\s+(?:\d|[a-z]+\s+\d)"  # "one of the 24 convoys", "one in every 5"
    r"|^\s+in\s+[A-Z]")  # "three in Zaporizhzhia and one in Khmelnytskyi"
TIME_WORD_AFTER_RE = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)", re.I)
# the four tests above in their order, as one match (an alternation takes its first alternative that
# matches; COMPOUND_AFTER_RE is case-sensitive)
_AFTER_SKIP_RE = re.compile(
    "|".join(f"(?P<{name}>{rx.pattern[1:] if rx.flags & re.I else '(?-i:' + rx.pattern[1:] + ')'})"
             for name, rx in (("duration", DURATION_AFTER_RE), ("measure", MEASURE_AFTER_RE), ("time", TIME_WORD_AFTER_RE),
                              ("compound", COMPOUND_AFTER_RE))), re.I)


_SMALL_SET = set(_SMALLWORD.split("|"))
# "a"/"an" start a match only before a scale word, "." only before a digit
_A_SCALE_GUARD = re.compile(r"an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b", re.I)
TOKEN_SCAN = Anchored(TOKEN_RE, set(ALL_WORDS) | {"a", "an"}, digits=True, chars=".",
                      guards={"a": _A_SCALE_GUARD, "an": _A_SCALE_GUARD, ".": re.compile(r"\.\d")})
# the prefilters (``needs``) name words or characters every match contains as a token
FRACTION_SCAN = Anchored(FRACTION_RE, _SMALL_SET | set(DENOMINATORS) | {"a", "an", "one"}, digits=True,
                         needs=DENOMINATORS)
# a ratio starts with a whole word or digit run followed by "in" or "out"
_RATIO_GUARD = re.compile(r"(?:\d++|[a-z]++)(?:\s+|-)(?:in|out)\b", re.I)  # (possessive: a space or "-" follows)
RATIO_SCAN = Anchored(RATIO_RE, _SMALL_SET, digits=True, needs=("in", "out"),
                      guards={k: _RATIO_GUARD for k in _SMALL_SET | {"digits"}})
VAGUE_SCAN = Anchored(VAGUE_RE, {"tens", "hundreds", "thousands", "dozens", "millions", "billions", "several", "a",
                                 "many", "scores"},
                      needs=("dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                             "billions", "scores"))
MAJORITY_SCAN = Anchored(MAJORITY_RE, {"the", "a"}, needs=("majority",))
SLASH_SCAN = Anchored(SLASH_RE, (), digits=True, needs_text="/", guards={"digits": re.compile(r"\d{1,4}/")})
VULGAR_SCAN = Anchored(VULGAR_RE, (), digits=True, chars="½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞", needs="½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")

# --------------------------------------------------------------------------------------------

@dataclass(slots=True)
class NumberSpan:
    """A number phrase found in text. ``start``/``end`` are offsets into the scanned text."""

    start: int
    end: int
    text: str
    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    qualifier: str = "exact"
    unit: str = "count"
    kind: str = "number"  # number | word | fraction | percent | vague | range | currency
    skip: str | None = None  # reason why this is not a claim, or None
    core_start: int = 0  # the bare number inside the phrase
    core_end: int = 0
    scaled: bool = False  # carried an explicit scale ("million", "k", "bn")
    population: bool = False  # a population figure used as a denominator ("Gaza's 2.2 million people")

    @property
    def has_bounds(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    kind: str  # num | word | a
    text: str
    suf: str | None = None


_ZERO = Decimal(0)


def _run_value(toks: list[_Tok]) -> tuple[Decimal, bool, bool] | None:
    """Evaluate a run of number tokens. Returns (value, scaled, has_words) or None."""
    if len(toks) == 1 and toks[0].kind == "num" and not toks[0].suf:
        # the common case, one digit token ("27,585"): what the loop below gives for it (the sum with
        # zero rounds to the context as the loop's sums do)
        try:
            return _ZERO + Decimal(toks[0].text.replace(",", "").replace(" ", "")), False, False
        except InvalidOperation:
            return None
    total = Decimal(0)
    current = Decimal(0)
    last_scale = None
    scaled = False
    words = False
    for t in toks:
        if t.kind == "a":
            current = Decimal(1)
            continue
        if t.kind == "num":
            try:
                d = Decimal(t.text.replace(",", "").replace(" ", ""))
            except InvalidOperation:
                return None
            if t.suf:
                d *= SUFFIX_SCALES[t.suf]
                scaled = True
            current += d
            continue
        w = t.text.lower()
        words = True
        if w in ("hundred", "dozen"):
            current = (current or Decimal(1)) * ALL_WORDS[w]
        elif w not in SCALE_WORDS:
            current += ALL_WORDS[w]
        else:  # thousand, million, ...: close the group below it
            s = SCALE_WORDS[w]
            scaled = True
            if last_scale and s > last_scale and total > 0:
                total = (total + current) * s  # "three lakh crore", "thousand million"
                current = Decimal(0)
            else:
                total += (current or Decimal(1)) * s
                current = Decimal(0)
            last_scale = s
    return total + current, scaled, words


_JOIN_SPACE = re.compile(r"^(?:[ \t]+|[ \t]*-[ \t]*|[ \t]*\n[ \t]*)$")
_JOIN_AND = re.compile(r"^(?:,?\s+and\s+|\s*&\s*|,\s+)$", re.I)


def _can_follow(prev_state: str, tok: _Tok, gap: str, run: list[_Tok]) -> bool:
    """Whether ``tok`` continues the run whose last token left the parser in ``prev_state``."""
    c = gap[:1]
    if not (c.isspace() or c in ",&-"):
        return False  # both join patterns start with whitespace, ",", "&" or "-" (and "" matches neither)
    is_and = bool(_JOIN_AND.match(gap))
    if not is_and and not _JOIN_SPACE.match(gap):
        return False
    if "-" in gap and tok.kind == "num":
        return False  # "1000-5000" is a range, not one number
    if tok.kind == "a":
        return False
    if tok.kind == "num":
        if "." in tok.text or "," in tok.text:
            return False
        return prev_state in ("scale", "hundred") and not any(t.suf for t in run)
    w = tok.text.lower()
    if is_and:
        if gap.strip() == "," and prev_state != "scale":
            return False
        if prev_state not in ("scale", "hundred"):
            return False
        return w in UNIT_WORDS or w in TEEN_WORDS or w in TENS_WORDS
    if w in UNIT_WORDS:
        if w in ("zero", "nought", "naught"):
            return False
        return prev_state in ("tens", "scale", "hundred") and not (
            prev_state == "tens" and "\n" in gap)
    if w in TEEN_WORDS or w in TENS_WORDS:
        return prev_state in ("scale", "hundred")
    if w == "hundred":
        if prev_state == "digits":
            return not any(t.suf for t in run) and "." not in run[-1].text
        return prev_state in ("unit", "teen", "tens", "a")
    if w == "dozen":
        return prev_state in ("unit", "teen", "tens", "a", "digits")
    # big scale
    if prev_state in ("unit", "teen", "tens", "hundred", "a", "dozen"):
        return True
    if prev_state == "digits":
        return not any(t.suf for t in run)
    if prev_state == "scale":
        return True  # "lakh crore", "thousand million"
    return False


def _state_after(tok: _Tok) -> str:
    if tok.kind == "a":
        return "a"
    if tok.kind == "num":
        return "digits"
    w = tok.text.lower()
    if w in UNIT_WORDS:
        return "unit"
    if w in TEEN_WORDS:
        return "teen"
    if w in TENS_WORDS:
        return "tens"
    if w == "hundred":
        return "hundred"
    if w == "dozen":
        return "dozen"
    return "scale"


def _valid_start(tok: _Tok) -> bool:
    if tok.kind == "a":
        return True
    if tok.kind == "num":
        return True
    w = tok.text.lower()
    return w not in SCALE_WORDS and w not in ("hundred", "dozen")


def _tokens(norm: str) -> Iterator[_Tok]:
    """The number tokens of ``norm`` in order, one at a time (never all at once: a large document
    has millions)."""
    for m in TOKEN_SCAN.finditer(norm):
        kind = m.lastgroup  # "num" or "suf" (a number), "word" or "a": the groups match text
        if kind == "word":
            yield _Tok(m.start(), m.end(), "word", m.group("word"))
        elif kind == "a":
            yield _Tok(m.start(), m.end(), "a", m.group("a"))
        else:
            yield _Tok(m.start(), m.end(), "num", m.group("num"), m.group("suf"))


def _runs(norm: str) -> Iterator[list[_Tok]]:
    """The runs of number tokens of ``norm`` in order, one at a time."""
    cur: list[_Tok] = []
    state = "start"
    for t in _tokens(norm):
        # a join is whitespace, ",", "&", "-" and at most one "and" (_JOIN_SPACE, _JOIN_AND): most gaps
        # between numbers fail this before _can_follow is called
        gap = norm[cur[-1].end:t.start] if cur else None
        if cur and gap.strip().strip(",&-").strip().lower() in ("", "and") and _can_follow(state, t, gap, cur):
            cur.append(t)
            state = _state_after(t)
            continue
        if cur:
            if cur[-1].kind != "a":  # (a run may not end in "a" or "and")
                yield cur
            cur = []
        if t.kind == "num":  # (the common case of _valid_start and _state_after)
            cur = [t]
            state = "digits"
        elif _valid_start(t):
            cur = [t]
            state = _state_after(t)
    if cur and cur[-1].kind != "a":
        yield cur


def _fraction_value(num: str | None, den: str) -> Decimal | None:
    d = DENOMINATORS[den.lower()]
    if num is None:
        if den.lower() in ("half",):
            return Decimal(1) / d
        return None
    n = num.lower()
    if n in ("a", "an"):
        k = 1
    elif n.isdigit():
        k = int(n)
    elif n in UNIT_WORDS or n in TEEN_WORDS or n in TENS_WORDS:
        k = ALL_WORDS[n]
    else:
        return None
    plural = den.lower().endswith("s") and den.lower() not in ("halves",) or den.lower() == "halves"
    if k == 1 and plural:
        return None
    if k > 1 and not plural:
        return None
    return Decimal(k) / Decimal(d)


def _words_value(s: str) -> Decimal | None:
    """Value of a short number written in words or digits ("four", "twenty-one", "100")."""
    s = s.strip().lower().replace(",", "")
    if s.isdigit():
        return Decimal(s)
    total = Decimal(0)
    for part in _WORD_SEP_RE.split(s):
        if part in ALL_WORDS and part not in SCALE_WORDS:
            v = ALL_WORDS[part]
            total = total * v if part in ("hundred", "dozen") else total + v
        else:
            return None
    return total


def _span(norm: str, start: int, end: int, value: Decimal | None, **kw) -> NumberSpan:
    if "core_start" not in kw:
        kw["core_start"] = start
    if "core_end" not in kw:
        kw["core_end"] = end
    return NumberSpan(start, end, norm[start:end], to_number(value), **kw)


def _overlaps(a0: int, a1: int, spans: _Taken) -> bool:
    return spans.overlaps(a0, a1)


class _Taken:
    """Spans already claimed by a phrase, kept sorted: an overlap test looks only at the spans
    that start within the longest span's length before ``a1`` (linear time overall)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.longest = 0

    def append(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, a0: int, a1: int) -> bool:
        spans = self.spans
        i = bisect_left(spans, (a0 - self.longest, -1))
        while i < len(spans) and spans[i][0] < a1:
            if spans[i][1] > a0:
                return True
            i += 1
        return False


def _scan(norm: str, strict: bool = True) -> list[NumberSpan]:
    """All bare number phrases (no qualifiers, no ranges yet), sorted by offset."""
    out: list[NumberSpan] = []
    taken = _Taken()

    # vague amounts and majorities first: "tens of thousands" beats "thousands"
    for m in VAGUE_SCAN.finditer(norm):
        if re.search(r"(?:\d|\b(?:" + _SMALLWORD + r"|a))[^\S\n]+$", norm[max(0, m.start() - 12):m.start()], re.I) \
                and m.group(0).lower() in ("dozens", "hundreds", "thousands", "millions"):
            continue  # "3 dozens" is 36, not a vague amount
        key = _SPACES_RE.sub(" ", m.group(0).lower())
        lo, hi = VAGUE_BOUNDS[key]
        out.append(_span(norm, m.start(), m.end(), None, low=lo, high=hi, qualifier="vague", kind="vague"))
        taken.append((m.start(), m.end()))
    for m in MAJORITY_SCAN.finditer(norm):
        if _overlaps(m.start(), m.end(), taken) or _MAJORITY_GOAL_RE.search(norm, max(0, m.start() - 20), m.start()):
            continue
        out.append(_span(norm, m.start(), m.end(), None, low=0.5, high=1, qualifier="vague",
                         kind="vague", unit="fraction"))
        taken.append((m.start(), m.end()))

    # "one in four", "1 in 5"
    for m in RATIO_SCAN.finditer(norm):
        if _overlaps(m.start(), m.end(), taken):
            continue
        a, b = _words_value(m.group("a")), _words_value(m.group("b"))
        if a is None or b is None or not (0 < a < b) or b > 1000:
            continue
        out.append(_span(norm, m.start(), m.end(), a / b, unit="fraction", kind="fraction"))
        taken.append((m.start(), m.end()))

    # fractions in words: "a quarter", "two-thirds", "half"
    for m in FRACTION_SCAN.finditer(norm):
        num, den = m.group("num"), m.group("den")
        s = m.start() if num else m.start("den")
        if _overlaps(s, m.end(), taken):
            continue
        if num and num[0].isdigit() and den.lower() in ("third", "fourth", "fifth", "sixth", "seventh",
                                                          "eighth", "ninth", "tenth"):
            continue  # "3 fifth" is not a thing; "5th" never reaches here
        v = _fraction_value(num, den)
        if v is None and num is None and den.lower() in ("quarter", "third") and _SCALE_WORD_AFTER_RE.match(norm[m.end():m.end() + 12]):
            v = Decimal(1) / DENOMINATORS[den.lower()]  # "quarter million"
        if v is None and num:
            # "one" in "one quarter" may fail the plural rule; try the bare denominator
            v = _fraction_value(None, den)
            s = m.start("den")
            num = None
        if v is None:
            continue
        after = norm[m.end():m.end() + 40]
        before = norm[max(0, s - 30):s]
        den_l = den.lower()
        plural = den_l.endswith("s")
        sc = _FRACTION_SCALE_AFTER_RE.match(after)
        if sc and (den_l in ("half", "quarter") or plural):
            mult = 12 if sc.group("s").lower() == "dozen" else ALL_WORDS[sc.group("s").lower()]
            e = m.end() + sc.end()
            out.append(_span(norm, s, e, v * mult, kind="word", scaled=True))
            taken.append((s, e))
            continue
        if strict and (num is None or num.lower() in ("a", "an", "one")):
            # single fractions need context: "a quarter of", "half the", "more than half"
            # ... or a qualifier before: "more than half", "nearly a third were acutely malnourished"
            ok = _FRACTION_CONTEXT_AFTER_RE.match(after) or _HALF_QUALIFIER_BEFORE_RE.search(before)
            if den_l == "half":
                if _HALF_ORDINAL_BEFORE_RE.search(before) and not _OF_AFTER_RE.match(after):
                    ok = False
            if not ok:
                continue
            if _ORDINAL_WORD_BEFORE_RE.search(before) and \
                    num is None:
                continue
        out.append(_span(norm, s, m.end(), v, unit="fraction", kind="fraction"))
        taken.append((s, m.end()))

    for m in VULGAR_SCAN.finditer(norm):
        if _overlaps(m.start(), m.end(), taken):
            continue
        v = Decimal(str(unicodedata.numeric(m.group("v"))))
        if m.group("int"):
            v += int(m.group("int"))
            out.append(_span(norm, m.start(), m.end(), v, kind="number"))
        else:
            out.append(_span(norm, m.start(), m.end(), v.quantize(Decimal("0.000001")).normalize(),
                             unit="fraction", kind="fraction"))
        taken.append((m.start(), m.end()))

    for m in SLASH_SCAN.finditer(norm):
        if _overlaps(m.start(), m.end(), taken):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        if (a, b) in ((9, 11), (24, 7)) or b == 0 or a >= b or 1900 <= b <= 2100:  # ("No. 14/2024")
            continue
        mi = _WHOLE_BEFORE_FRACTION_RE.search(norm[max(0, m.start() - 6):m.start()])
        if mi:  # "2 1/4"
            st = m.start() - (len(norm[max(0, m.start() - 6):m.start()]) - mi.start(1))
            out.append(_span(norm, st, m.end(), int(mi.group(1)) + Decimal(a) / Decimal(b), kind="number"))
            taken.append((st, m.end()))
            continue
        out.append(_span(norm, m.start(), m.end(), Decimal(a) / Decimal(b), unit="fraction", kind="fraction"))
        taken.append((m.start(), m.end()))

    for run in _runs(norm):
        s, e = run[0].start, run[-1].end
        if taken.overlaps(s, e):
            # keep the part of the run outside taken spans only when it is a digit token
            continue
        res = _run_value(run)
        if res is None:
            continue
        v, scaled, words = res
        kind = "word" if words else "number"
        after = norm[e:e + 40]
        # (both patterns below need a space and then "dozens", "bn", ... or "and": cheap tests first)
        md = _SCALE_SUFFIX_AFTER_RE.match(after) if after[:1].isspace() and after.lstrip()[:1].lower() in (
            "d", "b", "m", "t") else None
        if md and not any(t.suf for t in run):
            word = md.group(0).strip()
            v *= 12 if word.lower() == "dozens" else SUFFIX_SCALES[word]
            scaled = scaled or word.lower() != "dozens"
            e += md.end()
            after = norm[e:e + 40]
        mh = AND_A_HALF_RE.match(after) if after[:1].isspace() and after.lstrip()[:3].lower() == "and" else None
        if mh:
            v += Decimal(1) / DENOMINATORS[mh.group("f").lower()]
            if mh.group("s"):
                v *= SCALE_WORDS[mh.group("s").lower()]
                scaled = True
            e += mh.end()
        out.append(NumberSpan(s, e, norm[s:e], to_number(v), kind=kind, scaled=scaled, core_start=s, core_end=e))
    out.sort(key=lambda n: (n.start, -n.end))
    return out


def _attach(norm: str, n: NumberSpan) -> NumberSpan:
    """Extend a bare number with percent / currency / qualifiers written around it."""
    after = norm[n.end:n.end + 40]
    if n.unit == "count" and n.kind in ("number", "word"):
        h = after.lstrip()[:3]
        # (what a match starts with after spaces: a cheap test first; non-ASCII text folds under re.I)
        mx = _UNIT_AFTER_RE.match(after) if not h.isascii() or h[:1] in ("%", "$") or h[:2].lower() == "pc" \
            or h.lower() in _UNIT_AFTER_STARTS else None
        mp = mx if mx is not None and mx.lastgroup == "pctx" else None  # PERCENT_RE.match(after)
        if not mp and norm[max(0, n.start - 20):n.start].rstrip()[-2:].lower() == "of" \
                and _PERCENT_OF_BEFORE_RE.search(norm[max(0, n.start - 20):n.start]):
            n.unit, n.kind = "percent", "percent"  # "per cent of 210"
        elif mp and not (mp.group("pc") and n.kind != "number"):
            n.unit = "percentage_point" if mp.group("pp") else "percent"
            n.kind = "percent"
            n.end += mp.end()
        else:
            before = norm[max(0, n.start - 6):n.start]
            # (a match ends in a symbol or a code, then perhaps a space and a hyphen: a cheap test first)
            mc = CURRENCY_BEFORE_RE.search(before) \
                if before.rstrip().rstrip("-").rstrip()[-1:] in _CURRENCY_BEFORE_ENDS else None
            if mc:  # (a figure glued to letters before it, "USD7½", is skipped as an identifier anyway)
                n.unit = CURRENCY_SYMBOLS[mc.group("c")]
                n.kind = "currency"
                n.start -= len(before) - mc.start()
            else:
                # CURRENCY_AFTER_RE.match(after): known unless PERCENT_RE matched first
                mc2 = mx if mx is not None and mx.lastgroup == "curx" else (CURRENCY_AFTER_RE.match(after) if mp else None)
                if mc2:
                    n.unit = CURRENCY_WORDS[mc2.group("c").lower()]
                    n.kind = "currency"
                    n.end += mc2.end()
        if n.kind == "currency":
            # "$1.2 billion", "£5 million"
            ms = SCALE_AFTER_RE.match(norm[n.end:n.end + 30])
            if ms and not n.scaled and n.value is not None:
                n.value = to_number(Decimal(str(n.value)) * SCALE_WORDS.get(ms.group("s").lower(), 100))
                n.scaled = True
                n.end += ms.end()
                mc2 = CURRENCY_AFTER_RE.match(norm[n.end:n.end + 30])
                if mc2:
                    n.end += mc2.end()
    # sign: "-1", "minus five"; not the hyphen of a range or a compound ("1000 - 5000", "COVID-19")
    before = norm[max(0, n.start - 40):n.start]
    tail = before.rstrip()
    msign = SIGN_RE.search(before) if tail.endswith("-") or tail[-8:].lower().endswith(("minus", "negative")) else None
    if msign and n.value is not None and (msign.group(0)[0].isalpha()
                                          or not _NUMBER_END_RE.search(before[:msign.start()])):
        n.value = -n.value
        n.start -= len(before) - msign.start()
        before = norm[max(0, n.start - 40):n.start]
    # qualifier before
    plain = n.qualifier == "exact" and n.kind != "vague"
    mq = _tail_phrase(before, _PRE_QUALIFIER_MAP) if plain else None
    if mq and mq[0] in _PARTICLES and before[:mq[1]].rstrip().rsplit(None, 1)[-1:] \
            and before[:mq[1]].rstrip().rsplit(None, 1)[-1].lower() in _PARTICLES[mq[0]]:
        mq = None  # "handed over four hostages": a verb's particle, not "more than"
    if mq:
        n.qualifier = _PRE_QUALIFIER_MAP[mq[0]]
        n.start -= len(before) - mq[1]
    elif plain and before.rstrip()[-1:] in ("<", ">", "=", "~"):
        ms = SYMBOL_QUALIFIER_RE.search(before)
        if ms and not _SYMBOL_OPERAND_RE.search(before[:ms.start()] or " "):
            n.qualifier = _SYMBOL_QUALIFIERS[ms.group("q")]
            n.start -= len(before) - ms.start("q")
    if n.qualifier == "exact" and n.kind != "vague":
        post = norm[n.end:n.end + 20]
        h = post.lstrip()[:2].lower()
        # (a match starts, after spaces, with "+", "-plus", "plus", "or" or "and": a cheap test first)
        mpq = POST_QUALIFIER_RE.match(post) if h[:1] == "+" or h in ("-p", "pl", "or", "an") else None
        if mpq:
            if mpq.group("more"):
                n.qualifier = "more_than"
            elif mpq.group("least"):
                n.qualifier = "at_least"
            elif mpq.group("most"):
                n.qualifier = "at_most"
            else:
                n.qualifier = "approximately"
            n.end += mpq.end()
    _set_bounds(n)
    n.text = norm[n.start:n.end]
    return n


def _set_bounds(n: NumberSpan) -> None:
    if n.qualifier in ("more_than", "at_least"):
        n.low, n.high = n.value, None
    elif n.qualifier in ("at_most", "less_than"):
        n.low, n.high = None, n.value
    elif n.qualifier in ("exact", "approximately"):
        n.low = n.high = None


RANGE_GAP_RE = re.compile(r"^\s*(?P<sep>-|–|—|~|to|through|thru|and|or)\s*$", re.I)
_RANGE_SEPS = frozenset(("-", "–", "—", "~", "to", "through", "thru", "and", "or"))  # RANGE_GAP_RE's
RANGE_FROM_RE = re.compile(r"(?P<w>\bbetween|\bfrom)\s+$", re.I)
CHANGE_BEFORE_RE = re.compile(
    r"\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increased?|increasing|decreased?|decreasing|dropped"
    r"|drop|jumped|jump|climbed|climb|declined?|grew|grown|went|up|down|cut|raised|lowered|revised|changed"
    r"|moved|slipped|slid|surged|soared|plunged|plummeted|doubled|tripled|edged|ticked|swung|shrank|expanded"
    r"|reduced|boosted|lifted)\s+(?:\w+\s+){0,3}?(?:from|by)?\s*$", re.I)


def _merge_ranges(norm: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    out: list[NumberSpan] = []
    i = 0
    while i < len(spans):
        a = spans[i]
        b = spans[i + 1] if i + 1 < len(spans) else None
        # (the cheap tests first: bounds of opposite directions are rare)
        if b is not None and a.value is not None and b.value is not None and a.unit == b.unit and (
                (a.qualifier in ("more_than", "at_least") and b.qualifier in ("less_than", "at_most"))
                or (b.qualifier in ("more_than", "at_least") and a.qualifier in ("less_than", "at_most"))) \
                and _BOUNDS_JOIN_RE.fullmatch(norm[a.end:b.start]):
            lo_n, hi_n = (a, b) if a.qualifier in ("more_than", "at_least") else (b, a)
            if lo_n.value < hi_n.value:
                out.append(NumberSpan(start=a.start, end=b.end, text=norm[a.start:b.end], value=None,
                                      low=lo_n.value, high=hi_n.value, qualifier="range", unit=a.unit,
                                      kind="range", core_start=a.core_start, core_end=b.core_end))
                i += 2
                continue
        if b is not None and a.value is not None and b.value is not None and a.kind != "vague" \
                and b.kind != "vague" and a.qualifier in ("exact", "approximately") and b.qualifier == "exact":
            gap = norm[a.end:b.start]
            # (its separators hold no letter re.I matches to a non-ASCII one: a set test first)
            mg = RANGE_GAP_RE.match(gap) if gap.strip().lower() in _RANGE_SEPS else None
            if mg and "\n" not in gap:
                sep = mg.group("sep").lower()
                before = norm[max(0, a.start - 60):a.start]
                mf = RANGE_FROM_RE.search(before)
                lead = mf.group("w").lower() if mf else None
                ok = False
                if sep == "and":
                    ok = lead == "between"
                elif sep == "or":
                    ok = a.kind == b.kind == "word" and a.value < b.value <= 2 * a.value + 2
                elif sep in ("-",) and (norm[a.end:a.end + 1] != "-" or norm[b.start - 1:b.start] != "-"):
                    ok = False  # "1000 - 5000" with spaces only, "1000-5000" without
                    ok = gap.strip() == "-"
                else:
                    ok = True
                if sep in ("to", "-", "–", "—") and CHANGE_BEFORE_RE.search(
                        norm[max(0, a.start - 60):a.start - (5 if lead == "from" else 0)]):
                    ok = False  # "rose from 120 to 150", "rose by 27k to 1.6m": a change, not a range
                if ok:
                    av = Decimal(str(a.value))
                    bv = Decimal(str(b.value))
                    unit = b.unit if a.unit == "count" else a.unit
                    if b.unit not in ("count", unit):
                        ok = False
                    # scale sharing: "1.5 to 2 million", "5 to 10 percent"
                    if b.scaled and not a.scaled and av < 1000:
                        scale = _scale_of(norm, b)
                        if scale and av <= bv / scale:
                            av *= scale
                    if ok and av < bv:
                        start = a.start
                        if lead:
                            start = a.start - (len(before) - mf.start("w"))
                        r = NumberSpan(start=start, end=b.end, text=norm[start:b.end], value=None,
                                       low=to_number(av), high=to_number(bv), qualifier="range",
                                       unit=unit, kind="range", core_start=a.core_start, core_end=b.core_end,
                                       scaled=b.scaled)
                        out.append(r)
                        i += 2
                        continue
        out.append(a)
        i += 1
    return out


def _scale_of(norm: str, n: NumberSpan) -> int | None:
    core = norm[n.core_start:n.core_end]
    m = _SCALE_WORD_END_RE.search(core)
    if m:
        return ALL_WORDS[m.group(1).lower()]
    m = _SCALE_SUFFIX_END_RE.search(core)
    if m:
        return SUFFIX_SCALES[m.group(1)]
    return None


# --------------------------------------------------------------------------------------------
# Claim filters

# "Maria Ferrer, 61, ...": a small number set off by commas right after a name is an age
# a person named by a role before ", 43,": an age
_ROLE_COMMA_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|our|its)\s+(?:[\w'’-]+\s+){0,3}(?:minister|president|premier|leader|chancellor"
    r"|spokes(?:man|woman|person)|mother|father|son|daughter|wife|husband|widow|farmer|driver|teacher|doctor|nurse"
    r"|officer|journalist|photographer|resident|owner|shopkeeper|mayor|governor|commander|activist|student|worker"
    r"|engineer|lawyer|director|survivor|man|woman|boy|girl|grandmother|grandfather|fisherman|trader|vendor"
    r"|candidate|defendant|suspect|victim|pilot|volunteer|priest|imam|surgeon|paramedic)\s*,\s$", re.I)
_SPEAKER_COUNT_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:sources|officials|witnesses|diplomats|residents|people\s+familiar\s+with\s+[\w\s]{1,30}?)"
    r"\s+(?:said|say|says|told|confirmed|reported)\b")


def _may_name_speakers(after: str) -> bool:
    """A substring every _SPEAKER_COUNT_AFTER_RE match holds (most numbers have none)."""
    return "ourc" in after or "ffic" in after or "itness" in after or "iplomat" in after or "esident" in after \
        or "amiliar" in after


_LEVEL_BEFORE_RE = re.compile(r"\b(?:signal|alert\s+level|alert|warning\s+level|level|category|grade|stage|threat\s+level)"
                              r"\s+(?:to|of|at)\s+$", re.I)
_FISCAL_YEAR_BEFORE_RE = re.compile(r"(?:19|20)\d\d/$")
_NAMED_AREA_RE = re.compile(r"\s+(?:neighbou?rhood|district|sector|zone|block|quarter|commune|camp|area)\b")
_CAPITAL_WORD_BEFORE_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s$")
_RANGE_TO_MEASURE_RE = re.compile(r"[-–]\d+(?:\.\d+)?\s*" + MEASURE_AFTER_RE.pattern[1:], re.I)
_DIMENSION_AFTER_RE = re.compile(r"\s*(?:by|x|×)\s*\d+(?:[.,]\d+)?", re.I)
_NAME_COMMA_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z'’-]+,\s$")
_NAME_WORD_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")


_SENTENCE_WORDS = {"In", "At", "On", "From", "The", "And", "But", "Of", "For", "To", "By", "With"}
_PHONE_WORDS = ("call", "calling", "dial", "dialling", "dialing", "line", "hotline", "helpline", "phone", "telephone",
                "text", "texting", "whatsapp")


def _phone_before(before: str) -> bool:
    """Whether ``before`` ends with "call", "the emergency line on", "dial" ...: a phone number follows."""
    b = before.rstrip().lower()
    if b.endswith((" on", " at")):
        b = b[:-3].rstrip()
    elif b.endswith(" or") and b[:-3].rstrip()[-1:].isdigit():
        # "call 114 or 2813-1111": the number before the "or" follows the phone word
        b = b[:-3].rstrip().rstrip("0123456789-+ ").rstrip()
        if b.endswith((" on", " at")):
            b = b[:-3].rstrip()
    if not b.endswith(_PHONE_WORDS):
        return False
    word = b.rsplit(None, 1)[-1]
    return word.lstrip("(\"“'") in _PHONE_WORDS
_STREET_AFTER_RE = re.compile(r"\s+(?:(?:(?:al|el|ad|ar|as|an|at|az|ash|ibn|bin|de|del|la|le|van|von)[-\s])?[A-Z][\w'’-]+\s+){1,3}(?:Road|Street|Avenue|Boulevard|Lane|Drive|Way|Square"
                              r"|Place|Court|Terrace|St\.|Ave\.|Rd\.|Blvd\.?)(?![\w])")
_BE_UNDER_BEFORE_RE = re.compile(r"\b(?:were|are|was|is)\s+(?:under|below)\s+$", re.I)
_SHORT_YEAR_RANGE_RE = re.compile(r"\b(?:1[89]|20)\d\d[-–]$")
_TIMES_AFTER_RE = re.compile(r"\s+times\s+(?:the|as|more|higher|greater|larger|fewer|less|that|than|what)\b", re.I)
_PAIR_REFERENCE_RE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
_GROUP_NOUN_AFTER_RE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:countries|sides|nations|governments|leaders|parties|states|governorates|provinces|regions"
    r"|cities|towns|ministries|armies|militaries|delegations|teams|companies|banks|chambers|houses)\b")
_FLIGHT_CODE_BEFORE_RE = re.compile(r"\b(?:[Ff]light|[Tt]rain|[Rr]oute)\s+[A-Z0-9]{2}\s?$")
_NUMBER_JOIN_RE = re.compile(r"\d+[-/]$")


def _is_place_name(before: str) -> bool:
    """Whether the words before "X, 12," name a place (a count by place, not a person's age): "Rafah, 12,"
    is a place, but "Ahmed Hassan, 31," a person even though Hassan is also a city."""
    from .places import gazetteer  # lazy: the gazetteer loads on first use

    words = before.rstrip().rstrip(",").split()
    names = gazetteer()[0]
    if len(words) >= 2 and words[-2][:1].isupper() and words[-2].isalpha() and words[-2] not in _SENTENCE_WORDS:
        return " ".join(words[-2:]) in names
    return bool(words) and words[-1] in names


# what a RANGE_DURATION_AFTER_RE match starts with after spaces
_RANGE_DURATION_STARTS = frozenset("-–tToO")


def _letter_before(two: str) -> bool:
    """_LETTER_BEFORE_RE.search(two) for the two characters before a number, the regex only when the last is a
    letter, "-" or a newline (mostly a space: no search)."""
    last = two[-1:]
    return (last in ("-", "\n", "") or last.isascii() and last.isalpha()) and _LETTER_BEFORE_RE.search(two) is not None


def _skip_reason(norm: str, n: NumberSpan, zones: _Zones) -> str | None:
    kind = zones.hit(n.core_start, n.core_end, n.kind == "range")
    if kind:
        return kind
    core = norm[n.core_start:n.core_end]
    after = norm[n.end:n.end + 60]
    before = norm[max(0, n.start - 60):n.start]
    nk = n.kind  # (read once: most rules below ask)
    number = nk == "number"
    exact = n.qualifier == "exact"
    if nk in ("number", "word") and n.unit == "count":
        ma = _AFTER_SKIP_RE.match(after)  # duration, measure, time, compound
        if ma:
            return ma.lastgroup
        # (cheap tests first, here and below: what a match must start with or hold)
        if after.lstrip()[:1] in _RANGE_DURATION_STARTS and RANGE_DURATION_AFTER_RE.match(after):
            return "duration"
        if number and exact and before[-24:].rstrip().endswith(_IDENT_ENDINGS) \
                and IDENT_BEFORE_RE.search(before[-24:]):
            return "identifier"
        if number and before.rstrip().endswith(_MAGNITUDE_ENDS) and _MAGNITUDE_BEFORE_RE.search(before):
            return "measure"
        if number and before.endswith(("to ", "of ", "at ")) and _LEVEL_BEFORE_RE.search(before[-40:]):
            return "identifier"  # "raised its danger signal to 10", "an alert level of 4": a level on a scale
        if number and norm[n.core_end:n.core_end + 1].isalpha() and _LETTER_START_RE.match(norm[n.core_end:n.core_end + 1]):
            return "identifier"
        if number and exact and len(core) == 4 and _FOUR_DIGITS_RE.fullmatch(core):
            v = int(core)
            if 1000 <= v <= 2199 and (YEAR_PREP_RE.search(before[-16:]) or not COUNT_NOUN_AFTER_RE.match(after)):
                return "year"
        if core[:1] == "0" and _LEADING_ZERO_RE.fullmatch(core):
            return "identifier"
        if n.qualifier == "less_than" and _AGE_UNDER_BEFORE_RE.search(norm[max(0, n.core_start - 40):n.core_start]) \
                and (n.value is None or n.value <= 21 or not _BE_UNDER_BEFORE_RE.search(norm[max(0, n.core_start - 12):n.core_start])):
            return "age"  # "children under 5"; "a quarter of the dead were under 18" (an age, not a bound)
        if before.endswith("than ") and (n.value is None or n.value <= 120) and _AGE_THAN_BEFORE_RE.search(before[-16:]):
            return "age"  # "many of them younger than 15", "people older than 60"
        if number and exact and len(core) <= 3 and core.isdigit() and after[:1] == "," \
                and before.endswith(", ") and _NAME_COMMA_RE.search(before) and int(core) <= 120 \
                and not _is_place_name(before):
            return "age"  # "Maria Ferrer, 61, a former mayor"
        if number and exact and len(core) <= 3 and core.isdigit() and after[:1] == "," \
                and before.endswith(", ") and int(core) <= 120 and _ROLE_COMMA_RE.search(before[-60:]):
            return "age"  # "The prime minister, 43, told supporters"
        # (each rare rule behind a substring test its pattern needs)
        if exact and _may_name_speakers(after) and _SPEAKER_COUNT_AFTER_RE.match(after):
            return "speakers"  # "two security sources said": who speaks, not what is counted
        if number and len(core) == 2 and before[-1:] == "/" and _FISCAL_YEAR_BEFORE_RE.search(before[-6:]):
            return "year"  # "the 2024/25 season"
        if number and before[-2:-1].islower() and _NAMED_AREA_RE.match(after) \
                and _CAPITAL_WORD_BEFORE_RE.search(before[-24:]):
            return "identifier"  # "the Delmas 32 neighbourhood"
        if number and after[:1] in ("-", "–") and _RANGE_TO_MEASURE_RE.match(after):
            return "measure"  # "falling by 5-7 centimetres an hour": the range's end is a measure
        if number and ("by" in after[:4] or "x" in after[:3] or "×" in after[:3]):
            md = _DIMENSION_AFTER_RE.match(after)
            if md and MEASURE_AFTER_RE.match(after[md.end():]):
                return "measure"  # "a cell measuring 4 by 6 metres"
        # (the pattern's dash ends the text or stands before a final "\n": a substring test first)
        if number and exact and len(core) == 2 and ("-" in before[-2:] or "–" in before[-2:]) \
                and _SHORT_YEAR_RANGE_RE.search(before[-6:]):
            return "year"  # "the 1975-90 civil war"
        if (after.lstrip()[:5].lower() == "times" or not after.lstrip()[:5].isascii()) and _TIMES_AFTER_RE.match(after):
            return "multiplier"  # "more than 45 times the 25 recorded": a ratio, not a count
        if nk == "word" and _PAIR_REFERENCE_RE.search(before[-12:]) and _GROUP_NOUN_AFTER_RE.match(after):
            return "reference"  # "the two countries' ministries", "the two northern governorates"
        if nk == "word" and core[:1].isupper() and _NAME_WORD_AFTER_RE.match(after) \
                and _THE_BEFORE_RE.search(before):
            return "name"  # "the Three Brotherhood Alliance", "The Five Eyes": a name, not a count
        if number and ((before[-1:] == " " and _phone_before(before))
                                   or (before.endswith(", ") and after[:1] in (",", ")") and _phone_before(before[:-2]))
                                   or (after[:1] == " " and _STREET_AFTER_RE.match(after))):
            return "identifier"  # "call the emergency line on 112", "24 Fontanska Road"
        # (a cheap test first: a capital or a digit stands before the final space)
        if before.endswith(" ") and ("A" <= before[-2:-1] <= "Z" or "0" <= before[-2:-1] <= "9") \
                and _FLIGHT_CODE_BEFORE_RE.search(before[-24:]):
            return "identifier"  # "flight PR 2986" ("under the age of five" is an age zone of _ZONE_RE)
        if number and before.endswith(("-", "/")):
            mm = _NUMBER_JOIN_RE.search(before)
            if mm and IDENT_BEFORE_RE.search(before[:mm.start()][-24:]):
                return "identifier"  # "Boeing 737-800": the rest of a model number
        if nk == "word" and exact and core.lower() in ("one", "zero", "nought", "naught"):
            if not ONE_OK_AFTER_RE.match(after):
                return "pronoun"  # "under this one building", "one of the first"
        if nk == "word" and core.lower() == "one" and _OF_AFTER_RE.match(after) and not ONE_OK_AFTER_RE.match(after):
            return "pronoun"
    if nk == "fraction" and _FRACTION_COMPOUND_AFTER_RE.match(after):
        return "compound"
    if nk in ("number", "percent", "currency") and _letter_before(norm[max(0, n.core_start - 2):n.core_start]) \
            and not _PREFIX_HYPHEN_BEFORE_RE.search(norm[max(0, n.core_start - 8):n.core_start]):
        return "identifier"
    return None


class _Zones:
    """Stretches of text whose numbers are not claims: URLs (may overlap one another) and dates,
    times, phones, versions, ages (one regex scan, so sorted and disjoint)."""

    def __init__(self, urls: list[tuple[int, int]], zones: list[tuple[int, int, str]]) -> None:
        urls.sort()
        self.url_starts = [u[0] for u in urls]
        self.url_maxend = []
        top = -1
        for _s, e in urls:
            top = max(top, e)
            self.url_maxend.append(top)
        self.zones = zones
        self.starts = [z[0] for z in zones]

    def hit(self, a0: int, a1: int, is_range: bool) -> str | None:
        """Kind of the zone overlapping ``[a0, a1)`` (a URL first), None if there is none."""
        if self.url_starts:  # (most texts have no URL)
            k = bisect_left(self.url_starts, a1) - 1
            if k >= 0 and self.url_maxend[k] > a0:
                return "url"
        if not self.starts:
            return None
        j = bisect_left(self.starts, a1) - 1
        found = None
        while j >= 0 and self.zones[j][1] > a0:
            if not (is_range and self.zones[j][2] == "date"):
                found = self.zones[j][2]
            j -= 1
        return found


def _url_matches(norm: str) -> Iterator[re.Match]:
    """_URL_RE's matches in ``norm`` (none without one of _URL_MARKS, in ASCII text: most texts name no
    address, and the scan stops at every "h", "w" and ".")."""
    if not norm.isascii():
        return _URL_RE.finditer(norm)  # (non-ASCII letters may fold onto ASCII ones under re.I: no shortcut)
    low = norm.lower()
    return _URL_LOWER_RE.finditer(low) if any(map(low.__contains__, _URL_MARKS)) else iter(())


def _zones(norm: str) -> _Zones:
    urls = []
    zones = []
    for m in _url_matches(norm):
        s = m.start()
        while s > 0 and (norm[s - 1].isalnum() or norm[s - 1] in "._-@/:"):
            s -= 1
        urls.append((s, m.end()))
    for m in _ZONE_SCAN.finditer(norm):
        kind = m.lastgroup or "zone"
        if kind == "date":
            # month names must be capitalised ("may" is a verb)
            mm = _LETTERS_RE.search(m.group(0))
            if mm and not _MONTH_CASE_RE.match(mm.group(0)):  # (a numeric date holds no letters)
                continue
        zones.append((m.start(), m.end(), kind))
    return _Zones(urls, zones)


# Figures factdb cannot read truthfully are left out rather than misread: a
# scale word beyond SCALE_WORDS ("999 quadrillion" is not 999), a power
# ("10^400" is neither 10 nor 400), and anything of MAX_FIGURE or more (no
# count is that large, and a float column holds integers exactly only up
# to 2**53).
MAX_FIGURE = 10**15
_UNKNOWN_SCALE_AFTER_RE = re.compile(r"\s*-?\s*(?:[a-z]+illion|googol|lakh crore crore)s?\b", re.I)
_POWER_AFTER_RE = re.compile(r"\s*(?:\^|\*\*|[x×]\s*10\s*\^)|[eE][+-]?\d")
_POWER_BEFORE_RE = re.compile(r"(?:\^|\*\*)\s*$")


def _beyond_reading(norm: str, n: NumberSpan) -> bool:
    """True for a figure that is out of range or carries a scale or power not read (see above)."""
    for v in (n.value, n.low, n.high):
        if v is not None and abs(v) >= MAX_FIGURE:
            return True
    after = norm[n.end:n.end + 24]
    before = norm[max(0, n.start - 4):n.start]
    # every match of the patterns below holds one of these: a substring test first (non-ASCII text folds
    # under re.I, so no shortcut for it)
    if after.isascii() and "^" not in after and "*" not in after and after[:1] not in ("e", "E") \
            and "^" not in before and "*" not in before:
        low = after.lower()
        if "illion" not in low and "googol" not in low and "lakh" not in low:
            return False
    m = _UNKNOWN_SCALE_AFTER_RE.match(after)
    if m and m.group(0).strip().lstrip("-").strip().lower().rstrip("s") not in SCALE_WORDS:
        return True
    return bool(_POWER_AFTER_RE.match(after) or _POWER_BEFORE_RE.search(before))


def find_numbers(text: str, with_skipped: bool = True, claims: bool = True) -> list[NumberSpan]:
    """Every number phrase in ``text`` with offsets into ``text``.

    Spans that are not quantitative claims carry ``skip`` (``year``, ``date``, ``time``, ``age``,
    ``duration``, ``identifier``, ``measure``, ``url``, ``phone``, ``compound``, ``name``,
    ``pronoun``, ``reference``, ``multiplier``, ``magnitude``); pass ``with_skipped=False`` to drop them. With ``claims=False`` nothing is
    skipped and a lone fraction ("one eighth") needs no context: the phrase-parser mode.
    """
    norm = normalize_digits(text)
    spans = [_attach(norm, n) for n in _scan(norm, strict=claims)]
    spans.sort(key=lambda n: (n.start, -n.end))
    # drop spans swallowed by a longer one (e.g. qualifier overlap)
    dedup: list[NumberSpan] = []
    for n in spans:
        if dedup and n.start < dedup[-1].end:
            if n.end - n.start > dedup[-1].end - dedup[-1].start and n.core_start >= dedup[-1].end:
                dedup[-1] = n
            continue
        dedup.append(n)
    zones = _zones(norm) if claims else None
    for n in dedup:
        n.skip = _skip_reason(norm, n, zones) if claims else None
        if n.skip is None and _beyond_reading(norm, n):
            n.skip = "magnitude"
    kept = [n for n in dedup if n.skip is None]
    merged = _merge_ranges(norm, kept)
    result = merged + ([n for n in dedup if n.skip] if with_skipped else [])
    result.sort(key=lambda n: n.start)
    for n in result:
        n.text = text[n.start:n.end]
    return result


def parse_number(phrase: str) -> NumberSpan | None:
    """Parse one number phrase; returns the longest number span found in it, or None."""
    found = find_numbers(phrase, claims=False)
    if not found:
        return None
    best = max(found, key=lambda n: (n.end - n.start, -n.start))
    return replace(best)
