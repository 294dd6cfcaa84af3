"""Named queries: each runs on a small hand-written knowledge base and gives the rows
in ``tests/data/queries/*.expected.json``; parameters are bound as terms, never text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal

from kb.errors import UsageError
from kb.store import queries
from kb.store.embedded import Store
from kb.store.sparql import QueryResult

DATA = Path(__file__).parent / "data" / "queries"

#: (case id, named query, parameters); each case has ``<id>.expected.json``.
CASES = [
    ("claims-by-name", "claims-by", [("actor", "maria okafor")]),
    ("claims-by-alternate-name", "claims-by", [("actor", "OKAFOR")]),
    ("claims-by-last-word", "claims-by", [("actor", "cross")]),
    ("claims-by-no-partial-word", "claims-by", [("actor", "ross")]),
    (
        "claims-by-iri",
        "claims-by",
        [("actor", "https://w3id.org/newskb/id/organization/red-cross")],
    ),
    ("conflicting-figures", "conflicting-figures", []),
    ("conflicting-figures-party", "conflicting-figures", [("entity", "okafor")]),
    ("conflicting-figures-no-party", "conflicting-figures", [("entity", "Nobody")]),
    (
        "conflicting-figures-in-range",
        "conflicting-figures",
        [("from", "2025-03-04"), ("to", "2025-03-10")],
    ),
    ("conflicting-figures-after", "conflicting-figures", [("from", "2025-03-06")]),
    ("events-at-country", "events-at", [("place", "Estrela")]),
    (
        "events-at-range",
        "events-at",
        [("place", "Estrela"), ("from", "2025-03-02"), ("to", "2025-03-02")],
    ),
    ("actors-in-all", "actors-in", []),
    (
        "actors-in-article-url",
        "actors-in",
        [("article", "https://news.example/floods")],
    ),
    ("articles-mentioning-one", "articles-mentioning", [("entity", "Estrela")]),
    (
        "articles-mentioning-two",
        "articles-mentioning",
        [("entity", "Estrela"), ("entity", "Red Cross")],
    ),
    ("timeline", "timeline", [("entity", "Maria Okafor")]),
    ("timeline-place", "timeline", [("entity", "Estrela")]),
]

INJECTIONS = [
    '"} ; DROP ALL ; {"',
    "'} ; DROP ALL ; {'",
    '" . } } DELETE WHERE { ?s ?p ?o } #',
    "> } <http://x> a <y> .",
    '\\" ) } UNION { ?s ?p ?o } #',
    'Okafor" || true || "',
]


def _kb() -> Store:
    """The hand-written knowledge base, one article graph each."""
    dataset = Dataset()
    dataset.parse(DATA / "kb.trig", format="trig")
    kb = Store()
    for graph in dataset.graphs():
        if len(graph):
            kb.add(str(graph.identifier), Graph() + graph)
    return kb


@pytest.fixture(scope="module")
def store() -> Store:
    return _kb()


def _run(store: Store, name: str, params: list[tuple[str, str]]) -> QueryResult:
    named = queries.load(name)
    return store.query(named.text, queries.bind(named, params))


def _rows(
    result: QueryResult, hidden: frozenset[str] = frozenset()
) -> list[dict[str, str]]:
    return [
        {k: v.n3() for k, v in record.items() if k not in hidden}
        for record in result.records()
    ]


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_named_query_gives_expected_rows(
    store: Store,
    case: str,
    name: str,
    params: list[tuple[str, str]],
    request: pytest.FixtureRequest,
) -> None:
    expected_file = DATA / f"{case}.expected.json"
    rows = _rows(_run(store, name, params), queries.load(name).param_variables())
    if request.config.getoption("--update-goldens"):
        expected_file.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    assert rows == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_named_query_is_documented_and_tested() -> None:
    tested = {name for _, name, _ in CASES}
    for name in queries.names():
        named = queries.load(name)
        assert named.description, f"{name}.rq has no '# description:' line"
        assert name in tested, f"{name}.rq has no expected-results case"
        for param in named.params:
            assert param.doc, f"{name}.rq: parameter {param.name} is undocumented"
            for variable in param.variables():
                # oxigraph substitutes only projected variables
                assert f"?{variable}" in named.text.split("WHERE")[0], (
                    f"{name}.rq: ?{variable} must be in the SELECT clause"
                )


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["claims-by", "events-at", "timeline"])
def test_parameters_cannot_change_the_query(
    store: Store, name: str, value: str
) -> None:
    before = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    param = queries.load(name).params[0].name
    assert _run(store, name, [(param, value)]).rows == ()
    values_text = queries.with_values(
        queries.load(name).text, queries.bind(queries.load(name), [(param, value)])
    )
    assert store.query(values_text).rows == ()
    after = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert before == after


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_values_form_for_remote_endpoints_gives_the_same_rows(
    store: Store, case: str, name: str, params: list[tuple[str, str]]
) -> None:
    named = queries.load(name)
    bindings = queries.bind(named, params)
    remote = store.query(queries.with_values(named.text, bindings))
    assert _rows(remote, named.param_variables()) == _rows(
        _run(store, name, params), named.param_variables()
    )


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_the_store_form_with_the_name_index_gives_the_same_rows(
    store: Store, case: str, name: str, params: list[tuple[str, str]]
) -> None:
    named = queries.load(name)
    bindings = queries.bind(named, params)
    indexed = queries.for_store(named, bindings, store)
    if named.name_tests or name == "actors-in" and params:
        assert indexed != named.text, "the name index was not used"
    assert _rows(store.query(indexed, bindings), named.param_variables()) == _rows(
        _run(store, name, params), named.param_variables()
    )


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["claims-by", "events-at", "timeline", "actors-in"])
def test_parameters_cannot_change_the_store_form(
    store: Store, name: str, value: str
) -> None:
    named = queries.load(name)
    bindings = queries.bind(named, [(named.params[0].name, value)])
    assert store.query(queries.for_store(named, bindings, store), bindings).rows == ()


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("claims-by", [], "missing --param actor"),
        ("claims-by", [("speaker", "x")], "unknown parameter 'speaker'"),
        ("claims-by", [("actor", "a"), ("actor", "b")], "at most 1"),
        ("events-at", [("place", "x"), ("from", "March")], "is not a date"),
        ("articles-mentioning", [("entity", str(i)) for i in range(6)], "at most 5"),
        ("no-such-query", [], "no named query 'no-such-query'"),
    ],
)
def test_bad_parameters_are_usage_errors(
    name: str, params: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        queries.bind(queries.load(name), params)


def test_bound_values_are_terms() -> None:
    bound = queries.bind(
        queries.load("events-at"), [("place", "x"), ("from", "2025-01-02")]
    )
    assert bound["place"] == Literal("x")
    assert bound["from"].n3() == '"2025-01-02"^^<http://www.w3.org/2001/XMLSchema#date>'


@pytest.mark.parametrize(
    ("limit", "offset", "rows"),
    [(None, None, 1), (1, None, 1), (0, None, 0), (None, 1, 0)],
)
def test_pages_of_an_answer(limit: int | None, offset: int | None, rows: int) -> None:
    from kb.store.querying import QueryRequest, run_query

    request = QueryRequest(
        named="conflicting-figures",
        data=(str(DATA / "kb.trig"),),
        limit=limit,
        offset=offset,
    )
    assert len(run_query(request).rows) == rows


def test_a_query_with_its_own_limit_is_not_paged_again() -> None:
    from kb.errors import UsageError
    from kb.store.querying import QueryRequest, run_query

    request = QueryRequest(
        sparql="SELECT ?s WHERE { ?s ?p ?o } LIMIT 5",
        data=(str(DATA / "kb.trig"),),
        limit=2,
    )
    with pytest.raises(UsageError, match="its own LIMIT"):
        run_query(request)


def test_the_store_form_evaluates_marked_groups_laterally(store: Store) -> None:
    """``#LATERAL`` lines become oxigraph's LATERAL for the store only: the text that
    remote endpoints run keeps them as comments."""
    named = queries.load("conflicting-figures")
    assert "\n  #LATERAL\n" in named.text
    indexed = queries.for_store(named, queries.bind(named, []), store)
    assert "#LATERAL" not in indexed
    assert indexed.count("\n  LATERAL\n") == named.text.count("\n  #LATERAL\n")


@pytest.mark.parametrize(
    ("params", "values"),
    [
        ([], "{ SELECT DISTINCT ?party WHERE { VALUES ?kind {"),  # every party
        ([("entity", "no such name")], "VALUES ?party {  }"),  # names nobody
    ],
)
def test_an_optional_name_test_may_let_everyone_pass(
    store: Store, params: list[tuple[str, str]], values: str
) -> None:
    named = queries.load("conflicting-figures")
    (test,) = named.name_tests
    assert test.anyone_when_absent
    assert values in queries.for_store(named, queries.bind(named, params), store)


def test_the_everyone_form_must_test_its_own_parameter() -> None:
    text = (
        "# param: who string optional names=x  a name\n"
        "SELECT DISTINCT ?x WHERE {\n"
        "  ?x rdfs:label|schema:alternateName ?n .\n"
        '  FILTER (COALESCE(STR(?other), "") = "" || LCASE(STR(?n)) = LCASE(STR(?who))'
        " || STR(?x) = STR(?who))\n"
        "  ?x a ?k . FILTER (?k IN (kb:Actor, kb:Person, kb:Organization, kb:Group,"
        " kb:Location))\n}"
    )
    params = [queries.Param("who", "string", optional=True, names="x")]
    with pytest.raises(UsageError, match="starts with a test of \\?other"):
        queries._name_tests("q", text, params)


#: Claims and events whose labels are the test cases' names, or end in them, in every
#: place where a query joins from what a name finds: mentioned by an article, a
#: claimant, an agent, a place. A name parameter finds actors and places only.
DECOYS = """
@prefix kb: <https://w3id.org/newskb/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix d: <https://w3id.org/newskb/id/article/d/> .

<https://w3id.org/newskb/id/article/d> a kb:Article ;
  schema:headline "Decoys" ;
  schema:datePublished "2025-03-05"^^xsd:date ;
  kb:mentions d:claim\\/1, d:event\\/1, d:claim\\/2, d:event\\/2 .
d:claim\\/1 a kb:Claim ;
  rdfs:label "Help is late, said Maria Okafor", "Estrela", "Thanks to the Red Cross" .
d:event\\/1 a kb:Event ;
  rdfs:label "A visit by Maria Okafor", "Estrela", "Aid from the Red Cross" ;
  kb:eventType kb:Negotiation .
d:claim\\/2 a kb:Claim ;
  kb:claimant d:claim\\/1 ;
  kb:statement "Rain is coming" ;
  kb:directQuote false ;
  kb:conflictsWith <https://w3id.org/newskb/id/article/a/claim/1> .
d:event\\/2 a kb:Event ;
  rdfs:label "a storm" ;
  kb:eventType kb:NaturalDisaster ;
  kb:agent d:claim\\/1 ;
  kb:participant d:event\\/1 ;
  kb:place d:event\\/1 ;
  kb:date "2025-03-02"^^xsd:date .
"""


@pytest.fixture(scope="module")
def decoyed() -> Store:
    kb = _kb()
    kb.add(
        "https://w3id.org/newskb/id/article/d", Graph().parse(data=DECOYS, format="ttl")
    )
    return kb


@pytest.mark.parametrize(("case", "name", "params"), CASES, ids=[c[0] for c in CASES])
def test_a_name_finds_no_claim_or_event_whose_label_ends_in_it(
    store: Store,
    decoyed: Store,
    case: str,
    name: str,
    params: list[tuple[str, str]],
) -> None:
    """With claims and events labelled with the name (whole or its last words), the
    rows are those without them: in the query's own text and in the store's form."""
    named = queries.load(name)
    bindings = queries.bind(named, params)
    hidden = named.param_variables()
    expected = _rows(_run(store, name, params), hidden)
    assert _rows(_run(decoyed, name, params), hidden) == expected
    indexed = queries.for_store(named, bindings, decoyed)
    assert _rows(decoyed.query(indexed, bindings), hidden) == expected
