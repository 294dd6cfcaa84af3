"""The disk-backed sorter and the streaming writer: spilling runs to disk changes
nothing in the output, however small the memory budget."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kb.models import ArticleGraph
from kb.rdf import spill
from kb.rdf.spill import SortedLines
from kb.rdf.writers import FORMATS, GraphWriter

EX = "https://example.org/"


def _lines(rng: random.Random, n: int) -> list[str]:
    # literals with characters that str.splitlines() would split at
    odd = ["plain", "line\u2028sep", "next\x85line", "tab\tbed", "ünï"]
    return [
        f'<{EX}s{rng.randrange(50)}> <{EX}p> "{rng.choice(odd)} {rng.randrange(9)}" .\n'
        for _ in range(n)
    ]


@pytest.mark.parametrize("budget", [1, 200, 10_000_000])
def test_sorted_lines_are_sorted_and_distinct(budget: int) -> None:
    rng = random.Random(7)
    batches = [_lines(rng, rng.randrange(0, 40)) for _ in range(30)]
    with SortedLines(budget) as lines:
        for batch in batches:
            lines.add("".join(batch) + "\n")  # a blank line too
        got = list(lines)
        texts = b"".join(lines.texts())
    want = sorted({line[:-1] for batch in batches for line in batch})
    assert got == want
    assert texts == "".join(line + "\n" for line in want).encode("utf-8")


def test_merge_equals_sorting_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """The block merge, with runs read a few lines at a time and blocks of a few
    lines, against one sort of every line."""
    monkeypatch.setattr(spill, "MIN_READ", 64)
    monkeypatch.setattr(spill, "BLOCK_LINES", 3)
    rng = random.Random(11)
    batches = [_lines(rng, rng.randrange(0, 60)) for _ in range(40)]
    with SortedLines(budget=1500) as lines:
        for batch in batches:
            lines.add("".join(batch))
        blocks = list(lines.blocks())
        assert len(lines._runs) > 5  # spilled
    want = sorted({line[:-1].encode("utf-8") for batch in batches for line in batch})
    assert [line for block in blocks for line in block] == want
    assert len(blocks) > 10


def test_spilled_runs_are_removed(tmp_path: Path) -> None:
    lines = SortedLines(1, directory=str(tmp_path))
    lines.add("b\na\n")
    lines.add("c\n")
    assert list(tmp_path.iterdir())  # the runs are on disk
    assert list(lines) == ["a", "b", "c"]
    lines.close()
    assert not list(tmp_path.iterdir())


def _articles() -> list[ArticleGraph]:
    rng = random.Random(3)
    out = []
    for i in range(12):
        iri = f"{EX}article/{i}"
        own = [
            f'<{iri}/m{j}> <{EX}p> "{rng.randrange(5)}\u2028x" .\n' for j in range(9)
        ]
        shared = [f'<{EX}person/{rng.randrange(4)}> <{EX}name> "Ana" .\n']
        typed = [
            f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{EX}A> .\n"
        ]
        out.append(ArticleGraph(iri, "".join(sorted(set(own + shared + typed)))))
    return out


def _write(fmt: str, budget: int) -> str:
    with GraphWriter(fmt, budget) as writer:
        for graph in _articles():
            writer.add(graph)
        return writer.text()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_spilling_writer_writes_the_same_document(fmt: str) -> None:
    assert _write(fmt, budget=1) == _write(fmt, budget=10_000_000)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_merged_formats_hold_every_article(fmt: str) -> None:
    expected = Graph()
    for graph in _articles():
        expected.parse(data=graph.ntriples, format="nt")
    parsed = Graph().parse(
        data=_write(fmt, budget=300), format=fmt.replace("jsonld", "json-ld")
    )
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_quad_formats_keep_each_article_in_its_graph(fmt: str) -> None:
    dataset = Dataset().parse(
        data=_write(fmt, budget=300), format=fmt.replace("nq", "nquads")
    )
    for graph in _articles():
        named = dataset.graph(graph.iri)
        assert isomorphic(named, Graph().parse(data=graph.ntriples, format="nt")), (
            graph.iri
        )


def test_turtle_puts_types_first() -> None:
    text = _write("ttl", budget=10_000_000)
    block = text[text.index(f"<{EX}article/0>") :].split(" .\n", 1)[0]
    assert block.split()[1] == "a"


def test_jsonld_from_spilled_runs_is_the_same_graph() -> None:
    whole = Graph().parse(data=_write("jsonld", budget=10_000_000), format="json-ld")
    text = _write("jsonld", budget=2_000)
    assert isomorphic(Graph().parse(data=text, format="json-ld"), whole)
    # one node object per subject even though its lines came from several runs
    nodes = json.loads(text)["@graph"]
    ids = [node["id"] for node in nodes]
    assert len(ids) == len(set(ids))
