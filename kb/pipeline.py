"""The export job: read → extract → map → validate, one article at a time, then
serialise whatever conforms. Problems with one article never stop the batch."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from rdflib import Graph, URIRef

from kb.errors import InputError, UsageError
from kb.export import serialize
from kb.extract import extract_many, load_pipeline
from kb.ingest import iter_articles
from kb.iris import DEFAULT_BASE, article_iri, check_base
from kb.mapping import MappingOptions, to_graph
from kb.models import Article
from kb.validate import validate_graph

__all__ = [
    "ArticleOutcome",
    "ExportOptions",
    "ExportResult",
    "export",
    "fixed_time_from_env",
]

FIXED_TIME_ENV = "KB_FIXED_TIME"

Status = Literal["written", "skipped", "failed", "invalid"]


@dataclass(frozen=True)
class ExportOptions:
    """What to produce: format, IRI base, provenance time and NLP pipeline."""

    fmt: str = "ttl"
    base: str = DEFAULT_BASE
    generated_at: datetime | None = None
    model: str | None = None


@dataclass(frozen=True)
class ArticleOutcome:
    """What happened to one input article (or one unreadable input)."""

    origin: str
    status: Status
    reason: str = ""


@dataclass
class ExportResult:
    """The serialised RDF of every article that conformed, and every outcome."""

    text: str
    outcomes: list[ArticleOutcome] = field(default_factory=list)

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


def fixed_time_from_env() -> datetime | None:
    """``$KB_FIXED_TIME`` (ISO 8601) or ``$SOURCE_DATE_EPOCH`` pins provenance time.

    :raises UsageError: when the variable is set but unreadable.
    """
    raw = os.environ.get(FIXED_TIME_ENV)
    if raw:
        return parse_time(raw)
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


def _english(article: Article) -> bool:
    return not article.language or article.language.lower().split("-")[0] == "en"


def _readable(
    inputs: Iterable[str | Path], outcomes: list[ArticleOutcome]
) -> Iterator[Article]:
    """Articles to process; bad inputs, duplicates and unsupported languages are noted."""
    seen: dict[str, str] = {}
    for item in iter_articles(inputs):
        if isinstance(item, InputError):
            outcomes.append(ArticleOutcome(_origin_of(item), "failed", str(item)))
            continue
        if not _english(item):
            outcomes.append(
                ArticleOutcome(
                    item.origin,
                    "failed",
                    (
                        f"{item.origin}: language {item.language!r} is not supported; "
                        "extraction supports English ('en') only"
                    ),
                )
            )
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


def _origin_of(error: InputError) -> str:
    return str(error).split(": ", 1)[0]


def build_graphs(
    inputs: Iterable[str | Path],
    options: ExportOptions,
    outcomes: list[ArticleOutcome],
    progress: Callable[[], None] | None = None,
) -> Iterator[tuple[URIRef, Graph]]:
    """Yield ``(article IRI, graph)`` for every article whose graph conforms."""
    base = check_base(options.base)
    mapping = MappingOptions(base, options.generated_at or datetime.now(UTC))
    nlp = load_pipeline(options.model)
    for extraction in extract_many(_readable(inputs, outcomes), nlp):
        origin = extraction.article.origin
        graph = to_graph(extraction, mapping)
        report = validate_graph(graph)
        if progress is not None:
            progress()
        if not report.conforms:
            outcomes.append(ArticleOutcome(origin, "invalid", report.format()))
            continue
        outcomes.append(ArticleOutcome(origin, "written"))
        yield article_iri(extraction.article, base), graph


def export(
    inputs: Iterable[str | Path],
    options: ExportOptions | None = None,
    progress: Callable[[], None] | None = None,
) -> ExportResult:
    """Export articles to one RDF document.

    :param inputs: files, directories, or ``"-"`` for standard input.
    :raises UsageError: for a bad base IRI, time or format.
    :raises ExtractionError: when the NLP pipeline cannot be loaded.
    """
    options = options or ExportOptions()
    outcomes: list[ArticleOutcome] = []
    graphs = list(build_graphs(inputs, options, outcomes, progress))
    return ExportResult(serialize(graphs, options.fmt), outcomes)
