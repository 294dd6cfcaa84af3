"""Tests for kb.ingest: formats, encodings, errors, directories and normalisation."""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.errors import InputError
from kb.ingest import sources as ingest
from kb.ingest.normalize import normalize_text
from kb.ingest.sources import iter_articles, read_file
from kb.models import Article

DATA = Path(__file__).parent / "data" / "articles"


def only(path: Path | str) -> Article:
    """The single article in a file."""
    (article,) = read_file(path)
    return article


def error_for(path: Path) -> InputError:
    """The single InputError that iterating over a file yields."""
    (item,) = iter_articles([path])
    assert isinstance(item, InputError), item
    return item


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffHello", "Hello"),
        ("  \ufeff\n Hello \n", "Hello"),
        ("Cafe\u0301", "Caf\u00e9"),  # NFC
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\u2028b\u2029c", "a\nb\n\nc"),
        ("a\x00b\x07c\x1bd\x7fe\x85f\x9fg", "abcdefg"),  # C0, DEL, C1
        ("tab\there", "tab\there"),
        ("e\x00\u0301", "\u00e9"),  # a control between base and mark
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("one  \n \t\n\n two", "one\n\n two"),  # trailing spaces, blank lines
        ("zero\u200bwidth and \u202eRTL\u202c", "zero\u200bwidth and \u202eRTL\u202c"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("no\ufffeend", "noend"),
        (" \n\t ", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
    assert normalize_text(expected) == expected


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


_TRICKY = st.sampled_from(
    list("\ufeff\r\n\t \x00\x85\u0301\u0327e\u2028\u2029\u200b\u00a0\ud800\x0c")
)


@given(st.lists(_TRICKY).map("".join))
def test_normalize_text_is_idempotent_on_tricky_characters(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_every_fixture_body_is_normalised_and_offsets_hold() -> None:
    for item in iter_articles([DATA]):
        if isinstance(item, Article):
            assert normalize_text(item.text) == item.text, item.origin
    article = only(DATA / "ferry-strike.html")
    start = article.text.index("Tomas Reyes")
    assert article.text[start : start + len("Tomas Reyes")] == "Tomas Reyes"


# ---------------------------------------------------------------- formats


def test_txt() -> None:
    article = only(DATA / "dprk-soldiers.txt")
    assert article.origin == str(DATA / "dprk-soldiers.txt")
    assert article.text.startswith("Seoul plans to consult with Kyiv")
    assert "\n\nThis was reported by" in article.text
    assert article.title is None


BODY = "Rain fell for a week over the hills, and the river rose."


@pytest.mark.parametrize(
    ("first_line", "headline"),
    [
        ("Floods cut off Tarsk", "Floods cut off Tarsk"),
        ("“We will rebuild,” mayor vows", "“We will rebuild,” mayor vows"),
        ("Is the river safe?", "Is the river safe?"),
        ("The rain fell for a week.", None),  # a sentence
        ("By Ana Obi", None),  # a byline
        ("TARSK —", None),  # a dateline
        ("Floods", None),  # one word
        ("floods cut off the town", None),  # no capital
    ],
)
def test_plain_text_first_line_as_headline(
    tmp_path: Path, first_line: str, headline: str | None
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{first_line}\n\n{BODY}", encoding="utf-8")
    article = only(path)
    assert article.title == headline
    assert article.text == (BODY if headline else f"{first_line}\n\n{BODY}")


def test_a_one_line_article_has_no_headline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Floods cut off Tarsk", encoding="utf-8")
    article = only(path)
    assert (article.title, article.text) == (None, "Floods cut off Tarsk")


def test_markdown_headline_and_markup_removed() -> None:
    article = only(DATA / "library-reopens.md")
    assert article.title == "Library reopens after two-year refit"
    assert article.text == (
        "The Eastgate library reopened on Saturday after a refit that cost "
        "£4.2 million, the council said.\n\n"
        "What changed\n\n"
        "A children's floor with 3,000 new books\nSolar panels on the roof\n\n"
        '"We wanted a room where people stay," said architect Ines Moreau.\n\n'
        "Opening hours: 9am to 8pm\n\n"
        "Visitors can use the guest network for free."
    )


@pytest.mark.parametrize(
    ("source", "title", "body"),
    [
        ("No heading here.\n\nSecond.", None, "No heading here.\n\nSecond."),
        ("Intro.\n\n# Late heading\n\nText.", None, "Intro.\n\nLate heading\n\nText."),
        ("## Not h1\n\nText.", None, "Not h1\n\nText."),
        ("# Only *bold* title\n\nBody.", "Only bold title", "Body."),
        ("1. one\n2. two\n   - nested", None, "one\ntwo\nnested"),
        ("a | b\n--|--\n1 | 2", None, "a\tb\n1\t2"),
        ("Line one  \nline two", None, "Line one\nline two"),  # hard break
        ("Escaped \\*stars\\* &amp; <b>tags</b>", None, "Escaped *stars* & tags"),
    ],
)
def test_markdown_cases(
    tmp_path: Path, source: str, title: str | None, body: str
) -> None:
    article = only(write(tmp_path, "a.MD", source))
    assert (article.title, article.text) == (title, body)


def test_html_main_text_and_metadata() -> None:
    article = only(DATA / "ferry-strike.html")
    assert article.title == "Ferry crews walk out over night-shift rota"
    assert article.url == "https://gazette.example.org/local/2026/02/09/ferry-strike"
    assert article.published == "2026-02-09T06:30:00+00:00"  # not modified_time
    assert article.source == "Harbour Gazette"
    assert article.language == "en-GB"
    assert article.text.startswith("Crews on the Saltmarsh ferry stopped work")
    assert article.text.endswith(
        "The county council said schools would open as normal."
    )
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 5
    assert "Buses will run every 20 minutes via the old bridge." in paragraphs[2]
    assert "“disappointing”" in article.text  # entities decoded


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Front page",  # nav
        "Subscribe",
        "cookies",  # cookie banner
        "Accept all",
        "tracker",  # script
        "querySelector",
        "position: fixed",  # style
        "Most read",  # aside
        "Bakery wins",
        "All rights reserved",  # footer
        "Privacy",
        "Marta Quill",  # byline
        "Ferry crews walk out",  # headline, kept as the title only
    ],
)
def test_html_boilerplate_removed(boilerplate: str) -> None:
    assert boilerplate not in only(DATA / "ferry-strike.html").text


def test_html_byline_without_class_is_dropped(tmp_path: Path) -> None:
    page = (DATA / "ferry-strike.html").read_text(encoding="utf-8")
    page = page.replace('<p class="byline">', "<p>")
    article = only(write(tmp_path, "page.htm", page))
    assert article.text.startswith("Crews on the Saltmarsh ferry")


@pytest.mark.parametrize(
    ("head", "field", "expected"),
    [
        ('<meta property="og:site_name" content="The Ledger">', "source", "The Ledger"),
        (
            '<meta itemprop="datePublished" content="2024-05-01">',
            "published",
            "2024-05-01",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-05-01T10:00:00-04:00"}</script>',
            "published",
            "2024-05-01T10:00:00-04:00",
        ),
        ('<meta property="og:locale" content="pt_PT">', "language", "pt-PT"),
        ('<link rel="canonical" href="ftp://example.org/x">', "url", None),
    ],
)
def test_html_metadata_sources(
    tmp_path: Path, head: str, field: str, expected: str | None
) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n} of a story about the harbour, long enough to be kept "
        "by the extractor as main text rather than as boilerplate.</p>"
        for n in range(1, 5)
    )
    page = f"<html><head><title>Story</title>{head}</head><body><article>"
    page += f"{paragraphs}</article></body></html>"
    article = only(write(tmp_path, "page.html", page))
    assert getattr(article, field) == expected
    assert article.text.startswith("Paragraph 1 of a story")


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav>Home</nav></body></html>",
        # a title and links: trafilatura finds a document with an empty body
        "<html><head><title>Nav</title></head><body><nav><a href='/'>Home</a></nav>"
        "</body></html>",
        "<html><head><title>Port reopens</title></head><body><h1>Port reopens</h1>"
        "</body></html>",
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = write(tmp_path, "empty.html", page)
    assert str(error_for(path)) == (
        f"{path}: no article text found in this HTML page; save the article's own "
        "page, or its text as .txt"
    )


def test_json_array_and_unknown_fields() -> None:
    first, second = read_file(DATA / "two-records.json")
    assert first == Article(
        text=(
            "The old bridge will close for six weeks from Monday while engineers "
            "replace its bearings, the county said.\n\n"
            "Drivers are advised to use the ring road."
        ),
        origin=f"{DATA / 'two-records.json'}[0]",
        id="bridge-repair",
        url="https://news.example.org/2025/10/01/bridge-repair",
        title="Old bridge to close for repairs",
        published="2025-10-01",
        source="Example Town Crier",
        language="en",
    )
    assert second.origin.endswith("two-records.json[1]")
    assert second.url is None  # null is "not given"


def test_json_single_object(tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", '{"text": "Rain.", "title": "  Weather\\n "}')
    article = only(path)
    assert (article.origin, article.text, article.title) == (
        str(path),
        "Rain.",
        "Weather",
    )


def test_json_record_fields_under_the_names_front_matter_takes(tmp_path: Path) -> None:
    # a feed that says "headline" and "date" lost both without a word before
    record = {
        "text": "Kellan Orlen said the Tarsk ferry would run again.",
        "headline": "Tarsk ferry returns",
        "Date": "2026-11-02",
        "link": "https://news.example.org/tarsk-ferry",
        "publisher": "Varda Times",
        "lang": "en",
    }
    article = only(write(tmp_path, "feed.json", json.dumps(record)))
    assert (article.title, article.published, article.url, article.source) == (
        "Tarsk ferry returns",
        "2026-11-02",
        "https://news.example.org/tarsk-ferry",
        "Varda Times",
    )
    assert article.language == "en"


def test_a_json_field_under_its_own_name_wins_over_another(tmp_path: Path) -> None:
    record = {"text": "Rain.", "date": "2026-01-01", "published": "2026-02-02"}
    assert only(write(tmp_path, "r.json", json.dumps(record))).published == (
        "2026-02-02"
    )
    bad = {"text": "Rain.", "datePublished": "14/03/2026"}
    message = str(error_for(write(tmp_path, "bad.json", json.dumps(bad))))
    assert "field 'datePublished' is not an ISO" in message


def test_jsonl_bad_lines_do_not_stop_the_rest() -> None:
    path = DATA / "harbour-updates.jsonl"
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputError",
        "InputError",
        "Article",
    ]
    first, bad_json, bad_type, last = items
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.origin == f"{path}:1"
    assert first.published == "2026-01-06T09:00:00+00:00"
    assert str(bad_json) == (
        f"{path}:2: invalid JSON (Expecting ',' delimiter at column 44); "
        "each line must be one JSON object"
    )
    assert str(bad_type).startswith(f"{path}:4: field 'id' must be a string")
    assert last.origin == f"{path}:5"  # line 3 is blank and skipped


def test_read_file_raises_the_first_error() -> None:
    with pytest.raises(InputError, match=r"harbour-updates\.jsonl:2: invalid JSON"):
        read_file(DATA / "harbour-updates.jsonl")


def test_json_array_bad_item_names_its_index(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.json", '[{"text": "Good."}, {"text": 5}, {"text": "Ok."}]'
    )
    items = list(iter_articles([path]))
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert str(items[1]).startswith(f"{path}[1]: field 'text' must be a string")


# ---------------------------------------------------------------- record checks


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-11-06", "2025-11-06"),
        ("2026-03-14T08:10:00+08:00", "2026-03-14T08:10:00+08:00"),
        ("2026-03-14T08:10Z", "2026-03-14T08:10:00+00:00"),
        (" 2026-03-14 08:10:00 ", "2026-03-14T08:10:00"),
        ("20251106", "2025-11-06"),
    ],
)
def test_published_is_normalised(tmp_path: Path, published: str, expected: str) -> None:
    path = write(tmp_path, "r.json", f'{{"text": "x", "published": "{published}"}}')
    assert only(path).published == expected


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ('{"title": "No text"}', "missing field 'text'"),
        ('{"text": ""}', "empty article"),
        ('{"text": " \\n\\u0000 "}', "empty article"),
        ('{"text": ["a"]}', "field 'text' must be a string, not an array"),
        ('{"text": "x", "title": 7}', "field 'title' must be a string, not a number"),
        (
            '{"text": "x", "published": 20260101}',
            'not a number; write it as a JSON string ("published": "…") or drop it',
        ),
        (
            '{"text": "x", "source": {}}',
            "field 'source' must be a string, not an object",
        ),
        ('{"text": "x", "language": true}', "field 'language' must be a string"),
        ('{"text": "x", "published": "14/03/2026"}', "field 'published' is not an ISO"),
        ('{"text": "x", "published": "2026"}', "field 'published' is not an ISO"),
        ('{"text": "x", "published": "2026-02-30"}', "field 'published' is not an ISO"),
        ('{"text": "x", "url": "/news/x"}', "field 'url' is not an absolute http(s)"),
        ('{"text": "x", "url": "ftp://example.org/x"}', "field 'url' is not"),
        ('{"text": "x", "url": "https://exa mple.org"}', "field 'url' is not"),
        ('"just a string"', "a record must be a JSON object, not a string"),
        ("[]", "the JSON array is empty"),
        ('{"text": "x",}', "invalid JSON (Expecting property name"),
    ],
)
def test_bad_json_records(tmp_path: Path, record: str, fragment: str) -> None:
    path = write(tmp_path, "bad.json", record)
    message = str(error_for(path))
    assert message.startswith(f"{path}")
    assert fragment in message
    assert "\n" not in message


def test_a_text_file_of_links_alone_is_refused_with_what_to_do(tmp_path: Path) -> None:
    # read as an article it gave a graph with no node, and no word of why
    path = write(
        tmp_path,
        "reading-list.txt",
        "https://news.example.org/1\r\n\r\n http://x.example/2\n",
    )
    message = str(error_for(path))
    assert message.startswith(f"{path}: only 2 links, no article text")
    assert "save each page and give kb the .html files" in message
    # a link inside an article's text is no reading list
    text = "Maria Lopez wrote at https://news.example.org/1 that Tarsk will vote.\n"
    assert only(write(tmp_path, "a.txt", text)).text == text.strip()


@pytest.mark.parametrize(
    ("markdown", "links"),
    [
        ("# To read\n\n- [Rain in Porto](https://a.example/1)\n- [Varda](/2)\n", 2),
        ("https://a.example/1\nhttps://a.example/2\n", 2),
        ("[Rain](https://a.example/1)\n\n<https://a.example/2>\n", 2),
        ("1. [Rain](https://a.example/1) |\n2. (https://a.example/2)\n", 2),
    ],
)
def test_a_markdown_file_of_links_alone_is_refused(
    tmp_path: Path, markdown: str, links: int
) -> None:
    # read as an article it gave a graph of its link texts, or of none at all
    path = write(tmp_path, "reading-list.md", markdown)
    message = str(error_for(path))
    assert message.startswith(f"{path}: only {links} links, no article text")
    assert "save each page and give kb the .html files" in message


@pytest.mark.parametrize(
    "markdown",
    [
        "Maria Lopez [wrote](https://a.example/1) that Porto will vote.\n",
        "- [Rain](https://a.example/1) fell on Porto\n- [Varda](https://a.example/2)\n",
        "[Rain](https://a.example/1)\n\n```\nKellan left Porto.\n```\n",
    ],
)
def test_guard_markdown_with_text_beside_its_links_is_an_article(
    tmp_path: Path, markdown: str
) -> None:
    assert only(write(tmp_path, "a.md", markdown)).text


# ---------------------------------------------------------------- bytes and files


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("notes.docx", "text", "unsupported extension '.docx'; supported extensions"),
        ("README", "text", "no extension; supported extensions are .htm, .html"),
        ("empty.txt", "", "empty article"),
        ("blank.md", " \n\t\r\n ", "empty article"),
        ("only-title.md", "# Title only\n", "empty article"),
        ("doc.txt", b"%PDF-1.7\n...", "this is a PDF document, not text"),
        ("pic.txt", b"\x89PNG\r\n\x1a\n....", "PNG image"),
        ("pic.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        ("pic.md", b"GIF89a\x01\x00", "GIF image"),
        ("bundle.json", b"PK\x03\x04\x14\x00", "ZIP archive"),
        ("nul.txt", b"text\x00with NUL", "contains NUL bytes"),
        ("utf16.txt", "no BOM".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
        ("bad.txt", b"caf\x81\x90", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_bad_files(
    tmp_path: Path, name: str, content: str | bytes, fragment: str
) -> None:
    path = write(tmp_path, name, content)
    message = str(error_for(path))
    assert message.startswith(f"{path}: ")
    assert fragment in message
    assert "\n" not in message
    with pytest.raises(InputError):
        read_file(path)


def test_missing_file(tmp_path: Path) -> None:
    message = str(error_for(tmp_path / "gone.txt"))
    assert (
        message == f"{tmp_path / 'gone.txt'}: no such file or directory; check the path"
    )


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    path = write(tmp_path, "big.txt", "x" * 11)
    assert "file is too large" in str(error_for(path))
    assert only(write(tmp_path, "ok.txt", "x" * 10)).text == "x" * 10
    assert ingest.MAX_BYTES == 10


def test_default_size_limit_is_20_mib() -> None:
    assert ingest.MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + "Café ☕".encode(),
        "Café ☕".encode(),
        "\ufeffCafé ☕".encode("utf-16-le"),
        "\ufeffCafé ☕".encode("utf-16-be"),
        "Café ☕".encode("utf-16"),  # native order, with BOM
        "Café ☕".encode("utf-32"),
    ],
)
def test_unicode_encodings(tmp_path: Path, encoded: bytes) -> None:
    assert only(write(tmp_path, "e.txt", encoded)).text == "Café ☕"


def test_utf16_jsonl(tmp_path: Path) -> None:
    data = '{"text": "Über"}\n{"text": "Ça va"}\n'.encode("utf-16")
    texts = [a.text for a in read_file(write(tmp_path, "u.jsonl", data))]
    assert texts == ["Über", "Ça va"]


def test_windows_1252_fallback_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path, "old.txt", "“Smart” quotes – café".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="kb"):
        article = only(path)
    assert article.text == "“Smart” quotes – café"
    assert any(
        str(path) in r.getMessage() and "Windows-1252" in r.getMessage()
        for r in caplog.records
    )


def test_stdin_is_plain_text() -> None:
    stream = io.BytesIO(b"# Not a headline\r\n\r\nBody\x07.")
    (article,) = iter_articles(["-"], stdin=stream)
    assert isinstance(article, Article)
    assert article == Article(text="# Not a headline\n\nBody.", origin="<stdin>")


def _from_stdin(data: str) -> list[str]:
    items = iter_articles(["-"], stdin=io.BytesIO(data.encode()))
    return _described(list(items))


def test_a_feed_piped_to_stdin_is_read_as_records_not_as_text() -> None:
    records = [FEED[0], FEED[2]]
    texts = [
        "<stdin>:1 Kellan Orlen opened the bridge in Tarsk on Monday.",
        "<stdin>:2 Maria Lopez said the ferry to Varda would run again.",
    ]
    assert _from_stdin("\n".join(records) + "\n") == texts
    bad_first = _from_stdin("{not json\n" + records[0])
    assert bad_first[0].startswith("<stdin>:1: invalid JSON") and len(bad_first) == 2
    array = _from_stdin("[" + ", ".join(records) + "]")
    assert array == [t.replace(":1", "[0]").replace(":2", "[1]") for t in texts]
    assert _from_stdin(records[0]) == [texts[0].replace(":1", "")]


def test_a_page_piped_to_stdin_is_read_as_html() -> None:
    body = "Kellan Orlen said on Monday that the pier in Tarsk would reopen soon."
    page = f"<!DOCTYPE html><html><body><article><p>{body}</p></article></body></html>"
    assert _from_stdin("\n" + page) == [f"<stdin> {body}"]


def test_text_on_stdin_that_only_starts_like_json_stays_text() -> None:
    text = "[Updated] Maria Lopez spoke in Varda.\n\n<html> is a tag."
    assert _from_stdin(text) == [f"<stdin> {text}"]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [(b"", "empty article"), (b"%PDF-1.4", "PDF document")],
)
def test_stdin_errors(data: bytes, fragment: str) -> None:
    (item,) = iter_articles(["-"], stdin=io.BytesIO(data))
    assert isinstance(item, InputError)
    assert str(item).startswith("<stdin>: ") and fragment in str(item)


# ---------------------------------------------------------------- directories


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "B")
    write(tmp_path, "a.TXT", "A")
    write(tmp_path, "notes.docx", "skipped: unknown extension")
    write(tmp_path, ".hidden.txt", "skipped: hidden")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.md", "# Title\n\nC")
    write(tmp_path / "sub", "d.jsonl", '{"text": "D1"}\n{"text": "D2"}\n')
    write(tmp_path, "z.json", '{"text": "Z"}')
    texts = [a.text for a in iter_articles([tmp_path]) if isinstance(a, Article)]
    assert texts == ["A", "B", "C", "D1", "D2", "Z"]


def test_fixture_directory_mixes_articles_and_errors() -> None:
    items = list(iter_articles([DATA, DATA / "dprk-soldiers.txt"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds.count("Article") == 8 and kinds.count("InputError") == 2
    assert items[0].origin == items[-1].origin  # type: ignore[union-attr]


def test_symlink_loop_in_directory(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "A")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (tmp_path / "z").symlink_to(tmp_path / "z")  # no extension: might be a folder
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], Article) and items[0].text == "A"
    messages = [str(i) for i in items[1:]]
    assert len(messages) == 4
    assert all("symlink loop" in m for m in messages), messages
    assert messages[-1] == f"{tmp_path / 'z'}: symlink loop; fix or remove the link"


def test_dangling_symlink_in_directory(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (item,) = iter_articles([tmp_path])
    assert isinstance(item, InputError) and "no such file" in str(item)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything"
)
def test_unreadable_file_in_directory(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "x")
    path.chmod(0)
    write(tmp_path, "z.txt", "Z")
    first, second = iter_articles([tmp_path])
    assert isinstance(first, InputError) and "permission denied" in str(first)
    assert isinstance(second, Article)


def test_unreadable_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also runs as root, where chmod does not stop reading."""
    path = write(tmp_path, "secret.txt", "x")
    write(tmp_path, "z.txt", "Z")

    def refuse(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, mode, *args, **kwargs)

    original = Path.open
    monkeypatch.setattr(Path, "open", refuse)
    first, second = iter_articles([tmp_path])
    assert str(first) == f"{path}: permission denied; make it readable or leave it out"
    assert isinstance(second, Article) and second.text == "Z"


def test_count_input_files_counts_what_would_be_read(tmp_path: Path) -> None:
    from kb.ingest.sources import count_input_files

    (tmp_path / "d" / "sub").mkdir(parents=True)
    for name in ("d/a.txt", "d/sub/b.jsonl", "d/notes.pdf", "d/.hidden.txt", "c.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert count_input_files([tmp_path / "d", tmp_path / "c.md"]) == 3


# ---------------------------------------------------------------- ninjs
NINJS_BODY = (
    "Rain fell for a week over the hills of Tarsk, and the river rose on Monday, "
    "officials said in a statement."
)


def _ninjs(tmp_path: Path, record: object, name: str = "item.json") -> Article:
    import json

    path = tmp_path / name
    path.write_text(json.dumps(record), encoding="utf-8")
    return only(path)


def test_ninjs_1_with_headline_and_body_text(tmp_path: Path) -> None:
    article = _ninjs(
        tmp_path,
        {
            "uri": "https://news.example/2026/floods",
            "type": "text",
            "headline": "Floods cut off Tarsk",
            "body_text": NINJS_BODY,
            "byline": "Ana Obi",
            "located": "Tarsk",
            "versioncreated": "2026-03-14T08:10:00Z",
            "language": "en",
        },
    )
    assert article.text == NINJS_BODY
    assert article.title == "Floods cut off Tarsk"
    assert article.url == article.id == "https://news.example/2026/floods"
    assert article.published == "2026-03-14T08:10:00+00:00"
    assert article.language == "en"


def test_ninjs_2_and_3_headlines_and_html_bodies(tmp_path: Path) -> None:
    paragraphs = [
        f"Paragraph {i}: rain fell for a week over the hills of Tarsk, and the "
        "river rose on Monday, officials said in a statement to reporters."
        for i in range(4)
    ]
    article = _ninjs(
        tmp_path,
        {
            "standard": {"name": "ninjs", "version": "3.0"},
            "uri": "urn:newsml:news.example:20260314:floods",
            "headlines": [
                {"role": "sub", "value": "The river rose"},
                {"role": "main", "value": "Floods cut off Tarsk"},
            ],
            "bodies": [
                {
                    "contenttype": "text/html",
                    "value": "".join(f"<p>{p}</p>" for p in paragraphs),
                }
            ],
            "firstcreated": "2026-03-14",
        },
    )
    assert article.title == "Floods cut off Tarsk"
    assert article.text == "\n\n".join(paragraphs)
    assert article.id == "urn:newsml:news.example:20260314:floods"
    assert article.url is None  # a URN is no address to link to
    assert article.published == "2026-03-14"


def test_ninjs_plain_body_wins_over_html(tmp_path: Path) -> None:
    article = _ninjs(
        tmp_path,
        {
            "uri": "https://news.example/a",
            "bodies": [
                {"contenttype": "text/html", "value": "<p>Other words here.</p>"},
                {"contenttype": "text/plain", "value": NINJS_BODY},
            ],
        },
    )
    assert article.text == NINJS_BODY


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            {"uri": "https://news.example/a", "headline": "Only a headline"},
            "no text body",
        ),
        (
            {
                "uri": "https://news.example/a",
                "body_text": NINJS_BODY,
                "versioncreated": "Monday",
            },
            "'versioncreated' is not an ISO 8601",
        ),
        (
            {"uri": "https://news.example/a", "headlines": "Floods"},
            "'headlines' must be an array",
        ),
    ],
)
def test_bad_ninjs_items_name_the_field(
    tmp_path: Path, record: dict[str, Any], message: str
) -> None:
    import json

    path = tmp_path / "item.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        read_file(path)


def test_ninjs_items_in_jsonl_beside_our_records(tmp_path: Path) -> None:
    import json

    path = tmp_path / "feed.jsonl"
    lines = [
        {
            "uri": "https://news.example/a",
            "headline": "Floods",
            "body_text": NINJS_BODY,
        },
        {"text": NINJS_BODY, "title": "Our own record"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    first, second = read_file(path)
    assert isinstance(first, Article) and first.title == "Floods"
    assert isinstance(second, Article) and second.title == "Our own record"


@pytest.mark.parametrize(
    ("text", "published", "body"),
    [
        # under the headline
        (
            "Floods cut off Tarsk\n\nTue Mar 4, 2008 6:27pm EST\n\nRain fell for a week.",
            "2008-03-04",
            "Rain fell for a week.",
        ),
        # under a byline, with a label
        (
            "Floods cut off Tarsk\n\nBy Ana Obi\n\nPublished: 4 March 2008\n\nRain fell.",
            "2008-03-04",
            "By Ana Obi\n\nRain fell.",
        ),
        # with a time of day and its zone as an offset
        (
            "Floods cut off Tarsk\n\n4 March 2008, 10:00 (GMT+05:00)\n\nRain fell.",
            "2008-03-04",
            "Rain fell.",
        ),
        # at the very top, with no headline
        (
            "Tuesday, March 4, 2008\n\nRain fell for a week in Tarsk.",
            "2008-03-04",
            "Rain fell for a week in Tarsk.",
        ),
        # a sentence that names a day is no date line
        (
            "Floods cut off Tarsk\n\nRain fell on March 4, 2008.\n\nThe river rose.",
            None,
            "Rain fell on March 4, 2008.\n\nThe river rose.",
        ),
        # a month alone dates no article
        (
            "Floods cut off Tarsk\n\nMarch 2008\n\nRain fell for a week.",
            None,
            "March 2008\n\nRain fell for a week.",
        ),
    ],
)
def test_a_date_line_dates_the_article(
    tmp_path: Path, text: str, published: str | None, body: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert (article.published, article.text) == (published, body)


def test_metadata_wins_over_a_date_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"published": "2008-03-05", "text": "March 4, 2008\\n\\nRain fell."}\n',
        encoding="utf-8",
    )
    (article,) = read_file(path)
    assert isinstance(article, Article)
    assert (article.published, article.text) == (
        "2008-03-05",
        "March 4, 2008\n\nRain fell.",
    )


@pytest.mark.parametrize("name", ["missing", "missing.txt", "gone/"])
def test_a_missing_path_is_named_missing_whatever_its_extension(
    tmp_path: Path, name: str
) -> None:
    message = str(error_for(tmp_path / name))
    assert "no such file or directory" in message


@pytest.mark.parametrize("files", [[], ["report.docx", "notes.pdf"]])
def test_a_folder_without_article_files_is_an_error(
    tmp_path: Path, files: list[str]
) -> None:
    for name in files:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (item,) = list(iter_articles([tmp_path]))
    assert isinstance(item, InputError)
    assert str(item).startswith(f"{tmp_path}: no article files")


def _feed(tmp_path: Path, lines: list[str]) -> Path:
    return write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")


FEED = [
    '{"id": "a1", "text": "Kellan Orlen opened the bridge in Tarsk on Monday."}',
    "",
    '{"id": "a2", "text": "Maria Lopez said the ferry to Varda would run again."}',
    "{not json",
    '{"id": "a3", "text": "The council of Orlen Bay met on Friday, an aide said."}',
]


def _described(items: list[Article | InputError]) -> list[str]:
    return [
        f"{item.origin} {item.text}" if isinstance(item, Article) else str(item)
        for item in items
    ]


def test_a_jsonl_feed_over_the_size_limit_is_read_a_record_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _feed(tmp_path, FEED)
    whole = _described(list(iter_articles([path])))
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)  # each line fits, the file not
    assert path.stat().st_size > 100
    assert _described(list(iter_articles([path]))) == whole
    assert len(whole) == 4 and f"{path}:4: invalid JSON" in whole[2]


def test_a_feed_line_over_the_size_limit_is_one_bad_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = '{"text": "' + "Varda " * 40 + '"}'
    path = _feed(tmp_path, [FEED[0], long, FEED[2]])
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    first, bad, third = iter_articles([path])
    assert isinstance(first, Article) and isinstance(third, Article)
    assert third.origin == f"{path}:3"
    assert str(bad).startswith(f"{path}:2: the line is too large (over ")


def test_other_files_over_the_size_limit_are_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    array = write(tmp_path, "feed.json", "[" + ", ".join(FEED[::2]) + "]")
    utf16 = write(tmp_path, "wide.jsonl", "\n".join(FEED).encode("utf-16"))
    # big-endian UTF-32's mark starts with no UTF-16 mark: each line would be
    # read alone, the first as UTF-32, the others as binary
    utf32 = codecs.BOM_UTF32_BE + "\n".join(FEED).encode("utf-32-be")
    wider = write(tmp_path, "wider.jsonl", utf32)
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    assert "file is too large" in str(error_for(array))
    assert "must be UTF-8" in str(error_for(utf16))
    assert "must be UTF-8" in str(error_for(wider))


_UNREAD_FEED = [
    '{"text": "Maria Lopez spoke in Porto.", "author": "K. Brandt", "tags": []}',
    '{"body": "Tomas Brandt left Porto.", "when": "2025-06-12", "author": "X"}',
    '{"text": "Kellan spoke.", "Headline": "Kellan", "pubDate": "2025-06-12"}',
]
_READS = (
    "it reads text, id, title/headline, published/date/pubdate/datepublished, "
    "url/link/canonical_url, source/publisher, language/lang"
)


def _warnings(caplog: pytest.LogCaptureFixture, inputs: list[Path]) -> list[str]:
    with caplog.at_level(logging.WARNING, logger="kb"):
        list(iter_articles(inputs))
    return [r.getMessage() for r in caplog.records]


@pytest.mark.parametrize("limit", [None, 100])
def test_keys_kb_does_not_read_are_named_once_per_jsonl_file(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    limit: int | None,
) -> None:
    # they were left out without a word: a body under "body" or a date under
    # "when" gave a missing text, or an undated article
    path = _feed(tmp_path, _UNREAD_FEED)
    if limit:  # a feed over the size limit, read a record at a time
        monkeypatch.setattr(ingest, "MAX_BYTES", limit)
    assert _warnings(caplog, [path]) == [
        f"{path}: left out keys 'author', 'body', 'tags', 'when', which kb does "
        f"not read; {_READS}"
    ]


def test_keys_kb_does_not_read_are_named_once_per_json_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    array = write(tmp_path, "a.json", "[" + ", ".join(_UNREAD_FEED) + "]")
    one = write(tmp_path, "one.json", '{"text": "Rain.", "Section": "local"}')
    assert _warnings(caplog, [array, one]) == [
        f"{array}: left out keys 'author', 'body', 'tags', 'when', which kb does "
        f"not read; {_READS}",
        f"{one}: left out key 'Section', which kb does not read; {_READS}",
    ]


def test_guard_records_of_keys_kb_reads_give_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    feed = _feed(tmp_path, [FEED[0], _UNREAD_FEED[2]])
    ninjs = write(
        tmp_path,
        "n.json",
        '{"uri": "https://a.example/1", "headline": "Rain", "body_text": "Rain."}',
    )
    assert _warnings(caplog, [feed, ninjs]) == []


def test_files_a_folder_holds_that_kb_does_not_read_are_counted_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "story.txt", "Maria Lopez spoke in Varda.")
    write(tmp_path, "notes.docx", "x")
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/figures.csv", "a,b")
    write(tmp_path, "sub/more.csv", "a,b")
    write(tmp_path, ".hidden.csv", "a,b")  # hidden files are left out silently
    with caplog.at_level(logging.WARNING, logger="kb"):
        (article,) = iter_articles([tmp_path])
    assert isinstance(article, Article)
    assert [r.getMessage() for r in caplog.records] == [
        f"{tmp_path}: left out 3 files that kb does not read (2 .csv, 1 .docx); "
        "it reads .htm, .html, .json, .jsonl, .markdown, .md, .txt, .xht, .xhtml"
    ]


def test_a_folder_of_articles_alone_gives_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "story.md", "Maria Lopez spoke in Varda.")
    with caplog.at_level(logging.WARNING, logger="kb"):
        assert len(list(iter_articles([tmp_path]))) == 1
    assert caplog.records == []


def test_a_quoted_local_glob_is_expanded_as_scheduler_runs_expand_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "b.txt", "Maria Lopez spoke in Varda.")
    write(tmp_path, "a.txt", "Kellan Orlen spoke in Tarsk.")
    write(tmp_path, "c.csv", "a,b")
    pattern = str(tmp_path / "*")
    with caplog.at_level(logging.WARNING, logger="kb"):
        items = list(iter_articles([pattern]))
    assert [i.origin for i in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert list(ingest.input_files([str(tmp_path / "*.txt")])) == [
        i.origin for i in items
    ]
    assert "left out 1 file that kb does not read (1 .csv)" in caplog.text


def test_a_glob_reads_its_matches_as_a_folder_reads_its_entries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "a.txt", "Kellan Orlen spoke in Tarsk.")
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/b.md", "Maria Lopez spoke in Varda.")
    write(tmp_path, "sub/c.csv", "a,b")
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (tmp_path / "z").symlink_to(tmp_path / "z")  # no extension: might be a folder
    with caplog.at_level(logging.WARNING, logger="kb"):
        folder = _described(list(iter_articles([tmp_path])))
        matches = _described(list(iter_articles([str(tmp_path / "*")])))
    assert matches == folder
    assert folder[-1] == f"{tmp_path / 'z'}: symlink loop; fix or remove the link"
    warnings = [r.getMessage().split(": ", 1)[1] for r in caplog.records]
    assert warnings[0] == warnings[1] and "(1 .csv)" in warnings[0]


def test_json_on_stdin_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    loads = json.loads

    def counting(text: str) -> Any:
        parsed.append(text)
        return loads(text)

    monkeypatch.setattr(json, "loads", counting)
    array = "[" + ", ".join([FEED[0], FEED[2]]) + "]"
    assert len(_from_stdin(array)) == 2
    assert parsed == [array]


def test_a_glob_that_matches_nothing_says_so(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.jsonl")
    (error,) = iter_articles([pattern])
    assert str(error) == f"{pattern}: no file matches this pattern; check it"
