import pytest

import geo
from geo.errors import DataError
from geo.models import PlaceKind
from geo.sources import NameForm


def test_lookup_finds_every_moscow_biggest_first(gazetteer: geo.Gazetteer) -> None:
    hits = gazetteer.lookup(["moscow"])["moscow"]
    main = [h for h in hits if h.form is NameForm.MAIN]
    codes = {h.place.country_code for h in main}
    assert {"RU", "US"} <= codes
    biggest = max(main, key=lambda h: h.place.population)
    assert biggest.place.country_code == "RU" and biggest.place.population > 10_000_000


def test_countries_have_points_inside_their_shapes(gazetteer: geo.Gazetteer) -> None:
    import shapely

    for code in ["KP", "RU", "US", "CA", "FR", "NO", "ID", "CL", "FJ"]:
        country = gazetteer.country(code)
        assert country is not None and country.kind is PlaceKind.COUNTRY
        shape = gazetteer.shape(country.id)
        assert shape is not None
        assert shape.buffer(0.2).contains(shapely.Point(country.coordinate.lonlat())), code


def test_no_place_stands_at_zero_zero(gazetteer: geo.Gazetteer) -> None:
    """A territory with no shape in the atlas is placed at its capital (or, uninhabited, at a
    point of ours), never at (0, 0) in the Gulf of Guinea."""
    import sqlite3

    with sqlite3.connect(gazetteer.path) as db:
        at_zero = db.execute("SELECT name FROM place WHERE lat = 0 AND lon = 0").fetchall()
    assert at_zero == []
    for code, lat, lon in [("RE", -20.9, 55.5), ("GI", 36.1, -5.35), ("GF", 4.9, -52.3),
                           ("TV", -8.5, 179.2)]:  # fmt: skip
        country = gazetteer.country(code)
        assert country is not None
        assert country.coordinate.lat == pytest.approx(lat, abs=0.3)
        assert country.coordinate.lon == pytest.approx(lon, abs=0.3)


def test_capitals(gazetteer: geo.Gazetteer) -> None:
    capital = gazetteer.capital("KP")
    assert capital is not None and capital.name == "Pyongyang"
    washington = gazetteer.capital("US")
    assert washington is not None and washington.geonameid == 4140963


def test_the_korea_russia_border_is_on_the_tumen(gazetteer: geo.Gazetteer) -> None:
    border = gazetteer.border("RU", "KP")
    assert border is not None and border.kind is PlaceKind.BORDER
    assert abs(border.coordinate.lat - 42.42) < 0.15
    assert abs(border.coordinate.lon - 130.64) < 0.15
    assert gazetteer.border("FR", "JP") is None


def test_us_states_and_counties(gazetteer: geo.Gazetteer) -> None:
    (state,) = [
        h.place
        for h in gazetteer.lookup(["kentucky"])["kentucky"]
        if h.place.kind is PlaceKind.ADMIN1
    ]
    assert state.id == "admin1:US-KY"
    (county,) = gazetteer.lookup(["metcalfe county"])["metcalfe county"]
    assert county.place.kind is PlaceKind.COUNTY and county.place.admin1 == "US-KY"
    assert 36.5 < county.place.coordinate.lat < 37.3


def test_curated_aliases_and_demonyms(gazetteer: geo.Gazetteer) -> None:
    found = gazetteer.lookup(["dprk", "u.s.", "north korean", "turkish", "britain"])
    assert {h.place.id for h in found["dprk"]} == {"country:KP"}
    assert found["dprk"][0].form is NameForm.ABBREVIATION
    assert "country:US" in {h.place.id for h in found["u.s."]}
    assert {h.place.id for h in found["north korean"]} == {"country:KP"}
    assert "country:TR" in {h.place.id for h in found["turkish"] if h.form is NameForm.DEMONYM}
    assert "country:GB" in {h.place.id for h in found["britain"]}


def test_not_an_index_is_a_data_error(tmp_path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"not a database at all")
    with pytest.raises(DataError):
        geo.Gazetteer(path)


def test_credits_name_geonames(gazetteer: geo.Gazetteer) -> None:
    assert any("GeoNames" in c and "CC BY 4.0" in c for c in gazetteer.credits)


def test_the_index_survives_pickling_for_worker_processes(gazetteer: geo.Gazetteer) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.path == gazetteer.path
    assert copy.country("JP") == gazetteer.country("JP")


def test_a_killed_build_leaves_nothing_the_next_build_keeps(tmp_path) -> None:
    """SIGKILL while the index is being written: no index at the final path, and the next
    build removes the killed one's temporary files but not those of a build still running."""
    import os
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "gazetteer.sqlite"
    code = "import sys, pathlib, geo; geo.build_gazetteer(pathlib.Path(sys.argv[1]))"
    build = subprocess.Popen([sys.executable, "-c", code, str(path)])
    try:
        while build.poll() is None and not any(
            p.stat().st_size > 1_000_000 for p in tmp_path.glob(".gazetteer-build-*")
        ):
            time.sleep(0.05)
        assert build.poll() is None, "the build ended before it could be killed"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(timeout=120)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left and all(name.startswith(f".gazetteer-build-{build.pid}-") for name in left)
    running = tmp_path / f".gazetteer-build-{os.getpid()}-abc.sqlite"  # a live build's
    running.write_bytes(b"")
    assert geo.build_gazetteer(path) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, path.name])
    assert geo.Gazetteer(path).country("KP") is not None
