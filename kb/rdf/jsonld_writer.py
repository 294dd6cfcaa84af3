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
        # keys written as an array even with one value (a @set container)
        self.sets = {name for name, (_, _, is_set) in raw.items() if is_set}
        self._by_key: dict[tuple[str, str | None], _Term] = {}
        for name in sorted(raw, key=lambda n: (len(n), n)):
            target, kind, _ = raw[name]
            iri = self.expand(target)
            kind = self.expand(kind) if kind and kind != "@id" else kind
            self._by_key.setdefault((iri, kind), _Term(name, iri, kind))

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

    def term(self, predicate: str, kind: str) -> tuple[str, bool]:
        """(key, whether the value is written bare); a key in :attr:`sets` is
        written as an array however many values it has."""
        typed = self._by_key.get((predicate, kind))
        if typed is not None and kind not in (_STRING, _LANG_STRING, "@none"):
            return typed.name, True
        plain = self._by_key.get((predicate, None))
        if plain is not None:
            return plain.name, kind in (_STRING, "@none")
        return self.compact_iri(predicate, vocab=True), kind in (_STRING, "@none")


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


#: Predicate-and-object texts remembered with what they write (then forgotten, to
#: bound memory): most recur in a merged graph (types, offsets, the article a
#: mention is in, a shared entity), 3 lines in 4 on the bench's articles.
_REMEMBERED = 100_000
#: Orders of keys remembered (57 in the bench's 1M triples: one per kind of subject).
_ORDERS = 10_000


class _Entries:
    """What the rest of a line after its subject ("<p> o .") puts in its subject's
    node object: (key, the value's JSON text), worked out once per distinct text."""

    def __init__(self, ctx: CompactContext) -> None:
        self.ctx = ctx
        self.known: dict[str, tuple[str, str]] = {}
        self._keys: dict[tuple[str, str], tuple[str, bool]] = {}

    def add(self, rest: str) -> tuple[str, str]:
        """Work out and remember the entry of ``rest``."""
        predicate, tail = rest.split(" ", 1)
        obj = tail[:-2] if tail.endswith(" .") else tail.rstrip()[:-1].rstrip()
        entry = (
            self._literal(predicate, obj)
            if obj[0] == '"'
            else self._ref(predicate, obj)
        )
        if len(self.known) >= _REMEMBERED:
            self.known.clear()
        self.known[rest] = entry
        return entry

    def _ref(self, predicate: str, obj: str) -> tuple[str, str]:
        ref = obj[1:-1] if obj[0] == "<" else obj
        if predicate == _RDF_TYPE:
            return self.ctx.aliases["@type"], _quote(self.ctx.compact_iri(ref, True))
        key, bare = self._key(predicate, _REF)
        value = _quote(self.ctx.compact_id(ref))
        return key, value if bare else f'{{"{self.ctx.aliases["@id"]}": {value}}}'

    def _literal(self, predicate: str, obj: str) -> tuple[str, str]:
        end = obj.rindex('"')
        if end == len(obj) - 1 and not _NOT_JSON_AS_IS.search(obj):
            # a plain string with nothing escaped is already its JSON text
            key, bare = self._key(predicate, _STRING)
            if bare:
                return key, obj
        lexical, tail = _unescape(obj[1:end]), obj[end + 1 :]
        language = tail[1:] if tail.startswith("@") else None
        datatype = tail[3:-1] if tail.startswith("^^") else _STRING
        value: Any = native(lexical, datatype) if datatype.startswith(_XSD) else None
        kind = (
            "@none" if value is not None else (_LANG_STRING if language else datatype)
        )
        key, bare = self._key(predicate, kind)
        if value is not None:
            return key, _json_native(value)
        if bare:
            return key, _quote(lexical)
        fields = {"@value": lexical}
        if language:
            fields["@language"] = language
        else:
            fields[self.ctx.aliases["@type"]] = self.ctx.compact_iri(datatype, True)
        return key, json.dumps(fields, ensure_ascii=False, sort_keys=True)

    def _key(self, predicate: str, kind: str) -> tuple[str, bool]:
        found = self._keys.get((predicate, kind))
        if found is None:
            found = self._keys[(predicate, kind)] = self.ctx.term(predicate[1:-1], kind)
        return found


class _Render:
    """A subject's node object as JSON text, from its values by key."""

    def __init__(self, ctx: CompactContext) -> None:
        self.ctx = ctx
        self.id_key = ctx.aliases["@id"]
        # keys in the order they came → in the order they are written, with the
        # text before their values and whether a single value is an array
        self.orders: dict[tuple[str, ...], list[tuple[str, str, bool]]] = {}

    def __call__(self, subject: str, values: dict[str, list[str]]) -> str:
        ref = subject[1:-1] if subject[0] == "<" else subject
        values[self.id_key] = [_quote(self.ctx.compact_id(ref))]
        came = tuple(values)
        order = self.orders.get(came)
        if order is None:
            if len(self.orders) >= _ORDERS:
                self.orders.clear()
            sets = self.ctx.sets
            order = self.orders[came] = [
                (key, f"      {_quote(key)}: ", key in sets) for key in sorted(came)
            ]
        parts = []
        for key, head, many in order:
            found = values[key]
            if len(found) == 1 and not many:
                parts.append(head + found[0])
            else:
                parts.append(head + "[" + ", ".join(found) + "]")
        return "    {\n" + ",\n".join(parts) + "\n    }"


def nodes(lines: Iterable[str], context: dict[str, Any]) -> Iterator[str]:
    """One node object's JSON text per subject of the sorted, distinct N-Triples
    ``lines``; the context is the ``@context`` value."""
    ctx = CompactContext(context)
    entries = _Entries(ctx)
    known, render = entries.known, _Render(ctx)
    values: dict[str, list[str]] = {}
    current = None
    # one loop, no helper call unless a line's predicate and object are new: this
    # runs once per triple
    for line in lines:
        subject, rest = line.split(" ", 1)
        if subject != current:
            if current is not None:
                yield render(current, values)
            values, current = {}, subject
        entry = known.get(rest)
        if entry is None:
            entry = entries.add(rest)
        key, text = entry
        found = values.get(key)
        if found is None:
            values[key] = [text]
        else:
            found.append(text)
    if current is not None:
        yield render(current, values)


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
