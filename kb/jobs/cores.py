"""How extraction in one process uses the machine's cores: whether spaCy parses
ahead in a helper process (:mod:`kb.extract.parse_ahead`), decided from the usable
cores and the CPU that other processes leave idle, or as the user says."""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass

from kb.errors import UsageError

__all__ = [
    "ENV",
    "FREE_CORE_MIN",
    "CpuSample",
    "Decision",
    "choose",
    "cpu_sample",
    "decide",
    "setting_from_env",
    "spare_cores",
    "usable_cores",
]

#: ``KB_PARSE_AHEAD=1`` parses ahead for ``kb export`` and ``kb add`` with ``--jobs
#: 1`` wherever the platform can (fork, two usable cores), ``0`` never; unset or
#: ``auto``, :func:`decide` chooses from the CPU left idle by other processes.
ENV = "KB_PARSE_AHEAD"
#: The helper is started by default when at least this much of a core sat idle
#: beside this process's own use while the pipeline loaded. Less than a whole core,
#: as a helper with part of a core still parses some batches (this process parses
#: the rest); more than half, as each Doc that crosses costs CPU of its own
#: (``Doc.to_bytes``/``from_bytes``), which only an idle core pays for. A judgement
#: between the two ends measured in the README's Performance section (the other
#: core idle: the helper wins; busy: it mostly loses), not a fitted value.
FREE_CORE_MIN = 0.75
#: The shortest time over which idle CPU is measured: at 100 clock ticks a second,
#: a resolution of a twentieth of a core, and little beside seconds of parsing.
SAMPLE_MIN_S = 0.2


@dataclass(frozen=True)
class Decision:
    """Whether spaCy's trained components parse ahead in a helper process, and a
    sentence saying how extraction runs and why, for the user."""

    ahead: bool
    text: str
    #: the worker processes extraction runs in; 1: this process (and its helper)
    workers: int = 1


@dataclass(frozen=True)
class CpuSample:
    """CPU counters at one moment: the wall clock, this process's CPU time (all its
    threads), and each usable core's (idle, total) clock ticks since boot (empty
    where ``/proc/stat`` cannot be read)."""

    wall: float
    own: float
    ticks: tuple[tuple[int, int], ...]


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cpu_sample() -> CpuSample:
    """The counters now, for :func:`spare_cores` to compare with later ones."""
    return CpuSample(time.monotonic(), time.process_time(), _core_ticks())


def _core_ticks() -> tuple[tuple[int, int], ...]:
    try:
        usable = os.sched_getaffinity(0)
        with open("/proc/stat", encoding="ascii") as stat:
            lines = stat.read().splitlines()
    except (AttributeError, OSError):  # not Linux, or no /proc
        return ()
    ticks = []
    for line in lines:
        name, *fields = line.split()
        if name.startswith("cpu") and name[3:].isdigit() and int(name[3:]) in usable:
            counts = [int(f) for f in fields[:8]]  # user … steal; guests are in user
            ticks.append((counts[3] + counts[4], sum(counts)))  # idle + iowait
    return tuple(ticks)


def spare_cores(before: CpuSample, after: CpuSample, cores: int) -> float | None:
    """The cores that other processes left idle between the two samples, less the
    one this process needs for itself: idle time plus this process's own CPU time,
    minus one core. So it reads the same whether this process was busy (loading the
    pipeline) or waiting meanwhile. Without ``/proc/stat``, the load average stands
    in for the other processes (it counts this one too, a little). None when
    neither can be read.

    >>> before = CpuSample(0.0, 0.0, ((0, 0), (0, 0)))
    >>> # in one second, 1.2 cores idle; this process ran 0.6 s of CPU, so other
    >>> # processes kept 0.2 of a core busy, and 0.8 is left for a helper
    >>> round(spare_cores(before, CpuSample(1.0, 0.6, ((30, 100), (90, 100))), 2), 2)
    0.8
    """
    wall = after.wall - before.wall
    if before.ticks and len(before.ticks) == len(after.ticks) and wall > 0:
        idle = sum(
            (a_idle - b_idle) / (a_total - b_total)
            for (b_idle, b_total), (a_idle, a_total) in zip(
                before.ticks, after.ticks, strict=True
            )
            if a_total > b_total
        )
        own = (after.own - before.own) / wall
        return max(0.0, min(cores - 1.0, idle + own - 1.0))
    try:
        load = os.getloadavg()[0]
    except OSError:
        return None
    return max(0.0, cores - 1.0 - load)


def setting_from_env() -> bool | None:
    """``$KB_PARSE_AHEAD``: True for ``1``, False for ``0``, None (let
    :func:`decide` choose) when unset, empty or ``auto``.

    :raises UsageError: for any other value.
    """
    raw = os.environ.get(ENV, "").strip().lower()
    if raw in ("", "auto"):
        return None
    if raw in ("0", "1"):
        return raw == "1"
    raise UsageError(f"{ENV}={raw!r}: use 1 (parse ahead), 0 (do not) or auto")


def decide(
    setting: bool | None, cores: int, spare: float | None, can_fork: bool = True
) -> Decision:
    """Parse ahead or not: never where the platform cannot fork or this process has
    one usable core; else as ``setting`` says, and when it is None, when ``spare``
    (see :func:`spare_cores`) is at least :data:`FREE_CORE_MIN`.

    >>> decide(None, 2, 0.9).ahead, decide(None, 2, 0.3).ahead
    (True, False)
    >>> decide(True, 1, None).text
    'spaCy parses in this process: it may use 1 core only'
    """
    here = "spaCy parses in this process"
    if not can_fork:
        return Decision(False, f"{here}: this platform cannot fork a helper")
    if cores < 2:
        return Decision(False, f"{here}: it may use {cores} core only")
    if setting is not None:
        how = (
            "parses ahead in a helper process" if setting else "parses in this process"
        )
        return Decision(setting, f"spaCy {how}, as asked ({ENV}={int(setting)})")
    if spare is None:
        return Decision(False, f"{here}: the idle CPU cannot be measured here")
    free = f"{spare:.2f} of a core was idle beside it"
    if spare >= FREE_CORE_MIN:
        return Decision(True, f"spaCy parses ahead in a helper process: {free}")
    return Decision(False, f"{here}: only {free} (a helper needs {FREE_CORE_MIN})")


def choose(setting: bool | None, since: CpuSample) -> Decision:
    """:func:`decide` for this process now, with ``setting`` (or else
    ``$KB_PARSE_AHEAD``) and the CPU that other processes left idle since ``since``
    (waiting, when that was less than :data:`SAMPLE_MIN_S` ago).

    :raises UsageError: when ``$KB_PARSE_AHEAD`` is not 1, 0 or auto.
    """
    if setting is None:
        setting = setting_from_env()
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    cores = usable_cores()
    spare = None
    if setting is None and can_fork and cores >= 2:
        time.sleep(max(0.0, SAMPLE_MIN_S - (time.monotonic() - since.wall)))
        spare = spare_cores(since, cpu_sample(), cores)
    return decide(setting, cores, spare, can_fork)
