"""Pages, feeds and HTML fragments parsed without network or database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factdb.errors import InputError
from factdb.feeds import looks_like_feed, parse_feed
from factdb.fetch import FetchError, decode_body
from factdb.html_text import html_to_text
from factdb.pages import parse_page
from factdb.readers import clean_markup
from factdb.urls import normalise_url

from .webpages import TOLL_V1, article, atom, rss

PAGE_URL = "https://harbourpost.example/world/2024/02/08/gaza-toll?utm_source=x"


def test_page_text_and_metadata_come_from_the_article_not_the_chrome():
    page = parse_page(article("Toll rises", TOLL_V1, canonical="/world/2024/02/08/gaza-toll"), PAGE_URL)
    assert page.url == "https://harbourpost.example/world/2024/02/08/gaza-toll"
    assert (page.title, page.author, page.site_name) == ("Toll rises", "Mira Castell", "Harbour Post")
    assert page.published == dt.date(2024, 2, 8)
    assert "27,000 people had been killed" in page.text
    for noise in ("12000", "4400", "9,999", "8,888", "31337", "Subscribe", "0800"):
        assert noise not in page.text


def test_page_without_a_canonical_link_is_identified_by_its_normalised_url():
    page = parse_page(article("Toll rises", TOLL_V1), "HTTPS://HarbourPost.example:443/world/a#top")
    assert page.url == "https://harbourpost.example/world/a"


def test_a_canonical_url_on_another_site_is_not_trusted():
    page = parse_page(article("Toll rises", TOLL_V1, canonical="https://meridian-wire.example/story/1"), PAGE_URL)
    assert page.url == normalise_url(PAGE_URL)


def test_missing_date_in_metadata_is_found_in_the_url():
    page = parse_page(article("Toll rises", TOLL_V1, date=None), "https://harbourpost.example/2024/02/06/toll")
    assert page.published == dt.date(2024, 2, 6)


def test_htmldate_reads_a_date_trafilatura_leaves_out():
    from factdb.pages import _htmldate

    html = article("Toll rises", TOLL_V1, date=None).replace(
        "<main>", '<main><time datetime="2024-02-05T08:00:00Z" class="published">5 Feb</time>')
    assert _htmldate(html, "https://harbourpost.example/world/toll") == dt.date(2024, 2, 5)


def test_a_page_without_any_date_has_none():
    page = parse_page(article("Toll rises", TOLL_V1, date=None), "https://harbourpost.example/world/toll")
    assert page.published is None


def test_page_with_no_article_text_is_refused_naming_the_url():
    html = "<html><head><title>Menu</title><script>var killed = 5;</script></head><body><nav></nav></body></html>"
    with pytest.raises(InputError, match=r"^https://harbourpost\.example/x: no article text"):
        parse_page(html, "https://harbourpost.example/x")


def test_script_style_and_comment_contents_are_never_read_from_markup_in_text():
    text = clean_markup("<p>Three people were hurt.</p><script>var killed = 12000;</script>"
                        "<style>p:after{content:'40 dead'}</style><!-- 700 killed -->")
    assert text == "Three people were hurt."


def test_a_script_in_an_article_file_yields_no_claim():
    from click.testing import CliRunner

    from factdb.cli import cli

    article_text = ("date 2024-02-08 <p>At least 40 people were killed in the strike, officials said.</p>"
                    "<script>var killed = 12000;</script><!-- 700 people were killed -->"
                    "<style>.x:after { content: '9,999 killed'; }</style>")
    r = CliRunner().invoke(cli, ["extract"], input=article_text)
    assert r.exit_code == 0, r.output
    assert [json.loads(line)["value"] for line in r.stdout.splitlines()] == [40]


def test_markup_blocks_become_line_breaks_and_entities_are_decoded_once():
    assert html_to_text("<p>A &amp;amp; B</p><p>C<br>D</p>") == "A &amp; B\n\nC\nD"
    assert clean_markup("fewer than <5 people and a<b") == "fewer than <5 people and a<b"


def test_rss_entries_keep_links_dates_and_authors():
    body = rss("Harbour Post: World", [
        {"title": "One", "link": "https://harbourpost.example/1", "date": "Thu, 08 Feb 2024 09:00:00 GMT",
         "author": "Mira Castell"},
        {"title": "Two", "link": "https://harbourpost.example/2", "date": "Wed, 07 Feb 2024 18:00:00 GMT",
         "content": "<p>" + " ".join(TOLL_V1) * 2 + "</p><script>var killed = 1;</script>"},
    ]).encode()
    assert looks_like_feed(body)
    feed = parse_feed(body, "https://harbourpost.example/rss")
    assert feed.title == "Harbour Post: World"
    one, two = feed.entries
    assert (one.link, one.published, one.authors, one.content) == (
        "https://harbourpost.example/1", dt.date(2024, 2, 8), ["Mira Castell"], None)
    assert two.published == dt.date(2024, 2, 7)
    assert "27,000 people" in two.content and "var killed" not in two.content


def test_atom_entries_are_read_too():
    body = atom("Wire", [{"title": "A", "link": "https://wire.example/a", "date": "2024-02-08T10:00:00Z",
                          "author": "Desk"}]).encode()
    feed = parse_feed(body, "https://wire.example/atom")
    assert [(e.link, e.published, e.authors) for e in feed.entries] == [
        ("https://wire.example/a", dt.date(2024, 2, 8), ["Desk"])]


def test_malformed_feed_xml_is_refused_not_half_read():
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>A</item></channel>'
    with pytest.raises(InputError, match=r"^https://wire\.example/rss: malformed feed XML"):
        parse_feed(body, "https://wire.example/rss")


def test_body_charset_comes_from_header_then_page_and_a_wrong_one_is_an_error():
    text = "Rafah – 27,000 killed, £5m in aid"
    assert decode_body(text.encode("cp1252"), "u", "windows-1252") == text
    page = f'<html><head><meta charset="windows-1252"></head><body>{text}</body></html>'
    assert text in decode_body(page.encode("cp1252"), "u")
    with pytest.raises(FetchError, match=r"^http://x/a: not valid utf-8 \(Content-Type header\)"):
        decode_body(text.encode("cp1252"), "http://x/a", "utf-8")
    with pytest.raises(FetchError, match=r"not valid utf-8 \(default, none declared\)"):
        decode_body(text.encode("cp1252"), "http://x/a")
