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
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from kb.errors import ExtractionError
from kb.extract.extensions import set_inputs
from kb.models import Article
from kb.text.gazetteer import Gazetteer

__all__ = ["AHEAD_BATCHES", "parsed_in_helper", "split_pipeline"]

#: Articles sent to the helper beyond the oldest one not yet back, in batches of
#: ``nlp.pipe``: enough that it never waits for the next batch while this process
#: parses one, few enough that the texts and parsed Docs in flight stay a handful.
AHEAD_BATCHES = 4
#: What a parsed Doc carries that the rule components never read.
EXCLUDE = ("tensor",)
#: The prefix of newskb's rule components (``newskb_paragraphs`` runs before the
#: parser, so it is among the trained ones).
RULES_PREFIX = "newskb_"


_END = object()


@dataclass(frozen=True)
class _Failed:
    """The helper's exception, sent back to be raised here."""

    error: BaseException


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
    """Each article's Doc, in order, as ``nlp.pipe`` without ``rules`` leaves it,
    with the inputs of :func:`~kb.extract.pipeline.make_doc` set on it here. A helper
    process parses the batches; whenever the next Doc is not back yet, this process
    parses the next batch itself rather than wait (:class:`_Plan`).

    :raises ExtractionError: when the helper process stops without an answer.
    """
    context = multiprocessing.get_context("fork")
    texts_in, texts_out = context.Pipe(duplex=False)
    docs_in, docs_out = context.Pipe(duplex=False)
    helper = context.Process(
        target=_helper,
        args=(nlp, list(rules), texts_in, docs_out, (texts_out, docs_in)),
        name="kb-parse-ahead",
        daemon=True,
    )
    helper.start()
    texts_in.close()
    docs_out.close()
    plan = _Plan(
        _batches(iter(articles), batch_size), batch_size, helper, texts_out, docs_in
    )
    try:
        while (batch := plan.next_batch(nlp, rules)) is not None:
            articles_here, docs = batch
            for doc, article in zip(docs, articles_here, strict=True):
                yield set_inputs(doc, article, gaz)
    finally:
        # at the end the helper has sent everything and is leaving; earlier (an
        # error here, or the caller stopped reading) it is stopped
        if not plan.done:
            helper.terminate()
        helper.join()
        texts_out.close()
        docs_in.close()


class _Plan:
    """The batches read, in input order, each parsed by the helper or here.

    The helper gets up to :data:`AHEAD_BATCHES` batches beyond the one this process
    waits for. When the next Doc is not back, this process takes the next batch
    from the input and parses it itself (its Docs wait their turn), so neither side
    idles while the other has work: on two free cores the helper parses most
    batches, and the more this process has to do per article, or the less CPU the
    helper gets on a busy machine, the more batches are parsed here.
    """

    def __init__(
        self,
        batches: Iterator[list[Article]],
        batch_size: int,
        helper: multiprocessing.process.BaseProcess,
        texts: Connection,
        docs: Connection,
    ) -> None:
        self.batches = batches
        self.limit = AHEAD_BATCHES * batch_size
        self.helper, self.texts, self.docs = helper, texts, docs
        # each batch read, with its Docs if parsed here (None: the helper's)
        self.planned: deque[tuple[list[Article], list[Doc] | None]] = deque()
        self.with_helper = 0  # articles sent and not yet back
        self.ended = False  # the input is read and the helper told so

    @property
    def done(self) -> bool:
        """Has the input been read, and every Doc the helper parsed received?"""
        return self.ended and not self.with_helper

    def _read(self) -> list[Article]:
        """The next batch of the input; at its end, the helper is told so."""
        batch = next(self.batches, []) if not self.ended else []
        if not batch and not self.ended:
            self.ended = True
            _send(self.texts, None, self.helper)
        return batch

    def _fill(self) -> None:
        while not self.ended and self.with_helper < self.limit:
            batch = self._read()
            if batch:
                _send(self.texts, [a.text for a in batch], self.helper)
                self.with_helper += len(batch)
                self.planned.append((batch, None))

    def _parse_one_here(self, nlp: Language, rules: Sequence[str]) -> bool:
        """Parse the next batch of the input here; False when there is none."""
        batch = self._read()
        if not batch:
            return False
        texts = [a.text for a in batch]
        docs = list(nlp.pipe(texts, batch_size=len(batch), disable=rules))
        self.planned.append((batch, docs))
        return True

    def next_batch(
        self, nlp: Language, rules: Sequence[str]
    ) -> tuple[list[Article], Iterator[Doc]] | None:
        """The next batch in input order with its Docs (the helper's as they come
        back), or None at the end."""
        self._fill()
        if not self.planned:
            return None
        batch, docs = self.planned.popleft()
        if docs is not None:
            return batch, iter(docs)
        return batch, self._received(len(batch), nlp, rules)

    def _received(
        self, count: int, nlp: Language, rules: Sequence[str]
    ) -> Iterator[Doc]:
        for _ in range(count):
            self._fill()
            while not self.docs.poll() and self._parse_one_here(nlp, rules):
                self._fill()
            doc = _received(nlp, self.docs, self.helper)
            self.with_helper -= 1
            yield doc


def _send(
    texts: Connection,
    batch: list[str] | None,
    helper: multiprocessing.process.BaseProcess,
) -> None:
    try:
        texts.send(batch)
    except OSError:
        raise _stopped(helper) from None


def _received(
    nlp: Language, docs: Connection, helper: multiprocessing.process.BaseProcess
) -> Doc:
    return Doc(nlp.vocab).from_bytes(_receive(docs, helper))


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
        f"(exit code {helper.exitcode}); with --no-parse-ahead (KB_PARSE_AHEAD=0) "
        "spaCy parses in this process"
    )


def _helper(
    nlp: Language,
    rules: list[str],
    texts: Connection,
    docs: Connection,
    unused: tuple[Connection, ...],
) -> None:
    """The helper process: parse each batch of texts as it comes, send each Doc
    back. A thread reads the texts and another sends the Docs, so that neither side
    ever waits on a full pipe while the parse goes on."""
    for conn in unused:  # the caller's ends: with them closed, its exit ends ours
        conn.close()
    inbox: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[bytes | _Failed | None] = queue.SimpleQueue()
    threading.Thread(target=_read, args=(texts, inbox), daemon=True).start()
    sender = threading.Thread(target=_send_all, args=(outbox, docs))
    sender.start()
    try:
        while (batch := inbox.get()) is not None:
            for doc in nlp.pipe(batch, batch_size=len(batch), disable=rules):
                outbox.put(doc.to_bytes(exclude=EXCLUDE))
    except BaseException as exc:  # noqa: BLE001 - every error is the caller's to raise
        outbox.put(_Failed(_sendable(exc)))
    outbox.put(None)
    sender.join()


T = TypeVar("T")


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    """The items in batches of ``size``; once the last two batches are in sight,
    what is left goes in halves (at most ``size``), so the last Docs come back a few
    at a time and the caller's work on them overlaps the parse of the rest, instead
    of all of it waiting for a whole last batch.

    >>> [len(batch) for batch in _batches(iter(range(10)), 4)]
    [4, 3, 2, 1]
    >>> [len(batch) for batch in _batches(iter(range(17)), 4)]
    [4, 4, 4, 3, 1, 1]
    """
    waiting: deque[T] = deque()
    ended = False
    while True:
        while not ended and len(waiting) < 2 * size:
            item = next(items, _END)
            ended = item is _END
            if item is not _END:
                waiting.append(item)  # type: ignore[arg-type]
        if not waiting:
            return
        take = size if not ended else min(size, (len(waiting) + 1) // 2)
        yield [waiting.popleft() for _ in range(take)]


def _read(texts: Connection, inbox: queue.SimpleQueue[list[str] | None]) -> None:
    try:
        while (batch := texts.recv()) is not None:
            inbox.put(batch)
    except EOFError:  # the caller is gone: there is nobody to parse for
        os._exit(1)
    inbox.put(None)


def _send_all(
    outbox: queue.SimpleQueue[bytes | _Failed | None], docs: Connection
) -> None:
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
