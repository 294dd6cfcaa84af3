"""JSON-LD framing (pyld): the export as one nested JSON object per article, with its
claims, events, actors, places and figures inside, for readers who never touch RDF."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from kb.errors import UsageError
from kb.rdf.jsonld_values import native_terms, native_values
from kb.rdf.resources import jsonld_context, resource_dir

__all__ = ["FRAMES", "frame_file", "write_framed"]

#: Frame names (``--frame``) and their files in ``ontology/``.
FRAMES = {"article": "kb-frame-article-v1.jsonld"}


def frame_file(name: str) -> dict[str, Any]:
    """The frame document ``name``, with our context inlined (nothing is fetched).

    :raises UsageError: for an unknown frame name.
    """
    if name not in FRAMES:
        raise UsageError(f"unknown frame {name!r}; choose one of {', '.join(FRAMES)}")
    text = resource_dir("ontology").joinpath(FRAMES[name]).read_text("utf-8")
    frame: dict[str, Any] = json.loads(text)
    frame["@context"] = jsonld_context()["@context"]
    return frame


def write_framed(lines: Iterable[str], name: str, out: IO[bytes]) -> None:
    """Frame N-Triples lines into one document: ``{"@context": …, "@graph": [one
    object per article]}``. The whole export is framed in memory."""
    from pyld import jsonld

    frame = frame_file(name)
    context = frame["@context"]
    expanded = jsonld.from_rdf("".join(lines), {"format": "application/n-quads"})
    framed = jsonld.frame(expanded, frame, {"omitGraph": False})
    articles = sorted(framed.get("@graph", []), key=lambda a: str(a.get("id", "")))
    document = {
        "@context": context,
        "@graph": native_values(articles, native_terms(context)),
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))
    out.write(b"\n")
