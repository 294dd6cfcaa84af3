"""Rules that look at a Doc's text read it once per Doc (``text_of``): spaCy rebuilds
``Doc.text`` from every token on each read, so a read per claim or per entity made
a long single-paragraph article quadratic."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kb.extract.cues import trim
from kb.extract.mentions import _in_capitals_line


def test_trim_keeps_the_text_it_read() -> None:
    doc = spacy.blank("en")('Kellan said that "nobody" would lose.')
    assert doc._.newskb_text is None
    start, end = trim(doc, 2, len(doc))
    assert doc._.newskb_text == doc.text
    # guard: the span is the same as before, with the quote mark it closes
    assert doc.text[start:end] == '"nobody" would lose'


def test_trim_of_nothing_at_the_end_keeps_the_text_it_read() -> None:
    doc = spacy.blank("en")("Maria Lopez spoke .")
    assert trim(doc, 3, 4) == (len(doc.text) - 1, len(doc.text) - 1)
    assert doc._.newskb_text == doc.text


def test_a_line_in_capitals_is_read_from_the_text_read_once() -> None:
    doc = spacy.blank("en")("TOMAS BRANDT IN PORTO\nTomas Brandt spoke in Porto.")
    assert _in_capitals_line(Span(doc, 0, 2, label="PERSON"))
    assert doc._.newskb_text == doc.text
