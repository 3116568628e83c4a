"""`factdb import-series` with a slice of the real Gaza Health Ministry series."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select
from sqlmodel import Session

from factdb.import_series import read_series
from factdb.models import Claim, ClaimVersion, Document, Source

from .test_diff_fixtures import SLICE

ARGS = ["--source", "Gaza Health Ministry", "--metric", "killed", "--subject", "Palestinians", "--location", "Gaza",
        "--date-field", "report_date", "--value-field", "killed_cum"]


def _counts(engine):
    with Session(engine) as s:
        return (s.execute(select(func.count()).select_from(Document)).scalar_one(),
                s.execute(select(func.count()).select_from(Claim)).scalar_one(),
                s.execute(select(func.count()).select_from(ClaimVersion)).scalar_one())


def test_import_is_idempotent_and_attributed(engine, run):
    res = run("import-series", str(SLICE), *ARGS)
    assert res.exit_code == 0, res.stderr
    assert "new series" in res.stderr and "22 claims added" in res.stderr
    assert _counts(engine) == (1, 22, 22)
    res = run("import-series", str(SLICE), *ARGS)
    assert res.exit_code == 0 and "unchanged (version 1)" in res.stderr
    assert _counts(engine) == (1, 22, 22)
    with Session(engine) as s:
        src = s.execute(select(Source)).scalar_one()
        assert (src.name, src.kind) == ("Gaza Health Ministry", "official")
        c = s.execute(select(Claim).where(Claim.as_of == dt.date(2024, 2, 4))).scalar_one()
        doc = s.get(Document, c.document_id)
    assert (c.value, c.qualifier, c.metric, c.subject_key, c.location_key, c.period) == (
        27365, "exact", "killed", "palestinian", "gaza", "cumulative")
    assert (c.speaker, c.attribution, c.source_id) == ("Gaza Health Ministry", "outlet", src.id)
    assert c.sentence == ("Gaza Health Ministry: killed (Palestinians, Gaza, cumulative) 27,365 as of 2024-02-04 "
                          "[casualties_daily_slice.json: killed_cum where report_date = 2024-02-04]")
    assert doc.text[c.start:c.end] == "27365" and c.surface == "27365"
    assert doc.title == "casualties_daily_slice.json: killed_cum (Gaza Health Ministry)"
    # the injured series from the same file is a second document, not a new version
    res = run("import-series", str(SLICE), *ARGS[:2], "--metric", "injured", "--subject", "Palestinians",
              "--location", "Gaza", "--date-field", "report_date", "--value-field", "injured_cum")
    assert res.exit_code == 0 and "new series" in res.stderr
    series = json.loads(run("series", "--format", "json").stdout)
    assert [(r["series"], r["claims"]) for r in series] == [("injured · palestinian · gaza · cumulative", 22),
                                                            ("killed · palestinian · gaza · cumulative", 22)]


def test_changed_file_is_a_new_version_matched_by_date(engine, run, tmp_path):
    data = json.loads(SLICE.read_text())
    path = tmp_path / "casualties_daily_slice.json"
    path.write_text(json.dumps(data[:20]))
    assert run("import-series", str(path), *ARGS).exit_code == 0
    # the ministry revises one day, drops another and publishes two more days
    changed = [dict(r) for r in data]
    changed[10]["killed_cum"] = 27360
    del changed[3]
    path.write_text(json.dumps(changed))
    res = run("import-series", str(path), *ARGS)
    assert res.exit_code == 0, res.stderr
    assert "new version 2" in res.stderr
    assert "2 claims added, 1 changed, 1 removed" in res.stderr
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(Claim)).scalar_one() == 22
        c = s.execute(select(Claim).where(Claim.as_of == dt.date(2024, 2, 4))).scalar_one()
        assert (c.value, c.version) == (27360, 2)
        actions = [v.action for v in s.execute(select(ClaimVersion).where(ClaimVersion.claim_id == c.id)
                                               .order_by(ClaimVersion.version)).scalars()]
        assert actions == ["import", "reimport"]
        gone = s.execute(select(Claim).where(Claim.as_of == dt.date(2024, 1, 28))).scalar_one()
        assert gone.present is False
    res = run("diff", "--document", f"series:{path.name}#killed_cum", "--format", "json")
    diff = json.loads(res.stdout)
    assert [(r["change"], r["old"], r["new"]) for r in diff] == [
        ("removed", "26,422", None), ("changed", "27,365", "27,360"),
        ("added", None, "28,576"), ("added", None, "28,663")]
    # importing the same changed file again is a no-op
    assert "unchanged (version 2)" in run("import-series", str(path), *ARGS).stderr


def test_csv_and_bad_rows(engine, run, tmp_path):
    path = tmp_path / "toll.csv"
    path.write_text("date,killed\n2024-02-01,\"27,019\"\n2024-02-02,\nnot-a-date,5\n2024-02-03,27238\n"
                    "2024-02-03,27239\n", encoding="utf-8")
    rows, errors, skipped = read_series(str(path), "date", "killed")
    assert [(r.as_of.isoformat(), r.value) for r in rows] == [("2024-02-01", 27019), ("2024-02-03", 27238)]
    assert skipped == 1
    assert errors == [f"{path}:4: 'not-a-date' is not an ISO date",
                      f"{path}:6: a second figure for 2024-02-03 (row 5 kept)"]
    res = run("import-series", str(path), "--source", "MoH", "--metric", "killed", "--date-field", "date",
              "--value-field", "killed")
    assert res.exit_code == 1
    assert "2 claims added" in res.stderr and "not-a-date" in res.stderr
    res = run("import-series", str(path), "--source", "MoH", "--metric", "killed", "--date-field", "date",
              "--value-field", "nope")
    assert res.exit_code == 1 and "no figures found in field 'nope'" in res.stderr
