"""Derive ``data/phone_prefixes.csv`` from the metadata of ``phonenumbers`` (Google's
libphonenumber, Apache 2.0): the state or province of every North American area code that
serves one, and the country of every international calling code.

Run from the repository root, with phonenumbers installed (``pip install phonenumbers``; the
newsmap package itself does not need it)::

    python data/tools/phone_prefixes.py

Rows: ``prefix`` (digits after the "+": ``1519`` for area code 519, ``44`` for the United
Kingdom), ``country_code`` (ISO 3166-1), ``admin1`` (ISO 3166-2 of a state or province, or
empty).
"""

from __future__ import annotations

import csv
from pathlib import Path

import phonenumbers
from phonenumbers.geodata import GEOCODE_DATA

OUT = Path(__file__).resolve().parent.parent / "phone_prefixes.csv"

# the states, districts and provinces the data names in full, by their postal codes
_STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Washington D.C.": "DC", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY",
    "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO",
    "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH",
    "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN",
    "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "Washington State": "WA",
}  # fmt: skip
_PROVINCES = {
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Nova Scotia": "NS", "Ontario": "ON",
    "Prince Edward Island": "PE", "Quebec": "QC", "Saskatchewan": "SK",
    "Northwest Territories": "NT", "Nunavut": "NU", "Yukon": "YT",
    "Nova Scotia/Prince Edward Island": "", "Northwest Territories/Nunavut/Yukon": "",
}  # fmt: skip


def _country(area: int) -> str:
    """The country of a North American area code, from a valid number in it."""
    for exchange in range(200, 1000, 7):
        number = phonenumbers.parse(f"+1{area}{exchange}1234")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.region_code_for_number(number) or ""
    return ""


def _admin1(country: str, where: str) -> str:
    _, _, tail = where.rpartition(", ")
    if len(tail) == 2 and tail.isupper():
        return f"{country}-{tail}"
    codes = _PROVINCES if country == "CA" else _STATES if country == "US" else {}
    code = codes.get(where, "")
    return f"{country}-{code}" if code else ""


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    for area in range(200, 1000):
        where = (GEOCODE_DATA.get(f"1{area}") or {}).get("en", "")
        country = _country(area)  # (none for toll-free and unassigned codes)
        if country in ("US", "CA") and where:
            rows.append((f"1{area}", country, _admin1(country, where)))
        elif country and country not in ("US", "CA"):
            rows.append((f"1{area}", country, ""))  # a Caribbean or Pacific country
    for calling, regions in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()):
        if calling != 1 and regions and regions[0] != "001":
            rows.append((str(calling), regions[0], ""))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(("prefix", "country_code", "admin1"))
        out.writerows(rows)
    print(f"{len(rows)} rows -> {OUT.name} (phonenumbers {phonenumbers.__version__})")


if __name__ == "__main__":
    main()
