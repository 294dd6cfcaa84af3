"""Deterministic IRI minting: the same input and version always give the same IRIs.

Shared entities (actors, locations) are minted from their key alone, so the same person
or place gets one IRI in every article; everything else hangs off its article's IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from rdflib import URIRef

from kb.defaults import DEFAULT_BASE
from kb.errors import UsageError
from kb.models import LOCAL_KEY, Article

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def check_base(base: str) -> str:
    """Return ``base`` if it is an absolute http(s) IRI ending in ``/`` or ``#``.

    >>> check_base("https://example.org/kb/")
    'https://example.org/kb/'

    :raises UsageError: for anything else.
    """
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            f"--base {base!r} is not an absolute http(s) IRI; give one like "
            "https://example.org/id/ (where the IRIs will be served)"
        )
    if not base.endswith(("/", "#")) or any(c in base for c in ' <>"{}|\\^`'):
        raise UsageError(f"--base {base!r} must end with '/' or '#' and hold no spaces")
    return base


def slug(text: str, max_len: int = 60) -> str:
    """A lower-case ASCII slug for an IRI path segment; never empty.

    >>> slug("Tomás Carvalho")
    'tomas-carvalho'
    >>> slug("<http://x> a <y> .")
    'http-x-a-y'
    """
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    out = _SLUG_DROP.sub("-", ascii_text).strip("-")[:max_len].strip("-")
    return out or "h-" + digest(text, 12)


def digest(text: str, length: int = 16) -> str:
    """A short stable hex digest of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def article_iri(article: Article, base: str = DEFAULT_BASE) -> URIRef:
    """From the article's URL when it has one, else from a hash of its text."""
    if article.url:
        return URIRef(f"{base}article/u-{digest(article.url)}")
    return URIRef(f"{base}article/t-{digest(article.text)}")


def entity_iri(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """From an entity key such as ``geonames:2643743`` or ``person:tomas carvalho``.

    >>> str(entity_iri("person:Tomás Carvalho"))
    'https://w3id.org/newskb/id/person/tomas-carvalho'
    >>> str(entity_iri("geonames:2643743"))
    'https://w3id.org/newskb/id/place/geonames-2643743'
    """
    scheme, _, name = key.partition(":")
    if scheme in ("geonames", "iso3166"):
        return URIRef(f"{base}place/{scheme}-{slug(name)}")
    return URIRef(f"{base}{slug(scheme)}/{slug(name)}")


def entity_iri_in(article: URIRef, key: str, base: str = DEFAULT_BASE) -> URIRef:
    """An entity's IRI as :func:`entity_iri` mints it, except for a description that
    names no one in particular ("officials", "the health ministry": key
    ``local:group:officials``), whose IRI is its article's, since two articles'
    "officials" are not the same people.

    >>> a = URIRef("https://w3id.org/newskb/id/article/x")
    >>> str(entity_iri_in(a, "local:group:port officials"))
    'https://w3id.org/newskb/id/article/x/group/port-officials'
    """
    if not key.startswith(LOCAL_KEY):
        return entity_iri(key, base)
    kind, _, name = key.removeprefix(LOCAL_KEY).partition(":")
    return URIRef(f"{article}/{slug(kind)}/{slug(name)}")


def local_iri(article: URIRef, kind: str, start: int, end: int) -> URIRef:
    """An IRI for a node that belongs to one article, from its position in the text."""
    return URIRef(f"{article}/{kind}/{start}-{end}")
