"""Names that the words around them mark as places, whether or not the gazetteer holds them.

A noun of place type before or after a capitalised name says what it is: "the village of
Jobar", "the towns of Aqrab and Khirbet Jamea", "Amroussa village", "Deir Ezzor Governorate",
"Shaffa and Shindiffu villages". The recogniser takes such a name as a place even when it is a
rare town or a common word ("the town of Hit"), and keeps one the gazetteer does not hold as a
place mention without coordinates, of the kind the noun gives.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Protocol

from geo.lang.en_places import EXAMPLE_WORDS, PLACE_PARTS, PLACE_PREFIXES
from geo.models import PlaceKind
from geo.tokens import Token, line_start, runs

__all__ = [
    "Cue",
    "TokenSpan",
    "after_stative_preposition",
    "demonym_is_place",
    "find_cues",
    "followed_by_region",
    "has_place_context",
    "hyphen_compound",
    "name_spans",
    "particle_start",
]

# Words between a place noun and its name in "the village of X": only "of".
_OF = "of"
# Words that continue a list of names after a plural noun: "the villages of A, B and C".
_LIST = frozenset({",", "and", "&"})
# Names in a list after a plural noun: a longer list is a sentence of names, not a list.
_MAX_LISTED = 8
# Connectors that join runs but never a name a noun marks: "Jobar on Monday", "A and B".
_SPLITTERS = frozenset({"and", "&", "on", "upon"})
# Capitalised nouns that end names of other sorts: "Islamic State", "Secretary of State".
_NOT_HEADS = frozenset({"State", "States"})
# Particles of Arabic names written in lower case before a hyphen: "the town of al-Rai".
_PARTICLE_LETTERS = 3


class TokenSpan(Protocol):
    """Tokens ``first`` to ``last`` (inclusive) of a text: a name the recogniser weighs."""

    @property
    def first(self) -> int: ...

    @property
    def last(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Cue:
    """A name marked as a place: tokens ``first`` to ``last`` (inclusive) are the mention,
    and ``name_last`` the last token of the name itself (before a capitalised noun such as
    "Governorate", which the mention keeps)."""

    first: int
    last: int
    name_first: int  # after a lower-case particle: "al-Rai" is looked up as "Rai" too
    name_last: int
    kind: PlaceKind | None  # ``None`` where the words say it is a place but not what sort


def find_cues(
    text: str,
    tokens: Sequence[Token],
    nouns: Mapping[str, PlaceKind],
    common: AbstractSet[str] = frozenset(),
    names: Sequence[tuple[int, int]] | None = None,
) -> list[Cue]:
    """Every capitalised run that a place noun marks as a place, in text order.

    ``nouns`` maps each noun (lower case, singular and plural) to the kind of place it names;
    ``common`` are capitalised common words, which a name before a noun does not consist of
    alone ("Six villages", "Shiite villages", "The county's") and which before a capitalised
    noun make it part of a name of another sort ("School District"). After "the town of" a
    common word is a name all the same ("the town of Hit"). ``names`` are the text's
    :func:`name_spans`, when the caller has them.
    """
    cues: dict[int, Cue] = {}
    if names is None:
        names = name_spans(tokens, runs(text, tokens))
    spans = _split_nouns(tokens, names, nouns)

    def nameable(first: int, last: int) -> bool:
        return _nameable(tokens, first, last, common)

    for index, (first, last) in enumerate(spans):
        while first < last and tokens[first].text in ("The", "A", "An"):
            first += 1  # "The Karimiya district": the article is no part of the name
        if tokens[first].text.isupper() and len(tokens[first].text) > 1:
            continue  # an abbreviation: "UN camp", "ISIS area"
        head = tokens[last].text
        kind = nouns.get(head.lower()) if last > first and head not in _NOT_HEADS else None
        if kind is not None and head[:1].isupper():
            end = last - 1
            if nouns.get(f"{tokens[end].text} {head}".lower()) is not None:
                end -= 1  # "Handarat Refugee Camp"
            if end >= first and tokens[end].text not in common:
                cues[first] = Cue(particle_start(tokens, first), last, first, end, kind)
            continue
        after = _noun_after(tokens, last, nouns) if nameable(first, last) else None
        if after is not None:
            first = _after_of(tokens, first, last)  # "the Governor of Salahudin province"
            cues[first] = Cue(particle_start(tokens, first), last, first, last, after[0])
            if after[1]:  # a plural: "Shaffa and Shindiffu villages"
                _list_back(nameable, tokens, spans, index, after[0], cues)
            continue
        before = _noun_before(tokens, particle_start(tokens, first), nouns)
        if before is not None and (before[0] is not None or nameable(first, last)):
            cues[first] = Cue(particle_start(tokens, first), last, first, last, before[0])
            if before[1] and before[0] is not None:  # "the villages of A, B and C"
                _list_on(nameable, tokens, spans, index, before[0], cues)
            continue
        example = _examples_of(tokens, first, nouns)
        if example is not None and nameable(first, last):
            cues[first] = Cue(first, last, first, last, example)  # "villages like Cailaco"
            _list_on(nameable, tokens, spans, index, example, cues)
            continue
        prefix = PLACE_PREFIXES.get(tokens[first].text)
        if prefix is not None and last > first and tokens[first + 1].text[:1].isupper():
            cues[first] = Cue(first, last, first, last, prefix)  # "Kafr Nabuda", "Tal Risha"
    return [cues[k] for k in sorted(cues)]


def name_spans(
    tokens: Sequence[Token], found_runs: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The capitalised runs of a text (:func:`geo.tokens.runs`), cut into the names they list
    ("A and B")."""
    return _split_lists(tokens, found_runs)


def _split_lists(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs cut at "and": "Tal Bizam and Khirbet Jamea" are two names here."""
    out = []
    for first, last in spans:
        start = first
        for i in range(first + 1, last):
            if tokens[i].text in _SPLITTERS:
                out.append((start, i - 1))
                start = i + 1
        out.append((start, last))
    return out


def _split_nouns(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int]], nouns: Mapping[str, PlaceKind]
) -> list[tuple[int, int]]:
    """Runs cut after a capitalised place noun and "of": "Orgun District of Paktika Province"
    is a district and a province, not one name."""
    out = []
    for first, last in spans:
        start = first
        for i in range(first + 1, last):
            noun = tokens[i - 1].text
            if (
                tokens[i].text == _OF
                and i - 1 > start
                and noun[:1].isupper()
                and noun.lower() in nouns
            ):
                out.append((start, i - 1))
                start = i + 1
        out.append((start, last))
    return out


def _nameable(tokens: Sequence[Token], first: int, last: int, common: AbstractSet[str]) -> bool:
    """Whether a run can be a name a noun marks: not an all-capital abbreviation ("UN camp")
    nor common words alone ("Several provinces")."""
    word = tokens[first].text
    if word.isupper() and len(word) > 1:
        return False
    return not all(t.text in common or not t.is_cap for t in tokens[first : last + 1])


def _noun_after(
    tokens: Sequence[Token], last: int, nouns: Mapping[str, PlaceKind]
) -> tuple[PlaceKind, bool] | None:
    """The place noun right after a name, and whether it is a plural."""
    words = [t.text for t in tokens[last + 1 : last + 4]]
    if not words or not words[0].islower():
        return None
    phrases = [" ".join(words[:2]), words[0]]
    if len(words) == 3 and words[1] == "-":
        phrases.insert(0, "".join(words))
    for phrase in phrases:
        kind = nouns.get(phrase)
        if kind is not None:
            return kind, _plural(phrase, nouns)
    return None


def _after_of(tokens: Sequence[Token], first: int, last: int) -> int:
    """The start of the name that ends a run such as "Joint Coordination Center of X"."""
    for i in range(last - 1, first, -1):
        if tokens[i].text == _OF:
            return i + 1
    return first


def _noun_before(
    tokens: Sequence[Token], first: int, nouns: Mapping[str, PlaceKind]
) -> tuple[PlaceKind | None, bool] | None:
    """The place noun of "NOUN of" right before a name, and whether it is a plural."""
    if first < 2 or tokens[first - 1].text != _OF:
        return None
    noun = tokens[first - 2].text
    if not noun.islower():
        return None
    if noun in PLACE_PARTS:  # "the outskirts of Hirbnafseh": a place, of no sort said
        return None, False
    kind = nouns.get(noun)
    if kind is None and first >= 3:
        kind = nouns.get(f"{tokens[first - 3].text} {noun}".lower())
    return (kind, _plural(noun, nouns)) if kind is not None else None


def _examples_of(
    tokens: Sequence[Token], first: int, nouns: Mapping[str, PlaceKind]
) -> PlaceKind | None:
    """The kind of place a plural noun gives the names it lists by example: "villages like
    Cailaco and Manapa", "towns such as Marea", "cities including Homs"."""
    i = first - 1
    if i >= 1 and tokens[i].text == "as" and tokens[i - 1].text == "such":
        i -= 1
    elif i < 0 or tokens[i].text not in EXAMPLE_WORDS:
        return None
    if i < 1:
        return None
    noun = tokens[i - 1].text
    kind = nouns.get(noun)
    return kind if kind is not None and noun.islower() and _plural(noun, nouns) else None


def _plural(noun: str, nouns: Mapping[str, PlaceKind]) -> bool:
    return (noun.endswith("s") and noun[:-1] in nouns) or noun.endswith("ies")


def particle_start(tokens: Sequence[Token], first: int) -> int:
    """The token a name starts at, counting a lower-case particle glued to it by a hyphen:
    "al-Rai", "el-Ain"."""
    if (
        first >= 2
        and tokens[first - 1].text == "-"
        and tokens[first - 1].end == tokens[first].start
        and tokens[first - 2].end == tokens[first - 1].start
        and tokens[first - 2].text.islower()
        and len(tokens[first - 2].text) <= _PARTICLE_LETTERS
    ):
        return first - 2
    return first


def _list_on(
    nameable: Callable[[int, int], bool],
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    index: int,
    kind: PlaceKind,
    cues: dict[int, Cue],
) -> None:
    """The names that follow a listed one: ", B and C"."""
    for first, last in spans[index + 1 : index + 1 + _MAX_LISTED]:
        between = [t.text for t in tokens[spans[index][1] + 1 : first]]
        if not between or not set(between) <= _LIST or not nameable(first, last):
            return
        cues.setdefault(first, Cue(first, last, first, last, kind))
        index += 1


def _list_back(
    nameable: Callable[[int, int], bool],
    tokens: Sequence[Token],
    spans: Sequence[tuple[int, int]],
    index: int,
    kind: PlaceKind,
    cues: dict[int, Cue],
) -> None:
    """The names listed before one that a plural noun follows: "A, B and C villages"."""
    for back in range(index - 1, max(-1, index - 1 - _MAX_LISTED), -1):
        first, last = spans[back]
        between = [t.text for t in tokens[last + 1 : spans[back + 1][0]]]
        if not between or not set(between) <= _LIST or not nameable(first, last):
            return
        cues.setdefault(first, Cue(first, last, first, last, kind))


# Prepositions that make a following name a location ("in Oxford", "near the border").
_LOCATIVE = frozenset(
    """in at near from to into across outside inside around toward towards via through
    throughout within between of above below beyond along off past opposite""".split()
)

# Last words of organisation names: an adjective that opens one is not a place there
# ("American Psychological Association", "British Airways").
_ORG_HEADS = frozenset(
    """Association Airways Airlines Board Agency Society Council Institute Institution Academy
    Party Federation Corporation Company Bank Foundation League Group Union Committee
    Commission Service Services Press Broadcasting Corp Inc Ltd Club Orchestra Navy Army""".split()
)
# Words around an adjective that make it a language: "in Turkish,", "speaks French".
_LANGUAGE_BEFORE = frozenset(
    """speak speaks speaking spoke spoken teach teaches teaching taught learn learning learned
    fluent translated dubbed subtitled""".split()
)


def demonym_is_place(text: str, tokens: Sequence[Token], cand: TokenSpan) -> bool:
    """An adjective means its country unless it names a language ("in Turkish,", "speaks
    French") or opens the name of an organisation ("American Board of Radiology")."""
    before = tokens[cand.first - 1].text.lower() if cand.first > 0 else ""
    after = tokens[cand.last + 1].text if cand.last + 1 < len(tokens) else ""
    if before in _LANGUAGE_BEFORE or after.lower() in ("language", "speakers", "speaking"):
        return False
    if (before == "in" and not after[:1].isalpha()) or (before == "in" and after in ("and", "or")):
        return False
    # an organisation name: capitalised words after it up to a head word
    j = cand.last + 1
    end = min(len(tokens), j + _ORG_TOKENS)
    while j < end and (tokens[j].is_cap or tokens[j].text in ("of", "for", "and", "&")):
        if tokens[j].text in _ORG_HEADS:
            return False
        if "\n" in text[tokens[j - 1].end : tokens[j].start]:
            break
        j += 1
    return True


# Tokens after an adjective searched for an organisation's head word: without a bound, a long
# run of capitalised adjectives would each be read to the run's end.
_ORG_TOKENS = 12  # "American Civil Liberties Union" has its head 3 on; no name puts it 12 on

_DIRECTIONS = frozenset(
    """the central northern southern eastern western north south east west northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern south-
    western rural coastal downtown suburban neighbouring neighboring nearby""".split()
)


def has_place_context(text: str, tokens: Sequence[Token], cand: TokenSpan) -> bool:
    """Words that make a name a location: a locative preposition before it ("in central
    Jordan"), an enclosing region after it ("Alvin, Texas"), a dateline ("INNISFAIL -")."""
    i = cand.first - 1
    skipped = 0
    while i >= 0 and tokens[i].text.lower() in _DIRECTIONS and skipped < 2:
        i -= 1
        skipped += 1
    if i >= 0 and tokens[i].text.lower() in _LOCATIVE:
        return True
    j = cand.last + 1
    if j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].is_cap:
        return True  # weak, confirmed by the resolver's containment check
    return (
        line_start(text, tokens[cand.first].start) and j < len(tokens) and tokens[j].text in ",-—–("
    )


# Prepositions of where a thing is or happens, before which a person is rarely named: "in Tal
# Afar", "near Miranshah". Not "to", "from", "of" or "with", which introduce people as often
# ("said to Abu Bakr", "a message from Khan").
_STATIVE = frozenset("in at near outside inside around into across throughout within".split())


def after_stative_preposition(tokens: Sequence[Token], cand: TokenSpan) -> bool:
    """Whether the name follows "in", "at", "near" (and the like), whole, and is no possessor:
    the position of a place ("fighting in Tal Afar"), not a person ("in Abu Bakr's words") nor
    the start of a longer name ("in Ain Issa", "in Bint Jbail")."""
    j = cand.last + 1
    if j < len(tokens) and (
        tokens[j].text in ("'s", "’s", "-") or tokens[j].is_cap or tokens[j].text[:1].isdigit()
    ):
        return False  # "in Abu Bakr's", "at Terminal 4"
    if j + 1 < len(tokens) and tokens[j + 1].text == "-" and tokens[j].text.islower():
        return False  # "in Bustan al-Qasr"
    return cand.first > 0 and tokens[cand.first - 1].text in _STATIVE


def hyphen_compound(tokens: Sequence[Token], cand: TokenSpan) -> bool:
    """Whether the name is glued by a hyphen to a following capitalised word."""
    j = cand.last + 1
    return (
        j + 1 < len(tokens)
        and tokens[j].text == "-"
        and tokens[j].start == tokens[cand.last].end
        and tokens[j + 1].start == tokens[j].end
        and tokens[j + 1].is_cap
    )


def followed_by_region(tokens: Sequence[Token], cand: TokenSpan) -> bool:
    j = cand.last + 1
    return j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].is_cap
