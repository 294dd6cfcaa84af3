"""The knowledge base on disk: a pyoxigraph store with one named graph per article,
each written in one transaction. Queries see the union of the article graphs; a name
index beside them (:mod:`kb.store.name_index`) lets named queries look names up."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kb.defaults import DEFAULT_STORE, STORE_ENV
from kb.errors import StoreError, UsageError
from kb.rdf.namespaces import KB, SCHEMA
from kb.store import bulk, ordered_keys, within
from kb.store.graphs import (
    _as_stored,
    _content,
    _drop_update,
    _is_plain,
    _nt,
    _quads,
    _trig,
    _triples,
)
from kb.store.name_index import (
    _INDEX,
    _TYPE,
    Fact,
    _facts,
    _indexed_triples,
    catch_up,
    is_indexed,
    lookup_articles,
    lookup_entities,
    new_keys,
    stale_keys,
    upgrade,
)
from kb.store.queries import NamedQuery
from kb.store.sparql import (
    Key,
    QueryResult,
    check_offline,
    read_keys,
    run_sparql,
    to_substitutions,
)

__all__ = [
    "DEFAULT_STORE",
    "STORE_ENV",
    "Store",
    "StoreStats",
    "Written",
    "is_store",
    "no_store",
    "open_files",
]

_LOCATION = ox.NamedNode(str(KB.Location))
# What names an article for a reader, best first; the body's start is the last resort.
_NAMING = tuple(
    ox.NamedNode(str(p)) for p in (SCHEMA.headline, SCHEMA.url, SCHEMA.identifier)
)
_BODY = ox.NamedNode(str(SCHEMA.articleBody))


@dataclass(frozen=True)
class Written:
    """What one ``add_many`` wrote: triples, and articles left as they were."""

    triples: int
    unchanged: int = 0


#: A file every write to the store rewrites, after the transaction commits: a reader
#: holding a snapshot (``kb serve``'s workers) reopens when its content changes.
GENERATION_FILE = "kb-generation"
#: Writes flush the database after this many triples since its last flush (and
#: when the store closes): a read-only open replays what is not flushed, which
#: took seconds after a large load, but a flush after every batch left many small
#: files that made the session's own reads (the kept keys' settling) several
#: times slower, and took a fifth of the write time.
FLUSH_AFTER_TRIPLES = 200_000


def is_store(path: Path) -> bool:
    """Whether ``path`` holds a knowledge base: the file every RocksDB database
    (an oxigraph store) has."""
    return (path / "CURRENT").exists()


def no_store(path: Path) -> StoreError:
    """The error for a folder that holds no knowledge base, with the fix."""
    return StoreError(
        f"{path}: no knowledge base here; create one with 'kb add ARTICLE --store {path}'"
    )


@dataclass(frozen=True)
class StoreStats:
    """What a knowledge base holds."""

    articles: int
    triples: int
    classes: dict[str, int] = field(default_factory=dict)
    #: People named in two articles or more: one node per name, so namesakes are one.
    shared_people: int = 0


class Store:
    """An open knowledge base. ``Store(None)`` is an in-memory one (for tests and
    ``--data``); ``Store(path, read_only=True)`` opens an existing store for reading.

    >>> from rdflib import RDFS, Literal
    >>> g = Graph().add((URIRef("http://example.org/a"), RDFS.label, Literal("A")))
    >>> with Store() as kb:
    ...     kb.add("http://example.org/article/1", g)
    ...     kb.query("SELECT ?l WHERE { ?s ?p ?l }").rows
    1
    ((rdflib.term.Literal('A'),),)
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._generation = self.generation()
        self._ox = self._open()
        self._indexed: bool | None = None  # whether the name index covers the store
        # what this session's writes changed that kept keys follow (see
        # kb.store.ordered_keys); None before its first write
        self._pending: ordered_keys.Pending | None = None
        self._unflushed = 0  # triples written since the last flush

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if self.read_only and not is_store(self.path):
            raise no_store(self.path)
        try:
            if self.read_only:
                return ox.Store.read_only(str(self.path))
            return ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            hint = (
                "; another kb process (kb add or kb remove) is writing to it: wait for it to finish"
                if "lock" in str(exc).lower()
                else ""
            )
            raise StoreError(
                f"{self.path}: cannot open the store ({exc}){hint}"
            ) from exc

    def generation(self) -> str:
        """What the store's last write left in :data:`GENERATION_FILE` ("" before
        any): a cheap way to tell that the store changed."""
        if self.path is None:
            return ""
        try:
            return (self.path / GENERATION_FILE).read_text("ascii")
        except OSError:
            return ""

    def refresh(self) -> bool:
        """Reopen a read-only store when it was written since it was opened (a
        read-only store is a snapshot). :returns: whether it reopened."""
        if not self.read_only:
            return False
        now = self.generation()
        if now == self._generation:
            return False
        self._ox = self._open()
        self._generation = now
        self._indexed = None
        return True

    def _written(self, triples: int = 0) -> None:
        """Mark a committed write of ``triples`` for readers (see :meth:`refresh`).
        Flushed first once :data:`FLUSH_AFTER_TRIPLES` are not: a read-only open
        replays the unflushed log, which took seconds after a large load where a
        flushed store reopens in tens of milliseconds."""
        if self.path is not None:
            self._unflushed += triples
            if self._unflushed >= FLUSH_AFTER_TRIPLES:
                self._ox.flush()
                self._unflushed = 0
            marker = self.path / GENERATION_FILE
            marker.write_text(f"{time.time_ns()}-{os.getpid()}", "ascii")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Settle the kept keys (:meth:`settle`), flush writes and release the
        database, so another process (or a read-only ``Store``) can open it. A
        closed store cannot be used again."""
        if hasattr(self, "_ox") and self._pending is not None:
            self.settle()
        if self.path is not None and not self.read_only and hasattr(self, "_ox"):
            self._ox.flush()
        # pyoxigraph has no close(): dropping the last reference closes RocksDB
        self.__dict__.pop("_ox", None)

    def add(self, article: str, graph: Graph | str) -> int:
        """Store ``graph`` as the named graph ``article``, replacing any old one.

        :param graph: the article's graph, as N-Triples text (the fast form) or as
            an rdflib graph.
        :returns: the number of triples written (0 when it was already stored).
        :raises StoreError: when the store cannot be written.
        """
        return self.add_many([(article, graph)]).triples

    def add_many(self, items: Iterable[tuple[str, Graph | str]]) -> Written:
        """Store several article graphs in one transaction, replacing old versions.
        Each graph is N-Triples text or an rdflib graph, as for :meth:`add`.

        An article already stored with the same content (apart from the provenance
        time) is left as it is, so adding it again changes nothing. An old version
        that differs is dropped first, in its own transaction: a crash in between
        leaves that article absent (adding it again restores it), never half-written.
        The same transaction writes each triple to the default graph (the union)
        and each name to the name index.

        :raises StoreError: when the store cannot be written, or a text is not
            N-Triples.
        """
        self._writable()
        batch = list(items)
        if not batch:
            return Written(0)  # nothing to write: no write prepared, none marked
        try:
            self._prepare_write()
            texts = [(a, d) for a, d in batch if isinstance(d, str) and _is_plain(d)]
            if len(texts) == len(batch):
                written = self._add_texts(texts)
            else:
                written = self._add_quads(batch)
            self._written(written.triples)
            return written
        except (OSError, ValueError, SyntaxError) as exc:
            where = self.path or "the store"
            raise StoreError(f"{where}: cannot store articles ({exc})") from exc

    def settle(self) -> None:
        """Write again the kept keys of the entities this session's writes touched
        (see :mod:`kb.store.ordered_keys`), so that their pages read them; until
        then readers ask the key queries. Closing the store does this."""
        if self._pending is None:
            return
        ordered_keys.settle(self._ox, self._pending)
        self._pending = None
        self._written()

    def _write(
        self, triples: Callable[[], Sequence[ox.Quad]], write: Callable[[], None]
    ) -> None:
        """``write()``, which adds ``triples()`` (the keyed ones at least) to the
        union, noted for the kept keys (see :meth:`ordered_keys.Pending.write`)."""
        assert self._pending is not None, "writes are prepared"
        self._pending.write(self._ox, triples, write)

    def _unchanged(self, name: ox.NamedNode, new: list[ox.Quad]) -> bool:
        """Whether the stored article ``name`` has the content of ``new``; when it
        differs, the old version is dropped."""
        if not self._ox.contains_named_graph(name):
            return False
        old = self._ox.quads_for_pattern(None, None, None, name)
        if _content(old) == _content(_as_stored(new)):
            return True
        self._drop(name)
        return False

    def _add_quads(self, batch: list[tuple[str, Graph | str]]) -> Written:
        iris: dict[URIRef, ox.NamedNode] = {}
        quads: list[ox.Quad] = []
        facts: list[Fact] = []
        unchanged = written = 0
        for article, data in batch:
            name = ox.NamedNode(article)
            triples = _triples(data, iris)
            new = [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples]
            if self._unchanged(name, new):
                unchanged += 1
                continue
            quads += new
            # the default graph is the de-duplicated union that queries read
            quads += triples
            facts += _facts(triples)
            written += len(new)
        index = new_keys(self._ox, facts)
        self._write(lambda: quads, partial(self._ox.extend, [*quads, *index]))
        return Written(written, unchanged)

    def _add_texts(self, batch: list[tuple[str, str]]) -> Written:
        """The fast way to add plain N-Triples (:func:`_is_plain`): one TriG
        document, the text once in the article's graph and once in the default
        graph, parsed and written by oxigraph in one transaction, with no RDF term
        made in Python but those the index keys are made of."""
        new, keys, unchanged = self._changed_texts(batch)
        document: list[str] = []
        for name, text in new:
            document += [str(name), " {\n", text, "}\n{\n", text, "}\n"]
        if document:
            load = partial(
                self._ox.load, "".join(document) + keys, format=ox.RdfFormat.TRIG
            )
            self._write(partial(_keyed_triples, new), load)
        return Written(_count(new), unchanged)

    def _changed_texts(
        self, batch: list[tuple[str, str]]
    ) -> tuple[list[tuple[ox.NamedNode, str]], str, int]:
        """The articles of ``batch`` to write (an old, different version is dropped
        first), their name keys as TriG, and how many were stored already."""
        new: list[tuple[ox.NamedNode, str]] = []
        facts: list[Fact] = []
        unchanged = 0
        for article, text in batch:
            name = ox.NamedNode(article)
            if self._ox.contains_named_graph(name):
                stored = [
                    ox.Quad(t.subject, t.predicate, t.object, name)
                    for t in _triples(text, {})
                ]
                if self._unchanged(name, stored):
                    unchanged += 1
                    continue
            new.append((name, text))
            facts += _facts(_indexed_triples(text))
        keys = new_keys(self._ox, facts)
        return new, _trig(keys) if keys else "", unchanged

    def add_bulk(self, items: Iterable[tuple[str, str]]) -> Written:
        """Store article graphs given as plain N-Triples (as :meth:`add_many`), through
        oxigraph's bulk loader: about twice as fast for large loads, but not one
        transaction. Readers that open the store during the load may see part of
        it; a load that is stopped is repaired by the next write (see
        :mod:`kb.store.bulk`), so no article stays half-written.

        :raises StoreError: when the store cannot be written, or a text is not plain
            N-Triples (nothing of that batch is kept).
        """
        self._writable()
        batch = list(items)
        if not batch:
            return Written(0)  # as add_many: readers have nothing to reopen
        try:
            self._prepare_write()
            odd = [a for a, text in batch if not _is_plain(text)]
            if odd:
                raise ValueError(f"{odd[0]} is not plain N-Triples")
            new, keys, unchanged = self._changed_texts(batch)
            if new:
                self._write(
                    partial(_keyed_triples, new),
                    partial(bulk.load, self._ox, new, keys),
                )
            self._written()
            return Written(_count(new), unchanged)
        except (OSError, ValueError, SyntaxError) as exc:
            where = self.path or "the store"
            raise StoreError(f"{where}: cannot store articles ({exc})") from exc

    def suits_bulk(self, articles: int) -> bool:
        """Whether a load of about ``articles`` articles should go through
        :meth:`add_bulk` when its caller did not choose: when it builds the store,
        which is on disk, holds no article yet, and the load is at least
        :data:`kb.store.bulk.AUTO_BULK_ARTICLES` (the bulk loader gains on large
        loads only, and a store being built has no reader that a partial load
        could mislead)."""
        if self.path is None or articles < bulk.AUTO_BULK_ARTICLES:
            return False
        return all(g == _INDEX for g in self._ox.named_graphs())

    def repair(self) -> list[str]:
        """Finish or undo a bulk load that was stopped (see :mod:`kb.store.bulk`);
        every write does this first. :returns: the articles it dropped."""
        self._writable()
        dropped = bulk.repair(self._ox)
        self._written()
        return dropped

    def optimize(self) -> None:
        """Compact the database after a large load, so that queries read fewer
        files."""
        self._writable()
        self._ox.optimize()

    def remove(self, article: str) -> bool:
        """Drop an article's graph, named by its IRI or by its URL (as the named
        queries take it). :returns: whether it was there.

        :raises UsageError: when ``article`` is no IRI at all.
        """
        self._writable()
        bulk.repair(self._ox)
        try:
            name = ox.NamedNode(article.strip())
        except ValueError:
            raise UsageError(
                f"{article!r} is not an article IRI; kb stats --articles lists them"
            ) from None
        names = [name] if self._holds(name) else self._stored_at(name.value)
        if not names:
            return False
        self._prepare_write()
        for each in names:
            self._drop(each)
        self._written()
        return True

    def _stored_at(self, url: str) -> list[ox.NamedNode]:
        """The stored articles whose ``schema:url`` is ``url``: a page's address is
        what a user has at hand, its article's IRI a hash of it."""
        found = (ox.NamedNode(iri) for iri in self.articles_at(url) or ())
        return [name for name in found if self._holds(name)]

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def _has_index(self) -> bool:
        if self._indexed is None:
            self._indexed = is_indexed(self._ox)
        return self._indexed

    def _prepare_write(self) -> None:
        """Repair what a stopped bulk load left (see :mod:`kb.store.bulk`), bring
        the name index up to date, and mark the kept keys stale, before a write."""
        bulk.repair(self._ox)
        rebuilt = self._index_catch_up()
        if self._pending is None:
            # a mark this session did not set: a writer stopped before it settled
            everyone = rebuilt or ordered_keys.is_stale(self._ox)
            ordered_keys.mark_stale(self._ox)
            self._pending = ordered_keys.Pending(everyone)
            # a version 4 index lacks some queries' lists: written when it settles
            if upgrade(self._ox):
                self._pending.kinds |= ordered_keys.SINCE_VERSION_5
            # lists written before their query counted their keys' rows
            self._pending.recount = ordered_keys.lacks_counts(self._ox)

    def _index_catch_up(self) -> bool:
        """Give a store made before the name index existed, or with an older one
        (or a new store), the index and its mark, before the write: an index
        covering the store is correct whether the write that follows succeeds or
        not. :returns: whether it did (and so dropped every kept key)."""
        if self._has_index():
            return False
        catch_up(self._ox)
        self._indexed = True
        return True

    def _drop(self, article: ox.NamedNode) -> None:
        """Drop an article's graph, the triples of the union that only it states,
        and the index keys that only it supports, in one transaction."""
        assert self._pending is not None, "writes are prepared"
        self._pending.drop(self._ox, article, partial(self._drop_now, article))

    def _drop_now(self, article: ox.NamedNode) -> None:
        update = _drop_update(article.value)
        stale = stale_keys(self._ox, article)
        named = [q for q in stale if isinstance(q.subject, ox.NamedNode)]
        if named:
            # terms as oxigraph writes them: escaped, so each stays one term
            data = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in named)
            update = f"DELETE DATA {{ GRAPH {_INDEX} {{ {data} }} }} ;\n{update}"
        self._ox.update(update)
        for quad in stale:
            # DELETE DATA cannot name a blank node; kb's own graphs have none, and
            # a key left behind by a crash here only makes a lookup find more
            # candidates, which the queries' own name test then drops
            if isinstance(quad.subject, ox.BlankNode):
                self._ox.remove(quad)

    def entities_named(
        self, name: str, *, last_words: bool = True
    ) -> list[URIRef] | None:
        """The entities a named query's name parameter matches, found in the name
        index: the actors and places (nodes with a type among
        :data:`kb.store.name_index.ENTITY_CLASSES`) with a label or alternate name
        equal to ``name`` in any case (or, with ``last_words``, ending in it after a
        space), and the one whose IRI is ``name`` if it has a name. These are
        exactly the entities that the queries' name test
        (:data:`kb.store.queries.NAME_TEST`) accepts.

        :returns: IRIs, sorted; ``None`` when the store has no name index, or a
            match is a blank node (which a ``VALUES`` block cannot name), so the
            query must test the names itself.
        """
        if not self._has_index():
            return None
        return lookup_entities(self._ox, name, last_words=last_words)

    def places_within(
        self, areas: Sequence[URIRef], name: str
    ) -> dict[URIRef, list[URIRef]]:
        """The store's places that the gazetteer puts inside ``areas`` (the
        entities ``name`` stands for), or, when none of them is the gazetteer's,
        inside the country ``name`` names (which the store need not hold), whether
        or not an article linked them by ``schema:containedInPlace``
        (:mod:`kb.store.within`): for each such area, a country, its places here.
        An area with none is left out."""
        known = [area for area in areas if within.gazetteer_place(str(area))]
        if not known:
            country = within.country_named(name)
            known = [country] if country is not None else []
        found = {
            area: [p for p in within.inside(area) if self._is_place(p)]
            for area in known
        }
        return {area: inner for area, inner in found.items() if inner}

    def _is_place(self, iri: URIRef) -> bool:
        return ox.Quad(ox.NamedNode(iri), _TYPE, _LOCATION) in self._ox

    def articles_at(self, iri_or_url: str) -> list[URIRef] | None:
        """What an article parameter (an article's IRI or URL) can stand for: the
        IRI itself, and whatever has that ``schema:url``, found in the index.

        :returns: IRIs, sorted, or ``None`` as for :meth:`entities_named`.
        """
        if not self._has_index():
            return None
        return lookup_articles(self._ox, iri_or_url)

    def has_article(self, iri: str) -> bool:
        """Whether the store holds the article graph ``iri``."""
        try:
            return self._holds(ox.NamedNode(iri))
        except ValueError:  # no IRI
            return False

    def _holds(self, name: ox.NamedNode) -> bool:
        return name != _INDEX and self._ox.contains_named_graph(name)

    def articles(self) -> list[str]:
        """The IRIs of the stored articles, sorted."""
        return sorted(
            g.value
            for g in self._ox.named_graphs()
            if isinstance(g, ox.NamedNode) and g != _INDEX
        )

    def article_titles(self) -> list[tuple[str, str]]:
        """``(IRI, title)`` of each stored article, sorted by IRI: its headline,
        else its URL, else its identifier, else the start of its text."""
        return [(a, self._title_of(ox.NamedNode(a))) for a in self.articles()]

    def _title_of(self, article: ox.NamedNode) -> str:
        for prop in (*_NAMING, _BODY):
            for quad in self._ox.quads_for_pattern(article, prop, None, article):
                if isinstance(quad.object, ox.Literal | ox.NamedNode):
                    return quad.object.value
        return ""

    def article_graph(self, article: str) -> bytes:
        """One article's graph as N-Triples."""
        quads = self._ox.quads_for_pattern(None, None, None, ox.NamedNode(article))
        return _nt(q.triple for q in quads)

    def article_graphs(self) -> Iterator[tuple[str, bytes]]:
        """``(article IRI, N-Triples)`` for every stored article, in IRI order."""
        for article in self.articles():
            yield article, self.article_graph(article)

    def stats(self) -> StoreStats:
        """How many articles and triples the store holds, and nodes per class."""
        counts = self.query(
            "SELECT ?class (COUNT(DISTINCT ?node) AS ?n) "
            "WHERE { ?node a ?class } GROUP BY ?class"
        )
        classes = {
            str(row[0]): int(row[1])
            for row in counts.rows
            if row[0] is not None and row[1] is not None
        }
        distinct = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
        articles = len(self.articles())
        triples = int(distinct[0][0] or 0)
        return StoreStats(articles, triples, classes, self._shared_people())

    def _shared_people(self) -> int:
        """How many people two article graphs or more describe (the name index is
        no article, and holds no types)."""
        rows = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT ?p WHERE { "
            f"GRAPH ?g {{ ?p a <{KB.Person}> }} }} "
            "GROUP BY ?p HAVING (COUNT(DISTINCT ?g) > 1) }"
        ).rows
        return int(rows[0][0] or 0) if rows else 0

    def load_graph(self, graph: Graph) -> None:
        """Add triples to the default graph, replacing nothing: for ``--data``
        files, which are queried without article graphs."""
        self._writable()
        self._prepare_write()
        triples = _quads(ox.DefaultGraph(), graph, {})
        index = new_keys(self._ox, _facts(triples))
        self._write(lambda: triples, partial(self._ox.extend, [*triples, *index]))
        self._written()

    def kept_keys(
        self,
        query: NamedQuery,
        bindings: Mapping[str, Node],
        widen: ordered_keys.Widen | None = None,
    ) -> Sequence[Key] | None:
        """The keys of ``query``'s answer kept in order for the entity its name
        parameter names (see :func:`kb.store.ordered_keys.stored_keys`), or
        ``None`` when the store keeps none for it. ``widen`` finds the places
        inside an entity (:meth:`places_within`, unless given)."""
        if not self._has_index():
            return None
        return ordered_keys.stored_keys(
            self._ox, query, bindings, widen or self.places_within
        )

    def keys(
        self,
        sparql: str,
        bindings: Mapping[str, Node],
        order: Sequence[str],
        keys: Sequence[str],
    ) -> list[Key] | None:
        """The keys a key query finds, ordered here (see
        :func:`kb.store.sparql.read_keys`, which says when it returns ``None``)."""
        check_offline(sparql)
        return read_keys(self._ox, sparql, to_substitutions(bindings), order, keys)

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all article
        graphs (each triple once), and ``GRAPH ?article { … }`` reaches one article.

        :param bindings: variable name → RDF term, substituted as terms (never as
            query text), so a value cannot change the query.
        :param max_rows: stop reading the answer after this many rows (or triples),
            so a huge answer costs no more memory than that.
        :raises UsageError: when the query does not parse.
        """
        check_offline(sparql)
        substitutions = to_substitutions(bindings)
        return run_sparql(self._ox, sparql, substitutions, max_rows)


def _keyed_triples(texts: list[tuple[ox.NamedNode, str]]) -> list[ox.Quad]:
    """The triples of plain N-Triples texts that the kept keys follow (see
    :func:`kb.store.ordered_keys.keyed_lines`)."""
    return [t for _, text in texts for t in ordered_keys.keyed_lines(text)]


def _count(texts: list[tuple[ox.NamedNode, str]]) -> int:
    """Triples in plain N-Triples texts, each line once (lines end in a newline)."""
    return sum(len(set(text.split("\n"))) - 1 for _, text in texts)


def open_files(graphs: Iterable[Graph]) -> Store:
    """An in-memory store holding the given graphs, for querying exported files."""
    store = Store()
    for graph in graphs:
        store.load_graph(graph)
    return store
