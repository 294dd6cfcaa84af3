"""Reported speech on invented sentences (session 17, helper-53): the clause a cue
reports when the parser hangs a second one on the phrase before it; trained English
pipeline (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_clause_in_the_opening_phrase_is_not_what_is_said(run):
    text = (
        "In a statement issued soon after the mayor ended her campaign, Varga said "
        "she’s sure Orlen will go on to be a friend of the city."
    )
    (claim,) = run(text).claims
    assert claim.statement == "she’s sure Orlen will go on to be a friend of the city"
