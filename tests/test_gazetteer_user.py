"""User gazetteers (CSV or Turtle, names → IRIs) link places and actors to the
user's own authority files, and mint their IRIs from those identifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import InputError
from kb.extract import extract, load_pipeline
from kb.models import Article
from kb.text.gazetteer import UserEntry, gazetteer, load_user_gazetteer, user_gazetteer

DATA = Path(__file__).parent / "data" / "gazetteer"
PERSON = "https://authority.example/person/0001"
ORG = "https://authority.example/org/0042"
PLACE = "https://authority.example/place/kp"
TEXT = (
    "Maria Okafor, who chairs the Harbour Trust, said on Monday that the ferry to "
    "Kestrel Point would run again in March. Okafor said the trust had paid for it."
)


@pytest.mark.parametrize("name", ["authority.csv", "authority.ttl"])
def test_csv_and_turtle_give_the_same_entries(name: str) -> None:
    entries = {(e.name, e.iri, e.kind) for e in load_user_gazetteer(DATA / name)}
    assert ("Maria Okafor", PERSON, "person") in entries
    assert ("Harbour Trust", ORG, "organization") in entries
    assert ("Kestrel Point", PLACE, "place") in entries


def test_a_bad_row_names_the_file_and_line() -> None:
    with pytest.raises(InputError, match=r"bad-iri\.csv:3: expected 'name,IRI"):
        load_user_gazetteer(DATA / "bad-iri.csv")


def test_entries_do_not_change_the_shared_gazetteer() -> None:
    extended = gazetteer().with_entries([UserEntry("Kestrel Point", PLACE, "place")])
    assert extended.lookup("Kestrel Point") is not None
    assert gazetteer().lookup("Kestrel Point") is None


def test_links_respect_the_entry_kind() -> None:
    extended = gazetteer().with_entries([UserEntry("Ann Lee", PERSON, "person")])
    assert extended.link("ann lee", "Person") == PERSON
    assert extended.link("Ann Lee", "Organization") is None


@pytest.mark.slow
@pytest.mark.parametrize("name", ["authority.csv", "authority.ttl"])
def test_extraction_links_to_the_users_iris(name: str) -> None:
    gaz = user_gazetteer((str(DATA / name),))
    found = extract(Article(TEXT, origin="t.txt"), load_pipeline(), gaz)
    by_name = {e.name: e for e in found.entities}
    assert PERSON in by_name["Maria Okafor"].same_as
    assert by_name["Maria Okafor"].key == f"user:{PERSON}"
    assert ORG in by_name["Harbour Trust"].same_as
    assert by_name["Kestrel Point"].is_location
    assert PLACE in by_name["Kestrel Point"].same_as


@pytest.mark.slow
def test_without_a_user_gazetteer_nothing_is_linked() -> None:
    found = extract(Article(TEXT, origin="t.txt"), load_pipeline())
    for entity in found.entities:
        assert not any(
            iri.startswith("https://authority.example/") for iri in entity.same_as
        )


@pytest.mark.slow
def test_export_and_add_take_a_gazetteer(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from rdflib import Graph, URIRef

    from kb.cli import cli
    from kb.rdf.namespaces import SCHEMA

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    gaz = str(DATA / "authority.csv")
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", str(article), "--gazetteer", gaz])
    assert exported.exit_code == 0, exported.stderr
    graph = Graph().parse(data=exported.stdout, format="turtle")
    linked = set(graph.subjects(SCHEMA.sameAs, URIRef(PERSON)))
    assert len(linked) == 1
    added = runner.invoke(
        cli, ["add", str(article), "--gazetteer", gaz, "--store", str(tmp_path / "s")]
    )
    assert added.exit_code == 0, added.stderr
    missing = runner.invoke(cli, ["export", str(article), "--gazetteer", "nope.csv"])
    assert missing.exit_code == 2 and "nope.csv" in missing.stderr
