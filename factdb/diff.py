"""Who said what about a figure, when, and how it changed.

Three questions, each a pure comparison over rows plus a function that reads
those rows from the database:

1. across sources over time (:func:`timeline` / :func:`timeline_rows`):
   one row per (as_of, source, figure) of each series, with corroboration,
   the change since the source's previous report and the flags
   ``disagrees``, ``revised_down`` and ``stale``; against an official
   series also ``matches``, ``stale`` and ``misreported``;
2. across versions of one article (:func:`compare_states` /
   :func:`document_diff_rows`): claims added, removed and changed;
3. across database states (:func:`digest_rows`): what was recorded in a
   window of transaction time.

Figures are compared as intervals: "more than 27,000" is [27000, inf),
"between 100 and 120" is [100, 120], an exact figure a point.  Two figures
disagree when the gap between their intervals exceeds the tolerance.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby

from .output import display_width, ljust
from .series import Keyer, SeriesKey
from .tolerance import Tolerance, parse_tolerance  # noqa: F401 - (re-exported)

# --- pure: figures, intervals, tolerance ---------------------------------------

LOWER_BOUND = {"more_than", "at_least"}
UPPER_BOUND = {"at_most", "less_than"}
POINT = {"exact", "approximately"}
FLAGS = ("disagrees", "revised_down", "stale", "matches", "misdated", "misreported")
# how far back an official figure still counts for --against (days)
AGAINST_WINDOW = 7
# a figure equal to the official figure of a date this many days away is `misdated`
MISDATED_DAYS = 3
# an unknown-period claim joins the cumulative series when its figure lies within
# PLAUSIBLE_SLACK of that series' figures of the PLAUSIBLE_WINDOW days around it
PLAUSIBLE_WINDOW = 7
PLAUSIBLE_SLACK = 0.25


def bounds(r: dict) -> tuple[float, float]:
    """The interval a figure stands for: (low, high), inf for an open end."""
    value, low, high, q = r.get("value"), r.get("low"), r.get("high"), r.get("qualifier") or "exact"
    lo = low if low is not None else (-math.inf if q in UPPER_BOUND and value is not None else value)
    hi = high if high is not None else (math.inf if q in LOWER_BOUND else value)
    if q in UPPER_BOUND and low is None:
        lo = 0.0
    if lo is None:
        lo = -math.inf
    if hi is None:
        hi = math.inf
    return float(lo), float(hi)


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two intervals (0 when they overlap)."""
    return max(0.0, max(a[0], b[0]) - min(a[1], b[1]))


def _scale(*ivs: tuple[float, float]) -> float:
    finite = [abs(x) for iv in ivs for x in iv if math.isfinite(x)]
    return max(finite) if finite else 0.0


def agrees(a: dict, b: dict, tol: Tolerance) -> bool:
    ia, ib = bounds(a), bounds(b)
    return gap(ia, ib) <= tol.allowed(_scale(ia, ib))


def same_figure(a: dict, b: dict) -> bool:
    """Exactly the same figure (same interval and the same kind of bound)."""
    return bounds(a) == bounds(b)


def point(r: dict) -> float | None:
    """The value of a point figure (exact or approximate), else None."""
    if (r.get("qualifier") or "exact") in POINT and r.get("value") is not None:
        return float(r["value"])
    return None


def quoted(r: dict) -> float | None:
    """The number a figure quotes (27,478 in "at least 27,478"); None for ranges and vague counts."""
    if r.get("value") is None or (r.get("qualifier") or "exact") in ("range", "vague"):
        return None
    return float(r["value"])


def precision(v: float) -> float:
    """The step a figure is stated to: the place of its last non-zero digit, read no
    coarser than its second significant digit ("30,000" is thousands, "30,700"
    hundreds, "1.7 million" hundred-thousands, "40" tens, "42" units)."""
    v = abs(float(v))
    if not math.isfinite(v) or v == 0:
        return 1.0
    if not v.is_integer():
        decimals = len(f"{v:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    n, zeros = int(v), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    digits = len(str(int(v)))
    return 10.0 ** min(zeros, max(digits - 2, 1))


def reading(r: dict) -> tuple[float, float] | None:
    """The values a figure can stand for as the text states it: a point for an exact
    figure, its rounding for "about N", one step of its precision beyond a bound
    ("more than 30,000" is 30,000 to 31,000), a range as given; None when vague."""
    q = r.get("qualifier") or "exact"
    value, low, high = r.get("value"), r.get("low"), r.get("high")
    if q == "range" and low is not None and high is not None:
        return float(low), float(high)
    if q in LOWER_BOUND:
        b = low if low is not None else value
        return (float(b), float(b) + precision(b)) if b is not None else None
    if q in UPPER_BOUND:
        b = high if high is not None else value
        return (float(b) - precision(b), float(b)) if b is not None else None
    if value is None:
        return None
    if q == "approximately":
        half = precision(value) / 2
        return float(value) - half, float(value) + half
    if q == "exact":
        return float(value), float(value)
    return None


def _num(v: float | None) -> str:
    if v is None or not math.isfinite(v):
        return "?"
    if abs(v) >= 1_000_000 and float(v / 100_000).is_integer():
        return f"{v / 1_000_000:g} million"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


_QUALIFIER_WORDS = {"more_than": "more than", "at_least": "at least", "at_most": "at most",
                    "less_than": "less than", "approximately": "about"}


def figure_text(r: dict) -> str:
    """A figure as a reader would say it: 27,585; more than 27,000; 100–120."""
    q = r.get("qualifier") or "exact"
    unit = r.get("unit")
    suffix = "%" if unit == "percent" else ""
    value = r.get("value")
    if value is not None and q in _QUALIFIER_WORDS:
        return f"{_QUALIFIER_WORDS[q]} {_num(value)}{suffix}"
    if value is not None:
        return f"{_num(value)}{suffix}"
    lo, hi = r.get("low"), r.get("high")
    if lo is not None and hi is not None:
        return f"{_num(lo)}–{_num(hi)}{suffix}"
    if lo is not None:
        return f"more than {_num(lo)}{suffix}"
    if hi is not None:
        return f"at most {_num(hi)}{suffix}"
    return "?"


# --- pure: mode 1, across sources over time ------------------------------------

TIMELINE_COLUMNS = [
    "as_of", "source", "speaker", "metric", "subject", "location", "period", "unit", "figure",
    "value", "low", "high", "qualifier", "change", "corroborated_by", "flags", "note", "status",
    "series", "claim_id", "document_id", "sentence",
]
AGAINST_COLUMNS = ["official", "official_as_of"]
TIMELINE_TABLE = ["as_of", "source", "speaker", "series", "figure", "change",
                  "corroborated_by", "flags", "note", "status", "claim_id", "sentence"]


@dataclass
class _SourceTrack:
    first: dict
    last: dict
    reports: int = 1


@dataclass
class _SeriesState:
    key: SeriesKey
    first_seen: dict[float, tuple[dt.date, str]] = field(default_factory=dict)
    # (date a value was first reported, value), in date order
    order: list[tuple[dt.date, float]] = field(default_factory=list)
    sources: dict[str, _SourceTrack] = field(default_factory=dict)
    # the point figures of the last PLAUSIBLE_WINDOW days, for placing unknown-period claims
    points: deque[tuple[dt.date, float]] = field(default_factory=deque)

    def see(self, as_of: dt.date, value: float, source: str) -> None:
        if value not in self.first_seen:
            self.first_seen[value] = (as_of, source)
            self.order.append((as_of, value))
        self.points.append((as_of, value))

    def recent(self, as_of: dt.date) -> list[float]:
        """Figures of the PLAUSIBLE_WINDOW days before ``as_of`` (rows arrive in date order)."""
        start = as_of - dt.timedelta(days=PLAUSIBLE_WINDOW)
        while self.points and self.points[0][0] < start:
            self.points.popleft()
        return [v for d, v in self.points if d < as_of]

    def newer_than(self, value: float) -> tuple[dt.date, float] | None:
        """A different figure first reported after ``value`` was (higher, for a running total)."""
        since = self.first_seen[value][0]
        for d, w in reversed(self.order):
            if d <= since:
                break
            if w != value and (not self.key.cumulative or w > value):
                return d, w
        return None


@dataclass
class Official:
    """An official series: figures by date, for ``--against``."""

    name: str
    by_series: dict[SeriesKey, list[tuple[dt.date, dict]]] = field(default_factory=dict)

    def add(self, key: SeriesKey, row: dict) -> None:
        self.by_series.setdefault(key, []).append((row["as_of"], row))

    def finish(self) -> None:
        for figures in self.by_series.values():
            figures.sort(key=lambda t: (t[0], t[1].get("id") or 0))

    def figures_for(self, key: SeriesKey) -> list[tuple[dt.date, dict]] | None:
        found = self.by_series.get(key)
        if found is not None:
            return found
        # a news claim that names no subject (or just "people") is compared with
        # the official series of the same metric/location/period if there is one
        if key.subject in ("", "people", "person"):
            near = [v for k, v in self.by_series.items()
                    if (k.metric, k.location, k.period, k.unit) == (key.metric, key.location, key.period, key.unit)]
            if len(near) == 1:
                return near[0]
        return None


def _days(n: int) -> str:
    return f"{n} day{'s' * (n != 1)}"


def _fits(row: dict, rd: tuple[float, float], official: float | None, tol: Tolerance) -> bool:
    """Whether an official figure is one the news figure can stand for (see docs/series.md)."""
    if official is None:
        return False
    if (row.get("qualifier") or "exact") == "approximately":
        # a rounded figure: its rounding, or the tolerance around it
        return rd[0] <= official <= rd[1] or abs(official - float(row["value"])) <= tol.allowed(official)
    return rd[0] <= official <= rd[1]


def _why_not(row: dict, rd: tuple[float, float]) -> str:
    q = row.get("qualifier") or "exact"
    if q == "exact":
        return ""
    if q in LOWER_BOUND or q in UPPER_BOUND:
        b = rd[0] if q in LOWER_BOUND else rd[1]
        return f"; a bound stated to the {_num(precision(b))} stands for {_num(rd[0])} to {_num(rd[1])}"
    if q == "approximately":
        return f"; rounded to the {_num(precision(row['value']))}, it stands for {_num(rd[0])} to {_num(rd[1])}"
    return ""


def check_against(row: dict, figures: list[tuple[dt.date, dict]], tol: Tolerance) -> tuple[str, str, dict | None]:
    """(flag, note, official figure of its date) for one news figure against an official series.

    The rules (worked examples in docs/series.md):

    * the official figure of the claim's date is the one dated that day, else
      the latest before it (none older than AGAINST_WINDOW days: no check);
    * ``matches``: an exact figure equals it; a rounded one ("about") rounds
      to it or is within the tolerance of it; a bound is a plausible rounding
      of it (it lies between the bound and one step of the bound's precision
      beyond); a range contains it;
    * ``misdated``: instead it fits the official figure of another date at
      most MISDATED_DAYS away (yesterday's toll given as today's);
    * ``stale``: it fits an older official figure only;
    * ``misreported``: it fits no official figure of those dates.

    Vague figures ("thousands") are not checked.
    """
    as_of = row["as_of"]
    dates = [d for d, _ in figures]
    i = bisect.bisect_right(dates, as_of)
    if i == 0:
        return "", "", None
    ref_date = dates[i - 1]
    refs = [o for d, o in figures[bisect.bisect_left(dates, ref_date): i]]
    ref = refs[-1]
    if (as_of - ref_date).days > AGAINST_WINDOW:
        return "", f"no official figure in the {_days(AGAINST_WINDOW)} before (last: {ref_date.isoformat()})", None
    rd = reading(row)
    if rd is None:
        return "", "a vague figure: not checked", ref
    official = f"official {figure_text(ref)} of {ref_date.isoformat()}"
    for o in refs:
        if _fits(row, rd, quoted(o), tol):
            return "matches", _match_note(row, rd, o, ref_date, tol), o
    lo = bisect.bisect_left(dates, as_of - dt.timedelta(days=MISDATED_DAYS))
    hi = bisect.bisect_right(dates, as_of + dt.timedelta(days=MISDATED_DAYS))
    near = [(abs((d - as_of).days), d, o) for d, o in figures[lo:hi]
            if d != ref_date and _fits(row, rd, quoted(o), tol)]
    if near:
        _, d, o = min(near, key=lambda t: (t[0], t[1]))
        when = f"{_days(abs((d - as_of).days))} {'earlier' if d < as_of else 'later'}"
        return "misdated", (f"= official {figure_text(o)} of {d.isoformat()} ({when}), not of its date: "
                            f"{official}"), ref
    for d, o in reversed(figures[:lo]):
        if _fits(row, rd, quoted(o), tol):
            return "stale", f"= official {figure_text(o)} of {d.isoformat()}; {official}", ref
    first = dates[lo].isoformat() if lo < len(dates) else ref_date.isoformat()
    last = dates[hi - 1].isoformat() if hi > 0 else ref_date.isoformat()
    return "misreported", (f"{official}; fits no official figure from {first} to {last}"
                           + _why_not(row, rd)), ref


def _match_note(row: dict, rd: tuple[float, float], o: dict, d: dt.date, tol: Tolerance) -> str:
    official = f"official {figure_text(o)} of {d.isoformat()}"
    q = row.get("qualifier") or "exact"
    if q == "exact":
        return f"= {official}"
    if q == "range":
        return f"{official} lies in the range"
    if q == "approximately":
        v = quoted(o)
        if rd[0] <= v <= rd[1]:
            return f"{official} rounds to it (to the {_num(precision(row['value']))})"
        return f"within {tol} of {official}"
    b = rd[0] if q in LOWER_BOUND else rd[1]
    return f"{official} is within one step ({_num(precision(b))}) of the bound"


@dataclass
class TimelineSummary:
    """Per series: each source's first and last figure, and the spread between sources."""

    series: dict[SeriesKey, _SeriesState] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    rows: int = 0

    def rows_out(self) -> Iterator[dict]:
        for key in sorted(self.series):
            st = self.series[key]
            lasts = [(t.last, name) for name, t in st.sources.items()]
            spread = _spread(lasts)
            for name, t in sorted(st.sources.items(), key=lambda kv: (kv[1].first["as_of"], kv[0])):
                yield {
                    "series": key.label(), "source": name, "reports": t.reports,
                    "first_as_of": t.first["as_of"], "first": figure_text(t.first),
                    "last_as_of": t.last["as_of"], "last": figure_text(t.last), "spread": spread,
                }

    def lines(self) -> list[str]:
        out = []
        for key in sorted(self.series):
            st = self.series[key]
            if not st.sources:
                continue
            tracks = sorted(st.sources.items(), key=lambda kv: (kv[1].first["as_of"], kv[0]))
            first = min(t.first["as_of"] for _, t in tracks)
            last = max(t.last["as_of"] for _, t in tracks)
            n = sum(t.reports for _, t in tracks)
            out.append(f"{key.label()}: {first.isoformat()} to {last.isoformat()}, "
                       f"{n} report{'s' * (n != 1)} from {len(tracks)} source{'s' * (len(tracks) != 1)}")
            # source names aligned in terminal columns (a CJK name is twice its length)
            width = max(display_width(name) for name, _ in tracks)
            for name, t in tracks:
                if t.reports == 1:
                    out.append(f"  {ljust(name, width)}  {figure_text(t.first)} ({t.first['as_of'].isoformat()})")
                else:
                    out.append(f"  {ljust(name, width)}  {figure_text(t.first)} ({t.first['as_of'].isoformat()})"
                               f" -> {figure_text(t.last)} ({t.last['as_of'].isoformat()}), {t.reports} reports")
            spread = _spread([(t.last, n) for n, t in tracks])
            if spread:
                out.append(f"  spread between sources' latest figures: {spread}")
        return out


SUMMARY_COLUMNS = ["series", "source", "reports", "first_as_of", "first", "last_as_of", "last", "spread"]


def _spread(lasts: list[tuple[dict, str]]) -> str:
    pts = [(point(r), name) for r, name in lasts if point(r) is not None]
    if len(pts) < 2:
        return ""
    lo, hi = min(pts), max(pts)
    return f"{_num(lo[0])} ({lo[1]}) to {_num(hi[0])} ({hi[1]}): {_num(hi[0] - lo[0])}"


def source_label(r: dict) -> str:
    """The outlet of a claim row; an article that names no outlet is a source of its own, named
    after the article (two such articles are never one source that agrees with itself)."""
    if r.get("source"):
        return r["source"]
    ident = (r.get("identity") or str(r.get("document_id") or "")).rstrip("/")
    return f"no source, {ident.rsplit('/', 1)[-1]}"


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per (source, figure) of a series on one date: the latest claim."""
    best: dict[tuple, dict] = {}
    for r in rows:
        k = (r["_source"], bounds(r), r.get("qualifier"))
        kept = best.get(k)
        if kept is None:
            r["_same"] = []
            best[k] = r
        elif r["id"] > kept["id"]:
            r["_same"] = [*kept["_same"], kept["id"]]
            best[k] = r
        else:
            kept["_same"].append(r["id"])
    return sorted(best.values(), key=lambda r: (r["_source"], bounds(r), r["id"]))


def place(key: SeriesKey, r: dict, as_of: dt.date, states: dict[SeriesKey, _SeriesState],
          official: Official | None) -> tuple[SeriesKey, str]:
    """The series a count of unknown or cumulative period belongs to, and why (a note).

    Its neighbours are the figures of the cumulative series of the same metric,
    subject, place and unit in the PLAUSIBLE_WINDOW days before (and, with an
    official series, its figures up to as many days after).  An unknown-period
    figure joins that series when what it can stand for (``reading``) comes
    within PLAUSIBLE_SLACK of the neighbours' range; a figure labelled
    cumulative that does not is moved out to the unknown-period series (a
    daily count or a strike's toll read as a running total).  Without
    neighbours a claim stays as labelled.
    """
    if key.period not in ("cumulative", "unknown") or key.unit:
        return key, ""
    ckey = replace(key, period="cumulative")
    st = states.get(ckey)
    near = st.recent(as_of) if st is not None else []
    figures = official.figures_for(ckey) if official is not None else None
    if figures:
        window = dt.timedelta(days=PLAUSIBLE_WINDOW)
        dates = [d for d, _ in figures]
        lo, hi = bisect.bisect_left(dates, as_of - window), bisect.bisect_right(dates, as_of + window)
        near += [v for _, o in figures[lo:hi] if (v := quoted(o)) is not None]
    if not near:
        return key, ""
    low, high = min(near), max(near)
    rd = reading(r)
    fits = rd is not None and rd[0] <= high * (1 + PLAUSIBLE_SLACK) and rd[1] >= low * (1 - PLAUSIBLE_SLACK)
    span = _num(low) if low == high else f"{_num(low)} to {_num(high)}"
    around = f"its figures {span} within {_days(PLAUSIBLE_WINDOW)}"
    if fits:
        if key.period == "unknown":
            return ckey, f"period unknown: joins the cumulative series ({around})"
        return key, ""
    if key.period == "cumulative":
        return replace(key, period="unknown"), (f"not plausible as a running total ({around}): "
                                                "kept apart as of unknown period")
    return key, f"period unknown: kept apart from the cumulative series ({around})"


def timeline(rows: Iterable[dict], keyer: Keyer, tol: Tolerance, *, official: Official | None = None,
             summary: TimelineSummary | None = None) -> Iterator[dict]:
    """Timeline rows from claim rows sorted by ``as_of`` (streamed, one date at a time).

    Claim rows carry the claim columns plus ``source``; rows without as_of are
    skipped.  ``summary`` (if given) is filled in as rows go by.
    """
    summary = summary if summary is not None else TimelineSummary()
    states = summary.series
    for as_of, day in groupby(rows, key=lambda r: r.get("as_of")):
        if as_of is None:
            continue
        by_series: dict[SeriesKey, list[dict]] = {}
        for r in day:
            r = dict(r)
            r["_source"] = source_label(r)
            key, r["_placed"] = place(keyer(r), r, as_of, states, official)
            by_series.setdefault(key, []).append(r)
        for key in sorted(by_series):
            st = states.get(key)
            if st is None:
                st = states[key] = _SeriesState(key)
            group = _dedupe(by_series[key])
            for r in group:
                v = quoted(r)
                if v is not None:
                    st.see(as_of, v, r["_source"])
            for r in group:
                yield _timeline_row(r, key, st, group, tol, official, summary)
            for r in group:
                t = st.sources.get(r["_source"])
                if t is None:
                    st.sources[r["_source"]] = _SourceTrack(first=r, last=r)
                else:
                    t.last, t.reports = r, t.reports + 1


def _timeline_row(r: dict, key: SeriesKey, st: _SeriesState, group: list[dict], tol: Tolerance,
                  official: Official | None, summary: TimelineSummary) -> dict:
    src = r["_source"]
    flags: list[str] = []
    notes: list[str] = [r["_placed"]] if r.get("_placed") else []
    others = [o for o in group if o["_source"] != src]
    if key.period == "interval":  # counts over different windows are different quantities
        others = [o for o in others if o.get("since") == r.get("since")]
    corroborating = {o["_source"] for o in others if same_figure(o, r)}
    # figures of unknown period are not one quantity: they never disagree, nor go stale
    against = [o for o in others if not agrees(o, r, tol)] if key.period != "unknown" else []
    if against:
        flags.append("disagrees")
        o = against[0]
        notes.append(f"vs {o['_source']} {figure_text(o)}" + (f" and {len(against) - 1} more" if len(against) > 1 else ""))
    track = st.sources.get(src)
    prev = track.last if track else None
    change = None
    if prev is not None:
        if r.get("value") is not None and prev.get("value") is not None:
            change = r["value"] - prev["value"]
        if key.cumulative and bounds(r)[1] < bounds(prev)[0]:
            flags.append("revised_down")
            notes.append(f"was {figure_text(prev)} on {prev['as_of'].isoformat()}")
    v = quoted(r)
    if v is not None and key.period == "cumulative" and st.first_seen[v][0] < r["as_of"]:
        newer = st.newer_than(v)
        if newer is not None:
            flags.append("stale")
            d0, s0 = st.first_seen[v]
            notes.append(f"= {s0} figure of {d0.isoformat()}; {_num(newer[1])} reported for {newer[0].isoformat()}")
    out = {
        "as_of": r["as_of"], "source": r.get("source"), "speaker": r.get("speaker"), "metric": r.get("metric"),
        "subject": r.get("subject"), "location": r.get("location"), "period": r.get("period"),
        "unit": r.get("unit"), "figure": figure_text(r), "value": r.get("value"), "low": r.get("low"),
        "high": r.get("high"), "qualifier": r.get("qualifier"), "change": change,
        "corroborated_by": len(corroborating), "status": r.get("status"), "series": key.label(),
        "claim_id": r.get("id"), "document_id": r.get("document_id"), "sentence": r.get("sentence"),
        "surface": r.get("surface"),
        # the same figure from the same source that day, shown once (their flags are this row's)
        "same_claims": r.get("_same", []),
    }
    if official is not None:
        out["official"] = out["official_as_of"] = None
        figures = official.figures_for(key)
        if figures:
            flag, note, ref = check_against(r, figures, tol)
            if flag and flag not in flags:
                flags.append(flag)
            if note:
                notes.append(note)
            if ref is not None:
                out["official"] = figure_text(ref)
                out["official_as_of"] = ref["as_of"]
    out["flags"] = flags
    out["note"] = "; ".join(notes)
    summary.flags.update(flags)
    summary.rows += 1
    return out


# --- pure: mode 2, across versions of one article --------------------------------

COMPARED_FIELDS = ("value", "low", "high", "qualifier", "unit", "metric", "subject", "location", "period",
                   "speaker", "as_of", "since", "status")
VERSION_COLUMNS = ["change", "claim_id", "metric", "subject", "location", "period", "old", "new", "fields",
                   "old_as_of", "new_as_of", "old_value", "old_low", "old_high", "new_value", "new_low",
                   "new_high", "old_status", "new_status", "from_version", "to_version", "from_document_id",
                   "to_document_id", "old_sentence", "new_sentence"]
VERSION_TABLE = ["change", "claim_id", "metric", "subject", "old", "new", "fields", "old_sentence", "new_sentence"]


def compare_states(old: dict[int, dict], new: dict[int, dict]) -> Iterator[dict]:
    """Claims added, removed, changed or reworded between two snapshots {claim_id: fields}.

    A snapshot whose ``present`` is false counts as absent.
    """
    def live(snap: dict[int, dict]) -> dict[int, dict]:
        return {cid: s for cid, s in snap.items() if s.get("present", True)}

    a, b = live(old), live(new)
    for cid in sorted(set(a) | set(b), key=lambda c: ((b.get(c) or a.get(c)).get("start", 0), c)):
        o, n = a.get(cid), b.get(cid)
        if o is None:
            change, fields = "added", []
        elif n is None:
            change, fields = "removed", []
        else:
            fields = [f for f in COMPARED_FIELDS if o.get(f) != n.get(f)]
            if fields:
                change = "changed"
            elif (o.get("sentence") or "") != (n.get("sentence") or ""):
                change, fields = "reworded", ["sentence"]
            else:
                continue
        cur = n or o
        yield {
            "change": change, "claim_id": cid, "metric": cur.get("metric"), "subject": cur.get("subject"),
            "location": cur.get("location"), "period": cur.get("period"),
            "old": figure_text(o) if o else None, "new": figure_text(n) if n else None, "fields": fields,
            "old_as_of": o and o.get("as_of"), "new_as_of": n and n.get("as_of"),
            "old_value": o and o.get("value"), "old_low": o and o.get("low"), "old_high": o and o.get("high"),
            "new_value": n and n.get("value"), "new_low": n and n.get("low"), "new_high": n and n.get("high"),
            "old_status": o and o.get("status"), "new_status": n and n.get("status"),
            "old_sentence": o and o.get("sentence"), "new_sentence": n and n.get("sentence"),
            "old_surface": o and o.get("surface"), "new_surface": n and n.get("surface"),
        }


# --- pure: mode 3, across database states -----------------------------------------

DIGEST_COLUMNS = ["recorded_at", "event", "claim_id", "document_id", "source", "metric", "subject", "as_of",
                  "old", "new", "fields", "status", "actor", "note", "identity", "sentence"]
DIGEST_TABLE = ["recorded_at", "event", "claim_id", "document_id", "source", "metric", "old", "new", "status",
                "actor", "note", "sentence"]
EVENTS = {
    "extract": "new claim", "import": "new claim", "reextract": "changed value", "reimport": "changed value",
    "removed": "claim removed", "verify": "verified", "correct": "corrected", "reject": "rejected",
    "dispute": "disputed",
}


def version_event(v: dict, prev: dict | None) -> dict:
    """A digest row for one claim_version row (and the version before it)."""
    import json

    changed = v.get("changed")
    if isinstance(changed, str):
        try:
            changed = json.loads(changed)
        except ValueError:
            changed = []
    action = v.get("action") or ""
    event = EVENTS.get(action, action)
    if action in ("extract", "import"):
        fields: list[str] = []
    else:
        fields = [f for f in COMPARED_FIELDS if prev is not None and prev.get(f) != v.get(f)] or \
            [f for f in (changed or []) if f in COMPARED_FIELDS or f in ("present", "needs_review")]
    figure_changed = any(f in ("value", "low", "high", "qualifier") for f in fields)
    if action in ("reextract", "reimport", "carried"):
        if figure_changed:
            event = "changed value"
        elif "needs_review" in fields:
            event = "needs review"
        else:
            event = "changed"
    return {
        "recorded_at": v.get("recorded_at"), "event": event, "claim_id": v.get("claim_id"),
        "document_id": v.get("document_id"), "source": v.get("source"), "metric": v.get("metric"),
        "subject": v.get("subject"), "as_of": v.get("as_of"),
        "old": figure_text(prev) if prev is not None and action not in ("extract", "import") else None,
        "new": figure_text(v), "fields": fields, "status": v.get("status"), "actor": v.get("actor"),
        "note": v.get("note"), "identity": v.get("identity"), "sentence": v.get("sentence"),
        "surface": v.get("surface"),
    }


def document_event(d: dict) -> dict:
    version = d.get("version") or 1
    return {
        "recorded_at": d.get("ingested_at"), "event": "new document" if version == 1 else f"new version {version}",
        "claim_id": None, "document_id": d.get("id"), "source": d.get("source"), "metric": None,
        "subject": None, "as_of": d.get("published_at"), "old": None, "new": None, "fields": [],
        "status": None, "actor": None, "note": d.get("title"), "identity": d.get("identity"), "sentence": None,
    }


def merge_events(*streams: Iterable[dict]) -> Iterator[dict]:
    """Digest events from several time-ordered streams, in time order."""
    def when(e: dict):
        t = e["recorded_at"]
        if t is not None and t.tzinfo is None:
            t = t.replace(tzinfo=dt.UTC)
        return t

    return heapq.merge(*streams, key=when)


# --- reading from the database --------------------------------------------------------


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    if t is None:
        return None
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)


def load_official(session, f, name: str) -> Official:
    """Every figure of source ``name`` in the series the filter ``f`` selects."""
    from dataclasses import replace

    from .errors import NotFound
    from .queries import filtered

    sub = replace(f, source=(name,), since=None, until=f.until, limit=None, status=())
    q, c = filtered(session, sub)
    q = q.where(c.c.as_of.is_not(None), c.c.status != "rejected").order_by(c.c.as_of, c.c.id)
    keyer = Keyer.for_session(session)
    off = Official(name)
    for r in session.execute(q).mappings():
        off.add(keyer(r), dict(r))
    if not off.by_series:
        raise NotFound(f"no figures from {name!r} for this selection; load them with `factdb import-series`")
    off.finish()
    return off


def timeline_rows(session, f, tol: Tolerance, *, against: str | Official | None = None,
                  summary: TimelineSummary | None = None) -> Iterator[dict]:
    """Mode 1 from the database: claims matching ``f``, streamed in as_of order.

    ``against`` names an official source (or is one already loaded); its own
    figures are then the reference, not rows of the timeline.
    """
    from .normalize import key as name_key
    from .queries import filtered

    official = load_official(session, f, against) if isinstance(against, str) else against
    against = official.name if official is not None else None
    q, c = filtered(session, f)
    q = q.where(c.c.as_of.is_not(None))
    if not f.status:
        q = q.where(c.c.status != "rejected")
    q = q.order_by(c.c.as_of, c.c.id)
    rows: Iterable[dict] = (dict(r) for r in session.execute(q.execution_options(yield_per=1000)).mappings())
    if against:
        skip = name_key(against)
        rows = (r for r in rows if name_key(r.get("source")) != skip)
    yield from timeline(rows, Keyer.for_session(session), tol, official=official, summary=summary)


def article_versions(session, ref: str) -> list:
    from sqlalchemy import select

    from .models import Document
    from .queries import document_ids

    ids = document_ids(session, ref)
    return list(session.execute(select(Document).where(Document.id.in_(ids)).order_by(Document.version)).scalars())


def version_state(session, doc_ids: list[int]) -> dict[int, dict]:
    """Each claim as it stood in the latest of these document versions: {claim_id: snapshot}."""
    from sqlalchemy import and_, func, select

    from .models import ClaimVersion

    cv = ClaimVersion.__table__
    latest = (select(cv.c.claim_id, func.max(cv.c.version).label("version"))
              .where(cv.c.document_id.in_(doc_ids)).group_by(cv.c.claim_id).subquery())
    q = select(cv).join(latest, and_(latest.c.claim_id == cv.c.claim_id, latest.c.version == cv.c.version))
    return {r["claim_id"]: dict(r) for r in session.execute(q).mappings()}


def document_diff_rows(session, ref: str, from_version: int | None = None,
                       to_version: int | None = None) -> tuple[list[dict], object, object]:
    """Mode 2: (rows, from document, to document) between two versions of an article."""
    from .errors import FactdbError

    docs = article_versions(session, ref)
    by_version = {d.version: d for d in docs}
    last = docs[-1].version
    to_v = to_version if to_version is not None else last
    from_v = from_version if from_version is not None else to_v - 1
    for v in (from_v, to_v):
        if v not in by_version and not (v == 0 and v == from_v):
            raise FactdbError(f"{docs[-1].identity} has versions 1 to {last}; there is no version {v}")
    if from_v >= to_v:
        raise FactdbError(f"--from ({from_v}) must be an earlier version than --to ({to_v})")
    old = version_state(session, [d.id for d in docs if d.version <= from_v]) if from_v >= 1 else {}
    new = version_state(session, [d.id for d in docs if d.version <= to_v])
    rows = []
    for r in compare_states(old, new):
        r.update(from_version=from_v, to_version=to_v,
                 from_document_id=by_version[from_v].id if from_v in by_version else None,
                 to_document_id=by_version[to_v].id)
        rows.append(r)
    return rows, by_version.get(from_v), by_version[to_v]


def digest_rows(session, since: dt.datetime, until: dt.datetime | None = None, *,
                include_carried: bool = False) -> Iterator[dict]:
    """Mode 3: documents, versions, claims and review decisions recorded in [since, until)."""
    from sqlalchemy import and_, select
    from sqlalchemy.orm import aliased

    from .models import ClaimVersion, Document, Source

    since, until = _utc(since), _utc(until)
    dq = (select(Document.id, Document.identity, Document.version, Document.title, Document.published_at,
                 Document.ingested_at, Source.name.label("source"))
          .outerjoin(Source, Source.id == Document.source_id)
          .where(Document.ingested_at >= since).order_by(Document.ingested_at, Document.id))
    if until is not None:
        dq = dq.where(Document.ingested_at < until)
    prev = aliased(ClaimVersion, name="prev")
    cq = (select(ClaimVersion, prev, Source.name, Document.identity)
          .outerjoin(prev, and_(prev.claim_id == ClaimVersion.claim_id, prev.version == ClaimVersion.version - 1))
          .outerjoin(Source, Source.id == ClaimVersion.source_id)
          .join(Document, Document.id == ClaimVersion.document_id)
          .where(ClaimVersion.recorded_at >= since)
          .order_by(ClaimVersion.recorded_at, ClaimVersion.id))
    if until is not None:
        cq = cq.where(ClaimVersion.recorded_at < until)
    if not include_carried:
        cq = cq.where(ClaimVersion.action != "carried")

    def docs() -> Iterator[dict]:
        for r in session.execute(dq.execution_options(yield_per=1000)).mappings():
            yield document_event(dict(r))

    def versions() -> Iterator[dict]:
        for v, p, source, identity in session.execute(cq.execution_options(yield_per=1000)):
            d = v.model_dump()
            d.update(source=source, identity=identity)
            yield version_event(d, p.model_dump() if p is not None else None)

    # the two streams run on separate connections' worth of cursors: materialise the smaller
    doc_events = list(docs())
    return merge_events(doc_events, versions())


def flags_filter(fail_on: Iterable[str]) -> Callable[[set[str]], bool]:
    wanted = set(fail_on)
    return lambda seen: bool(wanted & seen)
