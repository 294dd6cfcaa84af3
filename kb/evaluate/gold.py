"""Read the project's own gold format: a folder with ``articles/`` and ``gold/``,
one ``gold/<stem>.gold.json`` per article (see eval/dev/GOLD-GUIDE.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from kb.errors import InputError

__all__ = ["GoldArticle", "is_gold_set", "read_gold_set"]

KINDS = ("actors", "locations", "claims", "events")

#: the keys each gold item needs, each a list of strings (GOLD-GUIDE.md); the
#: scorer reads them without a check, so a slip ("name") was a KeyError, and a
#: string where a list belongs was matched letter by letter
_NEEDED = {
    "actors": ("names",),
    "locations": ("names",),
    "claims": ("claimant", "keywords"),
    "events": ("triggers",),
}


@dataclass(frozen=True)
class GoldArticle:
    """One article and what a careful reader expects the knowledge base to hold."""

    path: Path
    gold: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.gold["article"])

    def items(self, kind: str) -> list[dict[str, Any]]:
        return list(self.gold.get(kind, []))

    def required(self, kind: str) -> int:
        return sum(1 for x in self.items(kind) if x.get("required", True))


def is_gold_set(folder: Path) -> bool:
    """Whether ``folder`` holds gold files in the project's format."""
    return any((folder / "gold").glob("*.gold.json"))


def _read_one(gold_path: Path, folder: Path) -> GoldArticle:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{gold_path}: not readable JSON ({exc}); fix or remove it")
    if not isinstance(gold, dict) or not isinstance(gold.get("article"), str):
        raise InputError(
            f'{gold_path}: no "article" file name; see GOLD-GUIDE.md for the format'
        )
    for kind in KINDS:
        gold.setdefault(kind, [])
    _check_items(gold, gold_path)
    article = folder / "articles" / gold["article"]
    if not article.is_file():
        raise InputError(
            f"{gold_path}: its article {article} is missing; put it in "
            f'{folder / "articles"} or fix the gold file\'s "article"'
        )
    return GoldArticle(article, gold)


def _check_items(gold: dict[str, Any], gold_path: Path) -> None:
    """Refuse a gold item the scorer cannot read, naming the file, item and key.

    :raises InputError: for a kind that is not a list, or an item without one of
        its needed keys as a list of strings.
    """
    for kind, keys in _NEEDED.items():
        items = gold[kind]
        if not isinstance(items, list):
            raise InputError(
                f'{gold_path}: "{kind}" must be a list of objects, not '
                f"{type(items).__name__}; see GOLD-GUIDE.md for the format"
            )
        for index, item in enumerate(items):
            where = f"{gold_path}: {kind}[{index}]"
            if not isinstance(item, dict):
                raise InputError(f"{where} must be an object; see GOLD-GUIDE.md")
            for key in keys:
                _check_strings(item, key, where)


def _check_strings(item: dict[str, Any], key: str, where: str) -> None:
    value = item.get(key)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return
    if key not in item:
        near = get_close_matches(key, [str(k) for k in item], n=1)
        problem = f'has no "{key}"' + (f' (it has "{near[0]}")' if near else "")
    else:
        problem = f'"{key}" is {type(value).__name__}, not a list of strings'
    raise InputError(
        f'{where} {problem}; write it as "{key}": ["…"] (see GOLD-GUIDE.md)'
    )


def read_gold_set(folder: Path) -> list[GoldArticle]:
    """The gold articles of ``folder``, sorted by gold file name.

    :raises InputError: when the folder has no gold files, or one is unreadable or
        names an article that is not there.
    """
    golds = sorted((folder / "gold").glob("*.gold.json"))
    if not golds:
        raise InputError(
            f"{folder}: no gold/*.gold.json files; give a folder holding articles/ "
            "and gold/ (such as eval/dev), or brat .ann files beside their .txt"
        )
    return [_read_one(p, folder) for p in golds]
