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
