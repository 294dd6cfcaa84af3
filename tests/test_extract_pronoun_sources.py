"""Who a pronoun speaker stands for ("she said", "they argued", "it says"): the
subject of the closest sentence that names someone fitting, through earlier
pronouns and descriptions. Sentences invented for these tests; needs the trained
English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


def test_she_goes_on_through_her_earlier_sentence_past_the_people_she_named(run):
    x = run(
        "Senator Maria Lopez spoke in Dayton on Monday. She said the vote would be "
        "close and warned that support for Tom Berg and Paul Hart was rising.\n\n"
        "“We need every volunteer we can find,” she said."
    )
    assert _speaker(x, _claim_with(x, "every volunteer")) == "Maria Lopez"


def test_he_goes_back_to_the_subject_not_to_a_name_in_a_clause(run):
    x = run(
        "Tom Berg took questions in Akron on Monday. Though the tour went well, he "
        "said, a recount could still favour allies of Paul Hart and Ed Stone.\n\n"
        "“This race is not over,” he said."
    )
    assert _speaker(x, _claim_with(x, "not over")) == "Tom Berg"


def test_they_is_the_group_that_was_the_subject_not_a_later_organisation(run):
    x = run(
        "Nurses at the clinic met managers from Acme Health on Friday. They said "
        "the new rota was unsafe for patients on night wards."
    )
    speaker = _speaker(x, _claim_with(x, "rota was unsafe"))
    assert speaker != "Acme Health"
    assert "nurses" in speaker.lower()


def test_they_after_two_people_named_together_is_the_first_of_them(run):
    x = run(
        "Maria Lopez and Tom Berg wrote to the Finance Ministry on Tuesday.\n\n"
        "The fund has grown far too fast for its own good, they said."
    )
    assert _speaker(x, _claim_with(x, "grown far too fast")) == "Maria Lopez"


def test_they_in_its_own_sentence_is_that_sentences_subject(run):
    x = run(
        "Critics, including the Harbour Trust, have urged the Port Authority to "
        "drop the plan, although they say some of its changes are welcome."
    )
    speaker = _speaker(x, _claim_with(x, "changes are welcome"))
    assert speaker not in ("Port Authority", "Harbour Trust")
    assert "critics" in speaker.lower()


def test_it_is_the_organisation_that_was_the_subject(run):
    x = run(
        "The Harbour Authority is suing Acme Shipping Ltd over the oil spill. But it "
        "says talks with the insurers can go on until the end of the month."
    )
    assert _speaker(x, _claim_with(x, "talks with the insurers")) == (
        "Harbour Authority"
    )


def test_a_description_as_subject_continues_the_person_before_it(run):
    x = run(
        "Tom Berg campaigned in Toledo on Monday. The Republican nominee also "
        "praised Paula Hart, the mayor who hosted him.\n\n"
        "He said the state would decide the race in November."
    )
    assert _speaker(x, _claim_with(x, "decide the race")) == "Tom Berg"


def test_a_description_that_names_no_one_speaks_for_the_person_before_it(run):
    x = run(
        "Tom Berg toured a steel plant in Toledo on Thursday. The Republican "
        "nominee noted on Friday that his campaign had barely spent anything on "
        "television so far."
    )
    claim = _claim_with(x, "barely spent")
    assert _speaker(x, claim) == "Tom Berg"
    berg = next(e for e in x.entities if e.name == "Tom Berg")
    assert "Republican nominee" in berg.roles
    assert "Republican nominee" not in berg.aliases


def test_a_speaker_named_far_back_is_still_found(run):
    filler = " ".join(
        f"The river rose by {n} centimetres overnight." for n in range(14)
    )
    x = run(
        f"Senator Maria Lopez visited the valley on Monday. {filler}\n\n"
        "The levees will hold until the spring, she said."
    )
    assert _speaker(x, _claim_with(x, "levees will hold")) == "Maria Lopez"


def test_in_its_own_sentence_a_pronoun_is_the_subject_not_the_latest_name(run):
    x = run(
        "Ed Stone wore a cap with Tom Berg's name on it as he told reporters that "
        "the campaign was stronger than ever."
    )
    assert _speaker(x, _claim_with(x, "stronger than ever")) == "Ed Stone"


def test_they_is_not_the_subject_of_what_they_report(run):
    """ "Heavy rains are expected to continue, they added": "they" are the speakers
    of the sentence before, not the rains."""
    x = run(
        "Police said two men were held. Heavy rains are expected to continue, they added."
    )
    assert {_speaker(x, c) for c in x.claims} == {"Police"}


def test_they_is_not_a_name_inside_what_they_report(run):
    """ "Depots of the Water Board may close, they added": the speakers of the
    sentence before, not a body named in what they report."""
    x = run(
        "Forecasters said snow would fall on Friday. Depots of the Kellan Water "
        "Board may close, they added."
    )
    assert "Kellan Water Board" not in {_speaker(x, c) for c in x.claims}
