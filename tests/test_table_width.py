"""`--format table` measures terminal columns, not characters: a CJK outlet name,
an emoji or a combining accent keeps every column in line (real SQLite file, the
CLI through Click's runner)."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from wcwidth import wcswidth

from factdb.cli import cli
from factdb.db import open_engine, run_write
from factdb.ingest import store_document
from factdb.readers import SourceDocument

CAFE = "cafe\u0301"  # "café" with a combining accent: five characters, four columns
TEXT = (f"新华社 reported that 1,234 people were killed near the {CAFE} 🏥 in the city, "
        "according to 卫生部 officials who spoke on Tuesday. "
        "Some 56 people were injured, the agency said.")


def _candidate(surface, value, metric, speaker):
    start = TEXT.index(surface)
    return {
        "value": value, "low": None, "high": None, "qualifier": "exact", "unit": None, "metric": metric,
        "subject": None, "location": "北京", "period": "cumulative", "speaker": speaker,
        "attribution": "said" if speaker else "outlet", "as_of": dt.date(2024, 2, 7), "since": None,
        "start": start, "end": start + len(surface), "surface": surface, "sentence": TEXT,
        "sentence_index": 0, "confidence": 0.9, "extractor": "test-1",
    }


def _seed(url):
    eng = open_engine(url)
    docs = [
        ("https://xinhua.example/a", "新华社", f"死亡人数上升 🏥 {CAFE}",
         [_candidate("1,234", 1234, "killed", "卫生部 officials"), _candidate("56", 56, "injured", None)]),
        ("https://harbour.example/b", "Harbour Post", "Toll rises", [_candidate("1,234", 1230, "killed", f"{CAFE} owner")]),
    ]
    for identity, source, title, cands in docs:
        doc = SourceDocument(identity=identity, text=TEXT, published=dt.date(2024, 2, 8), where=identity,
                             source=source, url=identity, title=title)
        run_write(eng, lambda s, doc=doc, cands=cands: store_document(s, doc, cands))
    eng.dispose()


def _table(url, *args):
    res = CliRunner().invoke(cli, ["--db", url, *args], env={"COLUMNS": "120"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout.splitlines()


def _column_starts(dashes: str) -> list[int]:
    return [i for i, ch in enumerate(dashes) if ch == "-" and (i == 0 or dashes[i - 1] == " ")]


def _cell_at(line: str, start: int) -> str:
    """The text that begins at terminal column ``start`` of ``line``, up to the next two spaces."""
    col, i = 0, 0
    while col < start and i < len(line):
        col += max(0, wcswidth(line[i]))
        i += 1
        while i < len(line) and wcswidth(line[i]) == 0:  # combining marks ride on the character before
            i += 1
    assert col == start, f"column {start} falls inside a wide character in {line!r}"
    return line[i:].split("  ")[0].strip()


def test_documents_table_lines_have_one_display_width_with_cjk_emoji_and_combining_text(tmp_path):
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"
    _seed(url)
    lines = _table(url, "documents")
    assert len(lines) == 4 and any("新华社" in line for line in lines)
    # content_hash, the last column, always fills its width: every line ends at the same column
    assert len({wcswidth(line) for line in lines}) == 1, [wcswidth(line) for line in lines]


def test_claims_table_columns_start_at_the_same_terminal_column_on_every_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"
    _seed(url)
    lines = _table(url, "claims")
    header, dashes, rows = lines[0], lines[1], lines[2:]
    assert len(rows) == 3
    starts = _column_starts(dashes)
    names = header.split()
    assert len(starts) == len(names) and names[-1] == "sentence"
    # the sentences are longer than their column: each row is cut to the dashes' exact width
    assert {wcswidth(r) for r in rows} == {wcswidth(dashes)}
    expected = json.loads(CliRunner().invoke(cli, ["--db", url, "claims", "--format", "json"]).stdout)
    for row, want in zip(rows, expected, strict=True):
        got = dict(zip(names, (_cell_at(row, s) for s in starts), strict=True))
        assert got["source"] == want["source"] and got["speaker"] == (want["speaker"] or "")
        assert got["metric"] == want["metric"] and got["status"] == "unreviewed"
        assert got["sentence"].startswith("新华社 reported") and got["sentence"].endswith("…")


def test_diff_summary_aligns_cjk_and_latin_source_names(tmp_path):
    url = f"sqlite:///{tmp_path / 'f.sqlite'}"
    _seed(url)
    res = CliRunner().invoke(cli, ["--db", url, "diff", "--metric", "killed"], catch_exceptions=False)
    named = [line for line in res.stderr.splitlines() if line.startswith(("  新华社", "  Harbour Post"))]
    assert len(named) == 2
    # the figures start at one terminal column whatever the name's script
    assert len({wcswidth(line.split("1,23")[0]) for line in named}) == 1, named
