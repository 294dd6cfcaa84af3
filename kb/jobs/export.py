"""The export job: read → extract → map → validate, one article at a time, then
serialise whatever conforms. Problems with one article never stop the batch, and
nothing grows with the batch but the (disk-backed) sorted output."""

from __future__ import annotations

import gc
import io
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from kb.defaults import FILTER_DEFAULT
from kb.errors import InputError, UsageError
from kb.ingest.language import detect_language, is_english_tag
from kb.ingest.sources import estimate_articles, iter_articles
from kb.jobs.cores import Decision, choose, cpu_sample, setting_from_env, usable_cores
from kb.models import Article, ArticleGraph
from kb.rdf.iris import DEFAULT_BASE, article_iri, check_base
from kb.rdf.mapping import MappingOptions, map_article
from kb.rdf.output import check_writable, write_atomic_with
from kb.rdf.validate import ValidateMode, check_validate_mode, validate_article
from kb.rdf.validation_report import ValidationReport
from kb.rdf.writers import GraphWriter, Mapper
from kb.store.bulk import OPTIMIZE_AFTER_TRIPLES
from kb.store.embedded import Store, Written
from kb.text.gazetteer import Gazetteer, load_user_gazetteer, user_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

    from kb.extract.candidate_filter import FilterModel

__all__ = [
    "AddResult",
    "ArticleOutcome",
    "BatchResult",
    "ExportOptions",
    "ExportResult",
    "add",
    "conforming_graphs",
    "export",
    "export_to",
    "fixed_time_from_env",
]

FIXED_TIME_ENV = "KB_FIXED_TIME"
#: ``kb add`` writes a transaction when this many triples are waiting: big enough
#: to amortise a commit, small enough that a crash loses little work.
ADD_BATCH_TRIPLES = 20_000
#: ... or when the oldest waiting article was extracted this long ago.
ADD_BATCH_SECONDS = 1.0
#: ``kb add --bulk`` hands the bulk loader this many triples at a time: each call
#: writes new files, so fewer, larger calls load faster and leave fewer to compact.
BULK_BATCH_TRIPLES = 200_000

Status = Literal["written", "skipped", "failed", "invalid"]


@dataclass(frozen=True)
class ExportOptions:
    """What to produce: format, IRI base, provenance time and NLP pipeline."""

    fmt: str = "ttl"
    #: a JSON-LD frame ("article": one nested object per article), or None
    frame: str | None = None
    base: str = DEFAULT_BASE
    generated_at: datetime | None = None
    model: str | None = None
    #: worker processes for extraction; 1 runs in this process (see parse_ahead),
    #: None picks (auto)
    jobs: int | None = 1
    #: with one process, spaCy's trained components in a helper beside it
    #: (kb.extract.parse_ahead): True, False, or None ($KB_PARSE_AHEAD, else when
    #: a core is idle for the helper)
    parse_ahead: bool | None = None
    #: user gazetteers (CSV or Turtle of names → IRIs) that extend linking
    gazetteers: tuple[str, ...] = ()
    #: "fast": compiled shape checks, SHACL audits a sample; "full": SHACL decides
    #: (see :func:`kb.rdf.validate.validate_article`)
    validate: ValidateMode = "fast"
    #: drop the candidates the learned filter judges wrong (kb.extract.candidate_filter)
    candidate_filter: bool = FILTER_DEFAULT


@dataclass(frozen=True)
class ArticleOutcome:
    """What happened to one input article (or one unreadable input)."""

    origin: str
    status: Status
    reason: str = ""


@dataclass
class BatchResult:
    """What happened to every input of a batch, and the exit code it makes."""

    outcomes: list[ArticleOutcome] = field(default_factory=list)
    #: how extraction ran (in workers, in this process, parsing ahead) and why
    extraction: Decision | None = None

    def note(self, decision: Decision) -> None:
        self.extraction = decision

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def written(self) -> int:
        """How many articles the text holds; 0 means there is nothing to write."""
        return self.count("written")

    @property
    def exit_code(self) -> int:
        """0 ok; 2 when any input was bad; else 1 when any article did not conform."""
        if self.count("failed"):
            return 2
        return 1 if self.count("invalid") else 0

    def summary(self) -> str:
        parts = [f"{self.count('written')} written"]
        for status in ("skipped", "failed", "invalid"):
            n = self.count(status)
            if n:
                parts.append(
                    f"{n} {'did not conform' if status == 'invalid' else status}"
                )
        return ", ".join(parts)


@dataclass
class ExportResult(BatchResult):
    """The serialised RDF of every article that conformed, and every outcome."""

    text: str = ""


@dataclass
class AddResult(BatchResult):
    """How many triples ``kb add`` stored, and every outcome."""

    triples: int = 0
    unchanged: int = 0

    def record(self, written: Written) -> None:
        self.triples += written.triples
        self.unchanged += written.unchanged

    def summary(self) -> str:
        # "written" counts articles that conformed; those already stored as they
        # are were not written again
        rest = super().summary().removeprefix(f"{self.written} written")
        stored = f"{self.written - self.unchanged} written"
        same = f", {self.unchanged} unchanged" if self.unchanged else ""
        return f"{stored}{same}{rest}; {self.triples} triples written"


def fixed_time_from_env() -> datetime | None:
    """``$KB_FIXED_TIME`` (ISO 8601) or ``$SOURCE_DATE_EPOCH`` pins provenance time.

    :raises UsageError: when the variable is set but unreadable.
    """
    raw = os.environ.get(FIXED_TIME_ENV)
    if raw:
        try:
            return parse_time(raw)
        except UsageError as exc:  # set long ago, perhaps: say where it comes from
            raise UsageError(f"${FIXED_TIME_ENV}: {exc}; fix or unset it") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except ValueError as exc:
            raise UsageError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number"
            ) from exc
    return None


def parse_time(raw: str) -> datetime:
    """An ISO 8601 date-time; a time without zone is taken as UTC.

    >>> parse_time("2026-01-01T00:00:00Z").isoformat()
    '2026-01-01T00:00:00+00:00'
    """
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UsageError(
            f"{raw!r} is not an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _language_problem(article: Article) -> str | None:
    """Why the article is not English, from its metadata or else its text; or None."""
    if article.language:
        if is_english_tag(article.language):
            return None
        return f"{article.origin}: language {article.language!r} is not supported"
    detected = detect_language(article.text)
    if detected is None:
        return None
    return (
        f"{article.origin}: the text looks like language {detected!r}, not English "
        "(no language was given)"
    )


def _readable(
    inputs: Iterable[str | Path], outcomes: list[ArticleOutcome]
) -> Iterator[Article]:
    """Articles to process; bad inputs, duplicates and unsupported languages are noted."""
    seen: dict[str, str] = {}
    for item in iter_articles(inputs):
        if isinstance(item, InputError):
            outcomes.append(ArticleOutcome(item.origin, "failed", str(item)))
            continue
        problem = _language_problem(item)
        if problem:
            reason = f"{problem}; extraction supports English ('en') only"
            outcomes.append(ArticleOutcome(item.origin, "failed", reason))
            continue
        key = str(article_iri(item))
        if key in seen:
            outcomes.append(
                ArticleOutcome(
                    item.origin,
                    "skipped",
                    f"{item.origin}: same article as {seen[key]}",
                )
            )
            continue
        seen[key] = item.origin
        yield item


#: ``--jobs auto`` starts workers only for this many articles or more: a worker
#: loads its own NLP pipeline (seconds), which a small batch does not repay.
AUTO_JOBS_MIN_ARTICLES = 12
#: and at most this many, whatever the machine.
AUTO_JOBS_MAX = 8


def auto_jobs(inputs: list[str | Path]) -> int:
    """The worker processes for ``--jobs auto``: one per usable core for a batch of
    at least :data:`AUTO_JOBS_MIN_ARTICLES` articles (JSONL records count one by
    one), else 1; standard input always runs in this process."""
    if any(str(entry) == "-" for entry in inputs):
        return 1
    if estimate_articles(inputs) < AUTO_JOBS_MIN_ARTICLES:
        return 1
    return auto_workers()


def auto_workers() -> int:
    """One worker per usable core, at most :data:`AUTO_JOBS_MAX`."""
    return max(1, min(usable_cores(), AUTO_JOBS_MAX))


def build_graphs(
    inputs: Iterable[str | Path],
    options: ExportOptions,
    outcomes: list[ArticleOutcome],
    progress: Callable[[], None] | None = None,
    noted: Callable[[Decision], None] | None = None,
) -> Iterator[ArticleGraph]:
    """Yield the graph of every article that conforms, in input order; ``noted``
    hears how extraction runs (see :func:`kb.jobs.cores.decide`) before it starts."""
    since = cpu_sample()  # idle CPU is measured while the pipeline loads
    base = check_base(options.base)
    options = replace(options, validate=check_validate_mode(options.validate))
    mapping = MappingOptions(base, options.generated_at or datetime.now(UTC))
    if options.jobs is None:
        inputs = list(inputs)
        options = replace(options, jobs=auto_jobs(inputs))
    if options.jobs is not None and options.jobs > 1:
        if noted is not None:
            text = f"extraction runs in {options.jobs} processes"
            noted(Decision(False, text, workers=options.jobs))
        yield from _parallel_graphs(inputs, options, mapping, outcomes, progress)
        return
    if options.parse_ahead is None:
        # read before the model loads, so that a bad value is refused at once
        options = replace(options, parse_ahead=setting_from_env())
    gaz = user_gazetteer(options.gazetteers)
    # imported here: spaCy takes half a second to import, and kb query, stats and
    # serve load this module without extracting anything
    from kb.extract import load_pipeline
    from kb.extract.candidate_filter import chosen_filter

    nlp = load_pipeline(options.model)
    weights = chosen_filter(options.candidate_filter)
    keep_loaded()
    decision = choose(options.parse_ahead, since)
    if noted is not None:
        noted(decision)
    yield from conforming_graphs(
        inputs,
        nlp,
        gaz,
        mapping,
        outcomes,
        progress,
        validate=options.validate,
        parse_ahead=decision.ahead,
        candidate_filter=weights,
    )


def keep_loaded() -> None:
    """Move every object alive now, the NLP pipeline and the gazetteer among them,
    out of the cyclic garbage collector's reach for good (:func:`gc.freeze`). They
    live as long as the process, yet each full collection would walk them again:
    about 5% of an export's time on the bench corpus. A helper forked later inherits
    them frozen, which also spares their memory pages the collector's writes. No
    collection first: a full one costs more than the little garbage it would free."""
    gc.freeze()


#: Articles mapped ahead of the oldest one still being validated. Validation runs
#: in a thread: the compiled checks take a few milliseconds, and rudof (the audit,
#: ``--validate full``) releases the GIL, so it checks one article on another core
#: while spaCy parses the next ones here.
VALIDATION_AHEAD = 8

_Pending = tuple[int, ArticleGraph, Future[ValidationReport]]


def conforming_graphs(
    inputs: Iterable[str | Path],
    nlp: Language,
    gaz: Gazetteer | None,
    mapping: MappingOptions,
    outcomes: list[ArticleOutcome],
    progress: Callable[[], None] | None = None,
    *,
    validate: ValidateMode = "fast",
    parse_ahead: bool = False,
    candidate_filter: FilterModel | None = None,
) -> Iterator[ArticleGraph]:
    """Read, extract (with ``nlp.pipe``), map and validate ``inputs`` in this process
    with a loaded pipeline; yield each conforming graph, in input order, and note
    every outcome (in input order too). ``validate``: see
    :func:`kb.rdf.validate.validate_article`. ``parse_ahead``: spaCy's trained
    components parse in a helper process meanwhile (see
    :func:`kb.extract.extract_many`); the graphs and outcomes are the same.
    ``candidate_filter``: the learned filter's weights, or None to keep all."""
    from kb.extract import extract_many

    pending: deque[_Pending] = deque()
    # each article's outcome has its place where it was read, among the bad inputs
    # read around it (nlp.pipe reads ahead, and keeps the order); "written" until
    # its verdict says not
    places: deque[int] = deque()

    def articles() -> Iterator[Article]:
        for article in _readable(inputs, outcomes):
            outcomes.append(ArticleOutcome(article.origin, "written"))
            places.append(len(outcomes) - 1)
            yield article

    extractions = extract_many(
        articles(),
        nlp,
        gaz=gaz,
        parse_ahead=parse_ahead,
        candidate_filter=candidate_filter,
    )
    # closing: a helper process that parses ahead stops when the caller stops reading
    with (
        closing(extractions),
        ThreadPoolExecutor(1, thread_name_prefix="kb-validate") as pool,
    ):
        for extraction in extractions:
            at = places.popleft()
            graph = map_article(extraction, mapping)
            checked = pool.submit(validate_article, graph, validate)
            pending.append((at, graph, checked))
            while pending and (len(pending) > VALIDATION_AHEAD or pending[0][2].done()):
                yield from _settled(pending.popleft(), outcomes, progress)
        while pending:
            yield from _settled(pending.popleft(), outcomes, progress)


def _settled(
    item: _Pending,
    outcomes: list[ArticleOutcome],
    progress: Callable[[], None] | None,
) -> Iterator[ArticleGraph]:
    """The graph, once its validation is done, if it conforms."""
    at, graph, checked = item
    report = checked.result()
    if progress is not None:
        progress()
    if report.conforms:
        if report.warning:  # the engines disagreed: say so beside the article
            outcomes[at] = ArticleOutcome(
                outcomes[at].origin, "written", report.warning
            )
        yield graph
    else:
        outcomes[at] = ArticleOutcome(outcomes[at].origin, "invalid", report.format())


def _parallel_graphs(
    inputs: Iterable[str | Path],
    options: ExportOptions,
    mapping: MappingOptions,
    outcomes: list[ArticleOutcome],
    progress: Callable[[], None] | None,
) -> Iterator[ArticleGraph]:
    """:func:`build_graphs` over ``options.jobs`` processes, with the same results."""
    from kb.jobs.parallel import Processed, process_parallel

    for path in options.gazetteers:  # a bad file fails here, not in a worker
        load_user_gazetteer(path)
    # each bad input's outcome is noted where it sat among the articles, so the
    # outcomes come out in the same order as in one process
    noted: list[ArticleOutcome] = []

    def items() -> Iterator[Article | ArticleOutcome]:
        for article in _readable(inputs, noted):
            yield from noted
            noted.clear()
            yield article
        yield from noted

    results = process_parallel(
        items(),
        mapping,
        options.model,
        options.jobs or 1,
        options.gazetteers,
        validate=options.validate,
        candidate_filter=options.candidate_filter,
    )
    try:
        for done in results:
            if isinstance(done, ArticleOutcome):
                outcomes.append(done)
                continue
            assert isinstance(done, Processed)
            if progress is not None:
                progress()
            if not done.conforms:
                outcomes.append(ArticleOutcome(done.origin, "invalid", done.report))
                continue
            # a conforming article's report is empty, or the engines' disagreement
            outcomes.append(ArticleOutcome(done.origin, "written", done.report))
            yield ArticleGraph(done.iri, done.ntriples)
    finally:
        results.close()  # stops the worker pool now, not at garbage collection


def export(
    inputs: Iterable[str | Path],
    options: ExportOptions | None = None,
    progress: Callable[[], None] | None = None,
) -> ExportResult:
    """Export articles to one RDF document, returned as text.

    :param inputs: files, directories, fsspec URLs, or ``"-"`` for standard input.
    :raises UsageError: for a bad base IRI, time or format.
    :raises ExtractionError: when the NLP pipeline cannot be loaded.
    """
    options = options or ExportOptions()
    result = ExportResult()
    with GraphWriter(options.fmt, frame=options.frame) as writer:
        for graph in build_graphs(
            inputs, options, result.outcomes, progress, result.note
        ):
            writer.add(graph)
        buffer = io.BytesIO()
        with _mapper(options.fmt, result.extraction) as mapper:
            writer.write(buffer, mapper)
        result.text = buffer.getvalue().decode("utf-8")
        return result


def export_to(
    inputs: Iterable[str | Path],
    target: str | Path | IO[bytes],
    options: ExportOptions | None = None,
    progress: Callable[[], None] | None = None,
) -> BatchResult:
    """Export articles to one RDF document written to ``target``, a path (written
    atomically, and left as it was when no article conforms) or a binary stream.
    Memory stays flat however many articles there are (JSON-LD excepted).

    :raises UsageError: for a bad base IRI, time or format, or an unwritable path.
    :raises ExtractionError: when the NLP pipeline cannot be loaded.
    """
    options = options or ExportOptions()
    if isinstance(target, (str, Path)):
        check_writable(target)  # before the batch's extraction, not after it
    result = BatchResult()
    with GraphWriter(options.fmt, frame=options.frame) as writer:
        for graph in build_graphs(
            inputs, options, result.outcomes, progress, result.note
        ):
            writer.add(graph)
        with _mapper(options.fmt, result.extraction) as mapper:
            if not isinstance(target, (str, Path)):
                writer.write(target, mapper)
            elif result.written:
                write_atomic_with(target, lambda out: writer.write(out, mapper))
    return result


@contextmanager
def _mapper(fmt: str, extraction: Decision | None) -> Iterator[Mapper]:
    """Where the writer runs the Turtle writer: in as many processes as extraction
    ran in (forked afresh: the extraction workers are done by then), so that
    the batch's serial tail is shorter; or here."""
    if fmt != "ttl" or extraction is None or extraction.workers < 2:
        yield map
        return
    from kb.jobs.parallel import worker_mapper

    with worker_mapper(extraction.workers) as mapper:
        yield mapper


def add(
    inputs: Iterable[str | Path],
    store: Store,
    options: ExportOptions | None = None,
    progress: Callable[[], None] | None = None,
    *,
    bulk: bool = False,
) -> AddResult:
    """Extract, validate and store articles, each in its own named graph. Graphs
    are written in batches, one transaction per batch, so a crash never leaves half
    an article, and re-adding an article replaces it (re-running is idempotent).

    :param bulk: write through the bulk loader (:meth:`Store.add_bulk`): faster,
        but a batch is not one transaction; the store is compacted after a large
        load.
    :raises StoreError: when the store cannot be written.
    """
    options = options or ExportOptions()
    result = AddResult()
    write = store.add_bulk if bulk else store.add_many
    limit = BULK_BATCH_TRIPLES if bulk else ADD_BATCH_TRIPLES
    batch: list[tuple[str, str]] = []
    waiting, since = 0, time.monotonic()
    for graph in build_graphs(inputs, options, result.outcomes, progress, result.note):
        batch.append((graph.iri, graph.ntriples))
        waiting += len(graph)  # triples
        if waiting >= limit or (
            not bulk and time.monotonic() - since >= ADD_BATCH_SECONDS
        ):
            result.record(write(batch))
            batch, waiting, since = [], 0, time.monotonic()
    if batch:  # nothing to write leaves the store as it was (no write is prepared)
        result.record(write(batch))
    if bulk and result.triples >= OPTIMIZE_AFTER_TRIPLES:
        store.optimize()
    return result
