"""Attribution recall: the subject of a verb only a speaker takes ("said",
"told", "wrote") with a clause it reports speaks even when nothing else resolves
it. Sentences and names invented for these tests; they need the trained English
pipeline (slow)."""

from __future__ import annotations

import pytest

from tests.test_extract_s14_attr import _claims

pytestmark = pytest.mark.slow

_OPENED = "Kellan Orlen opened the new bridge in Tarsk on Monday.\n\n"
_COST = "the bridge had cost twice what the council first planned"


@pytest.mark.parametrize("paper", ["gazette", "tabloid"])
def test_a_publication_no_one_named_speaks(run, paper):
    x = run(_OPENED + f"The {paper} said {_COST}.")
    assert _claims(x) == [(paper, _COST)]


@pytest.mark.parametrize(
    "words",
    [
        # guards: a time and a place speak of no one new
        f"Last year said {_COST}.",
        f"Next week will say whether {_COST}.",
    ],
)
def test_no_speaker_from_a_time(run, words):
    assert _claims(run(_OPENED + words)) == []


def test_a_place_that_speaks_stays_the_place(run):
    # guard: the town the article named before is the speaker, not a new actor
    x = run(_OPENED + f"Tarsk said {_COST}.")
    assert _claims(x) == [("Tarsk", _COST)]


def test_no_speaker_from_a_quote(run):
    # guard: a noun inside a quote, with a verb of telling, is the speaker's words
    x = run(
        _OPENED + '"We have more traffic in every district, which tells us the '
        'bridge was needed," Orlen said.'
    )
    assert [s for s, _ in _claims(x)] == ["Kellan Orlen"]
    assert not any(e.name == "district" for e in x.entities)
