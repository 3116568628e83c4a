"""Review actions, queue, stats and optimistic concurrency on SQLite and PostgreSQL.

Claims are stored through the ingest service with hand-written extractor
readings, so these tests do not depend on the extractor's quality.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from factdb.db import open_engine, run_write, write_session
from factdb.errors import InvalidReview, NotFound, ReviewConflict
from factdb.ingest import store_document
from factdb.models import Claim, ClaimVersion, Speaker
from factdb.readers import SourceDocument
from factdb.review import apply_review, queue_rows, review, reviewer_name, stats

TEXT = (
    "The death toll rose to 27,585 Palestinians, the Gaza Health Ministry said. "
    "About 1.7 million people have been displaced. "
    "Some 12 trucks crossed on Tuesday."
)


def cand(surface: str, value: float | None, metric: str, *, as_of="2024-02-07", qualifier="exact",
         subject=None, speaker=None, sentence_index=0, low=None, high=None) -> dict:
    start = TEXT.index(surface)
    sentence = next(s for s in TEXT.split(". ") if surface in s)
    return {
        "value": value, "low": low, "high": high, "qualifier": qualifier, "unit": None, "metric": metric,
        "subject": subject, "location": "Gaza", "period": "cumulative", "speaker": speaker,
        "attribution": "said" if speaker else "outlet", "as_of": dt.date.fromisoformat(as_of), "since": None,
        "start": start, "end": start + len(surface), "surface": surface, "sentence": sentence,
        "sentence_index": sentence_index, "confidence": 0.9, "extractor": "test-1",
    }


CANDIDATES = [
    cand("27,585", 27585, "killed", subject="Palestinians", speaker="Gaza Health Ministry"),
    cand("About 1.7 million", 1_700_000, "displaced", as_of="2024-02-06", qualifier="approximately",
         subject="people", sentence_index=1),
    cand("Some 12", 12, "other", as_of="2024-02-08", qualifier="approximately", sentence_index=2),
]


def seed(engine, identity="https://example.org/a", text=TEXT, candidates=None) -> list[int]:
    doc = SourceDocument(identity=identity, text=text, published=dt.date(2024, 2, 8), where=identity,
                         source="Harbour Post", url=identity, title="Toll")
    run_write(engine, lambda s: store_document(s, doc, candidates or CANDIDATES))
    with Session(engine) as s:
        return list(s.execute(select(Claim.id).order_by(Claim.id)).scalars())


def claim(engine, cid: int) -> Claim:
    with Session(engine) as s:
        return s.get(Claim, cid)


def versions(engine, cid: int) -> list[ClaimVersion]:
    with Session(engine) as s:
        return list(s.execute(select(ClaimVersion).where(ClaimVersion.claim_id == cid)
                              .order_by(ClaimVersion.version)).scalars())


# --- actions -------------------------------------------------------------------------


def test_verify_reject_dispute_record_one_version_each(engine, run):
    killed, displaced, trucks = seed(engine)
    r = run("review", "verify", str(killed), "--note", "matches bulletin", "--reviewer", "alice")
    assert r.exit_code == 0, r.output
    assert "claim 1: verified, now version 2, by alice" in r.stderr
    assert run("review", "reject", str(trucks), "--reviewer", "bob").exit_code == 0
    assert run("review", "dispute", str(displaced), "--note", "UN says 1.5m", "--reviewer", "bob").exit_code == 0

    c = claim(engine, killed)
    assert (c.status, c.version, c.needs_review, c.value) == ("verified", 2, False, 27585)
    hist = versions(engine, killed)
    assert [v.action for v in hist] == ["extract", "verify"]
    last = hist[-1]
    assert (last.version, last.actor, last.note, last.status) == (2, "alice", "matches bulletin", "verified")
    assert json.loads(last.changed) == ["status"]
    assert last.value == 27585 and last.speaker == "Gaza Health Ministry"  # full snapshot
    assert claim(engine, trucks).status == "rejected"
    assert claim(engine, displaced).status == "disputed"
    assert versions(engine, displaced)[-1].note == "UN says 1.5m"

    # rejection is a status: the claim is still there, and listed by status
    out = run("claims", "--status", "rejected", "--format", "json")
    assert [row["id"] for row in json.loads(out.stdout)] == [trucks]


def test_several_ids_are_one_transaction_and_a_bad_id_changes_nothing(engine, run):
    ids = seed(engine)
    r = run("review", "verify", str(ids[0]), "999", str(ids[1]), "--reviewer", "alice")
    assert r.exit_code == 1
    assert "Error: no claim 999" in r.stderr
    assert [claim(engine, i).status for i in ids] == ["unreviewed"] * 3
    assert all(len(versions(engine, i)) == 1 for i in ids)

    r = run("review", "verify", *map(str, ids), "--reviewer", "alice")
    assert r.exit_code == 0, r.output
    assert [claim(engine, i).version for i in ids] == [2, 2, 2]


def test_reviewer_identity_option_then_env_then_os_user(engine, run, monkeypatch):
    import getpass

    ids = seed(engine)
    run("review", "verify", str(ids[0]), "--reviewer", "alice", env={"FACTDB_REVIEWER": "carol"})
    run("review", "verify", str(ids[1]), env={"FACTDB_REVIEWER": "carol"})
    monkeypatch.delenv("FACTDB_REVIEWER", raising=False)
    run("review", "verify", str(ids[2]))
    assert [versions(engine, i)[-1].actor for i in ids] == ["alice", "carol", getpass.getuser()]
    assert reviewer_name("  dave ") == "dave"


def test_correct_changes_fields_keys_and_speaker(engine, run):
    killed = seed(engine)[0]
    r = run("review", "correct", str(killed), "--value", "27,708", "--subject", "children",
            "--speaker", "Ministry of Health", "--as-of", "2024-02-08", "--note", "bulletin of 8 Feb",
            "--expect-version", "1", "--reviewer", "alice")
    assert r.exit_code == 0, r.output
    c = claim(engine, killed)
    assert (c.status, c.version, c.value, c.as_of) == ("corrected", 2, 27708, dt.date(2024, 2, 8))
    assert c.subject == "children" and c.subject_key == "child"
    with Session(engine) as s:
        assert s.get(Speaker, c.speaker_id).name == "Ministry of Health"
    last = versions(engine, killed)[-1]
    assert last.action == "correct" and last.note == "bulletin of 8 Feb" and last.actor == "alice"
    assert set(json.loads(last.changed)) == {"value", "subject", "speaker", "as_of", "status"}
    assert last.value == 27708 and last.subject_key == "child"

    # a range: clear the value, set bounds
    r = run("review", "correct", str(killed), "--value", "-", "--low", "27000", "--high", "28000",
            "--qualifier", "range", "--note", "ministry gives a range")
    assert r.exit_code == 0, r.output
    c = claim(engine, killed)
    assert (c.value, c.low, c.high, c.qualifier, c.version) == (None, 27000, 28000, "range", 3)


def test_correct_validation(engine, run):
    killed = seed(engine)[0]
    r = run("review", "correct", str(killed), "--value", "5")
    assert r.exit_code == 2 and "--note" in r.stderr  # a correction needs a note
    r = run("review", "correct", str(killed), "--note", "nothing given")
    assert r.exit_code == 2 and "nothing to correct" in r.stderr
    r = run("review", "correct", str(killed), "--qualifier", "roughly", "--note", "x")
    assert r.exit_code == 1 and "qualifier 'roughly' is not one of exact, more_than" in r.stderr
    r = run("review", "correct", str(killed), "--metric", "casualties", "--note", "x")
    assert r.exit_code == 1 and "metric 'casualties' is not in the lexicon" in r.stderr
    r = run("review", "correct", str(killed), "--low", "30000", "--high", "20000", "--note", "x")
    assert r.exit_code == 1 and "low 30000 is greater than high 20000" in r.stderr
    r = run("review", "correct", str(killed), "--value", "many", "--note", "x")
    assert r.exit_code == 2 and "is not a number" in r.stderr
    r = run("review", "correct", "999", "--value", "5", "--note", "x")
    assert r.exit_code == 1 and "no claim 999" in r.stderr
    assert claim(engine, killed).version == 1 and len(versions(engine, killed)) == 1

    r = run("review", "correct", str(killed), "--metric", "injured", "--note", "wounded, not killed")
    assert r.exit_code == 0, r.output
    assert claim(engine, killed).metric == "injured"


def test_service_rejects_bad_input(engine):
    killed = seed(engine)[0]
    with pytest.raises(InvalidReview, match="needs a note"):
        review(engine, [killed], "correct", "alice", changes={"value": 3})
    with pytest.raises(InvalidReview, match="nothing to correct"):
        review(engine, [killed], "correct", "alice", changes={"value": 27585}, note="same")
    with pytest.raises(InvalidReview, match="takes no field values"):
        review(engine, [killed], "verify", "alice", changes={"value": 3})
    with pytest.raises(InvalidReview, match="period"):
        review(engine, [killed], "correct", "alice", changes={"period": "weekly"}, note="x")
    with pytest.raises(InvalidReview, match="since"):
        review(engine, [killed], "correct", "alice", changes={"since": dt.date(2024, 3, 1)}, note="x")
    with pytest.raises(NotFound):
        review(engine, [12345], "verify", "alice")


# --- optimistic concurrency ----------------------------------------------------------


def test_expect_version_conflict_cli(engine, run):
    killed = seed(engine)[0]
    assert run("review", "correct", str(killed), "--value", "27708", "--note", "newer bulletin",
               "--reviewer", "alice", "--expect-version", "1").exit_code == 0
    r = run("review", "verify", str(killed), "--expect-version", "1", "--reviewer", "bob")
    assert r.exit_code == 3
    line = r.stderr.strip()
    assert "\n" not in line
    assert line.startswith(f"Error: claim {killed} changed since you read it (now version 2, corrected by alice at 20")
    assert line.endswith(f"); run `factdb show {killed}`")
    c = claim(engine, killed)
    assert (c.status, c.version) == ("corrected", 2)
    assert len(versions(engine, killed)) == 2


def test_two_reviewers_race_exactly_one_wins(db_url):
    """Two real connections read version 1 and both correct; one wins, one conflicts."""
    e1, e2 = open_engine(db_url), open_engine(db_url)
    try:
        killed = seed(e1)[0]
        seen = {claim(e1, killed).version, claim(e2, killed).version}
        assert seen == {1}
        barrier = threading.Barrier(2)
        outcome: dict[str, object] = {}

        def reviewer(name, eng, value):
            barrier.wait()
            try:
                outcome[name] = review(eng, [killed], "correct", name, changes={"value": value},
                                       note=f"{name}'s reading", expect_version=1)
            except ReviewConflict as exc:
                outcome[name] = exc

        threads = [threading.Thread(target=reviewer, args=("alice", e1, 27708)),
                   threading.Thread(target=reviewer, args=("bob", e2, 27840))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        conflicts = [n for n, o in outcome.items() if isinstance(o, ReviewConflict)]
        winners = [n for n, o in outcome.items() if isinstance(o, list)]
        assert len(conflicts) == 1 and len(winners) == 1, outcome
        hist = versions(e1, killed)
        assert [v.version for v in hist] == [1, 2]
        assert hist[-1].actor == winners[0]
        assert claim(e2, killed).value == {"alice": 27708, "bob": 27840}[winners[0]]
        assert f"corrected by {winners[0]}" in str(outcome[conflicts[0]])
    finally:
        e1.dispose()
        e2.dispose()


def test_second_writer_waits_then_conflicts(db_url):
    """Reviewer A has written but not committed; B, on another connection, must
    wait for A and then be refused (on PostgreSQL by the conditional UPDATE)."""
    e1, e2 = open_engine(db_url), open_engine(db_url)
    try:
        killed = seed(e1)[0]
        result: dict[str, object] = {}

        def second():
            try:
                result["b"] = review(e2, [killed], "verify", "bob", expect_version=1)
            except ReviewConflict as exc:
                result["b"] = exc

        with write_session(e1) as s:
            apply_review(s, killed, "correct", "alice", changes={"value": 27708}, note="newer bulletin",
                         expect_version=1)
            t = threading.Thread(target=second)
            t.start()
            time.sleep(0.5)
            assert t.is_alive(), "the second reviewer must wait for the first transaction"
        t.join(60)
        assert isinstance(result["b"], ReviewConflict), result
        assert "now version 2, corrected by alice" in str(result["b"])
        assert [v.actor for v in versions(e1, killed)] == ["test-1", "alice"]
        c = claim(e2, killed)
        assert (c.status, c.version, c.value) == ("corrected", 2, 27708)
    finally:
        e1.dispose()
        e2.dispose()


def test_without_expect_version_the_version_read_in_the_transaction_counts(engine):
    killed = seed(engine)[0]
    review(engine, [killed], "verify", "alice")
    review(engine, [killed], "dispute", "bob", note="second look")
    assert [v.version for v in versions(engine, killed)] == [1, 2, 3]
    with pytest.raises(ReviewConflict):
        review(engine, [killed], "verify", "carol", expect_version=2)


# --- queue, next, stats --------------------------------------------------------------


def test_queue_order_and_contents(engine, run):
    killed, displaced, trucks = seed(engine)
    r = run("review", "queue", "--format", "json")
    rows = json.loads(r.stdout)
    # nothing flagged: newest as_of first
    assert [row["id"] for row in rows] == [trucks, killed, displaced]
    assert [row["flag"] for row in rows] == [None, None, None]
    first = rows[1]
    assert first["source"] == "Harbour Post" and first["speaker"] == "Gaza Health Ministry"
    assert first["identity"] == "https://example.org/a" and first["version"] == 1
    assert "27,585" in first["sentence"] and first["surface"] == "27,585"

    review(engine, [killed], "verify", "alice")
    r = run("review", "queue", "--metric", "displaced", "--metric", "other", "--format", "json")
    assert [row["id"] for row in json.loads(r.stdout)] == [trucks, displaced]
    r = run("review", "queue", "--limit", "1")
    assert r.exit_code == 0 and "1 claims to review" in r.stderr and "Some 12" in r.stdout

    # a reviewed claim the machine now reads differently is back in the queue, before the rest
    with Session(engine) as s:
        assert [row["id"] for row in queue_rows(s)] == [trucks, displaced]
    run_write(engine, lambda s: _mark_needs_review(s, killed))
    with Session(engine) as s:
        assert [row["id"] for row in queue_rows(s)][0] == killed


def _mark_needs_review(session, cid):
    c = session.get(Claim, cid)
    c.needs_review = True
    c.version += 1
    from factdb import store

    store.record_version(session, c, "reextract", "test-2", changed=["needs_review"], proposed={"value": 1})


def test_review_next_interactive(engine, run):
    killed, displaced, trucks = seed(engine)
    keys = "\n".join([           # newest first: trucks, killed, displaced
        "x",                      # not a choice: asked again
        "r", "not a casualty figure",  # reject trucks (note)
        "s",                      # skip the killed claim
        "c",                      # correct the displaced claim:
        "1500000", "", "", "",    # value, low, high, qualifier (empty keeps)
        "", "", "", "",           # metric, subject, location, speaker
        "", "", "",               # as_of, since, period
        "UNRWA figure",           # note
    ]) + "\n"
    r = run("review", "next", "--reviewer", "alice", input=keys)
    assert r.exit_code == 0, r.output
    assert f"claim {killed} (version 1, unreviewed)" in r.stdout
    assert "no more claims (1 skipped)" in r.stdout
    c = claim(engine, displaced)
    assert (c.status, c.value, c.version, c.qualifier) == ("corrected", 1_500_000, 2, "approximately")
    assert versions(engine, displaced)[-1].note == "UNRWA figure"
    assert claim(engine, trucks).status == "rejected"
    assert versions(engine, trucks)[-1].note == "not a casualty figure"
    assert claim(engine, killed).status == "unreviewed"
    assert "reviewed 1 reject, 1 correct" in r.stderr

    r = run("review", "next", "--reviewer", "bob", input="v\n")
    assert r.exit_code == 0, r.output
    assert "the review queue is empty" in r.stdout
    c = claim(engine, killed)
    assert (c.status, c.version) == ("verified", 2)
    assert versions(engine, killed)[-1].actor == "bob"


def test_show_and_review_next_print_the_same_claim_card(engine, run):
    killed, _, _ = seed(engine)
    review(engine, [killed], "verify", "alice", note="matches the bulletin")
    run_write(engine, lambda s: _mark_needs_review(s, killed))  # the extractor now reads 1
    run("review", "queue")  # flags brought up to date
    with write_session(engine) as s:
        c = s.get(Claim, killed)
        c.flag, c.flag_note = "disagrees", "Meridian Wire said 27,000 for the same day"
    nxt = run("review", "next", "--metric", "killed", input="q\n")
    card = run("show", str(killed)).stdout
    assert card.startswith(f"claim {killed} (version 3, verified, NEEDS REVIEW)\n")
    for part in ("  FLAGGED disagrees: Meridian Wire said 27,000", "  figure:      27,585  [exact, count]",
                 "  attribution: Gaza Health Ministry [said]", "  machine now reads: value=1",
                 "verify    by alice: 27,585 [verified] changed status — matches the bulletin",
                 "  sentence:    The death toll rose to 27,585 Palestinians"):
        assert part in card, part
    assert f"[1 in queue]\n{card}" in nxt.stdout


def test_review_next_quit_eof_and_invalid(engine, run):
    killed = seed(engine)[0]
    r = run("review", "next", input="q\n")
    assert r.exit_code == 0 and claim(engine, killed).version == 1
    r = run("review", "next", input="c\n27000\n")  # input ends mid-correction: nothing written
    assert r.exit_code == 0 and claim(engine, killed).version == 1
    # clearing a field with "-" and an invalid correction are reported, nothing written
    r = run("review", "next", "--metric", "killed", input="c\n\n30000\n20000\n" + "\n" * 8 + "why\nq\n")
    assert "low 30000 is greater than high 20000" in r.stderr
    assert claim(engine, killed).version == 1


def test_stats(engine, run):
    killed, displaced, trucks = seed(engine)
    review(engine, [killed], "verify", "alice")
    review(engine, [displaced], "correct", "alice", changes={"value": 1.5e6}, note="UNRWA")
    review(engine, [killed], "dispute", "bob", note="other bulletin")
    with Session(engine) as s:
        data = stats(s)
    assert data["by_status"] == {"unreviewed": 1, "verified": 0, "corrected": 1, "disputed": 1, "rejected": 0,
                                 "reference": 0}
    assert list(data["by_status"]) == ["unreviewed", "verified", "corrected", "disputed", "rejected", "reference"]
    assert data["by_reviewer"]["alice"] == {"verify": 1, "correct": 1, "reject": 0, "dispute": 0, "total": 2}
    assert data["by_reviewer"]["bob"]["total"] == 1
    assert data["oldest_unreviewed"]["id"] == trucks

    r = run("review", "stats")
    assert r.exit_code == 0
    assert "unreviewed         1" in r.stdout and "alice" in r.stdout
    assert f"oldest unreviewed: claim {trucks}" in r.stdout
    assert json.loads(run("review", "stats", "--format", "json").stdout)["by_status"]["corrected"] == 1
    csv_out = run("review", "stats", "--format", "csv").stdout
    assert "reviewer,alice,2,\"verify 1, correct 1\"" in csv_out


def test_as_recorded_at_shows_statuses_of_then(engine, run):
    killed, displaced, _ = seed(engine)
    time.sleep(0.01)
    with Session(engine) as s:
        before = s.execute(select(func.max(ClaimVersion.recorded_at))).scalar_one()
    moment = (before + dt.timedelta(milliseconds=5)).replace(tzinfo=dt.UTC).isoformat()
    time.sleep(0.02)
    review(engine, [killed], "verify", "alice")
    review(engine, [displaced], "reject", "alice")
    then = {r["id"]: r["status"] for r in json.loads(run("claims", "--as-recorded-at", moment,
                                                         "--format", "json").stdout)}
    now = {r["id"]: r["status"] for r in json.loads(run("claims", "--format", "json").stdout)}
    assert then[killed] == then[displaced] == "unreviewed"
    assert (now[killed], now[displaced]) == ("verified", "rejected")
