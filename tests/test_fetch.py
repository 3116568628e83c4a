"""The fetcher against a real server on 127.0.0.1 behaving well and badly."""

from __future__ import annotations

import time

import pytest

from factdb.fetch import FetchConfig, Fetcher, FetchError

from . import webserver as ws
from .webpages import TOLL_V1, article

# short limits keep the hostile cases fast; the defaults are minutes and megabytes
FAST = dict(connect_timeout=1.0, read_timeout=0.5, deadline=1.5, max_bytes=1024 * 1024, max_redirects=4,
            retries=2, backoff=0.01, host_interval=0.0, contact="desk@newsroom.example")


@pytest.fixture
def fetcher():
    f = Fetcher(FetchConfig(**FAST))
    yield f
    f.close()


def test_user_agent_names_factdb_and_the_contact(web, fetcher):
    web.routes["/a"] = ws.Resource(article("Toll", TOLL_V1))
    res = fetcher.fetch(web.url("/a"))
    assert res.status == 200 and b"27,000" in res.body
    ua = web.requests("/a")[0]["User-Agent"]
    assert ua.startswith("factdb/") and "desk@newsroom.example" in ua


def test_conditional_request_gets_304_without_a_body(web, fetcher):
    page = web.routes["/a"] = ws.Resource(article("Toll", TOLL_V1))
    first = fetcher.fetch(web.url("/a"))
    again = fetcher.fetch(web.url("/a"), etag=first.etag)
    assert (again.status, again.not_modified, again.body) == (304, True, b"")
    assert web.requests("/a")[1]["If-None-Match"] == first.etag
    page.set(article("Toll", TOLL_V1 + ["One more paragraph with nothing new in it at all."]))
    assert fetcher.fetch(web.url("/a"), etag=first.etag).status == 200


def test_a_response_that_never_finishes_times_out(web, fetcher):
    web.routes["/stall"] = ws.never_finishes(web)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/stall: timed out .*after 3 attempts"):
        fetcher.fetch(web.url("/stall"))
    assert time.monotonic() - started < 10


def test_a_response_trickling_in_forever_hits_the_deadline(web):
    web.routes["/trickle"] = ws.never_finishes(web, trickle=0.05)
    with Fetcher(FetchConfig(**{**FAST, "retries": 0, "deadline": 0.6})) as f:
        with pytest.raises(FetchError, match=r"/trickle: response not finished after 0.6 s"):
            f.fetch(web.url("/trickle"))


def test_a_1_gb_body_stops_at_the_size_cap(web, fetcher):
    web.routes["/huge"] = ws.endless_body()
    with pytest.raises(FetchError, match=r"/huge: response over the 1,048,576-byte limit"):
        fetcher.fetch(web.url("/huge"))


def test_a_declared_1_gb_length_is_refused_before_reading(web, fetcher):
    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Content-Length", str(1024 ** 3))
        req.end_headers()
        req.wfile.write(b"<p>" * 1000)

    web.routes["/big"] = handler
    with pytest.raises(FetchError, match=r"/big: response of 1,073,741,824 bytes is over the 1,048,576-byte limit"):
        fetcher.fetch(web.url("/big"))


def test_a_gzip_bomb_is_stopped_after_decompressing_the_cap(web, fetcher):
    web.routes["/bomb"] = ws.gzip_bomb()
    with pytest.raises(FetchError, match=r"/bomb: response over the 1,048,576-byte limit \(after decompression\)"):
        fetcher.fetch(web.url("/bomb"))


def test_gzip_pages_are_decompressed(web, fetcher):
    import gzip

    body = article("Toll", TOLL_V1).encode()
    web.routes["/gz"] = lambda req: ws.send(req, gzip.compress(body), headers={"Content-Encoding": "gzip"})
    assert fetcher.fetch(web.url("/gz")).body == body


def test_a_redirect_loop_is_cut_off(web, fetcher):
    web.routes["/loop"] = ws.redirect("/loop2")
    web.routes["/loop2"] = ws.redirect("/loop")
    with pytest.raises(FetchError, match=r"/loop: more than 4 redirects \(a redirect loop\?\)"):
        fetcher.fetch(web.url("/loop"))


def test_redirects_are_followed_to_the_final_url(web, fetcher):
    web.routes["/old"] = ws.redirect("/new")
    web.routes["/new"] = ws.Resource(article("Toll", TOLL_V1))
    res = fetcher.fetch(web.url("/old"))
    assert res.final_url == web.url("/new")


def test_404_is_not_retried(web, fetcher):
    with pytest.raises(FetchError, match=r"/gone: HTTP 404; skipped"):
        fetcher.fetch(web.url("/gone"))
    assert len(web.requests("/gone")) == 1


def test_5xx_is_retried_with_backoff_and_then_succeeds(web, fetcher):
    web.routes["/busy"] = ws.flaky(2, ws.Resource(article("Toll", TOLL_V1)))
    assert fetcher.fetch(web.url("/busy")).status == 200
    assert len(web.requests("/busy")) == 3


def test_5xx_every_time_is_an_error_after_the_retries(web, fetcher):
    web.routes["/down"] = ws.status(500)
    with pytest.raises(FetchError, match=r"/down: server error HTTP 500 \(after 3 attempts\)"):
        fetcher.fetch(web.url("/down"))
    assert len(web.requests("/down")) == 3


def test_content_that_is_no_page_or_feed_is_refused(web, fetcher):
    web.routes["/pic"] = lambda req: ws.send(req, b"\x89PNG....", ctype="image/png")
    with pytest.raises(FetchError, match=r"/pic: content type image/png is not a web page or feed"):
        fetcher.fetch(web.url("/pic"))


def test_robots_txt_is_honoured(web, fetcher):
    web.routes["/robots.txt"] = lambda req: ws.send(req, b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    web.routes["/private/a"] = ws.Resource(article("Toll", TOLL_V1))
    web.routes["/public"] = ws.Resource(article("Toll", TOLL_V1))
    with pytest.raises(FetchError, match=r"/private/a: disallowed by the site's robots.txt"):
        fetcher.fetch(web.url("/private/a"))
    assert web.requests("/private/a") == []
    assert fetcher.fetch(web.url("/public")).status == 200
    assert len(web.requests("/robots.txt")) == 1  # read once per host


def test_requests_to_one_host_are_spaced_out(web):
    web.routes["/a"] = ws.Resource(article("Toll", TOLL_V1))
    slept = []
    f = Fetcher(FetchConfig(**{**FAST, "host_interval": 5.0}), sleep=slept.append)
    try:
        f.fetch(web.url("/a"))
        f.fetch(web.url("/a"))
    finally:
        f.close()
    # robots.txt, then the page, then the page again: two waits of nearly the interval
    assert len(slept) == 2 and all(4.0 < s <= 5.0 for s in slept)
