"""A speaker's second act of saying joined to what they said ("said she had paid
and accused X of …", "said he would reopen it and praised …"): a statement of
its own, not the end of the first one (session 24, from PolNeAR train's chained
attributions). Sentences and names invented for these tests;
needs the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _statements(x: Extraction) -> list[str]:
    return [c.statement for c in x.claims]


@pytest.mark.parametrize(
    "text,first",
    [
        (
            "Kellan Moore said he was undergoing treatment and vowed to spend more "
            "time with his family.",
            "he was undergoing treatment",
        ),
        (
            "Anna Kovalik said she has paid her taxes in full and accused Dario Fenn "
            "of hiding his accounts.",
            "she has paid her taxes in full",
        ),
        (
            "Tomas Brandt said he would reopen the harbour by May and praised the "
            "efforts of the dock crews.",
            "he would reopen the harbour by May",
        ),
    ],
)
def test_a_second_act_of_saying_ends_what_was_said(run, text, first):
    x = run(text)
    assert first in _statements(x)


@pytest.mark.parametrize(
    "text,second",
    [
        (
            "Anna Kovalik said she has paid her taxes in full and accused Dario Fenn "
            "of hiding his accounts.",
            "Dario Fenn of hiding his accounts",
        ),
        (
            "Tomas Brandt said he would reopen the harbour by May and praised the "
            "efforts of the dock crews.",
            "the efforts of the dock crews",
        ),
    ],
)
def test_the_second_act_is_the_same_speakers_claim(run, text, second):
    x = run(text)
    claim = next(c for c in x.claims if c.statement == second)
    assert _speaker(x, claim) == text.split(" said")[0]


@pytest.mark.parametrize(
    "text,whole",
    [
        (
            "Peter Sandoval said the council met on Friday and agreed to raise the "
            "fees.",
            "the council met on Friday and agreed to raise the fees",
        ),
        (
            "Dario Fenn said he would resign from the board and left the room "
            "without a word.",
            "he would resign from the board and left the room without a word",
        ),
        (
            "Anna Kovalik said she would fight the merger and called on the "
            "mayor to intervene.",
            "she would fight the merger and called on the mayor to intervene",
        ),
        (
            "Varda Holdings said the harbour authority would reopen the dock and "
            "praised the crews for their work.",
            "the harbour authority would reopen the dock and praised the crews for "
            "their work",
        ),
    ],
)
def test_a_third_partys_act_or_a_deed_stays_in_the_clause(run, text, whole):
    """Guard: what the council agreed, a deed (not a saying), a request the
    speaker adds, and a verb the parser joins to a clause about someone else
    stay what was said."""
    x = run(text)
    assert whole in _statements(x)
