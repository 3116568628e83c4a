"""Human decisions survive machines: new article versions never undo a review.

Extractor readings are written by hand here, so each case pins exactly what
the machine "reads" in each version of the article.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select
from sqlmodel import Session

from factdb.db import run_write
from factdb.ingest import store_document
from factdb.models import Claim, ClaimVersion
from factdb.readers import SourceDocument
from factdb.review import review

V1 = ("The death toll rose to 27,585 Palestinians, the Gaza Health Ministry said. "
      "About 1.7 million people have been displaced. "
      "Some 12 trucks crossed on Tuesday.")
V2 = ("The death toll rose to 27,708 Palestinians, the Gaza Health Ministry said on Thursday. "
      "About 1.7 million people have been displaced. "
      "Some 12 trucks crossed on Tuesday, officials said.")


def cand(text: str, surface: str, value, metric: str, *, qualifier="exact", subject=None, speaker=None) -> dict:
    start = text.index(surface)
    sentences = text.split(". ")
    index = next(i for i, s in enumerate(sentences) if surface in s)
    return {
        "value": value, "low": None, "high": None, "qualifier": qualifier, "unit": None, "metric": metric,
        "subject": subject, "location": "Gaza", "period": "cumulative", "speaker": speaker,
        "attribution": "said" if speaker else "outlet", "as_of": dt.date(2024, 2, 7), "since": None,
        "start": start, "end": start + len(surface), "surface": surface, "sentence": sentences[index],
        "sentence_index": index, "confidence": 0.9, "extractor": "test-1",
    }


def readings(text: str, killed: float) -> list[dict]:
    return [
        cand(text, f"{killed:,.0f}", killed, "killed", subject="Palestinians", speaker="Gaza Health Ministry"),
        cand(text, "About 1.7 million", 1_700_000, "displaced", qualifier="approximately", subject="people"),
        cand(text, "Some 12", 12, "other", qualifier="approximately", subject="trucks"),
    ]


def store(engine, text: str, candidates: list[dict]):
    doc = SourceDocument(identity="https://example.org/a", text=text, published=dt.date(2024, 2, 8),
                         where="a", source="Harbour Post", url="https://example.org/a")
    return run_write(engine, lambda s: store_document(s, doc, candidates))


def claims(engine) -> list[Claim]:
    with Session(engine) as s:
        return list(s.execute(select(Claim).order_by(Claim.id)).scalars())


def history(engine, cid: int) -> list[ClaimVersion]:
    with Session(engine) as s:
        return list(s.execute(select(ClaimVersion).where(ClaimVersion.claim_id == cid)
                              .order_by(ClaimVersion.version)).scalars())


def test_new_version_keeps_reviews_and_flags_disagreement(engine, run):
    store(engine, V1, readings(V1, 27585))
    killed, displaced, trucks = (c.id for c in claims(engine))
    review(engine, [killed], "verify", "alice")
    review(engine, [displaced], "correct", "alice", changes={"value": 1_500_000}, note="UNRWA figure")
    review(engine, [trucks], "reject", "alice", note="not a casualty figure")
    before = {c.id: (c.status, c.value, c.version) for c in claims(engine)}

    # the same content again is a no-op
    assert store(engine, V1, readings(V1, 27585)).kind == "unchanged"
    assert {c.id: (c.status, c.value, c.version) for c in claims(engine)} == before

    r = store(engine, V2, readings(V2, 27708))
    assert r.kind == "updated" and r.claims_added == 0
    now = {c.id: c for c in claims(engine)}
    assert len(now) == 3  # one claim per figure, no unreviewed duplicates
    k, d, t = now[killed], now[displaced], now[trucks]
    # verified: the editor's value stays, the machine's new reading is recorded
    assert (k.status, k.value, k.needs_review, k.present) == ("verified", 27585, True, True)
    assert "27,708" in k.sentence  # the position follows the new text
    last = history(engine, killed)[-1]
    assert json.loads(last.proposed) == {"value": 27708}
    assert "needs_review" in json.loads(last.changed)
    # corrected: the machine still reads 1.7 million, as before the correction:
    # the correction stays and the claim is not sent back for review
    assert (d.status, d.value, d.needs_review) == ("corrected", 1_500_000, False)
    # rejected stays rejected
    assert (t.status, t.value) == ("rejected", 12)

    out = json.loads(run("history", str(killed), "--format", "json").stdout)
    assert out[-1]["proposed"] == {"value": 27708} and out[-1]["status"] == "verified"
    queue = json.loads(run("review", "queue", "--format", "json").stdout)
    assert killed in [row["id"] for row in queue]

    # reviewing it again clears the mark
    review(engine, [killed], "correct", "bob", changes={"value": 27708}, note="ministry update")
    k = next(c for c in claims(engine) if c.id == killed)
    assert (k.status, k.value, k.needs_review) == ("corrected", 27708, False)


def test_corrected_metric_still_follows_the_article(engine):
    """An editor's metric correction must not make the next version lose the claim."""
    store(engine, V1, readings(V1, 27585))
    trucks = claims(engine)[2].id
    review(engine, [trucks], "correct", "alice", changes={"metric": "aid"}, note="aid trucks")
    store(engine, V2, readings(V2, 27708))  # the machine still reads "other"
    all_claims = claims(engine)
    assert len(all_claims) == 3, [(c.id, c.metric, c.status, c.present) for c in all_claims]
    t = next(c for c in all_claims if c.id == trucks)
    # the machine's reading is the one the editor corrected: recorded, not flagged again
    assert (t.metric, t.status, t.present, t.needs_review) == ("aid", "corrected", True, False)
    assert json.loads(history(engine, trucks)[-1].proposed) == {"metric": "other"}
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(Claim).where(Claim.present.is_(False))).scalar_one() == 0


def test_a_reading_already_decided_is_not_flagged_again(engine):
    store(engine, V1, readings(V1, 27585))
    killed = claims(engine)[0].id
    review(engine, [killed], "verify", "alice")
    store(engine, V2, readings(V2, 27708))  # new figure: flagged
    assert claims(engine)[0].needs_review is True
    review(engine, [killed], "verify", "alice", note="ministry's own figure is still 27,585")
    v3 = V2.replace("on Thursday", "on Thursday evening")
    store(engine, v3, readings(v3, 27708))  # the same reading again: the editor has decided
    k = claims(engine)[0]
    assert (k.status, k.value, k.needs_review) == ("verified", 27585, False)
    assert json.loads(history(engine, killed)[-1].proposed) == {"value": 27708}
    v4 = v3.replace("27,708", "27,840")
    store(engine, v4, readings(v4, 27840))  # a newer figure: flagged again
    k = claims(engine)[0]
    assert (k.status, k.value, k.needs_review) == ("verified", 27585, True)
