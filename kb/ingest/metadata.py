"""Metadata values that the JSON and HTML readers check and canonicalise: ISO 8601
dates, and http(s) URLs written so that they stand as IRIs."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urlsplit

from kb.text.dates import date_line

__all__ = [
    "FIELD_KEYS",
    "iri_safe_url",
    "is_http_url",
    "parse_date_field",
    "parse_iso_date",
]


#: the keys (lower case) that name each Article field in front matter and JSON
#: records, first found wins: feeds and site exports say "headline" or "date" as
#: often as "title" or "published", and a field read under one name only would be
#: dropped without a word under the other
FIELD_KEYS = {
    "title": ("title", "headline"),
    "published": ("date", "published", "pubdate", "datepublished"),
    "url": ("url", "link", "canonical_url"),
    "source": ("source", "publisher"),
    "language": ("language", "lang"),
}


def parse_iso_date(value: str) -> str | None:
    """Return ``value`` as a canonical ISO date or date-time, or ``None``.

    >>> parse_iso_date("2026-03-14T08:10Z"), parse_iso_date("14/03/2026")
    ('2026-03-14T08:10:00+00:00', None)
    """
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def parse_date_field(value: str) -> str | None:
    """A publication date as a record's field may give it: ISO 8601 (canonical
    form), else an e-mail style date-time or a day written out with its year, as
    an ISO date-time or date; ``None`` for anything else.

    >>> parse_date_field("Sun, 12 Mar 2023 10:15:00 +0000")
    '2023-03-12T10:15:00+00:00'
    >>> parse_date_field("March 12, 2023"), parse_date_field("last Thursday")
    ('2023-03-12', None)
    """
    iso = parse_iso_date(value)
    if iso is not None:
        return iso
    try:
        return parsedate_to_datetime(value.strip()).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    day = date_line(value)
    return day.value if day is not None else None


def is_http_url(value: str) -> bool:
    """True for an absolute ``http`` or ``https`` URL with a host, a numeric port if
    any, and no spaces or control characters."""
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and not any(c.isspace() or unicodedata.category(c) == "Cc" for c in value)
    )


# ASCII that RFC 3987 allows nowhere in an IRI (space and controls are refused
# earlier), and what it allows only in the authority or once (``#``).
_IRI_EXCLUDED = frozenset('<>"{}|\\^`')
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def iri_safe_url(url: str) -> str:
    """Percent-encode what may not stand in an IRI, so the URL can be written as one.

    Browsers do the same: ``{``, ``|``, a second ``#``, a ``%`` that starts no
    escape, and code points outside RFC 3987's ranges (private use, U+FFFD…).

    >>> iri_safe_url("https://example.org/a|b{c}?q=100%sure#x#y")
    'https://example.org/a%7Cb%7Bc%7D?q=100%25sure#x%23y'
    >>> iri_safe_url("https://example.org/Zoë")
    'https://example.org/Zoë'
    """
    url = _BAD_PERCENT.sub("%25", url)
    scheme, sep, rest = url.partition("://")
    authority_end = len(rest)
    for stop in "/?#":
        if stop in rest:
            authority_end = min(authority_end, rest.index(stop))
    authority = "".join(
        c if c in "[]" or _iri_char(c) else quote(c, safe="")
        for c in rest[:authority_end]
    )
    out = []
    in_fragment = False
    for c in rest[authority_end:]:
        if c == "#" and not in_fragment:
            in_fragment = True
            out.append(c)
        elif c in "[]#" or not _iri_char(c):
            out.append(quote(c, safe=""))
        else:
            out.append(c)
    return scheme + sep + authority + "".join(out)


def _iri_char(char: str) -> bool:
    """May ``char`` stand unescaped in an IRI path (RFC 3987 ``ucschar`` or ASCII)?"""
    code = ord(char)
    if code < 0x80:
        return 0x20 < code < 0x7F and char not in _IRI_EXCLUDED
    if code < 0x10000:
        return (
            0xA0 <= code <= 0xD7FF
            or 0xF900 <= code <= 0xFDCF
            or 0xFDF0 <= code <= 0xFFEF
        )
    return (code & 0xFFFF) < 0xFFFE and (code < 0xE0000 or 0xE1000 <= code < 0xF0000)
