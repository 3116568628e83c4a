"""JSON API: the same services and rules as the pages, with bearer tokens.

Authentication is ``Authorization: Bearer <token>`` (``factdb token create``)
and nothing else: the session cookie is ignored here, so a page on another
site can never make a browser call the API on a user's behalf.  Claim objects
carry the field names of ``factdb claims --format json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .. import output
from ..accounts import Account, token_account
from ..db import read_session
from ..errors import FactdbError, InvalidReview, NotFound, ReviewConflict
from ..queries import ClaimFilter
from .security import require_reviewer

router = APIRouter(prefix="/api")
MAX_LIMIT = 1000


def jsonable(v: Any) -> Any:
    """Dates as ISO strings and whole floats as ints, at any depth (as ``--format json``)."""
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [jsonable(x) for x in v]
    return output.plain(v)


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(jsonable(data), status_code=status)


def bearer(request: Request) -> Account:
    header = request.headers.get("authorization") or ""
    scheme, _, tok = header.partition(" ")
    if scheme.lower() != "bearer" or not tok.strip():
        raise HTTPException(401, "send a bearer token: Authorization: Bearer <token from `factdb token create`>",
                            headers={"WWW-Authenticate": "Bearer"})
    with read_session(request.app.state.engine) as s:
        acct = token_account(s, tok.strip())
    if acct is None:
        raise HTTPException(401, "this token is unknown, revoked or belongs to a disabled user",
                            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return acct


def _date(q, name: str) -> dt.date | None:
    v = q.get(name)
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise HTTPException(400, f"{name}: {v!r} is not a date; use YYYY-MM-DD") from None


def _filter(request: Request, limit: int | None) -> ClaimFilter:
    q = request.query_params
    return ClaimFilter(
        metric=tuple(q.getlist("metric")), subject=q.get("subject") or None, location=q.get("location") or None,
        source=tuple(q.getlist("source")), speaker=q.get("speaker") or None, since=_date(q, "since"),
        until=_date(q, "until"), status=tuple(q.getlist("status")), document=q.get("document") or None,
        include_removed=q.get("include_removed") in ("1", "true"), as_recorded_at=_instant(q, "as_recorded_at"),
        limit=limit,
    )


def _instant(q, name: str) -> dt.datetime | None:
    v = q.get(name)
    if not v:
        return None
    try:
        when = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise HTTPException(400, f"{name}: {v!r} is not a date-time; use e.g. 2024-02-08T12:00:00Z") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _limit(request: Request, default: int = 100) -> int:
    try:
        n = int(request.query_params.get("limit") or default)
    except ValueError:
        raise HTTPException(400, "limit must be a whole number") from None
    return max(1, min(n, MAX_LIMIT))


@router.get("/claims")
def api_claims(request: Request):
    from ..queries import CLAIM_COLUMNS, claim_rows

    bearer(request)
    with read_session(request.app.state.engine) as s:
        rows = [{k: r.get(k) for k in CLAIM_COLUMNS} for r in claim_rows(s, _filter(request, _limit(request)))]
    return _json(rows)


@router.get("/claims/{claim_id}")
def api_claim(request: Request, claim_id: int):
    from ..desk import claim_record
    from ..queries import history_rows

    bearer(request)
    with read_session(request.app.state.engine) as s:
        try:
            rec = claim_record(s, claim_id)
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None
        rec["history"] = list(history_rows(s, claim_id))
    return _json(rec)


@router.post("/claims/{claim_id}/review")
async def api_review(request: Request, claim_id: int):
    try:
        body = await request.json()
    except ValueError:
        body = None
    return await run_in_threadpool(_review, request, claim_id, body)


def _review(request: Request, claim_id: int, body: Any) -> JSONResponse:
    from ..desk import changes_since, claim_record, parse_changes
    from ..review import ACTIONS
    from ..review import review as run_review

    user = bearer(request)
    require_reviewer(request, user)
    if not isinstance(body, dict):
        raise HTTPException(400, "the body must be a JSON object")
    action, expect = body.get("action"), body.get("expect_version")
    if action not in ACTIONS:
        raise HTTPException(400, f"action must be one of {', '.join(ACTIONS)}")
    if not isinstance(expect, int) or isinstance(expect, bool):
        raise HTTPException(400, "expect_version (the claim version you reviewed) is required")
    eng = request.app.state.engine
    try:
        with read_session(eng) as s:
            current = claim_record(s, claim_id)
        changes = parse_changes(body, current, only_changed=False) if action == "correct" else None
        if action != "correct":
            from ..review import CORRECTABLE

            extra = sorted(set(body) & set(CORRECTABLE))
            if extra:
                raise InvalidReview(f"{action} takes no field values ({', '.join(extra)}); use action correct")
        run_review(eng, [claim_id], action, user.name, note=body.get("note"), expect_version=expect,
                   changes=changes)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except ReviewConflict as exc:
        with read_session(eng) as s:
            data = {"error": str(exc), "claim": claim_record(s, claim_id),
                    "changes": changes_since(s, claim_id, expect)}
        return _json(data, 409)
    except InvalidReview as exc:
        raise HTTPException(422, str(exc)) from None
    with read_session(eng) as s:
        return _json(claim_record(s, claim_id))


@router.get("/series")
def api_series(request: Request):
    from ..series import series_rows

    bearer(request)
    with read_session(request.app.state.engine) as s:
        return _json(list(series_rows(s, _filter(request, None))))


@router.get("/diff")
def api_diff(request: Request):
    """The three `factdb diff` questions: across sources (metric/location/... filters,
    tolerance, against), across article versions (document, from, to) and since
    an instant (recorded_since, until)."""
    from dataclasses import replace

    from ..diff import digest_rows, document_diff_rows, parse_tolerance, timeline_rows

    bearer(request)
    q = request.query_params
    with read_session(request.app.state.engine) as s:
        try:
            if q.get("document"):
                frm = int(q["from"]) if q.get("from") else None
                to = int(q["to"]) if q.get("to") else None
                rows, _, _ = document_diff_rows(s, q["document"], frm, to)
                return _json(rows)
            if q.get("recorded_since"):
                since = dt.datetime.fromisoformat(q["recorded_since"].replace("Z", "+00:00"))
                until = dt.datetime.fromisoformat(q["until"].replace("Z", "+00:00")) if q.get("until") else None
                return _json(list(digest_rows(s, since, until)))
            tol = parse_tolerance(q.get("tolerance") or "2%")
            f = replace(_filter(request, None), document=None)
            return _json(list(timeline_rows(s, f, tol, against=q.get("against") or None)))
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None
        except FactdbError as exc:
            raise HTTPException(400, str(exc)) from None
