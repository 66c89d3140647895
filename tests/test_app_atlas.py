"""The app's atlas page (``pages/atlas.py``), driven by AppTest: an uploaded batch output is
drawn, with the dates of the batch's input; an empty one is a message, not a traceback."""

from __future__ import annotations

import json

from chromium import AppPage, launch, needs_chromium, streamlit_app
from conftest import ROOT
from streamlit.testing.v1 import AppTest

import geo
from geo.batch import parse_record, process_record, result_line

PAGE = str(ROOT / "pages" / "atlas.py")


def _feed(gazetteer: geo.Gazetteer) -> tuple[bytes, bytes]:
    records = [
        {"id": "kenya", "text": "Floods hit Nairobi on Monday.", "published": "2024-04-29"},
        {"id": "peru", "text": "An earthquake struck Lima on Tuesday.", "published": "2024-05-06"},
        {"id": "broken", "text": 5},
    ]
    lines = [json.dumps(r) for r in records]
    results = "".join(
        result_line(process_record(parse_record(line, n), gazetteer, events=True))
        if n < 3 else result_line({"id": "broken", "places": [], "events": [], "error": "x"})
        for n, line in enumerate(lines, 1)
    )  # fmt: skip
    return results.encode("utf-8"), "\n".join(lines).encode("utf-8")


def test_the_atlas_page_draws_an_uploaded_feed(gazetteer: geo.Gazetteer) -> None:
    app = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not app.exception
    assert "Upload the results" in app.info[0].value
    results, articles = _feed(gazetteer)
    app.file_uploader(key="results").set_value(("out.jsonl", results, "application/json"))
    app.file_uploader(key="articles").set_value(("in.jsonl", articles, "application/json"))
    app.run()
    assert not app.exception
    assert app.success[0].value == "2 articles, 2 places; 1 record with an error skipped"
    assert [b.proto.label for b in app.get("download_button")] == ["Download the atlas (HTML)"]


def test_an_empty_feed_is_a_message(gazetteer: geo.Gazetteer) -> None:
    app = AppTest.from_file(PAGE, default_timeout=180).run()
    app.file_uploader(key="results").set_value(("out.jsonl", b"\n", "application/json"))
    app.run()
    assert not app.exception
    assert app.error[0].value == "The file holds no usable record."


def _upload(name: str, data: bytes) -> dict[str, object]:
    return {"name": name, "mimeType": "application/json", "buffer": data}


@needs_chromium
def test_the_atlas_page_draws_in_the_browser_on_loopback_only(
    gazetteer: geo.Gazetteer,
) -> None:
    results, articles = _feed(gazetteer)
    for browser in launch():
        with streamlit_app() as url:
            tab = AppPage(browser, f"{url}/atlas")
            page = tab.page
            uploads = page.locator("input[type=file]")  # type: ignore[attr-defined]
            uploads.first.wait_for(state="attached", timeout=60_000)
            uploads.nth(0).set_input_files(files=[_upload("out.jsonl", results)])
            uploads.nth(1).set_input_files(files=[_upload("in.jsonl", articles)])
            frame = page.frame_locator("iframe[title='st.iframe'], iframe")  # type: ignore[attr-defined]
            frame.locator(".newsmap-atlas-control").wait_for(timeout=60_000)
            control = frame.locator(".newsmap-atlas-control").inner_text()
            assert "2 articles" in control and "1 record with an error skipped" in control
            assert "published 2024-04-29 to 2024-05-06" in control
            assert frame.locator(".newsmap-atlas-dot, .marker-cluster").count() >= 1
            assert tab.outside == [] and tab.errors == [] and tab.dialogs == []
            tab.close()
