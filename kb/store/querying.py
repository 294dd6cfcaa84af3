"""The query job: SPARQL text, a ``.rq`` file or a named query with parameters, run
against the knowledge base or against exported RDF files."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib.term import Node

from kb.errors import UsageError
from kb.rdf.rdf_files import load_rdf_file, rdf_paths, read_utf8
from kb.store import queries
from kb.store.embedded import Store, is_store, no_store, open_files
from kb.store.paging import read_page
from kb.store.query_checks import unknown_terms
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
    """Answer ``request``. A page of a named query's answer (``limit`` given) says
    whether rows follow it (:attr:`QueryResult.more`).

    :raises UsageError: for a missing or doubled query, bad parameters or bad SPARQL.
    :raises InputError: when a query file or data file cannot be read.
    :raises StoreError: when the store cannot be opened.
    """
    if not request.data and request.store and not is_store(request.store):
        # the first thing to be wrong about: no query is worth fixing before it
        raise no_store(request.store)
    prepared = prepare(request)
    with _open(request) as store:
        return _interruptible(prepared.run, store)


def _interruptible(run: Callable[[Store], QueryResult], store: Store) -> QueryResult:
    """``run(store)`` in a daemon thread, which this one waits for. oxigraph answers
    a query in Rust without looking at signals, so Ctrl-C in the thread running it
    waited for the whole answer (minutes, for a heavy query); the waiting thread
    gets KeyboardInterrupt at once, and the query, read-only, ends with the
    process."""
    answer: list[QueryResult] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            answer.append(run(store))
        except BaseException as exc:  # handed to the waiting thread, raised there
            failure.append(exc)

    thread = threading.Thread(target=target, name="kb-query", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.1)
    if failure:
        raise failure[0]
    return answer[0]


@dataclass(frozen=True)
class PreparedQuery:
    """A checked query: its text, its bound parameters, and the parameter columns to
    drop from its answer (they only repeat the values the user gave). ``named`` is
    the named query it comes from, if any; ``limit`` and ``offset`` ask for a page."""

    text: str
    bindings: dict[str, Node] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    named: queries.NamedQuery | None = None
    limit: int | None = None
    offset: int | None = None
    #: what to tell the asker with the answer (:attr:`QueryResult.notes`)
    notes: tuple[str, ...] = ()

    def run(self, store: Store) -> QueryResult:
        """The answer on ``store``. A page of a named query with a key query is read
        in two steps (:func:`kb.store.paging.read_page`), so that it costs what the
        page's rows cost, not what the whole answer costs; the rows are the same."""
        named = self.named
        result = None
        if named is not None and named.keys is not None and self.limit is not None:
            result = read_page(
                store, named, self.bindings, self.limit, self.offset or 0
            )
        if result is None:
            result = store.query(self.text_for(store), self.bindings)
        if not result.rows and named is not None:
            result = replace(result, notes=self._unmatched(store))
        return self.finish(result)

    def _unmatched(self, store: Store) -> tuple[str, ...]:
        """A note for each name parameter that names no entity in ``store``'s name
        index, and each article parameter that names no stored article, which is
        why the answer is empty (not that the entity said or did nothing)."""
        assert self.named is not None
        notes = {}
        for test in self.named.name_tests:
            value = self.bindings.get(test.param)
            if value is None or str(value) in notes:
                continue
            if store.entities_named(str(value), last_words=test.last_words) == []:
                notes[str(value)] = (
                    f"{str(value)!r} names no actor or place here (by label or "
                    "alternate name, in any case, whole or its last words, or by "
                    "IRI); kb query --named actors-in lists them"
                )
        for param in self.named.params:
            value = self.bindings.get(param.name)
            if param.articles and value is not None:
                found = store.articles_at(str(value))
                if found is not None and not any(map(store.has_article, found)):
                    notes[str(value)] = (
                        f"{str(value)!r} is no stored article's IRI or URL; "
                        "kb stats --articles lists them"
                    )
        return tuple(notes.values())

    def text_for(self, store: Store) -> str:
        """The text to run on ``store``: a named query starts from the entities its
        name parameters name, found in the store's name index; the rows are the
        same as with :attr:`remote_text`, which remote endpoints run."""
        if self.named is None:
            return self.text + self._page()
        return queries.for_store(self.named, self.bindings, store) + self._page()

    @property
    def remote_text(self) -> str:
        return self.text + self._page()

    def _page(self) -> str:
        """LIMIT and OFFSET (numbers, checked, never spliced text); a named query
        reads one row more than the page, to tell whether rows follow."""
        more = 1 if self.named is not None else 0
        clause = f"\nLIMIT {self.limit + more}" if self.limit is not None else ""
        return clause + (f"\nOFFSET {self.offset}" if self.offset is not None else "")

    def finish(self, result: QueryResult) -> QueryResult:
        """``result`` without the parameter columns, and a named query's page without
        the row read past it (:attr:`QueryResult.more` says whether there was one),
        with this query's notes."""
        if self.named is not None and self.limit is not None:
            more = len(result.rows) > self.limit
            result = replace(result, rows=result.rows[: self.limit], more=more)
        if self.notes:
            result = replace(result, notes=result.notes + self.notes)
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
    else:
        text = (
            read_utf8(Path(request.file), "query file")
            if request.file
            else request.sparql
        )
        assert text is not None
        prepared = PreparedQuery(text, notes=tuple(unknown_terms(text)))
    _check_page(prepared.text, request.limit, request.offset)
    return replace(prepared, limit=request.limit, offset=request.offset)


_OWN_PAGE = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)


def _check_page(text: str, limit: int | None, offset: int | None) -> None:
    """Refuse a page the query cannot be given."""
    if limit is None and offset is None:
        return
    if limit is not None and limit < 0 or offset is not None and offset < 0:
        raise UsageError("--limit and --offset take 0 or more")
    if _OWN_PAGE.search(text.rstrip()):
        raise UsageError(
            "the query has its own LIMIT or OFFSET; drop it, or drop --limit/--offset"
        )


def _open(request: QueryRequest) -> Store:
    if request.data:
        return open_files(load_rdf_file(path) for path in rdf_paths(request.data))
    if request.store is None:
        raise UsageError("give --store DIR or --data FILE")
    return Store(request.store, read_only=True)
