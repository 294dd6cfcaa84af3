"""Rough edges of the store, the readers and the CLI found in review and by a new
user: an empty write marks no write, a store that is missing is said before a
query's own mistakes, figures in words ("twenty four hours", "one hundred twenty",
"two and a half million"), and a line that moves for a few long articles wherever
they are extracted. Invented text."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import RDFS, Graph, Literal, URIRef

from kb.cli import cli
from kb.cli import options as cli_options
from kb.store.embedded import GENERATION_FILE, Store
from kb.store.shards import load_shards
from kb.text.dates import DateValue, apart_by
from kb.text.quantities import find_figures

ARTICLE = "https://w3id.org/newskb/id/article/t-ux24"


def kb(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A store holding one small hand-made article graph."""
    path = tmp_path / "kb-store"
    graph = Graph().add((URIRef(ARTICLE), RDFS.label, Literal("Varda sells boats")))
    with Store(path) as opened:
        opened.add(ARTICLE, graph)
    return path


def _generation(store: Path) -> str:
    return (store / GENERATION_FILE).read_text("ascii")


# --- an empty batch is no write ------------------------------------------------


@pytest.mark.parametrize("method", ["add_many", "add_bulk"])
def test_an_empty_batch_marks_no_write(existing: Path, method: str) -> None:
    before = _generation(existing)
    with Store(existing) as opened:
        written = getattr(opened, method)([])
    assert (written.triples, written.unchanged) == (0, 0)
    # readers (kb serve's workers) have nothing to reopen
    assert _generation(existing) == before


def test_a_shard_without_graphs_marks_no_write(existing: Path, tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    shards.mkdir()
    (shards / "part-00000.nq.gz").write_bytes(gzip.compress(b""))
    before = _generation(existing)
    with Store(existing) as opened:
        loaded = load_shards(opened, shards)
    assert (loaded.shards, loaded.articles, loaded.triples) == (1, 0, 0)
    assert _generation(existing) == before


# --- a page's declared encoding is one small value -----------------------------


@pytest.mark.parametrize(
    ("page", "declared"),
    [
        (b'<meta charset="iso-8859-2"><p>x</p>', ("iso-8859-2", "<meta charset>")),
        (
            b'<?xml version="1.0" encoding="koi8-r"?><html/>',
            ("koi8-r", "<?xml encoding>"),
        ),
        (b"<p>nothing declared</p>", None),
    ],
)
def test_the_declaration_names_its_label_and_place(
    page: bytes, declared: tuple[str, str] | None
) -> None:
    # imported here: on a checkout without them, the other tests of the file run
    from kb.ingest.html_charset import Declared, declaration

    assert declaration(page) == (Declared(*declared) if declared else None)


# --- spans of time in words ----------------------------------------------------

DAY = DateValue("2025-06-02", "day")


@pytest.mark.parametrize(
    ("span", "later", "expected"),
    [
        ("twenty four hours", True, "2025-06-03"),
        ("Thirty  six hours", True, "2025-06-03"),
        ("about twenty one days", False, "2025-05-12"),
        ("a dozen years", True, "2037"),
    ],
)
def test_a_span_in_words_may_hold_a_space(
    span: str, later: bool, expected: str
) -> None:
    found = apart_by(DAY, span, later=later)
    assert found is not None and found.value == expected


@pytest.mark.parametrize("span", ["one hundred twenty days", "two and a half years"])
def test_spans_of_a_hundred_or_a_fraction_stay_unread(span: str) -> None:
    """Guard: digits stop at 99 too, and a fraction has no whole count of days."""
    assert apart_by(DAY, span, later=True) is None


# --- figures in words, read whole ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fund raised two and a half million dollars.", 2_500_000.0),
        ("One hundred twenty people came to the hall.", 120.0),
        ("The crew stayed three hundred and five days.", 305.0),
        ("Building the quay took 4 and a half years.", 4.5),
        ("Some one hundred twenty thousand homes lost power.", 120_000.0),
    ],
)
def test_a_figure_in_words_is_read_whole(text: str, value: float) -> None:
    (figure,) = find_figures(text)
    assert figure.value == value


def test_hundreds_of_two_figures_stay_two() -> None:
    """Guard: the second figure's hundreds are its own."""
    (figure,) = find_figures("between one hundred and two hundred boats")
    assert (figure.minimum, figure.maximum) == (100.0, 200.0)


# --- the store is the first thing to be wrong about ------------------------------


@pytest.mark.parametrize(
    "query",
    [["--named", "claims-by"], ["--named", "no-such-query"], ["--param", "a=b"]],
    ids=["missing-parameter", "unknown-query", "parameter-without-named"],
)
def test_a_missing_store_is_said_before_the_query(
    tmp_path: Path, query: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    result = kb("query", "--store", str(missing), *query)
    assert result.exit_code == 2
    assert f"{missing}: no knowledge base here" in result.stderr
    assert not missing.exists()


# --- a line that moves, wherever the articles are extracted ---------------------


def test_the_live_line_moves_while_nothing_is_heard(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No stage is heard from a worker process: the clock and the count move."""
    monkeypatch.setattr(cli_options, "LIVE_EVERY", 0.01)
    with cli_options.LiveLine() as line:
        time.sleep(0.1)
        line()
        time.sleep(0.1)
    err = capsys.readouterr().err
    assert "kb: extracting… (0 s)" in err
    assert "kb: extracting… (1 article done, 0 s)" in err
    # the summary that follows starts clean (click drops the erase off a terminal)
    assert err.endswith("\r")


def test_the_live_line_follows_a_long_article_heard_here(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_options, "LONG_INPUT_BYTES", 100)
    with cli_options.LiveLine() as line:
        line.stage("parser", 2500)
        line.stage("parser", 50)  # a short article beside it: not followed
        line.stage("", 2500)
    err = capsys.readouterr().err
    assert "kb: 2K characters: parsing sentences… (0 s)" in err
    assert "kb: extracted in 0 s\n" in err


@pytest.mark.slow
@pytest.mark.parametrize(
    "how", [["--jobs", "2"], ["--jobs", "1", "--parse-ahead"]], ids=["jobs", "helper"]
)
def test_a_long_article_extracted_elsewhere_shows_a_moving_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: list[str]
) -> None:
    """Worker processes and the parse-ahead helper report no stage to this
    process: the line moves all the same (it was silent)."""
    pytest.importorskip("kb.extract")
    monkeypatch.setattr(cli_options, "LONG_INPUT_BYTES", 100)
    monkeypatch.setattr(cli_options, "LIVE_EVERY", 0.05)
    monkeypatch.setattr(cli_options, "stderr_is_terminal", lambda: True)
    story = tmp_path / "story.txt"
    story.write_text(
        "Anna Kovalik said on Tuesday that the council of Velmora would spend two "
        "million euros on the harbour wall.\n\nDario Fenn said work would start soon.",
        encoding="utf-8",
    )
    out = tmp_path / "out.ttl"
    result = kb("export", str(story), *how, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "kb: extracting… (" in result.stderr
    assert "kb: 1 written" in result.stderr
    quiet = kb("export", str(story), *how, "-q", "-o", str(out))
    assert "extracting…" not in quiet.stderr


# --- an output that cannot be written is refused before the extraction ----------


@pytest.mark.parametrize("fmt", ["ttl", "html"])
def test_an_output_in_a_missing_folder_is_refused_before_extracting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    import kb.jobs.export as export_job
    import kb.report as report

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("extracted before the output was checked")

    monkeypatch.setattr(export_job, "build_graphs", no_extraction)
    monkeypatch.setattr(report, "build_graphs", no_extraction)
    story = tmp_path / "story.txt"
    story.write_text("Varda sells boats in Kestrin.", encoding="utf-8")
    out = tmp_path / "no" / "such" / f"out.{fmt}"
    result = kb("export", str(story), "-o", str(out))
    assert result.exit_code == 2
    assert f"there is no folder {out.parent}); create it first" in result.stderr
    assert not (tmp_path / "no").exists()


def test_a_bad_fixed_time_in_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KB_FIXED_TIME", "last tuesday")
    story = tmp_path / "story.txt"
    story.write_text("Varda sells boats in Kestrin.", encoding="utf-8")
    result = kb("export", str(story))
    assert result.exit_code == 2
    assert (
        "$KB_FIXED_TIME: 'last tuesday' is not an ISO 8601 date-time" in result.stderr
    )
    assert "fix or unset it" in result.stderr
