"""Fast CSV export of claims: ``factdb export claims --format csv``.

The database formats every cell (``queries.claim_csv_batches``) and batches of
tuples go straight to ``csv.writer.writerows``, so Python does no per-cell work
(unless a ``text_cell`` function, e.g. a formula neutraliser, is given for the
free-text cells).  On Linux a large export is also split in two at the median
``as_of``: a forked worker writes the older half to a temporary file while
this process writes the newer half to the output, then the file is appended.
Both halves read one snapshot of the database: PostgreSQL shares it
(``pg_export_snapshot``); on SQLite the worker checks that no claim changed
since this process began reading (the latest ``claim_version`` id), and the
export is redone in one pass if one did.  Memory stays flat either way.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import IO

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from . import output
from .errors import FactdbError
from .models import Claim, ClaimVersion
from .queries import CLAIM_COLUMNS, TEXT_COLUMNS, ClaimFilter, claim_csv_batches

# below this many rows one process is as fast as two
SPLIT_FROM = 20_000


def _begin(session: Session, snapshot: str | None = None) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        if snapshot:
            session.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))


def _marker(session: Session) -> int:
    return session.execute(select(func.max(ClaimVersion.id))).scalar() or 0


def _split_point(session: Session, f: ClaimFilter):
    """The ``as_of`` halving the claim table (read off ix_claim_as_of in a few ms), or None
    for a small table.  Any date splits correctly; the median of all claims balances the
    two processes well for most selections."""
    if f.limit:
        return None
    n = session.execute(select(func.count()).select_from(Claim)).scalar_one()
    if n < SPLIT_FROM:
        return None
    q = select(Claim.as_of).where(Claim.as_of.is_not(None)).order_by(Claim.as_of.desc()).offset(n // 2).limit(1)
    return session.execute(q).scalar()


def write_claims_csv(engine: Engine, f: ClaimFilter, out: IO[str], *,
                     text_cell: Callable[[str], str] | None = None, jobs: int = 2) -> int:
    """Write the claims ``f`` selects as CSV (CLAIM_COLUMNS, newest first); returns the row count."""
    text_cell = text_cell if text_cell is not None else output.TEXT_CELL
    # the formula guard is computed by the database (the same cells, no Python call per cell)
    safe = text_cell is output.formula_safe_text
    if safe:
        text_cell = None

    def write(batches, fh, header=True) -> int:
        return output.write_csv_batches(batches, CLAIM_COLUMNS, fh, header=header, text_columns=TEXT_COLUMNS,
                                        text_cell=text_cell)

    def batches(session, part=None):
        return claim_csv_batches(session, f, part=part, formula_safe=safe)

    def write_all() -> int:  # (once more, in one pass)
        with Session(engine) as again:
            return write(batches(again), out)

    pg = engine.dialect.name == "postgresql"
    with Session(engine) as s:
        _begin(s)
        split = _split_point(s, f) if jobs > 1 and hasattr(os, "fork") else None
        if split is None:
            return write(batches(s), out)
        snapshot = s.execute(text("SELECT pg_export_snapshot()")).scalar() if pg else None
        marker = None if pg else _marker(s)
        out.flush()
        sys.stderr.flush()
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as tmp:
            rfd, wfd = os.pipe()  # the worker's row count
            pid = os.fork()
            if pid == 0:  # the worker: the older half into the temporary file
                code = 1
                try:
                    os.close(rfd)
                    engine.dispose(close=False)  # never touch the parent's connections
                    with Session(engine) as ws:
                        _begin(ws, snapshot)
                        if marker is not None and _marker(ws) != marker:
                            code = 3  # a claim changed meanwhile: the parent redoes it in one pass
                        else:
                            rows = write(batches(ws, ("older", split)), tmp, header=False)
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
                n = write(batches(s, ("newer", split)), out)
            finally:
                with os.fdopen(rfd, "rb") as pipe:
                    worker_rows = pipe.read()
                _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code == 3:
                s.rollback()
                return _again(out, write_all)
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

