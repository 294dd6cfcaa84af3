"""conflicting-figures' rows of a key apart from the claimants' labels, kept beside a
busy entity's list as other queries keep a key's count of rows
(:mod:`kb.store.key_rows`), and turned into counts with the labels read when a page
is.

A key (two conflicting claims) has a row for each of its pairs of same-unit figures,
each pair of articles that state the claims and pass the ``from``/``to`` test,
each label of a claimant of the first claim and each of the second's: these
four parts share no variable, so its rows are their product. The first three
change only with the claims' own triples (a claim and its figures are minted in
its article), as the items of other kept lists do, so the lists keep them
settled in steps; the labels are any article's (one more article may give a
claimant another name), so they are read with the page, a lookup a claimant.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox
from rdflib import RDFS
from rdflib.term import Node

from kb.store.key_rows import Counts
from kb.store.sparql import PREDECLARED, Key

__all__ = ["LabelledCounts", "QUERY", "read_parts"]

#: The query whose kept counts are its keys' parts (the others keep numbers).
QUERY = "conflicting-figures"
_LABEL = ox.NamedNode(str(RDFS.label))
_UNION = ox.DefaultGraph()
#: The query's lines that read the claimants' labels (its rows' parts select the
#: claimants instead: :data:`_PARTS`).
_LABELS = re.compile(r"^\s*\?(who|owho) rdfs:label \?\w+ \.\n", flags=re.MULTILINE)
_PARTS = (
    "?claim ?other ?unit ?value ?otherValue ?article ?otherArticle"
    " ?day ?otherDay ?who ?owho"
)


def _without_labels(text: str, entity: str) -> str:
    """``text`` (the query's rows, without its ``ORDER BY``) selecting the
    parts of its rows, its claimants in place of their labels."""
    text, cut = _LABELS.subn("", text)
    assert cut == 2, "conflicting-figures reads the labels of two claimants"
    return re.sub(
        r"^SELECT DISTINCT[^\n]*",
        f"SELECT DISTINCT ?{entity} {_PARTS}",
        text,
        count=1,
        flags=re.MULTILINE,
    )


def read_parts(db: ox.Store, text: str, entity: str) -> Counts:
    """Each entity's keys' parts (a key with no row is absent), as the texts
    :func:`LabelledCounts` reads: ``text`` is the query's rows without its
    ``ORDER BY``, selecting ``?entity``, with ``from`` and ``to`` unbound."""
    answer = db.query(_without_labels(text, entity), prefixes=PREDECLARED)
    assert isinstance(answer, ox.QuerySolutions)
    found: dict[tuple[ox.NamedNode, Key], _Parts] = {}
    for row in answer:
        owner = row[entity]
        if not isinstance(owner, ox.NamedNode):
            continue
        key: Key = (str(row["claim"]), str(row["other"]))
        parts = found.setdefault((owner, key), _Parts())
        parts.figures.add((row["unit"], row["value"], row["otherValue"]))
        days = parts.articles.setdefault((row["article"], row["otherArticle"]), set())
        days.add((_day(row["day"]), _day(row["otherDay"])))
        parts.claimants[0].add(str(row["who"]))
        parts.claimants[1].add(str(row["owho"]))
    out: Counts = {}
    for (owner, key), parts in found.items():
        out.setdefault(owner, {})[key] = parts.text()
    return out


def _day(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    return term.value if isinstance(term, ox.Literal) else None


class _Parts:
    """A key's rows apart from the labels: its distinct figures, its pairs of
    articles with their days (an article with two dates has two), and the
    claimants of each claim."""

    def __init__(self) -> None:
        self.figures: set[tuple[object, object, object]] = set()
        self.articles: dict[tuple[object, object], set[tuple[str | None, str | None]]]
        self.articles = {}
        self.claimants: tuple[set[str], set[str]] = (set(), set())

    def text(self) -> str:
        """Its text: JSON, on one line, the same for the same parts."""
        days = sorted(
            (sorted(pair, key=repr) for pair in self.articles.values()), key=repr
        )
        return json.dumps(
            [len(self.figures), days, *(sorted(c) for c in self.claimants)],
            separators=(",", ":"),
        )


class LabelledCounts(Mapping[Key, int]):
    """A list's counts of rows (of its keys with other than one), from its
    keys' parts, with the ``from``/``to`` of ``bindings`` and the claimants'
    labels as the store has them now; each key's counted as it is asked for
    (a page asks for those before it), each claimant's labels read once."""

    def __init__(
        self, db: ox.Store, parts: Mapping[Key, str], bindings: Mapping[str, Node]
    ) -> None:
        self._db = db
        self._parts = parts
        self._first = str(bindings.get("from", ""))
        self._last = str(bindings.get("to", ""))
        self._labels: dict[str, set[ox.Literal]] = {}
        #: counts by parts' text: many keys have the same (their days and
        #: claimants), and a page asks for thousands
        self._counted: dict[str, int] = {}

    def __getitem__(self, key: Key) -> int:
        text = self._parts[key]
        found = self._counted.get(text)
        if found is None:
            found = self._counted[text] = self._count(text)
        return found

    def _count(self, text: str) -> int:
        if not text.startswith("["):  # a key with no row: "0"
            return int(text)
        figures, days, *claimants = json.loads(text)
        articles = sum(any(self._passes(*d) for d in pair) for pair in days)
        found = figures * articles
        for iris in claimants:
            found *= len(set().union(*(self._labels_of(iri) for iri in iris)))
        return found

    def __iter__(self) -> Iterator[Key]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def _passes(self, day: str | None, other: str | None) -> bool:
        """The query's test of ``from``/``to``: either article's day in range."""
        if not self._first and not self._last:
            return True
        return any(
            d is not None
            and (not self._first or d >= self._first)
            and (not self._last or d <= self._last)
            for d in (day, other)
        )

    def _labels_of(self, iri: str) -> set[ox.Literal]:
        if iri not in self._labels:
            node = ox.NamedNode(iri[1:-1])
            found = self._db.quads_for_pattern(node, _LABEL, None, _UNION)
            self._labels[iri] = {
                q.object for q in found if isinstance(q.object, ox.Literal)
            }
        return self._labels[iri]
