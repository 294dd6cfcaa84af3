"""What an HTML page of one resource shows, as frozen dataclasses: the summary facts,
statements, claims, events and mentions that :func:`kb.serve.describe.page_data`
reads from the store."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ArticleView",
    "ClaimItem",
    "ConflictSide",
    "EventItem",
    "Fact",
    "GraphEdge",
    "GraphNode",
    "Highlight",
    "Link",
    "MentionItem",
    "Page",
    "Picture",
    "Piece",
    "SaidItem",
]


@dataclass(frozen=True)
class Link:
    """A value to show: an IRI with its label, or plain text (``iri`` empty)."""

    label: str
    iri: str = ""


@dataclass(frozen=True)
class Fact:
    """One labelled line of a page's summary, e.g. "Also known as"."""

    name: str
    values: tuple[Link, ...]


@dataclass(frozen=True)
class ClaimItem:
    """A claim as listed on an actor's or event's page."""

    iri: str
    statement: str
    direct: bool
    date: str
    claimant: Link | None = None
    article: Link | None = None


@dataclass(frozen=True)
class EventItem:
    """An event that a node takes part in, and how."""

    iri: str
    label: str
    date: str
    event_type: str
    how: str
    article: Link | None = None


@dataclass(frozen=True)
class MentionItem:
    """A mention and the sentence around it: ``before + anchor + after``."""

    article: Link
    start: int
    end: int
    before: str
    anchor: str
    after: str


@dataclass(frozen=True)
class Page:
    """Everything an HTML page of one resource shows."""

    iri: str
    label: str
    kind: str
    facts: tuple[Fact, ...]
    statements: tuple[tuple[str, Link], ...]
    claims_by: tuple[ClaimItem, ...] = ()
    claims_about: tuple[ClaimItem, ...] = ()
    events: tuple[EventItem, ...] = ()
    mentions: tuple[MentionItem, ...] = ()
    mentions_total: int = 0
    mentioned: tuple[tuple[str, Link], ...] = ()
    body: str = ""
    article: ArticleView | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Highlight:
    """A marked span of an article's text, ``body[start:end]``, linked to the node
    it is a mention of. ``pieces`` are its text: plain runs and nested highlights."""

    kind: str  # actor, place, event, figure, claim or cue
    start: int
    end: int
    link: Link
    pieces: tuple[Piece, ...] = ()


#: A run of an article's text: plain text, or a highlight with text of its own.
Piece = str | Highlight


@dataclass(frozen=True)
class SaidItem:
    """One row of an article's "who said what" table."""

    iri: str
    claimant: Link | None
    statement: str
    cue: str
    direct: bool
    date: str
    kind: str = ""  # the attribution type, e.g. "statement"


@dataclass(frozen=True)
class ConflictSide:
    """One of two claims whose figures conflict: who, what, which figures, where."""

    claim: Link
    claimant: Link | None
    statement: str
    figures: tuple[str, ...]
    article: Link | None


@dataclass(frozen=True)
class GraphNode:
    """A node of an article's picture, at its centre ``(x, y)``."""

    link: Link
    kind: str  # actor, place, claim or event
    x: int
    y: int
    text: str  # the label as drawn, cut short


@dataclass(frozen=True)
class GraphEdge:
    """A line between two nodes of the picture, ``(x1, y1)`` to ``(x2, y2)``;
    ``label`` names the relation (``said``, ``about``, ``conflicts with``...)."""

    x1: int
    y1: int
    x2: int
    y2: int
    label: str
    conflict: bool = False
    bend: int = 0  # a curve bulging this far sideways, between nodes of one column


@dataclass(frozen=True)
class Picture:
    """An article's actors, claims and events as an SVG drawing's data."""

    width: int
    height: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


@dataclass(frozen=True)
class ArticleView:
    """What an article's page shows besides the facts: its marked text, who said
    what, the conflicting figures, and the picture."""

    text: tuple[Piece, ...]
    said: tuple[SaidItem, ...]
    conflicts: tuple[tuple[ConflictSide, ConflictSide], ...]
    picture: Picture | None
