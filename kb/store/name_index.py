"""The name index beside the article graphs: every name and URL of the union, folded as
SPARQL's ``LCASE`` writes it, so that a named query's parameter finds its entities
with one lookup; kept up to date by each write and drop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import RDFS, URIRef

from kb.rdf.namespaces import SCHEMA

__all__ = [
    "NAME_INDEX",
    "catch_up_quads",
    "fold",
    "fold_all",
    "last_words",
    "lookup_articles",
    "lookup_entities",
    "stale_keys",
]

#: The named graph of the name index (never an article). For every label and
#: alternate name in the union it holds ``?entity <urn:newskb:name> "name"`` (in
#: lower case, as ``LCASE`` writes it) and ``?entity <urn:newskb:lastWords> "…"``
#: for what follows each space in the name; for every ``schema:url``, ``?article
#: <urn:newskb:url> "url"``. A named query's name parameter then finds its entities
#: with one lookup, where testing every label in the store grows with the store.
NAME_INDEX = "urn:newskb:names"
_INDEX = ox.NamedNode(NAME_INDEX)
_DEFAULT = ox.DefaultGraph()
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


_INDEXED_INFIXES = tuple(f" {predicate} " for predicate in _INDEXED)


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


def catch_up_quads(db: ox.Store) -> list[ox.Quad]:
    """The index of everything ``db`` holds, and the mark that says it is complete:
    what a store made before the name index existed (or a new one) is given."""
    stored = (
        quad
        for predicate in _INDEXED
        for quad in db.quads_for_pattern(None, predicate, None, ox.DefaultGraph())
    )
    return [_INDEX_MARK, *_key_quads(_facts(stored))]


def stale_keys(db: ox.Store, article: ox.NamedNode) -> list[ox.Quad]:
    """The index quads that dropping ``article`` leaves unsupported: keys of its
    facts that no fact staying in the union gives."""
    entities = {
        quad.subject
        for predicate in _INDEXED
        for quad in db.quads_for_pattern(None, predicate, None, article)
    }
    going: list[Fact] = []
    staying: list[Fact] = []
    for entity in entities:
        assert isinstance(entity, ox.NamedNode | ox.BlankNode)
        for predicate in _INDEXED:
            mine = {
                quad.object
                for quad in db.quads_for_pattern(entity, predicate, None, article)
            }
            union = {
                quad.object
                for quad in db.quads_for_pattern(
                    entity, predicate, None, ox.DefaultGraph()
                )
            }
            for value in mine | union:
                if not isinstance(value, ox.NamedNode | ox.Literal):
                    continue
                # as _drop_update decides for the union's copy of the triple
                stays = (value in union and value not in mine) or _elsewhere(
                    db, entity, predicate, value, article
                )
                fact = (entity, predicate, value.value)
                (staying if stays else going).append(fact)
    kept = set(_key_quads(staying))
    return [quad for quad in _key_quads(going) if quad not in kept]


def _elsewhere(
    db: ox.Store,
    entity: Subject,
    predicate: ox.NamedNode,
    value: ox.NamedNode | ox.Literal,
    article: ox.NamedNode,
) -> bool:
    """Whether a graph other than ``article`` (and the union) states the triple:
    the first one found is enough, however many articles state it."""
    return any(
        quad.graph_name not in (article, _DEFAULT, _INDEX)
        for quad in db.quads_for_pattern(entity, predicate, value, None)
    )


def lookup_entities(
    db: ox.Store, name: str, *, last_words: bool = True
) -> list[URIRef] | None:
    """:meth:`kb.store.embedded.Store.entities_named` in a store that has the index.

    :returns: IRIs, sorted; ``None`` when a match is a blank node (which a ``VALUES``
        block cannot name) or ``name`` is not text oxigraph takes.
    """
    try:
        key = ox.Literal(fold(name))
    except ValueError:  # not text oxigraph takes (a lone surrogate): scan
        return None
    kinds = (_NAME_KEY, _LAST_WORDS_KEY) if last_words else (_NAME_KEY,)
    found: set[object] = {
        quad.subject
        for kind in kinds
        for quad in db.quads_for_pattern(None, kind, key, _INDEX)
    }
    node = _iri(name)
    if node is not None and any(
        next(db.quads_for_pattern(node, p, None, ox.DefaultGraph()), None)
        for p in _NAME_PREDICATES
    ):
        found.add(node)
    return _iris(found)


def lookup_articles(db: ox.Store, iri_or_url: str) -> list[URIRef] | None:
    """:meth:`kb.store.embedded.Store.articles_at` in a store that has the index.

    :returns: IRIs, sorted, or ``None`` as for :func:`lookup_entities`.
    """
    try:
        key = ox.Literal(iri_or_url)
    except ValueError:  # not text oxigraph takes (a lone surrogate): scan
        return None
    found: set[object] = {
        quad.subject for quad in db.quads_for_pattern(None, _URL_KEY, key, _INDEX)
    }
    node = _iri(iri_or_url)
    if node is not None:
        found.add(node)
    return _iris(found)
