"""Attribution recall: quotes that go on past a long attribution, cue verbs whose
content is an object or a "to" clause, and where reported content ends. Sentences
invented for these tests; needs the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from tests.test_extract_attribution_s9 import _claim_with, _speaker

pytestmark = pytest.mark.slow


def test_a_quote_goes_on_past_a_verb_of_the_attribution_that_reports_nothing(run):
    x = run(
        "Ana Obi, the mayor of Dayton, has fought the ferry company for a year. "
        '"The ferry must run on time," Obi said after the operator failed '
        "to show up at the third meeting she had called in a month. "
        '"Commuters deserve a straight answer from the company."'
    )
    claim = _claim_with(x, "ferry must run")
    assert any("straight answer" in s.text for s in claim.content_spans())
    assert len(x.claims) == 1


def test_people_described_only_where_they_speak_are_the_source_of_an_object_cue(
    run,
):
    x = run(
        "The harbour board met on Tuesday. Several skippers who fish off the north "
        "pier have long criticized the board for its slow repair of the pier."
    )
    claim = _claim_with(x, "slow repair of the pier")
    assert "skippers" in _speaker(x, claim)


@pytest.mark.parametrize(
    ("text", "said", "source"),
    [
        (
            "The town held its vote on Sunday. Turnout fell by almost a third, "
            "according to a new survey of local voters.",
            "Turnout fell by almost a third",
            "survey",
        ),
        (
            "The harbour board met on Tuesday. According to the board's annual "
            "report, repairs to the north pier will cost twice the estimate.",
            "repairs to the north pier",
            "report",
        ),
    ],
)
def test_according_to_one_document_is_the_documents_statement(run, text, said, source):
    x = run(text)
    claim = _claim_with(x, said)
    assert source in _speaker(x, claim).lower()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (  # a passive subject is no speaker of an object cue
            'The harbour board met on Tuesday. In the old days the word "smuggler" '
            "was used to denounce rival fishermen from the south coast.",
            "rival fishermen",
        ),
        (  # data in general is no source of "according to"
            "The town held its vote on Sunday. Turnout fell by almost a third, "
            "according to provincial data.",
            "Turnout fell",
        ),
    ],
)
def test_no_claim_without_a_source(run, text, words):
    assert not any(words in c.statement for c in run(text).claims)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The harbour board met on Tuesday. Fishermen demanded that the north "
            "pier reopen before the summer season.",
            "the north pier reopen before the summer season",
        ),
        (
            "The harbour board met on Tuesday. Tom Vell questioned whether the "
            "repairs would ever be finished.",
            "whether the repairs would ever be finished",
        ),
    ],
)
def test_a_verb_of_saying_with_a_clause_and_no_object_says_the_clause(run, text, said):
    x = run(text)
    claim = _claim_with(x, said)
    assert claim.statement_span.text.rstrip(".") == said


@pytest.mark.parametrize("role", ["spokesman", "official", "analyst"])
def test_a_voice_for_others_is_not_the_person_the_story_is_about(run, role):
    """ "The spokesman said …" after a person named with no role is someone the
    article does not name, not that person."""
    x = run(f"Maria Lopez met the rebels on Monday. The {role} said the talks failed.")
    names = {e.key: e.name for e in x.entities}
    (claim,) = x.claims
    assert names[claim.claimant] != "Maria Lopez"
