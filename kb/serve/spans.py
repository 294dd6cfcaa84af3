"""Mark spans in an article's text: mentions given by character offsets become nested
highlights. A span that crosses another's end is cut in two at that end, so the marks
always nest, and every mark's text is exactly ``body[start:end]``."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from kb.serve.page_model import Highlight, Link, Piece

__all__ = ["RANK", "Span", "mark"]

#: Which kind wins when two nodes have the same span: the most specific first.
RANK = {"figure": 0, "cue": 1, "actor": 2, "place": 3, "event": 4, "claim": 5}


@dataclass(frozen=True)
class Span:
    """A mention to mark: ``body[start:end]`` is a mention of ``link``."""

    start: int
    end: int
    kind: str
    link: Link


@dataclass
class _Node:
    span: Span
    children: list[_Node] = field(default_factory=list)


def mark(body: str, spans: list[Span]) -> tuple[Piece, ...]:
    """The text of ``body`` as plain runs and nested highlights.

    Spans outside the text are clipped (or dropped when empty); of two spans with
    the same offsets, the kind first in :data:`RANK` is kept.

    >>> from kb.serve.page_model import Link
    >>> pieces = mark("Ann met Bo.", [Span(0, 3, "actor", Link("Ann", "a"))])
    >>> [p if isinstance(p, str) else p.pieces for p in pieces]
    [('Ann',), ' met Bo.']
    """
    root = _Node(Span(0, len(body), "", Link("")))
    stack = [root]
    queue = _ordered(body, spans)
    for span in queue:
        while span.start >= stack[-1].span.end:
            stack.pop()
        parent = stack[-1]
        if span.end > parent.span.end:  # crosses the parent's end: cut it there
            rest = Span(parent.span.end, span.end, span.kind, span.link)
            span = Span(span.start, parent.span.end, span.kind, span.link)
            queue.push(rest)
        node = _Node(span)
        parent.children.append(node)
        stack.append(node)
    return _pieces(body, root)


def _ordered(body: str, spans: list[Span]) -> _Queue:
    kept: dict[tuple[int, int], Span] = {}
    for span in spans:
        start, end = max(0, span.start), min(len(body), span.end)
        if start >= end:
            continue
        clipped = Span(start, end, span.kind, span.link)
        old = kept.get((start, end))
        if old is None or _rank(clipped) < _rank(old):
            kept[(start, end)] = clipped
    return _Queue(list(kept.values()))


def _rank(span: Span) -> int:
    return RANK.get(span.kind, len(RANK))


class _Queue:
    """Spans in document order, outer first: by start, then longest. Pieces cut off
    a span join the queue where they belong."""

    def __init__(self, spans: list[Span]) -> None:
        self._heap = [self._key(s, i) for i, s in enumerate(spans)]
        heapq.heapify(self._heap)
        self._count = len(spans)

    @staticmethod
    def _key(span: Span, n: int) -> tuple[int, int, int, Span]:
        return (span.start, -span.end, n, span)

    def push(self, span: Span) -> None:
        heapq.heappush(self._heap, self._key(span, self._count))
        self._count += 1

    def __iter__(self) -> _Queue:
        return self

    def __next__(self) -> Span:
        if not self._heap:
            raise StopIteration
        return heapq.heappop(self._heap)[-1]


def _pieces(body: str, node: _Node) -> tuple[Piece, ...]:
    """The text of ``node``: runs between its children, and the children marked."""
    out: list[Piece] = []
    at = node.span.start
    for child in node.children:
        if child.span.start > at:
            out.append(body[at : child.span.start])
        span = child.span
        out.append(
            Highlight(span.kind, span.start, span.end, span.link, _pieces(body, child))
        )
        at = span.end
    if node.span.end > at:
        out.append(body[at : node.span.end])
    return tuple(out)
