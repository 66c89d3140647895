"""Fetching an article from a URL, against a server on the loopback interface only."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

import geo
from geo.fetch import fetch_article

PAGE = b"""<html><head><title>t</title><script>var x = 1;</script></head>
<body><nav>Home | World</nav><article><h1>Kim arrives</h1>
<p>Kim Jong Un&#8217;s train reached Vladivostok on Tuesday.</p></article></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE),
            "/plain": (200, "text/plain; charset=iso-8859-1", "Café in Kyiv".encode("latin-1")),
            "/image": (200, "image/png", b"\x89PNG..."),
            "/big": (200, "text/html", b"x" * 5000),
        }
        status, kind, body = routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_page_is_reduced_to_its_text(server: str) -> None:
    text = fetch_article(f"{server}/article")
    assert "Kim Jong Un’s train reached Vladivostok on Tuesday." in text
    assert "var x" not in text and "Home | World" not in text


def test_other_encodings_are_read(server: str) -> None:
    assert fetch_article(f"{server}/plain") == "Café in Kyiv"


@pytest.mark.parametrize(
    ("path", "message"),
    [("/image", "image/png"), ("/missing", "404"), ("/big", "larger than")],
)
def test_failures_are_clear(server: str, path: str, message: str) -> None:
    with pytest.raises(geo.InputError, match=message):
        fetch_article(f"{server}{path}", max_bytes=1000)


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)", ""]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(geo.InputError, match="http"):
        fetch_article(url)


def test_a_closed_port_fails_quickly() -> None:
    with pytest.raises(geo.InputError, match="could not fetch"):
        fetch_article("http://127.0.0.1:9/nothing", timeout_s=2)
