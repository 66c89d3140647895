"""Errors raised by newsmap.

Normal outcomes (an unresolved mention, a low confidence, an empty article) are data on the
result; only real failures raise. Every error derives from :class:`GeoError`, and each also
derives from the builtin it resembles, so callers may catch either::

    GeoError
     ├── InputError(GeoError, ValueError)       the article or a file cannot be used
     ├── DataError(GeoError, RuntimeError)       the gazetteer or a data file is missing or broken
     └── ExtraError(GeoError, ImportError)       an optional part (map, figure, app) is missing
"""

from __future__ import annotations

__all__ = ["DataError", "ExtraError", "GeoError", "InputError"]


class GeoError(Exception):
    """Base class of every error newsmap raises on purpose."""


class InputError(GeoError, ValueError):
    """The input cannot be analysed: not text, not UTF-8, too large, malformed lines."""


class DataError(GeoError, RuntimeError):
    """A data file or the compiled gazetteer is missing, stale or corrupt."""


class ExtraError(GeoError, ImportError):
    """A feature needs packages of an extra that is not installed (``newsmap[map]``)."""
