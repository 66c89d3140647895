"""The persistent cache of online geocoder answers, so that a rerun asks each name once.

One SQLite file in the cache folder (:func:`geo.gazetteer.cache_dir`), keyed by the service
(back end and domain), the query and the area it was bounded to. An answer is a point or "no
result"; a failure (a timeout, an HTTP error) is never stored, so the next run asks again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.gazetteer import cache_dir
from geo.models import Coordinate

__all__ = ["CacheInfo", "GeocodeCache", "Hit", "default_cache_path"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answer (service TEXT NOT NULL, query TEXT NOT NULL,
    area TEXT NOT NULL, hit TEXT, asked REAL NOT NULL, PRIMARY KEY (service, query, area));
"""


@dataclass(frozen=True, slots=True)
class Hit:
    """One point a geocoder gave for a name.

    ``ref`` is the service's own id of the feature (``node/123`` for OpenStreetMap); ``kind``
    its word for what it is (``village``, ``street``, ``venue``); ``score`` its confidence in
    ``[0, 1]``, when the service gives one.
    """

    coordinate: Coordinate
    name: str
    ref: str
    kind: str = ""
    score: float | None = None

    def to_json(self) -> str:
        c = self.coordinate
        return json.dumps([c.lat, c.lon, self.name, self.ref, self.kind, self.score])

    @classmethod
    def from_json(cls, text: str) -> Hit:
        lat, lon, name, ref, kind, score = json.loads(text)
        return cls(Coordinate(lat, lon), name, ref, kind, score)


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What ``newsmap geocode-cache info`` prints."""

    path: Path
    answers: int
    hits: int
    services: tuple[str, ...]


def default_cache_path() -> Path:
    """``geocode.sqlite`` in the cache folder (``$NEWSMAP_CACHE_DIR`` or ``~/.cache/newsmap``)."""
    return cache_dir() / "geocode.sqlite"


class GeocodeCache:
    """Answers by (service, query, area). Safe to share between the threads of one process
    (the Streamlit app's); each call opens its own short transaction."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, check_same_thread=False)
                self._db.executescript(_SCHEMA)
            except (OSError, sqlite3.Error) as err:
                raise InputError(f"cannot open the geocoder cache {self.path}: {err}") from err
        return self._db

    def get(self, service: str, query: str, area: str) -> tuple[bool, Hit | None]:
        """``(True, answer)`` when the service was asked before (``None``: no result), else
        ``(False, None)``."""
        with self._lock:
            row = (
                self._connect()
                .execute(
                    "SELECT hit FROM answer WHERE service = ? AND query = ? AND area = ?",
                    (service, query, area),
                )
                .fetchone()
            )
        if row is None:
            return False, None
        return True, (Hit.from_json(row[0]) if row[0] is not None else None)

    def put(self, service: str, query: str, area: str, hit: Hit | None) -> None:
        with self._lock:
            db = self._connect()
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO answer VALUES (?, ?, ?, ?, ?)",
                    (service, query, area, hit.to_json() if hit else None, time.time()),
                )

    def info(self) -> CacheInfo:
        if not self.path.is_file():
            return CacheInfo(self.path, 0, 0, ())
        with self._lock:
            db = self._connect()
            answers, hits = db.execute("SELECT count(*), count(hit) FROM answer").fetchone()
            services = tuple(r[0] for r in db.execute("SELECT DISTINCT service FROM answer"))
        return CacheInfo(self.path, answers, hits, tuple(sorted(services)))

    def clear(self) -> int:
        """Forget every answer; returns how many there were."""
        if not self.path.is_file():
            return 0
        with self._lock:
            db = self._connect()
            with db:
                count: int = db.execute("SELECT count(*) FROM answer").fetchone()[0]
                db.execute("DELETE FROM answer")
            db.execute("VACUUM")
        return count

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
