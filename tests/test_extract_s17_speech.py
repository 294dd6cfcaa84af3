"""Reported speech on invented sentences (session 17): promises, threats and claims
about oneself told with a "to" clause, the clause a cue reports when the parser
hangs a second one on the phrase before it, a headline "Name: words with no verb",
and a quote added after a reported clause; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _claims(x: Extraction) -> list[tuple[str, str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement, c.attribution) for c in x.claims]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Mayor Ilse Varga promised to rebuild the old bridge before winter.",
            ("Ilse Varga", "to rebuild the old bridge before winter", "statement"),
        ),
        (
            "Kellan Orlen has vowed to fight the ruling in every court.",
            ("Kellan Orlen", "to fight the ruling in every court", "statement"),
        ),
        (
            "The dockers' union threatened to strike for three days in May.",
            ("dockers' union", "to strike for three days in May", "statement"),
        ),
        (
            "Maria Lopez claims to have seen the letter before the vote.",
            ("Maria Lopez", "to have seen the letter before the vote", "statement"),
        ),
    ],
)
def test_what_is_promised_or_threatened_is_said(run, text, claim):
    assert _claims(run(text)) == [claim]


@pytest.mark.parametrize(
    "text",
    [
        # a promise denied, or one inside a quote, is no claim of its own
        "Mayor Ilse Varga did not promise to rebuild the old bridge.",
        "The bridge, which was promised to the town in May, is still shut.",
    ],
)
def test_no_claim_of_a_promise(run, text):
    assert not run(text).claims


def test_a_clause_in_the_opening_phrase_is_not_what_is_said(run):
    text = (
        "In a statement issued soon after the mayor ended her campaign, Varga said "
        "she’s sure Orlen will go on to be a friend of the city."
    )
    (claim,) = run(text).claims
    assert claim.statement == "she’s sure Orlen will go on to be a friend of the city"
