"""factdb command line: a thin layer over the service modules.

Data goes to stdout, messages to stderr.  Heavy modules (SQLAlchemy, the
extractor, dateparser) are imported inside commands so ``--help`` is instant.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

import click

FORMAT_CHOICE = click.Choice(["table", "csv", "json", "jsonl"])
EXIT_INPUT, EXIT_DB, EXIT_CONFLICT = 1, 2, 3


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
            from .output import visible

            code, msg = _describe_error(exc)
            click.echo(f"Error: {visible(msg)}", err=True)
            ctx.exit(code)


def _describe_error(exc: Exception) -> tuple[int, str]:
    from .errors import FactdbError

    if isinstance(exc, FactdbError):
        return exc.exit_code, str(exc)
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
    from .settings import load

    ctx = click.get_current_context()
    url = ctx.find_root().obj.get("db_url") if ctx.find_root().obj else None
    return url or load()["db"]


def engine(read_only: bool = False):
    """Open the database chosen by --db / FACTDB_URL / factdb.toml (created on first use for SQLite).

    Read commands pass ``read_only``: a SQLite file the user may not write
    (or in a directory they may not write) is then opened read-only.
    """
    from .db import open_engine

    return open_engine(db_url(), read_only=read_only)


def max_document_option(f):
    return click.option(
        "--max-document-mb", type=click.FloatRange(0, min_open=True), default=None,
        help="Refuse a document (file or JSON line) larger than this many MB "
             "(default: $FACTDB_MAX_DOCUMENT_MB, else the config file, else 20).")(f)


def csv_raw() -> bool:
    """``factdb --csv-raw``: CSV cells exactly as stored, for programs (see output.write_csv)."""
    obj = click.get_current_context().find_root().obj or {}
    return bool(obj.get("csv_raw"))


def emit(rows, columns, fmt, *, out=None):
    from . import output

    stream = out or sys.stdout
    color = fmt == "table" and stream.isatty() and not os.environ.get("NO_COLOR")
    return output.write(rows, columns, fmt, stream, color=color, csv_raw=csv_raw())


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


@click.group(cls=FactdbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_url", metavar="URL", help="Database URL or SQLite file (default: $FACTDB_URL, else ./factdb.sqlite).")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("--csv-raw", is_flag=True,
              help="CSV cells exactly as stored: no ' before text starting with = + - @ (for programs, not spreadsheets).")
@click.version_option(package_name="factdb")
@click.pass_context
def cli(ctx, db_url, debug, csv_raw):
    """Track quantitative claims (casualties, displaced, hostages, aid ...)
    across news sources over time.

    \b
    Examples:
      factdb ingest seeds/
      factdb claims --metric killed --location Gaza
      factdb diff --metric killed --location Gaza
      factdb show 12
    """
    ctx.obj = {"db_url": db_url, "debug": debug, "csv_raw": csv_raw}


# --- ingest / extract -------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--source", help="Outlet for documents that do not name one.")
@click.option("--format", "fmt", type=click.Choice(["auto", "txt", "jsonl"]), default="auto", show_default=True,
              help="Input format (auto: .jsonl/.ndjson are JSON Lines, others text).")
@click.option("--published", type=DATE, help="Publication date for documents that carry none.")
@click.option("--encoding", help="Decode input with this encoding instead of UTF-8 (e.g. cp1252).")
@click.option("--lexicon", "lexicon", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra metric lexicon file (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extract in N processes.")
@max_document_option
@click.option("--quiet", "-q", is_flag=True, help="No summary line.")
@db_option
def ingest(paths, source, fmt, published, encoding, lexicon, jobs, max_document_mb, quiet):
    """Ingest articles: files, directories (recursive, sorted), - for stdin, web
    pages and RSS/Atom feeds (URLs or saved .html/.xml files).

    Each document is stored whole or not at all.  The same content again is
    a no-op; changed content under the same URL/id is a new version whose
    claims are linked to the previous version's.  Bad documents are reported
    as path[:line]: reason and skipped; the exit status is 1 if any failed.

    \b
    Examples:
      factdb ingest seeds/
      factdb ingest feed.jsonl --source "Harbour Post"
      cat article.txt | factdb ingest - --published 2024-02-07
      factdb ingest https://harbourpost.example/world/2024/02/08/gaza-toll
      factdb ingest https://harbourpost.example/world/rss.xml
    """
    from .ingest import ingest as run_ingest
    from .output import visible
    from .readers import iter_paths
    from .web_read import is_web_input

    eng = engine()
    documents = None
    if any(is_web_input(p) for p in paths):  # URLs, saved pages and feeds: factdb.web_read
        from .cli_watch import web_inputs

        documents = web_inputs(eng, list(paths), source=source, published=published, fmt=fmt, encoding=encoding)
    lexicon = list(lexicon) or _config_lexicon()
    total = sum(1 for _ in iter_paths(paths))
    with progress(total, "ingesting") as bar:
        last = [None]

        def step(where):
            # one tick per input file (a JSONL file counts once)
            path = where.rsplit(":", 1)[0] if where else where
            if path != last[0]:
                last[0] = path
                bar.update(1)

        summary = run_ingest(
            eng, list(paths), fmt=fmt, source=source, published=published, encoding=encoding,
            lexicon_paths=lexicon or None, jobs=jobs, max_bytes=_max_bytes(max_document_mb),
            on_error=lambda msg: click.echo(visible(msg), err=True),
            on_document=step, documents=documents,
        )
    if not quiet:
        click.echo(f"ingest run {summary.run_id}: {summary.line()}", err=True)
    if summary.failed:
        sys.exit(EXIT_INPUT)


def _max_bytes(mb: float | None) -> int:
    from .settings import load

    return int((mb or load()["max_document_mb"]) * 1_000_000)


def _config_lexicon() -> list[str]:
    """Lexicon files from FACTDB_LEXICON or the config file (see factdb.settings)."""
    from .settings import load

    return load()["lexicon"]


EXTRACT_COLUMNS = ["doc_id", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "metric",
                   "subject", "location", "period", "speaker", "attribution", "as_of", "since", "confidence",
                   "extractor", "sentence"]


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="jsonl", show_default=True, help="Output format.")
@click.option("--input-format", "input_fmt", type=click.Choice(["auto", "txt", "jsonl"]), default="auto",
              show_default=True, help="Input format.")
@click.option("--published", type=DATE, help="Publication date for documents that carry none (default: today).")
@click.option("--encoding", help="Decode input with this encoding instead of UTF-8.")
@click.option("--lexicon", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra metric lexicon file (repeatable).")
@max_document_option
def extract(paths, fmt, input_fmt, published, encoding, lexicon, max_document_mb):
    """Print the claims found in documents, without touching a database.

    Reads what `ingest` reads; with no PATH, reads stdin.  One record per
    claim: doc_id, start, end, text, value, low, high, qualifier, unit,
    metric, subject, location, period, speaker, attribution, as_of, since,
    confidence, extractor, sentence.

    \b
    Examples:
      factdb extract seeds/000_0ac5cb94f4c3a24b.txt --format table
      echo "At least 40 people were killed, officials said." | factdb extract --published 2024-02-07
    """
    from .ingest import open_lexicon
    from .output import visible
    from .readers import read_documents

    lex = open_lexicon(list(lexicon) or _config_lexicon())
    max_bytes = _max_bytes(max_document_mb)
    failed = 0

    def records():
        nonlocal failed
        from .errors import InputError
        from .extract import extract_claims

        today = dt.datetime.now(dt.UTC).date()
        for doc in read_documents(paths or ["-"], fmt=input_fmt, published=published or today,
                                  encoding=encoding, max_bytes=max_bytes):
            if isinstance(doc, InputError):
                failed += 1
                click.echo(visible(str(doc)), err=True)
                continue
            doc_id = doc.extra.get("id") or doc.url or doc.identity
            try:
                found = extract_claims(doc.text, doc.published, lexicon=lex)
            except Exception as exc:  # noqa: BLE001 - one document's failure, as in ingest
                failed += 1
                click.echo(visible(f"{doc.where}: cannot extract claims ({type(exc).__name__}: {str(exc)[:200]}); "
                                   "document skipped"), err=True)
                continue
            for c in found:
                yield {"doc_id": doc_id, **c.to_record()}

    emit(records(), EXTRACT_COLUMNS, fmt)
    if failed:
        sys.exit(EXIT_INPUT)


@cli.command()
@click.option("--document", help="Only this article (document id, identity or URL).")
@click.option("--lexicon", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra metric lexicon file (repeatable).")
@db_option
def reextract(document, lexicon):
    """Run the current extractor again over stored articles (latest versions).

    Unreviewed claims take the new reading; reviewed ones keep the editor's
    values and are marked needs_review where the extractor now disagrees.

    \b
    Examples:
      factdb reextract
      factdb reextract --document https://harbourpost.example/world/2024/02/08/gaza-toll-27840
    """
    from .ingest import reextract as run_reextract

    s = run_reextract(engine(), document, list(lexicon) or _config_lexicon() or None)
    click.echo(f"{s.updated} documents changed, {s.unchanged} unchanged; "
               f"{s.claims_added} claims added, {s.claims_changed} changed", err=True)


# --- queries ------------------------------------------------------------------


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
        click.option("--status", multiple=True,
                     type=click.Choice(["unreviewed", "verified", "corrected", "disputed", "rejected", "reference"]),
                     help="Review status (repeatable)."),
        click.option("--document", help="Document id, identity or URL (all its versions)."),
        click.option("--include-removed", is_flag=True, help="Also claims later versions of an article dropped."),
        click.option("--as-recorded-at", type=DATETIME,
                     help="Show the database as it stood at this instant (UTC)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def make_filter(limit=None, **kw):
    from .queries import ClaimFilter

    return ClaimFilter(
        metric=tuple(kw.get("metric") or ()), subject=kw.get("subject"), location=kw.get("location"),
        source=tuple(kw.get("source") or ()), speaker=kw.get("speaker"), since=kw.get("since"),
        until=kw.get("until"), status=tuple(kw.get("status") or ()), document=kw.get("document"),
        include_removed=kw.get("include_removed", False), as_recorded_at=kw.get("as_recorded_at"), limit=limit,
    )


@cli.command()
@claim_filter_options
@click.option("--limit", type=click.IntRange(1), default=None, help="At most N claims (table default: 50).")
@click.option("--all-columns", is_flag=True, help="Table with every column.")
@format_option()
@db_option
def claims(limit, all_columns, fmt, **filters):
    """List claims, newest as_of first.

    \b
    Examples:
      factdb claims --metric killed --location Gaza
      factdb claims --source "Harbour Post" --since 2024-02-01 --format csv
      factdb claims --as-recorded-at 2024-02-08T12:00:00Z
    """
    from .db import read_session
    from .queries import CLAIM_COLUMNS, TABLE_COLUMNS, claim_rows

    if fmt == "table" and limit is None:
        limit = 50
    with read_session(engine(read_only=True)) as s:
        cols = TABLE_COLUMNS if fmt == "table" and not all_columns else CLAIM_COLUMNS
        n = emit(claim_rows(s, make_filter(limit, **filters)), cols, fmt)
    if fmt == "table":
        click.echo(f"{n} claims" + (" (use --limit for more)" if limit and n == limit else ""), err=True)


@cli.command()
@click.argument("claim_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def show(claim_id, fmt):
    """Show one claim in full: sentence, attribution, document, every version.

    \b
    Example:
      factdb show 12
    """
    import json

    from . import output
    from .db import read_session
    from .queries import show_claim

    with read_session(engine(read_only=True)) as s:
        data = show_claim(s, claim_id)
    if fmt == "json":
        click.echo(json.dumps(data, default=output.plain, indent=2, ensure_ascii=False))
        return
    doc = data["document"]
    num = _describe_number(data)
    lines = [
        f"claim {data['id']} (version {data['version']}, {data['status']}"
        + (", NEEDS REVIEW" if data["needs_review"] else "") + ("" if data["present"] else ", removed from article") + ")",
        f"  figure:      {num}  [{data['qualifier']}, {data['unit'] or 'count'}]",
        f"  metric:      {data['metric']}   subject: {data['subject'] or '-'}   location: {data['location'] or '-'}",
        f"  period:      {data['period']}   as of: {output.cell(data['as_of'])}"
        + (f"   since: {output.cell(data['since'])}" if data["since"] else ""),
        f"  attribution: {data['speaker'] or '(the outlet itself)'} [{data['attribution']}]",
        f"  source:      {data['source'] or '-'}",
        f"  document:    {doc['id']} {doc['identity']} v{doc['version']}, published {output.cell(doc['published_at'])}"
        + (f" — {doc['title']}" if doc["title"] else ""),
        f"  sentence:    {data['sentence']}",
        f"  surface:     {data['surface']!r} at {data['start']}–{data['end']}   extractor: {data['extractor']}",
        "  history:",
    ]
    for h in data["history"]:
        lines.append(
            f"    v{h['version']} {output.cell(h['recorded_at'])} {h['action']:<9} by {h['actor'] or '-'}: "
            f"{_describe_number(h)} [{h['status']}]"
            + (f" changed {', '.join(h['changed'])}" if h["changed"] and h["action"] != "extract" else "")
            + (f" — {h['note']}" if h["note"] else "")
            + (f" (machine now reads {h['proposed']})" if h["proposed"] else "")
        )
    click.echo(output.visible("\n".join(lines)))


def _describe_number(d) -> str:
    from .output import fmt_number

    if d.get("value") is not None:
        return fmt_number(d["value"])
    lo, hi = d.get("low"), d.get("high")
    return f"{fmt_number(lo) or '?'}–{fmt_number(hi) or '?'}"


@cli.command()
@click.argument("claim_id", type=int)
@format_option()
@db_option
def history(claim_id, fmt):
    """Every version of a claim, oldest first, with the changed fields.

    \b
    Example:
      factdb history 12 --format json
    """
    from .db import read_session
    from .queries import HISTORY_COLUMNS, history_rows

    with read_session(engine(read_only=True)) as s:
        rows = list(history_rows(s, claim_id))
    if fmt == "table":
        for r in rows:
            r["changed"] = ",".join(f"*{c}" for c in r["changed"]) if r["action"] != "extract" else "(new)"
    emit(rows, HISTORY_COLUMNS, fmt)


@cli.command()
@click.option("--identity", help="Only this article (identity, URL or document id), all versions.")
@click.option("--limit", type=click.IntRange(1), help="At most N rows.")
@format_option()
@db_option
def documents(identity, limit, fmt):
    """List documents and their versions.

    \b
    Examples:
      factdb documents
      factdb documents --identity https://meridian-wire.example/2024/02/05/rafah-strikes
    """
    from .db import read_session
    from .queries import DOCUMENT_COLUMNS, document_rows

    with read_session(engine(read_only=True)) as s:
        emit(document_rows(s, identity, limit), DOCUMENT_COLUMNS, fmt)


# --- database -------------------------------------------------------------------


@cli.group()
def db():
    """Create, migrate and check the database."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@db_option
def db_upgrade(revision):
    """Migrate the database to the latest schema (one transaction).

    \b
    Examples:
      factdb db upgrade
      factdb db upgrade --db postgresql+psycopg://postgres@127.0.0.1/factdb
    """
    from .db import describe, make_engine, upgrade

    eng = make_engine(db_url())
    before, after = upgrade(eng, revision)
    if before == after:
        click.echo(f"{describe(eng)} is up to date (revision {after})", err=True)
    else:
        click.echo(f"{describe(eng)} upgraded from {before or 'empty'} to {after}", err=True)


@db.command("check")
@format_option()
@db_option
def db_check(fmt):
    """Report the schema revision and any integrity problem; exit 1 if one is found.

    \b
    Example:
      factdb db check
    """
    from .db import make_engine, require_existing
    from .integrity import check

    eng = make_engine(db_url(), read_only=True)
    require_existing(eng)  # checking must not create an empty database
    report = check(eng)
    click.echo(f"schema revision {report.revision} (head {report.head})", err=True)
    for w in report.warnings:  # e.g. an ingest run killed midway: not fatal, but said
        click.echo(f"warning: {w['problem']}: {w['table']} {w['id']}, {w['detail']} "
                   "(still running, or killed before it could finish)", err=True)
    emit(report.problems, ["problem", "table", "id", "detail"], fmt)
    if report.problems or report.revision != report.head:
        click.echo(f"{len(report.problems)} problems found", err=True)
        sys.exit(1)
    click.echo("no problems found", err=True)


# --- aliases -----------------------------------------------------------------------


@cli.group()
def alias():
    """Equivalent names for speakers, subjects and locations (applied retroactively)."""


@alias.command("add")
@click.argument("kind", type=click.Choice(["speaker", "subject", "location"]))
@click.argument("name")
@click.argument("canonical")
@db_option
def alias_add(kind, name, canonical):
    """Make NAME mean CANONICAL in every query, diff and export.

    \b
    Example:
      factdb alias add speaker "MoH Gaza" "Gaza Health Ministry"
    """
    from .aliases import add_alias
    from .db import run_write

    row = run_write(engine(), lambda s: add_alias(s, kind, name, canonical))
    click.echo(f"{kind} alias: {row.alias!r} -> {row.canonical!r}", err=True)


@alias.command("remove")
@click.argument("kind", type=click.Choice(["speaker", "subject", "location"]))
@click.argument("name")
@db_option
def alias_remove(kind, name):
    """Remove an alias; claims group by their own names again.

    \b
    Example:
      factdb alias remove speaker "MoH Gaza"
    """
    from .aliases import remove_alias
    from .db import run_write

    if not run_write(engine(), lambda s: remove_alias(s, kind, name)):
        raise click.ClickException(f"no {kind} alias {name!r}")


@alias.command("list")
@click.option("--kind", type=click.Choice(["speaker", "subject", "location"]))
@format_option()
@db_option
def alias_list(kind, fmt):
    """List aliases, grouped by kind and canonical name.

    \b
    Example:
      factdb alias list --kind speaker
    """
    from .aliases import list_aliases
    from .db import read_session

    with read_session(engine(read_only=True)) as s:
        rows = [{"kind": a.kind, "alias": a.alias, "canonical": a.canonical} for a in list_aliases(s, kind)]
    emit(rows, ["kind", "alias", "canonical"], fmt)


from .cli_review import review  # noqa: E402
from .cli_watch import sources, watch  # noqa: E402

cli.add_command(review)
cli.add_command(sources)
cli.add_command(watch)


from .cli_diff import diff, export, import_series, plot, series  # noqa: E402

cli.add_command(series)
cli.add_command(diff)
cli.add_command(export)
cli.add_command(import_series)
cli.add_command(plot)

from .cli_web import register as _register_web  # noqa: E402 - user, token, serve

_register_web(cli)


def main():
    cli(prog_name="factdb")


if __name__ == "__main__":
    main()
