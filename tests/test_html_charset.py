"""HTML pages are read in the encoding they declare (``<meta charset>`` or
``<meta http-equiv="Content-Type">``, or an XHTML page's ``<?xml encoding>``),
after a byte-order mark and before UTF-8; a page that is neither declared nor UTF-8
is read as Windows-1252 with a warning, as browsers do, and bytes that fit no encoding are refused with a message that says
how to fix it."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.errors import InputError
from kb.ingest.sources import iter_articles, read_file

BODY = (
    "Łucja Wróbel, who runs a café beside the harbour in Porto, said on Monday "
    "that the “new” fee would cost her €40 a week."
)
PLAIN = BODY.replace("Łucja Wróbel", "Maria Lopez")  # in Windows-1252's repertoire
ASCII_MARKS = BODY.replace("“", '"').replace("”", '"').replace("€40", "40 zloty")


def page(head: str, body: str = BODY) -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Harbour fee</title></head>"
        f"<body><article><p>{body}</p></article></body></html>"
    )


def text_of(path: Path) -> str:
    (article,) = read_file(path)
    return article.text


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        ('<meta charset="windows-1250">', "cp1250"),
        ("<meta charset=ISO-8859-2>", "iso-8859-2"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">',
            "cp1250",
        ),
        # after 3 KB of styles, beyond the standard's 1024-byte prescan
        (
            "<style>" + "p { margin: 0 }\n" * 200 + '</style><meta charset="cp1250">',
            "cp1250",
        ),
    ],
)
def test_a_declared_encoding_is_honoured(
    tmp_path: Path, head: str, codec: str, caplog: pytest.LogCaptureFixture
) -> None:
    # ISO-8859-2 has no curly quotes and no euro sign
    body = ASCII_MARKS if codec == "iso-8859-2" else BODY
    path = tmp_path / "page.html"
    path.write_bytes(page(head, body).encode(codec))
    with caplog.at_level(logging.WARNING, logger="kb"):
        assert text_of(path) == body
    assert warnings(caplog) == []  # the page said what it is: nothing to fix


def test_latin_1_is_read_as_windows_1252_as_browsers_do(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.htm"
    head = '<meta http-equiv="content-type" content="text/html;charset=iso-8859-1">'
    path.write_bytes(page(head, PLAIN).encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="kb"):
        assert text_of(path) == PLAIN
    assert warnings(caplog) == []


def test_euro_sign_of_latin_9(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = PLAIN.replace("“", '"').replace("”", '"')  # not in ISO-8859-15
    path.write_bytes(page('<meta charset="iso-8859-15">', body).encode("iso-8859-15"))
    assert text_of(path) == body


@pytest.mark.parametrize(
    ("head", "said"),
    [("", "not valid UTF-8;"), ('<meta charset="utf-8">', "says utf-8)")],
)
def test_a_legacy_page_neither_declared_nor_utf8_is_read_as_windows_1252(
    tmp_path: Path, head: str, said: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(page(head, PLAIN).encode("cp1252"))
    assert text_of(path) == PLAIN
    (warning,) = [w for w in warnings(caplog) if "Windows-1252" in w]
    assert warning.startswith(f"{path}: not valid UTF-8") and said in warning


def test_a_page_no_encoding_fits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    # 0x81 is no character in Windows-1252, and the bytes are not UTF-8 either
    path.write_bytes(page("", ASCII_MARKS).encode() + b"\x81\xff")
    (item,) = iter_articles([path])
    assert isinstance(item, InputError)
    message = str(item)
    assert message.startswith(f"{path}: neither UTF-8 nor Windows-1252")
    assert "<meta charset=" in message and "re-save" in message


def test_bytes_the_declaration_does_not_fit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    # 0x81 is no character in Windows-1252, and the bytes are not UTF-8 either
    path.write_bytes(
        page('<meta charset="windows-1252">').encode("ascii", "replace") + b"\x81\xff"
    )
    (item,) = iter_articles([path])
    assert isinstance(item, InputError)
    assert "not valid windows-1252, the encoding its <meta charset> declares" in str(
        item
    )


def test_cli_exits_2_and_names_the_page(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(page("", ASCII_MARKS).encode() + b"\x81\xff")
    result = CliRunner().invoke(
        cli, ["export", str(path), "-o", str(tmp_path / "o.ttl")]
    )
    assert result.exit_code == 2
    assert f"{path}: neither UTF-8 nor Windows-1252" in result.output


def test_a_page_on_stdin_is_read_in_its_declared_encoding() -> None:
    data = page('<meta charset="windows-1250">').encode("cp1250")
    (article,) = iter_articles(["-"], stdin=io.BytesIO(data))
    assert not isinstance(article, InputError), article
    assert article.text == BODY


# Re-saved pages and unknown labels are read as UTF-8, and the user is told.


@pytest.mark.parametrize(
    ("head", "said"),
    [
        # re-saved as UTF-8 by an editor that kept the old declaration
        ('<meta charset="windows-1252">', "declares windows-1252 but is UTF-8"),
        ('<meta charset="x-no-such-codec">', "unknown encoding 'x-no-such-codec'"),
    ],
)
def test_a_page_read_as_utf8_against_its_declaration_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, head: str, said: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page(head).encode("utf-8"))
    with caplog.at_level(logging.WARNING, logger="kb"):
        assert text_of(path) == BODY
    assert any(said in m for m in warnings(caplog))


# Guards: what main already read right stays so.


def test_guard_a_byte_order_mark_wins_over_the_declaration(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + page('<meta charset="windows-1252">').encode())
    assert text_of(path) == BODY


def test_guard_a_text_file_still_falls_back_to_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(PLAIN.encode("cp1252"))
    assert text_of(path) == PLAIN


@pytest.mark.parametrize("label", ["hex", "base64", "zlib", "punycode"])
def test_a_declared_codec_that_is_no_text_encoding_is_no_traceback(
    tmp_path: Path, label: str
) -> None:
    """Found by review: Python names bytes-to-bytes codecs too; a page that
    declares one is read as UTF-8 or refused with exit 2, never a traceback."""
    path = tmp_path / "odd.html"
    path.write_bytes(page(f'<meta charset="{label}">', PLAIN).encode("cp1252"))
    result = CliRunner().invoke(
        cli, ["export", str(path), "-o", str(tmp_path / "o.ttl")]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2), result.output


def xhtml(declaration: str, body: str = ASCII_MARKS, head: str = "") -> str:
    return (
        f"{declaration}\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"{head}<title>Harbour fee</title></head>"
        f"<body><article><p>{body}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("declaration", "codec"),
    [
        ('<?xml version="1.0" encoding="ISO-8859-2"?>', "iso-8859-2"),
        ("<?xml version='1.0' encoding='windows-1250' standalone='yes'?>", "cp1250"),
        ('\n<?xml version="1.0"  encoding = "iso-8859-2" ?>', "iso-8859-2"),
    ],
    ids=["double-quoted", "single-quoted", "after-a-blank-line"],
)
def test_an_xhtml_page_is_read_in_its_xml_declaration_s_encoding(
    tmp_path: Path, declaration: str, codec: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(xhtml(declaration).encode(codec))
    with caplog.at_level(logging.WARNING, logger="kb"):
        assert text_of(path) == ASCII_MARKS
    assert warnings(caplog) == []


def test_bytes_the_xml_declaration_does_not_fit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    declaration = '<?xml version="1.0" encoding="windows-1252"?>'
    path.write_bytes(xhtml(declaration).encode() + b"\x81")
    (item,) = iter_articles([path])
    assert isinstance(item, InputError)
    assert "the encoding its <?xml encoding> declares" in str(item)


def test_guard_a_meta_charset_wins_over_the_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    declaration = '<?xml version="1.0" encoding="ISO-8859-2"?>'
    text = xhtml(declaration, head='<meta charset="windows-1250"/>')
    path.write_bytes(text.encode("cp1250"))
    assert text_of(path) == ASCII_MARKS


def test_guard_a_declaration_only_in_the_text_is_no_declaration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.html"
    said = '<p>The tag &lt;?xml encoding="koi8-r"?&gt; is explained below.</p>'
    path.write_bytes(page("", PLAIN).replace("<p>", said + "<p>").encode("cp1252"))
    assert text_of(path).endswith(PLAIN)
