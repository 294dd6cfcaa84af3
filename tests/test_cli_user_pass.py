"""What a new user's pass over the CLI found: ``-o -`` is standard output, as in
other tools, and the rest of that pass's rough edges, each checked through the real
command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from tests.conftest import run_export

STORY = "Maria Lopez said on Monday that the ferry to Varda would run again.\n"


def test_dash_output_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(STORY, "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_export([str(article), "-o", "-", "--format", "nt"])
    assert result.exit_code == 0, result.stderr
    assert "Maria Lopez" in result.text
    assert not os.path.exists(tmp_path / "-")  # no file named "-"


def test_a_turtle_syntax_error_says_where_without_byte_strings(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> <urn:c> .\nnot turtle at all\n", "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kb: {broken}: not valid turtle: line 2: expected directive or statement, "
        "at 'not turtle at all'\n"
    )


def test_removing_what_is_not_stored_says_where_to_look(tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(STORY, "utf-8")
    store = str(tmp_path / "store")
    assert (
        CliRunner().invoke(cli, ["add", str(article), "--store", store]).exit_code == 0
    )
    gone = "https://w3id.org/newskb/id/article/t-0000000000000000"
    result = CliRunner().invoke(cli, ["remove", gone, "--store", store])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kb: {gone}: not in {store}; `kb stats --articles` lists what is\n"
    )


def test_a_missing_query_file_is_named_plainly(tmp_path: Path) -> None:
    data = tmp_path / "empty.nt"
    data.write_text("<urn:a> <urn:b> <urn:c> .\n", "utf-8")
    gone = tmp_path / "gone.rq"
    result = CliRunner().invoke(cli, ["query", "-f", str(gone), "--data", str(data)])
    assert result.exit_code == 2
    assert result.stderr == f"kb: {gone}: no such query file; check the path\n"


@pytest.mark.parametrize(
    ("args", "port"),
    [
        (["--base", "http://127.0.0.1:18080/id/"], 18080),
        (["--base", "http://localhost:18081/id/"], 18081),
        # guards: --port wins; a public base is served behind a proxy; no port in it
        (["--base", "http://127.0.0.1:18080/id/", "--port", "9000"], 9000),
        (["--base", "https://news.example.org:8443/id/"], 8080),
        (["--base", "http://127.0.0.1/id/"], 8080),
        ([], 8080),
    ],
)
def test_serve_listens_where_a_local_base_says(
    monkeypatch: pytest.MonkeyPatch, args: list[str], port: int
) -> None:
    import kb.serve

    started: list[kb.serve.ServeOptions] = []
    monkeypatch.setattr(kb.serve, "run_server", started.append)
    result = CliRunner().invoke(cli, ["serve", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [options.port for options in started] == [port]


def test_output_into_a_missing_folder_says_to_create_it(tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(STORY, "utf-8")
    target = tmp_path / "not-yet" / "out.ttl"
    result = run_export([str(article), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kb: {target}: cannot write here (there is no folder {target.parent}); "
        "create it first, or write somewhere else\n"
    )
