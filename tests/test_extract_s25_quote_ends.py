"""Quotes and the tags near them (session 25, from PolNeAR train). A quote with no
cue of its own that only ends the words a cue reports ("According to Kellan, the
ferry company now runs “…”", "questioned whether … “if …”"): the cue's claim is
the whole of what was said, quote and all, by the cue's speaker. A tag set off by
commas inside the sentence after a quote attributes that sentence. Sentences and
names invented for these tests; needs the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


# fixed cases: on the base the quote alone was a claim (of no cue, its speaker
# guessed) and the claim of the cue that reports it was dropped
@pytest.mark.parametrize(
    "text,speaker,opening,quoted",
    [
        (
            "Kellan met the press in Velmora. According to Kellan, the ferry "
            "company raised its fares twice this year and now runs “a service "
            "nobody on the island can afford.”",
            "Kellan",
            "the ferry company raised its fares twice this year",
            "a service nobody on the island can afford",
        ),
        (
            "Omar Haddad questioned whether Dario Fenn would have backed the "
            "harbour plan “if the unions had drawn it up themselves.”",
            "Omar Haddad",
            "whether Dario Fenn would have backed the harbour plan",
            "if the unions had drawn it up themselves",
        ),
    ],
)
def test_the_cue_reports_the_quote_that_ends_its_words(
    run, text, speaker, opening, quoted
):
    x = run(text)
    claim = _claim_with(x, opening)
    assert quoted in claim.statement
    assert _speaker(x, claim) == speaker
    assert not any(c.statement.startswith(quoted) for c in x.claims)


# guards: these kept their claims on the base and keep them
def test_a_quote_split_by_its_tag_stays_one_claim_in_pieces(run):
    x = run("“We will rebuild the pier,” Anna Kovalik said, “and it will take years.”")
    (claim,) = x.claims
    assert [p.text for p in claim.content_spans()] == [
        "We will rebuild the pier,",
        "and it will take years.",
    ]


def test_a_quote_with_a_cue_of_its_own_stays_its_speakers(run):
    x = run(
        "Omar Haddad said the council was wrong. “The harbour needs the money "
        "now,” he said."
    )
    assert [c.statement for c in x.claims] == [
        "the council was wrong",
        "The harbour needs the money now",
    ]


def test_a_clause_told_before_a_second_tag_keeps_its_quote(run):
    x = run(
        "Kellan said that the board will meet the unions to show that the port "
        "has “clear rules to settle every dispute,” he said."
    )
    (claim,) = x.claims
    assert claim.statement.startswith("the board will meet the unions")
    assert claim.statement.endswith("“clear rules to settle every dispute,”")


# A tag set off by commas inside the sentence after a quote ('“…” It was, he
# said, …') attributes its own sentence, not the quote before it.


def test_an_aside_after_a_quote_tags_its_own_sentence(run):
    """Fixed case: on the base the quote took the tag and the sentence was lost."""
    x = run(
        "Omar Haddad visited the flooded quay on Sunday and spoke of “a warning "
        "that came far too late for the families.” It was, he said, the worst "
        "failure of the harbour board in a decade."
    )
    claim = _claim_with(x, "the worst failure of the harbour board")
    assert [p.text for p in claim.content_spans()] == [
        "It was",
        "the worst failure of the harbour board in a decade",
    ]
    assert _speaker(x, claim) == "Omar Haddad"


def test_a_tag_between_two_quoted_sentences_speaks_both(run):
    """Guard: a tag of its own sentence between two quotes joins them."""
    x = run(
        "“We will appeal the ruling,” Anna Kovalik said. “It was unfair to every "
        "family on the quay.”"
    )
    (claim,) = x.claims
    assert [p.text for p in claim.content_spans()] == [
        "We will appeal the ruling,",
        "It was unfair to every family on the quay.",
    ]
