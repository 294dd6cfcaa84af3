"""Where a claim's content starts and ends on real news' forms: what the parser
hangs on the cue after the reported clause, an object's complements, a quote
opened by the writer's words after its cue; and beliefs held as "sees X as Y",
labels in capitals and headlines. Sentences and names invented for these tests;
needs the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction

pytestmark = pytest.mark.slow


def _speaker(x: Extraction, claim: Claim) -> str:
    return next(e.name for e in x.entities if e.key == claim.claimant)


def _claim_by(x: Extraction, cue: str) -> Claim:
    return next(c for c in x.claims if c.cue is not None and c.cue.text == cue)


def _one_claim(run, sentence):
    """The extraction of ``sentence`` and its only claim."""
    x = run(sentence)
    (claim,) = x.claims
    return x, claim


@pytest.mark.parametrize(
    ("sentence", "ends"),
    [
        (
            "Rep. Tom Vell said he would be honored to serve should the chance "
            "present itself.",
            "should the chance present itself",
        ),
        (
            "Governor Maria Delgado said the state must secure its ports, but that "
            "she would not support mass layoffs.",
            "would not support mass layoffs",
        ),
        (
            "Tom Vell said he will back whoever the party picks, but beyond that, he "
            "does not want to be involved in the race.",
            "involved in the race",
        ),
    ],
)
def test_a_reported_clause_goes_on_past_what_the_parser_hangs_on_the_cue(
    run, sentence, ends
):
    x = run(sentence)
    claim = _claim_by(x, "said")
    assert claim.statement.endswith(ends)


def test_another_speakers_cue_joined_after_the_clause_is_not_content(run):
    x = run(
        "Governor Maria Delgado said the port would reopen in May, and Tom Vell "
        "said it would take a year."
    )
    first = next(c for c in x.claims if _speaker(x, c) == "Maria Delgado")
    assert "Tom Vell" not in first.statement
    assert first.statement.endswith("reopen in May")


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Senator Maria Delgado criticized Tom Vell on Monday over his muddled "
            "stance on taxes.",
            "Tom Vell on Monday over his muddled stance on taxes",
        ),
        (
            "Senator Maria Delgado has called for the mayor to release the "
            "transcripts of his paid speeches.",
            "the mayor to release the transcripts of his paid speeches",
        ),
        (
            "Senator Maria Delgado praised the new harbour master at a press "
            "conference in Springfield on Monday.",
            "the new harbour master",
        ),
        (
            "Senator Maria Delgado described the harbour plan as a costly mistake.",
            "the harbour plan as a costly mistake",
        ),
        (
            "Senator Maria Delgado announced a new plan to rebuild the harbour.",
            "a new plan to rebuild the harbour",
        ),
        (
            "Senator Maria Delgado thanked the volunteers for their work.",
            "the volunteers for their work",
        ),
    ],
)
def test_an_objects_complements_are_what_is_said(run, sentence, said):
    x, claim = _one_claim(run, sentence)
    assert claim.statement == said


@pytest.mark.parametrize(
    ("sentence", "starts"),
    [
        (
            "Maria Delgado said the goal was not to “make the city great again” but "
            "to “make the city whole again.”",
            "the goal was not",
        ),
        (
            "Senator Maria Delgado argued that Tom Vell has “got to come a long way” "
            "on ethanol, because “oil pays him a lot of money. He has got to be for "
            "oil, right?”",
            "Tom Vell has",
        ),
    ],
)
def test_a_quote_opened_by_the_writers_words_after_its_cue_starts_with_them(
    run, sentence, starts
):
    x, claim = _one_claim(run, sentence)
    assert claim.statement.startswith(starts)


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Maria Delgado sees Tom Vell as a uniter.", "Tom Vell as a uniter"),
        (
            "Senator Maria Delgado regards the river as the city's true border.",
            "the river as the city's true border",
        ),
        (
            "Senator Maria Delgado considers the deal unfair to farmers.",
            "the deal unfair to farmers",
        ),
    ],
)
def test_seeing_something_as_something_is_a_belief(run, sentence, held):
    x, claim = _one_claim(run, sentence)
    assert claim.attribution == "belief"
    assert claim.statement == held
    assert _speaker(x, claim) == "Maria Delgado"


@pytest.mark.parametrize(
    "sentence",
    [
        "Maria Delgado saw the film twice.",
        "Senator Maria Delgado does not see the plan as a threat.",
        "The plan is seen as a trap by many.",
    ],
)
def test_seeing_alone_negated_or_passive_is_no_belief(run, sentence):
    x = run(sentence)
    assert not [c for c in x.claims if c.attribution == "belief"]


def test_a_transcript_label_in_capitals_is_the_person_named_before(run):
    x = run(
        "Maria Delgado, the station's host, interviewed the mayor on Sunday.\n\n"
        "DELGADO: Do you think the harbour plan will pass this year?\n\n"
        "The mayor did not answer at once."
    )
    claim = next(c for c in x.claims if c.statement.startswith("Do you think"))
    assert _speaker(x, claim) == "Maria Delgado"


def test_a_label_in_capitals_that_names_no_one_before_is_no_speaker(run):
    x = run("Maria Delgado spoke on Sunday.\n\nMODERATOR: Will the harbour plan pass?")
    assert not [c for c in x.claims if c.statement.startswith("Will the")]


def test_a_headline_whose_second_half_is_its_own_verb_is_no_claim(run):
    text = "Senator Maria Delgado spoke for an hour on Monday."
    x = run(f"Maria Delgado Wades In: Backs Harbour Plan for Springfield.\n\n{text}")
    assert not x.claims
    x = run(f"Maria Delgado Wades In: Harbour Plan for Springfield Is Sound.\n\n{text}")
    assert [c.statement for c in x.claims] == ["Harbour Plan for Springfield Is Sound"]


def test_a_reported_clause_stops_before_a_clause_with_a_cue_of_its_own(run):
    x = run(
        "Senator Maria Delgado said she would meet the mayor, although she wrote "
        "that she rejects his latest remarks."
    )
    first = next(c for c in x.claims if c.cue is not None and c.cue.text == "said")
    assert first.statement == "she would meet the mayor"


def test_questioning_someone_about_something_is_no_statement(run):
    x = run("Senator Maria Delgado questioned Tom Vell about that position.")
    assert not x.claims


def test_a_headline_label_speaks_for_the_first_person_in_it(run):
    x = run(
        "Senator Maria Delgado at the summit: the city must cut its debt by half.\n\n"
        "She spoke for an hour."
    )
    claim = next(c for c in x.claims if c.statement.startswith("the city must"))
    assert _speaker(x, claim) == "Maria Delgado"


def test_a_quote_resumed_after_a_no_break_space(run):
    x = run(
        "“Let us boil it down to the essentials,” Maria Delgado continued. \u00a0“I "
        "have met the mayor more than once, and I am disturbed by his plan.”"
    )
    (claim,) = x.claims
    assert len(claim.content_spans()) == 2


def test_another_speakers_cue_inside_the_clause_is_a_claim_of_its_own(run):
    x = run(
        "Most voters said Maria Delgado is honest, and three-quarters of them said "
        "the same of Tom Vell."
    )
    first = x.claims[0]
    assert first.statement == "Maria Delgado is honest"


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Senator Maria Delgado said she did not want to think about the race and "
            "predicted that Tom Vell will win.",
            "she did not want to think about the race",
            "Tom Vell will win",
        ),
        (
            "Senator Maria Delgado insisted that she has “grown the party,” claiming "
            "that she is responsible for the higher turnout.",
            # the closing mark after the comma closes the one the clause opens
            "she has “grown the party,”",
            "she is responsible for the higher turnout",
        ),
    ],
)
def test_the_speakers_next_act_after_the_clause_is_a_claim_of_its_own(
    run, sentence, first, second
):
    x = run(sentence)
    assert [c.statement for c in x.claims] == [first, second]
    assert {_speaker(x, c) for c in x.claims} == {"Maria Delgado"}


def test_a_cue_in_the_next_sentence_does_not_take_a_quote_its_own_cue_reports(run):
    x = run(
        "Ana Morris ran the office for years.\n\nMorris says the campaign will seek "
        "federal funds and will “compete hard for the nomination.” The move was "
        "first reported by Channel Nine."
    )
    claim = next(c for c in x.claims if "federal funds" in c.statement)
    assert _speaker(x, claim) == "Ana Morris"
    assert claim.statement.startswith("the campaign will seek")


def test_describing_a_scene_is_no_statement(run):
    x = run("Senator Maria Delgado described the scene at the harbour in detail.")
    assert not x.claims


def test_quotes_after_what_a_cue_reports_in_its_sentence_are_the_rest_of_it(run):
    x = run(
        "Senator Maria Delgado called it a “fundamental mistake,” made by some "
        "“respected voices,” who are “just flatly wrong – and they will live to "
        "regret it.”"
    )
    (claim,) = x.claims
    assert claim.statement.startswith("it a “fundamental mistake")
    assert claim.statement.endswith("live to regret it.")


def test_a_first_person_belief_in_a_quote_is_no_claim_of_its_own(run):
    x = run(
        "Maria Delgado spoke on Monday. She told a rally that the city “is "
        "broke, and I think the harbour plan will fail because of it.”"
    )
    assert not [c for c in x.claims if c.attribution == "belief"]


def test_a_transcript_paragraph_is_the_speakers_with_its_i_think(run):
    x = run(
        "Maria Delgado, the station's host, interviewed Mayor Tom Vell on Sunday.\n\n"
        "VELL: I think the harbour plan will pass, and we all need to back it.\n\n"
        "The interview ran for an hour."
    )
    claim = next(c for c in x.claims if "harbour plan" in c.statement)
    assert claim.statement.startswith("I think the harbour plan will pass")
    assert _speaker(x, claim) == "Tom Vell"


@pytest.mark.parametrize(
    ("headline", "said", "kind"),
    [
        (
            "Maria Delgado Says Harbour Plan Will Cost Jobs.",
            "Harbour Plan Will Cost Jobs",
            "statement",
        ),
        (
            "Delgado Thinks The Harbour Plan Is Doomed.",
            "The Harbour Plan Is Doomed",
            "belief",
        ),
    ],
)
def test_a_title_case_headline_says_who_said_what(run, headline, said, kind):
    x = run(f"{headline}\n\nSenator Maria Delgado spoke on Monday in Springfield.")
    (claim,) = x.claims
    assert (claim.statement, claim.attribution) == (said, kind)
    assert _speaker(x, claim) == "Maria Delgado"


def test_a_question_in_reported_speech_is_its_askers(run):
    x = run(
        "Senator Maria Delgado asked whether the harbour plan would pass this year."
    )
    (claim,) = x.claims
    assert claim.statement == "whether the harbour plan would pass this year"
    assert _speaker(x, claim) == "Maria Delgado"


def test_being_asked_is_no_question(run):
    x = run("Senator Maria Delgado was asked whether the harbour plan would pass.")
    assert not x.claims


def test_asking_someone_to_act_is_a_request_not_a_question(run):
    # a request is a statement of what the asker wants done (see
    # test_extract_s15_attr.py), never a question
    x = run("Senator Maria Delgado asked Tom Vell to leave the room.")
    assert [c.statement for c in x.claims] == ["Tom Vell to leave the room"]


def test_according_to_in_the_middle_leaves_both_sides_as_the_content(run):
    x = run(
        "At the heart of the trouble, according to Senator Maria Delgado, was a "
        "decision by the mayor to sell the harbour."
    )
    (claim,) = x.claims
    text = x.article.text
    pieces = [text[s.start : s.end] for s in claim.content_spans()]
    assert pieces == [
        "At the heart of the trouble",
        "was a decision by the mayor to sell the harbour",
    ]
