from datetime import date

import pytest

from geo.timex import Granularity, Modifier, find_times

TUESDAY = date(2023, 9, 12)


def one(text: str, published: date | None = TUESDAY):
    (t,) = find_times(text, published)
    return t


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("KCNA said on Tuesday that he left.", "2023-09-12"),
        ("Kim boarded his train on Sunday afternoon.", "2023-09-10 afternoon"),
        ("Putin arrived Monday to attend a forum.", "2023-09-11"),
        ("He will arrive on Friday.", "2023-09-15"),
        ("A meeting is possible as early as Tuesday.", "2023-09-12"),
        ("Shoigu visited North Korea in July.", "2023-07"),
        ("Elections are due in November.", "2023-11"),
        ("Russia invaded Ukraine in 2022.", "2022"),
        ("Intelligence was released last week.", "week of 2023-09-04"),
        ("It happened two days ago.", "2023-09-10"),
        ("On Sept. 10, 2023 he left.", "2023-09-10"),
    ],
)
def test_anchored_to_the_publication_date(text: str, label: str) -> None:
    t = one(text)
    assert t.value is not None and t.value.label == label


def test_modifiers() -> None:
    assert one("a forum that runs through Wednesday").modifier is Modifier.UNTIL
    assert one("possible as early as Tuesday").modifier is Modifier.FROM
    assert one("the visit will take place in the coming days").modifier is Modifier.AFTER
    assert one("shelling since 2014").modifier is Modifier.FROM


@pytest.mark.parametrize(
    "text", ["in the past 17 months", "for more than three years", "a 12-hour outage"]
)
def test_durations_stay_durations(text: str) -> None:
    t = one(text)
    assert t.duration and t.value is None


def test_clock_time_with_utc() -> None:
    t = one("It had not crossed the bridge as of 7 pm (1000 GMT).")
    assert t.value is not None
    assert (t.value.granularity, t.value.clock, t.value.utc) == (Granularity.TIME, "19:00", "10:00")
    assert t.value.day is None  # the day comes from the story


def test_without_a_publication_date_relative_days_stay_unanchored() -> None:
    t = one("Putin arrived Monday.", None)
    assert t.value is None
    assert one("Russia invaded Ukraine in 2022.", None).value.label == "2022"  # type: ignore[union-attr]
