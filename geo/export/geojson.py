"""GeoJSON (RFC 7946) of an analysis: places, events, journey legs and claims, longitude first,
split at the antimeridian, rendered from the one view of the result
(:func:`geo.report.views.build_report`)."""

from __future__ import annotations

from typing import Any

import shapely.geometry
from shapely.geometry.base import BaseGeometry

from geo.models import Analysis
from geo.report.views import UNNAMED_TRAVELLER, Report, as_report
from geo.serialize import claim_to_dict, event_to_dict, place_to_dict

DECIMALS = 6  # about 0.1 m: RFC 7946 section 11.2 advises no more

# --- GeoJSON -------------------------------------------------------------------------------


def to_geojson(source: Analysis | Report) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of the places, events, journey legs and claims.

    Parameters
    ----------
    source
        The result of :func:`geo.analyze`, or its :class:`~geo.report.views.Report`.

    Returns
    -------
    dict
        JSON-ready data. Positions are ``[lon, lat]`` rounded to six decimals, and lines are
        split where they cross longitude ±180. Each feature says what it is in
        ``properties["feature"]`` (``place``, ``event``, ``route`` or ``claim``); the data
        credits travel in the foreign member ``attribution``.
    """
    report = as_report(source)
    return {
        "type": "FeatureCollection",
        "features": [
            *place_features(report),
            *event_features(report),
            *route_features(report),
            *claim_features(report),
        ],
        "attribution": list(report.credits),
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


def place_features(source: Analysis | Report) -> list[dict[str, Any]]:
    features = []
    for view in as_report(source).places:
        sources = [
            {
                "text": m.quote,
                "mention": m.mention.text,
                "start": m.mention.start,
                "end": m.mention.end,
                "sentence_start": m.mention.sentence.start,
                "sentence_end": m.mention.sentence.end,
            }
            for m in view.mentions
        ]
        properties = {
            "feature": "place",
            **place_to_dict(view.place),
            "kind_words": view.kind,
            "colour": view.colour,
            "confidence": view.confidence,
            "mentions": len(view.mentions),
            "references": list(view.references),
            "sources": sources,
        }
        features.append(_feature(_point(view.lonlat), properties))
    return features


def event_features(source: Analysis | Report) -> list[dict[str, Any]]:
    report = as_report(source)
    features = []
    for view in report.events:
        if view.point is None:
            continue
        properties = {
            "feature": "event",
            "name": view.title,
            **event_to_dict(report.analysis, view.event),
            "time_label": view.when,
            "date": view.date or None,
        }
        features.append(_feature(_point(view.point), properties))
    return features


def route_features(source: Analysis | Report) -> list[dict[str, Any]]:
    features = []
    for view in as_report(source).legs:
        leg = view.leg
        properties = {
            "feature": "route",
            "name": view.title,
            "actor": view.traveller if view.traveller != UNNAMED_TRAVELLER else "",
            "journey": view.journey,
            "leg": view.index,
            "certainty": view.certainty,
            "mode": leg.mode.value,
            "from": leg.start.name,
            "to": leg.end.name,
            "via": leg.via.name if leg.via else None,
            "length_km": round(leg.length_km, 1),
            "length_kind": view.length_kind,
            "schematic": leg.schematic,
            "stated": leg.stated,
            "colour": view.colour,
        }
        features.append(_feature(_geometry(leg.geometry), properties))
    return features


def claim_features(source: Analysis | Report) -> list[dict[str, Any]]:
    report = as_report(source)
    features = []
    for view in report.claims:
        if view.line is None:
            continue
        properties = {
            "feature": "claim",
            "name": view.text,
            **claim_to_dict(report.analysis, view.claim),
            "explanations": [c.numbers for c in view.checks if c.figure],
            "colour": view.colour,
        }
        # the straight line the map draws, from the reference to the subject
        features.append(_feature(_geometry(view.line), properties))
    return features
