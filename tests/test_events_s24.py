"""Verbs whose event their object or a phrase beside them names: losing one's life
is a death, losing a seat a lost vote; a project put on hold stops; power shut off
is an outage; someone found with a weapon was found. A blast told first is
the bomb the next sentence says went off; a rise given as the cause of
what a sentence tells is no news of its own. Invented sentences, published on
Thursday, 12 June 2025 (trained English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD, _words

pytestmark = pytest.mark.slow


def _kind_of(x: Extraction, word: str) -> str | None:
    """The type of the event one of whose words is ``word``, or None."""
    return next(
        (
            e.event_type
            for e in x.events
            if word in [s.text for s in (e.trigger, *e.mentions)]
        ),
        None,
    )


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "Six soldiers lost their lives near Kestrin on Monday.",
            "lost",
            "Casualties",
            id="lost-their-lives",
        ),
        pytest.param(
            "Anna Kovalik lost her seat on the council in Velmora on Sunday.",
            "lost",
            "Election",
            id="guard-lost-a-seat",
        ),
        pytest.param(
            "The Green party lost its majority in Velmora on Sunday.",
            "lost",
            "Election",
            id="lost-a-majority",
        ),
        pytest.param(
            "The council put the bridge project on hold on Monday.",
            "put",
            "ServiceDisruption",
            id="put-on-hold",
        ),
        pytest.param(
            "The utility shut off power to 40,000 homes in Velmora on Monday.",
            "shut",
            "ServiceDisruption",
            id="shut-off-power",
        ),
        pytest.param(
            "Officials cut the water supply to Kestrin on Monday.",
            "cut",
            "ServiceDisruption",
            id="cut-the-water-supply",
        ),
        pytest.param(
            "Peter Sandoval was found with a pistol in his car in Velmora on Monday.",
            "found",
            "OtherEvent",
            id="found-with",
        ),
    ],
)
def test_the_object_or_phrase_names_the_event(run, text, word, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, word) == kind, _words(x)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param("Kellan lost his keys.", "lost", id="guard-lost-keys"),
        pytest.param(
            "The wreck was found with the help of divers near Kestrin.",
            "found",
            id="guard-found-with-help",
        ),
        # a figure's move named as the reason for what the sentence tells, or as
        # what it holds despite: a detail of that statement
        pytest.param(
            "Kestrin's trade gap narrowed in May on the back of a sharp jump in car exports.",
            "jump",
            id="on-the-back-of",
        ),
        pytest.param(
            "Demand held firm in Velmora despite an increase in prices.",
            "increase",
            id="despite",
        ),
        pytest.param(
            "Shares in Varda Foods slid thanks to a fall in sales.",
            "fall",
            id="thanks-to",
        ),
    ],
)
def test_no_event_in_the_everyday_sense(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is None, _words(x)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param(
            "The blast shook the market in Velmora on Monday. "
            "A bomb had exploded near the gate.",
            ("blast", "exploded"),
            id="blast-then-bomb",
        ),
    ],
)
def test_one_attack(run, text, words):
    """A blast told first is the bomb told next."""
    x = run(_LEAD + text)
    assert any(all(w in ws for w in words) for ws in _words(x, "Attack")), _words(x)


def test_a_blast_and_a_bomb_told_separately_stay_two(run):
    """Guard: a bomb another paragraph opens with "separately" is another one."""
    x = run(
        _LEAD + "The blast shook the market in Velmora on Monday.\n\n"
        "Separately, a parcel bomb exploded beside a depot outside Kestrin."
    )
    assert not any("blast" in ws and "exploded" in ws for ws in _words(x)), _words(x)


def test_the_label_says_on_hold(run):
    """The phrase of a verb "put on hold" keeps "on hold": "put" alone says nothing."""
    x = run(_LEAD + "The launch of the probe was put on hold in Velmora on Monday.")
    labels = [e.label for e in x.events if e.event_type == "ServiceDisruption"]
    assert any(label.startswith("put on hold") for label in labels), labels


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The coach said the defender's confidence was shot.", id="confidence-shot"
        ),
        pytest.param(
            "Dario Fenn shot a video of the crowd in Velmora on Monday.",
            id="shot-a-video",
        ),
        pytest.param(
            "Velmora beat Kestrin 2-1 on Saturday.\n\n"
            "Dario Fenn shot past the keeper in the 80th minute.",
            id="shot-past-the-keeper",
        ),
        pytest.param(
            "Velmora beat Kestrin 2-1 on Saturday.\n\n"
            "Dario Fenn shot the ball past the keeper in the 80th minute.",
            id="shot-the-ball-past-the-keeper",
        ),
    ],
)
def test_shooting_no_one_is_no_attack(run, text):
    x = run(_LEAD + text)
    assert _kind_of(x, "shot") != "Attack", _words(x)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gunmen shot two guards in Velmora on Monday.", id="guards"),
        pytest.param("The jet was shot down over Kestrin on Monday.", id="jet"),
        pytest.param(
            "Police shot a man in Velmora during the match on Saturday.",
            id="during-a-match",
        ),
        pytest.param(
            "Velmora beat Kestrin 2-1 on Saturday.\n\n"
            "A fan was shot outside the stadium after the match.",
            id="a-fan-shot-in-a-match-report",
        ),
        pytest.param(
            "Velmora beat Kestrin 2-1 on Saturday.\n\n"
            "A gunman shot a steward outside the stadium after the match.",
            id="a-steward-shot-in-a-match-report",
        ),
    ],
)
def test_guard_shooting_someone_is_an_attack(run, text):
    x = run(_LEAD + text)
    assert _kind_of(x, "shot") == "Attack", _words(x)


def test_guard_a_move_told_as_news(run):
    x = run(_LEAD + "Varda Foods reported a 9% rise in revenue in May.")
    assert _kind_of(x, "rise") is not None, _words(x)
