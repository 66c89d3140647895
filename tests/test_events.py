"""The "Events" rows of shared/seed/expected.md, on the sample article (published 2023-09-12)."""

from __future__ import annotations

from datetime import date

import pytest

import geo
from geo.models import Action, Certainty, Event, PlaceRole


def places(analysis: geo.Analysis, event: Event) -> set[str]:
    return {analysis.mentions[p.mention].place.name for p in event.places}  # type: ignore[union-attr]


def find(analysis: geo.Analysis, action: Action, place: str, day: str | None) -> list[Event]:
    found = []
    for e in analysis.events:
        value = e.time.value if e.time else None
        label = value.label if value else None
        if (
            e.action is action
            and place in places(analysis, e)
            and (day is None or (label or "").startswith(day))
        ):
            found.append(e)
    return found


def test_kim_departs_pyongyang_on_sunday(sample: geo.Analysis) -> None:
    (e,) = [
        e
        for e in find(sample, Action.DEPART, "Pyongyang", "2023-09-10")
        if e.trigger_text == "boarded"
    ]
    assert "Kim Jong Un" in e.actors
    assert (
        e.time is not None and e.time.value is not None and e.time.value.part_of_day == "afternoon"
    )
    assert {p.role for p in e.places} == {PlaceRole.ORIGIN}
    assert e.certainty is Certainty.REPORTED and "Korean Central News Agency" in e.source


def test_putin_arrives_in_vladivostok_on_monday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.ARRIVE, "Vladivostok", "2023-09-11")
    assert e.actors == ("Vladimir Putin",)
    (forum,) = [
        x
        for x in find(sample, Action.MEET, "Vladivostok", "2023-09-13")
        if x.trigger_text == "forum"
    ]
    assert forum.time is not None and forum.time.modifier.value == "until"


def test_the_kremlin_statement_on_monday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.STATEMENT, "Kremlin", "2023-09-11")
    (p,) = e.places
    assert sample.mentions[p.mention].place.coordinate.lat == pytest.approx(55.75, abs=0.05)  # type: ignore[union-attr]


def test_train_seen_at_the_border_on_monday(sample: geo.Analysis) -> None:
    (seen,) = find(sample, Action.OBSERVE, "North Korea – Russia border", "2023-09-11")
    assert seen.time_inherited
    crossed = [e for e in sample.events if e.trigger_text == "crossed"]
    (e,) = crossed
    assert e.certainty is Certainty.DENIED
    assert e.time is not None and e.time.value is not None
    assert (e.time.value.day, e.time.value.clock, e.time.value.utc) == (
        date(2023, 9, 11),
        "19:00",
        "10:00",
    )


def test_possible_meeting_as_early_as_tuesday(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.MEET, "Vladivostok", "2023-09-12")
    assert set(e.actors) >= {"Kim Jong Un", "Vladimir Putin"}
    assert e.certainty is Certainty.POSSIBLE
    assert e.time is not None and e.time.modifier.value == "from"


def test_first_meeting_in_2019(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.MEET, "Vladivostok", "2019")
    assert e.certainty is Certainty.HAPPENED


def test_shoigu_visit_in_july(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.VISIT, "North Korea", "2023-07")
    assert e.actors == ("Sergei Shoigu",)
    assert "Pyongyang" in places(sample, e)  # "a military parade in the capital"


def test_biden_flies_from_india_to_vietnam(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.TRAVEL, "Vietnam", "2023-09-10")
    assert e.actors == ("Joe Biden",)
    roles = {sample.mentions[p.mention].place.name: p.role for p in e.places}  # type: ignore[union-attr]
    assert roles == {"India": PlaceRole.ORIGIN, "Vietnam": PlaceRole.DESTINATION}


def test_invasion_of_ukraine_in_2022(sample: geo.Analysis) -> None:
    (e,) = find(sample, Action.ATTACK, "Ukraine", "2022")
    assert e.trigger_text == "invasion"


def test_timeline_is_in_time_order(sample: geo.Analysis) -> None:
    days = [e.time.value.day for e in sample.events if e.time and e.time.value and e.time.value.day]
    assert days == sorted(days)
    for e in sample.events:
        assert sample.text[e.trigger.start : e.trigger.end] == e.trigger_text
        assert 0 < e.confidence <= 1


def test_without_a_publication_date(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Putin arrived in Vladivostok on Monday.", gazetteer)
    (e,) = analysis.events
    assert e.action is Action.ARRIVE and e.time is not None and e.time.value is None
