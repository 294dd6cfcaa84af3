"""Stage 2, extraction: a spaCy pipeline (the trained English model plus newskb's
registered components) turns an :class:`~kb.models.Article` into an
:class:`~kb.models.Extraction` of entities, events, claims and figures.

The only package that imports spaCy. Each component lives in its own module and
reads and writes typed results on ``Doc._`` (declared in :mod:`kb.extract.extensions`);
they are registered with spaCy's ``spacy_factories`` entry point, so
``nlp.add_pipe("newskb_claims")`` works in any English pipeline.
"""

from __future__ import annotations

# Importing the component modules registers their factories with spaCy.
from kb.extract import (  # noqa: F401
    assemble,
    claims,
    conflicts,
    dates,
    entities,
    events,
    figures,
    mentions,
    paragraphs,
    quotes,
)
from kb.extract.assemble import describe_pipeline
from kb.extract.claims import ATTRIBUTION_TYPES, DEFAULT_ATTRIBUTIONS
from kb.extract.paragraphs import paragraph_boundaries
from kb.extract.pipeline import (
    COMPONENTS,
    DEFAULT_MODEL,
    MAX_CHARS,
    MODEL_ENV,
    add_components,
    extract,
    extract_many,
    load_pipeline,
    make_doc,
    model_name,
    pipeline,
)

__all__ = [
    "ATTRIBUTION_TYPES",
    "DEFAULT_ATTRIBUTIONS",
    "COMPONENTS",
    "DEFAULT_MODEL",
    "MAX_CHARS",
    "MODEL_ENV",
    "add_components",
    "describe_pipeline",
    "extract",
    "extract_many",
    "load_pipeline",
    "make_doc",
    "model_name",
    "paragraph_boundaries",
    "pipeline",
]
