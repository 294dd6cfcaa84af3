"""Sorted, distinct lines in bounded memory: lines are kept until a budget fills, then
sorted and spilled to a temporary file; reading merges the runs (an external merge
sort). This keeps ``kb export`` memory flat however many articles go through.

Lines are held as UTF-8 bytes, whose order is the order of their code points, as
Python sorts strings. The work is done a list at a time, not a line at a time:
``sorted`` of runs laid end to end merges them (Timsort finds the runs), and a merge
step takes from every run's buffer the lines up to the smallest of the buffers' last
lines, so no line that is still to come can sort before them.
"""

from __future__ import annotations

import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import chain, compress, islice
from operator import ne
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["DEFAULT_BUDGET", "SortedLines", "lines_of", "text_of"]

#: Bytes of lines held in memory before a run is spilled (about 20 MB of Python
#: objects): big enough that a batch of a few hundred articles never touches disk.
DEFAULT_BUDGET = 16_000_000

#: Lines in a block handed out when nothing was spilled.
BLOCK_LINES = 50_000

#: Smallest read from one run during the merge.
MIN_READ = 1 << 16


class SortedLines:
    """Collects lines; yields them sorted (as strings without their line ends) and
    once each. Blank lines are left out.

    >>> with SortedLines() as lines:
    ...     lines.add("b\\na\\n")
    ...     lines.add("b\\n")
    ...     list(lines)
    ['a', 'b']
    """

    def __init__(self, budget: int = DEFAULT_BUDGET, directory: str | None = None):
        self._budget = budget
        self._directory = directory
        self._held: list[bytes] = []
        self._held_bytes = 0
        self._runs: list[IO[bytes]] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def add(self, text: str) -> None:
        """Add the lines of ``text``, separated by ``\\n`` (not ``str.splitlines``:
        U+2028 and friends may stand unescaped inside N-Triples literals)."""
        data = text.encode("utf-8")
        self._hold(data.split(b"\n"), len(data))  # the text's size, not the lines'

    def extend(self, lines: list[bytes]) -> None:
        """Add lines, UTF-8 without line ends."""
        self._hold(lines, sum(map(len, lines)))

    def _hold(self, lines: list[bytes], size: int) -> None:
        self._held.extend(lines)
        self._held_bytes += size
        if self._held_bytes >= self._budget:
            self._spill()

    def _spill(self) -> None:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(
                prefix="kb-sort-", dir=self._directory
            )
        run = Path(self._tmp.name, f"run-{len(self._runs)}").open("w+b")
        lines = _sorted_distinct(self._held)
        self._held, self._held_bytes = [], 0
        for start in range(0, len(lines), BLOCK_LINES):
            run.write(text_of(lines[start : start + BLOCK_LINES]))
        self._runs.append(run)

    def blocks(self) -> Iterator[list[bytes]]:
        """The sorted, distinct lines (UTF-8, without line ends) a list at a time."""
        self._held = _sorted_distinct(self._held)
        if not self._runs:
            for start in range(0, len(self._held), BLOCK_LINES):
                yield self._held[start : start + BLOCK_LINES]
            return
        size = max(MIN_READ, self._budget // (8 * len(self._runs)))
        sources = [iter([self._held])] + [_read(run, size) for run in self._runs]
        yield from _merge(sources)

    def texts(self) -> Iterator[bytes]:
        """The sorted, distinct lines as UTF-8 text, each line ended by ``\\n``."""
        return map(text_of, self.blocks())

    def __iter__(self) -> Iterator[str]:
        return lines_of(self.blocks())

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


def lines_of(blocks: Iterable[list[bytes]]) -> Iterator[str]:
    """The lines of sorted blocks as strings, without their line ends."""
    # a line at a time (decoding a block's text and splitting it is 3 times slower),
    # chained in C: no generator resumed for every line
    return chain.from_iterable(map(bytes.decode, block) for block in blocks)


def text_of(lines: list[bytes]) -> bytes:
    """Lines as one text, each ended by ``\\n``."""
    lines.append(b"")  # a line end after the last line too, without copying the text
    text = b"\n".join(lines)
    lines.pop()
    return text


def _sorted_distinct(lines: Iterable[bytes]) -> list[bytes]:
    """Sorted, each line once, no blank line."""
    lines = sorted(lines)
    if len(lines) > 1:
        # keep a line unless the next one is the same (all in C, no Python loop)
        last = lines[-1]
        lines = list(compress(lines, map(ne, lines, islice(lines, 1, None))))
        lines.append(last)
    if lines and not lines[0]:
        del lines[0]  # blank lines sort first
    return lines


def _read(run: IO[bytes], size: int) -> Iterator[list[bytes]]:
    """A spilled run's lines, ``size`` bytes at a time."""
    run.seek(0)
    rest = b""
    while data := run.read(size):
        data = rest + data
        end = data.rfind(b"\n")
        if end >= 0:
            yield data[:end].split(b"\n")
        rest = data[end + 1 :]


def _merge(sources: list[Iterator[list[bytes]]]) -> Iterator[list[bytes]]:
    """Merge sorted, distinct sources (each a run of blocks) into sorted, distinct
    blocks. A step takes every line up to the smallest last line of the buffers:
    all the lines that sort there are in the buffers, so equal lines meet in one step.
    """
    buffers: list[tuple[list[bytes], int, Iterator[list[bytes]]]] = []
    for source in sources:
        _refill(buffers, [], 0, source)
    while len(buffers) > 1:
        cutoff = min(block[-1] for block, _, _ in buffers)
        parts, waiting = [], buffers
        buffers = []
        for block, start, source in waiting:
            end = bisect_right(block, cutoff, start)
            parts.append(block[start:end])
            _refill(buffers, block, end, source)
        yield _sorted_distinct(chain.from_iterable(parts))
    for block, start, source in buffers:
        yield block[start:]
        yield from source


def _refill(
    buffers: list[tuple[list[bytes], int, Iterator[list[bytes]]]],
    block: list[bytes],
    start: int,
    source: Iterator[list[bytes]],
) -> None:
    """Put back a source with lines left: its block from ``start``, or its next one."""
    if start < len(block):
        buffers.append((block, start, source))
        return
    for block in source:
        if block:
            buffers.append((block, 0, source))
            return
