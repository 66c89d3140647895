"""The map through its folium objects and its rendered HTML (ids normalised, no snapshots)."""

from __future__ import annotations

import json
import re
from datetime import date

import folium
import pytest
from conftest import elements_of

import geo
from geo.briefing import briefing_html
from geo.controls import Bindings, Legend
from geo.geodesy import midpoint
from geo.mapview import MapSetup, StoryView
from geo.render import build_map

PAYLOAD = (
    "Protesters in Kyiv chanted <script>window.__pwned=1</script> and "
    '<img src=x onerror="window.__pwned=2"> `${window.__pwned=3}` \\u0060 while '
    "officials in Lviv watched."
)


def normalised(html: str) -> str:
    """Rendered HTML with branca's random ids replaced by stable ones."""
    ids: dict[str, str] = {}

    def stable(m: re.Match[str]) -> str:
        return ids.setdefault(m.group(0), f"{m.group(1)}_{len(ids)}")

    return re.sub(r"\b([a-z_]+)_([0-9a-f]{32})\b", stable, html)


@pytest.fixture(scope="module")
def sample_map(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> folium.Map:
    return build_map(sample, gazetteer)


def children_named(fmap: folium.Map, name: str) -> list[object]:
    return [c for c in fmap._children.values() if getattr(c, "layer_name", None) == name]


def test_layers_and_controls(sample_map: folium.Map) -> None:
    for name in ("Places", "Governments and organisations", "Routes", "Checked claims", "Events"):
        assert children_named(sample_map, name), name
    kinds = {type(c).__name__ for c in sample_map._children.values()}
    assert {"LayerControl", "Outlines", "MapSetup", "TileLayer"} <= kinds
    # the story's own elements are in its groups, which take them off the map with them
    (events,) = children_named(sample_map, "Events")
    assert "Timeline" in {type(c).__name__ for c in events._children.values()}  # type: ignore[attr-defined]
    (view,) = children_named(sample_map, "Story")
    assert view.control is False  # type: ignore[attr-defined]  # the reader cannot switch it off
    assert {"Legend", "StoryView"} <= {type(c).__name__ for c in view._children.values()}  # type: ignore[attr-defined]
    groups = [c for c in sample_map._children.values() if isinstance(c, folium.FeatureGroup)]
    assert groups[-1] is view  # the view last: its start and end frame the story
    (osm,) = [c for c in sample_map._children.values() if isinstance(c, folium.TileLayer)]
    assert osm.show is False  # online tiles are offered, not loaded


def test_place_markers_are_sized_by_mentions(sample_map: folium.Map) -> None:
    (places,) = children_named(sample_map, "Places")
    markers = [c for c in places._children.values() if isinstance(c, folium.CircleMarker)]  # type: ignore[attr-defined]
    radii = {c.location[0]: c.options["radius"] for c in markers}
    pyongyang = next(r for lat, r in radii.items() if abs(lat - 39.03) < 0.1)
    beijing = next(r for lat, r in radii.items() if abs(lat - 39.91) < 0.1)
    assert pyongyang > beijing


def test_schematic_legs_are_dashed_and_flights_are_not(sample_map: folium.Map) -> None:
    (routes,) = children_named(sample_map, "Routes")
    lines = [c for c in routes._children.values() if isinstance(c, folium.PolyLine)]  # type: ignore[attr-defined]
    dashed = [line for line in lines if line.options.get("dashArray")]
    solid = [line for line in lines if not line.options.get("dashArray")]
    assert len(dashed) >= 2 and solid  # Kim's two rail legs; Biden's flight and arrowheads


def test_rendered_html_is_self_contained(sample_map: folium.Map) -> None:
    html = sample_map.get_root().render()
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html)
    for host in ("cdn.jsdelivr", "cdnjs.cloudflare", "code.jquery", "netdna", "unpkg.com"):
        assert host not in html
    assert "L.map(" in html and "jQuery" in html  # Leaflet and jQuery are inlined
    assert "tile.openstreetmap.org" in html  # the online layer exists, switched off
    assert len(html.encode()) < 1_500_000


def test_popups_quote_sentences_with_the_mention_marked(sample_map: folium.Map) -> None:
    (places,) = children_named(sample_map, "Places")
    (bindings,) = [c for c in places._children.values() if isinstance(c, Bindings)]  # type: ignore[attr-defined]
    popups = [popup for popup, *_ in json.loads(bindings.items_json)]
    assert any("<mark>Vladivostok</mark>" in p and "confidence" in p for p in popups)
    page = normalised(sample_map.get_root().render())
    assert bindings.items_json in page  # as data, not compiled: the text is unchanged


def test_everything_from_the_article_is_escaped(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze(PAYLOAD, gazetteer, published=date(2024, 5, 1))
    page = briefing_html(analysis, gazetteer)
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page
    assert "${window.__pwned" not in page
    assert "&lt;script&gt;" in page


def test_no_text_goes_through_folium_popups_or_tooltips(sample_map: folium.Map) -> None:
    """Every popup and tooltip is bound from data by our own element; folium's Popup and
    Tooltip compile their text as a Jinja template."""

    elements = elements_of(sample_map)
    assert not [e for e in elements if isinstance(e, folium.Popup | folium.Tooltip)]
    bindings = [e for e in elements if isinstance(e, Bindings)]
    assert len(bindings) == 5  # one a group: places, organisations, events, routes and claims
    assert sum(b.layers.count(",") + 1 for b in bindings) > 20


def test_briefing_panel(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    page = briefing_html(sample, gazetteer, title="Kim's train <to> Russia")
    assert page.index('class="folium-map"') < page.index("<section class='newsmap-briefing'>")
    for heading in ("Timeline", "Distance and direction claims", "Journeys", "Places", "Data"):
        assert f"<h2>{heading}</h2>" in page
    assert "Kim&#39;s train &lt;to&gt; Russia" in page
    assert "GeoNames" in page and "CC BY 4.0" in page
    assert "@media print" in page
    assert "Tumen River Friendship Bridge" in page


def test_briefing_subtitle_and_source(sample: geo.Analysis, gazetteer: geo.Gazetteer) -> None:
    page = briefing_html(sample, gazetteer, title="Kim's train", subtitle="Day <2> {{ 6*9 }}",
                         source="KCNA & Reuters")  # fmt: skip
    assert "<p class='subtitle'>Day &lt;2&gt; &#123;&#123; 6*9 &#125;&#125;</p>" in page
    assert "<p class='source'>Source: KCNA &amp; Reuters</p>" in page
    assert "class='subtitle'" not in briefing_html(sample, gazetteer)


def test_one_place_story_has_a_finite_frame_and_a_label(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("Heavy rain fell in Lyon on Monday.", gazetteer,
                           published=date(2023, 9, 11))  # fmt: skip
    fmap = build_map(analysis, gazetteer)
    (view,) = [e for e in elements_of(fmap) if isinstance(e, StoryView)]
    (south, west), (north, east) = json.loads(view.story_json)
    assert north - south > 0.5 and east - west > 0.5
    assert json.loads(view.labels_json)[0][2] == "Lyon"
    (setup,) = [e for e in elements_of(fmap) if isinstance(e, MapSetup)]
    assert 0 < view.fit_max_zoom < setup.max_zoom <= 19
    assert fmap.options["scroll_wheel_zoom"] is False  # until a click on the map


def test_legend_names_kinds_and_journeys_in_plain_words(sample_map: folium.Map) -> None:
    (legend,) = [c for c in elements_of(sample_map) if isinstance(c, Legend)]
    body = json.loads(legend.body_json)
    assert "Kim Jong Un" in body and "Joe Biden" in body
    assert "city or town" in body and "border or crossing" in body
    assert "admin1" not in body


def test_events_ring_their_place_instead_of_covering_it(sample_map: folium.Map) -> None:
    (places,) = children_named(sample_map, "Places")
    (events,) = children_named(sample_map, "Events")
    markers = [c for c in places._children.values() if isinstance(c, folium.CircleMarker)]  # type: ignore[attr-defined]
    radius = {tuple(c.location): c.options["radius"] for c in markers}
    rings = [c for c in events._children.values() if isinstance(c, folium.CircleMarker)]  # type: ignore[attr-defined]
    locations = [tuple(r.location) for r in rings]
    assert len(locations) == len(set(locations))  # one marker per place
    for ring in rings:
        if tuple(ring.location) in radius:
            assert ring.options["fill"] is False
            assert ring.options["radius"] > radius[tuple(ring.location)]


def test_leg_labels_at_the_geodesic_midpoint(sample: geo.Analysis, sample_map: folium.Map) -> None:
    (view,) = [e for e in elements_of(sample_map) if isinstance(e, StoryView)]
    legs = [label for label in json.loads(view.labels_json) if label[3] == "newsmap-length"]
    assert len(legs) == 3  # one label a leg
    (biden,) = [j for j in sample.journeys if j.actor == "Joe Biden"]
    middle = midpoint(biden.legs[0].start.coordinate, biden.legs[0].end.coordinate)
    assert any(abs(lat - middle.lat) < 1e-3 and abs(lon - middle.lon) < 1e-3
               for lat, lon, *_ in legs)  # fmt: skip


def test_claim_lines_split_at_the_antimeridian(gazetteer: geo.Gazetteer) -> None:
    text = "Anadyr is about 1,000 km west of Nome, officials said on Monday."
    analysis = geo.analyze(text, gazetteer, published=date(2024, 5, 1))
    if not analysis.claims:
        pytest.skip("no claim found in the fixture sentence")
    fmap = build_map(analysis, gazetteer)
    (claims,) = children_named(fmap, "Checked claims")
    for line in claims._children.values():  # type: ignore[attr-defined]
        lons = [lon for _, lon in line.locations]
        assert max(lons) - min(lons) < 180  # never drawn across the world
