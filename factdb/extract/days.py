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
- :func:`current_month_so_far`: "in January" in a report of Jan. 20 ends on the report day.

Windows ("the past 24 hours"), "overnight", the weekend, day ranges and parts of a year ("the first
half of August", "the third quarter") are periods, not days, and stay in :mod:`.dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

__all__ = ["parse_day", "month_day", "weekday", "month", "current_month_so_far", "day_within_month",
           "month_day_ahead_is_a_future_reference", "month_named_ahead_is_a_future_reference",
           "same_weekday_is_the_report_day"]

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


def month_day(phrase: str, base: dt.date | None, *, ahead: bool = True) -> tuple[dt.date | None, bool]:
    """A month-day phrase ("Oct. 7", "7 October 2023", "2023-10-07"): (day, is_future). ``ahead=False``
    where the phrase can only look back ("since Oct. 8", the first day of a range)."""
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
    got = parse_day(name, base)
    return got[0] if got else None


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
    # (the first day: dateparser, preferring the past, puts the last day of the current month a year back)
    got = parse_day(phrase, base, "first")
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
