"""A third battery of invented sentences, on who speaks rather than on what is
said (tests/test_claims_battery.py and tests/test_claims_recall_battery.py read
the cues): some of a group ("most of them said", "many argued" after the group),
people a place describes ("a Varda fisherman said", not the town), a role before a
colon ("The governor added: …") and a relative "who" ("…, who said …"); each with
its claimant and statement as written down before the extractor was run; and
sentences that look alike but attribute nothing ("many were said to be missing",
"most of the houses", "the Varda river rose"). Published on Thursday, 12 June
2025; trained English pipeline with the default attribution types (slow)."""

from __future__ import annotations

import pytest

from tests.claim_cases import LEAD
from tests.claim_cases import case as _c
from tests.claim_cases import found as _found
from tests.claim_cases import gap as _gap
from tests.claim_cases import said as _said

pytestmark = pytest.mark.slow


@pytest.fixture
def read(run):
    """Extract the text after the lead, with the session's pipeline."""
    return lambda text: run(LEAD + text)


#: a sentence that names the town as a place, before its people speak
_VARDA = "Floods hit the town of Varda on Monday. "
_KELLAN = "Floods hit the town of Kellan on Monday. "
_VELMAR = "Fires hit the city of Velmar on Monday. "


# (text, who says it, the statement exactly)
_FOUND = [
    # people a place describes: someone from there, not the place
    _c(
        _VARDA + "A Varda fisherman said the river had risen two metres in a night.",
        "Varda fisherman",
        "the river had risen two metres in a night",
    ),
    _c(
        _VARDA + '"The harbour is gone," as a Varda fisherman put it.',
        "Varda fisherman",
        "The harbour is gone",
    ),
    _c(
        _VARDA + "A Varda shopkeeper said the water had reached the second floor.",
        "Varda shopkeeper",
        "the water had reached the second floor",
    ),
    _c(
        _VARDA + "A Varda businesswoman said the insurers would not pay.",
        "Varda businesswoman",
        "the insurers would not pay",
    ),
    _c(
        _KELLAN + "A Kellan teacher told reporters that the school had lost its roof.",
        "Kellan teacher",
        "the school had lost its roof",
    ),
    _c(
        _KELLAN + "Many of the Kellan nurses said the clinic could not cope with "
        "the injured.",
        ("Kellan nurses", "nurses"),
        "the clinic could not cope with the injured",
    ),
    _c(
        _VARDA + "A Varda official said the coast road would stay closed.",
        "Varda official",
        "the coast road would stay closed",
    ),
    _c(
        _VARDA + "Some of the Varda fishermen said the nets had been lost.",
        ("Varda fishermen", "fishermen"),
        "the nets had been lost",
    ),
    _c(
        _KELLAN + "Several Kellan shopkeepers warned that the insurers would not pay.",
        "Kellan shopkeepers",
        "the insurers would not pay",
    ),
    _c(
        _VELMAR + "A Velmar doctor said the hospital had run out of beds.",
        "Velmar doctor",
        "the hospital had run out of beds",
    ),
    _c(
        _VARDA + "Most of the Varda nurses said the clinic was full.",
        ("Varda nurses", "nurses"),
        "the clinic was full",
    ),
    # some of a group named before: the group speaks, not "Most" or "Many"
    _c(
        "The farmers of Varda met on Monday.\n\nMost of them said the new dam "
        "would ruin the valley.",
        ("farmers", "farmers of Varda"),
        "the new dam would ruin the valley",
    ),
    _c(
        "The nurses walked out on Monday. Many of them said the pay offer was an "
        "insult.",
        "nurses",
        "the pay offer was an insult",
    ),
    _gap(
        "The Kellan teachers met on Friday. Some of them warned that the schools "
        "would close in May.",
        "Kellan teachers",
        "the schools would close in May",
        "the tagger calls Kellan an organisation here, whose teachers speak for it",
    ),
    _c(
        "The fishermen of Varda gathered at the port. Many argued that the quota "
        "was unfair.",
        ("fishermen", "fishermen of Varda"),
        "the quota was unfair",
    ),
    _c(
        "The villagers voted on Sunday. Most said the new road was a mistake.",
        "villagers",
        "the new road was a mistake",
    ),
    _c(
        "The miners of Kellan went on strike. Some warned that the pit would close "
        "within a year.",
        ("miners", "miners of Kellan"),
        "the pit would close within a year",
    ),
    _c(
        "The students marched through Orlen on Friday. Many insisted that the fees "
        "had to fall.",
        "students",
        "the fees had to fall",
    ),
    # a role before a colon: the label says who speaks, named or not
    _c(
        "The governor added: the state will pay for every bridge.",
        "governor",
        "the state will pay for every bridge",
    ),
    _c(
        "The minister added: the border will reopen on Friday.",
        "minister",
        "the border will reopen on Friday",
    ),
    _c(
        _VARDA + "A Varda farmer said: the harvest is lost for this year.",
        "Varda farmer",
        "the harvest is lost for this year",
    ),
    _c(
        "The judge added: the trial will resume on Monday.",
        "judge",
        "the trial will resume on Monday",
    ),
    # a relative "who": the one it stands for speaks
    _c(
        "The council thanked Maria Lopez, who said the library would reopen in June.",
        "Maria Lopez",
        "the library would reopen in June",
    ),
    _c(
        "The deal angered the fishermen of Varda, who said the quota would ruin them.",
        ("fishermen", "fishermen of Varda"),
        "the quota would ruin them",
    ),
    _c(
        "The mayor praised Tomas Brandt, who said the bridge would be finished by May.",
        "Tomas Brandt",
        "the bridge would be finished by May",
    ),
    _c(
        "The committee criticised Ana Obi, who argued that the report was unfair.",
        "Ana Obi",
        "the report was unfair",
    ),
    _c(
        _VELMAR + "Reporters visited the miners of Velmar, who said the pit had "
        "been unsafe for years.",
        ("miners", "miners of Velmar"),
        "the pit had been unsafe for years",
    ),
    _gap(
        "Reporters visited the miners of Velmar, who said the pit had been unsafe "
        "for years.",
        "miners",
        "the pit had been unsafe for years",
        "the tagger calls Velmar an organisation here, whose miners speak for it",
    ),
    # "many of whom say …" where the parser does not hang it on the people
    _c(
        "The council wrote to the farmers, many of whom say the dam will flood "
        "their fields.",
        "farmers",
        "the dam will flood their fields",
    ),
    _gap(
        "Maria Lopez met the farmers on Monday. Several said the dam would ruin them.",
        "farmers",
        "the dam would ruin them",
        "the group is the object of the sentence before, not its subject",
    ),
    _c(
        "Dozens of Kellan villagers protested. Several of them said the mine had "
        "poisoned the river.",
        "Kellan villagers",
        "the mine had poisoned the river",
    ),
    _gap(
        "The teachers of Orlen met on Monday. A third of them said they would "
        "strike in May.",
        "teachers",
        "they would strike in May",
        "a share of 'them' is not resolved to the group",
    ),
    _c(
        "The dock workers met on Tuesday. Most of them said the new cranes were "
        "unsafe.",
        ("dock workers", "workers"),
        "the new cranes were unsafe",
    ),
    _c(
        "The mayor added: the pool will stay closed all summer.",
        "mayor",
        "the pool will stay closed all summer",
    ),
    _c(
        _VELMAR + "A Velmar nurse said the ward had been full since Sunday.",
        "Velmar nurse",
        "the ward had been full since Sunday",
    ),
    _c(
        "The chairman added: the company will not sell the mill.",
        "chairman",
        "the company will not sell the mill",
    ),
    _c(
        "The judges met on Monday. Several warned that the courts were too slow.",
        "judges",
        "the courts were too slow",
    ),
]


#: cases of the same kinds that the extractor met before these rules, kept so
#: that the rules do not break them
_KEPT = [
    _c(
        _VELMAR + '"We lost everything," a Velmar farmer said.',
        "Velmar farmer",
        "We lost everything",
    ),
    _c(
        "Her lawyer insisted: the charges will be dropped by the end of the month.",
        "lawyer",
        "the charges will be dropped by the end of the month",
    ),
    _c(
        "The coach admitted: the team was not ready for the final.",
        "coach",
        "the team was not ready for the final",
    ),
    _c(
        "The plan worried the farmers of Kellan, who warned that the river would "
        "run dry.",
        ("farmers", "farmers of Kellan"),
        "the river would run dry",
    ),
    _c(
        "The mayor met the nurses of Kellan, several of whom said the clinic was "
        "too small.",
        ("nurses", "nurses of Kellan"),
        "the clinic was too small",
    ),
    _c(
        "The letter went to teachers in Velmar, most of whom say the school year is "
        "too long.",
        "teachers",
        "the school year is too long",
    ),
]

#: sentences like the ones above that attribute nothing
_NOTHING = [
    "Many were said to be missing after the flood in Varda.",
    "Most of the houses in Varda were destroyed by the storm.",
    "Many of the farmers lost their harvest in the flood.",
    "Most of them had left the town before the storm.",
    "Several of the lawmakers were absent when the budget passed.",
    _VARDA + "The Varda river rose two metres in a night.",
    "Some of them were said to be soldiers from Kellan.",
    "The plan has three parts: new roads, new schools and new clinics.",
    "Two questions remain: the cost of the dam and the date it opens.",
    "The council added: a new bus line, a new park and a library.",
    "The nurses walked out on Monday. Most stayed at home on Tuesday.",
    _VARDA + "A Varda fisherman lost his boat in the storm.",
    "The mayor met Maria Lopez, who had paid for the new roof.",
    "Many in the crowd wept as the names were read out.",
    "The council wrote to the farmers, many of whom live near the dam.",
]


@pytest.mark.parametrize(("text", "who", "statement"), _FOUND + _KEPT)
def test_the_source_is_found(read, text, who, statement):
    x = read(text)
    assert _said(x, who, statement), _found(x)


@pytest.mark.parametrize("text", _NOTHING)
def test_no_attribution(read, text):
    assert _found(read(text)) == []
