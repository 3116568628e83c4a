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


def test_fetch_limits_contact_and_webhook_secret_come_from_the_config(tmp_path, monkeypatch):
    from factdb.fetch import FetchConfig

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDB_WEBHOOK_SECRET", raising=False)
    (tmp_path / "factdb.toml").write_text('[factdb]\ncontact = "desk@newsroom.example"\nwebhook_secret = "k"\n'
                                          '[factdb.fetch]\nread_timeout = 3\nmax_bytes = 2048\n')
    s = load()
    cfg = FetchConfig.from_settings(s)
    assert (cfg.read_timeout, cfg.max_bytes, cfg.connect_timeout) == (3, 2048, 10.0)
    assert "desk@newsroom.example" in cfg.user_agent and cfg.user_agent.startswith("factdb/")
    assert s["webhook_secret"] == "k"
    monkeypatch.setenv("FACTDB_WEBHOOK_SECRET", "from-env")
    assert load()["webhook_secret"] == "from-env"


def test_unknown_fetch_setting_is_refused(tmp_path, monkeypatch):
    from factdb.fetch import FetchConfig

    monkeypatch.chdir(tmp_path)
    (tmp_path / "factdb.toml").write_text('[factdb.fetch]\ntimeout = 3\n')
    with pytest.raises(SettingsError, match="unknown fetch setting"):
        FetchConfig.from_settings(load())
