"""Table tests for general rules the gold scorer does not look at closely: the exact speaker string,
``since``, and ``subject`` (which groups claims into series)."""

import datetime as dt

import pytest

from factdb.extract import extract_claims


def _claim(text, surface, published="2024-03-12"):
    claims = extract_claims(text, dt.date.fromisoformat(published))
    found = [c for c in claims if surface in c.text or c.text in surface]
    assert found, [c.text for c in claims]
    return found[0]


SINCE_CASES = [
    # a date inside a "since ..." clause starts the period and is never the as_of
    ("More than 2 million people have fled Ukraine since the Russian invasion began on Feb. 24, the U.N. refugee "
     "agency said on Tuesday.", "2 million", "2022-03-08", "cumulative", "2022-02-24", "2022-03-08"),
    ("Some 1,300 people have been arrested since the protests broke out on Sept. 16, activists said.",
     "1,300", "2022-11-20", "cumulative", "2022-09-16", "2022-11-20"),
    ("The film has earned $186 million since its release on Dec. 22.", "$186 million", "2005-01-07",
     "cumulative", "2004-12-22", "2005-01-07"),
    # a comparison ("the lowest since", "its highest level since") is not a counting period
    ("Turnout was 59.8 percent, the lowest since 2001.", "59.8 percent", "2024-06-10", "unknown", None, "2024-06-10"),
    ("Inflation rose to 9.1 percent, its highest level since November 1981.", "9.1 percent", "2022-07-13",
     "unknown", None, "2022-07-13"),
    ("Unemployment fell to 3.4 percent, the first time since 1969 it has been that low.", "3.4 percent",
     "2023-02-03", "unknown", None, "2023-02-03"),
    # a plain "since" is still a running total
    ("At least 31,184 people have been killed in Gaza since Oct. 7, the ministry said.", "31,184", "2024-03-12",
     "cumulative", "2023-10-07", "2024-03-12"),
]


@pytest.mark.parametrize("text,surface,published,period,since,as_of", SINCE_CASES)
def test_since_and_comparisons(text, surface, published, period, since, as_of):
    c = _claim(text, surface, published)
    assert c.period == period
    assert (c.since.isoformat() if c.since else None) == since
    assert c.as_of.isoformat() == as_of


SPEAKER_CASES = [
    # the speaker is the name only, never the reporting verb or its object
    ("At least 3,800 people died in the floods, officials said, as rescuers dug through the mud.", "3,800",
     "officials"),
    ("Over 400,000 people have left the region, the U.N. refugee agency said on Friday.", "400,000",
     "U.N. refugee agency"),
    ("Consumer prices rose 2.9 percent in the year to May, the statistics office said.", "2.9 percent",
     "statistics office"),
    ("A truce would see about 40 hostages freed, Qatar's foreign ministry spokesman Majed al-Ansari told reporters.",
     "40", "Qatar's foreign ministry spokesman Majed al-Ansari"),
    ("More than 4,000 bodies have been recovered, eastern Libya's health minister Othman Abduljaleel told Al Arabiya TV.",
     "4,000", "eastern Libya's health minister Othman Abduljaleel"),
    ("Some 10,000 people are still missing, said a spokesman for the interior ministry in the east.", "10,000",
     "spokesman for the interior ministry in the east"),
    ("At least 300 homes were destroyed, a regional official told a news conference in Benghazi.", "300",
     "regional official"),
    # "its breakdown" is the document of an earlier speaker, never a speaker of its own
    ("Its breakdown put the toll of women at 8,190.", "8,190", None),
]


@pytest.mark.parametrize("text,surface,speaker", SPEAKER_CASES)
def test_speaker_is_the_name_only(text, surface, speaker):
    assert _claim(text, surface, "2023-09-15").speaker == speaker


def test_possessive_source_resolves_to_the_earlier_speaker():
    text = ("The Gaza Health Ministry said on Monday that 23,084 people had been killed. "
            "Its breakdown put the toll of women at 8,190 and children at more than 10,000.")
    claims = extract_claims(text, dt.date(2024, 1, 8))
    assert [c.speaker for c in claims] == ["Gaza Health Ministry"] * 3


SUBJECT_CASES = [
    ("Its breakdown put the toll of women at 8,190 and children at more than 12,000.", "8,190", "women"),
    ("Its breakdown put the toll of women at 8,190 and children at more than 12,000.", "12,000", "children"),
    ("Children account for about 11,500 of the dead, the ministry said.", "11,500", "Children"),
    ("Women and girls make up nearly 70 percent of those displaced, the agency said.", "70 percent",
     "Women and girls"),
    ("The ministry reported 119 deaths in the past 24 hours.", "119", None),
    ("The ministry said 28,340 killed so far were mostly women and children.", "28,340", None),
    ("Another 64 wounded were taken to hospitals in Khan Younis.", "64", None),
    ("The death toll among Palestinians rose to 28,340, the ministry said.", "28,340", "Palestinians"),
    ("Israeli strikes have killed 28,340 Palestinians, the ministry said.", "28,340", "Palestinians"),
    ("At least 1,000 children were among the dead.", "1,000", "children"),
    # a verb before "at" names no group
    ("The index rose 12 points and closed at 2,115.", "2,115", None),
]


@pytest.mark.parametrize("text,surface,subject", SUBJECT_CASES)
def test_subject_names_the_counted_group(text, surface, subject):
    assert _claim(text, surface, "2024-01-08").subject == subject


PERIOD_CASES = [
    # a named month over by then: a count over that month, as of its last day (a timeline places it in June)
    ("Floods in the state of Assam killed 52 people in June, officials said.", "52", "2024-07-29",
     "interval", "2024-06-30"),
    # ... unless the phrase names a day
    ("The floods had destroyed 2,100 homes by the end of January, the agency estimated.", "2,100",
     "2024-02-16", "cumulative", "2024-01-31"),
    # a month inside a "since" clause starts the period
    ("More than 10 million people have been driven from their homes since fighting erupted in April last year.",
     "10 million", "2024-06-12", "cumulative", "2024-06-12"),
    # a rate for a month is not a count over it
    ("The jobless rate fell to 3.8 percent in March, the Labor Department said on Friday.", "3.8 percent",
     "2024-04-05", "unknown", "2024-04-05"),
    ("The agency said 190,000 of them had fled over the weekend.", "190,000", "2024-07-29", "interval", "2024-07-28"),
    ("Eleven of the wounded died during the night, the doctor said.", "Eleven", "2022-05-04", "interval",
     "2022-05-04"),
    # "now": the figure standing today, across an apposition
    ("UNRWA said 1.7 million people, roughly three-quarters of the population, were now displaced.",
     "1.7 million", "2023-12-20", "cumulative", "2023-12-20"),
    # a present perfect after an aside
    ("Up to 10 million Ukrainians, almost a quarter of the population, have fled their homes, the UN said.",
     "10 million", "2022-03-21", "cumulative", "2022-03-21"),
    # "N of them" / "N of which" share the window of the figure they split
    ("Russia had fired 10 cruise missiles overnight, seven of which were shot down.", "seven", "2023-05-02",
     "interval", "2023-05-02"),
    ("Russia launched 42 drones overnight, and air defences shot down 36 of them.", "36", "2023-05-02",
     "interval", "2023-05-02"),
]


@pytest.mark.parametrize("text,surface,published,period,as_of", PERIOD_CASES)
def test_periods_and_months(text, surface, published, period, as_of):
    c = _claim(text, surface, published)
    assert (c.period, c.as_of.isoformat()) == (period, as_of)


def test_a_projection_to_a_later_month_has_no_date_of_its_own():
    c = _claim("The IPC said 1.1 million people were expected to face famine conditions by July.", "1.1 million",
               "2024-03-18")
    assert c.as_of == dt.date(2024, 3, 18)


NOT_CLAIMS = [
    ("Maria Ferrer, 61, a former mayor, was among 12 people killed.", ["12"]),
    ("Strikes killed 20 people in Rafah, 12, and Khan Younis, 8.", ["20", "12", "8"]),  # counts by place
    ("The Three Brotherhood Alliance said it had captured 100 outposts.", ["100"]),
    ("Three Palestinians were killed.", ["Three"]),
]


@pytest.mark.parametrize("text,surfaces", NOT_CLAIMS)
def test_ages_and_names_are_not_claims(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 1, 1))] == surfaces


@pytest.mark.parametrize("text,qualifier,low", [
    ("Hamas handed over four Israeli soldiers on Saturday.", "exact", None),
    ("Troops killed over 30 fighters.", "more_than", 30),
])
def test_a_verb_particle_is_not_a_bound(text, qualifier, low):
    c = extract_claims(text, dt.date(2024, 1, 1))[0]
    assert (c.qualifier, c.low) == (qualifier, low)


@pytest.mark.parametrize("text,surface,metric", [
    ("About 250,000 people had been ordered to leave eastern Khan Younis.", "250,000", "displaced"),
    ("Thousands of residents were ordered to evacuate as the fire spread.", "Thousands", "displaced"),
    ('"Eleven of the wounded died during the night," he said, adding that 27 others were in intensive care.',
     "Eleven", "killed"),
    ('"Eleven of the wounded died during the night," he said, adding that 27 others were in intensive care.',
     "27", "injured"),
    ("Twelve of the dead were children.", "Twelve", "killed"),
])
def test_event_words_beat_the_group_a_share_is_taken_from(text, surface, metric):
    assert _claim(text, surface).metric == metric


SPEAKER_CASES = [
    # who keeps a count is not who says so: the closing cue names the source
    ("Haiti has recorded 1,972 suspected cholera cases and at least 41 deaths, the health ministry said.", "41",
     "health ministry"),
    ("The country reported 4,112 new infections in the past day, health officials said.", "4,112",
     "health officials"),
    # the subject of "said" holding the figure itself is not its source when another cue is
    ("Nearly a quarter of small businesses surveyed in June said they had cut staff, the chamber of commerce "
     "reported.", "a quarter", "chamber of commerce"),
    # ... and is when none is
    ("Over half of respondents said they had skipped meals.", "Over half", "respondents"),
    # "he" after a sentence naming a person by office; a place and a day are nobody
    ('Yemen\'s health minister visited the hospital in Marib on Tuesday. "Eleven of the wounded died during the '
     'night," he told reporters.', "Eleven", "Yemen's health minister"),
    # "told reporters": the reporters are the audience, and "she" is the one who told them
    ('"People are sleeping in the street," Helen Marsh, the agency\'s director, told reporters by video link. '
     "She said just 120 trucks had entered.", "120", "Helen Marsh"),
    ("About 3 million customers were without power, according to the tracking site PowerOutage.us.", "3 million",
     "tracking site PowerOutage.us"),
]


@pytest.mark.parametrize("text,surface,speaker", SPEAKER_CASES)
def test_speakers(text, surface, speaker):
    assert _claim(text, surface).speaker == speaker


@pytest.mark.parametrize("text,surface,metric", [
    # a number naming its own things keeps to them; a shared predicate is shared
    ("Haiti has recorded 1,972 suspected cholera cases and at least 41 deaths.", "1,972", "other"),
    ("Twenty-three journalists and a dozen paramedics were among those killed.", "Twenty-three", "killed"),
    # people's fates are not counts of things
    ("The rebels said they had captured more than 100 military outposts.", "100", "other"),
    ("The rebels said they had captured more than 100 soldiers.", "100", "hostages"),
    # a verb does not reach across a clause to its object
    ("The group said 200 people had been wounded and that dozens of women had been abducted.", "dozens",
     "hostages"),
])
def test_metric_binding_limits(text, surface, metric):
    assert _claim(text, surface).metric == metric


def test_hyphenated_ratio_and_a_process_start():
    c = _claim("Investors now see only a one-in-five chance of a cut.", "one-in-five")
    assert (c.value, c.unit) == (0.2, "fraction")
    c = _claim("At least 75 civilians had been killed and 94 injured in the clashes, which began on Oct. 27, "
               "the UN said.", "94", "2023-11-14")
    assert (c.as_of, c.since) == (dt.date(2023, 11, 14), dt.date(2023, 10, 27))


def test_the_figure_refers_back_to_the_number_before():
    text = ("About 17.4 million Yemenis do not have enough to eat, and the figure could climb to 19 million by "
            "December, the World Food Programme warned.")
    assert _claim(text, "19 million", "2022-05-04").metric == "food_insecure"
    text = "Some 1,200 people were reported missing. That number has since fallen to 300."
    assert _claim(text, "300").metric == "missing"


DAY_CASES = [
    # a day stated once dates every figure of the event, however long the phrases between
    ("A gunman killed 18 people and wounded 13 others at a bowling alley and a bar in Harbor Falls, Maine, on "
     "Wednesday night.", "13", "2023-10-27", "2023-10-25", "interval"),
    ("Pagers exploded across Lebanon on Tuesday, killing 12 people, two of them children, and wounding nearly "
     "2,800.", "2,800", "2024-09-18", "2024-09-17", "interval"),
    ("The boat broke apart off Calabria on Feb. 26, killing at least 94 people, including 35 children.", "94",
     "2023-03-03", "2023-02-26", "interval"),
    # ... but not a state, nor across a contrast (a stock held now is a running total, as of the report)
    ("Strikes killed 40 people on Monday, while 2 million people remain displaced.", "2 million", "2024-03-12",
     "2024-03-12", "cumulative"),
    # windows of a quarter, a season, last year; "a day earlier" only dates a compared total
    # (a stretch that has ended: its last day, see test_stretches_of_the_year)
    ("Some 1,500 migrants died in the first three months of the year.", "1,500", "2024-04-10", "2024-03-31",
     "interval"),
    ("The heat killed more than 61,000 people in Europe last summer.", "61,000", "2023-07-10", "2023-07-10",
     "interval"),
    ("The ministry said 2,056 people had died, compared with 1,644 a day earlier.", "1,644", "2020-03-31",
     "2020-03-30", "cumulative"),
]


@pytest.mark.parametrize("text,surface,published,as_of,period", DAY_CASES)
def test_days_and_windows(text, surface, published, as_of, period):
    c = _claim(text, surface, published)
    assert (c.as_of.isoformat(), c.period) == (as_of, period)


@pytest.mark.parametrize("text,surface,metric", [
    ("The fighting has driven some 135,000 people into the outskirts of Goma.", "135,000", "displaced"),
    ("Renewed clashes forced more than 500,000 people from camps.", "500,000", "displaced"),
    ("Kyiv said 230 Ukrainians had come home.", "230", "released"),
    ("Each side returned 90 prisoners of war.", "90", "released"),
    ("The UN appealed for $93.6 million to help survivors.", "$93.6 million", "aid"),
    ("The floods swept away dozens of houses.", "dozens", "destroyed"),
    ("One woman was killed and 22 other people, half of them children, were shot.", "22", "injured"),
    ("Nearly half of Haiti's population, some 5.4 million people, face crisis levels of hunger.", "Nearly half",
     "food_insecure"),
    ("More than 1.2 million people have fled to Rafah. Almost half of them are children.", "Almost half",
     "displaced"),
    ("Rescuers said the number of bodies recovered had risen to 32.", "32", "killed"),
])
def test_more_wordings(text, surface, metric):
    assert _claim(text, surface).metric == metric


def test_bare_generic_heads_point_back_and_full_descriptions_do_not():
    text = ("The IMF's board approved a $3 billion bailout for Pakistan, releasing an immediate $1.2 billion, the "
            "fund said in a statement on Wednesday.")
    assert _claim(text, "$3 billion").speaker == "IMF"
    text = "The ANC won 40.2% of the vote, the electoral commission announced on Sunday."
    assert _claim(text, "40.2%").speaker == "electoral commission"


@pytest.mark.parametrize("text,surface,speaker", [
    ("Prisoners were swapped, with Kyiv saying 230 Ukrainians had come home and Moscow saying it had received "
     "248 of its servicemen.", "248", "Moscow"),
    ("The rebels, who the UN says are backed by about 4,000 Rwandan troops, took the town.", "4,000", "UN"),
    ("The agency said 120 migrants drowned. Its coastguard said it had intercepted 14,000 people this year.",
     "14,000", "Its coastguard"),
    ("Annual inflation stood at 22.1 percent in October, the statistics service said last month.", "22.1 percent",
     "statistics service"),
    # the noun "estimate" is no reporting verb
    ("The UN said 1,000 people had died, up from an earlier estimate of 773.", "773", "UN"),
])
def test_more_speakers(text, surface, speaker):
    assert _claim(text, surface).speaker == speaker


def test_a_participle_names_the_subject_of_its_sentence():
    assert _claim("Protesters marched, saying 40 people had been arrested.", "40").speaker == "Protesters"


@pytest.mark.parametrize("text,surfaces", [
    ("Two juveniles, aged 15 and 17, were detained.", ["Two"]),
    # an age in words, not a list that goes on after it
    ("Five children aged one to three, six men and one woman were among the bodies.", ["Five", "six", "one"]),
    ("Two boys aged fourteen and twenty-one were detained.", ["Two"]),
    ("The BJP won 240 seats, 32 short of a majority on its own.", ["240", "32"]),
    ("Forecasters expect a further two to three weeks of heavy rain.", []),
])
def test_more_non_claims(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 1, 1))] == surfaces


ROUND3_DATES = [
    # "overnight" and "yesterday" count back from the day of the statement
    ("Russia launched 127 missiles and 109 drones overnight, the air force said on Sunday.", "109", "2024-08-26",
     "2024-08-25", "interval"),
    ("As of Sunday, 1,214 Rohingya had arrived in Aceh by boat since mid-November, UNHCR said.", "1,214",
     "2023-12-12", "2023-12-10", "cumulative"),
    ("Sudan's cholera tally has climbed to 11,327 cases since August, the health ministry said in its Tuesday "
     "update.", "11,327", "2024-09-25", "2024-09-24", "cumulative"),
    ("Only 10 hospitals are partially functioning, the WHO representative told reporters in Geneva on Friday.",
     "10", "2024-02-17", "2024-02-16", None),
    # a year is a window (a count of a year over by then is as of its last day); a bare day beats a mere sum;
    # "by late Sunday" is a running total
    ("Gang violence killed more than 5,600 people in 2024, the UN said.", "5,600", "2025-01-08", "2024-12-31",
     "interval"),
    ("A total of 212 trucks entered Gaza on Friday, the agency said.", "212", "2024-03-02", "2024-03-01",
     "interval"),
    ("By late Sunday, officials had confirmed 11 deaths.", "11", "2024-07-09", "2024-07-07", "cumulative"),
    ("Officials put the toll at more than 5,500 on Wednesday.", "5,500", "2023-09-14", "2023-09-13",
     "cumulative"),
    # a cue after two coordinated figures covers both
    ("In the 24 hours to 8 a.m. on Sunday, 21 people had died and 2,882 patients had been admitted.", "21",
     "2023-10-02", None, "interval"),
    # the day a war began dates a figure of that day
    ("The war began on Oct. 7, 2023, when Hamas-led gunmen killed about 1,200 people.", "1,200", "2024-07-14",
     "2023-10-07", None),
]


@pytest.mark.parametrize("text,surface,published,as_of,period", ROUND3_DATES)
def test_statement_days_years_and_sums(text, surface, published, as_of, period):
    c = _claim(text, surface, published)
    if as_of is not None:
        assert c.as_of.isoformat() == as_of
    if period is not None:
        assert c.period == period


@pytest.mark.parametrize("text,surface,metric", [
    ("Forty-two people, most of them women and children, were killed.", "Forty-two", "killed"),
    ("Israel will release between 1,700 and 1,900 Palestinian prisoners.", "1,700", "released"),
    ("Britain said it would give £10 million to UNICEF.", "£10 million", "aid"),
    ("Pakistan announced 10 million rupees in immediate relief.", "10 million rupees", "aid"),
    ("Some 7.7 million Venezuelans have left their country.", "7.7 million", "displaced"),
    ("About 300,000 people had crossed into Syria.", "300,000", "displaced"),
    ("Around 300 people may be buried under a landslide.", "300", "missing"),
    ("A third of children under five are wasted.", "A third", "food_insecure"),
    ("Israel holds 3,661 people in administrative detention.", "3,661", "detained"),
])
def test_round3_wordings(text, surface, metric):
    assert _claim(text, surface).metric == metric


@pytest.mark.parametrize("text,surface,speaker", [
    ("Its spokesman, Majed al-Ansari, said 58 hostages remained in Gaza.", "58", "Majed al-Ansari"),
    ("An Interior Ministry spokesman for the eastern administration, Tarek al-Kharraz, said on Tuesday night "
     "that 5,300 people had died.", "5,300", "Tarek al-Kharraz"),
    ("Abdoulaye Bathily called for calm and said the government had pledged 2 billion dinars.", "2 billion",
     "Abdoulaye Bathily"),
    ("Volodymyr Zelensky renewed his call for air defences, saying Ukraine needed at least seven more batteries.",
     "seven", "Volodymyr Zelensky"),
    ("Mexico's national search commission lists 114,000 people as missing.", "114,000",
     "Mexico's national search commission"),
    # a description naming itself is not a pointer back
    ("Analysts said the result reflected anger. Annual inflation stood at 22.1 percent in October, the "
     "statistics service said last month.", "22.1 percent", "statistics service"),
])
def test_round3_speakers(text, surface, speaker):
    assert _claim(text, surface).speaker == speaker


@pytest.mark.parametrize("text,surfaces", [
    ("Only one of the 24 aid convoys reached the north.", ["one", "24"]),
    ("Residents can call the emergency line on 112 for help.", []),
    ("All 176 people aboard Flight 752, a Boeing 737-800, were killed.", ["176"]),
    ("A shell hit the building at 24 Fontanska Road.", []),
    ("Traffic was diverted at kilometre 20.", []),
    ("The UN delivered 1.5 million liters of water.", ["1.5 million"]),
])
def test_round3_numbers(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 1, 1))] == surfaces


@pytest.mark.parametrize("text,surface,metric,period", [
    ("The death toll from floods in Nepal rose by 12 to 240 on Friday, a spokesman said.", "240", "killed",
     "cumulative"),
    ("The death toll from floods in Nepal rose by 12 to 240 on Friday, a spokesman said.", "12", "killed",
     "interval"),
    ("Some 7.7 million Venezuelans have left their country since 2014, according to the R4V platform, and about "
     "2.8 million of them live in Colombia.", "2.8 million", "displaced", None),
    ("The commission lists 114,000 people as missing, including more than 12,000 who disappeared in 2023 and "
     "4,300 since the start of the year.", "4,300", "missing", None),
    ("Hamas freed three hostages on Saturday, along with 117 Palestinian prisoners held by Israel.", "117",
     "released", None),
    ("Some 1.9 million Gazans have been displaced, and at least 1.2 million of them (roughly two-thirds) are "
     "sheltering in UNRWA schools.", "1.2 million", "sheltering", None),
    # "the figure" in a later paragraph points back to the toll
    ("At least 3,800 people were killed in Derna, the mayor said.\n\nThe Red Crescent put the figure at more than "
     "5,500 on Wednesday.", "5,500", "killed", "cumulative"),
])
def test_steps_shares_and_figures(text, surface, metric, period):
    c = _claim(text, surface)
    assert c.metric == metric
    if period is not None:
        assert c.period == period


@pytest.mark.parametrize("text,surface,speaker", [
    ("President Volodymyr Zelensky, 46, renewed his call for air defences, saying at a news conference that "
     "Ukraine needed at least seven more batteries.", "seven", "President Volodymyr Zelensky"),
    ("The U.N. envoy, Abdoulaye Bathily, called for a joint mechanism and said the government had pledged 2 "
     "billion dinars.", "2 billion", "Abdoulaye Bathily"),
])
def test_subjects_of_participles_and_second_verbs(text, surface, speaker):
    assert _claim(text, surface).speaker == speaker


def test_a_comparison_below_an_earlier_figure():
    c = _claim("Fewer than 100 trucks a day are getting through, said a UNRWA spokeswoman, well below the 500 that "
               "entered before the war.", "500")
    assert c.metric == "aid"


@pytest.mark.parametrize("text,surface,metric", [
    ("Four of the wounded succumbed to their wounds overnight.", "Four", "killed"),
    ("Among the dead are 127 children and 261 women.", "127", "killed"),
    ("The overall death toll in the territory since Oct. 7 had risen to 34,971.", "34,971", "killed"),
    ("The war has claimed more than 22,000 lives.", "22,000", "killed"),
    ("The vaccine saved 300 lives.", "300", "other"),
    ("Israeli forces took 27 Palestinians into custody.", "27", "detained"),
    ("A dozen protesters were released on bail.", "A dozen", "released"),
    ("Fourteen remain in police custody.", "Fourteen", "detained"),
    ("Rescuers are still searching for nine people.", "nine", "missing"),
    ("Some 50,000 people lost their homes.", "50,000", "displaced"),
    ("Four Thai farm workers, who were not part of the agreement between Israel and Hamas, were also freed.",
     "Four", "released"),
    ("In all, 24 hostages, including 10 Thais, were released.", "24", "released"),
])
def test_round4_wordings(text, surface, metric):
    assert _claim(text, surface).metric == metric


@pytest.mark.parametrize("text,surface,period", [
    ("On the first day of the truce, 24 hostages were released.", "24", "interval"),
    ("In a single morning, 40 people were killed.", "40", "interval"),
    ("Between January and April, 3,000 cholera cases were reported.", "3,000", "interval"),
    ("In the 24 hours after rebels entered the city, 200 people were killed.", "200", "interval"),
    ("The Health Ministry later raised the day's death toll to 12.", "12", "interval"),
])
def test_round4_windows(text, surface, period):
    assert _claim(text, surface).period == period


@pytest.mark.parametrize("text,surface,speaker", [
    ("The Health Ministry later raised the day's death toll to 12.", "12", "Health Ministry"),
    ("COGAT, the Israeli defence body that oversees civilian affairs in the Palestinian territories, gave a higher "
     "figure, saying 146 trucks had entered.", "146", "COGAT"),
    ("The IOM's Displacement Tracking Matrix counts 10.1 million displaced people.", "10.1 million",
     "IOM's Displacement Tracking Matrix"),
    ("The charity raised $5 million.", "$5 million", None),
])
def test_round4_speakers(text, surface, speaker):
    assert _claim(text, surface).speaker == speaker


@pytest.mark.parametrize("text,surfaces", [
    ("The S&P 500 fell 1.5%.", ["1.5%"]),
    ("She boarded flight PR 2986 to Manila.", []),
    ("Children under the age of five are most at risk.", []),
])
def test_round4_non_claims(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 1, 1))] == surfaces


@pytest.mark.parametrize("text,surface,metric,speaker", [
    ("The World Health Organization (WHO) estimates that 5 million people lack food.", "5 million",
     "food_insecure", "World Health Organization (WHO)"),
    ("The death toll from the tsunamis continues to rise, passing 80,000 people according to reports from several "
     "news agencies.", "80,000", "killed", "several news agencies"),
    ("A spokesman for the Red Cross speculated that the toll could increase to over 100,000.", "100,000", "killed",
     "spokesman for the Red Cross"),
])
def test_seed_article_wordings(text, surface, metric, speaker):
    c = _claim(text, surface, "2004-12-29")
    assert (c.metric, c.speaker) == (metric, speaker)


@pytest.mark.parametrize("text,surface,metric", [
    ("The Health Ministry raised the toll to 12 after two wounded men died.", "two", "killed"),
    ("It said 38 of them had serious fractures.", "38", "injured"),
    ("Some 3,400 are being held without charge under administrative detention.", "3,400", "detained"),
    ("210,000 people in the two northern governorates were expected to face famine by May.", "210,000",
     "food_insecure"),
])
def test_adjectives_and_references(text, surface, metric):
    assert _claim(text, surface).metric == metric


def test_a_pair_reference_is_not_a_claim_and_a_subset_window_is_not_the_totals():
    assert [c.text for c in extract_claims("The two countries' defence ministries said 150 prisoners were "
                                           "exchanged.", dt.date(2024, 1, 1))] == ["150"]
    c = _claim("Some 2,119 people have been killed since the exchanges of fire began a year ago, most of them in the "
               "past three weeks.", "2,119")
    assert c.period == "cumulative"


@pytest.mark.parametrize("text,surface,metric", [
    ("Rescuers recovered the remains of at least 30 people.", "30", "killed"),
    ("Of the 33 hostages, 16 of the 33 have been freed.", "16", "released"),
    ("Deaths could exceed 10,000, the agency warned.", "10,000", "killed"),
    ("The number of injured had climbed from 15 to 29.", "29", "injured"),
    ("The Houthis continued to detain dozens of aid workers.", "dozens", "detained"),
    ("The fund said it was releasing $5 million from its emergency reserve.", "$5 million", "aid"),
])
def test_round5_metrics(text, surface, metric):
    assert _claim(text, surface).metric == metric


@pytest.mark.parametrize("text,surface,speaker", [
    ("Tornadoes tore across the southern United States on Friday, killing at least 36 people, officials said on "
     "Sunday.", "36", "officials"),
    ("Gov. Sarah Sanders declared a state of emergency after three people were killed.", "three", None),
    ("Officials expect about 400 million visitors.", "400 million", "Officials"),
    ("The toll has now passed 1,000, a figure officials expect to rise.", "1,000", None),
    ("But aid agencies warn that more than half of the population needs help.", "half", "aid agencies"),
])
def test_round5_speakers(text, surface, speaker):
    assert _claim(text, surface, "2025-03-17").speaker == speaker


def test_round5_numbers_and_dates():
    assert [c.text for c in extract_claims("Two in every three children are malnourished.", dt.date(2024, 1, 1))] \
        == ["Two in every three"]
    assert [c.text for c in extract_claims("He fought in the 1975-90 civil war under this one banner, with 45 times "
                                           "the usual losses.", dt.date(2024, 1, 1))] == []
    c = _claim("The number of people killed in the earthquake that struck Morocco on Friday rose to 2,946, state TV "
               "reported on Tuesday.", "2,946", "2023-09-13")
    assert c.as_of == dt.date(2023, 9, 12)
    c = _claim("The army said it had detained more than 500 suspects during a two-week raid.", "500")
    assert c.period == "interval"


@pytest.mark.parametrize("text,surface,field,expected", [
    ("The U.N. humanitarian office, OCHA, said it had recorded 1,096 attacks by settlers.", "1,096", "speaker",
     "OCHA"),
    ("Last year the IOM recorded 2,406 deaths in the Mediterranean.", "2,406", "speaker", "IOM"),
    ("Last year the IOM recorded 2,406 deaths in the Mediterranean.", "2,406", "period", "interval"),
    ("UNRWA put the weekly figure at 1,010.", "1,010", "period", "interval"),
    ("Between October 2022 and February 2023, 86 people were killed.", "86", "period", "interval"),
    ("Some 1,285 Palestinians, including 542 children, had been displaced.", "542", "period", "cumulative"),
    ("Hamas is holding 134 hostages, about 30 of whom are believed to be dead.", "134", "metric", "hostages"),
    ("Settlers set fire to 12 homes.", "12", "metric", "destroyed"),
    ("Gravediggers said they were burying 10 to 15 children a day.", "10 to 15", "metric", "killed"),
    ("Officials put the toll at three in Zaporizhzhia and one in Khmelnytskyi.", "one", "metric", "killed"),
])
def test_round6(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-02-16"), field) == expected


def test_round6_dates_and_ages():
    c = _claim("Thousands are sheltering inside Nasser Hospital, which Israeli troops raided on Thursday.", "Thousands",
               "2024-02-16")
    assert c.as_of == dt.date(2024, 2, 16)
    c = _claim("Only about 24,000 detainees were freed when rebels swept into Damascus on Dec. 8, the network said.",
               "24,000", "2025-05-20")
    assert c.as_of == dt.date(2024, 12, 8)
    assert extract_claims('"We lost everything," said Ahmed Hassan, 31, a Syrian man.', dt.date(2024, 1, 1)) == []


def test_round7():
    assert [c.text for c in extract_claims("A quarter of the dead were under 18.", dt.date(2024, 1, 1))] == \
        ["A quarter"]
    assert [c.text for c in extract_claims("Turnout was under 40 percent.", dt.date(2024, 1, 1))] == \
        ["under 40 percent"]
    assert _claim("Some 10 of the escapees had been recaptured.", "10").metric == "detained"
    assert _claim("Doctors are treating hundreds of people with bullet wounds.", "hundreds").metric == "injured"


@pytest.mark.parametrize("text,surface,field,expected", [
    # an adjective of the counted people is their metric when no event word says more
    ("Fifty-two bodies and 190 wounded people were brought to hospitals.", "190", "metric", "injured"),
    ("Two wounded men died on the way to hospital.", "Two", "metric", "killed"),
    # a relative clause's speaker covers the figure it hangs on
    ("Hamas still holds 136 hostages, at least 30 of whom Israel says are no longer alive.", "30", "speaker",
     "Israel"),
    ("Hamas still holds 136 hostages, at least 30 of whom Israel says are no longer alive.", "30", "metric", "killed"),
    ("Hamas still holds 136 hostages, at least 30 of whom Israel says are no longer alive.", "136", "speaker", None),
    ("101 remain in captivity, including at least 34 whom the military has declared dead.", "34", "speaker",
     "military"),
    # "..., and said" takes the subject of the sentence, also a lower-case one
    ("The central bank raised its rate by 500 basis points, its highest since 2002, and said it expected inflation "
     "to peak at 70 to 75 percent.", "70 to 75 percent", "speaker", "central bank"),
    # wordings
    ("The whereabouts of roughly 1,200 people remain unknown, officials said.", "1,200", "metric", "missing"),
    ("The Red Cross is tracing 150 children whose whereabouts were unknown.", "150", "metric", "missing"),
    ("About 28,600 people spent the night in school gyms and community halls.", "28,600", "metric", "sheltering"),
    ("Some 320,000 people had been forced to seek shelter in relief camps.", "320,000", "metric", "sheltering"),
    ("More than 17 million Yemenis do not know where their next meal will come from.", "17 million", "metric",
     "food_insecure"),
    ("The group said some 7,800 Palestinians were now held in Israeli jails.", "7,800", "metric", "detained"),
    ('"We have lost nine patients since Friday," he said.', "nine", "metric", "killed"),
    ("Of the dead, 97 were in Jajarkot and the remaining 35 in Rukum West.", "97", "metric", "killed"),
    ("Of the dead, 97 were in Jajarkot and the remaining 35 in Rukum West.", "35", "metric", "killed"),
    ("The Sudanese lost 30 percent of their income.", "30 percent", "metric", "other"),
])
def test_round8(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-12-10"), field) == expected


def test_round8_speaker_before_a_day_and_a_pronoun():
    text = ("The White Helmets rescue group said its teams had searched the prison. The group said on Tuesday it had "
            "found no one else alive but had recovered 40 bodies.")
    assert _claim(text, "40", "2024-12-10").speaker == "White Helmets rescue group"


@pytest.mark.parametrize("text,published,as_of,since", [
    # a stretch that has ended dates its figures on its last day, like "between Jan. 1 and Aug. 17"
    ("3,598 people were killed in gang violence in the first half of the year, the U.N. said in July.", "2024-10-05",
     "2024-06-30", "2024-01-01"),
    ("At least 1,100 people were abducted between January and June, the U.N. said.", "2024-10-05", "2024-06-30",
     "2024-01-01"),
    ("Between November and February, 86 people were killed.", "2024-03-20", "2024-02-29", "2023-11-01"),
    ("The U.N. said on Tuesday that 1,518 people were killed in the first three months of the year.", "2025-04-02",
     "2025-03-31", "2025-01-01"),
    ("Exports rose 3 percent in the first quarter of 2024.", "2024-10-05", "2024-03-31", "2024-01-01"),
    ("Only about 24,200 detainees walked free between Sunday and Tuesday, the group said.", "2024-12-10",
     "2024-12-10", "2024-12-08"),
    # a stretch not yet over has no last day to date a figure on
    ("Exports rose 3 percent in the first half of the year.", "2024-05-05", "2024-05-05", None),
])
def test_stretches_of_the_year(text, published, as_of, since):
    c = extract_claims(text, dt.date.fromisoformat(published))[0]
    assert (c.as_of, c.since) == (dt.date.fromisoformat(as_of), since and dt.date.fromisoformat(since))


def test_the_event_day_beats_the_statement_day():
    text = ("Gang members killed at least 64 people, including 11 women and three infants, in an attack on the town "
            "of Liancourt in Haiti's Artibonite region on Thursday, the U.N. human rights office said on Friday.")
    claims = extract_claims(text, dt.date(2024, 10, 5))
    assert [(c.text, c.as_of, c.period) for c in claims] == [
        ("at least 64", dt.date(2024, 10, 3), "interval"), ("11", dt.date(2024, 10, 3), "interval"),
        ("three", dt.date(2024, 10, 3), "interval")]


@pytest.mark.parametrize("text,surfaces", [
    ("The group screened 29,000 children and found that nearly a third were acutely malnourished.",
     ["29,000", "nearly a third"]),
    ("The authorities said a hotline, 9000, had received more than 5,000 calls.", ["more than 5,000"]),
    ("He spent 11 years in a cell measuring 4 by 6 metres.", []),
    ("The prime minister, 43, told supporters that 12 people were hurt.", ["12"]),
    ("A third time lucky, they said.", []),
])
def test_round8_numbers(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 1, 1))] == surfaces


def test_round8_periods():
    # a part takes its head's day; the "now" of a relative clause about something else is not its period
    claims = extract_claims("Hamas freed 16 more captives from Gaza on Wednesday, 12 of them Israeli citizens, as "
                            "mediators pushed to extend a truce that has now held for six days.", dt.date(2023, 11, 30))
    assert [(c.text, c.as_of, c.period) for c in claims] == [
        ("16", dt.date(2023, 11, 29), "interval"), ("12", dt.date(2023, 11, 29), "interval")]
    # a digit group separator inside an aside is no comma
    c = _claim("More than 11,000 residents, among them 1,500 children, have been evacuated from the border town, the "
               "governor said.", "11,000", "2024-05-20")
    assert c.period == "cumulative"
    # the day in "the death toll from Saturday's bombing" starts the count; it does not date the total
    c = _claim("Three more people died overnight, bringing the death toll from Saturday's market bombing to 27, the "
               "health board said.", "27", "2024-02-19")
    assert (c.as_of, c.since, c.period) == (dt.date(2024, 2, 19), dt.date(2024, 2, 17), "cumulative")


@pytest.mark.parametrize("text,surface,field,expected", [
    # "WHO" the organisation is no relative pronoun
    ("The ministry has reported 4,500 cases, the WHO said.", "4,500", "speaker", "WHO"),
    ("4,500 cases were recorded, WHO said.", "4,500", "speaker", "WHO"),
    # names with "of" head a sentence; "feared dead" is a fate, not a statement
    ("The National Bank of Ukraine raised its key rate to 13.5%, and said inflation had accelerated to 9.7%.", "9.7%",
     "speaker", "National Bank of Ukraine"),
    ("Dozens feared dead after migrant boat capsizes off Lampedusa", "Dozens", "speaker", None),
    ("Officials feared 200 people had died.", "200", "speaker", "Officials"),
    # a document speaks for whoever issued it
    ("The IPC said on Monday that the situation was dire. The analysis warns that 1.8 million children are likely "
     "to be acutely malnourished.", "1.8 million", "speaker", "IPC"),
    # wordings
    ("Monsoon floods forced 700,000 to leave their homes, officials said.", "700,000", "metric", "displaced"),
    ("About 2,000 residents had left the camp by Tuesday.", "2,000", "metric", "displaced"),
    ("Catatumbo displacement tops 60,000", "60,000", "metric", "displaced"),
    ("The number of Sudanese refugees in eastern Chad rose to more than 600,000.", "600,000", "metric", "displaced"),
    ("Nearly half the country's population does not have enough to eat.", "half", "metric", "food_insecure"),
    ("Around 10,000 people are believed to be buried beneath the rubble.", "10,000", "metric", "missing"),
    ("The army said 4 of them required hospital treatment.", "4", "metric", "injured"),
    ("The winds tore the roofs off an estimated 3,400 homes.", "3,400", "metric", "destroyed"),
    # a name is one word when a trigger's distance is counted
    ("Tens of thousands of people in Jajarkot and West Rukum districts are still sleeping in tents.",
     "Tens of thousands", "metric", "sheltering"),
    # "a month" is a rate's window
    ("The agency can now help fewer than 350,000 people a month.", "350,000", "period", "interval"),
])
def test_round9(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2025-04-23"), field) == expected


@pytest.mark.parametrize("text,published,surface,as_of,since", [
    ("Between 20 and 27 August, 16 evacuation orders were issued.", "2024-08-29", "16", "2024-08-27", "2024-08-20"),
    ("On Aug. 20-27, 45 people died.", "2024-08-29", "45", "2024-08-27", "2024-08-20"),
    # a figure compared with a past month or year is that month's or year's
    ("62 percent of structures were damaged, up from 45 percent in January.", "2025-04-23", "45 percent",
     "2025-01-31", None),
    ("Some 900 people died in 2024, compared with 1,200 in 2023.", "2025-04-23", "1,200", "2023-12-31", None),
    # a date deep in a "since" clause starts the count
    ("According to the ombudsman, 63,415 people have fled their homes since the ELN launched an offensive against "
     "dissidents of the former FARC guerrilla on Jan. 16.", "2025-03-12", "63,415", "2025-03-12", "2025-01-16"),
])
def test_round9_dates(text, published, surface, as_of, since):
    c = _claim(text, surface, published)
    assert (c.as_of, c.since) == (dt.date.fromisoformat(as_of), since and dt.date.fromisoformat(since))


@pytest.mark.parametrize("text,surfaces", [
    ("Between the afternoons of 21 and 28 August, 287 Palestinians were killed.", ["287"]),
    ("MINISTRY OF HEALTH — PRESS RELEASE No. 14/2024: 12 new cases", ["12"]),
    ("Call the toll-free line 54 or +265 1 789 400 for help.", []),
    ("The clinic at 12 Salah al-Din Street was hit, killing 5.", ["5"]),
    ("Political prisoners top 20,000\n\nThousands of young people are trying to leave.", ["20,000", "Thousands"]),
    ("Some 20 to 25 may die.", ["Some 20 to 25"]),
])
def test_round9_numbers(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 9, 1))] == surfaces


def test_a_decimal_between_commas_after_a_name_is_no_age_and_does_not_raise():
    # (the age rule read such a number with int() and raised on "1.5")
    claims = extract_claims("Ahmed Hassan, 1.5, said. The minister, 2.5, said.", dt.date(2024, 1, 1))
    assert [c.text for c in claims] == ["1.5", "2.5"]


@pytest.mark.parametrize("text,surface,field,expected", [
    # the "that" of reported speech opens no relative clause: the event's own day dates its figures
    ("Lebanon's health ministry said on Friday that Israeli strikes on Wednesday had killed 12 people in Baalbek.",
     "12", "as_of", dt.date(2024, 11, 6)),
    ("Lebanon's health ministry said on Friday that Israeli strikes on Wednesday had killed 12 people in Baalbek.",
     "12", "period", "interval"),
    # ... but a day inside a relative clause after the figure is still that clause's
    ("Emergency services said 14 people remained missing in the town, where a torrent swept cars through the "
     "streets late on Saturday.", "14", "as_of", dt.date(2024, 11, 8)),
    # names with digits speak; "said by mid-morning" is a time, not an agent
    ("The M23 rebels said on Saturday that they had handed over 870 captured soldiers.", "870", "speaker",
     "M23 rebels"),
    ("At least nine people were killed in Kyiv and 63 were injured, spokesman Oleh Tkachenko said by mid-morning.",
     "63", "speaker", "spokesman Oleh Tkachenko"),
    # a newspaper named before is "the newspaper"
    ("The state-run Global New Light of Myanmar reported that 74 people had died. About 65,000 houses were damaged, "
     "the newspaper said.", "65,000", "speaker", "state-run Global New Light of Myanmar"),
    # wordings
    ("City official Iryna Bondar said 41 flats had been gutted by the blast.", "41", "metric", "destroyed"),
    ("A landslide killed 19 people, and eight miners have not yet been found.", "eight", "metric", "missing"),
    ('"At least 40 more people are under collapsed buildings and we cannot reach them."', "40", "metric", "missing"),
    ("Police detained 47 people on Sunday; 39 of them were let go without charge on Monday.", "39", "metric",
     "released"),
    ('The group said it had "taken 37 fighters prisoner".', "37", "metric", "detained"),
    ("The camp had housed some 6,400 displaced people.", "6,400", "metric", "sheltering"),
    ("The city already hosts around 2 million people displaced by the insurgency.", "2 million", "metric",
     "displaced"),
    ("More than 220,000 people have sought refuge in Syria since Sept. 23.", "220,000", "metric", "displaced"),
    ("16.7 million Yemenis cannot meet their basic food needs.", "16.7 million", "metric", "food_insecure"),
    ("The agency said 41,500 people had crossed from eastern Congo into Burundi.", "41,500", "metric", "displaced"),
    ("The military said about 90 projectiles had crossed the border during the day.", "90", "metric", "other"),
    ("The military said about 90 projectiles had crossed the border during the day.", "90", "period", "interval"),
    # "a month's worth of rain" is no rate
    ("Flash floods have killed at least 27 people, authorities said, after a month's worth of rain fell in hours.",
     "27", "period", "cumulative"),
])
def test_round10(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-11-08"), field) == expected


def test_round10_dates():
    c = _claim("An average of 69 trucks a day entered Gaza in the first half of August, OCHA said.", "69", "2024-08-20")
    assert (c.as_of, c.since) == (dt.date(2024, 8, 15), dt.date(2024, 8, 1))
    c = _claim("COGAT said 419 aid trucks entered Gaza on Tuesday, but the United Nations counted only 223 for the "
               "same day.", "223", "2024-04-11")
    assert c.as_of == dt.date(2024, 4, 9)


def test_digit_group_commas_are_no_clause_breaks():
    claims = extract_claims("The mission said 232 civilians had been killed and 1,343 injured in Ukraine in June.",
                            dt.date(2024, 7, 12))
    assert [(c.text, c.period) for c in claims] == [("232", "interval"), ("1,343", "interval")]
    # "told a news conference on Tuesday" is the statement's day; "since the exchanges of fire began" a count
    claims = extract_claims("Health Minister Firass Abiad told a news conference on Tuesday that 2,119 people had been "
                            "killed and 10,019 wounded in Lebanon since the exchanges of fire began a year ago.",
                            dt.date(2024, 10, 8))
    assert [(c.text, c.period) for c in claims] == [("2,119", "cumulative"), ("10,019", "cumulative")]


@pytest.mark.parametrize("text,surface,field,expected", [
    # one event's count is an interval ("in an attack", ", killing N"), not an ongoing one's
    ("Fighters killed at least 150 people in an attack near the town of Dassa.", "150", "period", "interval"),
    ("A bomber rammed a checkpoint, killing 11 people, including five policemen, and wounding 23.", "23", "period",
     "interval"),
    ("Ukraine and Russia each released 205 prisoners of war in an exchange mediated by the UAE.", "205", "period",
     "interval"),
    ("At least 75 civilians had been killed in the clashes, which began on Oct. 5.", "75", "period", "cumulative"),
    ("Gang members killed at least 28 people in an attack on Petion-Ville on Tuesday, police said.", "28", "as_of",
     dt.date(2024, 11, 19)),
    # "had been killed ..., and 1,463 injured": the verb left out, the stretch shared
    ("At least 4,544 people had been killed between January and the end of September, and 1,463 injured.", "1,463",
     "as_of", dt.date(2024, 9, 30)),
    # speakers: "its spokesman", "A rebel spokesman ... and said", "Ghana's central bank ..., saying"
    ("The civil defence service said 12 people were killed. Its spokesman said rescuers could not reach at least 70 "
     "bodies.", "70", "speaker", "civil defence service"),
    ("A rebel spokesman disputed that figure on Sunday and said the group had handed 1,200 captured soldiers over.",
     "1,200", "speaker", "rebel spokesman"),
    ("Ghana's central bank left its rate unchanged at 27%, saying inflation, which eased to 22.1% in November, was "
     "still high.", "22.1%", "speaker", "Ghana's central bank"),
    # a verb does not reach across ", and" into the next clause
    ("In the camp, where an estimated 500,000 people are sheltering, and 25.6 million Sudanese face acute hunger.",
     "25.6 million", "metric", "food_insecure"),
    # other people, described after a gap, do not name the metric
    ("Air strikes killed at least 32 Palestinians, including 21 people at a tent camp for displaced families.", "21",
     "metric", "killed"),
    ("Some 1,000 displaced families arrived.", "1,000", "metric", "displaced"),
    # wordings
    ("More than 165,000 Afghans have left Pakistan since the order.", "165,000", "metric", "displaced"),
    ("Border Patrol agents made 131,400 apprehensions in April.", "131,400", "metric", "detained"),
    ("Paramedics treated 14 people after the attack.", "14", "metric", "injured"),
    ("Medics treated 400 patients for cholera.", "400", "metric", "other"),
    ("Nine of them later escaped, police said.", "Nine", "metric", "released"),
    ("Some 160,000 people went into evacuation centres.", "160,000", "metric", "sheltering"),
    ("Some 18,500 residents remained under evacuation orders.", "18,500", "metric", "displaced"),
])
def test_round11(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-11-22"), field) == expected


@pytest.mark.parametrize("text,surfaces", [
    ("Fighters killed at least 150 people, two security sources said.", ["at least 150"]),
    ("Gunmen abducted 63 students aged between 10 and 17.", ["63"]),
    ("Police arrested 14 men in the Delmas 32 neighbourhood and urged residents to call 114 or 2813-1111.", ["14"]),
    ("Output is forecast to fall to 650,000 tonnes in the 2024/25 season.", ["650,000"]),
    ("Rome recorded 112 millimetres of rain.", []),
])
def test_round11_numbers(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 9, 1))] == surfaces


@pytest.mark.parametrize("text,surface,field,expected", [
    # a relative clause's speaker with a lower-case head
    ("101 hostages remain in Gaza, at least a third of whom Israeli officials believe are dead.", "a third",
     "speaker", "Israeli officials"),
    # "a year after the Oct. 7 attack" dates nothing
    ("A year after the Oct. 7 attack, 101 hostages remain in Gaza.", "101", "as_of", dt.date(2024, 10, 7)),
    # "X, an apposition, said Y had killed 14" is no inverted "said X"
    ("The Syrian Observatory for Human Rights, a Britain-based war monitor, said air strikes on the towns had killed "
     "14 civilians.", "14", "speaker", "Syrian Observatory for Human Rights"),
    ("Twelve people died, said Ahmed Hassan, a spokesman, on Monday.", "Twelve", "speaker", "Ahmed Hassan"),
    ("Dozens of homes, said the mayor, were destroyed.", "Dozens", "speaker", "mayor"),
    # a pronoun resolves to a speaker named earlier in the same sentence
    ("The director of al-Shifa hospital said 27 patients had died, and he warned that 39 premature babies were at "
     "risk.", "39", "speaker", "director of al-Shifa hospital"),
    # a whole keeps the metric of its noun
    ("The military believes 35 of the 128 hostages still in Gaza are no longer alive.", "128", "metric", "hostages"),
    # wordings
    ("The minister said the dead also included two paramedics.", "two", "metric", "killed"),
    ("It expected another 14 to be returned before the truce ends.", "14", "metric", "released"),
    ("The foundation distributed 8,000 food boxes on Tuesday.", "8,000", "metric", "aid"),
    # "since Oct. 8 to 54" is no range of days
    ("Hezbollah said eight of its fighters had been killed, bringing its losses since Oct. 8 to 54.", "54", "period",
     "cumulative"),
])
def test_round12(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-10-07"), field) == expected


def test_a_range_ending_in_a_measure_is_a_measure():
    assert extract_claims("Water levels were falling by 5-7 centimetres an hour.", dt.date(2024, 1, 1)) == []


@pytest.mark.parametrize("text,surface,field,expected", [
    # a before-phrase claimed by the number after it does not hide an after-phrase starting at the same word
    ("The ministry reported 1,248 new cases and 37 deaths between Nov. 3 and Nov. 9, bringing the total since July "
     "to 28,655 cases and 836 deaths.", "37", "metric", "killed"),
    # a passive with an adverb has no object across "and"
    ("DTEK said two of its plants had been seriously damaged and three of its workers injured.", "three", "metric",
     "injured"),
    # a list of names is one word in a trigger's distance; an aside between dashes costs one comma
    ("About 4.8 million people in Borno, Adamawa and Yobe states will face acute food shortages.", "4.8 million",
     "metric", "food_insecure"),
    ("Acute malnutrition among children under two in the north had risen to one in three, it said.", "one in three",
     "metric", "food_insecure"),
])
def test_round12_docs(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-11-14"), field) == expected


def test_published_data_is_not_released():
    # "data released on Tuesday" is published, not set free (the 4% shares the apprehensions' metric)
    c = _claim("Agents made 131,400 apprehensions in April, down 4% from March, according to data released on "
               "Tuesday.", "4%", "2024-11-14")
    assert c.metric == "detained"


@pytest.mark.parametrize("text,surface,field,expected", [
    ("Rescuers pulled 19 bodies from the mud after a landslide buried dozens of homes.", "dozens", "metric",
     "destroyed"),
    ("He said 21,000 homes had been wrecked.", "21,000", "metric", "destroyed"),
    ("Authorities said three people had died and some 95,000 had been moved to safety.", "95,000", "metric",
     "displaced"),
    ("Police said 31 people were still missing and 22 had been taken to hospital.", "22", "metric", "injured"),
    ("The group was still holding about 9,500 suspected fighters in its prisons.", "9,500", "metric", "detained"),
    ("The group said it had documented 860 cases of arbitrary arrest this year.", "860", "metric", "detained"),
    ("Deliveries so far this month had averaged fewer than 160 a day.", "160", "metric", "aid"),
    # an NGO named without an organisation word is still an organisation "the charity" points back to
    ("Doctors Without Borders said its teams had treated hundreds of wounded people. The charity said 12 of its "
     "patients had died.", "12", "speaker", "Doctors Without Borders"),
])
def test_round13(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-07-05"), field) == expected


@pytest.mark.parametrize("text,surfaces", [
    ("The department had raised its danger signal to 10, the highest level.", []),
    ("There were 900 aftershocks, the strongest measuring 5.2.", ["900"]),
])
def test_round13_numbers(text, surfaces):
    assert [c.text for c in extract_claims(text, dt.date(2024, 9, 1))] == surfaces


@pytest.mark.parametrize("text,surface,field,expected", [
    ("More than 750,000 people spent Sunday night in cyclone shelters along the coast.", "750,000", "metric",
     "sheltering"),
    ("The number of people who have fled Ukraine since the invasion has passed 2.1 million, the UNHCR said.",
     "2.1 million", "metric", "displaced"),
    ("A spokesman said rescuers were still digging through the rubble for at least six people.", "six", "metric",
     "missing"),
    ("City officials said around 80 residents had been moved out of the damaged building.", "80", "metric",
     "displaced"),
    # "the war monitor" is the monitor named before, whatever describes it
    ("The Syrian Observatory for Human Rights said 40 people were killed. The Britain-based war monitor said the "
     "dead included 11 civilians.", "11", "speaker", "Syrian Observatory for Human Rights"),
])
def test_round14(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-10-07"), field) == expected


@pytest.mark.parametrize("text,surface,speaker", [
    # "of confirmed deaths", "keeping records": no reporting verbs
    ("A separate tally from the Tripoli-based health ministry put the number of confirmed deaths at 2,084.", "2,084",
     "Tripoli-based health ministry"),
    ("Last year OCHA recorded 1,229 settler attacks, the highest annual number since it began keeping records.",
     "1,229", "OCHA"),
])
def test_adjectives_and_nouns_are_no_reporting_verbs(text, surface, speaker):
    assert _claim(text, surface, "2024-01-10").speaker == speaker


@pytest.mark.parametrize("text,surface,field,expected", [
    ("Congo recorded 21,390 suspected mpox cases this year, 627 of them fatal.", "627", "metric", "killed"),
    # a long description names its own body, not the commission named before
    ("The Ethiopian Human Rights Commission said it had documented 183 deaths. The government's disaster risk "
     "management commission said some 3.2 million people needed food aid.", "3.2 million", "speaker",
     "government's disaster risk management commission"),
])
def test_round15(text, surface, field, expected):
    assert getattr(_claim(text, surface, "2024-03-28"), field) == expected


def test_a_decimal_point_with_a_space_after_it_ends_no_sentence():
    # copy from a PDF or a phone may put a space after a decimal point: "1. 5 million" is one sentence
    from factdb.extract.sentences import split_sentences

    text = "At least 1. 5 million people fled the floods, the agency said."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [text]
