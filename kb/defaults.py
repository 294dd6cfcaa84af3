"""Defaults and choices that ``kb --help`` shows before any stage loads: plain
values with no imports, so that the command line can name them cheaply. Each stage
re-exports its own (``kb.rdf.iris.DEFAULT_BASE``, ...)."""

from __future__ import annotations

from typing import Literal

__all__ = [
    "AUDIT_ONE_IN",
    "AUTO_BULK_ARTICLES",
    "DEFAULT_BASE",
    "DEFAULT_PAGE",
    "DEFAULT_STORE",
    "FILTER_DEFAULT",
    "FORMATS",
    "GRAPH_FORMATS",
    "RDF_XML",
    "REPORT_FORMAT",
    "RESULT_FORMATS",
    "STORE_ENV",
    "VALIDATE_MODES",
    "ValidateMode",
]

#: The base of minted instance IRIs (:mod:`kb.rdf.iris`).
DEFAULT_BASE = "https://w3id.org/newskb/id/"

#: ``fast``: the compiled checks decide, SHACL audits a sample and every rejection;
#: ``full``: SHACL decides every article (rudof, then pySHACL on a violation).
ValidateMode = Literal["fast", "full"]
VALIDATE_MODES: tuple[ValidateMode, ...] = ("fast", "full")
#: ``fast`` mode has SHACL re-check 1 article in this many that the compiled checks
#: pass: those whose IRI's SHA-256 falls in the lowest 1/16 (its hex starts with "0").
AUDIT_ONE_IN = 16

#: Whether ``kb export`` runs the learned candidate filter
#: (:mod:`kb.extract.candidate_filter`) unless told: off, since on held-out sets it
#: did not beat the rules alone (README, "A learned filter").
FILTER_DEFAULT = False

#: Output formats and their file extensions.
FORMATS = {
    "ttl": ".ttl",
    "jsonld": ".jsonld",
    "nt": ".nt",
    "nq": ".nq",
    "trig": ".trig",
}
#: RDF/XML, which :func:`kb.rdf.writers.serialize` writes beside :data:`FORMATS` for
#: answers of ``kb query`` and ``kb serve``: linked-data clients ask for it by
#: default (rdflib's ``SPARQLStore``, SPARQLWrapper), and it is no export format.
RDF_XML = "rdfxml"
#: The one-page HTML report that ``kb export --format html`` writes.
REPORT_FORMAT = "html"

#: The environment variable that names the store when ``--store`` is not given.
STORE_ENV = "KB_STORE"
#: The store used when neither ``--store`` nor ``$KB_STORE`` is given.
DEFAULT_STORE = "kb-store"
#: ``kb add`` loads through the bulk loader unless told not to when it builds a
#: store (:meth:`kb.store.embedded.Store.suits_bulk`): a store that holds no
#: article yet, given at least this many. A load this large is about a million
#: triples (of the bench's articles) or more, where the loader wrote 1.4 to 2.5
#: times as many triples a second as transactions in runs side by side, and no
#: reader relies on a store that is still being built.
AUTO_BULK_ARTICLES = 500
#: The rows of a named query's answer that ``kb query`` shows unless asked for
#: others (``--limit``, ``--offset``) or for all of them (``--all``).
DEFAULT_PAGE = 100

#: Formats for SELECT and ASK answers.
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
#: Formats for CONSTRUCT and DESCRIBE answers.
GRAPH_FORMATS = ("ttl", "jsonld", "nt", RDF_XML)
