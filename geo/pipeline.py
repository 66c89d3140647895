"""The one entry point: text in, :class:`~geo.models.Analysis` out."""

from __future__ import annotations

from datetime import date

from geo.discourse import classify_reference, facility_host, find_descriptions
from geo.extract import is_facility, recognise
from geo.gazetteer import Gazetteer
from geo.inputs import check_text
from geo.models import (
    Analysis,
    Candidate,
    MentionForm,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.resolve import resolve
from geo.text import sentence_spans

__all__ = ["analyze"]

_ANAPHOR_DISCOUNT = 0.8


def analyze(text: str, gazetteer: Gazetteer, *, published: date | None = None) -> Analysis:
    """Find, resolve and qualify every place mention in ``text``.

    ``published`` is the article's publication date, kept on the result for the later stages
    that anchor relative dates. Empty text gives an empty analysis.
    """
    text = check_text(text)
    sentences = sentence_spans(text)
    recognised = recognise(text, gazetteer)
    resolutions = resolve(text, recognised, set(gazetteer.capital_ids))
    named: list[PlaceMention] = []
    for res in resolutions:
        top = res.candidates[0] if res.candidates else None
        place = top.place if top else None
        reference = classify_reference(text, res.mention, place) if place else Reference.LOCATION
        named.append(
            PlaceMention(res.mention, place, top.confidence if top else 0.0, res.candidates,
                         reference, _sentence_of(sentences, res.mention.start))
        )  # fmt: skip
    places = [m.place for m in named]
    for i, m in enumerate(named):
        if m.mention.form is MentionForm.NAME and is_facility(m.text):
            named[i] = _place_facility(named, places, i) or m
    places = [m.place for m in named]
    described: list[tuple[PlaceMention, int | None]] = []
    for d in find_descriptions(text, [m.mention for m in named], places):
        place: Place | None = None
        confidence = 0.0
        if d.border is not None:
            place = gazetteer.border(*d.border)
            confidence = 0.9
        elif d.antecedent is not None:
            source = named[d.antecedent]
            place = source.place
            if place is not None and place.kind.value == "country" and "capital" in d.mention.text.lower():
                place = gazetteer.capital(place.country_code)
            confidence = source.confidence * _ANAPHOR_DISCOUNT
        if place is None:
            continue
        candidates = (Candidate(place, round(confidence, 4)),)
        pm = PlaceMention(d.mention, place, round(confidence, 4), candidates,
                          Reference.LOCATION, _sentence_of(sentences, d.mention.start))  # fmt: skip
        described.append((pm, d.antecedent))
    ordered = sorted(
        [(m, None) for m in named] + described, key=lambda x: (x[0].start, -x[0].end)
    )
    position = {id(m): i for i, (m, _) in enumerate(ordered)}
    mentions = []
    for m, antecedent in ordered:
        if antecedent is not None:
            m = PlaceMention(m.mention, m.place, m.confidence, m.candidates, m.reference,
                             m.sentence, position[id(named[antecedent])])  # fmt: skip
        mentions.append(m)
    return Analysis(text, published, tuple(mentions), tuple(gazetteer.credits))


def _place_facility(named: list[PlaceMention], places: list[Place | None], index: int) -> PlaceMention | None:
    """A street or building, placed at the town its name holds or the article puts it in."""
    m = named[index]
    town, confidence = m.place, m.confidence
    if town is None:
        host = facility_host([x.mention for x in named], places, index)
        if host is None:
            return None
        town, confidence = places[host], named[host].confidence
    assert town is not None
    place = Place(f"facility:{m.mention.key}@{town.id}", m.text, PlaceKind.FACILITY,
                  town.coordinate, town.country_code, 0, None, town.admin1)  # fmt: skip
    confidence = round(0.5 * confidence, 4)
    return PlaceMention(m.mention, place, confidence, (Candidate(place, confidence),),
                        Reference.LOCATION, m.sentence)  # fmt: skip


def _sentence_of(sentences: tuple[Span, ...], offset: int) -> Span:
    for span in sentences:
        if span.start <= offset < span.end:
            return span
    return Span(offset, offset)
