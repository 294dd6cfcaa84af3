"""kb.rdf.validate: the typed report, its text form, and reading RDF files safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kb.cli import cli
from kb.errors import InputError, ValidationFailed
from kb.rdf.namespaces import KB, KBSH
from kb.rdf.rdf_files import load_rdf_file
from kb.rdf.resources import CONTEXT_IRI, jsonld_context
from kb.rdf.validate import validate_files, validate_graph
from kb.rdf.validation_report import (
    ShapesViolation,
    ValidationReport,
    ValidationResult,
)

SH = Namespace("http://www.w3.org/ns/shacl#")
EX = Namespace("https://example.org/id/")
EXAMPLES = Path(__file__).parent / "data" / "shapes"
VALID = EXAMPLES / "ClaimShape-valid.ttl"
ANCHOR = EXAMPLES / "MentionShape-invalid-anchor-mismatch.ttl"


@pytest.fixture(scope="module")
def anchor_report() -> ValidationReport:
    return validate_graph(Graph().parse(ANCHOR))


def test_result_fields(anchor_report: ValidationReport) -> None:
    assert not anchor_report.conforms
    (result,) = anchor_report.results
    assert isinstance(result, ValidationResult)
    assert result.focus_node == EX["m-kursk"]
    assert result.path == KB.anchor
    assert result.severity == SH.Violation
    assert result.source_shape == KBSH["MentionShape-anchorText"]
    assert result.value == Literal("Moscow")
    assert result.message.startswith("A mention's kb:anchor is exactly")
    (span,) = result.context.spans
    assert (span.article, span.start, span.end) == (EX.article, 16, 21)
    assert (span.anchor, span.text) == ("Moscow", "Tomsk")


def test_format_groups_by_focus_node(anchor_report: ValidationReport) -> None:
    text = anchor_report.format()
    assert text.splitlines()[0] == "Does not conform: 1 problem in 1 node."
    assert "<https://example.org/id/m-kursk> (kb:Mention)" in text
    assert 'in <https://example.org/id/article> at 16-21 "Moscow"' in text
    assert '(the text there is "Tomsk")' in text
    assert "- kb:anchor: A mention's kb:anchor" in text
    assert '(value: "Moscow")' in text
    assert "[kbsh:MentionShape-anchorText]" in text


def test_format_names_the_node_and_where_it_was_found() -> None:
    graph = Graph().parse(EXAMPLES / "EventShape-invalid-unknown-type.ttl")
    text = validate_graph(graph).format()
    assert '(kb:Event) "Russia attacked Tomsk"' in text
    assert 'at 7-15 "attacked"' in text
    assert "(value: kb:Invasion)" in text


def test_format_several_results() -> None:
    graph = Graph().parse(EXAMPLES / "MentionShape-invalid-start-string.ttl")
    report = validate_graph(graph)
    # kb:start "7" fails sh:datatype and sh:minInclusive of one shape (the same
    # message twice, so merged into one result) and sh:lessThan of another.
    assert len(report.results) == 2
    assert report.format().splitlines()[0] == "Does not conform: 2 problems in 1 node."
    assert report.results == validate_graph(graph).results  # reproducible order


def test_conforming_report() -> None:
    report = validate_graph(Graph().parse(VALID))
    assert report.conforms and report.results == ()
    report.raise_for_results()  # does not raise
    assert report.format() == "Conforms: the data meets every shape."


def test_raise_for_results(anchor_report: ValidationReport) -> None:
    with pytest.raises(ValidationFailed) as info:
        anchor_report.raise_for_results()
    assert isinstance(info.value, ShapesViolation)
    assert info.value.report is anchor_report
    assert info.value.exit_code == 1
    assert str(info.value) == anchor_report.format()


def test_validate_graph_does_not_change_its_input() -> None:
    graph = Graph().parse(ANCHOR)
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_dataset_is_validated_as_union() -> None:
    dataset = Dataset()
    source = Graph().parse(ANCHOR)
    named = dataset.graph(URIRef("https://example.org/id/article"))
    for triple in source:
        named.add(triple)
    report = validate_graph(dataset)
    assert [r.source_shape for r in report.results] == [KBSH["MentionShape-anchorText"]]


# --- files


@pytest.mark.parametrize(
    ("suffix", "rdf_format"),
    [
        (".ttl", "turtle"),
        (".nt", "nt"),
        (".n3", "n3"),
        (".rdf", "xml"),
        (".xml", "xml"),
        (".jsonld", "json-ld"),
        (".json", "json-ld"),
    ],
)
def test_load_each_syntax(tmp_path: Path, suffix: str, rdf_format: str) -> None:
    graph = Graph().parse(VALID)
    path = tmp_path / f"data{suffix}"
    path.write_text(graph.serialize(format=rdf_format), encoding="utf-8")
    assert isomorphic(load_rdf_file(path), graph)


@pytest.mark.parametrize(
    ("suffix", "rdf_format"), [(".nq", "nquads"), (".trig", "trig")]
)
def test_quads_are_flattened(tmp_path: Path, suffix: str, rdf_format: str) -> None:
    graph = Graph().parse(VALID)
    dataset = Dataset()
    triples = sorted(graph)
    for index, triple in enumerate(triples):
        # Spread the triples over two named graphs; the union is the original.
        dataset.graph(EX[f"g{index % 2}"]).add(triple)
    path = tmp_path / f"data{suffix}"
    path.write_text(dataset.serialize(format=rdf_format), encoding="utf-8")
    assert isomorphic(load_rdf_file(path), graph)
    assert validate_files([path])[path].conforms


def test_bad_syntax_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(
        "@prefix ex: <https://example.org/> .\nex:a ex:b \n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"broken\.ttl: not valid turtle: "):
        load_rdf_file(path)


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("missing.ttl", None, "no such file"),
        ("data.csv", "a,b", "unknown RDF file extension '.csv'"),
        # an article where its RDF was meant: say how to make the RDF
        (
            "my story.txt",
            "Kellan Orlen spoke in Tarsk.",
            r"if it holds articles, export them first \(kb export '.*my story\.txt' "
            r"-o 'my story'\.ttl\)",
        ),
        ("bad.jsonld", "{", "not valid JSON"),
        ("latin1.ttl", b"\xe9", "not UTF-8"),
        ("broken.nq", "<a> <b> .", "not valid nquads"),
    ],
)
def test_unreadable_inputs(
    tmp_path: Path, name: str, content: str | bytes | None, match: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match) as info:
        load_rdf_file(path)
    assert name in str(info.value)


REMOTE_CONTEXTS = [
    "https://schema.org/",
    ["https://example.org/context.jsonld", {"ex": "https://example.org/"}],
    {"@import": "https://example.org/context.jsonld"},
    {"ex": {"@id": "https://example.org/p", "@context": "https://example.org/scoped"}},
    "context.jsonld",  # relative: would be read from beside the file
]


@pytest.mark.parametrize("context", REMOTE_CONTEXTS, ids=range(len(REMOTE_CONTEXTS)))
def test_remote_context_is_refused(
    tmp_path: Path, context: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import urllib.request

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to fetch")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    path = tmp_path / "remote.jsonld"
    document = {"@context": context, "@id": "https://example.org/a", "ex:p": "x"}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match="remote.jsonld: refusing"):
        load_rdf_file(path)


def test_remote_context_in_a_nested_node_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonld"
    document = {
        "@context": {"ex": "https://example.org/"},
        "@graph": [{"@context": "https://example.org/c", "@id": "ex:a"}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match="refusing the remote JSON-LD context"):
        load_rdf_file(path)


def test_own_context_iri_is_read_locally(tmp_path: Path) -> None:
    graph = Graph().parse(VALID)
    compact = json.loads(
        graph.serialize(format="json-ld", context=jsonld_context()["@context"])
    )
    compact["@context"] = CONTEXT_IRI
    path = tmp_path / "ours.jsonld"
    path.write_text(json.dumps(compact), encoding="utf-8")
    assert isomorphic(load_rdf_file(path), graph)


def test_validate_files(tmp_path: Path) -> None:
    reports = validate_files([VALID, ANCHOR])
    assert list(reports) == [VALID, ANCHOR]
    assert reports[VALID].conforms and not reports[ANCHOR].conforms


def test_one_unreadable_file_does_not_cost_the_others_their_verdicts(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from kb.cli import cli

    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/a> <https://example.org/b>", "utf-8")
    args = ["validate", str(VALID), str(broken), str(ANCHOR)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2  # the worst: bad input, above non-conforming
    assert result.stdout == f"{VALID}: conforms\n"
    assert f"kb: {broken}: not valid turtle" in result.stderr
    assert f"{ANCHOR}: does not conform" in result.stderr


def test_a_pyshacl_crash_becomes_rudofs_verdict(tmp_path: Path) -> None:
    """pySHACL (rdflib's SUBSTR) raises TypeError on a decimal offset; kb validate
    then reports rudof's verdict instead of a traceback."""
    from click.testing import CliRunner

    from kb.cli import cli

    shapes = Path(__file__).parent / "data" / "shapes"
    text = (shapes / "MentionShape-valid.ttl").read_text("utf-8")
    graph = Graph().parse(data=text, format="turtle")
    mention = next(graph.subjects(KB.start, None))
    start = graph.value(mention, KB.start)
    graph.set((mention, KB.start, Literal(f"{start}.0", datatype=XSD_DECIMAL)))
    bad = tmp_path / "decimal-offset.ttl"
    graph.serialize(bad, format="turtle")
    with pytest.raises(ValidationFailed, match="rudof's verdict"):
        validate_files([bad])
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "decimal-offset.ttl: does not conform" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        ("empty.ttl", "", "holds no triples; check that it is RDF"),
        ("article.json", '{"text": "Ana Obi won.", "title": "A win"}', "kb export"),
    ],
)
def test_a_file_with_no_triples_is_bad_input(
    tmp_path: Path, name: str, content: str, hint: str
) -> None:
    """Validating (or querying) nothing is a wrong file, not a conforming graph."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert hint in result.output
