"""Inputs named by fsspec URLs (``s3://bucket/day/*.jsonl``, ``file:///data/a.txt``,
``https://host/a.html``): listed and read through the URL's own file system, in the
process that reads them (a Dask worker reads its own files). Heavy dependency: fsspec."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from kb.errors import InputError, UsageError

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

__all__ = ["is_url", "read_url", "url_files", "url_suffix"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB = re.compile(r"[*?\[]")


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (``protocol://…``) rather than a local path.

    >>> is_url("s3://bucket/a.jsonl"), is_url("articles/a.txt"), is_url("C:/a.txt")
    (True, False, False)
    """
    return bool(_URL.match(name))


def url_suffix(url: str) -> str:
    """The file extension of the path a URL names (without query or fragment).

    >>> url_suffix("https://example.org/feed/day.JSONL?page=2"), url_suffix("s3://b")
    ('.JSONL', '')
    """
    return PurePosixPath(_url_path(url)).suffix


def _url_path(url: str) -> str:
    """What follows ``protocol://``; an http(s) URL's query and fragment left out."""
    rest = url.split("://", 1)[1]
    if url.lower().startswith(("http://", "https://")):
        rest = rest.split("#", 1)[0].split("?", 1)[0]
    return rest


def _is_pattern(url: str) -> bool:
    return bool(_GLOB.search(_url_path(url)))


def _filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    """The URL's file system and the path within it.

    :raises UsageError: when fsspec, or the package for the URL's protocol, is not
        installed, or no file system knows the protocol.
    """
    protocol = url.split("://", 1)[0]
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise UsageError(
            f"{url}: reading URLs needs fsspec; install it with: "
            "pip install 'newskb[dask]' (or pip install fsspec)"
        ) from None
    try:
        fs, path = url_to_fs(url)
    except ImportError as exc:
        missing = exc.name or getattr(exc.__cause__, "name", None) or protocol
        raise UsageError(
            f"{url}: reading {protocol}:// URLs needs the package {missing!r}, which "
            f"is not installed ({exc}); install it with: pip install {missing}"
        ) from None
    except ValueError as exc:
        raise UsageError(
            f"{url}: no fsspec file system is installed for {protocol}:// ({exc}); "
            "check the URL, or install the package that provides it (see "
            "https://filesystem-spec.readthedocs.io, 'Other known implementations')"
        ) from None
    return fs, path


def url_files(url: str, suffixes: Collection[str]) -> Iterator[str]:
    """The files a URL names, as URLs: the matches of a glob, the files under a
    directory whose extension is in ``suffixes`` (hidden ones left out), or the URL
    itself (also when nothing matches, so that reading it reports the problem).
    A URL with one of ``suffixes`` is taken as a file without asking the server.

    :raises UsageError: as :func:`read_url` does for an unknown protocol.
    """
    fs, path = _filesystem(url)
    if _is_pattern(url):
        # hidden names only when the pattern asks for them, as a local glob does
        base = "" if "/." in path else _GLOB.split(path, 1)[0].rpartition("/")[0]
        found = _listing(fs.glob, path, detail=True)
        files = [p for p, info in found.items() if info.get("type") != "directory"]
    elif url_suffix(url).lower() in suffixes or not _listing(fs.isdir, path):
        base, files = "", []
    else:
        base = path.rstrip("/")
        found = _listing(fs.find, path)
        files = [p for p in found if PurePosixPath(p).suffix.lower() in suffixes]
    if base:
        files = [p for p in files if not _hidden(p.removeprefix(base))]
    # sorted by path segment: a directory's files in the order of a local walk
    ordered = sorted(files, key=lambda p: p.split("/"))
    yield from [fs.unstrip_protocol(p) for p in ordered] or [url]


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def _listing(method: Any, *args: Any, **kwargs: Any) -> Any:
    """A listing call of a file system, or nothing when the server refuses it
    (reading the URL then says why)."""
    try:
        return method(*args, **kwargs)
    except OSError:
        return {}


def read_url(url: str, limit: int) -> bytes:
    """The first ``limit + 1`` bytes of the file at ``url`` (more than ``limit``
    means it is too large), read through fsspec in this process.

    :raises InputError: when the file is missing or cannot be read, or the URL's
        protocol is not installed here.
    """
    try:
        fs, path = _filesystem(url)
    except UsageError as exc:  # e.g. a worker without the protocol's package
        raise InputError(str(exc), origin=url) from None
    try:
        with fs.open(path, "rb") as handle:
            data: bytes = handle.read(limit + 1)
    except FileNotFoundError as exc:
        if isinstance(exc.__cause__, OSError):
            # fsspec's HTTP file system says "not found" when no server answered
            raise InputError(
                f"{url}: cannot reach the server ({exc.__cause__}); check the "
                "address and your network",
                origin=url,
            ) from None
        what = "no file matches this pattern" if _is_pattern(url) else "no such file"
        raise InputError(f"{url}: {what}; check the URL", origin=url) from None
    except IsADirectoryError:
        raise InputError(
            f"{url}: a directory with no article files; check the URL", origin=url
        ) from None
    except Exception as exc:  # noqa: BLE001 - any remote failure fails this input
        raise InputError(
            f"{url}: cannot read it ({type(exc).__name__}: {exc}); check the URL "
            "and your access to it",
            origin=url,
        ) from None
    return data
