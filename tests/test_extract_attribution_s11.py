"""Claims on invented sentences (session 11): denials, advice, and a role named
alone; they need the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _claims(x: Extraction) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, c.claimant), c.statement) for c in x.claims]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a denial says what it denies is untrue, however short
        ("Maria Lopez denied the allegations.", [("Maria Lopez", "the allegations")]),
        ("Maria Lopez denied wrongdoing.", [("Maria Lopez", "wrongdoing")]),
        ("Maria Lopez did not deny the allegations.", []),
        # a refusal to grant is no denial of what was said
        ("The clerk kept denying marriage licences.", []),
        # advising someone on something is work, not a statement
        ("Maria Lopez is advising the campaign on foreign policy.", []),
        # advice to someone is what the adviser says
        (
            "The regulator advised customers to check their accounts.",
            [("regulator", "customers to check their accounts")],
        ),
    ],
)
def test_what_a_verb_of_saying_says(run, text, claims):
    assert _claims(run(text)) == claims


def test_a_role_alone_is_whoever_was_given_it(run):
    """ "The minister said" is the person the article called minister."""
    x = run(
        "Foreign Minister Maria Lopez arrived in Tarsk on Monday. "
        "The minister said the talks were useful."
    )
    assert _claims(x) == [("Maria Lopez", "the talks were useful")]


def test_a_role_no_one_was_given_is_someone_else(run):
    """News names a role before it uses it alone: "the minister" after a person
    given no title is not that person."""
    x = run(
        "Maria Lopez arrived in Tarsk on Monday. The minister said the plan was sound."
    )
    assert [who for who, _ in _claims(x)] != ["Maria Lopez"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # records speak for themselves
        (
            "Court records show that the firm paid no tax.",
            [("Court records", "the firm paid no tax")],
        ),
        # a document an organisation issued is its statement
        (
            "Data from the Tarsk Statistics Office showed prices rose 3 percent.",
            [("Tarsk Statistics Office", "prices rose 3 percent")],
        ),
    ],
)
def test_a_document_speaks_for_its_issuer(run, text, claims):
    assert _claims(run(text)) == claims
