"""``newsmap gazetteer build --geonames FILE``: a GeoNames dump the user downloaded, added to the
offline index. The fixture ``geonames/IE.txt`` is in the dump's real 19-column format: a few
hand-written rows (real villages, mountains and lakes at their real points, a school, an
abandoned village; their ids, from 90000001, are ours, not GeoNames') and the Munster and
Connacht towns of GeoNames cities500 with their real ids (see ``geonames/cut_fixture.py``)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import mentions_of

import geo
from geo.cli import main
from geo.errors import InputError
from geo.geonames_dump import check_dumps, read_dump
from geo.models import Coordinate, PlaceKind
from geo.text import name_key

HERE = Path(__file__).parent / "geonames"
DUMP = HERE / "IE.txt"
CODES = HERE / "admin1CodesASCII.txt"
VILLAGE = "Residents of the village of Ballymacoda in Ireland said the storm had passed."


@pytest.fixture(scope="module")
def dump_index(tmp_path_factory: pytest.TempPathFactory) -> geo.Gazetteer:
    """An index built by the command line from the fixture dump and the admin1 codes."""
    out = tmp_path_factory.mktemp("dump") / "gazetteer.sqlite"
    assert main(["gazetteer", "build", "--geonames", str(DUMP), str(CODES),
                 "--output", str(out)]) == 0  # fmt: skip
    return geo.load_gazetteer(out)


def _hits(gazetteer: geo.Gazetteer, name: str) -> list[geo.Place]:
    return [h.place for h in gazetteer.lookup([name_key(name)]).get(name_key(name), ())]


def test_an_article_naming_a_village_of_the_dump_finds_it(
    dump_index: geo.Gazetteer, gazetteer: geo.Gazetteer
) -> None:
    assert mentions_of(geo.analyze(VILLAGE, gazetteer), "Ballymacoda")[0].place is None
    village = mentions_of(geo.analyze(VILLAGE, dump_index), "Ballymacoda")[0]
    assert village.place is not None
    assert village.place.id == "geonames:90000001"
    assert village.place.kind is PlaceKind.CITY and village.place.country_code == "IE"
    assert village.place.coordinate == Coordinate(51.89139, -7.93944)
    assert village.place.admin1 == "IE-M"  # the same admin1 as Cork's towns in the default


def test_features_get_our_kinds_and_the_rest_is_left_out(dump_index: geo.Gazetteer) -> None:
    (galtymore,) = _hits(dump_index, "Galteemore")  # an alternate name
    assert galtymore.name == "Galtymore" and galtymore.kind is PlaceKind.LANDMARK
    assert [p.kind for p in _hits(dump_index, "River Lee")] == [PlaceKind.WATER]
    assert [p.kind for p in _hits(dump_index, "Ballymacoda Bay")] == [PlaceKind.WATER]
    assert _hits(dump_index, "Tyneham") == []  # an abandoned village (PPLQ)
    # a school, of little news value (Schull's Irish name is the same)
    assert [p.name for p in _hits(dump_index, "Scoil Mhuire")] == ["Schull"]


def test_places_already_in_the_index_are_not_added_twice(
    dump_index: geo.Gazetteer, gazetteer: geo.Gazetteer
) -> None:
    # Youghal is in cities500 and in the dump, under one GeoNames id
    assert [p.id for p in _hits(dump_index, "Youghal")] == ["geonames:2960869"]
    countries = [p.id for p in _hits(dump_index, "Ireland") if p.kind is PlaceKind.COUNTRY]
    assert countries == ["country:IE"]
    # a lake the Natural Earth table has: the default point stands, no second Loch Ness
    assert [p.id for p in _hits(dump_index, "Loch Ness")] == [
        p.id for p in _hits(gazetteer, "Loch Ness")
    ]
    # new: the 12 hand-written rows worth indexing; the 240 towns and Ireland were there
    assert len(dump_index) - len(gazetteer) == 12


def test_the_admin_codes_add_english_names(dump_index: geo.Gazetteer) -> None:
    munster = [p for p in _hits(dump_index, "Munster") if p.kind is PlaceKind.ADMIN1]
    assert [p.name for p in munster] == ["Cúige Mumhan"]


def test_the_index_credits_the_dump(
    dump_index: geo.Gazetteer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "the dumps IE.txt, admin1CodesASCII.txt" in dump_index.credits[0]
    assert "CC BY 4.0" in dump_index.credits[0]
    assert main(["--gazetteer", str(dump_index.path), "gazetteer", "info"]) == 0
    assert "and the dumps IE.txt, admin1CodesASCII.txt." in capsys.readouterr().out


def test_a_zipped_dump_reads_as_the_text(tmp_path: Path) -> None:
    archive = tmp_path / "IE.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "not the table\n")
        z.write(DUMP, "IE.txt")
    seen: list[int] = []
    rows = list(read_dump(archive, seen.append))
    assert [r.id for r in rows] == [r.id for r in read_dump(DUMP)]
    assert sum(seen) == DUMP.stat().st_size


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,name,lat,lon\n1,Paris,48.85,2.35\n", "has 1 tab-separated columns"),
        ("a\tb\tc\n", "has 3 tab-separated columns"),
        ("\t".join(["x"] * 19) + "\n", "no geonameid, latitude"),
        ("", "it is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    ],
)
def test_a_file_that_is_no_dump_is_one_line(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "cities1000.txt"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(InputError, match=message) as err:
        check_dumps([path])
    assert "\n" not in str(err.value) and "cities1000.txt is not a GeoNames dump" in str(err.value)


def test_a_damaged_archive_is_one_line(tmp_path: Path) -> None:
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(DUMP, "IE.txt")
    data = whole.read_bytes()
    truncated = tmp_path / "allCountries.zip"  # a download cut short
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="damaged or incomplete zip archive"):
        check_dumps([truncated])
    corrupt = tmp_path / "US.zip"  # the table's compressed bytes changed on the way
    middle = len(data) // 2
    corrupt.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64])
                        + data[middle + 64:])  # fmt: skip
    with pytest.raises(InputError, match=r"cannot read US\.zip") as err:
        list(read_dump(corrupt))
    assert "\n" not in str(err.value)


def test_the_cli_refuses_a_wrong_file_before_building(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("data.csv", "1,2,3\n")
    out = tmp_path / "index.sqlite"
    for bad in (archive, tmp_path / "missing.zip"):
        assert main(["gazetteer", "build", "--geonames", str(bad), "--output", str(out)]) == 2
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert line.startswith("newsmap: error: ")
    assert not out.exists()


def test_a_build_reads_the_dump_line_by_line(tmp_path: Path) -> None:
    """Memory is bounded: rows are written in chunks, never gathered (an index is written from
    an iterator over a file far longer than one chunk)."""
    big = tmp_path / "big.txt"
    row = DUMP.read_text(encoding="utf-8").splitlines()[0].split("\t")
    with big.open("w", encoding="utf-8") as f:
        for i in range(12_000):
            f.write("\t".join([str(100_000_000 + i), f"Hamlet {i}", *row[2:]]) + "\n")
    from geo.geonames_dump import add_dumps

    db = sqlite3.connect(":memory:")
    db.executescript(
        "CREATE TABLE place (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, kind"
        " TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER, geonameid INTEGER);"
        "CREATE TABLE name (key TEXT, rid INTEGER, form INTEGER, exact TEXT);"
    )
    summary = add_dumps(db, [big, big], 0, [])  # the second copy adds nothing
    assert (summary.read, summary.added) == (24_000, 12_000)
    assert db.execute("SELECT count(*), max(rid) FROM place").fetchone() == (12_000, 11_999)


def test_docstring_examples() -> None:
    import doctest

    import geo.geonames_dump
    import geo.sources

    for module in (geo.geonames_dump, geo.sources):
        assert doctest.testmod(module).failed == 0
