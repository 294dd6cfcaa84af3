"""Attribution recall: quotes that go on past their attribution, quote marks
paired by paragraph, speakers the article describes only where they speak, reported
clauses in relative clauses, requests, documents that speak. Sentences and names
invented for these tests; they need the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim, Extraction
from kb.text.quotes import find_quotes
from tests.test_extract_s14_attr import _claims, _speaker

pytestmark = pytest.mark.slow


def _pieces(x: Extraction, claim: Claim) -> list[str]:
    return [s.text for s in claim.content_spans()]


_WON = "Kellan Orlen won the vote in Tarsk.\n\n"


def test_mixed_quote_marks_pair_mark_by_mark():
    # a typographic opening mark closed by a straight one, then a straight pair
    text = '“We won," she said. "We will win again.”'
    assert [text[a:b] for a, b in find_quotes(text)] == [
        "We won,",
        "We will win again.",
    ]


def test_quote_with_mixed_marks_goes_on_after_its_attribution(run):
    x = run(
        _WON + "“We have won tonight, and we will win again,” he said. “Not since "
        'the old days have we seen this. I would bring back the old rules."'
    )
    (claim,) = x.claims
    assert _pieces(x, claim) == [
        "We have won tonight, and we will win again,",
        "Not since the old days have we seen this. I would bring back the old rules.",
    ]


def test_quote_goes_on_after_an_attribution_ending_in_a_quoted_title(run):
    x = run(
        _WON + "“We have won tonight, and we will win again,” Orlen said in an "
        "interview on the radio show “Morning Talk.” “Not since the old days have "
        "we seen this.”"
    )
    (claim,) = x.claims
    assert _pieces(x, claim)[-1] == "Not since the old days have we seen this."


def test_quote_goes_on_past_the_speakers_relative_clause(run):
    x = run(
        _WON + '"We have won tonight, and we will win again," said Kellan Orlen, '
        'who noted that the town had waited for years. "Not since the old days '
        'have we seen this."'
    )
    said, noted = x.claims
    assert _pieces(x, said)[-1] == "Not since the old days have we seen this."
    assert noted.statement == "the town had waited for years"


def test_quote_goes_on_past_a_participle_of_the_speaker(run):
    x = run(
        _WON + "“We have won tonight,” Orlen said, adding that the count was fair. "
        "“Not since the old days have we seen this.”"
    )
    said = next(c for c in x.claims if c.cue is not None and c.cue.text == "said")
    assert _pieces(x, said)[-1] == "Not since the old days have we seen this."


def test_reported_clause_inside_a_relative_clause(run):
    x = run(
        "Maria Lopez backed a rule change that she said would make it harder to "
        "close the port."
    )
    assert _claims(x) == [("Maria Lopez", "would make it harder to close the port")]


def test_those_described_after_speak(run):
    x = run("By a wide margin, those surveyed say the city should build more homes.")
    assert _claims(x) == [("those surveyed", "the city should build more homes")]
    x = run("Those who back her rivals say the scandal has hurt the Varda brand.")
    assert _claims(x) == [
        ("Those who back her rivals", "the scandal has hurt the Varda brand")
    ]


def test_share_out_of_ten_speaks(run):
    x = run("Nearly nine out of 10 say they will need new skills.")
    assert _claims(x) == [("nine out of 10", "they will need new skills")]


def test_parenthetical_cue_of_a_described_group(run):
    x = run(
        "The shortage of nurses, tech executives say, has slowed the rollout of "
        "the new system."
    )
    (claim,) = x.claims
    assert _speaker(x, claim) == "tech executives"
    assert _pieces(x, claim) == [
        "The shortage of nurses",
        "has slowed the rollout of the new system",
    ]


def test_a_request_is_a_statement(run):
    x = run("Maria Lopez asked the council to delay the vote until June.")
    assert _claims(x) == [("Maria Lopez", "the council to delay the vote until June")]
    x = run("The dockers' union asked to see the budget before the talks.")
    assert [what for _, what in _claims(x)] == ["to see the budget before the talks"]


def test_no_request_when_asked_in_the_passive(run):
    # guard: whoever asked is not the subject
    assert run("Maria Lopez was asked to leave the hall.").claims == ()


def test_a_short_name_given_is_a_statement(run):
    x = run("Maria Lopez spoke on Monday. She called him divisive.")
    assert _claims(x) == [("Maria Lopez", "him divisive")]


def test_according_to_sources(run):
    x = run("Kellan Orlen sometimes changed the reports, according to the sources.")
    assert _claims(x) == [("sources", "Kellan Orlen sometimes changed the reports")]


def test_one_described_person_speaks(run):
    x = run('"The market is close to its peak," said one longtime trader in Varda.')
    assert _claims(x) == [("longtime trader", "The market is close to its peak")]


def test_a_short_quote_introduced_by_a_cue_and_comma(run):
    x = run(
        'Kellan Orlen, the party\'s chairman, told the radio station simply, "We lost."'
    )
    assert _claims(x) == [("Kellan Orlen", "We lost.")]


def test_no_quote_for_a_quoted_word(run):
    # guard: a word in quotes that no cue introduces says nothing
    assert (
        run('The word "freedom" appears in the title of the book she wrote.').claims
        == ()
    )


def test_a_request_inside_what_was_said_is_no_claim_of_its_own(run):
    # guard: the request is part of what he said; the union is no speaker
    x = run(
        "Kellan Orlen spoke on Monday. He said the union would ask the council to "
        "delay the vote."
    )
    assert [e.name for e in x.entities] == ["Kellan Orlen"]
    assert [c.statement for c in x.claims] == [
        "the union would ask the council to delay the vote"
    ]


def test_a_statement_saying_is_its_issuers(run):
    x = run("Maria Lopez issued a statement saying the plant would close in June.")
    assert _claims(x) == [("Maria Lopez", "the plant would close in June")]
    x = run("The dockers' union released a letter saying its members would strike.")
    assert [who for who, _ in _claims(x)] == ["dockers' union"]


def test_a_pronoun_after_an_unnamed_person_tells_nothing_of_the_named_one(run):
    # "he" after "the mayor" is the mayor's: it does not make Maria Lopez a man,
    # so the "she" of her quote still finds her
    x = run(
        "Maria Lopez won the vote in Tarsk.\n\n"
        "Lopez's team removed the mayor of Varda from its board after he suggested "
        "closing the port.\n\n"
        "On Wednesday, Lopez attacked the plan. She wrote to voters, saying the "
        "plan was wrong.\n\n"
        "“Now is the time for all of us to stand up to cruel words,” she said."
    )
    said = [c for c in x.claims if c.cue is not None and c.cue.text == "said"]
    assert [_speaker(x, c) for c in said] == ["Maria Lopez"]


def test_a_whole_sentence_quoted_right_after_its_cue(run):
    x = run("Maria Lopez shook her head and said ''No.''")
    assert _claims(x) == [("Maria Lopez", "No.")]


def test_a_shout_of_a_described_person(run):
    # the parser takes the quoted command for the verb's complement
    x = run("When Maria Lopez said it was good to be home, a man yelled “Stay there!”")
    assert ("man", "Stay there!") in _claims(x)


def test_no_quote_claim_for_a_chanted_name(run):
    # guard: a quoted word after a verb that is no cue
    assert run("The crowd began to chant “Lopez” and wave flags.").claims == ()


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The lawsuit says the company hid the losses from its investors.", "lawsuit"),
        ("The editorial said the mayor should resign before the vote.", "editorial"),
    ],
)
def test_legal_and_press_documents_speak(run, text, who):
    assert [w for w, _ in _claims(run(text))] == [who]


def test_a_cue_with_a_colon_introduces_the_quote_after_it(run):
    x = run(
        "Kellan Orlen did not back down on Tuesday.\n\n''Let's make one thing clear "
        "right away,'' he wrote. ''If you get offended by this post, that's your "
        "fault.'' He added: ''This latest fuss is beyond silly. I made a comment "
        "about the roads, period.''"
    )
    wrote, added = x.claims
    assert (
        _pieces(x, wrote)[-1] == "If you get offended by this post, that's your fault."
    )
    assert _pieces(x, added) == [
        "This latest fuss is beyond silly. I made a comment about the roads, period."
    ]


def test_two_pieces_of_a_quote_around_an_aside_with_one_cue_after(run):
    x = run(
        'Kellan Orlen spoke in Tarsk. "I don\'t think the old wisdom" -- that the '
        'town is too small -- "is going to last," he says.'
    )
    (claim,) = x.claims
    pieces = [p.rstrip(",") for p in _pieces(x, claim)]
    assert pieces == ["I don't think the old wisdom", "is going to last"]


def test_parenthetical_cue_whose_rest_ends_the_article(run):
    # a crash on main: nothing after the inset but what it leaves out, at the end
    # of the text
    x = run("The budget is too small, the Herald said, including the money for roads.")
    assert [c.statement for c in x.claims] == ["The budget is too small"]


def test_a_reason_after_the_cue_is_said_too(run):
    x = run(
        "Lopez would have won, her advisers said Friday, because the turnout was high."
    )
    (claim,) = x.claims
    assert _pieces(x, claim) == ["Lopez would have won", "because the turnout was high"]


def test_a_time_after_the_cue_is_not_said(run):
    # guard: when it was said stays out
    x = run("The plan will fail, Kellan Orlen said after the meeting ended.")
    assert [c.statement for c in x.claims] == ["The plan will fail"]


def test_a_mark_left_open_stays_in_its_paragraph_of_one_line():
    # paragraphs one to a line, not wrapped by hand: the stray mark of the first
    # must not pair with the marks of the next
    first = "Maria Lopez gave a long speech to the council about the harbour, " * 2
    text = f'{first}"and then some more.\n"We will win," Kellan Orlen said. "Soon."'
    assert [text[a:b] for a, b in find_quotes(text)] == ["We will win,", "Soon."]


def test_line_breaks_of_text_wrapped_by_hand_are_no_paragraphs():
    text = 'She said: "We will win\nthe vote in June," and left.\n\nThen rain.'
    assert [text[a:b] for a, b in find_quotes(text)] == [
        "We will win\nthe vote in June,"
    ]


def test_the_words_before_a_cue_set_off_by_commas_are_said_too(run):
    x = run(
        "For the city, Kellan Orlen added, among the hardest tasks is the new port."
    )
    (claim,) = x.claims
    assert _pieces(x, claim) == [
        "For the city",
        "among the hardest tasks is the new port",
    ]
