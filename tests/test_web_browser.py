"""The desk in a real headless Chromium (Debian's package, driven by Playwright),
against uvicorn on 127.0.0.1, on SQLite and PostgreSQL.

One editor works the queue with the keyboard, corrects a figure and reads its
history; a second editor, in another browser context, submits a stale form
and gets the 409 page; the timeline chart draws every source and the official
series.  Set FACTDB_SCREENSHOT_DIR to keep the screenshots (docs/ has them).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from sqlalchemy import select

from factdb.db import read_session
from factdb.models import Claim

from .desk_server import PASSWORDS, start_desk

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture
def desk(db_url, tmp_path):
    d = start_desk(db_url, tmp_path / "articles")
    yield d
    d.stop()


@pytest.fixture
def browser():
    assert Path(CHROMIUM).exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _login(page, desk, name):
    page.goto(desk.url + "/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    page.click("button[type=submit]")
    expect(page).to_have_url(desk.url + "/")


def _shot(page, tmp_path, name):
    out = Path(os.environ.get("FACTDB_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / name), full_page=False)
    assert (out / name).stat().st_size > 5000


def _claim(desk, surface):
    with read_session(desk.engine) as s:
        return s.execute(select(Claim).where(Claim.surface == surface)).scalar_one()


def test_editor_works_the_queue_corrects_a_figure_and_a_stale_form_gets_409(desk, browser, tmp_path):
    errors: list[str] = []
    ctx = browser.new_context(viewport={"width": 1280, "height": 860})
    page = ctx.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    _login(page, desk, "rita")

    # the queue: first row selected by the script; j/k move, Enter opens
    rows = page.locator("table.queue tbody tr")
    assert rows.count() >= 5
    expect(rows.nth(0)).to_have_class(re.compile(r"\bsel\b"))
    _shot(page, tmp_path, "desk-queue.png")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(rows.nth(1)).to_have_class(re.compile(r"\bsel\b"))
    target = rows.nth(1).get_attribute("data-href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(desk.url + target)
    fig = page.locator("mark#fig")
    expect(fig).to_be_visible()
    expect(fig).to_be_in_viewport()

    # v verifies the claim shown; the page comes back with its new status
    first_id = int(re.search(r"/claims/(\d+)", target).group(1))
    page.keyboard.press("v")
    expect(page.locator("#claim-status")).to_have_text("verified")
    expect(page.locator(".flash")).to_contain_text(f"claim {first_id} verified by rita")
    # n moves on to the next claim in the queue
    page.keyboard.press("n")
    expect(page).not_to_have_url(re.compile(rf"/claims/{first_id}#"))

    # the figure to correct: the Harbour Post's 27,585; a second editor opens it too
    claim = _claim(desk, "27,585")
    page.goto(f"{desk.url}/claims/{claim.id}#fig")
    expect(page.locator("mark#fig")).to_be_in_viewport()
    _shot(page, tmp_path, "desk-claim.png")
    other = browser.new_context()
    page2 = other.new_page()
    _login(page2, desk, "rob")
    page2.goto(f"{desk.url}/claims/{claim.id}#fig")
    expect(page2.locator("#claim-status")).to_have_text("unreviewed")

    # c opens the correction form with the value field focused
    page.keyboard.press("c")
    expect(page.locator("#f-value")).to_be_focused()
    page.fill("#f-value", "27,600")
    page.fill("#correct input[name=note]", "the ministry's bulletin gives 27,600")
    page.click("#act-correct")
    expect(page.locator("#claim-status")).to_have_text("corrected")
    history = page.locator("#history tbody tr")
    expect(history).to_have_count(2)
    expect(history.nth(1)).to_contain_text("correct")
    expect(history.nth(1)).to_contain_text("rita")
    expect(history.nth(1)).to_contain_text("27,600")
    expect(history.nth(1)).to_contain_text("the ministry's bulletin gives 27,600")
    expect(page.locator("#fields .f-value")).to_have_text("27600")

    # the second editor's form is stale: 409, with the other change, and nothing overwritten
    page2.keyboard.press("v")
    expect(page2.locator("h1")).to_contain_text("Someone else reviewed")
    expect(page2.locator("#other-change")).to_contain_text("rita")
    expect(page2.locator("#other-change")).to_contain_text("the ministry's bulletin gives 27,600")
    with read_session(desk.engine) as s:
        c = s.get(Claim, claim.id)
        assert (c.status, c.value, c.version) == ("corrected", 27600, 2)
    other.close()
    assert errors == []
    ctx.close()


def test_timeline_chart_draws_each_source_and_the_official_series(desk, browser, tmp_path):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    _login(page, desk, "vera")
    page.goto(f"{desk.url}/series?metric=killed&location=Gaza&against=Gaza+Health+Ministry")
    svg = page.locator("svg.timeline-chart").first
    expect(svg).to_be_visible()
    sources = page.locator("svg.timeline-chart g.line")
    names = [sources.nth(i).get_attribute("data-source") for i in range(sources.count())]
    assert {"Harbour Post", "Meridian Wire", "Gaza Health Ministry"} <= set(names)
    official = page.locator("svg.timeline-chart g.line.official")
    expect(official).to_have_count(1)
    assert official.get_attribute("data-source") == "Gaza Health Ministry"
    assert len(official.locator("polyline").get_attribute("points").split()) == 4  # four daily figures
    box = svg.bounding_box()
    assert box["width"] > 600 and box["height"] > 250
    expect(page.locator("#timeline")).to_contain_text("27,708")
    expect(page.locator("#timeline")).to_contain_text("matches")
    href = page.locator("#csv-link").get_attribute("href")
    assert "against=Gaza+Health+Ministry" in href and "metric=killed" in href
    with page.expect_download() as dl:
        page.click("#csv-link")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert text.startswith("as_of,source,") and "Meridian Wire" in text and "official" in text.splitlines()[0]
    _shot(page, tmp_path, "desk-timeline.png")
    ctx.close()


def test_every_step_works_without_javascript(desk, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    _login(page, desk, "rob")
    rows = page.locator("table.queue tbody tr")
    expect(rows.nth(0)).not_to_have_class(re.compile(r"\bsel\b"))  # the script did not run
    claim = _claim(desk, "27,708")
    page.click(f"table.queue a[href='/claims/{claim.id}#fig']")
    expect(page.locator("mark#fig")).to_have_text("27,708")
    page.fill("#decide input[name=note]", "same as the bulletin")
    page.click("#act-verify")
    expect(page.locator("#claim-status")).to_have_text("verified")
    expect(page.locator("#history tbody tr").nth(1)).to_contain_text("same as the bulletin")
    page.click("#correct-box summary")
    page.fill("#f-value", "27,710")
    page.fill("#correct input[name=note]", "typo in the wire copy")
    page.click("#act-correct")
    expect(page.locator("#claim-status")).to_have_text("corrected")
    page.click("#next-claim")
    expect(page.locator("mark#fig")).to_be_visible()
    page.click("text=Log out")
    expect(page).to_have_url(re.compile(r"/login$"))
    ctx.close()
