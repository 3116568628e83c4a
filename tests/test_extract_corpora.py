"""Third-party number specs (Recognizers-Text, quantulum3) run against the number parser.

Only the in-scope results are stored in tests/data/extract/ (see SOURCE.md there for the origin,
licence, the pass rates and why the rest was left out); every stored case must pass.
"""

import json
import re
from pathlib import Path

import pytest

from factdb.extract.numbers import find_numbers, parse_number

DATA = Path(__file__).parent / "data" / "extract"
RT = json.loads((DATA / "recognizers-number-cases.json").read_text(encoding="utf-8"))["cases"]
QU = json.loads((DATA / "quantulum3-quantities.json").read_text(encoding="utf-8"))["cases"]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))


def interval(v):
    m = re.fullmatch(r"([\[(])([^,]*),([^\])]*)([\])])", v)
    lo = float(m.group(2)) if m.group(2) else None
    hi = float(m.group(3)) if m.group(3) else None
    return lo, hi


@pytest.mark.parametrize("case", RT, ids=[f"{c['model']}:{c['text']}" for c in RT])
def test_recognizers_text(case):
    n = parse_number(case["text"])
    assert n is not None
    if case["model"] == "NumberRangeModel":
        lo, hi = interval(case["value"])
        if lo is not None and lo == hi:
            assert close(n.value, lo)
        else:
            assert close(n.low, lo) and close(n.high, hi)
    else:
        assert n.value is not None and close(float(n.value), float(case["value"].rstrip("%")))
        if case["model"] == "PercentModel":
            assert n.unit == "percent"


@pytest.mark.parametrize("case", QU, ids=[c["surface"] for c in QU])
def test_quantulum3(case):
    n = parse_number(case["surface"])
    assert n is not None
    u = case.get("uncertainty")
    if u:
        assert close(n.low, case["value"] - u) and close(n.high, case["value"] + u)
    else:
        assert close(n.value, case["value"])
    if case["unit"] == "percentage":
        assert n.unit == "percent"
    elif case["unit"] != "dimensionless":
        assert n.unit in ("USD", "EUR", "GBP")


@pytest.mark.parametrize("text", ["20/2030 and", "1 '2", "$99(", "($99", ""])
def test_quantulum3_error_inputs_do_not_raise(text):
    find_numbers(text)
