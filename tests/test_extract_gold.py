"""Quality targets on the hand-written gold sets (tests/data/extract/gold-sentences.jsonl: short texts;
gold-docs.jsonl: whole articles).

The metrics are computed by a small matcher here (same rules as the project's scorer: a prediction
matches a gold claim when its span overlaps the gold surface and the numbers agree within 0.5 %).
The shared scorer ../shared/eval/score_claims.py (or $FACTDB_SHARED/eval/score_claims.py) is run too
and must agree.  Without it that part is skipped, except where FACTDB_SHARED names the folder (as
.ci/run does): a missing scorer then fails, so CI never skips the comparison silently.
"""

import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

from .conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
GOLDS = {name: ROOT / "tests" / "data" / "extract" / f"gold-{name}.jsonl" for name in ("sentences", "docs")}
SCORER = SHARED / "eval" / "score_claims.py"
TARGETS = {"f1": 0.95, "metric_accuracy": 0.90, "speaker_accuracy": 0.85, "as_of_accuracy": 0.90,
           "period_accuracy": 0.90, "bounds_accuracy": 0.95}
STOP = {"the", "a", "an", "of", "in", "at", "for", "and", "s", "'s", "its", "u", "n"}


def _close(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return a == b or abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _words(s):
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP}


def _same_speaker(g, p):
    if g is None or p is None:
        return g is None and p is None
    g, p = _words(g), _words(p)
    return bool(g and p) and (g <= p or p <= g or len(g & p) / len(g | p) >= 0.5)


def _matches(case, g, p):
    if "start" in g:
        where = [(g["start"], g["start"] + len(g["surface"]))]
    else:
        where = [(m.start(), m.end()) for m in re.finditer(re.escape(g["surface"]), case["text"])]
    if not any(p["start"] < ge and gs < p["end"] for gs, ge in where):
        return False
    if g.get("value") is not None:
        return _close(g["value"], p.get("value"))
    if "low" in g or "high" in g:
        return _close(g.get("low"), p.get("low")) and _close(g.get("high"), p.get("high"))
    return True


def _attribute_checks(g, p):
    """Attribute name -> correct? for the attributes the gold claim gives."""
    out = {}
    if "metric" in g and g["metric"] != "other":
        out["metric"] = g["metric"] == p["metric"]
    if "speaker" in g:
        out["speaker"] = _same_speaker(g["speaker"], p["speaker"])
    if "as_of" in g:
        out["as_of"] = g["as_of"] == p["as_of"]
    if "period" in g:
        out["period"] = g["period"] == p["period"]
    if "low" in g or "high" in g:
        out["bounds"] = _close(g.get("low"), p["low"]) and _close(g.get("high"), p["high"])
    return out


def score(cases, preds):
    by_doc = {}
    for p in preds:
        by_doc.setdefault(p["doc_id"], []).append(p)
    tp = fp = fn = 0
    attr = {k: [0, 0] for k in ("metric", "speaker", "as_of", "period", "bounds")}
    for case in cases:
        ps, used = by_doc.get(case["id"], []), set()
        for g in case["claims"]:
            hit = next((i for i, p in enumerate(ps) if i not in used and _matches(case, g, p)), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            p = ps[hit]
            for k, ok in _attribute_checks(g, p).items():
                attr[k][1] += 1
                attr[k][0] += ok
        for i, p in enumerate(ps):
            if i not in used and not any(_matches(case, o, p) for o in case.get("optional", [])):
                fp += 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}
    out.update({f"{k}_accuracy": ok / n if n else None for k, (ok, n) in attr.items()})
    return out


@pytest.fixture(scope="module", params=list(GOLDS))
def gold_and_preds(request, extracted):
    path = GOLDS[request.param]
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = [{"doc_id": doc_id, **c.to_record()} for doc_id, claims in extracted(f"gold-{request.param}")
             for c in claims]
    return cases, preds


@pytest.mark.parametrize("name,least", [("sentences", 80), ("docs", 8)])
def test_gold_set_is_big_enough(name, least):
    cases = [json.loads(line) for line in GOLDS[name].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) >= least
    assert all(c["surface"] in case["text"] for case in cases for c in case["claims"])


@pytest.mark.parametrize("metric", list(TARGETS))
def test_targets(gold_and_preds, metric):
    result = score(*gold_and_preds)
    assert result[metric] >= TARGETS[metric], result


@pytest.mark.skipif(not SCORER.exists() and not os.environ.get("FACTDB_SHARED"),
                    reason="shared scorer not available (set FACTDB_SHARED to the shared folder)")
def test_shared_scorer_agrees(gold_and_preds):
    assert SCORER.exists(), f"FACTDB_SHARED is set but {SCORER} does not exist"
    spec = importlib.util.spec_from_file_location("score_claims", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    shared, _, _ = mod.score(*gold_and_preds)
    mine = score(*gold_and_preds)
    for k, target in TARGETS.items():
        assert shared[k] >= target, shared
        assert abs(shared[k] - mine[k]) < 0.002, (k, shared[k], mine[k])


# one news sentence per metric-lexicon entry that no other set reaches (tests/data/extract/lexicon-sentences.jsonl):
# each is read with its entry's metric, and without that entry it is not (bench/ablation.py --kind lexicon)
LEXICON_SENTENCES = ROOT / "tests" / "data" / "extract" / "lexicon-sentences.jsonl"


def test_every_lexicon_sentence_reads_its_entrys_metric(extracted):
    cases = [json.loads(line) for line in LEXICON_SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = [{"doc_id": doc_id, **c.to_record()} for doc_id, claims in extracted("lexicon-sentences") for c in claims]
    result = score(cases, preds)
    assert len(cases) >= 250
    assert result["f1"] == 1.0 and result["metric_accuracy"] == 1.0, result
