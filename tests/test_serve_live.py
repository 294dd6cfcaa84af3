"""``kb serve`` sees articles added and removed while it runs: ``kb add`` and
``kb remove`` write beside the running server, and its workers reopen their
read-only snapshot when the store's generation marker changes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_serve import DATA, Server, _free_port, _start, _stop

pytestmark = pytest.mark.slow

COUNT = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kb:Article }"
FIXED = "2026-01-01T00:00:00Z"


def _kb(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kb", *args, "--fixed-time", FIXED]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def _kb_plain(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kb", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _articles(server: Server) -> int:
    rows = server.sparql(COUNT, "application/sparql-results+json").json()
    return int(rows["results"]["bindings"][0]["n"]["value"])


def _wait_for(server: Server, wanted: int, seconds: float = 15) -> float:
    """Seconds until the server counts ``wanted`` articles (fails past the bound)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if _articles(server) == wanted:
            return time.monotonic() - start
        time.sleep(0.2)
    pytest.fail(f"the server still counts {_articles(server)} articles, not {wanted}")


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Server, Path, str]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/id/"
    store = tmp_path / "kb-store"
    first = _kb(
        "add", str(DATA / "ferry-fares.md"), "--store", str(store), "--base", base
    )
    assert first.returncode == 0, first.stderr
    server = _start(store, port, base, tmp_path / "serve.log")
    yield server, store, base
    _stop(server)


def test_articles_added_and_removed_while_serving_are_seen(
    live: tuple[Server, Path, str],
) -> None:
    server, store, base = live
    assert _articles(server) == 1
    added = _kb(
        "add", str(DATA / "port-strike.json"), "--store", str(store), "--base", base
    )
    assert added.returncode == 0, added.stderr  # the server does not lock the store
    _wait_for(server, 2)
    page = server.get("/", "text/html").text
    assert "Dock workers strike" in page  # the index lists it too
    listed = _kb_plain("stats", "--store", str(store), "--articles").stdout
    articles = [w for w in listed.split() if w.startswith(base + "article/")]
    assert len(articles) == 2
    removed = _kb_plain("remove", articles[0], "--store", str(store))
    assert removed.returncode == 0, removed.stderr
    _wait_for(server, 1)
