"""Hostile input and careless use: nothing hangs, nothing aborts a batch,
nothing is silently misread or injected (SQLite and PostgreSQL).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from factdb.cli import cli
from factdb.db import open_engine
from factdb.extract import extract_claims
from factdb.readers import read_documents

PUB = "2024-02-07"
GOOD = f"date {PUB} At least 40 people were killed in Gaza, the ministry said."
CLI = [sys.executable, "-c", "from factdb.cli import main; main()"]


def sql(db_url, query, **params):
    eng = open_engine(db_url)
    with eng.connect() as c:
        rows = c.execute(text(query), params).all()
    eng.dispose()
    return rows


def docs(db_url) -> int:
    return sql(db_url, "SELECT count(*) FROM document")[0][0]


def claim_values(run, *args) -> list:
    out = json.loads(run("claims", "--format", "json", "--include-removed", *args).stdout)
    return sorted(c["value"] for c in out if c["value"] is not None)


def errors(r) -> list[str]:
    return [line for line in r.stderr.splitlines() if not line.startswith("ingest run")]


# --- a batch survives any one document -----------------------------------------------


def test_huge_numbers_deep_json_and_year_one_each_fail_alone(run, db_url, tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        {"id": "d400", "published": PUB, "text": f"The toll was {'9' * 400} killed. Officials said 12 were hurt."},
        {"id": "d5000", "published": PUB, "text": f"Officials said {'7' * 5000} people were killed."},
        None,  # nested 100,000 deep
        {"id": "year1", "published": "0001-01-01", "text": "Officials said 3 people were killed yesterday."},
        {"id": "good", "published": PUB, "text": "At least 40 people were killed in Gaza, the ministry said."},
    ]
    with f.open("w") as fh:
        for rec in lines:
            fh.write(("[" * 100_000 + "]" * 100_000) if rec is None else json.dumps(rec))
            fh.write("\n")
    r = run("ingest", str(f))
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    errs = errors(r)
    assert [e.split(": ")[0] for e in errs] == [f"{f}:3", f"{f}:4"], errs
    assert "nested too deeply" in errs[0] and "document skipped" in errs[1]
    assert sorted(i for (i,) in sql(db_url, "SELECT identity FROM document")) == ["d400", "d5000", "good"]
    # figures beyond reading are left out, never stored as something else
    assert claim_values(run) == [12, 40]


def test_db_check_prints_an_ingest_run_that_never_finished(run, db_url, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    assert run("ingest", str(tmp_path)).exit_code == 0
    eng = open_engine(db_url)
    with eng.begin() as c:  # what a SIGKILL midway leaves behind
        c.execute(text("INSERT INTO ingest_run (started_at, paths, files, documents_new, documents_updated, "
                       "documents_unchanged, documents_failed, claims_added, errors, status) "
                       "VALUES (:t, '[]', 0, 0, 0, 0, 0, 0, '[]', 'running')"), {"t": dt.datetime(2024, 2, 7, 9)})
    eng.dispose()
    r = run("db", "check")
    assert r.exit_code == 0
    assert "warning: ingest run never finished: ingest_run 2, started 2024-02-07 09:00:00" in r.stderr


# --- nothing hangs or eats the machine ------------------------------------------------


def _ingest_subprocess(db_url, *paths, timeout=60, extra=()):
    return subprocess.run([*CLI, "--db", db_url, "ingest", *extra, *paths], capture_output=True, text=True,
                          timeout=timeout)


def test_fifo_and_devices_are_refused_without_reading(db_url, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    os.mkfifo(d / "pipe.txt")
    lone = tmp_path / "lone.fifo"
    os.mkfifo(lone)
    r = _ingest_subprocess(db_url, str(d), str(lone), "/dev/zero", "/dev/urandom")
    assert r.returncode == 1, r.stderr
    errs = errors(r)
    assert f"{d / 'pipe.txt'}: a named pipe (FIFO), not a regular file" in errs[0]
    assert f"{lone}: a named pipe (FIFO), not a regular file" in errs[1]
    assert errs[2].startswith("/dev/zero: a character device, not a regular file")
    assert errs[3].startswith("/dev/urandom: a character device")
    assert docs(db_url) == 1


def test_a_document_above_the_size_cap_is_refused(run, db_url, tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 25 MB, sparse: refused from its size, never read
        fh.write(f"date {PUB} ".encode())
        fh.truncate(25_000_000)
    (tmp_path / "good.txt").write_text(GOOD)
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "long", "published": PUB, "text": "Officials said 5 were hurt. " * 100})
                     + "\n" + json.dumps({"id": "short", "published": PUB, "text": "Two were hurt."}) + "\n")
    r = run("ingest", str(big), str(tmp_path / "good.txt"))
    assert r.exit_code == 1
    assert errors(r) == [f"{big}: larger than the 20 MB limit for one document; split it, "
                         "or raise the limit with --max-document-mb"]
    r = run("ingest", "--max-document-mb", "0.001", str(small))
    assert r.exit_code == 1
    assert errors(r) == [f"{small}:1: larger than the 0.001 MB limit for one document; split it, "
                         "or raise the limit with --max-document-mb"]
    monkeypatch.setenv("FACTDB_MAX_DOCUMENT_MB", "0.00005")
    (tmp_path / "good2.txt").write_text(GOOD + " Five more were hurt.")
    r = run("ingest", str(tmp_path / "good2.txt"))
    assert r.exit_code == 1 and "5e-05 MB limit for one document" in r.stderr
    assert sorted(i.rsplit("/", 1)[-1] for (i,) in sql(db_url, "SELECT identity FROM document")) == [
        "good.txt", "short"]


@pytest.mark.slow
def test_large_document_extraction_is_linear_and_memory_bounded():
    """Read + extract one 0.5 MB and one 2 MB document in fresh processes (bench/large_document.py)."""
    script = os.path.join(os.path.dirname(__file__), "..", "bench", "large_document.py")
    rows = []
    for size in (0.5, 2):
        out = subprocess.run([sys.executable, script, "--child", str(size)], capture_output=True, text=True,
                             check=True, timeout=300).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    small, large = rows
    assert large["claims"] > 3.5 * small["claims"]
    # CPU time of extracting and storing, not wall clock: steady on a shared machine; linear gives ~4x,
    # quadratic ~16x. Both sides must count storing: the 2 MB document is streamed (extracted while stored)
    assert large["handle_cpu_s"] < 6 * max(small["handle_cpu_s"], 0.2)
    assert large["peak_mb"] < 60 * large["text_mb"]


# --- nothing is silently misread ------------------------------------------------------


def test_zero_width_format_and_bidi_characters_inside_figures(run, db_url, tmp_path):
    f = tmp_path / "zw.txt"
    f.write_text(f"date {PUB} The ministry said 27\u200b,585 people were killed. Officials said 1\u00ad000 "
                 "people were hurt. Another 4\ufeff5 were missing. Police said \u202e12\u202c were detained.")
    r = run("ingest", str(f))
    assert r.exit_code == 0, r.output
    assert claim_values(run) == [12, 45, 1000, 27585]
    stored = sql(db_url, "SELECT text FROM document")[0][0]
    assert not any(ch in stored for ch in "\u200b\u00ad\ufeff\u202e\u202c")


@pytest.mark.parametrize("sentence", [
    "Officials said 999 quadrillion dollars were lost.",
    "Officials said 5 septillion people were killed.",
    "Officials said 10^400 people were killed.",
    "Officials said 3 x 10^9 people were displaced.",
    "The toll was " + "9" * 30 + " killed, officials said.",
])
def test_scales_beyond_the_table_are_left_out(sentence):
    assert [c.value for c in extract_claims(sentence, dt.date(2024, 2, 7))] == []


def test_known_scales_still_read():
    found = extract_claims("Officials said 1.5 trillion dollars and 2 billion in aid were lost; "
                           "millions were displaced.", dt.date(2024, 2, 7))
    assert [c.value for c in found][:2] == [1_500_000_000_000, 2_000_000_000]


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", "1e309", "Infinity"])
def test_correction_refuses_non_finite_values(run, db_url, tmp_path, bad):
    (tmp_path / "a.txt").write_text(GOOD)
    run("ingest", str(tmp_path))
    r = run("review", "correct", "1", "--value", bad, "--note", "x", "--reviewer", "ed")
    assert r.exit_code != 0
    assert "not a finite number" in r.stderr or "too large" in r.stderr
    assert claim_values(run) == [40]
    out = run("export", "claims", "--format", "json").stdout
    assert json.loads(out)[0]["value"] == 40 and "Infinity" not in out and "NaN" not in out


def test_import_series_refuses_non_finite_and_huge_values(run, db_url, tmp_path):
    f = tmp_path / "s.csv"
    f.write_text("day,killed\n2024-02-01,10\n2024-02-02,nan\n2024-02-03,1e400\n2024-02-04,inf\n2024-02-05,12\n")
    r = run("import-series", str(f), "--source", "Ministry", "--metric", "killed", "--date-field", "day",
            "--value-field", "killed")
    assert "not a finite number" in r.stderr
    assert f"{f}:3" in r.stderr and f"{f}:4" in r.stderr and f"{f}:5" in r.stderr
    out = run("export", "claims", "--format", "json").stdout
    assert "Infinity" not in out and "NaN" not in out
    assert sorted(c["value"] for c in json.loads(out)) in ([], [10, 12])


@pytest.mark.parametrize("value", ["%", ".", "!!!", " "])
def test_filter_that_names_nothing_is_refused(run, db_url, tmp_path, value):
    (tmp_path / "a.txt").write_text(f"date {PUB} Officials said 12 people were hurt.")
    run("ingest", str(tmp_path))
    for opt in ("--subject", "--location", "--speaker", "--source"):
        r = run("claims", opt, value)
        assert r.exit_code == 1, (opt, r.output)
        assert "names nothing to look for" in r.stderr and r.stdout == ""
    r = run("export", "claims", "--subject", value)
    assert r.exit_code == 1 and r.stdout == ""


def test_filter_with_undecodable_bytes_is_a_clear_error(run, db_url):
    arg = b"Gaza\xff".decode("utf-8", "surrogateescape")  # what Python makes of such an argv
    r = run("claims", "--location", arg)
    assert r.exit_code == 1
    assert "is not valid UTF-8 text" in r.stderr and "unexpected" not in r.stderr


# --- identity and review decisions ----------------------------------------------------


def test_file_identity_is_its_resolved_absolute_path(run, db_url, tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    (tmp_path / "a" / "report.txt").write_text(GOOD)
    (tmp_path / "b" / "report.txt").write_text(f"date {PUB} Officials said 12 people were hurt in Rafah.")
    monkeypatch.chdir(tmp_path / "a")
    assert run("ingest", "report.txt").exit_code == 0
    monkeypatch.chdir(tmp_path / "b")
    assert run("ingest", "report.txt").exit_code == 0
    assert run("ingest", str(tmp_path / "a" / "report.txt")).exit_code == 0  # same file, absolute
    assert run("ingest", "../a/./report.txt").exit_code == 0
    rows = sorted(sql(db_url, "SELECT identity, version FROM document"))
    assert rows == [(str(tmp_path / "a" / "report.txt"), 1), (str(tmp_path / "b" / "report.txt"), 1)]
    assert claim_values(run) == [12, 40]


V1 = f"Date: {PUB}\nSource: Harbour Post\nURL: https://h.example/a\n\nThe health ministry said 27,585 people have been killed in Gaza since the war began.\n"
V2 = (f"Date: {PUB}\nSource: Harbour Post\nURL: https://h.example/a\n\nRescue crews worked through the night in "
      "Khan Younis. Gaza's death toll now stands at 27,585, according to health officials.\n")
V3 = f"Date: {PUB}\nSource: Harbour Post\nURL: https://h.example/a\n\nNo figure remains in this text.\n"


def test_decision_follows_a_reworded_sentence(run, db_url, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(V1)
    run("ingest", str(f))
    r = run("review", "correct", "1", "--value", "27600", "--note", "ministry bulletin", "--reviewer", "ed")
    assert r.exit_code == 0, r.output
    f.write_text(V2)
    assert run("ingest", str(f)).exit_code == 0
    live = json.loads(run("claims", "--format", "json").stdout)
    assert len(live) == 1, live
    c = live[0]
    assert (c["id"], c["status"], c["value"], c["needs_review"]) == (1, "corrected", 27600, True)
    assert "death toll" in c["sentence"]
    hist = json.loads(run("history", "1", "--format", "json").stdout)
    assert "reworded" in hist[-1]["note"]
    queue = json.loads(run("review", "queue", "--format", "json").stdout)
    assert [q["id"] for q in queue] == [1]


def test_reviewed_claim_whose_figure_vanished_stays_in_the_queue(run, db_url, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(V1)
    run("ingest", str(f))
    assert run("review", "verify", "1", "--reviewer", "ed").exit_code == 0
    f.write_text(V3)
    assert run("ingest", str(f)).exit_code == 0
    queue = json.loads(run("review", "queue", "--format", "json").stdout)
    assert [(q["id"], q["needs_review"]) for q in queue] == [(1, True)]


def test_reverting_an_article_makes_the_old_text_current(run, db_url, tmp_path):
    f = tmp_path / "a.txt"
    v1 = f"Date: {PUB}\nURL: https://h.example/r\n\nOfficials said 12 people were killed in Rafah.\n"
    v2 = f"Date: {PUB}\nURL: https://h.example/r\n\nOfficials said 15 people were killed in Rafah.\n"
    for body in (v1, v2, v1):
        f.write_text(body)
        r = run("ingest", str(f))
        assert r.exit_code == 0
    assert "1 updated" in r.stderr
    assert sql(db_url, "SELECT version FROM document ORDER BY version") == [(1,), (2,), (3,)]
    live = json.loads(run("claims", "--format", "json").stdout)
    assert [c["value"] for c in live] == [12]
    r = run("ingest", str(f))
    assert "1 unchanged" in r.stderr


# --- injection into the tools editors use ---------------------------------------------


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def _csv(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


def test_csv_cells_that_would_run_as_formulas_are_neutralised(run, db_url, tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({
        "id": "=HYPERLINK(\"http://evil.example\",\"x\")", "source": "@SUM(A1:A9)", "published": PUB,
        "text": "-12 people were hurt, officials said. +3 were killed."}) + "\n")
    assert run("ingest", str(tmp_path / "a.jsonl")).exit_code == 0
    for args in (("export", "claims"), ("claims", "--format", "csv"), ("sources", "--format", "csv")):
        rows = _csv(run(*args).stdout)
        cells = [v for r in rows for v in r.values() if v and not _is_number(v)]  # -12 stays a number
        assert cells and not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in cells), (args, cells)
        assert any(v.startswith("'@SUM") for v in cells)
    raw = _csv(run("export", "claims", "--csv-raw").stdout)
    assert raw[0]["source"] == "@SUM(A1:A9)" and raw[0]["sentence"].startswith("-12")
    raw = _csv(run("--csv-raw", "claims", "--format", "csv").stdout)
    assert raw[0]["source"] == "@SUM(A1:A9)"


def test_terminal_escapes_are_stripped_at_ingest_and_escaped_on_display(run, db_url, tmp_path):
    f = tmp_path / "esc.txt"
    f.write_bytes(f"date {PUB} \x1b[2J\x1b]0;owned 99\x07\x1b]8;;http://x.example/77\x1b\\Officials\x1b]8;;\x1b\\ "
                  "said 12 people were \x1b[31mhurt\x1b[0m.\x9b5m".encode())
    assert run("ingest", str(f)).exit_code == 0
    assert claim_values(run) == [12]
    stored = sql(db_url, "SELECT text FROM document")[0][0]
    assert stored == "Officials said 12 people were hurt."
    table = run("claims").stdout
    assert "\x1b" not in table


def test_table_output_escapes_control_characters():
    from factdb.output import write_table

    out = io.StringIO()
    write_table([{"id": 1, "sentence": "a\x1b[2Jb \u202eevil", "source": "x\x07"}], ["id", "source", "sentence"],
                out)
    assert "\x1b" not in out.getvalue() and "\u202e" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "\\x1b[2J" in out.getvalue() and "\\u202e" in out.getvalue()


# --- careless operation ---------------------------------------------------------------


def test_db_commands_follow_the_config_file(db_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDB_URL", raising=False)
    target = db_url if db_url.startswith("postgresql") else f"sqlite:///{tmp_path / 'configured.sqlite'}"
    (tmp_path / "factdb.toml").write_text(f'[factdb]\ndb = "{target}"\n')
    runner = CliRunner()
    r = runner.invoke(cli, ["db", "upgrade"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["db", "check"])
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "factdb.sqlite").exists()
    if target.startswith("sqlite"):
        assert (tmp_path / "configured.sqlite").exists()


def test_db_check_on_a_missing_path_creates_nothing(tmp_path):
    missing = tmp_path / "nope.sqlite"
    r = CliRunner().invoke(cli, ["--db", str(missing), "db", "check"])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: no database at {missing}")
    assert not missing.exists()


def test_export_over_a_fifo_writes_into_it_and_keeps_file_modes(run, db_url, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    run("ingest", str(tmp_path / "a.txt"))
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo).read()), daemon=True)
    reader.start()
    r = run("export", "claims", "-o", str(fifo))
    reader.join(10)
    assert r.exit_code == 0 and got and "killed" in got[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # not replaced by a regular file
    existing = tmp_path / "shared.csv"
    existing.write_text("old")
    existing.chmod(0o664)
    assert run("export", "claims", "-o", str(existing)).exit_code == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o664
    new = tmp_path / "new.csv"
    old_umask = os.umask(0o022)
    try:
        assert run("export", "claims", "-o", str(new)).exit_code == 0
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def test_database_from_a_newer_factdb_is_named_so(run, db_url):
    eng = open_engine(db_url)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = 'fedcba987654'"))
    eng.dispose()
    for args in (("claims",), ("db", "upgrade")):
        r = run(*args)
        assert r.exit_code == 2
        assert "migrated by a newer factdb; upgrade factdb" in r.stderr and r.stderr.count("\n") == 1


def test_concurrent_upgrades_on_postgresql_both_succeed(pg_url):
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from factdb.db import head_revision, make_engine, upgrade

    name = make_url(pg_url).database + "_empty"
    admin = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    results, errs = [], []

    def go():
        eng = make_engine(url)
        try:
            results.append(upgrade(eng)[1])
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errs.append(exc)
        finally:
            eng.dispose()

    try:
        threads = [threading.Thread(target=go) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errs == [] and results == [head_revision()] * 3
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize("tz, offset_days, accepted", [
    ("Etc/GMT+12", 1, True),   # UTC-12: tomorrow in UTC may be two days ahead locally
    ("Etc/GMT-14", 2, False),  # UTC+14: two days ahead in UTC may be tomorrow locally
])
def test_future_publication_date_is_judged_in_utc(tmp_path, monkeypatch, tz, offset_days, accepted):
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        day = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=offset_days)
        f = tmp_path / "a.txt"
        f.write_text(f"date {day.isoformat()} Officials said 12 people were hurt.")
        (item,) = read_documents([str(f)])
        assert (not hasattr(item, "reason")) is accepted, item
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_read_only_database_in_read_only_directory_can_be_read(tmp_path):
    import shutil
    import tempfile

    top = tempfile.mkdtemp(prefix="factdb-ro-")  # pytest's tmp_path is private to root: another user
    os.chmod(top, 0o755)                         # must be able to reach the database
    d = __import__("pathlib").Path(top) / "ro"
    d.mkdir()
    (d / "a.txt").write_text(GOOD)
    db = d / "f.sqlite"
    subprocess.run([*CLI, "--db", str(db), "ingest", str(d / "a.txt")], check=True, timeout=60)  # closes the WAL
    db.chmod(0o444)
    d.chmod(0o555)
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    try:
        for args in (["claims", "--format", "json"], ["db", "check"], ["export", "claims"]):
            r = subprocess.run([*prefix, *CLI, "--db", str(db), *args], capture_output=True, text=True,
                               timeout=60, env={**os.environ, "HOME": str(tmp_path)})
            assert r.returncode == 0, (args, r.stderr)
        assert "killed" in r.stdout
        assert sorted(os.listdir(d)) == ["a.txt", "f.sqlite"]
    finally:
        d.chmod(0o755)
        shutil.rmtree(top)


def test_history_csv_writes_proposed_as_json(run, db_url, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"Date: {PUB}\nURL: https://h.example/p\n\nOfficials said 12 people were killed in Rafah.\n")
    run("ingest", str(f))
    assert run("review", "verify", "1", "--reviewer", "ed").exit_code == 0
    f.write_text(f"Date: {PUB}\nURL: https://h.example/p\n\nOfficials said 15 people were killed in Rafah.\n")
    run("ingest", str(f))
    rows = _csv(run("history", "1", "--format", "csv").stdout)
    proposed = [r["proposed"] for r in rows if r["proposed"]]
    assert proposed and json.loads(proposed[-1]) == {"value": 15}


def test_extract_command_reports_a_failing_document_and_goes_on(tmp_path):
    f = tmp_path / "two.jsonl"
    f.write_text(json.dumps({"id": "year1", "published": "0001-01-01", "text": "Officials said 3 were killed yesterday."})
                 + "\n" + json.dumps({"id": "ok", "published": PUB, "text": "Officials said 12 people were hurt."}) + "\n")
    r = CliRunner().invoke(cli, ["extract", str(f)])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{f}:1: cannot extract claims") and r.stderr.count("\n") == 1
    assert [json.loads(line)["value"] for line in r.stdout.splitlines()] == [12]
