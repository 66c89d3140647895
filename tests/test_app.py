"""The Streamlit app, driven by streamlit.testing's AppTest (no browser, no network)."""

from __future__ import annotations

import csv
import gc
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import geojson
import pytest
from conftest import ROOT
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")


# AppTest leaves its media manager and store to the garbage collector once a run ends; the
# downloads below still need them, so each run's are held here (a figure's drawing can
# trigger a collection between two downloads)
_KEPT: list[object] = []


def start() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=180).run()
    assert not app.exception
    _keep()
    return app


def _keep() -> None:
    seen = {id(o) for o in _KEPT}
    kinds = (MediaFileManager, MemoryMediaFileStorage)
    _KEPT.extend(o for o in gc.get_objects() if isinstance(o, kinds) and id(o) not in seen)


def table(app: AppTest, column: str) -> Any:
    """The first table with that column (places: "first sentence"; events: "when")."""
    return next(d.value for d in app.dataframe if column in d.value.columns)


def open_tab(app: AppTest, name: str) -> AppTest:
    """A click on a tab: only the open tab's tables and widgets are drawn."""
    app.session_state["tab"] = name
    app.run()
    assert not app.exception
    return app


def choice(app: AppTest, key: str) -> Any:
    """The select box made with ``geo.app.panels.choose(..., key)``: its key goes on with a
    digest of its options."""
    (box,) = [b for b in app.selectbox if str(b.key).startswith(f"{key}:")]
    return box


def place_grid(app: AppTest) -> Any:
    """The places as a data grid (the tab shows a list until asked for the grid)."""
    toggle = app.toggle(key="places_grid")
    if not toggle.value:
        toggle.set_value(True).run()
    return table(app, "first sentence")


def place_list(app: AppTest) -> list[tuple[str, str, list[str]]]:
    """The places tab's list: (name, what is said of it, every sentence naming it)."""
    (shown,) = app.get("html")
    out = ET.fromstring(shown.proto.body)  # our markup is well-formed
    return [(d.findtext("summary/b", ""), d.findtext("summary/span", ""),
             [li.text or "" for li in d.iter("li")]) for d in out.iter("details")]  # fmt: skip


def places(app: AppTest) -> set[str]:
    return set(place_grid(app)["place"])


def download(app: AppTest, label: str) -> bytes:
    """The bytes behind a download button, from AppTest's in-memory media store; a deferred
    download is made first, as a click in the browser would."""
    (button,) = [b for b in app.get("download_button") if b.proto.label == label]
    _keep()
    url = button.proto.url
    if button.proto.deferred_file_id:
        managers = [o for o in reversed(_KEPT) if isinstance(o, MediaFileManager)]
        for manager in managers:  # earlier tests' apps leave theirs behind
            try:
                url = manager.execute_deferred(button.proto.deferred_file_id)
                break
            except MediaFileStorageError:
                continue
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    stores = [o for o in reversed(_KEPT) if isinstance(o, MemoryMediaFileStorage)]
    for store in stores:
        try:
            return bytes(store.get_file(file_id).content)
        except Exception:
            continue
    raise AssertionError(f"no media file for {label}")


def test_app_opens_on_the_sample_article() -> None:
    app = start()
    assert app.title[0].value == "newsmap"
    assert {"Pyongyang", "Vladivostok", "North Korea"} <= places(app)
    assert any("GeoNames" in c.value for c in app.caption)
    events = table(open_tab(app, "Events"), "when")
    assert "2023-09-11" in set(events["date"])  # Putin arrives in Vladivostok


def test_pasted_text_gives_its_places() -> None:
    app = start()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").set_value(
        "Floods cut the road between Brisbane and Cairns, Queensland."
    ).run()
    assert not app.exception
    assert {"Brisbane", "Cairns", "Queensland"} <= places(app)


def test_a_correction_changes_the_result_and_survives_reruns() -> None:
    app = open_tab(start(), "Correct")
    mentions = choice(app, "fix_mention")
    donetsk = next(i for i, label in enumerate(mentions.options) if label.startswith("Donetsk @"))
    mentions.set_value(donetsk).run()
    means = choice(app, "fix_place")
    russia = next(i for i, label in enumerate(means.options) if "— Russia ·" in label)
    means.set_value(russia).run()
    app.button(key="fix_choose").click().run()
    assert not app.exception
    rows = place_grid(open_tab(app, "Places"))
    assert "RU" in set(rows[rows["place"] == "Donetsk"]["country"])
    app.run()  # another rerun keeps it
    rows = place_grid(app)
    assert "RU" in set(rows[rows["place"] == "Donetsk"]["country"])
    saved = json.loads(download(open_tab(app, "Correct"), "Save corrections"))
    assert saved["corrections"][0]["kind"] == "choose"


def test_drop_and_add_a_place() -> None:
    app = open_tab(start(), "Correct")
    mentions = choice(app, "fix_mention")
    beijing = next(i for i, label in enumerate(mentions.options) if label.startswith("Beijing @"))
    mentions.set_value(beijing).run()
    app.button(key="fix_drop").click().run()
    assert "Beijing" not in places(open_tab(app, "Places"))
    open_tab(app, "Correct").text_input(key="fix_name").set_value("Khasan").run()
    assert " · " in choice(app, "fix_add_place").options[0]  # the places so named, shown
    app.button(key="fix_add").click().run()
    assert any("does not appear" in e.value for e in app.error)  # not in the sample
    app.button(key="fix_undo").click().run()
    assert "Beijing" in places(open_tab(app, "Places"))


def test_every_download_button_yields_a_valid_file() -> None:
    app = start()
    buttons = app.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels == ["Briefing (HTML)", "GeoJSON", "KML", "CSV", "CSV events", "Figure (PNG)",
                      "Figure (SVG)", "Figure (PDF)"]  # fmt: skip
    assert all(b.proto.deferred_file_id for b in buttons)  # made only when asked
    page = download(app, "Briefing (HTML)").decode()
    assert page.startswith("<!DOCTYPE html>") and "newsmap-briefing" in page
    doc = geojson.loads(download(app, "GeoJSON").decode())
    assert doc.is_valid and doc["type"] == "FeatureCollection"
    root = ET.fromstring(download(app, "KML"))
    assert root.tag.endswith("kml")
    rows = list(csv.reader(io.StringIO(download(app, "CSV").decode())))
    assert rows[0][0] == "mention" and len(rows) > 100
    events = list(csv.DictReader(io.StringIO(download(app, "CSV events").decode())))
    assert any(r["date"] == "2023-09-11" for r in events)


def test_figure_downloads() -> None:
    app = start()
    assert not app.exception
    assert download(app, "Figure (PNG)").startswith(b"\x89PNG")
    assert download(app, "Figure (SVG)").lstrip().startswith(b"<?xml")
    assert download(app, "Figure (PDF)").startswith(b"%PDF")


@pytest.mark.parametrize(
    ("text", "message"),
    [("Moscow " * 200_000, "limit")],
)
def test_bad_input_gives_a_message_not_a_traceback(text: str, message: str) -> None:
    app = start()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").set_value(text).run()
    assert not app.exception
    assert any(message in e.value for e in app.error)


def test_fetching_a_url_is_off_until_allowed() -> None:
    app = start()
    app.radio(key="source").set_value("Fetch a URL").run()
    assert app.text_input(key="url").disabled
    app.checkbox(key="online_fetch").check().run()
    app.text_input(key="url").set_value("ftp://example.invalid/x").run()
    app.button(key="fetch").click().run()
    assert not app.exception
    assert any("http" in e.value for e in app.error)


def test_filters_hide_organisations_and_low_confidence() -> None:
    app = start()
    everything = place_grid(app)
    assert everything["reference"].str.contains("organisation").any()
    app.checkbox(key="hide_orgs").check().run()
    assert not place_grid(app)["reference"].str.contains("organisation").any()
    app.slider(key="floor").set_value(0.95).run()
    assert (place_grid(app)["confidence"] >= 0.95).all()
    assert len(place_grid(app)) < len(everything)


def show_embed_code(app: AppTest) -> AppTest:
    app.toggle(key="embed").set_value(True).run()
    assert not app.exception
    return app


def test_the_embed_snippet_frames_the_briefing_under_its_headline() -> None:
    app = start()
    assert not app.code  # shown on demand
    (code,) = show_embed_code(app).code
    assert code.language == "html"
    assert code.value.startswith('<iframe src="newsmap-briefing.html"')
    assert 'title="Kim Jong Un: Pyongyang to Vladivostok"' in code.value  # made from the story
    assert any("next to the page that embeds it" in c.value for c in app.caption)
    app.text_input(key="headline_title").set_value("Kim's train & the war").run()
    assert not app.exception
    assert 'title="Kim&#39;s train &amp; the war"' in app.code[0].value


def test_the_headline_reaches_the_briefing_and_the_figure() -> None:
    app = start()
    app.text_input(key="headline_title").set_value("Kim's armoured train").run()
    app.text_input(key="headline_subtitle").set_value("Six days across the border").run()
    app.text_input(key="headline_source").set_value("KCNA; Reuters").run()
    assert not app.exception
    page = download(app, "Briefing (HTML)").decode()
    assert "<h1>Kim&#39;s armoured train</h1>" in page
    assert "Six days across the border" in page and "Source: KCNA; Reuters" in page
    svg = download(app, "Figure (SVG)").decode()
    for words in ("armoured", "Six", "KCNA;"):
        assert words in svg


@pytest.mark.parametrize(
    "headline",
    ["<script>window.__pwned = 1</script>", "![x](http://example.invalid/p.png) **bold**"],
)
def test_a_hostile_headline_stays_literal_text(headline: str) -> None:
    app = show_embed_code(start())
    app.text_input(key="headline_title").set_value(headline).run()
    assert not app.exception
    snippet = app.code[0].value
    assert "<script>" not in snippet and snippet.count("<iframe") == 1
    assert snippet.endswith(' loading="lazy"></iframe>')  # the headline closed no attribute
    literal = headline.replace("<", "&lt;").replace(">", "&gt;")
    assert f'title="{literal}"' in snippet
    # no Markdown element of the page carries the headline (st.code renders no Markdown)
    shown = [e.value for kind in ("markdown", "caption", "title", "header", "subheader",
                                  "error", "info") for e in app.get(kind)]  # fmt: skip
    assert not [v for v in shown if "example.invalid" in v or "__pwned" in v]
    page = download(app, "Briefing (HTML)").decode()
    assert "<script>window.__pwned" not in page


def test_a_pasted_article_has_no_date_until_one_is_given() -> None:
    app = start()
    assert app.date_input[0].value.isoformat() == "2023-09-12"  # the sample's real date
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").set_value("Kim Jong Un arrived in Vladivostok on Tuesday.").run()
    assert not app.exception
    assert app.date_input[0].value is None
    assert any("date unknown" in c.value.lower() for c in app.caption)
    events = table(open_tab(app, "Events"), "when")
    assert list(events["when"]) == ["Tuesday (date unknown)"]
    assert events["date"].isna().all()
    app.date_input[0].set_value(date(2023, 9, 14)).run()
    events = table(app, "when")
    assert list(events["date"]) == ["2023-09-12"]


def test_the_places_table_has_one_row_per_place_most_important_first() -> None:
    app = start()
    listed = place_list(app)
    names = [name for name, _, _ in listed]
    assert len(names) == len(set(names)) > 10  # one row per place
    assert {"Vladivostok", "Pyongyang"} & set(names[:5])
    (vladivostok,) = [(said, every) for name, said, every in listed if name == "Vladivostok"]
    said, every = vladivostok
    assert said.startswith("city or town · RU · ") and said.endswith(" mentions")
    assert len(every) > 1 and "Vladivostok" in every[0]  # later: "the city"
    rows = place_grid(app)  # the same places, in the same order, with every column
    assert list(rows["place"]) == names
    assert rows["mentions"].sum() > len(rows)
    grid = rows[rows["place"] == "Vladivostok"].iloc[0]
    assert f"{grid['mentions']} mentions" in said and grid["first sentence"] == every[0]


def test_the_claims_table_leads_with_the_verdict() -> None:
    app = open_tab(start(), "Claims")
    claims = table(app, "verdict")
    assert list(claims.columns[:2]) == ["verdict", "figure"]


def test_candidates_say_where_they_are() -> None:
    app = start()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").set_value(
        "The storm reached Charleston after hitting Huntington and Richmond."
    ).run()
    mentions = choice(open_tab(app, "Correct"), "fix_mention")
    mentions.set_value(next(i for i, o in enumerate(mentions.options) if "Charleston" in o)).run()
    options = choice(app, "fix_place").options
    assert len(options) == len(set(options)) >= 4
    assert any("West Virginia, United States" in o and "km from" in o for o in options)
    assert any("South Carolina, United States" in o for o in options)


def test_first_run_opens_a_browser_where_there_is_one_and_warns_of_nothing(tmp_path) -> None:
    """Streamlit's own default decides whether a browser opens (yes with a display, no on a
    Linux machine without one); the static folder exists before the app fills it."""
    import os
    import subprocess
    import sys
    import time
    import tomllib

    from chromium import free_port
    from streamlit import config

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert "headless" not in settings["server"]
    assert settings["server"]["enableStaticServing"] is True
    assert (ROOT / "static" / ".gitkeep").is_file()
    option = config._config_options_template["server.headless"]
    # Streamlit's own rule: a browser opens unless on Linux with no display
    assert option.value is (not (os.environ.keys() & {"DISPLAY", "WAYLAND_DISPLAY"}))
    # a real start, as the README's command (headless here: no display in a test run)
    port = free_port()
    log = tmp_path / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
             str(port), "--server.headless", "true"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while "URL:" not in log.read_text(errors="replace") and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            process.terminate()
            process.wait(timeout=20)
    printed = log.read_text(encoding="utf-8", errors="replace")
    assert "URL:" in printed and "WARNING" not in printed.upper(), printed
