"""Every file newsmap writes, in one registry: its name on the command line, its label on a
download button, its file extension and media type, the extra it needs and the function that
writes it. The command line's ``--format`` choices and the app's download buttons both come
from :data:`REGISTRY`, so a new format is added here once.

>>> [f.name for f in REGISTRY]
['html', 'geojson', 'kml', 'csv', 'png', 'svg', 'pdf']
>>> by_name("kml").media_type
'application/vnd.google-earth.kml+xml'
>>> by_name("csv").file_name(table="events")
'newsmap-events.csv'
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from geo.errors import InputError
from geo.export.geojson import to_geojson
from geo.export.kml import to_kml
from geo.export.tables import to_csv
from geo.extras import Extra, requires
from geo.models import Analysis
from geo.report.headline import Headline

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

__all__ = ["REGISTRY", "ExportOptions", "Format", "by_name", "write"]

Table = Literal["places", "events"]
# the module that draws with each extra (imported by check_installed to fail early)
_DRAWN_BY = {Extra.MAP: "geo.briefing", Extra.FIGURE: "geo.report.figure"}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What a writer may be asked besides the result: the CSV table, the figure's size and
    the headline block. Each writer reads the options that apply to it."""

    table: Table = "places"
    size: str = "column"  # a FigureSize value: slide, column, square
    headline: Headline = field(default_factory=Headline)


Writer = Callable[[Analysis, "Gazetteer | None", ExportOptions], bytes]


@dataclass(frozen=True, slots=True)
class Format:
    """One kind of file."""

    name: str  # the command line's --format value
    label: str  # a download button's text
    extension: str
    media_type: str
    writer: Writer = field(repr=False)
    extra: Extra | None = None  # the optional part it needs, if any
    needs_gazetteer: bool = False  # drawn over the gazetteer's outlines
    figure: bool = False  # a static picture (PNG, SVG, PDF)

    def check_installed(self, purpose: str) -> None:
        """Raise :class:`~geo.errors.ExtraError`, naming the extra, where the part that
        writes this format is not installed: before any work is done for it."""
        if self.extra is not None:
            with requires(self.extra, purpose):
                importlib.import_module(_DRAWN_BY[self.extra])

    def file_name(self, *, table: Table = "places") -> str:
        """The name a download is saved under: ``newsmap-briefing.html``,
        ``newsmap-places.csv``, ``newsmap-figure.png``."""
        stem = {"html": "briefing", "csv": table}.get(self.name)
        stem = stem or ("figure" if self.figure else "map")
        return f"newsmap-{stem}.{self.extension}"


def _geojson(analysis: Analysis, gazetteer: Gazetteer | None, options: ExportOptions) -> bytes:
    return json.dumps(to_geojson(analysis), ensure_ascii=False, indent=2).encode("utf-8")


def _kml(analysis: Analysis, gazetteer: Gazetteer | None, options: ExportOptions) -> bytes:
    return to_kml(analysis).encode("utf-8")


def _csv(analysis: Analysis, gazetteer: Gazetteer | None, options: ExportOptions) -> bytes:
    return to_csv(analysis, options.table).encode("utf-8")


def _briefing(analysis: Analysis, gazetteer: Gazetteer | None, options: ExportOptions) -> bytes:
    from geo.briefing import briefing_html

    assert gazetteer is not None
    h = options.headline
    page = briefing_html(analysis, gazetteer, title=h.title, subtitle=h.subtitle, source=h.source)
    return page.encode("utf-8")


def _figure(fmt: str) -> Writer:
    def draw(analysis: Analysis, gazetteer: Gazetteer | None, options: ExportOptions) -> bytes:
        from geo.report.figure import render_figure

        assert gazetteer is not None
        h = options.headline
        return render_figure(analysis, gazetteer, fmt, size=options.size, title=h.title,
                             subtitle=h.subtitle, source=h.source)  # fmt: skip

    return draw


def _figure_format(name: str, media_type: str) -> Format:
    label = f"Figure ({name.upper()})"
    return Format(name, label, name, media_type, _figure(name), Extra.FIGURE, True, True)


REGISTRY: tuple[Format, ...] = (
    Format("html", "Briefing (HTML)", "html", "text/html", _briefing, Extra.MAP, True),
    Format("geojson", "GeoJSON", "geojson", "application/geo+json", _geojson),
    Format("kml", "KML", "kml", "application/vnd.google-earth.kml+xml", _kml),
    Format("csv", "CSV", "csv", "text/csv", _csv),
    _figure_format("png", "image/png"),
    _figure_format("svg", "image/svg+xml"),
    _figure_format("pdf", "application/pdf"),
)
_BY_NAME = {f.name: f for f in REGISTRY}


def by_name(name: str) -> Format:
    """The format called ``name``.

    Raises
    ------
    InputError
        For a name the registry does not hold, with the names it does.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise InputError(f"cannot export {name!r}; choose one of {', '.join(_BY_NAME)}") from None


def write(
    fmt: Format | str,
    analysis: Analysis,
    gazetteer: Gazetteer | None = None,
    options: ExportOptions | None = None,
) -> bytes:
    """The bytes of the file ``fmt`` for ``analysis``.

    Raises
    ------
    InputError
        For an unknown format, or one drawn over the outlines without a ``gazetteer``.
    ExtraError
        Where the format's optional part (``map``, ``figure``) is not installed.
    """
    fmt = by_name(fmt) if isinstance(fmt, str) else fmt
    if fmt.needs_gazetteer and gazetteer is None:
        raise InputError(f"a {fmt.name} file is drawn over the gazetteer's outlines: pass one")
    options = options or ExportOptions()
    if fmt.extra is None:
        return fmt.writer(analysis, gazetteer, options)
    with requires(fmt.extra, f"a {fmt.label} export"):
        return fmt.writer(analysis, gazetteer, options)
