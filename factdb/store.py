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
from .models import Claim, ClaimFields, ClaimVersion, Document, Source, Speaker, utcnow

# fields of ClaimFields, in schema order: what a snapshot copies
CLAIM_FIELDS: tuple[str, ...] = tuple(ClaimFields.model_fields)
_DEFAULTS = {f: info.default for f, info in ClaimFields.model_fields.items()}
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
    claim.subject_key = normalize.subject_key(claim.subject, claim.location)
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
    from .flags import NEUTRAL_ACTIONS, mark_changed

    if action not in NEUTRAL_ACTIONS:
        mark_changed(session, [(claim.metric, claim.location_key)])
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


def speaker_ids(session: Session, names) -> dict[str, int]:
    """Speaker key -> id for every name, creating missing speakers in bulk."""
    wanted = {}
    for name in names:
        k = normalize.key(name) if name and name.strip() else ""
        if k and k not in wanted:
            wanted[k] = " ".join(name.split())
    if not wanted:
        return {}
    found = dict(session.execute(select(Speaker.key, Speaker.id).where(Speaker.key.in_(list(wanted)))).all())
    missing = [k for k in wanted if k not in found]
    if missing:
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        session.execute(insert(Speaker.__table__).on_conflict_do_nothing(index_elements=["key"]),
                        [{"name": wanted[k], "key": k, "kind": "unknown"} for k in missing])
        found.update(session.execute(select(Speaker.key, Speaker.id).where(Speaker.key.in_(missing))).all())
    return found


def add_document_version(session: Session, identity: str, chash: str, **fields
                         ) -> tuple[Document, Document | None, bool]:
    """The version of ``identity`` with this content, or a new version.

    Returns (document, previous version, created).  The same content again
    is found, not duplicated.  An earlier version's text coming back from
    where the latest version came from (the same file edited back, the same
    feed: v1 -> v2 -> v1) is the article's text now, so it becomes v3 with
    v1's text; an old copy of it from elsewhere (``rafah_v1.txt`` ingested
    again beside ``rafah_v2.txt``) is history already known and changes
    nothing.  The (identity, version) unique constraint stops a concurrent
    writer (its transaction is retried by ``db.run_write`` and then finds
    the content).
    """
    prev_q = select(Document).where(Document.identity == identity).order_by(Document.version.desc()).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        prev_q = prev_q.with_for_update()  # serialise versions of one article
    prev = session.execute(prev_q).scalars().first()
    if prev is not None and prev.content_hash == chash:
        return prev, None, False
    if prev is not None and fields.get("path") != prev.path:
        earlier = session.execute(
            select(Document).where(Document.identity == identity, Document.content_hash == chash)
            .order_by(Document.version.desc()).limit(1)
        ).scalars().first()
        if earlier is not None:
            return earlier, None, False
    row = Document(identity=identity, version=(prev.version + 1) if prev else 1, content_hash=chash,
                   supersedes_id=prev.id if prev else None, ingested_at=utcnow(), **fields)
    session.add(row)
    session.flush()
    return row, prev, True


def mark_removed(session: Session, claim: Claim, document: Document, actor: str, note: str) -> None:
    """A later version of the source no longer carries ``claim`` (it is kept)."""
    claim.present = False
    claim.document_id = document.id
    claim.version += 1
    record_version(session, claim, "removed", actor, changed=["present", "document_id"], note=note)


def insert_new_claims(session: Session, document, candidates: list[dict], actor: str, first_ordinal: int = 0,
                      *, action: str = "extract", ordinals: list[int] | None = None,
                      notes: list[str] | None = None, status: str = "unreviewed") -> int:
    """Insert new claims born in ``document`` and their first history rows.

    Core executemany inserts (two statements per document, not two per
    claim): this is the hot path of ingest.  Ordinals default to
    ``first_ordinal + 1, + 2, ...``.
    """
    if not candidates:
        return 0
    from sqlalchemy import insert

    speakers = speaker_ids(session, [c["speaker"] for c in candidates])
    now = utcnow()
    rows = []
    for i, cand in enumerate(candidates, 1):
        row = {f: cand.get(f, _DEFAULTS[f]) for f in CLAIM_FIELDS}
        row.update(
            subject_key=normalize.subject_key(cand["subject"], cand["location"]),
            location_key=normalize.location_key(cand["location"]),
            status=status, needs_review=False, present=True,
            document_id=document.id, origin_document_id=document.id,
            ordinal=ordinals[i - 1] if ordinals else first_ordinal + i,
            source_id=document.source_id, version=1, created_at=now, updated_at=now,
            speaker_id=speakers.get(normalize.key(cand["speaker"])) if cand["speaker"] else None,
        )
        rows.append(row)
    # a plain executemany, then the ids by the unique (origin_document_id,
    # ordinal): RETURNING in parameter order falls back to one statement per
    # row on SQLite
    session.execute(insert(Claim.__table__), rows)
    from .flags import mark_changed

    mark_changed(session, [(r["metric"], r["location_key"]) for r in rows])
    ids = dict(session.execute(
        select(Claim.ordinal, Claim.id).where(Claim.origin_document_id == document.id,
                                              Claim.ordinal.in_([r["ordinal"] for r in rows]))
    ).all())
    changed = json.dumps(list(CLAIM_FIELDS))
    history = []
    for n, row in enumerate(rows):
        claim_id = ids[row["ordinal"]]
        h = {f: row[f] for f in CLAIM_FIELDS}
        h.update(claim_id=claim_id, version=1, document_id=row["document_id"], source_id=row["source_id"],
                 speaker_id=row["speaker_id"], action=action, changed=changed, actor=actor,
                 note=notes[n] if notes else None,
                 proposed=None, recorded_at=now)
        history.append(h)
    session.execute(insert(ClaimVersion.__table__), history)
    return len(rows)


def restate_new_claims(session: Session, document, changed: list[tuple[int, dict]]) -> None:
    """New column values for claims :func:`insert_new_claims` wrote in this transaction (by their
    ``ordinal`` in ``document``): the claim rows and their first history rows, as if inserted so.
    For what is known only once a document is read to its end (a headline's claims)."""
    from sqlalchemy import update

    from .flags import mark_changed

    speakers = speaker_ids(session, [c["speaker"] for _, c in changed])
    ids = dict(session.execute(select(Claim.ordinal, Claim.id).where(
        Claim.origin_document_id == document.id, Claim.ordinal.in_([o for o, _ in changed]))).all())
    for ordinal, cand in changed:
        values = {f: cand.get(f, _DEFAULTS[f]) for f in CLAIM_FIELDS}
        values.update(subject_key=normalize.subject_key(cand["subject"], cand["location"]),
                      location_key=normalize.location_key(cand["location"]),
                      speaker_id=speakers.get(normalize.key(cand["speaker"])) if cand["speaker"] else None)
        claim_id = ids[ordinal]
        session.execute(update(Claim).where(Claim.id == claim_id).values(**values))
        session.execute(update(ClaimVersion).where(ClaimVersion.claim_id == claim_id, ClaimVersion.version == 1)
                        .values(**values))
        mark_changed(session, [(values["metric"], values["location_key"])])
