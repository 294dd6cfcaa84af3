"""Whether spaCy parses ahead in a helper process (kb.jobs.cores): the policy, with
the cores, the idle CPU and the load average made up (no timing is measured)."""

from __future__ import annotations

import pytest

from kb.errors import UsageError
from kb.jobs import cores
from kb.jobs.cores import FREE_CORE_MIN, CpuSample, decide, spare_cores


@pytest.mark.parametrize(
    ("spare", "ahead"),
    [(1.0, True), (FREE_CORE_MIN, True), (FREE_CORE_MIN - 0.01, False), (0.0, False)],
)
def test_by_default_a_helper_needs_most_of_an_idle_core(
    spare: float, ahead: bool
) -> None:
    decision = decide(None, 2, spare)
    assert decision.ahead is ahead
    assert f"{spare:.2f} of a core was idle" in decision.text


def test_idle_cpu_that_cannot_be_measured_keeps_the_parse_here() -> None:
    assert not decide(None, 2, None).ahead


@pytest.mark.parametrize("spare", [0.0, 1.0, None])
def test_the_users_setting_beats_the_idle_cpu(spare: float | None) -> None:
    assert decide(True, 2, spare).ahead
    assert not decide(False, 2, spare).ahead
    assert "as asked (KB_PARSE_AHEAD=0)" in decide(False, 8, spare).text


@pytest.mark.parametrize("setting", [True, None])
def test_one_usable_core_or_no_fork_never_parses_ahead(setting: bool | None) -> None:
    one = decide(setting, 1, 1.0)
    assert not one.ahead and "1 core only" in one.text
    no_fork = decide(setting, 4, 3.0, can_fork=False)
    assert not no_fork.ahead and "cannot fork" in no_fork.text


def _sample(wall: float, own: float, *idle: int) -> CpuSample:
    """Counters after ``wall`` seconds of 100 ticks a core, ``idle`` of them idle."""
    return CpuSample(wall, own, tuple((i, round(100 * wall)) for i in idle))


START = _sample(0.0, 0.0, 0, 0)


def test_spare_cores_do_not_count_this_process_as_another() -> None:
    # this process loading the pipeline (1 core busy) or waiting (none) while the
    # other processes keep a quarter of a core busy: 0.75 left for a helper either way
    busy_here = spare_cores(START, _sample(1.0, 1.0, 0, 75), 2)
    waiting = spare_cores(START, _sample(1.0, 0.0, 100, 75), 2)
    assert busy_here == pytest.approx(0.75) == waiting


def test_spare_cores_are_between_none_and_all_but_this_processs() -> None:
    # another process busy on both cores while this one waited
    assert spare_cores(START, _sample(1.0, 0.0, 0, 0), 2) == 0.0
    # four cores idle, this process busy on two threads: at most 3 left
    start = _sample(0.0, 0.0, 0, 0, 0, 0)
    assert spare_cores(start, _sample(1.0, 2.0, 100, 100, 100, 100), 4) == 3.0


def test_without_proc_stat_the_load_average_stands_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_ticks = CpuSample(0.0, 0.0, ())
    monkeypatch.setattr(cores.os, "getloadavg", lambda: (0.2, 1.5, 3.0))
    assert spare_cores(no_ticks, CpuSample(1.0, 1.0, ()), 2) == pytest.approx(0.8)
    monkeypatch.setattr(cores.os, "getloadavg", lambda: (2.5, 1.5, 3.0))
    assert spare_cores(no_ticks, CpuSample(1.0, 1.0, ()), 2) == 0.0


@pytest.mark.parametrize(
    ("raw", "setting"),
    [("1", True), ("0", False), ("auto", None), ("", None), (" AUTO ", None)],
)
def test_kb_parse_ahead_reads_1_0_or_auto(
    monkeypatch: pytest.MonkeyPatch, raw: str, setting: bool | None
) -> None:
    monkeypatch.setenv("KB_PARSE_AHEAD", raw)
    assert cores.setting_from_env() is setting


def test_kb_parse_ahead_refuses_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_PARSE_AHEAD", "yes")
    with pytest.raises(UsageError, match="KB_PARSE_AHEAD='yes'"):
        cores.setting_from_env()


@pytest.mark.parametrize(("idle", "ahead"), [(90, True), (30, False)])
def test_choose_measures_the_idle_cpu_when_nobody_says(
    monkeypatch: pytest.MonkeyPatch, idle: int, ahead: bool
) -> None:
    monkeypatch.delenv("KB_PARSE_AHEAD", raising=False)
    monkeypatch.setattr(cores, "usable_cores", lambda: 2)
    monkeypatch.setattr(cores.time, "sleep", lambda seconds: None)
    # the other core idle for `idle` ticks in 100, this process waiting meanwhile
    monkeypatch.setattr(cores, "cpu_sample", lambda: _sample(1.0, 0.0, 100, idle))
    assert cores.choose(None, START).ahead is ahead
    assert cores.choose(False, START).ahead is False
    monkeypatch.setenv("KB_PARSE_AHEAD", "1")
    assert cores.choose(None, START).ahead is True
