"""Online geocoders through geopy, opt in: the one seam through which newsmap asks a service
for the point of a name the offline gazetteer could not place well (a street, a building, a
village it lacks).

Nothing here is used unless a back end other than ``none`` is chosen
(:class:`GeocoderSettings`); then every name sent is bounded to the area the article already
gives (:class:`Area`: a viewbox with ``bounded`` and the country codes, where the service
takes them), every request waits its turn behind geopy's ``RateLimiter``, every answer is
kept in a persistent cache (:mod:`geo.geocache`), and a timeout or an error is a note on the
result, never an exception: the offline result stands.

geopy is imported only when a geocoder is opened; it comes with the ``online`` extra
(``pip install 'newsmap[online]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import metadata
from typing import Any

from geo.errors import InputError
from geo.extras import Extra, requires
from geo.framing import Box
from geo.geocache import GeocodeCache, Hit
from geo.models import Coordinate

__all__ = [
    "Area",
    "Backend",
    "Geocoder",
    "GeocoderSettings",
    "Lookup",
    "is_settlement",
    "open_geocoder",
]

log = logging.getLogger(__name__)

_LIMIT = 5  # answers asked per name: the first inside the area is taken
_NOTE_CHARS = 120  # a note is one short line in a table


class Backend(StrEnum):
    """A geocoding service geopy speaks to, by the name the CLI and the app use."""

    NONE = "none"
    NOMINATIM = "nominatim"
    PHOTON = "photon"
    PELIAS = "pelias"
    GEONAMES = "geonames"
    ARCGIS = "arcgis"

    @property
    def label(self) -> str:
        return _TITLES[self]


_TITLES = {
    Backend.NONE: "none",
    Backend.NOMINATIM: "Nominatim",
    Backend.PHOTON: "Photon",
    Backend.PELIAS: "Pelias",
    Backend.GEONAMES: "GeoNames",
    Backend.ARCGIS: "ArcGIS",
}
# Whose data a service's answer is, as the service's terms ask it to be credited.
_ATTRIBUTION = {
    Backend.NOMINATIM: "Nominatim (© OpenStreetMap contributors, ODbL)",
    Backend.PHOTON: "Photon by Komoot (© OpenStreetMap contributors, ODbL)",
    Backend.PELIAS: "Pelias (© OpenStreetMap contributors, ODbL; OpenAddresses; Who's On First;"
    " GeoNames)",
    Backend.GEONAMES: "GeoNames web services (geonames.org), CC BY 4.0",
    Backend.ARCGIS: "ArcGIS World Geocoding Service (© Esri and its data providers)",
}
# The public service geopy talks to when no domain is given (Pelias has none).
_PUBLIC = {
    Backend.NOMINATIM: "nominatim.openstreetmap.org",
    Backend.PHOTON: "photon.komoot.io",
    Backend.GEONAMES: "api.geonames.org",
    Backend.ARCGIS: "geocode.arcgis.com",
}
# Words the services use for a settlement: such an answer is a town, not a building.
_SETTLEMENTS = frozenset(
    "city town village hamlet isolated_dwelling locality suburb neighbourhood borough "
    "quarter localadmin P Locality".split()
)


@dataclass(frozen=True, slots=True)
class GeocoderSettings:
    """Which service to ask and how. The default, ``none``, never asks anything.

    ``domain`` is a host (and port) such as ``nominatim.example.org:8080``; empty means the
    back end's public service. ``min_delay_s`` is the least time between two requests (the
    public Nominatim's usage policy: one a second). ``username`` is the GeoNames account;
    ``api_key`` a Pelias host's key.
    """

    backend: Backend = Backend.NONE
    domain: str = ""
    scheme: str = "https"
    user_agent: str = ""
    timeout_s: float = 10.0
    min_delay_s: float = 1.0
    username: str = ""
    api_key: str = ""

    @property
    def host(self) -> str:
        return self.domain or _PUBLIC.get(self.backend, "")

    @property
    def service(self) -> str:
        """The service in words, for warnings and notes: ``Nominatim at
        nominatim.openstreetmap.org``."""
        return f"{self.backend.label} at {self.host}" if self.host else self.backend.label

    def problem(self) -> str | None:
        """Why these settings cannot be used, or ``None``."""
        if self.backend is Backend.NONE:
            return None
        if self.scheme not in ("http", "https"):
            return f"the geocoder scheme must be http or https, not {self.scheme!r}"
        if not (self.timeout_s > 0 and self.min_delay_s >= 0):
            return "the geocoder timeout must be positive and its delay not negative"
        if self.backend is Backend.PELIAS and not self.domain:
            return "pelias has no public service: give --geocoder-domain (your Pelias host)"
        if self.backend is Backend.GEONAMES and not self.username:
            return "geonames needs the user name of a GeoNames account (--geocoder-username)"
        if self.backend is Backend.NOMINATIM and self.host == _PUBLIC[Backend.NOMINATIM]:
            agent = self.user_agent.strip()
            if not agent or agent.lower().startswith(("geopy", "newsmap/", "python")):
                return (
                    "the public Nominatim's usage policy asks for a user agent that names your "
                    "application and how to reach you: give --geocoder-user-agent "
                    "'my-newsroom-map (me@example.org)' (the default one is refused)"
                )
        return None


@dataclass(frozen=True, slots=True)
class Area:
    """Where an answer must lie: a box of latitude and longitude (south, west, north, east)
    and the countries, from the places the article already gives. ``label`` names it in
    notes."""

    south: float
    west: float
    north: float
    east: float
    country_codes: tuple[str, ...]
    label: str

    @classmethod
    def around(cls, centre: Coordinate, radius_km: float, codes: Sequence[str], label: str) -> Area:
        """The box ``radius_km`` around ``centre``.

        >>> a = Area.around(Coordinate(0, 0), 111.32, ("KE",), "x")
        >>> (a.south, a.north, round(a.east, 3))
        (-1.0, 1.0, 1.0)
        """
        box = Box.around([(centre, radius_km)])  # the map's framing box, one way of reckoning
        return cls(box.south, max(-180.0, box.west), box.north, min(180.0, box.east),
                   tuple(codes), label)  # fmt: skip

    def contains(self, point: Coordinate) -> bool:
        return self.south <= point.lat <= self.north and self.west <= point.lon <= self.east

    def viewbox(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Two corners as geopy takes them, ``(lat, lon)`` each."""
        return ((self.south, self.west), (self.north, self.east))

    def key(self) -> str:
        """The area in the cache key: the box to about 100 m, and the countries."""
        box = ",".join(f"{v:.3f}" for v in (self.south, self.west, self.north, self.east))
        return f"{box}|{','.join(self.country_codes)}"


@dataclass(frozen=True, slots=True)
class Lookup:
    """A geocoder's answer for one name: a point inside the area, or none with a short reason
    when the service failed or answered outside the area (``note``)."""

    hit: Hit | None
    note: str = ""


class Geocoder:
    """One online service, with its rate limit and cache. Open it with :func:`open_geocoder`.

    ``requests`` counts the requests this object has sent (answers from the cache are not
    requests).
    """

    def __init__(self, settings: GeocoderSettings, cache: GeocodeCache | None = None) -> None:
        problem = settings.problem()
        if settings.backend is Backend.NONE:
            problem = "the 'none' geocoder asks nothing: use no geocoder instead"
        if problem:
            raise InputError(problem)
        self.settings = settings
        self.attribution = _ATTRIBUTION[settings.backend]
        self.cache = cache if cache is not None else GeocodeCache()
        self.requests = 0
        self._key = f"{settings.backend.value}|{settings.host}"
        self._ask: Callable[..., Any] | None = None
        # set when the service refused us (too many requests, a bad key): ask it nothing more
        self._refused = ""

    def locate(self, name: str, area: Area) -> Lookup:
        """The first point the service gives for ``name`` inside ``area``."""
        query = name if self._bounds_itself or not area.label else f"{name}, {area.label}"
        known, hit = self.cache.get(self._key, query, area.key())
        if not known:
            if self._refused:
                return Lookup(None, self._refused)
            try:
                hit = self._request(query, area)
            except Exception as err:  # geopy's errors, and a malformed answer
                if not _is_service_error(err):
                    raise
                note = self._failure(err)
                if _is_refusal(err):
                    self._refused = note
                return Lookup(None, note)
            self.cache.put(self._key, query, area.key(), hit)
        if hit is None:
            return Lookup(None, f"{self.settings.backend.label}: no result in {area.label}")
        return Lookup(hit)

    @property
    def _bounds_itself(self) -> bool:
        return self.settings.backend in (Backend.NOMINATIM, Backend.PHOTON, Backend.PELIAS)

    def _request(self, query: str, area: Area) -> Hit | None:
        if self._ask is None:
            self._ask = _open(self.settings)
        self.requests += 1
        log.info("asking %s for %r", self.settings.service, query)
        found = self._ask(query, **_query_options(self.settings.backend, area)) or []
        # geopy's GeoNames gives None for an answer without a point
        hits = [_hit(self.settings.backend, location) for location in found if location]
        inside = [h for h in hits if area.contains(h.coordinate)]
        if hits and not inside:
            log.info("%s answered %r only outside %s", self.settings.service, query, area.label)
        return inside[0] if inside else None

    def _failure(self, err: Exception) -> str:
        from geopy.exc import GeocoderTimedOut

        what = self.settings.backend.label
        if isinstance(err, GeocoderTimedOut):
            reason = f"{what} did not answer within {self.settings.timeout_s:g} s"
        else:
            reason = f"{what} failed: {' '.join(str(err).split()) or type(err).__name__}"
        log.warning("%s; the offline result stands", reason)
        return reason[:_NOTE_CHARS]


def open_geocoder(settings: GeocoderSettings, cache: GeocodeCache | None = None) -> Geocoder | None:
    """The geocoder ``settings`` choose, or ``None`` for ``none`` (the default): nothing is
    ever requested. Raises :class:`~geo.errors.InputError` for unusable settings (the public
    Nominatim without a real user agent) and :class:`~geo.errors.ExtraError` without geopy."""
    problem = settings.problem()
    if problem:
        raise InputError(problem)
    if settings.backend is Backend.NONE:
        return None
    with requires(Extra.ONLINE, f"the {settings.backend.value} geocoder"):
        import geopy  # noqa: F401
    return Geocoder(settings, cache)


def _open(settings: GeocoderSettings) -> Callable[..., Any]:
    """geopy's geocoder for ``settings``, its ``geocode`` behind a ``RateLimiter``."""
    from geopy import geocoders
    from geopy.adapters import URLLibAdapter
    from geopy.extra.rate_limiter import RateLimiter

    agent = settings.user_agent or f"newsmap/{metadata.version('newsmap')}"
    # the standard library's adapter, which never retries behind the rate limiter's back
    # (requests' adapter would retry a timed-out request twice, unpaced)
    common: dict[str, Any] = {
        "adapter_factory": URLLibAdapter,
        "scheme": settings.scheme,
        "timeout": settings.timeout_s,
        "user_agent": agent,
        "domain": settings.host,
    }
    backend = settings.backend
    client: Any
    if backend is Backend.NOMINATIM:
        client = geocoders.Nominatim(**common)
    elif backend is Backend.PHOTON:
        client = geocoders.Photon(**common)
    elif backend is Backend.PELIAS:
        client = geocoders.Pelias(api_key=settings.api_key or None, **common)
    elif backend is Backend.GEONAMES:
        client = geocoders.GeoNames(settings.username, **common)
    else:
        client = geocoders.ArcGIS(**common)
    # no retries: a failure is a note and the offline result, and the next run asks again
    limited: Callable[..., Any] = RateLimiter(
        client.geocode,
        min_delay_seconds=settings.min_delay_s,
        max_retries=0,
        swallow_exceptions=False,
    )
    return limited


def _query_options(backend: Backend, area: Area) -> dict[str, Any]:
    box, codes = area.viewbox(), list(area.country_codes)
    options: dict[str, Any] = {"exactly_one": False}
    if backend is Backend.NOMINATIM:
        options.update(limit=_LIMIT, viewbox=box, bounded=True, country_codes=codes or None)
    elif backend is Backend.PHOTON:
        options.update(limit=_LIMIT, bbox=box)
    elif backend is Backend.PELIAS:
        options.update(boundary_rect=box, countries=[c.upper() for c in codes] or None)
    elif backend is Backend.GEONAMES:
        options.update(country=[c.upper() for c in codes] or None)
    else:  # geopy's ArcGIS takes no area: it is named in the query, and the answer checked
        options.update(out_fields="Addr_type")
    return options


def _hit(backend: Backend, location: Any) -> Hit:
    """Our value of one geopy ``Location``: its point, and from its raw answer the service's
    id, kind word and score."""
    raw: dict[str, Any] = location.raw if isinstance(location.raw, dict) else {}
    props: dict[str, Any] = raw.get("properties") or {}
    point = Coordinate(float(location.latitude), float(location.longitude))
    ref, kind, score = "", "", None
    if backend is Backend.NOMINATIM:
        ref = f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}"
        kind = str(raw.get("addresstype") or raw.get("type") or "")
    elif backend is Backend.PHOTON:
        ref = f"{props.get('osm_type', '')}/{props.get('osm_id', '')}"
        kind = str(props.get("type") or props.get("osm_value") or "")
    elif backend is Backend.PELIAS:
        ref, kind = str(props.get("gid", "")), str(props.get("layer", ""))
        score = _unit(props.get("confidence"), 1.0)
    elif backend is Backend.GEONAMES:
        ref, kind = str(raw.get("geonameId", "")), str(raw.get("fcl", ""))
    else:
        score = _unit(raw.get("score"), 100.0)
        kind = str((raw.get("attributes") or {}).get("Addr_type") or "")
    ref = ref if ref.strip("/") else f"{point.lat:.5f},{point.lon:.5f}"
    return Hit(point, str(location.address or ""), ref, kind, score)


def is_settlement(hit: Hit) -> bool:
    """Whether the service calls the answer a town or village rather than a feature in one."""
    return hit.kind in _SETTLEMENTS


def _unit(value: object, scale: float) -> float | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    return min(1.0, max(0.0, float(value) / scale))


def _is_refusal(err: Exception) -> bool:
    """Whether the service said no to us rather than to this one name: asking again at once
    would only break its rules again."""
    from geopy import exc

    refusals = (exc.GeocoderRateLimited, exc.GeocoderQuotaExceeded,
                exc.GeocoderAuthenticationFailure, exc.GeocoderInsufficientPrivileges)  # fmt: skip
    return isinstance(err, refusals)


def _is_service_error(err: Exception) -> bool:
    from geopy.exc import GeopyError

    return isinstance(err, GeopyError | ValueError | KeyError | TypeError)
