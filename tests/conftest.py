"""Shared fixtures: a real SQLite file and, when FACTDB_TEST_POSTGRES_URL is
set, a real PostgreSQL database created fresh for each test and dropped after.

Storage tests take the ``db_url`` fixture and so run on both engines.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from factdb.cli import cli
from factdb.db import make_engine, upgrade

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
# the shared evaluation material beside the checkout; CI's clone sits elsewhere and is told
# where it is by FACTDB_SHARED (see .ci/run)
SHARED = Path(os.environ.get("FACTDB_SHARED") or ROOT.parent / "shared")
PG_URL = os.environ.get("FACTDB_TEST_POSTGRES_URL")

_template: dict[str, str] = {}


def _admin_engine():
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def _pg_template() -> str:
    """A migrated template database, made once per test run."""
    if "name" not in _template:
        name = f"factdb_tmpl_{uuid.uuid4().hex[:10]}"
        admin = _admin_engine()
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        eng = make_engine(url)
        upgrade(eng)
        eng.dispose()
        _template["name"] = name
    return _template["name"]


def pytest_sessionfinish(session, exitstatus):
    if "name" in _template:
        admin = _admin_engine()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{_template["name"]}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url():
    """A fresh, migrated PostgreSQL database for this test (dropped afterwards)."""
    if not PG_URL:
        if os.environ.get("FACTDB_REQUIRE_POSTGRES"):
            pytest.fail("FACTDB_REQUIRE_POSTGRES is set but FACTDB_TEST_POSTGRES_URL is not")
        pytest.skip("FACTDB_TEST_POSTGRES_URL is not set")
    tmpl = _pg_template()
    name = f"factdb_t_{uuid.uuid4().hex[:12]}"
    admin = _admin_engine()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{tmpl}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'factdb.sqlite'}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """A fresh database on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'factdb.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(db_url):
    from factdb.db import open_engine

    eng = open_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def run(db_url):
    """Invoke the CLI on this test's database: run("claims", "--format", "json")."""
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return runner.invoke(cli, ["--db", db_url, *args], input=input, env=env, catch_exceptions=False)

    return invoke


def _load_bench(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def extract_snapshot():
    """bench/extract_snapshot.py as a module (input sets, compact records)."""
    return _load_bench("extract_snapshot")


@pytest.fixture(scope="session")
def extracted(extract_snapshot):
    """set name -> [(document id, [ExtractedClaim])] for the repository's own input sets (gold-sentences,
    gold-docs, frozen-news-*, seeds); each set is extracted once per test run, on first use."""
    from factdb.extract import extract_claims

    sets = extract_snapshot.input_sets()
    done: dict[str, list] = {}

    def get(name: str) -> list:
        if name not in done:
            done[name] = [(doc_id, extract_claims(text, pub)) for doc_id, text, pub in sets[name]]
        return done[name]

    get.names = tuple(sets)
    return get


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 whose routes a test sets (tests/webserver.py)."""
    from . import webserver

    server = webserver.WebServer()
    yield server
    server.close()
