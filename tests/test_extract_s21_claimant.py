"""Who said it (session 21): a pronoun speaker agrees with its antecedent, and what
tells a person's gender is read only where it can: not from a pronoun that speaks
of the person ("Odeh's plan is slow, she said"), nor from one after the person is
only quoted, nor past another person's noun. Invented sentences and names; the
trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction
from kb.text.quotes import find_quotes


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_with(x: Extraction, words: str) -> Claim:
    return next(c for c in x.claims if words in c.statement)


GENDER = {
    "a pronoun that reports on a person is someone else": (
        "Kellan Varda spoke to the bankers on Monday. "
        "Sami Odeh's plan was far too slow, she said. "
        "Sami Odeh met the unions on Friday. "
        "“We will not wait for the banks,” he said.",
        "We will not wait",
        "Sami Odeh",
    ),
    "the speaker of a quote is not the person the quote names": (
        "Sami Odeh said the talks would be short. "
        "“Kellan Varda and I get along well,” he said. "
        "Kellan Varda said the banks must share the cost. "
        "She said there was no plan without the money.",
        "no plan without the money",
        "Kellan Varda",
    ),
    "a pronoun after another person's noun is that person's": (
        "Kellan Varda accused the chief negotiator of softening his stand. "
        "Varda said the banks must pay half of the gap. "
        "She said the plan would fail without the money.",
        "the plan would fail",
        "Kellan Varda",
    ),
    "the object of a person's own verb is someone else": (
        "Kellan Varda scolded him in the council chamber on Monday. "
        "Varda said the budget would not pass this year. "
        "She said the schools would close in the spring.",
        "schools would close",
        "Kellan Varda",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "speaker"), GENDER.values(), ids=GENDER.keys()
)
def test_a_pronoun_speaker_agrees_with_what_the_text_tells(run, text, words, speaker):
    x = run(text)
    assert _speaker(x, _claim_with(x, words)) == speaker


# Paragraphs of one quote run together in a line: each reopening straight mark
# stands after a sentence's end and closes nothing.
RUN_TOGETHER = (
    'Kellan Varda said: "We were poor tonight. "The team is tired. '
    'We will be better in Porto." '
    "But the rival coach Tomas Brandt was not pleased either. "
    'He said: "We should have scored five goals."'
)


def test_a_quote_whose_paragraphs_run_together_is_one_quote():
    spans = find_quotes(RUN_TOGETHER)
    quoted = [RUN_TOGETHER[a:b] for a, b in spans]
    assert quoted[0].startswith("We were poor") and quoted[0].endswith("in Porto.")
    assert quoted[1] == "We should have scored five goals."
    # guards: a closing mark after a word or a stop still closes
    assert find_quotes('He said "no." Then "yes," she said.') == [(9, 12), (20, 24)]


@pytest.mark.slow
def test_the_speaker_after_a_run_together_quote_is_the_one_named_outside_it(run):
    x = run(RUN_TOGETHER)
    assert _speaker(x, _claim_with(x, "scored five goals")) == "Tomas Brandt"
    assert _speaker(x, _claim_with(x, "poor tonight")) == "Kellan Varda"


IT = {
    "it is a name the tagger did not know that spoke before": (
        "Porto will offer its creditors a new pricing plan, the Market Day "
        "newspaper said on Sunday.\n\n"
        "Quoting documents sent to the banks, Market Day said the bonds will "
        "mature in five years.\n\n"
        "It said the bonds will carry no interest and will be sold at a discount.",
        "carry no interest",
        "Market Day",
    ),
    # a guard, passing on the old code too: "it" is no unnamed person
    "it is not a person the article does not name": (
        "The Varda Water Board said the reservoir would close in May. "
        "A senior official said the work would take a year. "
        "It said the ferries would stop for the summer.",
        "ferries would stop",
        "Varda Water Board",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "words", "speaker"), IT.values(), ids=IT.keys())
def test_it_goes_back_to_an_organisation_or_a_name_that_spoke(
    run, text, words, speaker
):
    x = run(text)
    assert _speaker(x, _claim_with(x, words)) == speaker


NESTED = {
    "a quoted pledge inside what a speaker adds is the speaker's": (
        "Education Secretary Tomas Brandt said schools needed more money. "
        "He added the government had originally pledged “for every pupil to get "
        "at least two hours of sport” a week.",
        "two hours of sport",
        "Tomas Brandt",
    ),
    "a view told of before a cue set off by a comma is the teller's": (
        "Many employers do not know what they pay for each drug, said Tomas "
        "Brandt, chief strategy officer of the Varda Business Group. That’s "
        "leading companies to think it makes more sense for workers to get the "
        "drugs on their own, he added.",
        "more sense for workers",
        "Tomas Brandt",
    ),
    # a guard, passing on the old code too: a line introduced with a comma is
    # the words of the one who spoke it
    "a spoken line relayed by another speaker stays its speaker's": (
        "Maria Lopez said the minister told reporters, “We will not raise taxes "
        "this year.”",
        "raise taxes",
        "minister",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "speaker"), NESTED.values(), ids=NESTED.keys()
)
def test_what_a_speaker_reports_of_others_is_the_speakers_claim(
    run, text, words, speaker
):
    x = run(text)
    assert _speaker(x, _claim_with(x, words)) == speaker


@pytest.mark.slow
def test_a_speaker_set_off_at_the_end_of_a_long_sentence_speaks(run):
    x = run(
        "Porto's jobless rate is expected to climb to about 3.5 pct within the "
        "next year from January's three pct record, senior economists, including "
        "Kellan Varda of Varda Bank of Porto, said."
    )
    claim = _claim_with(x, "jobless rate")
    assert _speaker(x, claim) == "senior economists"
    assert "Varda" not in claim.statement


ASKED = {
    "a pronoun is not someone named in the question put to it": (
        "Actress Kellan Varda said she would campaign for the senator this spring. "
        "Asked whether she would vote for Maria Lopez if Lopez ran against Tomas "
        "Brandt, she replied: “I really do not know yet.”",
        "do not know yet",
        "Kellan Varda",
    ),
    "a description after a pronoun goes on with whom the pronoun stands for": (
        "Actress Kellan Varda spoke to Porto radio on Monday. "
        "Asked whether Maria Lopez would win, she replied: “I do not know.” "
        "“Really,” she added when the host laughed. "
        "The actress said she was tired of the old parties.",
        "tired of the old parties",
        "Kellan Varda",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "words", "speaker"), ASKED.values(), ids=ASKED.keys())
def test_the_one_asked_speaks(run, text, words, speaker):
    x = run(text)
    assert speaker in _speaker(x, _claim_with(x, words))  # "Actress Kellan Varda"


@pytest.mark.slow
def test_a_speaker_whose_quote_names_her_keeps_it_without_another_woman(run):
    x = run(
        "Tennis great Maria Lopez watched the final between Kellan Varda and "
        "Tomas Brandt on Sunday. Varda told a TV reporter that he was feeling a "
        "lot of emotion. Lopez remembered the boxer as fun to be around.\n\n"
        "“He always whispered in my ear, ‘Maria Lopez, you are the Queen,’” she said."
    )
    assert _speaker(x, _claim_with(x, "whispered in my ear")) == "Maria Lopez"


@pytest.mark.slow
def test_a_one_word_answer_and_a_question_put_are_no_claims(run):
    x = run(
        "Reporter Maria Lopez met the source in Porto.\n\n"
        "The source answered, “Correct.”\n\n"
        "“That is a big allegation,” inquired Lopez.\n\n"
        "“The drivers are told to raise the price on the day,” the source said."
    )
    assert [c.statement.rstrip(",") for c in x.claims] == [
        "The drivers are told to raise the price on the day"
    ]
