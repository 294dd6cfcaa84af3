"""Serialisation: article graphs to Turtle, JSON-LD, N-Triples, N-Quads or TriG, with
fixed prefixes and a byte-stable order. JSON-LD embeds our local context.

Graphs arrive as N-Triples text and are collected in a :class:`~kb.rdf.spill.SortedLines`,
so memory stays flat for any number of articles; pyoxigraph writes Turtle and TriG
(rdflib's writers are ~50x slower on large graphs); rdflib compacts JSON-LD, a chunk
of subjects at a time.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from types import TracebackType
from typing import IO, Any

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef

from kb.errors import UsageError
from kb.models import ArticleGraph
from kb.rdf.jsonld_values import native_terms, native_values
from kb.rdf.namespaces import PREFIXES, bind_prefixes
from kb.rdf.resources import jsonld_context
from kb.rdf.spill import DEFAULT_BUDGET, SortedLines

__all__ = ["FORMATS", "GraphWriter", "serialize"]

#: Output formats and their file extensions.
FORMATS = {
    "ttl": ".ttl",
    "jsonld": ".jsonld",
    "nt": ".nt",
    "nq": ".nq",
    "trig": ".trig",
}


class GraphWriter:
    """Collects article graphs, then writes them as one document in one format.

    N-Quads and TriG put each article in the graph named by its IRI; the other
    formats merge them, which is what a shared entity's repeated description is for.
    With ``frame`` (JSON-LD only), the document is framed: an object per article.

    :raises UsageError: for an unknown format, or a frame with another format.
    """

    def __init__(
        self, fmt: str, budget: int = DEFAULT_BUDGET, frame: str | None = None
    ) -> None:
        if fmt not in FORMATS:
            choices = ", ".join(FORMATS)
            raise UsageError(f"unknown format {fmt!r}; choose one of {choices}")
        if frame is not None and fmt != "jsonld":
            raise UsageError(f"--frame needs --format jsonld, not {fmt}")
        self.fmt = fmt
        self.frame = frame
        self._lines = SortedLines(budget)

    def add(self, graph: ArticleGraph) -> None:
        # not splitlines(): U+2028 and friends may stand unescaped inside literals
        lines = [line + "\n" for line in graph.ntriples.split("\n") if line]
        if self.fmt == "nq":
            name = f"<{graph.iri}> .\n"
            lines = [line[:-2] + name for line in lines]  # "s p o ." → "s p o <g> ."
        elif self.fmt == "trig":
            name = f"<{graph.iri}> "
            lines = [name + line for line in lines]  # sorted by graph, then triple
        self._lines.extend(lines)

    def write(self, out: IO[bytes]) -> None:
        """Write the document to a binary stream."""
        if self.fmt in ("nt", "nq"):
            for chunk in self._lines.chunks():
                out.write("".join(chunk).encode("utf-8"))
        elif self.fmt == "ttl":
            triples = _type_first(_parsed(self._lines.chunks()))
            ox.serialize(triples, out, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())
        elif self.fmt == "trig":
            quads = _named_quads(self._lines)
            ox.serialize(quads, out, format=ox.RdfFormat.TRIG, prefixes=_prefixes())
        elif self.frame is not None:
            from kb.rdf.framing import write_framed  # pyld only when framing

            write_framed(self._lines, self.frame, out)
        else:
            _write_jsonld(self._lines, out)

    def text(self) -> str:
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue().decode("utf-8")

    def close(self) -> None:
        self._lines.close()

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _prefixes() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _subject(line: str) -> str:
    return line.split(" ", 1)[0]


def _parsed(chunks: Iterable[list[str]]) -> Iterator[ox.Triple]:
    for chunk in chunks:
        yield from ox.parse("".join(chunk), format=ox.RdfFormat.N_TRIPLES)


_TYPE = ox.NamedNode(str(RDF.type))


def _type_first(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """Each subject's rdf:type triples before its others ("x a kb:Person ; …"), as
    people read Turtle. The input holds each subject's triples together."""
    subject = None
    others: list[ox.Triple] = []
    for triple in triples:
        if triple.subject != subject:
            yield from others
            others.clear()
            subject = triple.subject
        if triple.predicate == _TYPE:
            yield triple
        else:
            others.append(triple)
    yield from others


def _named_quads(lines: Iterable[str]) -> Iterator[ox.Quad]:
    """Quads from "<g> s p o ." lines, one article graph after another."""
    for name, group in groupby(lines, key=_subject):
        graph = ox.NamedNode(name[1:-1])
        chunk = [line[len(name) + 1 :] for line in group]
        for triple in _type_first(_parsed([chunk])):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)


#: Lines of N-Triples compacted to JSON-LD at a time: rdflib's compaction holds one
#: chunk (and a subject's triples are never split between two).
JSONLD_CHUNK = 20_000


def _write_jsonld(lines: Iterable[str], out: IO[bytes]) -> None:
    """One JSON-LD document with the context embedded: its ``@graph`` holds a node
    object per subject, in the lines' order, compacted a chunk at a time."""
    context: dict[str, Any] = jsonld_context()["@context"]
    head = json.dumps({"@context": context}, ensure_ascii=False, indent=2)
    out.write((head[: head.rindex("}")].rstrip() + ',\n  "@graph": [').encode("utf-8"))
    first = True
    for chunk in _subject_chunks(lines, JSONLD_CHUNK):
        for node in _compacted(chunk, context):
            text = json.dumps(node, ensure_ascii=False, indent=2, sort_keys=True)
            text = "\n".join("    " + line for line in text.split("\n"))
            out.write((("\n" if first else ",\n") + text).encode("utf-8"))
            first = False
    out.write(b"\n  ]\n}\n")


def _subject_chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for _, group in groupby(lines, key=_subject):
        chunk.extend(group)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _compacted(lines: list[str], context: dict[str, Any]) -> list[dict[str, Any]]:
    graph = bind_prefixes(Graph()).parse(data="".join(lines), format="nt")
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    doc = json.loads(text)
    nodes = doc.get("@graph")
    if not isinstance(nodes, list):  # a single node comes without "@graph"
        nodes = [{k: v for k, v in doc.items() if k != "@context"}]
    nodes = native_values(nodes, native_terms(context))
    return sorted(nodes, key=lambda n: str(n.get("id", n.get("@id", ""))))


def serialize(graphs: Iterable[ArticleGraph | tuple[URIRef, Graph]], fmt: str) -> str:
    """Serialise article graphs in one format, in memory.

    Each item is an :class:`~kb.models.ArticleGraph` or an ``(IRI, rdflib graph)``
    pair (the server's and the query results' form).

    :raises UsageError: for an unknown format.
    """
    with GraphWriter(fmt) as writer:
        for item in graphs:
            if not isinstance(item, ArticleGraph):
                name, graph = item
                item = ArticleGraph(str(name), graph.serialize(format="nt"))
            writer.add(item)
        return writer.text()
