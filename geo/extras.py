"""The optional parts of newsmap and the packages each brings, so that a missing one is one
clear line naming the extra to install, not a traceback.

The core (``pip install newsmap``) reads, places and checks articles and runs batches; the
extras add the interactive map (``map``), static figures (``figure``), online geocoders
(``online``: geopy), batches on a Dask cluster (``batch``: dask, distributed) and the
Streamlit app (``app``, which includes map, figure and online). Only the modules that draw,
go online or talk to a cluster import these packages, and :mod:`geo` itself imports none of
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

from geo.errors import ExtraError

__all__ = ["Extra", "install_hint", "requires"]


class Extra(StrEnum):
    """An optional part of newsmap, named as in ``pip install 'newsmap[map]'``."""

    MAP = "map"
    FIGURE = "figure"
    APP = "app"
    ONLINE = "online"
    BATCH = "batch"


# The top-level modules each extra installs (with what they pull in themselves: folium's Jinja2
# and requests, matplotlib's fonttools), as ``ModuleNotFoundError.name`` reports them.
_MAP = frozenset({"folium", "branca", "jinja2", "xstatic", "requests"})
_FIGURE = frozenset({"matplotlib", "PIL", "fontTools", "kiwisolver", "contourpy"})
_MODULES: dict[Extra, frozenset[str]] = {
    Extra.MAP: _MAP,
    Extra.FIGURE: _FIGURE,
    Extra.APP: _MAP | _FIGURE | {"streamlit", "altair", "geopy"},
    Extra.ONLINE: frozenset({"geopy", "geographiclib"}),
    Extra.BATCH: frozenset({"dask", "distributed", "pyarrow", "toolz", "cloudpickle", "tornado"}),
}


def install_hint(extra: Extra) -> str:
    """The command that installs ``extra``.

    >>> install_hint(Extra.MAP)
    "pip install 'newsmap[map]'"
    """
    return f"pip install 'newsmap[{extra.value}]'"


@contextmanager
def requires(extra: Extra, purpose: str) -> Iterator[None]:
    """Turn a missing package of ``extra``, imported inside the block, into :class:`ExtraError`.

    A missing module of another extra, or of the core, is left as it is: that is a broken
    installation, not a choice.

    >>> try:
    ...     with requires(Extra.MAP, "the map"):
    ...         raise ModuleNotFoundError("No module named 'folium'", name="folium")
    ... except ExtraError as err:
    ...     print(err)
    the map needs the optional packages of newsmap[map]: pip install 'newsmap[map]' (no folium)
    """
    try:
        yield
    except ModuleNotFoundError as err:
        top = (err.name or "").partition(".")[0]
        if top not in _MODULES[extra]:
            raise
        raise ExtraError(
            f"{purpose} needs the optional packages of newsmap[{extra.value}]: "
            f"{install_hint(extra)} (no {top})"
        ) from err
