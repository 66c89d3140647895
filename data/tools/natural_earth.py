"""Derive ``data/natural_earth_admin1.csv`` and ``data/natural_earth_features.csv`` from
Natural Earth 1:10m layers (public domain): one row per named unit or feature, with a point
inside it and the name forms news text uses ("Zambezi River", "River Zambezi").

The layers are read from one folder (the first argument), as they come from two public
repackagings of Natural Earth (``data/README.md`` names the commits and the unpacking):

- attribute tables as CSV (Raysphere24/NaturalEarthCsvTsv, ``csv_with_names/10m_*``):
  ``ne_10m_admin_1_states_provinces.csv`` (label points in ``latitude``/``longitude``),
  ``ne_10m_geography_regions_points.csv`` and
  ``ne_10m_geography_regions_elevation_points.csv`` (points in ``lat_y``/``long_x``);
- GeoJSON with geometry (martynafford/natural-earth-geojson, ``10m/physical``; the larger
  ones unpacked from their ``.7z``): ``ne_10m_rivers_lake_centerlines.json``,
  ``ne_10m_lakes.json``, ``ne_10m_geography_marine_polys.json``,
  ``ne_10m_geography_regions_polys.json``.

Run from the repository root::

    python data/tools/natural_earth.py SOURCE_DIR

It writes both tables into ``data/``. Needs only shapely (a dependency of newsmap).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.ops import linemerge, polylabel

OUT = Path(__file__).resolve().parent.parent
_SMALL = {"of", "the", "and", "de", "del", "des", "du", "la", "le", "les", "da", "do", "di"}
_ABBREVIATIONS = {
    "Mts.": "Mountains",
    "Mts": "Mountains",
    "Mt.": "Mount",
    "Ra.": "Range",
    "Pen.": "Peninsula",
    "Is.": "Islands",
    "I.": "Island",
    "Isands": "Islands",
    "Arch.": "Archipelago",
    "Pl.": "Plateau",
    "Des.": "Desert",
    "G.": "Gulf",
    "Str.": "Strait",
    "Lk.": "Lake",
    "R.": "River",
    "N.": "North",
    "S.": "South",
    "E.": "East",
    "W.": "West",
}
# Natural Earth feature classes -> newsmap kinds
_REGION_CLASSES = {
    "range/mtn": "region",
    "plateau": "region",
    "desert": "region",
    "plain": "region",
    "basin": "region",
    "lowland": "region",
    "peninsula": "region",
    "pen/cape": "region",
    "island": "region",
    "island group": "region",
    "delta": "region",
    "valley": "region",
    "tundra": "region",
    "wetlands": "region",
    "foothills": "region",
    "isthmus": "region",
    "geoarea": "region",
    "coast": "region",
    "depression": "landmark",
    "gorge": "landmark",
}
_POINT_CLASSES = {
    "mountain": "landmark",
    "cape": "landmark",
    "waterfall": "landmark",
    "island": "region",
    "island group": "region",
    "plateau": "region",
    "depression": "landmark",
    "pass": "landmark",
}
FIELDS = ["id", "name", "kind", "feature", "scalerank", "country_code", "lat", "lon", "aliases"]


def nice(name: str) -> str:
    """Natural Earth writes large features in capitals ("GULF OF ADEN", "TIBESTI MTS."):
    title case them, spell out abbreviations and squeeze spaces."""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip()
    words = name.split(" ")
    if name.isupper() or any(w.isupper() and len(w) > 3 for w in words):
        words = [
            w.lower() if i and w.lower() in _SMALL else w[:1].upper() + w[1:].lower()
            for i, w in enumerate(words)
        ]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def point_of(geom: Any) -> tuple[float, float]:
    """A point on a line (the middle of its longest merged stretch) or inside a polygon (the
    centroid of its largest part, or its pole of inaccessibility)."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        merged = linemerge(geom) if geom.geom_type == "MultiLineString" else geom
        parts = list(getattr(merged, "geoms", [merged]))
        longest = max(parts, key=lambda p: p.length)
        p = longest.interpolate(0.5, normalized=True)
    else:
        parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
        main = max(parts, key=lambda g: g.area)
        p = main.centroid
        if not main.contains(p):
            p = polylabel(main, tolerance=0.01)
    return round(p.y, 4), round(p.x, 4)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def water_forms(name: str, feature: str) -> tuple[str, list[str]]:
    """The display name and other forms of a river or lake."""
    if feature == "river":
        if re.search(r"\b(River|Rio|Río|Creek|Canal|Delta)\b", name):
            return name, []
        # never the bare name: "Amazon", "Fox", "French" and "Fly" name much else in news
        return f"{name} River", [f"River {name}"]
    if re.search(r"\b(Lake|Lago|Lac|Loch|Lough|Reservoir|Sea|Bay|Channel)\b", name):
        return name, []
    return f"Lake {name}", [f"{name} Lake"]


def mountain_forms(name: str) -> list[str]:
    m = re.match(r"(Mount|Mt\.?|Monte|Mont)\s+(.+)", name)
    if m:
        rest = m.group(2)
        return [f"Mount {rest}", f"Mt. {rest}", f"Mt {rest}"]
    return []


def admin1(src: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    with (src / "ne_10m_admin_1_states_provinces.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code, iso = r["iso_a2"], r["iso_3166_2"]
            name = nice(r["name_en"] or r["name"])
            if not name or len(code) != 2 or code == "US" or not r["latitude"]:
                continue
            ident = f"admin1:{iso}" if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", iso) else ""
            if not ident or ident in seen:
                ident = f"admin1:{code}-NE{r['adm1_code'].split('-')[-1]}"
            seen.add(ident)
            aliases = {nice(a) for a in [r["name"], *r["name_alt"].split("|")] if a}
            aliases.discard(name)
            out.append({
                "id": ident,
                "name": name,
                "kind": "admin1",
                "feature": r["type_en"],
                "scalerank": r["scalerank"],
                "country_code": code,
                "lat": round(float(r["latitude"]), 4),
                "lon": round(float(r["longitude"]), 4),
                "aliases": "|".join(sorted(aliases)),
            })  # fmt: skip
    return out


def _geojson(path: Path) -> list[tuple[dict[str, Any], Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for f in data["features"]:
        props = {k.lower(): v for k, v in f["properties"].items()}
        if props.get("name") and f.get("geometry"):
            out.append((props, shape(f["geometry"])))
    return out


def features(src: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(layer: str, name: str, kind: str, feature: str, rank: Any, point: tuple[float, float],
            aliases: list[str], country: str = "") -> None:  # fmt: skip
        forms = sorted({a for a in aliases if a and a != name})
        out.append({
            "id": f"ne:{layer}:{slug(name)}-{slug(country) or round(point[0])}",
            "name": name,
            "kind": kind,
            "feature": feature,
            "scalerank": int(float(rank)),
            "country_code": country,
            "lat": point[0],
            "lon": point[1],
            "aliases": "|".join(forms),
        })  # fmt: skip

    # rivers: one row per named river system (same name and river number)
    groups: dict[tuple[str, Any], list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for props, geom in _geojson(src / "ne_10m_rivers_lake_centerlines.json"):
        if props.get("featurecla") == "River":
            groups[(nice(props["name"]), props.get("rivernum"))].append((props, geom))
    for (name, _num), parts in groups.items():
        if name.endswith("Delta"):
            continue
        geom = shapely.union_all([g for _, g in parts])
        rank = min(p["scalerank"] for p, _ in parts)
        display, forms = water_forms(name, "river")
        for p, _ in parts:
            if p.get("name_alt"):
                other, other_forms = water_forms(nice(p["name_alt"]), "river")
                forms += [other, *other_forms]
        add("river", display, "water", "river", rank, point_of(geom), forms)
    for props, geom in _geojson(src / "ne_10m_lakes.json"):
        display, forms = water_forms(nice(props["name"]), "lake")
        alt = [nice(props["name_alt"])] if props.get("name_alt") else []
        add("lake", display, "water", props["featurecla"].lower(), props["scalerank"],
            point_of(geom), forms + alt)  # fmt: skip
    for props, geom in _geojson(src / "ne_10m_geography_marine_polys.json"):
        name = nice(props["name"])
        alt = [nice(props["namealt"])] if props.get("namealt") else []
        add("marine", name, "water", props["featurecla"].lower(), props["scalerank"],
            point_of(geom), alt)  # fmt: skip
    for props, geom in _geojson(src / "ne_10m_geography_regions_polys.json"):
        feature = props["featurecla"].lower()
        kind = _REGION_CLASSES.get(feature)
        if kind is None:
            continue
        name = nice(props["name"])
        alt = [nice(props["namealt"])] if props.get("namealt") else []
        add("region", name, kind, feature, props["scalerank"], point_of(geom), alt)
    for table in ("ne_10m_geography_regions_points.csv",
                  "ne_10m_geography_regions_elevation_points.csv"):  # fmt: skip
        with (src / table).open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                feature = r["featurecla"].lower()
                kind = _POINT_CLASSES.get(feature)
                name = nice(r["name"])
                if kind is None or not name:
                    continue
                point = (round(float(r["lat_y"]), 4), round(float(r["long_x"]), 4))
                alt = [nice(a) for a in (r["name_alt"], r["name_en"]) if a]
                if feature == "mountain":
                    alt += mountain_forms(name)
                add("point", name, kind, feature, r["scalerank"], point, alt)
    unique: dict[str, dict[str, Any]] = {}
    for row in out:
        while row["id"] in unique:
            row["id"] += "x"
        unique[row["id"]] = row
    return list(unique.values())


def write(name: str, rows: list[dict[str, Any]]) -> None:
    with (OUT / name).open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(sorted(rows, key=lambda r: r["id"]))
    print(f"{name}: {len(rows)} rows")


def main(argv: list[str]) -> int:
    src = Path(argv[1])
    write("natural_earth_admin1.csv", admin1(src))
    write("natural_earth_features.csv", features(src))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
