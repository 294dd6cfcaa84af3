"""JSON (one record or an array of them) and JSONL (a record a line) articles: each
record is checked field by field, and one bad record does not stop the others."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from kb.errors import InputError
from kb.ingest.metadata import (
    FIELD_KEYS,
    iri_safe_url,
    is_http_url,
    parse_date_field,
)
from kb.ingest.ninjs import is_ninjs, ninjs_article
from kb.ingest.normalize import Items, _article, _clean_field
from kb.models import Article

#: Nothing here is public: :mod:`kb.ingest.sources` picks the readers by extension.
__all__: list[str] = []

log = logging.getLogger("kb")

#: each field's keys in a record: its own name first, then the names front matter
#: also takes ("headline", "date", "datePublished", "link", "lang"…), in any case
_FIELDS = {"id": ("id",)} | {
    name: (name, *(key for key in keys if key != name))
    for name, keys in FIELD_KEYS.items()
}
#: the keys a record is read by (``text`` as written, the others in any case)
_READ_KEYS = frozenset(key for keys in _FIELDS.values() for key in keys)
#: the fields kb reads, each with its other names, for the message of unread keys
_READ_FIELDS = "text, " + ", ".join("/".join(keys) for keys in _FIELDS.values())
#: how many unread keys a message names before it counts the rest
_NAMED_KEYS = 8


def _read_json(text: str, origin: str) -> Items:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: invalid JSON ({exc.msg} at line {exc.lineno} column "
            f"{exc.colno}); the file must hold one JSON object or an array of them",
            origin=origin,
        ) from None
    yield from _json_items(data, origin)


def _json_items(data: object, origin: str) -> Items:
    """The articles of a parsed JSON document: one record or an array of them."""
    records = data if isinstance(data, list) else [data]
    _say_unread(set().union(*map(_unread_keys, records)), origin)
    if not isinstance(data, list):
        yield _record(data, origin)
        return
    if not data:
        raise InputError(
            f"{origin}: the JSON array is empty; add article records", origin=origin
        )
    for index, item in enumerate(data):
        yield _catch(_record, item, f"{origin}[{index}]")


def _read_jsonl(text: str, origin: str) -> Items:
    unread: set[str] = set()
    # Split on \n only: U+2028 and friends may sit unescaped inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_record(line, origin, number, unread)
    _say_unread(unread, origin)


def _jsonl_record(
    line: str, origin: str, number: int, unread: set[str]
) -> Article | InputError:
    """Line ``number`` of the JSONL file ``origin``, as an article or the problem;
    the keys of it that kb does not read are added to ``unread``."""
    read = partial(_jsonl_line, unread=unread)
    return _catch(read, line, f"{origin}:{number}", number)


def _jsonl_line(line: str, origin: str, unread: set[str]) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: invalid JSON ({exc.msg} at column {exc.colno}); "
            "each line must be one JSON object",
            origin=origin,
        ) from None
    unread |= _unread_keys(data)
    return _record(data, origin)


def _unread_keys(record: object) -> set[str]:
    """The keys of a record of our format that kb reads no field from."""
    if not isinstance(record, dict) or is_ninjs(record):
        return set()
    return {key for key in record if key != "text" and key.lower() not in _READ_KEYS}


def _say_unread(keys: set[str], origin: str) -> None:
    """One warning for a file whose records have keys kb does not read: a body
    under "body" or a date under "when" was left out without a word."""
    if not keys:
        return
    named = ", ".join(repr(key) for key in sorted(keys)[:_NAMED_KEYS])
    if len(keys) > _NAMED_KEYS:
        named += f" and {len(keys) - _NAMED_KEYS} more"
    log.warning(
        "%s: left out key%s %s, which kb does not read; it reads %s",
        origin,
        "s" if len(keys) > 1 else "",
        named,
        _READ_FIELDS,
    )


def _catch(
    func: Callable[[Any, str], Article],
    value: object,
    origin: str,
    line: int | None = None,
) -> Article | InputError:
    """``func(value, origin)``, or the InputError it raised, tagged with ``line``."""
    try:
        return func(value, origin)
    except InputError as exc:
        if line is not None:
            exc.line = line
        return exc


def _record(obj: object, origin: str) -> Article:
    """Validate one JSON record and turn it into an Article."""
    if not isinstance(obj, dict):
        raise InputError(
            f"{origin}: a record must be a JSON object, not {_json_type(obj)}; "
            'write it as {"text": "..."}',
            origin=origin,
        )
    if is_ninjs(obj):
        return ninjs_article(obj, origin)
    text = _string_field(obj, "text", origin)
    if text is None:
        raise InputError(
            f"{origin}: missing field 'text'; every record needs one"
            + _text_elsewhere(obj),
            origin=origin,
        )
    key = {name: _key(obj, keys) for name, keys in _FIELDS.items()}
    meta = {name: _string_field(obj, key[name], origin) for name in _FIELDS}
    meta["published"] = _published(meta["published"], key["published"], origin)
    meta["url"] = _url(meta["url"], key["url"], origin)
    return _article(text, origin, **meta)


#: keys other formats keep an article's text under (schema.org's, which kb writes,
#: among them), for the message of a record without "text"
_TEXT_ELSEWHERE = ("articlebody", "body", "content", "article", "story")


def _text_elsewhere(obj: dict[str, Any]) -> str:
    """Where a record without "text" seems to keep its text, as advice: the first
    key of :data:`_TEXT_ELSEWHERE` (in any case) that holds a string.

    >>> _text_elsewhere({"headline": "Rates", "articleBody": "Varda..."})
    " (its text seems to be under 'articleBody': rename that key 'text')"
    """
    written = {str(key).lower(): key for key in obj}
    for name in _TEXT_ELSEWHERE:
        key = written.get(name)
        if key is not None and isinstance(obj[key], str):
            return f" (its text seems to be under {key!r}: rename that key 'text')"
    return ""


def _key(obj: dict[str, Any], keys: tuple[str, ...]) -> str:
    """The first of ``keys`` that ``obj`` gives a value under, as ``obj`` writes it
    (in any case), else the field's own name."""
    written = {str(key).lower(): key for key in obj}
    return next(
        (written[k] for k in keys if obj.get(written.get(k, k)) is not None), keys[0]
    )


def _string_field(obj: dict[str, Any], name: str, origin: str) -> str | None:
    value = obj.get(name)
    if value is None:  # absent or null: not given
        return None
    if not isinstance(value, str):
        fix = (
            "give the article's text as a JSON string"
            if name == "text"
            else f'write it as a JSON string ("{name}": "…") or drop it'
        )
        raise InputError(
            f"{origin}: field '{name}' must be a string, not {_json_type(value)}; "
            f"{fix}",
            origin=origin,
        )
    return value if name == "text" else _clean_field(value)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _published(value: str | None, key: str, origin: str) -> str | None:
    """Check a publication date and return it as ISO 8601: ISO itself, an e-mail
    style date-time ("Sun, 12 Mar 2023 10:15:00 GMT") or a day with its year
    ("March 12, 2023")."""
    if value is None:
        return None
    iso = parse_date_field(value)
    if iso is None:
        raise InputError(
            f"{origin}: field '{key}' is not an ISO 8601 date or date-time "
            f"({value!r}); write it like 2025-11-06 or 2026-03-14T08:10:00+08:00",
            origin=origin,
        )
    return iso


def _url(value: str | None, key: str, origin: str) -> str | None:
    if value is None:
        return None
    if not is_http_url(value):
        raise InputError(
            f"{origin}: field '{key}' is not an absolute http(s) URL ({value!r}); "
            "write it like https://example.com/news/story",
            origin=origin,
        )
    return iri_safe_url(value)
