"""Attribution types (statement, belief, intention), content and source spans, on
sentences invented for these tests. Needs the trained model (slow)."""

from __future__ import annotations

import pytest

from kb.models import Article

pytestmark = pytest.mark.slow
extract = pytest.importorskip("kb.extract")


def _claims(nlp, text: str):
    article = Article(text=text, origin="test", published="2025-06-12")
    return next(extract.extract_many([article], nlp)).claims


@pytest.fixture(scope="module")
def default_nlp():
    return extract.pipeline()


@pytest.fixture(scope="module")
def all_nlp():
    return extract.pipeline(attributions=extract.ATTRIBUTION_TYPES)


def test_said_is_a_statement(default_nlp):
    (claim,) = _claims(
        default_nlp, "Mayor Ilse Varga said the bridge would reopen in May."
    )
    assert claim.attribution == "statement"


@pytest.mark.parametrize(
    "verb", ["believes", "fears", "thinks", "expects", "knows", "realised", "learned"]
)
def test_belief_verbs_make_belief_claims(default_nlp, verb):
    text = f"Mayor Ilse Varga {verb} that the bridge will reopen in May."
    (claim,) = _claims(default_nlp, text)
    assert claim.attribution == "belief"
    assert claim.statement == "the bridge will reopen in May"


def test_intentions_are_opt_in(default_nlp, all_nlp):
    text = "The dockers' union plans to strike for three days next month."
    assert _claims(default_nlp, text) == ()
    (claim,) = _claims(all_nlp, text)
    assert claim.attribution == "intention"
    assert claim.statement.startswith("to strike for three days")


def test_an_intention_inside_a_quote_is_the_quotes_own(all_nlp):
    claims = _claims(
        all_nlp,
        "“I want to thank every volunteer in this city,” Mayor Ilse Varga said.",
    )
    assert [c.attribution for c in claims] == ["statement"]
    assert claims[0].statement.startswith("I want to thank")


def test_a_negated_intention_is_none(all_nlp):
    assert (
        _claims(all_nlp, "Mayor Ilse Varga does not plan to resign over the vote.")
        == ()
    )


def test_an_unknown_attribution_type_is_refused():
    with pytest.raises(ValueError, match="unknown attribution type 'rumour'"):
        extract.pipeline(attributions=("statement", "rumour"))


def test_content_pieces_of_a_split_quote(default_nlp):
    text = '"The bridge is safe," said engineer Tomas Brell, "and it will stay open."'
    (claim,) = _claims(default_nlp, text)
    pieces = [s.text for s in claim.content_spans()]
    assert pieces == ["The bridge is safe,", "and it will stay open."]
    for span in claim.content_spans():
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Engineer Tomas Brell said the bridge was safe.", "Tomas Brell"),
        (
            "Tomas Brell inspected the bridge. He said it was safe to use again.",
            "He",
        ),
        ("The bridge is safe, according to Tomas Brell.", "Tomas Brell"),
    ],
)
def test_the_source_is_the_words_that_name_it(default_nlp, text, source):
    (claim,) = _claims(default_nlp, text)
    assert claim.source is not None and claim.source.text == source
    assert text[claim.source.start : claim.source.end] == source
