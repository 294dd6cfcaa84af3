"""Our streaming JSON-LD writer equals pyld's compaction (as JSON and as graphs) on
the golden sample, every shape example, the exported examples and random graphs, and
native JSON values come back as the very same typed literals."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kb.rdf.jsonld_writer import write_jsonld
from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.resources import jsonld_context

DATA = Path(__file__).parent / "data"
EXAMPLES = sorted((DATA / "shapes").glob("*.ttl")) + [DATA / "golden" / "sample.ttl"]
NATIVE_TYPES = {str(XSD.boolean), str(XSD.integer), str(XSD.double)}


def ours(ntriples: str) -> str:
    lines = sorted({line + "\n" for line in ntriples.split("\n") if line})
    out = io.BytesIO()
    write_jsonld(lines, jsonld_context()["@context"], out)
    return out.getvalue().decode("utf-8")


def _round_trips(native: Any, literal: dict[str, Any]) -> bool:
    """pyld turns ``native`` back into ``literal``, and JavaScript reads it alike."""
    if isinstance(native, str):
        return False  # not a boolean or number at all
    if isinstance(native, float) and (native.is_integer() or abs(native) < 1):
        # JSON.parse("3.0") is the integer 3 in JavaScript; jsonld.js writes 0.85
        # as "8.5E-1" where pyld writes "8.500000000000000E-01"
        return False
    if isinstance(native, int) and not isinstance(native, bool) and abs(native) > 2**53:
        return False
    dataset = jsonld.to_rdf({"@id": "_:x", "urn:p": [{"@value": native}]})
    literal_back = dataset["@default"][0]["object"]
    return bool(
        literal_back["value"] == literal["@value"]
        and literal_back["datatype"] == literal["@type"]
    )


def _candidate(literal: dict[str, Any], pylds_value: Any) -> Any:
    """pyld's native value, or (where pyld keeps a string) Python's reading."""
    if not isinstance(pylds_value, str):
        return pylds_value
    lexical, datatype = literal["@value"], literal["@type"]
    try:
        if datatype == str(XSD.boolean):
            return {"true": True, "false": False}.get(lexical, lexical)
        return int(lexical) if datatype == str(XSD.integer) else float(lexical)
    except ValueError:
        return lexical


def _nativised(plain: Any, native: Any) -> Any:
    """pyld's from-RDF output, with pyld's native value wherever it round-trips."""
    if isinstance(plain, list):
        return [_nativised(p, n) for p, n in zip(plain, native, strict=True)]
    if isinstance(plain, dict):
        if "@value" in plain and plain.get("@type") in NATIVE_TYPES:
            value = _candidate(plain, native["@value"])
            return {"@value": value} if _round_trips(value, plain) else plain
        return {k: _nativised(v, native[k]) for k, v in plain.items()}
    return plain


def pylds(ntriples: str) -> dict[str, Any]:
    """pyld's compaction of the same sorted lines with our context."""
    text = "".join(sorted({line + "\n" for line in ntriples.split("\n") if line}))
    options = {"format": "application/n-quads"}
    plain = jsonld.from_rdf(text, options)
    native = jsonld.from_rdf(text, {**options, "useNativeTypes": True})
    expanded = _nativised(plain, native)
    return dict(jsonld.compact(expanded, jsonld_context()))


def _by_id(doc: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = doc.get("@graph")
    if not isinstance(nodes, list):
        rest = {k: v for k, v in doc.items() if k != "@context"}
        nodes = [rest] if rest else []
    return sorted(_lower_languages(nodes), key=lambda n: str(n.get("id")))


def _lower_languages(value: Any) -> Any:
    """pyld lower-cases language tags (JSON-LD allows it); we keep them as given."""
    if isinstance(value, list):
        return [_lower_languages(v) for v in value]
    if isinstance(value, dict):
        return {
            k: v.lower() if k == "@language" else _lower_languages(v)
            for k, v in value.items()
        }
    return value


def assert_same(ntriples: str) -> None:
    text = ours(ntriples)
    mine = json.loads(text)
    assert _by_id(mine) == _by_id(pylds(ntriples))
    expected = _rdf11(Graph().parse(data=ntriples, format="nt"))
    assert isomorphic(_rdf11(Graph().parse(data=text, format="json-ld")), expected)


def _rdf11(graph: Graph) -> Graph:
    """RDF 1.1: "x"^^xsd:string is "x" (rdflib 7 still tells them apart)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_equals_pyld_on_examples(path: Path) -> None:
    assert_same(Graph().parse(path, format="turtle").serialize(format="nt"))


def test_equals_pyld_on_exported_examples(
    export_examples: Callable[[str], Any],
) -> None:
    assert_same(export_examples("nt").text)


IRIS = st.sampled_from(
    [
        URIRef("https://news.example.org/a/1"),
        URIRef("https://news.example.org/a/1#claim-2"),
        URIRef("urn:uuid:0e0a"),
        KB.Claim,
        KB.Person,
        URIRef(str(KB._NS) + "NewThing"),
        URIRef("http://example.org/x?q=1&r=é"),
    ]
)
PREDICATES = st.sampled_from(
    [
        KB.directQuote,
        KB.approximate,
        KB.start,
        KB.date,
        KB.claimant,
        KB.content,
        KB.confidence,
        SCHEMA.value,
        SCHEMA.datePublished,
        SCHEMA.url,
        SCHEMA.name,
        RDF.type,
        URIRef("http://example.org/p"),
        URIRef(str(KB._NS) + "unknown"),
    ]
)
LEXICALS = st.one_of(
    st.sampled_from(
        ["true", "false", "1", "0", "300.0", "3.0E2", "8.5E-1", "-0", "1.25E1"]
    ),
    st.sampled_from(["2025-01-02", "2025-01", "2025", "2025-01-02T03:04:05Z", "01"]),
    st.integers(-(2**60), 2**60).map(str),
    st.floats(allow_nan=True).map(str),
    st.floats(allow_nan=False).map(lambda f: f"{f:1.15E}"),
    # pyld's N-Quads reader unescapes control characters in a typed literal other
    # than ours does ("\\r"^^xsd:integer); such literals are not valid values of
    # those types anyway, and no article text reaches a typed literal
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12
    ).filter(lambda s: "\\" not in s),
)
DATATYPES = st.sampled_from(
    [XSD.boolean, XSD.integer, XSD.double, XSD.decimal, XSD.date, XSD.gYear]
    + [XSD.gYearMonth, XSD.dateTime, XSD.string, URIRef("http://example.org/dt")]
)
LITERALS = st.one_of(
    st.builds(lambda v, d: Literal(v, datatype=d), LEXICALS, DATATYPES),
    st.builds(
        lambda v, lang: Literal(v, lang=lang),
        LEXICALS,
        st.sampled_from(["en", "de-CH"]),
    ),
)
SUBJECTS = st.one_of(IRIS, st.sampled_from([BNode("b1"), BNode("b2")]))
OBJECTS = st.one_of(SUBJECTS, LITERALS)
TRIPLES = st.lists(st.tuples(SUBJECTS, PREDICATES, OBJECTS), max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(triples=TRIPLES)
def test_equals_pyld_on_random_graphs(triples: list[Any]) -> None:
    graph = Graph()
    for triple in triples:
        if triple[1] == RDF.type and isinstance(triple[2], Literal):
            continue  # a literal type is not a JSON-LD @type: pyld writes it apart
        graph.add(triple)
    assert_same(graph.serialize(format="nt"))


@pytest.mark.parametrize(
    ("lexical", "datatype", "json_value"),
    [
        ("true", XSD.boolean, True),
        ("false", XSD.boolean, False),
        ("12", XSD.integer, 12),
        ("1.25E1", XSD.double, 12.5),
        ("8.5E-1", XSD.double, {"@value": "8.5E-1", "type": "xsd:double"}),
        ("300.0", XSD.double, {"@value": "300.0", "type": "xsd:double"}),
        ("3.0E2", XSD.double, {"@value": "3.0E2", "type": "xsd:double"}),
        ("012", XSD.integer, {"@value": "012", "type": "xsd:integer"}),
        ("1", XSD.boolean, {"@value": "1", "type": "xsd:boolean"}),
        ("2025-01-02", XSD.date, "2025-01-02"),
    ],
)
def test_native_values_only_where_they_round_trip(
    lexical: str, datatype: URIRef, json_value: Any
) -> None:
    key = "date" if datatype == XSD.date else "anchor"
    predicate = KB.date if datatype == XSD.date else KB.anchor
    # written by hand: rdflib would normalise the lexical form of a Literal
    line = f'<https://news.example.org/a/1#x> <{predicate}> "{lexical}"^^<{datatype}> .'
    doc = json.loads(ours(line))
    assert doc["@graph"][0][key] == json_value
    if isinstance(json_value, dict):
        return  # the typed literal verbatim (pyld 2 cannot read back a typed double)
    # pyld reads it back (rdflib's reader would normalise the lexical form)
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert nquads == line + "\n"


@pytest.mark.parametrize(
    "line",
    [
        # rdflib's N-Triples leaves a tab and other control characters raw
        '<https://news.example.org/a/1#x> <http://schema.org/name> "Tarsk\tNews\x01" .',
        '<https://news.example.org/a/1#x> <http://schema.org/name> "Varda \\"Kellan\\"" .',
        '<https://news.example.org/a/1#x> <http://schema.org/name> "Orlen\u2028é" .',
        '<https://news.example.org/a/1#x> <http://schema.org/name> "plain words" .',
    ],
    ids=["raw-controls", "escaped-quotes", "unicode", "plain"],
)
def test_plain_strings_are_valid_json_and_equal_pyld(line: str) -> None:
    """A plain string goes out as its N-Triples text only when that is JSON."""
    doc = json.loads(ours(line))  # raw control characters would not parse
    ((_, _, expected),) = Graph().parse(data=line, format="nt")
    assert doc["@graph"][0]["name"] == str(expected)
