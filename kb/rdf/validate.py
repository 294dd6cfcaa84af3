"""Validate RDF against the newskb SHACL shapes and return a typed, readable report.

This is the only module that imports pySHACL. It also reads RDF files for
``kb validate``, refusing anything that would make a parser fetch from the network.

It is also the only module that imports rudof (``pyrudof``), as a fast path: rudof, a
SHACL engine in Rust, decides in a few milliseconds whether an article conforms, where
pySHACL takes hundreds (its SHACL-SPARQL anchor check runs through rdflib per node).
The one SHACL-SPARQL constraint (a mention's anchor is its slice of the article
body) costs rudof a query per mention, so the fast path checks it in Python over the
N-Triples (parsed by pyoxigraph) and gives rudof the other constraints.
pySHACL stays the engine of record: it runs whenever the fast path finds a violation
or fails, and its report (readable, with every result) is the one returned;
``kb validate`` uses pySHACL alone. tests/test_validate_speed_equivalence.py checks
that the two agree.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.parsers import expat

import pyoxigraph as ox  # parses N-Triples for the anchor check
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kb.errors import InputError, ValidationFailed
from kb.rdf.namespaces import KB, KBSH, SCHEMA, bind_prefixes
from kb.rdf.resources import CONTEXT_IRI, jsonld_context, shapes_graph

__all__ = [
    "RDF_FORMATS",
    "FocusContext",
    "ShapesViolation",
    "SpanRef",
    "ValidationReport",
    "ValidationResult",
    "load_rdf_file",
    "validate_files",
    "validate_graph",
    "validate_ntriples",
]

SH = Namespace("http://www.w3.org/ns/shacl#")

#: rdflib parser names by file extension, for :func:`load_rdf_file`.
RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
_QUAD_FORMATS = {"nquads", "trig"}


@dataclass(frozen=True)
class SpanRef:
    """Where a mention sits in an article's text, as far as the data says."""

    mention: Node
    article: Node | None
    start: int | None
    end: int | None
    anchor: str | None
    text: str | None = None  # what the article body holds at start-end, when known


@dataclass(frozen=True)
class FocusContext:
    """What the data graph says about a focus node, to tell a reader what it is."""

    types: tuple[URIRef, ...] = ()
    label: str | None = None
    spans: tuple[SpanRef, ...] = ()


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result: a constraint that a node of the data does not meet.

    ``context`` is not part of SHACL's result: it is read from the data graph when
    validating, so that :meth:`ValidationReport.format` can say where the node is.
    """

    focus_node: Node
    path: Node | None
    severity: URIRef  # sh:Violation, sh:Warning or sh:Info
    message: str
    source_shape: Node
    value: Node | None = None
    context: FocusContext = field(default=FocusContext(), compare=False)


class ShapesViolation(ValidationFailed):
    """:class:`kb.errors.ValidationFailed` with the report that caused it (``.report``).

    Its message is the full readable report, :meth:`ValidationReport.format`.
    """

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.format())
        self.report = report


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph: does it conform, and if not, why not.

    ``results`` is a tuple, sorted by focus node, path and source shape, so that
    reports are reproducible.
    """

    conforms: bool
    results: tuple[ValidationResult, ...] = ()

    def raise_for_results(self) -> None:
        """Raise if the graph does not conform; do nothing if it does.

        :raises ShapesViolation: a :class:`kb.errors.ValidationFailed` carrying
            this report as ``.report``, with :meth:`format` as its message.
        """
        if not self.conforms:
            raise ShapesViolation(self)

    def format(self) -> str:
        """Return a readable text report, grouped by focus node.

        Each group names the node, its type and label, and the article spans it was
        found at (``start-end "anchor"``), then one line per failed constraint.

        >>> print(ValidationReport(conforms=True).format())
        Conforms: the data meets every shape.
        """
        if self.conforms and not self.results:
            return "Conforms: the data meets every shape."
        names = _report_namespaces()
        groups: dict[Node, list[ValidationResult]] = {}
        for result in self.results:
            groups.setdefault(result.focus_node, []).append(result)
        noun = "problem" if len(self.results) == 1 else "problems"
        nodes = "node" if len(groups) == 1 else "nodes"
        verdict = "Conforms, with" if self.conforms else "Does not conform:"
        lines = [f"{verdict} {len(self.results)} {noun} in {len(groups)} {nodes}."]
        for focus, results in groups.items():
            lines.append("")
            lines.append(_describe_focus(focus, results[0].context, names))
            for span in results[0].context.spans[:_MAX_SPANS]:
                lines.append("  " + _describe_span(span, names))
            if len(results[0].context.spans) > _MAX_SPANS:
                more = len(results[0].context.spans) - _MAX_SPANS
                lines.append(f"  ... and {more} more mentions")
            for result in results:
                lines.append("  - " + _describe_result(result, names))
        return "\n".join(lines)


_MAX_SPANS = 3
_SEVERITY_WORDS = {SH.Violation: "", SH.Warning: "warning: ", SH.Info: "info: "}


@lru_cache(maxsize=1)
def _report_namespaces() -> NamespaceManager:
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    graph.bind("kbsh", Namespace(str(KBSH._NS)))
    graph.bind("sh", SH)
    return graph.namespace_manager


def _short(node: Node | None, names: NamespaceManager) -> str:
    if node is None:
        return "(none)"
    if isinstance(node, Literal):
        return json.dumps(str(node), ensure_ascii=False)
    if isinstance(node, URIRef):
        return node.n3(names)
    return node.n3()  # blank node


def _describe_focus(focus: Node, context: FocusContext, names: NamespaceManager) -> str:
    text = _short(focus, names)
    # Our own classes say the most; the aligned schema:/sem:/prov: types add nothing.
    ours = [t for t in context.types if str(t).startswith(str(KB._NS))]
    types = ours or list(context.types)
    if types:
        text += " (" + ", ".join(_short(t, names) for t in types) + ")"
    if context.label is not None:
        text += " " + json.dumps(context.label, ensure_ascii=False)
    return text


def _describe_span(span: SpanRef, names: NamespaceManager) -> str:
    where = "?" if span.start is None else str(span.start)
    where += "-" + ("?" if span.end is None else str(span.end))
    anchor = (
        "" if span.anchor is None else " " + json.dumps(span.anchor, ensure_ascii=False)
    )
    if span.text is not None and span.text != span.anchor:
        anchor += f" (the text there is {json.dumps(span.text, ensure_ascii=False)})"
    return f"in {_short(span.article, names)} at {where}{anchor}"


def _describe_result(result: ValidationResult, names: NamespaceManager) -> str:
    text = _SEVERITY_WORDS.get(result.severity, f"{_short(result.severity, names)}: ")
    if result.path is not None:
        text += f"{_short(result.path, names)}: "
    text += result.message
    if result.value is not None and result.value != result.focus_node:
        text += f" (value: {_short(result.value, names)})"
    return text + f" [{_short(result.source_shape, names)}]"


# ---------------------------------------------------------------------------
# Validation


@lru_cache(maxsize=64)
def _prepared_query(text: str) -> Query:
    return prepareQuery(text)


class _QueryCachingGraph(Graph):
    """A graph whose ``query`` parses each distinct SPARQL text only once.

    pySHACL sends a SHACL-SPARQL constraint's text once per focus node, and rdflib
    parses it every time (~45 ms each: the whole cost of validating an article).
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepared_query(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=1)
def _engine_shapes() -> Graph:
    # pySHACL adds a few "system" triples to the shapes graph it is given; it gets a
    # private copy, so kb.rdf.resources.shapes_graph() stays exactly the files' content.
    shapes = Graph()
    shapes += shapes_graph()
    return shapes


def validate_graph(graph: Graph, *, fast: bool = True) -> ValidationReport:
    """Validate ``graph`` against the newskb shapes.

    No inference is run: the data must state its types (the contract requires it).
    The graph is copied, never changed. A :class:`rdflib.Dataset` is validated as the
    union of its graphs.

    :param graph: the data, typically one article's graph of a few hundred triples.
    :param fast: let rudof decide first; pySHACL then runs only if rudof finds a
        violation (or cannot read the data), and its report is returned. ``False``
        runs pySHACL alone. The verdict is the same either way.
    :returns: the report; call :meth:`ValidationReport.raise_for_results` to turn a
        failure into an exception.

    >>> validate_graph(Graph()).conforms
    True
    """
    if fast and _rudof_conforms(graph):
        # Our shapes set no sh:severity, so a conforming pySHACL report is empty too.
        return ValidationReport(conforms=True)
    return _pyshacl_report(_union(graph))


def validate_ntriples(ntriples: str) -> ValidationReport:
    """:func:`validate_graph` for one article's N-Triples text (the pipeline's form):
    the fast path reads the text as it is, and only a failing graph is parsed by rdflib
    for pySHACL's report."""
    if _fast_conforms(ntriples):
        return ValidationReport(conforms=True)
    return _pyshacl_report(_QueryCachingGraph().parse(data=ntriples, format="nt"))


def _union(graph: Graph) -> _QueryCachingGraph:
    data = _QueryCachingGraph()
    if isinstance(graph, Dataset):
        for subject, predicate, obj, _graph in graph.quads((None, None, None, None)):
            data.add((subject, predicate, obj))
    else:
        data += graph
    return data


def _pyshacl_report(data: Graph) -> ValidationReport:
    import pyshacl  # 0.15 s to import; only a failing graph needs it

    conforms, report_graph, _text = pyshacl.validate(
        data,
        shacl_graph=_engine_shapes(),
        inference="none",
        advanced=False,  # SHACL-SPARQL constraints are core pySHACL; no rules needed.
        inplace=True,  # ``data`` is our own copy.
        allow_warnings=False,
    )
    # Two constraints of one shape can fail alike (sh:datatype and sh:minInclusive
    # on "7"); a reader cannot tell such results apart, so they are merged.
    unique = {
        _result(report_graph, r, data) for r in report_graph.objects(None, SH.result)
    }
    results = tuple(sorted(unique, key=_sort_key))
    return ValidationReport(conforms=bool(conforms), results=results)


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


def _anchor_matches(
    mention: str, values: dict[tuple[str, str], list[Any]]
) -> bool | None:
    def get(node: str, prop: URIRef) -> list[Any]:
        return values.get((node, str(prop)), [])

    starts, ends = _integers(get(mention, KB.start)), _integers(get(mention, KB.end))
    if starts is None or ends is None:
        return None
    # STR() of a blank node is an error, which the SPARQL's FILTER drops
    bodies = [
        b.value
        for article in get(mention, KB.inArticle)
        if not isinstance(article, ox.BlankNode)
        for b in get(article.value, SCHEMA.articleBody)
        if not isinstance(b, ox.BlankNode)
    ]
    anchors = [
        a.value for a in get(mention, KB.anchor) if not isinstance(a, ox.BlankNode)
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


def _sort_key(result: ValidationResult) -> tuple[str, ...]:
    return (
        str(result.focus_node),
        str(result.path or ""),
        str(result.source_shape),
        result.message,
        str(result.value or ""),
    )


def _result(report: Graph, node: Node, data: Graph) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    assert focus is not None, "pySHACL wrote a result without a focus node"
    messages = [
        str(m)
        for m in report.objects(node, SH.resultMessage)
        if not isinstance(m, Literal) or m.language in (None, "en")
    ]
    severity = report.value(node, SH.resultSeverity)
    return ValidationResult(
        focus_node=focus,
        path=report.value(node, SH.resultPath),
        severity=severity if isinstance(severity, URIRef) else SH.Violation,
        message=" ".join(sorted(set(messages))) or "(no message)",
        source_shape=report.value(node, SH.sourceShape) or SH.Shape,
        value=report.value(node, SH.value),
        context=_focus_context(focus, data),
    )


def _focus_context(focus: Node, data: Graph) -> FocusContext:
    types = tuple(
        sorted(t for t in data.objects(focus, RDF.type) if isinstance(t, URIRef))
    )
    label = data.value(focus, RDFS.label)
    if (focus, RDF.type, KB.Mention) in data or (focus, KB.inArticle, None) in data:
        mentions = [focus]
    else:
        mentions = sorted(data.objects(focus, KB.mention), key=str)
    spans = tuple(_span(m, data) for m in mentions)
    return FocusContext(
        types=types,
        label=None if label is None else str(label),
        spans=tuple(
            sorted(spans, key=lambda s: (s.start is None, s.start or 0, str(s.mention)))
        ),
    )


def _span(mention: Node, data: Graph) -> SpanRef:
    anchor = data.value(mention, KB.anchor)
    article = data.value(mention, KB.inArticle)
    start = _as_int(data.value(mention, KB.start))
    end = _as_int(data.value(mention, KB.end))
    body = None if article is None else data.value(article, SCHEMA.articleBody)
    text = None
    if isinstance(body, Literal) and start is not None and end is not None:
        if 0 <= start < end <= len(str(body)):
            text = str(body)[start:end]
    return SpanRef(
        mention=mention,
        article=article,
        start=start,
        end=end,
        anchor=None if anchor is None else str(anchor),
        text=text,
    )


def _as_int(node: Node | None) -> int | None:
    if isinstance(node, Literal):
        value = node.toPython()
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


# ---------------------------------------------------------------------------
# Files


def load_rdf_file(path: str | os.PathLike[str]) -> Graph:
    """Read an RDF file into a graph, choosing the syntax by the file's extension.

    Extensions: ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``/``.json``,
    ``.rdf``/``.xml``, ``.n3``. N-Quads and TriG are read as a dataset and flattened
    into the union of their graphs: each article graph repeats the entities it needs,
    so the union has the same descriptions, and a graph that leans on another is
    still caught by export's per-article validation.

    Nothing is fetched: a JSON-LD document whose ``@context`` names a remote context
    (any IRI string, or ``@import``) is refused, except for newskb's own context
    IRI, which is read from the bundled file; so is a graph with ``owl:imports``.
    RDF/XML that declares external entities, or whose entities expand to far more
    than the file holds (XXE, "billion laughs"), is refused before rdflib reads it.

    :param path: the file to read.
    :raises InputError: if the file is missing, unreadable, of an unknown extension,
        not valid in its syntax, or names a remote JSON-LD context.
    """
    file = Path(path)
    rdf_format = RDF_FORMATS.get(file.suffix.lower())
    if rdf_format is None:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(
            f"{file}: unknown RDF file extension {file.suffix!r}; use one of {known}"
        )
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read it ({exc.strerror})") from None
    if rdf_format == "json-ld":
        text = _local_jsonld(text, file)
    elif rdf_format == "xml":
        _check_xml_entities(text, file)
    base = file.resolve().as_uri()
    try:
        if rdf_format in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(data=text, format=rdf_format, publicID=base)
            graph = Graph()
            for subject, predicate, obj, _graph in dataset.quads(
                (None, None, None, None)
            ):
                graph.add((subject, predicate, obj))
        else:
            graph = Graph()
            graph.parse(data=text, format=rdf_format, publicID=base)
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{file}: not valid {rdf_format}: {message}") from None
    imported = sorted(str(o) for o in graph.objects(None, OWL.imports))
    if imported:
        raise InputError(
            f"{file}: refusing owl:imports of {', '.join(imported)}: newskb never "
            "fetches imports; remove the statement, or pass the imported file too"
        )
    return bind_prefixes(graph)


#: How much text XML entities may add beyond the file's own size (and 10 times it).
_MAX_ENTITY_TEXT = 1_000_000


def _check_xml_entities(text: str, file: Path) -> None:
    """Refuse external or parameter entities and runaway expansion, with expat alone.

    rdflib's SAX reader does not fetch external entities, but it would expand a
    "billion laughs" one small chunk at a time for minutes; expat counts fast.
    """
    budget = _MAX_ENTITY_TEXT + 10 * len(text)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def declared(  # expat's EntityDeclHandler
        name: str,
        parameter: bool,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        if parameter or system_id or public_id:
            raise InputError(
                f"{file}: refusing the XML entity {name!r}, which is external or a "
                "parameter entity: newskb never fetches or reads other files; "
                "inline its text"
            )

    def characters(data: str) -> None:
        nonlocal budget
        budget -= len(data)
        if budget < 0:
            raise InputError(
                f"{file}: XML entities expand to far more text than the file holds "
                '(a "billion laughs" document?); expand them yourself'
            )

    parser.EntityDeclHandler = declared
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise InputError(f"{file}: not valid xml: {exc}") from None


def _local_jsonld(text: str, file: Path) -> str:
    """Return the JSON-LD text with our context inlined; refuse any remote context."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{file}: not valid JSON: {exc.msg} at line {exc.lineno}, col {exc.colno}"
        ) from None
    return json.dumps(_localise(document, file, in_context=False), ensure_ascii=False)


def _localise(node: Any, file: Path, *, in_context: bool) -> Any:
    if isinstance(node, list):
        return [_localise(item, file, in_context=in_context) for item in node]
    if not isinstance(node, dict):
        return node
    if in_context and "@import" in node:
        raise InputError(
            f"{file}: refusing JSON-LD '@import' of {node['@import']!r}: "
            "newskb never fetches remote contexts; inline the context instead"
        )
    localised = {}
    for key, value in node.items():
        if key == "@context":
            localised[key] = _context(value, file)
        else:
            localised[key] = _localise(value, file, in_context=in_context)
    return localised


def _context(value: Any, file: Path) -> Any:
    if isinstance(value, list):
        return [_context(item, file) for item in value]
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return jsonld_context()["@context"]
        raise InputError(
            f"{file}: refusing the remote JSON-LD context {value!r}: newskb never "
            f"fetches contexts; inline it, or use newskb's own {CONTEXT_IRI}"
        )
    # An object (term definitions, which may hold scoped contexts) or null.
    return _localise(value, file, in_context=True)


def validate_files(
    paths: Iterable[str | os.PathLike[str]],
) -> dict[Path, ValidationReport]:
    """Read and validate each file; return the reports in the order given.

    :param paths: RDF files, in any syntax that :func:`load_rdf_file` reads.
    :raises InputError: for the first file that cannot be read or parsed.
    """
    # pySHACL alone: ``kb validate`` is the check of record, and reads any data.
    return {Path(path): _validate_file(Path(path)) for path in paths}


def _validate_file(path: Path) -> ValidationReport:
    """pySHACL's report on the file; if pySHACL itself crashes on the data (it can, on
    hand-made graphs: deep recursion, decimal arithmetic, blank nodes where it wants
    literals), rudof's verdict decides and the error says what happened.

    :raises ValidationFailed: when pySHACL crashed and rudof rejects the data.
    :raises InputError: when pySHACL crashed and rudof accepts it.
    """
    graph = load_rdf_file(path)
    try:
        return validate_graph(graph, fast=False)
    except Exception as exc:  # noqa: BLE001 - any crash inside pySHACL or rdflib
        crash = f"pySHACL failed on this data ({type(exc).__name__}: {exc})"
        if _rudof_says(
            _union(graph).serialize(format="nt"), without_anchor_check=False
        ):
            raise InputError(
                f"{path}: {crash}; rudof finds that it conforms. Please report this "
                "file as a bug.",
                origin=str(path),
            ) from exc
        raise ValidationFailed(
            f"{path}: does not conform (rudof's verdict; {crash}, so there is no "
            "detailed report)"
        ) from exc
