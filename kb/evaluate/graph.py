"""What an exported article graph holds, read as the dev scorer reads it: actors,
locations, claims, events, numbers, dates, and whether mentions slice the text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import SDO
from rdflib.term import Node

from kb.rdf.namespaces import KB, SCHEMA

__all__ = ["Found", "FoundClaim", "FoundEntity", "FoundEvent", "read_graph"]

#: schema.org in both spellings: ours is http, a hand-made graph may use https
SCHEMAS = (SCHEMA, SDO)
ACTOR_TYPES = (KB.Actor, KB.Person, KB.Organization, KB.Group)


@dataclass(frozen=True)
class FoundEntity:
    node: Node
    names: list[str]


@dataclass(frozen=True)
class FoundClaim:
    node: Node
    claimant: list[str]  # the claimants' names
    texts: list[str]  # statement, label and mention anchors
    numbers: list[float]
    direct: list[bool]


@dataclass(frozen=True)
class FoundEvent:
    node: Node
    texts: list[str]  # label, mention anchors, event type names
    places: list[str]
    people: list[str]
    dates: list[str]


@dataclass
class Found:
    """Everything the dev metric reads from one article's graph."""

    actors: list[FoundEntity] = field(default_factory=list)
    locations: list[FoundEntity] = field(default_factory=list)
    claims: list[FoundClaim] = field(default_factory=list)
    events: list[FoundEvent] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    #: the articles' schema:datePublished, against which relative dates resolve
    published: list[str] = field(default_factory=list)
    mentions_ok: int = 0
    mentions_total: int = 0
    nodes_with_mention: int = 0
    nodes_total: int = 0


def _schema(local: str) -> list[URIRef]:
    return [URIRef(str(ns._NS) + local) for ns in SCHEMAS]


def _literals(g: Graph, node: Node | None, preds: Iterable[URIRef]) -> list[str]:
    return [str(o) for p in preds for o in g.objects(node, p) if isinstance(o, Literal)]


def _names(g: Graph, node: Node) -> list[str]:
    return _literals(g, node, [RDFS.label, *_schema("name"), *_schema("alternateName")])


def _typed(g: Graph, types: Iterable[URIRef]) -> list[Node]:
    return sorted({s for t in types for s in g.subjects(RDF.type, t)}, key=str)


def _anchors(g: Graph, node: Node) -> list[str]:
    return [
        str(a) for m in g.objects(node, KB.mention) for a in g.objects(m, KB.anchor)
    ]


def _floats(values: Iterable[Node]) -> list[float]:
    out = []
    for v in values:
        try:
            out.append(float(v))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    return out


def _value_preds() -> list[URIRef]:
    return [p for local in ("value", "minValue", "maxValue") for p in _schema(local)]


def _claim(g: Graph, c: Node) -> FoundClaim:
    claimants = [n for a in g.objects(c, KB.claimant) for n in _names(g, a)]
    quantities = list(g.objects(c, KB.quantity))
    numbers = _floats(
        v for q in quantities for p in _value_preds() for v in g.objects(q, p)
    )
    direct = [
        bool(o.toPython())
        for o in g.objects(c, KB.directQuote)
        if isinstance(o, Literal)
    ]
    texts = _literals(g, c, [KB.statement, RDFS.label]) + _anchors(g, c)
    return FoundClaim(c, claimants, texts, numbers, direct)


def _event(g: Graph, e: Node) -> FoundEvent:
    places = [n for p in g.objects(e, KB.place) for n in _names(g, p)]
    who = list(g.objects(e, KB.agent)) + list(g.objects(e, KB.participant))
    people = [n for p in who for n in _names(g, p)]
    kinds = list(g.objects(e, KB.eventType))
    types = [str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in kinds]
    types += [x for t in kinds for x in _literals(g, t, [RDFS.label, SKOS.prefLabel])]
    texts = _literals(g, e, [RDFS.label]) + _anchors(g, e) + types
    return FoundEvent(e, texts, places, people, [str(d) for d in g.objects(e, KB.date)])


def _count_mentions(g: Graph, found: Found) -> None:
    """How many mentions' offsets slice the article body to their anchor."""
    bodies = {
        art: str(b)
        for art in g.subjects(RDF.type, KB.Article)
        for p in _schema("articleBody")
        for b in g.objects(art, p)
    }
    for m in set(g.subjects(KB.anchor, None)):
        found.mentions_total += 1
        try:
            art = next(g.objects(m, KB.inArticle))
            start = int(next(g.objects(m, KB.start)))  # type: ignore[call-overload]
            end = int(next(g.objects(m, KB.end)))  # type: ignore[call-overload]
            anchor = str(next(g.objects(m, KB.anchor)))
        except (StopIteration, ValueError):
            continue
        if anchor and bodies.get(art, "")[start:end] == anchor:
            found.mentions_ok += 1


def read_graph(g: Graph) -> Found:
    """Read one article's exported graph (or several articles' union)."""
    found = Found(
        actors=[FoundEntity(n, _names(g, n)) for n in _typed(g, ACTOR_TYPES)],
        locations=[FoundEntity(n, _names(g, n)) for n in _typed(g, [KB.Location])],
        claims=[_claim(g, c) for c in _typed(g, [KB.Claim])],
        events=[_event(g, e) for e in _typed(g, [KB.Event])],
        numbers=_floats(v for p in _value_preds() for v in g.objects(None, p)),
        dates=[str(d) for d in g.objects(None, KB.date)],
        published=_literals(g, None, _schema("datePublished")),
    )
    _count_mentions(g, found)
    nodes = [x.node for x in [*found.actors, *found.locations]]
    nodes += [c.node for c in found.claims] + [e.node for e in found.events]
    found.nodes_total = len(nodes)
    found.nodes_with_mention = sum(1 for n in nodes if (n, KB.mention, None) in g)
    return found
