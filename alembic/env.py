"""Alembic environment: runs factdb's migrations on SQLite and PostgreSQL.

``factdb db upgrade`` passes an open connection (one transaction for the whole
upgrade); the plain ``alembic`` command uses ``sqlalchemy.url`` / FACTDB_URL.
"""

from alembic import context
from factdb import models  # noqa: F401  (registers the tables)
from factdb.db import make_engine

config = context.config
target_metadata = models.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        context.run_migrations()
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    with engine.connect().execution_options(write=True) as conn:
        with conn.begin():
            _configure(conn)
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("factdb migrations run online only: use `factdb db upgrade`")
run_migrations_online()
