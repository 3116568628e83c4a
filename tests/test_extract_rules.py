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
