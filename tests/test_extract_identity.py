"""Across articles, one real-world person or place gets one IRI (CONTRACT.md, Identity).

Two invented articles name the same person with and without her title, and the same
country; their separately built graphs must use the same IRIs. Needs the trained
English pipeline (slow).
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kb.models import Article
from kb.rdf.mapping import MappingOptions, to_graph
from kb.rdf.namespaces import KB

pytestmark = pytest.mark.slow

FIRST = (
    "Maria Okafor opened a new children's hospital in Lagos on Monday. "
    "Nigeria has built twelve such hospitals since 2020, Okafor said."
)
SECOND = (
    "President Maria Okafor arrived in Accra on Thursday for talks on trade. "
    "Okafor said Nigeria would double its exports to Ghana within five years."
)


@pytest.fixture(scope="module")
def graphs() -> tuple[Graph, Graph]:
    extract = pytest.importorskip("kb.extract")
    nlp = extract.load_pipeline()
    out = []
    for i, text in enumerate((FIRST, SECOND)):
        article = Article(text=text, origin=f"a{i}.txt", published="2025-06-12")
        out.append(to_graph(extract.extract(article, nlp), MappingOptions()))
    return out[0], out[1]


def _nodes(g: Graph, cls: URIRef, label: str) -> set[URIRef]:
    return {
        s
        for s in g.subjects(RDFS.label, Literal(label))
        if (s, RDF.type, cls) in g and isinstance(s, URIRef)
    }


def test_same_person_same_iri_with_and_without_title(graphs):
    first, second = graphs
    a = _nodes(first, KB.Person, "Maria Okafor")
    b = _nodes(second, KB.Person, "Maria Okafor")
    assert len(a) == 1 and a == b
    # the title is data, not part of the name, and the short name is one node with it
    assert len(set(second.subjects(RDF.type, KB.Person))) == 1
    (node,) = b
    assert Literal("President") in set(second.objects(node, KB.role))


def test_same_country_same_iri(graphs):
    first, second = graphs
    a = _nodes(first, KB.Location, "Nigeria")
    b = _nodes(second, KB.Location, "Nigeria")
    assert len(a) == 1 and a == b


def test_article_nodes_differ(graphs):
    first, second = graphs
    assert set(first.subjects(RDF.type, KB.Article)) != set(
        second.subjects(RDF.type, KB.Article)
    )
