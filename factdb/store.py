"""Repository functions: the only code that turns parsed data into rows.

Every write here runs inside a caller's transaction (see ``db.run_write``).
Sources and speakers are upserted (INSERT ... ON CONFLICT DO NOTHING, then
read back), never check-then-insert, so concurrent writers cannot duplicate.
Every change of a claim goes through :func:`record_version`.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from . import normalize
from .models import Claim, ClaimFields, ClaimVersion, Source, Speaker, utcnow

# fields of ClaimFields, in schema order: what a snapshot copies
CLAIM_FIELDS: tuple[str, ...] = tuple(ClaimFields.model_fields)
# fields an editor decides on; re-extraction never overwrites them once reviewed
REVIEWED_FIELDS = (
    "value", "low", "high", "qualifier", "unit", "metric", "subject", "location",
    "period", "speaker", "as_of", "since",
)
# fields that only locate the claim in the current text
POSITION_FIELDS = ("start", "end", "surface", "sentence", "sentence_index")


def _insert_ignore(session: Session, model, values: dict[str, Any], conflict: list[str]) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(model).values(**values).on_conflict_do_nothing(index_elements=conflict)
    session.execute(stmt)


def get_or_create_source(session: Session, name: str | None, kind: str = "outlet", url: str | None = None) -> int | None:
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    k = normalize.key(name) or name.casefold()
    found = session.execute(select(Source.id).where(Source.name_key == k)).scalar()
    if found is None:
        _insert_ignore(session, Source, {"name": name, "name_key": k, "kind": kind, "url": url,
                                         "created_at": utcnow()}, ["name_key"])
        found = session.execute(select(Source.id).where(Source.name_key == k)).scalar_one()
    return found


def get_or_create_speaker(session: Session, name: str | None, kind: str = "unknown") -> int | None:
    if not name or not name.strip():
        return None
    k = normalize.key(name)
    if not k:
        return None
    found = session.execute(select(Speaker.id).where(Speaker.key == k)).scalar()
    if found is None:
        _insert_ignore(session, Speaker, {"name": " ".join(name.split()), "key": k, "kind": kind}, ["key"])
        found = session.execute(select(Speaker.id).where(Speaker.key == k)).scalar_one()
    return found


def claim_values(claim: ClaimFields) -> dict[str, Any]:
    return {f: getattr(claim, f) for f in CLAIM_FIELDS}


def apply_keys(claim: ClaimFields) -> None:
    """Recompute the normalised series keys from subject and location."""
    claim.subject_key = normalize.subject_key(claim.subject)
    claim.location_key = normalize.location_key(claim.location)


def record_version(
    session: Session,
    claim: Claim,
    action: str,
    actor: str,
    *,
    changed: list[str] | None = None,
    note: str | None = None,
    proposed: dict | None = None,
) -> ClaimVersion:
    """Append the snapshot of ``claim`` as its version ``claim.version``.

    The caller has already bumped ``claim.version``; the unique
    (claim_id, version) constraint makes a concurrent second writer fail.
    """
    now = utcnow()
    claim.updated_at = now
    row = ClaimVersion(
        **claim_values(claim),
        claim_id=claim.id,
        version=claim.version,
        document_id=claim.document_id,
        source_id=claim.source_id,
        speaker_id=claim.speaker_id,
        action=action,
        changed=json.dumps(changed or []),
        actor=actor,
        note=note,
        proposed=json.dumps(proposed, default=str) if proposed else None,
        recorded_at=now,
    )
    session.add(row)
    return row
