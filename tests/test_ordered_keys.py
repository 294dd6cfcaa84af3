"""Keys kept in order per entity (kb.store.ordered_keys): after every kind of write
(adds, adds that change old claims, events and places, replacements, removals, an
old index rebuilt, a writer stopped before it settled) the kept keys are exactly
those the key queries find, and the pages read from them are the rows of the plain
SPARQL that remote endpoints run, page for page; stale keys are never read."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kb.rdf.namespaces import KB, SCHEMA
from kb.store import ordered_keys, queries
from kb.store.embedded import Store
from kb.store.name_index import _INDEX, _INDEX_MARK, _VERSION_4
from kb.store.sparql import Key
from tests.test_paging import ID, PEOPLE, PLACES, _article, _iri, _prepared

#: (named query, parameters) whose name names one entity: pages read kept keys.
ONE_ENTITY = [
    ("articles-mentioning", [("entity", "Norland")]),
    ("articles-mentioning", [("entity", "Anna Brekke")]),
    ("claims-by", [("actor", "Port Authority")]),
    ("claims-by", [("actor", "Anna Brekke")]),
    ("conflicting-figures", [("entity", "Ilse Varga")]),
    ("conflicting-figures", [("entity", "Red Lantern")]),
    # its key query only selects the dates: the keys are the entity's
    ("conflicting-figures", [("entity", "Ilse Varga"), ("from", "2025-03-05")]),
    ("events-at", [("place", "Norland")]),
    ("events-at", [("place", "East Norland")]),
    ("timeline", [("entity", "Vessby")]),
    ("timeline", [("entity", "Tomas Brekke")]),
    ("timeline", [("entity", "Kelda")]),
]


@pytest.fixture(autouse=True)
def _every_entity_keeps_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists for every entity with a key, so that small invented data has them."""
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)


def _store(articles: int = 40, seed: int = 15) -> Store:
    rng = random.Random(seed)
    kb, claims = Store(), []
    for n in range(articles):
        article, graph = _article(rng, n, claims)
        kb.add(str(article), graph)
    kb.settle()
    return kb


def _fresh(kb: Store, name: str, params: list[tuple[str, str]]) -> list[Key] | None:
    """The keys as the key query finds them, ordered by the store."""
    named = queries.load(name)
    plan = named.keys
    assert plan is not None
    bindings = queries.bind(named, params)
    text = plan.unordered(queries.for_store(plan.query, bindings, kb))
    return kb.keys(text, bindings, plan.order, plan.variables)


def _kept(kb: Store, name: str, params: list[tuple[str, str]]) -> list[Key] | None:
    named = queries.load(name)
    kept = kb.kept_keys(named, queries.bind(named, params))
    return None if kept is None else list(kept)


def _assert_kept_as_found(kb: Store) -> None:
    for name, params in ONE_ENTITY:
        kept = _kept(kb, name, params)
        fresh = _fresh(kb, name, params)
        assert kept is not None, (name, params)
        assert kept == fresh, (name, params)


def test_kept_keys_are_the_keys_the_key_queries_find() -> None:
    _assert_kept_as_found(_store())


@pytest.mark.parametrize(("name", "params"), ONE_ENTITY)
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (3, 2), (7, 5), (40, 0)])
def test_pages_from_kept_keys_are_the_remote_pages(
    name: str, params: list[tuple[str, str]], limit: int, offset: int
) -> None:
    """Page for page the rows of the plain SPARQL with LIMIT and OFFSET (what a
    remote endpoint runs), and whether more rows follow."""
    kb = _store()
    assert _kept(kb, name, params) is not None
    whole = kb.query(queries.load(name).text, queries.bind(queries.load(name), params))
    assert len(whole.rows) > offset, "too small an answer to page"
    prepared = _prepared(name, params, limit=limit, offset=offset)
    page = prepared.run(kb)
    remote = kb.query(prepared.remote_text, prepared.bindings)
    assert page.rows == prepared.finish(remote).rows
    assert page.more == (len(whole.rows) > offset + limit)


def _event_graph(article: URIRef) -> Graph:
    """An article that changes what older articles said: a date for an old event
    that had none, a second place for another, a new place above an old one (so
    the old events at it are now in a new place too), a conflict between two old
    claims, and a mention of an old claim."""
    g = Graph()
    old = URIRef(f"{ID}article/3")
    g.add((URIRef(f"{old}/event/0"), KB.date, Literal("2023-01-05", datatype=XSD.date)))
    g.add((URIRef(f"{old}/event/1"), KB.place, _iri("place", "Outer Isle")))
    g.add(
        (_iri("place", "Outer Isle"), SCHEMA.containedInPlace, _iri("place", "Kelda"))
    )
    g.add((_iri("place", "Kelda"), SCHEMA.containedInPlace, _iri("place", "Sundra")))
    g.add((_iri("place", "Sundra"), RDF.type, KB.Location))
    g.add((_iri("place", "Sundra"), RDFS.label, Literal("Sundra")))
    g.add(
        (URIRef(f"{ID}article/5/claim/0"), KB.conflictsWith, URIRef(f"{old}/claim/0"))
    )
    g.add((article, KB.mentions, URIRef(f"{ID}article/7/claim/0")))
    g.add((article, RDF.type, KB.Article))
    return g


def test_writes_make_kept_keys_stale_until_they_settle() -> None:
    kb = _store()
    kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
    assert all(_kept(kb, name, params) is None for name, params in ONE_ENTITY)
    # the page is still right, read by the key query
    prepared = _prepared("events-at", [("place", "Norland")], limit=5, offset=2)
    remote = kb.query(prepared.remote_text, prepared.bindings)
    assert prepared.run(kb).rows == prepared.finish(remote).rows
    kb.settle()
    _assert_kept_as_found(kb)


def test_adds_that_change_old_claims_events_and_places_update_their_keys() -> None:
    kb = _store()
    before = {(n, str(p)): _kept(kb, n, p) for n, p in ONE_ENTITY}
    kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
    kb.settle()
    _assert_kept_as_found(kb)
    after = {(n, str(p)): _kept(kb, n, p) for n, p in ONE_ENTITY}
    assert before != after  # the invented changes did move some keys
    sundra = [("place", "Sundra")]
    assert _kept(kb, "events-at", sundra) == _fresh(kb, "events-at", sundra)
    assert _kept(kb, "events-at", sundra)


@pytest.mark.parametrize("remove", [False, True])
def test_a_place_put_inside_another_moves_the_old_events_at_it(remove: bool) -> None:
    """Only a new containedInPlace link, in an article of its own: every place
    above it now has the events at the place below (and loses them when the
    article is removed)."""
    kb = _store()
    graph = Graph()
    graph.add(
        (_iri("place", "Outer Isle"), SCHEMA.containedInPlace, _iri("place", "Kelda"))
    )
    kb.add(f"{ID}article/map", graph)
    kb.settle()
    if remove:
        kb.remove(f"{ID}article/map")
        kb.settle()
    for name, params in [
        ("events-at", [("place", "Norland")]),
        ("events-at", [("place", "Kelda")]),
        ("timeline", [("entity", "Kelda")]),
    ]:
        assert _kept(kb, name, params) == _fresh(kb, name, params), (name, params)
    inside = (
        f"SELECT ?p WHERE {{ ?p schema:containedInPlace+ <{_iri('place', 'Kelda')}> }}"
    )
    assert len(kb.query(inside).rows) == (0 if remove else 1)


def test_removals_and_replacements_update_the_kept_keys() -> None:
    kb = _store()
    kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
    kb.settle()
    assert kb.remove(f"{ID}article/late")
    assert kb.remove(f"{ID}article/3")
    kb.settle()
    _assert_kept_as_found(kb)
    # a replacement: the same article with other content
    rng = random.Random(99)
    article, graph = _article(rng, 5, [])
    kb.add(str(article), graph)
    kb.settle()
    _assert_kept_as_found(kb)


def test_an_entity_that_falls_below_the_threshold_loses_its_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = _store()
    name, params = "claims-by", [("actor", "Port Authority")]
    fresh = _fresh(kb, name, params)
    assert fresh and len(fresh) > 2
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", len(fresh))
    # a write that touches Port Authority's claims makes its list be written again
    graph = Graph()
    graph.add((URIRef(f"{ID}article/x"), KB.mentions, URIRef(f"{ID}article/x/claim")))
    graph.add((URIRef(f"{ID}article/x/claim"), KB.claimant, _iri("actor", "Kellan")))
    kb.add(f"{ID}article/x", graph)
    for article in kb.articles():
        claims = kb.query(
            f"SELECT ?c WHERE {{ GRAPH <{article}> {{ ?c kb:claimant "
            f"<{_iri('actor', 'Port Authority')}> }} }}"
        )
        if claims.rows:
            kb.remove(article)
            break
    kb.settle()
    assert _kept(kb, name, params) is None
    assert _fresh(kb, name, params) != fresh


def _on_disk(tmp_path: Path) -> Path:
    """A store on disk of 30 invented articles."""
    path = tmp_path / "store"
    rng = random.Random(15)
    with Store(path) as kb:
        claims: list[URIRef] = []
        for n in range(30):
            article, graph = _article(rng, n, claims)
            kb.add(str(article), graph)
    return path


def _add_again(kb: Store) -> None:
    """A write that changes nothing (an article stored already)."""
    article, text = next(kb.article_graphs())
    assert kb.add(article, text.decode("utf-8")) == 0


def test_an_older_index_is_rebuilt_with_kept_keys(tmp_path: Path) -> None:
    """A store whose index is of an older version (no kept keys) answers from the
    key queries until its next write, which rebuilds the index and keeps keys."""
    path = _on_disk(tmp_path)
    with Store(path) as kb:
        older = ox.Quad(
            _INDEX_MARK.subject, _INDEX_MARK.predicate, ox.Literal("2"), _INDEX
        )
        kb._ox.remove(_INDEX_MARK)
        kb._ox.add(older)
    with Store(path, read_only=True) as kb:
        assert all(_kept(kb, n, p) is None for n, p in ONE_ENTITY)
    with Store(path) as kb:
        _add_again(kb)  # stored already: only the rebuild
    with Store(path, read_only=True) as kb:
        _assert_kept_as_found(kb)


def test_a_writer_stopped_before_it_settled_makes_every_list_be_written_again(
    tmp_path: Path,
) -> None:
    path = _on_disk(tmp_path)
    with Store(path) as kb:
        # a write whose process stops before it settles: the mark stays, and a
        # list is left as it was before the write (here: emptied by hand)
        kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
        predicate = ox.NamedNode("urn:newskb:keys/events-at")
        for quad in list(kb._ox.quads_for_pattern(None, predicate, None, _INDEX)):
            kb._ox.remove(quad)
            kb._ox.add(ox.Quad(quad.subject, predicate, ox.Literal(""), _INDEX))
        kb._pending = None  # forget, as a stopped process would
    with Store(path, read_only=True) as kb:
        assert all(_kept(kb, n, p) is None for n, p in ONE_ENTITY)
    with Store(path) as kb:
        _add_again(kb)
    with Store(path, read_only=True) as kb:
        _assert_kept_as_found(kb)


def test_other_parameters_read_the_key_query() -> None:
    kb = _store()
    both = [("place", "Norland"), ("from", "2025-03-01")]
    assert _kept(kb, "events-at", both) is None
    assert _kept(kb, "conflicting-figures", []) is None


def test_a_name_for_several_entities_reads_their_lists_merged() -> None:
    kb = _store()
    two = [("actor", "Brekke")]  # two Brekkes
    assert len(kb.entities_named("Brekke") or []) == 2
    assert _kept(kb, "claims-by", two) == _fresh(kb, "claims-by", two) != []


def test_the_key_queries_read_only_keyed_predicates() -> None:
    """Every link a key query follows is among KEYED_PREDICATES (so a write of it
    marks the entities it leads to), apart from the name test, which the index
    replaces."""
    keyed = {str(p) for p in ordered_keys.KEYED_PREDICATES}
    prefixes = {"kb": str(KB), "schema": str(SCHEMA), "rdfs": str(RDFS)}
    kinds = ordered_keys._kinds()
    assert {k.query.name for k in kinds} == {name for name, _ in ONE_ENTITY}
    assert {k.query.name: k.free for k in kinds}["events-at"] == frozenset()
    for kind in kinds:
        name, plan = kind.query.name, kind.query.keys
        assert plan is not None
        text = plan.query.text
        for test in reversed(plan.query.name_tests):  # the last first: offsets
            text = text[: test.start] + text[test.end :]
        body = re.sub(r"#[^\n]*", "", text.split("WHERE", 1)[1])
        # an item's class (``?article a kb:Article``) is written with the item,
        # whose keyed triples mark it
        body = re.sub(r"\ba kb:\w+", "", body)
        used = {
            prefixes[prefix] + local
            for prefix, local in re.findall(r"\b(kb|schema|rdfs):(\w+)", body)
        }
        assert used <= keyed, (name, used - keyed)


def test_every_person_and_place_of_the_invented_data_is_named() -> None:
    """The cases above name one entity each (so that they read kept keys)."""
    kb = _store()
    for name in [*PEOPLE, *PLACES]:
        found = kb.entities_named(name, last_words=False)
        assert found is not None and len(found) == 1, name


@pytest.mark.parametrize(
    "term",
    [
        ox.Literal('He said "no" \\ then\nnext\ttab'),
        ox.Literal("Straße 😀"),
        ox.Literal("2025-03-02", datatype=ox.NamedNode(str(XSD.date))),
        ox.Literal("12", datatype=ox.NamedNode(str(XSD.integer))),
        ox.NamedNode("https://example.org/id/a?b=c#d"),
    ],
)
def test_a_kept_term_reads_back_as_its_value(term: ox.Literal | ox.NamedNode) -> None:
    """A list's line holds each term's SPARQL text; merging rows into it reads
    the text's value back, which must be the term's."""
    assert ordered_keys._value(str(term)) == term.value
    assert ordered_keys._term(str(term)) == term


def test_an_entity_that_loses_its_names_loses_its_list() -> None:
    """A list follows its entity's keys only while a name finds it: an entity whose
    names go (with some of its claims) and come back in an article of names alone
    is read from the key query, never from a list left as it was."""
    kb = Store()
    orlen = _iri("actor", "Orlen Varda")

    def claims(article: str, n: int, named: bool) -> Graph:
        g = Graph()
        if named:
            g.add((orlen, RDF.type, KB.Person))
            g.add((orlen, RDFS.label, Literal("Orlen Varda")))
        for c in range(n):
            claim = URIRef(f"{ID}article/{article}/claim/{c}")
            g.add((URIRef(f"{ID}article/{article}"), KB.mentions, claim))
            g.add((claim, KB.claimant, orlen))
            g.add((claim, KB.statement, Literal(f"statement {article} {c}")))
            g.add((claim, KB.directQuote, Literal(True)))
        return g

    kb.add(f"{ID}article/a", claims("a", 3, named=True))
    kb.add(f"{ID}article/b", claims("b", 2, named=False))
    kb.settle()
    params = [("actor", "Orlen Varda")]
    assert _kept(kb, "claims-by", params) == _fresh(kb, "claims-by", params)
    kb.remove(f"{ID}article/a")
    kb.settle()
    kb.add(f"{ID}article/c", claims("c", 0, named=True))
    kb.settle()
    fresh = _fresh(kb, "claims-by", params)
    assert fresh is not None and len(fresh) == 2
    assert _kept(kb, "claims-by", params) in (None, fresh)


#: Each kind of list and the parameter that names its entity.
_KINDS = [
    ("claims-by", "actor"),
    ("conflicting-figures", "entity"),
    ("events-at", "place"),
    ("timeline", "entity"),
]


def _assert_every_list_as_found(kb: Store) -> None:
    """Every list a page of one of the invented people and places reads is the
    keys its key query finds."""
    for name, param in _KINDS:
        for entity in [*PEOPLE, *PLACES]:
            params = [(param, entity)]
            kept = _kept(kb, name, params)
            assert kept is None or kept == _fresh(kb, name, params), (name, entity)


def _added_rows(kb: Store) -> list[ox.Quad]:
    """The index's rows added to lists since they were written whole."""
    return [
        quad
        for kind in ordered_keys._kinds()
        for quad in kb._ox.quads_for_pattern(None, kind.added, None, _INDEX)
    ]


@pytest.mark.parametrize("apart", [None, 0, 3])
def test_a_history_of_writes_keeps_every_list_as_the_key_queries_find(
    monkeypatch: pytest.MonkeyPatch, apart: int | None
) -> None:
    """Adds (of new articles, and of one that changes old events, claims and
    places), removals and replacements, settled in turn: the rows added to a list
    are kept apart (``apart`` None: up to an eighth of it), never (0), or up to
    three, and every list stays what its key query finds."""
    if apart is not None:
        monkeypatch.setattr(ordered_keys, "_apart", lambda rows: apart)
    rng = random.Random(23)
    kb, claims = Store(), []
    for n in range(12):
        article, graph = _article(rng, n, claims)
        kb.add(str(article), graph)
    kb.settle()
    for step in range(6):
        for n in range(20 + 3 * step, 23 + 3 * step):
            article, graph = _article(rng, n, claims)
            kb.add(str(article), graph)
        if step == 2:
            kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
        if step == 4:
            assert kb.remove(f"{ID}article/3")
            article, graph = _article(rng, 21, [])  # a replacement
            kb.add(str(article), graph)
        kb.settle()
        _assert_every_list_as_found(kb)
        _assert_kept_as_found(kb)
    assert bool(_added_rows(kb)) == (apart != 0)


def test_rows_added_to_a_list_are_kept_apart_and_read_in_their_places() -> None:
    """A settled add writes the new rows of a busy list apart from it (not the
    whole list again), and pages read them in their places."""
    kb = _store()
    assert not _added_rows(kb)
    rng = random.Random(5)
    for n in range(50, 53):
        article, graph = _article(rng, n, [])
        kb.add(str(article), graph)
    kb.settle()
    assert _added_rows(kb)
    _assert_kept_as_found(kb)
    for name, params in ONE_ENTITY:
        prepared = _prepared(name, params, limit=7, offset=3)
        remote = kb.query(prepared.remote_text, prepared.bindings)
        assert prepared.run(kb).rows == prepared.finish(remote).rows, (name, params)


def test_short_lists_are_kept_for_settling_but_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An entity with fewer keys than MIN_KEYS has its list too, so that a write
    merges rows into it instead of reading its whole key query again; pages read
    the key query for it, as cheap."""
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 10**6)
    kb = _store()
    kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
    kb.settle()
    lists = [
        quad
        for kind in ordered_keys._kinds()
        for quad in kb._ox.quads_for_pattern(None, kind.predicate, None, _INDEX)
    ]
    assert len(lists) >= len(ONE_ENTITY)
    assert all(_kept(kb, name, params) is None for name, params in ONE_ENTITY)
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 1)
    _assert_kept_as_found(kb)


def test_a_version_3_index_is_rebuilt_before_rows_are_kept_apart(
    tmp_path: Path,
) -> None:
    """Version 3 readers read a list without the rows kept apart from it, so a
    store holding such rows has another version: a version 3 store is rebuilt at
    its next write, and meanwhile read from the key queries."""
    path = _on_disk(tmp_path)
    with Store(path) as kb:
        kb._ox.remove(_INDEX_MARK)
        kb._ox.add(
            ox.Quad(_INDEX_MARK.subject, _INDEX_MARK.predicate, ox.Literal("3"), _INDEX)
        )
    with Store(path, read_only=True) as kb:
        assert all(_kept(kb, n, p) is None for n, p in ONE_ENTITY)
    with Store(path) as kb:
        _add_again(kb)
        kb.add(f"{ID}article/late", _event_graph(URIRef(f"{ID}article/late")))
    with Store(path) as kb:
        rng = random.Random(8)
        for n in range(60, 63):
            article, graph = _article(rng, n, [])
            kb.add(str(article), graph)
    with Store(path, read_only=True) as kb:
        assert _added_rows(kb)
        _assert_kept_as_found(kb)


def test_a_version_4_index_is_read_and_gets_the_newer_lists_at_its_next_write(
    tmp_path: Path,
) -> None:
    """A version 4 index (names and the lists of all but articles-mentioning) is
    read as it is, articles-mentioning from its key query; its next write makes
    it version 5 in place and writes articles-mentioning's lists for every
    entity, not only those the write reaches."""
    path = _on_disk(tmp_path)
    newer = [
        ox.NamedNode(p + name)
        for name in ordered_keys.SINCE_VERSION_5
        for p in ("urn:newskb:keys/", "urn:newskb:keysAdded/", "urn:newskb:keyRows/")
    ]
    with Store(path) as kb:
        kb._ox.remove(_INDEX_MARK)
        kb._ox.add(_VERSION_4)
        for predicate in newer:
            for quad in list(kb._ox.quads_for_pattern(None, predicate, None, _INDEX)):
                kb._ox.remove(quad)
    with Store(path, read_only=True) as kb:
        for name, params in ONE_ENTITY:
            kept = _kept(kb, name, params)
            assert (kept is None) is (name in ordered_keys.SINCE_VERSION_5), name
    with Store(path) as kb:
        _add_again(kb)  # stored already: no entity's keys change
    with Store(path, read_only=True) as kb:
        assert _INDEX_MARK in kb._ox and _VERSION_4 not in kb._ox
        _assert_kept_as_found(kb)
