"""Two steps of one case are two events, whatever the lemmatiser makes of their
words ("fined" is lemmatised "fin"); the same step named again is one event.
Invented sentences (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt was convicted of fraud on Monday.\n\n"
        "A Tarsk judge fined him 5,000 pounds.",
        "Tomas Brandt was convicted of fraud.\n\n"
        "The Kellan regulator fined Orlen Bank 45 million pounds in 2022.",
    ],
)
def test_a_conviction_and_a_fine_are_two_events(run, text):
    x = run(_LEAD + text, published="2025-06-12")
    words = sorted(e.trigger.text for e in x.events)
    assert words == ["convicted", "fined"], [e.label for e in x.events]


def test_a_fine_named_again_is_one_event(run):
    text = "A Tarsk judge fined Orlen Bank 45 million pounds on Monday.\n\nThe fine was the largest ever."
    x = run(_LEAD + text, published="2025-06-12")
    assert len([e for e in x.events if e.event_type == "LegalAction"]) == 1, [
        e.label for e in x.events
    ]
