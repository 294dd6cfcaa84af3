"""Find the articles of files, directories, fsspec URLs and standard input: read and
decode each file's bytes, and hand the text to the reader for its extension."""

from __future__ import annotations

import codecs
import errno
import glob
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kb.errors import InputError
from kb.folders import files_under
from kb.ingest.html_charset import Declared, declaration, html_codec
from kb.ingest.html_page import _read_html
from kb.ingest.json_records import (
    _json_items,
    _jsonl_record,
    _read_json,
    _read_jsonl,
    _say_unread,
)
from kb.ingest.normalize import Items
from kb.ingest.plaintext import _read_markdown, _read_text
from kb.ingest.remote import is_url, read_url, url_files, url_suffix
from kb.models import Article

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "count_input_files",
    "decode_bytes",
    "estimate_articles",
    "input_files",
    "iter_articles",
    "read_file",
]

log = logging.getLogger("kb")

#: Larger files are refused: no news article is this big, and it protects memory. A
#: JSONL file is a feed of records, so the limit holds for each line of it instead.
MAX_BYTES = 20 * 1024 * 1024

STDIN_ORIGIN = "<stdin>"

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


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> str:
    """Decode a file's bytes: UTF-8, UTF-16/32 with a BOM, else Windows-1252;
    anything but UTF-8 is logged as a warning. An HTML page (``html``) is read in
    the encoding its ``<meta charset>`` (or, XHTML, its ``<?xml encoding>``)
    declares first.

    :param name: the file's name, for messages.
    :raises InputError: for binary data or undecodable text.

    >>> decode_bytes("café".encode("cp1252"), "x.txt")
    'café'
    >>> page = '<meta charset="windows-1252"><p>café</p>'.encode("cp1252")
    >>> decode_bytes(page, "x.html", html=True)[-11:]
    '<p>café</p>'
    """
    marked = _bom(data)
    if marked is not None:
        codec, label = marked
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
    if html:
        return _decode_html(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _windows_1252(data, name)


def _windows_1252(data: bytes, name: str, said: str = "", fix: str = "") -> str:
    """Text that is not UTF-8, read as Windows-1252 with a warning: what browsers
    assume for an undeclared legacy page, and the commonest legacy encoding of
    text files. ``said`` tells what a page declared; ``fix`` adds to the advice."""
    text = data.decode("cp1252", errors="replace")
    # five byte values are no Windows-1252 character: a stray one (a copy and
    # paste from elsewhere) costs a character, not the article; many mean binary
    stray = text.count("\ufffd")
    if stray > len(data) // 1000:
        raise InputError(
            f"{name}: neither UTF-8 nor Windows-1252 text{said}; "
            f"re-save it as UTF-8{fix}",
            origin=name,
        )
    lost = f" ({stray} byte{'s' * (stray > 1)} of no character replaced by U+FFFD)"
    log.warning(
        "%s: not valid UTF-8%s; read it as Windows-1252%s",
        name,
        said,
        lost if stray else "",
    )
    return text


_DECLARE = (
    ", or declare the encoding it was saved in, such as "
    '<meta charset="iso-8859-2">, in its <head>'
)


def _decode_html(data: bytes, name: str) -> str:
    """An HTML page's text in its declared encoding, else UTF-8, else Windows-1252
    with a warning (its byte-order mark, if any, was read before)."""
    declared = declaration(data)
    codec = html_codec(declared.label) if declared else None
    if declared and codec is None:
        log.warning(
            "%s: declares an unknown encoding %r; read it as UTF-8",
            name,
            declared.label,
        )
    if declared and codec and codec != "utf-8":
        return _decode_declared(data, name, declared, codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        said = f" (its {declared.where} says {declared.label})" if declared else ""
        return _windows_1252(data, name, said, _DECLARE)


def _decode_declared(data: bytes, name: str, declared: Declared, codec: str) -> str:
    """A page that ``declared`` an encoding other than UTF-8, in that encoding
    (``codec``, the Python codec for its label)."""
    if not data.isascii() and _is_utf8(data):
        # Re-saved as UTF-8 by an editor that left the old declaration; a page
        # in a legacy encoding is almost never valid UTF-8 by chance.
        log.warning(
            "%s: declares %s but is UTF-8; read it as UTF-8", name, declared.label
        )
        return data.decode("utf-8")
    try:
        return data.decode(codec)
    except UnicodeError as exc:  # "punycode" raises the base class
        where = (
            f"{exc.reason} at byte {exc.start}"
            if isinstance(exc, UnicodeDecodeError)
            else str(exc)
        )
        raise InputError(
            f"{name}: not valid {declared.label}, the encoding its {declared.where} "
            f"declares ({where}); correct the declaration or re-save the page as UTF-8",
            origin=name,
        ) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bom(data: bytes) -> tuple[str, str] | None:
    """The codec and the name of the encoding that ``data``'s byte-order mark
    says, if it starts with one."""
    return next(((c, label) for bom, c, label in _BOMS if data.startswith(bom)), None)


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


# ---------------------------------------------------------------- files and dirs

_READERS: dict[str, Callable[[str, str], Items]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".xht": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}

#: File extensions that :func:`iter_articles` reads (compared case-insensitively).
SUPPORTED_EXTENSIONS = tuple(sorted(_READERS))


def _extension_list() -> str:
    return ", ".join(SUPPORTED_EXTENSIONS)


def _is_remote(name: str) -> bool:
    """A URL that is not also the name of a local file."""
    return is_url(name) and not Path(name).exists()


def _reader_for(name: str) -> Callable[[str, str], Items]:
    suffix = url_suffix(name) if _is_remote(name) else Path(name).suffix
    reader = _READERS.get(suffix.lower())
    if reader is None:
        what = f"unsupported extension '{suffix}'" if suffix else "no extension"
        raise InputError(
            f"{name}: {what}; supported extensions are {_extension_list()}",
            origin=name,
        )
    return reader


def _file_bytes(name: str) -> bytes:
    """A local file's or a URL's bytes, at most :data:`MAX_BYTES`."""
    if not _is_remote(name):
        return _read_bytes(Path(name))
    data = read_url(name, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(name, len(data)), origin=name)
    return data


def _items_from_file(name: str | Path) -> Items:
    origin = str(name)
    try:
        if not _is_remote(origin) and not Path(origin).exists():
            _read_bytes(Path(origin))  # says what is wrong with the path
        reader = _reader_for(origin)
        if reader is _read_jsonl and _is_large_local(origin):
            yield from _jsonl_lines(Path(origin))
            return
        html = reader is _read_html
        text = decode_bytes(_file_bytes(origin), origin, html=html)
        if not text.strip():
            raise InputError(
                f"{origin}: empty article (the file has no text); "
                "give it some text or leave it out",
                origin=origin,
            )
        yield from reader(text, origin)
    except InputError as exc:
        yield exc


def _is_large_local(name: str) -> bool:
    try:
        return not _is_remote(name) and Path(name).stat().st_size > MAX_BYTES
    except OSError:
        return False  # reading it will say why


def _jsonl_lines(path: Path) -> Items:
    """A JSONL file too large to read at once, a record at a time: a newsroom's
    feed may hold thousands, and memory holds one line. Each line is decoded by
    itself (UTF-8, else Windows-1252 with a warning naming it)."""
    origin = str(path)
    unread: set[str] = set()
    try:
        with path.open("rb") as handle:
            marked = _bom(handle.read(4))
            if marked is not None and marked[1] != "UTF-8":
                raise InputError(
                    f"{origin}: a JSONL file over {MAX_BYTES // 2**20} MiB must be "
                    "UTF-8; re-save it as UTF-8, or split it into smaller files",
                    origin=origin,
                )
            handle.seek(0)
            for number, line in enumerate(_lines(handle), start=1):
                if line is None or line.strip():
                    yield _jsonl_item(line, origin, number, unread)
        _say_unread(unread, origin)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(_os_error_message(path, exc), origin=origin)


def _lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of ``handle`` (split on ``\n`` alone, as :func:`_read_jsonl`
    does), each at most :data:`MAX_BYTES`; ``None`` for a longer one, which is
    read past and not kept."""
    while line := handle.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_item(
    line: bytes | None, origin: str, number: int, unread: set[str]
) -> Article | InputError:
    where = f"{origin}:{number}"
    if line is None:
        return InputError(
            f"{where}: the line is too large (over {MAX_BYTES // 2**20} MiB); "
            "no article is this long, so check how the feed was written",
            origin=where,
        )
    try:
        return _jsonl_record(decode_bytes(line, where), origin, number, unread)
    except InputError as exc:
        return exc


def _items_from_stdin(stdin: IO[bytes] | None) -> Items:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(_too_large(STDIN_ORIGIN, len(data)), origin=STDIN_ORIGIN)
        html = bool(_HTML_START.match(data[:1024].decode("latin-1")))
        yield from _stdin_items(decode_bytes(data, STDIN_ORIGIN, html=html))
    except InputError as exc:
        yield exc


_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def _stdin_items(text: str) -> Items:
    """The articles of standard input, which has no extension: JSON (a record or an
    array) and JSONL as such, as a feed piped from ``curl`` is; an HTML page
    (``<!DOCTYPE html``, ``<html>``) as a page; anything else as plain text. No
    article starts with ``{``, so that is JSONL when it is not one JSON document
    (its bad lines are then named); one starting with ``[`` is an array only if it
    parses ("[Updated] …" stays text). A JSON document is parsed once: the
    sniff's value is the records'."""
    start = text.lstrip("\ufeff \t\r\n")[:1]
    data = _parsed(text) if start in ("{", "[") else None
    if data is not None:
        return _json_items(data, STDIN_ORIGIN)
    if start == "{":
        return _read_jsonl(text, STDIN_ORIGIN)
    if _HTML_START.match(text.lstrip("\ufeff")):
        return _read_html(text, STDIN_ORIGIN)
    return _read_text(text, STDIN_ORIGIN)


def _parsed(text: str) -> object | None:
    """The JSON document ``text`` holds (an object or an array, as it starts with
    ``{`` or ``[``), or ``None`` when it is not one."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def read_file(path: str | Path) -> list[Article]:
    """Read every article in one file.

    :raises InputError: on the first problem, such as a bad JSONL line; use
        :func:`iter_articles` to skip bad records and keep the rest.
    """
    articles = []
    for item in _items_from_file(path):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def iter_articles(
    inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None
) -> Iterator[Article | InputError]:
    """Yield the articles of files, directories, fsspec URLs (a file, a directory or
    a glob: ``s3://bucket/day/*.jsonl``) and ``"-"`` (standard input).

    Directories are read recursively in sorted order, taking only files with a
    supported extension and skipping hidden entries. Problems are yielded as
    :class:`InputError` values, not raised, so one bad item does not stop a batch.

    :param stdin: the stream that ``"-"`` reads as plain text (default: sys.stdin).
    :raises UsageError: for a URL whose protocol has no file system installed.
    """
    for entry in inputs:
        if str(entry) == "-":
            yield from _items_from_stdin(stdin)
            continue
        if _is_remote(str(entry)):
            for url in url_files(str(entry), _READERS):
                yield from _items_from_file(url)
            continue
        path = Path(entry)
        if path.is_dir():
            skipped: Counter[str] = Counter()
            yield from _not_empty(path, _items_from_dir(path, frozenset(), skipped))
            _say_skipped(path, skipped)
        elif _is_pattern(str(entry)):
            yield from _items_from_pattern(str(entry))
        else:
            yield from _items_from_file(path)


def _is_pattern(entry: str) -> bool:
    """A local glob (``archive/*.jsonl``, quoted so that kb expands it) that names
    no file itself."""
    return any(c in entry for c in "*?[") and not Path(entry).exists()


def _items_from_pattern(pattern: str) -> Items:
    """The articles of the files and folders a glob matches, in sorted order, as
    ``--scheduler`` reads them; files kb does not read are counted as a folder's
    are, not refused one by one."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError(
            f"{pattern}: no file matches this pattern; check it", origin=pattern
        )
        return
    skipped: Counter[str] = Counter()
    for match in map(Path, matches):
        yield from _items_from_path(match, frozenset(), skipped)
    _say_skipped(Path(pattern), skipped)


def _not_empty(directory: Path, items: Items) -> Items:
    """The items of a directory, or one error when it holds no article file: a
    folder of other files is far more often a wrong path than an empty batch."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield InputError(
            f"{directory}: no article files in this folder or below (kb reads "
            f"{_extension_list()}); point at the articles' folder or files",
            origin=str(directory),
        )


def count_input_files(inputs: Iterable[str | Path]) -> int:
    """How many files :func:`iter_articles` would open (for a progress bar).

    A JSON array or JSONL file counts once, however many records it holds.
    """
    return sum(1 for _ in input_files(inputs))


def estimate_articles(inputs: Iterable[str | Path]) -> int:
    """About how many articles the inputs hold: a file each, but a JSONL file's
    non-empty lines and a JSON array's items one by one."""
    return sum(_records(Path(path)) or 1 for path in input_files(inputs))


def _records(path: Path) -> int:
    """The records of a JSONL file or a JSON array, or 0 for any other file (and
    for one that cannot be read or parsed: reading it will report the problem)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        if suffix == ".json" and _opens_array(path):
            with path.open("rb") as data:
                items = json.load(data)
            return len(items) if isinstance(items, list) else 0
    except (OSError, ValueError):
        pass
    return 0


def _opens_array(path: Path) -> bool:
    """Whether the file's first character that is not white space is ``[``."""
    with path.open("rb") as data:
        return data.read(4096).lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"["


def input_files(inputs: Iterable[str | Path]) -> Iterator[str]:
    """The files :func:`iter_articles` would open (directories walked in sorted
    order); a pattern with ``*``, ``?`` or ``[`` that names no file is
    expanded as a glob. Missing files are yielded too, for the reader to report.
    A URL is listed by its own file system (:func:`kb.ingest.remote.url_files`).

    :raises UsageError: for a URL whose protocol has no file system installed.
    """
    for entry in inputs:
        path = Path(entry)
        if _is_remote(str(entry)):
            yield from url_files(str(entry), _READERS)
        elif path.is_dir():
            yield from (str(f) for f in files_under(path, _READERS))
        elif _is_pattern(str(entry)):
            yield from sorted(glob.glob(str(entry), recursive=True))
        else:
            yield str(entry)


def _say_skipped(directory: Path, skipped: Counter[str]) -> None:
    """One warning for the files of a folder that kb does not read, so that a
    folder of .docx or .csv files does not look like a folder of a few articles."""
    if not skipped:
        return
    kinds = ", ".join(
        f"{n} {suffix or 'without extension'}" for suffix, n in sorted(skipped.items())
    )
    total = sum(skipped.values())
    log.warning(
        "%s: left out %d file%s that kb does not read (%s); it reads %s",
        directory,
        total,
        "" if total == 1 else "s",
        kinds,
        _extension_list(),
    )


def _items_from_dir(
    directory: Path, ancestors: frozenset[Path], skipped: Counter[str]
) -> Items:
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
        if not child.name.startswith("."):
            yield from _items_from_path(child, ancestors | {real}, skipped)


def _items_from_path(
    path: Path, ancestors: frozenset[Path], skipped: Counter[str]
) -> Items:
    """The articles of a folder's entry or a glob's match (``ancestors``: the
    folders it is in): a folder's, a file's, or none, counted in ``skipped``,
    for a file kb does not read."""
    if path.is_dir():
        yield from _items_from_dir(path, ancestors, skipped)
    elif _is_looping_link(path):
        yield InputError(
            f"{path}: symlink loop; fix or remove the link", origin=str(path)
        )
    elif path.suffix.lower() in _READERS:
        yield from _items_from_file(path)
    else:
        skipped[path.suffix.lower()] += 1


def _is_looping_link(path: Path) -> bool:
    """A symlink that loops (so it might have been a directory)."""
    try:
        path.stat()
    except OSError as exc:
        return path.is_symlink() and exc.errno == errno.ELOOP
    return False
