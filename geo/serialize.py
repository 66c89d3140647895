"""Plain-data views of the result: the ``--json`` document and the batch record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shapely

from geo.models import (
    Analysis,
    Claim,
    DirectionCheck,
    DistanceCheck,
    Event,
    Journey,
    Place,
    PlaceMention,
    Span,
)
from geo.report.views import NOT_LOCATED, Report, as_report, place_label
from geo.timex import TimeMention

__all__ = [
    "NOT_LOCATED",
    "analysis_to_dict",
    "batch_claims",
    "batch_events",
    "batch_places",
    "claim_table",
    "claim_to_dict",
    "event_table",
    "event_to_dict",
    "journey_to_dict",
    "kind_of",
    "leg_table",
    "mention_to_dict",
    "place_label",
    "place_table",
    "place_to_dict",
    "time_to_dict",
]


def place_to_dict(place: Place) -> dict[str, Any]:
    """A place as JSON-ready data; ``source`` only for a place an online geocoder gave."""
    data: dict[str, Any] = {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "lat": place.coordinate.lat,
        "lon": place.coordinate.lon,
        "population": place.population,
        "geonameid": place.geonameid,
    }
    if place.source:
        data["source"] = place.source
    return data


def mention_to_dict(analysis: Analysis, mention: PlaceMention) -> dict[str, Any]:
    """A mention as JSON-ready data; ``note`` only when an online geocoder was asked and its
    answer not used."""
    data: dict[str, Any] = {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "form": mention.mention.form.value,
        "reference": mention.reference.value,
        "place": place_to_dict(mention.place) if mention.place else None,
        "kind": kind_of(mention) or None,
        "confidence": mention.confidence,
        "candidates": [
            {**place_to_dict(c.place), "confidence": c.confidence} for c in mention.candidates
        ],
        "sentence": {
            "start": mention.sentence.start,
            "end": mention.sentence.end,
            "text": analysis.quote(mention),
        },
        "antecedent": mention.antecedent,
    }
    if mention.note:
        data["note"] = mention.note
    return data


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The full result as JSON-ready data."""
    return {
        "published": analysis.published.isoformat() if analysis.published else None,
        "mentions": [mention_to_dict(analysis, m) for m in analysis.mentions],
        "places": [place_to_dict(p) for p in analysis.places()],
        "claims": [claim_to_dict(analysis, c) for c in analysis.claims],
        "events": [event_to_dict(analysis, e) for e in analysis.events],
        "journeys": [journey_to_dict(j) for j in analysis.journeys],
        "credits": list(analysis.credits),
    }


def batch_places(
    mentions: Sequence[PlaceMention], *, all_mentions: bool = False
) -> list[dict[str, Any]]:
    """The ``places`` list of a batch record: one entry per toponym (descriptions and
    anaphors such as "the capital" only with ``all_mentions``)."""
    return [_batch_mention(m) for m in mentions if all_mentions or m.mention.form.is_toponym]


def batch_events(analysis: Analysis) -> list[dict[str, Any]]:
    """The ``events`` list of a batch record (``newsmap batch --events``), in timeline order.

    ``type`` is the event's action; each place is a batch place entry with its ``role``
    (``location``, ``origin``, ``destination``, ``via``), the form the shared event scorer
    reads. Places that are descriptions ("the capital") are kept: they are where it happened.
    """
    return [
        {
            "trigger": {"start": e.trigger.start, "end": e.trigger.end, "text": e.trigger_text},
            "type": e.action.value,
            "time": time_to_dict(e.time),
            "time_inherited": e.time_inherited,
            "certainty": e.certainty.value,
            "source": e.source,
            "actors": list(e.actors),
            "places": [
                {**_batch_mention(analysis.mentions[p.mention]), "role": p.role.value}
                for p in e.places
            ],
            "confidence": e.confidence,
        }
        for e in analysis.events
    ]


def batch_claims(analysis: Analysis) -> list[dict[str, Any]]:
    """The ``claims`` list of a batch record (``newsmap batch --claims``).

    ``verdict`` is one of ``holds``, ``loose``, ``off`` and ``cannot be checked``, the words
    the shared claim scorer reads. ``subject`` and ``reference`` are batch place entries (or
    ``None`` for an end the article does not name), since the mention indices of
    :func:`claim_to_dict` point into a list the batch record does not hold.
    """

    def end(index: int | None) -> dict[str, Any] | None:
        return None if index is None else _batch_mention(analysis.mentions[index])

    return [
        {
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "verdict": c.verdict.value,
            "summary": c.reason,
            "subject": end(c.subject),
            "reference": end(c.reference),
            "distances": [_distance_to_dict(d) for d in c.distances],
            "direction": _direction_to_dict(c.direction),
        }
        for c in analysis.claims
    ]


def kind_of(mention: PlaceMention) -> str:
    """The kind of place a mention names: its place's, or for one not located, what the text
    calls it ("the village of X" is a city), or ``""``."""
    if mention.place is not None:
        return mention.place.kind.value
    kind = mention.mention.kind
    return kind.value if kind is not None else ""


def _batch_mention(m: PlaceMention) -> dict[str, Any]:
    p = m.place
    data: dict[str, Any] = {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "name": p.name if p else None,
        "lat": p.coordinate.lat if p else None,
        "lon": p.coordinate.lon if p else None,
        "country_code": p.country_code if p else None,
        "geonameid": p.geonameid if p else None,
        "kind": kind_of(m) or None,
        "reference": m.reference.value,
        "confidence": m.confidence,
    }
    if p is not None and p.source:
        data["source"] = p.source
    if m.note:
        data["note"] = m.note
    return data


def place_table(
    source: Analysis | Report, *, min_confidence: float = 0.0, hide_organisations: bool = False
) -> list[dict[str, Any]]:
    """One row per mention for display: mention, place, country, coordinates, confidence;
    without mentions below ``min_confidence`` or, if asked, references to governments."""
    return [
        {
            "mention": v.mention.text,
            "place": v.place,
            "country": v.country,
            "lat": v.lat,
            "lon": v.lon,
            "confidence": round(v.mention.confidence, 2),
            "kind": v.kind,
            "reference": v.mention.reference.value,
            "sentence": v.quote,
        }
        for v in as_report(source).mentions
        if v.mention.confidence >= min_confidence and not (hide_organisations and v.organisation)
    ]


def time_to_dict(time: TimeMention | None) -> dict[str, Any] | None:
    if time is None:
        return None
    value = time.value
    return {
        "text": time.text,
        "start": time.start,
        "end": time.end,
        "label": value.label if value else None,
        "date": value.day.isoformat() if value and value.day else None,
        "granularity": value.granularity.value if value else None,
        "part_of_day": value.part_of_day if value else "",
        "clock": value.clock if value else "",
        "utc": value.utc if value else "",
        "modifier": time.modifier.value,
    }


def claim_to_dict(analysis: Analysis, claim: Claim) -> dict[str, Any]:
    def end(index: int | None) -> dict[str, Any] | None:
        if index is None:
            return None
        m = analysis.mentions[index]
        return {
            "mention": index,
            "text": m.text,
            "place": place_to_dict(m.place) if m.place else None,
        }

    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "subject": end(claim.subject),
        "reference": end(claim.reference),
        "verdict": claim.verdict.value,
        "summary": claim.reason,
        "distances": [_distance_to_dict(d) for d in claim.distances],
        "direction": _direction_to_dict(claim.direction),
        "sentence": analysis.excerpt(claim.sentence, Span(claim.start, claim.end)),
    }


def _distance_to_dict(d: DistanceCheck) -> dict[str, Any]:
    return {
        "claimed": d.claimed.text,
        "value": d.claimed.value,
        "low": d.claimed.low,
        "high": d.claimed.high,
        "unit": d.claimed.unit,
        "hedge": d.claimed.hedge,
        "computed": d.computed,
        "difference_pct": d.difference_pct,
        "tolerance_pct": d.tolerance_pct,
        "verdict": d.verdict.value,
        "explanation": d.explanation,
    }


def _direction_to_dict(d: DirectionCheck | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "claimed": d.claimed,
        "claimed_sector": d.claimed_sector,
        "bearing_deg": d.bearing_deg,
        "true_sector": d.true_sector,
        "verdict": d.verdict.value,
        "explanation": d.explanation,
    }


def event_to_dict(analysis: Analysis, event: Event) -> dict[str, Any]:
    return {
        "action": event.action.value,
        "trigger": {
            "text": event.trigger_text,
            "start": event.trigger.start,
            "end": event.trigger.end,
        },
        "actors": list(event.actors),
        "places": [
            {
                "mention": p.mention,
                "text": analysis.mentions[p.mention].text,
                "role": p.role.value,
                "place": place_to_dict(place)
                if (place := analysis.mentions[p.mention].place)
                else None,
            }
            for p in event.places
        ],
        "time": time_to_dict(event.time),
        "time_inherited": event.time_inherited,
        "certainty": event.certainty.value,
        "source": event.source,
        "sentence": {
            "start": event.sentence.start,
            "end": event.sentence.end,
            "text": analysis.excerpt(event.sentence, event.trigger),
        },
        "confidence": event.confidence,
    }


def journey_to_dict(journey: Journey) -> dict[str, Any]:
    return {
        "actor": journey.actor,
        "certainty": journey.certainty.value,
        "events": list(journey.events),
        "legs": [
            {
                "from": place_to_dict(leg.start),
                "to": place_to_dict(leg.end),
                "mode": leg.mode.value,
                "length_km": leg.length_km,
                "length_kind": "straight line" if leg.schematic else "geodesic",
                "schematic": leg.schematic,
                "stated": leg.stated,
                "geometry": shapely.geometry.mapping(leg.geometry),
            }
            for leg in journey.legs
        ],
    }


def event_table(source: Analysis | Report, every: bool = False) -> list[dict[str, Any]]:
    """One row per event with a named place (or ``every`` event), in timeline order, for
    display: the report's event views as table rows."""
    report = as_report(source)
    return [
        {
            "when": v.when,
            "date": v.day.isoformat() if v.day else None,
            "inherited": v.inherited,
            "action": v.what,
            "who": v.who,
            "where": ", ".join(v.where),
            "certainty": v.certainty,
            "source": v.source,
            "confidence": v.event.confidence,
            "sentence": v.sentence,
        }
        for v in (report.events if every else report.timeline)
    ]


def claim_table(source: Analysis | Report) -> list[dict[str, Any]]:
    """One row per check (each figure and the direction) of every claim, the verdict first
    (a narrow window shows it before the claim's words)."""
    return [
        {"verdict": k.verdict, "figure": k.figure, "claim": c.text, "numbers": k.numbers}
        for c in as_report(source).claims
        for k in c.checks
    ]


def leg_table(source: Analysis | Report) -> list[dict[str, Any]]:
    """One row per leg of every journey."""
    return [
        {
            "who": v.traveller,
            "from": v.leg.start.name,
            "to": v.leg.end.name,
            "mode": v.leg.mode.value,
            "km": round(v.leg.length_km),
            "length": "straight line (schematic)" if v.leg.schematic else "geodesic",
            "stated": v.leg.stated,
        }
        for v in as_report(source).legs
    ]
