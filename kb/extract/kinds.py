"""One kind per name in an article: the NER may call one town a place, a person
and a body in three sentences; the article's own evidence decides once for all
its mentions. A helper of the ``newskb_mentions`` component."""

from __future__ import annotations

from kb.extract.records import Mention
from kb.text import lexicon as lx
from kb.text.gazetteer import fold

__all__ = ["settle_kinds"]

#: the kinds a town's name is mistaken for; a group ("Porto residents") is not one
_MISTAKEN = frozenset({"Person", "Organization"})


def settle_kinds(
    items: list[Mention], placed: set[str], people: set[str], titled: set[str]
) -> None:
    """Make every person or organisation mention of a name the article shows to be
    a place (``placed``: folded names) a mention of that place, unless the name is
    also someone's (``people``: "Preston" of "Ann Preston", a company's short name),
    which the mention rules have judged one by one; a "place" that nothing
    shows to be one, whose name begins a body's, that body's short name; and a
    "body" named like a person whose surname the article writes after a title
    (``titled``: "Mr Brandt"), that person.

    >>> a = Mention(0, 1, "Location", "Marbeck")
    >>> b = Mention(5, 6, "Person", "Marbeck")
    >>> settle_kinds([a, b], {"marbeck"}, set(), set())
    >>> b.kind
    'Location'
    """
    _places_first(items, placed, people)
    _bodies_by_first_words(items, placed)
    _people_by_titles(items, titled)


def _places_first(items: list[Mention], placed: set[str], people: set[str]) -> None:
    """Person and organisation mentions of a name ``placed`` become the place's."""
    places: dict[str, Mention] = {}
    for m in items:
        name = fold(m.name)
        if m.kind == "Location" and name in placed:
            if places.get(name) is None or places[name].place is None:
                places[name] = m
    for m in items:
        name = fold(m.name)
        where = places.get(name)
        if where is None or m.kind not in _MISTAKEN or name in people or m.role:
            continue
        m.kind, m.place = "Location", where.place


def _bodies_by_first_words(items: list[Mention], placed: set[str]) -> None:
    """ "Kellan" beside "Kellan Airlines" ("shares in Kellan"), where the NER saw a
    place the gazetteer does not know and the article places nowhere: the
    airline, for short; a one-word name beginning a council's or a party's
    ("Kellan Council") stays the town it is named after.

    >>> a = Mention(0, 2, "Organization", "Kellan Airlines")
    >>> b = Mention(5, 6, "Location", "Kellan")
    >>> _bodies_by_first_words([a, b], set())
    >>> b.kind
    'Organization'
    """
    bodies = [fold(m.name).split() for m in items if m.kind == "Organization"]
    for m in items:
        name = fold(m.name)
        if m.kind != "Location" or m.place is not None or name in placed:
            continue
        words = name.split()
        if words[-1] in lx.PLACE_NAME_HEADS:
            continue  # "Quay Lane" of "the Quay Lane shopkeepers' club": a street
        if any(_short_name(words, b) for b in bodies):
            m.kind = "Organization"


def _short_name(words: list[str], body: list[str]) -> bool:
    """Whether ``words`` are the body's name for short: any body's for a name of
    two words or more ("Green Varda" of "the Green Varda Party"), a company's only
    for one word, which a town's council or party is named after too ("Marbeck"
    of "Marbeck Council" is the town; "Kellan" of "Kellan Airlines" the airline)."""
    if len(body) <= len(words) or body[: len(words)] != words:
        return False
    return len(words) > 1 or body[-1] in lx.COMPANY_NAME_ENDS


def _people_by_titles(items: list[Mention], titled: set[str]) -> None:
    """ "TJ Brandt" the NER calls a body, where the article writes "Mr Brandt"
    too: a person's name of two or three words, the last one the titled surname.

    >>> a = Mention(0, 2, "Organization", "TJ Brandt")
    >>> _people_by_titles([a], {"brandt"})
    >>> a.kind
    'Person'
    """
    for m in items:
        words = m.name.split()
        if m.kind != "Organization" or not 2 <= len(words) <= 3:
            continue
        if fold(words[-1]) not in titled or not all(w[:1].isupper() for w in words):
            continue
        if not {w.lower() for w in words} & lx.BODY_NAME_WORDS:
            m.kind = "Person"
