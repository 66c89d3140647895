"""What the app leaves out of a new reader's first page, so that the map comes first: a tab's
tables and the events' chart are drawn when the tab is opened (AppTest, no browser), the map
loads Leaflet alone (no jQuery, which nothing of it calls), and the server watches no source
file."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT
from streamlit.testing.v1 import AppTest

import geo
from geo.render import build_map

APP = str(ROOT / "app.py")


def kinds(app: AppTest, tab: int) -> list[str]:
    return [type(c).__name__ for c in app.tabs[tab].children.values()]


def test_the_events_chart_waits_for_its_tab() -> None:
    app = AppTest.from_file(APP, default_timeout=180).run()
    assert not app.exception
    assert app.tabs[1].label == "Events"
    assert kinds(app, 1) == []  # a closed tab is not drawn
    assert "Html" in kinds(app, 0)  # the open one, the places' list, is
    app.session_state["tab"] = "Events"  # what a click on the tab sets
    app.run()
    assert not app.exception
    opened = kinds(app, 1)
    assert "Dataframe" in opened
    assert "UnknownElement" in opened  # AppTest's name for a Vega chart: the timeline
    assert kinds(app, 0) == []


def test_the_app_map_loads_leaflet_alone(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    fmap = build_map(sample, gazetteer, asset_base="/app/static/", compact=True)
    assert [src for _, src in fmap.default_js] == ["/app/static/leaflet.js"]
    page = fmap.get_root().render()
    assert not re.search(r"jQuery|\$\(", page)  # nothing calls it
    inline = build_map(sample, gazetteer).get_root().render()
    assert "jQuery" in inline  # an exported page keeps it, as before


def test_the_server_does_not_watch_the_source_files() -> None:
    """Streamlit's watcher walks every imported module after each run (~0.8 s before the
    first map, in benchmarks/bench_app.py)."""
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["server"]["fileWatcherType"] == "none"
