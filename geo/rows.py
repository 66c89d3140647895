"""The row a place is written to the index as, and how each of its names relates to it.

Only the gazetteer's build (:mod:`geo.sources` and the readers it calls) makes rows; the
name forms are stored with each name and read back by the stages that weigh them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from shapely.geometry.base import BaseGeometry

from geo.models import PlaceKind

__all__ = ["NameForm", "Row"]


class NameForm(IntEnum):
    """How a name in the index relates to its place; stored as an integer."""

    MAIN = 0  # the place's own name
    ALTERNATE = 1  # a GeoNames alternate name
    ALIAS = 2  # a curated alias ("Britain")
    ABBREVIATION = 3  # matched with its exact case ("US", "DPRK", "B.C.")
    DEMONYM = 4  # an adjective ("Turkish")


@dataclass(slots=True)
class Row:
    """One place as it is written to the index."""

    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    geonameid: int | None = None
    names: dict[str, NameForm] = field(default_factory=dict)
    shape: BaseGeometry | None = None

    def add_name(self, name: str, form: NameForm) -> None:
        name = name.strip()
        if name and (name not in self.names or form < self.names[name]):
            self.names[name] = form
