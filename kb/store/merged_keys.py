"""The keys of a name of several entities, from their kept lists merged only as
far as a page reads them: each list is in order already, so a page needs the
lines of each before it, found by halving, not an order of every line of all."""

from __future__ import annotations

import heapq
from bisect import bisect_left
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
        before, at = 0, 0
        while (run := self._run(at)) is not None:
            first, size, lists = run
            at += 1
            if len(lists) == 1 and not self.counts[lists[0]]:  # a row a key
                if before + size > offset:
                    return first + offset - before, 0
                before += size
                continue
            if not self._summed:
                lists = lists[:1]
            for index in range(first, first + size):
                key = self._key(self._lines[index])
                found = sum(self.counts[i].get(key, 1) for i in lists)
                if before + found > offset:
                    return index, offset - before
                before += found
        return len(self._lines), offset - before

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
