"""Accounts and API tokens through the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from factdb.accounts import authenticate, token_account
from factdb.db import open_engine, read_session
from factdb.models import ApiToken, User


def test_user_add_list_and_disable(run, db_url):
    r = run("user", "add", "alice", "--role", "reviewer", "--password-stdin", input="correct horse battery\n")
    assert r.exit_code == 0, r.output
    r = run("user", "add", "bob", "--role", "viewer", input="bob-secret-pw\nbob-secret-pw\n")
    assert r.exit_code == 0, r.output  # prompted twice
    users = json.loads(run("user", "list", "--format", "json").stdout)
    assert [(u["name"], u["role"], u["disabled"]) for u in users] == [("alice", "reviewer", False),
                                                                       ("bob", "viewer", False)]
    eng = open_engine(db_url)
    with read_session(eng) as s:
        stored = s.execute(select(User.password_hash).where(User.name == "alice")).scalar_one()
        assert stored.startswith("$argon2id$") and "correct horse" not in stored
        assert authenticate(s, "alice", "correct horse battery").role == "reviewer"
        assert authenticate(s, "alice", "wrong horse battery") is None
        assert authenticate(s, "nobody", "correct horse battery") is None
    assert run("user", "disable", "alice").exit_code == 0
    with read_session(eng) as s:
        assert authenticate(s, "alice", "correct horse battery") is None
    eng.dispose()


def test_user_add_refuses_duplicates_short_passwords_and_bad_roles(run):
    assert run("user", "add", "alice", "--role", "admin", "--password-stdin", input="long-enough-pw\n").exit_code == 0
    r = run("user", "add", "alice", "--role", "viewer", "--password-stdin", input="another-long-pw\n")
    assert r.exit_code == 1 and "already exists" in r.stderr
    r = run("user", "add", "carol", "--role", "viewer", "--password-stdin", input="short\n")
    assert r.exit_code == 1 and "at least 8 characters" in r.stderr
    assert run("user", "add", "dan", "--role", "editor", "--password-stdin", input="long-enough-pw\n").exit_code == 2


def test_token_create_prints_only_the_token_and_stores_only_its_hash(run, db_url):
    run("user", "add", "alice", "--role", "reviewer", "--password-stdin", input="correct horse battery\n")
    r = run("token", "create", "alice", "--label", "bot")
    assert r.exit_code == 0
    tok = r.stdout.strip()
    assert r.stdout == tok + "\n" and tok.startswith("fdb_") and len(tok) > 40
    eng = open_engine(db_url)
    with read_session(eng) as s:
        hashes = list(s.execute(select(ApiToken.token_hash)).scalars())
        assert len(hashes) == 1 and tok not in hashes[0]
        assert token_account(s, tok).name == "alice"
        assert token_account(s, tok + "x") is None
    assert run("token", "revoke", "1").exit_code == 0
    with read_session(eng) as s:
        assert token_account(s, tok) is None
    listed = json.loads(run("token", "list", "--format", "json").stdout)
    assert listed[0]["user"] == "alice" and listed[0]["revoked_at"]
    assert run("token", "create", "nobody").exit_code == 1
    eng.dispose()


def test_disabling_a_user_stops_their_tokens(run, db_url):
    run("user", "add", "alice", "--role", "reviewer", "--password-stdin", input="correct horse battery\n")
    tok = run("token", "create", "alice").stdout.strip()
    run("user", "disable", "alice")
    eng = open_engine(db_url)
    with read_session(eng) as s:
        assert token_account(s, tok) is None
    eng.dispose()


def test_the_cli_does_not_import_the_web_stack():
    code = ("import sys, factdb.cli, factdb.cli.web, factdb.cli.accounts; "
            "bad = [m for m in ('fastapi', 'starlette', 'uvicorn', 'jinja2') if m in sys.modules]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
