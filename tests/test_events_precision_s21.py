"""Fewer false events, none of the real ones lost: words that name no event here
(a particle that makes another verb, an object that makes an idiom, a quality
joined by a hyphen, "by accident", a bidding that opens a sentence), events only
proposed, wished, sought, refused, weighed or foreseen, and one event told by
two words (a verb of the catch-all type said of an event's noun, a closure
named by its town, a vote of a body and of its members); and guards, events
that stay as they were. Invented sentences, published on Thursday, 12 June
2025; each result was written down before the extractor was run (trained
English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Event, Extraction

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the ones under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _extract(run, text: str) -> Extraction:
    return run(_LEAD + text, published=_PUBLISHED)


def _with(x: Extraction, word: str) -> list[Event]:
    """The events one of whose words (trigger or mention) starts with ``word``."""
    return [
        e
        for e in x.events
        if any(s.text.lower().startswith(word) for s in (e.trigger, *e.mentions))
    ]


def _found(x: Extraction) -> list[tuple[str, str, str]]:
    return [(e.label, e.modality, e.event_type) for e in x.events]


# (text, a word that names no event there)
_NO_EVENT = [
    # a particle that makes another verb: "wound up" is "ended up"
    ("Buyers say their orders wound up being shipped to a depot in Porto.", "wound"),
    # an object that makes an idiom of a verb of harm or of lending
    ("Brandt's late header killed the contest before the final whistle.", "killed"),
    ("Two former mayors have lent their support to the Porto petition.", "lent"),
    # "by accident": by chance
    ("Maria Lopez said she came across the old letters by accident.", "accident"),
    # a quality joined by a hyphen: no flood told
    ("Maize yields in the flood-prone valley were poor this year.", "flood"),
    # a bidding that opens the sentence, as a page's footer does
    ("Visit Porto this spring for the wine fair.", "visit"),
    # proposed, wished, sought or refused: not done
    ("The regulator suggested that both lenders merge by the autumn.", "merge"),
    ("Investors were hoping the two banks would merge next year.", "merge"),
    ("Varda dropped its tariff demands to clinch a quick trade deal.", "deal"),
    (
        "Kellan chose not to press for the lenders agreeing to finance the bridge.",
        "finance",
    ),
    # a takeover only weighed
    ("The Porto board will meet on Monday to consider the merger.", "merger"),
    # a figure's move only foreseen
    ("Kellan said its revenue would be down 12 percent next year.", "down"),
]


@pytest.mark.parametrize(("text", "word"), _NO_EVENT)
def test_words_that_name_no_event_here(run, text, word):
    x = _extract(run, text)
    assert not _with(x, word), _found(x)


# (text, a word of the event, another word of the same event)
_ONE_EVENT = [
    # a verb of the catch-all type said of the event's noun
    (
        "Negotiators said the fishing talks reopen in Geneva on Tuesday.",
        "talks",
        "reopen",
    ),
    (
        "Maria Lopez toured Europe for a decade, winning Grammy Awards for two "
        "albums in 2019.",
        "winning",
        "Awards",
    ),
    # a closure named by its town, which the union fights but does not do
    (
        "Kellan Foods will close its bread factory in Leeds next year.\n\n"
        "The union will fight the Leeds closure.",
        "close",
        "closure",
    ),
    # a vote of the council and of one of its members
    (
        "The Porto city council voted 6-3 on Monday to ban cars from the old town."
        "\n\nCouncillor Maria Lopez voted against and warned that shops would suffer.",
        "voted 6-3",
        "voted against",
    ),
]


def _events_over(x: Extraction, text: str, word: str, last: bool) -> set[int]:
    at = len(_LEAD) + (text.rindex(word) if last else text.index(word))
    return {
        i
        for i, e in enumerate(x.events)
        if any(s.start <= at < s.end for s in (e.trigger, *e.mentions))
    }


@pytest.mark.parametrize(("text", "first", "second"), _ONE_EVENT)
def test_one_event_told_by_two_words(run, text, first, second):
    x = _extract(run, text)
    one = _events_over(x, text, first, last=False)
    other = _events_over(x, text, second, last=True)
    assert one and one == other, _found(x)


def test_a_verb_and_its_particle_label_the_move(run):
    x = _extract(
        run,
        "Sales of Kellan bikes picked up by 4% in the spring.",
    )
    assert [e.label for e in x.events] == ["picked up (financial result)"], _found(x)


# guards: (text, a word of an event that stays), and events that stay two
_STAYS = [
    ("The blast killed two soldiers near Porto on Monday.", "killed"),
    ("The bank lent $5 million to Kellan Foods in May.", "lent"),
    ("Two people died in a car accident near Porto on Sunday.", "accident"),
    ("Kellan Bank agreed to buy Porto Insurance on Monday.", "buy"),
    ("The board approved the merger on Monday.", "merger"),
    ("Profits rose 8 percent last year.", "rose"),
    ("Floods swept through three villages near Varda on Tuesday.", "floods"),
]


@pytest.mark.parametrize(("text", "word"), _STAYS)
def test_guard_events_that_stay(run, text, word):
    x = _extract(run, text)
    assert any(e.modality == "asserted" for e in _with(x, word)), _found(x)


_TWO = [
    # two bodies' votes
    "The Senate voted for the bill.\n\nThe House of Representatives voted against it.",
    # another closure, in another town
    "Kellan Foods closed its bread factory in Leeds in May.\n\n"
    "A second closure in Porto followed in June.",
]


@pytest.mark.parametrize("text", _TWO)
def test_guard_two_events_stay_two(run, text):
    x = _extract(run, text)
    assert len(x.events) == 2, _found(x)


@pytest.mark.parametrize(
    ("text", "word", "bystander"),
    [
        (
            "Rebels attacked a convoy near Porto on Monday.\n\n"
            "The Varda government condemned the attack.",
            "attack",
            "varda",
        ),
        (
            "Kellan Foods will close its bread factory in Leeds next year.\n\n"
            "Maria Lopez will fight the closure.",
            "close",
            "lopez",
        ),
    ],
)
def test_who_takes_a_stance_on_an_event_is_not_its_doer(run, text, word, bystander):
    x = _extract(run, text)
    events = _with(x, word)
    assert events, _found(x)
    assert not any(bystander in a for e in events for a in e.agents), [
        (e.label, e.agents) for e in events
    ]
