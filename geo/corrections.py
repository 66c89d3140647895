"""A reader's corrections to the analysis: choose another place for a mention, drop a false
one, add a place the recogniser missed, or put a mention where the reader clicks on the map.
Corrections are data, applied inside the pipeline
before claims, events and routes, so everything downstream follows; they are saved as JSON
tied to the article's text, so no work is lost between sessions.

A saved file comes back as untrusted input (it may have been edited, or made by someone
else): :func:`corrections_from_json` checks it against its schema and the article, and either
returns valid :class:`Correction` values or raises :class:`~geo.errors.InputError`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NoReturn

from geo.errors import InputError
from geo.gazetteer import Gazetteer
from geo.inputs import MAX_CHARS, describe
from geo.models import (
    Candidate,
    Coordinate,
    Mention,
    MentionForm,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.text import name_key

__all__ = [
    "Correction",
    "CorrectionKind",
    "additions",
    "apply_corrections",
    "corrections_from_json",
    "corrections_to_json",
    "places_named",
]

FORMAT = "newsmap-corrections/1"
MAX_CORRECTIONS = 10_000  # a reader clicks each one; a hundred is already a long session
MAX_FILE_BYTES = 5_000_000  # 10,000 corrections of ~200 bytes each, with room to spare
_MAX_PLACE_ID = 200  # gazetteer ids are under 40 characters ("geonames:12345678")
_MAX_DIGITS = 16  # offsets are below MAX_CHARS; more digits can only be an attack


class CorrectionKind(StrEnum):
    CHOOSE = "choose"  # this mention means that place
    DROP = "drop"  # this mention is not a place
    ADD = "add"  # this stretch of text names that place
    PIN = "pin"  # this stretch of text names the point the reader clicked on the map


@dataclass(frozen=True, slots=True)
class Correction:
    """One reader's change to the places, tied to a span of the article.

    ``text`` is the article's text at ``[start, end)``, checked when applied, so a correction
    made on another version of the article is ignored rather than misplaced. ``place_id`` is
    the gazetteer id the span means (empty for a drop and a pin); ``point`` is where a pin puts
    it (``None`` for the other kinds). A value that cannot be a correction
    raises :class:`~geo.errors.InputError` on construction.

    >>> Correction(CorrectionKind.DROP, 12, 19, "Donetsk").end
    19
    >>> Correction(CorrectionKind.DROP, 19, 12, "Donetsk")
    Traceback (most recent call last):
    ...
    geo.errors.InputError: a correction's span must satisfy 0 <= start < end; got [19, 12)
    """

    kind: CorrectionKind
    start: int
    end: int
    text: str
    place_id: str = ""
    point: Coordinate | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, CorrectionKind):
            raise InputError(
                f"a correction's kind must be a CorrectionKind, not {describe(self.kind)}"
            )
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise InputError(
                    f"a correction's {name} must be a whole number, not {describe(value)}"
                )
        if not 0 <= self.start < self.end <= MAX_CHARS:
            raise InputError(
                f"a correction's span must satisfy 0 <= start < end; got [{self.start}, {self.end})"
            )
        if not isinstance(self.text, str) or len(self.text) != self.end - self.start:
            raise InputError(
                f"a correction's text must be the {self.end - self.start} characters of its span, "
                f"not {describe(self.text)}"
            )
        if not isinstance(self.place_id, str):
            raise InputError(f"a correction's place_id must be text, not {describe(self.place_id)}")
        if (self.kind is CorrectionKind.PIN) != isinstance(self.point, Coordinate):
            raise InputError("a pin correction, and only a pin, takes a point (lat, lon)")
        if self.kind in (CorrectionKind.DROP, CorrectionKind.PIN):
            if self.place_id:
                raise InputError(f"a {self.kind.value} correction takes no place_id")
        elif not (
            0 < len(self.place_id) <= _MAX_PLACE_ID
            and self.place_id.isprintable()
            and not any(ch.isspace() for ch in self.place_id)
        ):
            raise InputError(
                f"a {self.kind.value} correction needs a gazetteer id such as 'country:UA' "
                f"(at most {_MAX_PLACE_ID} characters, no spaces), not {describe(self.place_id)}"
            )


def places_named(name: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Every place the gazetteer holds under ``name``, the likeliest first (countries, then
    the most populous), for the reader to choose from."""
    name = name.strip()
    if not name:
        raise InputError("type the name of a place")
    hits = gazetteer.lookup([name_key(name)]).get(name_key(name), ())
    if not hits:
        raise InputError(f"{name!r} is not in the gazetteer")
    places = dict.fromkeys(h.place for h in hits)
    return tuple(sorted(places, key=lambda p: (p.kind is not PlaceKind.COUNTRY, -p.population)))


def additions(text: str, name: str, place: Place) -> tuple[Correction, ...]:
    """Corrections that add ``name`` wherever the article writes it, as ``place``: by its id
    for a place of the gazetteer, as pins at its point for one an online geocoder found (its
    ``source`` is set), which the gazetteer cannot look up again."""
    name = name.strip()
    spans = [m for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)] if name else []
    found = tuple(
        Correction(CorrectionKind.PIN, m.start(), m.end(), m.group(), point=place.coordinate)
        if place.source
        else Correction(CorrectionKind.ADD, m.start(), m.end(), m.group(), place.id)
        for m in spans
    )
    if not found:
        raise InputError(f"{name!r} does not appear in the article")
    return found


def pinned_place(correction: Correction, old: Place | None) -> Place:
    """The place a pin puts its mention at: the clicked point, named as the article names it,
    of the kind it was read as (a landmark if none)."""
    assert correction.point is not None
    lat, lon = correction.point.lat, correction.point.lon
    return Place(f"point:{lat:.5f},{lon:.5f}", correction.text,
                 old.kind if old is not None else PlaceKind.LANDMARK, correction.point,
                 old.country_code if old is not None else "")  # fmt: skip


def apply_corrections(
    text: str,
    mentions: Sequence[PlaceMention],
    corrections: Iterable[Correction],
    gazetteer: Gazetteer,
    sentences: Sequence[Span],
) -> tuple[PlaceMention, ...]:
    """The mentions with the corrections applied, in text order, antecedents re-pointed. A
    correction whose text no longer matches the article is ignored."""
    by_span: dict[tuple[int, int], PlaceMention | None] = {(m.start, m.end): m for m in mentions}
    for c in corrections:
        span = (c.start, c.end)
        if text[c.start : c.end] != c.text:
            continue
        if c.kind is CorrectionKind.DROP:
            by_span[span] = None
        elif c.kind is CorrectionKind.CHOOSE and by_span.get(span) is not None:
            old = by_span[span]
            assert old is not None
            place = next((x.place for x in old.candidates if x.place.id == c.place_id), None)
            place = place or gazetteer.get(c.place_id)
            if place is not None:
                by_span[span] = PlaceMention(old.mention, place, 1.0, old.candidates,
                                             old.reference, old.sentence, old.antecedent,
                                             corrected=True)  # fmt: skip
        elif c.kind is CorrectionKind.PIN and (old := by_span.get(span)) is not None:
            place = pinned_place(c, old.place)
            by_span[span] = PlaceMention(old.mention, place, 1.0, (Candidate(place, 1.0),),
                                         old.reference, old.sentence, old.antecedent,
                                         corrected=True)  # fmt: skip
        elif c.kind in (CorrectionKind.ADD, CorrectionKind.PIN):
            place = gazetteer.get(c.place_id) if c.point is None else pinned_place(c, None)
            if place is None:
                continue
            for other in list(by_span):  # an added name replaces what it overlaps
                if other != span and other[0] < c.end and c.start < other[1]:
                    by_span[other] = None
            sentence = next(
                (s for s in sentences if s.start <= c.start < s.end), Span(c.start, c.end)
            )
            mention = Mention(c.start, c.end, c.text, MentionForm.NAME, name_key(c.text))
            by_span[span] = PlaceMention(mention, place, 1.0, (Candidate(place, 1.0),),
                                         Reference.LOCATION, sentence, corrected=True)  # fmt: skip
    kept = sorted(((s, m) for s, m in by_span.items() if m is not None),
                  key=lambda x: (x[0][0], -x[0][1]))  # fmt: skip
    index = {span: i for i, (span, _) in enumerate(kept)}
    out = []
    for _, m in kept:
        antecedent = None
        if m.antecedent is not None and m.antecedent < len(mentions):
            source = mentions[m.antecedent]
            antecedent = index.get((source.start, source.end))
        out.append(PlaceMention(m.mention, m.place, m.confidence, m.candidates, m.reference,
                                m.sentence, antecedent, m.corrected))  # fmt: skip
    return tuple(out)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corrections_to_json(text: str, corrections: Sequence[Correction]) -> str:
    """A file that saves the corrections, tied to the article they were made on."""
    return json.dumps(
        {
            "format": FORMAT,
            "article_sha256": _digest(text),
            "corrections": [
                {"kind": c.kind.value, "start": c.start, "end": c.end, "text": c.text,
                 "place_id": c.place_id}
                | ({"lat": c.point.lat, "lon": c.point.lon} if c.point is not None else {})
                for c in corrections
            ],
        },
        ensure_ascii=False,
        indent=2,
    )  # fmt: skip


def corrections_from_json(text: str, data: str | bytes) -> tuple[Correction, ...]:
    """Corrections read back from :func:`corrections_to_json`, checked against the article.

    The file is untrusted: anything but a well-formed file made on this very article (at most
    :data:`MAX_FILE_BYTES` bytes and :data:`MAX_CORRECTIONS` corrections, every span inside
    the article and quoting it exactly) raises :class:`~geo.errors.InputError` and nothing
    else, so the corrections returned can always be applied.

    >>> corrections_from_json("Kim left Pyongyang.", "[]")
    Traceback (most recent call last):
    ...
    geo.errors.InputError: this is not a newsmap corrections file (expected a JSON object)
    """
    doc = _parse(data)
    if not isinstance(doc, dict):
        raise InputError("this is not a newsmap corrections file (expected a JSON object)")
    if doc.get("format") != FORMAT:
        raise InputError("this is not a newsmap corrections file")
    _check_keys(doc, required=_FILE_KEYS, allowed=_FILE_KEYS, where="the corrections file")
    if doc["article_sha256"] != _digest(text):
        raise InputError(
            "these corrections were made on another article (or another version of it)"
        )
    items = doc["corrections"]
    if not isinstance(items, list):
        raise InputError(f'"corrections" must be a list, not {describe(items)}')
    if len(items) > MAX_CORRECTIONS:
        raise InputError(
            f"the file holds {len(items):,} corrections; the limit is {MAX_CORRECTIONS:,}"
        )
    return tuple(_correction(text, item, n) for n, item in enumerate(items, 1))


_FILE_KEYS = frozenset({"format", "article_sha256", "corrections"})
_REQUIRED_KEYS = frozenset({"kind", "start", "end", "text"})
_ALLOWED_KEYS = _REQUIRED_KEYS | {"place_id", "lat", "lon"}
_KINDS = frozenset(k.value for k in CorrectionKind)


def _parse(data: str | bytes) -> object:
    """The JSON value of ``data``, refusing what standard JSON or a sane file would not hold."""
    if not isinstance(data, str | bytes):
        raise InputError(f"a corrections file is text or bytes, not {type(data).__name__}")
    if len(data) > MAX_FILE_BYTES:  # for text, characters: a lower bound on its bytes
        unit = "bytes" if isinstance(data, bytes) else "characters"
        raise InputError(
            f"the corrections file is {len(data):,} {unit}; the limit is {MAX_FILE_BYTES:,}"
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")  # json.loads would also guess UTF-16 and UTF-32
        except UnicodeDecodeError as err:
            raise InputError(
                f"the corrections file is not UTF-8 text (byte {err.start} is invalid)"
            ) from err
    try:
        return json.loads(
            data,
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as err:
        raise InputError(
            f"the corrections file is not JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from err
    except RecursionError as err:
        # only brackets nested hundreds deep get here; the schema is three levels deep
        raise InputError("the corrections file is nested too deeply to be one") from err


def _refuse_constant(name: str) -> NoReturn:
    raise InputError(f"the corrections file is not standard JSON: it holds {name}")


def _bounded_int(digits: str) -> int:
    if len(digits) > _MAX_DIGITS:
        raise InputError(f"the corrections file holds a {len(digits):,}-digit number")
    return int(digits)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(
                f"the corrections file names the key {describe(key)} twice in one object"
            )
        out[key] = value
    return out


def _check_keys(
    obj: dict[str, Any], *, required: frozenset[str], allowed: frozenset[str], where: str
) -> None:
    missing = required - obj.keys()
    if missing:
        raise InputError(f"{where} lacks {', '.join(sorted(map(repr, missing)))}")
    unknown = obj.keys() - allowed
    if unknown:
        names = ", ".join(describe(k) for k in sorted(unknown)[:3])
        raise InputError(f"{where} has unknown key(s) {names}")


def _correction(text: str, item: object, n: int) -> Correction:
    where = f"correction {n}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be a JSON object, not {describe(item)}")
    _check_keys(item, required=_REQUIRED_KEYS, allowed=_ALLOWED_KEYS, where=where)
    kind = item["kind"]
    if not isinstance(kind, str) or kind not in _KINDS:
        known = ", ".join(k.value for k in CorrectionKind)
        raise InputError(f"{where}: kind must be one of {known}, not {describe(kind)}")
    start, end, quoted = item["start"], item["end"], item["text"]
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(f"{where}: {name} must be a whole number, not {describe(value)}")
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"{where}: the span [{start}, {end}) is not inside the article's {len(text):,} "
            "characters (0 <= start < end <= length)"
        )
    if not isinstance(quoted, str):
        raise InputError(f"{where}: text must be a string, not {describe(quoted)}")
    if text[start:end] != quoted:
        raise InputError(
            f"{where}: the article says {describe(text[start:end])} at [{start}, {end}), "
            f"not {describe(quoted)}"
        )
    try:
        return Correction(CorrectionKind(kind), start, end, quoted, item.get("place_id", ""),
                          _point(item))  # fmt: skip
    except InputError as err:
        raise InputError(f"{where}: {err}") from err


def _point(item: dict[str, Any]) -> Coordinate | None:
    if "lat" not in item and "lon" not in item:
        return None
    lat, lon = item.get("lat"), item.get("lon")
    for name, value in (("lat", lat), ("lon", lon)):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise InputError(f"{name} must be a number, not {describe(value)}")
    try:
        return Coordinate(float(lat), float(lon))  # type: ignore[arg-type]
    except (ValueError, TypeError) as err:
        raise InputError(f"({describe(lat)}, {describe(lon)}) is not a point on Earth") from err
