"""Inputs given as fsspec URLs: ``file://`` globs and directories, and files served
over HTTP on 127.0.0.1, read as the same local files are, by ``kb export`` and by
``kb export --scheduler local`` (whose workers read the URLs themselves); a missing
remote file is a failed input with its reason, in the manifest too; a protocol with
no installed file system is a usage error that names the package to install."""

from __future__ import annotations

import functools
import importlib.util
import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kb.errors import InputError
from kb.ingest.sources import input_files, iter_articles
from kb.models import Article
from tests.conftest import EXAMPLES_DIR, Exported, run_export

pytest.importorskip("fsspec", reason="needs fsspec (the dask extra)")


def _invented(directory: Path) -> Path:
    """Invented articles: text, Markdown, JSONL with one bad line, files the
    directory walk leaves out (hidden, an unsupported extension)."""
    (directory / "desk" / "late").mkdir(parents=True)
    (directory / ".drafts").mkdir()
    (directory / "desk" / "harbour.txt").write_text(
        "Harbour pilots end strike\n\nPilots at the port of Vellmar ended a "
        "two-day strike on Monday, the harbour authority said.\n",
        "utf-8",
    )
    (directory / "desk" / "late" / "rail.md").write_text(
        "# Rail link delayed\n\nThe Ostrand rail link will open a year late, "
        "the regional transport office said on Friday.\n",
        "utf-8",
    )
    (directory / "wire.jsonl").write_text(
        '{"text": "The Corvale council approved a new budget on Tuesday."}\n'
        '{"text": 7}\n',
        "utf-8",
    )
    (directory / ".drafts" / "unfinished.txt").write_text("Not yet.\n", "utf-8")
    (directory / "photo.pdf").write_bytes(b"%PDF-1.4")
    return directory


def _as_local(items: Iterator[object], prefix: str) -> list[tuple[str, str, str]]:
    """(kind, origin, text or message) of each item, with the URL prefix dropped."""
    seen = []
    for item in items:
        origin = str(getattr(item, "origin", "")).removeprefix(prefix)
        body = item.text if isinstance(item, Article) else str(item)
        seen.append((type(item).__name__, origin, body.replace(prefix, "")))
    return seen


def test_file_urls_read_as_local_paths(tmp_path: Path) -> None:
    root = _invented(tmp_path / "news")
    local = _as_local(iter_articles([root]), "")
    assert [kind for kind, *_ in local] == ["Article"] * 3 + ["InputError"]
    assert _as_local(iter_articles([f"file://{root}"]), "file://") == local
    pattern = f"file://{root}/**/*.[mt][dx]*"
    assert list(input_files([pattern])) == [
        f"file://{root}/desk/harbour.txt",
        f"file://{root}/desk/late/rail.md",
    ]
    assert _as_local(iter_articles([pattern]), "file://") == local[:2]


def test_missing_and_unmatched_urls_are_failed_inputs(tmp_path: Path) -> None:
    gone, nothing = f"file://{tmp_path}/gone.jsonl", f"file://{tmp_path}/*.txt"
    [missing] = iter_articles([gone])
    assert isinstance(missing, InputError) and missing.origin == gone
    assert str(missing) == f"{gone}: no such file; check the URL"
    [unmatched] = iter_articles([nothing])
    assert str(unmatched) == f"{nothing}: no file matches this pattern; check the URL"


def test_a_server_that_does_not_answer_is_not_a_missing_file() -> None:
    pytest.importorskip("aiohttp", reason="fsspec's http file system needs aiohttp")
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/desk/harbour.txt"
    (item,) = iter_articles([url])
    assert isinstance(item, InputError)
    assert str(item).startswith(f"{url}: cannot reach the server (")
    assert str(item).endswith("); check the address and your network")


@pytest.mark.parametrize("scheduler", [[], ["--scheduler", "local", "-o", "shards"]])
def test_a_protocol_not_installed_is_a_usage_error(
    tmp_path: Path, scheduler: list[str]
) -> None:
    args = [*scheduler, str(EXAMPLES_DIR)]
    unknown = run_export(["nosuchfs://bucket/day/*.jsonl", *args])
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("kb: nosuchfs://bucket/day/*.jsonl: no fsspec")
    if importlib.util.find_spec("s3fs") is not None:
        return  # s3:// works here: nothing to install
    s3 = run_export(["s3://bucket/day/*.jsonl", *args])
    assert s3.exit_code == 2
    assert s3.stderr.startswith("kb: s3://bucket/day/*.jsonl: reading s3:// URLs")
    assert "pip install s3fs" in s3.stderr
    assert "Traceback" not in s3.stderr + unknown.stderr


# --- whole exports: the output equals kb export --format nq of the local files ----


@pytest.fixture(scope="module")
def http_examples() -> Iterator[str]:
    """The example articles served over HTTP on 127.0.0.1 (a thread of this process:
    the Dask workers, other processes, fetch from it)."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(EXAMPLES_DIR))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


def _same_as_examples(
    urls: list[str],
    gone: str,
    out: Path,
    export_examples: Callable[[str], Exported],
) -> None:
    """``kb export URLS --format nq`` and ``kb export URLS --scheduler local`` give
    the lines of the local examples' export, and report ``gone`` as failed."""
    pytest.importorskip("distributed", reason="needs the dask extra")
    from tests.test_cluster import merged

    expected = sorted(export_examples("nq").text.splitlines(keepends=True))
    assert expected
    plain = run_export([*urls, gone, "--format", "nq"])
    assert plain.exit_code == 2
    assert sorted(plain.text.splitlines(keepends=True)) == expected
    reason = f"{gone}: no such file; check the URL"
    assert f"kb: {reason}" in plain.stderr.splitlines()

    cluster = ["--scheduler", "local", "--jobs", "1", "--partition-files", "2"]
    done = run_export([*urls, gone, *cluster, "-o", str(out)])
    assert done.exit_code == 2, done.stderr
    assert merged(out) == expected
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"] == [*urls, gone]
    assert manifest["counts"] == {"written": 5, "skipped": 0, "failed": 1, "invalid": 0}
    assert manifest["problems"] == [
        {"origin": gone, "status": "failed", "reason": reason}
    ]


@pytest.mark.slow
def test_file_url_glob_matches_export(
    tmp_path: Path, export_examples: Callable[[str], Exported]
) -> None:
    urls = [f"file://{EXAMPLES_DIR}/*.*"]
    _same_as_examples(
        urls, f"file://{tmp_path}/gone.jsonl", tmp_path / "shards", export_examples
    )


@pytest.mark.slow
def test_http_urls_match_export(
    tmp_path: Path, http_examples: str, export_examples: Callable[[str], Exported]
) -> None:
    pytest.importorskip("aiohttp", reason="fsspec's http file system needs aiohttp")
    # a glob over the server's directory listing, and one file by its own URL
    urls = [f"{http_examples}/*.[hjm]*", f"{http_examples}/dprk-soldiers.txt"]
    assert len(list(input_files(urls))) == 5
    _same_as_examples(
        urls, f"{http_examples}/gone.txt", tmp_path / "shards", export_examples
    )
