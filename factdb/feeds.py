"""RSS and Atom feeds with feedparser: pure (bytes in, a Feed out).

A feed whose XML is broken is refused as a whole rather than read by
feedparser's forgiving fallback: a half-read feed could silently drop entries.
An entry's full content (content:encoded, Atom content) is used as the
article when it carries real text; a summary never is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import InputError

# an entry's own content counts as the article from this many characters of text
FULL_CONTENT_CHARS = 400
_FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


@dataclass
class Entry:
    link: str | None
    title: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    content: str | None = None  # the entry's full article text, if it has one
    id: str | None = None


@dataclass
class Feed:
    url: str
    title: str | None
    entries: list[Entry]


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """An RSS/Atom document, by media type or by its root element."""
    if content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return bool(_FEED_START.match(body[:2048]))


def parse_feed(body: bytes, url: str, *, content_type: str | None = None) -> Feed:
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        raise InputError(url, f"malformed feed XML ({_first_line(exc)}); skipped")
    if parsed.get("version", "") == "" and not parsed.entries:
        raise InputError(url, "not an RSS or Atom feed; skipped")
    entries = []
    for e in parsed.entries:
        entries.append(Entry(
            link=(e.get("link") or "").strip() or None,
            title=e.get("title") or None,
            published=_entry_date(e),
            authors=_authors(e),
            content=_full_content(e),
            id=e.get("id") or None,
        ))
    return Feed(url=url, title=parsed.feed.get("title") or None, entries=entries)


def _first_line(exc) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _entry_date(e) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = e.get(key)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None


def _authors(e) -> list[str]:
    names = [a.get("name", "").strip() for a in e.get("authors") or [] if a.get("name")]
    if not names and e.get("author"):
        names = [e["author"].strip()]
    return [n for n in names if n]


def _full_content(e) -> str | None:
    from .html_text import html_to_text

    for c in e.get("content") or []:
        value = c.get("value") or ""
        text = html_to_text(value) if "html" in (c.get("type") or "") else value.strip()
        if len(text) >= FULL_CONTENT_CHARS:
            return text
    return None
