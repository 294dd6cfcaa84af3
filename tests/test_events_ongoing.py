"""An event the text dates only by the day of writing ("floods have killed 12")
and the same event dated a few days before ("the floods hit on Tuesday") are one
event with the stated date; one of a month or a year before is another event.
Invented sentences, published on Thursday, 12 June 2025 (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"
_PUBLISHED = "2025-06-12"


def _of_kind(x, stem: str) -> list[str | None]:
    """The dates of the events that a word starting with ``stem`` names."""
    return [
        e.date.value if e.date else None
        for e in x.events
        if any(w.text.lower().startswith(stem) for w in (e.trigger, *e.mentions))
    ]


@pytest.mark.parametrize(
    ("text", "stem", "dates"),
    [
        (
            "Floods have killed 12 people in northern Tarsk.\n\n"
            "The floods hit the town of Orlen late on Tuesday, washing away homes.",
            "flood",
            ["2025-06-10"],
        ),
        (
            "A fire has destroyed a warehouse in Orlen.\n\n"
            "The fire broke out on Wednesday night.",
            "fire",
            ["2025-06-11"],
        ),
    ],
)
def test_an_ongoing_event_and_its_stated_day_are_one(run, text, stem, dates):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert _of_kind(x, stem) == dates


@pytest.mark.parametrize(
    ("text", "older"),
    [
        (
            "Floods have killed 12 people in Tarsk.\n\n"
            "Last year, floods killed 200 people in Tarsk.",
            "2024",
        ),
        (
            "Floods have killed 12 people in Tarsk.\n\n"
            "In March, floods killed 200 people in Tarsk.",
            "2025-03",
        ),
    ],
)
def test_an_event_of_another_time_stays_apart(run, text, older):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert sorted(_of_kind(x, "flood")) == [older, _PUBLISHED]
