"""Serialisation: article graphs to Turtle, JSON-LD, N-Triples, N-Quads or TriG, with
fixed prefixes and a byte-stable order. JSON-LD embeds our local context."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from kb.errors import UsageError
from kb.namespaces import PREFIXES, bind_prefixes
from kb.resources import jsonld_context

__all__ = ["FORMATS", "ntriples_lines", "serialize"]

_RDF_TYPE = str(RDF.type)

#: Output formats and their file extensions.
FORMATS = {
    "ttl": ".ttl",
    "jsonld": ".jsonld",
    "nt": ".nt",
    "nq": ".nq",
    "trig": ".trig",
}


def _sorted_triples(graph: Graph) -> list[tuple[Node, Node, Node]]:
    return sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))


def _stable(graph: Graph) -> Graph:
    """A copy with triples inserted in sorted order, so serialisers walk it stably."""
    out = bind_prefixes(Graph())
    for triple in _sorted_triples(graph):
        out.add(triple)
    return out


def _merged(graphs: Sequence[tuple[URIRef, Graph]]) -> Graph:
    merged = Graph()
    for _, g in graphs:
        merged += g
    return _stable(merged)


def ntriples_lines(graph: Graph) -> list[str]:
    """The graph's N-Triples lines, sorted and distinct, each ending in a newline."""
    return _line_set(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))


def _line_set(text: str) -> list[str]:
    # N-Triples escapes \n and \r inside literals, so a line break ends a triple;
    # str.splitlines() would also split at U+2028 and friends, which may be literal.
    return sorted({line + "\n" for line in text.split("\n") if line.strip()})


def _sorted_lines(text: str) -> str:
    return "".join(_line_set(text))


def _ntriples(graphs: Sequence[tuple[URIRef, Graph]]) -> str:
    # the union of each graph's lines is the merged graph's lines: no merge needed
    lines: set[str] = set()
    for _, g in graphs:
        lines.update(ntriples_lines(g))
    return "".join(sorted(lines))


def _turtle(graphs: Sequence[tuple[URIRef, Graph]]) -> str:
    """Turtle written by pyoxigraph (rdflib's writer is ~50x slower on large graphs).

    Subjects come in sorted order, each with its ``rdf:type`` first, so the output
    reads like rdflib's and is byte-stable.
    """
    nt = _ntriples(graphs)
    triples = sorted(
        ox.parse(nt, format=ox.RdfFormat.N_TRIPLES),
        key=lambda t: (str(t.subject), t.predicate.value != _RDF_TYPE),
    )
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    assert text is not None  # no output file was given, so the bytes come back
    return text.decode("utf-8")


def _nquads(graphs: Sequence[tuple[URIRef, Graph]]) -> str:
    ds = Dataset()
    for name, g in graphs:
        named = ds.graph(name)
        for triple in g:
            named.add(triple)
    return _sorted_lines(
        ds.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    )


def _trig(graphs: Sequence[tuple[URIRef, Graph]]) -> str:
    ds = Dataset()
    bind_prefixes(ds)
    for name, g in sorted(graphs, key=lambda pair: str(pair[0])):
        named = ds.graph(name)
        for triple in _sorted_triples(g):
            named.add(triple)
    return ds.serialize(format="trig")


def _jsonld(graph: Graph) -> str:
    context: dict[str, Any] = jsonld_context()["@context"]
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    # re-dump with sorted keys and nodes so the bytes do not depend on walk order
    doc = json.loads(text)
    if isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: str(n.get("id", n.get("@id", ""))))
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def serialize(graphs: Sequence[tuple[URIRef, Graph]], fmt: str) -> str:
    """Serialise article graphs (``(article IRI, graph)`` pairs) in one format.

    N-Quads and TriG put each article in the graph named by its IRI; the other
    formats merge them, which is what a shared entity's repeated description is for.

    :raises UsageError: for an unknown format.
    """
    if fmt == "nq":
        return _nquads(graphs)
    if fmt == "trig":
        return _trig(graphs)
    if fmt == "nt":
        return _ntriples(graphs)
    if fmt == "ttl":
        return _turtle(graphs)
    if fmt == "jsonld":
        return _jsonld(_merged(graphs))
    raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
