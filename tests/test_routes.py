"""The "Routes" section of shared/seed/expected.md."""

import shapely

import geo
from geo.models import Mode


def journey(analysis: geo.Analysis, actor: str) -> geo.models.Journey:
    (j,) = [j for j in analysis.journeys if j.actor == actor]
    return j


def test_kim_by_rail_through_the_tumen_bridge(sample: geo.Analysis) -> None:
    j = journey(sample, "Kim Jong Un")
    assert [leg.mode for leg in j.legs] == [Mode.RAIL, Mode.RAIL]
    names = [j.legs[0].start.name, j.legs[0].end.name, j.legs[1].end.name]
    assert names == ["Pyongyang", "Tumen River Friendship Bridge", "Vladivostok"]
    crossing = j.legs[0].end.coordinate
    assert abs(crossing.lat - 42.415) < 0.01 and abs(crossing.lon - 130.641) < 0.01
    # drawn on the ground through the crossing, and honest about it
    assert all(leg.schematic for leg in j.legs)
    total = sum(leg.length_km for leg in j.legs)
    assert total > 684.5  # longer than the straight line across the sea
    sea = shapely.Point(130.9, 41.0)  # the Sea of Japan between the two
    assert not any(leg.geometry.buffer(0.3).contains(sea) for leg in j.legs)


def test_biden_by_air_on_a_great_circle(sample: geo.Analysis) -> None:
    j = journey(sample, "Joe Biden")
    (leg,) = j.legs
    assert leg.mode is Mode.AIR and not leg.schematic
    assert (leg.start.name, leg.end.name) == ("India", "Vietnam")
    assert len(leg.geometry.coords) > 10  # densified
    straight = shapely.LineString([leg.start.coordinate.lonlat(), leg.end.coordinate.lonlat()])
    assert leg.geometry.hausdorff_distance(straight) > 0.1  # a geodesic, not a straight map line


def test_a_ground_leg_between_countries_uses_a_crossing(gazetteer: geo.Gazetteer) -> None:
    text = "The president travelled by train from Warsaw to Kyiv on Monday."
    analysis = geo.analyze(text, gazetteer)
    legs = [leg for j in analysis.journeys for leg in j.legs]
    assert any(leg.end.id.startswith("crossing:") for leg in legs)
    assert all(leg.schematic for leg in legs)


def test_geometries_export_as_geojson(sample: geo.Analysis) -> None:
    from geo.serialize import journey_to_dict

    for j in sample.journeys:
        for leg in journey_to_dict(j)["legs"]:
            geometry = leg["geometry"]
            assert geometry["type"] in ("LineString", "MultiLineString")
            lon, lat = (
                geometry["coordinates"][0][:2]
                if geometry["type"] == "LineString"
                else geometry["coordinates"][0][0][:2]
            )
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_journey_events_are_indices_into_the_timeline(sample: geo.Analysis) -> None:
    for j in sample.journeys:
        for i in j.events:
            event = sample.events[i]
            assert j.actor in event.actors
