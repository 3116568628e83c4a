"""The desk over real HTTP (uvicorn on 127.0.0.1), on SQLite and PostgreSQL:
escaping, CSRF, roles, login throttling, the API's 401/403/409, ClaimReview."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from sqlalchemy import select

from factdb.db import read_session
from factdb.models import Claim, ClaimVersion, Document
from factdb.queries import CLAIM_COLUMNS
from factdb.review import review

from .desk_server import PASSWORDS, start_desk


@pytest.fixture
def desk(db_url, tmp_path):
    d = start_desk(db_url, tmp_path / "articles")
    yield d
    d.stop()


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(desk, name: str, password: str | None = None) -> httpx.Client:
    c = httpx.Client(base_url=desk.url, timeout=30)
    tok = _csrf(c.get("/login").text)
    r = c.post("/login", data={"username": name, "password": password or PASSWORDS[name], "csrf_token": tok})
    assert r.status_code == 303, r.text
    return c


def claim_id(desk, surface: str) -> int:
    with read_session(desk.engine) as s:
        return s.execute(select(Claim.id).where(Claim.surface == surface)).scalar_one()


def claim_version(desk, cid: int) -> tuple[int, str]:
    with read_session(desk.engine) as s:
        c = s.get(Claim, cid)
        return c.version, c.status


def test_pages_need_a_login_and_the_session_cookie_is_httponly_and_lax(desk):
    c = httpx.Client(base_url=desk.url)
    r = c.get("/claims/1")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    tok = _csrf(c.get("/login").text)
    r = c.post("/login", data={"username": "rita", "password": PASSWORDS["rita"], "csrf_token": tok,
                               "next": "https://evil.example/"})
    assert r.status_code == 303 and r.headers["location"] == "/"  # no open redirect
    for nxt in ("//evil.example/", "/\t/evil.example/", "/\\evil.example", "/claims/1"):
        c2 = httpx.Client(base_url=desk.url)
        r = c2.post("/login", data={"username": "rob", "password": PASSWORDS["rob"], "next": nxt,
                                    "csrf_token": _csrf(c2.get("/login").text)})
        assert r.headers["location"] == ("/claims/1" if nxt == "/claims/1" else "/"), nxt
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert c.get("/").status_code == 200
    r = c.post("/login", data={"username": "rita", "password": "wrong-password", "csrf_token": _csrf(c.get("/login").text)})
    assert r.status_code == 401


def test_script_payloads_in_article_title_and_notes_render_inert(desk):
    cid = claim_id(desk, "At least 40")
    with read_session(desk.engine) as s:
        doc = s.get(Document, s.get(Claim, cid).document_id)
        assert "<script>" in doc.text and "onerror=" in doc.text  # stored as the outlet wrote it
        assert doc.url.startswith("javascript:")
    c = login(desk, "rita")
    page = c.get(f"/claims/{cid}").text
    note = '<img src=x onerror="alert(1)"> "quoted" </td><script>alert(2)</script>'
    r = c.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page), "action": "dispute",
                                              "expect_version": "1", "note": note})
    assert r.status_code == 303
    for path in (f"/claims/{cid}", f"/documents/{doc.id}", "/digest?since=2000-01-01T00:00:00Z",
                 "/series?metric=killed&location=Rafah"):
        r = c.get(path)
        assert r.status_code == 200, path
        html = r.text
        assert "<script>document" not in html and "<script>alert" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
        assert 'href="javascript:' not in html.lower(), path  # the article's URL is no link
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = c.get(f"/claims/{cid}").text
    assert "&lt;script&gt;document.title=" in html  # shown as text
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    # the only <script> elements: the static file and the JSON-LD data block
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script src="/static/desk.js" defer>', '<script type="application/ld+json">']
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</" not in ld and json.loads(ld)["reviewRating"]["ratingExplanation"] == note


def test_posts_without_a_valid_csrf_token_are_refused(desk):
    cid = claim_id(desk, "27,585")
    c = login(desk, "rita")
    c.get(f"/claims/{cid}")
    for data in ({"action": "verify", "expect_version": "1"},
                 {"action": "verify", "expect_version": "1", "csrf_token": "forged"}):
        r = c.post(f"/claims/{cid}/review", data=data)
        assert r.status_code == 403
    assert claim_version(desk, cid) == (1, "unreviewed")
    # a login form posted from elsewhere (no token) is refused too
    assert httpx.post(desk.url + "/login", data={"username": "rita", "password": PASSWORDS["rita"]}).status_code == 403


def test_viewers_cannot_review_on_pages_or_the_api(desk):
    cid = claim_id(desk, "27,585")
    c = login(desk, "vera")
    page = c.get(f"/claims/{cid}").text
    assert 'id="act-verify"' not in page  # no review forms for a viewer
    r = c.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page), "action": "verify", "expect_version": "1"})
    assert r.status_code == 403
    r = httpx.post(f"{desk.url}/api/claims/{cid}/review", json={"action": "verify", "expect_version": 1},
                   headers={"Authorization": f"Bearer {desk.tokens['vera']}"})
    assert r.status_code == 403
    assert claim_version(desk, cid) == (1, "unreviewed")


def test_repeated_wrong_passwords_lock_the_login_for_that_user(desk):
    c = httpx.Client(base_url=desk.url)
    for _ in range(5):
        r = c.post("/login", data={"username": "rita", "password": "guess", "csrf_token": _csrf(c.get("/login").text)})
        assert r.status_code == 401
    r = c.post("/login", data={"username": "rita", "password": PASSWORDS["rita"],
                               "csrf_token": _csrf(c.get("/login").text)})
    assert r.status_code == 429 and "too many failed logins" in r.text
    # another user is not locked out by rita's attacker (until the address limit)
    r = c.post("/login", data={"username": "rob", "password": PASSWORDS["rob"], "csrf_token": _csrf(c.get("/login").text)})
    assert r.status_code == 303


def test_a_stale_form_gets_409_showing_the_other_change(desk):
    cid = claim_id(desk, "27,585")
    rita, rob = login(desk, "rita"), login(desk, "rob")
    page_rita, page_rob = rita.get(f"/claims/{cid}").text, rob.get(f"/claims/{cid}").text
    r = rob.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page_rob), "action": "correct",
                                                "expect_version": "1", "value": "27,600",
                                                "note": "ministry bulletin says 27,600"})
    assert r.status_code == 303
    r = rita.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page_rita), "action": "verify",
                                                 "expect_version": "1", "note": "looks right"})
    assert r.status_code == 409
    assert "rob" in r.text and "ministry bulletin says 27,600" in r.text and "27,600" in r.text
    assert claim_version(desk, cid) == (2, "corrected")
    page = rita.get(f"/claims/{cid}").text
    assert "ministry bulletin says 27,600" in page  # history on the claim page


def test_a_bad_correction_is_shown_on_the_claim_page_and_changes_nothing(desk):
    cid = claim_id(desk, "27,585")
    c = login(desk, "rita")
    page = c.get(f"/claims/{cid}").text
    r = c.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page), "action": "correct",
                                              "expect_version": "1", "value": "lots", "note": "x"})
    assert r.status_code == 422 and "is not a number" in r.text
    assert claim_version(desk, cid) == (1, "unreviewed")


def test_api_tokens_roles_and_versions(desk, run):
    cid = claim_id(desk, "27,585")
    url = f"{desk.url}/api/claims/{cid}/review"
    rita = {"Authorization": f"Bearer {desk.tokens['rita']}"}
    rob = {"Authorization": f"Bearer {desk.tokens['rob']}"}
    assert httpx.get(f"{desk.url}/api/claims").status_code == 401
    assert httpx.get(f"{desk.url}/api/claims", headers={"Authorization": "Bearer fdb_nope"}).status_code == 401
    # the session cookie does not authenticate the API
    c = login(desk, "rita")
    assert c.get("/api/claims").status_code == 401
    assert httpx.post(url, json={"action": "verify", "expect_version": 1}).status_code == 401

    r = httpx.post(url, json={"action": "verify", "expect_version": 1, "note": "checked"}, headers=rob)
    assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["status"] == "verified"
    r = httpx.post(url, json={"action": "correct", "expect_version": 1, "value": 27600, "note": "x"}, headers=rita)
    assert r.status_code == 409
    body = r.json()
    assert body["claim"]["version"] == 2 and [h["actor"] for h in body["changes"]] == ["rob"]
    r = httpx.post(url, json={"action": "correct", "expect_version": 2, "value": 27600, "as_of": "2024-02-06",
                              "note": "bulletin of the day before"}, headers=rita)
    assert r.status_code == 200
    assert (r.json()["value"], r.json()["as_of"], r.json()["version"]) == (27600, "2024-02-06", 3)
    r = httpx.post(url, json={"action": "verify", "expect_version": 3, "value": 1}, headers=rita)
    assert r.status_code == 422

    # claim objects carry the field names of `factdb claims --format json`
    listed = httpx.get(f"{desk.url}/api/claims", params={"metric": "killed", "location": "Gaza"}, headers=rita).json()
    cli = json.loads(run("claims", "--metric", "killed", "--location", "Gaza", "--format", "json").stdout)
    assert listed == cli and list(listed[0]) == CLAIM_COLUMNS
    one = httpx.get(f"{desk.url}/api/claims/{cid}", headers=rita).json()
    assert [h["action"] for h in one["history"]] == ["extract", "verify", "correct"]
    assert httpx.get(f"{desk.url}/api/claims/999999", headers=rita).status_code == 404
    series = httpx.get(f"{desk.url}/api/series", params={"metric": "killed"}, headers=rita).json()
    assert any(s["location"] == "Gaza" for s in series)
    diff = httpx.get(f"{desk.url}/api/diff", params={"metric": "killed", "location": "Gaza"}, headers=rita).json()
    assert {d["source"] for d in diff} >= {"Harbour Post", "Meridian Wire"}

    # a revoked token stops working
    run("token", "revoke", "--user", "rob")
    assert httpx.get(f"{desk.url}/api/claims", headers=rob).status_code == 401


def test_reviewed_claim_pages_embed_claimreview_and_export_matches(desk, run):
    cid = claim_id(desk, "27,708")
    review(desk.engine, [cid], "verify", "rita", note="matches the ministry bulletin", expect_version=1)
    c = login(desk, "vera")
    html = c.get(f"/claims/{cid}").text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    # properties the ClaimReview documentation requires or recommends
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "ClaimReview"
    assert ld["claimReviewed"].startswith("The Gaza Health Ministry said on Thursday that 27,708")
    assert ld["url"] == f"{desk.url}/claims/{cid}" and ld["datePublished"]
    assert ld["author"]["@type"] == "Organization" and ld["author"]["name"]
    assert ld["reviewRating"]["@type"] == "Rating" and ld["reviewRating"]["alternateName"] == "Accurate"
    item = ld["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Gaza Health Ministry"
    assert item["appearance"]["url"] == "https://meridianwire.example/2024/02/08/toll"
    assert item["datePublished"] == "2024-02-08"
    fig = item["about"]
    assert fig["@type"] == "QuantitativeValue" and fig["value"] == 27708
    props = {p["name"]: p["value"] for p in fig["additionalProperty"]}
    assert props["metric"] == "killed" and props["as_of"] == "2024-02-08"
    # unreviewed claims have none
    other = claim_id(desk, "27,585")
    assert "application/ld+json" not in c.get(f"/claims/{other}").text

    lines = run("export", "claimreview", env={"FACTDB_BASE_URL": "https://desk.example"}).stdout.splitlines()
    assert len(lines) == 1
    exported = json.loads(lines[0])
    assert exported["url"] == f"https://desk.example/claims/{cid}"
    assert exported["itemReviewed"] == item and exported["reviewRating"] == ld["reviewRating"]


def test_a_read_only_desk_refuses_reviews(db_url, tmp_path):
    d = start_desk(db_url, tmp_path / "articles", read_only=True)
    try:
        cid = claim_id(d, "27,585")
        c = login(d, "rita")
        page = c.get(f"/claims/{cid}").text
        assert 'id="act-verify"' not in page
        r = c.post(f"/claims/{cid}/review", data={"csrf_token": _csrf(page), "action": "verify", "expect_version": "1"})
        assert r.status_code == 403
        r = httpx.post(f"{d.url}/api/claims/{cid}/review", json={"action": "verify", "expect_version": 1},
                       headers={"Authorization": f"Bearer {d.tokens['rita']}"})
        assert r.status_code == 403
        with read_session(d.engine) as s:
            assert s.execute(select(ClaimVersion.action).where(ClaimVersion.claim_id == cid)).scalars().all() == ["extract"]
    finally:
        d.stop()


def test_failed_logins_from_one_address_lock_it_across_user_names(db_url, tmp_path):
    from factdb.web.security import LoginThrottle

    d = start_desk(db_url, tmp_path / "articles", login_throttle=LoginThrottle(per_user=50, per_address=3))
    try:
        c = httpx.Client(base_url=d.url)
        for name in ("admin", "root", "editor"):
            r = c.post("/login", data={"username": name, "password": "guess", "csrf_token": _csrf(c.get("/login").text)})
            assert r.status_code == 401
        r = c.post("/login", data={"username": "rob", "password": PASSWORDS["rob"],
                                   "csrf_token": _csrf(c.get("/login").text)})
        assert r.status_code == 429
    finally:
        d.stop()


def test_disabling_a_user_ends_their_session(desk, run):
    c = login(desk, "rita")
    assert c.get("/").status_code == 200
    assert run("user", "disable", "rita").exit_code == 0
    r = c.get("/")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    r = c.post("/logout", data={"csrf_token": _csrf(c.get("/login").text)})
    assert r.status_code == 303


def test_api_claims_as_recorded_at_shows_the_database_as_it_stood(desk):
    import datetime as dt
    import time

    cid = claim_id(desk, "27,585")
    before = dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")
    time.sleep(0.05)
    review(desk.engine, [cid], "verify", "rita", expect_version=1)
    tok = {"Authorization": f"Bearer {desk.tokens['vera']}"}
    now = {r["id"]: r["status"] for r in httpx.get(f"{desk.url}/api/claims", headers=tok).json()}
    then = {r["id"]: r["status"] for r in httpx.get(f"{desk.url}/api/claims", params={"as_recorded_at": before},
                                                    headers=tok).json()}
    assert (now[cid], then[cid]) == ("verified", "unreviewed")
    assert httpx.get(f"{desk.url}/api/claims", params={"as_recorded_at": "soon"}, headers=tok).status_code == 400
