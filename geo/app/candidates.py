"""What a reader needs to tell candidate places apart: "Charleston, West Virginia, United
States, a town of 46,838, 60 km from Huntington" rather than "Charleston, US (city)" four times.

The list is built from any places (the gazetteer's readings of a mention, the names found for
"add a place", an online geocoder's answers), so a new source of candidates is appended, not
rewired."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from geo.gazetteer import Gazetteer
from geo.geodesy import measure
from geo.lang.en_places import KIND_WORDS
from geo.models import Place, PlaceKind

__all__ = ["CandidateView", "describe_candidates", "story_points"]

# too large for a distance from their centre to say where a candidate lies
_AREAS = frozenset({PlaceKind.CONTINENT, PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.BORDER})


def _trusted_admin1(code: str) -> bool:
    """Whether a town's ``admin1`` code names its state or province by the same code as the
    index's ``admin1:`` entries (ISO 3166-2). Towns carry GeoNames' codes, which the index
    maps to ISO for the US, Canada and Australia only; elsewhere a numeric GeoNames code can
    collide with a numeric ISO one (Donetsk's "05" is Vinnytsia's ISO code), so only codes
    with a letter, which GeoNames' numbers never spell, are trusted."""
    return any(ch.isalpha() for ch in code.partition("-")[2])


@dataclass(frozen=True, slots=True)
class CandidateView:
    """One place a name may mean, with what tells it from the others."""

    place: Place
    state: str  # its state or province ("West Virginia"), "" for none or unknown
    country: str  # the country's name, or its code where the gazetteer has no name
    kind: str  # in a reader's words
    population: int
    nearest: str  # the story's closest other place, "" when the story has none
    nearest_km: float | None

    @property
    def label(self) -> str:
        """``Charleston — West Virginia, United States · city · 46,838 people · 61 km from
        Huntington``."""
        where = ", ".join(p for p in (self.state, self.country) if p and p != self.place.name)
        parts = [f"{self.place.name} — {where}" if where else self.place.name, self.kind]
        if self.population:
            parts.append(f"{self.population:,} people")
        if self.nearest_km is not None:
            parts.append(f"{self.nearest_km:,.0f} km from {self.nearest}")
        if self.place.source:
            parts.append(self.place.source)
        return " · ".join(parts)


def story_points(places: Sequence[Place]) -> tuple[Place, ...]:
    """The places of a story a distance can be measured from: towns, counties, states,
    landmarks; not countries, regions or continents, whose centre says little."""
    return tuple(p for p in places if p.kind not in _AREAS)


def describe_candidates(
    places: Sequence[Place], gazetteer: Gazetteer, story: Sequence[Place] = ()
) -> tuple[CandidateView, ...]:
    """Each of ``places`` (in their order) with its state or province, country, kind,
    population and distance from the closest of ``story`` (the story's other places; a
    candidate is not measured from itself)."""
    points = story_points(story)
    names: dict[str, str] = {}

    def name_of(place_id: str, fallback: str) -> str:
        if place_id not in names:
            found = gazetteer.get(place_id)
            names[place_id] = found.name if found is not None else fallback
        return names[place_id]

    views = []
    for p in places:
        state = ""
        if _trusted_admin1(p.admin1) and p.kind is not PlaceKind.ADMIN1:
            state = name_of(f"admin1:{p.admin1}", "")
        country = name_of(f"country:{p.country_code}", p.country_code) if p.country_code else ""
        nearest, nearest_km = "", None
        for other in points:
            if other.id == p.id:
                continue
            km = measure(p.coordinate, other.coordinate).distance_km
            if nearest_km is None or km < nearest_km:
                nearest, nearest_km = other.name, km
        views.append(CandidateView(p, state, country, KIND_WORDS[p.kind], p.population,
                                   nearest, nearest_km))  # fmt: skip
    return tuple(views)
