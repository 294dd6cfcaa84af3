"""Which places the bundled gazetteer puts inside a place, as the IRIs extraction
mints for them: a country's towns and regions, for the named queries' "a place or
any place inside it" when no article linked them (``schema:containedInPlace``
joins only places an article names together)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rdflib import URIRef

from kb.rdf.iris import DEFAULT_BASE, entity_iri
from kb.text.gazetteer import fold
from kb.text.gazetteer_cache import Countries, cached_countries

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


@lru_cache(maxsize=256)
def inside(area: URIRef) -> tuple[URIRef, ...]:
    """The IRIs (under ``area``'s base) of the places the gazetteer puts inside
    ``area``: for a country, its towns and regions. The gazetteer records no
    region's towns, nor a continent's countries, so any other place has none.

    The gazetteer's countries are read only for a place minted from it (the
    first time in a process: about 3 ms from their cache); the IRIs of an area's
    places are minted once per process (India's 3 645 take about 7 ms)."""
    found = gazetteer_place(str(area))
    if found is None:
        return ()
    base, key = found
    return tuple(entity_iri(inner, base) for inner in _countries().places.get(key, ()))


def country_named(name: str, base: str = DEFAULT_BASE) -> URIRef | None:
    """The IRI of the country ``name`` names in the gazetteer ("Norway"), or
    ``None``; the store need not hold it."""
    key = _countries().names.get(fold(name))
    return None if key is None else entity_iri(key, base)


@cache
def _countries() -> Countries:
    # their own small file, not the whole gazetteer (0.2-0.4 s to read)
    return cached_countries()
