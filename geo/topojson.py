"""Decode TopoJSON (the format of the world-atlas and us-atlas files) into shapely geometries.

Only what those files use is supported: quantised or plain arcs, and Polygon, MultiPolygon,
LineString, MultiLineString, Point and GeometryCollection objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import shapely
import shapely.affinity
from shapely.geometry.base import BaseGeometry

from geo.errors import DataError

__all__ = ["Feature", "decode_arcs", "features"]

Point2 = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Feature:
    """One decoded object: its id, properties and geometry in lon/lat degrees."""

    id: str
    properties: Mapping[str, Any]
    geometry: BaseGeometry


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Point2]]:
    """Absolute coordinates of every arc, undoing quantisation and delta encoding.

    >>> quantised = {"scale": [0.5, 1], "translate": [10, 20]}
    >>> decode_arcs({"arcs": [[[0, 0], [2, 1]]], "transform": quantised})
    [[(10.0, 20.0), (11.0, 21.0)]]
    """
    transform = topology.get("transform")
    arcs: list[list[Point2]] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: list[Point2] = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _line(arcs: list[list[Point2]], indices: Sequence[int]) -> list[Point2]:
    points: list[Point2] = []
    for index in indices:
        # A negative index means arc ~index, walked backwards (TopoJSON specification).
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their junction point; keep it once.
        points.extend(arc[1:] if points else arc)
    return points


def _unwrap(ring: list[Point2]) -> list[Point2]:
    """Make longitudes continuous across the antimeridian (179.9 then -180 becomes 180), and
    close a ring that goes round a pole (Antarctica) along the pole."""
    out = [ring[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in pairwise(ring):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    if abs(shift) > 180:  # went once round the globe: close it over the pole
        pole = -90.0 if sum(y for _, y in ring) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole), out[0]]
    return out


def _ring(arcs: list[list[Point2]], indices: Sequence[int]) -> list[Point2]:
    ring = _unwrap(_line(arcs, indices))
    if len(ring) < 4:  # degenerate after quantisation; pad so shapely accepts it
        ring = ring + [ring[0]] * (4 - len(ring))
    return ring


_WORLD = shapely.box(-180, -90, 180, 90)


def _split_antimeridian(shape: BaseGeometry) -> BaseGeometry:
    """Cut a shape that runs past longitude ±180 and bring each part back into range."""
    minx, _, maxx, _ = shape.bounds
    if minx >= -180 and maxx <= 180:
        return shape
    parts = [shape.intersection(_WORLD)]
    for offset in (-360.0, 360.0):
        outside = shape.intersection(shapely.affinity.translate(_WORLD, -offset))
        if not outside.is_empty:
            parts.append(shapely.affinity.translate(outside, offset))
    return shapely.union_all([p for p in parts if not p.is_empty])


def _polygon(arcs: list[list[Point2]], rings: Sequence[Sequence[int]]) -> BaseGeometry:
    shell, *holes = (_ring(arcs, r) for r in rings)
    polygon = shapely.Polygon(shell, holes)
    return _split_antimeridian(polygon if polygon.is_valid else shapely.make_valid(polygon))


def _geometry(arcs: list[list[Point2]], obj: Mapping[str, Any]) -> BaseGeometry | None:
    kind = obj.get("type")
    if kind == "Polygon":
        return _polygon(arcs, obj["arcs"])
    if kind == "MultiPolygon":
        parts = [_polygon(arcs, p) for p in obj["arcs"]]
        return shapely.union_all(parts) if parts else None
    if kind == "LineString":
        return shapely.LineString(_line(arcs, obj["arcs"]))
    if kind == "MultiLineString":
        return shapely.MultiLineString([_line(arcs, a) for a in obj["arcs"]])
    if kind == "Point":
        return shapely.Point(obj["coordinates"])
    if kind == "GeometryCollection":
        members = [g for o in obj.get("geometries", []) if (g := _geometry(arcs, o)) is not None]
        return shapely.GeometryCollection(members)
    if kind is None:
        return None
    raise DataError(f"unsupported TopoJSON geometry type {kind!r}")


def features(topology: Mapping[str, Any], name: str) -> Iterator[Feature]:
    """Yield the members of the object ``name`` (for example ``"countries"``) as features."""
    try:
        collection = topology["objects"][name]
    except KeyError as err:
        raise DataError(f"TopoJSON has no object named {name!r}") from err
    arcs = decode_arcs(topology)
    members = collection.get("geometries", [collection])
    for member in members:
        geometry = _geometry(arcs, member)
        if geometry is None or geometry.is_empty:
            continue
        yield Feature(str(member.get("id", "")), member.get("properties") or {}, geometry)
