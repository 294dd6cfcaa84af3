"""``kb validate`` and ``kb query --data`` take a folder as ``kb export`` does: its
RDF files and those below it, in sorted order, hidden entries left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kb.cli import cli
from kb.errors import InputError
from kb.rdf.rdf_files import rdf_paths

EXAMPLES = Path(__file__).parent / "data" / "shapes"
VALID = EXAMPLES / "ClaimShape-valid.ttl"
INVALID = EXAMPLES / "MentionShape-invalid-anchor-mismatch.ttl"


def kb(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two RDF files (one a level down), a hidden one and a JSON article."""
    (tmp_path / "day" / "later").mkdir(parents=True)
    shutil.copy(VALID, tmp_path / "day" / "b.ttl")
    shutil.copy(VALID, tmp_path / "day" / "later" / "a.ttl")
    shutil.copy(INVALID, tmp_path / "day" / ".draft.ttl")
    (tmp_path / "day" / "article.json").write_text('{"text": "Varda"}', "utf-8")
    return tmp_path / "day"


def test_validate_reads_a_folder(folder: Path) -> None:
    result = kb("validate", str(folder))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{folder / 'b.ttl'}: conforms",
        f"{folder / 'later' / 'a.ttl'}: conforms",
    ]


def test_a_folder_with_a_file_that_does_not_conform_exits_1(folder: Path) -> None:
    shutil.copy(INVALID, folder / "c.ttl")
    result = kb("validate", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'c.ttl'}: does not conform" in result.stderr


def test_a_folder_without_rdf_is_an_error_and_the_rest_is_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty").mkdir()
    result = kb("validate", str(tmp_path / "empty"), str(VALID))
    assert result.exit_code == 2
    assert "empty: no RDF files in this folder or below" in result.stderr
    assert f"{VALID}: conforms" in result.stdout


def test_query_data_reads_a_folder(folder: Path) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    by_folder = kb("query", query, "--data", str(folder), "--format", "csv")
    files = [str(folder / "b.ttl"), str(folder / "later" / "a.ttl")]
    by_files = kb("query", query, *(f"--data={f}" for f in files), "--format", "csv")
    assert by_folder.exit_code == 0, by_folder.output
    assert by_folder.stdout == by_files.stdout


def test_rdf_paths_keep_a_named_json_file(tmp_path: Path) -> None:
    """Guard: a file named one by one is read whatever its extension."""
    named = tmp_path / "graph.json"
    assert list(rdf_paths([named])) == [named]


def test_rdf_paths_refuse_a_folder_without_rdf(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no RDF files"):
        list(rdf_paths([tmp_path]))
