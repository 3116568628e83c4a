"""CPU time of two (or more) versions of the extractor on the bench/extract.py corpus, run alternately.

    git worktree add --detach /tmp/old 1ebe4a2
    python bench/extract_ab.py /tmp/old . [--rounds 5] [--passes 7]

Each argument is a directory holding a ``factdb`` package (a worktree or an export of a revision). Each
round starts one fresh process per version, in turn (the order alternates between rounds), that imports
that version's extractor, extracts the corpus once to warm up (imports, gazetteer, caches), then times
``--passes`` passes in CPU seconds (``time.process_time``: other work on a shared machine skews it less
than wall time). Reported per version: the median and the minimum over all timed passes, and the claims
found (the versions compared should find the same). Alternating and taking medians is what makes a few
per cent visible on a machine where other processes run.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_WORKER = r"""
import json, pickle, sys, time
tree, corpus, passes = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
import factdb.extract as fe
from factdb.extract import extract_claims, load_lexicon
docs = pickle.load(open(corpus, "rb"))
lex = load_lexicon()
def run():
    return sum(len(extract_claims(t, pub, lexicon=lex)) for _, t, pub in docs)
claims = run()
times = []
for _ in range(passes):
    t = time.process_time(); run(); times.append(time.process_time() - t)
print(json.dumps({"module": fe.__file__, "claims": claims, "times": times}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", help="directories holding a factdb package")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--passes", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract import corpus  # the same texts as bench/extract.py

    trees = [str(Path(t).resolve()) for t in args.trees]
    times: dict[str, list[float]] = {t: [] for t in trees}
    claims: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.pkl"
        path.write_bytes(pickle.dumps(corpus()))
        for r in range(args.rounds):
            for tree in (trees if r % 2 == 0 else trees[::-1]):
                # run from the temporary directory, so that only the tree's package is importable
                out = subprocess.run([sys.executable, "-c", _WORKER, tree, str(path), str(args.passes)],
                                     capture_output=True, text=True, cwd=tmp)
                if out.returncode:
                    sys.exit(f"{tree}: the worker failed:\n{out.stderr.strip()}")
                got = json.loads(out.stdout.strip().splitlines()[-1])
                if not got["module"].startswith(tree):
                    sys.exit(f"{tree}: imported {got['module']} instead; give a directory holding factdb/")
                times[tree] += got["times"]
                claims[tree] = got["claims"]
    first = statistics.median(times[trees[0]])
    print(f"CPU seconds per pass over the bench/extract.py corpus, {args.rounds} rounds x {args.passes} passes")
    for tree in trees:
        med = statistics.median(times[tree])
        print(f"{tree}: median {med:.4f} s  min {min(times[tree]):.4f} s  ({med / first:.3f} of the first)"
              f"  claims {claims[tree]}")


if __name__ == "__main__":
    main()
