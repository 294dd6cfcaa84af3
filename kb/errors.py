"""Domain exceptions. The library raises these; ``kb.cli`` turns them into exit codes."""

from __future__ import annotations


class KbError(Exception):
    """Base class for every error that ``kb`` reports to a user. Exit code 2."""

    exit_code = 2


class InputError(KbError):
    """An input could not be read: missing, unreadable, malformed, unsupported.

    The message names the file (and line, for JSONL) and says how to fix it.
    ``origin`` names the input as :attr:`kb.models.Article.origin` would: a path,
    ``path:line`` for a JSONL line, ``path[index]`` for an item of a JSON array,
    or ``<stdin>``; it is empty when the error is about no particular input.
    ``line`` is the JSONL line number, when there is one.

    >>> error = InputError("a.jsonl:3: invalid JSON", origin="a.jsonl:3", line=3)
    >>> str(error), error.origin, error.line
    ('a.jsonl:3: invalid JSON', 'a.jsonl:3', 3)
    """

    def __init__(
        self, message: str, *, origin: str = "", line: int | None = None
    ) -> None:
        super().__init__(message)
        self.origin = origin
        self.line = line


class UsageError(KbError):
    """An option or argument combination that cannot work."""


class ExtractionError(KbError):
    """The NLP pipeline could not be loaded or failed on an article."""


class ValidationFailed(KbError):
    """Data did not conform to the shapes. Exit code 1."""

    exit_code = 1


class StoreError(KbError):
    """The knowledge-base store could not be opened, read or written."""
