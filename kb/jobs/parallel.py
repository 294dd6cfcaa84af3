"""Parallel extraction for ``kb export --jobs N``: a process pool in which each worker
loads the NLP pipeline once and runs extract → map → validate on chunks of articles.

Workers send back only text (sorted N-Triples and the validation report), in input
order, so the output is byte-identical to a single-process run. Only a few chunks are
in flight at a time, so memory does not grow with the batch.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import TypeVar

from kb.jobs.forkserver import worker_context
from kb.models import Article
from kb.rdf.mapping import MappingOptions, map_article
from kb.rdf.validate import ValidateMode, check_validate_mode, validate_article
from kb.rdf.writers import Mapper
from kb.text.gazetteer import user_gazetteer

__all__ = [
    "CHUNK_SIZE",
    "Processed",
    "ordered_map",
    "process_parallel",
    "worker_mapper",
]

#: Articles per task: large enough to amortise pickling and let ``nlp.pipe`` batch,
#: small enough that both workers stay busy to the end of a batch.
CHUNK_SIZE = 4
#: Chunks sent ahead per worker: enough to keep every worker busy, few enough
#: that the articles waiting in the queue stay a handful.
AHEAD_PER_JOB = 3

Other = TypeVar("Other")
Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Processed:
    """One article's result, cheap to send between processes."""

    origin: str
    iri: str
    conforms: bool
    #: the formatted validation report when it does not conform; when it does, a
    #: warning that the validation engines disagreed, or ""
    report: str
    ntriples: str  # sorted N-Triples of the article's graph when it conforms


_STATE: dict[str, object] = {}


def _init_worker(
    model: str | None,
    mapping: MappingOptions,
    gazetteers: tuple[str, ...],
    validate: ValidateMode,
    candidate_filter: bool = False,
) -> None:
    ignore_interrupts()
    _STATE["candidate_filter"] = candidate_filter
    _STATE["model"] = model
    _STATE["mapping"] = mapping
    _STATE["gazetteers"] = gazetteers
    _STATE["validate"] = validate


def ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent says what it
    kept and ends the pool; a worker that took it too would print a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process_chunk(chunk: list[Article]) -> list[Processed]:
    # imported here: the parent, which only sends chunks, need not import spaCy
    # (0.8 s of its CPU); a worker has it from the server's preload
    from kb.extract import extract_many, load_pipeline
    from kb.extract.candidate_filter import chosen_filter

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
    validate = check_validate_mode(str(_STATE["validate"]))
    weights = chosen_filter(bool(_STATE.get("candidate_filter")))
    for extraction in extract_many(chunk, nlp, gaz=gaz, candidate_filter=weights):
        graph = map_article(extraction, mapping)
        report = validate_article(graph, validate)
        origin = extraction.article.origin
        if report.conforms:
            out.append(
                Processed(origin, graph.iri, True, report.warning, graph.ntriples)
            )
        else:
            out.append(Processed(origin, graph.iri, False, report.format(), ""))
    return out


def _chunks(
    items: Iterable[Article | Other], size: int
) -> Iterator[list[Article | Other]]:
    """Runs of items holding ``size`` articles each (the other items ride along)."""
    chunk: list[Article | Other] = []
    articles = 0
    for item in items:
        chunk.append(item)
        articles += isinstance(item, Article)
        if articles == size:
            yield chunk
            chunk, articles = [], 0
    if chunk:
        yield chunk


def process_parallel(
    items: Iterable[Article | Other],
    mapping: MappingOptions,
    model: str | None,
    jobs: int,
    gazetteers: tuple[str, ...] = (),
    *,
    validate: ValidateMode = "fast",
    candidate_filter: bool = False,
) -> Generator[Processed | Other, None, None]:
    """Extract, map and validate the articles among ``items`` in ``jobs`` worker
    processes; any other item is passed through in its place.

    Results come back in input order. Workers are forked from a forkserver that
    preloads the pipeline (:mod:`kb.jobs.preload`), so they share no state (or
    threads) with the caller and start with the pipeline loaded.

    :raises ExtractionError: when a worker cannot load the NLP pipeline.
    """
    chunks: deque[list[Article | Other]] = deque()

    def articles() -> Iterator[list[Article]]:
        for chunk in _chunks(items, CHUNK_SIZE):
            chunks.append(chunk)
            yield [item for item in chunk if isinstance(item, Article)]

    setup = (model, mapping, gazetteers, validate, candidate_filter)
    with worker_context().Pool(jobs, _init_worker, setup) as pool:
        done = ordered_map(pool, _process_chunk, articles(), jobs * AHEAD_PER_JOB)
        for results in done:
            yield from _in_order(chunks.popleft(), results)


def ordered_map(
    pool: Pool, function: Callable[[Item], Result], items: Iterable[Item], ahead: int
) -> Iterator[Result]:
    """``function`` over ``items`` in the pool's processes, the results in order;
    at most ``ahead`` items are sent before the oldest result is back, so the
    items in flight stay a handful however many there are."""
    pending: deque[AsyncResult[Result]] = deque()
    for item in items:
        pending.append(pool.apply_async(function, (item,)))
        if len(pending) >= ahead:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


@contextmanager
def worker_mapper(jobs: int) -> Iterator[Mapper]:
    """A :data:`~kb.rdf.writers.Mapper` that runs in ``jobs`` processes forked
    from the workers' server (which is running already after an extraction with
    workers), for :meth:`~kb.rdf.writers.GraphWriter.write`."""
    with worker_context().Pool(jobs, ignore_interrupts) as pool:

        def mapper(
            function: Callable[[bytes], bytes], texts: Iterable[bytes]
        ) -> Iterator[bytes]:
            return ordered_map(pool, function, texts, jobs * AHEAD_PER_JOB)

        yield mapper


def _in_order(
    chunk: list[Article | Other], results: list[Processed]
) -> Iterator[Processed | Other]:
    done = iter(results)
    for item in chunk:
        yield next(done) if isinstance(item, Article) else item
