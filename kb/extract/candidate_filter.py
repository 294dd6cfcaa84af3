"""``newskb_filter``: a learned, linear filter over the extraction's candidates. Each
event and each actor that may go (see
:func:`kb.extract.candidate_features.actor_candidates`) gets a keep-probability from
the weights of its features; one below its kind's threshold is dropped.

The weights come from a JSON file (``filter.json`` beside this module ships in the
wheel; ``tools/train_filter.py`` writes it with scikit-learn) and are applied here in
plain Python. A claimant is never dropped: its claims need it. The file's digest
joins the pipeline's name in the provenance (``kb:nlpModel``), so a graph says
whether, and with which weights, the filter ran.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kb.errors import ExtractionError
from kb.extract.assemble import describe_pipeline, extraction_of
from kb.extract.candidate_features import Candidates, candidates
from kb.extract.conflicts import with_conflicts
from kb.extract.extensions import Stage, stage
from kb.models import Claim, Event, Extraction

__all__ = [
    "FILTER_NAME",
    "FilterModel",
    "KindModel",
    "apply_filter",
    "chosen_filter",
    "drops",
    "filtered",
    "keep_probability",
    "load_filter",
    "shipped_filter_path",
    "without",
]

FILTER_NAME = "newskb_filter"
KINDS = ("events", "actors")


@dataclass(frozen=True)
class KindModel:
    """One kind's weights (the feature ``bias`` is the intercept) and threshold."""

    weights: dict[str, float]
    threshold: float


@dataclass(frozen=True)
class FilterModel:
    """The weights of both kinds, and the digest of the file they came from."""

    events: KindModel
    actors: KindModel
    digest: str


def shipped_filter_path() -> Path:
    """The weights file that ships with newskb."""
    return Path(str(resources.files("kb.extract").joinpath("filter.json")))


@lru_cache(maxsize=4)
def load_filter(path: str | None = None) -> FilterModel:
    """The filter in ``path`` (default: the shipped one).

    :raises ExtractionError: when the file is missing or not a weights file.
    """
    where = Path(path) if path else shipped_filter_path()
    try:
        raw = where.read_bytes()
        data = json.loads(raw)
        kinds = {k: _kind(data["kinds"][k]) for k in KINDS}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(f"{where}: not a candidate filter file: {exc}") from exc
    return FilterModel(
        kinds["events"], kinds["actors"], hashlib.sha256(raw).hexdigest()[:12]
    )


def chosen_filter(on: bool) -> FilterModel | None:
    """The shipped filter when ``on``, else None (keep every candidate)."""
    return load_filter() if on else None


def _kind(data: dict[str, Any]) -> KindModel:
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return KindModel(weights, float(data["threshold"]))


def keep_probability(model: KindModel, features: frozenset[str]) -> float:
    """The logistic of the summed weights of the features (unknown ones weigh 0)."""
    z = sum(model.weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def drops(model: FilterModel, cands: Candidates) -> tuple[set[int], set[str]]:
    """The events (by trigger start) and actors (by key) below their threshold."""
    events = {
        start
        for start, feats in cands.events.items()
        if keep_probability(model.events, feats) < model.events.threshold
    }
    actors = {
        key
        for key, feats in cands.actors.items()
        if keep_probability(model.actors, feats) < model.actors.threshold
    }
    return events, actors


def without(extraction: Extraction, events: set[int], actors: set[str]) -> Extraction:
    """The extraction less those events and actors, and every reference to them:
    events' agents and participants, claims' ``about``. Claimants stay."""
    actors = actors - {c.claimant for c in extraction.claims}
    if not events and not actors:
        return extraction
    gone = actors | {f"event:{start}" for start in events}
    kept_events = tuple(
        _event_without(e, actors)
        for e in extraction.events
        if e.trigger.start not in events
    )
    return replace(
        extraction,
        # a place under the same key stays: only actors go
        entities=tuple(
            e for e in extraction.entities if e.key not in actors or e.is_location
        ),
        events=kept_events,
        claims=tuple(_claim_without(c, gone) for c in extraction.claims),
    )


def _event_without(e: Event, actors: set[str]) -> Event:
    return replace(
        e,
        agents=tuple(k for k in e.agents if k not in actors),
        participants=tuple(k for k in e.participants if k not in actors),
    )


def _claim_without(c: Claim, gone: set[str]) -> Claim:
    if not gone.intersection(c.about):
        return c
    return replace(c, about=tuple(k for k in c.about if k not in gone))


def apply_filter(
    extraction: Extraction, cands: Candidates, model: FilterModel
) -> Extraction:
    """The extraction without what the filter drops, its provenance saying so."""
    events, actors = drops(model, cands)
    kept = without(extraction, events, actors)
    return replace(kept, model=f"{extraction.model}; candidate filter {model.digest}")


def filtered(doc: Doc, model: FilterModel) -> Extraction:
    """The Doc's extraction, filtered. A kind whose threshold is 0 or less drops
    nothing, so its features are not computed."""
    extraction: Extraction = doc._.newskb_extraction
    cands = candidates(
        doc,
        extraction,
        events=model.events.threshold > 0,
        actors=model.actors.threshold > 0,
    )
    return apply_filter(extraction, cands, model)


@Language.factory(
    FILTER_NAME,
    requires=["doc._.newskb_extraction"],
    assigns=["doc._.newskb_extraction"],
    default_config={"path": ""},
)
def make_filter(nlp: Language, name: str, path: str) -> Stage:
    model = load_filter(path or None)
    described = describe_pipeline(nlp)

    def run(doc: Doc) -> Extraction:
        # added alone to a pipeline: the extraction is made first, as the
        # components before it would have
        stage(
            doc,
            "newskb_extraction",
            lambda d: with_conflicts(extraction_of(d, described)),
        )
        return filtered(doc, model)

    return Stage("newskb_extraction", run)
