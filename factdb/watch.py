"""Watch feeds and pages; store changed articles as new versions; alert on figures.

One poll of one target (a feed or a page URL):

1. a conditional GET with the ETag / Last-Modified stored for the URL; a 304,
   or a body identical to the last one processed, is the end of it: nothing is
   parsed or extracted again;
2. a feed's entries are articles: each entry's link is polled the same way
   (or its full content used); a page is one article;
3. an article whose text changed is stored through the ingest service, so it
   becomes a new version of the document with its claims carried over, and in
   the same transaction the alerts are computed and recorded:

   * ``new_figure``: a figure the article did not carry before;
   * ``changed_figure``: a claim whose figure changed ("27,000 → 27,708");

   each with the diff flags of its series on its date (``disagrees`` with
   another source, ``misreported`` against an official source, ``stale``,
   ``revised_down``) so a figure that newly disagrees is visible as such.
   A reworded sentence, a fixed typo or a new layout changes no figure and
   raises nothing.  The first poll of a target is a baseline: its articles are
   stored without alerts (every figure would otherwise be "new").

Errors are per target and per article: each is one line naming the URL, the
target's failure is recorded in its state, and the next target is polled.
The stop event (SIGTERM) is checked between articles, so the current one is
always finished and committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .db import run_write
from .errors import FactdbError, InputError
from .feeds import Entry, Feed, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchResult
from .models import Alert, Document, FetchState, Source, utcnow
from .readers import SourceDocument
from .urls import normalise_url
from .web_read import Defaults, document_from_response, entry_document

ALERT_FIELDS = ["kind", "at", "document", "url", "claim_id", "metric", "location", "before", "after", "flags",
                "sentence", "source", "title", "version", "as_of"]
# the claim fields that make a figure; a change elsewhere (wording, position) is no alert
FIGURE_FIELDS = {"value", "low", "high", "qualifier", "unit"}
# how far back the series is read when flagging a figure (days)
FLAG_WINDOW = 30
# a failing target is polled again after every, 2 x every, 4 x every ... up to this (seconds)
MAX_BACKOFF = 6 * 3600


@dataclass
class PollSummary:
    targets: int = 0
    not_modified: int = 0
    unchanged: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    failed: int = 0
    backing_off: int = 0  # failing targets skipped this time
    alerts: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{_n(self.targets, 'target')}: {self.not_modified} not modified, {self.unchanged} unchanged, "
                f"{self.articles_new} new and {self.articles_updated} updated articles, "
                f"{_n(len(self.alerts), 'alert')}, {self.failed} failed"
                + (f", {self.backing_off} failing targets backing off" if self.backing_off else ""))


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# --- state --------------------------------------------------------------------


def load_state(engine: Engine, url: str) -> FetchState | None:
    with Session(engine) as s:
        row = s.execute(select(FetchState).where(FetchState.url == url)).scalars().first()
        if row is not None:
            s.expunge(row)
        return row


def entries_json(entries: list[Entry]) -> str:
    return json.dumps([{"link": e.link, "title": e.title, "authors": e.authors,
                        "published": e.published.isoformat() if e.published else None} for e in entries])


def entries_from_json(text: str | None) -> list[Entry]:
    out = []
    for e in json.loads(text) if text else []:
        published = dt.date.fromisoformat(e["published"]) if e.get("published") else None
        out.append(Entry(link=e["link"], title=e.get("title"), authors=e.get("authors") or [], published=published))
    return out


def save_state(engine: Engine, url: str, *, res: FetchResult | None = None, digest: str | None = None,
               error: str | None = None, keep_validators: bool = False, entries: list[Entry] | None = None) -> None:
    """Record a poll of ``url``: its validators and body hash, or its failure."""
    from . import store

    def work(s: Session) -> None:
        now = utcnow()
        store._insert_ignore(s, FetchState, {"url": url, "failures": 0}, ["url"])
        row = s.execute(select(FetchState).where(FetchState.url == url)).scalars().one()
        row.checked_at = now
        if error is not None:
            row.error, row.status, row.failures = error, None, row.failures + 1
            return
        row.error, row.failures = None, 0
        if res is not None:
            row.status = res.status
            if not res.not_modified and not keep_validators:
                row.etag, row.last_modified = res.etag, res.last_modified
        if digest is not None and digest != row.body_hash:
            row.body_hash, row.changed_at = digest, now
        if entries is not None:
            row.entries = entries_json(entries)

    run_write(engine, work)


def due(state: FetchState | None, every: float, now: dt.datetime) -> bool:
    """Whether a target is polled now: a failing one backs off exponentially between polls."""
    if state is None or not state.failures or state.checked_at is None:
        return True
    wait = min(every * 2 ** (state.failures - 1), MAX_BACKOFF)
    checked = state.checked_at if state.checked_at.tzinfo else state.checked_at.replace(tzinfo=dt.UTC)
    return now >= checked + dt.timedelta(seconds=wait) - dt.timedelta(seconds=1)


# --- alerts (pure over diff rows) ---------------------------------------------


def alerts_from_diff(rows: Iterable[dict]) -> Iterable[tuple[str, dict]]:
    """(kind, diff row) for each added claim and each claim whose figure changed."""
    for r in rows:
        if r["change"] == "added":
            yield "new_figure", r
        elif r["change"] == "changed" and FIGURE_FIELDS & set(r["fields"]):
            yield "changed_figure", r


def _series_flags(session: Session, claim_row: dict, officials: list[str]) -> list[str]:
    """The diff flags of one claim in its series on its date (factdb.diff's timeline)."""
    from .diff import Tolerance, load_official, timeline_rows
    from .errors import NotFound
    from .queries import ClaimFilter

    as_of = claim_row.get("new_as_of")
    if as_of is None:
        return []
    f = ClaimFilter(metric=(claim_row["metric"],), location=claim_row.get("location"),
                    since=as_of - dt.timedelta(days=FLAG_WINDOW), until=as_of)
    against = None
    for name in officials:
        try:
            against = load_official(session, f, name)
            break
        except NotFound:
            continue
    flags: list[str] = []
    for row in timeline_rows(session, f, Tolerance(), against=against):
        if row["claim_id"] == claim_row["claim_id"]:
            flags = [x for x in row["flags"] if x != "matches"]
    return flags


def document_alerts(session: Session, doc: SourceDocument, document_id: int, url: str, officials: list[str]
                    ) -> list[dict]:
    """Alerts for the version ``document_id`` against the version before it (inside the store transaction)."""
    from .diff import document_diff_rows

    rows, _, to_doc = document_diff_rows(session, str(document_id))
    source = session.get(Source, to_doc.source_id).name if to_doc.source_id else None
    at = utcnow()
    out = []
    for kind, r in alerts_from_diff(rows):
        alert = {
            "kind": kind, "at": at.isoformat(timespec="seconds"), "document": document_id, "url": url,
            "claim_id": r["claim_id"], "metric": r["metric"], "location": r["location"],
            "before": r["old"], "after": r["new"], "flags": _series_flags(session, r, officials),
            "sentence": r["new_sentence"], "source": source, "title": to_doc.title, "version": to_doc.version,
            "as_of": r["new_as_of"].isoformat() if r["new_as_of"] else None,
        }
        session.add(Alert(kind=kind, at=at, document_id=document_id, claim_id=r["claim_id"], url=url,
                          payload=json.dumps(alert, ensure_ascii=False)))
        out.append(alert)
    return out


def recent_alerts(engine: Engine, limit: int = 100) -> list[dict]:
    with Session(engine) as s:
        rows = s.execute(select(Alert.id, Alert.payload).order_by(Alert.at.desc(), Alert.id.desc()).limit(limit)).all()
    return [{"id": i, **json.loads(p)} for i, p in rows]


# --- the watcher ----------------------------------------------------------------


@dataclass
class Watcher:
    engine: Engine
    fetcher: Fetcher
    lexicon_paths: list[str] | None = None
    # how many of a feed's newest linked entries are re-polled (conditionally) while the feed is unchanged
    revisit: int = 20
    on_alert: Callable[[dict], None] = lambda a: None
    on_error: Callable[[str], None] = lambda msg: None
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self):
        from .ingest import open_lexicon
        from .registry import source_lookup

        self._lexicon = open_lexicon(self.lexicon_paths)
        with Session(self.engine) as s:
            self.defaults = Defaults(source_for=source_lookup(s))
            self.officials = list(s.execute(select(Source.name).where(Source.kind == "official")
                                            .order_by(Source.name_key)).scalars())

    def poll(self, targets: list[str], every: float | None = None) -> PollSummary:
        """One pass over every target; failures are reported and the next target is polled.

        With ``every`` (the loop's interval), targets that keep failing are skipped
        until their backoff has passed (see :func:`due`).
        """
        summary = PollSummary()
        for url in targets:
            if self.stop.is_set():
                break
            url = normalise_url(url)
            if every is not None and not due(load_state(self.engine, url), every, utcnow()):
                summary.backing_off += 1
                continue
            summary.targets += 1
            try:
                self._poll_target(url, summary)
            except FactdbError as exc:
                self._fail(url, exc, summary)
            except Exception as exc:  # noqa: BLE001 - one broken target never stops the others
                self._fail(url, InputError(url, f"unexpected {type(exc).__name__}: {exc}"), summary)
        return summary

    def _fail(self, url: str, exc: Exception, summary: PollSummary) -> None:
        msg = str(exc)
        summary.failed += 1
        summary.errors.append(msg)
        self.on_error(msg)
        try:
            save_state(self.engine, url, error=msg)
        except Exception:  # noqa: BLE001 - the error line has been reported; state is best effort
            pass

    def _conditional(self, url: str, summary: PollSummary) -> tuple[FetchResult | None, str, FetchState | None]:
        """(response or None when nothing changed, body hash, previous state)."""
        state = load_state(self.engine, url)
        res = self.fetcher.fetch(url, etag=state.etag if state else None,
                                 last_modified=state.last_modified if state else None)
        if res.not_modified:
            summary.not_modified += 1
            save_state(self.engine, url, res=res)
            return None, state.body_hash if state else "", state
        digest = body_hash(res.body)
        if state is not None and state.body_hash == digest:
            summary.unchanged += 1
            save_state(self.engine, url, res=res, digest=digest)
            return None, digest, state
        return res, digest, state

    def _poll_target(self, url: str, summary: PollSummary) -> None:
        res, digest, state = self._conditional(url, summary)
        if res is None:
            if state is not None and state.entries:
                # the feed is unchanged, its articles may not be: ask each (conditionally)
                self._poll_entries(entries_from_json(state.entries), url, None, False, summary)
            return
        baseline = state is None or state.body_hash is None
        if looks_like_feed(res.body, res.content_type):
            feed = parse_feed(res.body, url, content_type=res.content_type)
            complete = self._poll_entries(feed.entries, url, feed, baseline, summary)
            linked = [e for e in feed.entries if e.link and not e.content][: self.revisit]
            # a feed is marked seen only when every entry was handled, so a failed
            # article is tried again next time even if the feed itself is unchanged
            save_state(self.engine, url, res=res, digest=digest if complete else None, keep_validators=not complete,
                       entries=linked)
            return
        doc = document_from_response(res, self.defaults)
        self._store(doc, url, baseline, summary)
        save_state(self.engine, url, res=res, digest=digest)

    def _poll_entries(self, entries: list[Entry], feed_url: str, feed: Feed | None, baseline: bool,
                      summary: PollSummary) -> bool:
        """Each entry's article; True when every one was handled."""
        source = self.defaults.source_for(feed_url)
        complete = True
        for n, entry in enumerate(entries, 1):
            if self.stop.is_set():
                return False
            where = entry.link or f"{feed_url} entry {n}"
            try:
                if entry.content and feed is not None:
                    self._store(entry_document(entry, feed, where, self.defaults, source), where, baseline, summary)
                    continue
                if not entry.link:
                    raise InputError(where, "feed entry has neither full content nor a web link; skipped")
                link = normalise_url(entry.link)
                res, digest, state = self._conditional(link, summary)
                if res is None:
                    continue
                doc = document_from_response(res, self.defaults, entry=entry, feed_source=source)
                self._store(doc, link, baseline, summary)
                save_state(self.engine, link, res=res, digest=digest)
            except Exception as exc:  # noqa: BLE001 - one broken article never stops the feed
                if not isinstance(exc, FactdbError):
                    exc = InputError(where, f"unexpected {type(exc).__name__}: {exc}")
                complete = False
                summary.failed += 1
                summary.errors.append(str(exc))
                self.on_error(str(exc))
                if entry.link:
                    try:
                        save_state(self.engine, normalise_url(entry.link), error=str(exc))
                    except Exception:  # noqa: BLE001
                        pass
        return complete

    def _store(self, doc: SourceDocument, url: str, baseline: bool, summary: PollSummary) -> None:
        """Store ``doc`` as a (new version of a) document, with its alerts, in one transaction."""
        from .ingest import extract_for, store_document

        with Session(self.engine) as s:
            known = s.execute(select(Document.version).where(Document.identity == doc.identity,
                                                             Document.content_hash == doc.content_hash)).scalar()
            latest = s.execute(select(func.max(Document.version)).where(Document.identity == doc.identity)).scalar()
        if known is not None:
            summary.unchanged += 1  # same text under a new layout: nothing to extract
            if known != latest:
                # the versioning keeps each text once: a revert cannot become version latest + 1
                msg = (f"{url}: the article is back to the text of its version {known} (latest is {latest}); "
                       f"not stored again — check its claims with `factdb diff --document {doc.identity}`")
                summary.errors.append(msg)
                self.on_error(msg)
            return
        candidates = extract_for(doc, self._lexicon)

        def work(s: Session):
            result = store_document(s, doc, candidates, actor="watch")
            alerts = []
            if result.kind != "unchanged" and not (baseline and result.kind == "new"):
                alerts = document_alerts(s, doc, result.document_id, doc.url or url, self.officials)
            return result, alerts

        result, alerts = run_write(self.engine, work)
        if result.kind == "new":
            summary.articles_new += 1
        elif result.kind == "updated":
            summary.articles_updated += 1
        for a in alerts:
            summary.alerts.append(a)
            self.on_alert(a)

    def run(self, targets: list[str], every: float, *, once: bool = False,
            on_poll: Callable[[int, PollSummary], None] = lambda n, s: None) -> int:
        """Poll until stopped (or once); returns the number of polls made."""
        n = 0
        while not self.stop.is_set():
            n += 1
            on_poll(n, self.poll(targets, None if once else every))
            if once or self.stop.wait(every):
                break
        return n
