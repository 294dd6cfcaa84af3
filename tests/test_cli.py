"""The ``kb`` command line, in-process: help texts, version, exit codes, atomic -o."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset

from kb import __version__
from kb.cli import cli
from kb.cli.options import echo_extraction, progress
from kb.jobs.cores import decide
from kb.jobs.export import BatchResult

README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS = sorted(cli.commands)


def test_group_help(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, [name, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Example" in result.output
    command = cli.commands[name]
    assert isinstance(command, click.Command) and command.help


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name: str) -> None:
    assert f"kb {name}" in README.read_text("utf-8")


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"], catch_exceptions=False)
    assert result.exit_code == 0
    assert __version__ in result.output
    assert "--version" in README.read_text("utf-8")


def _messages(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert all(line.startswith("kb: ") for line in lines), stderr  # no traceback
    return lines


@pytest.mark.slow
def test_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(cli, ["export", str(missing)], catch_exceptions=False)
    assert result.exit_code == 2
    assert str(missing) in _messages(result.stderr)[0]


@pytest.mark.slow
def test_unknown_extension_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "article.xyz"
    odd.write_text("Text.", encoding="utf-8")
    result = runner.invoke(cli, ["export", str(odd)], catch_exceptions=False)
    assert result.exit_code == 2
    first = _messages(result.stderr)[0]
    assert str(odd) in first and ".xyz" in first


BAD_TTL = """\
@prefix kb: <https://w3id.org/newskb/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/id/p> a kb:Actor, kb:Person ; rdfs:label "One", "Two" .
"""


def test_validate_invalid_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_TTL, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(bad)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "does not conform" in result.stderr


def test_validate_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["validate", str(tmp_path / "gone.ttl")], catch_exceptions=False
    )
    assert result.exit_code == 2


@pytest.mark.slow
def test_output_is_written_atomically(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Anna Berg, the mayor of Oslo, resigned on Monday.\n", "utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(
        cli, ["export", str(article), "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "kb:Article" in out.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.ttl"]


@pytest.mark.slow
def test_one_article_says_it_was_written_as_a_folder_does(
    runner: CliRunner, tmp_path: Path
) -> None:
    # one article printed nothing at all, a folder "kb: 5 written"
    article = _story(tmp_path)
    for args in (["-o", str(tmp_path / "out.ttl")], []):
        result = _export(runner, article, *args)
        assert _messages(result.stderr)[-1] == "kb: 1 written"


@pytest.mark.slow
def test_the_extension_of_output_names_the_format(
    runner: CliRunner, tmp_path: Path
) -> None:
    # -o out.jsonld without --format wrote Turtle into it, which JSON readers refused
    article = _story(tmp_path)
    wanted = {"out.jsonld": "json-ld", "out.json": "json-ld", "out.NQ": "nquads"}
    for name, syntax in wanted.items():
        _export(runner, article, "-o", str(tmp_path / name))
        dataset = Dataset().parse(tmp_path / name, format=syntax)
        assert len(list(dataset.quads((None, None, None, None)))) > 10, name
    # guards: a format given wins, and an extension that names none is Turtle
    _export(runner, article, "--format", "nt", "-o", str(tmp_path / "b.ttl"))
    assert (tmp_path / "b.ttl").read_text("utf-8").startswith("<")
    _export(runner, article, "-o", str(tmp_path / "b.txt"))
    assert (tmp_path / "b.txt").read_text("utf-8").startswith("@prefix")
    # -o b.rdf wrote Turtle into it, which RDF/XML readers refused: now an error
    result = runner.invoke(cli, ["export", str(article), "-o", str(tmp_path / "b.rdf")])
    assert result.exit_code == 2 and not (tmp_path / "b.rdf").exists()


def _story(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text("Maria Lopez opened a bridge in Porto on Monday.\n", "utf-8")
    return article


def _export(runner: CliRunner, article: Path, *args: str) -> Result:
    result = runner.invoke(cli, ["export", str(article), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


@pytest.mark.slow
def test_failed_export_keeps_previous_output(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("previous\n", encoding="utf-8")
    result = runner.invoke(
        cli,
        ["export", str(tmp_path / "missing.txt"), "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert out.read_text("utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


@pytest.mark.slow
def test_output_in_missing_directory_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Anna Berg resigned on Monday.\n", encoding="utf-8")
    out = tmp_path / "no" / "such" / "out.ttl"
    result = runner.invoke(
        cli, ["export", str(article), "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert str(out) in _messages(result.stderr)[-1]
    assert not (tmp_path / "no").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@pytest.mark.slow
def test_bad_input_does_not_lose_the_good_articles(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Anna Berg resigned on Monday.\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(
        cli,
        ["export", str(article), str(tmp_path / "missing.txt"), "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr
    assert "Anna Berg resigned" in out.read_text("utf-8")


@pytest.mark.slow
def test_a_plain_text_headline_is_the_headline_not_body(
    runner: CliRunner, tmp_path: Path
) -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from kb.rdf.namespaces import KB, SCHEMA

    path = tmp_path / "a.txt"
    path.write_text(
        "Governor Maria Lopez visits Tarsk\n\n"
        "Rain fell for a week over the hills, and the river in Kelbridge rose.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["export", str(path), "--format", "nt"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format="nt")
    headline = Literal("Governor Maria Lopez visits Tarsk")
    assert (None, SCHEMA.headline, headline) in graph
    body = str(next(graph.objects(None, SCHEMA.articleBody)))
    assert body.startswith("Rain fell")
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Maria Lopez" not in labels and "Tarsk" not in labels
    for mention in graph.subjects(KB.anchor, None):
        start = int(next(graph.objects(mention, KB.start)))
        end = int(next(graph.objects(mention, KB.end)))
        assert body[start:end] == str(next(graph.objects(mention, KB.anchor)))


def test_how_extraction_ran_follows_a_progress_bar(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = BatchResult(extraction=decide(None, 2, 0.2))
    echo_extraction(result, None)  # no progress bar: nothing more on stderr
    assert capsys.readouterr().err == ""
    echo_extraction(result, lambda: None)
    assert capsys.readouterr().err == (
        "kb: spaCy parses in this process: only 0.20 of a core was idle beside it "
        "(a helper needs 0.75)\n"
    )


def test_a_feed_of_many_records_gets_a_progress_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One JSONL file of eight records is eight articles, not one file."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join('{"text": "Rain fell."}\n' for _ in range(8)), "utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress((str(feed),)) as tick:
        assert tick is not None


@pytest.mark.parametrize(
    ("variable", "value", "args"),
    [
        ("KB_VALIDATE", "quick", ["export", "x.txt"]),
        ("KB_JOBS", "many", ["add", "x.txt"]),
        ("KB_STORE", __file__, ["stats"]),
    ],
)
def test_a_bad_value_from_the_environment_names_the_variable(
    runner: CliRunner, variable: str, value: str, args: list[str]
) -> None:
    result = runner.invoke(cli, args, env={variable: value}, catch_exceptions=False)
    assert result.exit_code == 2
    assert f"(from ${variable}: fix or unset it)" in result.stderr


def test_a_bad_value_on_the_command_line_names_no_variable(runner: CliRunner) -> None:
    args = ["export", "x.txt", "--validate", "quick"]
    result = runner.invoke(cli, args, env={"KB_VALIDATE": None}, catch_exceptions=False)
    assert result.exit_code == 2
    assert "'quick' is not one of 'fast', 'full'" in result.stderr
    assert "$KB_VALIDATE" not in result.stderr


def test_format_names_are_read_in_any_case(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "one.ttl"
    data.write_text("<http://example.org/a> <http://example.org/b> 1 .\n")
    args = ["query", "--data", str(data), "ASK { ?s ?p 1 }", "--format", "JSON"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert '"boolean": true' in result.stdout


def test_export_without_articles_says_how_to_read_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", "--format", "nt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "or - for standard input (kb export - < story.txt" in result.stderr
    assert "export [OPTIONS] ARTICLES..." in result.stderr


def test_a_large_batch_off_a_terminal_writes_a_progress_line_now_and_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kb.cli import options

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join('{"text": "Rain fell."}\n' for _ in range(100)), "utf-8")
    clock = iter(range(0, 10_000, 20))  # 20 s an article
    monkeypatch.setattr(options.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with progress((str(feed),)) as tick:
        assert tick is not None
        for _ in range(100):
            tick()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 33  # every 60 s: after articles 3, 6, … 99
    assert lines[0] == (
        "kb: 3 of about 100 articles (3%) in 1 min 0 s, 3 a minute; about 32 min left"
    )
    echo_extraction(BatchResult(extraction=decide(None, 2, 0.2)), tick)
    assert capsys.readouterr().err == ""  # that line follows a bar only


def test_a_small_batch_off_a_terminal_stays_quiet(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join('{"text": "Rain fell."}\n' for _ in range(99)), "utf-8")
    with progress((str(feed),)) as tick:
        assert tick is None


def test_reading_stdin_from_a_terminal_says_how_to_end_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kb.cli.options import say_if_reading_a_terminal

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    say_if_reading_a_terminal(("story.txt",))
    assert capsys.readouterr().err == ""
    say_if_reading_a_terminal(("-",))
    assert "then Ctrl-D (or give files instead of -)" in capsys.readouterr().err
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)  # a pipe: no word
    say_if_reading_a_terminal(("-",))
    assert capsys.readouterr().err == ""


def test_a_reader_that_goes_away_is_no_failure_of_the_data(tmp_path: Path) -> None:
    """``kb export … | head -1``: exit 141 (128 + SIGPIPE, as shells report it) and
    no traceback; Click exited 1, which kb uses for data that does not conform."""
    import subprocess

    article = tmp_path / "story.txt"
    article.write_text("Maria Lopez opened the new bridge in Varda on Monday.\n")
    command = [sys.executable, "-m", "kb", "export", str(article)]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert running.stdout is not None and running.stderr is not None
    running.stdout.close()  # the reader is gone before kb writes a byte
    stderr = running.stderr.read()
    assert running.wait(timeout=120) == 141
    assert stderr == b""
