"""Kill a real ``kb add`` at random points: the store must hold only whole articles,
and running the same command again must finish the job."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.store.embedded import Store

from .conftest import FIXED_TIME

pytestmark = pytest.mark.slow

KB = [sys.executable, "-m", "kb"]
KILLS = 8  # at least; up to MAX_KILLS until one lands between two commits
MAX_KILLS = 24  # more tries only while no kill has landed mid-batch yet
ARTICLES = 48
NAMES = [
    "Ada Brandt",
    "Tomas Varga",
    "Lena Okoye",
    "Rui Camacho",
    "Mina Sato",
    "Olek Wnuk",
]
TOWNS = [
    "Harlow Bay",
    "Kestrel Point",
    "Marrow Hill",
    "Dunmere",
    "Alder Cross",
    "Fenwick",
]


def _article(i: int) -> str:
    name, town = NAMES[i % len(NAMES)], TOWNS[(i * 5) % len(TOWNS)]
    return (
        f"# Council {i} backs new bridge in {town}\n\n"
        f"The council of {town} voted on Tuesday to build a bridge costing "
        f"${10 + i} million, mayor {name} said.\n\n"
        f'"We have waited {i + 3} years for this," {name} told reporters. '
        f"About {200 + i} residents attended the meeting, according to the Harbour "
        f"Trust, which said the project would create up to {40 + i} jobs.\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for i in range(ARTICLES):
        (folder / f"article-{i:02}.md").write_text(_article(i), encoding="utf-8")
    return folder


def _add(corpus: Path, store: Path) -> list[str]:
    return [*KB, "add", str(corpus), "--store", str(store), "--fixed-time", FIXED_TIME]


def _graphs(store: Path) -> dict[str, bytes]:
    with Store(store, read_only=True) as opened:
        return dict(opened.article_graphs())


@pytest.fixture(scope="module")
def reference(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    store = tmp_path_factory.mktemp("reference") / "store"
    started = time.monotonic()
    subprocess.run(_add(corpus, store), check=True, capture_output=True)
    Reference.seconds = time.monotonic() - started
    graphs = _graphs(store)
    assert len(graphs) == ARTICLES
    return graphs


class Reference:
    """How long an uninterrupted run took, to aim the kills inside the batch."""

    seconds = 0.0


def test_killed_add_leaves_only_whole_articles(
    corpus: Path, reference: dict[str, bytes], tmp_path: Path
) -> None:
    rng = random.Random(20261127)
    partial_seen = False
    for attempt in range(MAX_KILLS):
        if attempt >= KILLS and partial_seen:
            break
        # a fresh store for most kills (to catch a half-built batch) and the same
        # one for some (to catch a half-replaced article)
        store = tmp_path / f"store-{attempt if attempt % 3 else max(attempt - 1, 0)}"
        process = subprocess.Popen(
            _add(corpus, store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.5, 0.97) * Reference.seconds)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if not (store / "CURRENT").exists():
            continue  # killed before the store was created
        graphs = _graphs(store)
        partial_seen |= 0 < len(graphs) < len(reference)
        for article, ntriples in graphs.items():
            assert ntriples == reference[article], f"{article} is not whole"
    finished = subprocess.run(_add(corpus, store), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _graphs(store) == reference
    # the kills must have hit mid-batch at least once, or this test proved nothing
    assert partial_seen
