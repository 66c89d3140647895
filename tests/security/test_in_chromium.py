"""The security corpus in a real headless Chromium: the map and briefing page and the static
figure. Every popup and tooltip is opened; no payload opens a dialog, sets a window flag,
requests anything or writes a file, and each reads literally where it is shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import OPEN_EVERYTHING, Page, launch, needs_chromium

import geo
from geo.briefing import briefing_html
from geo.report.figure import render_figure
from security.corpus import PAYLOADS, flat

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


@pytest.fixture(scope="module")
def page_file(
    hostile: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("briefing") / "hostile.html"
    title = next(p.template for p in PAYLOADS if p.name == "html-end-title")
    path.write_text(briefing_html(hostile, gazetteer, title=title), encoding="utf-8")
    return path


def test_the_briefing_runs_nothing_and_shows_every_payload(
    browser: object, page_file: Path, filled: dict[str, str]
) -> None:
    page = Page(browser, page_file)
    p = page.page
    shown = p.evaluate(OPEN_EVERYTHING)
    assert len(shown) >= 2 * len(PAYLOADS)  # a popup and a tooltip for each place and event
    p.locator(".newsmap-slider").fill("0")  # the timeline's labels are text too
    p.locator(".newsmap-play").click()
    p.wait_for_timeout(1500)
    p.locator(".newsmap-play").click()
    panel = p.locator(".newsmap-briefing").inner_text()
    p.wait_for_timeout(500)
    assert p.evaluate("window.__pwned") is None
    assert p.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.dialogs == [] and page.errors == [] and page.outside == []
    popups = flat(" ".join(shown))
    assert [n for n, text in filled.items() if flat(text) not in popups] == []
    assert [n for n, text in filled.items() if flat(text) not in flat(panel)] == []
    assert "</title><script>" in p.title()
    p.close()


def test_the_static_figure_runs_nothing(
    browser: object, hostile: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    """The SVG figure opened as a page: its text is text, so no payload in a label, the
    headline or the source line runs, loads anything or opens a dialog."""
    title = next(p.template for p in PAYLOADS if p.name == "html-svg-script")
    svg = render_figure(hostile, gazetteer, "svg", title=title, source=title)
    path = tmp_path / "hostile.svg"
    path.write_bytes(svg)
    page = Page(browser, path, wait_for="document.querySelectorAll('text').length > 20")
    p = page.page
    assert p.evaluate("window.__pwned") is None
    assert p.evaluate("document.querySelectorAll('script').length") == 0
    assert page.dialogs == [] and page.errors == [] and page.outside == []
    assert title in p.evaluate("document.documentElement.textContent")
    p.close()
