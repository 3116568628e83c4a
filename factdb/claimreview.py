"""schema.org ClaimReview objects for reviewed claims.

ClaimReview describes a verdict on a claim but has no place for the figure
itself, so the reviewed ``Claim`` carries it as ``about``: a
``QuantitativeValue`` (value, or minValue/maxValue for bounds, unitText) with
the metric, qualifier and as_of date as ``additionalProperty`` entries.

Only editorial verdicts are published: verified, corrected and disputed.  A
rejected claim was a misreading by the extractor, not a false statement by
its speaker, so it gets no ClaimReview.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlmodel import Session

from .models import Claim, ClaimVersion, Document, Speaker
from .output import plain
from .queries import ClaimFilter, filtered

PUBLISHED_STATUSES = ("verified", "corrected", "disputed")
VERDICTS = {"verified": "Accurate", "corrected": "Corrected", "disputed": "Disputed"}
# ratingValue on a 1-3 scale (worst: disputed, best: accurate as published)
RATINGS = {"verified": 3, "corrected": 2, "disputed": 1}
COLUMNS = ["@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"]


def publisher() -> str:
    """Who publishes the reviews (ClaimReview.author): FACTDB_PUBLISHER."""
    return os.environ.get("FACTDB_PUBLISHER") or "factdb editorial desk"


def base_url() -> str:
    """Where the desk is published (each review's url is BASE/claims/ID): FACTDB_BASE_URL."""
    return os.environ.get("FACTDB_BASE_URL") or "http://127.0.0.1:8080"


def _figure(c: dict) -> dict:
    qv: dict = {"@type": "QuantitativeValue"}
    if c.get("value") is not None:
        qv["value"] = c["value"]
    if c.get("low") is not None:
        qv["minValue"] = c["low"]
    if c.get("high") is not None:
        qv["maxValue"] = c["high"]
    qv["unitText"] = c.get("unit") or "count"
    props = [("metric", c.get("metric")), ("qualifier", c.get("qualifier")), ("as_of", c.get("as_of")),
             ("since", c.get("since")), ("period", c.get("period")), ("subject", c.get("subject")),
             ("location", c.get("location"))]
    qv["additionalProperty"] = [{"@type": "PropertyValue", "name": n, "value": v} for n, v in props if v is not None]
    return qv


def claimreview(c: dict, review: dict, document: dict, base_url: str) -> dict:
    """One ClaimReview for claim row ``c`` (field names of ``factdb claims``).

    ``review`` is its latest review version (actor, recorded_at, note);
    ``document`` the article it appears in (url, identity, title, published_at).
    """
    speaker = c.get("speaker")
    # a speaker is a Person only when known to be one; ministries, agencies
    # and the outlet itself are organisations
    kind = "Person" if speaker and c.get("speaker_kind") == "person" else "Organization"
    author = {"@type": kind, "name": speaker or c.get("source")} if speaker or c.get("source") else None
    appearance: dict = {"@type": "NewsArticle", "url": document.get("url") or document.get("identity")}
    if document.get("title"):
        appearance["headline"] = document["title"]
    if c.get("source"):
        appearance["publisher"] = {"@type": "Organization", "name": c["source"]}
    item: dict = {"@type": "Claim", "appearance": appearance, "datePublished": document.get("published_at"),
                  "about": _figure(c)}
    if author:
        item["author"] = author
    when = review.get("recorded_at")
    if isinstance(when, dt.datetime):
        when = when.date()
    rating = {"@type": "Rating", "alternateName": VERDICTS[c["status"]], "ratingValue": RATINGS[c["status"]],
              "bestRating": 3, "worstRating": 1}
    if review.get("note"):
        rating["ratingExplanation"] = review["note"]
    return _plain({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url.rstrip('/')}/claims/{c['id']}",
        "claimReviewed": c.get("sentence"),
        "datePublished": when,
        "author": {"@type": "Organization", "name": publisher()},
        "reviewRating": rating,
        "itemReviewed": item,
    })


def _plain(v):
    """Dates as ISO strings and whole floats as ints at every depth, ready for JSON."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return plain(v)


def last_review(session: Session, claim_id: int) -> dict | None:
    """The latest verify/correct/dispute version of a claim."""
    r = session.execute(
        select(ClaimVersion.actor, ClaimVersion.recorded_at, ClaimVersion.note, ClaimVersion.action)
        .where(ClaimVersion.claim_id == claim_id, ClaimVersion.action.in_(["verify", "correct", "dispute"]))
        .order_by(ClaimVersion.version.desc()).limit(1)
    ).first()
    return dict(r._mapping) if r else None


def for_claim(session: Session, c: dict, base_url: str) -> dict | None:
    """The ClaimReview of one claim row, or None when it has no published verdict."""
    if c.get("status") not in PUBLISHED_STATUSES:
        return None
    review = last_review(session, c["id"]) or {}
    doc = session.get(Document, c["document_id"])
    if c.get("speaker") and "speaker_kind" not in c:
        c = {**c, "speaker_kind": session.execute(
            select(Speaker.kind).join(Claim, Claim.speaker_id == Speaker.id).where(Claim.id == c["id"])).scalar()}
    document = {"url": doc.url, "identity": doc.identity, "title": doc.title, "published_at": doc.published_at}
    return claimreview(c, review, document, base_url)


def claimreview_rows(session: Session, f: ClaimFilter | None, base_url: str) -> Iterator[dict]:
    """ClaimReview objects for every reviewed claim matching ``f``, streamed in claim id order."""
    f = f or ClaimFilter()
    q, c = filtered(session, f)
    statuses = [s for s in (f.status or PUBLISHED_STATUSES) if s in PUBLISHED_STATUSES]
    cv = ClaimVersion.__table__
    last = (select(cv.c.claim_id, func.max(cv.c.version).label("version"))
            .where(cv.c.action.in_(["verify", "correct", "dispute"])).group_by(cv.c.claim_id).subquery("last"))
    rv = cv.alias("rv")
    sp = Speaker.__table__.alias("sp")  # the speaker filter may join speaker already
    q = (q.add_columns(rv.c.actor.label("review_actor"), rv.c.recorded_at.label("review_at"),
                       rv.c.note.label("review_note"), Document.url.label("doc_url"),
                       Document.title.label("doc_title"), sp.c.kind.label("speaker_kind"))
         .outerjoin(sp, sp.c.id == c.c.speaker_id)
         .join(last, last.c.claim_id == c.c.id)
         .join(rv, (rv.c.claim_id == last.c.claim_id) & (rv.c.version == last.c.version))
         .where(c.c.status.in_(statuses)).order_by(c.c.id))
    if f.limit:
        q = q.limit(f.limit)
    for r in session.execute(q.execution_options(yield_per=1000)).mappings():
        r = dict(r)
        review = {"actor": r["review_actor"], "recorded_at": r["review_at"], "note": r["review_note"]}
        document = {"url": r["doc_url"], "identity": r["identity"], "title": r["doc_title"],
                    "published_at": r["published_at"]}
        yield claimreview(r, review, document, base_url)
