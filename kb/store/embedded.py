"""The knowledge base on disk: a pyoxigraph store with one named graph per article,
each written in one transaction. Queries see the union of the article graphs; a name
index beside them lets named queries look names up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Literal as KindLiteral

import pyoxigraph as ox
from rdflib import RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kb.errors import StoreError, UsageError
from kb.rdf.namespaces import PREFIXES, SCHEMA

__all__ = [
    "DEFAULT_STORE",
    "NAME_INDEX",
    "STORE_ENV",
    "QueryResult",
    "Store",
    "StoreStats",
    "Written",
    "fold",
    "fold_all",
    "last_words",
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


def _triples(data: Graph | str, iris: dict[URIRef, ox.NamedNode]) -> list[ox.Quad]:
    """An article graph, given as N-Triples text or as an rdflib graph, as quads of
    the default graph. Text is parsed by oxigraph in one call, far faster than
    converting rdflib terms one by one. Its blank nodes are renamed, as the labels
    of one N-Triples document mean nothing in another (an rdflib ``BNode`` keeps
    its id)."""
    if isinstance(data, str):
        parsed = ox.parse(data, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True)
        return list(dict.fromkeys(parsed))  # a line may repeat
    return _quads(ox.DefaultGraph(), data, iris)


_STARTED = ox.NamedNode("http://www.w3.org/ns/prov#startedAtTime")
_DEFAULT = ox.DefaultGraph()

# --- the name index -------------------------------------------------------------

#: The named graph of the name index (never an article). For every label and
#: alternate name in the union it holds ``?entity <urn:newskb:name> "name"`` (in
#: lower case, as ``LCASE`` writes it) and ``?entity <urn:newskb:lastWords> "…"``
#: for what follows each space in the name; for every ``schema:url``, ``?article
#: <urn:newskb:url> "url"``. A named query's name parameter then finds its entities
#: with one lookup, where testing every label in the store grows with the store.
NAME_INDEX = "urn:newskb:names"
_INDEX = ox.NamedNode(NAME_INDEX)
_NAME_KEY = ox.NamedNode("urn:newskb:name")
_LAST_WORDS_KEY = ox.NamedNode("urn:newskb:lastWords")
_URL_KEY = ox.NamedNode("urn:newskb:url")
#: In the index once it covers the whole store. A store written before the index
#: existed has no mark: queries scan its names, and its next write builds it.
_INDEX_MARK = ox.Quad(
    _INDEX, ox.NamedNode("urn:newskb:indexVersion"), ox.Literal("1"), _INDEX
)
_LABEL = ox.NamedNode(str(RDFS.label))
_ALTERNATE_NAME = ox.NamedNode(str(SCHEMA.alternateName))
_URL = ox.NamedNode(str(SCHEMA.url))
_NAME_PREDICATES = (_LABEL, _ALTERNATE_NAME)
_INDEXED = (_LABEL, _ALTERNATE_NAME, _URL)
_LCASE = "SELECT ?text (LCASE(?text) AS ?folded) WHERE { VALUES ?text { %s } }"
#: An empty store that only evaluates ``LCASE`` (see :func:`fold_all`).
_FOLDER = ox.Store()

Subject = ox.NamedNode | ox.BlankNode
#: What the index keeps keys of: a subject, an indexed predicate, and the text of
#: the object (as ``STR()`` gives it: an IRI's, or a literal's lexical form).
Fact = tuple[Subject, ox.NamedNode, str]


def fold_all(texts: Iterable[str]) -> dict[str, str]:
    """Each text in lower case, exactly as oxigraph's SPARQL ``LCASE`` writes it,
    which is what the named queries compare names with. ASCII is lowered by Python
    (the same, and fast); other text by oxigraph itself, in one query, because
    Python and oxigraph may follow different Unicode versions (a letter added
    since, or the context rule of a final sigma, would lower differently).

    >>> fold_all(["Maria OKAFOR", "ΟΔΟΣ"])
    {'Maria OKAFOR': 'maria okafor', 'ΟΔΟΣ': 'οδος'}
    """
    folded: dict[str, str] = {}
    other = set()
    for text in texts:
        if text.isascii():
            folded[text] = text.lower()
        else:
            other.add(text)
    if other:
        # literals as oxigraph writes them: escaped, so each stays one term
        values = " ".join(str(ox.Literal(text)) for text in other)
        rows = _FOLDER.query(_LCASE % values)
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            text, lower = row["text"], row["folded"]
            assert isinstance(text, ox.Literal) and isinstance(lower, ox.Literal)
            folded[text.value] = lower.value
    return folded


def fold(text: str) -> str:
    """``text`` as SPARQL ``LCASE`` writes it (see :func:`fold_all`).

    >>> fold("Ὀδυσσεύς")
    'ὀδυσσεύς'
    """
    return fold_all([text])[text]


def last_words(folded: str) -> Iterator[str]:
    """What follows each space in a (folded) name: the values a parameter matches
    the name by as its last words (``STRENDS(LCASE(?name), CONCAT(" ", …))``).

    >>> list(last_words("maria da silva"))
    ['da silva', 'silva']
    """
    space = folded.find(" ")
    while space >= 0:
        yield folded[space + 1 :]
        space = folded.find(" ", space + 1)


def _facts(triples: Iterable[ox.Quad]) -> Iterator[Fact]:
    """The facts the index keeps keys of, among ``triples``. A blank node has no
    text (``STR()`` fails on it), so it is never a name or a URL."""
    for triple in triples:
        predicate = triple.predicate
        if predicate in _INDEXED:
            value = triple.object
            if isinstance(value, ox.Literal | ox.NamedNode):
                subject = triple.subject
                assert isinstance(subject, ox.NamedNode | ox.BlankNode)
                yield subject, predicate, value.value


def _key_quads(facts: Iterable[Fact]) -> list[ox.Quad]:
    """The index quads for ``facts``."""
    unique = set(facts)
    folded = fold_all({text for _, predicate, text in unique if predicate != _URL})
    keys: set[tuple[Subject, ox.NamedNode, str]] = set()
    for subject, predicate, text in unique:
        if predicate == _URL:
            keys.add((subject, _URL_KEY, text))
            continue
        name = folded[text]
        keys.add((subject, _NAME_KEY, name))
        keys.update((subject, _LAST_WORDS_KEY, key) for key in last_words(name))
    return [ox.Quad(s, k, ox.Literal(text), _INDEX) for s, k, text in keys]


_IRI = r'<[^<>"{}|^`\\\x00-\x20]*>'
_LITERAL = r'"(?:[^"\\\n\r]|\\.)*"(?:\^\^' + _IRI + r"|@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)?"
#: N-Triples as kb writes them: a triple on every line, each "s p o .", of IRIs
#: and literals only: no blank nodes, comments or empty lines. Text of this form is
#: also TriG, and can be wrapped in a graph block as it is (oxigraph checks the
#: terms themselves when it parses it).
_PLAIN = re.compile(f"(?:{_IRI} {_IRI} (?:{_IRI}|{_LITERAL}) \\.\n)*")
_INDEXED_INFIXES = tuple(f" {predicate} " for predicate in _INDEXED)


def _is_plain(text: str) -> bool:
    """Whether ``text`` is N-Triples of the plain form :meth:`Store.add_many` can
    write without making RDF terms in Python.

    >>> _is_plain('<http://x/a> <http://x/p> "b" .\\n')
    True
    >>> _is_plain('_:a <http://x/p> "b" .\\n')
    False
    """
    return _PLAIN.fullmatch(text) is not None


def _indexed_triples(text: str) -> list[ox.Quad]:
    """The triples of plain N-Triples that the index keeps keys of (and maybe a
    few others whose text holds such a predicate: :func:`_facts` checks each)."""
    lines = []
    for infix in _INDEXED_INFIXES:
        at = text.find(infix)
        while at >= 0:
            end = text.index("\n", at) + 1
            lines.append(text[text.rfind("\n", 0, at) + 1 : end])
            at = text.find(infix, end)
    if not lines:
        return []
    return list(ox.parse("".join(lines), format=ox.RdfFormat.N_TRIPLES))


def _iri(text: str) -> ox.NamedNode | None:
    """``text`` as an IRI, or ``None`` when it is not an absolute IRI."""
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None


def _iris(found: set[object]) -> list[URIRef] | None:
    """Sorted IRIs, or ``None`` when a blank node is among them."""
    iris = sorted(
        URIRef(node.value) for node in found if isinstance(node, ox.NamedNode)
    )
    return iris if len(iris) == len(found) else None


def _trig(quads: list[ox.Quad]) -> str:
    return (ox.serialize(quads, format=ox.RdfFormat.TRIG) or b"").decode("utf-8")


def _drop_update(article: str) -> str:
    """Drop an article's graph, and the triples of the default graph (the union)
    that no other article states, in one transaction."""
    g = str(ox.NamedNode(article))
    return (
        "DELETE { ?s ?p ?o } WHERE { GRAPH " + g + " { ?s ?p ?o } "
        "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER (?other != "
        + g
        + " && ?other != "
        + str(_INDEX)
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
        self._indexed: bool | None = None  # whether the name index covers the store

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
        try:
            self._index_catch_up()
            texts = [(a, d) for a, d in batch if isinstance(d, str) and _is_plain(d)]
            if len(texts) == len(batch):
                return self._add_texts(texts)
            return self._add_quads(batch)
        except (OSError, ValueError, SyntaxError) as exc:
            where = self.path or "the store"
            raise StoreError(f"{where}: cannot store articles ({exc})") from exc

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
        self._ox.extend([*quads, *_key_quads(facts)])
        return Written(written, unchanged)

    def _add_texts(self, batch: list[tuple[str, str]]) -> Written:
        """The fast way to add plain N-Triples (:func:`_is_plain`): one TriG
        document, the text once in the article's graph and once in the default
        graph, parsed and written by oxigraph in one transaction, with no RDF term
        made in Python but those the index keeps keys of."""
        document: list[str] = []
        facts: list[Fact] = []
        unchanged = written = 0
        for article, text in batch:
            name = ox.NamedNode(article)
            if self._ox.contains_named_graph(name):
                new = [
                    ox.Quad(t.subject, t.predicate, t.object, name)
                    for t in _triples(text, {})
                ]
                if self._unchanged(name, new):
                    unchanged += 1
                    continue
            document += [str(name), " {\n", text, "}\n{\n", text, "}\n"]
            facts += _facts(_indexed_triples(text))
            written += len(set(text.split("\n"))) - 1  # lines end in "\n"
        keys = _key_quads(facts)
        if keys:
            document.append(_trig(keys))
        if document:
            self._ox.load("".join(document), format=ox.RdfFormat.TRIG)
        return Written(written, unchanged)

    def remove(self, article: str) -> bool:
        """Drop an article's graph. :returns: whether it was there."""
        self._writable()
        name = ox.NamedNode(article)
        if not self._ox.contains_named_graph(name) or name == _INDEX:
            return False
        self._drop(name)
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def _has_index(self) -> bool:
        if self._indexed is None:
            self._indexed = _INDEX_MARK in self._ox
        return self._indexed

    def _index_catch_up(self) -> None:
        """Give a store made before the name index existed (or a new one) the index
        and its mark, in a transaction of its own: an index covering the store is
        correct whether the write that follows succeeds or not."""
        if self._has_index():
            return
        stored = (
            quad
            for predicate in _INDEXED
            for quad in self._ox.quads_for_pattern(
                None, predicate, None, ox.DefaultGraph()
            )
        )
        self._ox.extend([_INDEX_MARK, *_key_quads(_facts(stored))])
        self._indexed = True

    def _drop(self, article: ox.NamedNode) -> None:
        """Drop an article's graph, the triples of the union that only it states,
        and the index keys that only it supports, in one transaction."""
        update = _drop_update(article.value)
        stale = self._stale_keys(article)
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

    def _stale_keys(self, article: ox.NamedNode) -> list[ox.Quad]:
        """The index quads that dropping ``article`` leaves unsupported: keys of its
        facts that no fact staying in the union gives."""
        entities = {
            quad.subject
            for predicate in _INDEXED
            for quad in self._ox.quads_for_pattern(None, predicate, None, article)
        }
        going: list[Fact] = []
        staying: list[Fact] = []
        for entity in entities:
            assert isinstance(entity, ox.NamedNode | ox.BlankNode)
            for predicate in _INDEXED:
                mine = {
                    quad.object
                    for quad in self._ox.quads_for_pattern(
                        entity, predicate, None, article
                    )
                }
                union = {
                    quad.object
                    for quad in self._ox.quads_for_pattern(
                        entity, predicate, None, ox.DefaultGraph()
                    )
                }
                for value in mine | union:
                    if not isinstance(value, ox.NamedNode | ox.Literal):
                        continue
                    # as _drop_update decides for the union's copy of the triple
                    stays = (value in union and value not in mine) or self._elsewhere(
                        entity, predicate, value, article
                    )
                    fact = (entity, predicate, value.value)
                    (staying if stays else going).append(fact)
        kept = set(_key_quads(staying))
        return [quad for quad in _key_quads(going) if quad not in kept]

    def _elsewhere(
        self,
        entity: Subject,
        predicate: ox.NamedNode,
        value: ox.NamedNode | ox.Literal,
        article: ox.NamedNode,
    ) -> bool:
        """Whether a graph other than ``article`` (and the union) states the triple:
        the first one found is enough, however many articles state it."""
        return any(
            quad.graph_name not in (article, _DEFAULT, _INDEX)
            for quad in self._ox.quads_for_pattern(entity, predicate, value, None)
        )

    def entities_named(
        self, name: str, *, last_words: bool = True
    ) -> list[URIRef] | None:
        """The entities a named query's name parameter matches, found in the name
        index: those with a label or alternate name equal to ``name`` in any case
        (or, with ``last_words``, ending in it after a space), and the entity whose
        IRI is ``name`` if it has a name. These are exactly the entities that the
        queries' name test (``?e rdfs:label|schema:alternateName ?n . FILTER
        (LCASE(STR(?n)) = LCASE(STR(?param)) || STR(?e) = STR(?param) || …)``)
        accepts.

        :returns: IRIs, sorted; ``None`` when the store has no name index, or a
            match is a blank node (which a ``VALUES`` block cannot name), so the
            query must test the names itself.
        """
        if not self._has_index():
            return None
        try:
            key = ox.Literal(fold(name))
        except ValueError:  # not text oxigraph takes (a lone surrogate): scan
            return None
        kinds = (_NAME_KEY, _LAST_WORDS_KEY) if last_words else (_NAME_KEY,)
        found: set[object] = {
            quad.subject
            for kind in kinds
            for quad in self._ox.quads_for_pattern(None, kind, key, _INDEX)
        }
        node = _iri(name)
        if node is not None and any(
            next(self._ox.quads_for_pattern(node, p, None, ox.DefaultGraph()), None)
            for p in _NAME_PREDICATES
        ):
            found.add(node)
        return _iris(found)

    def articles_at(self, iri_or_url: str) -> list[URIRef] | None:
        """What an article parameter (an article's IRI or URL) can stand for: the
        IRI itself, and whatever has that ``schema:url``, found in the index.

        :returns: IRIs, sorted, or ``None`` as for :meth:`entities_named`.
        """
        if not self._has_index():
            return None
        try:
            key = ox.Literal(iri_or_url)
        except ValueError:  # not text oxigraph takes (a lone surrogate): scan
            return None
        found: set[object] = {
            quad.subject
            for quad in self._ox.quads_for_pattern(None, _URL_KEY, key, _INDEX)
        }
        node = _iri(iri_or_url)
        if node is not None:
            found.add(node)
        return _iris(found)

    def articles(self) -> list[str]:
        """The IRIs of the stored articles, sorted."""
        return sorted(
            g.value
            for g in self._ox.named_graphs()
            if isinstance(g, ox.NamedNode) and g != _INDEX
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
        self._writable()
        self._index_catch_up()
        triples = _quads(ox.DefaultGraph(), graph, {})
        self._ox.extend([*triples, *_key_quads(_facts(triples))])

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
        # a term repeats down a column (a type, an article, a claimant): each
        # distinct one becomes an rdflib term once
        terms: dict[object, Term] = {}

        def term(value: object) -> Term | None:
            if value is None:
                return None
            found = terms.get(value)
            if found is None:
                found = terms[value] = to_rdflib(value)
            return found

        rows = tuple(
            tuple(term(value) for value in solution)
            for solution in islice(answer, max_rows)
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
