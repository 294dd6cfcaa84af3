"""Serialisation: article graphs to Turtle, JSON-LD, N-Triples, N-Quads or TriG, with
fixed prefixes and a byte-stable order. JSON-LD embeds our local context."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kb.errors import UsageError
from kb.namespaces import bind_prefixes
from kb.resources import jsonld_context

__all__ = ["FORMATS", "serialize"]

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


def _ntriples(graph: Graph) -> str:
    return _sorted_lines(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))


def _sorted_lines(text: str) -> str:
    return "".join(sorted({line + "\n" for line in text.splitlines() if line.strip()}))


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
    merged = _merged(graphs)
    if fmt == "nt":
        return _ntriples(merged)
    if fmt == "ttl":
        return merged.serialize(format="turtle")
    if fmt == "jsonld":
        return _jsonld(merged)
    raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
