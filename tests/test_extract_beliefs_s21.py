"""Beliefs an adjective holds about a thing ("worried about the tax"), adjectives
of belief the tagger takes for participles ("is convinced that …"), and intentions
of deciding and preferring ("decided to …", "prefers to …"). Invented sentences;
needs the trained model (slow)."""

from __future__ import annotations

import pytest

from kb.models import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def intend():
    """``intend(text)``: the claims of every attribution type, intentions too."""
    extract = pytest.importorskip("kb.extract")
    nlp = extract.load_pipeline(None, extract.ATTRIBUTION_TYPES)
    return lambda text: extract.extract(Article(text=text, origin="test"), nlp).claims


@pytest.mark.parametrize(
    ("text", "cue", "held"),
    [
        (
            "Farmers in Porto are worried about the new tax on diesel fuel.",
            "worried",
            "the new tax on diesel fuel",
        ),
        (
            "Maria Lopez is skeptical of the plan to sell the harbour.",
            "skeptical",
            "the plan to sell the harbour",
        ),
        (
            "Kellan remains confident in the outcome of the long trial.",
            "confident",
            "the outcome of the long trial",
        ),
        (
            "Maria Lopez was aware of the risks of the new harbour deal.",
            "aware",
            "the risks of the new harbour deal",
        ),
        # the tagger takes these two for participles
        (
            "Tomas Brandt, the mayor of Porto, is convinced that the bridge will "
            "open by May.",
            "convinced",
            "the bridge will open by May",
        ),
        (
            "The council was concerned that the river would flood the lower town.",
            "concerned",
            "the river would flood the lower town",
        ),
    ],
)
def test_an_adjective_of_belief_is_a_belief(run, text, cue, held):
    (claim,) = run(text).claims
    assert claim.attribution == "belief"
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.statement == held


@pytest.mark.parametrize(
    "text",
    [
        # guards: negated, and "sure of" a thing had rather than held true
        "Maria Lopez was not worried about the new tax on diesel fuel.",
        "Kellan was sure of a seat in the new cabinet of the mayor.",
    ],
)
def test_no_belief_when_negated_or_a_thing_had(run, text):
    assert run(text).claims == ()


@pytest.mark.parametrize(
    ("text", "intended"),
    [
        (
            "The union decided to call off the strike next week.",
            "to call off the strike next week",
        ),
        (
            "Maria Lopez prefers to settle the dispute out of court.",
            "to settle the dispute out of court",
        ),
    ],
)
def test_deciding_and_preferring_are_intentions(intend, text, intended):
    (claim,) = intend(text)
    assert claim.attribution == "intention"
    assert claim.statement == intended


@pytest.mark.parametrize(
    "text",
    [
        # guards: a question still open intends nothing yet; a refusal's "to"
        # clause is what the source will not do
        "Kellan will decide whether to sell the old harbour.",
        "Tomas Brandt refused to sign the new contract with the port.",
        "Kellan declined to renew the lease on the old harbour.",
    ],
)
def test_no_intention_when_undecided_or_refused(intend, text):
    assert intend(text) == ()


def test_deciding_stays_opt_in(run):
    # guard: intentions are extracted only when asked for
    assert run("The union decided to call off the strike next week.").claims == ()
