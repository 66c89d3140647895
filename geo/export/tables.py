"""CSV tables of an analysis (places, events), safe to open in a spreadsheet, written from the
one view of the result (:func:`geo.report.views.build_report`)."""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

from geo.errors import InputError
from geo.models import Analysis
from geo.report.safe import csv_cell
from geo.report.views import Report, as_report

# --- CSV -----------------------------------------------------------------------------------

_PLACE_COLUMNS = ("mention", "start", "end", "place", "kind", "country_code", "lat", "lon",
                  "geonameid", "confidence", "reference", "sentence")  # fmt: skip
_EVENT_COLUMNS = ("date", "time", "action", "actors", "places", "certainty", "source",
                  "confidence", "sentence")  # fmt: skip


def to_csv(source: Analysis | Report, table: Literal["places", "events"] = "places") -> str:
    """A CSV table with a header row: one row per place mention, or per event.

    Parameters
    ----------
    source
        The result of :func:`geo.analyze`, or its :class:`~geo.report.views.Report`.
    table
        ``places`` (every mention, placed or not) or ``events``.

    Returns
    -------
    str
        The table. Text cells that a spreadsheet would run as a formula (starting ``=``,
        ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe; numbers are
        written as they are. ``kind`` is in a reader's words ("state/province"), as every
        other output writes it.

    Raises
    ------
    InputError
        For an unknown ``table``.

    Examples
    --------
    >>> from geo.models import Analysis
    >>> to_csv(Analysis("", None, ())).splitlines()[0].split(",")[:3]
    ['mention', 'start', 'end']
    """
    report = as_report(source)
    columns: tuple[str, ...]
    if table == "places":
        columns, rows = _PLACE_COLUMNS, _place_rows(report)
    elif table == "events":
        columns, rows = _EVENT_COLUMNS, _event_rows(report)
    else:
        raise InputError(f"unknown CSV table {table!r}; choose 'places' or 'events'")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([csv_cell(row[c]) for c in columns] for row in rows)
    return out.getvalue()


def _place_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "mention": v.mention.text,
            "start": v.mention.start,
            "end": v.mention.end,
            "place": v.place,
            "kind": v.kind,
            "country_code": v.country,
            "lat": v.lat,
            "lon": v.lon,
            "geonameid": v.mention.place.geonameid if v.mention.place else None,
            "confidence": v.mention.confidence,
            "reference": v.mention.reference.value,
            "sentence": v.quote,
        }
        for v in report.mentions
    ]


def _event_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "date": v.date,
            "time": v.when,
            "action": v.what,
            "actors": "; ".join(v.event.actors),
            "places": "; ".join(v.where),
            "certainty": v.certainty,
            "source": v.source,
            "confidence": v.event.confidence,
            "sentence": v.sentence,
        }
        for v in report.events
    ]
