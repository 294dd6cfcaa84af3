"""The typed outcome of validating a graph against the newskb SHACL shapes
(:class:`ValidationReport`), and its readable text form, grouped by focus node."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kb.errors import ValidationFailed
from kb.rdf.namespaces import KB, KBSH, bind_prefixes

__all__ = [
    "SH",
    "FocusContext",
    "ShapesViolation",
    "SpanRef",
    "ValidationReport",
    "ValidationResult",
]

SH = Namespace("http://www.w3.org/ns/shacl#")


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
    #: set when two engines disagreed on this graph (SHACL's verdict is the one
    #: above); a bug to report
    warning: str = ""

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
            return self.warning or "Conforms: the data meets every shape."
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
        if self.warning:
            lines += ["", self.warning]
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
