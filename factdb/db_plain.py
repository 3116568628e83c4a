"""Opening the database without SQLAlchemy: the URL, SQLite's connection settings, the schema
revision the migration files lead to.  ``db`` builds the engine on these; ``plain_connection``
lets a command that must start fast (the CSV export) read a SQLite file with ``sqlite3`` alone, or
PostgreSQL with ``psycopg`` alone."""

from __future__ import annotations

import ast
import functools
import os
import re
from collections.abc import Callable
from pathlib import Path

DEFAULT_URL = "sqlite:///factdb.sqlite"


def resolve_url(url: str | None) -> str:
    """``--db`` value, else ``FACTDB_URL``, else ./factdb.sqlite.

    A bare file path is accepted as a SQLite database.
    """
    url = url or os.environ.get("FACTDB_URL") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def sqlite_pragmas(dbapi_conn, _record=None) -> None:
    # autocommit at the driver level; transactions are begun explicitly,
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


def read_only_uri(path: str) -> str | None:
    """A ``file:`` URI opening ``path`` read-only, when this user may not write it.

    SQLite in WAL mode creates -wal and -shm files beside the database even
    to read it; in a directory the user may not write that fails, so such a
    database is opened ``mode=ro``, and ``immutable`` when no -wal file holds
    changes not yet in the database (then nothing can be writing it).
    """
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isfile(path) or (os.access(path, os.W_OK) and os.access(directory, os.W_OK)):
        return None
    from urllib.parse import quote

    immutable = "" if os.path.exists(path + "-wal") else "&immutable=1"
    return f"file:{quote(os.path.abspath(path))}?mode=ro{immutable}"


def script_location() -> str:
    """The migrations folder: shipped as factdb/_alembic, or the checkout's alembic/.

    The folder has no __init__.py on purpose: a package named ``alembic`` in
    the working directory would shadow the real Alembic.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_alembic", here.parent / "alembic"):
        if (candidate / "env.py").exists():
            return str(candidate)
    from .errors import DatabaseError

    raise DatabaseError("factdb's migrations are missing from this installation; reinstall factdb")


_REVISION_LINE_RE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+?)\s*$", re.M)


@functools.lru_cache(maxsize=1)
def revision_graph() -> tuple[str, frozenset[str]] | None:
    """(head, every revision), read off the ``revision`` / ``down_revision`` lines of the
    migration files without importing Alembic, whose import and script scan are a fixed
    0.2-0.4 s of every command that opens a database (``export`` included).  None when the
    files hold something this reading does not follow (a merge, a branch): Alembic decides then."""
    revisions, parents = set(), set()
    for f in Path(script_location(), "versions").glob("*.py"):
        found = dict(m.groups() for m in _REVISION_LINE_RE.finditer(f.read_text(encoding="utf-8")))
        try:
            rev, down = ast.literal_eval(found["revision"]), ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(rev, str) or not (down is None or isinstance(down, str)):
            return None
        revisions.add(rev)
        if down is not None:
            parents.add(down)
    heads = revisions - parents
    return (heads.pop(), frozenset(revisions)) if len(heads) == 1 else None


def plain_sqlite(url: str | None, *, read_only: bool = False) -> Callable[[], object] | None:
    """A function opening ``sqlite3`` connections to the database ``url`` names (set up as the
    engine sets up its own), when it is an existing SQLite file at the current schema; else None,
    and the caller opens the engine, which creates, migrates or reports what is wrong."""
    url = resolve_url(url)
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):]
    # (URL escapes, query options, URIs and memory databases: SQLAlchemy reads those)
    if not path or "%" in path or "?" in path or path.startswith("file:") or path == ":memory:":
        return None
    try:
        if os.path.getsize(path) == 0:
            return None
    except OSError:
        return None
    graph = revision_graph()
    if graph is None:
        return None
    import sqlite3

    ro = read_only_uri(path) if read_only else None

    def connect():
        con = sqlite3.connect(ro or path, timeout=30, uri=ro is not None)
        sqlite_pragmas(con)
        return con

    try:
        con = connect()
        try:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
                               ).fetchone():
                return None
            found = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return connect if found == [(graph[0],)] else None


def plain_postgres(url: str | None) -> Callable[[], object] | None:
    """As :func:`plain_sqlite`, for a ``postgresql+psycopg://`` URL without options: a function
    giving psycopg connections (the first is the one the schema was checked on)."""
    url = resolve_url(url)
    prefix = "postgresql+psycopg://"
    if not url.startswith(prefix) or "?" in url or revision_graph() is None:
        return None
    try:
        import psycopg
    except ImportError:
        return None
    conninfo = "postgresql://" + url[len(prefix):]  # the same fields, as libpq reads them
    try:
        con = psycopg.connect(conninfo)
    except psycopg.Error:
        return None  # (the engine reports it)
    try:
        with con.cursor() as cur:
            cur.execute("SELECT to_regclass('alembic_version') IS NOT NULL")
            found = cur.execute("SELECT version_num FROM alembic_version").fetchall() if cur.fetchone()[0] else None
        con.rollback()
    except psycopg.Error:
        found = None
    if found != [(revision_graph()[0],)]:
        con.close()
        return None
    first = [con]
    return lambda: first.pop() if first else psycopg.connect(conninfo)


def plain_connection(url: str | None, *, read_only: bool = False) -> tuple[str, Callable[[], object]] | None:
    """(dialect, connect) for a database the fast paths can open without SQLAlchemy, else None."""
    url = resolve_url(url)
    if url.startswith("sqlite:"):
        connect = plain_sqlite(url, read_only=read_only)
        return ("sqlite", connect) if connect else None
    connect = plain_postgres(url)
    return ("postgresql", connect) if connect else None
