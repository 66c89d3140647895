"""CSV tables of an analysis (places, events), safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

from geo.errors import InputError
from geo.export.geojson import date_text
from geo.models import Analysis
from geo.report.safe import csv_cell
from geo.serialize import batch_places, event_to_dict

# --- CSV -----------------------------------------------------------------------------------

_PLACE_COLUMNS = ("mention", "start", "end", "place", "kind", "country_code", "lat", "lon",
                  "geonameid", "confidence", "reference", "sentence")  # fmt: skip
_EVENT_COLUMNS = ("date", "time", "action", "actors", "places", "certainty", "source",
                  "confidence", "sentence")  # fmt: skip


def to_csv(analysis: Analysis, table: Literal["places", "events"] = "places") -> str:
    """A CSV table with a header row: one row per place mention, or per event.

        Parameters
        ----------
        analysis
            The result of :func:`geo.analyze`.
        table
            ``places`` (every mention, placed or not) or ``events``.

        Returns
        -------
        str
            The table. Text cells that a spreadsheet would run as a formula (starting ``=``,
            ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe; numbers are
            written as they are.

        Raises
        ------
        InputError
            For an unknown ``table``.

        Examples
        --------
        >>> from geo.models import Analysis
    from geo.report.safe import csv_cell
        >>> to_csv(Analysis("", None, ())).splitlines()[0].split(",")[:3]
        ['mention', 'start', 'end']
    """
    columns: tuple[str, ...]
    if table == "places":
        columns, rows = _PLACE_COLUMNS, _place_rows(analysis)
    elif table == "events":
        columns, rows = _EVENT_COLUMNS, _event_rows(analysis)
    else:
        raise InputError(f"unknown CSV table {table!r}; choose 'places' or 'events'")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([csv_cell(row[c]) for c in columns] for row in rows)
    return out.getvalue()


def _place_rows(analysis: Analysis) -> list[dict[str, Any]]:
    records = batch_places(analysis.mentions, all_mentions=True)
    return [
        {**r, "mention": r["text"], "place": r["name"], "sentence": analysis.quote(m)}
        for r, m in zip(records, analysis.mentions, strict=True)
    ]


def _event_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = []
    for event in analysis.events:
        record = event_to_dict(analysis, event)
        time = record["time"] or {}
        places = "; ".join(
            f"{p['place']['name'] if p['place'] else p['text']} ({p['role']})"
            for p in record["places"]
        )
        rows.append(
            {
                "date": date_text(record["time"]),
                "time": time.get("label") or "",
                "action": record["action"],
                "actors": "; ".join(record["actors"]),
                "places": places,
                "certainty": record["certainty"],
                "source": record["source"],
                "confidence": record["confidence"],
                "sentence": record["sentence"]["text"],
            }
        )
    return rows
