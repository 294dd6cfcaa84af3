"""``newskb_paragraphs``: sentence starts at line breaks and after a dateline, set
before the parser so that headings and paragraphs never run on."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kb.text.dates import find_dateline

__all__ = [
    "paragraph_before",
    "paragraph_boundaries",
    "sentence_after",
    "sentence_before",
    "token_from",
]


@Language.component("newskb_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headings and paragraphs never run on.
    A dateline ("LAGOS, Nigeria (Wire) —") is no part of the first sentence either."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    dateline = find_dateline(doc.text)
    first = token_from(doc, dateline.end) if dateline else None
    if first is not None and first.i > 0:
        first.is_sent_start = True
        # and its first words run on at least to the first punctuation: the parser
        # would otherwise make a sentence of "Sefa" in "GENEVA — Sefa Obi, the mayor"
        for tok in doc[first.i + 1 : first.i + 8]:
            if tok.is_punct or tok.is_space:
                break
            tok.is_sent_start = False
    return doc


def token_from(doc: Doc, char: int) -> Token | None:
    """The first token that starts at or after a character offset."""
    return next((t for t in doc if t.idx >= char), None)


def sentence_before(sent: Span) -> Span | None:
    """The sentence before, in the same paragraph (None at a paragraph's start)."""
    if sent.start == 0:
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    if any(t.is_space and "\n" in t.text for t in doc[before.start : sent.start]):
        return None
    return before


def sentence_after(sent: Span) -> Span | None:
    """The next sentence, in the paragraph or at the next one's start."""
    doc = sent.doc
    return next((t.sent for t in doc[sent.end :] if not t.is_space), None)


def paragraph_before(sent: Span) -> Span | None:
    """The paragraph before the one ``sent`` opens, when it is one sentence long
    (None otherwise): a lead or a wire story's paragraph, which the next one
    may go on with."""
    doc = sent.doc
    if sent.start == 0 or sentence_before(sent) is not None:
        return None
    before = doc[sent.start - 1].sent
    prior = sentence_before(before)
    # a dateline is no sentence of the lead's: "VELMORA, June 12 — Rebels …"
    return before if prior is None or _only_a_dateline(prior) else None


def _only_a_dateline(sent: Span) -> bool:
    """Whether a sentence is the article's dateline and nothing more."""
    if sent.start != 0:
        return False
    dateline = find_dateline(sent.doc.text)
    return dateline is not None and sent.end_char <= dateline.end + 1
