"""spaCy's trained components in a helper process: it parses the next articles while
this process runs newskb's rule components (and, in ``kb export``, mapping and
validation) on those already parsed, so on two cores a batch takes about as long as
the parse alone.

A parsed Doc crosses as ``Doc.to_bytes`` without its tensor (no rule component reads
it): tokens, tags, lemmas, morphology, parse, sentence starts and entities arrive as
they were, so the rules see the same Doc and extract the same thing, byte for byte
(tests/test_parse_ahead.py). The helper is forked from this process, so it runs the
very pipeline object loaded here, with no start-up of its own.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from spacy.language import Language
from spacy.tokens import Doc

from kb.errors import ExtractionError
from kb.extract.extensions import set_inputs
from kb.models import Article
from kb.text.gazetteer import Gazetteer

__all__ = ["AHEAD_BATCHES", "helper_can_help", "parsed_in_helper", "split_pipeline"]

#: Articles sent to the helper beyond the oldest one not yet back, in batches of
#: ``nlp.pipe``: enough that it never waits for the next batch, few enough that the
#: texts and parsed Docs in flight stay a handful.
AHEAD_BATCHES = 3
#: What a parsed Doc carries that the rule components never read.
EXCLUDE = ("tensor",)
#: ``KB_PARSE_AHEAD=0`` parses in this process, as before the helper existed.
ENV = "KB_PARSE_AHEAD"
#: The prefix of newskb's rule components (``newskb_paragraphs`` runs before the
#: parser, so it is among the trained ones).
RULES_PREFIX = "newskb_"


@dataclass(frozen=True)
class _Failed:
    """The helper's exception, sent back to be raised here."""

    error: BaseException


def helper_can_help() -> bool:
    """A helper process runs on a core of its own: the platform forks, this process
    may use two cores or more, and ``$KB_PARSE_AHEAD`` is not ``0``."""
    if os.environ.get(ENV) == "0":
        return False
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores >= 2


def split_pipeline(
    nlp: Language, first_rule: str
) -> tuple[list[str], list[str]] | None:
    """The pipe names before ``first_rule`` (the helper runs them) and from it on
    (run here); None when a component of the second part is not newskb's, which might
    read what does not cross (the tensor), or when ``first_rule`` is not there.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer"); _ = nlp.add_pipe("newskb_dates")
    >>> split_pipeline(nlp, "newskb_dates")
    (['sentencizer'], ['newskb_dates'])
    """
    names = list(nlp.pipe_names)
    if first_rule not in names:
        return None
    at = names.index(first_rule)
    trained, rules = names[:at], names[at:]
    if not all(name.startswith(RULES_PREFIX) for name in rules):
        return None
    return trained, rules


def parsed_in_helper(
    articles: Iterable[Article],
    nlp: Language,
    rules: Sequence[str],
    batch_size: int,
    gaz: Gazetteer | None = None,
) -> Iterator[Doc]:
    """Each article's Doc, in order, as ``nlp.pipe`` without ``rules`` leaves it (run
    in a helper process), with the inputs of :func:`~kb.extract.pipeline.make_doc`
    set on it here.

    :raises ExtractionError: when the helper process stops without an answer.
    """
    context = multiprocessing.get_context("fork")
    texts_in, texts_out = context.Pipe(duplex=False)
    docs_in, docs_out = context.Pipe(duplex=False)
    helper = context.Process(
        target=_helper,
        args=(nlp, list(rules), batch_size, texts_in, docs_out, (texts_out, docs_in)),
        name="kb-parse-ahead",
        daemon=True,
    )
    helper.start()
    texts_in.close()
    docs_out.close()
    waiting: deque[Article] = deque()
    source = iter(articles)
    sent_all = False
    try:
        while True:
            while not sent_all and len(waiting) < AHEAD_BATCHES * batch_size:
                article = next(source, None)
                sent_all = article is None
                if article is not None:
                    waiting.append(article)
                try:
                    texts_out.send(None if article is None else article.text)
                except OSError:
                    raise _stopped(helper) from None
            if not waiting:
                return
            doc = Doc(nlp.vocab).from_bytes(_receive(docs_in, helper))
            set_inputs(doc, waiting.popleft(), gaz)
            yield doc
    finally:
        # at the end the helper has sent everything and is leaving; earlier (an
        # error here, or the caller stopped reading) it is stopped
        if waiting or not sent_all:
            helper.terminate()
        helper.join()
        texts_out.close()
        docs_in.close()


def _receive(docs: Connection, helper: multiprocessing.process.BaseProcess) -> bytes:
    """The next parsed Doc's bytes; the helper's own error is raised here."""
    try:
        item = docs.recv()
    except EOFError:
        raise _stopped(helper) from None
    if isinstance(item, _Failed):
        raise item.error
    assert isinstance(item, bytes)
    return item


def _stopped(helper: multiprocessing.process.BaseProcess) -> ExtractionError:
    helper.join()
    return ExtractionError(
        "the helper process that parses with spaCy stopped "
        f"(exit code {helper.exitcode}); {ENV}=0 parses in this process instead"
    )


def _helper(
    nlp: Language,
    rules: list[str],
    batch_size: int,
    texts: Connection,
    docs: Connection,
    unused: tuple[Connection, ...],
) -> None:
    """The helper process: parse the texts as they come, send each Doc back. A
    thread reads the texts and another sends the Docs, so that neither side ever
    waits on a full pipe while the parse goes on."""
    for conn in unused:  # the caller's ends: with them closed, its exit ends ours
        conn.close()
    inbox: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[bytes | _Failed | None] = queue.SimpleQueue()
    threading.Thread(target=_read, args=(texts, inbox), daemon=True).start()
    sender = threading.Thread(target=_send, args=(outbox, docs))
    sender.start()
    try:
        for batch in _batches(inbox, batch_size):
            for doc in nlp.pipe(batch, batch_size=len(batch), disable=rules):
                outbox.put(doc.to_bytes(exclude=EXCLUDE))
    except BaseException as exc:  # noqa: BLE001 - every error is the caller's to raise
        outbox.put(_Failed(_sendable(exc)))
    outbox.put(None)
    sender.join()


def _batches(inbox: queue.SimpleQueue[str | None], size: int) -> Iterator[list[str]]:
    """The texts in batches of ``size``; once the last text has arrived, what is
    left goes in halves (at most ``size``), so the caller gets the last Docs a few
    at a time and its work on them overlaps the parse of the rest, instead of all
    of it waiting for a whole last batch.

    >>> inbox = queue.SimpleQueue()
    >>> for text in [*"abcdefghij", None]:
    ...     inbox.put(text)
    >>> [len(batch) for batch in _batches(inbox, 4)]
    [4, 3, 2, 1]
    """
    waiting: deque[str] = deque()
    ended = False
    while waiting or not ended:
        while not ended and (len(waiting) < size or not inbox.empty()):
            text = inbox.get()  # blocks only while a batch is still short
            ended = text is None
            if text is not None:
                waiting.append(text)
        take = size if not ended else min(size, (len(waiting) + 1) // 2)
        if waiting:
            yield [waiting.popleft() for _ in range(min(take, len(waiting)))]


def _read(texts: Connection, inbox: queue.SimpleQueue[str | None]) -> None:
    try:
        while (text := texts.recv()) is not None:
            inbox.put(text)
    except EOFError:  # the caller is gone: there is nobody to parse for
        os._exit(1)
    inbox.put(None)


def _send(outbox: queue.SimpleQueue[bytes | _Failed | None], docs: Connection) -> None:
    try:
        while (item := outbox.get()) is not None:
            docs.send(item)
    except OSError:  # the caller is gone (or stopped reading)
        os._exit(1)


def _sendable(exc: BaseException) -> BaseException:
    """``exc``, or an ExtractionError saying what it was when it cannot be pickled."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any failure to pickle
        return ExtractionError(f"spaCy failed in the helper process: {exc!r}")
    return exc
