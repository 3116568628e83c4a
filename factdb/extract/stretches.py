"""The number phrases of a long text, found a stretch of paragraphs at a time.

``find_numbers`` holds every number phrase of its text (dates and years too) with its tokens while it
ranks and filters them: for a document of many MB that is several times the text. ``iter_numbers``
gives what ``find_numbers(text, with_skipped=False)`` gives, in the same order, holding one stretch's
phrases (and the next one's) at a time.

A stretch (about ``STRETCH`` characters, cut at a paragraph break, else a line break, else a space) is
read with ``MARGIN`` characters or more of the text on each side, ended at a line break or a space:
whatever decides a phrase (the words before and after it, a range or a date it belongs to) lies within
a few hundred characters of it, so the phrases that start in the stretch come out as they do from the
whole text. Something longer than the margin (a run of number words, a long list of ages, a URL) could
read otherwise; each cut is therefore checked: the phrases around it, read from the stretches on both
sides, must agree, and where they do not, the stretch is read again twice as long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .anchored import cached_index, index_part
from .numbers import NumberSpan, find_numbers, normalize_digits

__all__ = ["NumberStream", "iter_numbers"]

STRETCH = 65_536
MARGIN = 512
_PARA_RE = re.compile(r"\n[ \t]*\n")
_SPACE_RE = re.compile(r"\s")


def iter_numbers(text: str, stretch: int = STRETCH, margin: int = MARGIN) -> Iterator[NumberSpan]:
    """``find_numbers(text, with_skipped=False)``, one stretch at a time (see the module)."""
    if len(text) <= stretch + 2 * margin:
        yield from find_numbers(text, with_skipped=False)
        return
    read = _Reader(text, margin)
    a, size = 0, stretch
    b = _cut(text, a, size)
    found = read(a, b)
    while b < len(text):
        c = _cut(text, b, stretch)
        nxt = read(b, c)
        if _agree(found, nxt, b, margin // 2):
            for n in found:
                if a <= n.start < b and n.skip is None:
                    yield n
            a, b, found, size = b, c, nxt, stretch
        else:  # the stretch from ``a`` is read again, twice as long (at worst the rest of the text at once)
            size *= 2
            b = _cut(text, a, size)
            found = read(a, b)
    for n in found:
        if n.start >= a and n.skip is None:
            yield n


def _cut(text: str, a: int, stretch: int) -> int:
    """Where the stretch from ``a`` ends: the first paragraph break after ``a + stretch`` (else a line
    break, else a space, within another ``stretch`` characters), or the end of the text."""
    lo, hi = a + stretch, a + 2 * stretch
    if hi >= len(text):
        return len(text)
    m = _PARA_RE.search(text, lo, hi)
    if m:
        return m.end()
    k = text.find("\n", lo, hi)
    if k >= 0:
        return k + 1
    m = _SPACE_RE.search(text, lo, hi)
    return m.end() if m else lo


def _edge(text: str, pos: int, step: int, reach: int) -> int:
    """A line break, else a space, from ``pos`` on in the direction of ``step`` (-1 or 1), within
    ``reach`` characters: where the text read around a stretch ends (no token is cut there)."""
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    for ch in ("\n", " "):
        k = text.rfind(ch, max(0, pos - reach), pos) if step < 0 else text.find(ch, pos, pos + reach)
        if k >= 0:
            return k + 1 if step < 0 else k
    return pos


class _Reader:
    """Reads the number phrases of a stretch of ``text`` and its margins."""

    def __init__(self, text: str, margin: int) -> None:
        self.text = text
        self.margin = margin

    def __call__(self, a: int, b: int) -> list[NumberSpan]:
        """The number phrases of ``text[a:b]`` with its margins (skipped ones only near ``a`` and ``b``),
        offsets into ``text``."""
        text, margin = self.text, self.margin
        lo, hi = _edge(text, a - margin, -1, margin), _edge(text, b + margin, 1, margin)
        part = text[lo:hi]
        idx = cached_index(text)  # (once its other scanners have read the text)
        if idx is not None and normalize_digits(part) is part:
            index_part(part, text, lo, idx)  # the part's token index, cut from the text's
        # kept: the phrases that may be claims, and all of them where they are compared across a cut
        reach = margin // 2
        la, lb = a - lo, b - lo
        found = [n for n in find_numbers(part)
                 if n.skip is None or la - reach <= n.start < la + reach or lb - reach <= n.start < lb + reach]
        if lo:
            for n in found:
                n.start += lo
                n.end += lo
                n.core_start += lo
                n.core_end += lo
        return found


def _agree(left: list[NumberSpan], right: list[NumberSpan], cut: int, reach: int) -> bool:
    """Whether the phrases that start within ``reach`` of ``cut`` are the same read from both sides."""
    lo, hi = cut - reach, cut + reach
    return [n for n in left if lo <= n.start < hi] == [n for n in right if lo <= n.start < hi]


class NumberStream:
    """The number phrases of a text in order of their start, taken as the reading goes."""

    def __init__(self, text: str) -> None:
        self._it = iter_numbers(text)
        self._next = next(self._it, None)

    @property
    def done(self) -> bool:
        """Whether every phrase has been taken."""
        return self._next is None

    def take_before(self, pos: int) -> list[NumberSpan]:
        """The phrases not yet taken that start before ``pos``."""
        out = []
        while self._next is not None and self._next.start < pos:
            out.append(self._next)
            self._next = next(self._it, None)
        return out
