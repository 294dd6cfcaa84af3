"""Read brat standoff attribution files as PolNeAR ships them: ``T`` lines
(``Source|Cue|Content START END``, discontinuous as ``A B;C D``) tied by ``E`` lines,
with an optional ``A`` attribute giving the attribution type."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import InputError

__all__ = ["GoldAttribution", "Spans", "parse_ann", "read_ann", "span_text"]

#: character spans ``(start, end)``, end exclusive; several for a discontinuous one
Spans = tuple[tuple[int, int], ...]
TYPES = ("speech", "belief", "intention")
_RANGE = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_ID = re.compile(r"^([A-Z]\d+|#\d*|\*)\t")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: its content, cue and source (empty: no source)."""

    id: str
    content: Spans
    cue: Spans = ()
    source: Spans = ()
    #: the type an ``A`` attribute gives (speech, belief, intention), else ""
    marked_type: str = ""


@dataclass
class _Ann:
    """What a file's lines say, before the attributions are put together."""

    spans: dict[str, tuple[str, Spans, str]] = field(default_factory=dict)
    events: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)


def span_text(text: str, spans: Spans) -> str:
    """The words at ``spans``, pieces joined by a space as brat joins them.

    >>> span_text("He said: yes, and no.", ((9, 12), (18, 20)))
    'yes no'
    """
    return " ".join(text[a:b] for a, b in spans)


def _spans(raw: str) -> Spans:
    pieces = [p.split() for p in raw.split(";")]
    return tuple((int(a), int(b)) for a, b in pieces)


def _parse_line(ann: _Ann, line: str, where: str) -> None:
    kind = line[:1]
    cols = line.split("\t")
    if kind == "T":
        label, _, ranges = cols[1].partition(" ") if len(cols) > 1 else ("", "", "")
        if len(cols) < 3 or not _RANGE.match(ranges):
            raise InputError(
                f"{where}: not a brat text-bound line (T1<TAB>Label START END<TAB>text)"
            )
        ann.spans[cols[0]] = (label, _spans(ranges), cols[2])
    elif kind == "E":
        args = cols[1].split() if len(cols) > 1 else []
        if not args or any(":" not in a for a in args):
            raise InputError(
                f"{where}: not a brat event line (E1<TAB>Type:T1 Role:T2 …)"
            )
        ann.events[cols[0]] = [(r, t) for r, _, t in (a.partition(":") for a in args)]
    elif kind == "A" and len(cols) > 1:
        name, target, *value = cols[1].split()
        chosen = (value[0] if value else name).lower()
        if chosen in TYPES:
            ann.types[target] = chosen


def _attribution(ann: _Ann, eid: str, where: str) -> GoldAttribution | None:
    """The attribution an event ties together; None for an event with no content."""
    pieces: dict[str, list[tuple[int, int]]] = {"content": [], "cue": [], "source": []}
    for role, tid in ann.events[eid][1:]:
        if tid not in ann.spans:
            raise InputError(
                f"{where}: event {eid} names {tid}, which no T line defines"
            )
        base = role.rstrip("0123456789").lower()
        if base in pieces:
            pieces[base].extend(ann.spans[tid][1])
    if not pieces["content"]:
        return None
    trigger = ann.events[eid][0][1]
    marked = ann.types.get(eid) or ann.types.get(trigger, "")
    content, cue, source = (
        tuple(sorted(pieces[k])) for k in ("content", "cue", "source")
    )
    return GoldAttribution(eid, content, cue, source, marked)


def _records(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, record): a T line's words may hold line breaks, and then its
    record runs on over the lines that start with no brat id."""
    number, record = 0, None
    for i, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if _ID.match(line) or record is None:
            if record:
                yield number, record
            number, record = i, line
        else:
            record += "\n" + line
    if record:
        yield number, record


def _read_lines(lines: Iterable[str], origin: str) -> _Ann:
    ann = _Ann()
    for number, record in _records(lines):
        if not record.startswith("#"):
            _parse_line(ann, record, f"{origin}:{number}")
    return ann


def _attributions(ann: _Ann, origin: str) -> tuple[GoldAttribution, ...]:
    found = (_attribution(ann, eid, origin) for eid in ann.events)
    return tuple(a for a in found if a is not None)


def parse_ann(lines: Iterable[str], origin: str) -> tuple[GoldAttribution, ...]:
    r"""The attributions of an .ann file's lines, in the file's order.

    >>> parse_ann(["T1\tSource 0 2\tHe", "T2\tCue 3 7\tsaid", "T3\tContent 9 12\tyes",
    ...            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1"], "x.ann")[0].source
    ((0, 2),)

    :raises InputError: for a malformed T or E line, naming ``origin`` and the line.
    """
    return _attributions(_read_lines(lines, origin), origin)


def read_ann(path: Path, text: str) -> tuple[tuple[GoldAttribution, ...], int]:
    """The attributions of ``path``, and how many of its T lines' words differ
    (beyond whitespace) from ``text`` at their offsets: anything but 0 means the
    .ann does not belong to this text.

    :raises InputError: when the file cannot be read or a line is malformed.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it as UTF-8 brat standoff ({exc})")
    ann = _read_lines(lines, str(path))
    wrong = sum(
        1
        for _, spans, words in ann.spans.values()
        if span_text(text, spans).split() != words.split()
    )
    return _attributions(ann, str(path)), wrong
