"""A ``kb add`` (or ``kb remove``) that fails leaves no store where there was none,
and leaves an existing store as it was: an empty folder would otherwise pass for a
knowledge base that holds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import RDFS, Graph, Literal, URIRef

from kb.cli import cli
from kb.store.embedded import GENERATION_FILE, Store
from kb.store.writing import writing

ARTICLE = "https://w3id.org/newskb/id/article/t-invented"


def kb(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _quads(path: Path) -> set[str]:
    with Store(path, read_only=True) as opened:
        return {str(q) for q in opened._ox}


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A store holding one small hand-made article graph."""
    path = tmp_path / "kb-store"
    graph = Graph().add(
        (URIRef(ARTICLE), RDFS.label, Literal("Kellan opens a bakery in Porto"))
    )
    with Store(path) as opened:
        opened.add(ARTICLE, graph)
    return path


@pytest.mark.parametrize(
    "inputs",
    [["missing.txt"], ["notes.xyz"], ["empty-folder"]],
    ids=["missing-file", "unread-extension", "folder-without-articles"],
)
def test_a_failed_add_makes_no_store(tmp_path: Path, inputs: list[str]) -> None:
    (tmp_path / "notes.xyz").write_text("Varda sells boats.", "utf-8")
    (tmp_path / "empty-folder").mkdir()
    store = tmp_path / "kb-store"
    result = kb("add", *(str(tmp_path / i) for i in inputs), "--store", str(store))
    assert result.exit_code == 2
    assert not store.exists()
    assert "no store was made" in result.stderr


def test_a_failed_add_into_an_empty_folder_leaves_it_empty(tmp_path: Path) -> None:
    store = tmp_path / "kb-store"
    store.mkdir()
    result = kb("add", str(tmp_path / "missing.txt"), "--store", str(store))
    assert result.exit_code == 2
    assert store.is_dir() and not list(store.iterdir())


def test_a_failed_add_leaves_an_existing_store_unchanged(
    tmp_path: Path, existing: Path
) -> None:
    quads = _quads(existing)
    generation = (existing / GENERATION_FILE).read_text("ascii")
    result = kb("add", str(tmp_path / "missing.txt"), "--store", str(existing))
    assert result.exit_code == 2
    assert _quads(existing) == quads
    # no write was even prepared: readers (kb serve) have nothing to reopen
    assert (existing / GENERATION_FILE).read_text("ascii") == generation


def test_removing_from_no_store_makes_none(tmp_path: Path) -> None:
    store = tmp_path / "kb-store"
    result = kb("remove", ARTICLE, "--store", str(store))
    assert result.exit_code == 2
    assert not store.exists()
    assert "kb-store: no knowledge base here" in result.stderr


def test_a_folder_of_other_files_is_no_store_to_make(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Varda sells boats in Porto.", "utf-8")
    result = kb("add", str(tmp_path / "notes.txt"), "--store", str(tmp_path))
    assert result.exit_code == 2
    assert "a folder of other files, not a knowledge base" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_store_under_a_missing_folder_says_so(tmp_path: Path) -> None:
    store = tmp_path / "no" / "such" / "kb-store"
    result = kb("add", str(tmp_path / "missing.txt"), "--store", str(store))
    assert result.exit_code == 2
    assert f"there is no folder {store.parent}); create it first" in result.stderr
    assert not (tmp_path / "no").exists()


def test_loading_no_shards_makes_no_store(tmp_path: Path) -> None:
    store = tmp_path / "kb-store"
    result = CliRunner().invoke(
        cli, ["add", "--from-shards", str(tmp_path), "--store", str(store)]
    )
    assert result.exit_code == 2
    assert "no part-" in result.stderr
    assert not store.exists()


def test_writing_removes_a_new_store_after_an_error(tmp_path: Path) -> None:
    store = tmp_path / "kb-store"
    with pytest.raises(RuntimeError), writing(store):
        raise RuntimeError("stopped before the first write")
    assert not store.exists()


def test_writing_keeps_a_new_store_that_holds_an_article(tmp_path: Path) -> None:
    """Guard: a store that received an article stays, even if an error follows."""
    store = tmp_path / "kb-store"
    graph = Graph().add((URIRef(ARTICLE), RDFS.label, Literal("Varda")))
    with pytest.raises(RuntimeError), writing(store) as opened:
        opened.add(ARTICLE, graph)
        raise RuntimeError("a later batch failed")
    assert _quads(store)
