"""Quotes and the tags near them (session 25, from PolNeAR train). A quote with no
cue of its own that only ends the words a cue reports ("According to Kellan, the
ferry company now runs “…”", "questioned whether … “if …”"): the cue's claim is
the whole of what was said, quote and all, by the cue's speaker, and a direct
quote as the quote was. A tag set off by commas inside the sentence after a quote
attributes that sentence. Sentences and names invented for these tests; needs the
trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _claim_with(x: Extraction, words: str) -> tuple[Claim, str]:
    """The claim whose statement holds ``words``, and the name of its claimant."""
    claim = next(c for c in x.claims if words in c.statement)
    names = {e.key: e.name for e in x.entities}
    return claim, names[claim.claimant]


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
    claim, who = _claim_with(x, opening)
    assert quoted in claim.statement
    assert claim.direct  # it quotes the speaker, as the quote alone did
    assert who == speaker
    assert not any(c.statement.startswith(quoted) for c in x.claims)


# guards: these claims were the same on the base, each as its pieces
@pytest.mark.parametrize(
    "text,claims",
    [
        (
            "“We will rebuild the pier,” Anna Kovalik said, “and it will take years.”",
            [["We will rebuild the pier,", "and it will take years."]],
        ),
        (
            "Omar Haddad said the council was wrong. “The harbour needs the money "
            "now,” he said.",
            [["the council was wrong"], ["The harbour needs the money now"]],
        ),
        (
            "Kellan said that the board will meet the unions to show that the port "
            "has “clear rules to settle every dispute,” he said.",
            [
                [
                    "the board will meet the unions to show that the port has "
                    "“clear rules to settle every dispute,”"
                ]
            ],
        ),
        (
            "“We will appeal the ruling,” Anna Kovalik said. “It was unfair to "
            "every family on the quay.”",
            [
                [
                    "We will appeal the ruling,",
                    "It was unfair to every family on the quay.",
                ]
            ],
        ),
    ],
)
def test_quotes_with_tags_of_their_own_keep_their_claims(run, text, claims):
    found = run(text).claims
    assert [[p.text for p in c.content_spans()] for c in found] == claims


# A tag set off by commas inside the sentence after a quote ('“…” It was, he
# said, …') attributes its own sentence, not the quote before it.


def test_an_aside_after_a_quote_tags_its_own_sentence(run):
    """Fixed case: on the base the quote took the tag and the sentence was lost."""
    x = run(
        "Omar Haddad visited the flooded quay on Sunday and spoke of “a warning "
        "that came far too late for the families.” It was, he said, the worst "
        "failure of the harbour board in a decade."
    )
    claim, who = _claim_with(x, "the worst failure of the harbour board")
    assert [p.text for p in claim.content_spans()] == [
        "It was",
        "the worst failure of the harbour board in a decade",
    ]
    assert who == "Omar Haddad"
