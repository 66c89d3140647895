"""The curated tables in data/ are well-formed and consistent with each other."""

from __future__ import annotations

import csv
import json

import pytest
import shapely
from conftest import ROOT

from geo.topojson import features

DATA = ROOT / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("regions.csv", ["id", "name", "kind", "country_code", "lat", "lon", "aliases"]),
        ("aliases.csv", ["alias", "target"]),
        ("demonyms.csv", ["demonym", "target"]),
        ("person_names.csv", ["name", "kind"]),
        ("country_points.csv", ["country_code", "lat", "lon", "geonameid"]),
    ],
)
def test_tables_have_their_header(name: str, header: list[str]) -> None:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == header


def test_region_ids_are_unique_and_points_valid() -> None:
    table = rows("regions.csv")
    ids = [r["id"] for r in table]
    assert len(ids) == len(set(ids))
    kinds = {"continent", "region", "admin1", "water", "landmark"}
    for r in table:
        assert r["kind"] in kinds, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        if r["kind"] == "admin1":
            assert r["id"].startswith(f"admin1:{r['country_code']}-"), r


def test_alias_and_demonym_targets_exist() -> None:
    ids = {r["id"] for r in rows("regions.csv")}
    for table, column in (("aliases.csv", "alias"), ("demonyms.csv", "demonym")):
        for r in rows(table):
            target = r["target"]
            kind, _, value = target.partition(":")
            assert r[column].strip(), r
            if kind == "country":
                assert len(value) == 2 and value.isupper(), r
            elif kind in ("admin1", "region", "continent"):
                assert target in ids, r
            else:
                assert kind in ("city", "cityname"), r


def test_us_state_points_lie_in_their_state() -> None:
    topology = json.loads((DATA / "us-counties-10m.json").read_text(encoding="utf-8"))
    states = {f.properties["name"]: f.geometry for f in features(topology, "states")}
    checked = 0
    for r in rows("regions.csv"):
        if r["id"].startswith("admin1:US-") and r["name"] in states:
            point = shapely.Point(float(r["lon"]), float(r["lat"]))
            assert states[r["name"]].buffer(0.05).contains(point), r["name"]
            checked += 1
    assert checked >= 50


def test_person_names_and_word_lists() -> None:
    kinds = {r["kind"] for r in rows("person_names.csv")}
    assert kinds == {"given", "family"}
    names = {r["name"] for r in rows("person_names.csv")}
    assert {"Vladimir", "Kim", "Watson", "Miller", "Wagner"} <= names
    titles = (DATA / "titles.txt").read_text(encoding="utf-8").split("\n")
    assert {"President", "spokesperson", "spokesman"} <= set(titles)
    common = set((DATA / "common_words.txt").read_text(encoding="utf-8").split("\n"))
    assert {"Council", "White", "Monday"} <= common
    assert not {"Moscow", "Paris", "Reading"} & common  # real towns stay out
