"""Claims (session 22): a byline run into the story's first words ("By . Name .
PUBLISHED: . …", as flattened tabloid text prints it) is no speaker's label that
would make the whole article one claim; a quote that stands as a sentence of its
own right after a claim, with no cue, is the same speaker's; "our correspondent"
is the journalist named before as an outlet's own. Invented sentences and names;
the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _speakers(x: Extraction) -> dict[str, str]:
    """Each claim's statement and the name of who makes it."""
    names = {e.key: e.name for e in x.entities}
    return {c.statement: names.get(c.claimant, "?") for c in x.claims}


BYLINES = {
    "a byline with a date line after it": (
        "By . Maria Lopez . PUBLISHED: . 09:12 EST, 4 May 2014 . | . UPDATED: . "
        "11:40 EST, 4 May 2014 . The harbour in Porto will close for a month, "
        "port officials said. Kellan Varda, who runs the ferry company, said the "
        "closure would cost his firm a fortune."
    ),
    "a byline with a heading word after it": (
        "By . Tomas Brandt . UPDATED: . The ferries to Porto stopped on Monday. "
        "Kellan Varda said the strike would last until the end of the week and "
        "that the unions had refused every offer."
    ),
}


@pytest.mark.parametrize("text", BYLINES.values(), ids=BYLINES.keys())
def test_a_byline_run_into_the_story_is_no_speakers_label(run, text):
    said = _speakers(run(text))
    assert "Kellan Varda" in said.values()
    assert not {"Maria Lopez", "Tomas Brandt"} & set(said.values())


FOLLOW_ONS = {
    "after reported speech in the same paragraph": (
        "The ferry strike in Porto entered its third day on Monday.\n\n"
        "Kellan Varda, who runs the largest ferry company, said the strike would "
        'cost the city dearly. "We have lost every booking for the summer and the '
        'banks will not wait."\n\nThe mayor met both sides on Tuesday.',
        "We have lost every booking for the summer and the banks will not wait.",
        "Kellan Varda",
    ),
    "in text whose paragraphs were run together": (
        "The ferry strike in Porto entered its third day on Monday. Maria Lopez "
        "said the workers would not return before the pay talks. "
        '"Our members have waited for a fair offer since the winter began." '
        "The mayor met both sides on Tuesday.",
        "Our members have waited for a fair offer since the winter began.",
        "Maria Lopez",
    ),
    "after a quote that follows on in turn": (
        "The ferry strike in Porto entered its third day on Monday.\n\n"
        "Tomas Brandt said the port would run out of fuel within a week. "
        '"The tanks are nearly empty." "No ship has come in since Friday and none '
        'is on its way."\n\nThe mayor met both sides on Tuesday.',
        "No ship has come in since Friday and none is on its way.",
        "Tomas Brandt",
    ),
    "in single marks whose paragraphs were run together": (
        "The ferry strike in Porto entered its third day on Monday. Maria Lopez, "
        "a union leader, said: \u2018The workers will not give in this week. "
        "\u2018Our members have waited for a fair offer since the winter began.\u2019 "
        "The mayor met both sides on Tuesday.",
        "Our members have waited for a fair offer since the winter began.",
        "Maria Lopez",
    ),
}


NOT_FOLLOW_ONS = {
    "a sentence of the writer's between the claim and the quote": (
        "Kellan Varda said the strike would cost the city dearly. The ferries "
        'stayed in the harbour all week. "Nobody will pay for the lost summer '
        'in the end."',
        "Nobody will pay for the lost summer in the end.",
    ),
    "a quoted phrase inside the writer's own sentence": (
        "Kellan Varda said the strike would cost the city dearly. The union "
        'called the offer "a joke that nobody can take seriously" on Tuesday.',
        "a joke that nobody can take seriously",
    ),
}


@pytest.mark.parametrize(
    ("text", "quote"), NOT_FOLLOW_ONS.values(), ids=NOT_FOLLOW_ONS.keys()
)
def test_guard_a_quote_not_right_after_a_claim_stays_apart(run, text, quote):
    """Guards: these hold on 3971494 too."""
    assert _speakers(run(text)).get(quote) != "Kellan Varda"


# "our correspondent" is the journalist named before as an outlet's own
OUR_REPORTER = {
    "an outlet's journalist named before": (
        "The port of Porto closed on Monday after a fire.\n\n"
        "The Courier's Kellan Varda in Porto says the fire began in a warehouse "
        "near the docks.\n\nOfficials said nobody was hurt.\n\n"
        "The damage will take months to repair, our correspondent says.",
        "The damage will take months to repair",
        "Kellan Varda",
    ),
}


def test_guard_our_correspondent_is_no_other_speaker(run):
    """Guard: with no journalist of an outlet named, not the person who spoke
    before (holds on 3971494 too)."""
    text = (
        "The port of Porto closed on Monday after a fire.\n\n"
        "Kellan Varda, the harbour master, said the fire began in a warehouse.\n\n"
        "The damage will take months to repair, our correspondent says."
    )
    assert _speakers(run(text)).get("The damage will take months to repair") != (
        "Kellan Varda"
    )


SPEAKERS = {**FOLLOW_ONS, **OUR_REPORTER}


@pytest.mark.parametrize(
    ("text", "words", "speaker"), SPEAKERS.values(), ids=SPEAKERS.keys()
)
def test_who_says_it(run, text, words, speaker):
    """A quote alone right after a claim is the same speaker's; "our
    correspondent" is the outlet's journalist."""
    assert _speakers(run(text)).get(words) == speaker
