"""factdb command line: a thin layer over the service modules.

The root group lives here and gathers the command groups, one module each
(``ingest``, ``claims``, ``review``, ``diff``, ``export``, ``watch``,
``db``, ``aliases``, ``accounts``, ``web``); what they share is in
``common``.  Those modules import ``common`` and the services only, never
each other or this package, so each one loads alone.  Data goes to stdout,
messages to stderr.  Heavy modules (SQLAlchemy, the extractor, dateparser,
FastAPI) are imported inside commands so ``--help`` is instant.
"""

from __future__ import annotations

import click

from . import accounts, aliases, claims, db, diff, export, ingest, review, watch, web
from .common import FactdbGroup


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


# in the order `factdb --help` has always listed them (click sorts them by name anyway)
for _command in (
    ingest.ingest, ingest.extract, ingest.reextract,
    claims.claims, claims.show, claims.history, claims.documents,
    db.db, aliases.alias,
    review.review, watch.sources, watch.watch,
    diff.series, diff.diff, export.export, ingest.import_series, export.plot,
    accounts.user, accounts.token, web.serve,
):
    cli.add_command(_command)
del _command


def main():
    cli(prog_name="factdb")


if __name__ == "__main__":
    main()
