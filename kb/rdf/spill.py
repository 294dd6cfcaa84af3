"""Sorted, distinct lines in bounded memory: lines are kept until a budget fills, then
sorted and spilled to a temporary file; reading merges the runs (an external merge
sort). This keeps ``kb export`` memory flat however many articles go through.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["DEFAULT_BUDGET", "SortedLines"]

#: Characters of lines held in memory before a run is spilled (about 40 MB of Python
#: strings): big enough that a batch of a few hundred articles never touches disk.
DEFAULT_BUDGET = 16_000_000


class SortedLines:
    """Collects lines (each ending in ``\\n``); iterating yields them sorted, once each.

    >>> with SortedLines() as lines:
    ...     lines.extend(["b\\n", "a\\n", "b\\n"])
    ...     list(lines)
    ['a\\n', 'b\\n']
    """

    def __init__(self, budget: int = DEFAULT_BUDGET, directory: str | None = None):
        self._budget = budget
        self._directory = directory
        self._held: list[str] = []
        self._held_chars = 0
        self._runs: list[IO[str]] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def extend(self, lines: list[str]) -> None:
        self._held.extend(lines)
        self._held_chars += sum(map(len, lines))
        if self._held_chars >= self._budget:
            self._spill()

    def _spill(self) -> None:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(
                prefix="kb-sort-", dir=self._directory
            )
        path = Path(self._tmp.name) / f"run-{len(self._runs)}"
        # newline="": lines are written and read back byte for byte (no \r games)
        run = path.open("w+", encoding="utf-8", newline="")
        run.writelines(sorted(set(self._held)))
        run.seek(0)
        self._runs.append(run)
        self._held, self._held_chars = [], 0

    def __iter__(self) -> Iterator[str]:
        held = sorted(set(self._held))
        if not self._runs:
            yield from held  # nothing spilled: no merge needed
            return
        for run in self._runs:
            run.seek(0)
        previous = None
        for line in heapq.merge(held, *self._runs):
            if line != previous:
                yield line
                previous = line

    def chunks(self, size: int = 20_000) -> Iterator[list[str]]:
        """The sorted, distinct lines in lists of ``size``: cheaper to write or parse."""
        it = iter(self)
        while chunk := list(islice(it, size)):
            yield chunk

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs.clear()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> SortedLines:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
