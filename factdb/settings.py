"""Settings: defaults, then a config file, then environment, then flags.

The config file is ``$FACTDB_CONFIG``, else ``./factdb.toml`` when present::

    [factdb]
    db = "postgresql+psycopg://newsroom@db.internal/factdb"
    lexicon = ["lexicons/sudan.json"]   # extra metric lexicon files
    reviewer = "alice"
    max_document_mb = 20                # refuse one document above this size
    contact = "desk@newsroom.example"   # named in the User-Agent of fetches
    webhook_secret = "..."              # signs `factdb watch --webhook` posts
    [factdb.fetch]                      # optional limits, see factdb.fetch.FetchConfig
    read_timeout = 20
    max_bytes = 10485760

Environment variables (``FACTDB_URL``, ``FACTDB_LEXICON`` with os.pathsep
between files, ``FACTDB_REVIEWER``, ``FACTDB_MAX_DOCUMENT_MB``, ``FACTDB_CONTACT``,
``FACTDB_WEBHOOK_SECRET``) override the file; command-line flags override both.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .errors import FactdbError

DEFAULTS: dict = {"db": None, "lexicon": [], "reviewer": None, "max_document_mb": 20, "contact": None,
                  "webhook_secret": None, "fetch": {}}


class SettingsError(FactdbError):
    exit_code = 2


def _config_path() -> Path | None:
    env = os.environ.get("FACTDB_CONFIG")
    if env:
        return Path(env)
    local = Path("factdb.toml")
    return local if local.exists() else None


def load() -> dict:
    """The merged settings (file, then environment)."""
    settings = dict(DEFAULTS)
    path = _config_path()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read config ({exc})") from None
        section = data.get("factdb", {})
        unknown = set(section) - set(DEFAULTS)
        if unknown:
            raise SettingsError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
                                f"known: {', '.join(DEFAULTS)}")
        lex = section.get("lexicon", [])
        if isinstance(lex, str):
            lex = [lex]
        if not isinstance(lex, list) or not all(isinstance(x, str) for x in lex):
            raise SettingsError(f"{path}: `lexicon` must be a file name or a list of them")
        if not isinstance(section.get("fetch", {}), dict):
            raise SettingsError(f"{path}: `fetch` must be a table ([factdb.fetch])")
        # relative lexicon paths are relative to the config file
        settings.update(section)
        settings["lexicon"] = [str(path.resolve().parent / p) for p in lex]
    if os.environ.get("FACTDB_URL"):
        settings["db"] = os.environ["FACTDB_URL"]
    if os.environ.get("FACTDB_LEXICON"):
        settings["lexicon"] = [p for p in os.environ["FACTDB_LEXICON"].split(os.pathsep) if p]
    for key in ("reviewer", "contact", "webhook_secret", "max_document_mb"):
        if os.environ.get(f"FACTDB_{key.upper()}"):
            settings[key] = os.environ[f"FACTDB_{key.upper()}"]
    mb = settings["max_document_mb"]
    try:
        mb = float(mb)
    except (TypeError, ValueError):
        mb = -1
    if not 0 < mb < float("inf") or isinstance(settings["max_document_mb"], bool):
        raise SettingsError(f"max_document_mb must be a positive number of MB, got {settings['max_document_mb']!r}")
    settings["max_document_mb"] = mb
    return settings
