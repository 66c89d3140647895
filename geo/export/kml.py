"""KML 2.2 of an analysis, for Google Earth, built with ElementTree so that all is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import Any

from geo.export.geojson import (
    DECIMALS,
    claim_features,
    event_features,
    kml_when,
    place_features,
    route_features,
)
from geo.models import Analysis, PlaceKind, Verdict
from geo.report.safe import html, xml_text

KML_NS = "http://www.opengis.net/kml/2.2"
_QUOTES_IN_KML = 5  # a country mentioned 40 times still gets a readable balloon

# --- KML -----------------------------------------------------------------------------------

_KIND_RGB = {
    PlaceKind.CONTINENT: "6a3d9a",
    PlaceKind.COUNTRY: "1f78b4",
    PlaceKind.REGION: "a6cee3",
    PlaceKind.ADMIN1: "33a02c",
    PlaceKind.COUNTY: "b2df8a",
    PlaceKind.CITY: "e31a1c",
    PlaceKind.WATER: "00bcd4",
    PlaceKind.LANDMARK: "ff7f00",
    PlaceKind.BORDER: "000000",
    PlaceKind.FACILITY: "b15928",
}
_VERDICT_RGB = {
    Verdict.HOLDS: "1a9641",
    Verdict.LOOSE: "fdae61",
    Verdict.OFF: "d7191c",
    Verdict.UNCHECKABLE: "808080",
}
_ICON = "https://maps.google.com/mapfiles/kml/shapes/shaded_dot.png"


def to_kml(analysis: Analysis) -> str:
    """A KML 2.2 document for Google Earth, with folders Places, Events, Routes and Claims.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.

    Returns
    -------
    str
        Indented XML with its declaration, to be written as UTF-8. It is built with
        :mod:`xml.etree.ElementTree`, so all text from the article is escaped; descriptions,
        which Google Earth shows as HTML, are HTML-escaped first, with ``<br>`` between
        lines. Events with a date carry a ``TimeStamp`` for Google Earth's time slider.

    Examples
    --------
    >>> from geo.models import Analysis
    >>> to_kml(Analysis("", None, ())).splitlines()[0]
    '<?xml version="1.0" encoding="UTF-8"?>'
    """
    root = ET.Element("kml", xmlns=KML_NS)
    document = ET.SubElement(root, "Document")
    _text(document, "name", f"newsmap: {_title(analysis.text)}")
    about = "Places, events, journeys and distance claims found by newsmap"
    if analysis.published:
        about += f" in an article published {analysis.published.isoformat()}"
    _description(document, [about + ".", "", *analysis.credits])
    _styles(document)
    folders = {
        "Places": place_features(analysis),
        "Events": event_features(analysis),
        "Routes": route_features(analysis),
        "Claims": claim_features(analysis),
    }
    for title, features in folders.items():
        folder = ET.SubElement(document, "Folder")
        _text(folder, "name", title)
        for feature in features:
            _placemark(folder, feature)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = xml_text(text)
    return element


def _description(parent: ET.Element, lines: list[str]) -> None:
    # Google Earth renders descriptions as HTML (and may run scripts in them), so the
    # article's text is escaped for HTML here and once more for XML by ElementTree.
    _text(parent, "description", "<br>".join(html(line) for line in lines))


def _title(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat or "empty article"
    return flat[:limit].rstrip() + "…"


def _kml_color(rgb: str, alpha: str = "ff") -> str:
    """KML orders colours alpha, blue, green, red."""
    return alpha + rgb[4:6] + rgb[2:4] + rgb[0:2]


def _styles(document: ET.Element) -> None:
    for kind, rgb in _KIND_RGB.items():
        _point_style(document, f"place-{kind.value}", rgb)
    _point_style(document, "event", "ffd700")
    for verdict, rgb in _VERDICT_RGB.items():
        _line_style(document, _verdict_style(verdict.value), rgb, 3)
    for schematic in (False, True):
        for stated in (False, True):
            rgb = "7f7f7f" if schematic else "3f51b5"
            _line_style(document, _route_style(schematic, stated), rgb, 4 if stated else 2)


def _point_style(document: ET.Element, style_id: str, rgb: str) -> None:
    style = ET.SubElement(document, "Style", id=style_id)
    icon_style = ET.SubElement(style, "IconStyle")
    _text(icon_style, "color", _kml_color(rgb))
    icon = ET.SubElement(icon_style, "Icon")
    _text(icon, "href", _ICON)


def _line_style(document: ET.Element, style_id: str, rgb: str, width: int) -> None:
    style = ET.SubElement(document, "Style", id=style_id)
    line_style = ET.SubElement(style, "LineStyle")
    _text(line_style, "color", _kml_color(rgb, "cc"))
    _text(line_style, "width", str(width))


def _verdict_style(verdict: str) -> str:
    return "claim-" + verdict.replace(" ", "-")


def _route_style(schematic: bool, stated: bool) -> str:
    return f"route-{'schematic' if schematic else 'geodesic'}-{'stated' if stated else 'inferred'}"


def _placemark(folder: ET.Element, feature: dict[str, Any]) -> None:
    p = feature["properties"]
    placemark = ET.SubElement(folder, "Placemark")
    _text(placemark, "name", p["name"])
    kind = p["feature"]
    if kind == "place":
        style, lines = f"place-{p['kind']}", _place_description(p)
    elif kind == "event":
        style, lines = "event", _event_description(p)
        moment = kml_when(p["time"])
        if moment:
            _text(ET.SubElement(placemark, "TimeStamp"), "when", moment)
    elif kind == "route":
        style, lines = _route_style(p["schematic"], p["stated"]), _route_description(p)
    else:
        style, lines = _verdict_style(p["verdict"]), [p["summary"], "", p["sentence"]]
    _description(placemark, lines)
    _text(placemark, "styleUrl", f"#{style}")
    _kml_geometry(placemark, feature["geometry"])


def _place_description(p: dict[str, Any]) -> list[str]:
    what = ", ".join(x for x in (p["kind"], p["country_code"]) if x)
    lines = [
        f"{p['name']} ({what})",
        f"Mentioned {p['mentions']} time(s) as {' and '.join(p['references'])}; "
        f"confidence {p['confidence']:.2f}",
        "",
    ]
    sources = p["sources"]
    lines += [f"“{s['text']}”" for s in sources[:_QUOTES_IN_KML]]
    if len(sources) > _QUOTES_IN_KML:
        lines.append(f"… and {len(sources) - _QUOTES_IN_KML} more")
    return lines


def _event_description(p: dict[str, Any]) -> list[str]:
    places = "; ".join(
        f"{x['place']['name'] if x['place'] else x['text']} ({x['role']})" for x in p["places"]
    )
    lines = [
        f"{p['action']}: {', '.join(p['actors']) or 'no actor named'}",
        f"Where: {places}",
        f"When: {p['time_label'] or 'not said'}",
        f"Certainty: {p['certainty']}" + (f", according to {p['source']}" if p["source"] else ""),
    ]
    return [*lines, "", p["sentence"]["text"]]


def _route_description(p: dict[str, Any]) -> list[str]:
    lines = [
        f"{p['actor'] or 'Unnamed traveller'} by {p['mode']}: {p['from']} → {p['to']}",
        f"{p['length_km']:,.1f} km ({p['length_kind']})",
    ]
    if p["via"]:
        lines.append(f"Via {p['via']}")
    if p["schematic"]:
        lines.append("Schematic: the article does not say which way it ran.")
    if not p["stated"]:
        lines.append("Inferred: the article does not name both ends of this leg.")
    return lines


def _kml_geometry(placemark: ET.Element, geometry: dict[str, Any]) -> None:
    if geometry["type"] == "Point":
        point = ET.SubElement(placemark, "Point")
        _text(point, "coordinates", _kml_positions([geometry["coordinates"]]))
        return
    parts = (
        [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
    )
    parent = placemark if len(parts) == 1 else ET.SubElement(placemark, "MultiGeometry")
    for part in parts:
        line = ET.SubElement(parent, "LineString")
        _text(line, "tessellate", "1")
        _text(line, "coordinates", _kml_positions(part))


def _kml_positions(positions: Iterable[Sequence[float]]) -> str:
    return " ".join(f"{_number(lon)},{_number(lat)}" for lon, lat in positions)


def _number(x: float) -> str:
    """Fixed-point text (KML readers do not all accept ``1e-05``)."""
    text = f"{x:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
