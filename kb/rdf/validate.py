"""Validate RDF against the newskb SHACL shapes and return a typed, readable report.

An article from the pipeline (:func:`validate_article`) is first checked by our shapes
compiled to plain Python (:mod:`kb.rdf.shape_checks`, a few milliseconds), with SHACL
auditing a fixed sample of the articles they pass and reporting every article they
reject; SHACL's verdict wins any disagreement.

Two SHACL engines. rudof (:mod:`kb.rdf.fast_check`), a SHACL engine in Rust, decides first
in a few milliseconds whether an article conforms, where pySHACL takes hundreds.
pySHACL (:mod:`kb.rdf.pyshacl_report`) stays the engine of record: it runs whenever
the fast path finds a violation or fails, and its report (readable, with every
result; :mod:`kb.rdf.validation_report`) is the one returned; ``kb validate`` uses
pySHACL alone, on files read by :mod:`kb.rdf.rdf_files`.
tests/test_validate_speed_equivalence.py checks that the two agree.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from rdflib import Graph, Literal

from kb.defaults import AUDIT_ONE_IN, VALIDATE_MODES, ValidateMode
from kb.errors import InputError, KbError, UsageError, ValidationFailed
from kb.models import ArticleGraph
from kb.rdf.fast_check import _fast_conforms, _rudof_conforms, _rudof_says
from kb.rdf.pyshacl_report import _pyshacl_report, _QueryCachingGraph, _union
from kb.rdf.rdf_files import load_rdf_file, rdf_paths
from kb.rdf.shape_checks import compiled_verdict
from kb.rdf.validation_report import ValidationReport

__all__ = [
    "AUDIT_ONE_IN",
    "VALIDATE_MODES",
    "ValidateMode",
    "audited",
    "check_validate_mode",
    "validate_article",
    "validate_each",
    "validate_files",
    "validate_graph",
    "validate_ntriples",
]


def validate_graph(graph: Graph, *, fast: bool = True) -> ValidationReport:
    """Validate ``graph`` against the newskb shapes.

    No inference is run: the data must state its types (the contract requires it).
    The graph is copied, never changed. A :class:`rdflib.Dataset` is validated as the
    union of its graphs.

    :param graph: the data, typically one article's graph of a few hundred triples.
    :param fast: let rudof decide first; pySHACL then runs only if rudof finds a
        violation (or cannot read the data), and its report is returned. ``False``
        runs pySHACL alone. The verdict is the same either way.
    :returns: the report; call :meth:`ValidationReport.raise_for_results` to turn a
        failure into an exception.

    >>> validate_graph(Graph()).conforms
    True
    """
    if fast and _rudof_conforms(graph):
        # Our shapes set no sh:severity, so a conforming pySHACL report is empty too.
        return ValidationReport(conforms=True)
    return _pyshacl_report(_union(graph))


def validate_ntriples(ntriples: str) -> ValidationReport:
    """:func:`validate_graph` for one article's N-Triples text (the pipeline's form):
    the fast path reads the text as it is, and only a failing graph is parsed by rdflib
    for pySHACL's report."""
    if _fast_conforms(ntriples):
        return ValidationReport(conforms=True)
    return _pyshacl_report(_QueryCachingGraph().parse(data=ntriples, format="nt"))


def validate_files(
    paths: Iterable[str | os.PathLike[str]],
) -> dict[Path, ValidationReport]:
    """Read and validate each file; return the reports in the order given.

    :param paths: RDF files, in any syntax that :func:`load_rdf_file` reads.
    :raises InputError: for the first file that cannot be read or parsed.
    """
    reports = {}
    for path, outcome in validate_each(paths):
        if isinstance(outcome, KbError):
            raise outcome
        reports[path] = outcome
    return reports


def validate_each(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, ValidationReport | InputError | ValidationFailed]]:
    """Read and validate each file in turn, yielding its report, or the error that
    stopped it (a file that cannot be read, or pySHACL's crash), so that one bad
    file does not cost the others their verdicts.

    :param paths: RDF files, in any syntax that :func:`load_rdf_file` reads, and
        folders of them (:func:`rdf_paths`); a folder with none is an error.
    """
    for given in map(Path, paths):
        try:
            files = list(rdf_paths([given]))
        except InputError as exc:
            yield given, exc
            continue
        # pySHACL alone: ``kb validate`` is the check of record, and reads any data.
        for path in files:
            try:
                yield path, _validate_file(path)
            except (InputError, ValidationFailed) as exc:
                yield path, exc


def _validate_file(path: Path) -> ValidationReport:
    """pySHACL's report on the file; if pySHACL itself crashes on the data (it can, on
    hand-made graphs: deep recursion, decimal arithmetic, blank nodes where it wants
    literals), rudof's verdict decides and the error says what happened.

    :raises ValidationFailed: when pySHACL crashed and rudof rejects the data.
    :raises InputError: when pySHACL crashed and rudof accepts it.
    """
    graph = load_rdf_file(path)
    try:
        return validate_graph(graph, fast=False)
    except Exception as exc:  # noqa: BLE001 - any crash inside pySHACL or rdflib
        crash = f"pySHACL failed on this data ({type(exc).__name__}: {exc})"
        wrong = ill_typed_literals(graph)
        if wrong:
            raise ValidationFailed(
                f"{path}: does not conform: {'; '.join(wrong)} (and since {crash}, "
                "there is no detailed report)"
            ) from exc
        if _rudof_says(
            _union(graph).serialize(format="nt"), without_anchor_check=False
        ):
            raise InputError(
                f"{path}: {crash}; rudof finds that it conforms. Please report this "
                "file as a bug.",
                origin=str(path),
            ) from exc
        raise ValidationFailed(
            f"{path}: does not conform (rudof's verdict; {crash}, so there is no "
            "detailed report)"
        ) from exc


def ill_typed_literals(graph: Graph, most: int = 5) -> list[str]:
    """The first ``most`` triples whose literal is not a value of its datatype
    ("abc" as an xsd:integer), as Turtle-like lines that a reader can search for.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:x:m"), URIRef("urn:x:start"), Literal("abc", datatype=XSD.integer)))
    >>> ill_typed_literals(g)
    ['<urn:x:m> <urn:x:start> "abc" is not a valid xsd:integer']
    """
    found = []
    for s, p, o in graph:
        if isinstance(o, Literal) and o.ill_typed and o.datatype is not None:
            kind = graph.namespace_manager.normalizeUri(o.datatype)
            where = f"{s.n3(graph.namespace_manager)} {p.n3(graph.namespace_manager)}"
            found.append(f'{where} "{o}" is not a valid {kind}')
    return sorted(found)[:most]


def check_validate_mode(mode: str) -> ValidateMode:
    """``mode`` if it is one of :data:`VALIDATE_MODES`.

    :raises UsageError: for any other value.
    """
    for known in VALIDATE_MODES:
        if mode == known:
            return known
    raise UsageError(
        f"validation mode {mode!r} is not one of {', '.join(VALIDATE_MODES)}"
    )


def audited(iri: str) -> bool:
    """Does SHACL re-check this article in ``fast`` mode, whatever the compiled
    checks say? 1 in :data:`AUDIT_ONE_IN`, chosen by the IRI alone, so the same
    articles are audited in every run, with any number of ``--jobs`` or workers.

    >>> audited("https://w3id.org/newskb/id/article/u-0")
    False
    """
    top = int.from_bytes(hashlib.sha256(iri.encode("utf-8")).digest()[:4], "big")
    return top < 2**32 // AUDIT_ONE_IN


def validate_article(
    graph: ArticleGraph, mode: ValidateMode = "fast"
) -> ValidationReport:
    """Validate one article's graph as ``kb export`` and ``kb add`` do.

    ``full``: :func:`validate_ntriples`. ``fast``: the compiled checks decide; an
    article they pass is re-checked by SHACL when :func:`audited`, one they reject
    always (pySHACL writes its report), one they cannot judge goes to SHACL alone.
    Where SHACL disagrees, its verdict stands and the report carries a
    ``warning`` asking for a bug report.
    """
    if mode == "full":
        return validate_ntriples(graph.ntriples)
    verdict = compiled_verdict(graph.ntriples)
    if verdict is None:
        return validate_ntriples(graph.ntriples)
    if verdict:
        if not audited(graph.iri):
            return ValidationReport(conforms=True)
        report = validate_ntriples(graph.ntriples)
    else:
        report = _pyshacl_report(
            _QueryCachingGraph().parse(data=graph.ntriples, format="nt")
        )
    if report.conforms == verdict:
        return report
    return replace(report, warning=_disagreement(graph.iri, verdict))


def _disagreement(iri: str, compiled: bool) -> str:
    said, shacl = ("conforms", "does not") if compiled else ("does not conform", "does")
    return (
        f"warning: {iri}: the compiled shape checks say it {said} but SHACL says it "
        f"{shacl}; SHACL's verdict stands. This is a bug in newskb: please report "
        "it with this article (--validate full avoids the compiled checks)."
    )
