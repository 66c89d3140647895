"""The app's map rendered for its frame (:mod:`geo.app.mapframe`): the base map and the
story's layer groups, as the head, body and script folium makes of each. The one module of
the app that imports folium (and, through folium, pandas): some 0.5 s on a server's first
page, which is why the frame's maps are stored, and a stored one is drawn without it.

``static`` is the folder the server serves at ``/app/static/`` (``static/`` beside the page
script): Leaflet and the outlines are copied there once."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator
from pathlib import Path

import folium
import streamlit as st
from branca.element import Element, Figure

from geo.app.cache import gazetteer
from geo.app.mapframe import MAP_NAME, FrameParts, Frames
from geo.assets import publish
from geo.basemap import base_map as build_base
from geo.basemap import figure_of
from geo.models import Analysis
from geo.outlines import LayerFiles, publish_layers
from geo.render import MapParts, story_layers
from geo.report.safe import identifier

__all__ = ["ASSET_BASE", "base_map", "frame_parts", "layer_files", "local_assets", "story_map"]

ASSET_BASE = "/app/static/"  # where Streamlit serves the page's static/ folder


def _part(figure: Figure, part: str, skip: Collection[str] = ()) -> str:
    children = getattr(figure, part)._children.items()
    return "".join(child.render() for name, child in children if name not in skip)


def _tree(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _tree(child)


def frame_parts(parts: MapParts) -> Frames:
    """The base map's parts and the story's, for the map's frame: rendered together (the
    story's script names the base's map and tiles), then told apart by what the base alone
    puts in the page. The map is named :data:`MAP_NAME`, and the base's other elements by
    their place in it, the same in every process: a stored story fits any server's base."""
    base = copy.deepcopy(parts.base)
    figure = figure_of(base)
    figure.render()
    own = {part: set(getattr(figure, part)._children) for part in ("header", "html", "script")}
    base_parts = FrameParts(_part(figure, "header"), _part(figure, "html"), _part(figure, "script"))
    names = [(identifier(base.get_name()), MAP_NAME)] + [
        (e._id, f"newsmap{n}") for n, e in enumerate(_tree(base)) if e is not base
    ]
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

    def renamed(p: FrameParts) -> FrameParts:
        texts = [p.head, p.html, p.script]
        for old, new in names:  # folium's names are uuid4 hex: nothing else matches them
            texts = [t.replace(old, new) for t in texts]
        return FrameParts(*texts)

    return renamed(base_parts), renamed(story_parts)


# The app's map is a base map, the same for every story (one per setting of the online
# tiles), and the story's layer groups: the frame keeps the base map and swaps the groups.
@st.cache_resource(max_entries=2)
def base_map(static: Path, online_tiles: bool) -> folium.Map:
    return build_base(gazetteer(), online_tiles=online_tiles, asset_base=local_assets(static),
                      layer_files=layer_files(static), states=True)  # fmt: skip


def story_map(
    static: Path, analysis: Analysis, hide_organisations: bool, floor: float, online_tiles: bool
) -> tuple[Frames, tuple[str, ...]]:
    """The article's map for the frame, and the files of ``static`` it loads."""
    story = story_layers(analysis, show_organisations=not hide_organisations,
                         min_confidence=floor, compact=True)  # fmt: skip
    frames = frame_parts(MapParts(base_map(static, online_tiles), story, compact=True))
    files = layer_files(static)
    outlines = (url.removeprefix(ASSET_BASE) for url in (files.countries, files.states))
    return frames, ("leaflet.js", "leaflet.css", *outlines)


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
