"""Fetching an article from a URL: off unless the user asks, and the only module that goes online.

A URL typed by a user must not reach what only this machine can reach (loopback, the private
network, a cloud metadata service), so each hop resolves its host once, refuses it if any
address is not public, and connects to exactly the addresses it checked; redirects are
followed here, hop by hop, under the same rules. One deadline bounds the whole fetch, and a
size limit bounds the bytes received and the bytes they decompress to. Which addresses count
as public is decided in :mod:`geo.addresses`, and how the bytes become text in :mod:`geo.inputs`.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import logging
import re
import socket
import ssl
import string
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TypeAlias
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from geo.addresses import LOCALHOST, AddressPolicy, IPAddress, numeric_host, public_only
from geo.errors import InputError
from geo.inputs import (
    MAX_BYTES,
    Article,
    decode_bytes,
    decode_page,
    html_to_text,
    page_published,
)

__all__ = [
    "AddressPolicy",
    "Resolver",
    "fetch_article",
    "fetch_page",
    "public_only",
    "resolve_addresses",
]

_log = logging.getLogger(__name__)

Resolver: TypeAlias = Callable[[str, int], list[str]]
"""The addresses of a host name, as strings, for a port."""

_HEADERS = {
    "User-Agent": "newsmap/0.1 (+article fetch on user request)",
    "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9",
    "Accept-Encoding": "gzip, deflate",
    "Connection": "close",
}
_MAX_REDIRECTS = 5  # what browsers allow is 20; an article link needs one or two
_CHUNK = 64 * 1024
_PAGE_TYPES = ("text/html", "text/plain", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def resolve_addresses(host: str, port: int) -> list[str]:
    """The default resolver: every address ``socket.getaddrinfo`` gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True, slots=True)
class _Target:
    """One hop's URL taken apart: the host as sent, and the address if the URL spells one."""

    https: bool
    host: str
    port: int
    path: str
    literal: IPAddress | None


@dataclass(frozen=True, slots=True)
class _Reply:
    location: str | None = None
    body: bytes = b""
    kind: str = "text/html"
    charset: str | None = None


def _parse(url: str) -> _Target:
    if not url:
        raise InputError("give an http:// or https:// address")
    if " " in url or not url.isprintable():
        raise InputError(f"{url!r} contains a space or a control character; check the address")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise InputError(f"{url} is not a valid address ({err})") from err
    if parts.scheme not in ("http", "https"):
        raise InputError(f"{url} is not an http:// or https:// address")
    if "@" in parts.netloc:
        raise InputError(f"{url} has a user name or password; give the address without them")
    if not parts.hostname:
        raise InputError(f"{url} has no host name")
    if port == 0:
        raise InputError(f"{url} is not a valid address (port 0)")
    literal: IPAddress | None
    try:
        if ":" in parts.hostname:
            host = parts.hostname
            literal = ipaddress.IPv6Address(host)
        else:
            host = parts.hostname.encode("idna").decode("ascii")
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", host):
                raise ValueError(host)
            literal = numeric_host(host)
    except (ValueError, UnicodeError) as err:
        raise InputError(f"{url} is not a valid address (bad host name)") from err
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    return _Target(
        https=parts.scheme == "https",
        host=host,
        port=port or (443 if parts.scheme == "https" else 80),
        path=quote(path, safe=string.punctuation),  # only non-ASCII needs escaping
        literal=literal,
    )


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


def _resolve_in_time(resolve: Resolver, host: str, port: int, deadline: float) -> list[str]:
    # getaddrinfo has no timeout of its own: wait for it only until the deadline.
    answer: Future[list[str]] = Future()

    def run() -> None:
        try:
            answer.set_result(resolve(host, port))
        except Exception as err:
            answer.set_exception(err)

    threading.Thread(target=run, name="newsmap-resolve", daemon=True).start()
    return answer.result(timeout=_remaining(deadline))  # TimeoutError at the deadline


def _checked_addresses(
    target: _Target, where: str, policy: AddressPolicy, resolve: Resolver, deadline: float
) -> list[str]:
    """The addresses to connect to, each allowed by ``policy``; resolved once, here only."""
    name = target.host.removesuffix(".")
    if target.literal is not None:
        ips: Sequence[IPAddress] = [target.literal]
    elif name == "localhost" or name.endswith(".localhost"):
        ips = LOCALHOST  # RFC 6761: always loopback, whatever a resolver says
    else:
        try:
            found = _resolve_in_time(resolve, target.host, target.port, deadline)
            ips = [ipaddress.ip_address(a) for a in dict.fromkeys(found)]
        except TimeoutError:
            raise
        except OSError as err:
            reason = getattr(err, "strerror", None) or err
            raise InputError(f"could not find the host {target.host}: {reason}") from err
        except ValueError as err:
            raise InputError(f"the host {target.host} resolved to a bad address") from err
        if not ips:
            raise InputError(f"could not find the host {target.host}: no address")
    for ip in ips:
        why = policy(ip)
        if why is not None:
            raise InputError(
                f"{where} points to {why} ({ip}); newsmap only fetches public web addresses"
            )
    return [str(ip) for ip in ips]


class _Pinned(http.client.HTTPConnection):
    """HTTP or HTTPS to addresses already checked. The host name is only sent (Host header,
    TLS SNI, certificate check), never resolved again, so DNS rebinding cannot swap in
    another address."""

    def __init__(
        self, target: _Target, ips: Sequence[str], deadline: float, tls: ssl.SSLContext | None
    ) -> None:
        super().__init__(target.host, target.port, timeout=_remaining(deadline))
        self.default_port = 443 if target.https else 80  # Host header omits the default port
        self._ips = ips
        self._deadline = deadline
        self._tls = (tls or ssl.create_default_context()) if target.https else None
        self.live: socket.socket | None = None  # kept: http.client drops self.sock on close
        self.aborted = False

    def connect(self) -> None:
        error: OSError = ConnectionError("no address to connect to")
        for ip in self._ips:
            try:
                sock = socket.create_connection((ip, self.port), _remaining(self._deadline))
                break
            except TimeoutError:
                raise
            except OSError as err:
                error = err
        else:
            raise error
        self.live = sock
        if self._tls is not None:
            sock = self.live = self._tls.wrap_socket(
                sock, server_hostname=self.host, do_handshake_on_connect=False
            )
            self.arm()
            sock.do_handshake()
        self.sock = sock

    def arm(self) -> None:
        """Let the next read wait only until the deadline."""
        if self.aborted:
            raise TimeoutError
        left = _remaining(self._deadline)
        if self.live is not None and self.live.fileno() != -1:  # -1: the page has ended
            self.live.settimeout(left)

    def abort(self) -> None:
        """At the deadline, from a timer: a read still waiting (a header trickled byte by
        byte resets a socket timeout at every byte) returns at once."""
        self.aborted = True
        if self.live is not None:
            with contextlib.suppress(OSError):  # already closed: nothing left to stop
                socket.socket.shutdown(self.live, socket.SHUT_RDWR)


def _read_body(
    conn: _Pinned, response: http.client.HTTPResponse, where: str, max_bytes: int
) -> bytes:
    """The body, decompressed, read in chunks so the deadline and the size limit both hold
    whatever Content-Length says."""
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity" and encoding not in _WBITS:
        raise InputError(f"{where} is compressed as {encoding!r}; newsmap reads gzip or deflate")
    inflate = zlib.decompressobj(_WBITS[encoding]) if encoding in _WBITS else None
    parts: list[bytes] = []
    received = size = 0
    while True:
        conn.arm()
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        received += len(chunk)
        # max_length stops a small compressed body from expanding past the limit in memory
        data = inflate.decompress(chunk, max_bytes - size + 1) if inflate else chunk
        size += len(data)
        if received > max_bytes or size > max_bytes:
            raise InputError(f"{where} is larger than {max_bytes:,} bytes")
        parts.append(data)
    conn.arm()  # a read cut short by the deadline looks like the end of the page
    if response.length:
        raise InputError(f"{where} closed the connection before the end of the page")
    if inflate is not None and received and not inflate.eof:
        raise InputError(f"{where} sent a compressed page that ends early")
    return b"".join(parts)


_MEANINGS: tuple[tuple[type[Exception], str], ...] = (
    (http.client.RemoteDisconnected, "the server closed the connection without answering"),
    (http.client.BadStatusLine, "the answer is not HTTP"),
    (http.client.IncompleteRead, "the answer broke off or its chunked encoding is malformed"),
    (zlib.error, "the compressed page is corrupt"),
)


def _describe(err: Exception) -> str:
    """One line for a user; RemoteDisconnected comes before BadStatusLine, its base class."""
    meaning = next((text for kind, text in _MEANINGS if isinstance(err, kind)), None)
    if isinstance(err, ssl.SSLError):
        meaning = f"secure connection failed ({err.reason or err})"
    reason = meaning or getattr(err, "strerror", None) or str(err) or type(err).__name__
    return " ".join(str(reason).split())


def _request(
    target: _Target,
    ips: Sequence[str],
    where: str,
    url: str,
    deadline: float,
    max_bytes: int,
    tls: ssl.SSLContext | None,
) -> _Reply:
    conn = _Pinned(target, ips, deadline, tls)
    watchdog = threading.Timer(_remaining(deadline), conn.abort)
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request("GET", target.path, headers=_HEADERS)
        conn.arm()
        response = conn.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise InputError(f"{where} answered {response.status} but not where to go")
            return _Reply(location=location)
        if not 200 <= response.status < 300:
            raise InputError(f"{where} answered {response.status} {response.reason}")
        kind = response.headers.get_content_type()
        if kind not in _PAGE_TYPES:
            raise InputError(f"{where} is {kind}, not a web page or text")
        body = _read_body(conn, response, where, max_bytes)
        return _Reply(body=body, kind=kind, charset=response.headers.get_content_charset())
    except (InputError, TimeoutError):
        raise
    except (OSError, http.client.HTTPException, zlib.error, ValueError) as err:
        if conn.aborted or time.monotonic() >= deadline:
            raise TimeoutError from err
        raise InputError(f"could not fetch {url}: {_describe(err)}") from err
    finally:
        watchdog.cancel()
        conn.close()


def fetch_article(
    url: str,
    *,
    timeout_s: float = 10.0,
    max_bytes: int = MAX_BYTES,
    address_policy: AddressPolicy = public_only,
    resolve: Resolver = resolve_addresses,
    tls: ssl.SSLContext | None = None,
) -> str:
    """The readable text of the page at ``url``: :func:`fetch_page`'s text."""
    return fetch_page(url, timeout_s=timeout_s, max_bytes=max_bytes,
                      address_policy=address_policy, resolve=resolve, tls=tls).text  # fmt: skip


def fetch_page(
    url: str,
    *,
    timeout_s: float = 10.0,
    max_bytes: int = MAX_BYTES,
    address_policy: AddressPolicy = public_only,
    resolve: Resolver = resolve_addresses,
    tls: ssl.SSLContext | None = None,
) -> Article:
    """The readable text of the page at ``url``, with the publication date its metadata
    gives (:func:`geo.inputs.page_published`).

    Parameters
    ----------
    url : str
        An http:// or https:// address of a public web page.
    timeout_s : float
        The time allowed for the whole fetch, redirects, DNS and the body included.
    max_bytes : int
        The most bytes received, and the most they may decompress to.
    address_policy : AddressPolicy
        Why an address may not be fetched from, or None; tests allow their loopback server.
    resolve : Resolver
        Looks up a host name once per hop; the connection goes to the addresses it gave.
    tls : ssl.SSLContext, optional
        Verifies https servers; by default the system's certificate authorities.

    Returns
    -------
    Article
        The page reduced to its text, one paragraph a line (a text/plain page as it is), and
        its publication date or ``None``.

    Raises
    ------
    InputError
        For a malformed address, another scheme, an address that is not public, a network
        or TLS error, a timeout, too many redirects, an error status, a page that is not text
        or HTML, a broken or oversized body, or one in an encoding that cannot be read.
    """
    url = url.strip()
    deadline = time.monotonic() + timeout_s
    hop = url
    try:
        for redirects in range(_MAX_REDIRECTS + 1):
            where = hop if hop == url else f"{url} redirected to {hop}, which"
            try:
                target = _parse(hop)
            except InputError as err:
                if hop == url:
                    raise
                raise InputError(f"{url} redirected to a bad address: {err}") from err
            ips = _checked_addresses(target, where, address_policy, resolve, deadline)
            reply = _request(target, ips, where, hop, deadline, max_bytes, tls)
            if reply.location is None:
                text = decode_page(
                    reply.body, reply.charset, where, html=reply.kind != "text/plain"
                )
                page = decode_bytes(text.encode("utf-8"), url)
                if reply.kind == "text/plain":
                    return Article(page)
                return Article(html_to_text(page), page_published(page))
            if redirects == _MAX_REDIRECTS:
                break
            _log.debug("%s redirects to %s", hop, reply.location)
            hop = urljoin(hop, reply.location)
    except TimeoutError as err:
        raise InputError(
            f"could not fetch {url}: no complete answer within {timeout_s:g} s"
        ) from err
    raise InputError(f"{url} redirects more than {_MAX_REDIRECTS} times")
