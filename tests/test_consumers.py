"""Independent consumers read our output: jsonld.js 9 (npm) and rapper (Debian
raptor2-utils). They are external programs, so they run as subprocesses; ``make test``
and ``.ci/run`` install them, and locally they are skipped when missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kb.rdf.resources import CONTEXT_IRI
from tests.conftest import EXAMPLES, Exported, run_export

pytestmark = [pytest.mark.slow, pytest.mark.external]

CONSUMERS = Path(__file__).resolve().parent / "consumers"
JSONLD_SCRIPT = CONSUMERS / "jsonld_to_nquads.mjs"
Export = Callable[[str], Exported]
TIMEOUT = 120


def _ours(export_examples: Export) -> Graph:
    return Graph().parse(data=export_examples("nt").text, format="nt")


def _same(theirs: Graph, ours: Graph) -> None:
    if isomorphic(theirs, ours):
        return
    _, only_theirs, only_ours = graph_diff(to_isomorphic(theirs), to_isomorphic(ours))
    sample = sorted(" ".join(t.n3() for t in x) for x in only_theirs)[:10]
    missing = sorted(" ".join(t.n3() for t in x) for x in only_ours)[:10]
    pytest.fail(
        f"{len(only_theirs)} triples only in theirs, {len(only_ours)} only in ours\n"
        f"only theirs: {sample}\nonly ours: {missing}"
    )


@pytest.fixture(scope="module")
def node() -> str:
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not installed (make test installs the consumers)")
    if not (CONSUMERS / "node_modules" / "jsonld").is_dir():
        pytest.skip("jsonld.js is not installed in tests/consumers; run `make test`")
    return exe


@pytest.fixture(scope="module")
def rapper() -> str:
    exe = shutil.which("rapper")
    if exe is None:
        pytest.skip("rapper is not installed (make test apt-installs raptor2-utils)")
    return exe


def _jsonld_to_graph(node: str, path: Path) -> tuple[Graph, list[str]]:
    proc = subprocess.run(
        [node, str(JSONLD_SCRIPT), str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    calls = json.loads(proc.stderr.strip().splitlines()[-1])["documentLoaderCalls"]
    return Graph().parse(data=proc.stdout, format="nquads"), calls


def test_jsonld_js_reads_our_jsonld(
    node: str, export_examples: Export, tmp_path: Path
) -> None:
    path = tmp_path / "examples.jsonld"
    path.write_text(export_examples("jsonld").text, encoding="utf-8")
    theirs, calls = _jsonld_to_graph(node, path)
    assert calls == [], "the context is embedded; nothing should be loaded"
    _same(theirs, _ours(export_examples))


def test_jsonld_js_reads_context_by_iri(
    node: str, export_examples: Export, tmp_path: Path
) -> None:
    """A document that names our context by IRI gets the same graph, served from
    the local file."""
    doc = json.loads(export_examples("jsonld").text)
    doc["@context"] = CONTEXT_IRI
    path = tmp_path / "by-iri.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    theirs, calls = _jsonld_to_graph(node, path)
    assert calls == [CONTEXT_IRI]
    _same(theirs, _ours(export_examples))


def test_jsonld_js_reads_framed_articles_as_pyld_does(
    node: str, export_examples: Export, tmp_path: Path
) -> None:
    """``--frame article`` output: jsonld.js gets the triples pyld gets, all of them
    in the exported graph."""
    from tests.test_jsonld_frame import framed_graph

    framed = run_export(
        [*map(str, EXAMPLES), "--format", "jsonld", "--frame", "article"]
    )
    path = tmp_path / "framed.jsonld"
    path.write_text(framed.text, encoding="utf-8")
    theirs, calls = _jsonld_to_graph(node, path)
    assert calls == []
    _same(theirs, framed_graph(framed.text))
    assert set(theirs) <= set(_ours(export_examples))


@pytest.mark.parametrize(
    ("fmt", "syntax"), [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads")]
)
def test_rapper_reads_our_output(
    rapper: str, export_examples: Export, tmp_path: Path, fmt: str, syntax: str
) -> None:
    path = tmp_path / f"examples.{fmt}"
    path.write_text(export_examples(fmt).text, encoding="utf-8")
    proc = subprocess.run(
        [rapper, "-q", "-i", syntax, "-o", "ntriples", str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "", proc.stderr
    # rapper's N-Triples output flattens named graphs: compare with the union
    _same(Graph().parse(data=proc.stdout, format="nt"), _ours(export_examples))


def test_framed_articles_read_as_plain_json(framed: str) -> None:
    """A developer who never touches RDF: json.load, then claims, claimants and
    booleans as JSON has them."""
    articles = json.loads(framed)["@graph"]
    assert len(articles) == 5 and all("Article" in a["type"] for a in articles)
    published = [a.get("datePublished") or a.get("datePublishedTime") for a in articles]
    given = [p for p in published if p is not None]  # one example has no date
    assert len(given) == 4 and all(isinstance(p, str) for p in given)
    claims = [
        m for a in articles for m in a["mentions"] if "Claim" in m.get("type", [])
    ]
    assert claims
    for claim in claims:
        assert isinstance(claim["claimant"]["label"], str)
        assert isinstance(claim["statement"], str)
        assert isinstance(claim["directQuote"], bool)


def test_framed_jsonld_is_the_same_graph_for_pyld_and_rdflib(
    framed: str, export_examples: Export
) -> None:
    from pyld import jsonld

    _same(Graph().parse(data=framed, format="json-ld"), _ours(export_examples))
    nquads = jsonld.to_rdf(json.loads(framed), {"format": "application/n-quads"})
    _same(Graph().parse(data=nquads, format="nquads"), _ours(export_examples))


def test_jsonld_js_reads_framed_jsonld(
    node: str, framed: str, export_examples: Export, tmp_path: Path
) -> None:
    path = tmp_path / "framed.jsonld"
    path.write_text(framed, encoding="utf-8")
    theirs, calls = _jsonld_to_graph(node, path)
    assert calls == []
    _same(theirs, _ours(export_examples))
