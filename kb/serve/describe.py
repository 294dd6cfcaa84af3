"""What the server says about one resource, read from the store: its description as
a graph (for Turtle and JSON-LD) and the data of its HTML page, including each
mention's sentence cut from the article body."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager

from kb.rdf.namespaces import KB, SCHEMA
from kb.serve import values as v
from kb.serve.article_view import article_view
from kb.serve.page_model import ClaimItem, EventItem, Fact, Link, MentionItem, Page
from kb.serve.sentences import sentence_around
from kb.serve.titles import article_title
from kb.store.embedded import Store
from kb.store.sparql import QueryResult
from kb.store.terms import Term

__all__ = ["describe_graph", "exists", "page_data"]

_DESCRIBE = """
CONSTRUCT { ?r ?p ?o . ?x ?xp ?xo . ?y rdfs:label ?yl . ?s ?sp ?r . ?s rdfs:label ?sl . }
WHERE {
  { ?r ?p ?o }
  UNION { ?r kb:mention|kb:quantity|kb:cue|kb:content|kb:source ?x . ?x ?xp ?xo }
  UNION { ?r ?yp ?y . ?y rdfs:label ?yl }
  UNION { ?s ?sp ?r . OPTIONAL { ?s rdfs:label ?sl } }
}"""
_EXISTS = "ASK { ?r ?p ?o }"
_PROPERTIES = """
SELECT DISTINCT ?r ?p ?o ?label WHERE {
  ?r ?p ?o . OPTIONAL { ?o rdfs:label ?label }
} ORDER BY ?p ?o"""
#: The article that found a claim or event (``?x``): pages list them across articles.
_FOUND_IN = """
  OPTIONAL {
    ?article kb:mentions ?x .
    OPTIONAL { ?article schema:datePublished ?published }
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article schema:articleBody ?body BIND (SUBSTR(?body, 1, 300) AS ?opening) }
  }
"""
_CLAIMS_BY = (
    """
SELECT DISTINCT ?r ?claim ?statement ?direct ?date ?article ?published ?headline ?opening
WHERE {
  ?claim kb:claimant ?r ; kb:statement ?statement .
  OPTIONAL { ?claim kb:directQuote ?direct }
  OPTIONAL { ?claim kb:date ?date }"""
    + _FOUND_IN.replace("?x", "?claim")
    + "} ORDER BY ?claim"
)
_CLAIMS_ABOUT = (
    """
SELECT DISTINCT ?r ?claim ?statement ?direct ?date ?who ?whoLabel
  ?article ?published ?headline ?opening
WHERE {
  ?claim kb:about ?r ; kb:statement ?statement .
  OPTIONAL { ?claim kb:directQuote ?direct }
  OPTIONAL { ?claim kb:date ?date }
  OPTIONAL { ?claim kb:claimant ?who . OPTIONAL { ?who rdfs:label ?whoLabel } }"""
    + _FOUND_IN.replace("?x", "?claim")
    + "} ORDER BY ?claim"
)
_EVENTS = (
    """
SELECT DISTINCT ?r ?event ?label ?date ?type ?how ?article ?published ?headline ?opening
WHERE {
  { ?event kb:agent ?r BIND("agent" AS ?how) }
  UNION { ?event kb:participant ?r BIND("participant" AS ?how) }
  UNION { ?event kb:place ?r BIND("place" AS ?how) }
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event kb:date ?date }
  OPTIONAL { ?event kb:eventType ?type }"""
    + _FOUND_IN.replace("?x", "?event")
    + "} ORDER BY ?event"
)
_MENTIONS = """
SELECT DISTINCT ?r ?m ?start ?end ?article WHERE {
  ?r kb:mention ?m . ?m kb:start ?start ; kb:end ?end ; kb:inArticle ?article .
} ORDER BY ?article ?start"""
_ARTICLE = """
SELECT ?r ?body ?headline ?date WHERE {
  ?r schema:articleBody ?body .
  OPTIONAL { ?r schema:headline ?headline }
  OPTIONAL { ?r schema:datePublished ?date }
} LIMIT 1"""
_MENTIONED = """
SELECT DISTINCT ?r ?x ?label ?type WHERE {
  ?r kb:mentions ?x . ?x a ?type .
  VALUES ?type { kb:Person kb:Organization kb:Group kb:Location kb:Event kb:Claim }
  OPTIONAL { ?x rdfs:label ?label }
} ORDER BY ?type ?label ?x"""

#: Leaf classes, most specific first, that decide which page layout a node gets.
_KINDS = (
    (KB.Event, "event"),
    (KB.Claim, "claim"),
    (KB.Article, "article"),
    (KB.Actor, "actor"),
    (KB.Location, "actor"),
)
#: Properties that the page shows in sections of their own, not in "All statements".
_SHOWN_ELSEWHERE = {KB.mention, KB.mentions, SCHEMA.articleBody}


def exists(store: Store, iri: str) -> bool:
    """Whether ``iri`` is the subject of any stored triple."""
    return bool(store.query(_EXISTS, {"r": URIRef(iri)}).boolean)


def describe_graph(store: Store, iri: str) -> Graph:
    """The resource's triples, those of its mentions and quantities, the labels of
    what it links to, and the triples that point at it (with their labels)."""
    result = store.query(_DESCRIBE, {"r": URIRef(iri)})
    return result.graph if result.graph is not None else Graph()


def page_data(store: Store, iri: str, limit: int) -> Page | None:
    """The data of ``iri``'s HTML page, or ``None`` when the store does not know it.

    :param limit: the most claims, events and mentions listed in each section.
    """
    node = URIRef(iri)
    bound = {"r": node}
    props = v.rows(store.query(_PROPERTIES, bound))
    if not props:
        return None
    names = v.names()
    types = {row["o"] for row in props if row["p"] == RDF.type}
    kind = next((k for cls, k in _KINDS if cls in types), "resource")
    labels = [
        str(row["o"])
        for row in props
        if row["p"] in (RDFS.label, SCHEMA.headline, SCHEMA.name)
    ]
    if not labels and kind == "article":  # its first words, never its IRI
        body = next((str(r["o"]) for r in props if r["p"] == SCHEMA.articleBody), "")
        labels = [article_title("", body, iri)]
    page = Page(
        iri=iri,
        label=labels[0] if labels else v.curie(iri, names),
        kind=kind,
        facts=_facts(store, node, props, kind, names),
        statements=_statements(props, names),
    )
    notes: list[str] = []
    if kind in ("actor", "event"):
        page = _with_claims_and_events(store, node, page, limit, notes)
    if kind != "article":
        page = _with_mentions(store, node, page, limit, notes)
    else:
        page = _with_article(store, node, page, limit, notes)
    return replace(page, notes=tuple(notes))


def _values(
    props: Iterable[dict[str, Term]], prop: URIRef, names: NamespaceManager
) -> tuple[Link, ...]:
    out: list[Link] = []
    seen: set[str] = set()
    for row in props:
        if row["p"] != prop or str(row["o"]) in seen:
            continue
        seen.add(str(row["o"]))
        out.append(v.link(row["o"], row.get("label"), names))
    return tuple(out)


_FACTS: dict[str, tuple[tuple[str, URIRef], ...]] = {
    "actor": (
        ("Also known as", SCHEMA.alternateName),
        ("Role", KB.role),
        ("Same as", SCHEMA.sameAs),
        ("Part of", SCHEMA.containedInPlace),
    ),
    "event": (
        ("Date", KB.date),
        ("Done by", KB.agent),
        ("Also involved", KB.participant),
        ("Place", KB.place),
        ("Same as", SCHEMA.sameAs),
    ),
    "claim": (
        ("Said by", KB.claimant),
        ("Statement", KB.statement),
        ("Date", KB.date),
        ("About", KB.about),
        ("Conflicts with", KB.conflictsWith),
    ),
    "article": (
        ("Headline", SCHEMA.headline),
        ("Published", SCHEMA.datePublished),
        ("Publisher", SCHEMA.publisher),
        ("Source", KB.sourceName),
        ("Web address", SCHEMA.url),
    ),
}


def _facts(
    store: Store,
    node: URIRef,
    props: list[dict[str, Term]],
    kind: str,
    names: NamespaceManager,
) -> tuple[Fact, ...]:
    types = tuple(
        Link(v.ontology_label(str(row["o"]), names), str(row["o"]))
        for row in props
        if row["p"] == RDF.type
    )
    # the project's own classes say it best; the aligned ones are in "All statements"
    own = tuple(t for t in types if t.iri.startswith(str(KB._NS)))
    facts = [Fact("Types", own or types)]
    if kind == "event":
        kinds = tuple(
            Link(v.ontology_label(str(row["o"]), names), str(row["o"]))
            for row in props
            if row["p"] == KB.eventType
        )
        facts.append(Fact("Event type", kinds))
    for name, prop in _FACTS.get(kind, ()):
        facts.append(Fact(name, _values(props, prop, names)))
    if kind in ("event", "claim"):
        figures = v.quantities(store, node)
        facts.append(Fact("Figures", tuple(Link(f) for f in figures)))
    return tuple(f for f in facts if f.values)


def _statements(
    props: list[dict[str, Term]], names: NamespaceManager
) -> tuple[tuple[str, Link], ...]:
    return tuple(
        (v.curie(str(row["p"]), names), v.link(row["o"], row.get("label"), names))
        for row in props
        if row["p"] not in _SHOWN_ELSEWHERE
    )


def _claims(result: QueryResult, names: NamespaceManager) -> tuple[ClaimItem, ...]:
    items = []
    seen: set[str] = set()
    for row in v.rows(result):
        iri = str(row["claim"])
        if iri in seen:
            continue
        seen.add(iri)
        direct = row.get("direct")
        who = row.get("who")
        items.append(
            ClaimItem(
                iri=iri,
                statement=v.text(row.get("statement")),
                direct=isinstance(direct, Literal) and direct.toPython() is True,
                date=v.text(row.get("date")) or v.text(row.get("published")),
                claimant=v.link(who, row.get("whoLabel"), names) if who else None,
                article=_found_in(row),
            )
        )
    return tuple(sorted(items, key=_in_date_order))


def _found_in(row: dict[str, Term]) -> Link | None:
    """The article a claim or event row was found in, by its title."""
    article = row.get("article")
    if article is None:
        return None
    title = v.text(row.get("headline")), v.text(row.get("opening")), str(article)
    return Link(article_title(*title), str(article))


def _in_date_order(item: ClaimItem | EventItem) -> tuple[bool, str, str]:
    """Dated items first, oldest first (the claim's or event's own date, else the
    publication date of its article); then by IRI, so the order is stable."""
    return (not item.date, item.date, item.iri)


_T = TypeVar("_T")


def _capped(
    items: tuple[_T, ...], limit: int, what: str, notes: list[str]
) -> tuple[_T, ...]:
    if len(items) > limit:
        notes.append(f"Only the first {limit} of {len(items)} {what} are listed.")
        return items[:limit]
    return items


def _with_claims_and_events(
    store: Store, node: URIRef, page: Page, limit: int, notes: list[str]
) -> Page:
    names = v.names()
    bound = {"r": node}
    claims_by = _claims(store.query(_CLAIMS_BY, bound), names)
    claims_about = _claims(store.query(_CLAIMS_ABOUT, bound), names)
    events = []
    seen: set[tuple[str, str]] = set()
    for row in v.rows(store.query(_EVENTS, bound)):
        key = (str(row["event"]), str(row["how"]))
        if key in seen:
            continue
        seen.add(key)
        kind = row.get("type")
        events.append(
            EventItem(
                iri=str(row["event"]),
                label=v.text(row.get("label")) or str(row["event"]),
                date=v.text(row.get("date")) or v.text(row.get("published")),
                event_type=v.ontology_label(str(kind), names) if kind else "",
                how=str(row["how"]),
                article=_found_in(row),
            )
        )
    events.sort(key=_in_date_order)
    return replace(
        page,
        claims_by=_capped(claims_by, limit, "claims made", notes),
        claims_about=_capped(claims_about, limit, "claims about it", notes),
        events=_capped(tuple(events), limit, "events", notes),
    )


def _with_mentions(
    store: Store, node: URIRef, page: Page, limit: int, notes: list[str]
) -> Page:
    rows = v.rows(store.query(_MENTIONS, {"r": node}))
    articles: dict[str, tuple[str, str]] = {}
    items = []
    for row in rows[:limit]:
        article = str(row["article"])
        if article not in articles:
            articles[article] = _article_text(store, article)
        body, headline = articles[article]
        start, end = v.offset(row.get("start")), v.offset(row.get("end"))
        before, anchor, after = sentence_around(body, start, end)
        title = Link(article_title(headline, body, article), article)
        items.append(MentionItem(title, start, end, before, anchor, after))
    if len(rows) > limit:
        notes.append(f"Only the first {limit} of {len(rows)} mentions are listed.")
    return replace(page, mentions=tuple(items), mentions_total=len(rows))


def _article_text(store: Store, article: str) -> tuple[str, str]:
    """``(body, headline)`` of a stored article; empty when it is not there."""
    rows = v.rows(store.query(_ARTICLE, {"r": URIRef(article)}))
    if not rows:
        return "", ""
    return v.text(rows[0].get("body")), v.text(rows[0].get("headline"))


def _with_article(
    store: Store, node: URIRef, page: Page, limit: int, notes: list[str]
) -> Page:
    names = v.names()
    body, _ = _article_text(store, str(node))
    mentioned = []
    seen: set[str] = set()
    for row in v.rows(store.query(_MENTIONED, {"r": node})):
        if str(row["x"]) in seen:
            continue
        seen.add(str(row["x"]))
        kind = v.ontology_label(str(row["type"]), names)
        mentioned.append((kind, v.link(row["x"], row.get("label"), names)))
    return replace(
        page,
        body=body,
        mentioned=_capped(tuple(mentioned), limit, "extracted nodes", notes),
        article=article_view(store, node, body, limit),
    )
