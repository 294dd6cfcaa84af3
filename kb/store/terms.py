"""RDF terms both ways between rdflib (what kb's API speaks) and pyoxigraph (what the
store holds), keeping each literal's lexical form."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kb.errors import StoreError, UsageError

__all__ = ["Term", "to_oxigraph", "to_rdflib"]

Term = URIRef | BNode | Literal
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term.

    >>> to_oxigraph(Literal("hi", lang="en"))
    <Literal value=hi language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise UsageError(f"cannot store RDF term {term!r}")


def to_rdflib(term: object) -> Term:
    """A pyoxigraph term as an rdflib term; the lexical form is kept as is."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # RDF 1.1 simple literal, as rdflib writes it
        return Literal(
            term.value, datatype=URIRef(term.datatype.value), normalize=False
        )
    raise StoreError(f"unsupported RDF term in a result: {term!r}")
