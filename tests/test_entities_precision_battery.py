"""A battery of invented sentences on the precision of actors and places: named
things that are neither (products, models, vehicles and ships, works, characters,
events, awards, plans, buildings used as things, diseases, storms, currencies,
languages, holidays, job titles and fields, headline words, credits, handles), one
actor or place named in two ways (a surname alone, a possessive, a title, an
acronym, a state's abbreviation), people taken for places and places for people,
platforms, nationalities; and guard cases that must stay actors or places. Each
expectation was written by hand before the run; trained English pipeline (slow).
The cases of tests/test_entities_battery.py are not repeated."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.test_entities_battery import _LEAD, _fold, _names

pytestmark = pytest.mark.slow


def _one_holder(x: Extraction, names: list[str], *, places: bool) -> bool:
    """Whether one actor (or one place) holds all the names, and no other any."""
    folded = {_fold(n) for n in names}
    holders = [
        {_fold(n) for n in (e.name, *e.aliases)}
        for e in x.entities
        if (e.is_location if places else e.actor_kind is not None)
    ]
    holders = [h for h in holders if folded & h]
    return len(holders) == 1 and folded <= holders[0]


def _gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, actors that must be found, places that must be found, names that must be
# neither an actor nor a place)
_CASES = [
    # products, models, vehicles, ships
    (
        "Tarsk Motors unveiled the Varda GT at the show.",
        ["Tarsk Motors"],
        [],
        ["Varda GT"],
    ),
    ("Sales of the Orlen Pulse smartwatch doubled.", [], [], ["Orlen Pulse"]),
    (
        "The crew of the cargo ship Kellan Star were rescued.",
        [],
        [],
        ["Kellan Star"],
    ),
    (
        "Maria Lopez sailed aboard the Orlen Queen to Tarsk.",
        ["Maria Lopez"],
        ["Tarsk"],
        ["Orlen Queen"],
    ),
    ("The air force grounded its Varda K-7 jets.", [], [], ["Varda K-7"]),
    pytest.param(
        "Users complained that Kellan OS 12 was slow.",
        [],
        [],
        ["Kellan OS 12", "Kellan OS"],
        marks=_gap("a system by its version number reads as a company's name"),
    ),
    # works, shows, characters
    (
        "The third season of Tarsk Nights drew record viewers.",
        [],
        [],
        ["Tarsk Nights"],
    ),
    (
        "Maria Lopez plays Captain Varda Orlen in the series.",
        ["Maria Lopez"],
        [],
        ["Varda Orlen", "Captain Varda Orlen"],
    ),
    (
        "Maria Lopez plays Inspector Tomas Varda in the new crime drama.",
        ["Maria Lopez"],
        [],
        ["Tomas Varda"],
    ),
    (
        "Kellan Moor was cast as Maria Lopez in the film.",
        ["Kellan Moor"],
        [],
        ["Maria Lopez"],
    ),
    (
        "Her song Orlen Skies topped the charts for six weeks.",
        [],
        [],
        ["Orlen Skies"],
    ),
    (
        "The painting Morning at Kellan sold for $3 million.",
        [],
        [],
        ["Morning at Kellan"],
    ),
    # events, tournaments, holidays
    ("Leaders will meet at the Varda Summit in June.", [], [], ["Varda Summit"]),
    ("The Orlen Grand Prix was moved to September.", [], [], ["Orlen Grand Prix"]),
    ("Tickets for the Kellan Expo sold out.", [], [], ["Kellan Expo"]),
    ("Shops closed for the Tarsk Day holiday.", [], [], ["Tarsk Day"]),
    # awards
    ("Maria Lopez won the Varda Medal in 2019.", ["Maria Lopez"], [], ["Varda Medal"]),
    (
        "The film won three Kellan Awards last night.",
        [],
        [],
        ["Kellan Awards", "Kellan Award"],
    ),
    # laws, programmes, plans
    (
        "Critics said the Kellan Recovery Plan was too small.",
        [],
        [],
        ["Kellan Recovery Plan"],
    ),
    ("The Orlen Reform Bill passed its second reading.", [], [], ["Orlen Reform Bill"]),
    ("Funding for the Varda Initiative ran out.", [], [], ["Varda Initiative"]),
    # common nouns and sources that are no names
    pytest.param(
        "The report said 40 people had died in Tarsk.",
        [],
        ["Tarsk"],
        ["report"],
        marks=_gap("a document that speaks is its own actor (Resolver.document)"),
    ),
    pytest.param(
        "The website said the Kellan shop would close.",
        [],
        [],
        ["website"],
        marks=_gap("a noun nothing resolves that speaks is an actor by its words"),
    ),
    # diseases, storms
    ("Two children died of Kellan syndrome.", [], [], ["Kellan", "Kellan syndrome"]),
    (
        "Storm Orlen knocked out power to 10,000 homes.",
        [],
        [],
        ["Orlen", "Storm Orlen"],
    ),
    (
        "Hurricane Varda made landfall near Kellan on Sunday.",
        [],
        ["Kellan"],
        ["Varda", "Hurricane Varda"],
    ),
    # currencies, languages
    ("The Tarsk dinar fell 3 percent against the dollar.", [], [], ["Tarsk dinar"]),
    ("The fine was 2,000 Varda crowns.", [], [], ["Varda crowns"]),
    (
        "The leaflets were printed in Swahili and Catalan.",
        [],
        [],
        ["Swahili", "Catalan"],
    ),
    # job titles, offices
    (
        "Maria Lopez, Chief Executive of Orlen Bank, resigned on Friday.",
        ["Maria Lopez", "Orlen Bank"],
        [],
        ["Chief Executive"],
    ),
    ("The Attorney General opened an inquiry.", [], [], ["Attorney General"]),
    (
        "The Chief Executive of Orlen Bank stepped down.",
        ["Orlen Bank"],
        [],
        ["Chief Executive"],
    ),
    # fields of a title
    (
        "Maria Lopez, a professor of Tarsk Studies at Orlen University, said the "
        "find was rare.",
        ["Maria Lopez", "Orlen University"],
        [],
        ["Tarsk Studies"],
    ),
    (
        "Ivo Marsh, professor of Ancient History at Kellan College, led the dig.",
        ["Ivo Marsh", "Kellan College"],
        [],
        ["Ancient History"],
    ),
    # headline words in capitals
    ("EXCLUSIVE: Tarsk mayor quits.", [], [], ["EXCLUSIVE"]),
    ("ANALYSIS: Why Varda is running out of water.", [], [], ["ANALYSIS"]),
    ("LIVE: Votes counted across Kellan.", [], [], ["LIVE"]),
    # bylines, photo credits, handles
    (
        "Photo: Anders Kellan/Tarsk Images",
        [],
        [],
        ["Anders Kellan", "Tarsk Images"],
    ),
    (
        "The council posted the notice on X as @OrlenCouncil.",
        [],
        [],
        ["@OrlenCouncil", "OrlenCouncil"],
    ),
    # holidays
    (
        "Families in Kellan celebrated Hanukkah with Maria Lopez.",
        ["Maria Lopez"],
        ["Kellan"],
        ["Hanukkah"],
    ),
    ("Prices of sweets rise ahead of Holi.", [], [], ["Holi"]),
    ("Crowds gathered in Varda for Easter.", [], ["Varda"], ["Easter"]),
    # nationalities
    ("Moldovan troops crossed the border at dawn.", [], [], ["Moldovan"]),
    ("French farmers blocked the roads.", [], [], ["French"]),
    ("A Kenyan runner won the race.", [], [], ["Kenyan"]),
    # people taken for places, places for people
    (
        "Florence Kellan said the plan would fail.",
        ["Florence Kellan"],
        [],
        ["Florence"],
    ),
    (
        "Jordan Varda, a lawyer, filed the appeal.",
        ["Jordan Varda"],
        [],
        ["Jordan"],
    ),
    (
        "Georgia Orlen told reporters she was leaving the party.",
        ["Georgia Orlen"],
        [],
        ["Georgia"],
    ),
    ("Maria Lopez flew to Porto on Monday.", ["Maria Lopez"], ["Porto"], []),
    ("The bridge between Tarsk and Varda reopened.", [], ["Tarsk", "Varda"], []),
    (
        "Fans of Orlen Wanderers marched through Tarsk.",
        ["Orlen Wanderers"],
        ["Tarsk"],
        [],
    ),
    # guards: actors that must stay actors
    ("Orlen Airways cancelled 40 flights.", ["Orlen Airways"], [], []),
    ("The Kellan Institute published the study.", ["Kellan Institute"], [], []),
    ("Maria Lopez, a nurse, said the ward was full.", ["Maria Lopez"], [], []),
    ("Police in Tarsk arrested Tomas Varda.", ["Tomas Varda"], ["Tarsk"], []),
    ("The Varda Gazette published the letter.", ["Varda Gazette"], [], []),
    ("Tarsk Energy raised its prices by 8 percent.", ["Tarsk Energy"], [], []),
    ("The Orlen Football Club sacked its coach.", ["Orlen Football Club"], [], []),
    (
        "The Kellan Red Cross sent blankets to Varda.",
        ["Kellan Red Cross"],
        ["Varda"],
        [],
    ),
    (
        "The Tarsk Nurses Association backed the strike.",
        ["Tarsk Nurses Association"],
        [],
        [],
    ),
    ("Prosecutors charged Ivan Orlen with fraud.", ["Ivan Orlen"], [], []),
    (
        "The Varda Chamber of Commerce criticised the tax.",
        ["Varda Chamber of Commerce"],
        [],
        [],
    ),
    ("Microsoft and Google agreed to the deal.", ["Microsoft", "Google"], [], []),
    (
        "Maria Lopez returned to Orlen Bank as chairman.",
        ["Maria Lopez", "Orlen Bank"],
        [],
        [],
    ),
    (
        "Kellan Moor played Tomas Varda in the semi-final and won 6-3, 6-4.",
        ["Kellan Moor", "Tomas Varda"],
        [],
        [],
    ),
    (
        "Maria Lopez met Tomas Varda, who plays for Orlen Wanderers.",
        ["Maria Lopez", "Tomas Varda"],
        [],
        [],
    ),
    ("The United Nations sent envoys to Varda.", ["United Nations"], ["Varda"], []),
    # guards: places that must stay places
    ("Heavy snow closed roads in Norway.", [], ["Norway"], []),
    pytest.param(
        "The fire spread along the Varda coast.",
        [],
        ["Varda"],
        [],
        marks=_gap("the NER tags no name before 'coast' here"),
    ),
    ("The refugees reached Kellan Island by boat.", [], ["Kellan Island"], []),
    ("Troops withdrew from the Orlen Valley.", [], ["Orlen Valley"], []),
    ("The ship docked at Tarsk Harbour.", [], ["Tarsk Harbour"], []),
    ("Traffic was diverted around Kellan Park.", [], ["Kellan Park"], []),
    ("Wildfires burned across southern Spain.", [], ["Spain"], []),
    ("Cities like Tarsk and Varda banned cars.", [], ["Tarsk", "Varda"], []),
    ("She was born in Orlen, a village near the border.", [], ["Orlen"], []),
]


@pytest.mark.parametrize(("text", "actors", "places", "neither"), _CASES)
def test_actors_and_places(run, text, actors, places, neither):
    x = run(_LEAD + text)
    found_actors = _names(x, places=False)
    found_places = _names(x, places=True)
    assert {_fold(a) for a in actors} <= found_actors
    assert {_fold(p) for p in places} <= found_places
    assert not {_fold(n) for n in neither} & (found_actors | found_places)


# (text, names that must be one actor): the same actor named twice in two ways
_ONE_ACTOR = [
    (
        "Maria Lopez said the bridge was safe. Lopez added that repairs would start soon.",
        ["Maria Lopez", "Lopez"],
    ),
    (
        "Tomas Varda resigned on Friday. Varda's lawyer said he would appeal.",
        ["Tomas Varda", "Varda"],
    ),
    (
        "President Anders Kellan met the envoys. Mr Kellan said the talks went well.",
        ["Anders Kellan", "Kellan"],
    ),
    (
        "The Tarsk Workers Union (TWU) called a strike. The TWU said talks had failed.",
        ["Tarsk Workers Union", "TWU"],
    ),
    (
        "The Orlen Development Agency approved the loan. The agency's head, Ivo Marsh, "
        "said the Orlen Development Agency would watch the project.",
        ["Orlen Development Agency"],
    ),
    (
        "Elena Marsh won the vote. Marsh, 54, thanked her supporters. "
        "Ms Marsh will take office in May.",
        ["Elena Marsh", "Marsh"],
    ),
]


# buildings and venues used as things: a place, perhaps, but never an actor
_NOT_ACTORS = [
    "The Kellan Tower was sold for $40 million.",
    "The Orlen Arena sold out in an hour.",
    "The Tarsk Bridge cost $2 billion to build.",
]


@pytest.mark.parametrize("text", _NOT_ACTORS)
def test_not_an_actor(run, text):
    x = run(_LEAD + text)
    assert not any(e.actor_kind is not None for e in x.entities)


# (text, names that must be one place): a state by its abbreviation and in full
_ONE_PLACE = [
    (
        "The fire began near Fresno, Calif., and spread. California officials said "
        "40 homes burned.",
        ["Calif", "California"],
    ),
    (
        "Maria Lopez, of Columbia, S.C., was arrested. South Carolina police said "
        "she was armed.",
        ["S.C", "South Carolina"],
    ),
]


@pytest.mark.parametrize(
    ("text", "names", "places"),
    [(t, n, False) for t, n in _ONE_ACTOR] + [(t, n, True) for t, n in _ONE_PLACE],
)
def test_one_entity(run, text, names, places):
    assert _one_holder(run(_LEAD + text), names, places=places)


# (text, names that must be actors and no places): a person's name that a town has
# too, after the noun for what they do or with another's surname; a name joined to
# a place that acts; examples of a kind of business
_ACTING = [
    ("Fans cheered as the singer Milan took the stage.", ["Milan"]),
    (
        "Ivo Tarsk, 51, was arrested. The judge ordered Tarsk and Reno to appear in "
        "court. Kim Reno is his aide.",
        ["Tarsk", "Reno"],
    ),
    (
        "Tomas Orlen was charged with fraud. Lawyers called for Orlen and Camden to "
        "be freed. Maria Camden was his deputy.",
        ["Orlen", "Camden"],
    ),
    ("The stolen painting was returned to Maria Lopez on Friday.", ["Maria Lopez"]),
    ("Ivo Marsh walked to Maria Lopez and hugged her.", ["Maria Lopez"]),
    ("The letter was flown to Tomas Varda in prison.", ["Tomas Varda"]),
    ("Paris and Orlen signed the agreement on Monday.", ["Orlen"]),
    ("London and Tarsk agreed to share the costs.", ["Tarsk"]),
    ("The ban hit apps like Vardagram and Kellanbook.", ["Vardagram", "Kellanbook"]),
    ("Regulators fined platforms like Orlenfeed and Spotify.", ["Orlenfeed"]),
]


@pytest.mark.parametrize(("text", "names"), _ACTING)
def test_actors_not_places(run, text, names):
    x = run(_LEAD + text)
    folded = {_fold(n) for n in names}
    assert folded <= _names(x, places=False)
    assert not folded & _names(x, places=True)


# (text, platforms that must be no places): a platform words are posted on is a
# company (an actor, perhaps), never a place
_PLATFORMS = [
    ("Tomas Varda shared the link on Weibo.", ["Weibo"]),
    ("The rumour spread quickly on Reddit.", ["Reddit"]),
    ("Maria Lopez posted the photos on Instagram.", ["Instagram"]),
]


@pytest.mark.parametrize(("text", "platforms"), _PLATFORMS)
def test_platforms_are_no_places(run, text, platforms):
    x = run(_LEAD + text)
    assert not {_fold(p) for p in platforms} & _names(x, places=True)
