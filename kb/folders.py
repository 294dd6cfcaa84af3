"""Walking a folder an input names: the files below it that kb reads, in a fixed
order, hidden entries left out. Shared by the article reader and the RDF reader."""

from __future__ import annotations

import os
from collections.abc import Container, Iterator
from pathlib import Path

from kb.errors import InputError

__all__ = ["files_under"]


def files_under(folder: Path, suffixes: Container[str]) -> Iterator[Path]:
    """The files below ``folder`` whose extension (lower-cased) is in ``suffixes``,
    folders and names in sorted order; hidden files and folders are left out.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name in ("b.txt", "a.TXT", ".c.txt", "d.csv"):
    ...         _ = Path(tmp, name).write_text("x")
    ...     [p.name for p in files_under(Path(tmp), {".txt"})]
    ['a.TXT', 'b.txt']

    :raises InputError: for a folder below ``folder`` (or ``folder`` itself) that
        cannot be listed: skipping it silently would drop its files from the run.
    """
    for root, dirs, files in os.walk(folder, onerror=_unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                yield Path(root, name)


def _unreadable(error: OSError) -> None:
    """``os.walk``'s error hook: a folder that cannot be listed stops the walk."""
    reason = error.strerror or type(error).__name__
    raise InputError(
        f"{error.filename}: cannot read this folder ({reason}); give kb read "
        "access to it, or name the files to read instead of the folder",
        origin=str(error.filename),
    )
