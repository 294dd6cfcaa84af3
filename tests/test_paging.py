"""Pages of named queries: read in two steps on the store (the page's keys, then their
rows), every page is the same slice of the whole ordered answer, on a generated
store of invented articles with the awkward cases (events with two dates or none,
claims with several figures, conflicts both ways, articles without a date)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef

from kb.cli.main import cli
from kb.errors import UsageError
from kb.rdf.namespaces import KB, SCHEMA
from kb.store import queries
from kb.store.embedded import Store
from kb.store.paging import read_page
from kb.store.querying import PreparedQuery, QueryRequest, prepare, run_query
from kb.store.sparql import QueryResult

ID = "https://example.org/id/"
PLACES = {  # place: the place it is in
    "Norland": None,
    "East Norland": "Norland",
    "Vessby": "East Norland",
    "Harrow Point": "East Norland",
    "Kelda": "Norland",
    "Outer Isle": None,
}
PEOPLE = ["Anna Brekke", "Tomas Brekke", "Ilse Varga", "Port Authority", "Red Lantern"]
DATES = [
    Literal("2025-03-02", datatype=XSD.date),
    Literal("2025-03-10", datatype=XSD.date),
    Literal("2025-03", datatype=XSD.gYearMonth),
    Literal("2025", datatype=XSD.gYear),
    Literal("2024-12-31", datatype=XSD.date),
]
UNITS = ["people", "USD"]
ARTICLES = 60


def _iri(kind: str, name: str) -> URIRef:
    return URIRef(ID + kind + "/" + name.lower().replace(" ", "-"))


def _article(rng: random.Random, n: int, claims: list[URIRef]) -> tuple[URIRef, Graph]:
    """One invented article: a few events and claims about the people and places."""
    article = URIRef(f"{ID}article/{n}")
    g = Graph()
    g.add((article, RDF.type, KB.Article))
    g.add((article, SCHEMA.headline, Literal(f"Report {n}")))
    if rng.random() < 0.8:
        g.add((article, SCHEMA.datePublished, rng.choice(DATES[:2])))
    for name, inside in PLACES.items():
        place = _iri("place", name)
        g.add((place, RDF.type, KB.Location))
        g.add((place, RDFS.label, Literal(name)))
        if inside:
            g.add((place, SCHEMA.containedInPlace, _iri("place", inside)))
    for name in PEOPLE:
        g.add((_iri("actor", name), RDFS.label, Literal(name)))
        g.add((_iri("actor", name), RDF.type, KB.Person))
    g.add((_iri("actor", "Anna Brekke"), SCHEMA.alternateName, Literal("Brekke")))
    for e in range(rng.randint(2, 6)):
        event = URIRef(f"{article}/event/{e}")
        g.add((article, KB.mentions, event))
        if rng.random() < 0.1:  # mentioned by a second article as well
            g.add((URIRef(f"{ID}article/{n + 1}"), KB.mentions, event))
        for label in rng.sample(["flood", "storm", "meeting"], rng.choice([1, 1, 2])):
            g.add((event, RDFS.label, Literal(label)))
        for kind in rng.sample(
            [KB.NaturalDisaster, KB.Negotiation], rng.choice([1, 1, 2])
        ):
            g.add((event, KB.eventType, kind))
        for place in rng.sample(list(PLACES), rng.choice([0, 1, 1, 2])):
            g.add((event, KB.place, _iri("place", place)))
        for role in (KB.agent, KB.participant):
            if rng.random() < 0.5:
                g.add((event, role, _iri("actor", rng.choice(PEOPLE))))
        for date in rng.sample(DATES, rng.choice([0, 1, 1, 1, 2])):
            g.add((event, KB.date, date))
    for c in range(rng.randint(1, 4)):
        claim = URIRef(f"{article}/claim/{c}")
        g.add((article, KB.mentions, claim))
        g.add((claim, KB.claimant, _iri("actor", rng.choice(PEOPLE))))
        g.add((claim, KB.statement, Literal(f"statement {n}.{c}")))
        g.add((claim, KB.directQuote, Literal(rng.random() < 0.5)))
        for q in range(rng.choice([1, 1, 2])):
            quantity = URIRef(f"{claim}/quantity/{q}")
            g.add((claim, KB.quantity, quantity))
            g.add((quantity, SCHEMA.unitText, Literal(rng.choice(UNITS))))
            kind = rng.choice([SCHEMA.value, SCHEMA.minValue, SCHEMA.maxValue])
            g.add((quantity, kind, Literal(rng.randint(1, 50))))
        for other in rng.sample(claims, min(len(claims), rng.choice([0, 1, 2, 3]))):
            pair = (claim, other) if rng.random() < 0.5 else (other, claim)
            g.add((pair[0], KB.conflictsWith, pair[1]))
        claims.append(claim)
    for entity in [
        *(_iri("place", p) for p in PLACES),
        *(_iri("actor", p) for p in PEOPLE),
    ]:
        if rng.random() < 0.5:
            g.add((article, KB.mentions, entity))
    return article, g


@pytest.fixture(scope="module")
def store() -> Store:
    rng = random.Random(15)
    kb, claims = Store(), []
    for n in range(ARTICLES):
        article, graph = _article(rng, n, claims)
        kb.add(str(article), graph)
    return kb


#: (named query, parameters): each with a key query, and answers of many rows.
CASES = [
    ("conflicting-figures", []),
    ("conflicting-figures", [("entity", "Brekke")]),
    ("conflicting-figures", [("entity", "Ilse Varga"), ("from", "2025-03-05")]),
    ("conflicting-figures", [("from", "2025-03-01"), ("to", "2025-03-03")]),
    ("events-at", [("place", "Norland")]),
    ("events-at", [("place", "east norland"), ("from", "2025-03-01")]),
    ("events-at", [("place", "Norland"), ("to", "2025-01-01")]),
    ("claims-by", [("actor", "Brekke")]),
    ("claims-by", [("actor", "Port Authority")]),
    ("timeline", [("entity", "Norland")]),
    ("timeline", [("entity", "brekke")]),
    ("articles-mentioning", [("entity", "Norland")]),
    ("articles-mentioning", [("entity", "Brekke"), ("entity", "Kelda")]),
]


def _prepared(name: str, params: list[tuple[str, str]], **page: int) -> PreparedQuery:
    return prepare(QueryRequest(named=name, params=params, **page))


def _pages(store: Store, name: str, params: list, size: int) -> list[QueryResult]:
    pages, offset = [], 0
    while True:
        page = _prepared(name, params, limit=size, offset=offset).run(store)
        pages.append(page)
        if not page.more:
            return pages
        offset += size


@pytest.mark.parametrize(("name", "params"), CASES)
@pytest.mark.parametrize("size", [1, 2, 7, 40])
def test_pages_put_together_are_the_whole_answer(
    store: Store, name: str, params: list[tuple[str, str]], size: int
) -> None:
    whole = _prepared(name, params).run(store)
    assert len(whole.rows) > 8, "too small an answer to page"
    pages = _pages(store, name, params, size)
    assert [row for page in pages for row in page.rows] == list(whole.rows)
    assert all(len(page.rows) == size for page in pages[:-1])
    assert all(page.variables == whole.variables for page in pages)


@pytest.mark.parametrize(("name", "params"), CASES)
@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (5, 0), (5, 3), (30, 29)])
def test_a_page_is_the_slice_that_limit_and_offset_give(
    store: Store, name: str, params: list[tuple[str, str]], limit: int, offset: int
) -> None:
    """The two-step page, the text with LIMIT and OFFSET that remote endpoints run,
    and the slice of the whole answer are the same rows."""
    prepared = _prepared(name, params, limit=limit, offset=offset)
    named = prepared.named
    assert named is not None and named.keys is not None
    two_steps = read_page(store, named, prepared.bindings, limit, offset)
    assert two_steps is not None
    one_step = store.query(prepared.remote_text, prepared.bindings)
    whole = store.query(named.text, prepared.bindings)
    assert two_steps.rows == one_step.rows == whole.rows[offset : offset + limit + 1]
    page = prepared.run(store)
    assert page.more == (len(whole.rows) > offset + limit)


def test_the_keys_are_in_the_order_of_the_answer(store: Store) -> None:
    """Each key query lists every key that has rows, ordered by the store as the
    rows come, and as oxigraph's own ORDER BY orders them."""
    for name, params in CASES:
        named = queries.load(name)
        plan = named.keys
        assert plan is not None
        bindings = queries.bind(named, params)
        text = queries.for_store(plan.query, bindings, store)
        listed = store.keys(plan.unordered(text), bindings, plan.order, plan.variables)
        assert listed is not None
        ordered = store.query(text, bindings)
        assert listed == [
            tuple(_n3(row[ordered.variables.index(v)]) for v in plan.variables)
            for row in ordered.rows
        ], name
        whole = store.query(named.text, bindings)
        seen = [
            tuple(_n3(r[whole.variables.index(v)]) for v in plan.variables)
            for r in whole.rows
        ]
        order = {key: i for i, key in enumerate(listed)}
        positions = [order[key] for key in seen]
        assert positions == sorted(positions), name


def _n3(term: object) -> str | None:
    return None if term is None else term.n3()  # type: ignore[attr-defined]


def test_keys_that_are_blank_nodes_are_paged_from_the_whole_answer() -> None:
    """A VALUES block cannot name a blank node: the page is then read as one query."""
    kb = Store()
    place = URIRef(ID + "place/norland")
    graph = Graph()
    graph.add((place, RDFS.label, Literal("Norland")))
    graph.add((place, RDF.type, KB.Location))
    for n in range(5):
        event = BNode()
        graph.add((event, KB.place, place))
        graph.add((event, RDFS.label, Literal(f"event {n}")))
        graph.add((event, KB.eventType, KB.Negotiation))
        graph.add((URIRef(ID + "article/1"), KB.mentions, event))
    kb.load_graph(graph)
    prepared = _prepared("events-at", [("place", "Norland")], limit=2, offset=1)
    assert prepared.named is not None
    assert read_page(kb, prepared.named, prepared.bindings, 2, 1) is None
    page = prepared.run(kb)
    whole = _prepared("events-at", [("place", "Norland")]).run(kb)
    assert page.rows == whole.rows[1:3] and page.more


def test_a_key_query_must_order_as_its_query_begins() -> None:
    named = queries.load("events-at")
    assert named.keys is not None
    wrong = named.keys.query.text.replace("BY ?start ?event", "BY ?event ?start")
    with pytest.raises(UsageError, match="must be the start of events-at.rq's"):
        queries._key_query(named, wrong)


def test_a_key_query_selects_keys_its_query_selects() -> None:
    named = queries.load("events-at")
    assert named.keys is not None
    text = named.keys.query.text
    selected = "SELECT DISTINCT ?start ?event ?date"
    with pytest.raises(UsageError, match="order by variables it selects"):
        queries._key_query(
            named, text.replace(selected, "SELECT DISTINCT ?event ?date")
        )
    with pytest.raises(UsageError, match="select keys that events-at.rq selects"):
        queries._key_query(named, text.replace(selected, f"{selected} ?where"))


def test_every_key_query_is_of_a_named_query() -> None:
    folder = Path(queries.__file__).parent
    for path in folder.glob("*.keys.rq"):
        name = path.name.removesuffix(".keys.rq")
        assert queries.load(name).keys is not None
    assert not any(name.endswith(".keys") for name in queries.names())


@pytest.fixture(scope="module")
def data_file(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = Dataset()
    for article, text in store.article_graphs():
        dataset.graph(URIRef(article)).parse(data=text, format="nt")
    path = tmp_path_factory.mktemp("paging") / "kb.nq"
    dataset.serialize(path, format="nquads")
    return path


def _kb(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_kb_query_shows_the_default_page_and_says_how_to_get_more(
    data_file: Path,
) -> None:
    args = ["query", "--data", str(data_file), "--named", "conflicting-figures"]
    code, out, err = _kb(*args, "--format", "csv")
    assert code == 0, err
    assert len(out.splitlines()) == 1 + queries.DEFAULT_PAGE
    assert "the next page with --offset 100, every row with --all" in err
    code, out_all, err = _kb(*args, "--format", "csv", "--all")
    assert code == 0 and "--offset" not in err
    assert out_all.splitlines()[: len(out.splitlines())] == out.splitlines()
    code, out, err = _kb(*args, "--format", "csv", "--offset", "100")
    assert out.splitlines()[1:] == out_all.splitlines()[101:201]
    code, _, err = _kb(*args, "--all", "--limit", "5")
    assert code == 2 and "not both" in err


def test_a_page_that_ends_the_answer_says_nothing_more(data_file: Path) -> None:
    args = ["query", "--data", str(data_file), "--named", "claims-by"]
    code, out, err = _kb(*args, "--param", "actor=Ilse Varga", "--format", "csv")
    assert code == 0, err
    assert 1 < len(out.splitlines()) <= queries.DEFAULT_PAGE and "--offset" not in err


def test_queries_not_named_are_not_paged_unless_asked(data_file: Path) -> None:
    query = "SELECT ?s WHERE { ?s a kb:Article }"
    code, out, err = _kb("query", query, "--data", str(data_file), "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 1 + ARTICLES and not err
    args = ["query", query, "--data", str(data_file), "--format", "csv"]
    assert len(_kb(*args, "--limit", "3")[1].splitlines()) == 4
    assert run_query(QueryRequest(sparql=query, data=(str(data_file),))).more is False


@pytest.mark.parametrize(
    ("values", "sorted_here"),
    [
        # days (no time zone), unbound first, as oxigraph's ORDER BY has them
        (
            '("2025-03-10"^^xsd:date <http://a/1>) ("2024-12-31"^^xsd:date <http://a/2>)'
            ' (UNDEF <http://a/3>) ("2025-03-02"^^xsd:date <http://a/4>)',
            True,
        ),
        # a day with a time zone, or a day beside a time: oxigraph orders them
        (
            '("2025-03-10Z"^^xsd:date <http://a/1>) ("2025-03-09"^^xsd:date <http://a/2>)',
            False,
        ),
        (
            '("2025-03-10"^^xsd:date <http://a/1>)'
            ' ("2025-03-09T10:00:00"^^xsd:dateTime <http://a/2>)',
            False,
        ),
    ],
)
def test_keys_by_day_are_ordered_as_sparql_orders_them(
    values: str, sorted_here: bool
) -> None:
    kb = Store()
    text = f"SELECT ?d ?x WHERE {{ VALUES (?d ?x) {{ {values} }} }}"
    listed = kb.keys(text, {}, ["d", "x"], ["x"])
    if not sorted_here:
        assert listed is None
        return
    ordered = kb.query(text + " ORDER BY ?d ?x").rows
    assert listed == [(_n3(row[1]),) for row in ordered]
