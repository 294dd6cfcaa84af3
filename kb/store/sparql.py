"""SPARQL on the embedded store: kb's prefixes predeclared, federated queries refused,
and the answer read into a :class:`QueryResult` of rdflib terms."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any
from typing import Literal as KindLiteral

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kb.errors import StoreError, UsageError
from kb.rdf.namespaces import PREFIXES
from kb.store.query_checks import _OPAQUE, parse_error_message
from kb.store.terms import Term, to_oxigraph, to_rdflib

__all__ = [
    "PREDECLARED",
    "QueryKind",
    "QueryResult",
    "check_offline",
    "order_keys",
    "term_kind",
    "read_keys",
    "run_sparql",
    "to_substitutions",
]

#: Prefixes a query may use without declaring them (kb:, schema:, rdfs:, ...).
PREDECLARED = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
}
QueryKind = KindLiteral["select", "ask", "graph"]
#: What :meth:`pyoxigraph.Store.query` substitutes for variables.
Substitutions = dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]


#: ``SERVICE`` as a keyword, not inside a variable (?service) or prefixed name.
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def check_offline(sparql: str) -> None:
    """Refuse federated queries: oxigraph would really fetch a ``SERVICE`` IRI, and
    kb never makes network requests (nor lets a query make the server make them).

    >>> check_offline("SELECT ?service WHERE { ?service a kb:Event }")
    >>> check_offline("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kb.errors.UsageError: federated queries (SERVICE) are not allowed: kb never makes requests to other servers
    """
    if _SERVICE.search(_OPAQUE.sub(" ", sparql)):
        raise UsageError(
            "federated queries (SERVICE) are not allowed: kb never makes requests "
            "to other servers"
        )


@dataclass(frozen=True)
class QueryResult:
    """A query's answer as rdflib terms: rows for SELECT, a boolean for ASK, a graph
    for CONSTRUCT and DESCRIBE. ``None`` in a row is an unbound variable."""

    kind: QueryKind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    #: rows follow these in the whole answer (this is a page of it)
    more: bool = False
    #: things the asker should know, such as a term that matches nothing
    notes: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Term]]:
        """Rows as dicts of the bound variables only."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]


#: ``SELECT *`` (oxigraph lists its columns sorted by name, not as the query has them)
_SELECT_ALL = re.compile(r"(?i)\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*")
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\U000effff]+)")


def _columns(sparql: str, names: Sequence[str]) -> list[int]:
    """The order to show ``names`` (oxigraph's columns) in: for ``SELECT *``, as the
    variables first appear after it, as other stores do; else as they are.

    >>> columns = ["alpha", "beta", "q", "zeta"]
    >>> _columns("SELECT * { ?zeta ?beta 'a?b' . ?alpha ?q ?zeta }", columns)
    [3, 1, 0, 2]
    >>> _columns("SELECT ?q ?beta { { SELECT * { ?beta ?q 1 } } }", ["q", "beta"])
    [0, 1]
    """
    text = _OPAQUE.sub(" ", sparql)
    select = re.search(r"(?i)\bSELECT\b", text)  # the query's, not a subquery's
    star = _SELECT_ALL.match(text, select.start()) if select else None
    if star is None:
        return list(range(len(names)))
    seen = dict.fromkeys(_VARIABLE.findall(text, star.end()))
    first = {name: i for i, name in enumerate(seen)}
    return sorted(range(len(names)), key=lambda i: first.get(names[i], len(first)))


def _result(
    answer: object, sparql: str = "", max_rows: int | None = None
) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        shown = tuple(v.value for v in answer.variables)
        order = _columns(sparql, shown)
        names = tuple(shown[i] for i in order)
        # a term repeats down a column (a type, an article, a claimant): each
        # distinct one becomes an rdflib term once
        terms: dict[object, Term] = {}

        def term(value: object) -> Term | None:
            if value is None:
                return None
            found = terms.get(value)
            if found is None:
                found = terms[value] = to_rdflib(value)
            return found

        solutions = islice(answer, max_rows)
        if order == list(range(len(order))):
            rows = tuple(tuple(term(value) for value in s) for s in solutions)
        else:
            rows = tuple(tuple(term(s[i]) for i in order) for s in solutions)
        return QueryResult("select", names, rows)
    assert isinstance(answer, ox.QueryTriples)
    graph = Graph()
    for triple in islice(answer, max_rows):
        graph.add(tuple(to_rdflib(t) for t in triple))  # type: ignore[arg-type]
    return QueryResult("graph", graph=graph)


def to_substitutions(bindings: Mapping[str, Node] | None) -> Substitutions:
    """Variable name → RDF term, as oxigraph substitutes them: as terms (never as
    query text), so a value cannot change the query."""
    substitutions: Substitutions = {
        ox.Variable(name): to_oxigraph(term) for name, term in (bindings or {}).items()
    }
    return substitutions


def run_sparql(
    db: ox.Store, sparql: str, substitutions: Substitutions, max_rows: int | None
) -> QueryResult:
    """Run a query on ``db`` with kb's prefixes predeclared, reading at most
    ``max_rows`` rows (or triples) of the answer.

    :raises UsageError: when the query does not parse.
    :raises StoreError: when the store fails to answer.
    """
    try:
        answer = db.query(
            sparql,
            substitutions=substitutions or None,
            prefixes=PREDECLARED,
        )
        return _result(answer, sparql, max_rows)
    except SyntaxError as exc:
        if _UPDATE.match(sparql):
            raise UsageError(
                "kb query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE); the store "
                "changes through kb add and kb remove"
            ) from exc
        if "Prefix not found" in str(exc):
            _check_prefixes(sparql)
        raise UsageError(parse_error_message(sparql, str(exc))) from exc
    except OSError as exc:
        raise StoreError(f"the query failed: {exc}") from exc


#: A prefixed name's prefix (``foaf`` in ``foaf:name``; empty in ``:name``), not in a
#: variable, a blank node label (``_:b``) or a longer name.
_PREFIX_USE = re.compile(r"(?<![\w?$:.\-])((?:[A-Za-z][\w.\-]*)?):")
_PREFIX_DECLARED = re.compile(r"(?i)\bPREFIX\s+((?:[A-Za-z][\w.\-]*)?):")


def _check_prefixes(sparql: str) -> None:
    """Say which prefix ``sparql`` uses that neither it nor :data:`PREDECLARED`
    declares (outside strings, IRIs and comments), if one does.

    >>> _check_prefixes("PREFIX ex: <http://e/> SELECT * { ?s ex:p foaf:name }")
    Traceback (most recent call last):
    ...
    kb.errors.UsageError: the query does not parse: unknown prefix foaf: — declared prefixes are: kb:, schema:, sem:, prov:, skos:, rdfs:, owl:, xsd:, dcterms:, rdf:, ex:; declare others with PREFIX foaf: <IRI>
    """
    text = _OPAQUE.sub(" ", sparql)
    declared = dict.fromkeys([*PREDECLARED, *_PREFIX_DECLARED.findall(text)])
    for match in _PREFIX_USE.finditer(text):
        if match[1] not in declared:
            known = ", ".join(f"{p}:" for p in declared)
            raise UsageError(
                f"the query does not parse: unknown prefix {match[1]}: — declared "
                f"prefixes are: {known}; declare others with PREFIX {match[1]}: <IRI>"
            )


#: a SPARQL update: its first word after the prologue and comments
_UPDATE = re.compile(
    r"(?is)^(?:\s|#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>)|(?:BASE\s*<[^>]*>))*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b"
)


#: A key of a page (see :mod:`kb.store.paging`): each term as SPARQL text, or ``None``
#: for an unbound one (``UNDEF`` in a ``VALUES`` block).
Key = tuple[str | None, ...]
_XSD = "http://www.w3.org/2001/XMLSchema#"


def read_keys(
    db: ox.Store,
    sparql: str,
    substitutions: Substitutions,
    order: Sequence[str],
    keys: Sequence[str],
) -> list[Key] | None:
    """The rows of a key query that has no ``ORDER BY`` left, in the order that
    ``ORDER BY`` the ``order`` variables (ascending) would give, as the ``keys``
    variables' terms.

    They are sorted here, not by oxigraph: on a store on disk oxigraph reads an
    IRI's text from the database at each comparison of a sort (about 450 ms for
    6 000 IRIs, against 25 ms to read them once). Values sort as SPARQL orders
    them: unbound first, IRIs by their text, plain strings by their text (code
    point order, as oxigraph compares them), integers by value, days (``xsd:date``
    with no time zone) in time.

    :returns: the keys in order, or ``None`` when this cannot order them as SPARQL
        would: a variable holds another kind of term (a blank node, a date, a
        language-tagged string), or two kinds, and it decides the order of two
        keys; or a key is a blank node (which a ``VALUES`` block cannot name).
    """
    try:
        answer = db.query(
            sparql, substitutions=substitutions or None, prefixes=PREDECLARED
        )
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"the key query failed: {exc}") from exc
    assert isinstance(answer, ox.QuerySolutions)
    columns = [v.value for v in answer.variables]
    return order_keys(columns, list(answer), order, keys)


def order_keys(
    columns: Sequence[str],
    solutions: Sequence[Any],
    order: Sequence[str],
    keys: Sequence[str],
) -> list[Key] | None:
    """The ``keys`` variables' terms of ``solutions`` (rows of oxigraph terms, or
    ``None``, under ``columns``) in the order ``ORDER BY`` the ``order`` variables
    would give: what :func:`read_keys` returns for the rows its query found."""
    # column by column: a Python call per term, not per row and term
    orders = [_column(solutions, columns.index(v)) for v in order]
    ranks = []
    for column in orders:
        rank = _ranks(column)
        if rank is None:
            break
        ranks.append(rank)
    sortable = len(ranks)
    ranked = list(zip(*ranks)) if ranks else [()] * len(solutions)
    rows = sorted(range(len(solutions)), key=ranked.__getitem__)
    rest = list(zip(*orders[sortable:])) if sortable < len(orders) else None
    if rest is not None and any(
        ranked[a] == ranked[b] and rest[a] != rest[b]
        for a, b in zip(rows, rows[1:], strict=False)
    ):
        return None  # a tie that the values this cannot sort would break
    texts = []
    for v in keys:
        column = _column(solutions, columns.index(v))
        if any(isinstance(term, ox.BlankNode) for term in column):
            return None
        texts.append([None if term is None else str(term) for term in column])
    found = list(zip(*texts))
    return [found[row] for row in rows]


def _column(solutions: Sequence[Any], i: int) -> list[Any]:
    return [s[i] for s in solutions]


def term_kind(term: object) -> str:
    """How :func:`order_keys` orders a term: ``iri``, ``string``, ``integer``,
    ``date``, or ``other`` (which it cannot order)."""
    if isinstance(term, ox.NamedNode):
        return "iri"
    if isinstance(term, ox.Literal) and not term.language:
        if term.datatype.value == _XSD + "string":
            return "string"
        if term.datatype.value == _XSD + "integer" and _INTEGER.match(term.value):
            return "integer"
        if term.datatype.value == _XSD + "date" and _DAY.match(term.value):
            # a day without a time zone: its text sorts as its value
            return "date"
    return "other"


_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _ranks(column: Sequence[Any]) -> list[tuple[int, str | int]] | None:
    """The sort key of each term of a column, as SPARQL orders them; ``None`` when
    the column holds another kind of term, or two kinds."""
    kinds = {term_kind(term) for term in column if term is not None}
    if len(kinds) > 1 or "other" in kinds:
        return None
    if kinds == {"integer"}:
        return [(0, 0) if t is None else (1, int(t.value)) for t in column]
    return [(0, "") if t is None else (1, t.value) for t in column]
