"""Cut the sentence around a mention out of an article body, so that a page can
quote it with the mention marked."""

from __future__ import annotations

__all__ = ["CONTEXT_CHARS", "sentence_around"]

#: How far a quoted sentence may reach on each side of a mention, in characters.
CONTEXT_CHARS = 240


def sentence_around(body: str, start: int, end: int) -> tuple[str, str, str]:
    """Cut the sentence that holds ``body[start:end]``: the text before the mention,
    the mention, and the text after it, each side at most :data:`CONTEXT_CHARS`.

    >>> sentence_around("One. Two said so. Three.", 5, 8)
    ('', 'Two', ' said so.')
    """
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    first = _sentence_start(body, start)
    last = _sentence_end(body, end)
    before = body[first:start]
    after = body[end:last]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].lstrip()
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rstrip() + "…"
    return before, body[start:end], after


def _sentence_start(body: str, start: int) -> int:
    i = start
    while i > 0:
        if body[i - 1] == "\n":
            break
        if body[i - 1].isspace() and i >= 2 and body[i - 2] in ".!?":
            break
        i -= 1
    while i < start and body[i].isspace():
        i += 1
    return i


def _sentence_end(body: str, end: int) -> int:
    i = end
    while i < len(body):
        if body[i] == "\n":
            break
        if body[i] in ".!?" and (i + 1 == len(body) or body[i + 1].isspace()):
            return i + 1
        if body[i] in ".!?" and body[i + 1] in "\"'”’)" and i + 1 < len(body):
            return i + 2
        i += 1
    return i
