"""``factdb export`` and ``factdb plot``: claims, series and timelines out to files."""

from __future__ import annotations

import sys

import click

from .common import TOLERANCE, claim_filter_options, csv_raw, db_option, db_url, engine, make_filter


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
    from .. import output

    f = make_filter(**filters)
    if what == "claims" and fmt == "csv" and not f.as_recorded_at:
        # cells formatted by the database and written by csv.writerows in two processes, or by PostgreSQL's
        # COPY; free-text cells that a spreadsheet would run as formulas get their leading ' unless --csv-raw
        from ..db_plain import plain_connection
        from ..export import PlainSource, write_claims_csv

        text_cell = None if (raw or csv_raw()) else output.formula_safe_text
        # a database at the current schema is read with its driver alone, unless names need looking up
        plain = None if f.needs_lookup() else plain_connection(db_url(), read_only=True)
        db = PlainSource(*plain) if plain else engine(read_only=True)
        with output.atomic_output(out, sys.stdout) as fh:
            n = write_claims_csv(db, f, fh, text_cell=text_cell)
        if out and out != "-":
            click.echo(f"wrote {n} {what} rows to {out}", err=True)
        return
    from ..db import read_session
    from ..queries import CLAIM_COLUMNS, SOURCE_COLUMNS, claim_rows, source_rows

    with read_session(engine(read_only=True)) as s:
        if what == "claims":
            rows, cols = claim_rows(s, f), CLAIM_COLUMNS
        elif what == "series":
            from ..series import SERIES_COLUMNS, series_rows

            rows, cols = series_rows(s, f), SERIES_COLUMNS
        elif what == "timeline":
            from ..diff import AGAINST_COLUMNS, TIMELINE_COLUMNS, timeline_rows

            rows = timeline_rows(s, f, tolerance, against=against)
            cols = TIMELINE_COLUMNS + (AGAINST_COLUMNS if against else [])
        elif what == "claimreview":
            from ..claimreview import COLUMNS, base_url, claimreview_rows

            rows, cols = claimreview_rows(s, f, base_url()), COLUMNS
            fmt = "json" if fmt == "json" else "jsonl"  # nested objects: JSON Lines, not CSV
        else:
            rows, cols = source_rows(s), SOURCE_COLUMNS
        with output.atomic_output(out, sys.stdout) as fh:
            n = output.write(rows, cols, fmt, fh, csv_raw=raw or csv_raw())
    if out and out != "-":
        click.echo(f"wrote {n} {what} rows to {out}", err=True)


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
        from ..plot import draw
    except ImportError as exc:
        raise click.ClickException(f"{exc}; install it with `pip install 'factdb[plot]'`") from exc
    from ..db import read_session
    from ..diff import load_official, timeline_rows

    f = make_filter(**filters)
    with read_session(engine(read_only=True)) as s:
        official = load_official(s, f, against) if against else None
        rows = list(timeline_rows(s, f, tolerance, against=official))
    if not rows:
        raise click.ClickException("no figures match these filters; nothing to draw")
    info = draw(rows, out, title=title, official_name=against, official=official)
    click.echo(f"wrote {out}: {info}", err=True)
