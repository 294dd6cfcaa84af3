"""What to call an article on a page: its headline, else the first words of its
text, and only when it has neither, its IRI."""

from __future__ import annotations

__all__ = ["FIRST_WORDS", "article_title", "first_words"]

#: How many words of the text stand in for a missing headline.
FIRST_WORDS = 12
_MAX_CHARS = 90


def first_words(text: str, words: int = FIRST_WORDS) -> str:
    """The first ``words`` words of ``text`` on one line, with "…" when cut.

    >>> first_words("Rain fell on\\nMonday in the hills.", 4)
    'Rain fell on Monday…'
    >>> first_words("It rained. Then it snowed.", 2)
    'It rained…'
    >>> first_words("Short text.")
    'Short text.'
    """
    split = text.split()
    shown = " ".join(split[:words])
    cut = len(split) > words
    if len(shown) > _MAX_CHARS:
        shown = shown[:_MAX_CHARS].rsplit(" ", 1)[0] or shown[:_MAX_CHARS]
        cut = True
    return shown.rstrip(",;:.") + "…" if cut else shown


def article_title(headline: str, body: str, iri: str) -> str:
    """The headline, else the text's first words, else (no text either) the IRI.

    >>> article_title("", "Ann met Bo.", "http://x.example/a")
    'Ann met Bo.'
    """
    return headline.strip() or first_words(body) or iri
