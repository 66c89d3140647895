"""The base map: what every story's map shares, with no story on it. Leaflet (inlined, or from
the app's server), the country outlines, the US states' lines (drawn by a US story), the
opt-in OpenStreetMap layer, and the map's scheme and reading rules
(:class:`geo.mapview.MapSetup`). A story is drawn on it as layer groups (:mod:`geo.render`):
the app keeps one base map in the page and swaps the story's groups."""

from __future__ import annotations

import folium
from branca.element import Figure

from geo.assets import inline_head
from geo.controls import RawText
from geo.framing import MAX_ZOOM
from geo.gazetteer import Gazetteer
from geo.mapview import MapSetup
from geo.outlines import LayerFiles, country_outlines, state_outlines

__all__ = ["OSM_ATTRIBUTION", "OSM_TILES", "base_map", "figure_of"]

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def figure_of(fmap: folium.Map) -> Figure:
    root = fmap.get_root()
    assert isinstance(root, Figure)
    return root


def base_map(
    gazetteer: Gazetteer,
    *,
    online_tiles: bool = False,
    height: str = "100%",
    asset_base: str = "",
    layer_files: LayerFiles | None = None,
    states: bool = True,
    states_shown: bool = False,
) -> folium.Map:
    """The map without a story (see :func:`geo.render.build_map` for ``online_tiles``,
    ``height``, ``asset_base`` and ``layer_files``). ``states`` carries the US states' lines,
    drawn at once if ``states_shown``, else when a US story shows them (fetched then, where
    ``layer_files`` are given)."""
    fmap = folium.Map(location=(20, 0), zoom_start=2, tiles=None, control_scale=True,
                      height=height, world_copy_jump=True,
                      scroll_wheel_zoom=False)  # fmt: skip
    if asset_base:  # served by the local server, never a CDN
        # Leaflet alone: nothing of this map calls jQuery (popups are bound from data by
        # Bindings), and the app's map frame loads each script only after the one before
        fmap.default_js = [("leaflet", f"{asset_base}leaflet.js")]
        fmap.default_css = [("leaflet_css", f"{asset_base}leaflet.css")]
    else:  # inlined, for a file that opens anywhere
        fmap.default_js = []
        fmap.default_css = []
        figure_of(fmap).header.add_child(RawText(inline_head()), name="newsmap_assets")
    outlines = country_outlines(fmap.get_name(), gazetteer,
                                layer_files.countries if layer_files else "")  # fmt: skip
    fmap.add_child(outlines)
    if states:
        fmap.add_child(state_outlines(fmap.get_name(), gazetteer, outlines,
                                      layer_files.states if layer_files else "",
                                      shown=states_shown))  # fmt: skip
    folium.TileLayer(OSM_TILES, name="OpenStreetMap (online)", attr=OSM_ATTRIBUTION,
                     overlay=True, show=online_tiles, max_zoom=19).add_to(fmap)  # fmt: skip
    fmap.add_child(MapSetup(fmap.get_name(), max_zoom=MAX_ZOOM))
    return fmap
