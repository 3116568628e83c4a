"""Fast scanning for regexes that start with one of a known set of words.

Python's ``re`` tries a pattern like ``\\b(?:yesterday|since|between|...)`` at every character of the
text. Here the text's tokens are indexed once (word -> positions, shared by every scanner), and a
scanner tries its full pattern only at the positions of the words it can start with. Results
equal ``pattern.finditer`` for patterns whose matches always begin at such a word, a digit, or
one of the characters in ``SPECIAL``.
"""

from __future__ import annotations

import re
import weakref
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, repeat
from operator import add, mul

__all__ = ["Anchored", "AnchoredSet", "SPECIAL", "cached_index", "first_words", "index_key", "index_part", "release",
           "split_by_start"]

SPECIAL = ".+½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# tokens: runs of ASCII letters (keyed lower-case), runs of digits (keyed "#"), SPECIAL characters
_WORD_RE = re.compile(r"[A-Za-z]+")
_DIGITS_RE = re.compile(r"\d+")
_SPECIAL_RE = re.compile("[" + re.escape(SPECIAL) + "]")
# all three at once, cutting a text into [gap, token, gap, token, ..., gap] (no match object per token): a
# lower-cased ASCII text, and any text
_TOKEN_SPLIT_RE = re.compile("([a-z]+|[0-9]+|[" + re.escape(SPECIAL) + "])")
_TOKEN_ANY_SPLIT_RE = re.compile(r"([A-Za-z]+|\d+|[" + re.escape(SPECIAL) + "])")
_DIGIT = "#"
# positions are kept in arrays of machine integers (8 bytes each, against 36 for a list of ints): a
# large document has a token position every few characters, and its index lives while it is read
_POS = "q"
# ... and a text's index in 4 bytes each (its positions are below 2**31 but for a text of 2 GB)
_IDX = "i"
_CACHE: list[tuple[str, dict[str, list[int]]]] = []  # a few recent texts, most recent last
# the last parts of texts indexed by ``index_part`` (kept apart: a long text's stretches, read in turn,
# must not push the index of the text itself out of _CACHE)
_PARTS: list[tuple[str, dict[str, list[int]]]] = []
# the words any scanner asks about (start words, prefilter words, guard words): only these are indexed
_WANTED: set[str] = set()
# the keys a token is indexed by as it is: the words wanted and the SPECIAL characters
_KEYS: set[str] = set(SPECIAL)
_SCANNERS: weakref.WeakSet = weakref.WeakSet()  # every live scanner (see release)


def index_key(word: str) -> str:
    """The key a table word is found by: the word index holds letter runs, so "don't" is found at "don"."""
    m = _WORD_RE.match(word)
    return m.group(0) if m else word


def _want(words: Iterable[str]) -> None:
    new = {w for w in words if w not in _WANTED}
    if new:
        _WANTED.update(new)
        _KEYS.update(new)
        _CACHE.clear()  # indexes built before lack the new words
        _PARTS.clear()


def release() -> None:
    """Forget every text's index and candidates (a document read to its end): what is kept for a
    large text would otherwise live on until a few more texts have been scanned."""
    _CACHE.clear()
    _PARTS.clear()
    for sc in list(_SCANNERS):
        sc._last = (None, [])


def _index(text: str) -> dict[str, list[int]]:
    for t, idx in _PARTS:
        if t is text:
            return idx
    for t, idx in reversed(_CACHE):  # most recent last
        if t is text:
            return idx
    if len(text) >= _LISTS_BELOW:
        idx = _long_index(text)
    else:
        idx = _short_index(text) if text.isascii() else _short_index_any(text)
    _CACHE.append((text, idx))
    if len(_CACHE) > 4:
        del _CACHE[0]
    return idx


# a text shorter than this has its positions in lists (a few KB at most; cheaper to make than arrays)
_LISTS_BELOW = 1 << 14


def _tokens(split_re: re.Pattern, text: str) -> tuple[list[str], list[int]]:
    """The tokens ``split_re`` (a pattern of one group) cuts ``text`` into, and their offsets (summed from the
    lengths of the pieces)."""
    parts = split_re.split(text)
    return parts[1::2], list(accumulate(map(len, parts), initial=0))[1:-1:2]


def _short_index(text: str) -> dict[str, list[int]]:
    """``_long_index`` of a short ASCII text, in lists, from one split of it into tokens."""
    toks, starts = _tokens(_TOKEN_SPLIT_RE, text.lower())  # (lower-casing ASCII text keeps offsets)
    idx: dict[str, list[int]] = {}
    get = idx.get
    keys = _KEYS
    digits = []
    for tok, p in zip(toks, starts, strict=True):
        if tok in keys:
            lst = get(tok)
            if lst is None:
                idx[tok] = [p]
            else:
                lst.append(p)
        elif tok < ":":  # a run of digits (letters sort after ":", and every SPECIAL character is a key)
            digits.append(p)
    if digits:
        idx[_DIGIT] = digits
    return idx


def _short_index_any(text: str) -> dict[str, list[int]]:
    """``_long_index`` of a short text, in lists (its ASCII-letter words lower-cased one by one: other
    letters may change the length of the text when it is lower-cased)."""
    toks, starts = _tokens(_TOKEN_ANY_SPLIT_RE, text)
    idx: dict[str, list[int]] = {}
    get = idx.get
    keys = _KEYS
    digits = []
    for tok, p in zip(toks, starts, strict=True):
        if tok[0].isdecimal():  # (what \d matches)
            digits.append(p)
            continue
        key = tok.lower()  # (ASCII letters, or a SPECIAL character)
        if key in keys:
            lst = get(key)
            if lst is None:
                idx[key] = [p]
            else:
                lst.append(p)
    if digits:
        idx[_DIGIT] = digits
    return idx


def _long_index(text: str) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = {}
    get = idx.get
    wanted = _WANTED
    # lower-casing ASCII text keeps offsets, so its words are read lower-cased already; other text may
    # change length when lower-cased, so its (ASCII-letter) words are lower-cased one by one
    tc = _IDX if len(text) < 2**31 else _POS
    ascii_text = text.isascii()
    for base, part in (_lowered(text) if ascii_text else ((0, text),)):
        for m in _WORD_RE.finditer(part):
            tok = m.group() if ascii_text else m.group().lower()
            if tok in wanted:
                lst = get(tok)
                if lst is None:
                    idx[tok] = array(tc, (base + m.start(),))
                else:
                    lst.append(base + m.start())
    digits = array(tc, (m.start() for m in _DIGITS_RE.finditer(text)))
    if digits:
        idx[_DIGIT] = digits
    for m in _SPECIAL_RE.finditer(text):
        tok = m.group()
        lst = get(tok)
        if lst is None:
            idx[tok] = array(tc, (m.start(),))
        else:
            lst.append(m.start())
    return idx


def _lowered(text: str, block: int = 1 << 16) -> Iterator[tuple[int, str]]:
    """(offset, lower-cased piece) of the ASCII ``text``, ``block`` characters or so at a time, cut
    between words (not one lower-cased copy of a long text at once)."""
    lo, n = 0, len(text)
    while lo < n:
        hi = lo + block
        while hi < n and text[hi - 1].isalpha() and text[hi].isalpha():
            hi += 1
        yield lo, text[lo:hi].lower()
        lo = hi


def index_like(derived: str, base: str, dots: list[int]) -> None:
    """Cache the token index of ``derived``, which is ``base`` with the "." at ``dots`` replaced by a
    character that is no token (a letter, digit or ``SPECIAL`` one): the same index without those
    "." positions. Nothing is done when ``base`` has no cached index."""
    idx = next((i for t, i in reversed(_CACHE) if t is base), None)
    if idx is None:
        return
    if any(derived[p] in SPECIAL or derived[p].isalnum() for p in dots) or len(derived) != len(base):
        return  # (not such a copy: it is indexed on its own when asked for)
    new = dict(idx)
    removed = set(dots)
    kept = [p for p in idx.get(".", ()) if p not in removed]
    if isinstance(idx.get("."), array):
        kept = array(idx["."].typecode, kept)
    if kept:
        new["."] = kept
    else:
        new.pop(".", None)
    _CACHE.append((derived, new))
    if len(_CACHE) > 4:
        del _CACHE[0]


def cached_index(text: str) -> dict[str, list[int]] | None:
    """The token index of ``text`` if one is cached, else None."""
    return next((i for t, i in reversed(_CACHE) if t is text), None)


def index_part(part: str, base: str, lo: int, idx: dict[str, list[int]]) -> None:
    """Cache the token index of ``part``, which is ``base[lo:lo + len(part)]``, cut from ``idx``, the
    token index of ``base`` (far cheaper than reading ``part`` again). Nothing is done when ``part``
    starts or ends inside a token of ``base`` (then ``part`` has tokens of its own)."""
    hi = lo + len(part)
    if any(t is part for t, _ in _PARTS) or _cuts_token(base, lo) or _cuts_token(base, hi):
        return
    new = {}
    for k, pos in idx.items():
        i, j = bisect_left(pos, lo), bisect_left(pos, hi)
        if i < j:
            new[k] = array(pos.typecode if isinstance(pos, array) else _POS,
                           map(lo.__rsub__, pos[i:j]))  # (p - lo for each p)
    _PARTS.append((part, new))
    if len(_PARTS) > 2:
        del _PARTS[0]


def _cuts_token(text: str, pos: int) -> bool:
    """Whether ``pos`` falls inside a run of letters or digits of ``text`` (a token of the index)."""
    if pos <= 0 or pos >= len(text):
        return False
    a, b = text[pos - 1], text[pos]
    return (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()) or (a.isdecimal() and b.isdecimal())


# a text longer than this has its scanners' candidates merged a block of positions at a time: sorting
# them all at once takes a list of every one (some 40 bytes each, against 8 in the array)
_MERGE_ABOVE = 1 << 17
_BLOCK = 1 << 16


def _merged(arrays: list[array], top: int, block: int) -> array:
    """The values of the sorted ``arrays`` (all below ``top``) in one sorted array (of 4-byte integers
    when they fit), gathered ``block`` values at a time."""
    out = array(_IDX if top < 2**31 else _POS)
    at = [0] * len(arrays)
    for lo in range(block, top + block, block):
        chunk = []
        for i, a in enumerate(arrays):
            s = at[i]
            if s < len(a) and a[s] < lo:
                e = bisect_left(a, lo, s)
                chunk.extend(a[s:e])
                at[i] = e
        chunk.sort()
        out.extend(chunk)
    return out


class Anchored:
    """``finditer``/``search`` for ``pattern``, tried only at candidate starts.

    ``words``: lower-case words a match can start with; ``digits``: a match can start with a digit;
    ``chars``: characters (from ``SPECIAL``) a match can start with. Optional prefilters, checked
    once per text: ``needs`` (index keys: lower-case words or ``SPECIAL`` characters, at least one of
    which every match contains as a whole token) and ``needs_text`` (a substring every match contains).
    ``guards``: index key (a lower-case word, a ``SPECIAL`` character, or ``"digits"``) -> a cheap pattern
    that matches at every start of that key where the full pattern can match (a necessary condition);
    the key's starts that fail it are dropped once per text instead of being tried with the full pattern.
    ``by_word``: start key (a word, ``"digits"`` or a character) -> the part of ``pattern`` that can match
    there, for each key (for a big alternation: each start is tried with the alternatives that can start
    there only, see ``split_by_start``).
    """

    def __init__(self, pattern: str | re.Pattern, words: Iterable[str], flags: int = 0, digits: bool = False,
                 chars: str = "", needs: Iterable[str] = (), needs_text: str = "",
                 guards: dict[str, str | re.Pattern] | None = None,
                 by_word: dict[str, re.Pattern] | None = None) -> None:
        if any(c not in SPECIAL for c in chars):
            raise ValueError(f"Anchored: start characters must be among {SPECIAL!r}")
        self.rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        keys = {w.lower() for w in words} | set(chars)
        if digits:
            keys.add(_DIGIT)
        # (a set, not a frozenset: ``idx.keys() & self.keys`` runs over the smaller of the two for a set only)
        self.keys = set(keys)
        self.needs = tuple(w if w in SPECIAL else w.lower() for w in needs)
        self.needs_text = needs_text
        self.guards = {(_DIGIT if k == "digits" else k.lower()): (g if isinstance(g, re.Pattern) else re.compile(g))
                       for k, g in (guards or {}).items()}
        self.by_word = {(_DIGIT if k == "digits" else k if k in SPECIAL else k.lower()): v
                        for k, v in by_word.items()} if by_word else None
        if self.by_word is not None and set(self.by_word) != self.keys:
            raise ValueError("Anchored: by_word needs one pattern for each start key")
        self._pats = list(self.by_word.values()) if self.by_word is not None else []
        self._slot = {k: j for j, k in enumerate(self.by_word)} if self.by_word is not None else {}
        _want(self.keys | set(self.needs) | set(self.guards))
        self._last: tuple[str | None, list] = (None, [])
        _SCANNERS.add(self)

    def _candidates(self, text: str) -> list:
        if self._last[0] is text:
            return self._last[1]
        idx = _index(text)
        if (self.needs and idx.keys().isdisjoint(self.needs)) or (self.needs_text and self.needs_text not in text):
            self._last = (text, [])
            return []
        present = idx.keys() & self.keys  # (a set intersection in C)
        guards = self.guards
        if self.by_word is not None:
            # each start with the pattern of its key, as one integer: start * len(keys) + the key's
            # slot (a position starts one token only, so these sort by position)
            slot, n = self._slot, len(self._pats)
            parts = []
            if len(text) <= _MERGE_ABOVE:
                for k in present:
                    j = slot[k]
                    g = guards.get(k)
                    parts.append([p * n + j for p in idx[k] if g is None or g.match(text, p)])
                cands = sorted(chain.from_iterable(parts))
                if len(text) >= _LISTS_BELOW:
                    cands = array(_POS, cands)
            else:  # (a long text: no list of every candidate)
                tc = _IDX if len(text) * n < 2**31 else _POS
                for k in present:
                    g = guards.get(k)
                    pos = idx[k] if g is None else (p for p in idx[k] if g.match(text, p))
                    parts.append(array(tc, map(add, map(mul, pos, repeat(n)), repeat(slot[k]))))  # p * n + slot
                cands = _merged(parts, len(text) * n, _BLOCK * n)
            self._last = (text, cands)
            return cands
        lists = []
        for k in present:
            g = guards.get(k)
            if g is None:
                lists.append(idx[k])
            else:
                m = g.match
                pos = idx[k]
                if isinstance(pos, list):
                    lists.append([p for p in pos if m(text, p)])
                else:
                    lists.append(array(pos.typecode, (p for p in pos if m(text, p))))
        if len(lists) <= 1:
            cands = lists[0] if lists else []
        elif len(text) < _LISTS_BELOW:
            cands = sorted(chain.from_iterable(lists))
        elif len(text) <= _MERGE_ABOVE:
            cands = array(_POS, sorted(chain.from_iterable(lists)))
        else:
            cands = _merged(lists, len(text), _BLOCK)
        self._last = (text, cands)
        return cands

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match]:
        hi = len(text) if hi is None else hi
        cands = self._last[1] if self._last[0] is text else self._candidates(text)
        if self.by_word is not None:
            n = len(self._pats)
            i = bisect_left(cands, lo * n)
            if i == len(cands) or cands[i] >= hi * n:
                return iter(())
            return self._iter_by_word(text, cands, i, lo, hi)
        i = bisect_left(cands, lo)
        if i == len(cands) or cands[i] >= hi:
            return iter(())  # no candidate start in range: no generator to run
        return self._iter(text, cands, i, lo, hi)

    def _iter(self, text: str, cands: list[int], first: int, lo: int, hi: int) -> Iterator[re.Match]:
        last = lo
        match = self.rx.match
        for i in range(first, len(cands)):
            s = cands[i]
            if s >= hi:
                break
            if s < last:
                continue
            m = match(text, s, hi)
            if m:
                yield m
                last = m.end() if m.end() > s else s + 1

    def _iter_by_word(self, text: str, cands: array, first: int, lo: int, hi: int) -> Iterator[re.Match]:
        last = lo
        pats, n = self._pats, len(self._pats)
        for i in range(first, len(cands)):
            s, j = divmod(cands[i], n)
            rx = pats[j]
            if s >= hi:
                break
            if s < last:
                continue
            m = rx.match(text, s, hi)
            if m:
                yield m
                last = m.end() if m.end() > s else s + 1

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> re.Match | None:
        return next(self.finditer(text, lo, hi), None)


class AnchoredSet:
    """Several scanners of words, each a table start word -> pattern to try there (like ``Anchored``'s
    ``by_word``; a plain ``Anchored`` of ``words`` is the table mapping each word to its pattern), run
    together: one candidate list per text and one pass per range instead of one per scanner.
    ``matches(text, lo, hi)[i]`` is what scanner ``i`` alone would find in ``text[lo:hi]``."""

    def __init__(self, tables: list[dict[str, re.Pattern]]) -> None:
        self.count = len(tables)
        self.by_key: dict[str, list[tuple[int, re.Pattern]]] = {}
        for i, table in enumerate(tables):
            for w, rx in table.items():
                self.by_key.setdefault(w.lower(), []).append((i, rx))
        _want(self.by_key)
        self._entries = list(self.by_key.values())
        self._slot = {k: j for j, k in enumerate(self.by_key)}
        self._keys = set(self.by_key)  # (see Anchored.keys)
        self._last: tuple[str | None, list] = (None, [])
        _SCANNERS.add(self)

    def matches(self, text: str, lo: int, hi: int) -> dict[int, list[re.Match]]:
        """Scanner number -> its matches in ``text[lo:hi]`` (scanners without one are left out)."""
        if self._last[0] is not text:
            idx = _index(text)
            slot, n = self._slot, len(self._entries)
            # each start with its key's [(scanner, pattern), ...] as one integer, start * len(keys) +
            # the key's slot: a start is one word, so these sort by position
            if len(text) < _LISTS_BELOW:
                self._last = (text, sorted([p * n + slot[k] for k in idx.keys() & self._keys for p in idx[k]]))
            elif len(text) <= _MERGE_ABOVE:
                self._last = (text, array(_POS, sorted([p * n + slot[k] for k in idx.keys() & self._keys
                                                        for p in idx[k]])))
            else:  # (a long text: no list of every candidate)
                tc = _IDX if len(text) * n < 2**31 else _POS
                self._last = (text, _merged([array(tc, map(add, map(mul, idx[k], repeat(n)), repeat(slot[k])))
                                             for k in idx if k in slot],
                                            len(text) * n, _BLOCK * n))
        cands = self._last[1]
        entries_of, n = self._entries, len(self._entries)
        first = bisect_left(cands, lo * n)
        out: dict[int, list[re.Match]] = {}
        if first == len(cands) or cands[first] >= hi * n:
            return out
        last = [lo] * self.count  # scanner -> where its next match may start (its matches do not overlap)
        for j in range(first, len(cands)):
            s, e = divmod(cands[j], n)
            if s >= hi:
                break
            entries = entries_of[e]
            for i, rx in entries:
                if s < last[i]:
                    continue
                m = rx.match(text, s, hi)
                if m:
                    found = out.get(i)
                    if found is None:
                        out[i] = [m]
                    else:
                        found.append(m)
                    last[i] = m.end() if m.end() > s else s + 1
        return out


def _expand(items: list, limit: int, in_word: bool = False) -> list[list] | None:
    """Expand groups and branches standing at the start of the parsed regex ``items``, or inside its
    first word (``claim(?:ed|s|)``, as re's parser factors a common prefix out of ``claimed|claims|claim``),
    and an optional group before it (``(?:IPC\\s+)?Phase``), into flat sequences (None: more than
    ``limit``)."""
    from re import _constants as c

    if not items:
        return [[]]
    op, av = items[0]
    rest = items[1:]
    if (op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT) and not in_word:  # (zero-width)
        got = _expand(rest, limit)
        return None if got is None else [[items[0]] + g for g in got]
    if op is c.LITERAL and chr(av).isascii() and chr(av).isalpha():
        got = _expand(rest, limit, True)
        return None if got is None else [[items[0]] + g for g in got]
    if op is c.SUBPATTERN:
        return _expand(list(av[3]) + rest, limit, in_word)
    if op is c.BRANCH:
        out = []
        for branch in av[1]:
            got = _expand(list(branch) + rest, limit, in_word)
            if got is None or len(out) + len(got) > limit:
                return None
            out += got
        return out
    if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1 and not in_word:
        with_it, without = _expand(list(av[2]) + rest, limit), _expand(rest, limit)
        if with_it is None or without is None or len(with_it) + len(without) > limit:
            return None
        return with_it + without
    return [items]


def _parse(pattern: str | re.Pattern) -> list | None:
    from re import _parser

    src = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        return list(_parser.parse(src, flags))
    except re.error:
        return None


def first_words(pattern: str | re.Pattern, limit: int = 200) -> set[str] | None:
    """The lower-case words every match of ``pattern`` starts with, read from the parsed regex
    (``\\b(?:death|number)\\s+...`` -> {"death", "number"}), or None when that cannot be shown
    (a match may start elsewhere or end its first word inside a token)."""
    from re import _constants as c

    seq = _parse(pattern)
    alts = None if seq is None else _expand(seq, limit)
    if not alts:
        return None
    words = set()
    for alt in alts:
        word = ""
        i = 0
        while i < len(alt) and alt[i] == (c.AT, c.AT_BOUNDARY):
            i += 1
        if i == 0:
            return None  # no word boundary: a match could start inside a word
        while i < len(alt) and alt[i][0] is c.LITERAL and chr(alt[i][1]).isascii() and chr(alt[i][1]).isalpha():
            word += chr(alt[i][1])
            i += 1
        if not word or i >= len(alt) or not _ends_word(alt[i], c):
            return None
        words.add(word.lower())
    return words


def _top_level_alternatives(src: str) -> list[str]:
    """``src`` split at the "|" outside any group or character class."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 + (src[i + 1:i + 2] == "^")
            i += src[i:i + 1] == "]"  # (a "]" first in a class is a literal)
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(src[start:i])
            start = i + 1
        i += 1
    out.append(src[start:])
    return out


def split_by_start(pattern: re.Pattern, keys: Iterable[str], limit: int = 5000) -> dict[str, re.Pattern]:
    """For ``pattern``, an alternation at its top level: start key (a lower-case word, ``"digits"`` or a
    ``SPECIAL`` character) -> the pattern of the alternatives, in their order, that can match where that
    key's token starts (``by_word`` of ``Anchored``). At such a position the first alternative that
    matches is the same, so the match is the same (bar ``lastindex``; ``lastgroup`` is kept when each
    alternative is a named group). An alternative is left out for a word only when every way it can
    start reads letters that are no prefix of the word (or a whole word, then ended, that is not it);
    for a digit or a character, when every way reads a letter first."""
    from re import _constants as c

    alts = _top_level_alternatives(pattern.pattern)
    # per alternative, for each way it can start: (the letters it reads first, whether a word ends right
    # after them, whether without letters it needs a digit first); None when not known (then it is
    # tried at every key)
    starts: list[list[tuple[str, bool, bool]] | None] = []
    for alt in alts:
        seq = _parse(re.compile(alt, pattern.flags))
        ways = None if seq is None else _expand(seq, limit)
        if ways is not None:
            info = []
            for way in ways:
                i = 0
                while i < len(way) and way[i][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):  # (zero-width)
                    i += 1
                word = ""
                while i < len(way) and way[i][0] is c.LITERAL and chr(way[i][1]).isascii() \
                        and chr(way[i][1]).isalpha():
                    word += chr(way[i][1])
                    i += 1
                info.append((word.lower(), bool(word) and i < len(way) and _ends_word(way[i], c),
                             not word and i < len(way) and _digit_first(way[i], c)))
            ways = info
        starts.append(ways)
    out: dict[str, re.Pattern] = {}
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    for key in keys:
        chosen = tuple(j for j, ways in enumerate(starts)
                       if ways is None or any(_may_start(key, *way) for way in ways))
        if chosen not in compiled:
            compiled[chosen] = re.compile("|".join(alts[j] for j in chosen), pattern.flags) if chosen \
                else re.compile(r"(?!)")
        out[key] = compiled[chosen]
    return out


def _may_start(key: str, letters: str, whole: bool, digit: bool) -> bool:
    """Whether a way to start (see ``split_by_start``) can match where the token of ``key`` starts."""
    if key == "digits":
        return not letters
    if key.isalpha():
        word = key.lower()
        return (word == letters if whole else word.startswith(letters)) and not digit
    return not letters and not digit  # a SPECIAL character


def _digit_first(item, c) -> bool:
    """Whether the regex item ``item`` can only match starting with a digit."""
    op, av = item
    if op is c.LITERAL:
        return chr(av).isdigit()
    if op is c.IN:
        return av == [(c.CATEGORY, c.CATEGORY_DIGIT)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        return lo >= 1 and len(body) >= 1 and _digit_first(list(body)[0], c)
    return False


def _ends_word(item, c) -> bool:
    """Whether the regex item ``item`` can only match where a word has ended."""
    op, av = item
    if op is c.LITERAL:
        return not chr(av).isalnum()
    if op is c.AT:
        return av is c.AT_BOUNDARY
    if op is c.IN:
        return all(k is c.CATEGORY and v is c.CATEGORY_SPACE or k is c.LITERAL and not chr(v).isalnum()
                   for k, v in av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        return lo >= 1 and len(body) >= 1 and _ends_word(list(body)[0], c)
    return False
