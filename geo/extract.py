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

from geo.cues import (
    Cue,
    demonym_is_place,
    find_cues,
    followed_by_region,
    has_place_context,
    hyphen_compound,
)
from geo.gazetteer import Gazetteer, Lexicon, NameHit
from geo.lang.en import PLACE_NOUNS
from geo.models import Mention, MentionForm, PlaceKind
from geo.people import People, find_people
from geo.sources import NameForm
from geo.text import name_key, unmarked_key
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

_MAX_WORDS = 7
# Last words of the names of streets and buildings, which the gazetteer does not hold but
# which are places all the same ("Hutcheson Road", "St. Michael's Hospital").
FACILITY_HEADS = frozenset(
    """Road Street Avenue Lane Close Drive Boulevard Highway Freeway Parkway Square Bridge
    Airport Hospital Church Cathedral Mosque Temple Synagogue Museum Stadium Arena Mall
    Station Prison Jail Terminal Plaza Hotel""".split()
)
_SMALL = 20_000  # a city below this population needs context when its name is doubtful
_MEDIUM = 100_000  # a person's name names a city this big only with context
_BIG = 300_000  # above this a single-word name is taken even where doubtful


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of text with the gazetteer entries that bear its name."""

    start: int
    end: int
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    hits: tuple[NameHit, ...]
    kind: PlaceKind | None = None  # what a noun beside the name says it is ("village")


def find_candidates(text: str, tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Candidate]:
    """Every sub-span of every capitalised run whose text is a name in the gazetteer."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for first, last in runs(text, tokens):
        for a in range(first, last + 1):
            if not tokens[a].is_cap:
                continue
            for b in range(a, min(last, a + _MAX_WORDS * 2) + 1):
                if not tokens[b].is_cap:
                    continue
                start, end = tokens[a].start, tokens[b].end
                spans.setdefault(text[start:end], []).append((a, b))
                # "Ky." and "St." are names with their dot
                if b + 1 < len(tokens) and tokens[b + 1].text == "." and tokens[b + 1].start == end:
                    spans.setdefault(text[start : end + 1], []).append((a, b + 1))
    keys = {surface: name_key(surface) for surface in spans}
    unmarked = {k: u for k in keys.values() if (u := unmarked_key(k)) is not None}
    found = gazetteer.lookup([*keys.values(), *unmarked.values()])
    candidates: list[Candidate] = []
    for surface, where in spans.items():
        key = keys[surface]
        hits = found.get(key) or found.get(unmarked.get(key, key))
        if not hits:
            continue
        hits = tuple(h for h in hits if _case_fits(surface, h))
        if hits:
            for a, b in where:
                candidates.append(Candidate(tokens[a].start, tokens[b].end, a, b, hits))
    return candidates


def _case_fits(surface: str, hit: NameHit) -> bool:
    """All-capital short words ("US", "UN") match only names written the same way; a name
    such as "Un" does not match "UN"."""
    letters = surface.replace(".", "")
    if hit.form is NameForm.ABBREVIATION:
        return surface == hit.exact
    return not (letters.isupper() and len(letters) <= 4)


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
    candidates = find_candidates(text, tokens, gazetteer)
    major = {(c.first, c.last) for c in candidates if _is_major(c.hits)}
    cues = find_cues(text, tokens, PLACE_NOUNS, lex.common)
    people = _unless_settlements(find_people(text, tokens, major, lex), cues)
    cued = {(c.name_first, c.name_last): c.kind for c in cues}
    lowercase = {t.text for t in tokens if t.text[:1].islower()}
    doc = _Document(text, tokens, lex, people, lowercase, cued)
    chosen: list[Candidate] = []
    waiting: list[Candidate] = []
    taken: set[int] = set()
    rejected: set[tuple[int, int]] = set()  # names the gazetteer holds that are no place here
    # Longest spans first, then leftmost: "New York City" beats "New York" beats "York".
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        covered = range(cand.first, cand.last + 1)
        if any(i in taken for i in covered):
            continue
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
    chosen.extend(_unlisted(tokens, cues, taken, people.tokens, lex))
    chosen.extend(_facilities(text, tokens, chosen, people.tokens, lex))
    chosen.sort(key=lambda c: c.start)
    out: list[tuple[Mention, tuple[NameHit, ...]]] = []
    for cand in chosen:
        surface = text[cand.start : cand.end]
        form = _form(text, tokens, cand)
        mention = Mention(cand.start, cand.end, surface, form, name_key(surface), cand.kind)
        out.append((mention, cand.hits))
    return Recognition(tuple(out), people, tuple(tokens))


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
    for first, last in runs(text, tokens):
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
        towns = tuple(h for c in inner for h in c.hits if h.place.kind is PlaceKind.CITY)
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


def _is_major(hits: Sequence[NameHit]) -> bool:
    """A country, continent, first-level region, county, water body or landmark, or a city
    of at least ``_BIG`` people, named by its main name or a curated alias."""
    for h in hits:
        if h.form is NameForm.ALTERNATE and h.place.kind is PlaceKind.CITY:
            continue
        if h.place.kind is not PlaceKind.CITY or h.place.population >= _BIG:
            return True
    return False


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
    cued: Mapping[tuple[int, int], PlaceKind]  # names a place noun marks, by token span


def _judge(doc: _Document, cand: Candidate) -> _Verdict:
    """Whether a gazetteer match is a place here, judged by the words and the document."""
    text, tokens, lex = doc.text, doc.tokens, doc.lex
    words = [t for t in tokens[cand.first : cand.last + 1] if t.text[:1].isalpha()]
    major = _is_major(cand.hits)
    context = has_place_context(text, tokens, cand)
    population = _best_population(cand.hits)
    abbreviation = any(h.form is NameForm.ABBREVIATION for h in cand.hits) or (
        text[cand.end - 1] == "." and len(words) == 1
    )
    if all(h.form is NameForm.DEMONYM for h in cand.hits):
        return _Verdict.PLACE if demonym_is_place(text, tokens, cand) else _Verdict.NOT_PLACE
    if (cand.first, cand.last) in doc.cued:
        return _Verdict.PLACE  # "the town of Hit", "Michika town"
    if len(words) == 1 and not abbreviation:
        word = words[0].text
        if name_key(word) in lex.titles and not major:
            return _Verdict.NOT_PLACE
        if word in lex.common or (word.isupper() and word.capitalize() in lex.common):
            return _Verdict.PLACE if major and context else _Verdict.NOT_PLACE
        if word.isupper() and len(word) > 4 and not (major or line_start(text, cand.start)):
            return _Verdict.NOT_PLACE
        possessive = cand.last + 1 < len(tokens) and tokens[cand.last + 1].text in ("'s", "’s", "'")
        if word in doc.people.surnames or word in doc.people.given:
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
        # a village's variant spelling: only where the text pins it down ("Boons, B.C.")
        return _Verdict.PLACE if followed_by_region(tokens, cand) else _Verdict.NOT_PLACE
    if only_alternates and not context and population < _BIG:
        return _Verdict.NEEDS_CONTEXT
    if not major and not context and population < _SMALL // 10:
        return _Verdict.NEEDS_CONTEXT
    return _Verdict.PLACE


def _place_despite_person(doc: _Document, cand: Candidate) -> bool:
    """A major place inside a name taken for a person, when a locative word precedes it."""
    return _is_major(cand.hits) and has_place_context(doc.text, doc.tokens, cand) and cand.first > 0
