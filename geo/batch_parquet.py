"""Batch results as Parquet tables: ``documents``, ``mentions``, ``events`` and ``claims``.

``newsmap batch --format parquet -o FOLDER`` writes ``FOLDER/documents.parquet`` (one row per
input line: its id, its error if any, and how many places, events and claims it holds) and one
row per place mention, event and claim in the other three, each keyed by ``doc_id``. Rows are
written a row group at a time as results come, so memory stays bounded. Ids are written as
text (an integer id 7 becomes ``"7"``), since a Parquet column has one type. Needs the
``batch`` extra (pyarrow).
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["TABLES", "ParquetTables"]

TABLES = ("documents", "mentions", "events", "claims")
_ROW_GROUP = 10_000  # rows buffered per table before they are written


_PLACE = (("start", "int"), ("end", "int"), ("text", "str"), ("name", "str"), ("lat", "float"),
          ("lon", "float"), ("country_code", "str"), ("geonameid", "int"), ("kind", "str"),
          ("confidence", "float"))  # fmt: skip
_COLUMNS = {
    "documents": (("id", "str"), ("error", "str"), ("places", "int"), ("events", "int"),
                  ("claims", "int")),
    "mentions": (("doc_id", "str"), *_PLACE),
    "events": (("doc_id", "str"), ("index", "int"), ("type", "str"), ("trigger_start", "int"),
               ("trigger_end", "int"), ("trigger_text", "str"), ("certainty", "str"),
               ("date", "str"), ("time_text", "str"), ("actors", "strs"), ("places", "strs"),
               ("confidence", "float")),
    "claims": (("doc_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"),
               ("verdict", "str"), ("summary", "str"), ("subject", "str"), ("reference", "str")),
}  # fmt: skip


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "strs": pa.list_(pa.string())}  # fmt: skip
    return {
        table: pa.schema([(name, types[kind]) for name, kind in columns])
        for table, columns in _COLUMNS.items()
    }


class ParquetTables:
    """Four Parquet files in ``folder``, fed one batch result at a time; use it in a ``with``."""

    def __init__(self, folder: Path) -> None:
        import pyarrow.parquet as pq

        self._schemas = _schemas()
        folder.mkdir(exist_ok=True)
        self._writers = {
            name: pq.ParquetWriter(str(folder / f"{name}.parquet"), schema)
            for name, schema in self._schemas.items()
        }
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def add(self, result: dict[str, Any]) -> None:
        """Add the rows of one result of :func:`geo.batch.run_lines`."""
        doc_id = None if result["id"] is None else str(result["id"])
        events, claims = result.get("events", []), result.get("claims", [])
        self._rows["documents"].append({"id": doc_id, "error": result.get("error"),
                                        "places": len(result["places"]),
                                        "events": len(events), "claims": len(claims)})  # fmt: skip
        for place in result["places"]:
            self._rows["mentions"].append({"doc_id": doc_id, **place})
        for index, event in enumerate(events):
            time = event["time"] or {}
            self._rows["events"].append({
                "doc_id": doc_id, "index": index, "type": event["type"],
                "trigger_start": event["trigger"]["start"],
                "trigger_end": event["trigger"]["end"], "trigger_text": event["trigger"]["text"],
                "certainty": event["certainty"], "date": time.get("date"),
                "time_text": time.get("text"), "actors": event["actors"],
                "places": [p["name"] for p in event["places"]],
                "confidence": event["confidence"],
            })  # fmt: skip
        for claim in claims:
            self._rows["claims"].append({
                "doc_id": doc_id, "start": claim["start"], "end": claim["end"],
                "text": claim["text"], "verdict": claim["verdict"], "summary": claim["summary"],
                "subject": (claim["subject"] or {}).get("name"),
                "reference": (claim["reference"] or {}).get("name"),
            })  # fmt: skip
        for name, rows in self._rows.items():
            if len(rows) >= _ROW_GROUP:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa

        rows = self._rows[name]
        if rows:
            self._writers[name].write_table(pa.Table.from_pylist(rows, self._schemas[name]))
            rows.clear()

    def close(self) -> None:
        """Write what is buffered and close the files."""
        for name in TABLES:
            self._flush(name)
            self._writers[name].close()

    def __enter__(self) -> ParquetTables:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
