"""Deterministic synthetic news corpus for benchmarks and load tests.

    python bench/corpus.py N OUT.jsonl [--seed 7]

Each article (~3 KB) is built from news-style sentence templates with a
realistic mix of outlets, dates, metrics and wordings (bounds, ranges, vague
counts, percentages, attributions, distractor numbers such as years, ages and
clock times).  The same N and seed always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys

OUTLETS = ["Harbour Post", "Meridian Wire", "Al-Sahel Daily", "Cedar Line News", "Northgate Courier",
           "Eastern Ledger", "Riverside Times", "Coastal Herald", "Summit Dispatch", "Plains Gazette"]
PLACES = ["Gaza", "Ukraine", "Sudan", "Syria", "Yemen", "Haiti", "Myanmar", "Lebanon", "Somalia", "Mali"]
SPEAKERS = ["the Health Ministry", "the United Nations", "UN OCHA", "UNICEF", "the Red Cross",
            "local officials", "the regional governor", "the army", "witnesses", "the World Food Programme"]
SUBJECTS = ["people", "civilians", "children", "soldiers", "aid workers", "journalists"]

TEMPLATES = [
    "At least {n} {subj} were killed in {place} in the past 24 hours, {spk} said on {day}.",
    "The death toll in {place} has risen to {big}, according to {spk}.",
    "{spk_cap} said {n} {subj} had been wounded since the fighting began.",
    "More than {big} people have been forced from their homes in {place}, {spk} estimated.",
    "Between {n} and {n2} {subj} remain missing after the strikes, {spk} told reporters.",
    "About {pct}% of the population of {place} faces acute food insecurity, {spk} warned.",
    "Hundreds of families fled overnight, {spk} reported.",
    "Nearly {n} trucks carrying aid crossed into {place} last week, {spk} said.",
    "{spk_cap} announced that {n} detainees had been released in exchange for {n2} prisoners.",
    "A {age}-year-old was among the dead, and dozens more were hurt, {spk} said.",
    "Talks are due to resume at {hour}:30 a.m. on {day}, the {ord}th day of the war, officials said.",
    "In {year}, a similar offensive displaced tens of thousands of residents, {spk} recalled.",
    "Roughly {frac} of the homes in the district were damaged or destroyed, {spk} said.",
    "{spk_cap} said {n} {subj} were arrested during overnight raids.",
    "The ministry said {big} people had been killed so far and {big2} injured.",
]
FRACTIONS = ["a quarter", "a third", "half", "two-thirds", "one in four"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, i: int, start: dt.date) -> dict:
    place = rng.choice(PLACES)
    published = start + dt.timedelta(days=rng.randrange(365))
    sentences = []
    while sum(len(s) + 1 for s in sentences) < 2900:
        spk = rng.choice(SPEAKERS)
        t = rng.choice(TEMPLATES)
        n = rng.randrange(2, 400)
        sentences.append(t.format(
            n=n, n2=n + rng.randrange(5, 90), big=f"{rng.randrange(1_000, 90_000):,}",
            big2=f"{rng.randrange(1_000, 90_000):,}", subj=rng.choice(SUBJECTS), place=place, spk=spk,
            spk_cap=spk[0].upper() + spk[1:], day=rng.choice(DAYS), pct=rng.randrange(5, 96),
            age=rng.randrange(3, 90), hour=rng.randrange(1, 12), ord=rng.randrange(4, 400),
            year=rng.randrange(1990, 2023), frac=rng.choice(FRACTIONS),
        ))
    paragraphs = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    return {
        "id": f"synth-{i:08d}",
        "source": rng.choice(OUTLETS),
        "published": published.isoformat(),
        "title": f"Report {i} on {place}",
        "text": "\n\n".join(paragraphs),
    }


def generate(n: int, seed: int = 7, start: dt.date = dt.date(2023, 1, 1)):
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i, start)


def write(n: int, path: str, seed: int = 7) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    if len(args) < 2:
        sys.exit(__doc__)
    write(int(args[0]), args[1], seed)
