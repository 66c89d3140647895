"""The one entry point: text in, :class:`~geo.models.Analysis` out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from geo.claims import check_claims
from geo.corrections import Correction, apply_corrections
from geo.discourse import Description, classify_reference, facility_host, find_descriptions
from geo.events import find_events, timeline
from geo.extract import Recognition, is_facility, recognise
from geo.gazetteer import Gazetteer
from geo.geocoders import Geocoder
from geo.geocoding import online_credits, place_online
from geo.geodesy import measure
from geo.inputs import check_text
from geo.lang.en import EVENTS
from geo.models import (
    Analysis,
    Candidate,
    Mention,
    MentionForm,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.phones import phone_regions
from geo.quarters import quarter_host, venue_host
from geo.resolve import Resolution, resolve
from geo.routes import build_journeys
from geo.text import sentence_spans, span_at
from geo.timex import find_times

__all__ = ["Places", "analyze", "find_places"]

_ANAPHOR_DISCOUNT = 0.8  # an anaphor is a little less certain than its antecedent
_FACILITY_DISCOUNT = 0.5  # a street placed at its town is a rough position
_BORDER_CONFIDENCE = 0.9
_QUARTER_KM = 50.0  # a district's own reading this close to its town is the district
# A name the text calls a place ("the village of X") that the gazetteer does not hold: sure
# enough that it is a place to be listed, placed nowhere.
_UNLOCATED_CONFIDENCE = 0.3


def analyze(
    text: str,
    gazetteer: Gazetteer,
    *,
    published: date | None = None,
    corrections: Sequence[Correction] = (),
    geocoder: Geocoder | None = None,
) -> Analysis:
    """Everything newsmap finds in ``text``: its places, distance claims, events and
    journeys.

    ``published`` is the article's publication date, against which relative dates ("on
    Monday") are resolved. ``corrections`` are a reader's changes to the places, applied
    before the later stages so that claims, events and routes follow them. ``geocoder``, an
    online service (:func:`geo.geocoders.open_geocoder`), places the streets, buildings and
    villages the gazetteer could not; without one nothing leaves the machine. Empty text gives
    an empty analysis.
    """
    found = find_places(text, gazetteer, geocoder)
    text, mentions, sentences = found.text, found.mentions, found.sentences
    if corrections:
        mentions = apply_corrections(text, mentions, corrections, gazetteer, sentences)
    claims = check_claims(text, mentions, gazetteer, sentences)
    measured_from = frozenset(c.reference for c in claims if c.reference is not None)
    times = find_times(text, published)
    people, tokens = found.recognition.people, found.recognition.tokens
    events = timeline(find_events(text, sentences, mentions, times, people, tokens, published,
                                  EVENTS, measured_from, gazetteer.lexicon.titles))  # fmt: skip
    journeys = build_journeys(text, events, mentions, gazetteer)
    credits = (*gazetteer.credits, *online_credits(mentions))
    return Analysis(text, published, mentions, credits, claims, events, journeys)


@dataclass(frozen=True, slots=True)
class Places:
    """The place stage's result, and what the later stages reuse from it."""

    text: str
    mentions: tuple[PlaceMention, ...]
    sentences: tuple[Span, ...]
    recognition: Recognition


def find_places(text: str, gazetteer: Gazetteer, geocoder: Geocoder | None = None) -> Places:
    """Find, resolve and qualify every place mention in ``text`` (the place stage alone),
    asking ``geocoder``, if given, for what the gazetteer placed roughly or not at all."""
    text = check_text(text)
    sentences = _Sentences(sentence_spans(text))
    recognition = recognise(text, gazetteer)
    implied = [(phone.country_code, phone.admin1) for phone in phone_regions(text)]
    resolutions = resolve(text, recognition.mentions, set(gazetteer.capital_ids), implied)
    named = [_named(text, sentences, r) for r in resolutions]
    places = [m.place for m in named]
    bare = [m.mention for m in named]
    starts = [m.start for m in bare]
    facilities = {
        i for i, m in enumerate(named) if m.mention.form is MentionForm.NAME and is_facility(m.text)
    }
    elsewhere = {
        p.id: named[i].confidence
        for i, p in enumerate(places)
        if p is not None and i not in facilities
    }
    for i in sorted(facilities):
        named[i] = _place_facility(named, bare, starts, places, i, elsewhere) or named[i]
    places = [m.place for m in named]
    for i, m in enumerate(named):
        host = quarter_host(text, bare, places, i, starts)
        if host is not None and not _near_enough(m.place, places[host]):
            # "Giza's Haram district" is no Haram of Norway: it stands at Giza
            named[i] = _place_facility(named, bare, starts, places, i, elsewhere, host) or m
    places = [m.place for m in named]
    countries = Counter(p.country_code for p in places if p is not None)
    home = countries.most_common(1)[0][0] if countries else ""
    home_towns = [
        i
        for i, p in enumerate(places)
        if p is not None and p.kind is PlaceKind.CITY and p.country_code == home
    ]
    for i, m in enumerate(named):
        host = venue_host(bare, places, i, countries, home_towns)
        if host is not None:  # "the rally in Victoria Park" of London, Ontario, not Hong Kong
            named[i] = _place_facility(named, bare, starts, places, i, elsewhere, host) or m
    places = [m.place for m in named]
    described = [
        pm
        for d in find_descriptions(text, bare, places, gazetteer.capital_ids)
        if (pm := _described(d, named, gazetteer, sentences)) is not None
    ]
    mentions = _in_text_order(named, described)
    if geocoder is not None:
        mentions = place_online(mentions, gazetteer, geocoder)
    return Places(text, mentions, sentences.spans, recognition)


def _near_enough(place: Place | None, town: Place | None) -> bool:
    """Whether a district's own reading lies by the town the text gives it to."""
    if place is None or town is None:
        return False
    return measure(place.coordinate, town.coordinate).distance_km <= _QUARTER_KM


class _Sentences:
    """The sentence spans with their starts, listed once for the lookup of each mention's."""

    def __init__(self, spans: tuple[Span, ...]) -> None:
        self.spans = spans
        self.starts = [s.start for s in spans]

    def of(self, offset: int) -> Span:
        """The sentence holding ``offset``, or an empty span there."""
        return span_at(self.spans, self.starts, offset) or Span(offset, offset)


def _named(text: str, sentences: _Sentences, res: Resolution) -> PlaceMention:
    top = res.candidates[0] if res.candidates else None
    place = top.place if top else None
    reference = classify_reference(text, res.mention, place) if place else Reference.LOCATION
    unlocated = _UNLOCATED_CONFIDENCE if res.mention.kind is not None else 0.0
    return PlaceMention(
        res.mention,
        place,
        top.confidence if top else unlocated,
        res.candidates,
        reference,
        sentences.of(res.mention.start),
    )


def _described(
    d: Description, named: list[PlaceMention], gazetteer: Gazetteer, sentences: _Sentences
) -> tuple[PlaceMention, int | None] | None:
    """A description or anaphor with its place, and the index of its antecedent in
    ``named``."""
    place: Place | None = None
    confidence = 0.0
    if d.border is not None:
        place = gazetteer.border(*d.border)
        confidence = _BORDER_CONFIDENCE
    elif d.antecedent is not None:
        source = named[d.antecedent]
        place = source.place
        if place is not None and place.kind is PlaceKind.COUNTRY:
            place = gazetteer.capital(place.country_code)  # "the capital" of that country
        confidence = source.confidence * _ANAPHOR_DISCOUNT
    if place is None:
        return None
    confidence = round(confidence, 4)
    mention = PlaceMention(
        d.mention,
        place,
        confidence,
        (Candidate(place, confidence),),
        Reference.LOCATION,
        sentences.of(d.mention.start),
    )
    return mention, d.antecedent


def _in_text_order(
    named: list[PlaceMention], described: list[tuple[PlaceMention, int | None]]
) -> tuple[PlaceMention, ...]:
    """All mentions by offset, with each antecedent given as an index into the result."""
    entries: list[tuple[PlaceMention, int | None]] = [(m, None) for m in named]
    entries += described
    entries.sort(key=lambda e: (e[0].start, -e[0].end))
    position = {id(m): i for i, (m, _) in enumerate(entries)}
    out = []
    for m, antecedent in entries:
        if antecedent is not None:
            m = PlaceMention(
                m.mention,
                m.place,
                m.confidence,
                m.candidates,
                m.reference,
                m.sentence,
                position[id(named[antecedent])],
            )
        out.append(m)
    return tuple(out)


def _place_facility(
    named: list[PlaceMention],
    bare: list[Mention],
    starts: list[int],
    places: list[Place | None],
    index: int,
    elsewhere: dict[str, float],
    host: int | None = None,
) -> PlaceMention | None:
    """A street or building, placed at the town its name holds or the article puts it in; a
    district, at the town ``host`` the text gives it to (``bare`` are the mentions of
    ``named``, ``starts`` their starts; ``elsewhere`` the confidence of each place the article
    names, by id)."""
    m = named[index]
    town, confidence = m.place, m.confidence
    # the town its name holds, read as the article reads that town elsewhere: "Paris New
    # Generation Baptist Church" in a story of Paris, Texas
    read = [c.place for c in m.candidates if c.place.id in elsewhere]
    if read and town is not None and town.id not in elsewhere:
        town, confidence = read[0], elsewhere[read[0].id]
    if host is not None:
        town, confidence = places[host], named[host].confidence
    elif town is None:
        host = facility_host(bare, places, index, starts)
        if host is None:
            return None
        town, confidence = places[host], named[host].confidence
    if town is None:
        return None
    place = Place(
        f"facility:{m.mention.key}@{town.id}",
        m.text,
        PlaceKind.FACILITY,
        town.coordinate,
        town.country_code,
        0,
        None,
        town.admin1,
    )
    confidence = round(_FACILITY_DISCOUNT * confidence, 4)
    return PlaceMention(
        m.mention,
        place,
        confidence,
        (Candidate(place, confidence),),
        Reference.LOCATION,
        m.sentence,
    )
