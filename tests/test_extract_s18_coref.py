"""Which words name one event within an article (session 18): a word said again, or
its noun or verb, is one event wherever the sentences around it are; another date,
other people, or "also" and "again" make it another. Invented sentences; the
trained English pipeline (slow), except the lemma test."""

from __future__ import annotations

import pytest

from kb.extract.events import _one_root


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # the same word, retold in a paragraph that names another place
        (
            "Flooding hit Utrecht on Monday.\n\n"
            "Flooding in the province of Gelderland cut power to 3,000 homes.",
            "NaturalDisaster",
            1,
        ),
        # the verb, then its noun, with another place in the sentence
        (
            "A gas main exploded in Utrecht on Monday.\n\n"
            "Firefighters from Eindhoven reached the site of Monday's explosion "
            "within minutes.",
            "Accident",
            1,
        ),
        # guards: "also" and "again" tell of one more
        (
            "Protesters marched in Utrecht on Monday.\n\n"
            "Protesters also marched in Eindhoven.",
            "Protest",
            2,
        ),
        (
            "Protesters marched in Utrecht on Monday.\n\n"
            "Protesters marched again in Eindhoven.",
            "Protest",
            2,
        ),
        # guards: another date, or other people, make another event of one word
        (
            "Rebels attacked a convoy near Utrecht on Monday.\n\n"
            "Rebels attacked a convoy near Eindhoven in March 2019.",
            "Attack",
            2,
        ),
        (
            "Police arrested Kellan Orlen in Utrecht.\n\n"
            "In Eindhoven, officers arrested Maria Lopez.",
            "Arrest",
            2,
        ),
    ],
)
def test_a_word_said_again_is_one_event(run, text, kind, count):
    events = [e for e in run(text).events if e.event_type == kind]
    assert len(events) == count, [e.label for e in events]


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("explode", "explosion", True),
        ("seize", "seizure", True),
        ("stab", "stabbing", True),
        ("acquire", "acquisition", True),
        ("win", "win", True),
        ("win", "wing", False),  # too short to share a root by its letters
        ("attack", "arrest", False),
        ("strike", "storm", False),
    ],
)
def test_one_root(x, y, same):
    assert _one_root(x, y) is same
