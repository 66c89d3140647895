"""Distance and direction claims, found by their grammar and checked against the geodesic.

"The city, located about 425 miles (680 kilometers) north of Pyongyang" gives two distance
checks (425 mi, 680 km) and one direction check (north). A claim is a figure with a length
unit, a compass word, or both, then a preposition ("of", "from", "outside", "off the coast
of") and the place measured from; or, in an ellipsis, the figure and compass word alone
("Fallujah, 50 kilometers to the east"), measured from the place named before. The place
that lies there is the noun phrase before the claim ("Mahmudiyah, 30 km south of Baghdad"),
or, in a heading ("North of Baghdad, ... in Baiji"), the place named after it.

Not claims: a part of a place ("in the north of France", "northern Syria", "the northern city
of Aleppo", "Aleppo, north of Syria"), a name ("North Waziristan"), a movement ("advancing
south from X", "advanced 60 kilometers"), the length of a thing ("a 15km race"), a speed or an
area. Durations, counts, clock times and money never match: a figure needs a length unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from geo.checking import check
from geo.claim_ends import End, Ends
from geo.figures import claimed_values, figure_pattern
from geo.gazetteer import Gazetteer
from geo.lang.en_claims import (
    COMPASS,
    DISTANCE_PREPOSITIONS,
    JOURNEY_NOUNS,
    MOVEMENT_VERBS,
    OPENING_HEDGES,
    PERCEPTION_WORDS,
    PLACE_HEADS,
)
from geo.models import Bound, Claim, ClaimedValue, MentionForm, PlaceKind, PlaceMention, Span
from geo.text import matches_near, span_at

__all__ = ["Found", "check_claims", "find_claims"]

_DISTANCE = re.compile(
    figure_pattern("1")
    + r"(?:\s*[(\[]\s*(?:or\s+)?"
    + figure_pattern("2")
    + r"\s*[)\]]|\s*\(\s*(?:miles|kilomet(?:er|re)s|km)\s*\))?"
    # "a 250-kilometre drive north of Baghdad": how far it is, told as the way there
    + rf"(?:\s+(?P<way>{JOURNEY_NOUNS}))?"
    + r"(?:\s+(?:(?:due|directly|just|further|farther|slightly)\s+)?(?:to\s+the\s+)?"
    + rf"(?P<dir>{COMPASS})(?:wards?)?)?"
    + r"(?:\s+(?P<away>away|apart))?"
    + rf"(?:\s+(?P<prep>{DISTANCE_PREPOSITIONS})\b)?",
    re.IGNORECASE,
)
# (the lead word is taken only where a word starts: tried inside a word it would match
# "west" in "south-west"; "eastwards of" is a way taken, "eastward of" may be a position)
_DIRECTION_OF = re.compile(
    r"(?<![\w-])(?P<lead>(?:(?:just|due|directly|immediately|slightly|further|farther|far|well"
    r"|somewhat)\s+)?(?:to\s+the\s+)?)"
    rf"(?P<dir>{COMPASS})(?:ward)?\s+(?P<prep>of)\s+",
    re.IGNORECASE,
)
# Where a distance claim may be: around a length unit. Scanning only there keeps the big
# pattern off the rest of the text.
_UNIT_WORD = re.compile(  # also right after a digit: "160km"
    r"(?:\b|(?<=\d))(?:kms?|kilomet(?:er|re)s?|kilometrs|miles?|mi|met(?:er|re)s?|m|yards?"
    r"|yds|feet|foot|ft|blocks?)\b",
    re.IGNORECASE,
)
_BEFORE_UNIT = 80  # a hedge, a range and a figure fit before the unit in this many characters
_AFTER_UNIT = 300  # ... and a converted figure, a direction and "of" after it
# What a length followed by these is not: a speed, an area.
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:/|per\b|an hour|a day|square|sq\b|²)", re.IGNORECASE)
# After an ellipsis ("50 kilometers to the east"), the clause goes on or stops.
_ELLIPSIS_END = re.compile(
    r"\s*(?:$|[,.;:)\]—–]|(?:and|in|on|at|where|while|when|after|as|near)\b)", re.IGNORECASE
)
# what may open a sentence before its figure: quotes, brackets and a hedge ("More than", "Some")
_HEDGE_ONLY = re.compile(rf"[\s\"'“‘(\[]*(?:{OPENING_HEDGES})?\s*", re.IGNORECASE)
_ROUTE = re.compile(r"[^,.;]{0,60}?\bto\s+[A-Z]")  # "from X to Y": the length of a route
# "in the north of", "the far north of", "the south and east of": a part of the place
_PART_OF = re.compile(
    r"\b(?:the|a|an)\s+(?:(?:far|extreme|very)\s+)?(?:(?:north|south|east|west)\w*\s*(?:and|or|,)\s+)?$",
    re.IGNORECASE,
)
_BORDER_REF = re.compile(
    r"(?:the\s+)?(?:(?P<adj>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+)?(?:border|frontier)"
    r"(?:\s+with\s+(?P<with>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?"
)
_CURRENCY = "$€£¥"
_AND = re.compile(r"\s+(?:and|&)\s+$")
_IN_NAME = re.compile(r",?\s+(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?[A-Z]")
# A city this large is the one meant wherever the other end is ("Moscow ... from Berlin"); a
# smaller town abroad is more likely a namesake of one the gazetteer does not hold.
_WELL_KNOWN = 100_000


@dataclass(frozen=True, slots=True)
class Found:
    """A claim as the text gives it, before it is checked."""

    start: int
    end: int
    values: tuple[ClaimedValue, ...]
    direction: str | None  # the compass word as written, or None
    located: End | None
    reference: End | None
    border: bool  # the reference is a border ("30 km south of the Russian border")
    part_of: bool  # a direction only: "Aleppo, north of Syria" may mean the north of Syria


def find_claims(
    text: str, mentions: Sequence[PlaceMention], gazetteer: Gazetteer, sentences: Sequence[Span]
) -> list[Found]:
    """The distance and direction claims of ``text``, in text order, with their ends.
    ``mentions`` and ``sentences`` are in text order."""
    ends = Ends(text, mentions, gazetteer)
    starts = [s.start for s in sentences]
    found: list[Found] = []
    units = (u.span() for u in _UNIT_WORD.finditer(text))
    for match in matches_near(_DISTANCE, text, units, _BEFORE_UNIT, _AFTER_UNIT):
        claim = _distance(text, match, ends, _sentence(sentences, starts, match.start(), text))
        if claim is not None:
            found.append(claim)
    taken = [(f.start, f.end) for f in found]
    taken_starts = [a for a, _ in taken]
    for match in _DIRECTION_OF.finditer(text):
        k = bisect_right(taken_starts, match.start("dir"))
        if k and taken[k - 1][1] > match.start("dir"):
            continue  # inside a distance claim
        sentence = _sentence(sentences, starts, match.start(), text)
        claim = _direction(text, match, ends, sentence)
        if claim is not None:
            found.append(claim)
    found.sort(key=lambda f: f.start)
    return found


def _sentence(sentences: Sequence[Span], starts: list[int], offset: int, text: str) -> Span:
    return span_at(sentences, starts, offset) or Span(0, len(text))


def _perceived(text: str, start: int, sentence: Span) -> bool:
    """ "could see the smoke from more than ten miles away": a perception verb earlier in the
    clause, the figure after "from"."""
    clause = re.split(r"[,;:]", text[sentence.start : start])[-1]
    words = [w.strip("\"'“”‘’").lower() for w in clause.split()]
    if "from" not in words[-4:]:
        return False
    return any(w in PERCEPTION_WORDS for w in words)


def _word_before(text: str, offset: int) -> str:
    words = text[max(0, offset - 30) : offset].split()
    return words[-1].lower().strip(",") if words else ""


def _distance(text: str, match: re.Match[str], ends: Ends, sentence: Span) -> Found | None:
    """A figure with its unit, a direction or "away", and a preposition or an ellipsis."""
    values = tuple(claimed_values(match))
    if not values or _NOT_AFTER_NUMBER.match(text, values[0].end):
        return None
    start = match.start()
    if text[max(0, start - 2) : start].strip()[-1:] in _CURRENCY:
        return None
    direction = match.group("dir")
    prep = match.group("prep")
    if prep is None and direction is None and match.group("away") is None:
        return None  # a length alone: "advanced 60 kilometers", "a 15km race"
    if (prep or "").lower() == "of" and direction is None and values[0].bound is not Bound.MAX:
        return None  # an amount of a thing: "100 km of road", "several meters of territory"
    if _word_before(text, start) in MOVEMENT_VERBS:
        return None  # how far something went
    if match.group("away") and _perceived(text, start, sentence):
        return None  # how far a thing was seen or heard from
    if (match.group("away") or "").lower() == "apart" and prep is None:
        return _apart(match, values, ends, sentence)
    if prep is None:
        if not _ELLIPSIS_END.match(text, match.end()):
            return None
        reference: End | None = None
        end = match.end()
    else:
        at = match.end() + len(text[match.end() :]) - len(text[match.end() :].lstrip())
        if prep.lower() == "from" and _ROUTE.match(text, at) and not direction:
            return None
        border = _BORDER_REF.match(text, at)
        if border is not None:
            return _border_claim(match, values, direction, border, ends, sentence)
        reference = ends.reference(at, sentence.end, "")
        end = reference.end
    located = ends.located(start, sentence.start, _hint(ends, reference, sentence))
    if reference is None and located is None and _HEDGE_ONLY.fullmatch(text, sentence.start, start):
        # a new scene: "More than 200 miles to the northwest, two officers from Lewisburg
        # ...": the place the sentence goes on to, measured from the one the story was at
        located = ends.after(match.end(), sentence.end, "")
        if located is not None:
            reference = ends.previous_scene(sentence.start)
    elif reference is None and located is not None:
        reference = _implied_reference(ends, located, sentence)
    elif reference is not None and reference.place is None and located is not None:
        reference = _refine(ends, reference, located, sentence)
    if located is not None and located.place is not None and reference is not None:
        located = _same_country(ends, located, reference, sentence)
    return Found(start, max(end, match.end()), values, direction, located, reference,
                 border=False, part_of=False)  # fmt: skip


def _direction(text: str, match: re.Match[str], ends: Ends, sentence: Span) -> Found | None:
    """A compass word and "of": "Vogosca, north of Sarajevo", "raids north of Baghdad"."""
    lead = match.group("lead").lower()
    if "to" not in lead.split() and _PART_OF.search(
        text, max(0, match.start() - 20), match.start()
    ):
        return None  # "in the north of the country", "the far north of"
    if _word_before(text, match.start()) in MOVEMENT_VERBS:
        return None
    reference = ends.reference(match.end(), sentence.end, "")
    word = match.group("dir")
    heading = word[0].isupper() and not text[sentence.start : match.start()].strip(" \"'“‘([")
    if heading:
        located = ends.after(reference.end, sentence.end, _country(reference))
    else:
        located = ends.located(match.start(), sentence.start, _hint(ends, reference, sentence))
        if located is None or not located.named:
            after = _IN_NAME.match(text, reference.end)
            if after:
                located = ends.after(reference.end, sentence.end, _country(reference)) or located
    if reference.place is None and located is not None:
        reference = _refine(ends, reference, located, sentence)
    if located is not None and located.place is not None:
        located = _same_country(ends, located, reference, sentence)
    start = match.start("dir") if not match.group("lead").strip() else match.start()
    return Found(start, max(reference.end, match.end()), (), word, located, reference,
                 border=False, part_of=True)  # fmt: skip


def _apart(
    match: re.Match[str], values: tuple[ClaimedValue, ...], ends: Ends, sentence: Span
) -> Found:
    """ "Tallinn and Helsinki, some 45 nautical miles apart": the two places named before."""
    second = ends.located(match.start(), sentence.start, "")
    first = None
    if second is not None and second.named:
        joined = _AND.search(ends.text, max(sentence.start, second.start - 8), second.start)
        if joined is not None:
            first = ends.located(joined.start() + 1, sentence.start, _country(second))
    return Found(match.start(), match.end(), values, None, second, first,
                 border=False, part_of=False)  # fmt: skip


def _border_claim(
    match: re.Match[str],
    values: tuple[ClaimedValue, ...],
    direction: str | None,
    border: re.Match[str],
    ends: Ends,
    sentence: Span,
) -> Found:
    """ "30 km south of the Russian border", "within 100 miles of the border with Pakistan"."""
    country = ends.country_mention(border.start(), border.end())
    if country is None:
        country = ends.last_border(match.start())  # "the border": the one named before
    place = ends.mentions[country].place if country is not None else None
    reference = End(border.start(), border.end(), country, place, country is not None)
    located = ends.located(match.start(), sentence.start, "")
    return Found(match.start(), border.end(), values, direction, located, reference,
                 border=True, part_of=False)  # fmt: skip


def _country(end: End | None) -> str:
    return end.place.country_code if end is not None and end.place is not None else ""


def _hint(ends: Ends, reference: End | None, sentence: Span) -> str:
    """The country the located place is looked for in: the reference's, else the one the
    sentence names most ("Muqdadiya, 90 km north of the capital" in an Iraqi story)."""
    country = _country(reference)
    if country:
        return country
    named = ends.countries_named(sentence.start, sentence.end)
    return named[0] if named else ""


def _implied_reference(ends: Ends, located: End, sentence: Span) -> End | None:
    """The place an ellipsis is measured from: the one named before the located place in
    the sentence ("captured in Ramadi ..., four others in Fallujah, 50 km to the east")."""
    return ends.previous_settlement(located.start, sentence.start, located.place)


def _refine(ends: Ends, reference: End, located: End, sentence: Span) -> End:
    """A reference the text describes: "the capital" of the located place's country, "the
    city" named before."""
    if reference.head in ("capital",) and located.place is not None:
        capital = ends.gazetteer.capital(located.place.country_code)
        if capital is not None:
            return End(reference.start, reference.end, None, capital, True, reference.head)
    if reference.head in PLACE_HEADS and not reference.named:
        before = ends.previous_settlement(located.start, sentence.start, located.place)
        if before is not None:
            return End(reference.start, reference.end, before.mention, before.place, True)
    return reference


def _same_country(ends: Ends, located: End, reference: End | None, sentence: Span) -> End:
    """The located place among its namesakes in the reference's country: "Malawi, 260 km
    south of Cairo" is the Egyptian town, not the country."""
    if reference is None or reference.place is None or located.place is None:
        return located
    code = reference.place.country_code
    if not code or located.place.country_code == code:
        return located
    if reference.place.kind is PlaceKind.COUNTRY or (
        located.place.kind is PlaceKind.COUNTRY and located.mention is None
    ):
        return located
    name = ends.text[located.start : located.end]
    if located.mention is not None:
        m = ends.mentions[located.mention]
        if m.mention.form is MentionForm.DEMONYM:
            return located
        name = m.text
        for candidate in m.candidates:
            if candidate.place.country_code == code:
                return End(located.start, located.end, located.mention, candidate.place, True)
    there = ends.lookup(name, code)
    if there is not None and there.country_code == code and there.kind is PlaceKind.CITY:
        return End(located.start, located.end, located.mention, there, True)
    if (
        located.place.kind is PlaceKind.CITY
        and reference.place.kind is PlaceKind.CITY
        and located.place.population < _WELL_KNOWN
    ):
        # a town told by its distance from a town of another country, in a sentence that
        # names nothing else of its country, is a namesake the gazetteer does not hold
        # ("Dura, south of Baghdad" is no Dura of Palestine)
        named = ends.country_counts(sentence.start, sentence.end)
        if named.get(located.place.country_code, 0) <= 1:
            return End(located.start, located.end, None, None, True)
    return located


def check_claims(
    text: str, mentions: Sequence[PlaceMention], gazetteer: Gazetteer, sentences: Sequence[Span]
) -> tuple[Claim, ...]:
    """Every distance or direction claim in ``text``, checked. ``mentions`` and
    ``sentences`` are in text order."""
    claims = []
    starts = [s.start for s in sentences]
    for found in find_claims(text, mentions, gazetteer, sentences):
        sentence = _sentence(sentences, starts, found.start, text)
        claim = check(text, found, gazetteer, sentence)
        if claim is not None:
            claims.append(claim)
    return tuple(claims)
