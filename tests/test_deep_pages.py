"""Deep pages from kept keys: a busy entity's list keeps how many rows its keys have
where that is not one (kb.store.key_rows), so a page starts at its own keys; every
page is still the slice of the whole answer, through adds, a drop, an add again and
a write by code that keeps no counts, on a generated store of invented articles
(events with two labels, types or places, claims with two dates)."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.namespaces import KB, SCHEMA
from kb.store import key_rows, ordered_keys, queries
from kb.store.embedded import Store
from kb.store.merged_keys import MergedKeys, Unordered
from kb.store.ordered_keys import KeptKeys
from kb.store.querying import QueryRequest, prepare

from .test_paging import DATES, _article, _iri

#: (named query, parameters) whose lists keep counts, each with keys of several
#: rows among its keys of one.
CASES = [
    ("articles-mentioning", [("entity", "Ilse Varga")]),
    ("events-at", [("place", "Norland")]),
    ("timeline", [("entity", "East Norland")]),
    ("timeline", [("entity", "Tomas Brekke")]),
    ("claims-by", [("actor", "Port Authority")]),
]


def _articles(seed: int, count: int) -> list[tuple[str, Graph]]:
    rng, claims = random.Random(seed), list[URIRef]()
    out = []
    for n in range(count):
        article, graph = _article(rng, n, claims)
        for claim in {s for s in graph.subjects(KB.claimant, None)}:
            for date in rng.sample(DATES, rng.choice([0, 1, 1, 2])):
                graph.add((claim, KB.date, date))  # two dates: two rows
        if rng.random() < 0.3:  # two headlines: two rows
            graph.add((article, SCHEMA.headline, Literal(f"Report {n}, updated")))
        out.append((str(article), graph))
    return out


@pytest.fixture(autouse=True)
def _short_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    # lists of a few keys are kept and read, as a busy entity's are
    monkeypatch.setattr(ordered_keys, "MIN_KEYS", 8)


def _kept(
    store: Store, name: str, params: list[tuple[str, str]]
) -> KeptKeys | MergedKeys:
    named = queries.load(name)
    kept = store.kept_keys(named, queries.bind(named, params))
    assert isinstance(kept, KeptKeys | MergedKeys)
    return kept


def _check_pages(store: Store, counted: bool = True) -> None:
    """Every page of every case, at every offset, is the slice of the whole
    answer, and says whether rows follow it."""
    for name, params in CASES:
        kept = _kept(store, name, params)
        assert (kept.counts is not None) is counted, name
        if counted:  # the cases have keys of other than one row
            assert any(n != 1 for n in (kept.counts or {}).values()), name
        whole = prepare(QueryRequest(named=name, params=params)).run(store).rows
        assert len(whole) > len(kept), "no key of several rows"
        for limit in (1, 3, 10):
            for offset in range(len(whole) + 2):
                request = QueryRequest(
                    named=name, params=params, limit=limit, offset=offset
                )
                page = prepare(request).run(store)
                assert page.rows == whole[offset : offset + limit], (name, offset)
                assert page.more == (len(whole) > offset + limit), (name, offset)


def test_pages_from_counted_keys_are_slices_of_the_whole_answer() -> None:
    store = Store()
    store.add_many(_articles(17, 40))
    store.settle()
    _check_pages(store)


def test_counts_follow_adds_a_drop_and_an_add_again() -> None:
    articles = _articles(18, 48)
    store = Store()
    store.add_many(articles[:30])
    store.settle()
    for batch in (articles[30:34], articles[34:35], articles[35:48]):
        store.add_many(batch)  # counted in steps: the written items' keys again
        store.settle()
        _check_pages(store)
    assert store.remove(articles[3][0])
    store.settle()
    _check_pages(store)
    store.add_many([articles[3]])
    store.settle()
    _check_pages(store)


def test_a_list_written_without_its_counts_is_read_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Code that keeps no counts (an older kb) writes the lists and leaves the
    counts as they were: they no longer match the lists, and pages read every
    key's rows as before."""
    articles = _articles(19, 44)
    store = Store()
    store.add_many(articles[:36])
    store.settle()
    with monkeypatch.context() as older:
        older.setattr(ordered_keys._Kind, "counted", property(lambda self: False))
        store.add_many(articles[36:])
        store.settle()
    _check_pages(store, counted=False)


def _reading(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list of how many keys each rows query of a page reads, from now on."""
    read: list[int] = []
    restrict = queries.restrict

    def counting(text: str, variables: list[str], keys: list) -> str:
        read.append(len(keys))
        return restrict(text, variables, keys)

    monkeypatch.setattr(queries, "restrict", counting)
    return read


def test_a_deep_page_reads_the_rows_of_its_own_keys_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    store.add_many(_articles(17, 40))
    store.settle()
    read = _reading(monkeypatch)
    for name, params in CASES:
        kept = _kept(store, name, params)
        read.clear()
        request = QueryRequest(named=name, params=params, limit=2, offset=len(kept) - 4)
        assert prepare(request).run(store).rows
        # the page's keys and a few more, not the keys before it
        assert sum(read) <= 16, name


def test_counts_of_other_lists_are_not_used() -> None:
    store = Store()
    store.add_many(_articles(17, 40))
    store.settle()
    kept = _kept(store, *CASES[0])
    kind = ordered_keys._kind("events-at")
    assert kind is not None
    norland = URIRef("https://example.org/id/place/norland")
    texts = ordered_keys._entity_texts(store._ox, kind, ox.NamedNode(norland))
    assert texts is not None and kept.counts is not None
    counts = key_rows.encode(key_rows.guard(*texts), {})
    assert key_rows.decode(counts, key_rows.guard(texts[0] + "\n", texts[1])) is None
    assert key_rows.decode(counts, key_rows.guard(*texts)) == {}


def _country_articles(count: int, several: bool = True) -> list[tuple[str, Graph]]:
    """Events at a town of a country that no article names (the gazetteer puts
    it there), or at a quarter of the town (two places in the town: two rows),
    some with two labels; or (not ``several``) each at one place with one label,
    some with no type (no row)."""
    rng = random.Random(21 if several else 22)
    town, quarter = _place("geonames-2803138"), _place("harbour-quarter")
    out = []
    for n in range(count):
        article = URIRef(f"{DEFAULT_BASE}article/{n}")
        g = Graph()
        g.add((article, RDF.type, KB.Article))
        for place, label in [(town, "Antwerp"), (quarter, "Harbour Quarter")]:
            g.add((place, RDF.type, KB.Location))
            g.add((place, RDFS.label, Literal(label)))
        g.add((quarter, SCHEMA.containedInPlace, town))
        for e in range(rng.randint(1, 3)):
            event = URIRef(f"{article}/event/{e}")
            g.add((article, KB.mentions, event))
            if several or rng.random() < 0.8:
                g.add((event, KB.eventType, KB.NaturalDisaster))
            two = [1, 1, 2] if several else [1]
            for label in rng.sample(["flood", "storm"], rng.choice(two)):
                g.add((event, RDFS.label, Literal(label)))
            for place in rng.sample([town, quarter], rng.choice(two)):
                g.add((event, KB.place, place))
            for date in rng.sample(DATES, rng.choice([0, 1, 1])):
                g.add((event, KB.date, date))
        out.append((str(article), g))
    return out


def _place(key: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}place/{key}")


def _check_slices(
    store: Store, name: str, params: list[tuple[str, str]], whole: tuple
) -> None:
    """Every page of 1 and of 4 rows is the slice of the ``whole`` answer."""
    for limit in (1, 4):
        for offset in range(len(whole) + 2):
            request = QueryRequest(
                named=name, params=params, limit=limit, offset=offset
            )
            page = prepare(request).run(store)
            assert page.rows == whole[offset : offset + limit], offset
            assert page.more == (len(whole) > offset + limit), offset


def test_a_country_with_one_towns_list_pages_from_its_counts() -> None:
    store = Store()
    store.add_many(_country_articles(30))
    store.settle()
    params = [("place", "Belgium")]
    kept = _kept(store, "events-at", params)
    assert kept.counts, "the town's keys of several rows are counted"
    whole = prepare(QueryRequest(named="events-at", params=params)).run(store).rows
    assert len(whole) > len(kept)
    _check_slices(store, "events-at", params, whole)


@pytest.mark.parametrize("several", [True, False])
def test_a_countrys_timeline_pages_from_its_towns_counts(several: bool) -> None:
    """A country's timeline reads its town's events-at list as timeline keys:
    an event's rows are its events-at rows where it has one or none, and a
    key of several (two places, or two labels) is read, not counted."""
    store = Store()
    store.add_many(_country_articles(30, several))
    store.settle()
    params = [("entity", "Belgium")]
    kept = _kept(store, "timeline", params)
    assert kept.counts is not None
    assert bool(kept.uncounted) is several
    if not several:
        assert 0 in kept.counts.values(), "events with no row are counted"
    whole = prepare(QueryRequest(named="timeline", params=params)).run(store).rows
    if several:  # the keys of two places have fewer rows than at events-at
        events = prepare(QueryRequest(named="events-at", params=[("place", "Belgium")]))
        assert len(whole) < len(events.run(store).rows)
    _check_slices(store, "timeline", params, whole)


def test_a_deep_page_of_a_countrys_timeline_reads_its_own_keys_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    store.add_many(_country_articles(30, several=False))
    store.settle()
    params = [("entity", "Belgium")]
    kept = _kept(store, "timeline", params)
    read = _reading(monkeypatch)
    request = QueryRequest(
        named="timeline", params=params, limit=2, offset=len(kept) - 12
    )
    assert prepare(request).run(store).rows
    assert len(kept) > 40 and sum(read) <= 16  # not the keys before the page


#: Names of several entities: "Norland" ends "East Norland" too, "Brekke" is
#: Anna Brekke's other name and ends Tomas Brekke's.
SEVERAL = [
    ("articles-mentioning", [("entity", "Brekke")]),
    ("conflicting-figures", [("entity", "Brekke")]),
    ("claims-by", [("actor", "Brekke")]),
    ("timeline", [("entity", "Norland")]),
]


@pytest.mark.parametrize(("name", "params"), SEVERAL)
def test_a_name_of_several_entities_pages_from_their_lists_merged(
    name: str, params: list[tuple[str, str]]
) -> None:
    store = Store()
    store.add_many(_articles(17, 40))
    store.settle()
    named = queries.load(name)
    assert named.keys is not None
    bindings = queries.bind(named, params)
    assert (
        len(
            store.entities_named(str(bindings[named.keys.query.name_tests[0].param]))
            or []
        )
        > 1
    )
    kept = _kept(store, name, params)
    text = queries.for_store(named.keys.query, bindings, store)
    plan = named.keys
    assert list(kept) == store.keys(
        plan.unordered(text), bindings, plan.order, plan.variables
    )
    whole = prepare(QueryRequest(named=name, params=params)).run(store).rows
    for offset in range(0, len(whole) + 2, 3):
        request = QueryRequest(named=name, params=params, limit=5, offset=offset)
        page = prepare(request).run(store)
        assert page.rows == whole[offset : offset + 5], offset
        assert page.more == (len(whole) > offset + 5), offset


def _shared_claims(
    seed: int, count: int, dates: bool = True, short: tuple[str, ...] = ("Lena",)
) -> list[tuple[str, Graph]]:
    """:func:`_articles`, where some claims of one Brekke are the other's too:
    a key in both lists, with the rows of each (some with two dates, or, not
    ``dates``, each with one row: no list keeps a count), and a Brekke of two
    claims for each first name in ``short``."""
    brekkes = [_iri("actor", "Anna Brekke"), _iri("actor", "Tomas Brekke")]
    rng = random.Random(seed)
    if dates:
        out = _articles(seed, count)
    else:
        claims: list[URIRef] = []
        out = [(str(a), g) for a, g in (_article(rng, n, claims) for n in range(count))]
    for _, graph in out:
        for claim, who in list(graph.subject_objects(KB.claimant)):
            if who in brekkes and rng.random() < 0.4:
                graph.add((claim, KB.claimant, brekkes[1 - brekkes.index(who)]))
    # more Brekkes, of two claims each: lists too short to keep counts
    for at, first in enumerate(short, start=5):
        article, graph = URIRef(out[at][0]), out[at][1]
        who = _iri("actor", f"{first} Brekke")
        graph.add((who, RDF.type, KB.Person))
        graph.add((who, RDFS.label, Literal(f"{first} Brekke")))
        for n in range(2):
            claim = URIRef(f"{article}/claim/{first.lower()}-{n}")
            graph.add((article, KB.mentions, claim))
            graph.add((claim, KB.claimant, who))
            graph.add((claim, KB.statement, Literal(f"{first}'s statement {n}")))
            graph.add((claim, KB.directQuote, Literal(False)))
            for date in DATES[: 1 + n] if dates else ():
                graph.add((claim, KB.date, date))
    return out


@pytest.mark.parametrize("dates", [True, False])
def test_a_name_of_several_entities_pages_from_their_summed_counts(
    monkeypatch: pytest.MonkeyPatch, dates: bool
) -> None:
    """claims-by "Brekke" (two entities) merges their lists as a page reads
    them; a claim of both is one key with the rows of each (its rows name the
    claimant), so a page deep in the answer starts at its own keys."""
    store = Store()
    store.add_many(_shared_claims(23, 40, dates))
    store.settle()
    params = [("actor", "Brekke")]
    assert len(store.entities_named("Brekke") or []) == 3
    kept = _kept(store, "claims-by", params)
    assert isinstance(kept, MergedKeys) and kept.counts is not None
    assert any(kept.counts) is dates
    whole = prepare(QueryRequest(named="claims-by", params=params)).run(store).rows
    claimants: dict[object, set[object]] = {}
    for row in whole:  # claimant, claim, ...
        claimants.setdefault(row[1], set()).add(row[0])
    shared = [claim for claim, who in claimants.items() if len(who) > 1]
    assert shared, "claims of both Brekkes"
    assert len(whole) > len(kept)
    _check_slices(store, "claims-by", params, whole)
    read = _reading(monkeypatch)
    request = QueryRequest(named="claims-by", params=params, limit=2, offset=len(kept))
    assert prepare(request).run(store).rows
    assert sum(read) <= 16  # the page's keys and a few more, not the keys before


def test_short_lists_of_a_name_are_counted_by_one_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """claims-by "Brekke" with two lists too short to keep counts (Lena's and
    Orla's): both are counted by one query, and their counts add up to the
    whole answer's rows."""
    store = Store()
    store.add_many(_shared_claims(23, 40, short=("Lena", "Orla")))
    store.settle()
    params = [("actor", "Brekke")]
    assert len(store.entities_named("Brekke") or []) == 4
    asked: list[int] = []
    counts = ordered_keys._counts

    def counting(db, kind, entities, items=None):  # type: ignore[no-untyped-def]
        asked.append(len(entities or ()))
        return counts(db, kind, entities, items)

    monkeypatch.setattr(ordered_keys, "_counts", counting)
    kept = _kept(store, "claims-by", params)
    assert asked == [2], "the two short lists, at once"
    assert isinstance(kept, MergedKeys) and kept.counts is not None
    whole = prepare(QueryRequest(named="claims-by", params=params)).run(store).rows
    _check_slices(store, "claims-by", params, whole)


def test_merged_lists_are_the_sorted_union_or_refused() -> None:
    rng = random.Random(5)
    words = [f"<urn:k:{rng.randrange(10**6):06d}>" for _ in range(300)]
    lists = [sorted(rng.sample(words, rng.randint(0, 120))) for _ in range(4)]

    def rank(line: str) -> tuple[tuple[int, str | int], ...]:
        return ((1, line),)

    merged = MergedKeys(lists, rank, lambda line: (line,))
    assert merged[0:5] == [(w,) for w in sorted(set().union(*lists))[:5]]
    assert list(merged) == [(w,) for w in sorted(set().union(*lists))]
    assert len(merged) == len(set().union(*lists))
    alike = MergedKeys([["<urn:a>"], ["<urn:A>"]], lambda s: ((1, s.lower()),), str)
    with pytest.raises(Unordered):
        list(alike)


def test_a_page_of_lists_that_tie_reads_the_key_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = Store()
    store.add_many(_shared_claims(23, 30))
    store.settle()
    params = [("actor", "Brekke")]
    whole = prepare(QueryRequest(named="claims-by", params=params)).run(store).rows

    def tie(self: MergedKeys) -> bool:
        raise Unordered("a tie")

    monkeypatch.setattr(MergedKeys, "_more", tie)
    _check_slices(store, "claims-by", params, whole)


def test_a_name_of_several_entities_pages_from_counts_of_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """articles-mentioning "Brekke" (two entities): an article of both lists is
    one key, whose rows (its headlines) are those of either list, not their
    sum, and a deep page starts at its own keys."""
    store = Store()
    store.add_many(_articles(17, 40))
    store.settle()
    params = [("entity", "Brekke")]
    kept = _kept(store, "articles-mentioning", params)
    assert isinstance(kept, MergedKeys) and kept.counts is not None
    assert any(kept.counts), "articles of two headlines"
    assert len(kept) < sum(len(lines) for lines in kept._lists), "shared articles"
    whole = prepare(QueryRequest(named="articles-mentioning", params=params))
    rows = whole.run(store).rows
    assert len(rows) > len(kept)
    _check_slices(store, "articles-mentioning", params, rows)
    read = _reading(monkeypatch)
    request = QueryRequest(
        named="articles-mentioning", params=params, limit=2, offset=len(kept) - 3
    )
    assert prepare(request).run(store).rows
    assert sum(read) <= 16  # the page's keys and a few more, not the keys before


#: articles-mentioning with later entities: one, two, a name of several, a
#: first name of several, an IRI, a name of none (no row).
MENTIONING = [
    [("entity", "Ilse Varga"), ("entity", "Norland")],
    [("entity", "Norland"), ("entity", "Red Lantern"), ("entity", "Kelda")],
    [("entity", "Ilse Varga"), ("entity", "Brekke")],
    [("entity", "Brekke"), ("entity", "Outer Isle")],
    [("entity", "Port Authority"), ("entity", str(_iri("place", "Vessby")))],
    [("entity", "Ilse Varga"), ("entity", "Nobody Here")],
    [("entity", "Brekke"), ("entity", "Nobody Here")],
]


@pytest.mark.parametrize("params", MENTIONING)
def test_articles_mentioning_several_entities_keeps_the_first_ones_keys(
    monkeypatch: pytest.MonkeyPatch, params: list[tuple[str, str]]
) -> None:
    """articles-mentioning with more than one entity reads the first one's
    list (or lists), keeping the articles that mention each other entity: the
    key query's keys in its order, and every page the slice of the whole answer,
    a deep one read from its own keys."""
    articles = _articles(17, 44)
    store = Store()
    store.add_many(articles[:40])
    store.settle()
    _check_mentioning(store, params, monkeypatch)
    store.add_many(articles[40:])  # rows added to the lists in steps
    store.settle()
    _check_mentioning(store, params, monkeypatch)
    # a later entity without a list is read from its triples
    kind = ordered_keys._kind("articles-mentioning")
    assert kind is not None
    for entity in store.entities_named(params[1][1]) or []:
        node = ox.NamedNode(entity)
        for predicate in (kind.predicate, kind.added):
            for quad in list(store._ox.quads_for_pattern(node, predicate, None)):
                store._ox.remove(quad)
    _check_mentioning(store, params, monkeypatch)


def _check_mentioning(
    store: Store, params: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "articles-mentioning"
    named = queries.load(name)
    assert named.keys is not None
    bindings = queries.bind(named, params)
    kept = _kept(store, name, params)
    assert kept.counts is not None
    plan = named.keys
    text = plan.unordered(queries.for_store(plan.query, bindings, store))
    keys = store.keys(text, bindings, plan.order, plan.variables)
    assert list(kept) == keys
    whole = prepare(QueryRequest(named=name, params=params)).run(store).rows
    first = prepare(QueryRequest(named=name, params=params[:1])).run(store).rows
    assert len(whole) < len(first), "the later entities keep fewer articles"
    _check_slices(store, name, params, whole)
    if len(kept) > 4:
        with monkeypatch.context() as patched:
            read = _reading(patched)
            request = QueryRequest(
                named=name, params=params, limit=2, offset=len(kept) - 3
            )
            assert prepare(request).run(store).rows
            assert sum(read) <= 16  # the page's keys and a few more


@pytest.mark.parametrize(
    ("counted", "dates"), [(True, True), (True, False), (False, True)]
)
def test_pages_of_merged_lists_read_on_only_as_far_as_they_need(
    monkeypatch: pytest.MonkeyPatch, counted: bool, dates: bool
) -> None:
    """claims-by "Brekke": a page of lists merged, with their counts (keys of
    several rows, or none: a row a key) or without (written by code that
    keeps none), merges them only as far as it reads, never every line to
    count them, and is the slice of the whole answer, up to past its end."""
    articles = _shared_claims(23, 40, dates)
    store = Store()
    store.add_many(articles[:34])
    store.settle()
    with monkeypatch.context() as older:
        if not counted:
            older.setattr(ordered_keys._Kind, "counted", property(lambda self: False))
        store.add_many(articles[34:])
        store.settle()
    params = [("actor", "Brekke")]
    kept = _kept(store, "claims-by", params)
    assert isinstance(kept, MergedKeys) and (kept.counts is not None) is counted
    assert any(kept.counts or [{}]) is (counted and dates)
    whole = prepare(QueryRequest(named="claims-by", params=params)).run(store).rows
    _never_counted(monkeypatch)
    _check_slices(store, "claims-by", params, whole)


def _never_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, merged lists fail when every line is merged to count them."""

    def counting(self: MergedKeys) -> int:
        raise AssertionError("every line merged to count them")

    monkeypatch.setattr(MergedKeys, "__len__", counting)
