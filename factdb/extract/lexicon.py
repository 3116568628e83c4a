"""The metric vocabulary: which words around a number say what is being counted.

The default lexicon is the package data file ``factdb/extract/data/metrics.json``. Extra files
(``factdb extract --lexicon FILE``) use the same JSON format and are merged into it: lists are
appended, new metric names are added to the vocabulary.

File format::

    {
      "version": 1,
      "metrics": {
        "killed": {
          "before": ["killed", "death of", ...],    # trigger written BEFORE the number: "killed 15"
          "after":  ["were killed", "dead", ...],   # trigger written AFTER the number:  "15 dead"
          "verbs_before": ["kill", ...],            # verbs by lemma: every form ("kills", "killing")
          "verbs_after": ["die", ...],              # is a trigger on that side (see inflections.py)
          "nouns":  [...],                          # counted nouns ("hostages", "trucks"); weaker
                                                    # than event words, either side of the number
          "partitive": ["of the dead", ...],        # the group a share is taken from, after the
                                                    # number; weaker than event words too: "11 of
                                                    # the wounded died" is a count of the killed
          "regex_before": ["death\\s+toll\\b[^.]{0,100}?\\bto"],  # Python regexes, case-insensitive
          "regex_after":  [...]
        },
        ...
      }
    }

Every key inside a metric is optional. Phrases are matched case-insensitively at word
boundaries; a space in a phrase matches any run of whitespace and a trailing ``*`` matches any
word ending ("evacuat*"). A trigger only counts for a number it stands near (same clause, a few
words away, no other number in between); see ``claims.py`` for the binding rules. A number with
no trigger gets the metric ``other``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .anchored import AnchoredSet, first_words, index_key
from .inflections import LEMMA_KEYS, forms

__all__ = ["Lexicon", "Trigger", "load_lexicon", "METRICS"]

_SPACES_RE = re.compile(r"\s+")

# the controlled vocabulary shipped with the package
METRICS = ("killed", "injured", "displaced", "hostages", "released", "detained", "missing",
           "sheltering", "food_insecure", "aid", "destroyed", "other")

SIDES = {"before": ("before",), "after": ("after",), "nouns": ("before", "after"), "partitive": ("after",)}


@dataclass(frozen=True)
class Trigger:
    """One trigger occurrence in a sentence."""

    start: int
    end: int
    metric: str
    side: str  # before | after (where the trigger stands relative to the number it governs)
    priority: int  # 2 = event word ("killed"), 1 = counted noun ("hostages")


@dataclass
class Lexicon:
    """Compiled metric triggers. Build with :func:`load_lexicon`."""

    entries: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._compile()

    @property
    def metrics(self) -> tuple[str, ...]:
        names = list(METRICS)
        names += [m for m in self.entries if m not in names]
        return tuple(names)

    def _compile(self) -> None:
        # phrase -> list of (metric, side, priority); one alternation per side
        self._phrase_info: dict[tuple[str, str], list[tuple[str, int]]] = {}
        phrases: dict[str, set[str]] = {"before": set(), "after": set()}
        regexes: list[tuple[re.Pattern, set[str] | None, str, str, int]] = []
        for metric, spec in self.entries.items():
            for key, values in spec.items():
                if key.startswith("regex_"):
                    side = key[len("regex_"):]
                    for rx in values:
                        compiled = re.compile(rx, re.I)
                        words = first_words(compiled)
                        # tried only where one of its first words stands, when those can be read off
                        regexes.append((compiled, words, metric, side, 2))
                    continue
                if key in LEMMA_KEYS:
                    # verbs listed once, by lemma: every inflected form is a trigger on that side
                    side = key[len("verbs_"):]
                    for lemma in values:
                        for p in forms(lemma):
                            norm = _norm_phrase(p)
                            phrases[side].add(norm)
                            info = self._phrase_info.setdefault((side, norm), [])
                            if (metric, 2) not in info:  # (a form may also be listed as a phrase)
                                info.append((metric, 2))
                    continue
                if key not in SIDES:
                    continue
                prio = 1 if key in ("nouns", "partitive") else 2
                for side in SIDES[key]:
                    for p in values:
                        norm = _norm_phrase(p)
                        if not norm:
                            continue
                        phrases[side].add(norm)
                        self._phrase_info.setdefault((side, norm), []).append((metric, prio))
        # the scanners in output order: (kind, side, metric, priority, regex or None, start word -> pattern or None);
        # those with start words are run together, one AnchoredSet (a scanner per table)
        scanners = []
        for side, ps in phrases.items():
            if not ps:
                continue
            alts = sorted(ps, key=len, reverse=True)
            rx = _alternation(alts)
            firsts = {p.split(" ")[0] for p in ps}
            if any("*" in w for w in firsts):
                scanners.append(("phrase", side, None, 0, rx, None))
                continue
            # scan only at words a phrase can start with, each with the phrases of its word; a word is indexed by
            # its letters up to the first other character ("don't have enough to eat" starts at "don")
            grouped: dict[str, list[str]] = {}
            for p in alts:
                grouped.setdefault(index_key(p.split(" ")[0]), []).append(p)
            by_word = {w: _alternation(group) for w, group in grouped.items()}
            scanners.append(("phrase", side, None, 0, None, by_word))
        for compiled, words, metric, side, prio in regexes:
            scanners.append(("regex", side, metric, prio, None if words else compiled,
                             dict.fromkeys(words, compiled) if words else None))
        tables = [sc[5] for sc in scanners if sc[5] is not None]
        self._set = AnchoredSet(tables)
        self._scanners = []  # (kind, side, metric, priority, plain regex or the number of its table)
        k = 0
        for kind, side, metric, prio, rx, table in scanners:
            if table is not None:
                rx, k = k, k + 1
            self._scanners.append((kind, side, metric, prio, rx))
        self._plain = k < len(self._scanners)  # some scanner is a plain regex (no table)
        self.metric_names = frozenset(self.metrics)  # (asked once per document: built once here)

    def triggers(self, text: str, lo: int = 0, hi: int | None = None) -> list[Trigger]:
        """All trigger occurrences in ``text[lo:hi]`` (offsets into ``text``)."""
        hi = len(text) if hi is None else hi
        out: list[Trigger] = []
        found = self._set.matches(text, lo, hi)
        # (with no plain regex, only the scanners that found something, in their order)
        scanners = self._scanners if self._plain else [self._scanners[k] for k in sorted(found)]
        for kind, side, metric, prio, rx in scanners:
            ms = found.get(rx, ()) if isinstance(rx, int) else rx.finditer(text, lo, hi)
            if kind == "phrase":
                for m in ms:
                    key = _norm_phrase(m.group(0))
                    info = self._phrase_info.get((side, key))
                    if info is None:
                        info = self._lookup_wildcard(side, key)
                    for met, pri in info:
                        out.append(Trigger(m.start(), m.end(), met, side, pri))
            else:
                for m in ms:
                    if m.end() > m.start():
                        out.append(Trigger(m.start(), m.end(), metric, side, prio))
        if text.find("-", lo, hi) < 0:
            return out
        # a trigger joined by a hyphen to the word after it modifies that word: "789 aid-related deaths" counts deaths
        return [t for t in out if not (text[t.end:t.end + 1] == "-" and text[t.end + 1:t.end + 2].isalpha())]

    def _lookup_wildcard(self, side: str, key: str) -> list[tuple[str, int]]:
        for (s, p), info in self._phrase_info.items():
            if s == side and "*" in p and re.fullmatch(_phrase_pattern(p), key, re.I):
                return info
        return []


@lru_cache(maxsize=4096)
def _norm_phrase(p: str) -> str:
    return _SPACES_RE.sub(" ", p.strip().lower()).replace("’", "'")


def _alternation(phrases: list[str]) -> re.Pattern:
    """One pattern for ``phrases`` (longest first, so the longest phrase at a position wins)."""
    if all(p.isascii() and "*" not in p for p in phrases):
        body = _word_tree(phrases)
    else:
        body = "|".join(_phrase_pattern(p) for p in phrases)
    # (an apostrophe in a phrase is either apostrophe in the text: "don't" and "don’t")
    body = body.replace("'", "['’]")
    # (not the first part of a compound adjective: "famine-stricken camp", "quake-hit town")
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w]|-[A-Za-z])", re.I)


def _word_tree(phrases: list[str]) -> str:
    """The alternation of ``phrases`` (ASCII, no "*") as a tree of their words: "in\\s+(?:aid|humanitarian
    \\s+(?:aid|assistance))". It matches what the longest-first alternation matches: the phrases that can
    match at one position read one run of characters, so each is a prefix of the next longer one, and the tree
    tries longer words before shorter ones and a phrase's continuation before its end (backtracking, on a
    failed look-ahead, to the next shorter one). Re's parser factors out no "\\s+" shared by alternatives,
    so the flat alternation tries every phrase at every position."""
    tree: dict = {}
    for p in phrases:
        node = tree
        for w in p.split(" "):
            node = node.setdefault(w, {})
        node[""] = {}  # (a phrase ends here)
    return _subtree(tree)


def _subtree(node: dict) -> str:
    alts = []
    for w in sorted((w for w in node if w), key=lambda w: (-len(w), w)):
        child = node[w]
        if not any(child):
            alts.append(re.escape(w))
        else:
            rest = r"\s+" + _subtree(child)
            alts.append(re.escape(w) + (f"(?:{rest})?" if "" in child else rest))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _phrase_pattern(p: str) -> str:
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in p.split(" ")]
    return r"\s+".join(parts)


def _read(path) -> dict:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("metrics", {}), dict) or not (
            "metrics" in data or "subjects" in data or "subject_defaults" in data):
        raise ValueError(f"{path}: a lexicon file needs a top-level 'metrics' object "
                         "(or the 'subjects' sections of factdb.subjects)")
    return data.get("metrics", {})


def _merge(base: dict, extra: dict) -> dict:
    out = {m: {k: list(v) for k, v in spec.items()} for m, spec in base.items()}
    for metric, spec in extra.items():
        target = out.setdefault(metric, {})
        for key, values in spec.items():
            if isinstance(values, str):
                values = [values]
            target.setdefault(key, [])
            target[key] += [v for v in values if v not in target[key]]
    return out


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    path = resources.files("factdb.extract").joinpath("data/metrics.json")
    with resources.as_file(path) as p:
        return Lexicon(_read(p), sources=(str(p),))


def load_lexicon(extra_paths=None) -> Lexicon:
    """The package lexicon, merged with the JSON files in ``extra_paths`` (same format).

    The default lexicon (no extra files) is built once and cached.
    """
    if not extra_paths:
        return _default()
    if isinstance(extra_paths, (str, Path)):
        extra_paths = [extra_paths]
    base = _default()
    entries = base.entries
    for p in extra_paths:
        entries = _merge(entries, _read(p))
    return Lexicon(entries, sources=base.sources + tuple(str(p) for p in extra_paths))
