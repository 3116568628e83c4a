"""`factdb ingest URL`, `factdb sources` and `factdb watch` against a local server, on both engines."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from factdb.db import open_engine
from factdb.models import Alert, Claim, Document, FetchState, Source

from . import webserver as ws
from .webpages import FLOOD, QUAKE, TOLL_V1, TOLL_V1_TYPO, TOLL_V2, article, rss

SECRET = "s3cret-for-tests"


@pytest.fixture
def config(tmp_path):
    """A factdb.toml with short limits, so the hostile cases take a second, not minutes."""
    path = tmp_path / "factdb.toml"
    path.write_text(f"""[factdb]
contact = "desk@newsroom.example"
webhook_secret = "{SECRET}"
[factdb.fetch]
connect_timeout = 1.0
read_timeout = 0.5
deadline = 1.5
max_bytes = 1048576
max_redirects = 4
retries = 2
backoff = 0.01
host_interval = 0.0
""")
    return {"FACTDB_CONFIG": str(path)}


def rows(db_url, model, *where):
    eng = open_engine(db_url)
    try:
        with Session(eng) as s:
            return list(s.execute(select(model).where(*where).order_by(model.id)).scalars())
    finally:
        eng.dispose()


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def three_article_feed(web) -> dict:
    """A feed of three articles, each on its own page; returns the page resources by path."""
    pages = {
        "/world/2024/02/08/gaza-toll": ws.Resource(article("Toll rises", TOLL_V1)),
        "/world/2024/02/07/marrow-floods": ws.Resource(article("Floods in Marrow", FLOOD, date="2024-02-07T12:00:00Z",
                                                               author=None)),
        "/world/2024/02/06/velmora-quake": ws.Resource(article("Quake in Velmora", QUAKE, date="2024-02-06T08:00:00Z",
                                                               author=None)),
    }
    web.routes.update(pages)
    items = [{"title": "Toll rises", "link": web.url("/world/2024/02/08/gaza-toll"),
              "date": "Thu, 08 Feb 2024 09:30:00 GMT", "author": "Mira Castell"},
             {"title": "Floods in Marrow", "link": web.url("/world/2024/02/07/marrow-floods"),
              "date": "Wed, 07 Feb 2024 12:00:00 GMT", "author": "Tomas Reyna"},
             {"title": "Quake in Velmora", "link": web.url("/world/2024/02/06/velmora-quake"),
              "date": "Tue, 06 Feb 2024 08:00:00 GMT", "author": "Ines Vark"}]
    web.routes["/rss.xml"] = ws.Resource(rss("Harbour Post: World", items), ctype="application/rss+xml")
    return pages


# --- ingest URL / HTML files ----------------------------------------------------------


def test_ingest_url_stores_the_article_text_and_page_metadata(run, web, config, db_url):
    web.routes["/world/a"] = ws.Resource(article("Toll rises", TOLL_V1, canonical="/world/2024/02/08/gaza-toll"))
    r = run("ingest", web.url("/world/a?utm_source=feed"), env=config)
    assert r.exit_code == 0, r.output
    (doc,) = rows(db_url, Document)
    assert doc.identity == doc.url == web.url("/world/2024/02/08/gaza-toll")
    assert (doc.title, doc.author, str(doc.published_at)) == ("Toll rises", "Mira Castell", "2024-02-08")
    (src,) = rows(db_url, Source)
    assert src.name == "Harbour Post"
    values = sorted(c.value for c in rows(db_url, Claim))
    assert 27000 in values and 100 in values
    assert not {12000, 4400, 9999, 8888, 31337, 500} & set(values)  # scripts, styles, comments, chrome


def test_the_same_article_reached_by_two_urls_is_one_document(run, web, config, db_url):
    page = article("Toll rises", TOLL_V1, canonical="/world/2024/02/08/gaza-toll")
    web.routes["/a"] = ws.Resource(page)
    web.routes["/amp/a"] = ws.Resource(page)
    assert run("ingest", web.url("/a"), web.url("/amp/a"), env=config).exit_code == 0
    assert len(rows(db_url, Document)) == 1


def test_a_page_without_a_date_is_refused_with_the_reason_unless_published_is_given(run, web, config, db_url):
    web.routes["/undated"] = ws.Resource(article("Toll rises", TOLL_V1, date=None))
    r = run("ingest", web.url("/undated"), env=config)
    assert r.exit_code == 1
    assert f"{web.url('/undated')}: no publication date found" in r.output and "--published" in r.output
    assert rows(db_url, Document) == []
    r = run("ingest", web.url("/undated"), "--published", "2024-02-08", env=config)
    assert r.exit_code == 0, r.output
    assert [str(d.published_at) for d in rows(db_url, Document)] == ["2024-02-08"]


def test_ingest_feed_url_fetches_each_entry_and_keeps_entry_dates_and_authors(run, web, config, db_url):
    pages = three_article_feed(web)
    pages["/world/2024/02/07/marrow-floods"].set(article("Floods in Marrow", FLOOD, date=None, author=None))
    r = run("ingest", web.url("/rss.xml"), env=config)
    assert r.exit_code == 0, r.output
    docs = {d.title: d for d in rows(db_url, Document)}
    assert set(docs) == {"Toll rises", "Floods in Marrow", "Quake in Velmora"}
    flood = docs["Floods in Marrow"]
    assert (str(flood.published_at), flood.author) == ("2024-02-07", "Tomas Reyna")  # from the feed entry
    assert {d.source_id for d in docs.values()} == {rows(db_url, Source)[0].id}


def test_a_feed_entry_with_full_content_is_used_without_fetching_its_link(run, web, config, db_url):
    items = [{"title": "Quake in Velmora", "link": web.url("/never-fetched"), "date": "Tue, 06 Feb 2024 08:00:00 GMT",
              "author": "Ines Vark", "content": "".join(f"<p>{p}</p>" for p in QUAKE * 2)}]
    web.routes["/full.xml"] = ws.Resource(rss("Velmora Wire", items), ctype="application/rss+xml")
    r = run("ingest", web.url("/full.xml"), env=config)
    assert r.exit_code == 0, r.output
    (doc,) = rows(db_url, Document)
    assert (doc.identity, doc.author, str(doc.published_at)) == (web.url("/never-fetched"), "Ines Vark", "2024-02-06")
    assert web.requests("/never-fetched") == []
    assert [s.name for s in rows(db_url, Source)] == ["Velmora Wire"]


def test_html_file_takes_its_outlet_from_the_page_never_the_file_name(run, tmp_path, db_url):
    path = tmp_path / "meridian-wire_2024-02-08.html"
    path.write_text(article("Toll rises", TOLL_V1, site="Harbour Post"), encoding="utf-8")
    r = run("ingest", str(path))
    assert r.exit_code == 0, r.output
    assert [s.name for s in rows(db_url, Source)] == ["Harbour Post"]
    (doc,) = rows(db_url, Document)
    assert 12000 not in [c.value for c in rows(db_url, Claim)]
    # no site name on the page: no outlet at all rather than one made from the file name
    bare = tmp_path / "meridian-wire_2024-02-09.html"
    bare.write_text(article("Toll again", TOLL_V2, site=None), encoding="utf-8")
    assert run("ingest", str(bare)).exit_code == 0
    assert [s.name for s in rows(db_url, Source)] == ["Harbour Post"]


# --- sources registry ---------------------------------------------------------------------


def test_sources_add_registers_a_feed_and_list_shows_it(run, db_url):
    r = run("sources", "add", "Ministry of Health", "--feed", "https://MoH.example/feed", "--kind", "official")
    assert r.exit_code == 0, r.output
    assert run("sources", "add", "Ministry of Health", "--feed", "https://moh.example/feed").exit_code == 0
    listed = json.loads(run("sources", "list", "--format", "json").stdout)
    assert [(s["name"], s["kind"], s["feeds"]) for s in listed] == [
        ("Ministry of Health", "official", "https://moh.example/feed")]
    # the old listing is still `factdb sources`
    assert json.loads(run("sources", "--format", "json").stdout) == listed
    r = run("sources", "add", "Harbour Post", "--feed", "https://moh.example/feed")
    assert r.exit_code == 1 and "already registered to 'Ministry of Health'" in r.output


def test_registry_name_wins_over_the_pages_site_name(run, web, config, db_url):
    three_article_feed(web)
    assert run("sources", "add", "HP World Desk", "--feed", web.url("/rss.xml")).exit_code == 0
    assert run("ingest", web.url("/rss.xml"), env=config).exit_code == 0
    docs = rows(db_url, Document)
    assert len(docs) == 3
    assert {rows(db_url, Source, Source.id == d.source_id)[0].name for d in docs} == {"HP World Desk"}
    # a page fetched on its own is credited to its own site name, even on the same host
    web.routes["/other"] = ws.Resource(article("Toll", TOLL_V2, site="Meridian Wire"))
    assert run("ingest", web.url("/other"), env=config).exit_code == 0
    (doc,) = rows(db_url, Document, Document.identity == web.url("/other"))
    assert rows(db_url, Source, Source.id == doc.source_id)[0].name == "Meridian Wire"


# --- watch ------------------------------------------------------------------------------------


def test_watch_once_reads_a_feed_of_three_articles_as_a_baseline(run, web, config, db_url):
    three_article_feed(web)
    r = run("watch", web.url("/rss.xml"), "--once", env=config)
    assert r.exit_code == 0, r.output
    assert r.stdout == ""  # the first poll stores, it does not alert
    assert len(rows(db_url, Document)) == 3
    assert "poll 1: 1 target:" in r.stderr and "3 new and 0 updated articles" in r.stderr
    states = {s.url: s for s in rows(db_url, FetchState)}
    assert states[web.url("/rss.xml")].etag == '"v1"' and len(states) == 4


def test_an_edited_figure_is_one_alert_on_stdout_in_atom_and_at_the_webhook(run, web, config, db_url, tmp_path):
    pages = three_article_feed(web)
    received = []

    def hook(req):
        received.append((req.body, req.headers.get("X-Factdb-Signature")))
        ws.send(req, b"ok", ctype="text/plain")

    web.routes["/hook"] = hook
    atom = tmp_path / "alerts.xml"
    args = ["watch", web.url("/rss.xml"), "--once", "--atom", str(atom), "--webhook", web.url("/hook")]
    assert run(*args, env=config).exit_code == 0
    # the article is edited, the feed is not (it answers 304)
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V2))
    r = run(*args, env=config)
    assert r.exit_code == 0, r.output
    (alert,) = jsonl(r.stdout)
    assert (alert["kind"], alert["before"], alert["after"], alert["metric"]) == (
        "changed_figure", "27,000", "27,708", "killed")
    assert alert["url"] == web.url("/world/2024/02/08/gaza-toll") and "27,708 people" in alert["sentence"]
    assert set(alert) >= {"kind", "at", "document", "url", "claim_id", "metric", "location", "before", "after",
                          "flags", "sentence"}
    docs = rows(db_url, Document, Document.identity == alert["url"])
    assert [d.version for d in docs] == [1, 2] and alert["document"] == docs[1].id
    claim = rows(db_url, Claim, Claim.id == alert["claim_id"])[0]
    assert (claim.value, claim.origin_document_id) == (27708, docs[0].id)  # the same claim, now 27,708
    # Atom: one entry, the same alert
    entries = ET.parse(atom).getroot().findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 1
    assert "27,000 → 27,708" in entries[0].find("{http://www.w3.org/2005/Atom}title").text
    # webhook: one signed POST
    ((body, signature),) = received
    assert json.loads(body)["claim_id"] == alert["claim_id"]
    assert signature == "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert len(rows(db_url, Alert)) == 1


def test_unchanged_content_gets_304s_and_no_work(run, web, config, db_url):
    pages = three_article_feed(web)
    assert run("watch", web.url("/rss.xml"), "--once", env=config).exit_code == 0
    before = len(web.log)
    r = run("watch", web.url("/rss.xml"), "--once", env=config)
    assert r.exit_code == 0 and r.stdout == ""
    assert "4 not modified" in r.stderr and "0 new and 0 updated" in r.stderr
    new_requests = [(p, h.get("If-None-Match")) for _, p, h in web.log[before:] if p != "/robots.txt"]
    # the feed and each of its articles asked conditionally, with the ETags kept in the
    # database by the previous run: all answered 304, nothing was downloaded or extracted
    assert sorted(new_requests) == sorted([("/rss.xml", '"v1"')] + [(p, '"v1"') for p in pages])
    assert len(rows(db_url, Document)) == 3


def test_a_typo_fix_is_a_new_version_but_no_alert(run, web, config, db_url):
    pages = three_article_feed(web)
    url = web.url("/world/2024/02/08/gaza-toll")
    assert run("watch", url, "--once", env=config).exit_code == 0
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V1_TYPO))
    r = run("watch", url, "--once", env=config)
    assert r.exit_code == 0 and r.stdout == "", r.output
    assert [d.version for d in rows(db_url, Document)] == [1, 2]
    # a new layout around the same text: not even a new version
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V1_TYPO).replace("<main>", "<main><aside></aside>"))
    r = run("watch", url, "--once", env=config)
    assert r.exit_code == 0 and r.stdout == ""
    assert [d.version for d in rows(db_url, Document)] == [1, 2]


def test_a_new_article_in_a_watched_feed_alerts_its_figures_with_disagreement_flags(run, web, config, db_url):
    three_article_feed(web)
    assert run("watch", web.url("/rss.xml"), "--once", env=config).exit_code == 0
    # another outlet's page, same day, a different toll
    other = [TOLL_V1[0].replace("27,000", "31,500"), *TOLL_V1[1:]]
    web.routes["/other/toll"] = ws.Resource(article("Toll", other, site="Meridian Wire"))
    feed = web.routes["/rss.xml"]
    feed.set(feed.body.replace(b"<item>", f"<item><title>Other</title><link>{web.url('/other/toll')}</link>"
                                          f"<pubDate>Thu, 08 Feb 2024 11:00:00 GMT</pubDate></item><item>".encode(), 1))
    r = run("watch", web.url("/rss.xml"), "--once", env=config)
    assert r.exit_code == 0, r.output
    alerts = jsonl(r.stdout)
    killed = [a for a in alerts if a["metric"] == "killed"]
    assert [(a["kind"], a["before"], a["after"]) for a in killed] == [("new_figure", None, "31,500")]
    assert "disagrees" in killed[0]["flags"]
    assert all(a["kind"] == "new_figure" for a in alerts)


def test_hostile_servers_each_fail_with_one_line_and_the_other_sources_are_processed(run, web, config, db_url):
    three_article_feed(web)
    web.routes["/stall"] = ws.never_finishes(web)
    web.routes["/huge"] = ws.endless_body()
    web.routes["/loop"] = ws.redirect("/loop2")
    web.routes["/loop2"] = ws.redirect("/loop")
    web.routes["/bomb"] = ws.gzip_bomb()
    cp1252 = article("Toll rises", [p.replace("territory", "territory – ") for p in TOLL_V1],
                     charset=None).encode("cp1252")
    web.routes["/wrong-charset"] = lambda req: ws.send(req, cp1252, ctype="text/html; charset=utf-8")
    web.routes["/no-charset"] = lambda req: ws.send(req, cp1252, ctype="text/html")
    web.routes["/broken.xml"] = lambda req: ws.send(req, b'<?xml version="1.0"?><rss version="2.0"><channel><item>'
                                                         b"<title>A</item></rss>", ctype="application/rss+xml")
    web.routes["/down"] = ws.status(500)
    web.routes["/busy"] = ws.flaky(1, ws.Resource(article("Quake", QUAKE, canonical="/busy")))
    web.routes["/empty"] = ws.Resource("<html><head><title>Live</title><script>var killed=9;</script></head>"
                                       "<body><nav>Menu</nav></body></html>")
    hostile = {"/stall": "timed out", "/huge": "over the 1,048,576-byte limit", "/loop": "more than 4 redirects",
               "/bomb": "(after decompression)", "/wrong-charset": "not valid utf-8 (Content-Type header)",
               "/no-charset": "not valid utf-8 (default, none declared)", "/broken.xml": "malformed feed XML",
               "/missing": "HTTP 404", "/down": "server error HTTP 500 (after 3 attempts)",
               "/empty": "no article text"}
    urls = [web.url(p) for p in hostile] + [web.url("/busy"), web.url("/rss.xml")]
    r = run("watch", *urls, "--once", env=config)
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("http://")]
    assert len(errors) == len(hostile), r.stderr
    for (path, reason), line in zip(hostile.items(), errors, strict=True):
        assert line.startswith(web.url(path) + ": ") and reason in line, line
    stored = {d.identity for d in rows(db_url, Document)}
    assert stored == {web.url("/busy"), web.url("/world/2024/02/08/gaza-toll"),
                      web.url("/world/2024/02/07/marrow-floods"), web.url("/world/2024/02/06/velmora-quake")}
    assert len(web.requests("/down")) == 3 and len(web.requests("/busy")) == 2
    failed = {s.url: s for s in rows(db_url, FetchState) if s.error}
    assert set(failed) == {web.url(p) for p in hostile}
    assert all(s.failures == 1 for s in failed.values())


def test_sigterm_finishes_the_current_poll_and_exits_cleanly(web, config, db_url, tmp_path):
    three_article_feed(web)
    # the database exists before the watch starts: this test polls it while the watch runs, and two processes
    # creating one new SQLite file at the same moment would race (one sees the file before its schema)
    open_engine(db_url).dispose()
    env = {**os.environ, **config, "FACTDB_URL": db_url}
    proc = subprocess.Popen([sys.executable, "-m", "factdb", "watch", web.url("/rss.xml"), "--every", "30s"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(rows(db_url, FetchState)) < 4:
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "SIGTERM: finishing the current article, then exiting" in err
    assert "poll 1:" in err and "3 new" in err
    assert len(rows(db_url, Document)) == 3
    eng = open_engine(db_url)
    with Session(eng) as s:
        assert s.execute(select(func.count()).select_from(Claim)).scalar_one() > 0
    eng.dispose()


def test_sigterm_during_an_article_lets_it_finish_and_starts_no_other(web, config, db_url, tmp_path):
    pages = three_article_feed(web)
    slow_path = "/world/2024/02/07/marrow-floods"
    started = []

    def slow(req):
        started.append(time.monotonic())
        time.sleep(1.5)
        pages[slow_path](req)

    web.routes[slow_path] = slow
    cfg = tmp_path / "slow.toml"
    cfg.write_text(open(config["FACTDB_CONFIG"]).read().replace("read_timeout = 0.5", "read_timeout = 5")
                   .replace("deadline = 1.5", "deadline = 10"))
    env = {**os.environ, "FACTDB_CONFIG": str(cfg), "FACTDB_URL": db_url}
    proc = subprocess.Popen([sys.executable, "-m", "factdb", "watch", web.url("/rss.xml"), "--every", "30s"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not started and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "SIGTERM: finishing the current article" in err
    # the article being fetched when the signal came was stored whole; the next was never asked for
    assert {d.title for d in rows(db_url, Document)} == {"Toll rises", "Floods in Marrow"}, err
    assert web.requests("/world/2024/02/06/velmora-quake") == []


def test_watch_all_sources_polls_the_registry(run, web, config, db_url):
    three_article_feed(web)
    assert run("sources", "add", "Harbour Post", "--feed", web.url("/rss.xml")).exit_code == 0
    r = run("watch", "--all-sources", "--once", env=config)
    assert r.exit_code == 0, r.output
    assert len(rows(db_url, Document)) == 3
    r = run("watch", "--once", env=config)
    assert r.exit_code == 2 and "nothing to watch" in r.output


def test_a_failing_webhook_is_retried_and_never_stops_the_watch(run, web, config, db_url):
    pages = three_article_feed(web)
    posts = []

    def hook(req):
        posts.append(req.body)
        ws.send(req, b"busy", status=503 if len(posts) == 1 else 200, ctype="text/plain")

    web.routes["/hook"] = hook
    url = web.url("/world/2024/02/08/gaza-toll")
    assert run("watch", url, "--once", "--webhook", web.url("/hook"), env=config).exit_code == 0
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V2))
    r = run("watch", url, "--once", "--webhook", web.url("/hook"), env=config)
    assert r.exit_code == 0 and len(jsonl(r.stdout)) == 1
    assert len(posts) == 2 and posts[0] == posts[1]  # one 503, then delivered
    web.routes["/hook"] = ws.status(500)
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", [TOLL_V2[0].replace("27,708", "27,840"),
                                                                      *TOLL_V2[1:]]))
    r = run("watch", url, "--once", "--webhook", web.url("/hook"), env=config)
    assert r.exit_code == 0 and jsonl(r.stdout)[0]["after"] == "27,840"
    assert "webhook delivery of alert on claim" in r.stderr and "failed (HTTP 500, 3 attempts)" in r.stderr, r.stderr.splitlines()


def test_webhook_without_a_secret_is_refused(run, web, config, tmp_path):
    three_article_feed(web)
    cfg = tmp_path / "nosecret.toml"
    cfg.write_text("[factdb]\n")
    r = run("watch", web.url("/rss.xml"), "--once", "--webhook", web.url("/hook"), env={"FACTDB_CONFIG": str(cfg)})
    assert r.exit_code == 1 and "webhook_secret" in r.output


def test_a_failing_target_backs_off_exponentially_between_polls():
    import datetime as dt

    from factdb.watch import MAX_BACKOFF, due

    t0 = dt.datetime(2024, 2, 8, 12, 0, tzinfo=dt.UTC)
    state = FetchState(url="http://x/", failures=0, checked_at=t0)
    assert due(state, 900, t0) and due(None, 900, t0)
    state.failures = 1
    assert not due(state, 900, t0 + dt.timedelta(minutes=10)) and due(state, 900, t0 + dt.timedelta(minutes=15))
    state.failures = 3  # 4 x 15 minutes
    assert not due(state, 900, t0 + dt.timedelta(minutes=59)) and due(state, 900, t0 + dt.timedelta(minutes=60))
    state.failures = 30
    assert due(state, 900, t0 + dt.timedelta(seconds=MAX_BACKOFF))


def test_ingest_a_saved_feed_file_uses_its_full_content_entries(run, tmp_path, db_url):
    items = [{"title": "Quake in Velmora", "link": "https://velmora-wire.example/quake", "author": "Ines Vark",
              "date": "Tue, 06 Feb 2024 08:00:00 GMT", "content": "".join(f"<p>{p}</p>" for p in QUAKE * 2)}]
    path = tmp_path / "wire.xml"
    path.write_text(rss("Velmora Wire", items), encoding="utf-8")
    r = run("ingest", str(path))
    assert r.exit_code == 0, r.output
    (doc,) = rows(db_url, Document)
    assert (doc.identity, doc.author, str(doc.published_at)) == ("https://velmora-wire.example/quake", "Ines Vark",
                                                                "2024-02-06")
    assert 52 in [c.value for c in rows(db_url, Claim)]


def test_a_figure_that_departs_from_the_official_source_is_flagged_misreported(run, web, config, db_url):
    official = ["The health ministry in Gaza said on Thursday that 27,708 people had been killed since the war began.",
                *TOLL_V1[1:]]
    web.routes["/moh/toll"] = ws.Resource(article("Daily report", official, site="Ministry of Health"))
    assert run("sources", "add", "Ministry of Health", "--feed", web.url("/moh/feed"), "--kind", "official").exit_code == 0
    assert run("ingest", web.url("/moh/toll"), env=config).exit_code == 0
    pages = three_article_feed(web)
    url = web.url("/world/2024/02/08/gaza-toll")
    assert run("watch", url, "--once", env=config).exit_code == 0
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", [TOLL_V1[0].replace("27,000", "25,000"),
                                                                      *TOLL_V1[1:]]))
    r = run("watch", url, "--once", env=config)
    assert r.exit_code == 0, r.output
    (alert,) = jsonl(r.stdout)
    assert (alert["before"], alert["after"], alert["flags"]) == ("27,000", "25,000", ["misreported"])


def test_an_article_reverted_to_an_earlier_text_is_reported_not_silently_skipped(run, web, config, db_url):
    pages = three_article_feed(web)
    url = web.url("/world/2024/02/08/gaza-toll")
    assert run("watch", url, "--once", env=config).exit_code == 0
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V2))
    assert len(jsonl(run("watch", url, "--once", env=config).stdout)) == 1
    pages["/world/2024/02/08/gaza-toll"].set(article("Toll rises", TOLL_V1))
    r = run("watch", url, "--once", env=config)
    assert f"{url}: the article is back to the text of its version 1 (latest is 2)" in r.stderr


def test_the_watch_loop_skips_a_failing_target_until_its_backoff_has_passed(engine, web):
    from factdb.fetch import FetchConfig, Fetcher
    from factdb.watch import Watcher

    three_article_feed(web)
    web.routes["/down"] = ws.status(500)
    errors = []
    with Fetcher(FetchConfig(retries=0, backoff=0.01, host_interval=0.0, read_timeout=1)) as f:
        w = Watcher(engine, f, on_error=errors.append)
        targets = [web.url("/down"), web.url("/rss.xml")]
        first = w.poll(targets, every=3600)
        second = w.poll(targets, every=3600)
    assert (first.failed, first.articles_new, first.backing_off) == (1, 3, 0)
    assert (second.targets, second.failed, second.backing_off, second.not_modified) == (1, 0, 1, 4)
    assert len(web.requests("/down")) == 1 and len(errors) == 1
