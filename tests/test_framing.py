"""Where the map opens: the story's frame, never a point, on the right side of ±180."""

from __future__ import annotations

import math
from datetime import date

import pytest

import geo
from geo.framing import Box, importance, main_journey, overview_frame, story_events, story_frame
from geo.models import Coordinate

PYONGYANG = Coordinate(39.03385, 125.75432)
VLADIVOSTOK = Coordinate(43.10562, 131.87353)
MOSCOW = Coordinate(55.75222, 37.61556)


def test_one_point_is_a_box_not_a_point() -> None:
    box = Box.around([(Coordinate(45.76, 4.83), 120.0)])
    assert 1.5 < box.north - box.south < 3.0
    assert 2.0 < box.east - box.west < 5.0
    assert all(math.isfinite(x) for row in box.bounds() for x in row)


def test_a_box_across_the_antimeridian_stays_narrow() -> None:
    box = Box.around([(Coordinate(60, 179), 20.0), (Coordinate(60, -179), 20.0)])
    assert box.east - box.west < 5
    assert box.contains(Coordinate(60, -179.5)) and box.contains(Coordinate(60, 179.5))
    assert not box.contains(Coordinate(60, 0))


def test_a_story_west_of_greenwich_stays_where_it_is() -> None:
    """Adding 360 to every longitude rounds (-78.59083 and -81.14352 come out a hair
    closer): that must not move a story in North Carolina to longitude 281, where the map
    showed empty sea."""
    box = Box.around([(Coordinate(36.3107, -78.59083), 20.0),
                      (Coordinate(37.74781, -81.14352), 20.0)])  # fmt: skip
    assert -180 < box.west < box.east < 0
    box = Box.around([(Coordinate(48.85, 2.35), 20.0), (Coordinate(52.52, 13.40), 20.0)])
    assert 0 < box.west < box.east < 180


def test_the_sample_opens_on_kims_journey_not_on_eurasia(sample: geo.Analysis) -> None:
    journey = main_journey(sample)
    assert journey is not None and journey.actor == "Kim Jong Un"
    box = story_frame(sample)
    assert box is not None
    assert box.contains(PYONGYANG) and box.contains(VLADIVOSTOK)
    assert not box.contains(MOSCOW)  # the Kremlin's statements are context
    assert not box.contains(Coordinate(22.0, 79.0))  # nor Biden's flight to India
    assert box.east - box.west < 12 and box.north - box.south < 8
    overview = overview_frame(sample)
    assert overview is not None and overview.contains(MOSCOW)


def test_the_main_time_span_is_the_week_of_the_story(sample: geo.Analysis) -> None:
    days = {e.time.value.day for e in story_events(sample) if e.time and e.time.value}
    assert days and min(d for d in days if d) >= date(2023, 9, 7)


def test_importance_ranks_the_journey_stops_first(sample: geo.Analysis) -> None:
    score = importance(sample)
    ranked = sorted(score, key=lambda k: -score[k])[:4]
    names = {p.id: p.name for p in sample.places()}
    assert {"Pyongyang", "Vladivostok"} <= {names.get(k) for k in ranked}


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain fell in Lyon on Monday.",
        "The ministry said France would send aid.",
        "Nothing happened anywhere.",
    ],
)
def test_small_stories_frame_finitely(gazetteer: geo.Gazetteer, text: str) -> None:
    analysis = geo.analyze(text, gazetteer, published=date(2024, 5, 1))
    box = story_frame(analysis)
    if analysis.resolved:
        assert box is not None
        assert box.north - box.south > 0.5 and box.east - box.west > 0.5
        assert all(math.isfinite(x) for row in box.bounds() for x in row)
    else:
        assert box is None
