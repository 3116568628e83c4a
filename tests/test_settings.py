"""Config file and environment settings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factdb.cli import cli
from factdb.settings import SettingsError, load


def test_config_file_sets_database_and_lexicon(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDB_URL", raising=False)
    monkeypatch.delenv("FACTDB_LEXICON", raising=False)
    (tmp_path / "lex.json").write_text(json.dumps({"version": 1, "metrics": {"killed": {"after": ["perished"]}}}))
    (tmp_path / "factdb.toml").write_text('[factdb]\ndb = "cfg.sqlite"\nlexicon = "lex.json"\n')
    s = load()
    assert s["db"] == "cfg.sqlite"
    assert s["lexicon"] == [str(tmp_path / "lex.json")]
    (tmp_path / "a.txt").write_text("date 2024-02-07 At least 40 people were killed, officials said.")
    r = CliRunner().invoke(cli, ["ingest", "a.txt"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "cfg.sqlite").exists() and not (tmp_path / "factdb.sqlite").exists()
    out = json.loads(CliRunner().invoke(cli, ["claims", "--format", "json"]).stdout)
    assert [c["value"] for c in out] == [40]


def test_environment_overrides_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factdb.toml").write_text('[factdb]\ndb = "cfg.sqlite"\n')
    monkeypatch.setenv("FACTDB_URL", "env.sqlite")
    assert load()["db"] == "env.sqlite"


def test_unknown_setting_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factdb.toml").write_text('[factdb]\ndatabase = "x"\n')
    with pytest.raises(SettingsError, match="unknown setting"):
        load()
    r = CliRunner().invoke(cli, ["sources"])
    assert r.exit_code == 2 and "unknown setting(s) database" in r.stderr
