"""Which calendar day a found date phrase names: dateparser, plus the few rules it has none for.

``dateparser`` resolves the phrase against a base day (the publication date, or the day of the
statement a caller anchors on), preferring the past: "Oct. 7" in a report of Jan. 3 is last year's,
"Tuesday" the Tuesday before. Each call is cached per (phrase, base day, day-of-month preference),
so a corpus with a handful of publication dates calls it once per distinct phrase and day.

The rules below are the news readings dateparser has no rule for; each is named after what it
decides and has a table test in ``tests/test_extract_dates.py``:

- :func:`same_weekday_is_the_report_day`: "on Tuesday" in a report of a Tuesday is that day
  (dateparser takes the Tuesday a week before);
- :func:`month_day_ahead_is_a_future_reference`: "by Feb. 10" in a report of Jan. 3 announces a
  day to come, not last year's Feb. 10 (dateparser, preferring the past, returns the latter);
- :func:`month_named_ahead_is_a_future_reference`: the same for a month ("by March", "in February");
- :func:`day_within_month`: "in early June" (the 10th), "mid-June" (the 15th), "at the start of June";
- :func:`current_month_so_far`: "in January" in a report of Jan. 20 ends on the report day;
- :func:`day_number_in_words`: "May twenty-first", "the second of Aug" are "May 21", "the 2 of Aug"
  (dateparser reads day numbers in digits only);
- :func:`day_of_month_alone`: "the 27th" is the most recent 27th (dateparser reads "the 4th" as April).

Windows ("the past 24 hours"), "overnight", the weekend, day ranges and parts of a year ("the first
half of August", "the third quarter") are periods, not days, and stay in :mod:`.dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .numbers import TEEN_WORDS, TENS_WORDS, UNIT_WORDS

__all__ = ["parse_day", "month_day", "weekday", "relative_day", "month", "current_month_so_far", "day_within_month",
           "month_day_ahead_is_a_future_reference", "month_named_ahead_is_a_future_reference",
           "same_weekday_is_the_report_day", "day_number_in_words", "day_of_month_alone",
           "is_day_of_month_alone"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SPACES_RE = re.compile(r"\s+")
_YEAR_IN_RE = re.compile(r"(?<![\d.,])\d{4}(?![\d.,])|\d{4}-\d{2}-\d{2}")
_MAX_BASE = dt.date(9998, 1, 1)  # (dateparser adds a year or a month to its base: stay clear of year 9999)
_NEAR_FUTURE_DAYS = 60
_NEAR_FUTURE_MONTHS = 2


def parse_day(phrase: str, base: dt.date | None, day_of_month: str = "current") -> tuple[dt.date, str] | None:
    """(day, dateparser's period: day/week/month/year) that ``phrase`` names, seen from ``base``, or None.

    ``day_of_month`` ("first", "last", "current") picks the day of a phrase that names only a month
    or a year. Without a base only a phrase with its year ("Oct. 7, 2023") resolves (the clock is
    never read)."""
    key = _SPACES_RE.sub(" ", phrase.strip().rstrip(".,;:")).lower()
    if not key:
        return None
    if base is None:
        if not _YEAR_IN_RE.search(key):
            return None
        base = dt.date(2000, 1, 1)  # (any day: the phrase names its year)
    if not dt.date(2, 1, 1) <= base <= _MAX_BASE:
        return None
    return _parse_day(key, base, day_of_month)


@lru_cache(maxsize=65536)
def _parse_day(key: str, base: dt.date, day_of_month: str) -> tuple[dt.date, str] | None:
    from dateparser.date import DateDataParser  # lazy: a heavy import, needed only once a date is found

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12), "PREFER_DATES_FROM": "past",
                "PREFER_DAY_OF_MONTH": day_of_month, "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        got = DateDataParser(languages=["en"], settings=settings).get_date_data(key)
    except Exception:  # dateparser raises assorted errors on odd input (year 0, 20-digit numbers)
        return None
    if got is None or got.date_obj is None:
        return None
    return got.date_obj.date(), got.period or "day"


def month_day_ahead_is_a_future_reference(day: dt.date, base: dt.date) -> bool:
    """A month-day without a year that falls up to 60 days after ``base`` in the base's year (or the
    next, in late December) is a day to come ("talks resume on Feb. 10", "by Jan. 5"), not the same day
    a year before, which is what dateparser returns when it prefers the past."""
    for year in (base.year, base.year + 1):
        try:
            ahead = day.replace(year=year)
        except ValueError:  # (Feb. 29 in a common year)
            continue
        if base < ahead and (ahead - base).days <= _NEAR_FUTURE_DAYS:
            return True
    return False


@lru_cache(maxsize=65536)
def month_day(phrase: str, base: dt.date | None, *, ahead: bool = True) -> tuple[dt.date | None, bool]:
    """A month-day phrase ("Oct. 7", "7 October 2023", "2023-10-07"): (day, is_future). ``ahead=False``
    where the phrase can only look back ("since Oct. 8", the first day of a range). Cached whole (the
    phrase's key, the base's range check and the look-ahead cost more than the lookup)."""
    got = parse_day(phrase, base)
    if got is None or got[1] != "day":
        return None, False
    day = got[0]
    if ahead and base is not None and not _YEAR_IN_RE.search(phrase) \
            and month_day_ahead_is_a_future_reference(day, base):
        return None, True
    return day, False


def same_weekday_is_the_report_day(wd: int, base: dt.date) -> bool:
    """A weekday named in a report of that weekday ("the ministry said on Tuesday" in Tuesday's paper)
    is the report's own day; dateparser takes the one a week before."""
    return base.weekday() == wd


def weekday(name: str, base: dt.date | None, *, before: bool = False) -> dt.date | None:
    """The day "Tuesday" names: the most recent on or before ``base`` (strictly before with ``before``:
    "since Tuesday", "last Tuesday")."""
    if base is None:
        return None
    wd = WEEKDAYS.index(name.lower())
    if not before and same_weekday_is_the_report_day(wd, base):
        return base
    offset = _weekday_offset(name.lower(), base.weekday())
    return None if offset is None or base.toordinal() + offset < 1 else base + dt.timedelta(days=offset)


_MONDAY = dt.date(2024, 1, 1)


@lru_cache(maxsize=64)
def _weekday_offset(name: str, base_weekday: int) -> int | None:
    """Days from the base to the day dateparser gives for a weekday name: they depend on the base's
    weekday only, so dateparser is asked once per pair rather than once per publication date."""
    base = _MONDAY + dt.timedelta(days=base_weekday)
    got = parse_day(name, base)
    return None if got is None else (got[0] - base).days


# phrases a fixed number of days before the base, whatever the base ("N months ago" is not: months differ)
_FIXED_OFFSET_RE = re.compile(r"yesterday|today|tonight|last night|last week|this week"
                              r"|(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten) (?:days?|weeks?) ago")


def relative_day(phrase: str, base: dt.date | None) -> dt.date | None:
    """The day a relative phrase names ("yesterday", "last week", "three days ago"), on or before ``base``."""
    if base is None:
        return None
    key = _SPACES_RE.sub(" ", phrase.strip()).lower()
    if _FIXED_OFFSET_RE.fullmatch(key):
        offset = _fixed_offset(key)
        if offset is None or base.toordinal() + offset < 1:
            return None
        day = base + dt.timedelta(days=offset)
    else:
        got = parse_day(key, base)
        day = got[0] if got else None
    return day if day is not None and day <= base else None


@lru_cache(maxsize=1024)
def _fixed_offset(key: str) -> int | None:
    """Days from the base to the day dateparser gives for ``key`` (any base: the offset is the same)."""
    got = parse_day(key, _MONDAY)
    return None if got is None else (got[0] - _MONDAY).days


def month_named_ahead_is_a_future_reference(mon: int, base: dt.date, deadline: bool) -> bool:
    """A month named without a year later in the year than ``base``'s is a month to come when it is a
    deadline ("by June") or up to two months ahead ("in February" in January); further ahead it is the
    year before's ("in October" in a report of January)."""
    return mon > base.month and (deadline or mon - base.month <= _NEAR_FUTURE_MONTHS)


def day_within_month(position: str) -> int | None:
    """The day "in early June" (10), "mid-June" (15) or "at the start of June" (1) dates a figure on;
    None for the month's last day."""
    position = position.lower()
    if "start" in position or "beginning" in position:
        return 1
    if "early" in position:
        return 10
    if "mid" in position:
        return 15
    return None


def current_month_so_far(last: dt.date, base: dt.date | None) -> dt.date:
    """The month of the report is counted up to the report day: "in January" on Jan. 20 ends on the 20th."""
    return base if base is not None and last > base else last


def month(phrase: str, base: dt.date | None, *, deadline: bool = False, first: bool = False, ahead: bool = True
          ) -> tuple[dt.date | None, bool]:
    """A month named with or without its year ("June", "June 2023"): (its last day, or first with
    ``first``; is_future). ``deadline``: "by June", a month still to come when later in the year;
    ``ahead=False`` where the phrase can only look back ("since October")."""
    # (the first day: dateparser, preferring the past, puts the last day of the current month a year back;
    # which month it names depends on the base's month only, so the cache is keyed on that month)
    got = parse_day(phrase, base and base.replace(day=1), "first")
    if got is None or got[1] != "month":
        return None, False
    day = got[0]
    if not first:
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if base is None:
        return day, False
    if ahead and not _YEAR_IN_RE.search(phrase) and month_named_ahead_is_a_future_reference(day.month, base,
                                                                                            deadline):
        return None, True
    if (day.year, day.month) > (base.year, base.month):
        return None, True
    return day, False


def _ordinal(word: str) -> str:
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                 "nine": "ninth", "twelve": "twelfth"}
    return irregular.get(word) or (word[:-1] + "ieth" if word.endswith("y") else word + "th")


def _day_words() -> dict[str, int]:
    """Every way to write a day number 1-31 in words: "one", "first", "twenty-one", "twenty first"."""
    words = {w: n for w, n in {**UNIT_WORDS, **TEEN_WORDS}.items() if 1 <= n <= 31}
    for w, n in TENS_WORDS.items():
        if n <= 30:
            words[w] = n
            for u, k in UNIT_WORDS.items():
                if 1 <= k and n + k <= 31:
                    words[f"{w} {u}"] = n + k
    out = {}
    for w, n in words.items():
        *head, last = w.split()
        for form in (w, " ".join([*head, _ordinal(last)])):
            out[form] = n
    return out


_DAY_WORDS = _day_words()
_DAY_WORDS_ALT = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(_DAY_WORDS, key=len, reverse=True))
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
               r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# a day number in words next to a month: "May twenty-first", "the second of Aug", "twenty third day of September"
_DAY_IN_WORDS_RE = re.compile(
    r"(?P<pre>\b" + _MONTH_NAME + r"\s+(?:the\s+)?)(?P<a>" + _DAY_WORDS_ALT + r")\b"
    r"|\b(?P<b>" + _DAY_WORDS_ALT + r")(?:\s+day\b)?(?=(?:\s+of)?\s+" + _MONTH_NAME + r"(?!\w))", re.I)


def day_number_in_words(phrase: str) -> str:
    """"May twenty-first" -> "May 21", "the second of Aug" -> "the 2 of Aug": dateparser reads day
    numbers in digits only. Only a number next to a month name is a day."""
    if not any(c.isalpha() for c in phrase):
        return phrase

    def digits(m: re.Match) -> str:
        words = _SPACES_RE.sub(" ", (m.group("a") or m.group("b")).lower().replace("-", " "))
        return (m.group("pre") or "") + str(_DAY_WORDS[words])

    return _DAY_IN_WORDS_RE.sub(digits, phrase)


_DAY_ALONE_RE = re.compile(r"(?:the\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th))", re.I)


def is_day_of_month_alone(phrase: str) -> bool:
    """"the 27th", "the 4th", "the 21", "4th": a day of a month and nothing else."""
    return _DAY_ALONE_RE.fullmatch(_SPACES_RE.sub(" ", phrase.strip())) is not None


def day_of_month_alone(phrase: str, base: dt.date | None) -> dt.date | None:
    """"the 27th", "the 4th", "the 21": the most recent such day of a month on or before ``base`` (the
    current month's, else the month before's that has the day). None when ``phrase`` is not one."""
    m = _DAY_ALONE_RE.fullmatch(_SPACES_RE.sub(" ", phrase.strip()))
    if m is None or base is None:
        return None
    day = int(m.group(1) or m.group(2))
    if not 1 <= day <= 31:
        return None
    y, mon = base.year, base.month
    for _ in range(3):  # (at most two months back reach a month with a 29th, 30th or 31st)
        if day <= calendar.monthrange(y, mon)[1] and dt.date(y, mon, day) <= base:
            return dt.date(y, mon, day)
        y, mon = (y, mon - 1) if mon > 1 else (y - 1, 12)
        if y < 1:
            return None
    return None
