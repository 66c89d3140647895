"""newsmap: turn a news article into a checkable map.

>>> import geo
>>> gazetteer = geo.load_gazetteer()                       # doctest: +SKIP
>>> analysis = geo.analyze("Kim left Pyongyang.", gazetteer)  # doctest: +SKIP
>>> [m.place.name for m in analysis.resolved]              # doctest: +SKIP
['Pyongyang']

Online geocoding is opt in: ``geo.analyze(text, gazetteer, geocoder=geo.open_geocoder(
geo.GeocoderSettings(geo.Backend.NOMINATIM, user_agent="my-app (me@example.org)")))``.
"""

from geo.errors import DataError, ExtraError, GeoError, InputError
from geo.gazetteer import Gazetteer, build_gazetteer, load_gazetteer
from geo.geocoders import Backend, Geocoder, GeocoderSettings, open_geocoder
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
    "Backend",
    "Candidate",
    "Coordinate",
    "DataError",
    "ExtraError",
    "Gazetteer",
    "GeoError",
    "Geocoder",
    "GeocoderSettings",
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
    "open_geocoder",
    "read_article",
]
