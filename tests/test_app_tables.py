"""The places tab's list: one row per place, in the order of the grid, every text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import geo
from geo.app.tables import place_list_html, place_rows


def test_the_list_has_the_rows_of_the_grid(sample: geo.Analysis) -> None:
    rows = place_rows(sample)
    listed = ET.fromstring(place_list_html(rows))
    details = list(listed.iter("details"))
    assert [d.findtext("summary/b") for d in details] == [r.place for r in rows]
    for d, r in zip(details, rows, strict=True):
        assert [li.text for li in d.iter("li")] == list(r.sentences)
        assert f"{len(r.mentions)} mention" in (d.findtext("summary/span") or "")


def test_the_list_escapes_the_article(gazetteer: geo.Gazetteer) -> None:
    text = (
        'Troops left Kyiv <img src=x onerror="alert(1)"> for {{ 7*7 }} Lviv on Monday. '
        "They reached Lviv <script>alert(2)</script> at night."
    )
    page = place_list_html(place_rows(geo.analyze(text, gazetteer)))
    assert "<img" not in page and "<script" not in page and "{{" not in page
    listed = ET.fromstring(page)  # still well-formed: the text is text
    words = " ".join(listed.itertext())
    assert '<img src=x onerror="alert(1)">' in words and "<script>alert(2)</script>" in words


def test_no_place_is_said() -> None:
    assert "No place found." in place_list_html(())
