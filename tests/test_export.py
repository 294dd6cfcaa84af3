"""``kb export`` on the bundled example articles, in every format: the formats agree,
the output is deterministic, conforms to the shapes, and keeps its contract."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import RDF

from kb.ingest.sources import iter_articles
from kb.rdf.iris import article_iri
from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.resources import ontology_graph
from kb.rdf.validate import validate_graph
from tests.conftest import EXAMPLES, FORMATS, Exported, break_the_body_of, run_export

pytestmark = pytest.mark.slow

RDFLIB_FORMAT = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
KB_NS = str(KB._NS)
Export = Callable[[str], Exported]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything tries to open a network connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def graph_of(export_examples: Export, fmt: str) -> Graph:
    return Graph().parse(data=export_examples(fmt).text, format=RDFLIB_FORMAT[fmt])


def dataset_of(export_examples: Export, fmt: str) -> Dataset:
    ds = Dataset()
    ds.parse(data=export_examples(fmt).text, format={"nq": "nquads"}.get(fmt, fmt))
    return ds


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for g in ds.graphs():
        if g.identifier == ds.default_graph.identifier or not len(g):
            continue
        copy = Graph()
        for triple in g:
            copy.add(triple)
        out[str(g.identifier)] = copy
    return out


def _article_iris(path: Path) -> Iterator[URIRef]:
    for item in iter_articles([path]):
        assert not isinstance(item, Exception), item
        yield article_iri(item)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_succeeds(export_examples: Export, fmt: str) -> None:
    result = export_examples(fmt)
    assert result.exit_code == 0, result.stderr
    assert result.text.strip()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_is_in_every_format(
    export_examples: Export, fmt: str, example: Path
) -> None:
    if fmt in ("nq", "trig"):
        ds = dataset_of(export_examples, fmt)
        graphs = named_graphs(ds)
        for iri in _article_iris(example):
            assert str(iri) in graphs
            assert (iri, RDF.type, KB.Article) in graphs[str(iri)]
    else:
        graph = graph_of(export_examples, fmt)
        for iri in _article_iris(example):
            assert (iri, RDF.type, KB.Article) in graph


def test_turtle_jsonld_ntriples_are_one_graph(export_examples: Export) -> None:
    ntriples = graph_of(export_examples, "nt")
    assert len(ntriples) > 0
    for fmt in ("ttl", "jsonld"):
        assert isomorphic(graph_of(export_examples, fmt), ntriples), fmt


def test_nquads_and_trig_are_one_dataset(export_examples: Export) -> None:
    nq = named_graphs(dataset_of(export_examples, "nq"))
    trig = named_graphs(dataset_of(export_examples, "trig"))
    assert sorted(nq) == sorted(trig)
    for name in nq:
        assert isomorphic(nq[name], trig[name]), name
    # the union of the article graphs is the merged graph of the other formats
    union = Graph()
    for g in nq.values():
        union += g
    assert isomorphic(union, graph_of(export_examples, "nt"))


def test_one_named_graph_per_article(export_examples: Export) -> None:
    expected = {str(iri) for path in EXAMPLES for iri in _article_iris(path)}
    assert len(expected) >= len(EXAMPLES)
    for fmt in ("nq", "trig"):
        graphs = named_graphs(dataset_of(export_examples, fmt))
        assert set(graphs) == expected, fmt
        for name, g in graphs.items():
            assert set(g.subjects(RDF.type, KB.Article)) == {URIRef(name)}, fmt


def test_ntriples_are_byte_identical_across_runs(export_examples: Export) -> None:
    again = run_export([*map(str, EXAMPLES), "--format", "nt"])
    assert again.exit_code == 0
    assert again.text == export_examples("nt").text


@pytest.mark.parametrize("fmt", ["nt", "nq"])
def test_line_formats_are_sorted(export_examples: Export, fmt: str) -> None:
    text = export_examples(fmt).text
    assert text.endswith("\n")
    lines = text.splitlines()
    assert lines == sorted(lines)
    assert len(lines) == len(set(lines))


def test_output_conforms(export_examples: Export) -> None:
    report = validate_graph(graph_of(export_examples, "ttl"))
    assert report.conforms, report.format()


def test_kb_terms_are_declared_in_the_ontology(export_examples: Export) -> None:
    ontology = ontology_graph()
    declared = {
        s for s in ontology.subjects(RDF.type, None) if str(s).startswith(KB_NS)
    }
    used = {
        term
        for triple in graph_of(export_examples, "nt")
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(KB_NS)
    }
    assert used, "the export uses no kb: terms at all"
    assert sorted(used - declared) == []


def test_mention_offsets_slice_their_anchor(export_examples: Export) -> None:
    graph = graph_of(export_examples, "nt")
    mentions = list(graph.subjects(RDF.type, KB.Mention))
    assert mentions
    for mention in mentions:
        article = graph.value(mention, KB.inArticle)
        body = graph.value(article, URIRef("http://schema.org/articleBody"))
        start = graph.value(mention, KB.start)
        end = graph.value(mention, KB.end)
        anchor = graph.value(mention, KB.anchor)
        assert isinstance(body, Literal) and isinstance(anchor, Literal), mention
        assert isinstance(start, Literal) and isinstance(end, Literal), mention
        assert str(body)[start.toPython() : end.toPython()] == str(anchor), mention


def test_jsonld_embeds_its_context_and_parses_offline(
    export_examples: Export, no_network: None
) -> None:
    text = export_examples("jsonld").text
    assert isinstance(json.loads(text)["@context"], dict)
    graph = Graph().parse(data=text, format="json-ld")
    assert to_isomorphic(graph) == to_isomorphic(graph_of(export_examples, "nt"))


FIXTURES = Path(__file__).parent / "data" / "articles"


@pytest.mark.parametrize(
    "article",
    [p.name for p in sorted(FIXTURES.iterdir()) if p.suffix != ".jsonl"],
)
def test_every_fixture_article_conforms(article: str) -> None:
    # the fixtures are invented; each exercises an input format, and every graph
    # the pipeline makes from them must pass the shapes (a claimant must be an actor)
    result = run_export([str(FIXTURES / article)])
    assert result.exit_code == 0, result.stderr


def test_jsonld_booleans_and_integers_are_json_values(export_examples: Export) -> None:
    """A JavaScript reader must not see "false" (truthy) for false."""
    nodes = json.loads(export_examples("jsonld").text)["@graph"]
    quotes = [n["directQuote"] for n in nodes if "directQuote" in n]
    assert quotes and all(isinstance(q, bool) for q in quotes)
    assert False in quotes
    starts = [n["start"] for n in nodes if "start" in n]
    assert starts and all(type(s) is int for s in starts)
    # decimals stay strings: a JSON number would come back as another literal
    values = [n["value"] for n in nodes if "value" in n]
    assert values and all(isinstance(v, str) for v in values)


def test_an_article_that_does_not_conform_is_noted_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # validation runs in a thread, a few articles behind extraction: each outcome
    # must still be its article's, and the graphs come out in input order without
    # the failing one
    from kb.jobs import export as job

    texts = {
        "a.txt": "Mayor Ada Brandt said the bridge would open in May.",
        "b.txt": "Nurse Tomas Varga said the clinic was full.",
        "c.json": "{ not json",
        "d.txt": "Engineer Lena Okoye said the dam was safe.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    break_the_body_of(monkeypatch, "clinic")
    outcomes: list[job.ArticleOutcome] = []
    options = job.ExportOptions(generated_at=None)
    graphs = list(job.build_graphs(sorted(tmp_path.iterdir()), options, outcomes))
    status = {Path(o.origin).name: o for o in outcomes}
    # in input order, though nlp.pipe has read "c.json" before "a.txt" is extracted
    assert [Path(o.origin).name for o in outcomes] == sorted(texts)
    assert {name: o.status for name, o in status.items()} == {
        "a.txt": "written",
        "b.txt": "invalid",
        "c.json": "failed",
        "d.txt": "written",
    }
    assert "anchor" in status["b.txt"].reason.lower()
    assert [("Brandt" in g.ntriples, "Okoye" in g.ntriples) for g in graphs] == [
        (True, False),
        (False, True),
    ]


def test_the_loaded_pipeline_is_kept_out_of_the_collectors_way(
    tmp_path: Path,
) -> None:
    # one process: what is loaded for the whole run (the pipeline, the gazetteer)
    # is frozen, so no full collection walks it again; the output is as before
    import gc

    from kb.jobs.export import ExportOptions, export

    (tmp_path / "a.txt").write_text(
        "Mayor Ada Brandt said the bridge would open in May.", encoding="utf-8"
    )
    gc.unfreeze()
    try:
        result = export([tmp_path], ExportOptions(fmt="nt", jobs=1))
        assert result.written == 1
        assert gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()


def test_a_records_id_is_the_articles_identifier(tmp_path: Path) -> None:
    """A newsroom joins the graph back to its own records by their "id"."""
    path = tmp_path / "feed.jsonl"
    record = {"id": "story-0042", "text": "Ana Obi opened the Varda bridge on Monday."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    nt = run_export([str(path), "--format", "nt"])
    ld = run_export([str(path), "--format", "jsonld"])
    assert nt.exit_code == ld.exit_code == 0, nt.stderr
    ids = set(Graph().parse(data=nt.text, format="nt").objects(None, SCHEMA.identifier))
    assert ids == {Literal("story-0042")}
    assert '"identifier": "story-0042"' in ld.text
