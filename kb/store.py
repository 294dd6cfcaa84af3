"""The knowledge base on disk: a pyoxigraph store with one named graph per article,
each written in one transaction. Queries see the union of the article graphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Literal as KindLiteral

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kb.errors import StoreError, UsageError
from kb.namespaces import PREFIXES

__all__ = [
    "DEFAULT_STORE",
    "STORE_ENV",
    "QueryResult",
    "Store",
    "StoreStats",
    "Written",
    "to_oxigraph",
    "to_rdflib",
]

STORE_ENV = "KB_STORE"
#: The store used when neither ``--store`` nor ``$KB_STORE`` is given.
DEFAULT_STORE = "kb-store"

Term = URIRef | BNode | Literal
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Prefixes a query may use without declaring them (kb:, schema:, rdfs:, ...).
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
}
QueryKind = KindLiteral["select", "ask", "graph"]


#: Strings, IRIs and comments, which may hold any word without it being a keyword.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
#: ``SERVICE`` as a keyword, not inside a variable (?service) or prefixed name.
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def check_offline(sparql: str) -> None:
    """Refuse federated queries: oxigraph would really fetch a ``SERVICE`` IRI, and
    kb never makes network requests (nor lets a query make the server make them).

    >>> check_offline("SELECT ?service WHERE { ?service a kb:Event }")
    >>> check_offline("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kb.errors.UsageError: federated queries (SERVICE) are not allowed: kb never makes requests to other servers
    """
    if _SERVICE.search(_OPAQUE.sub(" ", sparql)):
        raise UsageError(
            "federated queries (SERVICE) are not allowed: kb never makes requests "
            "to other servers"
        )


@dataclass(frozen=True)
class QueryResult:
    """A query's answer as rdflib terms: rows for SELECT, a boolean for ASK, a graph
    for CONSTRUCT and DESCRIBE. ``None`` in a row is an unbound variable."""

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Term]]:
        """Rows as dicts of the bound variables only."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]


@dataclass(frozen=True)
class Written:
    """What one ``add_many`` wrote: triples, and articles left as they were."""

    triples: int
    unchanged: int = 0


@dataclass(frozen=True)
class StoreStats:
    """What a knowledge base holds."""

    articles: int
    triples: int
    classes: dict[str, int] = field(default_factory=dict)


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term.

    >>> to_oxigraph(Literal("hi", lang="en"))
    <Literal value=hi language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise UsageError(f"cannot store RDF term {term!r}")


def to_rdflib(term: object) -> Term:
    """A pyoxigraph term as an rdflib term; the lexical form is kept as is."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # RDF 1.1 simple literal, as rdflib writes it
        return Literal(
            term.value, datatype=URIRef(term.datatype.value), normalize=False
        )
    raise StoreError(f"unsupported RDF term in a result: {term!r}")


def _nt(triples: Iterable[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def _quads(
    target: ox.NamedNode | ox.DefaultGraph,
    graph: Graph,
    iris: dict[URIRef, ox.NamedNode],
) -> list[ox.Quad]:
    """The graph's triples as quads in ``target``; ``iris`` memoises IRIs, which
    repeat a lot (predicates, classes, shared entities)."""

    def term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(node, URIRef):
            found = iris.get(node)
            if found is None:
                found = iris[node] = ox.NamedNode(str(node))
            return found
        return to_oxigraph(node)

    quads = []
    for s, p, o in graph:
        subject, predicate = term(s), term(p)
        assert isinstance(predicate, ox.NamedNode)
        assert not isinstance(subject, ox.Literal)
        quads.append(ox.Quad(subject, predicate, term(o), target))
    return quads


_STARTED = ox.NamedNode("http://www.w3.org/ns/prov#startedAtTime")


def _drop_update(article: str) -> str:
    """Drop an article's graph, and the triples of the default graph (the union)
    that no other article states, in one transaction."""
    g = str(ox.NamedNode(article))
    return (
        "DELETE { ?s ?p ?o } WHERE { GRAPH " + g + " { ?s ?p ?o } "
        "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER (?other != "
        + g
        + ") } } ;\n"
        "DROP SILENT GRAPH " + g
    )


def _content(quads: Iterable[ox.Quad]) -> set[ox.Quad]:
    """An article graph's quads apart from its provenance time, which differs on
    every run that does not pin it."""
    return {q for q in quads if q.predicate != _STARTED}


def _as_stored(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads as the store gives them back: it keeps literals in canonical form
    ("6.0" becomes "6", "+00:00" becomes "Z")."""
    scratch = ox.Store()
    scratch.extend(quads)
    return list(scratch)


class Store:
    """An open knowledge base. ``Store(None)`` is an in-memory one (for tests and
    ``--data``); ``Store(path, read_only=True)`` opens an existing store for reading.

    >>> from rdflib import RDFS
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
        self._ox = self._open()

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if self.read_only and not (self.path / "CURRENT").exists():
            raise StoreError(
                f"{self.path}: no knowledge base here; create one with "
                f"'kb add ARTICLE --store {self.path}'"
            )
        try:
            if self.read_only:
                return ox.Store.read_only(str(self.path))
            return ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            hint = (
                "; another kb process (add, remove or serve?) has it open"
                if "lock" in str(exc).lower()
                else ""
            )
            raise StoreError(
                f"{self.path}: cannot open the store ({exc}){hint}"
            ) from exc

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
        """Flush writes and release the database, so another process (or a
        read-only ``Store``) can open it. A closed store cannot be used again."""
        if self.path is not None and not self.read_only and hasattr(self, "_ox"):
            self._ox.flush()
        # pyoxigraph has no close(): dropping the last reference closes RocksDB
        self.__dict__.pop("_ox", None)

    def add(self, article: str, graph: Graph) -> int:
        """Store ``graph`` as the named graph ``article``, replacing any old one.

        :returns: the number of triples written (0 when it was already stored).
        :raises StoreError: when the store cannot be written.
        """
        return self.add_many([(article, graph)]).triples

    def add_many(self, items: Iterable[tuple[str, Graph]]) -> Written:
        """Store several article graphs in one transaction, replacing old versions.

        An article already stored with the same content (apart from the provenance
        time) is left as it is, so adding it again changes nothing. An old version
        that differs is dropped first, in its own transaction: a crash in between
        leaves that article absent (adding it again restores it), never half-written.

        :raises StoreError: when the store cannot be written.
        """
        self._writable()
        iris: dict[URIRef, ox.NamedNode] = {}
        quads: list[ox.Quad] = []
        unchanged = written = 0
        try:
            for article, graph in items:
                name = ox.NamedNode(article)
                new = _quads(name, graph, iris)
                if self._ox.contains_named_graph(name):
                    old = self._ox.quads_for_pattern(None, None, None, name)
                    if _content(old) == _content(_as_stored(new)):
                        unchanged += 1
                        continue
                    self._ox.update(_drop_update(article))
                quads += new
                written += len(new)
                # the default graph is the de-duplicated union that queries read
                quads += [ox.Quad(q.subject, q.predicate, q.object) for q in new]
            self._ox.extend(quads)
        except (OSError, ValueError) as exc:
            where = self.path or "the store"
            raise StoreError(f"{where}: cannot store articles ({exc})") from exc
        return Written(written, unchanged)

    def remove(self, article: str) -> bool:
        """Drop an article's graph. :returns: whether it was there."""
        self._writable()
        name = ox.NamedNode(article)
        if not self._ox.contains_named_graph(name):
            return False
        self._ox.update(_drop_update(article))
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def articles(self) -> list[str]:
        """The IRIs of the stored articles, sorted."""
        return sorted(
            g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode)
        )

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
        return StoreStats(len(self.articles()), int(distinct[0][0] or 0), classes)

    def load_graph(self, graph: Graph) -> None:
        """Add triples to the default graph, replacing nothing: for ``--data``
        files, which are queried without article graphs."""
        self._ox.extend(_quads(ox.DefaultGraph(), graph, {}))

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
        substitutions: dict[
            ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
        ] = {
            ox.Variable(name): to_oxigraph(term)
            for name, term in (bindings or {}).items()
        }
        try:
            answer = self._ox.query(
                sparql,
                substitutions=substitutions or None,
                prefixes=_PREFIXES,
            )
            return _result(answer, max_rows)
        except SyntaxError as exc:
            raise UsageError(f"the query does not parse: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the query failed: {exc}") from exc


def _result(answer: object, max_rows: int | None = None) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(
            tuple(None if s[i] is None else to_rdflib(s[i]) for i in range(len(names)))
            for s in islice(answer, max_rows)
        )
        return QueryResult("select", names, rows)
    assert isinstance(answer, ox.QueryTriples)
    graph = Graph()
    for triple in islice(answer, max_rows):
        graph.add(tuple(to_rdflib(t) for t in triple))  # type: ignore[arg-type]
    return QueryResult("graph", graph=graph)


def open_files(graphs: Iterable[Graph]) -> Store:
    """An in-memory store holding the given graphs, for querying exported files."""
    store = Store()
    for graph in graphs:
        store.load_graph(graph)
    return store
