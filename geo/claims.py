"""Distance and direction claims, checked against the geodesic.

"The city, located about 425 miles (680 kilometers) north of Pyongyang" gives two distance
checks (425 mi, 680 km) and one direction check (north). Each check states its tolerance: a
band for the hedge ("about", "nearly", none), the rounding the figure itself implies (680 is
given to the nearest 10) and the size of the places (a city's centre is not its edge). A
verdict always comes with its numbers.

Durations, counts, clock times, speeds, areas and money never match: a claim needs a length
unit followed by "of", "from" or "off" and a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import shapely
from shapely.ops import nearest_points

from geo.figures import claimed_values, figure_pattern
from geo.gazetteer import Gazetteer
from geo.geodesy import measure
from geo.models import (
    Claim,
    Coordinate,
    MentionForm,
    Place,
    PlaceKind,
    PlaceMention,
    Span,
    Verdict,
)
from geo.text import matches_near, span_at
from geo.verdicts import check_direction, check_distance, radius_km

__all__ = ["check_claims", "find_claims"]

_DIRECTION = r"north-?east|north-?west|south-?east|south-?west|north|south|east|west"
_APART = re.compile(figure_pattern("1") + r"\s+apart\b", re.IGNORECASE)
# (the space before the verb starts only where a run of spaces starts, and is taken whole:
# tried from every position of a long run of spaces it would cost quadratic time)
_DIRECTION_ONLY = re.compile(
    rf"(?:,\s++|(?<!\s)\s++(?:lies|is|sits|is located|located)\s++)(?:just\s++|due\s++)?"
    rf"(?P<dir>{_DIRECTION})\s+of\s+",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    figure_pattern("1")
    + r"(?:\s*\(\s*"
    + figure_pattern("2")
    + r"\s*\))?"
    + rf"(?:\s+(?:to\s+the\s+)?(?P<dir>{_DIRECTION})(?:ern)?)?"
    + r"\s+(?:away\s+)?(?P<prep>of|from|off(?:\s+the\s+coast\s+of)?|outside|beyond)\s+",
    re.IGNORECASE,
)
# Where a claim may be: around a length unit. Scanning only there keeps the big pattern off
# the rest of the text.
_UNIT_WORD = re.compile(  # also right after a digit: "160km"
    r"(?:\b|(?<=\d))(?:km|kilomet(?:er|re)s?|miles?|mi|nautical|met(?:er|re)s?|m)\b",
    re.IGNORECASE,
)
_BEFORE_UNIT = 80  # a hedge, a range and a figure fit before the unit in this many characters
_AFTER_UNIT = 300  # ... and a converted figure, a direction and "of" after it


def _scan(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of ``pattern`` that hold a length unit, in text order."""
    units = (u.span() for u in _UNIT_WORD.finditer(text))
    return matches_near(pattern, text, units, _BEFORE_UNIT, _AFTER_UNIT)


# What a length followed by these is not: a speed, an area, a depth, a length of something.
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:/|per\b|an hour|square|sq\b|²)", re.IGNORECASE)
_BORDER_REF = re.compile(
    r"(?:the\s+)?(?:(?P<adj>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+)?(?:border|frontier)"
    r"(?:\s+with\s+(?P<with>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?"
)


@dataclass(frozen=True, slots=True)
class _Found:
    match: re.Match[str]
    subject: int | None
    reference: int | None  # a place mention, or the country named in a border reference
    border_end: int | None  # where "the Russian border" ends, for a border reference


def find_claims(text: str, mentions: Sequence[PlaceMention]) -> list[_Found]:
    """Claims between two named places, with their subject and reference mentions. A figure
    whose subject the text does not name ("the tanker, 12 nautical miles off Libya") is no
    claim between places and is left out. ``mentions`` are in text order."""
    index = _Index(text, mentions)
    found = []
    taken: list[tuple[int, int]] = []
    for match in _scan(_CLAIM, text):
        if _NOT_AFTER_NUMBER.match(text, match.end("u1")):
            continue
        subject = index.subject(match.start())
        if subject is None:
            continue
        border = _BORDER_REF.match(text, match.end())
        if border is not None:
            country = index.country_within(border.start(), border.end())
            if country is None:
                # "the border": the border the article last named, if any
                country = index.last_border(match.start())
            found.append(_Found(match, subject, country, border.end()))
            taken.append(match.span())
            continue
        reference = index.mention_at(match.end())
        if reference is not None:
            found.append(_Found(match, subject, reference, None))
            taken.append(match.span())
    for match in _scan(_APART, text):
        # "Tallinn and Helsinki, some 45 nautical miles apart": the two places named before
        before = index.before(match.start(), 2)
        if len(before) == 2:
            found.append(_Found(match, before[1], before[0], None))
    # (claims come in text order, so these are sorted; each keeps the furthest end so far)
    taken_starts = [a for a, _ in taken]
    taken_reach = list(accumulate((b for _, b in taken), max))
    first_ending: dict[int, int] = {}
    for i, m in enumerate(mentions):
        first_ending.setdefault(m.end, i)
    for match in _DIRECTION_ONLY.finditer(text):
        k = bisect_right(taken_starts, match.start())
        if k and taken_reach[k - 1] > match.start():
            continue  # inside a distance claim
        subject = first_ending.get(match.start())
        reference = index.mention_at(match.end())
        if subject is not None and reference is not None and mentions[subject].place is not None:
            found.append(_Found(match, subject, reference, None))
    found.sort(key=lambda f: f.match.start())
    return found


class _Index:
    """The lookups the claim finder makes for every match, each a bisection over lists made
    once: scanning all the mentions per match costs quadratic time on a long text."""

    def __init__(self, text: str, mentions: Sequence[PlaceMention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.full_stops = [m.start() for m in re.finditer(r"\. ", text)]
        self.line_breaks = [m.start() for m in re.finditer(r"\n", text)]
        nested = _nested(mentions)
        # Mentions of places that may be an end of a claim: not adjectives, possessives or
        # names inside a larger mention. None holds another, so their ends rise with their
        # starts.
        self.ends_ok = [
            i for i, m in enumerate(mentions)
            if m.place is not None and m.mention.form is not MentionForm.DEMONYM
            and not text.startswith(("'s", "’s"), m.end) and i not in nested
        ]  # fmt: skip
        self.ok_starts = [mentions[i].start for i in self.ends_ok]
        self.ok_ends = [mentions[i].end for i in self.ends_ok]
        borders = sorted(
            (m.end, i)
            for i, m in enumerate(mentions)
            if m.place is not None and m.place.kind is PlaceKind.BORDER
        )
        self.border_ends = [end for end, _ in borders]
        self.latest_border = list(accumulate((i for _, i in borders), max))

    def before(self, offset: int, count: int) -> list[int]:
        """The last ``count`` mentions of places (not adjectives or possessives) earlier in
        the same sentence, a sentence here starting after ". " or a line break."""
        k = bisect_right(self.full_stops, offset - 2)
        j = bisect_right(self.line_breaks, offset - 1)
        sentence_start = max(self.full_stops[k - 1] if k else -1,
                             self.line_breaks[j - 1] if j else -1) + 1  # fmt: skip
        low = bisect_left(self.ok_starts, sentence_start)
        high = bisect_right(self.ok_ends, offset)
        return self.ends_ok[max(low, high - count) : high]

    def subject(self, offset: int) -> int | None:
        """The place the distance is measured to: the nearest place named before the figure
        in the same sentence, not an adjective or a possessive ("Kharkiv, Ukraine's second
        city, lies 400 km east of Kyiv": Kharkiv)."""
        before = self.before(offset, 1)
        return before[-1] if before else None

    def mention_at(self, offset: int) -> int | None:
        """The mention that starts the reference ("of Pyongyang", "of the capital, Kyiv")."""
        i = bisect_left(self.starts, offset)
        while i < len(self.mentions) and self.starts[i] - offset <= 4:
            m = self.mentions[i]
            if m.place is not None:
                if m.mention.form is MentionForm.DEMONYM:
                    return None  # "north of Russian-held ..." names no place
                return i
            i += 1
        return None

    def country_within(self, start: int, end: int) -> int | None:
        """The first country named inside ``text[start:end]`` ("the Russian border")."""
        i = bisect_left(self.starts, start)
        while i < len(self.mentions) and self.starts[i] <= end:
            m = self.mentions[i]
            if m.end <= end and m.place is not None and m.place.kind is PlaceKind.COUNTRY:
                return i
            i += 1
        return None

    def last_border(self, offset: int) -> int | None:
        """The last border mention (in text order) that ends by ``offset``."""
        k = bisect_right(self.border_ends, offset)
        return self.latest_border[k - 1] if k else None


def _nested(mentions: Sequence[PlaceMention]) -> set[int]:
    """Mentions inside another one ("North Korea" in "the North Korea-Russia border")."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end))
    spans = [(mentions[i].start, mentions[i].end) for i in order]
    nested = set()
    reach = -1
    for k, (i, (start, end)) in enumerate(zip(order, spans, strict=True)):
        # inside one that starts before it or is longer; or the same span twice, each
        # holding the other
        if end <= reach or spans[k + 1 : k + 2] == [(start, end)]:
            nested.add(i)
        reach = max(reach, end)
    return nested


def check_claims(
    text: str, mentions: Sequence[PlaceMention], gazetteer: Gazetteer, sentences: Sequence[Span]
) -> tuple[Claim, ...]:
    """Every distance or direction claim in ``text``, checked. ``mentions`` and
    ``sentences`` are in text order."""
    claims = []
    starts = [s.start for s in sentences]
    for found in find_claims(text, mentions):
        sentence = span_at(sentences, starts, found.match.start()) or Span(0, len(text))
        claims.append(_check(text, found, mentions, gazetteer, sentence))
    return tuple(claims)


def _end_point(
    place: Place, other: Coordinate, gazetteer: Gazetteer
) -> tuple[Coordinate, float] | None:
    """The point a distance to ``place`` is measured to, and its radius: a city's point; the
    nearest point of a country's or state's outline; ``None`` for a place too large."""
    if place.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
        shape = gazetteer.shape(place.id)
        if shape is None:
            return None
        point = shapely.Point(other.lonlat())
        if shape.contains(point):
            return None  # a distance "from Russia" to a place inside Russia is no claim we check
        near, _ = nearest_points(shape.boundary, point)
        return Coordinate(near.y, near.x), 1.0
    if place.kind in (PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.WATER):
        return None
    return place.coordinate, radius_km(place)


def _inside(outer: Place, inner: Place, gazetteer: Gazetteer) -> bool:
    shape = gazetteer.shape(outer.id)
    return shape is not None and bool(shape.contains(shapely.Point(inner.coordinate.lonlat())))


def _check(
    text: str,
    found: _Found,
    mentions: Sequence[PlaceMention],
    gazetteer: Gazetteer,
    sentence: Span,
) -> Claim:
    match, subject, reference = found.match, found.subject, found.reference
    start = match.start() if "a1" in match.re.groupindex else match.start("dir")
    if found.border_end is not None:
        end = found.border_end
    else:
        end = mentions[reference].end if reference is not None else match.end()
    values = claimed_values(match)
    claim_text = text[start:end]

    def uncheckable(reason: str) -> Claim:
        return Claim(start, end, claim_text, sentence, subject, reference, (), None,
                     Verdict.UNCHECKABLE, reason)  # fmt: skip

    if subject is None:
        return uncheckable("the text does not say which place is this far away")
    subject_place = mentions[subject].place
    assert subject_place is not None
    if found.border_end is not None:
        ends = _border_ends(
            subject_place, mentions[reference].place if reference is not None else None, gazetteer
        )
        if isinstance(ends, str):
            return uncheckable(ends)
        here, there = ends
    else:
        assert reference is not None
        reference_place = mentions[reference].place
        assert reference_place is not None
        if subject_place.id == reference_place.id:
            return uncheckable("both ends resolve to the same place")
        here_end = _end_point(subject_place, reference_place.coordinate, gazetteer)
        there_end = _end_point(reference_place, subject_place.coordinate, gazetteer)
        if there_end is None and not values and _inside(reference_place, subject_place, gazetteer):
            # "Perpignan, south of France": the part of the country it lies in, seen from
            # the country's point
            there_end = reference_place.coordinate, 0.0
        if here_end is None or there_end is None:
            large = subject_place.name if here_end is None else reference_place.name
            return uncheckable(f"{large} is too large to measure a distance to")
        here, there = here_end, there_end
    geodesic = measure(there[0], here[0])
    size_km = here[1] + there[1]
    distances = tuple(check_distance(v, geodesic.distance_km, size_km) for v in values)
    word = match.group("dir") if "dir" in match.re.groupindex else None
    direction = check_direction(word, geodesic.bearing_deg, geodesic.distance_km, size_km)
    verdicts = [d.verdict for d in distances] + ([direction.verdict] if direction else [])
    if Verdict.OFF in verdicts:
        verdict = Verdict.OFF
    elif Verdict.LOOSE in verdicts:
        verdict = Verdict.LOOSE
    else:
        verdict = Verdict.HOLDS
    parts = [d.explanation for d in distances] + ([direction.explanation] if direction else [])
    return Claim(start, end, claim_text, sentence, subject, reference, distances, direction,
                 verdict, "; ".join(parts))  # fmt: skip


def _border_ends(
    subject: Place, named: Place | None, gazetteer: Gazetteer
) -> tuple[tuple[Coordinate, float], tuple[Coordinate, float]] | str:
    """The subject and the nearest point of the border it is said to be near: the border of
    the subject's country with the country named ("the Russian border")."""
    if named is None:
        return "the text does not say which border"
    if named.kind is PlaceKind.BORDER:
        codes = named.id.removeprefix("border:").split("-")
        line = gazetteer.border_line(*codes) if len(codes) == 2 else None
        if line is None:
            return f"no line is known for the {named.name}"
        near, _ = nearest_points(line, shapely.Point(subject.coordinate.lonlat()))
        return (subject.coordinate, radius_km(subject)), (Coordinate(near.y, near.x), 1.0)
    if not subject.country_code or subject.country_code == named.country_code:
        return f"the border of {named.name} with which country is not said"
    line = gazetteer.border_line(subject.country_code, named.country_code)
    if line is None:
        return f"{named.name} has no land border with {subject.country_code}"
    near, _ = nearest_points(line, shapely.Point(subject.coordinate.lonlat()))
    return (subject.coordinate, radius_km(subject)), (Coordinate(near.y, near.x), 1.0)
