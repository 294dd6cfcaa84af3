"""Extraction on a Dask distributed cluster (``kb export --scheduler``): each partition
of input files becomes one gzipped N-Quads shard, and ``manifest.json`` records what
happened to every input. The only module of kb that imports dask."""

from __future__ import annotations

import gzip
import json
import platform
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from kb import __version__
from kb.errors import UsageError
from kb.ingest.sources import input_files
from kb.jobs.export import (
    ArticleOutcome,
    BatchResult,
    ExportOptions,
    auto_workers,
    conforming_graphs,
)
from kb.rdf.iris import check_base
from kb.rdf.mapping import MappingOptions
from kb.rdf.output import write_atomic, write_atomic_with
from kb.rdf.validate import ValidateMode, check_validate_mode
from kb.rdf.writers import GraphWriter
from kb.text.gazetteer import load_user_gazetteer, user_gazetteer

try:
    from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker
except ImportError:  # pragma: no cover - the extra is not installed
    Client = None  # type: ignore[assignment,misc]
    WorkerPlugin = object  # type: ignore[assignment,misc]

__all__ = [
    "LOCAL",
    "MANIFEST",
    "PARTITION_FILES",
    "ClusterResult",
    "Partition",
    "export_cluster",
    "format_progress",
    "partitions",
]

#: the scheduler address that starts a LocalCluster on this machine instead
LOCAL = "local"
MANIFEST = "manifest.json"
#: Input files per partition (one shard each): enough articles for ``nlp.pipe`` to
#: batch and for a shard to be worth a file, few enough that a lost worker loses
#: little work and every worker stays busy to the end.
PARTITION_FILES = 16
PLUGIN_NAME = "newskb-pipeline"
#: how long to wait for a remote scheduler before giving up
CONNECT_TIMEOUT = "20s"

Progress = Callable[[int, int, list[ArticleOutcome]], None]


@dataclass(frozen=True)
class Partition:
    """Input files that one task turns into one shard."""

    index: int
    files: tuple[str, ...]

    @property
    def shard(self) -> str:
        return f"part-{self.index:05d}.nq.gz"

    @property
    def record(self) -> str:
        """The partition's outcomes, written before its shard."""
        return f"part-{self.index:05d}.json"


@dataclass
class ClusterResult(BatchResult):
    """Every input's outcome, and how many partitions this run processed."""

    partitions: int = 0
    processed: int = 0  # partitions written by this run; the rest were complete
    dashboard: str | None = None
    manifest: Path | None = None


def partitions(inputs: Iterable[str | Path], size: int) -> list[Partition]:
    """The input files in runs of ``size``; the same inputs give the same partitions.

    >>> [p.files for p in partitions(["a.txt", "b.txt", "c.txt"], 2)]
    [('a.txt', 'b.txt'), ('c.txt',)]
    """
    files = list(input_files(inputs))
    return [
        Partition(i, tuple(files[start : start + size]))
        for i, start in enumerate(range(0, len(files), size))
    ]


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline and the gazetteer once per worker."""

    name = PLUGIN_NAME

    def __init__(
        self,
        model: str | None,
        gazetteers: tuple[str, ...],
        candidate_filter: bool = False,
    ) -> None:
        self.model = model
        self.gazetteers = gazetteers
        self.candidate_filter = candidate_filter

    def setup(self, worker: object) -> None:
        from kb.extract import load_pipeline
        from kb.extract.candidate_filter import chosen_filter

        self.nlp = load_pipeline(self.model)
        self.weights = chosen_filter(self.candidate_filter)
        self.gaz = user_gazetteer(self.gazetteers)
        # a worker started with several threads runs one partition at a time
        self.lock = threading.Lock()


def _run_partition(
    partition: Partition,
    mapping: MappingOptions,
    out_dir: str,
    validate: ValidateMode = "fast",
) -> list[ArticleOutcome]:
    """On a worker: the partition's conforming articles to its shard, written after
    its outcomes record, each atomically, so a shard that exists is complete."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin)
    outcomes: list[ArticleOutcome] = []
    with plugin.lock, GraphWriter("nq") as writer:
        for graph in conforming_graphs(
            partition.files,
            plugin.nlp,
            plugin.gaz,
            mapping,
            outcomes,
            validate=validate,
            candidate_filter=plugin.weights,
        ):
            writer.add(graph)
        record = {"files": partition.files, "outcomes": [asdict(o) for o in outcomes]}
        write_atomic(Path(out_dir, partition.record), json.dumps(record, indent=1))
        write_atomic_with(Path(out_dir, partition.shard), _gzipped(writer))
    return outcomes


def _gzipped(writer: GraphWriter) -> Callable[[IO[bytes]], None]:
    def produce(handle: IO[bytes]) -> None:
        # no name or time in the header: the same articles give the same bytes
        with gzip.GzipFile(fileobj=handle, mode="wb", filename="", mtime=0) as out:
            writer.write(out)  # type: ignore[arg-type]

    return produce


def _done_before(out_dir: Path, partition: Partition) -> list[ArticleOutcome] | None:
    """The outcomes of a partition whose shard a previous run completed, or None."""
    if not (out_dir / partition.shard).exists():
        return None
    try:
        record = json.loads((out_dir / partition.record).read_text("utf-8"))
    except (OSError, ValueError):
        return None  # no record of it: process it again
    if tuple(record.get("files", ())) != partition.files:
        raise UsageError(
            f"{out_dir / partition.shard} holds other inputs than this run's "
            f"partition {partition.index}; write to an empty directory, or give "
            "the same inputs and --partition-files as before"
        )
    return [ArticleOutcome(**o) for o in record["outcomes"]]


@contextmanager
def _client(scheduler: str, workers: int) -> Iterator[Any]:
    if Client is None:
        raise UsageError(
            "--scheduler needs Dask; install it with: pip install 'newskb[dask]'"
        )
    if scheduler == LOCAL:
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=40,  # logging.ERROR
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one "
            f"with 'dask scheduler', or use --scheduler {LOCAL}"
        ) from exc
    with client:
        yield client


def _dashboard(client: Any) -> str | None:
    services = client.scheduler_info().get("services", {})
    return str(client.dashboard_link) if "dashboard" in services else None


def export_cluster(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    options: ExportOptions,
    scheduler: str,
    partition_files: int = PARTITION_FILES,
    progress: Progress | None = None,
    on_connect: Callable[[str | None], None] | None = None,
) -> ClusterResult:
    """Extract ``inputs`` on the Dask cluster at ``scheduler`` (``"local"`` starts
    one of ``options.jobs`` workers here) into N-Quads shards in ``out_dir``, which
    the workers must be able to read and write (a shared file system). Partitions
    whose shard exists are not run again. Inputs are paths the workers can read, or
    fsspec URLs (``s3://bucket/day/*.jsonl``): globs and directories are listed here,
    and each worker reads its files' bytes itself.

    :param progress: called after each partition with (done, total, its outcomes).
    :param on_connect: called with the dashboard link (or None) once connected.
    :raises UsageError: for standard input, a URL whose protocol is not installed, a
        bad option or an unreachable scheduler.
    """
    names = [str(i) for i in inputs]
    if "-" in names:
        raise UsageError("--scheduler reads files, not standard input ('-')")
    for path in options.gazetteers:  # a bad file fails here, not on every worker
        load_user_gazetteer(path)
    started, clock = datetime.now(UTC), time.monotonic()
    mapping = MappingOptions(check_base(options.base), options.generated_at or started)
    validate = check_validate_mode(options.validate)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    parts = partitions(names, partition_files)
    result = ClusterResult(partitions=len(parts), manifest=out / MANIFEST)
    per_part: dict[int, list[ArticleOutcome]] = {}
    todo = []
    for part in parts:
        before = _done_before(out, part)
        if before is None:
            todo.append(part)
        else:
            per_part[part.index] = before
    if todo:  # nothing to do: no cluster to start or reach
        # --jobs auto (None) on a LocalCluster: one worker per usable core
        workers = options.jobs or auto_workers()
        with _client(scheduler, workers) as client:
            result.dashboard = _dashboard(client)
            if on_connect is not None:
                on_connect(result.dashboard)
            plugin = PipelinePlugin(
                options.model, options.gazetteers, options.candidate_filter
            )
            client.register_plugin(plugin, name=PLUGIN_NAME)
            run = _Run(mapping, out, validate)
            _run_all(client, todo, run, per_part, progress, len(parts))
    result.processed = len(todo)
    for part in parts:
        result.outcomes += per_part[part.index]
    manifest = _manifest(names, parts, per_part, todo, options, mapping, scheduler)
    manifest["time"] = {
        "started": started.isoformat(),
        "seconds": round(time.monotonic() - clock, 3),
    }
    write_atomic(out / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
    return result


@dataclass(frozen=True)
class _Run:
    """What every partition of one run is processed with."""

    mapping: MappingOptions
    out: Path
    validate: ValidateMode


def _run_all(
    client: Any,
    todo: list[Partition],
    run: _Run,
    per_part: dict[int, list[ArticleOutcome]],
    progress: Progress | None,
    total: int,
) -> None:
    """Run the partitions; one that fails (after Dask's retries) fails its files."""
    futures = client.map(
        _run_partition,
        todo,
        mapping=run.mapping,
        out_dir=str(run.out),
        validate=run.validate,
        pure=False,
        retries=1,
        key=[f"newskb-{p.shard}-{time.time_ns()}" for p in todo],
    )
    part_of = {f.key: p for f, p in zip(futures, todo, strict=True)}
    for future in as_completed(futures):
        part = part_of[future.key]
        try:
            per_part[part.index] = future.result()
        except Exception as exc:  # noqa: BLE001 - any task error fails its inputs
            reason = f"partition {part.shard} failed on the cluster ({exc!r})"
            per_part[part.index] = [
                ArticleOutcome(f, "failed", f"{f}: {reason}") for f in part.files
            ]
        if progress is not None:
            progress(len(per_part), total, per_part[part.index])


def _versions(model: str | None) -> dict[str, str]:
    from kb.extract import DEFAULT_MODEL

    names = ["spacy", model or DEFAULT_MODEL, "pyoxigraph", "dask", "distributed"]
    versions = {"newskb": __version__, "python": platform.python_version()}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _manifest(
    inputs: list[str],
    parts: list[Partition],
    per_part: dict[int, list[ArticleOutcome]],
    todo: list[Partition],
    options: ExportOptions,
    mapping: MappingOptions,
    scheduler: str,
) -> dict[str, Any]:
    statuses = ("written", "skipped", "failed", "invalid")
    every = [o for p in parts for o in per_part[p.index]]
    ran = {p.index for p in todo}
    return {
        "inputs": inputs,
        "counts": {s: sum(o.status == s for o in every) for s in statuses},
        "problems": [asdict(o) for o in every if o.reason],
        "partitions": [
            {
                "shard": p.shard,
                "files": list(p.files),
                "this_run": p.index in ran,
                **{s: sum(o.status == s for o in per_part[p.index]) for s in statuses},
            }
            for p in parts
        ],
        "options": {
            "base": mapping.base,
            "generated_at": mapping.generated_at.isoformat()
            if mapping.generated_at
            else None,
            "model": options.model,
            "gazetteers": list(options.gazetteers),
            "validate": options.validate,
            "scheduler": scheduler,
        },
        "versions": _versions(options.model),
    }


def format_progress(
    done: int, total: int, articles: int, failed: int, seconds: float
) -> str:
    """One progress line: partitions and articles done, failures, rate and ETA.

    >>> format_progress(3, 10, 48, 1, 12.0)
    'partitions 3/10, articles 48 done, 1 failed, 4.0 articles/s, ETA 28s'
    """
    rate = articles / seconds if seconds > 0 else 0.0
    eta = seconds / done * (total - done) if done else None
    left = f"{eta:.0f}s" if eta is not None else "?"
    return (
        f"partitions {done}/{total}, articles {articles} done, {failed} failed, "
        f"{rate:.1f} articles/s, ETA {left}"
    )
