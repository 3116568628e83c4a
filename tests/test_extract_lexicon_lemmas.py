"""Verbs in the lexicon are listed once, by lemma; their forms are generated, and the committed table
must be what lemminflect generates from the lexicon's lemmas today."""

import datetime as dt
import json
from pathlib import Path

import pytest

from factdb.extract import extract_claims
from factdb.extract.inflections import dump, forms, generate

DATA = Path(__file__).resolve().parents[1] / "factdb" / "extract" / "data"


def test_committed_inflection_table_matches_the_lexicon_lemmas():
    entries = json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))["metrics"]
    assert (DATA / "inflections.json").read_text(encoding="utf-8") == dump(generate(entries)), \
        "run: python -m factdb.extract.inflections"


def test_a_lemma_phrase_inflects_its_first_word():
    assert set(forms("succumb to")) == {"succumb to", "succumbs to", "succumbed to", "succumbing to"}
    assert set(forms("displace")) >= {"displaced", "displacing"}  # a lemma missing from the table: regular forms


@pytest.mark.parametrize("text, surface, metric", [
    ("Missile attack kills 23, wounds 28 in the south - governor", "28", "injured"),
    ("The blast maimed 14 people near the market.", "14", "injured"),
    ("Gunmen massacred 40 villagers overnight.", "40", "killed"),
])
def test_every_form_of_a_listed_verb_is_a_trigger(text, surface, metric):
    c = [c for c in extract_claims(text, dt.date(2024, 1, 1)) if c.text.endswith(surface)][0]
    assert c.metric == metric
