"""What a published map is called: its headline, subtitle and source line, as a newsroom sets
them (``newsmap map --title --subtitle --source``, the app's title field), passed to every
writer that frames the map.

>>> Headline("Kim's train to Russia", source="KCNA; Reuters").title
"Kim's train to Russia"
>>> Headline().is_empty
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from geo.models import Analysis
from geo.report.frame import main_journey

__all__ = ["Headline", "default_title"]


def default_title(analysis: Analysis) -> str:
    """The headline every output shows where none is given, made from the story: its main
    journey, else its most named places."""
    journey = main_journey(analysis)
    if journey is not None and journey.legs:
        who = journey.actor or "A journey"
        return f"{who}: {journey.legs[0].start.name} to {journey.legs[-1].end.name}"
    named = Counter(m.place.name for m in analysis.resolved if m.place is not None)
    if named:
        return f"Places in the story: {', '.join(n for n, _ in named.most_common(3))}"
    return "No place found in the story"


@dataclass(frozen=True, slots=True)
class Headline:
    """The words above and below a map. Empty strings mean "not given": a writer then shows
    its own default (or nothing), never an empty heading. Plain text: writers escape it."""

    title: str = ""
    subtitle: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        # one line each: a title is a heading, not a paragraph, and a newline in an HTML
        # attribute or an SVG <text> would be lost or break the layout
        for name in ("title", "subtitle", "source"):
            object.__setattr__(self, name, " ".join(getattr(self, name).split()))

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.subtitle or self.source)
