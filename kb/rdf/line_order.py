"""Sorted N-Triples lines put in the order the Turtle and TriG writers print: each
subject's rdf:type lines first, worked on whole lists of lines rather than one line
(or one parsed triple) at a time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from rdflib.namespace import RDF

__all__ = ["in_graph", "nquads", "types_first", "whole_subjects"]

_TYPE = f" <{RDF.type}> ".encode()


def types_first(blocks: Iterable[list[bytes]], fields: int) -> Iterator[list[bytes]]:
    """Sorted lines with each subject's rdf:type lines moved before its other lines
    ("x a kb:Person ; …", as people read Turtle); the order is otherwise kept.

    A subject is the first ``fields`` fields of a line (1 for triples, 2 for the
    "<g> s p o ." lines of TriG); no subject is split between two blocks.

    >>> lines = [b"<x> <p> 1 .", b"<x>" + _TYPE + b"<T> .", b"<y> <p> 2 ."]
    >>> [line.split()[2] for block in types_first([lines], 1) for line in block]
    [b'<T>', b'1', b'2']
    """
    for block in whole_subjects(blocks, fields):
        yield _reordered(block, fields)


def _key(line: bytes, fields: int) -> bytes:
    """The line's first ``fields`` fields and the space after them."""
    end = -1
    for _ in range(fields):
        end = line.index(b" ", end + 1)
    return line[: end + 1]


def whole_subjects(blocks: Iterable[list[bytes]], fields: int) -> Iterator[list[bytes]]:
    """The blocks, each subject's lines in one of them: a block's last subject goes
    on to the next block."""
    carry: list[bytes] = []
    for block in blocks:
        if not block:
            continue
        if carry:
            block = carry + block
        # a subject's lines all start with its key, and sort before any other line
        # that sorts after the key (a subject ends at a space)
        cut = bisect_left(block, _key(block[-1], fields))
        if cut:
            yield block[:cut]
        carry = block[cut:]
    if carry:
        yield carry


def _reordered(block: list[bytes], fields: int) -> list[bytes]:
    """One block with each subject's rdf:type lines (contiguous, being sorted) moved
    to the start of its lines."""
    # candidates by a substring test (fast), then checked at the predicate's place
    found = [i for i, line in enumerate(block) if line.find(_TYPE) >= 0]
    out: list[bytes] = []
    done = 0  # lines before block[done] are in out
    for i in found:
        if i < done:
            continue  # already moved with its subject's first type line
        key = _key(block[i], fields)
        if not block[i].startswith(_TYPE, len(key) - 1):
            continue  # the predicate IRI written inside a literal
        end = i + 1
        while end < len(block) and block[end].startswith(key + _TYPE[1:]):
            end += 1
        start = bisect_left(block, key, done)  # the subject's first line
        out += block[done:start]
        out += block[i:end]
        out += block[start:i]
        done = end
    out += block[done:]
    return out


def in_graph(lines: Iterable[bytes], iri: bytes, skip: int = 0) -> list[bytes]:
    """N-Triples lines (each ending in ".") as N-Quads in graph ``iri``: "s p o ."
    becomes "s p o <g> ."; blank lines are left out, and the first ``skip`` bytes
    of each line."""
    tail = b"<%s> ." % iri
    return [line[skip:-1] + tail for line in lines if line]


def nquads(block: list[bytes]) -> bytes:
    """N-Quads text from sorted "<g> s p o ." lines."""
    texts, start = [], 0
    while start < len(block):
        name = _key(block[start], 1)
        # every line of graph <g> starts "<g> ", and no UTF-8 byte is 0xFF
        end = bisect_left(block, name + b"\xff", start)
        lines = in_graph(block[start:end], name[1:-2], skip=len(name))
        texts.append(b"\n".join(lines))
        start = end
    return b"\n".join(texts) + b"\n"
