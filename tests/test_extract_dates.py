"""Date phrases resolved by dateparser against the publication date, and the rules it has none for.

Each rule of factdb.extract.days (and each period rule of factdb.extract.dates) has its own table;
the Recognizers-Text date specs (a committed subset, see tests/data/extract/SOURCE.md) measure
resolve_date as a whole.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from factdb.extract import days
from factdb.extract.dates import find_time_phrases, resolve_date

DATA = Path(__file__).parent / "data" / "extract"
D = dt.date.fromisoformat


def _phrase(text: str, published: str):
    found = find_time_phrases(text, 0, len(text), D(published))
    assert len(found) == 1, found
    return found[0]


# --- dateparser, RELATIVE_BASE = publication date, past preferred ---------------------------------------------

@pytest.mark.parametrize("phrase,published,expected", [
    ("Oct. 7", "2024-01-03", "2023-10-07"),  # a month-day later in the year than the report: last year's
    ("on October 7", "2024-08-20", "2023-10-07"),
    ("7 October 2023", "2024-08-20", "2023-10-07"),
    ("2023-10-07", "2024-08-20", "2023-10-07"),
    ("on Jan. 2", "2024-01-03", "2024-01-02"),
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("last night", "2024-01-01", "2023-12-31"),
    ("three days ago", "2024-01-02", "2023-12-30"),
    ("two weeks ago", "2024-01-02", "2023-12-19"),
    ("last week", "2024-01-02", "2023-12-26"),
    ("on Monday", "2024-01-03", "2024-01-01"),
    ("last Tuesday", "2024-01-03", "2024-01-02"),
    ("the day before yesterday", "2016-11-07", "2016-11-05"),  # the whole phrase, not its "yesterday"
    ("Dec. 31, 1994", "2018-05-01", "1994-12-31"),
])
def test_dateparser_resolves_a_phrase_against_the_publication_date(phrase, published, expected):
    assert resolve_date(phrase, D(published)) == D(expected)


@pytest.mark.parametrize("text,published,since", [
    # a "since" date only looks back: Oct. 7 in an August report is last year's, not a day to come
    ("killed since Oct. 7", "2024-08-20", "2023-10-07"),
    ("displaced since October", "2024-08-15", "2023-10-01"),
    ("since Monday", "2024-01-01", "2023-12-25"),  # (a weekday since which: the one before the report day)
    ("since March 2022", "2024-01-01", "2022-03-01"),
])
def test_a_since_date_is_the_most_recent_past_one(text, published, since):
    assert _phrase(text, published).since == D(since)


def test_dateparser_calls_are_cached_per_phrase_and_day():
    days._parse_day.cache_clear()
    days.month_day.cache_clear()
    for _ in range(3):
        resolve_date("on Oct. 7", D("2024-01-03"))
        resolve_date("Oct. 7", D("2024-01-03"))
    resolve_date("Oct. 7", D("2024-01-04"))
    info = days._parse_day.cache_info()
    # dateparser ran once per (phrase, day); repeats are answered from a cache (this one or the one before it)
    assert info.misses == 2


def test_a_fixed_offset_phrase_asks_dateparser_once_whatever_the_day():
    # "yesterday" or "3 days ago" is the same offset from any publication day: an archive of a year of
    # articles asks dateparser once per phrase, not once per day
    days._parse_day.cache_clear()
    days._fixed_offset.cache_clear()
    for k in range(30):
        base = D("2024-03-01") + dt.timedelta(days=k)
        assert days.relative_day("yesterday", base) == base - dt.timedelta(days=1)
        assert days.relative_day("3 days ago", base) == base - dt.timedelta(days=3)
    assert days._parse_day.cache_info().misses == 2


@pytest.mark.parametrize("base", [D("2024-02-26") + dt.timedelta(days=k) for k in range(9)] + [D("2023-12-31")])
def test_answers_cached_by_weekday_or_offset_are_dateparsers_own(base):
    # a weekday's answer depends on the base's weekday only, "yesterday" or "3 days ago" on no base at all,
    # a month's on the base's month: cached so, they must still be what dateparser says for this very base
    for name in days.WEEKDAYS:
        assert days.weekday(name, base, before=True) == days._parse_day(name, base, "current")[0]
    for phrase in ("yesterday", "today", "last week", "3 days ago", "two weeks ago", "a day ago"):
        assert days.relative_day(phrase, base) == days._parse_day(phrase, base, "current")[0]
    for name in ("january", "february", "march", "december"):
        got = days.month(name, base, first=True, ahead=False)[0]
        assert got == days._parse_day(name, base, "first")[0]


# --- the rules dateparser has none for -----------------------------------------------------------------------

@pytest.mark.parametrize("wd,published,expected", [
    ("tuesday", "2024-01-02", "2024-01-02"),  # said on Tuesday, in Tuesday's report: that day
    ("monday", "2024-01-02", "2024-01-01"),
    ("wednesday", "2024-01-02", "2023-12-27"),
])
def test_same_weekday_is_the_report_day(wd, published, expected):
    assert days.weekday(wd, D(published)) == D(expected)
    assert days.same_weekday_is_the_report_day(days.WEEKDAYS.index(wd), D(published)) == (published == expected)


@pytest.mark.parametrize("day,published,future", [
    ("2023-02-10", "2024-01-03", True),  # "by Feb. 10" in January: a day to come
    ("2023-01-05", "2024-01-03", True),
    ("2023-03-22", "2024-01-20", False),  # 62 days ahead: far enough to be last year's
    ("2020-02-29", "2024-01-02", True),
    ("2023-02-07", "2023-12-21", True),  # (in the next year: "by February 7" in a December report)
    ("2023-10-07", "2024-01-03", False),
])
def test_month_day_ahead_is_a_future_reference(day, published, future):
    assert days.month_day_ahead_is_a_future_reference(D(day), D(published)) is future


@pytest.mark.parametrize("text,published,kind", [
    ("by Feb. 10", "2024-01-03", None),
    ("on Jan. 25", "2024-01-20", None),
    ("by Oct. 7", "2024-01-03", "point"),
])
def test_a_month_day_ahead_dates_nothing(text, published, kind):
    found = find_time_phrases(text, 0, len(text), D(published))
    assert [p.kind for p in found] == ([kind] if kind else [])


@pytest.mark.parametrize("mon,published,deadline,future", [
    (6, "2024-01-20", True, True),  # "by June" in January
    (3, "2024-01-20", False, True),  # "in March" in January: two months ahead
    (10, "2024-01-20", False, False),  # "in October" in January: last October
    (1, "2024-01-20", True, False),
])
def test_month_named_ahead_is_a_future_reference(mon, published, deadline, future):
    assert days.month_named_ahead_is_a_future_reference(mon, D(published), deadline) is future


@pytest.mark.parametrize("text,published,as_of,since,until", [
    ("by the end of June", "2024-08-01", "2024-06-30", "2024-06-01", "2024-06-30"),
    ("in early June", "2024-08-01", None, "2024-06-01", "2024-06-10"),
    ("in mid-June", "2024-08-01", None, "2024-06-01", "2024-06-15"),
    ("at the start of June", "2024-08-01", None, "2024-06-01", "2024-06-01"),
    ("in October", "2024-01-20", None, "2023-10-01", "2023-10-31"),
])
def test_day_within_month(text, published, as_of, since, until):
    p = _phrase(text, published)
    assert (p.as_of, p.since, p.until) == (as_of and D(as_of), D(since), D(until))


@pytest.mark.parametrize("text,published,until", [
    ("in January", "2024-01-20", "2024-01-20"),  # the report's own month: counted up to the report day
    ("in December", "2024-01-20", "2023-12-31"),
    ("by the end of January", "2024-01-20", "2024-01-20"),
])
def test_current_month_so_far(text, published, until):
    assert _phrase(text, published).until == D(until)


@pytest.mark.parametrize("phrase,expected", [
    ("May twenty-first", "May 21"),
    ("the second of Aug", "the 2 of Aug"),
    ("twenty third day of September", "23 of September"),
    ("Jan first, 2000", "Jan 1, 2000"),
    ("first Sunday", "first Sunday"),  # (no month next to it: no day)
    ("one day ago", "one day ago"),
])
def test_day_number_in_words(phrase, expected):
    assert days.day_number_in_words(phrase) == expected


@pytest.mark.parametrize("phrase,published,expected", [
    ("May twenty-first", "2016-11-07", "2016-05-21"),
    ("the second of Aug", "2016-11-07", "2016-08-02"),
])
def test_a_day_number_in_words_resolves(phrase, published, expected):
    assert resolve_date(phrase, D(published)) == D(expected)


@pytest.mark.parametrize("phrase,published,expected", [
    ("the 4th", "2018-08-07", "2018-08-04"),  # (dateparser alone: April 7)
    ("the 27th", "2016-11-07", "2016-10-27"),
    ("the 31st", "2024-03-05", "2024-01-31"),  # (February has none)
    ("the 7", "2016-11-07", "2016-11-07"),
    ("the 32nd", "2016-11-07", None),
    ("the 31st", "0001-01-05", None),
])
def test_day_of_month_alone(phrase, published, expected):
    assert days.day_of_month_alone(phrase, D(published)) == (expected and D(expected))
    assert resolve_date(phrase, D(published)) == (expected and D(expected))


# --- periods, not days (rules of factdb.extract.dates) ---------------------------------------------------------

@pytest.mark.parametrize("text,published,kind,as_of,since,days_back", [
    # windows: counted back from the anchor day
    ("in the past 24 hours", "2024-01-03", "window", None, None, 1),
    ("over the last three weeks", "2024-01-03", "window", None, None, 21),
    ("in the past 99999999999999999999 hours", "2024-01-03", "window", None, None, None),
    # day ranges: the last day dates the figures, the first starts them
    ("between 20 and 27 August", "2024-08-29", "range", "2024-08-27", "2024-08-20", None),
    ("Aug. 20-27", "2024-08-29", "range", "2024-08-27", "2024-08-20", None),
    ("from Dec. 20 to Jan. 3, 2024", "2024-01-10", "range", "2024-01-03", "2023-12-20", None),
    ("between Sunday and Tuesday", "2024-12-10", "range", "2024-12-10", "2024-12-08", None),
    # parts of a year or month that have ended: their last day
    ("in the first half of August", "2024-08-20", "range", "2024-08-15", "2024-08-01", None),
    ("in the second half of August", "2024-09-20", "range", "2024-08-31", "2024-08-16", None),
    ("in the third quarter of 2023", "2024-01-03", "range", "2023-09-30", "2023-07-01", None),
    # the weekend just past; the day of the report when it falls on one
    ("over the weekend", "2024-07-29", "point", "2024-07-28", None, None),
    ("over the weekend", "2024-07-27", "point", "2024-07-27", None, None),
    ("last weekend", "2024-07-28", "point", "2024-07-21", None, None),
])
def test_period_rules(text, published, kind, as_of, since, days_back):
    p = _phrase(text, published)
    assert (p.kind, p.as_of, p.since, p.days_back) == (kind, as_of and D(as_of), since and D(since), days_back)


@pytest.mark.parametrize("text,before", [
    ("overnight", 0), ("during the night", 0), ("this morning", 0), ("tonight", 0), ("yesterday", 1),
    ("last night", 1),
])
def test_overnight_and_yesterday_count_back_from_the_statement_day(text, before):
    assert _phrase(text, "2024-01-03").days_before_statement == before


# --- odd input ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "on Oct. 7, 0000", "since January 0000", "in the first half of 0000", "99999999999999999999 days ago",
    "between Jan. 1, 0000 and Feb. 2, 0000", "on Feb. 30", "in 0000", "since 99999999999999999999",
    "by the end of December 9999", "Oct. 7, 99999",
])
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(2024, 2, 29), dt.date(9999, 12, 31), None])
def test_odd_years_and_numbers_never_raise(text, published):
    find_time_phrases(text, 0, len(text), published)
    resolve_date(text, published)


def test_without_a_publication_date_only_a_dated_phrase_resolves():
    assert resolve_date("on Oct. 7, 2023", None) == D("2023-10-07")
    assert resolve_date("on Oct. 7", None) is None
    assert resolve_date("yesterday", None) is None


# --- Recognizers-Text date specs ---------------------------------------------------------------------------------

RT = json.loads((DATA / "recognizers-date-cases.json").read_text(encoding="utf-8"))["cases"]


def test_recognizers_text_date_specs_accuracy():
    right = [c for c in RT if (resolve_date(c["text"], D(c["reference"])) or dt.date.min).isoformat() == c["expected"]]
    # (bench/dates_specs.py scores all in-scope cases; this is every third of them)
    assert len(right) / len(RT) >= 35 / 65, sorted({c["text"] for c in RT} - {c["text"] for c in right})


def test_a_date_phrase_broken_over_a_line_is_read():
    # hard-wrapped copy: a line break or a double space inside the phrase
    from factdb.extract import extract_claims

    (c,) = extract_claims("Forty people were killed last\nweek, officials said.", D("2024-05-01"))
    assert (c.as_of, c.period) == (D("2024-04-24"), "interval")
    (c,) = extract_claims("Forty people were killed on New Year's  Eve.", D("2024-05-01"))
    assert c.as_of == D("2023-12-31")
    assert days.day_number_in_words("May twenty-\nfirst") == "May 21"


def test_a_day_to_come_is_not_told_as_past_by_the_clause_after_it():
    # "would be freed on May 10, when the truce that began ...": the past tense is the truce's, May 10 is ahead
    text = "Envoys said 40 hostages would be freed on May 10, when the truce that began in March ends."
    got = [(p.text, p.as_of) for p in find_time_phrases(text, 0, len(text), D("2024-05-01"))]
    assert not any(as_of and as_of.year == 2023 for _, as_of in got), got
