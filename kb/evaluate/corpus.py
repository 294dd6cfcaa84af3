"""Find brat documents on disk (a folder of .ann beside .txt, or PolNeAR's layout),
keep PolNeAR's test split closed, and read each document with its raw text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kb.errors import InputError, UsageError
from kb.evaluate.attribution import GoldDocument
from kb.evaluate.brat import read_ann
from kb.evaluate.corenlp import read_corenlp

__all__ = [
    "POLNEAR_ENV",
    "SPLITS",
    "BratFile",
    "brat_files",
    "polnear_split",
    "read_document",
]

POLNEAR_ENV = "KB_POLNEAR"
SPLITS = ("train", "dev", "test")
#: PolNeAR names an annotation <article>_<annotator id>.ann
_ANNOTATOR = re.compile(r"^(?P<stem>.+)_[0-9a-f]{4}$")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class BratFile:
    """An annotation file, its text and (if shipped) its CoreNLP parse."""

    ann: Path
    text: Path
    parse: Path | None = None


def polnear_split(root: Path, split: str, final_report: bool = False) -> Path:
    """The folder of one PolNeAR split under ``root`` (the corpus's root, with
    ``data/<split>``, or a folder holding ``<split>`` directly).

    :raises UsageError: for the test split without ``final_report``: it is kept
        for reporting quality, never for development.
    :raises InputError: when the split is not under ``root``.
    """
    if split == "test" and not final_report:
        raise UsageError(
            "the PolNeAR test split is reserved for reporting quality: develop on "
            "--split dev or train (--final-report scores test, for the final report only)"
        )
    for folder in (root / "data" / split, root / split):
        if (folder / "attributions").is_dir():
            return folder
    raise InputError(
        f"{root}: no PolNeAR {split} split (data/{split}/attributions); point --polnear "
        f"or ${POLNEAR_ENV} at the corpus (see tools/polnear_extract.py)"
    )


def _text_for(ann: Path) -> Path | None:
    stems = [ann.stem]
    named = _ANNOTATOR.match(ann.stem)
    if named:
        stems.append(named["stem"])
    for stem in stems:
        for folder in (ann.parent, ann.parent.parent / "text"):
            if (folder / f"{stem}.txt").is_file():
                return folder / f"{stem}.txt"
    return None


def brat_files(folder: Path) -> list[BratFile]:
    """Every .ann file of ``folder`` (or of its ``attributions/``) with its text;
    where several annotators annotated one text, the first annotation by name.

    :raises InputError: when there is no .ann file, or one has no text beside it.
    """
    anns = sorted(folder.glob("*.ann")) or sorted(
        (folder / "attributions").glob("*.ann")
    )
    if not anns and (folder / "gold").is_dir():
        raise InputError(
            f"{folder}: gold/ holds no .gold.json file; write one per article in "
            "articles/ (see eval/dev/GOLD-GUIDE.md)"
        )
    if not anns:
        raise InputError(
            f"{folder}: no .ann files; give a folder of brat .ann files beside their "
            ".txt, PolNeAR's split folder, or a gold set with articles/ and gold/"
        )
    out: dict[Path, BratFile] = {}
    for ann in anns:
        text = _text_for(ann)
        if text is None:
            raise InputError(
                f"{ann}: no {ann.stem}.txt beside it; put the article's text there"
            )
        parse = ann.parent.parent / "corenlp" / f"{text.name}.xml"
        out.setdefault(text, BratFile(ann, text, parse if parse.is_file() else None))
    return list(out.values())


def read_document(item: BratFile) -> GoldDocument:
    """The document: the text exactly as stored (brat offsets count its characters,
    so nothing is normalised), its attributions and its parse.

    :raises InputError: when a file cannot be read, or the annotation's words are
        not the text's at their offsets.
    """
    try:
        text = item.text.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{item.text}: cannot read it as UTF-8 ({exc})")
    attributions, wrong = read_ann(item.ann, text)
    if wrong:
        raise InputError(
            f"{item.ann}: {wrong} spans do not hold the words the file gives them in "
            f"{item.text}; the annotation is not of this text"
        )
    parse = read_corenlp(item.parse) if item.parse else None
    date = _DATE.search(item.text.name)
    return GoldDocument(
        item.text.stem, text, attributions, parse, date[1] if date else None
    )


def read_documents(files: list[BratFile]) -> Iterator[GoldDocument]:
    return (read_document(f) for f in files)
