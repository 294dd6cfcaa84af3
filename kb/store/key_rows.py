"""How many rows of a named query's answer each kept key has (a key may have several
rows, or none), kept beside an entity's list of keys (:mod:`kb.store.ordered_keys`)
for the keys that have other than one, so that a page deep in the answer finds
where it starts without reading the rows of every key before it.

An entity's counts are ``?entity <urn:newskb:keyRows/NAME> "…"`` in the index graph:
a first line, the guard of the list's texts they were counted for (:func:`guard`),
then a line per key with other than one row: the count, a tab, and the key's terms
as a list holds them (SPARQL text, separated by tabs, an empty field for an unbound
one). A count is text: a number, or, for a query whose rows a count cannot keep
(conflicting-figures'), what its rows are made of (:mod:`kb.store.label_rows`). A
reader uses them only when the guard is that of the list it read, so a list
written again by code that keeps no counts is read as before.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kb.store.sparql import PREDECLARED, Key

__all__ = [
    "ONE",
    "PREFIX",
    "counted",
    "decode",
    "encode",
    "guard",
    "of_keys",
    "read_counts",
]

PREFIX = "urn:newskb:keyRows/"

Counts = dict[ox.NamedNode, dict[Key, str]]
#: The count of a key of one row, which a text leaves out.
ONE = "1"


def guard(whole: str, added: str | None) -> str:
    """A check of a list's texts (written whole, and the rows added since)."""
    check = zlib.crc32(whole.encode("utf-8"))
    if added is not None:
        check = zlib.crc32(b"\0" + added.encode("utf-8"), check)
    return f"{check:08x}:{len(whole)}:{-1 if added is None else len(added)}"


def encode(check: str, counts: Mapping[Key, str]) -> str:
    """The text of a list's counts: the guard ``check``, then each key of
    ``counts`` whose count is not one."""
    lines = [check]
    for key, found in counts.items():
        if found != ONE:
            lines.append(f"{found}\t" + "\t".join(t or "" for t in key))
    return "\n".join(lines)


def of_keys(keys: Iterable[Key], counts: Mapping[Key, str]) -> dict[Key, str]:
    """The counts of ``keys`` that are not one, where ``counts`` (a counting
    query's) has no key with no row."""
    found = ((key, counts.get(key, "0")) for key in keys)
    return {key: n for key, n in found if n != ONE}


def decode(text: str, check: str) -> dict[Key, str] | None:
    """The counts of the keys that have other than one row, or ``None`` when the
    text was counted for other lists than those whose guard is ``check``."""
    first, _, rest = text.partition("\n")
    if first != check:
        return None
    found: dict[Key, str] = {}
    for line in rest.split("\n") if rest else ():
        count, *terms = line.split("\t")
        found[tuple(t or None for t in terms)] = count
    return found


def counted(text: str, entity: str, keys: list[str]) -> str:
    """A query counting the rows of ``text`` (a named query's, without its
    ``ORDER BY``, that selects ``?entity`` too) by entity and key."""
    select = re.search(r"^SELECT\b", text, flags=re.MULTILINE)
    assert select is not None, "a named query starts a line with SELECT"
    names = " ".join(f"?{v}" for v in [entity, *keys])
    return (
        f"{text[: select.start()]}SELECT {names} (COUNT(*) AS ?rows) WHERE "
        f"{{ {{ {text[select.start() :]} }} }} GROUP BY {names}"
    )


def read_counts(db: ox.Store, text: str, entity: str, keys: list[str]) -> Counts:
    """The rows of each entity's keys that the query ``text`` (see
    :func:`counted`) has, by entity and key (a key with none is absent)."""
    answer = db.query(counted(text, entity, keys), prefixes=PREDECLARED)
    assert isinstance(answer, ox.QuerySolutions)
    columns = [v.value for v in answer.variables]
    at, rows = columns.index(entity), columns.index("rows")
    where = [columns.index(v) for v in keys]
    found: Counts = {}
    for solution in answer:
        owner, count = solution[at], solution[rows]
        if isinstance(owner, ox.NamedNode) and isinstance(count, ox.Literal):
            key = tuple(
                None if solution[i] is None else str(solution[i]) for i in where
            )
            found.setdefault(owner, {})[key] = count.value
    return found
