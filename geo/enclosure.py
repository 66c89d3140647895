"""Which of an event's places only says where another is: the country after its town
("Kirkuk, Iraq"), the province a village is in ("the village of Malha in Hasaka province"),
the city around its district ("the Amriya district in western Baghdad"). Such a place is the
event's context, not a second place where it happened.

Two kinds of evidence: the gazetteer (a country holds its towns, a first-level region the
towns it lists them under), and the text ("X in Y", "X district of Y", "X, Y" where Y is the
larger kind of place).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from geo.lang import EventLexicon
from geo.models import EventPlace, Place, PlaceKind, PlaceMention, PlaceRole

__all__ = ["mark_context"]

# How large each kind of place is, to tell which of two places can hold the other.
_RANK = {
    PlaceKind.FACILITY: 0,
    PlaceKind.LANDMARK: 0,
    PlaceKind.BORDER: 0,
    PlaceKind.CITY: 1,
    PlaceKind.WATER: 1,
    PlaceKind.COUNTY: 2,
    PlaceKind.ADMIN1: 3,
    PlaceKind.REGION: 3,
    PlaceKind.COUNTRY: 4,
    PlaceKind.CONTINENT: 5,
}
_WITHIN_ADMIN1 = frozenset(
    {PlaceKind.COUNTY, PlaceKind.CITY, PlaceKind.LANDMARK, PlaceKind.FACILITY}
)


def mark_context(
    text: str,
    places: Sequence[EventPlace],
    mentions: Sequence[PlaceMention],
    lexicon: EventLexicon,
) -> tuple[EventPlace, ...]:
    """An event's ``places`` with each area that encloses another of its places in the same
    role given the role of context: in "killed in Kirkuk, Iraq" the event happened in
    Kirkuk, and Iraq only says where Kirkuk is. ``lexicon`` gives the language's words for
    sorts of places ("district", "village") and for one written inside another ("in", "of").
    Linear in the number of places."""
    held: set[tuple[PlaceRole, str]] = set()  # (role, country or region code) of what is held
    for p in places:
        place = mentions[p.mention].place
        if place is not None and place.kind is not PlaceKind.COUNTRY:
            held.add((p.role, place.country_code))
            if place.kind in _WITHIN_ADMIN1 and place.admin1:
                held.add((p.role, place.admin1))
    order = sorted(range(len(places)), key=lambda k: mentions[places[k].mention].start)
    context = {
        k
        for k, p in enumerate(places)
        if (place := mentions[p.mention].place) is not None and _holds(place, p.role, held)
    }
    for a, b in pairwise(order):  # the text's "X in Y", next to each other
        inner, outer = places[a], places[b]
        if inner.role is outer.role and _written_within(
            text, mentions[inner.mention], mentions[outer.mention], lexicon
        ):
            context.add(b)
    return tuple(
        EventPlace(p.mention, PlaceRole.CONTEXT) if k in context else p
        for k, p in enumerate(places)
    )


def _holds(place: Place, role: PlaceRole, held: set[tuple[PlaceRole, str]]) -> bool:
    """Whether the country or first-level region ``place`` holds another place of the event
    in the same role."""
    if place.kind is PlaceKind.COUNTRY:
        return (role, place.country_code) in held
    if place.kind is PlaceKind.ADMIN1:
        return bool(place.admin1) and (role, place.admin1) in held
    return False


def _rank(m: PlaceMention) -> int:
    kind = m.place.kind if m.place is not None else m.mention.kind
    return _RANK.get(kind, 1) if kind is not None else 1  # (a place not located: a town)


def _written_within(
    text: str, inner: PlaceMention, outer: PlaceMention, lexicon: EventLexicon
) -> bool:
    """Whether the text puts ``inner`` inside ``outer``, written after it: "Malha in Hasaka
    province", "the Amriya district in western Baghdad", "Semdinli, Hakkari"."""
    if not 0 <= outer.start - inner.end <= 60:
        return False
    words = text[inner.end : outer.start].lower().replace(",", " , ").split()
    while words and words[0] in lexicon.place_nouns:  # "X district in Y", "X village of Y"
        words = words[1:]
    larger = _rank(outer) > _rank(inner)
    if words == [","]:
        return larger  # "Atmeh, Syria"; not a list ("Kenya, Somalia")
    return (
        bool(words)
        and words[0] in lexicon.roles.within
        and all(w in lexicon.roles.before_larger or w == lexicon.roles.of for w in words[1:])
        and _rank(outer) >= _RANK[PlaceKind.CITY]  # (a district may be in a city: no rank)
    )
