"""GeoJSON (RFC 7946) of an analysis: places, events, journey legs and claims, longitude first,
split at the antimeridian."""

from __future__ import annotations

from typing import Any

import shapely.geometry
from shapely.geometry.base import BaseGeometry

from geo.geodesy import split_at_antimeridian
from geo.models import Analysis, PlaceMention
from geo.serialize import claim_to_dict, event_to_dict, place_to_dict
from geo.timex import Granularity

DECIMALS = 6  # about 0.1 m: RFC 7946 section 11.2 advises no more

# --- GeoJSON -------------------------------------------------------------------------------


def to_geojson(analysis: Analysis) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the places, events, journey legs and claims.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.

    Returns
    -------
    dict
        JSON-ready data. Positions are ``[lon, lat]`` rounded to six decimals, and lines are
        split where they cross longitude ±180. Each feature says what it is in
        ``properties["feature"]`` (``place``, ``event``, ``route`` or ``claim``); the data
        credits travel in the foreign member ``attribution``.
    """
    return {
        "type": "FeatureCollection",
        "features": [
            *place_features(analysis),
            *event_features(analysis),
            *route_features(analysis),
            *claim_features(analysis),
        ],
        "attribution": list(analysis.credits),
    }


def _feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _point(lonlat: tuple[float, float]) -> dict[str, Any]:
    return {"type": "Point", "coordinates": _rounded(lonlat)}


def _geometry(geometry: BaseGeometry) -> dict[str, Any]:
    mapped = shapely.geometry.mapping(geometry)
    return {"type": mapped["type"], "coordinates": _rounded(mapped["coordinates"])}


def _rounded(coordinates: Any) -> Any:
    """Nested coordinate tuples as lists, each number rounded."""
    if isinstance(coordinates, int | float):
        return round(float(coordinates), DECIMALS)
    return [_rounded(c) for c in coordinates]


def place_features(analysis: Analysis) -> list[dict[str, Any]]:
    features = []
    by_place: dict[str, list[PlaceMention]] = {}
    for m in analysis.resolved:
        assert m.place is not None
        by_place.setdefault(m.place.id, []).append(m)
    for place in analysis.places():
        mentions = by_place[place.id]
        sources = [
            {
                "text": analysis.quote(m),
                "mention": m.text,
                "start": m.start,
                "end": m.end,
                "sentence_start": m.sentence.start,
                "sentence_end": m.sentence.end,
            }
            for m in mentions
        ]
        properties = {
            "feature": "place",
            **place_to_dict(place),
            "confidence": max(m.confidence for m in mentions),
            "mentions": len(mentions),
            "references": sorted({m.reference.value for m in mentions}),
            "sources": sources,
        }
        features.append(_feature(_point(place.coordinate.lonlat()), properties))
    return features


def event_features(analysis: Analysis) -> list[dict[str, Any]]:
    features = []
    for event in analysis.events:
        placed = [analysis.mentions[p.mention].place for p in event.where]
        first = next((p for p in placed if p is not None), None)
        if first is None:
            continue
        record = event_to_dict(analysis, event)
        time = record["time"] or {}
        where = ", ".join(p["place"]["name"] if p["place"] else p["text"] for p in record["places"])
        who = ", ".join(event.actors) or "someone"
        properties = {
            "feature": "event",
            "name": f"{who}: {event.action.value} ({where})",
            **record,
            "time_label": time.get("label") or "",
            "date": date_text(record["time"]) or None,
        }
        features.append(_feature(_point(first.coordinate.lonlat()), properties))
    return features


def route_features(analysis: Analysis) -> list[dict[str, Any]]:
    features = []
    for number, journey in enumerate(analysis.journeys):
        actor = journey.actor or "unnamed traveller"
        for index, leg in enumerate(journey.legs):
            properties = {
                "feature": "route",
                "name": f"{actor}: {leg.start.name} → {leg.end.name} ({leg.mode.value})",
                "actor": journey.actor,
                "journey": number,
                "leg": index,
                "certainty": journey.certainty.value,
                "mode": leg.mode.value,
                "from": leg.start.name,
                "to": leg.end.name,
                "via": leg.via.name if leg.via else None,
                "length_km": round(leg.length_km, 1),
                "length_kind": "straight line" if leg.schematic else "geodesic",
                "schematic": leg.schematic,
                "stated": leg.stated,
            }
            features.append(_feature(_geometry(leg.geometry), properties))
    return features


def claim_features(analysis: Analysis) -> list[dict[str, Any]]:
    features = []
    for claim in analysis.claims:
        if claim.subject is None or claim.reference is None:
            continue
        subject = analysis.mentions[claim.subject].place
        reference = analysis.mentions[claim.reference].place
        if subject is None or reference is None:
            continue
        explanations = [d.explanation for d in claim.distances]
        if claim.direction is not None:
            explanations.append(claim.direction.explanation)
        properties = {
            "feature": "claim",
            "name": claim.text,
            **claim_to_dict(analysis, claim),
            "explanations": explanations,
        }
        # the straight line the map draws, from the reference to the subject
        line = split_at_antimeridian([reference.coordinate.lonlat(), subject.coordinate.lonlat()])
        features.append(_feature(_geometry(line), properties))
    return features


def date_text(time: dict[str, Any] | None) -> str:
    """The date no finer than the article gives it: ``2019``, ``2023-07``, ``2023-09-10``."""
    if time is None or time["date"] is None:
        return ""
    day: str = time["date"]
    if time["granularity"] == Granularity.YEAR.value:
        return day[:4]
    if time["granularity"] == Granularity.MONTH.value:
        return day[:7]
    return day


def kml_when(time: dict[str, Any] | None) -> str:
    """A KML ``when``: an XML Schema year, month, date or UTC dateTime."""
    day = date_text(time)
    if day and time is not None and time["utc"] and len(day) == 10:
        return f"{day}T{time['utc']}:00Z"
    return day
