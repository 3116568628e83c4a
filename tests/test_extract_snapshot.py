"""Extraction output equals the committed per-case snapshot (tests/data/extract/snapshots/), so every
change to what the extractor finds on the gold, frozen and seed texts shows in review as a diff of those
files. After a meant change: ``python bench/extract_snapshot.py --update`` and commit the snapshots."""

import json

import pytest

SETS = ("gold-sentences", "gold-docs", "round16-news", "round17-news", "round18-news", "round19-news", "round20-news", "round21-news", "round22-news", "round23-news", "round24-news", "round25-news", "round26-news", "round27-news", "round28-news", "round29-news", "round30-news", "round31-news", "round32-news", "round33-news", "round34-news", "round35-news", "round36-news", "round37-news", "round38-news", "round39-news", "round40-news", "round41-news", "round42-news", "round43-news", "round44-news", "round45-news", "round46-news", "round47-news", "round48-news", "round49-news", "round50-news", "round51-news", "round52-news", "round54-news", "round55-news", "round56-news", "round60-news", "round61-news", "round62-news", "round63-news", "round64-news", "round65-news", "round66-news", "round67-news", "round68-news", "round57-news", "round59-news", "round58-news", "round53-news", "lexicon-sentences", "frozen-news-a", "frozen-news-b",
        "frozen-news-c", "seeds")


def test_every_input_set_has_a_snapshot(extract_snapshot, extracted):
    assert set(extracted.names) == set(SETS)
    for name in SETS:
        assert (extract_snapshot.SNAPSHOTS / f"{name}.jsonl").exists(), name


@pytest.mark.parametrize("name", SETS)
def test_extraction_output_matches_the_snapshot(extract_snapshot, extracted, name):
    got = []
    for doc_id, claims in extracted(name):
        got += sorted((extract_snapshot.compact(doc_id, c) for c in claims), key=extract_snapshot.sort_key)
    lines = extract_snapshot.diff(name, got, extract_snapshot.SNAPSHOTS / f"{name}.jsonl")
    assert not lines, "\n".join(lines + [f"output differs from the snapshot; if the change is meant, run "
                                         f"`{extract_snapshot.UPDATE_HINT}` and commit the snapshot diff"])


def test_snapshot_records_carry_only_ids_spans_and_meaning(extract_snapshot):
    allowed = {"doc", *extract_snapshot.FIELDS}
    for name in SETS:
        for line in (extract_snapshot.SNAPSHOTS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            assert set(json.loads(line)) <= allowed, (name, line)
