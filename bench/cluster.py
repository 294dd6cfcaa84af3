"""Benchmark of ``kb export --scheduler local``: one Dask worker against two, and the
cluster path against ``kb export --jobs 1``, each a whole command on the same
directory of invented articles (as a user runs them, start-up included)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_txt_dir

PARTITION_FILES = 8


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kb", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def _shard_lines(directory: Path) -> list[bytes]:
    import gzip

    lines: list[bytes] = []
    for shard in sorted(directory.glob("part-*.nq.gz")):
        lines += gzip.decompress(shard.read_bytes()).splitlines()
    return sorted(lines)


def bench_cluster(workdir: Path, articles: int, fixed_time: str) -> dict[str, Any]:
    """Seconds for ``--jobs 1``, one worker and two; the ratios; and the articles per
    second per worker that the sizing table uses."""
    corpus = write_txt_dir(workdir / "cluster-articles", articles, seed=11)
    common = [str(corpus), "--fixed-time", fixed_time]
    plain = workdir / "cluster-plain.nq"
    t_jobs1 = _run(["export", *common, "--format", "nq", "-o", str(plain)])
    times = {}
    for workers in (1, 2):
        out = workdir / f"cluster-shards-{workers}"
        times[workers] = _run(
            ["export", *common, "--scheduler", "local", "--jobs", str(workers)]
            + ["--partition-files", str(PARTITION_FILES), "-o", str(out)]
        )
    same = _shard_lines(workdir / "cluster-shards-2") == sorted(
        plain.read_bytes().splitlines()
    )
    return {
        "articles": articles,
        "jobs1_s": t_jobs1,
        "workers1_s": times[1],
        "workers2_s": times[2],
        "cluster_speedup": times[1] / times[2],
        "cluster_overhead": times[1] / t_jobs1 - 1,
        "articles_per_s_per_worker": articles / times[1],
        "same_output": same,
    }


def rows(c: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows for :func:`bench.run.table` (measure, figure, empty bar column)."""
    n = c["articles"]
    return [
        (
            f"Dask LocalCluster 2 workers / 1 worker, {n} articles",
            f"{c['cluster_speedup']:.2f} ({c['workers1_s']:.1f} s vs "
            f"{c['workers2_s']:.1f} s, same lines as --format nq: {c['same_output']})",
            "",
        ),
        (
            "Dask 1 worker against kb export --jobs 1 (overhead)",
            f"{c['cluster_overhead']:+.0%} ({c['workers1_s']:.1f} s vs "
            f"{c['jobs1_s']:.1f} s); {c['articles_per_s_per_worker']:.2f} "
            "articles/s per worker",
            "",
        ),
    ]
