"""Who a document speaks for, session 25: the body that issued it when the
article names it (in the document's own phrase, before it or after it), never
whoever merely saw or dismissed it; a described source that neither speaks nor
acts is no actor. Things named like bodies ("the Orlen jet") stay things; a
body's name cut at the "in" of its field is one name; joined portfolios make one
role. Sentences invented here (``run``: conftest)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.claim_cases import LEAD


def _claimant_of(x: Extraction, words: str) -> set[str]:
    """The names of the claimant of the claim whose statement holds ``words``."""
    found = [c for c in x.claims if words in c.statement]
    assert found, [c.statement for c in x.claims]
    by_key = {e.key: e for e in x.entities}
    speaker = by_key[found[0].claimant]
    return {speaker.name, *speaker.aliases}


def _actor_names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.actor_kind is not None}


def _roles_of(x: Extraction, name: str) -> tuple[str, ...]:
    return next(e.roles for e in x.entities if e.name == name)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "issuer"),
    [
        # the issuer named after the first mention: the next mention names it
        pytest.param(
            "The city overpaid 8 million dollars for a bridge in Kestrin, a new "
            "federal audit said.\n\nThe builders were paid twice, says the audit "
            "by the Velmora Audit Office.\n\nThe bridge may never open, the "
            "audit said.",
            "overpaid 8 million dollars",
            "Velmora Audit Office",
            id="issuer-named-at-the-next-mention",
        ),
        # "Friday's statement": the statement met before, from the governor
        pytest.param(
            "The grant will rebuild 300 schools, Governor Anna Kovalik said in a "
            "statement on Friday.\n\nThe region may still get 2 billion "
            "dollars from other funds, according to Friday's statement.",
            "2 billion dollars",
            "Anna Kovalik",
            id="a-dated-statement-met-before",
        ),
        # who filed the records, not the records
        pytest.param(
            "Newly released records filed last year by the Velmora Police Department "
            "say Tomas Brandt may have warned the gunman.",
            "may have warned the gunman",
            "Velmora Police Department",
            id="records-filed-by",
        ),
        pytest.param(
            "The lawsuit, filed by Tomas Brandt in a Kestrin court, alleges that the "
            "bank hid its losses for years.",
            "hid its losses",
            "Tomas Brandt",
            id="a-lawsuit-filed-by",
        ),
        # a judge who dismissed the suit did not bring it: the families who sued
        pytest.param(
            "Families of the miners sued Varda Mining in March. A judge dismissed the "
            "lawsuit on Monday.\n\nThe lawsuit alleged that the company ignored "
            "warnings about the roof of the tunnel.",
            "ignored warnings",
            "Families",
            id="the-suit-of-those-who-sued",
        ),
        # guards: an issuer named before, and a poll's commissioner
        pytest.param(
            "The Kestrin Institute published a report on Monday. The report said "
            "wages fell by 3 percent.",
            "wages fell",
            "Kestrin Institute",
            id="guard-published-before",
        ),
        pytest.param(
            "A poll commissioned by the Velmora Herald found that 60 percent of "
            "voters backed the plan.",
            "60 percent",
            "Velmora Herald",
            id="guard-commissioned-by",
        ),
    ],
)
def test_a_document_speaks_for_its_named_issuer(
    run, text: str, words: str, issuer: str
) -> None:
    x = run(LEAD + text)
    assert issuer in _claimant_of(x, words)
    documents = {"audit", "statement", "records", "lawsuit"}
    assert not any(name.split()[-1].lower() in documents for name in _actor_names(x)), (
        _actor_names(x)
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "other"),
    [
        pytest.param(
            "The memo, seen by the Velmora Herald, says the mayor took bribes from "
            "the builders.",
            "took bribes",
            "Velmora Herald",
            id="who-saw-it",
        ),
        pytest.param(
            "The judge cited the letter on Monday. The letter said he would get a "
            "hearing in Velmora.",
            "get a hearing",
            "judge",
            id="who-cited-it",
        ),
        # guard: a second ruling, which the court issued, is another one
        pytest.param(
            "The ruling said the law was void.\n\nA second ruling by the Velmora "
            "High Court upheld the ban on Monday.",
            "the law was void",
            "Velmora High Court",
            id="guard-a-second-ruling",
        ),
        # guard: a dated study by someone, later, is another study too
        pytest.param(
            "The study found that turnout in Velmora fell by 9 percent.\n\nA 2019 "
            "study by the Kestrin Institute found that fraud was rare.",
            "turnout in Velmora fell",
            "Kestrin Institute",
            id="guard-a-later-dated-study",
        ),
    ],
)
def test_who_did_not_issue_a_document(run, text: str, words: str, other: str) -> None:
    assert other not in _claimant_of(run(LEAD + text), words)


@pytest.mark.slow
def test_a_document_whose_claim_went_elsewhere_is_no_actor(run) -> None:
    """The nurses speak; the report they cite speaks for no one here, and is
    neither an actor nor what the claim is about."""
    x = run(LEAD + "Nurses say the ward in Velmora is full, according to the report.")
    assert "Nurses" in _claimant_of(x, "the ward in Velmora is full")
    assert "report" not in _actor_names(x)
    assert not any("report" in k for c in x.claims for k in c.about)


# guards: a separate report is not the one before, and a document with no issuer
# named anywhere still speaks (as the attribution corpora count it)
@pytest.mark.slow
def test_guard_a_separate_report_is_not_the_first(run) -> None:
    x = run(
        LEAD + "A report by the Kestrin Institute said wages fell by 2 percent. A "
        "separate report said rents rose by 9 percent."
    )
    assert "Kestrin Institute" in _claimant_of(x, "wages fell")
    assert "Kestrin Institute" not in _claimant_of(x, "rents rose")


@pytest.mark.slow
def test_guard_a_document_with_no_issuer_named_still_speaks(run) -> None:
    x = run(LEAD + "The report said wages fell by 3 percent in Velmora.")
    assert "report" in _claimant_of(x, "wages fell")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "acts"),
    [
        pytest.param(
            "The Velmora Falcon jet crashed on Monday. Velmora Falcon production was "
            "halted, Dario Fenn said.",
            "Velmora Falcon",
            False,
            id="a-jet-named-once-with-its-noun",
        ),
        pytest.param(
            "Fans in Velmora queued for the film Starforge Legends. Tickets for "
            "Starforge Legends sold out in a week, Varda Pictures said.",
            "Starforge Legends",
            False,
            id="a-film-named-once-with-its-noun",
        ),
        # guards: a maker named before its products stays an actor
        pytest.param(
            "Kestrin Motors cars are popular in Velmora. Kestrin Motors said sales "
            "rose by 9 percent.",
            "Kestrin Motors",
            True,
            id="guard-a-firm-with-its-form",
        ),
        pytest.param(
            "Kestrin Airlines jets were grounded on Monday. Kestrin Airlines said the "
            "engines were safe.",
            "Kestrin Airlines",
            True,
            id="guard-an-airline-and-its-jets",
        ),
    ],
)
def test_a_thing_named_with_its_noun_once_is_no_actor(
    run, text: str, name: str, acts: bool
) -> None:
    assert (name in _actor_names(run(LEAD + text))) is acts


@pytest.mark.slow
def test_a_body_named_for_its_field_is_one_name(run) -> None:
    x = run(
        LEAD + "The Centre for Research in Security Studies said 200 soldiers died."
    )
    assert "Centre for Research in Security Studies" in _actor_names(x)


@pytest.mark.slow
def test_guard_a_body_in_a_place_is_cut_before_the_place(run) -> None:
    x = run(LEAD + "The Ministry of Health in Velmora said 30 people had died.")
    assert "Ministry of Health" in _actor_names(x)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "Finance and Petroleum Minister Sheikh Omar Haddad said on Monday that "
            "oil output would rise.",
            "Omar Haddad",
            "Finance and Petroleum Minister",
            id="joined-portfolios-and-a-style",
        ),
        pytest.param(
            "Energy and Water Minister Anna Kovalik said supplies in Velmora were "
            "safe.",
            "Anna Kovalik",
            "Energy and Water Minister",
            id="joined-portfolios",
        ),
        pytest.param(
            "Foreign Secretary Sir Tomas Brandt said the embassy would reopen.",
            "Tomas Brandt",
            "Foreign Secretary",
            id="guard-a-style-after-the-role",
        ),
        pytest.param(
            "Interior Minister Anna Kovalik said the border would close.",
            "Anna Kovalik",
            "Interior Minister",
            id="guard-one-portfolio",
        ),
    ],
)
def test_the_role_before_a_name(run, text: str, name: str, role: str) -> None:
    assert role in _roles_of(run(LEAD + text), name)


@pytest.mark.slow
def test_guard_two_people_joined_by_and_keep_their_own_roles(run) -> None:
    x = run(
        LEAD + "Anna Kovalik and Finance Minister Dario Fenn said the budget passed."
    )
    assert _roles_of(x, "Anna Kovalik") == ()
    assert "Finance Minister" in _roles_of(x, "Dario Fenn")
