"""Choose, for each recognised mention, the place it means, with ranked alternatives.

Each candidate gets a score from what it is (a country, a capital, a city of so many people;
a main name or a mere alternate spelling) and from the document's own evidence: the countries
and regions the article names, an enclosing region written right after it ("Oxford, North
Carolina"), closeness to the other places the article names, and one sense per name per
article.
Scores become confidences with a softmax over the candidates of a mention.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from geo.gazetteer import NameHit
from geo.models import Candidate, Mention, MentionForm, Place, PlaceKind
from geo.sources import NameForm

__all__ = ["Resolution", "resolve"]

_KIND_PRIOR = {
    PlaceKind.COUNTRY: 9.5,
    PlaceKind.CONTINENT: 9.0,
    PlaceKind.ADMIN1: 7.3,
    PlaceKind.REGION: 7.0,
    PlaceKind.WATER: 7.0,
    PlaceKind.LANDMARK: 7.0,
    PlaceKind.COUNTY: 6.0,
    PlaceKind.BORDER: 7.0,
    PlaceKind.FACILITY: 5.0,
}
_FORM_PRIOR = {"MAIN": 0.0, "ALIAS": 0.0, "ABBREVIATION": 0.0, "DEMONYM": 0.0, "ALTERNATE": -1.5}
_TEMPERATURE = 1.0
_MAX_CANDIDATES = 5
_MAX_CONSIDERED = 25  # candidates per mention scored in context, best priors first
_NEAR_CANDIDATES = 8  # candidates per name that take part in the closeness term
# Names that take part in the closeness term, the first the text names: it compares every
# reading with every other, so its cost grows with the square of their number. An article
# names a few dozen places at most (19 in the development set); a text naming more is a
# list, where the first hundred are evidence enough.
_NEAR_NAMES = 100
_CLEAR = 0.6  # a first-pass reading this likely is evidence in the second pass
_POINTS = (PlaceKind.CITY, PlaceKind.COUNTY)  # readings that have a place on the ground
_OPEN_MARGIN = 0.5  # readings this close on priors are equally likely
_OPEN_READINGS = 3  # ... and a name with this many of them is open
_ANCHOR_KM = 50.0
_ANCHOR_BONUS = 3.0
_PAIR_MARGIN = 2.0  # second readings this close on priors to a name's likeliest ...
_PAIR_KM = 20.0  # ... that lie this close together ...
_PAIR_APART_KM = 250.0  # ... where the likeliest readings do not ...
_PAIR_BONUS = 1.5  # ... gain this much each
_QUALIFIED_BONUS = 6.0  # a name written once with its region means that reading throughout


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention's ranked candidates; the first is the choice."""

    mention: Mention
    candidates: tuple[Candidate, ...]


def _prior(hit: NameHit, capitals: set[str]) -> float:
    place = hit.place
    if place.kind is PlaceKind.CITY:
        score = 1.2 * math.log10(place.population + 10)
        if place.id in capitals:
            score += 1.0
    else:
        score = _KIND_PRIOR[place.kind]
    return score + _FORM_PRIOR[hit.form.name]


def _proximity(
    keys: Sequence[str], points: Sequence[tuple[str, Place, float]]
) -> dict[tuple[str, str], float]:
    """Closeness bonus of each ``(key, place id)``: for every other name in the article, the
    best of its candidates' prior probabilities among those within 50 km (2 points) or
    250 km (1 point); summed over the names and capped. Places that lie together in an
    article explain each other ("Edmonton" and "Enfield" in north London)."""
    if len(keys) < 2 or not points:
        return {}
    key_index = {k: i for i, k in enumerate(keys)}
    owner = np.array([key_index[k] for k, _, _ in points])
    prob = np.array([w for _, _, w in points])
    places = [p for _, p, _ in points]
    km = _km_between(places, places)
    gain = np.where(km < 50, 2.0, np.where(km < 250, 1.0, 0.0)) * prob[None, :]
    best = np.zeros((len(points), len(keys)))
    for j in range(len(keys)):  # per point, the best reading of each other name
        columns = owner == j
        if columns.any():
            best[:, j] = gain[:, columns].max(axis=1)
    best[np.arange(len(points)), owner] = 0.0
    bonus = np.minimum(best.sum(axis=1), 3.0)
    return {(k, p.id): float(b) for (k, p, _), b in zip(points, bonus, strict=True)}


def _km_between(a: Sequence[Place], b: Sequence[Place]) -> NDArray[np.float64]:
    """Great-circle kilometres from every place of ``a`` (rows) to every place of ``b``."""
    lat_a, lon_a = np.radians([[p.coordinate.lat, p.coordinate.lon] for p in a]).T
    lat_b, lon_b = np.radians([[p.coordinate.lat, p.coordinate.lon] for p in b]).T
    h = (
        np.sin((lat_a[:, None] - lat_b[None, :]) / 2) ** 2
        + np.cos(lat_a)[:, None] * np.cos(lat_b)[None, :]
        * np.sin((lon_a[:, None] - lon_b[None, :]) / 2) ** 2
    )  # fmt: skip
    km: NDArray[np.float64] = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return km


def _contains(outer: Place, inner: Place) -> bool:
    if outer.kind is PlaceKind.COUNTRY:
        return inner.country_code == outer.country_code and inner.id != outer.id
    if outer.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTY):
        return bool(inner.admin1) and inner.admin1 == outer.admin1 and inner.id != outer.id
    return False


def resolve(
    text: str,
    recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]],
    capitals: set[str],
    implied: Sequence[tuple[str, str]] = (),
) -> list[Resolution]:
    """Rank every mention's candidates using the whole document.

    ``implied`` are the ``(country code, first-level code)`` pairs the text gives without
    naming a place (the area code of a telephone number: ``("CA", "CA-ON")``); they count as
    one more named town of that region would.
    """
    if not recognised:
        return []
    # First pass: the document's countries and first-level regions, from mentions whose best
    # candidate stands out on priors alone.
    priors = [
        sorted(((h, _prior(h, capitals)) for h in hits), key=lambda x: -x[1])[:_MAX_CONSIDERED]
        for _, hits in recognised
    ]
    settled, shared = _settled_by_priors(priors)
    near = _near(recognised, priors)
    for key, bonus in _anchored(recognised, priors).items():
        near[key] = near.get(key, 0.0) + bonus
    for key, bonus in _paired(recognised, priors).items():
        near[key] = near.get(key, 0.0) + bonus
    out = _rank(text, recognised, priors, settled, shared, near, implied)
    # Second pass: a reading the first pass made clear ("Henry County" is the one in
    # Tennessee, beside Paris) is evidence for the others, as a settled one was.
    clear = [
        r.candidates[0].place
        if r.candidates and r.candidates[0].confidence >= _CLEAR and place is None
        else place
        for r, place in zip(out, settled, strict=True)
    ]
    if clear != settled:
        out = _rank(text, recognised, priors, clear, shared, near, implied)
    return out


def _settled_by_priors(
    priors: Sequence[Sequence[tuple[NameHit, float]]],
) -> tuple[list[Place | None], list[str]]:
    """The readings that stand out on priors alone, and for each open name the one country
    all its likely readings share (or "")."""
    settled: list[Place | None] = []
    shared: list[str] = []  # the one country of an unsettled name's likely readings
    for scored in priors:
        ranked = sorted(scored, key=lambda x: -x[1])
        if not ranked:
            settled.append(None)
            shared.append("")
            continue
        margin = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)
        # (a mere alternate spelling is no evidence of the document's country: "Nowshehra"
        # read as a small Indian town turned "Islamabad" into the Indian town of that name)
        alternate = ranked[0][0].form is NameForm.ALTERNATE
        settled.append(ranked[0][0].place if margin >= 1.5 and not alternate else None)
        # a name whose every likely reading lies in one country is evidence of that country
        # even when the reading is open: "Henry County" is a county of Tennessee or Georgia
        # or Indiana, and an American story either way
        likely = [h for h, s in ranked if s >= ranked[0][1] - 1.5]
        codes = {h.place.country_code for h in likely}
        shared.append(
            codes.pop()
            if settled[-1] is None and len(codes) == 1 and not alternate and len(likely) > 1
            else ""
        )
    return settled, shared


def _near(
    recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]],
    priors: Sequence[Sequence[tuple[NameHit, float]]],
) -> dict[tuple[str, str], float]:
    """Spatial coherence over the best few readings of every name (see _proximity)."""
    points: list[tuple[str, Place, float]] = []
    done: set[str] = set()
    for (mention, _), scored in zip(recognised, priors, strict=True):
        if mention.key in done or not scored or len(done) == _NEAR_NAMES:
            continue
        done.add(mention.key)
        top = scored[0][1]
        readings = [(h.place, math.exp(s - top)) for h, s in scored[:_NEAR_CANDIDATES]]
        norm = sum(w for _, w in readings)
        points.extend(
            (mention.key, place, w / norm)
            for place, w in readings
            if place.kind in (PlaceKind.CITY, PlaceKind.COUNTY)
        )
    return _proximity(sorted(done), points)


def _anchored(
    recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]],
    priors: Sequence[Sequence[tuple[NameHit, float]]],
) -> dict[tuple[str, str], float]:
    """A name with many equally likely readings ("Henry County": a dozen American counties)
    means the one beside another name's reading ("Paris", Tennessee), when only one or two
    of its readings have such a neighbour: both readings gain."""
    readings: dict[str, list[Place]] = {}
    open_names: dict[str, list[Place]] = {}
    for (mention, _), scored in zip(recognised, priors, strict=True):
        if mention.key in readings or not scored or len(readings) == _NEAR_NAMES:
            continue  # (the first names only, as for closeness: each is compared with all)
        places = [h.place for h, _ in scored[:_NEAR_CANDIDATES] if h.place.kind in _POINTS]
        readings[mention.key] = places
        likely = [h.place for h, v in scored if v >= scored[0][1] - _OPEN_MARGIN]
        if len(likely) >= _OPEN_READINGS:
            open_names[mention.key] = [p for p in likely if p.kind in _POINTS]
    bonus: dict[tuple[str, str], float] = defaultdict(float)
    for key, likely in open_names.items():
        if not likely:
            continue
        # (two open names are no anchor for each other: counties called Monroe and Marion lie
        # side by side in several states)
        others = [(k, p) for k, ps in readings.items() if k not in open_names for p in ps]
        if not others:
            continue
        close = _km_between(likely, [p for _, p in others]) < _ANCHOR_KM
        with_neighbour = np.flatnonzero(close.any(axis=1))
        if not 0 < len(with_neighbour) <= 2:
            continue
        for i in with_neighbour:
            bonus[(key, likely[i].id)] += _ANCHOR_BONUS
            for j in np.flatnonzero(close[i]):
                other_key, other = others[j]
                bonus[(other_key, other.id)] = max(bonus[(other_key, other.id)], _ANCHOR_BONUS / 2)
    return dict(bonus)


def _paired(
    recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]],
    priors: Sequence[Sequence[tuple[NameHit, float]]],
) -> dict[tuple[str, str], float]:
    """Two names whose likeliest readings lie far apart, but whose second readings are
    neighbours, mean those neighbours ("Edmonton" and "Enfield" of north London, not of
    Alberta and Connecticut): both second readings gain. One name's likeliest reading beside
    another's second one is the closeness term's affair ("Columbus" keeps "Dublin" in Ireland
    unless more speaks for Ohio)."""
    best: dict[str, Place] = {}
    second: list[tuple[str, Place]] = []
    for (mention, _), scored in zip(recognised, priors, strict=True):
        if mention.key in best or not scored or len(best) == _NEAR_NAMES:
            continue
        best[mention.key] = scored[0][0].place
        top = scored[0][1]
        second.extend(
            (mention.key, h.place)
            for h, v in scored[1:_NEAR_CANDIDATES]
            if h.place.kind is PlaceKind.CITY and v >= top - _PAIR_MARGIN
        )
    if len(second) < 2:
        return {}
    keys = [k for k, _ in second]
    km = _km_between([p for _, p in second], [p for _, p in second])
    bonus: dict[tuple[str, str], float] = {}
    for i, j in zip(*np.nonzero(km < _PAIR_KM), strict=True):
        a, b = keys[i], keys[j]
        if a >= b:
            continue
        far = _km_between([best[a]], [best[b]])[0, 0] > _PAIR_APART_KM
        if far and second[i][1].country_code == second[j][1].country_code:
            bonus[(a, second[i][1].id)] = _PAIR_BONUS
            bonus[(b, second[j][1].id)] = _PAIR_BONUS
    return bonus


def _rank(
    text: str,
    recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]],
    priors: Sequence[Sequence[tuple[NameHit, float]]],
    settled: Sequence[Place | None],
    shared: Sequence[str],
    near: dict[tuple[str, str], float],
    implied: Sequence[tuple[str, str]],
) -> list[Resolution]:
    """Every mention's candidates scored with the evidence of the other names."""
    # Evidence per name key, so that a name never votes for its own reading.
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    regions: dict[str, Counter[str]] = defaultdict(Counter)
    for code, admin1 in implied:  # (under a key no mention has)
        countries[""][code] += 1
        if admin1:
            regions[""][admin1] += 1
    for (mention, _), place, code in zip(recognised, settled, shared, strict=True):
        if code:
            countries[mention.key][code] += 1
        if place is None:
            continue
        if place.country_code:
            countries[mention.key][place.country_code] += (
                2 if place.kind is not PlaceKind.CITY else 1
            )
        if place.kind is PlaceKind.ADMIN1:
            regions[mention.key][place.admin1] += 2
        elif place.admin1:
            regions[mention.key][place.admin1] += 1
    all_countries: Counter[str] = Counter()
    all_regions: Counter[str] = Counter()
    for counts in countries.values():
        all_countries.update(counts)
    for counts in regions.values():
        all_regions.update(counts)
    all_country_total = sum(all_countries.values())

    scores: list[dict[str, tuple[NameHit, float]]] = []
    # the reading a name's qualified use gives ("COLUMBIA, Ky." then "of Columbia"), by key
    qualified: dict[str, str] = {}
    # (a facility has no gazetteer entries and so no candidates here)
    for index, ((mention, _), scored) in enumerate(zip(recognised, priors, strict=True)):
        enclosing = _enclosing(text, recognised, index)
        if _outside_its_region(enclosing, scored):
            # "HOLLIDAY, Mo.": no Holliday of Missouri in the gazetteer; the one in Texas is
            # another town, so the name stays unlocated rather than move a state away
            scores.append({})
            continue
        # the evidence of the other names: the whole document's less this name's own (a
        # subtraction of counts, not of whole counters, which would cost the number of
        # countries and regions named for each mention)
        own_countries, own_regions = countries[mention.key], regions[mention.key]
        total = (all_country_total - sum(own_countries.values())) or 1
        by_place: dict[str, tuple[NameHit, float]] = {}
        for hit, score in scored:
            place = hit.place
            in_country = all_countries[place.country_code] - own_countries[place.country_code]
            share = in_country / total if place.country_code else 0.0
            score += 3.0 * share
            if place.kind is not PlaceKind.COUNTRY and in_country:
                score += 1.0
            if place.admin1 and all_regions[place.admin1] - own_regions[place.admin1]:
                score += 1.5
            if enclosing is not None and any(_contains(e.place, place) for e in enclosing):
                score += 6.0
            score += near.get((mention.key, place.id), 0.0)
            if place.kind is PlaceKind.ADMIN1 and any(
                h.place.kind is PlaceKind.CITY and h.place.admin1 == place.admin1 for h, _ in scored
            ):
                score += 1.0  # "Quebec", "New York": the region more often than its namesake city
            if mention.form is MentionForm.DATELINE and place.kind is PlaceKind.CITY:
                score += 1.0
            score += _cue_bonus(text, mention, place)
            best = by_place.get(place.id)
            if best is None or score > best[1]:
                by_place[place.id] = (hit, score)
        if enclosing is not None and by_place and mention.key not in qualified:
            inside = [pid for pid, (h, _) in by_place.items()
                      if any(_contains(e.place, h.place) for e in enclosing)]  # fmt: skip
            if inside:
                qualified[mention.key] = max(inside, key=lambda pid: by_place[pid][1])
        scores.append(by_place)

    # One sense per discourse: mentions with the same key share their evidence.
    pooled: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (mention, _), by_place in zip(recognised, scores, strict=True):
        if not by_place:
            continue
        top = max(s for _, s in by_place.values())
        for pid, (_, s) in by_place.items():
            pooled[mention.key][pid] = max(pooled[mention.key][pid], s - top)

    out: list[Resolution] = []
    for (mention, _), by_place in zip(recognised, scores, strict=True):
        combined = {pid: s + 0.5 * pooled[mention.key][pid] for pid, (_, s) in by_place.items()}
        if qualified.get(mention.key) in combined:
            combined[qualified[mention.key]] += _QUALIFIED_BONUS
        if not combined:
            out.append(Resolution(mention, ()))
            continue
        best_first = sorted(combined.items(), key=lambda x: -x[1])[:_MAX_CANDIDATES]
        top = best_first[0][1]
        weights = [math.exp((s - top) / _TEMPERATURE) for _, s in best_first]
        norm = sum(weights)
        candidates = tuple(
            Candidate(by_place[pid][0].place, round(w / norm, 4))
            for (pid, _), w in zip(best_first, weights, strict=True)
        )
        out.append(Resolution(mention, candidates))
    return out


# What may follow "Town, Region": punctuation, the end of a line, or a function word; not a
# noun ("in Russia, U.S. officials said" is no Russia in the United States).
_FOLLOWER = re.compile(
    r"\s*(?:$|[^\w\s]|\n|(?:on|in|at|and|or|to|for|with|where|when|who|which|is|was|has|had|"
    r"have|said|says|will|would|from|near|after|before|during|about|but)\b)",
    re.IGNORECASE,
)


def _enclosing(
    text: str, recognised: Sequence[tuple[Mention, tuple[NameHit, ...]]], index: int
) -> tuple[NameHit, ...] | None:
    """Candidates of the mention written right after this one as ", Region"."""
    if index + 1 >= len(recognised):
        return None
    mention = recognised[index][0]
    nxt, hits = recognised[index + 1]
    gap = text[mention.end : nxt.start]
    after = _FOLLOWER.match(text, nxt.end)
    if gap.strip() in (",", "(") and len(gap) <= 3 and after is not None:
        return tuple(
            h
            for h in hits
            if h.place.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.COUNTY)
        )
    return None


def _outside_its_region(
    enclosing: tuple[NameHit, ...] | None, scored: Sequence[tuple[NameHit, float]]
) -> bool:
    """Whether a town written with its country or US state ("Paris, Tenn.", "Lima, Peru") has
    no reading there. Only where containment is sure: countries, and US states and counties
    (the gazetteer's other first-level codes do not all match its towns')."""
    if not enclosing or not scored:
        return False
    if not all(h.place.kind is PlaceKind.CITY for h, _ in scored):
        return False
    sure = all(e.place.kind is PlaceKind.COUNTRY or e.place.country_code == "US" for e in enclosing)
    return sure and not any(_contains(e.place, h.place) for e in enclosing for h, _ in scored)


_BASED = "-based"
_STATE_CUES = ("gov.", "governor", "state", "legislature", "attorney general", "senator", "sen.")


def _cue_bonus(text: str, mention: Mention, place: Place) -> float:
    """Words around the name that point to one kind of place: "New York Gov.", "the state of
    Washington", "Washington state", "New York-based"."""
    after = text[mention.end : mention.end + 20].lower().lstrip()
    before = text[max(0, mention.start - 14) : mention.start].lower()
    regional = after.startswith(_STATE_CUES) or "state of" in before or "province of" in before
    if place.kind is PlaceKind.ADMIN1 and regional:
        return 3.0
    if place.kind is PlaceKind.CITY and ("city of" in before or after.startswith("city")):
        return 2.0
    if place.kind is PlaceKind.CITY and text.startswith(_BASED, mention.end):
        return 2.0  # "a New York-based squad": offices and squads are based in cities
    return 0.0
