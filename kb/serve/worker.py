"""A store worker: a child process of ``kb serve`` that opens the store read-only and
answers one request at a time, so that a query past its timeout can be stopped by
killing the process. Run as ``python -m kb.serve.worker STORE``."""

from __future__ import annotations

import os
import re
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph, URIRef

from kb.errors import KbError, UsageError
from kb.rdf.writers import serialize
from kb.serve.describe import describe_graph, exists, page_data
from kb.serve.messages import (
    ArticleItem,
    DescribeRequest,
    IndexRequest,
    PageRequest,
    Reply,
    SparqlRequest,
    read_message,
    write_message,
)
from kb.serve.titles import article_title
from kb.store.embedded import Store
from kb.store.results import format_result
from kb.store.sparql import QueryResult

__all__ = ["answer", "main"]

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.\-]*:\s*|BASE\s+)<[^>]*>\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_ASK_CSV = "_askResult\r\n{}\r\n"


def _truncated(result: QueryResult, limit: int) -> tuple[QueryResult, bool, int]:
    if result.kind == "select":
        count = len(result.rows)
        if count > limit:
            return replace(result, rows=result.rows[:limit]), True, limit
        return result, False, count
    if result.kind == "graph" and result.graph is not None:
        count = len(result.graph)
        if count > limit:
            kept = Graph()
            for triple in sorted(result.graph)[:limit]:
                kept.add(triple)
            return replace(result, graph=kept), True, limit
        return result, False, count
    return result, False, 1


def _sparql(store: Store, request: SparqlRequest) -> Reply:
    try:
        # one row past the limit tells that the answer was cut
        result = store.query(request.query, max_rows=request.limit + 1)
    except UsageError as exc:
        if _UPDATE.match(request.query):
            return Reply(
                400,
                "this endpoint is read-only: SPARQL updates are refused "
                "(use 'kb add' and 'kb remove' to change the knowledge base)",
            )
        raise UsageError(str(exc)) from exc
    fmt = request.graph_format if result.kind == "graph" else request.select_format
    if fmt is None:
        kind = "CONSTRUCT/DESCRIBE" if result.kind == "graph" else "SELECT/ASK"
        return Reply(406, f"no acceptable media type for a {kind} answer")
    result, truncated, count = _truncated(result, request.limit)
    if result.kind == "ask" and fmt == "csv":
        text = _ASK_CSV.format("true" if result.boolean else "false")
    else:
        text = format_result(result, fmt)
    return Reply(body=text.encode("utf-8"), fmt=fmt, truncated=truncated, count=count)


def _describe(store: Store, request: DescribeRequest) -> Reply:
    if not exists(store, request.iri):
        return Reply(404, f"{request.iri} is not in this knowledge base")
    graph = describe_graph(store, request.iri)
    truncated = len(graph) > request.limit
    if truncated:
        result, _, _ = _truncated(QueryResult("graph", graph=graph), request.limit)
        assert result.graph is not None
        graph = result.graph
    text = serialize([(URIRef(request.iri), graph)], request.fmt)
    return Reply(
        body=text.encode("utf-8"),
        fmt=request.fmt,
        truncated=truncated,
        count=len(graph),
    )


_INDEX = """
SELECT DISTINCT ?article ?headline ?date ?opening WHERE {
  ?article a kb:Article .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:articleBody ?body BIND (SUBSTR(?body, 1, 300) AS ?opening) }
} ORDER BY DESC(?date) ?article"""


def _index(store: Store, request: IndexRequest) -> Reply:
    records = store.query(_INDEX).records()
    items = tuple(
        ArticleItem(
            str(r["article"]),
            article_title(
                str(r.get("headline", "")), str(r.get("opening", "")), str(r["article"])
            ),
            str(r.get("date", "")),
        )
        for r in records[: request.limit]
    )
    return Reply(
        articles=items, count=len(records), truncated=len(records) > len(items)
    )


def answer(store: Store, request: object) -> Reply:
    """Answer one request; errors become replies with their HTTP status."""
    try:
        if isinstance(request, SparqlRequest):
            return _sparql(store, request)
        if isinstance(request, DescribeRequest):
            return _describe(store, request)
        if isinstance(request, PageRequest):
            page = page_data(store, request.iri, request.limit)
            if page is None:
                return Reply(404, f"{request.iri} is not in this knowledge base")
            return Reply(data=page)
        if isinstance(request, IndexRequest):
            return _index(store, request)
        return Reply(500, f"unknown request {type(request).__name__}")
    except UsageError as exc:
        return Reply(400, str(exc))
    except KbError as exc:
        return Reply(500, str(exc))
    except ValueError as exc:  # an IRI that is not one, from a hostile request path
        return Reply(404, f"not found ({exc})")


def _warm_up(store: Store) -> None:
    """Load what the first requests would (serialisers, the ontology), so that
    their time is not counted against a query's timeout."""
    from rdflib import Graph

    from kb.rdf.resources import ontology_graph

    format_result(store.query("ASK {}"), "json")
    ontology_graph()
    serialize([(URIRef("urn:kb:warm-up"), Graph())], "jsonld")


def _private_stdout() -> BinaryIO:
    """The pipe to the parent, moved off fd 1 so that stray prints go to stderr."""
    channel = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return channel


def main(argv: list[str] | None = None) -> int:
    """Open the store named by ``argv[0]`` and serve requests from stdin until EOF."""
    args = sys.argv[1:] if argv is None else argv
    # Ctrl-C goes to the server, which stops the workers; SIGTERM ends one at once
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    channel = _private_stdout()
    requests = sys.stdin.buffer
    try:
        store = Store(Path(args[0]), read_only=True)
    except (KbError, OSError, IndexError) as exc:
        write_message(channel, Reply(500, str(exc) or "no store given"))
        return 2
    _warm_up(store)
    write_message(channel, Reply(message="ready"))
    while (request := read_message(requests)) is not None:
        try:
            # a stat-cheap check: articles added or removed since are served now
            store.refresh()
            reply = answer(store, request)
        except Exception as exc:  # one bad request must not end the worker
            reply = Reply(500, f"internal error: {type(exc).__name__}: {exc}")
        write_message(channel, reply)
    return 0


if __name__ == "__main__":
    sys.exit(main())
