"""The map: places, routes, events with a timeline, and checked claims, drawn with folium on an
offline basemap (Natural Earth outlines), with OpenStreetMap tiles as an opt-in layer.

Text from outside (the article, the gazetteer) reaches the page only through
:mod:`geo.report.safe` and the map's own elements in :mod:`geo.controls`: popups and tooltips
are HTML escaped here and handed to the page as data by :class:`~geo.controls.Bindings`,
never through folium's ``Popup`` or ``Tooltip``, whose text branca compiles as a Jinja
template.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import folium
from branca.element import Figure

from geo.assets import inline_head
from geo.controls import Binding, Bindings, Legend, RawText, Timeline
from geo.framing import FIT_MAX_ZOOM, MAX_ZOOM, overview_frame, story_frame
from geo.gazetteer import Gazetteer
from geo.lang.en_places import KIND_WORDS
from geo.mapview import Label, LabelKind, StoryView
from geo.models import (
    Analysis,
    Event,
    Leg,
    Mention,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.outlines import LayerFiles, country_outlines, state_outlines
from geo.report.safe import html
from geo.report.style import KIND_COLOURS, ORGANISATION_COLOUR, VERDICT_COLOURS
from geo.report.views import Report, build_report, when_label

__all__ = ["build_map", "country_outlines", "figure_of", "quote_html"]

_WORLD = [[-60.0, -170.0], [75.0, 190.0]]  # a story with no place at all opens on the world
_LABEL_RANKS = (8.0, 3.0)  # importance (see geo.framing.importance) for a large, a middle label
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
        html(", ".join(x for x in (KIND_WORDS[place.kind], place.country_code) if x)),
        f"{place.coordinate.lat:.4f}, {place.coordinate.lon:.4f} · confidence {confidence:.2f}",
        f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''}:",
    ]
    quotes = [f"<li>{quote_html(analysis, m.sentence, m.mention)}</li>" for m in mentions[:8]]
    more = f"<li>… and {len(mentions) - 8} more</li>" if len(mentions) > 8 else ""
    return "<br>".join(lines) + f"<ul class='newsmap-quotes'>{''.join(quotes)}{more}</ul>"


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
    report: Report | None = None,
    layer_files: LayerFiles | None = None,
) -> folium.Map:
    """The story's map. ``online_tiles`` shows the OpenStreetMap layer at first (it is always
    offered, switched off, in the layer control). Leaflet and jQuery are inlined, unless
    ``asset_base`` names the local address where :func:`geo.assets.publish` put Leaflet (the
    app's server: ``/app/static/``; jQuery is left out there, as nothing of this map uses
    it). ``compact`` folds the layer control and the legend, for a small map beside other
    panels. ``report`` is the result's view, where the caller has built it already.
    ``layer_files`` are the addresses of the outlines on a local server
    (:func:`geo.outlines.publish_layers`): the page fetches them there (once; the browser
    keeps them) instead of carrying them, some 700 KB."""
    report = report or build_report(analysis)
    fmap = folium.Map(location=(20, 0), zoom_start=2, tiles=None, control_scale=True,
                      height=height, world_copy_jump=True,
                      scroll_wheel_zoom=False)  # fmt: skip
    if asset_base:  # served by the local server, never a CDN
        # Leaflet alone: nothing of this map calls jQuery (popups are bound from data by
        # Bindings), and streamlit-folium loads each script only after the one before
        fmap.default_js = [("leaflet", f"{asset_base}leaflet.js")]
        fmap.default_css = [("leaflet_css", f"{asset_base}leaflet.css")]
    else:  # inlined, for a file that opens anywhere
        fmap.default_js = []
        fmap.default_css = []
        figure_of(fmap).header.add_child(RawText(inline_head()), name="newsmap_assets")
    outlines = country_outlines(fmap.get_name(), gazetteer,
                                layer_files.countries if layer_files else "")  # fmt: skip
    fmap.add_child(outlines)
    if any(m.place is not None and m.place.country_code == "US" for m in analysis.resolved):
        # a US story gets its states' lines, so that a local map is not a blank of land
        states = state_outlines(fmap.get_name(), gazetteer, outlines,
                                layer_files.states if layer_files else "")  # fmt: skip
        fmap.add_child(states)
    folium.TileLayer(OSM_TILES, name="OpenStreetMap (online)", attr=OSM_ATTRIBUTION,
                     overlay=True, show=online_tiles, max_zoom=19).add_to(fmap)  # fmt: skip

    shown = [m for m in analysis.resolved if m.confidence >= min_confidence]
    bindings: list[Binding] = []
    places, radii = _add_places(analysis, shown, show_organisations, bindings)
    leg_labels = _add_routes(fmap, report, bindings)
    _add_claims(fmap, report, bindings)
    rings = _add_events(fmap, analysis, bindings, radii)
    outer = {k: (lat, lon, max(r, rings.get(k, 0.0) + 1.5)) for k, (lat, lon, r) in radii.items()}
    for group in places:  # last, so that no line or ring takes a place marker's clicks
        group.add_to(fmap)
    fmap.add_child(Bindings(bindings))
    folium.LayerControl(collapsed=compact).add_to(fmap)
    kinds = sorted({m.place.kind for m in shown if m.place is not None},
                   key=list(PlaceKind).index)  # fmt: skip
    fmap.add_child(
        Legend(
            [(KIND_COLOURS.get(k, "#555"), KIND_WORDS[k]) for k in kinds],
            [(c, v.value) for v, c in VERDICT_COLOURS.items()] if analysis.claims else [],
            journeys=list({v.journey: (v.colour, v.traveller) for v in report.legs}.values()),
            compact=compact,
        )
    )
    story, overview = story_frame(analysis), overview_frame(analysis)
    fmap.add_child(
        StoryView(
            fmap.get_name(),
            story.bounds() if story else _WORLD,
            overview.bounds() if overview else _WORLD,
            _labels(report, shown, outer, leg_labels),
            list(outer.values()),
            outlines=outlines.variable,
            fit_max_zoom=FIT_MAX_ZOOM,
            max_zoom=MAX_ZOOM,
            inset=not compact,
        )
    )
    return fmap


def _labels(
    report: Report,
    shown: Sequence[PlaceMention],
    radii: dict[str, tuple[float, float, float]],
    legs: Sequence[Label],
) -> list[Label]:
    """Every shown place's name, the most important first, and each leg's length after the
    names of the journeys' stops."""
    score = {v.place.id: v.importance for v in report.places}
    places = {m.place.id: m.place for m in shown if m.place is not None}
    order = sorted(places.values(), key=lambda p: (-score.get(p.id, 0), p.name))
    names = []
    for n, place in enumerate(order):
        value = max(score.get(place.id, 0), _LABEL_RANKS[0] if n == 0 else 0)  # the main place
        rank = 0 if value >= _LABEL_RANKS[0] else 1 if value >= _LABEL_RANKS[1] else 2
        css = LabelKind.COUNTRY if place.kind is PlaceKind.COUNTRY else LabelKind.PLACE
        lat, lon, radius = radii.get(place.id, (*place.coordinate.latlon(), 5.0))
        names.append(Label(lat, lon, place.name, f"{css} rank-{rank}", radius))
    stops = {p.id for v in report.legs for p in (v.leg.start, v.leg.end)}
    first = [n for n, p in zip(names, order, strict=True) if p.id in stops]
    rest = [n for n, p in zip(names, order, strict=True) if p.id not in stops]
    return first + list(legs) + rest


def _add_places(
    analysis: Analysis,
    shown: Sequence[PlaceMention],
    show_organisations: bool,
    bindings: list[Binding],
) -> tuple[tuple[folium.FeatureGroup, ...], dict[str, tuple[float, float, float]]]:
    """The place markers, in their layers (not yet on the map), and each place's marker,
    ``(lat, lon, radius_px)``, by id."""
    locations = folium.FeatureGroup(name="Places", show=True)
    organisations = folium.FeatureGroup(name="Governments and organisations",
                                        show=show_organisations)  # fmt: skip
    grouped: dict[tuple[str, Reference], list[PlaceMention]] = defaultdict(list)
    for m in shown:
        assert m.place is not None
        grouped[(m.place.id, m.reference)].append(m)
    radii: dict[str, tuple[float, float, float]] = {}
    for (_, reference), mentions in grouped.items():
        place = mentions[0].place
        assert place is not None
        organisation = reference is Reference.ORGANISATION
        colour = KIND_COLOURS.get(place.kind, "#555")
        radius = 5 + 3 * math.sqrt(len(mentions))
        marker = folium.CircleMarker(
            place.coordinate.latlon(),
            radius=radius,
            color=ORGANISATION_COLOUR if organisation else colour,
            weight=3 if organisation else 1.5,
            fill=True,
            fill_color=colour,
            fill_opacity=0.75,
        ).add_to(organisations if organisation else locations)
        tooltip = html(place.name + (" (organisation)" if organisation else ""))
        bindings.append(Binding(marker.get_name(), _place_popup(analysis, place, mentions),
                                tooltip))  # fmt: skip
        lat, lon = place.coordinate.latlon()
        radii[place.id] = (lat, lon, max(radius, radii.get(place.id, (0, 0, 0))[2]))
    return (locations, organisations), radii


def _lines(leg_geometry: Any) -> list[list[tuple[float, float]]]:
    """A leg's geometry as lat/lon lists for folium, one per part."""
    parts = getattr(leg_geometry, "geoms", [leg_geometry])
    return [[(y, x) for x, y in part.coords] for part in parts]


def _arrowhead(leg: Leg) -> list[tuple[float, float]]:
    """A small "V" at the end of a leg, pointing the way it goes."""
    (*_, (x0, y0), (x1, y1)) = list(getattr(leg.geometry, "geoms", [leg.geometry])[-1].coords)
    angle = math.atan2(y1 - y0, x1 - x0)
    size = max(0.05, min(1.5, leg.length_km / 2500))  # a tenth of a short leg, at most
    left = (y1 - size * math.sin(angle - 0.45), x1 - size * math.cos(angle - 0.45))
    right = (y1 - size * math.sin(angle + 0.45), x1 - size * math.cos(angle + 0.45))
    return [left, (y1, x1), right]


def _add_routes(fmap: folium.Map, report: Report, bindings: list[Binding]) -> list[Label]:
    group = folium.FeatureGroup(name="Routes", show=True)
    labels = []
    for view in report.legs:
        leg = view.leg
        label = html(view.title)
        dash = "8 6" if leg.schematic else None
        for part in _lines(leg.geometry):
            line = folium.PolyLine(part, color=view.colour, weight=4, opacity=0.85,
                                   dash_array=dash).add_to(group)  # fmt: skip
            bindings.append(Binding(line.get_name(), tooltip_html=label, sticky=True))
        folium.PolyLine(_arrowhead(leg), color=view.colour, weight=4, opacity=0.9).add_to(group)
        lat, lon = view.label_point
        labels.append(Label(lat, lon, view.length, LabelKind.LEG, 0.0, centred=True))
    group.add_to(fmap)
    return labels


def _add_claims(fmap: folium.Map, report: Report, bindings: list[Binding]) -> None:
    group = folium.FeatureGroup(name="Checked claims", show=True)
    for view in report.claims:
        if view.line is None:
            continue
        text = html(f"{view.verdict.upper()}: “{view.text}” — {view.claim.reason}")
        # split at ±180 as in the GeoJSON export, not drawn across the world
        for part in _lines(view.line):
            line = folium.PolyLine(part, color=view.colour, weight=3,
                                   dash_array="2 6").add_to(group)  # fmt: skip
            bindings.append(Binding(line.get_name(), tooltip_html=text, sticky=True))
    group.add_to(fmap)


def _when(event: Event) -> str:
    return when_label(event) or "date unknown"


def _add_events(
    fmap: folium.Map,
    analysis: Analysis,
    bindings: list[Binding],
    radii: dict[str, tuple[float, float, float]],
) -> dict[str, float]:
    """One ring per place around its place marker (never on top of it, so the marker keeps
    its clicks), listing the events there; the timeline steps through the events. Returns
    each ring's radius by place id."""
    group = folium.FeatureGroup(name="Events", show=True)
    at: dict[str, list[tuple[Event, Place]]] = defaultdict(list)
    for event in analysis.events:
        located = [p for ep in event.where if (p := analysis.mentions[ep.mention].place)]
        if located:
            at[located[0].id].append((event, located[0]))
    markers: dict[str, str] = {}
    rings: dict[str, float] = {}
    for place_id, events in at.items():
        place = events[0][1]
        inner = radii.get(place_id, (0.0, 0.0, 0.0))[2]
        items = "".join(
            f"<li><b>{html(_when(e))}</b> · {html(e.action.value)} · {html(e.certainty.value)}"
            f"<br>{html(', '.join(e.actors) or 'no named actor')}"
            f"{('<br>source: ' + html(e.source)) if e.source else ''}"
            f"<p class='newsmap-quote'>{quote_html(analysis, e.sentence, e.trigger)}</p></li>"
            for e, _ in events
        )
        count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
        popup = f"<b>{html(place.name)}</b> · {count}<ul class='newsmap-quotes'>{items}</ul>"
        rings[place_id] = inner + 4 if inner else 6.0
        if inner:  # a ring around the place marker, open in the middle
            marker = folium.CircleMarker(place.coordinate.latlon(), radius=rings[place_id],
                                         color="#111", weight=2.5, fill=False)  # fmt: skip
        else:
            marker = folium.CircleMarker(place.coordinate.latlon(), radius=6.0, color="#111",
                                         weight=2.5, fill=True, fill_color="#ffffff",
                                         fill_opacity=0.9)  # fmt: skip
        marker.add_to(group)
        first = events[0][0]
        tooltip = html(f"{count} at {place.name}; first {_when(first)}: {first.action.value}")
        bindings.append(Binding(marker.get_name(), popup, tooltip))
        markers[place_id] = marker.get_name()
    steps = [
        (f"{_when(e)}: {e.action.value} — {p.name}", markers[p.id])
        for e in analysis.events
        for p in [analysis.mentions[ep.mention].place for ep in e.where][:1]
        if p is not None and p.id in markers
    ]
    group.add_to(fmap)
    if steps:
        fmap.add_child(Timeline(group.get_name(), steps))
    return rings
