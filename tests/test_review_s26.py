"""Re-read of session 26's rules (invented sentences, published on Thursday, 12 June
2025): what a meeting is called to do is done, what someone is pressed to do is
asked; a name given to a product once stays a firm where shares are held in it; a
time of the trading day dates a move only where the move holds it; a capitalised
"March" that goes for something is a protest, not the month; "standard-bearer" is a
candidacy; droughts, wildfires, heatwaves and outbreaks last for days (trained
English pipeline, slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_events_s23 import _LEAD, _date_of, _words
from tests.test_events_s24 import _kind_of

pytestmark = pytest.mark.slow


def _actor_names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.actor_kind is not None}


# -- what a meeting is called to do happens; what someone is pressed to do is asked


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        pytest.param(
            "Dario Fenn called a news conference on Monday to resign from the board.",
            "resign",
            "Resignation",
            id="a-conference-called-to-resign",
        ),
        pytest.param(
            "The council called an emergency session on Monday to approve the budget.",
            "approve",
            "Vote",
            id="a-session-called-to-approve",
        ),
        pytest.param(
            "Tomas Brandt called a news conference on Monday to unveil the new "
            "Kestrin jet.",
            "unveil",
            "Launch",
            id="a-conference-called-to-unveil",
        ),
    ],
)
def test_what_a_meeting_is_called_to_do_happens(run, text, word, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, word) == kind, _words(x)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Protesters pressed the minister on Monday to resign.",
            "resign",
            id="guard-a-minister-pressed",
        ),
        pytest.param(
            "Velmora pressed Kestrin on Monday to close the plant.",
            "close",
            id="guard-a-firm-pressed",
        ),
        pytest.param(
            "Dario Fenn urged the board on Monday to approve the budget.",
            "approve",
            id="guard-a-board-urged",
        ),
    ],
)
def test_guard_what_someone_is_pressed_to_do_is_asked(run, text, word):
    x = run(_LEAD + text)
    assert _kind_of(x, word) is None, _words(x)


# -- a name given to a product once stays a firm where shares are held in it


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kestrin jets are popular with airlines.\n\n"
            "Shares of Kestrin fell 5 percent on Monday.",
            id="shares-of-the-maker",
        ),
        pytest.param(
            "Kestrin jets are popular with airlines.\n\n"
            "Velmora Bank bought a stake in Kestrin on Monday.",
            id="a-stake-in-the-maker",
        ),
    ],
)
def test_a_firm_that_shares_are_held_in_acts(run, text):
    assert "Kestrin" in _actor_names(run(_LEAD + text))


def test_guard_a_part_of_the_product_is_no_actor(run):
    x = run(
        _LEAD + "The Velmora Falcon jet crashed on Monday.\n\n"
        "Parts of the Velmora Falcon were found in a field."
    )
    assert "Velmora Falcon" not in _actor_names(x)


# -- a time of the trading day dates the move that holds it


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kestrin shares fell 4 percent as lawmakers met in a special session.",
            id="a-session-of-lawmakers",
        ),
        pytest.param(
            "Kestrin shares fell 4 percent amid worries over trade.",
            id="worries-over-trade",
        ),
        pytest.param(
            "Analysts who spoke at a session in Velmora said Kestrin shares fell "
            "4 percent.",
            id="a-session-the-speakers-were-at",
        ),
    ],
)
def test_a_session_of_another_clause_dates_no_move(run, text):
    x = run(_LEAD + text)
    assert _date_of(x, "fell") is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Kestrin shares fell 4 percent in early trading.", "fell", id="guard-early"
        ),
        pytest.param(
            "Kestrin shares were down 4 percent at the close.",
            "down",
            id="guard-down-at-the-close",
        ),
        pytest.param(
            "The Velmora index dropped 2 percent during the session.",
            "dropped",
            id="guard-during-the-session",
        ),
        pytest.param(
            "Kestrin shares fell 4 percent by the close of trading.",
            "fell",
            id="guard-by-the-close",
        ),
    ],
)
def test_guard_the_move_s_own_session_dates_it_today(run, text, word):
    assert _date_of(run(_LEAD + text), word) == "2025-06-12"


# -- a date in one branch of a clause of "since" is not another branch's (kept)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param(
            "Since Kestrin closed the plant, citing a strike in March, and cut 300 "
            "jobs, sales have slumped.",
            None,
            id="guard-the-cited-strike-s-month",
        ),
        pytest.param(
            "Sales have slumped since Kestrin closed the plant in March and cut "
            "300 jobs.",
            "2025-03",
            id="guard-the-joined-deed-s-month",
        ),
    ],
)
def test_guard_a_date_in_another_branch_of_since(run, text, date):
    assert _date_of(run(_LEAD + text), "cut") == date


# -- a capitalised "March" that goes for something is a protest


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param(
            "March against the closure draws thousands\n\n"
            "Thousands of workers marched through Velmora on Monday.",
            "2025-06-09",
            id="a-headline-opening-with-a-march",
        ),
        pytest.param(
            "The March on Velmora drew thousands of farmers on Monday.",
            "2025-06-09",
            id="the-march-on-a-town",
        ),
        pytest.param(
            "Thousands of farmers joined the March for Jobs in Velmora on Monday.",
            "2025-06-09",
            id="joined-the-march",
        ),
    ],
)
def test_a_named_march_is_a_protest(run, text, date):
    x = run(_LEAD + text)
    assert _kind_of(x, "March") == "Protest", _words(x)
    assert _date_of(x, "March") == date


def test_a_named_march_dates_nothing(run):
    x = run(_LEAD + "March against the closure draws thousands")
    assert _date_of(x, "closure") is None


@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        pytest.param(
            "Kestrin closed the plant in March.", "closed", "2025-03", id="guard-in"
        ),
        pytest.param(
            "Kestrin closed the plant on March 3.",
            "closed",
            "2025-03-03",
            id="guard-a-day",
        ),
        pytest.param(
            "Since March, Kestrin has closed three plants.",
            "closed",
            "2025-03",
            id="guard-since",
        ),
        pytest.param(
            "From March to June, sales rose 3 percent.",
            "rose",
            None,
            id="guard-from-to",
        ),
        pytest.param(
            "March was a bad month for Kestrin.\n\nKestrin closed two plants.",
            "closed",
            "2025-03",  # the month, carried on
            id="guard-the-month-as-subject",
        ),
    ],
)
def test_guard_the_month_is_no_march(run, text, word, date):
    x = run(_LEAD + text)
    assert _kind_of(x, "March") is None, _words(x)
    assert _date_of(x, word) == date


# -- "standard-bearer", three tokens, is a candidacy


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "The Velmora Party named Anna Kovalik its standard-bearer on Monday.",
            "Appointment",
            id="named-its-standard-bearer",
        ),
        pytest.param(
            "Anna Kovalik was named the party's standard-bearer on Monday.",
            "Appointment",
            id="was-named-the-standard-bearer",
        ),
        pytest.param(
            "Anna Kovalik was named the party's nominee on Monday.",
            "Appointment",
            id="guard-the-nominee",
        ),
        pytest.param(
            "Kestrin named its new jet the Falcon on Monday.",
            "OtherEvent",
            id="guard-a-jet-named",
        ),
    ],
)
def test_a_standard_bearer_is_a_candidacy(run, text, kind):
    x = run(_LEAD + text)
    assert _kind_of(x, "named") == kind, _words(x)


# -- droughts, wildfires, heatwaves and outbreaks last for days


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "A wildfire spread across the hills near Velmora on Wednesday.\n\n"
            "The wildfire destroyed 40 homes on Friday.",
            "wildfire",
            id="wildfire",
        ),
        pytest.param(
            "A drought hit Velmora on Wednesday.\n\n"
            "The drought ruined the harvest on Friday.",
            "drought",
            id="drought",
        ),
        pytest.param(
            "A heatwave hit Velmora on Wednesday.\n\n"
            "The heatwave killed six people on Friday.",
            "heatwave",
            id="heatwave",
        ),
        pytest.param(
            "An outbreak of cholera hit Velmora on Wednesday.\n\n"
            "The outbreak killed six people on Friday.",
            "outbreak",
            id="outbreak",
        ),
        pytest.param(
            "An epidemic of cholera hit Velmora on Wednesday.\n\n"
            "The epidemic killed six people on Friday.",
            "epidemic",
            id="epidemic",
        ),
    ],
)
def test_a_lasting_disaster_told_on_two_days_is_one(run, text, word):
    x = run(_LEAD + text)
    assert sum(word in w for w in _words(x)) == 1, _words(x)


@pytest.mark.parametrize(
    ("text", "word", "count"),
    [
        pytest.param(
            "An earthquake hit Velmora on Wednesday.\n\n"
            "The earthquake killed six people on Friday.",
            "earthquake",
            2,
            id="guard-a-quake-is-a-moment",
        ),
        pytest.param(
            "A wildfire destroyed 40 homes near Velmora in May.\n\n"
            "Another wildfire destroyed 30 homes near Velmora in September.",
            "wildfire",
            2,
            id="guard-another-wildfire",
        ),
        pytest.param(
            "A wildfire destroyed 40 homes near Velmora on Monday.\n\n"
            "A second wildfire broke out near Kestrin on Wednesday.",
            "wildfire",
            2,
            id="guard-a-second-wildfire",
        ),
    ],
)
def test_guard_other_days_stay_apart(run, text, word, count):
    x = run(_LEAD + text)
    assert sum(word in w for w in _words(x)) == count, _words(x)
