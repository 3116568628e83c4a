"""Fixture articles for the series/diff/export/plot tests, and the claims
each one states, written out by hand.

``load(engine, names, how)`` stores the articles either through the real
ingest pipeline (``how="ingest"``: the extractor reads them) or with the
hand-written claims below (``how="manual"``: the same storage path, without
the extractor), so the diff code is tested on exact, known input while the
end-to-end path is tested on the same articles.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "data" / "diff" / "articles"
SLICE = Path(__file__).resolve().parent / "data" / "diff" / "casualties_daily_slice.json"

D = dt.date
MOH = "Gaza Health Ministry"
TOLL = dict(metric="killed", subject="Palestinians", location="Gaza", period="cumulative", unit=None,
            speaker=MOH, attribution="said", since=D(2023, 10, 7))


def _toll(surface, as_of, *, value=None, low=None, high=None, qualifier="exact", **kw):
    if value is None and low is None and high is None:
        value = float(surface.replace(",", ""))
    return {**TOLL, "surface": surface, "as_of": as_of, "value": value, "low": low, "high": high,
            "qualifier": qualifier, **kw}


# file name -> claims (surface text and fields), in text order
CLAIMS: dict[str, list[dict]] = {
    "2024-02-01_harbour-post.txt": [_toll("27,019", D(2024, 2, 1))],
    "2024-02-05_cedar-line.txt": [
        _toll("More than 27,000", D(2024, 2, 5), value=27000.0, low=27000.0, qualifier="more_than")],
    "2024-02-05_meridian-wire_v1.txt": [
        _toll("27,000", D(2024, 2, 5)),
        {"surface": "more than 1.7 million", "value": 1_700_000.0, "low": 1_700_000.0, "high": None,
         "qualifier": "more_than", "unit": None, "metric": "displaced", "subject": "people", "location": "Gaza",
         "period": "unknown", "speaker": "United Nations", "attribution": "said", "as_of": D(2024, 2, 5),
         "since": None},
    ],
    "2024-02-05_meridian-wire_v2.txt": [
        _toll("27,478", D(2024, 2, 5)),
        {**TOLL, "surface": "113", "value": 113.0, "low": None, "high": None, "qualifier": "exact",
         "period": "interval", "as_of": D(2024, 2, 5), "since": D(2024, 2, 4)},
    ],
    "2024-02-05_northgate-courier.txt": [
        _toll("between 27,400 and 27,500", D(2024, 2, 5), low=27400.0, high=27500.0, qualifier="range")],
    "2024-02-08_harbour-post.txt": [_toll("27,840", D(2024, 2, 8))],
    "2024-02-08_al-sahel-daily.txt": [_toll("24,780", D(2024, 2, 8))],
    "2024-02-09_cedar-line.txt": [_toll("27,947", D(2024, 2, 9))],
    "2024-02-10_cedar-line.txt": [_toll("27,900", D(2024, 2, 10))],
    "2024-02-12_meridian-wire.txt": [_toll("28,340", D(2024, 2, 12))],
    "2024-02-13_northgate-courier.txt": [_toll("27,478", D(2024, 2, 13), attribution="according_to")],
}
ALL = sorted(CLAIMS)
FIRST_BATCH = [n for n in ALL if n < "2024-02-05_meridian-wire_v2"]
SECOND_BATCH = [n for n in ALL if n not in FIRST_BATCH]


def _sentence_of(text: str, start: int) -> tuple[str, int]:
    paras = text.split("\n\n")
    pos = 0
    for i, p in enumerate(paras):
        if pos <= start < pos + len(p):
            return p.strip(), i
        pos += len(p) + 2
    raise AssertionError("surface not in text")


def manual_candidates(name: str, text: str) -> list[dict]:
    out = []
    for c in CLAIMS[name]:
        c = dict(c)
        surface = c.pop("surface")
        start = text.find(surface)
        assert start >= 0, (name, surface)
        sentence, index = _sentence_of(text, start)
        out.append({**c, "start": start, "end": start + len(surface), "surface": surface, "sentence": sentence,
                    "sentence_index": index, "confidence": 1.0, "extractor": "manual"})
    return out


def load(engine, names, how: str = "manual") -> None:
    """Store the named fixture articles, in order."""
    paths = [str(ARTICLES / n) for n in names]
    if how == "ingest":
        from factdb.ingest import ingest

        summary = ingest(engine, paths)
        assert summary.failed == 0, summary.errors
        return
    from factdb.db import run_write
    from factdb.ingest import store_document
    from factdb.readers import read_documents

    for doc in read_documents(paths):
        name = Path(doc.path).name
        cands = manual_candidates(name, doc.text)
        run_write(engine, lambda s, d=doc, c=cands: store_document(s, d, c))
