"""Attribution recall: quotes that go on past a long attribution, cue verbs whose
content is an object or a "to" clause, and where reported content ends. Sentences
invented for these tests; needs the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


def _pieces(x: Extraction, claim: Claim) -> list[str]:
    text = x.article.text
    return [text[s.start : s.end] for s in claim.content_spans()]


def test_a_quote_goes_on_past_a_verb_of_the_attribution_that_reports_nothing(run):
    x = run(
        "Ana Obi, the mayor of Dayton, has fought the ferry company for a year. "
        '"The ferry must run on time," Obi said after the operator failed '
        "to show up at the third meeting she had called in a month. "
        '"Commuters deserve a straight answer from the company."'
    )
    claim = _claim_with(x, "ferry must run")
    assert any("straight answer" in p for p in _pieces(x, claim))
    assert len(x.claims) == 1


def test_people_described_only_where_they_speak_are_the_source_of_an_object_cue(
    run,
):
    x = run(
        "The harbour board met on Tuesday. Several skippers who fish off the north "
        "pier have long criticized the board for its slow repair of the pier."
    )
    claim = _claim_with(x, "slow repair of the pier")
    assert any(e.key == claim.claimant and "skippers" in e.name for e in x.entities)


def test_a_passive_subject_is_no_source_of_an_object_cue(run):
    x = run(
        'The harbour board met on Tuesday. In the old days the word "smuggler" '
        "was used to denounce rival fishermen from the south coast."
    )
    assert not any("rival fishermen" in c.statement for c in x.claims)


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
    who = next(e for e in x.entities if e.key == claim.claimant)
    assert source in who.name.lower()


def test_according_to_data_in_general_names_no_source(run):
    x = run(
        "The town held its vote on Sunday. Turnout fell by almost a third, "
        "according to provincial data."
    )
    assert not any("Turnout fell" in c.statement for c in x.claims)


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
