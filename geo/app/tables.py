"""The app's places table: one row per place (not per mention), the most important first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.models import Analysis
from geo.report.views import NOT_LOCATED, MentionView, Report, as_report

__all__ = ["PlaceRow", "place_rows"]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place of the story with every mention of it the filters keep, in text order."""

    place: str  # its name, or "X (not located)"
    kind: str
    country: str
    importance: float  # see geo.framing.importance; 0 for a place not located
    mentions: tuple[MentionView, ...]

    @property
    def label(self) -> str:
        """``Vladivostok (12 mentions)``."""
        n = len(self.mentions)
        return f"{self.place} ({n} mention{'s' if n != 1 else ''})"

    @property
    def sentences(self) -> tuple[str, ...]:
        """Each sentence naming it once, in text order."""
        return tuple(dict.fromkeys(v.quote for v in self.mentions))

    def row(self) -> dict[str, Any]:
        first = self.mentions[0]
        return {
            "place": self.place,
            "mention": first.mention.text,  # the article's words the first time
            "mentions": len(self.mentions),
            "first sentence": first.quote,
            "kind": self.kind,
            "country": self.country,
            "confidence": round(max(v.mention.confidence for v in self.mentions), 2),
            "reference": ", ".join(sorted({v.mention.reference.value for v in self.mentions})),
            "lat": first.lat,
            "lon": first.lon,
        }


def place_rows(
    source: Analysis | Report, *, min_confidence: float = 0.0, hide_organisations: bool = False
) -> tuple[PlaceRow, ...]:
    """One row per place the filters keep (a mention below ``min_confidence``, or one meaning
    a government when ``hide_organisations``, does not count), the most important first
    (ties: the most mentioned, then the first named); names not located come last, one row
    per name."""
    report = as_report(source)

    def kept(view: MentionView) -> bool:
        confident = view.mention.confidence >= min_confidence
        return confident and not (hide_organisations and view.organisation)

    rows = []
    for p in report.places:
        mentions = tuple(v for v in p.mentions if kept(v))
        if mentions:
            rows.append(PlaceRow(p.name, p.kind, p.place.country_code, p.importance, mentions))
    rows.sort(key=lambda r: (-r.importance, -len(r.mentions), r.mentions[0].mention.start))
    unlocated: dict[str, list[MentionView]] = {}
    for v in report.mentions:
        if v.mention.place is None and kept(v):
            unlocated.setdefault(v.mention.text, []).append(v)
    rows += [
        PlaceRow(f"{name} ({NOT_LOCATED})", views[0].kind, "", 0.0, tuple(views))
        for name, views in unlocated.items()
    ]
    return tuple(rows)
