"""The app as a user sees it: ``streamlit run app.py`` on loopback, driven by a real headless
Chromium. The map draws its markers and routes with no request leaving the machine, a
screenshot is kept for the record (``out/app.png``), and an article carrying script runs
nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from chromium import AppPage, launch, needs_chromium, streamlit_app
from conftest import ROOT

pytestmark = needs_chromium
PAYLOAD = (
    "Kim left Pyongyang <script>window.__pwned = 1</script> for Vladivostok on Monday. "
    '<img src=x onerror="window.__pwned = 2"> `${window.__pwned = 3}` He reached Khasan.'
)


@pytest.fixture(scope="module")
def server(gazetteer: object) -> Iterator[str]:
    """The app served on loopback (the gazetteer fixture has compiled the index already)."""
    with streamlit_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[tuple[object, list[str], list[str]]]:
    tab = AppPage(browser, server)
    yield tab.page, tab.outside, tab.dialogs
    tab.close()


def map_frame(pg: object) -> object:
    selector = "iframe[title='geo.app.mapframe.map']"
    pg.wait_for_selector(selector, timeout=60_000)  # type: ignore[attr-defined]
    frame = pg.frame_locator(selector)  # type: ignore[attr-defined]
    frame.locator(".newsmap-length").first.wait_for(timeout=60_000)
    return frame


def test_the_map_draws_on_loopback_only(page: tuple[object, list[str], list[str]]) -> None:
    pg, outside, _ = page
    frame = map_frame(pg)
    outlines = frame.locator(".leaflet-newsmap-outlines-pane path")  # fetched after the story
    outlines.first.wait_for(state="attached", timeout=30_000)
    assert outlines.count() > 100
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
    frame = pg.frame_locator("iframe[title='geo.app.mapframe.map']")  # type: ignore[attr-defined]
    frame.locator(".leaflet-interactive").first.wait_for(timeout=60_000)
    pg.wait_for_timeout(1500)  # type: ignore[attr-defined]
    for marker in frame.locator("path.leaflet-interactive").all()[:8]:
        marker.click(force=True)
    assert pg.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert frame.locator("body").evaluate("() => window.__pwned") is None
    assert dialogs == [] and outside == []


def test_downloads_are_made_when_clicked(page: tuple[object, list[str], list[str]]) -> None:
    """The files are built only when their button is clicked (not on every rerun), and the
    click in a real browser delivers them."""
    pg, outside, _ = page
    map_frame(pg)
    for label, name, start in [
        ("KML", "newsmap-map.kml", b"<?xml"),
        ("Briefing (HTML)", "newsmap-briefing.html", b"<!DOCTYPE html>"),
    ]:
        with pg.expect_download(timeout=60_000) as info:  # type: ignore[attr-defined]
            pg.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
        download = info.value
        assert download.suggested_filename == name
        assert Path(download.path()).read_bytes().startswith(start)
    assert outside == []


_FETCHED = "() => performance.getEntriesByType('resource').map((e) => e.name)"


def test_the_outlines_come_from_static_files_and_the_briefing_keeps_them(
    page: tuple[object, list[str], list[str]],
) -> None:
    """The app's map fetches the outlines from the server's static files (on loopback), so
    its page is small; the downloaded briefing still carries them, to open offline."""
    pg, outside, _ = page
    frame = map_frame(pg)
    outline = frame.locator(".leaflet-newsmap-outlines-pane path").nth(100)
    outline.wait_for(state="attached", timeout=30_000)
    body = frame.locator("body")
    fetched = body.evaluate(_FETCHED)
    hashed = r"/app/static/(countries|states)-[0-9a-f]{16}\.json"
    outlines = [u for u in fetched if re.search(hashed, u)]
    assert {re.search(hashed, u).group(1) for u in outlines} == {"countries", "states"}  # type: ignore[union-attr]
    assert all(urlparse(u).hostname == "127.0.0.1" for u in outlines)
    assert body.evaluate("() => document.documentElement.outerHTML.length") < 300_000
    with pg.expect_download(timeout=60_000) as info:  # type: ignore[attr-defined]
        pg.get_by_role("button", name="Briefing (HTML)").click()  # type: ignore[attr-defined]
    briefing = Path(info.value.path()).read_text(encoding="utf-8")
    assert '"FeatureCollection"' in briefing and "MultiPolygon" in briefing
    assert "/app/static/" not in briefing and not re.search(hashed, briefing)
    assert outside == []


def test_the_events_chart_is_drawn_when_its_tab_opens(
    page: tuple[object, list[str], list[str]],
) -> None:
    """The chart's script (Vega) is not loaded while a new reader waits for the map."""
    pg, outside, _ = page
    frame = map_frame(pg)
    chart = pg.locator("[data-testid='stVegaLiteChart']")  # type: ignore[attr-defined]
    assert chart.count() == 0
    frame.locator("body").evaluate("() => { window.__sameDocument = true }")
    pg.get_by_role("tab", name="Events").click()  # type: ignore[attr-defined]
    chart.first.wait_for(timeout=30_000)
    assert frame.locator("body").evaluate("() => window.__sameDocument") is True  # map kept
    assert outside == []


# the latitude and longitude under a point of the map, from the map object Leaflet made
_LATLNG_AT = """(_, [x, y]) => {
    const map = Object.keys(window).map((k) => window[k])
        .filter((m) => m && m.eachLayer && m.containerPointToLatLng && m._loaded)[0];
    const p = map.containerPointToLatLng([x, y]);
    return [p.lat, p.lng];
}"""

# whether a marker of the map stands within 0.01 degrees of a point
_MARKER_AT = """([lat, lon]) => [...document.querySelectorAll('iframe')].some((f) => {
    try {
        const w = f.contentWindow;
        return Object.keys(w).map((k) => w[k]).filter((m) => m && m.eachLayer && m._loaded)
            .some((map) => {
            let found = false;
            map.eachLayer((layer) => {
                if (!layer.getLatLng || layer.getBounds) return;
                const p = layer.getLatLng();
                if (Math.abs(p.lat - lat) < 0.01 && Math.abs(p.lng - lon) < 0.01) found = true;
            });
            return found;
        });
    } catch (e) { return false; }
})"""


def test_a_click_on_the_map_places_a_mention(page: tuple[object, list[str], list[str]]) -> None:
    pg, outside, _ = page
    frame = map_frame(pg)
    container = frame.locator(".leaflet-container").first
    box = container.bounding_box()
    # the map's upper left: land and sea, no marker, no control
    x, y = round(box["width"] * 0.3), round(box["height"] * 0.3)
    lat, lon = container.evaluate(_LATLNG_AT, [x, y])
    assert not pg.evaluate(_MARKER_AT, [lat, lon])  # type: ignore[attr-defined]
    container.click(position={"x": x, "y": y})
    put = pg.get_by_role("button", name="Put it here")  # type: ignore[attr-defined]
    put.wait_for(timeout=30_000)
    label = pg.get_by_text("Put at ").inner_text()  # type: ignore[attr-defined]
    shown = [float(n) for n in label.removeprefix("Put at ").split(", ")]
    assert abs(shown[0] - lat) < 0.05 and abs(shown[1] - lon) < 0.05  # what was clicked
    put.click()
    pg.wait_for_function(_MARKER_AT, arg=shown, timeout=60_000)  # type: ignore[attr-defined]
    pg.get_by_role("tab", name="Correct").click()  # type: ignore[attr-defined]
    # the tab's click reruns the page, which then draws the open tab alone
    pg.get_by_text("1 correction(s) in force.").wait_for(timeout=30_000)  # type: ignore[attr-defined]
    assert outside == []


def test_reruns_that_keep_the_map_do_not_reload_leaflet(
    page: tuple[object, list[str], list[str]],
) -> None:
    """A click on the map reruns its panel alone, and a change elsewhere (the headline, a
    tab) reruns the page: in both the map's frame stays the same document, and Leaflet is
    neither fetched nor run again."""
    pg, outside, _ = page
    loads: list[str] = []
    pg.on("request", lambda r: loads.append(r.url) if "leaflet.js" in r.url else None)  # type: ignore[attr-defined]
    frame = map_frame(pg)
    container = frame.locator(".leaflet-container").first
    box = container.bounding_box()
    x, y = round(box["width"] * 0.3), round(box["height"] * 0.3)
    container.evaluate(_LATLNG_AT, [x, y])
    container.evaluate("() => { window.__sameDocument = true }")
    container.click(position={"x": x, "y": y})
    pg.get_by_role("button", name="Put it here").wait_for(timeout=30_000)  # type: ignore[attr-defined]
    pg.get_by_text("Headline of the briefing").click()  # type: ignore[attr-defined]
    title = pg.get_by_label("Headline (empty: made from the story)")  # type: ignore[attr-defined]
    title.fill("Kim's train")
    title.press("Enter")
    pg.get_by_text("Show the code to embed the map in a web page").click()  # type: ignore[attr-defined]
    pg.get_by_text('title="Kim&#39;s train"').wait_for(timeout=30_000)  # type: ignore[attr-defined]
    pg.get_by_role("tab", name="Claims").click()  # type: ignore[attr-defined]
    pg.wait_for_timeout(1000)  # type: ignore[attr-defined]
    assert container.evaluate("() => window.__sameDocument") is True
    assert len(loads) <= 1  # the first drawing's, if the browser did not have it already
    assert outside == []


EDIT = "Floods cut the road between Brisbane and Cairns, Queensland, on Monday."
# what the map's frame shows: markers, labels and the story's controls
_DRAWN = """() => ({
    markers: document.querySelectorAll('path.leaflet-interactive').length,
    lengths: document.querySelectorAll('.newsmap-length').length,
    names: [...document.querySelectorAll('.newsmap-place-label')].map((e) => e.textContent),
    legends: [...document.querySelectorAll('.newsmap-legend')].map((e) => e.textContent),
    timelines: document.querySelectorAll('.newsmap-timeline').length,
    fits: document.querySelectorAll('.newsmap-fit').length,
    layerControls: document.querySelectorAll('.leaflet-control-layers').length,
    labelPanes: document.querySelectorAll('.leaflet-newsmap-labels-pane').length,
    same: window.__sameDocument === true,
})"""


def test_a_new_article_is_redrawn_on_the_same_map(
    page: tuple[object, list[str], list[str]],
) -> None:
    """An edit of the article draws the new story on the map already in the page: its frame
    stays the same document, Leaflet is not fetched again, and nothing of the last story
    (markers, leg lengths, legend, timeline, buttons) is left behind.

    The sample is pasted first: while "Paste text" has no text yet the page shows no map at
    all (the page script stops), so the edit starts from a pasted article."""
    pg, outside, dialogs = page
    map_frame(pg)
    pg.get_by_text("Paste text").click()  # type: ignore[attr-defined]
    area = pg.get_by_label("Article text")  # type: ignore[attr-defined]
    area.fill((ROOT / "data" / "article.txt").read_text(encoding="utf-8"))
    area.press("Control+Enter")
    body = map_frame(pg).locator("body")  # type: ignore[attr-defined]
    pg.wait_for_timeout(1000)  # type: ignore[attr-defined]
    before = body.evaluate(_DRAWN)
    assert before["lengths"] == 3 and before["timelines"] == 1
    (legend,) = before["legends"]
    assert "Kim Jong Un" in legend and "Routes" in legend
    loads: list[str] = []
    pg.on("request", lambda r: loads.append(r.url) if "leaflet.js" in r.url else None)  # type: ignore[attr-defined]
    body.evaluate("() => { window.__sameDocument = true }")
    area.fill(EDIT)
    area.press("Control+Enter")
    body.locator(".newsmap-place-label", has_text="Cairns").first.wait_for(
        state="attached", timeout=60_000
    )
    pg.wait_for_timeout(1000)  # type: ignore[attr-defined]
    after = body.evaluate(_DRAWN)
    assert after["same"] is True  # the same document: the page was not reloaded
    assert loads == []  # nor Leaflet fetched again
    assert after["lengths"] == 0  # none of the sample's legs
    assert {"Brisbane", "Cairns"} <= set(after["names"])
    assert "Pyongyang" not in after["names"] and "Vladivostok" not in after["names"]
    assert 3 <= after["markers"] < before["markers"]
    (legend,) = after["legends"]  # one legend, the new story's
    assert "Kim Jong Un" not in legend and "Routes" not in legend
    assert after["timelines"] <= 1 and after["fits"] == 1 and after["layerControls"] == 1
    assert after["labelPanes"] == 1
    assert dialogs == [] and outside == []


# the organisations' markers (ringed in their colour) and their switch in the layer control
_ORGANISATIONS = """() => ({
    markers: document.querySelectorAll('path.leaflet-interactive[stroke="#f1c40f"]').length,
    ticked: [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
        .filter((l) => l.textContent.includes('organisations'))
        .map((l) => l.querySelector('input').checked),
    same: window.__sameDocument === true,
})"""
_TICK_ORGANISATIONS = """() => [...document.querySelectorAll(
    '.leaflet-control-layers-overlays label')].filter((l) => l.textContent.includes(
    'organisations'))[0].querySelector('input').click()"""


def test_switching_the_tiles_draws_a_new_base_in_the_same_frame(
    page: tuple[object, list[str], list[str]],
) -> None:
    """The OpenStreetMap tiles belong to the base map: switching them on draws a new base map
    in the same frame (one map, Leaflet not fetched again) with the story on it again, and
    only the tiles' server is asked for anything beyond loopback."""
    pg, outside, _ = page
    loads: list[str] = []
    pg.on("request", lambda r: loads.append(r.url) if "leaflet.js" in r.url else None)  # type: ignore[attr-defined]
    body = map_frame(pg).locator("body")  # type: ignore[attr-defined]
    before = body.evaluate(_DRAWN)
    body.evaluate("() => { window.__sameDocument = true }")
    pg.get_by_text("OpenStreetMap tiles").click()  # type: ignore[attr-defined]
    body.locator(".leaflet-tile").first.wait_for(state="attached", timeout=30_000)
    pg.wait_for_timeout(500)  # type: ignore[attr-defined]
    assert body.evaluate(_DRAWN) == {**before, "same": True}
    assert body.locator(".leaflet-container").count() == 1
    assert len(loads) <= 1
    assert outside and all(u.startswith("https://tile.openstreetmap.org/") for u in outside)


def test_hidden_organisations_leave_the_same_map_and_can_be_shown(
    page: tuple[object, list[str], list[str]],
) -> None:
    """Hiding governments and organisations redraws the story on the same map without their
    markers (the app's map adds every group of a story: that one leaves again as the story
    starts), and the layer control still shows them on demand."""
    pg, outside, _ = page
    body = map_frame(pg).locator("body")  # type: ignore[attr-defined]
    before = body.evaluate(_ORGANISATIONS)
    assert before["markers"] > 3 and before["ticked"] == [True]
    body.evaluate("() => { window.__sameDocument = true }")
    pg.get_by_text("Hide governments and organisations").click()  # type: ignore[attr-defined]
    frame = next(f for f in pg.frames if "geo.app.mapframe.map" in f.url)  # type: ignore[attr-defined]
    frame.wait_for_function(f"({_ORGANISATIONS})().markers === 0", timeout=30_000)
    pg.wait_for_timeout(500)  # type: ignore[attr-defined]
    hidden = body.evaluate(_ORGANISATIONS)
    assert hidden == {"markers": 0, "ticked": [False], "same": True}
    body.evaluate(_TICK_ORGANISATIONS)
    shown = body.evaluate(_ORGANISATIONS)
    assert shown["markers"] == before["markers"] and shown["ticked"] == [True]
    assert body.locator(".newsmap-legend").count() == 1  # the story itself is not redrawn
    assert outside == []


def test_a_new_article_offers_its_own_mentions_to_correct(
    page: tuple[object, list[str], list[str]],
) -> None:
    """A choice whose options change (another pasted article here) shows the new options:
    under one widget key, the browser kept showing the last article's label while the server
    read the new article's mention at that index, so a correction could go elsewhere than
    shown."""
    pg, outside, _ = page
    map_frame(pg)
    pg.get_by_role("tab", name="Correct").click()  # type: ignore[attr-defined]
    mention = pg.locator("[data-testid=stSelectbox]").filter(has_text="Mention")  # type: ignore[attr-defined]
    pg.get_by_text("Paste text").click()  # type: ignore[attr-defined]
    area = pg.get_by_label("Article text")  # type: ignore[attr-defined]
    articles = [
        ("Floods cut the road between Brisbane and Cairns, Queensland, on Monday.", "Brisbane"),
        ("A fire burned near Perth and Bunbury in Western Australia on Tuesday.", "Perth"),
    ]
    for text, first in articles:
        area.fill(text)
        area.press("Control+Enter")
        pg.get_by_text("mentions of 3 places").wait_for(timeout=60_000)  # type: ignore[attr-defined]
        pg.wait_for_timeout(500)  # type: ignore[attr-defined]
        shown = mention.locator("input").first.input_value()
        assert shown.startswith(f"{first} @"), shown
    assert outside == []
