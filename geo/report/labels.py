"""Labels that do not overlap: a greedy placement over candidate positions around each point,
measured with the renderer's own text extents.

The most important label is placed first, at the first of its candidate positions (right of
the point, then left, above, below, then the diagonals, the order cartographers prefer) whose
box stays inside the map and clear of every box placed so far, of the markers and of the
legend; a position that crosses a drawn line is taken only when no clear one is left. A label
with no free position is dropped, so the least important go first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any  # matplotlib types alignments as literals; ours come from tables

import shapely
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox
from shapely.geometry.base import BaseGeometry

from geo.report.safe import figure_text

__all__ = ["LabelKind", "LabelRequest", "place_labels"]

_GAP_PT = 2.5  # between a marker's edge and its label: close enough to read as one
_PAD_PX = 2.0  # clear space kept around every label box
# (dx, dy) unit offsets in the order of preference: right, left, above, below, diagonals
_AROUND = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
_HA = {1: "left", 0: "center", -1: "right"}
_VA = {1: "bottom", 0: "center", -1: "top"}


class LabelKind(StrEnum):
    """How a label looks: a point's name, an area's name, a leg's length."""

    PLACE = "place"
    AREA = "area"
    LENGTH = "length"


@dataclass(frozen=True, slots=True)
class LabelRequest:
    """A label to place near the point ``(x, y)`` (data coordinates)."""

    text: str
    x: float
    y: float
    size_pt: float
    priority: float  # higher is placed first and dropped last
    kind: LabelKind = LabelKind.PLACE
    clearance_pt: float = 0.0  # the marker's radius: labels start past it
    bold: bool = False
    colour: str = "#1b1b1b"


def place_labels(
    ax: Axes,
    renderer: RendererBase,
    requests: Sequence[LabelRequest],
    *,
    obstacles: Sequence[Bbox] = (),
    lines: BaseGeometry | None = None,
) -> tuple[list[Annotation], list[LabelRequest]]:
    """Place ``requests`` on ``ax`` without overlap.

    Parameters
    ----------
    ax
        The map's axes, with its limits set.
    renderer
        The renderer that measures text (``canvas.get_renderer()``).
    requests
        The labels, in any order.
    obstacles
        Boxes in display pixels that no label may cover: markers, the legend.
    lines
        Drawn lines in display pixels; a label crosses one only when it must.

    Returns
    -------
    tuple
        The placed annotations, and the requests that were dropped.
    """
    inside = ax.get_window_extent(renderer)
    taken = [_padded(b) for b in obstacles]
    placed: list[Annotation] = []
    dropped: list[LabelRequest] = []
    for request in sorted(requests, key=lambda r: -r.priority):
        label = _annotation(ax, request)
        box = _position(label, request, renderer, inside, taken, lines)
        if box is None:
            label.remove()
            dropped.append(request)
            continue
        taken.append(_padded(box))
        placed.append(label)
    return placed, dropped


def _annotation(ax: Axes, request: LabelRequest) -> Annotation:
    label = ax.annotate(
        figure_text(request.text),
        (request.x, request.y),
        xytext=(0, 0),
        textcoords="offset points",
        fontsize=request.size_pt,
        fontweight="bold" if request.bold else "normal",
        fontstyle="italic" if request.kind is LabelKind.AREA else "normal",
        color=request.colour,
        parse_math=False,
        annotation_clip=False,
        zorder=6,
        gid=f"newsmap-label-{request.kind.value}",
    )
    # a soft box, not a stroked halo: a path effect would turn the SVG's text into outlines
    label.set_bbox({"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
                    "alpha": 0.7})  # fmt: skip
    return label


def _candidates(request: LabelRequest) -> list[tuple[float, float, Any, Any]]:
    if request.kind is LabelKind.AREA:  # an area's name sits on the area, nudged if it must
        step = request.size_pt
        return [(dx * step, dy * step, "center", "center") for dx, dy in ((0, 0), *_AROUND)]
    reach = request.clearance_pt + _GAP_PT
    diagonal = reach * 0.75
    return [
        (dx * (diagonal if dy else reach), dy * (diagonal if dx else reach), _HA[dx], _VA[dy])
        for dx, dy in _AROUND
    ]


def _position(
    label: Annotation,
    request: LabelRequest,
    renderer: RendererBase,
    inside: Bbox,
    taken: Sequence[Bbox],
    lines: BaseGeometry | None,
) -> Bbox | None:
    fallback: tuple[tuple[float, float, Any, Any], Bbox] | None = None
    for dx, dy, ha, va in _candidates(request):
        label.xyann = (dx, dy)
        label.set_horizontalalignment(ha)
        label.set_verticalalignment(va)
        box = label.get_window_extent(renderer)
        if not _contains(inside, box) or any(box.overlaps(t) for t in taken):
            continue
        if lines is None or not lines.intersects(shapely.box(box.x0, box.y0, box.x1, box.y1)):
            return box
        if fallback is None:
            fallback = ((dx, dy, ha, va), box)
    if fallback is None:
        return None
    (dx, dy, ha, va), box = fallback
    label.xyann = (dx, dy)
    label.set_horizontalalignment(ha)
    label.set_verticalalignment(va)
    return box


def _contains(outer: Bbox, box: Bbox) -> bool:
    return bool(
        outer.x0 <= box.x0 and box.x1 <= outer.x1 and outer.y0 <= box.y0 and box.y1 <= outer.y1
    )


def _padded(box: Bbox) -> Bbox:
    return Bbox.from_extents(box.x0 - _PAD_PX, box.y0 - _PAD_PX, box.x1 + _PAD_PX,
                             box.y1 + _PAD_PX)  # fmt: skip
