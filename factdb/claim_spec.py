"""What a claim listing selects: its columns and its filter (no database imports, so the fast CSV
export can start without loading SQLAlchemy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import normalize
from .errors import InvalidFilter

CLAIM_COLUMNS = [
    "id", "as_of", "source", "speaker", "metric", "subject", "location", "value", "low", "high",
    "qualifier", "unit", "period", "since", "status", "needs_review", "version", "attribution",
    "document_id", "identity", "published_at", "surface", "sentence", "start", "end", "confidence",
    "extractor",
]
# CLAIM_COLUMNS by kind, for exports that format cells in SQL
FLOAT_COLUMNS = frozenset({"value", "low", "high", "confidence"})
BOOL_COLUMNS = frozenset({"needs_review"})
TEXT_COLUMNS = ("source", "speaker", "metric", "subject", "location", "qualifier", "unit", "period", "status",
                "attribution", "identity", "surface", "sentence", "extractor")


@dataclass
class ClaimFilter:
    metric: tuple[str, ...] = ()
    subject: str | None = None
    location: str | None = None
    source: tuple[str, ...] = ()
    speaker: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    status: tuple[str, ...] = ()
    document: str | None = None
    include_removed: bool = False
    as_recorded_at: dt.datetime | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        check_filter_text("metric", self.metric, keyed=False)
        check_filter_text("subject", self.subject)
        check_filter_text("location", self.location)
        check_filter_text("source", self.source)
        check_filter_text("speaker", self.speaker)
        check_filter_text("document", self.document, keyed=False)

    def needs_lookup(self) -> bool:
        """Whether names must be looked up in the database (aliases, outlets, documents) to select."""
        return bool(self.subject or self.location or self.source or self.speaker or self.document)


def check_filter_text(name: str, values, *, keyed: bool = True) -> None:
    """Refuse a filter value that is not text or that names nothing.

    A value normalising to the empty key ("%", ".", "!!!") would match every
    claim without a subject rather than none; a command-line argument with
    bytes that are not UTF-8 arrives with surrogate escapes and cannot be
    sent to the database.
    """
    for v in (values,) if isinstance(values, str) or values is None else values:
        if v is None:
            continue
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidFilter(f"--{name} {v.encode('utf-8', 'backslashreplace').decode()!r} is not valid "
                                "UTF-8 text; check the terminal's encoding") from None
        if keyed and not normalize.fold(v):
            raise InvalidFilter(f"--{name} {v!r} has no letters or digits, so it names nothing to look "
                                "for; give a name (e.g. children, Gaza) or leave the filter out")
