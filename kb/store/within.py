"""Which places the bundled gazetteer puts inside a place, as the IRIs extraction
mints for them: a country's towns and regions, for the named queries' "a place or
any place inside it" when no article linked them (``schema:containedInPlace``
joins only places an article names together)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from rdflib import URIRef

from kb.rdf.iris import DEFAULT_BASE, entity_iri
from kb.text.gazetteer import gazetteer

__all__ = ["country_named", "gazetteer_place", "inside"]

#: A place IRI minted from a gazetteer key (:func:`kb.rdf.iris.entity_iri`): its
#: base, and the key's scheme and slug ("geonames", "3143244"; "iso3166", "no-03").
_MINTED = re.compile(
    r"^(?P<base>.*)place/(?P<scheme>geonames|iso3166)-(?P<id>[a-z0-9-]+)$"
)


def gazetteer_place(iri: str) -> tuple[str, str] | None:
    """The base and gazetteer key an IRI was minted from, or ``None``.

    >>> gazetteer_place("https://w3id.org/newskb/id/place/iso3166-no-03")
    ('https://w3id.org/newskb/id/', 'iso3166:NO-03')
    >>> gazetteer_place("https://w3id.org/newskb/id/location/tarrowfield") is None
    True
    """
    match = _MINTED.match(iri)
    if match is None:
        return None
    ident = match["id"].upper() if match["scheme"] == "iso3166" else match["id"]
    return match["base"], f"{match['scheme']}:{ident}"


def inside(area: URIRef) -> list[URIRef]:
    """The IRIs (under ``area``'s base) of the places the gazetteer puts inside
    ``area``: for a country, its towns and regions. The gazetteer records no
    region's towns, nor a continent's countries, so any other place has none.

    The gazetteer is read only for a place minted from it (the first time in a
    process: about 0.3 s from its cache)."""
    found = gazetteer_place(str(area))
    if found is None:
        return []
    base, key = found
    return [entity_iri(inner, base) for inner in _places_in().get(key, ())]


def country_named(name: str, base: str = DEFAULT_BASE) -> URIRef | None:
    """The IRI of the country ``name`` names in the gazetteer ("Norway"), or
    ``None``; the store need not hold it."""
    place = gazetteer().lookup(name)
    if place is None or place.kind != "country":
        return None
    return entity_iri(place.key, base)


@cache
def _places_in() -> dict[str, tuple[str, ...]]:
    """Each country's key → the keys of the gazetteer's places in it."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for place in gazetteer().places():
        if place.country:
            found[place.country].append(place.key)
    return {country: tuple(sorted(keys)) for country, keys in found.items()}
