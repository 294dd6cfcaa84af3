"""Quote bounds: a quote whose cue comes after the speaker's name and a description
of them (many words between the quote and its cue), and a quote that goes on after
an attribution with an aside on where or when it was said. Sentences and names
invented for these tests; they need the trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Claim
from tests.test_extract_s14_attr import _speaker

pytestmark = pytest.mark.slow


def _pieces(claim: Claim) -> list[str]:
    return [s.text for s in claim.content_spans()]


@pytest.mark.parametrize(
    ("text", "said", "who"),
    [
        (
            '"Fine crews, fine crews these people," Brandt, the council leader '
            "since 2019, said.",
            "Fine crews, fine crews these people",
            "Brandt",
        ),
        (
            '"A good week for the harbor," Maria Lopez, a spokeswoman for the '
            "port, told reporters.",
            "A good week for the harbor",
            "Maria Lopez",
        ),
        (
            '"A good week for the harbor, at last," Maria Lopez, who has run the '
            "port authority in Porto for a decade, said on Monday.",
            "A good week for the harbor, at last",
            "Maria Lopez",
        ),
    ],
)
def test_a_quote_is_tagged_across_its_speakers_description(run, text, said, who):
    x = run(text)
    (claim,) = x.claims
    assert claim.direct
    assert _pieces(claim) == [said]
    assert _speaker(x, claim) == who


@pytest.mark.parametrize(
    "text",
    [
        'Residents of Porto rate the new tram line more as a "convenience" than '
        'as a "lifeline," a survey by the Varda Centre, a polling firm, '
        "found in March.",
        'For all her "sharp temper at meetings," her longtime colleague Maria '
        "Lopez wrote, Kellan is a careful treasurer who never missed a deadline.",
    ],
)
def test_guard_words_quoted_inside_a_sentence_are_not_tagged_by_its_cue(run, text):
    # the cue after the quote and a long subject attributes the whole sentence;
    # only a quote that opens its sentence is tagged across such a subject
    x = run(text)
    assert not any(c.direct for c in x.claims)


def test_guard_a_quoted_title_before_another_clause_is_no_quote(run):
    # the words after the quote are not its speaker: a new clause opens with "and"
    x = run(
        'The paper ran "A good week for the harbor," and Maria Lopez, the '
        "port's chief since 2019, said nothing about it."
    )
    assert not any(c.direct for c in x.claims)


@pytest.mark.parametrize(
    "text",
    [
        '"It is like a new ship," Tomas Brandt said in a film that showed off the '
        'new decks. "The ship is very much a part of the city."',
        '"The timetable will not change this winter," ferry director Tomas Brandt '
        "told the Porto Herald in March, after Maria Lopez said the crossings were "
        'too slow. "Every sailing stays as planned."',
    ],
)
def test_a_quote_goes_on_past_an_aside_on_its_attribution(run, text):
    # a clause that describes where or when the speaker spoke, with a verb of
    # saying in it, is no other attribution between the two pieces
    x = run(text)
    claim = next(c for c in x.claims if c.direct)
    assert len(_pieces(claim)) == 2
    assert _speaker(x, claim) == "Tomas Brandt"


def test_guard_another_speakers_sentence_ends_the_quote(run):
    x = run(
        '"The timetable will not change this winter," Tomas Brandt said on Monday. '
        'Maria Lopez said the ferries were too old. "Every sailing stays as planned."'
    )
    first = next(c for c in x.claims if c.direct)
    assert _pieces(first) == ["The timetable will not change this winter"]


def test_guard_a_quote_goes_on_past_the_speakers_participle(run):
    x = run(
        '"You cannot fix the port if you do not know what broke it," Maria Lopez '
        "said, stressing why the old records matter so much to the crews. "
        '"What we need is a new way of thinking about the harbor."'
    )
    claim = next(c for c in x.claims if c.direct)
    assert len(_pieces(claim)) == 2
