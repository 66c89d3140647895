"""Placing online what the offline gazetteer could not, in the context the article gives.

After the place stage, two sorts of mention are worth asking an online geocoder
(:mod:`geo.geocoders`) about: a street or building the place stage put at its town (a rough
position, at half the town's confidence), and a name the gazetteer lacks (a village, shown
"not located"). Each is asked within the area the article already gives: the facility's town,
or the nearest town, county, state or country named in the same sentence, else the country
the article names most. An answer outside that area, or outside the outline of the region or
country, is not used: the offline result stands, with a note saying why.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

import shapely

from geo.gazetteer import Gazetteer
from geo.geocache import Hit
from geo.geocoders import Area, Geocoder, is_settlement
from geo.models import Analysis, Candidate, Place, PlaceKind, PlaceMention, Reference
from geo.text import name_key

__all__ = ["PlaceSearch", "online_credits", "place_online", "search_places"]

_TOWN_KM = 30.0  # a town with its outskirts: where a street "in" it, or a village by it, lies
_AREA_KM = 300.0  # a region or country with no outline in the index: a day's drive around it
_SHORE_DEG = 0.1  # about 10 km: a coastal village may lie just off a coarse outline
# A point the service found inside the article's own town or region, when the service gives
# no score: surer than a street placed at its town (half the town's confidence), less sure
# than a name the gazetteer matched. Never above the confidence in the context itself.
_GEOCODED_CONFIDENCE = 0.6
_CONTEXTS = (PlaceKind.CITY, PlaceKind.COUNTY, PlaceKind.ADMIN1, PlaceKind.COUNTRY)
_OUTLINED = (PlaceKind.COUNTY, PlaceKind.ADMIN1, PlaceKind.COUNTRY)


def place_online(
    mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer, geocoder: Geocoder
) -> tuple[PlaceMention, ...]:
    """``mentions`` with the facilities placed at their town and the unlocated names placed
    where ``geocoder`` finds them inside their context; the rest unchanged."""
    out = list(mentions)
    country = _main_country(mentions, gazetteer)
    for i, m in enumerate(mentions):
        context = _context(m, mentions, gazetteer, country)
        if context is None:
            continue
        place, trust = context
        area = _area(place, gazetteer)
        lookup = geocoder.locate(m.text, area)
        hit = lookup.hit
        if hit is not None and not _inside(hit, place, gazetteer):
            lookup, hit = replace(lookup, note=f"the answer lies outside {place.label}"), None
        if hit is None:
            out[i] = replace(m, note=lookup.note)
            continue
        found = _place(m, hit, place, geocoder)
        confidence = round(min(trust, hit.score or _GEOCODED_CONFIDENCE), 4)
        out[i] = replace(m, place=found, confidence=confidence,
                         candidates=(Candidate(found, confidence), *m.candidates))  # fmt: skip
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PlaceSearch:
    """What a search for a typed name found: the gazetteer's places of that name (most likely
    first), then the online geocoder's answer, if one was asked and found it; each place's
    ``source`` says which (empty for the offline gazetteer, else the service's attribution).
    ``note`` says why the geocoder gave nothing, when it was asked."""

    places: tuple[Place, ...]
    note: str = ""


def search_places(
    name: str,
    analysis: Analysis,
    gazetteer: Gazetteer,
    geocoder: Geocoder | None = None,
    *,
    most: int = 10,
) -> PlaceSearch:
    """The places ``name`` may mean, for a reader who adds a place the article names (an
    address, a venue, a village): the gazetteer's, countries then the most populous first, at
    most ``most``; and, with a ``geocoder``, the service's answer within the place the article
    gives for it, as for a name the gazetteer lacks: the town, county, state or country named
    nearest in the sentence where ``name`` first appears, else the country the article's
    places lie in most often, else anywhere.

    Without a geocoder nothing leaves the machine.
    """
    name = " ".join(name.split())
    hits = gazetteer.lookup([name_key(name)]).get(name_key(name), ()) if name else ()
    unique = {h.place.id: h.place for h in hits}.values()
    ranked = sorted(unique, key=lambda p: (p.kind is not PlaceKind.COUNTRY, -p.population, p.id))
    offline = tuple(ranked[:most])
    if geocoder is None or not name:
        return PlaceSearch(offline)
    context = _written_in(name, analysis) or _main_country(analysis.mentions, gazetteer)
    area = _area(context, gazetteer) if context else Area(-90, -180, 90, 180, (), "")
    lookup = geocoder.locate(name, area)
    hit = lookup.hit
    if hit is not None and context is not None and not _inside(hit, context, gazetteer):
        return PlaceSearch(offline, f"the answer lies outside {context.label}")
    if hit is None:
        return PlaceSearch(offline, lookup.note)
    kind = PlaceKind.CITY if is_settlement(hit) else PlaceKind.FACILITY
    code = context.country_code if context else ""
    found = Place(f"{geocoder.settings.backend.value}:{hit.ref}", name, kind, hit.coordinate,
                  code, source=geocoder.attribution)  # fmt: skip
    return PlaceSearch((*offline, found))


def _written_in(name: str, analysis: Analysis) -> Place | None:
    """The town, county, state or country named nearest ``name`` in the sentence where the
    article first writes it."""
    at = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", analysis.text, re.IGNORECASE)
    if at is None:
        return None
    near = [m for m in analysis.mentions
            if m.sentence.start <= at.start() < m.sentence.end and m.place is not None
            and m.mention.form.is_toponym and m.place.kind in _CONTEXTS and not m.place.source
            and not (m.start < at.end() and at.start() < m.end)]  # fmt: skip
    best = min(near, key=lambda m: abs(m.start - at.start()), default=None)
    return best.place if best is not None else None


def online_credits(mentions: tuple[PlaceMention, ...]) -> tuple[str, ...]:
    """One line per online service whose answer a mention uses, for ``Analysis.credits``."""
    sources = dict.fromkeys(m.place.source for m in mentions if m.place and m.place.source)
    return tuple(f"Geocoding: some places from {s}." for s in sources)


def _context(
    m: PlaceMention,
    mentions: tuple[PlaceMention, ...],
    gazetteer: Gazetteer,
    country: Place | None,
) -> tuple[Place, float] | None:
    """The place a mention worth asking about lies in, with the confidence in that place;
    ``None`` for a mention not to ask about."""
    place = m.place
    if place is not None:
        if place.kind is not PlaceKind.FACILITY or not place.id.startswith("facility:"):
            return None
        town = gazetteer.get(place.id.rpartition("@")[2])
        if town is None:
            return None
        trust = max((n.confidence for n in mentions if n.place == town), default=m.confidence)
        return town, trust
    if not m.mention.form.is_toponym or m.reference is not Reference.LOCATION:
        return None
    near = [
        n
        for n in mentions
        if n.sentence == m.sentence
        and n is not m
        and n.mention.form.is_toponym
        and n.place is not None
        and n.place.kind in _CONTEXTS
        and not n.place.source
    ]
    if near:
        best = min(near, key=lambda n: abs(n.start - m.start))
        assert best.place is not None
        return best.place, best.confidence
    return (country, _GEOCODED_CONFIDENCE) if country is not None else None


def _main_country(mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> Place | None:
    """The country the article's placed names lie in most often."""
    codes = Counter(
        m.place.country_code
        for m in mentions
        if m.place is not None and m.place.country_code and m.place.kind in _CONTEXTS
    )
    return gazetteer.country(codes.most_common(1)[0][0]) if codes else None


def _area(place: Place, gazetteer: Gazetteer) -> Area:
    codes = (place.country_code.lower(),) if place.country_code else ()
    shape = gazetteer.shape(place.id) if place.kind in _OUTLINED else None
    if shape is not None:
        west, south, east, north = shape.bounds
        return Area(south, west, north, east, codes, place.label)
    radius = _TOWN_KM if place.kind is PlaceKind.CITY else _AREA_KM
    return Area.around(place.coordinate, radius, codes, place.label)


def _inside(hit: Hit, place: Place, gazetteer: Gazetteer) -> bool:
    """The sanity check beyond the box: inside the outline of a county, state or country."""
    shape = gazetteer.shape(place.id) if place.kind in _OUTLINED else None
    if shape is None:
        return True
    point = shapely.Point(hit.coordinate.lonlat())
    return bool(shape.distance(point) <= _SHORE_DEG)


def _place(m: PlaceMention, hit: Hit, context: Place, geocoder: Geocoder) -> Place:
    kind = PlaceKind.FACILITY
    if m.place is None:
        kind = m.mention.kind or (PlaceKind.CITY if is_settlement(hit) else PlaceKind.FACILITY)
    return Place(
        f"{geocoder.settings.backend.value}:{hit.ref}",
        m.text,
        kind,
        hit.coordinate,
        context.country_code,
        0,
        None,
        context.admin1 if context.kind is not PlaceKind.COUNTRY else "",
        geocoder.attribution,
    )
