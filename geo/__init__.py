"""newsmap: turn a news article into a checkable map.

>>> import geo
>>> gazetteer = geo.load_gazetteer()                       # doctest: +SKIP
>>> analysis = geo.analyze("Kim left Pyongyang.", gazetteer)  # doctest: +SKIP
>>> [m.place.name for m in analysis.resolved]              # doctest: +SKIP
['Pyongyang']
"""

from geo.errors import DataError, ExtraError, GeoError, InputError
from geo.gazetteer import Gazetteer, build_gazetteer, load_gazetteer
from geo.inputs import read_article
from geo.models import (
    Analysis,
    Candidate,
    Coordinate,
    Mention,
    MentionForm,
    Place,
    PlaceKind,
    PlaceMention,
    Reference,
    Span,
)
from geo.pipeline import analyze

__all__ = [
    "Analysis",
    "Candidate",
    "Coordinate",
    "DataError",
    "ExtraError",
    "Gazetteer",
    "GeoError",
    "InputError",
    "Mention",
    "MentionForm",
    "Place",
    "PlaceKind",
    "PlaceMention",
    "Reference",
    "Span",
    "analyze",
    "build_gazetteer",
    "load_gazetteer",
    "read_article",
]
