"""The ``kb`` command group: library errors become one-line messages and exit codes
(0 ok, 1 data did not conform, 2 bad input or usage, 130 interrupted, 141 the reader
of stdout went away) here, in one place."""

from __future__ import annotations

import logging
import os
import sys

import click
from click.core import ParameterSource

from kb import __version__
from kb.errors import KbError

#: The exit code after Ctrl-C: 128 + SIGINT, as shells report it (1 would read as
#: "did not conform").
INTERRUPTED = 130
#: The exit code when the reader of stdout went away (``kb export … | head``): 128 +
#: SIGPIPE, as shells report a tool that SIGPIPE stopped (Click exits 1).
BROKEN_PIPE = 141


class Interrupted(Exception):
    """Ctrl-C stopped a command; the message says what it kept, e.g. "12 articles
    were added"."""


class _Group(click.Group):
    """Turns library errors and Ctrl-C into one-line messages and exit codes, in
    one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KbError as exc:
            click.echo(f"kb: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except Interrupted as exc:
            click.echo(f"kb: interrupted; {exc}", err=True)
            ctx.exit(INTERRUPTED)
        except KeyboardInterrupt:
            click.echo("kb: interrupted", err=True)
            ctx.exit(INTERRUPTED)
        except click.BadParameter as exc:
            raise _with_the_variable(exc) from None
        except BrokenPipeError:
            _stdout_to_devnull()  # so that the flush at exit does not fail again
            ctx.exit(BROKEN_PIPE)


def _stdout_to_devnull() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's)
        pass


def _with_the_variable(exc: click.BadParameter) -> click.BadParameter:
    """``exc``, saying so when the bad value came from an environment variable,
    which the user may have set long ago (``KB_VALIDATE=quick``): Click names the
    option only."""
    param, ctx = exc.param, exc.ctx
    if param is None or ctx is None or param.name is None or not param.envvar:
        return exc
    if ctx.get_parameter_source(param.name) is not ParameterSource.ENVIRONMENT:
        return exc
    names = [param.envvar] if isinstance(param.envvar, str) else list(param.envvar)
    given = next((name for name in names if os.environ.get(name)), names[0])
    message = exc.message.rstrip(".") + f" (from ${given}: fix or unset it)"
    return click.BadParameter(message, ctx=ctx, param=param)


class _EchoHandler(logging.Handler):
    """Library warnings ("read it as Windows-1252") as ``kb: …`` lines on stderr;
    on a terminal the line starts by clearing a progress line drawn in place there
    (which redraws itself below), so that the two do not run together."""

    def emit(self, record: logging.LogRecord) -> None:
        clear = "\r\x1b[K" if sys.stderr.isatty() else ""
        click.echo(f"{clear}kb: {record.getMessage()}", err=True)


def _warnings_to_stderr() -> None:
    logger = logging.getLogger("kb")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        logger.addHandler(_EchoHandler(logging.WARNING))
        logger.setLevel(logging.WARNING)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb")
def cli() -> None:
    """newskb: turn news articles into a validated knowledge graph of events,
    actors, locations and claims, each traced to the text it came from.

    Exit codes: 0 success, 1 data did not conform to the shapes, 2 bad input or
    usage, 130 interrupted (Ctrl-C), 141 the reader of the output went away.
    """
    _warnings_to_stderr()
