"""newsmap in the browser: ``streamlit run app.py``. This file only lays out the page."""

from __future__ import annotations

from datetime import date

import streamlit as st

import geo
from geo.briefing import briefing_html
from geo.chart import overview_chart
from geo.export import MEDIA_TYPES, export_bytes
from geo.serialize import place_table
from geo.sources import data_dir

SAMPLE_PUBLISHED = date(2023, 9, 12)

st.set_page_config(page_title="newsmap", layout="wide")


@st.cache_resource(show_spinner="Loading the gazetteer (compiled once, about 20 s the first time)…")
def gazetteer() -> geo.Gazetteer:
    return geo.load_gazetteer()


@st.cache_data(show_spinner="Reading the article…")
def analyse(text: str, published: date | None) -> geo.Analysis:
    return geo.analyze(text, gazetteer(), published=published)


@st.cache_data(show_spinner="Drawing the briefing…")
def briefing(text: str, published: date | None) -> str:
    return briefing_html(analyse(text, published), gazetteer())


@st.cache_data
def sample_article() -> str:
    return (data_dir() / "article.txt").read_text(encoding="utf-8")


st.title("newsmap")
left, right = st.columns([2, 3])
with left:
    text = st.text_area("Article", sample_article(), height=420)
    published = st.date_input("Published", SAMPLE_PUBLISHED)
try:
    analysis = analyse(text, published)
except geo.GeoError as err:
    st.error(str(err))
    st.stop()
rows = place_table(analysis)
with right:
    st.altair_chart(overview_chart(analysis, gazetteer()), use_container_width=True)
    st.caption(f"{len(rows)} mentions of {len(analysis.places())} places.")
st.dataframe(rows, use_container_width=True, hide_index=True)
downloads = st.columns(5)
downloads[0].download_button(
    "Briefing (HTML)", briefing(text, published), "newsmap-briefing.html", "text/html"
)
for column, (fmt, table) in zip(
    downloads[1:],
    [("geojson", "places"), ("kml", "places"), ("csv", "places"), ("csv", "events")],
    strict=True,
):
    column.download_button(
        f"{fmt.upper()}{' events' if table == 'events' else ''}",
        export_bytes(analysis, fmt, table=table),
        f"newsmap-{table if fmt == 'csv' else 'map'}.{fmt}",
        MEDIA_TYPES[fmt],
        key=f"{fmt}-{table}",
    )
st.caption(" ".join(analysis.credits))
