"""Named SPARQL queries (the ``*.rq`` files beside this module) and their parameters.

Each file starts with comment lines that document it::

    # description: What did an actor say? ...
    # param: actor string  the actor's name or IRI
    # param: from date optional  the first date of the range
    # param: entity string repeat=5  repeat it to ask for several
    # param: actor string names=claimant  the entities it names are ?claimant
    # param: article string optional articles=in  the articles it names are ?in

Parameter values become RDF terms bound to the query's variables (``?actor``; a
repeated one fills ``?entity1``, ``?entity2``, …); they are never spliced into the text.

The text is plain SPARQL that any endpoint runs as it is, and it finds what a name
stands for by testing every label in the store, which grows with the store. On a
store with a name index, :func:`for_store` looks the names up first instead:

- ``names=VAR``: the query tests the entities' names with the name test
  (:data:`NAME_TEST`) on ``?VAR`` (``?VAR1``… when repeated); that test is replaced by
  a ``VALUES`` block of the entities the index finds, the same ones.
- ``articles=VAR``: ``?VAR`` is an article the value is the IRI or URL of; a
  ``VALUES`` block of the candidates goes first, and the query's own test still runs.
- a line ``#LATERAL`` between two groups becomes oxigraph's ``LATERAL``: the store
  then evaluates the next group once per solution of what comes before, instead of
  planning the join itself (which can read a whole index first). Other endpoints
  read a comment and join the groups as usual; a query uses it only where the
  next group's rows do not depend on it (no ``FILTER`` there uses an earlier
  variable), so that the rows are the same either way.

- a line ``#WITHIN ?VAR`` before a group (``{ … }``) that reaches the places
  inside ``?VAR``'s (by ``schema:containedInPlace``): on a store whose name test
  found ``?VAR``'s entities, the group also runs for the store's places that the
  bundled gazetteer puts inside them (a country's towns, which an article may name
  without the country), :func:`_within`. Other endpoints read a comment: they
  follow the articles' ``schema:containedInPlace`` links alone.

A query may have a key query beside it, ``NAME.keys.rq``, for paging on the store
(:mod:`kb.store.paging`): it selects the keys of the answer's rows (the pairs of
claims of ``conflicting-figures``, say), every key that has rows and maybe some that
have none, ordered as the answer is ordered. Its ``ORDER BY``, by variables it
selects, is the start of the query's own (the store runs it without, and orders the
keys itself: :func:`kb.store.sparql.read_keys`), and its parameters and name tests
are the query's. A page of the answer is then the query's rows for the keys of that
page alone (:func:`restrict`; a line ``#KEYS`` in the query says where their
``VALUES`` block goes, if not first), which are the same rows as the page of the
whole answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Protocol

from rdflib import RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from kb.defaults import DEFAULT_PAGE
from kb.errors import UsageError
from kb.rdf.iris import DEFAULT_BASE
from kb.rdf.namespaces import SCHEMA
from kb.store.name_index import ENTITY_CLASSES
from kb.store.sparql import PREDECLARED, Key

__all__ = [
    "DEFAULT_PAGE",
    "NAME_TEST",
    "KeyQuery",
    "Lookup",
    "NameTest",
    "NamedQuery",
    "Param",
    "bind",
    "for_store",
    "load",
    "names",
    "order_by",
    "parse_params",
    "restrict",
    "within_only",
    "with_values",
]


_HEADER = re.compile(r"^#\s*(description|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z]\w*)\s+(?P<kind>string|date|iri)"
    r"(?P<optional>\s+optional)?(?:\s+repeat=(?P<repeat>\d+))?"
    r"(?:\s+names=(?P<names>[A-Za-z]\w*))?(?:\s+articles=(?P<articles>[A-Za-z]\w*))?"
    r"\s*(?P<doc>.*)$"
)
#: How the queries test whether ``?entity`` is an actor or a place with a name that
#: ``?param`` gives: a label or alternate name equal to it in any case, or (with the
#: ``STRENDS`` part) ending in it after a space; or ``?entity`` is the IRI ``?param``;
#: and it has a type among :data:`kb.store.name_index.ENTITY_CLASSES`, so that a
#: claim or an event whose label ends in the name is never found. Written as::
#:
#:     ?claimant rdfs:label|schema:alternateName ?name .
#:     FILTER (LCASE(STR(?name)) = LCASE(STR(?actor)) || STR(?claimant) = STR(?actor)
#:             || STRENDS(LCASE(STR(?name)), CONCAT(" ", LCASE(STR(?actor)))))
#:     ?claimant a ?claimantKind .
#:     FILTER (?claimantKind IN (kb:Actor, kb:Person, kb:Organization, kb:Group,
#:             kb:Location))
#:
#: An optional parameter's test may start ``COALESCE(STR(?actor), "") = "" ||``:
#: then, when it is not given, every named actor or place passes (and
#: :func:`for_store` tests their types and names alone) instead of none.
NAME_TEST = re.compile(
    r"\?(?P<entity>\w+)\s+rdfs:label\|schema:alternateName\s+\?(?P<name>\w+)\s*\.\s*"
    r"FILTER\s*\(\s*"
    r'(?P<anyone>COALESCE\(STR\(\?(?P<absent>\w+)\),\s*""\)\s*=\s*""\s*\|\|\s*)?'
    r"LCASE\(STR\(\?(?P=name)\)\)\s*=\s*LCASE\(STR\(\?(?P<param>\w+)\)\)"
    r"\s*\|\|\s*STR\(\?(?P=entity)\)\s*=\s*STR\(\?(?P=param)\)"
    r"(?P<last_words>\s*\|\|\s*STRENDS\(\s*LCASE\(STR\(\?(?P=name)\)\),\s*"
    r'CONCAT\(" ",\s*LCASE\(STR\(\?(?P=param)\)\)\)\s*\))?\s*\)'
    r"\s*\?(?P=entity)\s+a\s+\?(?P<kind>\w+)\s*\.\s*"
    r"FILTER\s*\(\s*\?(?P=kind)\s+IN\s*\(\s*"
    + r"\s*,\s*".join(f"kb:{str(c).rsplit('#', 1)[1]}" for c in ENTITY_CLASSES)
    + r"\s*\)\s*\)"
)


@dataclass(frozen=True)
class Param:
    """One documented parameter of a named query."""

    name: str
    kind: str  # "string", "date" or "iri"
    optional: bool = False
    repeat: int = 1
    doc: str = ""
    names: str = ""  # the variable of the entities a value names, if it names some
    articles: str = ""  # the variable of the articles a value names, if any

    def variables(self) -> tuple[str, ...]:
        """The query variables it fills: ``entity1..entityN`` when repeatable."""
        return self._numbered(self.name)

    def entity_variables(self) -> tuple[str, ...]:
        """The variables of the entities its values name, one per value variable
        (``e1..eN`` for ``names=e`` when repeatable); none when it names nothing."""
        return self._numbered(self.names) if self.names else ()

    def _numbered(self, name: str) -> tuple[str, ...]:
        if self.repeat == 1:
            return (name,)
        return tuple(f"{name}{i}" for i in range(1, self.repeat + 1))


@dataclass(frozen=True)
class NameTest:
    """Where a query's text tests names (:data:`NAME_TEST`): ``text[start:end]``
    finds the ``entity`` variable's entities named by the ``param`` variable."""

    param: str
    entity: str
    last_words: bool
    start: int
    end: int
    #: every named entity passes when ``param`` is not given (see :data:`NAME_TEST`)
    anyone_when_absent: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its name, description, parameters and text, and where the
    text tests names for its ``names=`` parameters."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    name_tests: tuple[NameTest, ...] = ()
    #: the key query (``NAME.keys.rq``), if there is one
    keys: KeyQuery | None = None

    def param_variables(self) -> frozenset[str]:
        return frozenset(v for p in self.params for v in p.variables())


@dataclass(frozen=True)
class KeyQuery:
    """A named query's key query (see the module's docstring)."""

    #: its text, with the named query's parameters and its own name tests
    query: NamedQuery
    #: the variables of its ``ORDER BY``, in order (it selects them all)
    order: tuple[str, ...]
    #: the keys: those of its variables that the named query selects too
    variables: tuple[str, ...]

    def unordered(self, text: str) -> str:
        """``text`` (the key query's, as prepared for a store) without its
        ``ORDER BY``, for a store that orders the keys itself."""
        found = list(_ORDER_BY.finditer(_COMMENT.sub(_blank, text)))
        assert found, "a key query has an ORDER BY"
        return text[: found[-1].start()]


def names() -> list[str]:
    """The names of the bundled queries, sorted.

    >>> "claims-by" in names()
    True
    """
    return sorted(
        f.name[: -len(".rq")]
        for f in resources.files(__name__).iterdir()
        if f.name.endswith(".rq") and not f.name.endswith(_KEYS)
    )


_KEYS = ".keys.rq"


@cache
def load(name: str) -> NamedQuery:
    """The named query ``name``.

    :raises UsageError: when there is no such query.
    """
    if name not in names():
        raise UsageError(
            f"no named query {name!r}; choose one of: {', '.join(names())}"
        )
    folder = resources.files(__name__)
    text = folder.joinpath(f"{name}.rq").read_text("utf-8")
    description, params = "", []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            continue
        if match[1] == "description":
            description = match[2].strip()
        else:
            params.append(_param(match[2].strip(), name))
    query = NamedQuery(
        name, description, tuple(params), text, _name_tests(name, text, params)
    )
    keys = folder.joinpath(f"{name}{_KEYS}")
    if keys.is_file():
        query = replace(query, keys=_key_query(query, keys.read_text("utf-8")))
    return query


def _key_query(query: NamedQuery, text: str) -> KeyQuery:
    """The key query of ``query`` (see the module's docstring), checked against it.

    :raises UsageError: when its order is not the start of the query's order, or
        is not by variables it selects, or its keys are not all in that order.
    """
    name, params = query.name, list(query.params)
    keys = NamedQuery(name, "", query.params, text, _name_tests(name, text, params))
    mine, theirs = order_by(text), order_by(query.text)
    if not mine or theirs[: len(mine)] != mine:
        raise UsageError(
            f"{name}{_KEYS}: its ORDER BY ({' '.join(mine)}) must be the start of "
            f"{name}.rq's ({' '.join(theirs)})"
        )
    selected = _selected(text)
    order = tuple(c[1:] for c in mine)
    if not all(c.startswith("?") and c[1:] in selected for c in mine):
        raise UsageError(f"{name}{_KEYS}: order by variables it selects, ascending")
    hidden = query.param_variables()
    variables = tuple(
        v for v in selected if v in _selected(query.text) and v not in hidden
    )
    if not variables or not set(variables) <= set(order):
        raise UsageError(
            f"{name}{_KEYS}: select keys that {name}.rq selects too, and order by them"
        )
    return KeyQuery(keys, order, variables)


def _name_tests(query: str, text: str, params: list[Param]) -> tuple[NameTest, ...]:
    """The name test of each ``names=`` parameter variable.

    :raises UsageError: when one is missing, when its ``?name`` variable is also used
        elsewhere, or when the query is not ``SELECT DISTINCT`` (an entity with two
        matching names gives two solutions to the test, one to a ``VALUES`` block):
        replacing the test would then change the rows.
    """
    found = {(m["param"], m["entity"]): m for m in NAME_TEST.finditer(text)}
    if any(p.names for p in params) and not re.search(
        r"\bSELECT\s+DISTINCT\b", text, flags=re.IGNORECASE
    ):
        raise UsageError(f"{query}.rq: a query with names= must be SELECT DISTINCT")
    tests = []
    for param in params:
        for variable, entity in zip(
            param.variables(), param.entity_variables(), strict=False
        ):
            match = found.get((variable, entity))
            if match is None:
                raise UsageError(
                    f"{query}.rq: --param {param.name} names ?{entity}, but the "
                    f"query has no name test of ?{entity} by ?{variable}"
                )
            if match["anyone"] and match["absent"] != variable:
                raise UsageError(
                    f"{query}.rq: the name test of ?{entity} starts with a test of "
                    f"?{match['absent']}, not of ?{variable}"
                )
            for own in (match["name"], match["kind"]):
                uses = re.compile(rf"\?{own}\b")
                if len(uses.findall(text)) != len(uses.findall(match[0])):
                    raise UsageError(
                        f"{query}.rq: ?{own} is used outside the name test"
                    )
            tests.append(
                NameTest(
                    variable,
                    entity,
                    bool(match["last_words"]),
                    match.start(),
                    match.end(),
                    bool(match["anyone"]),
                )
            )
    return tuple(tests)


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
        match["names"] or "",
        match["articles"] or "",
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


#: An IRI as text (no spaces, quotes or angle brackets), after its scheme or prefix.
_IRI_REST = re.compile(r"^[^\s<>\"{}|\\^`]+$")
#: Prefixes a parameter's IRI may be written with: the query's own, and ``id:`` for
#: the default instance base, as tables show IRIs (kb.store.results).
_PARAM_PREFIXES = PREDECLARED | {"id": DEFAULT_BASE}


def expand_iri(value: str) -> str:
    """An IRI written as tables and Turtle show it, ``<http://…>`` or
    ``id:person/x`` (a known prefix), as the IRI itself; other values as they are.

    >>> expand_iri("<https://example.org/a>"), expand_iri("id:person/x")
    ('https://example.org/a', 'https://w3id.org/newskb/id/person/x')
    >>> expand_iri("Maria Lopez"), expand_iri("re: the vote")
    ('Maria Lopez', 're: the vote')
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">") and _IRI_REST.match(text[1:-1]):
        return text[1:-1]
    prefix, sep, rest = text.partition(":")
    if sep and prefix in _PARAM_PREFIXES and _IRI_REST.match(rest):
        return _PARAM_PREFIXES[prefix] + rest
    return value


def _term(param: Param, value: str, query: str) -> Node:
    if param.kind != "date":
        value = expand_iri(value)
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


class Lookup(Protocol):
    """What :func:`for_store` asks a store (:class:`kb.store.embedded.Store` answers): the
    entities a name stands for and the articles an IRI or URL stands for, or
    ``None`` when it cannot tell (then the query tests them itself)."""

    def entities_named(
        self, name: str, *, last_words: bool = True
    ) -> Sequence[URIRef] | None: ...

    def articles_at(self, iri_or_url: str) -> Sequence[URIRef] | None: ...

    def places_within(
        self, areas: Sequence[URIRef], name: str
    ) -> Mapping[URIRef, Sequence[URIRef]]: ...


def for_store(query: NamedQuery, bindings: Mapping[str, Node], lookup: Lookup) -> str:
    """The query text for a store that can look names up (:class:`Lookup`), so the
    query starts from the few entities a name stands for instead of testing every
    name in the store. The rows are the same as the text's.

    Each name test (:data:`NAME_TEST`) becomes a ``VALUES`` block of the entities
    ``lookup`` finds, which are exactly those the test accepts (none, for a
    parameter not given). Each ``articles=`` parameter adds a ``VALUES`` block of candidate
    articles at the start, and the query's own test of them stays.

    >>> class Index:
    ...     def entities_named(self, name, *, last_words=True):
    ...         return [URIRef("http://example.org/okafor")]
    ...     def articles_at(self, iri_or_url):
    ...         return None
    ...     def places_within(self, areas, name):
    ...         return {}
    >>> text = for_store(load("claims-by"), {"actor": Literal("Okafor")}, Index())
    >>> "VALUES ?claimant { <http://example.org/okafor> }" in text
    True
    >>> "LCASE" in text
    False
    """
    text = query.text
    widen = {m[1] for m in _WITHIN_HINT.finditer(text)}
    areas: dict[str, _Areas] = {}
    for test in sorted(query.name_tests, key=lambda t: t.start, reverse=True):
        value = bindings.get(test.param)
        if value is None and test.anyone_when_absent:
            text = text[: test.start] + _anyone(test.entity) + text[test.end :]
            continue
        # a parameter not given names nothing: the test fails on an unbound value
        found = (
            []
            if value is None
            else lookup.entities_named(str(value), last_words=test.last_words)
        )
        if found is not None and value is not None and test.entity in widen:
            inner = lookup.places_within(found, str(value))
            # a country no article named is still the area its towns are in
            found = sorted({*found, *inner})
            areas[test.entity] = _Areas(found, inner)
        if found is not None:
            text = text[: test.start] + _values(test.entity, found) + text[test.end :]
    text = _within(text, areas)
    blocks = []
    for param in query.params:
        value = bindings.get(param.name)
        if param.articles and value is not None:
            found = lookup.articles_at(str(value))
            if found is not None:
                blocks.append(f" {_values(param.articles, found)}\n")
    return _LATERAL_HINT.sub(r"\1LATERAL", _at_where(text, "".join(blocks)))


#: A line ``#WITHIN ?VAR`` before a group or a line (see the module's docstring).
_WITHIN_HINT = re.compile(r"^[ \t]*#WITHIN[ \t]+\?(\w+)[ \t]*\n[ \t]*", re.MULTILINE)
#: What the places inside ``?VAR`` are called in its group's copy: ``?VAR_inside``.
_INSIDE = "_inside"


@dataclass(frozen=True)
class _Areas:
    """The entities a name test found, and the places the gazetteer puts inside
    them (:meth:`Lookup.places_within`)."""

    found: Sequence[URIRef]
    inner: Mapping[URIRef, Sequence[URIRef]]


def _within(text: str, areas: Mapping[str, _Areas]) -> str:
    """``text`` with each group or line marked ``#WITHIN ?VAR`` also run for the
    places inside ``?VAR``'s entities, as ``{ { VALUES ?VAR {…} G } UNION { VALUES
    (?VAR ?VAR_inside) {…} G' } }``: ``G'`` is the marked part with ``?VAR`` as
    ``?VAR_inside``, bound in pairs with ``?VAR``. Each branch binds its own
    variables first, as oxigraph evaluates a group apart from what comes before
    it (a path from an unbound ``?VAR`` would read every node). The marked part
    must give the same rows for an inner place as for ``?VAR`` (it selects
    neither), so that a place reached both ways (an article linked it too) gives
    its rows once under ``SELECT DISTINCT``."""
    for hint in reversed(list(_WITHIN_HINT.finditer(text))):
        variable = hint[1]
        found = areas.get(variable)
        pairs = " ".join(
            f"({area.n3()} {place.n3()})"
            for area, places in sorted(found.inner.items() if found else ())
            for place in places
        )
        if found is None or not pairs:
            continue
        part = _marked(text, hint)
        start, end = hint.end(), hint.end() + len(part)
        inside = f"?{variable}{_INSIDE}"
        copy = re.sub(rf"\?{variable}\b", inside, part)
        own = _values(variable, found.found)
        block = f"VALUES (?{variable} {inside}) {{ {pairs} }}"
        text = (
            f"{text[:start]}{{ {{ {own} {part} }} UNION {{ {block} {copy} }} }}"
            f"{text[end:]}"
        )
    return text


def within_only(text: str, variable: str) -> bool:
    """Whether ``text`` uses ``?variable`` only in its name test and in the parts
    marked ``#WITHIN ?variable``: its rows for a place's inner places are then
    its rows for those places themselves.

    >>> within_only(load("events-at").keys.query.text, "area")
    True
    >>> within_only(load("timeline").keys.query.text, "node")
    False
    """
    uses = re.compile(rf"\?{variable}\b")
    code = NAME_TEST.sub("", text)
    marked = sum(
        len(uses.findall(_marked(code, hint)))
        for hint in _WITHIN_HINT.finditer(code)
        if hint[1] == variable
    )
    return len(uses.findall(_COMMENT.sub("", code))) == marked


def _marked(text: str, hint: re.Match[str]) -> str:
    """The group or line a ``#WITHIN`` hint marks."""
    start = hint.end()
    if text.startswith("{", start):
        return text[start : _closing_brace(text, start + 1) + 1]
    return text[start : text.index("\n", start)]


#: A line that is only ``#LATERAL`` (see the module's docstring).
_LATERAL_HINT = re.compile(r"^([ \t]*)#LATERAL[ \t]*$", flags=re.MULTILINE)


def _anyone(variable: str) -> str:
    # the actors and places that have a name, each once: those the test passes
    # when its parameter is not given (once per name and type, which SELECT
    # DISTINCT makes the same rows)
    kinds = " ".join(f"<{c}>" for c in ENTITY_CLASSES)
    return (
        f"{{ SELECT DISTINCT ?{variable} WHERE {{ VALUES ?kind {{ {kinds} }} "
        f"?{variable} a ?kind ; <{RDFS.label}>|<{SCHEMA.alternateName}> ?name }} }}"
    )


def _values(variable: str, iris: Sequence[URIRef]) -> str:
    # IRIs that oxigraph accepted, written by rdflib: terms, never query text
    return f"VALUES ?{variable} {{ {' '.join(iri.n3() for iri in iris)} }}"


def _at_where(text: str, block: str) -> str:
    """``block`` inserted at the start of the query's ``WHERE`` group."""
    if not block:
        return text
    match = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if not match:
        raise UsageError("the query has no WHERE { ... } to bind parameters in")
    return text[: match.end()] + block + text[match.end() :]


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
    names_ = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return _at_where(text, f" VALUES ({names_}) {{ ({terms}) }}\n")


def restrict(text: str, variables: Sequence[str], keys: Sequence[Key]) -> str:
    """The query with a ``VALUES`` block of ``keys`` (rows of the ``variables``'
    terms as SPARQL text; ``None`` is ``UNDEF``): its rows for those keys only.

    The block goes on the line ``#KEYS`` if the query has one (which must be in its
    outer group, before anything that uses the keys' variables but the group that
    binds them); otherwise it starts the ``WHERE`` group, and the rest of the group
    follows it as a ``LATERAL`` group, which oxigraph evaluates for each key
    with its terms in place, so that it reads only those keys' rows (joined to the
    block, it may read the whole answer's first). The rows are the same for keys
    that the query's rows have (as a key query gives them).

    >>> print(restrict("SELECT ?x WHERE { ?x ?p ?o }", ["x"], [("<http://a/>",)]))
    SELECT ?x WHERE { VALUES (?x) { (<http://a/>) }
     LATERAL {  ?x ?p ?o }}
    """
    rows = " ".join(
        "(" + " ".join("UNDEF" if t is None else t for t in key) + ")" for key in keys
    )
    block = f"VALUES ({' '.join(f'?{v}' for v in variables)}) {{ {rows} }}"
    marked = _KEYS_HERE.search(text)
    if marked:
        return text[: marked.start(2)] + block + text[marked.end(2) :]
    where = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if not where:
        raise UsageError("the query has no WHERE { ... } to restrict")
    end = _closing_brace(text, where.end())
    body = text[where.end() : end]
    return f"{text[: where.end()]} {block}\n LATERAL {{ {body}}}{text[end:]}"


def _closing_brace(text: str, start: int) -> int:
    """Where the group opened just before ``start`` closes (strings, IRIs and
    comments skipped)."""
    depth = 1
    for token in _BRACES.finditer(text, start):
        if token[0] == "{":
            depth += 1
        elif token[0] == "}":
            depth -= 1
            if depth == 0:
                return token.start()
    raise UsageError("the query's WHERE group does not close")


#: Strings, IRIs and comments (whose braces do not count), and braces.
_BRACES = re.compile(r'"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}]')
#: A line that is only ``#KEYS`` (see :func:`restrict`).
_KEYS_HERE = re.compile(r"^([ \t]*)(#KEYS)[ \t]*$", flags=re.MULTILINE)


#: A comment to the end of its line (no named query has a ``#`` in a string or IRI
#: but in its comments).
_COMMENT = re.compile(r"#[^\n]*")


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    """A comment as spaces: positions in the text stay where they were."""
    return " " * len(match[0])


def order_by(text: str) -> list[str]:
    """The conditions of a query's (last) ``ORDER BY``, each without spaces.

    >>> order_by("SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(?n) STR( ?d ) ?s LIMIT 3")
    ['DESC(?n)', 'STR(?d)', '?s']
    """
    code = _COMMENT.sub("", text)
    found = list(_ORDER_BY.finditer(code))
    if not found:
        return []
    rest = re.split(r"\b(?:LIMIT|OFFSET)\b", code[found[-1].end() :], flags=re.I)[0]
    conditions, depth, current = [], 0, ""
    for char in rest:
        if char.isspace():
            if depth == 0 and current:
                conditions.append(current)
                current = ""
            continue
        depth += (char == "(") - (char == ")")
        if depth == 0 and char == "?" and current and not current.endswith("("):
            conditions.append(current)
            current = ""
        current += char
    return [*conditions, current] if current else conditions


def _selected(text: str) -> list[str]:
    """The variables the query's first ``SELECT`` projects (``(… AS ?v)`` gives ``v``)."""
    code = _COMMENT.sub("", text)
    match = re.search(r"\bSELECT\b(.*?)(?<![?$])\bWHERE\b", code, flags=re.I | re.S)
    if not match:
        return []
    projection = re.sub(r"\(.*?\bAS\s+(\?\w+)\s*\)", r"\1", match[1], flags=re.I | re.S)
    return re.findall(r"\?(\w+)", projection)
