"""Events and dates on invented sentences (session 14): what ought to happen and
what only may go on are not events; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _events(x: Extraction) -> list[tuple[str, str | None, str]]:
    return [(e.trigger.text, e.date and e.date.value, e.modality) for e in x.events]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a demand, not a deed: "should", "must"
        (
            "Maria Lopez spoke in Tarsk on Monday, saying that the coach should be "
            "fined.",
            "fined",
        ),
        ("Varda officials must resign, the mayor of Tarsk said.", "resign"),
        # an event that only may start or take place
        ("The union said the strike could start next week.", "strike"),
        ("The Kellan vote might take place in May.", "vote"),
    ],
)
def test_what_ought_to_or_may_go_on_is_no_event(run, text, word):
    assert word not in {trigger for trigger, _, _ in _events(run(text))}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # guards: what will start is planned, what may have happened is told
        ("The strike will start on Monday.", ("strike", "2025-06-16", "planned")),
        (
            "The soldiers may have died in the Varda fighting.",
            ("died", None, "asserted"),
        ),
        (
            "Police must have arrested the suspects on Monday.",
            ("arrested", "2025-06-09", "asserted"),
        ),
    ],
)
def test_what_will_go_on_or_may_have_happened_stays(run, text, event):
    assert event in _events(run(text))


def _entities(x: Extraction) -> set[tuple[str, str]]:
    return {(e.key.split(":", 1)[0], e.name) for e in x.entities}


@pytest.mark.parametrize(
    "text",
    [
        # the NER calls the hyphenated name a company; the role beside it says not
        '"The evidence is weak," the deputy prosecutor, Anna-Lena Varsk, said on '
        "Tuesday. Varsk said an appeal could be made.",
        '"The bridge is safe," the chief engineer of the city, Eva-Marie '
        "Lindqvist, said. Lindqvist said repairs were finished.",
    ],
)
def test_a_name_beside_a_role_is_a_person(run, text):
    people = {name for kind, name in _entities(run(text)) if kind == "person"}
    assert len(people) == 1  # and the surname on its own is the same person
    assert not {n for kind, n in _entities(run(text)) if kind == "organization"}


def test_a_company_beside_a_role_stays_a_company(run):
    x = run('"Sales fell," the chief executive, Hathor Industries, said.')
    assert ("organization", "Hathor Industries") in _entities(x)


def _claimants(x: Extraction) -> list[str]:
    names = {e.key: e.name for e in x.entities}
    return [names.get(c.claimant, c.claimant) for c in x.claims]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the tagger calls "ministry" a proper noun after a nationality
        ("The Varda foreign ministry said the talks had failed.", None),
        (
            "The French foreign ministry said the talks had failed.",
            "French foreign ministry",
        ),
        # the NER calls "defence ministry" an organisation: the country still owns it
        (
            "Russia's defence ministry said 40 soldiers had died.",
            "Russia defence ministry",
        ),
        # a name of its own stays as the NER has it
        ("Kenya's Ministry of Health said 40 people had died.", "Ministry of Health"),
    ],
)
def test_a_nations_ministry_is_the_source(run, text, claimant):
    found = _claimants(run(text))
    if claimant is None:
        assert len(found) == 1 and "ministry" in found[0]
    else:
        assert found == [claimant]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # an adjective before the place: the place keeps its mention, the group its words
        (
            "Two senior U.S. officials said the ship was hit by a missile.",
            "senior U.S. officials",
        ),
        ("Two U.S. officials said the talks had failed.", "U.S. officials"),
    ],
)
def test_a_group_named_with_a_place_is_the_source(run, text, claimant):
    assert _claimants(run(text)) == [claimant]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a noun's verb above a preposition, and a "to" clause of a future verb
        (
            "Voters in Kenya will go to the polls on Sunday to elect a new president.",
            ("polls", "2025-06-15", "planned"),
        ),
        # guard: a past one stays told
        (
            "Voters in Kenya went to the polls on Sunday.",
            ("polls", "2025-06-08", "asserted"),
        ),
    ],
)
def test_an_event_noun_has_its_verbs_time(run, text, event):
    assert event in _events(run(text))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the time a figure is compared with dates no event
        (
            "Profit fell to $3 million in the quarter, down from $5 million a year ago.",
            ("fell", None),
        ),
        # guards: a span's start, and a date of the event's own
        ("The strike will run from Monday to Friday.", ("strike", "2025-06-16")),
        (
            "Profit fell to $3 million on Tuesday, down from $5 million.",
            ("fell", "2025-06-10"),
        ),
    ],
)
def test_the_time_compared_with_is_not_the_events(run, text, event):
    assert event in [(t, d) for t, d, _ in _events(run(text))]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # "find", "add": weak cues, but people who find or add that … are sources
        ("Researchers found that the vaccine was 90 percent effective.", "Researchers"),
        ("Officials added that the road would reopen on Friday.", "Officials"),
    ],
)
def test_people_who_find_or_add_that_are_sources(run, text, claimant):
    assert _claimants(run(text)) == [claimant]


def test_finding_a_thing_is_no_claim(run):
    assert _claimants(run("Police found the body of a man in the river.")) == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a central bank is a public body, not "the bank" of a story
        ("The central bank said inflation was too high.", "central bank"),
        ("The Kenyan central bank said inflation was too high.", "Kenyan central bank"),
        # guards: "the agency" is still the one named before
        (
            "The Tarsk Disaster Council counted nine deaths. Two people drowned, "
            "the agency said.",
            "Tarsk Disaster Council",
        ),
    ],
)
def test_a_central_bank_is_a_source(run, text, claimant):
    assert _claimants(run(text))[-1] == claimant


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        # what a court, a government or a buyer orders is an event
        ("A judge ordered the release of the two journalists.", {"ordered"}),
        ("The airline ordered 30 jets from Varda Aero on Monday.", {"ordered"}),
        # the noun names it when it is an event word of its own
        ("The president ordered an inquiry into the crash.", {"inquiry", "crash"}),
        # guard: an order of anything else is none
        ("She ordered a coffee.", set()),
    ],
)
def test_an_order_is_an_event(run, text, triggers):
    assert {trigger for trigger, _, _ in _events(run(text))} == triggers


@pytest.mark.parametrize(
    "text",
    [
        "Kellan Orlen said he had no plans to resign.",
        "Orlen has no intention of leaving the club.",
        "The army made no attempt to attack the town.",
    ],
)
def test_no_plan_is_no_event(run, text):
    assert _events(run(text)) == []


def test_a_plan_stays_planned(run):
    assert ("resign", "2026-05", "planned") in _events(
        run("Orlen has plans to resign in May.")
    )


def test_a_lower_case_name_the_ner_tags_is_a_description(run):
    """Its key holds in its article only: two countries' health ministries are two."""
    x = run("Officials at the health ministry said the clinic would close.")
    keys = {e.key for e in x.entities if e.name == "health ministry"}
    assert keys == {"local:organization:health ministry"}


def test_a_ministry_the_tagger_calls_a_proper_noun_speaks(run):
    x = run("The transport ministry said the road would close.")
    assert _claimants(x) == ["transport ministry"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Voters cast ballots at 3 polling stations in Tarsk.", "stations"),
        ("The army sent 300 border guards to Tarsk.", "guards"),
        # guard: an adjective before the noun
        ("The army sent 40 armoured vehicles to Tarsk.", "vehicles"),
    ],
)
def test_a_figure_counts_the_head_noun(run, text, unit):
    x = run(text)
    found = [*x.quantities, *(q for e in x.events for q in e.quantities)]
    assert [q.unit for q in found] == [unit]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a road, a school or a border that reopens
        ("The bridge will reopen on March 20.", ("reopen", "2026-03-20", "planned")),
        (
            "The bridge reopened on Monday after repairs.",
            ("reopened", "2025-06-09", "asserted"),
        ),
        # guard: a case reopened stays a legal action
        ("The court reopened the case.", ("reopened", None, "asserted")),
    ],
)
def test_a_reopening_is_an_event(run, text, event):
    assert event in _events(run(text))


def test_a_shop_reopened_is_none(run):
    assert _events(run("The chain reopened its store in Tarsk.")) == []


def test_one_strike_a_story_is_one_walkout(run):
    """Workers walk out; "the strike" then is theirs, even in a sentence with no
    word of work or pay in it, and the walkout is the same event."""
    x = run(
        "Dock workers in Eindhoven walked out on Tuesday, demanding higher pay. "
        "Officials said 800 workers had joined the strike.\n\n"
        "The health ministry warned that the strike could delay deliveries of "
        "medicine to hospitals."
    )
    # the walkout and both strikes: one event (its mentions are the nouns)
    assert [(e.event_type, len(e.mentions)) for e in x.events] == [("Protest", 2)]


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("Nurses in Tarsk walked out on Monday over pay.", {"walked"}),
        # guard: leaving a building is no walkout
        ("She walked out of the building.", set()),
    ],
)
def test_a_walkout_is_a_protest(run, text, triggers):
    assert {t for t, _, _ in _events(run(text))} == triggers


def test_an_air_strike_stays_an_attack(run):
    x = run(
        "An air strike hit the depot on Monday. Workers at the port said the "
        "strike destroyed two cranes."
    )
    assert {e.event_type for e in x.events} == {"Attack"}


def test_a_closing_factory_is_one_closure(run):
    x = run("The Orlen Motors factory in Varda will close in June, the company said.")
    assert [t for t, _, _ in _events(x)] == ["close"]


def test_a_festival_that_runs_stays_an_event(run):
    assert ("festival", "2025-07-03", "planned") in _events(
        run("The festival will run from July 3.")
    )


def test_a_quote_ends_with_its_words_not_its_comma(run):
    x = run('"We are not giving up," said Maria Lopez, a nurse in Tarsk.')
    (claim,) = x.claims
    assert claim.statement == "We are not giving up"
    assert [p.text for p in claim.content] == ["We are not giving up"]
    # the claim's IRI, minted from its statement span, is what it was
    assert claim.statement_span.text == "We are not giving up,"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # a statement that ends on a quoted phrase keeps its closing mark
        (
            'Lopez said the closure was "a heavy blow for the whole region".',
            'the closure was "a heavy blow for the whole region"',
        ),
        (
            "Lopez said the closure was “a heavy blow.”",
            "the closure was “a heavy blow.”",
        ),
        # guard: no quote, nothing added
        ("Lopez said the plan was fine.", "the plan was fine"),
    ],
)
def test_a_statement_closes_the_quote_it_opens(run, text, statement):
    assert [c.statement for c in run(text).claims] == [statement]
