"""Attribution recall: questions put to someone, requests, and speakers the article
describes without a name. Sentences and names invented for these tests; they need
the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claims(x: Extraction) -> list[tuple[str, str]]:
    return [(_speaker(x, c), c.statement) for c in x.claims]


def test_question_put_to_someone_with_if(run):
    # the parser hangs "if …" on "asked" as an adverbial clause after its object
    x = run("Maria Lopez asked the workers if they would accept the offer.")
    assert _claims(x) == [("Maria Lopez", "if they would accept the offer")]


def test_no_question_in_a_clause_of_time(run):
    # guard: "when …" after "asked for" tells when, it asks nothing
    assert (
        run("Maria Lopez asked for help when the storm hit the harbour.").claims == ()
    )


def test_described_speaker_with_no_name(run):
    x = run("A longtime volunteer said the shelter needs more beds before winter.")
    assert _claims(x) == [
        ("longtime volunteer", "the shelter needs more beds before winter")
    ]


def test_described_group_with_an_owner(run):
    x = run("A major farmers' group says the new tariff could ruin small growers.")
    [(who, what)] = _claims(x)
    assert "group" in who
    assert what == "the new tariff could ruin small growers"


def test_definite_description_continues_the_person_just_named(run):
    x = run(
        "Maria Lopez has sold houses in Tarsk for twenty years. The real estate "
        "agent said the market had never been so slow."
    )
    assert _claims(x) == [("Maria Lopez", "the market had never been so slow")]


def test_no_described_speaker_for_documents_or_places(run):
    # guards: a document with no issuer and a place are not speakers
    assert run("The statement said the plant would close in June.").claims == ()
    assert run("The main town says the road is closed.").claims == ()


def test_according_to_a_described_person(run):
    x = run(
        "Household income reached $50,000 in November, according to a longtime analyst."
    )
    assert _claims(x) == [
        ("longtime analyst", "Household income reached $50,000 in November")
    ]


def test_according_to_results_names_no_speaker(run):
    # guard: findings with no one behind them are not a claim
    x = run(
        "The vaccine prevented most cases, according to results from a trial in Varda."
    )
    assert x.claims == ()
