"""The keys of a name of several entities, from their kept lists merged only as
far as a page reads them: each list is in order already, so a page needs the
lines of each before it, found by halving, not an order of every line of all."""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from typing import Any

from kb.store.sparql import Key

__all__ = ["MergedKeys", "Unordered"]

#: A line's place in the order (:func:`kb.store.ordered_keys._line_rank`).
Rank = tuple[tuple[int, str | int], ...]


class Unordered(Exception):
    """Two different lines of two lists rank alike: the merge cannot tell the
    keys' order (:func:`kb.store.ordered_keys._in_order` gives up on such a tie
    too), so the page is read from the key query instead."""


class MergedKeys(Sequence[Key]):
    """The keys of several lists, each once, in order, merged as they are asked
    for. Each list is in order (as an entity's list is read alone:
    :class:`kb.store.ordered_keys.KeptKeys`), so the lines of one list that come
    before the next line of every other are taken at once, found by halving.

    A line in several lists is one key. Where ``counts`` (each list's counts of
    its keys with other than one row) are given, a key's rows are the sum of its
    lists' when ``summed`` (the rows select the entity whose list it is, so no
    two lists share a row), else those of any of its lists (its rows do not
    depend on the entity)."""

    def __init__(
        self,
        lists: list[list[str]],
        rank: Callable[[str], Rank],
        key: Callable[[str], Key],
        counts: Sequence[Mapping[Key, int]] | None = None,
        *,
        summed: bool = True,
    ) -> None:
        self._lists = lists
        self._rank = rank
        self._key = key
        self.counts = counts
        self._summed = summed
        #: each list's next line: its rank, the list, the line's index
        self._heap = [
            (rank(lines[0]), at, 0) for at, lines in enumerate(lists) if lines
        ]
        heapq.heapify(self._heap)
        self._lines: list[str] = []
        #: runs of merged lines: the first's index, how many, the lists they are in
        self._runs: list[tuple[int, int, tuple[int, ...]]] = []
        self._length: int | None = None

    def _more(self) -> bool:
        """Merge the next run of lines; ``False`` at the end. Every line not
        merged yet ranks above it."""
        if not self._heap:
            return False
        rank, at, pos = self._heap[0]
        lines = self._lists[at]
        after = min((entry[0] for entry in self._heap[1:3]), default=None)
        if after is None or rank < after:  # a run of this list's lines alone
            end = len(lines)
            if after is not None:
                end = bisect_left(lines, after, lo=pos + 1, key=self._rank)
            self._take(lines[pos:end], (at,))
            self._move(end)
            return True
        line, found = lines[pos], [at]
        self._move(pos + 1)
        while self._heap and self._heap[0][0] == rank:
            other = self._heap[0][1]
            if self._lists[other][self._heap[0][2]] != line:
                raise Unordered(f"two keys rank alike: {line!r}")
            if other not in found:  # a list's own copy is one key, as a set's
                found.append(other)
            self._move(self._heap[0][2] + 1)
        self._take([line], tuple(found))
        return True

    def _take(self, lines: list[str], lists: tuple[int, ...]) -> None:
        self._runs.append((len(self._lines), len(lines), lists))
        self._lines += lines

    def _move(self, pos: int) -> None:
        """Move the heap's first list to its line ``pos`` (off the heap at its
        end)."""
        at = self._heap[0][1]
        lines = self._lists[at]
        if pos == len(lines):
            heapq.heappop(self._heap)
        else:
            heapq.heapreplace(self._heap, (self._rank(lines[pos]), at, pos))

    def _reach(self, index: int) -> None:
        """Merge lines up to ``index`` (or to the end)."""
        while len(self._lines) <= index and self._more():
            pass

    def _run(self, index: int) -> tuple[int, int, tuple[int, ...]] | None:
        """The ``index``-th run, merged if need be; ``None`` past the end."""
        while len(self._runs) <= index and self._more():
            pass
        return self._runs[index] if index < len(self._runs) else None

    def start(self, offset: int) -> tuple[int, int] | None:
        """Where row ``offset`` of the answer is: the index of its key, and how
        many of that key's rows come before it; ``None`` without counts."""
        if self.counts is None:
            return None
        at, before = self._find(offset, 0, 0)
        return at, offset - before

    def end(self, row: int, first: int, before: int) -> int:
        """The index after the key of row ``row`` of the answer, or, when the
        answer has no such row, after its last key with a row (as
        :meth:`kb.store.ordered_keys.KeptKeys.end`), merged only that far: key
        ``first`` (merged already), at or before row ``row``'s, has ``before``
        rows before it. Without counts, every key."""
        if self.counts is None:
            return len(self)
        if first < len(self._lines):
            run = self._run_of(first)
            start, _, lists = self._runs[run]
            if self._one_each(lists):
                before -= first - start
            else:
                before -= sum(self._rows(i, lists) for i in range(start, first))
            at = self._find(row, run, before)[0]
            if at < len(self._lines):
                return at + 1
        at = len(self._lines)  # every line merged: the answer has no row ``row``
        while at > 0 and self._rows(at - 1, self._runs[self._run_of(at - 1)][2]) == 0:
            at -= 1
        return at

    def _find(self, offset: int, run: int, before: int) -> tuple[int, int]:
        """The index of the key of row ``offset``, and the rows before that
        key, looked for from run ``run``, which has ``before`` rows before it;
        past the last key, the number of keys and every row."""
        while (found := self._run(run)) is not None:
            first, size, lists = found
            run += 1
            if self._one_each(lists):
                if before + size > offset:
                    return first + offset - before, offset
                before += size
                continue
            for index in range(first, first + size):
                rows = self._rows(index, lists)
                if before + rows > offset:
                    return index, before
                before += rows
        return len(self._lines), before

    def _one_each(self, lists: tuple[int, ...]) -> bool:
        """Whether each key of a run in ``lists`` has one row."""
        return len(lists) == 1 and not self._counted(lists[0])

    def _counted(self, at: int) -> Mapping[Key, int]:
        assert self.counts is not None
        return self.counts[at]

    def _rows(self, index: int, lists: tuple[int, ...]) -> int:
        """The rows of key ``index``, in ``lists``."""
        key = self._key(self._lines[index])
        if not self._summed:
            lists = lists[:1]
        return sum(self._counted(i).get(key, 1) for i in lists)

    def _run_of(self, index: int) -> int:
        """The run of merged line ``index``."""
        return bisect_right(self._runs, index, key=lambda r: r[0]) - 1

    def __len__(self) -> int:
        if self._length is None:
            self._length = len(set(chain.from_iterable(self._lists)))
        return self._length

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            start, stop = index.start or 0, index.stop
            if index.step not in (None, 1) or start < 0 or (stop or 0) < 0:
                raise IndexError("a page's keys are a slice from the start")
            self._reach(len(self) if stop is None else stop)
            return [self._key(line) for line in self._lines[index]]
        if index < 0:
            index += len(self)
        self._reach(index)
        return self._key(self._lines[index])
