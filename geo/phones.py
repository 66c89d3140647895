"""Where an article's telephone numbers ring: evidence of the region a local story is about.

Local news ends with numbers to call ("call London police at 519-661-5670"), and a North
American area code belongs to one state or province: 519 is south-western Ontario, so that
story's "London" is the one in Ontario. A number written with its country code ("+44 20 7946
0000") tells the country. Toll-free and other non-geographic numbers tell nothing.

The area codes and calling codes are in ``data/phone_prefixes.csv``, derived from the metadata
of libphonenumber (``data/README.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from geo.datafiles import read_csv

__all__ = ["PhoneRegion", "phone_regions"]

# "519-661-5670", "(519) 661-5670", "1-519-661-5670", "+1 519.661.5670": an area code and an
# exchange that do not start with 0 or 1, and separators (a run of bare digits is a figure)
_NORTH_AMERICAN = re.compile(
    r"(?<![\w+\-.])(?:\+?1[ .-])?(?:\((?P<paren>[2-9]\d\d)\) ?|(?P<area>[2-9]\d\d)[ .-])"
    r"[2-9]\d\d[ .-]\d{4}(?![\w-])"
)
# "+44 20 7946 0000", "+7 495 ...": a calling code, then the number
_INTERNATIONAL = re.compile(r"(?<![\w+])\+(?P<code>[2-9]\d{0,2})[ .-]?\(?\d")
_MOST = 20  # a text with more numbers is a directory: its first ones are evidence enough


@dataclass(frozen=True, slots=True)
class PhoneRegion:
    """The country (ISO code) of a number and, for North America, its state or province
    (ISO 3166-2, "CA-ON"; empty where the area code serves more than one)."""

    country_code: str
    admin1: str = ""


@cache
def _prefixes() -> MappingProxyType[str, PhoneRegion]:
    rows = read_csv("phone_prefixes.csv")
    table = {r["prefix"]: PhoneRegion(r["country_code"], r["admin1"]) for r in rows}
    return MappingProxyType(table)


def phone_regions(text: str) -> tuple[PhoneRegion, ...]:
    """The places of the geographic telephone numbers in ``text``, in text order.

    >>> phone_regions("Call London police at 519-661-5670 or Crime Stoppers at 1-800-222-8477.")
    (PhoneRegion(country_code='CA', admin1='CA-ON'),)
    >>> phone_regions("Call the museum at (806) 423-1253, or London on +44 20 7946 0000.")
    (PhoneRegion(country_code='US', admin1='US-TX'), PhoneRegion(country_code='GB', admin1=''))
    """
    prefixes = _prefixes()
    found: list[tuple[int, PhoneRegion]] = []
    for match in _NORTH_AMERICAN.finditer(text):
        region = prefixes.get("1" + (match.group("paren") or match.group("area")))
        if region is not None:  # (toll-free and unassigned codes are in no row)
            found.append((match.start(), region))
        if len(found) == _MOST:
            break
    for match in _INTERNATIONAL.finditer(text):
        code = match.group("code")
        region = next((r for n in (3, 2, 1) if (r := prefixes.get(code[:n])) is not None), None)
        if region is not None and len(found) < 2 * _MOST:
            found.append((match.start(), region))
    return tuple(region for _, region in sorted(found, key=lambda x: x[0]))
