"""Read article files (text, Markdown, HTML, JSON, JSONL) into :class:`Article` records.

Every body goes through :func:`normalize_text` exactly once; mention offsets index it.
"""

from __future__ import annotations

import codecs
import errno
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from kb.errors import InputError
from kb.models import Article

if TYPE_CHECKING:
    from configparser import ConfigParser

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "SUPPORTED_EXTENSIONS",
    "decode_bytes",
    "detect_language",
    "iter_articles",
    "normalize_text",
    "read_file",
]

log = logging.getLogger("kb")

#: Larger files are refused: no news article is this big, and it protects memory.
MAX_BYTES = 20 * 1024 * 1024
#: Longer article bodies are refused before NLP. This is spaCy's default limit (and
#: ``kb.extract.MAX_CHARS``): its parser needs memory in proportion to the text.
MAX_CHARS = 1_000_000

STDIN_ORIGIN = "<stdin>"

# ---------------------------------------------------------------- normalisation

# C0 and C1 controls except \t and \n (\r is turned into \n first), plus DEL.
# XML 1.0 forbids most of them, so RDF/XML and TriX writers would choke.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_LEADING = re.compile(r"^[\s\ufeff]+")


def normalize_text(text: str) -> str:
    """Return the canonical form of an article body; idempotent.

    Strips a byte-order mark, turns ``\\r\\n``, ``\\r`` and U+2028 into ``\\n``
    (U+2029 into a blank line), drops control characters other than ``\\t`` and
    ``\\n``, replaces lone surrogates with U+FFFD, applies Unicode NFC, removes
    trailing spaces on each line, collapses 3+ newlines to 2 and strips the ends.
    Zero-width and bidi characters are content and are kept.

    >>> normalize_text("\\ufeff Cafe\\u0301\\r\\n\\r\\n\\r\\nDone \\x00")
    'Café\\n\\nDone'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    # Controls go before NFC: removing one can bring a base and a mark together.
    text = _CONTROLS.sub("", text)
    text = _LONE_SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return _LEADING.sub("", text).rstrip()


def _clean_field(value: str | None) -> str | None:
    """Normalise a one-line metadata value (title, source…); empty gives ``None``."""
    if value is None:
        return None
    return " ".join(normalize_text(value).split()) or None


# ---------------------------------------------------------------- bytes -> text

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.odt)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a file's bytes: UTF-8, UTF-16/32 with a BOM, else Windows-1252;
    anything but UTF-8 is logged as a warning.

    :param name: the file's name, for messages.
    :raises InputError: for binary data or undecodable text.

    >>> decode_bytes("café".encode("cp1252"), "x.txt")
    'café'
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: not valid {label} despite its byte-order mark "
                    f"({exc.reason} at byte {exc.start}); re-save it as UTF-8",
                    origin=name,
                ) from None
            if label != "UTF-8":
                log.warning("%s: read it as %s, from its byte-order mark", name, label)
            return text
    _reject_binary(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: neither UTF-8 nor Windows-1252 text; re-save it as UTF-8",
            origin=name,
        ) from None
    log.warning("%s: not valid UTF-8; read it as Windows-1252", name)
    return text


def _reject_binary(data: bytes, name: str) -> None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(
                f"{name}: this is {kind}, not text; convert it to "
                f"{_extension_list()} first",
                origin=name,
            )
    if b"\x00" in data:
        raise InputError(
            f"{name}: contains NUL bytes, so it is binary or UTF-16 without a "
            "byte-order mark; re-save it as UTF-8",
            origin=name,
        )


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(_too_large(path, size), origin=str(path))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(_os_error_message(path, exc), origin=str(path)) from None
    if len(data) > MAX_BYTES:  # grew, or a pipe/special file with no size
        raise InputError(_too_large(path, len(data)), origin=str(path))
    return data


def _too_large(name: object, size: int) -> str:
    return (
        f"{name}: file is too large ({size / 2**20:.1f} MiB; the limit is "
        f"{MAX_BYTES // 2**20} MiB); split it into smaller files"
    )


def _os_error_message(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return f"{path}: no such file or directory; check the path"
    if exc.errno == errno.ELOOP:
        return f"{path}: symlink loop; fix or remove the link"
    if exc.errno == errno.EACCES:
        return f"{path}: permission denied; make it readable or leave it out"
    return f"{path}: cannot read ({exc.strerror}); check the file"


# ---------------------------------------------------------------- records

_FIELDS = ("id", "url", "title", "published", "source", "language")


def _article(text: str, origin: str, **meta: str | None) -> Article:
    """Build an Article, normalising the body once and refusing an empty one."""
    body = normalize_text(text)
    if not body:
        raise InputError(
            f"{origin}: empty article (no text); give it some text", origin=origin
        )
    if len(body) > MAX_CHARS:
        raise InputError(
            f"{origin}: article is too long ({len(body):,} characters; the limit is "
            f"{MAX_CHARS:,}); split it into smaller articles",
            origin=origin,
        )
    return Article(text=body, origin=origin, **meta)


def _record(obj: object, origin: str) -> Article:
    """Validate one JSON record and turn it into an Article."""
    if not isinstance(obj, dict):
        raise InputError(
            f"{origin}: a record must be a JSON object, not {_json_type(obj)}; "
            'write it as {"text": "..."}',
            origin=origin,
        )
    text = _string_field(obj, "text", origin)
    if text is None:
        raise InputError(
            f"{origin}: missing field 'text'; every record needs one", origin=origin
        )
    meta = {name: _string_field(obj, name, origin) for name in _FIELDS}
    meta["published"] = _published(meta["published"], origin)
    meta["url"] = _url(meta["url"], origin)
    return _article(text, origin, **meta)


def _string_field(obj: dict[str, Any], name: str, origin: str) -> str | None:
    value = obj.get(name)
    if value is None:  # absent or null: not given
        return None
    if not isinstance(value, str):
        fix = "give the article's text" if name == "text" else "quote it or drop it"
        raise InputError(
            f"{origin}: field '{name}' must be a string, not {_json_type(value)}; "
            f"{fix} as a JSON string",
            origin=origin,
        )
    return value if name == "text" else _clean_field(value)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _published(value: str | None, origin: str) -> str | None:
    """Check an ISO 8601 date or date-time and return it in canonical form."""
    if value is None:
        return None
    iso = parse_iso_date(value)
    if iso is None:
        raise InputError(
            f"{origin}: field 'published' is not an ISO 8601 date or date-time "
            f"({value!r}); write it like 2025-11-06 or 2026-03-14T08:10:00+08:00",
            origin=origin,
        )
    return iso


def parse_iso_date(value: str) -> str | None:
    """Return ``value`` as a canonical ISO date or date-time, or ``None``.

    >>> parse_iso_date("2026-03-14T08:10Z"), parse_iso_date("14/03/2026")
    ('2026-03-14T08:10:00+00:00', None)
    """
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _url(value: str | None, origin: str) -> str | None:
    if value is None:
        return None
    if not is_http_url(value):
        raise InputError(
            f"{origin}: field 'url' is not an absolute http(s) URL ({value!r}); "
            "write it like https://example.com/news/story",
            origin=origin,
        )
    return iri_safe_url(value)


def is_http_url(value: str) -> bool:
    """True for an absolute ``http`` or ``https`` URL with a host, a numeric port if
    any, and no spaces or control characters."""
    try:
        parts = urlsplit(value)
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and not any(c.isspace() or unicodedata.category(c) == "Cc" for c in value)
    )


# ASCII that RFC 3987 allows nowhere in an IRI (space and controls are refused
# earlier), and what it allows only in the authority or once (``#``).
_IRI_EXCLUDED = frozenset('<>"{}|\\^`')
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def iri_safe_url(url: str) -> str:
    """Percent-encode what may not stand in an IRI, so the URL can be written as one.

    Browsers do the same: ``{``, ``|``, a second ``#``, a ``%`` that starts no
    escape, and code points outside RFC 3987's ranges (private use, U+FFFD…).

    >>> iri_safe_url("https://example.org/a|b{c}?q=100%sure#x#y")
    'https://example.org/a%7Cb%7Bc%7D?q=100%25sure#x%23y'
    >>> iri_safe_url("https://example.org/Zoë")
    'https://example.org/Zoë'
    """
    url = _BAD_PERCENT.sub("%25", url)
    scheme, sep, rest = url.partition("://")
    authority_end = len(rest)
    for stop in "/?#":
        if stop in rest:
            authority_end = min(authority_end, rest.index(stop))
    authority = "".join(
        c if c in "[]" or _iri_char(c) else quote(c, safe="")
        for c in rest[:authority_end]
    )
    out = []
    in_fragment = False
    for c in rest[authority_end:]:
        if c == "#" and not in_fragment:
            in_fragment = True
            out.append(c)
        elif c in "[]#" or not _iri_char(c):
            out.append(quote(c, safe=""))
        else:
            out.append(c)
    return scheme + sep + authority + "".join(out)


def _iri_char(char: str) -> bool:
    """May ``char`` stand unescaped in an IRI path (RFC 3987 ``ucschar`` or ASCII)?"""
    code = ord(char)
    if code < 0x80:
        return 0x20 < code < 0x7F and char not in _IRI_EXCLUDED
    if code < 0x10000:
        return (
            0xA0 <= code <= 0xD7FF
            or 0xF900 <= code <= 0xFDCF
            or 0xFDF0 <= code <= 0xFFEF
        )
    return (code & 0xFFFF) < 0xFFFE and (code < 0xE0000 or 0xE1000 <= code < 0xF0000)


# ---------------------------------------------------------------- language

# The commonest function words of the languages that news scrapers most often
# mix into English feeds. A word in several lists counts for each.
_FUNCTION_WORDS = {
    "en": "the and of to in is that was for on with said by it as at from his her "
    "he she they have has were be are this will not but which who",
    "fr": "le la les des et est une un du dans que qui pour pas sur au avec il elle "
    "ce sont aux ont été mais plus par",
    "de": "der die das und ist nicht ein eine mit den dem von zu auf sich des im "
    "für auch es sie wurde hat wird bei nach",
    "es": "el los las del y que en un una por con para es se su al lo como más "
    "pero sus fue ha",
    "it": "il di che e la per un una del della non sono con gli le nel è ha alla "
    "anche dei",
    "pt": "o os as de que e do da em um uma para com não no na por se é dos das foi ao",
    "nl": "de het een en van is dat niet op te zijn met voor er maar ook wordt werd "
    "naar bij",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# Scripts that English is not written in, by the first word of a letter's name.
_SCRIPTS = {
    "CYRILLIC": "und-Cyrl",
    "GREEK": "el",
    "ARABIC": "ar",
    "HEBREW": "he",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: enough to tell, cheap for a long article
_MIN_WORDS = 12  # fewer words than this: too little to tell
_MIN_LETTERS = 20  # likewise for letters, when telling by script


def detect_language(text: str) -> str | None:
    """Guess a non-English language tag for ``text``, or ``None`` for English or unsure.

    A cheap, conservative check so that a non-English article is not run through
    English rules: a non-Latin script (``"und-Cyrl"`` when the script does not
    say the language), or a clear majority of another language's function words.

    >>> detect_language("Die Regierung hat am Montag mitgeteilt, dass der Plan "
    ...                 "nicht vor dem Sommer umgesetzt wird und auch die Kosten steigen.")
    'de'
    >>> detect_language("The minister said on Monday that the plan will not be ready "
    ...                 "before the summer and that the costs are rising.") is None
    True
    """
    sample = text[:_SAMPLE]
    script = _dominant_script(sample)
    if script is not None:
        return script
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return None
    scores = {
        lang: sum(word in vocabulary for word in words) / len(words)
        for lang, vocabulary in _WORD_SETS.items()
    }
    best = max(scores, key=lambda lang: scores[lang])
    if best != "en" and scores[best] >= 0.15 and scores[best] >= 2 * scores["en"]:
        return best
    return None


def _dominant_script(sample: str) -> str | None:
    """The tag of a non-Latin script that most of the letters are in, if any."""
    counts: dict[str, int] = {}
    letters = 0
    for char in sample:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue
        script = unicodedata.name(char, "").split(" ", 1)[0]
        if script in _SCRIPTS:
            tag = _SCRIPTS[script]
            counts[tag] = counts.get(tag, 0) + 1
    if not counts or letters < _MIN_LETTERS:
        return None
    tag = max(counts, key=lambda t: counts[t])
    return tag if counts[tag] > letters / 2 else None


# ---------------------------------------------------------------- formats

Items = Iterator[Article | InputError]


def _read_text(text: str, origin: str) -> Items:
    yield _article(text, origin)


def _read_json(text: str, origin: str) -> Items:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: invalid JSON ({exc.msg} at line {exc.lineno} column "
            f"{exc.colno}); the file must hold one JSON object or an array of them",
            origin=origin,
        ) from None
    if not isinstance(data, list):
        yield _record(data, origin)
        return
    if not data:
        raise InputError(
            f"{origin}: the JSON array is empty; add article records", origin=origin
        )
    for index, item in enumerate(data):
        yield _catch(_record, item, f"{origin}[{index}]")


def _read_jsonl(text: str, origin: str) -> Items:
    # Split on \n only: U+2028 and friends may sit unescaped inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _catch(_jsonl_line, line, f"{origin}:{number}", number)


def _jsonl_line(line: str, origin: str) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: invalid JSON ({exc.msg} at column {exc.colno}); "
            "each line must be one JSON object",
            origin=origin,
        ) from None
    return _record(data, origin)


def _catch(
    func: Callable[[Any, str], Article],
    value: object,
    origin: str,
    line: int | None = None,
) -> Article | InputError:
    """``func(value, origin)``, or the InputError it raised, tagged with ``line``."""
    try:
        return func(value, origin)
    except InputError as exc:
        if line is not None:
            exc.line = line
        return exc


def _read_markdown(text: str, origin: str) -> Items:
    title, blocks = markdown_blocks(text)
    yield _article("\n\n".join(blocks), origin, title=_clean_field(title))


def markdown_blocks(source: str) -> tuple[str | None, list[str]]:
    """Parse Markdown into (headline, plain-text blocks).

    A first-level heading at the very top is the headline. Emphasis, links,
    images, raw HTML, heading markers, bullets and code fences are dropped; the
    text stays. A list or table is one block, an item or row per line.

    >>> markdown_blocks("# Hi\\n\\nSee *the* [docs](https://x.org).\\n\\n- a\\n- b")
    ('Hi', ['See the docs.', 'a\\nb'])
    """
    tokens = _markdown_parser().parse(source)
    title = None
    if len(tokens) > 2 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title, tokens = _inline_text(tokens[1]), tokens[3:]
    return title, _md_walk(tokens)


@cache
def _markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _md_walk(tokens: list[Token]) -> list[str]:
    blocks: list[str] = []
    group: list[str] = []  # lines of the current list or table
    row: list[str] | None = None  # cells of the current table row
    depth = 0  # nesting of lists and tables
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open", "table_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close", "table_close"):
            depth -= 1
            if depth == 0 and group:
                blocks.append("\n".join(group))
                group = []
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            group.append("\t".join(row))
            row = None
        elif kind in ("inline", "fence", "code_block"):
            text = _inline_text(token) if kind == "inline" else token.content
            if row is not None:
                row.append(text.strip())  # keep empty cells: columns stay aligned
            elif text.strip():
                (group if depth else blocks).append(text.strip("\n"))
    return blocks


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")  # a wrapped line, as a browser shows it
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _read_html(text: str, origin: str) -> Items:
    """Main text and metadata with trafilatura, offline (it is given the text).

    trafilatura's default balance is kept: ``favor_precision`` and ``favor_recall``
    gave the same text on our pages, and each trades one risk (a lost paragraph,
    a kept "related" list) for the other. An unmarked byline is dropped here.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        config=_trafilatura_config(),
    )
    if not isinstance(doc, trafilatura.settings.Document) or doc.body is None:
        raise InputError(
            f"{origin}: no article text found in this HTML page; "
            "save the article's own page, or its text as .txt",
            origin=origin,
        )
    title = _clean_field(doc.title)
    blocks = [b for b in _html_blocks(doc.body) if b]
    if blocks and title and _same(blocks[0], title):
        blocks = blocks[1:]  # the headline, which we keep as the title
    if blocks and _BYLINE.match(blocks[0]):
        blocks = blocks[1:]  # trafilatura keeps a byline that has no class name
    meta = _html_metadata(trafilatura.utils.load_html(text), doc, title)
    yield _article("\n\n".join(blocks), origin, title=title, **meta)


@cache
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES))  # our limit, not theirs
    # Never guess the date from the article's prose: only metadata and the URL.
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# "By Marta Quill, transport reporter": short, one line, not a sentence.
_BYLINE = re.compile(r"^By\s+[A-Z][^\n]{0,80}(?<![.!?])$")
_HTML_BLOCKS = {"p", "head", "list", "quote", "table", "code"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's own (ASCII) whitespace
_BREAK = "\u2028"  # stands for <br> until the block is assembled


def _html_blocks(element: Any) -> Iterator[str]:
    """Plain-text blocks of trafilatura's XML body: one per paragraph."""
    for child in element:
        if child.tag == "list":
            yield "\n".join(_html_inline(item) for item in child.findall("item"))
        elif child.tag == "table":
            rows = (row.findall("cell") for row in child.iter("row"))
            yield "\n".join("\t".join(_html_inline(c) for c in r) for r in rows)
        elif child.tag == "quote" and any(c.tag in _HTML_BLOCKS for c in child):
            yield from _html_blocks(child)
        else:
            yield _html_inline(child)


def _html_inline(element: Any) -> str:
    text = _HTML_SPACE.sub(" ", "".join(_html_pieces(element)))
    return "\n".join(line.strip() for line in text.split(_BREAK)).strip()


def _html_pieces(element: Any) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        yield _BREAK if child.tag == "lb" else "".join(_html_pieces(child))
        yield child.tail or ""


_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "date",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+$")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014:-]|::)\s+")


def _html_metadata(tree: Any, doc: Any, title: str | None) -> dict[str, str | None]:
    """URL, date, publisher and language, from the page's own metadata only."""
    meta = _meta_tags(tree)
    return {
        "url": iri_safe_url(doc.url) if doc.url and is_http_url(doc.url) else None,
        "published": _html_date(tree, meta) or doc.date,
        "source": _html_source(tree, meta, title, doc.sitename),
        "language": _html_language(tree, meta),
    }


def _meta_tags(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        key = key or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _html_date(tree: Any, meta: dict[str, str]) -> str | None:
    """The full published date-time, which trafilatura cuts to a date."""
    candidates = [meta.get(key) for key in _DATE_KEYS]
    candidates += tree.xpath("//time[@itemprop='datePublished']/@datetime")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        candidates += _JSONLD_DATE.findall(script)
    parsed = (parse_iso_date(c) for c in candidates if c)
    return next((iso for iso in parsed if iso), None)


def _html_source(
    tree: Any, meta: dict[str, str], title: str | None, sitename: str | None
) -> str | None:
    explicit = meta.get("og:site_name") or meta.get("application-name")
    if explicit:
        return _clean_field(explicit)
    # "Headline | Site name": trust the other part only when one part is the headline.
    parts = _TITLE_SEPARATOR.split(" ".join(tree.xpath("string(//title)").split()))
    if title and len(parts) == 2 and any(_same(p, title) for p in parts):
        return _clean_field(parts[1] if _same(parts[0], title) else parts[0])
    # trafilatura's guess (JSON-LD, Twitter…), unless it is the headline or a host.
    if (
        sitename
        and not (title and _same(sitename, title))
        and not _HOST.match(sitename)
    ):
        return _clean_field(sitename)
    return None


def _html_language(tree: Any, meta: dict[str, str]) -> str | None:
    candidates = tree.xpath("/html/@lang") + tree.xpath("/html/@xml:lang")
    candidates += [meta.get("content-language"), meta.get("og:locale")]
    for candidate in candidates:
        tag = (candidate or "").strip().replace("_", "-")
        if _LANG.match(tag):
            return tag
    return None


# ---------------------------------------------------------------- files and dirs

_READERS: dict[str, Callable[[str, str], Items]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}

#: File extensions that :func:`iter_articles` reads (compared case-insensitively).
SUPPORTED_EXTENSIONS = tuple(sorted(_READERS))


def _extension_list() -> str:
    return ", ".join(SUPPORTED_EXTENSIONS)


def _reader_for(path: Path) -> Callable[[str, str], Items]:
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        what = f"unsupported extension '{path.suffix}'" if suffix else "no extension"
        raise InputError(
            f"{path}: {what}; supported extensions are {_extension_list()}",
            origin=str(path),
        )
    return reader


def _items_from_file(path: Path) -> Items:
    origin = str(path)
    try:
        reader = _reader_for(path)
        text = decode_bytes(_read_bytes(path), origin)
        if not text.strip():
            raise InputError(
                f"{origin}: empty article (the file has no text); "
                "give it some text or leave it out",
                origin=origin,
            )
        yield from reader(text, origin)
    except InputError as exc:
        yield exc


def _items_from_stdin(stdin: IO[bytes] | None) -> Items:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(_too_large(STDIN_ORIGIN, len(data)), origin=STDIN_ORIGIN)
        yield from _read_text(decode_bytes(data, STDIN_ORIGIN), STDIN_ORIGIN)
    except InputError as exc:
        yield exc


def read_file(path: str | Path) -> list[Article]:
    """Read every article in one file.

    :raises InputError: on the first problem, such as a bad JSONL line; use
        :func:`iter_articles` to skip bad records and keep the rest.
    """
    articles = []
    for item in _items_from_file(Path(path)):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def iter_articles(
    inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None
) -> Iterator[Article | InputError]:
    """Yield the articles of files, directories and ``"-"`` (standard input).

    Directories are read recursively in sorted order, taking only files with a
    supported extension and skipping hidden entries. Problems are yielded as
    :class:`InputError` values, not raised, so one bad item does not stop a batch.

    :param stdin: the stream that ``"-"`` reads as plain text (default: sys.stdin).
    """
    for entry in inputs:
        if str(entry) == "-":
            yield from _items_from_stdin(stdin)
            continue
        path = Path(entry)
        if path.is_dir():
            yield from _items_from_dir(path, frozenset())
        else:
            yield from _items_from_file(path)


def count_input_files(inputs: Iterable[str | Path]) -> int:
    """How many files :func:`iter_articles` would open (for a progress bar).

    A JSON array or JSONL file counts once, however many records it holds.
    """
    total = 0
    for entry in inputs:
        path = Path(entry)
        if not path.is_dir():
            total += 1
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            total += sum(
                1
                for f in files
                if not f.startswith(".") and Path(root, f).suffix.lower() in _READERS
            )
    return total


def _items_from_dir(directory: Path, ancestors: frozenset[Path]) -> Items:
    real = directory.resolve()
    if real in ancestors:
        yield InputError(
            f"{directory}: symlink loop (it leads back to {real}); remove the link",
            origin=str(directory),
        )
        return
    try:
        children = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield InputError(_os_error_message(directory, exc), origin=str(directory))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _items_from_dir(child, ancestors | {real})
        elif _is_looping_link(child):
            yield InputError(
                f"{child}: symlink loop; fix or remove the link", origin=str(child)
            )
        elif child.suffix.lower() in _READERS:
            yield from _items_from_file(child)


def _is_looping_link(path: Path) -> bool:
    """A symlink that loops (so it might have been a directory)."""
    try:
        path.stat()
    except OSError as exc:
        return path.is_symlink() and exc.errno == errno.ELOOP
    return False
