import pytest
import shapely

from geo.geodesy import arc, measure, sector, sector_bearing, split_at_antimeridian, to_km
from geo.models import Coordinate

PYONGYANG = Coordinate(39.03385, 125.75432)
VLADIVOSTOK = Coordinate(43.10562, 131.87353)


def test_pyongyang_to_vladivostok() -> None:
    m = measure(PYONGYANG, VLADIVOSTOK)
    assert m.distance_km == pytest.approx(684.5, abs=0.1)
    assert m.distance_mi == pytest.approx(425.3, abs=0.1)
    assert m.distance_nmi == pytest.approx(369.6, abs=0.1)
    assert m.bearing_deg == pytest.approx(46.7, abs=0.1)
    assert m.sector == "NE"


def test_ellipsoid_not_sphere() -> None:
    # one degree of latitude at the equator is 110.57 km on WGS84 (111.19 on a sphere)
    assert measure(Coordinate(0, 0), Coordinate(1, 0)).distance_km == pytest.approx(
        110.574, abs=0.01
    )


@pytest.mark.parametrize(
    ("bearing", "expected"),
    [(0, "N"), (22.4, "N"), (22.6, "NE"), (180, "S"), (337.6, "N"), (300, "NW")],
)
def test_sectors(bearing: float, expected: str) -> None:
    assert sector(bearing) == expected


def test_compass_words() -> None:
    assert sector_bearing("north-east") == sector_bearing("northeast") == 45.0
    assert sector_bearing("South-West") == 225.0
    assert sector_bearing("upstream") is None
    assert to_km(1, "nmi") == 1.852 and to_km(1, "mi") == 1.609344


def test_an_arc_across_the_antimeridian_is_split() -> None:
    tokyo, san_francisco = Coordinate(35.68, 139.69), Coordinate(37.77, -122.42)
    line = arc(tokyo, san_francisco)
    assert line.geom_type == "MultiLineString"
    for part in line.geoms:
        xs = [x for x, _ in part.coords]
        assert max(xs) - min(xs) < 180  # no part jumps across the map
    # the arc bows north of both ends, as a great circle does
    assert line.bounds[3] > 45


def test_split_keeps_a_line_that_does_not_cross() -> None:
    line = split_at_antimeridian([(125.75, 39.03), (131.87, 43.11)])
    assert isinstance(line, shapely.LineString) and len(line.coords) == 2


def test_midpoint_is_on_the_geodesic_not_the_average() -> None:
    from geo.geodesy import midpoint

    m = midpoint(Coordinate(60, 179), Coordinate(60, -179))
    assert abs(m.lon) == pytest.approx(180, abs=1e-6) and m.lat > 60  # a great circle bulges
    half = measure(PYONGYANG, midpoint(PYONGYANG, VLADIVOSTOK)).distance_km
    assert half == pytest.approx(measure(PYONGYANG, VLADIVOSTOK).distance_km / 2, abs=0.01)
