"""HTML pages: login, queue, claim, document, series timeline and digest.

Each handler parses the request, calls the services (queries, review, diff,
series, desk) and renders a template.  Nothing here decides anything about
claims: ordering, validation and conflicts belong to the services.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from .. import output
from ..accounts import Account, account, authenticate
from ..db import read_session
from ..diff import figure_text
from ..errors import FactdbError, InvalidReview, NotFound, ReviewConflict
from ..queries import ClaimFilter
from ..review import refresh_flags
from .security import csrf_ok, csrf_token, require_reviewer

router = APIRouter()

_env = jinja2.Environment(loader=jinja2.PackageLoader("factdb.web", "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def web_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: an article's URL is untrusted input
    and a javascript: or data: URL must never become a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


_env.globals.update(figure=figure_text, cell=output.cell, number=output.fmt_number, web_url=web_url)
templates = Jinja2Templates(env=_env)

STATUSES = ("unreviewed", "verified", "corrected", "disputed", "rejected")
QUEUE_FLAGS = {"needs_review": ("verified", "corrected", "disputed", "rejected"), "unreviewed": ("unreviewed",)}
PAGE_SIZE = 50


class LoginRequired(Exception):
    pass


def install_handlers(app) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired):
        nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": nxt}), status_code=303)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return _error(request, 404, str(exc))

    @app.exception_handler(FactdbError)
    async def _factdb_error(request: Request, exc: FactdbError):
        # any other error a user can cause: one sentence, never a traceback
        return _error(request, 400, str(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            from fastapi.responses import JSONResponse

            return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _error(request, exc.status_code, str(exc.detail))


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        from fastapi.responses import JSONResponse

        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status,
                  user=_user_or_none(request))


def render(request: Request, name: str, ctx: dict, *, status: int = 200, user: Account | None = None) -> Response:
    ctx = {"request": request, "user": user, "csrf_token": csrf_token(request.session),
           "read_only": request.app.state.read_only, "flash": request.session.pop("flash", None), **ctx}
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def _engine(request: Request):
    return request.app.state.engine


def _user_or_none(request: Request) -> Account | None:
    uid = request.session.get("uid")
    if not uid:
        return None
    with read_session(_engine(request)) as s:
        return account(s, int(uid))


def require_user(request: Request) -> Account:
    user = _user_or_none(request)
    if user is None:
        request.session.pop("uid", None)
        raise LoginRequired()
    return user


async def require_csrf(request: Request) -> dict:
    """The posted form, once its CSRF token matches the session's (else 403)."""
    form = await request.form()
    if not csrf_ok(request.session, form.get("csrf_token")):
        raise HTTPException(403, "the form's security token is missing or out of date; reload the page and try again")
    return dict(form)


def _safe_next(nxt: str | None) -> str:
    """Only paths on this site: never an absolute or scheme-relative URL."""
    if not nxt or not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
        return "/"
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in nxt):
        return "/"  # browsers drop tabs and newlines: "/\t/evil.example" would become "//evil.example"
    return nxt


# --- login ------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/"):
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
async def login(request: Request):
    form = await require_csrf(request)
    # password hashing and the database are blocking work: off the event loop
    return await run_in_threadpool(_login, request, form)


def _login(request: Request, form: dict) -> Response:
    name, password = str(form.get("username") or ""), str(form.get("password") or "")
    nxt = _safe_next(str(form.get("next") or "/"))
    address = request.client.host if request.client else "?"
    throttle = request.app.state.throttle
    wait = throttle.attempt(name, address)
    if wait:
        return render(request, "login.html", {
            "next": nxt, "error": f"too many failed logins; try again in {int(wait // 60) + 1} minutes"},
            status=429)
    with read_session(_engine(request)) as s:
        user = authenticate(s, name, password)
    if user is None:
        return render(request, "login.html", {"next": nxt, "error": "wrong user name or password"}, status=401)
    throttle.succeeded(name, address)
    request.session.clear()  # a fresh session (and CSRF token) after login
    request.session["uid"] = user.id
    csrf_token(request.session)
    return RedirectResponse(nxt, status_code=303)


@router.post("/logout")
async def logout(request: Request):
    await require_csrf(request)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# --- filters ------------------------------------------------------------------------------


def _date(value: str | None, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{what}: {value!r} is not a date; use YYYY-MM-DD") from None


def claim_filter(request: Request, *, limit: int | None = None) -> tuple[ClaimFilter, dict]:
    """The `factdb claims` filters from the query string; also the values to refill the form."""
    q = request.query_params

    def many(name: str) -> list[str]:
        # repeated parameters, or one form field listing several: "killed, injured"
        return [v.strip() for raw in q.getlist(name) for v in raw.split(",") if v.strip()]

    status = tuple(s for s in many("status") if s in STATUSES)
    flag = q.get("flag") or ""
    if flag in QUEUE_FLAGS:
        status = tuple(s for s in QUEUE_FLAGS[flag] if not status or s in status) or ("none",)
    f = ClaimFilter(
        metric=tuple(many("metric")), subject=q.get("subject") or None,
        location=q.get("location") or None, source=tuple(s for s in q.getlist("source") if s),
        speaker=q.get("speaker") or None, since=_date(q.get("since"), "since"), until=_date(q.get("until"), "until"),
        status=status, document=q.get("document") or None, limit=limit,
    )
    values = {k: q.get(k) or "" for k in ("subject", "location", "speaker", "since", "until", "document", "flag")}
    values.update(metric=", ".join(many("metric")), source=q.get("source") or "", status=", ".join(status))
    values["_sources"] = [s for s in q.getlist("source") if s]
    return f, values


def _query(values: dict, **over) -> str:
    """A query string for these filter values (every source, when several were given)."""
    merged = {k: v for k, v in {**values, **over}.items() if v not in ("", None) and not k.startswith("_")}
    if len(values.get("_sources") or []) > 1 and "source" not in over:
        merged["source"] = values["_sources"]
    return urlencode(merged, doseq=True)


# --- queue --------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def queue(request: Request, after: str = "", before: str = "", size: int = PAGE_SIZE):
    from ..desk import FACET_SCAN, queue_facets, queue_page

    user = require_user(request)
    f, values = claim_filter(request)
    size = max(1, min(size, 200))
    if size != PAGE_SIZE:
        values["size"] = str(size)
    if not request.app.state.read_only:
        refresh_flags(_engine(request))  # (the CLI's queue does the same: flags of what changed since)
    with read_session(_engine(request)) as s:
        # pages are places in the queue (after= / before= a claim's opaque token), not offsets
        page = queue_page(s, f, after=after or None, before=before or None, size=size)
        facets = queue_facets(s, f)
    prev_q = _query(values, before=page.previous) if page.previous else None
    next_q = _query(values, after=page.next) if page.next else None
    return render(request, "queue.html", {"page": page, "facets": facets, "values": values, "facet_scan": FACET_SCAN,
                                          "prev_q": prev_q, "next_q": next_q, "statuses": STATUSES,
                                          "claim_qs": _query(values, size=""),
                                          "query": lambda **kw: _query(values, **kw)}, user=user)


# --- claim --------------------------------------------------------------------------------


def _claim_context(s, claim_id: int, f: ClaimFilter | None = None, qs: str = "", base: str = "") -> dict:
    """Everything the claim page shows; ``f``/``qs`` are the queue filters it was opened from,
    so "next in queue" stays inside the queue the editor is working."""
    from ..claimreview import for_claim
    from ..desk import claim_record, document_view, series_context
    from ..queries import history_rows
    from ..review import CORRECTABLE, QUALIFIERS, machine_reading, metric_vocabulary, queue_rows

    rec = claim_record(s, claim_id)
    view = document_view(s, rec["document_id"])
    history = list(history_rows(s, claim_id))
    nxt = next(queue_rows(s, f or ClaimFilter(), limit=1, exclude=[claim_id]), None)
    review_ld = for_claim(s, rec, base)
    return {
        "c": rec, "view": view, "history": history, "context": series_context(s, rec),
        "next_id": nxt["id"] if nxt else None, "correctable": CORRECTABLE, "qualifiers": QUALIFIERS,
        "periods": ("cumulative", "interval", "unknown"), "metrics": sorted(metric_vocabulary()),
        "jsonld": _jsonld(review_ld) if review_ld else None,
        "series_query": urlencode({k: v for k, v in (("metric", rec["metric"]), ("location", rec.get("location")),
                                                     ("subject", rec.get("subject"))) if v}),
        "note": "",
        "qs": f"?{qs}" if qs else "",
        "machine": machine_reading(s, claim_id) if rec["needs_review"] else None,
    }


def _jsonld(obj: dict) -> str:
    """JSON for a <script type="application/ld+json"> block: '<' escaped so no text can close it."""
    text = json.dumps(obj, default=output.plain, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _form_values(c: dict) -> dict:
    return {f: ("" if c.get(f) is None else output.cell(c.get(f))) for f in
            ("value", "low", "high", "qualifier", "metric", "subject", "location", "speaker", "as_of", "since",
             "period")}


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: int):
    user = require_user(request)
    f, values = claim_filter(request)
    with read_session(_engine(request)) as s:
        ctx = _claim_context(s, claim_id, f, _query(values), str(request.base_url))
    return render(request, "claim.html", {**ctx, "form": _form_values(ctx["c"]), "error": None}, user=user)


@router.post("/claims/{claim_id}/review")
async def claim_review(request: Request, claim_id: int):
    form = await require_csrf(request)
    return await run_in_threadpool(_claim_review, request, claim_id, form)


def _claim_review(request: Request, claim_id: int, form: dict) -> Response:
    from ..desk import changes_since, claim_record, parse_changes
    from ..review import ACTIONS
    from ..review import review as run_review

    user = require_user(request)
    require_reviewer(request, user)
    action = str(form.get("action") or "")
    note = str(form.get("note") or "")
    eng = _engine(request)
    try:
        expect = int(str(form.get("expect_version") or ""))
    except ValueError:
        raise HTTPException(400, "expect_version is missing: reload the claim and review it again") from None
    if action not in ACTIONS:
        raise HTTPException(400, f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    try:
        with read_session(eng) as s:
            current = claim_record(s, claim_id)
        changes = parse_changes(form, current) if action == "correct" else None
        results = run_review(eng, [claim_id], action, user.name, note=note, expect_version=expect,
                             changes=changes)
    except ReviewConflict as exc:
        with read_session(eng) as s:
            ctx = {"c": claim_record(s, claim_id), "others": changes_since(s, claim_id, expect),
                   "message": str(exc), "mine": {"action": action, "note": note,
                                                 "fields": {k: v for k, v in form.items()
                                                            if k in _form_values({})}},
                   "expect": expect}
        return render(request, "conflict.html", ctx, status=409, user=user)
    except InvalidReview as exc:
        f, values = claim_filter(request)
        with read_session(eng) as s:
            ctx = _claim_context(s, claim_id, f, _query(values), str(request.base_url))
        values = _form_values(ctx["c"])
        values.update({k: str(v) for k, v in form.items() if k in values})
        ctx["note"] = note
        return render(request, "claim.html", {**ctx, "form": values, "error": str(exc)},
                      status=422, user=user)
    r = results[0]
    request.session["flash"] = f"claim {claim_id} {r.status} by {r.reviewer}; now version {r.version}"
    qs = _query(claim_filter(request)[1])
    return RedirectResponse(f"/claims/{claim_id}" + (f"?{qs}" if qs else "") + "#fig", status_code=303)


# --- document -------------------------------------------------------------------------------


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: int):
    from ..desk import document_view
    from ..diff import document_diff_rows

    user = require_user(request)
    with read_session(_engine(request)) as s:
        view = document_view(s, doc_id)
        doc = view["document"]
        changes = []
        if doc.version > 1:
            changes, _, _ = document_diff_rows(s, str(doc.id), doc.version - 1, doc.version)
    return render(request, "document.html", {"view": view, "doc": doc, "changes": changes}, user=user)


# --- series timeline --------------------------------------------------------------------------


def _timeline(request: Request, s):
    from dataclasses import replace

    from sqlalchemy import select

    from ..diff import Tolerance, load_official, parse_tolerance, timeline_rows
    from ..models import Source

    f, values = claim_filter(request)
    q = request.query_params
    try:
        tol: Tolerance = parse_tolerance(q.get("tolerance") or "2%")
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    against = q.get("against") or None
    values.update(tolerance=q.get("tolerance") or "", against=against or "")
    official = load_official(s, f, against) if against else None
    rows = list(timeline_rows(s, replace(f, limit=None), tol, against=official))
    officials = set(s.execute(select(Source.name).where(Source.kind == "official")).scalars())
    return f, values, rows, official, officials, tol


@router.get("/series", response_class=HTMLResponse)
def series_page(request: Request):
    from ..series import series_rows
    from .chart import chart

    user = require_user(request)
    with read_session(_engine(request)) as s:
        if not request.query_params.get("metric"):
            f, values = claim_filter(request)
            rows = list(series_rows(s, f))
            return render(request, "series_index.html", {"rows": rows, "values": values}, user=user)
        f, values, rows, official, officials, tol = _timeline(request, s)
    charts = []
    by_series: dict[str, list[dict]] = {}
    for r in rows:
        by_series.setdefault(r["series"], []).append(r)
    for label, group in list(by_series.items())[:6]:
        figures = None
        if official is not None:
            keys = [k for k in official.by_series if k.label() == label] or list(official.by_series)[:1]
            figures = official.by_series[keys[0]] if keys else None
        ch = chart(label, group, officials, figures, official.name if official else None)
        if ch:
            charts.append(ch)
    query = _query(values)
    return render(request, "series.html", {"rows": rows, "charts": charts, "values": values, "query": query,
                                           "against": values.get("against"), "tolerance": str(tol)}, user=user)


@router.get("/series/{metric}")
@router.get("/series/{metric}/{location}")
def series_path(request: Request, metric: str, location: str | None = None):
    """Readable timeline addresses: /series/killed/Gaza is /series?metric=killed&location=Gaza."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("metric", "location")]
    params = [("metric", metric)] + ([("location", location)] if location else []) + params
    return RedirectResponse("/series?" + urlencode(params), status_code=307)


@router.get("/series.{fmt}")
def series_export(request: Request, fmt: str):
    from ..diff import AGAINST_COLUMNS, TIMELINE_COLUMNS

    if fmt not in ("csv", "json"):
        raise HTTPException(404, "timelines export as .csv or .json")
    require_user(request)
    with read_session(_engine(request)) as s:
        _, values, rows, official, _, _ = _timeline(request, s)
    cols = TIMELINE_COLUMNS + (AGAINST_COLUMNS if official is not None else [])
    buf = io.StringIO()
    output.write(rows, cols, fmt, buf)
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(buf.getvalue(), media_type=media,
                    headers={"content-disposition": f'attachment; filename="timeline.{fmt}"'})


# --- digest -------------------------------------------------------------------------------


@router.get("/digest", response_class=HTMLResponse)
def digest_page(request: Request, since: str = ""):
    from ..diff import digest_rows

    user = require_user(request)
    if since:
        try:
            when = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
        except ValueError:
            raise HTTPException(400, f"since: {since!r} is not a date-time; use e.g. 2024-02-08T12:00:00Z") from None
    else:
        when = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    with read_session(_engine(request)) as s:
        rows = []
        for i, r in enumerate(digest_rows(s, when)):
            if i >= 2000:
                break
            rows.append(r)
    return render(request, "digest.html", {"rows": rows, "since": when, "truncated": len(rows) >= 2000},
                  user=user)

