"""Commands for series, diffs, exports, official series and charts.

Registered on the main group in ``factdb.cli``; heavy modules are imported
inside the commands so ``factdb --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from .cli import (
    DATETIME,
    EXIT_INPUT,
    claim_filter_options,
    csv_raw,
    db_option,
    emit,
    engine,
    format_option,
    make_filter,
    series_filter_options,
)

FLAG_CHOICE = click.Choice(["disagrees", "revised_down", "stale", "misdated", "misreported"])


class ToleranceType(click.ParamType):
    """2% (relative) or 150 (absolute)."""

    name = "TOLERANCE"

    def convert(self, value, param, ctx):
        from .tolerance import Tolerance, parse_tolerance

        if isinstance(value, Tolerance):
            return value
        try:
            return parse_tolerance(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


TOLERANCE = ToleranceType()


def _excerpt(sentence: str | None, surface: str | None, width: int = 64) -> str:
    """A sentence shortened around its figure, for table cells."""
    s = " ".join((sentence or "").split())
    if len(s) <= width:
        return s
    at = s.find(surface) if surface else -1
    if at < 0:
        return s[: width - 1] + "…"
    start = max(0, min(at - width // 3, len(s) - width + 1))
    piece = s[start: start + width - 2]
    return ("…" if start else "") + piece + ("…" if start + width - 2 < len(s) else "")


# --- series -------------------------------------------------------------------------


@click.command()
@claim_filter_options
@format_option()
@db_option
def series(fmt, **filters):
    """List tracked series with claim counts, sources, first/last as_of and
    the latest figure per source.

    A series is (metric, subject, location, period[, unit]) after
    normalisation and aliases; running totals and counts over a window are
    separate series.  Rejected claims are left out unless --status asks.

    \b
    Examples:
      factdb series
      factdb series --metric killed --format json
    """
    from .db import read_session
    from .series import SERIES_COLUMNS, series_rows

    with read_session(engine(read_only=True)) as s:
        n = emit(series_rows(s, make_filter(**filters)), SERIES_COLUMNS, fmt)
    if fmt == "table":
        click.echo(f"{n} series", err=True)


# --- diff ---------------------------------------------------------------------------


def _diff_filters(f):
    opts = [
        *series_filter_options(),
        click.option("--until", "until", metavar="DATE|DATETIME",
                     help="Figures as of this date or earlier; with --recorded-since, the end of the "
                          "recording window (a bare date includes that whole day)."),
        click.option("--status", multiple=True,
                     type=click.Choice(["unreviewed", "verified", "corrected", "disputed", "rejected", "reference"]),
                     help="Only claims with this review status (default: all but rejected)."),
        click.option("--document", help="Diff two versions of this article (document id, identity or URL)."),
        click.option("--from", "from_version", type=click.IntRange(0), help="With --document: older version "
                     "(default: the one before --to; 0 = empty)."),
        click.option("--to", "to_version", type=click.IntRange(1), help="With --document: newer version "
                     "(default: the latest)."),
        click.option("--recorded-since", type=DATETIME, help="Digest of what the database recorded since "
                     "this instant (UTC)."),
        click.option("--as-recorded-at", type=DATETIME, help="Timeline as the database stood at this instant."),
        click.option("--tolerance", type=TOLERANCE, default="2%", show_default=True,
                     help="How far figures may differ and still agree: 2% or an absolute 150."),
        click.option("--against", metavar="SOURCE", help="Check every figure against this official series."),
        click.option("--fail-on", multiple=True, type=FLAG_CHOICE,
                     help="Exit 1 if a row gets this flag (repeatable)."),
        click.option("--summary", "summary_only", is_flag=True,
                     help="Print the per-source summary as rows instead of the timeline."),
        click.option("--include-carried", is_flag=True, help="With --recorded-since: also claims merely "
                     "carried into a new article version unchanged."),
        click.option("--all-columns", is_flag=True, help="Table with every column."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _until_bounds(value: str | None, ctx) -> tuple[dt.date | None, dt.datetime | None]:
    """--until as a date (timeline) and as an exclusive end instant (digest)."""
    if not value:
        return None, None
    try:
        d = dt.date.fromisoformat(value)
        return d, dt.datetime.combine(d + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    except ValueError:
        pass
    when = DATETIME.convert(value, None, ctx)
    return when.date(), when


@click.command()
@_diff_filters
@format_option()
@db_option
@click.pass_context
def diff(ctx, fmt, document, from_version, to_version, recorded_since, tolerance, against, fail_on,
         summary_only, include_carried, all_columns, until, **filters):
    """Who said what about a figure, when, and how it changed.

    \b
    Three questions:
      across sources:  factdb diff --metric killed --location Gaza [--source A --source B]
                         [--since DATE] [--until DATE] [--tolerance 2%] [--against SOURCE]
      across versions of one article:
                       factdb diff --document ID_OR_URL [--from N] [--to M]
      across database states (an editor's digest):
                       factdb diff --recorded-since DATETIME [--until DATETIME]

    The timeline has one row per (as_of, source, figure) of each series, with
    the figure, who said it, how many other sources gave the same figure for
    the same date (corroborated_by), the change since that source's previous
    report, and flags: disagrees (sources differ beyond the tolerance on the
    same date; bounds and ranges compare as intervals), revised_down (a
    running total below the source's previous figure), stale (a source
    repeats an older figure after newer ones were reported).  With --against,
    each figure is also compared with the official figure for its date (or
    the latest before): matches, stale (equals an older official figure) or
    misreported (agrees with no official figure of the past week).  The
    closing summary (table format: on stderr; --summary: as rows) gives each
    source's first and last figure and the spread between sources.

    Exit status 0 when the diff ran, even with flags; 1 with --fail-on FLAG
    when a row has that flag.  Field lists: docs/export.md.

    \b
    Examples:
      factdb diff --metric killed --location Gaza
      factdb diff --metric killed --location Gaza --against "Gaza Health Ministry" --fail-on misreported
      factdb diff --document https://meridianwire.example/2024/02/05/gaza-rafah-strikes
      factdb diff --recorded-since 2024-02-08T00:00:00Z --format json
    """
    from .db import read_session

    until_date, until_instant = _until_bounds(until, ctx)
    with read_session(engine(read_only=True)) as s:
        if document:
            _diff_document(s, document, from_version, to_version, fmt, all_columns)
            return
        if recorded_since:
            _diff_recorded(s, recorded_since, until_instant, include_carried, fmt, all_columns)
            return
        if from_version is not None or to_version is not None:
            raise click.UsageError("--from and --to need --document")
        seen = _diff_timeline(s, make_filter(until=until_date, **filters), tolerance, against, fmt,
                              summary_only, all_columns)
    if fail_on and set(fail_on) & seen:
        found = ", ".join(sorted(set(fail_on) & seen))
        click.echo(f"flags found: {found}", err=True)
        sys.exit(1)


def _diff_timeline(s, f, tolerance, against, fmt, summary_only, all_columns) -> set[str]:
    from .diff import (
        AGAINST_COLUMNS,
        SUMMARY_COLUMNS,
        TIMELINE_COLUMNS,
        TIMELINE_TABLE,
        TimelineSummary,
        timeline_rows,
    )

    summary = TimelineSummary()
    rows = timeline_rows(s, f, tolerance, against=against, summary=summary)
    if summary_only:
        for _ in rows:
            pass
        emit(summary.rows_out(), SUMMARY_COLUMNS, fmt)
        return summary.flags
    if fmt == "table":
        # one timeline per series on screen: counts, percentages and other periods apart
        rows = iter(sorted(rows, key=lambda r: r["series"]))
    if fmt == "table" and not all_columns:
        cols = list(TIMELINE_TABLE)
        if against:
            cols[cols.index("status"):cols.index("status")] = AGAINST_COLUMNS
    else:
        cols = TIMELINE_COLUMNS + (AGAINST_COLUMNS if against else [])
    emit(rows, cols, fmt)
    if fmt == "table":
        lines = summary.lines()
        if lines:
            click.echo("", err=True)
            click.echo("\n".join(lines), err=True)
        counts = f"{summary.rows} rows"
        if summary.flags:
            counts += "; flags: " + ", ".join(sorted(summary.flags))
        click.echo(counts + f" (tolerance {tolerance})", err=True)
    return summary.flags


def _diff_document(s, document, from_version, to_version, fmt, all_columns) -> None:
    from .diff import VERSION_COLUMNS, VERSION_TABLE, document_diff_rows

    rows, old, new = document_diff_rows(s, document, from_version, to_version)
    if fmt == "table" and not all_columns:
        for r in rows:
            r["old_sentence"] = _excerpt(r["old_sentence"], r.get("old_surface"), 56)
            r["new_sentence"] = _excerpt(r["new_sentence"], r.get("new_surface"), 56)
        emit(rows, VERSION_TABLE, fmt)
        frm = f"version {old.version} (document {old.id}, {old.published_at})" if old else "nothing"
        click.echo(f"{new.identity}: {frm} -> version {new.version} (document {new.id}, {new.published_at}): "
                   f"{len(rows)} claim{'s' * (len(rows) != 1)} differ", err=True)
    else:
        emit(rows, VERSION_COLUMNS, fmt)


def _diff_recorded(s, since, until, include_carried, fmt, all_columns) -> None:
    from .diff import DIGEST_COLUMNS, DIGEST_TABLE, digest_rows

    rows = digest_rows(s, since, until, include_carried=include_carried)
    if fmt == "table" and not all_columns:
        n = emit(rows, DIGEST_TABLE, fmt)
        click.echo(f"{n} changes recorded since {since.isoformat()}" + (f" until {until.isoformat()}" if until else ""),
                   err=True)
    else:
        emit(rows, DIGEST_COLUMNS, fmt)


# --- export ------------------------------------------------------------------------------


@click.command()
@click.argument("what", type=click.Choice(["claims", "series", "timeline", "sources", "claimreview"]))
@claim_filter_options
@click.option("--tolerance", type=TOLERANCE, default="2%", show_default=True, help="timeline: as for diff.")
@click.option("--against", metavar="SOURCE", help="timeline: check figures against this official series.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True,
              help="Output format.")
@click.option("-o", "--output", "out", metavar="FILE", help="Write to FILE atomically (default: stdout).")
@click.option("--csv-raw", "raw", is_flag=True,
              help="CSV cells exactly as stored (no ' before text starting with = + - @; for programs).")
@db_option
def export(what, tolerance, against, fmt, out, raw, **filters):
    """Export claims, series, the diff timeline or sources, streaming.

    CSV is RFC 4180, UTF-8, with a header row, ISO-8601 dates and an empty
    cell for null; every format carries the same fields in the same order
    (listed in docs/export.md).  With -o the file is written to a
    temporary name and renamed into place, so a failure leaves no
    half-written file (an existing file keeps its mode; a device or pipe
    is written directly).  CSV text cells starting with = + - @, tab or CR
    get a leading ' so spreadsheets show them rather than run them as
    formulas; --csv-raw writes them as stored.

    \b
    Examples:
      factdb export claims --status verified -o verified.csv
      factdb export timeline --metric killed --location Gaza --format jsonl
      factdb export series --format json -o series.json
      factdb export claimreview --format jsonl -o reviews.jsonl

    claimreview: schema.org ClaimReview objects of verified, corrected and
    disputed claims, as JSON Lines (or --format json; see factdb/claimreview.py; each url is
    $FACTDB_BASE_URL/claims/ID, the author $FACTDB_PUBLISHER).
    """
    from . import output
    from .db import read_session
    from .queries import CLAIM_COLUMNS, SOURCE_COLUMNS, claim_rows, source_rows

    f = make_filter(**filters)
    if what == "claims" and fmt == "csv" and not f.as_recorded_at:
        # cells formatted by the database, batches written by csv.writerows, in two processes; free-text
        # cells that a spreadsheet would run as formulas get their leading ' unless --csv-raw
        from .export import write_claims_csv

        text_cell = None if (raw or csv_raw()) else output.formula_safe_text
        with output.atomic_output(out, sys.stdout) as fh:
            n = write_claims_csv(engine(read_only=True), f, fh, text_cell=text_cell)
        if out and out != "-":
            click.echo(f"wrote {n} {what} rows to {out}", err=True)
        return
    with read_session(engine(read_only=True)) as s:
        if what == "claims":
            rows, cols = claim_rows(s, f), CLAIM_COLUMNS
        elif what == "series":
            from .series import SERIES_COLUMNS, series_rows

            rows, cols = series_rows(s, f), SERIES_COLUMNS
        elif what == "timeline":
            from .diff import AGAINST_COLUMNS, TIMELINE_COLUMNS, timeline_rows

            rows = timeline_rows(s, f, tolerance, against=against)
            cols = TIMELINE_COLUMNS + (AGAINST_COLUMNS if against else [])
        elif what == "claimreview":
            from .claimreview import COLUMNS, base_url, claimreview_rows

            rows, cols = claimreview_rows(s, f, base_url()), COLUMNS
            fmt = "json" if fmt == "json" else "jsonl"  # nested objects: JSON Lines, not CSV
        else:
            rows, cols = source_rows(s), SOURCE_COLUMNS
        with output.atomic_output(out, sys.stdout) as fh:
            n = output.write(rows, cols, fmt, fh, csv_raw=raw or csv_raw())
    if out and out != "-":
        click.echo(f"wrote {n} {what} rows to {out}", err=True)


# --- import-series ------------------------------------------------------------------------


@click.command("import-series")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--source", required=True, help="Issuing body, e.g. \"Gaza Health Ministry\".")
@click.option("--metric", required=True, help="Metric of the figures, e.g. killed.")
@click.option("--subject", help="Who is counted, e.g. Palestinians.")
@click.option("--location", help="Where, e.g. Gaza.")
@click.option("--period", type=click.Choice(["cumulative", "interval", "unknown"]), default="cumulative",
              show_default=True, help="Running totals or counts per report.")
@click.option("--unit", help="Unit of the figures (default: a count).")
@click.option("--date-field", required=True, help="Field holding each figure's date (as_of).")
@click.option("--value-field", required=True, help="Field holding the figure.")
@click.option("--format", "fmt", type=click.Choice(["auto", "csv", "json", "jsonl"]), default="auto",
              show_default=True, help="File format (auto: from the extension).")
@click.option("--kind", default="official", show_default=True, help="Kind recorded for the source.")
@db_option
def import_series(file, source, metric, subject, location, period, unit, date_field, value_field, fmt, kind):
    """Load a published statistical series (one figure per date) as claims of SOURCE.

    Each row becomes one claim attributed to SOURCE, with the file and row
    as its sentence.  Idempotent: the same file again changes nothing; a
    changed file is a new version whose figures are matched by date (new
    dates added, changed figures updated with history, vanished dates
    marked removed).  Rows without a value are skipped; unreadable rows are
    reported as FILE:ROW: reason (exit status 1).

    \b
    Example:
      factdb import-series casualties_daily.json --source "Gaza Health Ministry" \\
          --metric killed --subject Palestinians --location Gaza \\
          --date-field report_date --value-field killed_cum
    """
    from .import_series import import_series as run_import

    result = run_import(engine(), file, source=source, metric=metric, subject=subject, location=location,
                        period=period, unit=unit, date_field=date_field, value_field=value_field, fmt=fmt,
                        kind=kind)
    for err in result.errors:
        click.echo(err, err=True)
    click.echo(result.line(), err=True)
    if result.errors:
        sys.exit(EXIT_INPUT)


# --- plot ------------------------------------------------------------------------------------


@click.command()
@claim_filter_options
@click.option("--tolerance", type=TOLERANCE, default="2%", show_default=True, help="As for diff.")
@click.option("--against", metavar="SOURCE", help="Mark figures that do not match this official series.")
@click.option("-o", "--output", "out", default="timeline.png", show_default=True, metavar="FILE",
              help="Image file: .png, .svg or .pdf.")
@click.option("--title", help="Chart title (default: the series).")
@db_option
def plot(tolerance, against, out, title, **filters):
    """Draw a series over time: one line per source, ranges as bands,
    flagged figures circled.

    Needs the optional plotting extra: pip install 'factdb[plot]'.

    \b
    Examples:
      factdb plot --metric killed --location Gaza -o timeline.png
      factdb plot --metric killed --location Gaza --against "Gaza Health Ministry" -o check.svg
    """
    try:
        from .plot import draw
    except ImportError as exc:
        raise click.ClickException(f"{exc}; install it with `pip install 'factdb[plot]'`") from exc
    from .db import read_session
    from .diff import load_official, timeline_rows

    f = make_filter(**filters)
    with read_session(engine(read_only=True)) as s:
        official = load_official(s, f, against) if against else None
        rows = list(timeline_rows(s, f, tolerance, against=official))
    if not rows:
        raise click.ClickException("no figures match these filters; nothing to draw")
    info = draw(rows, out, title=title, official_name=against, official=official)
    click.echo(f"wrote {out}: {info}", err=True)
