"""`factdb export claims --format csv` of two (or more) factdb versions, alternating with `sqlite3 -csv`.

    git worktree add --detach /tmp/old 52193c8
    python bench/export_ab.py /tmp/old . [--claims 150000] [--rounds 7] [--engines sqlite,postgres]

Each argument is a directory holding a ``factdb`` package (a worktree or an export of a revision); every
version runs with this interpreter and its installed dependencies, as ``python -m factdb`` in that directory.
The query database of bench_scale.py section 2 (``--claims`` synthetic claims, the same rows on both
engines) is built once per engine.  Each round then runs, per engine and per version (the order of the
versions alternates between rounds): the whole export as a fresh process, stdout to a file, followed at
once by one `sqlite3 -csv` run of the same joined rows (the SELECT bench_scale.py gives the peer) on the
SQLite database, so each pair meets the same load.  Reported: median wall time, peak RSS (wait4) and, per
version and engine, the median and range over the pairs of factdb's rows/s over the peer's (target
>= 0.33).  The versions' outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scale as bs  # noqa: E402 - the query database, the peer and the child launcher


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", help="directories holding a factdb package")
    ap.add_argument("--claims", type=int, default=150_000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--engines", default="sqlite,postgres")
    ap.add_argument("--pg-url", default=os.environ.get("FACTDB_BENCH_POSTGRES_URL", bs.DEFAULT_PG_URL))
    ap.add_argument("--out", help="also write the report to this file")
    args = ap.parse_args()
    trees = [str(Path(t).resolve()) for t in args.trees]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    work = Path(tempfile.mkdtemp(prefix="factdb_export_ab_"))
    atexit.register(shutil.rmtree, work, True)
    build_args = bs.parse_args(["--claims", str(args.claims)])
    targets = []
    for e in engines:
        tg = bs.SqliteTarget(work) if e == "sqlite" else bs.PostgresTarget(args.pg_url)
        atexit.register(tg.cleanup)
        targets.append(tg)
    rep = bs.Report()
    rep("# Export A/B: " + ", ".join(f"`{t}`" for t in trees))
    rep()
    rep("`python bench/export_ab.py " + " ".join(sys.argv[1:]) + "`")
    rep()
    rep.table(["", ""], [list(x) for x in bs.machine_lines(next(
        (t.version() for t in targets if isinstance(t, bs.PostgresTarget)), None))])
    rep()
    dbs = {tg.name: bs.build_query_db(tg, build_args) for tg in targets}
    sqlite_db = dbs.get("sqlite") or bs.build_query_db(bs.SqliteTarget(work), build_args)
    peer_sql = bs.export_peer_sql(sqlite_db.url)
    walls: dict[tuple, list[float]] = {}
    ratios: dict[tuple, list[float]] = {}
    rss: dict[tuple, int] = {}
    digests: dict[tuple, set[str]] = {}
    peer_walls: list[float] = []
    rows_out = {}
    for r in range(args.rounds):
        for e in engines:
            for tree in trees if r % 2 == 0 else trees[::-1]:
                key = (e, tree)
                out = work / "export.csv"
                with open(out, "wb") as fh:  # run in the tree: `-m` puts it first on sys.path
                    code, wall, peak, err = bs.run_child(
                        ["env", "-C", tree, sys.executable, "-m", "factdb", "--db", dbs[e].url,
                         "export", "claims", "--format", "csv"], stdout=fh)
                if code:
                    raise SystemExit(f"{tree} on {e} failed: {err}")
                data = out.read_bytes()
                rows_out[key] = data.count(b"\r\n") - 1
                digests.setdefault(key, set()).add(hashlib.sha256(data).hexdigest())
                n_peer, pw = bs.run_export_peer(peer_sql, sqlite_db.url, work)
                peer_walls.append(pw)
                walls.setdefault(key, []).append(wall)
                ratios.setdefault(key, []).append(pw / wall)
                rss[key] = max(rss.get(key, 0), peak)
                bs.note(f"round {r + 1}: {e} {Path(tree).name}: {wall:.2f} s, peer {pw:.2f} s, ratio {pw / wall:.2f}")
    header = ["engine", "version", "rows", "wall (median)", "rows/s (median)", "peak RSS",
              "vs `sqlite3 -csv` (median of pairs)", "range"]
    table = []
    for e in engines:
        for tree in trees:
            k = (e, tree)
            w = statistics.median(walls[k])
            table.append([e, f"`{tree}`", f"{rows_out[k]:,}", f"{w:.2f} s", bs.fmt_rate(rows_out[k] / w),
                          bs.fmt_mb(rss[k]), f"{statistics.median(ratios[k]):.2f} ({len(ratios[k])} pairs)",
                          f"{min(ratios[k]):.2f}-{max(ratios[k]):.2f}"])
    pw = statistics.median(peer_walls)
    table.append(["`sqlite3 -csv`", "", f"{n_peer:,}", f"{pw:.2f} s", bs.fmt_rate(n_peer / pw), "", "1.00", ""])
    rep.table(header, table)
    rep()
    same = len({d for ds in digests.values() for d in ds}) == 1
    rep(f"Every export wrote the same bytes (all versions, both engines, every round): {'yes' if same else 'NO'}.")
    rep()
    if args.out:
        rep.write(args.out)


if __name__ == "__main__":
    main()
