"""The knowledge-base commands: ``kb add``, ``remove``, ``stats``, ``query`` and ``push``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kb.cli.main import Interrupted, cli
from kb.cli.options import (
    echo_extraction,
    extraction_options,
    progress,
    quiet_option,
    say_if_reading_a_terminal,
    store_option,
)
from kb.defaults import AUTO_BULK_ARTICLES, DEFAULT_PAGE, GRAPH_FORMATS, RESULT_FORMATS

if TYPE_CHECKING:
    from kb.jobs.export import ExportOptions
    from kb.store.embedded import Store


@cli.command("add")
@click.argument("articles", nargs=-1)
@click.option(
    "--from-shards",
    type=click.Path(exists=True, file_okay=False),
    help="Load the N-Quads shards that kb export --scheduler wrote to this "
    "directory instead of extracting ARTICLES, e.g. --from-shards shards/. "
    "Always through the bulk loader (see --bulk).",
)
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Write through oxigraph's bulk loader (--bulk), or in transactions "
    "(--no-bulk). The loader is faster on large loads, but batches are not "
    "transactions, so a query started during the load may see part of it; a "
    "load that is stopped is repaired by the next write to the store. Use it to "
    "build a store, not beside kb serve. Neither given: the bulk loader when the "
    f"store holds no article yet and ARTICLES hold {AUTO_BULK_ARTICLES} or more, "
    "else transactions.",
)
@store_option
@extraction_options
@quiet_option
def add_command(
    articles: tuple[str, ...],
    from_shards: str | None,
    bulk: bool | None,
    store: Path,
    quiet: bool,
    options: ExportOptions,
) -> None:
    """Extract, validate and add ARTICLES to the knowledge base.

    Each article goes into its own named graph, in one transaction (with --bulk,
    or when a large load builds a new store, batches go through the bulk loader
    instead). Adding an article again
    replaces its graph, so re-running a command is safe. Articles that do not
    conform are reported and left out.

    \b
    Examples:
      kb add articles/ --store kb-store
      kb add archive/ --bulk --store kb-store
      kb add --from-shards shards/ --store kb-store
    """
    from kb.ingest.sources import estimate_articles
    from kb.jobs.export import add
    from kb.store.writing import writing

    if bool(articles) == bool(from_shards):
        raise click.UsageError("give ARTICLES or --from-shards DIR (one of them)")
    if from_shards:
        _add_shards(from_shards, store)
        return
    say_if_reading_a_terminal(articles)
    with writing(store) as kb, progress(articles, quiet) as tick:
        if bulk is None:
            bulk = kb.suits_bulk(estimate_articles(articles))
        before = len(kb.articles())
        try:
            result = add(articles, kb, options, tick, bulk=bulk)
        except KeyboardInterrupt:
            raise Interrupted(_kept(kb, before, bulk)) from None
    echo_extraction(result, tick)
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    created = "" if store.exists() else " (nothing stored, so no store was made)"
    click.echo(f"kb: {result.summary()} to {store}{created}", err=True)
    sys.exit(result.exit_code)


def _kept(kb: Store, before: int, bulk: bool) -> str:
    """What an interrupted ``kb add`` left: whole articles only (a batch is one
    transaction; a bulk batch that was cut is finished or undone here)."""
    if bulk:
        kb.repair()
    now = len(kb.articles())
    added = now - before
    return (
        f"{added} new article{'' if added == 1 else 's'} written before it "
        f"({kb.path} holds {now}); each is whole and the store is consistent. "
        "Running the same command again adds the rest (articles already stored "
        "stay as they are)"
    )


def _add_shards(directory: str, store: Path) -> None:
    from kb.store.shards import load_shards
    from kb.store.writing import writing

    with writing(store) as kb:
        loaded = load_shards(kb, directory)
    same = f", {loaded.unchanged} unchanged" if loaded.unchanged else ""
    click.echo(
        f"kb: {loaded.articles} articles from {loaded.shards} shards{same}; "
        f"{loaded.triples} triples written to {store}",
        err=True,
    )


@cli.command("remove")
@click.argument("articles", nargs=-1, required=True)
@store_option
def remove_command(articles: tuple[str, ...], store: Path) -> None:
    """Remove ARTICLES (their IRIs, as `kb stats --articles` lists them, or their
    URLs) from the knowledge base. Exits 2 if one of them is not there.

    \b
    Examples:
      kb remove https://w3id.org/newskb/id/article/u-9eb7775a378561ed
      kb remove https://news.example.org/2025/10/01/bridge-repair
    """
    from kb.store.writing import writing

    missing = 0
    with writing(store, create=False) as kb:
        for article in articles:
            if kb.remove(article):
                click.echo(f"removed {article}")
            else:
                missing += 1
                click.echo(
                    f"kb: {article}: not in {store}; `kb stats --articles` lists "
                    "what is",
                    err=True,
                )
    sys.exit(2 if missing else 0)


@cli.command("stats")
@store_option
@click.option(
    "--articles",
    "list_articles",
    is_flag=True,
    help="List each article's IRI and its headline (else its URL or identifier).",
)
def stats_command(store: Path, list_articles: bool) -> None:
    """Print how many articles and triples the knowledge base holds, and how many
    nodes of each class.

    \b
    Examples:
      kb stats --store kb-store
      kb stats --articles   # each article's IRI (for kb remove) and headline
    """
    from kb.store.embedded import Store
    from kb.store.report import format_stats

    with Store(store, read_only=True) as kb:
        titles = kb.article_titles() if list_articles else None
        click.echo(format_stats(kb.stats(), titles))


@cli.command("query")
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(dir_okay=False),
    help="Read the query from a .rq file.",
)
@click.option("--named", help="Run a bundled named query (see --list).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A named query's parameter; repeat for several.",
)
@click.option("--list", "list_named", is_flag=True, help="List the named queries.")
@store_option
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True),
    help="Query these exported RDF files (or a folder's) instead of the store; "
    "repeatable.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Ask this remote SPARQL endpoint instead of the store "
    "(e.g. http://host:7878/query).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="A page of the answer: at most this many rows (LIMIT), e.g. --limit 20. "
    f"A named query shows {DEFAULT_PAGE} unless given --limit or --all.",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    help="Skip this many rows first (OFFSET): --limit 20 --offset 40 is page 3.",
)
@click.option(
    "--all",
    "all_rows",
    is_flag=True,
    help=f"Every row of a named query's answer, not the first {DEFAULT_PAGE}, "
    "e.g. kb query --named conflicting-figures --all.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*RESULT_FORMATS, *GRAPH_FORMATS], case_sensitive=False),
    default=None,
    help="Result format [default: table on a terminal, else csv; ttl for graphs].",
)
def query_command(
    sparql: str | None,
    query_file: str | None,
    named: str | None,
    params: tuple[str, ...],
    list_named: bool,
    store: Path,
    data: tuple[str, ...],
    endpoint: str | None,
    limit: int | None,
    offset: int | None,
    all_rows: bool,
    fmt: str | None,
) -> None:
    """Answer a SPARQL query over the knowledge base, whose default graph is the
    union of all article graphs, or over a remote endpoint (--endpoint).

    A named query shows the first 100 rows of its answer; when more follow, a
    line on stderr says how to get them (--offset, or --all).

    \b
    Examples:
      kb query 'SELECT ?p ?name WHERE { ?p a kb:Person ; rdfs:label ?name }'
      kb query -f my-query.rq --format csv
      kb query --named claims-by --param actor="Maria Okafor"
      kb query --data out/examples.ttl --named conflicting-figures --all
      kb query --named conflicting-figures --param entity="Maria Okafor" --limit 20
    """
    from kb.store import queries
    from kb.store.querying import QueryRequest, run_query
    from kb.store.report import format_named_queries, more_rows
    from kb.store.results import default_format, format_result

    if list_named:
        click.echo(format_named_queries([queries.load(n) for n in queries.names()]))
        return
    if all_rows and limit is not None:
        raise click.UsageError("give --limit N or --all, not both")
    _one_source(data, endpoint)
    if named and limit is None and not all_rows:
        limit = DEFAULT_PAGE
    request = QueryRequest(
        sparql=sparql,
        file=query_file,
        named=named,
        params=queries.parse_params(params),
        store=store,
        data=data,
        limit=limit,
        offset=offset,
    )
    if endpoint:
        from kb.store.remote import RemoteEndpoint, run_remote

        remote = RemoteEndpoint(endpoint, union_default_graph=True)
        result = run_remote(request, remote)
    else:
        result = run_query(request)
    chosen = fmt or default_format(result, sys.stdout.isatty())
    click.echo(format_result(result, chosen), nl=False)
    for note in result.notes:
        click.echo(f"kb: {note}", err=True)
    if result.more:
        click.echo(f"kb: {more_rows(len(result.rows), offset or 0)}", err=True)


def _one_source(data: tuple[str, ...], endpoint: str | None) -> None:
    """Refuse a --store given with --data or --endpoint, which it would not ask
    ($KB_STORE is only a default)."""
    given = click.get_current_context().get_parameter_source("store")
    if (data or endpoint) and given == click.core.ParameterSource.COMMANDLINE:
        other = "--data" if data else "--endpoint"
        raise click.UsageError(f"give --store or {other}, not both")


@cli.command("push")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://host:7878/store or "
    "http://host:8890/sparql-graph-crud-auth.",
)
@store_option
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    metavar="IRI",
    help="Push only this article graph; repeatable. Default: all of them.",
)
@click.option(
    "--auth",
    type=click.Choice(["none", "basic", "digest"]),
    default="none",
    show_default=True,
    help="HTTP authentication; the user and password come from "
    "$KB_PUSH_USER and $KB_PUSH_PASSWORD, never from arguments.",
)
@click.option("--dry-run", is_flag=True, help="List what would be sent; send nothing.")
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Extra tries per graph after connection errors, 408, 429 and 5xx.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for each request.",
)
def push_command(
    endpoint: str,
    store: Path,
    graphs: tuple[str, ...],
    auth: str,
    dry_run: bool,
    retries: int,
    timeout: float,
) -> None:
    """Send the article graphs to a triplestore with the SPARQL 1.1 Graph Store
    Protocol: one PUT per graph, so pushing again replaces them. Prints one line
    per graph (sent, failed and why, not sent) and exits 2 if any was not sent.

    \b
    Example:
      kb push --endpoint http://127.0.0.1:7878/store --dry-run
      KB_PUSH_USER=dba KB_PUSH_PASSWORD=... kb push --auth digest \\
        --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth
    """
    from kb.store.push import PushOptions, graphs_from_store, push, target_from_env

    target = target_from_env(endpoint, auth)  # type: ignore[arg-type]
    options = PushOptions(dry_run=dry_run, retries=retries, timeout=timeout)
    result = push(graphs_from_store(store, graphs), target, options)
    click.echo(result.format(), nl=False)
    sys.exit(result.exit_code)
