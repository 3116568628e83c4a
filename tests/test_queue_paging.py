"""The review queue pages by place (keyset), not by offset, on SQLite and PostgreSQL.

Walking every page forwards, or backwards from the last, gives exactly the
queue's order with no claim twice and none left out, through ties on as_of,
undated claims (where each engine sorts NULL) and every part of the queue;
and a page deep in a few thousand claims reads no more rows than the first.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import event, text
from sqlmodel import Session

from factdb.db import open_engine, run_write
from factdb.desk import page_token, parse_page_token, queue_page
from factdb.errors import InvalidReview
from factdb.ingest import store_document
from factdb.queries import ClaimFilter
from factdb.readers import SourceDocument
from factdb.review import QUEUE_FLAGS, queue_rows

DAYS = [dt.date(2024, 2, 1) + dt.timedelta(days=d) for d in range(5)]  # few dates: many ties


def _seed(engine, n: int) -> None:
    """``n`` claims over few dates, some undated, spread over every part of the queue."""
    text_ = " ".join(f"Some {i} people were killed." for i in range(n))
    cands, at = [], 0
    for i in range(n):
        surface = str(i)
        start = text_.index(f"Some {surface} people", at) + 5
        at = start
        cands.append({
            "value": i, "low": None, "high": None, "qualifier": "exact", "unit": None,
            "metric": ("killed", "injured")[i % 2], "subject": None, "location": "Gaza", "period": "cumulative",
            "speaker": None, "attribution": "outlet", "as_of": DAYS[(i * 7) % len(DAYS)], "since": None,
            "start": start, "end": start + len(surface), "surface": surface, "sentence": f"Some {i} people were killed.",
            "sentence_index": i, "confidence": 0.9, "extractor": "test-1",
        })
    doc = SourceDocument(identity="https://example.org/long", text=text_, published=dt.date(2024, 2, 9),
                         where="long", source="Harbour Post", url="https://example.org/long", title="Many")
    run_write(engine, lambda s: store_document(s, doc, cands))
    with engine.begin() as c:
        c.execute(text("UPDATE claim SET as_of = NULL WHERE id % 9 = 0"))
        for k, flag in enumerate(QUEUE_FLAGS):  # a share of the claims in each flagged part
            c.execute(text("UPDATE claim SET flag = :f, flag_note = 'test' WHERE id % 13 = :k"), {"f": flag, "k": k})
        # reviewed claims the extractor now reads differently (the needs_review part) and reviewed
        # ones that are no longer queued
        c.execute(text("UPDATE claim SET status = 'verified', needs_review = :t WHERE id % 11 = 5"), {"t": True})
        c.execute(text("UPDATE claim SET status = 'verified' WHERE id % 17 = 3 AND needs_review = :f"),
                  {"f": False})
        if c.dialect.name == "postgresql":
            c.execute(text("ANALYZE claim"))


def _walk(session, f, size, *, backwards=False):
    pages, page = [], queue_page(session, f, size=size)
    if backwards:  # to the last page first, then back to the first
        while page.next:
            page = queue_page(session, f, after=page.next, size=size)
        pages.append(page.rows)
        while page.previous:
            page = queue_page(session, f, before=page.previous, size=size)
            pages.append(page.rows)
        pages.reverse()
    else:
        pages.append(page.rows)
        while page.next:
            page = queue_page(session, f, after=page.next, size=size)
            pages.append(page.rows)
    return pages


@pytest.mark.parametrize("f", [ClaimFilter(), ClaimFilter(metric=("killed",), location="Gaza")],
                         ids=["whole queue", "metric and location"])
def test_walking_every_page_gives_the_queue_order_exactly(engine, f):
    _seed(engine, 400)
    with Session(engine) as s:
        order = [r["id"] for r in queue_rows(s, f)]
        parts = [(r["flag"], r["needs_review"], r["as_of"] is None) for r in queue_rows(s, f)]
        assert len(order) > 150 and len(set(parts)) >= 8  # every part, dated and undated claims
        for size in (1, 7, 50, len(order), len(order) + 3):
            for backwards in (False, True):
                pages = _walk(s, f, size, backwards=backwards)
                walked = [r["id"] for page in pages for r in page]
                assert walked == order, (size, backwards)
                assert all(len(p) == size for p in pages[:-1]) or backwards
        first, second = queue_page(s, f, size=50), None
        second = queue_page(s, f, after=first.next, size=50)
        assert (first.start, second.start, first.previous) == (0, 50, None)


def test_a_claim_reviewed_meanwhile_shifts_no_other_claim_off_the_next_page(engine):
    _seed(engine, 60)
    f = ClaimFilter()
    with Session(engine) as s:
        order = [r["id"] for r in queue_rows(s, f)]
        first = queue_page(s, f, size=10)
    # the editor verifies the whole first page, then asks for the next one
    with engine.begin() as c:
        c.execute(text("UPDATE claim SET status = 'verified', needs_review = :f, flag = NULL "
                       f"WHERE id IN ({','.join(str(r['id']) for r in first.rows)})"), {"f": False})
    with Session(engine) as s:
        assert [r["id"] for r in queue_page(s, f, after=first.next, size=10).rows] == order[10:20]


def test_a_token_that_names_no_place_is_refused_in_one_line(engine):
    _seed(engine, 5)
    with Session(engine) as s:
        for bad in ("nonsense", "", "Zm9vOmJhcjpiYXo", page_token({"flag": None, "needs_review": False,
                                                                      "as_of": None, "id": 3}, 0)[:-2]):
            with pytest.raises(InvalidReview, match="not a place in the review queue"):
                queue_page(s, ClaimFilter(), after=bad or "=")
    cursor, position = parse_page_token(page_token({"flag": "stale", "needs_review": True,
                                                    "as_of": dt.date(2024, 2, 3), "id": 42}, 17))
    assert (cursor.part, cursor.as_of, cursor.id, position) == ("stale", dt.date(2024, 2, 3), 42, 17)


# --- a deep page costs what the first does ---------------------------------------------------


def _page_statements(engine, session_call):
    seen = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", spy)
    try:
        result = session_call()
    finally:
        event.remove(engine, "before_cursor_execute", spy)
    return result, [(st, p) for st, p in seen if "FROM claim" in st]


def _rows_returned(engine, statements) -> int:
    """Rows the database hands back for these statements, run again as they were sent."""
    with engine.connect() as c:
        return sum(len(c.exec_driver_sql(st, p).fetchall()) for st, p in statements)


def _work(engine, statements) -> int:
    """What the database did for these statements: SQLite virtual-machine steps (counted by the
    progress handler), PostgreSQL rows read by every plan node, kept or filtered out."""
    with engine.connect() as c:
        if c.dialect.name == "sqlite":
            raw = c.connection.dbapi_connection
            steps = [0]

            def tick():
                steps[0] += 1
                return 0

            raw.set_progress_handler(tick, 10)
            try:
                for st, p in statements:
                    c.exec_driver_sql(st, p).fetchall()
            finally:
                raw.set_progress_handler(None, 10)
            return steps[0]
        total = 0
        for st, p in statements:
            plan = c.exec_driver_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + st, p).scalar()
            plan = plan if isinstance(plan, list) else json.loads(plan)
            stack = [plan[0]["Plan"]]
            while stack:
                node = stack.pop()
                total += node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
                stack += node.get("Plans", [])
        return total


def test_a_deep_page_reads_no_more_rows_than_the_first(db_url):
    eng = open_engine(db_url)
    _seed(eng, 3000)
    size, f = 50, ClaimFilter()
    with Session(eng) as s:
        order = [r["id"] for r in queue_rows(s, f)]
        assert len(order) > 2000
        # the page after the 2,000th claim, reached through a token as the web page gets it
        deep_after = page_token(next(r for i, r in enumerate(queue_rows(s, f)) if i == 1999), 1999)
        first, first_sql = _page_statements(eng, lambda: queue_page(s, f, size=size))
        deep, deep_sql = _page_statements(eng, lambda: queue_page(s, f, after=deep_after, size=size))
    assert [r["id"] for r in deep.rows] == order[2000:2050] and deep.start == 2000
    assert all("LIMIT" in st.upper() for st, _ in deep_sql)
    assert any("claim.as_of = " in st and "claim.id < " in st for st, _ in deep_sql)  # the cursor is in the SQL
    assert _rows_returned(eng, first_sql) <= size + 1
    assert _rows_returned(eng, deep_sql) <= size + 1
    # an offset would have the database step over 2,000 rows first; a place costs what the start does
    first_work, deep_work = _work(eng, first_sql), _work(eng, deep_sql)
    assert deep_work <= 2 * first_work + 50, (first_work, deep_work)
    eng.dispose()
