"""Plain-text reports for the terminal: store statistics and the named-query list."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, URIRef

from kb.rdf.namespaces import bind_prefixes
from kb.store.embedded import StoreStats
from kb.store.queries import NamedQuery

__all__ = ["format_named_queries", "format_stats", "more_rows"]


def format_stats(
    stats: StoreStats, articles: Sequence[tuple[str, str]] | None = None
) -> str:
    """Articles, triples and nodes per class, classes by name; with ``articles``,
    each article's IRI and title.

    >>> print(format_stats(StoreStats(2, 10, {"https://w3id.org/newskb/ontology#Claim": 3})))
    articles  2
    triples   10
    <BLANKLINE>
    nodes per class:
      kb:Claim  3
    >>> print(format_stats(StoreStats(0, 0), articles=[]))
    articles  0
    triples   0
    <BLANKLINE>
    articles:
      (none)
    """
    names = bind_prefixes(Graph()).namespace_manager
    lines = [f"articles  {stats.articles}", f"triples   {stats.triples}"]
    if stats.shared_people:
        lines.append(_shared(stats.shared_people))
    if stats.classes:
        shown = sorted((URIRef(c).n3(names), n) for c, n in stats.classes.items())
        width = max(len(c) for c, _ in shown)
        lines += ["", "nodes per class:"]
        lines += [f"  {c.ljust(width)}  {n}" for c, n in shown]
    if articles is not None:
        lines += ["", "articles:", *(_titled(articles) or ["  (none)"])]
    return "\n".join(lines)


def _shared(people: int) -> str:
    """Where to look for namesakes, which one node per name merges.

    >>> print(_shared(1))
    shared    1 person named in 2+ articles: one node per name, so namesakes are merged (kb query --named actors-in counts each one's articles)
    """
    who = "person" if people == 1 else "people"
    return (
        f"shared    {people} {who} named in 2+ articles: one node per name, so "
        "namesakes are merged (kb query --named actors-in counts each one's articles)"
    )


def _titled(articles: Sequence[tuple[str, str]]) -> list[str]:
    """Each article's IRI (to copy into ``kb remove``) and what names it, one line
    each, the IRIs in a column.

    >>> _titled([("https://x/a/1", "Fare rise  in Porto"), ("https://x/a/22", "")])
    ['  https://x/a/1   Fare rise in Porto', '  https://x/a/22']
    """
    width = max((len(iri) for iri, _ in articles), default=0)
    return [
        f"  {iri.ljust(width)}  {_short(title)}".rstrip() for iri, title in articles
    ]


def _short(title: str, most: int = 80) -> str:
    one_line = " ".join(title.split())
    return one_line if len(one_line) <= most else one_line[: most - 1].rstrip() + "…"


def format_named_queries(queries: Sequence[NamedQuery]) -> str:
    """Each named query with its description and parameters."""
    blocks = []
    for query in queries:
        lines = [query.name, f"  {query.description}"]
        for p in query.params:
            flags = " (optional)" if p.optional else ""
            flags += f" (repeat up to {p.repeat})" if p.repeat > 1 else ""
            lines.append(f"  --param {p.name}=<{p.kind}>{flags}  {p.doc}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def more_rows(shown: int, offset: int) -> str:
    """What to say under a page of an answer that more rows follow.

    >>> more_rows(100, 0)
    'more rows follow these 100: the next page with --offset 100, every row with --all'
    >>> more_rows(20, 40)
    'more rows follow rows 41-60: the next page with --offset 60, every row with --all'
    """
    these = f"these {shown}" if offset == 0 else f"rows {offset + 1}-{offset + shown}"
    return (
        f"more rows follow {these}: the next page with --offset {offset + shown}, "
        "every row with --all"
    )
