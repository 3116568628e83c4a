"""The frozen test set (tests/data/extract/frozen/): paraphrased real news articles labelled before the
extractor ran on them and never tuned on: parts a and b (44 articles, SOURCE-a.md, SOURCE-b.md) and part c
(36 articles from other outlets, SOURCE-c.md, added later).

Its figures are reported, not tuned: the floors below are the figures first measured on each part, so an
extractor change that makes unseen news worse fails here; the issue's targets (period >= 0.90,
metric >= 0.92, speaker >= 0.90, as_of >= 0.92) are not met yet and are not asserted.
"""

import json
from pathlib import Path

import pytest

from .test_extract_gold import score

FROZEN_DIR = Path(__file__).parent / "data" / "extract" / "frozen"
FROZEN = sorted(FROZEN_DIR.glob("frozen-news-*.jsonl"))
# per part: the parts scored together (a and b were first measured as one set)
FLOORS = {
    ("frozen-news-a", "frozen-news-b"): {"f1": 0.98, "bounds_accuracy": 0.97, "metric_accuracy": 0.86,
                                         "speaker_accuracy": 0.74, "as_of_accuracy": 0.82, "period_accuracy": 0.65},
    ("frozen-news-c",): {"f1": 0.97, "bounds_accuracy": 0.98, "metric_accuracy": 0.90, "speaker_accuracy": 0.75,
                         "as_of_accuracy": 0.75, "period_accuracy": 0.73},
}


def _scored(extracted, names):
    paths = [FROZEN_DIR / f"{name}.jsonl" for name in names]
    cases = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = [{"doc_id": doc_id, **c.to_record()} for p in paths for doc_id, claims in extracted(p.stem)
             for c in claims]
    return cases, preds


@pytest.fixture(scope="module")
def frozen(extracted):
    return _scored(extracted, [p.stem for p in FROZEN])


def test_frozen_set_has_forty_real_articles_with_surfaces_in_their_text(frozen):
    cases, _ = frozen
    assert len(cases) >= 80
    for case in cases:
        for c in case["claims"] + case.get("optional", []):
            if "start" in c:
                assert case["text"][c["start"]:c["start"] + len(c["surface"])] == c["surface"], case["id"]
            assert c["surface"] in case["text"], case["id"]


def test_every_frozen_part_has_floors():
    assert {p.stem for p in FROZEN} == {name for names in FLOORS for name in names}


@pytest.mark.parametrize("names", list(FLOORS), ids="+".join)
def test_unseen_news_is_no_worse_than_first_measured(extracted, names):
    result = score(*_scored(extracted, names))
    for metric, floor in FLOORS[names].items():
        assert result[metric] >= floor, (metric, result)


# tuning rounds of real articles, tuned on after their before-figures were taken (see SOURCE-round*.md):
# no worse than they reached
ROUND_FLOORS = {
    "round16-news": {"f1": 0.975, "bounds_accuracy": 0.98, "metric_accuracy": 0.94, "speaker_accuracy": 0.76,
                     "as_of_accuracy": 0.8, "period_accuracy": 0.84},
    "round17-news": {"f1": 0.98, "bounds_accuracy": 0.98, "metric_accuracy": 0.93, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.95, "period_accuracy": 0.95},
    "round18-news": {"f1": 0.975, "bounds_accuracy": 1.0, "metric_accuracy": 0.94, "speaker_accuracy": 0.91,
                     "as_of_accuracy": 0.88, "period_accuracy": 0.95},
    "round19-news": {"f1": 0.97, "bounds_accuracy": 1.0, "metric_accuracy": 0.95, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.87, "period_accuracy": 0.91},
    "round20-news": {"f1": 0.965, "bounds_accuracy": 1.0, "metric_accuracy": 0.92, "speaker_accuracy": 0.9,
                     "as_of_accuracy": 0.83, "period_accuracy": 0.95},
    "round21-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.92, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.84},
    "round22-news": {"f1": 0.99, "bounds_accuracy": 0.98, "metric_accuracy": 0.95, "speaker_accuracy": 0.91,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.87},
    "round23-news": {"f1": 0.97, "bounds_accuracy": 0.98, "metric_accuracy": 0.92, "speaker_accuracy": 0.84,
                     "as_of_accuracy": 0.88, "period_accuracy": 0.8},
    # (its labels name "the agency's latest situation report" as a speaker, which is read as the agency itself,
    # and leave "according to the latest update" after a ministry's dated report unattributed, where the
    # report's statement carries on)
    "round24-news": {"f1": 0.98, "bounds_accuracy": 0.97, "metric_accuracy": 0.91, "speaker_accuracy": 0.88,
                     "as_of_accuracy": 0.81, "period_accuracy": 0.82},
    "round25-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.98, "speaker_accuracy": 0.93,
                     "as_of_accuracy": 0.82, "period_accuracy": 0.87},
    # (its breakdowns take the source of the figure they break down, where its labels leave them unattributed)
    "round26-news": {"f1": 0.99, "bounds_accuracy": 1.0, "metric_accuracy": 0.91, "speaker_accuracy": 0.86,
                     "as_of_accuracy": 0.89, "period_accuracy": 0.87},
    "round27-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.93, "speaker_accuracy": 0.9,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.9},
    "round28-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.94, "speaker_accuracy": 0.9,
                     "as_of_accuracy": 0.9, "period_accuracy": 0.77},
    # (its labels leave the parts of a breakdown unattributed: "Of the remaining 47 victims, six were ...")
    "round29-news": {"f1": 0.99, "bounds_accuracy": 1.0, "metric_accuracy": 0.92, "speaker_accuracy": 0.91,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.92},
    "round30-news": {"f1": 0.97, "bounds_accuracy": 0.98, "metric_accuracy": 0.87, "speaker_accuracy": 0.91,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.85},
    "round31-news": {"f1": 0.98, "bounds_accuracy": 0.95, "metric_accuracy": 0.91, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.81, "period_accuracy": 0.89},
    "round32-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.87, "speaker_accuracy": 0.89,
                     "as_of_accuracy": 0.69, "period_accuracy": 0.78},
    "round33-news": {"f1": 0.97, "bounds_accuracy": 0.98, "metric_accuracy": 0.93, "speaker_accuracy": 0.94,
                     "as_of_accuracy": 0.79, "period_accuracy": 0.78},
    "round35-news": {"f1": 0.97, "bounds_accuracy": 0.97, "metric_accuracy": 0.94, "speaker_accuracy": 0.89,
                     "as_of_accuracy": 0.75, "period_accuracy": 0.88},
    "round36-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.94, "speaker_accuracy": 0.89,
                     "as_of_accuracy": 0.77, "period_accuracy": 0.9},
    "round37-news": {"f1": 0.99, "bounds_accuracy": 0.98, "metric_accuracy": 0.92, "speaker_accuracy": 0.88,
                     "as_of_accuracy": 0.82, "period_accuracy": 0.85},
    "round38-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.89, "speaker_accuracy": 0.88,
                     "as_of_accuracy": 0.77, "period_accuracy": 0.84},
    "round39-news": {"f1": 0.98, "bounds_accuracy": 0.98, "metric_accuracy": 0.91, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.88},
    "round40-news": {"f1": 0.97, "bounds_accuracy": 0.97, "metric_accuracy": 0.88, "speaker_accuracy": 0.83,
                     "as_of_accuracy": 0.82, "period_accuracy": 0.76},
    "round41-news": {"f1": 0.98, "bounds_accuracy": 0.96, "metric_accuracy": 0.92, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.7, "period_accuracy": 0.76},
    "round42-news": {"f1": 0.97, "bounds_accuracy": 1.0, "metric_accuracy": 0.91, "speaker_accuracy": 0.86,
                     "as_of_accuracy": 0.72, "period_accuracy": 0.82},
    "round34-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.95, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.88, "period_accuracy": 0.91},    "round43-news": {"f1": 0.98, "bounds_accuracy": 0.97, "metric_accuracy": 0.9, "speaker_accuracy": 0.9,
                     "as_of_accuracy": 0.91, "period_accuracy": 0.93},
    "round44-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.95, "speaker_accuracy": 0.88,
                     "as_of_accuracy": 0.72, "period_accuracy": 0.87},
    "round45-news": {"f1": 0.99, "bounds_accuracy": 1.0, "metric_accuracy": 0.91, "speaker_accuracy": 0.79,
                     "as_of_accuracy": 0.86, "period_accuracy": 0.83},
    "round47-news": {"f1": 0.99, "bounds_accuracy": 1.0, "metric_accuracy": 0.92, "speaker_accuracy": 0.8,
                     "as_of_accuracy": 0.8, "period_accuracy": 0.87},
    # (its labels leave the parts of a breakdown unattributed: "Of the seven dead soldiers, four have been identified")
    "round48-news": {"f1": 0.96, "bounds_accuracy": 1.0, "metric_accuracy": 0.89, "speaker_accuracy": 0.84,
                     "as_of_accuracy": 0.74, "period_accuracy": 0.77},
    "round49-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.96, "speaker_accuracy": 0.89,
                     "as_of_accuracy": 0.87, "period_accuracy": 0.94},
    "round50-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.94, "speaker_accuracy": 0.91,
                     "as_of_accuracy": 0.88, "period_accuracy": 0.95},
    "round51-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.93, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.7, "period_accuracy": 0.87},
    "round52-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.88, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.85, "period_accuracy": 0.84},
    "round46-news": {"f1": 0.99, "bounds_accuracy": 0.97, "metric_accuracy": 0.93, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.67, "period_accuracy": 0.79},
    "round54-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.91, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.79, "period_accuracy": 0.88},
    "round55-news": {"f1": 0.97, "bounds_accuracy": 1.0, "metric_accuracy": 0.92, "speaker_accuracy": 0.78,
                     "as_of_accuracy": 0.82, "period_accuracy": 0.93},
    "round56-news": {"f1": 0.93, "bounds_accuracy": 0.97, "metric_accuracy": 0.88, "speaker_accuracy": 0.75,
                     "as_of_accuracy": 0.67, "period_accuracy": 0.89},
    "round53-news": {"f1": 0.97, "bounds_accuracy": 0.97, "metric_accuracy": 0.88, "speaker_accuracy": 0.95,
                     "as_of_accuracy": 0.8, "period_accuracy": 0.87},
    "round60-news": {"f1": 0.93, "bounds_accuracy": 1.0, "metric_accuracy": 0.91, "speaker_accuracy": 0.85,
                     "as_of_accuracy": 0.48, "period_accuracy": 0.55},
    "round58-news": {"f1": 0.92, "bounds_accuracy": 1.0, "metric_accuracy": 0.81, "speaker_accuracy": 0.81,
                     "as_of_accuracy": 0.77, "period_accuracy": 0.79},
    "round59-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.89, "speaker_accuracy": 0.83,
                     "as_of_accuracy": 0.67, "period_accuracy": 0.75},
    "round57-news": {"f1": 0.97, "bounds_accuracy": 1.0, "metric_accuracy": 0.9, "speaker_accuracy": 0.86,
                     "as_of_accuracy": 0.86, "period_accuracy": 0.89},
    "round61-news": {"f1": 0.96, "bounds_accuracy": 0.95, "metric_accuracy": 0.85, "speaker_accuracy": 0.87,
                     "as_of_accuracy": 0.84, "period_accuracy": 0.89},
    "round62-news": {"f1": 0.94, "bounds_accuracy": 1.0, "metric_accuracy": 0.89, "speaker_accuracy": 0.86,
                     "as_of_accuracy": 0.7, "period_accuracy": 0.73},
    "round63-news": {"f1": 0.97, "bounds_accuracy": 1.0, "metric_accuracy": 0.88, "speaker_accuracy": 0.77,
                     "as_of_accuracy": 0.69, "period_accuracy": 0.79},
    "round64-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.84, "speaker_accuracy": 0.83,
                     "as_of_accuracy": 0.77, "period_accuracy": 0.82},
    "round65-news": {"f1": 0.96, "bounds_accuracy": 1.0, "metric_accuracy": 0.87, "speaker_accuracy": 0.84,
                     "as_of_accuracy": 0.79, "period_accuracy": 0.83},
    "round66-news": {"f1": 0.96, "bounds_accuracy": 1.0, "metric_accuracy": 0.95, "speaker_accuracy": 0.9,
                     "as_of_accuracy": 0.77, "period_accuracy": 0.92},
    "round67-news": {"f1": 0.98, "bounds_accuracy": 1.0, "metric_accuracy": 0.86, "speaker_accuracy": 0.8,
                     "as_of_accuracy": 0.88, "period_accuracy": 0.73},
    "round68-news": {"f1": 0.96, "bounds_accuracy": 1.0, "metric_accuracy": 0.84, "speaker_accuracy": 0.81,
                     "as_of_accuracy": 0.87, "period_accuracy": 0.85},
}


@pytest.mark.parametrize("name", list(ROUND_FLOORS))
def test_real_news_tuning_round_keeps_what_it_reached(extracted, name):
    path = Path(__file__).parent / "data" / "extract" / f"{name}.jsonl"
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = [{"doc_id": doc_id, **c.to_record()} for doc_id, claims in extracted(name) for c in claims]
    result = score(cases, preds)
    for k, floor in ROUND_FLOORS[name].items():
        assert result[k] >= floor, (k, result)
