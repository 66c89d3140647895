"""A map that fetches its outlines (the app's way), in a real headless Chromium, served on
loopback with every other request blocked: the countries are drawn under the markers, the
US states over the countries whichever file comes first, and the overview inset, which reads
the countries, waits for them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from chromium import block_outside, launch, needs_chromium, on_loopback

import geo
from geo.outlines import publish_layers
from geo.render import build_map

pytestmark = needs_chromium

# the paths of the outlines' pane, in drawing order, told apart by their style
_PANE = """() => [...document.querySelectorAll('.leaflet-newsmap-outlines-pane path')]
    .map((p) => p.getAttribute('fill') === 'none' ? 'state' : 'country')"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served(sample: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path: Path) -> Iterator[str]:
    """The sample's map (not compact: with its inset) and its outline files, on loopback."""
    files = publish_layers(tmp_path, gazetteer, "/")
    fmap = build_map(sample, gazetteer, layer_files=files)  # Leaflet inlined
    (tmp_path / "map.html").write_text(fmap.get_root().render(), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/map.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


def test_fetched_outlines_lie_under_the_story_and_fill_the_inset(
    browser: object, served: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    outside: list[str] = []
    errors: list[str] = []
    block_outside(context, on_loopback, outside)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served)
    page.wait_for_function("() => document.querySelectorAll("
                           "'.newsmap-inset .leaflet-overlay-pane path').length > 10",
                           timeout=30_000)  # fmt: skip
    order = page.evaluate(_PANE)
    assert order.count("country") > 100 and order.count("state") > 40
    assert order.index("state") > len(order) - 1 - order[::-1].index("country")  # states on top
    pane = page.evaluate("() => +getComputedStyle(document.querySelector("
                         "'.leaflet-newsmap-outlines-pane')).zIndex")  # fmt: skip
    overlay = page.evaluate("() => +getComputedStyle(document.querySelector("
                            "'.leaflet-overlay-pane')).zIndex")  # fmt: skip
    assert pane < overlay  # under the markers and lines, which stay clickable
    assert page.locator(".newsmap-inset").count() == 1  # the inset kept: it draws outlines
    assert errors == [] and outside == []
    context.close()
