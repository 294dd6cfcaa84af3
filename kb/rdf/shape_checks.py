"""Our SHACL shapes compiled to plain-Python checks: one article's verdict from one
pass over its N-Triples (parsed by pyoxigraph), for the SHACL Core subset the shapes
use, and None for data the checks do not model exactly (rudof then decides).

:func:`compile_shapes` refuses (:class:`UnsupportedShapes`) a shapes graph holding any
triple it does not account for: an unknown constraint component, a path that is not
one IRI, a target other than ``sh:targetClass``, another SHACL-SPARQL constraint.
What each check may say is pinned to pySHACL, the engine of record, where it and the
SHACL specification agree; where they part (an ``xsd:gYear`` of ``"20"``, an
``xsd:decimal`` of ``"1e3"``), and wherever rdflib would read the data differently
from pyoxigraph (``rdfs:subClassOf`` in the data, ``"x"^^xsd:string`` beside ``"x"``,
lexical forms rdflib rewrites), the verdict is None.
tests/test_shape_checks.py checks the verdicts against pySHACL's.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph as ox  # parses the N-Triples, nothing else
from rdflib import RDF, RDFS, XSD, BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import DCTERMS, OWL
from rdflib.term import Node

from kb.rdf.fast_check import _ANCHOR_CONSTRAINT, _anchor_matches
from kb.rdf.namespaces import KB
from kb.rdf.resources import shapes_graph
from kb.rdf.validation_report import SH

__all__ = ["CompiledShapes", "UnsupportedShapes", "compile_shapes", "compiled_verdict"]

#: True: conforms; False: does not; None: the checks cannot tell (rudof decides).
Verdict = bool | None
_Values = dict[tuple[str, str], list[Any]]


class UnsupportedShapes(ValueError):
    """The shapes graph holds something the compiled checks do not model."""


# ------------------------------------------------------------------ lexical forms

_XSD = str(XSD)
_STRING, _LANG_STRING = _XSD + "string", str(RDF.langString)
_INTEGER, _DECIMAL, _BOOLEAN = _XSD + "integer", _XSD + "decimal", _XSD + "boolean"
_DATE, _DATE_TIME = _XSD + "date", _XSD + "dateTime"
_YEAR, _YEAR_MONTH = _XSD + "gYear", _XSD + "gYearMonth"

_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
_Y, _M, _D = r"-?(?:[1-9][0-9]{3,}|0[0-9]{3})", r"(?:0[1-9]|1[0-2])", r"[0-9]{2}"
_HMS = r"(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
#: XSD 1.1 lexical spaces (the day of the month is checked apart).
_LEXICAL = {
    _INTEGER: re.compile(r"[+-]?[0-9]+"),
    _DECIMAL: re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"),
    _BOOLEAN: re.compile(r"true|false|1|0"),
    _DATE: re.compile(rf"({_Y})-({_M})-({_D}){_TZ}?"),
    _DATE_TIME: re.compile(rf"({_Y})-({_M})-({_D})T{_HMS}{_TZ}?"),
    _YEAR: re.compile(rf"{_Y}{_TZ}?"),
    _YEAR_MONTH: re.compile(rf"{_Y}-{_M}{_TZ}?"),
}
_OFFSET = r"(?:[+-](?:0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)"
#: Forms both XSD and rdflib read, and that rdflib keeps as they are (so it never
#: merges two of them into one term): the forms our mapping writes. Dates must also
#: be real days (checked with :mod:`datetime`).
_PLAIN = {
    _INTEGER: re.compile(r"0|-?[1-9][0-9]*"),
    _DECIMAL: re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
    _BOOLEAN: re.compile(r"true|false"),
    _DATE: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    _DATE_TIME: re.compile(
        rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-5][0-9]:[0-5][0-9]"
        rf"(?!-00:00){_OFFSET}?"
    ),
    # rdflib reads no value from these: it never calls them ill-typed or rewrites them
    _YEAR: _LEXICAL[_YEAR],
    _YEAR_MONTH: _LEXICAL[_YEAR_MONTH],
}
_CALENDAR: dict[str, Callable[[str], object]] = {
    _DATE: date.fromisoformat,
    _DATE_TIME: datetime.fromisoformat,
}
#: The Python type pySHACL wants rdflib's value to have (see its DatatypeConstraint).
_PYTHON_TYPE: dict[str, type | None] = {
    _INTEGER: int,
    _DECIMAL: Decimal,
    _BOOLEAN: bool,
    _DATE: date,
    _DATE_TIME: datetime,
    _YEAR: None,
    _YEAR_MONTH: None,
}
#: The datatypes sh:datatype may name; any other is refused at compile time.
_DATATYPES = frozenset({_STRING, *_LEXICAL})


def _plain(lexical: str, datatype: str) -> bool:
    pattern = _PLAIN.get(datatype)
    if pattern is None or pattern.fullmatch(lexical) is None:
        return False
    calendar = _CALENDAR.get(datatype)
    if calendar is None:
        return True
    try:
        calendar(lexical)
    except ValueError:
        return False
    return True


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _xsd_reads(lexical: str, datatype: str) -> bool:
    """Is ``lexical`` in the XSD 1.1 lexical space of ``datatype``?"""
    match = _LEXICAL[datatype].fullmatch(lexical)
    if match is None:
        return False
    if datatype not in (_DATE, _DATE_TIME):
        return True
    year, month, day = (int(g) for g in match.groups()[:3])
    return 1 <= day <= _days_in_month(year, month)


def _rdflib_reads(lexical: str, datatype: str) -> bool:
    """Does pySHACL take ``lexical`` as a well-formed ``datatype`` (rdflib's value)?"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdflib warns about "weird booleans"
        literal = RdfLiteral(lexical, datatype=URIRef(datatype))
    if literal.ill_typed:
        return False
    wanted = _PYTHON_TYPE[datatype]
    return wanted is None or isinstance(literal.value, wanted)


def _lexical_verdict(lexical: str, datatype: str) -> Verdict:
    """Is the lexical form well-formed? None when XSD and rdflib disagree."""
    if datatype == _STRING or _plain(lexical, datatype):
        return True
    xsd = _xsd_reads(lexical, datatype)
    return xsd if xsd == _rdflib_reads(lexical, datatype) else None


def _may_merge(terms: Iterable[Any]) -> bool:
    """Could rdflib read two of these as one term (it rewrites "05" to "5")?"""
    for term in terms:
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            if datatype not in (_STRING, _LANG_STRING) and not _plain(
                term.value, datatype
            ):
                return True
    return False


def _number(term: Any) -> int | Decimal | None:
    """The value of a well-formed xsd:integer or xsd:decimal literal, else None."""
    if type(term) is ox.Literal:
        datatype = term.datatype.value
        if datatype == _INTEGER and _LEXICAL[_INTEGER].fullmatch(term.value):
            return int(term.value)
        if datatype == _DECIMAL and _LEXICAL[_DECIMAL].fullmatch(term.value):
            return Decimal(term.value)
    return None


def _never_ordered(term: Any) -> bool:
    """Terms no SPARQL ``<=`` compares with a number (nor pySHACL)."""
    if isinstance(term, ox.Literal):
        return term.datatype.value in (_STRING, _LANG_STRING)
    return True  # an IRI or a blank node


# ------------------------------------------------------------------ the data


@dataclass
class _Data:
    """One article's triples: objects by (subject, predicate) (as
    :func:`kb.rdf.fast_check._anchor_matches` reads them), subjects by class."""

    values: _Values
    instances: dict[str, dict[str, Any]]

    def objects(self, node: Any, path: str) -> list[Any]:
        if type(node) is ox.Literal:
            return _NONE
        return self.values.get((node.value, path), _NONE)


_NONE: list[Any] = []
_RDF_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)
#: A datatype IRI written with escapes (it could be xsd:string), and a directional
#: language tag (RDF 1.2, which rdflib does not read).
_ESCAPED_DATATYPE = re.compile(r"\^\^<[^>]*\\[uU]")
_DIRECTION = re.compile(r"@[A-Za-z0-9-]*--")


def _unmodelled_syntax(ntriples: str) -> bool:
    """Does the text hold ``"x"^^xsd:string`` (rdflib keeps it apart from ``"x"``,
    pyoxigraph does not), or RDF 1.2 syntax (triple terms, directions)?"""
    return (
        "XMLSchema#string>" in ntriples
        or "<<" in ntriples
        or ("\\u" in ntriples or "\\U" in ntriples)
        and _ESCAPED_DATATYPE.search(ntriples) is not None
        or "--" in ntriples
        and _DIRECTION.search(ntriples) is not None
    )


def _read(ntriples: str) -> _Data | None:
    """Index the triples in one pass; None for data the checks do not model."""
    if _unmodelled_syntax(ntriples):
        return None
    values: _Values = {}
    instances: dict[str, dict[str, Any]] = {}
    try:
        for subject, predicate, obj, _graph in ox.parse(
            ntriples, format=ox.RdfFormat.N_TRIPLES
        ):
            key = (subject.value, predicate.value)
            found = values.get(key)
            if found is None:
                values[key] = [obj]
            else:
                found.append(obj)
            if key[1] == _RDF_TYPE:
                if isinstance(obj, ox.NamedNode):
                    instances.setdefault(obj.value, {})[key[0]] = subject
            elif key[1] == _SUBCLASS:
                return None  # it widens sh:targetClass and sh:class
    except (SyntaxError, ValueError):
        return None  # rudof (and pySHACL) say what is wrong with it
    return _Data(values, instances)


# ------------------------------------------------------------------ compiled form

#: A constraint: (value nodes, focus node, data) -> verdict.
_Check = Callable[[list[Any], Any, _Data], Verdict]


@dataclass(frozen=True)
class _Shape:
    """A node shape (``path`` None: the focus node is the one value node) or a
    property shape, and its constraints."""

    path: str | None
    checks: tuple[_Check, ...]

    def verdict(self, focus: Any, data: _Data) -> Verdict:
        path = self.path
        values = [focus] if path is None else data.objects(focus, path)
        # _all's three-valued AND, as a loop: this runs for every node and value
        # of every article, where a generator per call costs more than the checks
        result: Verdict = True
        for check in self.checks:
            said = check(values, focus, data)
            if said is False:
                return False
            if said is None:
                result = None
        return result


def _all(verdicts: Iterable[Verdict]) -> Verdict:
    """Three-valued AND, stopping at the first False: True when every verdict is
    True, else None when any cannot tell."""
    result: Verdict = True
    for said in verdicts:
        if said is False:
            return False
        if said is None:
            result = None
    return result


def _each(test: Callable[[Any, _Data], Verdict]) -> _Check:
    """A constraint that tests each value node on its own."""

    def check(values: list[Any], _focus: Any, data: _Data) -> Verdict:
        result: Verdict = True  # _all, as a loop (see _Shape.verdict)
        for value in values:
            said = test(value, data)
            if said is False:
                return False
            if said is None:
                result = None
        return result

    return check


@dataclass(frozen=True)
class CompiledShapes:
    """The shapes as checks: each target class with the node shapes on it."""

    targets: tuple[tuple[str, _Shape], ...]

    def verdict(self, ntriples: str) -> Verdict:
        """Does the article's N-Triples text conform? None: cannot tell."""
        data = _read(ntriples)
        if data is None:
            return None
        return _all(
            shape.verdict(focus, data)
            for cls, shape in self.targets
            for focus in data.instances.get(cls, {}).values()
        )


# ------------------------------------------------------------------ constraints


def _min_count(n: int) -> _Check:
    def check(values: list[Any], _focus: Any, _data: _Data) -> Verdict:
        if len(values) < n:
            return False
        if n <= 1:
            return True
        distinct = set(values)
        if len(distinct) < n:
            return False
        return None if _may_merge(distinct) else True

    return check


def _max_count(n: int) -> _Check:
    def check(values: list[Any], _focus: Any, _data: _Data) -> Verdict:
        if len(values) <= n:
            return True
        distinct = set(values)
        if len(distinct) <= n:
            return True
        return None if _may_merge(distinct) else False

    return check


def _datatype(datatype: str) -> _Check:
    def test(value: Any, _data: _Data) -> Verdict:
        if type(value) is not ox.Literal or value.datatype.value != datatype:
            return False  # a language-tagged literal is an rdf:langString
        return _lexical_verdict(value.value, datatype)

    return _each(test)


def _class(cls: str) -> _Check:
    wanted = ox.NamedNode(cls)

    def check(values: list[Any], _focus: Any, data: _Data) -> Verdict:
        for value in values:
            if wanted not in data.objects(value, _RDF_TYPE):
                return False  # a literal has no type
        return True

    return check


_NODE_KINDS = {
    SH.IRI: (ox.NamedNode,),
    SH.Literal: (ox.Literal,),
    SH.BlankNode: (ox.BlankNode,),
    SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
}


def _node_kind(kinds: tuple[type, ...]) -> _Check:
    return _each(lambda value, _data: isinstance(value, kinds))


def _in(allowed: frozenset[Any]) -> _Check:
    return _each(lambda value, _data: value in allowed)


def _bound(limit: int | Decimal, at_least: bool) -> _Check:
    def test(value: Any, _data: _Data) -> Verdict:
        number = _number(value)
        if number is None:
            return False if _never_ordered(value) else None
        return number >= limit if at_least else number <= limit

    return _each(test)


def _pair(other: str, or_equal: bool) -> _Check:
    """sh:lessThan (sh:lessThanOrEquals): decided for plain numbers only."""

    def ordered(value: Any, then: Any) -> Verdict:
        a, b = _number(value), _number(then)
        if a is None or b is None:
            return None
        return a <= b if or_equal else a < b

    def check(values: list[Any], focus: Any, data: _Data) -> Verdict:
        return _all(
            ordered(value, then)
            for value in values
            for then in data.objects(focus, other)
        )

    return check


def _anchor(values: list[Any], focus: Any, data: _Data) -> Verdict:
    """The mention anchor's SHACL-SPARQL constraint, as fast_check decides it."""
    if isinstance(focus, ox.Literal):
        return True  # the SPARQL finds no kb:inArticle of a literal
    return _anchor_matches(focus.value, data.values)


def _any_of(shapes: tuple[_Shape, ...]) -> _Check:
    """sh:or: each value node conforms to one of the shapes."""

    def one_of(value: Any, data: _Data) -> Verdict:
        result: Verdict = False
        for shape in shapes:
            said = shape.verdict(value, data)
            if said is True:
                return True
            if said is None:
                result = None
        return result

    return _each(one_of)


def _nested(shape: _Shape) -> _Check:
    """sh:property: each value node conforms to the property shape."""
    return _each(shape.verdict)


# ------------------------------------------------------------------ the compiler

#: The SPARQL text the Python anchor check models, spaces collapsed: another
#: query under the same IRI is refused.
_ANCHOR_SELECT_SHA256 = (
    "e56840d971a086925217458d51230fe5b3855c0618794d50150ed100b48188c4"
)
_ANNOTATIONS = frozenset(
    {RDFS.label, RDFS.comment, SH.message, SH.name, SH.description}
)
_SHAPE_TYPES = frozenset({SH.NodeShape, SH.PropertyShape})
_HEADER = frozenset(
    {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        RDFS.seeAlso,
        OWL.versionInfo,
        OWL.versionIRI,
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.created,
        DCTERMS.modified,
    }
)


class _Compiler:
    """Reads shapes from the graph, noting every triple it accounts for."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.used: set[tuple[Node, Node, Node]] = set()
        self.shapes: dict[Node, _Shape | None] = {}  # None: being compiled

    def objects(self, node: Node, predicate: Node) -> list[Node]:
        found = sorted(self.graph.objects(node, predicate), key=str)
        self.used.update((node, predicate, o) for o in found)
        return found

    def one(self, node: Node, predicate: Node) -> Node:
        found = self.objects(node, predicate)
        if len(found) != 1:
            raise UnsupportedShapes(f"{node} has {len(found)} {predicate}, not one")
        return found[0]

    def items(self, node: Node) -> list[Node]:
        """An RDF list's members (and its rdf:first/rdf:rest triples noted)."""
        members = []
        while node != RDF.nil:
            if not isinstance(node, BNode):
                raise UnsupportedShapes(f"a list node is not a blank node: {node}")
            members.append(self.one(node, RDF.first))
            node = self.one(node, RDF.rest)
        return members

    def shape(self, node: Node) -> _Shape:
        if node in self.shapes:
            shape = self.shapes[node]
            if shape is None:
                raise UnsupportedShapes(f"{node} refers to itself")
            return shape
        self.shapes[node] = None
        path = self.path(node)
        checks: list[_Check] = []
        for predicate in sorted(set(self.graph.predicates(node)), key=str):
            if predicate in _ANNOTATIONS or predicate == SH.path:
                self.objects(node, predicate)
            elif predicate == RDF.type:
                self.types(node)
            elif predicate != SH.targetClass:  # read by compile_shapes
                checks += self.constraints(node, predicate, path)
        shape = _Shape(path, tuple(checks))
        self.shapes[node] = shape
        return shape

    def path(self, node: Node) -> str | None:
        paths = self.objects(node, SH.path)
        if not paths:
            return None
        if len(paths) > 1 or not isinstance(paths[0], URIRef):
            raise UnsupportedShapes(f"{node}: only a single IRI is modelled as sh:path")
        return str(paths[0])

    def types(self, node: Node) -> None:
        for cls in self.objects(node, RDF.type):
            if cls not in _SHAPE_TYPES:
                raise UnsupportedShapes(f"{node} is a {cls}: not modelled")

    def constraints(
        self, node: Node, predicate: Node, path: str | None
    ) -> list[_Check]:
        build = _COMPONENTS.get(predicate)
        if build is None:
            raise UnsupportedShapes(f"{node}: {predicate} is not modelled")
        return [
            build(self, node, value, path) for value in self.objects(node, predicate)
        ]

    def header(self, node: Node) -> None:
        """An owl:Ontology node: metadata, and sh:declare prefixes for SPARQL."""
        for predicate in set(self.graph.predicates(node)):
            if predicate in _HEADER:
                self.objects(node, predicate)
            elif predicate == SH.declare:
                for declared in self.objects(node, SH.declare):
                    self.one(declared, SH.prefix)
                    self.one(declared, SH.namespace)


def _count(node: Node, value: Node) -> int:
    if not isinstance(value, RdfLiteral) or not isinstance(value.value, int):
        raise UnsupportedShapes(f"{node}: a count that is not an integer: {value}")
    return int(value.value)


def _iri(node: Node, value: Node) -> str:
    if not isinstance(value, URIRef):
        raise UnsupportedShapes(f"{node}: {value} is not an IRI")
    return str(value)


def _limit(node: Node, value: Node) -> int | Decimal:
    number = value.value if isinstance(value, RdfLiteral) else None
    if isinstance(number, bool) or not isinstance(number, int | Decimal):
        raise UnsupportedShapes(f"{node}: a bound that is not a number: {value}")
    return number


def _datatype_of(node: Node, value: Node) -> str:
    datatype = _iri(node, value)
    if datatype not in _DATATYPES:
        raise UnsupportedShapes(f"{node}: sh:datatype {datatype} is not modelled")
    return datatype


def _in_terms(compiler: _Compiler, node: Node, value: Node) -> frozenset[Any]:
    members: set[Any] = set()
    for item in compiler.items(value):
        if isinstance(item, URIRef):
            members.add(ox.NamedNode(str(item)))
        elif (
            isinstance(item, RdfLiteral) and item.datatype is None and not item.language
        ):
            members.add(ox.Literal(str(item)))
        else:  # typed literals: rdflib compares their values, not their forms
            raise UnsupportedShapes(f"{node}: sh:in member {item!r} is not modelled")
    return frozenset(members)


def _sparql(compiler: _Compiler, node: Node, value: Node, path: str | None) -> _Check:
    """Only the mention anchor's constraint, on kb:anchor, as the Python check has it."""
    if value != _ANCHOR_CONSTRAINT or path != str(KB.anchor):
        raise UnsupportedShapes(
            f"{node}: the SPARQL constraint {value} is not modelled"
        )
    select = str(compiler.one(value, SH.select))
    digest = hashlib.sha256(" ".join(select.split()).encode()).hexdigest()
    if digest != _ANCHOR_SELECT_SHA256:
        raise UnsupportedShapes(f"{value}: its query changed; update _anchor_matches")
    if set(compiler.objects(value, RDF.type)) != {SH.SPARQLConstraint}:
        raise UnsupportedShapes(f"{value} is not just an sh:SPARQLConstraint")
    compiler.objects(value, SH.message)
    compiler.objects(value, SH.prefixes)
    return _anchor


def _lookup_kind(node: Node, value: Node) -> tuple[type, ...]:
    kinds = _NODE_KINDS.get(value)  # type: ignore[call-overload]
    if kinds is None:
        raise UnsupportedShapes(f"{node}: sh:nodeKind {value} is not modelled")
    return kinds


_Builder = Callable[[_Compiler, Node, Node, "str | None"], _Check]
_COMPONENTS: dict[Node, _Builder] = {
    SH.minCount: lambda c, n, v, p: _min_count(_count(n, v)),
    SH.maxCount: lambda c, n, v, p: _max_count(_count(n, v)),
    SH.datatype: lambda c, n, v, p: _datatype(_datatype_of(n, v)),
    SH["class"]: lambda c, n, v, p: _class(_iri(n, v)),
    SH.nodeKind: lambda c, n, v, p: _node_kind(_lookup_kind(n, v)),
    SH["in"]: lambda c, n, v, p: _in(_in_terms(c, n, v)),
    SH.minInclusive: lambda c, n, v, p: _bound(_limit(n, v), at_least=True),
    SH.maxInclusive: lambda c, n, v, p: _bound(_limit(n, v), at_least=False),
    SH.lessThan: lambda c, n, v, p: _pair(_iri(n, v), or_equal=False),
    SH.lessThanOrEquals: lambda c, n, v, p: _pair(_iri(n, v), or_equal=True),
    SH["or"]: lambda c, n, v, p: _any_of(tuple(c.shape(m) for m in c.items(v))),
    SH.property: lambda c, n, v, p: _nested(c.shape(v)),
    SH.sparql: _sparql,
}


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile a SHACL shapes graph to plain-Python checks.

    :raises UnsupportedShapes: when the graph holds any triple the checks do not
        account for (a component, path form or target they do not model).

    >>> compile_shapes(shapes_graph()).verdict("") is True
    True
    """
    compiler = _Compiler(shapes)
    for header in sorted(shapes.subjects(RDF.type, OWL.Ontology), key=str):
        compiler.header(header)
    targets = []
    for node in sorted(set(shapes.subjects(SH.targetClass, None)), key=str):
        shape = compiler.shape(node)
        for cls in compiler.objects(node, SH.targetClass):
            targets.append((_iri(node, cls), shape))
    left = sorted(set(shapes) - compiler.used)
    if left:
        raise UnsupportedShapes(
            f"{len(left)} triples of the shapes are not modelled, e.g. {left[0]}"
        )
    return CompiledShapes(tuple(targets))


@lru_cache(maxsize=1)
def _compiled() -> CompiledShapes | None:
    try:
        return compile_shapes(shapes_graph())
    except UnsupportedShapes:
        return None  # every article then goes to rudof, as before


def compiled_verdict(ntriples: str) -> Verdict:
    """The compiled checks' verdict on one article's N-Triples: True (conforms),
    False (does not) or None (they cannot tell, or the shapes could not be
    compiled): then rudof and pySHACL decide."""
    compiled = _compiled()
    return None if compiled is None else compiled.verdict(ntriples)
