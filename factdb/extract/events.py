"""The nouns that name an event a figure can count (data/events.json), as regex alternations.

One vocabulary for the rules that ask "is this an event?": a window of one event ("killed in an
airstrike"), a day naming an event ("the Oct. 7 raid"), an event's relative clause ("the quake, which
killed"), a figure of an event told of before ("wounded in the operation")."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

GROUPS = ("incidents", "disasters", "exchanges", "campaigns", "outbreaks")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, list[str]]:
    data = json.loads(resources.files(__package__).joinpath("data/events.json").read_text(encoding="utf-8"))
    return {g: data[g] for g in GROUPS}


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def event_words(*groups: str) -> frozenset[str]:
    """The nouns of ``groups``, singular and plural, as written in the vocabulary ("air strike", "air strikes")."""
    return frozenset(form for g in groups for noun in _vocabulary()[g] for form in (noun, _plural(noun)))


def event_nouns(*groups: str, plural: bool = True) -> str:
    """A regex alternation (no group, no word boundaries) of the nouns of ``groups``, singular and (with
    ``plural``) plural, longest first; a space in a noun matches any whitespace or none ("air strike",
    "airstrike")."""
    words = {form for g in groups for noun in _vocabulary()[g] for form in ((noun, _plural(noun)) if plural else (noun,))}
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))
