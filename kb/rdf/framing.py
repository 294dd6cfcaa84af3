"""JSON-LD 1.1 framing with pyld: one article graph to one nested object (claims with
their claimant inside) for readers who want plain JSON, not RDF.

The frame is a bundled file (:func:`kb.rdf.resources.jsonld_frame`); nothing is
fetched. Framing keeps every triple about the article and the nodes it embeds; the
nodes it only refers to (mention spans, provenance activity, event-type concepts)
appear as ``{"id": …}`` references without their own descriptions.
"""

from __future__ import annotations

from typing import Any

from pyld import jsonld

from kb.rdf.jsonld_writer import expanded_native
from kb.rdf.resources import jsonld_frame

__all__ = ["framed_articles"]


def framed_articles(ntriples: str, frame: str) -> list[dict[str, Any]]:
    """The article node objects of one article graph, framed by the frame ``frame``.

    Booleans and numbers are native JSON where they come back as the same literal.
    """
    document = expanded_native(
        jsonld.from_rdf(ntriples, {"format": "application/n-quads"})
    )
    framed = jsonld.frame(
        document, jsonld_frame(frame), {"omitGraph": False, "omitDefault": True}
    )
    nodes: list[dict[str, Any]] = framed.get("@graph", [])
    return nodes
