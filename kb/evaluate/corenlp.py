"""Read what a CoreNLP XML parse (shipped beside PolNeAR's texts) tells the scorer:
coreference chains as character spans, and which tokens are proper nouns."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from kb.errors import InputError

__all__ = ["Parse", "read_corenlp"]

Span = tuple[int, int]


@dataclass(frozen=True)
class Parse:
    """Coreference chains (each a tuple of mention spans) and proper-noun tokens."""

    chains: tuple[tuple[Span, ...], ...] = ()
    proper_nouns: tuple[Span, ...] = ()


def _tokens(root: ET.Element) -> tuple[dict[tuple[int, int], Span], list[Span]]:
    """(sentence, token) -> character span, and the spans of NNP/NNPS tokens."""
    spans: dict[tuple[int, int], Span] = {}
    proper: list[Span] = []
    for sentence in root.iter("sentence"):
        sid = int(sentence.get("id", "0"))
        for token in sentence.iter("token"):
            begin = int(token.findtext("CharacterOffsetBegin", "0"))
            span = (begin, int(token.findtext("CharacterOffsetEnd", "0")))
            spans[(sid, int(token.get("id", "0")))] = span
            if token.findtext("POS", "") in ("NNP", "NNPS"):
                proper.append(span)
    return spans, proper


def _chain(chain: ET.Element, tokens: dict[tuple[int, int], Span]) -> tuple[Span, ...]:
    out = []
    for m in chain.iter("mention"):
        sid = int(m.findtext("sentence", "0"))
        first = tokens.get((sid, int(m.findtext("start", "0"))))
        last = tokens.get((sid, int(m.findtext("end", "0")) - 1))
        if first and last:
            out.append((first[0], last[1]))
    return tuple(out)


def read_corenlp(path: Path) -> Parse:
    """The parse in ``path``.

    :raises InputError: when the file is not CoreNLP's XML.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"{path}: not a CoreNLP XML file ({exc}); remove it or fix it")
    tokens, proper = _tokens(root)
    # chains are <coreference> elements inside the document's <coreference>
    outer = root.find("./document/coreference")
    chains = (
        []
        if outer is None
        else [_chain(c, tokens) for c in outer.findall("coreference")]
    )
    return Parse(tuple(c for c in chains if c), tuple(proper))
