"""The pure comparison functions behind `factdb diff` (no database)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from factdb.diff import (
    Official,
    Tolerance,
    agrees,
    bounds,
    check_against,
    compare_states,
    figure_text,
    parse_tolerance,
    timeline,
    version_event,
)
from factdb.series import Keyer, SeriesKey

D = dt.date


def fig(value=None, low=None, high=None, qualifier="exact", **kw):
    return {"value": value, "low": low, "high": high, "qualifier": qualifier, **kw}


def test_bounds_of_each_kind_of_figure():
    assert bounds(fig(27585)) == (27585, 27585)
    assert bounds(fig(27000, low=27000, qualifier="more_than")) == (27000, math.inf)
    assert bounds(fig(100, high=100, qualifier="at_most")) == (0, 100)
    assert bounds(fig(None, 100, 120, "range")) == (100, 120)
    assert bounds(fig(None, 24, 99, "vague")) == (24, 99)


def test_tolerance_parsing_and_interval_agreement():
    assert parse_tolerance("2%") == Tolerance(rel=0.02)
    assert parse_tolerance("150") == Tolerance(rel=0.0, abs=150)
    with pytest.raises(ValueError):
        parse_tolerance("two")
    tol = parse_tolerance("2%")
    # "more than 27,000" does not disagree with 27,585
    assert agrees(fig(27000, low=27000, qualifier="more_than"), fig(27585), tol)
    assert agrees(fig(27708), fig(27840), tol)  # 0.5% apart
    assert not agrees(fig(24780), fig(27840), tol)
    assert not agrees(fig(27708), fig(27840), parse_tolerance("0"))
    assert agrees(fig(None, 27400, 27500, "range"), fig(27478), parse_tolerance("0"))
    assert not agrees(fig(None, 100, 120, "range"), fig(150), parse_tolerance("10"))


def test_figure_text():
    assert figure_text(fig(27585)) == "27,585"
    assert figure_text(fig(27000, low=27000, qualifier="more_than")) == "more than 27,000"
    assert figure_text(fig(None, 100, 120, "range")) == "100–120"
    assert figure_text(fig(1_700_000, qualifier="approximately")) == "about 1.7 million"
    assert figure_text(fig(85, unit="percent", qualifier="approximately")) == "about 85%"


def row(as_of, source, value=None, low=None, high=None, qualifier="exact", period="cumulative", cid=0, **kw):
    return {"as_of": as_of, "source": source, "metric": "killed", "subject": "Palestinians", "subject_key":
            "palestinian", "location": "Gaza", "location_key": "gaza", "period": period, "unit": None,
            "value": value, "low": low, "high": high, "qualifier": qualifier, "id": cid, "document_id": cid,
            "status": "unreviewed", "sentence": "", **kw}


def flags_by_claim(rows, tol="2%", **kw):
    return {r["claim_id"]: (r["flags"], r["change"], r["corroborated_by"])
            for r in timeline(rows, Keyer(), parse_tolerance(tol), **kw)}


def test_timeline_flags():
    rows = [
        row(D(2024, 2, 1), "A", 27019, cid=1),
        row(D(2024, 2, 1), "B", 27019, cid=2),
        row(D(2024, 2, 5), "A", 27478, cid=3),
        row(D(2024, 2, 5), "B", 27000, low=27000, qualifier="more_than", cid=4),
        row(D(2024, 2, 5), "C", 123, period="interval", cid=5),  # a daily count: never a revision
        row(D(2024, 2, 8), "A", 27840, cid=6),
        row(D(2024, 2, 8), "C", 24780, cid=7),
        row(D(2024, 2, 9), "A", 27800, cid=8),
        row(D(2024, 2, 13), "D", 27478, cid=9),
    ]
    got = flags_by_claim(rows)
    assert got == {
        1: ([], None, 1),
        2: ([], None, 1),
        3: ([], 459, 0),
        4: ([], -19, 0),
        5: ([], None, 0),
        6: (["disagrees"], 362, 0),
        7: (["disagrees"], None, 0),
        8: (["revised_down"], -40, 0),
        9: (["stale"], None, 0),
    }


def test_stale_needs_a_newer_figure_and_same_source_duplicates_collapse():
    rows = [
        row(D(2024, 1, 30), "A", 1_700_000, qualifier="approximately", period="unknown", cid=1),
        row(D(2024, 2, 8), "B", 1_700_000, qualifier="approximately", period="unknown", cid=2),
        row(D(2024, 2, 8), "B", 1_700_000, qualifier="approximately", period="unknown", cid=3),
    ]
    out = list(timeline(rows, Keyer(), parse_tolerance("2%")))
    assert [(r["claim_id"], r["flags"]) for r in out] == [(1, []), (3, [])]


def test_aliases_merge_series():
    rows = [row(D(2024, 2, 1), "A", 100, cid=1), row(D(2024, 2, 1), "B", 50, cid=2, subject="Gazans",
                                                    subject_key="gazan")]
    assert len({r["series"] for r in timeline(rows, Keyer(), parse_tolerance("2%"))}) == 2
    merged = list(timeline(rows, Keyer({"gazan": "palestinian"}), parse_tolerance("2%")))
    assert {r["series"] for r in merged} == {"killed · palestinian · gaza · cumulative"}
    assert all(r["flags"] == ["disagrees"] for r in merged)


# the Gaza Health Ministry's running totals of 5-8 February 2024 (tests/data/diff/casualties_daily_slice.json)
MOH_FEB = [(D(2024, 2, 5), 27478), (D(2024, 2, 6), 27585), (D(2024, 2, 7), 27708), (D(2024, 2, 8), 27840)]


def _official():
    key = SeriesKey("killed", "palestinian", "gaza", "cumulative")
    off = Official("MoH")
    for d, v in MOH_FEB:
        off.add(key, fig(v, as_of=d))
    off.finish()
    return off, key


@pytest.mark.parametrize("claim,as_of,flag", [
    # exact figures: only the official figure of their date
    (fig(27840), D(2024, 2, 8), "matches"),
    (fig(27800), D(2024, 2, 8), "misreported"),           # 0.1 % off, but stated exactly
    (fig(27708), D(2024, 2, 8), "misdated"),              # the day before's figure
    (fig(27840), D(2024, 2, 7), "misdated"),              # the next day's figure
    (fig(27478), D(2024, 2, 10), "stale"),                # five days old
    (fig(24780), D(2024, 2, 8), "misreported"),
    (fig(27840), D(2024, 2, 10), "matches"),              # the figure in force: none published since
    # rounded figures: their rounding or the tolerance
    (fig(27800, qualifier="approximately"), D(2024, 2, 8), "matches"),
    (fig(28000, qualifier="approximately"), D(2024, 2, 8), "matches"),     # within 2 %
    (fig(27000, qualifier="approximately"), D(2024, 2, 8), "misdated"),     # rounds 27,478 of 5 February
    (fig(26000, qualifier="approximately"), D(2024, 2, 8), "misreported"),
    # bounds: a plausible rounding, within one step of their precision
    (fig(27800, low=27800, qualifier="more_than"), D(2024, 2, 8), "matches"),
    (fig(27000, low=27000, qualifier="more_than"), D(2024, 2, 8), "matches"),
    (fig(42, low=42, qualifier="at_least"), D(2024, 2, 8), "misreported"),
    (fig(27500, low=27500, qualifier="more_than"), D(2024, 2, 8), "misdated"),  # 27,585 of 6 February
    (fig(28000, high=28000, qualifier="at_most"), D(2024, 2, 8), "matches"),    # "nearly 28,000"
    (fig(29000, high=29000, qualifier="less_than"), D(2024, 2, 8), "misreported"),
    (fig(None, low=27400, high=27500, qualifier="range"), D(2024, 2, 5), "matches"),
    (fig(None, low=1000, high=10000, qualifier="vague"), D(2024, 2, 8), ""),
    # outside the official series
    (fig(27000), D(2024, 2, 1), ""),
    (fig(27840), D(2024, 2, 20), ""),
])
def test_check_against_official(claim, as_of, flag):
    off, key = _official()
    got, note, ref = check_against({**claim, "as_of": as_of}, off.figures_for(key), parse_tolerance("2%"))
    assert got == flag, note


def test_check_against_notes_name_the_official_figure_and_its_date():
    off, key = _official()
    figures, tol = off.figures_for(key), parse_tolerance("2%")
    notes = {f: check_against({**c, "as_of": D(2024, 2, 8)}, figures, tol)[1] for f, c in [
        ("matches", fig(27840)), ("misdated", fig(27708)), ("misreported", fig(42, low=42, qualifier="at_least")),
        ("bound", fig(27000, low=27000, qualifier="more_than"))]}
    assert notes["matches"] == "= official 27,840 of 2024-02-08"
    assert notes["misdated"] == ("= official 27,708 of 2024-02-07 (1 day earlier), not of its date: "
                                 "official 27,840 of 2024-02-08")
    assert notes["misreported"] == ("official 27,840 of 2024-02-08; fits no official figure from 2024-02-05 to "
                                    "2024-02-08; a bound stated to the 1 stands for 42 to 43")
    assert notes["bound"] == "official 27,840 of 2024-02-08 is within one step (1,000) of the bound"
    flag, note, ref = check_against({**fig(27478), "as_of": D(2024, 2, 12)}, figures, tol)
    assert (flag, note, ref["value"]) == ("stale", "= official 27,478 of 2024-02-05; official 27,840 of 2024-02-08",
                                          27840)
    # a subject-less news claim is compared with the only official series of its kind
    assert off.figures_for(SeriesKey("killed", "", "gaza", "cumulative")) is figures
    assert off.figures_for(SeriesKey("killed", "child", "gaza", "cumulative")) is None


@pytest.mark.parametrize("value,step", [(42, 1), (40, 10), (30000, 1000), (30700, 100), (30717, 1),
                                        (1_700_000, 100_000), (2.5, 0.1), (100, 10)])
def test_precision_of_a_stated_figure(value, step):
    from factdb.diff import precision

    assert precision(value) == step


def test_compare_states():
    old = {1: fig(27000, metric="killed", sentence="said 27,000 were killed", start=10),
           2: fig(1_700_000, metric="displaced", sentence="1.7 million displaced", start=50),
           3: fig(5, metric="hostages", sentence="5 held", start=80)}
    new = {1: fig(27585, metric="killed", sentence="said 27,585 were killed", start=10),
           2: {**fig(1_700_000, metric="displaced", sentence="1.7 million displaced", start=50), "present": False},
           3: fig(5, metric="hostages", sentence="five held", start=80),
           4: fig(113, metric="killed", sentence="113 in 24 hours", start=90)}
    got = [(r["change"], r["claim_id"], r["old"], r["new"], r["fields"]) for r in compare_states(old, new)]
    assert got == [("changed", 1, "27,000", "27,585", ["value"]),
                   ("removed", 2, "1.7 million", None, []),
                   ("reworded", 3, "5", "5", ["sentence"]),
                   ("added", 4, None, "113", [])]


def test_version_event_names_review_decisions():
    prev = fig(27000, status="unreviewed")
    v = fig(27585, status="corrected", action="correct", changed='["value", "status"]', claim_id=1)
    e = version_event(v, prev)
    assert (e["event"], e["old"], e["new"], e["fields"]) == ("corrected", "27,000", "27,585", ["value", "status"])
    assert version_event(fig(5, action="extract"), None)["event"] == "new claim"


def test_articles_without_a_source_are_separate_sources():
    rows = [row(D(2024, 2, 1), None, 27019, cid=1, identity="seeds/a.txt"),
            row(D(2024, 2, 7), None, 27000, low=27000, qualifier="more_than", cid=2, identity="seeds/b.txt")]
    out = list(timeline(rows, Keyer(), parse_tolerance("2%")))
    assert [(r["source"], r["change"]) for r in out] == [(None, None), (None, None)]
