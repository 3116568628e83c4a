"""``factdb ingest``, ``extract``, ``reextract`` and ``import-series``: getting figures in."""

from __future__ import annotations

import datetime as dt
import sys

import click

from .common import (
    DATE,
    EXIT_INPUT,
    FORMAT_CHOICE,
    config_lexicon,
    db_option,
    emit,
    engine,
    max_bytes,
    max_document_option,
    progress,
)


@click.command()
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
    from ..ingest import ingest as run_ingest
    from ..output import visible
    from ..readers import iter_paths
    from ..web_read import is_web_input

    eng = engine()
    documents = None
    if any(is_web_input(p) for p in paths):  # URLs, saved pages and feeds: factdb.web_read
        from ..web_read import web_documents

        documents = web_documents(eng, list(paths), source=source, published=published, fmt=fmt,
                                  encoding=encoding)
    lexicon = list(lexicon) or config_lexicon()
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
            lexicon_paths=lexicon or None, jobs=jobs, max_bytes=max_bytes(max_document_mb),
            on_error=lambda msg: click.echo(visible(msg), err=True),
            on_document=step, documents=documents,
        )
    if not quiet:
        click.echo(f"ingest run {summary.run_id}: {summary.line()}", err=True)
    if summary.failed:
        sys.exit(EXIT_INPUT)


EXTRACT_COLUMNS = ["doc_id", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "metric",
                   "subject", "location", "period", "speaker", "attribution", "as_of", "since", "confidence",
                   "extractor", "sentence"]


@click.command()
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
    from ..ingest import open_lexicon
    from ..output import visible
    from ..readers import read_documents

    lex = open_lexicon(list(lexicon) or config_lexicon())
    limit = max_bytes(max_document_mb)
    failed = 0

    def records():
        nonlocal failed
        from ..errors import InputError
        from ..extract import extract_claims

        today = dt.datetime.now(dt.UTC).date()
        for doc in read_documents(paths or ["-"], fmt=input_fmt, published=published or today,
                                  encoding=encoding, max_bytes=limit):
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


@click.command()
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
    from ..ingest import reextract as run_reextract

    s = run_reextract(engine(), document, list(lexicon) or config_lexicon() or None)
    click.echo(f"{s.updated} documents changed, {s.unchanged} unchanged; "
               f"{s.claims_added} claims added, {s.claims_changed} changed", err=True)


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
    from ..import_series import import_series as run_import

    result = run_import(engine(), file, source=source, metric=metric, subject=subject, location=location,
                        period=period, unit=unit, date_field=date_field, value_field=value_field, fmt=fmt,
                        kind=kind)
    for err in result.errors:
        click.echo(err, err=True)
    click.echo(result.line(), err=True)
    if result.errors:
        sys.exit(EXIT_INPUT)
