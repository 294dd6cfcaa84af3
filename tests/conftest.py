"""Shared fixtures: a click runner, the example articles exported once per format,
and the ``--update-goldens`` option."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kb.cli import cli
from kb.errors import InputError
from kb.models import Article, Extraction

# The tests run kb in one process unless a test asks for workers (test_parallel):
# with the default --jobs auto, every batch of 12+ articles would start workers
# that each load spaCy, and tests that kill kb mid-write would kill them too.
os.environ.setdefault("KB_JOBS", "1")
# ... and spaCy parses in that process: by default kb parses ahead in a helper when
# the machine has a core idle, which would make what a test runs depend on the load
# (the output is the same; tests/test_parse_ahead.py compares the two)
os.environ.setdefault("KB_PARSE_AHEAD", "0")
# The gazetteer's cache (kb.text.gazetteer_cache) in a folder of this run, not the
# user's home; the commands the tests start share it.
_CACHE = tempfile.TemporaryDirectory(prefix="kb-test-cache-")
os.environ.setdefault("KB_CACHE_DIR", _CACHE.name)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
#: The five bundled example articles, one per input format.
EXAMPLES = sorted(p for p in EXAMPLES_DIR.iterdir() if p.is_file())
FORMATS = ("ttl", "jsonld", "nt", "nq", "trig")
FIXED_TIME = "2026-01-01T00:00:00Z"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite tests/data/golden/ from the current export instead of comparing.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@dataclass(frozen=True)
class Exported:
    """One in-process ``kb export`` run: its exit code, stdout and stderr."""

    exit_code: int
    text: str
    stderr: str


def run_export(args: list[str]) -> Exported:
    """Run ``kb export ARGS --fixed-time …`` in-process (the spaCy model is loaded
    once per process, so repeated runs are cheap)."""
    result = CliRunner().invoke(
        cli, ["export", *args, "--fixed-time", FIXED_TIME], catch_exceptions=False
    )
    return Exported(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="session")
def export_examples() -> Callable[[str], Exported]:
    """``export_examples(fmt)``: the five examples exported together, cached per
    format for the whole session."""
    cache: dict[str, Exported] = {}

    def get(fmt: str) -> Exported:
        if fmt not in cache:
            cache[fmt] = run_export([*map(str, EXAMPLES), "--format", fmt])
        return cache[fmt]

    return get


@pytest.fixture(scope="session")
def run() -> Callable[..., Extraction]:
    """``run(text, published=...)``: extract one invented article with the trained
    English pipeline, loaded once for the session."""
    extract = pytest.importorskip("kb.extract")
    nlp = extract.load_pipeline()

    def _run(text: str, published: str | None = "2025-06-12") -> Extraction:
        article = Article(text=text, origin="test", published=published)
        return extract.extract(article, nlp)

    return _run


@pytest.fixture(scope="session")
def framed() -> str:
    """The five examples exported as framed JSON-LD (``--frame article``)."""
    result = run_export(
        [*map(str, EXAMPLES), "--format", "jsonld", "--frame", "article"]
    )
    assert result.exit_code == 0, result.stderr
    return result.text


#: The article files the pipeline's graphs are made from in the validation tests.
ARTICLE_FILES = sorted(
    p
    for folder in (EXAMPLES_DIR, ROOT / "tests" / "data" / "articles")
    for p in folder.iterdir()
    if p.is_file()
)


@pytest.fixture(scope="session")
def article_graphs() -> dict[str, Graph]:
    """Every graph the pipeline maps from :data:`ARTICLE_FILES`, by origin (once
    per session: extraction takes seconds)."""
    from kb.extract import extract_many, load_pipeline
    from kb.ingest.sources import iter_articles
    from kb.rdf.mapping import MappingOptions, to_graph

    articles = [
        a for a in iter_articles(ARTICLE_FILES) if not isinstance(a, InputError)
    ]
    options = MappingOptions(generated_at=datetime(2026, 1, 1, tzinfo=UTC))
    graphs = {}
    for extraction in extract_many(articles, load_pipeline()):
        graphs[extraction.article.origin] = to_graph(extraction, options)
    assert len(graphs) >= len(ARTICLE_FILES)
    return graphs


def break_the_body_of(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    """Make ``kb export`` map the article holding ``word`` with a body that no longer
    holds its anchors ("Varga" becomes "Vargo"), so it does not conform."""
    from kb.jobs import export as job
    from kb.models import ArticleGraph

    mapped = job.map_article

    def broken(extraction: object, options: object) -> ArticleGraph:
        graph = mapped(extraction, options)  # type: ignore[arg-type]
        if word in graph.ntriples:
            lines = [
                line.replace("Varga", "Vargo") if "articleBody" in line else line
                for line in graph.ntriples.splitlines(True)
            ]
            graph = ArticleGraph(graph.iri, "".join(lines))
        return graph

    monkeypatch.setattr(job, "map_article", broken)
