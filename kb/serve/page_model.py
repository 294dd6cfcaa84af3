"""What an HTML page of one resource shows, as frozen dataclasses: the summary facts,
statements, claims, events and mentions that :func:`kb.serve.describe.page_data`
reads from the store."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ClaimItem", "EventItem", "Fact", "Link", "MentionItem", "Page"]


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


@dataclass(frozen=True)
class EventItem:
    """An event that a node takes part in, and how."""

    iri: str
    label: str
    date: str
    event_type: str
    how: str


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
    notes: tuple[str, ...] = field(default_factory=tuple)
