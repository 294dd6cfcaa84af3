"""Score extraction on a folder in the project's gold format, article by article,
and add the figures up exactly as the dev scorer does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph

from kb.evaluate.dev import KindResult, score_found, unmatched
from kb.evaluate.gold import KINDS, GoldArticle, read_gold_set
from kb.evaluate.graph import Found, read_graph
from kb.evaluate.names import number_in
from kb.evaluate.score import Counts, Ratio, prf

__all__ = ["DevReport", "Progress", "counting", "evaluate_gold_set"]

#: given how many documents a run scores, a context that gives a callable to call
#: after each one (the CLI's progress bar), or None to show nothing
Progress = Callable[[int], AbstractContextManager[Callable[[], None] | None]]

RATIOS = (
    "attribution",
    "event_place",
    "event_date",
    "event_participants",
    "numbers",
    "dates",
    "mentions_ok",
    "nodes_with_mention",
)


@dataclass
class DevReport:
    """The dev metric over a set: counts per kind, ratios, each article's row (as
    the dev scorer gives them) and what matched no gold."""

    folder: Path
    articles: int = 0
    totals: dict[str, Counts] = field(
        default_factory=lambda: {k: Counts() for k in KINDS}
    )
    ratios: dict[str, Ratio] = field(
        default_factory=lambda: {k: Ratio() for k in RATIOS}
    )
    failures: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: article -> claims and events that match no gold, numbers and dates missed
    unmatched: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    #: article -> why some misses may not be extraction's: its date as read
    notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def overall_f1(self) -> float:
        """The mean of the kinds' F1, each rounded to three places first."""
        return round(
            sum(c.scores()["f1"] for c in self.totals.values()) / len(KINDS), 3
        )

    def add_failure(self, article: GoldArticle, reason: str) -> None:
        self.failures.append(f"{article.name}: {reason}")
        for kind in KINDS:
            self.totals[kind].add(fn=article.required(kind))
        self.rows.append({"article": article.name, "error": reason})

    def add(self, article: GoldArticle, found: Found) -> None:
        results = score_found(found, article.gold)
        row: dict[str, Any] = {"article": article.name}
        for kind, r in results.items():
            self.totals[kind].add(r.tp, r.fp, r.fn)
            row[kind] = _row(kind, r)
        self._add_ratios(article, found, results)
        self.rows.append(row)
        self.unmatched[article.name] = unmatched(found, article.gold)
        self.unmatched[article.name]["event_details_missed"] = results["events"].wrong
        note = _published_note(article.gold.get("published"), found.published)
        if note:
            self.notes[article.name] = [note]

    def _add_ratios(
        self, article: GoldArticle, found: Found, results: dict[str, KindResult]
    ) -> None:
        claims = article.required("claims")
        self.ratios["attribution"].add(
            results["claims"].detail["attribution"] * claims, claims
        )
        for k, (hit, total) in results["events"].detail.items():
            self.ratios[k].add(hit, total)
        numbers = article.gold.get("numbers", [])
        self.ratios["numbers"].add(
            sum(1 for n in numbers if number_in(found.numbers, n)), len(numbers)
        )
        dates = article.gold.get("dates", [])
        self.ratios["dates"].add(
            sum(1 for d in dates if any(x.startswith(d) for x in found.dates)),
            len(dates),
        )
        self.ratios["mentions_ok"].add(found.mentions_ok, found.mentions_total)
        self.ratios["nodes_with_mention"].add(
            found.nodes_with_mention, found.nodes_total
        )

    def as_json(self) -> dict[str, Any]:
        """The dev scorer's JSON object, and ``unmatched``."""
        detail = {k: c.scores() for k, c in self.totals.items()}
        return {
            "set": str(self.folder),
            "articles": self.articles,
            "failed": self.failures,
            "f1": {k: detail[k]["f1"] for k in KINDS},
            "detail": detail,
            "ratios": {k: r.value() for k, r in self.ratios.items()},
            "overall_f1": self.overall_f1,
            "per_article": self.rows,
            "unmatched": self.unmatched,
            "notes": self.notes,
        }


def _published_note(gold: str | None, found: list[str]) -> str | None:
    """Why the gold's dates may be missed: the article, as kb read it, is not
    dated as the gold says, and relative dates resolve against its own date.

    >>> _published_note("2026-10-05", ["2026-10-05T08:00:00Z"]) is None
    True
    >>> print(_published_note("2026-10-05", []))
    the gold says published 2026-10-05 but kb read no date in the article; "on Monday" resolves against the article's own date: give it one (a JSON 'published' field, front matter 'date:', an HTML date tag, or a dateline with its year)
    """
    if not gold or any(p.startswith(gold) for p in found):
        return None
    read = f"the date {', '.join(found)}" if found else "no date"
    return (
        f"the gold says published {gold} but kb read {read} in the article; "
        '"on Monday" resolves against the article\'s own date: give it one (a JSON '
        "'published' field, front matter 'date:', an HTML date tag, or a dateline "
        "with its year)"
    )


def _row(kind: str, r: KindResult) -> dict[str, Any]:
    extra = "extras" if kind in ("actors", "locations") else "detail"
    return {
        # None: nothing required and nothing found, which F1 cannot judge
        "f1": round(prf(r.tp, r.fp, r.fn)["f1"], 3) if r.tp + r.fp + r.fn else None,
        "misses": r.misses,
        extra: r.extras if extra == "extras" else r.detail,
    }


def _export(article: GoldArticle, model: str | None) -> Graph | str:
    """The article's graph as ``kb export --format nt`` writes it, or why it failed."""
    from kb.jobs.export import ExportOptions, export

    result = export([article.path], ExportOptions(fmt="nt", model=model))
    if result.exit_code:
        return (
            "; ".join(o.reason for o in result.outcomes if o.reason) or "not exported"
        )
    return Graph().parse(data=result.text, format="nt")


@contextmanager
def counting(progress: Progress | None, total: int) -> Iterator[Callable[[], None]]:
    """A callable to call after each of ``total`` documents: ``progress``'s, or one
    that does nothing. Extraction runs minutes on a large set, silent before."""
    if progress is None:
        yield lambda: None
        return
    with progress(total) as tick:
        yield tick or (lambda: None)


def evaluate_gold_set(
    folder: Path,
    model: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> DevReport:
    """Export each article of ``folder`` in this process and score it with the dev
    metric; an article that fails to export counts every gold item as missed.

    :raises InputError: when the folder holds no readable gold set.
    """
    golds = read_gold_set(folder)[:limit]
    report = DevReport(folder, articles=len(golds))
    with counting(progress, len(golds)) as tick:
        for article in golds:
            graph = _export(article, model)
            if isinstance(graph, str):
                report.add_failure(article, graph)
            else:
                report.add(article, read_graph(graph))
            tick()
    return report
