"""Events: who did what, where and when, sentence by sentence, with how sure the article is.

A trigger word gives the action ("departed", "arrived", "meeting", "visit", "statement",
"invasion", "saw"); the places around it take a role from their preposition ("from"
origin, "to"/"for" destination, "via" via, "in"/"at"/"near" location); the people named
before it are its actors; a time expression in the sentence, or else the day the story was
last at, gives its time; modal, negated and reported verbs give its certainty, and the
reporting clause ("KCNA said") its source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from geo.attribution import certainty, source
from geo.models import (
    Action,
    Certainty,
    Event,
    EventPlace,
    MentionForm,
    PlaceMention,
    PlaceRole,
    Reference,
    Span,
)
from geo.people import People
from geo.timex import Granularity, Modifier, TimeMention, with_day
from geo.tokens import Token

__all__ = ["find_events", "timeline"]

# Trigger words and the action each gives ("set off" is matched by its first word).
_TRIGGER_WORDS: dict[str, Action] = {
    word: action
    for action, words in (
        (Action.DEPART, "depart departed departs departing left leaves leaving boarded"),
        (Action.ARRIVE, "arrive arrived arrives arriving arrival reached landed"),
        (Action.TRAVEL, "travel travelled traveled travels travelling traveling trip journey "
                        "flew flight drove sailed crossed crossing carrying heading headed moving"),
        (Action.MEET, "meet meets meeting met summit forum conference"),
        (Action.VISIT, "visit visits visited visiting toured tour"),
        (Action.STATEMENT, "statement announcement announced declared"),
        (Action.ATTACK, "attack attacks attacked strike strikes struck shelled shelling bombed "
                        "bombing invasion invaded offensive"),
        (Action.OBSERVE, "saw seen spotted sighted"),
    )
    for word in words.split()
}  # fmt: skip
_ROLES = [
    (re.compile(r"\b(?:from|out of)\s+$", re.I), PlaceRole.ORIGIN),
    (re.compile(r"\b(?:to|for|into|toward|towards)\s+$", re.I), PlaceRole.DESTINATION),
    (re.compile(r"\b(?:via|through|across)\s+$", re.I), PlaceRole.VIA),
    (re.compile(r"\b(?:in|at|near|on|outside|inside|around|of|over|off)\s+$", re.I),
     PlaceRole.LOCATION),
]  # fmt: skip
# The role of a place written right after the verb, with no preposition: "left Pyongyang".
_OBJECT_ROLE = {
    Action.DEPART: PlaceRole.ORIGIN,
    Action.ARRIVE: PlaceRole.DESTINATION,
    Action.TRAVEL: PlaceRole.VIA,
    Action.VISIT: PlaceRole.LOCATION,
    Action.ATTACK: PlaceRole.LOCATION,
}
_REACH = 140  # characters between a verb and a place its preposition ties to it
_REACH_BACK = 60  # ... and between a place and a verb after it ("near the border saw")
_CLAUSE_BREAK = re.compile(r"[“”\"]|\bthat\b|;")


def _reaches(text: str, start: int, end: int, reach: int = _REACH) -> bool:
    """Whether a verb and a place ``text[start:end]`` apart can belong together: near
    enough, and not across a quotation or a "that" clause."""
    between = text[start:end]
    return len(between) <= reach and not _CLAUSE_BREAK.search(between)


_SKIP_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their)\s+|\b(?:north|south|east|west|central|eastern|"
    r"western|northern|southern)(?:ern)?\s+)+$",
    re.I,
)
_OBJECT_TRIGGERS = ("carrying",)  # "a plane carrying Biden": the actor follows
_VENUE = re.compile(
    r"\b(?:possible|likely|probable|expected|planned)?\s*(?:venue|host city|location)\s+"
    r"(?:is|was|would be|will be|could be)\s+",
    re.I,
)
_SITE = re.compile(r"\b(?:the\s+)?(?:site|scene|venue)\s+of\b", re.I)
_DEMONYM_ACTORS = frozenset(
    "Russian Ukrainian American Chinese Israeli Iranian Syrian Turkish British French German "
    "Japanese Indian Pakistani Saudi Palestinian".split()
)


@dataclass(frozen=True, slots=True)
class _Actor:
    start: int
    end: int
    name: str


def find_events(
    text: str,
    sentences: Sequence[Span],
    mentions: Sequence[PlaceMention],
    times: Sequence[TimeMention],
    people: People,
    tokens: Sequence[Token],
    published: date | None,
    measured_from: frozenset[int] = frozenset(),
) -> tuple[Event, ...]:
    """Events in text order. ``measured_from`` are mentions that only serve as the far end
    of a distance claim ("425 miles north of Pyongyang"), which are no event's place."""
    actors = _actors(text, tokens, people, mentions)
    venue = _venue(text, mentions)
    # "North Korea" inside "the North Korea-Russia frontier": the larger mention speaks
    skip = frozenset(_nested(mentions) | measured_from)
    triggers = [
        (t.start, t.end, action)
        for t in tokens
        if (action := _TRIGGER_WORDS.get(t.text.lower())) is not None
        and not (action is Action.DEPART and _is_adjective_left(text, t))
    ]  # fmt: skip
    usable = [
        i for i, m in enumerate(mentions)
        if m.place is not None and m.mention.form is not MentionForm.DEMONYM and i not in skip
    ]  # fmt: skip
    events: list[Event] = []
    for sentence in sentences:
        # (only sentences with a trigger are looked at closely)
        if not any(sentence.start <= t[0] < sentence.end for t in triggers):
            continue
        here = [i for i in usable if sentence.start <= mentions[i].start < sentence.end]
        events.extend(
            _sentence_events(text, sentence, mentions, here, times, actors, published, triggers)
        )
    if venue is not None:
        events = [_with_venue(e, venue) for e in events]
    return tuple(events)


def _is_adjective_left(text: str, token: Token) -> bool:
    """ "the left bank", "left wing", "left behind": not a departure."""
    return token.text.lower() == "left" and bool(_NOT_DEPARTING.match(text, token.end))


_NOT_DEPARTING = re.compile(r"\s+(?:bank|wing|side|hand|behind|over|alone|unclear|open)\b")


def _nested(mentions: Sequence[PlaceMention]) -> set[int]:
    """Mentions inside a larger one; mentions come sorted by start, the longer first."""
    nested: set[int] = set()
    reach = -1
    for i, m in enumerate(mentions):
        if m.end <= reach:
            nested.add(i)
        reach = max(reach, m.end)
    return nested


def timeline(events: Sequence[Event]) -> tuple[Event, ...]:
    """Events ordered by their time (events without one last, in text order)."""

    def key(e: Event) -> tuple[date, str, int]:
        value = e.time.value if e.time else None
        day = value.day if value and value.day else date.max
        return (day, value.clock if value else "", e.trigger.start)

    return tuple(sorted(events, key=key))


def _actors(
    text: str, tokens: Sequence[Token], people: People, mentions: Sequence[PlaceMention]
) -> list[_Actor]:
    """People (by their full name where the article gives it) and the governments and
    organisations that place names stand for."""
    full = [text[a:b] for a, b in people.names]
    found: list[_Actor] = []
    places = [(m.start, m.end) for m in mentions if m.place is not None]
    for first, last in people.groups:
        words = [t.text for t in tokens[first : last + 1] if t.text[:1].isalpha()]
        start, end = tokens[first].start, tokens[last].end
        named = [(a, b) for a, b in people.names if start <= a and b <= end]
        if named:  # "Russian Defence Minister Sergei Shoigu": the name after the title
            start, end = named[-1]
            actor = _Actor(start, end, text[start:end])
        elif any(a <= start and end <= b for a, b in people.names):
            actor = _Actor(start, end, text[start:end])
        elif words and all(people.is_known(w) for w in words):
            name = next((f for f in full if words[-1] in f.split()), " ".join(words))
            actor = _Actor(start, end, name)
        else:
            continue
        if not any(a < actor.end and actor.start < b for a, b in places):
            found.append(actor)  # (a place's name is no person: "Sask.", "Washington")
    for m in mentions:
        if m.reference is Reference.ORGANISATION and m.place is not None:
            found.append(_Actor(m.start, m.end, m.text))
    # "Kim-Putin meeting": each side of a hyphen is a name
    for match in re.finditer(r"\b([A-Z]\w+)-([A-Z]\w+)\b", text):
        for g in (1, 2):
            if people.is_known(match.group(g)):
                name = next((f for f in full if match.group(g) in f.split()), match.group(g))
                found.append(_Actor(match.start(g), match.end(g), name))
    found.sort(key=lambda a: a.start)
    return found


def _venue(text: str, mentions: Sequence[PlaceMention]) -> int | None:
    """ "A possible venue is the eastern Russian city of Vladivostok": the venue mention."""
    for match in _VENUE.finditer(text):
        after = [
            i for i, m in enumerate(mentions) if m.start >= match.end() and m.place is not None
        ]
        if after and mentions[after[0]].start - match.end() < 60:
            best = after[0]
            # prefer the name to the description that introduces it
            for i in after[:3]:
                if mentions[i].mention.form is MentionForm.NAME:
                    return i
            return best
    return None


def _with_venue(event: Event, venue: int) -> Event:
    if event.action is not Action.MEET or event.places:
        return event
    places = (EventPlace(venue, PlaceRole.LOCATION),)
    return Event(event.trigger, event.trigger_text, event.action, event.actors, places,
                 event.time, event.time_inherited, event.certainty, event.source,
                 event.sentence, min(1.0, round(event.confidence + 0.15, 2)))  # fmt: skip


def _sentence_events(
    text: str,
    sentence: Span,
    mentions: Sequence[PlaceMention],
    inside: Sequence[int],
    times: Sequence[TimeMention],
    actors: Sequence[_Actor],
    published: date | None,
    all_triggers: Sequence[tuple[int, int, Action]],
) -> list[Event]:
    triggers = [t for t in all_triggers if sentence.start <= t[0] < sentence.end]
    if not triggers:
        return []
    places = _places(text, sentence, mentions, inside, triggers)
    events = []
    for index, (start, end, action) in enumerate(triggers):
        own = tuple(p for t, p in places if t == index)
        event_actors = _event_actors(text, sentence, start, end, action, actors)
        time, inherited = _time(text, sentence, start, end, action, times, published)
        kept_without_place = action in (Action.MEET, Action.STATEMENT) and time and not inherited
        if not own and not kept_without_place:
            continue
        how_sure = certainty(text, sentence, start, end)
        who_says = source(text, sentence, start) if how_sure is not Certainty.HAPPENED else ""
        confidence = 0.3 + 0.25 * bool(own) + (0.1 if inherited else 0.2) * bool(time)
        confidence += 0.15 * bool(event_actors)
        confidence += 0.1 * (how_sure in (Certainty.HAPPENED, Certainty.REPORTED))
        events.append(
            Event(Span(start, end), text[start:end], action, event_actors, own, time,
                  inherited, how_sure, who_says, sentence, round(min(confidence, 1.0), 2))
        )  # fmt: skip
    return events


def _places(
    text: str,
    sentence: Span,
    mentions: Sequence[PlaceMention],
    inside: Sequence[int],
    triggers: Sequence[tuple[int, int, Action]],
) -> list[tuple[int, EventPlace]]:
    """``(trigger index, place)`` for the places of the sentence (``inside``) that a
    preposition, a "where" or a "site of" ties to an event."""
    out: list[tuple[int, EventPlace]] = []
    seen: set[tuple[int, str]] = set()
    for i in inside:
        m = mentions[i]
        for target, role in _attach(text, sentence, m, triggers):
            action = triggers[target][2]
            if action is not Action.STATEMENT and (
                m.reference is Reference.ORGANISATION or text.startswith(("'s", "’s"), m.end)
            ):
                continue  # "Washington will monitor", "North Korea's official name": not where
            if action is Action.ARRIVE and role is PlaceRole.LOCATION:
                role = PlaceRole.DESTINATION
            place_id = m.place.id if m.place else ""
            if (target, place_id) in seen:
                continue  # "the capital, Pyongyang": one place
            seen.add((target, place_id))
            out.append((target, EventPlace(i, role)))
    return out


def _attach(
    text: str, sentence: Span, m: PlaceMention, triggers: Sequence[tuple[int, int, Action]]
) -> list[tuple[int, PlaceRole]]:
    """The triggers a place belongs to, with its role at each: the verb its preposition
    hangs on, or the verb it is the object of; and, for "X, where ...", the verb after."""
    out: list[tuple[int, PlaceRole]] = []
    before = _SKIP_BEFORE.sub("", text[max(sentence.start, m.start - 40) : m.start])
    role = next((r for p, r in _ROLES if p.search(before)), None)
    earlier = [t for t, (_, e, _) in enumerate(triggers) if e <= m.start]
    later = [t for t, (s, _, _) in enumerate(triggers) if s >= m.end]
    if role is not None:
        if earlier and _reaches(text, triggers[earlier[-1]][1], m.start):
            out.append((earlier[-1], role))
        elif later and _reaches(text, m.end, triggers[later[0]][0], _REACH_BACK):
            out.append((later[0], role))  # "journalists near the frontier saw"
    elif (
        earlier and not _SKIP_BEFORE.sub("", text[triggers[earlier[-1]][1] : m.start] + " ").strip()
    ):
        # the verb's object: "left the station in Pyongyang", "crossed the bridge"
        object_role = _OBJECT_ROLE.get(triggers[earlier[-1]][2])
        if object_role is not None:
            out.append((earlier[-1], object_role))
    if later and (
        re.match(r",?\s+where\b", text[m.end : m.end + 12])
        or _SITE.search(text[m.end : min(sentence.end, m.end + 120)])
    ):
        # "Vladivostok, where Putin arrived"; "The city ... was the site of ... meeting"
        out.append((later[0], PlaceRole.LOCATION))
    return out


def _event_actors(
    text: str, sentence: Span, start: int, end: int, action: Action, actors: Sequence[_Actor]
) -> tuple[str, ...]:
    inside = [a for a in actors if sentence.start <= a.start < sentence.end]
    if text[start:end].lower() in _OBJECT_TRIGGERS:
        after = [a for a in inside if a.start >= end]
        return (after[0].name,) if after else ()
    before = [a for a in inside if a.end <= start]
    chosen: list[str] = []
    adjective = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    if adjective and action is Action.ATTACK and adjective.group(1) in _DEMONYM_ACTORS:
        chosen = [adjective.group(1)]  # "a Russian offensive"
    elif action is Action.MEET:
        # everyone named around a meeting: "Putin's first meeting with Kim", "Kim-Putin"
        chosen = [a.name for a in inside if abs(a.start - start) < 120]
    elif before:
        # the latest subject before the verb, past a reporting clause ("KCNA said that Kim")
        chosen = [before[-1].name]
    elif action is Action.STATEMENT and inside:
        chosen = [inside[0].name]  # "a statement on the Kremlin's website"
    return tuple(dict.fromkeys(chosen))


def _time(
    text: str,
    sentence: Span,
    start: int,
    end: int,
    action: Action,
    times: Sequence[TimeMention],
    published: date | None,
) -> tuple[TimeMention | None, bool]:
    inside = [
        t for t in times
        if sentence.start <= t.start < sentence.end and not t.duration
        and (action is Action.STATEMENT or not _said_on(text, t.start))
    ]  # fmt: skip
    if inside:
        after = [t for t in inside if t.start >= end]
        chosen = after[0] if after else inside[-1]
        return _anchor_clock(chosen, times, sentence), False
    reference = _reference_time(times, sentence.start, published)
    return reference, reference is not None


def _said_on(text: str, start: int) -> bool:
    """ "KCNA said on Tuesday": the day of the report, not of the event."""
    return bool(_REPORTING_TIME.search(text[max(0, start - 14) : start]))


_REPORTING_TIME = re.compile(r"\b(?:said|says|reported|told|announced)\s+(?:on\s+)?$", re.I)


def _reference_time(
    times: Sequence[TimeMention], before: int, published: date | None = None
) -> TimeMention | None:
    """The day the story was last at: the latest day-level time before ``before`` that
    names a day something happened on (not "through Wednesday", not a future day)."""
    earlier = [
        t for t in times
        if t.end <= before and t.value is not None and t.value.day is not None
        and t.value.granularity in (Granularity.DAY, Granularity.PART_OF_DAY)
        and t.modifier is Modifier.ON and (published is None or t.value.day <= published)
    ]  # fmt: skip
    return earlier[-1] if earlier else None


def _anchor_clock(time: TimeMention, times: Sequence[TimeMention], sentence: Span) -> TimeMention:
    """A clock time takes its day from the story ("7 pm" on the day last mentioned)."""
    if time.value is None or time.value.day is not None:
        return time
    reference = _reference_time(times, sentence.start)
    if reference is None or reference.value is None or reference.value.day is None:
        return time
    value = with_day(time.value, reference.value.day)
    return TimeMention(time.start, time.end, time.text, value, time.modifier)
