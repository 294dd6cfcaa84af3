"""The WSGI application of ``kb serve`` (werkzeug): routing, content negotiation,
the SPARQL 1.1 Protocol, linked-data resources, security headers and request logs.
Every store access goes to a worker process (:mod:`kb.serve.pool`)."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import (
    BadRequest,
    HTTPException,
    MethodNotAllowed,
    NotAcceptable,
    NotFound,
    RequestEntityTooLarge,
    UnsupportedMediaType,
)
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.routing import Map, RequestRedirect, Rule
from werkzeug.wrappers import Request, Response

from kb.errors import KbError, UsageError
from kb.rdf.iris import check_base
from kb.rdf.namespaces import KB
from kb.rdf.resources import (
    CONTEXT_FILE,
    CONTEXT_IRI,
    ONTOLOGY_FILE,
    ontology_graph,
    resource_dir,
)
from kb.rdf.writers import RDF_XML, serialize
from kb.serve.messages import (
    DescribeRequest,
    IndexRequest,
    PageRequest,
    Reply,
    SparqlRequest,
)
from kb.serve.messages import (
    Request as WorkerRequest,
)
from kb.serve.page_model import Page
from kb.serve.pages import Pages, stylesheet
from kb.serve.pool import QueryTimeout, ServerBusy, WorkerPool
from kb.serve.service import service_description
from kb.store.results import GRAPH_FORMATS

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from kb.serve import ServeOptions

__all__ = ["SECURITY_HEADERS", "KbApp"]

log = logging.getLogger("kb.serve")

#: Sent with every response. No script may run, nothing may frame the pages.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    # read-only public data without cookies or credentials: any site may read it
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "KB-Result-Limit, KB-Result-Truncated",
}

#: Media types offered for SELECT and ASK answers, in order of preference.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/html": "html",
    # a person with curl or a browser's "view as text": results as TSV, the
    # plainest of the SPARQL results formats (last, so "*/*" still gets JSON)
    "text/plain": "tsv",
}
#: Media types offered for graphs: CONSTRUCT, DESCRIBE, resources, the ontology.
GRAPH_TYPES = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
    "text/html": "html",
    # last, so that "*/*" still gets Turtle: what rdflib's SPARQLStore and
    # SPARQLWrapper ask for by default
    "application/rdf+xml": RDF_XML,
    # N-Triples was text/plain before it had a media type of its own
    "text/plain": "nt",
}
#: The media type written for each format.
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "html": "text/html; charset=utf-8",
    RDF_XML: "application/rdf+xml",
}
#: ``?format=`` values: (format for SELECT/ASK, format for graphs).
FORMAT_PARAMETER: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", RDF_XML),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "ttl": (None, "ttl"),
    "turtle": (None, "ttl"),
    "nt": (None, "nt"),
    "jsonld": (None, "jsonld"),
    RDF_XML: (None, RDF_XML),
    "html": ("html", "html"),
}
#: Characters that no minted IRI path holds; a request path with one is a 404.
_BAD_PATH = re.compile(r"[\x00-\x20<>\"{}|\\^`%\x7f]|(^|/)\.\.?(/|$)")
_SPARQL_METHODS = "GET, POST, OPTIONS"
#: A stored article whose IRI is not under the served base, if any, and one that
#: is (``%s``: the base, as a SPARQL string).
_STRAY = """SELECT ?other ?mine WHERE {
  { SELECT ?other WHERE { ?other a kb:Article FILTER (!STRSTARTS(STR(?other), %s)) }
    LIMIT 1 }
  OPTIONAL { SELECT ?mine WHERE { ?mine a kb:Article FILTER STRSTARTS(STR(?mine), %s) }
    LIMIT 1 }
}"""


class KbApp:
    """The application. Call :meth:`close` to stop its store workers."""

    def __init__(self, options: ServeOptions, pool: WorkerPool | None = None) -> None:
        base = check_base(options.base)
        if not base.endswith("/"):
            raise UsageError(
                f"--base {base!r}: kb serve needs a base ending in '/', because a "
                "fragment ('#...') never reaches a server"
            )
        self.options = options
        self.base = base
        self.base_path = urlsplit(base).path or "/"
        root = self.base_path.rstrip("/").rsplit("/", 1)[0] + "/"
        # the ontology and context sit beside the instances, as on w3id.org
        self.ontology_paths = sorted({"/ontology", f"{root}ontology"})
        self.context_paths = sorted({"/context/v1.jsonld", f"{root}context/v1.jsonld"})
        self.endpoint = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}/sparql"
        self.pages = Pages(
            base,
            ontology_path=self.ontology_paths[0],
            context_path=self.context_paths[0],
            endpoint=self.endpoint,
            timeout=options.timeout,
            limit=options.limit,
        )
        self.url_map = Map(self._rules(), strict_slashes=False, merge_slashes=False)
        self.pool = pool or WorkerPool(options.store, options.workers)

    def _rules(self) -> Iterable[Rule]:
        yield Rule("/", endpoint="index")
        yield Rule("/sparql", endpoint="sparql", methods=["GET", "POST", "OPTIONS"])
        yield Rule("/static/kb.css", endpoint="css")
        for path in self.ontology_paths:
            yield Rule(path, endpoint="ontology")
        for path in self.context_paths:
            yield Rule(path, endpoint="context")
        yield Rule(f"{self.base_path}<path:rest>", endpoint="resource")

    def close(self) -> None:
        """Stop the store workers."""
        self.pool.close()

    def stray_articles(self) -> str | None:
        """A warning when stored articles have IRIs outside the served base (added
        with another ``--base``): this server answers 404 for them, and its index
        links off it. ``None`` when every article is under the base, or there is
        none."""
        base = Literal(self.base).n3()
        query = SparqlRequest(_STRAY % (base, base), "json", None, 1)
        try:
            reply = self._ask(query)
        except (QueryTimeout, ServerBusy):
            return None  # a store too slow to tell: its requests will say so
        if reply.status != 200:
            return None
        rows = json.loads(reply.body)["results"]["bindings"]
        if not rows:
            return None
        other = rows[0]["other"]["value"]
        theirs = other[: other.rindex("article/")] if "article/" in other else other
        if "mine" in rows[0]:
            return (
                f"kb serve: some stored articles have IRIs under {theirs}, not "
                f"under the base served here ({self.base}), so this server does "
                f"not serve them (e.g. {other}); add them again with --base "
                f"{self.base}"
            )
        return (
            f"kb serve: the stored articles have IRIs under {theirs}, not under the "
            f"base served here ({self.base}), so every instance IRI would be 404 "
            f"here; start kb serve with --base {theirs}, or add the articles to a "
            f"new store with --base {self.base}"
        )

    # --- WSGI ----------------------------------------------------------------

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        started = time.monotonic()
        request = Request(environ)
        request.max_content_length = self.options.max_request_bytes
        request.max_form_memory_size = self.options.max_request_bytes
        response = self._dispatch(request)
        response.headers.update(SECURITY_HEADERS)
        _log_request(request, response, time.monotonic() - started)
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> Response:
        try:
            endpoint, args = self.url_map.bind_to_environ(request.environ).match()
            handler = getattr(self, f"_on_{endpoint}")
            response: Response = handler(request, **args)
            return response
        except RequestRedirect as exc:
            return exc.get_response(request.environ)
        except MethodNotAllowed as exc:
            response = self._error(request, 405, str(exc.description))
            response.headers["Allow"] = ", ".join(exc.valid_methods or ())
            return response
        except HTTPException as exc:
            return self._error(request, exc.code or 500, str(exc.description))
        except QueryTimeout:
            log.warning("kb serve: stopped a request after %g s", self.options.timeout)
            return self._error(
                request,
                503,
                f"the query took longer than {self.options.timeout:g} s and was "
                "stopped; make it narrower, or start kb serve with a larger --timeout",
            )
        except ServerBusy as exc:
            response = self._error(request, 503, str(exc))
            response.headers["Retry-After"] = "5"
            return response
        except KbError as exc:
            log.error("kb serve: %s", exc)
            return self._error(request, 500, str(exc))
        except Exception:  # a bug: log it, and still answer with our headers
            log.exception("kb serve: internal error on %s", request.path)
            return self._error(request, 500, "internal error; see the server's log")

    # --- negotiation and errors -----------------------------------------------

    def _wants_html(self, request: Request) -> bool:
        accept = _accept(request)
        return accept.best_match(["text/plain", "text/html"]) == "text/html"

    def _error(self, request: Request, status: int, message: str) -> Response:
        title = HTTP_STATUS_CODES.get(status, "Error")
        if self._wants_html(request):
            text = self.pages.error(status, title, message)
            response = Response(text, status, content_type=MEDIA_TYPES["html"])
        else:
            response = Response(
                f"{status} {title}: {message}\n",
                status,
                content_type="text/plain; charset=utf-8",
            )
        # its form follows Accept, and a 406 or 404 of one Accept must not be
        # cached for another
        response.vary.add("Accept")
        return response

    def _ask(self, request: WorkerRequest) -> Reply:
        return self.pool.ask(request, self.options.timeout)

    def _reply_response(self, http: Request, reply: Reply) -> Response | None:
        """The error response for a worker's failed reply, else ``None``."""
        if reply.status == 200:
            return None
        return self._error(http, reply.status, reply.message)

    # --- pages and resources --------------------------------------------------

    def _on_index(self, request: Request) -> Response:
        reply = self._ask(IndexRequest(limit=min(self.options.limit, 1000)))
        failed = self._reply_response(request, reply)
        if failed:
            return failed
        text = self.pages.index(reply.articles, reply.count, reply.truncated)
        return Response(text, content_type=MEDIA_TYPES["html"])

    def _on_css(self, request: Request) -> Response:
        return Response(self._css, content_type="text/css; charset=utf-8")

    @cached_property
    def _css(self) -> bytes:
        return stylesheet()

    def _on_context(self, request: Request) -> Response:
        text = resource_dir("ontology").joinpath(CONTEXT_FILE).read_bytes()
        response = Response(text, content_type="application/ld+json")
        response.headers["Content-Location"] = CONTEXT_IRI
        return response

    def _on_ontology(self, request: Request) -> Response:
        fmt = _negotiate(request, GRAPH_TYPES, default="ttl")
        if fmt == "html":
            text = self._ontology_html
        elif fmt == "ttl":
            text = resource_dir("ontology").joinpath(ONTOLOGY_FILE).read_text("utf-8")
        else:
            graph = ontology_graph()
            text = serialize([(URIRef(str(KB._NS)), graph)], fmt)
        response = Response(text, content_type=MEDIA_TYPES[fmt])
        response.vary.add("Accept")
        return response

    @cached_property
    def _ontology_html(self) -> str:
        return self.pages.ontology()

    def _on_resource(self, request: Request, rest: str) -> Response:
        if _BAD_PATH.search(rest):
            raise NotFound("no such resource")
        iri = self.base + rest
        fmt = _negotiate(request, GRAPH_TYPES, default="ttl")
        if fmt == "html":
            reply = self._ask(PageRequest(iri, self.options.limit))
            failed = self._reply_response(request, reply)
            if failed:
                return failed
            assert isinstance(reply.data, Page)
            response = Response(
                self.pages.resource(reply.data), content_type=MEDIA_TYPES["html"]
            )
        else:
            reply = self._ask(DescribeRequest(iri, fmt, self.options.limit))
            failed = self._reply_response(request, reply)
            if failed:
                return failed
            response = Response(reply.body, content_type=MEDIA_TYPES[fmt])
            _limit_headers(response, reply, self.options.limit)
        response.vary.add("Accept")
        return response

    # --- SPARQL ---------------------------------------------------------------

    def _on_sparql(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            response = Response(status=204)
            response.headers["Allow"] = _SPARQL_METHODS
            response.headers["Access-Control-Allow-Methods"] = _SPARQL_METHODS
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
            return response
        query = _sparql_query(request, self.options.max_request_bytes)
        if query is None:
            if self._wants_html(request):
                return Response(
                    self.pages.query_form(), content_type=MEDIA_TYPES["html"]
                )
            graph_fmt = _sparql_formats(request)[1]
            if request.method == "GET" and graph_fmt:
                return self._service_description(graph_fmt)
            raise BadRequest(
                "give a SPARQL query: GET /sparql?query=..., or POST it as "
                "application/sparql-query or as a form field 'query'"
            )
        select_fmt, graph_fmt = _sparql_formats(request)
        reply = self._ask(
            SparqlRequest(
                query,
                "json" if select_fmt == "html" else select_fmt,
                "ttl" if graph_fmt == "html" else graph_fmt,
                self.options.limit,
            )
        )
        failed = self._reply_response(request, reply)
        if failed:
            return failed
        is_graph = reply.fmt in GRAPH_FORMATS
        if (graph_fmt if is_graph else select_fmt) == "html":
            text = self.pages.results(reply.body, reply.fmt, reply.truncated, query)
            response = Response(text, content_type=MEDIA_TYPES["html"])
        else:
            response = Response(reply.body, content_type=MEDIA_TYPES[reply.fmt])
        _limit_headers(response, reply, self.options.limit)
        response.vary.add("Accept")
        return response

    def _service_description(self, fmt: str) -> Response:
        """The SPARQL 1.1 Service Description of this endpoint, in ``fmt``."""
        fmt = "ttl" if fmt == "html" else fmt
        graph = service_description(self.endpoint)
        text = serialize([(URIRef(self.endpoint), graph)], fmt)
        response = Response(text, content_type=MEDIA_TYPES[fmt])
        response.vary.add("Accept")
        return response


def _limit_headers(response: Response, reply: Reply, limit: int) -> None:
    response.headers["KB-Result-Limit"] = str(limit)
    if reply.truncated:
        response.headers["KB-Result-Truncated"] = (
            f"true; the answer was cut to the first {limit} results"
        )


def _accept(request: Request) -> MIMEAccept:
    """The request's ``Accept`` media types without their parameters (but ``q``):
    a JSON-LD client's ``application/ld+json;profile="…#compacted"`` or a
    ``text/turtle;charset=utf-8`` is the type it names, which werkzeug matches
    against no offer without those parameters."""
    return MIMEAccept(
        [(value.split(";", 1)[0].strip(), q) for value, q in request.accept_mimetypes]
    )


def _negotiate(request: Request, offers: dict[str, str], default: str) -> str:
    """The format for ``request``: ``?format=``, else the ``Accept`` header.

    :raises BadRequest: for an unknown ``?format=``.
    :raises NotAcceptable: when ``Accept`` allows none of ``offers``.
    """
    asked = request.args.get("format")
    if asked:
        if asked not in offers.values():
            raise BadRequest(
                f"format={asked!r} is not offered here; choose one of "
                f"{', '.join(sorted(set(offers.values())))}"
            )
        return asked
    accept = _accept(request)
    if not accept:
        return default
    best = accept.best_match(list(offers))
    if best is None:
        raise NotAcceptable(
            f"none of the media types in Accept is offered; choose one of "
            f"{', '.join(offers)}"
        )
    return offers[best]


def _sparql_formats(request: Request) -> tuple[str | None, str | None]:
    asked = request.args.get("format")
    if asked:
        if asked not in FORMAT_PARAMETER:
            raise BadRequest(
                f"format={asked!r} is not offered; choose one of "
                f"{', '.join(FORMAT_PARAMETER)}"
            )
        return FORMAT_PARAMETER[asked]
    accept = _accept(request)
    if not accept:
        return "json", "ttl"
    select = accept.best_match(list(RESULT_TYPES))
    graph = accept.best_match(list(GRAPH_TYPES))
    return (
        RESULT_TYPES[select] if select else None,
        GRAPH_TYPES[graph] if graph else None,
    )


_READ_ONLY = (
    "this endpoint is read-only: SPARQL updates are refused "
    "(use 'kb add' and 'kb remove' to change the knowledge base)"
)


def _one(values: list[str], what: str) -> str | None:
    if len(values) > 1:
        raise BadRequest(f"give one '{what}' parameter, not {len(values)}")
    return values[0] if values else None


def _sparql_query(request: Request, max_bytes: int) -> str | None:
    """The query of a SPARQL 1.1 Protocol request, or ``None`` when it has none.

    :raises BadRequest: for an update, a dataset in the request, or two queries.
    :raises UnsupportedMediaType: for a POST body that is neither form nor query.
    :raises RequestEntityTooLarge: past ``max_bytes``.
    """
    if "update" in request.args:
        raise BadRequest(_READ_ONLY)
    for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri"):
        if name in request.args or name in request.form:
            raise BadRequest(
                f"'{name}' is not supported: the default graph is always the union "
                "of all articles; use GRAPH in the query to pick one article"
            )
    if request.method == "GET":
        query = _one(request.args.getlist("query"), "query")
    elif request.mimetype == "application/x-www-form-urlencoded":
        if "update" in request.form:
            raise BadRequest(_READ_ONLY)
        query = _one(request.form.getlist("query"), "query")
    elif request.mimetype == "application/sparql-query":
        try:
            query = request.get_data().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadRequest(f"the query is not UTF-8 ({exc})") from exc
    elif request.mimetype == "application/sparql-update":
        raise BadRequest(_READ_ONLY)
    else:
        raise UnsupportedMediaType(
            f"POST the query as application/sparql-query or as a form "
            f"(application/x-www-form-urlencoded), not {request.mimetype or 'nothing'}"
        )
    if query is not None and len(query.encode("utf-8")) > max_bytes:
        raise RequestEntityTooLarge(f"the query is longer than {max_bytes} bytes")
    return query if query is None or query.strip() else None


_UNPRINTABLE = re.compile(r"[^\x20-\x7e]")


def _log_request(request: Request, response: Response, seconds: float) -> None:
    """One line per request; the target is cut short and control characters are
    escaped, so a request cannot forge log lines."""
    target = request.path
    raw_query = request.environ.get("QUERY_STRING", "")
    if raw_query:
        target += "?" + raw_query
    if len(target) > 200:
        target = target[:200] + "..."
    target = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", target)
    size = response.content_length if response.content_length is not None else "-"
    log.info(
        '%s "%s %s" %d %s %.0fms',
        request.remote_addr or "-",
        request.method,
        target,
        response.status_code,
        size,
        seconds * 1000,
    )
