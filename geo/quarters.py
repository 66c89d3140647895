"""The town that owns a district the text names: "Giza's Haram district", "the city's
Abbassiya district", "the Karrada neighbourhood in Baghdad", "the Damascus suburb of Douma".

A district of a city is seldom in the gazetteer, and when its name is, the entry is often a
namesake far away (Haram, Norway, for the Haram district of Giza). The text says whose district
it is; the district is placed at that town, as a street is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from geo.discourse import facility_host
from geo.lang.en_places import TOWN_PARTS, TOWN_WORDS, VENUE_WORDS
from geo.models import Mention, Place, PlaceKind

__all__ = ["quarter_host", "venue_host"]

# (not "of": "the Cincinnati suburb of West Chester" names the suburb, not its town)
_PART = re.compile(r"\s+(?P<noun>[a-z]+)\b(?:\s+(?P<in>in)\s+(?:the\s+)?)?")
# "the Cincinnati suburb of West Chester", "the Damascus suburb of Douma": the town, then the noun
_OWNED = re.compile(r"(?P<last>\S)\s+(?P<noun>[a-z]+)\s+of\s+$")
_OWNER = re.compile(r"(?:\b(?:the|this)\s+(?P<word>[a-z]+)|(?P<name>\S))['’]s\s+(?:the\s+)?$")


def quarter_host(
    text: str,
    mentions: Sequence[Mention],
    places: Sequence[Place | None],
    index: int,
    starts: Sequence[int],
) -> int | None:
    """The index of the town that the district named by ``mentions[index]`` belongs to, or
    ``None`` when the text does not present that name as a district of a town. ``mentions``
    are in text order, ``places`` their readings and ``starts`` their starts."""
    here = mentions[index]
    owned = _OWNED.search(text, max(0, here.start - 40), here.start)
    if owned is not None and owned.group("noun") in TOWN_PARTS:
        k = _ending_at(mentions, starts, owned.start("last") + 1)
        if k is not None and _is_town(places[k]):
            return k
    part = _PART.match(text, here.end)
    if part is None or part.group("noun") not in TOWN_PARTS:
        return None
    if part.group("in"):  # "the Karrada district in Baghdad"
        k = bisect_left(starts, part.end())
        if k < len(mentions) and mentions[k].start == part.end() and _is_town(places[k]):
            return k
    owner = _OWNER.search(text, max(0, here.start - 40), here.start)
    if owner is None:
        return None
    if owner.group("word") is not None:  # "the city's Abbassiya district"
        if owner.group("word") not in TOWN_WORDS:
            return None
        host = facility_host(mentions, places, index, starts)
        return host if host is not None and _is_town(places[host]) else None
    k = _ending_at(mentions, starts, owner.start("name") + 1)  # "Giza's Haram district"
    return k if k is not None and _is_town(places[k]) else None


def venue_host(
    mentions: Sequence[Mention],
    places: Sequence[Place | None],
    index: int,
    countries: Counter[str],
    home_towns: Sequence[int],
) -> int | None:
    """The town a park or a square stands in ("the rally in Victoria Park" in a story of
    London, Ontario), when its name was read as a town in a country the story names nowhere
    else (Victoria Park, Hong Kong): the town of the story's own country named nearest it, one
    before it counting double. ``countries`` counts the countries of ``places``;
    ``home_towns`` are the indices, in text order, of the towns of the most counted one."""
    here, place = mentions[index], places[index]
    words = here.text.split()
    if place is None or place.kind is not PlaceKind.CITY or len(words) < 2:
        return None
    if words[-1] not in VENUE_WORDS or countries[place.country_code] > 1 or not home_towns:
        return None
    k = bisect_left(home_towns, index)
    options = []
    if k > 0:
        before = home_towns[k - 1]
        options.append((here.start - mentions[before].end, before))
    if k < len(home_towns) and home_towns[k] != index:
        after = home_towns[k]
        options.append((2 * (mentions[after].start - here.end), after))
    return min(options)[1] if options else None


def _ending_at(mentions: Sequence[Mention], starts: Sequence[int], end: int) -> int | None:
    """The index of the mention that ends at offset ``end``, if any."""
    k = bisect_left(starts, end) - 1
    return k if k >= 0 and mentions[k].end == end else None


def _is_town(place: Place | None) -> bool:
    return place is not None and place.kind is PlaceKind.CITY
