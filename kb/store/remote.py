"""Ask a remote SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, ...) over HTTP and
return its answer as a :class:`kb.store.sparql.QueryResult`, smoothing out server
quirks."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kb.errors import StoreError, UsageError
from kb.store.queries import with_values
from kb.store.querying import QueryRequest
from kb.store.sparql import PREDECLARED, QueryKind, QueryResult
from kb.store.terms import Term

__all__ = [
    "RemoteEndpoint",
    "query_form",
    "redact_url",
    "remote_query",
    "run_remote",
    "with_prefixes",
]

_RESULTS_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.8"
)
# Never JSON-LD: Virtuoso and others do not all speak it; N-Triples every server does.
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_GRAPH_FORMATS = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
}
_XSD = "http://www.w3.org/2001/XMLSchema#"
# the prologue (comments, PREFIX and BASE) before a query's form keyword
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE
)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_DECLARED = re.compile(r"PREFIX\s+([\w.-]*):", re.IGNORECASE)
# Virtuoso answers ASK in CSV/TSV/HTML as a one-cell table, e.g. "bool" / 1
_ASK_COLUMNS = {"bool", "__ask_retval"}


@dataclass(frozen=True)
class RemoteEndpoint:
    """A SPARQL query endpoint. ``union_default_graph`` asks an Oxigraph server to
    treat the union of its named graphs as the default graph (Virtuoso does that by
    itself); ``auth`` is for endpoints behind a login, and never printed."""

    url: str
    timeout: float = 30.0
    union_default_graph: bool = False
    auth: httpx.Auth | None = None

    def __post_init__(self) -> None:
        check_endpoint(self.url, "http://127.0.0.1:7878/query")

    def __repr__(self) -> str:
        return f"RemoteEndpoint({redact_url(self.url)!r})"


def check_endpoint(url: str, example: str) -> None:
    """Refuse an endpoint that is no http(s) URL (``localhost:7878``), which httpx
    would only call an unsupported protocol.

    :param example: a URL of the right kind, for the message.
    :raises UsageError: naming the URL, without its password.
    """
    if not re.match(r"^https?://[^/\s]+", url, re.IGNORECASE):
        raise UsageError(
            f"--endpoint {redact_url(url)}: give an http:// or https:// URL, "
            f"e.g. {example}"
        )


def redact_url(url: str) -> str:
    """The URL without any ``user:password@`` part, for messages.

    >>> redact_url("http://ann:secret@example.org/sparql?x=1")
    'http://***@example.org/sparql?x=1'
    """
    return re.sub(r"^([a-zA-Z][\w+.-]*://)[^/@]*@", r"\1***@", url)


def query_form(sparql: str) -> QueryKind:
    """Whether a query gives rows (SELECT), a boolean (ASK) or a graph.

    >>> query_form("PREFIX a: <http://x#> # hi\\nASK { ?s ?p ?o }")
    'ask'
    """
    start = _PROLOGUE.match(sparql)
    match = _FORM.match(sparql, start.end() if start else 0)
    if not match:
        raise UsageError(
            "the query does not start with SELECT, ASK, CONSTRUCT or DESCRIBE "
            "(after its PREFIX lines)"
        )
    form = match[1].upper()
    return "select" if form == "SELECT" else "ask" if form == "ASK" else "graph"


def with_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the prefixes ``kb query`` predeclares
    (kb:, schema:, rdfs:, ...) that it uses but does not declare.

    >>> with_prefixes("ASK { ?s a kb:Event }").splitlines()[0]
    'PREFIX kb: <https://w3id.org/newskb/ontology#>'
    """
    declared = set(_DECLARED.findall(sparql))
    lines = [
        f"PREFIX {p}: <{iri}>"
        for p, iri in sorted(PREDECLARED.items())
        if p not in declared and re.search(rf"(?<![\w.-]){p}:", sparql)
    ]
    return "\n".join([*lines, sparql]) if lines else sparql


def remote_query(
    endpoint: RemoteEndpoint,
    sparql: str,
    bindings: Mapping[str, Node] | None = None,
) -> QueryResult:
    """Run ``sparql`` at ``endpoint`` (SPARQL 1.1 Protocol, POST form).

    Parameters go in as a ``VALUES`` block (:func:`kb.store.queries.with_values`), each an
    escaped RDF term, since the protocol has no separate bindings.

    :raises UsageError: when the server rejects the query (HTTP 400).
    :raises StoreError: when the server cannot be reached or fails.
    """
    text = with_prefixes(with_values(sparql, dict(bindings or {})))
    kind = query_form(text)
    form: dict[str, str] = {"query": text}
    if endpoint.union_default_graph:
        form["union-default-graph"] = ""
    accept = _GRAPH_ACCEPT if kind == "graph" else _RESULTS_ACCEPT
    shown = redact_url(endpoint.url)
    try:
        response = httpx.post(
            endpoint.url,
            data=form,
            headers={"Accept": accept},
            timeout=endpoint.timeout,
            auth=endpoint.auth,
        )
    except httpx.HTTPError as exc:
        raise StoreError(f"{shown}: no answer ({type(exc).__name__})") from None
    if response.status_code == 400:
        raise UsageError(f"{shown} rejected the query: {_brief(response.text)}")
    if response.status_code >= 300:
        hint = _QUERY_HINT if response.status_code in _WRONG_ENDPOINT else ""
        raise StoreError(
            f"{shown}: HTTP {response.status_code}: {_brief(response.text)}{hint}"
        )
    return _parse(response, kind, shown)


#: Answers of a URL that takes no SPARQL query: another path of the server (its
#: Graph Store endpoint, which refuses a form with 415; its root), or no SPARQL
#: server at all (501: no POST).
_WRONG_ENDPOINT = frozenset({404, 405, 415, 501})
_QUERY_HINT = (
    "; check --endpoint: it must be the server's SPARQL query endpoint "
    "(Oxigraph server: /query; Virtuoso: /sparql)"
)


def run_remote(request: QueryRequest, endpoint: RemoteEndpoint) -> QueryResult:
    """``kb query --endpoint``: answer ``request`` (SPARQL text, a file or a named
    query) at a remote endpoint instead of the store, as :func:`kb.store.querying.run_query`
    does locally (the columns of named-query parameters are dropped likewise).

    :raises UsageError: for a bad request, or ``--data`` given with an endpoint.
    """
    from kb.store import querying

    if request.data:
        raise UsageError("give --data FILE or --endpoint URL, not both")
    # the request is checked and bound exactly as for the embedded store
    prepared = querying.prepare(request)
    return prepared.finish(
        remote_query(endpoint, prepared.remote_text, prepared.bindings)
    )


def _brief(text: str) -> str:
    """The first useful line of an error page, without its HTML."""
    plain = re.sub(r"<[^>]+>", " ", text)
    lines = [line.strip() for line in plain.splitlines() if line.strip()]
    return " ".join(lines)[:300] or "(no message)"


def _parse(response: httpx.Response, kind: QueryKind, shown: str) -> QueryResult:
    mime = response.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "graph":
            return _graph(response.text, mime)
        if mime.endswith("json"):
            result = _json_result(json.loads(response.content))
        else:
            result = _other_result(response.content, mime)
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{shown}: unreadable {mime or 'answer'} ({exc})") from None
    return _ask_table(result) if kind == "ask" else result


def _graph(text: str, mime: str) -> QueryResult:
    fmt = _GRAPH_FORMATS.get(mime)
    if fmt is None:
        raise ValueError(f"unexpected graph format {mime!r}")
    return QueryResult("graph", graph=Graph().parse(data=text, format=fmt))


def _json_result(doc: dict[str, Any]) -> QueryResult:
    if "boolean" in doc:
        return QueryResult("ask", boolean=bool(doc["boolean"]))
    names = tuple(doc["head"].get("vars", ()))
    rows = tuple(
        tuple(_json_term(b[v]) if v in b else None for v in names)
        for b in doc["results"]["bindings"]
    )
    return QueryResult("select", names, rows)


def _json_term(cell: dict[str, str]) -> Term:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = cell.get("xml:lang")
    if lang:
        return Literal(value, lang=lang)
    datatype = cell.get("datatype")  # "typed-literal" (Virtuoso) or "literal"
    if not datatype or datatype == _XSD + "string":
        return Literal(value)
    return _literal(value, datatype)


def _literal(value: str, datatype: str) -> Literal:
    # Virtuoso writes xsd:boolean as 1/0; the same value, but say it as RDF does
    if datatype == _XSD + "boolean" and value in ("1", "0"):
        value = "true" if value == "1" else "false"
    return Literal(value, datatype=URIRef(datatype), normalize=False)


def _other_result(content: bytes, mime: str) -> QueryResult:
    """XML, CSV or TSV results, read by rdflib."""
    fmt = {"text/csv": "csv", "text/tab-separated-values": "tsv"}.get(mime, "xml")
    parsed = Result.parse(source=io.BytesIO(content), format=fmt)
    if parsed.type == "ASK":
        return QueryResult("ask", boolean=bool(parsed.askAnswer))
    variables = list(parsed.vars or ())
    names = tuple(str(v) for v in variables)
    rows = tuple(
        tuple(_term(binding.get(v)) for v in variables) for binding in parsed.bindings
    )
    return QueryResult("select", names, rows)


def _term(node: object) -> Term | None:
    if node is None:
        return None
    if isinstance(node, Literal) and node.datatype:
        return _literal(str(node), str(node.datatype))
    assert isinstance(node, URIRef | BNode | Literal)
    return node


def _ask_table(result: QueryResult) -> QueryResult:
    """An ASK answered as a one-cell table (Virtuoso, in some formats) as a boolean."""
    if result.kind == "ask":
        return result
    if len(result.variables) == 1 and result.variables[0] in _ASK_COLUMNS:
        cell = result.rows[0][0] if result.rows else None
        return QueryResult("ask", boolean=str(cell).lower() in ("1", "true"))
    raise StoreError("the endpoint answered an ASK query with a table")
