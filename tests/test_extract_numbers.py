"""Number phrases, one convention per row, including things that are not claims."""

import datetime as dt

import pytest

from factdb.extract import extract_claims
from factdb.extract.numbers import find_numbers, parse_number

# phrase, value, low, high, qualifier, unit
PHRASES = [
    ("27,585", 27585, None, None, "exact", "count"),
    ("over 27,000", 27000, 27000, None, "more_than", "count"),
    ("more than 5,000", 5000, 5000, None, "more_than", "count"),
    ("above 300", 300, 300, None, "more_than", "count"),
    ("at least 107", 107, 107, None, "at_least", "count"),
    ("no fewer than 40", 40, 40, None, "at_least", "count"),
    ("50 or more", 50, 50, None, "at_least", "count"),
    ("nearly 6,000", 6000, None, 6000, "at_most", "count"),
    ("almost 70,000", 70000, None, 70000, "at_most", "count"),
    ("up to 20,000", 20000, None, 20000, "at_most", "count"),
    ("fewer than 100", 100, None, 100, "less_than", "count"),
    ("less than 3,000", 3000, None, 3000, "less_than", "count"),
    ("under 170", 170, None, 170, "less_than", "count"),
    ("about 240", 240, None, None, "approximately", "count"),
    ("around 70,000", 70000, None, None, "approximately", "count"),
    ("some 8,000", 8000, None, None, "approximately", "count"),
    ("roughly 1.9 million", 1900000, None, None, "approximately", "count"),
    ("approximately 500", 500, None, None, "approximately", "count"),
    ("an estimated 137", 137, None, None, "approximately", "count"),
    ("25,000 to 30,000", None, 25000, 30000, "range", "count"),
    ("between 30 and 45", None, 30, 45, "range", "count"),
    ("30-45", None, 30, 45, "range", "count"),
    ("30–45", None, 30, 45, "range", "count"),
    ("1.5 to 2 million", None, 1500000, 2000000, "range", "count"),
    ("10-15 percent", None, 10, 15, "range", "percent"),
    ("dozens", None, 24, 99, "vague", "count"),
    ("hundreds", None, 200, 999, "vague", "count"),
    ("thousands", None, 2000, 9999, "vague", "count"),
    ("tens of thousands", None, 20000, 99999, "vague", "count"),
    ("hundreds of thousands", None, 200000, 999999, "vague", "count"),
    ("millions", None, 2000000, None, "vague", "count"),
    ("five", 5, None, None, "exact", "count"),
    ("twenty-three", 23, None, None, "exact", "count"),
    ("a dozen", 12, None, None, "exact", "count"),
    ("one hundred and six", 106, None, None, "exact", "count"),
    ("one million two hundred thousand", 1200000, None, None, "exact", "count"),
    ("1.7 million", 1700000, None, None, "exact", "count"),
    ("2.1m", 2100000, None, None, "exact", "count"),
    ("27k", 27000, None, None, "exact", "count"),
    ("1.2bn", 1200000000, None, None, "exact", "count"),
    ("27 000", 27000, None, None, "exact", "count"),
    ("27\u00a0000", 27000, None, None, "exact", "count"),
    ("27\u2009000", 27000, None, None, "exact", "count"),
    ("27\u202f000", 27000, None, None, "exact", "count"),
    ("\u0662\u0667\u066c\u0665\u0668\u0665", 27585, None, None, "exact", "count"),
    ("\u06f2\u06f7\u06f5", 275, None, None, "exact", "count"),
    ("\uff12\uff17\uff10", 270, None, None, "exact", "count"),
    ("a quarter", 0.25, None, None, "exact", "fraction"),
    ("two-thirds", 2 / 3, None, None, "exact", "fraction"),
    ("three quarters", 0.75, None, None, "exact", "fraction"),
    ("half", 0.5, None, None, "exact", "fraction"),
    ("one in four", 0.25, None, None, "exact", "fraction"),
    ("a third", 1 / 3, None, None, "exact", "fraction"),
    ("more than half", 0.5, 0.5, None, "more_than", "fraction"),
    ("75 percent", 75, None, None, "exact", "percent"),
    ("85%", 85, None, None, "exact", "percent"),
    ("8 per cent", 8, None, None, "exact", "percent"),
    ("0.2 percentage points", 0.2, None, None, "exact", "percentage_point"),
    ("$2.1bn", 2100000000, None, None, "exact", "USD"),
    ("£5m", 5000000, None, None, "exact", "GBP"),
    ("€10 million", 10000000, None, None, "exact", "EUR"),
    ("$50 billion", 50000000000, None, None, "exact", "USD"),
    ("2 million dollars", 2000000, None, None, "exact", "USD"),
    ("half a million", 500000, None, None, "exact", "count"),
    ("two and a half million", 2500000, None, None, "exact", "count"),
]


@pytest.mark.parametrize("phrase,value,low,high,qualifier,unit", PHRASES, ids=[p[0] for p in PHRASES])
def test_parse_number(phrase, value, low, high, qualifier, unit):
    n = parse_number(phrase)
    assert n is not None
    assert (n.value is None) == (value is None)
    if value is not None:
        assert n.value == pytest.approx(value)
    assert (n.low, n.high) == (pytest.approx(low) if low is not None else None,
                               pytest.approx(high) if high is not None else None)
    assert (n.qualifier, n.unit) == (qualifier, unit)


@pytest.mark.parametrize("phrase,value", [("27585", int), ("1.9 million", int), ("2.5", float), ("a quarter", float)])
def test_integers_come_out_as_int(phrase, value):
    assert type(parse_number(phrase).value) is value


# sentences in which a number is present but is not a claim
NOT_CLAIMS = [
    ("The war began in 2023.", "year"),
    ("It happened on Oct. 7 and again on 12 February 2024.", "date"),
    ("The meeting started at 10:30 a.m. and ended at 10:00.", "clock time"),
    ("Strikes continued around midnight (2100 GMT).", "clock time"),
    ("A 74-year-old man was among them.", "age"),
    ("The victim, aged 12, was taken to hospital.", "age"),
    ("It was the 125th day of the war and the 3rd convoy.", "ordinal"),
    ("Call +1-202-555-0147 for details.", "phone"),
    ("The council passed Resolution 2334 unanimously.", "resolution number"),
    ("Flight 447 was diverted.", "flight number"),
    ("See page 12 of the report.", "page number"),
    ("Route 6 was closed.", "route number"),
    ("Read it at https://example.org/reports/2024/17 today.", "URL"),
    ("In the past 24 hours, strikes continued.", "time window"),
    ("The talks lasted two weeks.", "duration"),
    ("He ruled for 17 years.", "duration"),
    ("F-16 jets and COVID-19 vaccines arrived.", "identifier"),
    ("A magnitude 7.8 earthquake struck.", "magnitude"),
    ("Children under five are most at risk.", "age"),
    ("He was one of the first to arrive.", "pronoun 'one'"),
]


@pytest.mark.parametrize("sentence,why", NOT_CLAIMS, ids=[w + ": " + s[:30] for s, w in NOT_CLAIMS])
def test_not_claims(sentence, why):
    assert extract_claims(sentence, dt.date(2024, 2, 7)) == []


def test_fraction_needs_context():
    # "a third" without "of" is the third person, not a proportion
    assert [n.text for n in find_numbers("Two died, and a third was killed later.", with_skipped=False)] == ["Two"]


def test_change_is_not_a_range():
    got = [(n.text, n.value) for n in find_numbers("The toll rose from 120 to 150.", with_skipped=False)]
    assert got == [("120", 120), ("150", 150)]


def test_offsets_point_into_the_original_text():
    text = "Officials said \u0662\u0667\u066c\u0665\u0668\u0665 people died."
    (n,) = find_numbers(text, with_skipped=False)
    assert text[n.start:n.end] == n.text == "\u0662\u0667\u066c\u0665\u0668\u0665"


def _read(text):
    return [(n.text, n.value, n.low, n.high, n.qualifier) for n in find_numbers(text, with_skipped=False)]


def test_a_vague_amount_broken_over_a_line_is_read():
    # hard-wrapped copy puts a line break (or a double space) inside "several hundred"
    assert _read("Police said several\nhundred people gathered outside.") == \
        [("several\nhundred", None, 200, 999, "vague")]
    assert _read("A few  thousand residents fled.") == [("A few  thousand", None, 2000, 9999, "vague")]


def test_a_count_that_was_under_a_bound_is_no_age():
    # "children under 5" is an age; "deaths among children were under 300" bounds a count
    assert _read("Deaths among children were under 300 last year.") == [("under 300", 300, None, 300, "less_than")]


def test_both_sides_of_a_dimension_are_a_measure():
    assert _read("The crater was 10 x 15 metres wide.") == []


def test_a_power_of_ten_is_no_count():
    assert _read("The patient had a viral load of 10^6 copies.") == []
    assert _read("The sample held 10**6 copies.") == []


def test_a_made_up_scale_word_is_no_count():
    assert _read("The minister said the repairs would cost 5 zillion dollars.") == []


def test_a_figure_after_a_hyphenated_bound_is_no_identifier():
    # a letter right before a figure makes it an identifier ("F-16"), but not the hyphen of "less-than-"
    assert _read("The survey found a less-than-5 percent rise in prices.") == [("5 percent", 5, None, None, "exact")]
    assert _read("Turnout was around-60 percent.") == [("60 percent", 60, None, None, "exact")]


def test_web_and_mail_addresses_hold_no_figures():
    # a bare domain with a path ("relief.gov/reports/12") is an address too, in plain and in accented text
    assert _read("Details are at data.example.org/2024/17 and www.example.com/5.") == []
    assert _read("Write to info@example.org or see relief.gov/reports/12.") == []
    assert _read("Détails : www.example.com/5 et relief.gov/reports/12.") == []


def test_an_hour_with_its_time_zone_is_no_count():
    assert _read("The curfew begins at 9 GMT on Friday.") == []


def test_half_of_a_sequence_is_no_share():
    # "the first half of the convoy", "cut in half the day before": a part in order, not a proportion
    assert _read("The first half of the convoy crossed on Monday.") == []
    assert _read("The road was cut in half the day before.") == []


def test_a_fraction_glued_to_a_unit_is_no_count():
    assert _read("The storm dropped 2½in of rain on the town.") == []


def test_a_fraction_in_a_compound_is_no_share():
    assert _read("The ¾-mile stretch of road was flooded.") == []
    assert _read("A ½-hour break in the curfew was allowed.") == []


def test_a_currency_sign_after_the_figure_keeps_the_scale_word_after_it():
    # translated copy writes the sign after the figure: "3 € billion", "2.5$ billion"
    got = [(n.text, n.value, n.unit) for n in find_numbers("Losses reached 3 € billion and 2.5$ billion.",
                                                           with_skipped=False)]
    assert got == [("3 € billion", 3_000_000_000, "EUR"), ("2.5$ billion", 2_500_000_000, "USD")]


def test_a_spelled_out_age_is_skipped_as_an_age():
    # find_numbers tells why a span is no claim: "twenty-year-old" is an age, not a duration
    got = [(n.text, n.skip) for n in find_numbers("A twenty-year-old man was among 12 people killed.")]
    assert got == [("twenty", "age"), ("12", None)]


def test_a_range_shares_the_scale_suffix_of_its_end():
    # "1.5 to 2m" is 1.5 million to 2 million, as "1.5 to 2 million" is
    assert _read("Between 1.5 and 2m people fled.") == [("Between 1.5 and 2m", None, 1_500_000, 2_000_000, "range")]
    assert _read("Some 1.5 to 2bn dollars were pledged.")[0][2:4] == (1_500_000_000, 2_000_000_000)
