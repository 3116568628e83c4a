"""How far apart two figures may be and still agree (``--tolerance``).

Its own small module: the CLI converts the option's default on every command
that has it (``export claims`` too), which must not import the diff engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Tolerance:
    """How far apart two figures may be and still agree: relative, absolute or both."""

    rel: float = 0.02
    abs: float = 0.0

    def allowed(self, scale: float) -> float:
        return max(self.abs, self.rel * abs(scale))

    def __str__(self) -> str:
        parts = []
        if self.rel:
            parts.append(f"{self.rel * 100:g}%")
        if self.abs or not parts:
            parts.append(f"{self.abs:g}")
        return " or ".join(parts)


def parse_tolerance(text: str) -> Tolerance:
    """``2%`` (relative), ``150`` (absolute) or ``0``."""
    s = text.strip().replace(" ", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(%?)", s)
    if not m:
        raise ValueError(f"{text!r} is not a tolerance; use e.g. 2% or 150")
    n = float(m.group(1))
    return Tolerance(rel=n / 100, abs=0.0) if m.group(2) else Tolerance(rel=0.0, abs=n)
