"""Date expressions resolved against the published date, on invented phrases (fast),
and relative dates reaching events and claims through extraction (slow)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from kb.extract.events import _date_from_the_match
from kb.extract.records import RawEvent
from kb.models import DateValue, Extraction
from kb.text.dates import resolve

REF = date(2025, 6, 12)  # a Thursday


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("two days ago", "past", "2025-06-10"),
        ("three weeks ago", "past", "2025-05-22"),
        ("a month ago", "past", "2025-05"),
        ("a year ago", "past", "2024-06"),
        ("12 months ago", "past", "2024-06"),
        ("last night", "past", "2025-06-11"),
        ("this morning", "past", "2025-06-12"),
        ("the first quarter of 2024", "past", "2024"),
        ("the first quarter of last year", "past", "2024"),
        ("the fourth quarter of next year", "future", "2026"),
        ("Q1 2024", "past", "2024"),
        ("the third quarter", "past", "2024"),  # not yet begun in June: last year's
        ("the third quarter", "future", "2025"),
        ("the second quarter", "past", "2025"),
        ("fiscal 2024", "past", "2024"),
        ("last week", "past", "2025-06"),
        # the present of a scheduled event looks ahead; of anything else, back
        ("on Saturday", "ahead", "2025-06-14"),
        ("on Saturday", "present", "2025-06-07"),
        ("through August", "ahead", "2025-08"),
        ("late last July", "past", "2024-07"),
        ("next March", "past", "2026-03"),
    ],
)
def test_relative_expressions(text, tense, expected):
    found = resolve(text, REF, tense)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        # a bare month and day is this year's when the tense agrees ...
        ("Dec. 28", date(2015, 12, 10), "past", "2015-12-28"),
        ("March 2", date(2025, 11, 6), "past", "2025-03-02"),
        ("August 30", date(2016, 5, 12), "future", "2016-08-30"),
        # ... or in the present tense ("the fiscal year ends Sept. 30") ...
        ("Sept. 30", date(2016, 1, 20), "present", "2016-09-30"),
        ("Dec. 28", date(2016, 1, 3), "present", "2015-12-28"),
        # ... else the other year's if that is nearer
        ("Dec. 3", date(2024, 3, 14), "past", "2023-12-03"),
        ("Sept. 30", date(2016, 1, 20), "past", "2015-09-30"),
        ("Dec. 28", date(2016, 1, 3), "past", "2015-12-28"),
        ("Jan. 5", date(2015, 12, 20), "future", "2016-01-05"),
        ("Jan. 5", date(2015, 12, 20), "past", "2015-01-05"),
    ],
)
def test_a_month_and_day_is_this_years(text, published, tense, expected):
    found = resolve(text, published, tense)
    assert found is not None and found.value == expected


def test_a_week_across_two_months_is_no_month():
    # the week before Monday 2025-06-02 runs from 26 May to 1 June
    assert resolve("last week", date(2025, 6, 2)) is None


@pytest.mark.parametrize("text", ["the day before", "5 p.m."])
def test_what_cannot_be_known_stays_unknown(text):
    assert resolve(text, REF) is None


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        # a weekend is two days: its month, never a day of it
        ("the weekend", date(2025, 6, 12), "past", "2025-06"),
        ("over the weekend", date(2025, 5, 27), "past", "2025-05"),
        ("this weekend", date(2025, 6, 12), "future", "2025-06"),
        ("next weekend", date(2025, 6, 14), "future", "2025-06"),
        # Saturday 31 May and Sunday 1 June: no one month
        ("last weekend", date(2025, 6, 5), "past", None),
    ],
)
def test_a_weekend_is_its_month(text, published, tense, expected):
    found = resolve(text, published, tense)
    assert (found and found.value) == expected


def _date_of(x: Extraction, kind: str) -> str | None:
    """The date of the one event of this type."""
    (event,) = [e for e in x.events if e.event_type == kind]
    return event.date.value if event.date else None


@pytest.mark.slow
def test_a_time_expression_dates_its_event(run):
    x = run("Police arrested two men in Tarsk last night.", published="2025-06-12")
    assert _date_of(x, "Arrest") == "2025-06-11"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Storms are causing flooding in the Varna valley.", "NaturalDisaster"),
        ("A nurse from Tarsk has been quarantined in hospital.", "Outbreak"),
        ("There are 30 flood warnings in the north of Kellan.", "Warning"),
    ],
)
def test_an_event_said_to_be_so_now_is_dated_to_the_day_of_writing(run, text, kind):
    """A present progressive, a present perfect or "there are" dates the event to
    the published day when no date is named."""
    assert _date_of(run(text, published="2025-06-12"), kind) == "2025-06-12"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The rise in oil prices is attributed to the drought.", "MarketMovement"),
        ("Flooding destroyed the old bridge in Varna.", "NaturalDisaster"),
        ("The cup match against Ashdown has been a sell-out.", "SportsMatch"),
    ],
)
def test_a_past_or_timeless_event_is_not_dated_to_the_day_of_writing(run, text, kind):
    events = [
        e for e in run(text, published="2025-06-12").events if e.event_type == kind
    ]
    assert events
    assert all(e.date is None or e.date.value != "2025-06-12" for e in events)


@pytest.mark.slow
def test_an_event_that_is_due_lies_ahead(run):
    """ "is due to be published in March", written in June: next March."""
    x = run("The report is due to be published in March.", published="2025-06-12")
    assert _date_of(x, "StudyPublication") == "2026-03"


@pytest.mark.slow
def test_what_someone_is_ready_to_do_is_planned(run):
    x = run("Varda is willing to hand over the prisoners to Kellan.")
    (swap,) = [e for e in x.events if e.event_type == "PrisonerExchange"]
    assert swap.modality == "planned"


@pytest.mark.slow
def test_a_date_on_an_event_noun_is_its_own(run):
    """ "the Nov. 14 killing" is dated Nov. 14 even when the sentence's verb has
    another date; and another noun's date is not the sentence's date for all."""
    x = run(
        "Prosecutors charged Maria Lopez on Monday in the Nov. 14 killing of a banker.",
        published="2024-05-08",
    )
    assert _date_of(x, "Death") == "2023-11-14"
    y = run("In his speech, he said the March 3 bombing was a crime.")
    assert _date_of(y, "OtherEvent") is None


@pytest.mark.slow
def test_a_present_perfect_reads_back(run):
    """ "have been hunting since the Nov. 14 killing", written in May: last
    October, not this one."""
    x = run(
        "Detectives have been hunting for Maria Lopez since the Nov. 14 killing.",
        published="1999-05-06",
    )
    assert _date_of(x, "Death") == "1998-11-14"


def test_a_result_in_a_match_report_is_on_the_match_day():
    """In a match report, a result with no date of its own is on the day of the
    match dated before it (the first dated one when none is before it)."""
    doc = spacy.blank("en")("scored won drew scored")
    saturday = DateValue("2024-03-16", "day")
    sunday = DateValue("2024-03-17", "day")

    def match(i: int, when: DateValue | None) -> RawEvent:
        return RawEvent([doc[i]], "SportsMatch", [], [], [], when, "asserted")

    events = [match(0, None), match(1, saturday), match(2, sunday), match(3, None)]
    _date_from_the_match(events)
    assert [e.date for e in events] == [saturday, saturday, sunday, sunday]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # written on Thursday 10 November: what is set to happen lies ahead
        (
            "The trade envoy is due in Tarsk on Friday for talks on fishing.",
            "Negotiation",
            "2005-11-11",
        ),
        (
            "The prince is to open a new bridge in Tarsk on Wednesday.",
            "Launch",
            "2005-11-16",
        ),
        (
            "Witnesses will be called when the hearing resumes on Monday.",
            "LegalAction",
            "2005-11-14",
        ),
    ],
)
def test_what_is_set_to_happen_lies_ahead(run, text, kind, date):
    assert _date_of(run(text, published="2005-11-10"), kind) == date


@pytest.mark.slow
def test_a_summit_to_be_held_lies_ahead(run):
    """ "the summit to be held in Lima in March", written in November: next March."""
    x = run(
        "Days before the summit to be held in Lima in March, the envoy met farmers.",
        published="2005-11-10",
    )
    (summit,) = [e for e in x.events if "summit" in e.label]
    assert summit.date is not None and summit.date.value == "2006-03"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # the year describes the tax code, not the verdict
        (
            "Convicted of fraud, Ivo Kral faces a fine under the 2001 tax code.",
            "LegalAction",
            None,
        ),
        (
            "Ivo Kral was convicted of fraud under the 2001 tax code.",
            "LegalAction",
            None,
        ),
        # the date on a killing dates the rally it happened at
        (
            "Kral is serving a life sentence for the May 2004 killing of a guard "
            "at a peace rally.",
            "Protest",
            "2004-05",
        ),
        # the year on the fire dates what the fire did
        (
            "Police said a 2004 fire at a mill that killed six workers was arson.",
            "Casualties",
            "2004",
        ),
        # a date on a word of time is the verb's: "Thursday night"
        (
            "The school board voted 5-4 on Thursday night to shut the pool.",
            "Vote",
            "2013-03-21",
        ),
    ],
)
def test_a_date_that_describes_a_noun_dates_only_that_noun(run, text, kind, date):
    assert _date_of(run(text, published="2013-03-22"), kind) == date


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Gunmen attacked a bus near Tarsk on Monday. Six people died.", "2013-03-18"),
        # across a wire story's one-sentence paragraphs too, which go on with it
        (
            "Gunmen attacked a bus near Tarsk on Monday.\n\nSix people died.",
            "2013-03-18",
        ),
        # but not into a paragraph that turns to another story
        (
            "Gunmen attacked a bus near Tarsk on Monday.\n\n"
            "Separately, six people died in a fire.",
            None,
        ),
        # when the sentence before names two dates, its main verb's goes on (none
        # went on before session 25)
        (
            "Gunmen attacked a bus on Monday, a week after a raid on Sunday. Six died.",
            "2013-03-18",
        ),
    ],
)
def test_a_narrative_in_the_past_carries_the_date_on(run, text, date):
    """A sentence in the simple past that names no date goes on from the one before."""
    assert _date_of(run(text, published="2013-03-22"), "Casualties") == date


@pytest.mark.slow
def test_a_date_after_since_starts_a_span_and_dates_no_event(run):
    x = run("The summit was the largest meeting of the two sides since 1949.")
    assert _date_of(x, "Negotiation") is None
