"""Rough edges a new user met: a page with hardly any text is read with a warning, a
stray byte costs a character and not the article, ``kb validate`` goes on past a
missing file and names a literal that is not of its datatype, and ``kb evaluate``
says "n/a" where the gold requires nothing and nothing was found. Invented text."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kb.cli import cli
from kb.ingest.sources import read_file

STORY = "Anna Kovalik said on Monday that the café in Velmora would close. " * 40


def kb(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{body}</article></body></html>", "utf-8")
    return path


def test_a_page_of_a_few_words_is_read_with_a_warning(tmp_path, caplog):
    page = _page(tmp_path, "<p>You need to enable JavaScript to run this app.</p>")
    with caplog.at_level(logging.WARNING, logger="kb"):
        [article] = read_file(page)
    assert article.text.startswith("You need to enable JavaScript")
    assert "only 9 words of article text" in caplog.text


def test_a_short_story_is_no_thin_page(tmp_path, caplog):
    # guard: two sentences of news are an article, however short
    page = _page(
        tmp_path,
        "<p>Tomas Brandt, the mayor of Velmora, resigned on Friday after a vote.</p>"
        "<p>The council will choose a successor in March, a spokesman said.</p>",
    )
    with caplog.at_level(logging.WARNING, logger="kb"):
        read_file(page)
    assert "words of article text" not in caplog.text


def test_one_stray_byte_costs_one_character(tmp_path, caplog):
    data = STORY.encode("cp1252")
    path = tmp_path / "story.txt"
    path.write_bytes(data[:1000] + b"\x81" + data[1000:])
    with caplog.at_level(logging.WARNING, logger="kb"):
        [article] = read_file(path)
    assert article.text.count("\ufffd") == 1
    assert "café" in article.text
    assert "1 byte of no character replaced" in caplog.text


def test_many_stray_bytes_are_still_refused(tmp_path):
    # guard: a file that is mostly bytes of no character is no text
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"Velmora \x81\x8d\x8f\x90\x9d " * 20)
    [outcome] = list(_items(path))
    assert "neither UTF-8 nor Windows-1252" in str(outcome)


def _items(path: Path):
    from kb.ingest.sources import iter_articles

    return iter_articles([path])


def test_validate_checks_the_others_past_a_missing_file(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(
        "@prefix kb: <https://w3id.org/newskb/ontology#> .\n"
        "<urn:x:a> a <urn:x:Thing> .\n",
        "utf-8",
    )
    result = kb("validate", str(tmp_path / "nosuch.ttl"), str(good))
    assert result.exit_code == 2
    assert "nosuch.ttl: no such file" in result.output
    assert f"{good}: conforms" in result.output


def test_an_ill_typed_literal_is_named():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    from kb.rdf.namespaces import KB
    from kb.rdf.validate import ill_typed_literals

    graph = Graph()
    graph.bind("kb", str(KB._NS))
    mention = URIRef("urn:x:mention")
    graph.add((mention, KB.start, Literal("abc", datatype=XSD.integer)))
    graph.add((mention, KB.end, Literal("12", datatype=XSD.integer)))
    assert ill_typed_literals(graph) == [
        '<urn:x:mention> kb:start "abc" is not a valid xsd:integer'
    ]


def test_evaluate_says_n_a_where_nothing_is_required_or_found(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    text = "Tomas Brandt won the Velmora marathon on Sunday, finishing in record time."
    (tmp_path / "articles" / "race.txt").write_text(f"Race\n\n{text}\n", "utf-8")
    gold = {
        "article": "race.txt",
        "published": None,
        "actors": [{"names": ["Tomas Brandt"], "type": "Person", "required": True}],
        "locations": [{"names": ["Velmora"], "required": True}],
        "claims": [],
        "events": [{"triggers": ["won"], "required": True}],
        "dates": [],
        "numbers": [],
    }
    (tmp_path / "gold" / "race.gold.json").write_text(json.dumps(gold), "utf-8")
    result = kb("evaluate", str(tmp_path), "-v")
    assert result.exit_code == 0, result.output
    assert "claims: n/a (the gold requires none and none were found)" in result.output
    assert "claims: F1 0.0" not in result.output


def test_evaluate_names_an_empty_gold_folder(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    result = kb("evaluate", str(tmp_path))
    assert result.exit_code == 2
    assert "gold/ holds no .gold.json file" in result.output


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-45"])
def test_an_impossible_front_matter_date_fails_that_file_only(tmp_path, date):
    (tmp_path / "bad.md").write_text(
        f"---\ndate: {date}\n---\n\nTomas Brandt resigned on Friday.\n", "utf-8"
    )
    (tmp_path / "good.txt").write_text(
        "Resignation\n\nDario Fenn resigned on Friday, the club said.\n", "utf-8"
    )
    result = kb("export", str(tmp_path), "--format", "nt", "-o", str(tmp_path / "o.nt"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "1 written, 1 failed" in result.output
