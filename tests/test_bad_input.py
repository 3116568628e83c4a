"""Hostile input through `factdb ingest`, on SQLite and PostgreSQL.

Every bad item gets one line on stderr naming the file (and line), is
skipped, and the rest is stored; the exit status says whether anything failed.
"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from factdb.cli import cli
from factdb.db import open_engine

GOOD = "date 2024-02-07 At least 40 people were killed in Gaza, the ministry said."


def docs(db_url) -> int:
    eng = open_engine(db_url)
    with eng.connect() as c:
        n = c.execute(text("SELECT count(*) FROM document")).scalar_one()
    eng.dispose()
    return n


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image, not a text article"),
        ("doc.txt", b"%PDF-1.5\n" + bytes(range(256)), "a PDF file, not a text article"),
        ("latin1.txt", "date 2024-02-07 Caf\u00e9: 12 were hurt.".encode("latin-1"), "pass --encoding cp1252"),
        ("future.txt", b"Date: 2999-05-01\n\n12 were hurt.", "is in the future"),
        ("nodate.txt", b"12 were hurt yesterday.", "no publication date"),
    ],
)
def test_bad_file_among_good_ones(run, db_url, tmp_path, name, content, message):
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / name
    bad.write_bytes(content)
    r = run("ingest", str(tmp_path))
    assert r.exit_code == 1
    lines = [line for line in r.stderr.splitlines() if not line.startswith("ingest run")]
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: ") and message in lines[0]
    assert "Traceback" not in r.output
    assert docs(db_url) == 1


def test_accepted_variants(run, db_url, tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (tmp_path / "crlf.txt").write_bytes(b"Date: 2024-02-07\r\nSource: X\r\n\r\nFive people were hurt.\r\n")
    (tmp_path / "cr.txt").write_bytes(b"Date: 2024-02-07\rSource: Y\r\rSix people were hurt.\r")
    (tmp_path / "html.txt").write_text("date 2024-02-07 <p>Seven people &amp; two dogs were hurt.</p>")
    (tmp_path / "nonumbers.txt").write_text("date 2024-02-07 Nothing was counted today.")
    (tmp_path / "digits.txt").write_text(
        "date 2024-02-07 The ministry said 27\u00a0585 were killed, \u0661\u0662 were hurt and "
        "\uff15\uff10 trucks crossed; 1\u2009200 were displaced."
    )
    r = run("ingest", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert docs(db_url) == 6
    out = json.loads(run("claims", "--format", "json", "--document", str(tmp_path / "digits.txt")).stdout)
    values = sorted(c["value"] for c in out if c["value"] is not None)
    assert values == [12, 50, 1200, 27585]


def test_latin1_with_encoding_option(run, db_url, tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("date 2024-02-07 Caf\u00e9 owners said 12 people were hurt.".encode("latin-1"))
    r = run("ingest", "--encoding", "cp1252", str(f))
    assert r.exit_code == 0, r.output
    assert docs(db_url) == 1


def test_large_jsonl_with_three_malformed_lines(run, db_url, tmp_path):
    f = tmp_path / "big.jsonl"
    with f.open("w") as fh:
        for i in range(1, 10_001):
            if i in (17, 5000, 9999):
                fh.write('{"id": "broken", "text": \n')
            else:
                fh.write(json.dumps({"id": f"a{i}", "source": "Wire", "published": "2024-02-07",
                                     "text": f"Item {i}: nothing counted."}) + "\n")
    r = run("ingest", str(f))
    assert r.exit_code == 1
    errs = [line for line in r.stderr.splitlines() if not line.startswith("ingest run")]
    assert [e.split(": ")[0] for e in errs] == [f"{f}:17", f"{f}:5000", f"{f}:9999"]
    assert docs(db_url) == 9997


def test_json_field_problems(run, db_url, tmp_path):
    f = tmp_path / "f.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in [
        {"id": "ok", "published": "2024-02-07", "text": "Five were hurt."},
        {"id": "notext", "published": "2024-02-07"},
        {"id": "num", "published": 20240207, "text": "x"},
        {"id": "imp", "published": "2024-02-30", "text": "x"},
    ]) + "\n")
    r = run("ingest", str(f))
    assert r.exit_code == 1
    assert f"{f}:2: missing `text`" in r.stderr
    assert f"{f}:3: publication date must be a string" in r.stderr
    assert f"{f}:4: impossible publication date '2024-02-30'" in r.stderr
    assert docs(db_url) == 1


def test_fifty_megabyte_single_line(run, db_url, tmp_path):
    # a scraped page run together on one line: mostly prose, a figure every ~100 KB
    f = tmp_path / "huge.txt"
    filler = "Residents described the night of shelling and the long wait for news. " * 1400
    block = filler + "Officials said 12 people were hurt. "
    f.write_text("date 2024-02-07 " + block * (50 * 1024 * 1024 // len(block)))
    assert f.stat().st_size > 50_000_000 and b"\n" not in f.read_bytes()
    r = run("ingest", str(f))
    assert r.exit_code == 1 and "larger than the 20 MB limit" in r.stderr  # the default cap
    r = run("ingest", "--max-document-mb", "60", str(f))
    assert r.exit_code == 0, r.output[-500:]
    assert docs(db_url) == 1
    claims = json.loads(run("claims", "--format", "json", "--limit", "5").stdout)
    assert claims and all(c["value"] == 12 for c in claims)


def test_unreadable_and_looping_directory(run, db_url, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "loop").symlink_to(d)
    (d / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    locked = d / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    r = run("ingest", str(d))
    assert r.exit_code == 1
    assert "symlink loop" in r.stderr and "broken symlink" in r.stderr
    if os.geteuid() != 0:  # root reads any file
        assert f"{locked}: cannot read file" in r.stderr
    assert docs(db_url) >= 1


def test_wrong_database_name_is_exit_2(pg_url):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url).set(database="factdb_no_such_db").render_as_string(hide_password=False)
    r = CliRunner().invoke(cli, ["--db", url, "claims"])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: cannot open database") and r.stderr.count("\n") == 1


def test_debug_shows_traceback():
    r = CliRunner().invoke(cli, ["--debug", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "claims"])
    assert r.exit_code != 0 and r.exception is not None


def test_unknown_role_is_exit_2(pg_url):
    # the test server trusts every local connection, so a refused login is
    # produced with a role that does not exist (same error path as a bad password)
    from sqlalchemy.engine import make_url

    url = make_url(pg_url).set(username="factdb_no_such_role", password="wrong").render_as_string(
        hide_password=False)
    r = CliRunner().invoke(cli, ["--db", url, "claims"])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: cannot open database") and "factdb_no_such_role" in r.stderr
    assert "wrong" not in r.stderr  # the password is never echoed
    assert r.stderr.count("\n") == 1
