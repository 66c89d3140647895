"""Charts drawn in the browser by Vega-Lite (via Altair) from our own data: the events on a
time axis. No network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.models import Analysis
from geo.serialize import event_table

if TYPE_CHECKING:
    import altair as alt

__all__ = ["timeline_chart"]


def timeline_chart(analysis: Analysis) -> alt.Chart | None:
    """The dated events on a time axis, coloured by certainty; ``None`` without dates."""
    rows = [r for r in event_table(analysis) if r["date"]]
    if not rows:
        return None
    # imported here (~0.3 s), so that the app's first page sends its map before paying it
    import altair as alt

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
