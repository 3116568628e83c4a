"""Services for reviewing one claim at a time in its article (the web desk and the API).

Everything here reads and writes through the existing services (queries,
review, diff, series); it adds what a page needs beyond a CLI listing: one
claim by id with the ``factdb claims`` field names, the article text cut into
marked segments, the claim's series neighbours and official figure, and the
parsing of a correction typed into a form or sent as JSON.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from .errors import InvalidReview, NotFound
from .models import ClaimVersion, Document, Source
from .queries import CLAIM_COLUMNS, ClaimFilter, filtered, history_rows
from .review import (
    CORRECTABLE,
    DATE_FIELDS,
    NUMBER_FIELDS,
    QUEUE_ORDER,
    QueueCursor,
    queue_rows,
    queue_select,
)

# neighbours of a claim in its series: figures this many days either side
NEIGHBOUR_DAYS = 7


def claim_record(session: Session, claim_id: int) -> dict:
    """One claim with exactly the fields of ``factdb claims --format json`` (plus ``present``)."""
    q, c = filtered(session, ClaimFilter(include_removed=True))
    row = session.execute(q.where(c.c.id == claim_id)).mappings().first()
    if row is None:
        raise NotFound(f"no claim {claim_id}; find ids with `factdb claims`")
    rec = {k: row[k] for k in CLAIM_COLUMNS}
    rec["present"] = row["present"]
    return rec


def public(rec: dict) -> dict:
    """A claim row reduced to the ``factdb claims`` field names."""
    return {k: rec.get(k) for k in CLAIM_COLUMNS}


@dataclass
class QueuePage:
    rows: list[dict]
    size: int
    start: int  # the first row's position in the queue (0-based), for "claims 51–100"
    next: str | None  # the page after this one (a token for ``queue_page(after=...)``), if any
    previous: str | None  # the page before (for ``before=...``); None on the first page


def page_token(row: dict, position: int) -> str:
    """An opaque token for a queued claim's place (and its position, shown to the editor only)."""
    c = QueueCursor.of(row)
    raw = f"{c.part}:{c.as_of.isoformat() if c.as_of else ''}:{c.id}:{position}"
    return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")


def parse_page_token(token: str) -> tuple[QueueCursor, int]:
    """The place and position ``token`` names; ``InvalidReview`` (one line) if it names none."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        part, as_of, cid, position = raw.split(":")
        if part not in QUEUE_ORDER:
            raise ValueError(part)
        cursor = QueueCursor(part, dt.date.fromisoformat(as_of) if as_of else None, int(cid))
        return cursor, max(0, int(position))
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise InvalidReview(f"{token[:40]!r} is not a place in the review queue; "
                            "open the queue's first page again") from None


def queue_page(session: Session, f: ClaimFilter, *, after: str | None = None, before: str | None = None,
               size: int = 50) -> QueuePage:
    """One page of the review queue, in the order ``review.queue_rows`` defines: the first,
    the one after the token ``after`` or the one before the token ``before`` (keyset paging:
    any page reads at most ``size + 1`` rows, however deep)."""
    f = replace(f, limit=None)
    if before:
        cursor, position = parse_page_token(before)
        back = list(queue_rows(session, f, limit=size + 1, before=cursor))
        if len(back) <= size:  # the start of the queue is nearer than a page: show the first page
            return queue_page(session, f, size=size)
        rows = back[:size][::-1]
        start, has_previous, has_next = max(0, position - size), True, True
    else:
        cursor, position = parse_page_token(after) if after else (None, -1)
        ahead = list(queue_rows(session, f, limit=size + 1, after=cursor))
        rows = ahead[:size]
        start, has_previous, has_next = position + 1, cursor is not None, len(ahead) > size
    return QueuePage(
        rows, size, start,
        next=page_token(rows[-1], start + len(rows) - 1) if has_next and rows else None,
        previous=page_token(rows[0], start) if has_previous and rows else None,
    )


# facets count at most this many queue rows, so a page over a million-claim
# queue costs a bounded scan; counts past it are shown as lower bounds
FACET_SCAN = 20_000


@dataclass
class Facets:
    counts: dict[str, list[tuple[str, int]]]
    capped: bool


def queue_facets(session: Session, f: ClaimFilter, top: int = 12, scan: int = FACET_SCAN) -> Facets:
    """Counts of the filtered queue by metric and by source (largest first)."""
    base = queue_select(session, f)
    sub = base.with_only_columns(base.selected_columns.metric, base.selected_columns.source).limit(scan + 1)
    sub = sub.subquery("q")
    total = session.execute(select(func.count()).select_from(sub)).scalar_one()
    out = {}
    for name, col in (("metric", sub.c.metric), ("source", sub.c.source)):
        q = select(col, func.count()).group_by(col).order_by(func.count().desc(), col).limit(top)
        out[name] = [(v or "", n) for v, n in session.execute(q)]
    return Facets(out, total > scan)


# --- the article, marked ------------------------------------------------------------


@dataclass
class Segment:
    text: str
    claim_id: int | None = None
    status: str | None = None


def mark_text(text: str, spans: Iterable[tuple[int, int, int, str]]) -> list[Segment]:
    """Cut ``text`` into plain and claim segments; spans are (start, end, claim_id, status).

    Overlapping or out-of-range spans are dropped rather than garbling the text.
    """
    out: list[Segment] = []
    at = 0
    for start, end, cid, status in sorted(spans):
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], cid, status))
        at = end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def document_claims(session: Session, doc_id: int) -> list[dict]:
    """Claims carried by this document version, as they stand in it."""
    from .diff import version_state

    return sorted(version_state(session, [doc_id]).values(), key=lambda r: (r["start"], r["claim_id"]))


def document_view(session: Session, doc_id: int) -> dict:
    """A document version with its text marked, its claims and its other versions."""
    doc = session.get(Document, doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id}; list them with `factdb documents`")
    claims = [c for c in document_claims(session, doc_id) if c.get("present", True)]
    source = session.get(Source, doc.source_id) if doc.source_id else None
    versions = list(session.execute(
        select(Document.id, Document.version, Document.published_at, Document.ingested_at)
        .where(Document.identity == doc.identity).order_by(Document.version)).mappings())
    segments = mark_text(doc.text, [(c["start"], c["end"], c["claim_id"], c["status"]) for c in claims])
    return {"document": doc, "source": source.name if source else None, "claims": claims,
            "segments": segments, "versions": [dict(v) for v in versions]}


# --- a claim in its series ------------------------------------------------------------


def series_filter(rec: dict) -> ClaimFilter:
    return ClaimFilter(metric=(rec["metric"],), location=rec.get("location"), subject=rec.get("subject"))


def series_context(session: Session, rec: dict, days: int = NEIGHBOUR_DAYS) -> dict:
    """The claim's series around its as_of: other sources' figures and the official one.

    The official figure is that of a source of kind ``official`` on the
    claim's date or the latest before it (as ``diff --against`` compares).
    """
    from .diff import Tolerance, check_against, load_official, timeline_rows
    from .series import Keyer

    out: dict[str, Any] = {"neighbours": [], "official": None, "official_source": None, "note": ""}
    if rec.get("as_of") is None:
        return out
    f = series_filter(rec)
    f = replace(f, since=rec["as_of"] - dt.timedelta(days=days), until=rec["as_of"] + dt.timedelta(days=days))
    keyer = Keyer.for_session(session)
    key = keyer(rec)
    tol = Tolerance(rel=0.02, abs=0.0)
    out["neighbours"] = [r for r in timeline_rows(session, f, tol) if r["series"] == key.label()][:60]
    officials = session.execute(
        select(Source.name).where(Source.kind == "official", Source.name != (rec.get("source") or ""))
        .order_by(Source.name)).scalars().all()
    for name in officials:
        try:
            official = load_official(session, replace(series_filter(rec), until=rec["as_of"]), name)
        except NotFound:
            continue
        figures = official.figures_for(key)
        if not figures:
            continue
        flag, note, ref = check_against(rec, figures, tol)
        if ref is not None:
            out.update(official=ref, official_source=name, note=(flag + (f": {note}" if note else "")))
            break
    return out


def changes_since(session: Session, claim_id: int, version: int) -> list[dict]:
    """History entries recorded after ``version``: what someone else did meanwhile."""
    return [h for h in history_rows(session, claim_id) if h["version"] > version]


def latest_version(session: Session, claim_id: int) -> int:
    return session.execute(select(func.max(ClaimVersion.version)).where(ClaimVersion.claim_id == claim_id)).scalar() or 0


# --- corrections from forms and JSON ---------------------------------------------------


def _number(field: str, v: Any) -> float | None:
    if v is None or isinstance(v, int | float) and not isinstance(v, bool):
        return None if v is None else float(v)
    text = str(v).strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidReview(f"{field}: {v!r} is not a number") from None


def _date(field: str, v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    text = str(v).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidReview(f"{field}: {v!r} is not a date; use YYYY-MM-DD") from None


def parse_changes(raw: dict[str, Any], current: dict, *, only_changed: bool = True) -> dict[str, Any]:
    """Correction fields from a form or JSON body, typed; with ``only_changed``, just
    those that differ from ``current`` (a form sends every field back)."""
    changes: dict[str, Any] = {}
    for f in CORRECTABLE:
        if f not in raw:
            continue
        v = raw[f]
        if f in NUMBER_FIELDS:
            v = _number(f, v)
        elif f in DATE_FIELDS:
            v = _date(f, v)
        else:
            v = " ".join(str(v).split()) if v is not None else None
            v = v or None
        if only_changed and v == current.get(f):
            continue
        changes[f] = v
    return changes
