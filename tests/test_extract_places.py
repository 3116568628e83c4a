"""Where a figure is: the place governed by a locative, not the one speaking."""

from __future__ import annotations

import datetime as dt

import pytest

from factdb.extract import extract_claims

PUB = dt.date(2024, 2, 12)


@pytest.mark.parametrize(
    "sentence, surface, place",
    [
        # the gazetteer's "Rafaḩ" / "Khān Yūnis" are written without diacritics in the news
        ("UNRWA said 95 aid trucks crossed through Rafah on Monday.", "95", "Rafah"),
        ("Medics said 14 people were killed in Khan Yunis overnight.", "14", "Khan Younis"),  # one spelling
        # a country that speaks is not where the figure is
        ("Israel says 136 hostages are still held in Gaza.", "136", "Gaza"),
        ("Ukraine said 40 people were wounded in Kharkiv on Sunday.", "40", "Kharkiv"),
        # a place after a locative wins over a nearer place that is not
        ("Around 1.7 million people are crowded into Rafah on the border with Egypt, the UN said.",
         "1.7 million", "Rafah"),
    ],
)
def test_location(sentence, surface, place):
    [claim] = [c for c in extract_claims(sentence, PUB) if surface in c.text]
    assert claim.location == place
