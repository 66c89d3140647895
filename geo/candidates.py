"""Spans of text that bear the name of a place in the gazetteer, before any judgement of
whether they name that place here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from geo.cues import name_spans
from geo.gazetteer import Gazetteer, NameHit
from geo.models import PlaceKind
from geo.sources import NameForm
from geo.text import article_keys, name_key, unmarked_key
from geo.tokens import Token, line_start, runs

__all__ = ["BIG_CITY", "Candidate", "find_candidates", "is_major"]

_MAX_WORDS = 7
_POSSESSIVES = ("'s", "’s")
_DATELINE_END = re.compile(r"\s*(?:,|—|–|--|\(|-\s)")
_COUNTY_ABBREVIATION = " co."
_STATE_COUNTRIES = ("US", "CA")
BIG_CITY = 300_000  # above this a single-word name is taken even where doubtful


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of text with the gazetteer entries that bear its name."""

    start: int
    end: int
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    hits: tuple[NameHit, ...]
    kind: PlaceKind | None = None  # what a noun beside the name says it is ("village")


def find_candidates(
    text: str,
    tokens: Sequence[Token],
    gazetteer: Gazetteer,
    named: AbstractSet[tuple[int, int]] = frozenset(),
    found_runs: Sequence[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Every sub-span of every capitalised run whose text is a name in the gazetteer.

    A whole name, or a span in ``named`` (names that a place noun marks), is also looked up
    with the Arabic article dropped or added ("Qamishli" is "Al Qamishli"); a part of a name is
    not, lest "Sham" in "Ahrar al-Sham" be read as a place. ``found_runs`` are the text's
    :func:`geo.tokens.runs`, when the caller has them.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    if found_runs is None:
        found_runs = runs(text, tokens)
    whole = set(named) | set(name_spans(tokens, found_runs))  # "Qamishli" in "Qamishli on Monday"
    for first, last in found_runs:
        for a in range(first, last + 1):
            if not tokens[a].is_cap:
                continue
            for b in range(a, min(last, a + _MAX_WORDS * 2) + 1):
                if not tokens[b].is_cap:
                    continue
                start, end = tokens[a].start, tokens[b].end
                spans.setdefault(text[start:end], []).append((a, b))
                # "Ky." and "St." are names with their dot, "St. John's" with its "'s"
                if b + 1 < len(tokens) and tokens[b + 1].start == end:
                    if tokens[b + 1].text == ".":
                        spans.setdefault(text[start : end + 1], []).append((a, b + 1))
                    elif tokens[b + 1].text in _POSSESSIVES:
                        spans.setdefault(text[start : tokens[b + 1].end], []).append((a, b + 1))
    keys = {surface: name_key(surface) for surface in spans}
    unmarked = {k: u for k in keys.values() if (u := unmarked_key(k)) is not None}
    counties = {k: k[: -len(_COUNTY_ABBREVIATION)] + " county"
                for k in keys.values() if k.endswith(_COUNTY_ABBREVIATION)}  # fmt: skip
    found = gazetteer.lookup([*keys.values(), *unmarked.values(), *counties.values()])
    for key, county in counties.items():
        # "PLYMOUTH CO. -": a county, as local papers abbreviate it (no town called "X Co.")
        county_hits = tuple(h for h in found.get(county, ()) if h.place.kind is PlaceKind.COUNTY)
        if county_hits:
            found[key] = county_hits
    missing = {
        key
        for surface, key in keys.items()
        if key not in found
        and unmarked.get(key) not in found
        and any(span in whole for span in spans[surface])
    }
    variants = {k: article_keys(k) for k in missing}
    other = gazetteer.lookup(v for vs in variants.values() for v in vs)
    for key, spellings in variants.items():
        # another spelling, with or without the Arabic article: weighed as a variant name
        variant = tuple(
            replace(h, form=NameForm.ALTERNATE) for v in spellings for h in other.get(v, ())
        )
        if variant:
            found[key] = variant
    candidates: list[Candidate] = []
    for surface, where in spans.items():
        key = keys[surface]
        hits = found.get(key) or found.get(unmarked.get(key, key))
        if not hits:
            continue
        if surface.endswith(_POSSESSIVES):
            # only a name that has its "'s" ("St. John's"), not "Canada's" read as "Cañadas"
            hits = tuple(h for h in hits if h.exact.replace("’", "'").lower().endswith("'s"))
        fitting = tuple(h for h in hits if _case_fits(surface, h))
        for a, b in where:
            if fitting:
                candidates.append(Candidate(tokens[a].start, tokens[b].end, a, b, fitting))
            elif _is_dateline(text, tokens[a].start, tokens[b].end):
                # "KYIV —", "ROME (AP) —": a short name in capitals that opens a story
                candidates.append(Candidate(tokens[a].start, tokens[b].end, a, b, hits))
    candidates.extend(_dateline_states(text, tokens, gazetteer, candidates))
    return candidates


def _dateline_states(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, candidates: Sequence[Candidate]
) -> list[Candidate]:
    """A state or province written without its dot after a dateline's town ("EDMONTON, Ky
    (WBKO) --", "LOUISVILLE, KY--"): the postal code or the AP abbreviation, where the town
    has a reading there."""
    out: list[Candidate] = []
    for c in candidates:
        k = c.last + 2
        if not (
            k < len(tokens)
            and tokens[c.last + 1].text == ","
            and text[c.start : c.end].isupper()
            and line_start(text, c.start)
            and _DATELINE_END.match(text, tokens[k].end) is not None
        ):
            continue
        word = tokens[k].text
        codes = {h.place.admin1 for h in c.hits if h.place.country_code in _STATE_COUNTRIES}
        # the AP abbreviation is the state's curated alias with its dot ("Ky." for "Ky")
        key = name_key(word + ".")
        dotted = {h.place.id for h in gazetteer.lookup([key]).get(key, ())}
        for code in sorted(codes):
            state = gazetteer.get(f"admin1:{code}")
            if state is None:
                continue
            postal = code.split("-", 1)[1]
            if word.upper() == postal or state.id in dotted:
                hit = NameHit(state, NameForm.ABBREVIATION, word)
                out.append(Candidate(tokens[k].start, tokens[k].end, k, k, (hit,)))
                break
    return out


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A name in capitals at the start of a line, followed by a comma, a dash or a bracket
    (``KYIV —``, ``ROME (AP) --``, ``LIMA, Peru``): the dateline of a wire story."""
    return (
        text[start:end].isupper()
        and line_start(text, start)
        and _DATELINE_END.match(text, end) is not None
    )


def _case_fits(surface: str, hit: NameHit) -> bool:
    """All-capital short words ("US", "UN") match only names written the same way; a name
    such as "Un" does not match "UN"."""
    letters = surface.replace(".", "")
    if hit.form is NameForm.ABBREVIATION:
        return surface == hit.exact
    return not (letters.isupper() and len(letters) <= 4)


def is_major(hits: Sequence[NameHit]) -> bool:
    """A country, continent, first-level region, county, water body or landmark, or a city
    of at least ``BIG_CITY`` people, named by its main name or a curated alias."""
    for h in hits:
        if h.form is NameForm.ALTERNATE and h.place.kind is PlaceKind.CITY:
            continue
        if h.place.kind is not PlaceKind.CITY or h.place.population >= BIG_CITY:
            return True
    return False
