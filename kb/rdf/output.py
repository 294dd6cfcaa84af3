"""Atomic file output: write a temporary file beside the target, then rename it.

A writer holds an exclusive ``flock`` on its temporary file, ``.<name>.<random>.tmp``,
until the rename. A process killed with SIGKILL cannot remove it, but its lock dies
with it, so the next write to the same target deletes every such file that nobody
holds.
"""

from __future__ import annotations

import errno
import glob
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from kb.errors import UsageError

if sys.platform != "win32":  # Windows has no flock: leftovers are not cleaned up
    import fcntl

__all__ = ["check_writable", "temp_pattern", "write_atomic", "write_atomic_with"]


def temp_pattern(target: str | Path) -> str:
    """The glob that matches the temporary files of ``target``.

    >>> temp_pattern("out/kb.ttl")
    'out/.kb.ttl.*.tmp'
    """
    target = Path(target)
    return str(target.parent / f".{glob.escape(target.name)}.*.tmp")


def check_writable(path: str | Path) -> None:
    """Refuse now a ``path`` that :func:`write_atomic_with` could not write later:
    one in a folder that does not exist or takes no new file. An export checks
    before it extracts, which took an hour for a large batch before the write
    failed.

    :raises UsageError: when no file can be made beside ``path``.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=directory
        )
    except OSError as exc:
        raise UsageError(_unwritable(target, directory, exc)) from exc
    os.close(fd)
    Path(tmp).unlink(missing_ok=True)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one,
    never a partial one; on failure nothing is left behind.

    :raises UsageError: when the file cannot be written.
    """
    write_atomic_with(path, lambda handle: handle.write(text.encode("utf-8")))


def write_atomic_with(path: str | Path, produce: Callable[[IO[bytes]], object]) -> None:
    """:func:`write_atomic` for output too big to hold: ``produce`` writes it to the
    binary stream it is given.

    :raises UsageError: when the file cannot be written.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    _remove_abandoned(target)
    fd, tmp = _locked_temp(target, directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
            # mkstemp makes owner-only files; give the output the usual permissions
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)  # still locked: no cleaner can take it first
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"{target}: cannot write ({exc.strerror})") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _locked_temp(target: Path, directory: Path) -> tuple[int, str]:
    """Create and lock a temporary file beside ``target``.

    Between creating and locking it, another writer's cleanup could delete it;
    then the path no longer names our file, and we make another.
    """
    while True:
        try:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=directory
            )
        except OSError as exc:
            raise UsageError(_unwritable(target, directory, exc)) from exc
        if sys.platform == "win32":
            return fd, tmp
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.stat(tmp).st_ino == os.fstat(fd).st_ino:
                return fd, tmp
        except FileNotFoundError:
            pass
        os.close(fd)


def _unwritable(target: Path, directory: Path, exc: OSError) -> str:
    """Why no file can be made beside ``target``, and what to do about it."""
    if exc.errno == errno.ENOENT:
        return (
            f"{target}: cannot write here (there is no folder {directory}); "
            "create it first, or write somewhere else"
        )
    return f"{target}: cannot write here ({exc.strerror})"


def _remove_abandoned(target: Path) -> None:
    """Delete temporary files of ``target`` that no live writer holds locked."""
    if sys.platform == "win32":
        return
    for name in glob.glob(temp_pattern(target)):
        try:
            fd = os.open(name, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(name)
        except OSError:
            pass  # locked by a live writer, or already gone
        finally:
            os.close(fd)
