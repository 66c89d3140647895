"""The exported page in a real headless Chromium, with every request outside the page
blocked: it draws its markers, routes and timeline, no request fails, the screenshot is not
blank, and an article carrying script runs none of it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from chromium import Page, launch, needs_chromium

import geo
from geo.briefing import briefing_html

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


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
