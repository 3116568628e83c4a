"""Timeline charts: one line and marker set per source, ranges as bands,
flagged figures circled.  Needs matplotlib (``pip install 'factdb[plot]'``);
drawn with the non-interactive Agg backend, so it works without a display.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import tempfile
from collections import defaultdict

try:
    import matplotlib
except ImportError as exc:  # pragma: no cover - exercised by the CLI message test
    raise ImportError("matplotlib is not installed, so factdb cannot draw charts") from exc

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from .diff import LOWER_BOUND, UPPER_BOUND, bounds, source_label  # noqa: E402

MAX_PANELS = 6
FLAG_COLOURS = {"disagrees": "tab:red", "revised_down": "tab:purple", "stale": "tab:orange",
                "misdated": "tab:brown", "misreported": "crimson", "matches": None}


def _thousands(x, _pos):
    return f"{x:,.0f}"


def draw(rows: list[dict], path: str, *, title: str | None = None, official_name: str | None = None,
         official=None) -> str:
    """Draw timeline rows (from ``diff.timeline_rows``) to ``path`` (.png/.svg/.pdf), atomically.

    One panel per series (the largest ``MAX_PANELS``); returns a short description.
    """
    by_series: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_series[r["series"]].append(r)
    panels = sorted(by_series.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_PANELS]
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 3.6 * len(panels) + 0.6), squeeze=False,
                             sharex=True)
    flagged = 0
    sources = set()
    for ax, (label, srows) in zip(axes[:, 0], panels, strict=True):
        by_source: dict[str, list[dict]] = defaultdict(list)
        for r in srows:
            by_source[source_label(r)].append(r)
        sources.update(by_source)
        for name, rs in sorted(by_source.items()):
            rs.sort(key=lambda r: r["as_of"])
            xs, ys = [], []
            for r in rs:
                lo, hi = bounds(r)
                y = r["value"] if r["value"] is not None else (
                    (lo + hi) / 2 if math.isfinite(lo) and math.isfinite(hi) else None)
                if y is None:
                    continue
                xs.append(r["as_of"])
                ys.append(y)
            line = ax.plot(xs, ys, marker="o", markersize=4, linewidth=1.4, label=name)[0]
            colour = line.get_color()
            # ranges as bands, open bounds as arrows
            ranges = [(r["as_of"], r["low"], r["high"]) for r in rs
                      if r["low"] is not None and r["high"] is not None and r["high"] > r["low"]]
            if len(ranges) > 1:
                ax.fill_between([d for d, _, _ in ranges], [lo for _, lo, _ in ranges],
                                [hi for _, _, hi in ranges], color=colour, alpha=0.18, linewidth=0)
            for d, lo, hi in ranges:
                ax.vlines(d, lo, hi, color=colour, alpha=0.5, linewidth=6)
            for r in rs:
                if r["value"] is None:
                    continue
                if r["qualifier"] in LOWER_BOUND:
                    ax.plot([r["as_of"]], [r["value"]], marker="^", color=colour, markersize=8)
                elif r["qualifier"] in UPPER_BOUND:
                    ax.plot([r["as_of"]], [r["value"]], marker="v", color=colour, markersize=8)
            for r in rs:
                marks = [f for f in r.get("flags") or [] if FLAG_COLOURS.get(f)]
                if not marks or r["value"] is None:
                    continue
                flagged += 1
                ax.scatter([r["as_of"]], [r["value"]], s=140, facecolors="none",
                           edgecolors=FLAG_COLOURS[marks[0]], linewidths=2, zorder=5)
                ax.annotate(", ".join(marks), (r["as_of"], r["value"]), textcoords="offset points",
                            xytext=(6, -12), fontsize=7, color=FLAG_COLOURS[marks[0]])
        if official is not None:
            # the official line over the reported period, from a week before it
            first = min(r["as_of"] for r in srows) - dt.timedelta(days=7)
            last = max(r["as_of"] for r in srows)
            for key, figures in official.by_series.items():
                figures = [(d, f) for d, f in figures if first <= d <= last and f["value"] is not None]
                if key.label() == label and figures:
                    ax.plot([d for d, _ in figures], [f["value"] for _, f in figures], color="black",
                            linestyle="--", linewidth=1, label=f"{official_name or official.name} (official)")
        ax.set_title(label, fontsize=10)
        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8, loc="best")
    ax = axes[-1, 0]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    fig.suptitle(title or "Figures reported over time", fontsize=12)
    fig.tight_layout()
    ext = os.path.splitext(path)[1].lower().lstrip(".") or "png"
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".factdb-", suffix=f".{ext}", dir=directory)
    os.close(fd)
    try:
        fig.savefig(tmp, format=ext, dpi=150)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        plt.close(fig)
    return (f"{len(rows)} figures from {len(sources)} source{'s' * (len(sources) != 1)} in "
            f"{len(panels)} series" + (f", {flagged} flagged" if flagged else ""))
