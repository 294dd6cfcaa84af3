"""Claims (session 22): a byline run into the story's first words ("By . Name .
PUBLISHED: . …", as flattened tabloid text prints it) is no speaker's label that
would make the whole article one claim. Invented sentences and names; the trained
English pipeline (slow)."""

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
