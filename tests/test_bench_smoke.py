"""Smoke test of bench/bench_scale.py at a tiny size: it runs end to end and
prints every section.  The benchmark's figures are not checked (it is a
script you run, not a timed test)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "bench_scale.py"
PG_URL = os.environ.get("FACTDB_TEST_POSTGRES_URL")
SECTIONS = ["## Machine", "## 1. Ingest throughput", "## 2. Query latency", "### Query plans",
            "## 3. CSV export of every claim", "## 4. Peak RSS of ingest vs corpus size",
            "## 5. Extraction throughput", "Total benchmark time"]


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_bench_scale_tiny(engine, tmp_path):
    if engine == "postgres" and not PG_URL:
        pytest.skip("FACTDB_TEST_POSTGRES_URL is not set")
    out = tmp_path / "report.md"
    cmd = [sys.executable, str(SCRIPT), "--engines", engine, "--docs", "12", "--claims", "2000",
           "--rss-docs", "4,12", "--rss-engines", engine, "--repeats", "2", "--jobs", "2",
           "--extract-repeat", "1", "--extract-timeout", "30", "--workdir", str(tmp_path / "work"),
           "--out", str(out)]
    if PG_URL:
        cmd += ["--pg-url", PG_URL]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-3000:]
    for heading in SECTIONS:
        assert heading in res.stdout, f"{heading!r} missing from:\n{res.stdout[-3000:]}"
    assert out.read_text(encoding="utf-8").strip() == res.stdout.strip()
    assert "Traceback" not in res.stderr
    if engine == "postgres":
        # the benchmark's scratch databases are dropped afterwards
        from sqlalchemy import create_engine, text

        prefix = re.search(r"scratch databases (factdb_bench_\w+?)_\*", res.stderr).group(1)
        eng = create_engine(PG_URL)
        with eng.connect() as c:
            left = c.execute(text("SELECT count(*) FROM pg_database WHERE datname LIKE :p"),
                             {"p": prefix + "%"}).scalar()
        eng.dispose()
        assert left == 0


def test_bench_extract_runs_and_reports_every_group():
    # (without ../shared/corpora only the seeds are measured; without quantulum3 there is no ratio column)
    res = subprocess.run([sys.executable, str(ROOT / "bench" / "extract.py"), "--repeat", "1"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-3000:]
    rows = {line.split()[0]: line.split() for line in res.stdout.splitlines() if re.match(r"[a-z]+ +\d+ ", line)}
    assert "seeds" in rows and "all" in rows, res.stdout
    if (SHARED / "corpora").exists():
        assert {"news", "notes", "articles"} <= set(rows), res.stdout
    assert float(rows["all"][6]) > 0  # MB/s
    assert "scaling" in res.stdout
