"""Golden files: ``tests/data/articles/dprk-soldiers.txt`` exported with a pinned
time, compared with ``tests/data/golden/sample.{ttl,jsonld}`` as graphs.

Extraction is still improving, so the goldens change on purpose: review the printed
difference, then rewrite them with ``pytest --update-goldens``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from tests.conftest import run_export

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = DATA / "articles" / "dprk-soldiers.txt"
GOLDEN = DATA / "golden"
VARIANTS = {"ttl": "turtle", "jsonld": "json-ld"}


def _describe(expected: Graph, actual: Graph, limit: int = 40) -> str:
    _, only_expected, only_actual = graph_diff(
        to_isomorphic(expected), to_isomorphic(actual)
    )
    lines = []
    for title, part in (
        ("only in expected", only_expected),
        ("only in actual", only_actual),
    ):
        triples = sorted(" ".join(t.n3() for t in triple) for triple in part)
        lines.append(f"{title} ({len(triples)}):")
        lines += [f"  {t} ." for t in triples[:limit]]
        if len(triples) > limit:
            lines.append(f"  … and {len(triples) - limit} more")
    return "\n".join(lines)


@pytest.mark.parametrize("fmt", sorted(VARIANTS))
def test_golden(fmt: str, update_goldens: bool) -> None:
    result = run_export([str(ARTICLE), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / f"sample.{fmt}"
    if update_goldens:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(result.text, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing; create it with --update-goldens"
    expected = Graph().parse(path, format=VARIANTS[fmt])
    actual = Graph().parse(data=result.text, format=VARIANTS[fmt])
    if not isomorphic(expected, actual):
        pytest.fail(
            f"{path.name} differs from the export (if the change is intended, "
            f"rerun with --update-goldens):\n{_describe(expected, actual)}"
        )


def test_golden_variants_are_one_graph() -> None:
    """``sample.ttl`` and ``sample.jsonld`` describe the same graph."""
    ttl = Graph().parse(GOLDEN / "sample.ttl", format="turtle")
    jsonld = Graph().parse(GOLDEN / "sample.jsonld", format="json-ld")
    assert isomorphic(ttl, jsonld), _describe(ttl, jsonld)
