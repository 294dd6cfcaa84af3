"""Canonical text: article bodies and one-line metadata values, normalised once, and
the :class:`Article` every reader builds from a body (refusing an empty or huge one).

Every body goes through :func:`normalize_text` exactly once; mention offsets index it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kb.errors import InputError
from kb.models import Article
from kb.text.dates import date_line

__all__ = ["MAX_CHARS", "Items", "normalize_text"]

#: Longer article bodies are refused before NLP. This is spaCy's default limit (and
#: ``kb.extract.MAX_CHARS``): its parser needs memory in proportion to the text.
MAX_CHARS = 1_000_000

#: What a reader yields: articles, and the problems met, in order.
Items = Iterator[Article | InputError]

# C0 and C1 controls except \t and \n (\r is turned into \n first), plus DEL.
# XML 1.0 forbids most of them, so RDF/XML and TriX writers would choke.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_LEADING = re.compile(r"^[\s\ufeff]+")


def normalize_text(text: str) -> str:
    """Return the canonical form of an article body; idempotent.

    Strips a byte-order mark, turns ``\\r\\n``, ``\\r`` and U+2028 into ``\\n``
    (U+2029 into a blank line), drops control characters other than ``\\t`` and
    ``\\n``, replaces lone surrogates with U+FFFD, applies Unicode NFC, removes
    trailing spaces on each line, collapses 3+ newlines to 2 and strips the ends.
    Zero-width and bidi characters are content and are kept.

    >>> normalize_text("\\ufeff Cafe\\u0301\\r\\n\\r\\n\\r\\nDone \\x00")
    'Café\\n\\nDone'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    # Controls go before NFC: removing one can bring a base and a mark together.
    text = _CONTROLS.sub("", text)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return _LEADING.sub("", text).rstrip()


def _clean_field(value: str | None) -> str | None:
    """Normalise a one-line metadata value (title, source…); empty gives ``None``."""
    if value is None:
        return None
    return " ".join(normalize_text(value).split()) or None


def _article(text: str, origin: str, **meta: str | None) -> Article:
    """Build an Article, normalising the body once and refusing an empty one."""
    body = normalize_text(text)
    if not body:
        raise InputError(
            f"{origin}: empty article (no text); give it some text", origin=origin
        )
    if len(body) > MAX_CHARS:
        raise InputError(
            f"{origin}: article is too long ({len(body):,} characters; the limit is "
            f"{MAX_CHARS:,}); split it into smaller articles",
            origin=origin,
        )
    if meta.get("published") is None:
        meta["published"], body = _dated_by_its_date_line(body)
    return Article(text=body, origin=origin, **meta)


def _dated_by_its_date_line(body: str) -> tuple[str | None, str]:
    """A date line at the top (or under a one-line byline) dates the article and is
    no sentence of it: (its day, the body without it); else (None, the body)."""
    lines = body.split("\n")
    for i, line in enumerate(lines[:3]):
        day = date_line(line)
        if day is not None:
            rest = "\n".join(lines[:i] + lines[i + 1 :]).strip()
            return (day.value, normalize_text(rest)) if rest else (None, body)
        if line.strip() and len(line.split()) > _BYLINE_WORDS and not _byline(line):
            break
    return None, body


#: a line this short above a date line is a byline or a place, not the story
_BYLINE_WORDS = 8
#: "By Ana Obi, Staff Reporter of The Kestrin Times": a byline of any length up
#: to a sentence's, "By" and a name (not "By Monday, the river had risen.")
_BYLINE = re.compile(r"By\s+[A-Z][\w.'-]+\s+[A-Z][^.!?]*[^\s.!?]")


def _byline(line: str) -> bool:
    return len(line.split()) <= _BYLINE_MAX_WORDS and bool(
        _BYLINE.fullmatch(line.strip())
    )


_BYLINE_MAX_WORDS = 20
