"""The one view of a result that the outputs read: an event's time and places are written the
same way in the command line's timeline, the briefing and the app's table."""

from __future__ import annotations

import geo
from geo.briefing import briefing_html
from geo.report.safe import html
from geo.report.views import event_views, when_label
from geo.serialize import event_table


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
