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
from dataclasses import dataclass
from typing import Any

import folium

from geo.basemap import base_map, figure_of
from geo.controls import Binding, Bindings, Hidden, Legend, Timeline
from geo.framing import FIT_MAX_ZOOM, overview_frame, story_frame
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
from geo.outlines import LayerFiles, country_outlines
from geo.report.safe import html
from geo.report.style import KIND_COLOURS, ORGANISATION_COLOUR, VERDICT_COLOURS
from geo.report.views import Report, build_report, when_label

__all__ = ["MapParts", "build_map", "country_outlines", "figure_of", "quote_html", "story_layers"]

_WORLD = [[-60.0, -170.0], [75.0, 190.0]]  # a story with no place at all opens on the world
_LABEL_RANKS = (8.0, 3.0)  # importance (see geo.framing.importance) for a large, a middle label


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


@dataclass(frozen=True)
class MapParts:
    """A story's map in the parts the app draws apart: the base map, the same for every
    story, and the story's layer groups (the view group last), with whether the layer control
    is folded."""

    base: folium.Map
    story: tuple[folium.FeatureGroup, ...]
    compact: bool = True


def _is_us(analysis: Analysis) -> bool:
    return any(m.place is not None and m.place.country_code == "US" for m in analysis.resolved)


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
    keeps them) instead of carrying them, some 700 KB.

    The map is the base map (:func:`geo.basemap.base_map`) with the story's layer groups
    (:func:`story_layers`) on it: the app draws the same parts, keeping the base."""
    us = _is_us(analysis)
    fmap = base_map(gazetteer, online_tiles=online_tiles, height=height, asset_base=asset_base,
                    layer_files=layer_files, states=us, states_shown=True)  # fmt: skip
    for group in story_layers(analysis, show_organisations=show_organisations,
                              min_confidence=min_confidence, compact=compact,
                              report=report):  # fmt: skip
        group.add_to(fmap)
    folium.LayerControl(collapsed=compact).add_to(fmap)
    return fmap


def story_layers(
    analysis: Analysis,
    *,
    show_organisations: bool = True,
    min_confidence: float = 0.0,
    compact: bool = False,
    report: Report | None = None,
) -> tuple[folium.FeatureGroup, ...]:
    """The story as layer groups, in drawing order, for a base map: routes, claims, events
    (with their timeline), places and organisations (last, so that no line or ring takes a
    place marker's clicks), then the view, which the reader cannot switch off: the legend,
    the frame, the labels and the inset (not in a ``compact`` map). Each group binds its own
    popups; nothing of it names the map or another group, so that the groups can be drawn on
    any base map, and taken off it with everything they drew."""
    report = report or build_report(analysis)
    shown = [m for m in analysis.resolved if m.confidence >= min_confidence]
    places, radii = _add_places(analysis, shown, show_organisations)
    routes, leg_labels = _add_routes(report)
    claims = _add_claims(report)
    events, rings = _add_events(analysis, radii)
    outer = {k: (lat, lon, max(r, rings.get(k, 0.0) + 1.5)) for k, (lat, lon, r) in radii.items()}
    view = folium.FeatureGroup(name="Story", control=False, show=True)
    kinds = sorted({m.place.kind for m in shown if m.place is not None},
                   key=list(PlaceKind).index)  # fmt: skip
    view.add_child(
        Legend(
            [(KIND_COLOURS.get(k, "#555"), KIND_WORDS[k]) for k in kinds],
            [(c, v.value) for v, c in VERDICT_COLOURS.items()] if analysis.claims else [],
            journeys=list({v.journey: (v.colour, v.traveller) for v in report.legs}.values()),
            compact=compact,
        )
    )
    story, overview = story_frame(analysis), overview_frame(analysis)
    view.add_child(
        StoryView(
            story.bounds() if story else _WORLD,
            overview.bounds() if overview else _WORLD,
            _labels(report, shown, outer, leg_labels),
            list(outer.values()),
            fit_max_zoom=FIT_MAX_ZOOM,
            inset=not compact,
            states=_is_us(analysis),
        )
    )
    return (routes, claims, events, *places, view)


def _bind(group: folium.FeatureGroup, bindings: Sequence[Binding]) -> folium.FeatureGroup:
    """``group`` with the popups and tooltips of its own layers bound."""
    if bindings:
        group.add_child(Bindings(bindings))
    return group


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
    analysis: Analysis, shown: Sequence[PlaceMention], show_organisations: bool
) -> tuple[tuple[folium.FeatureGroup, ...], dict[str, tuple[float, float, float]]]:
    """The place markers, in their layers (not yet on the map), and each place's marker,
    ``(lat, lon, radius_px)``, by id."""
    locations = folium.FeatureGroup(name="Places", show=True)
    organisations = folium.FeatureGroup(name="Governments and organisations",
                                        show=show_organisations)  # fmt: skip
    if not show_organisations:
        organisations.add_child(Hidden())
    bound: dict[bool, list[Binding]] = {False: [], True: []}
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
        popup = _place_popup(analysis, place, mentions)
        bound[organisation].append(Binding(marker.get_name(), popup, tooltip))
        lat, lon = place.coordinate.latlon()
        radii[place.id] = (lat, lon, max(radius, radii.get(place.id, (0, 0, 0))[2]))
    return (_bind(locations, bound[False]), _bind(organisations, bound[True])), radii


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


def _add_routes(report: Report) -> tuple[folium.FeatureGroup, list[Label]]:
    group = folium.FeatureGroup(name="Routes", show=True)
    labels = []
    bindings = []
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
    return _bind(group, bindings), labels


def _add_claims(report: Report) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Checked claims", show=True)
    bindings = []
    for view in report.claims:
        if view.line is None:
            continue
        text = html(f"{view.verdict.upper()}: “{view.text}” — {view.claim.reason}")
        # split at ±180 as in the GeoJSON export, not drawn across the world
        for part in _lines(view.line):
            line = folium.PolyLine(part, color=view.colour, weight=3,
                                   dash_array="2 6").add_to(group)  # fmt: skip
            bindings.append(Binding(line.get_name(), tooltip_html=text, sticky=True))
    return _bind(group, bindings)


def _when(event: Event) -> str:
    return when_label(event) or "date unknown"


def _add_events(
    analysis: Analysis, radii: dict[str, tuple[float, float, float]]
) -> tuple[folium.FeatureGroup, dict[str, float]]:
    """One ring per place around its place marker (never on top of it, so the marker keeps
    its clicks), listing the events there; the timeline steps through the events. Returns
    the events' layer and each ring's radius by place id."""
    group = folium.FeatureGroup(name="Events", show=True)
    bindings = []
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
    _bind(group, bindings)
    if steps:
        group.add_child(Timeline(steps))
    return group, rings
