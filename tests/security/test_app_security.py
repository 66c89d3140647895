"""The security corpus in the running app (``streamlit run app.py`` on loopback, a real
headless Chromium): the hostile article pasted in runs nothing in the page or its map, every
payload reads literally in the map's popups and tooltips and in the places list, and the
app's messages show untrusted text as text (a Markdown image in an "Add a place" name loads
nothing)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from chromium import OPEN_EVERYTHING, AppPage, launch, needs_chromium, streamlit_app

from security.corpus import flat

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(gazetteer: object, trap: object) -> Iterator[str]:
    with streamlit_app() as url:  # after the trap: its server knows NEWSMAP_TRAP
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launch()


@pytest.fixture
def tab(browser: object, server: str) -> Iterator[AppPage]:
    tab = AppPage(browser, server)
    tab.map_frame()  # the sample is drawn: the app is ready
    yield tab
    assert tab.dialogs == [] and tab.outside == []
    assert tab.page.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    tab.close()


def paste(tab: AppPage, text: str) -> None:
    tab.page.get_by_text("Paste text").click()  # type: ignore[attr-defined]
    area = tab.page.get_by_label("Article text")  # type: ignore[attr-defined]
    area.fill(text)
    area.press("Control+Enter")


def test_the_hostile_article_runs_nothing_in_the_app(
    tab: AppPage, hostile_text: str, filled: dict[str, str]
) -> None:
    paste(tab, hostile_text)
    frame = tab.map_frame()
    # the map of the pasted article, not the sample's: the label of Ulaanbaatar (the
    # gazetteer's Ulan Bator; the story's script is run, not left in the page as text)
    frame.locator("body").evaluate("() => 1")  # type: ignore[attr-defined]
    tab.page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('iframe')].some((f) => {
            try { return [...f.contentDocument.querySelectorAll('.newsmap-place-label')]
                .some((e) => e.textContent === 'Ulan Bator'); }
            catch (e) { return false; } })""",
        timeout=60_000,
    )
    shown = frame.locator("body").evaluate(OPEN_EVERYTHING)  # type: ignore[attr-defined]
    assert frame.locator("body").evaluate("() => window.__pwned") is None  # type: ignore[attr-defined]
    popups = flat(" ".join(shown))
    assert [n for n, text in filled.items() if flat(text) not in popups] == []
    # the places tab's list, every row opened: the same sentences, read as text
    listed = tab.page.evaluate(  # type: ignore[attr-defined]
        """() => { const rows = [...document.querySelectorAll('details.newsmap-place')];
            rows.forEach((d) => { d.open = true; });
            return rows.map((d) => d.textContent).join(' '); }"""
    )
    assert [n for n, text in filled.items() if flat(text) not in flat(listed)] == []
    assert tab.page.get_by_text("Traceback").count() == 0  # type: ignore[attr-defined]


def test_messages_show_untrusted_text_as_text(tab: AppPage, filled: dict[str, str]) -> None:
    name = filled["md-image"]  # a Markdown image pointing at the beacon
    tab.page.get_by_role("tab", name="Correct").click()  # type: ignore[attr-defined]
    box = tab.page.get_by_label("Add a place the article names")  # type: ignore[attr-defined]
    box.fill(name)
    box.press("Enter")
    tab.page.get_by_role("button", name="Add", exact=True).click()  # type: ignore[attr-defined]
    alert = tab.page.get_by_role("alert").filter(has_text="gazetteer")  # type: ignore[attr-defined]
    alert.wait_for(timeout=30_000)
    assert name in alert.inner_text()  # shown literally, not as an image
    assert alert.locator("img").count() == 0 and alert.locator("a").count() == 0


def test_a_hostile_corrections_file_is_a_message(
    tab: AppPage, filled: dict[str, str], tmp_path: object
) -> None:
    fields = filled["md-html"] + " " + filled["html-script"] + " " + filled["jinja-arithmetic"]
    bad = json.dumps({"format": fields, "article_sha256": fields, "corrections": []})
    tab.page.get_by_role("tab", name="Correct").click()  # type: ignore[attr-defined]
    upload = tab.page.locator("input[type=file]").last  # type: ignore[attr-defined]
    upload.set_input_files(
        files=[{"name": "c.json", "mimeType": "application/json", "buffer": bad.encode()}]
    )
    tab.page.get_by_role("button", name="Apply the loaded corrections").click()  # type: ignore[attr-defined]
    alert = tab.page.get_by_role("alert").filter(has_text="corrections")  # type: ignore[attr-defined]
    alert.wait_for(timeout=30_000)
    assert alert.locator("img").count() == 0 and alert.locator("script").count() == 0
