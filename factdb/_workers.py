"""Process-pool entry points for ``factdb ingest --jobs N`` (must be importable)."""

from __future__ import annotations

_lexicon = None


def init(lexicon_paths) -> None:
    global _lexicon
    from .extract import load_lexicon

    _lexicon = load_lexicon(lexicon_paths) if lexicon_paths else None


def extract(doc) -> list[dict]:
    from .ingest import extract_for

    return extract_for(doc, _lexicon)
