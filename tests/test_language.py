"""Which articles kb extracts: English by the record's language field, however a
feed writes it, and by the text when no field says."""

from __future__ import annotations

import pytest

from kb.jobs.export import _language_problem
from kb.models import Article

TEXT = "Kellan Orlen said on Monday that the ferry to Varda would run again."


@pytest.mark.parametrize("tag", ["en", "en-GB", "EN", "en_US", "eng", "English"])
def test_english_however_a_feed_writes_it(tag: str) -> None:
    article = Article(text=TEXT, origin="feed.jsonl:1", language=tag)
    assert _language_problem(article) is None


@pytest.mark.parametrize("tag", ["fr", "engl", "es-EN", "enm"])
def test_other_tags_are_not_english(tag: str) -> None:
    article = Article(text=TEXT, origin="feed.jsonl:1", language=tag)
    assert _language_problem(article) == (
        f"feed.jsonl:1: language {tag!r} is not supported"
    )
