"""Lint of the metric lexicon (factdb/extract/data/metrics.json): its format, no entry listed twice, no
entry that can never match or that another entry always beats. (Which entries change any output on the
gold sets is bench/ablation.py's question.)"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from factdb.extract import extract_claims
from factdb.extract.inflections import LEMMA_KEYS, forms
from factdb.extract.lexicon import SIDES, Lexicon, _norm_phrase, _phrase_pattern, load_lexicon

LEXICON = Path(__file__).resolve().parents[1] / "factdb" / "extract" / "data" / "metrics.json"
# (the vocabulary set holds a labelled sentence for each entry that no other gold text decides)
GOLD = [Path(__file__).parent / "data" / "extract" / f"{name}.jsonl"
        for name in ("gold-sentences", "gold-docs", "lexicon-sentences")]
KEYS = set(SIDES) | {"regex_before", "regex_after"} | set(LEMMA_KEYS)


def format_problems(data) -> list[str]:
    if not isinstance(data, dict) or set(data) != {"version", "metrics"} or data["version"] != 1:
        return ["top level: exactly {'version': 1, 'metrics': {...}}"]
    if not isinstance(data["metrics"], dict) or not data["metrics"]:
        return ["'metrics' is a non-empty object"]
    out = []
    for metric, spec in data["metrics"].items():
        if not re.fullmatch(r"[a-z][a-z_]*", metric):
            out.append(f"{metric!r}: a metric name is lower-case letters and underscores")
        if not isinstance(spec, dict):
            out.append(f"{metric}: an object of lists")
            continue
        for key, values in spec.items():
            if key not in KEYS:
                out.append(f"{metric}.{key}: unknown key (known: {sorted(KEYS)})")
            elif not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                out.append(f"{metric}.{key}: a list of non-empty strings")
    return out


def phrase_problems(metrics: dict) -> list[str]:
    """Duplicates (within a metric, and across metrics on one side), phrases not written in the form they
    are matched in, wildcards that are not word endings, and phrases a wildcard always beats."""
    out = []
    on_side: dict[tuple[str, str], list[str]] = {}  # (side, phrase) -> where
    for metric, spec in metrics.items():
        for key, values in spec.items():
            if key in LEMMA_KEYS:  # every form of a verb listed by lemma is a phrase of its side
                side = key[len("verbs_"):]
                for i, lemma in enumerate(values):
                    for p in forms(lemma):
                        on_side.setdefault((side, _norm_phrase(p)), []).append(f"{metric}.{key}[{i}] {lemma!r}")
                continue
            if key not in SIDES:
                continue
            for i, p in enumerate(values):
                where = f"{metric}.{key}[{i}] {p!r}"
                norm = _norm_phrase(p)
                if norm != p:
                    out.append(f"{where}: write it as it is matched, {norm!r}")
                if not re.sub(r"[\s*]", "", norm):
                    out.append(f"{where}: empty once normalised; matches nothing")
                if any("*" in w[:-1] for w in norm.split(" ")):
                    out.append(f"{where}: '*' only ends a word")
                if norm != norm.strip("-'’.,;:"):
                    out.append(f"{where}: starts or ends with punctuation; the word-boundary test around a "
                               "phrase makes that fragile")
                for side in SIDES[key]:
                    on_side.setdefault((side, norm), []).append(where)
    for (side, norm), wheres in on_side.items():
        if len(wheres) > 1:
            metrics_of = [w.split(".")[0] for w in wheres]
            kind = "within a metric" if len(set(metrics_of)) < len(metrics_of) else "across metrics"
            out.append(f"{side} side, {norm!r} listed twice {kind}: {', '.join(wheres)}")
    # a literal that a wildcard on its side also matches: the literal wins its own word, so with the same
    # metric and list it adds nothing; of two wildcards where one covers the other, the first listed wins
    for (side, w), wheres in on_side.items():
        if not w.endswith("*"):
            continue
        rx = re.compile(_phrase_pattern(w), re.I)
        for (side2, p), wheres2 in on_side.items():
            if side2 == side and p != w and rx.fullmatch(p.rstrip("*")) and \
                    {x.split("[")[0] for x in wheres} & {x.split("[")[0] for x in wheres2}:
                out.append(f"{side} side: {wheres2[0]} is covered by {wheres[0]} of the same list")
    return out


def regex_problems(metrics: dict, texts: list[str]) -> list[str]:
    """Regexes that do not compile, can match only the empty string (a trigger needs text), are listed
    twice, or match no text of the gold sets."""
    out = []
    seen: dict[tuple[str, str], str] = {}
    for metric, spec in metrics.items():
        for key, values in spec.items():
            if not key.startswith("regex_"):
                continue
            for i, rx in enumerate(values):
                where = f"{metric}.{key}[{i}]"
                if (key, rx) in seen:
                    out.append(f"{where}: same regex as {seen[key, rx]}")
                seen[key, rx] = where
                try:
                    compiled = re.compile(rx, re.I)
                except re.error as exc:
                    out.append(f"{where}: does not compile ({exc})")
                    continue
                if re._parser.parse(rx, re.I).getwidth()[1] == 0:
                    out.append(f"{where}: matches only empty text")
                elif texts and not any(compiled.search(t) for t in texts):
                    out.append(f"{where}: matches no gold text; add a gold case for the wording it is for")
    return out


@pytest.fixture(scope="module")
def data():
    return json.loads(LEXICON.read_text(encoding="utf-8"))


def test_lexicon_file_has_the_documented_format(data):
    assert format_problems(data) == []
    Lexicon(data["metrics"])  # and the package builds it


def test_no_phrase_is_listed_twice_or_unmatchable(data):
    assert phrase_problems(data["metrics"]) == []


def test_every_regex_compiles_and_matches_some_gold_text(data):
    texts = [json.loads(line)["text"] for p in GOLD for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert regex_problems(data["metrics"], texts) == []


def test_lint_finds_each_kind_of_fault():
    assert format_problems({"version": 1, "metrics": {"killed": {"afterr": ["dead"]}}})
    assert format_problems({"version": 1, "metrics": {"killed": {"after": [""]}}})
    bad = {"killed": {"after": ["dead", "dead", "  Died ", "**", "kill*ed"], "nouns": ["corpses"]},
           "missing": {"after": ["corpses"], "before": ["evacuat*", "evacuated"]}}
    found = "\n".join(phrase_problems(bad))
    assert "'dead' listed twice within a metric" in found
    assert "'corpses' listed twice across metrics" in found
    assert "write it as it is matched, 'died'" in found
    assert "empty once normalised" in found
    assert "'*' only ends a word" in found
    assert "missing.before[1] 'evacuated' is covered by missing.before[0] 'evacuat*'" in found
    rx = regex_problems({"aid": {"regex_after": ["(unclosed", "\\b", "trucks?", "trucks?", "zebra"]}},
                        ["97 trucks entered"])
    assert [p.split(":")[1].split("(")[0].strip() for p in rx] == [
        "does not compile", "matches only empty text", "same regex as aid.regex_after[2]",
        "matches no gold text; add a gold case for the wording it is for"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_phrase_whose_first_word_holds_an_apostrophe_is_found_with_either_apostrophe(tmp_path, apostrophe):
    # (the word index holds letter runs: "don't" is found at "don", and "don’t" is the same word)
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"version": 1, "metrics": {"food_insecure": {"after": ["can't afford food"]}}}),
                     encoding="utf-8")
    text = f"Some 300,000 families can{apostrophe}t afford food, the survey found."
    claims = extract_claims(text, dt.date(2024, 5, 1), lexicon=load_lexicon([str(extra)]))
    assert [c.metric for c in claims] == ["food_insecure"]
