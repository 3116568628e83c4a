"""Invented news pages and feeds for the web tests (written for factdb; no real page is copied).

Outlets live under .example hosts or on the loopback test server; the
figures and places are made up in the style of wire copy.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

NAV = """<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav></header>
<div class="promo">Subscribe for 1 euro a month. 500 readers joined today.</div>"""
FOOTER = """<footer><p>Harbour Post Media 2024. All rights reserved. Call 0800 123 456.</p></footer>"""


def article(title: str, paragraphs: list[str], *, date: str | None = "2024-02-08T09:30:00Z",
            site: str | None = "Harbour Post", canonical: str | None = None, author: str | None = "Mira Castell",
            charset: str | None = "utf-8", extra_head: str = "") -> str:
    head = []
    if charset:
        head.append(f'<meta charset="{charset}">')
    head.append(f"<title>{escape(title)}{' | ' + site if site else ''}</title>")
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}">')
    if author:
        head.append(f'<meta name="author" content="{author}">')
    head.append("<script>var killed = 12000; window.dataLayer = [{count: 4400}];</script>")
    head.append("<style>.toll:after { content: '9,999 dead'; }</style>")
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head>{''.join(head)}{extra_head}</head><body>{NAV}"
            f"<main><article><h1>{escape(title)}</h1><!-- 8,888 people in a comment -->\n{body}\n"
            f"<script>trackView({{views: 31337}});</script></article></main>{FOOTER}</body></html>")


TOLL_V1 = [
    "The health ministry in Gaza said on Thursday that 27,000 people had been killed since the war began.",
    "Aid agencies said 100 trucks crossed into the territory on Wednesday, far below what is needed.",
    "Residents of the southern districts described long queues for bread and water through the night, "
    "and several bakeries closed early after running out of flour.",
]
TOLL_V2 = [TOLL_V1[0].replace("27,000", "27,708"), *TOLL_V1[1:]]
# the same article with a typo fixed and the layout changed: no figure changes
TOLL_V1_TYPO = [TOLL_V1[0], TOLL_V1[1].replace("far below what is needed", "far below what is required"),
                TOLL_V1[2]]

FLOOD = [
    "Officials in Marrow Province said on Wednesday that 340 families had been displaced by the flooding.",
    "Rescue teams worked through the night to reach villages cut off by the river, the provincial "
    "governor told reporters, and schools in the valley were turned into shelters.",
]
QUAKE = [
    "At least 52 people were killed when a strong earthquake struck the coastal town of Velmora on Tuesday, "
    "the civil protection agency said.",
    "Engineers were inspecting bridges and the hospital wing that partly collapsed, and aftershocks kept "
    "families sleeping outdoors for a second night.",
]


def rss(title: str, items: list[dict]) -> str:
    """RSS 2.0: items with link, title, pubDate, author (dc:creator) and optional full content."""
    out = []
    for it in items:
        parts = [f"<title>{escape(it['title'])}</title>", f"<link>{escape(it['link'])}</link>",
                 f"<guid>{escape(it['link'])}</guid>"]
        if it.get("date"):
            parts.append(f"<pubDate>{it['date']}</pubDate>")
        if it.get("author"):
            parts.append(f"<dc:creator>{escape(it['author'])}</dc:creator>")
        if it.get("summary"):
            parts.append(f"<description>{escape(it['summary'])}</description>")
        if it.get("content"):
            parts.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        out.append(f"<item>{''.join(parts)}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{escape(title)}</title><link>http://harbourpost.example/</link>"
            f"<description>World news</description>{''.join(out)}</channel></rss>")


def atom(title: str, entries: list[dict]) -> str:
    out = []
    for e in entries:
        content = f'<content type="html">{escape(e["content"])}</content>' if e.get("content") else ""
        out.append(f"<entry><title>{escape(e['title'])}</title><link href=\"{escape(e['link'])}\"/>"
                   f"<id>{escape(e['link'])}</id><updated>{e['date']}</updated>"
                   f"<author><name>{escape(e.get('author', 'Desk'))}</name></author>{content}</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:example:feed</id><updated>2024-02-08T10:00:00Z</updated>"
            f"{''.join(out)}</feed>")
