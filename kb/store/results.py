"""Query results as text: a terminal table, SPARQL 1.1 CSV, TSV, JSON and XML, or
Turtle/JSON-LD/N-Triples for CONSTRUCT and DESCRIBE."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import NamespaceManager
from rdflib.query import Result

from kb.defaults import GRAPH_FORMATS, RESULT_FORMATS
from kb.errors import UsageError
from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.namespaces import bind_prefixes
from kb.rdf.writers import serialize
from kb.store.sparql import QueryResult
from kb.store.terms import Term

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "default_format", "format_result"]

CELL_WIDTH = 60


def default_format(result: QueryResult, terminal: bool) -> str:
    """The format when none is asked for: a table on a terminal; piped, CSV for a
    SELECT or ASK answer and Turtle for a graph."""
    if terminal:
        return "table"
    return "ttl" if result.kind == "graph" else "csv"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render ``result`` in ``fmt``; a graph answer asked for as a table is Turtle.

    :raises UsageError: when the format does not fit the kind of answer.
    """
    if result.kind == "graph":
        fmt = "ttl" if fmt == "table" else fmt
        if fmt not in GRAPH_FORMATS:
            raise UsageError(
                f"--format {fmt} is for SELECT and ASK; a CONSTRUCT or DESCRIBE "
                f"answer can be written as {', '.join(GRAPH_FORMATS)}"
            )
        assert result.graph is not None
        return serialize([(URIRef("urn:kb:query"), result.graph)], fmt)
    if fmt not in RESULT_FORMATS:
        raise UsageError(
            f"--format {fmt} is for CONSTRUCT and DESCRIBE; a SELECT or ASK answer "
            f"can be written as {', '.join(RESULT_FORMATS)}"
        )
    if fmt == "table":
        return _table(result)
    if fmt == "tsv" or (fmt == "csv" and result.kind == "ask"):
        return _tsv(result)  # SPARQL CSV has no boolean form: a bare true or false
    return _rdflib_result(result).serialize(format=fmt).decode("utf-8")  # type: ignore[union-attr]


def _rdflib_result(result: QueryResult) -> Result:
    if result.kind == "ask":
        answer = Result("ASK")
        answer.askAnswer = bool(result.boolean)
        return answer
    answer = Result("SELECT")
    answer.vars = [Variable(v) for v in result.variables]
    answer.bindings = [
        {Variable(k): v for k, v in record.items()} for record in result.records()
    ]
    return answer


def _tsv_term(term: Term | None) -> str:
    """A term in the SPARQL TSV form: N-Triples syntax, tabs and newlines escaped."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)  # quotes and escapes
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype:
            return f"{text}^^<{term.datatype}>"
        return text
    return term.n3()


def _tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _names() -> NamespaceManager:
    """Output prefixes, plus ``id:`` for the default instance base, to keep cells short."""
    names = bind_prefixes(Graph()).namespace_manager
    names.bind("id", DEFAULT_BASE)
    return names


def _cell(term: Term | None, names: NamespaceManager) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return _cut_middle(_short_iri(term, names))
    if isinstance(term, BNode):
        text = f"_:{term}"
    else:
        text = str(term)
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def _cut_middle(text: str) -> str:
    """A long IRI cut in its middle: minted IRIs differ at their end
    (``…/article/u-…/claim/86-132``), and a store with its own base
    (``kb add --base``) has no prefix to shorten them with."""
    if len(text) <= CELL_WIDTH:
        return text
    head = CELL_WIDTH // 3
    return f"{text[:head]}…{text[len(text) - (CELL_WIDTH - head - 1) :]}"


def _short_iri(iri: URIRef, names: NamespaceManager) -> str:
    """``prefix:rest`` for display, even where ``rest`` is not a valid local name."""
    for prefix, namespace in names.namespaces():
        if prefix and iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _table(result: QueryResult) -> str:
    if result.kind == "ask":
        return "yes\n" if result.boolean else "no\n"
    names = _names()
    header = list(result.variables)
    body = [[_cell(t, names) for t in row] for row in result.rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]
    lines = [_row(header, widths), _row(["-" * w for w in widths], widths)]
    lines += [_row(r, widths) for r in body]
    count = len(body)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
