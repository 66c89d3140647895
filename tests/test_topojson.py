import json

import pytest
import shapely
from conftest import ROOT

from geo.errors import DataError
from geo.topojson import decode_arcs, features


def test_quantised_arcs_are_delta_decoded() -> None:
    topology = {
        "arcs": [[[0, 0], [1, 0], [0, 2]]],
        "transform": {"scale": [2, 3], "translate": [1, 1]},
    }
    assert decode_arcs(topology) == [[(1.0, 1.0), (3.0, 1.0), (3.0, 7.0)]]


def test_reversed_arcs_join_into_a_closed_ring() -> None:
    topology = {
        "type": "Topology",
        "arcs": [[[0, 0], [1, 0], [1, 1]], [[0, 0], [0, 1], [1, 1]]],
        "objects": {
            "sq": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "arcs": [[0, ~1]],
                        "id": "1",
                        "properties": {"name": "square"},
                    }
                ],
            }
        },
    }
    (feature,) = features(topology, "sq")
    assert feature.properties["name"] == "square"
    assert feature.geometry.area == pytest.approx(1.0)


def test_unknown_object_is_a_data_error() -> None:
    with pytest.raises(DataError):
        list(features({"arcs": [], "objects": {}}, "countries"))


def test_world_atlas_countries_decode_to_valid_shapes() -> None:
    topology = json.loads((ROOT / "data" / "countries-50m.json").read_text())
    shapes = {f.properties["name"]: f.geometry for f in features(topology, "countries")}
    assert len(shapes) > 230
    assert all(g.is_valid for g in shapes.values())
    # Pyongyang lies in North Korea, Ussuriysk (north of Vladivostok) in Russia.
    assert shapes["North Korea"].contains(shapely.Point(125.75, 39.03))
    assert shapes["Russia"].contains(shapely.Point(131.95, 43.80))
    assert not shapes["North Korea"].contains(shapely.Point(131.95, 43.80))


def test_shapes_that_cross_the_antimeridian_are_split() -> None:
    topology = json.loads((ROOT / "data" / "countries-50m.json").read_text())
    shapes = {f.properties["name"]: f.geometry for f in features(topology, "countries")}
    for name in ("Russia", "Fiji", "Antarctica"):
        minx, _, maxx, _ = shapes[name].bounds
        assert minx >= -180 and maxx <= 180, name
    russia = shapes["Russia"]
    assert russia.contains(shapely.Point(100, 60))  # Siberia
    assert russia.contains(shapely.Point(177, 65))  # Chukotka, west of the antimeridian
    assert russia.contains(shapely.Point(-175, 66.5))  # Chukotka, east of it
    assert not russia.contains(shapely.Point(-100, 60))  # not Canada
    assert 2800 < russia.area < 3100  # square degrees; a wrapped ring would double it
