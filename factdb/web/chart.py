"""A timeline chart as SVG geometry, drawn by the server (no script, no chart library).

:func:`chart` turns timeline rows into coordinates; the template only writes
them into ``<polyline>``/``<circle>`` elements, so every label passes through
the template's autoescaping.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ..diff import point, quoted

WIDTH, HEIGHT = 900, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 250, 16, 36
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
OFFICIAL_COLOUR = "#111111"


@dataclass
class Line:
    source: str
    colour: str
    official: bool
    points: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, label

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


@dataclass
class Chart:
    title: str
    lines: list[Line]
    xticks: list[tuple[float, str]]
    yticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM


def _nice_step(span: float, n: int = 5) -> float:
    raw = span / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _label(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}"


def chart(title: str, rows: list[dict], official_sources: set[str] = frozenset(),
          official: list[tuple[dt.date, dict]] | None = None, official_name: str | None = None) -> Chart | None:
    """One line per source (figures by as_of), the official series drawn black and dashed.

    Rows without a single figure (ranges, vague counts) are left out of the
    lines; the table beside the chart still lists them.
    """
    series: dict[str, list[tuple[dt.date, float]]] = {}
    for r in rows:
        v = point(r) if point(r) is not None else quoted(r)
        if v is None or r.get("as_of") is None:
            continue
        series.setdefault(r.get("source") or "(no source)", []).append((r["as_of"], v))
    if official and official_name:
        series[official_name] = [(d, point(o) if point(o) is not None else quoted(o)) for d, o in official]
        series[official_name] = [(d, v) for d, v in series[official_name] if v is not None]
        official_sources = set(official_sources) | {official_name}
    series = {k: sorted(v) for k, v in series.items() if v}
    if not series:
        return None
    dates = [d for pts in series.values() for d, _ in pts]
    values = [v for pts in series.values() for _, v in pts]
    d0, d1 = min(dates), max(dates)
    # the axis spans the figures, not zero to the top: a toll moving from
    # 27,478 to 27,947 must not draw as a flat line
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - max(abs(lo) * 0.05, 1), hi + max(abs(hi) * 0.05, 1)
    step = _nice_step(hi - lo)
    hi = math.ceil(hi / step) * step or step
    lo = math.floor(lo / step) * step
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP
    days = max((d1 - d0).days, 1)

    def x(d: dt.date) -> float:
        return x0 + (x1 - x0) * ((d - d0).days / days) if d1 != d0 else (x0 + x1) / 2

    def y(v: float) -> float:
        return y0 - (y0 - y1) * ((v - lo) / (hi - lo or 1))

    lines = []
    for i, (name, pts) in enumerate(sorted(series.items(), key=lambda kv: (kv[0] in official_sources, kv[0]))):
        is_official = name in official_sources
        line = Line(name, OFFICIAL_COLOUR if is_official else PALETTE[i % len(PALETTE)], is_official)
        line.points = [(x(d), y(v), f"{name}: {_label(v)} as of {d.isoformat()}") for d, v in pts]
        lines.append(line)
    yticks = []
    v = lo
    while v <= hi + step / 2:
        yticks.append((y(v), _label(v)))
        v += step
    n = min(days, 4)
    xticks = [(x(d0 + dt.timedelta(days=round(days * k / n))), (d0 + dt.timedelta(days=round(days * k / n))).isoformat())
              for k in range(n + 1)] if d1 != d0 else [(x(d0), d0.isoformat())]
    return Chart(title, lines, xticks, yticks)
