"""``newsmap atlas``: a feed analysed by the real batch functions, gathered by place and drawn
in a real headless Chromium with every request outside the file blocked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from chromium import Page, launch, needs_chromium
from conftest import SAMPLE

import geo
from geo.atlas import read_feed
from geo.batch import parse_record, process_record, result_line
from geo.cli import main

_OWN = [
    ("kenya-floods", "Floods hit Nairobi on Monday. Rescuers reached Mombasa by boat.",
     "2024-04-29"),
    ("peru-quake", "An earthquake struck Lima on Tuesday, and aid left Cusco.", "2024-05-06"),
    ("kenya-protest", "Thousands of people protested in Nairobi on Friday.", "2024-05-10"),
    ("undated", "The ministers met in Lisbon.", None),
]  # fmt: skip


def _records() -> list[dict[str, object]]:
    text = SAMPLE.read_text(encoding="utf-8")
    records: list[dict[str, object]] = [
        {"id": "sample-1", "text": text[:1200], "published": "2023-09-12"},
        {"id": "sample-2", "text": text[1200:2600], "published": "2023-09-13"},
    ]
    for record_id, body, day in _OWN:
        records.append({"id": record_id, "text": body} | ({"published": day} if day else {}))
    records.append({"id": "broken", "text": "Storms in Oslo.", "published": "yesterday"})
    return records


@pytest.fixture(scope="module")
def feed(gazetteer: geo.Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch's input and output of the feed, as ``newsmap batch --events`` writes them."""
    folder = tmp_path_factory.mktemp("feed")
    lines = [json.dumps(r) for r in _records()]
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = [
        process_record(parse_record(line, n), gazetteer, events=True)
        for n, line in enumerate(lines, 1)
    ]
    (folder / "out.jsonl").write_text("".join(result_line(r) for r in results), "utf-8")
    return folder


@pytest.fixture(scope="module")
def atlas_file(feed: Path) -> Path:
    out = feed / "atlas.html"
    args = ["atlas", str(feed / "out.jsonl"), "-o", str(out), "--articles", str(feed / "in.jsonl")]
    assert main(args) == 0
    return out


def _place(feed_value: object, name: str) -> object:
    return next(p for p in feed_value.places if p.name == name)  # type: ignore[attr-defined]


def test_the_feed_is_gathered_by_place(feed: Path) -> None:
    lines = (feed / "out.jsonl").read_bytes().split(b"\n")
    # newsmap batch carries "published" into its results; --articles gives it to older ones
    assert read_feed(lines).dates == read_feed(lines, None).dates
    in_lines = (feed / "in.jsonl").read_bytes().split(b"\n")
    from geo.atlas import published_by_id

    gathered = read_feed(lines, published_by_id(in_lines))
    assert gathered.dates == read_feed(lines).dates
    assert [a.id for a in gathered.articles] == [r["id"] for r in _records()][:-1]
    assert gathered.skipped == 1 and gathered.unreadable == 0
    assert gathered.dates[0] == date(2023, 9, 12) and gathered.dates[-1] == date(2024, 5, 10)
    nairobi = _place(gathered, "Nairobi")
    assert nairobi.article_count == 2  # type: ignore[attr-defined]
    assert {gathered.articles[a.article].id for a in nairobi.articles} == {  # type: ignore[attr-defined]
        "kenya-floods", "kenya-protest"}  # fmt: skip
    assert "protest" in nairobi.event_types  # type: ignore[attr-defined]
    pyongyang = _place(gathered, "Pyongyang")
    assert pyongyang.mention_count >= 2  # type: ignore[attr-defined]
    assert gathered.places[0].article_count >= 2  # the most articles first


def test_a_published_field_and_a_quote_in_the_record_are_read() -> None:
    line = json.dumps({"id": 7, "published": "2024-01-02", "places": [
        {"start": 0, "end": 4, "text": "Lima", "name": "Lima", "lat": -12.04, "lon": -77.03,
         "country_code": "PE", "sentence": "Lima was calm."},
        {"text": "Nowhere", "lat": None, "lon": 3.0},  # not located: not drawn
        {"text": "Far", "lat": 91.0, "lon": 3.0}]})  # fmt: skip
    gathered = read_feed([line, "not json", "[1, 2]", ""])
    assert gathered.articles[0].id == "7" and gathered.dates == (date(2024, 1, 2),)
    assert [p.name for p in gathered.places] == ["Lima"]
    assert gathered.places[0].articles[0].quotes == ("Lima was calm.",)
    assert gathered.unreadable == 2


def test_an_empty_feed_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["atlas", str(empty), "-o", str(tmp_path / "a.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds no usable record" in err
    errors = tmp_path / "errors.jsonl"
    errors.write_text('{"id": 1, "places": [], "error": "x"}\nnot json\n', encoding="utf-8")
    assert main(["atlas", str(errors), "-o", str(tmp_path / "a.html")]) == 2
    err = capsys.readouterr().err
    assert "1 record with an error skipped; 1 unreadable line skipped" in err
    assert not (tmp_path / "a.html").exists()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


_SHOWN = "newsmapAtlas.cluster.getLayers().length"
_SHOWN_NAMES = "newsmapAtlas.cluster.getLayers().map(m => m.options.title)"


@needs_chromium
def test_the_atlas_draws_filters_and_lists_offline(browser: object, atlas_file: Path) -> None:
    page = Page(browser, atlas_file, wait_for="window.newsmapAtlas !== undefined")
    p = page.page
    p.wait_for_timeout(500)
    assert page.outside == [] and page.failed == [] and page.errors == []
    assert p.locator(".leaflet-overlay-pane path").count() > 50  # land and sea, no tiles
    total = p.evaluate("newsmapAtlas.markers.length")
    assert total >= 8 and p.evaluate(_SHOWN) == total
    drawn = p.locator(".newsmap-atlas-dot").count() + p.locator(".marker-cluster").count()
    assert drawn > 0
    control = p.locator(".newsmap-atlas-control").inner_text()
    assert "6 articles" in control and "1 record with an error skipped" in control
    assert "published 2023-09-12 to 2024-05-10 (and 1 undated)" in control
    # the end of the range: back to the first day, only its article's places (and the undated)
    p.locator(".newsmap-atlas-to").fill("0")
    early = p.evaluate(_SHOWN)
    assert 0 < early < total
    assert "published 2023-09-12 to 2023-09-12" in p.locator(".newsmap-atlas-control").inner_text()
    assert p.evaluate(f"{_SHOWN_NAMES}.includes('Lisbon')")
    assert not p.evaluate(f"{_SHOWN_NAMES}.includes('Lima')")
    # the start: moved past the end, it pushes the end along; the last day alone
    p.locator(".newsmap-atlas-from").fill("4")
    assert p.evaluate("document.querySelector('.newsmap-atlas-to').value") == "4"
    assert sorted(p.evaluate(_SHOWN_NAMES)) == ["Lisbon", "Nairobi"]
    p.locator(".newsmap-atlas-from").fill("0")
    assert p.evaluate(_SHOWN) == total
    # the lists are folded; opened, "none" then Kenya keeps Kenya's markers only
    countries = p.locator(".newsmap-atlas-countries")
    assert not countries.locator("input[value='KE']").is_visible()
    countries.locator("summary").click()
    countries.get_by_role("button", name="none").click()
    assert p.evaluate(_SHOWN) == 0
    countries.locator("input[value='KE']").check()
    assert 0 < p.evaluate(_SHOWN) <= 2
    assert "Countries (1 of " in countries.locator("summary").inner_text()
    countries.get_by_role("button", name="all").click()
    assert p.evaluate(_SHOWN) == total
    types = p.locator(".newsmap-atlas-types")
    types.locator("summary").click()
    types.locator("input[value='']").uncheck()  # places named, no event
    assert 0 < p.evaluate(_SHOWN) < total
    types.locator("input[value='']").check()
    # the popup of Nairobi, opened as a reader would (zoomed in out of its cluster)
    p.evaluate("""() => new Promise((done) => {
        const m = newsmapAtlas.markers.find((m) => m.options.title === "Nairobi");
        newsmapAtlas.cluster.zoomToShowLayer(m, () => { m.openPopup(); done(); });
    })""")
    popup = p.locator(".leaflet-popup-content").inner_text()
    assert "Nairobi" in popup and "kenya-floods" in popup and "kenya-protest" in popup
    assert "2 article(s)" in popup and "as Nairobi" in popup and "protest" in popup
    assert page.errors == [] and page.outside == []
    p.close()


_TYPES = ["arrive", "attack", "meet", "protest", "flood", "earthquake", "sign", "visit",
          "arrest", "strike", "vote", "evacuate", "fire", "leave", "rescue", "talks", "trade",
          "sanction", "launch", "storm"]  # fmt: skip


@pytest.fixture(scope="module")
def many_file(gazetteer: geo.Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 articles over 90 days naming 150 countries, with 20 event types (the results as the
    batch writes them; the places are the gazetteer's)."""
    from geo.models import PlaceKind

    countries = sorted((p for p, _ in gazetteer.shapes(PlaceKind.COUNTRY)), key=lambda p: p.id)
    entries = [{"start": 0, "end": len(p.name), "text": p.name, "name": p.name,
                "lat": p.coordinate.lat, "lon": p.coordinate.lon,
                "country_code": p.country_code, "geonameid": p.geonameid, "kind": p.kind.value}
               for p in countries[:150]]  # fmt: skip
    folder = tmp_path_factory.mktemp("many")
    with (folder / "out.jsonl").open("w", encoding="utf-8") as out:
        for n in range(600):
            named = [entries[(n * 7 + k) % len(entries)] for k in range(3)]
            event = {"type": _TYPES[n % len(_TYPES)], "trigger": {"text": "went"},
                     "time": None, "places": [named[0] | {"role": "location"}]}  # fmt: skip
            day = date.fromordinal(date(2024, 1, 1).toordinal() + n % 90).isoformat()
            record = {"id": f"m{n}", "published": day, "places": named, "events": [event]}
            out.write(json.dumps(record) + "\n")
    assert main(["atlas", str(folder / "out.jsonl"), "-o", str(folder / "atlas.html")]) == 0
    return folder / "atlas.html"


_BOTTOM = "document.querySelector('.newsmap-atlas-control').getBoundingClientRect().bottom"


@needs_chromium
def test_a_feed_of_many_keeps_its_control_in_the_window(browser: object, many_file: Path) -> None:
    page = Page(browser, many_file, wait_for="window.newsmapAtlas !== undefined")
    p = page.page
    height = p.viewport_size["height"]  # type: ignore[attr-defined]
    control = p.locator(".newsmap-atlas-control")
    assert p.evaluate(_BOTTOM) <= height
    assert "Events (21 of 21)" in control.inner_text()  # and "named, no event"
    assert "Countries (150 of 150)" in control.inner_text()
    for fold in (".newsmap-atlas-types", ".newsmap-atlas-countries"):
        p.locator(f"{fold} summary").click()
        assert p.evaluate(_BOTTOM) <= height  # open, the lists scroll within the window
        assert p.evaluate(f"(l => l.scrollHeight > l.clientHeight)"
                          f"(document.querySelector('{fold} .newsmap-atlas-list'))")  # fmt: skip
    last = p.locator(".newsmap-atlas-countries input").last
    last.scroll_into_view_if_needed()
    last.uncheck()
    assert "Countries (149 of 150)" in control.inner_text()
    last.check()
    # a range of days: 10 days from the 31st, so 10 of the 90 days' articles
    p.locator(".newsmap-atlas-from").fill("30")
    p.locator(".newsmap-atlas-to").fill("39")
    assert "published 2024-01-31 to 2024-02-09" in control.inner_text()
    in_range = sum(1 for n in range(600) if 30 <= n % 90 <= 39)
    status = p.locator(".newsmap-atlas-status").inner_text()
    assert status.endswith(f" {in_range} articles"), status
    assert page.errors == [] and page.outside == []
    p.close()
