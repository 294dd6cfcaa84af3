"""The matching rules for attributions: character overlap of content spans (strict:
half the longer span; lenient: half the shorter) and when a source is right."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.evaluate.brat import Spans

__all__ = [
    "PRONOUNS",
    "Rule",
    "lenient",
    "overlap",
    "pair_up",
    "source_kind",
    "strict",
]

Rule = Callable[[Spans, Spans], bool]
PRONOUNS = frozenset(
    """he she they i we you it him her them me us his hers their theirs its our ours
    my mine your yours himself herself themselves itself myself ourselves""".split()
)


def length(spans: Spans) -> int:
    return sum(b - a for a, b in spans)


def overlap(a: Spans, b: Spans) -> int:
    """How many characters two (possibly discontinuous) spans share.

    >>> overlap(((0, 10),), ((5, 8), (9, 20)))
    4
    """
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def strict(a: Spans, b: Spans) -> bool:
    """Overlap of at least half the longer span.

    >>> strict(((0, 10),), ((0, 4),)), strict(((0, 10),), ((0, 6),))
    (False, True)
    """
    shared = overlap(a, b)
    return shared > 0 and 2 * shared >= max(length(a), length(b))


def lenient(a: Spans, b: Spans) -> bool:
    """Overlap of at least half the shorter span.

    >>> lenient(((0, 10),), ((0, 4),))
    True
    """
    shared = overlap(a, b)
    return shared > 0 and 2 * shared >= min(length(a), length(b))


def pair_up(
    found: Sequence[Spans], gold: Sequence[Spans], rule: Rule
) -> dict[int, int]:
    """Gold index -> found index: the pairs the rule accepts, most overlap first,
    each side used once."""
    pairs = [
        (overlap(f, g), j, i)
        for i, f in enumerate(found)
        for j, g in enumerate(gold)
        if rule(f, g)
    ]
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, j, i in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in used and j not in matched:
            matched[j] = i
            used.add(i)
    return matched


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'([")
    return not before or before[-1] in ".!?:\n"


def source_kind(
    text: str, source: Spans, proper_nouns: Sequence[tuple[int, int]] | None
) -> str:
    """``pronoun`` ("he", "they"), ``named`` (the source holds a proper noun: a
    CoreNLP NNP token where a parse is given, else a capitalised word that does
    not merely start a sentence) or ``unnamed`` ("officials", "a spokesman").

    >>> text = "Officials said so. Ana Obi said so. He said so."
    >>> [source_kind(text, s, None) for s in (((0, 9),), ((19, 26),), ((36, 38),))]
    ['unnamed', 'named', 'pronoun']
    """
    words = " ".join(text[a:b] for a, b in source).lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return "pronoun"
    if proper_nouns is not None:
        named = any(overlap(source, ((a, b),)) for a, b in proper_nouns)
        return "named" if named else "unnamed"
    for a, b in source:
        for m in re.finditer(r"\b[A-Z][\w’'-]*", text[a:b]):
            if not _starts_sentence(text, a + m.start()):
                return "named"
    return "unnamed"
