"""Documents from the web and from saved pages: URLs, HTML files, RSS/Atom feeds.

Turns fetched pages and feed entries into :class:`~factdb.readers.SourceDocument`
the ingest service stores like any other.  Like the file readers it never
raises for a bad item: a URL that cannot be fetched or read yields an
:class:`InputError` naming it, and the next URL is read.

The outlet is the registry's name for the feed (or page) URL, else the page's
own site name, else ``--source``; never a file name.  The publication date is the
page's, else the feed entry's, else ``--published``; with none, the article
is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import InputError
from .feeds import Entry, Feed, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchResult, decode_body
from .pages import Page, parse_page
from .readers import SourceDocument, _check_published, normalise_text, read_documents
from .urls import is_url, normalise_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
NO_DATE = ("no publication date found (no date in the page's metadata, markup or URL, nor in the feed); "
           "pass --published YYYY-MM-DD if you know it")


@dataclass
class Defaults:
    """What the caller knows when the page does not say: ``--source``, ``--published``, the registry."""

    source: str | None = None
    published: dt.date | None = None
    # registry lookup: a URL -> the registered outlet's name, if any
    source_for: Callable[[str], str | None] = lambda url: None
    today: dt.date | None = None


def page_document(page: Page, where: str, d: Defaults, *, entry: Entry | None = None,
                  feed_source: str | None = None) -> SourceDocument:
    """A fetched (or saved) article page as a document to store."""
    published = page.published or (entry.published if entry else None) or d.published
    if published is None:
        raise InputError(where, NO_DATE)
    published = _check_published(published, where, d.today)
    author = page.author or (", ".join(entry.authors) if entry and entry.authors else None)
    text = normalise_text(page.text)
    return SourceDocument(
        identity=page.url, text=text, published=published, where=where, title=page.title or (entry.title if entry else None),
        source=feed_source or d.source_for(page.url) or page.site_name or d.source, url=page.url, author=author,
        extra={"date_source": page.date_source or ("feed" if entry and entry.published else "--published")},
    )


def entry_document(entry: Entry, feed: Feed, where: str, d: Defaults, feed_source: str | None) -> SourceDocument:
    """A feed entry that carries the whole article as its content."""
    published = entry.published or d.published
    if published is None:
        raise InputError(where, NO_DATE)
    identity = normalise_url(entry.link) if entry.link and is_url(entry.link) else (entry.id or where)
    return SourceDocument(
        identity=identity, text=normalise_text(entry.content or ""), where=where, title=entry.title,
        published=_check_published(published, where, d.today),
        source=feed_source or (d.source_for(entry.link) if entry.link else None) or feed.title or d.source,
        url=entry.link, author=", ".join(entry.authors) or None,
    )


def document_from_response(res: FetchResult, d: Defaults, *, entry: Entry | None = None,
                           feed_source: str | None = None) -> SourceDocument:
    """The article in a fetched page (not a feed)."""
    page = parse_page(res.text(), res.final_url)
    return page_document(page, res.url, d, entry=entry, feed_source=feed_source)


def feed_documents(feed: Feed, fetcher: Fetcher | None, d: Defaults, feed_source: str | None
                   ) -> Iterator[SourceDocument | InputError]:
    """Each entry of a feed: its own full content, else its link fetched."""
    for n, entry in enumerate(feed.entries, 1):
        where = entry.link or f"{feed.url} entry {n}"
        try:
            if entry.content:
                yield entry_document(entry, feed, where, d, feed_source)
            elif not entry.link or not is_url(entry.link):
                yield InputError(where, "feed entry has neither full content nor a web link; skipped")
            elif fetcher is None:
                yield InputError(where, "feed entry links to the web; ingest the feed by URL to fetch it")
            else:
                yield document_from_response(fetcher.fetch(entry.link), d, entry=entry, feed_source=feed_source)
        except InputError as exc:
            yield exc


def url_documents(url: str, fetcher: Fetcher, d: Defaults) -> Iterator[SourceDocument | InputError]:
    """The article at ``url``, or every article of the feed at ``url``."""
    try:
        res = fetcher.fetch(url)
        if looks_like_feed(res.body, res.content_type):
            feed = parse_feed(res.body, url, content_type=res.content_type)
            yield from feed_documents(feed, fetcher, d, d.source_for(url))
            return
        yield document_from_response(res, d)
    except InputError as exc:
        yield exc


def file_documents(path: str, fetcher_factory: Callable[[], Fetcher], d: Defaults
                   ) -> Iterator[SourceDocument | InputError]:
    """A saved HTML page or feed file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, f"cannot read file ({exc.strerror})")
        return
    try:
        if looks_like_feed(data):
            feed = parse_feed(data, path)
            needs_web = any(not e.content for e in feed.entries)
            yield from feed_documents(feed, fetcher_factory() if needs_web else None, d, None)
            return
        page = parse_page(decode_body(data, path), path)
        doc = page_document(page, path, d)
        doc.path = os.path.normpath(path)
        yield doc
    except InputError as exc:
        yield exc


def is_web_input(arg: str) -> bool:
    return is_url(arg) or os.path.splitext(arg)[1].lower() in HTML_SUFFIXES | FEED_SUFFIXES


def read_inputs(args: Iterable[str], fetcher_factory: Callable[[], Fetcher], d: Defaults, **file_kw
                ) -> Iterator[SourceDocument | InputError]:
    """URLs, HTML and feed files through the readers here, everything else through the file readers."""
    for arg in args:
        if is_url(arg):
            yield from url_documents(arg, fetcher_factory(), d)
        elif is_web_input(arg) and os.path.isfile(arg):
            yield from file_documents(arg, fetcher_factory, d)
        else:
            yield from read_documents([arg], source=d.source, published=d.published, today=d.today, **file_kw)


def web_documents(engine, paths: list[str], *, source: str | None, published: dt.date | None, **file_kw
                  ) -> Iterator[SourceDocument | InputError]:
    """Documents for ``ingest`` when URLs, HTML or feed files are among its arguments: outlets
    named by the sources registry, one fetcher (made on first need) for every URL."""
    from sqlmodel import Session

    from .fetch import fetcher_from_settings
    from .registry import source_lookup

    with Session(engine) as s:
        defaults = Defaults(source=source, published=published, source_for=source_lookup(s))
    fetchers: list[Fetcher] = []

    def factory() -> Fetcher:
        if not fetchers:
            fetchers.append(fetcher_from_settings())
        return fetchers[0]

    try:
        yield from read_inputs(paths, factory, defaults, **file_kw)
    finally:
        for f in fetchers:
            f.close()
