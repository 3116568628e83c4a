"""A long text's numbers found a stretch at a time are exactly those found in the whole text."""

from pathlib import Path

from factdb.extract.numbers import find_numbers
from factdb.extract.stretches import _cut, iter_numbers

FILLER = "The committee met again on the northern bank of the river after the storm.\n\n"
STRETCH, MARGIN = 400, 64


def _fields(spans):
    return [(n.start, n.end, n.text, n.value, n.low, n.high, n.qualifier, n.unit, n.kind) for n in spans]


def _across_cut(before: str, after: str) -> tuple[str, int]:
    """Filler, then ``before`` + a paragraph break + ``after`` placed so the first stretch is cut at
    that break; the text and the cut."""
    head = FILLER * (STRETCH // len(FILLER) + 1)
    head = head[:STRETCH].rsplit(" ", 1)[0] + " "  # (no paragraph break after STRETCH but the one below)
    text = head + before + "\n\n" + after + "\n\n" + FILLER * 12
    cut = _cut(text, 0, STRETCH)
    assert text[:cut].endswith(before + "\n\n")
    return text, cut


def test_number_phrase_straddling_a_cut_is_read_whole():
    text, cut = _across_cut("Officials counted two thousand,", "five hundred people in the camp.")
    whole = find_numbers(text, with_skipped=False)
    assert [(n.value, n.start < cut < n.end) for n in whole] == [(2500, True)]
    assert _fields(iter_numbers(text, STRETCH, MARGIN)) == _fields(whole)


def test_qualifier_looked_back_for_across_a_cut():
    text, cut = _across_cut("The toll is now more than", "500 people, officials said.")
    whole = find_numbers(text, with_skipped=False)
    assert [(n.value, n.qualifier, n.start < cut) for n in whole] == [(500, "more_than", True)]
    assert _fields(iter_numbers(text, STRETCH, MARGIN)) == _fields(whole)


def test_list_longer_than_the_margin_across_a_cut_is_read_as_one():
    # every number of the list is an age ("aged 30, 31, ..."): read from the cut on, without the
    # "aged" far before it, they would count people
    ages = ", ".join(str(a) for a in range(30, 90))
    text, cut = _across_cut("The victims were aged " + ages + ",", ages + " and 61.")
    assert len(ages) > 2 * MARGIN
    whole = find_numbers(text, with_skipped=False)
    assert whole == []
    assert _fields(iter_numbers(text, STRETCH, MARGIN)) == _fields(whole)


def test_news_articles_read_in_small_stretches_give_the_whole_texts_numbers():
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    text = "\n\n".join(f.read_text(encoding="utf-8") for f in sorted(seeds.glob("*.txt")))
    whole = find_numbers(text, with_skipped=False)
    assert len(whole) > 40
    for stretch in (300, 1000, 5000):
        assert _fields(iter_numbers(text, stretch, MARGIN)) == _fields(whole), stretch


def _att_fields(atts):
    return [(a.start, a.end, a.speaker, a.speaker_start, a.kind, a.direction, a.definite, a.head_end) for a in atts]


def test_reporting_cues_and_quotes_read_in_masked_pieces_are_those_of_the_whole_masked_text():
    """A long text's abbreviation mask is made a piece at a time (no second copy of the document):
    every sentence's reporting cues and every paragraph's quotations, with all their offsets (the head
    of "30 of whom Israel says" too), are those read in the text masked whole."""
    import json

    from factdb.extract.attribution import (
        AbbreviationMask,
        find_attributions,
        find_quotes,
        mask_abbreviations,
    )
    from factdb.extract.sentences import iter_sentences, split_paragraphs

    data = Path(__file__).resolve().parent / "data" / "extract"
    texts = [json.loads(line)["text"] for name in ("gold-docs", "round19-news", "round20-news")
             for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    text = "\n\n".join(texts)
    paragraphs = split_paragraphs(text)
    whole = mask_abbreviations(text)
    assert whole != text and len(text) > 100_000
    for stretch, margin in ((2_000, 512), (20_000, 512)):
        pieces = AbbreviationMask(text, stretch, margin)
        cues = heads = 0
        for s in iter_sentences(text, paragraphs):
            expected = find_attributions(text, s.start, s.end, whole)
            assert _att_fields(find_attributions(text, s.start, s.end, *pieces.at(s.start, s.end))) == \
                _att_fields(expected), text[s.start:s.end]
            cues += len(expected)
            heads += sum(a.head_end >= 0 for a in expected)
        assert cues > 500 and heads > 0
        for ps, pe in paragraphs:
            got = [(qs, qe, _att_fields([a]) if a else None) for qs, qe, a in find_quotes(text, ps, pe, *pieces.at(ps, pe))]
            assert got == [(qs, qe, _att_fields([a]) if a else None) for qs, qe, a in find_quotes(text, ps, pe, whole)]


def test_a_text_without_line_breaks_is_cut_between_words():
    # a feed that lost its line breaks: the stretch ends after a space, not inside a word or a number
    text = "Officials said 1,250 homes were damaged and 14 people were killed in the storm. " * 40
    for stretch in (300, 457, 1000):
        cut = _cut(text, 0, stretch)
        assert stretch <= cut < len(text) and text[cut - 1] == " ", stretch


def test_a_long_article_is_read_like_a_short_one():
    # past 16 KB the word index is built another way (arrays); its figures keep their metrics and sources
    import datetime as dt

    from factdb.extract import extract_claims

    para = ("Rescue teams searched the hills above the river on Monday as the water slowly went down, and "
            "residents returned to clear mud from their homes and shops along the main road.")
    tail = "At least 14 people were killed and 30 injured in the floods, officials said. Water covered ¾ of the district."
    short = "Floods hit river towns\n\n" + para + "\n\n" + tail
    long = "Floods hit river towns\n\n" + "\n\n".join([para] * 110) + "\n\n" + tail
    assert len(long) > 1 << 14

    def read(text):
        return [(c.text, c.value, c.metric, c.speaker) for c in extract_claims(text, dt.date(2024, 5, 1))]

    assert read(long) == read(short)
    assert read(long)[:2] == [("At least 14", 14, "killed", "officials"), ("30", 30, "injured", "officials")]
    assert read(long)[2][:2] == ("¾", 0.75)
