"""An analysis shown inline in Jupyter: a compact summary of its places, events and claims
with their verdicts, as the HTML that :meth:`geo.models.Analysis._repr_html_` returns.

Every string from the article or the gazetteer goes through :func:`geo.report.safe.html`;
the markup around it is constant. A folium map shows itself already (``folium.Map`` has its
own ``_repr_html_``).

>>> from geo.models import Analysis
>>> print(analysis_html(Analysis("No places here.", None, ())))  # doctest: +ELLIPSIS
<div class="newsmap-summary"><style>...</style><p><b>newsmap</b>: 0 mentions of 0 places, 0 events, 0 claims.</p></div>
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo.models import Analysis
from geo.report.safe import html
from geo.report.views import build_report

__all__ = ["analysis_html"]

# A notebook cell is a glance, not the report: the rest of a table is one attribute away
# (``analysis.places()``, ``analysis.events``), and the briefing page lists everything.
_ROWS = 8
# Jupyter right-aligns table cells, which suits numbers, not names and sentences.
_STYLE = (
    "<style>.newsmap-summary th,.newsmap-summary td{text-align:left;vertical-align:top}"
    ".newsmap-summary caption{text-align:left;font-weight:bold}</style>"
)


def analysis_html(analysis: Analysis) -> str:
    """The summary of ``analysis`` as an HTML fragment: a line of counts, then up to
    :data:`_ROWS` rows each of places (most mentioned first), events with the sentence that
    tells them (in timeline order) and claims (with their verdict)."""
    report = build_report(analysis)
    head = (
        f"<p><b>newsmap</b>: {_count(len(report.mentions), 'mention')} of "
        f"{_count(len(report.places), 'place')}, {_count(len(report.events), 'event')}, "
        f"{_count(len(report.claims), 'claim')}.</p>"
    )
    parts = [
        head,
        _table(
            "Places",
            ("place", "country", "kind", "mentions"),
            [(p.name, p.place.country_code, p.kind, str(len(p.mentions))) for p in report.places],
        ),
        _table(
            "Events with a place",
            ("when", "what", "where", "sentence"),
            [(v.when, v.what, ", ".join(v.where), v.sentence) for v in report.timeline],
        ),
        _table(
            "Claims",
            ("verdict", "claim", "check"),
            [(c.verdict, c.text, c.claim.reason) for c in report.claims],
        ),
    ]
    return f'<div class="newsmap-summary">{_STYLE}{"".join(parts)}</div>'


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    if not rows:
        return ""
    more = len(rows) - _ROWS
    tail = f" (first {_ROWS} of {len(rows)})" if more > 0 else ""
    return (
        f"<table><caption>{html(caption)}{tail}"
        f"</caption><thead>{_row(header, 'th')}</thead>"
        f"<tbody>{''.join(_row(r, 'td') for r in rows[:_ROWS])}</tbody></table>"
    )


def _row(cells: Iterable[str], tag: str) -> str:
    inner = "".join(f"<{tag}>{html(c)}</{tag}>" for c in cells)
    return f"<tr>{inner}</tr>"
