"""Document structure in real wire copy: headlines restate the body, datelines and credits are no
prose, and a dated statement keeps its day through the sentences that continue it."""

import datetime as dt

import pytest

from factdb.extract import extract_claims
from factdb.extract.layout import read_layout


def _claims(text, published):
    return {c.text: c for c in extract_claims(text, dt.date.fromisoformat(published))}


def _all(text, published):
    return extract_claims(text, dt.date.fromisoformat(published))


@pytest.mark.parametrize("para, date", [
    ("HARBOUR CITY, Oct. 23 (Wire) -- Strikes killed 12 people, officials said.", dt.date(2023, 10, 23)),
    ("NORTH TOWN, Coast Province (Agency) — Strikes killed 12 people, officials said.", None),
    ("Harbour City, NEWSWIRE – Strikes killed 12 people, officials said.", None),
    ("Harbour City, Coastland — Strikes killed 12 people, officials said.", None),
    ("PORT ROYAL (AP) — Strikes killed 12 people, officials said.", None),
    ("PORT ROYAL: Strikes killed 12 people, officials said.", None),
    ("Port Royal, Oct. 23: Strikes killed 12 people, officials said.", dt.date(2023, 10, 23)),
    ("Oct. 23, 2023 (PORT ROYAL) – Strikes killed 12 people, officials said.", dt.date(2023, 10, 23)),
])
def test_a_dateline_is_blanked_and_its_date_read(para, date):
    text = "Strikes kill 12\n\n" + para
    layout = read_layout(text, dt.date(2023, 10, 24))
    masked = layout.mask(text)
    assert len(masked) == len(text)
    assert masked[layout.dateline[1]:] == text[layout.dateline[1]:]
    assert masked[layout.dateline[1]:].startswith("Strikes killed")
    assert not masked[layout.dateline[0]:layout.dateline[1]].strip()
    assert layout.dateline_date == date
    assert layout.headline_end == len("Strikes kill 12")


@pytest.mark.parametrize("para", [
    "Diplomats, mediators and envoys met again on Monday, officials said.",
    # a capitalised word before a colon without a date is a label, not a place
    "Update: Diplomats met again on Monday, officials said.",
])
def test_an_ordinary_first_sentence_is_no_dateline(para):
    assert read_layout("Talks resume\n\n" + para, dt.date(2024, 1, 1)).dateline is None


def test_dateline_words_never_become_the_subject():
    text = ("Strikes on camp kill 20\n\nDEIR AL-BALAH, Gaza Strip — At least 20 people were killed in a strike "
            "on a camp overnight, health officials said.")
    c = _claims(text, "2024-05-02")["At least 20"]
    assert "DEIR" not in (c.subject or "") and "AL" not in (c.subject or "").split()


def test_credits_bylines_and_stamps_are_not_read():
    text = ("Floods kill 9 in river valley\n\nBy Jane Roe\n\nPHOTO: NEWSWIRE 2024\n\n10:42 GMT\n\n"
            "RIVERTON, Valley State (Wire) — Floods have killed 9 people, the disaster agency said on Monday.")
    claims = _all(text, "2024-06-04")
    assert [c.text for c in claims] == ["9", "9"]
    assert claims[1].speaker == "disaster agency"


def test_headline_figure_takes_the_speaker_and_day_of_the_body_figure_it_restates():
    text = ("Death toll in the enclave rises to 5,087: ministry\n\n"
            "HARBOUR CITY, Oct. 23 (Wire) -- Air and artillery strikes have now killed 5,087 people, the Health "
            "Ministry said on Monday.")
    head, body = _all(text, "2023-10-24")
    assert head.start == text.index("5,087")
    assert (head.speaker, head.as_of, head.period) == ("Health Ministry", dt.date(2023, 10, 23), "cumulative")
    assert (body.speaker, body.as_of) == ("Health Ministry", dt.date(2023, 10, 23))


def test_headline_bound_restates_the_lede_figure_of_its_metric():
    text = ("Quake death toll tops 600\n\n"
            "HILLTOWN, Upland (Wire) — The number of people killed by the earthquake has risen to 612, the "
            "disaster management agency said on Wednesday.")
    head = _all(text, "2025-03-20")[0]
    assert (head.low, head.high, head.qualifier) == (600, None, "more_than")
    assert head.speaker == "disaster management agency"
    assert head.as_of == dt.date(2025, 3, 19)
    assert head.period == "cumulative"


def test_a_bare_headline_cue_names_the_body_speaker():
    text = ("38 dead as floods sweep the south, says agency\n\n"
            "LOWTOWN, Southland — At least 38 people have died in floods, the Department of Disaster Management "
            "Affairs said on Sunday.")
    head = _all(text, "2025-02-10")[0]
    assert head.speaker == "Department of Disaster Management Affairs"
    assert head.as_of == dt.date(2025, 2, 9)


def test_a_dated_statement_keeps_its_day_through_it_added_and_in_a_statement():
    text = ("HARBOUR CITY — Strikes have killed 5,087 people, the Health Ministry said on Monday.\n\n"
            "In a statement, the ministry said 436 people had been killed over the past 24 hours. It added "
            "that 15,273 people had been wounded.\n\n"
            "According to the relief agency, about 1.4 million people have fled their homes.")
    c = _claims(text, "2023-10-24")
    monday = dt.date(2023, 10, 23)
    assert c["436"].as_of == monday and c["436"].period == "interval"
    assert c["15,273"].as_of == monday and c["15,273"].speaker == "Health Ministry"
    # another speaker without a day of its own speaks on the day of publication
    assert c["about 1.4 million"].as_of == dt.date(2023, 10, 24)


def test_an_unattributed_sentence_continues_the_statement_only_when_it_says_so():
    text = ("The ministry said on Sunday that 283 people had been killed over the previous 24 hours. A further "
            "814 were wounded in the same period, bringing the number of injured to 84,494. The drought has "
            "also driven 1,000 herders from the plains.")
    c = _claims(text, "2024-06-10")
    sunday = dt.date(2024, 6, 9)
    assert (c["814"].speaker, c["814"].as_of) == ("ministry", sunday)
    assert (c["84,494"].speaker, c["84,494"].as_of) == ("ministry", sunday)
    assert c["1,000"].speaker is None and c["1,000"].as_of == dt.date(2024, 6, 10)


def test_a_dateline_date_dates_the_lede_report():
    text = ("Toll rises\n\nHARBOUR CITY, Feb. 29 (Wire) -- The number of people killed since the war began has "
            "exceeded 30,000, the Health Ministry said.")
    c = _all(text, "2024-03-01")[-1]
    assert c.as_of == dt.date(2024, 2, 29)


def test_the_same_period_is_the_window_named_before():
    text = ("The ministry said on Thursday that 81 people had been killed over the past 24 hours, bringing the "
            "overall death toll to 30,035. It added that 132 others were injured in the same period.\n\n"
            "A hospital has received 979 wounded since the fighting began, and recorded 145 deaths over the "
            "same period.")
    c = _claims(text, "2024-03-01")
    assert c["132"].period == "interval"
    assert c["145"].period == "cumulative"


def test_a_comparison_with_last_year_is_no_same_window():
    c = _claims("Rescuers pulled 46,000 migrants from the sea in the first five months, up from about 34,000 "
                "over the same period last year.", "2024-06-10")
    assert c["more than 46,000" if "more than 46,000" in c else "46,000"].period == "interval"


def test_a_bare_role_points_back_to_the_person_named_before():
    text = ('"Most new infections are in places without clean water," said Dr. Amina Njoya, who leads the '
            "agency's emergency team. The representative added that nearly 40 percent of cases involved children.")
    assert _claims(text, "2025-08-01")["nearly 40 percent"].speaker == "Dr. Amina Njoya"


@pytest.mark.parametrize("sentence, surface, metric", [
    ("It added that the dead since Oct. 7 included 2,055 children.", "2,055", "killed"),
    ("The number of people killed by the magnitude 6.8 earthquake that struck the east on Monday has risen "
     "to 612, the agency said.", "612", "killed"),
    ("Camps in the provincial capital already shelter about 110,000 people.", "about 110,000", "sheltering"),
    ("More than 1,400 families have moved into temporary shelters.", "More than 1,400", "sheltering"),
    ("Fighters killed some 1,200 people and took some 250 others hostage.", "some 250", "hostages"),
    ("She said 140 tonnes of maize flour had already reached the camps.", "140", "aid"),
    ("The Red Crescent said it had handed out 120,000 hot meals since Monday.", "120,000", "aid"),
])
def test_metrics_by_the_phrase_that_governs_the_number(sentence, surface, metric):
    assert _claims(sentence, "2025-01-01")[surface].metric == metric


def test_an_event_day_in_reported_speech_dates_the_figure_not_the_statement():
    c = _claims("The military said on Tuesday that 21 soldiers had been killed in the centre on Monday when a "
                "building collapsed.", "2024-01-24")["21"]
    assert c.as_of == dt.date(2024, 1, 22)


def test_an_aside_between_two_figures_of_one_event_keeps_its_day():
    text = ("Fighters stormed the border towns on Oct. 7, killing about 1,400 people, according to officials, "
            "and carrying more than 200 hostages back across the line.")
    c = _claims(text, "2023-10-24")
    assert c["more than 200"].as_of == dt.date(2023, 10, 7) and c["more than 200"].period == "interval"


@pytest.mark.parametrize("sentence", ["One Sudanese was killed in the raid.", "One Palestinian was killed in the raid.",
                                      "One Thai was killed in the raid."])
def test_one_before_any_demonym_is_a_count(sentence):
    c = _all(sentence, "2024-01-01")
    assert [(x.value, x.metric) for x in c] == [(1, "killed")]


def test_no_organisation_or_nationality_names_in_extractor_code():
    """Vocabulary lives in factdb/extract/data; rules are general (checked on the code, comments aside)."""
    import io
    import re
    import tokenize
    from pathlib import Path

    names = re.compile(r"\b(Palestinian|Israeli|Ukrainian|Sudanese|UNRWA|OCHA|Hamas|Reuters|Oxfam|Amnesty)s?\b", re.I)
    hits = []
    for path in sorted((Path(__file__).parent.parent / "factdb" / "extract").glob("*.py")):
        src = path.read_text(encoding="utf-8")
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            if t.type == tokenize.STRING and names.search(t.string) and not t.line.strip().startswith(('"""', 'r"""')):
                hits.append(f"{path.name}:{t.start[0]}")
    assert hits == []


def test_a_live_blog_entry_is_of_its_stamps_day():
    text = ("Ceasefire live\n\n10:40 GMT 20 January\n\nThree hostages were freed on the first day, officials said.\n\n"
            "12:51 GMT 19 January\n\nThe group said 90 prisoners would be freed today.")
    layout = read_layout(text, dt.date(2025, 1, 20))
    assert [d for _, d in layout.stamps] == [dt.date(2025, 1, 20), dt.date(2025, 1, 19)]
    c = _claims(text, "2025-01-20")
    assert c["90"].as_of == dt.date(2025, 1, 19)
    assert "GMT" not in (c["90"].subject or "") and c["Three"].as_of == dt.date(2025, 1, 20)


@pytest.mark.parametrize("line", ["10:40 GMT 20 January", "2023-12-26 | 07:36", "12/31/2024 5:09:38 AM", "10:42 GMT",
                                  "Updated 9:12 p.m. ET, January 19, 2025"])
def test_stamps_are_not_read_as_prose(line):
    text = f"Title line\n\n{line}\n\nOfficials said 12 people were killed."
    assert [c.text for c in _all(text, "2025-01-20")] == ["12"]


HARD_WRAPPED = (
    "Ministry In Harbour Province Says 27 Killed In 24 Hours\n"
    "12/31/2024 5:09:38 AM\n"
    "The health ministry in Harbour Province said on Monday that 27\n"
    "people were killed in the territory in the past 24\n"
    "hours, taking the overall death toll of the war to 45,541.\n"
    "The ministry also said in a statement that at least 108,338\n"
    "people had been wounded in more than 14 months of war between\n"
    "the two sides, triggered by the armed group's October 7,\n"
    "2023 attack.\n")


def test_a_hard_wrapped_feed_reads_as_its_sentences_with_title_and_stamp():
    layout = read_layout(HARD_WRAPPED, dt.date(2024, 12, 31))
    assert HARDWRAPPED_TITLE_END == layout.headline_end
    assert [d for _, d in layout.stamps] == [dt.date(2024, 12, 31)]
    claims = _all(HARD_WRAPPED, "2024-12-31")
    head, body = claims[0], claims[1]
    assert (body.text, body.metric, body.period, body.as_of) == ("27", "killed", "interval", dt.date(2024, 12, 30))
    assert (head.speaker, head.as_of) == (body.speaker, body.as_of)
    wounded = next(c for c in claims if c.text.endswith("108,338"))
    # the day the war began dates no figure; "in more than 14 months of war" is a running total
    assert (wounded.metric, wounded.period, wounded.as_of) == ("injured", "cumulative", dt.date(2024, 12, 30))


HARDWRAPPED_TITLE_END = HARD_WRAPPED.index("\n")


def test_a_trailing_cue_may_close_on_its_day():
    c = _claims("The death toll has surged to 20,674, the Health Ministry added Monday.", "2023-12-26")["20,674"]
    assert (c.speaker, c.as_of) == ("Health Ministry", dt.date(2023, 12, 25))


def test_a_photo_gallerys_counter_is_no_figure():
    text = ("Quake toll nears 500\n\n1 of 3 | Rescuers look for survivors in the town on Monday. Photo by A. Lens/Wire"
            "\n\nAt least 480 people died in Saturday's earthquake, officials said Tuesday.")
    assert [c.text for c in _all(text, "2016-04-19")] == ["nears 500", "At least 480"]


def test_a_factbox_figure_on_its_own_line_takes_the_label_under_it():
    text = ("The war in numbers\n\nFigures as of Nov. 1:\n\n1,400\nPeople killed in Israel\n\n8,525\n"
            "Palestinians killed in Gaza\n\nOver 1.4 million\nPalestinians displaced in Gaza\n\n217\n"
            "Aid trucks allowed into Gaza")
    assert {c.text: c.metric for c in _all(text, "2023-11-01")} == {
        "1,400": "killed", "8,525": "killed", "Over 1.4 million": "displaced", "217": "aid"}


def test_a_live_entrys_title_restates_its_body_figure():
    text = ("Live: the war, day 86\n\n31 December 2023 09:58 GMT\n\nGaza death toll reaches 21,822\n\nOn Sunday, the "
            "health ministry said that 21,822 people have now been killed since the war began.")
    title = next(c for c in _all(text, "2023-12-31") if c.text == "21,822")
    assert (title.speaker, title.as_of, title.period) == ("health ministry", dt.date(2023, 12, 31), "cumulative")


def test_claims_read_one_at_a_time_are_the_claims_of_the_whole_text():
    """``iter_claims`` gives the claims of ``extract_claims`` in order; the headline's claims, yielded
    first, take the meaning of the body figure they restate (far down the body) when it ends."""
    from factdb.extract import extract_claims, iter_claims

    text = ("Death toll in the enclave rises to 5,087: ministry\n\n"
            + "Aid trucks carried 40 tonnes of flour into the north on Sunday, officials said.\n\n" * 300
            + "HARBOUR CITY (Wire) -- Air and artillery strikes have now killed 5,087 people, the Health "
            "Ministry said on Monday.")
    whole = extract_claims(text, dt.date(2023, 10, 24))
    headline: list = []
    seen = []
    for c in iter_claims(text, dt.date(2023, 10, 24), headline=headline):
        seen.append((c.start, c.speaker))
    assert [c.start for c in headline] == [text.index("5,087")]
    assert seen[0] == (text.index("5,087"), "ministry")  # as read in the headline, when yielded
    assert headline[0].speaker == "Health Ministry"  # the body's figure, once the text is read
    assert [c.start for c in whole] == [s for s, _ in seen]
    assert whole[0].speaker == "Health Ministry" and len(whole) == 302


def test_an_entry_title_restates_only_the_body_of_its_own_entry():
    text = ("Live: the war\n\n09:58 GMT 31 December 2023\n\nToll reaches 120 in the north\n\nThe count was "
            "not yet confirmed.\n\n10:30 GMT 31 December 2023\n\nRescuers search the rubble overnight\n\n"
            "The civil defence said 120 people were pulled out alive on Saturday.")
    title = next(c for c in _all(text, "2023-12-31") if c.text == "120")
    assert title.speaker is None and title.as_of == dt.date(2023, 12, 31)


def test_a_time_stamp_under_an_entry_title_is_no_title_of_its_own():
    text = ("Live: the war\n\nGaza death toll reaches 21,822\n\n31 December 2023 09:58 GMT\n\nOn Sunday, the health "
            "ministry said that 21,822 people have now been killed.")
    title = next(c for c in _all(text, "2023-12-31") if c.text == "21,822")
    assert title.speaker == "health ministry"


def test_a_live_entry_headed_by_a_source_in_capitals_is_no_dateline():
    text = ("Live: the war\n\nPALESTINIAN MEDIA: A strike hit people waiting for aid at the square, killing 20.\n\n"
            "Strike on school\n\nRIYADH: Officials said 12 people died.")
    found = {c.text: c.speaker for c in extract_claims(text, dt.date(2024, 2, 26))}
    assert found["20"] == "PALESTINIAN MEDIA"


@pytest.mark.parametrize("top", ["Thursday, October 3, 2024", "Site by Pixels\n03 October 2024"])
def test_a_date_line_above_the_title_leaves_the_next_paragraph_the_title(top):
    title = "78 drown as boat capsizes on the lake, provincial governor says"
    text = (top + "\n\n" + title + "\n\nGOMA (Wire) - At least 78 people drowned when a boat carrying 278 "
            "passengers capsized near the port on Thursday, the provincial governor said.\n\nThe governor said earlier "
            "that 20 people had died, and that the search went on.")
    layout = read_layout(text, dt.date(2024, 10, 3))
    assert text[:layout.headline_end].endswith(title)
    found = [c for c in _all(text, "2024-10-03") if c.text in ("78", "At least 78")]
    assert [(c.speaker, c.as_of, c.period) for c in found] == [("provincial governor", dt.date(2024, 10, 3),
                                                                 "interval")] * 2
    # a story whose title names one incident by what one thing did: its past perfect counts that incident
    assert next(c for c in _all(text, "2024-10-03") if c.text == "20").period == "interval"


def test_a_byline_names_no_place():
    # an author's first name may be a country's ("By Chad ..."): the byline line is blanked, not read
    text = ("Storm kills 12 in coastal town\n\nBy Chad Houston and Victoria Lima\n\n"
            "Twelve people were killed when a storm hit the town on Monday, police said.")
    assert [(c.text, c.location) for c in _all(text, "2024-05-01")] == [("12", None), ("Twelve", None)]


def test_a_photo_caption_line_is_no_prose():
    text = ("Quake kills 40\n\nPhoto: Rescuers carry one of 3 survivors from a collapsed school\n\n"
            "At least 40 people died in the earthquake, officials said on Sunday.")
    assert [c.text for c in _all(text, "2024-05-01")] == ["40", "At least 40"]


def test_a_photo_credit_in_brackets_names_no_place():
    text = ("Quake kills 40\n\nRescuers search the rubble of a collapsed school on Sunday. "
            "(Photo by Jane Roe/Newswire via Pool) At least 40 people died in the earthquake, officials said.")
    assert [(c.text, c.location) for c in _all(text, "2024-05-01")] == [("40", None), ("At least 40", None)]


def test_a_headline_toll_is_a_running_total_whatever_window_the_lede_figure_has():
    # "toll tops 600" is the count so far, even when the lede's figure it restates reads as a day's
    text = ("Quake toll tops 600\n\nRescuers pulled more bodies from the rubble on Monday as the number of dead "
            "rose to 612 in the past day, officials said.")
    assert _claims(text, "2024-05-01")["tops 600"].period == "cumulative"


def test_a_bulletin_reposted_under_the_line_that_introduces_it_speaks_for_its_issuer():
    text = ("Cholera: 14 new cases in the capital\n\n"
            "The Ministry of Public Health has released its daily bulletin: CHOLERA - situation on 3 March.\n\n"
            "• 14 new cases were recorded in the past 24 hours;\n"
            "• 2 deaths were reported among them.")
    claims = [c for c in extract_claims(text, dt.date(2024, 3, 4)) if c.start > text.index("•")]
    assert [c.speaker for c in claims] == ["Ministry of Public Health"] * 2


def test_a_statement_introduced_by_a_colon_is_no_reposted_bulletin():
    from factdb.extract.layout import document_issuer

    assert document_issuer("Floods kill 12\n\nThe ministry said in a statement: 12 people died.") is None


@pytest.mark.parametrize("title, speaker", [
    ("Ministry: At least 8,525 killed in strikes on Gaza", "Ministry"),
    ("Civil defence: Strike on tent camp leaves 40 dead, dozens hurt", "Civil defence"),
    ("US officials: 11 Marines killed in airport bombing", "US officials"),
])
def test_a_headlines_source_before_a_colon_speaks_for_its_figures(title, speaker):
    c = extract_claims(title + "\n\nRescuers searched the rubble through the night.", dt.date(2024, 9, 10))[0]
    assert c.speaker == speaker


def test_a_place_or_a_topic_before_a_headlines_colon_is_no_speaker():
    for title in ("Gaza: 40 killed in strike on school", "Israel-Hamas war live: 40 killed in strike on school"):
        assert extract_claims(title + "\n\nRescuers searched the rubble.", dt.date(2024, 9, 10))[0].speaker is None


def test_a_heading_dated_as_of_a_day_dates_the_figures_listed_under_it():
    text = ("Cholera update\n\nThe epidemiological situation as of 3 March 2024:\n\n"
            "• The cumulative number of cases stands at 2,190.\n• 14 new cases were recorded.")
    assert {c.text: c.as_of for c in extract_claims(text, dt.date(2024, 3, 5))} == {
        "2,190": dt.date(2024, 3, 3), "14": dt.date(2024, 3, 3)}


@pytest.mark.parametrize("label", ["Ads", "World", "BREAKING NEWS", "Home>News>World", "The Daily Harbour Shimbun",
                                   "The Observatory for Human Rights"])
def test_a_pages_label_above_the_title_leaves_the_next_paragraph_as_the_title(label):
    text = (label + "\n\nStrike on shelter leaves 40 dead, dozens hurt\n\nAn air strike on a shelter killed 40 people "
            "and wounded 60 on Tuesday, the civil defence agency said.")
    layout = read_layout(text)
    assert text[:layout.headline_end].endswith("dozens hurt")


def test_a_title_case_title_without_a_figure_stays_the_title():
    text = ("Ceasefire Talks Resume In Cairo\n\nNegotiators say 12 hostages could be freed this week\n\nTalks resumed "
            "on Tuesday, officials said.")
    assert text[:read_layout(text).headline_end] == "Ceasefire Talks Resume In Cairo"


def test_a_days_heading_on_a_page_updated_over_days_dates_its_entries():
    text = ("Quake toll rises to 262\n\nApril 19, 2016\n\nUPDATE: The government says the death toll has reached "
            "413.\n\nApril 18, 2016\n\nUPDATE: The president said the number of dead has risen further, to 272.")
    c = _claims(text, "2016-04-19")
    assert (c["413"].as_of, c["272"].as_of) == (dt.date(2016, 4, 19), dt.date(2016, 4, 18))
