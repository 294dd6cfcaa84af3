"""The store's name index and its N-Triples input: the index finds exactly the
entities the named queries' name test accepts, stays in step with the union through
adds, replacements and removals, and N-Triples text is stored as the same graph as an
rdflib graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef

from kb.errors import StoreError, UsageError
from kb.rdf.namespaces import KB, SCHEMA
from kb.store import queries
from kb.store.embedded import Store
from kb.store.name_index import _INDEX_MARK as _MARK
from kb.store.name_index import ENTITY_CLASSES, NAME_INDEX, fold_all
from kb.store.ordered_keys import _STALE

ROOT = Path(__file__).parent.parent
DATA = ROOT / "tests" / "data" / "queries"
A = "https://w3id.org/newskb/id/article/a"
B = "https://w3id.org/newskb/id/article/b"
ANN = URIRef("https://w3id.org/newskb/id/person/ann-lee")
BOB = URIRef("https://w3id.org/newskb/id/person/bob")
PARIS = URIRef("https://w3id.org/newskb/id/place/paris")
#: Ann's type, as a line of N-Triples
PERSON_LINE = f"<{ANN}> <{RDF.type}> <{KB.Person}> .\n"

#: Names that lower-case in awkward ways, or hold spaces where a key would start.
AWKWARD = [
    "Ann Lee",
    "Maria da Silva",
    "  two  spaces ",
    "trailing ",
    "ΟΔΟΣ ΑΣ",  # final sigma: lower case depends on what follows
    "İstanbul",  # dotted capital I lowers to two code points
    "Straße",
    "Ǆemal Ǆ",  # title-case digraphs
    'He said "no" \\ then',
    "emoji 😀 Name",
    "",
]


def _graph(
    *triples: tuple[URIRef, URIRef, Literal | URIRef], typed: bool = True
) -> Graph:
    """The triples, and (``typed``) a type that makes an entity of each subject
    with a name: only entities' names are found."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
        if typed and triple[1] in (RDFS.label, SCHEMA.alternateName):
            graph.add((triple[0], RDF.type, KB.Person))
    return graph


def _nt(graph: Graph) -> str:
    """The graph as kb's exporter hands it to the store: sorted N-Triples lines."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(sorted({line + "\n" for line in text.split("\n") if line}))


def _lines(store: Store) -> dict[str, list[bytes]]:
    return {a: sorted(nt.splitlines()) for a, nt in store.article_graphs()}


def _index(store: Store) -> set[ox.Quad]:
    return set(store._ox.quads_for_pattern(None, None, None, ox.NamedNode(NAME_INDEX)))


def _rebuilt(store: Store) -> set[ox.Quad]:
    """The index of a fresh store given the same articles."""
    fresh = Store()
    # the marks a write leaves (index version, stale keys), which ``store`` has;
    # an empty batch, when ``store`` holds no article, prepares no write
    fresh._prepare_write()
    fresh.add_many((a, nt.decode()) for a, nt in store.article_graphs())
    return _index(fresh)


def _queries_store() -> Store:
    dataset = Dataset()
    dataset.parse(DATA / "kb.trig", format="trig")
    kb = Store()
    for graph in dataset.graphs():
        if len(graph):
            kb.add(str(graph.identifier), _nt(Graph() + graph))
    return kb


# --- N-Triples input ---------------------------------------------------------------


def test_ntriples_text_is_stored_as_the_same_graph_as_an_rdflib_graph() -> None:
    dataset = Dataset()
    dataset.parse(DATA / "kb.trig", format="trig")
    as_graphs, as_text = Store(), Store()
    for graph in dataset.graphs():
        if len(graph):
            g = Graph() + graph
            assert as_graphs.add(str(graph.identifier), g) == len(g)
            assert as_text.add(str(graph.identifier), _nt(g)) == len(g)
    assert as_text.articles() == as_graphs.articles()
    assert _lines(as_text) == _lines(as_graphs)
    union = "CONSTRUCT WHERE { ?s ?p ?o }"
    assert set(as_text.query(union).graph or ()) == set(
        as_graphs.query(union).graph or ()
    )
    assert _index(as_text) == _index(as_graphs)


@pytest.mark.parametrize(
    "text",
    [
        # not the plain form: a comment, a blank node, no final newline
        f'<{ANN}> <{RDFS.label}> "Ann Lee" . # a comment\n',
        f'_:x <{RDFS.label}> "Ann Lee" .\n<{ANN}> <{RDFS.seeAlso}> _:x .\n',
        f'<{ANN}> <{RDFS.label}> "Ann Lee" .',
    ],
)
def test_any_ntriples_text_is_accepted(text: str) -> None:
    kb = Store()
    assert kb.add(A, text) >= 1
    assert kb.query("ASK { ?s rdfs:label 'Ann Lee' }").boolean is True
    assert kb.query("ASK { GRAPH ?g { ?s rdfs:label 'Ann Lee' } }").boolean is True


def test_blank_nodes_of_a_text_are_its_own() -> None:
    kb = Store()
    kb.add(A, f'_:x <{RDFS.label}> "one" .\n')
    kb.add(B, f'_:x <{RDFS.label}> "two" .\n')
    count = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s rdfs:label ?l }"
    assert kb.query(count).rows[0][0] == Literal(2)


def test_bad_ntriples_is_a_store_error_and_writes_nothing() -> None:
    kb = Store()
    with pytest.raises(StoreError, match="cannot store articles"):
        kb.add_many([(A, f'<{ANN}> <{RDFS.label}> "ok" .\n'), (B, "<x> <y> .\n")])
    assert kb.articles() == []


def test_re_adding_the_same_text_is_unchanged() -> None:
    started = "http://www.w3.org/ns/prov#startedAtTime"

    def text(when: str) -> str:
        return (
            f'<{A}/activity> <{started}> "{when}" .\n'
            f'<{ANN}> <{RDFS.label}> "Ann Lee" .\n{PERSON_LINE}'
        )

    kb = Store()
    assert kb.add_many([(A, text("2026-01-01"))]).triples == 3
    assert kb.add_many([(A, text("2026-02-02"))]).unchanged == 1
    assert kb.add(A, f'<{ANN}> <{RDFS.label}> "Ann" .\n{PERSON_LINE}') == 2
    assert kb.entities_named("ann lee") == []
    assert kb.entities_named("ann") == [ANN]


def test_a_batch_may_mix_texts_and_graphs() -> None:
    kb = Store()
    written = kb.add_many(
        [
            (A, _nt(_graph((ANN, RDFS.label, Literal("Ann Lee"))))),
            (B, _graph((BOB, RDFS.label, Literal("Bob")))),
        ]
    )
    assert written.triples == 4 and kb.articles() == [A, B]
    assert kb.entities_named("lee") == [ANN] and kb.entities_named("BOB") == [BOB]


# --- the index finds what the name test accepts --------------------------------------

_KIND = """
  ?e a ?k .
  FILTER (?k IN (kb:Actor, kb:Person, kb:Organization, kb:Group, kb:Location))
}"""
_TEST = (
    """SELECT DISTINCT ?e ?p WHERE {
  ?e rdfs:label|schema:alternateName ?n .
  FILTER (LCASE(STR(?n)) = LCASE(STR(?p)) || STR(?e) = STR(?p)
          || STRENDS(LCASE(STR(?n)), CONCAT(" ", LCASE(STR(?p)))))"""
    + _KIND
)
_WHOLE = (
    """SELECT DISTINCT ?e ?p WHERE {
  ?e rdfs:label|schema:alternateName ?n .
  FILTER (LCASE(STR(?n)) = LCASE(STR(?p)) || STR(?e) = STR(?p))"""
    + _KIND
)


def _scanned(store: Store, name: str, last_words: bool) -> list[URIRef]:
    rows = store.query(_TEST if last_words else _WHOLE, {"p": Literal(name)}).rows
    return sorted(URIRef(str(row[0])) for row in rows)


def _probes(names: list[str]) -> list[str]:
    """Each name, its words and tails, in other cases, and some that match nothing."""
    out = {"", " ", "nothing here", str(ANN), str(ANN).upper(), 'Okafor" || true'}
    for name in names:
        words = name.split(" ")
        for i in range(len(words)):
            tail = " ".join(words[i:])
            out |= {tail, tail.upper(), tail.lower(), tail.swapcase(), words[i]}
    return sorted(out)


def test_the_index_finds_exactly_what_the_name_test_accepts() -> None:
    kb = Store()
    entities = [URIRef(f"https://w3id.org/newskb/id/thing/{i}") for i in range(4)]
    for i, name in enumerate(AWKWARD):
        entity = entities[i % len(entities)]
        predicate = RDFS.label if i % 2 else SCHEMA.alternateName
        kb.add(f"{A}/{i}", _nt(_graph((entity, predicate, Literal(name, lang="en")))))
    # an IRI as a name counts by its text
    kb.add(B, _nt(_graph((PARIS, RDFS.label, URIRef("https://example.org/Paris")))))
    for name in _probes([*AWKWARD, "https://example.org/Paris"]):
        for last_words in (True, False):
            found = kb.entities_named(name, last_words=last_words)
            assert found == _scanned(kb, name, last_words), (name, last_words)
    assert kb.entities_named(str(entities[0])) == [entities[0]]
    assert kb.entities_named("https://example.org/nobody") == []


def test_fold_is_sparql_lcase() -> None:
    texts = [chr(c) for c in range(128)] + [*AWKWARD, "AΣ", "ΣA", "Σ", "ΑΣ.", "ǅ"]
    values = " ".join(str(ox.Literal(t)) for t in texts)
    answer = ox.Store().query(
        f"SELECT ?t (LCASE(?t) AS ?l) WHERE {{ VALUES ?t {{ {values} }} }}"
    )
    assert isinstance(answer, ox.QuerySolutions)
    lcase = {row["t"].value: row["l"].value for row in answer}  # type: ignore[union-attr]
    assert fold_all(texts) == lcase


def test_a_name_of_a_blank_node_leaves_the_test_to_the_query() -> None:
    kb = Store()
    kb.add(A, f'_:x <{RDFS.label}> "Ann Lee" .\n_:x <{RDF.type}> <{KB.Group}> .\n')
    assert kb.entities_named("Ann Lee") is None
    named = queries.load("claims-by")
    bindings = queries.bind(named, [("actor", "Ann Lee")])
    assert queries.for_store(named, bindings, kb) == named.text


# --- the index stays in step with the union -----------------------------------------


def test_the_index_follows_adds_replacements_and_removals() -> None:
    kb = Store()
    kb.add(A, _nt(_graph((ANN, RDFS.label, Literal("Ann Lee")))))
    kb.add(
        B,
        _nt(
            _graph(
                (ANN, RDFS.label, Literal("Ann Lee")),
                (ANN, SCHEMA.alternateName, Literal("Annie Lee")),
                (BOB, RDFS.label, Literal("Bob Lee")),
                (URIRef(B), SCHEMA.url, URIRef("https://news.example/b")),
            )
        ),
    )
    assert kb.entities_named("lee") == [ANN, BOB]
    assert kb.articles_at("https://news.example/b") == [
        URIRef("https://news.example/b"),
        URIRef(B),
    ]
    assert _index(kb) == _rebuilt(kb)

    # B replaced: Bob and the alternate name go, Ann stays (A still names her)
    kb.add(B, _nt(_graph((ANN, RDFS.label, Literal("Ann Lee")))))
    assert kb.entities_named("lee") == [ANN]
    assert kb.entities_named("annie lee") == []
    assert kb.articles_at("https://news.example/b") == [
        URIRef("https://news.example/b")
    ]
    assert _index(kb) == _rebuilt(kb)

    kb.remove(A)
    assert kb.entities_named("ann lee") == [ANN]  # B still names her
    kb.remove(B)
    assert kb.entities_named("ann lee") == []
    assert _index(kb) == _rebuilt(kb)


def test_the_index_is_no_article() -> None:
    kb = _queries_store()
    assert NAME_INDEX not in kb.articles()
    assert NAME_INDEX not in dict(kb.article_graphs())
    assert kb.remove(NAME_INDEX) is False
    assert _index(kb)
    # the union is the articles' alone: no index triple in it
    assert kb.query("ASK { ?s <urn:newskb:name> ?o }").boolean is False
    assert kb.stats().triples == len(
        kb.query("CONSTRUCT WHERE { ?s ?p ?o }").graph or ()
    )


def test_a_store_without_the_index_is_scanned_then_indexed(tmp_path: Path) -> None:
    with Store(tmp_path / "kb") as kb:
        kb.add(A, _nt(_graph((ANN, RDFS.label, Literal("Ann Lee")))))
        # as a store written before the index existed
        kb._ox.remove_graph(ox.NamedNode(NAME_INDEX))
    with Store(tmp_path / "kb", read_only=True) as old:
        assert old.entities_named("Ann Lee") is None
        named = queries.load("timeline")
        bindings = queries.bind(named, [("entity", "Lee")])
        assert queries.for_store(named, bindings, old) == named.text
    with Store(tmp_path / "kb") as kb:
        kb.add(B, _nt(_graph((BOB, RDFS.label, Literal("Bob Lee")))))
        assert kb.entities_named("lee") == [ANN, BOB]
        assert _index(kb) == _rebuilt(kb)


def test_data_files_are_indexed_too() -> None:
    kb = Store()
    kb.load_graph(
        _graph((ANN, RDFS.label, Literal("Ann Lee")), (BOB, RDFS.label, BNode()))
    )
    assert kb.entities_named("LEE") == [ANN]
    assert kb.articles() == []


def test_every_names_parameter_has_its_name_test() -> None:
    for name in queries.names():
        named = queries.load(name)
        wanted = {
            (variable, entity)
            for param in named.params
            for variable, entity in zip(
                param.variables(), param.entity_variables(), strict=False
            )
        }
        assert {(t.param, t.entity) for t in named.name_tests} == wanted
    param = queries.Param("who", "string", names="x")
    text = "SELECT DISTINCT ?x WHERE { ?x rdfs:label ?n FILTER (STR(?n) = STR(?who)) }"
    with pytest.raises(UsageError, match="no name test of"):
        queries._name_tests("broken", text, [param])
    match = queries.NAME_TEST.search(queries.load("claims-by").text)
    assert match is not None
    test = match[0]
    text = "SELECT ?claimant WHERE { " + test.replace("?actor", "?who") + " }"
    param = queries.Param("who", "string", names="claimant")
    with pytest.raises(UsageError, match="must be SELECT DISTINCT"):
        queries._name_tests("repeats", text, [param])
    assert queries._name_tests("ok", text.replace("SELECT", "SELECT DISTINCT"), [param])
    with pytest.raises(UsageError, match="used outside the name test"):
        queries._name_tests(
            "uses", text.replace("SELECT", "SELECT DISTINCT ?name"), [param]
        )


@pytest.mark.parametrize("comment", ["", "# a comment\n"])
def test_a_repeated_line_is_one_triple(comment: str) -> None:
    line = f'<{ANN}> <{RDFS.label}> "Ann Lee" .\n'
    assert Store().add(A, comment + line + line) == 1


@pytest.mark.parametrize("as_text", [True, False])
def test_the_index_follows_a_random_history(as_text: bool) -> None:
    """Names and types come and go in different articles: a node's names are found
    while some article makes it an actor or a place, never otherwise."""
    import random

    rng = random.Random(6)
    people = [ANN, BOB, PARIS, URIRef(f"{A}/claim/1")]
    names = ["Ann Lee", "Lee", "Bob Lee", "ann lee", "Paris", "Ville de Paris"]
    kinds = [KB.Person, KB.Location, KB.Organization, KB.Claim, KB.Event]
    articles = [f"{A}/{i}" for i in range(4)]
    kb = Store()
    for _ in range(60):
        article = rng.choice(articles)
        if rng.random() < 0.25:
            kb.remove(article)
        else:
            triples = [
                (
                    rng.choice(people),
                    rng.choice([RDFS.label, SCHEMA.alternateName]),
                    Literal(rng.choice(names)),
                )
                for _ in range(rng.randint(0, 4))
            ] + [
                (rng.choice(people), RDF.type, rng.choice(kinds))
                for _ in range(rng.randint(0, 2))
            ]
            graph = _graph(*triples, typed=False)
            kb.add(article, _nt(graph) if as_text else graph)
        assert _index(kb) == _rebuilt(kb)
        for name in ("lee", "ANN LEE", "paris", "de paris", str(ANN)):
            assert kb.entities_named(name) == _scanned(kb, name, True)


def test_a_last_word_finds_no_claim_or_event() -> None:
    """A claim's or an event's label that ends in a name is not that name's."""
    kb = Store()
    claim, event = URIRef(f"{A}/claim/1"), URIRef(f"{A}/event/1")
    graph = _graph((ANN, RDFS.label, Literal("Ann Lee")))
    graph += _graph(
        (claim, RDF.type, KB.Claim),
        (claim, RDFS.label, Literal("Rain is coming, said Lee")),
        (event, RDF.type, KB.Event),
        (event, RDFS.label, Literal("Lee")),
        typed=False,
    )
    kb.add(A, _nt(graph))
    for name in ("Lee", "said lee", str(claim), str(event)):
        expected = [ANN] if name == "Lee" else []
        assert kb.entities_named(name) == expected, name
        assert _scanned(kb, name, True) == expected, name
    assert {quad.subject.value for quad in _index(kb) - {_MARK, _STALE}} == {str(ANN)}


def test_an_older_index_is_scanned_then_rebuilt(tmp_path: Path) -> None:
    """A store whose index is of version 1 (every node's names, a claim's too) is
    read by scanning until its next write, which rebuilds the index."""
    claim = URIRef(f"{A}/claim/1")
    with Store(tmp_path / "kb") as kb:
        kb.add(A, _nt(_graph((ANN, RDFS.label, Literal("Ann Lee")))))
        index = ox.NamedNode(NAME_INDEX)
        kb._ox.remove(_MARK)
        kb._ox.extend(
            [
                ox.Quad(index, _MARK.predicate, ox.Literal("1"), index),
                ox.Quad(
                    ox.NamedNode(str(claim)),
                    ox.NamedNode("urn:newskb:lastWords"),
                    ox.Literal("lee"),
                    index,
                ),
            ]
        )
    with Store(tmp_path / "kb", read_only=True) as old:
        assert old.entities_named("Lee") is None
    with Store(tmp_path / "kb") as kb:
        kb.add(B, _nt(_graph((BOB, RDFS.label, Literal("Bob Lee")))))
        assert kb.entities_named("lee") == [ANN, BOB]
        assert _index(kb) == _rebuilt(kb)


def test_the_entity_classes_are_the_ontologys_actors_and_places() -> None:
    ontology = Graph().parse(ROOT / "ontology" / "kb.ttl")
    below = set()
    for top in (KB.Actor, KB.Location):
        below |= set(ontology.transitive_subjects(RDFS.subClassOf, top))
    assert set(ENTITY_CLASSES) == below
