"""Where an event happened: the places a sentence ties to its event verbs, each with its role.

A preposition gives a place its role at the verb it hangs on ("from" origin, "to"/"for"
destination, "via" via, "in"/"at"/"near" location); a place right after the verb is its object
("left Pyongyang"); "X, where ..." and "the site of" tie a place to the verb after it. The venue
an article names ("a possible venue is Vladivostok") is where a meeting with no place is held.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from geo.models import Action, EventPlace, MentionForm, PlaceMention, PlaceRole, Reference, Span

__all__ = ["attach_places", "find_venue"]

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
    return end - start <= reach and not _CLAUSE_BREAK.search(text[start:end])


# An article, a possessive or a compass word with the space after it. Each is taken whole (an
# atomic group): "eastern" reads as "east" + "ern" or as "eastern", and a run of them that
# fails to fit would be tried in every split, at a cost doubling with each word.
_SKIPPED = (
    r"(?>\b(?:the|a|an|his|her|its|their)\s+|\b(?:north|south|east|west|central|eastern|"
    r"western|northern|southern)(?:ern)?\s+)"
)
_SKIP_BEFORE = re.compile(rf"{_SKIPPED}+$", re.I)
_ONLY_SKIPPED = re.compile(rf"\s*{_SKIPPED}*", re.I)
_LONGEST_SKIPPED = len("southernern")  # "southern" + "ern": the longest word _SKIPPED takes
_VENUE = re.compile(
    r"\b(?:possible|likely|probable|expected|planned)?\s*(?:venue|host city|location)\s+"
    r"(?:is|was|would be|will be|could be)\s+",
    re.I,
)
_SITE = re.compile(r"\b(?:the\s+)?(?:site|scene|venue)\s+of\b", re.I)


def attach_places(
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
    verbs = _Verbs(text, triggers)
    for i in inside:
        m = mentions[i]
        for target, role in _attach(text, sentence, m, verbs):
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


class _Verbs:
    """A sentence's triggers, with what places look up about them made once: their starts
    and ends for bisection, and how far only skippable words follow each."""

    def __init__(self, text: str, triggers: Sequence[tuple[int, int, Action]]) -> None:
        self.text = text
        self.triggers = triggers
        self.starts = [s for s, _, _ in triggers]
        self.ends = [e for _, e, _ in triggers]
        self.skippable: dict[int, int] = {}

    def before(self, offset: int) -> int | None:
        """The last trigger that ends by ``offset``."""
        k = bisect_right(self.ends, offset)
        return k - 1 if k else None

    def after(self, offset: int) -> int | None:
        """The first trigger that starts at or after ``offset``."""
        k = bisect_left(self.starts, offset)
        return k if k < len(self.triggers) else None

    def only_skipped(self, index: int, offset: int) -> bool:
        """Whether only articles, possessives and compass words stand between trigger
        ``index`` and ``offset`` ("left the eastern city")."""
        end = self.ends[index]
        if index not in self.skippable:  # how far they run after the verb, read once
            found = _ONLY_SKIPPED.match(self.text, end)
            self.skippable[index] = found.end() if found else end
        if offset > self.skippable[index] + _LONGEST_SKIPPED:
            return False
        # (the word just before the place may want the space after it)
        return _ONLY_SKIPPED.fullmatch(self.text[end:offset] + " ") is not None


def _attach(
    text: str, sentence: Span, m: PlaceMention, verbs: _Verbs
) -> list[tuple[int, PlaceRole]]:
    """The triggers a place belongs to, with its role at each: the verb its preposition
    hangs on, or the verb it is the object of; and, for "X, where ...", the verb after."""
    triggers = verbs.triggers
    out: list[tuple[int, PlaceRole]] = []
    before = _SKIP_BEFORE.sub("", text[max(sentence.start, m.start - 40) : m.start])
    role = next((r for p, r in _ROLES if p.search(before)), None)
    earlier = verbs.before(m.start)
    later = verbs.after(m.end)
    if role is not None:
        if earlier is not None and _reaches(text, triggers[earlier][1], m.start):
            out.append((earlier, role))
        elif later is not None and _reaches(text, m.end, triggers[later][0], _REACH_BACK):
            out.append((later, role))  # "journalists near the frontier saw"
    elif earlier is not None and verbs.only_skipped(earlier, m.start):
        # the verb's object: "left the station in Pyongyang", "crossed the bridge"
        object_role = _OBJECT_ROLE.get(triggers[earlier][2])
        if object_role is not None:
            out.append((earlier, object_role))
    if later is not None and (
        re.match(r",?\s+where\b", text[m.end : m.end + 12])
        or _SITE.search(text[m.end : min(sentence.end, m.end + 120)])
    ):
        # "Vladivostok, where Putin arrived"; "The city ... was the site of ... meeting"
        out.append((later, PlaceRole.LOCATION))
    return out


def find_venue(text: str, mentions: Sequence[PlaceMention]) -> int | None:
    """ "A possible venue is the eastern Russian city of Vladivostok": the venue mention."""
    starts = [m.start for m in mentions]
    placed = [i for i, m in enumerate(mentions) if m.place is not None]
    for match in _VENUE.finditer(text):
        first = bisect_left(placed, bisect_left(starts, match.end()))
        after = placed[first : first + 3]
        if after and mentions[after[0]].start - match.end() < 60:
            best = after[0]
            # prefer the name to the description that introduces it
            for i in after:
                if mentions[i].mention.form is MentionForm.NAME:
                    return i
            return best
    return None
