"""``kb export``, ``kb evaluate`` and ``kb validate``: articles to checked RDF, and how good
the extraction is."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kb.cli.cluster import cluster_options, run_on_cluster
from kb.cli.main import Interrupted, cli
from kb.cli.options import (
    counted_progress,
    echo_extraction,
    extraction_options,
    progress,
    quiet_option,
    say_if_reading_a_terminal,
)
from kb.defaults import FORMATS, REPORT_FORMAT

if TYPE_CHECKING:
    from kb.jobs.export import ExportOptions


@cli.command("export")
# not required=True: Click's "Missing argument" would not say how to read stdin
@click.argument("articles", nargs=-1, metavar="ARTICLES...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, REPORT_FORMAT], case_sensitive=False),
    help="Output format [default: the one the extension of -o names (out.jsonld: "
    "jsonld), else ttl; an extension of a syntax kb does not write, .rdf, .xml, "
    ".owl or .n3, is an error]. html writes one self-contained page to read in a browser "
    "(no network): an index, each article with its marks, and a section per actor, "
    "place and event. Example: kb export articles/ --format html -o report.html",
)
@click.option(
    "--frame",
    type=click.Choice(["article"]),
    help="With --format jsonld: frame the graph as one nested JSON object per "
    "article (claims with their claimant and statement inside), for JSON readers.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(writable=True),
    help="Write here (atomically) instead of standard output (- is standard "
    "output); with --scheduler, the directory for the shards.",
)
@cluster_options
@extraction_options
@quiet_option
def export_command(
    articles: tuple[str, ...],
    fmt: str | None,
    frame: str | None,
    output: str | None,
    quiet: bool,
    scheduler: str | None,
    partition_files: int,
    options: ExportOptions,
) -> None:
    """Extract ARTICLES (files, directories, fsspec URLs or - for stdin) and write
    validated RDF. A URL may be a glob: 's3://bucket/day/*.jsonl' (needs s3fs).

    Inputs: .txt, .md, .html/.htm, .json (a record or an array), .jsonl;
    JSON records in our format or IPTC ninjs.
    Articles that do not conform to the shapes are reported on stderr and left out.

    With --scheduler, extraction runs on a Dask cluster and writes one N-Quads
    shard per partition (part-00000.nq.gz, ...) and manifest.json to OUTPUT;
    running it again only does the partitions that have no shard yet.

    \b
    Examples:
      kb export article.html -o out.ttl
      kb export articles/ --format jsonld -o out.jsonld
      kb export articles/ --format jsonld --frame article -o articles.json
      kb export articles/ --format html -o report.html   # open it in a browser
      curl -s https://example.org/feed.jsonl | kb export - -o feed.ttl
      kb export articles/ --scheduler local --jobs 2 -o shards/
      kb export 'archive/*.jsonl' --scheduler tcp://10.0.0.5:8786 -o /shared/shards
      kb export 's3://news/2026-12-05/*.jsonl' --scheduler local -o shards/  # s3fs
    """
    # here, not at the top: ``kb --help`` should not load the pipeline
    from kb.jobs.export import export_to
    from kb.rdf.writers import export_format, format_mismatch
    from kb.report import export_html

    if not articles:
        raise click.UsageError(
            "give ARTICLES: files, folders or URLs, or - for standard input "
            "(kb export - < story.txt, curl -s URL | kb export -)"
        )
    if output == "-":  # the usual name for standard output; not a file called "-"
        output = None
    if mismatch := format_mismatch(output, fmt):
        click.echo(f"kb: warning: {mismatch}", err=True)
    fmt = export_format(output, fmt)  # one rule for -o, with --scheduler too
    if scheduler:
        run_on_cluster(articles, output, fmt, scheduler, partition_files, options)
        return
    if output and Path(output).is_dir():
        raise click.BadParameter(
            f"{output} is a directory; name a file (or use --scheduler)",
            param_hint="'-o'",
        )
    # with nothing to write (every input bad or invalid), OUTPUT keeps what it had
    target = output or sys.stdout.buffer
    say_if_reading_a_terminal(articles)
    with progress(articles, quiet) as tick:
        if fmt == REPORT_FORMAT and frame is not None:
            raise click.UsageError("--frame needs --format jsonld, not html")
        try:
            if fmt == REPORT_FORMAT:
                result = export_html(articles, target, options, tick)
            else:
                options = replace(options, fmt=fmt, frame=frame)
                result = export_to(articles, target, options, tick)
        except KeyboardInterrupt:
            # the output is written whole at the end, to a temporary file renamed
            raise Interrupted(
                f"{output} was not written (it keeps what it had)"
                if output
                else "the output on stdout is missing or cut short"
            ) from None
    echo_extraction(result, tick)
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    # for one article too, as for a folder: "1 written" says the run did its work
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
@click.option(
    "--attributions",
    metavar="TYPES",
    help="Kinds of claim to extract for brat gold, comma-separated, from statement, "
    "belief, intention (default: statement,belief, as kb export does). "
    "Example: --attributions statement,belief,intention",
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
    attributions: str | None,
    as_json: bool,
    verbose: bool,
) -> None:
    """Score extraction against annotated articles and print P/R/F1 per kind.

    FOLDER is a gold set in the project's format (articles/ and gold/, as in
    eval/dev: actors, locations, claims, events, with the dev metric; to write
    your own, see eval/dev/GOLD-GUIDE.md in the repository) or a folder of brat
    attribution files (.ann beside .txt). A FOLDER given wins over --polnear.
    With -v each article lists what was missed, what matched no gold, which
    details a matched event lacks, and a note when the article was read
    without the date its gold gives.

    \b
    The dev metric's other lines are shares (1.0 is all):
      attribution    of the required claims whose words were found, those
                     whose claimant is right too
      event_place, event_date, event_participants
                     matched events that hold the gold's detail
      numbers, dates the gold's figures and days found anywhere in the graph
      mentions_ok    mentions whose offsets slice the text to their anchor
      nodes_with_mention  actors, places, claims and events that point
                     back to a mention (provenance)

    \b
    Brat attributions are matched to extracted claims one to one:
      content  strict: overlap >= 50 % of the longer span (the headline);
               lenient: overlap >= 50 % of the shorter span.
      source   right when a mention of the claimant overlaps the gold source;
               for a pronoun source, or one of its antecedents: the names in
               the CoreNLP coreference chains that hold it (PolNeAR ships
               them), and the nearest earlier named gold source.
      type     speech, belief, intention or other (a stance: "endorsed",
               "supports"), from the cue's words. Rows: each type, "typed"
               (speech, belief and intention together) and "all".

    \b
    Examples:
      kb evaluate eval/dev
      kb evaluate --polnear /work/polnear --split dev --limit 20 -v
      KB_POLNEAR=/work/polnear kb evaluate --json
      kb evaluate --polnear /work/polnear --attributions statement,belief,intention
    """
    from kb.evaluate import EvaluateRequest, evaluate, format_json, format_text

    kinds = tuple(a.strip() for a in attributions.split(",")) if attributions else None
    request = EvaluateRequest(
        folder, polnear, split, final_report, limit, model, kinds, counted_progress
    )
    report = evaluate(request)
    click.echo((format_json if as_json else format_text)(report, verbose), nl=False)


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="FILES...")
def validate_command(files: tuple[str, ...]) -> None:
    """Check RDF FILES (.ttl, .nt, .nq, .trig, .jsonld, .rdf) against the shapes;
    a folder stands for its RDF files and those below it (not .json or .xml).

    Prints a grouped report of every violation; nothing is fetched from the network.
    A file that cannot be read is reported and the others are still checked.
    Shapes target newskb's classes (kb:Actor, kb:Event, …) as written, without
    inference: a node typed only as a subclass is not checked as its superclass.

    \b
    Exit codes:
      0  every file conforms
      1  some file does not conform (the report is on stderr)
      2  a file is missing, unreadable, not RDF or holds no triples, or a
         folder holds no RDF file

    \b
    Examples:
      kb validate out.ttl
      kb validate exports/
    """
    from kb.errors import KbError
    from kb.rdf.validate import validate_each

    code = 0
    for path, outcome in validate_each(files):
        if isinstance(outcome, KbError):
            click.echo(f"kb: {outcome}", err=True)
            code = max(code, outcome.exit_code)
        elif outcome.conforms:
            click.echo(f"{path}: conforms")
        else:
            code = max(code, 1)
            click.echo(f"{path}: does not conform\n{outcome.format()}", err=True)
    sys.exit(code)
