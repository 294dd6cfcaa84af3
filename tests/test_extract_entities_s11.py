"""Actors and places on invented sentences (session 11); trained pipeline (slow)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_a_persons_name_on_a_noun_is_no_town(run):
    """The NER's person, on a noun: a town of that name elsewhere is not meant."""
    x = run("He voted to extend the Warren tax plan last year.")
    assert not [e for e in x.entities if e.is_location], x.entities


def test_a_city_where_a_place_stands_stays_a_place(run):
    x = run("Protesters marched through Lyon on Sunday.")
    assert any(e.is_location and e.name == "Lyon" for e in x.entities)


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        # a short form in brackets is no part of the name, and is the same body
        (
            "The International Labour Organization (ILO) said jobs rose. The ILO "
            "added that wages fell.",
            "International Labour Organization",
            "ILO",
        ),
        # whatever its letters, when the article defines it so
        (
            "Ana Ruiz runs the bridge survey at the Kellan Roads Directorate "
            "(KVD). The KVD said the deck was cracked.",
            "Kellan Roads Directorate",
            "KVD",
        ),
        # a place word before a name is not in its initials
        (
            "The U.S. Securities and Exchange Commission fined the bank. The SEC "
            "said the penalty was fair.",
            "U.S. Securities and Exchange Commission",
            "SEC",
        ),
    ],
)
def test_a_short_form_is_the_body_it_stands_for(run, text, name, short):
    x = run(text)
    (body,) = [e for e in x.entities if e.name == name]
    assert short in {m.text for m in body.mentions}
    assert not [e for e in x.entities if e.name == short]


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        # a title beside the noun for its work
        (
            "The singer's new album, Midnight Rivers, topped the charts.",
            "Midnight Rivers",
        ),
        # a prize by its head word
        ("She won the Golden Globe last year.", "Golden Globe"),
        # a strain by the noun it names the kind of
        ("The H5N1 strain spread to three farms.", "H5N1"),
        # a made thing's name beside its noun
        ("The drug Keytruda was approved.", "Keytruda"),
        # the word of a model's name after its number
        ("Regulators grounded the Boeing 737 Max in March.", "Max"),
    ],
)
def test_a_name_of_a_thing_is_no_actor(run, text, not_actor):
    assert not_actor not in [e.name for e in run(text).entities]


def test_a_person_after_a_work_noun_stays_a_person(run):
    x = run("In the book, Maria Lopez describes her childhood in Tarsk.")
    assert "Maria Lopez" in [e.name for e in x.entities]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The fire started on Oxford Street on Monday.", "Oxford Street"),
        (
            "Hikers were rescued in Yellowstone National Park on Monday.",
            "Yellowstone National Park",
        ),
        ("The protest moved to Orlen Square at noon.", "Orlen Square"),
    ],
)
def test_a_street_a_square_or_a_park_is_a_place(run, text, place):
    (found,) = [e for e in run(text).entities if e.name == place]
    assert found.is_location and found.actor_kind is None


def test_a_paper_named_for_its_place_is_its_last_word_too(run):
    x = run("The Washington Post reported the story. The Post said it stood by it.")
    (paper,) = [e for e in x.entities if e.name == "Washington Post"]
    assert "Post" in {m.text for m in paper.mentions}
    assert "Post" not in [e.name for e in x.entities]
