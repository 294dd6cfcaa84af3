"""Attribution recall: the subject of a verb only a speaker takes ("said",
"told", "wrote") with a clause it reports, and the words after "according to",
speak even when nothing else resolves them. Sentences and names invented for these tests; they need the trained English
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


def test_no_speaker_from_what_made_someone_speak(run):
    # guard: the subject of "led" is not who announced
    x = run(
        _OPENED + "But its slow start this spring led the builder to announce "
        "it would close its yard in Varda."
    )
    assert not any(e.name == "slow start" for e in x.entities)
    assert [s for s, _ in _claims(x)] in ([], ["builder"])


_ROSE = "Traffic on the bridge rose by a third in its first week"


@pytest.mark.parametrize(
    ("source", "who"),
    [
        ("one research firm", "research firm"),
        ("the website", "website"),
    ],
)
def test_according_to_whatever_it_names(run, source, who):
    x = run(_OPENED + f"{_ROSE}, according to {source}.")
    assert _claims(x) == [(who, _ROSE)]


@pytest.mark.parametrize(
    "words", ["last year", "the town", "data from the gauges on the river"]
)
def test_according_to_a_time_a_place_noun_or_data(run, words):
    # guards: no new actor from a time, a kind of place, or data no one issued
    assert _claims(run(_OPENED + f"{_ROSE}, according to {words}.")) == []


@pytest.mark.parametrize(
    ("words", "who", "what"),
    [
        (
            "A new survey shows a wide gap between the towns on either side of the "
            "river.",
            "new survey",
            "a wide gap between the towns on either side of the river",
        ),
        (
            "The audit found no fault in the council's books, but a shortfall in "
            "its roads budget.",
            "audit",
            "no fault in the council's books, but a shortfall in its roads budget",
        ),
    ],
)
def test_what_a_document_shows_or_finds(run, words, who, what):
    assert _claims(run(_OPENED + words)) == [(who, what)]


@pytest.mark.parametrize(
    "words",
    [
        # guards: people who find a thing, and a document that is found, tell nothing
        "The builders found a way to cross the river in winter.",
        "The survey was found in a drawer of the town hall last week.",
    ],
)
def test_no_finding_of_people_or_of_a_found_document(run, words):
    assert _claims(run(_OPENED + words)) == []
