"""Options and helpers that several ``kb`` commands share: extraction options, the
store directory and the progress bar."""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kb.defaults import (
    AUDIT_ONE_IN,
    DEFAULT_BASE,
    DEFAULT_STORE,
    FILTER_DEFAULT,
    STORE_ENV,
    VALIDATE_MODES,
)
from kb.jobs.cores import FREE_CORE_MIN

if TYPE_CHECKING:
    from kb.jobs.export import BatchResult

PROGRESS_MIN_ARTICLES = 4
#: Off a terminal (a log file, a CI job, nohup), a batch this large gets a line on
#: stderr every :data:`PROGRESS_EVERY` seconds instead of a bar, which it could not
#: draw: an hour's load was silent until its summary.
PROGRESS_LINES_MIN_ARTICLES = 100
PROGRESS_EVERY = 60.0
#: On a terminal, fewer articles than get a bar but this many bytes or more get a
#: line saying so before extraction: one 130 KB article took minutes in silence.
LONG_INPUT_BYTES = 64_000


@contextmanager
def progress(
    paths: tuple[str, ...], quiet: bool = False
) -> Iterator[Callable[[], None] | None]:
    """A progress bar on stderr when it is a terminal and the batch is large, else
    a line now and then for a batch of :data:`PROGRESS_LINES_MIN_ARTICLES` or more;
    it counts articles (a JSONL file's records one by one), not files. A few long
    articles on a terminal get a line that moves every second instead
    (:class:`LiveLine`). ``quiet``: none of it."""
    from kb.extract.stages import reporting_stages
    from kb.ingest.sources import estimate_articles

    if quiet:
        yield None
        return
    total = estimate_articles(paths)
    if total < PROGRESS_MIN_ARTICLES and stderr_is_terminal() and say_if_long(paths):
        with LiveLine() as line, reporting_stages(line.stage):
            yield line
        return
    with counted_progress(total) as tick:
        yield tick


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr (progress is drawn only then)."""
    return sys.stderr.isatty()


def say_if_long(paths: tuple[str, ...]) -> bool:
    """Say that a long input takes a while, where no bar will show it moving.

    :returns: whether it did."""
    from kb.ingest.sources import input_files

    # local files only: a URL or stdin has no size to read beforehand
    files = [Path(name) for name in input_files(paths) if Path(name).is_file()]
    size = sum(path.stat().st_size for path in files)
    if size < LONG_INPUT_BYTES:
        return False
    click.echo(
        f"kb: {size // 1000} KB to read: a long article takes a minute or more",
        err=True,
    )
    return True


#: What each stage of the pipeline does, for :class:`StageLine`; a component not
#: named here shows its own name.
STAGE_WORDS = {
    "tok2vec": "reading the words",
    "tagger": "tagging words",
    "parser": "parsing sentences",
    "attribute_ruler": "tagging words",
    "lemmatizer": "tagging words",
    "ner": "finding names",
    "newskb_paragraphs": "paragraphs",
    "newskb_dates": "dates",
    "newskb_figures": "figures",
    "newskb_mentions": "people, groups and places",
    "newskb_entities": "who is who",
    "newskb_quotes": "quotes",
    "newskb_claims": "claims",
    "newskb_events": "events",
    "newskb_extraction": "assembling",
    "newskb_conflicts": "conflicting figures",
}


#: How often :class:`LiveLine` is redrawn: its clock moves while the work runs where
#: no stage is heard (``--jobs`` workers, the parse-ahead helper).
LIVE_EVERY = 1.0


class LiveLine:
    """One line on stderr (a terminal) for a few long articles, rewritten in place
    every :data:`LIVE_EVERY` seconds until the batch ends: the stage a long article
    is in and the time since it started, when this process runs the stage; else
    (``--jobs`` workers, the parse-ahead helper, where no stage is heard) the
    articles done and the time since the batch started. Called, it counts an
    article done (the batch's progress tick); :meth:`stage` hears the stages."""

    def __init__(self) -> None:
        self.done = 0
        self.started = time.monotonic()
        # the long article this process is extracting: stage words, size, start
        self.article: tuple[str, int, float] | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._clock = threading.Thread(target=self._tick_clock, daemon=True)

    def __enter__(self) -> LiveLine:
        self._clock.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._clock.join()
        click.echo("\r\x1b[K", err=True, nl=False)  # what follows starts clean

    def __call__(self) -> None:
        with self._lock:
            self.done += 1
            self._draw()

    def stage(self, stage: str, chars: int) -> None:
        """Hear an article enter ``stage`` ("" once through); an article shorter
        than :data:`LONG_INPUT_BYTES` characters only moves the count."""
        if chars < LONG_INPUT_BYTES:
            return
        with self._lock:
            now = time.monotonic()
            since = self.article[2] if self.article else now
            if stage:
                self.article = (STAGE_WORDS.get(stage, stage), chars, since)
                self._draw()
                return
            self.article = None
            line = f"\r\x1b[Kkb: extracted in {_duration(now - since)}"
            click.echo(line, err=True)

    def _tick_clock(self) -> None:
        while not self._stop.wait(LIVE_EVERY):
            with self._lock:
                self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if self.article is not None:
            words, chars, since = self.article
            line = (
                f"kb: {chars // 1000}K characters: {words}… ({_duration(now - since)})"
            )
        else:
            done = f"{self.done} article{'' if self.done == 1 else 's'} done, "
            line = f"kb: extracting… ({done if self.done else ''}{_duration(now - self.started)})"
        click.echo(f"\r\x1b[K{line}", err=True, nl=False)


@contextmanager
def counted_progress(total: int) -> Iterator[Callable[[], None] | None]:
    """:func:`progress` for a batch of ``total`` articles counted beforehand."""
    if not stderr_is_terminal():
        yield ProgressLines(total) if total >= PROGRESS_LINES_MIN_ARTICLES else None
        return
    if total < PROGRESS_MIN_ARTICLES:
        yield None
        return
    with click.progressbar(length=total, label="articles", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def say_if_reading_a_terminal(paths: tuple[str, ...]) -> None:
    """Say that ``-`` waits for text typed at the terminal, which would otherwise
    look like a hang."""
    if "-" in paths and sys.stdin.isatty():
        click.echo(
            "kb: reading an article from standard input: type or paste it, then "
            "Ctrl-D (or give files instead of -)",
            err=True,
        )


class ProgressLines:
    """Counts articles, and every :data:`PROGRESS_EVERY` seconds writes how many
    are done, the rate and the time left as a line on stderr."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = self.shown = time.monotonic()

    def __call__(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.shown >= PROGRESS_EVERY and self.done < self.total:
            self.shown = now
            line = progress_line(self.done, self.total, now - self.started)
            click.echo(f"kb: {line}", err=True)


def progress_line(done: int, total: int, seconds: float) -> str:
    """Articles done of about how many, how fast, and about how long is left.

    >>> progress_line(120, 1000, 40.0)
    '120 of about 1000 articles (12%) in 40 s, 3.0 a second; about 4 min 53 s left'
    """
    rate = done / seconds if seconds > 0 else 0.0
    left = f"; about {_duration((total - done) / rate)} left" if rate else ""
    speed = f"{rate:.1f} a second" if rate >= 1 else f"{rate * 60:.0f} a minute"
    return (
        f"{done} of about {total} articles ({100 * done // max(total, 1)}%) in "
        f"{_duration(seconds)}, {speed}{left}"
    )


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes >= 10:
        return f"{minutes} min"
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def echo_extraction(result: BatchResult, tick: Callable[[], None] | None) -> None:
    """After a batch that had a progress bar: how extraction ran, and why."""
    if isinstance(tick, ProgressLines):  # the lines say nothing of how it ran
        return
    if tick is not None and result.extraction is not None:
        click.echo(f"kb: {result.extraction.text}", err=True)


class _Jobs(click.ParamType):
    """``--jobs``: a number of worker processes, or ``auto`` (None)."""

    name = "N|auto"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int | None:
        if value is None or value == "auto":
            return None
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value))
            except ValueError:
                number = 0
        if number < 1:
            self.fail(f"{value!r} is not a number of processes (1 or more) or auto")
        return number


_JOBS = _Jobs()


def extraction_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that shape extraction (``--base``, ``--fixed-time``, ``--model``,
    ``--jobs``, ``--gazetteer``) and validation (``--validate``), handed to the
    command as one ``options``."""

    @functools.wraps(command)
    def with_options(
        *args: object,
        base: str,
        fixed_time: str | None,
        model: str | None,
        jobs: int | None,
        parse_ahead: bool | None,
        gazetteer: tuple[str, ...],
        validate: str,
        candidate_filter: bool | None,
        **kwargs: object,
    ) -> None:
        # here, not at the top: ``kb --help`` should not load the pipeline
        from kb.jobs.export import ExportOptions, fixed_time_from_env, parse_time
        from kb.rdf.validate import check_validate_mode

        when = parse_time(fixed_time) if fixed_time else fixed_time_from_env()
        options = ExportOptions(
            base=base,
            generated_at=when,
            model=model,
            jobs=jobs,
            parse_ahead=parse_ahead,
            gazetteers=gazetteer,
            validate=check_validate_mode(validate),
            candidate_filter=FILTER_DEFAULT
            if candidate_filter is None
            else candidate_filter,
        )
        command(*args, options=options, **kwargs)

    decorators = [
        click.option(
            "--base",
            default=DEFAULT_BASE,
            show_default=True,
            help="Base IRI for minted instance IRIs.",
        ),
        click.option(
            "--fixed-time",
            help="Pin the provenance time (ISO 8601), for reproducible output. "
            "Also $KB_FIXED_TIME or $SOURCE_DATE_EPOCH.",
        ),
        click.option(
            "--model",
            envvar="KB_SPACY_MODEL",
            help="spaCy pipeline package to use instead of the bundled English "
            "one. Also $KB_SPACY_MODEL.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=_JOBS,
            default="auto",
            show_default=True,
            envvar="KB_JOBS",
            help="Worker processes for extraction, or auto: one per core for "
            "12 articles or more, else 1. The output is the same for any number. "
            "Also $KB_JOBS.",
        ),
        click.option(
            "--parse-ahead/--no-parse-ahead",
            default=None,
            help="With one process (--jobs 1, or a small batch): spaCy parses the "
            "next articles in a helper process while kb runs its rules, mapping and "
            "validation. Default: $KB_PARSE_AHEAD (1, 0 or auto); auto parses "
            f"ahead when {FREE_CORE_MIN} of a core or more sits idle beside kb "
            "while the model loads (other processes use the rest). The output is "
            "the same either way; a batch's progress bar ends with the choice.",
        ),
        click.option(
            "--gazetteer",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="A CSV (name,IRI[,kind]) or Turtle file of your own names → IRIs, "
            "to link places and actors to; repeatable.",
        ),
        click.option(
            "--validate",
            type=click.Choice(VALIDATE_MODES, case_sensitive=False),
            default="fast",
            show_default=True,
            envvar="KB_VALIDATE",
            help="fast: our shapes compiled to Python checks decide, and SHACL "
            f"re-checks 1 article in {AUDIT_ONE_IN} they pass and every one they "
            "reject (SHACL wins a disagreement, with a warning). full: SHACL checks "
            "every article. Nothing that fails is written either way. Example: "
            "kb export articles/ --validate full -o out.ttl. Also $KB_VALIDATE.",
        ),
        click.option(
            "--filter/--no-filter",
            "candidate_filter",
            default=None,
            envvar="KB_FILTER",
            help="Drop the events and actors that the learned candidate filter "
            "judges wrong (a linear model trained on annotated articles), or keep "
            "every one. Default: "
            + ("--filter." if FILTER_DEFAULT else "--no-filter.")
            + " The graph's provenance (kb:nlpModel) names the filter's digest "
            "when it ran. Also $KB_FILTER (1 or 0).",
        ),
    ]
    for decorator in reversed(decorators):
        with_options = decorator(with_options)
    return with_options


def quiet_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Show no progress on stderr (bar, notices, the moving line); problems "
        "and the summary are still said.",
    )(command)


def store_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        envvar=STORE_ENV,
        default=DEFAULT_STORE,
        show_default=True,
        help=f"Knowledge-base directory. Also ${STORE_ENV}.",
    )(command)
