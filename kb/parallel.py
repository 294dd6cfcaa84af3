"""Parallel extraction for ``kb export --jobs N``: a process pool in which each worker
loads the NLP pipeline once and runs extract → map → validate on chunks of articles.

Workers send back only text (sorted N-Triples and the validation report), in input
order, so the output is byte-identical to a single-process run.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from rdflib import Graph, URIRef

from kb.export import ntriples_lines
from kb.extract import extract_many, load_pipeline
from kb.gazetteer import user_gazetteer
from kb.iris import article_iri
from kb.mapping import MappingOptions, to_graph
from kb.models import Article
from kb.validate import validate_graph

__all__ = ["CHUNK_SIZE", "Processed", "graph_of", "process_parallel"]

#: Articles per task: large enough to amortise pickling and let ``nlp.pipe`` batch,
#: small enough that both workers stay busy to the end of a batch.
CHUNK_SIZE = 8


@dataclass(frozen=True)
class Processed:
    """One article's result, cheap to send between processes."""

    origin: str
    iri: str
    conforms: bool
    report: str  # the formatted validation report when it does not conform
    ntriples: str  # sorted N-Triples of the article's graph when it conforms


_STATE: dict[str, object] = {}


def _init_worker(
    model: str | None, mapping: MappingOptions, gazetteers: tuple[str, ...]
) -> None:
    _STATE["model"] = model
    _STATE["mapping"] = mapping
    _STATE["gazetteers"] = gazetteers


def _process_chunk(chunk: list[Article]) -> list[Processed]:
    mapping = _STATE["mapping"]
    assert isinstance(mapping, MappingOptions)
    # loaded here, not in the initializer: a Pool restarts a worker whose
    # initializer raises, forever; an error here reaches the caller instead
    model = _STATE["model"]
    assert model is None or isinstance(model, str)
    nlp = load_pipeline(model)
    out = []
    gazetteers = _STATE["gazetteers"]
    assert isinstance(gazetteers, tuple)
    gaz = user_gazetteer(gazetteers)
    for extraction in extract_many(chunk, nlp, gaz=gaz):
        graph = to_graph(extraction, mapping)
        report = validate_graph(graph)
        iri = str(article_iri(extraction.article, mapping.base))
        origin = extraction.article.origin
        if report.conforms:
            out.append(Processed(origin, iri, True, "", "".join(ntriples_lines(graph))))
        else:
            out.append(Processed(origin, iri, False, report.format(), ""))
    return out


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def process_parallel(
    articles: Iterable[Article],
    mapping: MappingOptions,
    model: str | None,
    jobs: int,
    gazetteers: tuple[str, ...] = (),
) -> Generator[Processed, None, None]:
    """Extract, map and validate ``articles`` in ``jobs`` worker processes.

    Results come back in input order. Workers are started with ``spawn``, so they
    share no state (or threads) with the caller; each loads the pipeline once.

    :raises ExtractionError: when a worker cannot load the NLP pipeline.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, _init_worker, (model, mapping, gazetteers)) as pool:
        for results in pool.imap(_process_chunk, _chunks(articles, CHUNK_SIZE)):
            yield from results


def graph_of(processed: Processed) -> tuple[URIRef, Graph]:
    """The article IRI and graph that a conforming :class:`Processed` carries."""
    graph = Graph().parse(data=processed.ntriples, format="nt")
    return URIRef(processed.iri), graph
