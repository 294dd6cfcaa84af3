"""Markdown articles with YAML front matter (static-site and newsroom exports):
its fields are the article's, and its lines are no text of it."""

from __future__ import annotations

import pytest

from kb.errors import InputError
from kb.ingest.sources import read_file


def _read(tmp_path, text: str):
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    [article] = read_file(path)
    return article


def test_front_matter_gives_the_fields_and_is_no_text(tmp_path):
    article = _read(
        tmp_path,
        '---\ntitle: "Orlen resigns"\ndate: 2023-03-12\nauthor: Maria Lopez\n'
        "link: https://example.org/news/orlen\npublisher: Tarsk Times\nlang: en\n---\n\n"
        "Kellan Orlen resigned on Friday, the club said.\n",
    )
    assert article.title == "Orlen resigns"
    assert article.published == "2023-03-12"
    assert article.url == "https://example.org/news/orlen"
    assert article.source == "Tarsk Times"
    assert article.language == "en"
    assert article.text == "Kellan Orlen resigned on Friday, the club said."


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("date: 2023-03-12 10:15:00 +0000", "2023-03-12T10:15:00+00:00"),
        ("pubDate: 'Sun, 12 Mar 2023 10:15:00 GMT'", "2023-03-12T10:15:00+00:00"),
        ("published: March 12, 2023", "2023-03-12"),
    ],
)
def test_front_matter_dates_in_common_forms(tmp_path, date_line, published):
    article = _read(tmp_path, f"---\n{date_line}\n---\n\nKellan Orlen resigned.\n")
    assert article.published == published


def test_a_heading_is_the_headline_over_the_front_matter_title(tmp_path):
    article = _read(
        tmp_path, "---\ntitle: Old\n---\n\n# New\n\nKellan Orlen resigned.\n"
    )
    assert article.title == "New"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "---\ndate: last Thursday\n---\n\nText.\n",
            "front matter 'date' is not a date",
        ),
        ("---\ntitle: [unclosed\n---\n\nText.\n", "front matter between the first two"),
        # YAML reads these as dates and Python refuses them: no traceback
        ("---\ndate: 2025-02-30\n---\n\nText.\n", "a date or time that does not exist"),
        ("---\ndate: 2025-03-04 25:00:00\n---\n\nText.\n", "does not exist"),
    ],
)
def test_bad_front_matter_is_a_clear_error(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        _read(tmp_path, text)


def test_a_rule_in_the_text_is_no_front_matter(tmp_path):
    # guard: "---" that does not open the file is a thematic break
    article = _read(
        tmp_path, "# Orlen resigns\n\nKellan Orlen resigned.\n\n---\n\nMore.\n"
    )
    assert article.published is None
    assert "Kellan Orlen resigned." in article.text
