"""One event is one event, whatever words tell it: said twice, a verb and its noun,
a general word and a specific one ("a deal" and "acquired"), a light verb and the
event it takes ("mounted an offensive"); and two events stay two: two quakes
on two dates, two defendants' trials, "also", "again", "another". Invented
sentences, published on Thursday, 12 June 2025; each case's result was written
down before the extractor was run (trained English pipeline, slow)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the ones under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _covering(x: Extraction, at: int) -> set[int]:
    """The indexes of the events one of whose words covers offset ``at``."""
    return {
        i
        for i, e in enumerate(x.events)
        if any(s.start <= at < s.end for s in (e.trigger, *e.mentions))
    }


def _by_label(x: Extraction, text: str, at: int) -> set[int]:
    """The events whose label, read where it stands in ``text`` around the event's
    trigger, covers offset ``at``: "launched an offensive" names the offensive
    with its verb. A label that merely holds the word elsewhere does not count,
    so an event told once does not pass for the word of another sentence."""
    found = set()
    for i, e in enumerate(x.events):
        phrase = re.escape(e.label.rsplit(" (", 1)[0])
        for m in re.finditer(phrase, text, re.IGNORECASE):
            if m.start() <= e.trigger.start and e.trigger.end <= m.end():
                if m.start() <= at < m.end():
                    found.add(i)
    return found


def _events_of(text: str, first: str, second: str, run) -> tuple[set[int], set[int]]:
    """The events over the first ``first`` and over the last ``second`` of the
    text, by a word of theirs or by their label where it stands in the text."""
    x = run(_LEAD + text, published=_PUBLISHED)
    at = len(_LEAD)
    labels = [e.label.lower() for e in x.events]
    found = []
    for where in (text.index(first), text.rindex(second)):
        over = _covering(x, at + where) or _by_label(x, _LEAD + text, at + where)
        found.append(over)
    assert found[0] and found[1], (labels, found)
    return found[0], found[1]


def _gap(text: str, first: str, second: str, why: str) -> object:
    """A case the extractor does not meet yet, kept so that meeting it shows."""
    return pytest.param(
        text, first, second, marks=pytest.mark.xfail(strict=True, reason=why)
    )


# (text, a word of the event, another word of the same event)
_ONE_EVENT = [
    # told twice, and a verb then its noun
    (
        "A strong earthquake struck Tarsk on Monday.\n\nThe quake destroyed 40 homes.",
        "earthquake",
        "quake",
    ),
    (
        "Rebels attacked a Varda army base on Sunday.\n\nThe attack lasted an hour.",
        "attacked",
        "attack",
    ),
    (
        "Police arrested Kellan Orlen on Tuesday.\n\nThe arrest was filmed by a neighbour.",
        "arrested",
        "arrest",
    ),
    (
        "A gas tank exploded in Orlen on Friday.\n\nThe explosion injured three workers.",
        "exploded",
        "explosion",
    ),
    (
        "Kellan Orlen was kidnapped in Varda on Monday.\n\nThe kidnapping shocked the town.",
        "kidnapped",
        "kidnapping",
    ),
    (
        "Maria Lopez resigned as mayor of Tarsk on Monday.\n\nThe town was calm.\n\nMaria Lopez resigned after ten years in office.",
        "resigned",
        "resigned",
    ),
    (
        "Floods hit Varda on Monday.\n\nThe flooding forced 2,000 people from their homes.",
        "Floods",
        "flooding",
    ),
    (
        "A typhoon struck Kellan on Sunday.\n\nThe storm cut power to 10,000 homes.",
        "typhoon",
        "storm",
    ),
    (
        "The Tarsk parliament voted on the budget on Tuesday.\n\nThe vote passed 80 to 20.",
        "voted",
        "vote",
    ),
    (
        "Tarsk and Varda held talks on Monday.\n\nThe talks lasted six hours.",
        "talks",
        "talks",
    ),
    (
        "Orlen Bank acquired Tarsk Foods on Monday.\n\nThe deal values Tarsk Foods at $2 billion.",
        "acquired",
        "deal",
    ),
    # a general word, then a word of its kind: a deal and the buying it is
    (
        "Orlen Bank struck a deal with Tarsk Foods on Monday.\n\nOrlen Bank acquired Tarsk Foods for $2 billion.",
        "deal",
        "acquired",
    ),
    (
        "Kellan Motors signed a deal with Varda Steel on Tuesday.\n\nKellan Motors bought Varda Steel for $400 million.",
        "deal",
        "bought",
    ),
    (
        "The deal between Orlen Bank and Tarsk Foods was signed on Monday.\n\nThe acquisition of Tarsk Foods by Orlen Bank is worth $2 billion.",
        "deal",
        "acquisition",
    ),
    # ballots and the election they are
    _gap(
        "Voters in Varda cast ballots on Sunday.\n\nThe elections passed off peacefully.",
        "ballots",
        "elections",
        "'cast ballots' is a deed of the catch-all type, no vote that the election's word knows",
    ),
    (
        "Varda held its first free ballots on Sunday, elections that the Tarsk party won.",
        "ballots",
        "elections",
    ),
    # a death told as a death and as a killing
    (
        "Maria Lopez, a Tarsk climber, died near Varda on Saturday.\n\nThe death of Maria Lopez was the third on the mountain this year.",
        "died",
        "death",
    ),
    (
        "The death of Kellan Orlen, a Varda farmer, was confirmed on Monday.\n\nKellan Orlen was killed when his tractor overturned.",
        "death",
        "killed",
    ),
    (
        "A gunman killed Tomas Brandt in Tarsk on Friday.\n\nThe murder of Tomas Brandt shocked the town.",
        "killed",
        "murder",
    ),
    (
        "Two gunmen were killed in Orlen on Monday.\n\nThe killings were the first in the town for a decade.",
        "killed",
        "killings",
    ),
    # a light verb and the event it takes
    (
        "Mountain guides launched a rescue mission on Monday to reach two trapped "
        "climbers.",
        "launched",
        "mission",
    ),
    (
        "The Tarsk army launched an offensive near Orlen on Tuesday.",
        "launched",
        "offensive",
    ),
    ("Rebels launched an attack on a Varda army base on Sunday.", "launched", "attack"),
    (
        "Prosecutors in Kellan launched an investigation into Orlen Bank on Friday.",
        "launched",
        "investigation",
    ),
    (
        "The launch of a vaccination campaign in Tarsk drew 3,000 people on Monday.",
        "launch",
        "campaign",
    ),
    (
        "The Tarsk air force launched air strikes on Varda on Wednesday.",
        "launched",
        "strikes",
    ),
    (
        "Orlen workers held a strike on Tuesday.\n\nThe strike closed the port.",
        "strike",
        "strike",
    ),
    # "first" on a verb: when it first happened, not another one
    (
        "Kellan Motors introduced the Orlen car on Monday.\n\nKellan Motors first introduced the car at a show in Tarsk.",
        "introduced",
        "introduced",
    ),
    (
        "The Varda ministry announced the tax on Monday.\n\nThe ministry first announced the tax in a letter to Tarsk farmers.",
        "announced",
        "announced",
    ),
    # a word told before the words that give it its people
    (
        "The death on the mountain shocked Tarsk on Saturday.\n\nMaria Lopez died near Varda.\n\nThe death of Maria Lopez was the third in a month.",
        "death",
        "died",
    ),
    (
        "Tarsk and Varda held talks in Orlen.\n\nTarsk and Varda began negotiations on Monday.\n\nThe talks between Tarsk and Varda ended on Monday night.",
        "talks",
        "negotiations",
    ),
    # the names of its own parties do not tell one deal from another
    (
        "The Orlen Bank acquisition of Tarsk Foods was approved on Monday.\n\nThe Tarsk Foods acquisition will create 300 jobs.",
        "acquisition",
        "acquisition",
    ),
    (
        "Orlen Bank signed the Tarsk Foods deal on Monday.\n\nThe Orlen Bank deal gives Tarsk Foods $2 billion.",
        "deal",
        "deal",
    ),
    # a trial that one sentence places in court, in an article of patients
    (
        "Kellan Orlen, a nurse at a Varda hospital, is accused of giving patients the wrong drug.\n\nHis trial opened on Monday.\n\nThe jury heard from doctors, nurses and patients at the trial.",
        "trial",
        "trial",
    ),
    (
        "Doctors said the patients at the Tarsk clinic were given a drug that harmed them.\n\nThe trial of Maria Lopez began in June.\n\nThe judge said the trial would last a month.",
        "trial",
        "trial",
    ),
]

# (text, a word of one event, a word of another)
_TWO_EVENTS = [
    (
        "A strong earthquake struck Tarsk on Monday.\n\nA quake also hit Tarsk in 2019, killing 12.",
        "earthquake",
        "quake",
    ),
    (
        "A bus crashed near Varda on Tuesday, killing four.\n\nIn 2015, a train crash near Orlen killed 30.",
        "crashed",
        "crash",
    ),
    (
        "The trial of Kellan Orlen opened in a Tarsk court on Monday.\n\nThe trial of Maria Lopez will open in Varda in August.",
        "trial",
        "trial",
    ),
    ("The Tarsk index rose 2% on Monday.\n\nThe Varda index rose 1%.", "rose", "rose"),
    (
        "Protesters marched in Tarsk on Saturday.\n\nProtesters also marched in Varda.",
        "marched",
        "marched",
    ),
    (
        "Rebels attacked the Varda base on Monday.\n\nOn Wednesday, rebels attacked the base again.",
        "attacked",
        "attacked",
    ),
    (
        "A bomb exploded in Tarsk on Monday.\n\nAnother bomb exploded in Orlen.",
        "exploded",
        "exploded",
    ),
    (
        "Maria Lopez died in Tarsk on Monday.\n\nThe death of Kellan Orlen in Varda on Friday was a shock.",
        "died",
        "death",
    ),
    (
        "Orlen Bank signed a deal with Tarsk Foods on Monday.\n\nVarda Steel acquired Kellan Motors for $2 billion.",
        "deal",
        "acquired",
    ),
    (
        "Orlen Bank signed a deal with Tarsk Foods on Monday.\n\nOrlen Bank also acquired Kellan Motors.",
        "deal",
        "acquired",
    ),
    (
        "Voters in Varda cast ballots on Sunday.\n\nTarsk held elections in 2019.",
        "ballots",
        "elections",
    ),
    (
        "Rebels launched an attack on Tarsk on Monday.\n\nVarda Telecom launched a new phone on Tuesday.",
        "attack",
        "launched",
    ),
    (
        "The first quake struck Tarsk in May.\n\nA second quake struck Tarsk on Monday.",
        "quake",
        "quake",
    ),
    (
        "The clinical trial of the vaccine enrolled 400 patients in Tarsk.\n\nThe trial of Kellan Orlen opened in a Varda court on Monday.",
        "trial",
        "trial",
    ),
    (
        "Maria Lopez died on Monday.\n\nKellan Orlen was killed in a crash on Friday.",
        "died",
        "killed",
    ),
    (
        "Police arrested Kellan Orlen on Monday.\n\nPolice arrested Maria Lopez on Wednesday.",
        "arrested",
        "arrested",
    ),
    (
        "Tarsk held a presidential election on Sunday.\n\nVarda will hold a parliamentary election in September.",
        "election",
        "election",
    ),
    (
        "Kellan Motors launched the Orlen car on Monday.\n\nKellan Motors launched the Varda van in 2019.",
        "launched",
        "launched",
    ),
    (
        "A fire destroyed a warehouse in Tarsk on Monday.\n\nAnother fire broke out in Varda on Wednesday.",
        "fire",
        "fire",
    ),
    (
        "Orlen workers went on strike on Monday.\n\nTarsk teachers went on strike in 2019.",
        "strike",
        "strike",
    ),
    (
        "Tarsk and Varda held talks on Monday.\n\nKellan and Orlen held talks in 2019.",
        "talks",
        "talks",
    ),
    (
        "Maria Lopez died on Monday, a day after Kellan Orlen was killed.",
        "died",
        "killed",
    ),
    (
        "The Orlen Bank takeover of Tarsk Foods was approved in May.\n\nThe Varda Steel takeover of Kellan Motors was approved on Monday.",
        "takeover",
        "takeover",
    ),
    (
        "Dozens of protesters were killed in Tarsk.\n\nThe deaths of a handful of police officers went unreported.",
        "killed",
        "deaths",
    ),
    (
        "Kellan Motors first introduced the Orlen car in 2019.\n\nKellan Motors introduced the Varda van on Monday.",
        "introduced",
        "introduced",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), _ONE_EVENT)
def test_words_of_one_event_make_one_event(run, text, first, second):
    a, b = _events_of(text, first, second, run)
    assert len(a | b) == 1, (a, b)


@pytest.mark.parametrize(("text", "first", "second"), _TWO_EVENTS)
def test_two_events_stay_two(run, text, first, second):
    a, b = _events_of(text, first, second, run)
    assert not a & b, (a, b)


def _fake_run(label: str, trigger: str):
    """A ``run`` whose one event is told by the first ``trigger`` of the text and
    labelled ``label``: no model, to check the helper itself."""

    def _run(text: str, published: str | None = None) -> SimpleNamespace:
        start = text.index(trigger)
        span = SimpleNamespace(start=start, end=start + len(trigger))
        event = SimpleNamespace(label=label, trigger=span, mentions=())
        return SimpleNamespace(events=[event])

    return _run


def test_a_label_elsewhere_is_no_event_over_the_word():
    """The label of the first sentence's event holds the second sentence's word,
    but no event covers that word: the case fails rather than passing."""
    text = "Rebels attacked a Varda base on Sunday.\n\nThe attack lasted an hour."
    run = _fake_run("Rebels attacked a Varda base (attack)", "attacked")
    with pytest.raises(AssertionError):
        _events_of(text, "attacked", "attack", run)


def test_a_label_where_it_stands_covers_its_light_verb():
    """Guard: "launched an offensive", its trigger the noun, is over "launched"."""
    text = "The Varda army launched an offensive near Porto on Tuesday."
    run = _fake_run("launched an offensive (attack)", "offensive")
    assert _events_of(text, "launched", "offensive", run) == ({0}, {0})
