"""``--jobs`` workers' server starts before ``kb`` imports the rest of itself, and
work mapped onto worker processes comes back in order, a few items in flight."""

from __future__ import annotations

import io
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Iterator
from multiprocessing import forkserver
from multiprocessing.pool import ThreadPool
from pathlib import Path

import pytest

from kb.jobs.forkserver import asked_jobs, start_early
from kb.jobs.parallel import ordered_map, worker_mapper
from kb.rdf import spill
from kb.rdf.writers import GraphWriter
from tests.test_writer_equivalence import _articles, _plain


@pytest.mark.parametrize(
    ("args", "environ", "jobs"),
    [
        (["export", "in/", "--jobs", "2"], {}, 2),
        (["export", "in/", "--jobs=4", "-o", "x.ttl"], {}, 4),
        (["add", "in/", "-j", "2", "--store", "s"], {}, 2),
        (["export", "in/", "-j2"], {}, 2),
        (["export", "in/"], {"KB_JOBS": "3"}, 3),
        (["export", "in/", "--jobs", "1"], {"KB_JOBS": "3"}, 1),  # the option wins
        (["export", "in/", "--jobs", "auto"], {}, 1),  # decided from the inputs
        (["export", "in/", "--jobs"], {}, 1),  # the CLI reports it
        (["export", "in/", "--jobs", "2", "--scheduler", "local"], {}, 1),  # Dask
        (["query", "--jobs", "2"], {}, 1),
        ([], {"KB_JOBS": "2"}, 1),
    ],
)
def test_asked_jobs(args: list[str], environ: dict[str, str], jobs: int) -> None:
    assert asked_jobs(args, environ) == jobs


def test_the_server_starts_early_only_for_workers() -> None:
    assert not start_early(["export", "in/", "--jobs", "1"], {})
    assert not start_early(["export", "in/"], {})
    assert start_early(["export", "in/", "--jobs", "2"], {})
    assert forkserver._forkserver._forkserver_pid is not None  # type: ignore[attr-defined]


_INTERRUPT_THE_SERVER = """
import os, signal, sys, time
from multiprocessing import forkserver
from kb.jobs.forkserver import start_early
start_early(["export", "in/", "--jobs", "2"], {})
pid = forkserver._forkserver._forkserver_pid
time.sleep(0.7)  # past its exec (a signal before that is lost), into its imports
os.kill(pid, signal.SIGINT)  # a Ctrl-C while the server loads spaCy
time.sleep(2)
os.kill(pid, 0)  # raises if the server died of it
print("alive", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
"""


def test_a_ctrl_c_while_the_server_loads_is_no_traceback() -> None:
    """The server starts with Ctrl-C ignored (the parent ends it and its workers),
    and the parent's own handler is back after the start."""
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_THE_SERVER],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.stdout.strip() == "alive True", done.stderr
    assert "Traceback" not in done.stderr
    assert "KeyboardInterrupt" not in done.stderr


def test_ordered_map_keeps_order_and_few_in_flight() -> None:
    sent: list[int] = []

    def items() -> Iterator[int]:
        for i in range(20):
            sent.append(i)
            yield i

    def square(i: int) -> int:
        if i % 4 == 0:
            time.sleep(0.05)  # done after the next ones: order is not finishing order
        return i * i

    with ThreadPool(2) as pool:
        results = ordered_map(pool, square, items(), ahead=3)
        first = next(results)
        assert len(sent) == 3  # no more than `ahead` were sent before it was back
        assert [first, *results] == [i * i for i in range(20)]


def test_turtle_written_in_worker_processes_is_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graphs = _articles(2)
    # many small runs of subjects, so that each worker writes several
    monkeypatch.setattr(spill, "BLOCK_LINES", 5)
    out = io.BytesIO()
    with GraphWriter("ttl") as writer, worker_mapper(2) as mapper:
        for graph in graphs:
            writer.add(graph)
        writer.write(out, mapper)
    assert out.getvalue() == _plain("ttl", graphs)


def _sigint_handler() -> object:
    import signal

    return signal.getsignal(signal.SIGINT)


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: only the parent should answer it (it
    says what it kept and ends the pool); each worker printed a traceback."""
    import signal

    from kb.jobs.parallel import _init_worker, ignore_interrupts
    from kb.rdf.mapping import MappingOptions

    context = multiprocessing.get_context("spawn")
    with context.Pool(1, ignore_interrupts) as pool:
        assert pool.apply(_sigint_handler) == signal.SIG_IGN
    setup = (None, MappingOptions(), (), "fast")
    with context.Pool(1, _init_worker, setup) as pool:
        assert pool.apply(_sigint_handler) == signal.SIG_IGN


@pytest.mark.slow
def test_the_kb_script_runs_workers(tmp_path: Path) -> None:
    """Through the installed ``kb`` script, as users run it: each worker runs the
    script again to set itself up, with the command's arguments, and must not start
    a server of its own (it raised, and the export never ended)."""
    import json
    import shutil
    import subprocess
    import sys

    script = shutil.which("kb", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("no kb script beside this Python (pip install -e .)")
    source = tmp_path / "three.jsonl"
    texts = [
        f"Maria Lopez said on Monday that the {w} would open in May."
        for w in ("bridge", "school", "library")
    ]
    source.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)
        )
    )
    done = subprocess.run(
        [
            script,
            "export",
            str(source),
            "--jobs",
            "2",
            "-o",
            str(tmp_path / "o.nt"),
            "--format",
            "nt",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_the_parent_of_workers_imports_no_spacy() -> None:
    """``kb export --jobs 2``'s own process reads articles and writes the output:
    spaCy's import (about 0.8 s of its CPU) is the workers' alone, who have it
    from the server's preload, with the modules they run."""
    import subprocess
    import sys

    probe = (
        "import sys, kb.cli, kb.jobs.export, kb.jobs.parallel;"
        "print('spacy' in sys.modules)"
    )
    parent = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert parent.stdout.strip() == "False"
    preload = "import sys, kb.jobs.preload; print('kb.jobs.parallel' in sys.modules)"
    server = subprocess.run(
        [sys.executable, "-c", preload], capture_output=True, text=True, check=True
    )
    assert server.stdout.strip() == "True"
