"""Events merged only where the text says one happening, and dated by their own
words: a clash and a stabbing are two attacks; a deed told again "in other
districts" is another one; "the blast" is the bomb that exploded, so a span counted
from it dates what follows; taking over a town is a capture; ground that gives way
is an accident; "ahead of the vote on Friday" dates the vote, not by the meeting.
Invented sentences, published on Thursday, 12 June 2025 (trained English
pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

#: two sentences before the ones under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _words(x: Extraction, kind: str | None = None) -> list[list[str]]:
    """The trigger words of each event (of ``kind``), in order."""
    return [
        [s.text for s in (e.trigger, *e.mentions)]
        for e in x.events
        if kind is None or e.event_type == kind
    ]


def _date_of(x: Extraction, word: str) -> str | None:
    """The date of the event one of whose words is ``word``."""
    for e in x.events:
        if word in [s.text for s in (e.trigger, *e.mentions)]:
            return e.date.value if e.date is not None else None
    raise AssertionError(f"no event for {word!r}: {_words(x)}")


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        pytest.param(
            "Rebels clashed with soldiers in Porto on Monday.\n\n"
            "A soldier was stabbed in the city.",
            ("clashed", "stabbed"),
            id="clash-and-stabbing",
        ),
        pytest.param(
            "Gunmen shot two guards in Porto on Monday.\n\n"
            "A bomb exploded in the city.",
            ("shot", "exploded"),
            id="shooting-and-bombing",
        ),
    ],
)
def test_two_kinds_of_attack_are_two_events(run, text, apart):
    x = run(_LEAD + text)
    words = _words(x, "Attack")
    assert not any(apart[0] in w and apart[1] in w for w in words), words
    assert any(apart[0] in w for w in words) and any(apart[1] in w for w in words)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param(
            "A gunman attacked a bar in Porto on Monday.\n\n"
            "He shot three customers.\n\nThe attack lasted ten minutes.",
            1,
            id="guard-the-attack-names-the-shooting",
        ),
        pytest.param(
            "Rebels and soldiers clashed near the market in Porto.\n\n"
            "That evening rebels and soldiers clashed in two other districts.",
            2,
            id="told-again-in-other-districts",
        ),
        pytest.param(
            "Rebels and soldiers clashed near the market in Porto.\n\n"
            "The clashes lasted three hours.",
            1,
            id="guard-the-same-clash-named-again",
        ),
    ],
)
def test_how_many_attacks(run, text, count):
    """A general word still joins a kind of attack, and a deed named again is
    one; told of other towns, it is another."""
    x = run(_LEAD + text)
    assert len(_words(x, "Attack")) == count, _words(x)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        pytest.param(
            "A car bomb exploded in Porto on Monday.\n\n"
            "Forty-eight hours after the blast, police arrested Omar Haddad.",
            "blast",
            id="blast",
        ),
        pytest.param(
            "A car bomb exploded in Porto on Monday.\n\n"
            "Police arrested Omar Haddad two days after the explosion.",
            "explosion",
            id="explosion",
        ),
    ],
)
def test_the_blast_is_the_bomb_that_exploded(run, text, noun):
    x = run(_LEAD + text)
    assert any("exploded" in w and noun in w for w in _words(x)), _words(x)
    assert _date_of(x, "arrested") == "2025-06-11"


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "The rebels took over the town in January 2024.",
            "took",
            "Capture",
            id="took-over-a-town",
        ),
        pytest.param(
            "Storms battered the valley all week.\n\nOn Tuesday an embankment "
            "collapsed onto a quarry road outside Varda.",
            "collapsed",
            "Accident",
            id="embankment-collapsed",
        ),
        pytest.param(
            "The ground collapsed under a row of houses in Porto on Sunday.",
            "collapsed",
            "Accident",
            id="ground-collapsed",
        ),
    ],
)
def test_a_place_taken_and_the_ground_collapsing_are_events(run, text, word, kind):
    x = run(_LEAD + text)
    assert [word] in _words(x, kind), _words(x)


def test_a_company_taken_over_stays_a_takeover(run):
    """Guard: taking over a business is an acquisition, not a capture."""
    x = run(_LEAD + "Varda Foods took over a rival bakery chain in March.")
    assert _words(x, "Capture") == [], _words(x)


@pytest.mark.parametrize(
    ("text", "vote_date"),
    [
        pytest.param(
            "Ministers met in Porto on Tuesday ahead of the vote.",
            None,
            id="meeting-ahead-of-an-undated-vote",
        ),
        pytest.param(
            "Ministers met in Porto on Tuesday ahead of the vote on Friday.",
            "2025-06-13",
            id="the-vote-on-its-own-day",
        ),
    ],
)
def test_what_is_awaited_is_not_dated_by_the_meeting(run, text, vote_date):
    x = run(_LEAD + text)
    assert _date_of(x, "met") == "2025-06-10"
    assert _date_of(x, "vote") == vote_date


def test_the_date_of_what_is_awaited_does_not_date_the_meeting(run):
    x = run(_LEAD + "Ministers met in Porto ahead of the vote on Friday.")
    assert _date_of(x, "vote") == "2025-06-13"
    assert _date_of(x, "met") is None


def test_a_bomb_told_separately_is_another_and_the_blast_is_the_first(run):
    text = (
        "A bomb exploded in Porto on Monday, killing four people.\n\n"
        "The blast shattered windows.\n\n"
        "Separately, a parcel bomb exploded beside a depot outside Varda; nobody "
        "was hurt."
    )
    x = run(_LEAD + text)
    assert _words(x, "Attack") == [["exploded", "blast"], ["exploded"]], _words(x)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Divers discovered an old anchor off the coast near Porto.",
            id="anchor-found",
        ),
        pytest.param(
            "Hikers have discovered a rusted cannon in a gully near Varda.",
            id="old-cannon",
        ),
    ],
)
def test_a_thing_discovered_is_an_event(run, text):
    x = run(_LEAD + text)
    assert ["discovered"] in _words(x), _words(x)


def test_an_idea_discovered_is_no_event(run):
    """Guard: "discovered the truth", "a love of music" find no thing."""
    text = (
        "Anna Kovalik discovered the truth about her family.\n\n"
        "She discovered a love of music at school."
    )
    x = run(_LEAD + text)
    assert _words(x) == [], _words(x)
