"""A place parameter reaches the places the gazetteer puts inside it: events-at and
timeline for a country find events placed in its towns when an article names the
town alone (the export links only places an article names together), on invented
articles in a store of their own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.store import ordered_keys, queries
from kb.store.embedded import Store
from kb.store.querying import QueryRequest, run_query
from kb.store.sparql import Key

from .conftest import FIXED_TIME

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
        for country, events in (("Netherlands", 3), ("Belgium", 1)):
            kept = _kept(kb, "events-at", [("place", country)])
            assert kept is not None
            assert len(kept) == events
            assert kept == _fresh(kb, "events-at", [("place", country)])
        # a town's own list holds its timeline as agent too: not merged
        assert _kept(kb, "timeline", [("entity", "Netherlands")]) is None
