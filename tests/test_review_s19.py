"""Words the lexicon lists but whose forms its lookups missed: armed groups by
lemma ("militants attacked"), cue verbs the lemmatiser cuts short ("hoping",
"lambasts"), hyphenated event nouns in the plural ("pile-ups"). Invented
sentences (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked their rivals in Tarsk on Monday.",
        "Soldiers attacked their rivals near Orlen on Monday.",
    ],
)
def test_armed_people_attack_with_force(run, text):
    x = run(_LEAD + text, published="2025-06-12")
    assert [e.event_type for e in x.events] == ["Attack"], [e.label for e in x.events]


def test_a_rival_attacked_in_words_is_no_attack(run):
    x = run(
        _LEAD + "The senator attacked his rivals on Monday.", published="2025-06-12"
    )
    assert "Attack" not in [e.event_type for e in x.events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Maria Lopez is hoping that the bridge will open in May.", "belief"),
        ("Tomas Brandt lambasts the plan for its cost.", "statement"),
    ],
)
def test_cue_verbs_the_lemmatiser_cuts_short(run, text, kind):
    x = run(_LEAD + text, published="2025-06-12")
    assert [c.attribution for c in x.claims] == [kind], [c.statement for c in x.claims]


def test_a_verb_that_doubles_its_consonant_is_no_cue(run):
    x = run(_LEAD + "The rabbit hopped that way.", published="2025-06-12")
    assert not x.claims


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two pile-ups closed the Tarsk motorway on Monday.", "Accident"),
        ("The shoot-outs left three dead in Orlen on Monday.", "Attack"),
    ],
)
def test_hyphenated_event_nouns_in_the_plural(run, text, kind):
    x = run(_LEAD + text, published="2025-06-12")
    assert kind in [e.event_type for e in x.events], [e.label for e in x.events]
