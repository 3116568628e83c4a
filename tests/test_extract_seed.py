"""The seed article yields the claims listed for it (see seeds/ and the project brief)."""

import datetime as dt
from pathlib import Path

import pytest

from factdb.extract import EXTRACTOR, extract_claims

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0ac5cb94f4c3a24b.txt"


@pytest.fixture(scope="module")
def claims():
    text = SEED.read_text(encoding="utf-8").replace(" date 2024-02-07 ", "", 1)
    return {c.text: c for c in extract_claims(text, dt.date(2024, 2, 7))}


def test_killed(claims):
    c = claims["over 27,000"]
    assert (c.value, c.low, c.high, c.qualifier) == (27000, 27000, None, "more_than")
    assert (c.metric, c.period, c.as_of) == ("killed", "cumulative", dt.date(2024, 2, 7))
    assert c.subject == "Palestinians"
    assert c.extractor == EXTRACTOR


def test_food_insecure(claims):
    c = claims["a quarter"]
    assert (c.value, c.unit, c.metric) == (0.25, "fraction", "food_insecure")


def test_released_hundreds(claims):
    c = claims["hundreds"]
    assert (c.value, c.low, c.high, c.qualifier) == (None, 200, 999, "vague")
    assert (c.metric, c.speaker) == ("released", "Hamas")


def test_displaced_majority(claims):
    c = claims["the vast majority"]
    assert (c.value, c.metric, c.unit) == (None, "displaced", "fraction")


def test_nothing_else(claims):
    assert set(claims) == {"over 27,000", "a quarter", "hundreds", "the vast majority"}


def test_marker_left_in_place_does_not_break():
    text = SEED.read_text(encoding="utf-8")
    got = {c.text: c for c in extract_claims(text)}
    assert got["over 27,000"].as_of == dt.date(2024, 2, 7)
    assert "2024" not in " ".join(got)


def test_to_record_shape(claims):
    rec = claims["over 27,000"].to_record()
    assert list(rec) == ["start", "end", "text", "sentence", "sentence_index", "value", "low", "high",
                         "qualifier", "unit", "metric", "subject", "location", "period", "speaker",
                         "attribution", "as_of", "since", "confidence", "extractor"]
    assert rec["as_of"] == "2024-02-07" and isinstance(rec["value"], int)
