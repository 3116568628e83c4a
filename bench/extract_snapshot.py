"""Per-case snapshot of the extractor's output on the repository's own input sets.

    python bench/extract_snapshot.py            # compare with tests/data/extract/snapshots/, list what differs
    python bench/extract_snapshot.py --update   # rewrite the snapshots (then review `git diff` and commit)

One JSON Lines file per input set under ``tests/data/extract/snapshots/``: the tuning gold
(``gold-sentences``, ``gold-docs``), the frozen test set (``frozen-news-*``) and the articles in
``seeds/`` (read as ``factdb ingest`` reads them). One compact record per claim — document id,
span, numbers, meaning and confidence; never the text itself — sorted by document (in file order), start, end, so
that any change to extraction output shows in review as a small diff. ``tests/test_extract_snapshot.py``
fails when the output differs. The shared development sets (../shared/eval) are not snapshotted: their
text and labels stay out of the repository.

Also a small library for ``bench/ablation.py`` and the tests: :func:`input_sets`, :func:`compact`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract"
SNAPSHOTS = DATA / "snapshots"
FIELDS = ("start", "end", "value", "low", "high", "qualifier", "unit", "metric", "subject", "location", "period",
          "speaker", "as_of", "since", "confidence")
UPDATE_HINT = "python bench/extract_snapshot.py --update"


def shared_dir() -> Path | None:
    """The shared evaluation data: $FACTDB_SHARED, else ../shared next to the repository, if present."""
    for p in (os.environ.get("FACTDB_SHARED"), ROOT.parent / "shared"):
        if p and (Path(p) / "eval").is_dir():
            return Path(p)
    return None


def _jsonl_cases(path: Path) -> list[tuple[str, str, dt.date | None]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            pub = dt.date.fromisoformat(case["published"]) if case.get("published") else None
            out.append((case["id"], case["text"], pub))
    return out


def _seed_cases() -> list[tuple[str, str, dt.date | None]]:
    sys.path.insert(0, str(ROOT))
    from factdb.readers import read_documents

    out = []
    for doc in read_documents([str(ROOT / "seeds")], published=dt.date(2024, 2, 7)):
        if isinstance(doc, Exception):
            raise doc
        # the file (and line) is the id: two versions of one story share a URL
        out.append((os.path.relpath(doc.where, ROOT), doc.text, doc.published))
    return out


def input_sets(shared: bool = False) -> dict[str, list[tuple[str, str, dt.date | None]]]:
    """Set name -> [(document id, text, publication date)], in file order. With ``shared``, the
    development sets of ../shared/eval too (``dev-*``; never snapshotted)."""
    sets = {name: _jsonl_cases(DATA / f"{name}.jsonl") for name in ("gold-sentences", "gold-docs", "round16-news", "round17-news", "round18-news", "round19-news", "round20-news", "round21-news", "round22-news", "round23-news", "round24-news", "round25-news", "round26-news", "round27-news", "round28-news", "round29-news", "round30-news", "round31-news", "round32-news", "round33-news", "round34-news", "round35-news", "round36-news", "round37-news", "round38-news", "round39-news", "round40-news", "round41-news", "round42-news", "round43-news", "round44-news", "round45-news", "round46-news", "round47-news", "round48-news", "round49-news", "round50-news", "round51-news", "round52-news", "round54-news", "round55-news", "round56-news", "round60-news", "round61-news", "round62-news", "round63-news", "round64-news", "round65-news", "round66-news", "round67-news", "round68-news", "round57-news", "round59-news", "round58-news", "round53-news", "lexicon-sentences")}
    for path in sorted((DATA / "frozen").glob("frozen-news-*.jsonl")):
        sets[path.stem] = _jsonl_cases(path)
    sets["seeds"] = _seed_cases()
    base = shared_dir() if shared else None
    if base is not None:
        for path in sorted((base / "eval").glob("dev-*.jsonl")):
            sets[path.stem] = _jsonl_cases(path)
    return sets


def compact(doc_id: str, claim) -> dict:
    """The snapshot record of one extracted claim (nulls left out)."""
    rec = claim.to_record()
    out = {"doc": doc_id}
    out.update((k, rec[k]) for k in FIELDS if rec[k] is not None)
    return out


def sort_key(rec: dict) -> tuple:
    return rec["start"], rec["end"], json.dumps(rec, sort_keys=True)


def extract_set(cases, extract_claims=None, lexicon=None) -> list[dict]:
    """Compact records of every claim in ``cases``, documents in their order, claims by span."""
    if extract_claims is None:
        from factdb.extract import extract_claims
    out = []
    for doc_id, text, pub in cases:
        recs = [compact(doc_id, c) for c in extract_claims(text, pub, lexicon=lexicon)]
        out += sorted(recs, key=sort_key)
    return out


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def diff(name: str, got: list[dict], path: Path, limit: int = 20) -> list[str]:
    """What differs between ``got`` and the snapshot file (empty when equal)."""
    want = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else None
    if want is None:
        return [f"{name}: no snapshot {path}"]
    if want == got:
        return []
    old = {json.dumps(r, ensure_ascii=False) for r in want}
    new = {json.dumps(r, ensure_ascii=False) for r in got}
    lines = [f"{name}: {len(old - new)} snapshot records not produced, {len(new - old)} new records"]
    lines += [f"  - {r}" for r in sorted(old - new)[:limit]] + [f"  + {r}" for r in sorted(new - old)[:limit]]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the snapshot files")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    bad = 0
    for name, cases in input_sets().items():
        got = extract_set(cases)
        path = SNAPSHOTS / f"{name}.jsonl"
        if args.update:
            SNAPSHOTS.mkdir(parents=True, exist_ok=True)
            text = dumps(got)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)} ({len(got)} claims)", file=sys.stderr)
            continue
        lines = diff(name, got, path)
        bad += bool(lines)
        for line in lines:
            print(line)
    if bad and not args.update:
        print(f"output differs from the snapshot; if the change is meant: {UPDATE_HINT}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
