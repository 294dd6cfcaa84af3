"""Precision, recall and F1 from counts, and the running tallies that add them up."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Counts", "Ratio", "prf"]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (0.0 where undefined), with the counts.

    >>> prf(3, 1, 1)["f1"]
    0.75
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


@dataclass
class Counts:
    """True positives, false positives and false negatives, added up."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self, digits: int | None = 3) -> dict[str, float]:
        """:func:`prf` of the counts, rounded to ``digits`` (None: not rounded)."""
        out = prf(self.tp, self.fp, self.fn)
        return out if digits is None else {k: round(v, digits) for k, v in out.items()}


@dataclass
class Ratio:
    """Hits out of a total: an accuracy or a share, added up."""

    hit: float = 0
    total: int = 0

    def add(self, hit: float, total: int = 1) -> None:
        self.hit += hit
        self.total += total

    def value(self, digits: int = 3) -> float | None:
        """``hit / total`` rounded, or None when there was nothing to count."""
        return round(self.hit / self.total, digits) if self.total else None
