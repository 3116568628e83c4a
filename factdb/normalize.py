"""Normalised keys for names, subjects and locations (pure functions).

Keys decide what counts as "the same" source, speaker, subject or location,
so claims from different outlets fall into one series.  Editors extend the
equivalences with aliases stored in the database (``factdb alias add``).
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
# words that add nothing to a subject's identity ("people" in "Palestinian people")
_SUBJECT_FILLER = {"people", "persons", "person", "individuals", "civilians?"}
_IRREGULAR = {
    "children": "child",
    "people": "people",
    "women": "woman",
    "men": "man",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "news": "news",
}


def fold(text: str | None) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'s ", " ").replace("’s ", " ")
    return _NON_WORD.sub(" ", text.casefold()).strip()


def key(name: str | None) -> str:
    """Key of a source or speaker name: "The U.N." and "UN" both give "un"."""
    s = fold(name.replace(".", "") if name else name)
    return _LEADING_ARTICLE.sub("", s)


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def subject_key(subject: str | None) -> str:
    """"Palestinians", "the Palestinian people" and "palestinian" share a key."""
    words = [singular(w) for w in key(subject).split()]
    kept = [w for w in words if w not in _SUBJECT_FILLER]
    return " ".join(kept or words)


def location_key(location: str | None) -> str:
    s = key(location)
    s = re.sub(r"\b(strip|city|province|governorate|region|oblast)$", "", s).strip()
    return s
