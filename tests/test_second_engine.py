"""A second SHACL engine, rudof (``pyrudof``), agrees with pySHACL on every example.

rudof is an independent implementation in Rust. It evaluates everything our shapes
use, including SHACL-SPARQL (``sh:sparql`` in a property shape, with ``$PATH`` and
``sh:prefixes``), ``sh:in``, ``sh:or``, ``sh:lessThan`` and ``sh:lessThanOrEquals``,
so the comparison covers every example, the SPARQL-based anchor check included. Both
the verdict and the set of shapes that reported must match. This guards against
shapes that only work because of one engine's quirks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kb.rdf.resources import shapes_graph
from kb.rdf.validate import validate_graph

pyrudof = pytest.importorskip(
    "pyrudof", reason="pyrudof is not installed (it is a dependency: pip install -e .)"
)

EXAMPLES = sorted((Path(__file__).parent / "data" / "shapes").glob("*.ttl"))


@pytest.fixture(scope="module")
def shapes_turtle() -> str:
    return shapes_graph().serialize(format="turtle")


def rudof_validate(data: str, shapes: str) -> tuple[bool, set[str]]:
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    # Inline text (not file names), so rudof has nothing to resolve or fetch.
    rudof.read_data(data, pyrudof.RDFFormat.Turtle)
    rudof.read_shacl(shapes, pyrudof.ShaclFormat.Turtle)
    report = rudof.validate_shacl(pyrudof.ShaclValidationMode.Native)
    fired = {str(v.source_shape).strip("<>") for v in report.violations}
    return bool(report.conforms), fired


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_same_verdict_as_pyshacl(path: Path, shapes_turtle: str) -> None:
    text = path.read_text("utf-8")
    ours = validate_graph(Graph().parse(data=text, format="turtle"), fast=False)
    conforms, fired = rudof_validate(text, shapes_turtle)
    assert conforms == ours.conforms
    assert fired == {str(r.source_shape) for r in ours.results}


def test_rudof_evaluates_sparql_constraints(shapes_turtle: str) -> None:
    """Make sure the agreement above is not vacuous for the SPARQL-based check."""
    path = next(
        p for p in EXAMPLES if p.name == "MentionShape-invalid-anchor-mismatch.ttl"
    )
    conforms, fired = rudof_validate(path.read_text("utf-8"), shapes_turtle)
    assert not conforms
    assert fired == {"https://w3id.org/newskb/shapes#MentionShape-anchorText"}
