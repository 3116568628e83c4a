"""Paragraph and sentence splitting that keeps character offsets.

Paragraphs are separated by blank lines. A line of its own without final punctuation (a section
heading) is its own sentence. Sentences end at ``.``, ``!`` or ``?`` (optionally followed by
closing quotes or brackets) before whitespace and a capital letter, digit or opening quote, except
after abbreviations ("U.N.", "Oct.", "Dr.", "No."), initials ("J. K.") and inside decimals.

A run of text longer than ``MAX_SENTENCE`` characters without sentence punctuation (a table dumped
on one line, a feed without full stops) is cut at the last clause break (``;``, ``,``) or space
before the limit, so that the per-sentence work downstream stays bounded and the whole split is
linear in the length of the text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

__all__ = ["Paragraphs", "Sentence", "iter_sentences", "split_sentences", "split_paragraphs"]

_DIGIT_AFTER_SPACE_RE = re.compile(r"\s+\d")

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "st", "ste", "mt", "ft", "no", "nos", "nr", "vol", "pp", "p",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "jr", "sr", "vs", "v", "etc", "al", "approx", "est", "dept", "univ",
    "fig", "e.g", "i.e", "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "rev", "hon", "messrs", "gens",
}
# after these an abbreviation with internal dots ("U.S.") may still end a sentence
SENTENCE_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This",
    "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "After", "Before", "When",
    "While", "Meanwhile", "However", "According", "Since", "As", "If", "Officials", "Some", "Many",
}

_AFTER_CLOCK_TIME = frozenset({"GMT", "UTC", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                               "Sunday"})
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])")
_PARA_RE = re.compile(r"\n[ \t]*\n\s*")
_LETTERS_DOT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_NEXT_WORD_RE = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z0-9]+)")
_NEXT_CHAR_RE = re.compile(r"\s*(\S?)")
_LINE_RE = re.compile(r"\n")
FIGURE_LINE_RE = re.compile(r"(?:(?:over|more\s+than|nearly|almost|about|at\s+least)\s+)?[\d][\d,.]*\s*"
                             r"(?:%|percent|million|billion|thousand|m|bn|k)?\+?", re.I)
MAX_SENTENCE = 1500
_TAIL = 80  # an abbreviation or a decimal is judged on the last characters before the period


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int  # 0-based index in the document
    paragraph: int  # 0-based paragraph index


class Paragraphs(Sequence):
    """(start, end) of each paragraph of a text, as a sequence of tuples kept in two arrays of machine
    integers (a long document has a paragraph every few hundred characters: a list of tuples costs
    some 100 bytes each, these 16)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], strict=True))
        return self.starts[i], self.ends[i]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)


# a longer text's paragraphs are kept in arrays (a list's tuples are quicker to read)
_ARRAYS_ABOVE = 1 << 17


def split_paragraphs(text: str) -> list[tuple[int, int]] | Paragraphs:
    """(start, end) of each non-empty paragraph."""
    out = Paragraphs() if len(text) > _ARRAYS_ABOVE else None
    short = []
    pos = 0
    for m in chain(_PARA_RE.finditer(text), (None,)):
        s, e = _strip(text, pos, m.start() if m else len(text))
        if e > s:
            if out is None:
                short.append((s, e))
            else:
                out.starts.append(s)
                out.ends.append(e)
        if m:
            pos = m.end()
    return short if out is None else out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_abbreviation(chunk: str, text: str, end: int) -> bool:
    """Whether the period that ends ``chunk`` (which ends with one) belongs to an abbreviation."""
    # the letters and dots before the final period, from the first letter on
    body = chunk[:-1]
    word = body[len(body.rstrip(_LETTERS_DOT)):].lstrip(".")
    if not word:
        return False
    low = word.lower()
    nxt = _NEXT_WORD_RE.match(text, end)
    next_word = nxt.group(1) if nxt else ""
    if "." in word:  # U.S., U.N., a.m., e.g.
        if low in ("a.m", "p.m"):
            # ("10 a.m. (0400 GMT), the company said": the time in another zone, in brackets, goes on; so
            # does its day, "shortly before 10 p.m. Monday in the sleeping quarters"; and a figure, which news
            # style never opens a sentence with: "reported that as of 4 p.m. 16 civilians had been killed")
            return next_word[:1].islower() or next_word[:1].isdigit() or next_word in _AFTER_CLOCK_TIME \
                or nxt is not None and "(" in nxt.group(0)
        return next_word not in SENTENCE_STARTERS
    if len(word) == 1 and word.isupper():  # initials
        return True
    if low in ABBREVIATIONS:
        if low in ("no", "nos", "nr"):
            return next_word[:1].isdigit()
        if low in ("etc", "co", "inc", "ltd", "corp", "jr", "sr"):
            return next_word not in SENTENCE_STARTERS and not next_word[:1].isupper()
        return True
    return False


def _split_lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a paragraph at line breaks that end a heading-like line."""
    out = []
    pos = s
    for m in _LINE_RE.finditer(text, s, e):
        i = m.start()
        # only the last few hundred characters matter: a longer line is not short (linear time)
        line = text[max(pos, i - 400):i].strip()
        nxt = _NEXT_CHAR_RE.match(text, i + 1, e).group(1)
        if not line:
            pos = i + 1
            continue
        ends = line[-1] in ".!?:;\"”'’)"
        short = i - pos <= 400 and len(line.split()) <= 14
        # (a short line before one that opens on a figure is a list line: "1,400 People killed in Israel"; but a
        # line that is only a figure belongs with the label under it: "8,525\nPalestinians killed in Gaza")
        if FIGURE_LINE_RE.fullmatch(line):
            continue
        if ends or (short and (nxt.isupper() or nxt.isdigit())) or (nxt and nxt in "-*•#"):
            out.append((pos, i))
            pos = i + 1
    out.append((pos, e))
    return [_strip(text, a, b) for a, b in out if text[a:b].strip()]


def split_sentences(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """All sentences of ``text`` with offsets, document-wide index and paragraph index.
    ``paragraphs``: ``split_paragraphs(text)`` when the caller has it already."""
    return list(iter_sentences(text, paragraphs))


def iter_sentences(text: str, paragraphs: list[tuple[int, int]] | None = None, source: str | None = None
                   ) -> Iterator[Sentence]:
    """The sentences of :func:`split_sentences`, one at a time (a large document's sentences are
    never all held at once).  ``source``: a text of the same length whose slices become the
    sentences' text (the original of a masked ``text``); ``text`` itself by default."""
    out: _Counted = _Counted(text if source is None else source)
    for p_idx, (ps, pe) in enumerate(split_paragraphs(text) if paragraphs is None else paragraphs):
        for ls, le in _split_lines(text, ps, pe):
            pos = ls
            for m in _END_RE.finditer(text, ls, le):
                end = m.end()
                chunk = text[max(pos, end - _TAIL):end]
                core = chunk.rstrip("\"'”’)]")
                if core.endswith(".") and _is_abbreviation(core, text, end):
                    continue
                if core[-2:-1].isdecimal() and core.endswith(".") and _DIGIT_AFTER_SPACE_RE.match(text[end:end + 3]):
                    continue
                yield from _emit(text, pos, end, p_idx, out)
                pos = end
            yield from _emit(text, pos, le, p_idx, out)


class _Counted:
    """The sentences made so far (how many) and the text their own text is sliced from."""

    __slots__ = ("n", "source")

    def __init__(self, source: str) -> None:
        self.n = 0
        self.source = source

    def make(self, a: int, b: int, p_idx: int) -> Sentence:
        self.n += 1
        return Sentence(a, b, self.source[a:b], self.n - 1, p_idx)


def _emit(text: str, pos: int, end: int, p_idx: int, out: _Counted) -> Iterator[Sentence]:
    """The sentence ``text[pos:end]`` (stripped), cut into pieces of at most MAX_SENTENCE."""
    s, e = _strip(text, pos, end)
    while e - s > MAX_SENTENCE:
        cut = _cut_point(text, s, s + MAX_SENTENCE)
        a, b = _strip(text, s, cut)
        if b > a:
            yield out.make(a, b, p_idx)
        s, e = _strip(text, cut, e)
    if e > s:
        yield out.make(s, e, p_idx)


def _cut_point(text: str, s: int, limit: int) -> int:
    """Where to cut an over-long sentence ``text[s:...]`` at or before ``limit``: after the last
    ``;``, else the last ``,``, else the last space in its second half, else at ``limit``."""
    half = s + (limit - s) // 2
    for ch in (";", ",", " ", "\n", "\t"):
        i = text.rfind(ch, half, limit)
        if i >= 0:
            return i + 1
    return limit
