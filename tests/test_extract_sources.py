"""Who speaks: unnamed sources, institutions by description, surnames the NER files
as organisations, and "he said" after a sentence that names two people. Sentences
invented for these tests; needs the trained model (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _speakers(x) -> list[str]:
    names = {e.key: e.name for e in x.entities}
    return [names[c.claimant] for c in x.claims]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The convoy was turned back at the border, sources said.", "sources"),
        ("The convoy was turned back at the border, a source said.", "source"),
        ("A senior official said the convoy was turned back.", "senior official"),
        ("The campaign says the advert will air nationally next week.", "campaign"),
    ],
)
def test_unnamed_sources_speak(run, sentence, speaker):
    assert _speakers(run(sentence)) == [speaker]


def test_one_unnamed_source_is_one_actor(run):
    x = run(
        "The convoy was turned back at the border, a source said. "
        "The drivers waited for two days, the source said."
    )
    assert _speakers(x) == ["source", "source"]
    assert len({c.claimant for c in x.claims}) == 1


def test_an_indefinite_role_is_not_the_named_holder(run):
    x = run(
        "Finance Minister Edda Valk presented the budget. "
        "An official said the vote would be close."
    )
    assert _speakers(x) == ["official"]


def test_a_surname_is_the_person_named_in_full(run):
    x = run(
        "Senator Orla Quint visited Tarsk on Monday. Voters cheered Quint, "
        "and Quint said the bridge would be rebuilt."
    )
    people = [e for e in x.entities if e.name == "Orla Quint"]
    assert len(people) == 1 and people[0].actor_kind == "Person"
    assert not any(e.name == "Quint" for e in x.entities)


def test_he_after_a_sentence_naming_two_is_its_subject(run):
    x = run(
        "Governor Tomas Brell said Senator Ivo Kral would wait for the audit. "
        '"The audit will take a month," he said.'
    )
    assert _speakers(x)[-1] == "Tomas Brell"


def test_a_surname_that_a_town_shares_is_the_person(run):
    x = run(
        "Former mayor Daniel Preston opened the hall in Tarsk. Along with Preston "
        "and Colin Avery, the council toured the site."
    )
    assert not any(e.name == "Preston" for e in x.entities)


def test_a_surname_the_ner_calls_a_city_is_the_person(run):
    x = run(
        "The council confirmed the nomination of Judge Ada Houston. Most members "
        "backed a vote on Houston."
    )
    assert not any(e.name == "Houston" for e in x.entities)


def test_a_shared_surname_is_the_person_named_last_before_it(run):
    x = run(
        "Mayor Joan Tarvel opened the bridge. Her brother, Governor Piet Tarvel, "
        "was absent. Tarvel said the bridge would ease traffic."
    )
    names = {e.key: e.name for e in x.entities}
    assert [names[c.claimant] for c in x.claims] == ["Piet Tarvel"]


def test_the_poll_is_the_pollster_named_before(run):
    x = run(
        "A new Harwick Institute poll was released on Wednesday. The poll found "
        "that 43% of voters support the bridge plan."
    )
    assert _speakers(x) == ["Harwick Institute"]


def test_a_spokesman_for_a_company_speaks_for_it(run):
    x = run("A spokesman for Acme Corp said the plant would close in June.")
    assert _speakers(x) == ["Acme Corp"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Shares in Orlen Oil fell on Friday. The oil giant said it would cut "
            "300 jobs.",
            "Orlen Oil",
        ),
        (
            "Doctors at Mount Kestrel Hospital are testing a patient. The hospital "
            "said in a statement that the patient was stable.",
            "Mount Kestrel Hospital",
        ),
        # not the organisation the quote itself names
        (
            "Shares in Orlen Oil fell on Friday. “Varda Gas will match our prices "
            "within a year,” the oil giant said.",
            "Orlen Oil",
        ),
        # a statement on its website
        (
            "Police searched the offices of Orlen Watch on Thursday. A statement on "
            "the Orlen Watch website said the search was unlawful.",
            "Orlen Watch",
        ),
    ],
)
def test_a_description_of_the_organisation_speaks_for_it(run, text, speaker):
    """ "the oil giant said", "the hospital said", "a statement on X's website": the
    organisation named before."""
    assert _speakers(run(text)) == [speaker]


def test_people_of_a_place_speak_as_a_group(run):
    """ "Varna residents said": a group of the town's residents, not the town."""
    x = run(
        "Soldiers reached Varna on Thursday. Varna residents said the soldiers had "
        "left by noon."
    )
    (claim,) = x.claims
    speaker = next(e for e in x.entities if e.key == claim.claimant)
    assert (speaker.name, speaker.actor_kind) == ("Varna residents", "Group")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The Varda Health Agency recommends that all children over six months "
            "be vaccinated.",
            "all children over six months be vaccinated",
        ),
        (
            "The Varna embassy voiced concern about the raids.",
            "concern about the raids",
        ),
    ],
)
def test_recommending_and_voicing_are_statements(run, text, said):
    (claim,) = run(text).claims
    assert claim.statement == said
