"""Ingest on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlmodel import Session

from factdb.ingest import ingest
from factdb.integrity import check
from factdb.models import Claim, ClaimVersion, Document, IngestRun, Source

from .conftest import SEEDS

V1 = SEEDS / "2024-02-05_meridian-wire_rafah-strikes_v1.txt"
V2 = SEEDS / "2024-02-05_meridian-wire_rafah-strikes_v2.txt"


def count(engine, model, *where):
    with Session(engine) as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_seed_article_yields_the_killed_claim(engine):
    summary = ingest(engine, [str(SEEDS / "000_0ac5cb94f4c3a24b.txt")])
    assert (summary.new, summary.failed) == (1, 0)
    with Session(engine) as s:
        killed = s.execute(select(Claim).where(Claim.metric == "killed")).scalars().all()
    over = [c for c in killed if c.value == 27000]
    assert over, [(c.surface, c.value) for c in killed]
    c = over[0]
    assert (c.qualifier, c.low, c.high) == ("more_than", 27000, None)
    assert str(c.as_of) == "2024-02-07"
    assert c.period == "cumulative"
    assert "over 27,000 Palestinians" in c.sentence


def test_reingest_is_a_no_op(engine):
    first = ingest(engine, [str(SEEDS)])
    assert first.failed == 0 and first.new >= 10
    claims = count(engine, Claim)
    versions = count(engine, ClaimVersion)
    again = ingest(engine, [str(SEEDS)])
    assert (again.new, again.updated, again.claims_added) == (0, 0, 0)
    assert again.unchanged == first.new + first.updated
    assert count(engine, Claim) == claims
    assert count(engine, ClaimVersion) == versions
    assert count(engine, IngestRun) == 2
    assert check(engine).problems == []


def test_new_version_links_claims_instead_of_duplicating(engine):
    ingest(engine, [str(V1)])
    with Session(engine) as s:
        before = {c.id: c.value for c in s.execute(select(Claim)).scalars()}
    summary = ingest(engine, [str(V2)])
    assert (summary.new, summary.updated) == (0, 1)
    with Session(engine) as s:
        docs = s.execute(select(Document).order_by(Document.version)).scalars().all()
        assert [d.version for d in docs] == [1, 2]
        assert docs[1].supersedes_id == docs[0].id
        assert docs[0].identity == docs[1].identity == "https://meridianwire.example/2024/02/05/gaza-rafah-strikes"
        killed = s.execute(select(Claim).where(Claim.metric == "killed", Claim.value == 27478)).scalars().one()
        # the revised toll is the same claim as v1's 27,365, now at version 2
        assert before.get(killed.id) == 27365
        assert killed.version == 2 and killed.document_id == docs[1].id
        hist = s.execute(select(ClaimVersion).where(ClaimVersion.claim_id == killed.id)
                         .order_by(ClaimVersion.version)).scalars().all()
        assert [(h.action, h.value) for h in hist] == [("extract", 27365), ("reextract", 27478)]
        assert "value" in json.loads(hist[1].changed)
        # new figures in v2 are new claims; nothing was deleted
        assert count(engine, Claim) > len(before)
        source = s.execute(select(Source)).scalars().one()
        assert source.name == "Meridian Wire"
    assert check(engine).problems == []


def test_bad_document_is_skipped_and_the_rest_stored(engine, tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-02-07 At least 40 people were killed, officials said.")
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "published": "2024-02-08", "source": "Feed", "text": "Five were hurt."}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "c2", "published": "2024-02-09", "source": "Feed", "text": "Six died."}) + "\n")
    errors = []
    summary = ingest(engine, [str(tmp_path)], on_error=errors.append)
    assert (summary.new, summary.failed) == (3, 2)
    assert errors == [f"{tmp_path}/b.txt: a PDF file, not a text article; skipped",
                      f"{tmp_path}/c.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)"]
    assert count(engine, Document) == 3
    with Session(engine) as s:
        run = s.execute(select(IngestRun)).scalars().one()
        assert (run.documents_new, run.documents_failed, run.status) == (3, 2, "failed")
        assert len(json.loads(run.errors)) == 2


def test_case_insensitive_source_names(engine, tmp_path):
    (tmp_path / "a.txt").write_text("Source: UN OCHA\nDate: 2024-02-07\n\nAbout 1.7 million people have been displaced.")
    (tmp_path / "b.txt").write_text("Source: un ocha\nDate: 2024-02-08\n\nAbout 1.7 million people have been displaced.")
    ingest(engine, [str(tmp_path)])
    assert count(engine, Source) == 1


def test_reextract_keeps_claims_stable(engine):
    from factdb.ingest import reextract

    ingest(engine, [str(V1), str(V2)])
    claims = count(engine, Claim)
    versions = count(engine, ClaimVersion)
    summary = reextract(engine)
    # same extractor, same text: nothing changes and nothing is duplicated
    assert (summary.claims_added, summary.claims_changed, summary.updated) == (0, 0, 0)
    assert count(engine, Claim) == claims
    assert count(engine, ClaimVersion) == versions


def test_changed_speaker_follows_new_version(engine, tmp_path):
    from factdb.models import Speaker

    head = "Date: 2024-02-07\nSource: Wire\nURL: https://wire.example/a\n\n"
    a, b = tmp_path / "a1.txt", tmp_path / "a2.txt"
    a.write_text(head + "At least 40 people were killed in Gaza, the Red Cross said.")
    b.write_text(head + "At least 40 people were killed in Gaza, UNICEF said.")
    ingest(engine, [str(a)])
    ingest(engine, [str(b)])
    with Session(engine) as s:
        claim = s.execute(select(Claim).where(Claim.value == 40)).scalars().one()
        assert claim.speaker == "UNICEF"
        assert s.get(Speaker, claim.speaker_id).name == "UNICEF"
        last = s.execute(select(ClaimVersion).where(ClaimVersion.claim_id == claim.id)
                         .order_by(ClaimVersion.version.desc())).scalars().first()
        assert last.speaker_id == claim.speaker_id and "speaker" in json.loads(last.changed)


def test_jobs_give_the_same_claims(engine, tmp_path):
    from factdb.db import open_engine

    ingest(engine, [str(SEEDS)], jobs=2)
    other = open_engine(f"sqlite:///{tmp_path / 'one.sqlite'}")
    ingest(other, [str(SEEDS)], jobs=1)

    def rows(eng):
        with Session(eng) as s:
            return sorted(s.execute(select(Document.identity, Claim.ordinal, Claim.value, Claim.low, Claim.metric)
                                    .join(Document, Document.id == Claim.origin_document_id)).all())

    assert rows(engine) == rows(other) and len(rows(other)) > 50
    other.dispose()


def test_a_document_stored_in_batches_numbers_its_claims_in_text_order(engine, tmp_path, monkeypatch):
    """New claims are written a batch at a time (a large document's rows are never all built at
    once); every claim arrives once, numbered and with ids in text order, with its first history row."""
    import factdb.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "INSERT_BATCH", 7)
    doc = tmp_path / "long.txt"
    doc.write_text("date 2024-02-07\n" + "".join(
        f"Officials said {n} people were hurt in Gaza on Tuesday, and {n + 1} were killed.\n\n"
        for n in range(10, 40)), encoding="utf-8")
    summary = ingest(engine, [str(doc)])
    assert (summary.new, summary.failed, summary.claims_added) == (1, 0, 60)
    with Session(engine) as s:
        rows = s.execute(select(Claim.ordinal, Claim.id, Claim.start, Claim.value).order_by(Claim.ordinal)).all()
        history = s.execute(select(func.count()).select_from(ClaimVersion).where(ClaimVersion.version == 1)).scalar()
    assert [r.ordinal for r in rows] == list(range(1, 61))
    assert [r.start for r in rows] == sorted(r.start for r in rows)
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    assert [r.value for r in rows[:4]] == [10, 11, 11, 12]
    assert history == 60


LIVE_PAGE = (
    "Death toll in the enclave rises to 5,087: ministry\n\n"
    "HARBOUR CITY (Wire) -- Air and artillery strikes have now killed 5,087 people, the Health Ministry said on "
    "Monday, including 2,055 children.\n\n"
    + "".join(f"Officials said {n} people were hurt in the north on Sunday, and {n + 1} were killed.\n\n"
              for n in range(10, 30))
    + "10:30 GMT 23 October 2023\n\nToll of the strikes on the camp reaches 48\n\n"
    "Rescuers pulled 48 bodies from the rubble of the camp, the civil defence said, and 12 people are missing.\n\n"
    + "".join(f"The agency said {n} trucks of aid crossed on Saturday.\n\n" for n in range(40, 50))
)


def _claim_rows(engine):
    from factdb.store import CLAIM_FIELDS

    cols = [getattr(Claim, f) for f in CLAIM_FIELDS]
    with Session(engine) as s:
        claims = s.execute(select(Claim.ordinal, Claim.speaker_id, Claim.subject_key, *cols).order_by(Claim.id)).all()
        first = s.execute(select(*[getattr(ClaimVersion, f) for f in CLAIM_FIELDS])
                          .where(ClaimVersion.version == 1).order_by(ClaimVersion.claim_id)).all()
    return [tuple(r) for r in claims], [tuple(r) for r in first]


def test_a_large_document_stored_while_it_is_read_has_the_claims_of_one_read_whole(engine, tmp_path, monkeypatch):
    """Above ``STREAM_FROM`` a document's claims are written as the extractor yields them: the rows (ids and
    numbers in text order, the headline's and a title's claims with the meaning of the body figures they
    restate, known only at the end) and their first history rows are those of a document read whole."""
    import factdb.ingest as ingest_mod
    from factdb.db import open_engine

    doc = tmp_path / "live.txt"
    doc.write_text("date 2023-10-24\n" + LIVE_PAGE, encoding="utf-8")
    whole = open_engine(f"sqlite:///{tmp_path / 'whole.sqlite'}")
    assert ingest(whole, [str(doc)]).claims_added > 50
    monkeypatch.setattr(ingest_mod, "STREAM_FROM", 1_000)
    monkeypatch.setattr(ingest_mod, "INSERT_BATCH", 7)
    summary = ingest(engine, [str(doc)])
    expected, streamed = _claim_rows(whole), _claim_rows(engine)
    whole.dispose()
    assert summary.claims_added == len(expected[0])
    claims, history = streamed
    assert [r[0] for r in claims] == list(range(1, len(claims) + 1))
    # (speaker ids are numbered per database: compared as present or not)
    assert [(r[0], r[1] is None, *r[2:]) for r in claims] == [(r[0], r[1] is None, *r[2:]) for r in expected[0]]
    assert history == expected[1]
    headline = next(r for r in claims if r[0] == 1)
    assert headline[3 + list(ingest_mod.store.CLAIM_FIELDS).index("speaker")] == "Health Ministry"


def test_a_large_document_the_extractor_fails_on_midway_leaves_nothing_and_the_batch_goes_on(engine, tmp_path,
                                                                                             monkeypatch):
    """A streamed document whose extraction fails after some of its claims were written is that document's
    one-line error: none of its rows stay, the documents after it are stored."""
    import factdb.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "STREAM_FROM", 200)
    monkeypatch.setattr(ingest_mod, "INSERT_BATCH", 2)
    batch = tmp_path / "batch.jsonl"
    body = "".join(f"Officials said {n} people were hurt in the north.\n\n" for n in range(10, 20))
    with batch.open("w") as fh:
        fh.write(json.dumps({"id": "year1", "published": "0001-01-01",
                             "text": body + "Officials said 3 people were killed yesterday."}) + "\n")
        fh.write(json.dumps({"id": "good", "published": "2024-02-07", "text": body}) + "\n")
    errors = []
    summary = ingest(engine, [str(batch)], on_error=errors.append)
    assert (summary.new, summary.failed) == (1, 1)
    assert len(errors) == 1 and errors[0].startswith(f"{batch}:1: cannot extract claims"), errors
    assert "document skipped" in errors[0] and "\n" not in errors[0]
    with Session(engine) as s:
        assert s.execute(select(Document.identity)).scalars().all() == ["good"]
        assert s.execute(select(func.count()).select_from(Claim)).scalar() == 10
        assert s.execute(select(func.count()).select_from(ClaimVersion)).scalar() == 10


def test_with_jobs_a_large_document_is_stored_while_read_and_the_small_ones_by_the_workers(engine, tmp_path,
                                                                                           monkeypatch):
    import factdb.ingest as ingest_mod
    from factdb.db import open_engine

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "live.txt").write_text("date 2023-10-24\n" + LIVE_PAGE, encoding="utf-8")
    (tmp_path / "docs" / "short.txt").write_text(
        "date 2023-10-24\nOfficials said 12 people were killed in the north on Monday.", encoding="utf-8")
    one = open_engine(f"sqlite:///{tmp_path / 'one.sqlite'}")
    ingest(one, [str(tmp_path / "docs")], jobs=1)
    monkeypatch.setattr(ingest_mod, "STREAM_FROM", 1_000)
    summary = ingest(engine, [str(tmp_path / "docs")], jobs=2)
    assert (summary.new, summary.failed) == (2, 0)

    def rows(eng):
        with Session(eng) as s:
            return sorted(s.execute(select(Document.identity, Claim.ordinal, Claim.value, Claim.metric, Claim.speaker,
                                           Claim.as_of, Claim.period)
                                    .join(Document, Document.id == Claim.origin_document_id)).all())

    expected = rows(one)
    one.dispose()
    assert rows(engine) == expected and len(expected) > 50
