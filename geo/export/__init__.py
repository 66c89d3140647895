"""Files to take the result elsewhere: GeoJSON for GIS and web maps, KML for Google Earth, CSV
for spreadsheets. The static figures (PNG, SVG, PDF) are drawn by
:func:`geo.report.figure.render_figure`; their formats are listed here too, so that the command
line and the app offer one list.

Every function is pure and returns text; writing files is the caller's job.

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
from geo.export.tables import to_csv
from geo.models import Analysis

__all__ = [
    "FIGURE_FORMATS",
    "FORMATS",
    "KML_NS",
    "MEDIA_TYPES",
    "export_bytes",
    "to_csv",
    "to_geojson",
    "to_kml",
]

FORMATS = ("geojson", "kml", "csv", "png", "svg", "pdf")
FIGURE_FORMATS = ("png", "svg", "pdf")
MEDIA_TYPES = {
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
    "csv": "text/csv",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
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
        ``geojson``, ``kml`` or ``csv``. A figure needs the gazetteer's outlines: use
        :func:`geo.report.figure.render_figure`.
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
    if fmt in FIGURE_FORMATS:
        raise InputError(f"a {fmt} figure is drawn by geo.report.figure.render_figure")
    raise InputError(f"cannot export {fmt!r} as bytes; choose geojson, kml or csv")
