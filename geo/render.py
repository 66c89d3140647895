"""The map: places, routes, events with a timeline, and checked claims, drawn with folium on an
offline basemap (Natural Earth outlines), with OpenStreetMap tiles as an opt-in layer.

Text from outside (the article, the gazetteer) reaches the page only through
:mod:`geo.report.safe` and the map's own elements in :mod:`geo.controls`: popups and tooltips
are HTML escaped here and handed to the page as data by :class:`~geo.controls.Bindings`,
never through folium's ``Popup`` or ``Tooltip``, whose text branca compiles as a Jinja
template.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import folium
import shapely
from branca.element import Figure

from geo.assets import inline_head
from geo.controls import Binding, Bindings, Legend, Outlines, RawText, Timeline
from geo.gazetteer import Gazetteer
from geo.models import (
    Analysis,
    Leg,
    Mention,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.report.safe import html
from geo.report.style import KIND_COLOURS, ORGANISATION_COLOUR, ROUTE_COLOURS, VERDICT_COLOURS

__all__ = ["build_map", "figure_of", "quote_html"]

_OUTLINE_STYLE = {"fillColor": "#eef0f2", "color": "#9aa3ab", "weight": 0.6, "fillOpacity": 1.0}
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


def figure_of(fmap: folium.Map) -> Figure:
    root = fmap.get_root()
    assert isinstance(root, Figure)
    return root


def quote_html(analysis: Analysis, sentence: Span, focus: Span | Mention) -> str:
    """The sentence around ``focus`` as HTML, escaped, with ``focus`` marked."""
    before, marked, after = analysis.quote_parts(sentence, focus)
    return f"{html(before)}<mark>{html(marked)}</mark>{html(after)}"


def _place_popup(analysis: Analysis, place: Place, mentions: Sequence[PlaceMention]) -> str:
    confidence = max(m.confidence for m in mentions)
    lines = [
        f"<b>{html(place.name)}</b>",
        f"{html(place.kind.value)}{', ' + html(place.country_code) if place.country_code else ''}",
        f"{place.coordinate.lat:.4f}, {place.coordinate.lon:.4f} · confidence {confidence:.2f}",
        f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''}:",
    ]
    quotes = [f"<li>{quote_html(analysis, m.sentence, m.mention)}</li>" for m in mentions[:8]]
    more = f"<li>… and {len(mentions) - 8} more</li>" if len(mentions) > 8 else ""
    return "<br>".join(lines) + f"<ul class='newsmap-quotes'>{''.join(quotes)}{more}</ul>"


@lru_cache(maxsize=4)
def _outlines(gazetteer: Gazetteer) -> str:
    """Natural Earth country outlines, simplified, as GeoJSON text of bare geometries."""
    features = []
    for _place, shape in gazetteer.shapes(PlaceKind.COUNTRY):
        simple = shapely.set_precision(shapely.simplify(shape, 0.04, preserve_topology=True), 0.001)
        if simple.is_empty:
            continue
        # geometry only: the outlines are not interactive, and no name needs to reach the page
        features.append({"type": "Feature", "geometry": shapely.geometry.mapping(simple)})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def build_map(
    analysis: Analysis,
    gazetteer: Gazetteer,
    *,
    show_organisations: bool = True,
    min_confidence: float = 0.0,
    online_tiles: bool = False,
    height: str = "100%",
    asset_base: str = "",
    compact: bool = False,
) -> folium.Map:
    """The story's map. ``online_tiles`` shows the OpenStreetMap layer at first (it is always
    offered, switched off, in the layer control). Leaflet and jQuery are inlined, unless
    ``asset_base`` names the local address where :func:`geo.assets.publish` put them (the
    app's server: ``/app/static/``). ``compact`` folds the layer control and the legend, for
    a small map beside other panels."""
    fmap = folium.Map(location=(20, 0), zoom_start=2, tiles=None, control_scale=True,
                      height=height, world_copy_jump=True)  # fmt: skip
    if asset_base:  # served by the local server, never a CDN
        fmap.default_js = [("leaflet", f"{asset_base}leaflet.js"),
                           ("jquery", f"{asset_base}jquery.min.js")]  # fmt: skip
        fmap.default_css = [("leaflet_css", f"{asset_base}leaflet.css")]
    else:  # inlined, for a file that opens anywhere
        fmap.default_js = []
        fmap.default_css = []
        figure_of(fmap).header.add_child(RawText(inline_head()), name="newsmap_assets")
    fmap.add_child(Outlines(fmap.get_name(), _outlines(gazetteer), _OUTLINE_STYLE))
    folium.TileLayer(OSM_TILES, name="OpenStreetMap (online)", attr=OSM_ATTRIBUTION,
                     overlay=True, show=online_tiles, max_zoom=19).add_to(fmap)  # fmt: skip

    shown = [m for m in analysis.resolved if m.confidence >= min_confidence]
    bindings: list[Binding] = []
    everywhere = _add_places(fmap, analysis, shown, show_organisations, bindings)
    # fit the story: where its journeys and events are, else every place it names
    bounds = (
        _add_routes(fmap, analysis, bindings)
        + [
            p.coordinate.latlon()
            for e in analysis.events
            for ep in e.where
            if (p := analysis.mentions[ep.mention].place) is not None
        ]
        or everywhere
    )
    _add_claims(fmap, analysis, bindings)
    _add_events(fmap, analysis, bindings)
    fmap.add_child(Bindings(bindings))
    folium.LayerControl(collapsed=compact).add_to(fmap)
    legend_kinds = (PlaceKind.CITY, PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.BORDER)
    fmap.add_child(
        Legend(
            [(KIND_COLOURS[k], k.value) for k in legend_kinds],
            [(c, v.value) for v, c in VERDICT_COLOURS.items()],
            compact=compact,
        )
    )
    if bounds:
        lats, lons = [b[0] for b in bounds], [b[1] for b in bounds]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30))
    return fmap


def _add_places(
    fmap: folium.Map,
    analysis: Analysis,
    shown: Sequence[PlaceMention],
    show_organisations: bool,
    bindings: list[Binding],
) -> list[tuple[float, float]]:
    locations = folium.FeatureGroup(name="Places", show=True)
    organisations = folium.FeatureGroup(name="Governments and organisations",
                                        show=show_organisations)  # fmt: skip
    grouped: dict[tuple[str, Reference], list[PlaceMention]] = defaultdict(list)
    for m in shown:
        assert m.place is not None
        grouped[(m.place.id, m.reference)].append(m)
    bounds = []
    for (_, reference), mentions in grouped.items():
        place = mentions[0].place
        assert place is not None
        organisation = reference is Reference.ORGANISATION
        colour = KIND_COLOURS.get(place.kind, "#555")
        marker = folium.CircleMarker(
            place.coordinate.latlon(),
            radius=5 + 3 * math.sqrt(len(mentions)),
            color=ORGANISATION_COLOUR if organisation else colour,
            weight=3 if organisation else 1.5,
            fill=True,
            fill_color=colour,
            fill_opacity=0.75,
        ).add_to(organisations if organisation else locations)
        tooltip = html(place.name + (" (organisation)" if organisation else ""))
        bindings.append(Binding(marker.get_name(), _place_popup(analysis, place, mentions),
                                tooltip))  # fmt: skip
        if place.kind not in (PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.WATER):
            bounds.append(place.coordinate.latlon())
    locations.add_to(fmap)
    organisations.add_to(fmap)
    return bounds


def _lines(leg_geometry: Any) -> list[list[tuple[float, float]]]:
    """A leg's geometry as lat/lon lists for folium, one per part."""
    parts = getattr(leg_geometry, "geoms", [leg_geometry])
    return [[(y, x) for x, y in part.coords] for part in parts]


def _arrowhead(leg: Leg) -> list[tuple[float, float]]:
    """A small "V" at the end of a leg, pointing the way it goes."""
    (*_, (x0, y0), (x1, y1)) = list(getattr(leg.geometry, "geoms", [leg.geometry])[-1].coords)
    angle = math.atan2(y1 - y0, x1 - x0)
    size = max(0.15, min(1.5, leg.length_km / 400))
    left = (y1 - size * math.sin(angle - 0.45), x1 - size * math.cos(angle - 0.45))
    right = (y1 - size * math.sin(angle + 0.45), x1 - size * math.cos(angle + 0.45))
    return [left, (y1, x1), right]


def _add_routes(
    fmap: folium.Map, analysis: Analysis, bindings: list[Binding]
) -> list[tuple[float, float]]:
    group = folium.FeatureGroup(name="Routes", show=True)
    bounds = []
    for n, journey in enumerate(analysis.journeys):
        colour = ROUTE_COLOURS[n % len(ROUTE_COLOURS)]
        who = journey.actor or "Unnamed traveller"
        for leg in journey.legs:
            kind = "straight line, schematic" if leg.schematic else "geodesic"
            label = html(f"{who}: {leg.start.name} → {leg.end.name}, {leg.mode.value}, "
                         f"{leg.length_km:,.0f} km ({kind})")  # fmt: skip
            dash = "8 6" if leg.schematic else None
            for part in _lines(leg.geometry):
                line = folium.PolyLine(part, color=colour, weight=4, opacity=0.85,
                                       dash_array=dash).add_to(group)  # fmt: skip
                bindings.append(Binding(line.get_name(), tooltip_html=label, sticky=True))
                bounds += part
            folium.PolyLine(_arrowhead(leg), color=colour, weight=4, opacity=0.9).add_to(group)
            middle = leg.geometry.interpolate(0.5, normalized=True)
            folium.Marker(
                (middle.y, middle.x),
                icon=folium.DivIcon(  # a number only: nothing from the article
                    html=f"<div class='newsmap-length'>{leg.length_km:,.0f} km"
                         f"{'*' if leg.schematic else ''}</div>",
                    icon_size=(80, 18), icon_anchor=(40, 9), class_name="newsmap-label",
                ),
            ).add_to(group)  # fmt: skip
    group.add_to(fmap)
    return bounds


def _add_claims(fmap: folium.Map, analysis: Analysis, bindings: list[Binding]) -> None:
    group = folium.FeatureGroup(name="Checked claims", show=True)
    for claim in analysis.claims:
        if claim.subject is None or claim.reference is None:
            continue
        a, b = analysis.mentions[claim.reference].place, analysis.mentions[claim.subject].place
        if a is None or b is None:
            continue
        colour = VERDICT_COLOURS[claim.verdict]
        text = html(f"{claim.verdict.value.upper()}: “{claim.text}” — {claim.reason}")
        line = folium.PolyLine([a.coordinate.latlon(), b.coordinate.latlon()], color=colour,
                               weight=3, dash_array="2 6").add_to(group)  # fmt: skip
        bindings.append(Binding(line.get_name(), tooltip_html=text, sticky=True))
    group.add_to(fmap)


def _add_events(fmap: folium.Map, analysis: Analysis, bindings: list[Binding]) -> None:
    group = folium.FeatureGroup(name="Events", show=True)
    steps: list[tuple[str, str]] = []
    for event in analysis.events:
        located = [p for ep in event.where if (p := analysis.mentions[ep.mention].place)]
        if not located:
            continue
        place = located[0]
        when = (
            event.time.value.label
            if event.time and event.time.value
            else (event.time.text if event.time else "date unknown")
        )
        popup = (
            f"<b>{html(when)}</b> · {html(event.action.value)} · {html(event.certainty.value)}"
            f"<br>{html(', '.join(event.actors) or 'no named actor')} — {html(place.name)}"
            f"{('<br>source: ' + html(event.source)) if event.source else ''}"
            f"<p class='newsmap-quote'>{quote_html(analysis, event.sentence, event.trigger)}</p>"
        )
        marker = folium.CircleMarker(
            place.coordinate.latlon(), radius=6, color="#111", weight=2, fill=True,
            fill_color="#ffffff", fill_opacity=0.9,
        ).add_to(group)  # fmt: skip
        bindings.append(Binding(marker.get_name(), popup, html(f"{when}: {event.action.value}")))
        steps.append((f"{when}: {event.action.value} — {place.name}", marker.get_name()))
    group.add_to(fmap)
    if steps:
        fmap.add_child(Timeline(group.get_name(), steps))
