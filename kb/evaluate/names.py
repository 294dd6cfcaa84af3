"""Loose text matching for the project's gold format: names, keywords and numbers
compared the way the dev scorer compares them (case, accents, punctuation, "the")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "contains",
    "keyword_cover",
    "name_match",
    "names_match",
    "norm",
    "number_in",
]


def norm(text: str) -> str:
    """Text folded for comparison.

    >>> norm("The São Tomé  Port’s 12,000")
    'sao tome ports 12000'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`]", "", text)
    # 12 000 / 1,200 -> 12000 / 1200
    text = re.sub(r"(?<=\d)[ ,\u00a0\u202f](?=\d{3}\b)", "", text)
    text = re.sub(r"[^0-9a-z%$.]+", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def name_match(a: str, b: str) -> int:
    """2 for the same name, 1 for one name's words (two or more) all inside the
    other's, else 0.

    >>> name_match("the Acme Corp.", "Acme Corp"), name_match("Ana Obi", "Dr Ana Obi")
    (2, 1)
    """
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 0
    if na == nb:
        return 2
    ta, tb = set(na.split()), set(nb.split())
    if (len(ta) >= 2 and ta <= tb) or (len(tb) >= 2 and tb <= ta):
        return 1
    return 0


def names_match(xs: Iterable[str], ys: Iterable[str]) -> int:
    """The best :func:`name_match` between any two names of the lists."""
    ys = list(ys)
    return max((name_match(x, y) for x in xs for y in ys), default=0)


def contains(haystacks: Iterable[str], needle: str) -> bool:
    """Whether the folded ``needle`` occurs in one of the folded ``haystacks``."""
    n = norm(needle)
    return any(n and n in norm(h) for h in haystacks)


def keyword_cover(texts: list[str], keywords: list[str]) -> float:
    """The share of ``keywords`` that occur in ``texts`` (1.0 when there are none)."""
    if not keywords:
        return 1.0
    return sum(1 for k in keywords if contains(texts, k)) / len(keywords)


def number_in(values: Iterable[float], target: float) -> bool:
    """Whether ``target`` is among ``values``, to a relative 1e-6."""
    return any(abs(v - target) <= 1e-6 * max(1.0, abs(target)) for v in values)
