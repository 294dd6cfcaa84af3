"""A battery of invented sentences that name two deeds and two dates, each with the
dates written down by hand before the run: a clause that describes a noun, a
participle joined to another, a span "two days after" something, an event that
a clause says started on one date and turned on another. Published on Thursday,
12 June 2025; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"

#: (text, [(the trigger the date is on, or None for any event, the date)])
_Dates = list[tuple[str | None, str]]

# dates the tool found before this battery was written: guards
_GUARDS: list[tuple[str, _Dates]] = [
    (
        "Tomas Brandt, who died in 2020, founded the Orlen party in 1990.",
        [("died", "2020"), ("founded", "1990")],
    ),
    (
        "Maria Lopez, elected in May, resigned on Tuesday.",
        [("elected", "2025-05"), ("resigned", "2025-06-10")],
    ),
    (
        "The fire broke out on Tuesday and was put out on Wednesday.",
        [("fire", "2025-06-10")],
    ),
    (
        "The vote, first scheduled for May 5, was held on June 9.",
        [("vote", "2025-06-09")],
    ),
    (
        "Tarsk police detained Tomas Brandt on Saturday and charged him on Monday.",
        [("detained", "2025-06-07"), ("charged", "2025-06-09")],
    ),
    (
        "The plane took off from Orlen on Tuesday and crashed an hour later.",
        [("crashed", "2025-06-10")],
    ),
    (
        "Maria Lopez, who won the 2021 election, lost her seat on Sunday.",
        [(None, "2021"), (None, "2025-06-08")],
    ),
    (
        "Kellan Bank, which was bailed out in 2009, collapsed on Monday.",
        [(None, "2009"), ("collapsed", "2025-06-09")],
    ),
    (
        "The bridge, which opened in May, was closed on Wednesday after cracks appeared.",
        [("opened", "2025-05"), ("closed", "2025-06-11")],
    ),
    (
        "Orlen's president, sworn in on Jan. 20, fired his defence minister on Friday.",
        [("sworn", "2025-01-20"), ("fired", "2025-06-06")],
    ),
    (
        "Tomas Brandt was convicted in March and sentenced on Tuesday to five years.",
        [("convicted", "2025-03"), ("sentenced", "2025-06-10")],
    ),
    (
        "The hostages, seized in April, were freed on Sunday.",
        [("seized", "2025-04"), ("freed", "2025-06-08")],
    ),
    (
        "Maria Lopez left Kellan Motors in 2022 and joined Orlen Bank in January.",
        [("left", "2022"), ("joined", "2025-01")],
    ),
    (
        "The museum, closed since 2020, reopened on Saturday.",
        [("reopened", "2025-06-07")],
    ),
    (
        "Kellan Motors was sold on Monday, a month after it was put up for sale.",
        [("sold", "2025-06-09")],
    ),
]

# dates the tool missed when the battery was written, found by the rules since
_FIXED: list[tuple[str, _Dates]] = [
    # a clause that says when the event of a noun started, and its later turn
    (
        "The strike, which began on 12 March, ended on Friday.",
        [("strike", "2025-03-12"), ("ended", "2025-06-06")],
    ),
    (
        "The protest that started on Saturday spread to Orlen on Monday.",
        [("protest", "2025-06-07"), ("spread", "2025-06-09")],
    ),
    (
        "The talks, which opened in Orlen on Monday, collapsed on Wednesday.",
        [("talks", "2025-06-09"), ("collapsed", "2025-06-11")],
    ),
    # a span before or after: counted from the dated deed
    (
        "Police arrested Tomas Brandt on June 2, two days after the robbery.",
        [("arrested", "2025-06-02"), ("robbery", "2025-05-31")],
    ),
    (
        "Tomas Brandt resigned on Tuesday, a day after the vote.",
        [("resigned", "2025-06-10"), ("vote", "2025-06-09")],
    ),
    (
        "The Tarsk talks ended on Friday, a week before the summit.",
        [("summit", "2025-06-13")],
    ),
    (
        "The mine flooded on Friday, a week after inspectors visited it.",
        [("visited", "2025-05-30")],
    ),
    (
        "Two days after the quake on Monday, rescuers pulled two survivors from the rubble.",
        [("quake", "2025-06-09"), ("pulled", "2025-06-11")],
    ),
    # a participle that shares the auxiliary of the verb it is joined to
    (
        "Maria Lopez was arrested on Friday and released on Sunday.",
        [("arrested", "2025-06-06"), ("released", "2025-06-08")],
    ),
    # a subject described by a clause of its own deed
    (
        "Varda, which joined the bloc in 2004, left it on Monday.",
        [("joined", "2004"), ("left", "2025-06-09")],
    ),
    # a business that failed
    (
        "Kellan Airlines, which was founded in 1950, went bankrupt on Friday.",
        [("founded", "1950"), ("went", "2025-06-06")],
    ),
    ("Kellan Motors went into administration on Monday.", [("went", "2025-06-09")]),
]

# a year or a month counted from the date named before: "the following year"
_COUNTED: list[tuple[str, _Dates]] = [
    (
        "Orlen Bank collapsed in 2021.\n\nKellan Group bought it the following year.",
        [("bought", "2022")],
    ),
    (
        "The Varda dam was finished in 2019.\n\n"
        "The following year, the Tarsk council sued the builders.",
        [("sued", "2020")],
    ),
    (
        "Maria Lopez was elected in May 2020.\n\nTwo years later, she resigned.",
        [("resigned", "2022")],
    ),
    (
        "The talks began in March.\n\nThe following month, Varda signed the treaty.",
        [("signed", "2025-04")],
    ),
    # guard: "next year" without "the" counts from the day of writing
    (
        "Orlen Bank collapsed in 2021.\n\nVarda will hold a vote next year.",
        [(None, "2026")],
    ),
]

# known gaps, each for the reason given
_GAPS: list[tuple[str, _Dates, str]] = [
    (
        "The ship sank on Sunday, a week after it left Tarsk on June 1.",
        [(None, "2025-06-01")],
        "leaving a port is no event of ours",
    ),
    (
        "The factory reopened on Thursday after closing in April.",
        [("reopened", "2025-06-12")],
        "the parser makes 'factory' the root and 'reopened' a modifier",
    ),
    (
        "After the flood on May 20, the town rebuilt its bridge in June.",
        [("rebuilt", "2025-06")],
        "a town is no actor, so rebuilding by it is no deed of someone's",
    ),
    (
        "The law passed in 2019 was struck down on Tuesday.",
        [("struck", "2025-06-10")],
        "no one named does it and 'law' is no one",
    ),
    (
        "The ceasefire agreed on May 2 collapsed on Sunday.",
        [("collapsed", "2025-06-08")],
        "the parser makes 'agreed' the root and 'collapsed' its complement",
    ),
    (
        "Varda troops, who crossed the border on Saturday, reached Orlen on Monday.",
        [(None, "2025-06-09")],
        "'reach' is no deed of ours",
    ),
]

# dates that must not be given to a deed: (text, trigger, date)
_WRONG: list[tuple[str, str, str]] = [
    (
        "Maria Lopez, who has lived in Orlen since 2001, won the vote on Sunday.",
        "won",
        "2001",
    ),
    ("The bridge, built in the 1960s, collapsed on Monday.", "collapsed", "196"),
    (
        "Tomas Brandt, who died in 2020, founded the Orlen party in 1990.",
        "founded",
        "2020",
    ),
    (
        "Two days after the quake on Monday, rescuers pulled two survivors from the rubble.",
        "found",
        "2025-06-09",
    ),
    ("Tomas Brandt resigned on Tuesday, a day after the vote.", "vote", "2025-06-10"),
]


def _dated(x: Extraction) -> list[tuple[str, str | None]]:
    return [
        (e.trigger.text.lower(), e.date.value if e.date else None) for e in x.events
    ]


def _missing(x: Extraction, expected: _Dates) -> _Dates:
    found = _dated(x)
    return [
        (word, value)
        for word, value in expected
        if not any(
            date is not None
            and date.startswith(value)
            and (word is None or text == word)
            for text, date in found
        )
    ]


# the guards passed before the battery was written; _FIXED and _COUNTED failed
@pytest.mark.parametrize(("text", "expected"), _GUARDS + _FIXED + _COUNTED)
def test_each_deed_keeps_its_date(run, text, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _missing(x, expected), _dated(x)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, marks=pytest.mark.xfail(reason=why, strict=True))
        for t, e, why in _GAPS
    ],
)
def test_two_dates_still_missed(run, text, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _missing(x, expected), _dated(x)


@pytest.mark.parametrize(("text", "word", "wrong"), _WRONG)
def test_a_date_of_another_deed_is_not_given(run, text, word, wrong):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not any(
        t == word and d is not None and d.startswith(wrong) for t, d in _dated(x)
    ), _dated(x)
