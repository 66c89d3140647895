"""How a claimed figure is judged against the geodesic, and a compass word against the
bearing. Each check carries its numbers.

A distance holds when the geodesic is within ``tol = max(band × claimed, rounding) + extent``
of the figure: ``band`` is 15 % for a point figure ("about 50 km", "50 km") and 10 % for a
bound ("more than 50 km", "within 50 km"), whose one open side already gives room;
``rounding`` is half the step the figure is written to (at most to two significant digits:
680 km to the 10, 2,000 km to the 100); ``extent`` is how far the two places' edges are from
their points. A direction holds within 22.5° of its compass point, plus the angle the places'
extent subtends at that distance; one point further is "loose".
"""

from __future__ import annotations

import math

from geo.geodesy import sector, to_km
from geo.models import Bound, ClaimedValue, DirectionCheck, DistanceCheck, Place, PlaceKind, Verdict

__all__ = ["check_direction", "check_distance", "compass_bearing", "extent_km", "rounding_share"]

_POINT_BAND = 0.15  # a point figure: reporters round to a "nice" number near the road distance
_BOUND_BAND = 0.10  # a bound ("more than", "within"): the open side already takes the slack
_SECTOR_HALF_DEG = 22.5  # half of an 8-point sector: "north" covers NNW to NNE
_LOOSE_DEG = 67.5  # one sector further: "north" for a place to the north-east
# A city's extent by population (up to, km): a distance is told between centres, but a
# centre is not a point, and a town of 5,000 spreads less than a city of 5 million.
_CITY_EXTENTS = ((10_000, 2.0), (50_000, 3.0), (300_000, 5.0), (1_000_000, 8.0),
                 (5_000_000, 12.0))  # fmt: skip
_LARGEST_CITY_KM = 20.0
_UNKNOWN_TOWN_KM = 3.0  # a town with no population filed is a small one
_REGION_POINT_KM = 50.0  # a province given by its point: the middle of a 100-km-wide region
_POINT_KM = 1.0  # a landmark or a border point
_COMPASS_16 = {
    name.replace("-", ""): 22.5 * i
    for i, name in enumerate(
        "north north-northeast northeast east-northeast east east-southeast southeast "
        "south-southeast south south-southwest southwest west-southwest west west-northwest "
        "northwest north-northwest".split()
    )
}


def compass_bearing(word: str) -> float | None:
    """The central bearing of a compass word, 16-point: "north-east", "north east",
    "northeast" -> 45; "north-northeast" -> 22.5.

    >>> compass_bearing("South-West"), compass_bearing("north-northeast"), compass_bearing("up")
    (225.0, 22.5, None)
    """
    key = "".join(word.lower().replace("-", " ").split())
    return _COMPASS_16.get(key.removesuffix("s").removesuffix("ward"))


def rounding_share(figure: float) -> float:
    """Half the step a figure is given to, as a share of it, the step read to at most two
    significant digits: 680 -> 5/680, 425 -> 0.5/425, 100 -> 5/100, 2,000 -> 50/2,000.

    >>> round(rounding_share(680), 4), round(rounding_share(425), 4), rounding_share(400)
    (0.0074, 0.0012, 0.0125)
    """
    if figure <= 0:
        return 0.0
    if figure != int(figure):
        decimals = len(repr(figure).split(".")[1])
        return float(0.5 * 10.0**-decimals / figure)
    n = int(figure)
    step = 1
    while n % 10 == 0 and n >= 10:
        n //= 10
        step *= 10
    # "2,000" may be given to the thousand, but a reporter means it to about two digits
    return 0.5 * float(min(step, 10 ** max(0, len(str(int(figure))) - 2))) / figure


def extent_km(place: Place) -> float:
    """How far a place's edge may be from its point: a city by its population.

    >>> from geo.models import Coordinate
    >>> extent_km(Place("x", "Baghdad", PlaceKind.CITY, Coordinate(33.3, 44.4), "IQ", 7216000))
    20.0
    """
    if place.kind is PlaceKind.CITY:
        if place.population <= 0:
            return _UNKNOWN_TOWN_KM
        for population, km in _CITY_EXTENTS:
            if place.population < population:
                return km
        return _LARGEST_CITY_KM
    if place.kind in (PlaceKind.BORDER, PlaceKind.LANDMARK, PlaceKind.FACILITY):
        return _POINT_KM
    return _REGION_POINT_KM


def check_distance(value: ClaimedValue, geodesic_km: float, size_km: float) -> DistanceCheck:
    """One figure against the geodesic, ``size_km`` being the two ends' extents."""
    per_unit = to_km(1.0, value.unit)
    band = _POINT_BAND if value.bound is Bound.POINT else _BOUND_BAND

    def tolerance(figure: float) -> float:
        return max(band * figure * per_unit, rounding_share(figure) * figure * per_unit) + size_km

    if value.value is None:  # a range: from below its low end to above its high end
        low, high = value.low or 0.0, value.high or 0.0
        figure = (low + high) / 2
        lowest, highest = low * per_unit - tolerance(low), high * per_unit + tolerance(high)
        tol = tolerance(high)
    else:
        figure = value.value
        tol = tolerance(figure)
        claimed = figure * per_unit
        lowest = claimed - tol if value.bound is not Bound.MAX else 0.0
        highest = claimed + tol if value.bound is not Bound.MIN else math.inf
    holds = lowest <= geodesic_km <= highest
    computed = geodesic_km / per_unit
    tolerance_pct = 100.0 * tol / (figure * per_unit) if figure else 0.0
    difference_pct = 100.0 * (figure - computed) / computed if computed else 0.0
    unit = {"nmi": "nautical miles", "yd": "yards", "ft": "feet"}.get(value.unit, value.unit)
    if value.bound is Bound.MIN:
        accepted = f"at least {lowest / per_unit:,.1f} {unit}"
    elif value.bound is Bound.MAX:
        accepted = f"at most {highest / per_unit:,.1f} {unit}"
    else:
        accepted = f"{max(lowest, 0.0) / per_unit:,.1f}–{highest / per_unit:,.1f} {unit}"
    explanation = (
        f"{value.text}: geodesic {computed:,.1f} {unit}, {abs(difference_pct):.1f} % "
        f"{'over' if difference_pct > 0 else 'under'}; accepted {accepted} (band "
        f"{100 * band:.0f} %, rounding ±{100 * rounding_share(figure):.1f} %, place size "
        f"±{size_km / per_unit:,.1f} {unit}) — {'holds' if holds else 'off'}"
    )
    verdict = Verdict.HOLDS if holds else Verdict.OFF
    return DistanceCheck(
        value, round(computed, 2), round(tolerance_pct, 2), round(difference_pct, 2), verdict,
        explanation,
    )  # fmt: skip


def check_direction(
    word: str | None, bearing_deg: float, distance_km: float, size_km: float
) -> DirectionCheck | None:
    """A compass word against the initial bearing from the reference, ``size_km`` being the
    two ends' extents (close places may be seen in a wider range of directions)."""
    if not word:
        return None
    claimed_bearing = compass_bearing(word)
    if claimed_bearing is None:
        return None
    claimed_sector = sector(claimed_bearing)
    true_sector = sector(bearing_deg)
    diff = abs((bearing_deg - claimed_bearing + 180.0) % 360.0 - 180.0)
    slack = math.degrees(math.atan2(size_km, distance_km)) if distance_km else 180.0
    if diff <= _SECTOR_HALF_DEG + slack:
        verdict, how = Verdict.HOLDS, "holds"
    elif diff <= _LOOSE_DEG + slack:
        verdict = Verdict.LOOSE
        how = f"is loose: the true direction is {_SECTOR_NAMES[true_sector]}"
    else:
        verdict, how = Verdict.OFF, f"is off: the true direction is {_SECTOR_NAMES[true_sector]}"
    explanation = (
        f'direction "{word}" {how} (initial bearing {bearing_deg:.1f}°, {true_sector}; '
        f"{diff:.0f}° from {claimed_bearing:g}°, accepted {_SECTOR_HALF_DEG + slack:.0f}°)"
    )
    return DirectionCheck(
        word, claimed_sector, round(bearing_deg, 1), true_sector, verdict, explanation
    )


_SECTOR_NAMES = {"N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south",
                 "SW": "south-west", "W": "west", "NW": "north-west"}  # fmt: skip
