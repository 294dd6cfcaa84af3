"""Which of the store's places the bundled gazetteer puts inside a place, read from
their IRIs: a country's towns and regions, for the named queries' "a place or any
place inside it" when no article linked them (``schema:containedInPlace`` joins
only places an article names together)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rdflib import URIRef

from kb.rdf.iris import entity_iri
from kb.text.gazetteer import gazetteer

__all__ = ["gazetteer_place", "inside", "inside_named"]

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


def inside(area: URIRef, places: Iterable[URIRef]) -> list[URIRef]:
    """Those of ``places`` (IRIs minted under the same base as ``area``) that the
    gazetteer puts inside ``area``: for a country, its towns and regions. The
    gazetteer records no region's towns, nor a continent's countries, so for any
    other place there are none. Sorted, ``area`` left out.

    The gazetteer is read only when ``area`` is a place minted from it (the first
    time in a process: about 0.3 s from its cache)."""
    found = gazetteer_place(str(area))
    if found is None:
        return []
    base, key = found
    if key not in _countries():
        return []
    within = _country_of()
    out = []
    for place in places:
        minted = gazetteer_place(str(place))
        if minted and minted[0] == base and within.get(minted[1]) == key:
            out.append(place)
    return sorted(set(out))


def inside_named(name: str, places: Iterable[URIRef]) -> dict[URIRef, list[URIRef]]:
    """When ``name`` is a country's in the gazetteer ("Norway"): those of
    ``places`` inside it, under the country's IRI minted with each one's base,
    which the store need not hold (no article named the country). Otherwise,
    none. Reads the gazetteer, as :func:`inside` does."""
    if not any(gazetteer_place(str(place)) for place in places):
        return {}  # no place of the store is the gazetteer's: no need to read it
    country = gazetteer().lookup(name)
    if country is None or country.kind != "country":
        return {}
    found: dict[URIRef, list[URIRef]] = {}
    for place in places:
        minted = gazetteer_place(str(place))
        if minted and _country_of().get(minted[1]) == country.key:
            found.setdefault(entity_iri(country.key, minted[0]), []).append(place)
    return {area: sorted(set(inner)) for area, inner in found.items()}


@cache
def _countries() -> frozenset[str]:
    return frozenset(p.key for p in gazetteer().places() if p.kind == "country")


@cache
def _country_of() -> dict[str, str]:
    """Each gazetteer place's key → its country's key (places in no country left out)."""
    return {p.key: p.country for p in gazetteer().places() if p.country}
