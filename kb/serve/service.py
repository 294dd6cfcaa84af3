"""The SPARQL 1.1 Service Description that ``GET /sparql`` without a query answers
with, as the SPARQL protocol recommends, so that clients can discover the endpoint."""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from kb.rdf.namespaces import FORMATS, SD

__all__ = ["service_description"]

#: The answer formats the endpoint offers (kb.serve.app's RESULT_TYPES and GRAPH_TYPES).
_FORMATS = (
    FORMATS.SPARQL_Results_JSON,
    FORMATS.SPARQL_Results_XML,
    FORMATS.SPARQL_Results_CSV,
    FORMATS.SPARQL_Results_TSV,
    FORMATS.Turtle,
    FORMATS.N_Triples,
    FORMATS.JSON_LD,
    FORMATS.RDF_XML,
)


def service_description(endpoint: str) -> Graph:
    """The endpoint's description: SPARQL 1.1 Query, its answer formats, and a
    default graph that is the union of the article graphs (``kb add`` keeps each
    triple once there, so queries without GRAPH see every article).

    >>> graph = service_description("http://localhost:8000/sparql")
    >>> (None, SD.endpoint, URIRef("http://localhost:8000/sparql")) in graph
    True
    """
    graph = Graph()
    graph.bind("sd", SD._NS)
    graph.bind("formats", FORMATS._NS)
    service = BNode()
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in _FORMATS:
        graph.add((service, SD.resultFormat, fmt))
    return graph
