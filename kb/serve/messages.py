"""What the web process and a store worker say to each other: one request, one reply,
each a pickled dataclass behind an 8-byte length, over the worker's stdin and stdout."""

from __future__ import annotations

import pickle
import struct
from dataclasses import dataclass, field
from typing import IO

__all__ = [
    "ArticleItem",
    "DescribeRequest",
    "IndexRequest",
    "PageRequest",
    "Reply",
    "Request",
    "SparqlRequest",
    "read_message",
    "write_message",
]

_LENGTH = struct.Struct(">Q")


@dataclass(frozen=True)
class SparqlRequest:
    """A SPARQL query and the formats the client accepts for each kind of answer;
    ``None`` means that kind is not acceptable (406)."""

    query: str
    select_format: str | None
    graph_format: str | None
    limit: int


@dataclass(frozen=True)
class DescribeRequest:
    """The description of one resource as RDF (``ttl``, ``jsonld`` or ``nt``)."""

    iri: str
    fmt: str
    limit: int


@dataclass(frozen=True)
class PageRequest:
    """The data of one resource's HTML page."""

    iri: str
    limit: int


@dataclass(frozen=True)
class IndexRequest:
    """The articles for the index page, newest first."""

    limit: int


Request = SparqlRequest | DescribeRequest | PageRequest | IndexRequest


@dataclass(frozen=True)
class ArticleItem:
    """One article in the index; ``headline`` is its title as shown (the first
    words of its text when it has no headline)."""

    iri: str
    headline: str
    published: str


@dataclass(frozen=True)
class Reply:
    """A worker's answer. ``status`` is the HTTP status it means; ``message`` says why
    when it is not 200. ``data`` carries page data (see :mod:`kb.serve.describe`)."""

    status: int = 200
    message: str = ""
    body: bytes = b""
    fmt: str = ""
    truncated: bool = False
    count: int = 0
    data: object = None
    articles: tuple[ArticleItem, ...] = field(default_factory=tuple)


def write_message(stream: IO[bytes], message: object) -> None:
    """Send one message: its length, then its pickle."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


def read_message(stream: IO[bytes]) -> object | None:
    """Read one message; ``None`` at the end of the stream."""
    head = _read_exactly(stream, _LENGTH.size)
    if head is None:
        return None
    (length,) = _LENGTH.unpack(head)
    payload = _read_exactly(stream, length)
    if payload is None:
        return None
    # only ever our own parent or child process writes to this pipe
    return pickle.loads(payload)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
