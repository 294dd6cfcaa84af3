"""The parts of an article's page read from the store: its text with every mention
marked, the "who said what" table, the figures that conflict, and the picture of its
actors, claims and events."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import NamespaceManager

from kb.rdf.namespaces import KB
from kb.serve import values as v
from kb.serve.page_model import ArticleView, ConflictSide, Link, Picture, SaidItem
from kb.serve.picture import Relation, draw
from kb.serve.spans import Span, mark
from kb.serve.titles import article_title
from kb.store.embedded import Store
from kb.store.terms import Term

__all__ = ["article_view"]

#: Every span in the article that belongs to a node: mentions, claims' contents and cues.
_SPANS = """
SELECT DISTINCT ?r ?x ?type ?label ?start ?end ?role ?holder ?holderLabel WHERE {
  ?m kb:inArticle ?r ; kb:start ?start ; kb:end ?end .
  { ?x kb:mention ?m BIND ("mention" AS ?role) }
  UNION { ?x kb:content ?m BIND ("content" AS ?role) }
  UNION { ?x kb:cue ?m BIND ("cue" AS ?role) }
  ?x a ?type .
  VALUES ?type { kb:Actor kb:Location kb:Event kb:Claim kb:Quantity }
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL {
    ?holder kb:quantity ?x . FILTER (?holder != ?r)
    OPTIONAL { ?holder rdfs:label ?holderLabel }
  }
} ORDER BY ?start ?end ?x"""
_SAID = """
SELECT DISTINCT ?r ?claim ?statement ?direct ?date ?kind ?who ?whoLabel ?cue ?at WHERE {
  ?r kb:mentions ?claim . ?claim a kb:Claim ; kb:statement ?statement .
  OPTIONAL { ?claim kb:directQuote ?direct }
  OPTIONAL { ?claim kb:date ?date }
  OPTIONAL { ?claim kb:attributionType ?kind }
  OPTIONAL { ?claim kb:claimant ?who OPTIONAL { ?who rdfs:label ?whoLabel } }
  OPTIONAL { ?claim kb:cue ?c . ?c kb:anchor ?cue }
  OPTIONAL { ?claim kb:mention ?m . ?m kb:start ?at }
} ORDER BY ?at ?claim"""
_CONFLICTS = """
SELECT DISTINCT ?r ?claim ?other WHERE {
  ?r kb:mentions ?claim . ?claim kb:conflictsWith ?other .
} ORDER BY ?claim ?other"""
_SIDE = """
SELECT ?r ?statement ?who ?whoLabel ?article ?headline ?opening WHERE {
  ?r kb:statement ?statement .
  OPTIONAL { ?r kb:claimant ?who OPTIONAL { ?who rdfs:label ?whoLabel } }
  OPTIONAL {
    ?article kb:mentions ?r .
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article schema:articleBody ?body BIND (SUBSTR(?body, 1, 300) AS ?opening) }
  }
} LIMIT 1"""
#: The links between the article's nodes that its picture draws.
_LINKS = """
SELECT DISTINCT ?r ?s ?p ?o WHERE {
  ?r kb:mentions ?s . ?s ?p ?o .
  VALUES ?p { kb:claimant kb:about kb:agent kb:participant kb:place kb:conflictsWith }
} ORDER BY ?s ?p ?o"""
_NODES = """
SELECT DISTINCT ?r ?x ?type ?label ?at WHERE {
  ?r kb:mentions ?x . ?x a ?type .
  VALUES ?type { kb:Actor kb:Location kb:Event kb:Claim }
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x kb:mention ?m . ?m kb:inArticle ?r ; kb:start ?at }
} ORDER BY ?at ?x"""

#: The page's name for each class, the most specific first.
_KINDS = {KB.Quantity: "figure", KB.Claim: "claim", KB.Event: "event"}
_KINDS.update({KB.Actor: "actor", KB.Location: "place"})


def article_view(store: Store, node: URIRef, body: str, limit: int) -> ArticleView:
    """What the article's page shows below its facts.

    :param limit: the most nodes drawn in each column of the picture.
    """
    names = v.names()
    return ArticleView(
        text=mark(body, _spans(store, node, names)),
        said=_said(store, node, names),
        conflicts=_conflicts(store, node, names),
        picture=_picture(store, node, names, limit),
    )


def _kind(types: set[Term]) -> str:
    return next((k for cls, k in _KINDS.items() if cls in types), "")


def _spans(store: Store, node: URIRef, names: NamespaceManager) -> list[Span]:
    records = v.rows(store.query(_SPANS, {"r": node}))
    types: dict[str, set[Term]] = {}
    for row in records:
        types.setdefault(str(row["x"]), set()).add(row["type"])
    spans = []
    for row in records:
        kind = _kind(types[str(row["x"])])
        if row["type"] != next(c for c, k in _KINDS.items() if k == kind):
            continue  # one row per node and span
        role = str(row["role"])
        if kind == "claim" and role == "cue":
            kind = "cue"
        elif kind == "claim" and role == "mention":
            continue  # a claim is marked at its content, inside the sentence
        target = row.get("holder") if kind == "figure" else None
        label = row.get("label") if target is None else row.get("holderLabel")
        link = v.link(target or row["x"], label, names)
        start, end = v.offset(row["start"]), v.offset(row["end"])
        spans.append(Span(start, end, kind, link))
    return spans


def _said(store: Store, node: URIRef, names: NamespaceManager) -> tuple[SaidItem, ...]:
    items: dict[str, SaidItem] = {}
    for row in v.rows(store.query(_SAID, {"r": node})):
        iri = str(row["claim"])
        if iri in items:
            continue
        who = row.get("who")
        items[iri] = SaidItem(
            iri=iri,
            claimant=v.link(who, row.get("whoLabel"), names) if who else None,
            statement=v.text(row.get("statement")),
            cue=v.text(row.get("cue")),
            direct=v.text(row.get("direct")) == "true",
            date=v.text(row.get("date")),
            kind=v.text(row.get("kind")),
        )
    return tuple(items.values())


def _conflicts(
    store: Store, node: URIRef, names: NamespaceManager
) -> tuple[tuple[ConflictSide, ConflictSide], ...]:
    pairs: list[tuple[str, str]] = []
    for row in v.rows(store.query(_CONFLICTS, {"r": node})):
        pair = (str(row["claim"]), str(row["other"]))
        if (pair[1], pair[0]) not in pairs:  # symmetric: each pair once
            pairs.append(pair)
    return tuple((_side(store, a, names), _side(store, b, names)) for a, b in pairs)


def _side(store: Store, claim: str, names: NamespaceManager) -> ConflictSide:
    node = URIRef(claim)
    found = v.rows(store.query(_SIDE, {"r": node}))
    row = found[0] if found else {}
    who, article = row.get("who"), row.get("article")
    title = article_title(
        v.text(row.get("headline")), v.text(row.get("opening")), str(article)
    )
    statement = v.text(row.get("statement"))
    return ConflictSide(
        claim=Link(statement or claim, claim),
        claimant=v.link(who, row.get("whoLabel"), names) if who else None,
        statement=statement,
        figures=tuple(v.quantities(store, node)),
        article=Link(title, str(article)) if article is not None else None,
    )


def _picture(
    store: Store, node: URIRef, names: NamespaceManager, limit: int
) -> Picture | None:
    records = v.rows(store.query(_NODES, {"r": node}))
    types: dict[str, set[Term]] = {}
    labels: dict[str, Term | None] = {}
    for row in records:
        types.setdefault(str(row["x"]), set()).add(row["type"])
        labels.setdefault(str(row["x"]), row.get("label"))
    nodes = {
        iri: (_kind(kinds), v.link(URIRef(iri), labels[iri], names))
        for iri, kinds in types.items()
    }
    relations = [
        Relation(str(row["s"]), str(row["o"]), v.curie(str(row["p"]), names))
        for row in v.rows(store.query(_LINKS, {"r": node}))
    ]
    return draw(list(nodes.values()), relations, limit)
