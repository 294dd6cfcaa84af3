"""Serialisation: article graphs to Turtle, JSON-LD, N-Triples, N-Quads or TriG, with
fixed prefixes and a byte-stable order. JSON-LD embeds our local context.

Graphs arrive as N-Triples text and are collected in a :class:`~kb.rdf.spill.SortedLines`,
so memory stays flat for any number of articles; pyoxigraph writes Turtle and TriG
(rdflib's writers are ~50x slower on large graphs); :mod:`kb.rdf.jsonld_writer`
streams JSON-LD, a subject at a time.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kb.defaults import FORMATS, RDF_XML, REPORT_FORMAT
from kb.errors import UsageError
from kb.models import ArticleGraph
from kb.rdf.framing import framed_articles
from kb.rdf.jsonld_writer import write_jsonld, write_jsonld_nodes
from kb.rdf.labels import LabelChoice
from kb.rdf.line_order import in_graph, nquads, types_first, whole_subjects
from kb.rdf.namespaces import PREFIXES
from kb.rdf.resources import FRAMES, jsonld_context
from kb.rdf.spill import DEFAULT_BUDGET, SortedLines, lines_of, text_of

__all__ = [
    "FORMATS",
    "RDF_XML",
    "REPORT_FORMAT",
    "GraphWriter",
    "Mapper",
    "export_format",
    "format_mismatch",
    "serialize",
    "turtle_body",
]

#: Maps a function over texts, giving the results in order: ``map`` by default, or
#: one that runs it in worker processes (:func:`kb.jobs.parallel.ordered_map`).
Mapper = Callable[[Callable[[bytes], bytes], Iterable[bytes]], Iterable[bytes]]

#: The formats that an output file's extension names, beside :data:`FORMATS`
_ALSO_NAMED = {".json": "jsonld", ".html": REPORT_FORMAT, ".htm": REPORT_FORMAT}
#: Extensions of RDF syntaxes that ``kb export`` does not write, with their names
_UNWRITTEN = {
    ".rdf": "RDF/XML",
    ".xml": "RDF/XML",
    ".owl": "RDF/XML (OWL)",
    ".n3": "Notation3",
}


def _suffix(output: str | None) -> str:
    return Path(output).suffix.lower() if output else ""


def _named(suffix: str) -> str | None:
    return ({ext: fmt for fmt, ext in FORMATS.items()} | _ALSO_NAMED).get(suffix)


def export_format(output: str | None, given: str | None = None) -> str:
    """The format ``kb export`` writes to ``output``: the one ``given``, else the
    one the file's extension names, else Turtle. ``-o week.jsonld`` gave Turtle
    in a file that JSON-LD readers then refused, and ``-o week.rdf`` Turtle in a
    file that RDF/XML readers refuse.

    >>> export_format("out/week.jsonld"), export_format("week.NQ"), export_format(None)
    ('jsonld', 'nq', 'ttl')
    >>> export_format("week.rdf", "nt")
    'nt'

    :raises UsageError: when no format is given and the extension names an RDF
        syntax that kb does not write (``.rdf``, ``.xml``, ``.owl``, ``.n3``).
    """
    if given:
        return given
    suffix = _suffix(output)
    if suffix in _UNWRITTEN:
        kinds = ", ".join(f"{fmt} ({ext})" for fmt, ext in FORMATS.items())
        raise UsageError(
            f"kb does not write {_UNWRITTEN[suffix]} ({output}); it writes {kinds} "
            f"and {REPORT_FORMAT}: name the file for one of them or give --format"
        )
    return _named(suffix) or "ttl"


def format_mismatch(output: str | None, given: str | None) -> str | None:
    """What to warn of when the format ``given`` is not the one the extension of
    ``output`` names (``--format nt -o week.ttl``), else None: the format given
    is written all the same.

    >>> format_mismatch("week.ttl", "nt")
    'writing nt into week.ttl, whose extension names ttl'
    >>> format_mismatch("week.ttl", "ttl"), format_mismatch("week", "nt")
    (None, None)
    """
    suffix = _suffix(output)
    named = _UNWRITTEN.get(suffix) or _named(suffix)
    if not given or named is None or named == given:
        return None
    return f"writing {given} into {output}, whose extension names {named}"


class GraphWriter:
    """Collects article graphs, then writes them as one document in one format.

    N-Quads and TriG put each article in the graph named by its IRI; the other
    formats merge them, which is what a shared entity's repeated description is for.

    :raises UsageError: for an unknown format.
    """

    def __init__(
        self, fmt: str, budget: int = DEFAULT_BUDGET, frame: str | None = None
    ) -> None:
        if fmt not in FORMATS:
            choices = ", ".join(FORMATS)
            raise UsageError(f"unknown format {fmt!r}; choose one of {choices}")
        if frame is not None and frame not in FRAMES:
            raise UsageError(
                f"unknown --frame {frame!r}; choose one of {', '.join(FRAMES)}"
            )
        if frame is not None and fmt != "jsonld":
            raise UsageError(f"--frame {frame} works with --format jsonld only")
        self.fmt, self.frame = fmt, frame
        self._lines = SortedLines(budget)
        self._labels = LabelChoice()  # one label a node where articles are merged
        # framed articles, one JSON text a line, in input order
        self._framed: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")

    def add(self, graph: ArticleGraph) -> None:
        if self.frame is not None:
            for node in framed_articles(graph.ntriples, self.frame):
                self._framed.write(json.dumps(node, ensure_ascii=False) + "\n")
            return
        if self.fmt not in ("nq", "trig"):
            self._lines.add(graph.ntriples)
            self._labels.note(graph.ntriples)
            return
        lines = graph.ntriples.encode("utf-8").split(b"\n")
        if self.fmt == "nq":
            self._lines.extend(in_graph(lines, graph.iri.encode("utf-8")))
        else:
            name = b"<%s> " % graph.iri.encode("utf-8")  # by graph, then triple
            self._lines.extend([name + line for line in lines if line])

    def write(self, out: IO[bytes], mapper: Mapper = map) -> None:
        """Write the document to a binary stream.

        :param mapper: runs the Turtle writer on runs of whole subjects, which it
            may do in other processes (see :func:`turtle_body`); the other formats
            are written here.
        """
        if self.fmt == "nq":
            for text in self._lines.texts():
                out.write(text)
        elif self.fmt == "nt":
            for text in map(text_of, self._merged()):
                out.write(text)
        elif self.fmt == "ttl":
            texts = map(text_of, whole_subjects(self._merged(), fields=1))
            started = False
            for body in mapper(turtle_body, texts):
                if body and not started:
                    out.write(_turtle_header())
                    started = True
                out.write(body)
        elif self.fmt == "trig":
            blocks = types_first(self._lines.blocks(), fields=2)
            quads = _parsed(map(nquads, blocks), ox.RdfFormat.N_QUADS)
            ox.serialize(quads, out, format=ox.RdfFormat.TRIG, prefixes=_prefixes())
        elif self.frame is not None:
            self._framed.seek(0)
            write_jsonld_nodes(self._framed, jsonld_context()["@context"], out)
        else:
            write_jsonld(lines_of(self._merged()), jsonld_context()["@context"], out)

    def _merged(self) -> Iterator[list[bytes]]:
        """The merged graph's sorted lines, a node's labels but one made names."""
        return self._labels.relabel(self._lines.blocks())

    def text(self) -> str:
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue().decode("utf-8")

    def close(self) -> None:
        self._lines.close()
        self._framed.close()

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


def turtle_body(text: bytes) -> bytes:
    """The Turtle of sorted, distinct N-Triples lines of whole subjects (no subject
    has lines elsewhere), each subject's types first, without the prefix lines.
    A document is the prefix lines then the bodies of its runs of subjects in
    order: the writer carries nothing from one subject to the next.

    >>> turtle_body(b'<http://x.org/a> <http://x.org/p> "1" .\\n').decode()
    '<http://x.org/a> <http://x.org/p> "1" .\\n'
    """
    lines = text.split(b"\n")[:-1]  # each line ends in one
    ordered = list(chain.from_iterable(types_first([lines], fields=1)))
    turtle = _turtle(ox.parse(text_of(ordered), format=ox.RdfFormat.N_TRIPLES))
    header = _turtle_header()
    if not turtle.startswith(header):  # pragma: no cover - pyoxigraph changed
        raise AssertionError("the Turtle writer no longer starts with the prefixes")
    return turtle[len(header) :]


@cache
def _turtle_header() -> bytes:
    """The prefix lines the Turtle writer starts a document with."""
    probe = ox.Triple(*(ox.NamedNode("urn:x"),) * 3)
    return _turtle([probe]).removesuffix(b"<urn:x> <urn:x> <urn:x> .\n")


def _turtle(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle with our prefixes, in memory."""
    return (
        ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()) or b""
    )


def _parsed(texts: Iterable[bytes], fmt: ox.RdfFormat) -> Iterator[Any]:
    """The triples or quads of each text in turn (pyoxigraph pulls them in Rust)."""
    return chain.from_iterable(ox.parse(text, format=fmt) for text in texts)


def serialize(graphs: Iterable[ArticleGraph | tuple[URIRef, Graph]], fmt: str) -> str:
    """Serialise article graphs in one format, in memory.

    Each item is an :class:`~kb.models.ArticleGraph` or an ``(IRI, rdflib graph)``
    pair (the server's and the query results' form).

    :raises UsageError: for an unknown format, or RDF/XML of a predicate it cannot
        write.
    """
    if fmt == RDF_XML:
        return _rdf_xml(graphs)
    with GraphWriter(fmt) as writer:
        for item in graphs:
            if not isinstance(item, ArticleGraph):
                name, graph = item
                item = ArticleGraph(str(name), graph.serialize(format="nt"))
            writer.add(item)
        return writer.text()


def _rdf_xml(graphs: Iterable[ArticleGraph | tuple[URIRef, Graph]]) -> str:
    """The graphs merged, as RDF/XML with our prefixes (each triple once)."""
    texts = (
        item.ntriples.encode("utf-8")
        if isinstance(item, ArticleGraph)
        else item[1].serialize(format="nt", encoding="utf-8")
        for item in graphs
    )
    triples = sorted(set(_parsed(texts, ox.RdfFormat.N_TRIPLES)), key=str)
    for triple in triples:
        # an element's name: oxigraph writes a broken one for <urn:x:1>
        if not _LOCAL_NAME.search(triple.predicate.value):
            raise UsageError(
                f"RDF/XML cannot write the predicate {triple.predicate} (it ends "
                "in no XML name); ask for Turtle, N-Triples or JSON-LD"
            )
    data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=_prefixes())
    assert data is not None
    return data.decode("utf-8")


#: The end of an IRI that RDF/XML can write as a property element's local name.
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*$")
