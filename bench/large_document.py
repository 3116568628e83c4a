"""Time and peak memory of reading, extracting and storing ONE large document.

    python bench/large_document.py [--sizes 8,16,32,64] [--kind article|plain] [--no-store | --whole]

For each size (MB of UTF-8 text) a fresh process writes one seed-format
file of that size and handles it as `factdb ingest` does: reads it
(`readers.read_documents`: bounded read, decode, normalise), extracts its
claims and stores the document and its claims in one transaction into a new
SQLite database (`ingest.store_document` under `db.run_write`). A document
of `ingest.STREAM_FROM` characters or more is extracted while it is stored
(`ingest.Streamed`), so the extraction time then includes storing; with
`--whole` its claims are all extracted first (`ingest.extract_for`) and
stored after, as smaller documents are; `--no-store` extracts only, all
claims held. It prints, per size: the read time, the extraction time (wall
clock and CPU: on a shared machine the CPU time is the steadier figure), the
storage time, the CPU time of extracting and storing together (the one
figure that compares a streamed document with a smaller one), the number of
claims, and the peak RSS of the process above its RSS after imports, warm-up and
database creation, also as a multiple of the text size.

Kinds of text:

- ``article`` (default): the seed articles' paragraphs repeated (news
  prose, about 6 claims per KB);
- ``plain``: prose without a single figure (what costs memory is then only
  the text and the scan over it).

The document size cap (``--max-document-mb``, default 20) is lifted for the
run so sizes above it can be measured; ``ingest`` refuses them by default.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLAIN = ("The committee met again on the northern bank of the river, where residents described the "
         "long wait for news and the slow work of clearing the roads after the storm.\n\n")


def unit_text(kind: str) -> str:
    if kind == "plain":
        return PLAIN
    paras = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        paras.append(f.read_text(encoding="utf-8").split("\n", 1)[1].strip())
    return "\n\n".join(paras) + "\n\n"


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> float:
    """Reset the peak-RSS mark (Linux clear_refs 5) and return the RSS now."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    return _status_mb("VmRSS")


def child(size_mb: float, kind: str, store: bool, whole: bool) -> dict:
    """Runs in its own process: one document of ``size_mb``, measured."""
    import datetime as dt

    from factdb.db import open_engine, run_write
    from factdb.extract import extract_claims
    from factdb.ingest import STREAM_FROM, Streamed, extract_for, store_document
    from factdb.readers import read_documents

    extract_claims("Officials said 12 people were killed on Tuesday.", dt.date(2024, 2, 7))  # warm-up
    unit = unit_text(kind)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(os.path.join(tmp, "bench.sqlite")) if store else None
        path = os.path.join(tmp, "large.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("date 2024-02-07\n")
            for _ in range(int(size_mb * 1_000_000 / len(unit.encode("utf-8")))):
                fh.write(unit)
        base = reset_peak()
        t0 = time.perf_counter()
        (doc,) = read_documents([path], max_bytes=10**12)
        t1 = time.perf_counter()
        c1 = time.process_time()
        streamed = store and not whole and len(doc.text) >= STREAM_FROM
        if streamed:
            claims = run_write(engine, lambda s: store_document(s, doc, Streamed(doc))).claims_added
        else:
            candidates = extract_for(doc)
            claims = len(candidates)
        t2 = time.perf_counter()
        c2 = time.process_time()
        if store and not streamed:
            stored = run_write(engine, lambda s: store_document(s, doc, candidates)).claims_added
            assert stored == claims, (stored, claims)
        t3 = time.perf_counter()
        c3 = time.process_time()
        text_mb = len(doc.text.encode("utf-8")) / 1e6
        peak = _status_mb("VmHWM") - base
        if engine is not None:
            engine.dispose()
    return {"size_mb": size_mb, "text_mb": round(text_mb, 2), "read_s": round(t1 - t0, 2),
            "extract_s": round(t2 - t1, 2), "extract_cpu_s": round(c2 - c1, 2),
            "store_s": round(t3 - t2, 2) if store and not streamed else None,
            "handle_cpu_s": round(c3 - c1, 2), "claims": claims,
            "peak_mb": round(peak), "peak_x_text": round(peak / text_mb, 1)}


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model or platform.processor()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="8,16,32,64", help="comma-separated document sizes in MB")
    ap.add_argument("--kind", choices=["article", "plain"], default="article")
    ap.add_argument("--no-store", action="store_true", help="extract only; do not store into a database")
    ap.add_argument("--whole", action="store_true", help="extract all claims first, then store them")
    ap.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.kind, not args.no_store, args.whole)))
        return
    how = ", not stored" if args.no_store else ", claims all extracted, then stored" if args.whole else ""
    print(f"# one large document ({args.kind}{how}); {machine()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| size | text MB | read s | extract s (wall) | extract s (CPU) | CPU s per MB | store s | claims | "
          "peak RSS MB | peak × text |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in [float(s) for s in args.sizes.split(",")]:
        cmd = [sys.executable, __file__, "--child", str(size), "--kind", args.kind] + \
            (["--no-store"] if args.no_store else []) + (["--whole"] if args.whole else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        store_s = "-" if r["store_s"] is None else r["store_s"]
        print(f"| {size:g} MB | {r['text_mb']} | {r['read_s']} | {r['extract_s']} | {r['extract_cpu_s']} | "
              f"{r['extract_cpu_s'] / r['text_mb']:.2f} | {store_s} | {r['claims']:,} | {r['peak_mb']:,} | "
              f"{r['peak_x_text']} |", flush=True)


if __name__ == "__main__":
    main()
