"""The sources registry: which outlet, official body or agency publishes at which feed.

``factdb sources add NAME --feed URL`` records it; ``factdb watch --all-sources``
polls every registered feed, and the articles of a registered feed (or a
registered page) are credited to that source rather than to whatever site
name the pages give.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlmodel import Session

from . import store
from .errors import FactdbError
from .models import Source, SourceFeed, utcnow
from .urls import is_url, normalise_url

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
    """URL -> the registered source's name, for a registered feed or page URL.

    Only exact (normalised) URLs count: a host can carry several outlets, so a
    page is credited to a source by the feed it came from, never by its host.
    """
    by_url = dict(session.execute(select(SourceFeed.url, Source.name).join(Source, Source.id == SourceFeed.source_id)).all())

    def lookup(url: str) -> str | None:
        if not url or not is_url(url):
            return None
        return by_url.get(normalise_url(url))

    return lookup
