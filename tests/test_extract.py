"""Extraction phenomena, on sentences written for these tests (not from the dev set).

These need the trained English pipeline (a pip dependency), so they are marked slow.
"""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _names(x: Extraction) -> dict[str, str]:
    return {e.key: e.name for e in x.entities}


def _claimants(x: Extraction) -> list[str]:
    names = _names(x)
    return [names[c.claimant] for c in x.claims]


def test_direct_quote_after_speaker_pronoun_resolves(run):
    x = run(
        "Finance Minister Petra Valdez presented the budget in Madrid.\n\n"
        '"We will not raise taxes on small firms this year," she said.'
    )
    quotes = [c for c in x.claims if c.direct]
    assert len(quotes) == 1
    assert _names(x)[quotes[0].claimant] == "Petra Valdez"
    assert quotes[0].statement.startswith("We will not raise taxes")


def test_quote_before_inverted_speaker(run):
    x = run('"The bridge is safe to use," said city engineer Tomasz Nowak.')
    assert _claimants(x) == ["Tomasz Nowak"]
    person = next(e for e in x.entities if e.name == "Tomasz Nowak")
    assert person.actor_kind == "Person"
    assert any("engineer" in r for r in person.roles)


def test_indirect_speech_with_that(run):
    x = run("Mayor Ingrid Solberg said that the new ferry line would open in May.")
    claim = x.claims[0]
    assert not claim.direct
    assert "ferry line would open" in claim.statement
    assert _names(x)[claim.claimant] == "Ingrid Solberg"


def test_according_to_names_the_source(run):
    x = run(
        "Wheat exports fell by a third last year, according to the Grain Traders "
        "Association."
    )
    assert _claimants(x) == ["Grain Traders Association"]
    assert "Wheat exports fell" in x.claims[0].statement


def test_cue_verbs_beyond_say(run):
    x = run(
        "Economist Laila Haddad estimated that inflation would slow to 3% by December. "
        "Central bank governor Omar Farouk warned that rates could stay high."
    )
    assert sorted(_claimants(x)) == ["Laila Haddad", "Omar Farouk"]


def test_negated_cue_is_not_a_claim(run):
    x = run("The ministry has not said when the new rules will apply.")
    assert x.claims == ()


def test_quantities_in_a_claim_belong_to_the_claim(run):
    x = run("The Harbour Authority said more than 4,000 containers were delayed.")
    claim = x.claims[0]
    (q,) = claim.quantities
    assert q.minimum == 4000 and q.value is None and q.unit == "containers"
    assert all(not e.quantities for e in x.events)


def test_relative_date_resolved_against_published(run):
    # 2025-06-12 is a Thursday; "on Tuesday", past tense, is 2025-06-10
    x = run("Rescuers evacuated 300 residents from Valencia on Tuesday.")
    (event,) = [e for e in x.events if e.event_type == "Rescue"]
    assert event.date is not None and event.date.value == "2025-06-10"


def test_relative_date_without_published_stays_unknown(run):
    x = run(
        "Rescuers evacuated 300 residents from Valencia on Tuesday.", published=None
    )
    (event,) = [e for e in x.events if e.event_type == "Rescue"]
    assert event.date is None


def test_month_keeps_its_precision(run):
    x = run("Nordvik Motors closed its factory in Gdansk in February.")
    (event,) = [e for e in x.events if e.event_type == "Closure"]
    assert event.date is not None and event.date.precision == "month"
    assert event.date.value == "2025-02"


def test_places_are_linked_and_contained(run):
    x = run("Protesters marched through Lyon on Sunday.")
    lyon = next(e for e in x.entities if e.name == "Lyon")
    assert lyon.is_location
    assert any(iri.startswith("https://sws.geonames.org/") for iri in lyon.same_as)


def test_short_and_long_names_are_one_person(run):
    x = run(
        "Senator Rosa Elkins proposed the bill on Monday. Elkins said the vote "
        "would come next month."
    )
    people = [e for e in x.entities if e.actor_kind == "Person"]
    assert [p.name for p in people] == ["Rosa Elkins"]
    assert "Elkins" in people[0].aliases


def test_no_actor_from_pronoun_or_number(run):
    x = run("They said 12 of them had left. It was over by noon.")
    assert all(e.name.lower() not in ("they", "it", "12") for e in x.entities)


def test_conflicting_figures_from_two_sources(run):
    x = run(
        "The Coast Guard said 40 boats were damaged in the storm. "
        "The fishermen's union said about 90 boats were damaged."
    )
    assert len(x.claims) == 2
    assert x.conflicts == ((0, 1),)


def test_conflicts_are_sought_among_nearby_claims_only(run):
    """A long transcript's claims are compared within a window, so the pairs grow
    with its length, not with its square."""
    from kb.extract.conflicts import conflicts

    x = run(
        "The Coast Guard said 40 boats were damaged in the storm. "
        "The fishermen's union said about 90 boats were damaged. "
        "The harbour master said 150 boats were damaged."
    )
    assert conflicts(x.claims) == ((0, 1), (0, 2), (1, 2))
    assert conflicts(x.claims, window=1) == ((0, 1), (1, 2))


def test_hypothetical_event_is_left_out(run):
    x = run("The government will hold talks with the rebels if they lay down arms.")
    assert all(e.event_type != "Attack" for e in x.events)
    assert all(e.modality != "asserted" for e in x.events)


def test_names_in_other_scripts_stay_distinct(run):
    # folding once dropped every non-Latin letter, so all such names shared one key
    x = run(
        'Олена Коваль said on Monday that the talks had failed. "We will go on," '
        "said Андрій Мельник, who leads the delegation."
    )
    keys = [e.key.split(":", 1)[1] for e in x.entities]
    assert len(keys) == 2 and len(set(keys)) == 2
    assert all(keys)
