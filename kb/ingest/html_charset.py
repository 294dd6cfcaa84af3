"""The character encoding an HTML page declares in its ``<meta charset>`` or
``<meta http-equiv="Content-Type">``, read with lxml, or (an XHTML page) in its XML
declaration, and the Python codec for it."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Declared",
    "declaration",
    "declared_charset",
    "html_codec",
    "xml_declared_charset",
]

#: Declarations sit in the head; a page whose scripts and styles come first can push
#: them past the HTML standard's 1024-byte prescan, so a little more is read.
_PRESCAN = 16 * 1024

# The XML declaration's EncName (XML 1.0, production [81]); it opens the file (after
# a byte-order mark, read before; blank lines before it are forgiven).
_XML_DECLARATION = re.compile(
    rb"""\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']"""
)

_CONTENT_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([^\s;\"']+)", re.IGNORECASE)

# The HTML standard reads these labels as another encoding than Python does: pages
# labelled Latin-1 or ASCII are Windows-1252 in every browser (curly quotes, the euro
# sign), and a "UTF-16" meta can only have been read because the bytes are ASCII-based.
_WHATWG = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "gb2312": "gbk",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The encoding label of the first ``<meta>`` near the start of ``data`` that
    declares one, or ``None``.

    >>> declared_charset(b'<html><head><meta charset="windows-1252"></head></html>')
    'windows-1252'
    >>> declared_charset(b'<meta http-equiv="Content-Type" '
    ...                  b'content="text/html; charset=ISO-8859-1">')
    'ISO-8859-1'
    >>> declared_charset(b"<html><body><p>no declaration</p></body></html>") is None
    True
    """
    import lxml.etree
    import lxml.html

    # Latin-1 maps every byte, so an ASCII-based page's tags read right whatever
    # its encoding, and lxml does not switch to the declared one as it parses.
    parser = lxml.html.HTMLParser(encoding="iso-8859-1")
    try:
        tree = lxml.html.document_fromstring(data[:_PRESCAN], parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None  # nothing lxml reads as a document
    for meta in tree.iter("meta"):
        label = meta.get("charset") or _content_charset(meta)
        if label and label.strip():
            return label.strip()
    return None


def xml_declared_charset(data: bytes) -> str | None:
    """The encoding label of the XML declaration that opens ``data`` (an XHTML
    page: ``<?xml version="1.0" encoding="ISO-8859-2"?>``), or ``None``.

    lxml reads the label too (``docinfo.encoding``), but only by parsing the page
    as XML, and reports UTF-8 alike for a page that declares nothing and for one
    whose label it does not know; the declaration's grammar is this one pattern.

    >>> xml_declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html/>')
    'ISO-8859-2'
    >>> xml_declared_charset(b"<?xml version='1.0'?><html/>") is None
    True
    >>> xml_declared_charset(b'<p>encoding="koi8-r"</p>') is None
    True
    """
    found = _XML_DECLARATION.match(data[:_PRESCAN])
    return found.group(1).decode("ascii") if found else None


@dataclass(frozen=True)
class Declared:
    """An encoding a page declares: its ``label`` as written, and ``where`` it is
    declared, as a message names it ("<meta charset>")."""

    label: str
    where: str


def declaration(data: bytes) -> Declared | None:
    """The encoding a page declares in a ``<meta>``, else in its XML declaration.

    >>> declaration(b'<?xml version="1.0" encoding="ISO-8859-2"?><html/>')
    Declared(label='ISO-8859-2', where='<?xml encoding>')
    >>> declaration(b"<p>no declaration</p>") is None
    True
    """
    label = declared_charset(data)
    if label is not None:
        return Declared(label, "<meta charset>")
    label = xml_declared_charset(data)
    return Declared(label, "<?xml encoding>") if label is not None else None


def _content_charset(meta: Any) -> str | None:
    if (meta.get("http-equiv") or "").strip().lower() != "content-type":
        return None
    found = _CONTENT_CHARSET.search(meta.get("content") or "")
    return found.group(1) if found else None


def html_codec(label: str) -> str | None:
    """The Python codec that decodes a page labelled ``label`` as a browser
    would, or ``None`` for a label no codec knows.

    >>> html_codec("ISO-8859-1"), html_codec("utf8"), html_codec("klingon")
    ('cp1252', 'utf-8', None)
    >>> html_codec("hex"), html_codec("base64")
    (None, None)
    """
    name = label.strip().lower()
    if name in _WHATWG:
        return _WHATWG[name]
    try:
        codec = codecs.lookup(name).name
        "".encode(codec).decode(codec)  # "hex", "base64": bytes-to-bytes, no text
    except LookupError:
        return None
    return codec
