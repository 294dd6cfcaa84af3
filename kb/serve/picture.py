"""Lay out an article's picture: actors and places in the left column, claims and
events in the right one, each in the order the text first mentions it, and a line
for each link between them. Pure arithmetic, so the same article always gives the
same drawing; the SVG itself is written by a template."""

from __future__ import annotations

from dataclasses import dataclass

from kb.serve.page_model import GraphEdge, GraphNode, Link, Picture

__all__ = ["BOX", "Relation", "draw"]

WIDTH = 760
ROW = 40  # vertical room for one node
BOX = (230, 28)  # a node's box: width, height
_COLUMNS = {"left": 40, "right": WIDTH - 40 - BOX[0]}  # each column's left edge
_SIDE = {"actor": "left", "place": "left", "claim": "right", "event": "right"}
_LABEL_CHARS = 32
#: How each linking property reads on the picture.
_RELATIONS = {
    "kb:claimant": "said",
    "kb:about": "about",
    "kb:agent": "did",
    "kb:participant": "involved",
    "kb:place": "where",
    "kb:conflictsWith": "conflicts with",
}


@dataclass(frozen=True)
class Relation:
    """A link from the node ``source`` to ``target`` by ``prop`` (a CURIE)."""

    source: str
    target: str
    prop: str


def draw(
    nodes: list[tuple[str, Link]], relations: list[Relation], limit: int
) -> Picture | None:
    """Place ``(kind, link)`` nodes, at most ``limit`` a column, and the lines
    between those placed; ``None`` when there is nothing to draw.

    >>> from kb.serve.page_model import Link
    >>> p = draw([("actor", Link("Ann", "a")), ("claim", Link("rain", "c"))],
    ...          [Relation("c", "a", "kb:claimant")], 10)
    >>> [(n.x, n.y) for n in p.nodes], [(e.x1, e.x2, e.label) for e in p.edges]
    ([(155, 20), (605, 20)], [(270, 490, 'said')])
    """
    columns: dict[str, list[tuple[str, Link]]] = {"left": [], "right": []}
    for kind, link in nodes:
        side = _SIDE.get(kind)
        if side and len(columns[side]) < limit:
            columns[side].append((kind, link))
    rows = max(len(c) for c in columns.values())
    if not rows:
        return None
    placed: dict[str, GraphNode] = {}
    for side, column in columns.items():
        step = rows * ROW // len(column) if column else ROW
        for i, (kind, link) in enumerate(column):
            x = _COLUMNS[side] + BOX[0] // 2
            y = ROW // 2 + i * step + (step - ROW) // 2
            placed[link.iri] = GraphNode(link, kind, x, y, _short(link.label))
    drawn = {frozenset((r.source, r.target, r.prop)): r for r in relations}
    edges = tuple(  # a symmetric link (conflicts with) is one line, not two
        _edge(placed[r.source], placed[r.target], r.prop)
        for r in drawn.values()
        if r.source in placed and r.target in placed and r.source != r.target
    )
    return Picture(WIDTH, rows * ROW, tuple(placed.values()), edges)


def _short(label: str) -> str:
    if len(label) <= _LABEL_CHARS:
        return label
    return label[: _LABEL_CHARS - 1].rstrip() + "…"


def _edge(source: GraphNode, target: GraphNode, prop: str) -> GraphEdge:
    label = _RELATIONS.get(prop, prop)
    conflict = prop == "kb:conflictsWith"
    half = BOX[0] // 2
    if _SIDE[source.kind] == _SIDE[target.kind]:  # a curve beside the column
        out = 1 if _SIDE[source.kind] == "right" else -1
        x = source.x + out * half
        return GraphEdge(x, source.y, x, target.y, label, conflict, bend=out * 36)
    left, right = (source, target) if source.x < target.x else (target, source)
    return GraphEdge(left.x + half, left.y, right.x - half, right.y, label, conflict)
