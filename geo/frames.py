"""Sentences that frame a name as a place without a noun of place type beside it.

A name the gazetteer does not hold is taken as a place only where the sentence leaves no other
reading: it is followed by the region it lies in ("in Atmeh, Syria"), by an apposition that
says what it is ("Hawija, a town near Kirkuk"), by its distance or bearing from another place
("Baqouba, 75 kilometers north of Baghdad"), or it stands where a place stands and is placed in
a known one ("in Musa Qala in Helmand province"). A capitalised word after "in" may as well be
a person, a month or an organisation: alone, it is enough only where none of its words is a
common word, a person's name, a title or an acronym ("fighting in Qabasin"); such a name is
shown "not located" and never drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from geo.cues import Cue, particle_start
from geo.gazetteer import Lexicon
from geo.lang.en_places import (
    APPOSITION_ENDS,
    APPOSITION_NOUNS,
    BEARINGS,
    DISTANCE_UNITS,
    HEDGES,
    PLACED_IN,
    STANDS_AT,
)
from geo.models import PlaceKind
from geo.text import name_key
from geo.tokens import Token, line_start

__all__ = ["Known", "find_frames", "find_listed"]

# Words between the article and the noun of an apposition: "a small border town", "a
# low-income area". More are a clause, not a noun phrase.
_MAX_MODIFIERS = 4
_BARE_WORDS = 3  # a longer run after "in" is more often an institution's name
# Tokens from a comma to the bearing in "X, some 60 km (40 miles) north of Y".
_MAX_DISTANCE = 9
# A name after a possessive is a part of a longer one ("Joseph's Tomb").
_POSSESSIVE = frozenset({"'s", "’s"})
# Articles that open an apposition.
_ARTICLES = frozenset({"a", "an", "the"})
# Words that may stand between the article and the noun of an apposition but would make it
# another phrase ("a resident of the town", "the head of the village").
_NOT_MODIFIERS = frozenset({"of", "the", "a", "an", "and", "or", "in", "at", "to", "for", "'s"})


@dataclass(frozen=True, slots=True)
class Known:
    """Places the gazetteer or a noun already vouches for, by first token: the last token of
    each, for regions (country, first-level region, county, named area) and for any place."""

    regions: Mapping[int, int]
    places: Mapping[int, int]


def find_frames(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    known: Known,
    lex: Lexicon,
) -> list[Cue]:
    """The names in ``spans`` (capitalised runs, as token indices) that a frame marks as
    places, with the kind an apposition gives (``None`` where the frame does not say)."""
    found: list[Cue] = []
    for first, last in spans:
        while first < last and (
            tokens[first].text in ("The", "A", "An")
            or tokens[first].text.lower() in STANDS_AT
            or tokens[first].text in lex.common
        ):
            first += 1  # "In Ramadi, west of Baghdad", "Much of Pervomayskaya, a village"
        if first < last and tokens[first].text == "of":
            first += 1
        if (
            not _nameable(tokens, first, last, lex.common)
            or _word(tokens, first - 1) in _POSSESSIVE
        ):
            continue
        start = particle_start(tokens, first)  # "in al-Latmana": the particle opens it
        kind = _apposition(tokens, last)
        framed = kind is not None or _distance(tokens, last)
        if not framed and _plain(tokens, first, last, lex):
            if _stands(tokens, start):
                framed = (
                    _region_after(tokens, last, known)
                    or (_word(tokens, start - 1) in _LIST_AT and _placed_in(tokens, last, known))
                    or _bare(tokens, start, last, lex)
                )  # not "fighters from Hezbollah in Lebanon"
            elif line_start(text, tokens[first].start):
                framed = _dateline(text, tokens, last, known)
        if framed:
            found.append(Cue(start, last, first, last, kind))
    return found


def find_listed(
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    places: AbstractSet[tuple[int, int]],
    lex: Lexicon,
) -> list[Cue]:
    """The names listed with a place after a preposition of place: "at Ma'arat Misreen,
    Binnish, and Idlib City" (``places`` are the token spans taken as places by name, not as
    adjectives: "in English and Hindi" lists languages). The list must
    close with "and" or "or" and hold nothing but names, so that a clause ("in Baghdad, Interior
    Ministry officials said") is no list."""
    found: list[Cue] = []
    start = 0
    while start < len(spans):
        end = start
        while end + 1 < len(spans) and _joined(tokens, spans[end], spans[end + 1]):
            end += 1
        items = spans[start : end + 1]
        if (
            len(items) > 1
            and _word(tokens, items[0][0] - 1) in _LIST_AT
            and _word(tokens, items[-1][0] - 1) in _CLOSERS
            and any(_holds_place(item, places) for item in items)
        ):
            found.extend(
                Cue(first, last, first, last, None)
                for first, last in items
                if not _holds_place((first, last), places)
                and tokens[first].is_cap
                and tokens[first].text not in ("The", "A", "An")
                and _nameable(tokens, first, last, lex.common)
                and _plain(tokens, first, last, lex)
            )
        start = end + 1
    return found


# Prepositions before a list of places: where things are, not where they come from ("films
# from Germany and The Salesman").
_LIST_AT = STANDS_AT - {"from", "into", "toward", "towards"}
# Words that close a list before its last name.
_CLOSERS = frozenset({"and", "or"})
# Tokens that may stand between two names of a list.
_LISTING = frozenset({",", "and", "or"})


def _joined(tokens: Sequence[Token], left: tuple[int, int], right: tuple[int, int]) -> bool:
    between = [t.text for t in tokens[left[1] + 1 : right[0]]]
    return bool(between) and set(between) <= _LISTING and between.count(",") <= 1


def _holds_place(item: tuple[int, int], places: AbstractSet[tuple[int, int]]) -> bool:
    """Whether a listed name is, or holds, a place: "Idlib City" holds Idlib."""
    return any(item[0] <= a and b <= item[1] for a, b in places)


def _nameable(tokens: Sequence[Token], first: int, last: int, common: AbstractSet[str]) -> bool:
    """A name, not an abbreviation ("UN"), a common word ("Police") or a number."""
    word = tokens[first].text
    if (word.isupper() and len(word) > 1) or not word[:1].isalpha():
        return False
    return not all(t.text in common or not t.is_cap for t in tokens[first : last + 1])


def _plain(tokens: Sequence[Token], first: int, last: int, lex: Lexicon) -> bool:
    """Whether the name is neither a person's one name ("according to Conrad, South Africa")
    nor ends in a common word, as the names of institutions do ("Trillium Health Centre")."""
    word = tokens[first].text
    if first == last and (word in lex.given or word in lex.family):
        return False
    return tokens[last].text not in lex.common


def _bare(tokens: Sequence[Token], first: int, last: int, lex: Lexicon) -> bool:
    """ "fighting in Qabasin", "clashes near Kafr Nabuda": a name of up to three words right
    after "in", "near" or "outside" (in lower case, so not a sentence's "In"), none of its
    words a common word, a person's name, a title or an acronym, and nothing after it that
    makes it another thing ("in Room 5", "in Smith's house", "in Tel Aviv-based")."""
    i = first - 1
    words = sum(1 for t in tokens[first : last + 1] if t.is_cap)  # not "al" of "al-Hazm"
    if i < 1 or tokens[i].text not in PLACED_IN or words > _BARE_WORDS:
        return False
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and (
        after.text in ("'s", "’s", "'", "’", "-") or after.is_cap or after.text[:1].isdigit()
    ):
        return False
    return all(
        t.text not in lex.common
        and t.text not in lex.given
        and t.text not in lex.family
        and name_key(t.text) not in lex.titles
        and not t.is_upper
        for t in tokens[first : last + 1]
        if t.is_cap
    )


def _stands(tokens: Sequence[Token], first: int) -> bool:
    """Whether a preposition of place comes right before ("in", "near", "outside")."""
    return first > 0 and tokens[first - 1].text.lower() in STANDS_AT


def _word(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].text.lower() if i < len(tokens) else ""


def _region_after(tokens: Sequence[Token], last: int, known: Known) -> bool:
    """ "X, Syria" / "X, North Darfur": a comma, then a region the text ends there."""
    end = _region_end(tokens, last, known)
    if end is None:
        return False
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    return after is None or not (after.is_cap or after.text in ("'s", "’s", "-"))


def _dateline(text: str, tokens: Sequence[Token], last: int, known: Known) -> bool:
    """ "QAMISHLI, Syria —" at the head of a line: a region, then a dash or a line break (a
    sentence such as "Separately, U.S. troops ..." goes on)."""
    end = _region_end(tokens, last, known)
    if end is None:
        return False
    if end + 1 == len(tokens):
        return True
    gap = text[tokens[end].end : tokens[end + 1].start]
    return "\n" in gap or tokens[end + 1].text in ("-", "–", "—", "(")


def _region_end(tokens: Sequence[Token], last: int, known: Known) -> int | None:
    """The last token of a region named right after the name and a comma."""
    if _word(tokens, last + 1) != ",":
        return None
    i = last + 2
    if _word(tokens, i) in BEARINGS:
        i += 1  # "X, southwestern England"
    return known.regions.get(i)


def _placed_in(tokens: Sequence[Token], last: int, known: Known) -> bool:
    """ "X in Helmand province" / "X, in western Syria" / "X near Kirkuk"."""
    i = last + 1
    if _word(tokens, i) == ",":
        i += 1
    if _word(tokens, i) not in PLACED_IN:
        return False
    i += 1
    if _word(tokens, i) == "the":
        i += 1
    if _word(tokens, i) in BEARINGS:
        i += 1
    return i in known.places


def _apposition(tokens: Sequence[Token], last: int) -> PlaceKind | None:
    """The kind of place an apposition names: "X, a small town in ...", "X, the main town of
    ...". The noun must end the phrase ("a town official" is a person)."""
    if _word(tokens, last + 1) != "," or _word(tokens, last + 2) not in _ARTICLES:
        return None
    for i in range(last + 3, min(len(tokens), last + 4 + _MAX_MODIFIERS)):
        word = _word(tokens, i)
        kind = APPOSITION_NOUNS.get(word)
        if kind is not None:
            after = _word(tokens, i + 1)
            if after in ("'s", "’s", "-"):
                return None  # "the city's mayor", "a town-hall meeting"
            ends = after in APPOSITION_ENDS or after in BEARINGS or not after[:1].isalpha()
            return kind if ends else None
        if _word(tokens, i - 1) == "-" and word[:1].isalpha():
            continue  # the second half of a modifier: "a government-held town"
        if (
            word in _NOT_MODIFIERS
            or word in APPOSITION_ENDS
            or word in STANDS_AT
            or not (word[:1].isalpha() or word == "-")
        ):
            return None
    return None


def _distance(tokens: Sequence[Token], last: int) -> bool:
    """ "X, 75 kilometers (45 miles) south of Y" / "X, just north of Baghdad"."""
    if _word(tokens, last + 1) != ",":
        return False
    i = last + 2
    while _word(tokens, i) in HEDGES:
        i += 1
    measured = False
    for j in range(i, min(len(tokens), i + _MAX_DISTANCE)):
        word = _word(tokens, j)
        if word in BEARINGS:
            return (measured or j == i) and _word(tokens, j + 1) == "of"
        if word[:1].isdigit() or word in ("(", ")", ",", "-") or word in HEDGES:
            continue
        if word in DISTANCE_UNITS:
            measured = True
            continue
        return False
    return False
