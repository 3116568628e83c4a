"""The controlled set of subjects a series may be keyed by (pure, data-driven).

A claim's subject as the extractor read it can be anything: "Palestinians",
"children", or a fragment of a headline.  Series keys take it only when it
names a counted noun of the vocabulary in ``factdb/extract/data/subjects.json``
(extended by the ``subjects``, ``peoples`` and ``subject_defaults`` sections
of extra lexicon files); otherwise the claim is keyed by its metric's default
subject, so a stray fragment can never open a timeline of its own.

Keys are computed from the stored ``subject_key`` (``normalize.subject_key``),
so a change of vocabulary regroups every claim retroactively, like an alias.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from . import normalize

_ARTICLES = ("the", "a", "an")
_FUNCTION_WORDS = frozenset({"on", "in", "of", "at", "for", "by", "from", "with", "to", "after", "over", "into",
                             "and", "or", "as", "than", "who", "that", "which", "were", "was", "have", "had"})


def _norm(text: str) -> str:
    """A vocabulary word in the form ``normalize.subject_key`` gives: folded, singular, no article."""
    words = [normalize.singular(w) for w in normalize.fold(text).split()]
    if words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class Vocabulary:
    """Counted nouns (word -> canonical subject), names of peoples and each metric's default."""

    words: dict[str, str] = field(default_factory=dict)
    peoples: set[str] = field(default_factory=set)
    defaults: dict[str, str] = field(default_factory=dict)
    fallback: str = "people"

    def add(self, data: dict) -> None:
        for canonical, names in (data.get("subjects") or {}).items():
            canon = _norm(canonical)
            self.words.setdefault(canon, canon)
            for name in [names] if isinstance(names, str) else names:
                self.words.setdefault(_norm(name), canon)
        self.peoples.update(_norm(p) for p in data.get("peoples") or ())
        for metric, subject in (data.get("subject_defaults") or {}).items():
            self.defaults[metric] = _norm(subject or "")

    def default(self, metric: str) -> str:
        return self.defaults.get(metric, self.fallback)

    def canonical(self, subject_key: str, metric: str, location_key: str = "",
                  extra: frozenset[str] = frozenset()) -> str:
        """The series subject for a stored subject key.

        ``extra`` holds subjects editors made canonical with aliases; they are
        kept as they are.  The people of the claim's place ("palestinian" in
        Gaza) stand for "people" there, as ``normalize.subject_key`` has it.
        """
        here = normalize.subject_key(None, location_key) if location_key else ""
        k = subject_key or ""
        if k in extra:
            return k
        words = k.split()
        people = None
        if len(words) > 1 and words[0] in self.peoples:
            people, words = words[0], words[1:]
        rest = " ".join(words)
        canon = self.words.get(rest)
        if canon is None and len(words) == 1 and words[0] in self.peoples:
            canon, people = words[0], None
        if canon is None and len(words) <= 4 and not _FUNCTION_WORDS.intersection(words):
            # the longest counted noun a short noun phrase ends with: "un aid worker";
            # never inside a clause ("strike on a school" names no school counted)
            for i in range(1, len(words)):
                canon = self.words.get(" ".join(words[i:]))
                if canon is not None:
                    break
        if canon is None:  # not a counted noun: the metric's default, whatever its modifiers
            canon, people = self.default(metric), None
        if canon == "people":
            canon = people or here
        elif people and people != here:
            canon = f"{people} {canon}"
        return canon


def _read_json(path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8)
def vocabulary(extra_paths: tuple[str, ...] = ()) -> Vocabulary:
    """The packaged vocabulary merged with the sections of extra lexicon files."""
    vocab = Vocabulary()
    # through the factdb package: importing factdb.extract would compile the whole extractor
    with resources.as_file(resources.files("factdb").joinpath("extract/data/subjects.json")) as p:
        vocab.add(_read_json(p))
    for path in extra_paths:
        vocab.add(_read_json(path))
    return vocab


def configured() -> Vocabulary:
    """The vocabulary with the lexicon files of the settings (``FACTDB_LEXICON``, factdb.toml)."""
    from .settings import load

    try:
        paths = tuple(load()["lexicon"])
    except Exception:  # noqa: BLE001 - a bad config is reported by the commands that need it
        paths = ()
    return vocabulary(paths)
