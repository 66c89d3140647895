"""The app's stored maps (geo.app.mapframe): a server started again draws a map it drew
before without loading folium, and a stored map is used only whole, with its files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from geo.app.mapframe import FrameParts, FrameStore

# one server's first page, in a process of its own: which of the map's modules it loaded
_FIRST_PAGE = f"""
import sys
from streamlit.testing.v1 import AppTest
app = AppTest.from_file({str(ROOT / "app.py")!r}, default_timeout=180).run()
assert not app.exception, app.exception
frames = [e for e in app.get("component_instance") if "newsmap_map" in e.proto.json_args]
print(len(frames), "folium" in sys.modules)
"""


# then the reader turns to another article: folium loads in the background meanwhile
_ANOTHER = """
import time
app.sidebar.radio(key="source").set_value("Paste text").run()
waited = 0.0
while "geo.app.mapview" not in sys.modules and waited < 60:
    time.sleep(0.1)
    waited += 0.1
print("geo.app.mapview" in sys.modules, "folium" in sys.modules)
"""


def _run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=os.environ.copy())  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_server_started_again_draws_the_stored_map_without_folium() -> None:
    _run(_FIRST_PAGE)  # draws the sample's map, and stores it (if no earlier run did)
    assert _run(_FIRST_PAGE) == ["1 False"]


def test_folium_loads_while_the_reader_turns_to_another_article() -> None:
    _run(_FIRST_PAGE)
    assert _run(_FIRST_PAGE + _ANOTHER) == ["1 False", "True True"]


def _frames(text: str) -> tuple[FrameParts, FrameParts]:
    return FrameParts("<head>", "<div>", "var a;"), FrameParts("", "", text)


def test_a_stored_map_comes_back_while_its_files_are_there(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "leaflet.js").write_text("", encoding="utf-8")
    store = FrameStore(tmp_path / "maps")
    store.put("a", _frames("return [];"), ["leaflet.js"])
    assert store.get("a", static) == _frames("return [];")
    assert store.get("b", static) is None
    (static / "leaflet.js").unlink()
    assert store.get("a", static) is None  # drawn again, and its files written again


def test_a_broken_stored_map_is_drawn_again(tmp_path: Path) -> None:
    store = FrameStore(tmp_path / "maps")
    store.put("a", _frames("return [];"), [])
    stored = tmp_path / "maps" / "a.json"
    stored.write_text(stored.read_text(encoding="utf-8")[:40], encoding="utf-8")
    assert store.get("a", tmp_path) is None
    stored.write_text('{"base": {"head": 1}}', encoding="utf-8")
    assert store.get("a", tmp_path) is None


def test_the_store_keeps_the_newest_maps(tmp_path: Path) -> None:
    store = FrameStore(tmp_path / "maps", limit=2)
    for n, key in enumerate("abc"):
        store.put(key, _frames(f"return [{n}];"), [])
        os.utime(tmp_path / "maps" / f"{key}.json", ns=(n * 10**9, n * 10**9))
    store.put("d", _frames("return [];"), [])
    assert sorted(p.stem for p in (tmp_path / "maps").glob("*.json")) == ["c", "d"]
