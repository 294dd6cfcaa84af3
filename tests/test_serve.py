"""``kb serve`` over real HTTP: one server subprocess for the module, on a store built
from the invented articles in ``tests/data/serve/`` (one quotes ``<script>``)."""

from __future__ import annotations

import csv
import http.client
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kb.cli import cli
from kb.jobs.export import ExportOptions, add, parse_time
from kb.rdf.namespaces import KB, SD
from kb.rdf.resources import jsonld_context
from kb.store.embedded import Store
from tests import browser

DATA = Path(__file__).resolve().parent / "data" / "serve"
LIMIT = 50
MAX_REQUEST = 4096
#: How long the server may take to answer its first request, and to stop (and its
#: workers to end) after Ctrl-C: generous, for a machine under heavy load; the
#: tests wait on the event, so an idle machine takes as long as it needs.
START_SECONDS = 180
STOP_SECONDS = 60
SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
CROSS_PRODUCT = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
)


@dataclass(frozen=True)
class Server:
    """A running ``kb serve``: its address, instance base, process and log file."""

    url: str
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, accept: str | None = None, **kw: object) -> httpx.Response:
        headers = {"Accept": accept} if accept else {}
        return httpx.get(self.url + path, headers=headers, timeout=30, **kw)  # type: ignore[arg-type]

    def sparql(self, query: str, accept: str | None = None) -> httpx.Response:
        return self.get("/sparql", accept, params={"query": query})

    def raw_get(self, path: str) -> tuple[int, bytes]:
        """GET ``path`` byte for byte, with no client-side normalisation of ``..``."""
        host, port = self.url.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def iri(self, path: str) -> str:
        return self.base + path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> set[int]:
    """The child processes of ``pid``, started by any of its threads (Linux)."""
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children.update(int(p) for p in task.read_text().split())
        except OSError:  # the thread ended meanwhile
            continue
    return children


def _start(store: Path, port: int, base: str, log: Path, *extra: str) -> Server:
    command = [sys.executable, "-m", "kb", "serve", "--store", str(store)]
    command += ["--port", str(port), "--base", base, *extra]
    with log.open("wb") as err:
        # Ctrl-C as a terminal gives it: a shell that starts a job in the background
        # (make check &) makes its children ignore SIGINT, which they inherit
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    server = Server(f"http://127.0.0.1:{port}", base, process, log)
    # generous: on a loaded machine (a load of 20) the start took tens of seconds
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"kb serve exited early:\n{log.read_text()}")
        try:
            if httpx.get(server.url + "/", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"kb serve did not answer within {START_SECONDS} s:\n{log.read_text()}")


def _stop(server: Server) -> int:
    server.process.send_signal(signal.SIGINT)
    try:
        return server.process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.process.kill()
        return server.process.wait()


def _still_running(
    pids: set[int], ended: Callable[[int], bool], seconds: float = STOP_SECONDS
) -> list[int]:
    """The processes of ``pids`` that have not ``ended`` after waiting up to
    ``seconds`` for all of them: a condition to wait on, not a fixed sleep, which
    a loaded machine outlasts."""
    deadline = time.monotonic() + seconds
    while True:
        left = [pid for pid in sorted(pids) if not ended(pid)]
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)


def _exited_or_zombie(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists() or _is_zombie(pid)


def _exited(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


@pytest.fixture(scope="module")
def store_and_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/id/"
    path = tmp_path_factory.mktemp("serve") / "kb-store"
    options = ExportOptions(base=base, generated_at=parse_time("2026-01-01T00:00:00Z"))
    with Store(path) as kb:
        result = add(sorted(DATA.iterdir()), kb, options)
    assert result.written == 2, result.summary()
    return path, base, port


@pytest.fixture(scope="module")
def server(
    store_and_base: tuple[Path, str, int], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    store, base, port = store_and_base
    log = tmp_path_factory.mktemp("serve-log") / "stderr.log"
    # the default timeout: a loaded machine took over a second for an ASK, which
    # a server that stops queries after 1 s answered with 503
    extra = ("--limit", str(LIMIT), "--max-request", str(MAX_REQUEST))
    running = _start(store, port, base, log, *extra)
    yield running
    _stop(running)


@pytest.fixture
def quick_server(
    store_and_base: tuple[Path, str, int], tmp_path: Path
) -> Iterator[Server]:
    """A server of the same store that stops a query after a second."""
    store, base, _ = store_and_base
    running = _start(store, _free_port(), base, tmp_path / "log", "--timeout", "1")
    yield running
    _stop(running)


def _answered(
    server: Server, query: str, seconds: float = STOP_SECONDS
) -> httpx.Response:
    """The answer to ``query`` once it is not 503: a server that stops queries
    after a second stops quick ones too while a loaded machine crawls (a
    condition to wait on, within ``seconds``)."""
    deadline = time.monotonic() + seconds
    while True:
        response = server.sparql(query)
        if response.status_code != 503 or time.monotonic() >= deadline:
            return response
        time.sleep(0.2)


# --- SPARQL protocol ----------------------------------------------------------

LABELS = "SELECT ?s ?label WHERE { ?s a kb:Person ; rdfs:label ?label } ORDER BY ?label"


def test_sparql_get_json_by_default(server: Server) -> None:
    response = server.sparql(LABELS)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    document = response.json()
    assert document["head"]["vars"] == ["s", "label"]
    labels = [b["label"]["value"] for b in document["results"]["bindings"]]
    assert "Maria Okafor" in labels
    assert response.headers["access-control-allow-origin"] == "*"


def test_sparql_xml(server: Server) -> None:
    response = server.sparql(LABELS, "application/sparql-results+xml")
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(response.content)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    names = [v.get("name") for v in root.iter(f"{ns}variable")]
    assert names == ["s", "label"]
    literals = [e.text for e in root.iter(f"{ns}literal")]
    assert "Maria Okafor" in literals


def test_sparql_csv(server: Server) -> None:
    response = server.sparql(LABELS, "text/csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["s", "label"]
    assert [server.iri("person/maria-okafor"), "Maria Okafor"] in rows


def test_sparql_tsv(server: Server) -> None:
    response = server.sparql(LABELS, "text/tab-separated-values")
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    lines = response.text.splitlines()
    assert lines[0] == "?s\t?label"
    assert f'<{server.iri("person/maria-okafor")}>\t"Maria Okafor"' in lines


def test_sparql_post_form_and_query_body(server: Server) -> None:
    form = httpx.post(server.url + "/sparql", data={"query": LABELS}, timeout=30)
    body = httpx.post(
        server.url + "/sparql",
        content=LABELS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
        timeout=30,
    )
    assert form.status_code == body.status_code == 200
    assert "Maria Okafor" in form.text and "Maria Okafor" in body.text
    assert body.headers["content-type"].startswith("text/csv")


def test_sparql_ask(server: Server) -> None:
    response = server.sparql("ASK { ?s a kb:Article }")
    assert response.json()["boolean"] is True


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ],
)
def test_sparql_construct(server: Server, accept: str, rdf_format: str) -> None:
    query = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kb:Person ; rdfs:label ?l }"
    response = server.sparql(query, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=rdf_format)
    maria = URIRef(server.iri("person/maria-okafor"))
    assert (maria, RDFS.label, Literal("Maria Okafor")) in graph


def test_the_readmes_session_is_what_the_server_answers(server: Server) -> None:
    """The README's ``curl`` of /sparql for CSV, on the articles it names."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    session = text[text.index("$ curl -H 'Accept: text/csv'") :]
    query = re.search(r"'query=(.*?)'", session, re.S)
    assert query, "the README's query"
    shown = session.split("/sparql\n", 1)[1].split("\n$ ", 1)[0].splitlines()
    response = server.get("/sparql", "text/csv", params={"query": query[1]})
    assert response.status_code == 200
    # ORDER BY ?name alone: one name's rows may come in either order
    assert sorted(response.text.splitlines()) == sorted(shown)


def test_sparql_not_acceptable(server: Server) -> None:
    assert server.sparql(LABELS, "image/png").status_code == 406


def test_plain_text_gets_tsv_results_and_n_triples(server: Server) -> None:
    """``Accept: text/plain`` (curl users, "view as text") is answered, not refused:
    results as TSV, graphs as N-Triples; "*/*" still gets JSON."""
    results = server.sparql(LABELS, "text/plain")
    assert results.status_code == 200
    assert results.text.splitlines()[0] == "?s\t?label"
    query = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kb:Person ; rdfs:label ?l }"
    graph = Graph().parse(data=server.sparql(query, "text/plain").text, format="nt")
    maria = URIRef(server.iri("person/maria-okafor"))
    assert (maria, RDFS.label, Literal("Maria Okafor")) in graph
    resource = server.get("/id/person/maria-okafor", "text/plain")
    assert resource.headers["content-type"].startswith("application/n-triples")
    anything = server.sparql(LABELS, "*/*")
    assert anything.headers["content-type"].startswith(
        "application/sparql-results+json"
    )


@pytest.mark.parametrize(
    ("path", "accept", "status"),
    [
        ("/id/person/maria-okafor", "image/png", 406),
        ("/id/person/nobody-at-all", "text/turtle", 404),
        ("/id/person/nobody-at-all", "text/html", 404),
    ],
)
def test_a_refused_or_missing_resource_varies_on_accept(
    server: Server, path: str, accept: str, status: int
) -> None:
    """A cache must not hand a 406 or a 404 of one Accept to another client."""
    response = server.get(path, accept)
    assert response.status_code == status
    assert "Accept" in response.headers.get("vary", "")


def test_sparql_without_query_is_400(server: Server) -> None:
    response = server.get("/sparql", "application/sparql-results+json")
    assert response.status_code == 400
    assert "query" in response.text


@pytest.mark.parametrize(
    ("accept", "syntax"),
    [("text/turtle", "turtle"), (None, "turtle"), ("application/ld+json", "json-ld")],
)
def test_sparql_without_query_describes_the_service(
    server: Server, accept: str | None, syntax: str
) -> None:
    """The SPARQL protocol's service description: what a client finds at the endpoint."""
    response = server.get("/sparql", accept)
    assert response.status_code == 200, response.text
    assert "Accept" in response.headers.get("vary", "")
    graph = Graph().parse(data=response.text, format=syntax)
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert service is not None
    assert graph.value(service, SD.endpoint) == URIRef(server.url + "/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats


def test_sparql_post_without_query_is_still_400(server: Server) -> None:
    response = httpx.post(server.url + "/sparql", data={"other": "x"}, timeout=30)
    assert response.status_code == 400
    assert "query" in response.text


def test_sparql_syntax_error_is_400(server: Server) -> None:
    response = server.sparql("SELECT ?x WHERE {")
    assert response.status_code == 400
    assert "does not parse" in response.text


def test_sparql_with_an_unknown_prefix_is_400_and_names_it(server: Server) -> None:
    response = server.sparql("SELECT ?n WHERE { ?p foaf:name ?n }")
    assert response.status_code == 400
    assert "unknown prefix foaf:" in response.text
    assert "\\u{" not in response.text


def _triple_count(server: Server) -> int:
    response = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_updates_are_refused(server: Server) -> None:
    before = _triple_count(server)
    update = "DELETE WHERE { ?s ?p ?o }"
    attempts = [
        httpx.post(
            server.url + "/sparql",
            content=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
            timeout=30,
        ),
        httpx.post(server.url + "/sparql", data={"update": update}, timeout=30),
        server.sparql(update),
        server.sparql("DROP ALL"),
    ]
    for response in attempts:
        assert response.status_code == 400, response.text
        assert "read-only" in response.text
    put = httpx.put(server.url + "/sparql", content=b"x", timeout=30)
    assert put.status_code == 405
    assert "POST" in put.headers["allow"]
    assert _triple_count(server) == before > 0


def test_federated_query_is_refused(server: Server) -> None:
    # SERVICE would make the server fetch from any address a client names (SSRF)
    query = "SELECT * WHERE { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = server.sparql(query)
    assert response.status_code == 400
    assert "SERVICE" in response.text
    # the word as a variable is fine
    assert server.sparql("SELECT ?service WHERE { ?service a kb:Event }").is_success


def test_result_limit_truncates_and_says_so(server: Server) -> None:
    response = server.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == LIMIT
    assert response.headers["kb-result-limit"] == str(LIMIT)
    assert response.headers["kb-result-truncated"].startswith("true")
    small = server.sparql(LABELS)
    assert "kb-result-truncated" not in small.headers


def test_timeout_stops_the_query_and_the_server_goes_on(quick_server: Server) -> None:
    server = quick_server
    workers = _children(server.process.pid)
    response = server.sparql(CROSS_PRODUCT)
    assert response.status_code == 503
    assert "stopped" in response.text
    # the worker that ran it was killed and replaced, so the work really stopped
    after = _children(server.process.pid)
    if workers:
        assert workers - after, "no worker was stopped"
        assert len(after) == len(workers)
    assert _answered(server, "ASK { ?s ?p ?o }").json()["boolean"] is True
    assert _answered(server, LABELS).status_code == 200


def test_a_killed_worker_is_replaced(server: Server) -> None:
    workers = _children(server.process.pid)
    for pid in workers:
        os.kill(pid, signal.SIGKILL)  # children of the server this module started
    # the server notices a dead worker when it next hands it a request
    assert _still_running(workers, _exited_or_zombie) == []
    assert server.sparql("ASK { ?s ?p ?o }").json()["boolean"] is True
    assert server.sparql(LABELS).status_code == 200


def test_oversized_requests_get_413(server: Server) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_REQUEST
    as_body = httpx.post(
        server.url + "/sparql",
        content=big.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    as_form = httpx.post(server.url + "/sparql", data={"query": big}, timeout=30)
    huge = httpx.post(
        server.url + "/sparql",
        content=b"x" * (4 * MAX_REQUEST),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert as_body.status_code == as_form.status_code == huge.status_code == 413
    assert server.sparql(big).status_code == 413


def test_cors_preflight(server: Server) -> None:
    response = httpx.options(
        server.url + "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
        },
        timeout=30,
    )
    assert response.status_code == 204
    assert "POST" in response.headers["access-control-allow-methods"]
    assert response.headers["access-control-allow-origin"] == "*"


# --- linked data --------------------------------------------------------------


def _event_iri(server: Server) -> str:
    query = "SELECT ?e WHERE { ?e a kb:Event ; kb:agent ?who } ORDER BY ?e LIMIT 1"
    return str(server.sparql(query).json()["results"]["bindings"][0]["e"]["value"])


def _path(server: Server, iri: str) -> str:
    assert iri.startswith(server.url)
    return iri.removeprefix(server.url)


@pytest.mark.parametrize("kind", ["actor", "event"])
def test_resource_as_turtle_and_jsonld(server: Server, kind: str) -> None:
    iri = server.iri("person/maria-okafor") if kind == "actor" else _event_iri(server)
    turtle = server.get(_path(server, iri), "text/turtle")
    jsonld = server.get(_path(server, iri), "application/ld+json")
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert "Accept" in turtle.headers["vary"]
    from_turtle = Graph().parse(data=turtle.text, format="turtle")
    from_jsonld = Graph().parse(data=jsonld.text, format="json-ld")
    assert isomorphic(from_turtle, from_jsonld)
    node = URIRef(iri)
    expected = KB.Person if kind == "actor" else KB.Event
    assert (node, RDF.type, expected) in from_turtle
    assert from_turtle.value(node, RDFS.label) is not None
    # its mentions are described too, so a client can find the text
    mention = from_turtle.value(node, KB.mention)
    assert mention is not None and from_turtle.value(mention, KB.anchor) is not None


def test_resource_and_ontology_as_rdf_xml(server: Server) -> None:
    """RDF/XML, for clients that ask for nothing else (it comes last: ``*/*``
    still gets Turtle)."""
    path = "/id/person/maria-okafor"
    xml = server.get(path, "application/rdf+xml")
    assert xml.headers["content-type"] == "application/rdf+xml"
    turtle = Graph().parse(data=server.get(path, "text/turtle").text, format="ttl")
    assert isomorphic(Graph().parse(data=xml.text, format="xml"), turtle)
    ontology = server.get("/ontology", "application/rdf+xml")
    assert (KB.Person, RDF.type, OWL.Class) in Graph().parse(
        data=ontology.text, format="xml"
    )


def test_rdflibs_sparql_store_reads_a_construct_as_it_asks(server: Server) -> None:
    """rdflib's SPARQLStore asks for RDF/XML of a CONSTRUCT by default (and gave
    up on a 406)."""
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s a <{KB.Person}> ; ?p ?o }}"
    answer = Graph(store=SPARQLStore(server.url + "/sparql")).query(query).graph
    turtle = server.sparql(query, "text/turtle").text
    assert answer is not None and len(answer) > 0
    assert isomorphic(answer, Graph().parse(data=turtle, format="turtle"))
    odd = "CONSTRUCT { ?s <urn:x:1> ?o } WHERE { ?s rdfs:label ?o }"
    refused = server.sparql(odd, "application/rdf+xml")
    assert refused.status_code == 400 and "ask for Turtle" in refused.text


@pytest.mark.parametrize(
    ("accept", "query", "expected"),
    [
        (
            'application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"',
            None,
            "application/ld+json",
        ),
        ("text/turtle; charset=utf-8", None, "text/turtle"),
        (
            "application/sparql-results+json; charset=utf-8",
            "ASK {}",
            "application/sparql-results+json",
        ),
        (
            "text/turtle;charset=utf-8;q=0.5, application/n-triples;q=0.4",
            "CONSTRUCT WHERE { ?s a kb:Person }",
            "text/turtle",
        ),
    ],
)
def test_media_types_with_parameters_are_the_types_they_name(
    server: Server, accept: str, query: str | None, expected: str
) -> None:
    """A JSON-LD client's profile, or a charset, does not make a type unknown."""
    if query is None:
        response = server.get("/id/person/maria-okafor", accept)
    else:
        response = server.sparql(query, accept)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(expected)


def test_turtle_is_the_default_for_any_client(server: Server) -> None:
    response = server.get("/id/person/maria-okafor", "*/*")
    assert response.headers["content-type"].startswith("text/turtle")
    assert server.get("/id/person/maria-okafor?format=jsonld").json()


def test_actor_page(server: Server) -> None:
    response = server.get("/id/person/maria-okafor", "text/html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="en">' in page
    assert "<h1>Maria Okafor</h1>" in page
    assert "leader" in page  # her role
    assert "Claims made by Maria Okafor" in page
    assert "ferry fares in Port Elmsworth would rise by 12 percent" in page
    # each mention is shown inside its sentence
    assert "<mark>Maria Okafor</mark>, the leader of the dockers" in page
    assert "union leader <mark>Maria Okafor</mark> said on Monday." in page
    assert "<script" not in page.replace(ESCAPED_SCRIPT, "")


def test_event_page(server: Server) -> None:
    iri = _event_iri(server)
    page = server.get(_path(server, iri), "text/html").text
    assert "Event type" in page and "Done by" in page and "Mentions" in page
    assert "<mark>" in page


def test_article_text_and_claims_are_escaped(server: Server) -> None:
    """No XSS: a quote holding a script tag, and a headline with markup."""
    responses = [server.get("/id/person/maria-okafor", "text/html")]
    articles = server.sparql("SELECT ?a WHERE { ?a a kb:Article }").json()
    for binding in articles["results"]["bindings"]:
        responses.append(server.get(_path(server, binding["a"]["value"]), "text/html"))
    responses.append(server.get("/", "text/html"))
    statements = {"query": "SELECT ?s WHERE { ?c kb:statement ?s }"}
    responses.append(server.get("/sparql", "text/html", params=statements))
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert len(responses) == 5  # the actor, two articles, the index, results
    joined = "\n".join(r.text for r in responses)
    assert SCRIPT not in joined
    assert ESCAPED_SCRIPT in joined
    assert "<b>after</b>" not in joined and "&lt;b&gt;after&lt;/b&gt;" in joined
    assert "&lt;http://evil.example/x&gt; a &lt;y&gt; ." in joined
    assert "javascript:" not in joined


def test_unknown_iri_is_404(server: Server) -> None:
    for accept in ("text/turtle", "text/html", "application/ld+json"):
        assert server.get("/id/person/nobody-at-all", accept).status_code == 404
    assert server.get("/nowhere").status_code == 404


def test_ontology_resolves(server: Server) -> None:
    turtle = server.get("/ontology", "text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (KB.Person, RDF.type, OWL.Class) in graph
    jsonld = server.get("/ontology", "application/ld+json")
    assert (KB.Person, RDF.type, OWL.Class) in Graph().parse(
        data=jsonld.text, format="json-ld"
    )
    html = server.get("/ontology", "text/html").text
    assert 'id="Person"' in html  # so kb:Person, ...ontology#Person, lands on it


def test_context_resolves(server: Server) -> None:
    response = server.get("/context/v1.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    assert response.json() == jsonld_context()


def test_index_page(server: Server) -> None:
    page = server.get("/", "text/html").text
    assert "Dock workers strike at Port Elmsworth" in page
    assert 'action="/sparql"' in page
    assert server.get("/static/kb.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/..%2f..%2f..%2fetc%2fpasswd",
        "/static/../../../../etc/passwd",
        "/static/..%2f..%2fpyproject.toml",
        "/context/..%2f..%2fpyproject.toml",
        "/id/%2e%2e/%2e%2e/pyproject.toml",
    ],
)
def test_no_path_traversal(server: Server, path: str) -> None:
    status, body = server.raw_get(path)
    assert status in (400, 404)
    assert b"root:" not in body and b"[project]" not in body


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/id/person/maria-okafor", "text/html"),
        ("/id/person/maria-okafor", "text/turtle"),
        ("/sparql?query=ASK%7B%7D", None),
        ("/sparql?query=nonsense", None),
        ("/id/person/nobody-at-all", "text/html"),
        ("/ontology", None),
    ],
)
def test_security_headers(server: Server, path: str, accept: str | None) -> None:
    headers = server.get(path, accept).headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_one_log_line_per_request(server: Server) -> None:
    marker = f"/id/person/log-check-{os.getpid()}"
    server.get(marker, "text/turtle")
    deadline = time.monotonic() + STOP_SECONDS  # the line is written after the reply
    while True:
        text = server.log.read_text()
        lines = [line for line in text.splitlines() if marker in line]
        if lines or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    assert len(lines) == 1 and '" 404 ' in lines[0]


# --- the library and the command ---------------------------------------------


def test_links_only_to_http_iris() -> None:
    from kb.serve.pages import Pages

    pages = Pages("http://h.example/id/", "/ontology", "/context/v1.jsonld", "", 1, 1)
    assert pages.href("http://h.example/id/person/x") == "/id/person/x"
    assert pages.href(str(KB.Person)) == "/ontology#Person"
    assert pages.href("https://www.wikidata.org/entity/Q1") == (
        "https://www.wikidata.org/entity/Q1"
    )
    for hostile in ("javascript:alert(1)", "data:text/html,x", "JaVaScRiPt:x"):
        assert pages.href(hostile) == ""


def test_make_app_in_process(store_and_base: tuple[Path, str, int]) -> None:
    from werkzeug.test import Client

    from kb.serve import ServeOptions, make_app

    store, base, _ = store_and_base
    app = make_app(ServeOptions(store=store, base=base, workers=1))
    try:
        response = Client(app).get(
            "/id/person/maria-okafor", headers={"Accept": "text/turtle"}
        )
        assert response.status_code == 200
        assert "Maria Okafor" in response.get_data(as_text=True)
    finally:
        app.close()


def _stray(store: Path, base: str) -> str | None:
    from kb.serve import ServeOptions, make_app

    app = make_app(ServeOptions(store=store, base=base, workers=1))
    try:
        return app.stray_articles()
    finally:
        app.close()


def test_serve_warns_when_the_articles_are_not_under_its_base(
    store_and_base: tuple[Path, str, int], tmp_path: Path
) -> None:
    """A store added with one --base and served with another answers 404 for
    every instance: kb serve says so, and which --base to give."""
    store, base, _ = store_and_base
    assert _stray(store, base) is None
    elsewhere = _stray(store, "http://127.0.0.1:1/other/")
    assert elsewhere is not None
    assert f"IRIs under {base}, not under" in elsewhere
    assert f"start kb serve with --base {base}" in elsewhere
    mixed = tmp_path / "mixed"
    with Store(mixed) as kb:
        for iri in (f"{base}article/t-1", "https://news.example/id/article/t-2"):
            kb.add(iri, Graph().add((URIRef(iri), RDF.type, KB.Article)))
    some = _stray(mixed, base)
    assert some is not None and some.startswith("kb serve: some stored articles")
    assert "https://news.example/id/article/t-2" in some


def test_serve_missing_store_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "no knowledge base here" in result.stderr


def test_a_base_that_is_no_url_says_what_to_give(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--store", str(tmp_path), "--base", "not a url"]
    )
    assert result.exit_code == 2
    assert "give one like https://example.org/id/" in result.stderr


def test_serve_refuses_a_fragment_base(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--store", str(tmp_path), "--base", "http://x.example/id#"]
    )
    assert result.exit_code == 2
    assert "ending in '/'" in result.stderr


def test_ctrl_c_stops_cleanly(
    store_and_base: tuple[Path, str, int], tmp_path: Path
) -> None:
    store, base, _ = store_and_base
    port = _free_port()
    server = _start(store, port, base, tmp_path / "stderr.log", "--workers", "1")
    workers = _children(server.process.pid)
    assert workers, "the server has its worker once it answers"
    assert _stop(server) == 0
    assert "stopped" in server.log.read_text()
    assert "Traceback" not in server.log.read_text()
    assert _still_running(workers, _exited_or_zombie) == []


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True


# --- the page in a real browser -----------------------------------------------------

CHROMIUM_FLAGS = browser.FLAGS  # one list of the flags this machine needs


@pytest.mark.external
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_actor_page_renders_in_chromium(server: Server, tmp_path: Path) -> None:
    # `make test` installs chromium; the screenshot stays under tmp_path for a person
    # to look at (see the README), and the test checks what the browser built
    url = server.url + "/id/person/maria-okafor"
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    shot = tmp_path / "actor.png"
    subprocess.run(
        [
            "chromium",
            *CHROMIUM_FLAGS,
            *profile,
            f"--screenshot={shot}",
            "--window-size=1000,1400",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    png = shot.read_bytes()
    assert (
        png.startswith(b"\x89PNG") and len(png) > 10_000
    )  # a rendered page, not blank
    dom = subprocess.run(
        ["chromium", *CHROMIUM_FLAGS, *profile, "--dump-dom", url],
        check=True,
        capture_output=True,
        text=True,
        timeout=90,
    ).stdout
    assert "<h1>Maria Okafor</h1>" in dom
    assert "<mark>Maria Okafor</mark>" in dom
    # the browser parsed the quoted <script> as text: no script element exists
    assert "<script" not in dom.replace(ESCAPED_SCRIPT, "")


# --- the article page ---------------------------------------------------------------


class _Marks(HTMLParser):
    """The marks of a page's article text: (kind, start, end, text) for each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[list[object] | None] = []
        self.found: list[tuple[str, int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "span":
            return
        found = dict(attrs)
        mark = None
        if found.get("data-start") is not None:
            mark = [found["data-kind"], int(found["data-start"] or 0)]
            mark += [int(found["data-end"] or 0), ""]
        self.open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and (mark := self.open.pop()) is not None:
            self.found.append(tuple(mark))  # type: ignore[arg-type]

    def handle_data(self, data: str) -> None:
        for mark in self.open:
            if mark is not None:
                mark[3] = str(mark[3]) + data


def page_marks(page: str) -> list[tuple[str, int, int, str]]:
    parser = _Marks()
    parser.feed(page)
    return parser.found


def test_article_page_marks_every_span_and_shows_who_said_what(server: Server) -> None:
    found = server.sparql(
        "SELECT ?a ?b WHERE { ?a kb:mentions ?c . ?c kb:conflictsWith ?d ."
        " ?a schema:articleBody ?b }"
    ).json()["results"]["bindings"]
    article, body = found[0]["a"]["value"], found[0]["b"]["value"]
    page = server.get(_path(server, article), "text/html").text
    marks = page_marks(page)
    assert {kind for kind, *_ in marks} == {
        "actor",
        "place",
        "event",
        "figure",
        "claim",
        "cue",
    }
    for kind, start, end, text in marks:
        assert text == body[start:end], (kind, start, end)
    # nested marks: the figure sits inside the claim that gives it
    claims = [(s, e) for k, s, e, _ in marks if k == "claim"]
    figures = [(s, e) for k, s, e, _ in marks if k == "figure"]
    assert all(any(cs <= s and e <= ce for cs, ce in claims) for s, e in figures)
    assert "Who said what (2)" in page
    assert "<td>said</td><td>reported</td>" in page
    assert page.count('<div class="side">') == 2  # the conflicting figures
    assert (
        "<strong>12 percent</strong>" in page and "<strong>5 percent</strong>" in page
    )
    assert "<svg " in page and 'class="edge conflict"' in page
    assert 'class="skip" href="#main"' in page


def test_html_report_titles_by_first_words_and_needs_no_network(tmp_path: Path) -> None:
    """kb export --format html: an article with no headline is listed and titled by
    its first words, never its IRI; the file loads nothing; every mark is its text."""
    plain = tmp_path / "untitled.txt"
    plain.write_text(
        "The rain fell for a week over Tarsk, and the river rose.\n\n"
        "Mayor Ana Obi said the bridge would stay closed until Friday.\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli,
        ["export", str(plain), str(DATA / "ferry-fares.md"), "--format", "html"]
        + ["-o", str(report), "--fixed-time", "2026-01-01T00:00:00Z"],
    )
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert ">The rain fell for a week over Tarsk, and the river rose…</a>" in page
    assert ">http" not in page.replace(">https://", "")  # no IRI shown as a title
    for tag in ("<script", "<img", "<iframe", 'rel="stylesheet"', "src="):
        assert tag not in page, tag
    texts = [
        chunk.split("</section>", 1)[0]
        for chunk in page.split('<div class="article-text">')[1:]
    ]
    assert len(texts) == 2
    body = plain.read_text(encoding="utf-8").strip()
    found = [page_marks(text) for text in texts if "rain fell" in text]
    assert found and found[0]
    for _kind, start, end, text in found[0]:
        assert body[start:end] == text, (start, end, text)


@pytest.mark.parametrize(
    ("host", "advice"),
    [
        ("999.1.1.1", "--host must be an address of this machine"),  # no address
        ("192.0.2.1", "--host must be an address of this machine"),  # not this one
    ],
)
def test_serve_names_the_host_it_cannot_listen_on(
    store_and_base: tuple[Path, str, int], host: str, advice: str
) -> None:
    store, base, _ = store_and_base
    args = ["serve", "--store", str(store), "--base", base, "--host", host]
    result = CliRunner().invoke(cli, [*args, "--port", str(_free_port())])
    assert result.exit_code == 2, result.output
    assert f"cannot listen on {host}:" in result.stderr and advice in result.stderr


def test_serve_on_a_port_in_use_asks_for_another(
    store_and_base: tuple[Path, str, int],
) -> None:
    store, base, _ = store_and_base
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["serve", "--store", str(store), "--base", base, "--port", str(port)]
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "choose another --port" in result.stderr


def test_the_first_line_says_where_instances_of_another_base_are_served(
    store_and_base: tuple[Path, str, int], tmp_path: Path
) -> None:
    port = _free_port()
    default_base = "https://w3id.org/newskb/id/"
    running = _start(store_and_base[0], port, default_base, tmp_path / "log")
    try:
        first = running.log.read_text().splitlines()[0]
    finally:
        _stop(running)
    assert (
        "instances under https://w3id.org/newskb/id/ at "
        f"http://127.0.0.1:{port}/newskb/id/);"
    ) in first
