"""The built-in gazetteer read back from the cache on disk is the one built from the
data packages; a damaged, stale or unwritable cache never stops a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.text import gazetteer_cache
from kb.text.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    return Gazetteer()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _files(cache: Path) -> list[Path]:
    return sorted(cache.glob("gazetteer-*.json"))


def test_the_cached_index_is_the_built_one(built: Gazetteer, cache: Path) -> None:
    first = gazetteer_cache.cached_gazetteer()  # builds and saves
    assert len(_files(cache)) == 1
    again = gazetteer_cache.cached_gazetteer()  # reads the file
    assert first._index == built._index
    assert again._index == built._index
    assert again.lookup("Oslo") == built.lookup("Oslo")


def test_a_damaged_file_is_built_anew_and_replaced(cache: Path) -> None:
    gazetteer_cache.cached_gazetteer()
    (path,) = _files(cache)
    path.write_text('{"format": 1, "places": [["x"]], "index"', "utf-8")
    assert gazetteer_cache.cached_gazetteer().lookup("Oslo") is not None
    assert json.loads(path.read_text("utf-8"))["format"] == 1


def test_another_data_version_uses_another_file(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer_cache.cached_gazetteer()
    monkeypatch.setattr(gazetteer_cache, "version", lambda package: "0.0-other")
    gazetteer_cache.cached_gazetteer()
    assert len(_files(cache)) == 2


def test_an_unwritable_cache_directory_still_gives_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", "utf-8")
    monkeypatch.setenv("KB_CACHE_DIR", str(blocker / "cache"))
    assert gazetteer_cache.cached_gazetteer().lookup("Oslo") is not None
    assert not list(tmp_path.glob("**/*.part"))


def test_the_cache_directory_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("KB_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer_cache.cache_dir() == tmp_path / "newskb"


def test_the_countries_are_read_from_their_own_file(
    built: Gazetteer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = gazetteer_cache.cached_countries()  # found in the gazetteer, saved
    assert len(list(cache.glob("countries-*.json"))) == 1

    def no_gazetteer() -> Gazetteer:
        raise AssertionError("the whole gazetteer was read")

    monkeypatch.setattr(gazetteer_cache, "cached_gazetteer", no_gazetteer)
    monkeypatch.setattr(gazetteer_cache.built_in, "gazetteer", no_gazetteer)
    again = gazetteer_cache.cached_countries()
    assert first == again == gazetteer_cache.countries(built)


def test_the_countries_are_the_gazetteers(built: Gazetteer) -> None:
    found = gazetteer_cache.countries(built)
    for name, place in built._index.items():
        assert found.names.get(name) == (place.key if place.kind == "country" else None)
    inside = {(country, key) for country, keys in found.places.items() for key in keys}
    assert inside == {(p.country, p.key) for p in built.places() if p.country}
    norway, oslo = built.lookup("Norway"), built.lookup("Oslo")
    assert norway is not None and oslo is not None
    assert oslo.key in found.places[norway.key]


def test_a_damaged_countries_file_is_found_anew(built: Gazetteer, cache: Path) -> None:
    gazetteer_cache.cached_countries()
    (path,) = cache.glob("countries-*.json")
    path.write_text('{"format": 1, "names": ["x"], "places": {}}', "utf-8")
    assert gazetteer_cache.cached_countries() == gazetteer_cache.countries(built)
    path.write_text('{"format": 1, "names"', "utf-8")
    assert gazetteer_cache.cached_countries() == gazetteer_cache.countries(built)
