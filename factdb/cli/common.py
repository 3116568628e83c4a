"""What every command group shares: option types, the --db/--format options,
the engine, output and error handling, and the exit statuses.

Imports nothing from the command modules (they import this), so each of them
loads alone.  Heavy modules (SQLAlchemy, dateparser) are imported inside
functions so ``factdb --help`` stays instant.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

import click

FORMAT_CHOICE = click.Choice(["table", "csv", "json", "jsonl"])
EXIT_INPUT, EXIT_DB, EXIT_CONFLICT = 1, 2, 3
STATUS_CHOICE = click.Choice(["unreviewed", "verified", "corrected", "disputed", "rejected", "reference"])


class DateType(click.ParamType):
    """YYYY-MM-DD (or any date dateparser reads, e.g. "7 Feb 2024")."""

    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        import dateparser

        parsed = dateparser.parse(value, languages=["en"])
        if parsed is None:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD", param, ctx)
        return parsed.date()


class DateTimeType(click.ParamType):
    """ISO date-time; naive values are UTC.  A bare date means its midnight."""

    name = "DATETIME"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.datetime):
            return value
        try:
            v = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not a date-time; use e.g. 2024-02-08T12:00:00Z", param, ctx)
        return v if v.tzinfo else v.replace(tzinfo=dt.UTC)


DATE = DateType()
DATETIME = DateTimeType()


class ToleranceType(click.ParamType):
    """2% (relative) or 150 (absolute)."""

    name = "TOLERANCE"

    def convert(self, value, param, ctx):
        from ..tolerance import Tolerance, parse_tolerance

        if isinstance(value, Tolerance):
            return value
        try:
            return parse_tolerance(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


TOLERANCE = ToleranceType()


class FactdbGroup(click.Group):
    """Turns known errors into one line on stderr and the documented exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # noqa: BLE001 - last line of defence: no tracebacks for users
            if (ctx.obj or {}).get("debug") or os.environ.get("FACTDB_DEBUG"):
                raise
            from ..output import visible

            code, msg = _describe_error(exc)
            click.echo(f"Error: {visible(msg)}", err=True)
            ctx.exit(code)


def _describe_error(exc: Exception) -> tuple[int, str]:
    from ..errors import FactdbError

    if isinstance(exc, FactdbError):
        return exc.exit_code, str(exc)
    import sqlite3

    # (the fast CSV export reads through the drivers themselves, without SQLAlchemy's wrapping)
    driver_errors = (sqlite3.Error, *([sys.modules["psycopg"].Error] if "psycopg" in sys.modules else []))
    if isinstance(exc, driver_errors):
        detail = str(exc).strip().splitlines()
        return EXIT_DB, f"database error: {detail[0] if detail else type(exc).__name__}"
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError | DBAPIError):
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()
        return EXIT_DB, f"database error: {detail[0] if detail else type(exc).__name__}"
    if isinstance(exc, BrokenPipeError):
        return 0, "output closed"
    return 1, f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)"


def db_option(f):
    @click.option("--db", "db_url", metavar="URL", help="Database URL or SQLite file (default: $FACTDB_URL, else ./factdb.sqlite).")
    @functools.wraps(f)
    def wrapper(*args, db_url=None, **kwargs):
        ctx = click.get_current_context()
        ctx.obj = ctx.obj or {}
        if db_url:
            ctx.obj["db_url"] = db_url
        return f(*args, **kwargs)

    return wrapper


def format_option(default="table"):
    return click.option("--format", "fmt", type=FORMAT_CHOICE, default=default, show_default=True,
                        help="Output format.")


def db_url() -> str | None:
    """--db, else FACTDB_URL, else the config file's `db` (None: ./factdb.sqlite)."""
    from ..settings import load

    ctx = click.get_current_context()
    url = ctx.find_root().obj.get("db_url") if ctx.find_root().obj else None
    return url or load()["db"]


def engine(read_only: bool = False):
    """Open the database chosen by --db / FACTDB_URL / factdb.toml (created on first use for SQLite).

    Read commands pass ``read_only``: a SQLite file the user may not write
    (or in a directory they may not write) is then opened read-only.
    """
    from ..db import open_engine

    return open_engine(db_url(), read_only=read_only)


def max_document_option(f):
    return click.option(
        "--max-document-mb", type=click.FloatRange(0, min_open=True), default=None,
        help="Refuse a document (file or JSON line) larger than this many MB "
             "(default: $FACTDB_MAX_DOCUMENT_MB, else the config file, else 20).")(f)


def max_bytes(mb: float | None) -> int:
    from ..settings import load

    return int((mb or load()["max_document_mb"]) * 1_000_000)


def config_lexicon() -> list[str]:
    """Lexicon files from FACTDB_LEXICON or the config file (see factdb.settings)."""
    from ..settings import load

    return load()["lexicon"]


def csv_raw() -> bool:
    """``factdb --csv-raw``: CSV cells exactly as stored, for programs (see output.write_csv)."""
    obj = click.get_current_context().find_root().obj or {}
    return bool(obj.get("csv_raw"))


def color(stream=None) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set."""
    stream = stream or sys.stdout
    return stream.isatty() and not os.environ.get("NO_COLOR")


def emit(rows, columns, fmt, *, out=None):
    from .. import output

    stream = out or sys.stdout
    return output.write(rows, columns, fmt, stream, color=fmt == "table" and color(stream), csv_raw=csv_raw())


def progress(length, label):
    """A progress bar on stderr when it is a terminal, else a silent stand-in."""
    if sys.stderr.isatty():
        return click.progressbar(length=length, label=label, file=sys.stderr)
    return _NoProgress()


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


# --- claim filters -----------------------------------------------------------------


def series_filter_options() -> list:
    """What a figure is and where it comes from: shared by every claim-reading command."""
    return [
        click.option("--metric", multiple=True, help="killed, injured, displaced, hostages, ... (repeatable)."),
        click.option("--subject", help="Who or what is counted, e.g. Palestinians, children."),
        click.option("--location", help="Where, e.g. Gaza."),
        click.option("--source", multiple=True, help="Outlet or issuing body (repeatable)."),
        click.option("--speaker", help="Who the claim is attributed to."),
        click.option("--since", type=DATE, help="Only figures as of this date or later."),
    ]


def claim_filter_options(f):
    """Filters shared by claims, export and review queue."""
    opts = [
        *series_filter_options(),
        click.option("--until", type=DATE, help="Only figures as of this date or earlier."),
        click.option("--status", multiple=True, type=STATUS_CHOICE, help="Review status (repeatable)."),
        click.option("--document", help="Document id, identity or URL (all its versions)."),
        click.option("--include-removed", is_flag=True, help="Also claims later versions of an article dropped."),
        click.option("--as-recorded-at", type=DATETIME,
                     help="Show the database as it stood at this instant (UTC)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def make_filter(limit=None, **kw):
    from ..claim_spec import ClaimFilter

    return ClaimFilter(
        metric=tuple(kw.get("metric") or ()), subject=kw.get("subject"), location=kw.get("location"),
        source=tuple(kw.get("source") or ()), speaker=kw.get("speaker"), since=kw.get("since"),
        until=kw.get("until"), status=tuple(kw.get("status") or ()), document=kw.get("document"),
        include_removed=kw.get("include_removed", False), as_recorded_at=kw.get("as_recorded_at"), limit=limit,
    )
