"""Many articles at once: JSON Lines in, JSON Lines out.

Each document is handled by :func:`process_record` alone, a pure function of the record and
the gazetteer, so a distributed engine (Spark, Dask, Ray) can map it over a feed unchanged;
here a local process pool does the same.

The input is untrusted: a line that is not a usable record gives a result with an ``error``
field, like a document that cannot be analysed, and the run goes on. There is always one
result per non-blank input line, in input order, and every result encodes as UTF-8.

A result holds the document's places; asked for, it also holds its events and its distance
and direction claims, which need the whole analysis rather than the place stage alone.

With an online geocoder (:mod:`geo.geocoders`) the batch runs in this one process, whatever
``workers`` says: the service's rate limit is kept by one ``RateLimiter`` and answers by one
cache, and worker processes would each keep their own pace and multiply the requests.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo.errors import GeoError, InputError
from geo.gazetteer import Gazetteer
from geo.geocoders import Geocoder
from geo.inputs import describe
from geo.models import PlaceMention
from geo.pipeline import analyze, find_places
from geo.serialize import batch_claims, batch_events, batch_places

__all__ = [
    "error_result",
    "parse_record",
    "process_record",
    "result_line",
    "run_batch",
    "run_lines",
]

log = logging.getLogger(__name__)


def parse_record(line: str | bytes, number: int) -> dict[str, Any]:
    """One input line as a record with ``id`` and ``text`` (and optionally ``published``).

    ``id`` defaults to the line number, as a string. A line that is not UTF-8, not a JSON
    object with a ``"text"`` string, or whose ``id`` is not a string or an integer raises
    :class:`~geo.errors.InputError`.

    >>> parse_record('{"text": "Kim left Pyongyang."}', 7)["id"]
    '7'
    >>> parse_record('{"id": true, "text": ""}', 7)
    Traceback (most recent call last):
    ...
    geo.errors.InputError: line 7: "id" must be a string or an integer, not true
    """
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"line {number}: not UTF-8 (byte {err.start} is invalid)") from err
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"line {number}: not JSON ({err.msg})") from err
    except ValueError as err:  # json refuses to convert integers of over 4,300 digits
        raise InputError(f"line {number}: a number has too many digits") from err
    except RecursionError as err:
        raise InputError(f"line {number}: nested too deeply") from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'line {number}: expected an object with a "text" string')
    record.setdefault("id", str(number))
    problem = _id_problem(record["id"])
    if problem:
        raise InputError(f"line {number}: {problem}")
    return record


def process_record(
    record: dict[str, Any],
    gazetteer: Gazetteer,
    *,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    geocoder: Geocoder | None = None,
) -> dict[str, Any]:
    """Analyse one record; an unusable document gives an ``error`` field, not an exception.

    The result holds only what encodes as UTF-8 JSON: a record whose ``id`` cannot be one
    gets ``None`` as its id. ``events`` and ``claims`` add those lists to the result (empty
    ones to an error result, so that a reader finds every key it asked for).
    """
    return _Sections(all_mentions, events, claims).process(record, gazetteer, geocoder)


def error_result(
    record_id: str | int | None, message: str, *, events: bool = False, claims: bool = False
) -> dict[str, Any]:
    """The result of a record that could not be analysed."""
    return _Sections(events=events, claims=claims).error(record_id, message)


@dataclass(frozen=True, slots=True)
class _Sections:
    """What a result holds beyond the id and the toponyms."""

    all_mentions: bool = False
    events: bool = False
    claims: bool = False

    def process(
        self, record: dict[str, Any], gazetteer: Gazetteer, geocoder: Geocoder | None = None
    ) -> dict[str, Any]:
        record_id = record.get("id")
        problem = _id_problem(record_id)
        if problem:
            return self.error(None, problem)
        text, published = record.get("text"), record.get("published")
        if not isinstance(text, str):
            return self.error(record_id, f'"text" must be a string, not {describe(text)}')
        if not _encodable(text):
            return self.error(record_id, '"text" holds a lone surrogate, which is not Unicode text')
        if published is not None and not _is_date(published):  # even if only places are asked
            return self.error(
                record_id, f'"published" must be a date, YYYY-MM-DD, not {describe(published)}'
            )
        try:
            if not (self.events or self.claims):  # the place stage alone: 1.5 times as fast
                mentions = find_places(text, gazetteer, geocoder).mentions
                return {"id": record_id, "places": self._places(mentions)}
            day = date.fromisoformat(published) if published is not None else None
            analysis = analyze(text, gazetteer, published=day, geocoder=geocoder)
        except (GeoError, ValueError) as err:
            return self.error(record_id, str(err))
        result = {"id": record_id, "places": self._places(analysis.mentions)}
        if self.events:
            result["events"] = batch_events(analysis)
        if self.claims:
            result["claims"] = batch_claims(analysis)
        return result

    def error(self, record_id: str | int | None, message: str) -> dict[str, Any]:
        result: dict[str, Any] = {"id": record_id, "places": []}
        if self.events:
            result["events"] = []
        if self.claims:
            result["claims"] = []
        result["error"] = message
        return result

    def _places(self, mentions: tuple[PlaceMention, ...]) -> list[dict[str, Any]]:
        return batch_places(mentions, all_mentions=self.all_mentions)


def result_line(result: dict[str, Any]) -> str:
    """One result as a line of JSON (with its newline) that always encodes as UTF-8."""
    line = json.dumps(result, ensure_ascii=False)
    if not _encodable(line):  # a lone surrogate slipped through: escape it, keep valid JSON
        line = json.dumps(result, ensure_ascii=True)
    return line + "\n"


def _id_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return f'"id" must be a string or an integer, not {describe(value)}'
    if isinstance(value, str) and not _encodable(value):
        return '"id" holds a lone surrogate, which is not Unicode text'
    return None


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _encodable(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_worker_gazetteer: Gazetteer | None = None


def _init_worker(path: Path) -> None:
    global _worker_gazetteer
    _worker_gazetteer = Gazetteer(path)


def _work(args: tuple[dict[str, Any], _Sections]) -> dict[str, Any]:
    assert _worker_gazetteer is not None
    return args[1].process(args[0], _worker_gazetteer)


def run_batch(
    records: Iterable[dict[str, Any]],
    gazetteer: Gazetteer,
    *,
    workers: int = 1,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    geocoder: Geocoder | None = None,
    on_done: Callable[[], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Results in input order, computed in ``workers`` processes (in this one with an online
    ``geocoder``, to keep its rate limit)."""
    tick = on_done or (lambda: None)
    sections = _Sections(all_mentions, events, claims)
    if geocoder is not None and workers > 1:
        log.warning("one worker, not %d: the online geocoder's rate limit is kept in one "
                    "process", workers)  # fmt: skip
        workers = 1
    if workers <= 1:
        for record in records:
            yield sections.process(record, gazetteer, geocoder)
            tick()
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(gazetteer.path,)) as pool:
        for result in pool.map(_work, ((r, sections) for r in records), chunksize=8):
            yield result
            tick()


def run_lines(
    lines: Iterable[str | bytes],
    gazetteer: Gazetteer,
    *,
    workers: int = 1,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    geocoder: Geocoder | None = None,
    on_done: Callable[[], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One result per non-blank line of JSON Lines, in order; a line that is not a usable
    record gives an error result whose id is its line number (as a string)."""
    tick = on_done or (lambda: None)
    records: list[dict[str, Any]] = []
    slots: list[dict[str, Any] | None] = []  # None: the next result of run_batch goes here
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(parse_record(line, number))
            slots.append(None)
        except InputError as err:
            slots.append(error_result(str(number), str(err), events=events, claims=claims))
    results = run_batch(
        records,
        gazetteer,
        workers=workers,
        all_mentions=all_mentions,
        events=events,
        claims=claims,
        geocoder=geocoder,
        on_done=on_done,
    )
    for slot in slots:
        if slot is None:
            yield next(results)
        else:
            yield slot
            tick()
    yield from results  # nothing is left: this lets run_batch close its process pool
