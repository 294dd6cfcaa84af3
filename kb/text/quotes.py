"""Quoted passages in plain text: where each quote's words start and end."""

from __future__ import annotations

__all__ = [
    "QUOTE_PAIRS",
    "find_quotes",
    "goes_on",
    "mark_end",
    "mark_start",
    "space_before",
]

# the typographic marks, straight quotes, guillemets, and the doubled apostrophes
# and backquotes of wire and archive text (''like this'', ``or this'', and the
# doubled single marks of wire copy set in typographic type, ‘‘like this’’)
QUOTE_PAIRS = [
    ("“", "”"),
    ('"', '"'),
    ("«", "»"),
    ("''", "''"),
    ("``", "''"),
    ("‘‘", "’’"),
]


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (the words inside the marks). A quote whose
    paragraph ends without a closing mark continues into a next paragraph that opens one.

    >>> find_quotes('He said: “We will stay.” Then he left.')
    [(10, 23)]
    """
    spans: list[tuple[int, int]] = []
    breaks = _paragraph_break(text)
    for open_mark, close_mark in QUOTE_PAIRS:
        i = 0
        while True:
            start = text.find(open_mark, i)
            if start < 0:
                break
            end = _closing_mark(text, open_mark, close_mark, start, breaks)
            if end < 0:
                i = start + len(open_mark)
                continue
            spans += _by_paragraph(text, start + len(open_mark), end, breaks)
            i = end + len(close_mark)
    doubles = _with_mixed_lines(text, spans)
    singles = _single_quotes(text, breaks)
    return sorted(_outermost(doubles, singles) + _outermost(singles, doubles, True))


def _outermost(
    spans: list[tuple[int, int]],
    others: list[tuple[int, int]],
    yields: bool = False,
) -> list[tuple[int, int]]:
    """The spans not inside one of the others: a quote within a quote (‘He said
    "no" to us’, "He said 'no' to us") is part of the outer one. Spans that
    ``yields`` also drop where they cross one of the others (the single marks'
    do: a stray apostrophe is no quote)."""
    return [
        (a, b)
        for a, b in spans
        if not any(
            (c <= a and b <= d) or (yields and (a < c < b < d or c < a < d < b))
            for c, d in others
            if (c, d) != (a, b)
        )
    ]


#: the single marks, typographic and straight, of quotes in British style
_SINGLE_OPENING = "‘'"
_SINGLE_CLOSING = "’'"


def _single_quotes(text: str, breaks: str) -> list[tuple[int, int]]:
    """Quotes in single marks (‘We will stay,’ she said), read paragraph by
    paragraph so that an apostrophe never pairs across one. A mark that opens a
    sentence inside an open quote (‘We lost. ‘The team is tired.’) starts its
    next paragraph, in text whose paragraphs were run together: the quote before
    ends there."""
    found = []
    start = 0
    while start < len(text):
        end = text.find(breaks, start)
        end = len(text) if end < 0 else end
        opened = -1
        for i in range(start, end):
            if text[i] not in _SINGLE_OPENING + _SINGLE_CLOSING:
                continue
            opens = _opens_single(text, i)  # once per mark
            if opened < 0:
                opened = i + 1 if opens else -1
            elif opens and _reopens(text, i):
                found.append((opened, space_before(text, i)))
                opened = i + 1
            elif _closes_single(text, i):
                found.append((opened, i))
                opened = -1
        start = end + len(breaks)
    return [(a, b) for a, b in found if b > a]


def _opens_single(text: str, at: int) -> bool:
    """A single mark before a letter, at a paragraph's start or after a space or
    an opening bracket or mark: not the apostrophe inside or after a word."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    return (
        text[at] in _SINGLE_OPENING
        and (not before or before.isspace() or before in '([“"')
        and after.isalpha()
    )


def _closes_single(text: str, at: int) -> bool:
    """A single mark right after a word or its punctuation and before a space,
    punctuation or the end; not the apostrophe of "it’s", nor that of a plural
    owner ("the players’ union")."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    if text[at] not in _SINGLE_CLOSING or not before or before.isspace():
        return False
    if after.isalnum():
        return False
    owner = before in "sS" and after == " " and text[at + 2 : at + 3].islower()
    return not owner


#: the double quote marks, typographic and straight, which careless text mixes
_DOUBLE_OPENING = '“"'
_DOUBLE_CLOSING = '”"'


def _with_mixed_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, where a line mixes straight and typographic double marks
    ('“We won," she said. "We will win again.”') read again mark by mark: each
    double mark closes the quote open before it, whatever its style, and else opens
    one. Pairing by style alone would join the first mark to the last."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if '"' in line and ("“" in line or "”" in line):
            spans = [
                s for s in spans if not (_double_at(text, s, start, end))
            ] + _double_quotes(text, start, end)
        start = end + 1
    return spans


def _double_at(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """A span opened or closed by a double mark inside the line [start, end)."""
    opened, closed = span[0] - 1, span[1]
    return (start <= opened < end and text[opened] in _DOUBLE_OPENING) or (
        start <= closed < end and text[closed] in _DOUBLE_CLOSING
    )


def _double_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotes of one line read mark by mark, whatever the marks' style."""
    found = []
    opened = -1
    for i in range(start, end):
        mark = text[i]
        if opened >= 0 and mark in _DOUBLE_CLOSING:
            found.append((opened, i))
            opened = -1
        elif mark in _DOUBLE_OPENING:
            opened = i + 1
    return found


#: the longest line of text wrapped by hand, whose line breaks are not paragraphs
_WRAPPED = 100


def _paragraph_break(text: str) -> str:
    """What ends a paragraph: a blank line in text wrapped by hand (no line longer
    than a wrapped line), else any line break, so that an unclosed mark in one
    paragraph never pairs with a mark in the next."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    return "\n\n" if longest <= _WRAPPED else "\n"


def _by_paragraph(
    text: str, start: int, end: int, breaks: str
) -> list[tuple[int, int]]:
    """A quote's words paragraph by paragraph: one that goes on into the next
    paragraphs is a quote in each of them (each paragraph says something of its
    own, as a reader lists it), from the mark that reopens it to the paragraph's
    end or the closing mark."""
    pieces = []
    while (cut := text.find(breaks, start, end)) >= 0:
        pieces.append((start, space_before(text, cut)))
        start = cut + len(breaks)
        while start < end and text[start].isspace():
            start += 1
        start += _reopening_length(text, start)
    return [*pieces, (start, end)]


def goes_on(text: str, q_end: int, nxt: int) -> bool:
    """Whether the quote whose words end at ``q_end`` ends its paragraph with no
    closing mark, and the quote whose words start at ``nxt`` reopens it in the
    next paragraph (two pieces of one quote, see :func:`find_quotes`).

    >>> text = "She said: “We stay.\\n\\n“We work.” Then."
    >>> find_quotes(text)
    [(11, 19), (22, 30)]
    >>> goes_on(text, 19, 22), goes_on(text, 30, len(text))
    (True, False)
    """
    gap = text[q_end:nxt]
    opening = gap.lstrip()
    return (
        "\n" in gap[: len(gap) - len(opening)]
        and _reopening_length(text, q_end + len(gap) - len(opening)) == len(opening)
        and len(opening) > 0
    )


def _reopening_length(text: str, at: int) -> int:
    """The length of the quote mark that reopens a quote's paragraph at ``at``."""
    return next(
        (len(mark) for mark, _close in QUOTE_PAIRS if text.startswith(mark, at)), 0
    )


def _opens_paragraph(text: str, start: int, breaks: str) -> bool:
    """A mark at the start of its paragraph, or after a colon ('She said: "…'):
    where a quote that goes on into the next paragraph opens."""
    before = text[text.rfind(breaks, 0, start) + 1 : start].strip()
    return not before or before.endswith(":")


def _closing_mark(
    text: str, open_mark: str, close_mark: str, start: int, breaks: str = "\n\n"
) -> int:
    """Where the quote opened at ``start`` closes, or -1: in its own paragraph, or
    in a later one when each paragraph between reopens the quote. Paragraphs end
    at ``breaks``."""
    end = _find_close(text, open_mark, close_mark, start + len(open_mark))
    para_end = text.find(breaks, start)
    para_end = len(text) if para_end < 0 else para_end
    if (end > para_end or end < 0) and not _opens_paragraph(text, start, breaks):
        return -1  # a stray mark inside a paragraph: no quote going on past it
    while end > para_end or end < 0:
        nxt = para_end
        while text.startswith("\n", nxt):
            nxt += 1
        if nxt < len(text) and text.startswith(open_mark, nxt):
            para_end = text.find(breaks, nxt)
            para_end = len(text) if para_end < 0 else para_end
            end = _find_close(text, open_mark, close_mark, nxt + len(open_mark))
            if end < 0:
                break
            continue
        return -1
    return end


def _find_close(text: str, open_mark: str, close_mark: str, start: int) -> int:
    """The next mark from ``start`` that closes a quote, or -1. A straight mark
    that opens a sentence after another one's end ('… the tie. "The players …')
    reopens the quote, as the next paragraph of a quote does, in text whose
    paragraphs were run together: it closes nothing."""
    end = text.find(close_mark, start)
    while open_mark == close_mark == '"' and end > 0 and _reopens(text, end):
        end = text.find(close_mark, end + 1)
    return end


def _reopens(text: str, at: int) -> bool:
    """The mark at ``at`` stands after a space that follows a sentence's end, and
    before the first word of the next one."""
    end = space_before(text, at)
    return (
        text[at - 1 : at] in (" ", "\u00a0")
        and text[end - 1 : end] in (".", "?", "!")
        and text[at + 1 : at + 2].isupper()
    )


def space_before(text: str, at: int) -> int:
    """Where the run of whitespace that ends at ``at`` begins (``at`` when there is
    none): ``len(text[:at].rstrip())`` without copying the text before ``at``,
    which each quote of a long article would do again.

    >>> space_before("said.  \\n-Yes", 8), space_before("x", 1), space_before("  ", 2)
    (5, 1, 0)
    """
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def mark_start(text: str, q_start: int) -> int:
    """Where the opening mark of the quote whose words start at ``q_start`` begins."""
    for open_mark, _close in QUOTE_PAIRS:
        if text.startswith(open_mark, q_start - len(open_mark)) and len(open_mark) > 1:
            return q_start - len(open_mark)
    return max(0, q_start - 1)


def mark_end(text: str, q_end: int) -> int:
    """Where the closing mark of the quote whose words end at ``q_end`` ends.

    >>> text = 'He said: “We will stay.” Then he left.'
    >>> text[mark_end(text, 23):]
    ' Then he left.'
    """
    for _open, close_mark in QUOTE_PAIRS:
        if text.startswith(close_mark, q_end):
            return q_end + len(close_mark)
    if text[q_end : q_end + 1] in tuple(_SINGLE_CLOSING):
        return q_end + 1
    return q_end
