"""Publication dates as real pages and records write them (session 16): date lines
with a time first, with parts set off by marks, and record fields that are no ISO
8601 but say a day with its year."""

from __future__ import annotations

import pytest

from kb.ingest.metadata import parse_date_field
from kb.ingest.sources import read_file
from kb.text.dates import date_line


@pytest.mark.parametrize(
    "line",
    [
        "Updated 10:15 AM EST, Sun March 12, 2023",
        "Published 12:15 PM EDT, Sun March 12, 2023",
        "March 12, 2023 / 10:15 AM / Updated 2 hours ago",
        "Posted: Mar 12, 2023 / 10:15 AM EST",
        "First published on Sun 12 Mar 2023 10.15 GMT",
        "Sunday, March 12, 2023 - 10:15",
        "12 March 2023 • 3 min read",
        "By Maria Lopez | March 12, 2023",
        "REUTERS | March 12, 2023",
    ],
)
def test_a_date_line_with_a_time_or_parts_dates_the_page(line):
    found = date_line(line)
    assert found is not None and found.value == "2023-03-12"


@pytest.mark.parametrize(
    "line",
    [
        # guards: a headline or a sentence with a date in it
        "Orlen wins - March 4, 2008",
        "The vote - held on March 4, 2008 - was close.",
        "Rain fell on March 4, 2008.",
        "Kellan Orlen / Reuters",
    ],
)
def test_a_line_that_says_more_than_a_date_is_no_date_line(line):
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Sun, 12 Mar 2023 10:15:00 GMT", "2023-03-12T10:15:00+00:00"),
        ("March 12, 2023", "2023-03-12"),
        ("2023-03-12", "2023-03-12"),
        # guards: no year, a day that is no day, a relative day, an ambiguous order
        ("2026-02-30", None),
        ("last Thursday", None),
        ("14/03/2026", None),
        ("2026", None),
    ],
)
def test_a_records_publication_date_in_common_forms(value, iso):
    assert parse_date_field(value) == iso


def test_a_json_record_dated_in_words_is_read(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(
        '{"text": "Kellan Orlen resigned on Friday.", "published": "March 12, 2023"}'
    )
    [article] = read_file(path)
    assert article.published == "2023-03-12"


def test_a_text_whose_date_line_has_a_time_first_is_dated(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Orlen resigns\n\nUpdated 10:15 AM EST, Sun March 12, 2023\n\n"
        "Kellan Orlen resigned on Friday."
    )
    [article] = read_file(path)
    assert article.published == "2023-03-12"
    assert "10:15" not in article.text
