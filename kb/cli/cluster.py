"""``kb export --scheduler``: the options that send extraction to a Dask cluster, and
the progress line it shows."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from kb.jobs.export import ArticleOutcome, ExportOptions

SCHEDULER_ENV = "KB_DASK_SCHEDULER"


def cluster_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--scheduler`` and ``--partition-files``."""
    command = click.option(
        "--partition-files",
        type=click.IntRange(min=1),
        default=16,
        show_default=True,
        help="With --scheduler: input files per partition (one shard each), "
        "e.g. --partition-files 64.",
    )(command)
    return click.option(
        "--scheduler",
        envvar=SCHEDULER_ENV,
        metavar="ADDRESS",
        help="Run on the Dask scheduler at ADDRESS (e.g. tcp://10.0.0.5:8786), or "
        "'local' for a LocalCluster of --jobs workers; -o is then a directory "
        f"of shards. Also ${SCHEDULER_ENV}. Needs pip install 'newskb[dask]'.",
    )(command)


class _ProgressLine:
    """Partitions and articles done, failures, rate and ETA, redrawn on stderr."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.articles = self.failed = 0

    def __call__(self, done: int, total: int, outcomes: list[ArticleOutcome]) -> None:
        from kb.jobs.cluster import format_progress

        self.articles += sum(o.status in ("written", "invalid") for o in outcomes)
        self.failed += sum(o.status == "failed" for o in outcomes)
        line = format_progress(
            done, total, self.articles, self.failed, time.monotonic() - self.started
        )
        click.echo(f"\r{line}\033[K", err=True, nl=done == total)


def run_on_cluster(
    articles: tuple[str, ...],
    output: str | None,
    fmt: str,
    scheduler: str,
    partition_files: int,
    options: ExportOptions,
) -> None:
    """Run ``kb export`` on Dask and exit with its code."""
    from kb.jobs.cluster import export_cluster

    if not output:
        raise click.UsageError("--scheduler needs -o DIR for the shards")
    if fmt not in ("ttl", "nq"):  # ttl is the default: not chosen
        raise click.UsageError(
            f"--scheduler writes N-Quads shards, not {fmt}; drop --format "
            "(or the extension of -o that names it)"
        )
    if Path(output).is_file():
        raise click.BadParameter(f"{output} is a file", param_hint="'-o'")

    def connected(dashboard: str | None) -> None:
        if dashboard:
            click.echo(f"kb: Dask dashboard at {dashboard}", err=True)

    tick = _ProgressLine() if sys.stderr.isatty() else None
    result = export_cluster(
        articles, output, options, scheduler, partition_files, tick, connected
    )
    for outcome in result.outcomes:
        if outcome.reason:
            click.echo(f"kb: {outcome.reason}", err=True)
    done_before = result.partitions - result.processed
    again = f", {done_before} done before" if done_before else ""
    click.echo(
        f"kb: {result.summary()}; {result.processed} of {result.partitions} "
        f"partitions run{again}; manifest {result.manifest}",
        err=True,
    )
    sys.exit(result.exit_code)
