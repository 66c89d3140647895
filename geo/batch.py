"""Many articles at once: JSON Lines in, JSON Lines out.

Each document is handled by :func:`process_record` alone, a pure function of the record and
the gazetteer, so a distributed engine (Spark, Dask, Ray) can map it over a feed unchanged;
here a local process pool does the same.

The input is untrusted: a line that is not a usable record gives a result with an ``error``
field, like a document that cannot be analysed, and the run goes on. There is always one
result per non-blank input line (but those a resumed run skips), in input order, and every
result encodes as UTF-8. Lines are read a bounded window ahead of the results, so a feed of any
size runs in bounded memory.

A result holds the document's places; asked for, it also holds its events and its distance
and direction claims, which need the whole analysis rather than the place stage alone.

With an online geocoder (:mod:`geo.geocoders`) the batch runs in this one process, whatever
``workers`` says: the service's rate limit is kept by one ``RateLimiter`` and answers by one
cache, and worker processes would each keep their own pace and multiply the requests.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo.errors import GeoError, InputError
from geo.feeds import MAX_LINE_BYTES
from geo.gazetteer import Gazetteer
from geo.geocoders import Geocoder
from geo.inputs import describe
from geo.models import PlaceMention
from geo.pipeline import analyze, find_places
from geo.serialize import batch_claims, batch_events, batch_places, journey_to_dict
from geo.workers import ordered_map

__all__ = [
    "Job",
    "do_job",
    "error_result",
    "parse_record",
    "plan_jobs",
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
    journeys: bool = False,
    geocoder: Geocoder | None = None,
) -> dict[str, Any]:
    """Analyse one record; an unusable document gives an ``error`` field, not an exception.

    The result holds only what encodes as UTF-8 JSON: a record whose ``id`` cannot be one
    gets ``None`` as its id. ``events`` and ``claims`` add those lists to the result (empty
    ones to an error result, so that a reader finds every key it asked for), and so does
    ``journeys``, each traveller's legs from place to place.
    """
    sections = _Sections(all_mentions, events, claims, journeys)
    return sections.process(record, gazetteer, geocoder)


def error_result(
    record_id: str | int | None,
    message: str,
    *,
    events: bool = False,
    claims: bool = False,
    journeys: bool = False,
) -> dict[str, Any]:
    """The result of a record that could not be analysed."""
    return _Sections(events=events, claims=claims, journeys=journeys).error(record_id, message)


@dataclass(frozen=True, slots=True)
class _Sections:
    """What a result holds beyond the id and the toponyms."""

    all_mentions: bool = False
    events: bool = False
    claims: bool = False
    journeys: bool = False

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
            if not (
                self.events or self.claims or self.journeys
            ):  # the place stage alone: 1.5 times as fast
                mentions = find_places(text, gazetteer, geocoder).mentions
                return self._dated({"id": record_id, "places": self._places(mentions)}, published)
            day = date.fromisoformat(published) if published is not None else None
            analysis = analyze(text, gazetteer, published=day, geocoder=geocoder)
        except (GeoError, ValueError) as err:
            return self.error(record_id, str(err))
        result = self._dated(
            {"id": record_id, "places": self._places(analysis.mentions)}, published
        )
        if self.events:
            result["events"] = batch_events(analysis)
        if self.claims:
            result["claims"] = batch_claims(analysis)
        if self.journeys:
            result["journeys"] = [journey_to_dict(j) for j in analysis.journeys]
        return result

    def error(self, record_id: str | int | None, message: str) -> dict[str, Any]:
        result: dict[str, Any] = {"id": record_id, "places": []}
        if self.events:
            result["events"] = []
        if self.claims:
            result["claims"] = []
        if self.journeys:
            result["journeys"] = []
        result["error"] = message
        return result

    @staticmethod
    def _dated(result: dict[str, Any], published: object) -> dict[str, Any]:
        """The record's publication date carried into its result, for `newsmap atlas`'s
        time slider (only where the record gives one)."""
        if isinstance(published, str):
            result["published"] = published
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


# A job: what to make of one line, the record or, for a line that is none, its error message.
Job = tuple["_Sections", dict[str, Any], str | None]


def do_job(job: Job, gazetteer: Gazetteer, geocoder: Geocoder | None = None) -> dict[str, Any]:
    """The result of one job of :func:`plan_jobs`: a pure function, for any engine to map."""
    sections, record, problem = job
    if problem is not None:
        return sections.error(record["id"], problem)
    return sections.process(record, gazetteer, geocoder)


def _work(job: Job) -> dict[str, Any]:
    assert _worker_gazetteer is not None
    return do_job(job, _worker_gazetteer)


def plan_jobs(
    lines: Iterable[str | bytes | None],
    *,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    journeys: bool = False,
    skip: Container[object] = frozenset(),
) -> Iterator[Job]:
    """One job per non-blank line, lazily: see :func:`run_lines` for what each gives."""
    yield from _jobs(lines, _Sections(all_mentions, events, claims, journeys), skip)


def _jobs(
    lines: Iterable[str | bytes | None], sections: _Sections, skip: Container[object]
) -> Iterator[Job]:
    for number, line in enumerate(lines, 1):
        problem: str | None = None
        if line is None:
            problem = f"line {number}: longer than {MAX_LINE_BYTES:,} bytes"
            yield sections, {"id": str(number)}, problem
            continue
        if not line.strip():
            continue
        try:
            record = parse_record(line, number)
        except InputError as err:
            record, problem = {"id": str(number)}, str(err)
        if record["id"] not in skip:
            yield sections, record, problem


def run_lines(
    lines: Iterable[str | bytes | None],
    gazetteer: Gazetteer,
    *,
    workers: int = 1,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    journeys: bool = False,
    geocoder: Geocoder | None = None,
    skip: Container[object] = frozenset(),
    on_done: Callable[[], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One result per non-blank line of JSON Lines, in order, streamed.

    A line that is not a usable record gives an error result whose id is its line number (as a
    string); ``None`` stands for a line too long to read. A record whose id is in ``skip`` (done
    by an earlier run) gives none. Lines are read only a bounded window ahead of the results,
    so an endless feed runs in bounded memory; with an online ``geocoder`` the batch runs in
    this one process, to keep its rate limit.
    """
    sections = _Sections(all_mentions, events, claims, journeys)
    jobs = _jobs(lines, sections, skip)
    yield from _run(jobs, gazetteer, workers, geocoder, on_done)


def _run(
    jobs: Iterator[Job],
    gazetteer: Gazetteer,
    workers: int,
    geocoder: Geocoder | None,
    on_done: Callable[[], None] | None,
) -> Iterator[dict[str, Any]]:
    tick = on_done or (lambda: None)
    if geocoder is not None and workers > 1:
        log.warning("one worker, not %d: the online geocoder's rate limit is kept in one "
                    "process", workers)  # fmt: skip
        workers = 1
    if workers <= 1:
        for job in jobs:
            yield do_job(job, gazetteer, geocoder)
            tick()
        return
    for result in ordered_map(
        _work, jobs, workers=workers, initializer=_init_worker, initargs=(gazetteer.path,)
    ):
        yield result
        tick()


def run_batch(
    records: Iterable[dict[str, Any]],
    gazetteer: Gazetteer,
    *,
    workers: int = 1,
    all_mentions: bool = False,
    events: bool = False,
    claims: bool = False,
    journeys: bool = False,
    geocoder: Geocoder | None = None,
    on_done: Callable[[], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Results of ``records`` in input order, computed in ``workers`` processes (in this one
    with an online ``geocoder``, to keep its rate limit)."""
    sections = _Sections(all_mentions, events, claims, journeys)
    jobs = ((sections, record, None) for record in records)
    yield from _run(jobs, gazetteer, workers, geocoder, on_done)
