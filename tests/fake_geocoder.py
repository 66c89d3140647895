"""A geocoding service on the loopback interface that speaks the Nominatim ``/search`` JSON API
and the Photon ``/api`` GeoJSON API, with answers written in the shape the real services
record, so geopy can be pointed at it (``domain="127.0.0.1:PORT"``, ``scheme="http"``)."""

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
                self._send(200, _nominatim(q))
            elif parts.path == "/api":
                self._send(200, _photon(q))
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
