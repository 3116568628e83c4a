"""Review service: verify, correct, reject and dispute claims.

Every review action is one change of one claim: the status changes,
``needs_review`` is cleared, ``version`` goes up by one and one
``claim_version`` row records the full snapshot after the change, the fields
that changed, the reviewer and the note.

Optimistic concurrency: an action applies only to the version the reviewer
saw.  The claim row is changed with a conditional UPDATE
(``... WHERE id = :id AND version = :seen``); when it matches no row, someone
else changed the claim meanwhile and :class:`~factdb.errors.ReviewConflict`
is raised, which rolls the whole transaction back.  The unique
(claim_id, version) constraint on ``claim_version`` backs this up.

Several claims given to one action are reviewed in one transaction: either
all of them change or, when one id is unknown or in conflict, none does.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import operator
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from . import store
from .db import run_write
from .errors import InvalidReview, NotFound, ReviewConflict
from .figures import finite_figure
from .flags import QUEUE_FLAGS
from .flags import refresh as refresh_flags
from .models import REVIEW_STATUSES, Claim, ClaimVersion, Document, Source, utcnow
from .queries import ClaimFilter, filtered

# action -> the status it sets
ACTIONS = {"verify": "verified", "correct": "corrected", "reject": "rejected", "dispute": "disputed"}
# the extraction contract's qualifiers and periods
QUALIFIERS = ("exact", "more_than", "at_least", "at_most", "less_than", "approximately", "range", "vague")
PERIODS = ("cumulative", "interval", "unknown")
# the base metric vocabulary; the lexicon (and --lexicon files) may add more
BASE_METRICS = ("killed", "injured", "displaced", "hostages", "released", "detained", "missing",
                "sheltering", "food_insecure", "aid", "destroyed", "other")
# fields a correction may set, in prompt order
CORRECTABLE = ("value", "low", "high", "qualifier", "metric", "subject", "location", "speaker",
               "as_of", "since", "period")
NUMBER_FIELDS = ("value", "low", "high")
DATE_FIELDS = ("as_of", "since")
TEXT_FIELDS = ("subject", "location", "speaker")
_PAST = {"extract": "extracted", "reextract": "re-extracted", "carried": "carried over",
         "removed": "removed", "import": "imported", **ACTIONS}


def reviewer_name(explicit: str | None = None) -> str:
    """``--reviewer``, else ``FACTDB_REVIEWER``, else the OS user name."""
    for name in (explicit, os.environ.get("FACTDB_REVIEWER")):
        if name and name.strip():
            return name.strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user database entry (containers)
        return "unknown"


def metric_vocabulary(lexicon_paths: list[str] | None = None) -> set[str]:
    """Metric names an editor may choose: the base vocabulary, the packaged
    lexicon's and those of extra lexicon files (``--lexicon``/``FACTDB_LEXICON``)."""
    vocab = set(BASE_METRICS)
    try:
        from importlib import resources

        data = json.loads((resources.files("factdb.extract") / "data" / "metrics.json").read_text("utf-8"))
        vocab.update(_lexicon_metrics(data))
    except (ModuleNotFoundError, FileNotFoundError, ValueError):
        pass
    if lexicon_paths:
        from .extract import load_lexicon

        vocab.update(_lexicon_metrics(load_lexicon(list(lexicon_paths))))
    return vocab


def _lexicon_metrics(lex: Any) -> set[str]:
    """Metric names of a lexicon, whether a loaded object or its JSON data."""
    if isinstance(lex, dict):
        lex = lex.get("metrics", lex)
        return {str(m) for m in lex if m != "version"}
    for attr in ("metrics", "vocabulary", "names"):
        got = getattr(lex, attr, None)
        if callable(got):
            got = got()
        if got:
            return {str(m) for m in got}
    return set()


# --- validation ---------------------------------------------------------------


def validate_changes(claim: Claim, changes: dict[str, Any], metrics: set[str] | None = None) -> dict[str, Any]:
    """Check a correction against the contract; returns the fields that really change."""
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise InvalidReview(f"cannot correct {', '.join(sorted(unknown))}; correctable: {', '.join(CORRECTABLE)}")
    clean: dict[str, Any] = {}
    for f, v in changes.items():
        if f in TEXT_FIELDS and isinstance(v, str):
            v = " ".join(v.split()) or None
        if f in NUMBER_FIELDS and v is not None:
            try:
                v = finite_figure(v, f)
            except ValueError as exc:
                raise InvalidReview(str(exc)) from None
        if f in DATE_FIELDS and isinstance(v, dt.datetime):
            v = v.date()
        clean[f] = v
    if "qualifier" in clean and clean["qualifier"] not in QUALIFIERS:
        raise InvalidReview(f"qualifier {clean['qualifier']!r} is not one of {', '.join(QUALIFIERS)}")
    if "period" in clean and clean["period"] not in PERIODS:
        raise InvalidReview(f"period {clean['period']!r} is not one of {', '.join(PERIODS)}")
    if "metric" in clean:
        vocab = metrics if metrics is not None else metric_vocabulary()
        if clean["metric"] not in vocab:
            raise InvalidReview(f"metric {clean['metric']!r} is not in the lexicon; known: {', '.join(sorted(vocab))}")
    merged = {f: clean.get(f, getattr(claim, f)) for f in CORRECTABLE}
    low, high, value = merged["low"], merged["high"], merged["value"]
    if low is not None and high is not None and low > high:
        raise InvalidReview(f"low {low:g} is greater than high {high:g}")
    if value is None and low is None and high is None:
        raise InvalidReview("a claim needs a value, a low or a high bound")
    if merged["since"] and merged["as_of"] and merged["since"] > merged["as_of"]:
        raise InvalidReview(f"since {merged['since']} is after as_of {merged['as_of']}")
    if merged["as_of"] is None:
        raise InvalidReview("as_of cannot be empty")
    if not merged["metric"]:
        raise InvalidReview("metric cannot be empty")
    return {f: v for f, v in clean.items() if getattr(claim, f) != v}


# --- actions ------------------------------------------------------------------


@dataclass
class ReviewResult:
    claim_id: int
    action: str
    status: str
    version: int
    reviewer: str
    changed: list[str] = field(default_factory=list)


def _conflict(session: Session, claim_id: int) -> ReviewConflict:
    last = session.execute(
        select(ClaimVersion.version, ClaimVersion.action, ClaimVersion.actor, ClaimVersion.recorded_at)
        .where(ClaimVersion.claim_id == claim_id).order_by(ClaimVersion.version.desc()).limit(1)
    ).first()
    current = session.execute(select(Claim.version).where(Claim.id == claim_id)).scalar()
    if last is None:
        detail = f"now version {current}"
    else:
        when = last.recorded_at  # stored in UTC; naive on some engines
        if isinstance(when, dt.datetime):
            when = (when.astimezone(dt.UTC) if when.tzinfo else when).strftime("%Y-%m-%d %H:%M:%S UTC")
        detail = (f"now version {max(current or 0, last.version)}, {_PAST.get(last.action, last.action)}"
                  f" by {last.actor or 'unknown'} at {when}")
    return ReviewConflict(f"claim {claim_id} changed since you read it ({detail}); run `factdb show {claim_id}`")


def apply_review(
    session: Session,
    claim_id: int,
    action: str,
    reviewer: str,
    *,
    note: str | None = None,
    expect_version: int | None = None,
    changes: dict[str, Any] | None = None,
    metrics: set[str] | None = None,
) -> ReviewResult:
    """Apply one review action inside the caller's transaction.

    Raises ``NotFound`` for an unknown claim, ``InvalidReview`` for a bad
    correction and ``ReviewConflict`` when the claim is no longer at
    ``expect_version`` (or changes between this read and the write).
    """
    if action not in ACTIONS:
        raise InvalidReview(f"unknown review action {action!r}; use one of {', '.join(ACTIONS)}")
    note = (note or "").strip() or None
    if action == "correct" and not note:
        raise InvalidReview("a correction needs a note saying why (--note)")
    if action != "correct" and changes:
        raise InvalidReview(f"{action} takes no field values; use `factdb review correct`")
    # populate_existing: read the row as it is now, never a stale identity-map copy
    claim = session.execute(
        select(Claim).where(Claim.id == claim_id).execution_options(populate_existing=True)
    ).scalars().first()
    if claim is None:
        raise NotFound(f"no claim {claim_id}; find ids with `factdb claims` or `factdb review queue`")
    seen = claim.version
    if expect_version is not None and seen != expect_version:
        raise _conflict(session, claim_id)

    delta = validate_changes(claim, changes or {}, metrics) if action == "correct" else {}
    if action == "correct" and not delta:
        raise InvalidReview(f"claim {claim_id} already has these values; nothing to correct "
                            "(use `factdb review verify` to confirm it as it is)")

    # the snapshot after the change, built on a detached copy: the claim row
    # itself changes only through the conditional UPDATE below
    snap = Claim(**{c.name: getattr(claim, c.name) for c in Claim.__table__.columns})
    changed = list(delta)
    for f, v in delta.items():
        setattr(snap, f, v)
    if "speaker" in delta:
        snap.speaker_id = store.get_or_create_speaker(session, snap.speaker)
        attribution = "outlet" if snap.speaker is None else (
            "according_to" if claim.attribution == "outlet" else claim.attribution)
        if attribution != claim.attribution:
            snap.attribution = attribution
            changed.append("attribution")
    if "subject" in delta or "location" in delta:
        store.apply_keys(snap)
    status = ACTIONS[action]
    if snap.status != status:
        snap.status = status
        changed.append("status")
    if snap.needs_review:
        snap.needs_review = False
        changed.append("needs_review")
    snap.version = seen + 1
    now = utcnow()
    snap.updated_at = now

    values = {f: getattr(snap, f) for f in (*store.CLAIM_FIELDS, "speaker_id", "version", "updated_at")}
    table = Claim.__table__
    res = session.execute(
        table.update().where(table.c.id == claim_id, table.c.version == seen).values(**values)
    )
    if res.rowcount != 1:
        raise _conflict(session, claim_id)
    if action == "correct":  # the family the claim leaves is re-flagged too
        from .flags import mark_changed

        mark_changed(session, [(claim.metric, claim.location_key)])
    row = store.record_version(session, snap, action, reviewer, changed=changed, note=note)
    row.recorded_at = now
    session.flush()
    session.expire(claim)
    return ReviewResult(claim_id, action, status, snap.version, reviewer, changed)


def review(
    engine: Engine,
    claim_ids: Iterable[int],
    action: str,
    reviewer: str | None = None,
    *,
    note: str | None = None,
    expect_version: int | None = None,
    changes: dict[str, Any] | None = None,
    metrics: set[str] | None = None,
) -> list[ReviewResult]:
    """Apply ``action`` to every claim in one transaction (all or none).

    ``expect_version`` is only meaningful for a single claim.
    """
    ids = list(dict.fromkeys(int(i) for i in claim_ids))
    if not ids:
        raise InvalidReview("no claim id given")
    if expect_version is not None and len(ids) > 1:
        raise InvalidReview("--expect-version applies to one claim; give one CLAIM_ID")
    if action == "correct" and len(ids) > 1:
        raise InvalidReview("correct one claim at a time")
    who = reviewer_name(reviewer)
    if action == "correct" and changes and "metric" in changes and metrics is None:
        metrics = metric_vocabulary()

    def work(session: Session) -> list[ReviewResult]:
        return [apply_review(session, cid, action, who, note=note, expect_version=expect_version,
                             changes=changes, metrics=metrics) for cid in ids]

    return run_write(engine, work)


# --- the queue ------------------------------------------------------------------

QUEUE_COLUMNS = ["id", "version", "flag", "as_of", "metric", "value", "low", "high", "qualifier", "source",
                 "speaker", "document_id", "needs_review", "sentence"]
QUEUE_ALL_COLUMNS = QUEUE_COLUMNS + ["flag_note", "identity", "status", "subject", "location", "period", "since",
                                     "unit", "attribution", "surface", "start", "end", "confidence", "extractor"]
# what most needs an editor, first to last: each flag of the series checks, then claims a
# newer extraction disagrees with, then the rest; newest as_of first within each
QUEUE_ORDER = (*QUEUE_FLAGS, "needs_review", "unflagged")


def queue_select(session: Session, f: ClaimFilter | None = None, exclude: Iterable[int] = ()):
    """The queue's SELECT (unordered): unreviewed claims and those marked ``needs_review``,
    including a reviewed claim a new version of its article no longer carries. Figures of imported
    official series (status ``reference``) are the yardstick, never queued."""
    f = f or ClaimFilter()
    if f.include_removed:
        q, c = filtered(session, f)
        q = q.where(or_(c.c.status == "unreviewed", c.c.needs_review.is_(True)))
    else:
        q, c = filtered(session, replace(f, include_removed=True))
        q = q.where(or_(and_(c.c.present.is_(True), c.c.status == "unreviewed"), c.c.needs_review.is_(True)))
    exclude = list(exclude)
    if exclude:
        q = q.where(c.c.id.not_in(exclude))
    return q


def _queue_part(session: Session, f: ClaimFilter, exclude: list[int], part: str):
    """One part of the queue, unordered: (SELECT, the claim columns)."""
    if part == "needs_review" and not f.include_removed:
        # a reviewed claim a new version of its article no longer carries stays before an editor
        f = replace(f, include_removed=True)
    few = part != "unflagged"  # flagged and needs_review claims are few: read them off their index
    unindexed = few and session.get_bind().dialect.name == "sqlite" and (f.metric or f.location)
    if unindexed:
        # SQLite has no statistics and would rather walk the metric/location index of a whole
        # family; `col || ''` keeps the same test but takes it off that index
        from . import aliases

        q, c = filtered(session, replace(f, metric=(), location=None))
        if f.metric:
            q = q.where((c.c.metric + "").in_(f.metric))
        if f.location:
            q = q.where((c.c.location_key + "").in_(sorted(aliases.equivalent_keys(session, "location", f.location))))
    else:
        q, c = filtered(session, f)
    if part in QUEUE_FLAGS:  # read off ix_claim_flag (flag, as_of, id)
        q = q.where(c.c.flag == part, or_(c.c.status == "unreviewed", c.c.needs_review.is_(True)))
    elif part == "needs_review":  # ix_claim_needs_review
        q = q.where(c.c.needs_review.is_(True), c.c.flag.is_(None))
    else:  # ix_claim_status (status, as_of, id)
        q = q.where(c.c.status == "unreviewed", c.c.needs_review.is_(False), c.c.flag.is_(None))
    if exclude:
        q = q.where(c.c.id.not_in(exclude))
    return q, c


@dataclass(frozen=True)
class QueueCursor:
    """A claim's place in the queue: its part, ``as_of`` and id (keyset paging).

    A page starts right after (or, walking back, right before) such a place,
    so a deep page reads no more rows than the first, and a claim reviewed
    meanwhile moves nothing else.
    """

    part: str
    as_of: dt.date | None
    id: int

    @classmethod
    def of(cls, row: dict) -> QueueCursor:
        return cls(queue_part_of(row), row["as_of"], int(row["id"]))


def queue_part_of(row: dict) -> str:
    """The part of QUEUE_ORDER a queued claim belongs to (as ``_queue_part`` selects it)."""
    if row.get("flag") in QUEUE_FLAGS:
        return row["flag"]
    return "needs_review" if row.get("needs_review") else "unflagged"


def _part_queries(session: Session, f: ClaimFilter, exclude: list[int], part: str,
                  cursor: QueueCursor | None = None, backward: bool = False) -> list:
    """The part's claims in queue order (newest ``as_of`` first, then highest id; ``backward``:
    the reverse), as one query, or the one or two that read only what follows ``cursor``.

    Where an undated claim sorts is the engine's own: NULL is below every date in SQLite (so last
    when newest comes first) and above every date in PostgreSQL (so first); the cursor follows
    the engine, so the pages walk exactly the order the first page reads.
    """
    q, c = _queue_part(session, f, exclude, part)
    if backward:
        order, by_id, beyond = (c.c.as_of.asc(), c.c.id.asc()), c.c.id.asc(), operator.gt
    else:
        order, by_id, beyond = (c.c.as_of.desc(), c.c.id.desc()), c.c.id.desc(), operator.lt
    if cursor is None:
        return [q.order_by(*order)]
    undated_first = (session.get_bind().dialect.name != "sqlite") != backward
    undated = q.where(c.c.as_of.is_(None)).order_by(by_id)
    if cursor.as_of is None:  # among the undated claims: the rest of them, then the dated if they follow
        rest = [undated.where(beyond(c.c.id, cursor.id))]
        if undated_first:
            rest.append(q.where(c.c.as_of.is_not(None)).order_by(*order))
        return rest
    # what follows on the cursor's own day, then the days beyond it: each an exact range of the
    # part's (.., as_of, id) index (SQLite seeks a row-value comparison on as_of alone and would
    # step through every claim of the day before the cursor); NULL never compares true, so the
    # undated claims follow separately where the engine puts them
    rest = [q.where(c.c.as_of == cursor.as_of, beyond(c.c.id, cursor.id)).order_by(by_id),
            q.where(beyond(c.c.as_of, cursor.as_of)).order_by(*order)]
    if not undated_first:
        rest.append(undated)
    return rest


def queue_rows(session: Session, f: ClaimFilter | None = None, limit: int | None = None,
               exclude: Iterable[int] = (), *, after: QueueCursor | None = None,
               before: QueueCursor | None = None) -> Iterator[dict]:
    """Claims waiting for an editor, in QUEUE_ORDER, newest ``as_of`` first within each part.

    With ``after``, only those that come after that place; with ``before``, those that come
    before it, nearest first (the queue walked backwards).  Reads the stored flags as they
    are; :func:`queue` refreshes them first.  Each part is one index-ordered query (two at
    most for the part the cursor is in), so any page costs the same at a thousand claims
    as at a million.
    """
    f = f or ClaimFilter()
    limit = limit or f.limit
    exclude = list(exclude)
    cursor = before or after
    if before is not None:
        parts = QUEUE_ORDER[QUEUE_ORDER.index(before.part)::-1]
    else:
        parts = QUEUE_ORDER[QUEUE_ORDER.index(after.part):] if after is not None else QUEUE_ORDER
    for part in parts:
        at = cursor if cursor is not None and part == cursor.part else None
        for q in _part_queries(session, f, exclude, part, at, backward=before is not None):
            if limit:
                q = q.limit(limit)
            n = 0
            for row in session.execute(q.execution_options(yield_per=1000)):
                n += 1
                yield dict(row._mapping)
            if limit:
                limit -= n
                if limit <= 0:
                    return


def queue(engine: Engine, f: ClaimFilter | None = None, limit: int | None = None,
          exclude: Iterable[int] = (), *, refresh: bool = True) -> list[dict]:
    """The review queue's first ``limit`` claims, with flags brought up to date first unless
    ``refresh`` is false (the service the CLI and the web desk call)."""
    from .db import read_session

    if refresh:
        refresh_flags(engine)
    with read_session(engine) as s:
        return list(queue_rows(s, f, limit, exclude))


def machine_reading(session: Session, claim_id: int) -> dict | None:
    """The latest reading of the extractor that disagreed with reviewed values, if any."""
    raw = session.execute(
        select(ClaimVersion.proposed).where(ClaimVersion.claim_id == claim_id,
                                            ClaimVersion.proposed.is_not(None))
        .order_by(ClaimVersion.version.desc()).limit(1)
    ).scalar()
    return json.loads(raw) if raw else None


# --- stats ------------------------------------------------------------------------


def stats(session: Session) -> dict:
    """Counts by status, review actions by reviewer, and the oldest unreviewed claim."""
    by_status = dict.fromkeys(REVIEW_STATUSES, 0)
    for status, n in session.execute(
        select(Claim.status, func.count()).where(Claim.present.is_(True)).group_by(Claim.status)
    ):
        by_status[status] = n
    needs = session.execute(
        select(func.count()).select_from(Claim).where(Claim.present.is_(True), Claim.needs_review.is_(True))
    ).scalar_one()
    reviewers: dict[str, dict[str, int]] = {}
    for actor, action, n in session.execute(
        select(ClaimVersion.actor, ClaimVersion.action, func.count())
        .where(ClaimVersion.action.in_(list(ACTIONS)))
        .group_by(ClaimVersion.actor, ClaimVersion.action)
    ):
        r = reviewers.setdefault(actor or "unknown", {**dict.fromkeys(ACTIONS, 0), "total": 0})
        r[action] += n
        r["total"] += n
    oldest = session.execute(
        select(Claim.id, Claim.created_at, Claim.as_of, Claim.metric, Claim.sentence,
               Source.name.label("source"), Document.identity)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(Source, Source.id == Claim.source_id)
        .where(Claim.status == "unreviewed", Claim.present.is_(True))
        .order_by(Claim.created_at, Claim.id).limit(1)
    ).first()
    return {
        "by_status": by_status,
        "needs_review": needs,
        "by_reviewer": dict(sorted(reviewers.items(), key=lambda kv: (-kv[1]["total"], kv[0]))),
        "oldest_unreviewed": dict(oldest._mapping) if oldest else None,
    }


STATS_COLUMNS = ["kind", "name", "count", "detail"]


def stats_rows(data: dict) -> Iterator[dict]:
    """``stats`` flattened to rows of kind, name, count, detail (for csv/table)."""
    for status, n in data["by_status"].items():
        yield {"kind": "status", "name": status, "count": n, "detail": None}
    yield {"kind": "needs_review", "name": "needs_review", "count": data["needs_review"], "detail": None}
    for actor, counts in data["by_reviewer"].items():
        detail = ", ".join(f"{a} {counts[a]}" for a in ACTIONS if counts[a])
        yield {"kind": "reviewer", "name": actor, "count": counts["total"], "detail": detail}
    o = data["oldest_unreviewed"]
    if o:
        yield {"kind": "oldest_unreviewed", "name": f"claim {o['id']}", "count": None,
               "detail": f"recorded {o['created_at']:%Y-%m-%d %H:%M}, {o['metric']} as of {o['as_of']}, "
                         f"{o['source'] or o['identity']}"}
