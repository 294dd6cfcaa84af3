"""The writers' fast paths (a block merge of sorted runs, rdf:type lines moved and
N-Quads made on whole lists of lines) write the very bytes of the plain way: every
line sorted and de-duplicated at once, then parsed triple by triple."""

from __future__ import annotations

import io
import random
from itertools import groupby

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF

from kb.models import ArticleGraph
from kb.rdf import jsonld_writer, spill
from kb.rdf.jsonld_writer import write_jsonld
from kb.rdf.line_order import types_first
from kb.rdf.resources import jsonld_context
from kb.rdf.writers import FORMATS, GraphWriter, _prefixes

EX = "https://example.org/"
TYPE = f"<{RDF.type}>"
# literals with characters that str.splitlines() would split at, escapes, astral
# characters, and the rdf:type IRI written inside a literal
ODD = [
    "plain",
    "line\u2028sep",
    "next\x85line",
    "tab\\tbed",
    "ünï",
    "emoji 😀",
    'q \\"x\\"',
    "",
    " ",
    f"a {TYPE} b",
    "日本",
    "#",
    "!",
]
PREDICATES = [TYPE, f"<{EX}p>", f"<{EX}name>", "<http://schema.org/name>"]


def _object(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return f"<{EX}o{rng.randrange(30)}>"
    if kind == 1:
        return f'"{rng.choice(ODD)}"@{rng.choice(["en", "en-GB", "fr"])}'
    if kind == 2:
        xsd = "http://www.w3.org/2001/XMLSchema#integer"
        return f'"{rng.randrange(-5, 2000)}"^^<{xsd}>'
    if kind == 3:
        return f"_:b{rng.randrange(20)}"
    return f'"{rng.choice(ODD)} {rng.randrange(9)}"'


def _articles(seed: int, n: int = 60) -> list[ArticleGraph]:
    """Article graphs sharing entities, some unsorted, some with blank lines."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        iri = f"{EX}article/{i}"
        subjects = [iri, f"{iri}/m", f"{EX}person/{rng.randrange(8)}", f"{EX}é"]
        lines = set()
        for _ in range(rng.randrange(0, 50)):
            subject = f"<{rng.choice(subjects)}>"
            if rng.random() < 0.1:
                subject = f"_:b{rng.randrange(20)}"
            lines.add(f"{subject} {rng.choice(PREDICATES)} {_object(rng)} .\n")
        ordered = sorted(lines) if rng.random() < 0.8 else list(lines)
        text = "".join(ordered)
        if rng.random() < 0.1:
            text = "\n" + text.replace(" .\n", " .\n\n", 1)
        out.append(ArticleGraph(iri, text))
    return out


def _type_first(triples: list) -> list:
    out, subject, others = [], None, []
    for triple in triples:
        if triple.subject != subject:
            out += others
            others, subject = [], triple.subject
        (out if str(triple.predicate) == TYPE else others).append(triple)
    return out + others


def _plain(fmt: str, graphs: list[ArticleGraph]) -> bytes:
    """The writer as it was: a line at a time."""
    lines: set[str] = set()
    for graph in graphs:
        each = [line + "\n" for line in graph.ntriples.split("\n") if line]
        if fmt == "nq":
            each = [line[:-2] + f"<{graph.iri}> .\n" for line in each]
        elif fmt == "trig":
            each = [f"<{graph.iri}> " + line for line in each]
        lines.update(each)
    ordered = sorted(lines)
    out = io.BytesIO()
    if fmt in ("nt", "nq"):
        out.write("".join(ordered).encode("utf-8"))
    elif fmt == "ttl":
        triples = list(ox.parse("".join(ordered), format=ox.RdfFormat.N_TRIPLES))
        ox.serialize(
            _type_first(triples), out, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()
        )
    elif fmt == "trig":
        quads = []
        for name, group in groupby(ordered, key=lambda line: line.split(" ", 1)[0]):
            text = "".join(line[len(name) + 1 :] for line in group)
            graph = ox.NamedNode(name[1:-1])
            for t in _type_first(list(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))):
                quads.append(ox.Quad(t.subject, t.predicate, t.object, graph))
        ox.serialize(quads, out, format=ox.RdfFormat.TRIG, prefixes=_prefixes())
    else:
        write_jsonld(ordered, jsonld_context()["@context"], out)
    return out.getvalue()


def _fast(fmt: str, graphs: list[ArticleGraph], budget: int) -> bytes:
    out = io.BytesIO()
    with GraphWriter(fmt, budget) as writer:
        for graph in graphs:
            writer.add(graph)
        writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_writer_writes_the_plain_bytes(
    fmt: str, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    graphs = _articles(seed)
    want = _plain(fmt, graphs)
    assert _fast(fmt, graphs, budget=10**9) == want  # nothing spilled
    # many runs, read a few lines at a time: subjects and graphs cross blocks
    monkeypatch.setattr(spill, "MIN_READ", 200)
    monkeypatch.setattr(spill, "BLOCK_LINES", 5)
    for budget in (1, 3_000):
        assert _fast(fmt, graphs, budget) == want, budget


def test_types_first_whatever_the_blocks() -> None:
    """Cut anywhere, the lines come out in the order of one block."""
    rng = random.Random(5)
    lines = sorted(
        {
            line.encode("utf-8")
            for graph in _articles(4, 30)
            for line in graph.ntriples.split("\n")
            if line
        }
    )
    whole = [line for block in types_first([lines], 1) for line in block]
    assert whole != lines  # some lines moved
    for _ in range(20):
        cuts = sorted(rng.sample(range(1, len(lines)), 12))
        blocks = [
            lines[a:b] for a, b in zip([0, *cuts], [*cuts, len(lines)], strict=True)
        ]
        assert [line for block in types_first(blocks, 1) for line in block] == whole


@pytest.mark.parametrize("seed", [1, 2])
def test_jsonld_the_same_when_its_memos_are_forgotten(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON-LD writer's remembered entries and orders of keys are forgotten when
    full; a writer that forgets after every one or two writes the same bytes."""
    graphs = _articles(seed)
    want = _plain("jsonld", graphs)
    for size in (1, 2):
        monkeypatch.setattr(jsonld_writer, "_REMEMBERED", size)
        monkeypatch.setattr(jsonld_writer, "_ORDERS", size)
        assert _fast("jsonld", graphs, budget=10**9) == want, size
