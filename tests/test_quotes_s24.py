"""Quotes that go on into the next paragraph, session 24: each paragraph of such a
quote is a claim of its own (the gold guide's "a quoted paragraph of its own …
is its own claim by the same claimant"); a quote no paragraph of it attributes
stays one claim. Guards: a mark opened inside a paragraph and left open still
runs into nothing, so that a new speaker's quote in the next paragraph, a second
quote after the first one closes, an apostrophe or a quote inside the quote, or
a mark left open by a typo never swallows a claim.
Invented sentences; the extraction cases need the trained English pipeline
(slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction
from kb.text.quotes import find_quotes, goes_on


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def _said(x: Extraction, words: str) -> list[tuple[str, bool]]:
    """Who says the claims whose statement holds ``words``, and whether quoted."""
    return [(_speaker(x, c), c.direct) for c in x.claims if words in c.statement]


@pytest.mark.parametrize(
    "text,quotes",
    [
        (
            'She said: "The dam holds.\n\n"The river is low.\n\n"We wait." Then.',
            ["The dam holds.", "The river is low.", "We wait."],
        ),
        (
            "He spoke and said: “We stay. We work.\n\n“We will win.” Then he left.",
            ["We stay. We work.", "We will win."],
        ),
        (
            "She said: ‘‘We stay.\n\n‘‘We will win,’’ he said.",
            ["We stay.", "We will win,"],
        ),
    ],
)
def test_a_quote_is_read_paragraph_by_paragraph(text, quotes):
    assert _quoted(text) == quotes


def test_goes_on_only_into_a_paragraph_that_reopens_the_quote():
    text = "She said: “We stay.\n\n“We work.”\n\n“Later,” he said."
    first, second, third = find_quotes(text)
    assert goes_on(text, first[1], second[0])
    assert not goes_on(text, second[1], third[0])  # the second quote closed


_SPOKE = "Anna Kovalik spoke in Velmora on Monday."


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,first,second",
    [
        # the next paragraph opens a new speaker's quote
        (
            f"{_SPOKE} She said, “We will not close the harbour.\n\n“The plan "
            "is reckless,” Omar Haddad said.",
            ("not close the harbour", "Anna Kovalik"),
            ("plan is reckless", "Omar Haddad"),
        ),
        (
            f"{_SPOKE} She said, ‘‘We will not close the harbour.\n\n‘‘The plan "
            "is reckless,’’ said Omar Haddad, who leads the union.",
            ("not close the harbour", "Anna Kovalik"),
            ("plan is reckless", "Omar Haddad"),
        ),
        # the quote closes in the next paragraph and a second one opens after it
        (
            f"{_SPOKE} She said, “We will not close the harbour.\n\n“The crews "
            "deserve better,” she said. Omar Haddad replied, “That is reckless.”",
            ("not close the harbour", "Anna Kovalik"),
            ("crews deserve better", "Anna Kovalik"),
        ),
        # a quote inside the quote; an apostrophe that might close it
        (
            f"{_SPOKE} She said, “They call the plan a ‘gift’ to the town.\n\n“We "
            "will fight it,” she said. Omar Haddad said the plan would go ahead.",
            ("a ‘gift’ to the town", "Anna Kovalik"),
            ("will fight it", "Anna Kovalik"),
        ),
        (
            f"{_SPOKE} She said, “The workers’ union won’t back down.\n\n“We "
            "will fight it,” she said. Omar Haddad said the plan would go ahead.",
            ("union won’t back down", "Anna Kovalik"),
            ("will fight it", "Anna Kovalik"),
        ),
        # a closing mark the writer forgot
        (
            f"{_SPOKE} She said, “We will not close the harbour, Kovalik added."
            "\n\n“The plan is reckless,” Omar Haddad said.",
            ("not close the harbour", "Anna Kovalik"),
            ("plan is reckless", "Omar Haddad"),
        ),
    ],
)
def test_the_next_paragraph_swallows_no_claim(run, text, first, second):
    """Guards: one claim each, whoever says it (the first is no quote then)."""
    x = run(text)
    assert [who for who, _direct in _said(x, first[0])] == [first[1]]
    assert _said(x, second[0]) == [(second[1], True)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,pieces",
    [
        # opened at the paragraph's start, or after a colon
        (
            f"{_SPOKE}\n\n“The harbour will stay open for the crews this winter."
            "\n\n“The council has promised to pay for the new cranes,” she said.",
            ["stay open for the crews", "promised to pay"],
        ),
        (
            f"{_SPOKE}\n\nShe said: “The harbour will stay open this winter.\n\n"
            "“The council has promised to pay for the new cranes.\n\n“We expect "
            "the first ships in March.”",
            ["stay open this winter", "promised to pay", "first ships in March"],
        ),
    ],
)
def test_a_paragraph_each(run, text, pieces):
    x = run(text)
    for words in pieces:
        assert _said(x, words) == [("Anna Kovalik", True)]
    assert len(x.claims) == len(pieces)


@pytest.mark.slow
def test_a_quote_no_paragraph_attributes_stays_one_claim(run):
    """Guard: an interviewee talking on over two paragraphs with no tag."""
    x = run(
        "Anna Kovalik has worked at the harbour in Velmora for thirty years.\n\n"
        "“In my first year the ships came every day and the cranes never stopped."
        "\n\n“Now the quay is empty for weeks and the young people have left.”"
    )
    (claim,) = [c for c in x.claims if "cranes never stopped" in c.statement]
    assert "quay is empty" in claim.statement
    assert _speaker(x, claim) == "Anna Kovalik"
