"""Invented stories on dates a reader takes from the story around them: a span
set before a clause of time ("one day after rebels won") counts from the day the
narrative is on when its own sentence names none, and is no date of the
sentence; a narrative goes on only from a date that sets its sentence's day (not
the year of a relative clause under a present perfect, nor one after "since");
a deed in a clause of "since" takes no date from the span it opens;
"seconds later" is the same day; a month's day or a month without its year, told
in the past of a story of an earlier year, is of that year; a deed done in a
month after the month of writing is last year's, one to come in a month gone
by next year's, and so is a date in a present clause of time under a promise
("after the audit is handed in on Feb. 1"); "was set for" looks ahead. Guards:
the sentence's own date wins, no date comes from nowhere, a year of a noun's
clause or a year named "last" is no story's year, a day in the month of
writing stays this year's. Each date was written down by hand before the run.
Published on Thursday, 12 June 2025; trained English pipeline (slow), except the
date lines under a byline, read when an article is (fast)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.ingest.sources import read_file
from kb.models import Article
from tests.test_event_dates_s21 import _dated
from tests.test_event_dates_s24 import _LEAD, _PUBLISHED, _Case

slow = pytest.mark.slow

# a span before a clause of time counts from the narrative's day: failed on main
_APART: list[_Case] = [
    (
        "Tomas Brandt announced on Wednesday that he would quit as mayor of "
        "Velmora.\n\nBrandt revealed the decision one day after his rivals won "
        "the city council election.",
        "won",
        "2025-06-10",
    ),
    (
        "Rebels killed nine people in Kestrin on Tuesday. The attack, which came "
        "two days after police arrested their leader, shocked the town.",
        "arrested",
        "2025-06-08",
    ),
    (
        "Anna Kovalik said on Tuesday that 40 people had died in the floods.\n\n"
        '"We need help," she told a news conference in Velmora, three days '
        "after troops attacked the rebel camp.",
        "attacked",
        "2025-06-07",
    ),
]

# a narrative goes on only from a date that sets its sentence's day: failed on main
_SETS_THE_DAY: list[_Case] = [
    (
        "Kellan Orlen, who was elected mayor of Velmora in 2009, has faced calls "
        "to resign.\n\nAt a rally, protesters attacked his office.",
        "attacked",
        None,
    ),
    (
        "The two men are among nine soldiers who are to be tried in July, in the "
        "worst case since the war in 2003.\n\nThe new charges were announced at the "
        "news conference.",
        "announced",
        None,
    ),
]

# a deed in a clause of "since" takes no date from the span it opens: failed on main
_SINCE: list[_Case] = [
    (
        "Since the deal between Varda and Kestrin Mills was signed, the plant has "
        "been beset by breakdowns, from strikes to a fire that gutted its mill in "
        "October.",
        "deal",
        None,
    ),
]

# "seconds later": the same day; failed on main
_SECONDS: list[_Case] = [
    (
        "Gunmen attacked a bus in Velmora on Tuesday. Only a few seconds later, a "
        "car crashed into the bus.",
        "crashed",
        "2025-06-10",
    ),
]

# a month's day or a month without its year in a story of an earlier year:
# failed on main
_YEAR_TOLD: list[_Case] = [
    (
        "Rebels captured Kestrin in November 1991.\n\nThe town was razed. The "
        "massacre began on November 20.",
        "massacre",
        "1991-11-20",
    ),
    (
        "In 1998, rebels seized Velmora and attacked its airport on March 3.",
        "attacked",
        "1998-03-03",
    ),
    (
        "Rebels seized the town in May 1999. They attacked the airport on May 20 "
        "and killed nine guards the next day.",
        "killed",
        "1999-05-21",
    ),
]

# a month's day against the tense, across months; a present clause of time under
# a promise: failed on main
_ACROSS_MONTHS: list[_Case] = [
    ("Police arrested Dario Fenn in Kestrin on July 3.", "arrested", "2024-07-03"),
    ("The council will vote on the Velmora plan on May 30.", "vote", "2026-05-30"),
    (
        "Kellan Orlen has vowed to stage an election within 45 days after the "
        "audit is handed in on Feb. 1.",
        "election",
        "2026-02-01",
    ),
]

# guards, passed on main
_KEPT: list[_Case] = [
    # the sentence's own date wins over the narrative's
    (
        "Tomas Brandt spoke on Wednesday.\n\nPolice arrested Dario Fenn on Friday, "
        "two days after gunmen attacked a bank in Velmora.",
        "attacked",
        "2025-06-04",
    ),
    # no day told anywhere: none counted
    (
        "Police arrested Dario Fenn two days after gunmen attacked a bank in Velmora.",
        "attacked",
        None,
    ),
    # a sentence told in the simple past sets the day with any of its dates
    (
        "The council elected Kellan Orlen as mayor in 2009.\n\nProtesters "
        "attacked his office.",
        "attacked",
        "2009",
    ),
    # a year of a noun's own clause is no story's year
    (
        "Rebels, who first took up arms in 1998, attacked the town of Velmora on "
        "March 3.",
        "attacked",
        "2025-03-03",
    ),
    # nor one before a sentence told from the day of writing
    (
        "Rebels seized the town in 1999. Police stated on Tuesday that the rebels "
        "attacked a bank on May 3.",
        "attacked",
        "2025-05-03",
    ),
    # nor one of another deed in the sentence
    (
        "Kellan Orlen left Varda Bank in 2022 and joined Kestrin Mills in January.",
        "joined",
        "2025-01",
    ),
    # nor is one told as "last", nor one of what is to come
    (
        "Rebels seized the town in 1999. They attacked the airport last November.",
        "attacked",
        "2024-11",
    ),
    (
        "Rebels seized the town in 1999. Talks with them will begin on March 3.",
        "talks",
        "2026-03-03",
    ),
    # a day in the month of writing stays this year's, in either tense
    ("Police arrested Dario Fenn in Kestrin on June 20.", "arrested", "2025-06-20"),
    ("The council will vote on the Velmora plan on June 2.", "vote", "2025-06-02"),
    # a date in the clause of "since" is its own
    (
        "Since the deal between Varda and Kestrin Mills was signed in March, the "
        "plant has been beset by breakdowns.",
        "deal",
        "2025-03",
    ),
    # what a vote was set for lies ahead
    ("The vote on the Velmora plan was set for July 3.", "vote", "2025-07-03"),
]


@slow
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    _APART + _SETS_THE_DAY + _SINCE + _SECONDS + _YEAR_TOLD + _ACROSS_MONTHS + _KEPT,
)
def test_an_event_takes_the_date_the_story_gives(run, text, word, expected):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert (word, expected) in _dated(x), _dated(x)


@slow
def test_a_year_told_needs_no_publication_date(run):
    x = run(
        _LEAD + "In 1998, rebels seized Velmora and attacked its airport on March 3.",
        published=None,
    )
    assert ("attacked", "1998-03-03") in _dated(x), _dated(x)


# ---------------------------------------------------------------- date lines

_BODY = "Varda Foods said its sweets arm would go to Kestrin Mills."


@pytest.mark.parametrize(
    ("top", "published"),
    [
        # under a long byline: failed on main
        (
            "By Peter Sandoval, Staff Reporter of The Kestrin Herald\n\nOct. 30, 1989",
            "1989-10-30",
        ),
        # the paper's name before the date: failed on main
        ("Velmora Daily Courier — June 22, 2015", "2015-06-22"),
        # a "Dateline:" line with its place: failed on main
        ("Dateline: VELMORA, March 3, 2019", "2019-03-03"),
        ("By Anna Kovalik\n\nDateline: Kestrin, March 3, 2019", "2019-03-03"),
        # a short byline and a date line: passed on main
        ("By Anna Kovalik\n\nOct. 30, 1989", "1989-10-30"),
        # guards: a sentence that opens with "By" is no byline; a headline
        # before a date is no paper's name
        (
            "By Monday, the river had risen to the top of the old dyke.\n\n"
            "Oct. 30, 1989",
            None,
        ),
        ("Floods cut off the town — June 22, 2015", None),
    ],
)
def test_a_date_line_under_a_byline_dates_the_article(
    tmp_path: Path, top: str, published: str | None
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Varda sells sweets\n\n{top}\n\n{_BODY}", encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.published == published
    if published is not None:
        assert article.text.endswith(_BODY) and "Oct. 30" not in article.text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "a.md",
            "# Varda sells sweets\n\n*Velmora Daily Courier — June 22, 2015*\n\n"
            + _BODY
            + "\n",
        ),
        (
            "a.html",
            "<html><body><h1>Varda sells sweets</h1><p>By Peter Sandoval</p>"
            "<p>The Kestrin Herald | June 22, 2015</p><p>"
            + _BODY
            + "</p></body></html>",
        ),
        (
            "a.json",
            json.dumps({"text": f"Dateline: VELMORA, June 22, 2015\n\n{_BODY}"}),
        ),
    ],
)
def test_a_date_line_dates_the_article_in_every_format(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert article.published == "2015-06-22"
    assert "June 22" not in article.text
