"""conflicting-figures' deep pages from kept parts of its keys' rows
(kb.store.label_rows): the claimants' labels are read with the page, so every page
is the slice of the whole answer through an article that gives a claimant another
label, its drop and its add again, with and without from/to, on a generated store
of invented articles (claims with two figures, claims in two articles, articles
with no date)."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kb.rdf.namespaces import KB
from kb.store import ordered_keys, queries
from kb.store.embedded import Store
from kb.store.label_rows import LabelledCounts
from kb.store.merged_keys import MergedKeys
from kb.store.name_index import NAME_INDEX
from kb.store.querying import QueryRequest, prepare

from .test_deep_pages import (
    _articles,
    _check_slices,
    _kept,
    _never_counted,
    _reading,
)
from .test_paging import ID, _iri

CASES = [
    [("entity", "Ilse Varga")],
    [("entity", "Ilse Varga"), ("from", "2025-03-05")],
    [("entity", "Ilse Varga"), ("to", "2025-03-05")],
    [("entity", "Port Authority"), ("from", "2025-03-02"), ("to", "2025-03-02")],
    [("entity", "Brekke")],  # two entities: their lists merged
]
NAME = "conflicting-figures"
_INDEX = ox.NamedNode(NAME_INDEX)


@pytest.fixture(autouse=True)
def _short_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    # lists of a few keys are kept and read, as a busy entity's are
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 8)


def _store_articles(seed: int, count: int) -> list[tuple[str, Graph]]:
    """Invented articles, some of whose claims a second article mentions too
    (two pairs of articles: rows of each, with their own days), or have a
    second claimant (the labels of both: rows of each)."""
    out = _articles(seed, count)
    rng = random.Random(seed)
    for n, (_, graph) in enumerate(out[1:], start=1):
        for claim in list(graph.subjects(KB.claimant, None)):
            if rng.random() < 0.15:
                graph.add((URIRef(out[n - 1][0]), KB.mentions, claim))
            if rng.random() < 0.1:
                graph.add((claim, KB.claimant, _iri("actor", "Red Lantern")))
    return out


def _renaming(n: int) -> tuple[str, Graph]:
    """An article that gives two claimants another label each."""
    article = URIRef(f"{ID}article/renaming-{n}")
    graph = Graph()
    for name, other in [("Ilse Varga", "I. Varga"), ("Tomas Brekke", "T. Brekke")]:
        graph.add((article, KB.mentions, _iri("actor", name)))
        graph.add((_iri("actor", name), RDFS.label, Literal(other)))
    return str(article), graph


def _check(store: Store) -> None:
    """Every page of every case is the slice of the whole answer, its start
    found from the kept parts."""
    for params in CASES:
        kept = _kept(store, NAME, params)
        counts = kept.counts
        if not isinstance(counts, LabelledCounts):  # merged: one a list
            assert isinstance(counts, list)
            assert all(isinstance(c, LabelledCounts) for c in counts), params
        else:
            assert any(counts[key] != 1 for key in counts), params
        whole = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
        assert whole, params
        _check_slices(store, NAME, params, whole)


def test_pages_follow_a_claimants_new_label_its_drop_and_its_add_again() -> None:
    articles = _store_articles(31, 44)
    store = Store()
    store.add_many(articles[:30])
    store.settle()
    _check(store)
    store.add_many(articles[30:36])  # parts settled in steps
    store.settle()
    _check(store)
    params = [("entity", "Ilse Varga")]
    before = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
    renaming = _renaming(1)
    store.add_many([renaming])
    store.settle()
    after = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
    assert len(after) >= 2 * len(before), "each row again with the new labels"
    _check(store)
    assert store.remove(renaming[0])
    store.settle()
    _check(store)
    assert store.remove(articles[4][0])
    store.settle()
    _check(store)
    store.add_many([renaming, articles[4], *articles[36:]])
    store.settle()
    _check(store)


def test_a_deep_page_reads_the_rows_of_its_own_keys_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    store.add_many([*_store_articles(31, 40), _renaming(1)])
    store.settle()
    read = _reading(monkeypatch)
    for params in CASES:
        kept = _kept(store, NAME, params)
        read.clear()
        request = QueryRequest(named=NAME, params=params, limit=2, offset=len(kept) - 4)
        prepare(request).run(store)
        # the page's keys and a few more, not the keys before it
        assert sum(read) <= 16, params


@pytest.mark.parametrize(
    ("seed", "params"),
    [
        (31, [("entity", "Ilse Varga"), ("to", "2025-03-05")]),
        (32, [("entity", "Brekke"), ("from", "2025-03-05")]),  # lists merged
    ],
)
def test_a_page_at_the_end_of_a_date_range_reads_no_key_after_its_last_row(
    monkeypatch: pytest.MonkeyPatch, seed: int, params: list[tuple[str, str]]
) -> None:
    """The keys after a date range's last row have none (their articles are
    later, or earlier): a page that ends there does not read them, of one
    entity's list or of several merged."""
    store = Store()
    store.add_many(_store_articles(seed, 40))
    store.settle()
    keys = list(_kept(store, NAME, params))
    whole = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
    last = max(keys.index((f"<{row[5]}>", f"<{row[6]}>")) for row in whole)
    assert last < len(keys) - 2, "keys with no row after the last row's"
    read: list[tuple[str, ...]] = []
    restrict = queries.restrict

    def reading(text: str, variables: list[str], some: list) -> str:
        read.extend(some)
        return restrict(text, variables, some)

    monkeypatch.setattr(queries, "restrict", reading)
    for offset in (len(whole) - 7, len(whole) - 2):
        read.clear()
        request = QueryRequest(named=NAME, params=params, limit=5, offset=offset)
        page = prepare(request).run(store)
        assert page.rows == whole[offset : offset + 5]
        assert read and max(keys.index(tuple(k)) for k in read) <= last
    assert not page.more and max(keys.index(tuple(k)) for k in read) == last


#: A name of several entities (their lists merged), with and without a range.
MERGED = [
    [("entity", "Brekke")],
    [("entity", "Brekke"), ("to", "2025-03-05")],
    [("entity", "Brekke"), ("from", "2025-03-05")],
]


@pytest.mark.parametrize("params", MERGED)
def test_pages_of_merged_lists_merge_them_only_as_far_as_they_read(
    monkeypatch: pytest.MonkeyPatch, params: list[tuple[str, str]]
) -> None:
    """A page of a name of several entities finds where its keys end without
    merging every line of their lists (how many keys they hold in all), and
    is still the slice of the whole answer."""
    store = Store()
    store.add_many(_store_articles(31, 40))
    store.settle()
    assert isinstance(_kept(store, NAME, params), MergedKeys)
    whole = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
    _never_counted(monkeypatch)
    _check_slices(store, NAME, params, whole)


def _as_written_before_counts(store: Store, *, wrong: str = "Port Authority") -> None:
    """Make ``store`` as code that counted no conflicting-figures keys left it:
    no counts of its lists (``wrong``'s: counts of other texts) and no mark."""
    kind = ordered_keys._kind(NAME)
    assert kind is not None
    db = store._ox
    for quad in list(db.quads_for_pattern(None, kind.rows, None, None)):
        db.remove(quad)
    for entity in store.entities_named(wrong) or []:
        node = ox.NamedNode(entity)
        db.add(ox.Quad(node, kind.rows, ox.Literal("0:0:0"), _INDEX))
    db.remove(ordered_keys._COUNTED_MARK)
    assert ordered_keys.lacks_counts(db)


def _unrelated(n: int) -> tuple[str, Graph]:
    """An article that no conflicting-figures list's entity is in."""
    article = URIRef(f"{ID}article/unrelated-{n}")
    graph = Graph()
    graph.add((article, RDF.type, KB.Article))
    graph.add((article, KB.mentions, _iri("place", f"Orlen {n}")))
    return str(article), graph


def test_a_write_counts_the_lists_written_before_their_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A store whose conflicting-figures lists were written before they kept
    their keys' parts gets them at its next write, for every busy list, not
    only those the write reaches (an article no list's entity is in); a later
    write counts none again."""
    store = Store()
    store.add_many(_store_articles(31, 40))
    store.settle()
    assert not ordered_keys.lacks_counts(store._ox)
    _as_written_before_counts(store)
    for params in CASES:
        assert _kept(store, NAME, params).counts is None, params
    store.add_many([_unrelated(1)])
    store.settle()
    assert not ordered_keys.lacks_counts(store._ox)
    _check(store)
    recounted: list[str] = []
    recount = ordered_keys._recount
    monkeypatch.setattr(
        ordered_keys,
        "_recount",
        lambda db, kind, counts: (
            recounted.append(kind.query.name) or recount(db, kind, counts)
        ),
    )
    store.add_many([_unrelated(2)])
    store.settle()
    assert not recounted
    _check(store)


def test_reading_a_store_written_before_its_counts_writes_nothing(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "kb") as store:
        store.add_many(_store_articles(31, 30))
        store.settle()
        _as_written_before_counts(store)
    with Store(tmp_path / "kb", read_only=True) as store:
        request = QueryRequest(named=NAME, params=CASES[0], limit=3, offset=20)
        assert prepare(request).run(store).rows
        assert ordered_keys.lacks_counts(store._ox)
        assert _kept(store, NAME, CASES[0]).counts is None


def _a_new_namesake(name: str = "Lina Brekke") -> tuple[str, Graph]:
    """An article that names one more person of a busy name, who claims nothing:
    no write makes her a conflicting-figures list."""
    article = URIRef(f"{ID}article/namesake")
    person = _iri("actor", name)
    graph = Graph()
    graph.add((article, RDF.type, KB.Article))
    graph.add((article, KB.mentions, person))
    graph.add((person, RDF.type, KB.Person))
    graph.add((person, RDFS.label, Literal(name)))
    return str(article), graph


@pytest.mark.parametrize("params", MERGED)
def test_a_namesake_with_no_list_keeps_the_names_pages_kept(
    params: list[tuple[str, str]],
) -> None:
    """A name of several entities, one of which has no list (an article's new
    namesake), still pages from the kept lists, the namesake's keys read for it
    alone (not the whole store's by the key query), and every page is the slice
    of the whole answer."""
    store = Store()
    store.add_many(_store_articles(31, 40))
    store.settle()
    store.add_many([_a_new_namesake()])  # a later write: lists in steps
    store.settle()
    kind = ordered_keys._kind(NAME)
    assert kind is not None
    namesake = ox.NamedNode(str(_iri("actor", "Lina Brekke")))
    assert ordered_keys._entity_texts(store._ox, kind, namesake) is None
    assert isinstance(_kept(store, NAME, params), MergedKeys)
    whole = prepare(QueryRequest(named=NAME, params=params)).run(store).rows
    _check_slices(store, NAME, params, whole)
