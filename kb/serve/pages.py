"""The HTML pages of ``kb serve``, rendered with Jinja2 templates that escape every
value: article text, labels and IRIs can never add markup or script."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from kb import __version__
from kb.rdf.namespaces import KB
from kb.rdf.resources import ontology_graph
from kb.serve.messages import ArticleItem
from kb.serve.page_model import Link, Page
from kb.serve.picture import BOX

__all__ = ["OntologyTerm", "Pages", "anchor"]

_ROLES = {"agent": "did it", "participant": "involved", "place": "where it happened"}
#: What each kind of mark in an article's text is called.
_MARKS = {
    "actor": "Actor",
    "place": "Place",
    "event": "Event",
    "figure": "Figure",
    "claim": "Claim",
    "cue": "Cue",
}
_EXAMPLE_QUERY = """SELECT ?name (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?claim a kb:Claim ; kb:claimant ?who .
  ?who rdfs:label ?name .
} GROUP BY ?name ORDER BY DESC(?claims) LIMIT 20"""


@dataclass(frozen=True)
class OntologyTerm:
    """One term of the ontology page."""

    name: str
    label: str
    definition: str


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("kb.serve", "templates"),
        autoescape=True,  # every template is HTML: escape everything by default
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class Pages:
    """Renders pages for a server whose instance IRIs start with ``base``."""

    def __init__(
        self,
        base: str,
        ontology_path: str,
        context_path: str,
        endpoint: str,
        timeout: float,
        limit: int,
        anchors: dict[str, str] | None = None,
    ) -> None:
        self.base = base
        self.ontology_path = ontology_path
        self.anchors = anchors
        self._common = {
            "version": __version__,
            "base": base,
            "ontology_path": ontology_path,
            "context_path": context_path,
            "endpoint": endpoint,
            "timeout": f"{timeout:g}",
            "limit": limit,
            "query": _EXAMPLE_QUERY,
            "href": self.href,
            "anchor": anchor,
            "roles": _ROLES,
            "kinds": _MARKS,
            "box": BOX,
            "offline": anchors is not None,
        }

    def href(self, iri: str) -> str:
        """Where a link to ``iri`` points: a local path for IRIs this server
        resolves, the IRI for other http(s) IRIs, and nothing (no link) for any
        other scheme, such as ``javascript:``. In a report (``anchors`` given), IRIs
        the report holds point at their section, other instance IRIs nowhere."""
        if self.anchors is not None and iri.startswith(self.base):
            return f"#{self.anchors[iri]}" if iri in self.anchors else ""
        if self.anchors is not None and iri.startswith(str(KB._NS)):
            return iri
        if iri.startswith(self.base):
            parts = urlsplit(iri)
            return parts.path + (f"?{parts.query}" if parts.query else "")
        if iri.startswith(str(KB._NS)):
            return f"{self.ontology_path}#{iri[len(str(KB._NS)) :]}"
        if urlsplit(iri).scheme in ("http", "https"):
            return iri
        return ""

    def _render(self, template: str, **values: Any) -> str:
        return _environment().get_template(template).render({**self._common, **values})

    def resource(self, page: Page) -> str:
        """The page of one actor, event, claim, article or other node."""
        return self._render("resource.html", page=page)

    def report(self, title: str, articles: list[Page], entities: list[Page]) -> str:
        """One self-contained document: an index, each article's page and each
        entity's page, linked by anchors; the stylesheet inline, nothing fetched."""
        return self._render(
            "report.html", title=title, articles=articles, entities=entities
        )

    def index(
        self, articles: tuple[ArticleItem, ...], total: int, truncated: bool
    ) -> str:
        """The home page: the articles and a query form."""
        return self._render(
            "index.html", articles=articles, total=total, truncated=truncated
        )

    def query_form(self) -> str:
        """The SPARQL endpoint's page, for a browser that gave no query."""
        return self._render("sparql.html")

    def results(self, body: bytes, fmt: str, truncated: bool, query: str) -> str:
        """Query results as an HTML table, from SPARQL JSON (or Turtle for graphs)."""
        if fmt == "ttl":
            return self._render(
                "results.html",
                turtle=body.decode("utf-8"),
                boolean=None,
                rows=[],
                variables=[],
                truncated=truncated,
                query=query,
            )
        document = json.loads(body)
        variables = document.get("head", {}).get("vars", [])
        rows = [
            [_cell(binding.get(v)) for v in variables]
            for binding in document.get("results", {}).get("bindings", [])
        ]
        return self._render(
            "results.html",
            turtle="",
            boolean=document.get("boolean"),
            rows=rows,
            variables=variables,
            truncated=truncated,
            query=query,
        )

    def ontology(self) -> str:
        """The ontology's terms, grouped, each with an anchor of its local name."""
        graph = ontology_graph()
        iri = str(KB._NS).rstrip("#")
        header = URIRef(iri)
        groups = [
            ("Classes", _terms(OWL.Class)),
            ("Object properties", _terms(OWL.ObjectProperty)),
            ("Datatype properties", _terms(OWL.DatatypeProperty)),
            ("Event types", _terms(KB.EventType)),
        ]
        title = graph.value(header, URIRef("http://purl.org/dc/terms/title"))
        description = graph.value(
            header, URIRef("http://purl.org/dc/terms/description")
        )
        return self._render(
            "ontology.html",
            title=str(title or "newskb ontology"),
            description=str(description or ""),
            iri=iri,
            groups=[g for g in groups if g[1]],
        )

    def error(self, status: int, title: str, message: str) -> str:
        """An error page."""
        return self._render("error.html", status=status, title=title, message=message)


def anchor(iri: str) -> str:
    """An HTML id for a node: its IRI's path in letters, digits and dashes.

    >>> anchor("https://w3id.org/newskb/id/person/maria-okafor")
    'n-newskb-id-person-maria-okafor'
    """
    return "n-" + re.sub(r"[^A-Za-z0-9]+", "-", urlsplit(iri).path).strip("-")


def _cell(binding: dict[str, str] | None) -> Link | None:
    if binding is None:
        return None
    if binding.get("type") == "uri":
        return Link(binding["value"], binding["value"])
    return Link(binding.get("value", ""))


def _terms(kind: URIRef) -> list[OntologyTerm]:
    graph = ontology_graph()
    namespace = str(KB._NS)
    out = []
    for term in graph.subjects(RDF.type, kind):
        if not str(term).startswith(namespace):
            continue
        label = graph.value(term, RDFS.label) or graph.value(term, SKOS.prefLabel)
        definition = graph.value(term, SKOS.definition)
        out.append(
            OntologyTerm(
                str(term)[len(namespace) :], str(label or ""), str(definition or "")
            )
        )
    return sorted(out, key=lambda t: t.name)


def stylesheet() -> bytes:
    """The one stylesheet the pages use."""
    loader = _environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(_environment(), "kb.css")
    return source.encode("utf-8")
