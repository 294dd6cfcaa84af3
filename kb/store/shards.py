"""Loading N-Quads shards (``kb export --scheduler``'s ``part-*.nq.gz``) into the
knowledge base: each article's quads become its named graph, written with the same
bookkeeping (union, name index) as ``kb add``, through the bulk loader
(:meth:`Store.add_bulk`), a shard at a time."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kb.errors import StoreError
from kb.store.bulk import OPTIMIZE_AFTER_TRIPLES
from kb.store.embedded import Store

__all__ = ["SHARD_GLOB", "ShardsLoaded", "load_shards", "shard_graphs"]

SHARD_GLOB = "part-*.nq.gz"


@dataclass(frozen=True)
class ShardsLoaded:
    """What ``kb add --from-shards`` did."""

    shards: int
    articles: int
    triples: int
    unchanged: int


def shard_graphs(shard: Path) -> Iterator[tuple[str, str]]:
    """``(article IRI, N-Triples)`` for each graph of a shard, triples in the
    shard's (sorted) order.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "part-00000.nq.gz"
    >>> _ = path.write_bytes(gzip.compress(b'<http://x/a> <http://x/p> "b c" <http://x/g> .\\n'))
    >>> list(shard_graphs(path))
    [('http://x/g', '<http://x/a> <http://x/p> "b c" .\\n')]

    :raises StoreError: when the file is not gzipped N-Quads with named graphs.
    """
    graphs: dict[str, list[str]] = {}
    try:
        text = gzip.decompress(shard.read_bytes()).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise StoreError(f"{shard}: not a gzipped N-Quads shard ({exc})") from exc
    # not splitlines(): U+2028 and friends may stand unescaped inside literals
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        # the graph is the last term: an IRI, which holds no space
        head, graph, dot = line.rsplit(" ", 2)
        if dot != "." or not (graph.startswith("<") and graph.endswith(">")):
            raise StoreError(
                f"{shard}, line {number}: not a quad in a named graph; load shards "
                "written by kb export --scheduler"
            )
        graphs.setdefault(graph[1:-1], []).append(f"{head} .\n")
    for iri, lines in graphs.items():
        yield iri, "".join(lines)


def load_shards(store: Store, directory: str | Path) -> ShardsLoaded:
    """Add every article graph of the shards in ``directory`` to ``store``; an
    article stored already with the same content is left as it is.

    :raises StoreError: when there is no shard, one is unreadable, or the store
        cannot be written.
    """
    shards = sorted(Path(directory).glob(SHARD_GLOB))
    if not shards:
        raise StoreError(
            f"{directory}: no {SHARD_GLOB} shards here; write them with "
            f"'kb export ARTICLES --scheduler local -o {directory}'"
        )
    articles = triples = unchanged = 0
    for shard in shards:
        batch = list(shard_graphs(shard))
        written = store.add_bulk(batch)
        articles += len(batch)
        triples += written.triples
        unchanged += written.unchanged
    if triples >= OPTIMIZE_AFTER_TRIPLES:
        store.optimize()
    return ShardsLoaded(len(shards), articles, triples, unchanged)
