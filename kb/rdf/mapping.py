"""Mapping: one article's :class:`~kb.models.Extraction` becomes RDF that follows
CONTRACT.md, built as pyoxigraph triples (an order of magnitude cheaper than an rdflib
graph) and handed on as sorted N-Triples. Every node gets its leaf class plus the
declared superclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kb import __version__
from kb.models import (
    ArticleGraph,
    Claim,
    DateValue,
    Entity,
    Event,
    Extraction,
    Quantity,
    Span,
)
from kb.rdf.iris import DEFAULT_BASE, article_iri, entity_iri_in, local_iri
from kb.rdf.namespaces import KB, SCHEMA, SEM, bind_prefixes
from kb.text.dates import parse_published, published_date

__all__ = ["MappingOptions", "map_article", "to_graph"]

# Each leaf class with the superclasses that the ontology declares for it, so that
# consumers get the standard types without running a reasoner.
CLASS_TYPES: dict[URIRef, tuple[URIRef, ...]] = {
    KB.Article: (KB.Article, SCHEMA.NewsArticle, PROV.Entity),
    KB.Actor: (KB.Actor, SEM.Actor, PROV.Agent),
    KB.Person: (KB.Person, KB.Actor, SCHEMA.Person, SEM.Actor, PROV.Agent),
    KB.Organization: (
        KB.Organization,
        KB.Actor,
        SCHEMA.Organization,
        SEM.Actor,
        PROV.Agent,
    ),
    KB.Group: (KB.Group, KB.Actor, SEM.Actor, PROV.Agent),
    KB.Location: (KB.Location, SEM.Place, SCHEMA.Place),
    KB.Event: (KB.Event, SEM.Event, SCHEMA.Event),
    KB.Claim: (KB.Claim, SCHEMA.Claim, PROV.Entity),
    KB.Quantity: (KB.Quantity, SCHEMA.QuantitativeValue),
    KB.Mention: (KB.Mention,),
}
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}

Object = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class MappingOptions:
    """How to mint IRIs and stamp provenance. ``generated_at`` pins the time."""

    base: str = DEFAULT_BASE
    generated_at: datetime | None = None


def map_article(
    extraction: Extraction, options: MappingOptions | None = None
) -> ArticleGraph:
    """Map one article's extraction to RDF: its IRI and sorted N-Triples.

    :param extraction: what :func:`kb.extract.extract` returned for the article.
    :param options: IRI base and provenance time.
    """
    mapper = _Mapper(extraction, options or MappingOptions())
    return ArticleGraph(mapper.article.value, ntriples_text(mapper.triples()))


def to_graph(extraction: Extraction, options: MappingOptions | None = None) -> Graph:
    """:func:`map_article` as an rdflib graph, for library users and tests."""
    graph = bind_prefixes(Graph())
    return graph.parse(data=map_article(extraction, options).ntriples, format="nt")


def ntriples_text(triples: list[ox.Triple]) -> str:
    """Sorted, distinct N-Triples lines, each ending in a newline."""
    return "".join(sorted({f"{t} .\n" for t in triples}))


@lru_cache(maxsize=4096)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


#: rdf:type and each class's types as nodes, made once: an article has thousands
#: of mentions, and reading ``KB.x`` through rdflib's DefinedNamespace each time
#: costs more than making the triple.
_RDF_TYPE = _node(RDF.type)
_CLASS_NODES = {
    cls: tuple(_node(t) for t in types) for cls, types in CLASS_TYPES.items()
}
_IN_ARTICLE, _START, _END, _ANCHOR = (
    _node(p) for p in (KB.inArticle, KB.start, KB.end, KB.anchor)
)
_INTEGER = _node(XSD.integer)


def _typed(text: str, datatype: URIRef) -> ox.Literal:
    return ox.Literal(text, datatype=_node(datatype))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INTEGER)


def _boolean(value: bool) -> ox.Literal:
    return _typed("true" if value else "false", XSD.boolean)


class _Mapper:
    def __init__(self, extraction: Extraction, options: MappingOptions) -> None:
        self.x = extraction
        self.opts = options
        self.out: list[ox.Triple] = []
        self.article = _node(article_iri(extraction.article, options.base))
        self.article_ref = URIRef(self.article.value)
        self.labelled: set[ox.NamedNode] = set()

    def triples(self) -> list[ox.Triple]:
        self._article()
        for entity in self.x.entities:
            self._entity(entity)
        event_iris = {e.trigger.start: self._event(e) for e in self.x.events}
        claim_iris = [self._claim(c, event_iris) for c in self.x.claims]
        for i, j in self.x.conflicts:
            self._add(claim_iris[i], KB.conflictsWith, claim_iris[j])
            self._add(claim_iris[j], KB.conflictsWith, claim_iris[i])
        for q in self.x.quantities:
            self._add(self.article, KB.quantity, self._quantity(q))
        return self.out

    # ------------------------------------------------------------ helpers
    def _add(self, s: ox.NamedNode, p: URIRef, o: Object) -> None:
        self.out.append(ox.Triple(s, _node(p), o))

    def _literal(self, s: ox.NamedNode, p: URIRef, text: str) -> None:
        self.out.append(ox.Triple(s, _node(p), ox.Literal(text)))

    def _local(self, kind: str, start: int, end: int) -> ox.NamedNode:
        return ox.NamedNode(local_iri(self.article_ref, kind, start, end))

    def _entity_node(self, key: str) -> ox.NamedNode:
        return _node(entity_iri_in(self.article_ref, key, self.opts.base))

    def _type(self, node: ox.NamedNode, cls: URIRef) -> None:
        self.out.extend(ox.Triple(node, _RDF_TYPE, t) for t in _CLASS_NODES[cls])

    def _mention(
        self, node: ox.NamedNode, span: Span, prop: URIRef = KB.mention
    ) -> None:
        m = self._local("mention", span.start, span.end)
        self._type(m, KB.Mention)
        self.out += (
            ox.Triple(m, _IN_ARTICLE, self.article),
            ox.Triple(m, _START, _integer(span.start)),
            ox.Triple(m, _END, _integer(span.end)),
            ox.Triple(m, _ANCHOR, ox.Literal(span.text)),
        )
        self._add(node, prop, m)

    def _label(self, node: ox.NamedNode, text: str) -> None:
        self._literal(node, RDFS.label, text)

    def _date(self, node: ox.NamedNode, value: DateValue | None) -> None:
        if value is not None:
            date = _typed(value.value, _DATE_TYPES[value.precision])
            self._add(node, KB.date, date)

    def _confidence(self, node: ox.NamedNode, value: float | None) -> None:
        if value is not None:
            self._add(node, KB.confidence, _decimal(value))

    # ------------------------------------------------------------ article
    def _article(self) -> None:
        a = self.x.article
        node = self.article
        self._type(node, KB.Article)
        self._literal(node, SCHEMA.articleBody, a.text)
        if a.title:
            self._literal(node, SCHEMA.headline, a.title)
        if a.id:
            self._literal(node, SCHEMA.identifier, a.id)
        if a.url:
            self._add(node, SCHEMA.url, ox.NamedNode(a.url))
        if a.language:
            self._literal(node, SCHEMA.inLanguage, a.language)
        if a.source:
            self._literal(node, KB.sourceName, a.source)
        published = _published_literal(published_date(a.published, a.text))
        if published is not None:
            self._add(node, SCHEMA.datePublished, published)
        self._activity(node)

    def _activity(self, article: ox.NamedNode) -> None:
        activity = ox.NamedNode(f"{article.value}/activity")
        agent = _node(f"{self.opts.base}software/newskb-{__version__}")
        when = self.opts.generated_at or datetime.now().astimezone()
        self._add(article, PROV.wasGeneratedBy, activity)
        self._add(activity, RDF.type, _node(PROV.Activity))
        started = _typed(when.isoformat(timespec="seconds"), XSD.dateTime)
        self._add(activity, PROV.startedAtTime, started)
        self._literal(activity, KB.nlpModel, self.x.model)
        self._add(activity, PROV.wasAssociatedWith, agent)
        self._add(agent, RDF.type, _node(PROV.SoftwareAgent))
        self._literal(agent, SCHEMA.name, "newskb")
        self._literal(agent, SCHEMA.softwareVersion, __version__)

    # ------------------------------------------------------------ entities
    def _entity(self, e: Entity) -> ox.NamedNode:
        node = self._entity_node(e.key)
        if e.actor_kind is not None:
            self._type(node, getattr(KB, e.actor_kind))
        if e.is_location:
            self._type(node, KB.Location)
        if node in self.labelled:
            # Two entities whose keys mint one IRI (say "Müller" and "MULLER"): the
            # contract allows one label, so the later name becomes another name.
            self._literal(node, SCHEMA.alternateName, e.name)
        else:
            self._label(node, e.name)
            self.labelled.add(node)
        for alias in e.aliases:
            self._literal(node, SCHEMA.alternateName, alias)
        for role in e.roles:
            self._literal(node, KB.role, role)
        for iri in e.same_as:
            self._add(node, SCHEMA.sameAs, ox.NamedNode(iri))
        for key in e.within:
            self._add(node, SCHEMA.containedInPlace, self._entity_node(key))
        for span in e.mentions:
            self._mention(node, span)
        self._confidence(node, e.confidence)
        self._add(self.article, KB.mentions, node)
        return node

    # ------------------------------------------------------------ events and claims
    def _event(self, e: Event) -> ox.NamedNode:
        node = self._local("event", e.trigger.start, e.trigger.end)
        self._type(node, KB.Event)
        self._label(node, e.label)
        self._add(node, KB.eventType, _node(getattr(KB, e.event_type)))
        self._literal(node, KB.modality, e.modality)
        for prop, keys in (
            (KB.agent, e.agents),
            (KB.participant, e.participants),
            (KB.place, e.places),
        ):
            for key in keys:
                self._add(node, prop, self._entity_node(key))
        self._date(node, e.date)
        for q in e.quantities:
            self._add(node, KB.quantity, self._quantity(q))
        for span in (e.trigger, *e.mentions):
            self._mention(node, span)
        self._confidence(node, e.confidence)
        self._add(self.article, KB.mentions, node)
        return node

    def _claim(self, c: Claim, events: dict[int, ox.NamedNode]) -> ox.NamedNode:
        node = self._local("claim", c.statement_span.start, c.statement_span.end)
        self._type(node, KB.Claim)
        self._label(node, c.label)
        self._add(node, KB.claimant, self._entity_node(c.claimant))
        self._literal(node, KB.statement, c.statement)
        self._add(node, KB.directQuote, _boolean(c.direct))
        for key in c.about:
            if key.startswith("event:"):
                target = events.get(int(key.partition(":")[2]))
                if target is not None:
                    self._add(node, KB.about, target)
            else:
                self._add(node, KB.about, self._entity_node(key))
        for q in c.quantities:
            self._add(node, KB.quantity, self._quantity(q))
        self._date(node, c.date)
        self._mention(node, c.span)
        if c.cue is not None:
            self._mention(node, c.cue, KB.cue)
        for piece in c.content_spans():
            self._mention(node, piece, KB.content)
        if c.source is not None:
            self._mention(node, c.source, KB.source)
        self._literal(node, KB.attributionType, c.attribution)
        self._confidence(node, c.confidence)
        self._add(self.article, KB.mentions, node)
        return node

    def _quantity(self, q: Quantity) -> ox.NamedNode:
        node = self._local("quantity", q.span.start, q.span.end)
        self._type(node, KB.Quantity)
        for prop, value in (
            (SCHEMA.value, q.value),
            (SCHEMA.minValue, q.minimum),
            (SCHEMA.maxValue, q.maximum),
        ):
            if value is not None:
                self._add(node, prop, _decimal(value))
        if q.unit:
            self._literal(node, SCHEMA.unitText, q.unit)
        if q.approximate:
            self._add(node, KB.approximate, _boolean(True))
        self._mention(node, q.span)
        return node


def _decimal(value: float) -> ox.Literal:
    """An xsd:decimal literal in canonical form, without float noise.

    Whole numbers keep a ``.0``, as rdflib's Turtle and TriG writers print them;
    every format then carries the same literal.

    >>> _decimal(312000000.0).value, _decimal(6.4).value
    ('312000000.0', '6.4')
    """
    text = format(Decimal(repr(value)).normalize(), "f")
    if "." not in text:
        text += ".0"
    return _typed(text, XSD.decimal)


def _published_literal(value: str | None) -> ox.Literal | None:
    """xsd:date for a date, xsd:dateTime for a date-time; nothing if unparsable."""
    if not value or parse_published(value) is None:
        return None
    return _typed(value, XSD.date if len(value) == 10 else XSD.dateTime)
