"""Migrations: `alembic upgrade head` on both engines leaves nothing for autogenerate."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from factdb import models
from factdb.db import check_schema, head_revision, make_engine, open_engine, upgrade
from factdb.errors import DatabaseError, SchemaOutOfDate


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, models.metadata)


def test_upgrade_head_matches_models(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    assert _diff(engine) == []
    assert check_schema(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"source", "document", "speaker", "claim", "claim_version", "ingest_run", "alias"} <= tables
    # idempotent
    before, after = upgrade(engine)
    assert before == after == head_revision()


def test_new_sqlite_file_is_created_and_migrated(tmp_path):
    path = tmp_path / "sub.sqlite"
    engine = open_engine(f"sqlite:///{path}")
    assert path.exists()
    assert check_schema(engine) == head_revision()


def test_out_of_date_schema_is_refused(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE unrelated (id INTEGER)"))
    with pytest.raises(SchemaOutOfDate, match="factdb db upgrade"):
        open_engine(f"sqlite:///{path}")


def test_unreachable_postgres_is_one_clear_error():
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseError, match="cannot open database"):
        check_schema(engine)
