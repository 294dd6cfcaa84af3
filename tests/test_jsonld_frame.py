"""``kb export --format jsonld --frame article``: one nested object per article that
plain ``json.load`` readers can use, and (read as JSON-LD by pyld) triples of the
exported graph only, with everything said about articles, claims and events."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld
from rdflib import Graph
from rdflib.namespace import RDF

from kb.errors import UsageError
from kb.rdf.namespaces import KB
from kb.rdf.writers import GraphWriter
from tests.conftest import ROOT, Exported

pytestmark = pytest.mark.slow  # the export needs the trained spaCy model


def claims(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        node
        for article in doc["@graph"]
        for node in article.get("mentions", [])
        if "Claim" in node["type"]
    ]


def test_plain_json_gives_claims_with_claimant_names_and_booleans(framed: str) -> None:
    doc = json.loads(framed)
    assert all("Article" in article["type"] for article in doc["@graph"])
    found = claims(doc)
    assert found
    for claim in found:
        assert isinstance(claim["claimant"]["label"], str)
        assert isinstance(claim["statement"], str)
        assert isinstance(claim["directQuote"], bool)


def test_the_readmes_reader_prints_every_articles_headline(
    framed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's one-line plain-JSON reader of the framed export, on the
    examples, one of which has no headline (it printed a KeyError)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    found = re.search(r'^\s*python -c "(.*articles\.json.*)"$', readme, re.M)
    assert found, "the README's reader of articles.json"
    path = tmp_path / "articles.json"
    path.write_text(framed, "utf-8")
    exec(found[1].replace("'articles.json'", repr(str(path))), {})
    printed = capsys.readouterr().out.splitlines()
    articles = json.loads(framed)["@graph"]
    assert printed == [a.get("headline", a["id"]) for a in articles]
    assert any("headline" not in a for a in articles) and len(printed) == 5


def framed_graph(text: str) -> Graph:
    nquads = jsonld.to_rdf(json.loads(text), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nquads")


def test_framed_output_is_part_of_the_same_graph(
    framed: str, export_examples: Callable[[str], Exported]
) -> None:
    ours = Graph().parse(data=export_examples("nt").text, format="nt")
    theirs = framed_graph(framed)
    assert theirs and set(theirs) <= set(ours)
    kept = {KB.Article, KB.Claim, KB.Event, KB.Actor, KB.Location, KB.Quantity}
    for subject in {s for t in kept for s in ours.subjects(RDF.type, t)}:
        # whatever an article mentions is described in full (shared actors too)
        if (None, KB.mentions, subject) in ours or (
            subject,
            RDF.type,
            KB.Article,
        ) in ours:
            assert set(ours.triples((subject, None, None))) <= set(theirs), subject


def test_frame_needs_jsonld() -> None:
    with pytest.raises(UsageError, match="^--frame article works with --format jsonld"):
        GraphWriter("ttl", frame="article")


def test_an_unknown_frame_is_named() -> None:
    with pytest.raises(
        UsageError, match="unknown --frame 'page'; choose one of article"
    ):
        GraphWriter("jsonld", frame="page")


def test_the_shipped_frame_works_on_its_own() -> None:
    # as a reader uses it, with pyld and nothing fetched: it holds our context
    from kb.rdf.resources import FRAMES, jsonld_context, resource_dir

    path = resource_dir("ontology").joinpath(FRAMES["article"])
    frame = json.loads(path.read_text("utf-8"))
    assert frame["@context"] == jsonld_context()["@context"]
    article = "https://w3id.org/newskb/id/article/t-1"
    claim = "https://w3id.org/newskb/id/article/t-1/claim/0-9"
    varda = "https://w3id.org/newskb/id/person/varda-orlen"
    ntriples = "\n".join(
        [
            f"<{article}> <{RDF.type}> <{KB.Article}> .",
            f"<{article}> <{KB.mentions}> <{claim}> .",
            f"<{claim}> <{RDF.type}> <{KB.Claim}> .",
            f"<{claim}> <{KB.claimant}> <{varda}> .",
            f'<{varda}> <http://www.w3.org/2000/01/rdf-schema#label> "Varda Orlen" .',
        ]
    )

    def offline(url: str, options: object = None) -> None:
        raise AssertionError(f"fetched {url}")

    document = jsonld.from_rdf(ntriples, {"format": "application/n-quads"})
    framed = jsonld.frame(document, frame, {"documentLoader": offline})
    (found,) = framed["@graph"] if "@graph" in framed else [framed]
    assert found["mentions"]["claimant"]["label"] == "Varda Orlen"
