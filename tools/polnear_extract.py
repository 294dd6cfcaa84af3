"""Copy PolNeAR's train and dev splits out of a git mirror into a directory that
``kb evaluate --polnear DIR`` reads; the test split is never copied.

Usage (the mirror is a bare git directory; OUT must lie outside the repository):
    .venv/bin/python tools/polnear_extract.py GIT_DIR OUT [--with-corenlp]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

SPLITS = ("train", "dev")  # never "test": it is kept for reporting quality


def members(split: str, corenlp: bool) -> list[str]:
    """The corpus folders of one split to copy."""
    kinds = ["text", "attributions"] + (["corenlp"] if corenlp else [])
    return [f"data/{split}/{kind}" for kind in kinds]


def listing(git_dir: Path, paths: list[str]) -> list[tuple[str, str]]:
    """(object id, path) of every file under ``paths`` at the mirror's HEAD."""
    out = _git(git_dir, ["ls-tree", "-r", "HEAD", *paths], b"").decode()
    rows = [line.split("\t", 1) for line in out.splitlines()]
    return [(meta.split()[2], path) for meta, path in rows]


def extract(git_dir: Path, out: Path, corenlp: bool) -> int:
    """Write each file; returns how many the mirror lacks (its largest ones)."""
    files = listing(git_dir, [p for s in SPLITS for p in members(s, corenlp)])
    batch = _git(
        git_dir, ["cat-file", "--batch"], "".join(f"{o}\n" for o, _ in files).encode()
    )
    missing, pos = 0, 0
    for _, path in files:
        header_end = batch.index(b"\n", pos)
        header = batch[pos:header_end].split()
        pos = header_end + 1
        if header[-1] == b"missing":
            missing += 1
            continue
        size = int(header[2])
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(batch[pos : pos + size])
        pos += size + 1
    return missing


def _git(git_dir: Path, args: list[str], stdin: bytes) -> bytes:
    cmd = ["git", f"--git-dir={git_dir}", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir", type=Path, help="the mirror's git directory")
    ap.add_argument("out", type=Path, help="where data/train and data/dev go")
    ap.add_argument(
        "--with-corenlp",
        action="store_true",
        help="also copy the CoreNLP parses (coreference for pronoun sources)",
    )
    args = ap.parse_args(argv)
    if Path.cwd().resolve() in [args.out.resolve(), *args.out.resolve().parents]:
        print(f"{args.out}: keep the corpus outside the repository", file=sys.stderr)
        return 2
    missing = extract(args.git_dir, args.out, args.with_corenlp)
    print(f"PolNeAR train and dev copied to {args.out / 'data'}", end="")
    print(f" ({missing} files absent from the mirror)" if missing else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
