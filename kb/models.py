"""Plain, frozen dataclasses that the pipeline stages pass to each other.

Reading produces :class:`Article`; extraction produces :class:`Extraction`; mapping turns
that into an :class:`ArticleGraph` (N-Triples text). No stage passes spaCy, rdflib or
pyoxigraph objects across its boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["Actor", "Person", "Organization", "Group"]
DatePrecision = Literal["day", "month", "year"]
Modality = Literal["asserted", "planned", "hypothetical", "negated"]
#: what kind of attribution a claim is: something said, believed, or intended
AttributionType = Literal["statement", "belief", "intention"]


@dataclass(frozen=True)
class Article:
    """One input article, with its text normalised once (NFC, ``\\n`` newlines).

    ``origin`` says where it came from (``path`` or ``path:line``) for error messages.
    """

    text: str
    origin: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given; never invented
    source: str | None = None  # the publisher's name
    language: str | None = None


@dataclass(frozen=True)
class Span:
    """A span of ``Article.text``: code-point offsets, ``end`` exclusive."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ``2024-10-24`` (day), ``2025-03`` (month) or ``2025`` (year)."""

    value: str
    precision: DatePrecision


@dataclass(frozen=True)
class Quantity:
    """A figure with its unit and bounds; at least one of value/minimum/maximum is set."""

    span: Span
    value: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    approximate: bool = False


#: The scheme of an entity key that holds in one article only: a description that
#: names no one in particular ("local:group:officials").
LOCAL_KEY = "local:"


@dataclass(frozen=True)
class Entity:
    """An actor, a location, or a place that acts (both flags set).

    ``key`` is the article-independent identity: a linked identifier such as
    ``geonames:1835841`` or ``<kind>:<normalised name>``; or, for descriptions with
    no proper name in them ("officials", "the health ministry"), the same after
    :data:`LOCAL_KEY`, an identity within the article alone.
    """

    key: str
    name: str
    mentions: tuple[Span, ...]
    actor_kind: ActorKind | None = (
        None  # None: not an actor; "Actor": a place that acts
    )
    is_location: bool = False
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    within: tuple[str, ...] = ()  # keys of containing locations
    confidence: float | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened or is planned; ``trigger`` is the word that names it."""

    trigger: Span
    label: str
    event_type: str  # local name of a concept in kb:EventTypeScheme
    agents: tuple[str, ...] = ()  # entity keys
    participants: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: DateValue | None = None
    quantities: tuple[Quantity, ...] = ()
    modality: Modality = "asserted"
    confidence: float | None = None
    mentions: tuple[Span, ...] = ()  # further words that name the same event


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a source: the quote, or the reported clause."""

    span: Span  # the sentence(s) that make the claim, cue included
    statement_span: Span  # the quote or the reported clause alone
    claimant: str  # entity key
    statement: str
    direct: bool
    label: str
    about: tuple[
        str, ...
    ] = ()  # entity keys, or event trigger starts as "event:<start>"
    quantities: tuple[Quantity, ...] = ()
    date: DateValue | None = None
    cue: Span | None = None  # the attribution cue ("said", "according to")
    confidence: float | None = None
    #: where the content is: the quoted or reported words, one span per piece of a
    #: quote split by its attribution; empty means ``(statement_span,)``
    content: tuple[Span, ...] = ()
    #: the words that name the source here ("she", "the minister", "Ana Obi")
    source: Span | None = None
    attribution: AttributionType = "statement"

    def content_spans(self) -> tuple[Span, ...]:
        return self.content or (self.statement_span,)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    model: str = ""  # the NLP pipeline's name and version
    conflicts: tuple[tuple[int, int], ...] = ()  # claim index pairs
    #: figures the article states outside any event or claim
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class ArticleGraph:
    """One article's RDF: its IRI and its graph as sorted, distinct N-Triples lines.

    Text, not an rdflib graph: it is what the validator, the writers, the store and
    worker processes all read fastest, and it pickles cheaply.
    """

    iri: str
    ntriples: str

    def __len__(self) -> int:
        return self.ntriples.count("\n")
