"""What the app keeps between reruns, sessions and readers, each cached by its inputs: the
gazetteer, the analysis of an article, its map and its downloads. A module rather than the
page script, so that the server can fill the caches before the first reader arrives
(:mod:`geo.app.warm`), and the page finds them filled.

``static`` is the folder the server serves at ``/app/static/`` (``static/`` beside the page
script): Leaflet and the outlines are copied there once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

import folium
import streamlit as st

import geo
from geo.assets import publish
from geo.basemap import base_map as build_base
from geo.corrections import Correction
from geo.export import ExportOptions, write
from geo.geocoders import Geocoder, GeocoderSettings, open_geocoder
from geo.outlines import LayerFiles, publish_layers
from geo.render import MapParts, story_layers
from geo.report.headline import Headline
from geo.sources import data_dir

__all__ = [
    "ASSET_BASE",
    "SAMPLE_PUBLISHED",
    "analyse",
    "base_map",
    "download_bytes",
    "gazetteer",
    "layer_files",
    "local_assets",
    "online_geocoder",
    "sample_article",
    "story_groups",
    "story_map",
]

ASSET_BASE = "/app/static/"  # where Streamlit serves the page's static/ folder
SAMPLE_PUBLISHED = date(2023, 9, 12)


@st.cache_resource(show_spinner="Loading the gazetteer (compiled once, about 20 s the first time)…")
def gazetteer() -> geo.Gazetteer:
    return geo.load_gazetteer()


@st.cache_resource
def online_geocoder(settings: GeocoderSettings) -> Geocoder | None:
    """One geocoder per setting, so its rate limit and cache hold across reruns and users."""
    return open_geocoder(settings)


# the analysis and the map are immutable values kept as they are (not copied per rerun)
@st.cache_resource(show_spinner="Reading the article…", max_entries=32)
def analyse(
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
) -> geo.Analysis:
    return geo.analyze(text, gazetteer(), published=published, corrections=corrections,
                       geocoder=online_geocoder(online))  # fmt: skip


# The app's map is a base map, the same for every story (one per setting of the online
# tiles), and the story's layer groups: the page keeps the base map and swaps the groups (see
# geo.app.panels.map_panel). st_folium changes what it draws, so each rerun draws a copy of
# the cached parts (a few ms; building the story again takes ~0.5 s): the copies are alike,
# so the browser redraws nothing.
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


@st.cache_data(show_spinner="Drawing…", max_entries=16)
def download_bytes(
    text: str,
    published: date | None,
    corrections: tuple[Correction, ...],
    online: GeocoderSettings,
    fmt: str,
    table: Literal["places", "events"],
    headline: Headline,
) -> bytes:
    """A download's bytes, from the registry of formats the command line uses too; slides'
    size for the figures."""
    options = ExportOptions(table=table, size="slide", headline=headline)
    return write(fmt, analyse(text, published, corrections, online), gazetteer(), options)


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


@st.cache_data
def sample_article() -> str:
    return (data_dir() / "article.txt").read_text(encoding="utf-8")
