"""One check for every figure a person or a file hands in (pure).

NaN would erase a value, infinity becomes `Infinity` in JSON exports (not
valid JSON) and breaks every comparison in diff and series: a figure must be
a finite number, whatever its source (a correction, an imported series).
"""

from __future__ import annotations

import math


def finite_figure(v, what: str = "value") -> float:
    """``v`` as a finite float; ValueError naming ``what`` otherwise."""
    if isinstance(v, bool):
        raise ValueError(f"{what} {v!r} is not a number")
    try:
        f = float(v)
    except OverflowError:
        raise ValueError(f"{what} {str(v)[:40]}… is too large for a figure") from None
    except (TypeError, ValueError):
        raise ValueError(f"{what} {v!r} is not a number") from None
    if not math.isfinite(f):
        raise ValueError(f"{what} {v!r} is not a finite number; give the figure itself "
                         f"(`-` clears a field in a correction)")
    return f
