"""The map's view in a real headless Chromium, every request outside the page blocked: each
kind of story opens on its places (never NaN), the sample's route fills the view, labels show
without hover and never overlap, stay legible in dark mode, and the wheel scrolls the page
until the reader clicks the map."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import block_outside, in_file, launch, needs_chromium
from conftest import ROOT

import geo
from geo.briefing import briefing_html

pytestmark = needs_chromium

# the shared evaluation sets sit beside the repository (or beside its worktrees' folder)
DEV_NEWS = next(
    (p for up in (ROOT.parent, ROOT.parent.parent)
     if (p := up / "shared" / "eval" / "dev-news.jsonl").exists()),
    ROOT.parent / "shared" / "eval" / "dev-news.jsonl",
)  # fmt: skip
# one or two places, local news, wire stories, many places, a journey, a span across ±180
STORIES = ("trnews-1010006", "trnews-1030015", "trnews-1020009", "trnews-1260001",
           "trnews-1260002", "trnews-1060007", "trnews-1020003", "trnews-1060001",
           "trnews-1040001", "trnews-1050002", "trnews-1120001", "trnews-1070001",
           "trnews-1020014", "trnews-1010005", "trnews-1110001",
           "trnews-1030001")  # fmt: skip

VIEW = """() => {
    const s = window.newsmapStory, m = s.map, size = m.getSize(), c = m.getCenter();
    const story = L.latLngBounds(s.bounds), inView = m.getBounds().pad(0.02);
    return {zoom: m.getZoom(), lat: c.lat, lng: c.lng, width: size.x, height: size.y,
            storyShown: inView.contains(story) || story.contains(m.getBounds())};
}"""
LABELS = """() => [...document.querySelectorAll('.newsmap-place-label, .newsmap-length')]
    .filter((e) => getComputedStyle(e).display !== 'none' && e.style.visibility === 'visible')
    .map((e) => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                  return {text: e.textContent, box: [r.left, r.top, r.right, r.bottom],
                          color: s.color, shadow: s.textShadow, size: s.fontSize}; })"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


class Tab:
    """One tab reused for every page, with requests outside the file blocked."""

    def __init__(self, browser: object, **options: object) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)  # type: ignore[attr-defined]
        self.outside: list[str] = []
        self.messages: list[str] = []
        block_outside(self.context, in_file, self.outside)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.messages.append(str(e)))
        self.page.on("console", lambda m: self.messages.append(m.text))

    def open(self, path: Path) -> object:
        self.messages.clear()
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.newsmapStory !== undefined", timeout=15_000)
        return self.page


@pytest.fixture(scope="module")
def tab(browser: object) -> Iterator[Tab]:
    tab = Tab(browser)
    yield tab
    tab.context.close()


@pytest.fixture(scope="module")
def sample_page(
    sample: geo.Analysis, gazetteer: geo.Gazetteer, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("view") / "sample.html"
    path.write_text(briefing_html(sample, gazetteer, title="Kim's train"), encoding="utf-8")
    return path


def dev_story(story_id: str) -> str:
    if not DEV_NEWS.exists():
        pytest.skip(f"the development set is not here ({DEV_NEWS.name} is kept beside the repo)")
    for line in DEV_NEWS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["id"] == story_id:
            return str(doc["text"])
    pytest.skip(f"{story_id} is not in the development set")


@pytest.mark.parametrize("story_id", STORIES)
def test_every_kind_of_story_draws(
    tab: Tab, gazetteer: geo.Gazetteer, tmp_path: Path, story_id: str
) -> None:
    analysis = geo.analyze(dev_story(story_id), gazetteer)
    path = tmp_path / "story.html"
    path.write_text(briefing_html(analysis, gazetteer), encoding="utf-8")
    page = tab.open(path)
    view = page.evaluate(VIEW)  # type: ignore[attr-defined]
    assert not [m for m in tab.messages if "NaN" in m or "Invalid" in m], tab.messages
    assert tab.outside == []
    assert view["height"] > 200 and view["width"] > 200
    assert 1 <= view["zoom"] <= 18 and view["lat"] == view["lat"]  # finite, not NaN
    assert view["storyShown"], view
    # the markers of the story's frame are inside the map
    inside = page.evaluate(  # type: ignore[attr-defined]
        """() => { const s = window.newsmapStory, m = s.map, story = L.latLngBounds(s.bounds);
            const size = m.getSize(); let all = 0, shown = 0, seen = 0;
            m.eachLayer((l) => {
                if (!(l instanceof L.CircleMarker)) return;
                const p = m.latLngToContainerPoint(l.getLatLng());
                const visible = p.x >= 0 && p.y >= 0 && p.x <= size.x && p.y <= size.y;
                seen += visible;  // drawn where the reader looks, on this copy of the world
                if (!story.contains(l.getLatLng())) return;
                all += 1; shown += visible; });
            return [all, shown, seen]; }"""
    )
    assert inside[0] == inside[1]
    assert inside[2] > 0 or not analysis.resolved  # a view on the wrong copy showed none
    if analysis.resolved:
        assert page.evaluate(LABELS)  # type: ignore[attr-defined]


def test_the_route_fills_the_view_and_labels_do_not_overlap(tab: Tab, sample_page: Path) -> None:
    page = tab.open(sample_page)
    view = page.evaluate(VIEW)  # type: ignore[attr-defined]
    route = page.evaluate(  # type: ignore[attr-defined]
        """() => { const boxes = [...document.querySelectorAll('path[stroke="#1f77b4"]')]
              .map((p) => p.getBoundingClientRect()).filter((r) => r.width + r.height > 0);
            const edge = (f, side) => f(...boxes.map((r) => r[side]));
            return [edge(Math.min, "left"), edge(Math.min, "top"),
                    edge(Math.max, "right"), edge(Math.max, "bottom")]; }"""
    )
    width, height = route[2] - route[0], route[3] - route[1]
    assert max(width / view["width"], height / view["height"]) > 0.5, (route, view)
    labels = page.evaluate(LABELS)  # type: ignore[attr-defined]
    shown = {label["text"] for label in labels}
    assert {"Pyongyang", "Vladivostok"} <= shown  # without hover
    assert sum(1 for label in labels if label["text"].endswith(("km", "km*"))) >= 2
    legend = page.evaluate(  # type: ignore[attr-defined]
        """() => { const r = document.querySelector('.newsmap-legend').getBoundingClientRect();
                   return [r.left, r.top, r.right, r.bottom]; }"""
    )
    boxes = [label["box"] for label in labels] + [legend]  # nothing hides under the legend
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 1 or overlap_y <= 1, (a, b)
    sizes = {label["text"]: float(label["size"][:-2]) for label in labels}
    assert sizes["Vladivostok"] > sizes.get("Beijing", 0)  # sized by importance
    # a click on a place marker with events opens the place, and one on its ring the events
    where = """() => { const m = window.newsmapStory.map;
        const r = m.getContainer().getBoundingClientRect();
        m.closePopup();
        const p = m.latLngToContainerPoint([43.10562, 131.87353]);
        return [r.left + p.x, r.top + p.y]; }"""
    centre = page.evaluate(where)  # type: ignore[attr-defined]
    page.mouse.click(*centre)  # type: ignore[attr-defined]
    popup = page.locator(".leaflet-popup-content")  # type: ignore[attr-defined]
    assert "mention" in popup.inner_text() and "Vladivostok" in popup.inner_text()
    ring = page.evaluate(  # type: ignore[attr-defined]
        """() => { let r = 0; window.newsmapStory.map.eachLayer((l) => {
            if (l instanceof L.CircleMarker && !l.options.fill && l.getLatLng().lng === 131.87353)
                r = l.getRadius(); }); return r; }"""
    )
    page.wait_for_timeout(500)  # type: ignore[attr-defined]  # the popup panned the map
    centre = page.evaluate(where)  # type: ignore[attr-defined]
    page.mouse.click(centre[0] + ring, centre[1])  # type: ignore[attr-defined]
    assert re.search(r"\d+ events", popup.last.inner_text())  # the old one may still fade
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    # the fit button brings the story back after the reader wandered off
    page.evaluate("() => { window.newsmapStory.map.setView([0, 0], 3, {animate: false}); }")  # type: ignore[attr-defined]
    assert not page.evaluate(VIEW)["storyShown"]  # type: ignore[attr-defined]
    page.locator(".newsmap-fit a").click()  # type: ignore[attr-defined]
    page.wait_for_function(f"({VIEW})().storyShown", timeout=5_000)  # type: ignore[attr-defined]
    assert page.locator(".newsmap-inset path").count() > 50  # type: ignore[attr-defined]


def test_the_wheel_zooms_only_after_a_click(tab: Tab, sample_page: Path) -> None:
    page = tab.open(sample_page)
    zoom = page.evaluate(VIEW)["zoom"]  # type: ignore[attr-defined]
    page.mouse.move(640, 250)  # type: ignore[attr-defined]
    page.mouse.wheel(0, -600)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    assert page.evaluate(VIEW)["zoom"] == zoom  # type: ignore[attr-defined]
    page.mouse.click(640, 120)  # type: ignore[attr-defined]
    page.mouse.wheel(0, -600)  # type: ignore[attr-defined]
    page.wait_for_timeout(600)  # type: ignore[attr-defined]
    assert page.evaluate(VIEW)["zoom"] > zoom  # type: ignore[attr-defined]


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_mode_keeps_labels_legible(browser: object, sample_page: Path) -> None:
    dark = Tab(browser, color_scheme="dark")
    try:
        page = dark.open(sample_page)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")  # type: ignore[attr-defined]
        background = _rgb(page.evaluate(  # type: ignore[attr-defined]
            "getComputedStyle(document.querySelector('.folium-map')).backgroundColor"))  # fmt: skip
        labels = page.evaluate(LABELS)  # type: ignore[attr-defined]
        assert labels
        for label in labels:
            text = _rgb(label["color"])
            if label["text"].endswith(("km", "km*")):
                halo = (255.0, 255.0, 255.0)  # a white box
            else:
                halo = _rgb(label["shadow"])
            assert contrast(text, halo) >= 4.5, label
            assert contrast(text, background) >= 4.5, label
        legend = page.evaluate(  # type: ignore[attr-defined]
            """() => { const s = getComputedStyle(document.querySelector('.newsmap-legend'));
                       return [s.color, s.backgroundColor]; }"""
        )
        assert contrast(_rgb(legend[0]), _rgb(legend[1])) >= 4.5
    finally:
        dark.context.close()


def test_print_keeps_the_story_on_the_page(browser: object, sample_page: Path) -> None:
    # A4 at 96 dpi with 1.5 cm margins is about 680 px wide
    paper = Tab(browser)
    try:
        paper.page.set_viewport_size({"width": 680, "height": 960})
        page = paper.open(sample_page)
        page.emulate_media(media="print")  # type: ignore[attr-defined]
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # type: ignore[attr-defined]
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        view = page.evaluate(VIEW)  # type: ignore[attr-defined]
        assert view["width"] <= 680 and view["height"] > 200
        assert view["storyShown"], view
    finally:
        paper.context.close()


INSET = """() => {
    const inset = document.querySelector('.newsmap-inset');
    if (!inset) return null;
    const box = inset.getBoundingClientRect();
    const rects = (stroke) => [...inset.querySelectorAll(`path[stroke="${stroke}"]`)]
        .map((p) => p.getBoundingClientRect()).filter((r) => r.width + r.height > 0)
        .map((r) => [r.left, r.top, r.right, r.bottom]);
    return {box: [box.left, box.top, box.right, box.bottom], outlines: rects("#a9b1b8"),
            frames: rects("#c0392b")};
}"""


def _edge_inside(outline: list[float], box: list[float]) -> bool:
    """Some edge of an outline's box falls inside the inset: the reader sees a border or
    a coast, not a box of even fill."""
    crosses = outline[0] < box[2] and box[0] < outline[2] and outline[1] < box[3]
    crosses = crosses and box[1] < outline[3]
    covers = outline[0] <= box[0] and outline[1] <= box[1]
    covers = covers and outline[2] >= box[2] and outline[3] >= box[3]
    return crosses and not covers


def test_a_local_story_has_an_inset_that_shows_its_country(
    tab: Tab, gazetteer: geo.Gazetteer, tmp_path: Path
) -> None:
    # one county in Missouri: the story's frame is a few dozen km, all inside the United States,
    # so the inset shows the country's outline with the map's frame on it, not an empty box
    text = ("Heavy rain flooded roads in Paris, Missouri, and Monroe City on Monday, "
            "the Monroe County sheriff said.")  # fmt: skip
    path = tmp_path / "local.html"
    path.write_text(briefing_html(geo.analyze(text, gazetteer), gazetteer), encoding="utf-8")
    inset = tab.open(path).evaluate(INSET)  # type: ignore[attr-defined]
    assert inset is not None
    box = inset["box"]
    assert any(_edge_inside(o, box) for o in inset["outlines"]), inset
    (frame,) = inset["frames"]
    width, height = box[2] - box[0], box[3] - box[1]
    assert box[0] <= frame[0] and frame[2] <= box[2] and box[1] <= frame[1]
    assert frame[3] <= box[3]
    assert (frame[2] - frame[0]) * (frame[3] - frame[1]) < 0.1 * width * height, inset
    assert not [m for m in tab.messages if "rror" in m], tab.messages


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met in Paris and Berlin on Tuesday to discuss the budget.",
        "Leaders from Brazil, Japan, Australia and Canada met to discuss trade.",
    ],
)
def test_no_inset_where_the_map_already_shows_the_context(
    tab: Tab, gazetteer: geo.Gazetteer, tmp_path: Path, text: str
) -> None:
    # the map's own frame would cover most of the inset: it would repeat the map, smaller
    path = tmp_path / "wide.html"
    path.write_text(briefing_html(geo.analyze(text, gazetteer), gazetteer), encoding="utf-8")
    page = tab.open(path)
    assert page.evaluate(INSET) is None  # type: ignore[attr-defined]
    assert page.evaluate(VIEW)["storyShown"]  # type: ignore[attr-defined]


def test_the_sample_inset_draws_outlines_and_the_frame(tab: Tab, sample_page: Path) -> None:
    inset = tab.open(sample_page).evaluate(INSET)  # type: ignore[attr-defined]
    assert inset is not None and len(inset["frames"]) == 1
    assert any(_edge_inside(o, inset["box"]) for o in inset["outlines"])
