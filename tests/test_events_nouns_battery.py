"""A battery of invented sentences naming events by nouns and noun phrases ("the
collision", "an emergency landing", "twelve new cases"), by a light verb and its
noun ("held talks", "staged a walkout"), with the place, date and participants
written down by hand before the extractor was run: in the event's own sentence, in
a fronted phrase or in the sentence before; one event named twice, by its verb and
then its noun; and nouns that look like triggers but name no event (kinds of
things, titles, names, compound modifiers). Published on Thursday, 12 June 2025;
trained English pipeline (slow)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kb.models import Event, Extraction

pytestmark = pytest.mark.slow

#: the publication day every case is read against (a Thursday)
_PUBLISHED = "2025-06-12"
#: two sentences before the one under test: an article's lead is read apart
_LEAD = "The town was quiet.\n\nThe night was cold.\n\n"


@dataclass(frozen=True)
class _Expected:
    """An event as a reader would write it down: the words that may name it, and
    its place, date (a prefix of the ISO date) and people, where the text gives
    them."""

    words: tuple[str, ...]
    place: str | None = None
    date: str | None = None
    who: tuple[str, ...] = ()


def _case(
    text: str,
    words: str | tuple[str, ...],
    place: str | None = None,
    date: str | None = None,
    who: tuple[str, ...] = (),
    gap: str | None = None,
) -> object:
    """One case; ``gap`` says why the extractor does not meet it yet."""
    words = (words,) if isinstance(words, str) else words
    expected = _Expected(words, place, date, who)
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(text, expected, marks=marks, id=text[:60])


def _texts(e: Event) -> list[str]:
    return [s.text.lower() for s in (e.trigger, *e.mentions)]


def _label_words(e: Event) -> list[str]:
    """The words of the event's label before its type: "emergency landing"."""
    return e.label.split(" (")[0].lower().replace("/", " ").split()


def _naming(x: Extraction, words: tuple[str, ...]) -> list[Event]:
    """The events one of whose words starts with one of ``words``."""
    return [
        e for e in x.events if any(t.startswith(w) for t in _texts(e) for w in words)
    ]


def _named(x: Extraction, words: tuple[str, ...]) -> list[Event]:
    """The events whose words or label words start with one of ``words``, as the
    scorer reads an event's label beside its words."""
    return [
        e
        for e in x.events
        if any(t.startswith(w) for t in _texts(e) + _label_words(e) for w in words)
    ]


def _misses(x: Extraction, e: Event, want: _Expected) -> list[str]:
    """What the event gets wrong of what is expected of it."""
    names = {n.key: n.name.lower() for n in x.entities}
    places = [names.get(k, "") for k in e.places]
    people = [names.get(k, "") for k in (*e.agents, *e.participants)]
    out = []
    if want.place and not any(want.place.lower() in p for p in places):
        out.append(f"place {places}")
    if want.date and not (e.date and e.date.value.startswith(want.date)):
        out.append(f"date {e.date.value if e.date else None}")
    for who in want.who:
        if not any(who.lower() in p for p in people):
            out.append(f"{who} not in {people}")
    return out


def _report(x: Extraction) -> list[object]:
    names = {n.key: n.name for n in x.entities}
    return [
        (
            _texts(e),
            e.event_type,
            e.modality,
            [names.get(k) for k in e.places],
            e.date.value if e.date else None,
            [names.get(k) for k in (*e.agents, *e.participants)],
        )
        for e in x.events
    ]


def _check(x: Extraction, want: _Expected) -> None:
    found = _named(x, want.words)
    assert found, _report(x)
    assert any(not _misses(x, e, want) for e in found), (
        [_misses(x, e, want) for e in found],
        _report(x),
    )


# events named by a noun, with their arguments in the noun's own sentence
_NOUNS = [
    # transport
    _case(
        "The collision between two freight trains near Lyon on Monday injured "
        "four crew.",
        "collision",
        "Lyon",
        "2025-06-09",
    ),
    _case(
        "The derailment of a passenger train near Porto on Sunday injured 12 people.",
        "derailment",
        "Porto",
        "2025-06-08",
    ),
    _case(
        "The sinking of a ferry off Bergen on Sunday left 30 people missing.",
        "sinking",
        "Bergen",
        "2025-06-08",
    ),
    _case(
        "A pile-up on the motorway near Bergen on Saturday involved 40 cars.",
        "pile-up",
        "Bergen",
        "2025-06-07",
    ),
    _case(
        "The crash of a small plane near Bergen on Monday killed its pilot.",
        "crash",
        "Bergen",
        "2025-06-09",
    ),
    _case(
        "The hijacking of a bus in Graz on Tuesday ended without bloodshed.",
        "hijacking",
        "Graz",
        "2025-06-10",
    ),
    # disasters and weather
    _case(
        "A landslide on the mountain road above Graz on Saturday trapped dozens "
        "of cars.",
        "landslide",
        "Graz",
        "2025-06-07",
    ),
    _case(
        "The heatwave that hit Bergen on Monday closed schools across the region.",
        "heatwave",
        "Bergen",
        "2025-06-09",
    ),
    _case(
        "The earthquake that shook Bergen on Wednesday destroyed 200 homes.",
        "earthquake",
        "Bergen",
        "2025-06-11",
    ),
    _case(
        "A fire at a textile factory in Graz on Tuesday killed eight workers.",
        "fire",
        "Graz",
        "2025-06-10",
    ),
    _case(
        "The explosion at a chemical plant in Lyon on Monday killed three workers.",
        "explosion",
        "Lyon",
        "2025-06-09",
    ),
    _case(
        "A tornado tore through the outskirts of Porto on Friday.",
        "tornado",
        "Porto",
        "2025-06-06",
    ),
    _case(
        "A blackout across Graz on Tuesday lasted six hours.",
        "blackout",
        "Graz",
        "2025-06-10",
    ),
    _case(
        "The flooding in Lyon on Friday forced 2,000 people from their homes.",
        "flooding",
        "Lyon",
        "2025-06-06",
    ),
    _case(
        "The avalanche above Lyon on Saturday buried three skiers.",
        "avalanche",
        "Lyon",
        "2025-06-07",
    ),
    _case(
        "A sinkhole opened in a street in Graz on Wednesday, swallowing two cars.",
        "sinkhole",
        "Graz",
        "2025-06-11",
    ),
    _case(
        "A hailstorm flattened crops around Bergen on Tuesday.",
        "hailstorm",
        "Bergen",
        "2025-06-10",
    ),
    _case(
        "The Tarsk river burst its banks on Wednesday, flooding the old town.",
        ("burst", "flooding"),
        None,
        "2025-06-11",
    ),
    _case(
        "The evacuation of Lyon began on Tuesday as the fire spread.",
        "evacuation",
        "Lyon",
        "2025-06-10",
    ),
    _case(
        "The rescue of 14 miners trapped near Graz ended on Sunday.",
        "rescue",
        "Graz",
        "2025-06-08",
    ),
    # health
    _case(
        "Twelve new cases of cholera were confirmed in Porto on Tuesday.",
        ("cases", "confirmed"),
        "Porto",
        "2025-06-10",
    ),
    _case(
        "The outbreak of cholera in Graz has killed nine people since May.",
        "outbreak",
        "Graz",
    ),
    _case(
        "The poisoning of Tomas Brandt in Porto last month shocked the country.",
        "poisoning",
        "Porto",
        "2025-05",
        ("Tomas Brandt",),
    ),
    # labour and business
    _case(
        "A strike by dock workers shut the port of Bergen on Tuesday.",
        "strike",
        "Bergen",
        "2025-06-10",
    ),
    _case(
        "A walkout by nurses at the city hospital in Bergen on Wednesday closed two "
        "wards.",
        "walkout",
        "Bergen",
        "2025-06-11",
    ),
    _case(
        "The takeover of Tarsk Telecom by Orlen Bank was completed on Friday.",
        "takeover",
        None,
        "2025-06-06",
        ("Tarsk Telecom", "Orlen Bank"),
    ),
    _case(
        "Varda Motors announced the recall of 30,000 vans on Tuesday.",
        "recall",
        None,
        "2025-06-10",
        ("Varda Motors",),
    ),
    _case(
        "The merger of Orlen Bank and Kellan Savings was approved on Tuesday.",
        "merger",
        None,
        "2025-06-10",
        ("Orlen Bank", "Kellan Savings"),
    ),
    _case(
        "The bankruptcy of Orlen Steel in May cost 3,000 jobs.",
        "bankruptcy",
        None,
        "2025-05",
        ("Orlen Steel",),
    ),
    _case(
        "The cyberattack on Kellan Bank last month disrupted payments for three days.",
        "cyberattack",
        None,
        "2025-05",
        ("Kellan Bank",),
    ),
    _case(
        "The devaluation of the Varda dinar on Monday wiped out savings.",
        "devaluation",
        None,
        "2025-06-09",
    ),
    # politics
    _case(
        "Maria Lopez's resignation as finance minister on Friday surprised the "
        "markets.",
        "resignation",
        None,
        "2025-06-06",
        ("Maria Lopez",),
    ),
    _case(
        "The election in Graz on Sunday returned the ruling party to power.",
        "election",
        "Graz",
        "2025-06-08",
    ),
    _case(
        "Thousands joined a protest against the new tax in Lyon on Saturday.",
        "protest",
        "Lyon",
        "2025-06-07",
    ),
    _case(
        "The coup in Graz on Sunday toppled President Tomas Brandt.",
        "coup",
        "Graz",
        "2025-06-08",
        ("Tomas Brandt",),
    ),
    _case(
        "The summit between Maria Lopez and Tomas Brandt in Bergen ended on Wednesday.",
        "summit",
        "Bergen",
        "2025-06-11",
        ("Maria Lopez", "Tomas Brandt"),
    ),
    _case(
        "The impeachment of Tomas Brandt by the Varda parliament on Tuesday ended "
        "his presidency.",
        "impeachment",
        None,
        "2025-06-10",
        ("Tomas Brandt",),
    ),
    _case(
        "The recount in Graz on Monday confirmed Maria Lopez as mayor.",
        "recount",
        "Graz",
        "2025-06-09",
    ),
    _case(
        "The reshuffle announced by Maria Lopez on Monday brought four new "
        "ministers into the cabinet.",
        "reshuffle",
        None,
        "2025-06-09",
        ("Maria Lopez",),
    ),
    _case(
        "The ceasefire between Tarsk and Varda took effect on Friday.",
        "ceasefire",
        None,
        "2025-06-06",
    ),
    _case(
        "The funeral of Maria Lopez was held in Porto on Monday.",
        "funeral",
        "Porto",
        "2025-06-09",
        ("Maria Lopez",),
    ),
    # crime, courts and conflict
    _case(
        "The verdict in the trial of Maria Lopez was read out in Lyon on Monday.",
        "verdict",
        "Lyon",
        "2025-06-09",
        ("Maria Lopez",),
    ),
    _case(
        "The arrest of Tomas Brandt in Porto on Sunday sparked protests.",
        "arrest",
        "Porto",
        "2025-06-08",
        ("Tomas Brandt",),
    ),
    _case(
        "The acquittal of Tomas Brandt in Lyon on Friday angered his accusers.",
        "acquittal",
        "Lyon",
        "2025-06-06",
        ("Tomas Brandt",),
    ),
    _case(
        "The kidnapping of two aid workers near Bergen on Friday was blamed on rebels.",
        "kidnapping",
        "Bergen",
        "2025-06-06",
    ),
    _case(
        "The shooting outside a nightclub in Lyon on Sunday left two people dead.",
        "shooting",
        "Lyon",
        "2025-06-08",
    ),
    _case(
        "A shootout between police and smugglers near Porto on Sunday left one "
        "officer wounded.",
        "shootout",
        "Porto",
        "2025-06-08",
    ),
    _case(
        "The arson attack on a mosque in Lyon on Saturday was condemned by Maria "
        "Lopez.",
        ("attack", "arson"),
        "Lyon",
        "2025-06-07",
    ),
    _case(
        "A stampede at a football stadium in Porto on Saturday injured 50 fans.",
        "stampede",
        "Porto",
        "2025-06-07",
    ),
    _case(
        "A heat wave gripped Porto on Monday, closing schools.",
        ("wave", "heat"),
        "Porto",
        "2025-06-09",
    ),
    _case(
        "A shoot-out near Lyon on Monday left two police officers wounded.",
        ("shoot-out", "shootout"),
        "Lyon",
        "2025-06-09",
    ),
]

# events named by a light verb and its noun: the noun says which event
_LIGHT_VERBS = [
    _case(
        "A Varda Air jet made an emergency landing at Lyon airport on Tuesday.",
        "landing",
        "Lyon",
        "2025-06-10",
        ("Varda Air",),
        gap="'Varda Air' before 'jet' is no mention (mentions.py, not this stage's)",
    ),
    _case(
        "Rebels carried out an attack on an army post near Porto on Monday.",
        "attack",
        "Porto",
        "2025-06-09",
    ),
    _case(
        "Maria Lopez and Tomas Brandt held talks in Bergen on Tuesday.",
        "talks",
        "Bergen",
        "2025-06-10",
        ("Maria Lopez", "Tomas Brandt"),
    ),
    _case(
        "Kellan police launched an investigation into the fire on Wednesday.",
        "investigation",
        None,
        "2025-06-11",
    ),
    _case(
        "Tarsk and Varda reached a deal on fishing rights on Friday.",
        "deal",
        None,
        "2025-06-06",
    ),
    _case(
        "Orlen Bank made a takeover bid for Tarsk Insurance on Monday.",
        ("bid", "takeover"),
        None,
        "2025-06-09",
        ("Orlen Bank", "Tarsk Insurance"),
    ),
    _case(
        "Varda Motors issued a recall of 12,000 cars on Tuesday.",
        "recall",
        None,
        "2025-06-10",
        ("Varda Motors",),
    ),
    _case(
        "Nurses at the Orlen hospital staged a walkout on Wednesday.",
        "walkout",
        None,
        "2025-06-11",
    ),
    _case(
        "Police made three arrests in Graz on Saturday.",
        "arrests",
        "Graz",
        "2025-06-07",
    ),
    _case(
        "Tarsk Telecom completed its takeover of Orlen Cable on Friday.",
        "takeover",
        None,
        "2025-06-06",
        ("Tarsk Telecom", "Orlen Cable"),
    ),
    _case(
        "Tomas Brandt filed a lawsuit against Orlen Bank on Monday.",
        "lawsuit",
        None,
        "2025-06-09",
        ("Tomas Brandt", "Orlen Bank"),
    ),
    _case(
        "The Kellan central bank announced a rate cut on Wednesday.",
        "cut",
        None,
        "2025-06-11",
    ),
    _case(
        "A cargo ship ran aground off Porto on Sunday.",
        ("ran", "aground"),
        "Porto",
        "2025-06-08",
    ),
    _case(
        "The Tarsk army conducted air strikes on rebel positions near Bergen on "
        "Sunday.",
        "strikes",
        "Bergen",
        "2025-06-08",
    ),
    _case(
        "Maria Lopez paid a visit to Graz on Friday.",
        "visit",
        "Graz",
        "2025-06-06",
        ("Maria Lopez",),
    ),
    _case(
        "The Varda parliament held a vote on the budget on Tuesday.",
        "vote",
        None,
        "2025-06-10",
    ),
    _case(
        "Tomas Brandt took part in a debate with Maria Lopez in Lyon on Wednesday.",
        "debate",
        "Lyon",
        "2025-06-11",
        ("Tomas Brandt", "Maria Lopez"),
    ),
    _case(
        "Gunmen took 12 passengers hostage on a bus near Graz on Sunday.",
        ("took", "hostage"),
        "Graz",
        "2025-06-08",
    ),
    _case(
        "Orlen Steel went bust on Friday.",
        "went",
        None,
        "2025-06-06",
        ("Orlen Steel",),
        gap="'Orlen Steel' alone as a subject is no mention (mentions.py)",
    ),
    _case(
        "Varda Motors went bankrupt on Friday.",
        "went",
        None,
        "2025-06-06",
        ("Varda Motors",),
    ),
]

# the place or date in a fronted phrase, or in the sentence before
_CONTEXT = [
    _case(
        "On Tuesday, a fire broke out at a market in Porto.",
        "fire",
        "Porto",
        "2025-06-10",
    ),
    _case(
        "In the northern city of Bergen, police clashed with protesters on Sunday.",
        "clashed",
        "Bergen",
        "2025-06-08",
    ),
    _case(
        "Heavy rain fell across Graz on Friday. The flooding forced 2,000 people "
        "from their homes.",
        "flooding",
        "Graz",
        "2025-06-06",
    ),
    _case(
        "Early on Wednesday, in Bergen, a gas explosion destroyed a block of flats.",
        "explosion",
        "Bergen",
        "2025-06-11",
    ),
    _case(
        "Last month, in Porto, a court jailed Tomas Brandt for fraud.",
        "jailed",
        "Porto",
        "2025-05",
        ("Tomas Brandt",),
    ),
    _case(
        "Maria Lopez flew to Lyon on Monday. There she held talks with Tomas Brandt.",
        "talks",
        "Lyon",
        None,
        ("Maria Lopez", "Tomas Brandt"),
    ),
    _case(
        "A passenger train left Porto on Sunday morning. Two hours later it derailed "
        "near Graz.",
        "derailed",
        "Graz",
        "2025-06-08",
    ),
    _case(
        "Fighting broke out in Bergen on Saturday. The clashes killed at least 20 "
        "people.",
        "clashes",
        "Bergen",
        "2025-06-07",
    ),
]

# (text, the verb's and the noun's words, what the one event has)
_TWICE = [
    _case(
        "A bus crashed into a wall in Bergen on Monday. The crash injured 14 "
        "passengers.",
        ("crashed", "crash"),
        "Bergen",
        "2025-06-09",
    ),
    _case(
        "Rebels attacked a police station in Porto on Tuesday. The attack killed "
        "two officers.",
        ("attacked", "attack"),
        "Porto",
        "2025-06-10",
    ),
    _case(
        "Orlen Bank acquired Tarsk Insurance on Friday. The acquisition cost "
        "$2 billion.",
        ("acquired", "acquisition"),
        None,
        "2025-06-06",
        ("Orlen Bank", "Tarsk Insurance"),
    ),
    _case(
        "Kellan Motors recalled 20,000 cars on Tuesday. The recall covers models "
        "built in 2023.",
        ("recalled", "recall"),
        None,
        "2025-06-10",
        # "built in 2023" dates the building, not the recall
        ("Kellan Motors",),
    ),
    _case(
        "A chemical tank exploded at a plant in Lyon on Sunday. The explosion was "
        "heard ten miles away.",
        ("exploded", "explosion"),
        "Lyon",
        "2025-06-08",
    ),
    _case(
        "Tarsk troops invaded Porto on Monday. The invasion was condemned by Kellan.",
        ("invaded", "invasion"),
        "Porto",
        "2025-06-09",
    ),
    _case(
        "A freight train derailed near Graz on Saturday. The derailment blocked "
        "the line for a day.",
        ("derailed", "derailment"),
        "Graz",
        "2025-06-07",
    ),
    _case(
        "Maria Lopez resigned as mayor of Bergen on Friday. Her resignation followed "
        "a fraud inquiry.",
        ("resigned", "resignation"),
        None,
        "2025-06-06",
        ("Maria Lopez",),
    ),
    _case(
        "In Lyon, a bus and a lorry collided on Monday. The crash killed six people.",
        ("collided", "crash"),
        "Lyon",
        "2025-06-09",
    ),
    _case(
        "Protesters gathered in front of the town hall in Porto on Sunday. The rally was "
        "peaceful.",
        ("gathered", "rally"),
        "Porto",
        "2025-06-08",
    ),
    _case(
        "Police arrested Tomas Brandt in Graz on Saturday. His arrest drew "
        "protests from Bergen.",
        ("arrested", "arrest"),
        "Graz",
        "2025-06-07",
        ("Tomas Brandt",),
    ),
    _case(
        "Two ships collided off Bergen on Wednesday. The collision spilled oil into "
        "the bay.",
        ("collided", "collision"),
        "Bergen",
        "2025-06-11",
    ),
]

# (text, a word that must name no event): kinds of things, rules, titles, names,
# a noun used as a modifier
_NON_EVENTS = [
    ("Strikes are rare in the Tarsk car industry.", "strikes"),
    ("The Kellan army bought ten attack helicopters on Monday.", "attack"),
    ("Maria Lopez took a crash course in Porto law.", "crash"),
    ("The Orlen parliament debated election campaign finance rules.", "election"),
    ("The Orlen parliament debated election campaign finance rules.", "campaign"),
    ("The Tarsk Flood Protection Act came into force in 2020.", "flood"),
    ("Maria Lopez's new novel, The Long Strike, is set in Porto.", "strike"),
    ("Fire safety inspectors visited the Kellan school on Monday.", "fire"),
    ("The Varda earthquake insurance fund has grown to $1 billion.", "earthquake"),
    ("Kellan Air's accident record is among the best in the world.", "accident"),
    ("A strike fund for Orlen dock workers was set up in 2019.", "strike"),
    pytest.param(
        "Storm drains in Bergen were cleaned last week.",
        "storm",
        marks=pytest.mark.xfail(
            strict=True, reason="the tagger reads 'drains' as a verb of 'Storm'"
        ),
    ),
    ("The Tarsk protest movement has 5,000 members.", "protest"),
    ("Tomas Brandt is an expert on trade deals.", "deals"),
    ("Maria Lopez teaches a course on election law in Graz.", "election"),
    ("Tarsk Fire Brigade employs 300 people.", "fire"),
    ("Orlen has a long history of floods.", "floods"),
    ("Varda's merger rules are among the strictest in Europe.", "merger"),
    ("The heatwave plan for Tarsk sets out what hospitals must do.", "heatwave"),
    ("Maria Lopez starred in the film Ceasefire, shot in Graz.", "ceasefire"),
    ("Kellan sells riot gear to police forces in Bergen.", "riot"),
    ("The explosion risk at the Tarsk plant was assessed last year.", "explosion"),
    ("Tomas Brandt runs a landslide warning service in Porto.", "landslide"),
    ("Maria Lopez won a landslide victory in Porto on Sunday.", "landslide"),
    ("Orlen Bank made an offer of free accounts to students.", "offer"),
    ("Tax cuts are popular with voters in Varda.", "cuts"),
    ("The Varda festival showed a new wave of films from Graz.", "wave"),
    ("Maria Lopez has no recall of the meeting in Graz.", "recall"),
    ("Kellan Insurance pays out on flood damage within a month.", "flood"),
    ("The Varda Election Commission has 12 members.", "election"),
    ("Crash barriers line the road from Lyon to Bergen.", "crash"),
    ("Kellan is a country where coups are common.", "coups"),
    ("The trial lawyer Maria Lopez opened an office in Porto.", "trial"),
]


@pytest.mark.parametrize(("text", "want"), _NOUNS)
def test_events_named_by_nouns(run, text, want):
    _check(run(_LEAD + text, published=_PUBLISHED), want)


@pytest.mark.parametrize(("text", "want"), _LIGHT_VERBS)
def test_events_named_by_a_light_verb_and_its_noun(run, text, want):
    _check(run(_LEAD + text, published=_PUBLISHED), want)


@pytest.mark.parametrize(("text", "want"), _CONTEXT)
def test_arguments_in_a_fronted_phrase_or_the_sentence_before(run, text, want):
    _check(run(_LEAD + text, published=_PUBLISHED), want)


@pytest.mark.parametrize(("text", "want"), _TWICE)
def test_one_event_named_by_its_verb_and_then_its_noun(run, text, want):
    x = run(_LEAD + text, published=_PUBLISHED)
    found = _naming(x, want.words)
    assert len(found) == 1, _report(x)
    _check(x, want)


@pytest.mark.parametrize(("text", "word"), _NON_EVENTS)
def test_nouns_that_name_no_event(run, text, word):
    x = run(_LEAD + text, published=_PUBLISHED)
    assert not _naming(x, (word,)), _report(x)


@pytest.mark.parametrize(
    ("text", "words", "who"),
    [
        # "he" in what someone says is often the speaker, not the man before
        (
            "Tomas Brandt visited Graz on Monday. A farmer there says he was "
            "evacuated in May.",
            ("evacuated",),
            "Tomas Brandt",
        ),
    ],
)
def test_a_pronoun_in_what_is_said_is_no_doer_told_before(run, text, words, who):
    x = run(_LEAD + text, published=_PUBLISHED)
    names = {n.key: n.name for n in x.entities}
    events = _naming(x, words)
    assert events, _report(x)  # the guard needs an event to look at
    for e in events:
        assert who not in [names.get(k) for k in (*e.agents, *e.participants)], _report(
            x
        )
