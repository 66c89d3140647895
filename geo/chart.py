"""A quick overview map drawn entirely in the browser from our own data (Vega-Lite via
Altair): Natural Earth country outlines and the article's places. No tiles, no network."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import altair as alt
import shapely

from geo.gazetteer import Gazetteer
from geo.models import Analysis, PlaceKind
from geo.serialize import event_table, place_table

__all__ = ["overview_chart", "timeline_chart"]


@lru_cache(maxsize=4)
def _outlines(gazetteer: Gazetteer) -> dict[str, Any]:
    features = []
    for place, shape in gazetteer.shapes(PlaceKind.COUNTRY):
        simple = shapely.simplify(shape, 0.15, preserve_topology=True)
        # Vega-Lite expects clockwise outer rings (d3's spherical convention)
        oriented = shapely.orient_polygons(simple, exterior_cw=True)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": place.name},
                "geometry": shapely.geometry.mapping(oriented),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def overview_chart(
    analysis: Analysis, gazetteer: Gazetteer, *, height: int = 420
) -> alt.LayerChart | alt.FacetChart:
    """Country outlines with one dot per place, sized by its number of mentions."""
    rows = [r for r in place_table(analysis) if r["lat"] is not None]
    counts: dict[tuple[str, float, float], int] = {}
    for r in rows:
        key = (r["place"], r["lat"], r["lon"])
        counts[key] = counts.get(key, 0) + 1
    points = [{"place": k[0], "lat": k[1], "lon": k[2], "mentions": n} for k, n in counts.items()]
    outlines = alt.Data(values=_outlines(gazetteer)["features"])  # type: ignore[no-untyped-call]
    base = (
        alt.Chart(outlines)
        .mark_geoshape(fill="#eef0f2", stroke="#9aa3ab", strokeWidth=0.4)
        .properties(height=height)
    )
    dots = (
        alt.Chart(alt.Data(values=points))  # type: ignore[no-untyped-call]
        .mark_circle(color="#c0392b", opacity=0.8)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size("mentions:Q", scale=alt.Scale(range=[40, 400]), legend=None),
            tooltip=["place:N", "mentions:Q", "lat:Q", "lon:Q"],
        )
    )
    return alt.layer(base, dots).project(type="equalEarth")


def timeline_chart(analysis: Analysis) -> alt.Chart | None:
    """The dated events on a time axis, coloured by certainty; ``None`` without dates."""
    rows = [r for r in event_table(analysis) if r["date"]]
    if not rows:
        return None
    chart: alt.Chart = (
        alt.Chart(alt.Data(values=rows))  # type: ignore[no-untyped-call]
        .mark_circle(size=140, opacity=0.85)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("action:N", title=None),
            color=alt.Color("certainty:N", legend=alt.Legend(orient="bottom")),
            tooltip=["when:N", "action:N", "who:N", "where:N", "certainty:N", "source:N"],
        )
        .properties(height=220)
    )
    return chart
