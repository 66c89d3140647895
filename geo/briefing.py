"""The exported page: the map and a briefing panel (timeline, claim checks, journeys, places
with the sentences that name them, data credits) in one self-contained HTML file that opens
with no network and prints cleanly to PDF."""

from __future__ import annotations

from geo.controls import RawText
from geo.gazetteer import Gazetteer
from geo.models import Analysis
from geo.render import build_map, figure_of, quote_html
from geo.report.headline import default_title
from geo.report.safe import html as esc
from geo.report.views import Report, build_report

__all__ = ["briefing_html"]

_PRINT_CSS = """
<style>
body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#222}
.newsmap-briefing{max-width:1100px;margin:0 auto;padding:12px 20px 40px}
.newsmap-briefing h1{font-size:20px;margin:8px 0}
.newsmap-briefing h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #ccc}
.newsmap-briefing table{border-collapse:collapse;width:100%;font-size:13px}
.newsmap-briefing td,.newsmap-briefing th{border-bottom:1px solid #eee;padding:3px 6px;
  text-align:left;vertical-align:top}
.newsmap-briefing .verdict{font-weight:bold;border-left:8px solid;padding-left:4px}
.newsmap-briefing .swatch{display:inline-block;width:18px;height:4px;margin:0 6px 3px 0}
.newsmap-briefing .quote{color:#444;font-size:12px}
.newsmap-briefing mark{background:#ffe58a}
.newsmap-briefing .credits{color:#555;font-size:12px}
@page{margin:12mm}
@media print{
  body{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  /* the map as wide as the paper (A4 or Letter) and re-framed on the story when printing */
  .folium-map{position:relative!important;width:100%!important;height:11cm!important;
    break-inside:avoid;page-break-inside:avoid;page-break-after:avoid}
  .leaflet-control-container .leaflet-top,.newsmap-timeline,.newsmap-inset{display:none!important}
  .newsmap-legend{font-size:10px!important;max-width:180px!important}
  .newsmap-briefing tr{page-break-inside:avoid}
  .newsmap-briefing h2{page-break-after:avoid}
}
</style>
"""


def briefing_html(
    analysis: Analysis,
    gazetteer: Gazetteer,
    *,
    title: str = "",
    subtitle: str = "",
    source: str = "",
) -> str:
    """The whole page as HTML text, headed by ``title`` (by default the headline made from the
    story, as on the figures), ``subtitle`` and a ``source`` line where given (plain text,
    escaped here)."""
    title = title or default_title(analysis)
    report = build_report(analysis)
    fmap = build_map(analysis, gazetteer, height="62vh", report=report)
    root = figure_of(fmap)
    root.header.add_child(RawText(_PRINT_CSS), name="newsmap_briefing_css")
    root.header.add_child(RawText(f"<title>{esc(title or 'newsmap briefing')}</title>"))
    page = str(root.render())
    # the panel goes after the map (it is never compiled as a template); "</body>" from the
    # article is always escaped
    end = page.rfind("</body>")
    return page[:end] + _panel(report, title, subtitle, source) + page[end:]


def _panel(report: Report, title: str, subtitle: str, source: str) -> str:
    analysis = report.analysis
    published = analysis.published.isoformat() if analysis.published else "not given"
    parts = [
        "<section class='newsmap-briefing'>",
        f"<h1>{esc(title or 'Briefing')}</h1>",
        f"<p class='subtitle'>{esc(subtitle)}</p>" if subtitle else "",
        f"<p class='source'>Source: {esc(source)}</p>" if source else "",
        f"<p>Published: {esc(published)} · {len(report.mentions)} place mentions, "
        f"{len(report.places)} places, {len(report.events)} events, "
        f"{len(report.claims)} checked claims.</p>",
        _timeline(report),
        _claims(report),
        _journeys(report),
        _places(report),
        "<h2>Data</h2><p class='credits'>"
        + "<br>".join(esc(c) for c in report.credits)
        + "<br>Map: Natural Earth country outlines; OpenStreetMap tiles only if switched on."
        + "</p></section>",
    ]
    return "".join(parts)


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _timeline(report: Report) -> str:
    if not report.events:
        return "<h2>Timeline</h2><p>No events found.</p>"
    shown = report.timeline
    left_out = len(report.events) - len(shown)
    note = (
        f"<p class='quote'>{left_out} events without a named place are left out here; the "
        "CSV and JSON exports list every event.</p>"
        if left_out
        else ""
    )
    rows = [
        _row(
            esc((v.when or "?") + (" *" if v.inherited else "")),
            esc(v.what),
            esc(v.who),
            esc(", ".join(v.where)),
            esc(v.certainty),
            esc(v.source),
        )
        for v in shown
    ]
    head = (
        "<tr>"
        + "".join(f"<th>{h}</th>" for h in ("When", "What", "Who", "Where", "Certainty", "Source"))
        + "</tr>"
    )
    if not shown:
        return f"<h2>Timeline</h2><p>No events with a named place.</p>{note}"
    inherited = (
        "<p class='quote'>* date taken from the day the story was last at</p>"
        if any(v.inherited for v in shown)
        else ""
    )
    return f"<h2>Timeline</h2><table>{head}{''.join(rows)}</table>{inherited}{note}"


def _claims(report: Report) -> str:
    if not report.claims:
        return "<h2>Distance and direction claims</h2><p>None found.</p>"
    items = []
    for c in report.claims:
        detail = "".join(f"<li>{esc(k.numbers)}</li>" for k in c.checks)
        # the verdict's colour from the palette the map's claim lines use, as a swatch
        items.append(f"<li><span class='verdict' style='border-color:{esc(c.colour)}'>"
                     f"{esc(c.verdict)}</span>: “{esc(c.text)}”<ul>{detail}</ul></li>")  # fmt: skip
    return f"<h2>Distance and direction claims</h2><ul>{''.join(items)}</ul>"


def _journeys(report: Report) -> str:
    if not report.legs:
        return ""
    items = []
    for number in dict.fromkeys(v.journey for v in report.legs):
        legs = [v for v in report.legs if v.journey == number]
        lines = "".join(f"<li>{esc(v.summary)}</li>" for v in legs)
        items.append(
            f"<li><span class='swatch' style='background:{esc(legs[0].colour)}'></span>"
            f"{esc(legs[0].traveller)} ({esc(legs[0].certainty)})<ul>{lines}</ul></li>"
        )
    return f"<h2>Journeys</h2><ul>{''.join(items)}</ul>"


def _places(report: Report) -> str:
    rows = []
    for view in report.places:
        place, first = view.place, view.mentions[0].mention
        quote = quote_html(report.analysis, first.sentence, first.mention)
        rows.append(_row(esc(place.name), esc(place.country_code), esc(view.kind),
                         f"{place.coordinate.lat:.3f}, {place.coordinate.lon:.3f}",
                         str(len(view.mentions)), f"{view.confidence:.2f}",
                         f"<span class='quote'>{quote}</span>"))  # fmt: skip
    head = ("<tr><th>Place</th><th>Country</th><th>Kind</th><th>Lat, lon</th><th>Mentions</th>"
            "<th>Confidence</th><th>First source sentence</th></tr>")  # fmt: skip
    return f"<h2>Places</h2><table>{head}{''.join(rows)}</table>"
