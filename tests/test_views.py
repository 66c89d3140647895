"""The one view of a result that the outputs read: an event's time and places are written the
same way in the command line's timeline, the briefing and the app's table."""

from __future__ import annotations

import csv
import io

import pytest

import geo
from geo.briefing import briefing_html
from geo.export import to_csv, to_geojson, to_kml
from geo.export.geojson import event_features, place_features, route_features
from geo.report.safe import html
from geo.report.style import ROUTE_COLOURS, VERDICT_COLOURS
from geo.report.text import print_events
from geo.report.views import build_report, event_views, when_label
from geo.serialize import claim_table, event_table


def test_a_modified_time_keeps_its_modifier(sample: geo.Analysis) -> None:
    labels = {when_label(e) for e in sample.events}
    assert "from 2023-09-12" in labels and "until 2023-09-13" in labels
    untimed = [e for e in sample.events if e.time is None]
    assert untimed and {when_label(e) for e in untimed} == {""}


def test_every_output_writes_the_timeline_from_the_views(
    sample: geo.Analysis, gazetteer: geo.Gazetteer
) -> None:
    views = event_views(sample)
    assert views and len(views) == len(sample.placed_events)
    table = event_table(sample)
    assert [row["when"] for row in table] == [v.when for v in views]
    assert [row["where"] for row in table] == [", ".join(v.where) for v in views]
    page = briefing_html(sample, gazetteer)
    for v in views:
        assert html(", ".join(v.where)) in page
    assert len(event_views(sample, every=True)) == len(sample.events)


def test_tables_name_kinds_in_a_readers_words(gazetteer: geo.Gazetteer) -> None:
    from geo.serialize import place_table

    analysis = geo.analyze("Police in Louisville, Kentucky, arrested a man.", gazetteer)
    kinds = {row["mention"]: row["kind"] for row in place_table(analysis)}
    assert kinds == {"Louisville": "city or town", "Kentucky": "state/province"}


def test_a_leg_is_written_the_same_in_every_output(
    sample: geo.Analysis, gazetteer: geo.Gazetteer, capsys: pytest.CaptureFixture[str]
) -> None:
    report = build_report(sample)
    assert report.legs
    summaries = [v.summary for v in report.legs]
    assert any(s.startswith("Pyongyang → ") for s in summaries)
    page = briefing_html(sample, gazetteer)
    kml = to_kml(report)
    names = [f["properties"]["name"] for f in route_features(report)]
    print_events(sample, report=report)
    printed = capsys.readouterr().out
    for view in report.legs:
        assert html(view.summary) in page
        assert view.summary in printed
        assert view.title in names
        assert html(view.title) in kml
    # one colour per journey, the same on the map's legend, in GeoJSON and in KML
    for view in report.legs:
        rgb = view.colour.lstrip("#")
        assert f"{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}</color>" in kml  # KML's blue-green-red order
        assert view.colour in ROUTE_COLOURS


def test_claims_take_their_colour_and_numbers_from_the_view(
    sample: geo.Analysis, gazetteer: geo.Gazetteer
) -> None:
    report = build_report(sample)
    assert report.claims
    rows = claim_table(report)
    assert [r["numbers"] for r in rows] == [k.numbers for c in report.claims for k in c.checks]
    page = briefing_html(sample, gazetteer)
    document = to_geojson(report)
    claims = [
        f["properties"] for f in document["features"] if f["properties"]["feature"] == "claim"
    ]
    for view in report.claims:
        assert view.colour == VERDICT_COLOURS[view.claim.verdict]
        assert f"border-color:{view.colour}" in page
        for check in view.checks:
            assert html(check.numbers) in page
    assert {c["colour"] for c in claims} <= set(VERDICT_COLOURS.values())


def test_csv_and_geojson_write_the_same_dates_and_kinds(sample: geo.Analysis) -> None:
    report = build_report(sample)
    events = list(csv.DictReader(io.StringIO(to_csv(report, "events"))))
    assert [r["date"] for r in events] == [v.date for v in report.events]
    assert [r["time"] for r in events] == [v.when for v in report.events]
    dated = [f["properties"]["date"] for f in event_features(report)]
    assert dated == [v.date or None for v in report.events if v.point is not None]
    places = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert [r["kind"] for r in places] == [v.kind for v in report.mentions]
    kinds = {f["properties"]["name"]: f["properties"]["kind_words"] for f in place_features(report)}
    assert kinds == {v.name: v.kind for v in report.places}
    assert "state/province" in kinds.values() or "country" in kinds.values()
    assert "admin1" not in {r["kind"] for r in places}
