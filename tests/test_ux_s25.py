"""A new user's edges (session 25): a folder kb cannot list is an error, not a silent
skip; a JSON array's articles count one by one for the progress estimate."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.errors import InputError
from kb.folders import files_under
from kb.ingest.sources import estimate_articles


def _unlistable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` fail to list, as a folder without read permission does for
    a user who is not root (tests may run as root, who reads everything)."""
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_that_cannot_be_listed_stops_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "locked").mkdir()
    _unlistable(monkeypatch, tmp_path / "locked")
    with pytest.raises(InputError, match="locked: cannot read this folder"):
        list(files_under(tmp_path, {".txt"}))


def test_validate_names_the_folder_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.nt").write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
    (tmp_path / "locked").mkdir()
    _unlistable(monkeypatch, tmp_path / "locked")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "locked: cannot read this folder (Permission denied)" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_names_the_folder_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Anna Kovalik opened a bakery in Velmora.\n")
    (tmp_path / "locked").mkdir()
    _unlistable(monkeypatch, tmp_path / "locked")
    result = CliRunner().invoke(cli, ["export", str(tmp_path), "--format", "nt"])
    assert result.exit_code == 2
    assert "locked: cannot read this folder" in result.stderr
    assert "Traceback" not in result.stderr


def _record(title: str) -> dict[str, str]:
    return {"title": title, "text": f"{title} opened in Kestrin on Monday."}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("list.json", json.dumps([_record("A"), _record("B"), _record("C")]), 3),
        ("bom.json", "\ufeff  \n" + json.dumps([_record("A"), _record("B")]), 2),
        ("one.json", json.dumps(_record("A")), 1),
        ("broken.json", "[{", 1),
        ("lines.jsonl", "\n".join(json.dumps(_record(t)) for t in "AB") + "\n\n", 2),
        ("plain.txt", "Omar Haddad spoke.", 1),
    ],
)
def test_estimate_counts_records_one_by_one(
    tmp_path: Path, name: str, content: str, expected: int
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert estimate_articles([path]) == expected


def test_a_bad_parse_ahead_setting_is_refused_before_the_model_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kb.extract

    def loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(kb.extract, "load_pipeline", loading)
    monkeypatch.setenv("KB_PARSE_AHEAD", "sometimes")
    article = tmp_path / "a.txt"
    article.write_text("Tomas Brandt opened a school in Kestrin.\n")
    result = CliRunner().invoke(cli, ["export", str(article), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert "KB_PARSE_AHEAD='sometimes'" in result.stderr


@pytest.mark.parametrize(
    ("terminal", "start"), [(True, "\r\x1b[Kkb: "), (False, "kb: ")]
)
def test_a_warning_clears_a_progress_line_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    terminal: bool,
    start: str,
) -> None:
    import logging
    import sys

    from kb.cli.main import _EchoHandler

    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    record = logging.LogRecord(
        "kb", logging.WARNING, __file__, 1, "odd bytes", None, None
    )
    _EchoHandler().emit(record)
    assert capsys.readouterr().err == start + "odd bytes\n"
