"""Who said it, session 23: quotes in the doubled single marks of wire copy set in
typographic type (‘‘like this’’); a firm whose name ends in "'s" kept whole; a
titled surname the tagger misreads; "both men" for the two people just named;
nouns of saying a light verb utters or that stand as the subject. Sentences and
names invented for these tests; the extraction cases need the trained English
pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction
from kb.text.quotes import find_quotes


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _said(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


@pytest.mark.parametrize(
    "text,quotes",
    [
        ("She said: ‘‘We stay.’’ Then she left.", ["We stay."]),
        # the single marks inside stay part of the outer quote
        (
            "‘‘They call it ‘a gift,’ and they are right,’’ she said.",
            ["They call it ‘a gift,’ and they are right,"],
        ),
    ],
)
def test_quotes_found(text, quotes):
    assert _quoted(text) == quotes


def test_a_straight_mark_inside_a_paragraph_still_runs_no_further():
    """Guard: a straight mark there may close a quote; it opens none past it."""
    text = 'He called it a farce," and left.\n\n"We will win." Then he left.'
    assert _quoted(text) == ["We will win."]


_SPOKE = "Anna Kovalik spoke in Velmora on Monday."


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,words,also",
    [
        (
            f"{_SPOKE} ‘‘We will not close the harbour. The crews deserve "
            "better,’’ she told reporters.",
            "not close the harbour",
            "crews deserve better",
        ),
        (
            f"{_SPOKE} ‘‘We will not close the harbour,’’ she said, ‘‘and the "
            "crews deserve better.’’",
            "not close the harbour",
            "crews deserve better",
        ),
    ],
)
def test_one_direct_quote(run, text, words, also):
    claim = _said(run(text), words)
    assert claim.direct
    assert also in claim.statement
    assert "‘" not in claim.statement


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,words,speaker",
    [
        (
            "A spokeswoman for Kellan's said the chain would close ten stores.",
            "ten stores",
            "Kellan's",
        ),
        (
            "Kellan's said on Monday it would close ten stores in Velmora.",
            "ten stores",
            "Kellan's",
        ),
        (
            "Sheikh Omar Haddad met Sheikh Dario Fenn in Velmora on Monday.\n\n"
            "“We agreed on nothing,” Sheikh Fenn told reporters.",
            "agreed on nothing",
            "Dario Fenn",
        ),
        (
            "Tomas Brandt and Dario Fenn were charged in Velmora on Monday. Both "
            "men denied the charges.",
            "the charges",
            "Tomas Brandt and Dario Fenn",
        ),
        (
            "Tomas Brandt and Dario Fenn were charged in Velmora on Monday. Both "
            "said they were innocent.",
            "they were innocent",
            "Tomas Brandt and Dario Fenn",
        ),
        (
            "Tomas Brandt and Dario Fenn were charged in Velmora on Monday. The two "
            "men said they were innocent.",
            "they were innocent",
            "Tomas Brandt and Dario Fenn",
        ),
        (
            "Tomas Brandt made the argument that the harbour in Velmora was unsafe.",
            "harbour in Velmora was unsafe",
            "Tomas Brandt",
        ),
        (
            "Tomas Brandt spoke on Monday. His claim that the harbour in Velmora was "
            "unsafe angered the council.",
            "harbour in Velmora was unsafe",
            "Tomas Brandt",
        ),
        # guards: a person's possessive; no pair named before "both"
        (
            "Tomas Brandt's office said the port in Velmora would close on Friday.",
            "port in Velmora",
            "Tomas Brandt",
        ),
        (
            "The farmers met in Velmora on Monday. Both groups said the plan was bad.",
            "plan was bad",
            "groups",
        ),
    ],
)
def test_who_says_it(run, text, words, speaker):
    x = run(text)
    assert _speaker(x, _said(x, words)) == speaker


@pytest.mark.slow
def test_a_firms_possessive_before_a_noun_is_still_dropped(run):
    """Guard: "Kellan's stores" are the stores of Kellan."""
    x = run(
        "Kellan's stores in Velmora will close. Kellan said on Monday that the rent "
        "was too high."
    )
    assert "Kellan's" not in {e.name for e in x.entities}


@pytest.mark.slow
def test_a_titled_surname_of_no_one_named_stays_apart(run):
    """Guard: never another person who bears the same title."""
    x = run(
        "Sheikh Omar Haddad leads the council in Velmora.\n\n"
        "“The council is corrupt,” said Sheikh Fenn, a rival cleric."
    )
    assert _speaker(x, _said(x, "council is corrupt")) != "Omar Haddad"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # who rejects a claim does not make it
        "The council rejected the claim that the harbour in Velmora was unsafe.",
        # "the statement said" names no one who issued it
        "The statement said the harbour in Velmora would close on Friday.",
    ],
)
def test_no_claim_of_the_subject(run, text):
    """Guard: the clause is no one's claim here (the council's rejection may be)."""
    x = run(text)
    assert not [
        c
        for c in x.claims
        if c.statement.startswith("the harbour")
        and _speaker(x, c) in ("council", "statement")
    ]


@pytest.mark.slow
def test_a_firm_the_article_also_names_bare_keeps_no_s(run):
    """Guard: "Kellan’s" beside "Kellan" elsewhere is the possessive, however
    the parser reads it."""
    x = run(
        "Sales of Kellan’s and Varda’s new drugs rose in May. Kellan said demand "
        "was strong, and Varda said the same."
    )
    assert not {"Kellan’s", "Varda’s"} & {e.name for e in x.entities}
