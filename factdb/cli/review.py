"""``factdb review``: the editorial review commands (a thin layer over factdb.review)."""

from __future__ import annotations

import click

from .common import (
    DATE,
    FORMAT_CHOICE,
    claim_filter_options,
    color,
    config_lexicon,
    db_option,
    emit,
    engine,
    format_option,
    make_filter,
)


class NumberType(click.ParamType):
    """A figure: 27585, 27,585 or 27 585; "-" or "none" clears the field."""

    name = "NUMBER"

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, float | int):
            return value
        text = value.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
        if text.lower() in ("-", "none", "null"):
            return None
        from ..figures import finite_figure

        try:
            return finite_figure(text, "--value" if param is None else f"--{param.name}")
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


NUMBER = NumberType()
CLEAR = ("-", "none", "null")


def reviewer_option(f):
    return click.option("--reviewer", metavar="NAME",
                        help="Who is reviewing (default: $FACTDB_REVIEWER, else the OS user name).")(f)


def _report(results) -> None:
    for r in results:
        what = f" ({', '.join(c for c in r.changed if c not in ('status', 'needs_review'))})" \
            if r.action == "correct" else ""
        click.echo(f"claim {r.claim_id}: {r.status}{what}, now version {r.version}, by {r.reviewer}", err=True)


@click.group()
def review():
    """Review claims: verify, correct, reject or dispute them.

    Every action records a new version of the claim (who, when, what changed,
    why) and applies only to the version the reviewer saw (--expect-version);
    if someone else changed the claim meanwhile, the action is refused with
    exit status 3.

    \b
    Examples:
      factdb review queue --metric killed
      factdb review verify 12 13 --note "matches the ministry's bulletin"
      factdb review correct 14 --value 27585 --note "ministry figure, not rounded"
      factdb review next --reviewer alice
    """


@review.command("queue")
@claim_filter_options
@click.option("--limit", type=click.IntRange(1), default=None, help="At most N claims (table default: 50).")
@click.option("--all-columns", is_flag=True, help="Table with every column.")
@format_option()
@db_option
def queue(limit, all_columns, fmt, **filters):
    """Claims waiting for review, what most needs an editor first.

    Unreviewed claims and reviewed ones a newer extraction disagrees with
    (needs_review), in this order: flagged misreported, disagrees, misdated,
    stale, revised_down (the series checks of `factdb diff`, against the
    imported official series), then needs_review, then the rest; newest
    as_of first within each.  Figures of imported official series are the
    reference and never queued.

    \b
    Examples:
      factdb review queue
      factdb review queue --location Gaza --limit 20 --format json
    """
    from ..db import read_session
    from ..review import QUEUE_ALL_COLUMNS, QUEUE_COLUMNS, queue_rows, refresh_flags

    if fmt == "table" and limit is None:
        limit = 50
    cols = QUEUE_COLUMNS if fmt == "table" and not all_columns else QUEUE_ALL_COLUMNS
    refresh_flags(engine())
    with read_session(engine(read_only=True)) as s:
        n = emit(queue_rows(s, make_filter(limit, **filters)), cols, fmt)
    if fmt == "table":
        click.echo(f"{n} claims to review" + (" (use --limit for more)" if limit and n == limit else ""),
                   err=True)


def _simple_action(action: str, verb: str):
    @click.argument("claim_ids", nargs=-1, type=int, required=True)
    @click.option("--note", help="Why (recorded in the claim's history).")
    @click.option("--expect-version", type=click.IntRange(1),
                  help="Apply only if the claim is still at this version (one CLAIM_ID).")
    @reviewer_option
    @db_option
    def command(claim_ids, note, expect_version, reviewer):
        from ..review import review as run_review

        if expect_version is not None and len(set(claim_ids)) > 1:
            raise click.UsageError("--expect-version applies to one claim; give one CLAIM_ID")
        _report(run_review(engine(), claim_ids, action, reviewer, note=note, expect_version=expect_version))

    command.__doc__ = f"""{verb}.

    Several CLAIM_IDs are reviewed in one transaction: if one is unknown or
    was changed by someone else, none is changed.

    \b
    Example:
      factdb review {action} 12 13 --note "checked against the source"
    """
    return review.command(action)(command)


verify = _simple_action("verify", "Mark claims as verified")
reject = _simple_action("reject", "Reject claims: nothing is deleted, rejection is a status")
dispute = _simple_action("dispute", "Mark claims as disputed")


@review.command("correct")
@click.argument("claim_id", type=int)
@click.option("--value", type=NUMBER, help='The figure ("-" clears it, e.g. for a range).')
@click.option("--low", type=NUMBER, help="Lower bound.")
@click.option("--high", type=NUMBER, help="Upper bound.")
@click.option("--qualifier", help="exact, more_than, at_least, at_most, less_than, approximately, range, vague.")
@click.option("--metric", help="killed, injured, displaced, hostages, ... (the lexicon's vocabulary).")
@click.option("--subject", help="Who or what is counted.")
@click.option("--location", help="Where.")
@click.option("--speaker", help='Who the claim is attributed to ("-" for the outlet itself).')
@click.option("--as-of", "as_of", type=DATE, help="Date the figure refers to.")
@click.option("--since", type=DATE, help="Start of the counting period.")
@click.option("--period", type=click.Choice(["cumulative", "interval", "unknown"]), help="Kind of count.")
@click.option("--note", required=True, help="Why the claim is corrected (required).")
@click.option("--expect-version", type=click.IntRange(1), help="Apply only if the claim is still at this version.")
@reviewer_option
@db_option
def correct(claim_id, note, expect_version, reviewer, **fields):
    """Correct a claim's fields; a note saying why is required.

    Only the fields given change.

    \b
    Examples:
      factdb review correct 14 --value 27585 --qualifier exact --note "ministry bulletin of 7 Feb"
      factdb review correct 15 --speaker "Gaza Health Ministry" --note "attributed in the next paragraph"
    """
    from ..review import metric_vocabulary
    from ..review import review as run_review

    changes = {}
    for f, v in fields.items():
        if v is None:
            continue
        if f in ("subject", "location", "speaker") and v.strip().lower() in CLEAR:
            v = None
        changes[f] = v
    ctx = click.get_current_context()
    for f in ("value", "low", "high"):
        src = ctx.get_parameter_source(f)
        if src is not None and src.name == "COMMANDLINE" and fields[f] is None:
            changes[f] = None  # explicitly cleared with "-"
    if not changes:
        raise click.UsageError("nothing to correct: give at least one of --value, --low, --high, --qualifier, "
                               "--metric, --subject, --location, --speaker, --as-of, --since, --period")
    if not note.strip():
        raise click.UsageError("a correction needs a note (--note) saying why")
    metrics = metric_vocabulary(config_lexicon()) if "metric" in changes else None
    _report(run_review(engine(), [claim_id], "correct", reviewer, note=note, expect_version=expect_version,
                       changes=changes, metrics=metrics))


# --- interactive loop -------------------------------------------------------------

_CHOICES = {"v": "verify", "c": "correct", "r": "reject", "d": "dispute", "s": "skip", "q": "quit"}


def _prompt_changes(row: dict) -> dict:
    """Ask for each correctable field; empty keeps the value, "-" clears it."""
    from .. import output
    from ..review import CORRECTABLE, DATE_FIELDS, NUMBER_FIELDS

    click.echo('Enter a new value, or nothing to keep it ("-" clears a field).')
    changes = {}
    for f in CORRECTABLE:
        current = row.get(f)
        shown = output.cell(current) if current is not None else ""
        raw = click.prompt(f"  {f}", default=shown, show_default=bool(shown)).strip()
        if raw == shown:
            continue
        if raw.lower() in CLEAR:
            if current is not None:
                changes[f] = None
            continue
        while True:
            try:
                if f in NUMBER_FIELDS:
                    changes[f] = NUMBER.convert(raw, None, None)
                elif f in DATE_FIELDS:
                    changes[f] = DATE.convert(raw, None, None)
                else:
                    changes[f] = raw
                break
            except click.BadParameter as exc:
                click.echo(f"  {exc.message}", err=True)
                raw = click.prompt(f"  {f}", default=shown, show_default=bool(shown)).strip()
                if raw == shown:
                    break
    return changes


@review.command("next")
@claim_filter_options
@reviewer_option
@db_option
def next_(reviewer, **filters):
    """Go through the review queue one claim at a time.

    For each claim choose (v)erify, (c)orrect, (r)eject, (d)ispute, (s)kip
    or (q)uit.  Correct asks for each field (Enter keeps it) and a note.
    Each action applies only to the version shown; if someone else changed
    the claim meanwhile, it is refused and the claim shown again.

    \b
    Example:
      factdb review next --metric killed --reviewer alice
    """
    from ..card import claim_card
    from ..db import read_session
    from ..errors import InvalidReview, ReviewConflict
    from ..queries import show_claim
    from ..review import metric_vocabulary, reviewer_name
    from ..review import queue as review_queue
    from ..review import review as run_review

    who = reviewer_name(reviewer)
    eng = engine()
    flt = make_filter(None, **filters)
    skipped: list[int] = []
    done: dict[str, int] = {}
    first = True
    metrics = None
    click.echo(f"reviewing as {who}", err=True)
    while True:
        # flags are brought up to date once, when the session starts: recomputing a large
        # family after every decision would make the editor wait
        rows = review_queue(eng, flt, limit=1, exclude=skipped, refresh=first)
        first = False
        if not rows:
            click.echo("the review queue is empty" if not skipped else f"no more claims ({len(skipped)} skipped)")
            break
        with read_session(eng) as s:
            left = s.execute(_count_queue(s, flt, skipped)).scalar_one()
            # the card `factdb show` prints; the action applies to the version it shows
            row = show_claim(s, rows[0]["id"])
        click.echo(f"\n[{left} in queue]")
        click.echo(claim_card(row, color=color()))
        try:
            action, changes, note = _ask(row)
        except click.Abort:  # end of input or Ctrl-C: stop, nothing half-done
            click.echo("", err=True)
            break
        if action == "quit":
            break
        if action == "skip":
            skipped.append(row["id"])
            continue
        if changes is not None and not changes:
            click.echo("nothing changed; claim left as it was", err=True)
            continue
        if changes and "metric" in changes and metrics is None:
            metrics = metric_vocabulary(config_lexicon())
        try:
            results = run_review(eng, [row["id"]], action, who, note=note, expect_version=row["version"],
                                 changes=changes, metrics=metrics)
        except ReviewConflict as exc:
            click.echo(f"Error: {exc}", err=True)
            continue
        except InvalidReview as exc:
            click.echo(f"Error: {exc}", err=True)
            continue
        _report(results)
        done[action] = done.get(action, 0) + 1
    if done:
        click.echo("reviewed " + ", ".join(f"{n} {a}" for a, n in done.items()), err=True)


def _ask(row: dict) -> tuple[str, dict | None, str | None]:
    """One claim's decision: (action, field changes for a correction, note)."""
    key = click.prompt("(v)erify, (c)orrect, (r)eject, (d)ispute, (s)kip, (q)uit",
                       type=click.Choice(list(_CHOICES)), show_choices=False).strip()
    action = _CHOICES[key]
    if action in ("quit", "skip", "verify"):
        return action, None, None
    if action == "correct":
        changes = _prompt_changes(row)
        note = click.prompt("  note (why)").strip() if changes else None
        return action, changes, note
    return action, None, click.prompt("  note", default="", show_default=False)


def _count_queue(session, flt, skipped):
    from sqlalchemy import func, select

    from ..review import queue_select

    return select(func.count()).select_from(queue_select(session, flt, exclude=skipped).subquery())


@review.command("stats")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True, help="Output format.")
@db_option
def stats(fmt):
    """Counts by status and by reviewer, and the oldest unreviewed claim.

    \b
    Example:
      factdb review stats --format json
    """
    import json

    from .. import output
    from ..db import read_session
    from ..review import STATS_COLUMNS, stats_rows
    from ..review import stats as review_stats

    with read_session(engine(read_only=True)) as s:
        data = review_stats(s)
    if fmt == "json":
        click.echo(json.dumps(data, default=output.plain, indent=2, ensure_ascii=False))
        return
    if fmt != "table":
        emit(stats_rows(data), STATS_COLUMNS, fmt)
        return
    total = sum(data["by_status"].values())
    lines = [f"claims: {total}"]
    lines += [f"  {status:<12}{n:>8}" for status, n in data["by_status"].items()]
    lines.append(f"  {'needs review':<12}{data['needs_review']:>8}")
    lines.append("reviewers:" if data["by_reviewer"] else "reviewers: none yet")
    for actor, c in data["by_reviewer"].items():
        lines.append(f"  {output.ljust(output.visible(actor), 16)}{c['total']:>6}  (" + ", ".join(
            f"{a} {c[a]}" for a in ("verify", "correct", "reject", "dispute")) + ")")
    o = data["oldest_unreviewed"]
    if o:
        lines.append(f"oldest unreviewed: claim {o['id']}, recorded {output.cell(o['created_at'])}, "
                     f"{o['metric']} as of {output.cell(o['as_of'])} ({o['source'] or o['identity']})")
    else:
        lines.append("oldest unreviewed: none")
    click.echo(output.visible("\n".join(lines)))

