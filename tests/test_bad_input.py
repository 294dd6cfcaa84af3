"""Bad input through the real ``kb export`` command: every item of issue 5's list,
one row each. Each row checks the exit code, that standard error has one line per
problem naming the file (and line, for JSONL), the batch summary, and that the good
article given in the same batch is still written."""

from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Graph

from kb.cli import cli
from kb.ingest import normalize as ingest
from kb.rdf import output
from kb.rdf.namespaces import KB, SCHEMA
from kb.rdf.validate import validate_graph

BAD = Path(__file__).resolve().parent / "data" / "bad"
GOOD = BAD / "good-ferry.txt"
ENGLISH = "Mayor Zoë Brandt of Orlin said on Monday that the café would reopen."

Build = Callable[[Path, pytest.MonkeyPatch], list[str]]


@dataclass(frozen=True)
class Case:
    """One bad input. ``build`` makes the inputs (in ``tmp``) and returns them;
    ``problems`` are (where, fragment) pairs, one per expected stderr line, where
    ``where`` is formatted with ``bad`` and ``tmp``; ``written`` counts the good
    article that every row adds to the batch."""

    build: Build
    problems: list[tuple[str, str]]
    summary: str | None
    exit_code: int = 2
    written: int = 1
    output: Callable[[Path, pytest.MonkeyPatch], Path] | None = None
    check: Callable[[Graph], None] | None = None
    # Warnings are logged, and pytest's log capture would swallow them in-process.
    subprocess: bool = False


def fixture(*names: str) -> Build:
    return lambda tmp, mp: [str(BAD / n) for n in names]


def made(name: str, content: bytes | str) -> Build:
    def build(tmp: Path, mp: pytest.MonkeyPatch) -> list[str]:
        path = tmp / name
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return [str(path)]

    return build


def unreadable_in_directory(tmp: Path, mp: pytest.MonkeyPatch) -> list[str]:
    folder = tmp / "inbox"
    folder.mkdir()
    secret = folder / "secret.txt"
    secret.write_text(ENGLISH, encoding="utf-8")
    (folder / "readable.txt").write_text(
        "Firefighters in Varnholm rescued two hikers on Sunday.", encoding="utf-8"
    )
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads anything: refuse the open instead
        original = Path.open

        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == "secret.txt":
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return original(self, *args, **kwargs)

        mp.setattr(Path, "open", refuse)
    return [str(folder)]


def symlink_loops(tmp: Path, mp: pytest.MonkeyPatch) -> list[str]:
    folder = tmp / "links"
    folder.mkdir()
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    return [str(folder)]


def under_a_file(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    (tmp / "plain-file").write_text("not a directory\n", encoding="utf-8")
    return tmp / "plain-file" / "out.nt"


def rename_refused(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    mp.setattr(output.os, "replace", refuse)
    return tmp / "out.nt"


def disk_full(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    mp.setattr(output.os, "fsync", full)
    return tmp / "out.nt"


def small_graph(graph: Graph) -> None:
    """The 0-entity article: an Article and its provenance, nothing invented."""
    (article,) = [
        a
        for a, body in graph.subject_objects(SCHEMA.articleBody)
        if str(body).startswith("it was a quiet day")
    ]
    assert list(graph.objects(article, KB.mentions)) == []
    own = [t for t in graph if str(t[0]).startswith(str(article))]
    assert len(own) < 20, len(own)  # the article and its provenance activity
    assert validate_graph(graph).conforms


CASES: dict[str, Case] = {
    "empty-file": Case(
        fixture("empty.txt"),
        [("{bad}/empty.txt", "empty article")],
        "1 written, 1 failed",
    ),
    "whitespace-only": Case(
        fixture("whitespace.md"),
        [("{bad}/whitespace.md", "empty article")],
        "1 written, 1 failed",
    ),
    "png-named-txt": Case(
        made("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        [("{tmp}/photo.txt", "this is a PNG image, not text")],
        "1 written, 1 failed",
    ),
    "pdf-named-txt": Case(
        made("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        [("{tmp}/report.txt", "this is a PDF document, not text")],
        "1 written, 1 failed",
    ),
    "invalid-utf8": Case(
        made("garbled.txt", b"The Orlin caf\x81\x8d\x90 closed on Monday."),
        [("{tmp}/garbled.txt", "neither UTF-8 nor Windows-1252")],
        "1 written, 1 failed",
    ),
    "latin-1": Case(
        made("latin1.txt", ENGLISH.encode("latin-1")),
        [("{tmp}/latin1.txt", "not valid UTF-8; read it as Windows-1252")],
        "2 written",
        exit_code=0,
        written=2,
        subprocess=True,
    ),
    "windows-1252": Case(
        made("cp1252.txt", f"\u201c{ENGLISH}\u201d \u2013 she said.".encode("cp1252")),
        [("{tmp}/cp1252.txt", "not valid UTF-8; read it as Windows-1252")],
        "2 written",
        exit_code=0,
        written=2,
        subprocess=True,
    ),
    "utf-16-bom": Case(
        made("utf16.txt", codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le")),
        [("{tmp}/utf16.txt", "read it as UTF-16, from its byte-order mark")],
        "2 written",
        exit_code=0,
        written=2,
        subprocess=True,
    ),
    "utf-16-bom-broken": Case(
        made(
            "utf16-bad.txt",
            codecs.BOM_UTF16_LE + "Orlin".encode("utf-16-le") + b"\x00\xd8",
        ),
        [("{tmp}/utf16-bad.txt", "not valid UTF-16 despite its byte-order mark")],
        "1 written, 1 failed",
    ),
    "malformed-json": Case(
        fixture("malformed.json"),
        [("{bad}/malformed.json", "invalid JSON (Expecting value at line 1")],
        "1 written, 1 failed",
    ),
    "jsonl-one-bad-line": Case(
        fixture("one-bad-line.jsonl"),
        [("{bad}/one-bad-line.jsonl:2", "invalid JSON")],
        "3 written, 1 failed",
        written=3,
    ),
    "record-without-text": Case(
        fixture("no-text.json"),
        [("{bad}/no-text.json", "missing field 'text'")],
        "1 written, 1 failed",
    ),
    "wrong-field-type": Case(
        fixture("wrong-type.json"),
        [("{bad}/wrong-type.json", "field 'title' must be a string, not a number")],
        "1 written, 1 failed",
    ),
    "bad-published": Case(
        fixture("bad-published.json"),
        [("{bad}/bad-published.json", "field 'published' is not an ISO 8601 date")],
        "1 written, 1 failed",
    ),
    "bad-url": Case(
        fixture("bad-url.json"),
        [("{bad}/bad-url.json", "field 'url' is not an absolute http(s) URL")],
        "1 written, 1 failed",
    ),
    "non-english-record": Case(
        fixture("french-record.json"),
        [
            (
                "{bad}/french-record.json",
                "language 'fr' is not supported; extraction supports English",
            )
        ],
        "1 written, 1 failed",
    ),
    "non-english-detected": Case(
        fixture("german-detected.txt"),
        [
            (
                "{bad}/german-detected.txt",
                "looks like language 'de', not English (no language was given); "
                "extraction supports English",
            )
        ],
        "1 written, 1 failed",
    ),
    "five-megabytes": Case(
        made("huge.txt", ("Orlin council met. " * 276_000)[: 5 * 2**20]),
        [
            (
                "{tmp}/huge.txt",
                "article is too long (5,242,880 characters; the limit is 1,000,000)",
            )
        ],
        "1 written, 1 failed",
    ),
    "very-long-line": Case(
        made(
            "one-line.txt",
            " ".join(f"Orlin harbour item {i} stayed closed" for i in range(700)),
        ),
        [],
        "2 written",
        exit_code=0,
        written=2,
    ),
    "zero-entities": Case(
        fixture("no-entities.txt"),
        [],
        "2 written",
        exit_code=0,
        written=2,
        check=small_graph,
    ),
    "missing-path": Case(
        lambda tmp, mp: [str(tmp / "nowhere.txt")],
        [("{tmp}/nowhere.txt", "no such file or directory")],
        "1 written, 1 failed",
    ),
    "unreadable-file-in-directory": Case(
        unreadable_in_directory,
        [("{tmp}/inbox/secret.txt", "permission denied")],
        "2 written, 1 failed",
        written=2,
    ),
    "symlink-loop": Case(
        symlink_loops,
        [
            ("{tmp}/links/again", "symlink loop (it leads back to"),
            ("{tmp}/links/self.txt", "symlink loop; fix or remove the link"),
        ],
        "1 written, 2 failed",
    ),
    "unknown-extension": Case(
        fixture("notes.xyz"),
        [("{bad}/notes.xyz", "unsupported extension '.xyz'")],
        "1 written, 1 failed",
    ),
    "output-under-a-file": Case(
        lambda tmp, mp: [],
        [("{tmp}/plain-file/out.nt", "cannot write here (Not a directory)")],
        None,
        written=0,
        output=under_a_file,
    ),
    "output-rename-refused": Case(
        lambda tmp, mp: [],
        [("{tmp}/out.nt", "cannot write (Permission denied)")],
        None,
        written=0,
        output=rename_refused,
    ),
    "output-disk-full": Case(
        lambda tmp, mp: [],
        [("{tmp}/out.nt", "cannot write (No space left on device)")],
        None,
        written=0,
        output=disk_full,
    ),
    "same-article-twice": Case(
        fixture("good-ferry.txt"),
        [("{bad}/good-ferry.txt", "same article as {bad}/good-ferry.txt")],
        "1 written, 1 skipped",
        exit_code=0,
    ),
    "batch-summary": Case(
        fixture(
            "empty.txt", "one-bad-line.jsonl", "french-record.json", "good-ferry.txt"
        ),
        [
            ("{bad}/empty.txt", "empty article"),
            ("{bad}/one-bad-line.jsonl:2", "invalid JSON"),
            ("{bad}/french-record.json", "language 'fr' is not supported"),
            ("{bad}/good-ferry.txt", "same article as"),
        ],
        "3 written, 1 skipped, 3 failed",
        written=3,
    ),
}

PREVIOUS = "previous content\n"


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    inputs = case.build(tmp_path, monkeypatch)
    inputs.append(str(GOOD))
    out = case.output(tmp_path, monkeypatch) if case.output else tmp_path / "out.nt"
    if out.parent.is_dir():
        out.write_text(PREVIOUS, encoding="utf-8")
    before = _tree(tmp_path)

    args = ["export", *inputs, "--format", "nt", "-o", str(out)]
    result: Ran | Result
    if case.subprocess:
        result = run_kb(args)
    else:
        result = CliRunner().invoke(cli, args, catch_exceptions=False)

    assert result.exit_code == case.exit_code, result.stderr
    lines = result.stderr.splitlines()
    if case.summary is not None:
        assert lines[-1] == f"kb: {case.summary}", result.stderr
        lines = lines[:-1]
    assert len(lines) == len(case.problems), result.stderr  # one line per problem
    for where, fragment in case.problems:
        place = where.format(bad=BAD, tmp=tmp_path)
        wanted = fragment.format(bad=BAD, tmp=tmp_path)
        matches = [line for line in lines if f"{place}: " in line and wanted in line]
        assert len(matches) == 1, (place, wanted, result.stderr)
    assert "Traceback" not in result.output
    if case.written:
        graph = Graph().parse(out, format="nt")
        assert len(set(graph.subjects(RDF.type, KB.Article))) == case.written
        bodies = {str(b) for b in graph.objects(None, SCHEMA.articleBody)}
        assert " ".join(GOOD.read_text("utf-8").split()[:6]) in "\n".join(bodies)
        if case.check:
            case.check(graph)
    else:  # nothing written: the old file, and nothing else left behind
        assert _tree(tmp_path) == before
        if out.parent.is_dir():
            assert out.read_text("utf-8") == PREVIOUS


@dataclass(frozen=True)
class Ran:
    exit_code: int
    stderr: str
    output: str


def run_kb(args: list[str]) -> Ran:
    """``python -m kb ARGS`` in a child process, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "kb", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Ran(done.returncode, done.stderr, done.stdout + done.stderr)


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_limits_agree_with_the_nlp_pipeline() -> None:
    """ingest refuses long articles before spaCy would fail on them."""
    from kb.extract import MAX_CHARS

    assert ingest.MAX_CHARS <= MAX_CHARS
