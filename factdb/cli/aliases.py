"""``factdb alias``: equivalent names for speakers, subjects and locations."""

from __future__ import annotations

import click

from .common import db_option, emit, engine, format_option


@click.group()
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
    from ..aliases import add_alias
    from ..db import run_write

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
    from ..aliases import remove_alias
    from ..db import run_write

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
    from ..aliases import list_aliases
    from ..db import read_session

    with read_session(engine(read_only=True)) as s:
        rows = [{"kind": a.kind, "alias": a.alias, "canonical": a.canonical} for a in list_aliases(s, kind)]
    emit(rows, ["kind", "alias", "canonical"], fmt)
