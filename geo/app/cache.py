"""What the app keeps between reruns, sessions and readers, each cached by its inputs: the
gazetteer, the analysis of an article and its downloads (the map's parts are kept by
:mod:`geo.app.mapframe`). Nothing here imports folium."""

from __future__ import annotations

from datetime import date
from typing import Literal

import streamlit as st

import geo
from geo.corrections import Correction
from geo.export import ExportOptions, write
from geo.geocoders import Geocoder, GeocoderSettings, open_geocoder
from geo.report.headline import Headline
from geo.sources import data_dir

__all__ = [
    "SAMPLE_PUBLISHED",
    "analyse",
    "download_bytes",
    "gazetteer",
    "online_geocoder",
    "sample_article",
]

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


@st.cache_data
def sample_article() -> str:
    return (data_dir() / "article.txt").read_text(encoding="utf-8")
