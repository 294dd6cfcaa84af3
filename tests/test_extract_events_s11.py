"""Which mentions name one event, and which dates are an event's own (session 11).

Invented sentences; they need the trained English pipeline (slow).
"""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _of_type(x: Extraction, kind: str) -> list[tuple[str, str | None]]:
    return [
        (e.label, e.date.value if e.date else None)
        for e in x.events
        if e.event_type == kind
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "the … in 1976": a date of its own that sets it apart
        "Varda said the party will hold its convention in Tarsk in July. "
        "Kellan guarded the delegates at the convention in 1976.",
        # "the last …", "the previous …": another one of its kind
        "Varda said on Thursday the party will hold its convention in Tarsk. "
        "Kellan guarded the delegates at the last convention.",
    ],
)
def test_the_noun_of_another_one_is_another_event(run, text):
    assert len(_of_type(run(text, published="2016-04-09"), "PoliticsEvent")) == 2


def test_the_noun_refers_back_without_a_date_of_its_own(run):
    x = run(
        "Varda said on Thursday the party will hold its convention in Tarsk. "
        "Kellan will guard the delegates at the convention.",
        published="2016-04-09",
    )
    assert len(_of_type(x, "PoliticsEvent")) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a present clause under a dated past saying: the day is the saying's
        (
            "On Thursday, Varda announced that Kellan would lead the party as it "
            "heads toward a contested convention in Tarsk.",
            "PoliticsEvent",
        ),
        # a future clause beside a past one: its date is not the past verb's
        (
            "The chairman called the vote a success and said building would "
            "start in March 2031.",
            "Vote",
        ),
    ],
)
def test_a_date_of_another_time_is_not_the_events(run, text, kind):
    assert _of_type(run(text, published="2016-04-09"), kind)[0][1] is None


def test_a_month_in_the_present_is_this_years(run):
    """In June, "drafts the platform for the convention in July" is this July."""
    x = run(
        "The committee is holding hearings before it drafts the platform for the "
        "convention in Tarsk in late July.",
        published="2016-06-09",
    )
    assert _of_type(x, "PoliticsEvent")[0][1] == "2016-07"


def test_a_record_of_many_is_no_event(run):
    x = run("Tarsk Rovers have won only two of their past nine league games.")
    assert not [e for e in x.events if "games" in e.label]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Farmers were blamed for the fertilizer runoff into the lake.", "runoff"),
        ("He voted against a bill to extend the tax cuts, costing jobs.", "cuts"),
        ("The result is a sentence I never thought I would write.", "sentence"),
        ("He blocked banks from hiring foreign workers.", "hiring"),
        ("Kellan travels abroad frequently for the firm.", "travels"),
        ("He and Varda have met over the years in the lobby.", "met"),
        ("She vowed to fight for every vote in the state.", "vote"),
        ("The campaign tried to win over delegates in the primary.", "win"),
        ("Three senators have attacked the program as a waste of money.", "attacked"),
    ],
)
def test_an_everyday_sense_is_no_event(run, sentence, word):
    assert word not in [e.trigger.text for e in run(sentence).events]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "The presidential runoff between the two leaders is set for June 5.",
            "Election",
        ),
        ("The board voted to cut 300 jobs at the plant.", "JobCuts"),
        ("Orlen was given a five-year prison sentence on Monday.", "LegalAction"),
        ("Acme Retail hired Maria Lopez as chief executive.", "Appointment"),
        ("Thousands of teachers rallied in Nairobi on Monday.", "Protest"),
    ],
)
def test_the_event_sense_still_is(run, sentence, kind):
    assert kind in [e.event_type for e in run(sentence).events]


def test_what_is_set_for_a_day_lies_ahead(run):
    x = run("The presidential runoff is set for June 5.", published="2016-03-16")
    assert _of_type(x, "Election")[0][1] == "2016-06-05"


@pytest.mark.parametrize(
    ("sentence", "word", "date"),
    [
        ("The band released its new album on Friday.", "released", "2025-06-06"),
        ("Orlen Rovers signed Kellan in May.", "signed", "2025-05"),
        ("Police questioned Maria Lopez on Tuesday.", "questioned", "2025-06-10"),
    ],
)
def test_a_dated_deed_is_an_event(run, sentence, word, date):
    """A done deed the text dates, which no trigger word names, is an event."""
    x = run(sentence)
    assert [(e.trigger.text, e.date.value if e.date else None) for e in x.events] == [
        (word, date)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # how long a state lasted
        "Maria Lopez chaired the Tarsk board from 2009 until 2015.",
        # a figure about people
        "Only 40 percent of adults had received a booster shot by last year.",
        # what a storm did is the storm
        "Typhoon Varda swept over the island of Tarsk on Tuesday.",
        # no one did it
        "The doors of the hall swung open on Monday.",
        # a feeling, a saying, a plan, a habit
        "Maria Lopez regretted the decision on Monday.",
        "Maria Lopez said on Monday that the plan was sound.",
        "Maria Lopez often visited Tarsk in the summer of 2019.",
        # what was said is a claim
        "Maria Lopez issued a statement on Tuesday.",
    ],
)
def test_a_dated_verb_that_is_no_deed_is_no_event(run, sentence):
    assert [e for e in run(sentence).events if e.event_type == "OtherEvent"] == []


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # hoped, tried or likely: not done
        ("The team hopes to win the cup.", "win"),
        ("Rebels tried to seize the town.", "seize"),
        ("Talks are likely to resume on Monday.", "Talks"),
        ("Analysts expect the company to cut jobs next year.", "cut"),
        # feared or foreseen
        ("Residents fear another flood.", "flood"),
        ("Police expect a large protest on Sunday.", "protest"),
        # a kind of event that would follow
        ("A merger would create the largest bank in Tarsk.", "merger"),
        # told or ordered to
        ("The board told the firm to cut jobs.", "cut"),
    ],
)
def test_what_is_only_hoped_or_feared_is_no_event(run, sentence, word):
    assert word not in [e.trigger.text for e in run(sentence).events]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The team won the cup on Sunday.", "won"),
        ("Rebels seized the town on Monday.", "seized"),
        ("The party plans to hold a vote in May.", "vote"),
    ],
)
def test_what_was_done_or_planned_is_an_event(run, sentence, word):
    assert word in [e.trigger.text for e in run(sentence).events]


def test_what_is_expected_to_happen_is_planned(run):
    x = run("The vote is expected to take place on Monday in Tarsk.")
    assert [e.modality for e in x.events if e.event_type == "Vote"] == ["planned"]


@pytest.mark.parametrize(
    ("sentence", "kind", "date"),
    [
        # the present of a verb done to the event's noun looks ahead (a Wednesday)
        ("Voters go to the polls on Sunday.", "Election", "2016-03-20"),
        ("The trial resumes on Thursday.", "LegalAction", "2016-03-17"),
        # a noun's own date still reads back
        ("The numbers reverse Monday's poll.", "StudyPublication", "2016-03-14"),
    ],
)
def test_a_scheduled_noun_in_the_present_looks_ahead(run, sentence, kind, date):
    x = run(sentence, published="2016-03-16")
    assert _of_type(x, kind)[0][1] == date


def test_a_strike_that_lasts_is_a_walkout(run):
    x = run("The strike began on Monday and is expected to last until Friday.")
    assert [e.event_type for e in x.events] == ["Protest"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The defender was transferred to a rival club for 5m euros.", "SportEvent"),
        ("The club loaned the winger to a second-division side.", "SportEvent"),
        ("The band released a new album.", "Launch"),
        ("The film premiered at the festival.", "Launch"),
        ("The singer won a Grammy award.", "OtherEvent"),
        ("The new governor was sworn in.", "Appointment"),
        ("The central bank raised interest rates.", "BusinessEvent"),
        ("The central bank cut interest rates by half a point.", "BusinessEvent"),
        ("Hackers stole data from millions of customers.", "OtherEvent"),
        ("Firefighters battled a blaze in the hills.", "NaturalDisaster"),
        ("A bus overturned on the highway, injuring 12.", "Accident"),
    ],
)
def test_everyday_news_verbs_name_their_events(run, sentence, kind):
    assert kind in [e.event_type for e in run(sentence).events]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The bank transferred 5m euros to the account.", "transferred"),
        ("She raised concerns about the plan.", "raised"),
        ("The governor swore to fight on.", "swore"),
        ("Lawmakers passed the bill, which raises the tax on fuel.", "raises"),
        ("The primary in Tarsk drew record crowds.", "drew"),
    ],
)
def test_their_other_senses_name_none(run, sentence, word):
    assert word not in [e.trigger.text for e in run(sentence).events]


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # the words that say which one it is set two races apart
        (
            "The Senate race in Tarsk is close. Varda leads in the presidential race.",
            "Election",
            2,
        ),
        ("A drone strike hit a depot. A missile strike hit a bridge.", "Attack", 2),
        # a verb's object says which one it is too
        (
            "Kellan won the Tarsk primary in February. The Tarsk primary drew "
            "record crowds.",
            "Election",
            1,
        ),
    ],
)
def test_which_one_it_is_keeps_events_apart(run, text, kind, count):
    assert len(_of_type(run(text), kind)) == count


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The band played a concert in Tarsk on Friday.", "concert"),
        ("The exhibition opens at the museum in May.", "exhibition"),
        ("The regulator imposed a fine of 2m euros.", "fine"),
        ("The discovery of the body shocked residents.", "discovery"),
    ],
)
def test_what_people_attend_or_undergo_is_an_event(run, sentence, word):
    assert word in [e.trigger.text for e in run(sentence).events]


@pytest.mark.parametrize(
    "sentence", ["She has a fine voice.", "Music festivals are popular in summer."]
)
def test_a_kind_or_a_quality_is_no_event(run, sentence):
    assert run(sentence).events == ()


def test_what_ended_without_happening_is_none(run):
    x = run("The talks between the two leaders ended without a deal.")
    assert "deal" not in [e.trigger.text for e in x.events]


def test_a_verbs_object_is_no_participant_of_a_noun_it_does_not_act_on(run):
    x = run("Police arrested Maria Lopez after the attack on the embassy in Tarsk.")
    names = {e.key: e.name for e in x.entities}
    (attack,) = [e for e in x.events if e.event_type == "Attack"]
    assert "Maria Lopez" not in [names.get(p) for p in attack.participants]


@pytest.mark.parametrize(
    ("sentence", "attack"),
    [
        ("He attacked me for my record.", False),
        ("The senator spent the day attacking a rival.", False),
        ("A man attacked her with a knife in Tarsk.", True),
        ("Rebels attacked soldiers near the border.", True),
    ],
)
def test_an_attack_on_a_person_is_in_words_without_force(run, sentence, attack):
    assert ("Attack" in [e.event_type for e in run(sentence).events]) is attack


def test_a_punishment_someone_faces_is_not_given_yet(run):
    x = run("Maria Lopez faces a fine of up to 2m euros.")
    assert "fine" not in [e.trigger.text for e in x.events]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Youths set fire to a police car.", "Attack"),
        ("Rioters set the bus on fire.", "Attack"),
        ("The suspect was remanded in custody.", "LegalAction"),
        ("The team placed the quarterback on injured reserve.", "SportEvent"),
        ("She finished second in the 400 metres.", "SportsMatch"),
        ("He founded the charity with his wife.", "OtherEvent"),
        ("Parliament adopted the resolution.", "Vote"),
        ("The country gained independence from Britain.", "PoliticsEvent"),
        ("The economy grew 2.1 percent in the third quarter.", "BusinessEvent"),
        ("Inflation fell to 3 percent.", "BusinessEvent"),
    ],
)
def test_more_simple_past_deeds_name_their_events(run, sentence, kind):
    assert kind in [e.event_type for e in run(sentence).events]


@pytest.mark.parametrize(
    "sentence",
    [
        # not "founded"; a body found is an event (test_extract_s12)
        "Police found the keys in a field.",
        "The company placed an order for ten jets.",
        "She finished the report on Monday.",
        "The couple adopted a child.",
    ],
)
def test_their_everyday_senses_name_none(run, sentence):
    kinds = {"SportEvent", "SportsMatch", "Vote"}
    assert not [e for e in run(sentence).events if e.event_type in kinds]
    assert "found" not in [e.trigger.text for e in run(sentence).events]
