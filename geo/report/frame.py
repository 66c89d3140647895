"""Where a static figure looks, and how it flattens the Earth there.

The view fits the story, not every mention: the main journey, and the places of the events
near it (a 2019 summit in the same city counts, a statement from the Kremlin 6,000 km away
does not). A story with one place gets a regional view around it, never a point and never
the world.

The projection is azimuthal equidistant, centred on the story: distances from the centre are
true, so the scale bar and the route lengths agree with what the reader sees; shapes stay
faithful over the few thousand kilometres a news map shows; and there is no seam, so a story
across the antimeridian (Fiji, the Bering Strait) is drawn in one piece, which a plate carrée
in longitude and latitude would cut in two.

>>> from geo.models import Analysis
>>> frame = frame_story(Analysis("", None, ()), aspect=1.0)
>>> frame.xmax - frame.xmin == frame.ymax - frame.ymin
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Geod, Transformer
from shapely.geometry.base import BaseGeometry

from geo.models import Analysis, Coordinate, Journey, Place, PlaceKind

__all__ = ["POINT_KINDS", "Frame", "frame_story", "main_journey"]

POINT_KINDS = frozenset(
    {PlaceKind.CITY, PlaceKind.LANDMARK, PlaceKind.BORDER, PlaceKind.FACILITY, PlaceKind.COUNTY}
)
_REACH_KM = 1500.0  # a region one map shows with its towns legible: Pyongyang to Vladivostok
_MIN_HALF_SPAN_KM = 150.0  # a one-place story: the town with its neighbours (Lyon to Geneva)
_MARGIN = 0.15  # room around the story for its labels, as a share of its extent
_AREA_HALF_SPAN_KM = 700.0  # a story of a country or a state: a country the size of Ukraine
_EMPTY_CENTRE = Coordinate(20.0, 0.0)  # no place at all: the Atlantic side of the Old World
_EMPTY_HALF_SPAN_KM = 4000.0
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class Frame:
    """The view of a figure: its centre and its bounds, in metres of the projection."""

    centre: Coordinate
    xmin: float
    xmax: float
    ymin: float
    ymax: float

    def transformer(self) -> Transformer:
        """Longitude and latitude (degrees) to metres of this frame's projection."""
        lat, lon = self.centre.latlon()
        proj = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs"
        return Transformer.from_crs("EPSG:4326", proj, always_xy=True)

    def project(self, geometry: BaseGeometry) -> BaseGeometry:
        """``geometry`` (lon/lat) in metres of the projection."""
        transformer = self.transformer()

        def move(coords: NDArray[np.float64]) -> NDArray[np.float64]:
            x, y = transformer.transform(coords[:, 0], coords[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geometry, move)

    def point(self, place: Coordinate) -> tuple[float, float]:
        x, y = self.transformer().transform(place.lon, place.lat)
        return float(x), float(y)

    @property
    def half_diagonal_km(self) -> float:
        return math.hypot(self.xmax - self.xmin, self.ymax - self.ymin) / 2000

    def window(self) -> BaseGeometry:
        """The part of the globe the frame can show, as a lon/lat box (it may pass +-180: the
        caller shifts geometries by 360 degrees to meet it)."""
        reach_deg = min(90.0, 1.5 * self.half_diagonal_km / 111.0 + 2.0)
        lat, lon = self.centre.latlon()
        south, north = max(-90.0, lat - reach_deg), min(90.0, lat + reach_deg)
        widest = math.cos(math.radians(min(89.0, max(abs(south), abs(north)))))
        half_width = min(180.0, reach_deg / max(widest, 0.05))
        return shapely.box(lon - half_width, south, lon + half_width, north)


def main_journey(analysis: Analysis) -> Journey | None:
    """The journey the story follows: the one with the most events, then the most legs."""
    if not analysis.journeys:
        return None
    return max(analysis.journeys, key=lambda j: (len(j.events), len(j.legs)))


def frame_story(analysis: Analysis, *, aspect: float) -> Frame:
    """The view of ``analysis`` for a map ``aspect`` times as wide as it is tall.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.
    aspect
        Width over height of the map's area in the figure.

    Returns
    -------
    Frame
        Finite bounds around the story, at least :data:`_MIN_HALF_SPAN_KM` from its centre
        each way.
    """
    points = _story_points(analysis)
    min_half_km = _MIN_HALF_SPAN_KM
    if not points:
        points, min_half_km = _area_points(analysis), _AREA_HALF_SPAN_KM
    if not points:
        frame = Frame(_EMPTY_CENTRE, 0.0, 0.0, 0.0, 0.0)
        return _fit(frame, [(0.0, 0.0)], aspect, _EMPTY_HALF_SPAN_KM)
    centre = _centre(points)
    frame = Frame(centre, 0.0, 0.0, 0.0, 0.0)
    xs, ys = frame.transformer().transform([p.lon for p in points], [p.lat for p in points])
    return _fit(frame, list(zip(xs, ys, strict=True)), aspect, min_half_km)


def _fit(
    frame: Frame, xy: Sequence[tuple[float, float]], aspect: float, min_half_km: float
) -> Frame:
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half_w = max((max(xs) - min(xs)) / 2 * (1 + 2 * _MARGIN), min_half_km * 1000)
    half_h = max((max(ys) - min(ys)) / 2 * (1 + 2 * _MARGIN), min_half_km * 1000)
    if half_w / half_h < aspect:
        half_w = half_h * aspect
    else:
        half_h = half_w / aspect
    return Frame(frame.centre, cx - half_w, cx + half_w, cy - half_h, cy + half_h)


def _story_points(analysis: Analysis) -> list[Coordinate]:
    """The points the view must show: the main journey and the events near it; else the
    events' places; else the places most mentioned (each time, those near the first)."""
    journey = main_journey(analysis)
    anchors: list[Coordinate] = []
    if journey is not None:
        for leg in journey.legs:
            for part in getattr(leg.geometry, "geoms", [leg.geometry]):
                anchors += [Coordinate(lat, lon) for lon, lat in part.coords]
    at_events = Counter[Place]()
    for event in analysis.placed_events:
        for ep in event.where:
            place = analysis.mentions[ep.mention].place
            if place is not None and place.kind in POINT_KINDS:
                at_events[place] += 1
    mentioned = Counter(
        m.place for m in analysis.resolved if m.place is not None and m.place.kind in POINT_KINDS
    )
    for weights in (at_events, mentioned):
        if not weights:
            continue
        if not anchors:
            anchors = [weights.most_common(1)[0][0].coordinate]
        near = [p.coordinate for p in weights if _near(p.coordinate, anchors)]
        return anchors + near
    return anchors


def _area_points(analysis: Analysis) -> list[Coordinate]:
    """A story of countries or states only: the most mentioned one's position."""
    areas = Counter(
        m.place
        for m in analysis.resolved
        if m.place is not None and m.place.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
    )
    if not areas:
        return []
    return [areas.most_common(1)[0][0].coordinate]


def _near(point: Coordinate, anchors: Sequence[Coordinate]) -> bool:
    lons, lats = [a.lon for a in anchors], [a.lat for a in anchors]
    _, _, metres = _GEOD.inv(lons, lats, [point.lon] * len(anchors), [point.lat] * len(anchors))
    return bool(min(metres) <= _REACH_KM * 1000)


def _centre(points: Sequence[Coordinate]) -> Coordinate:
    """The mean direction of ``points`` on the sphere: right across the antimeridian, where an
    average of longitudes would land on the other side of the world."""
    lat = np.radians([p.lat for p in points])
    lon = np.radians([p.lon for p in points])
    x, y, z = np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)
    mx, my, mz = float(x.mean()), float(y.mean()), float(z.mean())
    if math.hypot(mx, my, mz) < 1e-9:  # points all around the globe: any centre will do
        return points[0]
    return Coordinate(
        math.degrees(math.atan2(mz, math.hypot(mx, my))), math.degrees(math.atan2(my, mx))
    )
