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


@pytest.mark.parametrize(
    "text, surface, place",
    [
        # subdivisions come from the gazetteers, not a typed list
        ("Floodwaters swept through southern Montana, forcing about 2,000 people from their homes.", "2,000",
         "Montana"),
        ("Gunmen killed 40 villagers in Sudan's Gezira state on Friday.", "40", "Gezira"),
        # one modifier between the locative and the place: the attack's place, not the story's
        ("Israeli strikes killed 31 people in Gaza overnight.\n\nThe war began with the October 7 attack, "
         "which killed about 1,200 people in southern Israel.", "1,200", "Israel"),
        # a dateline's widest place is the lede's when the lede names none
        ("KHAN YOUNIS, Gaza Strip (AP) — At least 20 people were killed overnight, medics said.", "20", "Gaza"),
        ("DERNA, Libya — Floods killed at least 2,000 people in the eastern city.\n\n"
         "In neighbouring Egypt, the government sent rescue teams.", "2,000", "Libya"),
        # "across the country" is the country of the place the document is about
        ("A missile struck the city of Lviv, killing five.\n\nAcross the country, the UN has verified "
         "9,083 civilian deaths.", "9,083", "Ukraine"),
        # a place after an unplaced word of the same name is part of that name
        ("Hurricane Milton killed at least 16 people in Florida.\n\nThe sheriff said five people died near "
         "the coast.", "five", "Florida"),
        # a report filed from elsewhere names its subject in the lede; a connector is no part of a name
        ("GENEVA (Reuters) - More than 25,000 mpox cases were recorded across Africa this year.", "25,000",
         "Africa"),
        ("Parts of Somalia are on the verge of famine after four failed rainy seasons.", "four", "Somalia"),
        # a demonym names who, not where: only a document that names no place takes it
        ("The Sudanese army said its troops had killed 50 fighters near the capital.", "50", "Sudan"),
        ("Israeli strikes killed 25 people in southern Lebanon on Tuesday.", "25", "Lebanon"),
    ],
)
def test_location_in_articles(text, surface, place):
    claims = [c for c in extract_claims(text, PUB) if surface in c.text]
    assert [c.location for c in claims] == [place]
