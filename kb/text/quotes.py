"""Quoted passages in plain text: where each quote's words start and end."""

from __future__ import annotations

__all__ = ["QUOTE_PAIRS", "find_quotes", "mark_end", "mark_start"]

# the typographic marks, straight quotes, guillemets, and the doubled apostrophes
# and backquotes of wire and archive text (''like this'', ``or this'')
QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("''", "''"), ("``", "''")]


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (the words inside the marks). A quote whose
    paragraph ends without a closing mark continues into a next paragraph that opens one.

    >>> find_quotes('He said: “We will stay.” Then he left.')
    [(10, 23)]
    """
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in QUOTE_PAIRS:
        i = 0
        while True:
            start = text.find(open_mark, i)
            if start < 0:
                break
            end = _closing_mark(text, open_mark, close_mark, start)
            if end < 0:
                i = start + len(open_mark)
                continue
            spans.append((start + len(open_mark), end))
            i = end + len(close_mark)
    return sorted(spans)


def _closing_mark(text: str, open_mark: str, close_mark: str, start: int) -> int:
    """Where the quote opened at ``start`` closes, or -1: in its own paragraph, or
    in a later one when each paragraph between reopens the quote."""
    end = text.find(close_mark, start + len(open_mark))
    para_end = text.find("\n\n", start)
    para_end = len(text) if para_end < 0 else para_end
    while end > para_end or end < 0:
        nxt = para_end + 2
        if nxt < len(text) and text.startswith(open_mark, nxt):
            para_end = text.find("\n\n", nxt)
            para_end = len(text) if para_end < 0 else para_end
            end = text.find(close_mark, nxt + len(open_mark))
            if end < 0:
                break
            continue
        return -1
    return end


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
    return q_end
