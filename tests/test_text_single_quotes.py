"""Quotes in single marks, as British writing prints them (session 22): found
paragraph by paragraph, split where a mark reopens the quote after a sentence's
end (paragraphs run together), and never taken from an apostrophe; a quote inside
a quote stays part of the outer one. Invented sentences."""

from __future__ import annotations

import pytest

from kb.text.quotes import find_quotes, mark_end


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


FOUND = {
    "typographic marks after a colon": (
        "Kellan Varda said: \u2018The harbour will stay shut until May.\u2019 He left.",
        ["The harbour will stay shut until May."],
    ),
    "straight marks, with an apostrophe inside": (
        "Maria Lopez said: 'It's much too soon to call the vote.' Then she left.",
        ["It's much too soon to call the vote."],
    ),
    "paragraphs run together, each reopened": (
        "Tomas Brandt said: \u2018We were poor tonight. \u2018The team is tired. "
        "\u2018We will be better in Porto.\u2019 The coach agreed.",
        ["We were poor tonight.", "The team is tired.", "We will be better in Porto."],
    ),
    "a quote closed by a comma before its cue": (
        "\u2018We are ready for the talks,\u2019 Kellan Varda said on Monday.",
        ["We are ready for the talks,"],
    ),
    "double marks inside single ones": (
        '\u2018She told us "never again" on Monday,\u2019 he said.',
        ['She told us "never again" on Monday,'],
    ),
}


@pytest.mark.parametrize(("text", "quotes"), FOUND.values(), ids=FOUND.keys())
def test_single_marks_quote(text, quotes):
    assert _quoted(text) == quotes


GUARDS = {
    "single marks inside double ones": (
        "\"He said 'no way' to the offer,\" Maria Lopez said.",
        ["He said 'no way' to the offer,"],
    ),
    "apostrophes of owners and of short forms": (
        "The dockers\u2019 union said it\u2019s over and the workers' fund is gone.",
        [],
    ),
    "a mark that never closes in its paragraph": (
        "It was the '\nend of the season, they said.'",
        [],
    ),
}


@pytest.mark.parametrize(("text", "quotes"), GUARDS.values(), ids=GUARDS.keys())
def test_guard_apostrophes_and_nesting(text, quotes):
    """Guards: these hold on 3971494 too."""
    assert _quoted(text) == quotes


def test_the_closing_single_mark_ends_the_quote():
    text = "Kellan Varda said: \u2018We will stay.\u2019 Then he left."
    ((start, end),) = find_quotes(text)
    assert text[mark_end(text, end) :] == " Then he left."
