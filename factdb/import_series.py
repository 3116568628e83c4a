"""Load a published statistical series (one figure per date) as claims.

The file becomes one ``Document`` of the issuing source (identity: the file
name and value field, text: a compact rendering of the rows imported), and
each row one claim with ``as_of`` = the row's date, attributed to that
source.  The same file again is a no-op (same identity and content hash);
a changed file is a new version of the document whose claims are matched by
``as_of``: unchanged figures are carried, changed ones get a history row
(reviewed claims keep their reviewed values, as for articles), dates no
longer in the file are marked removed, new dates are new claims.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from . import store
from .db import run_write
from .errors import FactdbError, InputError
from .figures import finite_figure
from .ingest import merge_candidate
from .models import Claim, Source
from .readers import content_hash, normalise_text

EXTRACTOR = "import-series"


@dataclass
class SeriesRow:
    row: int  # 1-based row number in the file (data rows; CSV: line of the record)
    as_of: dt.date
    value: float


@dataclass
class ImportResult:
    path: str
    kind: str = "unchanged"  # new | updated | unchanged
    document_id: int | None = None
    version: int | None = None
    rows: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        what = {"new": "new series", "updated": f"new version {self.version}",
                "unchanged": f"unchanged (version {self.version})"}[self.kind]
        return (f"{os.path.basename(self.path)}: {what}, document {self.document_id}: {self.rows} figures; "
                f"{self.added} claims added, {self.changed} changed, {self.removed} removed"
                + (f"; {self.skipped} rows without a value skipped" if self.skipped else "")
                + (f"; {len(self.errors)} bad rows" if self.errors else ""))


def _records(text: str, fmt: str, path: str):
    """(row number, record dict) for each record of a csv, json or jsonl file."""
    if fmt == "auto":
        ext = os.path.splitext(path)[1].lower()
        fmt = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}.get(ext)
        if fmt is None:
            fmt = "json" if text.lstrip().startswith(("[", "{")) else "csv"
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for rec in reader:
            yield reader.line_num, rec
    elif fmt == "jsonl":
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as exc:
                yield i, InputError(f"{path}:{i}", f"malformed JSON line ({exc.msg})")
                continue
            yield i, rec
    else:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(path, f"not JSON ({exc.msg} at line {exc.lineno})") from exc
        if isinstance(data, dict):
            lists = [v for v in data.values() if isinstance(v, list)]
            if len(lists) != 1:
                raise InputError(path, "a JSON series must be an array of objects (or an object holding one)")
            data = lists[0]
        if not isinstance(data, list):
            raise InputError(path, "a JSON series must be an array of objects")
        yield from enumerate(data, 1)


def _date(v) -> dt.date:
    if isinstance(v, str):
        v = v.strip()
        try:
            return dt.date.fromisoformat(v[:10])
        except ValueError:
            pass
    raise ValueError(f"{v!r} is not an ISO date")


def _number(v) -> float | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise ValueError(f"{v!r} is not a number")
    if isinstance(v, int | float):
        return finite_figure(v)
    s = str(v).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    return finite_figure(s)


def read_series(path: str, date_field: str, value_field: str, fmt: str = "auto",
                text: str | None = None) -> tuple[list[SeriesRow], list[str], int]:
    """(rows sorted by date, errors as "path:row: reason", rows skipped for having no value)."""
    if text is None:
        try:
            with open(path, encoding="utf-8-sig") as fh:
                text = fh.read()
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    rows: dict[dt.date, SeriesRow] = {}
    errors: list[str] = []
    skipped = 0
    for n, rec in _records(text, fmt, path):
        if isinstance(rec, InputError):
            errors.append(str(rec))
            continue
        if not isinstance(rec, dict):
            errors.append(f"{path}:{n}: not an object")
            continue
        if date_field not in rec:
            errors.append(f"{path}:{n}: no field {date_field!r}")
            continue
        try:
            as_of = _date(rec[date_field])
            value = _number(rec.get(value_field))
        except ValueError as exc:
            errors.append(f"{path}:{n}: {exc}")
            continue
        if value is None:
            skipped += 1
            continue
        if as_of in rows:
            errors.append(f"{path}:{n}: a second figure for {as_of.isoformat()} (row {rows[as_of].row} kept)")
            continue
        rows[as_of] = SeriesRow(n, as_of, value)
    return sorted(rows.values(), key=lambda r: r.as_of), errors, skipped


def _fmt_value(v: float) -> str:
    return str(int(v)) if v.is_integer() else repr(v)


def render(rows: list[SeriesRow], *, name: str, source: str, metric: str, subject: str | None,
           location: str | None, period: str, unit: str | None, date_field: str,
           value_field: str) -> tuple[str, list[tuple[int, int]]]:
    """The document text for a series and each row's (start, end) of its figure."""
    head = [
        f"{source}: {value_field} by {date_field}, from {name}",
        f"metric={metric}; subject={subject or ''}; location={location or ''}; period={period}; unit={unit or ''}",
        "",
    ]
    text = "\n".join(head)
    spans = []
    lines = []
    pos = len(text)
    for r in rows:
        prefix = f"{r.as_of.isoformat()} "
        val = _fmt_value(r.value)
        spans.append((pos + len(prefix), pos + len(prefix) + len(val)))
        line = prefix + val
        lines.append(line)
        pos += len(line) + 1
    return text + "\n".join(lines), spans


def _sentence(source: str, r: SeriesRow, metric: str, subject, location, period, name: str,
              date_field: str, value_field: str) -> str:
    """A readable rendering of one row, naming the file and the row (by its date, which stays
    the same when other rows are added or removed)."""
    what = ", ".join(x for x in (subject, location, period) if x)
    v = f"{int(r.value):,}" if r.value.is_integer() else f"{r.value:,}"
    return (f"{source}: {metric} ({what}) {v} as of {r.as_of.isoformat()} "
            f"[{name}: {value_field} where {date_field} = {r.as_of.isoformat()}]")


def import_series(engine: Engine, path: str, *, source: str, metric: str, subject: str | None = None,
                  location: str | None = None, period: str = "cumulative", unit: str | None = None,
                  date_field: str, value_field: str, fmt: str = "auto", kind: str = "official",
                  actor: str = EXTRACTOR) -> ImportResult:
    """Import one series file in one transaction; see the module docstring."""
    rows, errors, skipped = read_series(path, date_field, value_field, fmt)
    result = ImportResult(path=path, rows=len(rows), skipped=skipped, errors=errors)
    if not rows:
        raise FactdbError(f"{path}: no figures found in field {value_field!r} "
                          f"(dated by {date_field!r}); check --date-field and --value-field")
    name = os.path.basename(path)
    text, spans = render(rows, name=name, source=source, metric=metric, subject=subject, location=location,
                         period=period, unit=unit, date_field=date_field, value_field=value_field)
    text = normalise_text(text)
    chash = content_hash(text)
    identity = f"series:{name}#{value_field}"

    def work(session: Session) -> None:
        result.added = result.changed = result.removed = 0  # a retried transaction starts afresh
        source_id = store.get_or_create_source(session, source, kind=kind)
        src = session.get(Source, source_id)
        if src.kind == "outlet" and kind != "outlet":
            src.kind = kind
        doc, prev, created = store.add_document_version(
            session, identity, chash, title=f"{name}: {value_field} ({source})", path=os.path.abspath(path),
            source_id=source_id, published_at=rows[-1].as_of, text=text)
        if not created:
            result.kind, result.document_id, result.version = "unchanged", doc.id, doc.version
            return
        result.kind = "updated" if prev else "new"
        result.document_id, result.version = doc.id, doc.version
        store.get_or_create_speaker(session, source, kind="body")  # an issuing body, not "unknown"
        old: dict[dt.date, Claim] = {}
        if prev:
            for c in session.execute(select(Claim).where(Claim.document_id == prev.id, Claim.present.is_(True))
                                     .order_by(Claim.id)).scalars():
                old.setdefault(c.as_of, c)
        fresh = []
        for i, (r, (start, end)) in enumerate(zip(rows, spans, strict=True), 1):
            cand = {
                "value": r.value, "low": None, "high": None, "qualifier": "exact", "unit": unit,
                "metric": metric, "subject": subject, "location": location, "period": period,
                "speaker": source, "attribution": "outlet", "as_of": r.as_of, "since": None,
                "start": start, "end": end, "surface": text[start:end],
                "sentence": _sentence(source, r, metric, subject, location, period, name, date_field, value_field),
                "sentence_index": i, "confidence": 1.0, "extractor": EXTRACTOR,
            }
            claim = old.pop(r.as_of, None)
            if claim is None:
                fresh.append((i, cand))
            elif merge_candidate(session, claim, cand, doc.id, actor, action="reimport"):
                result.changed += 1
        for claim in old.values():
            store.mark_removed(session, claim, doc, actor, f"not in version {doc.version} of {name}")
            result.removed += 1
        session.flush()
        result.added = store.insert_new_claims(
            session, doc, [cand for _, cand in fresh], actor, action="import",
            ordinals=[i for i, _ in fresh], notes=[f"{name}, row {rows[i - 1].row}" for i, _ in fresh],
            status="reference")

    run_write(engine, work)
    return result
