"""A page of a named query's answer on the store, read in two steps: the keys of the
whole answer in order (a cheap query), then the rows of the page's keys alone."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from rdflib import URIRef
from rdflib.term import Node

from kb.store import queries
from kb.store.embedded import Store
from kb.store.merged_keys import MergedKeys, Unordered
from kb.store.ordered_keys import KeptKeys
from kb.store.sparql import Key, QueryResult
from kb.store.terms import Term

__all__ = ["read_page"]

#: The fewest keys whose rows one query reads: fewer cost about as much.
_FEWEST_KEYS = 16


def read_page(
    store: Store,
    query: queries.NamedQuery,
    bindings: Mapping[str, Node],
    limit: int,
    offset: int = 0,
) -> QueryResult | None:
    """Rows ``offset`` to ``offset + limit`` of the answer to ``query`` (which must
    have a key query), and one more row when there is one, so that the caller can
    tell; the same rows as ``LIMIT limit + 1 OFFSET offset`` on the whole answer.

    oxigraph orders every row of an answer before it skips and cuts, so a page of
    ``LIMIT``/``OFFSET`` costs as much as the whole answer. Here the key query
    finds only the keys (the pairs of claims, say), which the store orders (or
    the store has them in order already, kept for a busy entity at write time:
    :mod:`kb.store.ordered_keys`); the
    rows of the first keys are then read, some keys at a time, until the page is
    full. The query orders its rows by the keys first, and every key's rows follow
    one another, so the rows of the keys in order are the answer in order.

    A key may have several rows or none, so the page's first key is not the
    ``offset``-th: where the store counted the rows of a busy entity's keys
    (:mod:`kb.store.key_rows`), the page starts at its own key; otherwise the
    rows of every key before it are read (a key's rows cost about as much to
    count as to read).

    :returns: the rows, or ``None`` when the store cannot order the keys (see
        :func:`kb.store.sparql.read_keys`): then the page must be read from the
        whole answer.
    """
    plan = query.keys
    assert plan is not None, f"{query.name} has no key query"
    lookup = _Asked(store)
    kept = store.kept_keys(query, bindings, lookup.places_within)
    if kept is not None:
        try:
            return _rows_of(store, query, bindings, lookup, kept, (limit, offset))
        except Unordered:
            pass  # lists merged as far as a page read them tie: as the key query
    text = plan.unordered(queries.for_store(plan.query, bindings, lookup))
    keys = store.keys(text, bindings, plan.order, plan.variables)
    if keys is None:
        return None
    return _rows_of(store, query, bindings, lookup, keys, (limit, offset))


def _rows_of(
    store: Store,
    query: queries.NamedQuery,
    bindings: Mapping[str, Node],
    lookup: _Asked,
    keys: Sequence[Key],
    page: tuple[int, int],
) -> QueryResult:
    """The page's rows (``page``: its limit and offset) read from the rows of
    ``keys``, the answer's keys in order."""
    plan = query.keys
    assert plan is not None
    limit, offset = page
    text = queries.for_store(query, bindings, lookup)
    # where the page starts, when the store counted the rows of the keys
    start = keys.start(offset) if isinstance(keys, KeptKeys | MergedKeys) else None
    first, skip = (0, offset) if start is None else start
    # where the page's keys end: the key of its last row, or, unknown, the
    # keys' end (merged lists: found by reading on, not by merging them all)
    end: int | None = None
    if start is not None:
        assert isinstance(keys, KeptKeys | MergedKeys)
        end = keys.end(offset + limit, first, offset - skip)
    elif not isinstance(keys, MergedKeys):
        end = len(keys)
    wanted = skip + limit + 1
    rows: list[tuple[Term | None, ...]] = []
    done = first
    while True:
        more = _how_many(wanted - len(rows), len(rows), done - first)
        stop = done + more if end is None else min(done + more, end)
        some = keys[done:stop]
        result = store.query(queries.restrict(text, plan.variables, some), bindings)
        rows += result.rows
        done += len(some)
        # the keys ended, or the page's did, or its rows are read
        if done < stop or (end is not None and done >= end) or len(rows) >= wanted:
            return replace(result, rows=tuple(rows[skip:wanted]))


def _how_many(missing: int, rows: int, keys: int) -> int:
    """How many keys to read next for ``missing`` more rows, when ``keys`` keys gave
    ``rows`` rows so far: as many as the rows a key gave would need, and a fifth
    more, or twice as many as before when none gave a row."""
    if keys == 0:
        return max(missing, _FEWEST_KEYS)
    if rows == 0:
        return 2 * keys
    return max(math.ceil(missing * keys / rows * 1.2), _FEWEST_KEYS)


@dataclass
class _Asked:
    """The store's lookups (:class:`kb.store.queries.Lookup`) for one page, the
    places inside an entity found once: the kept keys, the key query and the
    rows query ask for them (a country's: about 10 ms on a 10 000-article
    store)."""

    store: Store
    _within: dict[tuple[tuple[URIRef, ...], str], dict[URIRef, list[URIRef]]] = field(
        default_factory=dict
    )

    def entities_named(
        self, name: str, *, last_words: bool = True
    ) -> list[URIRef] | None:
        return self.store.entities_named(name, last_words=last_words)

    def articles_at(self, iri_or_url: str) -> list[URIRef] | None:
        return self.store.articles_at(iri_or_url)

    def places_within(
        self, areas: Sequence[URIRef], name: str
    ) -> dict[URIRef, list[URIRef]]:
        key = (tuple(areas), name)
        if key not in self._within:
            self._within[key] = self.store.places_within(areas, name)
        return self._within[key]
