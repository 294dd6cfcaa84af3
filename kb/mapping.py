"""Mapping: one article's :class:`~kb.models.Extraction` becomes an rdflib graph that
follows CONTRACT.md. Every node gets its leaf class plus the declared superclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kb import __version__
from kb.dates import parse_published, published_date
from kb.iris import DEFAULT_BASE, article_iri, entity_iri, local_iri
from kb.models import Claim, DateValue, Entity, Event, Extraction, Quantity, Span
from kb.namespaces import KB, SCHEMA, SEM, bind_prefixes

__all__ = ["MappingOptions", "to_graph"]

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


@dataclass(frozen=True)
class MappingOptions:
    """How to mint IRIs and stamp provenance. ``generated_at`` pins the time."""

    base: str = DEFAULT_BASE
    generated_at: datetime | None = None


def to_graph(extraction: Extraction, options: MappingOptions | None = None) -> Graph:
    """Map one article's extraction to RDF.

    :param extraction: what :func:`kb.extract.extract` returned for the article.
    :param options: IRI base and provenance time.
    """
    return _Mapper(extraction, options or MappingOptions()).graph()


class _Mapper:
    def __init__(self, extraction: Extraction, options: MappingOptions) -> None:
        self.x = extraction
        self.opts = options
        self.g = bind_prefixes(Graph())
        self.article = article_iri(extraction.article, options.base)
        self.labelled: set[URIRef] = set()

    def graph(self) -> Graph:
        self._article()
        for entity in self.x.entities:
            self._entity(entity)
        event_iris = {e.trigger.start: self._event(e) for e in self.x.events}
        claim_iris = [self._claim(c, event_iris) for c in self.x.claims]
        for i, j in self.x.conflicts:
            self.g.add((claim_iris[i], KB.conflictsWith, claim_iris[j]))
            self.g.add((claim_iris[j], KB.conflictsWith, claim_iris[i]))
        return self.g

    # ------------------------------------------------------------ helpers
    def _type(self, node: URIRef, cls: URIRef) -> None:
        for t in CLASS_TYPES[cls]:
            self.g.add((node, RDF.type, t))

    def _mention(self, node: URIRef, span: Span, prop: URIRef = KB.mention) -> None:
        m = local_iri(self.article, "mention", span.start, span.end)
        self._type(m, KB.Mention)
        self.g.add((m, KB.inArticle, self.article))
        self.g.add((m, KB.start, Literal(span.start, datatype=XSD.integer)))
        self.g.add((m, KB.end, Literal(span.end, datatype=XSD.integer)))
        self.g.add((m, KB.anchor, Literal(span.text)))
        self.g.add((node, prop, m))

    def _label(self, node: URIRef, text: str) -> None:
        self.g.add((node, RDFS.label, Literal(text)))

    def _date(self, node: URIRef, value: DateValue | None) -> None:
        if value is not None:
            self.g.add(
                (
                    node,
                    KB.date,
                    Literal(value.value, datatype=_DATE_TYPES[value.precision]),
                )
            )

    def _confidence(self, node: URIRef, value: float | None) -> None:
        if value is not None:
            self.g.add((node, KB.confidence, _decimal(value)))

    # ------------------------------------------------------------ article
    def _article(self) -> None:
        a = self.x.article
        node = self.article
        self._type(node, KB.Article)
        self.g.add((node, SCHEMA.articleBody, Literal(a.text)))
        if a.title:
            self.g.add((node, SCHEMA.headline, Literal(a.title)))
        if a.url:
            self.g.add((node, SCHEMA.url, URIRef(a.url)))
        if a.language:
            self.g.add((node, SCHEMA.inLanguage, Literal(a.language)))
        if a.source:
            self.g.add((node, KB.sourceName, Literal(a.source)))
        published = _published_literal(published_date(a.published, a.text))
        if published is not None:
            self.g.add((node, SCHEMA.datePublished, published))
        self._activity(node)

    def _activity(self, article: URIRef) -> None:
        activity = URIRef(f"{article}/activity")
        agent = URIRef(f"{self.opts.base}software/newskb-{__version__}")
        when = self.opts.generated_at or datetime.now().astimezone()
        self.g.add((article, PROV.wasGeneratedBy, activity))
        self.g.add((activity, RDF.type, PROV.Activity))
        self.g.add(
            (
                activity,
                PROV.startedAtTime,
                Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime),
            )
        )
        self.g.add((activity, KB.nlpModel, Literal(self.x.model)))
        self.g.add((activity, PROV.wasAssociatedWith, agent))
        self.g.add((agent, RDF.type, PROV.SoftwareAgent))
        self.g.add((agent, SCHEMA.name, Literal("newskb")))
        self.g.add((agent, SCHEMA.softwareVersion, Literal(__version__)))

    # ------------------------------------------------------------ entities
    def _entity(self, e: Entity) -> URIRef:
        node = entity_iri(e.key, self.opts.base)
        if e.actor_kind is not None:
            self._type(node, getattr(KB, e.actor_kind))
        if e.is_location:
            self._type(node, KB.Location)
        if node in self.labelled:
            # Two entities whose keys mint one IRI (say "Müller" and "MULLER"): the
            # contract allows one label, so the later name becomes another name.
            self.g.add((node, SCHEMA.alternateName, Literal(e.name)))
        else:
            self._label(node, e.name)
            self.labelled.add(node)
        for alias in e.aliases:
            self.g.add((node, SCHEMA.alternateName, Literal(alias)))
        for role in e.roles:
            self.g.add((node, KB.role, Literal(role)))
        for iri in e.same_as:
            self.g.add((node, SCHEMA.sameAs, URIRef(iri)))
        for key in e.within:
            self.g.add((node, SCHEMA.containedInPlace, entity_iri(key, self.opts.base)))
        for span in e.mentions:
            self._mention(node, span)
        self._confidence(node, e.confidence)
        self.g.add((self.article, KB.mentions, node))
        return node

    # ------------------------------------------------------------ events and claims
    def _event(self, e: Event) -> URIRef:
        node = local_iri(self.article, "event", e.trigger.start, e.trigger.end)
        self._type(node, KB.Event)
        self._label(node, e.label)
        self.g.add((node, KB.eventType, getattr(KB, e.event_type)))
        self.g.add((node, KB.modality, Literal(e.modality)))
        for prop, keys in (
            (KB.agent, e.agents),
            (KB.participant, e.participants),
            (KB.place, e.places),
        ):
            for key in keys:
                self.g.add((node, prop, entity_iri(key, self.opts.base)))
        self._date(node, e.date)
        for q in e.quantities:
            self.g.add((node, KB.quantity, self._quantity(q)))
        for span in (e.trigger, *e.mentions):
            self._mention(node, span)
        self._confidence(node, e.confidence)
        self.g.add((self.article, KB.mentions, node))
        return node

    def _claim(self, c: Claim, events: dict[int, URIRef]) -> URIRef:
        node = local_iri(
            self.article, "claim", c.statement_span.start, c.statement_span.end
        )
        self._type(node, KB.Claim)
        self._label(node, c.label)
        self.g.add((node, KB.claimant, entity_iri(c.claimant, self.opts.base)))
        self.g.add((node, KB.statement, Literal(c.statement)))
        self.g.add((node, KB.directQuote, Literal(c.direct)))
        for key in c.about:
            if key.startswith("event:"):
                target = events.get(int(key.partition(":")[2]))
                if target is not None:
                    self.g.add((node, KB.about, target))
            else:
                self.g.add((node, KB.about, entity_iri(key, self.opts.base)))
        for q in c.quantities:
            self.g.add((node, KB.quantity, self._quantity(q)))
        self._date(node, c.date)
        self._mention(node, c.span)
        if c.cue is not None:
            self._mention(node, c.cue, KB.cue)
        self._confidence(node, c.confidence)
        self.g.add((self.article, KB.mentions, node))
        return node

    def _quantity(self, q: Quantity) -> URIRef:
        node = local_iri(self.article, "quantity", q.span.start, q.span.end)
        self._type(node, KB.Quantity)
        for prop, value in (
            (SCHEMA.value, q.value),
            (SCHEMA.minValue, q.minimum),
            (SCHEMA.maxValue, q.maximum),
        ):
            if value is not None:
                self.g.add((node, prop, _decimal(value)))
        if q.unit:
            self.g.add((node, SCHEMA.unitText, Literal(q.unit)))
        if q.approximate:
            self.g.add((node, KB.approximate, Literal(True)))
        self._mention(node, q.span)
        return node


def _decimal(value: float) -> Literal:
    """An xsd:decimal literal in canonical form, without float noise.

    Whole numbers keep a ``.0`` because rdflib's Turtle and TriG writers always print
    one; every format then carries the same literal.

    >>> str(_decimal(312000000.0)), str(_decimal(6.4))
    ('312000000.0', '6.4')
    """
    text = format(Decimal(repr(value)).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _published_literal(value: str | None) -> Literal | None:
    """xsd:date for a date, xsd:dateTime for a date-time; nothing if unparsable."""
    if not value or parse_published(value) is None:
        return None
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    return Literal(value, datatype=XSD.dateTime)
