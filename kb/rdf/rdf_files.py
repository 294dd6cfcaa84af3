"""Read RDF files for ``kb validate`` in any common syntax, refusing anything that
would make a parser fetch from the network (remote contexts, imports, XML entities)."""

from __future__ import annotations

import json
import logging
import os
import shlex
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from rdflib import OWL, Dataset, Graph

from kb.errors import InputError
from kb.folders import files_under
from kb.rdf.namespaces import bind_prefixes
from kb.rdf.resources import CONTEXT_IRI, jsonld_context

__all__ = ["FOLDER_FORMATS", "RDF_FORMATS", "load_rdf_file", "rdf_paths", "read_utf8"]

#: rdflib parser names by file extension, for :func:`load_rdf_file`.
RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
_QUAD_FORMATS = {"nquads", "trig"}
#: The extensions :func:`rdf_paths` takes from a folder: not ``.json`` or ``.xml``,
#: which a folder holds for other things far more often (articles, manifests) than
#: for RDF; named one by one, such files are still read.
FOLDER_FORMATS = tuple(e for e in RDF_FORMATS if e not in (".json", ".xml"))


def rdf_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The RDF files that ``paths`` name: a file as given (missing ones too, for
    the reader to report), a folder's files with an extension of
    :data:`FOLDER_FORMATS`, recursively in sorted order, hidden entries skipped,
    as ``kb export`` reads a folder of articles.

    :raises InputError: for a folder that holds no such file.
    """
    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        found = list(files_under(path, FOLDER_FORMATS))
        if not found:
            raise InputError(
                f"{path}: no RDF files in this folder or below (kb reads "
                f"{', '.join(FOLDER_FORMATS)} from a folder); name the files"
            )
        yield from found


# Over 60 lines only with its docstring, which states what is refused and why.
def load_rdf_file(path: str | os.PathLike[str]) -> Graph:
    """Read an RDF file into a graph, choosing the syntax by the file's extension.

    Extensions: ``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``/``.json``,
    ``.rdf``/``.xml``, ``.n3``. N-Quads and TriG are read as a dataset and flattened
    into the union of their graphs: each article graph repeats the entities it needs,
    so the union has the same descriptions, and a graph that leans on another is
    still caught by export's per-article validation.

    Nothing is fetched: a JSON-LD document whose ``@context`` names a remote context
    (any IRI string, or ``@import``) is refused, except for newskb's own context
    IRI, which is read from the bundled file; so is a graph with ``owl:imports``.
    RDF/XML that declares external entities, or whose entities expand to far more
    than the file holds (XXE, "billion laughs"), is refused before rdflib reads it.

    :param path: the file to read.
    :raises InputError: if the file is missing, unreadable, of an unknown extension,
        not valid in its syntax, holds no triples, or names a remote JSON-LD context.
    """
    file = Path(path)
    rdf_format = RDF_FORMATS.get(file.suffix.lower())
    if rdf_format is None:
        raise InputError(_unknown_extension(file))
    text = read_utf8(file)
    if rdf_format == "json-ld":
        text = _local_jsonld(text, file)
    elif rdf_format == "xml":
        _check_xml_entities(text, file)
    base = file.resolve().as_uri()
    try:
        graph = _parsed(text, rdf_format, base)
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        message = _syntax_message(exc)
        raise InputError(f"{file}: not valid {rdf_format}: {message}") from None
    if len(graph) == 0:
        hint = (
            " (a JSON article is not RDF: run kb export on it first)"
            if rdf_format == "json-ld"
            else ""
        )
        raise InputError(f"{file}: holds no triples{hint}; check that it is RDF")
    imported = sorted(str(o) for o in graph.objects(None, OWL.imports))
    if imported:
        raise InputError(
            f"{file}: refusing owl:imports of {', '.join(imported)}: newskb never "
            "fetches imports; remove the statement, or pass the imported file too"
        )
    return bind_prefixes(graph)


def _parsed(text: str, rdf_format: str, base: str) -> Graph:
    """The triples of ``text``: a quad format's graphs flattened into their union."""
    # rdflib logs a traceback for each literal that is not of its datatype ("abc"
    # as an xsd:integer); validation names those literals instead
    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.ERROR)
    try:
        if rdf_format not in _QUAD_FORMATS:
            return Graph().parse(data=text, format=rdf_format, publicID=base)
        dataset = Dataset()
        dataset.parse(data=text, format=rdf_format, publicID=base)
        graph = Graph()
        for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
            graph.add((subject, predicate, obj))
        return graph
    finally:
        term_log.setLevel(level)


def read_utf8(file: Path, what: str = "file") -> str:
    """The text of a UTF-8 file (an RDF file, a query), or an error that says
    what is wrong with it.

    :param what: what the file is, for the message when it is missing.
    :raises InputError: if the file is missing, unreadable or not UTF-8.
    """
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: no such {what}; check the path") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "re-save it as UTF-8"
        ) from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read it ({exc.strerror})") from None


def _syntax_message(exc: Exception) -> str:
    """What a parser said, on one line. rdflib's Turtle, TriG and N3 errors show
    Python byte strings (``"b'…'^b'…'"``): for those, the line, the reason, and
    the text where it stopped.

    >>> from rdflib import Graph
    >>> try:
    ...     Graph().parse(data="<a> <b> <c> . nonsense here", format="turtle")
    ... except Exception as exc:
    ...     print(_syntax_message(exc))
    line 1: expected directive or statement, at 'nonsense here'
    """
    why, text, at = (getattr(exc, name, None) for name in ("_why", "_str", "_i"))
    line = getattr(exc, "lines", None)
    if isinstance(text, bytes) and isinstance(at, int) and isinstance(line, int):
        near = text[at : at + 40].decode("utf-8", "replace").split("\n")[0]
        return f"line {line + 1}: {why}, at {near!r}"
    return " ".join(str(exc).split()) or type(exc).__name__


#: How much text XML entities may add beyond the file's own size (and 10 times it).
_MAX_ENTITY_TEXT = 1_000_000


def _check_xml_entities(text: str, file: Path) -> None:
    """Refuse external or parameter entities and runaway expansion, with expat alone.

    rdflib's SAX reader does not fetch external entities, but it would expand a
    "billion laughs" one small chunk at a time for minutes; expat counts fast.
    """
    budget = _MAX_ENTITY_TEXT + 10 * len(text)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def declared(  # expat's EntityDeclHandler
        name: str,
        parameter: bool,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        if parameter or system_id or public_id:
            raise InputError(
                f"{file}: refusing the XML entity {name!r}, which is external or a "
                "parameter entity: newskb never fetches or reads other files; "
                "inline its text"
            )

    def characters(data: str) -> None:
        nonlocal budget
        budget -= len(data)
        if budget < 0:
            raise InputError(
                f"{file}: XML entities expand to far more text than the file holds "
                '(a "billion laughs" document?); expand them yourself'
            )

    parser.EntityDeclHandler = declared
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        raise InputError(f"{file}: not valid xml: {exc}") from None


def _unknown_extension(file: Path) -> str:
    """What to say of a file whose extension names no RDF syntax: most often an
    article (``.txt``, ``.jsonl``…) given where its RDF was meant, so the message
    gives the command that makes the RDF."""
    known = ", ".join(sorted(RDF_FORMATS))
    command = f"kb export {shlex.quote(str(file))} -o {shlex.quote(file.stem)}.ttl"
    return (
        f"{file}: unknown RDF file extension {file.suffix!r}; use one of {known}, "
        f"or if it holds articles, export them first ({command}) and give that file"
    )


def _local_jsonld(text: str, file: Path) -> str:
    """Return the JSON-LD text with our context inlined; refuse any remote context."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{file}: not valid JSON: {exc.msg} at line {exc.lineno}, col {exc.colno}"
        ) from None
    return json.dumps(_localise(document, file, in_context=False), ensure_ascii=False)


def _localise(node: Any, file: Path, *, in_context: bool) -> Any:
    if isinstance(node, list):
        return [_localise(item, file, in_context=in_context) for item in node]
    if not isinstance(node, dict):
        return node
    if in_context and "@import" in node:
        raise InputError(
            f"{file}: refusing JSON-LD '@import' of {node['@import']!r}: "
            "newskb never fetches remote contexts; inline the context instead"
        )
    localised = {}
    for key, value in node.items():
        if key == "@context":
            localised[key] = _context(value, file)
        else:
            localised[key] = _localise(value, file, in_context=in_context)
    return localised


def _context(value: Any, file: Path) -> Any:
    if isinstance(value, list):
        return [_context(item, file) for item in value]
    if isinstance(value, str):
        if value == CONTEXT_IRI:
            return jsonld_context()["@context"]
        raise InputError(
            f"{file}: refusing the remote JSON-LD context {value!r}: newskb never "
            f"fetches contexts; inline it, or use newskb's own {CONTEXT_IRI}"
        )
    # An object (term definitions, which may hold scoped contexts) or null.
    return _localise(value, file, in_context=True)
