"""Format evaluation results: the dev metric as the dev scorer prints it, and
attribution scores as a table per type; JSON for scripts; misses with ``-v``."""

from __future__ import annotations

import json
from typing import Any

from kb.evaluate.attribution import GROUPS, SOURCE_KINDS
from kb.evaluate.devset import DevReport
from kb.evaluate.gold import KINDS
from kb.evaluate.run import AttributionReport
from kb.evaluate.score import Ratio

__all__ = ["format_json", "format_text", "report_json"]


def _dev_text(report: DevReport, verbose: bool) -> list[str]:
    articles = f"{report.articles} article{'' if report.articles == 1 else 's'}"
    lines = [f"{articles}, {len(report.failures)} failed"]
    lines += [f"  FAILED {f}" for f in report.failures]
    for kind, counts in report.totals.items():
        s = counts.scores(None)
        lines.append(
            f"{kind:10s} P {s['p']:.2f}  R {s['r']:.2f}  F1 {s['f1']:.2f}   "
            f"(tp {counts.tp} fp {counts.fp} fn {counts.fn})"
        )
    for name, ratio in report.ratios.items():
        value = ratio.value()
        lines.append(f"{name:20s} {value if value is not None else '-'}")
    if verbose:
        lines += _dev_rows(report)
    lines.append(f"overall F1 {report.overall_f1:.3f}")
    return lines


def _dev_rows(report: DevReport) -> list[str]:
    lines = []
    for row in report.rows:
        lines.append(f"\n== {row['article']}")
        if "error" in row:
            lines.append(f"  error: {row['error']}")
            continue
        for kind in KINDS:
            f1 = row[kind]["f1"]
            lines.append(
                f"  {kind}: F1 {f1}  missed: {row[kind]['misses']}"
                if f1 is not None
                else f"  {kind}: n/a (the gold requires none and none were found)"
            )
            if row[kind].get("extras"):
                lines.append(f"    extra: {row[kind]['extras']}")
        for what, items in report.unmatched.get(row["article"], {}).items():
            if items:
                lines.append(f"    {what.replace('_', ' ')}: {items}")
        lines += [f"  note: {n}" for n in report.notes.get(row["article"], [])]
    return lines


def _cell(ratio: Ratio | None) -> str:
    value = ratio.value() if ratio is not None else None
    return f"{value:.2f} ({ratio.total})" if ratio and value is not None else "-"


def _attribution_text(report: AttributionReport, verbose: bool) -> list[str]:
    t = report.tally
    lines = [
        f"{report.label}: {t.documents} documents, {report.gold} gold attributions, "
        f"{report.claims} claims; {report.seconds:.1f} s",
        f"{'':17s}{'strict':15s}{'lenient':16s}source right (n)",
        f"{'type':10s}{'gold':>5s}  "
        + "P    R    F1   " * 2
        + " "
        + "".join(f"{k:13s}" for k in SOURCE_KINDS),
    ]
    for group in GROUPS:
        s, loose = t.strict[group].scores(None), t.lenient[group].scores(None)
        gold = t.strict[group].tp + t.strict[group].fn
        figures = [s["p"], s["r"], s["f1"], loose["p"], loose["r"], loose["f1"]]
        sources = "".join(
            f"{_cell(t.sources.get((group, k))):13s}" for k in SOURCE_KINDS
        )
        lines.append(
            f"{group:10s}{gold:5d}  "
            + " ".join(f"{x:.2f}" for x in figures)
            + "  "
            + sources
        )
    if verbose:
        lines += ["", "why (counts):"]
        lines += [f"  {n:5d}  {why}" for why, n in sorted(t.categories.items())]
        lines += ["", "missed:", *(f"  {m}" for m in t.misses)]
        lines += ["", "false positives:", *(f"  {m}" for m in t.false_positives)]
        lines += ["", "wrong sources:", *(f"  {m}" for m in t.wrong_sources)]
    return lines


def format_text(report: DevReport | AttributionReport, verbose: bool = False) -> str:
    """The report as text lines, ending in a newline."""
    if isinstance(report, DevReport):
        lines = _dev_text(report, verbose)
    else:
        lines = _attribution_text(report, verbose)
    return "".join(line.rstrip() + "\n" for line in lines)


def _attribution_json(report: AttributionReport, verbose: bool) -> dict[str, Any]:
    t = report.tally
    groups = {
        g: {
            "strict": t.strict[g].scores(),
            "lenient": t.lenient[g].scores(),
            "source_accuracy": {
                k: t.sources[(g, k)].value() if (g, k) in t.sources else None
                for k in (*SOURCE_KINDS, "any")
            },
            "source_counts": {
                k: t.sources[(g, k)].total if (g, k) in t.sources else 0
                for k in (*SOURCE_KINDS, "any")
            },
        }
        for g in GROUPS
    }
    out: dict[str, Any] = {
        "corpus": report.label,
        "documents": t.documents,
        "gold": report.gold,
        "claims": report.claims,
        "seconds": round(report.seconds, 1),
        "types": groups,
        "categories": dict(sorted(t.categories.items())),
    }
    if verbose:
        out |= {
            "misses": t.misses,
            "false_positives": t.false_positives,
            "wrong_sources": t.wrong_sources,
        }
    return out


def report_json(
    report: DevReport | AttributionReport, verbose: bool = False
) -> dict[str, Any]:
    """The report as one JSON-ready object (the dev scorer's, for a gold set)."""
    if isinstance(report, DevReport):
        return report.as_json()
    return _attribution_json(report, verbose)


def format_json(report: DevReport | AttributionReport, verbose: bool = False) -> str:
    return json.dumps(report_json(report, verbose), ensure_ascii=False, indent=1) + "\n"
