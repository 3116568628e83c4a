"""`factdb plot`: a chart file is produced; a clear message without matplotlib."""

from __future__ import annotations

import subprocess
import sys

import matplotlib  # noqa: F401 - the dev extra installs it: a missing plot extra fails, never skips
import pytest

from .test_diff_fixtures import ALL, SLICE, load


@pytest.mark.parametrize("ext,magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_plot_writes_a_chart(engine, run, tmp_path, ext, magic):
    load(engine, ALL)
    out = tmp_path / f"timeline.{ext}"
    res = run("plot", "--metric", "killed", "--location", "Gaza", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 5000
    assert "11 figures from 5 sources in 2 series, 4 flagged" in res.stderr
    if ext == "svg":
        text = data.decode()
        for label in ("Harbour Post", "Northgate Courier", "revised_down", "stale", "disagrees"):
            assert label in text


def test_plot_against_official(engine, run, tmp_path):
    load(engine, ALL)
    run("import-series", str(SLICE), "--source", "Gaza Health Ministry", "--metric", "killed", "--subject",
        "Palestinians", "--location", "Gaza", "--date-field", "report_date", "--value-field", "killed_cum")
    out = tmp_path / "check.svg"
    res = run("plot", "--metric", "killed", "--location", "Gaza", "--against", "Gaza Health Ministry", "-o", str(out))
    assert res.exit_code == 0, res.stderr
    assert "Gaza Health Ministry (official)" in out.read_text() and "misreported" in out.read_text()


def test_plot_nothing_to_draw(engine, run, tmp_path):
    res = run("plot", "--metric", "killed", "-o", str(tmp_path / "x.png"))
    assert res.exit_code == 1 and "nothing to draw" in res.stderr
    assert not (tmp_path / "x.png").exists()


def test_plot_without_matplotlib(tmp_path):
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from factdb.cli import main\n"
        f"sys.argv = ['factdb', '--db', {str(tmp_path / 'x.sqlite')!r}, 'plot', '--metric', 'killed']\n"
        "main()\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 1
    assert "matplotlib is not installed" in res.stderr and "pip install 'factdb[plot]'" in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_start_up_does_not_import_matplotlib():
    code = "import sys; import factdb.cli; print('matplotlib' in sys.modules, 'sqlalchemy' in sys.modules)"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.stdout.split()[0] == "False"
