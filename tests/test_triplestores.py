"""``kb push`` against real triplestores: the example articles go to an Oxigraph
server and to Virtuoso, and every named query gives the same answers there as in the
embedded store. The servers are external programs that ``make test`` installs; the
fixtures start them on 127.0.0.1 in temporary directories."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.term import Node

from kb.cli import cli
from kb.store import queries
from kb.store.embedded import Store
from kb.store.push import (
    PushOptions,
    PushResult,
    graphs_from_store,
    push,
    target_from_env,
)
from kb.store.remote import RemoteEndpoint, remote_query
from kb.store.sparql import QueryResult
from tests.conftest import EXAMPLES, EXAMPLES_DIR, FIXED_TIME, ROOT, run_export
from tests.servers import Server, find_program, stop
from tests.servers.oxigraph import start_oxigraph
from tests.servers.virtuoso import Virtuoso, isql, start_virtuoso

pytestmark = [pytest.mark.slow, pytest.mark.external]

Params = list[tuple[str, str]]


@pytest.fixture(scope="module")
def kb_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles, added with ``kb add`` to a fresh store."""
    path = tmp_path_factory.mktemp("kb") / "store"
    args = ["add", *map(str, EXAMPLES), "--store", str(path)]
    result = CliRunner().invoke(
        cli, [*args, "--fixed-time", FIXED_TIME], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        server = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "data")
    except FileNotFoundError:
        pytest.skip("the oxigraph server is not installed (pip install -e '.[dev]')")
    yield server
    stop(server)


def _start_virtuoso(directory: Path) -> tuple[Virtuoso, str]:
    """A Virtuoso on its own database in ``directory``, with a new dba password."""
    password = "kb" + secrets.token_hex(8)
    try:
        return start_virtuoso(directory, password), password
    except FileNotFoundError:
        pytest.skip("Virtuoso is not installed (make test apt-installs it)")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    server, password = _start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server, password
    stop(server)


def _push_cli(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["push", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture(scope="module")
def oxigraph_loaded(oxigraph: Server, kb_store: Path) -> RemoteEndpoint:
    code, out = _push_cli(
        ["--endpoint", f"{oxigraph.base}/store", "--store", str(kb_store)]
    )
    assert code == 0, out
    return RemoteEndpoint(f"{oxigraph.base}/query", union_default_graph=True)


@pytest.fixture(scope="module")
def virtuoso_loaded(
    virtuoso: tuple[Server, str], kb_store: Path
) -> tuple[RemoteEndpoint, str]:
    server, password = virtuoso
    env = {"KB_PUSH_USER": "dba", "KB_PUSH_PASSWORD": password}
    endpoint = f"{server.base}/sparql-graph-crud-auth"
    code, out = _push_cli(
        ["--endpoint", endpoint, "--store", str(kb_store), "--auth", "digest"], env
    )
    assert code == 0, out
    assert password not in out
    return RemoteEndpoint(f"{server.base}/sparql"), out


# --- parameters for every named query, read from the store's own data ---------


def _first(store: Store, sparql: str) -> str:
    rows = store.query(sparql).rows
    assert rows and rows[0][0] is not None, f"no data for a parameter: {sparql}"
    return str(rows[0][0])


def _param_sets(store: Store, name: str) -> list[Params]:
    """Sensible parameter sets for the named query ``name``, each chosen so that the
    embedded store gives a non-empty answer for the first one."""
    label = "SELECT ?n WHERE { %s } ORDER BY ?n LIMIT 1"
    if name == "claims-by":
        actor = _first(store, label % "?c kb:claimant/rdfs:label ?n")
        return [[("actor", actor)], [("actor", actor.upper())]]
    if name == "events-at":
        place = _first(
            store, label % "?e kb:place/schema:containedInPlace/rdfs:label ?n"
        )
        dated = store.query(
            "SELECT ?n ?d WHERE { ?e kb:date ?d ; kb:place/schema:containedInPlace* ?a ."
            " ?a rdfs:label ?n } ORDER BY ?n ?d LIMIT 1"
        ).rows
        assert dated, "no dated event to pick a date range from"
        there, day = str(dated[0][0]), str(dated[0][1])
        start = (day + "-01-01")[:10] if len(day) == 4 else (day + "-01")[:10]
        return [[("place", place)], [("place", there), ("from", start), ("to", start)]]
    if name == "timeline":
        return [[("entity", _first(store, label % "?e kb:agent/rdfs:label ?n"))]]
    if name == "actors-in":
        article = _first(store, "SELECT ?a WHERE { ?a a kb:Article } ORDER BY ?a")
        return [[], [("article", article)]]
    if name == "articles-mentioning":
        pair = store.query(
            "SELECT ?a ?b WHERE { ?x kb:mentions ?e, ?f . ?e rdfs:label ?a . "
            "?f rdfs:label ?b . ?e a kb:Actor . ?f a kb:Location } "
            "ORDER BY ?a ?b LIMIT 1"
        ).rows[0]
        return [[("entity", str(pair[0])), ("entity", str(pair[1]))]]
    if name == "conflicting-figures":
        return [[]]
    pytest.fail(f"named query {name!r} has no parameters here: add them to this test")


def _value(term: Node | None) -> object:
    """A term as a comparable value: servers may write ``0.90`` as ``0.9`` or a
    date-time's zone differently, which is the same RDF value."""
    if isinstance(term, Literal) and term.datatype is not None:
        value = term.toPython()
        if isinstance(value, Decimal | int | float | bool | date | datetime):
            return (str(term.datatype), value)
    return term


def _bag(result: QueryResult) -> Counter[tuple[object, ...]]:
    return Counter(tuple(_value(t) for t in row) for row in result.rows)


def _compare(kb_store: Path, endpoint: RemoteEndpoint, name: str) -> int:
    """Run the named query ``name`` with each of its parameter sets in the embedded
    store and at ``endpoint``; the rows must be the same bags. Returns the rows."""
    named = queries.load(name)
    agreed = 0
    with Store(kb_store, read_only=True) as store:
        for i, params in enumerate(_param_sets(store, name)):
            bindings = queries.bind(named, params)
            ours = store.query(named.text, bindings)
            theirs = remote_query(endpoint, named.text, bindings)
            if i == 0 and name != "conflicting-figures":
                assert ours.rows, f"{name} {params}: no rows in the embedded store"
            assert theirs.variables == ours.variables, name
            missing, extra = _bag(ours) - _bag(theirs), _bag(theirs) - _bag(ours)
            assert not missing and not extra, (
                f"{name} {params}: only in the embedded store: {list(missing)[:3]}; "
                f"only at the server: {list(extra)[:3]}"
            )
            agreed += len(ours.rows)
    return agreed


def _remote_graph_sizes(endpoint: RemoteEndpoint) -> dict[str, int]:
    result = remote_query(
        endpoint,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    )
    return {str(g): int(n) for g, n in result.rows}  # type: ignore[arg-type]


def _local_graph_sizes(kb_store: Path) -> dict[str, int]:
    return {g.iri: g.triples for g in graphs_from_store(kb_store)}


def test_the_readmes_push_report_gives_the_examples_graph_sizes(
    kb_store: Path,
) -> None:
    """The README's ``kb push`` session reports the examples' graphs as ``kb add``
    stores them."""
    text = (ROOT / "README.md").read_text("utf-8")
    block = text[text.index("$ kb push --endpoint") :].split("```", 1)[0]
    local = _local_graph_sizes(kb_store)
    sent = re.findall(r"^sent\t(\S+)\t(\d+) triples$", block, re.M)
    assert sent and {iri: int(n) for iri, n in sent}.items() <= local.items()
    total = re.search(
        r"^5 of 5 graphs sent to \S+ \((\d+) triples\); 0 failed$", block, re.M
    )
    assert total and int(total[1]) == sum(local.values()) and len(local) == 5


# --- Oxigraph server ----------------------------------------------------------


def test_oxigraph_holds_every_graph(
    oxigraph_loaded: RemoteEndpoint, kb_store: Path
) -> None:
    local = _local_graph_sizes(kb_store)
    assert _remote_graph_sizes(oxigraph_loaded) == local


@pytest.mark.parametrize("name", queries.names())
def test_named_query_agrees_with_oxigraph(
    oxigraph_loaded: RemoteEndpoint, kb_store: Path, name: str
) -> None:
    _compare(kb_store, oxigraph_loaded, name)


@pytest.mark.parametrize("name", queries.names())
def test_pages_at_oxigraph_are_the_pages_of_the_store(
    oxigraph_loaded: RemoteEndpoint, kb_store: Path, name: str
) -> None:
    """A remote endpoint is sent the query with LIMIT and OFFSET; the named queries
    order their rows completely, so its pages are the store's (which the store
    reads in two steps where the query has a key query), one row a page."""
    from kb.store.querying import QueryRequest, run_query
    from kb.store.remote import run_remote

    with Store(kb_store, read_only=True) as store:
        param_sets = _param_sets(store, name)
    for params in param_sets:
        for offset in range(60):
            request = QueryRequest(
                named=name, params=params, store=kb_store, limit=1, offset=offset
            )
            ours, theirs = run_query(request), run_remote(request, oxigraph_loaded)
            assert [tuple(map(_value, row)) for row in theirs.rows] == [
                tuple(map(_value, row)) for row in ours.rows
            ], (name, params, offset)
            assert theirs.more == ours.more
            if not ours.more:
                break


@pytest.fixture(scope="module")
def oxigraph_from_shards(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RemoteEndpoint]:
    """The example articles exported as Dask shards, bulk-loaded with ``oxigraph
    load`` (as the README shows) and served."""
    pytest.importorskip("distributed", reason="needs the dask extra")
    from kb.jobs.cluster import export_cluster
    from kb.jobs.export import ExportOptions, parse_time

    exe = find_program("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install -e '.[dev]')")
    work = tmp_path_factory.mktemp("shards")
    options = ExportOptions(generated_at=parse_time(FIXED_TIME))
    export_cluster(EXAMPLES, work / "shards", options, "local", partition_files=2)
    shards = sorted(map(str, (work / "shards").glob("part-*.nq.gz")))
    loaded = subprocess.run(
        [exe, "load", "--location", str(work / "data"), "--file", *shards],
        capture_output=True,
        timeout=120,
    )
    assert loaded.returncode == 0, loaded.stderr
    server = start_oxigraph(work / "data")
    yield RemoteEndpoint(f"{server.base}/query", union_default_graph=True)
    stop(server)


def test_oxigraph_load_of_shards_holds_every_graph(
    oxigraph_from_shards: RemoteEndpoint, kb_store: Path
) -> None:
    local = _local_graph_sizes(kb_store)
    assert _remote_graph_sizes(oxigraph_from_shards) == local


@pytest.mark.parametrize("name", queries.names())
def test_named_query_agrees_with_oxigraph_loaded_from_shards(
    oxigraph_from_shards: RemoteEndpoint, kb_store: Path, name: str
) -> None:
    _compare(kb_store, oxigraph_from_shards, name)


def test_ask_and_construct_on_oxigraph(oxigraph_loaded: RemoteEndpoint) -> None:
    assert remote_query(oxigraph_loaded, "ASK { ?e a kb:Event }").boolean is True
    assert remote_query(oxigraph_loaded, "ASK { ?e a kb:Nothing }").boolean is False
    described = remote_query(
        oxigraph_loaded, "CONSTRUCT { ?a a kb:Article } WHERE { ?a a kb:Article }"
    )
    assert described.graph is not None and len(described.graph) == len(EXAMPLES)


def test_repush_replaces_graphs(
    oxigraph: Server, oxigraph_loaded: RemoteEndpoint, kb_store: Path
) -> None:
    graphs = graphs_from_store(kb_store)
    target = target_from_env(f"{oxigraph.base}/store")
    again = push(graphs, target, PushOptions())
    assert again.exit_code == 0 and len(again.with_status("sent")) == len(graphs)
    assert _remote_graph_sizes(oxigraph_loaded) == _local_graph_sizes(kb_store)


def test_oxigraph_killed_mid_push_then_rerun(tmp_path: Path, kb_store: Path) -> None:
    """The server dies after two graphs: those two are reported sent, the rest not,
    the exit code is non-zero, and a re-run against the restarted server completes."""
    location = tmp_path / "data"
    server = start_oxigraph(location)
    port = int(server.base.rsplit(":", 1)[1])
    graphs = graphs_from_store(kb_store)
    target = target_from_env(f"{server.base}/store")

    def dying() -> Iterator:  # the server goes away between graph 2 and 3
        for i, graph in enumerate(graphs):
            if i == 2:
                stop(server)
            yield graph

    try:
        first: PushResult = push(dying(), target, PushOptions(retries=1, backoff=0.01))
    finally:
        stop(server)
    assert first.exit_code != 0
    assert [o.iri for o in first.with_status("sent")] == [g.iri for g in graphs[:2]]
    assert [o.status for o in first.outcomes[2:]] == ["failed"] + ["not sent"] * (
        len(graphs) - 3
    )
    assert "no answer" in first.outcomes[2].reason

    server = start_oxigraph(location, port)
    try:
        code, out = _push_cli(
            ["--endpoint", f"{server.base}/store", "--store", str(kb_store)]
        )
        assert code == 0, out
        assert f"{len(graphs)} of {len(graphs)} graphs sent" in out
        endpoint = RemoteEndpoint(f"{server.base}/query")
        assert _remote_graph_sizes(endpoint) == _local_graph_sizes(kb_store)
    finally:
        stop(server)


# --- Virtuoso -------------------------------------------------------------------


def test_virtuoso_holds_every_graph(
    virtuoso_loaded: tuple[RemoteEndpoint, str], kb_store: Path
) -> None:
    endpoint, _ = virtuoso_loaded
    sizes = _remote_graph_sizes(endpoint)
    local = _local_graph_sizes(kb_store)
    # Virtuoso keeps graphs of its own (virtrdf:, ...) beside ours
    assert {g: sizes.get(g) for g in local} == local


# Virtuoso 7.2.5 drops every row of a group that has a FILTER EXISTS, then a BIND,
# then an OPTIONAL (moving the OPTIONAL before the BIND avoids it); the
# articles-mentioning query has that shape.
@pytest.mark.parametrize(
    "name",
    queries.names(),
)
def test_named_query_agrees_with_virtuoso(
    virtuoso_loaded: tuple[RemoteEndpoint, str], kb_store: Path, name: str
) -> None:
    endpoint, _ = virtuoso_loaded
    _compare(kb_store, endpoint, name)


def test_virtuoso_ask_and_construct(
    virtuoso_loaded: tuple[RemoteEndpoint, str],
) -> None:
    endpoint, _ = virtuoso_loaded
    assert remote_query(endpoint, "ASK { ?e a kb:Event }").boolean is True
    assert remote_query(endpoint, "ASK { ?e a kb:Nothing }").boolean is False
    articles = remote_query(
        endpoint, "CONSTRUCT { ?a a kb:Article } WHERE { ?a a kb:Article }"
    )
    assert articles.graph is not None and len(articles.graph) == len(EXAMPLES)


def test_virtuoso_wrong_password_fails_without_leaking(
    virtuoso: tuple[Server, str], kb_store: Path
) -> None:
    server, password = virtuoso
    wrong = "kbwrong" + secrets.token_hex(8)
    env = {"KB_PUSH_USER": "dba", "KB_PUSH_PASSWORD": wrong}
    endpoint = f"{server.base}/sparql-graph-crud-auth"
    code, out = _push_cli(
        ["--endpoint", endpoint, "--store", str(kb_store), "--auth", "digest"], env
    )
    assert code != 0
    assert "HTTP 401" in out
    assert wrong not in out and password not in out
    assert os.environ.get("KB_PUSH_PASSWORD") != wrong


def test_kb_query_endpoint_matches_the_store(
    oxigraph: Server, oxigraph_loaded: RemoteEndpoint, kb_store: Path
) -> None:
    args = ["query", "--named", "actors-in", "--format", "csv"]
    local = CliRunner().invoke(cli, [*args, "--store", str(kb_store)])
    remote = CliRunner().invoke(cli, [*args, "--endpoint", f"{oxigraph.base}/query"])
    assert remote.exit_code == 0, remote.stderr
    assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())
    assert len(local.stdout.splitlines()) > 1


# --- Virtuoso's bulk loader on Dask shards, as the README shows it ---------------

#: the shard directory of the README's Virtuoso statements
README_SHARDS = "/data/shards"


def _readme_load_statements() -> str:
    """The SQL block of the README's section "Past one machine"."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Past one machine\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sql\n", 1)[1].split("```", 1)[0]
    assert f"ld_dir('{README_SHARDS}'" in block, block
    return block


@pytest.fixture(scope="module")
def virtuoso_from_shards(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RemoteEndpoint, Path]]:
    """The example articles exported as Dask shards with ``kb export --scheduler
    local``, bulk-loaded into Virtuoso with the README's ``ld_dir`` statements, and
    into a store with ``kb add --from-shards``: (Virtuoso's endpoint, the store).

    A Virtuoso of its own: the module's other one holds the same graphs, pushed, so
    a bulk load that loaded nothing would go unnoticed there."""
    pytest.importorskip("distributed", reason="needs the dask extra")
    work = tmp_path_factory.mktemp("virtuoso-shards")
    server, password = _start_virtuoso(work)
    try:
        shards = work / "shards"  # in the server's directory: its DirsAllowed
        done = run_export(
            [str(EXAMPLES_DIR), "--scheduler", "local", "-o", str(shards)]
        )
        assert done.exit_code == 0, done.stderr
        store = work / "kb-store"
        args = ["add", "--from-shards", str(shards), "--store", str(store)]
        added = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert added.exit_code == 0, added.stderr
        sql = _readme_load_statements().replace(README_SHARDS, str(shards))
        printed = isql(server, password, sql)
        assert "0 Rows." in printed, printed  # no shard failed to load
        yield RemoteEndpoint(f"{server.base}/sparql"), store
    finally:
        stop(server)


def test_virtuoso_bulk_load_of_shards_holds_every_graph(
    virtuoso_from_shards: tuple[RemoteEndpoint, Path],
) -> None:
    endpoint, store = virtuoso_from_shards
    local = _local_graph_sizes(store)
    assert len(local) == len(EXAMPLES)
    sizes = _remote_graph_sizes(endpoint)
    assert {g: sizes.get(g) for g in local} == local


@pytest.mark.parametrize("name", queries.names())
def test_named_query_agrees_with_virtuoso_loaded_from_shards(
    virtuoso_from_shards: tuple[RemoteEndpoint, Path], name: str
) -> None:
    endpoint, store = virtuoso_from_shards
    _compare(store, endpoint, name)
