"""The gender a first name tells, from a list shipped with newskb
(``first_names.tsv``: US Social Security baby-name counts, public domain, made by
tools/first_names.py); a name given to both sexes, or not in the list, tells none.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["first_name_gender", "full_name_gender"]

_TABLE = Path(__file__).with_name("first_names.tsv")


@cache
def _genders() -> dict[str, str]:
    """The list, read once and only when a name is first asked about."""
    out = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name] = gender
    return out


def first_name_gender(word: str) -> str | None:
    """ "f" or "m" for a first name mostly given to one sex, else None.

    >>> [first_name_gender(w) for w in ("Maria", "Daniel", "Taylor", "Tarsk")]
    ['f', 'm', None, None]
    """
    return _genders().get(word.lower())


def full_name_gender(names: list[str]) -> str | None:
    """What the first names of a person's full names ("Maria Lopez", not "Lopez")
    tell, when they agree.

    >>> full_name_gender(["Maria Lopez", "Lopez"]), full_name_gender(["Lopez"])
    ('f', None)
    """
    found = {first_name_gender(n.split()[0]) for n in names if len(n.split()) > 1}
    found.discard(None)
    return found.pop() if len(found) == 1 else None
