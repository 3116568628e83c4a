"""Engine, migrations and transactions for SQLite and PostgreSQL alike."""

from __future__ import annotations

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

from .db_plain import (  # noqa: F401 - re-exported
    DEFAULT_URL,
    read_only_uri,
    resolve_url,
    revision_graph,
    script_location,
    sqlite_pragmas,
)
from .errors import DatabaseError, SchemaOutOfDate

T = TypeVar("T")


def _sqlite_begin(conn: Connection) -> None:
    # Writers take the write lock at BEGIN so two writers never deadlock on a
    # lock upgrade; readers use a deferred transaction and never block.
    mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str | None = None, *, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` (see :func:`resolve_url`); ``read_only`` for commands that only read."""
    url = resolve_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        ro = read_only_uri(parsed.database) if read_only and parsed.database else None
        ro = f"sqlite:///{ro}&uri=true" if ro else None
        engine = create_engine(ro or url, connect_args={"timeout": 30})
        event.listen(engine, "connect", sqlite_pragmas)
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


# pg_advisory_xact_lock key serialising `factdb db upgrade` runs on one database
_UPGRADE_LOCK = 0x66616374  # "fact"


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _newer_schema(engine: Engine, current: str) -> DatabaseError:
    return DatabaseError(
        f"database {describe(engine)} is at revision {current}, which this factdb does not know: it was "
        "migrated by a newer factdb; upgrade factdb (pip install -U factdb) to use it")


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate to ``revision`` in one transaction; returns (before, after).

    On PostgreSQL concurrent upgrades queue on an advisory lock: the second
    waits for the first to commit, then finds nothing left to do.
    """
    from alembic import command

    try:
        with engine.connect().execution_options(write=True) as conn:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
                before = current_revision(conn)
                if before is not None and before not in known_revisions():
                    raise _newer_schema(engine, before)
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
    if db.startswith("file:"):  # opened read-only (see _read_only_sqlite): it exists
        return False
    path = Path(db)
    return not path.exists() or path.stat().st_size == 0


def require_existing(engine: Engine) -> None:
    """Refuse a SQLite path with no file (connecting would create an empty one)."""
    if engine.url.get_backend_name() == "sqlite":
        db = engine.url.database
        if db and db != ":memory:" and not db.startswith("file:") and not Path(db).exists():
            raise DatabaseError(f"no database at {db}; check the path (--db, FACTDB_URL or factdb.toml), "
                                "or create one with `factdb db upgrade`")


def open_engine(url: str | None = None, *, migrate_new: bool = True, read_only: bool = False) -> Engine:
    """Open the database, creating and migrating a new SQLite file on first use.

    Raises ``DatabaseError`` (exit 2) when the server cannot be reached and
    ``SchemaOutOfDate`` when the schema is behind this version of factdb.
    """
    engine = make_engine(url, read_only=read_only)
    if migrate_new and _is_new_sqlite(engine):
        upgrade(engine)
        return engine
    check_schema(engine)
    return engine


def _stored_revision(conn: Connection) -> str | None:
    """The database's revision (Alembic's version table), read with one plain query."""
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(found) > 1:
        return current_revision(conn)  # (several heads: Alembic's own error)
    return found[0] if found else None


def check_schema(engine: Engine) -> str:
    graph = revision_graph()
    try:
        with engine.connect() as conn:
            current = _stored_revision(conn) if graph else current_revision(conn)
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseError(_unreachable(engine, exc)) from exc
    head, known = graph if graph else (head_revision(), None)
    if current is not None and current != head and current not in (known or known_revisions()):
        raise _newer_schema(engine, current)
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
