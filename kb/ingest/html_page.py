"""HTML pages (``.html``, ``.htm``, ``.xhtml``): the article's main text with trafilatura, offline,
and its URL, date, publisher and language from the page's own metadata."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from kb.errors import InputError
from kb.ingest.metadata import iri_safe_url, is_http_url, parse_date_field
from kb.ingest.normalize import Items, _article, _clean_field

if TYPE_CHECKING:
    from configparser import ConfigParser

log = logging.getLogger("kb")

#: :mod:`kb.ingest.sources` picks ``_read_html`` by extension; feeds use the body path.
__all__ = ["html_body_text"]


def _read_html(text: str, origin: str) -> Items:
    """Main text and metadata with trafilatura, offline (it is given the text).

    trafilatura's default balance is kept: ``favor_precision`` and ``favor_recall``
    gave the same text on our pages, and each trades one risk (a lost paragraph,
    a kept "related" list) for the other. An unmarked byline is dropped here.
    """
    import trafilatura

    title, blocks, doc = _main_text(text, origin)
    if not blocks:  # a page of links or a headline alone: no "empty article" here
        raise _no_article_text(origin)
    _warn_if_thin(blocks, origin)
    meta = _html_metadata(trafilatura.utils.load_html(text), doc, title)
    yield _article("\n\n".join(blocks), origin, title=title, **meta)


def html_body_text(html: str, origin: str) -> str:
    """The plain text of an article body given as HTML (a page or a fragment, such
    as a news feed's ``body_html``), through the same main-text path as a page."""
    _title, blocks, _doc = _main_text(
        f"<html><body><article>{html}</article></body></html>", origin
    )
    return "\n\n".join(blocks)


def _main_text(text: str, origin: str) -> tuple[str | None, list[str], Any]:
    """(title, plain-text blocks, trafilatura's document) of an HTML page."""
    import trafilatura

    tree = trafilatura.utils.load_html(text)
    if tree is None:
        raise _no_article_text(origin)
    _drop_link_cards(tree)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        config=_trafilatura_config(),
    )
    if not isinstance(doc, trafilatura.settings.Document) or doc.body is None:
        raise _no_article_text(origin)
    title = _clean_field(doc.title)
    blocks = [b for b in _html_blocks(doc.body) if b]
    if blocks and title and _same(blocks[0], title):
        blocks = blocks[1:]  # the headline, which we keep as the title
    if blocks and _BYLINE.match(blocks[0]):
        blocks = blocks[1:]  # trafilatura keeps a byline that has no class name
    return title, blocks, doc


#: links in one inline element of a paragraph that make it a card of links
_CARD_LINKS = 3


def _drop_link_cards(tree: Any) -> None:
    """Drop what a page nests inside a paragraph that is only links: a hover card
    of a person's other stories, "related" headlines. The main text would run
    them into the sentence, glued to its words ("Ana HartAna HartMayor …").
    Deepest first, so that a card goes and the linked name around it stays."""
    for para in tree.iter("p"):
        for element in reversed(list(para.iterdescendants())):
            if _link_card(element):
                _remove_keeping_tail(element)


def _link_card(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag == "a":
        return False
    links = element.findall(".//a")
    if len(links) < _CARD_LINKS:
        return False
    linked = sum(_letters(a.text_content()) for a in links)
    return linked >= _letters(element.text_content())


def _letters(text: str) -> int:
    return len("".join(text.split()))


def _remove_keeping_tail(element: Any) -> None:
    """Remove an element, but not the text that follows it in its parent."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


#: fewer words than this in a page's main text is rarely a news story: a page that
#: needs JavaScript, a paywall's teaser or a menu that the extractor kept
THIN_PAGE_WORDS = 15


def _warn_if_thin(blocks: list[str], origin: str) -> None:
    words = " ".join(blocks).split()
    if len(words) < THIN_PAGE_WORDS:
        shown = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
        log.warning(
            "%s: only %d words of article text in this page (%r); a page that needs "
            "JavaScript, a paywall or an index page? It was read anyway: save the "
            "article's own text if this is not it",
            origin,
            len(words),
            shown,
        )


def _no_article_text(origin: str) -> InputError:
    return InputError(
        f"{origin}: no article text found in this HTML page; "
        "save the article's own page, or its text as .txt",
        origin=origin,
    )


@cache
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    from kb.ingest.sources import MAX_BYTES  # here: sources imports this module

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
    parsed = (parse_date_field(c) for c in candidates if c)
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
