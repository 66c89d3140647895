"""What the app leaves out of a new reader's first page, so that the map comes first: the
events' chart is drawn when its tab is opened (AppTest, no browser)."""

from __future__ import annotations

from conftest import ROOT
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")


def kinds(app: AppTest, tab: int) -> list[str]:
    return [type(c).__name__ for c in app.tabs[tab].children.values()]


def test_the_events_chart_waits_for_its_tab() -> None:
    app = AppTest.from_file(APP, default_timeout=180).run()
    assert not app.exception
    assert app.tabs[1].label == "Events"
    first = kinds(app, 1)
    assert "Dataframe" in first  # the events' table is there from the start
    app.session_state["tab"] = "Events"  # what a click on the tab sets
    app.run()
    assert not app.exception
    opened = kinds(app, 1)
    assert len(opened) == len(first) + 1  # and the chart, now
    assert set(opened) - set(first) == {"UnknownElement"}  # AppTest's name for a Vega chart
