"""Opening a knowledge base to write to it, so that a write that fails leaves no
store behind where there was none: ``kb add`` and ``kb remove`` open through here."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.errors import StoreError
from kb.store.embedded import Store, is_store, no_store

__all__ = ["writing"]


@contextmanager
def writing(path: str | Path, *, create: bool = True) -> Iterator[Store]:
    """The store at ``path``, open for writing (created if there is none yet and
    ``create``).

    A store that this call created and that holds no article when the block ends
    (every input failed, an error was raised, or Ctrl-C came before the first
    write) is removed again: an empty folder would otherwise pass for a knowledge
    base that holds nothing. An empty folder that was there before is left empty.
    A store that existed is never removed; :func:`kb.jobs.export.add` writes
    nothing to it when no article is to be written.

    :raises StoreError: when there is no store at ``path`` and ``create`` is
        false, ``path`` is a folder of other files (a store there would mix
        with them), or its parent folder does not exist (as ``kb export -o``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with writing(Path(tmp, "kb-store")) as kb:
    ...         pass  # nothing added
    ...     Path(tmp, "kb-store").exists()
    False
    """
    where = Path(path)
    created = not is_store(where)
    if created and not create:
        raise no_store(where)
    if not where.exists() and not where.parent.is_dir():
        raise StoreError(
            f"{where}: cannot make a store here (there is no folder {where.parent}); "
            "create it first, or name another"
        )
    existed = where.is_dir()
    if created and existed and any(where.iterdir()):
        raise StoreError(
            f"{where}: a folder of other files, not a knowledge base; give a new "
            "or empty folder to --store"
        )
    store = Store(where)
    try:
        yield store
    finally:
        empty = created and _holds_nothing(store)
        store.close()
        if empty:
            _remove_new(where, existed)


def _holds_nothing(store: Store) -> bool:
    try:
        return not store.articles()
    except Exception:  # noqa: BLE001 - a store that cannot be read is kept to look at
        return False


def _remove_new(where: Path, existed: bool) -> None:
    """Remove the store ``where`` that was just created: the whole folder, or what
    was put in a folder that was there, empty, before (``existed``)."""
    if not existed:
        shutil.rmtree(where, ignore_errors=True)
        return
    for entry in where.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
