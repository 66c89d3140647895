"""A real headless Chromium for the tests that only a browser can answer: Debian's
``chromium`` driven by Playwright, with every request outside the page recorded and blocked."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


def launch() -> Iterator[object]:
    """A browser for a module's tests (use as a fixture body)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Page:
    """A page opened from a file with everything but the file itself blocked: what it asked
    for outside, what failed, its script errors and the dialogs it opened."""

    def __init__(self, browser: object, path: Path, *, wait_for: str = "") -> None:
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        block_outside(self.page, in_file, self.outside)
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function(
            wait_for or "document.querySelectorAll('.leaflet-overlay-pane path').length > 50",
            timeout=15_000,
        )


def block_outside(target: object, allowed: Callable[[str], bool], outside: list[str]) -> None:
    """Let ``target`` (a page or a browser context) load what ``allowed`` accepts; record and
    abort every other request."""

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if allowed(url):
            r.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            r.abort()  # type: ignore[attr-defined]

    target.route("**/*", route)  # type: ignore[attr-defined]


def in_file(url: str) -> bool:
    return url.startswith(("file:", "data:", "about:"))


def on_loopback(url: str) -> bool:
    return url.startswith(("data:", "blob:", "about:")) or urlparse(url).hostname in (
        "127.0.0.1",
        "localhost",
    )


# Opens every popup and tooltip of every Leaflet map in the page (or frame) and returns the
# text each showed, so a test can read what a reader would.
OPEN_EVERYTHING = """() => {
    const shown = [];
    for (const key of Object.keys(window)) {
        const map = window[key];
        if (!window.L || !(map instanceof L.Map)) continue;  // every Leaflet map of the page
        map.eachLayer((layer) => {
            for (const [get, open, close] of [["getPopup", "openPopup", "closePopup"],
                                              ["getTooltip", "openTooltip", "closeTooltip"]]) {
                if (!layer[get] || !layer[get]()) continue;
                layer[open]();
                const element = layer[get]().getElement();
                if (element) shown.push(element.textContent);
                layer[close]();
            }
        });
    }
    return shown;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def streamlit_app() -> Iterator[str]:
    """``streamlit run app.py`` on loopback, and its address (compile the gazetteer first)."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


class AppPage:
    """The app in a browser tab: requests to loopback go through, any other is recorded and
    blocked; dialogs and script errors are recorded."""

    def __init__(self, browser: object, url: str) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        block_outside(self.context, on_loopback, self.outside)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def map_frame(self) -> object:
        """The map's frame, once its route labels are drawn."""
        selector = "iframe[title='geo.app.mapframe.map']"
        self.page.wait_for_selector(selector, timeout=60_000)
        frame = self.page.frame_locator(selector)
        return frame

    def close(self) -> None:
        self.context.close()
