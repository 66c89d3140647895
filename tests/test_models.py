import dataclasses

import pytest

from geo.models import Coordinate, Place, PlaceKind, Span


def test_coordinate_orders_are_explicit() -> None:
    c = Coordinate(39.03, 125.75)
    assert c.latlon() == (39.03, 125.75)
    assert c.lonlat() == (125.75, 39.03)


@pytest.mark.parametrize(
    ("lat", "lon"), [(90.5, 0), (0, 180.5), (float("nan"), 0), (0, float("inf"))]
)
def test_coordinate_rejects_impossible_values(lat: float, lon: float) -> None:
    with pytest.raises(ValueError):
        Coordinate(lat, lon)


def test_values_are_immutable() -> None:
    place = Place("country:KP", "North Korea", PlaceKind.COUNTRY, Coordinate(40, 127), "KP")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "DPRK"  # type: ignore[misc]
    assert place.label == "North Korea, KP"


def test_span_rejects_reversed_offsets() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
