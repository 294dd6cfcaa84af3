"""Hostile article content: quotes, escapes, controls, bidi and zero-width characters,
emoji, IRI- and Turtle-looking names, ``<script>``. Every format still parses to the
same graph, conforms, keeps exact offsets and mints valid IRIs under the base. Also
``kb validate`` refuses remote contexts, imports and XML entity tricks, offline."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kb.cli import cli
from kb.jobs.export import ArticleOutcome, ExportOptions, build_graphs
from kb.models import Article, Entity, Extraction, Span
from kb.rdf.iris import article_iri
from kb.rdf.mapping import MappingOptions, to_graph
from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.validate import validate_graph
from kb.rdf.writers import FORMATS, serialize

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
CASES = [
    json.loads(line)
    for line in (HOSTILE / "hostile.jsonl").read_text("utf-8").splitlines()
]
BASE = "https://kb.example.org/id/"
WHEN = datetime(2026, 1, 1, tzinfo=UTC)
PARSERS = {
    "ttl": "turtle",
    "jsonld": "json-ld",
    "nt": "nt",
    "nq": "nquads",
    "trig": "trig",
}
# Objects of these properties are not minted by newskb: vocabulary terms, the
# article's own URL, and external identifiers.
NOT_MINTED = {RDF.type, KB.eventType, SCHEMA.url, SCHEMA.sameAs}


# ---------------------------------------------------------------- shared checks


def export_all_formats(
    inputs: Sequence[str | Path], base: str = BASE
) -> tuple[list[tuple[URIRef, Graph]], dict[str, str], list[ArticleOutcome]]:
    """Extract once, then serialise in every format, as ``kb export`` does."""
    outcomes: list[ArticleOutcome] = []
    options = ExportOptions(base=base, generated_at=WHEN)
    built = list(build_graphs(inputs, options, outcomes))
    texts = {fmt: serialize(built, fmt) for fmt in FORMATS}
    graphs = [
        (URIRef(g.iri), Graph().parse(data=g.ntriples, format="nt")) for g in built
    ]
    return graphs, texts, outcomes


def _diff(expected: Graph, actual: Graph) -> str:
    _, only_expected, only_actual = graph_diff(
        to_isomorphic(expected), to_isomorphic(actual)
    )
    lines = ["only in expected:"] + [" ".join(n.n3() for n in t) for t in only_expected]
    lines += ["only in actual:"] + [" ".join(n.n3() for n in t) for t in only_actual]
    return "\n".join(lines)


def parse_all(texts: dict[str, str]) -> tuple[dict[str, Graph], dict[str, Dataset]]:
    graphs: dict[str, Graph] = {}
    datasets: dict[str, Dataset] = {}
    for fmt, text in texts.items():
        if fmt in ("nq", "trig"):
            datasets[fmt] = Dataset()
            datasets[fmt].parse(data=text, format=PARSERS[fmt])
        else:
            graphs[fmt] = Graph().parse(data=text, format=PARSERS[fmt])
    return graphs, datasets


def named_graphs(dataset: Dataset) -> dict[str, set[tuple[Any, ...]]]:
    found: dict[str, set[tuple[Any, ...]]] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        found.setdefault(str(g), set()).add((s, p, o))
    return found


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_same_everywhere(
    graphs: list[tuple[URIRef, Graph]], texts: dict[str, str]
) -> Graph:
    """Every format parses; ttl, jsonld and nt are the exported graph, nq and trig
    the same dataset of one graph per article. Returns the merged graph."""
    expected = Graph()
    for _, g in graphs:
        expected += g
    parsed, datasets = parse_all(texts)
    for fmt, graph in parsed.items():
        assert isomorphic(graph, expected), f"{fmt}:\n{_diff(expected, graph)}"
    want = {str(name): set(g) for name, g in graphs}
    for fmt, dataset in datasets.items():
        got = named_graphs(dataset)
        assert got == want, f"{fmt}: named graphs differ from the export"
    return expected


def assert_conforms(graphs: Iterable[tuple[URIRef, Graph]], merged: Graph) -> None:
    for name, graph in graphs:
        report = validate_graph(graph)
        assert report.conforms, f"{name}:\n{report.format()}"
    report = validate_graph(merged)
    assert report.conforms, report.format()


def assert_offsets_exact(graph: Graph) -> int:
    """Every mention's anchor is articleBody[start:end] in code points."""
    count = 0
    for mention in graph.subjects(RDF.type, KB.Mention):
        article = graph.value(mention, KB.inArticle)
        body = graph.value(article, SCHEMA.articleBody)
        start = graph.value(mention, KB.start)
        end = graph.value(mention, KB.end)
        anchor = graph.value(mention, KB.anchor)
        assert isinstance(body, Literal) and isinstance(anchor, Literal)
        assert isinstance(start, Literal) and isinstance(end, Literal)
        text = str(body)
        assert 0 <= int(start) < int(end) <= len(text), mention
        assert text[int(start) : int(end)] == str(anchor), mention
        count += 1
    return count


def assert_iris_valid(graph: Graph, base: str = BASE) -> None:
    """Every IRI is valid (pyoxigraph refuses invalid ones), and every minted IRI
    (every subject, and every object except vocabulary and external links) is under
    the base."""
    for s, p, o in graph:
        for term in (s, p, o):
            if isinstance(term, URIRef):
                pyoxigraph.NamedNode(str(term))  # raises ValueError if invalid
        assert isinstance(s, URIRef) and str(s).startswith(base), s
        if isinstance(o, URIRef) and p not in NOT_MINTED:
            assert str(o).startswith(base), (s, p, o)


def assert_sound(
    graphs: list[tuple[URIRef, Graph]], texts: dict[str, str], base: str = BASE
) -> Graph:
    merged = assert_same_everywhere(graphs, texts)
    assert_conforms(graphs, merged)
    assert_offsets_exact(merged)
    assert_iris_valid(merged, base)
    return merged


# ---------------------------------------------------------------- hostile articles


@pytest.fixture(scope="module")
def hostile_export(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]]:
    """Each hostile record exported on its own (the spaCy model loads once)."""
    folder = tmp_path_factory.mktemp("hostile")
    results = {}
    for case in CASES:
        path = folder / f"{case['id']}.json"
        path.write_text(json.dumps(case), encoding="utf-8")
        graphs, texts, outcomes = export_all_formats([path])
        assert [o.status for o in outcomes] == ["written"], outcomes
        results[case["id"]] = (graphs, texts)
    return results


@pytest.mark.slow
@pytest.mark.parametrize("case", [c["id"] for c in CASES])
def test_hostile_record_exports_soundly(
    hostile_export: dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]],
    case: str,
) -> None:
    graphs, texts = hostile_export[case]
    merged = assert_sound(graphs, texts)
    assert assert_offsets_exact(merged) > 0, "no mentions: nothing was checked"


@pytest.mark.slow
def test_hostile_text_keeps_its_characters(
    hostile_export: dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]],
) -> None:
    """The body means what the text says: visible content survives every format."""
    wanted = {
        "triple-quotes": '"""Orlin first"""',
        "backslashes": "C:\\Orlin\\bridge\\new.dwg",
        "bidi": "\u202eHaddad\u202c",
        "zero-width": "Pe\u200btra",
        "emoji": "\U0001f469\u200d\U0001f469\u200d\U0001f467",
        "iri-like-names": "<http://x> a <y> .",
        "turtle-injection": '"} ; DROP ALL ; {"',
        "script-in-quote": "<script>alert('Orlin')</script>",
    }
    for case, fragment in wanted.items():
        _, texts = hostile_export[case]
        for fmt, graph in parse_all(texts)[0].items():
            bodies = [str(b) for b in graph.objects(None, SCHEMA.articleBody)]
            assert any(fragment in b for b in bodies), (case, fmt)


@pytest.mark.slow
def test_controls_are_dropped_not_written(
    hostile_export: dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]],
) -> None:
    graphs, _ = hostile_export["controls"]
    (body,) = graphs[0][1].objects(None, SCHEMA.articleBody)
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in str(body))
    assert "Ilse Dunmore" in str(body)


@pytest.mark.slow
def test_emoji_offsets_are_code_points(
    hostile_export: dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]],
) -> None:
    """Astral characters count once: offsets are not UTF-16 or UTF-8 units."""
    graphs, _ = hostile_export["emoji"]
    graph = graphs[0][1]
    (body,) = map(str, graph.objects(None, SCHEMA.articleBody))
    starts = {
        str(graph.value(m, KB.anchor)): int(str(graph.value(m, KB.start)))
        for m in graph.subjects(RDF.type, KB.Mention)
    }
    # the name's mention, whether or not the tagger kept the title in it
    (anchor,) = [a for a in starts if a.endswith("Lena Marsh")]
    assert starts[anchor] == body.index(anchor)
    assert (
        body.encode("utf-16-le").index(anchor.encode("utf-16-le")) // 2
        > (starts[anchor])
    )


@pytest.mark.slow
def test_hostile_url_is_a_valid_iri(
    hostile_export: dict[str, tuple[list[tuple[URIRef, Graph]], dict[str, str]]],
) -> None:
    graphs, _ = hostile_export["hostile-url"]
    (url,) = graphs[0][1].objects(None, SCHEMA.url)
    pyoxigraph.NamedNode(str(url))
    assert str(url).startswith("https://news.example.org/orlin/a%7Cb%7Bc%7D")


@pytest.mark.slow
def test_raw_text_file_through_the_cli(tmp_path: Path) -> None:
    """The raw (not JSON-escaped) fixture, through ``kb export`` in every format."""
    texts = {}
    for fmt in FORMATS:
        out = tmp_path / f"out{FORMATS[fmt]}"
        result = CliRunner().invoke(
            cli,
            # a pinned time: the runs may straddle a second
            [
                "export",
                str(HOSTILE / "raw-text.txt"),
                "--format",
                fmt,
                "-o",
                str(out),
                "--fixed-time",
                "2026-01-01T00:00:00Z",
            ],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.stderr
        texts[fmt] = out.read_text("utf-8")
        check = CliRunner().invoke(cli, ["validate", str(out)], catch_exceptions=False)
        assert check.exit_code == 0, check.output
    parsed, datasets = parse_all(texts)
    first = parsed["ttl"]
    unions = [union(d) for d in datasets.values()]
    for graph in (*parsed.values(), *unions):
        assert isomorphic(graph, first)
    assert_offsets_exact(first)
    assert_iris_valid(first, "https://w3id.org/newskb/id/")


# ---------------------------------------------------------------- kb validate, offline


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail the test if anything opens a connection or resolves a name."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("remote-context.jsonld", "refusing the remote JSON-LD context"),
        ("remote-import.jsonld", "refusing JSON-LD '@import'"),
        ("owl-imports.ttl", "refusing owl:imports of http://127.0.0.1:9/"),
        ("xxe-file.rdf", "refusing the XML entity 'secret'"),
        ("xxe-remote.rdf", "refusing the XML entity 'remote'"),
        ("parameter-entity.rdf", "refusing the XML entity 'param'"),
        ("billion-laughs.rdf", "XML entities expand to far more text"),
    ],
)
def test_validate_refuses_what_would_fetch_or_expand(
    no_network: list[object], name: str, fragment: str
) -> None:
    path = HOSTILE / name
    result = CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"kb: {path}: ") and fragment in line, line
    assert "/etc/hostname" not in result.output
    assert no_network == []


def test_small_internal_entities_are_still_read(
    no_network: list[object], tmp_path: Path
) -> None:
    """The entity check refuses expansion tricks, not ordinary RDF/XML shorthand."""
    path = tmp_path / "ok.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE rdf:RDF [ <!ENTITY ex "https://example.org/"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
        '         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">\n'
        '  <rdf:Description rdf:about="&ex;thing"><rdfs:label>a thing</rdfs:label>'
        "</rdf:Description>\n"
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- hostile names


HOSTILE_NAMES = [
    "<http://x> a <y> .",
    '"""',
    "\\",
    "../../etc/passwd",
    "http://evil.example/#me",
    "https://kb.example.org/id/person/someone-else",
    "\u202eevil\u202c",
    "\u200b",
    "\U0001f600 \U0001f1f3\U0001f1f4",
    "%00%2e%2e%zz",
    "?#[]@!$&'()*+,;=",
    "} ; DROP ALL ; {",
    "@id",
    "<script>alert(1)</script>",
    "\u00f6" * 300,
    "\ufffd\ue000\U000f0000",
]


def hand_made_extraction(names: Sequence[str], keys: Sequence[str]) -> Extraction:
    """An extraction whose entities have the given names, bypassing spaCy, so that
    the names reach IRI minting and labels whatever NER would make of them."""
    text = ""
    entities = []
    for index, (name, key) in enumerate(zip(names, keys, strict=True)):
        text += f"Item {index}: "
        span = Span(len(text), len(text) + len(name), name)
        text += name + ".\n"
        kind = ("Person", "Organization", "Group", "Actor")[index % 4]
        entities.append(
            Entity(
                key=key,
                name=name,
                mentions=(span,),
                actor_kind=kind,  # type: ignore[arg-type]
                is_location=kind == "Actor",
                aliases=(name[::-1],),
                roles=(name,),
            )
        )
    article = Article(text=text, origin="<hand-made>", title=names[0])
    return Extraction(article, entities=tuple(entities), model="hand-made 0")


@pytest.mark.parametrize(
    "scheme", ["person", "organization", "geonames", "iso3166", "<x>", "a b/../c"]
)
def test_hostile_names_mint_valid_iris_under_the_base(scheme: str) -> None:
    names = [n for n in HOSTILE_NAMES if n.strip()]
    extraction = hand_made_extraction(names, [f"{scheme}:{n}" for n in names])
    for span in (m for e in extraction.entities for m in e.mentions):
        assert extraction.article.text[span.start : span.end] == span.text
    graph = to_graph(extraction, MappingOptions(BASE, WHEN))
    graphs = [(article_iri(extraction.article, BASE), graph)]
    texts = {fmt: serialize(graphs, fmt) for fmt in FORMATS}
    merged = assert_sound(graphs, texts)
    labels = {str(o) for o in merged.objects(None, RDFS.label)}
    assert set(names) <= labels  # names are kept as written, only IRIs are slugs


def test_names_that_mint_one_iri_keep_one_label() -> None:
    """Found by test_properties: two entities of one article whose keys slug alike
    used to get two rdfs:labels, so the whole article failed SHACL."""
    names = ["Zoë Müller", "ZOE MULLER", "Zoe  Muller"]
    extraction = hand_made_extraction(names, [f"person:{n}" for n in names])
    graph = to_graph(extraction, MappingOptions(BASE, WHEN))
    (node,) = {s for s in graph.subjects(RDFS.label, None) if "/person/" in str(s)}
    assert str(node) == f"{BASE}person/zoe-muller"
    assert [str(o) for o in graph.objects(node, RDFS.label)] == ["Zoë Müller"]
    alternates = {str(o) for o in graph.objects(node, SCHEMA.alternateName)}
    assert {"ZOE MULLER", "Zoe  Muller"} <= alternates
    assert validate_graph(graph).conforms
