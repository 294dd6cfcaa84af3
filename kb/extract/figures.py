"""``newskb_figures``: every figure in the text ("1,200", "more than half", "$3m")
with what it counts, the noun after it ("1,200 jobs") when the text gives one."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kb.extract.extensions import Stage, stage, text_of
from kb.models import Quantity, Span
from kb.text.quantities import Figure, find_figures

__all__ = ["figures_of", "find_quantities"]

_UNIT_WORDS = {"kilometres": "km", "kilometers": "km", "km": "km", "miles": "mi"}


def find_quantities(doc: Doc) -> list[Quantity]:
    """The Doc's figures, in text order, each with its unit."""
    text = text_of(doc)
    figures = find_figures(text)
    units: list[str | None] = []
    for i, f in enumerate(figures):
        units.append(f.unit or _unit(doc, figures, units, i))
    return [
        Quantity(
            Span(f.start, f.end, text[f.start : f.end]),
            f.value,
            f.minimum,
            f.maximum,
            unit,
            f.approximate,
        )
        for f, unit in zip(figures, units, strict=True)
    ]


def figures_of(doc: Doc) -> list[Quantity]:
    return stage(doc, "newskb_figures", find_quantities)


@Language.factory(
    "newskb_figures",
    requires=["token.pos", "token.dep"],
    assigns=["doc._.newskb_figures"],
)
def make_figures(nlp: Language, name: str) -> Stage:
    return Stage("newskb_figures", find_quantities)


def _unit(
    doc: Doc, figures: list[Figure], units: list[str | None], i: int
) -> str | None:
    """The counted noun after figure ``i`` ("1,200 jobs"), else the unit of the
    closest earlier unitless figure in its sentence ("300 killed and 2 700 wounded"):
    ``units`` holds the units of the figures before ``i``."""
    fig = figures[i]
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return None
    j = span.end
    if j < len(doc) and doc[j].lower_ == "of" and fig.value is None:
        j += 1  # "hundreds of people"
    # past the words that describe the counted noun: "3 new polling stations"
    while (
        j < len(doc)
        and doc[j].dep_ in ("amod", "compound")
        and (doc[j].pos_ in ("ADJ", "PROPN") or doc[j].head.i > j)
    ):
        j += 1
    if j < len(doc) and doc[j].pos_ == "NOUN":
        word = doc[j].lower_
        return _UNIT_WORDS.get(word, word)
    # figures are in order of their start: walk back to the sentence's start
    sent_start = span.sent.start_char
    for k in range(i - 1, -1, -1):
        earlier = figures[k]
        if earlier.start < sent_start:
            break
        if earlier.end <= fig.start and earlier.unit is None:
            return units[k]
    return None
