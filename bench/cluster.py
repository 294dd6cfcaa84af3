"""Benchmark of ``kb export --scheduler local``: one Dask worker against two, and the
cluster path against ``kb export --jobs 1``, as whole commands on directories of
invented articles (as a user runs them, start-up included) and in the steady state."""

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
    """``--jobs 1``, one Dask worker and two, each run on ``articles`` and on half as
    many: whole-command seconds, and the steady-state cost of one more article (the
    difference of the two runs over the difference in articles, so start-up,
    pipeline loading and the last straggling partition cancel out). The bars are on
    the steady-state ratios; the sizing table uses the steady-state rate."""
    half = articles // 2
    times: dict[tuple[str, int], float] = {}
    for n in (half, articles):
        corpus = write_txt_dir(workdir / f"cluster-articles-{n}", n, seed=11)
        common = [str(corpus), "--fixed-time", fixed_time]
        plain = workdir / f"cluster-plain-{n}.nq"
        times["jobs1", n] = _run(
            ["export", *common, "--jobs", "1", "--format", "nq", "-o", str(plain)]
        )
        for workers in (1, 2):
            out = workdir / f"cluster-shards-{workers}-{n}"
            times[f"workers{workers}", n] = _run(
                ["export", *common, "--scheduler", "local", "--jobs", str(workers)]
                + ["--partition-files", str(PARTITION_FILES), "-o", str(out)]
            )
    same = _shard_lines(workdir / f"cluster-shards-2-{articles}") == sorted(
        (workdir / f"cluster-plain-{articles}.nq").read_bytes().splitlines()
    )

    def per_article(kind: str) -> float:
        return (times[kind, articles] - times[kind, half]) / (articles - half)

    marginal = {kind: per_article(kind) for kind in ("jobs1", "workers1", "workers2")}
    return {
        "articles": articles,
        "half": half,
        "jobs1_s": times["jobs1", articles],
        "workers1_s": times["workers1", articles],
        "workers2_s": times["workers2", articles],
        "whole_speedup": times["workers1", articles] / times["workers2", articles],
        "whole_overhead": times["workers1", articles] / times["jobs1", articles] - 1,
        "per_article_s": marginal,
        "cluster_speedup": marginal["workers1"] / marginal["workers2"],
        "cluster_overhead": marginal["workers1"] / marginal["jobs1"] - 1,
        "articles_per_s_per_worker": 1 / marginal["workers1"],
        "same_output": same,
    }


def rows(c: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows for :func:`bench.run.table` (measure, figure, empty bar column)."""
    n, half, per = c["articles"], c["half"], c["per_article_s"]
    return [
        (
            f"Dask LocalCluster 2 workers / 1 worker, steady state ({half}→{n} articles)",
            f"{c['cluster_speedup']:.2f} ({per['workers1'] * 1000:.0f} vs "
            f"{per['workers2'] * 1000:.0f} ms an article); whole commands at {n}: "
            f"{c['whole_speedup']:.2f} ({c['workers1_s']:.1f} s vs {c['workers2_s']:.1f} s); "
            f"same lines as --format nq: {c['same_output']}",
            "",
        ),
        (
            "Dask 1 worker against kb export --jobs 1, steady state (overhead)",
            f"{c['cluster_overhead']:+.0%} ({per['workers1'] * 1000:.0f} vs "
            f"{per['jobs1'] * 1000:.0f} ms an article; "
            f"{c['articles_per_s_per_worker']:.2f} articles/s per worker); whole "
            f"commands at {n}: {c['whole_overhead']:+.0%} ({c['workers1_s']:.1f} s vs "
            f"{c['jobs1_s']:.1f} s)",
            "",
        ),
    ]
