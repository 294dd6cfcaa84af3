"""Every ``Doc._`` attribute that newskb reads or writes, declared in one place.

Inputs, set before the pipeline runs (both optional):

- ``doc._.newskb_article``: the :class:`~kb.models.Article` the text came from (its
  published date anchors relative dates); without it the text alone is the article.
- ``doc._.newskb_gazetteer``: the :class:`~kb.text.gazetteer.Gazetteer` to link names
  with; without it the built-in one.

Results, each written by the component of the same name (see :data:`RESULTS`). A
component whose inputs are missing (because a user added it alone to a pipeline)
computes them on demand through :func:`stage`, so every component also runs alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

from kb.models import Article
from kb.text.gazetteer import Gazetteer, gazetteer

__all__ = [
    "INPUTS",
    "RESULTS",
    "Stage",
    "article_of",
    "gazetteer_of",
    "set_inputs",
    "stage",
    "text_of",
]

#: The inputs a caller may set on a Doc before the pipeline runs.
INPUTS = ("newskb_article", "newskb_gazetteer")

#: Each result attribute, with the component that writes it and what it holds.
RESULTS = {
    "newskb_text": "the text, read once (spaCy rebuilds Doc.text on every read)",
    "newskb_dates": "newskb_dates: DateContext, the reference date, dateline and "
    "the dates each sentence names",
    "newskb_figures": "newskb_figures: list[Quantity], every figure with its unit",
    "newskb_mentions": "newskb_mentions: Mentions, the entity mentions by token",
    "newskb_entities": "newskb_entities: Entities, mentions grouped into clusters",
    "newskb_quote_spans": "newskb_quotes: character spans of quoted passages",
    "newskb_quotes": "newskb_quotes: list[RawClaim], the quotes and their speakers",
    "newskb_claims": "newskb_claims: list[RawClaim], quotes and reported speech",
    "newskb_events": "newskb_events: list[RawEvent], with their figures",
    "newskb_extraction": "newskb_extraction (conflicts added by newskb_conflicts): "
    "the article's kb.models.Extraction",
}

for _name in (*INPUTS, *RESULTS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

T = TypeVar("T")


def set_inputs(doc: Doc, article: Article, gaz: Gazetteer | None) -> Doc:
    """Set the :data:`INPUTS` on ``doc``: the article it was made from, and the
    gazetteer to link with (None: the built-in one)."""
    doc._.newskb_article = article
    doc._.newskb_gazetteer = gaz
    return doc


def stage(doc: Doc, attr: str, compute: Callable[[Doc], T]) -> T:
    """The result in ``doc._.<attr>``, computed and stored first if it is missing."""
    value = getattr(doc._, attr)
    if value is None:
        value = compute(doc)
        setattr(doc._, attr, value)
    return value


class Stage:
    """A component that computes one result and stores it in ``doc._.<attr>``."""

    def __init__(self, attr: str, compute: Callable[[Doc], object]) -> None:
        self.attr = attr
        self.compute = compute

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attr, self.compute(doc))
        return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, read once: spaCy joins every token on each access."""
    return stage(doc, "newskb_text", lambda d: d.text)


def article_of(doc: Doc) -> Article:
    """The article a Doc was made from, or one made of its text alone."""
    article = doc._.newskb_article
    if article is None:
        article = Article(text=text_of(doc), origin="doc")
        doc._.newskb_article = article
    return article


def gazetteer_of(doc: Doc) -> Gazetteer:
    """The gazetteer set on the Doc, else the built-in one."""
    return doc._.newskb_gazetteer or gazetteer()
