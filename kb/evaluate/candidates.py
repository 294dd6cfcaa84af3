"""Training rows for the candidate filter: each event and droppable actor of a gold
article's unfiltered extraction, with its features and what the dev metric makes of
it (matched to a gold item: keep; unmatched or a duplicate: drop; an actor that
matches only a gold place: left out).

The labels come from the dev metric's own matching (:mod:`kb.evaluate.dev`), on the
graph that the extraction maps to, so a candidate is "kept" exactly when the metric
counts it right.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kb.evaluate.dev import entity_verdicts, locations_as_actors, match_events
from kb.evaluate.gold import GoldArticle
from kb.evaluate.graph import Found, read_graph
from kb.extract.candidate_features import Candidates
from kb.models import Event, Extraction
from kb.rdf.iris import article_iri, entity_iri_in, local_iri
from kb.rdf.mapping import MappingOptions, to_graph

__all__ = ["Row", "found_in", "label_rows", "labels"]


@dataclass(frozen=True)
class Row:
    """One candidate: its kind, its id (trigger start or key), features and label."""

    kind: str  # "events" or "actors"
    ident: str
    features: frozenset[str]
    keep: bool


def found_in(extraction: Extraction) -> Found:
    """What the dev metric reads in the graph ``extraction`` maps to."""
    return read_graph(to_graph(extraction, MappingOptions()))


def labels(
    extraction: Extraction, gold: dict[str, Any], found: Found | None = None
) -> dict[str, dict[str, bool]]:
    """Per kind, each candidate IRI's label: True to keep, False to drop; actors
    that only name a gold place are absent.

    :param found: :func:`found_in` of ``extraction``, when the caller has it."""
    found = found or found_in(extraction)
    actors = {
        str(f.node): verdict == "match"
        for f, verdict in zip(
            found.actors,
            entity_verdicts(found.actors, gold["actors"], locations_as_actors(gold)),
            strict=True,
        )
        if verdict != "neutral"
    }
    matched = set(match_events(found.events, gold["events"]).values())
    events = {str(e.node): i in matched for i, e in enumerate(found.events)}
    return {"events": events, "actors": actors}


def label_rows(
    article: GoldArticle,
    extraction: Extraction,
    cands: Candidates,
    found: Found | None = None,
) -> Iterator[Row]:
    """The labelled rows of one article's candidates (``found``: as for
    :func:`labels`)."""
    verdicts = labels(extraction, article.gold, found)
    ref = article_iri(extraction.article)
    by_start: dict[int, Event] = {}
    for e in extraction.events:
        by_start.setdefault(e.trigger.start, e)
    for start, feats in cands.events.items():
        event = by_start[start]
        iri = str(local_iri(ref, "event", start, event.trigger.end))
        if iri in verdicts["events"]:
            yield Row("events", str(start), feats, verdicts["events"][iri])
    for key, feats in cands.actors.items():
        iri = str(entity_iri_in(ref, key))
        if iri in verdicts["actors"]:
            yield Row("actors", key, feats, verdicts["actors"][iri])
