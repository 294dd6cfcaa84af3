"""Named SPARQL queries (the ``*.rq`` files beside this module) and their parameters.

Each file starts with comment lines that document it::

    # description: What did an actor say? ...
    # param: actor string  the actor's name or IRI
    # param: from date optional  the first date of the range
    # param: entity string repeat=5  repeat it to ask for several

Parameter values become RDF terms bound to the query's variables (``?actor``; a
repeated one fills ``?entity1``, ``?entity2``, …); they are never spliced into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from kb.errors import UsageError

__all__ = [
    "NamedQuery",
    "Param",
    "bind",
    "load",
    "names",
    "parse_params",
    "with_values",
]

_HEADER = re.compile(r"^#\s*(description|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z]\w*)\s+(?P<kind>string|date|iri)"
    r"(?P<optional>\s+optional)?(?:\s+repeat=(?P<repeat>\d+))?\s*(?P<doc>.*)$"
)


@dataclass(frozen=True)
class Param:
    """One documented parameter of a named query."""

    name: str
    kind: str  # "string", "date" or "iri"
    optional: bool = False
    repeat: int = 1
    doc: str = ""

    def variables(self) -> tuple[str, ...]:
        """The query variables it fills: ``entity1..entityN`` when repeatable."""
        if self.repeat == 1:
            return (self.name,)
        return tuple(f"{self.name}{i}" for i in range(1, self.repeat + 1))


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its name, description, parameters and text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str

    def param_variables(self) -> frozenset[str]:
        return frozenset(v for p in self.params for v in p.variables())


def names() -> list[str]:
    """The names of the bundled queries, sorted.

    >>> "claims-by" in names()
    True
    """
    return sorted(
        f.name[: -len(".rq")]
        for f in resources.files(__name__).iterdir()
        if f.name.endswith(".rq")
    )


@cache
def load(name: str) -> NamedQuery:
    """The named query ``name``.

    :raises UsageError: when there is no such query.
    """
    if name not in names():
        raise UsageError(
            f"no named query {name!r}; choose one of: {', '.join(names())}"
        )
    text = resources.files(__name__).joinpath(f"{name}.rq").read_text("utf-8")
    description, params = "", []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            continue
        if match[1] == "description":
            description = match[2].strip()
        else:
            params.append(_param(match[2].strip(), name))
    return NamedQuery(name, description, tuple(params), text)


def _param(spec: str, query: str) -> Param:
    match = _PARAM.match(spec)
    if not match:
        raise UsageError(f"{query}.rq: unreadable parameter line {spec!r}")
    return Param(
        match["name"],
        match["kind"],
        bool(match["optional"]),
        int(match["repeat"] or 1),
        match["doc"].strip(),
    )


def parse_params(pairs: Iterable[str]) -> list[tuple[str, str]]:
    """``key=value`` strings from the command line as pairs.

    >>> parse_params(["actor=Maria Okafor"])
    [('actor', 'Maria Okafor')]
    """
    out = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {pair!r}: write it as key=value")
        out.append((key.strip(), value))
    return out


def bind(query: NamedQuery, given: Iterable[tuple[str, str]]) -> dict[str, Node]:
    """Check the given parameters against the query's and turn them into RDF terms.

    >>> bind(load("claims-by"), [("actor", "Ann")])
    {'actor': rdflib.term.Literal('Ann')}

    :raises UsageError: for an unknown, missing, repeated or malformed parameter.
    """
    values: dict[str, list[str]] = {}
    for key, value in given:
        values.setdefault(key, []).append(value)
    known = {p.name: p for p in query.params}
    for key in values:
        if key not in known:
            allowed = ", ".join(known) or "none"
            raise UsageError(
                f"{query.name}: unknown parameter {key!r}; its parameters: {allowed}"
            )
    bindings: dict[str, Node] = {}
    for param in query.params:
        got = values.get(param.name, [])
        if not got and not param.optional:
            raise UsageError(
                f"{query.name}: missing --param {param.name}=... ({param.doc})"
            )
        if len(got) > param.repeat:
            raise UsageError(
                f"{query.name}: --param {param.name} given {len(got)} times; "
                f"at most {param.repeat}"
            )
        for variable, value in zip(param.variables(), got, strict=False):
            bindings[variable] = _term(param, value, query.name)
    return bindings


def _term(param: Param, value: str, query: str) -> Node:
    if param.kind == "date":
        try:
            return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise UsageError(
                f"{query}: --param {param.name}={value!r} is not a date; "
                "write it as YYYY-MM-DD"
            ) from None
    if param.kind == "iri":
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
            raise UsageError(f"{query}: --param {param.name}={value!r} is not an IRI")
        return URIRef(value)
    return Literal(value)


def with_values(text: str, bindings: dict[str, Node]) -> str:
    """The query with a ``VALUES`` block of the bound terms at the start of its
    ``WHERE`` group, for remote SPARQL endpoints, which cannot take bindings apart
    from the text. Each value is written by rdflib's term serialiser, which escapes
    it, so it stays one RDF term whatever it contains.

    >>> print(with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('a"b')}))
    SELECT ?x WHERE { VALUES (?o) { ("a\\"b") }
     ?x ?p ?o }
    """
    if not bindings:
        return text
    match = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if not match:
        raise UsageError("the query has no WHERE { ... } to bind parameters in")
    names_ = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    block = f" VALUES ({names_}) {{ ({terms}) }}\n"
    return text[: match.end()] + block + text[match.end() :]
