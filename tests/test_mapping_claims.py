"""Mapping of where a claim is: its content pieces (``kb:content``), the words naming
its source (``kb:source``) and its kind (``kb:attributionType``), and of the figures
an article states outside any event or claim (article ``kb:quantity``). The
extractions are made by hand, so these pin the mapping whatever extraction finds."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kb.models import (
    Article,
    AttributionType,
    Claim,
    Entity,
    Extraction,
    Quantity,
    Span,
)
from kb.rdf.mapping import MappingOptions, map_article, to_graph
from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.validate import validate_graph, validate_ntriples

TEXT = (
    'Ana Obi is the defence minister. "The strike was a mistake," she said, '
    '"and it will not be repeated." She believes the talks will resume. '
    "About 40 percent of voters agree."
)
OPTIONS = MappingOptions(generated_at=datetime(2026, 1, 1, tzinfo=UTC))


def span(words: str) -> Span:
    """The first occurrence of ``words`` in :data:`TEXT`."""
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


PIECES = (span("The strike was a mistake,"), span("and it will not be repeated."))
SPLIT_QUOTE = Claim(
    span=span('"The strike was a mistake," she said, "and it will not be repeated."'),
    statement_span=span(
        'The strike was a mistake," she said, "and it will not be repeated.'
    ),
    claimant="person:ana obi",
    statement="The strike was a mistake, and it will not be repeated.",
    direct=True,
    label="Ana Obi: The strike was a mistake, and it will not be repeated.",
    cue=span("said"),
    content=PIECES,
    source=span("she"),
)
BELIEF = Claim(
    span=span("She believes the talks will resume."),
    statement_span=span("the talks will resume"),
    claimant="person:ana obi",
    statement="the talks will resume",
    direct=False,
    label="Ana Obi: the talks will resume",
    cue=span("believes"),
    attribution="belief",
)  # no content and no source: content is the statement span
FIGURE = Quantity(
    span("About 40 percent"), value=40.0, unit="percent", approximate=True
)
OBI = Entity(
    key="person:ana obi",
    name="Ana Obi",
    mentions=(span("Ana Obi"), span("she"), span("She")),
    actor_kind="Person",
)


def extraction(*claims: Claim, quantities: tuple[Quantity, ...] = ()) -> Extraction:
    article = Article(text=TEXT, origin="<hand-made>")
    return Extraction(
        article, (OBI,), claims=claims, model="hand-made 0", quantities=quantities
    )


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph(extraction(SPLIT_QUOTE, BELIEF, quantities=(FIGURE,)), OPTIONS)


def claim_node(graph: Graph, statement: str) -> URIRef:
    (node,) = graph.subjects(KB.statement, Literal(statement))
    assert isinstance(node, URIRef)
    return node


def spans_of(graph: Graph, node: URIRef, prop: URIRef) -> list[Span]:
    """The mentions that ``node`` links to with ``prop``, as spans, by position."""
    out = []
    for mention in graph.objects(node, prop):
        assert (mention, RDF.type, KB.Mention) in graph
        start, end, anchor = (
            graph.value(mention, p) for p in (KB.start, KB.end, KB.anchor)
        )
        assert isinstance(start, Literal) and isinstance(end, Literal)
        out.append(Span(int(start), int(end), str(anchor)))
    return sorted(out, key=lambda s: s.start)


def test_split_quote_has_one_content_mention_per_piece(graph: Graph) -> None:
    node = claim_node(graph, SPLIT_QUOTE.statement)
    pieces = spans_of(graph, node, KB.content)
    assert pieces == list(PIECES)
    assert [TEXT[p.start : p.end] for p in pieces] == [p.text for p in pieces]


def test_content_falls_back_to_the_statement_span(graph: Graph) -> None:
    node = claim_node(graph, BELIEF.statement)
    assert spans_of(graph, node, KB.content) == [BELIEF.statement_span]


def test_source_mention(graph: Graph) -> None:
    quote = claim_node(graph, SPLIT_QUOTE.statement)
    assert spans_of(graph, quote, KB.source) == [span("she")]
    # the same words as an entity mention: one node, minted from the offsets
    assert set(graph.objects(quote, KB.source)) <= set(graph.objects(None, KB.mention))
    assert (claim_node(graph, BELIEF.statement), KB.source, None) not in graph


def test_attribution_type(graph: Graph) -> None:
    kinds = {
        claim_node(graph, c.statement): c.attribution for c in (SPLIT_QUOTE, BELIEF)
    }
    for node, kind in kinds.items():
        assert list(graph.objects(node, KB.attributionType)) == [Literal(kind)]
    assert set(kinds.values()) == {"statement", "belief"}


def test_article_quantities(graph: Graph) -> None:
    (article,) = graph.subjects(RDF.type, KB.Article)
    (q,) = graph.objects(article, KB.quantity)
    assert (q, RDF.type, KB.Quantity) in graph
    assert graph.value(q, SCHEMA.value) == Literal("40.0", datatype=XSD.decimal)
    assert isinstance(q, URIRef)
    assert spans_of(graph, q, KB.mention) == [FIGURE.span]
    # not a claim's figure: the claims hold none
    assert not any(graph.objects(claim_node(graph, BELIEF.statement), KB.quantity))


def test_mapped_claims_conform(graph: Graph) -> None:
    report = validate_graph(graph)
    assert report.conforms, report.format()
    assert validate_graph(graph, fast=False).conforms
    ntriples = map_article(extraction(SPLIT_QUOTE, BELIEF), OPTIONS).ntriples
    assert validate_ntriples(ntriples).conforms


@pytest.mark.parametrize("kind", ["statement", "belief", "intention"])
def test_every_attribution_type_conforms(kind: AttributionType) -> None:
    claim = replace(BELIEF, attribution=kind)
    graph = to_graph(extraction(claim), OPTIONS)
    assert list(graph.objects(None, KB.attributionType)) == [Literal(kind)]
    assert validate_graph(graph).conforms
