"""The map's constant layers: Natural Earth country outlines and US state lines, simplified,
as GeoJSON geometry with no text in it. An exported map carries them; the app's server writes
them once as files named by their content (:func:`publish_layers`), which its map fetches and
the browser caches."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
from folium.template import Template

from geo.assets import publish_text
from geo.atomic import temporary_beside
from geo.controls import InertMacro
from geo.gazetteer import Gazetteer
from geo.models import PlaceKind
from geo.report.safe import identifier, script_json

__all__ = ["LayerFiles", "Outlines", "country_outlines", "publish_layers", "state_outlines"]

_STATES = PlaceKind.ADMIN1  # the kind with shapes below countries: US states
_STATE_STYLE = {"color": "#b9bfc5", "weight": 0.6, "fill": False}
_OUTLINE_STYLE = {"fillColor": "#f4f4f1", "color": "#9aa3ab", "weight": 0.6, "fillOpacity": 1.0}


class Outlines(InertMacro):
    """Country outlines under everything else: GeoJSON geometry only, not interactive. Inlined
    in the page, or fetched from ``url`` (a file that the app's server serves and the browser
    caches); either way ``<variable>_ready`` is a promise of the data once it is loaded, and
    ``<variable>`` the data once it is there.

    The map keeps each layer's handle in ``map._newsmapLayers[layer]``: ``data()``, ``ready()``
    (loads it, if it was not), ``show()`` and ``hide()``. A layer not ``shown`` at first is
    loaded and drawn when a story shows it (the US states, for a US story)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.variable }} = null;
        var {{ this.variable }}_ready = null;
        (function () {
            var map = {{ this.map }};
            var layer = null, wanted = {{ this.shown_json }};
            function draw(data) {
                {{ this.variable }} = data;
                layer = L.geoJSON(data, {
                    interactive: false,
                    {% if this.url_json %}pane: "newsmap-outlines",{% endif %}
                    style: function () { return {{ this.style_json }}; }
                });
                if (wanted) { layer.addTo(map); }
                return data;
            }
            function load() {
                if ({{ this.variable }}_ready) { return {{ this.variable }}_ready; }
                {% if this.url_json %}
                // drawn after the markers, so in a pane of their own under them (and over tiles)
                if (!map.getPane("newsmap-outlines")) {
                    var pane = map.createPane("newsmap-outlines");
                    pane.style.zIndex = 390;
                    pane.style.pointerEvents = "none";
                }
                {{ this.variable }}_ready = Promise.all([
                    fetch({{ this.url_json }}).then(function (r) {
                        if (!r.ok) { throw new Error("outlines: HTTP " + r.status); }
                        return r.json();
                    }),
                    {{ this.after }}
                ]).then(function (got) { return draw(got[0]); });
                {% else %}
                {{ this.variable }}_ready = Promise.resolve(draw({{ this.data_json }}));
                {% endif %}
                return {{ this.variable }}_ready;
            }
            map._newsmapLayers = map._newsmapLayers || {};
            map._newsmapLayers[{{ this.layer_json }}] = {
                data: function () { return {{ this.variable }}; },
                ready: load,
                show: function () {
                    wanted = true;
                    if (layer) { layer.addTo(map); } else { load(); }
                },
                hide: function () {
                    wanted = false;
                    if (layer) { map.removeLayer(layer); }
                }
            };
            if (wanted) { load(); }
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        map_name: str,
        geojson: str,
        style: dict[str, Any],
        layer: str = "outlines",
        *,
        url: str = "",
        after: Outlines | None = None,
        shown: bool = True,
    ) -> None:
        """``geojson`` is GeoJSON text of geometries with no properties (numbers only), or
        empty when ``url`` names where the page fetches it; ``layer`` names the JavaScript
        variable after the map (``map_x_outlines``). A fetched layer is drawn over ``after``
        (the countries under the states), whichever file comes first. A layer not ``shown``
        waits for a story to show it."""
        super().__init__()
        self._name = "NewsmapOutlines"
        self.map = identifier(map_name)
        if not url and not set(geojson) <= _GEOJSON_CHARACTERS:
            raise ValueError("outlines must be GeoJSON polygons without properties")
        self.data_json = "" if url else geojson
        self.url_json = script_json(url) if url else ""
        self.style_json = script_json(style)
        self.layer_json = script_json(identifier(layer))
        self.shown_json = script_json(bool(shown))
        self.variable = identifier(f"{map_name}_{layer}")
        self.after = f"{after.variable}_ready" if after is not None else "null"


# all a FeatureCollection of bare polygons is written with: no text can hide in it
_GEOJSON_CHARACTERS = frozenset(
    '0123456789.-+eE,:[]{}" ' + "FeatureCollectionfeaturestypegeometrycoordinatesMultiPolygon"
)


@lru_cache(maxsize=8)
def _outlines(gazetteer: Gazetteer, kind: PlaceKind = PlaceKind.COUNTRY) -> str:
    """Natural Earth country outlines (or the outlines of another ``kind`` with shapes: US
    states), simplified, as GeoJSON text of bare geometries."""
    features = []
    for _place, shape in gazetteer.shapes(kind):
        simple = shapely.set_precision(shapely.simplify(shape, 0.04, preserve_topology=True), 0.001)
        # rounding can leave a sliver as a line: keep the polygons
        polygons = [p for p in shapely.get_parts(simple) if p.geom_type == "Polygon"]
        if not polygons:
            continue
        simple = polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)
        # geometry only: the outlines are not interactive, and no name needs to reach the page
        features.append({"type": "Feature", "geometry": shapely.geometry.mapping(simple)})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def state_outlines(
    map_name: str, gazetteer: Gazetteer, countries: Outlines, url: str = "", *, shown: bool = True
) -> Outlines:
    """The lines between US states, drawn over ``countries`` (for a US story, so that a
    local map is not a blank of land); fetched from ``url`` when one is given. Not ``shown``,
    they wait for a US story to show them (and are fetched then)."""
    data = "" if url else _outlines(gazetteer, _STATES)
    return Outlines(map_name, data, _STATE_STYLE, layer="states", url=url, after=countries,
                    shown=shown)  # fmt: skip


def country_outlines(map_name: str, gazetteer: Gazetteer, url: str = "") -> Outlines:
    """The layer of country outlines under a map of ``map_name``: land and sea without
    tiles (the story map, the feed atlas); fetched from ``url`` when one is given."""
    return Outlines(map_name, "" if url else _outlines(gazetteer), _OUTLINE_STYLE, url=url)


@dataclass(frozen=True, slots=True)
class LayerFiles:
    """The addresses where a local server serves the map's constant layers (see
    :func:`publish_layers`), for a map that fetches them instead of carrying them."""

    countries: str
    states: str


def publish_layers(folder: Path, gazetteer: Gazetteer, base: str) -> LayerFiles:
    """Write the country and US state outlines into ``folder`` (the app's ``static/``),
    under names that change with their content, and return their addresses under ``base``
    (where the server serves ``folder``: ``/app/static/``). The names are remembered for
    this gazetteer file, so that a server started again skips the outlines' half second."""
    index = gazetteer.path.stat()
    key = f"{gazetteer.path.resolve()}\0{index.st_mtime_ns}\0{index.st_size}\0{_LAYERS_VERSION}"
    memo = folder / f".layers-{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    names = memo.read_text(encoding="utf-8").split() if memo.is_file() else []
    if len(names) != 2 or not all((folder / n).is_file() for n in names):
        names = [publish_text(folder, "countries", _outlines(gazetteer)),
                 publish_text(folder, "states", _outlines(gazetteer, _STATES))]  # fmt: skip
        temporary = temporary_beside(memo, ".layers-")
        temporary.write_text("\n".join(names), encoding="utf-8")
        os.replace(temporary, memo)
    return LayerFiles(base + names[0], base + names[1])


_LAYERS_VERSION = 1  # raise when _outlines draws differently: a server then writes new files
