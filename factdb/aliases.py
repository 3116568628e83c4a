"""Editor-maintained equivalences for speakers, subjects and locations.

Aliases are stored in the database and applied when querying, never written
into claims, so adding one takes effect retroactively on every claim.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlmodel import Session

from . import normalize, store
from .errors import FactdbError
from .models import Alias, utcnow

KINDS = ("speaker", "subject", "location")
KEYERS = {"speaker": normalize.key, "subject": normalize.subject_key, "location": normalize.location_key}


def keyer(kind: str):
    if kind not in KEYERS:
        raise FactdbError(f"unknown alias kind {kind!r}; use one of {', '.join(KINDS)}")
    return KEYERS[kind]


def add_alias(session: Session, kind: str, alias: str, canonical: str) -> Alias:
    """Make ``alias`` mean ``canonical`` (upsert: re-adding re-points it)."""
    k = keyer(kind)
    akey, ckey = k(alias), k(canonical)
    if not akey or not ckey:
        raise FactdbError("an alias and its canonical name must both contain letters or digits")
    if akey == ckey:
        raise FactdbError(f"{alias!r} and {canonical!r} already have the same key {akey!r}")
    # a chain a -> b -> c is flattened so lookups stay one step
    target = session.execute(select(Alias).where(Alias.kind == kind, Alias.alias_key == ckey)).scalar()
    if target is not None:
        canonical, ckey = target.canonical, target.canonical_key
    store._insert_ignore(session, Alias, {"kind": kind, "alias": alias, "alias_key": akey, "canonical": canonical,
                                          "canonical_key": ckey, "created_at": utcnow()}, ["kind", "alias_key"])
    row = session.execute(select(Alias).where(Alias.kind == kind, Alias.alias_key == akey)).scalar_one()
    row.alias, row.canonical, row.canonical_key = alias, canonical, ckey
    for other in session.execute(select(Alias).where(Alias.kind == kind, Alias.canonical_key == akey)).scalars():
        other.canonical, other.canonical_key = canonical, ckey
    _regrouped(session, kind)
    return row


def _regrouped(session: Session, kind: str) -> None:
    """Subject and location aliases regroup series: every family's flags are recomputed."""
    if kind in ("subject", "location"):
        from .flags import mark_changed

        mark_changed(session, [("*", "")])


def remove_alias(session: Session, kind: str, alias: str) -> bool:
    row = session.execute(select(Alias).where(Alias.kind == kind, Alias.alias_key == keyer(kind)(alias))).scalar()
    if row is None:
        return False
    session.delete(row)  # aliases are configuration, not claims: removing one is allowed
    _regrouped(session, kind)
    return True


def list_aliases(session: Session, kind: str | None = None) -> list[Alias]:
    q = select(Alias).order_by(Alias.kind, Alias.canonical_key, Alias.alias_key)
    if kind:
        q = q.where(Alias.kind == kind)
    return list(session.execute(q).scalars())


def alias_map(session: Session, kind: str) -> dict[str, str]:
    """alias key -> canonical key, for grouping rows in Python."""
    return {a.alias_key: a.canonical_key for a in session.execute(select(Alias).where(Alias.kind == kind)).scalars()}


def equivalent_keys(session: Session, kind: str, name: str) -> set[str]:
    """Every key that means the same as ``name`` (its canonical and all aliases)."""
    k = keyer(kind)(name)
    canon = session.execute(
        select(Alias.canonical_key).where(Alias.kind == kind, Alias.alias_key == k)
    ).scalar() or k
    keys = {k, canon}
    keys.update(session.execute(
        select(Alias.alias_key).where(Alias.kind == kind, or_(Alias.canonical_key == canon))
    ).scalars())
    return keys
