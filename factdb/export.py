"""Fast CSV export of claims: ``factdb export claims --format csv``.

The database formats every cell (``export_sql.claims_select``).  PostgreSQL
writes the CSV itself (``COPY ... TO STDOUT``) and its bytes go straight to
the output.  On SQLite, batches of tuples go straight to ``csv.writer.writerows``,
so Python does no per-cell work (unless a ``text_cell`` function, e.g. a formula
neutraliser, is given for the free-text cells); on Linux a large export is also
split in two at the median ``as_of``: a forked worker writes the older half to
a temporary file while this process writes the newer half to the output, then
the file is appended.  The worker checks that no claim changed since this
process began reading (the latest ``claim_version`` id), and the export is
redone in one pass if one did.  Memory stays flat either way.

A database at the current schema is read with its driver alone (``sqlite3`` or
``psycopg``, see ``db_plain.plain_connection``): no SQLAlchemy import, a third of
a second less for every export.  This module imports neither SQLAlchemy nor the
models.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import IO

from . import output
from .claim_spec import CLAIM_COLUMNS, TEXT_COLUMNS, ClaimFilter
from .errors import FactdbError
from .export_sql import claims_select

# below this many rows one process is as fast as two
SPLIT_FROM = 20_000
BATCH = 5000


class PlainSource:
    """Connections to one database straight from its driver (``db_plain.plain_connection``), or
    an engine's SQLite connections (then ``after_fork`` lets a forked worker leave the parent's
    pool alone)."""

    def __init__(self, dialect: str, connect: Callable[[], object], after_fork: Callable[[], None] | None = None):
        self.dialect = dialect
        self.connect = connect
        self.after_fork = after_fork


def write_claims_csv(db, f: ClaimFilter, out: IO[str], *,
                     text_cell: Callable[[str], str] | None = None, jobs: int = 2) -> int:
    """Write the claims ``f`` selects as CSV (CLAIM_COLUMNS, newest first); returns the row count.

    ``db``: a SQLAlchemy engine, or a ``PlainSource`` for a filter that needs no lookup
    (``f.needs_lookup()`` false)."""
    text_cell = text_cell if text_cell is not None else output.TEXT_CELL
    # the formula guard is computed by the database (the same cells, no Python call per cell)
    safe = text_cell is output.formula_safe_text
    if safe:
        text_cell = None
    if isinstance(db, PlainSource):
        if f.needs_lookup():
            raise ValueError("write_claims_csv: a filter naming things needs the engine")
        if db.dialect == "postgresql":
            con = db.connect()
            try:
                return _pg_export(con, f, None, out, safe, text_cell)
            finally:
                con.close()
        return _sqlite_export(db, f, None, out, safe, text_cell, jobs)
    found = None
    if f.needs_lookup():
        from sqlmodel import Session

        from .queries import lookups

        with Session(db) as s:
            found = lookups(s, f)
    if db.dialect.name == "postgresql":
        with db.connect() as conn:
            return _pg_export(conn.connection.dbapi_connection, f, found, out, safe, text_cell)
    src = PlainSource("sqlite", db.raw_connection, lambda: db.dispose(close=False))
    return _sqlite_export(src, f, found, out, safe, text_cell, jobs)


def _write(batches, out: IO[str], text_cell, header: bool = True) -> int:
    return output.write_csv_batches(batches, CLAIM_COLUMNS, out, header=header, text_columns=TEXT_COLUMNS,
                                    text_cell=text_cell)


def _batches(cur, sql: str, params: list):
    cur.execute(sql, params)
    while rows := cur.fetchmany(BATCH):
        yield rows


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_export(raw, f: ClaimFilter, found, out: IO[str], safe: bool, text_cell) -> int:
    """One statement, one snapshot, on the psycopg connection ``raw``.  With no Python function per
    cell, the server writes the CSV (COPY) while this process only passes its bytes on; else rows
    come through a server-side cursor."""
    with raw.cursor() as cur:
        # ISO dates and floats in their shortest exact form, as Python writes them; UTF-8 out
        cur.execute("SET LOCAL DateStyle TO 'ISO, YMD'")
        cur.execute("SET LOCAL extra_float_digits TO 1")
        cur.execute("SET LOCAL client_encoding TO 'UTF8'")
    if text_cell is not None:
        sql, params = claims_select("postgresql", f, found, formula_safe=safe)
        with raw.cursor(name="factdb_export") as cur:
            cur.itersize = BATCH
            return _write(_batches(cur, sql, params), out, text_cell)
    sql, params = claims_select("postgresql", f, found, formula_safe=safe, copy=True)
    out.write(",".join(CLAIM_COLUMNS) + "\r\n")
    sink = _byte_sink(out)
    n = 0
    buf = bytearray()
    with raw.cursor() as cur, cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)", params or None) as copy:
        # one message per row, ending in \n (a line break inside a cell is always quoted): CRLF as RFC 4180
        for row in copy:
            buf += row
            buf[-1:] = b"\r\n"
            n += 1
            if len(buf) >= 1 << 20:
                sink(buf)
                buf.clear()
    sink(buf)
    return n


def _byte_sink(out: IO[str]) -> Callable[[bytes], object]:
    """Where UTF-8 bytes go: the stream's buffer when it encodes as UTF-8, else decoded text."""
    enc = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer = getattr(out, "buffer", None)
    if buffer is not None and enc == "utf8":
        out.flush()
        return buffer.write
    return lambda b: out.write(bytes(b).decode("utf-8"))


# --- SQLite ----------------------------------------------------------------------------------


def _sqlite_export(src: PlainSource, f: ClaimFilter, found, out: IO[str], safe: bool, text_cell,
                   jobs: int) -> int:
    def select(part=None):
        return claims_select("sqlite", f, found, formula_safe=safe, part=part)

    con = src.connect()
    cur = con.cursor()
    try:
        cur.execute("BEGIN")  # one snapshot for the split point, the marker and this process's half
        split = _split_point(cur, f) if jobs > 1 and hasattr(os, "fork") else None
        if split is None:
            return _write(_batches(cur, *select()), out, text_cell)
        marker = _marker(cur)
        n = _split_export(src, cur, select, split, marker, out, text_cell)
        if n is None:  # a claim changed meanwhile: once more, in one pass
            cur.execute("ROLLBACK")
            cur.execute("BEGIN")
            n = _again(out, lambda: _write(_batches(cur, *select()), out, text_cell))
        return n
    finally:
        try:
            cur.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - (no transaction open)
            pass
        cur.close()
        con.close()


def _marker(cur) -> int:
    cur.execute("SELECT max(id) FROM claim_version")
    return cur.fetchone()[0] or 0


def _split_point(cur, f: ClaimFilter):
    """The ``as_of`` halving the claim table (read off ix_claim_as_of in a few ms), or None
    for a small table.  Any date splits correctly; the median of all claims balances the
    two processes well for most selections."""
    if f.limit:
        return None
    cur.execute("SELECT count(*) FROM claim")
    n = cur.fetchone()[0]
    if n < SPLIT_FROM:
        return None
    cur.execute("SELECT as_of FROM claim WHERE as_of IS NOT NULL ORDER BY as_of DESC LIMIT 1 OFFSET ?", (n // 2,))
    row = cur.fetchone()
    return row[0] if row else None


def _split_export(src: PlainSource, cur, select, split, marker: int, out: IO[str], text_cell) -> int | None:
    """The newer half here, the older half in a forked worker; None when a claim changed."""
    out.flush()
    sys.stderr.flush()
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as tmp:
        rfd, wfd = os.pipe()  # the worker's row count
        pid = os.fork()
        if pid == 0:  # the worker: the older half into the temporary file
            code = 1
            try:
                os.close(rfd)
                if src.after_fork:
                    src.after_fork()  # never touch the parent's connections
                wcon = src.connect()
                wcur = wcon.cursor()
                wcur.execute("BEGIN")
                if _marker(wcur) != marker:
                    code = 3  # a claim changed meanwhile: the parent redoes it in one pass
                else:
                    rows = _write(_batches(wcur, *select(("older", split))), tmp, text_cell, header=False)
                    tmp.flush()
                    os.write(wfd, str(rows).encode())
                    code = 0
            except BaseException:  # noqa: BLE001 - reported, then the parent fails loudly
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        os.close(wfd)
        try:
            n = _write(_batches(cur, *select(("newer", split))), out, text_cell)
        finally:
            with os.fdopen(rfd, "rb") as pipe:
                worker_rows = pipe.read()
            _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code == 3:
            return None
        if code != 0:
            raise FactdbError(f"the export worker failed (exit status {code}); nothing complete was written")
        _append(tmp, out)
        return n + int(worker_rows)


def _append(tmp: IO[str], out: IO[str]) -> None:
    """Append the worker's part: as bytes, by the kernel where it can (no decoding and
    re-encoding of half the export)."""
    out.flush()
    tmp.seek(0)
    try:
        dst = out.fileno()
    except (AttributeError, OSError, ValueError):  # (a StringIO)
        shutil.copyfileobj(tmp, out, 1 << 20)
        return
    src = tmp.fileno()
    size = os.fstat(src).st_size
    try:
        sent = 0
        while sent < size:
            k = os.sendfile(dst, src, sent, size - sent)
            if k == 0:
                break
            sent += k
        return
    except OSError:
        if sent:
            raise
    shutil.copyfileobj(tmp.buffer, out.buffer, 1 << 20)
    out.buffer.flush()


def _again(out: IO[str], write_all: Callable[[], int]) -> int:
    if out.seekable():
        out.seek(0)
        out.truncate()
    else:
        raise FactdbError("the database changed during the export; run it again")
    return write_all()
