"""The command line's reports: places, claim checks and events as plain-text tables. Every line
goes through :func:`geo.report.safe.terminal`, so article text cannot send a terminal an
escape sequence."""

from __future__ import annotations

from collections.abc import Sequence

from geo.models import Analysis
from geo.report.safe import terminal
from geo.report.views import NOT_LOCATED, event_views, kind_words

__all__ = ["print_claims", "print_events", "print_places"]


def _say(line: str = "") -> None:
    """Print a line of the report: article text, with no control character that a terminal
    would take for an escape sequence."""
    print(terminal(line))


def _table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        _say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def print_places(analysis: Analysis) -> None:
    rows = [("mention", "place", "country", "lat, lon", "conf", "kind")]
    for m in analysis.mentions:
        p = m.place
        if p is None:
            kind = kind_words(m) or m.mention.form.value
            rows.append((_clip(m.text), NOT_LOCATED, "", "", f"{m.confidence:.2f}", kind))
            continue
        kind = kind_words(m) + (" (organisation)" if m.reference.value == "organisation" else "")
        rows.append(
            (
                _clip(m.text),
                p.name,
                p.country_code,
                f"{p.coordinate.lat:.2f}, {p.coordinate.lon:.2f}",
                f"{m.confidence:.2f}",
                kind,
            )
        )
    _table(rows)
    _say(f"\n{len(analysis.mentions)} mentions of {len(analysis.places())} places.")


def print_claims(analysis: Analysis) -> None:
    if not analysis.claims:
        _say("No distance or direction claims found.")
        return
    for claim in analysis.claims:
        _say(f"{claim.verdict.value.upper():17s} {_clip(claim.text, 80)}")
        subject = analysis.mentions[claim.subject].place if claim.subject is not None else None
        reference = (
            analysis.mentions[claim.reference].place if claim.reference is not None else None
        )
        if subject and reference:
            _say(f"  from {reference.label} to {subject.label}")
        for check in claim.distances:
            _say(f"  - {check.explanation}")
        if claim.direction:
            _say(f"  - {claim.direction.explanation}")
        if not claim.distances and not claim.direction:
            _say(f"  - {claim.reason}")
        _say()


def print_events(analysis: Analysis, every: bool = False) -> None:
    """The timeline: the events with a place the map shows, or ``every`` event."""
    rows = [("when", "what", "who", "where", "certainty", "source")]
    shown = event_views(analysis, every)
    for v in shown:
        rows.append(((v.when or "?") + (" *" if v.inherited else ""), v.what, _clip(v.who, 30),
                     _clip(", ".join(v.where), 60), v.certainty, _clip(v.source, 30)))  # fmt: skip
    left_out = len(analysis.events) - len(shown)
    if shown:
        _table(rows)
        if any(v.inherited for v in shown):
            _say("\n* date taken from the day the story was last at")
    else:
        _say("No events with a named place." if left_out else "No events found.")
    if left_out:
        _say(f"{left_out} events without a named place not shown (--all lists them).")
    for journey in analysis.journeys:
        who = journey.actor or "an unnamed traveller"
        _say(f"\nJourney of {who} ({journey.certainty.value}):")
        for leg in journey.legs:
            kind = "straight line, schematic" if leg.schematic else "geodesic"
            _say(f"  {leg.start.name} -> {leg.end.name}: {leg.mode.value}, "
                  f"{leg.length_km:,.0f} km ({kind})")  # fmt: skip


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
