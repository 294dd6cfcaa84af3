"""Claims and actors on invented sentences (session 12): which clause a cue
reports, a "not" inside a quote, people "many of whom" speak, names the NER cuts
or spells two ways; trained English pipeline (slow)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kb.extract.mentions import not_a_name
from kb.extract.names import _without_leading_possessive
from kb.models import Extraction

pytestmark = pytest.mark.slow


def _claims(x: Extraction) -> list[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, c.claimant), c.statement) for c in x.claims]


def _actors(x: Extraction) -> list[str]:
    return sorted(e.name for e in x.entities if e.actor_kind)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a clause a semicolon or colon cuts off before the cue is not what it says
        (
            "The talks have stalled; the union says the strike will go on.",
            [("union", "the strike will go on")],
        ),
        (
            "The row grew on Friday: Varda Mills said the count was flawed.",
            [("Varda Mills", "the count was flawed")],
        ),
        # the clause after a phrase of time, which the parser hangs on the cue
        (
            "Kellan Orlen said after the vote he would not stand again.",
            [("Kellan Orlen", "he would not stand again")],
        ),
        # "charges that" reports a clause; "charged with" does not
        (
            "The mayor charges that the builders paid the council.",
            [("mayor", "the builders paid the council")],
        ),
        ("Prosecutors charged Kellan Orlen with fraud.", []),
        # the fishermen speak, not "many"
        (
            "The ruling angered the fishermen, many of whom say the quota is unfair.",
            [("fishermen", "the quota is unfair")],
        ),
        (
            "Many of the farmers said the rain came too late.",
            [("farmers", "the rain came too late")],
        ),
    ],
)
def test_what_a_cue_reports(run, text, claims):
    assert _claims(run(text)) == claims


def test_a_not_inside_a_quote_does_not_negate_its_cue(run):
    """'"Certainly not," she said': the parser hangs the quote's "not" on "said"."""
    x = run(
        "Varda Mills spoke first.\n\n"
        '"Will the bridge open in May? Certainly not," Maria Lopez said.'
    )
    assert [(who, said.rstrip(",")) for who, said in _claims(x)] == [
        ("Maria Lopez", "Will the bridge open in May? Certainly not")
    ]


def test_a_cue_that_is_negated_is_none(run):
    assert _claims(run("Maria Lopez did not say the plan would fail.")) == []


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # "Miss" is an honorific: "Miss Varden" is Maria Varden
        (
            "Maria Varden, 24, opened a bakery. Miss Varden had lived in the town "
            "for two years.",
            ["Maria Varden"],
        ),
        # an Arabic article does not make another person
        (
            "Karim al-Haddad denied the claim. Karim Haddad has led the party "
            "since 1999.",
            ["Karim al-Haddad"],
        ),
        # "the navy" is the navy the article named
        (
            "The Kellan Navy said its ship stopped the boat. The navy said 20 men "
            "were held.",
            ["Kellan Navy"],
        ),
        # a word for someone from a place names no one
        ("A Briton and an Icelander were among the passengers.", []),
        # a body's name the NER cut at its "and"
        (
            "The Office for Roads and Bridges said the work was late.",
            ["Office for Roads and Bridges"],
        ),
    ],
)
def test_who_the_actors_are(run, text, actors):
    assert _actors(run(text)) == actors


def test_a_beauty_contest_keeps_its_miss(run):
    x = run("A former Miss World said the contest was fair.")
    assert "World" not in _actors(x)


def test_the_leads_deed_is_an_event(run):
    """What the first two sentences say someone did is the news, dated or not;
    the same kind of deed further down, undated, is background."""
    x = run(
        "Maria Lopez painted the old bridge blue after a long row with the "
        "council.\n\nThe council had wanted it grey. Kellan Orlen painted the "
        "town hall red."
    )
    assert [e.trigger.text for e in x.events] == ["painted"]
    assert x.events[0].trigger.start == 12


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez won the Varda Marathon in 2010.",
        "Maria Lopez attended the Oscars last year.",
        "The Grammys are next, Maria Lopez said.",
    ],
)
def test_a_race_or_an_award_show_is_no_actor_or_place(run, text):
    x = run(text)
    assert [e.name for e in x.entities if e.is_location or e.actor_kind] == [
        "Maria Lopez"
    ]


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("The bodies of two men were found in a flat in Tarsk.", ["found"]),
        ("Rescuers recovered his body from the river.", ["recovered"]),
        ("The firm recovered the costs.", []),
        ("She found a way out.", []),
    ],
)
def test_a_body_found_is_an_event(run, text, triggers):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [e.trigger.text for e in x.events] == triggers


def test_what_was_scheduled_for_a_weekday_lies_ahead(run):
    """Published on a Monday: "was scheduled for Wednesday" is two days later."""
    x = run(
        "The court was busy.\n\nA hearing was scheduled for Wednesday.",
        published="2013-06-10",
    )
    assert [(e.trigger.text, e.date and e.date.value) for e in x.events] == [
        ("hearing", "2013-06-12")
    ]


def test_a_head_injury_told_with_a_death_is_no_event_of_its_own(run):
    x = run(
        "The town was quiet.\n\nThe night was cold.\n\nThe man died of head injuries."
    )
    assert [e.trigger.text for e in x.events] == ["died"]


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # sports news writes injured reserve "IR"
        ("The team said Tom Orlen was placed on IR.", ["placed"]),
        ("The Hawks put Tom Orlen on injured reserve.", ["put"]),
        ("She put the book on the list of banned titles.", []),
    ],
)
def test_a_player_put_on_injured_reserve(run, text, triggers):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [e.trigger.text for e in x.events] == triggers


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # an estimate: what a body puts a figure at
        (
            "The ministry puts the death toll at 40.",
            [("ministry", "the death toll at 40")],
        ),
        ("Analysts put the plan at risk.", []),
        # a panel, a jury and a tribunal speak for themselves
        (
            "The panel recommended that the drug be withdrawn.",
            [("panel", "the drug be withdrawn")],
        ),
        # "the fund" is the fund the article named
        (
            "The Kellan Development Fund will pay for the bridge, the fund said in "
            "a statement.",
            [
                (
                    "Kellan Development Fund",
                    "The Kellan Development Fund will pay for the bridge",
                )
            ],
        ),
    ],
)
def test_estimates_and_bodies_that_speak(run, text, claims):
    assert _claims(run(text)) == claims


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "According to exit polls, the Greens won most young voters.",
            [("exit polls", "the Greens won most young voters")],
        ),
        (
            "The plan was shelved in May, according to party insiders.",
            [("party insiders", "The plan was shelved in May")],
        ),
        # data in general is no one's statement
        ("According to data, prices rose.", []),
    ],
)
def test_according_to_documents_and_people(run, text, claims):
    assert _claims(run(text)) == claims


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # "the deal" is the takeover told before it
        (
            "Orlen Motors agreed to buy Tarsk Systems for $300 million on "
            "Wednesday. The deal gives Orlen a foothold in Europe.",
            ["Acquisition"],
        ),
        # "the ballot" is the election
        (
            "Voters in Kellavia go to the polls on Sunday in parliamentary "
            "elections. The ballot is the first since 2008.",
            ["Election"],
        ),
    ],
)
def test_a_noun_that_refers_back_to_another_type(run, text, events):
    assert [e.event_type for e in run(text).events] == events


def test_a_past_passive_carries_the_date_of_the_sentence_before(run):
    """ "were killed" narrates on, as "died" does, in the same paragraph."""
    x = run(
        "The town was quiet. Gunmen attacked a bus in Tarsk on Monday. At least "
        "six people were killed.",
        published="2025-06-12",
    )
    dates = {e.event_type: e.date and e.date.value for e in x.events}
    assert dates["Casualties"] == "2025-06-09"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Crowds gathered at Place Orlen on Monday.", "Place Orlen"),
        ("Crowds filled Piazza Varda at dusk.", "Piazza Varda"),
        ("The Grand Kellan Hotel was evacuated on Monday.", "Grand Kellan Hotel"),
    ],
)
def test_squares_and_hotels_are_places(run, text, place):
    x = run(text)
    assert [e.name for e in x.entities if e.is_location] == [place]


def test_a_person_named_plaza_stays_a_person(run):
    x = run("Tom Plaza said the plan would fail.")
    assert [e.name for e in x.entities if e.is_location] == []


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # what a law or a rule lets or makes someone do has not happened
        ("The law allows the council to hold a referendum.", []),
        ("The new rule requires agencies to consult scientists.", []),
        ("The plan would let firms cut jobs.", []),
        # what a storm forced people to do, they did
        ("The storm forced 10,000 people to flee.", ["NaturalDisaster"]),
    ],
)
def test_what_a_rule_allows_or_requires_is_no_event(run, text, types):
    assert [e.event_type for e in run(text).events] == types


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a noun no trigger names, that the text says runs or ends on a date
        (
            "Inspections will run from July 3 to July 20.",
            [("Inspections", "2025-07-03")],
        ),
        ("Voting ended on Sunday.", [("Voting", "2025-06-08")]),
        # a stretch of time, a figure, a doer, a person: no event
        ("The season begins on Friday.", []),
        ("Prices ended the week higher on Friday.", []),
        ("The board began repairs in 2010.", []),
        ("The mayor started on Monday.", []),
    ],
)
def test_what_runs_or_ends_on_a_date_is_an_event(run, text, events):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [(e.trigger.text, e.date and e.date.value) for e in x.events] == events


def test_a_day_months_behind_in_the_future_is_next_years(run):
    """Published on Sept. 26: "will open on June 5" is next June."""
    x = run(
        "The town was quiet.\n\nThe night was cold.\n\nThe festival will take "
        "place in Tarsk on June 5.",
        published="2013-09-26",
    )
    assert [e.date and e.date.value for e in x.events] == ["2014-06-05"]


def test_the_place_an_event_is_named_after(run):
    x = run("Maria Lopez won the Berlin Marathon in 2010.")
    assert [e.name for e in x.entities if e.is_location] == ["Berlin"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # "the 41-year-old" is the person given that age beside the name
        (
            "Maria Lopez, 41, was arrested in Tarsk. The 41-year-old said she was "
            "innocent.",
            [("Maria Lopez", "she was innocent")],
        ),
        (
            "Rebels claimed responsibility for the attack.",
            [("Rebels", "responsibility for the attack")],
        ),
        ("Kellan Orlen claimed the title in May.", []),
        (
            "The minister has ruled out a second vote.",
            [("minister", "a second vote")],
        ),
        (
            "Kellan Orlen admitted to taking the money.",
            [("Kellan Orlen", "taking the money")],
        ),
    ],
)
def test_more_sources_and_cues(run, text, claims):
    assert _claims(run(text)) == claims


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The boy was admitted to a hospital in Tarsk.", ["HealthEvent"]),
        ("Maria Lopez was discharged from hospital on Friday.", ["HealthEvent"]),
        ("A climber was airlifted to the coast.", ["Rescue"]),
        ("The plant discharged waste into the river.", []),
    ],
)
def test_a_patients_course(run, text, types):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [e.event_type for e in x.events] == types


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Maria Lopez said the talks would resume.",
        "The Minister of Health, Maria Lopez, spoke later.",
    ],
)
def test_the_office_in_a_title_is_no_actor(run, text):
    assert _actors(run(text)) == ["Maria Lopez"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police guarded the Kellan Embassy in Tarsk.", "Kellan Embassy"),
        ("Police raided the Varda Suites on Monday.", "Varda Suites"),
    ],
)
def test_embassies_and_suites_are_places(run, text, place):
    assert place in [e.name for e in run(text).entities if e.is_location]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Prosecutors dropped the case in 2012.", ["LegalAction"]),
        ("Prosecutors reopened the case in May.", ["LegalAction"]),
        ("The firm reopened its store.", []),
        # an acronym of a common noun names no one: "an IPO" is the event
        ("The company plans an IPO next year.", ["BusinessEvent"]),
    ],
)
def test_cases_dropped_or_reopened_and_listings(run, text, events):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [e.event_type for e in x.events] == events
    assert not [e for e in x.entities if e.name == "IPO"]


def test_a_future_date_is_not_carried_into_a_past_narrative(run):
    x = run(
        "The town was quiet.\n\nThe night was cold.\n\nThe company plans an IPO "
        "next year. Profits dropped 5 percent."
    )
    assert [e.date for e in x.events if e.event_type == "FinancialResult"] == [None]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Kellan Orlen was born in 1921 in Tarsk.", [("born", "1921")]),
        ("Maria Lopez was born into a wealthy family.", []),
        ("The firm bore the cost.", []),
    ],
)
def test_a_birth_told_with_its_date(run, text, events):
    x = run("The town was quiet.\n\nThe night was cold.\n\n" + text)
    assert [(e.trigger.text, e.date and e.date.value) for e in x.events] == events


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # figures from a named office are the office's
        (
            "Figures from the Tarsk Statistics Office showed that prices rose.",
            "Tarsk Statistics Office",
        ),
        # "the statement" is the one the company issued
        (
            "Orlen Motors issued a statement on Monday. The statement said 300 "
            "jobs would go.",
            "Orlen Motors",
        ),
    ],
)
def test_a_document_speaks_for_its_issuer(run, text, issuer):
    assert [who for who, _ in _claims(run(text))] == [issuer]


def test_a_disease_is_no_actor(run):
    x = run("Cholera has killed 700 people in Kellavia.")
    assert [e.name for e in x.entities if e.actor_kind or e.is_location] == ["Kellavia"]


@pytest.mark.parametrize(
    ("words", "tag"),
    [
        # the NER's names that are none: a disease, an adverb opening a sentence
        ("The Black Death", "NNP"),
        ("Nationally", "RB"),
    ],
)
def test_what_the_ner_calls_a_name_but_is_none(words, tag):
    doc = spacy.blank("en").make_doc(words)
    for tok in doc:
        tok.tag_ = tag
    assert not_a_name(Span(doc, 0, len(doc), label="ORG"))


def test_an_owners_mark_is_not_part_of_the_name():
    """The NER may start a name at the possessive of the name before it."""
    doc = spacy.blank("en").make_doc("Tarsk’s Orlen Hill prison")
    assert doc[1].text == "’s"
    doc[1].tag_ = "POS"
    (ent,) = _without_leading_possessive([Span(doc, 1, 4, label="FAC")])
    assert (ent.text, ent.label_) == ("Orlen Hill", "FAC")
