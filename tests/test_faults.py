"""Faults: a real ``kb export -o OUT`` killed with SIGKILL at random points leaves OUT
as it was (or absent), or complete, never truncated. A killed writer can leave its
locked temporary file ``.OUT.<random>.tmp``; the next write to OUT deletes it."""

from __future__ import annotations

import glob
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.rdf.output import temp_pattern, write_atomic

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and flock are POSIX"
)

FIXED_TIME = "2026-01-01T00:00:00Z"
PREVIOUS = "previous content, which must survive a killed export\n"
KILLS = 10
SEED = 20260101

PEOPLE = ["Ilse Dunmore", "Ravi Okafor", "Petra Solvik", "Mira Castell", "Omar Haddad"]
PLACES = ["Orlin", "Varnholm", "Keldby", "Brastow"]
TEMPLATE = """\
Harbour master {person} said on Tuesday that the {place} ferry would resume its
crossings after storm damage to the pier was repaired.

About {count} passengers waited overnight in the terminal, the {place} Port Authority
said. "We expect the first boat to leave at dawn," {person} told reporters.

Repairs cost {cost} million euros, according to the regional council.
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty variations of one invented article, so a run lasts a few seconds."""
    folder = tmp_path_factory.mktemp("articles")
    for i in range(20):
        text = TEMPLATE.format(
            person=PEOPLE[i % len(PEOPLE)],
            place=PLACES[i % len(PLACES)],
            count=30 + i,
            cost=2 + i,
        )
        (folder / f"ferry-{i:02}.txt").write_text(text, encoding="utf-8")
    return folder


def export_command(articles: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "kb",
        "export",
        str(articles),
        "--format",
        "nt",
        "--fixed-time",
        FIXED_TIME,
        "-o",
        str(out),
    ]


def leftovers(out: Path) -> list[Path]:
    return sorted(Path(p) for p in glob.glob(temp_pattern(out)))


@pytest.mark.slow
def test_killed_export_leaves_old_or_complete_output(
    articles: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.nt"
    started = time.monotonic()
    subprocess.run(export_command(articles, out), check=True, capture_output=True)
    full_run = time.monotonic() - started
    complete = out.read_text("utf-8")
    assert complete.count("<https://w3id.org/newskb/ontology#Article>") == 20
    out.unlink()

    rng = random.Random(SEED)
    outcomes = []
    for run in range(KILLS):
        previous = run % 2 == 0
        if previous:
            out.write_text(PREVIOUS, encoding="utf-8")
        process = subprocess.Popen(
            export_command(articles, out),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Anywhere from start-up to just after a normal run would have ended.
        time.sleep(rng.uniform(0.0, full_run * 1.1))
        process.send_signal(signal.SIGKILL)
        code = process.wait()

        if out.exists():
            content = out.read_text("utf-8")
            expected = (PREVIOUS, complete) if previous else (complete,)
            assert content in expected, f"run {run}: OUT is truncated or foreign"
            outcomes.append("complete" if content == complete else "old")
        else:
            assert not previous, f"run {run}: the old OUT disappeared"
            outcomes.append("absent")
        # A kill during the write leaves the writer's temp file; nothing else.
        others = {p.name for p in tmp_path.iterdir()} - {out.name}
        assert others == {p.name for p in leftovers(out)}, others
        for stale in leftovers(out):  # never a complete file under the target name
            assert stale.name.startswith(f".{out.name}.")
        if code == 0:
            assert out.read_text("utf-8") == complete
        if out.exists():
            out.unlink()

    print("kill outcomes:", outcomes)  # shown with -s or on failure
    # A normal run afterwards cleans up whatever killed writers left behind.
    subprocess.run(export_command(articles, out), check=True, capture_output=True)
    assert out.read_text("utf-8") == complete
    assert leftovers(out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


KILL_DURING_WRITE = """
import os, signal, sys
from kb.rdf import output

def die(fd):
    os.kill(os.getpid(), signal.SIGKILL)

output.os.fsync = die  # the text is written, not yet renamed: die here
output.write_atomic(sys.argv[1], "new content\\n" * 10000)
"""

HOLD_WHILE_WRITING = """
import os, sys
from kb.rdf import output

def wait(fd):
    print("writing", flush=True)
    sys.stdin.readline()

output.os.fsync = wait  # hold the lock until the parent says go
output.write_atomic(sys.argv[1], "from the live writer\\n")
"""


def test_killed_writer_leaks_a_temp_file_that_the_next_write_removes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", KILL_DURING_WRITE, str(out)], check=False
    )
    assert done.returncode == -signal.SIGKILL
    assert out.read_text("utf-8") == PREVIOUS
    (stale,) = leftovers(out)  # documented: SIGKILL cannot be cleaned up after
    assert stale.read_text("utf-8").startswith("new content")

    write_atomic(out, "next\n")
    assert out.read_text("utf-8") == "next\n"
    assert leftovers(out) == []


def test_cleanup_spares_a_live_writer(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_WHILE_WRITING, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdin is not None
        assert writer.stdout.readline() == "writing\n"
        (live,) = leftovers(out)
        write_atomic(out, "from this process\n")
        assert live.exists()  # its lock is held: not abandoned
        writer.stdin.write("go\n")
        writer.stdin.close()
        assert writer.wait(timeout=60) == 0
    finally:
        if writer.poll() is None:
            writer.kill()
    assert out.read_text("utf-8") == "from the live writer\n"
    assert leftovers(out) == []
    assert os.listdir(tmp_path) == [out.name]
