"""The ``kb`` command line: thin click commands over the library. Exit codes: 0 ok,
1 data did not conform, 2 bad input or usage."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

import click

from kb import __version__
from kb.errors import KbError
from kb.export import FORMATS
from kb.ingest import count_input_files
from kb.iris import DEFAULT_BASE
from kb.output import write_atomic
from kb.pipeline import ExportOptions, export, fixed_time_from_env, parse_time

PROGRESS_MIN_ARTICLES = 4


class _Group(click.Group):
    """Turns library errors into one-line messages and exit codes, in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KbError as exc:
            click.echo(f"kb: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb")
def cli() -> None:
    """newskb: turn news articles into a validated knowledge graph of events,
    actors, locations and claims, each traced to the text it came from.

    Exit codes: 0 success, 1 data did not conform to the shapes, 2 bad input or usage.
    """


@contextmanager
def _progress(paths: tuple[str, ...]) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr, only when it is a terminal and the batch is large."""
    total = count_input_files(paths)
    if total < PROGRESS_MIN_ARTICLES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="articles", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


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
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI for minted instance IRIs.",
)
@click.option(
    "--fixed-time",
    help="Pin the provenance time (ISO 8601), for reproducible "
    "output. Also $KB_FIXED_TIME or $SOURCE_DATE_EPOCH.",
)
@click.option(
    "--model",
    envvar="KB_SPACY_MODEL",
    help="spaCy pipeline package to use "
    "instead of the bundled English one. Also $KB_SPACY_MODEL.",
)
def export_command(
    articles: tuple[str, ...],
    fmt: str,
    output: str | None,
    base: str,
    fixed_time: str | None,
    model: str | None,
) -> None:
    """Extract ARTICLES (files, directories or - for stdin) and write validated RDF.

    Inputs: .txt, .md, .html/.htm, .json (a record or an array), .jsonl.
    Articles that do not conform to the shapes are reported on stderr and left out.

    \b
    Example:
      kb export article.html -o out.ttl
      kb export articles/ --format jsonld -o out.jsonld
    """
    when: datetime | None = (
        parse_time(fixed_time) if fixed_time else fixed_time_from_env()
    )
    options = ExportOptions(fmt=fmt, base=base, generated_at=when, model=model)
    with _progress(articles) as tick:
        result = export(articles, options, tick)
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    if output:
        # with nothing to write (every input bad or invalid), OUT keeps what it had
        if result.written:
            write_atomic(output, result.text)
    else:
        click.echo(result.text, nl=False)
    if len(result.outcomes) > 1 or result.exit_code:
        click.echo(f"kb: {result.summary()}", err=True)
    sys.exit(result.exit_code)


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
    from kb.validate import validate_files

    reports = validate_files(files)
    failed = 0
    for path, report in reports.items():
        if report.conforms:
            click.echo(f"{path}: conforms")
        else:
            failed += 1
            click.echo(f"{path}: does not conform\n{report.format()}", err=True)
    sys.exit(1 if failed else 0)
