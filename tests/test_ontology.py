"""The ontology, the namespace classes and the JSON-LD context agree with each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import DCTERMS, PROV, DefinedNamespace

from kb.rdf import resources
from kb.rdf.namespaces import KB, KBSH, SCHEMA, SEM, bind_prefixes

ONTOLOGY = URIRef("https://w3id.org/newskb/ontology")
KB_NS = str(KB._NS)
SHAPES_DATA = Path(__file__).parent / "data" / "shapes"

CONTRACT_CLASSES = {
    "Article": {SCHEMA.NewsArticle, PROV.Entity},
    "Actor": {SEM.Actor, PROV.Agent},
    "Person": {KB.Actor, SCHEMA.Person},
    "Organization": {KB.Actor, SCHEMA.Organization},
    "Group": {KB.Actor},
    "Location": {SEM.Place, SCHEMA.Place},
    "Event": {SEM.Event, SCHEMA.Event},
    "Claim": {SCHEMA.Claim, PROV.Entity},
    "Quantity": {SCHEMA.QuantitativeValue},
    "Mention": set(),
    "EventType": {SKOS.Concept},
}
OBJECT_PROPERTIES = {
    "mentions", "mention", "inArticle", "eventType", "agent", "participant", "place",
    "quantity", "claimant", "about", "conflictsWith", "cue", "content", "source",
}  # fmt: skip
DATATYPE_PROPERTIES = {
    "start", "end", "anchor", "date", "statement", "directQuote", "approximate",
    "confidence", "role", "modality", "sourceName", "nlpModel", "attributionType",
}  # fmt: skip
EXTENSIONS = {
    "role", "modality", "sourceName", "nlpModel", "cue", "content", "source",
    "attributionType",
}  # fmt: skip
#: Object properties whose JSON-LD term is a set: a consumer always gets an array.
SET_TERMS = {"content"}
EVENT_TYPES = {
    "ConflictEvent": [
        "Attack", "MilitaryDeployment", "MilitaryBuildup", "Capture", "Casualties",
        "Training", "PrisonerExchange",
    ],
    "DiplomacyEvent": ["Negotiation", "Agreement", "Sanction"],
    "PoliticsEvent": [
        "Vote", "Election", "Appointment", "Resignation", "Protest", "Legislation",
        "LegalAction", "Arrest",
    ],
    "BusinessEvent": [
        "JobCuts", "FinancialResult", "MarketMovement", "Investment", "Closure",
        "Acquisition", "Launch",
    ],
    "DisasterEvent": [
        "Earthquake", "NaturalDisaster", "Accident", "Rescue", "Warning",
        "ServiceDisruption",
    ],
    "HealthEvent": ["Outbreak", "MedicalTrial", "Death"],
    "ScienceEvent": ["StudyPublication"],
    "SportEvent": ["SportsMatch"],
    "OtherEvent": [],
}  # fmt: skip


@pytest.fixture(scope="module")
def onto() -> Graph:
    return resources.ontology_graph()


def declared_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY)
        if isinstance(s, URIRef) and str(s).startswith(KB_NS)
    }


def namespace_terms(namespace: type[DefinedNamespace]) -> set[URIRef]:
    terms = {URIRef(t) for t in dir(namespace)}
    return terms | {namespace[x] for x in vars(namespace).get("_extras", [])}


def kb_iris_in(graph: Graph, prefix: str = KB_NS) -> set[URIRef]:
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(prefix)
    }


def test_header(onto: Graph) -> None:
    (header,) = onto.subjects(RDF.type, OWL.Ontology)
    assert header == ONTOLOGY
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.created, DCTERMS.modified):
        assert onto.value(header, prop) is not None, prop
    assert onto.value(header, OWL.versionInfo) == Literal("1.0.0")
    assert onto.value(header, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/1.0.0")


def test_every_term_is_documented(onto: Graph) -> None:
    terms = declared_terms(onto)
    assert len(terms) > 80
    for term in terms:
        concept = (term, RDF.type, SKOS.Concept) in onto
        label_property = SKOS.prefLabel if concept else RDFS.label
        labels = [
            x for x in onto.objects(term, label_property) if isinstance(x, Literal)
        ]
        definitions = list(onto.objects(term, SKOS.definition))
        assert [x.language for x in labels] == ["en"], term
        assert [getattr(x, "language", None) for x in definitions] == ["en"], term


def test_every_kb_iri_used_is_declared(onto: Graph) -> None:
    assert kb_iris_in(onto) == declared_terms(onto)


def test_namespace_class_matches_ontology(onto: Graph) -> None:
    assert namespace_terms(KB) == declared_terms(onto)


def test_contract_classes_and_alignments(onto: Graph) -> None:
    for name, parents in CONTRACT_CLASSES.items():
        term = KB[name]
        assert (term, RDF.type, OWL.Class) in onto
        assert set(onto.objects(term, RDFS.subClassOf)) == parents, name


def test_property_kinds(onto: Graph) -> None:
    for name in OBJECT_PROPERTIES:
        assert (KB[name], RDF.type, OWL.ObjectProperty) in onto, name
    for name in DATATYPE_PROPERTIES:
        assert (KB[name], RDF.type, OWL.DatatypeProperty) in onto, name
    assert (KB.conflictsWith, RDF.type, OWL.SymmetricProperty) in onto
    assert onto.value(KB.start, RDFS.range) == XSD.integer
    assert onto.value(KB.directQuote, RDFS.range) == XSD.boolean
    assert onto.value(KB.confidence, RDFS.range) == XSD.decimal


def test_extensions_are_marked(onto: Graph) -> None:
    for term in declared_terms(onto):
        definition = str(onto.value(term, SKOS.definition))
        name = str(term)[len(KB_NS) :]
        assert ("Extension to contract v1" in definition) == (name in EXTENSIONS), name


def test_event_type_scheme(onto: Graph) -> None:
    scheme = KB.EventTypeScheme
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    tops = set(onto.subjects(SKOS.topConceptOf, scheme))
    assert tops == {KB[t] for t in EVENT_TYPES}
    assert set(onto.objects(scheme, SKOS.hasTopConcept)) == tops
    expected = set(EVENT_TYPES) | {leaf for ls in EVENT_TYPES.values() for leaf in ls}
    assert set(resources.event_type_names()) == expected
    for top, leaves in EVENT_TYPES.items():
        assert onto.value(KB[top], SKOS.broader) is None
        for leaf in leaves:
            assert onto.value(KB[leaf], SKOS.broader) == KB[top], leaf
    for name in expected:
        assert (KB[name], RDF.type, KB.EventType) in onto
        assert (KB[name], RDF.type, SKOS.Concept) in onto
        assert (KB[name], SKOS.inScheme, scheme) in onto


# --- shapes use only declared vocabulary


def test_shapes_use_only_declared_kb_terms(onto: Graph) -> None:
    assert kb_iris_in(resources.shapes_graph()) <= declared_terms(onto)


def test_shapes_namespace_class_matches_shapes() -> None:
    shape_iris = kb_iris_in(resources.shapes_graph(), str(KBSH._NS))
    assert namespace_terms(KBSH) == shape_iris


def test_schema_and_sem_terms_are_listed() -> None:
    """Every schema:/sem: IRI in the ontology and shapes is a term of SCHEMA/SEM."""
    for namespace in (SCHEMA, SEM):
        used = kb_iris_in(resources.ontology_graph(), str(namespace._NS))
        used |= kb_iris_in(resources.shapes_graph(), str(namespace._NS))
        assert used <= namespace_terms(namespace)


# --- JSON-LD context


def context() -> dict[str, object]:
    document = resources.jsonld_context()
    assert set(document) == {"@context"}
    inner = document["@context"]
    assert isinstance(inner, dict)
    return inner


def expand(value: str, ctx: dict[str, object]) -> str:
    prefix, _, local = value.partition(":")
    namespace = ctx.get(prefix)
    return namespace + local if isinstance(namespace, str) else value


def test_context_file_is_static_and_local() -> None:
    path = resources.context_path()
    assert path.name == resources.CONTEXT_FILE
    assert json.loads(path.read_text("utf-8")) == resources.jsonld_context()
    # A fresh copy each time: changing one does not change the next.
    resources.jsonld_context()["@context"]["kb"] = "changed"
    assert context()["kb"] == KB_NS


def test_context_prefixes() -> None:
    ctx = context()
    assert ctx["@version"] == 1.1
    assert ctx["kb"] == KB_NS
    assert ctx["schema"] == "http://schema.org/"
    assert ctx["sem"] == str(SEM._NS)
    for prefix in ("prov", "skos", "rdfs", "owl", "xsd", "dcterms"):
        assert ctx[prefix] == str(dict(bind_prefixes(Graph()).namespaces())[prefix])
    assert "@import" not in ctx


def test_context_terms_expand_to_declared_iris(onto: Graph) -> None:
    ctx = context()
    known = (
        declared_terms(onto)
        | namespace_terms(SCHEMA)
        | namespace_terms(SEM)
        | {RDFS.label, PROV.Activity, PROV.SoftwareAgent, PROV.wasGeneratedBy}
        | {PROV.wasAssociatedWith, PROV.startedAtTime, PROV.endedAtTime}
    )
    terms = {k: v for k, v in ctx.items() if not k.startswith("@")}
    prefixes = {
        k for k, v in terms.items() if isinstance(v, str) and v.endswith(("#", "/"))
    }
    expanded = set()
    for term, definition in terms.items():
        if term in prefixes or definition in ("@id", "@type"):
            continue
        iri = definition if isinstance(definition, str) else definition["@id"]
        expanded.add(URIRef(expand(iri, ctx)))
        if isinstance(definition, dict) and definition.get("@type") not in (
            None,
            "@id",
        ):
            assert expand(definition["@type"], ctx).startswith(str(XSD)), term
    assert expanded <= known
    # Every kb: term that data uses (all but the scheme's concepts) has a short name.
    emitted = {t for t in declared_terms(onto) if (t, SKOS.inScheme, None) not in onto}
    emitted -= {KB.EventTypeScheme}
    assert emitted <= expanded


def test_context_coercions() -> None:
    ctx = context()
    for name in OBJECT_PROPERTIES:
        expected = {"@id": f"kb:{name}", "@type": "@id"}
        if name in SET_TERMS:
            expected["@container"] = "@set"
        assert ctx[name] == expected, name
    assert ctx["attributionType"] == "kb:attributionType"  # a plain string
    # native JSON numbers and booleans: no coercion, so 12 and false stay JSON values
    for name in ("start", "end", "directQuote", "approximate"):
        assert ctx[name] == f"kb:{name}"
    # typed dates are plain strings, one term per datatype
    dates = {
        "date": "xsd:date",
        "dateYearMonth": "xsd:gYearMonth",
        "dateYear": "xsd:gYear",
    }
    for name, datatype in dates.items():
        assert ctx[name] == {"@id": "kb:date", "@type": datatype}
    assert ctx["datePublished"]["@type"] == "xsd:date"
    assert ctx["datePublishedTime"]["@type"] == "xsd:dateTime"
    assert ctx["confidence"]["@type"] == "xsd:decimal"
    for name in ("value", "minValue", "maxValue"):
        assert ctx[name]["@type"] == "xsd:decimal"
    for name in ("url", "sameAs", "containedInPlace", "wasGeneratedBy", "publisher"):
        assert ctx[name]["@type"] == "@id"
    assert ctx["startedAtTime"]["@type"] == "xsd:dateTime"


@pytest.mark.parametrize(
    "example",
    [
        "ClaimShape-valid-conflict",
        "ClaimShape-valid-split-quote",
        "ActorShape-valid",
        "MentionShape-valid-non-bmp",
    ],
)
def test_context_round_trip(example: str) -> None:
    graph = Graph().parse(SHAPES_DATA / f"{example}.ttl")
    text = graph.serialize(format="json-ld", context=context(), auto_compact=True)
    document = json.loads(text)
    body = json.dumps(document["@graph"])
    assert '"mention"' in body and "kb:mention" not in body  # compact terms are used
    document["@context"] = context()
    back = Graph().parse(data=json.dumps(document), format="json-ld")
    if not isomorphic(graph, back):
        _, only_expected, only_actual = graph_diff(graph, back)
        pytest.fail(
            "only in expected:\n"
            + only_expected.serialize(format="nt")
            + "only in actual:\n"
            + only_actual.serialize(format="nt")
        )
