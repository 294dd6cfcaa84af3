"""``kb serve`` under load: requests per second and latency percentiles for /sparql
and article pages, with concurrent clients on loopback (the section "serving")."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

QUERY = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 50"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _store(graphs: list, path: Path, base: str) -> str:
    """A store of (renamed copies of) the article graphs; one article's IRI."""
    from bench.run import renamed
    from kb.store.embedded import Store

    first = ""
    with Store(path) as store:
        for copy, (iri, graph) in enumerate(graphs):
            name, g = renamed(iri, graph, copy)
            store.add(str(name), g.serialize(format="nt"))
            first = first or str(name)
    assert first.startswith(base), first
    return first


def bench_serving(
    graphs: list, workdir: Path, clients: int = 8, seconds: float = 10.0
) -> dict[str, Any]:
    """``clients`` threads for ``seconds``, alternating a SPARQL SELECT and an article
    page, against ``kb serve`` with its default two workers."""
    from kb.rdf.iris import DEFAULT_BASE

    port = _free_port()
    # the corpus's IRIs are under the default base: the server serves them at
    # that base's path
    base = DEFAULT_BASE
    article = _store(graphs, workdir / "serve-store", base)
    command = [
        sys.executable,
        "-m",
        "kb",
        "serve",
        "--store",
        str(workdir / "serve-store"),
    ]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--base", base],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url)
        page = urlsplit(article).path
        latencies: dict[str, list[float]] = {"sparql": [], "page": []}
        errors = [0]
        stop_at = time.monotonic() + seconds

        def client() -> None:
            with httpx.Client(base_url=url, timeout=30) as http:
                turn = 0
                while time.monotonic() < stop_at:
                    kind = "sparql" if turn % 2 == 0 else "page"
                    start = time.perf_counter()
                    if kind == "sparql":
                        reply = http.get("/sparql", params={"query": QUERY})
                    else:
                        reply = http.get(page, headers={"Accept": "text/html"})
                    latencies[kind].append(time.perf_counter() - start)
                    errors[0] += reply.status_code != 200
                    turn += 1

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(15)
    out: dict[str, Any] = {"clients": clients, "seconds": seconds, "errors": errors[0]}
    for kind, samples in latencies.items():
        samples.sort()
        out[kind] = {
            "requests": len(samples),
            "per_s": len(samples) / seconds,
            "p50_ms": 1000 * samples[len(samples) // 2] if samples else None,
            "p95_ms": 1000 * samples[int(len(samples) * 0.95)] if samples else None,
        }
    return out


def _wait(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("kb serve did not start within 60 s")


def rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Table rows for bench.run's report."""
    s = results.get("serving")
    if not s:
        return []
    out = []
    for kind, label in (("sparql", "/sparql SELECT"), ("page", "article page (HTML)")):
        k = s[kind]
        out.append(
            (
                f"kb serve, {s['clients']} clients: {label}",
                f"{k['per_s']:.0f} requests/s, p50 {k['p50_ms']:.0f} ms, "
                f"p95 {k['p95_ms']:.0f} ms; {s['errors']} errors in all",
                "(no bar)",
            )
        )
    return out
