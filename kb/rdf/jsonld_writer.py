"""A streaming JSON-LD writer: sorted N-Triples lines to compacted node objects with
our context, without building an expanded document (tests prove it equals pyld's).

Compaction follows JSON-LD 1.1 term selection for the flat node objects that
"from RDF" yields, restricted to what our context uses (prefixes, terms with no
type, ``@id`` or a datatype as ``@type``, ``@set`` containers). A literal becomes a
native JSON boolean or number only where JSON-LD to-RDF gives back the same literal
(:func:`native`). rdf:first/rdf:rest lists stay plain properties (pyld would write
``@list``): the graph is the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring as _quote
from typing import IO, Any

__all__ = [
    "CompactContext",
    "expanded_native",
    "native",
    "write_jsonld",
    "write_jsonld_nodes",
]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
#: Integers beyond 2^53 lose digits in JavaScript's JSON.parse: they stay strings.
_SAFE_INTEGER = 2**53
#: What stops an N-Triples string from being its own JSON text: an escape, or a
#: control character that rdflib's N-Triples leaves raw (JSON must escape it).
_NOT_JSON_AS_IS = re.compile(r"[\x00-\x1f\\]")
#: Kinds of object: a node reference, or a literal's datatype IRI.
_REF = "@id"


def native(lexical: str, datatype: str) -> bool | int | float | None:
    """The JSON value for a literal if JSON-LD to-RDF (pyld and jsonld.js alike)
    turns it back into the very same literal, else ``None``.

    >>> native("true", _XSD + "boolean"), native("1", _XSD + "boolean")
    (True, None)
    >>> native("42", _XSD + "integer"), native("042", _XSD + "integer")
    (42, None)
    >>> native("1.25E1", _XSD + "double"), native("300.0", _XSD + "double")
    (12.5, None)
    """
    if datatype == _XSD + "boolean":
        return {"true": True, "false": False}.get(lexical)
    if datatype == _XSD + "integer":
        if _INTEGER.fullmatch(lexical) and abs(int(lexical)) <= _SAFE_INTEGER:
            return int(lexical)
        return None
    if datatype == _XSD + "double":
        try:
            value = float(lexical)
        except ValueError:
            return None
        # JSON "3.0" is the integer 3 to JavaScript: only non-integral doubles; and
        # pyld and jsonld.js write negative exponents apart ("E-01", "E-1").
        if not (1 < abs(value) < 2**53) or value.is_integer():
            return None
        return value if _canonical_double(value) == lexical else None
    return None


def expanded_native(value: Any) -> Any:
    """An expanded JSON-LD document with :func:`native` values put in."""
    if isinstance(value, list):
        return [expanded_native(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "@value" in value and isinstance(value.get("@type"), str):
        found = native(value["@value"], value["@type"])
        return value if found is None else {"@value": found}
    return {key: expanded_native(item) for key, item in value.items()}


def _json_native(value: bool | int | float) -> str:
    """``json.dumps(value)`` for what :func:`native` gives, without its overhead."""
    if value is True or value is False:
        return "true" if value else "false"
    return repr(value)


def _canonical_double(value: float) -> str:
    return re.sub(r"(\d)0*E\+?0*(\d)", r"\1E\2", f"{value:1.15E}")


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str
    kind: str | None  # None (no @type), "@id", or a datatype IRI
    is_set: bool


class CompactContext:
    """A context prepared for compaction: terms by IRI, prefixes, keyword aliases."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes: list[tuple[str, str]] = []
        raw: dict[str, tuple[str, str | None, bool]] = {}
        self.aliases = {"@id": "@id", "@type": "@type"}
        for name, value in context.items():
            if name.startswith("@"):
                continue
            definition = value if isinstance(value, dict) else {"@id": value}
            target = str(definition.get("@id", ""))
            if target in self.aliases:
                self.aliases[target] = name
                continue
            if not isinstance(value, dict) and target and target[-1] in "/#:?[]@":
                self.prefixes.append((name, target))
            kind: str | None = definition.get("@type")
            container = definition.get("@container")
            raw[name] = (target, kind, container in ("@set", ["@set"]))
        self.prefixes.sort(key=lambda p: (-len(p[1]), p[0]))
        # a prefix that ends in "/" or "#" starts an IRI if and only if it starts
        # the IRI's namespace (up to its last "/" or "#"), which many IRIs share
        self._slashed = [(n, p) for n, p in self.prefixes if p[-1] in "/#"]
        self._other = [(n, p) for n, p in self.prefixes if p[-1] not in "/#"]
        self._by_namespace: dict[str, list[tuple[str, str]]] = {}
        self._ids: dict[str, str] = {}  # recent @id compactions (bounded)
        self.terms = {name for name in raw}
        self._by_key: dict[tuple[str, str | None], _Term] = {}
        for name in sorted(raw, key=lambda n: (len(n), n)):
            target, kind, is_set = raw[name]
            iri = self.expand(target)
            kind = self.expand(kind) if kind and kind != "@id" else kind
            self._by_key.setdefault((iri, kind), _Term(name, iri, kind, is_set))

    def expand(self, value: str) -> str:
        prefix, colon, suffix = value.partition(":")
        if colon and not suffix.startswith("//"):
            for name, iri in self.prefixes:
                if name == prefix:
                    return iri + suffix
        return value

    def compact_id(self, iri: str) -> str:
        """:meth:`compact_iri` of a node reference, remembered for the next ones."""
        found = self._ids.get(iri)
        if found is None:
            if len(self._ids) > 100_000:
                self._ids.clear()
            found = self._ids[iri] = self.compact_iri(iri, vocab=False)
        return found

    def compact_iri(self, iri: str, vocab: bool) -> str:
        """A term (``vocab``: for a type or property), else the shortest compact IRI."""
        if vocab:
            term = self._by_key.get((iri, None))
            if term is not None:
                return term.name
        best = iri
        for name, prefix in self._prefixes_of(iri):
            if len(iri) > len(prefix):
                candidate = f"{name}:{iri[len(prefix) :]}"
                if candidate in self.terms or iri[len(prefix) :].startswith("//"):
                    continue
                if (len(candidate), candidate) < (len(best), best) or best == iri:
                    best = candidate
        return best

    def _prefixes_of(self, iri: str) -> list[tuple[str, str]]:
        """The prefixes that start ``iri`` (in any order: the caller takes the least)."""
        namespace = iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]
        found = self._by_namespace.get(namespace)
        if found is None:
            if len(self._by_namespace) > 10_000:
                self._by_namespace.clear()
            found = [(n, p) for n, p in self._slashed if namespace.startswith(p)]
            self._by_namespace[namespace] = found
        if not self._other:
            return found
        return found + [(n, p) for n, p in self._other if iri.startswith(p)]

    def term(self, predicate: str, kind: str) -> tuple[str, bool, bool]:
        """(key, whether the value is written bare, whether the key is a @set)."""
        typed = self._by_key.get((predicate, kind))
        if typed is not None and kind not in (_STRING, _LANG_STRING, "@none"):
            return typed.name, True, typed.is_set
        plain = self._by_key.get((predicate, None))
        if plain is not None:
            bare = kind in (_STRING, "@none")
            return plain.name, bare, plain.is_set
        return (
            self.compact_iri(predicate, vocab=True),
            kind in (_STRING, "@none"),
            False,
        )


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", _unescaped, text)


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'"}


def _unescaped(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    if code:
        return chr(int(code, 16))
    char = match.group(3)
    return _ESCAPES.get(char, char)


class _Node:
    """Collects one subject's compacted values, then renders them as JSON text."""

    def __init__(self, ctx: CompactContext, cache: dict[tuple[str, str], Any]) -> None:
        self.ctx, self.cache = ctx, cache
        self.types: list[str] = []
        self.values: dict[str, list[str]] = {}
        self.sets: set[str] = set()

    def add(self, predicate: str, obj: str) -> None:
        if obj[0] == '"':
            self._literal(predicate, obj)
            return
        ref = obj[1:-1] if obj[0] == "<" else obj
        if predicate == _RDF_TYPE:
            self.types.append(_quote(self.ctx.compact_iri(ref, vocab=True)))
            return
        key, bare, is_set = self._key(predicate, _REF)
        value = _quote(self.ctx.compact_id(ref))
        text = value if bare else f'{{"{self.ctx.aliases["@id"]}": {value}}}'
        self._put(key, text, is_set)

    def _literal(self, predicate: str, obj: str) -> None:
        end = obj.rindex('"')
        if end == len(obj) - 1 and not _NOT_JSON_AS_IS.search(obj):
            # a plain string with nothing escaped is already its JSON text
            key, bare, is_set = self._key(predicate, _STRING)
            if bare:
                self._put(key, obj, is_set)
                return
        lexical, tail = _unescape(obj[1:end]), obj[end + 1 :]
        language = tail[1:] if tail.startswith("@") else None
        datatype = tail[3:-1] if tail.startswith("^^") else _STRING
        value: Any = native(lexical, datatype) if datatype.startswith(_XSD) else None
        kind = (
            "@none" if value is not None else (_LANG_STRING if language else datatype)
        )
        key, bare, is_set = self._key(predicate, kind)
        if value is not None:
            text = _json_native(value)
        elif bare:
            text = _quote(lexical)
        else:
            fields = {"@value": lexical}
            if language:
                fields["@language"] = language
            else:
                fields[self.ctx.aliases["@type"]] = self.ctx.compact_iri(datatype, True)
            text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        self._put(key, text, is_set)

    def _key(self, predicate: str, kind: str) -> tuple[str, bool, bool]:
        found = self.cache.get((predicate, kind))
        if found is None:
            found = self.cache[(predicate, kind)] = self.ctx.term(predicate[1:-1], kind)
        return found

    def _put(self, key: str, text: str, is_set: bool) -> None:
        self.values.setdefault(key, []).append(text)
        if is_set:
            self.sets.add(key)

    def render(self, subject: str) -> str:
        ref = subject[1:-1] if subject[0] == "<" else subject
        fields = {self.ctx.aliases["@id"]: _quote(self.ctx.compact_id(ref))}
        if self.types:
            fields[self.ctx.aliases["@type"]] = _array(self.types, False)
        for key, values in self.values.items():
            fields[key] = _array(values, key in self.sets)
        body = ",\n".join(f"      {_quote(k)}: {v}" for k, v in sorted(fields.items()))
        return "    {\n" + body + "\n    }"


def _array(values: list[str], always: bool) -> str:
    if len(values) == 1 and not always:
        return values[0]
    return "[" + ", ".join(values) + "]"


def nodes(lines: Iterable[str], context: dict[str, Any]) -> Iterator[str]:
    """One node object's JSON text per subject of the sorted, distinct N-Triples
    ``lines``; the context is the ``@context`` value."""
    ctx = CompactContext(context)
    cache: dict[tuple[str, str], Any] = {}
    node, current = _Node(ctx, cache), None
    # one loop, no groupby or helper calls: this runs once per triple
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        obj = rest[:-2] if rest.endswith(" .") else rest.rstrip()[:-1].rstrip()
        if subject != current:
            if current is not None:
                yield node.render(current)
            node, current = _Node(ctx, cache), subject
        node.add(predicate, obj)
    if current is not None:
        yield node.render(current)


def write_jsonld(lines: Iterable[str], context: dict[str, Any], out: IO[bytes]) -> None:
    """One JSON-LD document, the context embedded, a node object per subject in
    ``@graph`` in the lines' order."""
    _write_document(nodes(lines, context), context, out)


def write_jsonld_nodes(
    lines: Iterable[str], context: dict[str, Any], out: IO[bytes]
) -> None:
    """One JSON-LD document of node objects given as one JSON text a line (framed)."""
    texts = (
        "    "
        + json.dumps(json.loads(line), ensure_ascii=False, indent=2).replace(
            "\n", "\n    "
        )
        for line in lines
    )
    _write_document(texts, context, out)


def _write_document(
    texts: Iterable[str], context: dict[str, Any], out: IO[bytes]
) -> None:
    head = json.dumps({"@context": context}, ensure_ascii=False, indent=2)
    out.write((head[: head.rindex("}")].rstrip() + ',\n  "@graph": [').encode("utf-8"))
    first = True
    for text in texts:
        out.write((("\n" if first else ",\n") + text).encode("utf-8"))
        first = False
    out.write(b"\n  ]\n}\n")
