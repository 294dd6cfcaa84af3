"""A long single-paragraph article stays linear where it can: rules read a Doc's
text once per Doc (``text_of``; spaCy rebuilds ``Doc.text`` from every token on each
read) and a pronoun's lookup reads each cluster's names once; and on a terminal a
long input is announced, since no bar shows one article moving."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from kb.cli.options import progress
from kb.extract.cues import trim
from kb.extract.mentions import _in_capitals_line
from kb.extract.records import Cluster
from kb.extract.resolve import _named_with


def test_trim_keeps_the_text_it_read() -> None:
    doc = spacy.blank("en")('Kellan said that "nobody" would lose.')
    assert doc._.newskb_text is None
    start, end = trim(doc, 2, len(doc))
    assert doc._.newskb_text == doc.text
    # guard: the span is the same as before, with the quote mark it closes
    assert doc.text[start:end] == '"nobody" would lose'


def test_trim_of_nothing_at_the_end_keeps_the_text_it_read() -> None:
    doc = spacy.blank("en")("Maria Lopez spoke .")
    assert trim(doc, 3, 4) == (len(doc.text) - 1, len(doc.text) - 1)
    assert doc._.newskb_text == doc.text


def test_a_line_in_capitals_is_read_from_the_text_read_once() -> None:
    doc = spacy.blank("en")("TOMAS BRANDT IN PORTO\nTomas Brandt spoke in Porto.")
    assert _in_capitals_line(Span(doc, 0, 2, label="PERSON"))
    assert doc._.newskb_text == doc.text


class _CountedCluster(Cluster):
    """A cluster that counts how often its names are read."""

    reads = 0

    def names(self) -> list[str]:
        self.reads += 1
        return ["Maria Lopez", "Lopez"]


def test_a_cluster_name_is_read_once_per_lookup() -> None:
    # a pronoun's lookup meets the same cluster once per mention; a name repeated in
    # every sentence of a long article made the lookup cubic
    cluster, named = _CountedCluster("Person"), {}
    found = [_named_with(named, 7, cluster, "lopez") for _ in range(3)]
    assert found == [True, True, True]
    assert cluster.reads == 1
    assert not _named_with({}, 7, cluster, "kellan")  # guard


def _said_before_extraction(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    tmp_path: Path,
) -> str:
    article = tmp_path / "one.txt"
    article.write_text(text)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress((str(article),)):
        pass
    return capsys.readouterr().err


def test_a_long_article_on_a_terminal_is_announced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    said = _said_before_extraction(
        monkeypatch, capsys, "Kellan said the bridge is shut. " * 2500, tmp_path
    )
    assert "80 KB to read" in said


def test_a_short_article_is_not_announced(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:  # guard
    said = _said_before_extraction(
        monkeypatch, capsys, "Kellan said the bridge is shut.", tmp_path
    )
    assert said == ""
