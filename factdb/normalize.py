"""Normalised keys for names, subjects and locations (pure functions).

Keys decide what counts as "the same" source, speaker, subject or location,
so claims from different outlets fall into one series.  Editors extend the
equivalences with aliases stored in the database (``factdb alias add``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


@lru_cache(maxsize=65536)  # pure and hot: called for every claim
def fold(text: str | None) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'s ", " ").replace("’s ", " ")
    return _NON_WORD.sub(" ", text.casefold()).strip()


# bodies named "X of FIELD" / "X in PLACE" are keyed as "PLACE FIELD X", so
# "Ministry of Health in Gaza", "Health Ministry in Gaza" and "Gaza's Health
# Ministry" all key as "gaza health ministry"
_BODY = r"(?:ministry|office|department|authority|agency|council|directorate|committee|commission|bureau|police|government)"
_BODY_IN_PLACE = re.compile(r"(.+?) in (?:the )?(.+)")
_BODY_OF_FIELD = re.compile(rf"(.*?)\b({_BODY}) of (?:the )?(.+)")


def _body_order(s: str) -> str:
    m = _BODY_IN_PLACE.fullmatch(s)
    if m and (re.search(rf"\b{_BODY}$", m.group(1)) or _BODY_OF_FIELD.fullmatch(m.group(1))):
        return f"{m.group(2)} {_body_order(m.group(1))}"
    m = _BODY_OF_FIELD.fullmatch(s)
    if m:
        return f"{m.group(1)}{m.group(3)} {m.group(2)}"
    return s


@lru_cache(maxsize=65536)  # pure and hot: called for every claim
def key(name: str | None) -> str:
    """Key of a source or speaker name: "The U.N." and "UN" both give "un";
    "Health Ministry in Gaza" and "Gaza Health Ministry" both give "gaza health ministry"."""
    s = fold(name.replace(".", "") if name else name)
    return _body_order(_LEADING_ARTICLE.sub("", s))


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# a place named after the subject belongs to the location: "Palestinians in Gaza"
_SUBJECT_PLACE = re.compile(r"\s+(?:in|from|inside)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*$")
# demonyms that name the same people as a subject key ("Gazans" = "Palestinians in Gaza")
_SUBJECT_EQUIVALENTS = {"gazan": "palestinian", "gaza resident": "palestinian", "gaza civilian": "palestinian"}


# words that name nobody in particular: "27,000 people", "the dead", "victims"
_GENERIC_SUBJECTS = {"people", "person", "dead", "death", "killed", "victim", "casualty", "fatality",
                     "body", "individual", "resident", "inhabitant", "population", "total", "toll"}
# the people of a place, the first being how the series is labelled: counted
# in that place without a subgroup, they are everyone there
_PEOPLE_OF = {
    "gaza": ("palestinian", "gazan"), "west bank": ("palestinian",), "palestine": ("palestinian",),
    "israel": ("israeli",), "ukraine": ("ukrainian",), "russia": ("russian",), "sudan": ("sudanese",),
    "syria": ("syrian",), "lebanon": ("lebanese",), "yemen": ("yemeni",), "iraq": ("iraqi",),
    "afghanistan": ("afghan",), "myanmar": ("burmese",), "haiti": ("haitian",),
    "somalia": ("somali",), "libya": ("libyan",), "turkey": ("turkish", "turk"), "iran": ("iranian",),
}


@lru_cache(maxsize=65536)  # pure and hot: called for every claim
def subject_key(subject: str | None, location: str | None = None) -> str:
    """"Palestinians", "the Palestinian people", "Palestinians in Gaza" and
    "Gazans" share a key.  A generic subject ("people", "the dead", none at
    all) counted in a place is that place's people ("palestinian" in Gaza),
    so a total and its restatements form one series while subgroups
    ("children", "journalists") stay apart; elsewhere it is the empty key."""
    if subject:
        subject = _SUBJECT_PLACE.sub("", subject) or subject
    words = [singular(w) for w in fold(subject.replace(".", "") if subject else subject).split()]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    kept = [w for w in words if w not in _SUBJECT_FILLER]
    k = " ".join(kept or words)
    k = _SUBJECT_EQUIVALENTS.get(k, k)
    people = _PEOPLE_OF.get(location_key(location), ()) if location else ()
    if not k or k in _GENERIC_SUBJECTS:
        return people[0] if people else ""
    if k in people:
        return people[0]
    return k


@lru_cache(maxsize=65536)  # pure and hot: called for every claim
def location_key(location: str | None) -> str:
    s = key(location)
    s = re.sub(r"\b(strip|city|province|governorate|region|oblast)$", "", s).strip()
    return s
