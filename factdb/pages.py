"""Article text and metadata of a whole web page: pure (HTML text in, a Page out).

trafilatura finds the article body (navigation, adverts, scripts, styles and
comments are never read) and its metadata; htmldate looks for the date when
trafilatura has none.  The canonical URL is the article's identity, but only
when it stays on the site that served the page: a page cannot claim to be
another outlet's article and so overwrite it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .errors import InputError
from .urls import host_of, normalise_url

# trafilatura's own extensive search reads any date-like text on the page
# (a "last updated" line, a date in a caption): only structured sources count
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# less than this many words is a menu or a stub, not an article
MIN_WORDS = 5


@dataclass
class Page:
    url: str  # canonical URL when the page gives one on its own site, else the URL fetched
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    date_source: str | None = None  # "page" | "htmldate" | None


def _same_site(a: str, b: str) -> bool:
    ha, hb = host_of(a).removeprefix("www."), host_of(b).removeprefix("www.")
    return bool(ha) and ha == hb


def canonical_url(tree, base: str) -> str | None:
    """``<link rel=canonical>`` else ``og:url``, resolved against ``base``."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for href in tree.xpath(xpath):
            href = str(href).strip()
            if href:
                return urljoin(base, href)
    return None


def parse_page(markup: str, url: str) -> Page:
    """The article of an HTML page fetched from (or saved from) ``url``.

    Raises :class:`InputError` naming ``url`` when there is no article text.
    """
    import trafilatura
    from lxml import html as lxml_html

    where = url
    try:
        tree = lxml_html.fromstring(markup) if markup.strip() else None
    except (ValueError, lxml_html.etree.ParserError):
        tree = None
    if tree is None:
        raise InputError(where, "empty page, no article text; skipped")
    identity = normalise_url(url) if urlsplit(url).scheme in ("http", "https") else url
    canon = canonical_url(tree, url)
    if canon and urlsplit(canon).scheme in ("http", "https") and (
            _same_site(canon, url) or urlsplit(url).scheme not in ("http", "https")):
        identity = normalise_url(canon)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, date_extraction_params=_DATE_PARAMS)
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise InputError(where, "no article text found on the page (navigation or scripts only); skipped")
    published, how = None, None
    if doc.date:
        published, how = _iso_date(doc.date), "page"
    if published is None:
        published, how = _htmldate(markup, url), "htmldate"
    if published is None:
        how = None
    return Page(url=identity, text=text, title=_clean(doc.title), author=_clean(doc.author),
                site_name=_site_name(doc.sitename, url), published=published, date_source=how)


def _site_name(name, url: str) -> str | None:
    """The site name the page states; trafilatura's stand-in made from the host name is none."""
    name = _clean(name)
    host = host_of(url).removeprefix("www.")
    if name and host and name.casefold() in {host, host.split(".")[0], host_of(url)}:
        return None
    return name


def _htmldate(markup: str, url: str) -> dt.date | None:
    from htmldate import find_date

    try:
        found = find_date(markup, url=url if url.startswith("http") else None, original_date=True,
                          extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a date heuristic failing is "no date", not a crash
        return None
    return _iso_date(found) if found else None


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean(v) -> str | None:
    if not v:
        return None
    v = " ".join(str(v).split())
    return v or None
