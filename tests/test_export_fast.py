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


def _store_awkward_text(engine):
    """Cells COPY and Python's csv could write differently: empty strings and NULLs, a lone quote,
    a CR, text that is all commas, a line holding only a backslash and a dot (COPY's old end mark),
    leading spaces, characters outside the BMP, and cells a spreadsheet would run as formulas."""
    from sqlalchemy import update

    from factdb.models import Claim, Document

    _store_odd_values(engine)
    with Session(engine) as s:
        ids = sorted(s.exec(Claim.__table__.select().with_only_columns(Claim.id)).scalars())
        awkward = [
            dict(unit="", speaker=None, subject='"', sentence="a\rb", surface=",,,", extractor="\\."),
            dict(unit=None, speaker="", subject="  x", sentence="=1+1", surface="-5", extractor="@x",
                 qualifier="\t", period="\r", attribution="said \U0001F600, \"twice\"\r\n"),
            dict(sentence="\\.\n", status="+v", location="医生, ärzte", metric="'quoted"),
        ]
        for cid, values in zip(ids, awkward, strict=False):
            s.execute(update(Claim).where(Claim.id == cid).values(**values))
        s.execute(update(Document).where(Document.id == s.get(Claim, ids[0]).document_id).values(identity="=cmd|x"))
        s.commit()


@pytest.mark.parametrize("split_from", [10**9, 1])
def test_csv_the_database_writes_equals_the_generic_writer_on_awkward_text(engine, monkeypatch, split_from):
    """PostgreSQL writes the CSV itself (COPY): byte for byte what Python's csv module writes, with
    the formula guard or without, as SQLite's path does."""
    _store_awkward_text(engine)
    monkeypatch.setattr(export, "SPLIT_FROM", split_from)
    for f in (ClaimFilter(), ClaimFilter(include_removed=True, status=("unreviewed", "+v"))):
        raw, n = _fast(engine, f)
        buf = io.StringIO(newline="")
        with read_session(engine) as s:
            output.write_csv(claim_rows(s, f), CLAIM_COLUMNS, buf, raw=True)
        assert raw == buf.getvalue() and n == len(claim_rows_of(engine, f))
        guarded, _ = _fast(engine, f, text_cell=output.formula_safe_text)
        assert guarded == _generic(engine, f)  # (the generic writer guards unless raw)
        assert "'=1+1" in guarded and "'=cmd|x" in guarded and '"a\rb"' in guarded and ',"""",' in guarded


def test_every_filter_selects_what_the_generic_listing_selects(engine):
    """The export's SQL is written out, not built from queries.filtered: the same rows, in the
    same order, for each filter (names looked up through aliases included)."""
    _store_odd_values(engine)
    filters = [ClaimFilter(metric=("killed", "injured")), ClaimFilter(subject="Palestinians", location="Gaza"),
               ClaimFilter(location="Gaza"), ClaimFilter(source=("Cedar Line News", "Harbour Post")),
               ClaimFilter(source=("no such outlet",)), ClaimFilter(speaker="Gaza Health Ministry"),
               ClaimFilter(until=dt.date(2024, 2, 8), since=dt.date(2024, 2, 7)),
               ClaimFilter(status=("unreviewed",), include_removed=True), ClaimFilter(limit=5, metric=("killed",)),
               ClaimFilter(document="https://tricky.example/1")]
    for f in filters:
        got, n = _fast(engine, f, jobs=1)
        assert got == _generic(engine, f), f
        assert n == len(claim_rows_of(engine, f)) and (n > 0 or f.source == ("no such outlet",)), f


@pytest.fixture
def sqlite_engine(sqlite_url):
    from factdb.db import open_engine

    eng = open_engine(sqlite_url)
    yield eng
    eng.dispose()


def test_plain_sqlite_export_equals_the_engine_export(sqlite_url, sqlite_engine, monkeypatch):
    """The CLI reads a SQLite file at the current schema with sqlite3 alone: the same bytes."""
    from factdb.db_plain import plain_sqlite

    _store_awkward_text(sqlite_engine)
    connect = plain_sqlite(sqlite_url, read_only=True)
    assert connect is not None
    for split_from in (10**9, 1):
        monkeypatch.setattr(export, "SPLIT_FROM", split_from)
        for f in (ClaimFilter(), ClaimFilter(since=dt.date(2024, 2, 8), metric=("killed",), limit=4)):
            for cell in (None, output.formula_safe_text):
                plain, n = _fast(export.PlainSource("sqlite", connect), f, text_cell=cell)
                assert (plain, n) == _fast(sqlite_engine, f, text_cell=cell)


def test_plain_sqlite_leaves_other_databases_to_the_engine(tmp_path, sqlite_url, sqlite_engine):
    """No file, an empty file, a URL with options, or a schema behind or ahead of this factdb: the
    engine opens those (and creates, migrates or reports what is wrong)."""
    from factdb.db_plain import plain_sqlite

    assert plain_sqlite(sqlite_url) is not None
    assert plain_sqlite(f"sqlite:///{tmp_path / 'none.sqlite'}") is None
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert plain_sqlite(str(tmp_path / "empty.sqlite")) is None
    assert plain_sqlite(f"{sqlite_url}?timeout=5") is None
    with sqlite_engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = 'abc123'")
    assert plain_sqlite(sqlite_url) is None


def test_export_of_an_outdated_sqlite_file_asks_for_an_upgrade(sqlite_url, sqlite_engine, tmp_path):
    load(sqlite_engine, ALL)
    with sqlite_engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = 'abc123'")
    from click.testing import CliRunner

    from factdb.cli import cli

    res = CliRunner().invoke(cli, ["--db", sqlite_url, "export", "claims", "-o", str(tmp_path / "x.csv")])
    assert res.exit_code != 0 and "abc123" in res.stderr and not (tmp_path / "x.csv").exists()


def test_csv_export_starts_without_sqlalchemy(db_url, engine, tmp_path):
    """Start-up is most of a small export: the CSV export of a database at the current schema
    loads no SQLAlchemy (sqlite3 or psycopg alone)."""
    import subprocess
    import sys

    load(engine, ALL)
    out = tmp_path / "claims.csv"
    code = ("import sys; from factdb.cli import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))")
    res = subprocess.run([sys.executable, "-c", code, "--db", db_url, "export", "claims", "-o", str(out)],
                         capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]", res.stdout
    assert out.read_bytes().decode("utf-8") == _generic(engine, ClaimFilter())


def test_plain_postgres_export_equals_the_engine_export(pg_url):
    from factdb.db import open_engine
    from factdb.db_plain import plain_postgres

    eng = open_engine(pg_url)
    try:
        _store_awkward_text(eng)
        connect = plain_postgres(pg_url)
        assert connect is not None
        assert plain_postgres(pg_url + "?connect_timeout=5") is None  # (options: SQLAlchemy reads those)
        for f in (ClaimFilter(), ClaimFilter(since=dt.date(2024, 2, 8), metric=("killed",), limit=4)):
            for cell in (None, output.formula_safe_text, lambda v: "«" + v + "»"):
                plain, n = _fast(export.PlainSource("postgresql", connect), f, text_cell=cell)
                assert (plain, n) == _fast(eng, f, text_cell=cell)
        with eng.begin() as c:
            c.exec_driver_sql("UPDATE alembic_version SET version_num = 'abc123'")
        assert plain_postgres(pg_url) is None
    finally:
        eng.dispose()


def test_export_of_a_damaged_sqlite_file_is_one_line_and_exit_2(sqlite_url, sqlite_engine, tmp_path):
    """The fast export reads through sqlite3 itself: its errors still end as one line, exit status 2."""
    from click.testing import CliRunner

    from factdb.cli import cli

    with sqlite_engine.begin() as c:
        c.exec_driver_sql("PRAGMA foreign_keys=OFF")
        c.exec_driver_sql("DROP TABLE claim")
    res = CliRunner().invoke(cli, ["--db", sqlite_url, "export", "claims", "-o", str(tmp_path / "x.csv")])
    assert res.exit_code == 2, res.output
    assert res.stderr.strip() == "Error: database error: no such table: claim"
    assert not (tmp_path / "x.csv").exists()
