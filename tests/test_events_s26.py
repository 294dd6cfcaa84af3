"""One happening, one node; no event for what did not happen. What an attack on
people did to them is the attack ("shot and killed", "was killed in the attack",
"stabbed to death", the victim the shooting names); the deed a legal step is
taken over keeps neither the step's date nor its doer ("charged on Friday in
the slaying", "accused of killing"), so that it joins the deed told elsewhere;
the accused did it, not the accusers, and its date does not date the step ("face
charges over the killing last year").
"Made the announcement" and that day's press conference are one occasion; what
an agreement is to do is the agreement; who talks of a shooting neither shot nor
dates it. And
two stay two: a war's dead, a quake's, the gunman's own death, another victim.
No event for what did not happen: the fine a charge carries, what a party fell
short of, what a law bans, what someone will be unable to do, what happens
every time; and no event of words said that only set the time, the cause or
the medium of a saying ("after the announcement", "said in an interview").
Invented sentences, published on Thursday, 12 June 2025 (trained English
pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD, _date_of, _words
from tests.test_events_s25 import _events_at

pytestmark = pytest.mark.slow


def _case(text: str, first: str, second: str, one: bool, name: str) -> object:
    return pytest.param(text, first, second, one, id=name)


_HARMS = [
    _case(
        "Two men shot and killed Tomas Brandt outside a bar in Velmora on Friday.",
        "shot",
        "killed",
        True,
        "shot-and-killed",
    ),
    _case(
        "Gunmen attacked a Kestrin bank on Monday.\n\n"
        "Anna Kovalik, a guard, was killed in the attack.",
        "attacked",
        "killed",
        True,
        "killed-in-the-attack",
    ),
    _case(
        "Gunmen attacked a Kestrin bank on Monday.\n\n"
        "A guard was killed and two clerks were also wounded in the attack.",
        "attacked",
        "wounded",
        True,
        "wounded-in-the-attack-joined-to-killed",
    ),
    _case(
        "Dario Fenn was stabbed to death in a park in Velmora on Saturday.",
        "stabbed",
        "death",
        True,
        "stabbed-to-death",
    ),
    _case(
        "Police are still hunting the men behind the bombing of a Velmora market "
        "that killed four people on Monday.",
        "bombing",
        "killed",
        True,
        "the-bombing-of-a-market-that-killed",
    ),
    _case(
        "Peter Sandoval was shot in Kestrin on Sunday morning.\n\n"
        "The town was calm in the afternoon.\n\n"
        "Peter Sandoval died in a hospital on Sunday night.",
        "shot",
        "died",
        True,
        "the-victim-the-shooting-names",
    ),
    _case(
        "Tomas Brandt killed six shoppers in a Velmora market on May 3, shooting "
        "them at close range.",
        "killed",
        "shooting",
        True,
        "one-rampage-one-doer-one-day",
    ),
    # guards: a war's dead, nature's, the attacker's own death, another victim,
    # the same doer on another day
    _case(
        "More than 300 soldiers have been killed in the border fighting between "
        "Kestrin and Velmora troops since March.",
        "fighting",
        "killed",
        False,
        "guard-killed-in-fighting",
    ),
    _case(
        "A storm hit Kestrin on Monday.\n\nTwo fishermen were killed in the storm.",
        "storm",
        "killed",
        False,
        "guard-killed-in-a-storm",
    ),
    _case(
        "Tomas Brandt stabbed a guard at a Velmora bank on Monday.\n\n"
        "Tomas Brandt was later killed by police officers.",
        "stabbed",
        "killed",
        False,
        "guard-the-attacker-killed",
    ),
    _case(
        "Peter Sandoval was shot in Kestrin on Sunday morning.\n\n"
        "The town was calm in the afternoon.\n\n"
        "Anna Kovalik died in a Velmora hospital on Sunday night.",
        "shot",
        "died",
        False,
        "guard-another-person-died",
    ),
    _case(
        "Tomas Brandt shot a guard in Velmora on May 3.\n\n"
        "Tomas Brandt killed a shopkeeper in Kestrin on May 9.",
        "shot",
        "killed",
        False,
        "guard-the-same-doer-another-day",
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "one"), _HARMS)
def test_what_an_attack_did_to_people_is_the_attack(run, text, first, second, one):
    x = run(_LEAD + text)
    these, those = _events_at(x, text, first, second)
    assert these and those, _words(x)
    assert these == those if one else not these & those, _words(x)


_CHARGED = [
    # (text, the deed's word, its date: not the legal step's)
    (
        "Omar Haddad was charged on Friday in the slaying of his Velmora landlord.",
        "slaying",
        None,
    ),
    (
        "Anna Kovalik, accused of killing two guards, went on trial in Kestrin on "
        "Monday.",
        "killing",
        None,
    ),
    (
        "A Kestrin court jailed Tomas Brandt on Tuesday over the 2019 massacre in "
        "Velmora.",
        "massacre",
        "2019",
    ),
    # guards: the step's own date, and a deed with no legal step
    (
        "Omar Haddad was charged on Friday in the slaying of his Velmora landlord.",
        "charged",
        "2025-06-06",
    ),
    ("Dario Fenn was killed in Kestrin on Monday.", "killed", "2025-06-09"),
]


@pytest.mark.parametrize(("text", "word", "expected"), _CHARGED)
def test_a_deed_charged_keeps_its_own_date(run, text, word, expected):
    assert _date_of(run(_LEAD + text), word) == expected


def test_what_the_charged_deed_holds_is_not_of_the_step_either(run):
    x = run(
        _LEAD + "A Kestrin court on Monday jailed Tomas Brandt over the massacre of "
        "20 captives after the siege of Velmora in 1999."
    )
    assert _date_of(x, "siege") == "1999"


def test_the_court_that_jails_is_no_party_to_the_massacre(run):
    x = run(
        _LEAD + "A Kestrin court jailed Tomas Brandt on Tuesday over the 2019 "
        "massacre in Velmora."
    )
    massacre = [e for e in x.events if "massacre" in e.label]
    assert massacre, _words(x)
    assert not any("court" in a.lower() for e in massacre for a in e.agents)


def test_a_killing_charged_is_the_killing_told_before(run):
    text = (
        "A gunman killed Dario Fenn in Velmora on May 3.\n\n"
        "Police charged Omar Haddad on Friday in the killing."
    )
    x = run(_LEAD + text)
    these, those = _events_at(x, text, "killed", "killing")
    assert these and these == those, _words(x)
    assert _date_of(x, "killing") == "2025-05-03"


_NOT_HAPPENED = [
    # (text, a word that names no event here)
    ("The Kestrin charge carries a fine of as much as $5,000.", "fine"),
    (
        "The Green party was two seats short of capturing a majority on the "
        "Velmora council.",
        "capturing",
    ),
    ("Kestrin has a law banning street protests in the capital.", "banning"),
    ("Tomas Brandt will not be able to visit Velmora this year.", "visit"),
    (
        "Omar Haddad said he grew furious every time he read of a teenager being "
        "shot by police.",
        "shot",
    ),
]
_NOT_HAPPENED += [
    # words said that only set the time, the cause or the medium of another saying
    (
        "Omar Haddad told reporters after the announcement that he would stay.",
        "announcement",
    ),
    ("Reacting to the announcement, the union said the plan was fair.", "announcement"),
    (
        "Anna Kovalik said in a phone interview with Kestrin Radio that the bridge "
        "was unsafe.",
        "interview",
    ),
]
_HAPPENED = [
    # guards: the same words, told as done
    ("A Velmora court fined Omar Haddad $5,000 on Monday.", "fined"),
    ("The Green party captured control of the Velmora council on Sunday.", "captured"),
    ("Kestrin banned street protests in the capital on Monday.", "banned"),
    ("Tomas Brandt was able to visit Velmora on Monday.", "visit"),
    (
        "Omar Haddad said he grew angry when a man was shot by police in Kestrin "
        "on Monday.",
        "shot",
    ),
    ("Omar Haddad made the announcement in Velmora on Monday.", "announcement"),
]


def _has_event(x: Extraction, word: str) -> bool:
    return any(word in w for w in _words(x))


@pytest.mark.parametrize(("text", "word"), _NOT_HAPPENED)
def test_what_did_not_happen_is_no_event(run, text, word):
    x = run(_LEAD + text)
    assert not _has_event(x, word), _words(x)


@pytest.mark.parametrize(("text", "word"), _HAPPENED)
def test_what_happened_is_an_event(run, text, word):
    x = run(_LEAD + text)
    assert _has_event(x, word), _words(x)


@pytest.mark.parametrize(
    ("text", "one"),
    [
        pytest.param(
            "Omar Haddad made the announcement on Monday.\n\n"
            "At the Velmora press conference, Omar Haddad said the bridge would "
            "reopen in May.",
            True,
            id="the-announcement-at-the-press-conference",
        ),
        pytest.param(
            "Omar Haddad made the announcement on Monday.\n\n"
            "At a press conference in Kestrin on Wednesday, Anna Kovalik said the "
            "bridge would reopen in May.",
            False,
            id="guard-another-speaker-another-day",
        ),
    ],
)
def test_one_occasion_of_news(run, text, one):
    x = run(_LEAD + text)
    these, those = _events_at(x, text, "announcement", "conference")
    assert these and those, _words(x)
    assert these == those if one else not these & those, _words(x)


def test_the_accused_did_the_deed_not_the_accusers(run):
    x = run(
        _LEAD + "Witnesses accused Kestrin soldiers of killing two farmers near "
        "Velmora in May."
    )
    killing = [
        e for e in x.events if "killing" in [s.text for s in (e.trigger, *e.mentions)]
    ]
    assert killing, _words(x)
    assert not any("witness" in a.lower() for e in killing for a in e.agents)


def test_a_charge_is_not_dated_by_the_deed_it_is_over(run):
    x = run(
        _LEAD + "Four Kestrin guards will face charges in connection with Dario "
        "Fenn's killing in Velmora last year, police said."
    )
    assert _date_of(x, "charges") is None
    assert _date_of(x, "killing") == "2024"


def test_who_talks_of_a_shooting_neither_shot_nor_dates_it(run):
    x = run(
        _LEAD + "A gunman opened fire in a Kestrin park on Saturday night.\n\n"
        "On Monday, Mayor Omar Haddad discussed the shooting with reporters."
    )
    shooting = [
        e for e in x.events if "shooting" in [s.text for s in (e.trigger, *e.mentions)]
    ]
    assert shooting, _words(x)
    assert not any("haddad" in a.lower() for e in shooting for a in e.agents)
    assert _date_of(x, "shooting") != "2025-06-09"


@pytest.mark.parametrize(
    ("text", "one"),
    [
        pytest.param(
            "In May, Kellan Motors signed an agreement to buy Velmora Steel.",
            True,
            id="an-agreement-to-buy",
        ),
        pytest.param(
            "In May, Kellan Motors signed an agreement with Orlen Bank, and in "
            "June it bought Velmora Steel.",
            False,
            id="guard-an-agreement-and-a-purchase",
        ),
    ],
)
def test_what_an_agreement_is_to_do_is_the_agreement(run, text, one):
    x = run(_LEAD + text)
    these, those = _events_at(x, text, "agreement", "bought" if not one else "buy")
    assert these and those, _words(x)
    assert these == those if one else not these & those, _words(x)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # guards: "on" after a verb of going is no "about"
        ("Velmora nurses went on strike on Monday.", "strike", "2025-06-09"),
        (
            "Kestrin astronauts on Tuesday went on three space walks to repair an "
            "antenna.",
            "walks",
            "2025-06-10",
        ),
        ("Velmora nurses on Monday went on strike over pay.", "strike", "2025-06-09"),
    ],
)
def test_what_one_goes_on_is_dated_by_the_going(run, text, word, expected):
    assert _date_of(run(_LEAD + text), word) == expected
