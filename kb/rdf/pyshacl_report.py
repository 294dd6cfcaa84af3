"""pySHACL, the engine of record, and its report turned into a typed
:class:`ValidationReport` that says where each failing node sits in the data.

This is the only module that imports pySHACL."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.resources import shapes_graph
from kb.rdf.validation_report import (
    SH,
    FocusContext,
    SpanRef,
    ValidationReport,
    ValidationResult,
)

#: Nothing here is public: :mod:`kb.rdf.validate` and :mod:`kb.rdf.fast_check` use it.
__all__: list[str] = []


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
