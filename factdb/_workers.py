"""Process-pool entry points for ``factdb ingest --jobs N`` (must be importable)."""

from __future__ import annotations

_lexicon = None


def init(lexicon_paths) -> None:
    global _lexicon
    from .ingest import open_lexicon

    _lexicon = open_lexicon(lexicon_paths)


def extract(doc) -> list[dict] | str:
    from .ingest import extract_or_reason

    return extract_or_reason(doc, _lexicon)
