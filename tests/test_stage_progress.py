"""A long article on a terminal gets a line on stderr that follows it through the
pipeline's stages; off a terminal, or with --quiet, nothing; the extraction is the
same either way. Invented text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.cli import options as cli_options
from kb.extract.stages import reporting_stages
from kb.models import Article

pytestmark = pytest.mark.slow

TEXT = (
    "Anna Kovalik, the mayor of Porto, said on Tuesday that the council would "
    "spend two million euros on the bridge.\n\n"
    "Dario Fenn said the work would start in May."
)


def test_stages_are_heard_in_order_and_change_nothing() -> None:
    extract = pytest.importorskip("kb.extract")
    nlp = extract.load_pipeline()
    articles = [Article(text=TEXT, origin="a"), Article(text=TEXT[:120], origin="b")]
    plain = list(extract.extract_many(articles, nlp))
    heard: list[tuple[str, int]] = []
    with reporting_stages(lambda stage, chars: heard.append((stage, chars))):
        staged = list(extract.extract_many(articles, nlp))
    assert staged == plain
    one = [*nlp.pipe_names, ""]
    assert heard == [(s, len(TEXT)) for s in one] + [(s, 120) for s in one]


@pytest.fixture
def long_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An article that counts as long, with stderr taken for a terminal."""
    monkeypatch.setattr(cli_options, "LONG_INPUT_BYTES", 100)
    monkeypatch.setattr(cli_options, "stderr_is_terminal", lambda: True)
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["export", "add"])
def test_a_long_article_on_a_terminal_shows_its_stages(
    long_on_a_terminal: Path, tmp_path: Path, command: str
) -> None:
    where = ["-o", str(tmp_path / "out.ttl")] if command == "export" else []
    if command == "add":
        where = ["--store", str(tmp_path / "kb-store")]
    result = CliRunner().invoke(cli, [command, str(long_on_a_terminal), *where])
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert "characters: parsing sentences…" in err
    assert "characters: claims…" in err
    assert "kb: extracted in " in err
    quiet = CliRunner().invoke(cli, [command, str(long_on_a_terminal), *where, "-q"])
    assert quiet.exit_code == 0
    assert "characters:" not in quiet.stderr and "to read" not in quiet.stderr


def test_off_a_terminal_no_stages_are_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Guard: a log file gets no lines rewritten in place."""
    monkeypatch.setattr(cli_options, "LONG_INPUT_BYTES", 100)
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path / "o")])
    assert "characters:" not in result.stderr
