"""Accuracy of ``factdb.extract.dates.resolve_date`` on the Recognizers-Text English date specs.

    python bench/dates_specs.py [--failures] [--write-cases tests/data/extract/recognizers-date-cases.json]

Reads ../shared/corpora/recognizers-text-specs/DateTime/English (Microsoft Recognizers-Text, MIT; see
SOURCE.md there). In scope: a case whose only result is one date (``date`` in the parser specs,
``datetimeV2.date`` in the model specs), with a reference date (``Context.ReferenceDateTime``), whose past
reading falls on or before the reference date. A figure in the news is never dated after its report, so
``resolve_date`` prefers the past and returns nothing for a day still to come: the expected day is the
spec's past resolution (``PastResolution`` in the parser specs; of a model spec's ambiguous values, the
one on or before the reference). The phrase given to ``resolve_date`` is the result's ``Text``, the date
phrase an extractor found. Cases are de-duplicated on (phrase, reference date).

Prints the number of cases in scope, the accuracy overall and per spec file. ``--write-cases`` stores
the in-scope cases (every ``--every``-th, in file order) for ``tests/test_extract_dates.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (or beside a worktree directory holding it)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared")
SPECS = SHARED / "corpora" / "recognizers-text-specs" / "DateTime" / "English"
sys.path.insert(0, str(ROOT))

PARSER_SPECS = ("DateParser.json", "MergedParser.json", "HolidayParser.json")
MODEL_SPECS = ("DateTimeModel.json", "DateTimeModelExperimentalMode.json", "DateTimeModelExtendedTypes.json")


def _iso(value: str | None) -> bool:
    try:
        dt.date.fromisoformat(value or "")
    except ValueError:
        return False  # ("not resolved")
    return True


def _expected(result: dict, ref: dt.date) -> dt.date | None:
    """The past reading of a single-date result, or None when the result is not one date."""
    kind = result.get("Type") or result.get("TypeName")
    if kind in ("date", "datetimeV2.date"):
        if "Value" in result:  # parser spec
            past = (result["Value"].get("PastResolution") or {}).get("date")
            days = [dt.date.fromisoformat(past)] if past else []
        else:  # model spec: one value, or a past and a future reading
            days = [dt.date.fromisoformat(v["value"]) for v in (result.get("Resolution") or {}).get("values", [])
                    if v.get("type") == "date" and _iso(v.get("value"))]
        # (0001-01-01 marks a day that does not exist: "Feb 30", "the fifth Sunday")
        days = [d for d in days if dt.date(1, 1, 1) < d <= ref]
        return max(days) if days else None
    return None


def cases() -> list[dict]:
    """In-scope cases: {"spec", "text", "reference", "expected"} (ISO dates)."""
    out, seen = [], set()
    for name in PARSER_SPECS + MODEL_SPECS:
        path = SPECS / name
        if not path.exists():
            continue
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            ref = (case.get("Context") or {}).get("ReferenceDateTime")
            results = case.get("Results") or []
            if not ref or len(results) != 1:
                continue
            ref_day = dt.datetime.fromisoformat(ref).date()
            want = _expected(results[0], ref_day)
            if want is None:
                continue
            key = (results[0]["Text"].lower(), ref_day)
            if key in seen:
                continue
            seen.add(key)
            out.append({"spec": name.removesuffix(".json"), "text": results[0]["Text"],
                        "reference": ref_day.isoformat(), "expected": want.isoformat()})
    return out


def score(rows: list[dict]) -> tuple[Counter, Counter, list[tuple[dict, dt.date | None]]]:
    from factdb.extract.dates import resolve_date

    total, right, wrong = Counter(), Counter(), []
    for row in rows:
        got = resolve_date(row["text"], dt.date.fromisoformat(row["reference"]))
        total[row["spec"]] += 1
        if got is not None and got.isoformat() == row["expected"]:
            right[row["spec"]] += 1
        else:
            wrong.append((row, got))
    return total, right, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--failures", action="store_true", help="list the cases resolved wrongly")
    ap.add_argument("--write-cases", type=Path, help="store a subset of the in-scope cases as JSON")
    ap.add_argument("--every", type=int, default=3, help="with --write-cases: keep every N-th case")
    args = ap.parse_args()
    if not SPECS.exists():
        sys.exit(f"dates_specs: {SPECS} not found; the specs live in ../shared/corpora")
    rows = cases()
    total, right, wrong = score(rows)
    n, k = sum(total.values()), sum(right.values())
    print(f"in scope: {n} cases; resolve_date right on {k} ({k / n:.1%})")
    for spec in total:
        print(f"  {spec}: {right[spec]}/{total[spec]} ({right[spec] / total[spec]:.1%})")
    if args.failures:
        for row, got in wrong:
            print(f"  {row['spec']}: {row['text']!r} ref {row['reference']} want {row['expected']} got {got}")
    if args.write_cases:
        keep = rows[::args.every]
        doc = {"_source": "microsoft/Recognizers-Text Specs/DateTime/English (commit "
                          "90e968ea44dc8fda3f2e1c3e4b20aa233817488d), MIT; in-scope cases only, see SOURCE.md",
               "cases": keep}
        args.write_cases.write_text(json.dumps(doc, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(keep)} cases to {args.write_cases}", file=sys.stderr)


if __name__ == "__main__":
    main()
