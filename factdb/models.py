"""SQLModel tables: the whole schema in one place.

The model in brief:

* ``Document`` is one *version* of one article.  Articles are identified by
  ``identity`` (their URL/id, else their path); a changed text under the same
  identity is a new row with ``version + 1`` and ``supersedes_id`` pointing back.
* ``Claim`` is one tracked quantitative claim.  It is born in one document
  version and follows the article through later versions (``document_id`` is
  the latest version it was seen in), so a silently edited figure is one claim
  whose value changed, not two unrelated claims.
* ``ClaimVersion`` is the append-only history of every claim: each row is a
  full snapshot of the claim after a change (extraction, re-extraction, review
  action), with who/when/why.  ``recorded_at`` is transaction time, ``as_of``
  valid time: the state of the database at any instant is the latest snapshot
  per claim recorded before it.  Nothing is updated without such a row and
  nothing is ever deleted.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Stable constraint names, so migrations can refer to them on every engine.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

REVIEW_STATUSES = ("unreviewed", "verified", "corrected", "disputed", "rejected", "reference")
# statuses no editor has decided on: a machine (extractor, series import) may update them.
# `reference`: figures of an imported official series, the yardstick news claims are
# checked against; they are not queued for review.
MACHINE_STATUSES = ("unreviewed", "reference")


def utcnow() -> dt.datetime:
    """Aware UTC timestamp (SQLModel stores datetimes in UTC on every engine)."""
    return dt.datetime.now(dt.UTC)


class Source(SQLModel, table=True):
    """An outlet or issuing body: Reuters, Gaza Health Ministry, UN OCHA ..."""

    __table_args__ = (UniqueConstraint("name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    # casefolded, whitespace-collapsed name: uniqueness is case-insensitive
    name_key: str
    kind: str = Field(default="outlet")  # outlet | official | agency | dataset
    url: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Speaker(SQLModel, table=True):
    """A person or body claims are attributed to, as named in the text."""

    __table_args__ = (UniqueConstraint("key"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str  # normalised name, see factdb.normalize.key
    kind: str = Field(default="unknown")  # person | body | unknown


class IngestRun(SQLModel, table=True):
    __tablename__ = "ingest_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = None
    paths: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    files: int = 0
    documents_new: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    claims_added: int = 0
    errors: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    status: str = Field(default="running")  # running | ok | failed


class Document(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("identity", "version"),
        Index("ix_document_source_published", "source_id", "published_at"),
        Index("ix_document_ingested_at", "ingested_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    identity: str  # url / id, else path
    version: int = 1
    content_hash: str  # sha256 of the normalised text
    title: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None
    source_id: int | None = Field(default=None, foreign_key="source.id")
    published_at: dt.date
    ingested_at: dt.datetime = Field(default_factory=utcnow)
    text: str = Field(sa_column=Column(Text, nullable=False))
    supersedes_id: int | None = Field(default=None, foreign_key="document.id")
    ingest_run_id: int | None = Field(default=None, foreign_key="ingest_run.id")


class ClaimFields(SQLModel):
    """Every field of the extraction contract plus review state.

    Shared by ``Claim`` (current state) and ``ClaimVersion`` (snapshots), so a
    snapshot can be queried exactly like the live table.
    """

    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    metric: str = Field(default="other")
    subject: str | None = None
    location: str | None = None
    period: str = "unknown"
    speaker: str | None = None
    attribution: str = "outlet"
    as_of: dt.date | None = None
    since: dt.date | None = None
    start: int = 0
    end: int = 0
    surface: str = ""
    sentence: str = Field(default="", sa_column_kwargs={"nullable": False})
    sentence_index: int = 0
    confidence: float = 1.0
    extractor: str = ""
    # normalised keys used for grouping claims into series
    subject_key: str = ""
    location_key: str = ""
    status: str = Field(default="unreviewed")
    needs_review: bool = False
    # False once a later version of the article no longer carries the claim
    present: bool = True


class Claim(ClaimFields, table=True):
    __table_args__ = (
        # one claim per extracted candidate of the version that introduced it:
        # a retried or concurrent ingest cannot create it twice
        UniqueConstraint("origin_document_id", "ordinal"),
        Index("ix_claim_series", "metric", "location_key", "subject_key", "period", "as_of"),
        # `claims --metric M --location L` pages newest first without sorting
        Index("ix_claim_metric_location_as_of", "metric", "location_key", "as_of", "id"),
        Index("ix_claim_as_of", "as_of", "id"),
        Index("ix_claim_document", "document_id"),
        # (…, as_of, id) matches the listing order, so one source's or one
        # status's newest page is read straight off the index
        Index("ix_claim_status", "status", "as_of", "id"),
        Index("ix_claim_speaker", "speaker_id"),
        Index("ix_claim_source", "source_id", "as_of", "id"),
        Index("ix_claim_updated_at", "updated_at"),
        # the review queue: each flag's newest claims first, then those needing review again
        Index("ix_claim_flag", "flag", "as_of", "id"),
        Index("ix_claim_needs_review", "needs_review", "as_of", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # latest document version carrying the claim, and the one it was born in
    document_id: int = Field(foreign_key="document.id")
    origin_document_id: int = Field(foreign_key="document.id")
    ordinal: int = 0  # position among the candidates of the origin document
    source_id: int | None = Field(default=None, foreign_key="source.id")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id")
    version: int = 1  # optimistic-concurrency counter = latest ClaimVersion.version
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    # the most urgent flag the series checks give the claim (factdb.flags) and why;
    # derived from the claims, so kept out of the versioned history
    flag: str | None = None
    flag_note: str | None = Field(default=None, sa_column=Column(Text))


class SeriesChange(SQLModel, table=True):
    """A change that may alter the flags of a family of series (one metric in one place).

    Writers append a row in the same transaction as the change; the flag refresh
    (factdb.flags) recomputes the families it finds and deletes exactly the rows
    it read, so a change committed meanwhile is picked up by the next refresh.
    ``metric`` "*" means every family (an alias regroups them).
    """

    __tablename__ = "series_change"

    id: int | None = Field(default=None, primary_key=True)
    metric: str
    location_key: str = ""
    recorded_at: dt.datetime = Field(default_factory=utcnow)


class ClaimVersion(ClaimFields, table=True):
    """Append-only: one row per change of a claim, a full snapshot after it."""

    __tablename__ = "claim_version"
    __table_args__ = (
        # two writers can never both create version N of a claim
        UniqueConstraint("claim_id", "version"),
        Index("ix_claim_version_recorded_at", "recorded_at"),
        Index("ix_claim_version_document", "document_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id")
    version: int
    document_id: int = Field(foreign_key="document.id")
    source_id: int | None = Field(default=None, foreign_key="source.id")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id")
    # extract | reextract | carried | removed | verify | correct | reject | dispute | import
    action: str
    changed: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    actor: str = ""
    note: str | None = Field(default=None, sa_column=Column(Text))
    # the machine's reading when it differs from reviewed values (JSON)
    proposed: str | None = Field(default=None, sa_column=Column(Text))
    recorded_at: dt.datetime = Field(default_factory=utcnow)


class Alias(SQLModel, table=True):
    """Editor-maintained equivalences, applied at query time (so retroactive)."""

    __table_args__ = (UniqueConstraint("kind", "alias_key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # speaker | subject | location
    alias: str
    alias_key: str
    canonical: str
    canonical_key: str
    created_at: dt.datetime = Field(default_factory=utcnow)


USER_ROLES = ("viewer", "reviewer", "admin")


class User(SQLModel, table=True):
    """A person who may use the web desk or the JSON API.

    ``name`` is what history records as the reviewer; ``password_hash`` is an
    argon2 hash (never the password).  Users are disabled, never deleted, so
    the names in claim histories keep meaning someone.
    """

    __tablename__ = "app_user"  # "user" is reserved on PostgreSQL
    __table_args__ = (UniqueConstraint("name"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = Field(default="viewer")  # viewer | reviewer | admin
    password_hash: str
    disabled: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)


class ApiToken(SQLModel, table=True):
    """A bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("token_hash"), Index("ix_api_token_user", "user_id"))

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id")
    token_hash: str
    label: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    revoked_at: dt.datetime | None = None


class SourceFeed(SQLModel, table=True):
    """The sources registry: feeds (or pages) an outlet, official body or agency publishes at."""

    __tablename__ = "source_feed"
    __table_args__ = (UniqueConstraint("url"), Index("ix_source_feed_source", "source_id"))

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    url: str  # normalised, see factdb.fetch.normalise_url
    created_at: dt.datetime = Field(default_factory=utcnow)


class FetchState(SQLModel, table=True):
    """What `factdb watch` last saw at a URL, so a restart resumes with conditional requests."""

    __tablename__ = "fetch_state"
    __table_args__ = (UniqueConstraint("url"),)

    id: int | None = Field(default=None, primary_key=True)
    url: str
    etag: str | None = None
    last_modified: str | None = None
    # sha256 of the body last processed: a server without validators still costs no re-extraction
    body_hash: str | None = None
    status: int | None = None  # last HTTP status, None when the fetch failed
    error: str | None = Field(default=None, sa_column=Column(Text))
    failures: int = 0  # consecutive failed polls
    checked_at: dt.datetime | None = None
    changed_at: dt.datetime | None = None
    # a feed's newest entries (JSON: link, published, authors, title), revisited while the
    # feed itself answers 304, because articles are edited without their feed changing
    entries: str | None = Field(default=None, sa_column=Column(Text))


class Alert(SQLModel, table=True):
    """A figure a fact desk should look at: new, changed, or newly disagreeing (append-only)."""

    __table_args__ = (Index("ix_alert_at", "at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # new_figure | changed_figure | disagrees
    at: dt.datetime = Field(default_factory=utcnow)
    document_id: int = Field(foreign_key="document.id")
    claim_id: int | None = Field(default=None, foreign_key="claim.id")
    url: str | None = None
    payload: str = Field(sa_column=Column(Text, nullable=False))  # the alert as published (JSON)
