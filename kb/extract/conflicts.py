"""``newskb_conflicts``: pairs of claims from different sources whose figures for one
measure cannot both be true ("300 dead" against "more than 1,000 dead")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language

from kb.extract.assemble import describe_pipeline, extraction_of
from kb.extract.extensions import Stage
from kb.models import Claim, Extraction, Quantity
from kb.text import lexicon as lx

__all__ = ["conflicts", "with_conflicts"]

_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "to",
    "and",
    "or",
    "have",
    "has",
    "had",
    "been",
    "be",
    "is",
    "are",
    "was",
    "were",
    "that",
    "from",
    "for",
    "on",
    "at",
    "by",
    "with",
    "more",
    "than",
    "about",
    "already",
    "some",
    "its",
    "their",
    "his",
    "her",
}


@Language.factory(
    "newskb_conflicts",
    requires=["doc._.newskb_extraction"],
    assigns=["doc._.newskb_extraction"],
)
def make_conflicts(nlp: Language, name: str) -> Stage:
    model = describe_pipeline(nlp)
    return Stage(
        "newskb_extraction", lambda doc: with_conflicts(extraction_of(doc, model))
    )


def with_conflicts(extraction: Extraction) -> Extraction:
    """The extraction with the pairs of its claims whose figures conflict."""
    return replace(extraction, conflicts=conflicts(extraction.claims))


#: how many later claims each claim is compared with: every pair in a news story
#: (a few dozen claims), while a transcript or a feed saved as one file of thousands
#: of claims gets pairs in proportion to its length, not to its square (2 759
#: claims had made 3.3 million pairs, 10 GB of memory and a 537 MB Turtle file)
CONFLICT_WINDOW = 100


def conflicts(
    claims: tuple[Claim, ...], window: int = CONFLICT_WINDOW
) -> tuple[tuple[int, int], ...]:
    """Pairs of claims from different sources whose figures for one measure cannot
    both be true: same unit, a shared content word, and ranges that do not overlap;
    each claim with the ``window`` claims after it."""
    out = []
    for i, a in enumerate(claims):
        for j in range(i + 1, min(len(claims), i + 1 + window)):
            b = claims[j]
            if a.claimant == b.claimant:
                continue
            if _figures_disagree(a, b):
                out.append((i, j))
    return tuple(out)


def _measure(q: Quantity) -> tuple[float, float]:
    low = q.minimum if q.minimum is not None else q.value
    high = q.maximum if q.maximum is not None else q.value
    lo = low if low is not None else float("-inf")
    hi = high if high is not None else float("inf")
    if q.approximate:
        lo, hi = lo * 0.9, hi * 1.1
    if q.minimum is not None and q.value is None:
        lo = lo + 1e-9  # "more than 3 000" excludes 3 000 itself
    return lo, hi


#: words of when, of how big and of where, which two different measures share ("sales
#: rose in the quarter", "wages fell during the quarter")
_NOT_A_MEASURE = frozenset(
    """quarter year month week day today yesterday time first second third fourth
    last next half million billion trillion thousand hundred percent point region
    province city country area district state town village""".split()
)


def _content_words(text: str) -> set[str]:
    """The common words of ``text``: names ("Tarsk") and words of where and when
    tell where two figures are, not what they measure."""
    found = re.findall(r"[A-Za-z]{3,}", text)
    words = {w.lower() for w in found if not w[0].isupper()} - _STOP
    return {w.rstrip("s") for w in words} - _STOP - _NOT_A_MEASURE


def _context_words(claim: Claim, figures: list[Quantity]) -> set[str]:
    """Content words within a few words of the figures: what they measure."""
    words: set[str] = set()
    for q in figures:
        offset = q.span.start - claim.span.start
        body = claim.span.text
        left = re.findall(r"[A-Za-z]+", body[max(0, offset - 50) : offset])[-6:]
        right = re.findall(r"[A-Za-z]+", body[offset + len(q.span.text) : offset + 80])[
            :7
        ]
        words |= _content_words(" ".join(left + right))
    return words - lx.CUE_VERBS - {"said", "say", "believe", "report", "estimated"}


def _figures_disagree(a: Claim, b: Claim) -> bool:
    units = {q.unit for q in a.quantities if q.unit} & {q.unit for q in b.quantities}
    for unit in sorted(u for u in units if u):
        qa = [q for q in a.quantities if q.unit == unit]
        qb = [q for q in b.quantities if q.unit == unit]
        shared = _context_words(a, qa) & _context_words(b, qb) - {unit.rstrip("s")}
        if not shared:
            continue
        ra = _total(qa)
        rb = _total(qb)
        if ra[1] < rb[0] or rb[1] < ra[0]:
            return True
    return False


def _total(qs: list[Quantity]) -> tuple[float, float]:
    """The range of a sum of figures ("300 killed and 2 700 wounded")."""
    lo = hi = 0.0
    for q in qs:
        a, b = _measure(q)
        lo += a
        hi += b
    return lo, hi
