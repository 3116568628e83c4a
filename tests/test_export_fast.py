"""The fast CSV export of claims writes exactly what the generic writer writes, split in two
processes or not, on both engines; a per-cell function reaches the free-text cells only."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlmodel import Session

from factdb import export, output
from factdb.db import read_session
from factdb.queries import CLAIM_COLUMNS, TEXT_COLUMNS, ClaimFilter, claim_rows

from .test_diff_fixtures import ALL, load
from .test_export import _store_tricky


def _generic(engine, f: ClaimFilter) -> str:
    buf = io.StringIO(newline="")
    with read_session(engine) as s:
        output.write_csv(claim_rows(s, f), CLAIM_COLUMNS, buf)
    return buf.getvalue()


def _fast(engine, f: ClaimFilter, **kw) -> tuple[str, int]:
    buf = io.StringIO(newline="")
    n = export.write_claims_csv(engine, f, buf, **kw)
    return buf.getvalue(), n


def _store_odd_values(engine):
    """Fractions, a confidence below one, an undated claim and a needs_review flag."""
    from sqlalchemy import update

    from factdb.models import Claim

    load(engine, ALL)
    _store_tricky(engine)
    with Session(engine) as s:
        ids = sorted(s.exec(Claim.__table__.select().with_only_columns(Claim.id)).scalars())
        s.execute(update(Claim).where(Claim.id == ids[0]).values(value=0.3 + 0.6, low=12.5, confidence=0.875,
                                                                 needs_review=True))
        s.execute(update(Claim).where(Claim.id == ids[1]).values(as_of=None, since=dt.date(2023, 10, 7)))
        s.commit()


@pytest.mark.parametrize("split_from", [10**9, 1])
def test_fast_export_equals_the_generic_writer(engine, monkeypatch, split_from):
    _store_odd_values(engine)
    monkeypatch.setattr(export, "SPLIT_FROM", split_from)  # 1: the two-process path on a small table
    for f in (ClaimFilter(), ClaimFilter(metric=("killed",), location="Gaza"), ClaimFilter(limit=3),
              ClaimFilter(since=dt.date(2024, 2, 8))):
        got, n = _fast(engine, f)
        assert got == _generic(engine, f), f
        assert n == len(list(claim_rows_of(engine, f)))


def claim_rows_of(engine, f):
    with read_session(engine) as s:
        return list(claim_rows(s, f))


def test_text_cell_reaches_only_free_text(engine, monkeypatch):
    _store_tricky(engine)
    got, _ = _fast(engine, ClaimFilter(), text_cell=lambda s: "«" + s + "»")
    header, row = got.split("\r\n")[:2]
    assert header.split(",") == CLAIM_COLUMNS
    assert row.startswith("1,2024-02-06,")  # id and date untouched
    assert "«Officials»" in row and "«killed»" in row and ",27585," in row
    assert len(TEXT_COLUMNS) == 14 and set(TEXT_COLUMNS) <= set(CLAIM_COLUMNS)


def test_cli_export_claims_csv_uses_the_fast_path(engine, run, tmp_path):
    load(engine, ALL)
    out = tmp_path / "claims.csv"
    res = run("export", "claims", "--format", "csv", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    assert out.read_bytes().decode("utf-8") == _generic(engine, ClaimFilter())
    assert f"wrote {len(claim_rows_of(engine, ClaimFilter()))} claims rows" in res.stderr


def test_formula_guard_computed_by_the_database_equals_the_python_guard(engine, monkeypatch):
    """The CLI's guard (a leading ' before = + - @ tab CR) is computed in SQL; it must give the
    cells the Python function gives, on both engines, split in two processes or not."""
    from factdb.db import run_write
    from factdb.ingest import store_document
    from factdb.readers import SourceDocument

    starts = ["=", "+", "-", "@", "\t", "\r", "'", " =", "é"]
    text = " ".join(f"{s}x said {n} people were killed." for n, s in enumerate(starts, 10))
    doc = SourceDocument(identity="=doc", text=text, published=dt.date(2024, 2, 6), where="f", source="@Wire")
    cands = [{"value": float(n), "low": None, "high": None, "qualifier": "exact", "unit": None, "metric": "killed",
              "subject": s + "people", "location": None if n % 2 else s + "Gaza", "period": "cumulative",
              "speaker": s + "x", "attribution": "said", "as_of": dt.date(2024, 2, 6), "since": None,
              "start": n, "end": n + 2, "surface": s + str(n), "sentence": s + " sentence", "sentence_index": n,
              "confidence": 1.0, "extractor": "-manual"}
             for n, s in enumerate(starts, 10)]
    run_write(engine, lambda s: store_document(s, doc, cands))
    for split_from in (10**9, 1):
        monkeypatch.setattr(export, "SPLIT_FROM", split_from)
        by_sql, n = _fast(engine, ClaimFilter(), text_cell=output.formula_safe_text)
        by_python, m = _fast(engine, ClaimFilter(), text_cell=lambda v: output.formula_safe_text(v))
        assert by_sql == by_python and n == m == len(starts)
        assert "'@Wire" in by_sql and "'=people" in by_sql and "'\tx" in by_sql and ",'-manual" in by_sql
        assert ",'people," in by_sql and "''people" not in by_sql  # a leading ' alone is left as it is
