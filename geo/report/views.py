"""What every output shows of a result, decided once: the label of an event's time, the list
of its places, who did it. The map, the briefing, the command line's tables and the app's
tables read these views instead of each working the labels out again (DESIGN.md, "one typed
view"); the static figure and the data exports are to follow.

>>> import geo
>>> analysis = geo.analyze("Protesters marched in Nairobi on Monday.", geo.load_gazetteer(),
...                        published=__import__("datetime").date(2024, 3, 6))  # doctest: +SKIP
>>> [(v.when, v.where) for v in event_views(analysis)]  # doctest: +SKIP
[('2024-03-04', ('Nairobi (location)',)), ...]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.lang.en_places import KIND_WORDS
from geo.models import Analysis, Event, PlaceMention
from geo.timex import Modifier

__all__ = ["NOT_LOCATED", "EventView", "event_views", "kind_words", "place_label", "when_label"]

NOT_LOCATED = "not located"  # what a table shows for a place the gazetteer does not hold


def place_label(mention: PlaceMention) -> str:
    """The name of the place a mention means, or the mention marked as not located."""
    if mention.place is not None:
        return mention.place.name
    return f"{mention.text} ({NOT_LOCATED})"


def kind_words(mention: PlaceMention) -> str:
    """What sort of place a mention names, in a reader's words ("state/province", not
    "admin1"): its place's kind, or for one not located what the text calls it; ``""`` when
    neither is known."""
    kind = mention.place.kind if mention.place is not None else mention.mention.kind
    return KIND_WORDS[kind] if kind is not None else ""


def when_label(event: Event) -> str:
    """An event's time as every output writes it: the resolved label with its modifier ("from
    2023-09-12", "until 2023-09"), else the article's own words for it ("last spring"), else
    ``""`` where the article gives no time."""
    time = event.time
    if time is None:
        return ""
    if time.value is None:
        return time.text
    if time.modifier is Modifier.ON:
        return time.value.label
    return f"{time.modifier.value} {time.value.label}"


@dataclass(frozen=True, slots=True)
class EventView:
    """One event as a row of a timeline."""

    event: Event
    when: str  # see when_label; "" for no time
    inherited: bool  # the date is the day the story was last at, not said in the sentence
    day: date | None  # the first day of the time, for sorting and charts
    what: str
    who: str
    where: tuple[str, ...]  # "Vladivostok (destination)", "Jobar (not located) (location)"
    certainty: str
    source: str


def event_views(analysis: Analysis, every: bool = False) -> tuple[EventView, ...]:
    """The timeline's rows, in timeline order: the events with a named place, or ``every``
    event."""
    views = []
    for e in analysis.events if every else analysis.placed_events:
        value = e.time.value if e.time else None
        where = tuple(
            f"{place_label(analysis.mentions[p.mention])} ({p.role.value})" for p in e.places
        )
        views.append(
            EventView(e, when_label(e), e.time_inherited, value.day if value else None,
                      e.action.value, ", ".join(e.actors), where, e.certainty.value, e.source)
        )  # fmt: skip
    return tuple(views)
