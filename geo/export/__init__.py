"""Files to take the result elsewhere: GeoJSON for GIS and web maps, KML for Google Earth, CSV
for spreadsheets, and a PNG screenshot of the rendered map taken with headless Chromium.

Every function but :func:`to_png` is pure and returns text; writing files is the caller's job.

>>> from geo.models import Analysis
>>> doc = to_geojson(Analysis("", None, ()))
>>> doc["type"], doc["features"]
('FeatureCollection', [])
"""

from __future__ import annotations

import json
from typing import Literal

from geo.errors import InputError
from geo.export.geojson import to_geojson
from geo.export.kml import KML_NS, to_kml
from geo.export.snapshot import to_png
from geo.export.tables import to_csv
from geo.models import Analysis

__all__ = [
    "FORMATS",
    "KML_NS",
    "MEDIA_TYPES",
    "export_bytes",
    "to_csv",
    "to_geojson",
    "to_kml",
    "to_png",
]

FORMATS = ("geojson", "kml", "csv", "png")
MEDIA_TYPES = {
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
    "csv": "text/csv",
    "png": "image/png",
}


def export_bytes(
    analysis: Analysis, fmt: str, *, table: Literal["places", "events"] = "places"
) -> bytes:
    """The ``geojson``, ``kml`` or ``csv`` export as UTF-8 bytes, for download buttons.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.
    fmt
        ``geojson``, ``kml`` or ``csv``. A PNG needs a rendered page and a browser: use
        :func:`to_png`.
    table
        Which CSV table, as in :func:`to_csv`.

    Raises
    ------
    InputError
        For any other format.
    """
    if fmt == "geojson":
        return json.dumps(to_geojson(analysis), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "kml":
        return to_kml(analysis).encode("utf-8")
    if fmt == "csv":
        return to_csv(analysis, table).encode("utf-8")
    raise InputError(f"cannot export {fmt!r} as bytes; choose geojson, kml or csv")
