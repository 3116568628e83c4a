"""Stored flags: what the series checks say about each claim, kept for the review queue.

The timeline (``factdb.diff``) flags claims by comparing them with each other
and with the imported official series (claims of status ``reference``).  The
queue needs those flags for a million claims at once, so they are stored on
the claim (``flag``: the most urgent one, ``flag_note``: why) and indexed.

They are recomputed per *family* of series (one metric in one place, with
location aliases applied) whenever something changed there: every writer
appends a ``series_change`` row in its own transaction (``mark_changed``), and
:func:`refresh` recomputes the families it finds, then deletes exactly the
rows it read.  A change committed during a refresh is therefore never lost:
its row is read by the next refresh.  Flags are derived data, so refreshing
touches neither ``updated_at`` nor the claim's versioned history.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from .db import run_write
from .models import Claim, SeriesChange, utcnow

# the flags that send a claim to the front of the review queue, most urgent first
QUEUE_FLAGS = ("misreported", "disagrees", "misdated", "stale", "revised_down")
# review actions after which a claim's figures, and so every flag of its family, stay the same
NEUTRAL_ACTIONS = frozenset({"verify", "dispute"})


def mark_changed(session: Session, families: Iterable[tuple[str, str | None]]) -> None:
    """Record that the flags of these (metric, location_key) families may have changed."""
    done = session.info.setdefault("factdb_series_changed", set())  # one row per family per transaction
    fresh = [(m or "other", lk or "") for m, lk in dict.fromkeys(families)]
    fresh = [f for f in fresh if f not in done]
    done.update(fresh)
    rows = [{"metric": m, "location_key": lk, "recorded_at": utcnow()} for m, lk in fresh]
    if rows:
        session.execute(SeriesChange.__table__.insert(), rows)


def most_urgent(flags: Iterable[str]) -> str | None:
    found = set(flags)
    return next((f for f in QUEUE_FLAGS if f in found), None)


def refresh(engine: Engine) -> int:
    """Recompute the flags of every family with a pending change; returns the claims re-flagged."""
    with Session(engine) as s:  # cheap when nothing changed: one small read
        pending = s.execute(select(SeriesChange.id, SeriesChange.metric, SeriesChange.location_key)).all()
    if not pending:
        return 0

    def work(session: Session) -> int:
        from . import aliases

        locations = aliases.alias_map(session, "location")
        if any(m == "*" for _, m, _ in pending):
            families = set(session.execute(select(Claim.metric, Claim.location_key).distinct()).all())
        else:
            families = {(m, lk) for _, m, lk in pending}
        # a family is a metric in one place, aliases resolved
        canon = {(m, locations.get(lk, lk)) for m, lk in families}
        n = sum(_refresh_family(session, m, lk, locations) for m, lk in sorted(canon))
        session.execute(delete(SeriesChange).where(SeriesChange.id.in_([i for i, _, _ in pending])))
        return n

    return run_write(engine, work)


def _refresh_family(session: Session, metric: str, location_key: str, locations: dict[str, str]) -> int:
    from .diff import Official, Tolerance, timeline
    from .queries import ClaimFilter, filtered
    from .series import Keyer

    keys = sorted({location_key} | {a for a, c in locations.items() if c == location_key})
    c = Claim.__table__
    in_family = and_(c.c.metric == metric, c.c.location_key.in_(keys))
    keyer = Keyer.for_session(session)
    q, cc = filtered(session, ClaimFilter())
    q = q.where(cc.c.metric == metric, cc.c.location_key.in_(keys), cc.c.as_of.is_not(None),
                cc.c.status != "rejected").order_by(cc.c.as_of, cc.c.id)
    official = Official("official series")
    news = []
    for r in session.execute(q).mappings():
        r = dict(r)
        if r["status"] == "reference":
            official.add(keyer(r), r)
        else:
            news.append(r)
    official.finish()
    old = {r["id"]: (r["flag"], r["flag_note"]) for r in news}
    new: dict[int, tuple[str | None, str | None]] = {}
    for row in timeline(news, keyer, Tolerance(), official=official if official.by_series else None):
        flag = most_urgent(row["flags"])
        value = (flag, row["note"] or None) if flag else (None, None)
        for cid in [row["claim_id"], *row.get("same_claims", ())]:
            new[cid] = value
    changed = [(cid, v) for cid, v in new.items() if old.get(cid) != v]
    changed += [(cid, (None, None)) for cid, v in old.items() if cid not in new and v != (None, None)]
    if changed:  # one executemany, in id order (concurrent refreshers lock rows in the same order)
        stmt = update(c).where(c.c.id == bindparam("cid")).values(flag=bindparam("f"), flag_note=bindparam("n"))
        session.execute(stmt, [{"cid": cid, "f": flag, "n": note} for cid, (flag, note) in sorted(changed)])
    # claims out of every timeline (rejected, reference, removed, undated) carry no flag
    cleared = session.execute(
        update(c).where(in_family, c.c.flag.is_not(None),
                        or_(c.c.status.in_(["rejected", "reference"]), c.c.present.is_(False), c.c.as_of.is_(None)))
        .values(flag=None, flag_note=None))
    return len(changed) + (cleared.rowcount or 0)
