"""Speech attributions the rules made no claim for at all (session 22): a title
"Name: what they say" whose words the parser finds no subject in, and a quote
after a colon that closes a clause with no verb of saying ("Name released the
following statement:"). Sentences and names invented for these tests; needs the
trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _said(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


_BODY = (
    "\n\nTomas Brandt, a union leader in Porto, spoke to the press on Monday about "
    "the strike at the harbour."
)


@pytest.mark.parametrize(
    "title,words",
    [
        ("Tomas Brandt: Varda Budget Unfair, 'Like A Tax On Work.'", "Budget Unfair"),
        ("Tomas Brandt: Porto Council 'Out Of Touch' With Harbour Crews.", "Touch"),
        ("Tomas Brandt: Harbour Deal 'A Gift To The Rich,' Unfair To Crews.", "Gift"),
    ],
)
def test_a_title_label_that_names_a_speaker_alone_gives_their_words(run, title, words):
    x = run(title + _BODY)
    assert _speaker(x, _said(x, words)) == "Tomas Brandt"


@pytest.mark.parametrize(
    "title",
    [
        "Tomas Brandt: A Life In Pictures From The Harbour.",
        "Tomas Brandt: Hero Or Villain Of The Harbour Strike?",
        "Follow Tomas Brandt on Twitter: @tbrandt. Reach him at the union office.",
    ],
)
def test_a_caption_a_question_or_a_phrase_label_is_no_claim(run, title):
    """Guard: words about the person, or the writer's, not theirs."""
    x = run(title + _BODY)
    assert not [c for c in x.claims if c.statement.startswith(("A Life", "Hero", "@"))]


def test_a_title_label_with_words_of_its_own_still_needs_a_subject(run):
    """Guard: the label says what the person did; the rest is the headline's."""
    x = run("Tomas Brandt Steps In: Backs Harbour Plan For Porto." + _BODY)
    assert not [c for c in x.claims if "Harbour Plan" in c.statement]


def test_a_quote_after_a_colon_closing_a_clause_of_a_named_actor(run):
    x = run(
        "Maria Lopez gave the idea a try in an interview on Tuesday: “You can easily "
        "argue that the council is a danger to the port.”"
    )
    claim = _said(x, "danger to the port")
    assert _speaker(x, claim) == "Maria Lopez"
    assert claim.direct


def test_a_statement_released_before_a_quote_in_the_next_paragraph(run):
    x = run(
        "The harbour crews met in Porto on Monday.\n\n"
        "Later that week Maria Lopez, who had sat beside Tomas Brandt at the "
        "meeting, released the following statement:\n\n"
        "“We offer our sympathy to the families of the crew and will pay for the "
        "repairs.”"
    )
    assert _speaker(x, _said(x, "our sympathy")) == "Maria Lopez"


def test_a_colon_after_a_subject_that_is_no_actor_gives_no_speaker(run):
    """Guard: "The rules are simple:" introduces no one's words."""
    x = run(
        "The rules of the port are simple: “No boats may dock after dark without a "
        "permit from the harbour office.”"
    )
    assert not x.claims
