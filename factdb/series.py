"""Tracked series: which claims are figures for the same quantity.

A claim belongs to the series keyed by its normalised ``(metric, subject,
location, period, unit)``: ``killed · palestinian · gaza · cumulative``.
Running totals (``cumulative``), counts over a window (``interval``) and
figures of unknown period are separate series and are never compared with
each other; so are counts and percentages.  Editor aliases are applied when
the key is computed, so adding one regroups every claim retroactively.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlmodel import Session

from . import aliases, normalize
from .models import Document

# metrics whose running totals can only grow: a lower figure later is a revision
CUMULATIVE_METRICS = frozenset({"killed", "injured", "detained", "released", "destroyed", "aid"})


@dataclass(frozen=True, order=True)
class SeriesKey:
    metric: str
    subject: str
    location: str
    period: str
    unit: str = ""

    def label(self) -> str:
        parts = [self.metric, self.subject or "-", self.location or "-", self.period]
        if self.unit:
            parts.append(self.unit)
        return " · ".join(parts)

    @property
    def cumulative(self) -> bool:
        """A running total of a quantity that cannot go down."""
        return self.period == "cumulative" and self.metric in CUMULATIVE_METRICS


def unit_key(unit: str | None) -> str:
    """"" for plain counts (no unit or ``count``), else the unit."""
    u = (unit or "").strip().casefold()
    return "" if u in ("", "count") else u


class Keyer:
    """Series keys for claim rows, with the database's aliases and the subject vocabulary applied."""

    def __init__(self, subject_aliases: dict[str, str] | None = None,
                 location_aliases: dict[str, str] | None = None, vocabulary=None):
        from .subjects import configured

        self.subjects = subject_aliases or {}
        self.locations = location_aliases or {}
        self.vocabulary = vocabulary if vocabulary is not None else configured()
        # subjects an editor made canonical with an alias are part of the vocabulary
        self._aliased = frozenset(self.subjects.values())
        self._canon: dict[tuple[str, str, str], str] = {}

    @classmethod
    def for_session(cls, session: Session) -> Keyer:
        return cls(aliases.alias_map(session, "subject"), aliases.alias_map(session, "location"))

    def subject(self, key: str | None, metric: str = "other", location: str = "") -> str:
        key = key or ""
        key = self.subjects.get(key, key)
        k = (key, metric, location)
        found = self._canon.get(k)
        if found is None:
            found = self._canon[k] = self.vocabulary.canonical(key, metric, location, self._aliased)
        return found

    def location(self, key: str | None) -> str:
        key = key or ""
        return self.locations.get(key, key)

    def __call__(self, row: dict) -> SeriesKey:
        skey = row.get("subject_key")
        if "subject" in row and not (row["subject"] or "").strip():
            skey = ""  # no subject at all: the metric's default (trucks are not the place's people)
        elif skey is None:
            skey = normalize.subject_key(row.get("subject"), row.get("location"))
        lkey = row.get("location_key")
        if lkey is None:
            lkey = normalize.location_key(row.get("location"))
        metric = row.get("metric") or "other"
        lkey = self.location(lkey)
        return SeriesKey(metric, self.subject(skey, metric, lkey), lkey,
                         row.get("period") or "unknown", unit_key(row.get("unit")))


SERIES_COLUMNS = ["series", "metric", "subject", "location", "period", "unit", "claims", "sources",
                  "first_as_of", "last_as_of", "latest"]


def series_rows(session: Session, f) -> Iterator[dict]:
    """One row per series matching the claim filter ``f`` (a ``queries.ClaimFilter``).

    Counts and dates come from one grouped query (per series and source);
    the latest figure per source from a window function in the same pass.
    Rejected claims and claims no longer in their article are left out.
    """
    from .diff import figure_text, source_label
    from .queries import filtered

    q, c = filtered(session, f)
    q = q.where(c.c.as_of.is_not(None))
    if not f.status:
        q = q.where(c.c.status != "rejected")
    # articles without an outlet are each a source of their own
    solo = case((c.c.source_id.is_(None), Document.identity), else_=None)
    part = [c.c.metric, c.c.subject_key, c.c.location_key, c.c.period, c.c.unit, c.c.source_id, solo]
    inner = q.add_columns(
        func.row_number().over(partition_by=part, order_by=(c.c.as_of.desc(), c.c.id.desc())).label("rn"),
        func.count().over(partition_by=part).label("n"),
        func.min(c.c.as_of).over(partition_by=part).label("first_as_of"),
    ).subquery("ranked")
    rows = session.execute(select(inner).where(inner.c.rn == 1)).mappings()
    keyer = Keyer.for_session(session)
    groups: dict[SeriesKey, dict] = {}
    for r in rows:
        key = keyer(r)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "series": key.label(), "metric": key.metric, "subject": r["subject"],
                "location": r["location"], "period": key.period, "unit": r["unit"], "claims": 0,
                "_sources": {}, "first_as_of": r["first_as_of"], "last_as_of": r["as_of"],
            }
        g["claims"] += r["n"]
        g["first_as_of"] = min(g["first_as_of"], r["first_as_of"])
        g["last_as_of"] = max(g["last_as_of"], r["as_of"])
        name = source_label(r)
        prev = g["_sources"].get(name)
        if prev is None or (r["as_of"], r["id"]) > (prev["as_of"], prev["id"]):
            g["_sources"][name] = dict(r)
    for key in sorted(groups):
        g = groups[key]
        latest = sorted(g.pop("_sources").items(), key=lambda kv: (-kv[1]["as_of"].toordinal(), kv[0]))
        g["sources"] = len(latest)
        g["latest"] = [f"{name} {figure_text(r)} ({r['as_of'].isoformat()})" for name, r in latest]
        yield g
