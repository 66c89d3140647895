"""Natural Earth's first-level subdivisions and physical features, as rows of the gazetteer.

The tables are derived by ``data/tools/natural_earth.py`` (see ``data/README.md``); this module
decides which of their places and names the index takes, beside the places it has already.
"""

from __future__ import annotations

import re

from geo.datafiles import NATURAL_EARTH, read_csv, read_lexicon
from geo.errors import DataError
from geo.lang.en import PLACE_NOUNS
from geo.lang.en_places import BEARINGS
from geo.models import PlaceKind
from geo.rows import NameForm, Row

__all__ = ["add_natural_earth"]

_SETTLEMENTS = (PlaceKind.CITY, PlaceKind.COUNTY)
# A subdivision of a country smaller than this (a parish of Antigua, "Saint John") is seldom
# news on its own, and its name would outrank every town of under a million that shares it.
_MIN_COUNTRY_POPULATION = 1_000_000
# A person's name ("Kent", "Angus") becomes a subdivision's only where a town this large bears
# it already, so that the extractor weighs it as a place today (Kent, Washington; not Angus,
# Ontario).
_KNOWN_TOWN_POPULATION = 100_000
# Shorter names are as often a word or a head of a longer name: "Ain" (a French département)
# in "Ain Issa", "Sud" (Haiti), "Lot".
_MIN_NAME_LETTERS = 4


def add_natural_earth(rows: dict[str, Row]) -> None:
    """Add Natural Earth's subdivisions and physical features (``data/tools/natural_earth.py``)
    that no place of ours is already: curated rows and the US states keep precedence, and a
    province named after its town leaves the name to the town. A name that is only common or
    compass words ("Far North", "Western"), a person's name that no place bears yet ("Kerry",
    "Angus") or a name of three letters ("Ain") is not indexed."""
    lexicon = dict(read_lexicon())
    generic = {w.casefold() for w, kind in lexicon.items() if kind == "common"}
    generic |= BEARINGS | set(PLACE_NOUNS)
    areas: set[tuple[str, str]] = set()
    towns: set[tuple[str, str]] = set()
    for row in rows.values():
        keys = {(n.casefold(), row.country_code) for n in row.names}
        (towns if row.kind in _SETTLEMENTS else areas).update(keys)
    anywhere = {name for name, _code in areas}
    known = anywhere | {
        n.casefold()
        for row in rows.values()
        if row.kind in _SETTLEMENTS and row.population >= _KNOWN_TOWN_POPULATION
        for n in row.names
    }
    people = {w.casefold() for w, kind in lexicon.items() if kind in ("given", "family")}
    for table in NATURAL_EARTH:
        for r in read_csv(table):
            try:
                kind = PlaceKind(r["kind"])
                lat, lon = float(r["lat"]), float(r["lon"])
            except (KeyError, ValueError) as err:
                raise DataError(f"{table}: bad row {r}: {err}") from err
            code = r["country_code"]
            forms = [r["name"], *filter(None, r["aliases"].split("|"))]
            if r["id"] in rows or any(f.casefold() in anywhere for f in forms):
                continue  # one of ours already
            country = rows.get(f"country:{code}")
            if kind is PlaceKind.ADMIN1 and (
                (r["name"].casefold(), code) in towns
                or (country is not None and country.population < _MIN_COUNTRY_POPULATION)
            ):
                continue
            admin1 = r["id"].split(":", 1)[1] if kind is PlaceKind.ADMIN1 else ""
            row = Row(r["id"], r["name"], kind, lat, lon, code, admin1=admin1)
            for name in forms:
                key = name.casefold()
                if (
                    len(key) < _MIN_NAME_LETTERS
                    or (key, code) in towns
                    or (key in people and key not in known)
                    or set(re.split(r"[\s-]+", key)) <= generic
                ):
                    continue
                row.add_name(name, NameForm.MAIN if name == r["name"] else NameForm.ALIAS)
            if r["name"] in row.names:  # not under its other names alone ("Western": "Fly")
                rows[row.id] = row
