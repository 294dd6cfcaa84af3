"""Send article graphs to a remote triplestore with the SPARQL 1.1 Graph Store HTTP
Protocol: one PUT per graph (so a re-push replaces it), with retries and a report."""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx

from kb.errors import UsageError
from kb.store.embedded import Store
from kb.store.remote import check_endpoint, redact_url

__all__ = [
    "PASSWORD_ENV",
    "USER_ENV",
    "ArticleGraph",
    "Credentials",
    "GraphOutcome",
    "PushOptions",
    "PushResult",
    "PushTarget",
    "graphs_from_store",
    "push",
    "target_from_env",
]

USER_ENV = "KB_PUSH_USER"
PASSWORD_ENV = "KB_PUSH_PASSWORD"
AuthMode = Literal["none", "basic", "digest"]
Status = Literal["sent", "failed", "not sent", "planned"]
#: Statuses worth another try: the server is busy, slow or briefly broken.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 30.0


@dataclass(frozen=True)
class ArticleGraph:
    """One article's graph, ready to send."""

    iri: str
    ntriples: bytes

    @property
    def triples(self) -> int:
        return sum(1 for line in self.ntriples.splitlines() if line.strip())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.ntriples).hexdigest()


@dataclass(frozen=True)
class Credentials:
    """A user name and password; the password never shows in a repr."""

    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class PushTarget:
    """Where graphs go: a Graph Store Protocol endpoint, such as
    ``http://host:7878/store`` (Oxigraph) or
    ``http://host:8890/sparql-graph-crud-auth`` (Virtuoso).

    ``graph_param`` is the query parameter that names the graph (``graph`` in the
    standard; Virtuoso also takes its older ``graph-uri``). N-Triples is sent as
    ``application/n-triples``, or labelled ``text/turtle`` (N-Triples is Turtle) for
    servers that know only Turtle.
    """

    endpoint: str
    auth: AuthMode = "none"
    credentials: Credentials | None = field(default=None, repr=False)
    graph_param: str = "graph"
    content_type: str = "application/n-triples"

    def url_for(self, graph: str) -> str:
        """The PUT URL of one graph, its IRI percent-encoded.

        >>> PushTarget("http://h/store").url_for("http://x/a?b=c&d")
        'http://h/store?graph=http%3A%2F%2Fx%2Fa%3Fb%3Dc%26d'
        """
        return str(httpx.URL(self.endpoint, params={self.graph_param: graph}))

    def httpx_auth(self) -> httpx.Auth | None:
        if self.auth == "none":
            return None
        assert self.credentials is not None
        creds = self.credentials
        if self.auth == "basic":
            return httpx.BasicAuth(creds.user, creds.password)
        return httpx.DigestAuth(creds.user, creds.password)


@dataclass(frozen=True)
class PushOptions:
    """How to push: ``retries`` extra tries per graph after the first, waiting
    ``backoff``, 2×, 4×… seconds between them; ``timeout`` per request."""

    dry_run: bool = False
    retries: int = 3
    timeout: float = 30.0
    backoff: float = 0.5
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


@dataclass(frozen=True)
class GraphOutcome:
    """What happened to one graph."""

    iri: str
    url: str
    triples: int
    status: Status
    attempts: int = 0
    http_status: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class PushResult:
    """Every graph's outcome, in the order they were sent."""

    endpoint: str
    outcomes: tuple[GraphOutcome, ...]
    dry_run: bool = False

    def with_status(self, status: Status) -> list[GraphOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def exit_code(self) -> int:
        """0 when every graph was sent (or planned, in a dry run), else 2."""
        return (
            2 if any(o.status in ("failed", "not sent") for o in self.outcomes) else 0
        )

    def summary(self) -> str:
        if self.dry_run:
            triples = sum(o.triples for o in self.outcomes)
            return (
                f"dry run: would send {len(self.outcomes)} graphs "
                f"({triples} triples) to {self.endpoint}"
            )
        sent, failed = self.with_status("sent"), self.with_status("failed")
        parts = [
            f"{len(sent)} of {len(self.outcomes)} graphs sent to {self.endpoint} "
            f"({sum(o.triples for o in sent)} triples)",
            f"{len(failed)} failed",
        ]
        if skipped := self.with_status("not sent"):
            parts.append(f"{len(skipped)} not sent")
        return "; ".join(parts)

    def format(self) -> str:
        """One line per graph, then the summary; failures say why."""
        lines = []
        for o in self.outcomes:
            line = f"{o.status}\t{o.iri}\t{o.triples} triples"
            if o.status == "planned":
                line += f"\tPUT {o.url}"
            elif o.status == "failed" or o.attempts > 1:
                line += f"\t{o.attempts} attempt{'s' * (o.attempts != 1)}"
            if o.reason:
                line += f"\t{o.reason}"
            lines.append(line)
        return "\n".join([*lines, self.summary()]) + "\n"


def target_from_env(
    endpoint: str,
    auth: AuthMode = "none",
    environ: Mapping[str, str] | None = None,
) -> PushTarget:
    """A target whose credentials come from ``$KB_PUSH_USER`` and
    ``$KB_PUSH_PASSWORD``, never from arguments (which the process list shows).

    A Virtuoso endpoint (``/sparql-graph-crud…``) gets its graph parameter and
    Turtle label; see the README.

    :raises UsageError: for a URL that is not http(s), that holds a password, or an
        auth mode without its variables.
    """
    env = os.environ if environ is None else environ
    shown = redact_url(endpoint)
    check_endpoint(endpoint, "http://127.0.0.1:7878/store")
    if re.match(r"^[a-zA-Z][\w+.-]*://[^/@]*@", endpoint):
        raise UsageError(
            f"--endpoint {shown}: take the user and password out of the URL; "
            f"put them in ${USER_ENV} and ${PASSWORD_ENV}"
        )
    credentials = None
    if auth != "none":
        user, password = env.get(USER_ENV), env.get(PASSWORD_ENV)
        if not user or password is None:
            raise UsageError(
                f"--auth {auth} needs ${USER_ENV} and ${PASSWORD_ENV} to be set"
            )
        credentials = Credentials(user, password)
    if "/sparql-graph-crud" in httpx.URL(endpoint).path:
        return PushTarget(endpoint, auth, credentials, "graph-uri", "text/turtle")
    return PushTarget(endpoint, auth, credentials)


def graphs_from_store(store: Path, only: Sequence[str] = ()) -> list[ArticleGraph]:
    """The article graphs of the store at ``store``; ``only`` picks some by IRI.

    :raises UsageError: when a graph in ``only`` is not in the store.
    """
    with Store(store, read_only=True) as kb:
        articles = kb.articles()
        missing = [iri for iri in only if iri not in articles]
        if missing:
            raise UsageError(
                f"{store}: no article graph {', '.join(missing)}; "
                "`kb stats --articles` lists them"
            )
        chosen = list(dict.fromkeys(only)) if only else articles
        return [ArticleGraph(iri, kb.article_graph(iri)) for iri in chosen]


def push(
    graphs: Iterable[ArticleGraph], target: PushTarget, options: PushOptions
) -> PushResult:
    """PUT each graph to ``target``, retrying connection errors, 408, 429 and 5xx
    with exponential backoff. Other 4xx answers fail at once. When the target stops
    answering altogether, or refuses the first graph for its URL or credentials
    (401, 404, 405, 501), the remaining graphs are reported as not sent; running the
    push again sends everything again (PUT replaces a graph, so that is safe).

    With ``options.dry_run``, nothing is sent: each graph is listed as planned.
    """
    shown = redact_url(target.endpoint)
    if options.dry_run:
        planned = tuple(
            GraphOutcome(g.iri, target.url_for(g.iri), g.triples, "planned")
            for g in graphs
        )
        return PushResult(shown, planned, dry_run=True)
    outcomes: list[GraphOutcome] = []
    with httpx.Client(auth=target.httpx_auth(), timeout=options.timeout) as client:
        for graph in graphs:
            if outcomes and (why := _futile(outcomes)):
                outcomes.append(_not_sent(graph, target, why))
                continue
            outcomes.append(_put(client, graph, target, options))
    return PushResult(shown, tuple(outcomes))


def _futile(outcomes: list[GraphOutcome]) -> str:
    """Why the graphs left would fail as the last one did, or "": a target that
    stopped answering would only make each wait too, and one that refused the
    first graph for its URL or its credentials refuses every graph alike."""
    last = outcomes[-1]
    if last.status == "not sent":
        return last.reason
    if last.status != "failed":
        return ""
    if last.http_status is None:
        return "not tried: the target stopped answering"
    if len(outcomes) == 1 and last.http_status in _REFUSES_ALL:
        return f"not tried: the first graph got HTTP {last.http_status}"
    return ""


def _not_sent(graph: ArticleGraph, target: PushTarget, why: str) -> GraphOutcome:
    return GraphOutcome(
        graph.iri, target.url_for(graph.iri), graph.triples, "not sent", reason=why
    )


def _put(
    client: httpx.Client,
    graph: ArticleGraph,
    target: PushTarget,
    options: PushOptions,
) -> GraphOutcome:
    url = target.url_for(graph.iri)
    headers = {"Content-Type": f"{target.content_type}; charset=utf-8"}
    attempts = 0
    while True:
        attempts += 1
        status, reason, wait = _attempt(client, url, graph.ntriples, headers)
        done = status is not None and status < 300
        if done:
            return GraphOutcome(graph.iri, url, graph.triples, "sent", attempts, status)
        retryable = status is None or status in RETRY_STATUSES
        if not retryable or attempts > options.retries:
            return GraphOutcome(
                graph.iri, url, graph.triples, "failed", attempts, status, reason
            )
        delay = options.backoff * 2 ** (attempts - 1)
        options.sleep(max(delay, min(wait or 0.0, _MAX_RETRY_AFTER)))


def _attempt(
    client: httpx.Client, url: str, body: bytes, headers: dict[str, str]
) -> tuple[int | None, str, float | None]:
    """One PUT: the HTTP status (None when there was no answer), why it failed, and
    the server's Retry-After in seconds, if it gave one."""
    try:
        response = client.put(url, content=body, headers=headers)
    except httpx.TimeoutException as exc:
        return None, f"timed out ({type(exc).__name__})", None
    except httpx.HTTPError as exc:
        # the exception text may hold the URL, but never a credential: httpx keeps
        # auth out of URLs and messages; still, name only the error's kind
        return None, f"no answer ({type(exc).__name__})", None
    if response.status_code < 300:
        return response.status_code, "", None
    reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    detail = _detail(response)
    if response.status_code in _WRONG_ENDPOINT:
        detail = f"{detail}; {_GRAPH_STORE_HINT}" if detail else _GRAPH_STORE_HINT
    return (
        response.status_code,
        f"{reason}: {detail}" if detail else reason,
        _retry_after(response),
    )


#: Answers of a URL that takes no PUT of a graph: another path of the server (its
#: query endpoint, its root), or a server with no Graph Store.
_WRONG_ENDPOINT = frozenset({404, 405, 501})
#: Answers to the first graph that every graph would get: a wrong URL (see
#: :data:`_WRONG_ENDPOINT`) or wrong credentials (401); a 403 may be one graph's.
_REFUSES_ALL = _WRONG_ENDPOINT | {401}
_GRAPH_STORE_HINT = (
    "check --endpoint: it must be the server's Graph Store endpoint "
    "(Oxigraph server: /store; Virtuoso: /sparql-graph-crud-auth)"
)


def _detail(response: httpx.Response) -> str:
    text = re.sub(r"<[^>]+>", " ", response.text)
    return " ".join(text.split())[:200]


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.strip().isdigit() else None
