"""The app's map: its parts, cached by their inputs, and the panel that draws them, with
click-to-place. The one module of the app that imports folium and streamlit-folium (and,
through folium, pandas): some 0.6 s on a server's first page, so ``app.py`` imports it when
the rest of the page is drawn, and the browser draws that meanwhile.

``static`` is the folder the server serves at ``/app/static/`` (``static/`` beside the page
script): Leaflet and the outlines are copied there once."""

from __future__ import annotations

from collections.abc import Callable, MutableSequence
from datetime import date
from pathlib import Path
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium  # type: ignore[import-untyped]

from geo.app.cache import analyse, gazetteer
from geo.app.panels import choose, mention_label, named_mentions
from geo.assets import publish
from geo.basemap import base_map as build_base
from geo.corrections import Correction, CorrectionKind
from geo.geocoders import GeocoderSettings
from geo.models import Analysis, Coordinate
from geo.outlines import LayerFiles, publish_layers
from geo.render import MapParts, story_layers

__all__ = [
    "ASSET_BASE",
    "MAP_HEIGHT_PX",
    "base_map",
    "layer_files",
    "local_assets",
    "map_panel",
    "story_groups",
    "story_map",
]

ASSET_BASE = "/app/static/"  # where Streamlit serves the page's static/ folder
MAP_HEIGHT_PX = 520  # with the page's header, a 768-pixel-high screen shows the map whole


# The app's map is a base map, the same for every story (one per setting of the online
# tiles), and the story's layer groups: the page keeps the base map and swaps the groups (see
# map_panel). st_folium changes what it draws, so each rerun draws a copy of the cached parts
# (a few ms; building the story again takes ~0.5 s): the copies are alike, so the browser
# redraws nothing.
@st.cache_resource(max_entries=2)
def base_map(static: Path, online_tiles: bool) -> folium.Map:
    return build_base(gazetteer(), online_tiles=online_tiles, asset_base=local_assets(static),
                      layer_files=layer_files(static), states=True)  # fmt: skip


@st.cache_resource(show_spinner="Drawing the map…", max_entries=16)
def story_groups(
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
    hide_organisations: bool,
    floor: float,
) -> tuple[folium.FeatureGroup, ...]:
    analysis = analyse(text, published, corrections, online)
    return story_layers(analysis, show_organisations=not hide_organisations,
                        min_confidence=floor, compact=True)  # fmt: skip


def story_map(
    static: Path,
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
    hide_organisations: bool,
    floor: float,
    online_tiles: bool,
) -> MapParts:
    """The article's map for the app, in its parts (both cached)."""
    story = story_groups(text, published, corrections, online, hide_organisations, floor)
    return MapParts(base_map(static, online_tiles), story, compact=True)


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
    draw: Callable[[], MapParts], analysis: Analysis, fixes: MutableSequence[Correction]
) -> None:
    """The map, and under it what a click on it does: put a mention of the article there. A
    click reruns this panel alone; a new correction reruns the page.

    The page keeps the base map while it stays the same (streamlit-folium keys its component
    by the base map's script) and draws the story's groups on it: a new story takes the last
    one's groups off (each takes its controls and labels with it) and adds its own, in the
    same document, without loading Leaflet again."""
    parts = draw()
    reply: dict[str, Any] | None = st_folium(
        parts.base, height=MAP_HEIGHT_PX, use_container_width=True,
        returned_objects=["last_clicked"], key="map", feature_group_to_add=list(parts.story),
        layer_control=folium.LayerControl(collapsed=parts.compact),
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
