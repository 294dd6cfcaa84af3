"""``kb export --format html``: a batch of articles as one self-contained HTML file,
drawn with the pages of ``kb serve`` (same page model, same templates): an index,
each article's annotated page, and a page for each actor, place and event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from kb.defaults import REPORT_FORMAT
from kb.jobs.export import BatchResult, ExportOptions, build_graphs
from kb.rdf.iris import check_base
from kb.rdf.output import check_writable, write_atomic_with
from kb.serve.describe import page_data
from kb.serve.page_model import Page
from kb.serve.pages import Pages, anchor
from kb.store.embedded import Store

__all__ = ["REPORT_FORMAT", "export_html", "render_report"]

#: The most claims, events and mentions listed on each page of a report.
REPORT_LIMIT = 200
_ENTITIES = """
SELECT DISTINCT ?x WHERE {
  ?a kb:mentions ?x .
  { ?x a kb:Actor } UNION { ?x a kb:Location } UNION { ?x a kb:Event }
} ORDER BY ?x"""


def render_report(store: Store, articles: list[str], base: str, title: str) -> str:
    """The report of ``articles`` (IRIs, in this order) from a store holding them."""
    pages = _pages(store, articles)
    entities = [str(r["x"]) for r in store.query(_ENTITIES).records()]
    others = _pages(store, entities)
    anchors = {p.iri: anchor(p.iri) for p in [*pages, *others]}
    for said in (s for p in pages if p.article for s in p.article.said):
        anchors[said.iri] = anchor(said.iri)  # a claim links to its table row
    view = Pages(check_base(base), "", "", "", 0, 0, anchors=anchors)
    others.sort(key=lambda p: (p.kind, p.label.casefold(), p.iri))
    return view.report(title, pages, others)


def _pages(store: Store, iris: list[str]) -> list[Page]:
    found = (page_data(store, iri, REPORT_LIMIT) for iri in iris)
    return [page for page in found if page is not None]


def export_html(
    inputs: Iterable[str | Path],
    target: str | Path | IO[bytes],
    options: ExportOptions,
    progress: Callable[[], None] | None = None,
    title: str = "newskb report",
) -> BatchResult:
    """Extract and validate articles as ``kb export`` does, and write the report of
    those that conform to ``target``: a path (written atomically, and left as it
    was when no article conforms) or a binary stream. The batch is held in memory.

    :raises UsageError: for a bad base IRI or time, or an unwritable path.
    :raises ExtractionError: when the NLP pipeline cannot be loaded.
    """
    if isinstance(target, (str, Path)):
        check_writable(target)  # before the batch's extraction, not after it
    result = BatchResult()
    with Store() as store:
        iris = []
        for graph in build_graphs(
            inputs, options, result.outcomes, progress, result.note
        ):
            store.add(graph.iri, graph.ntriples)
            iris.append(graph.iri)
        text = render_report(store, iris, options.base, title).encode("utf-8")
    if not isinstance(target, (str, Path)):
        target.write(text)
    elif result.written:
        write_atomic_with(target, lambda out: out.write(text))
    return result
