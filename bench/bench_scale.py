"""Scale benchmarks for factdb: ingest, queries, export and memory on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_scale.py                       # defaults (see --help)
    .venv/bin/python bench/bench_scale.py --docs 20 --claims 2000 --rss-docs 10,40   # smoke size
    .venv/bin/python bench/bench_scale.py --out bench/results/latest.md

A script you run, not a timed test.  It prints the machine, then, side by side
for every engine measured in the same run:

1. ingest throughput through ``factdb.ingest.ingest`` (with extraction, and with
   extraction done beforehand so only the storage path is timed), the ratio to
   a bare executemany of the same rows into the same engine, and ``jobs=N``;
2. latency of typical ``factdb claims`` queries (``queries.claim_rows``, limit
   50) and of a one-year diff of one series on a database of ``--claims``
   claims, with every query plan;
3. ``factdb claims --format csv`` / ``factdb export claims --format csv`` of
   every claim, run as a subprocess: rows/s and the child's peak RSS;
4. the peak RSS of ingesting a small and a large corpus (subprocesses);
5. extraction throughput (MB/s, one core), and ``bench/extract.py`` if present.

Every size is a flag.  PostgreSQL runs in fresh databases named
``factdb_bench_<random>_*`` that are dropped at the end.  Details and the
latest figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/corpus.py)

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SECTIONS = {
    1: "1. Ingest throughput",
    2: "2. Query latency",
    3: "3. CSV export of every claim",
    4: "4. Peak RSS of ingest vs corpus size",
    5: "5. Extraction throughput",
}
BIG_TABLES = ("claim", "claim_version", "document")


# --- report ------------------------------------------------------------------


class Report:
    """Lines printed as they come and kept for --out."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
        self("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
        self("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        for r in rows:
            self("| " + " | ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=True)) + " |")

    def write(self, path: str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def note(msg: str) -> None:
    """Progress on stderr (not part of the report)."""
    print(f"  .. {msg}", file=sys.stderr, flush=True)


def fmt_rate(n: float) -> str:
    return f"{n:,.0f}" if n >= 100 else f"{n:,.1f}"


def fmt_ms(s: float) -> str:
    return f"{s * 1000:,.1f} ms"


def fmt_mb(kb: float) -> str:
    return f"{kb / 1024:,.0f} MB"


# --- machine -------------------------------------------------------------------


def machine_lines(pg_version: str | None) -> list[tuple[str, str]]:
    import sqlite3

    import sqlalchemy

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return [
        ("platform", platform.platform()),
        ("cpu", cpu),
        ("cores", f"{os.cpu_count()} logical (affinity: {len(os.sched_getaffinity(0))})"),
        ("ram", ram),
        ("load average at start (1/5/15 min)", load),
        ("python", platform.python_version()),
        ("sqlalchemy", sqlalchemy.__version__),
        ("sqlite", sqlite3.sqlite_version),
        ("postgresql", pg_version or "not measured"),
    ]


# --- engines -------------------------------------------------------------------


class Target:
    """One engine under test: hands out fresh, migrated databases and removes them after."""

    name = ""

    def fresh(self, label: str) -> str:
        raise NotImplementedError

    def cleanup(self) -> None:
        pass


class SqliteTarget(Target):
    name = "sqlite"

    def __init__(self, workdir: Path) -> None:
        self.dir = workdir / "sqlite"
        self.dir.mkdir(parents=True, exist_ok=True)
        self._template: Path | None = None

    def fresh(self, label: str) -> str:
        from factdb.db import make_engine, upgrade

        if self._template is None:
            self._template = self.dir / "_template.sqlite"
            eng = make_engine(f"sqlite:///{self._template}")
            upgrade(eng)
            with eng.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            eng.dispose()
        path = self.dir / f"{label}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self._template, path)
        return f"sqlite:///{path}"

    def version(self) -> str:
        import sqlite3

        return sqlite3.sqlite_version


class PostgresTarget(Target):
    name = "postgres"

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.base = make_url(url)
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.prefix = f"factdb_bench_{uuid.uuid4().hex[:10]}"
        note(f"postgres: scratch databases {self.prefix}_* on {self.base.render_as_string()}")
        self.created: list[str] = []
        self._template: str | None = None

    def _url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None = None) -> None:
        from sqlalchemy import text

        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        self.created.append(name)

    def fresh(self, label: str) -> str:
        from factdb.db import make_engine, upgrade

        if self._template is None:
            self._template = f"{self.prefix}_template"
            self._create(self._template)
            eng = make_engine(self._url(self._template))
            upgrade(eng)
            eng.dispose()
        name = f"{self.prefix}_{label}"
        self.drop(name)
        self._create(name, self._template)
        return self._url(name)

    def drop(self, name: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self.created:
            self.created.remove(name)

    def version(self) -> str:
        from sqlalchemy import text

        with self.admin.connect() as c:
            return c.execute(text("SHOW server_version")).scalar_one()

    def cleanup(self) -> None:
        for name in list(self.created):
            try:
                self.drop(name)
            except Exception as exc:  # noqa: BLE001 - best effort at exit
                print(f"could not drop {name}: {exc}", file=sys.stderr)
        self.admin.dispose()


def open_db(url: str):
    from factdb.db import open_engine

    return open_engine(url)


def row_counts(engine) -> dict[str, int]:
    from sqlalchemy import text

    with engine.connect() as c:
        return {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in BIG_TABLES}


# --- child-process peak RSS -------------------------------------------------------


# Linux keeps a process's peak RSS across fork + exec, so a child forked from
# this (large) process would report at least our own RSS.  Children are
# therefore started by this small launcher, and their own peak is read there.
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "p = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(p.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_child(cmd: list[str], *, stdout=subprocess.DEVNULL) -> tuple[int, float, int, str]:
    """Run ``cmd``; returns (exit status, wall seconds, peak RSS in KiB, stderr tail)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        t0 = time.perf_counter()
        code = subprocess.call([sys.executable, "-S", "-c", _LAUNCHER, rss.name, *cmd], stdout=stdout,
                               stderr=err)
        wall = time.perf_counter() - t0
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
        peak = int(rss.read().strip() or 0)
    return code, wall, peak, tail


# --- extraction ----------------------------------------------------------------------


def extractor_available() -> tuple[bool, str]:
    try:
        from factdb.extract import extract_claims  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any import failure means "not available"
        return False, f"{type(exc).__name__}: {exc}"
    return True, ""


_METRIC_WORDS = [("killed", "killed"), ("death toll", "killed"), ("dead", "killed"), ("wounded", "injured"),
                 ("hurt", "injured"), ("forced from their homes", "displaced"), ("displaced", "displaced"),
                 ("fled", "displaced"), ("missing", "missing"), ("released", "released"),
                 ("arrested", "detained"), ("trucks", "aid"), ("food", "food_insecurity"),
                 ("damaged", "destroyed")]
_NUMBER = re.compile(r"\d[\d,]*")


def synthetic_candidates(doc) -> list[dict]:
    """Stand-in for the extractor when it cannot be imported: one candidate per
    sentence with a number, with every field of ``ingest.candidate_fields``."""
    out = []
    sentences = re.split(r"(?<=[.!?])\s+", doc.text)
    pos = 0
    for i, s in enumerate(sentences):
        start = doc.text.find(s, pos)
        pos = max(pos, start)
        m = _NUMBER.search(s)
        if not m:
            continue
        metric = next((mt for w, mt in _METRIC_WORDS if w in s), "other")
        v = float(m.group().replace(",", "") or 0)
        spk = re.search(r"(the [A-Z][\w ]+?|UN OCHA|UNICEF|local officials|witnesses) (?:said|told|estimated|warned|reported|announced|recalled)", s)
        out.append({
            "value": v, "low": None, "high": None, "qualifier": "exact", "unit": "count", "metric": metric,
            "subject": "people", "location": None, "period": "unknown", "speaker": spk.group(1) if spk else None,
            "attribution": "named" if spk else "outlet", "as_of": doc.published, "since": None,
            "start": start + m.start(), "end": start + m.end(), "surface": m.group(), "sentence": s,
            "sentence_index": i, "confidence": 0.5, "extractor": "bench-synthetic",
        })
    return out


@contextmanager
def patched_extraction(fn: Callable):
    """Make ``ingest.ingest(..., jobs=1)`` take its candidates from ``fn(doc)``."""
    import factdb.extract as fx
    import factdb.ingest as ing

    saved = ing.extract_for
    stub = not hasattr(fx, "load_lexicon")
    if stub:  # the extractor package is incomplete: ingest() still imports this name
        fx.load_lexicon = lambda paths: None
    ing.extract_for = lambda doc, lexicon=None: fn(doc)
    try:
        yield
    finally:
        ing.extract_for = saved
        if stub:
            del fx.load_lexicon


def read_corpus(path: Path):
    from factdb.errors import InputError
    from factdb.readers import read_documents

    return [d for d in read_documents([str(path)]) if not isinstance(d, InputError)]


def extract_all(docs, use_extractor: bool) -> tuple[dict[str, list[dict]], float, int]:
    """Candidates for every document; (candidates, seconds, text bytes)."""
    from factdb.ingest import extract_for

    out, nbytes = {}, 0
    t0 = time.perf_counter()
    for d in docs:
        out[d.identity] = extract_for(d) if use_extractor else synthetic_candidates(d)
        nbytes += len(d.text.encode("utf-8"))
    return out, time.perf_counter() - t0, nbytes


# --- 1. ingest -------------------------------------------------------------------------


@dataclass
class IngestFigures:
    engine: str
    docs: int = 0
    rows: dict = field(default_factory=dict)
    full: tuple[float, int] | None = None  # seconds, claims
    storage: tuple[float, int] | None = None
    ceiling: float | None = None
    jobs: tuple[float, int] | None = None
    notes: list[str] = field(default_factory=list)


def timed_ingest(url: str, path: Path, *, jobs: int = 1) -> tuple[float, int, int]:
    from factdb.ingest import ingest

    eng = open_db(url)
    errors: list[str] = []
    t0 = time.perf_counter()
    s = ingest(eng, [str(path)], jobs=jobs, on_error=errors.append)
    wall = time.perf_counter() - t0
    eng.dispose()
    if errors:
        note(f"ingest reported {len(errors)} errors, first: {errors[0]}")
    return wall, s.new, s.claims_added


def ceiling_insert(src_url: str, dst_url: str) -> tuple[float, dict[str, int]]:
    """Copy every row the ingest wrote into a fresh database with one executemany
    per table in one transaction: the ceiling for the same rows."""
    from sqlalchemy import insert, select

    from factdb.models import metadata

    order = ["ingest_run", "source", "speaker", "document", "claim", "claim_version"]
    src = open_db(src_url)
    data = {}
    with src.connect() as c:
        for t in order:
            table = metadata.tables[t]
            data[t] = [dict(r._mapping) for r in c.execute(select(table).order_by(table.c.id))]
    src.dispose()
    dst = open_db(dst_url)
    with dst.connect().execution_options(write=True) as c:
        t0 = time.perf_counter()
        with c.begin():
            for t in order:
                if data[t]:
                    c.execute(insert(metadata.tables[t]), data[t])
        wall = time.perf_counter() - t0
    dst.dispose()
    return wall, {t: len(v) for t, v in data.items()}


def bench_ingest(targets: list[Target], args, rep: Report, workdir: Path, state: dict) -> None:
    rep(f"## {SECTIONS[1]}")
    rep()
    has_ex, why = extractor_available()
    state["extractor"] = (has_ex, why)
    path = workdir / f"corpus_{args.docs}.jsonl"
    corpus.write(args.docs, str(path), seed=args.seed)
    size = path.stat().st_size
    docs = read_corpus(path)
    note(f"corpus: {len(docs)} documents, {size / 1e6:.1f} MB; extracting once for the storage-path runs")
    cands, ex_secs, ex_bytes = extract_all(docs, has_ex)
    n_cands = sum(len(v) for v in cands.values())
    if has_ex:
        state["extraction"] = (ex_secs, ex_bytes, len(docs), n_cands)
    rep(f"Corpus: {len(docs):,} synthetic articles (bench/corpus.py, seed {args.seed}), "
        f"{size / 1e6:.1f} MB of JSON Lines, {n_cands:,} claims "
        f"({n_cands / max(1, len(docs)):.1f} per article).")
    if not has_ex:
        rep(f"NOTE: factdb.extract.extract_claims is not importable ({why}); the runs with extraction "
            "and --jobs are skipped and the storage path is fed synthetic candidates (one per sentence "
            "with a number).")
    rep()
    figs = []
    for tg in targets:
        f = IngestFigures(tg.name, docs=len(docs))
        figs.append(f)
        if has_ex:
            note(f"{tg.name}: ingest with extraction, jobs=1")
            wall, new, claims = timed_ingest(tg.fresh("ingest_full"), path)
            f.full = (wall, claims)
        note(f"{tg.name}: ingest, extraction done beforehand (storage path only)")
        storage_url = tg.fresh("ingest_storage")
        with patched_extraction(lambda d: cands[d.identity]):
            wall, new, claims = timed_ingest(storage_url, path)
        f.storage = (wall, claims)
        eng = open_db(storage_url)
        f.rows = row_counts(eng)
        eng.dispose()
        note(f"{tg.name}: executemany ceiling of the same rows")
        f.ceiling, copied = ceiling_insert(storage_url, tg.fresh("ingest_ceiling"))
        if has_ex and args.jobs > 1:
            note(f"{tg.name}: ingest with extraction, jobs={args.jobs}")
            wall, new, claims = timed_ingest(tg.fresh("ingest_jobs"), path, jobs=args.jobs)
            f.jobs = (wall, claims)
    header = ["measure"] + [f.engine for f in figs]

    def per(fn: Callable[[IngestFigures], str]) -> list[str]:
        return [fn(f) for f in figs]

    def thr(t: tuple[float, int] | None, docs: int) -> str:
        if not t:
            return "skipped"
        return f"{fmt_rate(docs / t[0])} docs/s, {fmt_rate(t[1] / t[0])} claims/s ({t[0]:.1f} s)"

    rows = [
        ["rows written (documents / claims / claim_version)",
         *per(lambda f: f"{f.rows['document']:,} / {f.rows['claim']:,} / {f.rows['claim_version']:,}")],
        ["ingest(), extraction included, jobs=1", *per(lambda f: thr(f.full, f.docs))],
        [f"ingest(), extraction included, jobs={args.jobs}", *per(lambda f: thr(f.jobs, f.docs))],
        ["ingest(), extraction done beforehand (storage path)", *per(lambda f: thr(f.storage, f.docs))],
        ["bare executemany of the same rows (ceiling)",
         *per(lambda f: thr((f.ceiling, f.storage[1]), f.docs) if f.ceiling else "skipped")],
        ["storage path / ceiling (target >= 0.3)",
         *per(lambda f: f"{f.ceiling / f.storage[0]:.3f}" if f.ceiling else "-")],
        ["with extraction / ceiling",
         *per(lambda f: f"{f.ceiling / f.full[0]:.3f}" if f.full and f.ceiling else "-")],
        [f"jobs={args.jobs} speed-up over jobs=1",
         *per(lambda f: f"{f.full[0] / f.jobs[0]:.2f}x" if f.full and f.jobs else "-")],
    ]
    rep.table(header, rows)
    rep()
    rep("The ceiling is one `executemany` per table (source, speaker, document, claim, claim_version) "
        "in a single transaction into the same freshly migrated schema (all indexes in place); "
        "ingest() commits one transaction per document.")
    if args.jobs > 1:
        rep(f"--jobs {args.jobs} on a machine with {len(os.sched_getaffinity(0))} usable cores.")
    rep()


# --- 2. query database -----------------------------------------------------------------

METRICS = [("killed", 25), ("injured", 15), ("displaced", 10), ("missing", 5), ("detained", 8),
           ("released", 5), ("aid", 7), ("food_insecurity", 5), ("destroyed", 5), ("other", 15)]
EXTRA_PLACES = ["Rafah", "Khan Younis", "Jabalia", "Kharkiv", "Kherson", "Darfur", "Khartoum", "Aleppo",
                "Idlib", "Hodeidah", "Port-au-Prince", "Rakhine", "Beirut", "Mogadishu", "Bamako",
                "West Bank", "Nablus", "Jenin", "Donetsk", "Mariupol", "El Fasher", "Homs", "Sanaa", "Goma"]
STATUSES = [("unreviewed", 900), ("verified", 60), ("corrected", 10), ("disputed", 20), ("rejected", 10)]
PERIODS = [("cumulative", 40), ("interval", 30), ("unknown", 30)]
QUALIFIERS = [("exact", 50), ("at_least", 15), ("more_than", 15), ("approximately", 10), ("range", 10)]


def _weighted(rng: random.Random, pairs):
    names = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return lambda k=1: rng.choices(names, weights, k=k)


@dataclass
class QueryDb:
    url: str
    claims: int
    documents: int
    versions: int
    build_s: float
    first: dt.date
    last: dt.date


def synthetic_rows(n_claims: int, seed: int, per_doc: int, doc_bytes: int):
    """Documents, claims and claim versions that look like ingested ones.

    Yields ("document"|"claim"|"claim_version", row tuple) in id order
    (column order: ``_COLS``); source ids index ``bulk_outlets()`` and
    speaker ids ``corpus.SPEAKERS``, from 1.
    """
    from factdb import normalize

    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    days = 3 * 365
    places = corpus.PLACES + EXTRA_PLACES
    place_w = [60 if p == "Gaza" else (25 if p in corpus.PLACES else 4) for p in places]
    metric = _weighted(rng, METRICS)
    status = _weighted(rng, STATUSES)
    period = _weighted(rng, PERIODS)
    qualifier = _weighted(rng, QUALIFIERS)
    outlets, speakers = bulk_outlets(), corpus.SPEAKERS
    outlet_w = [30] * len(corpus.OUTLETS) + [2] * (len(outlets) - len(corpus.OUTLETS) - 1)
    texts = [a["text"] for a in corpus.generate(40, seed + 1)]
    texts = [(t * (doc_bytes // max(1, len(t)) + 1))[:doc_bytes] for t in texts]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if _NUMBER.search(s)][:400]
    created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    claim_id = version_id = 0
    doc_id = 0
    while claim_id < n_claims:
        doc_id += 1
        published = start + dt.timedelta(days=rng.randrange(days))
        src = rng.choices(range(1, len(outlet_w) + 1), outlet_w)[0]
        if published < start + dt.timedelta(days=90) and rng.random() < 0.2:
            src = len(outlets)  # an outlet that stopped publishing: all its claims are old
        place = rng.choices(places, place_w)[0]
        ingested = created + dt.timedelta(seconds=doc_id)
        yield "document", (doc_id, f"bench-{doc_id:08d}", 1, hashlib.sha256(str(doc_id).encode()).hexdigest(),
                           f"Report {doc_id} on {place}", None, f"https://example.org/{doc_id}", None, src,
                           published, ingested, texts[doc_id % len(texts)], None, None)
        k = max(1, min(n_claims - claim_id, int(rng.gauss(per_doc, per_doc / 3))))
        for ordinal in range(1, k + 1):
            claim_id += 1
            m = metric()[0]
            q = qualifier()[0]
            v = float(rng.randrange(2, 90_000))
            low, high, value = (v, v + rng.randrange(5, 500), None) if q == "range" else (None, None, v)
            spk_i = rng.randrange(len(speakers) + 3)
            spk = speakers[spk_i] if spk_i < len(speakers) else None
            subj = rng.choice(corpus.SUBJECTS)
            loc = place if rng.random() < 0.9 else None
            st = status()[0]
            present = rng.random() < 0.98
            versions = 2 if rng.random() < 0.05 else 1
            sentence = rng.choice(sentences)
            as_of = published - dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            fields = (value, low, high, q, "count", m, subj, loc, period()[0], spk,
                      "named" if spk else "outlet", as_of, None, 10 * ordinal, 10 * ordinal + 4,
                      str(int(v)), sentence, ordinal, round(rng.uniform(0.5, 1.0), 3), "bench",
                      normalize.subject_key(subj), normalize.location_key(loc), st, False, present)
            yield "claim", fields + (claim_id, doc_id, doc_id, ordinal, src,
                                     (spk_i + 1) if spk else None, versions, ingested, ingested)
            for ver in range(1, versions + 1):
                version_id += 1
                yield "claim_version", fields + (version_id, claim_id, ver, doc_id, src,
                                                 (spk_i + 1) if spk else None,
                                                 "extract" if ver == 1 else "verify", "[]", "bench", None,
                                                 None, ingested)


def bulk_outlets() -> list[str]:
    return corpus.OUTLETS + [f"Regional Bulletin {i}" for i in range(40)] + ["Archive Gazette"]


_COLS = {
    "document": ["id", "identity", "version", "content_hash", "title", "author", "url", "path", "source_id",
                 "published_at", "ingested_at", "text", "supersedes_id", "ingest_run_id"],
    "claim_fields": ["value", "low", "high", "qualifier", "unit", "metric", "subject", "location", "period",
                     "speaker", "attribution", "as_of", "since", "start", "end", "surface", "sentence",
                     "sentence_index", "confidence", "extractor", "subject_key", "location_key", "status",
                     "needs_review", "present"],
}
_COLS["claim"] = _COLS["claim_fields"] + ["id", "document_id", "origin_document_id", "ordinal", "source_id",
                                          "speaker_id", "version", "created_at", "updated_at"]
_COLS["claim_version"] = _COLS["claim_fields"] + ["id", "claim_id", "version", "document_id", "source_id",
                                                  "speaker_id", "action", "changed", "actor", "note",
                                                  "proposed", "recorded_at"]


def _sqlite_value(v):
    # what SQLAlchemy's SQLite dialect stores for Date / DateTime / Boolean
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def _indexes(table_names):
    from factdb.models import metadata

    return [ix for t in table_names for ix in metadata.tables[t].indexes]


def build_query_db(tg: Target, args) -> QueryDb:
    """Bulk-load ``--claims`` claims: executemany (SQLite) or COPY (PostgreSQL).

    Secondary indexes of claim/claim_version/document are dropped for the load
    and re-created from the models afterwards, as a restore would do.
    """
    from sqlalchemy import text

    from factdb.normalize import key

    url = tg.fresh("query")
    eng = open_db(url)
    batch: dict[str, list] = {"document": [], "claim": [], "claim_version": []}
    t0 = time.perf_counter()
    gen = synthetic_rows(args.claims, args.seed, args.claims_per_doc, args.doc_bytes)
    idx = _indexes(["document", "claim", "claim_version"])
    counts = {"document": 0, "claim": 0, "claim_version": 0}
    first = last = None
    with eng.connect().execution_options(write=True) as conn:
        with conn.begin():
            for ix in idx:
                ix.drop(conn)
        raw = conn.connection.dbapi_connection
        if tg.name == "sqlite":
            cur = raw.cursor()
            cur.execute("BEGIN IMMEDIATE")
            ins = {t: f'INSERT INTO {t} ({", ".join(chr(34) + c + chr(34) for c in cols)}) VALUES '
                      f'({", ".join("?" * len(cols))})'
                   for t, cols in _COLS.items() if t != "claim_fields"}

            def flush(t):
                cur.executemany(ins[t], [tuple(_sqlite_value(v) for v in r) for r in batch[t]])
                batch[t].clear()
        else:
            cur = raw.cursor()

            def flush(t):
                cols = ", ".join(f'"{c}"' for c in _COLS[t])
                with cur.copy(f"COPY {t} ({cols}) FROM STDIN") as cp:
                    for r in batch[t]:
                        cp.write_row(r)
                batch[t].clear()

        sources = [(i, n, key(n), "outlet", None, dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
                   for i, n in enumerate(bulk_outlets(), 1)]
        spk = [(i, " ".join(n.split()), key(n), "body") for i, n in enumerate(corpus.SPEAKERS, 1)]
        if tg.name == "sqlite":
            cur.executemany("INSERT INTO source (id, name, name_key, kind, url, created_at) VALUES (?,?,?,?,?,?)",
                            [tuple(_sqlite_value(v) for v in r) for r in sources])
            cur.executemany("INSERT INTO speaker (id, name, key, kind) VALUES (?,?,?,?)", spk)
        else:
            with cur.copy("COPY source (id, name, name_key, kind, url, created_at) FROM STDIN") as cp:
                for r in sources:
                    cp.write_row(r)
            with cur.copy("COPY speaker (id, name, key, kind) FROM STDIN") as cp:
                for r in spk:
                    cp.write_row(r)
        for kind, row in gen:
            batch[kind].append(row)
            counts[kind] += 1
            if kind == "document":
                d = row[9]
                first = d if first is None or d < first else first
                last = d if last is None or d > last else last
            if len(batch[kind]) >= 20_000:
                for t in ("document", "claim", "claim_version"):  # FK order
                    flush(t)
                note(f"{tg.name}: {counts['claim']:,} claims loaded")
        for t in ("document", "claim", "claim_version"):
            flush(t)
        if tg.name == "sqlite":
            cur.execute("COMMIT")
        else:
            raw.commit()
    note(f"{tg.name}: rows loaded in {time.perf_counter() - t0:.0f} s; re-creating indexes")
    with eng.connect().execution_options(write=True) as conn:
        with conn.begin():
            for ix in idx:
                ix.create(conn)
            if tg.name == "postgres":
                for t in ("document", "claim", "claim_version", "source", "speaker"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                                      f"(SELECT coalesce(max(id), 1) FROM {t}))"))
    if tg.name == "postgres":
        with eng.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    elif args.sqlite_analyze:
        with eng.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    if tg.name == "sqlite":
        with eng.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    build = time.perf_counter() - t0
    eng.dispose()
    return QueryDb(url, counts["claim"], counts["document"], counts["claim_version"], build, first, last)


# --- 2. query latency --------------------------------------------------------------------


@contextmanager
def capture_sql(engine) -> Iterator[list]:
    from sqlalchemy import event

    seen: list = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def explain(engine, engine_name: str, statement: str, parameters) -> tuple[list[str], list[str]]:
    """The plan of ``statement`` as lines, and the problems found in it."""
    problems = []
    with engine.connect() as conn:
        if engine_name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            depth = {0: -1}
            lines = []
            for node, parent, _, detail in rows:
                depth[node] = depth.get(parent, -1) + 1
                lines.append("  " * depth[node] + detail)
                m = re.match(r"SCAN (\w+)(?: AS \w+)?(.*)", detail)
                if m and m.group(1) in BIG_TABLES:
                    if "USING" not in m.group(2):
                        problems.append(f"FULL TABLE SCAN: {detail}")
                    elif "COVERING" not in m.group(2):
                        problems.append(f"index walked in order, filtered row by row: {detail}")
                if "TEMP B-TREE" in detail:
                    problems.append(f"sort: {detail}")
        else:
            rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters).fetchall()
            lines = [r[0] for r in rows]
            for line in lines:
                m = re.search(r"Seq Scan on (\w+)", line)
                if m and m.group(1) in BIG_TABLES:
                    problems.append(f"FULL TABLE SCAN: {line.strip()}")
    return lines, problems


def _main_statement(seen) -> tuple[str, object]:
    cands = [(s, p) for s, p in seen if re.search(r"\bFROM (claim|claim_version)\b", s)]
    return max(cands or seen, key=lambda sp: len(sp[0]))


def time_claims(url: str, flt, repeats: int) -> tuple[list[float], int, tuple[str, object]]:
    from factdb.db import read_session
    from factdb.queries import claim_rows

    eng = open_db(url)
    times = []
    n = 0
    with capture_sql(eng) as seen:
        with read_session(eng) as s:  # warm-up (and the statement to explain)
            n = sum(1 for _ in claim_rows(s, flt))
    stmt = _main_statement(seen)
    for _ in range(repeats):
        t0 = time.perf_counter()
        with read_session(eng) as s:
            n = sum(1 for _ in claim_rows(s, flt))
        times.append(time.perf_counter() - t0)
    eng.dispose()
    return times, n, stmt


def flag_some_claims(url: str) -> int:
    """Give the bulk-loaded claims stored flags as a refresh would (about 1 in 200 flagged, spread
    over the five queue flags) and drop the pending full refresh the migration leaves."""
    from sqlalchemy import text

    eng = open_db(url)
    with eng.begin() as c:
        c.execute(text("DELETE FROM series_change"))
        n = 0
        for i, flag in enumerate(("misreported", "disagrees", "misdated", "stale", "revised_down")):
            n += c.execute(text("UPDATE claim SET flag = :f, flag_note = 'bench' WHERE id % 1000 = :i"),
                           {"f": flag, "i": i * 2 + 1}).rowcount
    eng.dispose()
    return n


def time_queue(url: str, flt, repeats: int) -> tuple[list[float], int, tuple[str, object]]:
    """`review queue` as the CLI runs it: the flag refresh check, then the first page."""
    from factdb.db import read_session
    from factdb.review import queue_rows, refresh_flags

    eng = open_db(url)
    times = []
    with capture_sql(eng) as seen:
        refresh_flags(eng)
        with read_session(eng) as s:
            n = sum(1 for _ in queue_rows(s, flt))
    stmt = _main_statement(seen)
    for _ in range(repeats):
        t0 = time.perf_counter()
        refresh_flags(eng)
        with read_session(eng) as s:
            n = sum(1 for _ in queue_rows(s, flt))
        times.append(time.perf_counter() - t0)
    eng.dispose()
    return times, n, stmt


def time_family_refresh(url: str) -> tuple[float, int]:
    """Seconds to recompute the flags of the largest family (killed in Gaza) after one change there."""
    from sqlalchemy import text

    from factdb.flags import refresh

    eng = open_db(url)
    with eng.begin() as c:
        c.execute(text("INSERT INTO series_change (metric, location_key, recorded_at) "
                       "VALUES ('killed', 'gaza', CURRENT_TIMESTAMP)"))
        size = c.execute(text("SELECT count(*) FROM claim WHERE metric = 'killed' AND location_key = 'gaza'")).scalar()
    t0 = time.perf_counter()
    refresh(eng)
    wall = time.perf_counter() - t0
    eng.dispose()
    return wall, size


def time_cli_in_process(url: str, argv: list[str], repeats: int) -> tuple[list[float], int, tuple[str, object]]:
    """A CLI command run in-process (no interpreter start-up), e.g. ``diff``."""
    from click.testing import CliRunner

    from factdb.cli import cli
    from factdb.db import make_engine

    runner = CliRunner()
    seen: list = []
    import factdb.db as fdb

    real = fdb.make_engine

    def spy(u=None):
        eng = make_engine(u)
        from sqlalchemy import event

        event.listen(eng, "before_cursor_execute", lambda c, cur, st, p, ctx, many: seen.append((st, p)))
        return eng

    fdb.make_engine = spy
    try:
        res = runner.invoke(cli, ["--db", url, *argv], catch_exceptions=False)
    finally:
        fdb.make_engine = real
    if res.exit_code != 0:
        raise RuntimeError(f"factdb {' '.join(argv)} exited {res.exit_code}: {res.output[-500:]}")
    rows = max(0, res.stdout.count("\n") - 1)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        runner.invoke(cli, ["--db", url, *argv], catch_exceptions=False)
        times.append(time.perf_counter() - t0)
    return times, rows, _main_statement(seen) if seen else ("", None)


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def query_specs(qdb: QueryDb):
    from factdb.queries import ClaimFilter

    last = qdb.last or dt.date(2024, 12, 31)
    month = (last - dt.timedelta(days=180), last - dt.timedelta(days=150))
    year = (last - dt.timedelta(days=365), last)
    return [
        ("no filter (first page)", ClaimFilter(limit=50)),
        ("--metric killed --location Gaza", ClaimFilter(metric=("killed",), location="Gaza", limit=50)),
        ("--metric injured --location Mali", ClaimFilter(metric=("injured",), location="Mali", limit=50)),
        ("--source 'Harbour Post'", ClaimFilter(source=("Harbour Post",), limit=50)),
        ("--source 'Regional Bulletin 7' (small outlet)", ClaimFilter(source=("Regional Bulletin 7",), limit=50)),
        ("--source 'Archive Gazette' (claims all 3 years old)", ClaimFilter(source=("Archive Gazette",), limit=50)),
        ("--status disputed", ClaimFilter(status=("disputed",), limit=50)),
        ("--status unreviewed", ClaimFilter(status=("unreviewed",), limit=50)),
        (f"--since {month[0]} --until {month[1]}", ClaimFilter(since=month[0], until=month[1], limit=50)),
        (f"--metric killed --location Gaza --since {year[0]} --until {year[1]}",
         ClaimFilter(metric=("killed",), location="Gaza", since=year[0], until=year[1], limit=50)),
    ], year


def bench_queries(targets: list[Target], args, rep: Report, state: dict) -> None:
    from factdb.queries import ClaimFilter

    rep(f"## {SECTIONS[2]}")
    rep()
    import factdb.cli as fcli

    has_diff_cli = "diff" in fcli.cli.commands
    results: dict[str, dict[str, tuple]] = {}
    plans: dict[str, dict[str, tuple]] = {}
    dbs: dict[str, QueryDb] = {}
    labels: list[str] = []
    diff_label = ""
    for tg in targets:
        note(f"{tg.name}: building the query database ({args.claims:,} claims)")
        qdb = build_query_db(tg, args)
        dbs[tg.name] = qdb
        specs, year = query_specs(qdb)
        results[tg.name] = {}
        plans[tg.name] = {}
        for label, flt in specs:
            note(f"{tg.name}: {label}")
            times, n, stmt = time_claims(qdb.url, flt, args.repeats)
            results[tg.name][label] = (times, n)
            plans[tg.name][label] = stmt
        labels = [lb for lb, _ in specs]
        if "review" in fcli.cli.commands:
            note(f"{tg.name}: review queue")
            flagged = flag_some_claims(qdb.url)
            for label, flt in [(f"review queue, first page ({flagged:,} flagged claims)", ClaimFilter(limit=50)),
                               ("review queue --metric killed --location Gaza, first page",
                                ClaimFilter(metric=("killed",), location="Gaza", limit=50))]:
                times, n, stmt = time_queue(qdb.url, flt, args.repeats)
                results[tg.name][label] = (times, n)
                plans[tg.name][label] = stmt
                if label not in labels:
                    labels.append(label)
            if args.refresh_family:
                note(f"{tg.name}: flag refresh of killed in Gaza")
                state.setdefault("family_refresh", {})[tg.name] = time_family_refresh(qdb.url)
        if has_diff_cli:
            diff_label = (f"factdb diff --metric killed --location Gaza --since {year[0]} --until {year[1]} "
                          "(in-process CLI)")
            argv = ["diff", "--metric", "killed", "--location", "Gaza", "--since", str(year[0]),
                    "--until", str(year[1]), "--format", "csv"]
            try:
                times, n, stmt = time_cli_in_process(qdb.url, argv, args.repeats)
                results[tg.name][diff_label] = (times, n)
                plans[tg.name][diff_label] = stmt
            except Exception as exc:  # noqa: BLE001 - a half-written diff must not stop the benchmark
                results[tg.name][diff_label] = (None, f"failed: {exc}")
        else:
            diff_label = (f"series for a diff: --metric killed --location Gaza --since {year[0]} "
                          f"--until {year[1]}, no limit")
            flt = ClaimFilter(metric=("killed",), location="Gaza", since=year[0], until=year[1])
            times, n, stmt = time_claims(qdb.url, flt, max(3, args.repeats // 3))
            results[tg.name][diff_label] = (times, n)
            plans[tg.name][diff_label] = stmt
    state["query_dbs"] = dbs
    for tg in targets:
        q = dbs[tg.name]
        rep(f"{tg.name}: {q.claims:,} claims, {q.versions:,} claim versions, {q.documents:,} documents "
            f"(as_of {q.first} .. {q.last}), bulk-loaded in {q.build_s:.0f} s"
            + (" (then VACUUM ANALYZE)" if tg.name == "postgres" else
               (" (then ANALYZE)" if args.sqlite_analyze else " (no ANALYZE: factdb never runs it)")))
    rep()
    rep(f"Median / p95 over {args.repeats} runs after one warm-up, each in a new session as the CLI does; "
        "`queries.claim_rows` with limit 50, rows fully fetched. Target: < 100 ms.")
    rep()
    header = ["query", *[f"{tg.name} median / p95 (rows)" for tg in targets]]
    rows = []
    for label in labels + [diff_label]:
        cells = []
        for tg in targets:
            times, n = results[tg.name].get(label, (None, "-"))
            if times is None:
                cells.append(str(n))
                continue
            flag = "" if label == diff_label or statistics.median(times) < 0.1 else " SLOW"
            cells.append(f"{fmt_ms(statistics.median(times))} / {fmt_ms(pct(times, 0.95))} ({n:,}){flag}")
        rows.append([label, *cells])
    rep.table(header, rows)
    rep()
    if has_diff_cli:
        rep("The diff row runs the real `factdb diff` command in-process (Click runner, CSV output, no "
            "interpreter start-up). Target: < 1 s.")
    else:
        rep("`factdb diff` does not exist yet: the last row times the series query a diff would read "
            "(`claim_rows` with metric + location + one year, no limit). Target: < 1 s.")
    rep()
    for name, (wall, size) in state.get("family_refresh", {}).items():
        rep(f"{name}: recomputing the stored flags of the largest family (killed in Gaza, {size:,} claims) after "
            f"a change there took {wall:.1f} s (once, before the next queue read).")
        rep()
    rep("### Query plans")
    rep()
    flagged = []
    for tg in targets:
        eng = open_db(dbs[tg.name].url)
        for label in labels + [diff_label]:
            stmt, params = plans[tg.name].get(label, ("", None))
            if not stmt:
                continue
            lines, problems = explain(eng, tg.name, stmt, params)
            rep(f"{tg.name} — {label}" + (f"  [{'; '.join(problems)}]" if problems else ""))
            rep("```")
            for ln in lines:
                rep(ln)
            rep("```")
            for p in problems:
                if p.startswith("FULL TABLE SCAN"):
                    flagged.append(f"{tg.name}: {label}: {p}")
        eng.dispose()
    rep()
    rep("Full table scans on claim / claim_version / document: " + ("none" if not flagged else ""))
    for f in flagged:
        rep(f"- {f}")
    rep()


# --- 3. export ---------------------------------------------------------------------------


def bench_export(targets: list[Target], args, rep: Report, workdir: Path, state: dict) -> None:
    import factdb.cli as fcli

    rep(f"## {SECTIONS[3]}")
    rep()
    if "export" in fcli.cli.commands:
        argv = ["export", "claims", "--format", "csv"]
    else:
        argv = ["claims", "--format", "csv"]
    rep(f"`factdb {' '.join(argv)}` run as a child process on the query database of section 2, stdout "
        "to a file; peak RSS of the child (wait4() in a small launcher process). Target: constant memory, < 300 MB."
        + ("" if argv[0] == "export" else " (`factdb export` does not exist yet; `claims --format csv` "
           "applies no limit.)"))
    rep()
    dbs = state.get("query_dbs", {})
    sqlite_db = dbs.get("sqlite")
    peer_sql = export_peer_sql(sqlite_db.url) if sqlite_db is not None and shutil.which("sqlite3") else None
    if sqlite_db is not None and peer_sql is None:
        note("sqlite3 shell not found: no peer for the export")
    header = ["engine", "selection", "rows written", "wall (median)", "rows/s (median)", "wall (best)", "peak RSS",
              "exit"] + (["vs `sqlite3 -csv` (median of pairs)", "range"] if peer_sql else [])
    rows = []
    peer_walls: list[float] = []
    peer_rows = None
    # baseline: the interpreter and factdb's imports alone
    _, _, base_rss, _ = run_child([sys.executable, "-c", "import factdb.cli, factdb.queries, sqlalchemy, "
                                   "factdb.output"])
    for tg in targets:
        q = dbs.get(tg.name)
        if q is None:
            continue
        # a tenth of the claims (by as_of) first, then all: memory must not follow the row count
        tenth = q.first + (q.last - q.first) / 10 if q.first and q.last else None
        runs = ([(f"--until {tenth} (~10%)", ["--until", str(tenth)])] if tenth else []) + [("all", [])]
        for label, extra in runs:
            out = workdir / f"export_{tg.name}.csv"
            note(f"{tg.name}: export claims {label}")
            walls, ratios, rss, code, err = [], [], 0, 0, ""
            # "all": factdb and the peer alternately, so both meet the same load; a ratio per pair
            for _ in range(args.export_repeats if label == "all" else 1):
                with open(out, "wb") as fh:
                    code, w, r, err = run_child([sys.executable, "-m", "factdb", "--db", q.url, *argv, *extra],
                                                stdout=fh)
                walls.append(w)
                rss = max(rss, r)
                if label == "all" and peer_sql is not None:
                    peer_rows, pw = run_export_peer(peer_sql, sqlite_db.url, workdir)
                    peer_walls.append(pw)
                    ratios.append(pw / w)
            n = -1  # header row
            with open(out, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    n += chunk.count(b"\r\n")
            out.unlink()
            if code:
                note(f"export failed: {err}")
            wall = statistics.median(walls)
            row = [tg.name, label, f"{n:,}", f"{wall:.2f} s", fmt_rate(n / wall), f"{min(walls):.2f} s",
                   fmt_mb(rss) + (" OVER" if rss > 300 * 1024 else ""), str(code)]
            if peer_sql:
                row += ([f"{statistics.median(ratios):.2f} ({len(ratios)} pairs)",
                         f"{min(ratios):.2f}-{max(ratios):.2f}"] if ratios else ["", ""])
            rows.append(row)
            if ratios:
                note(f"{tg.name}: factdb/sqlite3 per pair: " + ", ".join(f"{x:.2f}" for x in ratios))
    if peer_walls:
        wall = statistics.median(peer_walls)
        rows.append(["`sqlite3 -csv`", "all (same rows)", f"{peer_rows:,}", f"{wall:.2f} s",
                     fmt_rate(peer_rows / wall), f"{min(peer_walls):.2f} s", "", "0", "1.00", ""])
        state["export_peer"] = (peer_rows, wall)
    rep.table(header, rows)
    rep()
    rep(f"Rows are the claims still present in their article (`claims` hides removed ones). Baseline peak "
        f"RSS of `python -c 'import factdb.cli, factdb.queries, ...'`: {fmt_mb(base_rss)}. The whole export "
        f"runs {args.export_repeats} times (`--export-repeats`); wall times are medians (and the best).")
    if peer_walls:
        rep("The peer: `sqlite3 -csv` (the SQLite shell, C) running the SELECT factdb sends for these rows (the "
            "same joins, columns and order) on the SQLite query database, right after each factdb run (so each "
            "pair meets the same load); the ratio column is the median over pairs of factdb's rows/s over the "
            "peer's (target ≥ 0.33, on both engines: their databases hold the same rows).")
    rep()


def export_peer_sql(url: str) -> str:
    """The SELECT factdb's export sends (same joins, columns and order), as literal SQL."""
    from sqlalchemy import create_engine
    from sqlmodel import Session

    from factdb.queries import CLAIM_COLUMNS, ClaimFilter, filtered

    eng = create_engine(url)
    with Session(eng) as s:
        q, c = filtered(s, ClaimFilter())
        cols = {col.name: col for col in q.selected_columns}
        q = q.with_only_columns(*[cols[n] for n in CLAIM_COLUMNS]).order_by(c.c.as_of.desc(), c.c.id.desc())
        sql = str(q.compile(dialect=eng.dialect, compile_kwargs={"literal_binds": True})) + ";\n"
    eng.dispose()
    return sql


def run_export_peer(sql: str, url: str, workdir: Path) -> tuple[int, float]:
    """(rows, wall seconds) of one `sqlite3 -csv` run writing the export's joined rows to a file."""
    path = url.split("sqlite:///", 1)[1]
    out = workdir / "peer.csv"
    with open(out, "wb") as fh:
        t0 = time.perf_counter()
        subprocess.run([shutil.which("sqlite3"), "-csv", path], input=sql.encode(), stdout=fh, check=True)
        wall = time.perf_counter() - t0
    with open(out, "rb") as fh:
        n = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    out.unlink()
    return n, wall


# --- 4. ingest peak RSS --------------------------------------------------------------------


def child_ingest(corpus_path: str, url: str, synthetic: bool) -> None:
    """Hidden mode: ingest in this process (used by section 4 when the extractor is missing)."""
    from factdb.ingest import ingest

    eng = open_db(url)
    if synthetic:
        with patched_extraction(synthetic_candidates):
            s = ingest(eng, [corpus_path])
    else:
        s = ingest(eng, [corpus_path])
    print(json.dumps({"new": s.new, "claims": s.claims_added, "failed": s.failed}))


def bench_rss(targets: list[Target], args, rep: Report, workdir: Path, state: dict) -> None:
    rep(f"## {SECTIONS[4]}")
    rep()
    has_ex = state.get("extractor", extractor_available())[0]
    sizes = [int(x) for x in args.rss_docs.split(",")]
    engines = [tg for tg in targets if tg.name in args.rss_engines.split(",")]
    if has_ex:
        how = "`factdb ingest CORPUS.jsonl -q` (the real CLI, extraction included)"
    else:
        how = ("`bench_scale.py --child-ingest` (ingest() in a child process with synthetic candidates, "
               "because the extractor is not importable)")
    rep(f"Each size ingested by {how} into a fresh database; peak RSS of the child (wait4() in a small launcher process). "
        f"Sizes: {', '.join(f'{s:,}' for s in sizes)} documents. Must not grow with corpus size.")
    rep()
    header = ["engine", "documents", "claims", "wall", "docs/s", "peak RSS", "exit"]
    rows = []
    for tg in engines:
        prev = None
        for n in sizes:
            path = workdir / f"corpus_{n}.jsonl"
            if not path.exists():
                corpus.write(n, str(path), seed=args.seed)
            url = tg.fresh(f"rss_{n}")
            note(f"{tg.name}: ingest of {n:,} documents in a child process")
            if has_ex:
                cmd = [sys.executable, "-m", "factdb", "--db", url, "ingest", str(path), "-q"]
            else:
                cmd = [sys.executable, str(Path(__file__).resolve()), "--child-ingest", str(path),
                       "--child-db", url]
            code, wall, rss, err = run_child(cmd)
            if code:
                note(f"child failed ({code}): {err}")
            eng = open_db(url)
            counts = row_counts(eng)
            eng.dispose()
            growth = f" ({rss / prev:.2f}x of {sizes[0]:,})" if prev else ""
            prev = prev or rss
            rows.append([tg.name, f"{counts['document']:,}", f"{counts['claim']:,}", f"{wall:.1f} s",
                         fmt_rate(counts["document"] / wall), fmt_mb(rss) + growth, str(code)])
            if isinstance(tg, PostgresTarget):
                tg.drop(url.rsplit("/", 1)[1])
    rep.table(header, rows)
    rep()


# --- 5. extraction -----------------------------------------------------------------------


def bench_extraction(args, rep: Report, workdir: Path, state: dict) -> None:
    rep(f"## {SECTIONS[5]}")
    rep()
    has_ex, why = state.get("extractor") or extractor_available()
    if not has_ex:
        rep(f"factdb's extractor is not importable ({why}): extraction throughput not measured.")
    else:
        if "extraction" not in state:
            path = workdir / f"corpus_{args.docs}.jsonl"
            if not path.exists():
                corpus.write(args.docs, str(path), seed=args.seed)
            _, secs, nbytes = extract_all(read_corpus(path), True)
            state["extraction"] = (secs, nbytes, args.docs, 0)
        secs, nbytes, ndocs, nclaims = state["extraction"]
        rep(f"factdb extract_claims, one core, {ndocs:,} corpus articles ({nbytes / 1e6:.1f} MB of text): "
            f"{nbytes / 1e6 / secs:.2f} MB/s, {ndocs / secs:,.0f} docs/s"
            + (f", {nclaims / secs:,.0f} claims/s" if nclaims else "") + f" ({secs:.1f} s).")
    other = HERE / "extract.py"
    rep()
    if not other.exists():
        rep("bench/extract.py (the comparison with quantulum3) is not present: skipped.")
    else:
        help_text = subprocess.run([sys.executable, str(other), "--help"], capture_output=True, text=True,
                                   timeout=120).stdout
        cmd = [sys.executable, str(other)]
        if "--docs" in help_text and args.extract_docs:
            cmd += ["--docs", str(args.extract_docs)]
        if "--repeat" in help_text and args.extract_repeat:
            cmd += ["--repeat", str(args.extract_repeat)]
        rep(f"`{' '.join(['python', 'bench/extract.py', *cmd[2:]])}` (quantulum3 comparison):")
        rep("```")
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=args.extract_timeout, cwd=ROOT)
            for ln in (res.stdout.strip() or res.stderr.strip()[-2000:]).splitlines():
                rep(ln)
            if res.returncode:
                rep(f"(exit status {res.returncode})")
        except subprocess.TimeoutExpired:
            rep(f"(stopped after {args.extract_timeout} s)")
        rep("```")
    rep()


# --- main --------------------------------------------------------------------------------


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=1000, help="ingest corpus size, in articles (default 1000)")
    p.add_argument("--claims", type=int, default=1_000_000,
                   help="claims in the query/export database (default 1,000,000)")
    p.add_argument("--claims-per-doc", type=int, default=10, help="mean claims per bulk-loaded document")
    p.add_argument("--doc-bytes", type=int, default=3000, help="text size of each bulk-loaded document")
    p.add_argument("--engines", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    p.add_argument("--pg-url", default=os.environ.get("FACTDB_BENCH_POSTGRES_URL", DEFAULT_PG_URL),
                   help="PostgreSQL server (a fresh factdb_bench_* database is created there and dropped)")
    p.add_argument("--jobs", type=int, default=2, help="N for the ingest(..., jobs=N) run (default 2)")
    p.add_argument("--repeats", type=int, default=15, help="timed runs per query")
    p.add_argument("--export-repeats", type=int, default=5,
                   help="whole exports per engine, each followed by one `sqlite3 -csv` run (default 5)")
    p.add_argument("--rss-docs", default="2000,20000",
                   help="corpus sizes for the peak-RSS comparison (default 2000,20000)")
    p.add_argument("--rss-engines", default="sqlite", help="engines for the peak-RSS comparison")
    p.add_argument("--extract-docs", type=int, help="--docs for bench/extract.py, if it takes it")
    p.add_argument("--extract-repeat", type=int, help="--repeat for bench/extract.py, if it takes it")
    p.add_argument("--extract-timeout", type=int, default=600)
    p.add_argument("--sections", default="1,2,3,4,5", help="which sections to run")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--sqlite-analyze", action="store_true", help="run ANALYZE on the SQLite query database")
    p.add_argument("--refresh-family", action="store_true",
                   help="also time the stored-flag refresh of the largest family (killed in Gaza)")
    p.add_argument("--workdir", help="scratch directory (default: a temporary one, removed after)")
    p.add_argument("--out", help="also write the report to this file (e.g. bench/results/latest.md)")
    p.add_argument("--child-ingest", help=argparse.SUPPRESS)
    p.add_argument("--child-db", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child_ingest:
        child_ingest(args.child_ingest, args.child_db, synthetic=not extractor_available()[0])
        return 0
    sections = {int(s) for s in args.sections.split(",") if s.strip()}
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="factdb_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.workdir:
        atexit.register(shutil.rmtree, workdir, True)
    targets: list[Target] = []
    for e in engines:
        if e == "sqlite":
            targets.append(SqliteTarget(workdir))
        elif e == "postgres":
            tg = PostgresTarget(args.pg_url)
            atexit.register(tg.cleanup)
            targets.append(tg)
        else:
            raise SystemExit(f"unknown engine {e!r}")
    pg = next((t for t in targets if isinstance(t, PostgresTarget)), None)
    rep = Report()
    started = time.perf_counter()
    rep(f"# factdb scale benchmark — {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    rep()
    rep("`python bench/bench_scale.py " + " ".join(argv if argv is not None else sys.argv[1:]) + "`")
    rep()
    rep("## Machine")
    rep()
    rep.table(["", ""], [list(x) for x in machine_lines(pg.version() if pg else None)])
    rep()
    state: dict = {}
    try:
        if 1 in sections:
            bench_ingest(targets, args, rep, workdir, state)
        if 2 in sections or 3 in sections:
            bench_queries(targets, args, rep, state) if 2 in sections else _only_build(targets, args, state)
        if 3 in sections:
            bench_export(targets, args, rep, workdir, state)
        if 4 in sections:
            bench_rss(targets, args, rep, workdir, state)
        if 5 in sections:
            bench_extraction(args, rep, workdir, state)
    finally:
        for tg in targets:
            tg.cleanup()
    rep(f"Total benchmark time: {time.perf_counter() - started:.0f} s.")
    if args.out:
        rep.write(args.out)
        print(f"report written to {args.out}", file=sys.stderr)
    return 0


def _only_build(targets, args, state) -> None:
    state["query_dbs"] = {tg.name: build_query_db(tg, args) for tg in targets}


if __name__ == "__main__":
    sys.exit(main())
