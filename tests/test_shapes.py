"""The SHACL shapes: well-formed, documented, each with passing and failing examples.

Examples live in ``tests/data/shapes/`` as ``<Shape>-valid*.ttl`` and
``<Shape>-invalid-<reason>.ttl``. The first line of each is a comment saying why; for
an invalid one it names, in parentheses, every shape expected to report, e.g.
``# Invalid (kbsh:EventShape-date): ...``. The test requires exactly those to fire.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS

from kb.rdf.namespaces import KB, KBSH
from kb.rdf.resources import ontology_graph, resource_dir, shapes_graph
from kb.rdf.validate import validate_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
EXAMPLES = Path(__file__).parent / "data" / "shapes"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.ttl"))
NAME = re.compile(
    r"^(?P<shape>[A-Za-z]+Shape)-(?P<kind>valid|invalid)(?:-[\w-]+)?\.ttl$"
)
EXPECTED = re.compile(r"^# Invalid \((?P<shapes>kbsh:[\w-]+(?:, kbsh:[\w-]+)*)\): \S")

# Parameters that make a shape a constraint, needing its own sh:message.
CONSTRAINT_PARAMETERS = {
    SH[name]
    for name in (
        "class datatype nodeKind minCount maxCount minInclusive maxInclusive "
        "minExclusive maxExclusive minLength maxLength pattern languageIn uniqueLang "
        "equals disjoint lessThan lessThanOrEquals not and or xone node "
        "qualifiedValueShape closed hasValue in"
    ).split()
}


def node_shapes() -> list[URIRef]:
    shapes = shapes_graph()
    return sorted(
        s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)
    )


def shape_family(node_shape: URIRef) -> set[URIRef]:
    shapes = shapes_graph()
    members = {
        p for p in shapes.objects(node_shape, SH.property) if isinstance(p, URIRef)
    }
    return {node_shape} | members


def expected_shapes(path: Path) -> set[URIRef]:
    first = path.read_text("utf-8").splitlines()[0]
    match = EXPECTED.match(first)
    assert match, (
        f"{path.name}: first line must be '# Invalid (kbsh:Shape[, ...]): why'"
    )
    return {KBSH[s.removeprefix("kbsh:")] for s in match["shapes"].split(", ")}


def fired_shapes(graph: Graph) -> set[URIRef]:
    report = validate_graph(graph)
    assert report.conforms == (not report.results)
    return {URIRef(str(r.source_shape)) for r in report.results}


def test_shapes_pass_meta_shacl() -> None:
    # a copy: pySHACL adds triples (owl:Class rdfs:subClassOf rdfs:Class) to the
    # shapes graph it is given, and shapes_graph() is shared
    shapes = Graph()
    shapes += shapes_graph()
    conforms, _graph, text = pyshacl.validate(
        Graph(), shacl_graph=shapes, meta_shacl=True, inference="none"
    )
    assert conforms, text


@pytest.mark.parametrize(
    "path",
    sorted(p for p in resource_dir("shapes").iterdir() if p.name.endswith(".ttl")),
    ids=lambda p: p.name,
)
def test_shapes_file_has_ontology_header(path: Path) -> None:
    graph = Graph().parse(data=path.read_text("utf-8"), format="turtle")
    (header,) = graph.subjects(RDF.type, OWL.Ontology)
    assert str(header).startswith("https://w3id.org/newskb/shapes/")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.created, OWL.versionInfo):
        assert graph.value(header, prop) is not None, prop
    assert not list(graph.objects(None, OWL.imports))  # nothing to fetch


def test_one_node_shape_per_target_class() -> None:
    shapes = shapes_graph()
    targets = [t for s in node_shapes() for t in shapes.objects(s, SH.targetClass)]
    assert len(targets) == len(set(targets)) == len(node_shapes())


def test_property_shape_names_follow_their_node_shape() -> None:
    shapes = shapes_graph()
    for node_shape in node_shapes():
        for prop in shapes.objects(node_shape, SH.property):
            assert str(prop).startswith(f"{node_shape}-"), prop
            assert (prop, RDF.type, SH.PropertyShape) in shapes


def test_every_constraint_has_a_message() -> None:
    shapes = shapes_graph()
    # Members of sh:or lists report through the shape that holds the list.
    members = {
        item
        for holder, _p, head in shapes.triples((None, SH["or"], None))
        for item in Collection(shapes, head)
    }
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape))
    shape_nodes |= set(shapes.subjects(RDF.type, SH.PropertyShape))
    shape_nodes |= set(shapes.subjects(SH.path, None)) - members
    for shape in shape_nodes - members:
        params = {p for _s, p, _o in shapes.triples((shape, None, None))}
        if params & CONSTRAINT_PARAMETERS:
            messages = list(shapes.objects(shape, SH.message))
            assert [m.language for m in messages] == ["en"], shape
    for constraint in shapes.objects(None, SH.sparql):
        messages = list(shapes.objects(constraint, SH.message))
        assert [m.language for m in messages] == ["en"], constraint


def test_event_type_list_equals_scheme() -> None:
    shapes = shapes_graph()
    head = shapes.value(KBSH["EventShape-eventType"], SH["in"])
    listed = list(Collection(shapes, head))
    onto = ontology_graph()
    scheme = {c for c in onto.subjects(SKOS.inScheme, KB.EventTypeScheme)}
    assert len(listed) == len(set(listed))
    assert set(listed) == scheme


def test_mention_anchor_constraint_is_sparql() -> None:
    shapes = shapes_graph()
    (constraint,) = shapes.objects(KBSH["MentionShape-anchorText"], SH.sparql)
    query = str(shapes.value(constraint, SH.select))
    assert "SUBSTR(STR(?body), ?start + 1, ?end - ?start)" in query


@pytest.mark.parametrize("node_shape", node_shapes(), ids=lambda s: s.fragment)
def test_every_shape_has_examples(node_shape: URIRef) -> None:
    kinds = {
        m["kind"]
        for p in EXAMPLE_FILES
        if (m := NAME.match(p.name)) and m["shape"] == node_shape.fragment
    }
    assert kinds == {"valid", "invalid"}, f"{node_shape.fragment} needs both examples"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example(path: Path) -> None:
    match = NAME.match(path.name)
    assert match, (
        f"{path.name}: name must be <Shape>-valid*.ttl or <Shape>-invalid-*.ttl"
    )
    node_shape = KBSH[match["shape"]]
    assert node_shape in node_shapes(), f"{path.name}: no shape {node_shape}"
    assert path.read_text("utf-8").startswith("# "), "first line must be a comment"
    graph = Graph().parse(path)
    fired = fired_shapes(graph)
    if match["kind"] == "valid":
        assert fired == set(), validate_graph(graph).format()
    else:
        expected = expected_shapes(path)
        assert expected <= shape_family(node_shape), "expected shapes of another family"
        assert fired == expected, validate_graph(graph).format()
