"""One place for output formats: table, csv, json, jsonl.

Every writer takes the same ordered column list and an iterator of row dicts,
so all formats carry the same fields in the same order.  csv/jsonl/json
stream row by row (constant memory); only the table buffers a page to size
its columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

FORMATS = ("table", "csv", "json", "jsonl")
TABLE_PAGE = 1000  # rows buffered per table page to size the columns
NUMERIC = {"value", "low", "high", "change", "claims", "count", "id", "claim_id", "document_id",
           "version", "sources", "corroborated_by", "official_value",
           # figures as text ("more than 27,000"): right-aligned like numbers
           "figure", "official", "old", "new", "first", "last"}


# applied to every text cell of fast CSV exports when set (None: cells are written as they are)
TEXT_CELL: Callable[[str], str] | None = None


def plain(v: Any) -> Any:
    """A JSON-ready value: ISO dates, ints for whole floats."""
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.UTC)
        return v.isoformat().replace("+00:00", "Z")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def cell(v: Any) -> str:
    """CSV cell: empty for null, ISO dates, no trailing .0, JSON for mappings."""
    v = plain(v)
    if v is None:
        return ""
    if isinstance(v, dict):  # e.g. history's `proposed`: JSON, not a Python repr
        return json.dumps(v, default=plain, ensure_ascii=False, sort_keys=True)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | tuple):
        return ";".join(str(x) for x in v)
    return str(v)


# control characters (terminal escapes) and invisible format characters
# (bidi overrides that reorder what is shown): shown as \\x1b, \\u202e
_UNSAFE_FOR_TERMINAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: every control or invisible
    character escaped (newlines kept), so stored text cannot clear the
    screen, plant a link or retitle the window."""
    return _UNSAFE_FOR_TERMINAL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def fmt_number(v: Any) -> str:
    v = plain(v)
    if v is None:
        return ""
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1 else f"{v:,.2f}".rstrip("0").rstrip(".")
    return str(v)


def describe_number(d: dict) -> str:
    """A claim's figure for a reader: its value, else its low–high bounds (``?`` for a missing one)."""
    if d.get("value") is not None:
        return fmt_number(d["value"])
    lo, hi = d.get("low"), d.get("high")
    return f"{fmt_number(lo) or '?'}–{fmt_number(hi) or '?'}"


# a spreadsheet runs a cell starting with one of these as a formula (OWASP
# "CSV injection"); article text, source names and ids can start with them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(v: Any, text: str) -> str:
    """``text`` (the CSV cell of ``v``) with a leading ``'`` if it is text a
    spreadsheet would run as a formula.  Numbers (a negative change) stay numbers."""
    if isinstance(v, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def formula_safe_text(text: str) -> str:
    """A free-text cell with a leading ``'`` if a spreadsheet would run it as a formula (the fast
    export's ``text_cell``; see :func:`spreadsheet_safe`)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(rows: Iterable[dict], columns: Sequence[str], out: IO[str], *, raw: bool = False) -> int:
    """RFC 4180 CSV; text cells that would run as spreadsheet formulas get a
    leading ``'`` unless ``raw`` (``--csv-raw``, for programs, not spreadsheets)."""
    w = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    w.writerow(columns)
    n = 0
    for r in rows:
        if raw:
            w.writerow([cell(r.get(c)) for c in columns])
        else:
            w.writerow([spreadsheet_safe(v, cell(v)) for v in (r.get(c) for c in columns)])
        n += 1
    return n


def write_csv_batches(batches: Iterable[Sequence[Sequence[Any]]], columns: Sequence[str], out: IO[str], *,
                      header: bool = True, text_columns: Sequence[str] = (),
                      text_cell: Callable[[str], str] | None = None) -> int:
    """CSV of rows already formatted as cells (None for an empty cell), a batch at a time.

    The fast path for large exports: each batch goes to ``csv.writer.writerows``
    in C.  ``text_cell``, when given, is applied to the ``text_columns`` cells
    (e.g. to neutralise spreadsheet formulas), through one generated function
    per row, so the other cells cost nothing extra.
    """
    w = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    if header:
        w.writerow(columns)
    n = 0
    convert = _row_converter(columns, text_columns, text_cell) if text_cell and text_columns else None
    for b in batches:
        w.writerows(b if convert is None else map(convert, b))
        n += len(b)
    return n


def _row_converter(columns: Sequence[str], text_columns: Sequence[str], fn: Callable[[str], str]):
    wanted = set(text_columns)
    parts = [f"(f(r[{i}]) if r[{i}] else r[{i}])" if c in wanted else f"r[{i}]" for i, c in enumerate(columns)]
    return eval(f"lambda r: ({', '.join(parts)},)", {"f": fn})  # noqa: S307 - built from column indexes only


def write_jsonl(rows: Iterable[dict], columns: Sequence[str], out: IO[str]) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps({c: plain(r.get(c)) for c in columns}, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(rows: Iterable[dict], columns: Sequence[str], out: IO[str]) -> int:
    """A JSON array, written incrementally."""
    n = 0
    out.write("[")
    for r in rows:
        out.write(("\n  " if n == 0 else ",\n  ") +
                  json.dumps({c: plain(r.get(c)) for c in columns}, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


# --- terminal columns: a CJK character or most emoji takes two, a combining mark none -------


def display_width(s: str) -> int:
    """How many terminal columns ``s`` takes (wcwidth's tables; escape sequences take none)."""
    if s.isascii() and s.isprintable():
        return len(s)  # the common case, without a table lookup
    import wcwidth  # imported on first wide text: `factdb --help` need not load its tables

    return wcwidth.width(s)


def ljust(s: str, width: int) -> str:
    """``s`` padded with spaces to ``width`` terminal columns."""
    return s + " " * (width - display_width(s))


def rjust(s: str, width: int) -> str:
    return " " * (width - display_width(s)) + s


def shorten(s: str, width: int) -> str:
    """``s`` on one line, cut to at most ``width`` terminal columns with an ellipsis."""
    s = " ".join(s.split())
    if display_width(s) <= width:
        return s
    import wcwidth

    # clip never splits a wide character: one that straddles the cut becomes a space, dropped here
    return wcwidth.clip(s, 0, max(1, width - 1)).rstrip() + "…"


def _table_cell(col: str, v: Any) -> str:
    if col in NUMERIC:
        return visible(fmt_number(v))
    if isinstance(v, list | tuple):
        return visible(",".join(str(x) for x in v))
    if isinstance(v, bool):
        return "yes" if v else ""
    return visible(cell(v).replace("\n", " "))


def _highlight(sentence: str, surface: str | None, enabled: bool) -> str:
    if not enabled or not surface or surface not in sentence:
        return sentence
    import click

    return sentence.replace(surface, click.style(surface, bold=True, fg="yellow"), 1)


def write_table(rows: Iterable[dict], columns: Sequence[str], out: IO[str], *,
                color: bool = False, width: int | None = None, wide: Sequence[str] = ("sentence",)) -> int:
    """Aligned columns that fit the terminal; long text columns are shortened.

    Widths are terminal columns, not characters, so a CJK outlet name or an
    emoji does not push the columns after it out of line."""
    width = width or shutil.get_terminal_size((160, 24)).columns
    n = 0
    page: list[dict] = []
    it = iter(rows)
    header_done = False
    while True:
        page = [r for _, r in zip(range(TABLE_PAGE), it, strict=False)]
        if not page and header_done:
            break
        texts = [[_table_cell(c, r.get(c)) for c in columns] for r in page]
        widths = [max([len(c)] + [display_width(t[i]) for t in texts]) for i, c in enumerate(columns)]
        fixed = sum(w + 2 for c, w in zip(columns, widths, strict=True) if c not in wide)
        for i, c in enumerate(columns):
            if c in wide:
                widths[i] = max(20, min(widths[i], width - fixed - 2))
        if not header_done:
            out.write("  ".join(c.ljust(w) if c not in NUMERIC else c.rjust(w)
                                for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
            out.write("  ".join("-" * w for w in widths) + "\n")
            header_done = True
        for r, t in zip(page, texts, strict=True):
            parts = []
            for i, c in enumerate(columns):
                s = t[i]
                if c in wide:
                    s = shorten(s, widths[i])
                    pad = widths[i] - display_width(s)
                    s = _highlight(s, r.get("surface") or r.get("text"), color) + " " * pad
                elif c in NUMERIC:
                    s = rjust(s, widths[i])
                else:
                    s = ljust(s, widths[i])
                parts.append(s)
            out.write("  ".join(parts).rstrip() + "\n")
            n += 1
        if len(page) < TABLE_PAGE:
            break
    return n


def write(rows: Iterable[dict], columns: Sequence[str], fmt: str, out: IO[str], *, color: bool = False,
          csv_raw: bool = False) -> int:
    """Write ``rows`` in ``fmt``; returns the number of rows."""
    if fmt == "csv":
        return write_csv(rows, columns, out, raw=csv_raw)
    if fmt == "json":
        return write_json(rows, columns, out)
    if fmt == "jsonl":
        return write_jsonl(rows, columns, out)
    return write_table(rows, columns, out, color=color)


@contextmanager
def atomic_output(path: str | None, stdout: IO[str]) -> Iterator[IO[str]]:
    """Write to ``path`` via a temporary file renamed into place on success.

    A failure part-way leaves no half-written file (the old one stays).
    Without a path, write to ``stdout``.
    """
    if not path or path == "-":
        yield stdout
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device, FIFO or socket (/dev/stdout, /dev/full, a pipe): renaming
        # over it would replace the node, so write to it directly
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".factdb-", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file 0600: keep an existing file's mode, else the
        # mode a plain open() would give under the umask
        if st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
