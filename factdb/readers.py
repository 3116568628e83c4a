"""Read article files into documents: pure parsing, no database.

Three input formats are understood (see README, "Input formats"):

* the seed format: ``date YYYY-MM-DD`` then the body, possibly on one line;
* plain text with a header block of ``Key: value`` lines, then a blank line;
* JSON Lines, one article per line with ``id``/``url``, ``source``,
  ``published``, ``title``, ``text``.

Reading never raises for a bad item: it yields an :class:`InputError` naming
``path[:line]`` and carries on, so one bad document cannot stop a batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HEADER_KEYS = {"date", "published", "source", "url", "title", "author", "id"}
# how far past today (UTC) a publication date may lie (time zones), in days
FUTURE_SLACK = 1
# one document larger than this is refused (``--max-document-mb``): extraction
# time and memory grow with the text, and no article is this long
DEFAULT_MAX_DOCUMENT_MB = 20

_SEED_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}):[ \t]*(.*?)\s*$")
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]{0,500}>")
# Characters that change what a text says without being seen, removed before
# anything reads the text: terminal escape sequences (screen clears, OSC 8
# links, title changes: their parameters would otherwise be read as figures),
# then the remaining C0/C1 controls but tab and newline, and the invisible
# format characters (zero-width space/joiners, soft hyphen, BOM, word joiner,
# bidi embeddings/overrides/isolates) that split "27\u200b,585" into two figures.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    # OSC/DCS/SOS/PM/APC strings (links, titles), bounded so an unterminated one cannot hide the article
    r"|\x1b[\]PX^_][^\x07\x1b\n]{0,2048}(?:\x07|\x1b\\|(?=[\x1b\n])|$)"
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass
class SourceDocument:
    """One article as read from a file, before storage."""

    identity: str
    text: str
    published: dt.date
    where: str  # path[:line], for messages
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    path: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def strip_invisible(text: str) -> str:
    """``text`` without terminal escapes, control characters (but tab and
    newline) and invisible format characters (see ``_INVISIBLE``)."""
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _INVISIBLE.sub("", text)


def normalise_text(text: str) -> str:
    """The stored form of a text: NFC, LF line ends, no BOM, no NUL, no trailing blanks,
    no control or invisible format characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or "\x0b" in text or "\x0c" in text:
        text = text.translate(_LINE_BREAKS)  # vertical tab, form feed, NEL, line/paragraph separators
    text = strip_invisible(text)  # also NUL, which PostgreSQL text cannot hold, and BOMs
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_BLANKS.sub("", text)  # (each line's rstrip(), without a list of every line)
    return text.strip("\n")


# the blanks ending a line: what str.rstrip() takes off it (re's \s is str.isspace())
_TRAILING_BLANKS = re.compile(r"[^\S\n]+$", re.M)


def clean_markup(text: str) -> str:
    """Text of HTML left in scraped text (a real parser: script, style and comments are never read)."""
    if "<" in text and (_TAG.search(text) or "<!--" in text):
        from .html_text import html_to_text

        return html_to_text(text)
    if "&" in text:
        text = html.unescape(text)
    return text


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_date(value, where: str) -> dt.date:
    """A publication date from ``YYYY-MM-DD``, ISO date-time or plain English."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise InputError(where, f"publication date must be a string like 2024-02-07, got {value!r}")
    s = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise InputError(where, f"impossible publication date {s!r}") from None
    import dateparser  # slow import: only for free-text dates

    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InputError(where, f"cannot read publication date {s!r}; write it as YYYY-MM-DD")
    return parsed.date()


def _check_published(published: dt.date, where: str, today: dt.date | None) -> dt.date:
    # UTC, not the host's local date: under UTC-10 an article dated tomorrow
    # in UTC is still within the slack
    today = today or dt.datetime.now(dt.UTC).date()
    if published > today + dt.timedelta(days=FUTURE_SLACK):
        raise InputError(where, f"publication date {published} is in the future; fix the date")
    return published


def _publication_date(value, default: dt.date | None, where: str, today: dt.date | None, missing: str) -> dt.date:
    """The document's own date if it gives one, else the caller's default, never in the future."""
    if value is None:
        if default is None:
            raise InputError(where, missing)
        return _check_published(default, where, today)
    return _check_published(parse_date(value, where), where, today)


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM allowed) unless ``encoding`` says otherwise.

    Binary files and non-UTF-8 text are refused, never guessed: a misread
    character can change a number.
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(where, f"{what}, not a text article; skipped")
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary data (NUL bytes), not a text article; skipped")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(where, f"cannot decode as {encoding}: {exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where,
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, or pass --encoding cp1252 if it is Windows-1252/Latin-1",
        ) from None


def _header_block(text: str) -> tuple[dict[str, str], int]:
    """``Key: value`` lines up to the first blank line, and where the body starts.

    Only a block naming at least one known key is a header; otherwise the
    text is all body (a first paragraph like "Note: ..." stays in it).
    """
    header: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if not line.strip():
            break
        hm = _HEADER_LINE.match(line)
        if not hm:
            return {}, 0
        header[hm[1].strip().lower()] = hm[2]
        pos = end + 1
    else:
        return {}, 0  # no blank line: there is no body after these lines
    if not HEADER_KEYS & header.keys():
        return {}, 0
    return header, pos + 1


def parse_text(
    raw: str,
    where: str,
    *,
    path: str | None = None,
    default_source: str | None = None,
    default_published: dt.date | None = None,
    today: dt.date | None = None,
) -> SourceDocument:
    """One plain-text article (seed format or header block)."""
    text = normalise_text(raw)
    meta: dict[str, str] = {}
    m = _SEED_MARKER.match(text)
    if m:
        meta["date"] = m[1]
        text = text[m.end():]
    else:
        meta, body_start = _header_block(text)
        text = text[body_start:]
    text = normalise_text(clean_markup(text))
    published = _publication_date(
        meta.get("date") or meta.get("published") or None, default_published, where, today,
        "no publication date: start the file with `date YYYY-MM-DD` or a `Date:` header")
    if not text.strip():
        raise InputError(where, "empty article text; nothing to ingest")
    url = meta.get("url") or None
    return SourceDocument(
        identity=meta.get("id") or url or path or where,
        text=text,
        published=published,
        where=where,
        title=meta.get("title") or None,
        source=meta.get("source") or default_source,
        url=url,
        author=meta.get("author") or None,
        path=path,
    )


def parse_json_record(
    line: str,
    where: str,
    *,
    path: str | None = None,
    default_source: str | None = None,
    default_published: dt.date | None = None,
    today: dt.date | None = None,
) -> SourceDocument:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # arrays or objects nested thousands deep
        raise InputError(where, "JSON nested too deeply; each line must be one flat article object") from None
    if not isinstance(rec, dict):
        raise InputError(where, "each JSON line must be an object with a `text` field")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(where, "missing `text` (the article body as a string)")
    text = normalise_text(clean_markup(normalise_text(text)))
    if not text.strip():
        raise InputError(where, "empty `text`; nothing to ingest")
    published = _publication_date(rec.get("published", rec.get("date")), default_published, where, today,
                                  "missing `published` date (YYYY-MM-DD)")
    ident = rec.get("id") if rec.get("id") not in (None, "") else None
    url = rec.get("url") or None
    identity = str(ident) if ident is not None else (str(url) if url else where)
    return SourceDocument(
        identity=identity,
        text=text,
        published=published,
        where=where,
        title=_str_or_none(rec.get("title")),
        source=_str_or_none(rec.get("source")) or default_source,
        url=_str_or_none(url),
        author=_str_or_none(rec.get("author")),
        path=path,
        extra={k: v for k, v in rec.items() if k not in {"text", "claims", "optional"}},
    )


def _str_or_none(v) -> str | None:
    return None if v is None or v == "" else strip_invisible(str(v))


def iter_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Expand files and directories (recursive, sorted) into file paths.

    Inside directories only article files (.txt, .text, .jsonl, .ndjson) are
    taken; a file named explicitly is always taken.  Symlink loops and
    unreadable directories are reported, not fatal.
    """
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            yield from _walk(p, set())
        elif os.path.exists(p):
            yield p
        else:
            yield InputError(p, "no such file or directory")


def _walk(top: str, seen: set[str]) -> Iterator[str | InputError]:
    real = os.path.realpath(top)
    if real in seen:
        yield InputError(top, "symlink loop; skipped")
        return
    seen = seen | {real}
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(top, f"cannot read directory ({exc.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        elif os.path.splitext(entry.name)[1].lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            if entry.is_symlink() and not os.path.exists(entry.path):
                yield InputError(entry.path, "broken symlink; skipped")
                continue
            yield entry.path


def _format_of(path: str, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    if os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "txt"


_NOT_REGULAR = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def open_regular(path: str, where: str) -> IO[bytes]:
    """``path`` opened for reading if it is a regular file (symlinks followed).

    Anything else is refused before a byte is read: a FIFO would block
    forever, /dev/zero or /dev/urandom never end.  O_NONBLOCK makes opening
    a FIFO without a writer return at once instead of hanging.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(where, f"cannot read file ({exc.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
        raise InputError(where, f"{what}, not a regular file; only regular files are read; skipped")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _too_large(where: str, max_bytes: int) -> InputError:
    return InputError(where, f"larger than the {max_bytes / 1e6:g} MB limit for one document; "
                             "split it, or raise the limit with --max-document-mb")


def read_bounded(fh: IO[bytes], where: str, max_bytes: int) -> bytes:
    """All of ``fh``, refused once it exceeds ``max_bytes`` (never more is read).

    A regular file is refused from its size before a byte is read and then
    read in one piece; a stream (stdin) is read in chunks up to the limit.
    """
    try:
        st = os.fstat(fh.fileno())
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        size = None
    if size is not None:
        if size > max_bytes:
            raise _too_large(where, max_bytes)
        data = fh.read(size + 1)  # + 1: a file still growing is noticed
    else:
        buf = bytearray()
        while len(buf) <= max_bytes:
            chunk = fh.read(min(1 << 20, max_bytes + 1 - len(buf)))
            if not chunk:
                break
            buf += chunk
        data = bytes(buf)
    if len(data) > max_bytes:
        raise _too_large(where, max_bytes)
    return data


def read_documents(
    paths: Iterable[str],
    *,
    fmt: str = "auto",
    source: str | None = None,
    published: dt.date | None = None,
    encoding: str | None = None,
    stdin=None,
    today: dt.date | None = None,
    max_bytes: int | None = None,
) -> Iterator[SourceDocument | InputError]:
    """Every document in ``paths``, or an :class:`InputError` per bad item.

    ``source`` and ``published`` are defaults: a document's own metadata wins.
    A document (a text file, a JSON line) above ``max_bytes`` (default
    ``DEFAULT_MAX_DOCUMENT_MB``) is refused.  Without an id or URL a
    document is identified by its resolved absolute path, so the same file
    reached by two spellings is one article and two files of the same name
    in different directories are two.
    """
    kw = {"default_source": source, "default_published": published, "today": today}
    max_bytes = max_bytes or DEFAULT_MAX_DOCUMENT_MB * 1_000_000
    for path in iter_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        name = "<stdin>" if path == "-" else path
        ident_path = None if path == "-" else os.path.realpath(path)
        if _format_of(name, fmt) == "jsonl":
            yield from _read_jsonl(path, name, ident_path, encoding, stdin, kw, max_bytes)
            continue
        try:
            if path == "-":
                data = read_bounded(stdin or sys.stdin.buffer, name, max_bytes)
            else:
                with open_regular(path, name) as fh:
                    data = read_bounded(fh, name, max_bytes)
        except InputError as exc:
            yield exc
            continue
        except OSError as exc:
            yield InputError(name, f"cannot read file ({exc.strerror})")
            continue
        try:
            raw = decode(data, name, encoding)
        except InputError as exc:
            yield exc
            continue
        del data  # the bytes are not needed once decoded: one copy fewer at peak
        if not raw or raw.isspace():  # (not raw.strip(): a copy of the whole text)
            yield InputError(name, "empty file; nothing to ingest")
            continue
        try:
            doc = parse_text(raw, name, path=ident_path, **kw)
        except InputError as exc:
            yield exc
            continue
        finally:
            del raw  # (the document's text is its own copy: this one would live on while it is stored)
        if path == "-" and doc.identity == name:
            doc.identity = f"stdin:{doc.content_hash[:16]}"
        yield doc


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``fh``; None for a line longer than ``max_bytes``, which is skipped unread."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line


def _read_jsonl(path, name, ident_path, encoding, stdin, kw, max_bytes) -> Iterator[SourceDocument | InputError]:
    """Stream a JSON Lines file one line at a time (constant memory)."""
    try:
        fh = (stdin or sys.stdin.buffer) if path == "-" else open_regular(path, name)
    except InputError as exc:
        yield exc
        return
    seen_any = False
    try:
        for lineno, data in enumerate(_lines(fh, max_bytes), 1):
            where = f"{name}:{lineno}"
            if data is None:
                seen_any = True
                yield _too_large(where, max_bytes)
                continue
            if lineno == 1:
                try:
                    decode(data[:16], name)  # refuse PNG/PDF/... up front
                except InputError as exc:
                    if "not UTF-8" not in exc.reason:
                        yield exc
                        return
            try:
                line = decode(data, where, encoding)
            except InputError as exc:
                yield exc
                continue
            if not line.strip():
                continue
            seen_any = True
            try:
                yield parse_json_record(line.lstrip("\ufeff"), where, path=ident_path, **kw)
            except InputError as exc:
                yield exc
    except OSError as exc:
        yield InputError(name, f"cannot read file ({exc.strerror})")
    finally:
        if path != "-":
            fh.close()
    if not seen_any:
        yield InputError(name, "empty file; nothing to ingest")
