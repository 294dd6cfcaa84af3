"""A person's gender from the first name of their full name, when the text says
nothing of it (no title, relation or pronoun): "she said" after "Daniel Orlen met
Maria Tarsk" is Maria Tarsk. Names given to both sexes, and names alone without a
first name, tell nothing. Sentences and surnames invented for these tests."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction
from kb.text.first_names import first_name_gender, full_name_gender


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


def test_first_names_of_one_sex_tell_it_and_shared_or_unknown_ones_do_not():
    assert first_name_gender("linda") == "f"
    assert first_name_gender("ROBERT") == "m"
    assert first_name_gender("Jordan") is None  # given to both
    assert first_name_gender("Varda") is None  # not in the list


def test_only_a_full_name_tells_and_only_when_its_first_names_agree():
    assert full_name_gender(["Robert Kellan", "Kellan"]) == "m"
    assert full_name_gender(["Kellan"]) is None  # a surname alone says nothing
    assert full_name_gender(["Linda Kellan", "Robert Kellan"]) is None


CASES = {
    "she is the woman of two untitled people, not the man who was subject": (
        "Daniel Orlen met Maria Tarsk in Dayton on Monday. "
        "“We will sign the deal before winter,” she said.",
        "Maria Tarsk",
    ),
    "he is the man of two untitled people, not the woman who was subject": (
        "Maria Tarsk met Daniel Orlen in Dayton on Monday. "
        "“We will sign the deal before winter,” he said.",
        "Daniel Orlen",
    ),
    "she in reported speech goes past a man to the woman he spoke with": (
        "Robert Kellan spoke with Linda Varda about the budget on Tuesday. She said "
        "the schools would get every penny they were promised before winter.",
        "Linda Varda",
    ),
    # a guard, passing on the old code too: "Mr." outweighs the first name
    "a title outweighs the first name": (
        "Mr. Andrea Tarsk met Laura Orlen in Dayton on Monday. "
        "“We will sign the deal before winter,” he said.",
        "Andrea Tarsk",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "speaker"), CASES.values(), ids=CASES.keys())
def test_a_pronoun_speaker_of_the_gender_the_first_name_tells(run, text, speaker):
    x = run(text)
    assert _speaker(x, _claim_with(x, "before winter")) == speaker
