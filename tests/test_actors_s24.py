"""One actor, one node: a person written with and without a middle initial, a
generational suffix or a short first name; a hyphenated first name alone; an
initialism with an ampersand; a bare word for people after the one group it
names more fully. Guards: relatives of one family name, two suffixes, and a
group named only later stay apart. Sentences invented here (``run``: conftest)."""

from __future__ import annotations

import pytest

from kb.models import Extraction


def _people_named(x: Extraction, family: str) -> list[set[str]]:
    """The names of each actor one of whose names holds ``family``."""
    return [
        {e.name, *e.aliases}
        for e in x.entities
        if e.actor_kind is not None and any(family in n for n in (e.name, *e.aliases))
    ]


@pytest.mark.parametrize(
    ("text", "family", "people"),
    [
        pytest.param(
            "Tomas Brandt Jr. was charged on Monday with fraud in Velmora. "
            "Prosecutors said Tom Brandt moved the money through three banks. "
            "Tomas K. Brandt denied the charges, his lawyer Anna Kovalik said.",
            "Brandt",
            1,
            id="suffix-initial-short-first-name",
        ),
        pytest.param(
            "Dario Fenn Jr. pleaded guilty on Tuesday. The court heard that Dario "
            "R. Fenn had threatened a neighbour in Kestrin.",
            "Fenn",
            1,
            id="initial-and-suffix",
        ),
        pytest.param(
            "Minister Jean-Marc Kovalik presented the budget of Velmora on Monday. "
            "Jean-Marc said spending on roads would rise by 4 percent.",
            "Jean-Marc",
            1,
            id="hyphenated-first-name-alone",
        ),
        # guards: the article speaks of a son, so "Tomas Brandt" is the father
        pytest.param(
            "Tomas Brandt Jr. was charged on Monday. His father, Tomas Brandt, "
            "said the family would fight the charges in Velmora.",
            "Brandt",
            2,
            id="guard-father-and-son",
        ),
        pytest.param(
            "Dario Fenn Sr. founded the firm in 1980. Dario Fenn Jr. runs it now "
            "and plans to sell it, Peter Sandoval said.",
            "Fenn",
            2,
            id="guard-two-suffixes",
        ),
        # "Dan" is not short for "Daniela" where the text speaks of a sister
        pytest.param(
            "Daniela Kovalik won the race in Kestrin on Sunday. Her sister, Dan "
            "Kovalik, finished third, the organisers said.",
            "Kovalik",
            2,
            id="guard-sisters",
        ),
        pytest.param(
            "Peter Sandoval Jr. and Omar Sandoval were elected to the council of "
            "Velmora on Monday, officials said.",
            "Sandoval",
            2,
            id="guard-other-first-names",
        ),
    ],
)
def test_people_of_one_family_name(run, text: str, family: str, people: int) -> None:
    assert len(_people_named(run(text), family)) == people


def test_an_initialism_with_an_ampersand_is_the_company(run) -> None:
    x = run(
        "Kestrin Gas & Power Co. cut electricity to 20,000 homes on Monday. KG&P "
        "said the lines would be checked before power returned."
    )
    named = [names for names in _people_named(x, "K") if "KG&P" in names]
    assert named and any("Power" in n for n in named[0])


def _groups_of(x: Extraction, word: str) -> list[set[str]]:
    """The names of each group one of whose names ends with ``word``."""
    return [
        {e.name, *e.aliases}
        for e in x.entities
        if e.actor_kind == "Group"
        and any(n.lower().endswith(word) for n in (e.name, *e.aliases))
    ]


def test_a_bare_word_for_people_is_the_one_group_named_by_it(run) -> None:
    x = run(
        "Defence lawyers for Tomas Brandt said on Monday that the trial in Velmora "
        "was unfair. The judge rejected the request. Lawyers said they would appeal "
        "to a higher court."
    )
    assert len(_groups_of(x, "lawyers")) == 1


def test_the_bare_word_is_not_the_other_people(run) -> None:
    """ "other economists" are not those met before: the bare word joins the
    senior ones, and the other ones stay a group of their own."""
    x = run(
        "Senior economists said prices in Velmora would rise by 3 percent. Other "
        "economists said the rise would be smaller. Economists said wages would "
        "not keep up."
    )
    groups = _groups_of(x, "economists")
    assert len(groups) == 2
    assert {"Other economists"} in groups


def test_guard_a_bare_word_never_joins_a_group_named_later(run) -> None:
    """Guard: the officials who speak first are not the Chilean officials that
    the next sentence names: a bare word refers back, never ahead."""
    x = run(
        "The mayor of Velmora resigned on Monday, according to officials in "
        "Velmora. Chilean officials could not be reached for comment."
    )
    speakers = {c.claimant for c in x.claims}
    assert not any("chilean" in key for key in speakers)
