"""Locate and load the bundled ontology, SHACL shapes and JSON-LD context (cached).

An installed wheel carries them in ``kb/_resources/`` (see ``pyproject.toml``); a source
checkout or an editable install reads the repository's top-level ``ontology/`` and
``shapes/``. Nothing is ever fetched from the network.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from kb.errors import KbError
from kb.rdf.namespaces import KB

__all__ = [
    "CONTEXT_FILE",
    "CONTEXT_IRI",
    "FRAMES",
    "jsonld_frame",
    "context_path",
    "event_type_names",
    "jsonld_context",
    "ontology_graph",
    "resource_dir",
    "shapes_graph",
]

#: The IRI that names version 1 of our JSON-LD context. Documents may refer to it as
#: ``"@context"``; :func:`kb.rdf.rdf_files.load_rdf_file` maps it to the local file.
CONTEXT_IRI = "https://w3id.org/newskb/context/v1.jsonld"
#: The context's file name inside ``ontology/``.
CONTEXT_FILE = "kb-context-v1.jsonld"
ONTOLOGY_FILE = "kb.ttl"
#: JSON-LD 1.1 frames shipped in ``ontology/``, by name; each holds our ``@context``
#: (a copy of the context file's, so that a frame works on its own, offline).
FRAMES = {"article": "kb-frame-article-v1.jsonld"}


def resource_dir(name: str) -> Traversable:
    """Return the bundled resource directory ``name`` (``ontology`` or ``shapes``).

    :param name: ``"ontology"`` or ``"shapes"``.
    :raises KbError: if neither the wheel's copy nor the checkout's folder exists,
        which means a broken installation.

    >>> resource_dir("shapes").joinpath("event.ttl").is_file()
    True
    """
    bundled = files("kb").joinpath("_resources", name)
    if bundled.is_dir():
        return bundled
    # Source checkout or editable install: kb/ sits next to ontology/ and shapes/.
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise KbError(
        f"newskb's {name}/ folder is missing from the installation; reinstall newskb"
    )


def _ttl_files(directory: Traversable) -> list[Traversable]:
    # Sorted so that the parse order, and so blank-node labels, are reproducible.
    return sorted(
        (f for f in directory.iterdir() if f.name.endswith(".ttl") and f.is_file()),
        key=lambda f: f.name,
    )


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """Return the ontology (``ontology/kb.ttl``) as a graph, parsed once.

    The graph is shared: treat it as read-only, and copy it before changing it.

    >>> from kb.rdf.namespaces import KB
    >>> (KB.Event, None, None) in ontology_graph()
    True
    """
    graph = Graph()
    graph.parse(
        data=resource_dir("ontology").joinpath(ONTOLOGY_FILE).read_text("utf-8"),
        format="turtle",
    )
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """Return all SHACL shapes (every ``shapes/*.ttl``) as one graph, parsed once.

    The graph is shared: treat it as read-only.
    """
    graph = Graph()
    for path in _ttl_files(resource_dir("shapes")):
        graph.parse(data=path.read_text("utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def _context_document() -> dict[str, Any]:
    text = resource_dir("ontology").joinpath(CONTEXT_FILE).read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def jsonld_context() -> dict[str, Any]:
    """Return the JSON-LD context document, ``{"@context": {...}}``, as a fresh dict.

    A copy each time, so a caller may change it without affecting others.

    >>> jsonld_context()["@context"]["kb"]
    'https://w3id.org/newskb/ontology#'
    """
    return copy.deepcopy(_context_document())


def jsonld_frame(name: str) -> dict[str, Any]:
    """Return the bundled frame ``name`` (a key of :data:`FRAMES`), with our context.

    >>> frame = jsonld_frame("article")
    >>> frame["@type"], frame["@context"] == jsonld_context()["@context"]
    ('Article', True)
    """
    text = resource_dir("ontology").joinpath(FRAMES[name]).read_text("utf-8")
    frame: dict[str, Any] = json.loads(text)
    return frame


def context_path() -> Path:
    """Return the file system path of the JSON-LD context file.

    :raises KbError: if the package is installed in a form without real files (a zip).
    """
    resource = resource_dir("ontology").joinpath(CONTEXT_FILE)
    path = Path(str(resource))
    if not path.is_file():
        raise KbError(f"the JSON-LD context is not a file on disk: {resource}")
    return path


@lru_cache(maxsize=1)
def event_type_names() -> tuple[str, ...]:
    """Return the local names of every concept of ``kb:EventTypeScheme``, sorted.

    >>> "Attack" in event_type_names() and "OtherEvent" in event_type_names()
    True
    """
    graph = ontology_graph()
    namespace = str(KB._NS)
    names = {
        str(concept)[len(namespace) :]
        for concept in graph.subjects(RDF.type, KB.EventType)
        if (concept, SKOS.inScheme, KB.EventTypeScheme) in graph
        and str(concept).startswith(namespace)
    }
    return tuple(sorted(names))
