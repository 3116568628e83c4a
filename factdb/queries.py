"""Read-side service: claims, one claim, sources, documents.

The CLI (and later a web page) calls these; they stream rows as dicts.
``as_recorded_at`` reads the claim history instead of the live table, giving
the database exactly as it stood at that instant, review statuses included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from sqlalchemy import Select, and_, cast, func, null, or_, select
from sqlmodel import Session

from . import aliases, normalize
from .claim_spec import CLAIM_COLUMNS, TEXT_COLUMNS, ClaimFilter, check_filter_text  # noqa: F401 - re-exported
from .errors import NotFound
from .models import Claim, ClaimVersion, Document, Source, Speaker

TABLE_COLUMNS = ["id", "as_of", "source", "speaker", "metric", "value", "low", "high", "qualifier",
                 "period", "status", "sentence"]


def claim_state(as_recorded_at: dt.datetime | None):
    """The live claim table, or its snapshot at ``as_recorded_at``, as one selectable.

    Both expose the same columns, so every filter and export works on either.
    """
    if as_recorded_at is None:
        return Claim.__table__
    cv = ClaimVersion.__table__
    latest = (
        select(cv.c.claim_id, func.max(cv.c.version).label("version"))
        .where(cv.c.recorded_at <= as_recorded_at)
        .group_by(cv.c.claim_id)
        .subquery("latest")
    )
    cols = [c for c in cv.c if c.name not in ("id", "claim_id")]
    # columns the history does not keep (the series checks' flag is recomputed, not versioned): unknown then
    have = {c.name for c in cv.c} | {"id", "updated_at"}
    unknown = [cast(null(), c.type).label(c.name) for c in Claim.__table__.c if c.name not in have]
    return (
        select(cv.c.claim_id.label("id"), *cols, *unknown, cv.c.recorded_at.label("updated_at"))
        .join(latest, and_(latest.c.claim_id == cv.c.claim_id, latest.c.version == cv.c.version))
        .subquery("claim_then")
    )


def lookups(session: Session, f: ClaimFilter) -> dict[str, list]:
    """What the filters naming things stand for in this database: subject, location and speaker
    keys (aliases included), source and document ids (only the filters given)."""
    found: dict[str, list] = {}
    if f.subject:
        keys = aliases.equivalent_keys(session, "subject", f.subject)
        if f.location:  # "Palestinians" in Gaza are keyed as everyone there
            keys.add(normalize.subject_key(f.subject, f.location))
        found["subject"] = sorted(keys)
    if f.location:
        found["location"] = sorted(aliases.equivalent_keys(session, "location", f.location))
    if f.source:
        # resolved to ids first, so the planner can use ix_claim_source
        found["source"] = list(session.execute(
            select(Source.id).where(Source.name_key.in_([normalize.key(s) for s in f.source]))).scalars())
    if f.speaker:
        found["speaker"] = sorted(aliases.equivalent_keys(session, "speaker", f.speaker))
    if f.document:
        found["document"] = document_ids(session, f.document)
    return found


def filtered(session: Session, f: ClaimFilter) -> tuple[Select, object]:
    """SELECT over claims (live or as recorded) joined to source, speaker and document."""
    c = claim_state(f.as_recorded_at)
    q = (
        select(c, Source.name.label("source"), Document.identity.label("identity"),
               Document.published_at.label("published_at"))
        .select_from(c)
        .join(Document, Document.id == c.c.document_id)
        .outerjoin(Source, Source.id == c.c.source_id)
    )
    found = lookups(session, f)
    if f.metric:
        q = q.where(c.c.metric.in_(f.metric))
    if "subject" in found:
        q = q.where(c.c.subject_key.in_(found["subject"]))
    if "location" in found:
        q = q.where(c.c.location_key.in_(found["location"]))
    if "source" in found:
        q = q.where(c.c.source_id.in_(found["source"]))
    if "speaker" in found:
        q = q.join(Speaker, Speaker.id == c.c.speaker_id).where(Speaker.key.in_(found["speaker"]))
    if f.since:
        q = q.where(c.c.as_of >= f.since)
    if f.until:
        q = q.where(c.c.as_of <= f.until)
    if f.status:
        q = q.where(c.c.status.in_(f.status))
    if "document" in found:
        ids = found["document"]
        # snapshots carry the document version they belong to; the live
        # table also knows the version a claim was born in
        conds = [c.c.document_id.in_(ids)]
        if "origin_document_id" in c.c:
            conds.append(c.c.origin_document_id.in_(ids))
        q = q.where(or_(*conds))
    if not f.include_removed:
        q = q.where(c.c.present.is_(True))
    return q, c


def claim_rows(session: Session, f: ClaimFilter) -> Iterator[dict]:
    """Claims matching ``f``, newest ``as_of`` first, streamed."""
    q, c = filtered(session, f)
    q = q.order_by(c.c.as_of.desc(), c.c.id.desc())
    if f.limit:
        q = q.limit(f.limit)
    for row in session.execute(q.execution_options(yield_per=1000)):
        yield dict(row._mapping)


def document_ids(session: Session, ref: str) -> list[int]:
    """All versions of the article ``ref`` names (document id, identity or URL)."""
    conds = [Document.identity == ref, Document.url == ref]
    if ref.isdigit():
        doc = session.get(Document, int(ref))
        if doc is not None:
            conds.append(Document.identity == doc.identity)
    ids = list(session.execute(select(Document.id).where(or_(*conds))).scalars())
    if not ids:
        raise NotFound(f"no document {ref!r}; list them with `factdb documents`")
    return ids


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}; find ids with `factdb claims`")
    return claim


HISTORY_COLUMNS = ["version", "recorded_at", "action", "actor", "changed", "status", "value", "low", "high",
                   "qualifier", "metric", "subject", "location", "speaker", "as_of", "period",
                   "document_id", "needs_review", "note", "proposed"]


def history_rows(session: Session, claim_id: int) -> Iterator[dict]:
    """Every version of a claim, oldest first, with the fields each one changed."""
    get_claim(session, claim_id)
    q = select(ClaimVersion).where(ClaimVersion.claim_id == claim_id).order_by(ClaimVersion.version)
    for v in session.execute(q).scalars():
        row = {col: getattr(v, col, None) for col in HISTORY_COLUMNS}
        row["changed"] = json.loads(v.changed or "[]")
        row["proposed"] = json.loads(v.proposed) if v.proposed else None
        yield row


def show_claim(session: Session, claim_id: int) -> dict:
    """One claim in full: fields, document, source and every version."""
    claim = get_claim(session, claim_id)
    doc = session.get(Document, claim.document_id)
    source = session.get(Source, claim.source_id) if claim.source_id else None
    out = claim.model_dump()
    out["source"] = source.name if source else None
    out["document"] = {
        "id": doc.id, "identity": doc.identity, "version": doc.version, "title": doc.title,
        "url": doc.url, "published_at": doc.published_at, "ingested_at": doc.ingested_at,
    }
    out["history"] = list(history_rows(session, claim_id))
    return out


SOURCE_COLUMNS = ["id", "name", "kind", "url", "documents", "claims", "first_published", "last_published"]


def source_rows(session: Session) -> Iterator[dict]:
    docs = (
        select(Document.source_id, func.count(Document.id).label("documents"),
               func.min(Document.published_at).label("first_published"),
               func.max(Document.published_at).label("last_published"))
        .group_by(Document.source_id).subquery()
    )
    claims = select(Claim.source_id, func.count(Claim.id).label("claims")).group_by(Claim.source_id).subquery()
    q = (
        select(Source.id, Source.name, Source.kind, Source.url, func.coalesce(docs.c.documents, 0).label("documents"),
               func.coalesce(claims.c.claims, 0).label("claims"), docs.c.first_published, docs.c.last_published)
        .outerjoin(docs, docs.c.source_id == Source.id)
        .outerjoin(claims, claims.c.source_id == Source.id)
        .order_by(Source.name_key)
    )
    for row in session.execute(q):
        yield dict(row._mapping)


DOCUMENT_COLUMNS = ["id", "identity", "version", "published_at", "source", "title", "claims",
                    "ingested_at", "supersedes_id", "content_hash"]


def document_rows(session: Session, identity: str | None = None, limit: int | None = None) -> Iterator[dict]:
    # claims carried by each version: distinct claims with a snapshot on it
    claims = (select(ClaimVersion.document_id, func.count(func.distinct(ClaimVersion.claim_id)).label("claims"))
              .where(ClaimVersion.present.is_(True)).group_by(ClaimVersion.document_id).subquery())
    q = (
        select(Document.id, Document.identity, Document.version, Document.published_at,
               Source.name.label("source"), Document.title, func.coalesce(claims.c.claims, 0).label("claims"),
               Document.ingested_at, Document.supersedes_id, Document.content_hash)
        .outerjoin(Source, Source.id == Document.source_id)
        .outerjoin(claims, claims.c.document_id == Document.id)
        .order_by(Document.identity, Document.version)
    )
    if identity:
        q = q.where(Document.id.in_(document_ids(session, identity)))
    if limit:
        q = q.limit(limit)
    for row in session.execute(q.execution_options(yield_per=1000)):
        d = dict(row._mapping)
        d["content_hash"] = d["content_hash"][:12]
        yield d
