"""`factdb export`: formats, column order, CSV round-trip, status filter, atomic -o."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from factdb.diff import TIMELINE_COLUMNS
from factdb.queries import CLAIM_COLUMNS, SOURCE_COLUMNS
from factdb.series import SERIES_COLUMNS

from .test_diff_fixtures import ALL, load

TRICKY = 'Officials said "27,585 people", including children, had died;\nthe count — ärzte/医生 — rose again.'


def _store_tricky(engine):
    from factdb.db import run_write
    from factdb.ingest import store_document
    from factdb.readers import SourceDocument

    doc = SourceDocument(identity="https://tricky.example/1", text=TRICKY, published=dt.date(2024, 2, 6),
                         where="tricky", source='Wire "Q", Ltd.')
    start = TRICKY.index("27,585")
    cand = {"value": 27585.0, "low": None, "high": None, "qualifier": "exact", "unit": None, "metric": "killed",
            "subject": "people", "location": "Gaza", "period": "cumulative", "speaker": "Officials",
            "attribution": "said", "as_of": doc.published, "since": None, "start": start, "end": start + 6,
            "surface": "27,585", "sentence": TRICKY, "sentence_index": 0, "confidence": 1.0, "extractor": "manual"}
    run_write(engine, lambda s: store_document(s, doc, [cand]))


def test_csv_round_trip_of_quotes_commas_newlines_and_non_ascii(engine, run, tmp_path):
    _store_tricky(engine)
    out = tmp_path / "claims.csv"
    res = run("export", "claims", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"id,as_of,source,") and b"\r\n" in raw
    raw.decode("utf-8")  # UTF-8, no BOM
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == CLAIM_COLUMNS
    assert len(rows) == 1
    r = rows[0]
    assert r["sentence"] == TRICKY
    assert r["source"] == 'Wire "Q", Ltd.'
    assert (r["value"], r["low"], r["high"], r["as_of"], r["since"]) == ("27585", "", "", "2024-02-06", "")
    # the timeline export carries the same sentence
    res = run("export", "timeline", "--metric", "killed")
    rows = list(csv.DictReader(io.StringIO(res.stdout, newline="")))
    assert list(rows[0]) == TIMELINE_COLUMNS
    assert rows[0]["sentence"] == TRICKY and rows[0]["flags"] == ""


@pytest.mark.parametrize("what,columns", [("claims", CLAIM_COLUMNS), ("series", SERIES_COLUMNS),
                                          ("timeline", TIMELINE_COLUMNS), ("sources", SOURCE_COLUMNS)])
def test_every_export_in_every_format(engine, run, what, columns):
    load(engine, ALL)
    csv_rows = list(csv.DictReader(io.StringIO(run("export", what).stdout, newline="")))
    assert csv_rows and list(csv_rows[0]) == columns
    jsonl = [json.loads(line) for line in run("export", what, "--format", "jsonl").stdout.splitlines()]
    js = json.loads(run("export", what, "--format", "json").stdout)
    assert jsonl == js
    assert [list(r) for r in js] == [columns] * len(js)
    assert len(js) == len(csv_rows)


def test_export_filters_and_status(engine, run):
    load(engine, ALL)
    from sqlalchemy import select
    from sqlmodel import Session

    from factdb import store
    from factdb.db import run_write
    from factdb.models import Claim

    with Session(engine) as s:
        ids = list(s.execute(select(Claim.id).where(Claim.value.in_([27840.0, 28340.0]))).scalars())

    def verify(s):
        for cid in ids:
            c = s.get(Claim, cid)
            c.status, c.version = "verified", c.version + 1
            store.record_version(s, c, "verify", "alice", changed=["status"])

    run_write(engine, verify)
    rows = json.loads(run("export", "claims", "--status", "verified", "--format", "json").stdout)
    assert sorted(r["value"] for r in rows) == [27840, 28340]
    assert {r["status"] for r in rows} == {"verified"}
    rows = json.loads(run("export", "timeline", "--status", "verified", "--format", "json").stdout)
    assert [(r["source"], r["figure"], r["status"]) for r in rows] == [
        ("Harbour Post", "27,840", "verified"), ("Meridian Wire", "28,340", "verified")]
    rows = json.loads(run("export", "claims", "--source", "Cedar Line News", "--since", "2024-02-09",
                          "--format", "json").stdout)
    assert [r["value"] for r in rows] == [27900, 27947]


def test_output_file_is_written_atomically(engine, run, tmp_path, monkeypatch):
    load(engine, ALL)
    out = tmp_path / "timeline.csv"
    out.write_text("previous export\n")
    from factdb import output

    real = output.write_csv

    def failing(rows, columns, fh):
        real(iter([next(iter(rows))]), columns, fh)
        raise RuntimeError("disk full")

    monkeypatch.setattr(output, "write_csv", failing)
    res = run("export", "timeline", "--metric", "killed", "-o", str(out))
    assert res.exit_code == 1
    assert out.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".factdb-")] == []
    monkeypatch.setattr(output, "write_csv", real)
    res = run("export", "timeline", "--metric", "killed", "-o", str(out))
    assert res.exit_code == 0 and "wrote 11 timeline rows" in res.stderr
    assert out.read_text().startswith("as_of,source,speaker,")


def test_documented_column_orders_match_the_code():
    import re
    from pathlib import Path

    from factdb.diff import AGAINST_COLUMNS, DIGEST_COLUMNS, SUMMARY_COLUMNS, VERSION_COLUMNS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    documented = [line.strip("`").split(", ") for line in re.findall(r"^`[a-z_]+(?:, [a-z_]+)+`$", doc, re.M)]
    assert documented == [CLAIM_COLUMNS, SERIES_COLUMNS, TIMELINE_COLUMNS, AGAINST_COLUMNS, SOURCE_COLUMNS,
                          SUMMARY_COLUMNS, VERSION_COLUMNS, DIGEST_COLUMNS]
