"""The security corpus through ``newsmap atlas``: each payload is an article's id and its
sentence, and a crafted record puts payloads in every other text field (name, kind, country,
event type, trigger, date). Drawing the page compiles none of it as a template; in a real
headless Chromium every popup is opened and every control used, and no payload opens a
dialog, sets a window flag or requests anything, while each reads literally."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import Page, launch, needs_chromium

import geo
from geo.batch import process_record, result_line
from geo.cli import main
from security.corpus import flat

pytestmark = needs_chromium

_OPEN_ALL = """() => {
    const atlas = window.newsmapAtlas, shown = [];
    atlas.cluster.getLayers().forEach((m) => {
        const popup = L.popup({maxWidth: 380}).setLatLng(m.getLatLng())
            .setContent(m.getPopup().getContent()).openOn(atlas.map);
        shown.push(popup.getElement().textContent);
        atlas.map.closePopup();
    });
    return shown;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


def _crafted(payloads: list[str]) -> dict[str, object]:
    """A record no batch wrote: payloads in every field the atlas shows."""
    place = {"start": 0, "end": 4, "text": payloads[0], "name": payloads[1], "lat": 10.5,
             "lon": 20.5, "country_code": payloads[2], "kind": payloads[3],
             "sentence": payloads[4]}  # fmt: skip
    event = {"trigger": {"text": payloads[5]}, "type": payloads[6],
             "time": {"date": payloads[7]}, "places": [place]}  # fmt: skip
    return {"id": payloads[8], "published": payloads[9], "places": [place], "events": [event]}


def test_the_atlas_runs_nothing_and_shows_every_payload(
    browser: object,
    gazetteer: geo.Gazetteer,
    hostile_text: str,
    filled: dict[str, str],
    tmp_path: Path,
) -> None:
    results = []
    for n, (line, payload) in enumerate(zip(hostile_text.split("\n"), filled.values(),
                                            strict=True)):  # fmt: skip
        record = {"id": payload, "text": line, "published": f"2024-05-{1 + n % 28:02d}"}
        result = process_record(record, gazetteer, events=True)
        for place in result["places"]:
            place["sentence"] = line  # as a feed that keeps its sentences would
        result["published"] = record["published"]
        results.append(result)
    payloads = list(filled.values())
    results.append(_crafted(payloads[:10]))
    results.append({"id": payloads[10], "places": [], "error": payloads[11]})
    feed = tmp_path / "hostile.jsonl"
    feed.write_text("".join(result_line(r) for r in results), encoding="utf-8")
    out = tmp_path / "atlas.html"
    assert main(["atlas", str(feed), "-o", str(out)]) == 0

    page = Page(browser, out, wait_for="window.newsmapAtlas !== undefined")
    p = page.page
    shown = p.evaluate(_OPEN_ALL)
    assert len(shown) == p.evaluate("newsmapAtlas.markers.length") > 10
    for end in ("to", "from"):
        slider = p.locator(f".newsmap-atlas-{end}")
        slider.fill("0" if end == "to" else slider.get_attribute("max") or "0")
    p.locator(".newsmap-atlas-to").fill(p.locator(".newsmap-atlas-to").get_attribute("max") or "0")
    p.locator(".newsmap-atlas-from").fill("0")
    for fold in ("types", "countries"):  # folded lists: open, every box off and on
        p.locator(f".newsmap-atlas-{fold} summary").click()
        for box in p.locator(f".newsmap-atlas-{fold} input").all():
            box.uncheck()
            box.check()
    control = p.locator(".newsmap-atlas-control").inner_text()
    p.wait_for_timeout(300)
    assert p.evaluate("window.__pwned") is None
    assert p.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    assert page.dialogs == [] and page.errors == [] and page.outside == []
    popups = flat(" ".join(shown))
    # every payload as an article's id, and as its quoted sentence
    assert [n for n, text in filled.items() if flat(text) not in popups] == []
    assert all(flat(line) in popups for line in hostile_text.split("\n"))
    for payload in (payloads[0], payloads[1], payloads[4], payloads[5], payloads[6]):
        assert flat(payload)[:399] in popups  # cut at 400 characters, as quotes are
    assert payloads[3][:40] in popups  # a kind is cut at 40
    assert "1 record with an error skipped" in control
    p.close()
    json.dumps(results)  # every record was JSON, as the atlas read it
