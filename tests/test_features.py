"""Natural Earth's subdivisions and physical features (``data/natural_earth_*.csv``): well-formed
rows, and rivers, mountains and counties that news names resolve to them, not to the towns
named after them."""

from __future__ import annotations

import csv

import pytest
from conftest import ROOT, mentions_of

import geo
from geo.models import PlaceKind
from geo.text import name_key

TABLES = ("natural_earth_admin1.csv", "natural_earth_features.csv")
HEADER = ["id", "name", "kind", "feature", "scalerank", "country_code", "lat", "lon", "aliases"]


def rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", TABLES)
def test_rows_are_named_kinded_and_placed(name: str) -> None:
    table = rows(name)
    assert len(table) > 1000
    assert list(table[0]) == HEADER
    assert len({r["id"] for r in table}) == len(table)
    for r in table:
        assert r["name"].strip() == r["name"] and r["name"], r
        assert PlaceKind(r["kind"]) in (
            PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.WATER, PlaceKind.LANDMARK
        ), r  # fmt: skip
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        assert (lat, lon) != (0.0, 0.0), r
        assert r["country_code"] == "" or len(r["country_code"]) == 2, r
        assert all(a.strip() for a in r["aliases"].split("|") if r["aliases"]), r


def _named(gazetteer: geo.Gazetteer, name: str, kind: PlaceKind) -> list[str]:
    hits = gazetteer.lookup([name_key(name)]).get(name_key(name), ())
    return sorted({h.place.id for h in hits if h.place.kind is kind})


def test_curated_places_keep_precedence(gazetteer: geo.Gazetteer) -> None:
    assert _named(gazetteer, "England", PlaceKind.ADMIN1) == ["admin1:GB-ENG"]
    assert _named(gazetteer, "Danube", PlaceKind.WATER) == ["region:danube"]
    assert _named(gazetteer, "Amazon River", PlaceKind.WATER) == ["region:amazon-river"]
    assert _named(gazetteer, "Bavaria", PlaceKind.ADMIN1) == ["admin1:DE-BY"]
    # a demonym of ours and a three-letter name stay out ("Ain" of "Ain Issa")
    assert _named(gazetteer, "Somali", PlaceKind.ADMIN1) == []
    assert _named(gazetteer, "Ain", PlaceKind.ADMIN1) == []


def _only(analysis: geo.Analysis, text: str) -> geo.Place:
    found = mentions_of(analysis, text)
    assert found, [m.text for m in analysis.mentions]
    place = found[0].place
    assert place is not None
    return place


def test_a_river_is_water_not_its_town(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Boats sailed up the Zambezi River.", gazetteer)
    place = _only(analysis, "Zambezi River")
    assert place.kind is PlaceKind.WATER
    assert place.id.startswith("ne:river:")


def test_a_mountain_is_not_its_country(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Climbers died on Mount Kenya.", gazetteer)
    place = _only(analysis, "Mount Kenya")
    assert place.kind is PlaceKind.LANDMARK
    assert abs(place.coordinate.lat + 0.15) < 0.2 and abs(place.coordinate.lon - 37.3) < 0.2


def test_english_counties(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Storms hit Kent and Devon in England.", gazetteer)
    for name in ("Kent", "Devon"):
        place = _only(analysis, name)
        assert (place.kind, place.country_code) == (PlaceKind.ADMIN1, "GB"), place


def test_compass_and_person_names_stay_out(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze(
        "Police in Far North Queensland said Secretary of State John Kerry met Angus farmers.",
        gazetteer,
    )
    places = {m.place.id for m in analysis.mentions if m.place is not None}
    assert not any(p.startswith("admin1:CM-") or p.startswith("admin1:IE-") for p in places)
