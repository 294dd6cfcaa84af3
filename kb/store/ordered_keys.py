"""Each busy entity's page keys, kept in order in the index graph: for every named
query with a key query and a name parameter, the keys of an actor's or a place's
answer, as :func:`kb.store.sparql.read_keys` orders them, so that a page of a busy
entity reads its keys with one lookup instead of ordering thousands of them.

A list is written for an entity with at least :data:`MIN_KEYS` keys (fewer are as
cheap to find by the key query) as ``?entity <urn:newskb:keys/NAME> "…"`` in the
index graph (:data:`kb.store.name_index.NAME_INDEX`): one line per key, its terms
as SPARQL text separated by tabs (which terms' text never holds), an empty field
for an unbound one.

A write makes the lists of the entities it touches stale: before the store's first
write of a session, a mark (:data:`_STALE`) says so, and every reader then asks
the key queries, as a store without lists does; the store remembers the entities
the written (or dropped) triples link to (:func:`owners`), and :func:`settle`
writes their lists again from the key queries and removes the mark (the store
does this when it is closed). A mark found by a writer that did not set it (a
process stopped before it settled) makes every list be written again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kb.rdf.namespaces import KB, SCHEMA
from kb.store import queries
from kb.store.name_index import _INDEX, _NAME_KEY, lookup_entities
from kb.store.sparql import _PREFIXES, Key, order_keys

__all__ = [
    "KEYED_PREDICATES",
    "MIN_KEYS",
    "is_stale",
    "keyed_nodes",
    "mark_stale",
    "named_entities",
    "owners",
    "settle",
    "stored_keys",
]

#: The fewest keys an entity's answer needs for its list to be kept.
MIN_KEYS = 200
#: The predicates the key queries read, apart from the name test's: a triple with
#: one of them, written or dropped, may change an entity's keys (see :func:`owners`;
#: a test checks that the key queries read no other).
KEYED_PREDICATES = (
    KB.claimant,
    KB.mentions,
    KB.conflictsWith,
    KB.place,
    KB.date,
    KB.agent,
    KB.participant,
    SCHEMA.containedInPlace,
)
#: The entities whose keys a node's triples can change: the node itself (a
#: claimant, an agent, a place), the claimant, agent, participant of a claim or an
#: event, the claimants of a claim's conflicting claims, and the places an event
#: or a place is in, however deep.
_OWNERS = """SELECT DISTINCT ?owner WHERE {
  VALUES ?node { %s }
  { BIND (?node AS ?owner) }
  UNION { ?node kb:claimant|kb:agent|kb:participant ?owner }
  UNION { ?node (kb:conflictsWith|^kb:conflictsWith)/kb:claimant ?owner }
  UNION { ?node kb:place/schema:containedInPlace* ?owner }
  UNION { ?node schema:containedInPlace+ ?owner }
}"""
#: Nodes a query takes at once in a ``VALUES`` block.
_CHUNK = 500
_STALE = ox.Quad(_INDEX, ox.NamedNode("urn:newskb:keysStale"), ox.Literal("1"), _INDEX)
_PREFIX = "urn:newskb:keys/"


@dataclass(frozen=True)
class _Kind:
    """A named query whose pages can read kept keys: its key query has one name
    test, of its parameter ``param``."""

    query: queries.NamedQuery
    param: str
    entity: str
    last_words: bool
    predicate: ox.NamedNode


@cache
def _kinds() -> tuple[_Kind, ...]:
    found = []
    for name in queries.names():
        query = queries.load(name)
        plan = query.keys
        if plan is None or len(plan.query.name_tests) != 1:
            continue
        test = plan.query.name_tests[0]
        found.append(
            _Kind(
                query,
                test.param,
                test.entity,
                test.last_words,
                ox.NamedNode(_PREFIX + name),
            )
        )
    return tuple(found)


def _kind(name: str) -> _Kind | None:
    return next((k for k in _kinds() if k.query.name == name), None)


def is_stale(db: ox.Store) -> bool:
    """Whether writes since the lists were last settled may have changed them."""
    return _STALE in db


def mark_stale(db: ox.Store) -> None:
    db.add(_STALE)


_KEYED_INFIXES = tuple(f" <{p}> " for p in KEYED_PREDICATES)
_KEYED = frozenset(ox.NamedNode(str(p)) for p in KEYED_PREDICATES)


def keyed_nodes(triples: Iterable[ox.Quad | ox.Triple]) -> set[ox.NamedNode]:
    """The IRIs that triples with a :data:`KEYED_PREDICATES` predicate link."""
    nodes: set[ox.NamedNode] = set()
    for triple in triples:
        if triple.predicate in _KEYED:
            nodes.update(
                t
                for t in (triple.subject, triple.object)
                if isinstance(t, ox.NamedNode)
            )
    return nodes


def keyed_lines(text: str) -> Iterator[ox.Triple]:
    """The triples of plain N-Triples ``text`` with a keyed predicate (a line is
    found by its predicate's text, then parsed)."""
    lines = []
    for infix in _KEYED_INFIXES:
        at = text.find(infix)
        while at >= 0:
            end = text.index("\n", at) + 1
            lines.append(text[text.rfind("\n", 0, at) + 1 : end])
            at = text.find(infix, end)
    if lines:
        yield from ox.parse("".join(lines), format=ox.RdfFormat.N_TRIPLES)


def owners(db: ox.Store, nodes: Iterable[ox.NamedNode]) -> set[ox.NamedNode]:
    """The entities whose keys a change to the triples linking ``nodes`` can
    change, as the store links them now (before a drop, after an add)."""
    found: set[ox.NamedNode] = set()
    for chunk in _chunks(sorted(nodes, key=str)):
        rows = db.query(_OWNERS % " ".join(str(n) for n in chunk), prefixes=_PREFIXES)
        assert isinstance(rows, ox.QuerySolutions)
        found.update(r[0] for r in rows if isinstance(r[0], ox.NamedNode))
    return found


def named_entities(db: ox.Store) -> set[ox.NamedNode]:
    """Every entity with a name in the index: those a name parameter can find."""
    return {
        q.subject
        for q in db.quads_for_pattern(None, _NAME_KEY, None, _INDEX)
        if isinstance(q.subject, ox.NamedNode)
    }


def settle(db: ox.Store, entities: Iterable[ox.NamedNode], *, everyone: bool) -> None:
    """Write again the lists of ``entities`` (of every named entity, and drop every
    list, when ``everyone``), then remove the stale mark."""
    names = named_entities(db)
    wanted = names if everyone else names & set(entities)
    old = [
        q
        for kind in _kinds()
        for q in (
            db.quads_for_pattern(None, kind.predicate, None, _INDEX)
            if everyone
            else (
                quad
                for entity in wanted
                for quad in db.quads_for_pattern(entity, kind.predicate, None, _INDEX)
            )
        )
    ]
    new = [
        ox.Quad(entity, kind.predicate, ox.Literal(text), _INDEX)
        for kind in _kinds()
        for chunk in _chunks(sorted(wanted, key=str))
        for entity, text in _lists(db, kind, chunk)
    ]
    db.update(_replace(old, new))


def _replace(old: list[ox.Quad], new: list[ox.Quad]) -> str:
    """One update that deletes ``old``, inserts ``new`` and removes the stale mark
    (terms as oxigraph writes them: escaped, so each stays one term)."""
    graph = f"GRAPH {_INDEX}"
    deleted = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in old)
    inserted = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in new)
    mark = f"{_STALE.subject} {_STALE.predicate} {_STALE.object} ."
    return (
        f"DELETE DATA {{ {graph} {{ {deleted} {mark} }} }} ;\n"
        f"INSERT DATA {{ {graph} {{ {inserted} }} }}"
    )


def _lists(
    db: ox.Store, kind: _Kind, entities: list[ox.NamedNode]
) -> Iterator[tuple[ox.NamedNode, str]]:
    """Each of ``entities`` with at least :data:`MIN_KEYS` keys of ``kind``, and
    its keys' text, in order (none when they cannot be ordered here)."""
    plan = kind.query.keys
    assert plan is not None
    text = plan.unordered(
        queries.for_store(
            plan.query,
            {kind.param: Literal("")},
            _Given([URIRef(e.value) for e in entities]),
        )
    )
    text = text.replace("SELECT DISTINCT", f"SELECT DISTINCT ?{kind.entity}", 1)
    answer = db.query(text, prefixes=_PREFIXES)
    assert isinstance(answer, ox.QuerySolutions)
    columns = [v.value for v in answer.variables]
    at = columns.index(kind.entity)
    rows: dict[ox.NamedNode, list[ox.QuerySolution]] = {}
    for row in answer:
        rows.setdefault(row[at], []).append(row)
    for entity, found in rows.items():
        if len(found) < MIN_KEYS:
            continue
        keys = order_keys(columns, found, plan.order, plan.variables)
        if keys is not None:
            yield entity, "\n".join("\t".join(t or "" for t in key) for key in keys)


@dataclass(frozen=True)
class _Given:
    """A :class:`kb.store.queries.Lookup` that finds the given entities."""

    entities: list[URIRef]

    def entities_named(self, name: str, *, last_words: bool = True) -> list[URIRef]:
        return self.entities

    def articles_at(self, iri_or_url: str) -> None:
        return None


def stored_keys(
    db: ox.Store, query: queries.NamedQuery, bindings: Mapping[str, Node]
) -> list[Key] | None:
    """The keys of ``query``'s answer kept for the one entity its name parameter
    names, in order, or ``None`` when there is no such list to read: the lists are
    stale, the query keeps none, another parameter is given, or the name names no
    entity or several, or one with fewer keys than :data:`MIN_KEYS`. The store
    must have a complete name index."""
    kind = _kind(query.name)
    if kind is None or set(bindings) != {kind.param} or is_stale(db):
        return None
    entities = lookup_entities(
        db, str(bindings[kind.param]), last_words=kind.last_words
    )
    if entities is None or len(entities) != 1:
        return None
    found = next(
        db.quads_for_pattern(ox.NamedNode(entities[0]), kind.predicate, None, _INDEX),
        None,
    )
    if found is None:
        return None
    assert isinstance(found.object, ox.Literal)
    return [
        tuple(term or None for term in line.split("\t"))
        for line in found.object.value.split("\n")
    ]


def _chunks(items: list[ox.NamedNode]) -> Iterator[list[ox.NamedNode]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
