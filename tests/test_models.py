import dataclasses

import pytest

from geo.models import QUOTE_CHARS, Analysis, Coordinate, Place, PlaceKind, Span


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


def test_quotes_are_cut_around_their_mention() -> None:
    text = "Kim left Pyongyang. " + "word " * 300 + "Vladivostok" + " more" * 300 + "."
    analysis = Analysis(text, None, ())
    sentence = Span(20, len(text))
    mid = text.index("Vladivostok")
    before, mention, after = analysis.quote_parts(sentence, Span(mid, mid + 11))
    assert mention == "Vladivostok"
    assert before.startswith("…") and after.endswith("…")
    assert len(before) + len(mention) + len(after) <= QUOTE_CHARS + 2
    # near the start of its sentence: the room it does not need before goes after it
    before, mention, after = analysis.quote_parts(sentence, Span(20, 24))
    assert before == "" and mention == "word" and len(after) == QUOTE_CHARS - 4 + 1
    # a short sentence is quoted whole
    assert analysis.quote_parts(Span(0, 19), Span(9, 18)) == ("Kim left ", "Pyongyang", ".")
