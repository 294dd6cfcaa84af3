"""A second battery of invented sentences, on ways of attributing speech that the
first one (tests/test_claims_battery.py) leaves out: "as X put it", a rival
attacked as or for something, railing against or bragging about something,
stressing or reiterating a noun phrase, jokes, quips and threats with a clause;
each with its claimant and its statement as written down before the extractor was
run; and sentences that look alike but attribute nothing ("attacked the town at
dawn", "put it on the shelf", "the storm threatened to flood …"). Published on
Thursday, 12 June 2025; trained English pipeline with the default attribution
types (statements and beliefs) (slow)."""

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


# (text, who says it, the statement exactly)
_FOUND = [
    # how someone put it is what they said, before or after the aside
    _c(
        "The fishing ban is a disaster for the coast, as Tomas Brandt put it on "
        "Friday.",
        "Tomas Brandt",
        "The fishing ban is a disaster for the coast",
    ),
    _c(
        "As Maria Lopez put it, the council has run out of money and ideas.",
        "Maria Lopez",
        "the council has run out of money and ideas",
    ),
    _c(
        "The new bridge is a gift to the rich, as Tomas Brandt put it.",
        "Tomas Brandt",
        "The new bridge is a gift to the rich",
    ),
    _c(
        "As Maria Lopez put it on Tuesday, nobody in Orlen trusts the water board.",
        "Maria Lopez",
        "nobody in Orlen trusts the water board",
    ),
    _c(
        "As one local farmer put it, the river has never been so empty.",
        ("local farmer", "farmer"),
        "the river has never been so empty",
    ),
    _c(
        "As Tomas Brandt put it in a letter to the board, the mill cannot survive "
        "another winter.",
        "Tomas Brandt",
        "the mill cannot survive another winter",
    ),
    _c(
        "As Maria Lopez put it to reporters, the strike will last until wages rise.",
        "Maria Lopez",
        "the strike will last until wages rise",
    ),
    _c(
        "As Tomas Brandt put it after the vote, the city has chosen the harbour over "
        "the hills.",
        "Tomas Brandt",
        "the city has chosen the harbour over the hills",
    ),
    _c(
        "Nobody wants to pay for the new sewers, as Maria Lopez put it.",
        "Maria Lopez",
        "Nobody wants to pay for the new sewers",
    ),
    # a rival attacked as or for something: what they are faulted for is said
    _c(
        "Maria Lopez attacked Tomas Brandt as a friend of the mining companies.",
        "Maria Lopez",
        "Tomas Brandt as a friend of the mining companies",
    ),
    _c(
        "Tomas Brandt attacked the council for its silence on the flood.",
        "Tomas Brandt",
        "the council for its silence on the flood",
    ),
    _c(
        "Ana Obi attacked the Varda government for failing to repair the dam.",
        "Ana Obi",
        "the Varda government for failing to repair the dam",
    ),
    _c(
        "In a speech on Monday, Maria Lopez attacked the plan as a giveaway to "
        "landlords.",
        "Maria Lopez",
        "the plan as a giveaway to landlords",
    ),
    _c(
        "Tomas Brandt has attacked Ana Obi for her vote on the port sale.",
        "Tomas Brandt",
        "Ana Obi for her vote on the port sale",
    ),
    _c(
        "Tomas Brandt attacked the Orlen council as a club for the rich.",
        "Tomas Brandt",
        "the Orlen council as a club for the rich",
    ),
    _c(
        "Maria Lopez attacked the bank for its handling of the farm loans.",
        "Maria Lopez",
        "the bank for its handling of the farm loans",
    ),
    # railing against, bragging or boasting about something
    _c(
        "Ana Obi has railed against the new tolls that hurt lorry drivers.",
        "Ana Obi",
        "the new tolls that hurt lorry drivers",
    ),
    _c(
        "Tomas Brandt railed against the new toll on the coast road.",
        "Tomas Brandt",
        "the new toll on the coast road",
    ),
    _c(
        "Maria Lopez bragged about her record of cutting the city debt.",
        "Maria Lopez",
        "her record of cutting the city debt",
    ),
    _c(
        "Tomas Brandt boasted about his strong showing in the early polls.",
        "Tomas Brandt",
        "his strong showing in the early polls",
    ),
    _c(
        "Maria Lopez boasted of the lowest jobless rate in the region.",
        "Maria Lopez",
        "the lowest jobless rate in the region",
    ),
    _c(
        "Maria Lopez railed about the state of the coast road.",
        "Maria Lopez",
        "the state of the coast road",
    ),
    _c(
        "Tomas Brandt bragged about the new jobs at the Orlen plant.",
        "Tomas Brandt",
        "the new jobs at the Orlen plant",
    ),
    _c(
        "Tomas Brandt has often railed against the cost of the new stadium.",
        "Tomas Brandt",
        "the cost of the new stadium",
    ),
    _c(
        "Maria Lopez boasted about the new jobs at the harbour.",
        "Maria Lopez",
        "the new jobs at the harbour",
    ),
    # stressing, emphasising, reiterating a noun phrase
    _c(
        "Maria Lopez reiterated the call for a public inquiry into the fire.",
        "Maria Lopez",
        "the call for a public inquiry into the fire",
    ),
    _c(
        "Maria Lopez stressed the need to protect the northern forests.",
        "Maria Lopez",
        "the need to protect the northern forests",
    ),
    _c(
        "Tomas Brandt emphasized his long record of work on the coast.",
        "Tomas Brandt",
        "his long record of work on the coast",
    ),
    _c(
        "Ana Obi reiterated her support for the new rail link to Orlen.",
        "Ana Obi",
        "her support for the new rail link to Orlen",
    ),
    _c(
        "The Varda central bank stressed the risks of a fast rise in prices.",
        ("Varda central bank", "central bank"),
        "the risks of a fast rise in prices",
    ),
    _c(
        "Maria Lopez emphasised the cost of the war to ordinary families.",
        "Maria Lopez",
        "the cost of the war to ordinary families",
    ),
    _c(
        "Tomas Brandt reiterated his opposition to the sale of the port.",
        "Tomas Brandt",
        "his opposition to the sale of the port",
    ),
    _c(
        "Maria Lopez stressed the importance of clean water for the valley.",
        "Maria Lopez",
        "the importance of clean water for the valley",
    ),
    # jokes, quips and brags with a clause
    _c(
        "Tomas Brandt joked that the talks had lasted longer than his marriage.",
        "Tomas Brandt",
        "the talks had lasted longer than his marriage",
    ),
    _c(
        "Maria Lopez quipped that the council could not run a bath.",
        "Maria Lopez",
        "the council could not run a bath",
    ),
    _c(
        "Ana Obi bragged that her shop had never lost money in twenty years.",
        "Ana Obi",
        "her shop had never lost money in twenty years",
    ),
    _c(
        "Tomas Brandt ended the debate by joking that the room was too warm for lies.",
        "Tomas Brandt",
        "the room was too warm for lies",
    ),
    _c(
        "Maria Lopez joked on Monday that she would need a bigger office.",
        "Maria Lopez",
        "she would need a bigger office",
    ),
    _c(
        "Kellan Mining bragged that its new dam was the safest in the country.",
        "Kellan Mining",
        "its new dam was the safest in the country",
    ),
    _c(
        "Tomas Brandt quipped that the budget was thinner than the soup.",
        "Tomas Brandt",
        "the budget was thinner than the soup",
    ),
    _c(
        "Maria Lopez bragged that the town had never been so clean.",
        "Maria Lopez",
        "the town had never been so clean",
    ),
    # a threat with a clause, as "warned that …"
    _c(
        "Tomas Brandt threatened that the union would walk out of the talks.",
        "Tomas Brandt",
        "the union would walk out of the talks",
    ),
    _c(
        "Maria Lopez threatened that the market would close for good.",
        "Maria Lopez",
        "the market would close for good",
    ),
    # guards beside them, met before: the same verbs with a clause or a quote
    _c(
        "Maria Lopez vowed that the school would reopen in September.",
        "Maria Lopez",
        "the school would reopen in September",
    ),
    _c(
        "“We will be here all night,” Ana Obi joked.",
        "Ana Obi",
        "We will be here all night",
    ),
    _c(
        "Maria Lopez stressed that the ferry would keep running through the storm.",
        "Maria Lopez",
        "the ferry would keep running through the storm",
    ),
    _c(
        "Tomas Brandt criticised the council for its silence on the flood.",
        "Tomas Brandt",
        "the council for its silence on the flood",
    ),
    _c(
        "As Maria Lopez noted, the ferry has not run on time since March.",
        "Maria Lopez",
        "the ferry has not run on time since March",
    ),
    _c(
        "Maria Lopez left the hall early, saying that the vote had been rigged.",
        "Maria Lopez",
        "the vote had been rigged",
    ),
    _c(
        "Tomas Brandt wrote to the board on Friday, arguing that the merger was "
        "illegal.",
        "Tomas Brandt",
        "the merger was illegal",
    ),
    _c(
        "The mill will close in May, Ana Obi told the workers on Friday.",
        "Ana Obi",
        "The mill will close in May",
    ),
    _c(
        "Maria Lopez repeated her claim that the tender had been rigged.",
        "Maria Lopez",
        "the tender had been rigged",
    ),
    _c(
        "Ana Obi, speaking in Orlen, warned that the river could burst its banks.",
        "Ana Obi",
        "the river could burst its banks",
    ),
    # gaps left
    _gap(
        "Maria Lopez vowed to rebuild the flooded school before the winter.",
        "Maria Lopez",
        "to rebuild the flooded school before the winter",
        why="a promise or threat with a 'to' clause is an intention, extracted only "
        "when asked: as statements they gained on PolNeAR, pg9 and pg10 but each "
        "made a claim the gold of heldout_style and pg7 does not list",
    ),
    _gap(
        "The Orlen dockers' union threatened to strike if the port was sold.",
        "Orlen dockers' union",
        "to strike if the port was sold",
        why="as above: a threat with a 'to' clause is an intention",
    ),
    # gaps left
    _gap(
        "The deal, as Maria Lopez put it, is the best the town could get.",
        "Maria Lopez",
        "The deal is the best the town could get",
        why="an 'as' aside inside the clause it attributes splits it in two; the "
        "parser hangs the aside on the noun before it",
    ),
    _gap(
        "Tomas Brandt was quick to point out that the mine had paid no tax.",
        "Tomas Brandt",
        "the mine had paid no tax",
        why="a cue under an adjective ('was quick to point out') has no subject of "
        "its own",
    ),
    # met by the rules of tests/test_claims_sources_battery.py
    _c(
        "Voters were asked about the plan, and most of them said the mayor had lied.",
        "voters",
        "the mayor had lied",
    ),
    _c(
        "The governor added: the council knows nothing about farming.",
        "governor",
        "the council knows nothing about farming",
    ),
]

#: sentences like the ones above that attribute nothing
_NOTHING = [
    "Rebels attacked the town of Orlen at dawn on Monday.",
    "Government troops attacked the rebel positions for several days.",
    "Orlen police attacked the protesters for no reason at all.",
    "Jets attacked targets over the city of Varda for three hours.",
    "Tomas Brandt put it on the table before the meeting began.",
    "As Maria Lopez put it away, the phone rang twice in the hall.",
    "Ana Obi put it into the box and closed the lid.",
    "The storm threatened to flood the old town of Orlen.",
    "The rising river threatens to cut the coast road.",
    "The long drought stressed the old trees of the valley.",
    "The hotel boasts a large pool and three bars.",
    "The town of Orlen boasts the oldest bridge in the region.",
    "Tomas Brandt did not vow to stay in the race.",
    "If Maria Lopez promises to cut taxes, the council will object.",
    "The soldiers attacked the bridge as the convoy crossed it.",
    "Maria Lopez put it down gently on the kitchen floor.",
    "The trains of the Varda line rail past the old mill.",
    "The new dam promises to bring water to the dry valley.",
    "The Kellan crew attacked the job with enthusiasm.",
    "The crowd joked and laughed in the square until dawn.",
    "Tomas Brandt lost the vote, as everyone expected.",
    "The plan to rebuild the school was put to a vote in May.",
]


@pytest.mark.parametrize(("text", "who", "statement"), _FOUND)
def test_the_attribution_is_found(read, text, who, statement):
    x = read(text)
    assert _said(x, who, statement), _found(x)


@pytest.mark.parametrize("text", _NOTHING)
def test_no_attribution(read, text):
    assert _found(read(text)) == []
