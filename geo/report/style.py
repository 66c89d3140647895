"""The one palette of every drawing: the map, the briefing and the static figures take their
colours from here, so that a city, a verdict or a journey looks the same everywhere."""

from __future__ import annotations

from geo.models import PlaceKind, Verdict

__all__ = ["KIND_COLOURS", "ORGANISATION_COLOUR", "ROUTE_COLOURS", "VERDICT_COLOURS"]

KIND_COLOURS = {
    PlaceKind.CITY: "#c0392b",
    PlaceKind.COUNTRY: "#2c3e50",
    PlaceKind.ADMIN1: "#8e44ad",
    PlaceKind.COUNTY: "#8e44ad",
    PlaceKind.CONTINENT: "#7f8c8d",
    PlaceKind.REGION: "#16a085",
    PlaceKind.WATER: "#2980b9",
    PlaceKind.LANDMARK: "#d35400",
    PlaceKind.BORDER: "#e67e22",
    PlaceKind.FACILITY: "#795548",
}
VERDICT_COLOURS = {
    Verdict.HOLDS: "#27ae60",
    Verdict.LOOSE: "#f39c12",
    Verdict.OFF: "#c0392b",
    Verdict.UNCHECKABLE: "#7f8c8d",
}
ROUTE_COLOURS = ("#1f77b4", "#9467bd", "#17becf", "#e377c2", "#bcbd22")
ORGANISATION_COLOUR = "#f1c40f"
