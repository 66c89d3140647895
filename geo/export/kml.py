"""KML 2.2 of an analysis, for Google Earth, built with ElementTree so that all is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from shapely.geometry.base import BaseGeometry

from geo.export.geojson import DECIMALS
from geo.models import Analysis
from geo.report.safe import html, xml_text
from geo.report.views import EventView, LegView, PlaceView, Report, as_report

KML_NS = "http://www.opengis.net/kml/2.2"
_QUOTES_IN_KML = 5  # a country mentioned 40 times still gets a readable balloon
_ICON = "https://maps.google.com/mapfiles/kml/shapes/shaded_dot.png"  # Google Earth's own
_EVENT_COLOUR = "#ffd700"

# --- KML -----------------------------------------------------------------------------------


def to_kml(source: Analysis | Report) -> str:
    """A KML 2.2 document for Google Earth, with folders Places, Events, Routes and Claims.

    Parameters
    ----------
    source
        The result of :func:`geo.analyze`, or its :class:`~geo.report.views.Report`; the
        placemarks are written from the report's views, in the palette of the map.

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
    report = as_report(source)
    analysis = report.analysis
    root = ET.Element("kml", xmlns=KML_NS)
    document = ET.SubElement(root, "Document")
    _text(document, "name", f"newsmap: {_title(analysis.text)}")
    about = "Places, events, journeys and distance claims found by newsmap"
    if analysis.published:
        about += f" in an article published {analysis.published.isoformat()}"
    _description(document, [about + ".", "", *report.credits])
    styles = _Styles(document)
    folder = _folder(document, "Places")
    for place in report.places:
        mark = _placemark(
            folder, place.name, styles.point(_place_style(place), place.colour), _place_lines(place)
        )
        _point(mark, place.lonlat)
    folder = _folder(document, "Events")
    for event in report.events:
        if event.point is None:
            continue
        mark = _placemark(
            folder, event.title, styles.point("event", _EVENT_COLOUR), _event_lines(event)
        )
        if event.stamp:
            _text(ET.SubElement(mark, "TimeStamp"), "when", event.stamp)
        _point(mark, event.point)
    folder = _folder(document, "Routes")
    for leg in report.legs:
        stated = "stated" if leg.leg.stated else "inferred"
        style = styles.line(f"route-{leg.journey}-{stated}", leg.colour, 4 if leg.leg.stated else 2)
        mark = _placemark(folder, leg.title, style, _leg_lines(leg))
        _lines(mark, leg.leg.geometry)
    folder = _folder(document, "Claims")
    for claim in report.claims:
        if claim.line is None:
            continue
        lines = [claim.claim.reason, "", claim.sentence]
        style = styles.line("claim-" + claim.verdict.replace(" ", "-"), claim.colour, 3)
        mark = _placemark(folder, claim.text, style, lines)
        _lines(mark, claim.line)
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


def _kml_color(colour: str, alpha: str = "ff") -> str:
    """KML orders colours alpha, blue, green, red: ``#c0392b`` is ``ff2b39c0``."""
    rgb = colour.lstrip("#")
    return alpha + rgb[4:6] + rgb[2:4] + rgb[0:2]


class _Styles:
    """The document's shared styles, named for what they mark (``place-city``,
    ``claim-off``, ``route-1-stated``), each made on first use."""

    def __init__(self, document: ET.Element) -> None:
        self._document = document
        self._made: set[str] = set()

    def point(self, style_id: str, colour: str) -> str:
        if style_id not in self._made:
            style = self._style(style_id)
            icon_style = ET.SubElement(style, "IconStyle")
            _text(icon_style, "color", _kml_color(colour))
            _text(ET.SubElement(icon_style, "Icon"), "href", _ICON)
        return style_id

    def line(self, style_id: str, colour: str, width: int) -> str:
        if style_id not in self._made:
            line_style = ET.SubElement(self._style(style_id), "LineStyle")
            _text(line_style, "color", _kml_color(colour, "cc"))
            _text(line_style, "width", str(width))
        return style_id

    def _style(self, style_id: str) -> ET.Element:
        self._made.add(style_id)
        # styles go before the folders, where Google Earth looks for them first
        style = ET.Element("Style", id=style_id)
        self._document.insert(2 + len(self._made) - 1, style)
        return style


def _place_style(view: PlaceView) -> str:
    return "place-" + ("organisation" if view.organisation else view.place.kind.value)


def _folder(document: ET.Element, name: str) -> ET.Element:
    folder = ET.SubElement(document, "Folder")
    _text(folder, "name", name)
    return folder


def _placemark(folder: ET.Element, name: str, style: str, lines: list[str]) -> ET.Element:
    placemark = ET.SubElement(folder, "Placemark")
    _text(placemark, "name", name)
    _description(placemark, lines)
    _text(placemark, "styleUrl", f"#{style}")
    return placemark


def _place_lines(view: PlaceView) -> list[str]:
    what = ", ".join(x for x in (view.kind, view.place.country_code) if x)
    lines = [
        f"{view.name} ({what})",
        f"Mentioned {len(view.mentions)} time(s) as {' and '.join(view.references)}; "
        f"confidence {view.confidence:.2f}",
        "",
    ]
    lines += [f"“{m.quote}”" for m in view.mentions[:_QUOTES_IN_KML]]
    if len(view.mentions) > _QUOTES_IN_KML:
        lines.append(f"… and {len(view.mentions) - _QUOTES_IN_KML} more")
    return lines


def _event_lines(view: EventView) -> list[str]:
    lines = [
        f"{view.what}: {view.who or 'no actor named'}",
        f"Where: {'; '.join(view.where)}",
        f"When: {view.when or 'not said'}",
        f"Certainty: {view.certainty}" + (f", according to {view.source}" if view.source else ""),
    ]
    return [*lines, "", view.sentence]


def _leg_lines(view: LegView) -> list[str]:
    leg = view.leg
    lines = [
        f"{view.traveller} by {leg.mode.value}: {leg.start.name} → {leg.end.name}",
        f"{leg.length_km:,.1f} km ({view.length_kind})",
    ]
    if leg.via:
        lines.append(f"Via {leg.via.name}")
    if leg.schematic:
        lines.append("Schematic: the article does not say which way it ran.")
    if not leg.stated:
        lines.append("Inferred: the article does not name both ends of this leg.")
    return lines


def _point(placemark: ET.Element, lonlat: tuple[float, float]) -> None:
    point = ET.SubElement(placemark, "Point")
    _text(point, "coordinates", _kml_positions([lonlat]))


def _lines(placemark: ET.Element, geometry: BaseGeometry) -> None:
    parts = list(getattr(geometry, "geoms", [geometry]))
    parent = placemark if len(parts) == 1 else ET.SubElement(placemark, "MultiGeometry")
    for part in parts:
        line = ET.SubElement(parent, "LineString")
        _text(line, "tessellate", "1")
        _text(line, "coordinates", _kml_positions(part.coords))


def _kml_positions(positions: Iterable[Sequence[float]]) -> str:
    return " ".join(f"{_number(lon)},{_number(lat)}" for lon, lat in positions)


def _number(x: float) -> str:
    """Fixed-point text (KML readers do not all accept ``1e-05``)."""
    text = f"{x:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
