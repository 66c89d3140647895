"""GeoJSON, KML, CSV and PNG exports, from the real pipeline on the sample and small articles."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

import geojson
import pytest

import geo
from geo.export import FORMATS, KML_NS, export_bytes, to_csv, to_geojson, to_kml
from geo.models import QUOTE_CHARS

NS = {"k": KML_NS}
PUBLISHED = date(2024, 1, 10)
PACIFIC_FLIGHT = "The president flew from Tokyo to San Francisco on Monday."
PACIFIC_CLAIM = "Honolulu is about 3,850 miles east of Tokyo."
HOSTILE = (
    '=HYPERLINK("http://evil.example","Paris") Protesters marched in Paris on Monday. '
    "Police in Berlin said <script>alert(1)</script> was found ]]> at Smith & Sons.\x0b"
)


def features(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in doc["features"] if f["properties"]["feature"] == kind]


def lines_of(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Point":
        return [[geometry["coordinates"]]]
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiLineString"
    return list(geometry["coordinates"])


def positions(doc: dict[str, Any]) -> Iterator[list[float]]:
    for f in doc["features"]:
        for line in lines_of(f["geometry"]):
            yield from line


def assert_rfc7946(doc: dict[str, Any]) -> None:
    """Valid to the ``geojson`` package, and what it does not check: WGS84 ranges with
    longitude first, six decimals, no ``crs``, no segment across the antimeridian."""
    parsed = geojson.loads(json.dumps(doc))
    assert parsed.is_valid, parsed.errors()
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    for lon, lat in positions(doc):
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert round(lon, 6) == lon and round(lat, 6) == lat
    for f in doc["features"]:
        for line in lines_of(f["geometry"]):
            for (x0, _), (x1, _) in itertools.pairwise(line):
                assert abs(x1 - x0) <= 180, f["properties"]["name"]


@pytest.fixture(scope="module")
def sample_doc(sample: geo.Analysis) -> dict[str, Any]:
    return to_geojson(sample)


@pytest.fixture(scope="module")
def pacific(gazetteer: geo.Gazetteer) -> geo.Analysis:
    return geo.analyze(PACIFIC_FLIGHT, gazetteer, published=PUBLISHED)


@pytest.fixture(scope="module")
def hostile(gazetteer: geo.Gazetteer) -> geo.Analysis:
    return geo.analyze(HOSTILE, gazetteer, published=PUBLISHED)


# --- GeoJSON -------------------------------------------------------------------------------


def test_sample_geojson_is_valid_rfc7946(sample_doc: dict[str, Any]) -> None:
    assert_rfc7946(sample_doc)
    assert json.loads(json.dumps(sample_doc)) == sample_doc  # plain JSON data throughout


def test_positions_are_longitude_first(sample_doc: dict[str, Any]) -> None:
    (pyongyang,) = [
        f for f in features(sample_doc, "place") if f["properties"]["name"] == "Pyongyang"
    ]
    lon, lat = pyongyang["geometry"]["coordinates"]
    assert lon == pytest.approx(125.75, abs=0.01)
    assert lat == pytest.approx(39.03, abs=0.01)
    (washington,) = [
        f for f in features(sample_doc, "place") if f["properties"]["name"] == "Washington"
    ]
    assert washington["geometry"]["coordinates"][0] == pytest.approx(-77.04, abs=0.01)


def test_sample_has_every_feature_kind(sample: geo.Analysis, sample_doc: dict[str, Any]) -> None:
    places = features(sample_doc, "place")
    assert [f["properties"]["name"] for f in places] == [p.name for p in sample.places()]
    assert all(f["geometry"]["type"] == "Point" for f in places)
    assert features(sample_doc, "event")
    routes = [f["properties"] for f in features(sample_doc, "route")]
    kim_rail = [r for r in routes if r["actor"] == "Kim Jong Un" and r["mode"] == "rail"]
    assert kim_rail[0]["from"] == "Pyongyang"
    assert kim_rail[-1]["to"] == "Vladivostok"
    assert all(r["schematic"] for r in kim_rail)
    (biden,) = [r for r in routes if r["actor"] == "Joe Biden"]
    assert (biden["mode"], biden["from"], biden["to"]) == ("air", "India", "Vietnam")
    assert biden["length_km"] > 2000
    (claim,) = features(sample_doc, "claim")
    props = claim["properties"]
    assert props["verdict"] == "loose"
    assert "Vladivostok" in props["sentence"] or props["subject"]["place"]["name"] == "Vladivostok"
    assert any("north-east" in e for e in props["explanations"])
    start, end = claim["geometry"]["coordinates"][0], claim["geometry"]["coordinates"][-1]
    assert start == pytest.approx([125.75432, 39.03385])  # from the reference, Pyongyang
    assert end == pytest.approx([131.87353, 43.10562])  # to the subject, Vladivostok
    assert sample_doc["attribution"] == list(sample.credits)
    assert any("GeoNames" in c for c in sample_doc["attribution"])


def test_place_properties_summarise_their_mentions(
    sample: geo.Analysis, sample_doc: dict[str, Any]
) -> None:
    (korea,) = [f for f in features(sample_doc, "place") if f["properties"]["id"] == "country:KP"]
    props = korea["properties"]
    mentions = [m for m in sample.resolved if m.place is not None and m.place.id == "country:KP"]
    assert props["mentions"] == len(mentions) == len(props["sources"])
    assert props["confidence"] == max(m.confidence for m in mentions)
    assert props["country_code"] == "KP" and props["kind"] == "country"
    assert props["geonameid"] == 1873107
    assert set(props["references"]) <= {"location", "organisation"}
    for source in props["sources"]:
        assert sample.text[source["start"] : source["end"]] == source["mention"]
        offset = source["sentence_start"]
        quoted = source["text"][source["start"] - offset : source["end"] - offset]
        assert quoted == source["mention"]


def test_event_features_stand_at_their_first_place(
    sample: geo.Analysis, sample_doc: dict[str, Any]
) -> None:
    events = features(sample_doc, "event")
    placed = [e for e in sample.events if any(sample.mentions[p.mention].place for p in e.places)]
    assert len(events) == len(placed)
    (arrival,) = [f for f in events if f["properties"]["action"] == "arrive"]
    props = arrival["properties"]
    assert props["actors"] == ["Vladimir Putin"]
    assert props["date"] == "2023-09-11"
    assert props["certainty"] == "reported"
    assert "TASS" in props["source"]
    assert [p["role"] for p in props["places"]] == ["destination"]
    assert arrival["geometry"]["coordinates"] == pytest.approx([131.87353, 43.10562])
    (visit,) = [
        f
        for f in events
        if f["properties"]["action"] == "visit" and f["properties"]["actors"] == ["Sergei Shoigu"]
    ]
    assert visit["properties"]["date"] == "2023-07"  # "in July": no finer than the article


def test_route_across_the_antimeridian_is_split(pacific: geo.Analysis) -> None:
    doc = to_geojson(pacific)
    assert_rfc7946(doc)
    (route,) = features(doc, "route")
    assert route["properties"]["from"] == "Tokyo"
    assert route["properties"]["to"] == "San Francisco"
    assert route["properties"]["mode"] == "air"
    geometry = route["geometry"]
    assert geometry["type"] == "MultiLineString"
    west, east = geometry["coordinates"]
    assert all(lon >= 0 for lon, _ in west) and west[-1][0] == 180
    assert all(lon <= 0 for lon, _ in east) and east[0][0] == -180
    assert west[-1][1] == east[0][1]  # the two parts meet
    assert west[0] == pytest.approx([139.69, 35.69], abs=0.01)
    assert east[-1] == pytest.approx([-122.42, 37.77], abs=0.01)


def test_claim_across_the_antimeridian_is_split(gazetteer: geo.Gazetteer) -> None:
    doc = to_geojson(geo.analyze(PACIFIC_CLAIM, gazetteer, published=PUBLISHED))
    assert_rfc7946(doc)
    (claim,) = features(doc, "claim")
    assert claim["properties"]["verdict"] == "holds"
    assert claim["geometry"]["type"] == "MultiLineString"
    west, east = claim["geometry"]["coordinates"]
    assert west[0][0] == pytest.approx(139.69, abs=0.01)  # from Tokyo, the reference
    assert east[-1][0] == pytest.approx(-157.86, abs=0.01)  # to Honolulu


def test_empty_article_exports(gazetteer: geo.Gazetteer) -> None:
    empty = geo.analyze("", gazetteer)
    doc = to_geojson(empty)
    assert doc["features"] == []
    assert_rfc7946(doc)
    root = ET.fromstring(to_kml(empty))
    assert len(root.findall(".//k:Placemark", NS)) == 0
    assert list(csv.reader(io.StringIO(to_csv(empty)))) == [list(csv_header("places"))]


# --- KML -----------------------------------------------------------------------------------


def test_kml_document_structure(sample: geo.Analysis) -> None:
    text = to_kml(sample)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{KML_NS}}}kml"
    document = root.find("k:Document", NS)
    assert document is not None
    assert document.findtext("k:name", namespaces=NS)
    assert "GeoNames" in (document.findtext("k:description", namespaces=NS) or "")
    folders = {f.findtext("k:name", namespaces=NS): f for f in document.findall("k:Folder", NS)}
    assert list(folders) == ["Places", "Events", "Routes", "Claims"]
    assert len(folders["Places"].findall("k:Placemark", NS)) == len(sample.places())
    assert folders["Events"].findall("k:Placemark", NS)
    assert len(folders["Routes"].findall("k:Placemark", NS)) == 3
    assert len(folders["Claims"].findall("k:Placemark", NS)) == 1
    styles = {s.get("id") for s in document.findall("k:Style", NS)}
    for url in root.iterfind(".//k:Placemark/k:styleUrl", NS):
        assert url.text is not None and url.text[1:] in styles


def test_kml_places_and_events(sample: geo.Analysis) -> None:
    root = ET.fromstring(to_kml(sample))
    places = root.find(".//k:Folder[k:name='Places']", NS)
    assert places is not None
    (pyongyang,) = [
        p
        for p in places.findall("k:Placemark", NS)
        if p.findtext("k:name", namespaces=NS) == "Pyongyang"
    ]
    coordinates = pyongyang.findtext("k:Point/k:coordinates", namespaces=NS)
    assert coordinates is not None
    lon, lat = (float(x) for x in coordinates.split(","))
    assert (lon, lat) == pytest.approx((125.75432, 39.03385))
    assert pyongyang.findtext("k:styleUrl", namespaces=NS) == "#place-city"
    assert "Pyongyang" in (pyongyang.findtext("k:description", namespaces=NS) or "")
    whens = [w.text for w in root.iterfind(".//k:Folder[k:name='Events']//k:when", NS)]
    assert "2023-09-11" in whens and "2023-07" in whens and "2019" in whens
    assert "2023-09-11T10:00:00Z" in whens  # "7 pm (1000 GMT)"


def test_kml_route_across_the_antimeridian(pacific: geo.Analysis) -> None:
    root = ET.fromstring(to_kml(pacific))
    (route,) = root.iterfind(".//k:Folder[k:name='Routes']/k:Placemark", NS)
    lines = route.findall("k:MultiGeometry/k:LineString/k:coordinates", NS)
    assert len(lines) == 2
    west = [tuple(map(float, p.split(","))) for p in (lines[0].text or "").split()]
    east = [tuple(map(float, p.split(","))) for p in (lines[1].text or "").split()]
    assert all(lon >= 0 for lon, _ in west) and all(lon <= 0 for lon, _ in east)


def test_kml_escapes_the_article(hostile: geo.Analysis) -> None:
    text = to_kml(hostile)
    assert "<script>" not in text and "&lt;script&gt;" not in text
    assert "\x0b" not in text  # not allowed in XML 1.0, even escaped
    root = ET.fromstring(text)  # still well-formed
    descriptions = [d.text or "" for d in root.iterfind(".//k:description", NS)]
    # Google Earth shows descriptions as HTML: the article's markup must arrive as text
    assert not any("<script>" in d for d in descriptions)
    quoted = "<script>alert(1)</script> was found ]]> at Smith & Sons."
    assert any(quoted in html.unescape(d) for d in descriptions)
    assert all(re.sub(r"<br>", "", d).count("<") == 0 for d in descriptions)
    names = [n.text for n in root.iterfind(".//k:Placemark/k:name", NS)]
    assert "Paris" in names and "Berlin" in names


# --- CSV -----------------------------------------------------------------------------------


def csv_header(table: Literal["places", "events"]) -> list[str]:
    return next(csv.reader(io.StringIO(to_csv(geo.Analysis("", None, ()), table))))


def test_places_csv(sample: geo.Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(sample))))
    assert list(rows[0]) == [
        "mention", "start", "end", "place", "kind", "country_code", "lat", "lon",
        "geonameid", "confidence", "reference", "sentence",
    ]  # fmt: skip
    assert len(rows) == len(sample.mentions)
    for row, mention in zip(rows, sample.mentions, strict=True):
        assert sample.text[int(row["start"]) : int(row["end"])] == row["mention"] == mention.text
        assert row["sentence"] == sample.quote(mention)
    first = next(r for r in rows if r["mention"] == "Pyongyang")
    assert (float(first["lat"]), float(first["lon"])) == pytest.approx((39.03385, 125.75432))
    # numbers are not mistaken for formulas: a western longitude stays a number
    washington = next(r for r in rows if r["place"] == "Washington")
    assert float(washington["lon"]) < 0


def test_events_csv(sample: geo.Analysis) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(sample, "events"))))
    assert list(rows[0]) == csv_header("events")
    assert len(rows) == len(sample.events)
    biden = next(r for r in rows if "Joe Biden" in r["actors"] and r["action"] == "travel")
    assert biden["places"] == "India (origin); Vietnam (destination)"
    assert biden["action"] == "travel" and biden["date"] == "2023-09-10"
    assert biden["source"] == "Finer" and biden["certainty"] == "reported"


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_csv_neutralises_formulas(hostile: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(hostile))))
    assert rows[0]["sentence"].startswith("'=HYPERLINK(")
    flight = geo.analyze("@SUM(1+1) " + PACIFIC_FLIGHT, gazetteer, published=PUBLISHED)
    events = list(csv.DictReader(io.StringIO(to_csv(flight, "events"))))
    assert events[0]["sentence"] == "'@SUM(1+1) " + PACIFIC_FLIGHT
    for analysis in (hostile, flight):
        for table in ("places", "events"):
            for row in csv.reader(io.StringIO(to_csv(analysis, table))):
                for cell in row:
                    # numbers are written as numbers: a western longitude keeps its minus
                    assert is_number(cell) or not cell.startswith(("=", "+", "-", "@")), cell


def test_export_bytes(sample: geo.Analysis) -> None:
    assert FORMATS == ("html", "geojson", "kml", "csv", "png", "svg", "pdf")
    doc = json.loads(export_bytes(sample, "geojson").decode("utf-8"))
    assert doc == to_geojson(sample)
    assert ET.fromstring(export_bytes(sample, "kml")).tag == f"{{{KML_NS}}}kml"
    assert export_bytes(sample, "csv").decode("utf-8") == to_csv(sample)
    assert export_bytes(sample, "csv", table="events").decode("utf-8") == to_csv(sample, "events")
    with pytest.raises(geo.InputError, match=r"geo\.export\.write"):
        export_bytes(sample, "png")
    with pytest.raises(geo.InputError, match="choose geojson"):
        export_bytes(sample, "docx")


def test_outputs_grow_with_the_text_not_its_square(gazetteer: geo.Gazetteer) -> None:
    """One long sentence naming a place thousands of times: every export quotes a bounded
    stretch around each mention, not the whole sentence each time."""
    sizes = {}
    for n in (600, 6000):
        analysis = geo.analyze("Paris, " * n + "was calm.", gazetteer)
        assert len(analysis.resolved) >= n
        sizes[n] = (
            len(to_csv(analysis)),
            len(json.dumps(to_geojson(analysis))),
            len(to_kml(analysis)),
        )
    for small, large in zip(sizes[600], sizes[6000], strict=True):
        assert large < 15 * small  # linear: ten times the text, about ten times the file
    assert sizes[6000][0] < 6000 * 2 * QUOTE_CHARS


def test_one_registry_names_every_file(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    """The command line's choices and the app's buttons come from one list; each entry's
    writer gives a file of its media type."""
    from geo.cli import _parser
    from geo.errors import InputError
    from geo.export import REGISTRY, ExportOptions, write

    assert tuple(f.name for f in REGISTRY) == FORMATS
    for fmt in REGISTRY:
        args = _parser().parse_args(["export", "a.txt", "--format", fmt.name, "-o", "out"])
        assert args.format == fmt.name
    with pytest.raises(InputError, match="invalid choice: 'docx'"):
        _parser().parse_args(["export", "a.txt", "--format", "docx", "-o", "out"])
    names = {f.file_name() for f in REGISTRY}
    assert len(names) == len(REGISTRY) and "newsmap-briefing.html" in names
    starts = {"html": b"<!DOCTYPE html>", "geojson": b"{", "kml": b"<?xml", "csv": b"mention,",
              "png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}  # fmt: skip
    for fmt in REGISTRY:
        data = write(fmt, sample, gazetteer, ExportOptions(size="square"))
        assert data.startswith(starts[fmt.name]), fmt.name
    with pytest.raises(InputError, match="choose one of html, geojson"):
        write("docx", sample, gazetteer)
    with pytest.raises(InputError, match="outlines"):
        write("png", sample)
