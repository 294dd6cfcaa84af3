"""Places the NER calls people, bodies or peoples, and things that are no source:
the article's own words decide what a name is ("born in X", "X is a town", "the
city of X", "X officials"), once for all its mentions; a list of two towns the NER
ran into one name is two places; tests, scans and images that "reveal" something
are no group of people. Sentences invented here (``run``: conftest)."""

from __future__ import annotations

import pytest

from kb.models import Extraction


def _kinds(x: Extraction, name: str) -> set[str]:
    """What the extraction makes of ``name``: "Location" and/or its actor kind."""
    found = set()
    for e in x.entities:
        if name not in (e.name, *e.aliases):
            continue
        if e.is_location:
            found.add("Location")
        if e.actor_kind is not None and not e.is_location:
            found.add(e.actor_kind)
    return found


def _actors(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.actor_kind is not None}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # where someone was born, lives or grew up is a place
        ("Dario Fenn was born in Halvern and moved to Porto in 2010.", "Halvern"),
        ("Tomas Brandt lives in Ashby. Ashby is quiet, Brandt said.", "Ashby"),
        # what the sentence says the name is
        (
            "Shares in Varda fell 5 percent on Monday. Varda is a town in the north.",
            "Varda",
        ),
    ],
)
def test_a_name_the_article_shows_to_be_a_place(run, text: str, town: str) -> None:
    assert _kinds(run(text), town) == {"Location"}


def test_a_town_before_a_noun_for_people(run) -> None:
    """ "Preston officials said" where the article shows the town: the city, and
    the officials a group of it."""
    x = run("The water in Preston was unsafe, Preston officials said on Monday.")
    assert _kinds(x, "Preston") == {"Location"}
    assert "Preston" not in _actors(x)


def test_a_surname_before_a_noun_for_people_stays_a_person(run) -> None:
    """Guard: "Chester aides" where the article names Dario Chester is his aides."""
    x = run(
        "Dario Chester met the mayor of Velmora on Monday. Chester aides said the "
        "plan was dead."
    )
    assert "Location" not in _kinds(x, "Chester")


def test_a_city_the_ner_calls_a_people(run) -> None:
    """The NER reads the name as a nationality in both sentences; the first says
    it is a city, which decides the second too."""
    x = run(
        "Aid reached the city of Kisangani on Monday. Fighters in Kisangani said "
        "the siege had ended."
    )
    assert _kinds(x, "Kisangani") == {"Location"}


def test_a_people_stays_no_place(run) -> None:
    """Guard: a people the NER names is no town, in a place's slot or not."""
    x = run("Hundreds of Kurds marched in Porto on Monday, Anna Kovalik said.")
    assert not _kinds(x, "Kurds") & {"Location"}


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        (
            "Shelling hit Porto, and later also Goma and Agadez, Dario Fenn said.",
            ("Goma", "Agadez"),
        ),
        # guard: a country of two names stays one
        ("Dario Fenn flew from Porto to Trinidad and Tobago on Monday.", ()),
    ],
)
def test_two_towns_run_into_one_name(run, text: str, towns: tuple) -> None:
    x = run(text)
    assert all(_kinds(x, town) == {"Location"} for town in towns)
    assert not {n for n in _actors(x) if " and " in n}
    places = {e.name for e in x.entities if e.is_location}
    assert bool(towns) != any(" and " in n for n in places)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        (
            "Laboratory tests revealed the pilot had taken sleeping pills.",
            "Laboratory tests",
        ),
        ("Satellite images suggest that the dam has failed.", "Satellite images"),
        ("DNA tests confirmed that the body was that of Dario Fenn.", "DNA tests"),
        # things that a verb of showing takes as well as people
        (
            "The worn edges of the coins reveal that they were cut by hand, Dario "
            "Fenn said.",
            "worn edges",
        ),
        ("Fresh cracks in the wall suggest that the dam is failing.", "Fresh cracks"),
    ],
)
def test_what_shows_something_is_no_group(run, text: str, thing: str) -> None:
    assert thing not in _actors(run(text))


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Rights groups warned that the law would silence critics.", "Rights groups"),
        ("Investors fear that the bank will fail.", "Investors"),
        ("Researchers confirmed that the drug works.", "Researchers"),
        ("Companies confirmed that they would cut jobs.", "Companies"),
    ],
)
def test_people_who_speak_stay_a_group(run, text: str, group: str) -> None:
    """Guard: a plural noun for people is a group of its own."""
    assert group in _actors(run(text))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # a place's noun in the plural before a list of names
        (
            "Troops shelled the towns of Halvern and Ashby on Monday, Dario Fenn said.",
            "Ashby",
        ),
        # a one-word name before a region's word in lower case
        (
            "Voting was calm in Ashby state and in Brockton state on Monday, "
            "Dario Fenn said.",
            "Ashby state",
        ),
        # an Irish county, the county's word first (the NER: a body, a person)
        (
            "The court in County Halvern heard the case on Monday, Anna Kovalik said.",
            "County Halvern",
        ),
        (
            "A school in County Brockton closed on Monday, Anna Kovalik said.",
            "County Brockton",
        ),
    ],
)
def test_more_words_that_make_a_place(run, text: str, town: str) -> None:
    x = run(text)
    assert _kinds(x, town) == {"Location"}
    assert not {n for n in _actors(x) if n.split()[0] == town.split()[0]}


@pytest.mark.parametrize(
    ("text", "person", "surname"),
    [
        (
            "Det Sgt Omar Haddad spoke to reporters in Porto on Monday. Det Haddad "
            "said the shop had been empty for a week.",
            "Omar Haddad",
            "Haddad",
        ),
        (
            "Gen Dario Fenn won the vote in Porto on Monday. Gen Fenn said he "
            "would govern for all.",
            "Dario Fenn",
            "Fenn",
        ),
    ],
)
def test_a_title_written_short_without_a_stop(
    run, text: str, person: str, surname: str
) -> None:
    """ "Det", "Gen", "Col": titles as British papers write them, not part of the
    name, so the full name and the titled surname are one person."""
    x = run(text)
    people = [e for e in x.entities if e.actor_kind == "Person"]
    assert [e.name for e in people] == [person]
    assert surname in people[0].aliases
