"""Stage notices: who wants to hear, as an article enters each component of the
pipeline, which one it is (``kb export`` and ``kb add`` show them for a long
article, which otherwise takes minutes without a sign)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["StageListener", "reporting_stages", "stage_listener"]

#: Called with a component's name (``""`` once the article is through) and the
#: length of the article's text in characters.
StageListener = Callable[[str, int], None]

_LISTENER: ContextVar[StageListener | None] = ContextVar("kb_stages", default=None)


@contextmanager
def reporting_stages(listener: StageListener) -> Iterator[None]:
    """Within the block, :func:`kb.extract.extract_many` (in this process) runs
    each article through the components one at a time and tells ``listener``
    before each; the extractions are the same.

    >>> heard = []
    >>> with reporting_stages(lambda stage, chars: heard.append(stage)):
    ...     stage_listener() is not None
    True
    >>> stage_listener() is None
    True
    """
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


def stage_listener() -> StageListener | None:
    """The listener of the enclosing :func:`reporting_stages`, if any."""
    return _LISTENER.get()
