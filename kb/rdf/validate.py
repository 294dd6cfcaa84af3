"""Validate RDF against the newskb SHACL shapes and return a typed, readable report.

Two engines. rudof (:mod:`kb.rdf.fast_check`), a SHACL engine in Rust, decides first
in a few milliseconds whether an article conforms, where pySHACL takes hundreds.
pySHACL (:mod:`kb.rdf.pyshacl_report`) stays the engine of record: it runs whenever
the fast path finds a violation or fails, and its report (readable, with every
result; :mod:`kb.rdf.validation_report`) is the one returned; ``kb validate`` uses
pySHACL alone, on files read by :mod:`kb.rdf.rdf_files`.
tests/test_validate_speed_equivalence.py checks that the two agree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kb.errors import InputError, ValidationFailed
from kb.rdf.fast_check import _fast_conforms, _rudof_conforms, _rudof_says
from kb.rdf.pyshacl_report import _pyshacl_report, _QueryCachingGraph, _union
from kb.rdf.rdf_files import load_rdf_file
from kb.rdf.validation_report import ValidationReport

__all__ = ["validate_files", "validate_graph", "validate_ntriples"]


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
    # pySHACL alone: ``kb validate`` is the check of record, and reads any data.
    return {Path(path): _validate_file(Path(path)) for path in paths}


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
