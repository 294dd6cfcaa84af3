"""One ``rdfs:label`` per node in merged output: articles that spell one entity's name
differently ("Tomás Varga", "TOMAS VARGA") each give its node their label, and the
contract allows one; the merged graph keeps the preferred one and lists the others
as ``schema:alternateName``, as an article's own graph does for a second name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["LabelChoice"]

_LABEL = b" <http://www.w3.org/2000/01/rdf-schema#label> "
_ALTERNATE = b" <http://schema.org/alternateName> "
_LABEL_TEXT = _LABEL.decode("ascii")


class LabelChoice:
    """Collects the labels of merged article graphs (:meth:`note`), then rewrites
    the sorted lines so that each node keeps one (:meth:`relabel`)."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}  # subject → its first label (N-Triples)
        self._more: dict[str, set[str]] = {}  # subjects with several labels

    def note(self, ntriples: str) -> None:
        """Note the labels of one article graph's N-Triples text."""
        for subject, label in _labels(ntriples):
            first = self._first.setdefault(subject, label)
            if first != label:
                self._more.setdefault(subject, {first}).add(label)

    def relabel(self, blocks: Iterable[list[bytes]]) -> Iterator[list[bytes]]:
        """The sorted, distinct lines (a list at a time, as
        :meth:`kb.rdf.spill.SortedLines.blocks` gives them) with every label but the
        chosen one of a node turned into an alternate name; unchanged when no node
        has two labels."""
        chosen = {
            s.encode("utf-8"): _preferred(labels).encode("utf-8")
            for s, labels in self._more.items()
        }
        if not chosen:
            yield from blocks
            return
        for block in blocks:
            yield _one_label(block, chosen)


def _labels(ntriples: str) -> Iterator[tuple[str, str]]:
    """(subject, label) of each label line; found by the predicate's text, which
    is much faster than a pattern tried at every line start."""
    at = ntriples.find(_LABEL_TEXT)
    while at >= 0:
        start = ntriples.rfind("\n", 0, at) + 1
        end = ntriples.find("\n", at)
        end = len(ntriples) if end < 0 else end
        subject = ntriples[start:at]
        if " " not in subject:  # not inside a literal of another line
            yield subject, ntriples[at + len(_LABEL_TEXT) : end].rstrip()[:-1].rstrip()
        at = ntriples.find(_LABEL_TEXT, end)


def _one_label(block: list[bytes], chosen: dict[bytes, bytes]) -> list[bytes]:
    out, changed = [], False
    for line in block:
        if _LABEL in line:
            subject, _, rest = line.partition(b" ")
            label = chosen.get(subject)
            obj = rest[len(_LABEL) - 1 : -2]  # after the predicate, before " ."
            if label is not None and rest.startswith(_LABEL[1:]) and obj != label:
                line, changed = subject + _ALTERNATE + obj + b" .", True
        out.append(line)
    # an alternate name sorts before the label, and may be one already
    return sorted(set(out)) if changed else out


def _preferred(labels: set[str]) -> str:
    """The label to keep: not in capitals, then with the most accented letters (the
    fuller spelling, "Tomás"), then the first in code-point order."""

    def rank(label: str) -> tuple[bool, int, str]:
        text = label.rsplit('"', 1)[0]
        return text.isupper(), -sum(ord(c) > 127 for c in text), label

    return min(labels, key=rank)
