"""`factdb db check`: schema revision and integrity problems.

Each check is one set-based query, so it stays usable on millions of claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Engine

from .db import DatabaseError, current_revision, head_revision

# (problem, table, SQL returning id and detail)
CHECKS = [
    ("orphan claim (document missing)", "claim",
     "SELECT c.id, 'document ' || c.document_id FROM claim c LEFT JOIN document d ON d.id = c.document_id "
     "WHERE d.id IS NULL"),
    ("orphan claim version (claim missing)", "claim_version",
     "SELECT v.id, 'claim ' || v.claim_id FROM claim_version v LEFT JOIN claim c ON c.id = v.claim_id "
     "WHERE c.id IS NULL"),
    ("claim without history", "claim",
     "SELECT c.id, 'no claim_version rows' FROM claim c "
     "WHERE NOT EXISTS (SELECT 1 FROM claim_version v WHERE v.claim_id = c.id)"),
    ("claim version counter out of step with history", "claim",
     "SELECT c.id, 'version ' || c.version || ', history ends at ' || m.v FROM claim c "
     "JOIN (SELECT claim_id, max(version) AS v FROM claim_version GROUP BY claim_id) m ON m.claim_id = c.id "
     "WHERE m.v <> c.version"),
    ("claim history has gaps", "claim",
     "SELECT claim_id, count(*) || ' rows for ' || max(version) || ' versions' FROM claim_version "
     "GROUP BY claim_id HAVING count(*) <> max(version) OR min(version) <> 1"),
    ("document versions out of sequence", "document",
     "SELECT min(id), identity || ': ' || count(*) || ' rows, versions ' || min(version) || '..' || max(version) "
     "FROM document GROUP BY identity HAVING count(*) <> max(version) OR min(version) <> 1"),
    ("document supersedes the wrong version", "document",
     "SELECT d.id, 'v' || d.version || ' supersedes ' || coalesce(p.identity || ' v' || p.version, 'nothing') "
     "FROM document d LEFT JOIN document p ON p.id = d.supersedes_id "
     "WHERE (d.version > 1 AND (p.id IS NULL OR p.identity <> d.identity OR p.version <> d.version - 1)) "
     "OR (d.version = 1 AND d.supersedes_id IS NOT NULL)"),
    ("ingest run never finished", "ingest_run",
     "SELECT id, 'started ' || started_at FROM ingest_run WHERE finished_at IS NULL"),
]
# runs that are still going are not problems; only these are fatal
WARNINGS = {"ingest run never finished"}


@dataclass
class Report:
    revision: str | None
    head: str | None
    problems: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)


def check(engine: Engine, limit: int = 100) -> Report:
    try:
        with engine.connect() as conn:
            report = Report(current_revision(conn), head_revision())
            if report.revision is None:
                return report
            for problem, table, sql in CHECKS:
                for row in conn.execute(text(f"{sql} LIMIT {int(limit)}")):
                    item = {"problem": problem, "table": table, "id": row[0], "detail": row[1]}
                    (report.warnings if problem in WARNINGS else report.problems).append(item)
    except Exception as exc:  # noqa: BLE001 - reported as a database error
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):
            raise DatabaseError(f"cannot check {engine.url.render_as_string(hide_password=True)}: "
                                f"{str(exc.orig).strip().splitlines()[0]}") from exc
        raise
    return report
