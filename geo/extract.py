"""Find the stretches of an article that name places: names, abbreviations, demonyms and
datelines, with exact character offsets, and reject person names and common words.

The recogniser is rule-based and needs no model: capitalised runs of tokens are looked up in
the gazetteer (every sub-run, longest first), and document evidence decides what is a place.
A name introduced as a person ("Adrienne Watson", "President Vladimir Putin") stays a person
for the whole article; a common word ("Police", "Union") or a rare town name needs context
("in", "near", "X, Texas") before it counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import Enum

from geo.candidates import BIG_CITY, Candidate, find_candidates, is_major
from geo.cues import (
    Cue,
    after_stative_preposition,
    demonym_is_place,
    find_cues,
    followed_by_region,
    has_place_context,
    hyphen_compound,
    name_spans,
)
from geo.frames import Known, find_frames, find_listed
from geo.gazetteer import Gazetteer, Lexicon, NameHit
from geo.lang.en import PLACE_NOUNS
from geo.lookalikes import is_lookalike
from geo.models import Mention, MentionForm, PlaceKind
from geo.people import People, find_people
from geo.sources import NameForm
from geo.text import name_key
from geo.tokens import Token, line_start, runs, sentence_initial, tokenize

__all__ = [
    "FACILITY_HEADS",
    "Candidate",
    "Recognition",
    "find_candidates",
    "find_mentions",
    "is_facility",
    "recognise",
]

# Last words of the names of streets and buildings, which the gazetteer does not hold but
# which are places all the same ("Hutcheson Road", "St. Michael's Hospital").
FACILITY_HEADS = frozenset(
    """Road Street Avenue Lane Close Drive Boulevard Highway Freeway Parkway Square Bridge
    Airport Hospital Church Cathedral Mosque Temple Synagogue Museum Stadium Arena Mall
    Station Prison Jail Terminal Plaza Hotel Junction Roundabout Farms Base Dam Crossing
    Checkpoint Harbour Harbor Plant Refinery Oilfield Fields Palace Fort Barracks Market
    Bazaar Compound Tower Towers Complex Trail Canal Corridor Pass Gorge Hill Hills
    Hilltop Valley Plains Springs Theatre Theater Cinema Library Cemetery Home""".split()
)
_ENCLOSING = (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
_SMALL = 20_000  # a city below this population needs context when its name is doubtful
_MEDIUM = 100_000  # a person's name names a city this big only with context


@dataclass(frozen=True, slots=True)
class Recognition:
    """What the recogniser found: place mentions with their gazetteer entries, and the
    people the article names (for the events stage)."""

    mentions: tuple[tuple[Mention, tuple[NameHit, ...]], ...]
    people: People
    tokens: tuple[Token, ...]


def find_mentions(text: str, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Mentions of places in ``text``, in text order, non-overlapping."""
    return tuple(m for m, _ in recognise(text, gazetteer).mentions)


def recognise(text: str, gazetteer: Gazetteer) -> Recognition:
    """Mentions with the gazetteer entries that bear their names.

    Two passes: the first takes names that are places on their own evidence and leaves aside
    those that lack context; the second takes those too when the article uses the same name
    as a place elsewhere (one sense per discourse) or lists it beside a place ("in Red Deer,
    Innisfail and Edmonton").
    """
    tokens = tokenize(text)
    lex = gazetteer.lexicon
    found_runs = runs(text, tokens)
    names = name_spans(tokens, found_runs)
    cues = find_cues(text, tokens, PLACE_NOUNS, lex.common, names)
    named = {(c.name_first, c.name_last) for c in cues} | {(c.first, c.name_last) for c in cues}
    candidates = find_candidates(text, tokens, gazetteer, named, found_runs)
    major = {(c.first, c.last) for c in candidates if is_major(c.hits)}
    frames = _frames(text, tokens, names, cues, candidates, lex)
    framed = {(f.first, f.last) for f in frames}
    cues = sorted([*cues, *frames], key=lambda c: c.first)
    # a town's two-word name where a place stands is no person's: "in Tal Afar", "in Khan Younis"
    placed = {
        (c.first, c.last)
        for c in candidates
        if c.last > c.first and after_stative_preposition(tokens, c)
    }
    people = _unless_settlements(find_people(text, tokens, major | placed, lex), cues)
    cued = {(c.name_first, c.name_last): c.kind for c in cues}
    lowercase = {t.text for t in tokens if t.text[:1].islower()}
    doc = _Document(text, tokens, lex, people, lowercase, cued, _enclosed(tokens, candidates))
    chosen: list[Candidate] = []
    waiting: list[Candidate] = []
    taken: set[int] = set()
    rejected: set[tuple[int, int]] = set()  # names the gazetteer holds that are no place here
    # Longest spans first, then leftmost: "New York City" beats "New York" beats "York".
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        covered = range(cand.first, cand.last + 1)
        span = (cand.first, cand.last)
        if any(i in taken for i in covered):
            continue
        if not is_major(cand.hits) and any(
            a <= cand.first and cand.last <= b and (a, b) != span for a, b in framed
        ):
            continue  # a part of a name the words mark as a whole: "Tora" in "Tora Kalay"
        if any(i in people.tokens for i in covered) and not _place_despite_person(doc, cand):
            rejected.add((cand.first, cand.last))
            continue
        verdict = _judge(doc, cand)
        if verdict is _Verdict.PLACE:
            chosen.append(replace(cand, kind=cued.get((cand.first, cand.last))))
            taken.update(covered)
        elif verdict is _Verdict.NEEDS_CONTEXT:
            waiting.append(cand)
        else:
            rejected.add((cand.first, cand.last))
    accepted = {name_key(text[c.start : c.end]) for c in chosen}
    ends = {c.last for c in chosen}
    for cand in sorted(waiting, key=lambda c: c.start):
        covered = range(cand.first, cand.last + 1)
        if any(i in taken for i in covered) or hyphen_compound(tokens, cand):
            continue
        if name_key(text[cand.start : cand.end]) in accepted or _listed_with_place(
            tokens, cand, ends
        ):
            chosen.append(cand)
            taken.update(covered)
            ends.add(cand.last)
    cues = [c for c in cues if (c.name_first, c.name_last) not in rejected]
    places = {
        (c.first, c.last) for c in chosen if not any(h.form is NameForm.DEMONYM for h in c.hits)
    }
    cues.extend(find_listed(tokens, names, places, lex))
    chosen.extend(_unlisted(tokens, cues, taken, people.tokens, lex))
    chosen.extend(_facilities(text, tokens, names, chosen, people.tokens, lex))
    chosen.sort(key=lambda c: c.start)
    out: list[tuple[Mention, tuple[NameHit, ...]]] = []
    for cand in chosen:
        surface = text[cand.start : cand.end]
        form = _form(text, tokens, cand)
        mention = Mention(cand.start, cand.end, surface, form, name_key(surface), cand.kind)
        out.append((mention, cand.hits))
    return Recognition(tuple(out), people, tuple(tokens))


# Kinds of place a name can be placed in: "X, Syria", "X, North Darfur".
_REGIONS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.COUNTY, PlaceKind.REGION})


def _frames(
    text: str,
    tokens: Sequence[Token],
    names: Sequence[tuple[int, int]],
    cues: list[Cue],
    candidates: Sequence[Candidate],
    lex: Lexicon,
) -> list[Cue]:
    """The names a sentence frames as places (``geo.frames``) where no noun marks them."""
    regions = {
        c.first: c.last
        for c in candidates
        if is_major(c.hits)
        and any(h.place.kind in _REGIONS and h.form is not NameForm.DEMONYM for h in c.hits)
    }
    regions.update((c.first, c.last) for c in cues if c.kind in _REGIONS)
    places = dict(regions)
    places.update((c.first, c.last) for c in candidates if is_major(c.hits))
    places.update((c.first, c.last) for c in cues)
    marked = {i for c in cues for i in range(c.first, c.last + 1)}
    frames = find_frames(text, tokens, names, Known(regions, places), lex)
    return [f for f in frames if not any(i in marked for i in range(f.first, f.last + 1))]


# Kinds of place whose noun makes a name a place even where it reads as a person's: "the town
# of Tal Bizam", "Gloria district". A camp or an area may be a person's ("the Trump camp").
_SETTLED = frozenset({PlaceKind.CITY, PlaceKind.COUNTY, PlaceKind.ADMIN1})


def _unless_settlements(people: People, cues: Sequence[Cue]) -> People:
    """The people less the names that a settlement noun marks as places."""
    places = {i for c in cues if c.kind in _SETTLED for i in range(c.first, c.last + 1)}
    if not places & people.tokens:
        return people
    return replace(people, tokens=people.tokens - places)


def _unlisted(
    tokens: Sequence[Token],
    cues: Sequence[Cue],
    taken: set[int],
    persons: AbstractSet[int],
    lex: Lexicon,
) -> list[Candidate]:
    """Names the gazetteer does not hold that a noun marks as places ("the village of Jobar"):
    candidates without entries, which stay unlocated. A person's name before a camp or an
    area is that person's ("the Trump camp")."""
    found = []
    for cue in cues:
        covered = range(cue.first, cue.last + 1)
        if tokens[cue.last].text in FACILITY_HEADS:
            continue  # a street or building: the facility pass takes it
        word = tokens[cue.name_first].text
        if (
            cue.kind not in _SETTLED
            and cue.name_first == cue.name_last
            and (word in lex.given or word in lex.family)
        ):
            continue
        if any(i in taken or i in persons for i in covered):
            continue
        start, end = tokens[cue.first].start, tokens[cue.last].end
        found.append(Candidate(start, end, cue.first, cue.last, (), cue.kind))
        taken.update(covered)
    return found


def _listed_with_place(tokens: Sequence[Token], cand: Candidate, ends: set[int]) -> bool:
    """Whether the name follows a place in a list: "Red Deer, Innisfail and Edmonton"."""
    i = cand.first - 1
    return i >= 1 and tokens[i].text in (",", "and", "or", "&") and (i - 1) in ends


def is_facility(name: str) -> bool:
    """Whether ``name`` is the name of a street or building ("Church Street").

    >>> is_facility("Hutcheson Road"), is_facility("Road")
    (True, False)
    """
    words = name.split()
    return len(words) >= 2 and words[-1] in FACILITY_HEADS


def _facilities(
    text: str,
    tokens: Sequence[Token],
    names: Sequence[tuple[int, int]],
    chosen: list[Candidate],
    persons: AbstractSet[int],
    lex: Lexicon,
) -> list[Candidate]:
    """Runs ending in a facility word. They replace the gazetteer matches inside them, and
    take over their entries as the town they are in ("Montreal-Pierre Elliott Trudeau
    International Airport"); a place before a possessive stays apart ("Toronto's Pearson
    International Airport")."""
    found: list[Candidate] = []
    # (chosen names do not overlap and lie inside runs: each run looks up its own tokens)
    by_token = {i: c for c in chosen for i in range(c.first, c.last + 1)}
    rank = {id(c): k for k, c in enumerate(chosen)}
    replaced: set[int] = set()  # ids of the names a facility takes over
    for first, last in names:  # "the X Airport on Saturday"
        if tokens[last].text not in FACILITY_HEADS or last == first:
            continue
        for k in range(last - 1, first - 1, -1):
            if tokens[k].text in ("'s", "’s"):
                first = k + 1
                break
        while first < last and (
            name_key(tokens[first].text) in lex.titles
            or (tokens[first].text in ("The", "A") and sentence_initial(text, tokens[first].start))
        ):
            first += 1
        if first == last or any(i in persons for i in range(first, last + 1)):
            continue
        at_first, at_last = by_token.get(first), by_token.get(last)
        if (at_first is not None and at_first.first < first) or (
            at_last is not None and last < at_last.last
        ):
            continue  # a name that straddles the facility's edge
        inside = {id(c): c for i in range(first, last + 1) if (c := by_token.get(i))}
        inner = sorted(inside.values(), key=lambda c: rank[id(c)])
        replaced.update(id(c) for c in inner)
        # (a town's name that takes in the facility's own word but not its first is none:
        # "River Valley" in "the Peace River Valley" is a suburb of Singapore)
        towns = tuple(
            h
            for c in inner
            if c.last < last or c.first == first
            for h in c.hits
            if h.place.kind is PlaceKind.CITY
        )
        found.append(Candidate(tokens[first].start, tokens[last].end, first, last, towns))
    chosen[:] = [c for c in chosen if id(c) not in replaced]
    return found


def _form(text: str, tokens: Sequence[Token], cand: Candidate) -> MentionForm:
    if cand.hits and all(h.form is NameForm.DEMONYM for h in cand.hits):
        return MentionForm.DEMONYM
    if any(h.form is NameForm.ABBREVIATION for h in cand.hits):
        return MentionForm.ABBREVIATION
    surface = text[cand.start : cand.end]
    if surface.isupper() and line_start(text, cand.start):
        return MentionForm.DATELINE
    return MentionForm.NAME


def _best_population(hits: Iterable[NameHit]) -> int:
    return max((h.place.population for h in hits if h.place.kind is PlaceKind.CITY), default=0)


class _Verdict(Enum):
    PLACE = "place"
    NOT_PLACE = "not a place"
    NEEDS_CONTEXT = "a place if the article confirms it"


@dataclass(frozen=True, slots=True)
class _Document:
    text: str
    tokens: Sequence[Token]
    lex: Lexicon
    people: People
    lowercase_words: set[str]
    cued: Mapping[tuple[int, int], PlaceKind | None]  # names the words mark, by token span
    # "Price, Utah", "Hope, Ark.": names written with a region that holds one of their readings
    enclosed: frozenset[tuple[int, int]] = frozenset()


def _enclosed(
    tokens: Sequence[Token], candidates: Sequence[Candidate]
) -> frozenset[tuple[int, int]]:
    """The token spans of names written as "Town, Region" where the region (a country or a
    first-level region) holds one of the town's readings."""
    regions = {
        c.first: [h.place for h in c.hits if h.place.kind in _ENCLOSING]
        for c in candidates
        if any(h.place.kind in _ENCLOSING for h in c.hits)
    }
    out: set[tuple[int, int]] = set()
    for c in candidates:
        outer = regions.get(c.last + 2)
        if (
            outer
            and followed_by_region(tokens, c)
            and any(
                (r.kind is PlaceKind.COUNTRY and h.place.country_code == r.country_code)
                or (r.kind is PlaceKind.ADMIN1 and bool(r.admin1) and h.place.admin1 == r.admin1)
                for h in c.hits
                if h.place.kind is PlaceKind.CITY
                for r in outer
            )
        ):
            out.add((c.first, c.last))
    return frozenset(out)


def _judge(doc: _Document, cand: Candidate) -> _Verdict:
    """Whether a gazetteer match is a place here, judged by the words and the document."""
    text, tokens, lex = doc.text, doc.tokens, doc.lex
    words = [t for t in tokens[cand.first : cand.last + 1] if t.text[:1].isalpha()]
    major = is_major(cand.hits)
    context = has_place_context(text, tokens, cand)
    population = _best_population(cand.hits)
    abbreviation = any(h.form is NameForm.ABBREVIATION for h in cand.hits) or (
        text[cand.end - 1] == "." and len(words) == 1
    )
    if is_lookalike(text, tokens, cand.first, cand.last, major=major, placed=context):
        return _Verdict.NOT_PLACE
    if all(h.form is NameForm.DEMONYM for h in cand.hits):
        return _Verdict.PLACE if demonym_is_place(text, tokens, cand) else _Verdict.NOT_PLACE
    if (cand.first, cand.last) in doc.cued or (cand.first, cand.last) in doc.enclosed:
        return _Verdict.PLACE  # "the town of Hit", "Michika town", "Price, Utah"
    if len(words) == 1 and not abbreviation:
        word = words[0].text
        if name_key(word) in lex.titles and not major:
            return _Verdict.NOT_PLACE
        if word in lex.common or (word.isupper() and word.capitalize() in lex.common):
            return _Verdict.PLACE if major and context else _Verdict.NOT_PLACE
        if word.isupper() and len(word) > 4 and not (major or line_start(text, cand.start)):
            return _Verdict.NOT_PLACE
        possessive = cand.last + 1 < len(tokens) and tokens[cand.last + 1].text in ("'s", "’s", "'")
        if doc.people.is_known(word):
            # a name the article gives a person stays a person, unless plainly a location
            return _Verdict.PLACE if major and context and not possessive else _Verdict.NOT_PLACE
        if (word in lex.given or word in lex.family) and not (major or population >= _MEDIUM):
            return _Verdict.PLACE if context else _Verdict.NEEDS_CONTEXT
        # A word the article also writes in lower case is a common word here ("Hope", "Deal").
        if word.lower() in doc.lowercase_words and not major:
            return _Verdict.PLACE if context else _Verdict.NEEDS_CONTEXT
        if not (major or context) and population < _SMALL:
            return _Verdict.NEEDS_CONTEXT
    if hyphen_compound(tokens, cand) and not major:
        return _Verdict.NOT_PLACE  # "Al-Ahram", "Coca-Cola"
    only_alternates = all(h.form is NameForm.ALTERNATE for h in cand.hits)
    if only_alternates and population < _SMALL:
        # a village's variant spelling: only where the text pins it down ("Boons, B.C.") or
        # puts it where a place stands and it is no word of another sort ("in Miranshah")
        pinned = followed_by_region(tokens, cand) or (
            after_stative_preposition(tokens, cand) and not _ordinary(doc, words)
        )
        return _Verdict.PLACE if pinned else _Verdict.NOT_PLACE
    if only_alternates and not context and population < BIG_CITY:
        return _Verdict.NEEDS_CONTEXT
    if not major and not context and population < _SMALL // 10:
        return _Verdict.NEEDS_CONTEXT
    return _Verdict.PLACE


def _ordinary(doc: _Document, words: Sequence[Token]) -> bool:
    """Whether a one-word name is also a common word or a person's name ("Hope", "Tal")."""
    if len(words) != 1:
        return False
    word = words[0].text
    return (
        word in doc.lex.common
        or word in doc.lex.given
        or word in doc.lex.family
        or word.lower() in doc.lowercase_words
    )


def _place_despite_person(doc: _Document, cand: Candidate) -> bool:
    """A major place inside a name taken for a person, when a locative word precedes it."""
    return is_major(cand.hits) and has_place_context(doc.text, doc.tokens, cand) and cand.first > 0
