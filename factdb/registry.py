"""The sources registry: which outlet, official body or agency publishes at which feed.

``factdb sources add NAME --feed URL`` records it; ``factdb watch --all-sources``
polls every registered feed, and a page fetched from a registered site is
credited to that source rather than to whatever site name the page gives.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlmodel import Session

from . import store
from .errors import FactdbError
from .fetch import host_of, is_url, normalise_url
from .models import Source, SourceFeed, utcnow

KINDS = ("outlet", "official", "agency")


def add_source(session: Session, name: str, feed: str | None, kind: str | None) -> tuple[Source, bool]:
    """Register ``name`` (and its feed); (source, feed newly added).  Idempotent."""
    if not name.strip():
        raise FactdbError("a source needs a name")
    if feed is not None and not is_url(feed):
        raise FactdbError(f"{feed}: a feed must be an http:// or https:// URL")
    source_id = store.get_or_create_source(session, name, kind or "outlet")
    source = session.get(Source, source_id)
    if kind and source.kind != kind:
        source.kind = kind  # an explicit registry entry says what the source is
    added = False
    if feed is not None:
        url = normalise_url(feed)
        owner = session.execute(select(SourceFeed.source_id).where(SourceFeed.url == url)).scalar()
        if owner is not None and owner != source_id:
            other = session.get(Source, owner).name
            raise FactdbError(f"{url} is already registered to {other!r}; a feed belongs to one source")
        if owner is None:
            store._insert_ignore(session, SourceFeed, {"source_id": source_id, "url": url, "created_at": utcnow()},
                                 ["url"])
            added = True
        if not source.url:
            source.url = url
    return source, added


def feeds_by_source(session: Session) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for sid, url in session.execute(select(SourceFeed.source_id, SourceFeed.url).order_by(SourceFeed.id)):
        out.setdefault(sid, []).append(url)
    return out


def feed_urls(session: Session) -> list[str]:
    return list(session.execute(select(SourceFeed.url).order_by(SourceFeed.id)).scalars())


def source_lookup(session: Session) -> Callable[[str], str | None]:
    """URL -> registered source name: the feed itself, else a feed on the same site."""
    by_url: dict[str, str] = {}
    by_host: dict[str, set[str]] = {}
    for url, name in session.execute(select(SourceFeed.url, Source.name).join(Source, Source.id == SourceFeed.source_id)):
        by_url[url] = name
        by_host.setdefault(host_of(url).removeprefix("www."), set()).add(name)

    def lookup(url: str) -> str | None:
        if not url or not is_url(url):
            return None
        found = by_url.get(normalise_url(url))
        if found:
            return found
        names = by_host.get(host_of(url).removeprefix("www."), set())
        return next(iter(names)) if len(names) == 1 else None  # a shared host names no one source

    return lookup

