"""A place parameter reaches the places the gazetteer puts inside it: events-at and
timeline for a country find events placed in its towns when an article names the
town alone (the export links only places an article names together), on invented
articles in a store of their own."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kb.cli import cli
from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.namespaces import KB, SCHEMA
from kb.store import ordered_keys, queries
from kb.store.embedded import Store
from kb.store.querying import QueryRequest, prepare, run_query
from kb.store.sparql import Key

from .conftest import FIXED_TIME
from .test_paging import DATES

ARTICLES = [
    {
        "id": "dock-strike",
        "url": "https://news.example.org/dock-strike",
        "title": "Dock strike",
        "published": "2025-05-02",
        "text": "Dock workers went on strike in Eindhoven on Monday, union leader "
        "Maria Lopez said. The strike closed two terminals.",
    },
    {
        "id": "rail-protest",
        "url": "https://news.example.org/rail-protest",
        "title": "Rail protest",
        "published": "2025-05-03",
        "text": "Hundreds of commuters protested in Utrecht, in the Netherlands, on "
        "Tuesday, organiser Kellan Varda said.",
    },
    {
        "id": "river-flood",
        "url": "https://news.example.org/river-flood",
        "title": "Flood",
        "published": "2025-05-04",
        "text": "A flood struck Antwerp on Wednesday, officials said. Mayor Orlen "
        "Tarsk said the river rose overnight.",
    },
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("within")
    (folder / "articles.json").write_text(json.dumps(ARTICLES), encoding="utf-8")
    path = folder / "store"
    result = CliRunner().invoke(
        cli,
        ["add", str(folder / "articles.json"), "--store", str(path)]
        + ["--fixed-time", FIXED_TIME],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    return path


def _events_at(store: Path, town: str) -> set[str]:
    """The events the store places in ``town`` itself (its own place node)."""
    with Store(store, read_only=True) as opened:
        rows = opened.query(
            "SELECT ?e WHERE { ?e kb:place ?p . ?p rdfs:label ?l "
            f'FILTER (STR(?l) = "{town}") }}'
        ).rows
    return {str(row[0]) for row in rows}


def _events(store: Path, query: str, param: str, value: str, **page: int) -> list[str]:
    request = QueryRequest(named=query, params=[(param, value)], store=store, **page)
    result = run_query(request)
    column = result.variables.index("event")
    return [str(row[column]) for row in result.rows]


@pytest.mark.parametrize(
    ("query", "param"), [("events-at", "place"), ("timeline", "entity")]
)
def test_a_country_finds_the_events_of_a_town_named_alone(
    store: Path, query: str, param: str
) -> None:
    eindhoven, utrecht = _events_at(store, "Eindhoven"), _events_at(store, "Utrecht")
    antwerp = _events_at(store, "Antwerp")
    assert eindhoven and utrecht and antwerp  # the pipeline placed each event
    found = _events(store, query, param, "Netherlands")
    # Eindhoven's article never names the country; Utrecht's names both, and its
    # event comes once, though the town is inside the country both ways
    assert sorted(found) == sorted(eindhoven | utrecht)
    assert not antwerp & set(found)  # a town in another country


@pytest.mark.parametrize("kept", [1, ordered_keys.MIN_KEYS])
def test_a_page_of_a_country_gives_the_rows_of_the_whole_answer(
    store: Path, kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # kept=1: pages read the places' kept keys, merged (as a busy country would)
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", kept)
    whole = _events(store, "events-at", "place", "netherlands")
    pages = [
        _events(store, "events-at", "place", "netherlands", limit=1, offset=i)
        for i in range(len(whole) + 1)
    ]
    assert len(whole) == 3
    assert [event for page in pages for event in page] == whole


def test_a_country_no_article_names_still_holds_its_towns(store: Path) -> None:
    # no article names Belgium: the name is the gazetteer's country all the same
    antwerp = _events_at(store, "Antwerp")
    assert set(_events(store, "events-at", "place", "Belgium")) == antwerp
    assert set(_events(store, "timeline", "entity", "Belgium")) == antwerp
    assert _events(store, "events-at", "place", "Norway") == []


def _kept(kb: Store, name: str, params: list[tuple[str, str]]) -> list[Key] | None:
    named = queries.load(name)
    kept = kb.kept_keys(named, queries.bind(named, params))
    return None if kept is None else list(kept)


def _fresh(kb: Store, name: str, params: list[tuple[str, str]]) -> list[Key] | None:
    named = queries.load(name)
    assert named.keys is not None
    bindings = queries.bind(named, params)
    text = queries.for_store(named.keys.query, bindings, kb)
    return kb.keys(
        named.keys.unordered(text), bindings, named.keys.order, named.keys.variables
    )


def test_a_country_reads_the_kept_keys_of_its_towns(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)
    with Store(store, read_only=True) as kb:
        for (name, param), (country, events) in itertools.product(
            [("events-at", "place"), ("timeline", "entity")],
            [("Netherlands", 3), ("Belgium", 1)],
        ):
            kept = _kept(kb, name, [(param, country)])
            assert kept is not None
            assert len(kept) == events
            assert kept == _fresh(kb, name, [(param, country)])


#: Invented articles' places under gazetteer keys (as extraction mints them):
#: the Netherlands, two of its towns, a quarter of one (linked to it by articles)
#: and a town of Belgium, a country no article names.
GAZETTEER_PLACES = {
    "Netherlands": ("geonames-2750405", None),
    "Eindhoven": ("geonames-2756253", None),
    "Utrecht": ("geonames-2745912", "Netherlands"),
    "Varda Quarter": ("varda-quarter", "Utrecht"),
    "Antwerp": ("geonames-2803138", None),
}


def _place(name: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}place/{GAZETTEER_PLACES[name][0]}")


def _generated_article(rng: random.Random, n: int) -> tuple[URIRef, Graph]:
    """Events at the places above, some with the Netherlands or a town as their
    agent or participant (a town's are not the country's), with two dates, one or
    none."""
    article = URIRef(f"{DEFAULT_BASE}article/{n}")
    g = Graph()
    g.add((article, RDF.type, KB.Article))
    for name in rng.sample(list(GAZETTEER_PLACES), 3):
        place, inside = GAZETTEER_PLACES[name]
        g.add((_place(name), RDF.type, KB.Location))
        g.add((_place(name), RDFS.label, Literal(name)))
        if inside and rng.random() < 0.7:
            g.add((_place(name), SCHEMA.containedInPlace, _place(inside)))
    agents = [
        _place("Netherlands"),
        _place("Eindhoven"),
        URIRef(f"{DEFAULT_BASE}actor/tarsk"),
    ]
    g.add((agents[-1], RDF.type, KB.Person))
    g.add((agents[-1], RDFS.label, Literal("Orlen Tarsk")))
    for e in range(rng.randint(2, 6)):
        event = URIRef(f"{article}/event/{e}")
        g.add((article, KB.mentions, event))
        g.add((event, RDFS.label, Literal(f"event {n}.{e}")))
        g.add((event, KB.eventType, KB.NaturalDisaster))
        for name in rng.sample(list(GAZETTEER_PLACES), rng.choice([0, 1, 1, 2])):
            g.add((event, KB.place, _place(name)))
        for role in (KB.agent, KB.participant):
            if rng.random() < 0.4:
                g.add((event, role, rng.choice(agents)))
        for date in rng.sample(DATES, rng.choice([0, 1, 1, 1, 2])):
            g.add((event, KB.date, date))
    return article, g


def _generated_store() -> Store:
    rng = random.Random(16)
    kb = Store()
    for n in range(40):
        article, graph = _generated_article(rng, n)
        kb.add(str(article), graph)
    kb.settle()
    return kb


@pytest.fixture(scope="module")
def generated() -> Store:
    return _generated_store()


COUNTRIES = [
    ("timeline", [("entity", "Netherlands")]),
    ("timeline", [("entity", "Belgium")]),
    ("events-at", [("place", "Netherlands")]),
    ("events-at", [("place", "Belgium")]),
]


@pytest.mark.parametrize(("name", "params"), COUNTRIES)
def test_a_countrys_merged_kept_keys_are_its_key_querys(
    generated: Store,
    name: str,
    params: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)
    kept = _kept(generated, name, params)
    assert kept is not None  # read from the lists
    assert kept == _fresh(generated, name, params)


@pytest.mark.parametrize(("name", "params"), COUNTRIES)
@pytest.mark.parametrize(
    ("limit", "offset"), [(1, 0), (3, 2), (7, 5), (40, 0), (10, 20)]
)
def test_a_countrys_pages_from_kept_keys_are_those_of_the_whole_answer(
    generated: Store,
    name: str,
    params: list[tuple[str, str]],
    limit: int,
    offset: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Page for page the rows of LIMIT and OFFSET on the store's whole widened
    answer, and whether more rows follow."""
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)
    named = queries.load(name)
    bindings = queries.bind(named, params)
    whole = generated.query(queries.for_store(named, bindings, generated), bindings)
    assert len(whole.rows) > offset, "too small an answer to page"
    prepared = prepare(
        QueryRequest(named=name, params=params, limit=limit, offset=offset)
    )
    page = prepared.run(generated)
    sliced = generated.query(prepared.text_for(generated), prepared.bindings)
    assert page.rows == prepared.finish(sliced).rows
    assert page.more == prepared.finish(sliced).more


@pytest.mark.parametrize(("name", "params"), COUNTRIES[:1] + COUNTRIES[2:3])
def test_a_town_without_a_list_makes_its_country_read_the_key_query(
    name: str, params: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A place whose list is missing (a store whose lists were never written
    whole, or one that could not be ordered) has keys that no list holds."""
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)
    kb = _generated_store()
    kind = ordered_keys._kind("events-at")
    assert kind is not None
    eindhoven = ox.NamedNode(_place("Eindhoven"))
    assert _kept(kb, name, params) is not None
    kb._ox.remove(next(kb._ox.quads_for_pattern(eindhoven, kind.predicate, None)))
    assert _kept(kb, name, params) is None
