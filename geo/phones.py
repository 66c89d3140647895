"""Where an article's telephone numbers ring: evidence of the region a local story is about.

Local news ends with numbers to call ("call London police at 519-661-5670"), and a North
American area code belongs to one state or province: 519 is south-western Ontario, so that
story's "London" is the one in Ontario. A number written with its country code ("+44 20 7946
0000") tells the country. Toll-free and other non-geographic numbers tell nothing.

The numbers are found and read by ``phonenumbers`` (Google's libphonenumber data, Apache 2.0),
which knows the area codes, their overlays and the places they serve.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import phonenumbers
from phonenumbers import geocoder

__all__ = ["PhoneRegion", "phone_regions"]

log = logging.getLogger(__name__)

# North American numbers without a country code are read as such; any other number needs its
# "+" and country code to be found at all (a bare "020 8379 1000" is no number of this region)
_HOME = "US"
_NANP = 1
# (a long text of digits is a list, not a story: its first numbers are evidence enough)
_MOST = 20
_MAX_TRIES = 2_000


@dataclass(frozen=True, slots=True)
class PhoneRegion:
    """The country (ISO code) and, for North America, the state or province a number is in:
    its two-letter postal code ("WV", "ON"), or its name where the data gives only that."""

    country_code: str
    region: str = ""


def phone_regions(text: str) -> tuple[PhoneRegion, ...]:
    """The places of the geographic telephone numbers in ``text``, in text order.

    >>> phone_regions("Call London police at 519-661-5670 or Crime Stoppers at 1-800-222-8477.")
    (PhoneRegion(country_code='CA', region='ON'),)
    >>> phone_regions("Call the museum at 806-423-1253.")
    (PhoneRegion(country_code='US', region='Texas'),)
    """
    found: list[PhoneRegion] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text, _HOME, leniency=phonenumbers.Leniency.VALID, max_tries=_MAX_TRIES
    )
    for match in matcher:
        number = match.number
        code = phonenumbers.region_code_for_number(number)
        if not code or code == "001":
            continue
        if number.country_code != _NANP:
            found.append(PhoneRegion(code))
        else:
            where = geocoder.description_for_number(number, "en")
            if not where:  # toll-free, or an area code that serves no one place
                continue
            _, _, region = where.rpartition(", ")
            found.append(PhoneRegion(code, region))
        if len(found) == _MOST:
            break
    return tuple(found)
