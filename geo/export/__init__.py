"""Files to take the result elsewhere: GeoJSON for GIS and web maps, KML for Google Earth, CSV
for spreadsheets, and (with the ``map`` and ``figure`` extras) the HTML briefing and the static
figures (PNG, SVG, PDF). :mod:`geo.export.formats` lists them all in one registry, with their
extensions, media types and writers; the command line and the app offer that one list.

Every function is pure and returns text or bytes; writing files is the caller's job.

>>> from geo.models import Analysis
>>> doc = to_geojson(Analysis("", None, ()))
>>> doc["type"], doc["features"]
('FeatureCollection', [])
"""

from __future__ import annotations

from typing import Literal

from geo.errors import InputError
from geo.export.formats import REGISTRY, ExportOptions, Format, by_name, write
from geo.export.geojson import to_geojson
from geo.export.kml import KML_NS, to_kml
from geo.export.tables import to_csv
from geo.models import Analysis

__all__ = [
    "FIGURE_FORMATS",
    "FORMATS",
    "KML_NS",
    "MEDIA_TYPES",
    "REGISTRY",
    "ExportOptions",
    "Format",
    "by_name",
    "export_bytes",
    "to_csv",
    "to_geojson",
    "to_kml",
    "write",
]

FORMATS = tuple(f.name for f in REGISTRY)
FIGURE_FORMATS = tuple(f.name for f in REGISTRY if f.figure)
MEDIA_TYPES = {f.name: f.media_type for f in REGISTRY}
_DATA_FORMATS = tuple(f.name for f in REGISTRY if not f.needs_gazetteer)


def export_bytes(
    analysis: Analysis, fmt: str, *, table: Literal["places", "events"] = "places"
) -> bytes:
    """The ``geojson``, ``kml`` or ``csv`` export as UTF-8 bytes, for download buttons.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.
    fmt
        ``geojson``, ``kml`` or ``csv``. The briefing and the figures need the gazetteer's
        outlines: use :func:`geo.export.write`.
    table
        Which CSV table, as in :func:`to_csv`.

    Raises
    ------
    InputError
        For any other format.
    """
    if fmt not in _DATA_FORMATS:
        if fmt in FORMATS:
            raise InputError(f"a {fmt} file is drawn over the outlines: use geo.export.write")
        raise InputError(f"cannot export {fmt!r} as bytes; choose geojson, kml or csv")
    return write(fmt, analysis, options=ExportOptions(table=table))
