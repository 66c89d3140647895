"""A reader's corrections to the analysis: choose another place for a mention, drop a false
one, add a place the recogniser missed. Corrections are data, applied inside the pipeline
before claims, events and routes, so everything downstream follows; they are saved as JSON
tied to the article's text, so no work is lost between sessions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from geo.errors import InputError
from geo.gazetteer import Gazetteer
from geo.models import Candidate, Mention, MentionForm, PlaceMention, Reference, Span
from geo.text import name_key

__all__ = [
    "Correction",
    "CorrectionKind",
    "additions",
    "apply_corrections",
    "corrections_from_json",
    "corrections_to_json",
]

FORMAT = "newsmap-corrections/1"


class CorrectionKind(StrEnum):
    CHOOSE = "choose"  # this mention means that place
    DROP = "drop"  # this mention is not a place
    ADD = "add"  # this stretch of text names that place


@dataclass(frozen=True, slots=True)
class Correction:
    kind: CorrectionKind
    start: int
    end: int
    text: str  # the mention's text, checked against the article when applied
    place_id: str = ""


def additions(text: str, name: str, gazetteer: Gazetteer) -> tuple[Correction, ...]:
    """Corrections that add ``name`` wherever the article writes it, as the gazetteer's most
    likely place of that name (the biggest, countries first)."""
    name = name.strip()
    if not name:
        raise InputError("type the name of a place")
    hits = gazetteer.lookup([name_key(name)]).get(name_key(name), ())
    if not hits:
        raise InputError(f"{name!r} is not in the gazetteer")
    best = max(hits, key=lambda h: (h.place.kind.value == "country", h.place.population))
    found = [
        Correction(CorrectionKind.ADD, m.start(), m.end(), m.group(), best.place.id)
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    if not found:
        raise InputError(f"{name!r} does not appear in the article")
    return tuple(found)


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
        elif c.kind is CorrectionKind.ADD:
            place = gazetteer.get(c.place_id)
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
                for c in corrections
            ],
        },
        ensure_ascii=False,
        indent=2,
    )  # fmt: skip


def corrections_from_json(text: str, data: str | bytes) -> tuple[Correction, ...]:
    """Corrections read back from :func:`corrections_to_json`, checked against the article."""
    try:
        doc = json.loads(data)
        if doc.get("format") != FORMAT:
            raise InputError("this is not a newsmap corrections file")
        if doc.get("article_sha256") != _digest(text):
            raise InputError(
                "these corrections were made on another article (or another version of it)"
            )
        return tuple(
            Correction(CorrectionKind(c["kind"]), int(c["start"]), int(c["end"]), str(c["text"]),
                       str(c.get("place_id", "")))
            for c in doc["corrections"]
        )  # fmt: skip
    except InputError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(f"the corrections file cannot be read: {err}") from err
