"""Journeys: the ordered movements of one actor, drawn leg by leg.

Each actor's movement events give an origin, the crossings and places passed, and a
destination (a country named as the destination gives way to a city in it where the article
names one, such as a meeting's venue). A ground leg between two countries passes through a
real border crossing from ``data/crossings.csv``; an air leg is a geodesic arc. Legs whose
path the article does not give are straight and marked schematic: their length is a
straight-line length, never a rail or road distance.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from geo.gazetteer import Gazetteer
from geo.geodesy import arc, measure, split_at_antimeridian
from geo.models import (
    Action,
    Certainty,
    Coordinate,
    Crossing,
    Event,
    Journey,
    Leg,
    Mode,
    Place,
    PlaceKind,
    PlaceMention,
    PlaceRole,
)

__all__ = ["build_journeys"]

_MOVES = (Action.DEPART, Action.ARRIVE, Action.TRAVEL, Action.VISIT)
_MODE_WORDS = [
    (re.compile(r"\b(?:train|rail|railway)\b", re.I), Mode.RAIL),
    (re.compile(r"\b(?:plane|flight|flew|fly|flying|aircraft|jet|airport)\b", re.I), Mode.AIR),
    (re.compile(r"\b(?:car|motorcade|drove|bus|convoy|road)\b", re.I), Mode.ROAD),
    (re.compile(r"\b(?:ship|boat|ferry|sailed|vessel)\b", re.I), Mode.SEA),
]
_UNNAMED = "\0unnamed"
_CROSSING_MODES = {Mode.RAIL: "rail", Mode.ROAD: "road", Mode.SEA: "ferry"}


@dataclass(frozen=True, slots=True)
class _Stop:
    place: Place
    stated: bool  # named by the article as a stop of this actor (not inferred)
    certainty: Certainty


def build_journeys(
    text: str, events: Sequence[Event], mentions: Sequence[PlaceMention], gazetteer: Gazetteer
) -> tuple[Journey, ...]:
    """One journey per actor whose movements give at least two distinct stops."""
    by_actor: dict[str, list[int]] = {}
    for index, event in enumerate(events):
        if not event.where or event.action not in (*_MOVES, Action.MEET):
            continue
        if not event.actors:
            # a traveller the article does not name ("The president travelled ..."): a
            # journey of its own
            if event.action in _MOVES:
                by_actor[f"{_UNNAMED} {index}"] = [index]
            continue
        by_actor.setdefault(event.actors[0], []).append(index)
        for other in event.actors[1:] if event.action is Action.MEET else ():
            by_actor.setdefault(other, []).append(index)
    journeys = []
    modes: dict[tuple[int, int], Mode | None] = {}  # each sentence read once for all actors
    for actor, all_indices in by_actor.items():
        indices = _this_trip(events, all_indices)
        if not any(events[i].action in _MOVES for i in indices):
            continue
        stops = _stops([events[i] for i in indices], mentions)
        if len(stops) < 2:
            continue
        moves = [events[i] for i in indices if events[i].action in _MOVES]
        mode = _mode(text, moves, modes)
        legs = _legs(stops, mode, gazetteer)
        if legs:
            certainty = stops[-1].certainty
            name = "" if actor.startswith(_UNNAMED) else actor
            journeys.append(Journey(name, tuple(legs), tuple(indices), certainty))
    return tuple(journeys)


def _this_trip(events: Sequence[Event], indices: list[int]) -> list[int]:
    """The actor's events of the trip being reported: not those dated more than a month
    before its first dated movement ("their first meeting in 2019")."""
    starts = [
        day
        for i in indices
        if events[i].action in _MOVES and (day := _day(events[i])) is not None
    ]  # fmt: skip
    if not starts:
        return indices
    first = min(starts)
    return [i for i in indices if (day := _day(events[i])) is None or (first - day).days <= 31]


def _day(event: Event) -> date | None:
    value = event.time.value if event.time else None
    return value.day if value else None


def _stops(events: Sequence[Event], mentions: Sequence[PlaceMention]) -> list[_Stop]:
    origins: list[_Stop] = []
    vias: list[_Stop] = []
    ends: list[_Stop] = []
    for event in events:
        for ep in event.where:
            place = mentions[ep.mention].place
            if place is None:
                continue
            stop = _Stop(place, event.action is not Action.MEET, event.certainty)
            if ep.role is PlaceRole.ORIGIN:
                origins.append(stop)
            elif ep.role is PlaceRole.VIA or place.kind is PlaceKind.BORDER:
                vias.append(stop)
            elif ep.role is PlaceRole.DESTINATION or event.action in (Action.VISIT, Action.MEET):
                ends.append(stop)
    if not origins or not ends:
        return []
    start = origins[0]
    # a country named as the destination gives way to a city in it ("for Russia" ... the
    # meeting's venue, Vladivostok)
    with_cities = {s.place.country_code for s in ends if s.place.kind is not PlaceKind.COUNTRY}
    refined = []
    for stop in ends:
        if stop.place.kind is PlaceKind.COUNTRY and stop.place.country_code in with_cities:
            continue
        refined.append(stop)
    seen = {start.place.id}
    route = [start]
    for stop in [*vias, *refined]:
        if stop.place.id not in seen:
            seen.add(stop.place.id)
            route.append(stop)
    return route


def _mode(text: str, events: Sequence[Event], modes: dict[tuple[int, int], Mode | None]) -> Mode:
    """The mode the first of ``events`` whose sentence names one names; ``modes`` keeps what
    each sentence names, for the events and actors that share it."""
    for event in events:
        key = (event.sentence.start, event.sentence.end)
        if key not in modes:
            sentence = text[event.sentence.start : event.sentence.end]
            modes[key] = next((m for pattern, m in _MODE_WORDS if pattern.search(sentence)), None)
        if (mode := modes[key]) is not None:
            return mode
    return Mode.UNKNOWN


def _legs(stops: Sequence[_Stop], mode: Mode, gazetteer: Gazetteer) -> list[Leg]:
    points: list[_Stop] = []
    # replace a border by its real crossing, and add one between countries on the ground
    for stop in stops:
        if stop.place.kind is PlaceKind.BORDER and points:
            crossing = _crossing_for(points[-1].place, stop.place, mode, gazetteer)
            points.append(_Stop(crossing.place, stop.stated, stop.certainty) if crossing else stop)
            continue
        if points and mode is not Mode.AIR and _needs_crossing(points[-1].place, stop.place):
            crossing = _crossing_between(points[-1].place, stop.place, mode, gazetteer)
            if crossing is not None:
                points.append(_Stop(crossing.place, False, stop.certainty))
        points.append(stop)
    return [_leg(a, b, mode) for a, b in pairwise(points)]


def _needs_crossing(a: Place, b: Place) -> bool:
    return (
        bool(a.country_code and b.country_code)
        and a.country_code != b.country_code
        and a.kind is not PlaceKind.BORDER
        and b.kind is not PlaceKind.BORDER
    )


def _crossing_for(
    previous: Place, border: Place, mode: Mode, gazetteer: Gazetteer
) -> Crossing | None:
    """The crossing of a border named as ``border:KP-RU``, nearest the border's point."""
    codes = border.id.removeprefix("border:").split("-")
    if len(codes) != 2:
        return None
    return _best_crossing(gazetteer.crossings(*codes), border, mode)


def _crossing_between(a: Place, b: Place, mode: Mode, gazetteer: Gazetteer) -> Crossing | None:
    crossings = gazetteer.crossings(a.country_code, b.country_code)
    if not crossings:
        return None
    middle = Place("", "", PlaceKind.BORDER, _midpoint(a, b))
    return _best_crossing(crossings, middle, mode)


def _best_crossing(crossings: Sequence[Crossing], near: Place, mode: Mode) -> Crossing | None:
    if not crossings:
        return None
    wanted = _CROSSING_MODES.get(mode)

    def rank(c: Crossing) -> tuple[int, float]:
        fits = wanted is None or wanted in c.modes
        return (0 if fits else 1, measure(c.place.coordinate, near.coordinate).distance_km)

    return min(crossings, key=rank)


def _midpoint(a: Place, b: Place) -> Coordinate:
    return Coordinate(
        (a.coordinate.lat + b.coordinate.lat) / 2, (a.coordinate.lon + b.coordinate.lon) / 2
    )


def _leg(a: _Stop, b: _Stop, mode: Mode) -> Leg:
    if mode is Mode.AIR:
        geometry = arc(a.place.coordinate, b.place.coordinate)
        length = measure(a.place.coordinate, b.place.coordinate).distance_km
        return Leg(a.place, b.place, mode, geometry, round(length, 1), False, a.stated and b.stated)
    geometry = split_at_antimeridian([a.place.coordinate.lonlat(), b.place.coordinate.lonlat()])
    length = measure(a.place.coordinate, b.place.coordinate).distance_km
    via = b.place if b.place.id.startswith("crossing:") else None
    return Leg(a.place, b.place, mode, geometry, round(length, 1), True, a.stated and b.stated, via)
