"""Where the map opens and what it names: the story's frame (its main journey and the events
of its main time span), the wider frame of every place, and the importance of each place's
label. Pure: no folium, no page.

>>> box = Box.around([(Coordinate(45.76, 4.83), 15.0)])  # Lyon, a city
>>> 0.3 < box.north - box.south < 1.0 and box.west < 4.83 < box.east
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from geo.geodesy import measure
from geo.models import Analysis, Coordinate, Event, Journey, Place, PlaceKind

__all__ = [
    "FIT_MAX_ZOOM",
    "MAX_ZOOM",
    "Box",
    "importance",
    "main_journey",
    "overview_frame",
    "story_events",
    "story_frame",
]

# Leaflet zoom 9 shows a city's region on a 800 px map; the offline outlines show nothing
# closer, so a frame never opens closer
FIT_MAX_ZOOM = 9
# the OpenStreetMap layer stops at 19; the offline outlines say nothing past 18
MAX_ZOOM = 18
# how far around a place of each kind the frame reaches: the kind's usual half-size, so that
# a one-place story opens on the place with its surroundings (a city with its region, at
# about zoom 7, where the country outlines still show where it is; a country at about zoom 5),
# never on a point (an infinite zoom, NaN in Leaflet)
_REACH_KM = {
    PlaceKind.CONTINENT: 2500.0,
    PlaceKind.COUNTRY: 600.0,
    PlaceKind.REGION: 500.0,
    PlaceKind.ADMIN1: 250.0,
    PlaceKind.COUNTY: 120.0,
    PlaceKind.CITY: 120.0,
    PlaceKind.WATER: 300.0,
    PlaceKind.LANDMARK: 60.0,
    PlaceKind.BORDER: 60.0,
    PlaceKind.FACILITY: 60.0,
}
_ROUTE_REACH_KM = 40.0  # a journey's line, framed with a margin for its labels
# kinds whose one point stands for a large area: framed only when the story names nothing finer
_BROAD = frozenset({PlaceKind.CONTINENT, PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.WATER,
                    PlaceKind.ADMIN1})  # fmt: skip
_STORY_DAYS = 7  # a news story's "now": the week with most of its dated events
# an event this far beyond the main journey's reach is context (the inset shows it), not the
# story: the journey's own length, at least a day's travel by road
_NEAR_JOURNEY_KM = 800.0
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Box:
    """A lat/lon box; ``east`` may pass 180 when the box crosses the antimeridian."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Sequence[tuple[Coordinate, float]]) -> Box:
        """The smallest box holding a circle of ``reach_km`` around each ``(point, reach_km)``,
        on the side of the antimeridian that keeps it narrowest."""
        lons = [c.lon for c, _ in points]
        shift = _narrowest_shift(lons)
        south, west, north, east = 90.0, 540.0, -90.0, -540.0
        for c, reach_km in points:
            dlat = reach_km / _KM_PER_DEGREE
            dlon = reach_km / (_KM_PER_DEGREE * max(0.05, math.cos(math.radians(c.lat))))
            lon = c.lon + 360.0 if shift and c.lon < 0 else c.lon
            south, north = min(south, c.lat - dlat), max(north, c.lat + dlat)
            west, east = min(west, lon - dlon), max(east, lon + dlon)
        return cls(max(-85.0, south), max(-540.0, west), min(85.0, north), min(540.0, east))

    def bounds(self) -> list[list[float]]:
        """``[[south, west], [north, east]]`` for Leaflet."""
        return [[round(self.south, 5), round(self.west, 5)],
                [round(self.north, 5), round(self.east, 5)]]  # fmt: skip

    def contains(self, c: Coordinate) -> bool:
        lon = c.lon + 360.0 if c.lon < self.west else c.lon
        return self.south <= c.lat <= self.north and self.west <= lon <= self.east


def _narrowest_shift(lons: Sequence[float]) -> bool:
    """Whether moving western longitudes east by 360 makes the span narrower (a story on both
    sides of the Bering Strait or of Fiji)."""
    if not lons or min(lons) >= 0 or max(lons) < 0:  # all on one side: nothing to gain
        return False
    plain = max(lons) - min(lons)
    moved = [x + 360.0 if x < 0 else x for x in lons]
    # by a clear margin: adding 360 rounds, and a rounding must not move a story a world east
    return max(moved) - min(moved) < plain - 1e-6


def reach_km(place: Place) -> float:
    return _REACH_KM.get(place.kind, 120.0)


def main_journey(analysis: Analysis) -> Journey | None:
    """The journey the story follows: the one with most events, then most legs."""
    if not analysis.journeys:
        return None
    return max(analysis.journeys, key=lambda j: (len(j.events), len(j.legs)))


def _day(event: Event) -> date | None:
    return event.time.value.day if event.time and event.time.value else None


def story_events(analysis: Analysis) -> tuple[Event, ...]:
    """The located events of the article's main time span: the week holding most dated events
    (the latest such week on a tie); every located event when none is dated."""
    placed = analysis.placed_events
    counts = Counter(d for e in placed if (d := _day(e)) is not None)
    if not counts:
        return placed
    window = timedelta(days=_STORY_DAYS - 1)

    def weight(start: date) -> tuple[int, date]:
        return (sum(n for d, n in counts.items() if start <= d <= start + window), start)

    first = max(counts, key=weight)
    return tuple(e for e in placed if (d := _day(e)) is not None and first <= d <= first + window)


def _places_of(analysis: Analysis, events: Iterable[Event]) -> list[Place]:
    return [p for e in events for ep in e.where if (p := analysis.mentions[ep.mention].place)]


def _fine(places: Sequence[Place]) -> list[Place]:
    fine = [p for p in places if p.kind not in _BROAD]
    return fine or list(places)


def story_frame(analysis: Analysis) -> Box | None:
    """Where the map opens: the main journey and the located events of the main time span near
    it (or, with no journey, those events; with no event, the places named), never a point."""
    journey = main_journey(analysis)
    points: list[tuple[Coordinate, float]] = []
    if journey is not None:
        for leg in journey.legs:
            for part in getattr(leg.geometry, "geoms", [leg.geometry]):
                points += [(Coordinate(y, x), _ROUTE_REACH_KM) for x, y in part.coords]
    events = _fine(_places_of(analysis, story_events(analysis)))
    if journey is not None:
        ends = [leg.start.coordinate for leg in journey.legs] + [journey.legs[-1].end.coordinate]
        near = max(_NEAR_JOURNEY_KM, sum(leg.length_km for leg in journey.legs))
        events = [p for p in events
                  if min(measure(p.coordinate, e).distance_km for e in ends) <= near]  # fmt: skip
    points += [(p.coordinate, reach_km(p)) for p in events]
    if not points:
        places = _fine([m.place for m in analysis.resolved if m.place is not None])
        points = [(p.coordinate, reach_km(p)) for p in places if p.kind is not PlaceKind.CONTINENT]
        points = points or [(p.coordinate, reach_km(p)) for p in places]
    return Box.around(points) if points else None


def overview_frame(analysis: Analysis) -> Box | None:
    """Every place the story names and every journey: the wider context for the inset."""
    points = [(m.place.coordinate, reach_km(m.place)) for m in analysis.resolved
              if m.place is not None and m.place.kind is not PlaceKind.CONTINENT]  # fmt: skip
    for journey in analysis.journeys:
        for leg in journey.legs:
            points += [(leg.start.coordinate, _ROUTE_REACH_KM), (leg.end.coordinate, 20.0)]
    return Box.around(points) if points else None


def importance(analysis: Analysis) -> dict[str, float]:
    """How much each place (by id) matters to the story, for the size and order of its label:
    one point a mention, three for each event of the main time span it situates, four for
    each stop of a journey."""
    score: Counter[str] = Counter()
    for m in analysis.resolved:
        assert m.place is not None
        score[m.place.id] += 1
    for p in _places_of(analysis, story_events(analysis)):
        score[p.id] += 3
    for journey in analysis.journeys:
        for leg in journey.legs:
            score[leg.start.id] += 4
            score[leg.end.id] += 4
    return dict(score)
