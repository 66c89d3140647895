"""How a claimed figure is judged against the geodesic: the tolerance a hedge ("about",
"nearly", "within"), the rounding of the figure and the size of the places allow, and the
compass sectors a direction may fall in. Each check carries its numbers."""

from __future__ import annotations

import math

from geo.geodesy import sector, sector_bearing, to_km
from geo.models import ClaimedValue, DirectionCheck, DistanceCheck, Place, PlaceKind, Verdict

__all__ = ["check_direction", "check_distance", "radius_km", "rounding_share"]

# Tolerance for each hedge, as (below, above) shares of the claimed figure.
_HEDGE_BAND: dict[str, tuple[float, float]] = {
    "": (0.05, 0.05),
    "about": (0.10, 0.10),
    "approximately": (0.10, 0.10),
    "approx.": (0.10, 0.10),
    "around": (0.10, 0.10),
    "roughly": (0.10, 0.10),
    "some": (0.10, 0.10),
    "nearly": (0.15, 0.02),
    "almost": (0.15, 0.02),
    "barely": (0.15, 0.02),
    "just under": (0.10, 0.02),
    "less than": (1.0, 0.02),
    "under": (1.0, 0.02),
    "up to": (1.0, 0.02),
    "within": (1.0, 0.02),
    "at most": (1.0, 0.02),
    "only": (0.10, 0.05),
    "just over": (0.02, 0.10),
    "more than": (0.02, 0.50),
    "over": (0.02, 0.50),
    "at least": (0.02, 0.50),
}
_LOOSE_DEG = 67.5
_SECTOR_HALF_DEG = 22.5


def rounding_share(figure: float) -> float:
    """Half the step a figure is given to, as a share of it: 680 -> 5/680, 400 -> 5/400.

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


def radius_km(place: Place) -> float:
    """How far a place's edge may be from its point: a city by its population."""
    if place.kind is PlaceKind.CITY:
        # half the radius of a city of that many people at 3,000 a square kilometre: a
        # distance is given between centres, but a centre is not a point
        return min(20.0, max(1.0, 0.5 * math.sqrt(max(place.population, 1) / 9425.0)))
    if place.kind in (PlaceKind.BORDER, PlaceKind.LANDMARK, PlaceKind.FACILITY):
        return 1.0
    return 25.0


def check_distance(value: ClaimedValue, geodesic_km: float, size_km: float) -> DistanceCheck:
    computed = geodesic_km / to_km(1.0, value.unit)
    below, above = _HEDGE_BAND.get(value.hedge, (0.10, 0.10))
    if value.value is None:  # a range: the ends, each with its rounding
        low, high = value.low or 0.0, value.high or 0.0
        figure = (low + high) / 2
        rounding = rounding_share(low)
        lowest = low * (1 - rounding - 0.02)
        highest = high * (1 + rounding_share(high) + 0.02)
    else:
        figure = value.value
        rounding = rounding_share(figure)
        lowest = figure * (1 - below - rounding)
        highest = figure * (1 + above + rounding)
    size = size_km / to_km(1.0, value.unit)
    lowest, highest = lowest - size, highest + size
    tolerance_pct = 100.0 * (highest - figure) / figure if figure else 0.0
    difference_pct = 100.0 * (figure - computed) / computed if computed else 0.0
    holds = lowest <= computed <= highest
    unit = {"nmi": "nautical miles"}.get(value.unit, value.unit)
    band = (
        f"{lowest:,.0f}–{highest:,.0f} {unit}"
        if value.hedge not in ("within", "up to", "less than", "under", "at most")
        else f"at most {highest:,.0f} {unit}"
    )
    explanation = (
        f"{value.text}: geodesic {computed:,.1f} {unit}, {abs(difference_pct):.1f} % "
        f"{'over' if difference_pct > 0 else 'under'}; accepted {band} "
        f"(hedge {value.hedge or 'none'}, rounding ±{100 * rounding:.1f} %, "
        f"place size ±{size:,.0f} {unit}) — {'holds' if holds else 'off'}"
    )
    verdict = Verdict.HOLDS if holds else Verdict.OFF
    return DistanceCheck(
        value, round(computed, 2), round(tolerance_pct, 2), round(difference_pct, 2), verdict,
        explanation,
    )  # fmt: skip


def check_direction(
    word: str | None, bearing_deg: float, distance_km: float, size_km: float
) -> DirectionCheck | None:
    if not word:
        return None
    claimed_bearing = sector_bearing(word.lower().removesuffix("ern"))
    if claimed_bearing is None:
        return None
    claimed_sector = sector(claimed_bearing)
    true_sector = sector(bearing_deg)
    diff = abs((bearing_deg - claimed_bearing + 180.0) % 360.0 - 180.0)
    # close places may be seen in a wider range of directions
    slack = math.degrees(math.atan2(size_km, distance_km)) if distance_km else 180.0
    if diff <= _SECTOR_HALF_DEG + slack:
        verdict, how = Verdict.HOLDS, "holds"
    elif diff <= _LOOSE_DEG + slack:
        verdict, how = (
            Verdict.LOOSE,
            f"is loose: the true direction is {_SECTOR_NAMES[true_sector]}",
        )
    else:
        verdict, how = Verdict.OFF, f"is off: the true direction is {_SECTOR_NAMES[true_sector]}"
    explanation = f'direction "{word}" {how} (initial bearing {bearing_deg:.1f}°, {true_sector})'
    return DirectionCheck(
        word, claimed_sector, round(bearing_deg, 1), true_sector, verdict, explanation
    )


_SECTOR_NAMES = {"N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south",
                 "SW": "south-west", "W": "west", "NW": "north-west"}  # fmt: skip
