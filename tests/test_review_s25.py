"""Re-read of session 25's rules (invented sentences, published on Thursday, 12 June
2025): a clock time with a month or a year names its day; an office with "the" is a
room one leaves; a denial stops a deed only through a verb of finding; what someone
escaped happened (trained English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.text.dates import a_clock_time
from tests.test_events_s23 import _LEAD, _words
from tests.test_events_s24 import _kind_of


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("noon on March 3", False),
        ("10:30 p.m. Jan. 5", False),
        ("5 a.m. on 12 June 2019", False),
        ("shortly after 5 a.m.", True),
        ("by midday", True),
    ],
)
def test_a_clock_time_with_a_month_or_year_names_a_day(text: str, clock: bool) -> None:
    assert a_clock_time(text) is clock


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "Tomas Brandt escaped the blast at the Kestrin depot on Monday.",
            "blast",
            "Accident",
            id="an-escaped-blast-happened",
        ),
        pytest.param(
            "Police did not release evidence of the attack on the Kestrin depot.",
            "attack",
            "Attack",
            id="evidence-not-released-denies-no-attack",
        ),
        pytest.param(
            "Anna Kovalik left office in March after two terms.",
            "left",
            "Resignation",
            id="guard-left-office",
        ),
    ],
)
def test_the_word_names_an_event(run, text, word, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, word) == kind, _words(x)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Investigators found no evidence of an attack on the Kestrin depot.",
            "attack",
            id="guard-no-evidence-found",
        ),
    ],
)
def test_the_word_names_no_event(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is None, _words(x)


@pytest.mark.slow
def test_leaving_the_office_at_night_is_no_resignation(run):
    x = run(_LEAD + "Anna Kovalik left the office at 6 p.m. on Monday.")
    assert _kind_of(x, "left") != "Resignation", _words(x)
