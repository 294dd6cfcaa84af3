"""The ``kb`` command line: thin click commands over the library. Exit codes: 0 ok,
1 data did not conform, 2 bad input or usage."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import click

from kb import __version__
from kb.errors import KbError
from kb.ingest.sources import count_input_files
from kb.jobs.export import ExportOptions, export_to, fixed_time_from_env, parse_time
from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.writers import FORMATS
from kb.store.embedded import DEFAULT_STORE, STORE_ENV
from kb.store.report import format_named_queries, format_stats
from kb.store.results import GRAPH_FORMATS, RESULT_FORMATS, format_result

PROGRESS_MIN_ARTICLES = 4


class _Group(click.Group):
    """Turns library errors into one-line messages and exit codes, in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KbError as exc:
            click.echo(f"kb: {exc}", err=True)
            ctx.exit(exc.exit_code)


class _EchoHandler(logging.Handler):
    """Library warnings ("read it as Windows-1252") as ``kb: …`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"kb: {record.getMessage()}", err=True)


def _warnings_to_stderr() -> None:
    logger = logging.getLogger("kb")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler(logging.WARNING))
        logger.setLevel(logging.WARNING)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb")
def cli() -> None:
    """newskb: turn news articles into a validated knowledge graph of events,
    actors, locations and claims, each traced to the text it came from.

    Exit codes: 0 success, 1 data did not conform to the shapes, 2 bad input or usage.
    """
    _warnings_to_stderr()


@contextmanager
def _progress(paths: tuple[str, ...]) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr, only when it is a terminal and the batch is large."""
    total = count_input_files(paths)
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="articles", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def _extraction_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that shape extraction (``--base``, ``--fixed-time``, ``--model``,
    ``--jobs``, ``--gazetteer``), handed to the command as one ``options``."""

    @functools.wraps(command)
    def with_options(
        *args: object,
        base: str,
        fixed_time: str | None,
        model: str | None,
        jobs: int,
        gazetteer: tuple[str, ...],
        **kwargs: object,
    ) -> None:
        when = parse_time(fixed_time) if fixed_time else fixed_time_from_env()
        options = ExportOptions(
            base=base, generated_at=when, model=model, jobs=jobs, gazetteers=gazetteer
        )
        command(*args, options=options, **kwargs)

    decorators = [
        click.option(
            "--base",
            default=DEFAULT_BASE,
            show_default=True,
            help="Base IRI for minted instance IRIs.",
        ),
        click.option(
            "--fixed-time",
            help="Pin the provenance time (ISO 8601), for reproducible output. "
            "Also $KB_FIXED_TIME or $SOURCE_DATE_EPOCH.",
        ),
        click.option(
            "--model",
            envvar="KB_SPACY_MODEL",
            help="spaCy pipeline package to use instead of the bundled English "
            "one. Also $KB_SPACY_MODEL.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Worker processes for extraction; the output is the same for "
            "any number.",
        ),
        click.option(
            "--gazetteer",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="A CSV (name,IRI[,kind]) or Turtle file of your own names → IRIs, "
            "to link places and actors to; repeatable.",
        ),
    ]
    for decorator in reversed(decorators):
        with_options = decorator(with_options)
    return with_options


@cli.command("export")
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="ttl",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here (atomically) instead of standard output.",
)
@_extraction_options
def export_command(
    articles: tuple[str, ...], fmt: str, output: str | None, options: ExportOptions
) -> None:
    """Extract ARTICLES (files, directories or - for stdin) and write validated RDF.

    Inputs: .txt, .md, .html/.htm, .json (a record or an array), .jsonl.
    Articles that do not conform to the shapes are reported on stderr and left out.

    \b
    Example:
      kb export article.html -o out.ttl
      kb export articles/ --format jsonld -o out.jsonld
    """
    # with nothing to write (every input bad or invalid), OUTPUT keeps what it had
    target = output or sys.stdout.buffer
    with _progress(articles) as tick:
        result = export_to(articles, target, replace(options, fmt=fmt), tick)
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    if len(result.outcomes) > 1 or result.exit_code:
        click.echo(f"kb: {result.summary()}", err=True)
    sys.exit(result.exit_code)


@cli.command("evaluate")
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option(
    "--polnear",
    type=click.Path(path_type=Path),
    envvar="KB_POLNEAR",
    help="Score a split of the PolNeAR corpus in this folder instead. Also $KB_POLNEAR.",
)
@click.option(
    "--split",
    type=click.Choice(["train", "dev", "test"]),
    default="dev",
    show_default=True,
    help="PolNeAR split. test is refused without --final-report.",
)
@click.option(
    "--final-report",
    is_flag=True,
    help="Allow the PolNeAR test split: only to report quality, never to tune.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="Score the first N documents only."
)
@click.option(
    "--model", envvar="KB_SPACY_MODEL", help="spaCy pipeline to extract with."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "-v", "--verbose", is_flag=True, help="List misses and false positives too."
)
def evaluate_command(
    folder: Path | None,
    polnear: Path | None,
    split: str,
    final_report: bool,
    limit: int | None,
    model: str | None,
    as_json: bool,
    verbose: bool,
) -> None:
    """Score extraction against annotated articles and print P/R/F1 per kind.

    FOLDER is a gold set in the project's format (articles/ and gold/, as in
    eval/dev: actors, locations, claims, events, with the dev metric) or a folder
    of brat attribution files (.ann beside .txt). A FOLDER given wins over
    --polnear.

    \b
    Brat attributions are matched to extracted claims one to one:
      content  strict: overlap >= 50 % of the longer span (the headline);
               lenient: overlap >= 50 % of the shorter span.
      source   right when a mention of the claimant overlaps the gold source;
               for a pronoun source, or one of its antecedents: the names in
               the CoreNLP coreference chains that hold it (PolNeAR ships
               them), else the nearest earlier named gold source.
      type     speech, belief, intention or other, from the cue's words.

    \b
    Examples:
      kb evaluate eval/dev
      kb evaluate --polnear /work/polnear --split dev --limit 20 -v
      KB_POLNEAR=/work/polnear kb evaluate --json
    """
    from kb.evaluate import EvaluateRequest, evaluate, format_json, format_text

    request = EvaluateRequest(folder, polnear, split, final_report, limit, model)
    report = evaluate(request)
    click.echo((format_json if as_json else format_text)(report, verbose), nl=False)


@cli.command("validate")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False)
)
def validate_command(files: tuple[str, ...]) -> None:
    """Check RDF FILES (.ttl, .nt, .nq, .trig, .jsonld, .rdf) against the shapes.

    Prints a grouped report of every violation; nothing is fetched from the network.

    \b
    Example:
      kb validate out.ttl
    """
    from kb.rdf.validate import validate_files

    reports = validate_files(files)
    failed = 0
    for path, report in reports.items():
        if report.conforms:
            click.echo(f"{path}: conforms")
        else:
            failed += 1
            click.echo(f"{path}: does not conform\n{report.format()}", err=True)
    sys.exit(1 if failed else 0)


def _store_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        envvar=STORE_ENV,
        default=DEFAULT_STORE,
        show_default=True,
        help=f"Knowledge-base directory. Also ${STORE_ENV}.",
    )(command)


@cli.command("add")
@click.argument("articles", nargs=-1, required=True)
@_store_option
@_extraction_options
def add_command(articles: tuple[str, ...], store: Path, options: ExportOptions) -> None:
    """Extract, validate and add ARTICLES to the knowledge base.

    Each article goes into its own named graph, in one transaction. Adding an
    article again replaces its graph, so re-running a command is safe. Articles
    that do not conform are reported and left out.

    \b
    Example:
      kb add articles/ --store kb-store
    """
    from kb.jobs.export import add
    from kb.store.embedded import Store

    with Store(store) as kb, _progress(articles) as tick:
        result = add(articles, kb, options, tick)
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    click.echo(f"kb: {result.summary()} to {store}", err=True)
    sys.exit(result.exit_code)


@cli.command("remove")
@click.argument("articles", nargs=-1, required=True)
@_store_option
def remove_command(articles: tuple[str, ...], store: Path) -> None:
    """Remove ARTICLES (their IRIs, as `kb stats --articles` lists them) from the
    knowledge base. Exits 2 if one of them is not there.

    \b
    Example:
      kb remove https://w3id.org/newskb/id/article/u-9eb7775a378561ed
    """
    from kb.store.embedded import Store

    missing = 0
    with Store(store) as kb:
        for article in articles:
            if kb.remove(article):
                click.echo(f"removed {article}")
            else:
                missing += 1
                click.echo(f"kb: {article}: not in {store}", err=True)
    sys.exit(2 if missing else 0)


@cli.command("stats")
@_store_option
@click.option("--articles", "list_articles", is_flag=True, help="List article IRIs.")
def stats_command(store: Path, list_articles: bool) -> None:
    """Print how many articles and triples the knowledge base holds, and how many
    nodes of each class.

    \b
    Example:
      kb stats --store kb-store
    """
    from kb.store.embedded import Store

    with Store(store, read_only=True) as kb:
        click.echo(format_stats(kb.stats(), kb.articles() if list_articles else None))


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
@_store_option
@click.option(
    "--data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Query these exported RDF files instead of the store; repeatable.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Ask this remote SPARQL endpoint instead of the store "
    "(e.g. http://host:7878/query).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*RESULT_FORMATS, *GRAPH_FORMATS]),
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
    fmt: str | None,
) -> None:
    """Answer a SPARQL query over the knowledge base, whose default graph is the
    union of all article graphs, or over a remote endpoint (--endpoint).

    \b
    Examples:
      kb query 'SELECT ?p ?name WHERE { ?p a kb:Person ; rdfs:label ?name }'
      kb query -f my-query.rq --format csv
      kb query --named claims-by --param actor="Maria Okafor"
      kb query --data out/examples.ttl --named conflicting-figures
    """
    from kb.store import queries
    from kb.store.querying import QueryRequest, run_query

    if list_named:
        click.echo(format_named_queries([queries.load(n) for n in queries.names()]))
        return
    request = QueryRequest(
        sparql=sparql,
        file=query_file,
        named=named,
        params=queries.parse_params(params),
        store=store,
        data=data,
    )
    if endpoint:
        from kb.store.remote import RemoteEndpoint, run_remote

        remote = RemoteEndpoint(endpoint, union_default_graph=True)
        result = run_remote(request, remote)
    else:
        result = run_query(request)
    chosen = fmt or ("table" if sys.stdout.isatty() else "csv")
    click.echo(format_result(result, chosen), nl=False)


@cli.command("push")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://host:7878/store or "
    "http://host:8890/sparql-graph-crud-auth.",
)
@_store_option
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


@cli.command("serve")
@_store_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI of the instances: the public address they are reached at, and "
    "the --base they were added with. IRIs under it resolve here.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds a query or page may take; then it is stopped (503).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Result rows (or triples) returned at most; the KB-Result-Truncated "
    "header says when an answer was cut.",
)
@click.option(
    "--max-request",
    type=click.IntRange(min=1024),
    default=1 << 20,
    show_default=True,
    help="Largest request body or query, in bytes (413 beyond).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Store worker processes: how many queries run at once.",
)
def serve_command(
    store: Path,
    host: str,
    port: int,
    base: str,
    timeout: float,
    limit: int,
    max_request: int,
    workers: int,
) -> None:
    """Serve the knowledge base read-only: a SPARQL 1.1 endpoint at /sparql, and
    linked data (Turtle, JSON-LD or HTML) for every instance IRI under --base.

    \b
    Example:
      kb add articles/ --store kb-store --base http://127.0.0.1:8080/id/
      kb serve --store kb-store --base http://127.0.0.1:8080/id/
    """
    from kb.serve import ServeOptions, run_server

    run_server(
        ServeOptions(
            store=store,
            host=host,
            port=port,
            base=base,
            timeout=timeout,
            limit=limit,
            max_request_bytes=max_request,
            workers=workers,
        )
    )
