"""The exported page in a real headless Chromium, with every request outside the page
blocked: it draws its markers, routes and timeline, no request fails, the screenshot is not
blank, and an article carrying script runs none of it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import geo
from geo.briefing import briefing_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from a file with everything but the file itself blocked."""

    def __init__(self, browser: object, path: Path) -> None:
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            if url.startswith(("file:", "data:")):
                r.continue_()  # type: ignore[attr-defined]
            else:
                self.outside.append(url)
                r.abort()  # type: ignore[attr-defined]

        self.page.route("**/*", route)
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function(
            "document.querySelectorAll('.leaflet-overlay-pane path').length > 50", timeout=15_000
        )


def test_the_briefing_draws_offline(
    browser: object, sample: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    path = tmp_path / "map.html"
    path.write_text(briefing_html(sample, gazetteer), encoding="utf-8")
    page = Page(browser, path)
    p = page.page
    assert page.outside == [] and page.failed == [] and page.errors == []
    # country outlines, place and event markers, routes, the claim line
    assert p.locator(".leaflet-overlay-pane path").count() > 100
    assert p.locator("path.leaflet-interactive").count() > 40
    assert p.locator(".newsmap-length").count() == 3  # three legs, each labelled
    assert p.locator("path[stroke-dasharray='8 6']").count() == 2  # Kim's schematic rail legs
    timeline = p.locator(".newsmap-timeline")
    assert timeline.count() == 1
    assert "/" in p.locator(".newsmap-step").inner_text()
    # stepping back hides later events
    before = p.locator("path.leaflet-interactive").count()
    p.locator(".newsmap-slider").fill("0")
    assert p.locator("path.leaflet-interactive").count() < before
    p.locator(".newsmap-play").click()
    p.wait_for_timeout(1500)
    assert p.locator(".newsmap-step").inner_text().startswith(("2/", "3/"))
    p.locator(".newsmap-play").click()  # pause
    shot = tmp_path / "map.png"
    p.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 30_000  # a drawn map, not a blank page
    pytest.shot = shot  # type: ignore[attr-defined]
    p.close()


def test_script_in_the_article_runs_nothing(
    browser: object, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    text = (
        'Kim left Pyongyang <script>window.__pwned = 1; alert("x")</script> for Vladivostok. '
        '<img src=x onerror="window.__pwned = 2"> He arrived in `${window.__pwned = 3}` Khasan. '
        "</script><script>window.__pwned = 4</script> The train reached Ussuriysk on Monday."
    )
    analysis = geo.analyze(text, gazetteer, published=date(2023, 9, 12))
    path = tmp_path / "evil.html"
    path.write_text(briefing_html(analysis, gazetteer, title="<b onmouseover=alert(1)>t</b>"))
    page = Page(browser, path)
    p = page.page
    # open every popup so that its HTML is parsed too
    for marker in p.locator("path.leaflet-interactive").all()[:12]:
        marker.click(force=True)
    assert p.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == [] and page.outside == []
    assert "<script>" in p.locator(".newsmap-briefing").inner_text()  # shown as text
    p.close()
