"""The CLI through Click's runner and as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factdb.cli import cli

from .conftest import SEEDS

SEED = str(SEEDS / "000_0ac5cb94f4c3a24b.txt")


def all_commands(group=cli, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in all_commands()], ids=" ".join)
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    cmd = dict(all_commands())[path]
    assert cmd.help and len(cmd.help.strip()) > 20
    if not isinstance(cmd, click.Group):
        assert "factdb " in cmd.help, f"{' '.join(path)} --help has no example"


def test_ingest_then_claims_in_every_format(run):
    r = run("ingest", str(SEEDS))
    assert r.exit_code == 0, r.output
    assert "failed documents" in r.stderr and r.stdout == ""
    table = run("claims", "--metric", "killed", "--limit", "5")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split()[:3] == ["id", "as_of", "source"]
    as_json = json.loads(run("claims", "--metric", "killed", "--format", "json").stdout)
    assert as_json and all(c["metric"] == "killed" for c in as_json)
    # newest as_of first
    dates = [c["as_of"] for c in as_json]
    assert dates == sorted(dates, reverse=True)
    lines = run("claims", "--metric", "killed", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [c["id"] for c in as_json]
    rows = list(csv.DictReader(io.StringIO(run("claims", "--metric", "killed", "--format", "csv").stdout)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in as_json]


def test_show_history_sources_documents(run):
    run("ingest", SEED)
    claims = json.loads(run("claims", "--format", "json").stdout)
    cid = next(c["id"] for c in claims if c["value"] == 27000)
    shown = run("show", str(cid))
    assert shown.exit_code == 0
    assert "over 27,000 Palestinians" in shown.stdout and "v1" in shown.stdout
    full = json.loads(run("show", str(cid), "--format", "json").stdout)
    assert full["history"][0]["action"] == "extract"
    assert run("history", str(cid), "--format", "jsonl").stdout.count("\n") == 1
    assert "000_0ac5cb94f4c3a24b.txt" in run("documents").stdout
    missing = run("show", "999999")
    assert missing.exit_code == 1 and "no claim 999999" in missing.stderr


def test_ingest_exit_status_and_error_lines(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    r = run("ingest", SEED, str(bad))
    assert r.exit_code == 1
    assert f"{bad}: a PNG image, not a text article; skipped" in r.stderr
    assert "1 new" in r.stderr and "1 failed" in r.stderr
    assert "Traceback" not in r.output


def test_unreachable_database_is_exit_2_one_line():
    r = CliRunner().invoke(cli, ["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "claims"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: cannot open database")


def test_out_of_date_schema_is_exit_2(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE other (id INTEGER)").connection.commit()
    r = CliRunner().invoke(cli, ["--db", str(path), "sources"])
    assert r.exit_code == 2
    assert "run `factdb db upgrade" in r.stderr
    up = CliRunner().invoke(cli, ["--db", str(path), "db", "upgrade"])
    assert up.exit_code == 0, up.output
    assert CliRunner().invoke(cli, ["--db", str(path), "sources"]).exit_code == 0


def test_extract_needs_no_database(tmp_path):
    r = CliRunner().invoke(cli, ["extract", SEED, "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert any(x["value"] == 27000 and x["qualifier"] == "more_than" for x in recs)
    assert all(x["doc_id"].endswith("000_0ac5cb94f4c3a24b.txt") for x in recs)
    assert not list(tmp_path.iterdir())


def _console_script() -> str:
    script = Path(sys.executable).with_name("factdb")
    return str(script) if script.exists() else "factdb"


def test_console_script_subprocess(tmp_path):
    env = {**os.environ, "FACTDB_URL": f"sqlite:///{tmp_path / 'sub.sqlite'}"}
    p = subprocess.run([_console_script(), "ingest", SEED], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "1 new" in p.stderr and p.stdout == ""
    q = subprocess.run([_console_script(), "claims", "--format", "csv"], capture_output=True, text=True, env=env)
    assert q.returncode == 0 and "27000" in q.stdout
    assert (tmp_path / "sub.sqlite").exists()


def test_db_check_reports_integrity_problems(run, db_url):
    from sqlalchemy import text

    from factdb.db import make_engine

    assert run("ingest", SEED).exit_code == 0
    ok = run("db", "check")
    assert ok.exit_code == 0 and "no problems found" in ok.stderr and "schema revision" in ok.stderr
    eng = make_engine(db_url)
    with eng.begin() as c:  # a claim whose history lost its last row, as a bug or hand edit would leave it
        cid = c.execute(text("SELECT max(id) FROM claim")).scalar_one()
        c.execute(text("UPDATE claim SET version = version + 1 WHERE id = :i"), {"i": cid})
    eng.dispose()
    bad = run("db", "check", "--format", "json")
    assert bad.exit_code == 1
    problems = json.loads(bad.stdout)
    assert {"problem": "claim version counter out of step with history", "table": "claim", "id": cid,
            "detail": "version 2, history ends at 1"} in problems


def test_as_recorded_at_combines_with_every_filter(run):
    assert run("ingest", SEED).exit_code == 0
    now = run("claims", "--format", "json").stdout
    later = "2100-01-01T00:00:00Z"
    then = run("claims", "--format", "json", "--as-recorded-at", later, "--document", SEED, "--metric", "killed",
               "--location", "Gaza", "--status", "unreviewed", "--since", "2024-01-01", "--until", "2024-12-31")
    assert then.exit_code == 0, then.output
    ids = {c["id"] for c in json.loads(then.stdout)}
    assert ids and ids <= {c["id"] for c in json.loads(now)}
    before = run("claims", "--format", "json", "--as-recorded-at", "2000-01-01T00:00:00Z")
    assert json.loads(before.stdout) == []


def test_the_review_queue_as_recorded_then_lists_claims_without_the_flags_it_does_not_keep(run):
    assert run("ingest", SEED).exit_code == 0
    then = run("review", "queue", "--format", "json", "--as-recorded-at", "2100-01-01T00:00:00Z")
    assert then.exit_code == 0, then.output
    rows = json.loads(then.stdout)
    assert rows and all(r["flag"] is None for r in rows)
