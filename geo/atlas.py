"""A whole feed on one map: the results of ``newsmap batch --events`` gathered by place.

:func:`read_feed` turns the JSON Lines that :mod:`geo.batch` writes into a :class:`Feed`: one
:class:`AtlasPlace` per place (its GeoNames id, or its name and coordinates), with, for each
article that names it, the mention texts, the quoted sentences when the record holds any,
and the events there. Records with an ``error`` are skipped and counted, as are lines that
are no record at all.

The file is untrusted (it may not be one that newsmap wrote): every field is checked for its
type and range, and text is cut to a bounded length; nothing here renders it.

>>> feed = read_feed(['{"id": "a", "published": "2024-05-06", "places": [{"start": 0,'
...     ' "end": 5, "text": "Paris", "name": "Paris", "lat": 48.85, "lon": 2.35,'
...     ' "country_code": "FR", "geonameid": 2988507}]}', '{"id": "b", "error": "x"}'])
>>> [(p.name, p.article_count, p.mention_count) for p in feed.places], feed.skipped
([('Paris', 1, 1)], 1)
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "AtlasPlace",
    "Feed",
    "FeedArticle",
    "PlaceInArticle",
    "published_by_id",
    "read_feed",
]

_MAX_TEXT = 400  # as the quotes of the briefing: a sentence, not a whole hostile article
_MAX_ITEMS = 20  # mentions or quotes of one place kept per article
NO_EVENT = ""  # the event type of a place an article names without an event there


@dataclass(frozen=True, slots=True)
class FeedArticle:
    id: str
    published: date | None


@dataclass(frozen=True, slots=True)
class PlaceInArticle:
    """What one article says about one place."""

    article: int  # index into :attr:`Feed.articles`
    mentions: int
    texts: tuple[str, ...]  # the mention texts, each once
    quotes: tuple[str, ...]  # the sentences, when the record holds them
    events: tuple[tuple[str, str], ...]  # (type, label) of each event there

    @property
    def types(self) -> tuple[str, ...]:
        """The event types here, or :data:`NO_EVENT` for a place named without one."""
        return tuple(dict.fromkeys(t for t, _ in self.events)) or (NO_EVENT,)


@dataclass(frozen=True, slots=True)
class AtlasPlace:
    key: str
    name: str
    lat: float
    lon: float
    country_code: str
    kind: str
    articles: tuple[PlaceInArticle, ...]

    @property
    def article_count(self) -> int:
        return len(self.articles)

    @property
    def mention_count(self) -> int:
        return sum(a.mentions for a in self.articles)

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(sorted({t for a in self.articles for t, _ in a.events}))


@dataclass(frozen=True, slots=True)
class Feed:
    articles: tuple[FeedArticle, ...]
    places: tuple[AtlasPlace, ...]  # the most articles first
    skipped: int = 0  # records with an ``error``
    unreadable: int = 0  # lines that are not a JSON object

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(sorted({a.published for a in self.articles if a.published}))


@dataclass(slots=True)
class _Gathering:
    """One place in one article, while the record is read."""

    spans: set[tuple[int, int]] = field(default_factory=set)
    texts: dict[str, None] = field(default_factory=dict)
    quotes: dict[str, None] = field(default_factory=dict)
    events: dict[tuple[str, str], None] = field(default_factory=dict)


def read_feed(lines: Iterable[str | bytes], published: Mapping[str, date] | None = None) -> Feed:
    """The places of every usable record of a ``newsmap batch`` output. A record's
    publication date is its ``published`` field (``newsmap batch`` copies it from its input)
    or, for a result without one, ``published[id]`` (see :func:`published_by_id`)."""
    published = published or {}
    articles: list[FeedArticle] = []
    places: dict[str, tuple[str, float, float, str, str]] = {}
    found: dict[str, list[PlaceInArticle]] = {}
    skipped = unreadable = 0
    for line in lines:
        if not line.strip():
            continue
        record = _record(line)
        if record is None:
            unreadable += 1
            continue
        if "error" in record:
            skipped += 1
            continue
        index = len(articles)
        article_id = _text(record.get("id")) or str(index + 1)
        day = _day(record.get("published")) or published.get(article_id)
        articles.append(FeedArticle(article_id, day))
        here: dict[str, _Gathering] = {}
        for entry in _list(record.get("places")):
            _gather(entry, here, places, event=None)
        for event in _list(record.get("events")):
            if isinstance(event, dict):
                for entry in _list(event.get("places")):
                    _gather(entry, here, places, event=_event(event))
        for key, g in here.items():
            found.setdefault(key, []).append(
                PlaceInArticle(
                    index,
                    len(g.spans),
                    tuple(g.texts)[:_MAX_ITEMS],
                    tuple(g.quotes)[:_MAX_ITEMS],
                    tuple(g.events),
                )
            )
    atlas = [AtlasPlace(key, *places[key], articles=tuple(seen)) for key, seen in found.items()]
    atlas.sort(key=lambda p: (-p.article_count, -p.mention_count, p.name))
    return Feed(tuple(articles), tuple(atlas), skipped, unreadable)


def published_by_id(lines: Iterable[str | bytes]) -> dict[str, date]:
    """The ``published`` date of each record of a batch's input, by id (records without one,
    or lines that are not records, are left out)."""
    found = {}
    for number, line in enumerate(lines, 1):
        record = _record(line) if line.strip() else None
        if record is not None and (day := _day(record.get("published"))):
            found[_text(record.get("id", number))] = day
    return found


def _record(line: str | bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, too deep or too long a number
        return None
    return record if isinstance(record, dict) else None


def _gather(
    entry: object,
    here: dict[str, _Gathering],
    places: dict[str, tuple[str, float, float, str, str]],
    *,
    event: tuple[str, str] | None,
) -> None:
    if not isinstance(entry, dict):
        return
    lat, lon = _number(entry.get("lat")), _number(entry.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return  # not located: nothing to draw
    text = _text(entry.get("text"))
    name = _text(entry.get("name")) or text or "(unnamed)"
    geonameid = entry.get("geonameid")
    if isinstance(geonameid, int) and not isinstance(geonameid, bool):
        key = f"geonames:{geonameid}"
    else:
        key = f"{name}@{lat:.4f},{lon:.4f}"
    country = _text(entry.get("country_code"))[:3]
    places.setdefault(key, (name, lat, lon, country, _text(entry.get("kind"))[:40]))
    g = here.setdefault(key, _Gathering())
    start, end = entry.get("start"), entry.get("end")
    g.spans.add((start, end) if isinstance(start, int) and isinstance(end, int) else (-1, -1))
    if text:
        g.texts[text] = None
    for quote in (entry.get("sentence"), entry.get("quote")):
        if _text(quote):
            g.quotes[_text(quote)] = None
    if event is not None:
        g.events[event] = None


def _event(event: dict[str, Any]) -> tuple[str, str]:
    """An event's type and its label: its trigger and its time."""
    kind = _text(event.get("type"))[:40] or "event"
    trigger = event.get("trigger")
    words = _text(trigger.get("text")) if isinstance(trigger, dict) else ""
    time = event.get("time")
    when = ""
    if isinstance(time, dict):
        when = _text(time.get("date")) or _text(time.get("label")) or _text(time.get("text"))
    label = " · ".join(x for x in (f"“{words}”" if words else "", when) if x)
    return kind, label


def _text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    text = " ".join(str(value).split())
    if not text.isascii():  # a lone surrogate ("\\ud800" in the JSON) is no Unicode text
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
