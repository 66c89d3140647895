"""The app as a user sees it: ``streamlit run app.py`` on loopback, driven by a real headless
Chromium. The map draws its markers and routes with no request leaving the machine, a
screenshot is kept for the record (``out/app.png``), and an article carrying script runs
nothing."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
PAYLOAD = (
    "Kim left Pyongyang <script>window.__pwned = 1</script> for Vladivostok on Monday. "
    '<img src=x onerror="window.__pwned = 2"> `${window.__pwned = 3}` He reached Khasan.'
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(gazetteer: object) -> Iterator[str]:
    """The app served on loopback (the gazetteer fixture has compiled the index already)."""
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


@pytest.fixture
def page(server: str) -> Iterator[tuple[object, list[str], list[str]]]:
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            host = urlparse(url).hostname
            if url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
                r.continue_()  # type: ignore[attr-defined]
            else:
                outside.append(url)
                r.abort()  # type: ignore[attr-defined]

        context.route("**/*", route)
        pg = context.new_page()
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.goto(server)
        yield pg, outside, dialogs
        browser.close()


def map_frame(pg: object) -> object:
    pg.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=60_000)  # type: ignore[attr-defined]
    frame = pg.frame_locator("iframe[title='streamlit_folium.st_folium']")  # type: ignore[attr-defined]
    frame.locator(".newsmap-length").first.wait_for(timeout=60_000)
    return frame


def test_the_map_draws_on_loopback_only(page: tuple[object, list[str], list[str]]) -> None:
    pg, outside, _ = page
    frame = map_frame(pg)
    assert frame.locator(".leaflet-overlay-pane path").count() > 100  # outlines and markers
    assert frame.locator("path.leaflet-interactive").count() > 40
    assert frame.locator(".newsmap-length").count() == 3  # the three legs, labelled
    assert frame.locator(".newsmap-timeline").count() == 1
    assert outside == []
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    pg.screenshot(path=str(out / "app.png"))  # type: ignore[attr-defined]
    assert (out / "app.png").stat().st_size > 50_000


def test_a_script_payload_runs_nothing(page: tuple[object, list[str], list[str]]) -> None:
    pg, outside, dialogs = page
    map_frame(pg)
    pg.get_by_text("Paste text").click()  # type: ignore[attr-defined]
    area = pg.get_by_label("Article text")  # type: ignore[attr-defined]
    area.fill(PAYLOAD)
    area.press("Control+Enter")
    frame = pg.frame_locator("iframe[title='streamlit_folium.st_folium']")  # type: ignore[attr-defined]
    frame.locator(".leaflet-interactive").first.wait_for(timeout=60_000)
    pg.wait_for_timeout(1500)  # type: ignore[attr-defined]
    for marker in frame.locator("path.leaflet-interactive").all()[:8]:
        marker.click(force=True)
    assert pg.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert frame.locator("body").evaluate("() => window.__pwned") is None
    assert dialogs == [] and outside == []
