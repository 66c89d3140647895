"""Immutable values passed between the pipeline stages."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from geo.ontology import Action  # (a value type of its own module, re-exported here)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from geo.timex import TimeMention

__all__ = [
    "QUOTE_CHARS", "Action", "Analysis", "Bound", "Candidate", "Certainty", "Claim", "ClaimedValue",
    "Coordinate", "Crossing", "DirectionCheck", "DistanceCheck", "Event", "EventPlace", "Journey",
    "Leg", "Mention", "MentionForm", "Mode", "Place", "PlaceKind", "PlaceMention", "PlaceRole",
    "Reference", "Span", "Verdict",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coordinate:
    """A WGS84 point. Build it as ``Coordinate(lat, lon)``; convert only by the named methods.

    >>> Coordinate(39.03, 125.75).lonlat()
    (125.75, 39.03)
    >>> Coordinate(91, 0)
    Traceback (most recent call last):
    ...
    ValueError: latitude 91 is outside [-90, 90]
    """

    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
            raise ValueError(f"latitude {self.lat} is outside [-90, 90]")
        if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"longitude {self.lon} is outside [-180, 180]")

    def latlon(self) -> tuple[float, float]:
        """Order used by folium and geopy."""
        return (self.lat, self.lon)

    def lonlat(self) -> tuple[float, float]:
        """Order used by GeoJSON and shapely."""
        return (self.lon, self.lat)


class PlaceKind(StrEnum):
    """What sort of feature a gazetteer entry is, from the largest to the smallest."""

    CONTINENT = "continent"
    COUNTRY = "country"
    REGION = "region"
    ADMIN1 = "admin1"
    COUNTY = "county"
    CITY = "city"
    WATER = "water"
    LANDMARK = "landmark"
    BORDER = "border"
    FACILITY = "facility"  # a street or building, placed at the town the article puts it in


class MentionForm(StrEnum):
    """How the text names the place."""

    NAME = "name"
    ABBREVIATION = "abbreviation"
    DEMONYM = "demonym"
    DATELINE = "dateline"
    DESCRIPTION = "description"  # "the eastern Russian city", "the North Korea-Russia frontier"
    ANAPHOR = "anaphor"  # "the capital", "The city", "a border river"

    @property
    def is_toponym(self) -> bool:
        """A place named in the text, as opposed to described or referred back to."""
        return self not in (MentionForm.DESCRIPTION, MentionForm.ANAPHOR)


class Reference(StrEnum):
    """Whether a mention means the place itself or a government or organisation there."""

    LOCATION = "location"
    ORGANISATION = "organisation"


QUOTE_CHARS = 400  # a long news sentence runs to 300 characters; past that, the words near it


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``id`` is stable across builds: ``geonames:524901`` for a GeoNames city, ``country:RU``,
    ``admin1:US-KY``, ``county:21169``, ``region:middle-east``, ``border:KP-RU``.
    """

    id: str
    name: str
    kind: PlaceKind
    coordinate: Coordinate
    country_code: str = ""
    population: int = 0
    geonameid: int | None = None
    admin1: str = ""
    # who gave the position, when not the offline gazetteer: "Nominatim (© OpenStreetMap
    # contributors, ODbL)" for a place found by an online geocoder (geo.geocoders)
    source: str = ""

    @property
    def label(self) -> str:
        """Name with its country code, for tables: ``Moscow, RU``."""
        return f"{self.name}, {self.country_code}" if self.country_code else self.name


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that may name a place, before resolution."""

    start: int
    end: int
    text: str
    form: MentionForm
    key: str
    kind: PlaceKind | None = None  # what the text calls it ("the village of X"), if it says


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a mention may mean, with the resolver's confidence in it."""

    place: Place
    confidence: float


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A mention resolved to a place, with its alternatives and its evidence.

    ``place`` is ``None`` when no candidate was good enough; ``candidates`` keeps the ranked
    alternatives either way. ``sentence`` is the span of the sentence that holds the mention.
    ``antecedent`` is the index (in :attr:`Analysis.mentions`) of the mention an anaphor such as
    "the capital" refers to.
    """

    mention: Mention
    place: Place | None
    confidence: float
    candidates: tuple[Candidate, ...]
    reference: Reference
    sentence: Span
    antecedent: int | None = None
    corrected: bool = False  # set by a reader's correction, not by the resolver
    note: str = ""  # why an online geocoder's answer was not used, when one was asked

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def text(self) -> str:
        return self.mention.text


class Verdict(StrEnum):
    """The outcome of checking one figure of a claim."""

    HOLDS = "holds"
    LOOSE = "loose"  # a direction one sector off: "north" for a place to the north-east
    OFF = "off"
    UNCHECKABLE = "cannot be checked"


class Bound(StrEnum):
    """Which side a figure bounds: "about 50 km" is a point, "more than 50 km" a least,
    "within 50 km" a most."""

    POINT = "point"
    MIN = "min"
    MAX = "max"


@dataclass(frozen=True, slots=True)
class ClaimedValue:
    """One figure of a distance claim as written: "about 425 miles", "30-40 km", "a few
    miles" (vague: no value, no range)."""

    start: int
    end: int
    text: str
    value: float | None  # None for a range or a vague amount
    low: float | None
    high: float | None
    unit: str  # km, m, mi, nmi, yd, ft, blocks
    hedge: str  # about, nearly, more than, within, ... or ""
    bound: Bound = Bound.POINT

    @property
    def vague(self) -> bool:
        """An amount with no number: "a few miles", "several kilometres"."""
        return self.value is None and self.low is None


@dataclass(frozen=True, slots=True)
class DistanceCheck:
    """A claimed figure against the geodesic, with the tolerance it was given."""

    claimed: ClaimedValue
    computed: float  # in the claim's unit
    tolerance_pct: float  # hedge + rounding + size of the places, as a share of the figure
    difference_pct: float  # (claimed - computed) / computed
    verdict: Verdict
    explanation: str


@dataclass(frozen=True, slots=True)
class DirectionCheck:
    claimed: str  # the word in the text: "north", "north-east"
    claimed_sector: str  # N, NE, ...
    bearing_deg: float  # true initial bearing from the reference to the subject
    true_sector: str
    verdict: Verdict
    explanation: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A distance or direction claim between two places, and its checks.

    ``subject`` and ``reference`` are indices into :attr:`Analysis.mentions` ("Vladivostok
    is ... north of Pyongyang": Vladivostok is the subject, Pyongyang the reference).
    """

    start: int
    end: int
    text: str
    sentence: Span
    subject: int | None
    reference: int | None
    distances: tuple[DistanceCheck, ...]
    direction: DirectionCheck | None
    verdict: Verdict
    reason: str  # why it cannot be checked, or a one-line summary
    # The places measured between: a mention's place, or one the claim alone names ("the
    # capital" of the country, a village the place stage did not take); None when unnamed.
    subject_place: Place | None = None
    reference_place: Place | None = None


class Certainty(StrEnum):
    """How sure the article is that the event took place."""

    HAPPENED = "happened"
    REPORTED = "reported"
    EXPECTED = "expected"
    POSSIBLE = "possible"
    DENIED = "denied"


class PlaceRole(StrEnum):
    """What a place is to an event. ``CONTEXT`` is an area that only encloses the event's
    location ("Yemen" in "Yemen's Maarib province"); ``REFERENCE`` is the far end of a distance
    or direction ("30 km from Kabul"). Neither is where the event happened."""

    ORIGIN = "origin"
    DESTINATION = "destination"
    VIA = "via"
    LOCATION = "location"
    CONTEXT = "context"
    REFERENCE = "reference"

    @property
    def situates(self) -> bool:
        """Whether the event happened at, or moved through, a place in this role."""
        return self not in (PlaceRole.CONTEXT, PlaceRole.REFERENCE)


@dataclass(frozen=True, slots=True)
class EventPlace:
    mention: int  # index into Analysis.mentions
    role: PlaceRole


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what, where and when, as one sentence of the article tells it."""

    trigger: Span
    trigger_text: str
    action: Action
    actors: tuple[str, ...]
    places: tuple[EventPlace, ...]
    time: TimeMention | None
    time_inherited: bool  # the date comes from an earlier sentence, not this one
    certainty: Certainty
    source: str  # who says so ("KCNA", "US officials"), or ""
    sentence: Span
    confidence: float

    @property
    def where(self) -> tuple[EventPlace, ...]:
        """The places the event happened at or moved between, without those given as its
        context or as the far end of a distance."""
        return tuple(p for p in self.places if p.role.situates)


@dataclass(frozen=True, slots=True)
class Crossing:
    """A border crossing from ``data/crossings.csv``: where a ground journey between two
    countries passes, by which modes, and when it was in use."""

    place: Place
    countries: tuple[str, str]
    modes: tuple[str, ...]  # rail, road, foot, ferry
    opened: str
    closed: str
    source: str


class Mode(StrEnum):
    RAIL = "rail"
    ROAD = "road"
    AIR = "air"
    SEA = "sea"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Leg:
    """One stretch of a journey. A schematic leg is drawn straight between its ends (or
    through a crossing) because the article does not say how it ran; its length is a
    straight-line length, never a rail or road distance."""

    start: Place
    end: Place
    mode: Mode
    geometry: BaseGeometry  # lon/lat, split at the antimeridian
    length_km: float  # along the geometry
    schematic: bool
    stated: bool  # the article names both ends of this leg
    via: Place | None = None  # the border crossing passed


@dataclass(frozen=True, slots=True)
class Journey:
    """The ordered movements of one actor."""

    actor: str
    legs: tuple[Leg, ...]
    events: tuple[int, ...]  # indices into Analysis.events
    certainty: Certainty


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything newsmap found in one article."""

    text: str
    published: date | None
    mentions: tuple[PlaceMention, ...]
    credits: tuple[str, ...] = field(default=())
    claims: tuple[Claim, ...] = field(default=())
    events: tuple[Event, ...] = field(default=())
    journeys: tuple[Journey, ...] = field(default=())

    @property
    def placed_events(self) -> tuple[Event, ...]:
        """The events that happened at, or moved between, places the article names (located
        or not): the rows of the timeline. The rest (a statement, a "fight" with no place
        named) stay in ``events`` and in the data exports."""
        return tuple(e for e in self.events if e.where)

    @property
    def resolved(self) -> tuple[PlaceMention, ...]:
        """Mentions that were placed, in text order."""
        return tuple(m for m in self.mentions if m.place is not None)

    def places(self) -> tuple[Place, ...]:
        """Distinct places, most mentioned first (ties by first mention)."""
        counts: dict[str, int] = {}
        first: dict[str, Place] = {}
        for m in self.resolved:
            assert m.place is not None
            counts[m.place.id] = counts.get(m.place.id, 0) + 1
            first.setdefault(m.place.id, m.place)
        order = sorted(first, key=lambda pid: -counts[pid])
        return tuple(first[pid] for pid in order)

    def _repr_html_(self) -> str:
        """Jupyter's inline view: a compact table of places, events and claims."""
        # imported here, as IPython calls it: the renderer depends on this model, not back
        from geo.report.notebook import analysis_html

        return analysis_html(self)

    def quote(self, mention: PlaceMention) -> str:
        """The sentence that holds ``mention``, cut to :data:`QUOTE_CHARS` around it."""
        return self.excerpt(mention.sentence, mention.mention)

    def excerpt(self, sentence: Span, focus: Span | Mention) -> str:
        """``sentence`` cut to :data:`QUOTE_CHARS` around ``focus``."""
        return "".join(self.quote_parts(sentence, focus))

    def quote_parts(self, sentence: Span, focus: Span | Mention) -> tuple[str, str, str]:
        """What a quote shows before ``focus``, ``focus`` itself and what follows, within
        ``sentence`` and at most :data:`QUOTE_CHARS` in all (an ellipsis marks a cut), so
        that an output quoting every mention grows with the text, not with its square."""
        start, end = max(focus.start, sentence.start), min(focus.end, sentence.end)
        room = max(0, QUOTE_CHARS - (end - start)) // 2
        left = max(sentence.start, start - room)
        right = min(sentence.end, end + room + (room - (start - left)))
        left = max(sentence.start, start - room - (room - (right - end)))
        cut_left = "…" if left > sentence.start else ""
        cut_right = "…" if right < sentence.end else ""
        return (cut_left + self.text[left:start], self.text[start:end][:QUOTE_CHARS],
                self.text[end:right] + cut_right)  # fmt: skip
