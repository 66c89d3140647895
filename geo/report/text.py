"""The command line's reports: places, claim checks and events as plain-text tables. Every line
goes through :func:`geo.report.safe.terminal`, so article text cannot send a terminal an
escape sequence."""

from __future__ import annotations

from collections.abc import Sequence

from geo.models import Analysis
from geo.report.safe import terminal
from geo.report.views import NOT_LOCATED, Report, build_report

__all__ = ["print_claims", "print_events", "print_places"]


def _say(line: str = "") -> None:
    """Print a line of the report: article text, with no control character that a terminal
    would take for an escape sequence."""
    print(terminal(line))


def _table(rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        _say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def print_places(analysis: Analysis, report: Report | None = None) -> None:
    report = report or build_report(analysis)
    rows = [("mention", "place", "country", "lat, lon", "conf", "kind")]
    for v in report.mentions:
        m = v.mention
        if v.lat is None or v.lon is None:
            kind = v.kind or m.mention.form.value
            rows.append((_clip(m.text), NOT_LOCATED, "", "", f"{m.confidence:.2f}", kind))
            continue
        kind = v.kind + (" (organisation)" if v.organisation else "")
        rows.append((_clip(m.text), v.place, v.country, f"{v.lat:.2f}, {v.lon:.2f}",
                     f"{m.confidence:.2f}", kind))  # fmt: skip
    _table(rows)
    _say(f"\n{len(report.mentions)} mentions of {len(report.places)} places.")


def print_claims(analysis: Analysis, report: Report | None = None) -> None:
    report = report or build_report(analysis)
    if not report.claims:
        _say("No distance or direction claims found.")
        return
    for claim in report.claims:
        _say(f"{claim.verdict.upper():17s} {_clip(claim.text, 80)}")
        if claim.ends:
            _say(f"  from {claim.ends[0]} to {claim.ends[1]}")
        for check in claim.checks:
            _say(f"  - {check.numbers}")
        _say()


def print_events(analysis: Analysis, every: bool = False, report: Report | None = None) -> None:
    """The timeline: the events with a place the map shows, or ``every`` event."""
    report = report or build_report(analysis)
    rows = [("when", "what", "who", "where", "certainty", "source")]
    shown = report.events if every else report.timeline
    for v in shown:
        rows.append(((v.when or "?") + (" *" if v.inherited else ""), v.what, _clip(v.who, 30),
                     _clip(", ".join(v.where), 60), v.certainty, _clip(v.source, 30)))  # fmt: skip
    left_out = len(report.events) - len(shown)
    if shown:
        _table(rows)
        if any(v.inherited for v in shown):
            _say("\n* date taken from the day the story was last at")
    else:
        _say("No events with a named place." if left_out else "No events found.")
    if left_out:
        _say(f"{left_out} events without a named place not shown (--all lists them).")
    journey = None
    for leg in report.legs:
        if leg.journey != journey:
            journey = leg.journey
            _say(f"\nJourney of {leg.traveller} ({leg.certainty}):")
        _say(f"  {leg.summary}")


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
