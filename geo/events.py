"""Events: who did what, where and when, sentence by sentence, with how sure the article is.

Every trigger is an event: its words give the action, one of the types of ``geo.ontology``
("departed", "were killed", "an airstrike", "protesters", "launched an offensive":
``geo.triggers``, with one language's words from ``geo.lang``). The places around it take a
role from their preposition ("from" origin, "to"/"for" destination, "via" via, "in"/"at"/"near"
location: ``geo.roles``), and events of one sentence share where they happened ("shot and
killed in Nablus": ``geo.chains``); an event the sentence does not place has no place. The
people named before the verb are its actors (after "by" for a passive verb: "shot by police");
a time expression in the sentence, or else the day the story was last at, gives its time;
modal, negated and reported verbs give its certainty, and the reporting clause ("KCNA said")
its source (``geo.attribution``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from geo.attribution import certainty, read_cues, source
from geo.chains import share_places
from geo.enclosure import mark_context
from geo.lang import EventLexicon
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
from geo.roles import attach_places, find_venue
from geo.text import name_key
from geo.timex import Granularity, Modifier, TimeMention, with_day
from geo.tokens import Token
from geo.triggers import Trigger, find_triggers

__all__ = ["find_events", "timeline"]


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
    lexicon: EventLexicon,
    measured_from: frozenset[int] = frozenset(),
    titles: frozenset[str] = frozenset(),
) -> tuple[Event, ...]:
    """Events in text order, one per trigger word of ``lexicon``. ``measured_from`` are
    mentions that only serve as the far end of a distance claim ("425 miles north of
    Pyongyang"), which are no event's place; ``titles`` are the name keys of words for
    offices ("governor", "ambassador"), whose place ("the governor of Kirkuk") is no event's
    place either. Sentences, mentions, times and tokens are in text order."""
    actors = _actors(text, tokens, people, mentions)
    venue = find_venue(text, mentions, lexicon)
    # "North Korea" inside "the North Korea-Russia frontier": the larger mention speaks
    skip = frozenset(_nested(mentions) | measured_from | _offices(text, mentions, titles, lexicon))
    triggers = find_triggers(text, tokens, lexicon)
    usable = [
        i for i, m in enumerate(mentions)
        if (m.place is not None or m.mention.kind is not None)  # (a named village not located)
        and m.mention.form is not MentionForm.DEMONYM and i not in skip
    ]  # fmt: skip
    events: list[Event] = []
    # Each sentence's triggers, places and actors are found by bisection: a scan of them all
    # per sentence costs quadratic time on a long text.
    trigger_starts = [t.start for t in triggers]
    usable_starts = [mentions[i].start for i in usable]
    timing = _Times(text, times, published, lexicon)
    for sentence in sentences:
        first = bisect_left(trigger_starts, sentence.start)
        after = bisect_left(trigger_starts, sentence.end)
        if first == after:
            continue  # (only sentences with a trigger are looked at closely)
        here = usable[
            bisect_left(usable_starts, sentence.start) : bisect_left(usable_starts, sentence.end)
        ]
        events.extend(
            _sentence_events(text, sentence, mentions, here, timing, actors.within(sentence),
                             triggers[first:after], lexicon)
        )  # fmt: skip
    if venue is not None:
        events = [_with_venue(e, venue) for e in events]
    return tuple(events)


_OFFICE_REACH = 40  # characters of "the deputy governor of the " before a place


def _offices(
    text: str, mentions: Sequence[PlaceMention], titles: frozenset[str], lexicon: EventLexicon
) -> set[int]:
    """Places that say whose an office is: "a senior commander of Colombia", "the ambassador
    to Turkey", "the coach of Mexico"."""
    found = set()
    for i, m in enumerate(mentions):
        office = lexicon.roles.office_of.search(text, max(0, m.start - _OFFICE_REACH), m.start)
        if office is not None and name_key(office.group(1)) in titles:
            found.add(i)
    return found


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


class _Actors:
    """The actors of the article in text order, with their starts for bisection."""

    def __init__(self, actors: list[_Actor]) -> None:
        self.actors = actors
        self.starts = [a.start for a in actors]

    def within(self, sentence: Span) -> _Actors:
        low = bisect_left(self.starts, sentence.start)
        return _Actors(self.actors[low : bisect_left(self.starts, sentence.end, low)])


def _actors(
    text: str, tokens: Sequence[Token], people: People, mentions: Sequence[PlaceMention]
) -> _Actors:
    """People (by their full name where the article gives it) and the governments and
    organisations that place names stand for."""
    full: dict[str, str] = {}  # each word of a full name, to the first full name holding it
    for a, b in people.names:
        for word in text[a:b].split():
            full.setdefault(word, text[a:b])
    # (the names are in text order, one at most in each group of capitalised words)
    name_starts = [a for a, _ in people.names]
    found: list[_Actor] = []
    places = [(m.start, m.end) for m in mentions if m.place is not None]
    place_starts = [a for a, _ in places]
    place_reach = list(accumulate((b for _, b in places), max))
    for first, last in people.groups:
        words = [t.text for t in tokens[first : last + 1] if t.text[:1].isalpha()]
        start, end = tokens[first].start, tokens[last].end
        low = bisect_left(name_starts, start)
        named = [n for n in people.names[low : bisect_left(name_starts, end, low)] if n[1] <= end]
        holder = bisect_right(name_starts, start) - 1
        if named:  # "Russian Defence Minister Sergei Shoigu": the name after the title
            start, end = named[-1]
            actor = _Actor(start, end, text[start:end])
        elif holder >= 0 and end <= people.names[holder][1]:
            actor = _Actor(start, end, text[start:end])
        elif words and all(people.is_known(w) for w in words):
            actor = _Actor(start, end, full.get(words[-1], " ".join(words)))
        else:
            continue
        k = bisect_left(place_starts, actor.end)
        if not (k and place_reach[k - 1] > actor.start):
            found.append(actor)  # (a place's name is no person: "Sask.", "Washington")
    for m in mentions:
        if m.reference is Reference.ORGANISATION and m.place is not None:
            found.append(_Actor(m.start, m.end, m.text))
    # "Kim-Putin meeting": each side of a hyphen is a name
    for match in re.finditer(r"\b([A-Z]\w+)-([A-Z]\w+)\b", text):
        for g in (1, 2):
            if people.is_known(match.group(g)):
                name = full.get(match.group(g), match.group(g))
                found.append(_Actor(match.start(g), match.end(g), name))
    found.sort(key=lambda a: a.start)
    return _Actors(found)


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
    times: _Times,
    actors: _Actors,
    triggers: Sequence[Trigger],
    lexicon: EventLexicon,
) -> list[Event]:
    """The events of one sentence: its ``triggers``, the places ``inside`` it, its actors."""
    places = attach_places(text, sentence, mentions, inside, triggers, lexicon)
    by_trigger: dict[int, list[EventPlace]] = {}
    for t, p in places:
        by_trigger.setdefault(t, []).append(p)
    share_places(text, triggers, by_trigger, lexicon)
    cues = read_cues(text, sentence, lexicon)
    events = []
    for index, trigger in enumerate(triggers):
        start, end, action = trigger.start, trigger.end, trigger.action
        own = mark_context(text, by_trigger.get(index, ()), mentions, lexicon)
        event_actors = _event_actors(text, trigger, actors, lexicon)
        time, inherited = times.of(sentence, end, action)
        how_sure = certainty(text, cues, start, end, lexicon)
        who_says = source(cues, start) if how_sure is not Certainty.HAPPENED else ""
        confidence = 0.3 + 0.25 * bool(own) + (0.1 if inherited else 0.2) * bool(time)
        confidence += 0.15 * bool(event_actors)
        confidence += 0.1 * (how_sure in (Certainty.HAPPENED, Certainty.REPORTED))
        events.append(
            Event(Span(start, end), text[start:end], action, event_actors, own, time,
                  inherited, how_sure, who_says, sentence, round(min(confidence, 1.0), 2))
        )  # fmt: skip
    return events


_MEETING_REACH = 120  # characters from "meeting" to the people it gathers


_AGENT_REACH = 60  # characters from a passive verb to the "by" naming who did it
_MOVES = (Action.DEPART, Action.ARRIVE, Action.TRAVEL)  # "was flown to": the subject moved


def _event_actors(
    text: str, trigger: Trigger, inside: _Actors, lexicon: EventLexicon
) -> tuple[str, ...]:
    """The actors of ``trigger``, of the actors ``inside`` its sentence."""
    start, end, action = trigger.start, trigger.end, trigger.action
    actors, starts = inside.actors, inside.starts
    if text[start:end].lower() in lexicon.object_first:
        k = bisect_left(starts, end)
        return (actors[k].name,) if k < len(actors) else ()
    if trigger.passive:
        # "was shot by the Taliban": the agent; without one, the subject is who it
        # happened to, not who did it (but "was flown to Moscow": the subject moved)
        k = bisect_left(starts, end)
        if k < len(actors) and actors[k].start - end <= _AGENT_REACH:
            words = text[end : actors[k].start].lower().split()
            if lexicon.agent_marker in words[-2:]:
                return (actors[k].name,)
        if action not in _MOVES:
            return ()
    chosen: list[str] = []
    adjective = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    if adjective and action is Action.ATTACK and adjective.group(1) in lexicon.attacker_demonyms:
        chosen = [adjective.group(1)]  # "a Russian offensive"
    elif action is Action.MEET:
        # everyone named around a meeting: "Putin's first meeting with Kim", "Kim-Putin"
        low = bisect_right(starts, start - _MEETING_REACH)
        high = bisect_left(starts, start + _MEETING_REACH)
        chosen = [a.name for a in actors[low:high]]
    else:
        # the latest subject before the verb, past a reporting clause ("KCNA said that Kim"):
        # the last to end before it, of those that start before it
        k = bisect_left(starts, start) - 1
        while k >= 0 and actors[k].end > start:
            k -= 1
        if k >= 0:
            chosen = [actors[k].name]
        elif action is Action.STATEMENT and actors:
            chosen = [actors[0].name]  # "a statement on the Kremlin's website"
    return tuple(dict.fromkeys(chosen))


class _Times:
    """The time expressions an event may take its time from, listed once in the orders its
    lookups bisect: the times in its sentence, and the day the story was last at."""

    def __init__(
        self,
        text: str,
        times: Sequence[TimeMention],
        published: date | None,
        lexicon: EventLexicon,
    ) -> None:
        # a statement may take the day it was made; other events not ("KCNA said on Tuesday")
        self.spoken = [t for t in times if not t.duration]
        self.acted = [t for t in self.spoken if not _said_on(text, t.start, lexicon)]
        self.spoken_starts = [t.start for t in self.spoken]
        self.acted_starts = [t.start for t in self.acted]
        # (times do not overlap, so their ends rise with their starts)
        self.days = [t for t in times if _is_story_day(t, published)]
        self.day_ends = [t.end for t in self.days]
        self.any_days = [t for t in times if _is_story_day(t, None)]
        self.any_day_ends = [t.end for t in self.any_days]

    def of(self, sentence: Span, end: int, action: Action) -> tuple[TimeMention | None, bool]:
        """The time of the event whose verb ends at ``end``, and whether it is inherited
        from an earlier sentence: the first time after the verb in its sentence, else the
        last before it, else the day the story was last at."""
        if action is Action.STATEMENT:
            pool, starts = self.spoken, self.spoken_starts
        else:
            pool, starts = self.acted, self.acted_starts
        low = bisect_left(starts, sentence.start)
        high = bisect_left(starts, sentence.end, low)
        if low < high:
            k = bisect_left(starts, end, low, high)
            chosen = pool[k] if k < high else pool[high - 1]
            return self._anchor_clock(chosen, sentence), False
        reference = self.story_day(sentence.start)
        return reference, reference is not None

    def story_day(self, before: int, *, dated: bool = True) -> TimeMention | None:
        """The day the story was last at: the latest day-level time before ``before`` that
        names a day something happened on (not "through Wednesday", not a future day when
        ``dated`` and the publication date is known)."""
        days, ends = (self.days, self.day_ends) if dated else (self.any_days, self.any_day_ends)
        k = bisect_right(ends, before)
        return days[k - 1] if k else None

    def _anchor_clock(self, time: TimeMention, sentence: Span) -> TimeMention:
        """A clock time takes its day from the story ("7 pm" on the day last mentioned)."""
        if time.value is None or time.value.day is not None:
            return time
        reference = self.story_day(sentence.start, dated=False)
        if reference is None or reference.value is None or reference.value.day is None:
            return time
        value = with_day(time.value, reference.value.day)
        return TimeMention(time.start, time.end, time.text, value, time.modifier)


def _said_on(text: str, start: int, lexicon: EventLexicon) -> bool:
    """ "KCNA said on Tuesday": the day of the report, not of the event."""
    return bool(lexicon.attribution.reporting_time.search(text[max(0, start - 14) : start]))


def _is_story_day(t: TimeMention, published: date | None) -> bool:
    """Whether ``t`` names a day something happened on: a day or part of a day, "on" it, and
    not after the publication date."""
    return (
        t.value is not None and t.value.day is not None
        and t.value.granularity in (Granularity.DAY, Granularity.PART_OF_DAY)
        and t.modifier is Modifier.ON and (published is None or t.value.day <= published)
    )  # fmt: skip
