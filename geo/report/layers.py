"""The layers of a static figure: country outlines, places, events, journeys, claims, the
legend and the scale bar, each drawn on a matplotlib ``Axes`` in the frame's projection.

Colours are the map's (:mod:`geo.render`); words in the legend are a reader's ("state or
province", not "admin1").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import Bbox
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

from geo.gazetteer import Gazetteer
from geo.lang.en_places import KIND_WORDS
from geo.models import Analysis, Journey, Mode, PlaceKind, Verdict
from geo.report.frame import Frame, main_journey
from geo.report.labels import LabelKind, LabelRequest
from geo.report.safe import figure_text
from geo.report.style import KIND_COLOURS, VERDICT_COLOURS
from geo.report.views import Report

__all__ = [
    "Scene",
    "countries_named",
    "draw_legend",
    "draw_outlines",
    "draw_scale_bar",
    "draw_story",
    "main_journey",
]

_SEA, _LAND, _NAMED_LAND, _BORDER = "#dde8ef", "#f4f3ef", "#e6e1d3", "#a7a9ac"
# The kinds of place drawn as a marker (countries and other areas are named on the land);
# their words are the ones every output uses (geo.lang.en_places.KIND_WORDS)
_MARKED_KINDS = frozenset(
    {
        PlaceKind.CITY,
        PlaceKind.ADMIN1,
        PlaceKind.COUNTY,
        PlaceKind.BORDER,
        PlaceKind.LANDMARK,
        PlaceKind.FACILITY,
    }
)
_VERDICT_WORDS = {
    Verdict.HOLDS: "distance claim that holds",
    Verdict.LOOSE: "distance claim, roughly right",
    Verdict.OFF: "distance claim that is off",
    Verdict.UNCHECKABLE: "distance claim that cannot be checked",
}
_MODE_WORDS = {Mode.RAIL: "by rail", Mode.ROAD: "by road", Mode.AIR: "by air", Mode.SEA: "by sea"}
_INK_RING = "#222222"
_SIMPLIFY_DEG = 0.01  # about 1 km: finer than a line's width on any preset
_DETAIL = 600  # the outlines keep features down to 1/600 of the view's diagonal
_MIN_AREA_SHARE = 0.01  # a country with less of the view than this is not named on it
_TINTED_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.COUNTY})
_SUBDIVISION = "#c9c6bd"  # state and county lines: lighter than borders between countries
_AREA_INK, _CONTEXT_INK = "#6b6558", "#8f8a7e"  # a named area's label, and another's
_CONTEXT_AREA_SHARE = 0.06  # an area the story does not name is labelled past this share
_STATES_WITHIN_KM = 2500.0  # half the view's diagonal below which states are outlined
_COUNTIES_WITHIN_KM = 250.0  # ... and counties


@dataclass(frozen=True, slots=True)
class Scene:
    """What :func:`draw_story` drew: the labels still to place, the markers and lines they
    must avoid, and the legend's entries."""

    labels: tuple[LabelRequest, ...]
    markers: tuple[tuple[float, float, float], ...]  # x, y (data), radius in points
    lines: tuple[BaseGeometry, ...]  # in data coordinates
    kinds: tuple[PlaceKind, ...]
    journeys: tuple[tuple[str, str, bool], ...] = field(default=())  # colour, words, schematic
    verdicts: tuple[Verdict, ...] = field(default=())
    events: bool = False

    def marker_boxes(self, ax: Axes, dpi: float) -> list[Bbox]:
        boxes = []
        for x, y, radius_pt in self.markers:
            px, py = ax.transData.transform((x, y))
            r = radius_pt * dpi / 72
            boxes.append(Bbox.from_extents(px - r, py - r, px + r, py + r))
        return boxes

    def display_lines(self, ax: Axes) -> BaseGeometry | None:
        if not self.lines:
            return None
        moved = [shapely.transform(line, ax.transData.transform) for line in self.lines]
        return shapely.GeometryCollection(moved)


def countries_named(analysis: Analysis) -> frozenset[str]:
    """The ids of the countries, states and counties the story names, to tint them."""
    return frozenset(
        m.place.id
        for m in analysis.resolved
        if m.place is not None and m.place.kind in _TINTED_KINDS
    )


@lru_cache(maxsize=8)
def _outlines(
    gazetteer: Gazetteer, kind: PlaceKind
) -> tuple[tuple[str, ...], tuple[str, ...], NDArray[np.object_]]:
    """The ids, names and simplified polygons of every place of ``kind`` with a shape."""
    pairs = gazetteer.shapes(kind)
    shapes = shapely.simplify(
        np.array([s for _, s in pairs]), _SIMPLIFY_DEG, preserve_topology=True
    )
    return tuple(p.id for p, _ in pairs), tuple(p.name for p, _ in pairs), shapes


def draw_outlines(
    ax: Axes, frame: Frame, gazetteer: Gazetteer, named: frozenset[str], scale: float
) -> list[LabelRequest]:
    """Sea, land and borders in the frame, the named countries tinted; in a regional or local
    view also the outlines of states and counties (where the gazetteer has their shapes: the
    United States), the named ones tinted too. Returns the labels of the named areas, at the
    middle of their part of the view."""
    view = shapely.box(frame.xmin, frame.ymin, frame.xmax, frame.ymax)
    ax.add_patch(Rectangle((frame.xmin, frame.ymin), frame.xmax - frame.xmin,
                           frame.ymax - frame.ymin, color=_SEA, zorder=0, lw=0))  # fmt: skip
    labels: list[LabelRequest] = []
    layers = [(PlaceKind.COUNTRY, 1.0, 0.5 * scale, 8.0 * scale)]
    if frame.half_diagonal_km < _STATES_WITHIN_KM:
        layers.append((PlaceKind.ADMIN1, 1.1, 0.45 * scale, 7.5 * scale))
    if frame.half_diagonal_km < _COUNTIES_WITHIN_KM:
        layers.append((PlaceKind.COUNTY, 1.2, 0.3 * scale, 7.0 * scale))
    for kind, zorder, width, size in layers:
        ids, names, shapes = _outlines(gazetteer, kind)
        for i, visible in _visible_parts(frame, view, shapes):
            path = _path(visible)
            if path is None:
                continue
            is_named = ids[i] in named
            if kind is PlaceKind.COUNTRY:
                face = _NAMED_LAND if is_named else _LAND
                edge = _BORDER
            else:  # a subdivision: its line, and its tint only where the story names it
                face = _NAMED_LAND if is_named else "none"
                edge = _SUBDIVISION
            ax.add_patch(PathPatch(path, facecolor=face, edgecolor=edge, lw=width,
                                   zorder=zorder))  # fmt: skip
            inside = shapely.intersection(visible, view)
            # the named areas, and for orientation the large unnamed ones, fainter
            share = _MIN_AREA_SHARE if is_named else _CONTEXT_AREA_SHARE
            if inside.area > share * view.area:
                spot = shapely.point_on_surface(_largest(inside))
                ink = _AREA_INK if is_named else _CONTEXT_INK
                labels.append(LabelRequest(names[i].upper(), spot.x, spot.y, size,
                                           0.5 if is_named else 0.1, LabelKind.AREA,
                                           colour=ink))  # fmt: skip
    return labels


def _visible_parts(
    frame: Frame, view: BaseGeometry, shapes: NDArray[np.object_]
) -> Iterator[tuple[int, BaseGeometry]]:
    """Each shape that reaches the frame, projected and cut to a little beyond the view
    (by index into ``shapes``)."""
    window = frame.window()
    tolerance = frame.half_diagonal_km / 111.0 * 2 / _DETAIL
    pieces: dict[int, list[BaseGeometry]] = {}
    for shift in (-360.0, 0.0, 360.0):
        moved = shapely.affinity.translate(window, xoff=-shift)
        if not moved.intersects(shapely.box(-180, -90, 180, 90)):
            continue
        cut = shapely.intersection(shapes, moved)
        for k in np.flatnonzero(~shapely.is_empty(cut)):
            pieces.setdefault(int(k), []).append(shapely.affinity.translate(cut[k], xoff=shift))
    for i, parts in pieces.items():
        geometry = parts[0] if len(parts) == 1 else shapely.union_all(parts)
        geometry = shapely.simplify(geometry, tolerance, preserve_topology=True)
        projected = frame.project(geometry)
        if not projected.is_valid:  # far from the centre a ring can fold over itself
            projected = shapely.make_valid(projected)
        yield i, shapely.intersection(projected, view.buffer(view.length / 50))


def _largest(geometry: BaseGeometry) -> BaseGeometry:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    return max(parts, key=lambda p: p.area) if parts else geometry


def _path(geometry: BaseGeometry) -> Path | None:
    vertices: list[NDArray[np.float64]] = []
    codes: list[int] = []
    for polygon in shapely.get_parts(geometry):
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        polygon = orient(polygon, 1.0)  # holes wind the other way, so they stay holes
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            vertices.append(xy)
            codes += [int(Path.MOVETO)] + [int(Path.LINETO)] * (len(xy) - 2) + [int(Path.CLOSEPOLY)]
    if not vertices:
        return None
    return Path(np.concatenate(vertices), codes)


def draw_story(ax: Axes, report: Report, frame: Frame, scale: float) -> Scene:
    """Journeys, claims, places and events; returns what the labels must know."""
    analysis = report.analysis
    lines: list[BaseGeometry] = []
    labels: list[LabelRequest] = []
    journeys = []
    for n, journey in enumerate(analysis.journeys):
        legs = [v for v in report.legs if v.journey == n]
        if legs:
            schematic = any(v.leg.schematic for v in legs)
            journeys.append((legs[0].colour, _journey_words(journey), schematic))
    for view in report.legs:
        leg, colour = view.leg, view.colour
        line = shapely.line_merge(frame.project(leg.geometry))
        longest = max(shapely.get_parts(line), key=lambda p: p.length)
        for part in shapely.get_parts(line):
            xy = np.asarray(part.coords)
            dash = (0, (4, 2.5)) if leg.schematic else "-"
            ax.plot(xy[:, 0], xy[:, 1], color=colour, lw=2.2 * scale, zorder=3, ls=dash,
                    solid_capstyle="round")  # fmt: skip
            lines.append(part)
        _arrow(ax, longest, colour, scale)
        middle = longest.interpolate(0.5, normalized=True)
        labels.append(LabelRequest(view.length, middle.x, middle.y, 7.5 * scale, 4.0,
                                   LabelKind.LENGTH, 1.0, True, colour))  # fmt: skip
    verdicts = []
    for claim in report.claims:
        if claim.points is None:
            continue
        (x0, y0), (x1, y1) = frame.point(claim.points[0]), frame.point(claim.points[1])
        ax.plot([x0, x1], [y0, y1], color=claim.colour, lw=1.6 * scale,
                ls=(0, (1, 2)), zorder=2)  # fmt: skip
        lines.append(shapely.LineString([(x0, y0), (x1, y1)]))
        verdicts.append(claim.claim.verdict)
    markers, kinds, events = _draw_places(ax, report, frame, scale, labels)
    return Scene(tuple(labels), tuple(markers), tuple(lines), tuple(kinds), tuple(journeys),
                 tuple(dict.fromkeys(verdicts)), events)  # fmt: skip


def _draw_places(
    ax: Axes, report: Report, frame: Frame, scale: float, labels: list[LabelRequest]
) -> tuple[list[tuple[float, float, float]], list[PlaceKind], bool]:
    analysis = report.analysis
    at_event = {
        place.id
        for event in analysis.placed_events
        for ep in event.where
        if (place := analysis.mentions[ep.mention].place) is not None
    }
    on_route = {
        p.id
        for j in analysis.journeys
        for leg in j.legs
        for p in (leg.start, leg.end, leg.via)
        if p
    }
    markers: list[tuple[float, float, float]] = []
    kinds: list[PlaceKind] = []
    events = False
    for view in report.places:
        place = view.place
        if place.kind not in _MARKED_KINDS:
            continue
        x, y = frame.point(place.coordinate)
        if not (frame.xmin <= x <= frame.xmax and frame.ymin <= y <= frame.ymax):
            continue
        weight = view.importance
        radius = min(8.0, 2.5 + 0.9 * math.sqrt(weight)) * scale
        colour = view.colour
        marker = "D" if place.kind is PlaceKind.BORDER else "o"
        ax.scatter([x], [y], s=(2 * radius) ** 2, c=colour, marker=marker, edgecolors="white",
                   linewidths=0.8 * scale, zorder=4)  # fmt: skip
        if place.id in at_event:
            ring = 2 * (radius + 2.2 * scale)
            ax.scatter([x], [y], s=ring**2, facecolors="none", edgecolors=_INK_RING,
                       linewidths=1.1 * scale, zorder=4)  # fmt: skip
            radius += 2.8 * scale
            events = True
        markers.append((x, y, radius))
        kinds.append(place.kind)
        size = min(12.0, 7.5 + 1.3 * math.log2(1 + weight)) * scale
        labels.append(LabelRequest(place.name, x, y, size, 5.0 + weight, LabelKind.PLACE, radius,
                                   place.id in on_route or weight >= 8))  # fmt: skip
    return markers, list(dict.fromkeys(kinds)), events


def _arrow(ax: Axes, line: BaseGeometry, colour: str, scale: float) -> None:
    """An arrowhead two thirds of the way along, pointing the way the leg goes."""
    a = line.interpolate(0.64, normalized=True)
    b = line.interpolate(0.66, normalized=True)
    ax.annotate("", xy=(b.x, b.y), xytext=(a.x, a.y), zorder=3,
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0,
                            "mutation_scale": 14 * scale})  # fmt: skip


def _journey_words(journey: Journey) -> str:
    who = journey.actor or "Unnamed traveller"
    stops = f"{journey.legs[0].start.name} to {journey.legs[-1].end.name}" if journey.legs else ""
    modes = {leg.mode for leg in journey.legs}
    how = _MODE_WORDS.get(modes.pop(), "") if len(modes) == 1 else ""
    return figure_text(", ".join(w for w in (f"{who}: {stops}", how) if w))


def draw_legend(ax: Axes, scene: Scene, scale: float, countries: bool) -> Legend:
    """One entry per kind of place shown, per journey, per claim verdict; plain words."""
    handles: list[Artist] = []
    for kind in scene.kinds:
        handles.append(Line2D([], [], marker="D" if kind is PlaceKind.BORDER else "o", ls="",
                              color=KIND_COLOURS.get(kind, "#555555"), markersize=7 * scale,
                              label=KIND_WORDS[kind]))  # fmt: skip
    if scene.events:
        handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="none",
                              markeredgecolor=_INK_RING, markersize=10 * scale,
                              label="where an event takes place"))  # fmt: skip
    if countries:
        handles.append(
            Patch(facecolor=_NAMED_LAND, edgecolor=_BORDER, label="area the story names")
        )
    for colour, words, schematic in scene.journeys:
        handles.append(Line2D([], [], color=colour, lw=2.2 * scale, label=words,
                              ls=(0, (4, 2.5)) if schematic else "-"))  # fmt: skip
    if any(schematic for _, _, schematic in scene.journeys):
        handles.append(Line2D([], [], ls="", label="* straight-line length; the way is not known"))
    for verdict in scene.verdicts:
        handles.append(Line2D([], [], color=VERDICT_COLOURS[verdict], lw=1.6 * scale,
                              ls=(0, (1, 2)), label=_VERDICT_WORDS[verdict]))  # fmt: skip
    legend = ax.legend(handles=handles, loc="lower left", fontsize=7 * scale, frameon=True,
                       framealpha=0.92, edgecolor="#cccccc", borderpad=0.6,
                       handlelength=2.2)  # fmt: skip
    for text in legend.get_texts():
        text.set_parse_math(False)
    legend.set_zorder(7)
    return legend


def draw_scale_bar(ax: Axes, frame: Frame, scale: float, *, left: bool) -> Iterable[Artist]:
    """A bar of a round length at the lower right (or left, where the legend is not); true
    near the centre of the projection."""
    width_m = frame.xmax - frame.xmin
    target_km = width_m / 5 / 1000
    step = 10 ** math.floor(math.log10(target_km))
    km = max(s * step for s in (1, 2, 5) if s * step <= target_km)
    share = km * 1000 / width_m
    x1, y = (0.03 + share if left else 0.97), 0.04
    bar = ax.plot([x1 - share, x1], [y, y], color="#333333", lw=2 * scale,
                  transform=ax.transAxes, solid_capstyle="butt", zorder=7)  # fmt: skip
    text = ax.text(x1 - share / 2, y + 0.008, f"{km:,.0f} km", transform=ax.transAxes,
                   ha="center", va="bottom", fontsize=7 * scale, color="#333333",
                   parse_math=False, zorder=7)  # fmt: skip
    return [*bar, text]
