"""Each busy entity's page keys, kept in order in the index graph: for every named
query with a key query and a name parameter, the rows of an actor's or a place's
key query, as :func:`kb.store.sparql.read_keys` orders them, so that a page of a
busy entity reads its keys with one lookup instead of ordering thousands of them.

A list is written for each named entity that a write reached (or every one, when
the index is rebuilt), as ``?entity <urn:newskb:keys/NAME> "…"`` in the index graph
(:data:`kb.store.name_index.NAME_INDEX`): a line of its columns' kinds, then one
line per key row, the terms of the key query's ``ORDER BY`` variables as SPARQL
text separated by tabs (which terms' text never holds), an empty field for an
unbound one. Readers use it for an entity with at least
:data:`MIN_KEYS` keys (fewer are as cheap to find by the key query); a shorter one
is kept so that a write merges rows into it instead of reading its key query whole.
Rows added since a list was written whole are kept apart from it, each with the
index of the line it goes before (``<urn:newskb:keysAdded/NAME>``, see
:func:`_placed`), until they are an eighth of it: a write then writes few rows, not
the whole list, and a reader puts them in their places as it reads.

A write makes the lists stale: before the store's first write of a session, a mark
(:data:`_STALE`) says so, and every reader then asks the key queries, as a store
without lists does. The store remembers (:class:`Pending`) the nodes of the
written or dropped triples that the key queries read (:data:`KEYED_PREDICATES`),
the entities a drop reaches (:func:`owners`), and the places put inside another or
taken out of it. :func:`settle` then writes those entities' lists again and
removes the mark (the store does this when it is closed): the rows of the key
query's items (``# items:`` in the key query: the claims, the events) among the
written nodes are read, for every entity at once, and they replace the list's rows
of those items; the entities with such rows are those whose lists an add changes.
A list is read again from the key query when places moved under its entity, or
when it had none. A row that a write changes always has such an item among the
written nodes, as each keyed triple links an item (a claim, an event) to
something, apart from ``schema:containedInPlace``, whose changes read the lists
again. A mark found by a writer that did not set it (a process stopped before it
settled) makes every list be written again.

Beside a list of :data:`MIN_KEYS` keys or more, articles-mentioning's, claims-by's,
events-at's and timeline's lists keep how many rows of the query's answer each key
has where that is not one (:mod:`kb.store.key_rows`), and conflicting-figures' the
parts of its keys' rows that are not the claimants' labels
(:mod:`kb.store.label_rows`), counted whole with the list or, when rows are merged
in steps, for the written items' keys (:func:`_settled_counts`), so that a page
deep in a busy entity's answer starts at its own keys; a store whose lists were
written before their query counted them gets the counts at its next write
(:data:`_COUNTED_MARK`). A name of several entities reads their lists merged as
far as a page needs (:mod:`kb.store.merged_keys`), and their counts where they add
up (:attr:`_Kind.merging`); articles-mentioning's later entities keep the first's
keys whose articles mention them (:func:`_mentioning`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import chain
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kb.rdf.namespaces import KB, SCHEMA
from kb.store import key_rows, label_rows, queries
from kb.store.merged_keys import MergedKeys
from kb.store.name_index import _INDEX, _NAME_KEY, lines_with, lookup_entities
from kb.store.sparql import PREDECLARED, Key, order_keys, term_kind

__all__ = [
    "KEYED_PREDICATES",
    "KeptKeys",
    "MIN_KEYS",
    "SINCE_VERSION_5",
    "is_stale",
    "keyed_nodes",
    "lacks_counts",
    "mark_stale",
    "named_entities",
    "owners",
    "settle",
    "stored_keys",
]

#: The fewest keys an entity's list needs for readers to use it (see the module).
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
    SCHEMA.datePublished,
)
#: The entities whose keys a node's triples can change: the node itself (a
#: claimant, an agent, a place), the claimant, agent, participant of a claim or an
#: event, the claimants of a claim's conflicting claims, and the places an event
#: or a place is in, however deep.
#: (``LATERAL``: each node's links are read from it; joined to the ``VALUES``
#: block, oxigraph would read every place's ancestors first.)
_OWNERS = f"""SELECT DISTINCT ?owner WHERE {{
  VALUES ?node {{ %s }}
  LATERAL {{
    {{ BIND (?node AS ?owner) }}
    UNION {{ ?node <{KB.claimant}>|<{KB.agent}>|<{KB.participant}> ?owner }}
    UNION {{ ?node (<{KB.conflictsWith}>|^<{KB.conflictsWith}>)/<{KB.claimant}> ?owner }}
    UNION {{ ?node <{KB.place}>/<{SCHEMA.containedInPlace}>* ?owner }}
    UNION {{ ?node <{SCHEMA.containedInPlace}>+ ?owner }}
  }}
}}"""
#: Nodes a query takes at once in a ``VALUES`` block.
_CHUNK = 500
_STALE = ox.Quad(_INDEX, ox.NamedNode("urn:newskb:keysStale"), ox.Literal("1"), _INDEX)
_PREFIX = "urn:newskb:keys/"
_ADDED_PREFIX = "urn:newskb:keysAdded/"


@dataclass(frozen=True)
class _Kind:
    """A named query whose pages can read kept keys: its key query has one name
    test, of its parameter ``param``. Its derived attributes are computed once
    (:func:`_kinds` keeps one of each), as every list read and written asks them."""

    query: queries.NamedQuery
    param: str
    entity: str
    last_words: bool
    predicate: ox.NamedNode
    #: the other parameters' variables that the key query only selects: the
    #: keys are the same whatever their values (the query's rows test them)
    free: frozenset[str]
    #: the variables of the key query's items (``# items:``), if it names them
    items: tuple[str, ...]

    @cached_property
    def rows(self) -> ox.NamedNode:
        """The predicate of the counts of the list's keys' rows (see
        :mod:`kb.store.key_rows`)."""
        return ox.NamedNode(key_rows.PREFIX + self.query.name)

    @cached_property
    def counted(self) -> bool:
        """Whether its lists' keys have their rows counted: whether a key's rows
        change only with its items' own triples, or with the links the lists
        follow. conflicting-figures' rows read the claimants' labels too, which
        any article may add to: its lists keep the other parts of its keys'
        rows, and a page reads the labels (:mod:`kb.store.label_rows`)."""
        return self.query.name in _COUNTED

    @cached_property
    def merging(self) -> str | None:
        """How the rows of a key in several entities' lists add up: ``"sum"``
        where the rows select the entity (no two lists share a row: claims-by's
        claimant), ``"same"`` where a key's rows do not depend on the entity
        (:data:`_SAME_ROWS`), else ``None`` (not known: events-at's rows name
        the places inside the entity)."""
        if re.search(rf"^SELECT\b[^\n]*\?{self.entity}\b", self.query.text, re.M):
            return "sum"
        return "same" if self.query.name in _SAME_ROWS else None

    @cached_property
    def added(self) -> ox.NamedNode:
        """The predicate of the rows added to a list since it was written whole
        (see :func:`_placed`)."""
        return ox.NamedNode(_ADDED_PREFIX + self.query.name)

    @cached_property
    def plan(self) -> queries.KeyQuery:
        assert self.query.keys is not None
        return self.query.keys

    @cached_property
    def columns(self) -> tuple[int, ...]:
        """Where each key variable is among the ``ORDER BY`` variables."""
        return tuple(self.plan.order.index(v) for v in self.plan.variables)


@cache
def _kinds() -> tuple[_Kind, ...]:
    found = []
    for name in queries.names():
        query = queries.load(name)
        plan = query.keys
        if plan is None or not plan.query.name_tests:
            continue
        # the first name test's: a list is read when its parameter alone is
        # given (articles-mentioning's first entity; the others are not free)
        test = plan.query.name_tests[0]
        text = plan.query.text[: test.start] + plan.query.text[test.end :]
        where = re.sub(r"#[^\n]*", "", text).split("WHERE", 1)[1]
        free = frozenset(
            v
            for v in query.param_variables() - {test.param}
            if not re.search(rf"\?{v}\b", where)
        )
        found.append(
            _Kind(
                query,
                test.param,
                test.entity,
                test.last_words,
                ox.NamedNode(_PREFIX + name),
                free,
                tuple(
                    v for m in _ITEMS.finditer(plan.query.text) for v in m[1].split()
                ),
            )
        )
    return tuple(found)


_ITEMS = re.compile(r"^#\s*items:\s*(.*)$", flags=re.MULTILINE)
#: The queries whose lists keep their keys' counts of rows (see :attr:`_Kind.counted`).
_COUNTED = frozenset(
    {"articles-mentioning", "claims-by", "conflicting-figures", "events-at", "timeline"}
)
#: The queries whose rows of a key are the same whichever entity's list it is in
#: (see :attr:`_Kind.merging`): articles-mentioning's key is an article, its rows
#: the article's headlines; conflicting-figures' rows do not name the party.
_SAME_ROWS = frozenset({"articles-mentioning", "conflicting-figures"})
#: The queries whose lists an index of version 4 lacks (a write makes it version
#: 5 and writes them for every entity: :func:`kb.store.name_index.upgrade`).
SINCE_VERSION_5 = frozenset({"articles-mentioning"})


def _kind(name: str) -> _Kind | None:
    return next((k for k in _kinds() if k.query.name == name), None)


#: In the index once every busy list of the queries that count their keys' rows
#: keeps those counts (set by a settle that counted them): a store whose lists
#: were written before their query counted them (conflicting-figures' before
#: :mod:`kb.store.label_rows`) lacks it, and its next write counts every busy
#: list's that has none or none for its texts (:attr:`Pending.recount`), so that
#: deep pages of entities its writes do not reach start at their own keys too.
_COUNTED_MARK = ox.Quad(
    _INDEX, ox.NamedNode("urn:newskb:keyRowsKept"), ox.Literal("1"), _INDEX
)


def lacks_counts(db: ox.Store) -> bool:
    """Whether some busy lists may lack their counts (see :data:`_COUNTED_MARK`)."""
    return _COUNTED_MARK not in db


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


def keyed_lines(text: str) -> Iterator[ox.Quad]:
    """The triples of plain N-Triples ``text`` with a keyed predicate (a line is
    found by its predicate's text, then parsed)."""
    lines = lines_with(text, _KEYED_INFIXES)
    if lines:
        yield from ox.parse("".join(lines), format=ox.RdfFormat.N_TRIPLES)


def owners(db: ox.Store, nodes: Iterable[ox.NamedNode]) -> set[ox.NamedNode]:
    """The entities whose keys a change to the triples linking ``nodes`` can
    change, as the store links them now (before a drop, after an add)."""
    found: set[ox.NamedNode] = set()
    for chunk in _chunks(sorted(nodes, key=str)):
        rows = db.query(_OWNERS % " ".join(str(n) for n in chunk), prefixes=PREDECLARED)
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


@dataclass
class Pending:
    """What a session's writes did that the lists must follow (see the module)."""

    #: every list is to be written again (an index rebuilt, a writer stopped)
    everyone: bool = False
    #: the queries whose lists are all to be written (an index made version 5)
    kinds: set[str] = field(default_factory=set)
    #: every busy list without its counts is to be counted (a store whose lists
    #: were written before their query counted them: :data:`_COUNTED_MARK`)
    recount: bool = False
    #: the entities whose lists the writes may change
    entities: set[ox.NamedNode] = field(default_factory=set)
    #: the nodes of the keyed triples written or dropped
    nodes: set[ox.NamedNode] = field(default_factory=set)
    #: those written, whose owners are found when the lists settle (an add only
    #: adds links, so they are found then as well as after each write, and once)
    added: set[ox.NamedNode] = field(default_factory=set)
    #: the entities with places newly inside them, or no longer
    moved: set[ox.NamedNode] = field(default_factory=set)
    #: the nodes among ``nodes`` that the union held before they were written, or
    #: that were dropped: only these can be in a list already
    known: set[ox.NamedNode] = field(default_factory=set)
    _owners: set[ox.NamedNode] | None = field(default=None, repr=False)

    def owners_of_added(self, db: ox.Store) -> set[ox.NamedNode]:
        """The owners (:func:`owners`) of the written nodes, found once."""
        if self._owners is None:
            self._owners = owners(db, self.added)
        return self._owners

    def write(
        self,
        db: ox.Store,
        triples: Callable[[], Sequence[ox.Quad]],
        write: Callable[[], None],
    ) -> None:
        """Run ``write``, which adds ``triples()`` (the keyed ones at least) to the
        union, and note what it changes. When every list is to be written again,
        nothing needs noting, and the triples are not made (finding the keyed
        lines of a bulk load's texts took 3 % of its time)."""
        if self.everyone:
            write()
            return
        written = triples()
        edges = [t for t in written if t.predicate == _INSIDE and _union(t) not in db]
        nodes = keyed_nodes(written)
        self.known |= {n for n in nodes - self.known if _in_union(db, n)}
        write()
        self.nodes |= nodes
        self.added |= nodes
        self.moved |= owners(
            db, {t.object for t in edges if isinstance(t.object, ox.NamedNode)}
        )

    def drop(
        self, db: ox.Store, article: ox.NamedNode, drop: Callable[[], None]
    ) -> None:
        """Run ``drop``, which drops ``article`` and the union's triples that only
        it states, and note what it changes."""
        if self.everyone:
            drop()
            return
        triples = [q.triple for q in db.quads_for_pattern(None, None, None, article)]
        nodes = keyed_nodes(triples)
        self.nodes |= nodes
        self.known |= nodes
        self.entities |= owners(db, nodes)
        edges = [
            (t, owners(db, {t.object}))
            for t in triples
            if t.predicate == _INSIDE and isinstance(t.object, ox.NamedNode)
        ]
        drop()
        for edge, above in edges:
            if _union(edge) not in db:
                self.moved |= above


_INSIDE = ox.NamedNode(str(SCHEMA.containedInPlace))
_UNION = ox.DefaultGraph()


def _in_union(db: ox.Store, node: ox.NamedNode) -> bool:
    """Whether a triple of the union has ``node`` as its subject or object."""
    return (
        next(db.quads_for_pattern(node, None, None, _UNION), None) is not None
        or next(db.quads_for_pattern(None, None, node, _UNION), None) is not None
    )


def _union(triple: ox.Quad | ox.Triple) -> ox.Quad:
    return ox.Quad(triple.subject, triple.predicate, triple.object, _UNION)


def settle(db: ox.Store, pending: Pending) -> None:
    """Write again the lists that ``pending``'s writes may have changed (every
    list, when ``pending.everyone``), then remove the stale mark, in one update."""
    names = named_entities(db)
    gone: list[tuple[ox.NamedNode, ox.NamedNode]] = []
    new: list[ox.Quad] = []
    for kind in _kinds():
        if pending.everyone or kind.query.name in pending.kinds:
            kept = _Lists(
                _lists(db, kind.predicate, None), _lists(db, kind.added, None)
            )
            after = _Lists(_whole(db, kind, names), {})
            fresh: dict[ox.NamedNode, set[Row]] = {}
            again = names
        else:
            kept, after, fresh, again = _settled(db, kind, pending, names)
        counts = _Lists({}, {})
        if kind.counted:
            counts = _settled_counts(db, kind, pending, (kept, after), fresh, again)
            if pending.recount and not pending.everyone:
                _recount(db, kind, counts)
        for predicate, old, now in [
            (kind.predicate, kept.whole, after.whole),
            (kind.added, kept.added, after.added),
            (kind.rows, counts.whole, counts.added),
        ]:
            for entity in old.keys() | now.keys():
                before, text = old.get(entity), now.get(entity)
                if before != text:
                    if before is not None:
                        gone.append((entity, predicate))
                    if text is not None:
                        new.append(ox.Quad(entity, predicate, ox.Literal(text), _INDEX))
    if pending.recount:
        new.append(_COUNTED_MARK)  # every busy list's counts written
    db.update(_replace(gone, new))


@dataclass
class _Lists:
    """Lists by entity: their texts as written whole, and the rows added to them
    since (:func:`_placed`); an entity absent has none."""

    whole: dict[ox.NamedNode, str | None]
    added: dict[ox.NamedNode, str | None]


def _settled(
    db: ox.Store, kind: _Kind, pending: Pending, names: set[ox.NamedNode]
) -> tuple[_Lists, _Lists, dict[ox.NamedNode, set[Row]], set[ox.NamedNode]]:
    """The lists of ``kind`` that ``pending``'s writes may have changed, before
    and after. The rows of the written items (:func:`_item_rows`) say which
    entities an add reached: an add never takes an item's last row of an entity
    away (the key queries only join and read an optional date), so the entities
    whose keys an add changes are those with a row of a written item, and the
    places above a place newly put inside another; a drop's are found before it
    (:meth:`Pending.drop`)."""
    fresh = _item_rows(db, kind, pending.nodes) if kind.items else {}
    touched = pending.entities | pending.moved | fresh.keys()
    if not kind.items:
        touched |= pending.owners_of_added(db)
    kept = _Lists(_lists(db, kind.predicate, touched), _lists(db, kind.added, touched))
    dirty = names & touched
    # a list is merged in steps where one is kept (of any length: even a short or
    # an empty one saves reading the entity's whole key query at the next write)
    again = (
        {e for e in dirty if e in pending.moved or kept.whole.get(e) is None}
        if kind.items
        else dirty
    )
    written = ({str(n) for n in pending.nodes}, {str(n) for n in pending.known})
    after = _Lists({}, {})
    for entity in dirty - again:
        text = kept.whole[entity]
        assert text is not None
        after.whole[entity], after.added[entity] = _changed(
            kind,
            (text, kept.added.get(entity)),
            fresh.get(entity, set()),
            written,
            entity in pending.entities,
        )
    # the lists that cannot take rows in steps are read whole
    again |= {e for e, text in after.whole.items() if text is None}
    after.whole |= _whole(db, kind, again)
    for entity in again:
        after.added[entity] = None
    return kept, after, fresh, again


def _settled_counts(
    db: ox.Store,
    kind: _Kind,
    pending: Pending,
    lists: tuple[_Lists, _Lists],
    fresh: dict[ox.NamedNode, set[Row]],
    again: set[ox.NamedNode],
) -> _Lists:
    """The counts of the keys' rows (:mod:`kb.store.key_rows`) of the lists that
    ``lists`` (before and after) changed, before and after (as a :class:`_Lists`'
    ``whole`` and ``added``, whose predicates they are not): kept for a list of
    :data:`MIN_KEYS` keys or more (readers use no other). A list read whole
    (``again``), or whose counts were not those of its texts before, has its keys
    counted whole; another has the counts of its written items' keys replaced
    (``fresh``: their rows of the key query), as its rows are (:func:`_changed`):
    a key's rows change only with its item's own triples (an item is minted in
    its article) or with places put inside another (whose lists are read
    whole)."""
    kept, after = lists
    entities = [
        e for e, text in after.whole.items() if _keys_in(text, after.added.get(e))
    ]
    old = _lists(db, kind.rows, after.whole)
    now: dict[ox.NamedNode, str | None] = dict.fromkeys(after.whole)
    known: dict[ox.NamedNode, dict[Key, str]] = {}
    for entity in entities:
        before, text = old.get(entity), kept.whole.get(entity)
        if entity in again or before is None or text is None:
            continue
        check = key_rows.guard(text, kept.added.get(entity))
        found = key_rows.decode(before, check)
        if found is not None:
            known[entity] = found
    whole = sorted((e for e in entities if e not in known), key=str)
    counted = _counts(db, kind, whole) if whole else {}
    steps = _item_counts(db, kind, pending.nodes, known, fresh) if known else {}
    columns = kind.columns
    for entity in entities:
        text, added = after.whole[entity], after.added.get(entity)
        assert text is not None
        found = steps.get(entity)
        if found is None:  # counted whole
            found = _of_lines(columns, (text, added), counted.get(entity, {}))
        now[entity] = key_rows.encode(key_rows.guard(text, added), found)
    return _Lists(old, now)


def _of_lines(
    columns: Sequence[int], texts: tuple[str, str | None], counted: dict[Key, str]
) -> dict[Key, str]:
    """The counts of a list's keys (``texts``, its texts), from those of its
    entity's keys with a row (``counted``): a key absent has none."""
    keys = (_key_of(line, columns) for line in _all_lines(*texts))
    return key_rows.of_keys(keys, counted)


def _recount(db: ox.Store, kind: _Kind, counts: _Lists) -> None:
    """Count the keys of every busy list of ``kind`` that the settle did not
    (``counts``: the settled counts, before as ``whole`` and after as
    ``added``) and whose counts are missing or are not those of its texts, into
    ``counts``: a store whose lists were written before their query counted
    them (:attr:`Pending.recount`)."""
    lists = _Lists(_lists(db, kind.predicate, None), _lists(db, kind.added, None))
    busy: dict[ox.NamedNode, tuple[str, str | None]] = {
        e: (text, lists.added.get(e))
        for e, text in lists.whole.items()
        if text is not None
        and e not in counts.added
        and _keys_in(text, lists.added.get(e))
    }
    old = _lists(db, kind.rows, busy)
    missing = sorted(
        (
            e
            for e, texts in busy.items()
            if e not in old
            or key_rows.decode(old[e] or "", key_rows.guard(*texts)) is None
        ),
        key=str,
    )
    counted = _counts(db, kind, missing) if missing else {}
    for entity in missing:
        texts = busy[entity]
        found = _of_lines(kind.columns, texts, counted.get(entity, {}))
        counts.whole[entity] = old.get(entity)
        counts.added[entity] = key_rows.encode(key_rows.guard(*texts), found)


def _keys_in(text: str | None, added: str | None) -> bool:
    """Whether a list (its texts) holds :data:`MIN_KEYS` keys or more."""
    if text is None:
        return False
    return text.count("\n") + (added.count("\n") if added else 0) >= MIN_KEYS


def _all_lines(text: str, added: str | None) -> list[str]:
    """A list's lines in order, its added rows in their places."""
    lines = text.split("\n")[1:]
    return lines if added is None else _folded(lines, added.split("\n")[1:])


def _key_of(line: str, columns: Sequence[int]) -> Key:
    terms = line.split("\t")
    return tuple(terms[i] or None for i in columns)


def _item_counts(
    db: ox.Store,
    kind: _Kind,
    nodes: set[ox.NamedNode],
    known: dict[ox.NamedNode, dict[Key, str]],
    fresh: dict[ox.NamedNode, set[Row]],
) -> key_rows.Counts:
    """The counts of the keys of entities whose counts are ``known`` (those of
    their lists before the writes, where not one), with those of the keys of the
    written items (``nodes``) counted again: a key absent has one row."""
    written, columns = {str(n) for n in nodes}, kind.columns
    items: key_rows.Counts = {}
    for variable in kind.items:
        for chunk in _chunks(sorted(nodes, key=str)):
            for entity, found in _counts(db, kind, None, (variable, chunk)).items():
                items.setdefault(entity, {}).update(found)
    out: key_rows.Counts = {}
    for entity, before in known.items():
        counts = {
            key: n
            for key, n in before.items()
            if not any(t in written for t in key if t is not None)
        }
        mine = items.get(entity, {})
        for row in fresh.get(entity, ()):
            key = tuple(None if row[i] is None else str(row[i]) for i in columns)
            counts[key] = mine.get(key, "0")
        out[entity] = counts
    return out


def _lists(
    db: ox.Store, predicate: ox.NamedNode, entities: Iterable[ox.NamedNode] | None
) -> dict[ox.NamedNode, str | None]:
    """The texts of ``predicate`` (a list's, or its added rows') of ``entities``
    (``None``: all), by entity."""
    quads = (
        db.quads_for_pattern(None, predicate, None, _INDEX)
        if entities is None
        else (
            quad
            for entity in entities
            for quad in db.quads_for_pattern(entity, predicate, None, _INDEX)
        )
    )
    return {
        q.subject: q.object.value
        for q in quads
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
    }


def _whole(
    db: ox.Store, kind: _Kind, entities: set[ox.NamedNode]
) -> dict[ox.NamedNode, str | None]:
    """The lists of ``entities`` read whole from the key query (an entity with no
    key gets an empty list)."""
    found = _rows(db, kind, sorted(entities, key=str))
    return {e: _text(kind, found.get(e, [])) for e in entities}


Row = tuple[ox.NamedNode | ox.Literal | None, ...]
#: The kind of a column that cannot be ordered here (see :func:`_column_kinds`).
_UNORDERED = "x"


def _text(kind: _Kind, rows: Sequence[Row]) -> str | None:
    """A list's text: a line of its columns' kinds (:func:`_column_kinds`), then
    ``rows`` (of the ``ORDER BY`` variables) in order, a line each (none, for an
    entity with no key); ``None`` when they cannot be ordered here."""
    order = kind.plan.order
    ordered = order_keys(order, rows, order, order)
    if ordered is None:
        return None
    lines = ("\t".join(t or "" for t in row) for row in ordered)
    return "\n".join(["\t".join(_column_kinds(rows, len(order))), *lines])


def _column_kinds(rows: Iterable[Sequence[object]], width: int) -> list[str]:
    """Each of ``width`` columns' kind of term as
    :func:`kb.store.sparql.order_keys` orders them: one of theirs, ``""`` when
    none is bound, :data:`_UNORDERED` when they are of two kinds or one it cannot
    order."""
    kinds: list[set[str]] = [set() for _ in range(width)]
    for row in rows:
        for found, term in zip(kinds, row, strict=True):
            if isinstance(term, _Kinded):
                found.update({term.kind} - {""})
            elif term is not None:
                found.add(term_kind(term))
    return [
        _UNORDERED if len(k) > 1 or k & {"other", _UNORDERED} else next(iter(k), "")
        for k in kinds
    ]


def _changed(
    kind: _Kind,
    kept: tuple[str, str | None],
    rows: set[Row],
    written: tuple[set[str], set[str]],
    dropped: bool,
) -> tuple[str | None, str | None]:
    """A list (its text written whole, and the rows added since) with the rows of
    the written items taken out and ``rows`` (the key query's rows of those items
    now) put in their places: added to the rows kept apart while they are few
    (:func:`_placed`), else written into the list; ``None`` for a list that must
    be read whole (it, or its new rows, cannot be ordered here). ``written`` holds
    the written and dropped nodes (as SPARQL text), and those of them the store
    held before (:attr:`Pending.known`). For an entity that no drop reached (not
    ``dropped``), an old row of a written item has a new row (see
    :func:`_settled`), so the list's lines are only read when its text holds a
    known item of ``rows``."""
    text, added = kept
    at = [kind.plan.order.index(v) for v in kind.items]
    if dropped:
        gone = written[0]
    else:
        items = {str(row[i]) for row in rows for i in at if row[i] is not None}
        gone = {
            item
            for item in items & written[1]
            if item in text or (added is not None and item in added)
        }
    if not rows and not gone:
        return text, added
    header, *lines = text.split("\n")
    kinds = header.split("\t")
    if not gone:
        placed = _placed(kinds, lines, added, rows)
        if placed is None:
            return None, None
        kinds, entries = placed
        if len(entries) <= _apart(len(lines)):
            return text, "\n".join(["\t".join(kinds), *entries])
        return "\n".join(["\t".join(kinds), *_folded(lines, entries)]), None
    if added is not None:
        kinds = _column_kinds([_kinded(kinds), _kinded(added)], len(kinds))
        lines = _folded(lines, added.split("\n")[1:])
    lines = [line for line in lines if not _has_item(line.split("\t"), at, gone)]
    return _merged(kinds, lines, rows), None


def _apart(rows: int) -> int:
    """The most rows kept apart from a list of ``rows`` rows (see
    :func:`_placed`): an eighth, so that a list is written whole again after it
    grew by that much, and a reader puts few rows in their places."""
    return max(64, rows // 8)


def _kinded(kinds: list[str] | str) -> tuple[_Kinded, ...]:
    """A header's kinds (split, or the first line of a text) as a row for
    :func:`_column_kinds`."""
    if isinstance(kinds, str):
        kinds = kinds.split("\n", 1)[0].split("\t")
    return tuple(_Kinded(k) for k in kinds)


def _placed(
    kinds: list[str], lines: list[str], added: str | None, rows: set[Row]
) -> tuple[list[str], list[str]] | None:
    """The rows added to a list (its header's ``kinds`` and its ``lines``), kept
    apart from it: those ``added`` already and ``rows``, each as a line of its
    place among the list's lines (the index of the line it goes before), a tab,
    and its terms, in order; with the kinds of the columns of both. ``None`` when
    this cannot order them as :func:`kb.store.sparql.order_keys` would (as for
    :func:`_merged`). A list is thus written again only after it grew by an
    eighth (:func:`_apart`), and readers put the few added rows in their places
    by their indexes (:func:`_folded`)."""
    old = [] if added is None else added.split("\n")
    before = (
        kinds
        if added is None
        else _column_kinds([_kinded(kinds), _kinded(old[0])], len(kinds))
    )
    both = _column_kinds([*rows, _kinded(before)], len(kinds))
    sortable = _sortable(both)
    if not sortable:
        return None

    def rank(line: str) -> Rank:
        return _line_rank(line, sortable)

    def place(found: Rank) -> int | None:
        at = bisect_left(lines, found, key=rank)
        return None if at < len(lines) and rank(lines[at]) == found else at

    entries: list[tuple[int, Rank, str]] = []
    for entry in old[1:]:
        index, line = entry.split("\t", 1)
        # the places found with other kinds may differ: found again
        at = int(index) if both == before else place(rank(line))
        if at is None:
            return None
        entries.append((at, rank(line), line))
    for row in rows:
        found = _row_rank(row, sortable)
        at = place(found)
        if at is None:
            return None
        entries.append((at, found, "\t".join("" if t is None else str(t) for t in row)))
    entries.sort(key=lambda e: e[:2])
    if any(a[:2] == b[:2] for a, b in zip(entries, entries[1:], strict=False)):
        return None
    return both, [f"{at}\t{line}" for at, _, line in entries]


def _folded(lines: list[str], entries: list[str]) -> list[str]:
    """A list's ``lines`` with its added rows (``entries``, as :func:`_placed`
    writes them) in their places."""
    out: list[str] = []
    start = 0
    for entry in entries:
        index, line = entry.split("\t", 1)
        at = int(index)
        out += lines[start:at]
        out.append(line)
        start = at
    out += lines[start:]
    return out


def _item_rows(
    db: ox.Store, kind: _Kind, nodes: set[ox.NamedNode]
) -> dict[ox.NamedNode, set[Row]]:
    """The key query's rows of the items among ``nodes``, of every entity, by
    entity."""
    fresh: dict[ox.NamedNode, set[Row]] = {}
    for variable in kind.items:
        for chunk in _chunks(sorted(nodes, key=str)):
            for entity, rows in _rows(db, kind, None, (variable, chunk)).items():
                fresh.setdefault(entity, set()).update(rows)
    return fresh


def _has_item(fields: list[str], at: list[int], written: set[str]) -> bool:
    return any(fields[i] in written for i in at)


def _sortable(kinds: list[str]) -> list[str]:
    """The columns before the first one that cannot be ordered, which
    :func:`kb.store.sparql.order_keys` orders by."""
    return kinds[: kinds.index(_UNORDERED)] if _UNORDERED in kinds else kinds


def _merged(kinds: list[str], lines: list[str], rows: set[Row]) -> str | None:
    """``lines`` (in order) with ``rows`` put in their places, under a header of
    the columns' kinds; ``None`` when this cannot order them as
    :func:`kb.store.sparql.order_keys` would: it orders by the columns before the
    first it cannot order, and gives up on a tie in those."""
    both = _column_kinds([*rows, tuple(_Kinded(k) for k in kinds)], len(kinds))
    sortable = _sortable(both)
    if not sortable:
        return None
    ranked = sorted((_row_rank(row, sortable), row) for row in rows)
    if any(a[0] == b[0] for a, b in zip(ranked, ranked[1:], strict=False)):
        return None

    def rank(line: str) -> Rank:
        return _line_rank(line, sortable)

    out: list[str] = []
    start = 0
    for place, row in ranked:
        at = bisect_left(lines, place, lo=start, key=rank)
        if at < len(lines) and rank(lines[at]) == place:
            return None
        out += lines[start:at]
        out.append("\t".join("" if t is None else str(t) for t in row))
        start = at
    out += lines[start:]
    return "\n".join(["\t".join(both), *out])


@dataclass(frozen=True)
class _Kinded:
    """A stand-in term of a known kind (a list's column), for :func:`_column_kinds`."""

    kind: str


Rank = tuple[tuple[int, str | int], ...]


def _row_rank(row: Row, kinds: list[str]) -> Rank:
    """The rank of a row's first ``len(kinds)`` columns."""
    return tuple(
        _rank(None if t is None else t.value, k)
        for t, k in zip(row, kinds, strict=False)
    )


def _line_rank(line: str, kinds: list[str]) -> Rank:
    """The rank of a list's line's first ``len(kinds)`` columns."""
    fields = line.split("\t")
    return tuple(_rank(_value(text), k) for text, k in zip(fields, kinds, strict=False))


def _rank(value: str | None, kind: str) -> tuple[int, str | int]:
    """A term's place as :func:`kb.store.sparql.order_keys` orders its column."""
    if kind == "integer":
        return (0, 0) if value is None else (1, int(value))
    return (0, "") if value is None else (1, value)


def _value(text: str) -> str | None:
    """The value of a term from its SPARQL text (an IRI's, a literal's lexical
    form)."""
    if not text:
        return None
    if text.startswith("<"):
        return text[1:-1]
    end = text.rindex('"')
    if "\\" not in text[:end]:
        return text[1:end]
    term = _term(text)
    assert term is not None
    return term.value


def _rows(
    db: ox.Store,
    kind: _Kind,
    entities: list[ox.NamedNode] | None,
    items: tuple[str, list[ox.NamedNode]] | None = None,
) -> dict[ox.NamedNode, list[Row]]:
    """The key query's rows (of its ``ORDER BY`` variables) of each of
    ``entities``, or of every entity but only for the items ``items`` (a
    variable and its values), by entity."""
    plan = kind.plan
    found: dict[ox.NamedNode, list[Row]] = {}
    for text in _texts(kind, plan.query, entities, items):
        answer = db.query(text, prefixes=PREDECLARED)
        assert isinstance(answer, ox.QuerySolutions)
        columns = [v.value for v in answer.variables]
        at = columns.index(kind.entity)
        wanted = [columns.index(v) for v in plan.order]
        for row in answer:
            entity = row[at]
            if isinstance(entity, ox.NamedNode):
                found.setdefault(entity, []).append(tuple(row[i] for i in wanted))
    return found


def _counts(
    db: ox.Store,
    kind: _Kind,
    entities: list[ox.NamedNode] | None,
    items: tuple[str, list[ox.NamedNode]] | None = None,
) -> key_rows.Counts:
    """The named query's rows of each key, as :func:`_rows` finds the keys (a key
    with none is absent), by entity."""
    found: key_rows.Counts = {}
    keys = list(kind.plan.variables)
    for text in _texts(kind, kind.query, entities, items):
        if kind.query.name == label_rows.QUERY:
            counted = label_rows.read_parts(db, text, kind.entity)
        else:
            counted = key_rows.read_counts(db, text, kind.entity, keys)
        for entity, counts in counted.items():
            found.setdefault(entity, {}).update(counts)
    return found


def _texts(
    kind: _Kind,
    query: queries.NamedQuery,
    entities: list[ox.NamedNode] | None,
    items: tuple[str, list[ox.NamedNode]] | None,
) -> list[str]:
    """``query`` (the key query or the named query, whose name tests of
    ``kind.param`` find ``kind.entity``) without its ``ORDER BY``, selecting
    ``kind.entity`` too: for ``entities``, some at a time, or for every entity but
    only for the items ``items``."""
    plan = kind.plan
    if entities is not None:
        texts = [
            plan.unordered(
                queries.for_store(
                    query,
                    {kind.param: Literal("")},
                    _Given([URIRef(e.value) for e in chunk]),
                )
            )
            for chunk in _chunks(entities)
        ]
    else:
        assert items is not None
        test = next(t for t in query.name_tests if t.param == kind.param)
        text = query.text[: test.start] + query.text[test.end :]
        # the other parameters' tests (articles-mentioning's later entities) as
        # the store writes them when they are not given: left as text, oxigraph
        # tests every label of every entity for them (4 s a settle)
        cut = test.end - test.start
        others = tuple(
            replace(t, start=t.start - cut, end=t.end - cut)
            if t.start > test.start
            else t
            for t in query.name_tests
            if t is not test
        )
        text = queries.for_store(
            replace(query, text=text, name_tests=others), {}, _Given([])
        )
        variable, values = items
        texts = [
            queries.restrict(
                plan.unordered(text), [variable], [(str(v),) for v in values]
            )
        ]
    return [_selecting(text, kind.entity) for text in texts]


def _selecting(text: str, variable: str) -> str:
    """``text`` with ``?variable`` among the variables of its ``SELECT DISTINCT``
    line, once."""
    start = text.index("SELECT DISTINCT")
    line = text[start : text.index("\n", start)]
    if re.search(rf"\?{variable}\b", line):
        return text
    return text.replace("SELECT DISTINCT", f"SELECT DISTINCT ?{variable}", 1)


def _term(text: str) -> ox.NamedNode | ox.Literal | None:
    """A term from its SPARQL text as a list holds it (an IRI or a literal)."""
    if not text:
        return None
    if text.startswith("<"):
        return ox.NamedNode(text[1:-1])
    parsed = next(
        ox.parse(f"<urn:x:s> <urn:x:p> {text} .\n", format=ox.RdfFormat.N_TRIPLES)
    )
    assert isinstance(parsed.object, ox.Literal)
    return parsed.object


def _replace(gone: list[tuple[ox.NamedNode, ox.NamedNode]], new: list[ox.Quad]) -> str:
    """One update that deletes the lists ``gone`` (entity, predicate: found by
    these, so that their long texts are not written out again), inserts ``new``
    and removes the stale mark (terms as oxigraph writes them: escaped, so each
    stays one term)."""
    graph = f"GRAPH {_INDEX}"
    inserted = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in new)
    mark = f"{_STALE.subject} {_STALE.predicate} {_STALE.object} ."
    update = (
        f"DELETE DATA {{ {graph} {{ {mark} }} }} ;\n"
        f"INSERT DATA {{ {graph} {{ {inserted} }} }}"
    )
    if not gone:
        return update
    pairs = " ".join(f"({entity} {predicate})" for entity, predicate in gone)
    return (
        f"DELETE {{ {graph} {{ ?e ?p ?o }} }} WHERE {{ VALUES (?e ?p) {{ {pairs} }} "
        f"{graph} {{ ?e ?p ?o }} }} ;\n{update}"
    )


@dataclass(frozen=True)
class _Given:
    """A :class:`kb.store.queries.Lookup` that finds the given entities."""

    entities: list[URIRef]

    def entities_named(self, name: str, *, last_words: bool = True) -> list[URIRef]:
        return self.entities

    def articles_at(self, iri_or_url: str) -> None:
        return None

    def places_within(
        self, areas: Sequence[URIRef], name: str
    ) -> dict[URIRef, list[URIRef]]:
        return {}  # a list follows the articles' own containedInPlace links


#: What :func:`stored_keys` asks for the places inside the entities a name
#: stands for (:meth:`kb.store.embedded.Store.places_within`).
Widen = Callable[[list[URIRef], str], Mapping[URIRef, Sequence[URIRef]]]


def stored_keys(
    db: ox.Store,
    query: queries.NamedQuery,
    bindings: Mapping[str, Node],
    widen: Widen,
) -> Sequence[Key] | None:
    """The keys of ``query``'s answer kept for the entities its name parameter
    names, in order, or ``None`` when there is no such list to read: the lists are
    stale, the query keeps none, another parameter that its key query tests is
    given (but for a later name that only keeps some keys: :func:`_mentioning`),
    or the name names no entity, or they have fewer keys than
    :data:`MIN_KEYS`. The store must have a complete name index. The keys of a
    name of several entities are those of their lists, merged
    (:func:`_merged_keys`).

    When ``widen`` finds places inside the entity (a country's towns, which the
    query then reaches too: :func:`kb.store.queries.for_store`), the keys are
    those of the entity's list and the places' lists, merged
    (:func:`_merged_keys`): a place's list is its list for the query if the key
    query reaches its entity only through its ``#WITHIN`` part, else the list
    :data:`_WITHIN_LISTS` names for the query, or ``None``."""
    kind = _kind(query.name)
    if kind is None or kind.param not in bindings or is_stale(db):
        return None
    others = {p: v for p, v in bindings.items() if p not in kind.free | {kind.param}}
    if not others.keys() <= _mentioning_tests(kind.query.name).keys():
        return None
    name = str(bindings[kind.param])
    entities = lookup_entities(db, name, last_words=kind.last_words)
    if entities is None:
        return None
    inner = widen(entities, name)
    if not inner and len(entities) == 1:
        entity = ox.NamedNode(entities[0])
        texts = _entity_texts(db, kind, entity)
        lines = None if texts is None else _all_lines(*texts)
        if texts is None or lines is None or len(lines) < MIN_KEYS:
            return None  # as cheap to find by the key query
        counts = _counts_of(db, kind, entity, texts, bindings)
        if others:
            keep = _mentioning(db, kind, others)
            if keep is None:
                return None
            lines = [line for line in lines if keep(line)]
        return KeptKeys(lines, kind.columns, counts)
    if others and inner:
        return None  # the places' lists are not the query's own
    # the name test's entities (several: "officials", a group and one article's
    # own) and the areas the places are in (a country no article names among
    # them) are all the query's entity: each its own list
    places = set(chain(*inner.values()))
    return _merged_keys(db, kind, ({*entities, *inner}, places), bindings, others)


#: The queries whose later name parameters keep, of the first's keys, those
#: whose item (the variable named) mentions one of their entities:
#: articles-mentioning's ``FILTER (?wantedN = "" || EXISTS { ?article
#: kb:mentions ?eN . <name test> })``, found so in its key query's text by
#: :func:`_mentioning_tests`.
_MENTIONING = {"articles-mentioning": "article"}
_MENTIONS = ox.NamedNode(str(KB.mentions))


@cache
def _mentioning_tests(name: str) -> dict[str, tuple[queries.NameTest, int]]:
    """The key query's name tests after its first that only keep the keys whose
    item mentions one of the entities they find (:data:`_MENTIONING`), by
    parameter, each with the item's field in a list's line."""
    kind, item = _kind(name), _MENTIONING.get(name)
    if kind is None or item is None:
        return {}
    text = kind.plan.query.text
    found = {}
    for test in kind.plan.query.name_tests[1:]:
        before = (
            rf'BIND \(COALESCE\(STR\(\?{test.param}\), ""\) AS \?(\w+)\)\s*'
            rf'FILTER \(\?\1 = "" \|\| EXISTS \{{\s*\?{item} kb:mentions'
            rf" \?{test.entity} \.\s*$"
        )
        if re.search(before, text[: test.start]) and re.match(
            r"\s*\}\)", text[test.end :]
        ):
            found[test.param] = (test, kind.plan.order.index(item))
    return found


def _items_of(db: ox.Store, kind: _Kind, entity: ox.NamedNode, column: int) -> set[str]:
    """The items (as SPARQL text) that mention ``entity``, of those the query's
    first name's lists hold: its own list's, which are those (the key query of
    ``entity`` as the first name), or, when it has none, its triples'."""
    texts = _entity_texts(db, kind, entity)
    if texts is None:
        found = db.quads_for_pattern(None, _MENTIONS, entity, _UNION)
        return {str(q.subject) for q in found}
    return {line.split("\t", column + 1)[column] for line in _all_lines(*texts)}


@dataclass(frozen=True)
class _Keep:
    """The lines of a list to keep: those whose field ``column`` (an item, as
    SPARQL text) is among ``items``."""

    column: int
    items: AbstractSet[str]

    def __call__(self, line: str) -> bool:
        return line.split("\t", self.column + 1)[self.column] in self.items


def _mentioning(db: ox.Store, kind: _Kind, others: Mapping[str, Node]) -> _Keep | None:
    """Which keys of the first name's lists the query's other parameters
    (``others``) keep: those whose item mentions an entity of each
    (:func:`_mentioning_tests`), as the name index finds them; ``None`` when one
    is no such test, or is empty (which tests nothing), or the index cannot
    name its entities."""
    tests = _mentioning_tests(kind.query.name)
    items: set[str] | None = None
    column = 0
    for param, value in others.items():
        if param not in tests or not str(value):
            return None
        test, column = tests[param]
        entities = lookup_entities(db, str(value), last_words=test.last_words)
        if entities is None:
            return None
        found = set().union(
            *(_items_of(db, kind, ox.NamedNode(e), column) for e in entities)
        )
        items = found if items is None else items & found
    return None if items is None else _Keep(column, items)


def _kept_merged(
    db: ox.Store,
    kind: _Kind,
    others: Mapping[str, Node],
    lists: list[tuple[str, list[str]]],
    counts: list[Mapping[Key, int] | None],
) -> Sequence[Key] | None:
    """The keys of the query's own ``lists`` (each with its ``counts``) that
    the other parameters keep (:func:`_mentioning`), merged; ``None`` as
    :func:`_mentioning` or :func:`_lazily_merged` give it."""
    keep = _mentioning(db, kind, others)
    if keep is None:
        return None
    kept = [
        ((header, found), n)
        for (header, lines), n in zip(lists, counts, strict=True)
        if (found := [line for line in lines if keep(line)])
    ]
    if not kept:
        return KeptKeys([], kind.columns, {})
    return _lazily_merged(kind, [k for k, _ in kept], [n for _, n in kept])


def _entity_texts(
    db: ox.Store, kind: _Kind, entity: ox.NamedNode
) -> tuple[str, str | None] | None:
    """An entity's list's texts: written whole, and its rows added since."""
    whole, added = (_text_of(db, entity, p) for p in (kind.predicate, kind.added))
    return None if whole is None else (whole, added)


def _some_kept(db: ox.Store, kind: _Kind, entities: set[URIRef]) -> bool:
    """Whether one of ``entities`` has a list of ``kind`` (an index of version 4
    has no articles-mentioning list at all)."""
    return any(_entity_texts(db, kind, ox.NamedNode(e)) is not None for e in entities)


def _read_whole(
    db: ox.Store, kind: _Kind, entity: ox.NamedNode
) -> tuple[str, None] | None:
    """An entity's list read whole from the key query, as a write would keep it
    (``None`` when its keys cannot be ordered here)."""
    text = _whole(db, kind, {entity})[entity]
    return None if text is None else (text, None)


def _text_of(db: ox.Store, entity: ox.NamedNode, predicate: ox.NamedNode) -> str | None:
    """The text an entity has for ``predicate`` in the index, if any."""
    found = next(db.quads_for_pattern(entity, predicate, None, _INDEX), None)
    if found is None:
        return None
    assert isinstance(found.object, ox.Literal)
    return found.object.value


def _counts_of(
    db: ox.Store,
    kind: _Kind,
    entity: ox.NamedNode,
    texts: tuple[str, str | None],
    bindings: Mapping[str, Node],
) -> Mapping[Key, int] | None:
    """The counts of the rows of an entity's keys that have other than one
    (:mod:`kb.store.key_rows`), or ``None`` when its list (``texts``) has none
    kept, or none counted for its texts as they are."""
    found = _text_of(db, entity, kind.rows) if kind.counted else None
    if found is None:
        return None
    counts = key_rows.decode(found, key_rows.guard(*texts))
    return None if counts is None else _as_counts(db, kind, counts, bindings)


def _as_counts(
    db: ox.Store, kind: _Kind, counts: dict[Key, str], bindings: Mapping[str, Node]
) -> Mapping[Key, int]:
    """Kept counts (:mod:`kb.store.key_rows`) as numbers: conflicting-figures'
    with the page's parameters and the claimants' labels
    (:mod:`kb.store.label_rows`)."""
    if kind.query.name == label_rows.QUERY:
        return label_rows.LabelledCounts(db, counts, bindings)
    return {key: int(n) for key, n in counts.items()}


def _merged_keys(
    db: ox.Store,
    kind: _Kind,
    entities: tuple[set[URIRef], set[URIRef]],
    bindings: Mapping[str, Node],
    others: Mapping[str, Node] | None = None,
) -> Sequence[Key] | None:
    """The keys of the lists of ``entities``: the areas (the query's entities)
    and the places inside them (the part of the key query marked ``#WITHIN``), each
    once, in the order :func:`kb.store.sparql.order_keys` gives; ``None`` when one
    of them has no list but may have keys (it is the object of a triple), or the
    places' keys cannot be read from lists, or the keys cannot be ordered here (as
    :func:`_merged`), or they are fewer than :data:`MIN_KEYS`. With ``others``
    (the query's other parameters, tested by :func:`_mentioning`), the lists
    are the entities' own, and only the lines that test keeps are read."""
    areas, places = entities
    within = _within_list(kind) if places else (kind, None)
    if within is None:
        return None
    lists, converted, own = [], False, False
    counts: Mapping[Key, int] | None = None
    # each own list's node and lines and its kept counts, for a key in several
    own_lists: list[tuple[ox.NamedNode, list[str]]] = []
    every: list[Mapping[Key, int] | None] = []
    # the rows of the converted lists' keys, as far as their own counts tell
    derived: _Derived | None = _Derived()
    for entity, (reader, convert) in chain(
        ((e, (kind, None)) for e in sorted(areas)),
        ((p, within) for p in sorted(places)),
    ):
        node = ox.NamedNode(entity)
        texts = _entity_texts(db, reader, node)
        if texts is None:
            if next(db.quads_for_pattern(None, None, node, _UNION), None) is None:
                continue  # one that no triple reaches, as a country no article names
            if entity not in areas or not _some_kept(db, kind, areas):
                return None  # a place's keys, or lists the index has none of
            # every key query part reaches its entity as an object: one whose list
            # no write made (an article's new "Varda officials", no claimant
            # yet) has its keys read for it alone, not the whole store's
            texts = _read_whole(db, reader, node)
            if texts is None:
                return None
        found = (texts[0].split("\n", 1)[0], _all_lines(*texts))
        if not found[1]:
            continue
        counts = _counts_of(db, reader, node, texts, bindings)
        if convert is None:
            lists.append(found)
            own_lists.append((node, found[1]))
            every.append(counts)
            own = True
            continue
        lists.append(convert(*found))
        converted = True
        if derived is not None and counts is not None:
            derived.add(found, counts, reader, convert, kind)
        else:
            derived = None
    if sum(len(lines) for _, lines in lists) < MIN_KEYS:
        return None
    if others:
        return _kept_merged(db, kind, others, lists, every)
    if len(lists) == 1 and not converted:
        # one list of the query's own (a country no article names, with one busy
        # town) is in order already, and the answer's rows are that list's
        # entity's: the others have no key
        return KeptKeys(lists[0][1], kind.columns, counts)
    if not converted:
        every = _short_counts(db, kind, own_lists, every, bindings)
        return _lazily_merged(kind, lists, every)
    ordered = _in_order(lists, len(kind.plan.order))
    if ordered is None:
        return None
    if own or derived is None:
        return KeptKeys(ordered, kind.columns)
    # every key is a place's (no article names the entity itself): its rows
    # are the converted lists' rows, as far as those tell
    return KeptKeys(ordered, kind.columns, derived.counts, derived.uncounted)


@dataclass
class _Derived:
    """The rows of timeline's keys for a place inside the entity, as far as
    that place's events-at counts tell (:mod:`kb.store.key_rows`): an events-at
    key has a row per label, type, article and place of the event inside the
    place (``?where``); a timeline key of the events at a place has a row per
    label, type and article (its ``?role`` is "place" alone when no triple
    reaches the entity itself, and the places are not selected). So an events-at
    key of one row or none has as many for timeline; one of several rows has as
    many as its labels, types and articles, which the count does not tell apart
    from its places: such a key is *uncounted*."""

    counts: dict[Key, int] = field(default_factory=dict)
    uncounted: set[Key] = field(default_factory=set)

    def add(
        self,
        found: tuple[str, list[str]],
        counts: Mapping[Key, int],
        reader: _Kind,
        convert: _Convert,
        kind: _Kind,
    ) -> None:
        """Take a place's list ``found`` (``reader``'s: its header and lines)
        and its ``counts``, its keys converted to ``kind``'s."""
        if not counts:
            return  # every key has one row
        header, lines = found
        odd = [line for line in lines if _key_of(line, reader.columns) in counts]
        rows = [counts[_key_of(line, reader.columns)] for line in odd]
        for line, n in zip(convert(header, odd)[1], rows, strict=True):
            key = _key_of(line, kind.columns)
            if n == 0 and key not in self.uncounted:
                self.counts[key] = 0
            else:  # several: by places, or labels, types and articles
                self.counts.pop(key, None)
                self.uncounted.add(key)


def _short_counts(
    db: ox.Store,
    kind: _Kind,
    owned: list[tuple[ox.NamedNode, list[str]]],
    counts: list[Mapping[Key, int] | None],
    bindings: Mapping[str, Node],
) -> list[Mapping[Key, int] | None]:
    """The counts of each list's keys' rows (its ``counts``, when it keeps them),
    or, for a list too short to keep them (fewer than :data:`MIN_KEYS` keys: a
    group one article names), counted now, when a merge adds them up: one query
    of those few keys' rows for every such list (``owned``: each list's entity
    and lines)."""
    if not kind.counted or kind.merging is None:
        return counts
    # a busy list whose counts do not match it stays uncounted: read as before
    short = [
        node
        for (node, lines), kept in zip(owned, counts, strict=True)
        if kept is None and len(lines) < MIN_KEYS
    ]
    if not short:
        return counts
    found = _counts(db, kind, short)
    out = list(counts)
    for at, (node, lines) in enumerate(owned):
        if node in short:
            keys = (_key_of(line, kind.columns) for line in lines)
            out[at] = _as_counts(
                db, kind, key_rows.of_keys(keys, found.get(node, {})), bindings
            )
    return out


def _lazily_merged(
    kind: _Kind,
    lists: list[tuple[str, list[str]]],
    counts: list[Mapping[Key, int] | None],
) -> MergedKeys | None:
    """The keys of ``kind``'s own lists (each a header of kinds and its lines,
    in order), merged as a page reads them (:class:`MergedKeys`), with their
    ``counts`` where each has them and they add up (:attr:`_Kind.merging`);
    ``None`` when this cannot order them (as :func:`_in_order`)."""
    kinds = _sortable(
        _column_kinds([_kinded(header) for header, _ in lists], len(kind.plan.order))
    )
    if not kinds:
        return None
    known = [c for c in counts if c is not None]
    columns = kind.columns
    merging = kind.merging if len(known) == len(counts) else None
    return MergedKeys(
        [lines for _, lines in lists],
        lambda line: _line_rank(line, kinds),
        lambda line: _key_of(line, columns),
        None if merging is None else known,
        summed=merging == "sum",
    )


def _in_order(lists: list[tuple[str, list[str]]], width: int) -> list[str] | None:
    """The lines of several lists (each a header of kinds and its lines) each
    once, in order; ``None`` when this cannot order them as
    :func:`kb.store.sparql.order_keys` would: it orders by the columns before the
    first it cannot order, and gives up on a tie in those."""
    kinds = _column_kinds([_kinded(header) for header, _ in lists], width)
    sortable = _sortable(kinds)
    if not sortable:
        return None
    lines = list(set(chain.from_iterable(lines for _, lines in lists)))
    ranks = _line_ranks(lines, sortable)
    order = sorted(range(len(lines)), key=ranks.__getitem__)
    if any(ranks[a] == ranks[b] for a, b in zip(order, order[1:], strict=False)):
        return None
    return [lines[i] for i in order]


def _line_ranks(lines: list[str], kinds: list[str]) -> list[Rank]:
    """:func:`_line_rank` of each of ``lines``, column by column (a Python call
    per term, not per line and term: thousands of lines are ranked per page)."""
    fields = [line.split("\t", len(kinds)) for line in lines]
    columns: list[list[tuple[int, str | int]]] = []
    for i, kind in enumerate(kinds):
        values = [_value(f[i]) for f in fields]
        if kind == "integer":
            columns.append([(0, 0) if v is None else (1, int(v)) for v in values])
        else:
            columns.append([(0, "") if v is None else (1, v) for v in values])
    return list(zip(*columns, strict=True))


#: How a place's list for another query becomes keys of the query: that list's
#: header and lines in, the query's header and lines (unordered) out.
_Convert = Callable[[str, list[str]], tuple[str, list[str]]]


def _within_list(kind: _Kind) -> tuple[_Kind, _Convert | None] | None:
    """The list whose keys a place inside the query's entity gives (and how its
    lines become the query's), or ``None`` when there is none: the query's own, if
    its key query reaches its entity only through its ``#WITHIN`` part (each
    place's keys are then its keys as the entity), else the one
    :data:`_WITHIN_LISTS` names."""
    if queries.within_only(kind.plan.query.text, kind.entity):
        return kind, None
    other = _WITHIN_LISTS.get(kind.query.name)
    if other is None:
        return None
    found = _kind(other[0])
    return None if found is None else (found, other[1])


_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
#: timeline's ``?undated`` (``IF(BOUND(?date), 0, 1)``) as a list holds it
_DATED, _UNDATED = (
    str(ox.Literal(n, datatype=ox.NamedNode(_XSD_INTEGER))) for n in "01"
)


def _events_as_timeline(header: str, lines: list[str]) -> tuple[str, list[str]]:
    """A place's events-at list (``?start ?event ?date``) as timeline keys
    (``?undated ?day ?event ?date``): the part of timeline's key query marked
    ``#WITHIN`` (the events whose ``kb:place`` is the place or a place inside it,
    and their dates) reads the same events and dates as events-at's key query
    with no date range, and ``?day`` is ``STR(?date)``."""
    _, event_kind, date_kind = header.split("\t")
    kinds = ["integer", "string" if date_kind else "", event_kind, date_kind]
    out = []
    for line in lines:
        _, event, date = line.split("\t")
        if not date:
            out.append(f"{_UNDATED}\t\t{event}\t")
            continue
        # STR(?date): its lexical form, written (escaped) as in the date's text
        day = date[: date.rindex('"') + 1]
        out.append(f"{_DATED}\t{day}\t{event}\t{date}")
    return "\t".join(kinds), out


#: For a query whose key query reaches its entity in other parts than the one
#: marked ``#WITHIN`` (timeline: as an agent or a participant too), the query
#: whose lists hold what that part reads for a place (events-at's), and how
#: their lines become the query's keys. ``tests/test_query_within.py`` checks
#: the merged keys against the key query. A key of one row or none there has as
#: many in the query, as far as :class:`_Derived` reads their counts.
_WITHIN_LISTS: dict[str, tuple[str, _Convert]] = {
    "timeline": ("events-at", _events_as_timeline)
}


class KeptKeys(Sequence[Key]):
    """A list's keys, each split from its line when it is read (a page reads
    few of thousands), and the counts of the rows of those that have other than
    one, when they are known (:mod:`kb.store.key_rows`)."""

    def __init__(
        self,
        lines: list[str],
        columns: Sequence[int],
        counts: Mapping[Key, int] | None = None,
        uncounted: AbstractSet[Key] = frozenset(),
    ) -> None:
        self._lines = lines
        self._columns = columns
        self.counts = counts
        self.uncounted = uncounted

    def start(self, offset: int) -> tuple[int, int] | None:
        """Where row ``offset`` of the answer is: the index of its key, and how
        many of that key's rows come before it; ``None`` when the rows of the
        keys are not counted. Where a key before it is ``uncounted`` (rows not
        known), the page starts at the first such key, and as many of the
        rows from it as are before row ``offset``."""
        return None if self.counts is None else self._find(offset, 0, 0)

    def _find(self, offset: int, first: int, before: int) -> tuple[int, int]:
        """:meth:`start`, from key ``first``, which has ``before`` rows before."""
        assert self.counts is not None
        if not self.counts and not self.uncounted:
            return min(offset, len(self)), max(0, offset - len(self))
        for at in range(first, len(self._lines)):
            key = self._key(self._lines[at])
            if key in self.uncounted:
                return at, offset - before
            found = self.counts.get(key, 1)
            if before + found > offset:
                return at, offset - before
            before += found
        return len(self), offset - before

    def end(self, row: int, first: int, before: int) -> int:
        """The index after the key of row ``row`` of the answer, or, when the
        answer has no such row, after its last key with a row: a page that
        ends there need not read the keys after it (a date range's keys past
        its last day have none); :func:`len` when the rows are not counted.
        Key ``first``, at or before row ``row``'s, has ``before`` rows before
        it."""
        if self.counts is None or self.uncounted:
            return len(self)
        at = self._find(row, first, before)[0]
        if at < len(self):
            return at + 1
        while at > 0 and self.counts.get(self._key(self._lines[at - 1]), 1) == 0:
            at -= 1
        return at

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._key(line) for line in self._lines[index]]
        return self._key(self._lines[index])

    def _key(self, line: str) -> Key:
        return _key_of(line, self._columns)


def _chunks(items: list[ox.NamedNode]) -> Iterator[list[ox.NamedNode]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
