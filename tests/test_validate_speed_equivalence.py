"""The fast path of ``validate_graph`` (rudof first, pySHACL on a violation) gives
the same verdict as pySHACL alone: on every shape example, on every article graph the
pipeline makes from ``examples/`` and ``tests/data/articles/``, and on broken copies
of those graphs, each of which rudof itself must reject."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kb.rdf.fast_check import _anchors_match, _fast_conforms, _rudof_conforms
from kb.rdf.namespaces import KB
from kb.rdf.validate import validate_graph, validate_ntriples

pytest.importorskip("pyrudof", reason="pyrudof is not installed (pip install -e .)")

ROOT = Path(__file__).resolve().parent.parent
SHAPE_EXAMPLES = sorted((ROOT / "tests" / "data" / "shapes").glob("*.ttl"))


def assert_same_verdict(graph: Graph) -> bool:
    """Check rudof, the fast path and pySHACL agree; return the verdict."""
    slow = validate_graph(graph, fast=False)
    fast = validate_graph(graph)
    assert _rudof_conforms(graph) == slow.conforms, slow.format()
    assert fast.conforms == slow.conforms
    # A rejected graph's report comes from pySHACL either way: the same results.
    assert fast.results == slow.results
    return slow.conforms


@pytest.mark.parametrize("path", SHAPE_EXAMPLES, ids=lambda p: p.name)
def test_shape_examples(path: Path) -> None:
    conforms = assert_same_verdict(Graph().parse(path, format="turtle"))
    assert conforms == ("-valid" in path.name)


def test_rudof_session_is_clean_between_graphs() -> None:
    """Each graph is validated alone: nothing of the previous one stays behind."""
    by_name = {p.name: Graph().parse(p, format="turtle") for p in SHAPE_EXAMPLES}
    bad = by_name["ActorShape-invalid-two-labels.ttl"]
    good = by_name["ActorShape-valid.ttl"]
    assert [_rudof_conforms(g) for g in (bad, good, bad, good, good)] == [
        False,
        True,
        False,
        True,
        True,
    ]


# ---------------------------------------------------------------- article graphs


@pytest.mark.slow
def test_article_graphs(article_graphs: dict[str, Graph]) -> None:
    for origin, graph in article_graphs.items():
        assert assert_same_verdict(graph), origin


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


def _labelled(graph: Graph) -> Iterator[URIRef]:
    for cls in (KB.Actor, KB.Location, KB.Event, KB.Claim):
        for node in sorted(graph.subjects(RDF.type, cls), key=str):
            if isinstance(node, URIRef) and (node, RDFS.label, None) in graph:
                yield node


def remove_a_label(graph: Graph) -> Graph | None:
    node = next(_labelled(graph), None)
    if node is None:
        return None
    broken = _copy(graph)
    broken.remove((node, RDFS.label, None))
    return broken


def add_a_second_label(graph: Graph) -> Graph | None:
    node = next(_labelled(graph), None)
    if node is None:
        return None
    broken = _copy(graph)
    broken.add((node, RDFS.label, Literal("An invented second name")))
    return broken


def make_a_claimant_a_location(graph: Graph) -> Graph | None:
    claimant = next(iter(sorted(graph.objects(None, KB.claimant), key=str)), None)
    if claimant is None:
        return None
    broken = _copy(graph)
    broken.remove((claimant, RDF.type, None))
    broken.add((claimant, RDF.type, KB.Location))
    return broken


def break_an_anchor_offset(graph: Graph) -> Graph | None:
    mention = next(iter(sorted(graph.subjects(RDF.type, KB.Mention), key=str)), None)
    start = graph.value(mention, KB.start) if mention is not None else None
    if mention is None or not isinstance(start, Literal):
        return None
    broken = _copy(graph)
    broken.set((mention, KB.start, Literal(int(start) + 1)))
    return broken


BREAKERS: list[Callable[[Graph], Graph | None]] = [
    remove_a_label,
    add_a_second_label,
    make_a_claimant_a_location,
    break_an_anchor_offset,
]


@pytest.mark.slow
@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda f: f.__name__)
def test_broken_article_graphs_are_rejected(
    article_graphs: dict[str, Graph], breaker: Callable[[Graph], Graph | None]
) -> None:
    checked = 0
    for origin, graph in article_graphs.items():
        broken = breaker(graph)
        if broken is None:
            continue  # nothing of that kind in this article
        assert not _rudof_conforms(broken), origin
        assert not validate_graph(broken).conforms, origin
        assert not assert_same_verdict(broken), origin
        checked += 1
    assert checked > 0, f"no article graph could be broken by {breaker.__name__}"


# ---------------------------------------------------------------- the anchor check
# The fast path decides the one SHACL-SPARQL constraint (anchor == body[start:end])
# in Python; these pin that it says "no" where the SPARQL would, and hands anything
# it does not model exactly back to rudof's SPARQL.


def _mention_example(name: str) -> Graph:
    return Graph().parse(ROOT / "tests" / "data" / "shapes" / name, format="turtle")


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("MentionShape-valid.ttl", True),
        ("MentionShape-valid-non-bmp.ttl", True),
        ("MentionShape-invalid-anchor-mismatch.ttl", False),
        ("MentionShape-invalid-off-by-one.ttl", False),
        # offsets that are no plain integer: rudof runs the SPARQL itself
        ("MentionShape-invalid-start-string.ttl", None),
    ],
)
def test_anchor_check_in_python(name: str, verdict: bool | None) -> None:
    graph = _mention_example(name)
    assert _anchors_match(graph.serialize(format="nt")) is verdict


def test_decimal_offsets_go_to_the_sparql_engine() -> None:
    graph = _mention_example("MentionShape-valid.ttl")
    mention = next(graph.subjects(RDF.type, KB.Mention))
    start = graph.value(mention, KB.start)
    assert isinstance(start, Literal)
    graph.set((mention, KB.start, Literal(f"{int(start)}.0", datatype=XSD.decimal)))
    ntriples = graph.serialize(format="nt")
    assert _anchors_match(ntriples) is None
    # rudof, with the SPARQL, still rejects it: kb:start must be an xsd:integer
    # (pySHACL itself crashes on this graph, in rdflib's SUBSTR)
    assert _fast_conforms(ntriples) is False


def test_subclass_statements_go_to_the_sparql_engine() -> None:
    graph = _mention_example("MentionShape-invalid-anchor-mismatch.ttl")
    graph.add(
        (URIRef("https://example.org/SpecialMention"), RDFS.subClassOf, KB.Mention)
    )
    assert _anchors_match(graph.serialize(format="nt")) is None
    assert not assert_same_verdict(graph)


def test_validate_ntriples_reports_like_validate_graph() -> None:
    graph = _mention_example("MentionShape-invalid-anchor-mismatch.ttl")
    fast = validate_ntriples(graph.serialize(format="nt"))
    assert not fast.conforms
    assert fast.results == validate_graph(graph, fast=False).results
