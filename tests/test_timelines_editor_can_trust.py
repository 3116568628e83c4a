"""Timelines an editor can trust, end to end on both engines.

Articles written for these tests (tests/data/series/articles, paraphrased reporting patterns: running
totals beside "in the past 24 hours" counts, bounds, percentages and shares, the Oct. 7 toll in
Israel, a day-old toll given as the day's, a misquoted toll, a headline restating the toll) are
ingested through the real extractor; the Gaza Health Ministry's real daily series is imported
(tests/data/diff/casualties_daily_slice.json).  Then the timeline checked against it and the review
queue must be right -- and stay right when the extractor's period and subject readings are wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdb.diff import LOWER_BOUND, UPPER_BOUND, precision
from factdb.review import QUEUE_ORDER

from .test_diff_fixtures import SLICE

ARTICLES = Path(__file__).resolve().parent / "data" / "series" / "articles"
MOH = "Gaza Health Ministry"
IMPORT = ["import-series", str(SLICE), "--source", MOH, "--metric", "killed", "--subject", "Palestinians",
          "--location", "Gaza", "--date-field", "report_date", "--value-field", "killed_cum"]
TOLL = "killed · palestinian · gaza · cumulative"
# (as_of, figure) of every genuine toll in the articles: each equals, or is a plausible rounding
# of, the ministry's figure of its date
GENUINE = {("2024-02-06", "27,585"), ("2024-02-08", "more than 27,800"), ("2024-02-08", "at least 27,840"),
           ("2024-02-12", "28,340"), ("2024-02-14", "more than 28,000")}


def _ingest(run):
    res = run("ingest", str(ARTICLES))
    assert res.exit_code == 0, res.stderr
    res = run(*IMPORT)
    assert res.exit_code == 0, res.stderr


def _timeline(run):
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--against", MOH, "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _check_timeline(rows):
    toll = [r for r in rows if r["series"] == TOLL]
    # no daily count, no strike's toll and no percentage in the running total
    assert toll and all((r["value"] or r["low"]) >= 25_000 for r in toll), [r["figure"] for r in toll]
    assert all(r["unit"] in (None, "count") for r in toll)
    for r in rows:
        if r["unit"] in ("percent", "fraction"):
            assert r["series"].endswith(r["unit"]) and r["series"] != TOLL
        if (r["value"] or r["low"] or 0) < 1000 and r["unit"] in (None, "count"):
            assert r["series"] != TOLL, r
    # no bound matched to an official figure beyond one step of its precision
    for r in rows:
        if "matches" in r["flags"] and r["qualifier"] in LOWER_BOUND | UPPER_BOUND:
            official = float(r["official"].replace(",", ""))
            b = r["low"] if r["qualifier"] in LOWER_BOUND else r["high"]
            b = b if b is not None else r["value"]
            assert abs(official - b) <= precision(b), r
    by = {(r["as_of"], r["figure"]): r for r in toll}
    # the day-old toll given as the day's is misdated, and the note says which day's it is
    misdated = by[("2024-02-10", "27,947")]
    assert "misdated" in misdated["flags"]
    assert "= official 27,947 of 2024-02-09 (1 day earlier)" in misdated["note"]
    assert "official 28,064 of 2024-02-10" in misdated["note"]
    # every genuine toll matches; the misquoted one is misreported
    for k in GENUINE:
        assert "matches" in by[k]["flags"], by[k]
        assert by[k]["note"] and by[k]["official_as_of"] == k[0]
    assert "misreported" in by[("2024-02-08", "25,840")]["flags"]
    # the daily counts are checked, if at all, only within their own period
    for r in rows:
        if r["series"] != TOLL and r["unit"] in (None, "count"):
            assert not {"matches", "misreported", "misdated", "stale"} & set(r["flags"]), r


def _check_queue(run):
    res = run("review", "queue", "--format", "json")
    assert res.exit_code == 0, res.stderr
    queue = json.loads(res.stdout)
    # the official figures are the reference, never queued
    assert all(r["source"] != MOH and r["status"] != "reference" for r in queue)
    flagged = [r for r in queue if r["flag"]]
    assert flagged and queue[: len(flagged)] == flagged, [(r["id"], r["flag"]) for r in queue]
    ranks = [QUEUE_ORDER.index(r["flag"]) for r in flagged]
    assert ranks == sorted(ranks)
    assert flagged[0]["flag"] == "misreported" and flagged[0]["value"] == 25840
    assert {(r["as_of"], r["value"]) for r in flagged if r["flag"] == "misdated"} >= {("2024-02-10", 27947)}
    assert "official 27,840 of 2024-02-08" in flagged[0]["flag_note"]
    # the table shows the flag
    table = run("review", "queue", "--limit", "3").stdout
    assert table.splitlines()[0].split()[:3] == ["id", "version", "flag"] and "misreported" in table
    return queue


def test_real_reporting_patterns_against_the_ministry_series(run):
    _ingest(run)
    _check_timeline(_timeline(run))
    queue = _check_queue(run)
    # the Oct. 7 toll in Israel is a series of its own, never beside Gaza's
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Israel", "--format", "json").stdout)
    assert [(r["figure"], r["series"]) for r in rows] == [("about 1,200", "killed · israeli · israel · interval")]
    # reviewing the misquote takes it out of the queue and its disagreement with it
    misquote = queue[0]["id"]
    assert run("review", "reject", str(misquote), "--note", "misquote").exit_code == 0
    queue = json.loads(run("review", "queue", "--format", "json").stdout)
    assert misquote not in {r["id"] for r in queue}
    assert [r["flag"] for r in queue if r["flag"]] == ["misdated", "misdated"]


# the extractor's period and subject readings replaced with wrong ones: the series rules must not care
PERTURBATIONS = {
    "every count read as a running total": lambda c: {**c, "period": "cumulative"} if c["unit"] == "count" else c,
    "no period known": lambda c: {**c, "period": "unknown"},
    "subjects from headline fragments": lambda c: {**c, "subject": "strikes on Rafah as talks resume"}
    if c["subject"] in (None, "people") else c,
}


@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_checks_hold_whatever_the_extractor_says(run, engine, name):
    from factdb.db import run_write
    from factdb.ingest import extract_for, store_document
    from factdb.readers import read_documents

    for doc in read_documents([str(p) for p in sorted(ARTICLES.iterdir())]):
        cands = [PERTURBATIONS[name](c) for c in extract_for(doc)]
        run_write(engine, lambda s, d=doc, c=cands: store_document(s, d, c))
    assert run(*IMPORT).exit_code == 0
    _check_timeline(_timeline(run))
    _check_queue(run)


def test_flags_are_recomputed_only_for_what_changed(run, engine):
    from sqlalchemy import func, select
    from sqlmodel import Session

    from factdb.models import Claim, SeriesChange

    def pending():
        with Session(engine) as s:
            return sorted(s.execute(select(SeriesChange.metric, SeriesChange.location_key)).all())

    _ingest(run)
    assert pending()  # every ingest and import left its family behind
    queue = _check_queue(run)
    assert pending() == []  # the queue read recomputed them
    with Session(engine) as s:
        stored = s.execute(select(func.count()).where(Claim.flag.is_not(None))).scalar_one()
    assert stored == len([r for r in queue if r["flag"]])
    # verifying changes no figure: nothing to recompute; rejecting does, for its family only
    assert run("review", "verify", str(queue[-1]["id"])).exit_code == 0
    assert pending() == []
    assert run("review", "reject", str(queue[0]["id"]), "--note", "misquote").exit_code == 0
    assert pending() == [("killed", "gaza")]
    # an alias regroups series: every family
    assert run("alias", "add", "location", "Ghazzah", "Gaza").exit_code == 0
    assert ("*", "") in pending()
    run("review", "queue", "--limit", "1")
    assert pending() == []
