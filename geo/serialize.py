"""Plain-data views of the result: the ``--json`` document and the batch record."""

from __future__ import annotations

from typing import Any

from geo.models import Analysis, Place, PlaceMention

__all__ = ["analysis_to_dict", "batch_places", "mention_to_dict", "place_table", "place_to_dict"]


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "country_code": place.country_code,
        "lat": place.coordinate.lat,
        "lon": place.coordinate.lon,
        "population": place.population,
        "geonameid": place.geonameid,
    }


def mention_to_dict(analysis: Analysis, mention: PlaceMention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "form": mention.mention.form.value,
        "reference": mention.reference.value,
        "place": place_to_dict(mention.place) if mention.place else None,
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


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The full result as JSON-ready data."""
    return {
        "published": analysis.published.isoformat() if analysis.published else None,
        "mentions": [mention_to_dict(analysis, m) for m in analysis.mentions],
        "places": [place_to_dict(p) for p in analysis.places()],
        "credits": list(analysis.credits),
    }


def batch_places(analysis: Analysis, *, all_mentions: bool = False) -> list[dict[str, Any]]:
    """The ``places`` list of a batch record: one entry per toponym (descriptions and
    anaphors such as "the capital" only with ``all_mentions``)."""
    out = []
    for m in analysis.mentions:
        if not (all_mentions or m.mention.form.is_toponym):
            continue
        p = m.place
        out.append(
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "name": p.name if p else None,
                "lat": p.coordinate.lat if p else None,
                "lon": p.coordinate.lon if p else None,
                "country_code": p.country_code if p else None,
                "geonameid": p.geonameid if p else None,
                "kind": p.kind.value if p else None,
                "reference": m.reference.value,
                "confidence": m.confidence,
            }
        )
    return out


def place_table(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per mention for display: mention, place, country, coordinates, confidence."""
    rows = []
    for m in analysis.mentions:
        p = m.place
        rows.append(
            {
                "mention": m.text,
                "place": p.name if p else "",
                "country": p.country_code if p else "",
                "lat": p.coordinate.lat if p else None,
                "lon": p.coordinate.lon if p else None,
                "confidence": round(m.confidence, 2),
                "kind": p.kind.value if p else "",
                "reference": m.reference.value,
                "sentence": analysis.quote(m),
            }
        )
    return rows
