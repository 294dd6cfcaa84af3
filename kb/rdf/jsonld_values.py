"""JSON-LD values as JSON's own: ``true`` and ``12`` for terms the context coerces to
xsd:boolean and xsd:integer, which expand to the very same typed literals."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["as_native", "native_terms", "native_values"]

_NATIVE = {"xsd:boolean": "boolean", "xsd:integer": "integer"}
_CANONICAL_INT = re.compile(r"0|-?[1-9][0-9]*")


def native_terms(context: dict[str, Any]) -> dict[str, str]:
    """The context's terms coerced to xsd:boolean or xsd:integer, and which."""
    return {
        term: _NATIVE[spec["@type"]]
        for term, spec in context.items()
        if isinstance(spec, dict) and spec.get("@type") in _NATIVE
    }


def native_values(value: Any, native: dict[str, str]) -> Any:
    """A copy of compacted or framed JSON-LD with those terms' values made native,
    at any depth (framing nests node objects)."""
    if isinstance(value, list):
        return [native_values(v, native) for v in value]
    if not isinstance(value, dict):
        return value
    return {
        k: as_native(v, native[k]) if k in native else native_values(v, native)
        for k, v in value.items()
    }


def as_native(value: Any, kind: str | None) -> Any:
    """``"false"`` as ``false`` and ``"12"`` as ``12`` for a boolean or integer term,
    when the text is the canonical form, so the literal round-trips exactly."""
    if kind is None:
        return value
    if isinstance(value, list):
        return [as_native(v, kind) for v in value]
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    if kind == "integer" and isinstance(value, str) and _CANONICAL_INT.fullmatch(value):
        return int(value)
    return value
