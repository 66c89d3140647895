"""The app's map in the page: a Streamlit component of newsmap's own (``frontend/``: a page
and a script, no build step), a frame that keeps the base map (Leaflet, the outlines, the
map's rules) and swaps the story's layer groups on it, and sends a click on the map back.

It is sent the head, body and script that folium renders for the base map and for the story
(:mod:`geo.app.mapview`), and those are kept on disk too, under a digest of everything that
made them: a server started again finds the maps it drew before (its first page's, the
sample's, above all) and draws them without loading folium (some 0.5 s, pandas with it)."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
import threading
from collections.abc import Callable, MutableSequence, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from geo.app.cache import analyse, gazetteer
from geo.app.panels import choose, mention_label, named_mentions
from geo.atomic import temporary_beside
from geo.corrections import Correction, CorrectionKind
from geo.gazetteer import cache_dir
from geo.geocoders import Backend, GeocoderSettings
from geo.models import Analysis, Coordinate

__all__ = [
    "MAP_HEIGHT_PX",
    "MAP_NAME",
    "FrameParts",
    "FrameStore",
    "Frames",
    "code_fingerprint",
    "load_renderer_soon",
    "map_panel",
    "story_frames",
]

MAP_HEIGHT_PX = 520  # with the page's header, a 768-pixel-high screen shows the map whole
MAP_NAME = "newsmap_map"  # the map's name in its frame (folium's own changes with every map)
_FRAME = components.declare_component("map", path=str(Path(__file__).with_name("frontend")))
_RENDERERS = ("folium", "branca", "xstatic-leaflet")  # what else shapes the rendered text
_RENDERER = "geo.app.mapview"
_renderer_asked = threading.Event()


@dataclass(frozen=True, slots=True)
class FrameParts:
    """What the map's frame puts in its page for the base map or for a story: ``head``
    (scripts by address, styles), ``html`` (the body's elements) and ``script``. A story's
    script ends by handing back the layers and the control it added to the map."""

    head: str
    html: str
    script: str

    def key(self) -> str:
        """A digest that tells these parts from others: the frame draws parts it has not."""
        text = "\x1f".join((self.head, self.html, self.script))
        return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


Frames = tuple[FrameParts, FrameParts]  # the base map's, the story's


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of what renders a map besides its inputs: newsmap's code, and the versions of
    folium, branca and Leaflet. A stored map made by other code is not used."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for name in _RENDERERS:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    return digest.hexdigest()


class FrameStore:
    """Rendered maps in ``folder``, a JSON file each, named by its key; at most ``limit``
    (the oldest go). A map is used only while the static files it loads are there."""

    def __init__(self, folder: Path, limit: int = 64) -> None:
        self.folder = folder
        self.limit = limit

    def get(self, key: str, static: Path) -> Frames | None:
        try:
            stored = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            if not all((static / name).is_file() for name in stored["needs"]):
                return None
            return FrameParts(**stored["base"]), FrameParts(**stored["story"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not stored, or not whole: drawn again

    def put(self, key: str, frames: Frames, needs: Sequence[str]) -> None:
        """Store ``frames``, which load ``needs`` (file names in the static folder). A map
        that cannot be stored (a read-only cache) is drawn again next time, no more."""
        base, story = frames
        text = json.dumps({"base": asdict(base), "story": asdict(story), "needs": list(needs)})
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"{key}.json"
            temporary = temporary_beside(target, ".map-")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
            stored = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
            for old in stored[: max(0, len(stored) - self.limit)]:
                old.unlink(missing_ok=True)
        except OSError:
            return


@st.cache_resource(show_spinner="Drawing the map…", max_entries=16)
def story_frames(
    static: Path,
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
    hide_organisations: bool,
    floor: float,
    online_tiles: bool,
) -> Frames:
    """The article's map for the frame: from the store when this code drew it before with
    the same gazetteer and inputs, else rendered (and stored). A map that asked an online
    geocoder is not stored: the service may answer otherwise another day."""
    inputs = (text, published, corrections, online, hide_organisations, floor, online_tiles)
    index = gazetteer().path
    stamp = f"{index.name}\0{index.stat().st_size}\0{index.stat().st_mtime_ns}"
    made = f"{code_fingerprint()}\0{stamp}\0{inputs!r}"
    key = hashlib.blake2b(made.encode(), digest_size=16).hexdigest()
    store = FrameStore(cache_dir() / "app-maps")
    offline = online.backend is Backend.NONE
    stored = store.get(key, static) if offline else None
    if stored is not None:
        return stored
    # folium is loaded here, when a map is rendered, and not before
    from geo.app.mapview import story_map

    analysis = analyse(text, published, corrections, online)
    frames, needs = story_map(static, analysis, hide_organisations, floor, online_tiles)
    if offline:
        store.put(key, frames, needs)
    return frames


def load_renderer_soon() -> None:
    """Load the renderer (folium, pandas: ~0.5 s) in the background, once, when the reader is
    about to give another article (a page's first map, the sample's, is a stored one), so
    that its map does not wait for it."""
    if _RENDERER in sys.modules or _renderer_asked.is_set():
        return
    _renderer_asked.set()
    threading.Thread(target=importlib.import_module, args=(_RENDERER,), name="newsmap-renderer",
                     daemon=True).start()  # fmt: skip


@st.fragment
def map_panel(
    draw: Callable[[], Frames], analysis: Analysis, fixes: MutableSequence[Correction]
) -> None:
    """The map, and under it what a click on it does: put a mention of the article there. A
    click reruns this panel alone; a new correction reruns the page.

    The frame keeps the base map while it stays the same and draws the story's groups on
    it: a new story takes the last one's groups off (each takes its controls and labels with
    it) and adds its own, in the same document, without loading Leaflet again."""
    base, story = draw()
    # the parts as JSON text: Streamlit looks into a component's other arguments for a data
    # frame, and would load pandas to do so
    reply: dict[str, Any] | None = _FRAME(
        base=json.dumps(asdict(base)), story=json.dumps(asdict(story)), base_key=base.key(),
        story_key=story.key(), map_name=MAP_NAME, height=MAP_HEIGHT_PX, key="map", default=None,
    )  # fmt: skip
    clicked = (reply or {}).get("last_clicked")
    named = named_mentions(analysis)
    if not clicked or not named:
        st.caption("Click the map to put a place of the article where it belongs.")
        return
    point = Coordinate(round(clicked["lat"], 5), round(((clicked["lng"] + 180) % 360) - 180, 5))
    one, two = st.columns([3, 1], vertical_alignment="bottom")
    where = f"Put at {point.lat:.4f}, {point.lon:.4f}"
    pick = choose(where, [mention_label(m) for m in named], "pin_mention", one)
    if two.button("Put it here", key="pin"):
        m = named[pick]
        fixes.append(Correction(CorrectionKind.PIN, m.start, m.end, m.text, point=point))
        st.rerun(scope="app")
