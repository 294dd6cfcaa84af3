"""How store values read on a page: text, links with labels, ontology terms'
labels, offsets, and figures in words ("about 1,200 workers")."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS, NamespaceManager

from kb.rdf.namespaces import bind_prefixes
from kb.rdf.resources import ontology_graph
from kb.serve.page_model import Link
from kb.store.embedded import Store
from kb.store.sparql import QueryResult
from kb.store.terms import Term

__all__ = [
    "curie",
    "figure",
    "link",
    "names",
    "offset",
    "ontology_label",
    "quantities",
    "rows",
    "text",
]

_QUANTITIES = """
SELECT DISTINCT ?r ?q ?value ?min ?max ?unit ?approx WHERE {
  ?r kb:quantity ?q .
  OPTIONAL { ?q schema:value ?value } OPTIONAL { ?q schema:minValue ?min }
  OPTIONAL { ?q schema:maxValue ?max } OPTIONAL { ?q schema:unitText ?unit }
  OPTIONAL { ?q kb:approximate ?approx }
} ORDER BY ?q"""


def text(term: Term | None) -> str:
    """A value as text; nothing for an unbound one."""
    return "" if term is None else str(term)


def rows(result: QueryResult) -> list[dict[str, Term]]:
    """A SELECT answer as one dict per row."""
    return result.records()


def names() -> NamespaceManager:
    """The project's prefixes, for CURIEs."""
    return bind_prefixes(Graph()).namespace_manager


def curie(iri: str, names: NamespaceManager) -> str:
    """``kb:Person`` for an IRI under a known prefix, else the IRI."""
    try:
        return names.curie(iri, generate=False)
    except (KeyError, ValueError):
        return iri


def ontology_label(iri: str, names: NamespaceManager) -> str:
    """An ontology term's English label, capitalised ("Person"), else its CURIE."""
    graph = ontology_graph()
    term = URIRef(iri)
    label = graph.value(term, RDFS.label) or graph.value(term, SKOS.prefLabel)
    if label is None:
        return curie(iri, names)
    return str(label)[:1].upper() + str(label)[1:]


def link(term: Term, label: Term | None, names: NamespaceManager) -> Link:
    """An IRI with its label (or CURIE), or a literal as plain text."""
    if isinstance(term, URIRef):
        text = str(label) if label is not None else curie(str(term), names)
        return Link(text, str(term))
    return Link(str(term))


def quantities(store: Store, node: URIRef) -> list[str]:
    """The figures ``node`` gives, in words."""
    return [figure(row) for row in rows(store.query(_QUANTITIES, {"r": node}))]


def _number(term: Term | None) -> str:
    if term is None:
        return ""
    try:
        value = Decimal(str(term))
    except InvalidOperation:
        return str(term)
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def figure(row: dict[str, Term]) -> str:
    """A quantity in words: "about 1,200 workers", "500–700 people"."""
    value, low, high = (_number(row.get(k)) for k in ("value", "min", "max"))
    if value:
        text = value
    elif low and high:
        text = f"{low}–{high}"
    elif low:
        text = f"at least {low}"
    else:
        text = f"at most {high}"
    approx = row.get("approx")
    if isinstance(approx, Literal) and approx.toPython() is True:
        text = "about " + text
    unit = row.get("unit")
    return f"{text} {unit}" if unit is not None else text


def offset(term: Term | None) -> int:
    """A character offset; 0 for a value that is not a whole number."""
    try:
        return int(str(term))
    except ValueError:
        return 0
