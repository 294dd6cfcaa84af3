"""The fast verdict on an article: does it conform? rudof decides, with the one
SHACL-SPARQL constraint (a mention's anchor) checked here in Python.

This is the only module that imports rudof (``pyrudof``), a SHACL engine in Rust: it
decides in a few milliseconds whether an article conforms, where pySHACL takes
hundreds (its SHACL-SPARQL anchor check runs through rdflib per node). That
constraint, a mention's anchor is its slice of the article body, costs rudof a query
per mention, so it is checked in Python over the N-Triples (parsed by pyoxigraph) and
rudof gets the other constraints."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

import pyoxigraph as ox  # parses N-Triples for the anchor check
from rdflib import RDF, RDFS, Graph, URIRef

from kb.rdf.namespaces import KB, KBSH, SCHEMA
from kb.rdf.pyshacl_report import _QueryCachingGraph, _union
from kb.rdf.resources import shapes_graph
from kb.rdf.validation_report import SH

#: Nothing here is public: :mod:`kb.rdf.validate` asks it first.
__all__: list[str] = []

# rudof cannot start a staging frame over no data, so the session holds this one
# triple, which no shape targets, and takes it out again while validating.
_SEED = (
    "<urn:newskb:rudof-seed>",
    "<urn:newskb:rudof-seed>",
    "<urn:newskb:rudof-seed>",
)
#: The SHACL-SPARQL constraint that :func:`_anchors_match` decides in Python for the
#: fast path: rudof runs the SPARQL once per mention, 80% of its time per article.
_ANCHOR_CONSTRAINT: URIRef = KBSH["MentionShape-anchorText-sparql"]


class _RudofSession:
    """One rudof session, its shapes parsed once, validating one graph at a time.

    Each graph is read into a staging frame that is rolled back afterwards: a fresh
    session costs ~40 ms, replacing the data of a used one ~35 ms, staging ~1 ms.
    """

    def __init__(self, shapes: str) -> None:
        import pyrudof  # ~0.1 s to import: only when the first graph is validated

        self._rudof = pyrudof
        self._engine = pyrudof.Rudof(pyrudof.RudofConfig())
        self._engine.read_shacl(shapes, pyrudof.ShaclFormat.Turtle)
        self._engine.read_data(" ".join(_SEED) + " .\n", pyrudof.RDFFormat.NTriples)
        self._lock = threading.Lock()

    def conforms(self, ntriples: str) -> bool:
        """Does this N-Triples text meet every shape? Raises on any rudof error."""
        rudof, engine = self._rudof, self._engine
        with self._lock:
            engine.begin_staging()
            try:
                engine.remove_triples([_SEED])
                engine.read_data(
                    ntriples,
                    rudof.RDFFormat.NTriples,
                    reader_mode=rudof.ReaderMode.Strict,
                    merge=True,
                )
                report = engine.validate_shacl(rudof.ShaclValidationMode.Native)
                return bool(report.conforms)
            finally:
                engine.rollback_staging()


@lru_cache(maxsize=2)
def _rudof_shapes(without_anchor_check: bool) -> str:
    shapes = Graph()
    shapes += shapes_graph()
    if without_anchor_check:
        shapes.remove((None, SH.sparql, _ANCHOR_CONSTRAINT))
    return shapes.serialize(format="turtle")


_sessions: dict[tuple[int, bool], _RudofSession] = {}


def _rudof_says(ntriples: str, *, without_anchor_check: bool) -> bool:
    """rudof's verdict; False when rudof fails (pySHACL then settles it)."""
    key = (os.getpid(), without_anchor_check)  # never shared with a forked worker
    try:
        session = _sessions.get(key)
        if session is None:
            shapes = _rudof_shapes(without_anchor_check)
            session = _sessions.setdefault(key, _RudofSession(shapes))
        return session.conforms(ntriples)
    except Exception:  # rudof's own error types; any failure means "ask pySHACL"
        _sessions.pop(key, None)  # its data may not have been put back: start anew
        return False


def _rudof_conforms(graph: Graph) -> bool:
    """The fast verdict on an rdflib graph (see :func:`_fast_conforms`)."""
    plain = type(graph) is Graph or type(graph) is _QueryCachingGraph
    return _fast_conforms((graph if plain else _union(graph)).serialize(format="nt"))


def _fast_conforms(ntriples: str) -> bool:
    """True if the N-Triples meet every shape, as far as rudof and the anchor check
    can tell; False if not, or if they cannot tell (pySHACL then decides)."""
    if not ntriples.strip():
        return False  # rudof reads no empty input; pySHACL settles it at once
    anchors = _anchors_match(ntriples)
    if anchors is None:  # data the Python check does not cover: rudof runs the SPARQL
        return _rudof_says(ntriples, without_anchor_check=False)
    return anchors and _rudof_says(ntriples, without_anchor_check=True)


_ANCHOR_PROPS = {
    str(p): p for p in (KB.anchor, KB.inArticle, KB.start, KB.end, SCHEMA.articleBody)
}
_MENTION_TYPE = (str(RDF.type), str(KB.Mention))
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _anchors_match(ntriples: str) -> bool | None:
    """:data:`_ANCHOR_CONSTRAINT` in Python: every kb:Mention's kb:anchor is its
    article body's text from kb:start to kb:end (code points, end exclusive).

    Returns None, so that rudof runs the constraint itself, when the data holds
    anything the check does not model exactly: offsets that are not plain
    ``xsd:integer`` literals, or ``rdfs:subClassOf`` (which widens sh:targetClass).
    """
    values: dict[tuple[str, str], list[Any]] = {}
    mentions: list[str] = []
    for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        predicate = t.predicate.value
        if predicate in _ANCHOR_PROPS:
            values.setdefault((t.subject.value, predicate), []).append(t.object)
        elif (predicate, t.object.value) == _MENTION_TYPE:
            mentions.append(t.subject.value)
        elif predicate == str(RDFS.subClassOf):
            return None
    for mention in mentions:
        verdict = _anchor_matches(mention, values)
        if verdict is not True:
            return verdict
    return True


_START, _END, _IN_ARTICLE, _ANCHOR, _BODY = map(
    str, (KB.start, KB.end, KB.inArticle, KB.anchor, SCHEMA.articleBody)
)


def _anchor_matches(
    mention: str, values: dict[tuple[str, str], list[Any]]
) -> bool | None:
    """:data:`_ANCHOR_CONSTRAINT` on one mention (``values``: objects by subject and
    predicate); None when its offsets are not plain integers."""

    def get(node: str, prop: str) -> list[Any]:
        return values.get((node, prop), [])

    starts, ends = _integers(get(mention, _START)), _integers(get(mention, _END))
    if starts is None or ends is None:
        return None
    # STR() of a blank node is an error, which the SPARQL's FILTER drops
    bodies = [
        b.value
        for article in get(mention, _IN_ARTICLE)
        if not isinstance(article, ox.BlankNode)
        for b in get(article.value, _BODY)
        if not isinstance(b, ox.BlankNode)
    ]
    anchors = [
        a.value for a in get(mention, _ANCHOR) if not isinstance(a, ox.BlankNode)
    ]
    for start in starts:
        for end in ends:
            if 0 <= start < end and any(
                body[start:end] != anchor for body in bodies for anchor in anchors
            ):
                return False
    return True


def _integers(terms: list[Any]) -> list[int] | None:
    """The values of canonical ``xsd:integer`` literals; None for anything else."""
    out = []
    for term in terms:
        if not isinstance(term, ox.Literal) or term.datatype.value != _INTEGER:
            return None
        try:
            number = int(term.value)
        except ValueError:
            return None  # an ill-typed literal: SPARQL's isNumeric() is false
        if str(number) != term.value:
            return None  # "+5" or "007": the SPARQL engine reads it
        out.append(number)
    return out
