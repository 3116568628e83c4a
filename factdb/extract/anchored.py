"""Fast scanning for regexes that start with one of a known set of words.

Python's ``re`` tries a pattern like ``\\b(?:yesterday|since|between|...)`` at every character of the
text. Here the text's tokens are indexed once (word -> positions, shared by every scanner), and a
scanner tries its full pattern only at the positions of the words it can start with. Results
equal ``pattern.finditer`` for patterns whose matches always begin at such a word, a digit, or
one of the characters in ``SPECIAL``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import chain

__all__ = ["Anchored", "SPECIAL"]

SPECIAL = ".+½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+|[" + re.escape(SPECIAL) + "]")
_DIGIT = "#"
_CACHE: list[tuple[str, dict[str, list[int]]]] = []  # a few recent texts, most recent last


def _index(text: str) -> dict[str, list[int]]:
    for t, idx in _CACHE:
        if t is text:
            return idx
    idx: dict[str, list[int]] = {}
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        key = _DIGIT if tok[0].isdigit() else tok.lower()
        lst = idx.get(key)
        if lst is None:
            idx[key] = [m.start()]
        else:
            lst.append(m.start())
    _CACHE.append((text, idx))
    if len(_CACHE) > 4:
        del _CACHE[0]
    return idx


class Anchored:
    """``finditer``/``search`` for ``pattern``, tried only at candidate starts.

    ``words``: lower-case words a match can start with; ``digits``: a match can start with a digit;
    ``chars``: characters (from ``SPECIAL``) a match can start with.
    """

    def __init__(self, pattern: str | re.Pattern, words: Iterable[str], flags: int = 0, digits: bool = False,
                 chars: str = "") -> None:
        if any(c not in SPECIAL for c in chars):
            raise ValueError(f"Anchored: start characters must be among {SPECIAL!r}")
        self.rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        keys = {w.lower() for w in words} | set(chars)
        if digits:
            keys.add(_DIGIT)
        self.keys = frozenset(keys)
        self._last: tuple[str | None, list[int]] = (None, [])

    def _candidates(self, text: str) -> list[int]:
        if self._last[0] is text:
            return self._last[1]
        idx = _index(text)
        if len(idx) < len(self.keys):
            lists = [v for k, v in idx.items() if k in self.keys]
        else:
            lists = [idx[k] for k in self.keys if k in idx]
        cands = sorted(chain.from_iterable(lists)) if len(lists) > 1 else (lists[0] if lists else [])
        self._last = (text, cands)
        return cands

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match]:
        hi = len(text) if hi is None else hi
        cands = self._candidates(text)
        last = lo
        match = self.rx.match
        for i in range(bisect_left(cands, lo), len(cands)):
            s = cands[i]
            if s >= hi:
                break
            if s < last:
                continue
            m = match(text, s, hi)
            if m:
                yield m
                last = m.end() if m.end() > s else s + 1

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> re.Match | None:
        return next(self.finditer(text, lo, hi), None)
