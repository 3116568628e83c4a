"""``factdb claims``, ``show``, ``history`` and ``documents``: reading what is stored."""

from __future__ import annotations

import click

from .common import claim_filter_options, color, db_option, emit, engine, format_option, make_filter


@click.command()
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
    from ..db import read_session
    from ..queries import CLAIM_COLUMNS, TABLE_COLUMNS, claim_rows

    if fmt == "table" and limit is None:
        limit = 50
    with read_session(engine(read_only=True)) as s:
        cols = TABLE_COLUMNS if fmt == "table" and not all_columns else CLAIM_COLUMNS
        n = emit(claim_rows(s, make_filter(limit, **filters)), cols, fmt)
    if fmt == "table":
        click.echo(f"{n} claims" + (" (use --limit for more)" if limit and n == limit else ""), err=True)


@click.command()
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

    from .. import output
    from ..card import claim_card
    from ..db import read_session
    from ..queries import show_claim

    with read_session(engine(read_only=True)) as s:
        data = show_claim(s, claim_id)
    if fmt == "json":
        click.echo(json.dumps(data, default=output.plain, indent=2, ensure_ascii=False))
        return
    click.echo(claim_card(data, color=color()))


@click.command()
@click.argument("claim_id", type=int)
@format_option()
@db_option
def history(claim_id, fmt):
    """Every version of a claim, oldest first, with the changed fields.

    \b
    Example:
      factdb history 12 --format json
    """
    from ..db import read_session
    from ..queries import HISTORY_COLUMNS, history_rows

    with read_session(engine(read_only=True)) as s:
        rows = list(history_rows(s, claim_id))
    if fmt == "table":
        for r in rows:
            r["changed"] = ",".join(f"*{c}" for c in r["changed"]) if r["action"] != "extract" else "(new)"
    emit(rows, HISTORY_COLUMNS, fmt)


@click.command()
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
    from ..db import read_session
    from ..queries import DOCUMENT_COLUMNS, document_rows

    with read_session(engine(read_only=True)) as s:
        emit(document_rows(s, identity, limit), DOCUMENT_COLUMNS, fmt)
