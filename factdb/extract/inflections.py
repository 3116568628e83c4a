"""Verb inflections for the lexicon's lemma entries ("kill" -> kill, kills, killed, killing).

The metric lexicon lists event verbs once, by lemma, under ``verbs_before`` / ``verbs_after``
(``data/metrics.json``); the forms come from ``data/inflections.json``, which is generated from the
lemmas with lemminflect (a dev dependency) by ``python -m factdb.extract.inflections``, so the
package itself needs no lemmatiser at run time. A test regenerates the table and fails when the
committed one has drifted. A lemma missing from the table (a user's extra lexicon) gets the regular
English forms.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["dump", "forms", "generate", "lemma_phrases"]

_DATA = Path(__file__).parent / "data"
LEMMA_KEYS = ("verbs_before", "verbs_after")


@lru_cache(maxsize=1)
def _table() -> dict[str, list[str]]:
    return json.loads(resources.files(__package__).joinpath("data/inflections.json").read_text(encoding="utf-8"))


def _regular(lemma: str) -> list[str]:
    """Regular English forms: kill/kills/killed/killing, free/frees/freed/freeing, displace/displaced."""
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing" if not lemma.endswith("ee") else lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def forms(phrase: str) -> list[str]:
    """Every form of a lemma phrase, its first word inflected: "succumb to" -> "succumbed to", ..."""
    first, _, rest = phrase.strip().partition(" ")
    words = _table().get(first.lower()) or _regular(first.lower())
    return [f"{w} {rest}".strip() for w in words]


def lemma_phrases(entries: dict) -> list[str]:
    """The lemma phrases of a lexicon's metrics (``{"killed": {"verbs_before": [...]}}``)."""
    return sorted({p for spec in entries.values() for k in LEMMA_KEYS for p in spec.get(k, [])})


def generate(entries: dict) -> dict[str, list[str]]:
    """The inflection table for the lemma phrases of ``entries``, from lemminflect."""
    from lemminflect import getAllInflections  # dev dependency: only generating the table needs it

    table = {}
    for phrase in lemma_phrases(entries):
        lemma = phrase.split(" ")[0].lower()
        found = {w for ws in getAllInflections(lemma, upos="VERB").values() for w in ws}
        table[lemma] = sorted(found | {lemma})
    return dict(sorted(table.items()))


def dump(table: dict[str, list[str]]) -> str:
    """The table as the committed file holds it: one lemma a line."""
    rows = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in table.items()]
    return "{\n" + ",\n".join(rows) + "\n}\n"


def main() -> None:
    entries = json.loads((_DATA / "metrics.json").read_text(encoding="utf-8"))["metrics"]
    out = _DATA / "inflections.json"
    out.write_text(dump(generate(entries)), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
