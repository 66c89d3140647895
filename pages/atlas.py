"""The atlas in the browser: the JSON Lines of ``newsmap batch --events``, uploaded, on one
offline map (the page of ``newsmap atlas``). This file only lays out the page; the work is done
by :mod:`geo.atlas` and :mod:`geo.atlas_map`."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

import geo
from geo.atlas import published_by_id, read_feed
from geo.atlas_map import atlas_html, note_of

st.set_page_config(page_title="newsmap atlas", layout="wide")


@st.cache_resource(show_spinner="Loading the gazetteer (compiled once, about 20 s the first time)…")
def gazetteer() -> geo.Gazetteer:
    return geo.load_gazetteer()


@st.cache_data(show_spinner="Drawing the atlas…", max_entries=8)
def atlas(results: bytes, articles: bytes | None) -> tuple[str, int, int, str]:
    """The page, its numbers of articles and places, and its note on skipped records; no page
    when the feed holds no usable record."""
    published = published_by_id(articles.split(b"\n")) if articles else None
    feed = read_feed(results.removeprefix(b"\xef\xbb\xbf").split(b"\n"), published)
    page = atlas_html(feed, gazetteer()) if feed.articles else ""
    return page, len(feed.articles), len(feed.places), note_of(feed)


st.title("Atlas of a feed")
st.caption(
    "Upload what `newsmap batch IN.jsonl -o OUT.jsonl --events` wrote; add its input for the "
    "publication dates of results written without one."
)
left, right = st.columns(2)
results = left.file_uploader("Batch results (OUT.jsonl)", type=["jsonl", "json"], key="results")
articles = right.file_uploader("Batch input, for the dates (IN.jsonl, optional)",
                               type=["jsonl", "json"], key="articles")  # fmt: skip
if results is None:
    st.info("Upload the results of a batch to draw its atlas.")
    st.stop()
page, n_articles, n_places, note = atlas(results.getvalue(),
                                         articles.getvalue() if articles else None)  # fmt: skip
if not page:
    st.error("The file holds no usable record" + (f" ({note})." if note else "."))
    st.stop()
st.success(f"{n_articles} articles, {n_places} places" + (f"; {note}" if note else ""))
st.download_button("Download the atlas (HTML)", page.encode("utf-8"), file_name="atlas.html",
                   mime="text/html", key="atlas_download")  # fmt: skip
components.html(page, height=680)
