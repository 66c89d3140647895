"""What every output shows of a result, decided once (DESIGN.md, "one typed view").

:func:`build_report` turns an :class:`~geo.models.Analysis` into a :class:`Report`: a view
of each mention, place, event, claim and journey leg with its labels already written (the
time of an event, the name and kind of a place in a reader's words, the length of a leg and
whether it is a straight line), its colour from the one palette (:mod:`geo.report.style`) and
its geometry split at the antimeridian. The map, the briefing, GeoJSON, KML, CSV, the command
line's tables and the app's tables render a report; none works a label out again.

>>> import geo
>>> analysis = geo.analyze("Protesters marched in Nairobi on Monday.", geo.load_gazetteer(),
...                        published=__import__("datetime").date(2024, 3, 6))  # doctest: +SKIP
>>> [(v.when, v.where) for v in build_report(analysis).timeline]  # doctest: +SKIP
[('2024-03-04', ('Nairobi (location)',)), ...]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shapely.geometry.base import BaseGeometry

from geo.framing import importance
from geo.geodesy import midpoint, split_at_antimeridian
from geo.lang.en_places import KIND_WORDS
from geo.models import (
    Analysis,
    Claim,
    Coordinate,
    Event,
    Journey,
    Leg,
    Place,
    PlaceMention,
    Reference,
    Span,
)
from geo.report.style import (
    KIND_COLOURS,
    ORGANISATION_COLOUR,
    ROUTE_COLOURS,
    VERDICT_COLOURS,
)
from geo.timex import Granularity, Modifier

__all__ = [
    "NOT_LOCATED",
    "UNNAMED_TRAVELLER",
    "CheckView",
    "ClaimView",
    "EventView",
    "LegView",
    "MentionView",
    "PlaceView",
    "Report",
    "as_report",
    "build_report",
    "date_text",
    "event_views",
    "kind_words",
    "place_label",
    "when_label",
]

NOT_LOCATED = "not located"  # what a table shows for a place the gazetteer does not hold
UNNAMED_TRAVELLER = "Unnamed traveller"
_OTHER_COLOUR = "#555555"  # a place kind the palette does not list


def place_label(mention: PlaceMention) -> str:
    """The name of the place a mention means, or the mention marked as not located."""
    if mention.place is not None:
        return mention.place.name
    return f"{mention.text} ({NOT_LOCATED})"


def kind_words(mention: PlaceMention) -> str:
    """What sort of place a mention names, in a reader's words ("state/province", not
    "admin1"): its place's kind, or for one not located what the text calls it; ``""`` when
    neither is known."""
    kind = mention.place.kind if mention.place is not None else mention.mention.kind
    return KIND_WORDS[kind] if kind is not None else ""


def when_label(event: Event) -> str:
    """An event's time as every output writes it: the resolved label with its modifier ("from
    2023-09-12", "until 2023-09"), else the article's own words for it ("last spring"), else
    ``""`` where the article gives no time."""
    time = event.time
    if time is None:
        return ""
    if time.value is None:
        return time.words
    if time.modifier is Modifier.ON:
        return time.value.label
    return f"{time.modifier.value} {time.value.label}"


def date_text(event: Event) -> str:
    """The event's date no finer than the article gives it: ``2019``, ``2023-07``,
    ``2023-09-10``; ``""`` without one."""
    value = event.time.value if event.time else None
    if value is None or value.day is None:
        return ""
    day = value.day.isoformat()
    if value.granularity is Granularity.YEAR:
        return day[:4]
    if value.granularity is Granularity.MONTH:
        return day[:7]
    return day


def _stamp(event: Event) -> str:
    """The date as an XML Schema year, month, date or UTC dateTime (KML's ``when``)."""
    day = date_text(event)
    value = event.time.value if event.time else None
    if day and value is not None and value.utc and len(day) == 10:
        return f"{day}T{value.utc}:00Z"
    return day


@dataclass(frozen=True, slots=True)
class MentionView:
    """One mention of a place, as a row of the places table."""

    mention: PlaceMention
    place: str  # the place's name, or NOT_LOCATED
    kind: str  # in a reader's words; "" when unknown
    country: str
    lat: float | None
    lon: float | None
    organisation: bool  # a government or organisation there, not the place itself
    quote: str  # the sentence, cut around the mention


@dataclass(frozen=True, slots=True)
class PlaceView:
    """One located place with every mention of it, most mentioned first."""

    place: Place
    kind: str  # in a reader's words
    colour: str  # by kind, or the organisations' colour where every mention is one
    mentions: tuple[MentionView, ...]
    confidence: float  # the highest of its mentions
    references: tuple[str, ...]  # "location", "organisation"
    organisation: bool  # every mention means a government or organisation
    importance: float  # see geo.framing.importance: the size and order of its label

    @property
    def name(self) -> str:
        return self.place.name

    @property
    def lonlat(self) -> tuple[float, float]:
        return self.place.coordinate.lonlat()


@dataclass(frozen=True, slots=True)
class EventView:
    """One event as a row of a timeline."""

    event: Event
    when: str  # see when_label; "" for no time
    inherited: bool  # the date is the day the story was last at, not said in the sentence
    day: date | None  # the first day of the time, for sorting and charts
    what: str
    who: str
    where: tuple[str, ...]  # "Vladivostok (destination)", "Jobar (not located) (location)"
    certainty: str
    source: str
    date: str  # see date_text
    stamp: str  # XML Schema date or dateTime, for KML's time slider
    title: str  # "Kim Jong Un: travel (Vladivostok)"
    point: tuple[float, float] | None  # lon/lat of the first located place
    sentence: str  # the sentence, cut around the trigger


@dataclass(frozen=True, slots=True)
class CheckView:
    """One figure or direction of a claim and what the geodesic says of it."""

    figure: str  # "425 miles", "north"; "" where the claim could not be read into checks
    verdict: str
    numbers: str  # the explanation with its numbers


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A distance or direction claim with its checks."""

    claim: Claim
    verdict: str  # "holds", "loose", "off", "cannot be checked"
    colour: str
    checks: tuple[CheckView, ...]
    sentence: str  # cut around the claim
    ends: tuple[str, str] | None  # (reference, subject) names where both are located
    line: BaseGeometry | None  # lon/lat from the reference to the subject, split at ±180
    points: tuple[Coordinate, Coordinate] | None  # the reference's and the subject's

    @property
    def text(self) -> str:
        return self.claim.text


@dataclass(frozen=True, slots=True)
class LegView:
    """One leg of a journey, with the words every output writes of it."""

    leg: Leg
    journey: int  # index into Analysis.journeys
    index: int  # the leg's place in its journey
    traveller: str  # the actor, or UNNAMED_TRAVELLER
    certainty: str
    colour: str  # one per journey
    length_kind: str  # "geodesic" or "straight line"
    label_point: tuple[float, float]  # lat/lon where the length is written

    @property
    def length(self) -> str:
        """The length as the map writes it: ``558 km``, starred where it is schematic."""
        return f"{self.leg.length_km:,.0f} km{'*' if self.leg.schematic else ''}"

    @property
    def summary(self) -> str:
        """``Pyongyang → Vladivostok: rail, 685 km (straight line, schematic)``."""
        leg = self.leg
        kind = "straight line, schematic" if leg.schematic else "geodesic"
        return (
            f"{leg.start.name} → {leg.end.name}: {leg.mode.value}, {leg.length_km:,.0f} km ({kind})"
        )

    @property
    def title(self) -> str:
        return f"{self.traveller}: {self.summary}"


@dataclass(frozen=True, slots=True)
class Report:
    """The result as every output shows it."""

    analysis: Analysis
    mentions: tuple[MentionView, ...]  # every mention, in text order
    places: tuple[PlaceView, ...]  # most mentioned first
    events: tuple[EventView, ...]  # every event, in timeline order
    timeline: tuple[EventView, ...]  # the events with a named place
    claims: tuple[ClaimView, ...]
    legs: tuple[LegView, ...]
    credits: tuple[str, ...]


def build_report(analysis: Analysis) -> Report:
    """Every view of ``analysis``, worked out once."""
    mentions = tuple(_mention_view(analysis, m) for m in analysis.mentions)
    events = _event_views(analysis, analysis.events)
    placed = set(map(id, analysis.placed_events))
    return Report(
        analysis=analysis,
        mentions=mentions,
        places=_place_views(analysis, mentions, importance(analysis)),
        events=events,
        timeline=tuple(v for v in events if id(v.event) in placed),
        claims=tuple(_claim_view(analysis, c) for c in analysis.claims),
        legs=tuple(
            _leg_view(journey, n, i)
            for n, journey in enumerate(analysis.journeys)
            for i in range(len(journey.legs))
        ),
        credits=analysis.credits,
    )


def as_report(source: Analysis | Report) -> Report:
    """``source`` as a report: a writer accepts either, and builds the views only once."""
    return source if isinstance(source, Report) else build_report(source)


def event_views(analysis: Analysis, every: bool = False) -> tuple[EventView, ...]:
    """The timeline's rows, in timeline order: the events with a named place, or ``every``
    event."""
    return _event_views(analysis, analysis.events if every else analysis.placed_events)


def _mention_view(analysis: Analysis, m: PlaceMention) -> MentionView:
    p = m.place
    return MentionView(
        mention=m,
        place=p.name if p else NOT_LOCATED,
        kind=kind_words(m),
        country=p.country_code if p else "",
        lat=p.coordinate.lat if p else None,
        lon=p.coordinate.lon if p else None,
        organisation=m.reference is Reference.ORGANISATION,
        quote=analysis.quote(m),
    )


def _place_views(
    analysis: Analysis, mentions: tuple[MentionView, ...], score: dict[str, float]
) -> tuple[PlaceView, ...]:
    by_place: dict[str, list[MentionView]] = {}
    for view in mentions:
        if view.mention.place is not None:
            by_place.setdefault(view.mention.place.id, []).append(view)
    views = []
    for place in analysis.places():
        of_place = tuple(by_place[place.id])
        organisation = all(v.organisation for v in of_place)
        views.append(
            PlaceView(
                place=place,
                kind=KIND_WORDS[place.kind],
                colour=ORGANISATION_COLOUR
                if organisation
                else KIND_COLOURS.get(place.kind, _OTHER_COLOUR),
                mentions=of_place,
                confidence=max(v.mention.confidence for v in of_place),
                references=tuple(sorted({v.mention.reference.value for v in of_place})),
                organisation=organisation,
                importance=score.get(place.id, 0.0),
            )
        )
    views.sort(key=lambda v: -len(v.mentions))  # stable: ties keep the text's order
    return tuple(views)


def _event_views(analysis: Analysis, events: tuple[Event, ...]) -> tuple[EventView, ...]:
    views = []
    for e in events:
        value = e.time.value if e.time else None
        ends = [(analysis.mentions[p.mention], p.role.value) for p in e.places]
        where = tuple(f"{place_label(m)} ({role})" for m, role in ends)
        who = ", ".join(e.actors)
        first = next(
            (m.place for m in (analysis.mentions[p.mention] for p in e.where) if m.place), None
        )
        names = ", ".join(m.place.name if m.place else m.text for m, _ in ends)
        views.append(
            EventView(
                event=e,
                when=when_label(e),
                inherited=e.time_inherited,
                day=value.day if value else None,
                what=e.action.value,
                who=who,
                where=where,
                certainty=e.certainty.value,
                source=e.source,
                date=date_text(e),
                stamp=_stamp(e),
                title=f"{who or 'someone'}: {e.action.value} ({names})",
                point=first.coordinate.lonlat() if first else None,
                sentence=analysis.excerpt(e.sentence, e.trigger),
            )
        )
    return tuple(views)


def _claim_view(analysis: Analysis, claim: Claim) -> ClaimView:
    checks = [CheckView(d.claimed.text, d.verdict.value, d.explanation) for d in claim.distances]
    if claim.direction is not None:
        d = claim.direction
        checks.append(CheckView(d.claimed, d.verdict.value, d.explanation))
    if not checks:
        checks.append(CheckView("", claim.verdict.value, claim.reason))
    subject = analysis.mentions[claim.subject].place if claim.subject is not None else None
    reference = analysis.mentions[claim.reference].place if claim.reference is not None else None
    ends = line = points = None
    if subject is not None and reference is not None:
        ends = (reference.label, subject.label)
        points = (reference.coordinate, subject.coordinate)
        line = split_at_antimeridian([reference.coordinate.lonlat(), subject.coordinate.lonlat()])
    return ClaimView(
        claim=claim,
        verdict=claim.verdict.value,
        colour=VERDICT_COLOURS[claim.verdict],
        checks=tuple(checks),
        sentence=analysis.excerpt(claim.sentence, Span(claim.start, claim.end)),
        ends=ends,
        line=line,
        points=points,
    )


def _leg_view(journey: Journey, number: int, index: int) -> LegView:
    leg = journey.legs[index]
    if leg.via is None:
        point = midpoint(leg.start.coordinate, leg.end.coordinate).latlon()
    else:  # halfway along the drawn line through the crossing
        middle = leg.geometry.interpolate(0.5, normalized=True)
        point = (middle.y, middle.x)
    return LegView(
        leg=leg,
        journey=number,
        index=index,
        traveller=journey.actor or UNNAMED_TRAVELLER,
        certainty=journey.certainty.value,
        colour=ROUTE_COLOURS[number % len(ROUTE_COLOURS)],
        length_kind="straight line" if leg.schematic else "geodesic",
        label_point=point,
    )
