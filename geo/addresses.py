"""Which network addresses newsmap may fetch from: public ones only, and why not the others.

A URL typed by a user must not reach what only this machine can reach (loopback, the private
network, a cloud metadata service). The rules here decide that from the address alone, after
the host has been read and resolved once; :mod:`geo.fetch` applies them at every hop and then
connects to exactly the addresses they allowed. Nothing here goes online.

The same address can be spelt many ways, so this module also reads the spellings a resolver
might otherwise read differently: a host such as ``0x7f.1`` is an IPv4 address, never a name,
and an IPv6 address carrying an IPv4 one is judged by the IPv4 address it carries.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import TypeAlias

__all__ = ["LOCALHOST", "AddressPolicy", "IPAddress", "numeric_host", "public_only"]

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy: TypeAlias = Callable[[IPAddress], str | None]
"""Why newsmap may not connect to an address (``"a loopback address"``), or None if it may."""

LOCALHOST = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))
"""What ``localhost`` and any ``*.localhost`` name mean, whatever a resolver says (RFC 6761)."""

# IANA's special-purpose registries. The first matching row names the reason, so a narrow
# network comes before a wider one holding it (0.0.0.0 before 0/8, Teredo before 2001::/23).
_RULES = tuple(
    (ipaddress.ip_network(net), why)
    for why, nets in (
        ("an unspecified address", "0.0.0.0/32 ::/128"),
        ("a loopback address", "127.0.0.0/8 ::1/128"),
        ("a private address", "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7 64:ff9b:1::/48"),
        ("a shared (carrier-grade NAT) address", "100.64.0.0/10"),
        ("a link-local address", "169.254.0.0/16 fe80::/10"),
        ("a site-local address", "fec0::/10"),
        ("a multicast address", "224.0.0.0/4 ff00::/8"),
        ("a broadcast address", "255.255.255.255/32"),
        ("a Teredo tunnel address", "2001::/32"),
        ("a documentation address", "192.0.2.0/24 198.51.100.0/24 203.0.113.0/24 2001:db8::/32"),
        ("a documentation address", "3fff::/20"),
        ("a benchmarking address", "198.18.0.0/15"),
        ("a reserved address", "0.0.0.0/8 192.0.0.0/24 192.88.99.0/24 240.0.0.0/4 2001::/23"),
    )
    for net in nets.split()
)
_IPV4_PART = re.compile(r"0[xX](?P<hex>[0-9a-fA-F]*)|(?P<oct>0[0-7]*)|(?P<dec>[1-9][0-9]*)")
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def public_only(ip: IPAddress) -> str | None:
    """The default address policy: why ``ip`` is not a public address, or None if it is.

    IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that address.

    >>> public_only(ipaddress.ip_address("::ffff:127.0.0.1"))
    'a loopback address'
    >>> public_only(ipaddress.ip_address("93.184.215.14")) is None
    True
    """
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is None and ip in _NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return public_only(inner)
    why = next((why for net, why in _RULES if ip in net), None)
    if why is None and ip.version == 6 and ip not in _GLOBAL_UNICAST:
        return "a reserved address"  # outside 2000::/3 nothing is assigned for the public
    return why


def numeric_host(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host such as ``127.1``, ``0x7f000001`` or ``0177.0.0.1`` spells, read
    as the WHATWG URL standard does; None for a name. A host ending in a number is never sent
    to DNS, so no resolver can read it another way.

    Raises
    ------
    ValueError
        For a host that ends in a number but is not a valid IPv4 address (``1.2.3.4.5``).

    >>> numeric_host("0x7f.1")
    IPv4Address('127.0.0.1')
    >>> numeric_host("example.com") is None
    True
    """
    parts = host.removesuffix(".").split(".")
    if not re.fullmatch(r"[0-9]+|0[xX][0-9a-fA-F]*", parts[-1]):
        return None
    numbers = []
    for part in parts:
        if (m := _IPV4_PART.fullmatch(part)) is None:
            raise ValueError(host)
        base = 16 if m["hex"] is not None else 8 if m["oct"] else 10
        numbers.append(int(m["hex"] or m["oct"] or m["dec"] or "0", base))
    *high, low = numbers
    if len(numbers) > 4 or max(high, default=0) > 255 or low >= 256 ** (5 - len(numbers)):
        raise ValueError(host)
    return ipaddress.IPv4Address(sum(n << 8 * (3 - i) for i, n in enumerate(high)) + low)
