"""The pages in headless Chromium: the article page of ``kb serve``, an entity page
and the HTML report, checked through the DOM the browser built (every mark's text is
the article's text at the mark's offsets; the conflict panel is there; the console
has no errors), and saved as screenshots. ``make screenshots`` saves them to
docs/img/ (``KB_SCREENSHOTS=DIR``), which the README shows."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kb.cli import cli
from tests import browser
from tests.test_serve import DATA, Server, server, store_and_base  # noqa: F401

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing())),
]
KINDS = {"actor", "place", "event", "figure", "claim", "cue"}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $KB_SCREENSHOTS (make screenshots), else a temp dir."""
    return Path(os.environ.get("KB_SCREENSHOTS") or tmp_path / "shots")


def _body(served: Server, article: str) -> str:
    query = f"SELECT ?b WHERE {{ <{article}> schema:articleBody ?b }}"
    rows = served.sparql(query, "application/sparql-results+json").json()
    return str(rows["results"]["bindings"][0]["b"]["value"])


def _articles(served: Server) -> dict[str, str]:
    """Title → IRI of every article the index lists (the IRIs are served where
    they point: the base is the server's own address)."""
    page = served.get("/", "text/html").text
    links = re.findall(r'<a href="(/id/article/[^"]+)">([^<]+)</a>', page)
    return {html.unescape(title): served.url + path for path, title in links}


def _check_marks(driver: Any, body: str) -> set[str]:
    marks = driver.execute_script(browser.MARKS_JS)
    assert marks, "the article text has marks"
    for kind, start, end, text in marks:
        assert text == body[start:end], (kind, start, end, text)
    return {kind for kind, *_ in marks}


def test_article_pages_mark_every_span(
    server: Server,  # noqa: F811
    tmp_path: Path,
    shots: Path,
) -> None:
    articles = _articles(server)
    assert len(articles) == 2, articles
    kinds: set[str] = set()
    with browser.chromium(tmp_path / "profile") as driver:
        for title, iri in sorted(articles.items()):
            driver.get(iri)
            assert driver.find_element("css selector", "h1").text == title
            kinds |= _check_marks(driver, _body(server, iri))
            assert driver.execute_script("return document.scripts.length") == 0
            assert not browser.console_errors(driver)
        # the last one, the ferry article, has two figures that conflict
        assert title.startswith("Ferry"), title
        sides = driver.find_elements("css selector", ".conflict .side")
        assert len(sides) == 2
        assert {"12 percent", "5 percent"} == {
            s.find_element("css selector", ".figures").text for s in sides
        }
        assert driver.find_elements("css selector", "svg .node")
        assert driver.find_elements("css selector", "svg .edge.conflict")
        png = browser.screenshot(driver, shots / "article-page.png", 1000)
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
        # on a phone: nothing wider than the screen
        browser.screenshot(driver, shots / "article-page-phone.png", 400, most=1800)
        overflow = "return document.documentElement.scrollWidth - window.innerWidth"
        assert driver.execute_script(overflow) <= 0
    assert kinds == KINDS


def test_skip_link_comes_first_and_focus_shows(
    server: Server,  # noqa: F811
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.keys import Keys

    with browser.chromium(tmp_path / "profile") as driver:
        driver.get(server.url + "/id/person/maria-okafor")
        driver.find_element("css selector", "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.get_attribute("class") == "skip"
        assert focused.value_of_css_property("outline-style") != "none"
        focused.send_keys(Keys.ENTER)
        assert driver.switch_to.active_element.tag_name == "main"


def test_entity_page_lists_claims_across_articles_in_date_order(
    server: Server,  # noqa: F811
    tmp_path: Path,
    shots: Path,
) -> None:
    with browser.chromium(tmp_path / "profile") as driver:
        driver.get(server.url + "/id/person/maria-okafor")
        assert driver.find_element("css selector", "h1").text == "Maria Okafor"
        items = driver.find_elements("css selector", "#claims-by ~ ul > li")
        assert len(items) == 2
        # the dated claim (2 March 2026) first; the undated one after it
        assert "2026-03-02" in items[0].text and "Port Elmsworth" in items[0].text
        assert "Ferry fares" in items[1].text
        assert not browser.console_errors(driver)
        png = browser.screenshot(driver, shots / "entity-page.png", 1000, most=2200)
        assert png.startswith(b"\x89PNG") and len(png) > 20_000


def test_html_report_works_offline(tmp_path: Path, shots: Path) -> None:
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli,
        ["export", *map(str, sorted(DATA.iterdir())), "--format", "html"]
        + ["-o", str(report), "--fixed-time", "2026-01-01T00:00:00Z"],
    )
    assert result.exit_code == 0, result.output
    with browser.chromium(tmp_path / "profile") as driver:
        driver.get(report.as_uri())
        texts = driver.find_elements("css selector", ".article-text")
        assert len(texts) == 2
        marks = driver.execute_script(
            "return Array.from(document.querySelectorAll('.article-text')).map(t =>"
            " Array.from(t.querySelectorAll('[data-start]')).every(e =>"
            " t.textContent.slice(+e.dataset.start, +e.dataset.end) === e.textContent))"
        )
        assert marks == [True, True]
        assert len(driver.find_elements("css selector", "div.conflict")) == 1
        # every link inside the file leads to an element of the file
        targets = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href^=\"#\"]')).filter("
            " a => !document.getElementById(a.getAttribute('href').slice(1))).length"
        )
        assert targets == 0
        # nothing loaded: no stylesheet link, script, image or frame
        loaded = "link[rel=stylesheet], script, img, iframe, object"
        assert not driver.find_elements("css selector", loaded)
        assert not browser.console_errors(driver)
        png = browser.screenshot(driver, shots / "report.png", 1000, most=2400)
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
