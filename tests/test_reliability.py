"""Crashes and concurrent writers lose nothing (real processes, both engines)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text
from sqlmodel import Session

from factdb.db import open_engine
from factdb.integrity import check
from factdb.models import Claim, Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import corpus  # noqa: E402


def factdb_cmd() -> list[str]:
    script = Path(sys.executable).with_name("factdb")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factdb"]


def documents(engine) -> int:
    with Session(engine) as s:
        return s.execute(select(func.count()).select_from(Document)).scalar_one()


def assert_whole(engine, expected_docs: int | None = None):
    """No orphans, no half documents, one version per identity, no duplicate claims."""
    assert check(engine).problems == []
    with Session(engine) as s:
        dup = s.execute(text(
            "SELECT identity, content_hash, count(*) FROM document GROUP BY identity, content_hash HAVING count(*) > 1"
        )).all()
        assert dup == []
        versions = s.execute(text("SELECT max(version) FROM document")).scalar()
        assert versions in (None, 1)
        # every stored document carries exactly the claims its text yields
        from factdb.extract import extract_claims

        for doc in s.execute(select(Document)).scalars():
            n = s.execute(select(func.count()).select_from(Claim).where(Claim.origin_document_id == doc.id)).scalar_one()
            assert n == len(extract_claims(doc.text, doc.published_at)), doc.identity
    if expected_docs is not None:
        assert documents(engine) == expected_docs


def test_sigkill_midway_then_rerun_finishes_without_duplicates(db_url, tmp_path):
    feed = tmp_path / "feed.jsonl"
    corpus.write(400, str(feed))
    engine = open_engine(db_url)
    env = {**os.environ, "FACTDB_URL": db_url}
    proc = subprocess.Popen([*factdb_cmd(), "ingest", str(feed)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while documents(engine) < 20 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; enlarge the corpus"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = documents(engine)
    assert 0 < stored < 400
    assert_whole(engine)
    again = subprocess.run([*factdb_cmd(), "ingest", str(feed)], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{400 - stored} new" in again.stderr and f"{stored} unchanged" in again.stderr
    assert_whole(engine, 400)
    engine.dispose()


def test_four_concurrent_ingests_on_overlapping_documents(db_url, tmp_path):
    recs = list(corpus.generate(80, seed=11))
    parts = [recs[0:40], recs[20:60], recs[40:80], recs[0:80:2]]
    files = []
    for i, part in enumerate(parts):
        f = tmp_path / f"part{i}.jsonl"
        f.write_text("".join(json.dumps(r) + "\n" for r in part))
        files.append(f)
    engine = open_engine(db_url)  # schema exists before the writers start
    env = {**os.environ, "FACTDB_URL": db_url}
    procs = [subprocess.Popen([*factdb_cmd(), "ingest", str(f)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in files]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "Error" not in err and "Traceback" not in err
    assert_whole(engine, 80)
    engine.dispose()
