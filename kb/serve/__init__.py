"""``kb serve``: the knowledge base on the web, read-only. A SPARQL 1.1 Protocol
endpoint at ``/sparql``, and linked data: every instance IRI under the base resolves
to Turtle, JSON-LD or an HTML page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kb.rdf.iris import DEFAULT_BASE

if TYPE_CHECKING:
    from kb.serve.app import KbApp

__all__ = ["ServeOptions", "listen_port", "make_app", "run_server"]


#: The port ``kb serve`` listens on when neither ``--port`` nor ``--base`` says one.
DEFAULT_PORT = 8080
_LOCAL = ("127.0.0.1", "localhost", "::1")
#: hosts that listen on every address of this machine
_WILDCARD = ("0.0.0.0", "::", "")


@dataclass(frozen=True)
class ServeOptions:
    """How to serve a store.

    ``base`` must be the public address the instances are reached at, and the base
    the articles were added with (``kb add --base``): an IRI ``base + path`` is
    served at ``path`` under the base's path.
    """

    store: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    base: str = DEFAULT_BASE
    timeout: float = 30.0  # seconds a query or page may take before it is stopped
    limit: int = 10_000  # result rows (or triples) returned at most
    max_request_bytes: int = 1 << 20  # larger request bodies get 413
    workers: int = 2  # store worker processes: queries that can run at once
    threads: int = 4  # HTTP threads


def listen_port(base: str, host: str) -> int:
    """The port to listen on when none is given: the one ``base`` names when it
    is an address of this host (``--base http://127.0.0.1:18080/id/`` is reached
    at port 18080, so that is where it must be served), else 8080.

    >>> listen_port("http://127.0.0.1:18080/id/", "127.0.0.1")
    18080
    >>> listen_port("http://localhost:18080/id/", "0.0.0.0")
    18080
    >>> listen_port("https://news.example.org:8443/id/", "127.0.0.1")
    8080
    """
    parts = urlsplit(base)
    try:
        named = parts.port
    except ValueError:  # an out-of-range port: the base is refused later
        return DEFAULT_PORT
    # a wildcard host serves this machine's own names too
    local = (*_LOCAL, *_WILDCARD)
    here = parts.hostname in (host, *_LOCAL) and host in (*local, parts.hostname)
    return named if named is not None and here else DEFAULT_PORT


def make_app(options: ServeOptions) -> KbApp:
    """The WSGI application, with its store workers started (call ``close()``).

    :raises UsageError: for a base that cannot be served.
    :raises StoreError: when the store cannot be opened.
    """
    from kb.serve.app import KbApp

    return KbApp(options)


def run_server(options: ServeOptions) -> None:
    """Serve until Ctrl-C or SIGTERM, logging one line per request to stderr.

    :raises UsageError: when the address cannot be bound.
    :raises StoreError: when the store cannot be opened.
    """
    from kb.serve.server import run

    run(options)
