"""One name, one node of one kind within an article (session 21): a town the NER
calls a place, a person and a body in turn is one place; "the <town> police" is
the town's police, and speaks as it; a dateline's agency is no actor; "<body>
officers" speak as the body. Invented sentences; trained English pipeline (slow)."""

from __future__ import annotations

import pytest

from kb.models import DateValue, Extraction
from kb.text.dates import dateline_date

pytestmark = pytest.mark.slow


def _nodes(x: Extraction, name: str) -> list[tuple[str | None, bool]]:
    """(actor kind, is a location) of every node labelled ``name``."""
    return [(e.actor_kind, e.is_location) for e in x.entities if e.name == name]


def _claimants(x: Extraction) -> set[str]:
    names = {e.key: e.name for e in x.entities}
    return {names.get(c.claimant, "?") for c in x.claims}


def _names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities}


# ------------------------------------------------------------ dateline agencies
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "MARBECK, Oct. 5 (Kellan News Agency) - Two ferries collided in the "
            "harbour at dawn, and the crews were rescued.\n",
            "Kellan News Agency",
        ),
        (
            "PORTO (Kellan Wire) - A tram left the rails near the cathedral on Friday "
            "and blocked the line for hours.\n",
            "Kellan Wire",
        ),
        (
            "MARBECK, March 3 (Kellan Press) — Divers found an old anchor in the "
            "bay, the museum said.\n",
            "Kellan Press",
        ),
    ],
)
def test_a_datelines_agency_is_no_actor(run, text, agency):
    x = run(text)
    assert agency not in _names(x)


def test_a_wire_in_slashes_ends_a_dateline(run):
    text = "MARBECK, May 2, 2025 /Kellan Wire/ -- A ferry ran aground off the pier.\n"
    assert dateline_date(text) == DateValue("2025-05-02", "day")
    assert "Kellan Wire" not in _names(run(text, published=None))


# ------------------------------------------------------------ "the <town> police"
def test_the_towns_police_speak_not_the_town(run):
    x = run(
        "The Lenholm police said late on Friday that a lorry had overturned on the "
        "ring road. Lenholm has about 40,000 inhabitants.\n"
    )
    assert _claimants(x) == {"Lenholm police"}
    assert _nodes(x, "Lenholm police") == [("Organization", False)]
    assert _nodes(x, "Lenholm") == [(None, True)]


def test_a_police_force_named_for_a_city(run):
    x = run(
        "The Porto police force said the blaze at the depot was started on purpose.\n"
    )
    assert _claimants(x) == {"Porto police force"}
    assert ("Person", False) not in _nodes(x, "Porto")


def test_the_towns_police_act_as_one_body(run):
    x = run(
        "Lenholm police detained three teenagers after the break-in. The three were "
        "released on bail, Lenholm police said.\n"
    )
    assert _nodes(x, "Lenholm police") == [("Organization", False)]
    assert ("Person", False) not in _nodes(x, "Lenholm")


def test_the_polices_officers_are_the_police(run):
    x = run(
        "The Marbeck police said two boats had been stolen from the marina. Marbeck "
        "police officers questioned the harbour master on Thursday, the police said.\n"
    )
    assert "Marbeck police officers" not in _names(x)
    assert _nodes(x, "Marbeck police") == [("Organization", False)]


# ------------------------------------------------------------ one town, one node
def test_a_town_that_acts_after_its_dateline_is_one_place(run):
    x = run(
        "PORT HALLAM, March 3 (Kellan Press) - Port Hallam approved a new bus route "
        "to the airport on Monday. Port Hallam signed a contract with a builder last "
        "month.\n"
    )
    assert _nodes(x, "Port Hallam") == [("Actor", True)]


def test_a_town_the_ner_calls_a_person_then_a_place(run):
    x = run(
        "Saint Aubrin signed a water deal with Porto on Monday. The mayor of Saint "
        "Aubrin said the deal would lower bills.\n"
    )
    assert len(_nodes(x, "Saint Aubrin")) == 1
    ((_, is_place),) = _nodes(x, "Saint Aubrin")
    assert is_place


# ------------------------------------------------------------ guards
def test_guard_a_surname_stays_a_person(run):
    x = run(
        "Tomas Brandt toured the new clinic in Porto on Monday. Brandt said the "
        "clinic would open in May.\n"
    )
    assert _nodes(x, "Tomas Brandt") == [("Person", False)]
    assert _claimants(x) == {"Tomas Brandt"}


def test_guard_police_in_a_town(run):
    x = run("Police in Marbeck said the fire at the school was an accident.\n")
    assert ("Organization", False) in _nodes(x, "Police")
    assert _nodes(x, "Marbeck") == [(None, True)]


# ------------------------------------------------------------ short forms of bodies
def test_a_firms_short_name_after_shares_in_is_the_firm(run):
    x = run(
        "Kellan Airlines will cut 300 jobs, the carrier said on Monday. Shares in "
        "Kellan fell 4 percent after the news.\n"
    )
    assert _nodes(x, "Kellan") == []
    assert _nodes(x, "Kellan Airlines") == [("Organization", False)]


# ------------------------------------------------------------ names a firm or a person
# The small model tags invented firms named after people poorly, so these go through
# the clustering and kind rules with the mentions the NER would give.
def test_a_firms_founders_surname_is_the_firm():
    from kb.extract.entities import _same
    from kb.extract.records import Cluster, Mention

    firm = Cluster("Organization", [Mention(0, 2, "Organization", "Eli Kellan")])
    assert _same(firm, Mention(9, 10, "Organization", "Kellan"))


def test_guard_a_banks_kind_word_is_not_its_short_name():
    from kb.extract.entities import _same
    from kb.extract.records import Cluster, Mention

    bank = Cluster("Organization", [Mention(0, 2, "Organization", "Kellan Bank")])
    assert not _same(bank, Mention(9, 10, "Organization", "Bank"))


def test_a_body_named_like_a_titled_person_is_the_person():
    from kb.extract.kinds import settle_kinds
    from kb.extract.records import Mention

    full = Mention(0, 2, "Organization", "TJ Brandt")
    short = Mention(12, 13, "Person", "Brandt")
    settle_kinds([full, short], set(), set(), {"brandt"})
    assert full.kind == "Person"


def test_guard_a_firm_with_a_kind_word_stays_a_firm():
    from kb.extract.kinds import settle_kinds
    from kb.extract.records import Mention

    firm = Mention(0, 2, "Organization", "Brandt Holdings")
    settle_kinds([firm], set(), set(), {"brandt"})
    assert firm.kind == "Organization"


# ------------------------------------------------------------ one node each
# (text, name, the nodes labelled so: (actor kind, is a location) each)
_ONE_NODE = [
    pytest.param(
        "The Porto police arrested a courier on Sunday after a chase through the "
        "old town, a spokesman said.\n",
        "Porto police",
        [("Organization", False)],
        id="a-known-citys-police-are-a-body",
    ),
    pytest.param(
        "The Green Varda Party won 40 seats in the vote. Green Varda supporters "
        "danced in the streets until dawn.\n",
        "Green Varda",
        [],
        id="a-partys-short-name-is-the-party",
    ),
    pytest.param(
        "Marbeck residents protested outside the town hall on Sunday against a "
        "planned car park.\n",
        "Marbeck residents",
        [("Group", False)],
        id="guard-a-towns-residents-stay-a-group",
    ),
    pytest.param(
        "Kellan Bank opened a branch in Kellan on Monday. The lender said it would "
        "hire 20 people in Kellan.\n",
        "Kellan",
        [(None, True)],
        id="guard-a-town-a-bank-is-named-after-stays-a-place",
    ),
    pytest.param(
        "MARBECK, Oct. 5 (Kellan News Agency) - Two ferries collided in the "
        "harbour at dawn.\n",
        "Marbeck",
        [(None, True)],
        id="guard-a-datelines-town-stays-a-place",
    ),
]


@pytest.mark.parametrize(("text", "name", "nodes"), _ONE_NODE)
def test_one_node_of_its_kind(run, text, name, nodes):
    assert _nodes(run(text), name) == nodes
