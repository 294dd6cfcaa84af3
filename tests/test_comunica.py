"""Comunica, a SPARQL and link-traversal client nobody here wrote, reads ``kb serve``:
it asks /sparql as a SPARQL 1.1 endpoint, and it dereferences an instance IRI and
queries the Turtle it gets. Installed from npm by ``make test`` (tests/consumers)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_serve import LABELS, Server, server, store_and_base  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.external]

CLI = Path(__file__).parent / "consumers" / "node_modules" / ".bin" / "comunica-sparql"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _comunica(source: str, query: str) -> list[dict[str, str]]:
    if shutil.which("node") is None or not CLI.exists():
        pytest.skip("Comunica is not installed in tests/consumers; run `make test`")
    proc = subprocess.run(
        [str(CLI), source, query, "-t", "application/sparql-results+json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    bindings = json.loads(proc.stdout)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def _ours(served: Server, query: str) -> list[dict[str, str]]:
    rows = served.sparql(query, "application/sparql-results+json").json()
    return [
        {k: v["value"] for k, v in row.items()} for row in rows["results"]["bindings"]
    ]


def test_comunica_asks_the_sparql_endpoint(server: Server) -> None:  # noqa: F811
    query = LABELS.replace("kb:Person", "<https://w3id.org/newskb/ontology#Person>")
    query = query.replace("rdfs:label", RDFS_LABEL)
    theirs = _comunica(f"sparql@{server.url}/sparql", query)
    assert theirs and theirs == _ours(server, query)


def test_comunica_follows_an_instance_iri(server: Server) -> None:  # noqa: F811
    person = _ours(
        server,
        "SELECT ?p WHERE { ?p a <https://w3id.org/newskb/ontology#Person> } "
        "ORDER BY ?p LIMIT 1",
    )[0]["p"]
    assert person.startswith(server.url)  # served where it points
    rows = _comunica(
        person, f"SELECT ?label WHERE {{ <{person}> {RDFS_LABEL} ?label }}"
    )
    assert [r["label"] for r in rows] == [
        r["label"]
        for r in _ours(
            server, f"SELECT ?label WHERE {{ <{person}> {RDFS_LABEL} ?label }}"
        )
    ]
