"""The compiled shape checks (kb.rdf.shape_checks) give pySHACL's verdict, or say
they cannot tell (None): on every shape example, on every article graph the pipeline
makes, on broken copies of those, and on article graphs mutated at random. The
compiler refuses shapes it does not model, and in ``fast`` mode SHACL's audit
overrules a wrong compiled verdict, so the article is not written."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kb.errors import UsageError
from kb.jobs import export as job
from kb.models import ArticleGraph
from kb.rdf import shape_checks, validate
from kb.rdf.fast_check import _rudof_says
from kb.rdf.namespaces import KB, KBSH, SCHEMA
from kb.rdf.resources import shapes_graph
from kb.rdf.shape_checks import (
    UnsupportedShapes,
    Verdict,
    compile_shapes,
    compiled_verdict,
)
from kb.rdf.validate import audited, validate_article, validate_graph
from kb.rdf.validation_report import SH
from tests.conftest import EXAMPLES, Exported, break_the_body_of, run_export
from tests.test_validate_speed_equivalence import BREAKERS

pytest.importorskip("pyrudof", reason="pyrudof is not installed (pip install -e .)")

ROOT = Path(__file__).resolve().parent.parent
SHAPE_EXAMPLES = sorted((ROOT / "tests" / "data" / "shapes").glob("*.ttl"))
EX = "https://example.org/invented/"
T = TypeVar("T")


def shacl_says(graph: Graph) -> bool:
    """pySHACL's verdict on the graph's N-Triples, read back as the pipeline reads
    them (rdflib rewrites some literals it cannot read, ``""^^xsd:boolean`` to
    ``"false"``, so the graph itself may differ); rudof's where pySHACL crashes on
    the data (it does on decimal offsets, in rdflib's SUBSTR)."""
    return shacl_reads(graph.serialize(format="nt"))


def shacl_reads(text: str) -> bool:
    """:func:`shacl_says` for N-Triples text."""
    try:
        data = Graph().parse(data=text, format="nt")
        return validate_graph(data, fast=False).conforms
    except Exception:  # noqa: BLE001 - any crash inside pySHACL
        return _rudof_says(text, without_anchor_check=False)


def compiled_says(graph: Graph) -> Verdict:
    return compiled_verdict(graph.serialize(format="nt"))


def assert_agrees(graph: Graph) -> Verdict:
    """The compiled verdict is pySHACL's, or None; return it. (Not always rudof's:
    rudof takes an ill-formed xsd:date inside sh:or, ``"abc"^^xsd:date`` as an
    event's kb:date, where pySHACL and the compiled checks reject it.)"""
    verdict = compiled_says(graph)
    if verdict is not None:
        assert verdict == shacl_says(graph), graph.serialize(format="nt")[:3000]
    return verdict


# ------------------------------------------------------------------ fixed data


def test_our_shapes_compile() -> None:
    compiled = compile_shapes(shapes_graph())
    classes = {cls for cls, _shape in compiled.targets}
    assert {str(KB.Article), str(KB.Mention), str(KB.Quantity)} <= classes
    assert shape_checks._compiled() is not None


@pytest.mark.parametrize("path", SHAPE_EXAMPLES, ids=lambda p: p.name)
def test_shape_examples(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    verdict = compiled_says(graph)
    # every example is decided, and as pySHACL decides it
    assert verdict is not None
    assert verdict == shacl_says(graph) == ("-valid" in path.name)


@pytest.mark.slow
def test_article_graphs(article_graphs: dict[str, Graph]) -> None:
    for origin, graph in article_graphs.items():
        assert compiled_says(graph) is True, origin
        assert shacl_says(graph), origin


@pytest.mark.slow
@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda f: f.__name__)
def test_broken_article_graphs(
    article_graphs: dict[str, Graph], breaker: Callable[[Graph], Graph | None]
) -> None:
    checked = 0
    for origin, graph in article_graphs.items():
        broken = breaker(graph)
        if broken is not None:
            assert compiled_says(broken) is False, origin
            assert not shacl_says(broken), origin
            checked += 1
    assert checked > 0


# ------------------------------------------------------------------ mutations


def _triples(graph: Graph) -> list[tuple[Node, Node, Node]]:
    return sorted(graph, key=lambda t: tuple(n.n3() for n in t))


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


class Choices:
    """The random choices a mutation makes: drawn by hypothesis, or seeded."""

    def __init__(self, data: st.DataObject | None = None, seed: int = 0) -> None:
        self.data, self.rng = data, random.Random(seed)

    def item(self, items: Sequence[T]) -> T:
        if self.data is not None:
            return self.data.draw(st.sampled_from(items))
        return self.rng.choice(items)

    def number(self, low: int, high: int) -> int:
        if self.data is not None:
            return self.data.draw(st.integers(low, high))
        return self.rng.randint(low, high)

    def flip(self) -> bool:
        return self.number(0, 1) == 1


#: Lexical forms near and across the edges of the XSD and rdflib lexical spaces.
LEXICAL = [
    "",
    "0",
    "-0",
    "7",
    "+5",
    "05",
    " 7",
    "-1",
    "0.5",
    "6.0",
    ".5",
    "1.",
    "1e3",
    "NaN",
    "١٢",
    "1_000",
    "true",
    "false",
    "TRUE",
    "1",
    "2020-02-29",
    "2021-02-29",
    "2020-01-01Z",
    "0000-01-01",
    "2026-12-05T16:38:22+00:00",
    "2026-12-05T16:38:22Z",
    "2026-12-05T24:00:00",
    "2026-12-05T16:38:22-00:00",
    "2026-12-05T16:38:22.5",
    "2020",
    "20",
    "02020",
    "2020-05",
    "2020-13",
    "statement",
    "planned",
    "abc",
]
DATATYPES = [
    XSD.integer,
    XSD.decimal,
    XSD.boolean,
    XSD.date,
    XSD.dateTime,
    XSD.gYear,
    XSD.gYearMonth,
    XSD.double,
    XSD.anyURI,
    None,  # a plain string
]
CLASSES = [
    KB.Actor,
    KB.Location,
    KB.Event,
    KB.Claim,
    KB.Mention,
    KB.Article,
    KB.Quantity,
    KB.Organization,
    URIRef(EX + "Thing"),
]


def drop_a_triple(graph: Graph, pick: Choices) -> Graph:
    triple = pick.item(_triples(graph))
    broken = _copy(graph)
    broken.remove(triple)
    return broken


def add_another_value(graph: Graph, pick: Choices) -> Graph:
    s, p, _o = pick.item(_triples(graph))
    other = pick.item([o for _s, _p, o in _triples(graph)])
    broken = _copy(graph)
    broken.add((s, p, other))
    return broken


def _literal_triples(graph: Graph) -> list[tuple[Node, Node, Node]]:
    return [t for t in _triples(graph) if isinstance(t[2], Literal)]


def relabel_a_literal(graph: Graph, pick: Choices) -> Graph:
    """A new datatype, lexical form or language for one literal."""
    s, p, o = pick.item(_literal_triples(graph))
    assert isinstance(o, Literal)
    lexical = str(o) if pick.flip() else pick.item(LEXICAL)
    if pick.number(0, 5) == 0:
        new = Literal(lexical, lang="en")
    else:
        keep = pick.flip()
        datatype = o.datatype if keep else pick.item(DATATYPES)
        new = Literal(lexical, datatype=datatype)
    broken = _copy(graph)
    broken.remove((s, p, o))
    broken.add((s, p, new))
    return broken


def retype_a_node(graph: Graph, pick: Choices) -> Graph:
    s, _p, o = pick.item([t for t in _triples(graph) if t[1] == RDF.type])
    broken = _copy(graph)
    if pick.flip():
        broken.remove((s, RDF.type, o))
    broken.add((s, RDF.type, pick.item(CLASSES)))
    return broken


def swap_node_kinds(graph: Graph, pick: Choices) -> Graph:
    """An IRI object becomes a literal of its text, or a blank node; or a literal
    becomes an IRI."""
    s, p, o = pick.item(_triples(graph))
    if isinstance(o, Literal):
        new: Node = URIRef(EX + "x")
    else:
        new = Literal(str(o)) if pick.flip() else BNode()
    broken = _copy(graph)
    broken.remove((s, p, o))
    broken.add((s, p, new))
    return broken


def shift_an_offset(graph: Graph, pick: Choices) -> Graph:
    # well-formed integers only: an earlier mutation may have relabelled one
    offsets = [
        t
        for t in _triples(graph)
        if t[1] in (KB.start, KB.end)
        and isinstance(t[2], Literal)
        and isinstance(t[2].value, int)
    ]
    if not offsets:
        return graph  # an article without mentions
    s, p, o = pick.item(offsets)
    shift = pick.number(-3, 3)
    broken = _copy(graph)
    broken.remove((s, p, o))
    broken.add((s, p, Literal(int(o) + shift)))
    return broken


def set_a_figure(graph: Graph, pick: Choices) -> Graph:
    """A confidence or quantity bound moved, as a decimal or an integer."""
    subjects = sorted(set(graph.subjects(RDF.type, KB.Quantity)), key=str)
    subjects += sorted(set(graph.subjects(KB.confidence, None)), key=str)
    node = pick.item(subjects or [URIRef(EX + "none")])
    prop = pick.item([KB.confidence, SCHEMA.minValue, SCHEMA.maxValue])
    number = Decimal(pick.number(-200, 300)) / 100
    value = Literal(number) if pick.flip() else Literal(int(number))
    broken = _copy(graph)
    broken.set((node, prop, value))
    return broken


def add_unmodelled_data(graph: Graph, pick: Choices) -> Graph:
    """rdfs:subClassOf, or an explicit xsd:string beside a plain one: the compiled
    checks must hand these to rudof."""
    broken = _copy(graph)
    if pick.flip():
        sub = pick.item(CLASSES)
        broken.add((URIRef(EX + "Special"), RDFS.subClassOf, sub))
    else:
        s, p, o = pick.item(_literal_triples(graph))
        broken.add((s, p, Literal(str(o), datatype=XSD.string)))
    return broken


MUTATIONS = [
    drop_a_triple,
    add_another_value,
    relabel_a_literal,
    retype_a_node,
    swap_node_kinds,
    shift_an_offset,
    set_a_figure,
    add_unmodelled_data,
]


def _small(graphs: dict[str, Graph]) -> list[Graph]:
    # the smaller graphs keep pySHACL's share of the test time down; every kind of
    # node (claims, quantities, events, places) is among them
    return [graphs[k] for k in sorted(graphs) if len(graphs[k]) <= 600]


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_article_graphs(
    article_graphs: dict[str, Graph], data: st.DataObject
) -> None:
    pick = Choices(data)
    graph = pick.item(_small(article_graphs))
    for _ in range(pick.number(1, 2)):
        graph = pick.item(MUTATIONS)(graph, pick)
    assert_agrees(graph)


@pytest.mark.slow
def test_mutations_are_mostly_decided(article_graphs: dict[str, Graph]) -> None:
    """Every kind of mutation, a fixed number of times on every small article: the
    compiled checks agree with SHACL, and decide most of them (None is the
    exception, not the rule)."""
    pick = Choices(seed=15)
    verdicts: dict[str, list[Verdict]] = {}
    for graph in _small(article_graphs):
        for mutate in MUTATIONS:
            for _ in range(2):
                said = assert_agrees(mutate(graph, pick))
                verdicts.setdefault(mutate.__name__, []).append(said)
    for name, said in verdicts.items():
        if name != "add_unmodelled_data":
            assert said.count(None) <= len(said) // 2, (name, said)
    assert set(verdicts["add_unmodelled_data"]) == {None}
    every = [v for said in verdicts.values() for v in said]
    assert True in every and False in every


# ------------------------------------------------------------------ hand-made cases


def _example_with(name: str, cls: URIRef, prop: URIRef, literal: str) -> str:
    """A shape example's N-Triples with ``literal`` (N-Triples syntax, written as
    is: rdflib would rewrite "1e3"^^xsd:decimal) as the ``prop`` of its ``cls``."""
    graph = Graph().parse(ROOT / "tests" / "data" / "shapes" / name, format="turtle")
    node = next(graph.subjects(RDF.type, cls))
    graph.set((node, prop, Literal("PLACEHOLDER")))
    return graph.serialize(format="nt").replace('"PLACEHOLDER"', literal)


def _assert_case(text: str, verdict: Verdict) -> None:
    assert compiled_verdict(text) is verdict
    if verdict is not None:
        assert shacl_reads(text) is verdict


def _typed(lexical: str, datatype: URIRef) -> str:
    return f'"{lexical}"^^<{datatype}>'


@pytest.mark.parametrize(
    ("start", "verdict"),
    [
        (_typed("abc", XSD.integer), False),  # ill-formed: both say no
        (_typed("1.0", XSD.decimal), False),  # not an xsd:integer
        (_typed("+0", XSD.integer), None),  # the anchor check leaves it to SPARQL
        (_typed("-1", XSD.integer), False),  # below sh:minInclusive
        (_typed("7", XSD.integer), False),  # the anchor is no longer the text
        ('"7"', False),  # a string
    ],
)
def test_offsets(start: str, verdict: Verdict) -> None:
    text = _example_with("MentionShape-valid.ttl", KB.Mention, KB.start, start)
    _assert_case(text, verdict)


def test_a_language_tagged_anchor_is_not_an_xsd_string() -> None:
    text = _example_with("MentionShape-valid.ttl", KB.Mention, KB.anchor, '"x"@en')
    _assert_case(text, False)


@pytest.mark.parametrize(
    ("literal", "verdict"),
    [
        # rudof takes ill-formed dates in an sh:or; pySHACL and these checks do not
        (_typed("2026-02-30", XSD.date), False),
        (_typed("2026-13-01", XSD.date), False),
        (_typed("TRUE", XSD.date), False),
        (_typed("2026-01-01Z", XSD.date), True),  # well-formed, rewritten by rdflib
        (_typed("2026-12", XSD.gYearMonth), True),
        (_typed("2026-13", XSD.gYearMonth), None),  # pySHACL takes any gYearMonth
        (_typed("20", XSD.gYear), None),
        (_typed("2026", XSD.date), False),
        ('"2026-01-01"', False),
    ],
)
def test_event_dates(literal: str, verdict: Verdict) -> None:
    _assert_case(
        _example_with("EventShape-valid.ttl", KB.Event, KB.date, literal), verdict
    )


@pytest.mark.parametrize(
    ("lexical", "verdict"),
    [
        ("0.5", True),
        ("1", True),
        (".5", True),  # well-formed, rewritten by rdflib
        ("1.5", False),  # above sh:maxInclusive
        ("-0.1", False),
        ("abc", False),
        ("1e3", None),  # no xsd:decimal, but rdflib reads it: the engines part
        ("NaN", None),
    ],
)
def test_confidence(lexical: str, verdict: Verdict) -> None:
    literal = _typed(lexical, XSD.decimal)
    text = _example_with("ActorShape-valid.ttl", KB.Actor, KB.confidence, literal)
    _assert_case(text, verdict)


def test_explicit_xsd_strings_are_handed_on() -> None:
    # rdflib keeps "statement"^^xsd:string apart from "statement" (pyoxigraph does
    # not), and pySHACL's sh:in then rejects it
    literal = _typed("statement", XSD.string)
    text = _example_with("ClaimShape-valid.ttl", KB.Claim, KB.attributionType, literal)
    _assert_case(text, None)


def test_bad_syntax_is_handed_on() -> None:
    assert compiled_verdict("<not n-triples") is None
    assert compiled_verdict("") is True  # no node is targeted


# ------------------------------------------------------------------ refusals


def _shapes_plus(*triples: tuple[Node, Node, Node]) -> Graph:
    shapes = Graph()
    shapes += shapes_graph()
    for triple in triples:
        shapes.add(triple)
    return shapes


@pytest.mark.parametrize(
    "extra",
    [
        (KBSH["ActorShape-label"], SH.pattern, Literal("^[A-Z]")),  # a component
        (KBSH.ActorShape, SH.targetNode, URIRef(EX + "x")),  # a target
        (KBSH.ActorShape, SH.closed, Literal(True)),
        (KBSH.ActorShape, SH.severity, SH.Warning),
        (KBSH.ActorShape, RDF.type, RDFS.Class),  # an implicit class target
        (KBSH["ActorShape-role"], SH.datatype, XSD.double),  # a datatype
        (URIRef(EX + "Orphan"), SH.path, KB.role),  # a shape we never reach
    ],
    ids=lambda t: str(t[1]).rsplit("#", 1)[-1],
)
def test_unmodelled_shapes_are_refused(extra: tuple[Node, Node, Node]) -> None:
    compile_shapes(_shapes_plus())  # the same shapes without it compile
    with pytest.raises(UnsupportedShapes):
        compile_shapes(_shapes_plus(extra))


def test_path_forms_and_other_sparql_are_refused() -> None:
    shapes = _shapes_plus()
    shapes.remove((KBSH["ActorShape-role"], SH.path, None))
    sequence = BNode()
    shapes.add((KBSH["ActorShape-role"], SH.path, sequence))
    shapes.add((sequence, SH.inversePath, KB.role))
    with pytest.raises(UnsupportedShapes):
        compile_shapes(shapes)
    shapes = _shapes_plus()
    sparql = KBSH["MentionShape-anchorText-sparql"]
    select = shapes.value(sparql, SH.select)
    shapes.set((sparql, SH.select, Literal(str(select).replace("!=", "="))))
    with pytest.raises(UnsupportedShapes, match="query changed"):
        compile_shapes(shapes)


def test_refused_shapes_leave_every_verdict_to_shacl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = _shapes_plus((KBSH.ActorShape, SH.targetNode, URIRef(EX + "x")))
    monkeypatch.setattr(shape_checks, "shapes_graph", lambda: bad)
    shape_checks._compiled.cache_clear()
    try:
        example = ROOT / "tests" / "data" / "shapes" / "ActorShape-valid.ttl"
        text = Graph().parse(example).serialize(format="nt")
        assert compiled_verdict(text) is None
        assert validate_article(ArticleGraph(EX + "a", text)).conforms
    finally:
        shape_checks._compiled.cache_clear()


# ------------------------------------------------------------------ the audit


def _example_text(name: str) -> str:
    path = ROOT / "tests" / "data" / "shapes" / name
    return Graph().parse(path, format="turtle").serialize(format="nt")


def _iri(audit: bool) -> str:
    return next(
        f"{EX}article-{i}" for i in range(1000) if audited(f"{EX}article-{i}") == audit
    )


def test_the_audit_overrules_a_wrong_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "compiled_verdict", lambda _text: True)
    bad = _example_text("ActorShape-invalid-two-labels.ttl")
    report = validate_article(ArticleGraph(_iri(audit=True), bad))
    assert not report.conforms
    assert "SHACL's verdict stands" in report.warning
    assert "please report" in report.format()
    # not audited, the wrong pass stands: that is what the sample is for
    assert validate_article(ArticleGraph(_iri(audit=False), bad)).conforms
    # --validate full never asks the compiled checks
    assert not validate_article(ArticleGraph(_iri(audit=False), bad), "full").conforms


def test_a_wrong_rejection_is_overruled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "compiled_verdict", lambda _text: False)
    good = _example_text("ActorShape-valid.ttl")
    report = validate_article(ArticleGraph(_iri(audit=False), good))
    assert report.conforms
    assert "SHACL's verdict stands" in report.warning


def test_an_unaudited_pass_skips_shacl(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_shacl(_text: str) -> None:
        raise AssertionError("SHACL ran")

    monkeypatch.setattr(validate, "validate_ntriples", no_shacl)
    good = _example_text("ActorShape-valid.ttl")
    assert validate_article(ArticleGraph(_iri(audit=False), good)).conforms


def test_the_sample_is_one_in_sixteen() -> None:
    hits = sum(audited(f"{EX}article-{i}") for i in range(16_000))
    assert 800 < hits < 1200


def _texts(folder: Path) -> list[Path]:
    texts = {
        "a.txt": "Mayor Ada Brandt said the bridge would open in May.",
        "b.txt": "Nurse Tomas Varga said the clinic was full.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def _break_b(monkeypatch: pytest.MonkeyPatch) -> None:
    """Article b's body no longer holds its anchors, and the compiled checks are
    made to pass everything, wrongly."""
    break_the_body_of(monkeypatch, "clinic")
    monkeypatch.setattr(validate, "compiled_verdict", lambda _text: True)
    monkeypatch.setattr(validate, "audited", lambda _iri: True)


@pytest.mark.slow
def test_export_does_not_write_what_the_audit_rejects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_b(monkeypatch)
    outcomes: list[job.ArticleOutcome] = []
    graphs = list(job.build_graphs(_texts(tmp_path), job.ExportOptions(), outcomes))
    status = {Path(o.origin).name: o for o in outcomes}
    assert status["a.txt"].status == "written"
    assert status["b.txt"].status == "invalid"
    assert "SHACL's verdict stands" in status["b.txt"].reason
    assert [("Brandt" in g.ntriples) for g in graphs] == [True]


# ------------------------------------------------------------------ lexical forms


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_plain_forms_are_what_rdflib_reads_and_keeps(data: st.DataObject) -> None:
    """The forms the checks decide at once are well-formed for XSD and for rdflib,
    and rdflib keeps them as they are (so it never merges two of them)."""
    datatype = data.draw(st.sampled_from(sorted(shape_checks._PLAIN)))
    pattern = shape_checks._PLAIN[datatype]
    lexical = data.draw(st.from_regex(pattern, fullmatch=True))
    if not shape_checks._plain(lexical, datatype):
        return  # a day that does not exist: not plain
    literal = Literal(lexical, datatype=URIRef(datatype))
    assert not literal.ill_typed
    assert str(literal) == lexical
    assert shape_checks._xsd_reads(lexical, datatype)


# ------------------------------------------------------------------ the option


def test_fast_and_full_export_the_same(
    export_examples: Callable[[str], Exported],
) -> None:
    fast = export_examples("nt")
    full = run_export([*map(str, EXAMPLES), "--format", "nt", "--validate", "full"])
    assert fast.exit_code == full.exit_code == 0
    assert fast.text == full.text


def test_an_unknown_mode_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Mayor Ada Brandt said the bridge would open.", "utf-8")
    done = run_export([str(article), "--validate", "quick"])
    assert done.exit_code == 2
    assert "quick" in done.stderr
    with pytest.raises(UsageError, match="quick"):
        list(job.build_graphs([article], job.ExportOptions(validate="quick"), []))  # type: ignore[arg-type]


def test_workers_validate_in_the_mode_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs N: each worker validates in the run's mode, and a disagreement
    warning comes back beside the written article."""
    from kb.jobs import parallel
    from kb.rdf.mapping import MappingOptions
    from kb.rdf.validation_report import ValidationReport

    modes: list[str] = []

    def recorded(graph: ArticleGraph, mode: str) -> ValidationReport:
        modes.append(mode)
        return ValidationReport(conforms=True, warning="warning: engines disagree")

    monkeypatch.setattr(parallel, "validate_article", recorded)
    (article,) = _texts(tmp_path)[:1]
    from kb.ingest.sources import iter_articles

    parallel._init_worker(None, MappingOptions(), (), "full")
    done = parallel._process_chunk(list(iter_articles([article])))  # type: ignore[arg-type]
    assert modes == ["full"]
    assert done[0].conforms and done[0].report == "warning: engines disagree"


def test_kb_export_warns_when_shacl_overrules_a_rejection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(validate, "compiled_verdict", lambda _text: False)
    done = run_export([str(EXAMPLES[0]), "--format", "nt"])
    assert done.exit_code == 0
    assert done.text.strip()
    assert "SHACL's verdict stands" in done.stderr
    assert "please report" in done.stderr
