"""``factdb sources`` (the registry of outlets and feeds) and ``factdb watch``."""

from __future__ import annotations

import re
import signal
import sys
import threading

import click

from .common import EXIT_INPUT, FactdbGroup, db_option, emit, engine, format_option

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?", re.I)
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class Duration(click.ParamType):
    """30s, 15m, 2h, or plain seconds."""

    name = "DURATION"

    def convert(self, value, param, ctx):
        if isinstance(value, int | float):
            return float(value)
        m = _DURATION.fullmatch(value.strip())
        if not m or float(m[1]) <= 0:
            self.fail(f"{value!r} is not a duration; use e.g. 30s, 15m or 2h", param, ctx)
        return float(m[1]) * _UNITS[(m[2] or "").lower() or None]


# --- sources -------------------------------------------------------------------------


@click.group(cls=FactdbGroup, invoke_without_command=True)
@format_option()
@db_option
@click.pass_context
def sources(ctx, fmt):
    """The sources registry; with no subcommand, the same listing as `sources list`.

    \b
    Examples:
      factdb sources
      factdb sources add "Harbour Post" --feed https://harbourpost.example/world/rss.xml
      factdb sources add "Ministry of Health" --feed https://moh.example/feed --kind official
      factdb sources list --format csv
    """
    if ctx.invoked_subcommand is None:
        _list_sources(fmt)


def _list_sources(fmt):
    from ..db import read_session
    from ..queries import SOURCE_COLUMNS, source_rows
    from ..registry import feeds_by_source

    with read_session(engine(read_only=True)) as s:
        feeds = feeds_by_source(s)
        rows = [{**r, "feeds": " ".join(feeds.get(r["id"], []))} for r in source_rows(s)]
    emit(rows, [*SOURCE_COLUMNS, "feeds"], fmt)


@sources.command("list")
@format_option()
@db_option
def sources_list(fmt):
    """List sources with their kind, feeds, document and claim counts.

    \b
    Example:
      factdb sources list --format json
    """
    _list_sources(fmt)


@sources.command("add")
@click.argument("name")
@click.option("--feed", metavar="URL", help="An RSS/Atom feed (or a page) the source publishes at.")
@click.option("--kind", type=click.Choice(["outlet", "official", "agency"]),
              help="What the source is (default outlet; official sources are the reference in alerts).")
@db_option
def sources_add(name, feed, kind):
    """Register a source and its feed; `factdb watch --all-sources` polls it.

    Adding the same source or feed again changes nothing; --kind updates the kind.

    \b
    Examples:
      factdb sources add "Harbour Post" --feed https://harbourpost.example/world/rss.xml
      factdb sources add "Ministry of Health" --feed https://moh.example/feed --kind official
    """
    from ..db import run_write
    from ..registry import add_source

    src, added = run_write(engine(), lambda s: add_source(s, name, feed, kind))
    what = f" with feed {feed}" if added else (" (feed already registered)" if feed else "")
    click.echo(f"source {src.name!r} ({src.kind}){what}", err=True)


# --- watch ---------------------------------------------------------------------------


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--all-sources", is_flag=True, help="Also poll every feed in the sources registry.")
@click.option("--every", type=Duration(), default="15m", show_default=True, help="Time between polls.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--webhook", metavar="URL", help="POST each alert here (signed with webhook_secret from the config).")
@click.option("--atom", "atom_path", type=click.Path(dir_okay=False, writable=True),
              help="Keep an Atom feed of the latest alerts in this file.")
@click.option("--lexicon", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra metric lexicon file (repeatable).")
@db_option
def watch(urls, all_sources, every, once, webhook, atom_path, lexicon):
    """Poll feeds and pages; store changed articles; alert when a figure changes.

    Alerts are JSON Lines on stdout (kind, at, document, url, claim_id, metric,
    location, before, after, flags, sentence, ...): a new figure, a changed
    figure, each with its diff flags (disagrees, misreported, stale,
    revised_down).  A reworded sentence or a new layout raises none.  The first
    poll of a feed or page stores its articles without alerts.  Requests are
    conditional (ETag / Last-Modified), the state is kept in the database, and
    SIGTERM lets the current article finish before exiting.

    \b
    Examples:
      factdb watch --all-sources --every 15m --atom alerts.xml
      factdb watch https://harbourpost.example/world/rss.xml --once
      factdb watch --all-sources --webhook https://desk.example/hooks/factdb
    """
    from sqlmodel import Session

    from ..alerts import Webhook, headline, to_json, write_atom
    from ..fetch import fetcher_from_settings
    from ..registry import feed_urls
    from ..settings import load
    from ..watch import Watcher, recent_alerts

    settings = load()
    eng = engine()
    targets = list(urls)
    if all_sources:
        with Session(eng) as s:
            targets += [u for u in feed_urls(s) if u not in targets]
    if not targets:
        raise click.UsageError("nothing to watch: give URLs or --all-sources (register feeds with `factdb sources add`)")
    fetcher = fetcher_from_settings()
    hook = None
    if webhook:
        cfg = fetcher.config
        hook = Webhook(webhook, settings.get("webhook_secret"), user_agent=cfg.user_agent,
                       timeout=cfg.read_timeout, retries=cfg.retries, backoff=cfg.backoff)

    def on_alert(a):
        click.echo(to_json(a))
        sys.stdout.flush()
        click.echo(f"alert: {headline(a)} ({a['url']})", err=True)
        if hook is not None:
            try:
                hook.post(a)
            except Exception as exc:  # noqa: BLE001 - a down receiver never stops the watch
                click.echo(str(exc), err=True)

    watcher = Watcher(eng, fetcher, list(lexicon) or settings["lexicon"] or None, on_alert=on_alert,
                      on_error=lambda msg: click.echo(msg, err=True))
    failed = [0]

    def on_poll(n, summary):
        failed[0] = summary.failed
        if atom_path and (summary.alerts or n == 1):
            write_atom(atom_path, recent_alerts(eng))
        click.echo(f"poll {n}: {summary.line()}", err=True)

    def stop(signum, frame):
        click.echo(f"{signal.Signals(signum).name}: finishing the current article, then exiting", err=True)
        watcher.stop.set()

    old = {}
    if threading.current_thread() is threading.main_thread():
        old = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        watcher.run(targets, every, once=once, on_poll=on_poll)
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        fetcher.close()
        if hook is not None:
            hook.close()
    if once and failed[0]:
        sys.exit(EXIT_INPUT)
