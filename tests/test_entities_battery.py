"""A battery of invented sentences on who acts and where: people, companies,
agencies, courts, ministries, media, unions, parties and teams are actors; countries,
regions, towns, mountains, waters, districts and streets are places; works, contests,
laws and agreements, diseases, headline words and common nouns in capitals are
neither. Each expectation was written by hand before the run; trained English
pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow

#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


def _fold(name: str) -> str:
    return name.lower().removeprefix("the ")


def _names(x: Extraction, *, places: bool) -> set[str]:
    """The folded names and aliases of the actors, or of the places."""
    return {
        _fold(n)
        for e in x.entities
        if (e.is_location if places else e.actor_kind is not None)
        for n in (e.name, *e.aliases)
    }


# (text, actors that must be found, places that must be found, names that must be
# neither an actor nor a place)
_CASES = [
    # people
    (
        "Tomas Brandt said the talks in Varda had failed.",
        ["Tomas Brandt"],
        ["Varda"],
        [],
    ),
    (
        "Police arrested Anders Kellan outside his home in Orlen.",
        ["Anders Kellan"],
        ["Orlen"],
        [],
    ),
    (
        "Judge Ilse Marten dismissed the case against the Tarsk council.",
        ["Ilse Marten"],
        [],
        [],
    ),
    ("Senator Paul Orlen voted against the bill.", ["Paul Orlen"], [], []),
    # companies
    (
        "Kellan Motors cut 500 jobs at its plant in Varda.",
        ["Kellan Motors"],
        ["Varda"],
        [],
    ),
    ("Shares in Orlen Holdings Ltd fell 4 percent.", ["Orlen Holdings Ltd"], [], []),
    (
        "Tarsk Airlines cancelled all flights to Varda.",
        ["Tarsk Airlines"],
        ["Varda"],
        [],
    ),
    (
        "The Varda Steel Corporation said it would close two mills.",
        ["Varda Steel Corporation"],
        [],
        [],
    ),
    # agencies, ministries, courts
    (
        "The Tarsk Ministry of Finance raised the fuel tax.",
        ["Tarsk Ministry of Finance"],
        [],
        [],
    ),
    ("The Varda Supreme Court struck down the ban.", ["Varda Supreme Court"], [], []),
    (
        "The Orlen Environmental Protection Agency fined the company.",
        ["Orlen Environmental Protection Agency"],
        [],
        [],
    ),
    (
        "The Kellan Health Department warned of a shortage of nurses.",
        ["Kellan Health Department"],
        [],
        [],
    ),
    # media
    (
        "The Tarsk Herald reported that the mayor had resigned.",
        ["Tarsk Herald"],
        [],
        [],
    ),
    (
        "Maria Lopez told Varda Radio that she would not run again.",
        ["Maria Lopez", "Varda Radio"],
        [],
        [],
    ),
    (
        "According to the Orlen Daily News, the factory will close.",
        ["Orlen Daily News"],
        [],
        [],
    ),
    (
        "The Kellan Times said the Orlen Prize would go to Maria Lopez.",
        ["Kellan Times", "Maria Lopez"],
        [],
        ["Orlen Prize"],
    ),
    (
        "The Orlen Broadcasting Corporation aired the debate from Kellan.",
        ["Orlen Broadcasting Corporation"],
        ["Kellan"],
        [],
    ),
    # unions, parties, teams
    (
        "The Tarsk Teachers Union called a strike for Friday.",
        ["Tarsk Teachers Union"],
        [],
        [],
    ),
    ("The Varda Labour Party won 40 seats.", ["Varda Labour Party"], [], []),
    (
        "The Orlen Workers Federation rejected the offer.",
        ["Orlen Workers Federation"],
        [],
        [],
    ),
    # countries, regions, cities
    ("Floods hit the northern province of Kellan.", [], ["Kellan"], []),
    ("Aid arrived in France and Germany.", [], ["France", "Germany"], []),
    ("He moved from Tarsk to Paris in 1990.", [], ["Tarsk", "Paris"], []),
    (
        "Maria Lopez flew from Varda to the island of Tarsk.",
        ["Maria Lopez"],
        ["Varda", "Tarsk"],
        [],
    ),
    # landforms, waters
    ("Climbers died on Mount Tarsk during the storm.", [], ["Mount Tarsk"], []),
    ("A tanker ran aground in the Gulf of Varda.", [], ["Gulf of Varda"], []),
    ("The Orlen River burst its banks.", [], ["Orlen River"], []),
    ("Fishing boats left Lake Kellan at dawn.", [], ["Lake Kellan"], []),
    ("The ferry sank in the Tarsk Sea.", [], ["Tarsk Sea"], []),
    # districts, streets
    (
        "Protesters gathered on Orlen Street near the parliament.",
        [],
        ["Orlen Street"],
        [],
    ),
    ("A fire broke out in the Kellan district of Tarsk.", [], ["Tarsk"], []),
    ("The shop on Varda Avenue was looted.", [], ["Varda Avenue"], []),
    ("Police sealed off Tarsk Square.", [], ["Tarsk Square"], []),
    # products, works
    ("The company launched the Kellan X5 phone in May.", [], [], ["Kellan X5"]),
    (
        "Maria Lopez starred in the film Winter in Tarsk.",
        ["Maria Lopez"],
        [],
        ["Winter in Tarsk"],
    ),
    (
        "The novel The Orlen Road sold a million copies.",
        [],
        [],
        ["The Orlen Road", "Orlen Road"],
    ),
    ("Tarsk Motors recalled its Varda sedan.", ["Tarsk Motors"], [], []),
    # events, contests
    (
        "The Tarsk Marathon was cancelled because of the heat.",
        [],
        [],
        ["Tarsk Marathon"],
    ),
    ("Kellan won the Varda Cup final.", [], [], ["Varda Cup"]),
    ("Thousands attended the Orlen Film Festival.", [], [], ["Orlen Film Festival"]),
    ("Visitors flocked to the Kellan Games.", [], [], ["Kellan Games"]),
    # laws, agreements
    ("Parliament passed the Tarsk Water Act on Tuesday.", [], [], ["Tarsk Water Act"]),
    ("Both sides signed the Orlen Accord.", [], [], ["Orlen Accord"]),
    ("The Varda Treaty ended the war.", [], [], ["Varda Treaty"]),
    ("Critics attacked the Kellan Protocol.", [], [], ["Kellan Protocol"]),
    # diseases
    ("An outbreak of Ebola was reported in Varda.", [], ["Varda"], ["Ebola"]),
    # brands
    # eras, titles
    ("Life changed during the Cold War.", [], [], ["Cold War", "the Cold War"]),
    ("The minister met the President on Monday.", [], [], ["President"]),
    # common nouns in capitals, headline words
    ("BREAKING: Tarsk police arrest two men.", [], [], ["BREAKING"]),
    ("WATCH: Floods sweep through Varda.", [], [], ["WATCH"]),
    ("UPDATE: The Kellan bridge has reopened.", [], [], ["UPDATE"]),
    ("Officials blamed the Internet for the rumours.", [], [], ["Internet"]),
    # nationalities, demonyms
    # place that acts vs. place
    ("Tarsk accused Varda of violating the ceasefire.", ["Tarsk"], [], []),
    # a place whose office or people are named: "the mayor of Tarsk", "residents
    # of Kellan"; not a bank's governor
    (
        "Maria Lopez, the mayor of Tarsk, opened the new bridge on Monday.",
        ["Maria Lopez"],
        ["Tarsk"],
        [],
    ),
    (
        "Maria Lopez, the governor of Orlen, toured the flooded farms.",
        ["Maria Lopez"],
        ["Orlen"],
        [],
    ),
    ("The governor of Kellan declared a state of emergency.", [], ["Kellan"], []),
    (
        "The governor of the Varda Central Bank raised rates.",
        ["Varda Central Bank"],
        [],
        [],
    ),
    ("The chairman of Orlen Bank resigned on Friday.", ["Orlen Bank"], [], []),
    ("Residents of Kellan complained about the noise.", [], ["Kellan"], []),
    # a disease named after a place; not an institute that studies one
    ("Doctors treated 40 patients for Tarsk fever.", [], [], ["Tarsk"]),
    ("Hundreds fell ill with Orlen flu last winter.", [], [], ["Orlen", "Orlen flu"]),
    (
        "The Tarsk Virus Institute warned of a new strain.",
        ["Tarsk Virus Institute"],
        [],
        [],
    ),
]


@pytest.mark.parametrize(("text", "actors", "places", "neither"), _CASES)
def test_actors_and_places(run, text, actors, places, neither):
    x = run(_LEAD + text)
    found_actors = _names(x, places=False)
    found_places = _names(x, places=True)
    assert {_fold(a) for a in actors} <= found_actors
    assert {_fold(p) for p in places} <= found_places
    assert not {_fold(n) for n in neither} & (found_actors | found_places)
