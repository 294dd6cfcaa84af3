"""Plain-text (``.txt``) and Markdown (``.md``, ``.markdown``) articles: Markdown
becomes its headline and plain-text blocks (markdown-it)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from kb.errors import InputError
from kb.ingest.metadata import FIELD_KEYS, is_http_url, parse_date_field
from kb.ingest.normalize import Items, _article, _clean_field, normalize_text
from kb.text.dates import date_line, find_dateline

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["front_matter", "markdown_blocks", "split_headline"]

#: A first line ending so is a sentence, a clause, or a dateline: not a headline.
_NOT_HEADLINE_END = tuple(".,;:!…—–-")


def _read_text(text: str, origin: str) -> Items:
    _refuse_a_list_of_links(text, origin)
    title, body = split_headline(text)
    yield _article(body, origin, title=title)


def _refuse_a_list_of_links(text: str, origin: str) -> None:
    """A text of nothing but http(s) URLs is a reading list, not an article: read as
    one, it gave a graph with no node and no word of why.

    :raises InputError: naming the file and what to give kb instead.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(is_http_url(line) for line in lines):
        raise _only_links(len(lines), origin)


def _only_links(count: int, origin: str) -> InputError:
    links = f"{count} link{'s' if count > 1 else ''}"
    return InputError(
        f"{origin}: only {links}, no article text; kb fetches no pages itself: "
        "save each page and give kb the .html files",
        origin=origin,
    )


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, body) of a plain-text article: its first line is the headline
    when it reads as one — a line of 2 to 20 words that starts with a capital and
    ends without sentence punctuation, followed by a body of its own, and that is
    not a dateline or a byline. Otherwise (None, the text).

    >>> split_headline("Floods cut off Tarsk\\n\\nRain fell for a week.")
    ('Floods cut off Tarsk', 'Rain fell for a week.')
    >>> split_headline("Rain fell for a week.\\n\\nThe river rose.")[0] is None
    True
    """
    first, newline, rest = normalize_text(text).partition("\n")
    first, rest = first.strip(), rest.strip()
    words = first.split()
    if (
        not newline
        or len(rest.split()) < 5
        or not 2 <= len(words) <= 20
        or not first.lstrip("\"“‘'«").lstrip()[:1].isupper()
        or first.endswith(_NOT_HEADLINE_END)
        or words[0].lower() == "by"
        or find_dateline(first) is not None
        or date_line(first) is not None
    ):
        return None, text
    return first, rest


def _read_markdown(text: str, origin: str) -> Items:
    meta, text = front_matter(text, origin)
    title, tokens = _headline_and_body(text)
    links = _link_count(tokens)
    if links:  # a reading list: its link texts are no article
        raise _only_links(links, origin)
    meta["title"] = _clean_field(title) or meta.get("title")
    yield _article("\n\n".join(_md_walk(tokens)), origin, **meta)


#: what may stand beside a bare URL in a list of links
_URL_WRAPPING = "<>()[]{}\"'.,;:"


def _link_count(tokens: list[Token]) -> int:
    """How many links the body is when it is nothing else (links, autolinks and
    bare http(s) URLs, with marks between them), else 0: a Markdown reading list
    read as an article gave a graph of its link texts, or of none.

    >>> def links(md): return _link_count(_headline_and_body(md)[1])
    >>> links("# To read\\n\\n- [Rain](https://x.org/1)\\n- <https://x.org/2>")
    2
    >>> links("Read [the report](https://x.org/1).")
    0
    """
    links = 0
    for token in tokens:
        if token.type in ("fence", "code_block"):
            return 0  # code is text a reader was meant to read
        inside = 0  # depth of links around the current child
        for child in token.children or ():  # an inline token's, none for a block
            if child.type == "link_open":
                inside, links = inside + 1, links + (inside == 0)
            elif child.type == "link_close":
                inside -= 1
            elif child.type in ("text", "code_inline") and not inside:
                for word in child.content.split():
                    if is_http_url(word.strip(_URL_WRAPPING)):
                        links += 1
                    elif any(c.isalnum() for c in word):
                        return 0
    return links


def front_matter(text: str, origin: str) -> tuple[dict[str, str | None], str]:
    """The YAML front matter of a Markdown file (between ``---`` lines at the top,
    as static-site and newsroom exports write it) as Article fields, and the text
    after it: ``title``; ``date``, ``published`` or ``pubDate``; ``url`` or
    ``link``; ``source`` or ``publisher``; ``language`` or ``lang``. No front
    matter: ({}, the text)."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next(
        (i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")),
        None,
    )
    if end is None:
        return {}, text
    fields = _yaml_fields("\n".join(lines[1:end]), origin)
    return _article_fields(fields, origin), "\n".join(lines[end + 1 :])


def markdown_blocks(source: str) -> tuple[str | None, list[str]]:
    """Parse Markdown into (headline, plain-text blocks).

    A first-level heading at the very top is the headline. Emphasis, links,
    images, raw HTML, heading markers, bullets and code fences are dropped; the
    text stays. A list or table is one block, an item or row per line.

    >>> markdown_blocks("# Hi\\n\\nSee *the* [docs](https://x.org).\\n\\n- a\\n- b")
    ('Hi', ['See the docs.', 'a\\nb'])
    """
    title, tokens = _headline_and_body(source)
    return title, _md_walk(tokens)


def _headline_and_body(source: str) -> tuple[str | None, list[Token]]:
    """The text of a first-level heading at the very top, and the tokens after it."""
    tokens = _markdown_parser().parse(source)
    title = None
    if len(tokens) > 2 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title, tokens = _inline_text(tokens[1]), tokens[3:]
    return title, tokens


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


def _yaml_fields(block: str, origin: str) -> dict[str, object]:
    import yaml

    try:
        found = yaml.safe_load(block)
    except yaml.YAMLError as err:
        raise InputError(
            f"{origin}: the front matter between the first two '---' lines is not "
            f"YAML ({err.__class__.__name__}); fix it or remove it",
            origin=origin,
        ) from err
    except ValueError as err:
        # YAML reads 2025-02-30 as a date, and Python refuses the day
        raise InputError(
            f"{origin}: the front matter holds a date or time that does not exist "
            f"({err}); write it like 2025-11-06",
            origin=origin,
        ) from err
    return found if isinstance(found, dict) else {}


def _article_fields(fields: dict[str, object], origin: str) -> dict[str, str | None]:
    """Article fields from front matter; a date must be one (ISO 8601, an e-mail
    style date-time, or a day with its year), a URL an http(s) one."""
    lowered = {str(k).lower(): v for k, v in fields.items()}
    meta: dict[str, str | None] = {}
    for field_name, keys in FIELD_KEYS.items():
        value = next((lowered[k] for k in keys if lowered.get(k) is not None), None)
        if isinstance(value, date | datetime):
            value = value.isoformat()  # YAML reads 2023-03-12 as a date
        meta[field_name] = _clean_field(str(value)) if value is not None else None
    if meta["published"] is not None:
        published = parse_date_field(meta["published"])
        if published is None:
            raise InputError(
                f"{origin}: front matter 'date' is not a date ({meta['published']!r});"
                " write it like 2025-11-06 or 2026-03-14T08:10:00+08:00",
                origin=origin,
            )
        meta["published"] = published
    if meta["url"] is not None and not is_http_url(meta["url"]):
        meta["url"] = None  # a site-relative path ("/news/x") names no page
    return meta
