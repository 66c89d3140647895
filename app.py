"""newsmap in the browser: ``streamlit run app.py``. This file only lays out the page; the work
is done by the ``geo`` package."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Literal

import streamlit as st

import geo
from geo.app.cache import (
    SAMPLE_PUBLISHED,
    analyse,
    download_bytes,
    gazetteer,
    online_geocoder,
    sample_article,
)
from geo.app.mapframe import load_renderer_soon, map_panel, story_frames
from geo.app.panels import correction_tab
from geo.app.tables import place_list_html, place_rows
from geo.chart import timeline_chart
from geo.corrections import corrections_from_json, corrections_to_json
from geo.export import REGISTRY, by_name
from geo.fetch import fetch_page
from geo.geocoders import Backend, GeocoderSettings
from geo.geocoding import search_places
from geo.inputs import UPLOAD_TYPES, Article, check_text, read_upload_article
from geo.report.embed import embed_snippet
from geo.report.headline import Headline, default_title
from geo.report.safe import markdown, markdown_prose
from geo.serialize import claim_table, event_table, leg_table

STATIC = Path(__file__).parent / "static"  # served at /app/static/
SOURCES = ("Sample article", "Paste text", "Upload a file", "Fetch a URL")
BRIEFING_FILE = by_name("html").file_name()
BUTTON_PADDING_CHARS = 6  # a button's padding, in characters of its label
TABLE_NAMES: tuple[Literal["places", "events"], ...] = ("places", "events")
# the first columns stay in view when a narrow window scrolls a table sideways
PLACE_COLUMNS = {"place": st.column_config.TextColumn(pinned=True),
                 "mentions": st.column_config.NumberColumn(width="small")}  # fmt: skip
CLAIM_COLUMNS = {"verdict": st.column_config.TextColumn(width="small", pinned=True),
                 "figure": st.column_config.TextColumn(width="small")}  # fmt: skip

st.set_page_config(page_title="newsmap", layout="wide")


def found_online(
    analysis: geo.Analysis, online: GeocoderSettings, name: str
) -> tuple[geo.Place, ...]:
    """What the online geocoder, when one is on, finds for a name the reader adds (an
    address, a venue): nothing leaves the machine otherwise."""
    geocoder = online_geocoder(online)
    if geocoder is None:
        return ()
    found = search_places(name, analysis, gazetteer(), geocoder)
    if found.note:
        st.caption(markdown_prose("Online geocoder: ") + markdown(found.note))
    return tuple(p for p in found.places if p.source)


def article(source: str) -> Article | None:
    if source == SOURCES[0]:
        return Article(sample_article(), SAMPLE_PUBLISHED)
    if source == SOURCES[1]:
        pasted = st.text_area("Article text", key="pasted", height=260)
        return Article(pasted) if pasted else None
    if source == SOURCES[2]:
        upload = st.file_uploader("Article file", type=[t.lstrip(".") for t in UPLOAD_TYPES])
        return read_upload_article(upload.name, upload.getvalue()) if upload else None
    allowed = st.checkbox("Allow newsmap to go online to fetch this page", key="online_fetch")
    url = st.text_input("Address (http or https)", key="url", disabled=not allowed)
    if allowed and url and st.button("Fetch", key="fetch"):
        with st.spinner("Fetching…"):
            st.session_state.fetched = fetch_page(url)
    fetched: Article | None = st.session_state.get("fetched")
    return fetched


with st.sidebar:
    st.header("Article")
    source = st.radio("Source", SOURCES, key="source")
    if source != SOURCES[0]:
        load_renderer_soon()  # another article's map is coming: folium loads meanwhile
    try:
        given_article = article(source)
        if given_article is not None:
            check_text(given_article.text)
    except geo.GeoError as err:
        st.error(markdown(err))
        given_article = None
    text = given_article.text if given_article else None
    found = given_article.published if given_article else None
    # a date the reader has not given is unknown, not the sample's: "on Tuesday" stays Tuesday;
    # the widget's key follows the source and the date found, so each starts from its own
    published = st.date_input(
        "Published (empty: unknown)", found, key=f"published_{SOURCES.index(source)}_{found}",
        help="Relative dates (\"on Tuesday\") are dated from this day; without it they stay "
        "as the article words them.",
    )  # fmt: skip
    if published is None:
        st.caption("Publication date unknown: relative dates stay relative.")
    elif found is not None and source != SOURCES[0] and published == found:
        st.caption("Date found in the page's metadata.")
    st.header("Show")
    hide_organisations = st.checkbox("Hide governments and organisations", key="hide_orgs")
    floor = st.slider("Confidence floor", 0.0, 1.0, 0.0, 0.05, key="floor")
    online_tiles = st.checkbox("OpenStreetMap tiles (needs the internet)", key="osm")
    online = GeocoderSettings()  # off: nothing leaves the machine
    with st.expander("Online geocoder (off)"):
        backend = Backend(st.selectbox("Service", [b.value for b in Backend], key="geocoder"))
        if backend is not Backend.NONE:
            domain = st.text_input("Server (empty: the public one)", key="geocoder_domain")
            scheme = st.radio("Scheme", ("https", "http"), key="geocoder_scheme", horizontal=True)
            agent = st.text_input("User agent: your application and a contact", key="geocoder_ua")
            user = st.text_input("GeoNames user name", key="geocoder_user")
            chosen = GeocoderSettings(backend, domain.strip(), scheme, agent.strip(),
                                      username=user.strip())  # fmt: skip
            st.warning(markdown_prose("Names from the article will be sent to ")
                       + markdown(chosen.service) + ".")  # fmt: skip
            if st.checkbox("Send them", key="geocoder_on"):
                problem = chosen.problem()
                if problem:
                    st.error(markdown(problem))
                else:
                    online = chosen
    with st.expander("Headline of the briefing, figures and embed code"):
        given = Headline(
            st.text_input("Headline (empty: made from the story)", key="headline_title"),
            st.text_input("Subtitle", key="headline_subtitle"),
            st.text_input("Source line", key="headline_source", placeholder="e.g. Reuters"),
        )

st.title("newsmap")
if not text:
    st.info("Give an article: paste it, upload a file, or pick the sample.")
    st.stop()

fixes = st.session_state.setdefault("corrections", {}).setdefault(text, [])
inputs = (text, published, tuple(fixes), online)
try:
    analysis = analyse(*inputs)
except geo.GeoError as err:
    st.error(markdown(err))
    st.stop()

made = default_title(analysis)
headline = Headline(given.title or made, given.subtitle, given.source)
buttons = [(f, t) for f in REGISTRY for t in (TABLE_NAMES if f.name == "csv" else ("places",))]
labels = [f.label + (" events" if t == "events" else "") for f, t in buttons]
# above the map, so that a 1366x768 screen shows them, each as wide as its label needs (equal
# widths cut the longest); each file is made when its button is clicked, not on every rerun,
# and a click does not rerun the page (a rerun would race the download and could drop the
# file before it is made)
widths = [len(label) + BUTTON_PADDING_CHARS for label in labels]
columns = st.columns(widths, gap="xsmall")
for column, (fmt, table), label in zip(columns, buttons, labels, strict=True):
    column.download_button(
        label,
        partial(download_bytes, *inputs, fmt.name, table, headline),
        fmt.file_name(table=table),
        fmt.media_type,
        key=f"dl_{fmt.name}_{table}",
        on_click="ignore",
        width="stretch",
    )


left, right = st.columns([3, 2])
with right:
    # the tabs say which is open, so that the events' chart (Vega, the heaviest script of the
    # page) is drawn when its tab is opened, not while a new reader waits for the map
    places, events, claims, routes, correct = st.tabs(
        ["Places", "Events", "Claims", "Routes", "Correct"], key="tab", on_change="rerun"
    )
    # only the open tab is drawn: a tab's tables and widgets cost the browser more than the
    # rerun its click makes (the events' chart most of all, Vega being the page's heaviest
    # script), and a new reader's map comes first
    if places.open:
        rows = place_rows(analysis, min_confidence=floor, hide_organisations=hide_organisations)
        # a list that the page draws at once (the data grid's script costs a new reader's map
        # ~0.3 s); the grid, with its sorting and every column, when asked for
        if places.toggle("As a table to sort", key="places_grid"):
            places.dataframe([r.row() for r in rows], hide_index=True, width="stretch",
                             height=360, column_config=PLACE_COLUMNS)  # fmt: skip
        else:
            places.html(place_list_html(rows))
    if events.open:
        chart = timeline_chart(analysis)
        if chart is not None:
            events.altair_chart(chart, width="stretch")
        every = events.checkbox("Also list events without a named place", value=False)
        events.dataframe(event_table(analysis, every), hide_index=True, width="stretch")
    if claims.open:
        claims.dataframe(claim_table(analysis), hide_index=True, width="stretch",
                         column_config=CLAIM_COLUMNS)  # fmt: skip
    if routes.open:
        routes.dataframe(leg_table(analysis), hide_index=True, width="stretch")
    if correct.open:
        with correct:
            correction_tab(analysis, gazetteer(), fixes, partial(found_online, analysis, online))
            if fixes and st.button("Undo the last correction", key="fix_undo"):
                fixes.pop()
                st.rerun()
            saving = corrections_to_json(text, fixes)
            st.download_button("Save corrections", saving, "newsmap-corrections.json",
                               "application/json", key="fix_save", on_click="ignore")  # fmt: skip
            saved = st.file_uploader("Load corrections", type=["json"], key="fix_load")
            if saved is not None and st.button("Apply the loaded corrections", key="fix_apply"):
                try:
                    fixes[:] = corrections_from_json(text, saved.getvalue())
                    st.rerun()
                except geo.GeoError as err:
                    st.error(markdown(err))

with left:
    # the map last: a map not drawn before is rendered with folium (and pandas through it),
    # ~0.5 s to load on a server's first page, while the browser draws the rest of the page
    view = (hide_organisations, floor, online_tiles)
    map_panel(lambda: story_frames(STATIC, *inputs, *view), analysis, fixes)
    counts = f"{len(analysis.mentions)} mentions of {len(analysis.places())} places"
    st.caption(markdown_prose(f"{counts} · {' '.join(analysis.credits)}"))

st.caption(markdown_prose("Headline made from the story:") + " " + markdown(made))
# the embed code on demand: its highlighter is one more script for a new reader's browser
if st.toggle("Show the code to embed the map in a web page", key="embed"):
    # st.code shows its text as it is (no Markdown); the snippet escapes the headline itself
    st.code(embed_snippet(BRIEFING_FILE, title=headline.title), language="html",
            wrap_lines=True)  # fmt: skip
    how = (f"To embed the map, put the downloaded {BRIEFING_FILE} next to the page that embeds "
           "it and paste this code into that page.")  # fmt: skip
    st.caption(markdown_prose(how))
