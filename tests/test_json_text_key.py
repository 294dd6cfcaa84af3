"""A JSON record without "text" whose text sits under another usual key (schema.org's
articleBody, body, content) is refused with a message that names that key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.errors import InputError
from kb.ingest.sources import iter_articles


@pytest.mark.parametrize("key", ["articleBody", "body", "Content"])
def test_the_message_names_the_key_that_holds_the_text(
    tmp_path: Path, key: str
) -> None:
    path = tmp_path / "story.json"
    record = {"headline": "Varda opens a port", key: "Varda opened a port in Porto."}
    path.write_text(json.dumps(record), encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, InputError)
    assert f"under '{key}': rename that key 'text'" in str(item)


def test_guard_a_record_with_no_text_anywhere_says_only_that(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"headline": "Varda", "body": 3}), encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, InputError)
    assert str(item).endswith("missing field 'text'; every record needs one")
