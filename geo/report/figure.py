"""A static figure of the story for reports and slides: PNG, SVG or PDF at a chosen size, with
headline, subtitle, labels, legend, source line and credits, and no controls.

Drawn with matplotlib (the Agg canvas, never a GUI) from the shapely geometries the analysis
already has, instead of a screenshot of the interactive page: vector output for print, text
that stays text in SVG and PDF, and a figure in well under a second where a headless browser
took twelve. Every string from the article or the reader reaches matplotlib through
:func:`geo.report.safe.figure_text` with ``parse_math=False``, so ``$...$`` is no formula.

Sizes and formats are in :mod:`geo.report.presets`.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

import matplotlib
import shapely
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.transforms import Bbox
from shapely.geometry.base import BaseGeometry

from geo.gazetteer import Gazetteer
from geo.models import Analysis
from geo.report import layers
from geo.report.frame import frame_story
from geo.report.headline import default_title
from geo.report.labels import place_labels
from geo.report.presets import FigureFormat, FigureSize, Preset
from geo.report.safe import figure_text
from geo.report.views import build_report

__all__ = ["FigureFormat", "FigureSize", "build_figure", "render_figure"]


_RC: dict[Any, Any] = {
    "text.usetex": False,  # never LaTeX: the article's text is not markup
    "text.parse_math": False,  # and never mathtext
    "svg.fonttype": "none",  # text stays text in the SVG: searchable, editable, accessible
    "pdf.fonttype": 42,  # TrueType in the PDF, editable in a layout program
    "svg.hashsalt": "newsmap",  # the same figure gives the same SVG ids
    "font.family": ["DejaVu Sans"],
}
_MARGIN_IN = 0.3  # around the map, at the report column's scale
_TITLE_PT, _SUBTITLE_PT, _FOOT_PT = 16.0, 10.5, 6.5
_INK, _MUTED = "#1b1b1b", "#5a5a5a"


def build_figure(
    analysis: Analysis,
    gazetteer: Gazetteer,
    *,
    size: FigureSize = FigureSize.COLUMN,
    title: str = "",
    subtitle: str = "",
    source: str = "",
) -> Figure:
    """The story's figure, drawn and labelled, on an Agg canvas.

    Parameters
    ----------
    analysis
        The result of :func:`geo.analyze`.
    gazetteer
        The gazetteer, for the country outlines.
    size
        The preset: ``slide``, ``column`` or ``square``.
    title, subtitle, source
        The headline (by default, one made from the story), a line under it, and who
        reported the story, shown as "Source: ..." above the credits.

    Returns
    -------
    matplotlib.figure.Figure
        Its labels are the texts whose gid starts with ``newsmap-label``.
    """
    preset = size.preset
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(preset.width_in, preset.height_in), dpi=preset.dpi)
        canvas = FigureCanvasAgg(fig)
        top, bottom = _frame_text(fig, analysis, preset, title, subtitle, source)
        margin_x = _MARGIN_IN * preset.scale / preset.width_in
        ax = fig.add_axes((margin_x, bottom, 1 - 2 * margin_x, top - bottom))
        ax.set_axis_off()
        ax.set_gid("newsmap-map")
        width_in = (1 - 2 * margin_x) * preset.width_in
        height_in = (top - bottom) * preset.height_in
        frame = frame_story(analysis, aspect=width_in / height_in)
        ax.set_xlim(frame.xmin, frame.xmax)
        ax.set_ylim(frame.ymin, frame.ymax)
        ax.set_aspect("equal", adjustable="box")
        named = layers.countries_named(analysis)
        areas = layers.draw_outlines(ax, frame, gazetteer, named, preset.scale)
        scene = layers.draw_story(ax, build_report(analysis), frame, preset.scale)
        legend = layers.draw_legend(ax, scene, preset.scale, bool(named))
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]  # untyped upstream
        markers = scene.marker_boxes(ax, fig.dpi)
        corner = _place_legend(legend, renderer, markers, scene.display_lines(ax))
        bar = layers.draw_scale_bar(ax, frame, preset.scale, left="right" in corner)
        obstacles = [
            *markers,
            legend.get_window_extent(renderer),
            *(artist.get_window_extent(renderer) for artist in bar),
        ]
        place_labels(ax, renderer, [*scene.labels, *areas], obstacles=obstacles,
                     lines=scene.display_lines(ax))  # fmt: skip
    return fig


_CORNERS: tuple[Any, ...] = ("lower left", "lower right", "upper left", "upper right")
_COVERED_MARKER = 10  # hiding a place is worse than hiding ten stretches of line


def _place_legend(
    legend: Legend, renderer: RendererBase, markers: list[Bbox], lines: BaseGeometry | None
) -> str:
    """Put the legend in the corner where it hides the fewest places and lines."""

    def cost(corner: Any) -> int:
        legend.set_loc(corner)
        box = legend.get_window_extent(renderer)
        hidden = sum(_COVERED_MARKER for m in markers if box.overlaps(m))
        if lines is not None:
            cut = shapely.intersection(lines, shapely.box(box.x0, box.y0, box.x1, box.y1))
            hidden += int(cut.length // 20)  # one per 20 px of line hidden
        return hidden

    best: str = min(_CORNERS, key=cost)
    legend.set_loc(best)  # type: ignore[arg-type]  # one of _CORNERS, a literal matplotlib knows
    return best


def render_figure(
    analysis: Analysis,
    gazetteer: Gazetteer,
    fmt: FigureFormat | str,
    *,
    size: FigureSize | str = FigureSize.COLUMN,
    title: str = "",
    subtitle: str = "",
    source: str = "",
) -> bytes:
    """The figure of :func:`build_figure` as the bytes of a PNG, SVG or PDF file.

    Raises
    ------
    ValueError
        For a format or size that is not one of :class:`FigureFormat` or :class:`FigureSize`.
    """
    fmt, size = FigureFormat(fmt), FigureSize(size)
    fig = build_figure(analysis, gazetteer, size=size, title=title, subtitle=subtitle,
                       source=source)  # fmt: skip
    out = io.BytesIO()
    with matplotlib.rc_context(_RC):
        metadata = (
            {"Creator": "newsmap"} if fmt is not FigureFormat.PNG else {"Software": "newsmap"}
        )
        fig.savefig(out, format=fmt.value, dpi=size.preset.dpi, metadata=metadata)
    return out.getvalue()


def _frame_text(
    fig: Figure,
    analysis: Analysis,
    preset: Preset,
    title: str,
    subtitle: str,
    source: str,
) -> tuple[float, float]:
    """Headline and subtitle at the top, source and credits at the foot; returns the top
    and bottom of the room left for the map, as fractions of the figure's height."""
    s, height_pt = preset.scale, preset.height_in * 72
    left = _MARGIN_IN * s / preset.width_in
    chars = preset.width_in * 72 * (1 - 2 * left)  # a line's width in points
    y = 1 - _MARGIN_IN * s / preset.height_in
    for text, size, weight, colour in (
        (title.strip() or default_title(analysis), _TITLE_PT * s, "bold", _INK),
        (subtitle.strip(), _SUBTITLE_PT * s, "normal", _MUTED),
    ):
        if not text:
            continue
        lines = textwrap.wrap(figure_text(text), width=max(20, int(chars / (size * 0.55))))[:3]
        fig.text(left, y, "\n".join(lines), fontsize=size, fontweight=weight, color=colour,
                 va="top", ha="left", parse_math=False, gid="newsmap-title")  # fmt: skip
        y -= len(lines) * size * 1.3 / height_pt + 0.25 * size / height_pt
    foot = [f"Source: {source.strip()}"] if source.strip() else []
    if analysis.published is not None:
        foot.append(f"Article published {analysis.published.isoformat()}")
    foot += ["Map: newsmap", *analysis.credits]
    size = _FOOT_PT * s
    lines = textwrap.wrap(figure_text(" · ".join(foot)), width=max(30, int(chars / (size * 0.6))))
    bottom = _MARGIN_IN * s / preset.height_in * 0.6
    fig.text(left, bottom, "\n".join(lines), fontsize=size, color=_MUTED, va="bottom",
             ha="left", parse_math=False, gid="newsmap-credits")  # fmt: skip
    bottom += (len(lines) * size * 1.3 + 6 * s) / height_pt
    return y - 4 * s / height_pt, bottom
