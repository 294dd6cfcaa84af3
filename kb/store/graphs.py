"""Article graphs as pyoxigraph quads: N-Triples text parsed by oxigraph or rdflib
graphs converted, the plain text form written without making terms in Python,
serialisation, and the update that drops one article."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kb.store.name_index import _INDEX
from kb.store.terms import to_oxigraph

#: Nothing here is public: :class:`kb.store.embedded.Store` writes with it.
__all__: list[str] = []


def _nt(triples: Iterable[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _quads(
    target: ox.NamedNode | ox.DefaultGraph,
    graph: Graph,
    iris: dict[URIRef, ox.NamedNode],
) -> list[ox.Quad]:
    """The graph's triples as quads in ``target``; ``iris`` memoises IRIs, which
    repeat a lot (predicates, classes, shared entities)."""

    def term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(node, URIRef):
            found = iris.get(node)
            if found is None:
                found = iris[node] = ox.NamedNode(str(node))
            return found
        return to_oxigraph(node)

    quads = []
    for s, p, o in graph:
        subject, predicate = term(s), term(p)
        assert isinstance(predicate, ox.NamedNode)
        assert not isinstance(subject, ox.Literal)
        quads.append(ox.Quad(subject, predicate, term(o), target))
    return quads


def _triples(data: Graph | str, iris: dict[URIRef, ox.NamedNode]) -> list[ox.Quad]:
    """An article graph, given as N-Triples text or as an rdflib graph, as quads of
    the default graph. Text is parsed by oxigraph in one call, far faster than
    converting rdflib terms one by one. Its blank nodes are renamed, as the labels
    of one N-Triples document mean nothing in another (an rdflib ``BNode`` keeps
    its id)."""
    if isinstance(data, str):
        parsed = ox.parse(data, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True)
        return list(dict.fromkeys(parsed))  # a line may repeat
    return _quads(ox.DefaultGraph(), data, iris)


_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_LITERAL = r'"(?:[^"\\\n\r]|\\.)*"(?:\^\^' + _IRI + r"|@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)?"
#: N-Triples as kb writes them: a triple on every line, each "s p o .", of IRIs
#: and literals only: no blank nodes, comments or empty lines. Text of this form is
#: also TriG, and can be wrapped in a graph block as it is (oxigraph checks the
#: terms themselves when it parses it).
_PLAIN = re.compile(f"(?:{_IRI} {_IRI} (?:{_IRI}|{_LITERAL}) \\.\n)*")


def _is_plain(text: str) -> bool:
    """Whether ``text`` is N-Triples of the plain form :meth:`Store.add_many` can
    write without making RDF terms in Python.

    >>> _is_plain('<http://x/a> <http://x/p> "b" .\\n')
    True
    >>> _is_plain('_:a <http://x/p> "b" .\\n')
    False
    """
    return _PLAIN.fullmatch(text) is not None


def _trig(quads: list[ox.Quad]) -> str:
    return (ox.serialize(quads, format=ox.RdfFormat.TRIG) or b"").decode("utf-8")


def _drop_update(article: str) -> str:
    """Drop an article's graph, and the triples of the default graph (the union)
    that no other article states, in one transaction."""
    g = str(ox.NamedNode(article))
    return (
        "DELETE { ?s ?p ?o } WHERE { GRAPH " + g + " { ?s ?p ?o } "
        "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER (?other != "
        + g
        + " && ?other != "
        + str(_INDEX)
        + ") } } ;\n"
        "DROP SILENT GRAPH " + g
    )


_STARTED = ox.NamedNode("http://www.w3.org/ns/prov#startedAtTime")


def _content(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """An article graph's quads apart from its provenance time, which differs on
    every run that does not pin it."""
    return {q for q in quads if q.predicate != _STARTED}


def _as_stored(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads as the store gives them back: it keeps literals in canonical form
    ("6.0" becomes "6", "+00:00" becomes "Z")."""
    scratch = ox.Store()
    scratch.extend(quads)
    return list(scratch)
