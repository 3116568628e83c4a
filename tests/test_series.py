"""`factdb series`, series keys and aliases, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

from factdb.normalize import key, subject_key
from factdb.series import Keyer, SeriesKey

from .test_diff_fixtures import ALL, load


def test_built_in_equivalents():
    assert subject_key("Gazans") == subject_key("Palestinians in Gaza") == subject_key("the Palestinian people")
    assert subject_key("Palestinians in the Gaza Strip") == "palestinian"
    assert subject_key("children in Rafah") == "child"
    assert key("Health Ministry in Gaza") == key("Gaza Health Ministry") == key("Gaza's Ministry of Health")
    assert key("Ministry of Health in Gaza") == "gaza health ministry"
    assert key("The U.N.") == "un"
    assert key("Government Media Office") == "government media office"


def test_series_key_separates_periods_and_units():
    k = Keyer()
    base = {"metric": "killed", "subject_key": "palestinian", "location_key": "gaza"}
    cum = k({**base, "period": "cumulative", "unit": "count"})
    assert cum == k({**base, "period": "cumulative", "unit": None})
    assert cum != k({**base, "period": "interval"})
    assert cum.cumulative and not k({**base, "period": "interval"}).cumulative
    assert k({**base, "metric": "displaced", "period": "cumulative", "unit": "percent"}).label() == \
        "displaced · palestinian · gaza · cumulative · percent"
    assert not SeriesKey("displaced", "people", "gaza", "cumulative").cumulative


def test_series_subjects_come_from_the_vocabulary_of_counted_nouns():
    k = Keyer()

    def subject(text, metric="killed", location="Gaza"):
        return k({"metric": metric, "subject": text, "location": location, "period": "cumulative"}).subject

    assert subject("Palestinians") == subject("people") == subject(None) == subject("the dead") == "palestinian"
    assert subject("Palestinian children") == subject("children") == subject("minors") == "child"
    assert subject("Palestinian women and children") == "woman and child"
    assert subject("UN aid workers") == subject("humanitarian workers") == "aid worker"
    assert subject("Israeli soldiers") == "israeli soldier" and subject("soldiers") == "soldier"
    assert subject("Hamas militants") == "fighter"
    assert subject("journalists", location="Lebanon") == "journalist"
    # a fragment of a headline is no subject: the metric's default
    assert subject("strikes on Rafah as talks resume") == "palestinian"
    assert subject("Israeli strike on a Rafah school") == "palestinian"
    assert subject("Rafah", metric="aid") == "aid" and subject(None, metric="destroyed") == "building"
    assert subject("people", location="Israel") == "israeli"


def test_subject_vocabulary_is_extended_by_lexicon_files(engine, run, tmp_path):
    from factdb.db import run_write
    from factdb.ingest import store_document
    from factdb.readers import SourceDocument

    text = "Medics said 12 ambulance workers and 40 civilians had been killed."
    doc = SourceDocument(identity="https://x.example/1", text=text, published=dt.date(2024, 2, 6), where="x",
                         source="Wire")
    cands = [{"value": v, "low": None, "high": None, "qualifier": "exact", "unit": None, "metric": "killed",
              "subject": subj, "location": "Gaza", "period": "cumulative", "speaker": "Medics",
              "attribution": "said", "as_of": doc.published, "since": None, "start": text.index(str(v)),
              "end": text.index(str(v)) + len(str(v)), "surface": str(v), "sentence": text, "sentence_index": 0,
              "confidence": 1.0, "extractor": "manual"} for v, subj in ((12, "ambulance workers"), (40, "civilians"))]
    run_write(engine, lambda s: store_document(s, doc, cands))
    series = [r["series"] for r in json.loads(run("series", "--format", "json").stdout)]
    assert series == ["killed · palestinian · gaza · cumulative"]  # not a counted noun: people
    lexicon = tmp_path / "paramedics.json"
    lexicon.write_text(json.dumps({"version": 1, "subjects": {"paramedic": ["paramedic", "ambulance worker"]}}))
    res = run("series", "--format", "json", env={"FACTDB_LEXICON": str(lexicon)})
    assert [r["series"] for r in json.loads(res.stdout)] == ["killed · palestinian · gaza · cumulative",
                                                             "killed · paramedic · gaza · cumulative"]
    # the same file still works as an extraction lexicon (it has no metrics of its own)
    assert run("extract", "-", "--lexicon", str(lexicon), input=text).exit_code == 0


def test_series_listing(engine, run):
    load(engine, ALL)
    res = run("series", "--metric", "killed", "--format", "json")
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [(r["series"], r["claims"], r["sources"], r["first_as_of"], r["last_as_of"]) for r in rows] == [
        ("killed · palestinian · gaza · cumulative", 10, 5, "2024-02-01", "2024-02-13"),
        ("killed · palestinian · gaza · interval", 1, 1, "2024-02-05", "2024-02-05"),
    ]
    assert rows[0]["latest"] == [
        "Northgate Courier 27,478 (2024-02-13)", "Meridian Wire 28,340 (2024-02-12)",
        "Cedar Line News 27,900 (2024-02-10)", "Al-Sahel Daily 24,780 (2024-02-08)",
        "Harbour Post 27,840 (2024-02-08)",
    ]
    table = run("series")
    assert table.exit_code == 0 and "killed · palestinian · gaza · cumulative" in table.stdout
    assert table.stderr == "2 series\n"  # the displaced figure Meridian Wire dropped in v2 is not listed


def test_alias_applies_retroactively(engine, run):
    load(engine, ALL)
    from factdb.db import run_write
    from factdb.ingest import store_document
    from factdb.readers import SourceDocument

    text = "Some 60 Gazans were killed in Khan Younis since Oct. 7, the Ministry of Health in Gaza said."
    doc = SourceDocument(identity="https://x.example/1", text=text, published=dt.date(2024, 2, 6),
                         where="x", source="Wire X")
    cand = {"value": 60.0, "low": None, "high": None, "qualifier": "approximately", "unit": None,
            "metric": "killed", "subject": "Gazans", "location": "Khan Younis", "period": "cumulative",
            "speaker": "Ministry of Health in Gaza", "attribution": "said", "as_of": doc.published, "since": None,
            "start": 5, "end": 7, "surface": "Some 60", "sentence": text, "sentence_index": 0,
            "confidence": 1.0, "extractor": "manual"}
    run_write(engine, lambda s: store_document(s, doc, [cand]))
    before = json.loads(run("series", "--metric", "killed", "--format", "json").stdout)
    assert "killed · palestinian · khan younis · cumulative" in [r["series"] for r in before]
    # the speaker's built-in equivalent: filtering by the usual name finds it
    rows = json.loads(run("diff", "--metric", "killed", "--speaker", "Gaza Health Ministry", "--location",
                          "Khan Younis", "--format", "json").stdout)
    assert [r["figure"] for r in rows] == ["about 60"]

    assert run("alias", "add", "location", "Khan Younis", "Gaza").exit_code == 0
    after = json.loads(run("series", "--metric", "killed", "--format", "json").stdout)
    assert [r["series"] for r in after] == ["killed · palestinian · gaza · cumulative",
                                            "killed · palestinian · gaza · interval"]
    assert after[0]["claims"] == 11
    rows = json.loads(run("diff", "--metric", "killed", "--location", "Gaza", "--format", "json").stdout)
    assert ("2024-02-06", "Wire X", "about 60") in [(r["as_of"], r["source"], r["figure"]) for r in rows]


def test_articles_without_an_outlet_are_sources_of_their_own(run, tmp_path):
    # two plain-text articles, no outlet named: two reports, not one source repeating itself
    a = tmp_path / "first.txt"
    b = tmp_path / "second.txt"
    a.write_text("date 2024-02-10\n\nAt least 28,000 Palestinians have been killed in Gaza since Oct. 7, "
                 "the Health Ministry said.\n", encoding="utf-8")
    b.write_text("date 2024-02-12\n\nAt least 28,340 Palestinians have been killed in Gaza since Oct. 7, "
                 "the Health Ministry said.\n", encoding="utf-8")
    assert run("ingest", str(a), str(b)).exit_code == 0
    rows = json.loads(run("series", "--metric", "killed", "--format", "json").stdout)
    assert [(r["series"], r["claims"], r["sources"]) for r in rows] == [
        ("killed · palestinian · gaza · cumulative", 2, 2)]
    assert rows[0]["latest"] == ["no source, second.txt at least 28,340 (2024-02-12)",
                                 "no source, first.txt at least 28,000 (2024-02-10)"]
