"""One happening told twice is one event: "her detention" after she was arrested,
"his election" after he was elected, "the arrests" of the men police detained,
"the Velmora closure" of a mill closed in Velmora, "the October attack" after
the shooting, "that outbreak", "a shooting death", the deaths an attack or an
outbreak caused ("the attack that killed 14"), a storm told on several days, a
verb and its noun however typed, and moves of the market told by joined verbs.
And two stay two: a quake's deaths told beside it, another man's arrest, moves
told on two days, another storm, outbreaks of two years. Invented sentences,
published on Thursday, 12 June 2025 (trained English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD, _words

pytestmark = pytest.mark.slow


def _events_at(
    x: Extraction, text: str, first: str, second: str
) -> tuple[set[int], set[int]]:
    """The events a word of which is the first ``first`` of the text, and those a
    word of which is its last ``second``."""
    found = []
    for at in (text.index(first), text.rindex(second)):
        at += len(_LEAD)
        found.append(
            {
                i
                for i, e in enumerate(x.events)
                if any(s.start <= at < s.end for s in (e.trigger, *e.mentions))
            }
        )
    return found[0], found[1]


@pytest.mark.parametrize(
    ("text", "first", "second", "one"),
    [
        pytest.param(
            "Anna Kovalik was arrested in Velmora on Friday.\n\n"
            "Her detention drew protests from her supporters.",
            "arrested",
            "detention",
            True,
            id="her-detention",
        ),
        pytest.param(
            "Omar Haddad was elected mayor of Velmora on Sunday.\n\n"
            "His election ends a decade of rule by the Green party.",
            "elected",
            "election",
            True,
            id="his-election",
        ),
        pytest.param(
            "Omar Haddad, the Velmora mayor, died on Tuesday at the age of 71.\n\n"
            "His death was announced by his family.",
            "died",
            "death",
            True,
            id="his-death",
        ),
        pytest.param(
            "Police in Kestrin detained six men on Saturday.\n\n"
            "The arrests followed a raid on a warehouse.",
            "detained",
            "arrests",
            True,
            id="detained-then-the-arrests",
        ),
        pytest.param(
            "Kellan Foods will close its paper mill in Velmora next year.\n\n"
            "Tomas Brandt, who leads the workers' council, vowed to resist the "
            "Velmora closure.",
            "close",
            "closure",
            True,
            id="closure-named-by-its-place",
        ),
        pytest.param(
            "Reporters spoke to survivors of the Velmora shooting.\n\n"
            "A memorial for those lost in the October attack opened on Sunday.",
            "shooting",
            "attack",
            True,
            id="attack-named-by-its-month",
        ),
        pytest.param(
            "Dario Fenn lent the gunman a car days ahead of the attack in "
            "Velmora that killed 14 people and wounded 30 others.",
            "attack",
            "wounded",
            True,
            id="the-attack-that-killed",
        ),
        pytest.param(
            "A cholera outbreak in Kestrin has killed at least 90 people since "
            "March, health officials said.\n\nThe death toll is expected to rise.",
            "outbreak",
            "toll",
            True,
            id="the-outbreak-has-killed",
        ),
        pytest.param(
            "A tropical storm formed off the Velmora coast on Monday.\n\n"
            "The storm hit Kestrin on Wednesday, flooding 300 homes.",
            "storm",
            "storm",
            True,
            id="a-storm-told-on-two-days",
        ),
        pytest.param(
            "A tropical storm formed off the Velmora coast on Tuesday.\n\n"
            "Fishermen in Kestrin pulled their boats ashore on Wednesday before "
            "the storm arrived.",
            "storm",
            "storm",
            True,
            id="a-storm-awaited-a-day-later",
        ),
        pytest.param(
            "Police in Kestrin are investigating a fire at a school.\n\n"
            "The investigation is led by Tomas Brandt.",
            "investigating",
            "investigation",
            True,
            id="verb-typed-noun-not",
        ),
        pytest.param(
            "A cholera outbreak struck Kestrin in May 2023.\n\n"
            "Doctors contained that outbreak in September.",
            "outbreak",
            "outbreak",
            True,
            id="that-outbreak",
        ),
        pytest.param(
            "Protests followed the March shooting death of Dario Fenn by a police "
            "officer in Velmora.",
            "shooting",
            "death",
            True,
            id="a-shooting-death",
        ),
        pytest.param(
            "Shares of Kellan Motors rose 4% and Varda Steel added 2% on Tuesday.",
            "rose",
            "added",
            True,
            id="moves-joined-in-one-clause",
        ),
        pytest.param(
            "An earthquake struck Velmora on Monday, killing 11 people.",
            "earthquake",
            "killing",
            False,
            id="guard-a-quake-and-its-deaths",
        ),
        pytest.param(
            "A storm flooded the valley near Kestrin on Sunday.\n\n"
            "The storm killed six people in Velmora.",
            "storm",
            "killed",
            False,
            id="guard-a-storm-and-its-deaths-as-news",
        ),
        pytest.param(
            "Police detained Anna Kovalik in Kestrin on Friday.\n\n"
            "Tomas Brandt said his arrest at a protest had been unlawful.",
            "detained",
            "arrest",
            False,
            id="guard-his-own-arrest",
        ),
        pytest.param(
            "Shares of Kellan Motors rose 4% on Tuesday.\n\n"
            "Varda Steel shares fell 2% on Wednesday.",
            "rose",
            "fell",
            False,
            id="guard-moves-on-two-days",
        ),
        pytest.param(
            "Rebels attacked a convoy near Velmora in May.\n\n"
            "Police said the June attack on a bridge was worse.",
            "attacked",
            "attack",
            False,
            id="guard-attacks-in-two-months",
        ),
        pytest.param(
            "A storm hit Kestrin in March.\n\nAnother storm hit Velmora on Thursday.",
            "storm",
            "storm",
            False,
            id="guard-another-storm",
        ),
        pytest.param(
            "A cholera outbreak hit Kestrin in May 2023.\n\n"
            "A cholera outbreak hit Velmora in March 2024.",
            "outbreak",
            "outbreak",
            False,
            id="guard-outbreaks-in-two-years",
        ),
        pytest.param(
            "Kellan Foods will close its paper mill in Velmora next year.\n\n"
            "Separately, Varda Steel said the Kestrin closure would cost 200 jobs.",
            "close",
            "closure",
            False,
            id="guard-a-closure-elsewhere",
        ),
    ],
)
def test_told_twice(run, text, first, second, one):
    """Whether the first ``first`` and the last ``second`` of the text are words of
    one event (``one``) or of two."""
    x = run(_LEAD + text)
    these, those = _events_at(x, text, first, second)
    assert these and those, _words(x)
    assert these == those if one else not these & those, _words(x)


def test_who_speaks_against_a_closure_is_no_party_to_it(run):
    """An organisation's statement about its own closure makes it a party, but not
    one that says it will fight the closure."""
    x = run(
        _LEAD + "Kellan Foods will close its paper mill in Velmora next year.\n\n"
        "In a statement, the Velmora Paper Workers Union said it would challenge "
        "the closure in court."
    )
    closures = [e for e in x.events if e.event_type == "Closure"]
    assert closures, _words(x)
    assert not any("union" in p for e in closures for p in e.participants)
