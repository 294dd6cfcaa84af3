"""A battery of invented sentences on kinds of wrong actors and places that hold on
any news: a body named where someone works ("a doctor at Kelvin Infirmary") taken
for the place of an event; the body a leader heads ("the Orlen administration")
cut down to the leader; a channel before the work it made ("a Varda documentary")
and a carrier named "Air ..." taken for places; time zones, capitalised plurals
that open a sentence, fields before a title ("the Housing Secretary") or after a
degree, characters by their role, and made things by the name they were given,
taken for names; a region's name without its word for a region taken for
someone; a side a team beats ("cruised past X") taken for a place; and guards
that must stay as they are. Each expectation was written by hand before the run;
trained English pipeline (slow). The cases of tests/test_entities_battery.py and
tests/test_entities_precision_battery.py are not repeated."""

from __future__ import annotations

import pytest

from tests.test_entities_battery import _LEAD, _fold, _names

pytestmark = pytest.mark.slow


def _gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# (text, actors that must be found, places that must be found, names that must be
# no actor, names that must be no place)
_CASES = [
    # where someone works is who employs them, not where something happened
    (
        "Ivo Marsh, a doctor at Varda Infirmary, treated the girl.",
        ["Ivo Marsh", "Varda Infirmary"],
        [],
        [],
        ["Varda Infirmary"],
    ),
    (
        "An engineer and expert at Orlen University warned that the dam in Tarsk "
        "was weak.",
        ["Orlen University"],
        ["Tarsk"],
        [],
        ["Orlen University"],
    ),
    (
        "Maria Lopez, a surgeon at Kellan General Hospital, said the boy was stable.",
        ["Maria Lopez", "Kellan General Hospital"],
        [],
        [],
        ["Kellan General Hospital"],
    ),
    (
        "Tomas Varda, a nurse at Orlen Children's Hospital, described the scene.",
        ["Tomas Varda", "Orlen Children's Hospital"],
        [],
        [],
        ["Orlen Children's Hospital"],
    ),
    (
        "Anna Reyes, a fellow at Tarsk College, wrote the report.",
        ["Anna Reyes", "Tarsk College"],
        [],
        [],
        ["Tarsk College"],
    ),
    (
        "Maria Lopez, a student at Varda University, was among the injured.",
        ["Maria Lopez", "Varda University"],
        [],
        [],
        ["Varda University"],
    ),
    (
        "An expert at Kellan Medical College said the test was reliable.",
        ["Kellan Medical College"],
        [],
        [],
        ["Kellan Medical College"],
    ),
    (
        "Ivo Marsh, a lecturer at Orlen Academy, said the results were surprising.",
        ["Ivo Marsh", "Orlen Academy"],
        [],
        [],
        ["Orlen Academy"],
    ),
    (
        "Kellan Moor, a dean at Tarsk University, resigned.",
        ["Kellan Moor", "Tarsk University"],
        [],
        [],
        ["Tarsk University"],
    ),
    (
        "Elena Marsh, a consultant at the Varda Clinic, said the ward was full.",
        ["Elena Marsh", "Varda Clinic"],
        [],
        [],
        ["Varda Clinic"],
    ),
    # guards: a building where something happens stays a place
    (
        "The injured were taken to Varda General Hospital by helicopter.",
        [],
        ["Varda General Hospital"],
        ["Varda General Hospital"],
        [],
    ),
    (
        "Maria Lopez was treated at Orlen Royal Infirmary for burns.",
        ["Maria Lopez"],
        ["Orlen Royal Infirmary"],
        ["Orlen Royal Infirmary"],
        [],
    ),
    (
        "Protesters gathered outside Tarsk University on Monday.",
        [],
        ["Tarsk University"],
        ["Tarsk University"],
        [],
    ),
    (
        "Researchers at Varda University said the drug worked.",
        ["Varda University"],
        [],
        [],
        ["Varda University"],
    ),
    (
        "Elena Marsh, an economist at Tarsk Polytechnic, said growth would slow.",
        ["Elena Marsh", "Tarsk Polytechnic"],
        [],
        [],
        ["Tarsk Polytechnic"],
    ),
    # the body a leader heads, named after them
    (
        "The Orlen administration wants the tariffs lifted by June.",
        ["Orlen administration"],
        [],
        ["Orlen"],
        ["Orlen"],
    ),
    (
        "Fans blamed the Tarsk administration for the delays.",
        ["Tarsk administration"],
        [],
        ["Tarsk"],
        ["Tarsk"],
    ),
    (
        "Critics said the Kellan administration had ignored the warnings.",
        ["Kellan administration"],
        [],
        ["Kellan"],
        [],
    ),
    (
        "Lawmakers and the Orlen administration agreed on a budget.",
        ["Orlen administration"],
        [],
        ["Orlen"],
        [],
    ),
    (
        "Both the police and the Kellan administration promised more patrols.",
        ["Kellan administration"],
        [],
        ["Kellan"],
        [],
    ),
    (
        "Under the Varda government, taxes rose twice.",
        ["Varda government"],
        [],
        ["Varda"],
        [],
    ),
    # guards: the leader named with the body stays a person, a country a place
    (
        "President Tomas Orlen said his administration would act.",
        ["Tomas Orlen"],
        [],
        [],
        [],
    ),
    (
        "Spending rose under the Tomas Varda government.",
        ["Tomas Varda government"],
        [],
        [],
        [],
    ),
    (
        "The Norway government raised fuel taxes.",
        [],
        ["Norway"],
        [],
        [],
    ),
    (
        "Kenya's government closed the border.",
        [],
        ["Kenya"],
        [],
        [],
    ),
    # the channel or studio that made a work
    (
        "The comic stars in a Varda documentary that opens next week.",
        ["Varda"],
        [],
        [],
        ["Varda"],
    ),
    pytest.param(
        "Critics loved the third Kellan TV series.",
        ["Kellan TV"],
        [],
        [],
        [],
        marks=_gap("the NER calls the channel an organisation, then a work's"),
    ),
    # guards: a place before a work stays a place
    (
        "The Paris film festival opened on Friday.",
        [],
        ["Paris"],
        [],
        [],
    ),
    (
        "Maria Lopez made a film about Tarsk and Varda.",
        ["Maria Lopez"],
        [],
        [],
        [],
    ),
    # a carrier named "Air ..."
    (
        "Chile's Air Varda ordered ten jets on Monday.",
        ["Air Varda"],
        ["Chile"],
        [],
        ["Air Varda"],
    ),
    (
        "Peru's Air Kellan flew the team home.",
        ["Air Kellan"],
        ["Peru"],
        [],
        ["Air Kellan"],
    ),
    (
        "The plane belonged to Air Orlen Cargo.",
        ["Air Orlen Cargo"],
        [],
        [],
        ["Air Orlen Cargo"],
    ),
    (
        "Crews of Air Kellan went on strike.",
        ["Air Kellan"],
        [],
        [],
        ["Air Kellan"],
    ),
    # guards: an air force stays a body, airports places
    (
        "The Kellan Air Force sent two jets.",
        ["Kellan Air Force"],
        [],
        [],
        ["Kellan Air Force"],
    ),
    (
        "Maria Lopez flew from Porto to Madrid.",
        ["Maria Lopez"],
        ["Porto", "Madrid"],
        [],
        [],
    ),
    # time zones after a clock time
    (
        "The outage began at 0930 GMT and ended at 11:15 GMT.",
        [],
        [],
        ["GMT"],
        ["GMT"],
    ),
    (
        "The talks ended at 22:10 GMT without a deal.",
        [],
        [],
        ["GMT"],
        ["GMT"],
    ),
    (
        "Voting closes at 8pm EST in most states.",
        [],
        [],
        ["EST"],
        ["EST"],
    ),
    (
        "The launch is set for 0600 UTC on Friday.",
        [],
        [],
        ["UTC"],
        ["UTC"],
    ),
    # guard: the same letters as a name stay a name
    (
        "Orlen Bank said the GMT Group would buy it.",
        ["Orlen Bank", "GMT Group"],
        [],
        [],
        [],
    ),
    # capitalised plurals that open a sentence
    (
        "Sharks are common off the coast, and a shark bit a swimmer in June.",
        [],
        [],
        ["Sharks"],
        ["Sharks"],
    ),
    (
        "Whales are rarer, though a whale was seen in June.",
        [],
        [],
        ["Whales"],
        ["Whales"],
    ),
    # guards: a family or a club by its plural stays
    (
        "Tomas Orlen and his wife were at home. The Orlens said they heard a shot.",
        ["Tomas Orlen"],
        [],
        [],
        ["Orlens"],
    ),
    (
        "Maria Lopez said the Kellan Wanderers would win the cup.",
        ["Maria Lopez", "Kellan Wanderers"],
        [],
        [],
        [],
    ),
    (
        "Rangers said a ranger was hurt near Tarsk.",
        [],
        ["Tarsk"],
        [],
        ["Rangers"],
    ),
    # a region's name without its word for a region, taken for someone
    (
        "Floods hit the Orlen Meria district on Monday. Rescuers reached Orlen "
        "Meria by boat.",
        [],
        ["Orlen Meria district"],
        ["Orlen Meria"],
        [],
    ),
    (
        "Floods covered much of the Upper Varda region. Farmers left Upper "
        "Varda by boat.",
        [],
        ["Upper Varda region"],
        ["Upper Varda"],
        [],
    ),
    # guards: a person who shares a town's name, a region by its whole name
    (
        "Maria Lopez said Tomas Kellan had left the Varda district.",
        ["Maria Lopez", "Tomas Kellan"],
        [],
        [],
        ["Tomas Kellan"],
    ),
    (
        "Floods hit the Orlen district. Maria Orlen, a farmer, said the water "
        "rose fast.",
        ["Maria Orlen"],
        [],
        [],
        ["Maria Orlen"],
    ),
    # a field before a title, the field of a degree: no names
    (
        "Tomas Varda was sworn in as Transport Secretary on Monday.",
        ["Tomas Varda"],
        [],
        ["Transport"],
        [],
    ),
    (
        "Maria Lopez was named the new Housing Secretary on Monday.",
        ["Maria Lopez"],
        [],
        ["Housing"],
        [],
    ),
    (
        "Tomas Varda, a graduate student in Applied Physics, built the sensor.",
        ["Tomas Varda"],
        [],
        ["Applied Physics"],
        [],
    ),
    (
        "Kellan Moor, who holds a degree in Marine Biology, found the fish.",
        ["Kellan Moor"],
        [],
        ["Marine Biology"],
        [],
    ),
    # guards: a body before a title, a department by its field
    (
        "Maria Lopez, the new Tourism Minister, opened the fair.",
        ["Maria Lopez"],
        [],
        ["Tourism"],
        [],
    ),
    (
        "Orlen Bank Director Ana Obi resigned.",
        ["Orlen Bank", "Ana Obi"],
        [],
        [],
        [],
    ),
    (
        "The Energy Department said prices would rise.",
        ["Energy Department"],
        [],
        [],
        [],
    ),
    # a character by the role, a made thing by the name it was given
    (
        "Maria Lopez will reprise her role as Captain Ana Varda in the sequel.",
        ["Maria Lopez"],
        [],
        ["Ana Varda"],
        [],
    ),
    (
        "The company will use its Orlen Star lander for the mission.",
        [],
        [],
        ["Orlen Star"],
        [],
    ),
    (
        "Researchers found a trojan called Kellbot that steals passwords.",
        [],
        [],
        ["Kellbot"],
        [],
    ),
    (
        "A new strain of malware, dubbed Orlen Smith, has infected phones.",
        [],
        [],
        ["Orlen Smith"],
        [],
    ),
    (
        "The company unveiled a drone named Varda Hawk on Monday.",
        [],
        [],
        ["Varda Hawk"],
        [],
    ),
    (
        "Users of the Kellbot malware were arrested.",
        [],
        [],
        ["Kellbot"],
        [],
    ),
    # guards: people and firms by the names they go by
    ("A man named Tomas Varda was arrested.", ["Tomas Varda"], [], [], []),
    ("The firm, called Orlen Labs, makes drones.", ["Orlen Labs"], [], [], []),
    (
        "Maria Lopez took on the role as chair of Orlen Bank.",
        ["Maria Lopez", "Orlen Bank"],
        [],
        [],
        [],
    ),
    # the side a team beats, named by its place, in a match report
    (
        "The Hilltoppers won their fourth straight game as Western Kentucky "
        "cruised past Southern Illinois 28-14 at home. The coach praised his "
        "quarterback and the defense.",
        ["Western Kentucky", "Southern Illinois"],
        [],
        [],
        ["Southern Illinois"],
    ),
    # guard: a town the team's bus passes stays a town
    (
        "The bus drove past Leeds on the way to the match, which Kellan Rovers won "
        "2-1 in the league; the squad celebrated.",
        ["Kellan Rovers"],
        ["Leeds"],
        ["Leeds"],
        [],
    ),
    # gaps: kinds this round leaves
    pytest.param(
        "Tarsk Energy Minister Ivo Marsh said the grid was safe.",
        ["Ivo Marsh"],
        [],
        ["Tarsk Energy"],
        [],
        marks=_gap("a country's name before a field and a title reads as a company"),
    ),
    pytest.param(
        "Officials counted the ballots. Turnout was high, officials said.",
        [],
        [],
        ["Turnout"],
        [],
        marks=_gap("a sentence-initial singular noun the NER calls a person"),
    ),
    pytest.param(
        "The Varda Star and Herald daily printed the ruling.",
        ["Varda Star and Herald"],
        [],
        [],
        [],
        marks=_gap("a name with 'and' in it is split by the NER"),
    ),
    pytest.param(
        "A call brought Orlen Vale police officers to the warehouse.",
        ["Orlen Vale police"],
        [],
        [],
        [],
    ),
    pytest.param(
        "Kellan's administration ignored the warnings.",
        ["Kellan's administration"],
        [],
        ["Kellan"],
        [],
        marks=_gap("a leader's body after a possessive"),
    ),
    pytest.param(
        "Ferries to Tarsk island were cancelled. Farms on Tarsk flooded.",
        [],
        ["Tarsk"],
        ["Tarsk"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "actors", "places", "no_actors", "no_places"), _CASES)
def test_kinds(run, text, actors, places, no_actors, no_places):
    x = run(_LEAD + text)
    found_actors = _names(x, places=False)
    found_places = _names(x, places=True)
    assert {_fold(a) for a in actors} <= found_actors
    assert {_fold(p) for p in places} <= found_places
    assert not {_fold(n) for n in no_actors} & found_actors
    assert not {_fold(n) for n in no_places} & found_places


# (text, name, the kind of actor it must be): a carrier, a leader's body, and
# the people beside them
_KINDS = [
    ("Chile's Air Varda ordered ten jets on Monday.", "Air Varda", "Organization"),
    ("The plane belonged to Air Orlen Cargo.", "Air Orlen Cargo", "Organization"),
    (
        "The Orlen administration wants the tariffs lifted by June.",
        "Orlen administration",
        "Organization",
    ),
    (
        "President Tomas Orlen said his administration would act.",
        "Tomas Orlen",
        "Person",
    ),
    (
        "Ivo Marsh, a doctor at Varda Infirmary, treated the girl.",
        "Ivo Marsh",
        "Person",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), _KINDS)
def test_kind_of_actor(run, text, name, kind):
    x = run(_LEAD + text)
    kinds = {
        e.actor_kind
        for e in x.entities
        if _fold(name) in {_fold(n) for n in (e.name, *e.aliases)}
    }
    assert kinds == {kind}
