"""Engine, migrations and transactions for SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session

from .errors import DatabaseError, SchemaOutOfDate

DEFAULT_URL = "sqlite:///factdb.sqlite"
T = TypeVar("T")


def resolve_url(url: str | None) -> str:
    """``--db`` value, else ``FACTDB_URL``, else ./factdb.sqlite.

    A bare file path is accepted as a SQLite database.
    """
    url = url or os.environ.get("FACTDB_URL") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # autocommit at the driver level; transactions are begun explicitly below,
    # which makes DDL transactional and lets writers take the lock up front
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
    except Exception:  # read-only media or :memory:
        pass
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock at BEGIN so two writers never deadlock on a
    # lock upgrade; readers use a deferred transaction and never block.
    mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str | None = None) -> Engine:
    """Create an engine for ``url`` (see :func:`resolve_url`)."""
    url = resolve_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise DatabaseError(
                f"the driver for {parsed.drivername} is not installed ({exc.name}); "
                "install it with `pip install 'factdb[postgres]'`"
            ) from exc
    return engine


def describe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


# --- migrations -----------------------------------------------------------


def script_location() -> str:
    """The migrations folder: shipped as factdb/_alembic, or the checkout's alembic/.

    The folder has no __init__.py on purpose: a package named ``alembic`` in
    the working directory would shadow the real Alembic.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_alembic", here.parent / "alembic"):
        if (candidate / "env.py").exists():
            return str(candidate)
    raise DatabaseError("factdb's migrations are missing from this installation; reinstall factdb")


def _alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", script_location())
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate to ``revision`` in one transaction; returns (before, after)."""
    from alembic import command

    try:
        with engine.connect().execution_options(write=True) as conn:
            with conn.begin():
                before = current_revision(conn)
                command.upgrade(_alembic_config(conn), revision)
                after = current_revision(conn)
    except OperationalError as exc:
        raise DatabaseError(_unreachable(engine, exc)) from exc
    return before, after


def _unreachable(engine: Engine, exc: Exception) -> str:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    return f"cannot open database {describe(engine)}: {detail}"


def _is_new_sqlite(engine: Engine) -> bool:
    if engine.url.get_backend_name() != "sqlite":
        return False
    db = engine.url.database
    if not db or db == ":memory:":
        return True
    path = Path(db)
    return not path.exists() or path.stat().st_size == 0


def open_engine(url: str | None = None, *, migrate_new: bool = True) -> Engine:
    """Open the database, creating and migrating a new SQLite file on first use.

    Raises ``DatabaseError`` (exit 2) when the server cannot be reached and
    ``SchemaOutOfDate`` when the schema is behind this version of factdb.
    """
    engine = make_engine(url)
    if migrate_new and _is_new_sqlite(engine):
        upgrade(engine)
        return engine
    check_schema(engine)
    return engine


def check_schema(engine: Engine) -> str:
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseError(_unreachable(engine, exc)) from exc
    head = head_revision()
    if current != head:
        state = "has no factdb schema" if current is None else f"is at revision {current}, not {head}"
        raise SchemaOutOfDate(
            f"database {describe(engine)} {state}; run `factdb db upgrade --db {describe(engine)}`"
        )
    return current


# --- transactions -----------------------------------------------------------


def _retryable(exc: Exception) -> bool:
    """Lock contention and serialization failures: the work can simply be redone."""
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in ("40001", "40P01", "55P03"):  # serialization, deadlock, lock not available
        return True
    if isinstance(exc, IntegrityError):
        # a concurrent writer inserted the same unique key first; re-running
        # the transaction sees its row and takes the "already there" path
        return True
    msg = str(orig or exc).lower()
    return "database is locked" in msg or "database is busy" in msg


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in one write transaction (SQLite: BEGIN IMMEDIATE)."""
    with engine.connect().execution_options(write=True) as conn:
        with Session(bind=conn, expire_on_commit=False) as session:
            with session.begin():
                yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


def run_write(engine: Engine, work: Callable[[Session], T], *, attempts: int = 8) -> T:
    """Run ``work(session)`` in one transaction, retrying contention with backoff.

    Everything ``work`` wrote is committed together or not at all.
    """
    delay = 0.05
    for attempt in range(1, attempts + 1):
        try:
            with write_session(engine) as session:
                return work(session)
        except (OperationalError, IntegrityError, DBAPIError) as exc:
            if attempt == attempts or not _retryable(exc):
                raise
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 2.0)
    raise AssertionError("unreachable")
