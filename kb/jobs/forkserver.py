"""Where ``--jobs`` workers come from: a forkserver that has preloaded spaCy and the
gazetteer (:mod:`kb.jobs.preload`), started as early as the command line allows.
Light on purpose: it imports nothing of kb's pipeline, so ``kb`` can start the
server before its own imports."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Mapping, Sequence

__all__ = ["JOBS_ENV", "PRELOAD", "asked_jobs", "start_early", "worker_context"]

#: the module the server imports before it forks any worker
PRELOAD = "kb.jobs.preload"
#: the environment variable that stands for ``--jobs`` (as the CLI reads it)
JOBS_ENV = "KB_JOBS"
#: the commands whose ``--jobs N`` starts workers in the forkserver
_COMMANDS = ("export", "add")


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server process that has already loaded spaCy and the
    gazetteer (Linux), else spawned fresh. Either way they share nothing with the
    caller (its threads, its open store)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    _start_server()
    return context


def _start_server() -> None:
    """Start the forkserver (if it is not running) with Ctrl-C ignored: the server
    ignores it only after its preload, so a Ctrl-C while it loads spaCy printed a
    traceback under kb's own "interrupted" line. Ignored at its start, it stays
    ignored there and in the workers forked from it; the parent ends them."""
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # only the main thread may set handlers
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def asked_jobs(args: Sequence[str], environ: Mapping[str, str]) -> int:
    """The workers a ``kb export`` or ``kb add`` command line asks for by number
    (``--jobs N``, ``-j N``, ``--jobs=N``, ``-jN`` or ``$KB_JOBS``); 1 for any
    other command, for ``auto`` (decided later, from the inputs), for
    ``--scheduler`` (Dask starts its own workers) and for anything unreadable,
    which the CLI reports itself.

    >>> asked_jobs(["export", "in/", "--jobs", "2", "-o", "out.ttl"], {})
    2
    >>> asked_jobs(["export", "in/", "-j3"], {}), asked_jobs(["query", "-j", "2"], {})
    (3, 1)
    >>> asked_jobs(["add", "in/", "--store", "s"], {"KB_JOBS": "2"})
    2
    """
    if not args or args[0] not in _COMMANDS or "--scheduler" in args:
        return 1
    value = environ.get(JOBS_ENV, "")
    for at, arg in enumerate(args):
        if arg in ("--jobs", "-j") and at + 1 < len(args):
            value = args[at + 1]
        elif arg.startswith("--jobs="):
            value = arg.removeprefix("--jobs=")
        elif arg.startswith("-j") and arg[2:].isdigit():
            value = arg[2:]
    return int(value) if value.strip().isdigit() else 1


def start_early(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> bool:
    """Start the forkserver now when the command line asks for workers by number
    (:func:`asked_jobs`), so that it loads spaCy while ``kb`` imports the rest of
    itself (about a second) instead of afterwards; True when it was started.

    A server started for a command that then fails its options costs a core for a
    second and stops when ``kb`` exits.
    """
    if asked_jobs(args, environ) < 2 or _a_worker():
        return False
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    worker_context()  # sets the preload and starts the server
    return True


def _a_worker() -> bool:
    """Whether this process is a worker: one the forkserver started runs the
    ``kb`` script again to set itself up (with the command's arguments), and must
    not start a server of its own (multiprocessing refuses, and the worker dies)."""
    current = multiprocessing.current_process()
    return bool(getattr(current, "_inheriting", False)) or (
        multiprocessing.parent_process() is not None
    )
