"""Where an event happened: the places a sentence ties to its event verbs, each with its role.

A preposition gives a place its role at the verb it hangs on ("from" origin, "to"/"for"
destination, "via" via, "in"/"at"/"near" location); a place right after the verb is its object
("left Pyongyang"), and so is the subject of a passive verb ("Vukovar was captured"); a place
in the phrase that opens a sentence ("In Phoenix on Wednesday, protesters marched") is where its
first event happened; "X, where ..." and "the site of" tie a place to the verb after it; a place
listed after another ("in Beijing, Shanghai and Tianjin") goes where that one goes. The venue an
article names ("a possible venue is Vladivostok") is where a meeting with no place is held.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from geo.lang import EventLexicon, RoleWords
from geo.models import (
    Action,
    EventPlace,
    MentionForm,
    PlaceMention,
    PlaceRole,
    Reference,
    Span,
)
from geo.triggers import Trigger

__all__ = ["attach_places", "find_venue"]

# The role of a place written right after the verb, with no preposition: "left Pyongyang".
_OBJECT_ROLE = {
    Action.DEPART: PlaceRole.ORIGIN,
    Action.ARRIVE: PlaceRole.DESTINATION,
    Action.TRAVEL: PlaceRole.VIA,
    Action.VISIT: PlaceRole.LOCATION,
    Action.ATTACK: PlaceRole.LOCATION,  # "shelled Donetsk"
    Action.EXPLOSION: PlaceRole.LOCATION,  # "explosions rocked Kabul"
    Action.DISASTER: PlaceRole.LOCATION,  # "the earthquake struck Nepal"
    Action.SEIZE: PlaceRole.LOCATION,  # "captured Kabul"
    Action.MOBILIZE: PlaceRole.LOCATION,  # "patrolled the border"
    Action.RESTRICT: PlaceRole.LOCATION,  # "blockaded Gaza"
    Action.EVACUATE: PlaceRole.ORIGIN,  # "fled Syria"
}
_MOVES = (Action.DEPART, Action.ARRIVE, Action.TRAVEL, Action.VISIT)  # a journey's stops
# Events whose "to", "through" and "across" say where they happened, not a stop on a way:
# a march goes through a city and fighting spreads across a country. (For an attack or a
# capture, "to" and "from" are where the victim was taken or the land was taken from.)
_GATHERINGS = frozenset({Action.PROTEST, Action.RIOT, Action.FIGHT})
_REACH = 140  # characters between a verb and a place its preposition ties to it
_REACH_BACK = 60  # ... and between a place and a verb after it ("near the border saw")


def _reaches(text: str, start: int, end: int, words: RoleWords, reach: int = _REACH) -> bool:
    """Whether a verb and a place ``text[start:end]`` apart can belong together: near
    enough, and not across a quotation or a "that" clause."""
    return end - start <= reach and not words.clause_break.search(text[start:end])


_PARENTHESIS = re.compile(r"\([^()]{0,40}\)")  # "Jobar (five times), Harasta"
_LIST_GAP = 60  # characters between two places of one list
_AUXILIARIES = 40  # characters of "has reportedly been" between a subject and its verb
_FIRST_WORD = 20  # characters read for the word that opens a sentence


def attach_places(
    text: str,
    sentence: Span,
    mentions: Sequence[PlaceMention],
    inside: Sequence[int],
    triggers: Sequence[Trigger],
    lexicon: EventLexicon,
) -> list[tuple[int, EventPlace]]:
    """``(trigger index, place)`` for the places of the sentence (``inside``) that a
    preposition, an object or subject position, a "where" or a "site of" ties to an event."""
    out: list[tuple[int, EventPlace]] = []
    placed: dict[tuple[int, str], int] = {}  # (trigger, place id): its index in ``out``
    verbs = _Verbs(text, sentence, triggers, lexicon)
    previous: tuple[PlaceMention, list[tuple[int, PlaceRole]]] | None = None
    introduced: list[tuple[int, PlaceRole]] = []  # the roles of a description, for its name
    for k, i in enumerate(inside):
        m = mentions[i]
        following = mentions[inside[k + 1]] if k + 1 < len(inside) else None
        if m.mention.form is MentionForm.ABBREVIATION and _modifies(text, m, lexicon):
            continue  # "a U.S. Army helicopter", "the U.S.-led coalition": whose, not where
        found = introduced or _attach(text, sentence, m, verbs, lexicon)
        introduced = []
        if not found and previous is not None and _listed(text, previous[0], m, lexicon):
            found = previous[1]  # "in Beijing, Shanghai and Tianjin"
        if following is not None and _introduces(text, m, following, lexicon.roles):
            introduced = found  # "left the capital, Pyongyang": the name speaks for the place
            continue
        kept = []
        for target, role in found:
            action = triggers[target].action
            if action in _GATHERINGS and role in (PlaceRole.DESTINATION, PlaceRole.VIA):
                role = PlaceRole.LOCATION  # "marched through Harare", "rallied across Kenya"
            if action is Action.STATEMENT and role is not PlaceRole.LOCATION:
                continue  # a statement is made somewhere; "for", "to" say what of, to whom
            if action is not Action.STATEMENT and (
                m.reference is Reference.ORGANISATION
                or (
                    _possessive(text, m, lexicon.roles)
                    and (role is not PlaceRole.LOCATION or action in _MOVES)
                )
            ):
                # "Washington will monitor", "for North Korea's official name"; a possessor
                # is where an event happened ("bombed Baghdad's largest slum"), not a stop
                # of a journey ("toured North Korea's factories": the factories are)
                continue
            kept.append((target, role))
            if action is Action.ARRIVE and role is PlaceRole.LOCATION:
                role = PlaceRole.DESTINATION
            elif role is PlaceRole.LOCATION and _owns(text, m, following, lexicon.roles):
                role = PlaceRole.CONTEXT  # "in Spain's Basque Country": Spain holds it
            key = (target, m.place.id if m.place else f"unlocated:{m.mention.key}")
            if key in placed:  # "the capital, Pyongyang": one place, by its name
                k = placed[key]
                first = out[k][1]
                if mentions[first.mention].mention.form is not MentionForm.NAME:
                    out[k] = (target, EventPlace(i, first.role))
                continue
            placed[key] = len(out)
            out.append((target, EventPlace(i, role)))
        previous = (m, kept)
    return out


def _introduces(text: str, m: PlaceMention, following: PlaceMention, words: RoleWords) -> bool:
    """Whether the description ``m`` introduces the name ``following``: "the village of
    Malha", "the Indian capital New Delhi", "the capital, Pyongyang"."""
    return (
        m.mention.form in (MentionForm.DESCRIPTION, MentionForm.ANAPHOR)
        and following.mention.form is MentionForm.NAME
        and words.introduces.fullmatch(text, m.end, following.start) is not None
    )


_NEXT_WORD = re.compile(r"(?:\s+|-)([A-Za-z]+)")


def _modifies(text: str, m: PlaceMention, lexicon: EventLexicon) -> bool:
    """Whether a word follows ``m`` that it qualifies: any word but a preposition or a
    conjunction ("the U.S. financial sector", "U.S.-backed"; not "in the U.S. on Monday")."""
    after = _NEXT_WORD.match(text, m.end)
    if after is None:
        return False
    word = after.group(1).lower()
    return word not in lexicon.prepositions and word not in lexicon.coordinators


_OWNED_GAP = 30  # characters between a possessor and the place it holds ("'s southernmost ")


def _owns(text: str, m: PlaceMention, following: PlaceMention | None, words: RoleWords) -> bool:
    """Whether ``m`` is a possessor whose next word is, or leads to, the place ``following``:
    "Yemen's Maarib province", "Thailand's southernmost Narathiwat Province"."""
    ending = words.possessive.match(text, m.end)
    if following is None or ending is None:
        return False
    between = text[ending.end() : following.start].split()  # (after the "'s")
    return following.start - m.end <= _OWNED_GAP and all(w.isalpha() for w in between)


def _possessive(text: str, m: PlaceMention, words: RoleWords) -> bool:
    return words.possessive.match(text, m.end) is not None


def _listed(text: str, before: PlaceMention, m: PlaceMention, lexicon: EventLexicon) -> bool:
    """Whether ``m`` follows ``before`` in one list: "Jobar (twice), Harasta and Douma"."""
    gap = text[before.end : m.start]
    if len(gap) > _LIST_GAP or not gap.strip():
        return False
    skipped = lexicon.roles.skip_before.sub("", _PARENTHESIS.sub(" ", gap))
    words = skipped.replace(",", " , ").split()
    return bool(words) and all(w == "," or w.lower() in lexicon.coordinators for w in words)


class _Verbs:
    """A sentence's triggers, with what places look up about them made once: their starts
    and ends for bisection, and how far only skippable words follow each."""

    def __init__(
        self, text: str, sentence: Span, triggers: Sequence[Trigger], lexicon: EventLexicon
    ) -> None:
        self.text = text
        self.words = lexicon.roles
        self.triggers = triggers
        self.starts = [t.start for t in triggers]
        self.ends = [t.end for t in triggers]
        self.skippable: dict[int, int] = {}
        # what "In Phoenix on Wednesday, protesters marched" is read by: the sentence's
        # first word and its commas, found once (not read again for each of its places)
        head = text[sentence.start : min(sentence.end, sentence.start + _FIRST_WORD)].split()
        self.fronted = bool(head) and head[0].strip("\"'“‘(").lower() in lexicon.prepositions
        self.commas = [sentence.start + i for i, c in enumerate(text[sentence.start : sentence.end])
                       if c == ","] if self.fronted else []  # fmt: skip

    def opening(self, m: PlaceMention, verb_start: int) -> bool:
        """Whether ``m`` is in the phrase that opens the sentence, which the verb after it
        follows: "In the Iranian capital Tehran on Wednesday, thousands demonstrated"."""
        if not self.fronted:
            return False
        k = bisect_left(self.commas, m.start)
        return k == 0 and k < len(self.commas) and self.commas[k] < verb_start

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
            found = self.words.only_skipped.match(self.text, end)
            self.skippable[index] = found.end() if found else end
        if offset > self.skippable[index] + self.words.longest_skipped:
            return False
        # (the word just before the place may want the space after it)
        return self.words.only_skipped.fullmatch(self.text[end:offset] + " ") is not None


def _attach(
    text: str, sentence: Span, m: PlaceMention, verbs: _Verbs, lexicon: EventLexicon
) -> list[tuple[int, PlaceRole]]:
    """The triggers a place belongs to, with its role at each: the verb its preposition
    hangs on, or the verb it is the object or passive subject of; and, for "X, where ...",
    the verb after."""
    triggers = verbs.triggers
    words = lexicon.roles
    out: list[tuple[int, PlaceRole]] = []
    before = words.skip_before.sub("", text[max(sentence.start, m.start - 40) : m.start])
    # "in Spain's Basque Country"
    before = words.skip_before.sub("", words.possessor.sub("", before))
    # a capitalised word and "of" before the place, unless the word opens the sentence
    # ("Many of Chechnya's towns")
    named_after = words.name_of.search(before)
    if named_after and named_after.start() + max(sentence.start, m.start - 40) > sentence.start:
        return []  # the end of a name: "the Islamic State of Iraq", "Armed Forces of Colombia"
    role = next((r for p, r in words.roles if p.search(before)), None)
    earlier = verbs.before(m.start)
    later = verbs.after(m.end)
    if role is not None:
        if earlier is not None and _reaches(text, triggers[earlier].end, m.start, words):
            out.append((earlier, role))
        elif later is not None and (
            _reaches(text, m.end, triggers[later].start, words, _REACH_BACK)
            or verbs.opening(m, triggers[later].start)
        ):
            out.append((later, role))  # "journalists near the frontier saw"
    elif earlier is not None and verbs.only_skipped(earlier, m.start):
        # the verb's object: "left the station in Pyongyang", "crossed the bridge"
        object_role = _OBJECT_ROLE.get(triggers[earlier].action)
        if object_role is not None:
            out.append((earlier, object_role))
    if not out and later is not None and triggers[later].passive:
        object_role = _OBJECT_ROLE.get(triggers[later].action)
        start = triggers[later].head
        gap = text[m.end : start].lower().split() if start - m.end <= _AUXILIARIES else []
        if object_role is not None and _only_auxiliaries(gap, lexicon):
            out.append((later, object_role))  # "Vukovar was captured", "Kosovo is patrolled"
    if later is not None and (
        words.where.match(text[m.end : m.end + 12])
        or words.site.search(text[m.end : min(sentence.end, m.end + 120)])
    ):
        # "Vladivostok, where Putin arrived"; "The city ... was the site of ... meeting"
        out.append((later, PlaceRole.LOCATION))
    return out


def _only_auxiliaries(words: Sequence[str], lexicon: EventLexicon) -> bool:
    """ "was", "has been", "were reportedly": what stands between a subject and its passive verb."""
    return any(w in lexicon.passive_auxiliaries for w in words) and all(
        w in lexicon.passive_auxiliaries or w in lexicon.perfect_auxiliaries or lexicon.is_adverb(w)
        for w in words
    )


def find_venue(text: str, mentions: Sequence[PlaceMention], lexicon: EventLexicon) -> int | None:
    """ "A possible venue is the eastern Russian city of Vladivostok": the venue mention."""
    starts = [m.start for m in mentions]
    placed = [i for i, m in enumerate(mentions) if m.place is not None]
    for match in lexicon.roles.venue.finditer(text):
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
