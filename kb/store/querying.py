"""The query job: SPARQL text, a ``.rq`` file or a named query with parameters, run
against the knowledge base or against exported RDF files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib.term import Node

from kb.errors import InputError, UsageError
from kb.rdf.rdf_files import load_rdf_file
from kb.store import queries
from kb.store.embedded import Store, open_files
from kb.store.sparql import QueryResult

__all__ = ["PreparedQuery", "QueryRequest", "prepare", "run_query"]


@dataclass(frozen=True)
class QueryRequest:
    """What to ask and of what. Exactly one of ``sparql``, ``file`` and ``named``;
    ``data`` files, when given, are queried instead of the store."""

    sparql: str | None = None
    file: str | None = None
    named: str | None = None
    params: Sequence[tuple[str, str]] = ()
    store: Path | None = None
    data: Sequence[str] = field(default_factory=tuple)
    #: a page of the answer: at most ``limit`` rows, after skipping ``offset``
    limit: int | None = None
    offset: int | None = None


def run_query(request: QueryRequest) -> QueryResult:
    """Answer ``request``.

    :raises UsageError: for a missing or doubled query, bad parameters or bad SPARQL.
    :raises InputError: when a query file or data file cannot be read.
    :raises StoreError: when the store cannot be opened.
    """
    prepared = prepare(request)
    with _open(request) as store:
        result = store.query(prepared.text_for(store), prepared.bindings)
    return prepared.finish(result)


@dataclass(frozen=True)
class PreparedQuery:
    """A checked query: its text, its bound parameters, and the parameter columns to
    drop from its answer (they only repeat the values the user gave). ``named`` is
    the named query it comes from, if any."""

    text: str
    bindings: dict[str, Node] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    named: queries.NamedQuery | None = None
    page: str = ""  # " LIMIT n OFFSET m", appended to whichever text runs

    def text_for(self, store: Store) -> str:
        """The text to run on ``store``: a named query starts from the entities its
        name parameters name, found in the store's name index; the rows are the
        same as with :attr:`remote_text`, which remote endpoints run."""
        if self.named is None:
            return self.text + self.page
        return queries.for_store(self.named, self.bindings, store) + self.page

    @property
    def remote_text(self) -> str:
        return self.text + self.page

    def finish(self, result: QueryResult) -> QueryResult:
        """``result`` without the parameter columns."""
        keep = [i for i, v in enumerate(result.variables) if v not in self.hidden]
        if len(keep) == len(result.variables):
            return result
        return replace(
            result,
            variables=tuple(result.variables[i] for i in keep),
            rows=tuple(tuple(row[i] for i in keep) for row in result.rows),
        )


def prepare(request: QueryRequest) -> PreparedQuery:
    """Check ``request`` and bind its parameters, for the store or a remote endpoint.

    :raises UsageError: for a missing or doubled query, or bad parameters.
    :raises InputError: when the query file cannot be read.
    """
    given = [x for x in (request.sparql, request.file, request.named) if x]
    if len(given) != 1:
        raise UsageError(
            "give one query: SPARQL text, -f FILE.rq, or --named NAME "
            f"(named queries: {', '.join(queries.names())})"
        )
    if request.params and not request.named:
        raise UsageError("--param works with --named queries only")
    if request.named:
        named = queries.load(request.named)
        bindings = queries.bind(named, request.params)
        prepared = PreparedQuery(named.text, bindings, named.param_variables(), named)
    elif request.file:
        prepared = PreparedQuery(_read_query_file(request.file))
    else:
        assert request.sparql is not None
        prepared = PreparedQuery(request.sparql)
    return replace(prepared, page=_page(prepared.text, request.limit, request.offset))


_OWN_PAGE = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)


def _page(text: str, limit: int | None, offset: int | None) -> str:
    """The solution modifiers for a page of the answer; LIMIT and OFFSET take
    numbers only, so they are written into the text (checked, never spliced)."""
    if limit is None and offset is None:
        return ""
    if limit is not None and limit < 0 or offset is not None and offset < 0:
        raise UsageError("--limit and --offset take 0 or more")
    if _OWN_PAGE.search(text.rstrip()):
        raise UsageError(
            "the query has its own LIMIT or OFFSET; drop it, or drop --limit/--offset"
        )
    clause = f"\nLIMIT {int(limit)}" if limit is not None else ""
    return clause + (f"\nOFFSET {int(offset)}" if offset is not None else "")


def _read_query_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the query file ({exc})") from exc


def _open(request: QueryRequest) -> Store:
    if request.data:
        return open_files(load_rdf_file(path) for path in request.data)
    if request.store is None:
        raise UsageError("give --store DIR or --data FILE")
    return Store(request.store, read_only=True)
