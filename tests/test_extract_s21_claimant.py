"""Who said it (session 21): a pronoun speaker agrees with its antecedent, and what
tells a person's gender is read only where it can: not from a pronoun that speaks
of the person ("Odeh's plan is slow, she said"), nor from one after the person is
only quoted, nor past another person's noun. Invented sentences and names; the
trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


GENDER = {
    "a pronoun that reports on a person is someone else": (
        "Kellan Varda spoke to the bankers on Monday. "
        "Sami Odeh's plan was far too slow, she said. "
        "Sami Odeh met the unions on Friday. "
        "“We will not wait for the banks,” he said.",
        "We will not wait",
        "Sami Odeh",
    ),
    "the speaker of a quote is not the person the quote names": (
        "Sami Odeh said the talks would be short. "
        "“Kellan Varda and I get along well,” he said. "
        "Kellan Varda said the banks must share the cost. "
        "She said there was no plan without the money.",
        "no plan without the money",
        "Kellan Varda",
    ),
    "a pronoun after another person's noun is that person's": (
        "Kellan Varda accused the chief negotiator of softening his stand. "
        "Varda said the banks must pay half of the gap. "
        "She said the plan would fail without the money.",
        "the plan would fail",
        "Kellan Varda",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "speaker"), GENDER.values(), ids=GENDER.keys()
)
def test_a_pronoun_speaker_agrees_with_what_the_text_tells(run, text, words, speaker):
    x = run(text)
    assert _speaker(x, _claim_with(x, words)) == speaker
