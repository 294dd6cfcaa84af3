"""Who did an event and who took part in it, when the sentence says so outside its
subject: the doer after a passive verb's "by", a country whose possessive the
event's noun takes, the person a "his" or "her" on the noun of an event that
names no one stands for; and guards, a country that only sets an event (its
floods, its elections), a "their" that adds no one, a page's words cut in
between, a subject that only protests against another's deed. Invented
sentences, published on Thursday, 12 June 2025; each expected value was written
down before the extractor was run (trained English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Event, Extraction

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the ones under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _extract(run, text: str) -> Extraction:
    return run(_LEAD + text, published=_PUBLISHED)


def _event(x: Extraction, word: str) -> Event:
    """The event whose trigger starts with ``word``."""
    found = [e for e in x.events if e.trigger.text.lower().startswith(word)]
    assert found, [e.label for e in x.events]
    return found[0]


def _names(x: Extraction, keys: tuple[str, ...]) -> list[str]:
    names = {e.key: e.name for e in x.entities}
    return [names[k] for k in keys]


# (text, trigger, who did it): fixed; main left each out
_AGENTS_FIXED = [
    # the doer after a passive verb's "by", beside its subject
    (
        "Maria Lopez was arrested by the Porto Police Department on Friday.",
        "arrested",
        "Porto Police Department",
    ),
    (
        "Tomas Brandt was fired by Varda Motors last week.",
        "fired",
        "Varda Motors",
    ),
    (
        "An inquiry was launched by the Porto Police Department on Monday.",
        "inquiry",
        "Porto Police Department",
    ),
    # a country whose possessive the event's noun takes
    (
        "The embargo followed Portugal's crackdown on the miners.",
        "crackdown",
        "Portugal",
    ),
    (
        "Kellan Smith praised Brazil's offensive against the rebels.",
        "offensive",
        "Brazil",
    ),
]

# (text, trigger, who took part): fixed; main left each out (an event that names
# no one takes the person its noun's "his" or "her" stands for)
_PARTICIPANTS_FIXED = [
    (
        "Maria Lopez was held in Porto on Friday.\n\nHer arrest angered the town.",
        "arrest",
        "Maria Lopez",
    ),
    (
        "Tomas Brandt spent a night in a cell in Porto.\n\n"
        "His arrest was a mistake, the police admitted on Monday.",
        "arrest",
        "Tomas Brandt",
    ),
]

# (text, trigger, who did not do it): guards and fixes of wrong doers
_NOT_AGENTS = [
    # guard: a country's floods and elections happen there; no one does them
    ("Portugal's floods killed six people on Monday.", "floods", "Portugal"),
    ("Brazil's elections were held on Sunday.", "elections", "Brazil"),
    # guard: who condemns an attack after a passive's "by" did not make it
    (
        "The attack was condemned by the Varda Council on Monday.",
        "attack",
        "Varda Council",
    ),
    # fixed: who protests against an arrest is not who made it
    ("Tomas Brandt protested against his arrest on Monday.", "arrest", "Tomas Brandt"),
]


@pytest.mark.parametrize(("text", "word", "who"), _AGENTS_FIXED)
def test_the_doer_is_an_agent(run, text, word, who):
    x = _extract(run, text)
    ev = _event(x, word)
    assert who in _names(x, ev.agents), (ev.label, _names(x, ev.agents))


@pytest.mark.parametrize(("text", "word", "who"), _PARTICIPANTS_FIXED)
def test_the_owner_takes_part(run, text, word, who):
    x = _extract(run, text)
    ev = _event(x, word)
    assert who in _names(x, ev.agents + ev.participants), ev.label


@pytest.mark.parametrize(("text", "word", "who"), _NOT_AGENTS)
def test_no_wrong_doer(run, text, word, who):
    x = _extract(run, text)
    ev = _event(x, word)
    assert who not in _names(x, ev.agents), (ev.label, _names(x, ev.agents))


def test_their_names_no_one(run):
    """Guard: "their" may stand for a group, a body or a place; it adds no one."""
    x = _extract(run, "Varda Hotels opened in Porto.\n\nTheir arrival was late.")
    ev = _event(x, "arrival")
    assert not ev.agents + ev.participants, ev.label


def test_a_page_word_cut_in_is_no_event_of_the_country(run):
    """Guard: a page's bracketed word between a possessive and a noun ("Varda's
    (search) west") makes no country the doer of the word."""
    x = _extract(run, "Many people were moved across Portugal's (search) north.")
    for ev in x.events:
        assert "Portugal" not in _names(x, ev.agents), ev.label
