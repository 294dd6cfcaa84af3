"""IPTC ninjs ("News in JSON") records, versions 1.x to 3.x, read as articles: the
headline, the body (plain text, or HTML through the page reader's main-text path),
the ``uri``, the version date and the language."""

from __future__ import annotations

from typing import Any

from kb.errors import InputError
from kb.ingest.html_page import html_body_text
from kb.ingest.metadata import iri_safe_url, is_http_url, parse_iso_date
from kb.ingest.normalize import _article, _clean_field
from kb.models import Article

__all__ = ["is_ninjs", "ninjs_article"]

#: Fields only ninjs has: a record with ``uri`` and one of them is a ninjs item.
_NINJS_FIELDS = ("headline", "headlines", "body_text", "body_html", "bodies")
#: The dates a ninjs item may carry, most telling first: when this version was
#: written is what "on Monday" in its text counts from.
_DATE_FIELDS = ("versioncreated", "firstcreated", "contentcreated")


def is_ninjs(obj: dict[str, Any]) -> bool:
    """A ninjs item: it says so in ``standard``/``$standard``, or it has a ``uri``
    and ninjs's headline or body fields (and no ``text`` of our own format)."""
    standard = obj.get("standard") or obj.get("$standard")
    if isinstance(standard, dict) and standard.get("name") == "ninjs":
        return True
    return "text" not in obj and "uri" in obj and any(k in obj for k in _NINJS_FIELDS)


def ninjs_article(obj: dict[str, Any], origin: str) -> Article:
    """The Article of one ninjs item; a missing body or a bad field is an InputError
    that names the field."""
    uri = _string(obj, "uri", origin)
    title = _clean_field(_headline(obj, origin))
    text = _body(obj, origin)
    if not text:
        raise InputError(
            f"{origin}: this ninjs item has no text body (body_text, body_html or "
            "bodies); only text items can be read",
            origin=origin,
        )
    return _article(
        text,
        origin,
        id=uri,
        url=iri_safe_url(uri) if uri and is_http_url(uri) else None,
        title=title,
        published=_published(obj, origin),
        language=_clean_field(_string(obj, "language", origin)),
    )


def _headline(obj: dict[str, Any], origin: str) -> str | None:
    if "headline" in obj:
        return _string(obj, "headline", origin)
    items = _items(obj, "headlines", origin)
    main = [h for h in items if h.get("role") in (None, "main")]
    return _value(next(iter(main or items), None), "headlines", origin)


def _body(obj: dict[str, Any], origin: str) -> str | None:
    """The plain-text body if there is one, else the HTML body as text."""
    plain = _string(obj, "body_text", origin)
    html = _string(obj, "body_html", origin)
    for item in _items(obj, "bodies", origin):
        kind = str(item.get("contenttype") or "text/plain").lower()
        if item.get("role") not in (None, "main"):
            continue
        if kind.startswith("text/html") or kind.startswith("application/xhtml"):
            html = html or _value(item, "bodies", origin)
        elif kind.startswith("text/"):
            plain = plain or _value(item, "bodies", origin)
    if plain and plain.strip():
        return plain
    return html_body_text(html, origin) if html and html.strip() else None


def _published(obj: dict[str, Any], origin: str) -> str | None:
    for name in _DATE_FIELDS:
        value = _string(obj, name, origin)
        if value is None:
            continue
        iso = parse_iso_date(value)
        if iso is None:
            raise InputError(
                f"{origin}: ninjs field '{name}' is not an ISO 8601 date-time "
                f"({value!r}); write it like 2026-03-14T08:10:00Z",
                origin=origin,
            )
        return iso
    return None


def _items(obj: dict[str, Any], name: str, origin: str) -> list[dict[str, Any]]:
    value = obj.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(
            f"{origin}: ninjs field '{name}' must be an array of objects with a "
            "'value'",
            origin=origin,
        )
    return value


def _value(item: dict[str, Any] | None, name: str, origin: str) -> str | None:
    if item is None:
        return None
    value = item.get("value")
    if value is not None and not isinstance(value, str):
        raise InputError(
            f"{origin}: a '{name}' entry's 'value' must be a string", origin=origin
        )
    return value


def _string(obj: dict[str, Any], name: str, origin: str) -> str | None:
    value = obj.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(
            f"{origin}: ninjs field '{name}' must be a string; quote it or drop it",
            origin=origin,
        )
    return value
