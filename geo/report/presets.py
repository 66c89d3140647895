"""The sizes and formats of a static figure, apart from the drawing so that the command line
can offer them without importing matplotlib.

>>> FigureSize.SLIDE.pixels
(1920, 1080)
>>> FigureFormat("svg").media_type
'image/svg+xml'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["FigureFormat", "FigureSize", "Preset"]


class FigureFormat(StrEnum):
    """The file a figure is written as."""

    PNG = "png"
    SVG = "svg"
    PDF = "pdf"

    @property
    def media_type(self) -> str:
        return {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}[self.value]


@dataclass(frozen=True, slots=True)
class Preset:
    width_in: float
    height_in: float
    dpi: int
    scale: float  # type size against the report column's


class FigureSize(StrEnum):
    """Where the figure goes: a 16:9 slide, a report's column, a square post."""

    SLIDE = "slide"
    COLUMN = "column"
    SQUARE = "square"

    @property
    def preset(self) -> Preset:
        return _PRESETS[self]

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height of the PNG."""
        p = self.preset
        return round(p.width_in * p.dpi), round(p.height_in * p.dpi)


_PRESETS = {
    # a slide is seen from across a room: 16 in at 120 dpi is 1920x1080, with larger type
    FigureSize.SLIDE: Preset(16.0, 9.0, 120, 1.5),
    FigureSize.COLUMN: Preset(8.0, 6.0, 150, 1.0),  # 1200x900, a report column at 150 dpi
    FigureSize.SQUARE: Preset(7.2, 7.2, 150, 1.0),  # 1080x1080
}
