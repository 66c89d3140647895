"""Many articles at once: JSON Lines in, JSON Lines out.

Each document is handled by :func:`process_record` alone, a pure function of the record and
the gazetteer, so a distributed engine (Spark, Dask, Ray) can map it over a feed unchanged;
here a local process pool does the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from geo.errors import GeoError, InputError
from geo.gazetteer import Gazetteer
from geo.pipeline import find_places
from geo.serialize import batch_places

__all__ = ["parse_record", "process_record", "run_batch"]


def parse_record(line: str, number: int) -> dict[str, Any]:
    """One input line as a record with ``id`` and ``text`` (and optionally ``published``)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"line {number}: not JSON ({err.msg})") from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'line {number}: expected an object with a "text" string')
    record.setdefault("id", str(number))
    return record


def process_record(
    record: dict[str, Any], gazetteer: Gazetteer, *, all_mentions: bool = False
) -> dict[str, Any]:
    """Analyse one record; an unusable document gives an ``error`` field, not an exception."""
    published = record.get("published")
    try:
        if published:
            date.fromisoformat(published)  # checked, though places do not depend on it
        found = find_places(record["text"], gazetteer)
    except (GeoError, ValueError) as err:
        return {"id": record["id"], "places": [], "error": str(err)}
    return {"id": record["id"], "places": batch_places(found.mentions, all_mentions=all_mentions)}


_worker_gazetteer: Gazetteer | None = None


def _init_worker(path: Path) -> None:
    global _worker_gazetteer
    _worker_gazetteer = Gazetteer(path)


def _work(args: tuple[dict[str, Any], bool]) -> dict[str, Any]:
    assert _worker_gazetteer is not None
    return process_record(args[0], _worker_gazetteer, all_mentions=args[1])


def run_batch(
    records: Iterable[dict[str, Any]],
    gazetteer: Gazetteer,
    *,
    workers: int = 1,
    all_mentions: bool = False,
    on_done: Callable[[], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Results in input order, computed in ``workers`` processes."""
    tick = on_done or (lambda: None)
    if workers <= 1:
        for record in records:
            yield process_record(record, gazetteer, all_mentions=all_mentions)
            tick()
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(gazetteer.path,)) as pool:
        for result in pool.map(_work, ((r, all_mentions) for r in records), chunksize=8):
            yield result
            tick()
