"""The typed results that newskb's spaCy components leave on ``Doc._`` for the next
ones: mentions, entity clusters, raw claims and raw events (token-based; the
``newskb_extraction`` component turns them into :mod:`kb.models` records)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kb.models import DateValue, Quantity
from kb.text.gazetteer import Place

__all__ = [
    "Cluster",
    "Entities",
    "Mention",
    "Mentions",
    "RawClaim",
    "RawEvent",
    "clean_name",
]


@dataclass
class Mention:
    """A name or description of an actor or place: tokens ``start:end``."""

    start: int  # token indices, end exclusive
    end: int
    kind: str  # Person, Organization, Group, Location
    name: str
    role: str | None = None
    place: Place | None = None
    cluster: int = -1


@dataclass
class Mentions:
    """The article's mentions, and which mention (by index) each token belongs to."""

    items: list[Mention] = field(default_factory=list)
    token_mention: dict[int, int] = field(default_factory=dict)
    #: the NER entity each token lies in, built once so that rules stay linear
    ent_at: dict[int, SpacySpan] = field(default_factory=dict)
    #: whether the article is a match report (a score and the words of the game)
    sports: bool = False
    #: tokens that are no part of the story: reporters' credits, a byline, the
    #: page's own words (``mentions.off_story``)
    off_story: set[int] = field(default_factory=set)
    #: folded names the article itself shows to be places (a dateline, "the X
    #: police", "in X"), whatever the NER or the gazetteer say of them
    placed: set[str] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        """Keep ``m`` unless one of its tokens already belongs to a mention."""
        if any(i in self.token_mention for i in range(m.start, m.end)):
            return
        idx = len(self.items)
        self.items.append(m)
        for i in range(m.start, m.end):
            self.token_mention[i] = idx

    def at(self, tok: int) -> Mention | None:
        idx = self.token_mention.get(tok)
        return self.items[idx] if idx is not None else None


@dataclass
class Cluster:
    """The mentions of one entity."""

    kind: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    acts: bool = False  # speaks or acts somewhere in the article

    def names(self) -> list[str]:
        return [m.name for m in self.mentions]


@dataclass
class Entities:
    """The article's entity clusters over its mentions; later components add
    clusters for actors they meet only as descriptions ("the dockers' union")."""

    mentions: Mentions
    clusters: list[Cluster] = field(default_factory=list)
    #: what the text says of each person cluster's gender (see kb.extract.resolve)
    genders: dict[int, str | None] = field(default_factory=dict)

    def cluster_at(self, tok: Token) -> int | None:
        m = self.mentions.at(tok.i)
        return m.cluster if m is not None else None

    def kind_at(self, tok: Token) -> str | None:
        hit = self.cluster_at(tok)
        return self.clusters[hit].kind if hit is not None else None


@dataclass
class RawEvent:
    triggers: list[Token]
    event_type: str
    agents: list[int]  # cluster indices
    participants: list[int]
    places: list[int]
    date: DateValue | None
    modality: str
    quantities: list[Quantity] = field(default_factory=list)
    #: "place" and "date" when they come from the sentence before, not the event's own
    carried: set[str] = field(default_factory=set)


@dataclass
class RawClaim:
    start: int  # character span of the mention
    end: int
    stmt_start: int
    stmt_end: int
    claimant: int  # cluster index
    direct: bool
    cue: Token | None
    date: DateValue | None = None
    # the quoted pieces of a quote split by its attribution ("X," she said, "Y");
    # empty when the statement is the single span stmt_start..stmt_end
    parts: tuple[tuple[int, int], ...] = ()
    #: the tokens that name the source here ("she", "the minister"), if any
    source: tuple[int, int] | None = None
    attribution: str = "statement"  # or "belief", "intention"

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.stmt_start, self.stmt_end),)

    def states(self, pos: int) -> bool:
        """Whether character ``pos`` lies in the statement (not in the attribution)."""
        if not self.parts:  # most claims: asked for every mention of the article
            return self.stmt_start <= pos < self.stmt_end
        return any(a <= pos < b for a, b in self.parts)

    def overlaps(self, other: RawClaim) -> bool:
        """Whether the two statements share words: piece by piece, so that what
        stands between two pieces of a quote ('"…," said Ana Obi, who noted that
        …. "…"') may be a claim of its own."""
        return any(a < d and c < b for a, b in self.pieces() for c, d in other.pieces())


def clean_name(text: str, owns: bool = True) -> str:
    """A name without a leading "the", a possessive (unless it ``owns`` nothing:
    the "'s" of a shop's name), or edge punctuation."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    if owns:
        text = re.sub(r"[’']s$|(?<=s)[’']$", "", text)  # "Hart's", "the Reds'"
    return re.sub(r"\s+", " ", text).strip(' ,.;:-—"“”')
