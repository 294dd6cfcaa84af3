"""Run an evaluation: pick the gold format from the folder (or PolNeAR's split),
extract in this process, score, and time it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import InputError, UsageError
from kb.evaluate.attribution import AttributionTally, GoldDocument, found_attributions
from kb.evaluate.corpus import BratFile, brat_files, polnear_split, read_document
from kb.evaluate.devset import DevReport, Progress, counting, evaluate_gold_set
from kb.evaluate.gold import is_gold_set
from kb.models import Article

__all__ = ["AttributionReport", "EvaluateRequest", "evaluate", "evaluate_brat"]


@dataclass(frozen=True)
class EvaluateRequest:
    """What to score: a folder (our gold set, or brat files), or a PolNeAR split."""

    folder: Path | None = None
    polnear: Path | None = None
    split: str = "dev"
    #: allow PolNeAR's test split: only for the final report of quality
    final_report: bool = False
    limit: int | None = None  # score the first N documents only
    model: str | None = None
    #: the kinds of claim to extract for brat gold (None: extraction's default);
    #: PolNeAR annotates intentions too, which extraction leaves out by default
    attributions: tuple[str, ...] | None = None
    #: a progress bar for the documents, as :data:`kb.evaluate.devset.Progress`
    progress: Progress | None = None


@dataclass
class AttributionReport:
    """Attribution scores over a brat corpus, and how long extraction took."""

    label: str
    tally: AttributionTally = field(default_factory=AttributionTally)
    gold: int = 0
    claims: int = 0
    seconds: float = 0.0


def _article(doc: GoldDocument) -> Article:
    # built directly, not through kb.ingest: ingest normalises text, and brat
    # offsets count the raw text's characters
    return Article(
        text=doc.text, origin=doc.name, published=doc.published, language="en"
    )


def evaluate_brat(
    files: list[BratFile],
    label: str,
    model: str | None = None,
    attributions: tuple[str, ...] | None = None,
    progress: Progress | None = None,
) -> AttributionReport:
    """Extract every document's claims (of the given attribution types, else the
    default ones) and score them against its attributions.

    :raises InputError: when a document cannot be read.
    :raises UsageError: for an unknown attribution type.
    :raises ExtractionError: when the NLP pipeline cannot be loaded.
    """
    from kb.extract import DEFAULT_ATTRIBUTIONS, extract_many, load_pipeline

    try:
        nlp = load_pipeline(model, attributions or DEFAULT_ATTRIBUTIONS)
    except ValueError as exc:
        raise UsageError(f"--attributions: {exc}") from exc
    started = time.perf_counter()
    docs = [read_document(f) for f in files]
    report = AttributionReport(label)
    extractions = extract_many((_article(d) for d in docs), nlp)
    with counting(progress, len(docs)) as tick:
        for doc, extraction in zip(docs, extractions, strict=True):
            found = found_attributions(extraction)
            report.tally.add(doc, found)
            report.gold += len(doc.attributions)
            report.claims += len(found)
            tick()
    report.seconds = time.perf_counter() - started
    return report


def _refuse_test_folder(folder: Path, final_report: bool) -> None:
    parts = folder.resolve().parts
    if not final_report and "test" in parts[-2:] and "data" in parts[-3:-1]:
        polnear_split(folder, "test")  # raises the same UsageError as --split test


def evaluate(request: EvaluateRequest) -> DevReport | AttributionReport:
    """Score extraction as ``request`` says.

    :raises UsageError: with nothing to score, or for PolNeAR's test split without
        ``final_report``.
    :raises InputError: when the folder or its files cannot be read.
    """
    if request.folder is not None:
        folder = request.folder
        _refuse_test_folder(folder, request.final_report)
        if not folder.is_dir():
            raise InputError(
                f"{folder}: no such folder; give a gold set such as eval/dev"
            )
        if is_gold_set(folder):
            return evaluate_gold_set(
                folder, request.model, request.limit, request.progress
            )
        files, label = brat_files(folder), str(folder)
    elif request.polnear is not None:
        split = polnear_split(request.polnear, request.split, request.final_report)
        files, label = brat_files(split), f"PolNeAR {request.split}"
    else:
        raise UsageError(
            "nothing to score: give a folder (e.g. eval/dev) or --polnear DIR"
        )
    return evaluate_brat(
        files[: request.limit],
        label,
        request.model,
        request.attributions,
        request.progress,
    )
