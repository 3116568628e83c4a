"""quantulum3's quantities in the claim-scorer's JSONL shape, for a side-by-side score.

    python bench/quantulum3_claims.py GOLD.jsonl > q.jsonl
    python score_claims.py GOLD.jsonl q.jsonl

quantulum3 gives values and spans only (no metric, speaker, date, period or
bounds), so only its value precision/recall/F1 are comparable.
"""

import json
import sys
import warnings

warnings.filterwarnings("ignore")
from quantulum3 import parser  # noqa: E402


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            case = json.loads(line)
            for q in parser.parse(case["text"]):
                start, end = q.span
                print(json.dumps({"doc_id": case["id"], "start": start, "end": end, "value": q.value}))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
