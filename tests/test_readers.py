"""Input formats and bad input, read without a database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factdb.errors import InputError
from factdb.readers import SourceDocument, read_documents

from .conftest import SEEDS


def read(*paths, **kw):
    return list(read_documents([str(p) for p in paths], **kw))


def test_seed_format_with_leading_space():
    [doc] = read(SEEDS / "000_0ac5cb94f4c3a24b.txt")
    assert doc.published == dt.date(2024, 2, 7)
    assert doc.text.startswith("Israel's Prime Minister, Benjamin Netanyahu")
    assert "over 27,000 Palestinians" in doc.text
    assert doc.identity.endswith("000_0ac5cb94f4c3a24b.txt")
    assert doc.source is None


def test_header_block(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Toll rises\nSource: Harbour Post\nDate: 2024-02-08\nURL: https://h.example/a\n"
                 "Author: A. Writer\n\nAt least 40 people were killed.\n\nSecond paragraph.\n")
    [doc] = read(p, source="Ignored Default")
    assert (doc.title, doc.source, doc.url, doc.author) == ("Toll rises", "Harbour Post", "https://h.example/a", "A. Writer")
    assert doc.identity == "https://h.example/a"
    assert doc.text == "At least 40 people were killed.\n\nSecond paragraph."


def test_jsonl_and_default_source(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x1", "published": "2024-02-09", "text": "Five were hurt."}) + "\n"
                 + json.dumps({"url": "https://e.example/2", "source": "Own", "published": "2024-02-10T08:00:00Z",
                               "text": "Six died."}) + "\n")
    a, b = read(p, source="Feed Outlet")
    assert (a.identity, a.source, a.published) == ("x1", "Feed Outlet", dt.date(2024, 2, 9))
    assert (b.identity, b.source, b.published) == ("https://e.example/2", "Own", dt.date(2024, 2, 10))


def test_directory_is_recursive_sorted_and_skips_non_articles():
    items = read(SEEDS)
    assert all(isinstance(i, SourceDocument) for i in items)
    paths = [i.path for i in items]
    assert paths == sorted(paths)
    assert not any(p.endswith("README.md") for p in paths)
    assert len(items) >= 10


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("date 2024-02-07 Caf\u00e9 owners said 12 were hurt.".encode("cp1252"), "--encoding cp1252"),
        (b"No date anywhere. 12 were hurt.", "no publication date"),
        (b"Date: 2024-02-30\n\n12 were hurt.", "impossible publication date"),
        (b"Date: 2999-01-01\n\n12 were hurt.", "in the future"),
    ],
)
def test_bad_text_files_are_reported_not_raised(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [err] = read(p)
    assert isinstance(err, InputError)
    assert err.where == str(p)
    assert reason in str(err)


def test_encoding_option_decodes_windows_1252(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("date 2024-02-07 Caf\u00e9 owners said 12 were hurt.".encode("cp1252"))
    [doc] = read(p, encoding="cp1252")
    assert "Café" in doc.text


def test_bom_crlf_and_lone_cr_are_normalised(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes(b"\xef\xbb\xbfDate: 2024-02-07\r\nSource: X\r\n\r\nLine one.\rLine two.\r\n")
    [doc] = read(p)
    assert doc.source == "X"
    assert doc.text == "Line one.\nLine two."


def test_html_is_cleaned(tmp_path):
    p = tmp_path / "h.txt"
    p.write_text("date 2024-02-07 <p>At least 40 people were killed &amp; 12&nbsp;hurt.</p>")
    [doc] = read(p)
    assert doc.text == "At least 40 people were killed & 12\u00a0hurt."


def test_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path):
    p = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "published": "2024-02-09", "text": "Five were hurt."})
    p.write_text("\n".join([
        good,
        "{not json",
        json.dumps({"id": "nt", "published": "2024-02-09"}),
        json.dumps({"id": "np", "published": 20240209, "text": "x"}),
        json.dumps({"id": "bad", "published": "2024-02-30", "text": "x"}),
        json.dumps({"id": "ok2", "published": "2024-02-09", "text": "Six died."}),
    ]) + "\n")
    items = read(p)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [i.identity for i in items if isinstance(i, SourceDocument)] == ["ok", "ok2"]
    assert errors == [
        f"{p}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{p}:3: missing `text` (the article body as a string)",
        f"{p}:4: publication date must be a string like 2024-02-07, got 20240209",
        f"{p}:5: impossible publication date '2024-02-30'",
    ]


def test_symlink_loop_and_missing_path(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("date 2024-02-07 Five were hurt.")
    (d / "loop").symlink_to(d)
    items = read(d, tmp_path / "missing.txt")
    docs = [i for i in items if isinstance(i, SourceDocument)]
    errs = [str(i) for i in items if isinstance(i, InputError)]
    assert len(docs) == 1
    assert any("symlink loop" in e for e in errs)
    assert any("missing.txt: no such file" in e for e in errs)


def test_colon_paragraph_is_not_a_header(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("Note: figures are provisional\n\nAt least 40 people were killed.")
    [doc] = read(p, published=dt.date(2024, 2, 7))
    assert doc.text == "Note: figures are provisional\n\nAt least 40 people were killed."
    assert doc.title is None and doc.source is None
