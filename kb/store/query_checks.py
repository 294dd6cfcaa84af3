"""What to tell the author of a SPARQL query: why it does not parse, in words rather
than the parser's character classes, and which ``kb:`` terms it names that the
vocabulary does not define (a typo there is no error, just an empty answer)."""

from __future__ import annotations

import difflib
import re

from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, DefinedNamespace

from kb.rdf.namespaces import KB, SCHEMA, SEM

__all__ = ["parse_error_message", "unknown_terms"]

#: Strings, IRIs and comments, which may hold braces and words of any kind (and no
#: word there is a keyword).
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
#: The first word after the prologue (PREFIX and BASE lines) and comments.
_FIRST_WORD = re.compile(
    r"(?is)^(?:\s|#[^\n]*(?:\n|$)|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(\S{0,30})"
)
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
#: What follows a word's letters: ``*{`` in ``SELECT*{``.
_NOT_LETTERS = re.compile(r"[^A-Za-z].*", re.DOTALL)
#: oxigraph's message: where, and what its grammar expected there.
_OXIGRAPH = re.compile(r"(?s)^error at (\d+):(\d+): expected (?:one of )?(.*)$")
#: One item of oxigraph's list: a quoted token, a character class, or a word.
_EXPECTED = re.compile(
    r'"(?:[^"\\]|\\.)*"'
    r"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]"
    r"|Prefix not found"
    r"|[^,\s]+"
)


def parse_error_message(sparql: str, error: str) -> str:
    """Why ``sparql`` does not parse, for a person: a query form it lacks, where
    oxigraph stopped and the tokens it expected there (not its character classes),
    and a bracket or string left open.

    :param error: oxigraph's ``SyntaxError`` text.

    >>> parse_error_message("SELEC ?s WHERE { ?s ?p ?o }", "error at 1:10: expected CONSTRUCT")
    "the query does not parse: it starts with 'SELEC'; a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after its PREFIX and BASE lines)"
    >>> parse_error_message("SELECT * { ?s ?p ?o", "error at 1:20: expected one of \\"}\\", ['.'], [_]")
    'the query does not parse: at line 1, column 20, expected "}"; a \\'{\\' is never closed'
    """
    word = _FIRST_WORD.match(sparql)
    first = word[1] if word else ""
    if not first:
        return "the query is empty; write SELECT, ASK, CONSTRUCT or DESCRIBE …"
    if _NOT_LETTERS.sub("", first).upper() not in _FORMS:
        return (
            f"the query does not parse: it starts with {first!r}; a query starts "
            "with SELECT, ASK, CONSTRUCT or DESCRIBE (after its PREFIX and BASE lines)"
        )
    return "the query does not parse: " + "; ".join(
        [_where(error), *_left_open(sparql)]
    )


def _where(error: str) -> str:
    """oxigraph's position and expected tokens, without its character classes."""
    match = _OXIGRAPH.match(error.strip())
    if match is None:
        return error
    line, column, expected = match.groups()
    tokens = [
        token
        for token in _EXPECTED.findall(expected)
        if not token.startswith("[") and token != "Prefix not found"
    ]
    place = f"at line {line}, column {column}"
    if not tokens:
        return place
    what = tokens[0] if len(tokens) == 1 else "one of " + ", ".join(tokens)
    return f"{place}, expected {what}"


def _left_open(sparql: str) -> list[str]:
    """A string, brace or parenthesis that the query opens and never closes."""
    text = _OPAQUE.sub(" ", sparql)
    problems = []
    if '"' in text or "'" in text:
        problems.append("a string is never closed")
    for opening, closing in ("{}", "()"):
        if text.count(opening) > text.count(closing):
            problems.append(f"a '{opening}' is never closed")
    return problems


#: ``kb:Name`` as a prefixed name (not inside a longer name or a variable).
_KB_NAME = re.compile(r"(?<![\w?$:.\-])kb:([A-Za-z_][\w\-]*)")
_KB_DECLARED = re.compile(r"(?i)\bPREFIX\s+kb:\s*<([^>]*)>")
#: Other predeclared vocabularies, in the order a term is looked for in them:
#: ``kb:label`` is ``rdfs:label``, not the nearest kb: spelling.
_ELSEWHERE: dict[str, type[DefinedNamespace]] = {
    "rdfs": RDFS,
    "schema": SCHEMA,
    "skos": SKOS,
    "prov": PROV,
    "sem": SEM,
    "dcterms": DCTERMS,
    "owl": OWL,
}


def unknown_terms(sparql: str) -> list[str]:
    """A note for each ``kb:`` term ``sparql`` names that the newskb vocabulary does
    not define, with the nearest term that it does; such a term matches nothing.
    A query that binds ``kb:`` to another namespace is left alone.

    >>> unknown_terms("SELECT ?p WHERE { ?p a kb:Persn ; kb:role ?r }")
    ['kb:Persn is not a term of the newskb vocabulary (ontology/kb.ttl), so it matches nothing: did you mean kb:Person?']
    >>> unknown_terms("PREFIX kb: <http://example.org/> SELECT * { ?p a kb:Persn }")
    []
    """
    declared = _KB_DECLARED.search(sparql)
    if declared and declared[1] != str(KB._NS):
        return []
    terms = [name for name in KB.__annotations__ if not name.startswith("_")]
    used = dict.fromkeys(_KB_NAME.findall(_OPAQUE.sub(" ", sparql)))
    return [_unknown(name, terms) for name in used if name not in terms]


def _unknown(name: str, terms: list[str]) -> str:
    near = [f"{p}:{name}" for p, ns in _ELSEWHERE.items() if name in ns.__annotations__]
    same_case = [t for t in terms if t.lower() == name.lower()]
    near = near or [
        f"kb:{t}"
        for t in same_case or difflib.get_close_matches(name, terms, n=1, cutoff=0.6)
    ]
    hint = f": did you mean {' or '.join(near)}?" if near else ""
    return (
        f"kb:{name} is not a term of the newskb vocabulary (ontology/kb.ttl), so it "
        f"matches nothing{hint}"
    )
