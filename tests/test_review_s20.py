"""What the round's review found: an armed attack read as words of blame, a court
counted among those who arrest, and a portfolio word opening the text taken for a
name. Invented sentences (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the bus as a warning to the mayor of Orlen.",
        "Kellan troops attacked the village for its rebel fighters on Monday.",
    ],
)
def test_an_armed_attack_is_no_blame(run, text):
    x = run(_LEAD + text)
    assert not x.claims, [c.statement for c in x.claims]


def test_words_of_blame_stay_a_claim(run):
    x = run(_LEAD + "Maria Lopez attacked the plan as a giveaway to landlords.")
    assert [c.statement for c in x.claims] == ["the plan as a giveaway to landlords"]


def test_a_court_taking_custody_is_no_arrest(run):
    x = run(_LEAD + "The family court took custody of the two children on Monday.")
    assert "Arrest" not in [e.event_type for e in x.events]


def test_police_taking_custody_is_an_arrest(run):
    x = run(_LEAD + "Tarsk police took custody of the two smugglers on Monday.")
    assert "Arrest" in [e.event_type for e in x.events]


def test_a_portfolio_word_opening_the_text_is_no_name(run):
    x = run("Housing Secretary Maria Lopez resigned on Monday.")
    names = {e.name.lower() for e in x.entities}
    assert "housing" not in names, names
    assert "Maria Lopez" in {e.name for e in x.entities}
