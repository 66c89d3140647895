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

import shapely

from geo.assets import publish_text
from geo.atomic import temporary_beside
from geo.controls import Outlines
from geo.gazetteer import Gazetteer
from geo.models import PlaceKind

__all__ = ["LayerFiles", "country_outlines", "publish_layers", "state_outlines"]

_STATES = PlaceKind.ADMIN1  # the kind with shapes below countries: US states
_STATE_STYLE = {"color": "#b9bfc5", "weight": 0.6, "fill": False}
_OUTLINE_STYLE = {"fillColor": "#f4f4f1", "color": "#9aa3ab", "weight": 0.6, "fillOpacity": 1.0}


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
    map_name: str, gazetteer: Gazetteer, countries: Outlines, url: str = ""
) -> Outlines:
    """The lines between US states, drawn over ``countries`` (for a US story, so that a
    local map is not a blank of land); fetched from ``url`` when one is given."""
    data = "" if url else _outlines(gazetteer, _STATES)
    return Outlines(map_name, data, _STATE_STYLE, layer="states", url=url, after=countries)


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
