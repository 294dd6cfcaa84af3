"""Who said it, session 26: a body's unnamed spokeswoman goes on as "she"; the
report an outlet filed, the report "his" names and the lawyer named after "their
lawyer" speak for whom they stand; a passive cue, a belief told in a participle
of why someone acted and a demand of a thing state nothing; tags after what was
said in odd shapes ("…, said Minister X, who …", "…, replied X", a tag read as a
relative clause, speakers the parser ran into a verbless statement) find their
speaker. Actors: no fragment of a model's or a title's name, no telescope, one
party node, a body's name that opens with a word for a body is no place.
Sentences invented here (``run``: conftest)."""

from __future__ import annotations

import pytest

from kb.models import Extraction
from tests.claim_cases import LEAD


def _claims(x: Extraction) -> list[tuple[str, str, str]]:
    """Each claim as (its claimant's name, its statement, its attribution)."""
    names = {e.key: e.name for e in x.entities}
    return [(names.get(c.claimant, "?"), c.statement, c.attribution) for c in x.claims]


def _claimant_of(x: Extraction, words: str) -> set[str]:
    """The names of the claimant of the first claim whose statement holds
    ``words``; empty when no claim holds them."""
    found = [c for c in x.claims if words in c.statement]
    if not found:
        return set()
    speaker = next(e for e in x.entities if e.key == found[0].claimant)
    return {speaker.name, *speaker.aliases}


def _actors(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.actor_kind is not None}


def _places(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.is_location}


_FLOOD = "Floods cut the road to the port on Monday.\n\n"


@pytest.mark.slow
def test_she_after_a_bodys_unnamed_spokeswoman_is_the_body(run) -> None:
    x = run(
        _FLOOD + "A spokeswoman for the Kestrin Harbour Authority said about 3,000 "
        "families had left their homes.\n\n"
        '"The water is still rising in the lower town, and the next two days will '
        'be hard," she said.\n\n'
        "The road could stay closed for another week but was unlikely to be washed "
        "away, she said."
    )
    for words in ("3,000 families", "water is still rising", "another week"):
        assert _claimant_of(x, words) == {"Kestrin Harbour Authority"}, _claims(x)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        # guard: "she" after a spokesman is not his body's
        pytest.param(
            _FLOOD + "A spokesman for the Kestrin Harbour Authority said about 3,000 "
            "families had left their homes.\n\n"
            "The road could stay closed for another week but was unlikely to be "
            "washed away, she said.",
            set(),
            id="guard-other-gender",
        ),
        # guard: a spokeswoman named is herself
        pytest.param(
            _FLOOD + "Anna Kovalik, a spokeswoman for the Kestrin Harbour Authority, "
            "said about 3,000 families had left their homes.\n\n"
            "The road could stay closed for another week but was unlikely to be "
            "washed away, she said.",
            {"Anna Kovalik"},
            id="guard-named-spokeswoman",
        ),
    ],
)
def test_she_guards(run, text: str, who: set[str]) -> None:
    assert _claimant_of(run(text), "another week") == who


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the subject of a passive cue is what is said, or an empty "it"
        "Velmora Mining agreed to sell a stake in its unit to Kestrin Holdings. It "
        "is understood that the sale would touch only the unit's two mines.",
        "Kestrin Motors will need more money to finish the plant, the price of "
        "which is forecast to reach twice the early estimate.",
        # a participle of belief tells why someone acted
        "Tomas Brandt had fled to Kestrin, fearing the militia would find him.",
        "The villagers went back to their farms in May, thinking the river was calm.",
        # a demand of a thing, not a statement
        "Truck drivers are now demanding armed guards to cross the pass.",
        "The fighting started after the rebels demanded the withdrawal of Velmoran "
        "troops from the valley.",
    ],
)
def test_no_claim(run, text: str) -> None:
    assert run(LEAD + text).claims == (), _claims(run(LEAD + text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # guards: an active cue after a passive clause, a belief with a clause, a
        # participle of saying, a demand that something be done
        (
            "The plan is expected to pass in May, Anna Kovalik said.",
            ("Anna Kovalik", "The plan is expected to pass in May", "statement"),
        ),
        (
            "Kellan fears that the deal will fail.",
            ("Kellan", "the deal will fail", "belief"),
        ),
        (
            "Anna Kovalik left the hall early, warning that the dam could break "
            "within days.",
            ("Anna Kovalik", "the dam could break within days", "statement"),
        ),
        (
            "The dockers demanded that the port reopen by Friday.",
            ("dockers", "the port reopen by Friday", "statement"),
        ),
    ],
)
def test_claims_kept(run, text: str, claim: tuple[str, str, str]) -> None:
    assert _claims(run(LEAD + text)) == [claim]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "who"),
    [
        # "the report said" after "the Herald reported": the Herald; what the
        # report says others said is all its claim
        pytest.param(
            "The vote was a verdict on the mayor and her port plan, the Velmora "
            "Herald reported, citing a survey of voters.\n\nSome 62 percent of those "
            "questioned after voting said they rejected the plan, and 45 percent said "
            "the ballot they cast was a protest against the mayor, the report said.",
            "45 percent said the ballot",
            "Velmora Herald",
            id="the-report-of-who-reported",
        ),
        pytest.param(
            "The inquiry into the fire was led by Kestrin judge Tomas Brandt, who "
            "handed a second report to the council on Monday.\n\nHis first report "
            "in May concluded that senior port officials had ignored the warnings.",
            "ignored the warnings",
            "Tomas Brandt",
            id="his-report",
        ),
        # "their lawyer", named in the next paragraph, is "the lawyer" later
        pytest.param(
            "The Varda brothers did not break the deal because the promise was made "
            "by their agent, their lawyer said on Wednesday.\n\n"
            '"There is no deal my clients signed," Dario Fenn told the jury at the '
            "close of the trial.\n\n"
            'The supposed deal, the lawyer told the jurors, "was made by their '
            'agent, not by the players."',
            "made by their agent",
            "Dario Fenn",
            id="the-lawyer-named-before",
        ),
        # "the opposition" is no one person, not the opposition leader
        pytest.param(
            "Anna Kovalik won the vote with 80 percent, officials said. Opposition "
            "leader Tomas Brandt got 6 percent.\n\nEven before the vote, the "
            "opposition complained that the count would be rigged.",
            "the count would be rigged",
            "opposition",
            id="the-opposition",
        ),
        # speakers the parser took for a part of what they said
        pytest.param(
            "Rebel fighters withdrew from three positions near Kestrin, the rebel "
            "stronghold northwest of the port, and in southern Velmora, witnesses "
            "and officials said.",
            "three positions",
            "witnesses",
            id="speakers-after-an-apposition",
        ),
        pytest.param(
            "The survey including 40 moths, two new kinds of bat, 12 ferns and a "
            "kind of orchid seen nowhere else, the wildlife group Kestrin Nature "
            "said in a report.",
            "12 ferns",
            "Kestrin Nature",
            id="speakers-after-words-with-no-verb",
        ),
        # tags after what was said
        pytest.param(
            '"We want an inquiry into every fire in the port," said Port Minister '
            "Tomas Brandt, who is the mayor's brother and himself survived a bomb "
            "in May.",
            "We want an inquiry",
            "Tomas Brandt",
            id="said-minister-who",
        ),
        pytest.param(
            'Dario Fenn said the deal was void. "A bank letter did not give Tomas '
            'Brandt" the right to sign for his sisters, replied Fenn.',
            "A bank letter",
            "Dario Fenn",
            id="replied-name",
        ),
        pytest.param(
            "Kestrin truck maker Velmora is to build its V20 delivery van, parent "
            "company Kellan Group announced on Friday, ending weeks of talk about the "
            "plant.",
            "V20 delivery van",
            "Kellan Group",
            id="tag-read-as-a-relative-clause",
        ),
        # a family speaks for itself, not for the one it is of
        pytest.param(
            "Tomas Brandt was arrested in May. Brandt's family said he had never "
            "owned a gun.",
            "never owned a gun",
            "Brandt's family",
            id="his-family",
        ),
        # the clause after a clause of when the cue spoke is what was said
        pytest.param(
            "Defence lawyer Dario Fenn said after the charges were read that Tomas "
            "Brandt knew the evidence was too strong to fight.",
            "too strong to fight",
            "Dario Fenn",
            id="said-after-the-charges-that",
        ),
        # "who" after an apposition: the one it describes
        pytest.param(
            "The film was shot by Anna Kovalik, a photographer who said she knows "
            "Tomas Brandt from the port.",
            "knows Tomas Brandt",
            "Anna Kovalik",
            id="who-after-an-apposition",
        ),
    ],
)
def test_who_said_it(run, text: str, words: str, who: str) -> None:
    x = run(LEAD + text)
    assert who in _claimant_of(x, words), _claims(x)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "who"),
    [
        # guards: an unnamed lawyer for someone else is not the lawyer before;
        # "the leader" is the opposition leader; a list of speakers keeps its
        # first; "telling" names whom it was told
        pytest.param(
            "The Varda brothers did not break the deal, their lawyer said on "
            "Wednesday.\n\n"
            '"There is no deal my clients signed," Dario Fenn told the jury at the '
            "close of the trial.\n\nA lawyer acting for the promoters said the brothers "
            "knew of every deal.",
            "knew of every deal",
            "lawyer",
            id="guard-a-lawyer-for-others",
        ),
        pytest.param(
            "Anna Kovalik won the vote with 80 percent, officials said. Opposition "
            "leader Tomas Brandt got 6 percent.\n\nThe leader said the count had "
            "been rigged.",
            "had been rigged",
            "Tomas Brandt",
            id="guard-the-leader",
        ),
        pytest.param(
            "Tomas Brandt, Anna Kovalik and the port workers said the deal was void.",
            "the deal was void",
            "Tomas Brandt",
            id="guard-a-list-of-speakers",
        ),
        pytest.param(
            "Kellan Group has had harsh words for the port board, telling Anna "
            'Kovalik that "the board is not fit to run a ferry."',
            "not fit to run a ferry",
            "Kellan Group",
            id="guard-telling-whom",
        ),
    ],
)
def test_who_said_it_guards(run, text: str, words: str, who: str) -> None:
    x = run(LEAD + text)
    assert _claimant_of(x, words) == {who}, _claims(x)


@pytest.mark.slow
def test_whose_family_is_the_family(run) -> None:
    x = run(
        LEAD + "Police said Dario Fenn, whose family said he had done nothing "
        "wrong, was shot in May."
    )
    assert "family" in _actors(x)
    assert not any("whose" in name for name in _actors(x))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param(
            "Velmora Air will build the K350 XWB, a wider version of its jet, the "
            "company said. XWB stands for extended width body.",
            "XWB",
            id="model-suffix",
        ),
        pytest.param(
            "In March, Federal Health Minister Anna Kovalik sent the union a plan "
            "to fund the clinics.",
            "Federal Health",
            id="field-of-a-title",
        ),
        pytest.param(
            "The team saw the star with the Kovalik telescope of the Kestrin "
            "Observatory and the Brandt North telescope.",
            "Kovalik",
            id="telescope",
        ),
    ],
)
def test_no_actor_of_a_names_fragment(run, text: str, fragment: str) -> None:
    assert fragment not in _actors(run(LEAD + text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # guards: a body before a title, a company before a model's code
        pytest.param(
            "Last week, Federal Reserve chairman Tomas Brandt said rates would stay "
            "low.",
            "Federal Reserve",
            id="guard-a-body-before-a-title",
        ),
        pytest.param(
            "Velmora Air ordered ten K350 jets from Kestrin Aero on Monday.",
            "Velmora Air",
            id="guard-a-buyer-of-a-model",
        ),
    ],
)
def test_actor_kept(run, text: str, actor: str) -> None:
    assert actor in _actors(run(LEAD + text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "one"),
    [
        pytest.param(
            "Tomas Brandt said the Liberals would lose. All three rivals denounced "
            "the Liberal party as corrupt and tired.",
            {"Liberal party", "Liberals"},
            id="party-and-members",
        ),
        # the given name alone, where the article never writes the surname alone
        pytest.param(
            "The Kestrin Prime Minister Vardes Tarvo said on Tuesday that 40 people "
            'had died. "The dead number more than 40," Vardes told a news '
            "conference.",
            {"Vardes Tarvo", "Vardes"},
            id="given-name-alone",
        ),
    ],
)
def test_one_node(run, text: str, one: set[str]) -> None:
    x = run(LEAD + text)
    assert any(one <= {e.name, *e.aliases} for e in x.entities), [
        (e.name, e.aliases) for e in x.entities
    ]


@pytest.mark.slow
def test_another_party_is_another_node(run) -> None:
    x = run(
        LEAD + "Tomas Brandt said the Liberals would lose. All three rivals "
        "denounced the Labour party as corrupt and tired."
    )
    assert not any({"Labour", "Liberals"} <= {e.name, *e.aliases} for e in x.entities)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param(
            "As for the Bloc Kestrinois, leader Tomas Brandt said on Monday that "
            "the party would not back the budget. He said the Bloc would side with "
            "the others.",
            "Bloc Kestrinois",
            id="a-body-word-first",
        ),
        pytest.param(
            "Kellan Foods expects $2 billion from selling most of its Del Norte unit.",
            "Del Norte",
            id="a-business-unit",
        ),
    ],
)
def test_a_body_is_no_place(run, text: str, body: str) -> None:
    x = run(LEAD + text)
    assert body in _actors(x)
    assert body not in _places(x)
