"""Fetching an article from a URL, against servers on the loopback interface only.

The fetcher refuses loopback by default, so the tests that need the server pass an address
policy allowing exactly 127.0.0.1 (``this_machine``); the tests of refusals use the default
policy and check that the server saw no request at all.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import shutil
import ssl
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs

import pytest

import geo
from geo.addresses import AddressPolicy, IPAddress, public_only
from geo.fetch import Resolver, fetch_article

PAGE = b"""<html><head><title>t</title><script>var x = 1;</script></head>
<body><nav>Home | World</nav><article><h1>Kim arrives</h1>
<p>Kim Jong Un&#8217;s train reached Vladivostok on Tuesday.</p></article></body></html>"""
SENTENCE = "Kim Jong Un’s train reached Vladivostok on Tuesday."
RUSSIAN = "Поезд Ким Чен Ына прибыл во Владивосток во вторник."
RUSSIAN_PARAGRAPH = (
    "Поезд Ким Чен Ына прибыл во Владивосток во вторник утром. Встреча с президентом "
    "России пройдёт на космодроме Восточный, сообщили в Кремле. Делегация останется в "
    "Приморье ещё на два дня, после чего отправится в Комсомольск-на-Амуре и Хабаровск."
)
JAPANESE = "金正恩氏の列車が火曜日にウラジオストクに到着した。"
LOOPBACK = ipaddress.ip_address("127.0.0.1")


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@cache
def bomb() -> bytes:
    """20 MB of spaces in about 20 kB of gzip."""
    return gzip.compress(b" " * 20_000_000)


ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/article": (200, "text/html; charset=utf-8", PAGE, {}),
    "/plain": (200, "text/plain; charset=iso-8859-1", "Café in Kyiv".encode("latin-1"), {}),
    "/image": (200, "image/png", b"\x89PNG...", {}),
    "/big": (200, "text/html", b"x" * 5000, {}),
    "/meta": (
        200,
        "text/html",
        html(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251"),
        {},
    ),
    "/http-equiv": (
        200,
        "text/html",
        html(
            JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        ).encode("shift_jis"),
        {},
    ),
    "/wrong-header": (
        200,
        "text/html; charset=utf-8",
        html(RUSSIAN, "<meta charset='windows-1251'>").encode("cp1251"),
        {},
    ),
    "/undeclared-utf8": (200, "text/html", html("Café in Kyiv").encode(), {}),
    "/undeclared": (200, "text/html", html(RUSSIAN_PARAGRAPH).encode("cp1251"), {}),
    "/utf16": (200, "text/html", html("Київ").encode("utf-16"), {}),
    "/gzip": (200, "text/html; charset=utf-8", gzip.compress(PAGE), {"Content-Encoding": "gzip"}),
    "/deflate": (200, "text/html", zlib.compress(PAGE), {"Content-Encoding": "deflate"}),
    "/gzip-cut": (200, "text/html", gzip.compress(PAGE)[:60], {"Content-Encoding": "gzip"}),
    "/bad-gzip": (200, "text/html", PAGE, {"Content-Encoding": "gzip"}),
    "/br": (200, "text/html", b"\x1b\x00", {"Content-Encoding": "br"}),
    "/redirect": (302, "text/plain", b"", {"Location": "/article"}),
    "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
    "/no-location": (302, "text/plain", b"", {}),
}

RAW: dict[str, bytes] = {
    "/not-http": b"HELLO\r\n\r\n",
    "/broken-chunked": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    b"Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
    "/cut-chunked": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n100\r\n<p>only ten",
    "/cut": b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
    b"<p>only ten",
    "/silent": b"",
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    hits: list[str]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        cast(Server, self.server).hits.append(self.path)
        path, _, query = self.path.partition("?")
        try:
            if path in RAW:
                self.wfile.write(RAW[path])
            elif path == "/to":
                self.reply(302, "text/plain", b"", {"Location": parse_qs(query)["target"][0]})
            elif path == "/host":
                self.reply(200, "text/plain", self.headers["Host"].encode(), {})
            elif path == "/big-unsized":
                self.send_response(200)  # no Content-Length: the body ends when the server closes
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"x" * 5000)
            elif path == "/bomb":
                self.reply(200, "text/html", bomb(), {"Content-Encoding": "gzip"})
            elif path in ("/trickle", "/slow-headers"):
                self.trickle(path, float(parse_qs(query)["every"][0]))
            else:
                self.reply(*ROUTES.get(path, (404, "text/plain", b"no", {})))
        except OSError:
            pass  # the client gave up, as it should

    def reply(self, status: int, kind: str, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def trickle(self, path: str, every_s: float) -> None:
        """One byte every ``every_s`` seconds, of the body or of a header that never ends."""
        if path == "/trickle":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n")
            self.wfile.write(b"Content-Length: 100\r\n\r\n")
        else:
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
        for _ in range(30):
            time.sleep(every_s)
            self.wfile.write(b"x")

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Site:
    url: str
    port: int
    hits: list[str] = field(default_factory=list)


def serve(context: ssl.SSLContext | None = None) -> tuple[Server, Site]:
    httpd = Server(("127.0.0.1", 0), Handler)
    if context is not None:
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    port = httpd.server_address[1]
    site = Site(f"{'https' if context else 'http'}://127.0.0.1:{port}", port)
    httpd.hits = site.hits
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, site


@pytest.fixture(scope="module")
def server() -> Iterator[Site]:
    httpd, site = serve()
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server: Site) -> Site:
    server.hits.clear()
    return server


def this_machine(ip: IPAddress) -> str | None:
    """The test server's address, and only it, on top of the default policy."""
    return None if ip == LOOPBACK else public_only(ip)


def first_hop_only() -> AddressPolicy:
    """Allows whatever the first hop connects to, then only what the default allows."""
    checked: list[IPAddress] = []

    def policy(ip: IPAddress) -> str | None:
        checked.append(ip)
        return None if len(checked) == 1 else public_only(ip)

    return policy


def resolver(answers: dict[str, list[str]], calls: list[str] | None = None) -> Resolver:
    """A resolver that knows only ``answers`` and records what it was asked."""

    def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        if host not in answers:
            raise AssertionError(f"the test did not expect {host} to be resolved")
        return answers[host]

    return resolve


NO_DNS = resolver({})


def fetch(
    url: str,
    *,
    address_policy: AddressPolicy = this_machine,
    resolve: Resolver = NO_DNS,
    **options: Any,
) -> str:
    """Fetch from the test server, resolving no name unless a test says how."""
    return fetch_article(url, address_policy=address_policy, resolve=resolve, **options)


def refusal(call: Callable[[], object], match: str | None) -> str:
    with pytest.raises(geo.InputError, match=match) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message
    return message


# The success path, against the loopback server.


def test_a_page_is_reduced_to_its_text(site: Site) -> None:
    text = fetch(f"{site.url}/article")
    assert SENTENCE in text
    assert "var x" not in text and "Home | World" not in text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/plain", "Café in Kyiv"),
        ("/meta", RUSSIAN),
        ("/http-equiv", JAPANESE),
        ("/wrong-header", RUSSIAN),
        ("/undeclared-utf8", "Café in Kyiv"),
        ("/undeclared", RUSSIAN_PARAGRAPH),
        ("/utf16", "Київ"),
    ],
    ids=["header", "meta", "http-equiv", "wrong-header", "utf8", "detected", "bom"],
)
def test_other_encodings_are_read(site: Site, path: str, expected: str) -> None:
    assert fetch(f"{site.url}{path}") == expected


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_pages_are_read(site: Site, path: str) -> None:
    assert SENTENCE in fetch(f"{site.url}{path}")


def test_redirects_between_allowed_addresses_are_followed(site: Site) -> None:
    assert SENTENCE in fetch(f"{site.url}/redirect")
    assert SENTENCE in fetch(f"{site.url}/to?target={site.url}/article")
    assert site.hits == ["/redirect", "/article", f"/to?target={site.url}/article", "/article"]


def test_a_name_is_resolved_once_per_hop_and_sent_as_the_host(site: Site) -> None:
    calls: list[str] = []
    news = resolver({"news.example": ["127.0.0.1"]}, calls)
    assert fetch(f"http://news.example:{site.port}/host", resolve=news) == (
        f"news.example:{site.port}"
    )
    assert calls == ["news.example"]
    calls.clear()
    assert SENTENCE in fetch(f"http://news.example:{site.port}/redirect", resolve=news)
    assert calls == ["news.example", "news.example"]


# Refusals: nothing is sent anywhere.

LOOPBACK_SPELLINGS = [
    "http://127.0.0.1:{port}/article",
    "HTTP://127.0.0.1:{port}/article",
    "https://127.0.0.1:{port}/article",
    "http://localhost:{port}/article",
    "http://LOCALHOST.:{port}/article",
    "http://news.localhost:{port}/article",
    "http://127.1:{port}/article",
    "http://127.0.1:{port}/article",
    "http://127.0.0.2:{port}/article",
    "http://2130706433:{port}/article",
    "http://0177.0.0.1:{port}/article",
    "http://0x7f000001:{port}/article",
    "http://0x7f.0.0.1:{port}/article",
    "http://127.0.0.1.:{port}/article",
    "http://１２７.０.０.１:{port}/article",
    "http://[::1]:{port}/article",
    "http://[0:0:0:0:0:0:0:1]:{port}/article",
    "http://[::ffff:127.0.0.1]:{port}/article",
    "http://[::ffff:7f00:1]:{port}/article",
    "http://[64:ff9b::127.0.0.1]:{port}/article",
    "http://[2002:7f00:1::1]:{port}/article",
    "http://loopback.example:{port}/article",
]
OTHER_REFUSALS = [
    ("http://0.0.0.0:{port}/article", "unspecified"),
    ("http://0:{port}/article", "unspecified"),
    ("http://[::]:{port}/article", "unspecified"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[fe80::1]/", "link-local"),
    ("http://10.0.0.1/", "private"),
    ("http://172.16.0.1/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://[fc00::1]/", "private"),
    ("http://[fd12:3456::1]/", "private"),
    ("http://[::ffff:192.168.1.1]/", "private"),
    ("http://100.64.0.1/", "shared"),
    ("http://224.0.0.1/", "multicast"),
    ("http://[ff02::1]/", "multicast"),
    ("http://255.255.255.255/", "broadcast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://[::127.0.0.1]/", "reserved"),
    ("http://192.0.2.1/", "documentation"),
    ("http://[2001:db8::1]/", "documentation"),
    ("http://[fec0::1]/", "site-local"),
    ("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "Teredo"),
    ("http://[2002:a9fe:a9fe::1]/", "link-local"),
    ("http://[64:ff9b::a00:1]/", "private"),
    ("http://cloud-metadata.example/", "link-local"),
]
NAMES = resolver({"loopback.example": ["127.0.0.1"], "cloud-metadata.example": ["169.254.169.254"]})


@pytest.mark.parametrize("spelling", LOOPBACK_SPELLINGS)
def test_every_spelling_of_loopback_is_refused_without_connecting(
    site: Site, spelling: str
) -> None:
    url = spelling.format(port=site.port)
    message = refusal(lambda: fetch_article(url, resolve=NAMES), "a loopback address")
    assert message.startswith(url) or url.startswith("HTTP")
    assert message.endswith("newsmap only fetches public web addresses")
    assert site.hits == []


@pytest.mark.parametrize(("spelling", "reason"), OTHER_REFUSALS)
def test_addresses_that_are_not_public_are_refused(site: Site, spelling: str, reason: str) -> None:
    url = spelling.format(port=site.port)
    refusal(lambda: fetch_article(url, resolve=NAMES), f"points to an? {reason}")
    assert site.hits == []


def test_the_refusal_names_the_rule_and_the_address(site: Site) -> None:
    assert refusal(lambda: fetch_article(f"{site.url}/"), "loopback") == (
        f"{site.url}/ points to a loopback address (127.0.0.1); "
        "newsmap only fetches public web addresses"
    )


@pytest.mark.parametrize(
    "answer", [["93.184.215.14", "10.0.0.1"], ["2606:4700::1111", "::1"], ["127.0.0.1", "10.0.0.1"]]
)
def test_a_name_with_any_private_address_is_refused(site: Site, answer: list[str]) -> None:
    mixed = resolver({"mixed.example": answer})
    url = f"http://mixed.example:{site.port}/article"
    # even the policy that lets the test server through refuses the name as a whole
    refusal(lambda: fetch(url, resolve=mixed), "points to a (private|loopback) address")
    assert site.hits == []


@pytest.mark.parametrize(
    "target",
    [
        "http://0177.0.0.1:{port}/article",
        "http://127.0.0.1:{port}/article",
        "http://localhost:{port}/article",
        "http://[::1]:{port}/article",
        "http://2130706433:{port}/article",
        "http://loopback.example:{port}/article",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_a_redirect_to_a_refused_address_is_not_followed(site: Site, target: str) -> None:
    target = target.format(port=site.port)
    names = resolver({"news.example": ["127.0.0.1"], "loopback.example": ["127.0.0.1"]})
    first = f"http://news.example:{site.port}/to?target={target}"
    message = refusal(
        lambda: fetch_article(first, address_policy=first_hop_only(), resolve=names),
        "newsmap only fetches public web addresses",
    )
    assert message.startswith(f"{first} redirected to {target}, which points to a ")
    assert site.hits == [f"/to?target={target}"]


@pytest.mark.parametrize(
    ("target", "message"),
    [("ftp://news.example/x", "redirected to a bad address"), ("file:///etc/passwd", "http")],
)
def test_a_redirect_to_another_scheme_is_not_followed(
    site: Site, target: str, message: str
) -> None:
    refusal(lambda: fetch(f"{site.url}/to?target={target}"), message)
    assert len(site.hits) == 1


def test_redirects_are_limited(site: Site) -> None:
    refusal(lambda: fetch(f"{site.url}/loop"), "redirects more than 5 times")
    assert site.hits == ["/loop"] * 6


# Limits, broken answers and malformed addresses: a one-line message, never a traceback.


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/image", "image/png"),
        ("/missing", "answered 404"),
        ("/no-location", "answered 302 but not where to go"),
        ("/big", "larger than 1,000 bytes"),
        ("/big-unsized", "larger than 1,000 bytes"),
        ("/br", "compressed as 'br'"),
        ("/not-http", "not HTTP"),
        ("/silent", "closed the connection without answering"),
        ("/broken-chunked", "chunked encoding is malformed"),
        ("/cut-chunked", "broke off"),
        ("/cut", "before the end of the page"),
        ("/gzip-cut", "compressed page that ends early"),
        ("/bad-gzip", "compressed page is corrupt"),
    ],
)
def test_failures_are_clear(site: Site, path: str, message: str) -> None:
    refusal(lambda: fetch(f"{site.url}{path}", max_bytes=1000), message)


def test_a_decompression_bomb_is_refused(site: Site) -> None:
    start = time.monotonic()
    refusal(lambda: fetch(f"{site.url}/bomb", max_bytes=100_000), "larger than 100,000 bytes")
    assert time.monotonic() - start < 2


@pytest.mark.parametrize(
    ("path", "every_s"),
    [("/trickle", 0.3), ("/trickle", 2), ("/slow-headers", 0.3)],
    ids=["body-fast", "body-slow", "headers"],
)
def test_one_deadline_bounds_the_whole_fetch(site: Site, path: str, every_s: float) -> None:
    start = time.monotonic()
    refusal(lambda: fetch(f"{site.url}{path}?every={every_s}", timeout_s=1.5), "within 1.5 s")
    assert time.monotonic() - start < 2.5


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)", "", "   "]
)
def test_only_http_and_https(url: str) -> None:
    refusal(lambda: fetch_article(url, resolve=NO_DNS), "http")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:abc/",
        "http://127.0.0.1:99999/",
        "http://127.0.0.1:0/",
        "http://[::1/",
        "http://[not-an-address]/",
        "http://exa mple.com/",
        "http://example.com/a b",
        "http://example.com/\nHost: evil",
        "http://example.com/\r\nx",
        "http://example.com/\x00",
        "http://example.com/\x7f",
        "http://example.com/\u2028x",
        "http://example.com\t/",
        "http:///article",
        "http://:80/",
        "http://user:password@example.com/",
        "http://example.com@127.0.0.1/",
        "http://a..b/",
        "http://example.123/",
        "http://1.2.3.4.5/",
        "http://256.0.0.1/",
        "http://09.0.0.1/",
        "http://%31%32%37.0.0.1/",
        "http://a\\b/",
        "http://" + "a" * 64 + ".example/",
    ],
)
def test_malformed_addresses_are_refused_cleanly(url: str) -> None:
    refusal(lambda: fetch_article(url, resolve=NO_DNS), None)


def test_a_closed_port_fails_quickly() -> None:
    refusal(lambda: fetch("http://127.0.0.1:9/nothing", timeout_s=2), "could not fetch")


def test_an_unknown_name_fails_clearly() -> None:
    def unknown(host: str, port: int) -> list[str]:
        raise OSError(-2, "Name or service not known")

    refusal(
        lambda: fetch_article("http://nowhere.example/", resolve=unknown),
        "could not find the host nowhere.example: Name or service not known",
    )


def test_a_slow_resolver_counts_against_the_deadline() -> None:
    def slow(host: str, port: int) -> list[str]:
        time.sleep(3)
        return ["93.184.215.14"]

    start = time.monotonic()
    refusal(lambda: fetch_article("http://slow.example/", resolve=slow, timeout_s=1), "within 1 s")
    assert time.monotonic() - start < 2


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
        ("64:ff9b::5db8:d70e", None),
        ("2002:5db8:d70e::1", None),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("64:ff9b:1::1", "a private address"),
        ("198.18.0.1", "a benchmarking address"),
        ("100::1", "a reserved address"),
    ],
)
def test_the_default_policy(address: str, reason: str | None) -> None:
    assert public_only(ipaddress.ip_address(address)) == reason


# https: the connection goes to the checked address, the name is checked on the certificate.


@pytest.fixture(scope="module")
def https_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, Path]]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=news.example",
         "-addext", "subjectAltName=DNS:news.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd, site = serve(context)
    yield site, cert
    httpd.shutdown()
    httpd.server_close()


def test_https_checks_the_certificate_against_the_name_in_the_address(
    https_site: tuple[Site, Path],
) -> None:
    site, cert = https_site
    trusted = ssl.create_default_context(cafile=cert)
    names = resolver({"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    url = f"https://news.example:{site.port}/host"
    assert fetch(url, resolve=names, tls=trusted) == f"news.example:{site.port}"
    refusal(
        lambda: fetch(f"https://other.example:{site.port}/host", resolve=names, tls=trusted),
        "secure connection failed",
    )
    refusal(lambda: fetch(url, resolve=names), "secure connection failed")


def test_https_to_a_plain_server_fails_clearly(site: Site) -> None:
    refusal(lambda: fetch(f"https://127.0.0.1:{site.port}/article"), "could not fetch")
