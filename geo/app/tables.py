"""The app's places table: one row per place (not per mention), the most important first;
as rows for a data grid, or as a list whose rows open on every sentence naming the place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.models import Analysis
from geo.report.safe import html
from geo.report.views import NOT_LOCATED, MentionView, Report, as_report

__all__ = ["PlaceRow", "place_list_html", "place_rows"]

PLACE_LIST_HEIGHT_PX = 400


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place of the story with every mention of it the filters keep, in text order."""

    place: str  # its name, or "X (not located)"
    kind: str
    country: str
    importance: float  # see geo.framing.importance; 0 for a place not located
    mentions: tuple[MentionView, ...]

    @property
    def counted(self) -> str:
        """``12 mentions``."""
        n = len(self.mentions)
        return f"{n} mention{'s' if n != 1 else ''}"

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


def place_list_html(rows: tuple[PlaceRow, ...]) -> str:
    """The rows as HTML: each place's name, kind, country and mentions over the start of its
    first sentence, opening (``<details>``) on every sentence naming it. Every text is escaped
    here; the markup is static, with no script and no link. Plain HTML, so the page draws it
    without the data grid's script (a new reader's map comes sooner)."""
    items = []
    for r in rows:
        facts = " · ".join(filter(None, (r.kind, r.country, r.counted)))
        sentences = "".join(f"<li>{html(s)}</li>" for s in r.sentences)
        items.append(
            f'<details class="newsmap-place" style="{_ROW}"><summary style="cursor:pointer">'
            f'<b>{html(r.place)}</b> <span style="opacity:.7">{html(facts)}</span>'
            f'<div style="{_FIRST}">{html(r.sentences[0])}</div></summary>'
            f'<ol style="{_ALL}">{sentences}</ol></details>'
        )
    body = "".join(items) or "<p>No place found.</p>"
    return f'<div style="max-height:{PLACE_LIST_HEIGHT_PX}px;overflow-y:auto">{body}</div>'


_ROW = "border-bottom:1px solid rgba(128,128,128,.25);padding:.3rem 0"
# the first sentence in two lines at most, under the place's name
_FIRST = ("opacity:.85;font-size:.85em;margin-left:1rem;display:-webkit-box;"
          "-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden")  # fmt: skip
_ALL = "font-size:.85em;margin:.2rem 0 0 1.8rem"
