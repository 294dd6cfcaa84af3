"""One rdfs:label per node where articles that spell a name differently are merged
(kb.rdf.labels); each article's own graph keeps its spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kb.rdf.labels import LabelChoice
from kb.rdf.namespaces import SCHEMA
from kb.rdf.validate import validate_graph
from tests.conftest import run_export

S = "<https://w3id.org/newskb/id/person/ana-obi>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://schema.org/alternateName>"


def _relabelled(*graphs: str) -> list[str]:
    choice = LabelChoice()
    lines: set[bytes] = set()
    for text in graphs:
        choice.note(text)
        lines |= {line.encode() for line in text.splitlines()}
    blocks = choice.relabel([sorted(lines)])
    return [line.decode() for block in blocks for line in block]


def test_the_fuller_spelling_stays_the_label() -> None:
    out = _relabelled(
        f'{S} {LABEL} "ANA OBI" .\n',
        f'{S} {LABEL} "Ana Obí" .\n',
        f'{S} {LABEL} "Ana Obi" .\n{S} {ALT} "Ana Obi" .\n',
    )
    assert out == sorted(out)  # still sorted and distinct
    assert [line for line in out if LABEL in line] == [f'{S} {LABEL} "Ana Obí" .']
    assert sorted(line for line in out if ALT in line) == [
        f'{S} {ALT} "ANA OBI" .',
        f'{S} {ALT} "Ana Obi" .',
    ]


def test_one_spelling_changes_nothing() -> None:
    text = f'{S} {LABEL} "Ana Obi" .\n'
    assert _relabelled(text, text) == [text.strip()]


def test_a_label_word_inside_a_literal_is_not_a_label() -> None:
    quoted = f'{S} {ALT} "x {LABEL} y" .'
    out = _relabelled(f'{S} {LABEL} "A" .\n{quoted}\n', f'{S} {LABEL} "B" .\n')
    assert quoted in out


ARTICLES = [
    {"id": "a1", "text": "Tomás Varga said on Monday the plan was too expensive."},
    {"id": "a2", "text": "Tomas Varga said on Tuesday the plan was too slow."},
]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt"])
def test_a_merged_export_conforms_with_one_label(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    out = tmp_path / f"two.{fmt}"
    assert run_export([str(source), "--format", fmt, "-o", str(out)]).exit_code == 0
    graph = Graph().parse(
        out, format={"ttl": "turtle", "jsonld": "json-ld"}.get(fmt, fmt)
    )
    person = URIRef("https://w3id.org/newskb/id/person/tomas-varga")
    assert list(graph.objects(person, RDFS.label)) == [Literal("Tomás Varga")]
    assert Literal("Tomas Varga") in set(graph.objects(person, SCHEMA.alternateName))
    assert validate_graph(graph).conforms


@pytest.mark.slow
def test_the_formats_agree(tmp_path: Path) -> None:
    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    graphs = []
    for fmt, parser in (("ttl", "turtle"), ("jsonld", "json-ld")):
        out = tmp_path / f"two.{fmt}"
        run_export([str(source), "--format", fmt, "-o", str(out)])
        graphs.append(Graph().parse(out, format=parser))
    assert isomorphic(*graphs)
