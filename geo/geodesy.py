"""Distances, bearings and arcs on the WGS84 ellipsoid (Karney's geodesics, via pyproj).

>>> pyongyang, vladivostok = Coordinate(39.03385, 125.75432), Coordinate(43.10562, 131.87353)
>>> m = measure(pyongyang, vladivostok)
>>> round(m.distance_km, 1), round(m.distance_mi, 1), round(m.bearing_deg, 1), m.sector
(684.5, 425.3, 46.7, 'NE')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

import shapely
from shapely.geometry.base import BaseGeometry

from geo.models import Coordinate

if TYPE_CHECKING:
    from pyproj import Geod

__all__ = [
    "KM_PER_MILE",
    "KM_PER_NAUTICAL_MILE",
    "SECTORS",
    "Measure",
    "arc",
    "measure",
    "midpoint",
    "sector",
    "sector_bearing",
    "split_at_antimeridian",
    "to_km",
]

KM_PER_MILE = 1.609344
KM_PER_NAUTICAL_MILE = 1.852
SECTORS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
_SECTOR_WORDS = {
    "north": "N",
    "north-east": "NE",
    "east": "E",
    "south-east": "SE",
    "south": "S",
    "south-west": "SW",
    "west": "W",
    "north-west": "NW",
}
_UNIT_KM = {"km": 1.0, "m": 0.001, "mi": KM_PER_MILE, "nmi": KM_PER_NAUTICAL_MILE,
            "yd": 0.0009144, "ft": 0.0003048}  # fmt: skip


@cache
def _geod() -> Geod:
    # imported on first use: pyproj costs a fifth of a second to import, and place
    # extraction alone never needs it
    from pyproj import Geod

    return Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class Measure:
    """The geodesic from one point to another: its length and its initial bearing."""

    distance_km: float
    bearing_deg: float  # initial bearing, clockwise from true north, 0 <= b < 360

    @property
    def distance_mi(self) -> float:
        return self.distance_km / KM_PER_MILE

    @property
    def distance_nmi(self) -> float:
        return self.distance_km / KM_PER_NAUTICAL_MILE

    @property
    def sector(self) -> str:
        """The 8-point compass sector of the bearing ("NE")."""
        return sector(self.bearing_deg)


def measure(a: Coordinate, b: Coordinate) -> Measure:
    """The geodesic from ``a`` to ``b``."""
    azimuth, _, metres = _geod().inv(a.lon, a.lat, b.lon, b.lat)
    return Measure(metres / 1000.0, azimuth % 360.0)


def midpoint(a: Coordinate, b: Coordinate) -> Coordinate:
    """The point halfway along the geodesic from ``a`` to ``b``, with its longitude in
    [-180, 180] (averaging longitudes would put the middle of a hop across the antimeridian on
    the other side of the world).

    >>> m = midpoint(Coordinate(60, 179), Coordinate(60, -179))
    >>> round(m.lat, 2), round(abs(m.lon), 2)
    (60.0, 180.0)
    >>> m = midpoint(Coordinate(0, 10), Coordinate(0, 20))
    >>> round(m.lat, 6), round(m.lon, 6)
    (0.0, 15.0)
    """
    azimuth, _, metres = _geod().inv(a.lon, a.lat, b.lon, b.lat)
    lon, lat, _ = _geod().fwd(a.lon, a.lat, azimuth, metres / 2)
    return Coordinate(lat, (lon + 180.0) % 360.0 - 180.0 if abs(lon) > 180 else lon)


def sector(bearing_deg: float) -> str:
    """The 8-point compass sector a bearing falls in; each spans 45 degrees.

    >>> sector(0), sector(22.4), sector(22.6), sector(350)
    ('N', 'N', 'NE', 'N')
    """
    return SECTORS[round((bearing_deg % 360.0) / 45.0) % 8]


def sector_bearing(direction: str) -> float | None:
    """The central bearing of a compass word: "north-east", "northeast", "NE" -> 45.

    >>> sector_bearing("south-west"), sector_bearing("northeast"), sector_bearing("up")
    (225.0, 45.0, None)
    """
    word = direction.strip().lower().replace(" ", "-")
    for whole, short in _SECTOR_WORDS.items():
        if word in (whole, whole.replace("-", ""), short.lower()):
            return SECTORS.index(short) * 45.0
    return None


def to_km(value: float, unit: str) -> float:
    """Convert a length in ``km``, ``m``, ``mi``, ``nmi``, ``yd`` or ``ft`` to kilometres
    (a city block has no fixed length: ``blocks`` raises ``KeyError``).

    >>> round(to_km(425, "mi"), 1)
    684.0
    """
    return value * _UNIT_KM[unit]


def arc(a: Coordinate, b: Coordinate, *, step_km: float = 50.0) -> BaseGeometry:
    """The geodesic from ``a`` to ``b`` as a line densified every ``step_km``, in lon/lat,
    split into a MultiLineString where it crosses the antimeridian."""
    length_km = measure(a, b).distance_km
    inner = max(0, int(length_km // step_km) - 1)
    middle = _geod().npts(a.lon, a.lat, b.lon, b.lat, inner) if inner else []
    points = [(a.lon, a.lat), *middle, (b.lon, b.lat)]
    return split_at_antimeridian(points)


def split_at_antimeridian(points: list[tuple[float, float]]) -> BaseGeometry:
    """A lon/lat polyline cut where a step jumps across longitude ±180."""
    parts: list[list[tuple[float, float]]] = [[points[0]]]
    for (x0, y0), (x1, y1) in pairwise(points):
        if abs(x1 - x0) > 180:
            # the latitude where the straight step in unwrapped longitude meets ±180
            east = x0 > 0
            x1u = x1 + 360 if east else x1 - 360
            edge = 180.0 if east else -180.0
            t = (edge - x0) / (x1u - x0)
            y = y0 + t * (y1 - y0)
            parts[-1].append((edge, y))
            parts.append([(-edge, y)])
        parts[-1].append((x1, y1))
    lines = [shapely.LineString(p) for p in parts if len(p) >= 2]
    return lines[0] if len(lines) == 1 else shapely.MultiLineString(lines)
