"""``kb push`` against a small Graph Store Protocol server run by the test itself
(on 127.0.0.1): what is sent, retries and backoff, failures and their report, a
target that goes away mid-push, and credentials that never show."""

from __future__ import annotations

import base64
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kb.cli import cli
from kb.errors import StoreError, UsageError
from kb.store.embedded import Store
from kb.store.push import (
    ArticleGraph,
    PushOptions,
    PushTarget,
    graphs_from_store,
    push,
    target_from_env,
)
from kb.store.remote import (
    RemoteEndpoint,
    _ask_table,
    _json_result,
    _other_result,
    query_form,
    remote_query,
    with_prefixes,
)
from kb.store.sparql import QueryResult
from tests.servers import free_port

XSD = "http://www.w3.org/2001/XMLSchema#"
USER, PASSWORD = "newsdesk", "pa55-Wörd:with;odd&chars"
# what a basic-auth header would carry, should anything print it
SECRETS = (PASSWORD, base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
ARTICLES = (
    "http://example.org/news/one",
    "http://example.org/news/two?page=2&lang=fr",
    "http://example.org/news/trois-été",
    "http://example.org/news/four#part",
)


@dataclass
class Gsp:
    """What the little server was asked and how it answers: ``script`` gives the
    status of the next PUTs (then 201), ``die_after`` closes it after that many
    successful PUTs, ``delay`` slows every answer."""

    graphs: dict[str, bytes] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    script: list[int] = field(default_factory=list)
    die_after: int | None = None
    delay: float = 0.0
    need_auth: str | None = None
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/store"


def _handler(gsp: Gsp) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_PUT(self) -> None:  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if gsp.die_after is not None and len(gsp.graphs) >= gsp.die_after:
                # gone: a keep-alive connection outlives server.shutdown(), so
                # drop it unanswered rather than race the shutdown thread
                self.close_connection = True
                return
            graph = parse_qs(urlsplit(self.path).query)["graph"][0]
            gsp.requests.append((graph, dict(self.headers)))
            time.sleep(gsp.delay)
            auth = self.headers.get("Authorization")
            if gsp.need_auth and auth != gsp.need_auth:
                return self._answer(401, b"who are you?")
            status = gsp.script.pop(0) if gsp.script else 201
            if status >= 300:
                return self._answer(status, b"<p>not now</p>", retry_after="0")
            gsp.graphs[graph] = body
            self._answer(status, b"")
            if gsp.die_after is not None and len(gsp.graphs) >= gsp.die_after:
                threading.Thread(target=_close, args=(gsp,)).start()

        def _answer(self, status: int, body: bytes, retry_after: str = "") -> None:
            self.send_response(status)
            if retry_after:
                self.send_header("Retry-After", retry_after)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _serve(gsp: Gsp, port: int = 0) -> Gsp:
    gsp.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(gsp))
    threading.Thread(target=gsp.server.serve_forever, daemon=True).start()
    return gsp


def _close(gsp: Gsp) -> None:
    if gsp.server is not None:
        gsp.server.shutdown()
        gsp.server.server_close()


@pytest.fixture
def gsp() -> Iterator[Gsp]:
    server = _serve(Gsp())
    yield server
    _close(server)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store of four small invented articles, their IRIs full of characters a
    URL must encode."""
    path = tmp_path / "store"
    with Store(path) as kb:
        for i, article in enumerate(ARTICLES):
            graph = Graph()
            for j in range(i + 1):
                node = URIRef(f"{article.split('#')[0]}/thing/{j}")
                graph.add((node, RDFS.label, Literal(f"Invented thing {j} «{i}»")))
            kb.add(article, graph)
    return path


def _push(
    args: list[str], caplog: pytest.LogCaptureFixture | None = None
) -> tuple[int, str]:
    env = {"KB_PUSH_USER": USER, "KB_PUSH_PASSWORD": PASSWORD}
    if caplog is not None:
        caplog.set_level(logging.DEBUG)
    result = CliRunner().invoke(cli, ["push", *args], env=env)
    text = result.stdout + result.stderr + (caplog.text if caplog else "")
    if result.exception and not isinstance(result.exception, SystemExit):
        text += repr(result.exception)
    return result.exit_code, text


def _fast(**kwargs: object) -> PushOptions:
    return PushOptions(backoff=0.001, **kwargs)  # type: ignore[arg-type]


def test_pushes_every_graph_as_ntriples(gsp: Gsp, store: Path) -> None:
    code, out = _push(["--endpoint", gsp.url, "--store", str(store)])
    assert code == 0, out
    local = {g.iri: g.ntriples for g in graphs_from_store(store)}
    assert gsp.graphs == local  # the IRIs came through the URL encoding intact
    assert len(local) == len(ARTICLES)
    assert all(
        h["Content-Type"].startswith("application/n-triples") for _, h in gsp.requests
    )
    assert f"{len(ARTICLES)} of {len(ARTICLES)} graphs sent" in out


def test_graph_option_picks_graphs(gsp: Gsp, store: Path) -> None:
    code, out = _push(
        ["--endpoint", gsp.url, "--store", str(store), "--graph", ARTICLES[1]]
    )
    assert code == 0, out
    assert list(gsp.graphs) == [ARTICLES[1]]


def test_unknown_graph_is_a_usage_error(gsp: Gsp, store: Path) -> None:
    code, out = _push(
        ["--endpoint", gsp.url, "--store", str(store), "--graph", "http://nope/x"]
    )
    assert code == 2 and "http://nope/x" in out and "kb stats --articles" in out
    assert gsp.requests == []


def test_dry_run_lists_and_sends_nothing(gsp: Gsp, store: Path) -> None:
    args = [
        "--endpoint",
        gsp.url,
        "--store",
        str(store),
        "--dry-run",
        "--auth",
        "basic",
    ]
    code, out = _push(args)
    assert code == 0, out
    assert gsp.requests == []
    target = PushTarget(gsp.url)
    for graph in graphs_from_store(store):
        line = next(x for x in out.splitlines() if f"\t{graph.iri}\t" in x)
        assert line.startswith("planned")
        assert f"{graph.triples} triples" in line and target.url_for(graph.iri) in line
    assert not any(secret in out for secret in SECRETS)


def test_retries_server_errors_with_growing_waits(gsp: Gsp, store: Path) -> None:
    gsp.script = [503, 500, 429]
    waits: list[float] = []
    graphs = graphs_from_store(store)[:1]
    result = push(
        graphs, PushTarget(gsp.url), PushOptions(backoff=0.01, sleep=waits.append)
    )
    assert result.exit_code == 0
    assert result.outcomes[0].status == "sent" and result.outcomes[0].attempts == 4
    assert waits == [0.01, 0.02, 0.04]


def test_gives_up_after_the_retries(gsp: Gsp, store: Path) -> None:
    gsp.script = [502] * 10
    graphs = graphs_from_store(store)[:2]
    result = push(graphs, PushTarget(gsp.url), _fast(retries=2))
    first = result.outcomes[0]
    assert (first.status, first.attempts, first.http_status) == ("failed", 3, 502)
    assert "HTTP 502" in first.reason and "not now" in first.reason
    # the server answered, so the next graph is still tried (and fails the same way)
    assert result.outcomes[1].status == "failed"
    assert result.exit_code != 0


@pytest.mark.parametrize("status", [400, 403, 415])
def test_client_errors_are_not_retried(gsp: Gsp, store: Path, status: int) -> None:
    gsp.script = [status]
    graphs = graphs_from_store(store)
    result = push(graphs, PushTarget(gsp.url), _fast())
    failed = result.with_status("failed")
    assert [(o.iri, o.attempts, o.http_status) for o in failed] == [
        (graphs[0].iri, 1, status)
    ]
    assert len(result.with_status("sent")) == len(ARTICLES) - 1
    assert result.exit_code != 0
    assert f"failed\t{graphs[0].iri}" in result.format()


@pytest.mark.parametrize("status", [401, 404, 405, 501])
def test_a_first_graph_refused_for_the_url_or_credentials_stops_the_push(
    gsp: Gsp, store: Path, status: int
) -> None:
    """Every graph would get the same answer: one request, not one per graph
    (a push of thousands printed as many failures)."""
    gsp.script = [status]
    graphs = graphs_from_store(store)
    result = push(graphs, PushTarget(gsp.url), _fast())
    assert len(gsp.requests) == 1
    assert [o.status for o in result.outcomes] == ["failed"] + ["not sent"] * (
        len(graphs) - 1
    )
    why = f"not tried: the first graph got HTTP {status}"
    assert {o.reason for o in result.outcomes[1:]} == {why}
    assert result.exit_code != 0


def test_a_refusal_after_a_graph_was_sent_stops_nothing(gsp: Gsp, store: Path) -> None:
    """Guard: once a graph went through, the URL and credentials are right."""
    gsp.script = [201, 404]
    result = push(graphs_from_store(store), PushTarget(gsp.url), _fast())
    assert [o.status for o in result.outcomes].count("failed") == 1
    assert not result.with_status("not sent")


@pytest.mark.parametrize("status", [404, 405])
def test_a_url_that_takes_no_graph_names_the_graph_store_endpoint(
    gsp: Gsp, store: Path, status: int
) -> None:
    """A push to the server's query endpoint or root (Oxigraph: 404) says which
    URL to give."""
    gsp.script = [status]
    result = push(graphs_from_store(store)[:1], PushTarget(gsp.url), _fast())
    (failed,) = result.with_status("failed")
    assert "check --endpoint: it must be the server's Graph Store endpoint" in (
        failed.reason
    )
    assert "/store" in failed.reason


def test_a_url_that_takes_no_query_names_the_query_endpoint(gsp: Gsp) -> None:
    """A query sent to a Graph Store (which takes no POST here) says which URL
    to give."""
    with pytest.raises(StoreError) as caught:
        remote_query(RemoteEndpoint(gsp.url, timeout=5), "ASK {}")
    assert "HTTP 501" in str(caught.value)
    assert "it must be the server's SPARQL query endpoint" in str(caught.value)


def test_408_is_retried(gsp: Gsp, store: Path) -> None:
    gsp.script = [408]
    result = push(graphs_from_store(store)[:1], PushTarget(gsp.url), _fast())
    assert result.outcomes[0].status == "sent" and result.outcomes[0].attempts == 2


def test_timeout_is_reported(gsp: Gsp, store: Path) -> None:
    gsp.delay = 1.0
    graphs = graphs_from_store(store)[:1]
    result = push(graphs, PushTarget(gsp.url), _fast(retries=0, timeout=0.2))
    assert result.outcomes[0].status == "failed"
    assert "timed out" in result.outcomes[0].reason


def test_target_gone_mid_push_then_rerun_completes(store: Path) -> None:
    port = free_port()
    first = _serve(Gsp(die_after=2), port)
    code, out = _push(
        ["--endpoint", first.url, "--store", str(store), "--retries", "1"]
    )
    _close(first)
    assert code != 0
    lines = out.splitlines()
    sent = [x.split("\t")[1] for x in lines if x.startswith("sent\t")]
    assert sent == list(first.graphs) and len(sent) == 2
    assert any(x.startswith("failed\t") and "no answer" in x for x in lines)
    assert sum(x.startswith("not sent\t") for x in lines) == len(ARTICLES) - 3
    assert f"2 of {len(ARTICLES)} graphs sent" in out

    again = _serve(Gsp(graphs=dict(first.graphs)), port)
    try:
        code, out = _push(["--endpoint", again.url, "--store", str(store)])
    finally:
        _close(again)
    assert code == 0, out
    assert again.graphs == {g.iri: g.ntriples for g in graphs_from_store(store)}


def test_basic_auth_sends_credentials_from_the_environment(store: Path) -> None:
    gsp = _serve(Gsp(need_auth=f"Basic {SECRETS[1]}"))
    try:
        code, out = _push(
            ["--endpoint", gsp.url, "--store", str(store), "--auth", "basic"]
        )
    finally:
        _close(gsp)
    assert code == 0, out
    assert len(gsp.graphs) == len(ARTICLES)


@pytest.mark.parametrize(
    "case", ["wrong password", "server error", "no server", "timeout", "no auth"]
)
def test_credentials_never_show(
    store: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    """Provoke each kind of failure with credentials set, and look for them (and
    their base64 form) in everything the command printed or logged."""
    gsp = _serve(
        Gsp(
            need_auth="Basic bm9ib2R5Om5vdGhpbmc="
            if case == "wrong password"
            else None,
            script=[500] * 10 if case == "server error" else [],
            delay=1.0 if case == "timeout" else 0.0,
        )
    )
    url = gsp.url
    if case == "no server":
        _close(gsp)
    args = ["--endpoint", url, "--store", str(store), "--retries", "0"]
    args += ["--timeout", "0.2"] if case == "timeout" else []
    code, out = _push(
        [*args, "--auth", "none" if case == "no auth" else "basic"], caplog
    )
    _close(gsp)
    if case != "no auth":
        assert code != 0, out
    assert out.strip()
    for secret in SECRETS:
        assert secret not in out, f"{case}: a credential was printed"


def test_credentials_in_the_url_are_refused_unechoed(store: Path) -> None:
    code, out = _push(["--endpoint", f"http://{USER}:{PASSWORD}@127.0.0.1:9/store"])
    assert code == 2
    assert "KB_PUSH_PASSWORD" in out
    assert not any(secret in out for secret in SECRETS)


def test_auth_without_environment_is_a_usage_error(store: Path) -> None:
    with pytest.raises(UsageError, match="KB_PUSH_USER"):
        target_from_env("http://127.0.0.1:9/store", "digest", environ={})


def test_password_is_not_in_the_process_list(store: Path) -> None:
    """A real ``kb push`` process: its command line (what ``ps`` shows every user)
    holds no credential. This needs a separate process, so it is not in-process."""
    gsp = _serve(Gsp(delay=0.2))
    env = os.environ | {"KB_PUSH_USER": USER, "KB_PUSH_PASSWORD": PASSWORD}
    command = [sys.executable, "-m", "kb", "push", "--endpoint", gsp.url]
    try:
        with subprocess.Popen(
            [*command, "--store", str(store), "--auth", "basic"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        ) as proc:
            while not gsp.requests and proc.poll() is None:
                time.sleep(0.05)
            cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode()
            output = proc.communicate(timeout=60)[0].decode()
    finally:
        _close(gsp)
    assert proc.returncode == 0, output
    assert gsp.requests, "the push never reached the server"
    assert "push" in cmdline
    assert not any(secret in cmdline + output for secret in SECRETS)


def test_credentials_do_not_show_in_reprs() -> None:
    target = target_from_env(
        "http://127.0.0.1:9/store",
        "digest",
        {"KB_PUSH_USER": USER, "KB_PUSH_PASSWORD": PASSWORD},
    )
    assert PASSWORD not in repr(target) and PASSWORD not in str(target)


def test_virtuoso_endpoints_get_its_parameter_and_turtle() -> None:
    target = target_from_env("http://127.0.0.1:8890/sparql-graph-crud-auth")
    assert target.graph_param == "graph-uri" and target.content_type == "text/turtle"
    assert "graph-uri=http%3A%2F%2Fx%2Fa" in target.url_for("http://x/a")
    standard = target_from_env("http://127.0.0.1:7878/store")
    assert (standard.graph_param, standard.content_type) == (
        "graph",
        "application/n-triples",
    )


def test_article_graph_counts_triples() -> None:
    graph = ArticleGraph("http://x/a", b"<a:b> <a:c> <a:d> .\n<a:b> <a:c> <a:e> .\n")
    assert graph.triples == 2


# --- kb.store.remote: reading what servers answer, quirks included ---------------------


def test_reads_virtuoso_json_quirks() -> None:
    doc = {
        "head": {"link": [], "vars": ["flag", "n", "name", "gone"]},
        "results": {
            "bindings": [
                {
                    "flag": {
                        "type": "typed-literal",
                        "datatype": XSD + "boolean",
                        "value": "1",
                    },
                    "n": {
                        "type": "typed-literal",
                        "datatype": XSD + "decimal",
                        "value": "0.9",
                    },
                    "name": {"type": "literal", "xml:lang": "en", "value": "Invented"},
                }
            ]
        },
    }
    result = _json_result(doc)
    assert result.variables == ("flag", "n", "name", "gone")
    flag, n, name, gone = result.rows[0]
    assert flag == Literal("true", datatype=URIRef(XSD + "boolean"))
    assert n == Literal("0.9", datatype=URIRef(XSD + "decimal"), normalize=False)
    assert name == Literal("Invented", lang="en") and gone is None


def test_ask_answered_as_a_table_is_a_boolean() -> None:
    # what Virtuoso 7.2.5 sends for ASK when asked for CSV
    table = _other_result(b'"bool"\r\n1\r\n', "text/csv")
    assert _ask_table(table) == QueryResult("ask", boolean=True)
    with pytest.raises(StoreError):
        _ask_table(QueryResult("select", ("x",), ((Literal(1),),)))


def test_query_form_and_prefixes() -> None:
    assert query_form("# c\nPREFIX x: <http://x#>\nconstruct { } where { }") == "graph"
    assert query_form("BASE <http://b/> SELECT * {}") == "select"
    with pytest.raises(UsageError):
        query_form("INSERT DATA { <a:b> <a:c> <a:d> }")
    text = with_prefixes("PREFIX kb: <http://other#> SELECT * { ?s schema:name ?o }")
    assert "PREFIX schema:" in text and text.count("PREFIX kb:") == 1


def test_remote_errors_name_the_endpoint_not_its_password() -> None:
    url = f"http://{USER}:{PASSWORD}@127.0.0.1:{free_port()}/sparql"
    with pytest.raises(StoreError) as caught:
        remote_query(RemoteEndpoint(url, timeout=2), "ASK {}")
    assert "no answer" in str(caught.value)
    assert not any(secret in str(caught.value) for secret in SECRETS)
