"""The app's map: its parts, cached by their inputs, and the panel that draws them, with
click-to-place. The one module of the app that imports folium (and, through folium, pandas):
some 0.5 s on a server's first page, so ``app.py`` imports it when the rest of the page is
drawn, and the browser draws that meanwhile.

The map is a Streamlit component of our own (``frontend/``: a page and a script, no build):
a frame that keeps the base map (Leaflet, the outlines, the map's rules) and swaps the
story's layer groups on it, from the head, body and script that folium renders for each, and
sends a click on the map back. ``static`` is the folder the server serves at
``/app/static/`` (``static/`` beside the page script): Leaflet and the outlines are copied
there once."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Collection, MutableSequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import folium
import streamlit as st
import streamlit.components.v1 as components
from branca.element import Figure

from geo.app.cache import analyse, gazetteer
from geo.app.panels import choose, mention_label, named_mentions
from geo.assets import publish
from geo.basemap import base_map as build_base
from geo.basemap import figure_of
from geo.corrections import Correction, CorrectionKind
from geo.geocoders import GeocoderSettings
from geo.models import Analysis, Coordinate
from geo.outlines import LayerFiles, publish_layers
from geo.render import MapParts, story_layers
from geo.report.safe import identifier

__all__ = [
    "ASSET_BASE",
    "MAP_HEIGHT_PX",
    "MAP_NAME",
    "FrameParts",
    "base_map",
    "frame_parts",
    "layer_files",
    "local_assets",
    "map_panel",
    "story_map",
]

ASSET_BASE = "/app/static/"  # where Streamlit serves the page's static/ folder
MAP_HEIGHT_PX = 520  # with the page's header, a 768-pixel-high screen shows the map whole
MAP_NAME = "newsmap_map"  # the map's name in its frame (folium's own changes with every map)
_FRAME = components.declare_component("map", path=str(Path(__file__).with_name("frontend")))


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


def _part(figure: Figure, part: str, skip: Collection[str] = ()) -> str:
    children = getattr(figure, part)._children.items()
    return "".join(child.render() for name, child in children if name not in skip)


def frame_parts(parts: MapParts) -> tuple[FrameParts, FrameParts]:
    """The base map's parts and the story's, for the map's frame: rendered together (the
    story's script names the base's map and tiles), then told apart by what the base alone
    puts in the page. The map is named :data:`MAP_NAME` in both."""
    base = copy.deepcopy(parts.base)
    figure = figure_of(base)
    figure.render()
    own = {part: set(getattr(figure, part)._children) for part in ("header", "html", "script")}
    base_parts = FrameParts(_part(figure, "header"), _part(figure, "html"), _part(figure, "script"))
    story = [copy.deepcopy(group) for group in parts.story]
    control = folium.LayerControl(collapsed=parts.compact)
    for element in (*story, control):
        base.add_child(element)
        element.render()  # type: ignore[no-untyped-call]
    added = ", ".join(identifier(e.get_name()) for e in (*story, control))
    story_parts = FrameParts(
        _part(figure, "header", own["header"]),
        _part(figure, "html", own["html"]),
        _part(figure, "script", own["script"]) + f"\nreturn [{added}];\n",
    )
    name = identifier(base.get_name())

    def renamed(p: FrameParts) -> FrameParts:
        return FrameParts(*(text.replace(name, MAP_NAME) for text in (p.head, p.html, p.script)))

    return renamed(base_parts), renamed(story_parts)


# The app's map is a base map, the same for every story (one per setting of the online
# tiles), and the story's layer groups: the frame keeps the base map and swaps the groups (see
# map_panel). Both are kept as the text the frame is sent, rendered once for each story.
@st.cache_resource(max_entries=2)
def base_map(static: Path, online_tiles: bool) -> folium.Map:
    return build_base(gazetteer(), online_tiles=online_tiles, asset_base=local_assets(static),
                      layer_files=layer_files(static), states=True)  # fmt: skip


@st.cache_resource(show_spinner="Drawing the map…", max_entries=16)
def story_map(
    static: Path,
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
    hide_organisations: bool,
    floor: float,
    online_tiles: bool,
) -> tuple[FrameParts, FrameParts]:
    """The article's map for the app: the base map's parts and the story's."""
    analysis = analyse(text, published, corrections, online)
    story = story_layers(analysis, show_organisations=not hide_organisations,
                         min_confidence=floor, compact=True)  # fmt: skip
    return frame_parts(MapParts(base_map(static, online_tiles), story, compact=True))


@st.cache_resource
def local_assets(static: Path) -> str:
    """Leaflet and jQuery, copied from their packages into ``static`` for the server to
    serve, so the map needs no CDN (``server.enableStaticServing``)."""
    publish(static)
    return ASSET_BASE


@st.cache_resource
def layer_files(static: Path) -> LayerFiles:
    """The outlines, written once beside Leaflet under names that change with their content,
    so that the map fetches them once and the browser keeps them (some 700 KB)."""
    return publish_layers(static, gazetteer(), local_assets(static))


@st.fragment
def map_panel(
    draw: Callable[[], tuple[FrameParts, FrameParts]],
    analysis: Analysis,
    fixes: MutableSequence[Correction],
) -> None:
    """The map, and under it what a click on it does: put a mention of the article there. A
    click reruns this panel alone; a new correction reruns the page.

    The frame keeps the base map while it stays the same and draws the story's groups on
    it: a new story takes the last one's groups off (each takes its controls and labels with
    it) and adds its own, in the same document, without loading Leaflet again."""
    base, story = draw()
    reply: dict[str, Any] | None = _FRAME(
        base=asdict(base), story=asdict(story), base_key=base.key(), story_key=story.key(),
        map_name=MAP_NAME, height=MAP_HEIGHT_PX, key="map", default=None,
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
