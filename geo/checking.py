"""A found claim checked: the points its two ends are measured between, the geodesic, and
the verdict of each figure and of the compass word (the rules are in :mod:`geo.verdicts`).

An end that is not a place with a position (an unnamed village, a street, a building, a
name the gazetteer does not know, a vague figure) makes the claim one that cannot be checked,
never a distance of zero. Between two areas (country to country) the distance is between the
nearest points of their outlines; from a point to an area, to the nearest point of its
outline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shapely
from shapely.ops import nearest_points

from geo.gazetteer import Gazetteer
from geo.geodesy import measure
from geo.models import Claim, Coordinate, Place, PlaceKind, Span, Verdict
from geo.verdicts import check_direction, check_distance, extent_km

if TYPE_CHECKING:
    from geo.claim_ends import End
    from geo.claims import Found

__all__ = ["check"]

_AREAS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
_TOO_LARGE = (PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.WATER)
_OUTLINE_KM = 0.0  # a point on an outline is where the area starts


def check(text: str, found: Found, gazetteer: Gazetteer, sentence: Span) -> Claim | None:
    """``found`` checked; ``None`` when its ends show it is no claim between two places (a
    direction to a country the place lies in: "Aleppo, north of Syria")."""
    located, reference = found.located, found.reference
    claim_text = text[found.start : found.end]
    subject_index = located.mention if located is not None else None
    reference_index = reference.mention if reference is not None else None
    subject_place = located.place if located is not None else None
    reference_place = reference.place if reference is not None else None

    def uncheckable(reason: str) -> Claim:
        return Claim(found.start, found.end, claim_text, sentence, subject_index,
                     reference_index, (), None, Verdict.UNCHECKABLE, reason, subject_place,
                     reference_place)  # fmt: skip

    if (
        found.part_of
        and reference_place is not None
        and reference_place.kind in _AREAS
        and (subject_place is None or _inside(reference_place, subject_place, gazetteer))
    ):
        return None
    reason = _why_not(found, located, reference)
    if found.border and reference_place is None:
        reason = "the text does not say which border"
    if reason:
        return uncheckable(reason)
    assert subject_place is not None and reference_place is not None
    if found.border:
        ends = _border_ends(subject_place, reference_place, gazetteer)
    else:
        ends = _points(subject_place, reference_place, gazetteer, bool(found.values))
    if isinstance(ends, str):
        return uncheckable(ends)
    (here, here_km), (there, there_km) = ends
    geodesic = measure(there, here)
    size_km = here_km + there_km
    distances = tuple(check_distance(v, geodesic.distance_km, size_km) for v in found.values)
    direction = check_direction(found.direction, geodesic.bearing_deg, geodesic.distance_km,
                                size_km)  # fmt: skip
    # (the first figure decides; a converted one in brackets is its echo, shown with it)
    verdicts = [d.verdict for d in distances[:1]] + ([direction.verdict] if direction else [])
    if Verdict.OFF in verdicts:
        verdict = Verdict.OFF
    elif Verdict.LOOSE in verdicts:
        verdict = Verdict.LOOSE
    else:
        verdict = Verdict.HOLDS
    parts = [d.explanation for d in distances] + ([direction.explanation] if direction else [])
    return Claim(found.start, found.end, claim_text, sentence, subject_index, reference_index,
                 distances, direction, verdict, "; ".join(parts), subject_place,
                 reference_place)  # fmt: skip


def _why_not(found: Found, located: End | None, reference: End | None) -> str:
    """Why the claim cannot be checked, or ""."""
    if any(v.vague for v in found.values[:1]):
        return f'"{found.values[0].text}" gives no figure to check'
    if any(v.unit == "blocks" for v in found.values[:1]):
        return "a block has no fixed length"
    for end, role in (
        (located, "the place said to lie there"),
        (reference, "the place it is measured from"),
    ):
        if end is None or not end.named:
            return f"the text does not name {role}"
        if end.place is None:
            return f"{role} is not in the offline gazetteer"
        if end.place.kind is PlaceKind.FACILITY:
            return f"{end.place.name} is a street or a building, placed only at its town"
    assert located is not None and reference is not None
    if located.place == reference.place:
        return "both ends resolve to the same place"
    return ""


def _inside(outer: Place, inner: Place, gazetteer: Gazetteer) -> bool:
    if outer.kind is PlaceKind.COUNTRY and inner.country_code == outer.country_code:
        return True
    shape = gazetteer.shape(outer.id)
    return shape is not None and bool(shape.contains(shapely.Point(inner.coordinate.lonlat())))


_Point = tuple[Coordinate, float]


def _points(
    here: Place, there: Place, gazetteer: Gazetteer, distance: bool
) -> tuple[_Point, _Point] | str:
    """The points a claim is measured between, each with its extent."""
    for place in (here, there):
        if place.kind in _TOO_LARGE:
            return f"{place.name} is too large to measure a distance to"
    here_shape = gazetteer.shape(here.id) if here.kind in _AREAS else None
    there_shape = gazetteer.shape(there.id) if there.kind in _AREAS else None
    if here_shape is not None and there_shape is not None:
        if here_shape.intersects(there_shape) and distance:
            return f"{here.name} and {there.name} touch"
        a, b = nearest_points(here_shape, there_shape)
        return (Coordinate(a.y, a.x), _OUTLINE_KM), (Coordinate(b.y, b.x), _OUTLINE_KM)
    ends: list[_Point] = []
    for place, shape, other in ((here, here_shape, there), (there, there_shape, here)):
        if shape is None:
            ends.append((place.coordinate, extent_km(place)))
            continue
        point = shapely.Point(other.coordinate.lonlat())
        if shape.contains(point):
            if distance:
                return f"{other.name} lies inside {place.name}"
            ends.append((place.coordinate, 0.0))  # the part of it the place lies in
            continue
        near, _ = nearest_points(shape.boundary, point)
        ends.append((Coordinate(near.y, near.x), _OUTLINE_KM))
    return ends[0], ends[1]


def _border_ends(subject: Place, named: Place, gazetteer: Gazetteer) -> tuple[_Point, _Point] | str:
    """The subject and the nearest point of the border it is said to be near: the border of
    the subject's country with the country named ("the Russian border")."""
    if named.kind is PlaceKind.BORDER:
        codes = named.id.removeprefix("border:").split("-")
        line = gazetteer.border_line(*codes) if len(codes) == 2 else None
        if line is None:
            return f"no line is known for the {named.name}"
    else:
        if not subject.country_code or subject.country_code == named.country_code:
            return f"the border of {named.name} with which country is not said"
        line = gazetteer.border_line(subject.country_code, named.country_code)
        if line is None:
            return f"{named.name} has no land border with {subject.country_code}"
    near, _ = nearest_points(line, shapely.Point(subject.coordinate.lonlat()))
    return (subject.coordinate, extent_km(subject)), (Coordinate(near.y, near.x), 1.0)
