"""``factdb db``: create, migrate and check the database."""

from __future__ import annotations

import sys

import click

from .common import db_option, db_url, emit, format_option


@click.group()
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
    from ..db import describe, make_engine, upgrade

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
    from ..db import make_engine, require_existing
    from ..integrity import check

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
