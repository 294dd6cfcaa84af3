"""``kb serve``: the knowledge base as a read-only SPARQL endpoint and linked data."""

from __future__ import annotations

from pathlib import Path

import click

from kb.cli.main import cli
from kb.cli.options import store_option
from kb.defaults import DEFAULT_BASE


@cli.command("serve")
@store_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to listen on.  [default: the port of --base when it names this "
    "host (http://127.0.0.1:18080/id/: 18080), else 8080]",
)
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI of the instances: the public address they are reached at, and "
    "the --base they were added with. IRIs under it resolve here.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds a query or page may take; then it is stopped (503).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Result rows (or triples) returned at most; the KB-Result-Truncated "
    "header says when an answer was cut.",
)
@click.option(
    "--max-request",
    type=click.IntRange(min=1024),
    default=1 << 20,
    show_default=True,
    help="Largest request body or query, in bytes (413 beyond).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Store worker processes: how many queries run at once.",
)
def serve_command(
    store: Path,
    host: str,
    port: int | None,
    base: str,
    timeout: float,
    limit: int,
    max_request: int,
    workers: int,
) -> None:
    """Serve the knowledge base read-only: a SPARQL 1.1 endpoint at /sparql, and
    linked data (Turtle, JSON-LD or HTML) for every instance IRI under --base.

    \b
    Example:
      kb add articles/ --store kb-store --base http://127.0.0.1:8080/id/
      kb serve --store kb-store --base http://127.0.0.1:8080/id/
    """
    from kb.serve import ServeOptions, listen_port, run_server

    run_server(
        ServeOptions(
            store=store,
            host=host,
            port=listen_port(base, host) if port is None else port,
            base=base,
            timeout=timeout,
            limit=limit,
            max_request_bytes=max_request,
            workers=workers,
        )
    )
