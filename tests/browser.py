"""Headless Chromium for the page tests, driven by Selenium through Debian's
chromedriver: open a page, read what the browser built (DOM, console), and save a
full-page screenshot. Nothing is downloaded: both binaries come from apt."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: The flags of the machine notes: no sandbox (root in CI), and no background
#: connections, which this machine's closed network refuses.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
#: The highlights as the browser sees them: kind, data-start, data-end and text.
MARKS_JS = """
return Array.from(document.querySelectorAll('.article-text [data-start]')).map(
  e => [e.dataset.kind, +e.dataset.start, +e.dataset.end, e.textContent]);
"""


def missing() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(path) is None:
            return f"needs {path} (Debian's chromium and chromium-driver; make test installs them)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "needs selenium (pip install -e '.[dev]')"
    return None


@contextmanager
def chromium(profile: Path, width: int = 1000, height: int = 900) -> Iterator[Any]:
    """A headless Chromium with a fresh profile in ``profile``, its browser console
    logged, closed on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    """The console's errors since the last call. The favicon request, which every
    page load makes and no page of ours asks for, is left out."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]
    ]


def screenshot(driver: Any, path: Path, width: int, most: int = 6000) -> bytes:
    """Save the page, ``width`` pixels wide and at most ``most`` high, as a PNG."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(int(height) + 120, most))
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    return path.read_bytes()
