"""A geocoding service on the loopback interface that speaks the Nominatim ``/search`` JSON API,
the Photon ``/api`` and Pelias ``/v1/search`` GeoJSON APIs, the GeoNames web service's
``/searchJSON`` and ArcGIS's ``findAddressCandidates``, with answers written in the shape each
service documents, so geopy can be pointed at it (``domain="127.0.0.1:PORT"``,
``scheme="http"``). The services that take no area (GeoNames, ArcGIS) get it in the query text
(``"Hutcheson Road, Glasgow, GB"``): the name is what comes before the first comma."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# name -> (lat, lon, OSM type, OSM id, class, type, addresstype, display name)
PLACES = {
    "hutcheson road": (55.80563, -4.31071, "way", 23417711, "highway", "residential", "road",
                       "Hutcheson Road, Giffnock, East Renfrewshire, Scotland, G46 6, "
                       "United Kingdom"),
    "ballymacoda": (51.89139, -7.93944, "node", 31437902, "place", "village", "village",
                    "Ballymacoda, Imokilly, County Cork, Munster, P25 YK20, Ireland"),
    # answered far from the article's Scotland: the answer the sanity check must refuse
    "drumchapelmuir": (51.50735, -0.12776, "node", 107775, "place", "hamlet", "hamlet",
                       "Drumchapelmuir, Westminster, Greater London, England, United Kingdom"),
}  # fmt: skip
LICENCE = "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright"


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    at: float  # time.monotonic() when the server read it
    user_agent: str


@dataclass
class FakeService:
    """The server's state: the requests it saw, and how it should misbehave."""

    requests: list[Request] = field(default_factory=list)
    sleep_s: float = 0.0
    status: int = 200
    # answer every Nominatim query it does not know with the middle of its viewbox: a service
    # that knows every street, to measure how many names the pipeline asks and accepts
    echo: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"


def _nominatim(q: str) -> list[dict[str, object]]:
    hit = PLACES.get(q.lower())
    if hit is None:
        return []
    lat, lon, osm_type, osm_id, cls, typ, addresstype, display = hit
    return [{
        "place_id": 100000 + osm_id % 1000, "licence": LICENCE, "osm_type": osm_type,
        "osm_id": osm_id, "lat": f"{lat:.7f}", "lon": f"{lon:.7f}", "class": cls,
        "type": typ, "place_rank": 26, "importance": 0.0533, "addresstype": addresstype,
        "name": q, "display_name": display,
        "boundingbox": [f"{lat - 0.001:.7f}", f"{lat + 0.001:.7f}", f"{lon - 0.001:.7f}",
                        f"{lon + 0.001:.7f}"],
    }]  # fmt: skip


def _middle(q: str, viewbox: str) -> list[dict[str, object]]:
    west, south, east, north = map(float, viewbox.split(","))
    lat, lon = (south + north) / 2, (west + east) / 2
    return [{"place_id": 1, "licence": LICENCE, "osm_type": "node", "osm_id": abs(hash(q)),
             "lat": f"{lat:.7f}", "lon": f"{lon:.7f}", "class": "amenity", "type": "building",
             "addresstype": "amenity", "name": q, "display_name": q}]  # fmt: skip


def _photon(q: str) -> dict[str, object]:
    hit = PLACES.get(q.lower())
    features = []
    if hit is not None:
        lat, lon, osm_type, osm_id, cls, typ, _, _ = hit
        properties = {"osm_type": osm_type[0].upper(), "osm_id": osm_id, "osm_key": cls,
                      "osm_value": typ, "type": "street" if cls == "highway" else typ,
                      "name": q, "country": "United Kingdom", "countrycode": "GB"}  # fmt: skip
        features.append({"type": "Feature", "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def _pelias(text: str) -> dict[str, object]:
    """Pelias's GeoJSON (https://github.com/pelias/documentation/blob/master/search.md)."""
    hit = PLACES.get(text.lower())
    features = []
    if hit is not None:
        lat, lon, osm_type, osm_id, cls, _, _, display = hit
        layer = "street" if cls == "highway" else "locality"
        properties = {"id": f"{osm_type}/{osm_id}", "gid": f"openstreetmap:{layer}:{osm_type}/"
                      f"{osm_id}", "layer": layer, "source": "openstreetmap",
                      "source_id": f"{osm_type}/{osm_id}", "name": text, "confidence": 0.9,
                      "match_type": "exact", "accuracy": "centroid", "label": display}  # fmt: skip
        features.append({"type": "Feature", "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})  # fmt: skip
    return {"geocoding": {"version": "0.2", "query": {"text": text}},
            "type": "FeatureCollection", "features": features}  # fmt: skip


def _geonames(q: str, username: str) -> dict[str, object]:
    """The web service's ``searchJSON`` (https://www.geonames.org/export/geonames-search.html);
    an account without the web services enabled gets its documented error status."""
    if username == "not-enabled":
        return {"status": {"message": "user account not enabled to use the free webservice. "
                           "Please enable it on your account page: "
                           "https://www.geonames.org/manageaccount ", "value": 10}}  # fmt: skip
    hit = PLACES.get(q.partition(",")[0].strip().lower())
    places = []
    if hit is not None:
        lat, lon, _, osm_id, cls, _, _, display = hit
        fcl, fcode = ("P", "PPL") if cls == "place" else ("R", "RD")
        places.append({"geonameId": 9_000_000 + osm_id % 100_000, "name": display.split(",")[0],
                       "toponymName": display.split(",")[0], "lat": f"{lat:.5f}",
                       "lng": f"{lon:.5f}", "fcl": fcl, "fcode": fcode,
                       "countryCode": "IE" if "Ireland" in display else "GB",
                       "countryName": display.rsplit(", ", 1)[-1], "adminName1": "",
                       "population": 0})  # fmt: skip
    return {"totalResultsCount": len(places), "geonames": places}


def _arcgis(single_line: str) -> dict[str, object]:
    """``findAddressCandidates`` with ``f=json`` (https://developers.arcgis.com/rest/geocode/
    api-reference/geocoding-find-address-candidates.htm)."""
    hit = PLACES.get(single_line.partition(",")[0].strip().lower())
    candidates = []
    if hit is not None:
        lat, lon, _, _, cls, _, _, display = hit
        addr_type = "StreetName" if cls == "highway" else "Locality"
        candidates.append({"address": display, "location": {"x": lon, "y": lat}, "score": 97.5,
                           "attributes": {"Addr_type": addr_type},
                           "extent": {"xmin": lon - 0.01, "ymin": lat - 0.01,
                                      "xmax": lon + 0.01, "ymax": lat + 0.01}})  # fmt: skip
    return {"spatialReference": {"wkid": 4326, "latestWkid": 4326}, "candidates": candidates}


ARCGIS_PATH = "/arcgis/rest/services/World/GeocodeServer/findAddressCandidates"


def serve() -> tuple[FakeService, ThreadingHTTPServer]:
    """Start the service on 127.0.0.1 at a free port, in a daemon thread."""
    state = FakeService()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            with state.lock:
                state.requests.append(Request(parts.path, query, time.monotonic(),
                                              self.headers.get("User-Agent", "")))  # fmt: skip
            if state.sleep_s:
                time.sleep(state.sleep_s)
            if state.status != 200:
                self._send(state.status, {"error": "Internal Server Error"})
                return
            q = query.get("q", [""])[0]
            if parts.path == "/search":
                found = _nominatim(q)
                if not found and state.echo and "viewbox" in query:
                    found = _middle(q, query["viewbox"][0])
                self._send(200, found)
            elif parts.path == "/api":
                self._send(200, _photon(q))
            elif parts.path == "/v1/search":
                self._send(200, _pelias(query.get("text", [""])[0]))
            elif parts.path == "/searchJSON":
                self._send(200, _geonames(q, query.get("username", [""])[0]))
            elif parts.path == ARCGIS_PATH:
                self._send(200, _arcgis(query.get("singleLine", [""])[0]))
            else:
                self._send(404, {"error": "not found"})

        def _send(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
