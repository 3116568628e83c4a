"""Desk pages over real HTTP on SQLite and PostgreSQL: the queue's order, filters
and paging, a document's versions, the digest, and `factdb serve` itself."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import select

from factdb.db import read_session
from factdb.ingest import ingest
from factdb.models import Document

from .desk_server import free_port, start_desk
from .test_web_security import login


@pytest.fixture
def desk(db_url, tmp_path):
    d = start_desk(db_url, tmp_path / "articles")
    yield d
    d.stop()


def _queue_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-href="/claims/(\d+)[?#]', html)]


def test_queue_follows_the_review_service_order_and_pages_through_it(desk, run):
    expected = [r["id"] for r in json.loads(run("review", "queue", "--format", "json").stdout)]
    assert len(expected) >= 5  # the news figures (the official series is reference, never queued)
    c = login(desk, "vera")
    assert _queue_ids(c.get("/").text) == expected
    seen, url, pages = [], "/?size=3", []
    while url:
        html = c.get(url).text
        pages.append(_queue_ids(html))
        seen += pages[-1]
        assert "offset=" not in html  # pages are places in the queue (after=/before= tokens)
        m = re.search(r'<a href="(/\?[^"]+)" rel="next">', html)
        url = m.group(1).replace("&amp;", "&") if m else None
    assert seen == expected
    # and back again from the last page, one page at a time
    back = [pages[-1]]
    while m := re.search(r'<a href="(/\?[^"]+)" rel="prev">', html):
        assert "after=" not in m.group(1) and "before=" in m.group(1)
        html = c.get(m.group(1).replace("&amp;", "&")).text
        back.append(_queue_ids(html))
    assert [i for page in reversed(back) for i in page] == expected
    bad = c.get("/", params={"after": "not-a-place"})
    assert bad.status_code == 400 and "not a place in the review queue" in bad.text


def test_queue_filters_match_the_cli(desk, run):
    c = login(desk, "vera")
    for query, args in ((("metric", "displaced"),), ["--metric", "displaced"]), \
                       ((("source", "Meridian Wire"),), ["--source", "Meridian Wire"]), \
                       ((("since", "2024-02-08"), ("until", "2024-02-09")), ["--since", "2024-02-08", "--until", "2024-02-09"]):
        cli = [r["id"] for r in json.loads(run("review", "queue", *args, "--format", "json").stdout)]
        assert cli and _queue_ids(c.get("/", params=dict(query)).text) == cli
    html = c.get("/", params={"flag": "needs_review"}).text
    assert _queue_ids(html) == [] and "Nothing to review" in html
    assert c.get("/", params={"since": "last week"}).status_code == 400


def test_document_page_marks_every_claim_and_diffs_versions(desk, tmp_path):
    new = tmp_path / "harbour-0207-v2.txt"
    new.write_text("Date: 2024-02-07\nSource: Harbour Post\nURL: https://harbourpost.example/2024/02/07/toll\n"
                   "Title: Toll rises in Gaza\n\nThe death toll in Gaza rose to 27,590 Palestinians, the Gaza Health "
                   "Ministry said on Wednesday. About 1.7 million people have been displaced, according to UN "
                   "OCHA.\n", encoding="utf-8")
    assert not ingest(desk.engine, [str(new)]).failed
    with read_session(desk.engine) as s:
        v1, v2 = s.execute(select(Document.id).where(Document.url == "https://harbourpost.example/2024/02/07/toll")
                           .order_by(Document.version)).scalars().all()
    c = login(desk, "vera")
    html = c.get(f"/documents/{v2}").text
    assert len(re.findall(r'<a class="fig other', html)) == 2
    row = re.search(r'<table class="changes" id="version-diff">.*?</table>', html, re.S).group(0)
    assert "changed" in row and "27,585" in row and "27,590" in row
    assert f'<a href="/documents/{v1}">1</a>' in html
    assert "version-diff" not in c.get(f"/documents/{v1}").text
    assert c.get("/documents/999999").status_code == 404


def test_digest_lists_what_was_recorded_since(desk):
    c = login(desk, "vera")
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    html = c.get("/digest", params={"since": since}).text
    assert html.count("new document") == 5 and "new claim" in html  # four articles and the official series
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)).isoformat()
    assert "new document" not in c.get("/digest", params={"since": later}).text
    assert c.get("/digest", params={"since": "yesterday-ish"}).status_code == 400


def test_factdb_serve_binds_to_loopback_and_serves_the_desk(desk):
    port = free_port()
    env = {**os.environ, "FACTDB_SECRET_KEY": "k" * 32}
    proc = subprocess.Popen([sys.executable, "-m", "factdb", "--db", desk.db_url, "serve", "--port", str(port),
                             "--read-only"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/login")
                break
            except httpx.ConnectError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else ""
                time.sleep(0.2)
        assert r.status_code == 200 and 'name="username"' in r.text
        tok = {"Authorization": f"Bearer {desk.tokens['rita']}"}
        r = httpx.post(f"http://127.0.0.1:{port}/api/claims/1/review", json={"action": "verify", "expect_version": 1},
                       headers=tok)
        assert r.status_code == 403  # --read-only
        out = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
        assert f"127.0.0.1:{port}" in out and f"0.0.0.0:{port}" not in out
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(15)


def test_api_diff_answers_the_three_diff_questions_like_the_cli(desk, run):
    tok = {"Authorization": f"Bearer {desk.tokens['vera']}"}
    api = f"{desk.url}/api/diff"
    timeline = httpx.get(api, params={"metric": "killed", "location": "Gaza", "against": "Gaza Health Ministry"},
                         headers=tok).json()
    cli = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--against", "Gaza Health Ministry",
                         "--format", "json").stdout)
    assert [(r["claim_id"], r["flags"], r["official"]) for r in timeline] == \
        [(r["claim_id"], r["flags"], r["official"]) for r in cli]
    doc = "https://harbourpost.example/2024/02/07/toll"
    added = httpx.get(api, params={"document": doc, "from": "0"}, headers=tok).json()
    assert {r["change"] for r in added} == {"added"} and len(added) == 2
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    digest = httpx.get(api, params={"recorded_since": since}, headers=tok).json()
    assert sum(r["event"] == "new document" for r in digest) == 5
    assert httpx.get(api, params={"metric": "killed", "tolerance": "lots"}, headers=tok).status_code == 400
    assert httpx.get(api, params={"document": "https://nowhere.example/"}, headers=tok).status_code == 404


def test_next_in_queue_stays_inside_the_filtered_queue(desk, run):
    expected = [r["id"] for r in json.loads(run("review", "queue", "--metric", "killed", "--source", "Harbour Post",
                                                "--source", "Meridian Wire", "--format", "json").stdout)]
    assert len(expected) == 2
    c = login(desk, "rita")
    html = c.get("/", params=[("metric", "killed"), ("source", "Harbour Post"), ("source", "Meridian Wire")]).text
    assert _queue_ids(html) == expected
    first = re.search(r'<tr data-href="([^"]+)"', html).group(1).replace("&amp;", "&")
    page = c.get(first.split("#")[0]).text
    nxt = re.search(r'<a href="([^"]+)" rel="next" id="next-claim">', page).group(1).replace("&amp;", "&")
    assert nxt.startswith(f"/claims/{expected[1]}?") and "source=Meridian+Wire" in nxt
    # after a review the editor lands back on the claim, still inside that queue
    form = re.search(r'<form method="post" action="([^"]+)" class="review" id="decide">', page).group(1)
    tok = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = c.post(form.replace("&amp;", "&"), data={"csrf_token": tok, "action": "verify", "expect_version": "1"})
    assert r.status_code == 303 and "metric=killed" in r.headers["location"]
    page = c.get(r.headers["location"].split("#")[0]).text
    assert f'/claims/{expected[1]}?' in page and 'rel="next"' in page


def test_a_reviewed_claim_the_extractor_now_reads_differently_shows_both(desk, tmp_path):
    from factdb.review import review

    from .test_web_security import claim_id

    cid = claim_id(desk, "27,585")
    review(desk.engine, [cid], "verify", "rita", note="bulletin", expect_version=1)
    new = tmp_path / "harbour-0207-v2.txt"
    new.write_text("Date: 2024-02-07\nSource: Harbour Post\nURL: https://harbourpost.example/2024/02/07/toll\n"
                   "Title: Toll rises in Gaza\n\nThe death toll in Gaza rose to 27,590 Palestinians, the Gaza Health "
                   "Ministry said on Wednesday. About 1.7 million people have been displaced, according to UN "
                   "OCHA.\n", encoding="utf-8")
    assert not ingest(desk.engine, [str(new)]).failed
    c = login(desk, "rita")
    queue = c.get("/", params={"flag": "needs_review"}).text
    assert f'id="q-{cid}"' in queue and "needs review" in queue
    html = c.get(f"/claims/{cid}").text
    machine = re.search(r'<p class="flag machine" id="machine-reading">(.*?)</p>', html, re.S).group(1)
    assert "27,590" in machine
    assert re.search(r'class="f-value">27585<', html)  # the reviewed value stands


def test_timeline_has_a_readable_address(desk):
    c = login(desk, "vera")
    r = c.get("/series/killed/Gaza", params={"against": "Gaza Health Ministry"})
    assert r.status_code == 307
    assert r.headers["location"] == "/series?metric=killed&location=Gaza&against=Gaza+Health+Ministry"
    html = c.get(r.headers["location"]).text
    assert 'class="line official"' in html and "Meridian Wire" in html


def test_claim_page_shows_its_series_neighbours_and_the_official_figure(desk):
    from .test_web_security import claim_id

    cid = claim_id(desk, "27,585")
    c = login(desk, "vera")
    html = c.get(f"/claims/{cid}").text
    official = re.search(r'<p class="official">(.*?)</p>', html, re.S).group(1)
    assert "Gaza Health Ministry" in official and "27,585" in official and "2024-02-07" in official
    assert "matches" in official
    table = re.search(r'<table class="neighbours">.*?</table>', html, re.S).group(0)
    for source, figure in (("Meridian Wire", "27,708"), ("Crescent Radio", "27,947"), ("Harbour Post", "27,585")):
        assert re.search(rf"<td>{source}</td>\s*<td><a href=\"/claims/\d+#fig\">{figure}</a>", table), source
    assert '<tr class="this">' in table  # the claim itself, marked among its neighbours
