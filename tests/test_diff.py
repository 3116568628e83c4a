"""`factdb diff` on real stored articles, on SQLite and PostgreSQL.

The fixture articles (tests/data/diff/articles, claims listed in
test_diff_fixtures.py) are stored through the ingest service:

| article                       | as_of | figure                      | what it exercises        |
|-------------------------------|-------|-----------------------------|--------------------------|
| Harbour Post 02-01            | 02-01 | 27,019                      |                          |
| Cedar Line News 02-05         | 02-05 | more than 27,000            | a bound                  |
| Meridian Wire v1 -> v2 02-05  | 02-05 | 27,000 -> 27,478 (+ 24 h)   | an article edited        |
| Northgate Courier 02-05       | 02-05 | 27,400–27,500               | a range                  |
| Harbour Post 02-08            | 02-08 | 27,840                      |                          |
| Al-Sahel Daily 02-08          | 02-08 | 24,780 (misquoted)          | disagreement             |
| Cedar Line News 02-09, 02-10  |       | 27,947 then 27,900          | downward revision        |
| Meridian Wire 02-12           | 02-12 | 28,340                      |                          |
| Northgate Courier 02-13       | 02-13 | 27,478 (the 02-05 figure)   | stale figure             |

Every test runs with hand-written claims ("manual": the storage path
without the extractor); the end-to-end tests also run through the real
extractor ("ingest").
"""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from factdb.models import utcnow

from .test_diff_fixtures import ALL, FIRST_BATCH, SECOND_BATCH, SLICE, load


def _extractor_ready() -> bool:
    try:
        from factdb.extract import extract_claims  # noqa: F401
    except ImportError:
        return False
    return True


HOW = ["manual", pytest.param("ingest", marks=pytest.mark.skipif(
    not _extractor_ready(), reason="the claim extractor is not available"))]

# as_of, source, figure, change, corroborated_by, flags, note, period
TIMELINE = [
    ("2024-02-01", "Harbour Post", "27,019", None, 0, [], "", "cumulative"),
    ("2024-02-05", "Cedar Line News", "more than 27,000", None, 0, [], "", "cumulative"),
    ("2024-02-05", "Meridian Wire", "27,478", None, 0, [], "", "cumulative"),
    ("2024-02-05", "Northgate Courier", "27,400–27,500", None, 0, [], "", "cumulative"),
    ("2024-02-05", "Meridian Wire", "113", None, 0, [], "", "interval"),
    ("2024-02-08", "Al-Sahel Daily", "24,780", None, 0, ["disagrees"], "vs Harbour Post 27,840", "cumulative"),
    ("2024-02-08", "Harbour Post", "27,840", 821, 0, ["disagrees"], "vs Al-Sahel Daily 24,780", "cumulative"),
    ("2024-02-09", "Cedar Line News", "27,947", 947, 0, [], "", "cumulative"),
    ("2024-02-10", "Cedar Line News", "27,900", -47, 0, ["revised_down"], "was 27,947 on 2024-02-09", "cumulative"),
    ("2024-02-12", "Meridian Wire", "28,340", 862, 0, [], "", "cumulative"),
    ("2024-02-13", "Northgate Courier", "27,478", None, 0, ["stale"],
     "= Meridian Wire figure of 2024-02-05; 28,340 reported for 2024-02-12", "cumulative"),
]


def _timeline(rows):
    return [(r["as_of"], r["source"], r["figure"], r["change"], r["corroborated_by"], r["flags"], r["note"],
             r["period"]) for r in rows]


@pytest.mark.parametrize("how", HOW)
def test_timeline_across_sources(engine, run, how):
    load(engine, ALL, how)
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--format", "json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [list(t) for t in _timeline(rows)] == [list(t) for t in TIMELINE]
    first = rows[0]
    assert first["speaker"] == "Gaza Health Ministry"
    assert (first["metric"], first["subject"], first["location"], first["value"], first["qualifier"]) == (
        "killed", "Palestinians", "Gaza", 27019, "exact")
    assert first["sentence"] == ("The Gaza Health Ministry said on Thursday that 27,019 Palestinians had been "
                                 "killed in Gaza since Oct. 7.")
    assert first["status"] == "unreviewed"
    assert rows[3]["low"] == 27400 and rows[3]["high"] == 27500 and rows[3]["value"] is None
    assert {r["series"] for r in rows} == {"killed · palestinian · gaza · cumulative",
                                           "killed · palestinian · gaza · interval"}
    assert all(isinstance(r["claim_id"], int) and isinstance(r["document_id"], int) for r in rows)


def test_timeline_table_summary_and_filters(engine, run):
    load(engine, ALL)
    res = run("diff", "--metric", "killed", "--location", "gaza")
    assert res.exit_code == 0
    out = res.stdout.splitlines()
    assert out[0].split()[:5] == ["as_of", "source", "speaker", "series", "figure"]
    # the table groups rows by series: the interval count comes after every running total
    assert "interval" in out[-1] and all("interval" not in line for line in out[2:-1])
    assert len(out) == 2 + len(TIMELINE)
    assert "more than 27,000" in res.stdout and "revised_down" in res.stdout
    err = res.stderr
    assert "killed · palestinian · gaza · cumulative: 2024-02-01 to 2024-02-13, 10 reports from 5 sources" in err
    assert "Cedar Line News    more than 27,000 (2024-02-05) -> 27,900 (2024-02-10), 3 reports" in err
    assert "spread between sources' latest figures: 24,780 (Al-Sahel Daily) to 28,340 (Meridian Wire): 3,560" in err

    # sources, dates and tolerance
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--source", "harbour post", "--source",
              "Al-Sahel Daily", "--format", "jsonl")
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["source"], r["flags"]) for r in rows] == [("Harbour Post", []), ("Al-Sahel Daily", ["disagrees"]),
                                                         ("Harbour Post", ["disagrees"])]
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--since", "2024-02-09", "--until", "2024-02-12",
              "--format", "json")
    assert [r["figure"] for r in json.loads(res.stdout)] == ["27,947", "27,900", "28,340"]
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--tolerance", "15%", "--format", "json")
    assert all("disagrees" not in r["flags"] for r in json.loads(res.stdout))

    # the per-source summary as rows
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--summary", "--format", "json")
    summary = json.loads(res.stdout)
    assert summary[0] == {"series": "killed · palestinian · gaza · cumulative", "source": "Harbour Post",
                          "reports": 2, "first_as_of": "2024-02-01", "first": "27,019",
                          "last_as_of": "2024-02-08", "last": "27,840",
                          "spread": "24,780 (Al-Sahel Daily) to 28,340 (Meridian Wire): 3,560"}


def test_fail_on(engine, run):
    load(engine, ALL)
    base = ["diff", "--metric", "killed", "--location", "Gaza", "--format", "csv"]
    assert run(*base).exit_code == 0
    for flag in ("disagrees", "revised_down", "stale"):
        res = run(*base, "--fail-on", flag)
        assert res.exit_code == 1, flag
        assert f"flags found: {flag}" in res.stderr
    assert run(*base, "--fail-on", "misreported").exit_code == 0
    assert run(*base, "--until", "2024-02-05", "--fail-on", "disagrees", "--fail-on", "stale").exit_code == 0


def test_rejected_and_removed_claims_are_left_out(engine, run):
    from sqlalchemy import select
    from sqlmodel import Session

    from factdb import store
    from factdb.db import run_write
    from factdb.models import Claim

    load(engine, ALL)
    with Session(engine) as s:
        al_sahel = s.execute(select(Claim.id).where(Claim.value == 24780)).scalar_one()

    def reject(s):
        c = s.get(Claim, al_sahel)
        c.status, c.version = "rejected", c.version + 1
        store.record_version(s, c, "reject", "editor", changed=["status"], note="misquote")

    time.sleep(0.01)
    before = utcnow()
    time.sleep(0.01)
    run_write(engine, reject)
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--format", "json").stdout)
    assert al_sahel not in {r["claim_id"] for r in rows}
    assert all("disagrees" not in r["flags"] for r in rows)
    # the timeline as the database stood before the rejection still has it
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--as-recorded-at", before.isoformat(),
                          "--format", "json").stdout)
    assert [list(t) for t in _timeline(rows)] == [list(t) for t in TIMELINE]
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--status", "rejected",
                          "--format", "json").stdout)
    assert [(r["claim_id"], r["status"]) for r in rows] == [(al_sahel, "rejected")]
    # the 1.7 million displaced of Meridian v1 is gone from v2
    rows = json.loads(run("diff", "--metric", "displaced", "--format", "json").stdout)
    assert rows == []


@pytest.mark.parametrize("how", HOW)
def test_against_official_series(engine, run, how):
    load(engine, ALL, how)
    res = run("import-series", str(SLICE), "--source", "Gaza Health Ministry", "--metric", "killed", "--subject",
              "Palestinians", "--location", "Gaza", "--date-field", "report_date", "--value-field", "killed_cum")
    assert res.exit_code == 0, res.stderr
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--against", "Gaza Health Ministry",
              "--format", "json")
    assert res.exit_code == 0, res.stderr
    rows = [r for r in json.loads(res.stdout) if r["period"] == "cumulative"]
    got = [(r["as_of"], r["source"], r["figure"], [f for f in r["flags"] if f in ("matches", "stale", "misreported")],
            r["official"], r["official_as_of"]) for r in rows]
    assert got == [
        ("2024-02-01", "Harbour Post", "27,019", ["matches"], "27,019", "2024-02-01"),
        ("2024-02-05", "Cedar Line News", "more than 27,000", ["matches"], "27,478", "2024-02-05"),
        ("2024-02-05", "Meridian Wire", "27,478", ["matches"], "27,478", "2024-02-05"),
        ("2024-02-05", "Northgate Courier", "27,400–27,500", ["matches"], "27,478", "2024-02-05"),
        ("2024-02-08", "Al-Sahel Daily", "24,780", ["misreported"], "27,840", "2024-02-08"),
        ("2024-02-08", "Harbour Post", "27,840", ["matches"], "27,840", "2024-02-08"),
        ("2024-02-09", "Cedar Line News", "27,947", ["matches"], "27,947", "2024-02-09"),
        # stated exactly: within 2 % of the official figure is no match
        ("2024-02-10", "Cedar Line News", "27,900", ["misreported"], "28,064", "2024-02-10"),
        ("2024-02-12", "Meridian Wire", "28,340", ["matches"], "28,340", "2024-02-12"),
        ("2024-02-13", "Northgate Courier", "27,478", ["stale"], "28,473", "2024-02-13"),
    ]
    notes = {r["source"] + " " + r["as_of"]: r["note"] for r in rows}
    assert notes["Northgate Courier 2024-02-13"].endswith(
        "= official 27,478 of 2024-02-05; official 28,473 of 2024-02-13")
    assert notes["Al-Sahel Daily 2024-02-08"] == ("vs Harbour Post 27,840; official 27,840 of 2024-02-08; fits no "
                                                  "official figure from 2024-02-05 to 2024-02-11")
    assert notes["Cedar Line News 2024-02-05"] == "official 27,478 of 2024-02-05 is within one step (1,000) of the bound"
    assert notes["Harbour Post 2024-02-01"] == "= official 27,019 of 2024-02-01"
    # the interval count has no official series to be checked against
    interval = [r for r in json.loads(res.stdout) if r["period"] == "interval"]
    assert interval[0]["official"] is None and interval[0]["flags"] == []
    # --fail-on misreported for a scheduled check
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--against", "Gaza Health Ministry",
              "--fail-on", "misreported", "--format", "csv")
    assert res.exit_code == 1
    res = run("diff", "--metric", "killed", "--location", "Gaza", "--against", "Gaza Health Ministry",
              "--since", "2024-02-11", "--fail-on", "misreported", "--format", "csv")
    assert res.exit_code == 0
    # without --against the official figures are one more source on the timeline
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--since", "2024-02-08", "--until",
                          "2024-02-08", "--format", "json").stdout)
    assert [(r["source"], r["corroborated_by"], r["flags"]) for r in rows] == [
        ("Al-Sahel Daily", 0, ["disagrees"]), ("Gaza Health Ministry", 1, ["disagrees"]),
        ("Harbour Post", 1, ["disagrees"])]


def test_against_unknown_source_is_a_clear_error(engine, run):
    load(engine, ALL)
    res = run("diff", "--metric", "killed", "--against", "Nobody")
    assert res.exit_code == 1
    assert "no figures from 'Nobody'" in res.stderr


# --- across versions of one article ---------------------------------------------------

URL = "https://meridianwire.example/2024/02/05/rafah"


@pytest.mark.parametrize("how", HOW)
def test_document_versions(engine, run, how):
    load(engine, ALL, how)
    res = run("diff", "--document", URL, "--format", "json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [(r["change"], r["metric"], r["old"], r["new"], r["fields"]) for r in rows] == [
        ("changed", "killed", "27,000", "27,478", ["value"]),
        ("added", "killed", None, "113", []),
        ("removed", "displaced", "more than 1.7 million", None, []),
    ]
    changed = rows[0]
    assert changed["old_sentence"] == ("The Gaza Health Ministry said on Monday that 27,000 Palestinians had been "
                                       "killed in Gaza since Oct. 7.")
    assert changed["new_sentence"] == ("The Gaza Health Ministry said on Monday that 27,478 Palestinians had been "
                                       "killed in Gaza since Oct. 7.")
    assert (changed["from_version"], changed["to_version"]) == (1, 2)
    assert rows[2]["old_sentence"].startswith("The United Nations said on Monday that more than 1.7 million")
    # explicit versions, document id, table output
    doc_id = changed["to_document_id"]
    again = json.loads(run("diff", "--document", str(doc_id), "--from", "1", "--to", "2", "--format", "json").stdout)
    assert again == rows
    first = json.loads(run("diff", "--document", URL, "--from", "0", "--to", "1", "--format", "json").stdout)
    assert [(r["change"], r["new"]) for r in first] == [("added", "27,000"), ("added", "more than 1.7 million")]
    table = run("diff", "--document", URL)
    assert table.exit_code == 0
    assert "changed" in table.stdout and "27,478" in table.stdout
    assert "version 1 (document" in table.stderr and "3 claims differ" in table.stderr


def test_document_version_errors(engine, run):
    load(engine, ALL)
    assert run("diff", "--document", URL, "--to", "7").exit_code == 1
    assert run("diff", "--document", URL, "--from", "2", "--to", "1").exit_code == 1
    res = run("diff", "--document", "https://nowhere.example/")
    assert res.exit_code == 1 and "no document" in res.stderr
    res = run("diff", "--from", "1")
    assert res.exit_code == 2


# --- across database states -------------------------------------------------------------


def test_recorded_since_digest(engine, run):
    from factdb import store
    from factdb.db import run_write
    from factdb.models import Claim

    load(engine, FIRST_BATCH)
    time.sleep(0.01)
    mark = utcnow()
    time.sleep(0.01)
    load(engine, SECOND_BATCH)

    def verify(s):
        from sqlalchemy import select

        c = s.execute(select(Claim).where(Claim.value == 27840)).scalar_one()
        c.status, c.version = "verified", c.version + 1
        store.record_version(s, c, "verify", "alice", changed=["status"], note="checked with the ministry")

    run_write(engine, verify)
    res = run("diff", "--recorded-since", mark.isoformat(), "--format", "json")
    assert res.exit_code == 0, res.stderr
    events = json.loads(res.stdout)
    got = [(e["event"], e["source"], e["old"], e["new"]) for e in events]
    assert got[:5] == [
        ("new version 2", "Meridian Wire", None, None),
        ("changed value", "Meridian Wire", "27,000", "27,478"),
        ("claim removed", "Meridian Wire", "more than 1.7 million", "more than 1.7 million"),
        ("new claim", "Meridian Wire", None, "113"),
        ("new document", "Northgate Courier", None, None),
    ]
    assert got[-1] == ("verified", "Harbour Post", "27,840", "27,840")
    assert events[-1]["actor"] == "alice" and events[-1]["note"] == "checked with the ministry"
    assert events[1]["fields"] == ["value"]
    assert sum(e["event"] == "new document" for e in events) == 7
    assert sum(e["event"] == "new claim" for e in events) == 8
    times = [e["recorded_at"] for e in events]
    assert times == sorted(times)
    # a window that ends before the second batch holds nothing of it
    res = run("diff", "--recorded-since", "2000-01-01", "--until", mark.isoformat(), "--format", "json")
    before = json.loads(res.stdout)
    assert {e["event"] for e in before} == {"new document", "new claim"}
    assert len(before) == 3 + 4  # Harbour Post, Cedar Line News, Meridian Wire v1 (two claims)
    # a bare --until date includes that whole day
    today = dt.datetime.now(dt.UTC).date().isoformat()
    res = run("diff", "--recorded-since", mark.isoformat(), "--until", today, "--format", "json")
    assert len(json.loads(res.stdout)) == len(events)
    table = run("diff", "--recorded-since", mark.isoformat())
    assert table.exit_code == 0 and "verified" in table.stdout and "changes recorded since" in table.stderr
