"""What the article does with its places: whether a name stands for a government or an
organisation (metonymy: "Washington will monitor", "the Kremlin's website"), and which place
a description or an anaphor points to ("the capital, Pyongyang", "The city", "the North
Korea-Russia frontier", "a border river").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from geo.lookalikes import names_organisation
from geo.models import Mention, MentionForm, Place, PlaceKind, Reference

__all__ = ["Description", "classify_reference", "facility_host", "find_descriptions"]

# Verbs (and auxiliaries) whose subject is an agent: a place followed by one is acting.
_AGENT_VERBS = frozenset(
    """said says say will would could should may might must has have had wants want wanted
    announced announces accused accuses accusing blamed blames denied denies denying urged
    urges warned warns insisted insists demanded demands rejected rejects condemned condemns
    agreed agrees signed signs plans planned intends intended hopes hoped believes believed
    claims claimed responded responds threatened threatens refused refuses sought seeks
    seeking pledged pledges promised promises vowed vows ordered orders approved approves
    imposed imposes sanctioned launched launches invaded invades recognised recognized
    supplied supplies sent sends provided provides backed backs supports supported opposed
    opposes confirmed confirms declined declines criticised criticized expelled summoned""".split()
)
# Nouns after a possessive place that make it an actor: "Moscow's war", "Russia's invasion".
_AGENT_NOUNS = frozenset(
    """war invasion government policy policies website decision decisions officials official
    support role military army forces response position ally allies partner partners need
    efforts effort campaign strategy regime leadership leader leaders foreign ministry
    embassy ambassador envoy diplomats diplomacy sanctions demands offer proposal plan plans
    stance interests aggression offensive counteroffensive spokesman spokeswoman
    spokesperson statement announcement request approval refusal threat threats claims
    accusation""".split()
)
# Words before a place that make it a party to relations: "against Washington".
_RELATION_BEFORE = re.compile(
    r"(?:against|accusing|accused|blamed|blaming|urge|urged|urging|with|between|pressure on|"
    r"ties with|tensions with|talks with|allies|ally|partners|open to|sanctions on|warned|"
    r"criticised|criticized|condemned|told|asked)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a source in Ramadi said", "officials in Moscow say": the people are there, the place is
# where they are, not who speaks
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$")
_AFTER_A_TOWN = re.compile(r"\b[A-Z][\w.'’-]*,\s*$")
_ORG_LANDMARKS = (
    "Kremlin",
    "White House",
    "Pentagon",
    "Downing Street",
    "Elysee",
    "Élysée",
    "Blue House",
    "Zhongnanhai",
    "Capitol Hill",
    "Whitehall",
    "Foggy Bottom",
)


def classify_reference(text: str, mention: Mention, place: Place) -> Reference:
    """Whether ``mention`` stands for a government or organisation rather than the place.

    Only countries, capitals, cities and seats of government can be used that way; adjectives
    ("Russian") are never metonymic here.
    """
    if mention.form is not MentionForm.DEMONYM and names_organisation(
        text, mention.start, mention.end
    ):
        return Reference.ORGANISATION  # "the Los Angeles Times", "Texas A&M", "Dallas Cowboys"
    if mention.form is MentionForm.DEMONYM or place.kind not in (
        PlaceKind.COUNTRY,
        PlaceKind.CITY,
        PlaceKind.LANDMARK,
        PlaceKind.ADMIN1,
    ):
        return Reference.LOCATION
    after = text[mention.end : mention.end + 40]
    before = text[max(0, mention.start - 40) : mention.start]
    if place.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY) and _AFTER_A_TOWN.search(before):
        return Reference.LOCATION  # "Melville, Sask. believes": the town's region, not a government
    words = re.findall(r"[\w']+|[^\w\s]", after)
    if words[:1] in (["'s"], ["’s"]) or after.startswith(("'s", "’s")):
        rest = re.findall(r"[A-Za-z]+", after[2:])[:3]
        if any(w.lower() in _AGENT_NOUNS for w in rest[:2]):
            return Reference.ORGANISATION
        return Reference.LOCATION
    first = words[0].lower() if words else ""
    if first in _AGENT_VERBS and not _LOCATIVE_BEFORE.search(before):
        # "Moscow has been drawing closer" is still an actor; "Moscow is a city" is not
        return Reference.ORGANISATION
    if _RELATION_BEFORE.search(before):
        return Reference.ORGANISATION
    if (
        place.kind is PlaceKind.LANDMARK
        and mention.text.removeprefix("the ").strip() in _ORG_LANDMARKS
    ):
        return Reference.ORGANISATION
    return Reference.LOCATION


@dataclass(frozen=True, slots=True)
class Description:
    """A described or anaphoric reference, with the index of the mention it depends on,
    or the two country codes of a border."""

    mention: Mention
    antecedent: int | None
    border: tuple[str, str] | None = None


_ANAPHOR = re.compile(
    r"\b(?P<det>[Tt]he)\s+(?P<mods>(?:[A-Z][\w'-]*\s+|(?:eastern|western|northern|southern|"
    r"central|north-eastern|north-western|south-eastern|south-western|coastal|border|port|"
    r"industrial|northeastern|northwestern|southeastern|southwestern)\s+){0,3})"
    r"(?P<noun>capital|city|town|port city|village)\b"
)
# A country's name in "the North Korea-Russia border": at most _NAME_WORDS capitalised words
# of at most _WORD_CHARS characters ("U.S." included), each taken whole. Unbounded, the name
# would be retried from every word of a long capitalised run, at quadratic cost.
_NAME_WORDS = 6  # "Central African Republic" has 3: a longer run of capitals names no country
_WORD_CHARS = 30  # no word of a country's name is longer
_WORD = rf"[A-Z][\w.]{{0,{_WORD_CHARS - 1}}}+"
_NAME = rf"{_WORD}(?:\s++{_WORD}){{0,{_NAME_WORDS - 1}}}"
_BORDER_NAMED = re.compile(
    rf"\b(?:the\s++)?(?P<a>{_NAME})\s*+[-–]\s*+(?P<b>{_NAME})\s+(?P<noun>border|frontier)\b"
)
_ANTECEDENT_REACH = 600  # characters back to the place "the city" points to: a few sentences
_BORDER_ANAPHOR = re.compile(
    r"\b(?:a|the)\s+(?:border\s+(?:river|crossing|bridge|town|city|area|region)|border"
    r"|frontier|bridge\s+that\s+connects\s+the\s+(?:two\s+)?countries|bridge)\b"
)


def find_descriptions(
    text: str,
    mentions: Sequence[Mention],
    places: Sequence[Place | None],
    capitals: AbstractSet[str] = frozenset(),
) -> list[Description]:
    """Anaphors and descriptions that point to a named place or a border. ``capitals`` are
    the ids of national capitals: "the capital" points back to one of them, or to a country
    (then to its capital). ``mentions`` are in text order and do not overlap."""
    out: list[Description] = []
    borders: list[tuple[int, tuple[str, str]]] = []
    starts = [m.start for m in mentions]
    for match in _BORDER_NAMED.finditer(text):
        a = _mention_at(mentions, starts, places, match.start("a"), match.end("a"))
        b = _mention_at(mentions, starts, places, match.start("b"), match.end("b"))
        if a is None or b is None:
            continue
        ca, cb = places[a], places[b]
        if (
            ca is None
            or cb is None
            or ca.kind is not PlaceKind.COUNTRY
            or cb.kind is not PlaceKind.COUNTRY
        ):
            continue
        pair = (ca.country_code, cb.country_code)
        start = match.start("a")
        mention = Mention(
            start, match.end(), text[start : match.end()], MentionForm.DESCRIPTION, ""
        )
        out.append(Description(mention, None, pair))
        borders.append((match.end(), pair))
    # (border descriptions come in text order and do not overlap)
    border_ends = [end for end, _ in borders]
    border_starts = [d.mention.start for d in out]
    for match in _BORDER_ANAPHOR.finditer(text):
        k = bisect_right(border_ends, match.start())
        j = bisect_right(border_starts, match.start())
        if not k or (j and match.start() < out[j - 1].mention.end):
            continue  # no border named before, or inside a border's own description
        mention = Mention(match.start(), match.end(), match.group(), MentionForm.ANAPHOR, "")
        out.append(Description(mention, None, borders[k - 1][1]))
    for match in _ANAPHOR.finditer(text):
        noun = match.group("noun")
        antecedent = _antecedent(text, match, noun, mentions, starts, places, capitals)
        if antecedent is None:
            continue
        form = MentionForm.DESCRIPTION if match.group("mods").strip() else MentionForm.ANAPHOR
        end = match.end()
        mention = Mention(match.start(), end, text[match.start() : end], form, "")
        out.append(Description(mention, antecedent))
    out.sort(key=lambda d: d.mention.start)
    return out


def _mention_at(
    mentions: Sequence[Mention],
    starts: Sequence[int],
    places: Sequence[Place | None],
    start: int,
    end: int,
) -> int | None:
    i = bisect_left(starts, start)
    while i < len(mentions) and starts[i] <= end:
        if mentions[i].end <= end and places[i] is not None:
            # the last country named inside the group ("North Korea")
            best = i
            while best + 1 < len(mentions) and mentions[best + 1].end <= end:
                best += 1
            return best
        i += 1
    return None


def _antecedent(
    text: str,
    match: re.Match[str],
    noun: str,
    mentions: Sequence[Mention],
    starts: Sequence[int],
    places: Sequence[Place | None],
    capitals: AbstractSet[str],
) -> int | None:
    # "the Syrian city", "the North Korean capital": the place must be in that country
    first_after = bisect_left(starts, match.end())
    inside = [
        i
        for i in range(bisect_left(starts, match.start()), first_after)
        if mentions[i].end <= match.start("noun") and places[i] is not None
    ]
    country = places[inside[-1]].country_code if inside else ""  # type: ignore[union-attr]
    # "the capital, Pyongyang" / "the city of Vladivostok": the name follows
    if first_after < len(mentions):
        i = first_after
        gap = text[match.end() : mentions[i].start]
        place = places[i]
        fits = place is not None and place.kind is PlaceKind.CITY
        if gap in (", ", " of ") and fits and (not country or place.country_code == country):  # type: ignore[union-attr]
            return i
    if noun == "capital" and inside:
        return inside[-1]  # the capital of the country named in the description
    # otherwise the latest fitting place before it, within a few sentences
    window_start = max(0, match.start() - _ANTECEDENT_REACH)
    for i in range(bisect_left(starts, match.start()) - 1, -1, -1):
        m, place = mentions[i], places[i]
        if m.start < window_start:
            break
        if m.end > match.start() or place is None:
            continue
        if country and place.country_code != country:
            continue
        if noun == "capital" and place.kind is PlaceKind.COUNTRY:
            return i  # resolved to the country's capital by the caller
        if noun == "capital" and place.id not in capitals:
            continue  # "Milan ... the capital" is Rome, named earlier
        if place.kind is PlaceKind.CITY:
            return i
    return None


_HOST_KINDS = (PlaceKind.CITY, PlaceKind.COUNTY, PlaceKind.ADMIN1)
_HOST_REACH = 1500  # characters to the town of a street: the same few paragraphs


def facility_host(
    mentions: Sequence[Mention],
    places: Sequence[Place | None],
    index: int,
    starts: Sequence[int] | None = None,
) -> int | None:
    """The mention of the town a street or building is in: the nearest city or county named
    in the text around it (preferring one before it, counting a name after it twice as
    far), else a region. ``mentions`` are in text order and do not overlap; ``starts`` are
    their starts, listed once by a caller that asks for many facilities."""
    here = mentions[index]
    starts = [m.start for m in mentions] if starts is None else starts
    best: tuple[int, int] | None = None
    host = None
    # (a mention that ends within reach before it starts within reach, as none overlap)
    low = bisect_left(starts, here.start - _HOST_REACH)
    high = bisect_right(starts, here.end + _HOST_REACH // 2)
    for i in range(max(0, low - 1), high):
        m, place = mentions[i], places[i]
        if i == index or place is None or place.kind not in _HOST_KINDS:
            continue
        distance = here.start - m.end if m.end <= here.start else 2 * (m.start - here.end)
        rank = _HOST_KINDS.index(place.kind) // 2  # cities and counties alike, regions last
        key = (rank, distance)
        if distance <= _HOST_REACH and (best is None or key < best):
            best, host = key, i
    return host
