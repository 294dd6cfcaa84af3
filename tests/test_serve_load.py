"""``kb serve`` under load, on loopback: 20 concurrent clients for 20 seconds against
/sparql and article pages. No request fails, memory does not climb, and no worker
process outlives the server. Bounded; no timing is asserted."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.test_serve import (
    DATA,
    Server,
    _children,
    _exited,
    _free_port,
    _start,
    _still_running,
    _stop,
)

pytestmark = pytest.mark.slow

CLIENTS = 20
SECONDS = 20.0
#: How long a request may wait for one of the server's two workers, there and in
#: the client: 20 clients queue on them, and on a loaded machine a wait passed 30 s.
#: No request may fail; how long each takes is not what this test checks.
WAIT_SECONDS = 300
QUERY = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 50"


def _rss_kib(pids: set[int]) -> int:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next(
            (
                int(line.split()[1])
                for line in status.splitlines()
                if line.startswith("VmRSS:")
            ),
            0,
        )
    return total


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    from kb.jobs.export import ExportOptions, add, parse_time
    from kb.store.embedded import Store

    port = _free_port()
    base = f"http://127.0.0.1:{port}/id/"
    store = tmp_path / "kb-store"
    options = ExportOptions(base=base, generated_at=parse_time("2026-01-01T00:00:00Z"))
    with Store(store) as kb:
        assert add(sorted(DATA.iterdir()), kb, options).written == 2
    timeout = ("--timeout", str(WAIT_SECONDS))
    server = _start(store, port, base, tmp_path / "serve.log", *timeout)
    yield server
    _stop(server)


def test_twenty_clients_for_twenty_seconds(served: Server) -> None:
    page = served.get("/", "text/html").text
    article = page[page.index('href="/id/article/') + 6 :].split('"', 1)[0]
    paths = [("/sparql", {"query": QUERY}), (article, None)]
    failures: list[str] = []
    done = [0] * CLIENTS
    stop_at = time.monotonic() + SECONDS

    def client(n: int) -> None:
        with httpx.Client(base_url=served.url, timeout=WAIT_SECONDS + 30) as http:
            while time.monotonic() < stop_at:
                path, params = paths[done[n] % 2]
                try:
                    reply = http.get(
                        path,
                        params=params,
                        headers={"Accept": "text/html"} if params is None else {},
                    )
                    if reply.status_code != 200:
                        failures.append(f"{path}: {reply.status_code}")
                except httpx.HTTPError as exc:
                    failures.append(f"{path}: {exc!r}")
                done[n] += 1

    family = {served.process.pid} | _children(served.process.pid)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    samples = []
    while any(thread.is_alive() for thread in threads):
        family |= _children(served.process.pid)
        samples.append(_rss_kib(family))
        time.sleep(0.5)
    for thread in threads:
        thread.join()
    assert not failures, failures[:5]
    assert sum(done) > CLIENTS  # every client got answers
    quarter = max(1, len(samples) // 4)
    first, last = max(samples[:quarter]), max(samples[-quarter:])
    assert last <= first * 1.5 + 64 * 1024, (first, last)  # KiB: no steady climb
    workers = _children(served.process.pid)
    assert _stop(served) == 0
    leaked = _still_running(workers, _exited)
    assert not leaked, leaked
