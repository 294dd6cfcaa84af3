"""The name index beside the article graphs: every name of the union's actors and
places, folded as SPARQL's ``LCASE`` writes it, and every URL, so that a named query's
parameter finds its entities with one lookup; kept up to date by each write and drop."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import RDF, RDFS, URIRef

from kb.rdf.namespaces import KB, SCHEMA

__all__ = [
    "ENTITY_CLASSES",
    "NAME_INDEX",
    "catch_up",
    "fold",
    "fold_all",
    "last_words",
    "lines_with",
    "lookup_articles",
    "lookup_entities",
    "new_keys",
    "stale_keys",
]

#: What a named query's name parameter finds: actors (kb:Actor and its subclasses)
#: and places, never a claim, an event or an article, whatever their labels say.
#: The queries' name test (:data:`kb.store.queries.NAME_TEST`) lists these classes.
ENTITY_CLASSES = (KB.Actor, KB.Person, KB.Organization, KB.Group, KB.Location)

#: The named graph of the name index (never an article). For every label and
#: alternate name of an entity (a node of the union with a type among
#: :data:`ENTITY_CLASSES`) it holds ``?entity <urn:newskb:name> "name"`` (in lower
#: case, as ``LCASE`` writes it) and ``?entity <urn:newskb:lastWords> "…"`` for what
#: follows each space in the name; for every ``schema:url``, ``?article
#: <urn:newskb:url> "url"``. A named query's name parameter then finds its entities
#: with one lookup, where testing every label in the store grows with the store.
NAME_INDEX = "urn:newskb:names"
_INDEX = ox.NamedNode(NAME_INDEX)
_DEFAULT = ox.DefaultGraph()
_NAME_KEY = ox.NamedNode("urn:newskb:name")
_LAST_WORDS_KEY = ox.NamedNode("urn:newskb:lastWords")
_URL_KEY = ox.NamedNode("urn:newskb:url")
#: In the index once it covers the whole store. A store written before the index
#: existed, before it held entities' names only (version 1 held every node's), or
#: before it kept busy entities' keys in order (version 2; see
#: :mod:`kb.store.ordered_keys`), or before it kept rows added to those lists apart
#: (version 3, whose readers would miss those rows), has no such mark: queries scan
#: its names, and its next write rebuilds the index.
_INDEX_MARK = ox.Quad(
    _INDEX, ox.NamedNode("urn:newskb:indexVersion"), ox.Literal("5"), _INDEX
)
#: The mark of version 4, whose index lacks articles-mentioning's lists only:
#: its names and other lists are read, and its next write makes it version 5 in
#: place (:func:`upgrade`). Version 4 code finds no mark of its own in a version 5
#: index, and rebuilds it (dropping the lists it does not keep up to date).
_VERSION_4 = ox.Quad(
    _INDEX, ox.NamedNode("urn:newskb:indexVersion"), ox.Literal("4"), _INDEX
)
_LABEL = ox.NamedNode(str(RDFS.label))
_ALTERNATE_NAME = ox.NamedNode(str(SCHEMA.alternateName))
_URL = ox.NamedNode(str(SCHEMA.url))
_TYPE = ox.NamedNode(str(RDF.type))
_ENTITY_TYPES = frozenset(ox.NamedNode(str(c)) for c in ENTITY_CLASSES)
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
    """The facts the index keeps keys of, among ``triples``: names, URLs, and types
    that make a node an entity. A blank node has no text (``STR()`` fails on it),
    so it is never a name or a URL."""
    for triple in triples:
        predicate, value = triple.predicate, triple.object
        if predicate in _INDEXED and isinstance(value, ox.Literal | ox.NamedNode):
            pass
        elif predicate != _TYPE or value not in _ENTITY_TYPES:
            continue
        subject = triple.subject
        assert isinstance(subject, ox.NamedNode | ox.BlankNode)
        assert isinstance(value, ox.Literal | ox.NamedNode)
        yield subject, predicate, value.value


def _key_quads(facts: Iterable[Fact]) -> list[ox.Quad]:
    """The index quads that ``facts`` give: the URLs, and the names of the subjects
    that a type among the facts makes entities."""
    unique = set(facts)
    entities = {subject for subject, predicate, _ in unique if predicate == _TYPE}
    names = {
        fact for fact in unique if fact[1] in _NAME_PREDICATES and fact[0] in entities
    }
    folded = fold_all({text for _, _, text in names})
    keys: set[tuple[Subject, ox.NamedNode, str]] = {
        (subject, _URL_KEY, text)
        for subject, predicate, text in unique
        if predicate == _URL
    }
    for subject, _, text in names:
        name = folded[text]
        keys.add((subject, _NAME_KEY, name))
        keys.update((subject, _LAST_WORDS_KEY, key) for key in last_words(name))
    return [ox.Quad(s, k, ox.Literal(text), _INDEX) for s, k, text in keys]


def _is_entity(db: ox.Store, node: Subject) -> bool:
    return any(
        quad.object in _ENTITY_TYPES
        for quad in db.quads_for_pattern(node, _TYPE, None, _DEFAULT)
    )


def new_keys(db: ox.Store, facts: Iterable[Fact]) -> list[ox.Quad]:
    """The index quads to add with a write of ``facts`` to ``db`` (read before the
    write): the keys of the new facts, with what the union already says of their
    subjects (a name given to a node typed an entity by another article; the names
    other articles gave a node that these facts make an entity)."""
    unique = set(facts)
    typed = {s for s, p, _ in unique if p == _TYPE}
    known: list[Fact] = []
    for subject in {s for s, p, _ in unique if p != _URL}:
        if _is_entity(db, subject):
            # its names in the union have their keys already
            known.append((subject, _TYPE, str(ENTITY_CLASSES[0])))
        elif subject in typed:
            known += (
                (subject, quad.predicate, quad.object.value)
                for predicate in _NAME_PREDICATES
                for quad in db.quads_for_pattern(subject, predicate, None, _DEFAULT)
                if isinstance(quad.object, ox.Literal | ox.NamedNode)
            )
    return _key_quads([*unique, *known])


_INDEXED_INFIXES = (
    *(f" {predicate} " for predicate in _INDEXED),
    *(f" {_TYPE} {kind} " for kind in sorted(_ENTITY_TYPES, key=str)),
)


def lines_with(text: str, infixes: Iterable[str]) -> list[str]:
    """The lines of plain N-Triples ``text`` that hold one of ``infixes`` (a
    predicate's text between spaces, say), each with its newline."""
    lines = []
    for infix in infixes:
        at = text.find(infix)
        while at >= 0:
            end = text.index("\n", at) + 1
            lines.append(text[text.rfind("\n", 0, at) + 1 : end])
            at = text.find(infix, end)
    return lines


def _indexed_triples(text: str) -> list[ox.Quad]:
    """The triples of plain N-Triples that the index keeps keys of (and maybe a
    few others whose text holds such a predicate or type: :func:`_facts` checks
    each)."""
    lines = lines_with(text, _INDEXED_INFIXES)
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


def is_indexed(db: ox.Store) -> bool:
    """Whether ``db``'s name index covers it (version 4 or 5)."""
    return _INDEX_MARK in db or _VERSION_4 in db


def upgrade(db: ox.Store) -> bool:
    """Make a version 4 index version 5 (its lists are written at the write's
    settle: see :data:`kb.store.ordered_keys.SINCE_VERSION_5`); :returns: whether
    it was version 4."""
    if _VERSION_4 not in db:
        return False
    db.remove(_VERSION_4)
    db.add(_INDEX_MARK)
    return True


def catch_up(db: ox.Store) -> None:
    """Index everything ``db`` holds, and mark the index complete: what a store made
    before the name index existed, or with an older index (or a new one), is given,
    in place of whatever index it had."""
    db.clear_graph(_INDEX)
    stored = (
        quad
        for predicate in _INDEXED
        for quad in db.quads_for_pattern(None, predicate, None, _DEFAULT)
    )
    typed = (
        quad
        for kind in _ENTITY_TYPES
        for quad in db.quads_for_pattern(None, _TYPE, kind, _DEFAULT)
    )
    db.extend([_INDEX_MARK, *_key_quads(_facts([*stored, *typed]))])


def stale_keys(db: ox.Store, article: ox.NamedNode) -> list[ox.Quad]:
    """The index quads that dropping ``article`` leaves unsupported: those of the
    subjects of its names, URLs and entity types that the facts staying in the
    union no longer give."""
    facts = list(_facts(db.quads_for_pattern(None, None, None, article)))
    stale: list[ox.Quad] = []
    for entity in {subject for subject, _, _ in facts}:
        staying: list[Fact] = []
        for predicate in (*_INDEXED, _TYPE):
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
            for value in union:
                if not isinstance(value, ox.NamedNode | ox.Literal) or (
                    predicate == _TYPE and value not in _ENTITY_TYPES
                ):
                    continue
                # as _drop_update decides for the union's copy of the triple
                if value not in mine or _elsewhere(
                    db, entity, predicate, value, article
                ):
                    staying.append((entity, predicate, value.value))
        kept = set(_key_quads(staying))
        stale += (
            quad
            for quad in db.quads_for_pattern(entity, None, None, _INDEX)
            if quad not in kept
        )
    return stale


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
    if (
        node is not None
        and any(
            next(db.quads_for_pattern(node, p, None, ox.DefaultGraph()), None)
            for p in _NAME_PREDICATES
        )
        and _is_entity(db, node)
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
